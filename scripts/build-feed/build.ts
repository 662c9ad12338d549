// Turns a feed into its built form (src/feed/built.ts): the checked feed as a compact index without descriptions,
// the descriptions in content-named shards, every file also precompressed with brotli and gzip. Used by
// `npm run feed:build` (scripts/feed-build.ts), the app build (scripts/vite/feed-plugin.ts) and the bench.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { checkFeed, type CheckResult } from '../../src/feed/check';
import { BUILT_FORMAT, BUILT_VERSION, DETAILS_FOLDER, nameSlug, shardOf, type BuiltIndex, type Column, type Columns } from '../../src/feed/built';
import type { Feed, Text } from '../../src/feed/schema';

/** Descriptions per shard, on average: an activity page then downloads a few kilobytes. */
const DESCRIPTIONS_PER_SHARD = 200;

export interface BuiltFile {
  /** Path relative to the output folder, e.g. 'index.json' or 'feed-details/d-3-1a2b3c4d.json'. */
  path: string;
  body: Buffer;
}

export interface BuildResult {
  check: CheckResult;
  /** Null when the feed cannot be used at all (see `check.problems`). */
  files: BuiltFile[] | null;
}

const ABSENT = Symbol('absent');

/** One field of every record as a column: a dictionary when values repeat a lot (or a value is null), else plain. */
function column(values: readonly unknown[]): Column {
  const counts = new Map<string, { value: unknown; count: number }>();
  let hasNull = false;
  const keys = values.map((value) => {
    if (value === ABSENT) return undefined;
    if (value === null) hasNull = true;
    const key = JSON.stringify(value);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value, count: 1 });
    return key;
  });
  if (!hasNull && counts.size * 2 > values.length) return listColumn(values) ?? objectColumn(values) ?? { values: values.map((value) => (value === ABSENT ? null : value)) };
  // Most used first: small numbers for the common values compress better.
  const sorted = [...counts].sort(([, a], [, b]) => b.count - a.count);
  const refOf = new Map(sorted.map(([key], ref) => [key, ref]));
  return { dict: sorted.map(([, { value }]) => value), refs: keys.map((key) => (key === undefined ? -1 : (refOf.get(key) ?? -1))) };
}

/** A field whose values are mostly distinct objects (contact details) as columns of their fields. */
function objectColumn(values: readonly unknown[]): Column | null {
  const present = values.filter((value) => value !== ABSENT);
  if (!present.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) return null;
  return { fields: columnsOf(present as object[]), has: values.map((value) => (value === ABSENT ? '0' : '1')).join('') };
}

/** A field whose values are lists (a schedule) as a dictionary of the distinct items, when items repeat a lot. */
function listColumn(values: readonly unknown[]): Column | null {
  if (!values.every((value) => value === ABSENT || Array.isArray(value))) return null;
  const keys = new Map<string, number>();
  const items: unknown[] = [];
  let total = 0;
  const lists = values.map((value) => {
    if (value === ABSENT) return null;
    return (value as unknown[]).map((item) => {
      total++;
      const key = JSON.stringify(item);
      let ref = keys.get(key);
      if (ref === undefined) {
        ref = items.push(item) - 1;
        keys.set(key, ref);
      }
      return ref;
    });
  });
  if (items.length * 2 <= total) return { items, lists };
  // Mostly distinct items (sessions with their own dates): the items of every list, one after another, as columns.
  const flat = values.flatMap((value) => (value === ABSENT ? [] : (value as unknown[])));
  if (!flat.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) return null;
  return { flat: columnsOf(flat as object[]), lengths: values.map((value) => (value === ABSENT ? -1 : (value as unknown[]).length)) };
}

export function columnsOf(records: readonly object[], leaveOut: readonly string[] = []): Columns {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) if (!leaveOut.includes(key)) keys.add(key);
  const columns: Record<string, Column> = {};
  for (const key of keys) {
    columns[key] = column(records.map((record) => (key in record && (record as Record<string, unknown>)[key] !== undefined ? (record as Record<string, unknown>)[key] : ABSENT)));
  }
  const named = namedIds(records);
  if (named) columns.id = named;
  return { count: records.length, columns };
}

/** Ids such as 'knit-and-natter-12' (the name and a number) as just the number; null when few ids are like that. */
function namedIds(records: readonly object[]): Column | null {
  let matches = 0;
  const named = records.map((record) => {
    const { id, name } = record as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || name === undefined) return null;
    const prefix = `${nameSlug(name)}-`;
    const rest = id.slice(prefix.length);
    // Only a number written the way String(number) writes it comes back the same.
    if (!id.startsWith(prefix) || !/^(0|[1-9]\d{0,14})$/.test(rest)) return id;
    matches++;
    return Number(rest);
  });
  if (named.some((value) => value === null) || matches * 4 < records.length) return null;
  return { named: named as (string | number)[] };
}

/**
 * An activity's organisation, venue and categories as positions in those lists rather than ids: the ids are in the
 * index already, with their records.
 */
function withIdReferences(activities: Columns, feed: Feed): Columns {
  const positions = (records: ReadonlyMap<string, unknown>) => new Map([...records.keys()].map((id, n) => [id, n]));
  const organisations = positions(feed.organisations);
  const venues = positions(feed.venues);
  const categories = positions(feed.categories);
  const columns = { ...activities.columns };
  columns.organisation = { idsOf: 'organisations', refs: feed.activities.map((a) => organisations.get(a.organisation) ?? -1) };
  columns.venue = { idsOf: 'venues', refs: feed.activities.map((a) => (a.venue === undefined ? -1 : (venues.get(a.venue) ?? -1))) };
  columns.categories = { idsOf: 'categories', lists: feed.activities.map((a) => a.categories.map((id) => categories.get(id) ?? -1)) };
  return { count: activities.count, columns };
}

function shortHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 10);
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** The index and shards of a checked feed (uncompressed). `skipped` is how many activities the checks left out. */
export function builtFiles(feed: Feed, skipped: number, indexName = 'index.json'): BuiltFile[] {
  const described = feed.activities.filter((activity) => activity.description !== undefined);
  const shardCount = Math.max(1, Math.ceil(described.length / DESCRIPTIONS_PER_SHARD));
  const shards: Record<string, Text>[] = Array.from({ length: shardCount }, () => ({}));
  for (const activity of described) shards[shardOf(activity.id, shardCount)]![activity.id] = activity.description!;
  const shardFiles = shards.map((descriptions, n) => {
    const body = json({ format: 'activity-feed-details', descriptions });
    return { path: `${DETAILS_FOLDER}d-${n}-${shortHash(body)}.json`, body };
  });
  const index: BuiltIndex = {
    format: BUILT_FORMAT,
    version: BUILT_VERSION,
    generated: feed.generated,
    sample: feed.sample,
    defaultLanguage: feed.defaultLanguage,
    area: { ...feed.area, places: columnsOf(feed.area.places) },
    ...(feed.referral === undefined ? {} : { referral: feed.referral }),
    categories: columnsOf([...feed.categories.values()]),
    organisations: columnsOf([...feed.organisations.values()]),
    venues: columnsOf([...feed.venues.values()]),
    activities: withIdReferences(columnsOf(feed.activities, ['description']), feed),
    skipped,
    details: { files: shardFiles.map((file) => file.path), has: feed.activities.map((a) => (a.description === undefined ? '0' : '1')).join('') },
  };
  return [{ path: indexName, body: json(index) }, ...shardFiles];
}

/** Checks the parsed feed as the app would, and builds it when it is usable. */
export function buildFeed(parsed: unknown, options: { now?: Date; indexName?: string } = {}): BuildResult {
  const check = checkFeed(parsed, { now: options.now ?? new Date() });
  if (!check.feed) return { check, files: null };
  return { check, files: builtFiles(check.feed, check.skipped.activities, options.indexName) };
}

/** Brotli at the best quality (quality 9 above a few megabytes, where 11 takes too long), and gzip at level 9. */
export function compressed(body: Buffer): { br: Buffer; gz: Buffer } {
  const quality = body.length > 8_000_000 ? 9 : 11;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
  return { br, gz: gzipSync(body, { level: 9 }) };
}
