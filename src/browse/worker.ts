// The browse worker's message loop (module worker, started by src/browse/remote.ts for a region-wide built feed); the
// work itself is in worker-core.ts. Requests are answered one at a time, in order.
import { createWorkerCore, type WorkerRequest } from './worker-core';

const core = createWorkerCore();
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

scope.onmessage = (event) => {
  try {
    const { reply, transfer } = core.handle(event.data);
    scope.postMessage(reply, transfer);
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: String(error) }, []);
  }
};
