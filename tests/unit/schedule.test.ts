import { describe, expect, it } from 'vitest';
import type { DayCode, MonthlySession, OnceSession, Session, WeeklySession } from '../../src/feed/schema';
import { hasFutureOccurrence, localParts, nextOccurrences, occurrencesBetween } from '../../src/feed/schedule';
import type { Occurrence } from '../../src/feed/schedule';

const LONDON = 'Europe/London';

function weekly(days: DayCode[], start: string, end: string, extra: Partial<WeeklySession> = {}): WeeklySession {
  return { freq: 'weekly', days, start, end, interval: 1, ...extra };
}
function monthly(days: DayCode[], weekOfMonth: MonthlySession['weekOfMonth'], start: string, end: string, extra: Partial<MonthlySession> = {}): MonthlySession {
  return { freq: 'monthly', days, weekOfMonth, start, end, ...extra };
}
function once(date: string, start: string, end: string): OnceSession {
  return { freq: 'once', date, start, end };
}

const starts = (occurrences: Occurrence[]) => occurrences.map((o) => o.start.toISOString());
const spans = (occurrences: Occurrence[]) => occurrences.map((o) => `${o.start.toISOString()}/${o.end.toISOString()}`);
const next = (schedule: Session[], from: string, count: number, timeZone = LONDON) => nextOccurrences(schedule, new Date(from), timeZone, count);

/** What a wall clock in the zone reads at an instant, from Intl rather than the module under test. */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

describe('weekly sessions', () => {
  it('repeats on the given day at the given local time', () => {
    const session = weekly(['tu'], '10:00', '12:00');
    const found = next([session], '2026-11-02T09:00:00Z', 3);
    expect(spans(found)).toEqual([
      '2026-11-03T10:00:00.000Z/2026-11-03T12:00:00.000Z',
      '2026-11-10T10:00:00.000Z/2026-11-10T12:00:00.000Z',
      '2026-11-17T10:00:00.000Z/2026-11-17T12:00:00.000Z',
    ]);
    expect(found.every((o) => o.session === session)).toBe(true);
  });

  it('interleaves several days of the week in time order, whatever order the feed lists them in', () => {
    const expected = ['2026-11-03T10:00:00.000Z', '2026-11-05T10:00:00.000Z', '2026-11-10T10:00:00.000Z', '2026-11-12T10:00:00.000Z'];
    expect(starts(next([weekly(['tu', 'th'], '10:00', '12:00')], '2026-11-02T00:00:00Z', 4))).toEqual(expected);
    expect(starts(next([weekly(['th', 'tu', 'th'], '10:00', '12:00')], '2026-11-02T00:00:00Z', 4))).toEqual(expected);
  });

  it('counts a session that is under way, but not one that has just ended', () => {
    const schedule = [weekly(['tu'], '10:00', '12:00')];
    expect(starts(next(schedule, '2026-11-03T11:59:00Z', 1))).toEqual(['2026-11-03T10:00:00.000Z']);
    expect(starts(next(schedule, '2026-11-03T12:00:00Z', 1))).toEqual(['2026-11-10T10:00:00.000Z']);
  });

  it('goes on to the next week when this week\'s day has passed, across a month end', () => {
    expect(starts(next([weekly(['mo'], '18:30', '20:00')], '2026-11-30T20:00:00Z', 2))).toEqual(['2026-12-07T18:30:00.000Z', '2026-12-14T18:30:00.000Z']);
  });

  it('returns fewer than asked only when the schedule runs out', () => {
    expect(next([weekly(['fr'], '10:00', '11:00', { until: '2026-11-13' })], '2026-11-02T00:00:00Z', 10)).toHaveLength(2);
    expect(next([weekly(['fr'], '10:00', '11:00')], '2026-11-02T00:00:00Z', 0)).toEqual([]);
  });
});

describe('every N weeks', () => {
  // Without `from` the series counts from the week of Monday 1970-01-05, so fortnightly Tuesdays are
  // 1970-01-06 plus a multiple of 14 days.
  const fortnightly = weekly(['tu'], '10:00', '12:00', { interval: 2 });

  it('keeps a fortnightly series without `from` on the same weeks across month and year ends', () => {
    expect(starts(next([fortnightly], '2026-11-20T00:00:00Z', 5))).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
      '2026-12-22T10:00:00.000Z',
      '2027-01-05T10:00:00.000Z',
      '2027-01-19T10:00:00.000Z',
    ]);
  });

  it('names the same Tuesdays whichever day it is asked from', () => {
    const epochTuesday = Date.UTC(1970, 0, 6);
    for (let day = 0; day < 60; day += 3) {
      const from = new Date(Date.UTC(2026, 11, 1 + day));
      for (const occurrence of nextOccurrences([fortnightly], from, LONDON, 4)) {
        const localMidnight = Date.parse(`${localParts(occurrence.start, LONDON).date}T00:00:00Z`);
        expect((localMidnight - epochTuesday) / 86_400_000 % 14).toBe(0);
      }
    }
    expect(starts(next([fortnightly], '2026-12-23T00:00:00Z', 1))).toEqual(['2027-01-05T10:00:00.000Z']);
    expect(starts(next([fortnightly], '2026-12-30T00:00:00Z', 1))).toEqual(['2027-01-05T10:00:00.000Z']);
  });

  it('counts its weeks from the week of `from`, skipping days before `from`', () => {
    const session = weekly(['tu', 'th'], '10:00', '12:00', { interval: 2, from: '2026-09-03' });
    expect(starts(next([session], '2026-08-01T00:00:00Z', 5))).toEqual([
      '2026-09-03T09:00:00.000Z',
      '2026-09-15T09:00:00.000Z',
      '2026-09-17T09:00:00.000Z',
      '2026-09-29T09:00:00.000Z',
      '2026-10-01T09:00:00.000Z',
    ]);
  });

  it('supports intervals longer than two weeks', () => {
    const session = weekly(['sa'], '10:00', '12:00', { interval: 3, from: '2026-12-01' });
    expect(starts(next([session], '2026-12-10T00:00:00Z', 3))).toEqual(['2026-12-26T10:00:00.000Z', '2027-01-16T10:00:00.000Z', '2027-02-06T10:00:00.000Z']);
  });
});

describe('monthly sessions', () => {
  // October and December 2026 have five Thursdays; November 2026 and January 2027 have four.
  const from = '2026-09-30T00:00:00Z';

  it.each([
    [1, ['2026-10-01', '2026-11-05', '2026-12-03', '2027-01-07']],
    [2, ['2026-10-08', '2026-11-12', '2026-12-10', '2027-01-14']],
    [3, ['2026-10-15', '2026-11-19', '2026-12-17', '2027-01-21']],
    [4, ['2026-10-22', '2026-11-26', '2026-12-24', '2027-01-28']],
    [-1, ['2026-10-29', '2026-11-26', '2026-12-31', '2027-01-28']],
  ] as const)('week %i is the right Thursday of each month', (weekOfMonth, dates) => {
    const found = next([monthly(['th'], weekOfMonth, '13:30', '15:00')], from, 4);
    expect(found.map((o) => localParts(o.start, LONDON).date)).toEqual(dates);
    expect(found.every((o) => wallClock(o.start, LONDON) === 'Thu 13:30')).toBe(true);
  });

  it('gives the 4th and the last Thursday apart in a month with five, and together in one with four', () => {
    const fourth = next([monthly(['th'], 4, '13:30', '15:00')], from, 2).map((o) => o.start.toISOString());
    const last = next([monthly(['th'], -1, '13:30', '15:00')], from, 2).map((o) => o.start.toISOString());
    expect(fourth).toEqual(['2026-10-22T12:30:00.000Z', '2026-11-26T13:30:00.000Z']);
    expect(last).toEqual(['2026-10-29T13:30:00.000Z', '2026-11-26T13:30:00.000Z']);
  });

  it('finds the last weekday on 29 February in a leap year and 28 February otherwise', () => {
    expect(starts(next([monthly(['tu'], -1, '10:00', '11:00')], '2028-02-10T00:00:00Z', 1))).toEqual(['2028-02-29T10:00:00.000Z']);
    expect(starts(next([monthly(['su'], -1, '10:00', '11:00')], '2027-02-10T00:00:00Z', 1))).toEqual(['2027-02-28T10:00:00.000Z']);
  });

  it('orders several weekdays within each month by date', () => {
    // 1 January 2027 is a Friday (first Monday the 4th); 1 February 2027 is a Monday (first Friday the 5th).
    expect(starts(next([monthly(['mo', 'fr'], 1, '10:00', '11:00')], '2026-12-31T00:00:00Z', 4))).toEqual([
      '2027-01-01T10:00:00.000Z',
      '2027-01-04T10:00:00.000Z',
      '2027-02-01T10:00:00.000Z',
      '2027-02-05T10:00:00.000Z',
    ]);
  });

  it('is found later in the month it is asked in', () => {
    expect(starts(next([monthly(['we'], 1, '13:30', '15:00')], '2026-12-03T00:00:00Z', 1))).toEqual(['2027-01-06T13:30:00.000Z']);
    expect(starts(next([monthly(['we'], -1, '13:30', '15:00')], '2026-12-03T00:00:00Z', 1))).toEqual(['2026-12-30T13:30:00.000Z']);
  });
});

describe('one-off sessions', () => {
  const fair = once('2026-12-05', '11:00', '14:00');

  it('happens once, on its date', () => {
    expect(spans(next([fair], '2026-11-24T09:00:00Z', 5))).toEqual(['2026-12-05T11:00:00.000Z/2026-12-05T14:00:00.000Z']);
    expect(hasFutureOccurrence([fair], new Date('2026-11-24T09:00:00Z'), LONDON)).toBe(true);
  });

  it('is gone once it has ended', () => {
    expect(next([fair], '2026-12-05T14:00:00Z', 1)).toEqual([]);
    expect(hasFutureOccurrence([fair], new Date('2026-12-06T00:00:00Z'), LONDON)).toBe(false);
  });

  it('is found even when announced years ahead', () => {
    expect(starts(next([once('2030-06-01', '11:00', '14:00')], '2026-11-24T00:00:00Z', 1))).toEqual(['2030-06-01T10:00:00.000Z']);
  });
});

describe('validity windows and exceptions', () => {
  it('includes both the `from` and the `until` dates', () => {
    const session = weekly(['tu'], '10:00', '12:00', { from: '2026-11-10', until: '2026-11-24' });
    expect(starts(next([session], '2026-11-01T00:00:00Z', 10))).toEqual(['2026-11-10T10:00:00.000Z', '2026-11-17T10:00:00.000Z', '2026-11-24T10:00:00.000Z']);
  });

  it('applies windows to monthly sessions', () => {
    const session = monthly(['we'], 1, '13:30', '15:00', { from: '2026-11-05', until: '2027-02-03' });
    expect(starts(next([session], '2026-10-01T00:00:00Z', 10))).toEqual(['2026-12-02T13:30:00.000Z', '2027-01-06T13:30:00.000Z', '2027-02-03T13:30:00.000Z']);
  });

  it('skips the `except` dates', () => {
    const session = weekly(['tu', 'th'], '10:00', '12:00', { except: ['2026-12-22', '2026-12-24', '2026-12-29', '2026-12-31'] });
    expect(starts(next([session], '2026-12-16T00:00:00Z', 4))).toEqual([
      '2026-12-17T10:00:00.000Z',
      '2027-01-05T10:00:00.000Z',
      '2027-01-07T10:00:00.000Z',
      '2027-01-12T10:00:00.000Z',
    ]);
  });

  it('skips `except` dates of monthly sessions', () => {
    const session = monthly(['th'], -1, '13:30', '15:00', { except: ['2026-12-31'] });
    expect(starts(next([session], '2026-12-01T00:00:00Z', 1))).toEqual(['2027-01-28T13:30:00.000Z']);
  });

  it('has no future occurrence once `until` has passed', () => {
    const schedule = [weekly(['tu'], '10:00', '12:00', { until: '2026-07-21' }), monthly(['we'], 1, '13:30', '15:00', { until: '2026-10-07' })];
    expect(next(schedule, '2026-11-24T00:00:00Z', 3)).toEqual([]);
    expect(hasFutureOccurrence(schedule, new Date('2026-11-24T00:00:00Z'), LONDON)).toBe(false);
  });

  it('still finds the first session of a series that starts years ahead', () => {
    expect(hasFutureOccurrence([weekly(['mo'], '10:00', '11:00', { from: '2031-01-01' })], new Date('2026-11-24T00:00:00Z'), LONDON)).toBe(true);
  });

  it('stops looking two years past the start of the series', () => {
    // Every Monday of 2027 and 2028 is cancelled: the next session, in 2029, is beyond the look-ahead.
    const mondays: string[] = [];
    for (let day = Date.UTC(2027, 0, 4); day < Date.UTC(2029, 0, 1); day += 7 * 86_400_000) mondays.push(new Date(day).toISOString().slice(0, 10));
    const session = weekly(['mo'], '10:00', '11:00', { except: mondays });
    expect(next([session], '2026-12-29T00:00:00Z', 1)).toEqual([]);
    expect(starts(next([session], '2027-06-01T00:00:00Z', 1))).toEqual(['2029-01-01T10:00:00.000Z']);
  });

  it('treats an empty schedule (by arrangement) as having no occurrences', () => {
    expect(next([], '2026-11-24T00:00:00Z', 5)).toEqual([]);
    expect(hasFutureOccurrence([], new Date('2026-11-24T00:00:00Z'), LONDON)).toBe(false);
    expect(occurrencesBetween([], new Date('2026-11-24T00:00:00Z'), new Date('2026-12-24T00:00:00Z'), LONDON)).toEqual([]);
  });
});

describe('daylight saving in the UK', () => {
  const sundayMorning = weekly(['su'], '10:00', '12:00');

  it.each([
    ['spring 2026', '2026-03-20T00:00:00Z', ['2026-03-22T10:00:00.000Z/2026-03-22T12:00:00.000Z', '2026-03-29T09:00:00.000Z/2026-03-29T11:00:00.000Z', '2026-04-05T09:00:00.000Z/2026-04-05T11:00:00.000Z']],
    ['autumn 2026', '2026-10-16T00:00:00Z', ['2026-10-18T09:00:00.000Z/2026-10-18T11:00:00.000Z', '2026-10-25T10:00:00.000Z/2026-10-25T12:00:00.000Z', '2026-11-01T10:00:00.000Z/2026-11-01T12:00:00.000Z']],
    ['spring 2027', '2027-03-19T00:00:00Z', ['2027-03-21T10:00:00.000Z/2027-03-21T12:00:00.000Z', '2027-03-28T09:00:00.000Z/2027-03-28T11:00:00.000Z', '2027-04-04T09:00:00.000Z/2027-04-04T11:00:00.000Z']],
    ['autumn 2027', '2027-10-22T00:00:00Z', ['2027-10-24T09:00:00.000Z/2027-10-24T11:00:00.000Z', '2027-10-31T10:00:00.000Z/2027-10-31T12:00:00.000Z', '2027-11-07T10:00:00.000Z/2027-11-07T12:00:00.000Z']],
  ])('keeps a Sunday 10:00 session at 10:00 local around the change in %s', (_, from, expected) => {
    expect(spans(next([sundayMorning], from, 3))).toEqual(expected);
  });

  it('keeps weekday sessions at local time the day before and after each change', () => {
    const schedule = [weekly(['sa', 'mo'], '10:00', '12:00')];
    expect(starts(next(schedule, '2026-03-27T00:00:00Z', 2))).toEqual(['2026-03-28T10:00:00.000Z', '2026-03-30T09:00:00.000Z']);
    expect(starts(next(schedule, '2027-10-29T00:00:00Z', 2))).toEqual(['2027-10-30T09:00:00.000Z', '2027-11-01T10:00:00.000Z']);
  });

  it('places a monthly last-Sunday session correctly on the change days themselves', () => {
    expect(starts(next([monthly(['su'], -1, '10:00', '12:00')], '2026-03-01T00:00:00Z', 8))).toEqual([
      '2026-03-29T09:00:00.000Z',
      '2026-04-26T09:00:00.000Z',
      '2026-05-31T09:00:00.000Z',
      '2026-06-28T09:00:00.000Z',
      '2026-07-26T09:00:00.000Z',
      '2026-08-30T09:00:00.000Z',
      '2026-09-27T09:00:00.000Z',
      '2026-10-25T10:00:00.000Z',
    ]);
  });

  it('moves a time in the spring-forward gap forward by the gap instead of failing', () => {
    // 01:00–02:00 GMT does not exist on 2026-03-29: clocks go from 01:00 GMT straight to 02:00 BST.
    expect(spans(next([once('2026-03-29', '01:30', '03:00')], '2026-03-28T00:00:00Z', 1))).toEqual(['2026-03-29T01:30:00.000Z/2026-03-29T02:00:00.000Z']);
    expect(spans(next([once('2026-03-29', '00:30', '01:30')], '2026-03-28T00:00:00Z', 1))).toEqual(['2026-03-29T00:30:00.000Z/2026-03-29T01:30:00.000Z']);
    // Both ends land on 02:30 BST; the session keeps its hour rather than becoming empty.
    expect(spans(next([once('2026-03-29', '01:30', '02:30')], '2026-03-28T00:00:00Z', 1))).toEqual(['2026-03-29T01:30:00.000Z/2026-03-29T02:30:00.000Z']);
  });

  it('keeps a weekly session in the small hours going through the gap', () => {
    expect(starts(next([weekly(['su'], '01:30', '02:30')], '2026-03-21T00:00:00Z', 3))).toEqual([
      '2026-03-22T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);
  });

  it('takes the first of the two 01:30s when clocks go back', () => {
    expect(spans(next([once('2026-10-25', '01:30', '02:30')], '2026-10-24T00:00:00Z', 1))).toEqual(['2026-10-25T00:30:00.000Z/2026-10-25T02:30:00.000Z']);
  });
});

describe('other time zones', () => {
  it.each(['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham'])(
    'puts every Tuesday 10:00 session of two years at 10:00 on a Tuesday in %s',
    (timeZone) => {
      const found = nextOccurrences([weekly(['tu'], '10:00', '12:00')], new Date('2026-01-01T00:00:00Z'), timeZone, 104);
      expect(found).toHaveLength(104);
      expect(new Set(found.map((o) => wallClock(o.start, timeZone)))).toEqual(new Set(['Tue 10:00']));
      expect(new Set(found.map((o) => wallClock(o.end, timeZone)))).toEqual(new Set(['Tue 12:00']));
    },
  );

  it('handles a zone whose clocks change on the half hour (St John\'s, Newfoundland)', () => {
    // On 2026-03-08 clocks go from 02:00 NST (UTC-3:30) to 03:00 NDT (UTC-2:30), at 05:30Z.
    const found = nextOccurrences([weekly(['su'], '10:00', '12:00')], new Date('2026-03-01T00:00:00Z'), 'America/St_Johns', 2);
    expect(starts(found)).toEqual(['2026-03-01T13:30:00.000Z', '2026-03-08T12:30:00.000Z']);
    expect(localParts(new Date('2026-03-08T05:15:00Z'), 'America/St_Johns')).toEqual({ date: '2026-03-08', day: 'su', minutes: 105 });
    expect(localParts(new Date('2026-03-08T05:45:00Z'), 'America/St_Johns')).toEqual({ date: '2026-03-08', day: 'su', minutes: 195 });
  });

  it('rejects an unknown time zone instead of returning invalid dates', () => {
    expect(() => nextOccurrences([weekly(['tu'], '10:00', '12:00')], new Date('2026-01-01T00:00:00Z'), 'Europe/Londn', 1)).toThrow(RangeError);
    expect(() => localParts(new Date('2026-01-01T00:00:00Z'), 'Europe/Londn')).toThrow(RangeError);
  });

  it('rejects an invalid date rather than answering for it', () => {
    expect(() => nextOccurrences([weekly(['tu'], '10:00', '12:00')], new Date('not a date'), LONDON, 1)).toThrow(RangeError);
  });
});

describe('several sessions', () => {
  it('merges the sessions of a schedule in time order and stops at the count', () => {
    const evenings = weekly(['tu'], '18:00', '19:30');
    const firstWednesday = monthly(['we'], 1, '13:30', '15:00');
    const fair = once('2026-12-05', '11:00', '14:00');
    const found = next([evenings, firstWednesday, fair], '2026-11-30T00:00:00Z', 5);
    expect(found.map((o) => [o.start.toISOString(), o.session])).toEqual([
      ['2026-12-01T18:00:00.000Z', evenings],
      ['2026-12-02T13:30:00.000Z', firstWednesday],
      ['2026-12-05T11:00:00.000Z', fair],
      ['2026-12-08T18:00:00.000Z', evenings],
      ['2026-12-15T18:00:00.000Z', evenings],
    ]);
  });

  it('puts sessions at the same time in schedule order, the shorter first', () => {
    const long = weekly(['tu'], '10:00', '12:00');
    const short = weekly(['tu'], '10:00', '11:00');
    const also = weekly(['tu'], '10:00', '12:00');
    const found = next([long, short, also], '2026-11-30T00:00:00Z', 3);
    expect(found.map((o) => o.session)).toEqual([short, long, also]);
    expect(found[2]?.session).toBe(also);
  });
});

describe('occurrencesBetween', () => {
  const schedule = [weekly(['tu', 'th'], '10:00', '12:00'), monthly(['sa'], 1, '09:00', '10:00')];

  it('lists every session starting in the range, in order', () => {
    const found = occurrencesBetween(schedule, new Date('2026-11-30T00:00:00Z'), new Date('2026-12-14T00:00:00Z'), LONDON);
    expect(starts(found)).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-03T10:00:00.000Z',
      '2026-12-05T09:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
      '2026-12-10T10:00:00.000Z',
    ]);
  });

  it('includes a start at `from` and leaves out a start at `to` or one already under way', () => {
    const tuesday = new Date('2026-12-01T10:00:00Z');
    const thursday = new Date('2026-12-03T10:00:00Z');
    expect(starts(occurrencesBetween(schedule, tuesday, thursday, LONDON))).toEqual(['2026-12-01T10:00:00.000Z']);
    expect(starts(occurrencesBetween(schedule, tuesday, new Date('2026-12-03T10:01:00Z'), LONDON))).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-03T10:00:00.000Z']);
    expect(occurrencesBetween(schedule, new Date('2026-12-01T10:30:00Z'), thursday, LONDON)).toEqual([]);
  });

  it('follows local time across a daylight-saving change', () => {
    const found = occurrencesBetween(schedule, new Date('2026-10-19T00:00:00Z'), new Date('2026-11-02T00:00:00Z'), LONDON);
    expect(starts(found)).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-22T09:00:00.000Z', '2026-10-27T10:00:00.000Z', '2026-10-29T10:00:00.000Z']);
  });

  it('agrees with nextOccurrences', () => {
    const from = new Date('2026-11-24T00:00:00Z');
    const between = occurrencesBetween(schedule, from, new Date('2027-11-24T00:00:00Z'), LONDON);
    expect(starts(between)).toEqual(starts(nextOccurrences(schedule, from, LONDON, between.length)));
    // 53 Tuesdays (the range opens and closes on one), 52 Thursdays, 12 first Saturdays.
    expect(between).toHaveLength(53 + 52 + 12);
  });

  it('is empty when the range is', () => {
    expect(occurrencesBetween(schedule, new Date('2026-12-03T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), LONDON)).toEqual([]);
  });
});

describe('localParts', () => {
  it.each([
    ['just after midnight in summer (BST)', '2026-06-30T23:30:00Z', LONDON, { date: '2026-07-01', day: 'we', minutes: 30 }],
    ['just before midnight in winter (GMT)', '2026-12-31T23:59:00Z', LONDON, { date: '2026-12-31', day: 'th', minutes: 23 * 60 + 59 }],
    ['at midnight in winter', '2027-01-01T00:00:00Z', LONDON, { date: '2027-01-01', day: 'fr', minutes: 0 }],
    ['the last minute of GMT in spring', '2026-03-29T00:59:00Z', LONDON, { date: '2026-03-29', day: 'su', minutes: 59 }],
    ['the first minute of BST', '2026-03-29T01:00:00Z', LONDON, { date: '2026-03-29', day: 'su', minutes: 120 }],
    ['the first 01:30 in autumn', '2026-10-25T00:30:00Z', LONDON, { date: '2026-10-25', day: 'su', minutes: 90 }],
    ['the second 01:30 in autumn', '2026-10-25T01:30:00Z', LONDON, { date: '2026-10-25', day: 'su', minutes: 90 }],
    ['the evening before in New York', '2026-07-01T03:00:00Z', 'America/New_York', { date: '2026-06-30', day: 'tu', minutes: 23 * 60 }],
    ['the next morning in Kolkata', '2026-06-30T20:00:00Z', 'Asia/Kolkata', { date: '2026-07-01', day: 'we', minutes: 90 }],
  ] as const)('%s', (_, instant, timeZone, expected) => {
    expect(localParts(new Date(instant), timeZone)).toEqual(expected);
  });
});
