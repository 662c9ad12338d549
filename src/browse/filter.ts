// Which listings the browse screen shows and in what order: a BrowseQuery applied to a feed that was
// prepared once (search index, each listing's sessions this week), so that a keystroke costs milliseconds.
import type { Activity, DayCode, Feed, Venue } from '../feed/schema';
import { dayCodes } from '../feed/days';
import type { Occurrence } from '../feed/schedule';
import { localParts, nextOccurrences, occurrencesBetween } from '../feed/schedule';
import { pickText } from '../feed/text';
import { distanceKm, type LatLng } from './distance';
import { activeFilters, isDayFilter, isFilterActive, NEAR_HERE, withoutFilter, type BrowseQuery, type DayFilter, type FilterKey, type TimeOfDay } from './query';
import { buildSearchIndex, searchIndexBuilder, searchIndices, type SearchIndex } from './search';

export interface BrowseContext {
  feed: Feed;
  now: Date;
  /** The device's position, when the person has shared it; used when `near` is 'here' (or not set). */
  position: LatLng | null;
  /** The interface language, for sorting by name and breaking ties; the feed's default language if left out. */
  language?: string;
}

export interface Result {
  activity: Activity;
  /** The next session; with a day or time-of-day filter, the next one that satisfies it. */
  next: Occurrence | undefined;
  /** From the chosen place or position to the venue; null without either, or for an online activity without a venue. */
  distanceKm: number | null;
}

/** Which single filter to drop to get the most results, e.g. `{ filter: 'women', results: 4 }`. */
export interface Relaxation {
  filter: FilterKey;
  results: number;
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** Today and the next seven local days: enough for 'today', 'this week', 'this weekend' and a day chosen this week. */
const WINDOW_DAYS = 8;
/** Entries per cache (days, filters, orders, rows); a few are enough for going back and forth. */
const MAX_CACHED = 8;

const PART_BITS: Record<TimeOfDay, number> = { morning: 1, afternoon: 2, evening: 4 };
const PART_ORDER: readonly number[] = [1, 2, 4];

/** One session of this week with what the day and time filters compare, worked out once. */
interface DatedOccurrence {
  occurrence: Occurrence;
  /** The local date (YYYY-MM-DD) it starts on. */
  date: string;
  /** Morning 1, afternoon 2, evening 4. */
  part: number;
}

/** What the filters need to know about one activity, worked out once per feed. */
interface PreparedActivity {
  activity: Activity;
  venue: Venue | undefined;
  /** Paused and cancelled listings stay in the list but have no sessions. */
  isActive: boolean;
  /** Sessions not yet over that start from today to the end of the window, in time order. */
  upcoming: DatedOccurrence[];
  next: Occurrence | undefined;
  /** The next session that starts in the morning, afternoon, evening (index 0, 1, 2), at any distance. */
  nextByPart: (Occurrence | undefined)[];
  /** The venue's accessibility words, lower case. */
  access: ReadonlySet<string>;
  /** Spoken languages in lower case, each also by its base language ('pa-arab' is also 'pa'). */
  languages: ReadonlySet<string>;
  isForChildren: boolean;
}

/** A feed made ready for filtering as of `now`; build it with `prepareBrowse` and again when the feed changes or time moves on (`shouldPrepareAgain`). */
export interface PreparedBrowse {
  readonly feed: Feed;
  readonly now: Date;
  /** The local date of `now` in the area's time zone. */
  readonly today: string;
  readonly index: SearchIndex;
  readonly items: readonly PreparedActivity[];
  /**
   * Filled on demand and kept, since filters change far less often than the search words: sessions of
   * days chosen outside the window, per day/time filter the session that satisfies it, sort orders,
   * name ranks, and the Result objects themselves (so unchanged rows keep their identity between keystrokes).
   */
  readonly cache: {
    days: Map<string, DatedOccurrence[][]>;
    views: Map<string, TimeView>;
    orders: Map<string, Order>;
    nameRanks: Map<string, Int32Array>;
    results: Map<string, (Result | undefined)[]>;
  };
}

/** What a day or time-of-day filter makes of every activity. */
interface TimeView {
  /** '' without a day or time filter. */
  key: string;
  /** Per feed index, the next session that satisfies the filter; null without a filter (each activity's own next session counts). */
  next: readonly (Occurrence | undefined)[] | null;
}

/** Activities in the order of a sort: `order` lists feed indices, `position[i]` is where activity i stands (-1: never shown). */
interface Order {
  order: Int32Array;
  position: Int32Array;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** By the published local start time (HH:MM): the time a person reads on the listing. */
function partOf(start: string): number {
  const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));
  if (minutes < 12 * 60) return PART_BITS.morning;
  return minutes < 17 * 60 ? PART_BITS.afternoon : PART_BITS.evening;
}

function earliest(occurrences: readonly (Occurrence | undefined)[]): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const occurrence of occurrences) {
    if (occurrence !== undefined && (best === undefined || occurrence.start.getTime() < best.start.getTime())) best = occurrence;
  }
  return best;
}

function languageSet(languages: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    set.add(lower);
    set.add(lower.split('-')[0] ?? lower);
  }
  return set;
}

function prepareActivity(activity: Activity, feed: Feed, now: Date, lastDate: string): PreparedActivity {
  const timeZone = feed.area.timeZone;
  const venue = activity.venue === undefined ? undefined : feed.venues.get(activity.venue);
  const isActive = activity.status === 'active';
  const upcoming: DatedOccurrence[] = [];
  const nextByPart: (Occurrence | undefined)[] = [undefined, undefined, undefined];
  if (isActive && activity.schedule.length > 0) {
    const nowMs = now.getTime();
    // A session under way started less than a day ago; an hour more covers a daylight-saving change.
    const from = new Date(nowMs - MS_PER_DAY - MS_PER_HOUR);
    const to = new Date(nowMs + (WINDOW_DAYS + 1) * MS_PER_DAY);
    for (const occurrence of occurrencesBetween(activity.schedule, from, to, timeZone)) {
      if (occurrence.end.getTime() <= nowMs) continue;
      const date = localParts(occurrence.start, timeZone).date;
      if (date > lastDate) continue;
      upcoming.push({ occurrence, date, part: partOf(occurrence.session.start) });
    }
    let parts = 0;
    for (const session of activity.schedule) parts |= partOf(session.start);
    PART_ORDER.forEach((part, index) => {
      if ((parts & part) === 0) return;
      // Sessions this week answer most listings; only monthly and one-off ones need looking further ahead.
      nextByPart[index] =
        upcoming.find((o) => o.part === part)?.occurrence ??
        nextOccurrences(activity.schedule.filter((session) => partOf(session.start) === part), now, timeZone, 1)[0];
    });
  }
  const tags = activity.audience?.tags ?? [];
  return {
    activity,
    venue,
    isActive,
    upcoming,
    next: upcoming[0]?.occurrence ?? earliest(nextByPart),
    nextByPart,
    access: new Set((venue?.accessibility ?? []).map((word) => word.trim().toLowerCase())),
    languages: languageSet(activity.languages),
    // Children are welcome where there is a creche or the group is for parents of under-fives.
    isForChildren: activity.childcare || tags.includes('parents-under-5s'),
  };
}

/** Works out once per feed (and moment) what every filter change needs. */
export function prepareBrowse(feed: Feed, now: Date): PreparedBrowse {
  const today = localParts(now, feed.area.timeZone).date;
  const lastDate = addDays(today, WINDOW_DAYS - 1);
  let index: SearchIndex | null = null;
  return {
    feed,
    now,
    today,
    // Made on the first search, not before the first screen: most visits start with the whole list.
    get index() {
      return (index ??= buildSearchIndex(feed));
    },
    items: feed.activities.map((activity) => prepareActivity(activity, feed, now, lastDate)),
    cache: { days: new Map(), views: new Map(), orders: new Map(), nameRanks: new Map(), results: new Map() },
  };
}

/** How long one slice of `prepareBrowseInSlices` may run: well under a frame's worth of input delay. */
const SLICE_MS = 30;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The same as prepareBrowse, for a big feed (tens of thousands of listings): the work is done in slices of about
 * 30 ms with the page free in between, so it never freezes (typing, scrolling and the loading line keep going).
 */
export async function prepareBrowseInSlices(
  feed: Feed,
  now: Date,
  { yieldToPage = nextTask, sliceMs = SLICE_MS }: { yieldToPage?: () => Promise<void>; sliceMs?: number } = {},
): Promise<PreparedBrowse> {
  const today = localParts(now, feed.area.timeZone).date;
  const lastDate = addDays(today, WINDOW_DAYS - 1);
  const search = searchIndexBuilder(feed);
  const items: PreparedActivity[] = [];
  let sliceStarted = performance.now();
  for (let i = 0; i < feed.activities.length; i++) {
    search.add(i);
    items.push(prepareActivity(feed.activities[i]!, feed, now, lastDate));
    if (i % 64 === 63 && performance.now() - sliceStarted >= sliceMs) {
      await yieldToPage();
      sliceStarted = performance.now();
    }
  }
  return {
    feed,
    now,
    today,
    index: search.finish(),
    items,
    cache: { days: new Map(), views: new Map(), orders: new Map(), nameRanks: new Map(), results: new Map() },
  };
}

/**
 * Whether `prepared` no longer answers for this feed and moment: another feed, another local day, or
 * more than `maxAgeMs` later (a session may have ended since, and 'next' moved on).
 */
export function shouldPrepareAgain(prepared: PreparedBrowse, feed: Feed, now: Date, maxAgeMs = 5 * 60_000): boolean {
  if (prepared.feed !== feed) return true;
  if (Math.abs(now.getTime() - prepared.now.getTime()) > maxAgeMs) return true;
  return localParts(now, feed.area.timeZone).date !== prepared.today;
}

// ---------------------------------------------------------------------------------------------------
// Days

interface DaySelection {
  dates: ReadonlySet<string>;
  /** Per activity, the sessions to look in: this week's, or those of a day chosen further ahead. */
  sessionsOf: (index: number) => readonly DatedOccurrence[];
}

/** The local dates a day filter means, given today's local date and weekday. */
export function datesOf(day: DayFilter, today: string, weekday: DayCode): string[] {
  switch (day) {
    case 'today':
      return [today];
    case 'week':
      return Array.from({ length: 7 }, (_, i) => addDays(today, i));
    case 'weekend': {
      // On a Saturday this weekend is today and tomorrow; on a Sunday only today is left.
      if (weekday === 'sa') return [today, addDays(today, 1)];
      if (weekday === 'su') return [today];
      const saturday = addDays(today, dayCodes.indexOf('sa') - dayCodes.indexOf(weekday));
      return [saturday, addDays(saturday, 1)];
    }
    default:
      return [day];
  }
}

/** Sessions on a day outside the window, for every activity, worked out when that day is first asked for. */
function sessionsOnDay(prepared: PreparedBrowse, date: string): DatedOccurrence[][] {
  const cached = prepared.cache.days.get(date);
  if (cached) return cached;
  const { feed, now, today } = prepared;
  const timeZone = feed.area.timeZone;
  // Every zone's local day lies within 15 hours either side of the UTC day of the same date.
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const from = new Date(midnight - 15 * MS_PER_HOUR);
  const to = new Date(midnight + MS_PER_DAY + 15 * MS_PER_HOUR);
  const nowMs = now.getTime();
  const sessions = prepared.items.map((item) => {
    if (!item.isActive || date < today) return [];
    const found: DatedOccurrence[] = [];
    for (const occurrence of occurrencesBetween(item.activity.schedule, from, to, timeZone)) {
      if (occurrence.end.getTime() <= nowMs || localParts(occurrence.start, timeZone).date !== date) continue;
      found.push({ occurrence, date, part: partOf(occurrence.session.start) });
    }
    return found;
  });
  return remember(prepared.cache.days, date, sessions);
}

function daySelection(prepared: PreparedBrowse, day: DayFilter): DaySelection {
  const weekday = localParts(prepared.now, prepared.feed.area.timeZone).day;
  const dates = datesOf(day, prepared.today, weekday);
  const lastDate = addDays(prepared.today, WINDOW_DAYS - 1);
  const isInWindow = dates.every((date) => date >= prepared.today && date <= lastDate);
  if (isInWindow) return { dates: new Set(dates), sessionsOf: (index) => prepared.items[index]?.upcoming ?? [] };
  // Only a single chosen day can fall outside the window.
  const date = dates[0] ?? day;
  const sessions = sessionsOnDay(prepared, date);
  return { dates: new Set([date]), sessionsOf: (index) => sessions[index] ?? [] };
}

// ---------------------------------------------------------------------------------------------------
// Selecting

/** Bounded caches: a few entries cover going back and forth between filters. */
function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
  return value;
}

/** For a day and/or time filter, every activity's next session that satisfies it; worked out once per filter. */
function timeView(prepared: PreparedBrowse, query: BrowseQuery): TimeView {
  // A query built in code rather than read from a URL may hold values the URL reader would have dropped.
  const dayFilter = query.day !== null && isDayFilter(query.day) ? query.day : null;
  const times = TIMES.filter((time) => query.times.includes(time));
  if (dayFilter === null && times.length === 0) return NO_TIME_FILTER;
  const key = `${dayFilter ?? ''}|${times.join(',')}`;
  const cached = prepared.cache.views.get(key);
  if (cached) return cached;
  const { items } = prepared;
  let parts = 0;
  for (const time of times) parts |= PART_BITS[time];
  const day = dayFilter === null ? null : daySelection(prepared, dayFilter);
  const next = items.map((item, i): Occurrence | undefined => {
    if (!item.isActive) return undefined;
    if (day === null) return earliest(PART_ORDER.map((part, p) => ((parts & part) !== 0 ? item.nextByPart[p] : undefined)));
    // The same session must be on a chosen day and, if times are chosen, at one of those times.
    for (const dated of day.sessionsOf(i)) {
      if (day.dates.has(dated.date) && (parts === 0 || (dated.part & parts) !== 0)) return dated.occurrence;
    }
    return undefined;
  });
  return remember(prepared.cache.views, key, { key, next });
}

const NO_TIME_FILTER: TimeView = { key: '', next: null };
const TIMES: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];

interface Selection {
  /** The matching feed indices, in feed order. */
  matches: number[];
  /** 1 at each matching feed index. */
  isMatch: Uint8Array;
}

function select(prepared: PreparedBrowse, query: BrowseQuery, view: TimeView): Selection {
  // The search index is made on the first search (PreparedFeed.index is a lazy getter): read it only for a query.
  const { items } = prepared;
  const isMatch = new Uint8Array(items.length);
  const matches: number[] = [];
  const candidates = query.q.trim() === '' ? null : searchIndices(prepared.index, query.q);
  const categories = query.categories.length > 0 ? new Set(query.categories) : null;
  const languages = query.languages.length > 0 ? query.languages.map((tag) => tag.toLowerCase()) : null;
  const access = query.access.length > 0 ? query.access.map((word) => word.trim().toLowerCase()) : null;
  const join = query.join.length > 0 ? new Set<string>(query.join) : null;
  const next = view.next;

  const consider = (i: number): void => {
    const item = items[i];
    if (item === undefined) return;
    // Paused and cancelled listings have no sessions, so a day or time filter leaves them out (next is undefined).
    if (next !== null && next[i] === undefined) return;
    const activity = item.activity;
    if (categories && !activity.categories.some((id) => categories.has(id))) return;
    if (query.free && !activity.cost.free) return;
    if (query.women && activity.audience?.gender !== 'women') return;
    if (query.children && !item.isForChildren) return;
    if (languages && !languages.some((tag) => item.languages.has(tag))) return;
    if (access && !access.every((word) => item.access.has(word))) return;
    if (join && (activity.howToJoin === undefined || !join.has(activity.howToJoin))) return;
    if (query.online && !activity.online) return;
    isMatch[i] = 1;
    matches.push(i);
  };

  if (candidates) for (const i of candidates) consider(i);
  else for (let i = 0; i < items.length; i++) consider(i);
  return { matches, isMatch };
}

// ---------------------------------------------------------------------------------------------------
// Ordering

function collatorFor(language: string): Intl.Collator {
  try {
    return new Intl.Collator(language, { numeric: true });
  } catch {
    return new Intl.Collator(undefined, { numeric: true }); // a malformed tag in settings must not break the list
  }
}

/** Each activity's place in alphabetical order of its name as shown in `language` (ties by id). */
function nameRanks(prepared: PreparedBrowse, language: string): Int32Array {
  const cached = prepared.cache.nameRanks.get(language);
  if (cached) return cached;
  const { items, feed } = prepared;
  const collator = collatorFor(language);
  const names = items.map((item) => pickText(item.activity.name, language, feed.defaultLanguage).text);
  const ids = items.map((item) => item.activity.id);
  const order = Array.from({ length: items.length }, (_, i) => i);
  order.sort((a, b) => collator.compare(names[a] ?? '', names[b] ?? '') || ((ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1));
  const ranks = new Int32Array(items.length);
  order.forEach((i, rank) => (ranks[i] = rank));
  return remember(prepared.cache.nameRanks, language, ranks);
}

function originOf(query: BrowseQuery, context: BrowseContext, feed: Feed): LatLng | null {
  if (query.near !== null && query.near !== NEAR_HERE) {
    const place = feed.area.places.find((p) => p.id === query.near);
    if (place) return { lat: place.lat, lng: place.lng };
  }
  return context.position;
}

/** Where distances are measured from: the chosen place, else the device's position (for 'here'), else nowhere. */
export function originFor(query: BrowseQuery, context: BrowseContext): LatLng | null {
  return originOf(query, context, context.feed);
}

function distanceTo(item: PreparedActivity, origin: LatLng | null): number | null {
  return origin === null || item.venue === undefined ? null : distanceKm(origin, item.venue);
}

/**
 * The order of a sort, worked out once for all activities and kept: 'soonest' by the next session (the one
 * satisfying a day or time filter when there is one), none last, ties by name; 'distance' nearest first,
 * no venue last, ties by soonest; 'name' by the name shown in `language`.
 */
function orderFor(prepared: PreparedBrowse, sort: BrowseQuery['sort'], language: string, origin: LatLng | null, view: TimeView): Order {
  const by = sort === 'distance' && origin === null ? 'soonest' : sort;
  const key = by === 'name' ? `name|${language}` : by === 'soonest' ? `soonest|${language}|${view.key}` : `distance|${language}|${view.key}|${origin?.lat},${origin?.lng}`;
  const cached = prepared.cache.orders.get(key);
  if (cached) return cached;
  const { items } = prepared;
  const ranks = nameRanks(prepared, language);
  const starts = Float64Array.from(items, (item, i) => (view.next ? view.next[i] : item.next)?.start.getTime() ?? Infinity);
  const distances = Float64Array.from(items, (item) => (by === 'distance' ? (distanceTo(item, origin) ?? Infinity) : 0));
  const byName = (a: number, b: number): number => (ranks[a] ?? 0) - (ranks[b] ?? 0);
  const bySoonest = (a: number, b: number): number => {
    const [x, y] = [starts[a] ?? Infinity, starts[b] ?? Infinity];
    return x === y ? byName(a, b) : x < y ? -1 : 1;
  };
  const byDistance = (a: number, b: number): number => {
    const [x, y] = [distances[a] ?? Infinity, distances[b] ?? Infinity];
    return x === y ? bySoonest(a, b) : x < y ? -1 : 1;
  };
  // With a day or time filter, activities without a matching session are never shown: leave them out.
  const shown = Array.from({ length: items.length }, (_, i) => i).filter((i) => view.next === null || view.next[i] !== undefined);
  const order = Int32Array.from(shown.sort(by === 'name' ? byName : by === 'soonest' ? bySoonest : byDistance));
  const position = new Int32Array(items.length).fill(-1);
  order.forEach((i, k) => (position[i] = k));
  return remember(prepared.cache.orders, key, { order, position });
}

/** The rows of one filter and origin, made when first shown and kept, so that a keystroke allocates little. */
function resultsFor(prepared: PreparedBrowse, view: TimeView, origin: LatLng | null): (Result | undefined)[] {
  const key = `${view.key}|${origin?.lat},${origin?.lng}`;
  return prepared.cache.results.get(key) ?? remember(prepared.cache.results, key, new Array<Result | undefined>(prepared.items.length));
}

/**
 * The activities to show for a query, in order.
 * - Search: every word typed must occur in the name, summary (any language), a category, the venue or the organisation.
 * - Categories, languages, ways to join: any of those chosen. Accessibility: the venue has all the chosen words.
 * - Children: a creche or children welcome (`childcare`), or a group for parents of under-fives (audience tag `parents-under-5s`).
 * - Day and times: a session not yet over on one of the days, starting in one of the chosen parts of the day; with
 *   both, the same session must satisfy both. Paused and cancelled listings have no sessions, so these filters drop
 *   them; every other filter keeps them (with no next session), as does the plain list.
 * - Sort 'soonest': next session first, none last, ties by name; 'distance': nearest venue first, online and unknown
 *   last, ties by soonest (without a place or position it is 'soonest'); 'name': by the name shown in the UI language.
 * Results are shared between calls: treat them as read-only.
 */
export function filterActivities(prepared: PreparedBrowse, query: BrowseQuery, context: BrowseContext): Result[] {
  const { items, feed } = prepared;
  const language = context.language ?? feed.defaultLanguage;
  const origin = originOf(query, context, feed);
  const view = timeView(prepared, query);
  const { matches, isMatch } = select(prepared, query, view);
  if (matches.length === 0) return [];
  const { order, position } = orderFor(prepared, query.sort, language, origin, view);
  // A few matches are quicker sorted by their place in the kept order; many, by walking that order.
  let sequence: ArrayLike<number>;
  if (matches.length * 16 < order.length) sequence = matches.sort((a, b) => (position[a] ?? 0) - (position[b] ?? 0));
  else sequence = order;
  const rows = resultsFor(prepared, view, origin);
  const results: Result[] = [];
  for (let k = 0; k < sequence.length; k++) {
    const i = sequence[k] ?? 0;
    if (isMatch[i] !== 1) continue;
    let row = rows[i];
    if (row === undefined) {
      const item = items[i]!;
      row = rows[i] = { activity: item.activity, next: view.next ? view.next[i] : item.next, distanceKm: distanceTo(item, origin) };
    }
    results.push(row);
  }
  return results;
}

/** How many activities a query finds, without ordering them. */
export function countActivities(prepared: PreparedBrowse, query: BrowseQuery): number {
  return select(prepared, query, timeView(prepared, query)).matches.length;
}

/**
 * When a query finds nothing: the one filter whose removal finds the most, so the screen can offer
 * "Try without 'Women only' (4 activities)". Null when the query finds something, or no single removal helps.
 */
export function suggestRelaxation(prepared: PreparedBrowse, query: BrowseQuery, context: BrowseContext): Relaxation | null {
  void context; // the count does not depend on position or language; kept for symmetry with filterActivities
  if (countActivities(prepared, query) > 0) return null;
  // The words typed say what the person is looking for, so a filter is offered first; dropping the
  // search words is suggested only when no filter on its own would help.
  let best: Relaxation | null = null;
  for (const filter of activeFilters(query).filter((key) => key !== 'q')) {
    const results = countActivities(prepared, withoutFilter(query, filter));
    if (results > (best?.results ?? 0)) best = { filter, results };
  }
  if (best === null && isFilterActive(query, 'q')) {
    const results = countActivities(prepared, withoutFilter(query, 'q'));
    if (results > 0) best = { filter: 'q', results };
  }
  return best;
}

export interface FilterOptions {
  /** The feed's categories in feed order, with how many listings each has. */
  categories: { id: string; count: number }[];
  /** Spoken languages (as the feed writes them, lower case), most listings first. */
  languages: { code: string; count: number }[];
  /** Venue accessibility words, most listings first. */
  access: { word: string; count: number }[];
}

function byCount<K extends string>(counts: Map<string, number>, key: K): ({ count: number } & Record<K, string>)[] {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, count]) => ({ [key]: value, count }) as { count: number } & Record<K, string>);
}

/** What the filter panel can offer for this feed: only choices that find something. */
export function filterOptions(prepared: PreparedBrowse): FilterOptions {
  const categories = new Map<string, number>([...prepared.feed.categories.keys()].map((id) => [id, 0]));
  const languages = new Map<string, number>();
  const access = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const item of prepared.items) {
    for (const id of new Set(item.activity.categories)) bump(categories, id);
    for (const code of new Set(item.activity.languages.map((tag) => tag.toLowerCase()))) bump(languages, code);
    for (const word of item.access) bump(access, word);
  }
  return {
    categories: [...categories].filter(([, count]) => count > 0).map(([id, count]) => ({ id, count })),
    languages: byCount(languages, 'code'),
    access: byCount(access, 'word'),
  };
}
