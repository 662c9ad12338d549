import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import { nextOccurrences, occurrencesBetween } from '../../src/feed/schedule';
import {
  countActivities,
  filterActivities,
  filterOptions,
  originFor,
  prepareBrowse,
  shouldPrepareAgain,
  suggestRelaxation,
  type BrowseContext,
  type PreparedBrowse,
  type Result,
} from '../../src/browse/filter';
import { emptyQuery, type BrowseQuery, type DayFilter, type TimeOfDay } from '../../src/browse/query';
import { generateFeed } from '../../scripts/bench/generate-feed';
import { FIXTURE_NOW, minimalFeed, type ActivityJson, type FeedJson } from './fixtures';

const LONDON = 'Europe/London';

function feedOf(json: FeedJson | object, now = FIXTURE_NOW): Feed {
  const { feed, problems } = checkFeed(json, { now });
  if (!feed) throw new Error(problems.map((p) => p.message).join('\n'));
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => p.message).join('\n'));
  return feed;
}

function activity(id: string, extra: Partial<ActivityJson> = {}): ActivityJson {
  return {
    id,
    name: id.replace(/-/g, ' '),
    summary: 'A test listing.',
    categories: ['social'],
    organisation: 'age-uk-oldham',
    venue: 'oldham-library',
    schedule: [{ freq: 'weekly', days: ['we'], start: '10:00', end: '11:00' }],
    cost: { free: false },
    ...extra,
  };
}

function feedWith(...extra: ActivityJson[]): Feed {
  const json = minimalFeed();
  json.activities.push(...extra);
  return feedOf(json);
}

interface Run {
  results: Result[];
  ids: string[];
  prepared: PreparedBrowse;
  context: BrowseContext;
}

function run(feed: Feed, query: Partial<BrowseQuery>, options: { now?: Date | string; position?: { lat: number; lng: number } | null; language?: string } = {}): Run {
  const now = options.now === undefined ? FIXTURE_NOW : new Date(options.now);
  const prepared = prepareBrowse(feed, now);
  const context: BrowseContext = { feed, now, position: options.position ?? null };
  if (options.language !== undefined) context.language = options.language;
  const results = filterActivities(prepared, { ...emptyQuery, ...query }, context);
  return { results, ids: results.map((r) => r.activity.id), prepared, context };
}

const ids = (feed: Feed, query: Partial<BrowseQuery>, now?: Date | string): string[] => run(feed, query, now === undefined ? {} : { now }).ids;
const nextStart = (result: Result | undefined): string | undefined => result?.next?.start.toISOString();

// FIXTURE_NOW is Friday 2026-11-20, 09:00 in London. The fixture's listings meet: knit-and-natter Tue and Thu
// 10:00–12:00 (not 22 or 29 Dec), memory-cafe the first Wednesday of the month 13:30, winter-craft-fair online
// once on Saturday 2026-12-05 11:00.

describe('the plain list', () => {
  it('shows every listing, soonest first, with its next session', () => {
    const { results } = run(feedOf(minimalFeed()), {});
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([
      ['knit-and-natter-werneth', '2026-11-24T10:00:00.000Z'],
      ['memory-cafe-library', '2026-12-02T13:30:00.000Z'],
      ['winter-craft-fair-online', '2026-12-05T11:00:00.000Z'],
    ]);
    expect(results.every((r) => r.distanceKm === null)).toBe(true);
  });

  it('counts a session under way as next', () => {
    const { results } = run(feedOf(minimalFeed()), {}, { now: '2026-11-24T11:30:00Z' });
    expect(nextStart(results[0])).toBe('2026-11-24T10:00:00.000Z');
  });

  it('keeps paused and cancelled listings and those with no dates, last, with no next session', () => {
    const feed = feedWith(
      activity('aaa-paused', { status: 'paused' }),
      activity('bbb-cancelled', { status: 'cancelled' }),
      activity('ccc-by-arrangement', { schedule: [] }),
      activity('ddd-finished', { schedule: [{ freq: 'once', date: '2026-11-01', start: '10:00', end: '11:00' }] }),
    );
    const { results } = run(feed, {});
    expect(results.map((r) => r.activity.id)).toEqual([
      'knit-and-natter-werneth',
      'memory-cafe-library',
      'winter-craft-fair-online',
      'aaa-paused',
      'bbb-cancelled',
      'ccc-by-arrangement',
      'ddd-finished',
    ]);
    expect(results.slice(3).every((r) => r.next === undefined)).toBe(true);
  });

  it('breaks ties in time by name', () => {
    const schedule: ActivityJson['schedule'] = [{ freq: 'weekly', days: ['mo'], start: '10:00', end: '11:00' }];
    const feed = feedWith(activity('zumba', { schedule }), activity('art-club', { schedule }), activity('bingo', { schedule }));
    expect(ids(feed, {}).slice(0, 3)).toEqual(['art-club', 'bingo', 'zumba']);
  });

  it('gives the same next session as nextOccurrences for every active listing of a large feed', () => {
    const feed = feedOf(generateFeed(400, 3));
    const { results } = run(feed, {});
    expect(results).toHaveLength(400);
    for (const { activity: a, next } of results) {
      const expected = a.status === 'active' ? nextOccurrences(a.schedule, FIXTURE_NOW, LONDON, 1)[0] : undefined;
      expect(next?.start.toISOString(), a.id).toBe(expected?.start.toISOString());
    }
    const starts = results.map((r) => r.next?.start.getTime() ?? Infinity);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('search and the yes/no and list filters', () => {
  const feed = feedWith(
    activity('womens-swim', { audience: { gender: 'women' }, cost: { free: false, note: '£2' }, languages: ['en', 'pa-Arab'], howToJoin: 'self-refer' }),
    activity('stay-and-play', { audience: { tags: ['parents-under-5s'] }, cost: { free: true } }),
    activity('creche-coffee', { childcare: true, cost: { free: true }, venue: 'werneth-community-centre' }),
    activity('paused-women', { status: 'paused', audience: { gender: 'women' }, cost: { free: true } }),
  );

  it('searches names, summaries and venues', () => {
    expect(ids(feed, { q: 'cafe' })).toEqual(['memory-cafe-library']);
    expect(ids(feed, { q: 'Werneth' })).toEqual(['knit-and-natter-werneth', 'creche-coffee']);
  });

  it('matches any of the chosen categories', () => {
    expect(ids(feed, { categories: ['craft'] })).toEqual(['knit-and-natter-werneth', 'winter-craft-fair-online']);
    expect(ids(feed, { categories: ['craft', 'social'] })).toHaveLength(feed.activities.length);
    expect(ids(feed, { categories: ['no-such-category'] })).toEqual([]);
  });

  it('free, women only, online', () => {
    expect(ids(feed, { free: true }).sort()).toEqual(['creche-coffee', 'knit-and-natter-werneth', 'paused-women', 'stay-and-play', 'winter-craft-fair-online']);
    expect(ids(feed, { women: true })).toEqual(['womens-swim', 'paused-women']);
    expect(ids(feed, { online: true })).toEqual(['winter-craft-fair-online']);
  });

  it('children: a creche, or a group for parents of under-fives', () => {
    expect(ids(feed, { children: true }).sort()).toEqual(['creche-coffee', 'stay-and-play']);
  });

  it('languages: any of those chosen, a base language matching a regional form', () => {
    expect(ids(feed, { languages: ['ur'] })).toEqual(['knit-and-natter-werneth']);
    expect(ids(feed, { languages: ['pa'] })).toEqual(['womens-swim']);
    expect(ids(feed, { languages: ['ur', 'pa'] })).toEqual(['knit-and-natter-werneth', 'womens-swim']);
  });

  it('accessibility: the venue must have every chosen word; an online listing has none', () => {
    expect(ids(feed, { access: ['step-free'] })).toEqual(['knit-and-natter-werneth', 'creche-coffee']);
    expect(ids(feed, { access: ['step-free', 'accessible-toilet'] })).toEqual(['knit-and-natter-werneth', 'creche-coffee']);
    expect(ids(feed, { access: ['step-free', 'hearing-loop'] })).toEqual([]);
  });

  it('how to join: any of those chosen', () => {
    expect(ids(feed, { join: ['drop-in'] })).toEqual(['knit-and-natter-werneth']);
    expect(ids(feed, { join: ['drop-in', 'self-refer'] })).toEqual(['knit-and-natter-werneth', 'womens-swim']);
  });

  it('combines filters: all must hold', () => {
    expect(ids(feed, { free: true, children: true, q: 'coffee' })).toEqual(['creche-coffee']);
    expect(ids(feed, { women: true, free: true })).toEqual(['paused-women']);
  });
});

describe('day and time of day', () => {
  const saturdayWalk = activity('saturday-walk', { schedule: [{ freq: 'weekly', days: ['sa'], start: '10:00', end: '11:00' }] });
  const sundayWalk = activity('sunday-walk', { schedule: [{ freq: 'weekly', days: ['su'], start: '10:00', end: '11:00' }] });
  const eveningChoir = activity('evening-choir', { schedule: [{ freq: 'weekly', days: ['fr', 'mo'], start: '17:30', end: '19:00' }] });
  const pausedDaily = activity('paused-daily', { status: 'paused', schedule: [{ freq: 'weekly', days: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], start: '10:00', end: '11:00' }] });
  const feed = feedWith(saturdayWalk, sundayWalk, eveningChoir, pausedDaily);

  it("today: a session today that is not over yet", () => {
    expect(ids(feed, { day: 'today' }, '2026-11-24T08:00:00Z')).toEqual(['knit-and-natter-werneth']); // Tuesday, before
    expect(ids(feed, { day: 'today' }, '2026-11-24T11:00:00Z')).toEqual(['knit-and-natter-werneth']); // under way
    expect(ids(feed, { day: 'today' }, '2026-11-24T12:00:00Z')).toEqual([]); // over
  });

  it('today is the local date, not the UTC one', () => {
    // 23:30 UTC on Monday 15 June is 00:30 on Tuesday in London (summer time).
    const tuesdayOnly = feedWith(activity('tuesday-club', { schedule: [{ freq: 'weekly', days: ['tu'], start: '10:00', end: '11:00' }] }));
    const { ids: found, results } = run(tuesdayOnly, { day: 'today' }, { now: '2026-06-15T23:30:00Z' });
    expect(found).toEqual(['tuesday-club']);
    expect(nextStart(results[0])).toBe('2026-06-16T09:00:00.000Z');
  });

  it('week: today and the next six days', () => {
    expect(ids(feed, { day: 'week' })).toEqual(['evening-choir', 'saturday-walk', 'sunday-walk', 'knit-and-natter-werneth']);
    // From Monday 30 November the week reaches Sunday 6 December: the first-Wednesday café and the craft fair are in it.
    expect(ids(feed, { day: 'week' }, '2026-11-30T09:00:00Z')).toContain('memory-cafe-library');
    expect(ids(feed, { day: 'week' }, '2026-11-30T09:00:00Z')).toContain('winter-craft-fair-online');
  });

  it('weekend on a weekday: the coming Saturday and Sunday', () => {
    const { results } = run(feed, { day: 'weekend' });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([
      ['saturday-walk', '2026-11-21T10:00:00.000Z'],
      ['sunday-walk', '2026-11-22T10:00:00.000Z'],
    ]);
  });

  it('weekend on a Saturday: today and tomorrow', () => {
    // Saturday 5 December, 09:00: the craft fair (11:00 today) counts.
    expect(ids(feed, { day: 'weekend' }, '2026-12-05T09:00:00Z')).toEqual(['saturday-walk', 'winter-craft-fair-online', 'sunday-walk']);
    // Later that Saturday, this weekend's Saturday sessions are over; next Saturday's do not count.
    expect(ids(feed, { day: 'weekend' }, '2026-12-05T15:00:00Z')).toEqual(['sunday-walk']);
  });

  it('weekend on a Sunday: only what is left of today', () => {
    expect(ids(feed, { day: 'weekend' }, '2026-12-06T08:00:00Z')).toEqual(['sunday-walk']);
  });

  it('in the week the clocks go back, days and times are local', () => {
    // Thursday 22 October 2026 in summer time; the clocks go back at 02:00 on Sunday 25th.
    const now = '2026-10-22T12:00:00Z';
    const weekend = run(feed, { day: 'weekend' }, { now });
    expect(weekend.results.map((r) => [r.activity.id, nextStart(r)])).toEqual([
      ['saturday-walk', '2026-10-24T09:00:00.000Z'], // 10:00 BST
      ['sunday-walk', '2026-10-25T10:00:00.000Z'], // 10:00 GMT
    ]);
    // 17:30 on Friday (BST, 16:30 UTC) and Monday (GMT, 17:30 UTC) are both evening.
    const evenings = run(feed, { day: 'week', times: ['evening'] }, { now });
    expect(evenings.results.map((r) => [r.activity.id, nextStart(r)])).toEqual([['evening-choir', '2026-10-23T16:30:00.000Z']]);
    const monday = run(feed, { day: '2026-10-26', times: ['evening'] }, { now });
    expect(monday.results.map((r) => [r.activity.id, nextStart(r)])).toEqual([['evening-choir', '2026-10-26T17:30:00.000Z']]);
  });

  it('in the week the clocks go forward, a Sunday morning session is on Sunday morning', () => {
    // Friday 27 March 2026; the clocks go forward at 01:00 on Sunday 29th.
    const { results } = run(feed, { day: 'weekend', times: ['morning'] }, { now: '2026-03-27T12:00:00Z' });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([
      ['saturday-walk', '2026-03-28T10:00:00.000Z'], // 10:00 GMT
      ['sunday-walk', '2026-03-29T09:00:00.000Z'], // 10:00 BST
    ]);
  });

  it('times alone: any session still to come in those parts of the day, however far ahead', () => {
    const { results } = run(feed, { times: ['afternoon'] });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([['memory-cafe-library', '2026-12-02T13:30:00.000Z']]);
    expect(ids(feed, { times: ['evening'] })).toEqual(['evening-choir']);
    expect(ids(feed, { times: ['morning', 'evening'] })).toEqual(['evening-choir', 'saturday-walk', 'sunday-walk', 'knit-and-natter-werneth', 'winter-craft-fair-online']);
  });

  it('day and time together need the same session', () => {
    const twoSessions = feedWith(
      activity('two-sessions', {
        schedule: [
          { freq: 'weekly', days: ['mo'], start: '09:30', end: '11:00' },
          { freq: 'weekly', days: ['we'], start: '18:00', end: '20:00' },
        ],
      }),
    );
    expect(ids(twoSessions, { day: '2026-11-23', times: ['evening'] })).toEqual([]); // Monday: only the morning one
    expect(ids(twoSessions, { day: '2026-11-25', times: ['evening'] })).toEqual(['two-sessions']); // Wednesday evening
    const { results } = run(twoSessions, { day: 'week', times: ['evening'] });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([['two-sessions', '2026-11-25T18:00:00.000Z']]);
  });

  it('a chosen day, in this week or months ahead', () => {
    expect(ids(feed, { day: '2026-11-24' })).toEqual(['knit-and-natter-werneth']);
    const { results } = run(feed, { day: '2027-01-05' });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([['knit-and-natter-werneth', '2027-01-05T10:00:00.000Z']]);
    expect(ids(feed, { day: '2026-12-22' })).toEqual([]); // an exception date of the knitting group
    expect(ids(feed, { day: '2026-12-05' })).toEqual(['saturday-walk', 'winter-craft-fair-online']);
    expect(ids(feed, { day: '2026-11-01' })).toEqual([]); // in the past
  });

  it('with a day or time filter, paused and cancelled listings have no sessions', () => {
    for (const query of [{ day: 'today' }, { day: 'week' }, { day: '2027-01-06' }, { times: ['morning'] }] satisfies Partial<BrowseQuery>[]) {
      expect(ids(feed, query)).not.toContain('paused-daily');
    }
    expect(ids(feed, {})).toContain('paused-daily');
  });

  it('sorts by the matching session, not the next one overall', () => {
    const twoSessions = feedWith(
      activity('two-sessions', {
        schedule: [
          { freq: 'weekly', days: ['mo'], start: '09:30', end: '11:00' },
          { freq: 'weekly', days: ['we'], start: '18:00', end: '20:00' },
        ],
      }),
      activity('tuesday-evening', { schedule: [{ freq: 'weekly', days: ['tu'], start: '18:00', end: '19:00' }] }),
    );
    // Overall, two-sessions meets first (Monday morning); in the evenings, Tuesday's group does.
    expect(ids(twoSessions, {}).slice(0, 2)).toEqual(['two-sessions', 'knit-and-natter-werneth']);
    const { results } = run(twoSessions, { times: ['evening'] });
    expect(results.map((r) => [r.activity.id, nextStart(r)])).toEqual([
      ['tuesday-evening', '2026-11-24T18:00:00.000Z'],
      ['two-sessions', '2026-11-25T18:00:00.000Z'],
    ]);
  });

  it('agrees with the sessions worked out directly, for a large feed at several moments', () => {
    const large = feedOf(generateFeed(300, 11));
    const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' });
    const weekdayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, weekday: 'short' });
    const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const localDate = (d: Date) => dateFormat.format(d);
    const localWeekday = (d: Date) => weekdayFormat.format(d);
    const localMinutes = (d: Date) => {
      const [h, m] = timeFormat.format(d).split(':');
      return Number(h) * 60 + Number(m);
    };
    const partOf = (d: Date): TimeOfDay => (localMinutes(d) < 720 ? 'morning' : localMinutes(d) < 1020 ? 'afternoon' : 'evening');
    const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    for (const nowText of ['2026-11-20T09:00:00Z', '2026-11-21T13:00:00Z', '2026-11-22T20:00:00Z', '2027-03-26T08:00:00Z']) {
      const now = new Date(nowText);
      const today = localDate(now);
      const weekday = localWeekday(now);
      const weekendStart = weekday === 'Sat' ? 0 : weekday === 'Sun' ? -1 : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].indexOf(weekday) === -1 ? 0 : 5 - ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].indexOf(weekday);
      const datesFor: Record<'today' | 'week' | 'weekend', string[]> = {
        today: [today],
        week: [0, 1, 2, 3, 4, 5, 6].map((n) => plusDays(today, n)),
        weekend: [weekendStart, weekendStart + 1].map((n) => plusDays(today, n)).filter((d) => d >= today),
      };
      const prepared = prepareBrowse(large, now);
      const context: BrowseContext = { feed: large, now, position: null };
      const sessions = new Map(
        large.activities.map((a) => [
          a.id,
          a.status !== 'active'
            ? []
            : occurrencesBetween(a.schedule, new Date(now.getTime() - 2 * 86_400_000), new Date(now.getTime() + 10 * 86_400_000), LONDON)
                .filter((o) => o.end > now)
                .map((o) => ({ date: localDate(o.start), part: partOf(o.start) })),
        ]),
      );
      for (const day of ['today', 'week', 'weekend'] as const satisfies DayFilter[]) {
        for (const times of [[], ['morning'], ['afternoon', 'evening']] as TimeOfDay[][]) {
          const expected = large.activities
            .filter((a) => (sessions.get(a.id) ?? []).some((o) => datesFor[day].includes(o.date) && (times.length === 0 || times.includes(o.part))))
            .map((a) => a.id)
            .sort();
          const found = filterActivities(prepared, { ...emptyQuery, day, times }, context).map((r) => r.activity.id);
          expect(found.sort(), `${nowText} ${day} ${times.join(',')}`).toEqual(expected);
        }
      }
    }
  });
});

describe('distance', () => {
  const feed = feedOf(minimalFeed());

  it('from a chosen place: nearest first, online listings last', () => {
    const { results } = run(feed, { near: 'werneth', sort: 'distance' });
    expect(results.map((r) => r.activity.id)).toEqual(['knit-and-natter-werneth', 'memory-cafe-library', 'winter-craft-fair-online']);
    expect(results[0]?.distanceKm).toBeCloseTo(0, 3);
    expect(results[1]?.distanceKm).toBeGreaterThan(1);
    expect(results[1]?.distanceKm).toBeLessThan(1.5);
    expect(results[2]?.distanceKm).toBeNull();
  });

  it('from the device for "here", and never from a place the feed does not have', () => {
    const nearLibrary = { lat: 53.5431, lng: -2.1168 };
    const here = run(feed, { near: 'here', sort: 'distance' }, { position: nearLibrary });
    expect(here.ids).toEqual(['memory-cafe-library', 'knit-and-natter-werneth', 'winter-craft-fair-online']);
    expect(originFor({ ...emptyQuery, near: 'here' }, here.context)).toEqual(nearLibrary);
    const unknown = run(feed, { near: 'atlantis', sort: 'distance' });
    expect(unknown.results.every((r) => r.distanceKm === null)).toBe(true);
    expect(unknown.ids).toEqual(['knit-and-natter-werneth', 'memory-cafe-library', 'winter-craft-fair-online']); // soonest
  });

  it('shows distances with any sort once a place is chosen', () => {
    const { results } = run(feed, { near: 'oldham-town-centre' });
    expect(results[0]?.distanceKm).toBeGreaterThan(1);
    expect(results.map((r) => r.activity.id)[0]).toBe('knit-and-natter-werneth'); // still soonest first
  });

  it('breaks ties in distance by the soonest session', () => {
    const sameVenue = feedWith(
      activity('later-club', { venue: 'werneth-community-centre', schedule: [{ freq: 'weekly', days: ['fr'], start: '18:00', end: '19:00' }] }),
      activity('sooner-club', { venue: 'werneth-community-centre', schedule: [{ freq: 'weekly', days: ['fr'], start: '10:00', end: '11:00' }] }),
    );
    expect(ids(sameVenue, { near: 'werneth', sort: 'distance' }).slice(0, 3)).toEqual(['sooner-club', 'later-club', 'knit-and-natter-werneth']);
  });
});

describe('sorting by name', () => {
  it('uses the name shown in the interface language, by that language’s alphabet', () => {
    const feed = feedWith(activity('zumba', { name: { en: 'Zumba', pl: 'Aerobik' } }), activity('lodz-club', { name: 'Łódź club' }));
    expect(ids(feed, { sort: 'name' })).toEqual(['knit-and-natter-werneth', 'lodz-club', 'memory-cafe-library', 'winter-craft-fair-online', 'zumba']);
    const polish = run(feed, { sort: 'name' }, { language: 'pl' }).ids;
    expect(polish[0]).toBe('zumba'); // 'Aerobik'
    // In Polish, Ł comes after L and before M.
    expect(polish.indexOf('lodz-club')).toBeGreaterThan(polish.indexOf('knit-and-natter-werneth'));
    expect(polish.indexOf('lodz-club')).toBeLessThan(polish.indexOf('memory-cafe-library'));
  });
});

describe('suggestRelaxation', () => {
  const feed = feedWith(activity('womens-swim', { audience: { gender: 'women' }, cost: { free: false } }));
  const suggest = (query: Partial<BrowseQuery>) => {
    const prepared = prepareBrowse(feed, FIXTURE_NOW);
    return suggestRelaxation(prepared, { ...emptyQuery, ...query }, { feed, now: FIXTURE_NOW, position: null });
  };

  it('names the one filter whose removal finds the most', () => {
    // Women only and free find nothing; without 'women' the 2 free listings are found, without 'free' 1.
    expect(suggest({ women: true, free: true })).toEqual({ filter: 'women', results: 2 });
    expect(suggest({ women: true, online: true, free: true })).toEqual({ filter: 'women', results: 1 });
    expect(suggest({ q: 'zzz', women: true })).toEqual({ filter: 'q', results: 1 });
    expect(suggest({ times: ['evening'] })).toEqual({ filter: 'time', results: 4 });
  });

  it('offers a filter before the search words, since the words say what the person wants', () => {
    // 'swim' finds the women's swim; with 'free' nothing. Dropping the words would find more (2), but dropping 'free' keeps the swim.
    expect(suggest({ q: 'swim', free: true })).toEqual({ filter: 'free', results: 1 });
  });

  it('prefers the filter that comes first in the address when two help equally', () => {
    expect(suggest({ free: true, categories: ['no-such'], times: ['evening'] })).toBeNull();
    expect(suggest({ women: true, online: true })).toEqual({ filter: 'women', results: 1 });
  });

  it('says nothing when there are results, or when no single change helps', () => {
    expect(suggest({ women: true })).toBeNull();
    expect(suggest({ q: 'zzz', categories: ['no-such'] })).toBeNull();
  });

  it('counts as filterActivities does', () => {
    const prepared = prepareBrowse(feed, FIXTURE_NOW);
    for (const query of [{ women: true }, { free: true }, { day: 'week' }, {}] satisfies Partial<BrowseQuery>[]) {
      expect(countActivities(prepared, { ...emptyQuery, ...query })).toBe(ids(feed, query).length);
    }
  });
});

describe('one prepared feed, many queries', () => {
  const feed = feedWith(activity('zumba', { name: { en: 'Zumba', pl: 'Aerobik' } }));
  const prepared = prepareBrowse(feed, FIXTURE_NOW);
  const filter = (query: Partial<BrowseQuery>, extra: Partial<BrowseContext> = {}) =>
    filterActivities(prepared, { ...emptyQuery, ...query }, { feed, now: FIXTURE_NOW, position: null, ...extra });

  it('answers each query as a fresh preparation would, whatever came before', () => {
    const queries: Partial<BrowseQuery>[] = [
      { near: 'werneth', sort: 'distance' },
      { near: 'oldham-town-centre', sort: 'distance' },
      { sort: 'name' },
      { day: 'week', times: ['morning'] },
      { q: 'k' },
      { q: 'kn', day: 'week' },
      { q: 'knit', near: 'werneth' },
      { day: '2027-01-05' },
      {},
    ];
    for (const query of [...queries, ...queries.reverse()]) {
      const fresh = filterActivities(prepareBrowse(feed, FIXTURE_NOW), { ...emptyQuery, ...query }, { feed, now: FIXTURE_NOW, position: null });
      const summary = (results: Result[]) => results.map((r) => [r.activity.id, nextStart(r), r.distanceKm]);
      expect(summary(filter(query)), JSON.stringify(query)).toEqual(summary(fresh));
    }
  });

  it('follows the language asked for when sorting by name', () => {
    expect(filter({ sort: 'name' }, { language: 'en' }).at(-1)?.activity.id).toBe('zumba');
    expect(filter({ sort: 'name' }, { language: 'pl' })[0]?.activity.id).toBe('zumba');
  });

  it('gives back the same row objects while only the search words change, so a list can keep its rows', () => {
    const before = filter({ q: 'k' });
    const after = filter({ q: 'kn' });
    expect(after.length).toBeGreaterThan(0);
    for (const row of after) expect(before).toContain(row);
  });

  it('ignores day and time values that a URL could not carry rather than failing', () => {
    const bogus = { ...emptyQuery, day: 'tomorrow' as BrowseQuery['day'], times: ['noon' as TimeOfDay] };
    expect(filterActivities(prepared, bogus, { feed, now: FIXTURE_NOW, position: null })).toHaveLength(feed.activities.length);
  });
});

describe('preparing', () => {
  it('offers only filter choices that find something, with counts', () => {
    const feed = feedOf(minimalFeed());
    const options = filterOptions(prepareBrowse(feed, FIXTURE_NOW));
    expect(options.categories).toEqual([
      { id: 'craft', count: 2 },
      { id: 'social', count: 2 },
    ]);
    expect(options.languages).toEqual([
      { code: 'en', count: 1 },
      { code: 'ur', count: 1 },
    ]);
    expect(options.access).toEqual([
      { word: 'accessible-toilet', count: 1 },
      { word: 'hearing-loop', count: 1 },
      { word: 'step-free', count: 1 },
    ]);
  });

  it('asks to be prepared again for another feed, another day, or after a few minutes', () => {
    const feed = feedOf(minimalFeed());
    const prepared = prepareBrowse(feed, FIXTURE_NOW);
    const later = (minutes: number) => new Date(FIXTURE_NOW.getTime() + minutes * 60_000);
    expect(shouldPrepareAgain(prepared, feed, later(1))).toBe(false);
    expect(shouldPrepareAgain(prepared, feed, later(10))).toBe(true);
    expect(shouldPrepareAgain(prepared, feedOf(minimalFeed()), FIXTURE_NOW)).toBe(true);
    expect(shouldPrepareAgain(prepareBrowse(feed, new Date('2026-11-20T23:59:00Z')), feed, new Date('2026-11-21T00:01:00Z'))).toBe(true);
  });
});

describe('the search index', () => {
  it('is made on the first search with words, not for the plain list or the filters', () => {
    const feed = feedOf(minimalFeed());
    const prepared = prepareBrowse(feed, FIXTURE_NOW);
    const made = Object.getOwnPropertyDescriptor(prepared, 'index')!.get!;
    let reads = 0;
    Object.defineProperty(prepared, 'index', { get: () => (reads++, made.call(prepared)) });
    const context: BrowseContext = { feed, now: FIXTURE_NOW, position: null };
    filterActivities(prepared, emptyQuery, context);
    filterActivities(prepared, { ...emptyQuery, free: true, sort: 'name' }, context);
    countActivities(prepared, { ...emptyQuery, categories: ['craft'] });
    expect(reads).toBe(0);
    expect(filterActivities(prepared, { ...emptyQuery, q: 'knit' }, context).length).toBeGreaterThan(0);
    expect(reads).toBeGreaterThan(0);
  });
});
