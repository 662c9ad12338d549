// `npm run bench`: prints what the first screen costs to download and how fast the browse logic is on large
// generated feeds. Figures to read and compare, not timed assertions; takes a minute or two.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Supercluster from 'supercluster';
import { checkFeed } from '../src/feed/check';
import type { Feed } from '../src/feed/schema';
import { filterActivities, prepareBrowse, type BrowseContext, type PreparedBrowse } from '../src/browse/filter';
import { emptyQuery, type BrowseQuery } from '../src/browse/query';
import { generateFeed, GENERATED_ON, type GeneratedFeed } from './bench/generate-feed';
import { buildFeed } from './build-feed/build';
import { feedFromBuiltIndex } from '../src/feed/built';
import { printSizeBudgets } from './bench/sizes';

const OUT_DIR = 'dist-bench';
const SIZES = [2_000, 10_000, 100_000];
const NOW = new Date(`${GENERATED_ON}T09:00:00Z`);
/** Brotli at quality 11 takes about 3 s per MB here; above this size the feed is compressed at quality 9 instead. */
const MAX_BYTES_FOR_BROTLI_11 = 8_000_000;
const TYPED = ['knit and natter', 'stay and play', 'walk'];
/** Oldham and its neighbourhoods: west, south, east, north. */
const OLDHAM_BBOX: [number, number, number, number] = [-2.25, 53.47, -1.95, 53.62];

const started = performance.now();

// ---------------------------------------------------------------------------------------------------
// Printing

function kB(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
}

function ms(value: number): string {
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

/** Left-aligned first column, right-aligned figures. */
function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
  brotliQuality: number;
}

function compressedSizes(data: Buffer): Compressed {
  const brotliQuality = data.length > MAX_BYTES_FOR_BROTLI_11 ? 9 : 11;
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli: brotli.length, brotliQuality };
}

function sum(list: readonly Compressed[]): Compressed {
  return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli, brotliQuality: Math.min(a.brotliQuality, b.brotliQuality) }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
    brotliQuality: 11,
  });
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const median = (values: readonly number[]): number => percentile(values, 50);

// ---------------------------------------------------------------------------------------------------
// (a) Bundle

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = match[1];
    if (name !== undefined) attributes.set(name.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function filesUnder(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The English locale's own chunk, from Vite's manifest (by the locale file it was built from). */
function englishLocaleChunk(): string | undefined {
  const manifestPath = join(OUT_DIR, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file?: string; src?: string }>;
  const entry = Object.values(manifest).find((chunk) => chunk.src !== undefined && /(^|\/)locales\/en\.json$/.test(chunk.src));
  return entry?.file === undefined ? undefined : join(OUT_DIR, entry.file);
}

function benchBundle(): void {
  console.log(`\nBuilding the app into ${OUT_DIR}/ …`);
  const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { encoding: 'utf8' });
  if (build.status !== 0) {
    console.log(`(a) Bundle: the build failed, so no sizes:\n${(build.stderr || build.stdout).split('\n').slice(-15).join('\n')}`);
    return;
  }
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
  const local = (url: string): string => join(OUT_DIR, url.replace(/^\//, '').replace(/[?#].*$/, ''));
  const firstJs = new Set<string>();
  const firstCss = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attributes = attributesOf(tag);
    const rel = attributes.get('rel')?.toLowerCase();
    if (tag.toLowerCase().startsWith('<script') && attributes.get('type') === 'module' && attributes.has('src')) firstJs.add(local(attributes.get('src') ?? ''));
    else if (rel === 'modulepreload' && attributes.has('href')) firstJs.add(local(attributes.get('href') ?? ''));
    else if (rel === 'stylesheet' && attributes.has('href')) firstCss.add(local(attributes.get('href') ?? ''));
  }
  const locale = englishLocaleChunk();
  const localeIsSeparate = locale !== undefined && !firstJs.has(locale);
  if (locale !== undefined) firstJs.add(locale);

  const allJs = filesUnder(OUT_DIR, /\.m?js$/);
  const allCss = filesUnder(OUT_DIR, /\.css$/);
  const sizes = new Map([...allJs, ...allCss, ...firstJs, ...firstCss].map((file) => [file, compressedSizes(readFileSync(file))]));
  const total = (files: Iterable<string>) => sum([...files].map((file) => sizes.get(file)).filter((s): s is Compressed => s !== undefined));
  const row = (label: string, files: Iterable<string>): string[] => {
    const list = [...files];
    const s = total(list);
    return [label, String(list.length), kB(s.raw), kB(s.gzip), kB(s.brotli)];
  };
  const preloads = firstJs.size - 1 - (localeIsSeparate ? 1 : 0);
  printTable(
    '(a) Bundle (gzip level 9, brotli quality 11)',
    ['', 'files', 'raw', 'gzip', 'brotli'],
    [
      row(`first-screen JS (entry + ${preloads} preload${preloads === 1 ? '' : 's'}${localeIsSeparate ? ' + English locale' : ''})`, firstJs),
      row('all JS', allJs),
      row('first-screen CSS', firstCss),
      row('all CSS', allCss),
    ],
  );
  printTable(
    'JS files',
    ['file', 'first screen', 'raw', 'gzip', 'brotli'],
    allJs
      .sort((a, b) => (sizes.get(b)?.raw ?? 0) - (sizes.get(a)?.raw ?? 0))
      .map((file) => {
        const s = sizes.get(file);
        return [relative(OUT_DIR, file), firstJs.has(file) ? 'yes' : '', kB(s?.raw ?? 0), kB(s?.gzip ?? 0), kB(s?.brotli ?? 0)];
      }),
  );
}

// ---------------------------------------------------------------------------------------------------
// (b) Feeds and browsing

interface FeedFigures {
  count: number;
  json: Compressed;
  parse: number;
  check: number;
  prepare: number;
  firstList: number;
  /** After `npm run feed:build`: the index the first screen downloads, its parse and decode times, the shards. */
  built: { index: Compressed; parse: number; decode: number; build: number; shards: number; shardBytes: Compressed };
  /** Per filter set: the first keystroke after the filters change, which works out that filter's sessions and order. */
  filterChanges: Map<string, number[]>;
  /** Per filter set: every later keystroke. */
  keystrokes: Map<string, number[]>;
}

const FILTER_SETS: { label: string; query: Partial<BrowseQuery> }[] = [
  { label: 'no filters', query: {} },
  { label: 'free + this week', query: { free: true, day: 'week' } },
  { label: 'children + Urdu, near Werneth by distance', query: { children: true, languages: ['ur'], near: 'werneth', sort: 'distance' } },
];

/** Types each text letter by letter; returns the time of every keystroke, the first (right after a filter change) first. */
function typeLetterByLetter(prepared: PreparedBrowse, context: BrowseContext, base: Partial<BrowseQuery>): number[] {
  const times: number[] = [];
  for (const text of TYPED) {
    for (let length = 1; length <= text.length; length++) {
      const query: BrowseQuery = { ...emptyQuery, ...base, q: text.slice(0, length) };
      times.push(timed(() => filterActivities(prepared, query, context)).ms);
    }
  }
  return times;
}

/** The feed's JSON sizes, and its parse and check times; the text is dropped before browsing is measured. */
function loadFeed(generated: GeneratedFeed, runs: number): { feed: Feed; json: Compressed; parse: number; check: number } {
  const text = JSON.stringify(generated);
  process.stdout.write(', compressing');
  const json = compressedSizes(Buffer.from(text));
  process.stdout.write(', checking');
  const parses: number[] = [];
  const checks: number[] = [];
  let feed: Feed | null = null;
  for (let run = 0; run < runs; run++) {
    const parsed = timed(() => JSON.parse(text) as unknown);
    const checked = timed(() => checkFeed(parsed.value, { now: NOW }));
    parses.push(parsed.ms);
    checks.push(checked.ms);
    if (checked.value.problems.some((p) => p.level === 'error')) throw new Error(`the generated feed of ${generated.activities.length} has errors`);
    feed = checked.value.feed;
  }
  if (!feed) throw new Error('the generated feed could not be used');
  return { feed, json, parse: median(parses), check: median(checks) };
}

function benchFeed(count: number, keepPoints: (points: PointFeature[]) => void): FeedFigures {
  const runs = count >= 100_000 ? 2 : 5;
  process.stdout.write(`  ${count.toLocaleString('en')} activities: generating`);
  const generated = generateFeed(count, 1);
  keepPoints(pointsOf(generated));
  const { feed, json, parse, check } = loadFeed(generated, runs);
  const built = benchBuilt(generated, runs);

  process.stdout.write(', browsing');
  const prepares: number[] = [];
  const firstLists: number[] = [];
  const filterChanges = new Map<string, number[]>(FILTER_SETS.map(({ label }) => [label, []]));
  const keystrokes = new Map<string, number[]>(FILTER_SETS.map(({ label }) => [label, []]));
  const context: BrowseContext = { feed, now: NOW, position: null, language: 'en' };
  for (let run = 0; run < runs; run++) {
    const prepared = timed(() => prepareBrowse(feed, NOW));
    prepares.push(prepared.ms);
    // The first list after preparing also sorts the whole feed once (the order is then kept).
    firstLists.push(timed(() => filterActivities(prepared.value, emptyQuery, context)).ms);
    for (const { label, query } of FILTER_SETS) {
      const [first, ...rest] = typeLetterByLetter(prepared.value, context, query);
      if (first !== undefined) filterChanges.get(label)?.push(first);
      keystrokes.get(label)?.push(...rest);
    }
  }
  process.stdout.write('\n');
  return { count, json, parse, check, prepare: median(prepares), firstList: median(firstLists), filterChanges, keystrokes, built };
}

/** The same feed after `npm run feed:build`: what the app downloads and does before it can prepare the list. */
function benchBuilt(generated: GeneratedFeed, runs: number): FeedFigures['built'] {
  process.stdout.write(', building');
  const build = timed(() => buildFeed(generated, { now: NOW }));
  const [index, ...shards] = build.value.files ?? [];
  if (!index) throw new Error('the generated feed could not be built');
  const text = index.body.toString('utf8');
  const parses: number[] = [];
  const decodes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const parsed = timed(() => JSON.parse(text) as unknown);
    const decoded = timed(() => feedFromBuiltIndex(parsed.value, 'https://hub.example/feed/index.json'));
    if (!decoded.value) throw new Error('the built index was refused');
    parses.push(parsed.ms);
    decodes.push(decoded.ms);
  }
  return {
    index: compressedSizes(index.body),
    parse: median(parses),
    decode: median(decodes),
    build: build.ms,
    shards: shards.length,
    shardBytes: sum(shards.map((shard) => compressedSizes(shard.body))),
  };
}

// ---------------------------------------------------------------------------------------------------
// (c) Clustering

type PointFeature = Supercluster.PointFeature<{ id: string }>;

function pointsOf(feed: GeneratedFeed): PointFeature[] {
  const venues = new Map(feed.venues.map((venue) => [venue.id, venue]));
  const points: PointFeature[] = [];
  for (const activity of feed.activities) {
    const venue = activity.venue === undefined ? undefined : venues.get(activity.venue);
    if (venue) points.push({ type: 'Feature', properties: { id: activity.id }, geometry: { type: 'Point', coordinates: [venue.lng, venue.lat] } });
  }
  return points;
}

function benchClusters(pointSets: Map<number, PointFeature[]>): void {
  const rows: string[][] = [];
  for (const count of [10_000, 100_000]) {
    const points = pointSets.get(count);
    if (!points) continue;
    const loads: number[] = [];
    const queries: number[] = [];
    let clusters = 0;
    for (let run = 0; run < 3; run++) {
      const index = new Supercluster<{ id: string }>({ radius: 60, maxZoom: 16 });
      loads.push(timed(() => index.load(points)).ms);
      for (let query = 0; query < 10; query++) {
        const { value, ms: elapsed } = timed(() => index.getClusters(OLDHAM_BBOX, 12));
        queries.push(elapsed);
        clusters = value.length;
      }
    }
    rows.push([count.toLocaleString('en'), points.length.toLocaleString('en'), ms(median(loads)), ms(median(queries)), String(clusters)]);
  }
  printTable('(c) Clustering with supercluster (radius 60, maxZoom 16), medians', ['activities', 'points', 'load', 'getClusters(Oldham, z12)', 'clusters'], rows);
}

// ---------------------------------------------------------------------------------------------------

// Other work on the machine slows every figure down: the load average says how much there was.
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';
console.log(`Benchmarks on ${cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, load average ${load()}`);
benchBundle();
await printSizeBudgets(OUT_DIR); // the issue 9 budgets: first screen, all JavaScript, first visit

console.log('\nFeeds (generated, seed 1; times are medians of 5 runs, 2 for 100,000):');
const pointSets = new Map<number, PointFeature[]>();
const figures = SIZES.map((count) => benchFeed(count, (points) => count >= 10_000 && pointSets.set(count, points)));

printTable(
  '(b1) Feed size and loading',
  ['activities', 'JSON raw', 'gzip 9', 'brotli', 'JSON.parse', 'checkFeed', 'parse+check', 'prepareBrowse', 'first list'],
  figures.map((f) => [
    f.count.toLocaleString('en'),
    kB(f.json.raw),
    kB(f.json.gzip),
    `${kB(f.json.brotli)} (q${f.json.brotliQuality})`,
    ms(f.parse),
    ms(f.check),
    ms(f.parse + f.check),
    ms(f.prepare),
    ms(f.firstList),
  ]),
);
printTable(
  '(b1, after feed:build) Built index (first screen) and description shards (fetched per activity page)',
  ['activities', 'index raw', 'gzip 9', 'brotli', 'JSON.parse', 'decode+guard', 'parse+decode', 'was parse+check', 'shards', 'shards brotli', 'feed:build'],
  figures.map((f) => [
    f.count.toLocaleString('en'),
    kB(f.built.index.raw),
    kB(f.built.index.gzip),
    `${kB(f.built.index.brotli)} (q${f.built.index.brotliQuality})`,
    ms(f.built.parse),
    ms(f.built.decode),
    ms(f.built.parse + f.built.decode),
    ms(f.parse + f.check),
    String(f.built.shards),
    kB(f.built.shardBytes.brotli),
    ms(f.built.build),
  ]),
);
console.log('\nprepareBrowse and the per-keystroke figures below are the same for both forms: the app holds the same Feed.');
console.log('Above 5,000 listings a built feed is prepared, searched and clustered in the browse worker (src/browse/remote.ts):');
console.log('these per-keystroke and clustering figures are then the worker\'s time, not the page\'s, and the page decodes its own');
console.log('copy in slices. A big plain feed is prepared on the page in slices of about 30 ms (src/browse/state.ts).');
console.log('tests/e2e/large-feed.e2e.ts prints what the page itself spends in Chromium (long tasks while loading, typing, mapping).');
printTable(
  `(b2) Per keystroke: search + filter + sort, typing ${TYPED.map((t) => `'${t}'`).join(', ')} letter by letter`,
  ['activities', 'filters', 'after a filter change', 'keystrokes', 'median', 'p95', 'max'],
  figures.flatMap((f) =>
    FILTER_SETS.map(({ label }) => {
      const times = f.keystrokes.get(label) ?? [];
      return [f.count.toLocaleString('en'), label, ms(median(f.filterChanges.get(label) ?? [])), String(times.length), ms(median(times)), ms(percentile(times, 95)), ms(Math.max(...times))];
    }),
  ),
);
console.log('\n"after a filter change": the first keystroke after prepareBrowse or a change of filters, which works out the');
console.log('filter\'s sessions and sort order once (median); the other columns are the keystrokes after it.');

benchClusters(pointSets);
console.log(`\nDone in ${ms(performance.now() - started)}; load average ${load()}.`);
