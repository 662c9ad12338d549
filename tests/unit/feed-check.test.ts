import { describe, expect, it } from 'vitest';
import { checkFeed, type CheckResult, type Problem } from '../../src/feed/check';
import { FIXTURE_NOW, at, minimalFeed, type FeedJson } from './fixtures';

/** For putting wrong types into a fixture. */
function loose(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** A copy of `value` without the named fields. */
function without(value: object, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

function check(feed: unknown, now = FIXTURE_NOW): CheckResult {
  return checkFeed(feed, { now });
}

function errors(result: CheckResult): Problem[] {
  return result.problems.filter((p) => p.level === 'error');
}

function warnings(result: CheckResult): Problem[] {
  return result.problems.filter((p) => p.level === 'warning');
}

/** path → code of every problem, for compact assertions. */
function summary(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.level} ${p.code} ${p.path}`);
}

function activityIds(result: CheckResult): string[] {
  return result.feed?.activities.map((a) => a.id) ?? [];
}

describe('checkFeed on a valid feed', () => {
  it('reports nothing and returns every record, with lookups by id', () => {
    const result = check(minimalFeed());
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual({ activities: 0, venues: 0, organisations: 0, categories: 0, places: 0 });
    const feed = result.feed;
    expect(feed).not.toBeNull();
    expect(activityIds(result)).toEqual(['knit-and-natter-werneth', 'memory-cafe-library', 'winter-craft-fair-online']);
    expect([...(feed?.categories.keys() ?? [])]).toEqual(['craft', 'social']);
    expect(feed?.organisations.get('age-uk-oldham')?.name).toBe('Age UK Oldham');
    expect(feed?.venues.get('oldham-library')?.lat).toBe(53.5431);
    expect(feed?.area.places.map((p) => p.id)).toEqual(['oldham-town-centre', 'werneth']);
    expect(feed?.area.timeZone).toBe('Europe/London');
    expect(feed?.referral?.endpoint).toBe('/api/referrals');
    expect(feed?.defaultLanguage).toBe('en');
    expect(feed?.sample).toBe(true);
  });

  it('fills in the defaults of optional fields', () => {
    const activity = at(check(minimalFeed()).feed?.activities ?? [], 2);
    expect(activity.status).toBe('active');
    expect(activity.childcare).toBe(false);
    expect(activity.languages).toEqual([]);
  });

  it('accepts a feed without referral, places or any lists', () => {
    const feed = minimalFeed();
    delete feed.referral;
    delete feed.area.places;
    expect(check(feed).problems).toEqual([]);
    const result = check(without(minimalFeed(), 'categories', 'organisations', 'venues', 'activities'));
    expect(result.problems).toEqual([]);
    expect(result.feed?.activities).toEqual([]);
  });
});

describe('checkFeed rejects an unusable envelope', () => {
  it.each([
    ['null', null, 'must be a JSON object'],
    ['a list', [minimalFeed()], 'found a list'],
    ['a string', 'activity-feed', 'found "activity-feed"'],
  ])('not an object: %s', (_name, value, text) => {
    const result = check(value);
    expect(result.feed).toBeNull();
    expect(summary(result.problems)).toEqual(['error not-an-object $']);
    expect(at(result.problems, 0).message).toContain(text);
  });

  it('wrong format', () => {
    const feed = minimalFeed();
    feed.format = 'openactive';
    const result = check(feed);
    expect(result.feed).toBeNull();
    expect(summary(result.problems)).toEqual(['error wrong-format $.format']);
    expect(at(result.problems, 0).message).toBe('feed: format must be "activity-feed" (found "openactive")');
  });

  it.each([2, '1', 0])('wrong version %j', (version) => {
    const feed = minimalFeed();
    loose(feed).version = version;
    const result = check(feed);
    expect(result.feed).toBeNull();
    expect(summary(result.problems)).toEqual(['error wrong-version $.version']);
  });

  it('does not look at the records of a feed in another format', () => {
    const feed = minimalFeed();
    feed.format = 'something-else';
    at(feed.activities, 0).venue = 'nowhere';
    expect(summary(check(feed).problems)).toEqual(['error wrong-format $.format']);
  });

  it.each(['generated', 'defaultLanguage', 'area'])('missing %s', (field) => {
    const result = check(without(minimalFeed(), field));
    expect(result.feed).toBeNull();
    expect(summary(errors(result))).toEqual([`error missing-field $.${field}`]);
    expect(at(result.problems, 0).message).toBe(`feed: ${field} is required but missing`);
  });

  it.each([
    ['area.timeZone', (f: FeedJson) => (f.area.timeZone = 'Europe/Oldham'), '$.area.timeZone', 'must be an IANA time zone'],
    ['area.centre.lat', (f: FeedJson) => (f.area.centre.lat = 91), '$.area.centre.lat', 'must be between -90 and 90 (found 91)'],
    ['area.zoom', (f: FeedJson) => (loose(f.area).zoom = 'close'), '$.area.zoom', 'must be a number (found "close")'],
    ['generated', (f: FeedJson) => (f.generated = '20/11/2026'), '$.generated', 'must be a date and time'],
    ['activities', (f: FeedJson) => (loose(f).activities = { a: 1 }), '$.activities', 'must be a list (found an object)'],
  ])('a bad %s', (_name, breakIt, path, text) => {
    const feed = minimalFeed();
    breakIt(feed);
    const result = check(feed);
    expect(result.feed).toBeNull();
    expect(summary(errors(result))).toEqual([`error invalid-field ${path}`]);
    expect(at(errors(result), 0).detail).toContain(text);
  });

  it('still reports the problems of the records when the envelope is broken, so one run finds everything', () => {
    const feed = minimalFeed();
    delete loose(feed).generated;
    at(feed.activities, 1).venue = 'nowhere';
    const result = check(feed);
    expect(result.feed).toBeNull();
    expect(summary(errors(result))).toEqual(['error missing-field $.generated', 'error unknown-venue $.activities[1].venue']);
    expect(result.skipped.activities).toBe(1);
  });
});

describe('checkFeed skips bad records, one at a time', () => {
  it('a required field missing: the activity is skipped and counted, the rest kept', () => {
    const feed = minimalFeed();
    delete loose(at(feed.activities, 1)).summary;
    const result = check(feed);
    expect(result.feed).not.toBeNull();
    expect(summary(result.problems)).toEqual(['error missing-field $.activities[1].summary']);
    const [problem] = result.problems;
    expect(problem?.id).toBe('memory-cafe-library');
    expect(problem?.message).toBe('activities[1] (id memory-cafe-library): summary is required but missing');
    expect(result.skipped.activities).toBe(1);
    expect(activityIds(result)).toEqual(['knit-and-natter-werneth', 'winter-craft-fair-online']);
  });

  it.each([
    ['name a number', (a: Record<string, unknown>) => (a.name = 5), '$.activities[0].name'],
    ['name empty', (a: Record<string, unknown>) => (a.name = '   '), '$.activities[0].name'],
    ['categories a string', (a: Record<string, unknown>) => (a.categories = 'craft'), '$.activities[0].categories'],
    ['no categories', (a: Record<string, unknown>) => (a.categories = []), '$.activities[0].categories'],
    ['cost.free a string', (a: Record<string, unknown>) => (a.cost = { free: 'yes' }), '$.activities[0].cost.free'],
    ['an unknown status', (a: Record<string, unknown>) => (a.status = 'closed'), '$.activities[0].status'],
    ['an unknown howToJoin', (a: Record<string, unknown>) => (a.howToJoin = 'walk-in'), '$.activities[0].howToJoin'],
    ['an id with capitals', (a: Record<string, unknown>) => (a.id = 'Knit-And-Natter'), '$.activities[0].id'],
    ['an id of 81 characters', (a: Record<string, unknown>) => (a.id = 'a'.repeat(81)), '$.activities[0].id'],
    ['a Text in a bad language code', (a: Record<string, unknown>) => (a.summary = { 'english please': 'Hi' }), '$.activities[0].summary["english please"]'],
  ])('wrong type or value: %s', (_name, breakIt, path) => {
    const feed = minimalFeed();
    breakIt(loose(at(feed.activities, 0)));
    const result = check(feed);
    expect(summary(result.problems)).toEqual([`error invalid-field ${path}`]);
    expect(result.skipped.activities).toBe(1);
    expect(result.feed?.activities).toHaveLength(2);
  });

  it('an activity that is not an object', () => {
    const feed = minimalFeed();
    loose(feed).activities = [...feed.activities, null, 'knit'];
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['error invalid-field $.activities[3]', 'error invalid-field $.activities[4]']);
    expect(at(result.problems, 0).message).toBe('activities[3]: must be an object (found null)');
    expect(result.skipped.activities).toBe(2);
  });

  it('an activity with neither venue nor online', () => {
    const feed = minimalFeed();
    delete at(feed.activities, 0).venue;
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['error invalid-field $.activities[0]']);
    expect(at(result.problems, 0).message).toContain('needs a venue, or "online": true');
  });

  it('duplicate ids: an error, the first kept and the later ones skipped', () => {
    const feed = minimalFeed();
    feed.activities.push({ ...at(feed.activities, 0), name: 'Second knit' }, { ...at(feed.activities, 0), name: 'Third knit' });
    feed.venues.push({ ...at(feed.venues, 1), name: 'Another library' });
    const result = check(feed);
    expect(summary(result.problems)).toEqual([
      'error duplicate-id $.venues[2].id',
      'error duplicate-id $.activities[3].id',
      'error duplicate-id $.activities[4].id',
    ]);
    expect(at(result.problems, 1).message).toBe(
      'activities[3] (id knit-and-natter-werneth): id "knit-and-natter-werneth" is also used by activities[0]; ids must be unique among activities, so this one is skipped',
    );
    expect(result.skipped).toMatchObject({ activities: 2, venues: 1 });
    expect(result.feed?.activities.filter((a) => a.id === 'knit-and-natter-werneth').map((a) => a.name)).toEqual(['Knit and Natter']);
    expect(result.feed?.venues.get('oldham-library')?.name).toBe('Oldham Library');
  });

  it('duplicate ids in categories, organisations and places too', () => {
    const feed = minimalFeed();
    feed.categories.push({ id: 'craft', name: 'Crafts again' });
    feed.organisations.push({ id: 'age-uk-oldham', name: 'Age UK' });
    feed.area.places?.push({ id: 'werneth', name: 'Werneth again', lat: 53.5, lng: -2.1 });
    const result = check(feed);
    expect(summary(result.problems)).toEqual([
      'error duplicate-id $.area.places[2].id',
      'error duplicate-id $.categories[2].id',
      'error duplicate-id $.organisations[2].id',
    ]);
    expect(result.skipped).toEqual({ activities: 0, venues: 0, organisations: 1, categories: 1, places: 1 });
    expect(result.feed?.categories.get('craft')?.name).toBe('Arts and crafts');
  });

  it.each([
    ['category', (f: FeedJson) => (at(f.activities, 0).categories = ['craft', 'knitting']), 'error unknown-category $.activities[0].categories[1]', 'category "knitting" is not in categories'],
    ['organisation', (f: FeedJson) => (at(f.activities, 0).organisation = 'age-uk'), 'error unknown-organisation $.activities[0].organisation', 'organisation "age-uk" is not in organisations'],
    ['venue', (f: FeedJson) => (at(f.activities, 0).venue = 'werneth-centre'), 'error unknown-venue $.activities[0].venue', 'venue "werneth-centre" is not in venues'],
  ])('a reference to an unknown %s: the activity is skipped and counted', (_name, breakIt, expected, detail) => {
    const feed = minimalFeed();
    breakIt(feed);
    const result = check(feed);
    expect(summary(result.problems)).toEqual([expected]);
    expect(at(result.problems, 0).message).toBe(`activities[0] (id knit-and-natter-werneth): ${detail}`);
    expect(result.skipped.activities).toBe(1);
    expect(activityIds(result)).toEqual(['memory-cafe-library', 'winter-craft-fair-online']);
  });

  it('a reference to a skipped record is an error too, and says why', () => {
    const feed = minimalFeed();
    loose(at(feed.venues, 0)).lat = 153.5; // latitude out of range
    loose(at(feed.venues, 1)).lng = -200; // longitude out of range
    loose(at(feed.organisations, 0)).website = 'javascript:alert(1)';
    const result = check(feed);
    expect(summary(result.problems)).toEqual([
      'error invalid-field $.organisations[0].website',
      'error invalid-field $.venues[0].lat',
      'error invalid-field $.venues[1].lng',
      'error unknown-organisation $.activities[0].organisation',
      'error unknown-venue $.activities[0].venue',
      'error unknown-venue $.activities[1].venue',
      'error unknown-organisation $.activities[2].organisation',
    ]);
    expect(at(result.problems, 1).detail).toBe('must be between -90 and 90 (found 153.5)');
    expect(at(result.problems, 2).detail).toBe('must be between -180 and 180 (found -200)');
    expect(at(result.problems, 4).detail).toBe('venue "werneth-community-centre" is in venues but was skipped because of the errors reported there');
    expect(result.skipped).toEqual({ activities: 3, venues: 2, organisations: 1, categories: 0, places: 0 });
    expect(result.feed?.activities).toEqual([]);
  });

  it('an online activity needs no venue, but a venue it names must exist', () => {
    const feed = minimalFeed();
    at(feed.activities, 2).venue = 'nowhere';
    expect(summary(check(feed).problems)).toEqual(['error unknown-venue $.activities[2].venue']);
  });

  it('an invalid place is skipped and counted', () => {
    const feed = minimalFeed();
    loose(at(feed.area.places ?? [], 0)).lat = 'north';
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['error invalid-field $.area.places[0].lat']);
    expect(result.skipped.places).toBe(1);
    expect(result.feed?.area.places.map((p) => p.id)).toEqual(['werneth']);
  });
});

describe('checkFeed checks sessions', () => {
  function withSession(session: Record<string, unknown>): CheckResult {
    const feed = minimalFeed();
    loose(at(feed.activities, 0)).schedule = [session];
    return check(feed);
  }

  it.each([
    ['an invalid time', { freq: 'weekly', days: ['tu'], start: '24:00', end: '25:00' }, ['$.activities[0].schedule[0].start', '$.activities[0].schedule[0].end']],
    ['a time without a leading zero', { freq: 'weekly', days: ['tu'], start: '9:00', end: '10:00' }, ['$.activities[0].schedule[0].start']],
    ['an invalid date', { freq: 'once', date: '2026-02-30', start: '10:00', end: '11:00' }, ['$.activities[0].schedule[0].date']],
    ['an invalid except date', { freq: 'weekly', days: ['tu'], start: '10:00', end: '11:00', except: ['2026-12-22', '22/12/2026'] }, ['$.activities[0].schedule[0].except[1]']],
    ['an invalid day code', { freq: 'weekly', days: ['tu', 'tue'], start: '10:00', end: '11:00' }, ['$.activities[0].schedule[0].days[1]']],
    ['no days', { freq: 'weekly', days: [], start: '10:00', end: '11:00' }, ['$.activities[0].schedule[0].days']],
    ['an invalid weekOfMonth', { freq: 'monthly', days: ['we'], weekOfMonth: 5, start: '10:00', end: '11:00' }, ['$.activities[0].schedule[0].weekOfMonth']],
    ['an unknown freq', { freq: 'daily', start: '10:00', end: '11:00' }, ['$.activities[0].schedule[0].freq']],
    ['end before start', { freq: 'once', date: '2026-12-05', start: '14:00', end: '11:00' }, ['$.activities[0].schedule[0].end']],
    ['end equal to start', { freq: 'weekly', days: ['mo'], start: '14:00', end: '14:00' }, ['$.activities[0].schedule[0].end']],
  ])('%s is an error at its path, and the activity is skipped', (_name, session, paths) => {
    const result = withSession(session);
    expect(errors(result).map((p) => p.path)).toEqual(paths);
    expect(errors(result).every((p) => p.code === 'invalid-field' && p.id === 'knit-and-natter-werneth')).toBe(true);
    expect(result.skipped.activities).toBe(1);
  });

  it('says what is wrong in words a hub worker understands', () => {
    const result = withSession({ freq: 'once', date: '2026-12-05', start: '14:00', end: '11:00' });
    expect(at(result.problems, 0).message).toBe('activities[0] (id knit-and-natter-werneth): schedule[0].end must be after start');
    const time = withSession({ freq: 'weekly', days: ['tu'], start: '10:00', end: '25:00' });
    expect(at(time.problems, 0).message).toBe('activities[0] (id knit-and-natter-werneth): schedule[0].end must be a time HH:MM (found "25:00")');
  });
});

describe('checkFeed allows only web addresses', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JavaScript:alert(1)', 'ftp://example.org', 'example.org', '//example.org'])(
    'rejects %s as a website',
    (url) => {
      const feed = minimalFeed();
      at(feed.organisations, 0).website = url;
      at(feed.activities, 1).contact = { website: url };
      const result = check(feed);
      expect(summary(errors(result))).toContain('error invalid-field $.organisations[0].website');
      expect(summary(errors(result))).toContain('error invalid-field $.activities[1].contact.website');
    },
  );

  it('accepts http and https websites', () => {
    const feed = minimalFeed();
    at(feed.organisations, 0).website = 'http://example.org/';
    at(feed.organisations, 1).website = 'HTTPS://example.org/a?b=c';
    expect(check(feed).problems).toEqual([]);
  });

  it('an invalid referral block is an error, but the feed is still usable without it', () => {
    const feed = minimalFeed();
    loose(feed.referral ?? {}).privacyNotice = 'javascript:alert(1)';
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['error invalid-field $.referral.privacyNotice']);
    expect(at(result.problems, 0).message).toBe('feed: referral.privacyNotice must be an http: or https: address (found "javascript:alert(1)")');
    expect(result.feed).not.toBeNull();
    expect(result.feed?.referral).toBeUndefined();
    expect(result.feed?.activities).toHaveLength(3);
  });

  it.each(['/api/referrals', 'https://hub.example.org/referrals'])('accepts the referral endpoint %s', (endpoint) => {
    const feed = minimalFeed();
    if (feed.referral) feed.referral.endpoint = endpoint;
    const result = check(feed);
    expect(result.problems).toEqual([]);
    expect(result.feed?.referral?.endpoint).toBe(endpoint);
  });

  it.each(['http://hub.example.org/referrals', '//evil.example.org/referrals', 'api/referrals', 'javascript:alert(1)', 'data:,x'])(
    'rejects the referral endpoint %s',
    (endpoint) => {
      const feed = minimalFeed();
      if (feed.referral) feed.referral.endpoint = endpoint;
      const result = check(feed);
      expect(summary(result.problems)).toEqual(['error invalid-field $.referral.endpoint']);
      expect(result.feed?.referral).toBeUndefined();
    },
  );
});

describe('checkFeed keeps hostile or huge text as text', () => {
  it('keeps markup in a name verbatim, without an error', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).name = '<script>alert(1)</script>';
    at(feed.activities, 1).summary = '<img src=x onerror=alert(1)>';
    const result = check(feed);
    expect(result.problems).toEqual([]);
    expect(at(result.feed?.activities ?? [], 0).name).toBe('<script>alert(1)</script>');
    expect(at(result.feed?.activities ?? [], 1).summary).toBe('<img src=x onerror=alert(1)>');
  });

  it('warns about a 100 KB name, keeps the activity, and keeps the message short', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).name = 'x'.repeat(100_000);
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['warning text-too-long $.activities[0].name']);
    expect(at(result.problems, 0).message).toBe(
      'activities[0] (id knit-and-natter-werneth): name is 100,000 characters long (more than 200); the app will shorten it',
    );
    expect(result.feed?.activities).toHaveLength(3);
  });

  it('warns about long summaries and descriptions, per language', () => {
    const feed = minimalFeed();
    at(feed.activities, 1).summary = { en: 'Short.', ur: 'ب'.repeat(1001) };
    at(feed.activities, 0).description = 'y'.repeat(20_001);
    at(feed.categories, 0).name = 'z'.repeat(201);
    const result = check(feed);
    expect(summary(warnings(result)).filter((s) => s.includes('text-too-long'))).toEqual([
      'warning text-too-long $.activities[0].description',
      'warning text-too-long $.activities[1].summary.ur',
      'warning text-too-long $.categories[0].name',
    ]);
    expect(errors(result)).toEqual([]);
  });

  it('names a record by a hostile id without breaking the line', () => {
    const feed = minimalFeed();
    loose(at(feed.activities, 0)).id = 'bad\nid';
    const result = check(feed);
    expect(at(result.problems, 0).id).toBeUndefined();
    expect(at(result.problems, 0).message).not.toContain('\n');
  });
});

describe('checkFeed warns, and keeps the record', () => {
  it('unknown fields at any depth, with a suggestion for a likely typo', () => {
    const feed = minimalFeed();
    loose(feed).publisher = 'Oldham Council';
    loose(feed.area).centre = { lat: 53.5409, lng: -2.1114, alt: 200 };
    loose(feed.referral ?? {}).fax = '0161';
    loose(at(feed.area.places ?? [], 0)).population = 1000;
    loose(at(feed.categories, 0)).icon = 'wool';
    loose(at(feed.organisations, 0)).charityNumber = '123';
    loose(at(feed.venues, 0)).acessibility = ['step-free'];
    const activity = loose(at(feed.activities, 0));
    activity.colour = 'red';
    activity.cost = { free: true, currency: 'GBP' };
    activity.audience = { minAge: 18, Gender: 'women' };
    activity.contact = { name: 'Sam', mobile: '07000' };
    activity.schedule = [{ freq: 'weekly', days: ['tu'], start: '10:00', end: '12:00', untill: '2027-01-01' }];
    const result = check(feed);
    expect(errors(result)).toEqual([]);
    expect(summary(result.problems)).toEqual([
      'warning unknown-field $.area.centre.alt',
      'warning unknown-field $.referral.fax',
      'warning unknown-field $.publisher',
      'warning unknown-field $.area.places[0].population',
      'warning unknown-field $.categories[0].icon',
      'warning unknown-field $.organisations[0].charityNumber',
      'warning unknown-field $.venues[0].acessibility',
      'warning unknown-field $.activities[0].schedule[0].untill',
      'warning unknown-field $.activities[0].cost.currency',
      'warning unknown-field $.activities[0].audience.Gender',
      'warning unknown-field $.activities[0].colour',
      'warning unknown-field $.activities[0].contact.mobile',
    ]);
    const byPath = new Map(result.problems.map((p) => [p.path, p]));
    expect(byPath.get('$.venues[0].acessibility')?.message).toBe(
      'venues[0] (id werneth-community-centre): acessibility is not a known field and is ignored (did you mean "accessibility"?)',
    );
    expect(byPath.get('$.activities[0].schedule[0].untill')?.detail).toContain('did you mean "until"?');
    expect(byPath.get('$.activities[0].audience.Gender')?.detail).toContain('did you mean "gender"?');
    expect(byPath.get('$.publisher')?.detail).toBe('is not a known field and is ignored');
    expect(result.feed?.activities).toHaveLength(3);
  });

  it('does not treat the language codes of a Text as fields', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).name = { en: 'Knit and Natter', ur: 'بنائی' };
    at(feed.activities, 1).name = { en: 'Memory Café', ur: 'میموری کیفے' };
    at(feed.activities, 2).name = { en: 'Winter craft fair', ur: 'سرمائی میلہ' };
    expect(check(feed).problems).toEqual([]);
  });

  it('a venue more than 50 km from the area centre', () => {
    const feed = minimalFeed();
    Object.assign(at(feed.venues, 1), { lat: 53.4808, lng: -2.2426 }); // Manchester: about 10 km, fine
    Object.assign(at(feed.venues, 0), { lat: 51.5072, lng: -0.1276 }); // London
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['warning venue-far $.venues[0]']);
    expect(at(result.problems, 0).message).toBe(
      'venues[0] (id werneth-community-centre): is 263 km from the centre of Oldham (more than 50 km): check its lat and lng',
    );
    expect(result.feed?.venues.size).toBe(2);
    expect(result.feed?.activities).toHaveLength(3);
  });

  it('a listing checked more than 6 months ago', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).checked = '2026-05-19'; // 6 months and a day before 2026-11-20
    at(feed.activities, 1).checked = '2026-05-20'; // exactly 6 months: still fine
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['warning stale $.activities[0].checked']);
    expect(at(result.problems, 0).message).toBe(
      'activities[0] (id knit-and-natter-werneth): the listing was last confirmed on 2026-05-19, more than 6 months ago: is it still running?',
    );
    expect(result.feed?.activities).toHaveLength(3);
  });

  it('judges staleness by the date it is checked on', () => {
    const result = check(minimalFeed(), new Date('2027-04-02T12:00:00Z'));
    expect(summary(result.problems.filter((p) => p.code === 'stale'))).toEqual(['warning stale $.activities[0].checked', 'warning stale $.activities[1].checked']);
  });

  it('an activity whose sessions are all in the past', () => {
    const feed = minimalFeed();
    loose(at(feed.activities, 2)).schedule = [{ freq: 'once', date: '2026-11-01', start: '11:00', end: '14:00' }];
    at(feed.activities, 0).schedule = [{ freq: 'weekly', days: ['tu'], start: '10:00', end: '12:00', until: '2026-11-17' }];
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['warning no-future-occurrence $.activities[0].schedule', 'warning no-future-occurrence $.activities[2].schedule']);
    expect(at(result.problems, 1).message).toBe(
      'activities[2] (id winter-craft-fair-online): the schedule has no session after 2026-11-20; all its dates are in the past',
    );
    expect(result.feed?.activities).toHaveLength(3);
  });

  it('does not warn about an empty schedule (by arrangement)', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).schedule = [];
    expect(check(feed).problems).toEqual([]);
  });

  it('the once-only event is past after its day', () => {
    const result = check(minimalFeed(), new Date('2026-12-06T09:00:00Z'));
    expect(summary(result.problems)).toEqual(['warning no-future-occurrence $.activities[2].schedule']);
  });

  it('text missing in a language other records provide, one warning per record', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).name = { en: 'Knit and Natter', ur: 'بنائی' };
    at(feed.activities, 0).summary = { en: 'Bring your knitting.', ur: 'اپنی بنائی لائیں' };
    at(feed.activities, 1).name = { en: 'Memory Café', ur: 'میموری کیفے', pa: 'ਮੈਮੋਰੀ ਕੈਫੇ' };
    at(feed.categories, 0).name = { en: 'Arts and crafts', ur: 'فنون' };
    const result = check(feed);
    expect(summary(result.problems)).toEqual([
      'warning missing-translation $.activities[0]',
      'warning missing-translation $.activities[1]',
      'warning missing-translation $.activities[2]',
      'warning missing-translation $.categories[1]',
    ]);
    const [first, second, third, category] = result.problems;
    expect(first?.message).toBe('activities[0] (id knit-and-natter-werneth): has no text in pa (name), which other activities provide');
    expect(second?.message).toBe('activities[1] (id memory-cafe-library): has no text in ur (summary), which other activities provide');
    expect(third?.message).toBe('activities[2] (id winter-craft-fair-online): has no text in ur (name, summary), pa (name), which other activities provide');
    expect(category?.detail).toBe('has no text in ur (name), which other categories provide');
  });

  it('counts a plain string as the default language', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).name = { ur: 'بنائی' };
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['warning missing-translation $.activities[0]', 'warning missing-translation $.activities[1]', 'warning missing-translation $.activities[2]']);
    expect(at(result.problems, 0).detail).toBe('has no text in en (name), which other activities provide');
    expect(at(result.problems, 1).detail).toBe('has no text in ur (name), which other activities provide');
  });

  it('does not compare an optional text that a record leaves out', () => {
    const feed = minimalFeed();
    at(feed.activities, 0).description = { en: 'All welcome.', ur: 'سب کو خوش آمدید' };
    expect(check(feed).problems).toEqual([]);
  });
});

describe('checkFeed at scale', () => {
  it('checks 10,000 activities, skipping only the bad ones', () => {
    const feed = minimalFeed();
    const template = at(feed.activities, 0);
    feed.activities = Array.from({ length: 10_000 }, (_, i) => ({ ...template, id: `activity-${i}`, venue: i === 5000 ? 'nowhere' : template.venue }));
    const result = check(feed);
    expect(summary(result.problems)).toEqual(['error unknown-venue $.activities[5000].venue']);
    expect(result.feed?.activities).toHaveLength(9_999);
    expect(result.skipped.activities).toBe(1);
  });
});
