// The built form of a feed (`npm run feed:build`, scripts/build-feed/): a compact index holding every listing without its
// long description, checked when it was built, plus description shards fetched only when an activity page is opened.
// The app tells it from a plain feed by its content ("format": "activity-feed-built"), so the feed address setting
// may point at either and a plain feed costs no extra request. This module only reads the built form; it must stay
// small, as it is on the first screen's path.
import type { Activity, Category, Feed, Organisation, Place, Referral, Venue } from './schema';

export const BUILT_FORMAT = 'activity-feed-built';
export const BUILT_VERSION = 1;
/** The description shards sit in this folder beside the index (the service worker caches it: src/pwa/sw.ts). */
export const DETAILS_FOLDER = 'feed-details/';

/**
 * A list of records as columns, one per field, which compresses far better than records do. A column is either the
 * values themselves (null where the record has no such field) or, when few values repeat a lot, a dictionary of the
 * distinct values and per record its entry in it (-1 where the record has no such field), or, for lists whose items
 * repeat (categories), a dictionary of the distinct items and per record the list of its entries (null: no such field), or
 * for lists of mostly distinct objects (sessions) the objects of all records one after another, as columns themselves,
 * and per record how many are its own (-1: no such field), or for mostly distinct objects (contact details) their
 * fields as columns and per record '1' or '0' for whether it has one. An activity's organisation, venue and categories
 * are positions in those lists (`idsOf`), as the ids are there already. Ids made from the record's name and a
 * number ('knit-and-natter-12'), as importers and many spreadsheets make them, are stored as that number (`named`).
 */
export type Column =
  | { values: unknown[] }
  | { dict: unknown[]; refs: number[] }
  | { items: unknown[]; lists: (number[] | null)[] }
  | { flat: Columns; lengths: number[] }
  | { fields: Columns; has: string }
  | { idsOf: IdList; refs: number[] }
  | { idsOf: IdList; lists: number[][] }
  | { named: (string | number)[] };
/** Lists whose ids activities refer to by position. */
export type IdList = 'categories' | 'organisations' | 'venues';
export interface Columns {
  count: number;
  columns: Record<string, Column>;
}

export interface BuiltIndex {
  format: typeof BUILT_FORMAT;
  version: typeof BUILT_VERSION;
  generated: string;
  sample: boolean;
  defaultLanguage: string;
  area: Omit<Feed['area'], 'places'> & { places: Columns };
  referral?: Referral;
  categories: Columns;
  organisations: Columns;
  venues: Columns;
  activities: Columns;
  /** How many activities the build left out because they failed the checks. */
  skipped: number;
  details: {
    /** Shard files, relative to the index's address; an activity's is `files[shardOf(id, files.length)]`. */
    files: string[];
    /** '1' or '0' per activity, in order: whether it has a description (so the others never fetch a shard). */
    has: string;
  };
}

/** Where the description of an activity is, the same in the build and the app. */
export function shardOf(id: string, shards: number): number {
  // FNV-1a: quick, and spreads ids such as 'walk-1', 'walk-2' evenly.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % Math.max(1, shards);
}

/** Whether parsed JSON is a built index (rather than a plain feed); the full guard is in `feedFromBuiltIndex`. */
export function isBuiltIndex(json: unknown): json is BuiltIndex {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUILT_FORMAT;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isColumns(value: unknown): value is Columns {
  if (!isObject(value) || typeof value.count !== 'number' || !isObject(value.columns)) return false;
  const count = value.count;
  return Object.values(value.columns).every((column) =>
    isObject(column) &&
    (Array.isArray(column.named)
      ? column.named.length === count
      : typeof column.idsOf === 'string'
      ? Array.isArray(column.refs) ? column.refs.length === count : Array.isArray(column.lists) && column.lists.length === count
      : Array.isArray(column.values)
      ? column.values.length === count
      : isObject(column.fields)
        ? isColumns(column.fields) && typeof column.has === 'string' && column.has.length === count
        : isObject(column.flat)
        ? isColumns(column.flat) && Array.isArray(column.lengths) && column.lengths.length === count
        : Array.isArray(column.items)
        ? Array.isArray(column.lists) && column.lists.length === count
        : Array.isArray(column.dict) && Array.isArray(column.refs) && column.refs.length === count),
  );
}

/** Runs a decoding generator to its end at once (its pauses are for `feedFromBuiltIndexInSlices`). */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The records back from their columns: the same objects the checker gave when the index was built. */
export function recordsFromColumns<T>(list: Columns, ids: Partial<Record<IdList, readonly string[]>> = {}): T[] {
  return finish(decodeColumns<T>(list, ids));
}

/** `recordsFromColumns`, pausing after each column (a few milliseconds each, even at 100,000 records). */
function* decodeColumns<T>(list: Columns, ids: Partial<Record<IdList, readonly string[]>> = {}): Generator<void, T[]> {
  const records: Record<string, unknown>[] = Array.from({ length: list.count }, () => ({}));
  for (const [key, column] of Object.entries(list.columns)) {
    yield;
    if ('named' in column) continue; // once the names are in
    if ('idsOf' in column) {
      const known = ids[column.idsOf] ?? [];
      // A position outside the list gives no id, and the guard in feedFromBuiltIndex refuses the index.
      if ('refs' in column) column.refs.forEach((ref, i) => ref >= 0 && (records[i]![key] = known[ref] ?? ''));
      else column.lists.forEach((list, i) => (records[i]![key] = list.map((ref) => known[ref] ?? '')));
    } else if ('values' in column) {
      column.values.forEach((value, i) => {
        if (value !== null) records[i]![key] = value;
      });
    } else if ('fields' in column) {
      const objects = recordsFromColumns<unknown>(column.fields);
      let next = 0;
      for (let i = 0; i < column.has.length; i++) if (column.has[i] === '1') records[i]![key] = objects[next++];
    } else if ('flat' in column) {
      const flat = recordsFromColumns<unknown>(column.flat);
      let next = 0;
      column.lengths.forEach((length, i) => {
        if (length < 0) return;
        records[i]![key] = flat.slice(next, next + length);
        next += length;
      });
    } else if ('items' in column) {
      const { items, lists } = column;
      lists.forEach((list, i) => {
        if (list !== null) records[i]![key] = list.map((ref) => items[ref]);
      });
    } else {
      const { dict, refs } = column;
      // Records with the same value share one object (copying 100,000 of them takes seconds): the app treats the
      // feed as read-only, as it does the plain feed's records.
      refs.forEach((ref, i) => {
        if (ref >= 0) records[i]![key] = dict[ref];
      });
    }
  }
  for (const [key, column] of Object.entries(list.columns)) {
    if (!('named' in column)) continue;
    // Names repeat ('Knit and Natter' in many places): each is turned into its id prefix once.
    const prefixes = new Map<unknown, string>();
    column.named.forEach((value, i) => {
      const record = records[i]!;
      if (typeof value !== 'number') {
        record[key] = value;
        return;
      }
      let prefix = prefixes.get(record.name);
      if (prefix === undefined) prefixes.set(record.name, (prefix = nameSlug(record.name)));
      record[key] = `${prefix}-${value}`;
    });
  }
  return records as T[];
}

/** The id prefix a name gives: lower case, accents off, apostrophes dropped, other runs of characters as '-'. */
export function nameSlug(name: unknown): string {
  const text = typeof name === 'string' ? name : typeof name === 'object' && name !== null ? String(Object.values(name)[0] ?? '') : '';
  const lower = text.toLowerCase();
  return (/^[\x20-\x7E]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70);
}

function byId<T extends { id: string }>(records: T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/** What the app needs to fetch descriptions of a built feed. */
export interface BuiltDetails {
  indexUrl: string;
  files: readonly string[];
  withDescription: ReadonlySet<string>;
}

// Kept here rather than in details.ts, so that the loader can note them without putting the fetching (needed only
// on activity pages) on the first screen.
const builtFeeds = new WeakMap<Feed, BuiltDetails>();

/** Called by the loader for a feed that came in built form. */
export function rememberBuiltDetails(feed: Feed, details: BuiltDetails): void {
  builtFeeds.set(feed, details);
}

/** Where a built feed's descriptions are; undefined for a plain feed. */
export function builtDetailsOf(feed: Feed): BuiltDetails | undefined {
  return builtFeeds.get(feed);
}

type Decoded = { feed: Feed; skipped: number; details: BuiltDetails } | null;

/**
 * The Feed of a built index, after a cheap structural guard (the full checks ran when it was built): null when it is
 * not a usable index, e.g. cut short or written by a newer build.
 */
export function feedFromBuiltIndex(json: unknown, indexUrl: string): Decoded {
  return finish(decodeIndex(json, indexUrl));
}

/**
 * The same for a region-wide index on the page: decoded a column at a time, `pause` (a new task) between columns once
 * `sliceMs` have passed, so no single task holds the page for long.
 */
export async function feedFromBuiltIndexInSlices(json: unknown, indexUrl: string, pause: () => Promise<void>, sliceMs = 30): Promise<Decoded> {
  const steps = decodeIndex(json, indexUrl);
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await pause();
      sliceStarted = performance.now();
    }
  }
}

/**
 * Whether parsed JSON has the shape of a built index this app reads: this version, the envelope, every list as columns
 * of the right lengths. Cheap (no record is decoded): the service worker asks it of each newly fetched index
 * (src/pwa/feed-acceptance.ts), and decoding starts with it.
 */
export function hasBuiltIndexShape(json: unknown): json is BuiltIndex {
  if (!isBuiltIndex(json) || json.version !== BUILT_VERSION) return false;
  const { area, details } = json;
  if (typeof json.generated !== 'string' || typeof json.defaultLanguage !== 'string' || !isObject(area) || !isColumns(area.places)) return false;
  if (typeof area.timeZone !== 'string' || !isObject(area.centre) || typeof area.zoom !== 'number') return false;
  if (![json.categories, json.organisations, json.venues, json.activities].every(isColumns)) return false;
  return isObject(details) && Array.isArray(details.files) && typeof details.has === 'string' && details.has.length === json.activities.count;
}

function* decodeIndex(json: unknown, indexUrl: string): Generator<void, Decoded> {
  if (!hasBuiltIndexShape(json)) return null;
  const { area, details } = json;
  const categories = byId(yield* decodeColumns<Category>(json.categories));
  const organisations = byId(yield* decodeColumns<Organisation>(json.organisations));
  const venues = byId(yield* decodeColumns<Venue>(json.venues));
  const activities = yield* decodeColumns<Activity>(json.activities, {
    categories: [...categories.keys()],
    organisations: [...organisations.keys()],
    venues: [...venues.keys()],
  });
  yield;
  const isUsable = (a: Activity): boolean =>
    typeof a.id === 'string' &&
    a.name !== undefined &&
    a.summary !== undefined &&
    Array.isArray(a.schedule) &&
    isObject(a.cost) &&
    Array.isArray(a.categories) &&
    a.categories.every((id) => categories.has(id)) &&
    organisations.has(a.organisation) &&
    (a.venue === undefined || venues.has(a.venue));
  if (!activities.every(isUsable)) return null;
  yield;
  const withDescription = new Set<string>();
  activities.forEach((activity, i) => {
    if (details.has[i] === '1') withDescription.add(activity.id);
  });
  const feed: Feed = {
    generated: json.generated,
    sample: json.sample === true,
    defaultLanguage: json.defaultLanguage,
    area: { ...area, places: recordsFromColumns<Place>(area.places) },
    referral: json.referral,
    categories,
    organisations,
    venues,
    activities,
  };
  return { feed, skipped: typeof json.skipped === 'number' ? json.skipped : 0, details: { indexUrl, files: details.files, withDescription } };
}
