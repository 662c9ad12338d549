// The browse screen's state as it lives in the URL (search words, filters, 'near', sort, list or map), so
// that a shared link or a reload shows the same list. Reading is tolerant: a mistyped or old link still opens.
import { isIsoDate } from '../feed/days';

/** 'week' is today and the next six days; an ISO date (YYYY-MM-DD) is one chosen day. */
export type DayFilter = 'today' | 'week' | 'weekend' | `${number}-${number}-${number}`;
/** By the session's local start time: morning before 12:00, afternoon 12:00–16:59, evening from 17:00. */
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export type SortOrder = 'soonest' | 'distance' | 'name';
export type JoinFilter = 'drop-in' | 'self-refer';

export interface BrowseQuery {
  q: string;
  categories: string[];
  day: DayFilter | null;
  times: TimeOfDay[];
  free: boolean;
  women: boolean;
  children: boolean;
  languages: string[];
  /** Venue accessibility words, all of which the venue must have. */
  access: string[];
  join: JoinFilter[];
  online: boolean;
  /** A place id from `area.places`, or 'here' for the device's position; coordinates never go into the URL. */
  near: string | null;
  sort: SortOrder;
  view: 'list' | 'map';
}

/** The filters, named by their URL keys (which is also how `suggestRelaxation` names them). */
export type FilterKey = 'q' | 'cat' | 'day' | 'time' | 'free' | 'women' | 'children' | 'lang' | 'access' | 'join' | 'online';
export const FILTER_KEYS: readonly FilterKey[] = ['q', 'cat', 'day', 'time', 'free', 'women', 'children', 'lang', 'access', 'join', 'online'];

export const TIMES_OF_DAY: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
export const SORT_ORDERS: readonly SortOrder[] = ['soonest', 'distance', 'name'];
export const JOIN_FILTERS: readonly JoinFilter[] = ['drop-in', 'self-refer'];
/** `near` for the device's own position. */
export const NEAR_HERE = 'here';

/** Nothing searched, no filters: the whole list, soonest first. Do not mutate; spread it. */
export const emptyQuery: BrowseQuery = {
  q: '',
  categories: [],
  day: null,
  times: [],
  free: false,
  women: false,
  children: false,
  languages: [],
  access: [],
  join: [],
  online: false,
  near: null,
  sort: 'soonest',
  view: 'list',
};

// A link is untrusted input: bound what it can make us hold and compare.
const MAX_QUERY_LENGTH = 200;
const MAX_LIST_LENGTH = 50;
const MAX_WORD_LENGTH = 80;

const ID = /^[a-z0-9-]{1,80}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

export function isDayFilter(value: string): value is DayFilter {
  return value === 'today' || value === 'week' || value === 'weekend' || isIsoDate(value);
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function readFlag(value: string | null): boolean {
  if (value === null) return false;
  // `?free` with no value reads as on, as does any common spelling of yes.
  return ['', '1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/** All values of a list key, whether written `cat=a,b` or `cat=a&cat=b`, trimmed, without empties. */
function readList(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Sorted and without repeats, so that the same choice always gives the same URL. */
function canonicalList(values: readonly string[], isValid: (value: string) => boolean): string[] {
  return [...new Set(values.filter(isValid))].sort().slice(0, MAX_LIST_LENGTH);
}

/** In the fixed order of `all`, without repeats. */
function inOrder<T extends string>(values: readonly string[], all: readonly T[]): T[] {
  return all.filter((value) => values.includes(value));
}

function normaliseAccessWord(word: string): string {
  return word.trim().toLowerCase();
}

function isAccessWord(word: string): boolean {
  return word !== '' && word.length <= MAX_WORD_LENGTH && !word.includes(',');
}

/** The browse state in a location's search string (`?q=knit&free=1` or without the '?'); unknown keys and unusable values are ignored. */
export function queryFromSearch(search: string): BrowseQuery {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { ...emptyQuery };
  }
  const first = (key: string): string | null => params.get(key);
  const day = first('day')?.trim() ?? '';
  const near = first('near')?.trim().toLowerCase() ?? '';
  const sort = first('sort')?.trim().toLowerCase() ?? '';
  const view = first('view')?.trim().toLowerCase() ?? '';
  return {
    // The words are kept as typed (even a trailing space), so a search box bound to the URL does not fight the person typing.
    q: (first('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    categories: canonicalList(readList(params, 'cat').map((id) => id.toLowerCase()), (id) => ID.test(id)),
    day: isDayFilter(day) ? day : null,
    times: inOrder(readList(params, 'time').map((time) => time.toLowerCase()), TIMES_OF_DAY),
    free: readFlag(first('free')),
    women: readFlag(first('women')),
    children: readFlag(first('children')),
    languages: canonicalList(readList(params, 'lang').map((tag) => tag.toLowerCase()), (tag) => LANGUAGE_TAG.test(tag)),
    access: canonicalList(readList(params, 'access').map(normaliseAccessWord), isAccessWord),
    join: inOrder(readList(params, 'join').map((join) => join.toLowerCase()), JOIN_FILTERS),
    online: readFlag(first('online')),
    near: near === NEAR_HERE || ID.test(near) ? near : null,
    sort: isOneOf(SORT_ORDERS, sort) ? sort : 'soonest',
    view: view === 'map' ? 'map' : 'list',
  };
}

/** URL-encodes a value but keeps it readable: spaces as '+', commas as they are. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/%2C/g, ',');
}

function encodeList(values: readonly string[]): string {
  // List items never contain commas (they are dropped on reading), so the comma stays a separator.
  return values.map((value) => encodeURIComponent(value)).join(',');
}

/**
 * The canonical search string for a browse state: keys in a fixed order, lists sorted and without
 * repeats, defaults left out; '' for the empty query. Invalid values are left out as `queryFromSearch`
 * would drop them, so `queryFromSearch(searchFromQuery(q))` is `q` in canonical form.
 */
export function searchFromQuery(query: BrowseQuery): string {
  const parts: string[] = [];
  const add = (key: string, value: string): void => {
    parts.push(`${key}=${value}`);
  };
  const q = query.q.slice(0, MAX_QUERY_LENGTH);
  if (q.trim() !== '') add('q', encodeValue(q));
  const categories = canonicalList(query.categories.map((id) => id.toLowerCase()), (id) => ID.test(id));
  if (categories.length > 0) add('cat', encodeList(categories));
  if (query.day !== null && isDayFilter(query.day)) add('day', query.day);
  const times = inOrder(query.times, TIMES_OF_DAY);
  if (times.length > 0) add('time', times.join(','));
  if (query.free) add('free', '1');
  if (query.women) add('women', '1');
  if (query.children) add('children', '1');
  const languages = canonicalList(query.languages.map((tag) => tag.toLowerCase()), (tag) => LANGUAGE_TAG.test(tag));
  if (languages.length > 0) add('lang', encodeList(languages));
  const access = canonicalList(query.access.map(normaliseAccessWord), isAccessWord);
  if (access.length > 0) add('access', encodeList(access));
  const join = inOrder(query.join, JOIN_FILTERS);
  if (join.length > 0) add('join', join.join(','));
  if (query.online) add('online', '1');
  const near = query.near?.toLowerCase() ?? null;
  if (near !== null && (near === NEAR_HERE || ID.test(near))) add('near', encodeValue(near));
  if (query.sort !== 'soonest' && isOneOf(SORT_ORDERS, query.sort)) add('sort', query.sort);
  if (query.view === 'map') add('view', 'map');
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** Is this filter narrowing the list? (`q` counts when it has any word.) */
export function isFilterActive(query: BrowseQuery, key: FilterKey): boolean {
  switch (key) {
    case 'q':
      return query.q.trim() !== '';
    case 'cat':
      return query.categories.length > 0;
    case 'day':
      return query.day !== null;
    case 'time':
      return query.times.length > 0;
    case 'free':
      return query.free;
    case 'women':
      return query.women;
    case 'children':
      return query.children;
    case 'lang':
      return query.languages.length > 0;
    case 'access':
      return query.access.length > 0;
    case 'join':
      return query.join.length > 0;
    case 'online':
      return query.online;
  }
}

/** The filters that are on, in URL order. */
export function activeFilters(query: BrowseQuery): FilterKey[] {
  return FILTER_KEYS.filter((key) => isFilterActive(query, key));
}

/** The same state with one filter off (for 'Try without …' and for removing a filter chip). */
export function withoutFilter(query: BrowseQuery, key: FilterKey): BrowseQuery {
  switch (key) {
    case 'q':
      return { ...query, q: '' };
    case 'cat':
      return { ...query, categories: [] };
    case 'day':
      return { ...query, day: null };
    case 'time':
      return { ...query, times: [] };
    case 'lang':
      return { ...query, languages: [] };
    case 'access':
      return { ...query, access: [] };
    case 'join':
      return { ...query, join: [] };
    case 'free':
    case 'women':
    case 'children':
    case 'online':
      return { ...query, [key]: false };
  }
}

/**
 * How many filter choices are on, for a 'Filters (3)' button: each chosen category, time of day,
 * language, accessibility word and way to join counts once, as does a day and each yes/no filter.
 * The search words, 'near', the sort order and the view are not filters and do not count.
 */
export function activeFilterCount(query: BrowseQuery): number {
  return (
    new Set(query.categories).size +
    (query.day === null ? 0 : 1) +
    new Set(query.times).size +
    Number(query.free) +
    Number(query.women) +
    Number(query.children) +
    new Set(query.languages).size +
    new Set(query.access).size +
    new Set(query.join).size +
    Number(query.online)
  );
}
