// When an activity's sessions happen: turns the feed's schedule rules (local wall-clock times in the
// area's time zone) into absolute instants, for 'next session' text, date filters and calendar files.
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { DayCode, Session } from './schema';
import { dayCodes } from './days';

export interface Occurrence {
  start: Date;
  end: Date;
  session: Session;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * How many days ahead nextOccurrences looks. Without a cap, a session whose `except` list swallows
 * every date would be scanned forever; two years is more than any 'next session' text or filter needs.
 * It counts from the session's own `from` (or one-off date) when that is later than the `from` asked
 * about, so a series or event announced years ahead is still found.
 */
const LOOK_AHEAD_DAYS = 2 * 366;

// Calendar arithmetic is done on whole days since 1970-01-01 ('epoch days'): exact, cheap and free of
// any time zone. Day 0 was a Thursday, so day 4 (1970-01-05) is the first Monday.
const FIRST_MONDAY = 4;

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function epochDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / MS_PER_DAY;
}

function epochDayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month, date) / MS_PER_DAY;
}

/** 0 for Monday … 6 for Sunday, the order of `dayCodes`. */
function weekdayOf(day: number): number {
  return mod(day - FIRST_MONDAY, 7);
}

function weekOf(day: number): number {
  return Math.floor((day - FIRST_MONDAY) / 7);
}

function mondayOfWeek(week: number): number {
  return week * 7 + FIRST_MONDAY;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function dayCodeOf(weekday: number): DayCode {
  const code = dayCodes[weekday];
  if (code === undefined) throw new RangeError(`no day code for weekday ${weekday}`);
  return code;
}

/**
 * A session with its dates and times parsed once, as epoch days and minutes since midnight. Every
 * rule has every field, whatever its `freq`, so that the hot loops see a single object shape.
 */
interface Rule {
  session: Session;
  freq: Session['freq'];
  startMinutes: number;
  endMinutes: number;
  /** The inclusive window in which the session runs; ±Infinity when open. */
  firstDay: number;
  lastDay: number;
  except: ReadonlySet<number>;
  /** Weekly and monthly: 0 (Monday) … 6 (Sunday), in order, without repeats. */
  weekdays: readonly number[];
  /** Weekly: a week is in the series when its distance from `anchorWeek` is a multiple of `interval`. */
  interval: number;
  anchorWeek: number;
  /** Monthly: 1..4, or -1 for the last. */
  weekOfMonth: number;
}

function weekdaysOf(days: readonly DayCode[]): number[] {
  return [...new Set(days.map((code) => dayCodes.indexOf(code)))].sort((a, b) => a - b);
}

const NO_DAYS: ReadonlySet<number> = new Set();

// Feed records are not changed after loading, and the same schedules are asked about on every filter
// change, so each session is parsed only once.
const rules = new WeakMap<Session, Rule>();

function ruleOf(session: Session): Rule {
  const cached = rules.get(session);
  if (cached) return cached;
  const isOnce = session.freq === 'once';
  const from = isOnce ? session.date : session.from;
  const until = isOnce ? session.date : session.until;
  const firstDay = from === undefined ? -Infinity : epochDay(from);
  const rule: Rule = {
    session,
    freq: session.freq,
    startMinutes: minutesOf(session.start),
    endMinutes: minutesOf(session.end),
    firstDay,
    lastDay: until === undefined ? Infinity : epochDay(until),
    except: isOnce || session.except === undefined ? NO_DAYS : new Set(session.except.map(epochDay)),
    weekdays: isOnce ? [] : weekdaysOf(session.days),
    interval: session.freq === 'weekly' ? session.interval : 1,
    // A fortnightly (or N-weekly) series counts its weeks from the week of its `from` date. Without
    // `from` it counts from the fixed Monday 1970-01-05, never from the moment we are asked, so
    // 'every other Tuesday' names the same Tuesdays whenever and wherever it is computed.
    anchorWeek: weekOf(from === undefined ? FIRST_MONDAY : firstDay),
    weekOfMonth: session.freq === 'monthly' ? session.weekOfMonth : 0,
  };
  rules.set(session, rule);
  return rule;
}

/** Days (epoch days) in [first, last] on which a weekly rule has a session, in order, at most `limit`. */
function weeklyDays(rule: Rule, first: number, last: number, limit: number): number[] {
  const days: number[] = [];
  let week = weekOf(first);
  const offPhase = mod(week - rule.anchorWeek, rule.interval);
  if (offPhase !== 0) week += rule.interval - offPhase;
  for (; mondayOfWeek(week) <= last; week += rule.interval) {
    const monday = mondayOfWeek(week);
    for (const weekday of rule.weekdays) {
      const day = monday + weekday;
      if (day > last) return days;
      if (day >= first && !rule.except.has(day) && days.push(day) === limit) return days;
    }
  }
  return days;
}

/** The `n`th (1..4) or, for -1, the last given weekday of a month. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  if (n === -1) {
    const lastOfMonth = epochDayOf(year, month + 1, 0);
    return lastOfMonth - mod(weekdayOf(lastOfMonth) - weekday, 7);
  }
  const firstOfMonth = epochDayOf(year, month, 1);
  return firstOfMonth + mod(weekday - weekdayOf(firstOfMonth), 7) + (n - 1) * 7;
}

function monthlyDays(rule: Rule, first: number, last: number, limit: number): number[] {
  const days: number[] = [];
  const start = new Date(first * MS_PER_DAY);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (epochDayOf(year, month, 1) <= last) {
    const inMonth = rule.weekdays.map((weekday) => nthWeekdayOfMonth(year, month, weekday, rule.weekOfMonth)).sort((a, b) => a - b);
    for (const day of inMonth) {
      if (day > last) return days;
      if (day >= first && !rule.except.has(day) && days.push(day) === limit) return days;
    }
    month += 1;
    if (month === 12) [year, month] = [year + 1, 0];
  }
  return days;
}

/** The first `limit` days in [first, last] (epoch days) on which the rule has a session, in order. */
function daysOf(rule: Rule, first: number, last: number, limit = Infinity): number[] {
  const from = Math.max(first, rule.firstDay);
  const until = Math.min(last, rule.lastDay);
  if (!(from <= until)) return [];
  if (rule.freq === 'once') return [from];
  return rule.freq === 'weekly' ? weeklyDays(rule, from, until, limit) : monthlyDays(rule, from, until, limit);
}

const MS_PER_HOUR = 3_600_000;
// Bounds the caches below, so that a long-running tab does not grow without limit.
const MAX_REMEMBERED = 100_000;

/**
 * Converts between instants and a zone's wall-clock time ('wall time': the local date and time
 * written as ms as if it were UTC). Asking Intl for an offset costs microseconds, and filters ask
 * about tens of thousands of instants that fall in a few hundred hours, so offsets are remembered
 * per day (zones do not change offset twice in a day), and per hour on a day holding a change; an
 * hour holding the change itself is remembered as null and worked out exactly.
 */
class ZoneClock {
  /** Per UTC day: the one offset that applies to all of it, or null on a day that holds a change. */
  private readonly offsetByDay = new Map<number, number | null>();
  private readonly offsetByHour = new Map<number, number | null>();
  /** Per wall-clock hour: the one offset that applies to all of it, or null near a change. */
  private readonly offsetByWallHour = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    // tzOffset returns NaN for a misspelt zone, which would turn every date into NaN downstream.
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) throw new RangeError(`Unknown time zone: ${timeZone}`);
  }

  /** The zone's offset from UTC in minutes at an instant (ms). */
  offsetAt(instant: number): number {
    // Each call of Intl costs a tenth of a millisecond or more on a phone, and the browse list's first week asks about
    // a few hundred hours (a third of its first render, measured): two calls cover a whole day without a change.
    const day = Math.floor(instant / MS_PER_DAY);
    let dayOffset = this.offsetByDay.get(day);
    if (dayOffset === undefined) {
      const atStart = tzOffset(this.timeZone, new Date(day * MS_PER_DAY));
      const atEnd = tzOffset(this.timeZone, new Date((day + 1) * MS_PER_DAY - 1));
      dayOffset = atStart === atEnd ? atStart : null;
      remember(this.offsetByDay, day, dayOffset);
    }
    if (dayOffset !== null) return dayOffset;
    const hour = Math.floor(instant / MS_PER_HOUR);
    let offset = this.offsetByHour.get(hour);
    if (offset === undefined) {
      // Zones change offset at most once in an hour, so the same offset at both ends holds throughout.
      const atStart = tzOffset(this.timeZone, new Date(hour * MS_PER_HOUR));
      const atEnd = tzOffset(this.timeZone, new Date((hour + 1) * MS_PER_HOUR - 1));
      offset = atStart === atEnd ? atStart : null;
      remember(this.offsetByHour, hour, offset);
    }
    return offset ?? tzOffset(this.timeZone, new Date(instant));
  }

  wallTimeOf(instant: number): number {
    return instant + Math.round(this.offsetAt(instant) * MS_PER_MINUTE);
  }

  /**
   * The instant (ms) at which the zone's clocks read `wallTime`. Around a daylight-saving change a
   * wall-clock time can be missing or happen twice; we follow RFC 5545 and Temporal's 'compatible' choice:
   * - in the spring-forward gap (01:30 on 2026-03-29 in London) the time moves forward by the length
   *   of the gap (to 02:30 BST), as a clock that had not been changed would read it;
   * - in the autumn overlap (01:30 on 2026-10-25 in London) the first, daylight-saving one is taken.
   * We resolve this ourselves from the zone's offsets rather than with the TZDate constructor, whose
   * choice in the overlap depends on the computer's own time zone, and which is several times slower.
   */
  instantOf(wallTime: number): number {
    const wallHour = Math.floor(wallTime / MS_PER_HOUR);
    let offset = this.offsetByWallHour.get(wallHour);
    if (offset === undefined) {
      // Offsets a day either side of the hour cover every zone (all are within ±14 h of UTC); zones
      // do not change offset twice within two days, so equal offsets mean no change near this hour.
      const before = this.offsetAt(wallHour * MS_PER_HOUR - MS_PER_DAY);
      const after = this.offsetAt((wallHour + 1) * MS_PER_HOUR + MS_PER_DAY);
      offset = before === after ? before : null;
      remember(this.offsetByWallHour, wallHour, offset);
    }
    if (offset !== null) return Math.round(wallTime - offset * MS_PER_MINUTE);

    const offsetBefore = this.offsetAt(wallTime - MS_PER_DAY);
    const offsetAfter = this.offsetAt(wallTime + MS_PER_DAY);
    const withOffsetBefore = Math.round(wallTime - offsetBefore * MS_PER_MINUTE);
    const withOffsetAfter = Math.round(wallTime - offsetAfter * MS_PER_MINUTE);
    const isBeforeValid = this.offsetAt(withOffsetBefore) === offsetBefore;
    const isAfterValid = this.offsetAt(withOffsetAfter) === offsetAfter;
    if (isBeforeValid && isAfterValid) return Math.min(withOffsetBefore, withOffsetAfter);
    if (isAfterValid) return withOffsetAfter;
    // Otherwise the time is in the gap: read with the offset from before the change, it lands that
    // far past the change, which is the move forward by the gap described above.
    return withOffsetBefore;
  }
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
  return value;
}

const clocks = new Map<string, ZoneClock>();
let lastClock: ZoneClock | undefined;

function clockOf(timeZone: string): ZoneClock {
  // Every call of a filter pass uses the same zone: skip even the map lookup.
  if (lastClock?.timeZone === timeZone) return lastClock;
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new ZoneClock(timeZone)));
  return (lastClock = clock);
}

/** Start and end instants (ms) of a rule's session on a local day. */
function spanOn(rule: Rule, day: number, clock: ZoneClock): [start: number, end: number] {
  const midnight = day * MS_PER_DAY;
  const start = clock.instantOf(midnight + rule.startMinutes * MS_PER_MINUTE);
  const end = clock.instantOf(midnight + rule.endMinutes * MS_PER_MINUTE);
  // The end can only fail to follow the start when the start was moved forward through a
  // spring-forward gap past the end (01:30–02:30 on 2026-03-29 in London): keep the session's length.
  return [start, end > start ? end : start + (rule.endMinutes - rule.startMinutes) * MS_PER_MINUTE];
}

function byTime(a: Occurrence, b: Occurrence): number {
  return a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime();
}

function localDay(instant: Date, clock: ZoneClock): number {
  return Math.floor(clock.wallTimeOf(instant.getTime()) / MS_PER_DAY);
}

function assertValidDate(date: Date, name: string): void {
  if (Number.isNaN(date.getTime())) throw new RangeError(`${name} is not a valid date`);
}

/**
 * The next `count` occurrences whose end is after `from` (so a session happening now counts), in time
 * order, across all sessions of the schedule. Sessions at the same time keep their schedule order.
 * An empty schedule ('by arrangement') has none.
 */
export function nextOccurrences(schedule: readonly Session[], from: Date, timeZone: string, count: number): Occurrence[] {
  if (count <= 0 || schedule.length === 0) return [];
  assertValidDate(from, 'from');
  const clock = clockOf(timeZone);
  const after = from.getTime();
  // A session ends on the day it starts, so the sessions of the day before `from` are over; look at
  // them anyway in case a daylight-saving gap pushed one's end past midnight.
  const firstDay = localDay(from, clock) - 1;
  const found: Occurrence[] = [];
  for (const session of schedule) {
    const rule = ruleOf(session);
    const lastDay = Math.max(firstDay, rule.firstDay) + LOOK_AHEAD_DAYS;
    // Only the sessions of the day before and of the day of `from` can be over already, so `count` + 2
    // days are enough; no session needs to give more than `count`, as its own days come in order.
    let wanted = count;
    for (const day of daysOf(rule, firstDay, lastDay, count + 2)) {
      const [start, end] = spanOn(rule, day, clock);
      if (end <= after) continue;
      found.push({ start: new Date(start), end: new Date(end), session });
      if (--wanted === 0) break;
    }
  }
  return found.length > 1 ? found.sort(byTime).slice(0, count) : found;
}

/** Occurrences that start within [from, to), in time order. */
export function occurrencesBetween(schedule: readonly Session[], from: Date, to: Date, timeZone: string): Occurrence[] {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  const clock = clockOf(timeZone);
  const [since, until] = [from.getTime(), to.getTime()];
  if (schedule.length === 0 || until <= since) return [];
  // Start a day early in case a daylight-saving gap moved a late session's start past midnight.
  const firstDay = localDay(from, clock) - 1;
  const lastDay = localDay(to, clock);
  const found: Occurrence[] = [];
  for (const session of schedule) {
    const rule = ruleOf(session);
    for (const day of daysOf(rule, firstDay, lastDay)) {
      const [start, end] = spanOn(rule, day, clock);
      if (start >= since && start < until) found.push({ start: new Date(start), end: new Date(end), session });
    }
  }
  return found.sort(byTime);
}

/** Is any occurrence still to come, or under way, at `from`? (Within the look-ahead described above.) */
export function hasFutureOccurrence(schedule: readonly Session[], from: Date, timeZone: string): boolean {
  return nextOccurrences(schedule, from, timeZone, 1).length > 0;
}

// Filters ask for the dates of thousands of occurrences on a few days; toISOString costs about a microsecond.
const isoDates = new Map<number, string>();

function isoDateOf(day: number): string {
  return isoDates.get(day) ?? remember(isoDates, day, new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * The local calendar date (YYYY-MM-DD), weekday code and minutes since midnight of an instant in a
 * zone: what filters like 'today', 'weekends' and 'mornings' compare.
 */
export function localParts(instant: Date, timeZone: string): { date: string; day: DayCode; minutes: number } {
  assertValidDate(instant, 'instant');
  const wallTime = clockOf(timeZone).wallTimeOf(instant.getTime());
  const day = Math.floor(wallTime / MS_PER_DAY);
  return {
    date: isoDateOf(day),
    day: dayCodeOf(weekdayOf(day)),
    minutes: Math.floor((wallTime - day * MS_PER_DAY) / MS_PER_MINUTE),
  };
}
