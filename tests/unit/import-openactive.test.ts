// OpenActive RPDE pages to feed activities: merging pages (deleted items, later `modified` wins), joining
// ScheduledSessions to their SessionSeries, PartialSchedules, FacilityUse opening hours, and the warnings.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import { buildFeed, type ImportResult } from '../../scripts/import/feed';
import { importOpenActive, type RpdePage } from '../../scripts/import/openactive';

const NOW = new Date('2026-11-23T00:00:00Z');
const OPTIONS = { now: NOW, timeZone: 'Europe/London' };
const folder = resolve(import.meta.dirname, '../fixtures/import/openactive');
const pages = (): RpdePage[] => readdirSync(folder).sort().map((name) => ({ name, json: JSON.parse(readFileSync(resolve(folder, name), 'utf8')) as unknown }));

function activity(result: ImportResult, id: string) {
  const found = result.activities.find((item) => item.id === id);
  if (!found) throw new Error(`no activity ${id}; have ${result.activities.map((item) => item.id).join(', ')}`);
  return found;
}

const place = { '@type': 'Place', name: 'Royton Leisure Centre', geo: { latitude: 53.5658, longitude: -2.1218 }, address: { '@type': 'PostalAddress', streetAddress: 'Park Street', addressLocality: 'Royton', postalCode: 'OL2 6QW' } };
const series = (id: string, data: Record<string, unknown>, modified = 1) => ({
  state: 'updated', kind: 'SessionSeries', id, modified,
  data: { '@type': 'SessionSeries', '@id': `https://example.org/series/${id}`, name: 'Zumba', description: 'Dance fitness to Latin music.', organizer: { '@type': 'Organization', name: 'Royton Leisure' }, location: place, offers: [{ price: 0 }], ...data },
});
const page = (...items: unknown[]): RpdePage => ({ name: 'page.json', json: { next: 'https://example.org/rpde?afterTimestamp=9', items } });

describe('OpenActive RPDE pages', () => {
  it('removes deleted items and keeps the latest modified version of each item', () => {
    const result = importOpenActive(pages(), OPTIONS);
    expect(result.activities.map((item) => item.id).sort()).toEqual(['fu-200', 'ss-100', 'ss-101', 'ss-103', 'ss-104']);
    expect(activity(result, 'ss-103').name).toBe('Chair Based Exercise');
    // Pages read in another order give the same answer: `modified` decides, not the reading order.
    const reversed = importOpenActive(pages().reverse(), OPTIONS);
    expect(activity(reversed, 'ss-103').name).toBe('Chair Based Exercise');
    expect(reversed.activities.map((item) => item.id).sort()).toEqual(['fu-200', 'ss-100', 'ss-101', 'ss-103', 'ss-104']);
  });

  it('maps a SessionSeries: weekly byDay URLs, organiser, place, price, age range and activity concept', () => {
    const result = importOpenActive(pages(), OPTIONS);
    expect(activity(result, 'ss-100')).toMatchObject({
      name: 'Walking Football',
      summary: 'Football at walking pace for over-50s. No running, no slide tackles, plenty of laughs and a cup of tea afterwards.',
      categories: ['walking-football'],
      organisation: 'oldham-community-leisure',
      venue: 'chadderton-wellbeing-centre',
      schedule: [{ freq: 'weekly', days: ['we'], start: '18:00', end: '19:00', interval: 1 }],
      cost: { free: false, note: 'Per session £3.50' },
      audience: { minAge: 50, tags: ['over-50s'] },
      contact: { phone: '0161 496 0400', website: 'https://leisure.example.org/whats-on/walking-football' },
    });
    expect(result.registry.venues.get('chadderton-wellbeing-centre')).toEqual({
      id: 'chadderton-wellbeing-centre', name: 'Chadderton Wellbeing Centre', address: 'Burnley Street, Oldham', postcode: 'OL9 0JW', lat: 53.546, lng: -2.14, accessibility: ['parking'],
    });
    expect(result.registry.categories.get('walking-football')).toEqual({ id: 'walking-football', name: 'Walking Football' });
  });

  it('maps women-only sessions, several offers, accessibility support, excepted dates and HTML descriptions', () => {
    const result = importOpenActive(pages(), OPTIONS);
    const aqua = activity(result, 'ss-101');
    expect(aqua).toMatchObject({
      summary: 'A fun, low-impact workout in the water with female lifeguards and instructor.',
      audience: { minAge: 16, gender: 'women' },
      cost: { free: false, note: 'Adult £4.50, Concession £2.25' },
      schedule: [{ freq: 'weekly', days: ['mo', 'fr'], start: '19:30', end: '20:15', except: ['2026-12-25'] }],
    });
    expect(aqua.description).toBe('Aqua fit for women\n\nA fun, low-impact workout in the water with female lifeguards and instructor.\n\nScreens are drawn over the windows.\n\nSupport for: Learning disability.');
    expect(result.warnings.list).toContainEqual({ source: 'SessionSeries ss-101 (Ladies Only Aqua Fit)', field: 'description', message: 'contained HTML, which was reduced to plain text' });
  });

  it('reads a monthly schedule (P1M) whose start date gives the week: the 2nd Tuesday', () => {
    expect(activity(importOpenActive(pages(), OPTIONS), 'ss-103').schedule).toEqual([
      { freq: 'monthly', days: ['tu'], weekOfMonth: 2, start: '11:00', end: '12:00', from: '2026-09-08' },
    ]);
  });

  it('joins ScheduledSessions to their series by superEvent id or embedded object, keeping upcoming ones in local time', () => {
    const result = importOpenActive(pages(), OPTIONS);
    expect(activity(result, 'ss-104').schedule).toEqual([
      { freq: 'once', date: '2026-11-26', start: '18:30', end: '19:15' },
      { freq: 'once', date: '2026-12-03', start: '18:30', end: '19:15' },
    ]);
    expect(result.warnings.list).toContainEqual({
      source: 'ScheduledSession ss-999-s1', field: 'superEvent', message: 'its superEvent "https://leisure.example.org/api/session-series/ss-999" is not a SessionSeries in these pages; it was dropped',
    });
  });

  it('turns a FacilityUse into weekly sessions from its opening hours', () => {
    const result = importOpenActive(pages(), OPTIONS);
    expect(activity(result, 'fu-200')).toMatchObject({
      name: 'Badminton Court Hire',
      categories: ['badminton'],
      venue: 'oldham-leisure-centre',
      cost: { free: false, note: 'Per court per hour £9' },
      schedule: [
        { freq: 'weekly', days: ['mo', 'tu'], start: '17:00', end: '22:00', interval: 1 },
        { freq: 'weekly', days: ['sa'], start: '09:00', end: '17:00', interval: 1 },
      ],
    });
    // One venue for the leisure centre, whichever item named it.
    expect([...result.registry.venues.keys()].sort()).toEqual(['alexandra-park-bandstand', 'chadderton-wellbeing-centre', 'oldham-leisure-centre']);
  });

  it('leaves out a series whose place has coordinates outside the valid range, naming it', () => {
    const result = importOpenActive(pages(), OPTIONS);
    expect(result.warnings.list).toEqual(expect.arrayContaining([
      { source: 'SessionSeries ss-106 (Tai Chi in the Park)', field: 'coordinates', message: 'has coordinates outside the valid range (latitude 153.5361, longitude -2.1322); they were dropped' },
      { source: 'SessionSeries ss-106 (Tai Chi in the Park)', field: 'location.geo', message: 'its place "Werneth Park" cannot be shown on the map; it was not imported' },
    ]));
  });

  it('reads fortnightly and iCal BYDAY schedules, cancelled sessions as skipped dates, and summer time', () => {
    const result = importOpenActive([page(
      series('a', { eventSchedule: [{ '@type': 'PartialSchedule', repeatFrequency: 'P2W', byDay: ['https://schema.org/Saturday'], startDate: '2026-11-07', startTime: '09:00:00', duration: 'PT1H30M' }] }),
      series('b', { eventSchedule: [{ '@type': 'PartialSchedule', repeatFrequency: 'P1M', byDay: ['-1FR'], startTime: '19:00', endTime: '21:00' }] }),
      series('c', { eventSchedule: [{ '@type': 'PartialSchedule', repeatFrequency: 'P1W', byDay: ['https://schema.org/Thursday'], startTime: '10:00', endTime: '11:00' }] }),
      { state: 'updated', kind: 'ScheduledSession', id: 'c-1', modified: 2, data: { '@type': 'ScheduledSession', superEvent: 'https://example.org/series/c', startDate: '2026-12-24T10:00:00Z', endDate: '2026-12-24T11:00:00Z', eventStatus: 'https://schema.org/EventCancelled' } },
      series('d', {}),
      { state: 'updated', kind: 'ScheduledSession', id: 'd-1', modified: 2, data: { '@type': 'ScheduledSession', superEvent: 'https://example.org/series/d', startDate: '2027-07-01T09:00:00Z', endDate: '2027-07-01T10:00:00Z' } },
      { state: 'updated', kind: 'ScheduledSession', id: 'd-2', modified: 2, data: { '@type': 'ScheduledSession', superEvent: 'https://example.org/series/d', startDate: '2027-07-02T22:00:00Z', endDate: '2027-07-03T01:00:00Z' } },
      series('e', { eventSchedule: [{ '@type': 'PartialSchedule', repeatFrequency: 'P1Y', startTime: '10:00', endTime: '11:00' }] }),
      { state: 'updated', kind: 'Slot', id: 'slot-1', modified: 3, data: { '@type': 'Slot' } },
    )], OPTIONS);
    expect(activity(result, 'a').schedule).toEqual([{ freq: 'weekly', days: ['sa'], start: '09:00', end: '10:30', interval: 2, from: '2026-11-07' }]);
    expect(activity(result, 'b').schedule).toEqual([{ freq: 'monthly', days: ['fr'], weekOfMonth: -1, start: '19:00', end: '21:00' }]);
    expect(activity(result, 'c').schedule).toEqual([{ freq: 'weekly', days: ['th'], start: '10:00', end: '11:00', interval: 1, except: ['2026-12-24'] }]);
    // 09:00 UTC in July is 10:00 in Oldham (British Summer Time).
    expect(activity(result, 'd').schedule).toEqual([{ freq: 'once', date: '2027-07-01', start: '10:00', end: '11:00' }]);
    expect(result.activities.map((item) => item.id)).not.toContain('e');
    expect(result.warnings.list).toEqual(expect.arrayContaining([
      { source: 'SessionSeries e (Zumba)', field: 'eventSchedule[0].repeatFrequency', message: 'repeatFrequency "P1Y" cannot be listed (P1D, PnW and P1M can); the schedule was dropped' },
      { source: 'ScheduledSession d-2 (Zumba)', field: 'endDate', message: 'ends on a later day (2027-07-03) than it starts; sessions past midnight cannot be listed, so it was dropped' },
      { source: 'kind Slot', message: '1 item of this kind was not imported (only SessionSeries, ScheduledSession and FacilityUse are)' },
    ]));
  });

  it('warns about a file that is not an RPDE page', () => {
    const result = importOpenActive([{ name: 'index.json', json: [{ name: 'not a page' }] }], OPTIONS);
    expect(result.warnings.list).toEqual([{ source: 'file index.json', message: 'is not an RPDE page (expected {"items": [...], "next": ...}); it was skipped' }]);
  });
});

describe('the imported OpenActive feed', () => {
  it('passes the feed checker with no errors', () => {
    const built = buildFeed(importOpenActive(pages(), OPTIONS), { now: NOW, timeZone: 'Europe/London' });
    if (!('feed' in built)) throw new Error(built.error);
    const result = checkFeed(built.feed, { now: NOW });
    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    expect(result.feed?.activities).toHaveLength(5);
  });
});
