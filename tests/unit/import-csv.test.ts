// A hub's spreadsheet (the CSV template we ship) to feed activities: days and frequencies in plain words, one
// row per activity, and a warning naming the row for everything that could not be used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import { buildFeed, type ImportResult } from '../../scripts/import/feed';
import { CSV_COLUMNS, importCsv } from '../../scripts/import/csv';

const NOW = new Date('2026-11-23T00:00:00Z');
const OPTIONS = { now: NOW, timeZone: 'Europe/London' };
const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const example = () => importCsv([{ name: 'activities-example.csv', text: read('scripts/import/templates/activities-example.csv') }], OPTIONS);

function activity(result: ImportResult, id: string) {
  const found = result.activities.find((item) => item.id === id);
  if (!found) throw new Error(`no activity ${id}; have ${result.activities.map((item) => item.id).join(', ')}`);
  return found;
}

const HEADER = 'name,summary,organisation,venue,postcode,lat,lng,days,start,end,frequency,cost';
const oneRow = (row: string) => importCsv([{ name: 'list.csv', text: `${HEADER}\n${row}\n` }], OPTIONS);

describe('the CSV template', () => {
  it('has exactly the documented columns, and the example uses them', () => {
    expect(read('scripts/import/templates/activities-template.csv').trim()).toBe(CSV_COLUMNS.join(','));
    expect(read('scripts/import/templates/activities-example.csv').split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const readme = read('scripts/import/README.md');
    for (const column of CSV_COLUMNS) expect(readme).toContain(`| \`${column}\``);
  });
});

describe('importing the example spreadsheet', () => {
  it('reads a weekly row with everything filled in', () => {
    const result = example();
    expect(activity(result, 'knit-and-natter-werneth')).toEqual({
      id: 'knit-and-natter-werneth',
      name: 'Knit and Natter',
      summary: 'A relaxed Tuesday morning of knitting, crochet and chat over tea.',
      description: 'Bring a project you are stuck on, or start from scratch: we have spare needles and a big basket of donated wool.\n\nLittle ones are welcome too.',
      categories: ['craft', 'social'],
      organisation: 'pennine-threads',
      venue: 'the-werneth-hive',
      online: false,
      schedule: [{ freq: 'weekly', days: ['tu'], start: '10:00', end: '12:00', interval: 1, except: ['2026-12-22', '2026-12-29'] }],
      cost: { free: true },
      childcare: true,
      languages: ['en', 'ur', 'pa'],
      status: 'active',
      audience: { minAge: 16, tags: ['new-to-area', 'parents-under-5s'] },
      howToJoin: 'self-refer',
      contact: { name: 'Shazia', phone: '07700 900241' },
      checked: '2026-11-03',
    });
    expect(result.registry.venues.get('the-werneth-hive')).toEqual({
      id: 'the-werneth-hive', name: 'The Werneth Hive', address: '12 Manchester Road, Oldham', postcode: 'OL8 4AB', lat: 53.5361, lng: -2.1322, accessibility: ['step-free', 'baby-changing'],
    });
  });

  it('reads every 2 weeks, the 2nd Tuesday and the last Friday of the month, two days a week and once', () => {
    const result = example();
    expect(activity(result, 'walk-and-talk-alexandra-park')).toMatchObject({ schedule: [{ freq: 'weekly', days: ['sa'], interval: 2, from: '2026-11-07', start: '10:00', end: '11:00' }], audience: { gender: 'men', minAge: 18 } });
    expect(activity(result, 'carers-cuppa').schedule).toEqual([{ freq: 'monthly', days: ['tu'], weekOfMonth: 2, start: '13:30', end: '15:00' }]);
    expect(activity(result, 'sewing-circle').schedule).toEqual([{ freq: 'monthly', days: ['fr'], weekOfMonth: -1, start: '10:00', end: '12:00' }]);
    expect(activity(result, 'chair-yoga-werneth')).toMatchObject({ schedule: [{ freq: 'weekly', days: ['mo', 'th'], interval: 1 }], cost: { free: false, note: '£2.50 a class' }, howToJoin: 'contact-organiser' });
    expect(activity(result, 'winter-craft-fair').schedule).toEqual([{ freq: 'once', date: '2026-12-05', start: '11:00', end: '14:00' }]);
  });

  it('lists a "by arrangement" online row with an empty schedule and no venue', () => {
    const befriending = activity(example(), 'phone-befriending');
    expect(befriending).toMatchObject({ online: true, schedule: [], howToJoin: 'professional-referral', languages: ['en', 'pl', 'ur'] });
    expect(befriending.venue).toBeUndefined();
  });

  it('leaves out the row with bad coordinates and reduces HTML to text, naming the rows', () => {
    const result = example();
    expect(result.activities.map((item) => item.id)).not.toContain('allotment-club');
    expect(activity(result, 'sewing-circle')).toMatchObject({
      summary: 'Learn to mend, alter and make clothes on our machines.',
      description: 'Learn to mend, alter and make clothes on our machines.\n\nAll materials provided & a tea break at 11.',
    });
    expect(result.warnings.list).toEqual([
      { source: 'row 7 (Allotment Club)', field: 'coordinates', message: 'has coordinates outside the valid range (latitude 535.366, longitude -2.0975); they were dropped' },
      { source: 'row 7 (Allotment Club)', field: 'venue', message: 'has no venue that can be shown on the map, and is not online; it was not imported' },
      { source: 'row 8 (Sewing Circle)', field: 'description', message: 'contained HTML, which was reduced to plain text' },
    ]);
  });

  it('passes the feed checker with no errors', () => {
    const built = buildFeed(example(), { now: NOW, timeZone: 'Europe/London' });
    if (!('feed' in built)) throw new Error(built.error);
    const result = checkFeed(built.feed, { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.feed?.activities).toHaveLength(7);
  });
});

describe('spreadsheet cells as people type them', () => {
  it('matches headers ignoring case and spaces, and reads 9:30am, "Thurs" and "fortnightly"', () => {
    const result = importCsv([{ name: 'hub-listings.csv', text: read('tests/fixtures/import/csv/hub-listings.csv') }], OPTIONS);
    expect(activity(result, 'baby-rhyme-time').schedule).toEqual([{ freq: 'weekly', days: ['th'], start: '10:30', end: '11:00', interval: 1 }]);
    expect(activity(result, 'dads-and-lads-football')).toMatchObject({ schedule: [{ freq: 'weekly', days: ['su'], start: '09:30', end: '10:30', interval: 2 }], cost: { free: false, note: '£2 per family' } });
    expect(activity(result, 'coffee-and-chat-for-newcomers')).toMatchObject({ summary: 'Meet people who are new to Oldham. Practise English over coffee.', audience: { minAge: 18 }, languages: ['en', 'ar', 'ro'] });
    expect(result.warnings.list).toContainEqual({ source: 'row 4 (Coffee and Chat for Newcomers)', field: 'days', message: '"Wedensday" is not a day the importer knows; it was dropped' });
    expect(result.warnings.list).toContainEqual({ source: 'row 5 (Bad Pin Walk)', field: 'coordinates', message: 'has coordinates outside the valid range (latitude 53.54, longitude -202.11); they were dropped' });
  });

  it('leaves out a row whose frequency or times cannot be read, saying what would work', () => {
    expect(oneRow('Tea Dance,Dancing.,Royton Dancers,Royton Town Hall,OL2 5QD,53.5658,-2.1218,Wed,14:00,16:00,now and then,Free').warnings.list).toEqual([
      { source: 'row 2 (Tea Dance)', field: 'frequency', message: 'frequency "now and then" is not understood (try "every week", "every 2 weeks", "2nd Tuesday of the month", "once" or "by arrangement"); it was not imported' },
    ]);
    const late = oneRow('Tea Dance,Dancing.,Royton Dancers,Royton Town Hall,OL2 5QD,53.5658,-2.1218,Wed,16:00,14:00,every week,Free');
    expect(late.activities).toEqual([]);
    expect(late.warnings.list[0]).toEqual({ source: 'row 2 (Tea Dance)', field: 'days', message: 'a session ends (14:00) before it starts (16:00); sessions past midnight cannot be listed; it was dropped' });
  });

  it('gives a second row with the same name its own id, and says so', () => {
    const row = 'Tea Dance,Dancing.,Royton Dancers,Royton Town Hall,OL2 5QD,53.5658,-2.1218,Wed,14:00,16:00,every week,Free';
    const result = importCsv([{ name: 'list.csv', text: `${HEADER}\n${row}\n${row.replace('Wed', 'Fri')}\n` }], OPTIONS);
    expect(result.activities.map((item) => item.id)).toEqual(['tea-dance', 'tea-dance-2']);
    expect(result.warnings.list.filter((warning) => warning.field !== 'categories')).toEqual([
      { source: 'row 3 (Tea Dance)', field: 'name', message: 'id "tea-dance" is already used by an earlier row; this row was given "tea-dance-2" (give each row its own id)' },
    ]);
    // Both rows share one venue and one organisation.
    expect([...result.registry.venues.keys()]).toEqual(['royton-town-hall']);
    expect([...result.registry.organisations.keys()]).toEqual(['royton-dancers']);
  });

  it('reads "every 3 weeks", "first Monday of the month" and 12-hour times', () => {
    expect(oneRow('Tea Dance,Dancing.,Royton Dancers,Royton Town Hall,OL2 5QD,53.5658,-2.1218,Wed,2pm,4.30pm,every 3 weeks,£3').activities[0]?.schedule).toEqual([
      { freq: 'weekly', days: ['we'], start: '14:00', end: '16:30', interval: 3 },
    ]);
    expect(oneRow('Tea Dance,Dancing.,Royton Dancers,Royton Town Hall,ol2 5qd,53.5658,-2.1218,,14:00,16:00,first Monday of the month,Free').activities[0]?.schedule).toEqual([
      { freq: 'monthly', days: ['mo'], weekOfMonth: 1, start: '14:00', end: '16:00' },
    ]);
  });
});
