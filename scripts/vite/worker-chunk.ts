// Builds the browse worker (src/browse/worker.ts) as one more chunk of the app rather than as a bundle of its own (what
// `new Worker(new URL(...))` would give): the search, schedule and feed-decoding modules it uses are then shared with the
// page's chunks instead of shipped twice. The app imports its address from 'virtual:browse-worker-url'; in `vite dev`
// that is the source file, which the dev server serves as a module.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:browse-worker-url';
const RESOLVED = `\0${VIRTUAL}`;
const WORKER = fileURLToPath(new URL('../../src/browse/worker.ts', import.meta.url));

export function browseWorkerChunk(): Plugin {
  let isBuild = false;
  return {
    name: 'tc-browse-worker-chunk',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!isBuild) return `export default '/src/browse/worker.ts';`;
      const reference = this.emitFile({ type: 'chunk', id: WORKER, name: 'browse-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
