// The browse worker (src/browse/worker-core.ts) answers a region-wide feed's searches and map views from its own copy of
// the built index: every answer, read against the page's copy (src/browse/results.ts), must give the same rows, next
// sessions, distances, suggestions and clusters as searching on the page would.
import { describe, expect, it } from 'vitest';
import { buildFeed } from '../../scripts/build-feed/build';
import { generateFeed } from '../../scripts/bench/generate-feed';
import { feedFromBuiltIndex } from '../../src/feed/built';
import type { Feed } from '../../src/feed/schema';
import { filterActivities, filterOptions, prepareBrowse, suggestRelaxation } from '../../src/browse/filter';
import { markerFor } from '../../src/browse/map-markers';
import { emptyQuery, type BrowseQuery } from '../../src/browse/query';
import { resultListFromAnswer } from '../../src/browse/results';
import { createWorkerCore, type Answer, type WorkerReply, type WorkerRequest } from '../../src/browse/worker-core';
import { clustersFor, createClusterIndex } from '../../src/map/cluster';
import type { BBox, MarkerDescriptor } from '../../src/map/markers';
import { FIXTURE_NOW } from './fixtures';

const URL_OF_INDEX = 'https://hub.example/feed.json';
const { files } = buildFeed(generateFeed(3_000, 11), { now: FIXTURE_NOW });
const text = files![0]!.body.toString('utf8');

/** The page's copy: decoded from the same text, as src/feed/load.ts does. */
function pageFeed(): Feed {
  const decoded = feedFromBuiltIndex(JSON.parse(text) as unknown, URL_OF_INDEX);
  if (!decoded) throw new Error('index refused');
  return decoded.feed;
}

function opened() {
  const core = createWorkerCore();
  const send = (request: WorkerRequest): WorkerReply => {
    const { reply, transfer } = core.handle(request);
    if (reply.kind === 'answer') expect(transfer).toHaveLength(5); // the columns move to the page without a copy
    return reply;
  };
  const reply = send({ kind: 'open', text, url: URL_OF_INDEX, now: FIXTURE_NOW.getTime() });
  return { send, reply };
}

const QUERIES: BrowseQuery[] = [
  emptyQuery,
  { ...emptyQuery, q: 'knit' },
  { ...emptyQuery, q: 'walk', day: 'week' },
  { ...emptyQuery, times: ['evening'], sort: 'name' },
  { ...emptyQuery, free: true, near: 'werneth', sort: 'distance' },
  { ...emptyQuery, categories: ['craft'], day: 'today' },
];

describe('the browse worker', () => {
  it('opens the built index with the same day and filter choices as the page would prepare', () => {
    const { reply } = opened();
    const prepared = prepareBrowse(pageFeed(), FIXTURE_NOW);
    expect(reply).toEqual({ kind: 'opened', count: 3_000, today: prepared.today, options: filterOptions(prepared) });
  });

  it.each(QUERIES.map((query) => [JSON.stringify(query), query] as const))('answers %s with the rows the page would show', (_, query) => {
    const { send } = opened();
    const feed = pageFeed();
    const reply = send({ kind: 'ask', id: 7, query, position: null, language: 'en' });
    if (reply.kind !== 'answer') throw new Error(reply.kind);
    const list = resultListFromAnswer(reply, feed, undefined);
    const prepared = prepareBrowse(feed, FIXTURE_NOW);
    const context = { feed, now: FIXTURE_NOW, position: null, language: 'en' };
    const expected = filterActivities(prepared, query, context);
    expect(list.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    const rows = list.slice(0, list.length);
    expect(rows.map((row) => row.activity)).toEqual(expected.map((row) => row.activity));
    // The page's own objects: the activity and the session are the page's copy, not clones from the worker.
    expect(rows.every((row, k) => row.activity === feed.activities[reply.indices[k]!])).toBe(true);
    expect(rows.every((row) => !row.next || row.activity.schedule.includes(row.next.session))).toBe(true);
    expect(rows.map((row) => [row.next?.start.toISOString(), row.next?.end.toISOString(), row.distanceKm])).toEqual(
      expected.map((row) => [row.next?.start.toISOString(), row.next?.end.toISOString(), row.distanceKm]),
    );
    expect(list.activityAt(list.length - 1)).toBe(rows[rows.length - 1]!.activity);
  });

  it('suggests the same filter to drop when nothing is found', () => {
    const { send } = opened();
    const query: BrowseQuery = { ...emptyQuery, q: 'knit', women: true, children: true, day: 'today', times: ['morning'] };
    const reply = send({ kind: 'ask', id: 1, query, position: null, language: 'en' });
    const feed = pageFeed();
    const expected = suggestRelaxation(prepareBrowse(feed, FIXTURE_NOW), query, { feed, now: FIXTURE_NOW, position: null, language: 'en' });
    expect(expected).not.toBeNull();
    expect(reply).toMatchObject({ kind: 'answer', relaxation: expected });
    expect((reply as Answer).indices).toHaveLength(0);
  });

  it('makes the map of an answer: the same size, bounds and clusters as the page would, in the language asked for', () => {
    const { send } = opened();
    const feed = pageFeed();
    send({ kind: 'ask', id: 1, query: { ...emptyQuery, q: 'walk' }, position: null, language: 'ur' });
    const expectedMarkers: MarkerDescriptor[] = [];
    for (const { activity } of filterActivities(prepareBrowse(feed, FIXTURE_NOW), { ...emptyQuery, q: 'walk' }, { feed, now: FIXTURE_NOW, position: null, language: 'ur' })) {
      const marker = markerFor(activity, feed, 'ur');
      if (marker) expectedMarkers.push(marker);
    }
    const index = createClusterIndex(expectedMarkers);
    const summary = send({ kind: 'map', id: 2, answer: 1, language: 'ur', bbox: null, zoom: 0 });
    expect(summary).toEqual({ kind: 'map', id: 2, size: index.size, bounds: index.bounds, items: [] });
    const town: BBox = [-2.2, 53.5, -2.0, 53.6];
    for (const zoom of [11, 14, 18]) {
      const view = send({ kind: 'map', id: 3, answer: 1, language: 'ur', bbox: town, zoom });
      expect(view).toEqual({ kind: 'map', id: 3, size: index.size, bounds: index.bounds, items: clustersFor(index, town, zoom) });
    }
  });

  it('keeps only the last few answers for the map, and says so for an older one', () => {
    const { send } = opened();
    for (let id = 1; id <= 6; id++) send({ kind: 'ask', id, query: emptyQuery, position: null, language: 'en' });
    expect(send({ kind: 'map', id: 10, answer: 1, language: 'en', bbox: null, zoom: 0 })).toEqual({ kind: 'gone', id: 10 });
    expect(send({ kind: 'map', id: 11, answer: 6, language: 'en', bbox: null, zoom: 0 })).toMatchObject({ kind: 'map', id: 11 });
  });

  it('refuses an index it cannot read, and questions before a feed is open', () => {
    const core = createWorkerCore();
    expect(core.handle({ kind: 'ask', id: 1, query: emptyQuery, position: null, language: 'en' }).reply).toMatchObject({ kind: 'failed' });
    expect(core.handle({ kind: 'open', text: '{"format":"activity-feed-built","version":1}', url: URL_OF_INDEX, now: 0 }).reply).toMatchObject({ kind: 'failed' });
  });
});
