// Calendar files (RFC 5545 iCalendar) for an activity: its next session, or its whole series as repeating events
// built from the feed's schedule, in the feed's time zone. Pure: text in, text out, so it is tested without a browser.
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { Session } from '../feed/schema';
import { localParts, nextOccurrences, type Occurrence } from '../feed/schedule';

export interface CalendarListing {
  /** The activity's id: with `host` it makes each event's UID, stable so a calendar updates rather than duplicates. */
  id: string;
  name: string;
  /** The venue's name and address, or empty for online activities. */
  location: string;
  /** The activity's own page (absolute, no tracking parameters). */
  url: string;
  description: string;
  host: string;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** How far the time-zone description reaches for a series with no end date: calendars rarely look further ahead. */
const OPEN_SERIES_YEARS = 10;

/** Escapes TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line so no line is longer than 75 octets (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines begin with one space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** An instant as UTC date-time, e.g. 20261124T100000Z. */
function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** An instant as wall-clock time in the zone (the form used with TZID), e.g. 20261124T100000. */
function localStamp(instant: Date, timeZone: string): string {
  const parts = localParts(instant, timeZone);
  return `${parts.date.replace(/-/g, '')}T${pad(Math.floor(parts.minutes / 60))}${pad(parts.minutes % 60)}00`;
}

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes between two instants, to the minute: scanned a day at a time, then narrowed down. */
function transitionsBetween(timeZone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let previous = tzOffset(timeZone, new Date(start));
  for (let day = start + MS_PER_DAY; day <= end + MS_PER_DAY; day += MS_PER_DAY) {
    const offset = tzOffset(timeZone, new Date(day));
    if (offset === previous) continue;
    let [low, high] = [day - MS_PER_DAY, day];
    while (high - low > MS_PER_MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (tzOffset(timeZone, new Date(middle)) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * VTIMEZONE for the feed's zone, listing each offset change between `start` and `end` (from the computer's own
 * time-zone data, through Intl) rather than a yearly rule, which no feed or browser gives us reliably.
 */
export function vtimezone(timeZone: string, start: Date, end: Date): string[] {
  const first = tzOffset(timeZone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const component = (kind: string, at: number, from: number, to: number) => [
    `BEGIN:${kind}`,
    // DTSTART here is the wall-clock time just before the change, in the offset being left (RFC 5545 3.6.5).
    `DTSTART:${utcStamp(new Date(at + from * MS_PER_MINUTE)).slice(0, -1)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
  const transitions = transitionsBetween(timeZone, start.getTime(), end.getTime());
  // What is in force at the start: 'daylight' when the next change moves clocks back.
  const isDaylightFirst = transitions[0] !== undefined && transitions[0].to < first;
  lines.push(...component(isDaylightFirst ? 'DAYLIGHT' : 'STANDARD', start.getTime(), first, first));
  for (const change of transitions) lines.push(...component(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', change.at, change.from, change.to));
  lines.push('END:VTIMEZONE');
  return lines;
}

const BYDAY: Record<string, string> = { mo: 'MO', tu: 'TU', we: 'WE', th: 'TH', fr: 'FR', sa: 'SA', su: 'SU' };

/** The instant at which a session would start on a local date (the schedule's own rules, DST gaps included). */
function startOnDate(session: Session, isoDate: string, timeZone: string): Date | undefined {
  const once: Session = { freq: 'once', date: isoDate, start: session.start, end: session.end };
  return nextOccurrences([once], new Date(0), timeZone, 1)[0]?.start;
}

interface SeriesEvent {
  first: Occurrence;
  rule: string | null;
  exdates: Date[];
  /** The last instant the event can reach, for the time-zone description. */
  reach: Date;
}

/**
 * One session of the schedule as a repeating event starting at its next occurrence. Every kind the feed has maps to
 * an RRULE: weekly and every-N-weeks (FREQ=WEEKLY;INTERVAL=N, whose weeks count from DTSTART's week, Monday first
 * as in schedule.ts, and DTSTART is always one of the series' own dates, so the phase matches), monthly nth or last
 * weekday (FREQ=MONTHLY;BYDAY=1WE / -1WE), `until` (UNTIL, in UTC as RFC 5545 requires with TZID) and `except`
 * (EXDATE). A session with nothing to come gives no event.
 */
function seriesEvent(session: Session, now: Date, timeZone: string): SeriesEvent | null {
  const first = nextOccurrences([session], now, timeZone, 1)[0];
  if (!first) return null;
  if (session.freq === 'once') return { first, rule: null, exdates: [], reach: first.end };
  const parts = [session.freq === 'weekly' ? 'FREQ=WEEKLY' : 'FREQ=MONTHLY'];
  if (session.freq === 'weekly') {
    parts.push('WKST=MO');
    if (session.interval > 1) parts.push(`INTERVAL=${session.interval}`);
    parts.push(`BYDAY=${session.days.map((day) => BYDAY[day]).join(',')}`);
  } else {
    parts.push(`BYDAY=${session.days.map((day) => `${session.weekOfMonth}${BYDAY[day]}`).join(',')}`);
  }
  let reach = new Date(first.start.getTime() + OPEN_SERIES_YEARS * 365 * MS_PER_DAY);
  if (session.until) {
    const lastStart = startOnDate(session, session.until, timeZone);
    if (lastStart) {
      parts.push(`UNTIL=${utcStamp(lastStart)}`);
      reach = lastStart;
    }
  }
  const firstDate = localParts(first.start, timeZone).date;
  const exdates = (session.except ?? [])
    .filter((date) => date >= firstDate && (!session.until || date <= session.until))
    .sort()
    .map((date) => startOnDate(session, date, timeZone))
    .filter((date) => date !== undefined);
  return { first, rule: parts.join(';'), exdates, reach };
}

function calendar(events: string[][], timeZone: string, start: Date, end: Date): string {
  // A day either side, so the zone description covers every event's start and end.
  const zone = vtimezone(timeZone, new Date(start.getTime() - MS_PER_DAY), new Date(end.getTime() + MS_PER_DAY));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Thriving Communities//Activities//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...zone, ...events.flat(), 'END:VCALENDAR'];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(listing: CalendarListing, uid: string, now: Date, start: Date, end: Date, timeZone: string, extra: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}@${listing.host}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${timeZone}:${localStamp(start, timeZone)}`,
    `DTEND;TZID=${timeZone}:${localStamp(end, timeZone)}`,
    ...extra,
    `SUMMARY:${escapeText(listing.name)}`,
    ...(listing.location ? [`LOCATION:${escapeText(listing.location)}`] : []),
    `DESCRIPTION:${escapeText(`${listing.description}\n\n${listing.url}`.trim())}`,
    `URL:${listing.url}`,
    'END:VEVENT',
  ];
}

/** A calendar file with one event: the given session. */
export function nextSessionCalendar(listing: CalendarListing, occurrence: Occurrence, timeZone: string, now: Date): string {
  const uid = `${listing.id}-${utcStamp(occurrence.start)}`;
  return calendar([eventLines(listing, uid, now, occurrence.start, occurrence.end, timeZone, [])], timeZone, occurrence.start, occurrence.end);
}

/** A calendar file with the whole series: one repeating event per session of the schedule; null when nothing is to come. */
export function seriesCalendar(listing: CalendarListing, schedule: readonly Session[], timeZone: string, now: Date): string | null {
  const series = schedule.map((session, index) => ({ index, event: seriesEvent(session, now, timeZone) }));
  const events: string[][] = [];
  let [start, end] = [Infinity, -Infinity];
  for (const { index, event } of series) {
    if (!event) continue;
    const extra: string[] = [];
    if (event.rule) extra.push(`RRULE:${event.rule}`);
    if (event.exdates.length > 0) extra.push(`EXDATE;TZID=${timeZone}:${event.exdates.map((date) => localStamp(date, timeZone)).join(',')}`);
    events.push(eventLines(listing, `${listing.id}-series-${index}`, now, event.first.start, event.first.end, timeZone, extra));
    start = Math.min(start, event.first.start.getTime());
    end = Math.max(end, event.reach.getTime());
  }
  if (events.length === 0) return null;
  return calendar(events, timeZone, new Date(start), new Date(end));
}

/** A file name people recognise: the activity's name in lower case with hyphens, e.g. knit-and-natter.ics. */
export function calendarFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'activity'}.ics`;
}
