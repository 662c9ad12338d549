// `npm run feed:build` (scripts/build-feed/): the built form gives the app the same listings, search results and next
// sessions as the plain feed, descriptions come from their shards, and a region-wide index stays small.
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFeed, compressed, type BuiltFile } from '../../scripts/build-feed/build';
import { generateFeed } from '../../scripts/bench/generate-feed';
import { checkFeed } from '../../src/feed/check';
import { feedFromBuiltIndex, feedFromBuiltIndexInSlices, shardOf, type BuiltIndex } from '../../src/feed/built';
import { loadActivityDetails } from '../../src/feed/details';
import { feedStateFromText } from '../../src/feed/load';
import type { Activity, Feed } from '../../src/feed/schema';
import { filterActivities, prepareBrowse, prepareBrowseInSlices, suggestRelaxation, filterOptions } from '../../src/browse/filter';
import { emptyQuery, type BrowseQuery } from '../../src/browse/query';
import { isAcceptableFeedText } from '../../src/pwa/feed-acceptance';
import { FIXTURE_NOW, minimalFeed } from './fixtures';

const INDEX_URL = 'https://hub.example/feeds/index.json';
const sample = JSON.parse(readFileSync('public/feed.json', 'utf8')) as unknown;

function plainFeed(json: unknown): Feed {
  const feed = checkFeed(json, { now: FIXTURE_NOW }).feed;
  if (!feed) throw new Error('fixture feed is unusable');
  return feed;
}

function built(json: unknown): { files: BuiltFile[]; index: BuiltIndex; text: string } {
  const { files } = buildFeed(json, { now: FIXTURE_NOW });
  if (!files) throw new Error('build failed');
  const text = files[0]!.body.toString('utf8');
  return { files, index: JSON.parse(text) as BuiltIndex, text };
}

function builtFeed(json: unknown): Feed {
  const result = feedFromBuiltIndex(built(json).index, INDEX_URL);
  if (!result) throw new Error('index refused');
  return result.feed;
}

const withoutDescription = ({ description, ...activity }: Activity): Activity => {
  void description;
  return activity as Activity;
};

/** Serves the built files at INDEX_URL's folder, counting requests. */
function serveFiles(files: BuiltFile[]): { requests: string[] } {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = String(input);
    requests.push(url);
    const file = files.find((f) => new URL(f.path, INDEX_URL).href === url);
    return file ? new Response(new Uint8Array(file.body), { status: 200 }) : new Response('Not found', { status: 404 });
  });
  return { requests };
}

afterEach(() => vi.unstubAllGlobals());

describe('the built index', () => {
  it.each([
    ['the sample town', sample],
    ['a generated feed of 2,000', generateFeed(2_000, 3)],
  ])('gives back every listing, venue, organisation, category and place of %s, descriptions apart', (_, json) => {
    const plain = plainFeed(json);
    const fromIndex = builtFeed(json);
    expect(fromIndex.activities).toEqual(plain.activities.map(withoutDescription));
    expect(fromIndex.venues).toEqual(plain.venues);
    expect(fromIndex.organisations).toEqual(plain.organisations);
    expect(fromIndex.categories).toEqual(plain.categories);
    expect(fromIndex.area).toEqual(plain.area);
    expect(fromIndex.referral).toEqual(plain.referral);
    expect([fromIndex.generated, fromIndex.sample, fromIndex.defaultLanguage]).toEqual([plain.generated, plain.sample, plain.defaultLanguage]);
  }, 60_000);

  it('leaves out records that fail the checks, and says how many activities it left out', () => {
    const json = minimalFeed();
    json.activities.push({ ...json.activities[0]!, id: 'broken', venue: 'no-such-venue' });
    const { index } = built(json);
    expect(index.skipped).toBe(1);
    expect(feedFromBuiltIndex(index, INDEX_URL)?.feed.activities.map((a) => a.id)).not.toContain('broken');
  });

  it('finds the same listings, in the same order, with the same next sessions as the plain feed', () => {
    const json = generateFeed(2_000, 5);
    const [plain, fromIndex] = [plainFeed(json), builtFeed(json)];
    const [a, b] = [prepareBrowse(plain, FIXTURE_NOW), prepareBrowse(fromIndex, FIXTURE_NOW)];
    const queries: Partial<BrowseQuery>[] = [
      {},
      { q: 'knit' },
      { q: 'walk', free: true },
      { q: 'stay and play', day: 'week', sort: 'name' },
      { children: true, languages: ['ur'], near: 'werneth', sort: 'distance' },
      { times: ['evening'], categories: ['sport'] },
      { q: 'zzzz-nothing', women: true },
    ];
    for (const partial of queries) {
      const query = { ...emptyQuery, ...partial };
      const context = { feed: plain, now: FIXTURE_NOW, position: null, language: 'en' };
      const rows = (prepared: typeof a, feed: Feed) =>
        filterActivities(prepared, query, { ...context, feed }).map((r) => [r.activity.id, r.next?.start.toISOString() ?? null, r.distanceKm]);
      expect(rows(b, fromIndex)).toEqual(rows(a, plain));
      expect(suggestRelaxation(b, query, { ...context, feed: fromIndex })).toEqual(suggestRelaxation(a, query, context));
    }
    expect(filterOptions(b)).toEqual(filterOptions(a));
  }, 60_000);

  it('is refused, rather than half shown, when it is cut short or refers to records it does not have', () => {
    const { index, text } = built(sample);
    expect(feedFromBuiltIndex({ ...index, version: 2 }, INDEX_URL)).toBeNull();
    expect(feedFromBuiltIndex({ ...index, details: { ...index.details, has: '1' } }, INDEX_URL)).toBeNull();
    const organisationColumn = index.activities.columns.organisation as { idsOf: string; refs: number[] };
    const broken = structuredClone(index);
    (broken.activities.columns.organisation as { refs: number[] }).refs = organisationColumn.refs.map(() => 9_999);
    expect(feedFromBuiltIndex(broken, INDEX_URL)).toBeNull();
    expect(isAcceptableFeedText(text)).toBe(true);
    expect(isAcceptableFeedText(text.slice(0, 2_000))).toBe(false);
    // Columns of the right length but pointing nowhere: the worker's shape check lets it by (it decodes nothing), and
    // the app, which cannot decode it, falls back to its last good copy (src/feed/last-good.ts, built-feed.e2e.ts).
    expect(isAcceptableFeedText(JSON.stringify(broken))).toBe(true);
    expect(isAcceptableFeedText(JSON.stringify({ ...index, version: 2 }))).toBe(false);
    expect(isAcceptableFeedText(JSON.stringify({ ...index, details: { ...index.details, has: '1' } }))).toBe(false);
  }, 30_000);
});

describe('a big index decoded in slices', () => {
  it('pauses between columns and gives the same feed as decoding it at once, or the same refusal', async () => {
    const { index } = built(generateFeed(3_000, 11));
    let pauses = 0;
    const pause = async (): Promise<void> => void pauses++;
    const inSlices = await feedFromBuiltIndexInSlices(index, INDEX_URL, pause, 0);
    expect(pauses).toBeGreaterThan(Object.keys(index.activities.columns).length);
    expect(inSlices).toEqual(feedFromBuiltIndex(index, INDEX_URL));
    const broken = structuredClone(index);
    (broken.activities.columns.organisation as { refs: number[] }).refs.fill(9_999);
    await expect(feedFromBuiltIndexInSlices(broken, INDEX_URL, pause, 0)).resolves.toBeNull();
  }, 30_000);
});

describe('a big feed prepared in slices', () => {
  it('lets the page run between slices and ends up the same as preparing it at once', async () => {
    const feed = builtFeed(generateFeed(3_000, 11));
    let pauses = 0;
    // Slices of no time at all: a pause after every 64 listings.
    const yieldToPage = async (): Promise<void> => void pauses++;
    const inSlices = await prepareBrowseInSlices(feed, FIXTURE_NOW, { yieldToPage, sliceMs: 0 });
    const atOnce = prepareBrowse(feed, FIXTURE_NOW);
    expect(pauses).toBe(Math.floor(feed.activities.length / 64));
    expect(inSlices.index).toEqual(atOnce.index);
    expect(inSlices.today).toBe(atOnce.today);
    const context = { feed, now: FIXTURE_NOW, position: null, language: 'en' };
    for (const query of [emptyQuery, { ...emptyQuery, q: 'walk', day: 'week' as const }, { ...emptyQuery, times: ['evening' as const], sort: 'name' as const }]) {
      const rows = (prepared: typeof atOnce) => filterActivities(prepared, query, context).map((r) => [r.activity.id, r.next?.start.toISOString() ?? null]);
      expect(rows(inSlices)).toEqual(rows(atOnce));
    }
  }, 60_000);
});

describe('loading a feed', () => {
  it('shows a built index without the checker, and a plain feed with it, as the same listings', async () => {
    const { text } = built(sample);
    const fromIndex = await feedStateFromText(text, FIXTURE_NOW, INDEX_URL);
    const plain = await feedStateFromText(JSON.stringify(sample), FIXTURE_NOW, INDEX_URL);
    if (fromIndex.status !== 'ready' || plain.status !== 'ready') throw new Error('not ready');
    expect(fromIndex.feed.activities.map((a) => a.id)).toEqual(plain.feed.activities.map((a) => a.id));
    expect(fromIndex.skipped).toBe(plain.skipped);
    await expect(feedStateFromText('{"format":"activity-feed-built","version":1}', FIXTURE_NOW, INDEX_URL)).resolves.toMatchObject({ status: 'failed', failure: 'not-a-feed' });
  });
});

describe('descriptions', () => {
  it('come from the shard holding the activity, fetched once; a plain feed answers at once', async () => {
    const { files, text } = built(sample);
    const plain = plainFeed(sample);
    const state = await feedStateFromText(text, FIXTURE_NOW, INDEX_URL);
    if (state.status !== 'ready') throw new Error('not ready');
    const { requests } = serveFiles(files);
    const described = plain.activities.filter((a) => a.description !== undefined);
    expect(described.length).toBeGreaterThan(0);
    for (const activity of described) {
      const fromIndex = state.feed.activities.find((a) => a.id === activity.id)!;
      expect(fromIndex.description).toBeUndefined();
      await expect(loadActivityDetails(state.feed, fromIndex)).resolves.toEqual({ description: activity.description });
    }
    // The sample's descriptions fit one shard: fetched once, then kept.
    expect(new Set(requests).size).toBe(requests.length);
    const without = plain.activities.find((a) => a.description === undefined);
    if (without) {
      const before = requests.length;
      await expect(loadActivityDetails(state.feed, state.feed.activities.find((a) => a.id === without.id)!)).resolves.toEqual({ description: undefined });
      expect(requests.length).toBe(before);
    }
    vi.unstubAllGlobals();
    await expect(loadActivityDetails(plain, described[0]!)).resolves.toEqual({ description: described[0]!.description });
  });

  it('are spread over shards by id, each in the shard its id names', () => {
    const { files, index } = built(generateFeed(2_000, 9));
    expect(index.details.files.length).toBeGreaterThan(1);
    const plain = plainFeed(generateFeed(2_000, 9));
    for (const activity of plain.activities.filter((a) => a.description !== undefined).slice(0, 200)) {
      const file = files.find((f) => f.path === index.details.files[shardOf(activity.id, index.details.files.length)]);
      const shard = JSON.parse(file!.body.toString()) as { descriptions: Record<string, unknown> };
      expect(shard.descriptions[activity.id]).toEqual(activity.description);
    }
  }, 60_000);
});

describe('size', () => {
  it('keeps the first screen of a 10,000-listing feed within 250 kB compressed', () => {
    const { files } = buildFeed(generateFeed(10_000, 7), { now: FIXTURE_NOW });
    const index = files![0]!.body;
    const { br, gz } = compressed(index);
    console.log(`10,000 listings: index ${(index.length / 1e3).toFixed(0)} kB raw, brotli ${(br.length / 1e3).toFixed(1)} kB, gzip ${(gz.length / 1e3).toFixed(1)} kB`);
    expect(br.length).toBeLessThanOrEqual(250_000);
  }, 60_000);
});

describe('npm run feed:build', () => {
  it('writes the index, the shards and their .br and .gz copies', () => {
    const out = mkdtempSync(join(tmpdir(), 'feed-build-'));
    const output = execFileSync('npx', ['tsx', 'scripts/feed-build.ts', 'public/feed.json', '--out', out, '--now', '2026-11-20'], { encoding: 'utf8' });
    expect(output).toMatch(/activities built into/);
    for (const name of ['index.json', 'index.json.br', 'index.json.gz']) expect(existsSync(join(out, name))).toBe(true);
    const shards = readdirSync(join(out, 'feed-details'));
    expect(shards.some((name) => /^d-0-[0-9a-f]{10}\.json$/.test(name))).toBe(true);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as BuiltIndex;
    expect(index.details.files.every((file) => existsSync(join(out, file)))).toBe(true);
  }, 60_000);
});
