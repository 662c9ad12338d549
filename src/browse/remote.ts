// The page's side of the browse worker (worker.ts): started for a region-wide built feed, it searches and clusters
// there so the page stays free while someone types or moves the map. Requests are answered in order. Searches and map
// views each go in their own lane: while one is being worked on, only the newest waiting request of that lane is kept
// (a person typing 'knit' needs the answer for 'knit', not for 'k', 'kn' and 'kni'), and a dropped one answers null.
import workerUrl from 'virtual:browse-worker-url';
import type { ClusterSource, MapItem } from '../map/cluster';
import type { BBox } from '../map/markers';
import type { LatLng } from './distance';
import type { FilterOptions } from './filter';
import type { BrowseQuery } from './query';
import type { Answer, WorkerReply, WorkerRequest } from './worker-core';

export interface RemoteBrowse {
  /** The local date of the session's 'now' in the area's time zone. */
  readonly today: string;
  readonly options: FilterOptions;
  ask(query: BrowseQuery, position: LatLng | null, language: string): Promise<Answer | null>;
  /** The map of an answer's results, in a language; null if a newer map was asked for first or the answer is gone. */
  clusters(answer: number, language: string): Promise<ClusterSource | null>;
  close(): void;
}

type Request = Extract<WorkerRequest, { kind: 'ask' | 'map' }>;
type Reply = Extract<WorkerReply, { kind: 'answer' | 'map' | 'gone' }>;

interface Waiting {
  request: Request;
  resolve: (reply: Reply | null) => void;
  reject: (error: Error) => void;
}

/** Starts the worker on the feed's text; resolves once it has prepared the feed, rejects if it cannot (no workers, a failure). */
export function openRemoteBrowse(text: string, url: string, now: Date): Promise<RemoteBrowse> {
  return new Promise((resolveOpen, rejectOpen) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { type: 'module', name: 'browse' });
    } catch (error) {
      rejectOpen(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let nextId = 1;
    let failure: Error | null = null;
    const inFlight = new Map<number, Waiting>();
    const lanes: Record<Request['kind'], { busy: boolean; waiting: Waiting | null }> = {
      ask: { busy: false, waiting: null },
      map: { busy: false, waiting: null },
    };

    const send = (kind: Request['kind']): void => {
      const lane = lanes[kind];
      if (lane.busy || !lane.waiting) return;
      const next = lane.waiting;
      lane.waiting = null;
      lane.busy = true;
      inFlight.set(next.request.id, next);
      worker.postMessage(next.request);
    };
    const enqueue = (request: Request): Promise<Reply | null> => {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const lane = lanes[request.kind];
        lane.waiting?.resolve(null);
        lane.waiting = { request, resolve, reject };
        send(request.kind);
      });
    };
    const fail = (error: Error): void => {
      failure = error;
      rejectOpen(error);
      for (const waiting of [...inFlight.values(), lanes.ask.waiting, lanes.map.waiting]) waiting?.reject(error);
      inFlight.clear();
      lanes.ask.waiting = lanes.map.waiting = null;
      worker.terminate();
    };

    const viewOf = (answer: number, language: string, bbox: BBox | null, zoom: number): Promise<Extract<Reply, { kind: 'map' }> | null> =>
      enqueue({ kind: 'map', id: nextId++, answer, language, bbox, zoom }).then((reply) => (reply?.kind === 'map' ? reply : null));

    const remote = (today: string, options: FilterOptions): RemoteBrowse => ({
      today,
      options,
      ask: (query, position, language) =>
        enqueue({ kind: 'ask', id: nextId++, query, position, language }).then((reply) => {
          if (reply?.kind !== 'answer') return null;
          const { id, indices, nextStart, nextEnd, nextSession, distance, relaxation } = reply;
          return { id, indices, nextStart, nextEnd, nextSession, distance, relaxation };
        }),
      clusters: async (answer, language) => {
        const first = await viewOf(answer, language, null, 0);
        if (!first) return null;
        return {
          size: first.size,
          bounds: first.bounds,
          itemsFor: (bbox: BBox, zoom: number): Promise<MapItem[] | null> => viewOf(answer, language, bbox, zoom).then((view) => view?.items ?? null),
        };
      },
      close: () => worker.terminate(),
    });

    worker.onerror = (event) => fail(new Error(event.message || 'the browse worker could not start'));
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'failed') return fail(new Error(reply.message));
      if (reply.kind === 'opened') return resolveOpen(remote(reply.today, reply.options));
      const waiting = inFlight.get(reply.id);
      if (!waiting) return;
      inFlight.delete(reply.id);
      lanes[waiting.request.kind].busy = false;
      waiting.resolve(reply);
      send(waiting.request.kind);
    };
    const open: WorkerRequest = { kind: 'open', text, url, now: now.getTime() };
    worker.postMessage(open);
  });
}
