// Open Referral UK services (UK profile v1 and version 3) to feed activities: what maps where, and the warnings
// that name the source record for everything that could not be used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import { buildFeed, type ImportResult } from '../../scripts/import/feed';
import { importOruk, type SourceDocument } from '../../scripts/import/oruk';

const NOW = new Date('2026-11-23T00:00:00Z');
const OPTIONS = { now: NOW, timeZone: 'Europe/London' };
const folder = resolve(import.meta.dirname, '../fixtures/import/oruk');
const fixture = (name: string): SourceDocument => ({ name, json: JSON.parse(readFileSync(resolve(folder, name), 'utf8')) as unknown });
const both = () => importOruk([fixture('services-v1.json'), fixture('services-v3-page.json')], OPTIONS);

function activity(result: ImportResult, name: string) {
  const found = result.activities.find((item) => item.name === name);
  if (!found) throw new Error(`no activity named ${name}; have ${result.activities.map((item) => item.name).join(', ')}`);
  return found;
}

const service = (fields: Record<string, unknown>) => ({
  id: 'svc-1',
  name: 'Tea Dance',
  description: 'Ballroom and sequence dancing with tea and biscuits.',
  organization: { id: 'org-1', name: 'Royton Dancers' },
  cost_options: [{ amount: 0 }],
  service_at_locations: [{ location: { id: 'loc-1', name: 'Royton Town Hall', latitude: 53.5658, longitude: -2.1218, addresses: [{ address_1: 'Market Square', city: 'Royton', postal_code: 'OL2 5QD' }] } }],
  ...fields,
});

describe('Open Referral UK, original UK profile (v1)', () => {
  it('maps a service with its organisation, venue, schedule, languages, audience and contact', () => {
    const result = both();
    const knit = activity(result, 'Knit and Natter');
    expect(knit).toMatchObject({
      id: '7c1e4b52-2f0a-4d1e-9a51-3b8f0c2d6e01',
      summary: 'A relaxed Tuesday morning of knitting, crochet and chat over tea. Complete beginners are very welcome.',
      categories: ['arts-and-crafts', 'social'],
      organisation: 'pennine-threads',
      venue: 'the-werneth-hive',
      online: false,
      cost: { free: true },
      languages: ['en', 'ur', 'pa'],
      audience: { minAge: 16, tags: [] },
      howToJoin: 'drop-in',
      contact: { name: 'Shazia', phone: '07700 900241', email: 'werneth@pennine-threads.example.org', website: 'https://pennine-threads.example.org/knit-and-natter' },
      status: 'active',
      checked: '2026-10-05',
    });
    // The holiday closure (22–29 Dec) skips only the Tuesdays in it.
    expect(knit.schedule).toEqual([{ freq: 'weekly', days: ['tu'], start: '10:00', end: '12:00', interval: 1, except: ['2026-12-22', '2026-12-29'] }]);
    expect(result.registry.venues.get('the-werneth-hive')).toEqual({
      id: 'the-werneth-hive', name: 'The Werneth Hive', address: '12 Manchester Road, Oldham', postcode: 'OL8 4AB', lat: 53.5361, lng: -2.1322, accessibility: ['step-free', 'baby-changing'],
    });
  });

  it('reduces HTML in a description to plain text and says so', () => {
    const result = both();
    const knit = activity(result, 'Knit and Natter');
    expect(knit.description).toBe('A relaxed Tuesday morning of knitting, crochet and chat over tea. Complete beginners are very welcome.\n\nWe have spare needles and a basket of donated wool:\n\n* bring a project you are stuck on\n* or start from scratch');
    expect(result.warnings.list).toContainEqual({ source: 'service 7c1e4b52-2f0a-4d1e-9a51-3b8f0c2d6e01 (Knit and Natter)', field: 'description', message: 'contained HTML, which was reduced to plain text' });
  });

  it('reads a monthly BYDAY with a week number, two days a week, status and paid cost options', () => {
    const result = both();
    expect(activity(result, "Carers' Coffee Morning")).toMatchObject({
      schedule: [{ freq: 'monthly', days: ['we'], weekOfMonth: 1, start: '10:30', end: '12:00' }],
      cost: { free: true, note: 'Session: Free, donations welcome' },
      audience: { tags: ['carers'] },
    });
    expect(activity(result, 'Chair Yoga')).toMatchObject({
      schedule: [{ freq: 'weekly', days: ['mo', 'th'], start: '14:00', end: '15:00', interval: 1 }],
      status: 'paused',
      cost: { free: false, note: 'Per class: £2.50' },
      howToJoin: 'professional-referral',
      venue: 'the-werneth-hive',
    });
    // Two services at one location share one venue.
    expect([...result.registry.venues.keys()].filter((id) => id.startsWith('the-werneth-hive'))).toEqual(['the-werneth-hive']);
  });

  it('leaves out a service whose only location has coordinates outside the valid range, naming it', () => {
    const result = both();
    expect(result.activities.map((item) => item.name)).not.toContain("Men's Walk and Talk");
    const source = "service 5a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c03 (Men's Walk and Talk)";
    expect(result.warnings.list).toContainEqual({ source: `${source}, location loc-alexandra-park`, field: 'coordinates', message: 'has coordinates outside the valid range (latitude 253.533, longitude -2.103); they were dropped' });
    expect(result.warnings.list).toContainEqual({ source, field: 'service_at_locations', message: 'has no location that can be placed on the map; it was not imported' });
  });
});

describe('Open Referral UK version 3', () => {
  it('reads a paged response and a monthly rule written as BYDAY=TU with BYMONTHDAY=8..14 (the 2nd Tuesday)', () => {
    const result = importOruk([fixture('services-v3-page.json')], OPTIONS);
    expect(result.activities).toHaveLength(3);
    expect(activity(result, 'Bereavement Support Group')).toMatchObject({
      id: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a05',
      categories: ['bereavement', 'mental-health-and-wellbeing'],
      organisation: 'oldham-bereavement-friends',
      venue: 'oldham-library',
      schedule: [{ freq: 'monthly', days: ['tu'], weekOfMonth: 2, start: '13:30', end: '15:00', from: '2026-01-01' }],
      cost: { free: true },
      languages: ['en', 'bn'],
      audience: { minAge: 18, tags: ['bereaved'] },
      contact: { phone: '0161 496 0301', website: 'https://bereavement-friends.example.org/groups/oldham' },
      checked: '2026-09-14',
    });
    expect(result.registry.venues.get('oldham-library')).toMatchObject({ address: 'Gallery Oldham, Greaves Street, Oldham', postcode: 'OL1 1AL', accessibility: ['step-free', 'accessible-toilet', 'hearing-loop'] });
    expect(result.registry.organisations.get('oldham-bereavement-friends')).toEqual({ id: 'oldham-bereavement-friends', name: 'Oldham Bereavement Friends', website: 'https://bereavement-friends.example.org', email: 'hello@bereavement-friends.example.org' });
  });

  it('reads a fortnightly rule and an online service, and warns about unknown day codes and languages', () => {
    const result = importOruk([fixture('services-v3-page.json')], OPTIONS);
    expect(activity(result, 'Repair Café')).toMatchObject({
      schedule: [{ freq: 'weekly', days: ['sa'], interval: 2, from: '2026-11-07', start: '10:00', end: '13:00' }],
      cost: { free: false, note: 'Suggested donation: £3. Pay what you can' },
    });
    const poetry = activity(result, 'Online Poetry Circle');
    expect(poetry).toMatchObject({ online: true, schedule: [{ freq: 'weekly', days: ['th'], start: '19:00', end: '20:30' }], languages: ['en'] });
    expect(poetry.venue).toBeUndefined();
    const source = 'service c3d2e1f0-a9b8-4c7d-9e6f-5a4b3c2d1e07 (Online Poetry Circle)';
    expect(result.warnings.list).toContainEqual({ source, field: 'schedule sch-303', message: '"FUN" is not a day the importer knows; it was dropped' });
    expect(result.warnings.list).toContainEqual({ source, field: 'languages', message: 'language "Klingon" is not a language name or code the importer knows; it was dropped' });
  });

  it('accepts {"content": [...]} pages, skips defunct services and drops rules the feed cannot express', () => {
    const result = importOruk([{ name: 'page-1.json', json: { totalElements: 3, content: [
      service({ id: 'a', schedules: [{ id: 's1', freq: 'MONTHLY', bymonthday: '15', opens_at: '14:00', closes_at: '16:00' }] }),
      service({ id: 'b', name: 'Old Club', status: 'defunct' }),
      service({ id: 'c', name: 'Late Disco', schedules: [{ id: 's2', freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '01:00' }, { id: 's3', freq: 'WEEKLY', byday: '5FR', opens_at: '19:00', closes_at: '21:00' }] }),
    ] } }], OPTIONS);
    expect(result.activities.map((item) => item.id)).toEqual(['a', 'c']);
    expect(result.activities[0]!.schedule).toEqual([]);
    expect(result.activities[1]!.schedule).toEqual([{ freq: 'weekly', days: ['fr'], start: '19:00', end: '21:00', interval: 1 }]);
    expect(result.warnings.list).toEqual(expect.arrayContaining([
      { source: 'service a (Tea Dance)', field: 'schedule s1', message: "a session on day 15 of the month cannot be listed (only 'the 2nd Tuesday' kinds of rule can); it was dropped" },
      { source: 'service a (Tea Dance)', field: 'schedules', message: 'has no schedule the importer could use; it is listed as "by arrangement"' },
      { source: 'service b (Old Club)', field: 'status', message: 'has status "defunct"; it was not imported' },
      { source: 'service c (Late Disco)', field: 'schedule s2', message: 'a session ends (01:00) before it starts (22:00); sessions past midnight cannot be listed; it was dropped' },
      { source: 'service c (Late Disco)', field: 'schedule s3', message: 'a weekly session names a week of the month; the week was ignored' },
    ]));
  });

  it('lists a service without an organisation under --publisher, or leaves it out with a warning', () => {
    const orphan = service({ id: 'x', organization: undefined });
    expect(importOruk([{ name: 'f.json', json: [orphan] }], OPTIONS).warnings.list).toContainEqual({
      source: 'service x (Tea Dance)', field: 'organization', message: 'names no organisation (give --publisher NAME to list such services under the hub); it was not imported',
    });
    const result = importOruk([{ name: 'f.json', json: [orphan] }], { ...OPTIONS, publisher: 'Oldham Social Prescribing' });
    expect(result.activities[0]?.organisation).toBe('oldham-social-prescribing');
    expect(result.registry.organisations.get('oldham-social-prescribing')?.name).toBe('Oldham Social Prescribing');
  });

  it('warns about a file that holds no services', () => {
    const result = importOruk([{ name: 'wrong.json', json: { message: 'Unauthorised' } }], OPTIONS);
    expect(result.warnings.list).toEqual([{ source: 'file wrong.json', message: 'holds no Open Referral UK services (expected a list of services, or {"content": [...]})' }]);
  });
});

describe('the imported Open Referral UK feed', () => {
  it('passes the feed checker with no errors', () => {
    const built = buildFeed(both(), { now: NOW, timeZone: 'Europe/London' });
    if (!('feed' in built)) throw new Error(built.error);
    const result = checkFeed(built.feed, { now: NOW });
    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    expect(result.feed?.activities).toHaveLength(6);
    expect(built.feed.area).toMatchObject({ name: 'Oldham', timeZone: 'Europe/London', zoom: 12 });
  });
});
