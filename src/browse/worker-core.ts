// What the browse worker does (src/browse/worker.ts is only its message loop): for a region-wide feed it decodes its own
// copy of the built index, prepares it, and answers each search with positions into the feed rather than records, so
// that typing never waits on a search over 100,000 listings on the page's thread. The page decoded the same text, so
// position i is the same activity on both sides. The map's markers and clusters of an answer are made here too, and
// only the clusters of the view on screen go to the page. Kept apart from the message loop so unit tests can drive it directly.
import { feedFromBuiltIndex } from '../feed/built';
import type { Feed } from '../feed/schema';
import { clustersFor, createClusterIndex, type ClusterIndex, type MapItem } from '../map/cluster';
import type { BBox, MarkerDescriptor } from '../map/markers';
import type { LatLng } from './distance';
import { markerFor } from './map-markers';
import { filterActivities, filterOptions, prepareBrowse, suggestRelaxation, type FilterOptions, type PreparedBrowse, type Relaxation, type Result } from './filter';
import type { BrowseQuery } from './query';

export type WorkerRequest =
  /** The built index's text, where it came from, and the moment that is 'now' for this browsing session. */
  | { kind: 'open'; text: string; url: string; now: number }
  | { kind: 'ask'; id: number; query: BrowseQuery; position: LatLng | null; language: string }
  /** The map of an earlier answer's results: its size and bounds, and with a view (`bbox`) the clusters in it. */
  | { kind: 'map'; id: number; answer: number; language: string; bbox: BBox | null; zoom: number };

/** One search's results, as columns: the feed position of each result in order, and its next session and distance. */
export interface Answer {
  /** The ask it answers, by which the map asks for its clusters. */
  id: number;
  indices: Int32Array;
  /** The next session's start and end (ms since 1970) and its place in the activity's schedule; NaN and -1 without one. */
  nextStart: Float64Array;
  nextEnd: Float64Array;
  nextSession: Int32Array;
  /** Kilometres, NaN without an origin or a venue. */
  distance: Float64Array;
  relaxation: Relaxation | null;
}

export type WorkerReply =
  | { kind: 'opened'; count: number; today: string; options: FilterOptions }
  | { kind: 'failed'; message: string }
  | ({ kind: 'answer' } & Answer)
  | { kind: 'map'; id: number; size: number; bounds: BBox | null; items: MapItem[] }
  /** The map asked about an answer no longer kept (only the last few are). */
  | { kind: 'gone'; id: number };

/** Answers whose results are kept for their map: the one on screen and a few before it. */
const KEPT_ANSWERS = 4;

export interface WorkerCore {
  handle(request: WorkerRequest): { reply: WorkerReply; transfer: ArrayBuffer[] };
}

export function createWorkerCore(): WorkerCore {
  let feed: Feed | null = null;
  let prepared: PreparedBrowse | null = null;
  const answers = new Map<number, Result[]>();
  let mapIndex: { key: string; index: ClusterIndex } | null = null;
  return {
    handle(request) {
      if (request.kind === 'open') {
        const built = feedFromBuiltIndex(JSON.parse(request.text) as unknown, request.url);
        if (!built) return { reply: { kind: 'failed', message: 'the built feed index is incomplete' }, transfer: [] };
        feed = built.feed;
        prepared = prepareBrowse(feed, new Date(request.now));
        return { reply: { kind: 'opened', count: feed.activities.length, today: prepared.today, options: filterOptions(prepared) }, transfer: [] };
      }
      if (!feed || !prepared) return { reply: { kind: 'failed', message: 'asked before the feed was opened' }, transfer: [] };
      if (request.kind === 'map') {
        const results = answers.get(request.answer);
        if (!results) return { reply: { kind: 'gone', id: request.id }, transfer: [] };
        const key = `${request.answer}|${request.language}`;
        if (mapIndex?.key !== key) {
          const markers: MarkerDescriptor[] = [];
          for (const { activity } of results) {
            const marker = markerFor(activity, feed, request.language);
            if (marker) markers.push(marker);
          }
          mapIndex = { key, index: createClusterIndex(markers) };
        }
        const { index } = mapIndex;
        const items = request.bbox ? clustersFor(index, request.bbox, request.zoom) : [];
        return { reply: { kind: 'map', id: request.id, size: index.size, bounds: index.bounds, items }, transfer: [] };
      }
      const context = { feed, now: prepared.now, position: request.position, language: request.language };
      const results = filterActivities(prepared, request.query, context);
      const positionOf = positions(feed);
      const count = results.length;
      answers.set(request.id, results);
      for (const old of answers.keys()) if (answers.size > KEPT_ANSWERS) answers.delete(old);
      const answer: Answer = {
        id: request.id,
        indices: new Int32Array(count),
        nextStart: new Float64Array(count),
        nextEnd: new Float64Array(count),
        nextSession: new Int32Array(count),
        distance: new Float64Array(count),
        relaxation: count === 0 ? suggestRelaxation(prepared, request.query, context) : null,
      };
      results.forEach(({ activity, next, distanceKm }, k) => {
        answer.indices[k] = positionOf.get(activity) ?? -1;
        answer.nextStart[k] = next ? next.start.getTime() : NaN;
        answer.nextEnd[k] = next ? next.end.getTime() : NaN;
        answer.nextSession[k] = next ? activity.schedule.indexOf(next.session) : -1;
        answer.distance[k] = distanceKm ?? NaN;
      });
      const transfer = [answer.indices, answer.nextStart, answer.nextEnd, answer.nextSession, answer.distance].map((array) => array.buffer as ArrayBuffer);
      return { reply: { kind: 'answer', ...answer }, transfer };
    },
  };
}

const positionsByFeed = new WeakMap<Feed, Map<object, number>>();

/** Each activity's position in the feed, worked out once per feed. */
function positions(feed: Feed): Map<object, number> {
  let map = positionsByFeed.get(feed);
  if (!map) {
    map = new Map(feed.activities.map((activity, i) => [activity, i]));
    positionsByFeed.set(feed, map);
  }
  return map;
}
