// Open Referral UK services to feed activities. Reads both the original UK profile (regular_schedules,
// physical_addresses, eligibilitys, service_taxonomys, languages[].language) and version 3 (schedules with
// freq/byday/bymonthday/opens_at/closes_at, service_at_locations[].location.addresses, attributes[].taxonomy_term,
// cost_options, minimum_age/maximum_age), given as a list of services or as a paged API response.
// The field-by-field mapping, and what is dropped, is in scripts/import/README.md.
import {
  accessibilityWords,
  addressKey,
  coordinates,
  idFrom,
  IdRegistry,
  isObject,
  isoDate,
  languageCodes,
  money,
  num,
  objects,
  plainText,
  postcode,
  Registry,
  sourceLabel,
  str,
  summarise,
  Warnings,
  wallTime,
  webUrl,
  asList,
  type Activity,
  type Json,
  type Session,
} from './common';
import { publisherFallback, type ImportContext, type ImportOptions, type ImportResult } from './feed';
import { parseDays, sessionsFromRule, type Rule } from './schedule';

export interface SourceDocument {
  /** The file it came from, for warnings. */
  name: string;
  json: unknown;
}

const PAGE_KEYS = ['content', 'contents', 'items', 'data', 'services', 'results'];

/** The services in one document: a list, a paged API response (`{"content": [...]}` and the like) or one service. */
export function servicesIn(document: SourceDocument, warnings: Warnings): Json[] {
  const { json, name } = document;
  if (Array.isArray(json)) return json.filter(isObject);
  if (isObject(json)) {
    for (const key of PAGE_KEYS) if (Array.isArray(json[key])) return objects(json[key]);
    if (str(json.name) !== undefined && json.id !== undefined) return [json];
  }
  warnings.add(sourceLabel('file', name), 'holds no Open Referral UK services (expected a list of services, or {"content": [...]})');
  return [];
}

export function importOruk(documents: readonly SourceDocument[], options: ImportOptions): ImportResult {
  const warnings = new Warnings();
  const registry = new Registry();
  const activityIds = new IdRegistry();
  const activities: Activity[] = [];
  const seen = new Set<string>();
  for (const document of documents) {
    for (const service of servicesIn(document, warnings)) {
      const id = str(service.id);
      // The same service on two pages (or in two files) is one listing: the first one is kept.
      if (id !== undefined && seen.has(id)) {
        warnings.add(sourceLabel('service', id, str(service.name)), `appears more than once; only the first was imported (${document.name})`);
        continue;
      }
      if (id !== undefined) seen.add(id);
      activities.push(...serviceActivities(service, { registry, warnings, activityIds, options }));
    }
  }
  return { activities, registry, warnings };
}

type Context = ImportContext;

/** One activity per place the service is held at (most services have one), or one online activity. */
function serviceActivities(service: Json, context: Context): Activity[] {
  const { warnings, registry, options } = context;
  const serviceId = str(service.id);
  const name = plainText(service.name, warnings, sourceLabel('service', serviceId), 'name');
  const source = sourceLabel('service', serviceId, name);
  if (name === undefined) {
    warnings.add(source, 'has no name; it was not imported', 'name');
    return [];
  }
  const status = str(service.status)?.toLowerCase();
  if (status === 'defunct') {
    warnings.add(source, 'has status "defunct"; it was not imported', 'status');
    return [];
  }

  const description = plainText(service.description, warnings, source, 'description');
  let summary = description === undefined ? undefined : summarise(description);
  if (summary === undefined) {
    summary = str(service.alternate_name) ?? name;
    warnings.add(source, 'has no description; its name is used as the summary', 'description');
  }

  const organisation = organisationOf(service, context, source);
  if (organisation === undefined) return [];

  const base: Omit<Activity, 'id' | 'schedule' | 'online'> & { online?: boolean } = {
    name,
    summary,
    categories: categoriesOf(service, registry, warnings, source),
    organisation,
    cost: costOf(service, warnings, source),
    childcare: false,
    status: status === 'inactive' || status === 'temporarily closed' ? 'paused' : 'active',
    languages: languagesOf(service, warnings, source),
  };
  if (description !== undefined && description !== summary) base.description = description;
  if (status !== undefined && !['active', 'inactive', 'temporarily closed'].includes(status)) {
    warnings.add(source, `status "${status}" is not one the importer knows; it is listed as active`, 'status');
  }
  const audience = audienceOf(service, warnings, source);
  if (audience !== undefined) base.audience = audience;
  const howToJoin = howToJoinOf(service);
  if (howToJoin !== undefined) base.howToJoin = howToJoin;
  const contact = contactOf(service, warnings, source);
  if (contact !== undefined) base.contact = contact;
  const checked = isoDate(service.assured_date, options.timeZone);
  if (checked !== undefined && checked <= options.now.toISOString().slice(0, 10)) base.checked = checked;

  const closedDates = holidayDates(service, options.timeZone);
  const serviceRules = [...objects(service.regular_schedules), ...objects(service.schedules)];
  const places = objects(service.service_at_locations);
  const activities: Activity[] = [];
  const wantedId = idFrom(serviceId, name, 'service');

  if (places.length === 0) {
    const attending = `${str(service.attending_type) ?? ''} ${str(service.deliverable_type) ?? ''}`.toLowerCase();
    if (!/online|phone|telephone|virtual/.test(attending)) {
      warnings.add(source, 'has no location and is not marked as online (attending_type); it was not imported', 'service_at_locations');
      return [];
    }
    const schedule = scheduleOf(serviceRules, closedDates, context, source);
    activities.push({ id: context.activityIds.take(wantedId), ...base, online: true, schedule });
    return activities;
  }

  for (const [index, place] of places.entries()) {
    const location = isObject(place.location) ? place.location : place;
    const venue = venueOf(location, context, source);
    if (venue === undefined) continue;
    // Schedules attached to this place, and the service's own ones that name no other place.
    const placeIds = new Set([str(place.id), str(location.id)].filter((id) => id !== undefined));
    const rules = [
      ...objects(place.regular_schedules),
      ...objects(place.schedules),
      ...serviceRules.filter((rule) => {
        const at = str(rule.service_at_location_id) ?? str(rule.location_id);
        return at === undefined || placeIds.has(at);
      }),
    ];
    const schedule = scheduleOf(rules, closedDates, context, source);
    const id = places.length === 1 ? wantedId : `${wantedId}-${venue || index + 1}`.slice(0, 80);
    activities.push({ id: context.activityIds.take(id), ...base, venue, online: false, schedule });
  }
  if (activities.length === 0) warnings.add(source, 'has no location that can be placed on the map; it was not imported', 'service_at_locations');
  return activities;
}

function organisationOf(service: Json, context: Context, source: string): string | undefined {
  const { registry, warnings, options } = context;
  const organisation = isObject(service.organization) ? service.organization : undefined;
  const name = organisation === undefined ? undefined : plainText(organisation.name, warnings, source, 'organization.name');
  if (organisation !== undefined && name !== undefined) {
    const sourceId = str(organisation.id);
    return registry.organisation(sourceId === undefined ? undefined : `id:${sourceId}`, idFrom(undefined, name, 'organisation'), (id) => {
      const record: { id: string; name: string; website?: string; email?: string; phone?: string } = { id, name };
      const website = webUrl(organisation.url ?? organisation.website, warnings, source, 'organization.url');
      if (website !== undefined) record.website = website;
      const email = str(organisation.email);
      if (email !== undefined) record.email = email;
      const phone = str(objects(organisation.phones)[0]?.number);
      if (phone !== undefined) record.phone = phone;
      return record;
    });
  }
  return publisherFallback({ registry, warnings, options }, source, 'organization', { noun: 'organisation', records: 'services' });
}

/** Categories from taxonomy terms: v1 service_taxonomys[].taxonomy, v3 attributes[].taxonomy_term. */
function categoriesOf(service: Json, registry: Registry, warnings: Warnings, source: string): string[] {
  const terms = [
    ...objects(service.service_taxonomys).map((link) => (isObject(link.taxonomy) ? link.taxonomy : link)),
    ...objects(service.attributes).map((link) => (isObject(link.taxonomy_term) ? link.taxonomy_term : link)),
  ];
  const ids: string[] = [];
  for (const term of terms) {
    const name = str(term.name) ?? str(term.term);
    if (name === undefined) {
      warnings.add(source, `a taxonomy term (${str(term.id) ?? 'no id'}) has no name; it was dropped`, 'taxonomy');
      continue;
    }
    const id = registry.category(name, str(term.description));
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) {
    warnings.add(source, 'has no taxonomy terms; it is listed under "Other"', 'taxonomy');
    ids.push(registry.category('Other'));
  }
  return ids;
}

/** Whether a cost text says more than 'free' (which `free: true` already says). */
function isMeaningful(text: string | undefined): text is string {
  return text !== undefined && !/^(free|no charge|none|£?0(\.00)?)\.?$/i.test(text.trim());
}

function costOf(service: Json, warnings: Warnings, source: string): Activity['cost'] {
  const options = objects(service.cost_options);
  const fees = plainText(service.fees ?? service.fees_description, warnings, source, 'fees');
  const amounts = options.map((option) => num(option.amount)).filter((amount) => amount !== undefined);
  if (options.length > 0) {
    const free = amounts.length > 0 && amounts.every((amount) => amount === 0);
    const parts = options.map((option) => {
      const amount = num(option.amount);
      const label = str(option.option);
      const described = str(option.amount_description);
      if (amount === undefined || amount === 0) return [isMeaningful(label) ? label : undefined, isMeaningful(described) ? described : undefined].filter(Boolean).join(': ');
      return [label, money(amount, str(option.currency))].filter(Boolean).join(': ');
    }).filter((part) => part !== '');
    const note = [...parts, isMeaningful(fees) ? fees : undefined].filter(Boolean).join('. ');
    return note === '' ? { free } : { free, note };
  }
  if (fees !== undefined) {
    // Free-text fees only: 'Free' (and no money figure) means free; anything else is a cost to read about.
    const free = /\bfree\b/i.test(fees) && !/[£$€]\s*\d|\d+(\.\d\d)?\s*(p|pence|pounds?)\b/i.test(fees);
    return isMeaningful(fees) ? { free, note: fees } : { free };
  }
  warnings.add(source, 'does not say what it costs; it is listed as not free', 'cost_options');
  return { free: false };
}

function languagesOf(service: Json, warnings: Warnings, source: string): string[] {
  const names = objects(service.languages)
    .map((language) => str(language.code) ?? str(language.language) ?? str(language.name))
    .filter((text) => text !== undefined);
  for (const value of asList(service.languages)) if (typeof value === 'string') names.push(value);
  return languageCodes(names, warnings, source, 'languages');
}

const TAG_WORDS: [RegExp, string][] = [
  [/\bcarers?\b|caring for/i, 'carers'],
  [/bereave|grief|lost someone/i, 'bereaved'],
  [/new to (the )?(area|uk)|refugee|asylum/i, 'new-to-area'],
  [/over[- ]?50|older (people|adults)|\b(60|65)\+/i, 'over-50s'],
  [/parents?|under[- ]?5s?|toddler|babies|baby/i, 'parents-under-5s'],
];

function audienceOf(service: Json, warnings: Warnings, source: string): Activity['audience'] {
  const eligibilities = objects(service.eligibilitys);
  const texts = [
    ...eligibilities.map((item) => str(item.eligibility)),
    ...asList(service.eligibilitys).filter((item) => typeof item === 'string'),
    plainText(service.eligibility_description, warnings, source, 'eligibility_description'),
  ].filter((text): text is string => typeof text === 'string');
  const minAges = [num(service.minimum_age), ...eligibilities.map((item) => num(item.minimum_age))].filter((age) => age !== undefined);
  const maxAges = [num(service.maximum_age), ...eligibilities.map((item) => num(item.maximum_age))].filter((age) => age !== undefined);
  const audience: NonNullable<Activity['audience']> = { tags: [] };
  if (minAges.length > 0) audience.minAge = Math.min(...minAges);
  if (maxAges.length > 0) audience.maxAge = Math.max(...maxAges);
  const all = texts.join(' ');
  if (/\b(women|female|ladies|girls)\b/i.test(all) && !/\b(men|male)\b/i.test(all.replace(/\bwomen\b|\bfemale\b/gi, ''))) audience.gender = 'women';
  else if (/\b(men|male|gents)\b/i.test(all) && !/\b(women|female)\b/i.test(all)) audience.gender = 'men';
  for (const [pattern, tag] of TAG_WORDS) if (pattern.test(all)) audience.tags.push(tag);
  return audience.minAge === undefined && audience.maxAge === undefined && audience.gender === undefined && audience.tags.length === 0 ? undefined : audience;
}

function howToJoinOf(service: Json): Activity['howToJoin'] {
  const access = `${str(service.attending_access) ?? ''} ${str(service.referral_method) ?? ''}`.toLowerCase();
  if (/drop[- ]?in/.test(access)) return 'drop-in';
  if (/professional|referral/.test(access)) return 'professional-referral';
  if (/self/.test(access)) return 'self-refer';
  if (/appointment|book|membership|contact/.test(access)) return 'contact-organiser';
  return undefined;
}

function contactOf(service: Json, warnings: Warnings, source: string): Activity['contact'] {
  const person = objects(service.contacts)[0];
  const contact: NonNullable<Activity['contact']> = {};
  const name = str(person?.name);
  if (name !== undefined) contact.name = name;
  const phone = str(objects(person?.phones)[0]?.number) ?? str(objects(service.phones)[0]?.number);
  if (phone !== undefined) contact.phone = phone;
  const email = str(person?.email) ?? str(service.email);
  if (email !== undefined) contact.email = email;
  const website = webUrl(service.url, warnings, source, 'url');
  if (website !== undefined) contact.website = website;
  return Object.keys(contact).length === 0 ? undefined : contact;
}

/** Returns the venue id, or undefined (with a warning) when the place cannot go on the map. */
function venueOf(location: Json, context: Context, serviceSource: string): string | undefined {
  const { registry, warnings } = context;
  const locationId = str(location.id);
  const locationName = str(location.name);
  const source = `${serviceSource}, location ${locationId ?? locationName ?? '(no id)'}`;
  if (str(location.location_type)?.toLowerCase() === 'virtual') {
    warnings.add(source, 'is a virtual location; it was skipped', 'location_type');
    return undefined;
  }
  const addresses = [...objects(location.physical_addresses), ...objects(location.addresses)];
  const address = addresses.find((item) => str(item.address_type)?.toLowerCase() !== 'postal') ?? addresses[0];
  const lines = address === undefined ? [] : [address.address_1, address.address_2, address.address_3, address.city].map(str).filter((line) => line !== undefined);
  const addressText = lines.length > 0 ? lines.join(', ') : undefined;
  const postcodeText = postcode(address?.postal_code);
  const where = coordinates(location.latitude, location.longitude, warnings, source);
  if (where === undefined) return undefined;
  const name = locationName ?? lines[0] ?? 'Venue';
  return registry.venue([locationId === undefined ? undefined : `id:${locationId}`, addressKey(addressText, postcodeText)], idFrom(undefined, name, 'venue'), (id) => {
    const access = [
      ...objects(location.accessibility_for_disabilities).map((item) => str(item.accessibility)),
      ...objects(location.accessibility).map((item) => str(item.description) ?? str(item.accessibility)),
    ].filter((text) => text !== undefined);
    const venue: { id: string; name: string; address?: string; postcode?: string; lat: number; lng: number; accessibility: string[] } = {
      id,
      name,
      lat: where.lat,
      lng: where.lng,
      accessibility: accessibilityWords(access),
    };
    if (addressText !== undefined) venue.address = addressText;
    if (postcodeText !== undefined) venue.postcode = postcodeText;
    return venue;
  });
}

/** Dates the service is closed (v1 holiday_schedules with closed: true), as `except` dates; long closures are capped. */
function holidayDates(service: Json, timeZone: string): string[] {
  const dates: string[] = [];
  for (const holiday of objects(service.holiday_schedules)) {
    if (holiday.closed === false) continue;
    const start = isoDate(holiday.start_date, timeZone);
    const end = isoDate(holiday.end_date, timeZone) ?? start;
    if (start === undefined || end === undefined) continue;
    for (let day = new Date(`${start}T00:00:00Z`), n = 0; day.toISOString().slice(0, 10) <= end && n < 62; day.setUTCDate(day.getUTCDate() + 1), n++) {
      dates.push(day.toISOString().slice(0, 10));
    }
  }
  return dates;
}

function scheduleOf(rules: readonly Json[], closedDates: string[], context: Context, source: string): Session[] {
  const { warnings, options } = context;
  const sessions: Session[] = [];
  for (const rule of rules) {
    const field = `schedule ${str(rule.id) ?? ''}`.trim();
    const freqText = (str(rule.freq) ?? '').toLowerCase();
    const weekday = str(rule.weekday);
    const byDay = str(rule.byday);
    const freq: Rule['freq'] | undefined = freqText === '' ? (weekday !== undefined || byDay !== undefined ? 'weekly' : undefined)
      : freqText === 'weekly' ? 'weekly' : freqText === 'monthly' ? 'monthly' : freqText === 'daily' ? 'daily' : undefined;
    if (freq === undefined) {
      const said = str(rule.description) ? ` ("${str(rule.description)}")` : '';
      warnings.add(source, `a schedule with freq "${str(rule.freq) ?? ''}"${said} cannot be listed; it was dropped`, field);
      continue;
    }
    const dayTexts = [byDay, weekday].filter((text) => text !== undefined);
    const days = parseDays(dayTexts.length > 1 ? [byDay!] : dayTexts, warnings, source, field);
    const monthDays = (str(rule.bymonthday) ?? '').split(',').map((text) => Number(text.trim())).filter((n) => Number.isInteger(n) && n !== 0);
    const from = isoDate(rule.valid_from ?? rule.dtstart, options.timeZone);
    const until = isoDate(rule.valid_to ?? rule.until, options.timeZone);
    const parsed: Rule = {
      freq,
      interval: num(rule.interval) ?? 1,
      days,
      monthDays,
      start: wallTime(rule.opens_at),
      end: wallTime(rule.closes_at),
      rawStart: rule.opens_at,
      rawEnd: rule.closes_at,
      except: closedDates,
    };
    if (from !== undefined) parsed.from = from;
    if (until !== undefined) parsed.until = until;
    sessions.push(...sessionsFromRule(parsed, warnings, source, field));
  }
  if (rules.length > 0 && sessions.length === 0) warnings.add(source, 'has no schedule the importer could use; it is listed as "by arrangement"', 'schedules');
  return sessions;
}
