// Calendar files as a calendar program reads them: parsed and expanded with ical.js, every series must give exactly the
// sessions the app itself lists (schedule.ts), for every kind of schedule in the sample feed and the fixtures, across
// daylight-saving changes; and the text must follow RFC 5545's line rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { checkFeed } from '../../src/feed/check';
import type { Session } from '../../src/feed/schema';
import { nextOccurrences } from '../../src/feed/schedule';
import { calendarFileName, escapeText, foldLine, nextSessionCalendar, seriesCalendar, type CalendarListing } from '../../src/calendar/ics';
import { FIXTURE_NOW, minimalFeed } from './fixtures';

const TZ = 'Europe/London';
const listing: CalendarListing = {
  id: 'knit-and-natter-werneth',
  name: 'Knit and Natter; wool, tea & chat',
  location: 'Werneth Community Centre, 1 Example Street, Oldham OL8 1AA',
  url: 'https://app.example.org/activity/knit-and-natter-werneth',
  description: 'Bring your knitting.\nAll welcome.',
  host: 'app.example.org',
};

interface Span {
  start: string;
  end: string;
}

/** The first `count` occurrences a calendar program would show for this file, merged across its events. */
function expand(text: string, count: number): Span[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const spans: Span[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const iterator = event.iterator();
    for (let time = iterator.next(), n = 0; time && n < count; time = iterator.next(), n++) {
      const details = event.getOccurrenceDetails(time);
      spans.push({ start: details.startDate.toJSDate().toISOString(), end: details.endDate.toJSDate().toISOString() });
    }
  }
  return spans.sort((a, b) => a.start.localeCompare(b.start)).slice(0, count);
}

function expected(schedule: readonly Session[], now: Date, count: number): Span[] {
  return nextOccurrences(schedule, now, TZ, count).map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() }));
}

const sample = checkFeed(JSON.parse(readFileSync('public/feed.json', 'utf8')), { now: new Date('2026-11-23T09:00:00Z') }).feed!;
const fixture = checkFeed(minimalFeed(), { now: FIXTURE_NOW }).feed!;

describe('a series as a calendar program expands it', () => {
  const N = 20;
  it.each(sample.activities.filter((a) => a.schedule.length > 0).map((a) => [a.id, a] as const))('sample feed: %s', (_id, activity) => {
    const now = new Date('2026-11-23T09:00:00Z');
    const text = seriesCalendar({ ...listing, id: activity.id }, activity.schedule, TZ, now);
    const want = expected(activity.schedule, now, N);
    if (want.length === 0) return expect(text).toBeNull();
    expect(expand(text!, N)).toEqual(want);
  });

  it.each(fixture.activities.map((a) => [a.id, a] as const))('fixture: %s', (_id, activity) => {
    const text = seriesCalendar({ ...listing, id: activity.id }, activity.schedule, TZ, FIXTURE_NOW);
    expect(expand(text!, N)).toEqual(expected(activity.schedule, FIXTURE_NOW, N));
  });

  const kinds: [string, Session[], string][] = [
    ['weekly across both 2027 clock changes', [{ freq: 'weekly', days: ['sa', 'su'], start: '09:30', end: '11:00', interval: 1 }], '2027-03-01T00:00:00Z'],
    ['late evening weekly across the autumn change', [{ freq: 'weekly', days: ['su'], start: '23:00', end: '23:45', interval: 1 }], '2026-10-01T00:00:00Z'],
    ['fortnightly with no start date (anchored to 5 January 1970)', [{ freq: 'weekly', days: ['mo', 'we'], start: '18:00', end: '19:30', interval: 2 }], '2026-11-23T09:00:00Z'],
    ['every three weeks from a date, with exceptions and an end', [{ freq: 'weekly', days: ['th'], start: '14:00', end: '15:00', interval: 3, from: '2026-09-03', until: '2027-06-30', except: ['2026-12-24', '2027-03-25'] }], '2026-11-23T09:00:00Z'],
    ['last Sunday of the month, the day clocks change', [{ freq: 'monthly', days: ['su'], weekOfMonth: -1, start: '10:00', end: '12:00' }], '2026-11-23T09:00:00Z'],
    ['second Monday and Friday of the month with an exception', [{ freq: 'monthly', days: ['mo', 'fr'], weekOfMonth: 2, start: '19:00', end: '21:00', except: ['2027-01-08'] }], '2026-11-23T09:00:00Z'],
    ['two sessions, weekly and one-off', [{ freq: 'weekly', days: ['tu'], start: '10:00', end: '11:00', interval: 1, until: '2027-01-26' }, { freq: 'once', date: '2027-04-03', start: '12:00', end: '16:00' }], '2026-11-23T09:00:00Z'],
  ];
  it.each(kinds)('%s', (_name, schedule, at) => {
    const now = new Date(at);
    const text = seriesCalendar(listing, schedule, TZ, now);
    const want = expected(schedule, now, N);
    expect(want.length).toBeGreaterThan(1);
    expect(expand(text!, N)).toEqual(want);
  });

  it('gives nothing for a schedule by arrangement or one that is over', () => {
    expect(seriesCalendar(listing, [], TZ, FIXTURE_NOW)).toBeNull();
    expect(seriesCalendar(listing, [{ freq: 'once', date: '2026-01-01', start: '10:00', end: '11:00' }], TZ, FIXTURE_NOW)).toBeNull();
  });
});

describe('the file itself', () => {
  const knit = fixture.activities[0]!;
  const text = seriesCalendar(listing, knit.schedule, TZ, FIXTURE_NOW)!;

  it('uses CRLF line endings and no line over 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has the time zone, the rule, the exceptions and the listing in its events', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(TZ);
    const event = calendar.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('uid')).toBe('knit-and-natter-werneth-series-0@app.example.org');
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(TZ);
    expect(String(event.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270720T090000Z');
    expect(text).toContain('EXDATE;TZID=Europe/London:20261222T100000,20261229T100000');
    expect(event.getFirstPropertyValue('summary')).toBe(listing.name);
    expect(event.getFirstPropertyValue('location')).toBe(listing.location);
    expect(event.getFirstPropertyValue('description')).toBe(`${listing.description}\n\n${listing.url}`);
    expect(event.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T09:00:00Z');
  });

  it('gives one event for the next session only', () => {
    const next = nextOccurrences(knit.schedule, FIXTURE_NOW, TZ, 1)[0]!;
    const single = nextSessionCalendar(listing, next, TZ, FIXTURE_NOW);
    const events = new ICAL.Component(ICAL.parse(single)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getFirstPropertyValue('rrule')).toBeNull();
    expect(expand(single, 5)).toEqual([{ start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T12:00:00.000Z' }]);
  });

  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const long = `SUMMARY:${'ب'.repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('names the file after the activity', () => {
    expect(calendarFileName('Knit and Natter')).toBe('knit-and-natter.ics');
    expect(calendarFileName('Memory Café!')).toBe('memory-cafe.ics');
    expect(calendarFileName('اردو')).toBe('activity.ics');
  });
});
