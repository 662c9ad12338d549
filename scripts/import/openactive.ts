// OpenActive RPDE pages (Realtime Paged Data Exchange 1.0, Modelling Opportunity Data 2.0) to feed activities.
// Items are merged across pages first: the latest `modified` of each item wins and deleted items are removed.
// Then each SessionSeries becomes an activity, with its PartialSchedule as the schedule, or else its upcoming
// ScheduledSessions (joined by `superEvent`) as one-off sessions; each FacilityUse becomes an activity with its
// opening hours. The field-by-field mapping, and what is dropped, is in scripts/import/README.md.
import {
  accessibilityWords,
  addressKey,
  coordinates,
  idFrom,
  IdRegistry,
  isObject,
  isoDate,
  localDateTime,
  money,
  num,
  objects,
  plainText,
  postcode,
  Registry,
  sourceLabel,
  str,
  summarise,
  wallTime,
  Warnings,
  webUrl,
  weekOfMonthOf,
  asList,
  type Activity,
  type Json,
  type Session,
} from './common';
import { publisherFallback, type ImportContext, type ImportOptions, type ImportResult } from './feed';
import { parseDays, sessionsFromRule, type Rule } from './schedule';

export interface RpdePage {
  /** The file the page came from, for warnings. */
  name: string;
  json: unknown;
}

interface Item {
  kind: string;
  id: string;
  state: string;
  modified: unknown;
  data: Json | undefined;
  page: string;
}

/** At most this many one-off sessions per listing: the app shows the next few, and the feed stays small. */
const MAX_ONE_OFF_SESSIONS = 30;

/** Is `a` a later `modified` value than `b`? RPDE uses numbers (or, in older feeds, strings of them). */
function isLater(a: unknown, b: unknown): boolean {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x >= y;
  return String(a ?? '') >= String(b ?? '');
}

/** The live items of all pages: one per kind and id, the latest `modified` winning, deleted ones gone. */
export function mergeItems(pages: readonly RpdePage[], warnings: Warnings): Item[] {
  const latest = new Map<string, Item>();
  for (const page of pages) {
    const items = isObject(page.json) && Array.isArray(page.json.items) ? page.json.items : undefined;
    if (items === undefined) {
      warnings.add(sourceLabel('file', page.name), 'is not an RPDE page (expected {"items": [...], "next": ...}); it was skipped');
      continue;
    }
    for (const raw of items) {
      if (!isObject(raw)) continue;
      const id = str(raw.id);
      const kind = str(raw.kind) ?? (isObject(raw.data) ? typeName(raw.data) : undefined) ?? 'unknown';
      if (id === undefined) {
        warnings.add(sourceLabel('file', page.name), `an item of kind ${kind} has no id; it was skipped`);
        continue;
      }
      const item: Item = { kind, id, state: str(raw.state) ?? 'updated', modified: raw.modified, data: isObject(raw.data) ? raw.data : undefined, page: page.name };
      const key = `${kind}|${id}`;
      const known = latest.get(key);
      if (known === undefined || isLater(item.modified, known.modified)) latest.set(key, item);
    }
  }
  return [...latest.values()].filter((item) => item.state !== 'deleted' && item.data !== undefined);
}

function typeName(data: Json): string | undefined {
  return str(data['@type']) ?? str(data.type);
}

/** Every id a record may be referred to by: its JSON-LD @id, id, identifier and url. */
function idsOf(data: Json): string[] {
  return [data['@id'], data.id, data.identifier, data.url].map(str).filter((id) => id !== undefined);
}

export function importOpenActive(pages: readonly RpdePage[], options: ImportOptions): ImportResult {
  const warnings = new Warnings();
  const registry = new Registry();
  const activityIds = new IdRegistry();
  const context: Context = { warnings, registry, activityIds, options };
  const items = mergeItems(pages, warnings);

  type SessionItem = { data: Json; itemId: string };
  const series = new Map<string, { data: Json; itemId: string; sessions: SessionItem[] }>();
  const register = (data: Json, itemId: string): { data: Json; itemId: string; sessions: SessionItem[] } => {
    for (const id of [itemId, ...idsOf(data)]) {
      const known = series.get(id);
      if (known) return known;
    }
    const entry = { data, itemId, sessions: [] as SessionItem[] };
    for (const id of [itemId, ...idsOf(data)]) series.set(id, entry);
    return entry;
  };
  const sessions: Item[] = [];
  const facilities: Item[] = [];
  const ignored = new Map<string, number>();
  for (const item of items) {
    const type = typeName(item.data!) ?? item.kind;
    if (type === 'SessionSeries' || item.kind === 'SessionSeries') register(item.data!, item.id);
    else if (type === 'ScheduledSession' || item.kind === 'ScheduledSession') sessions.push(item);
    else if (type === 'FacilityUse' || item.kind === 'FacilityUse') facilities.push(item);
    else ignored.set(item.kind, (ignored.get(item.kind) ?? 0) + 1);
  }
  for (const [kind, count] of ignored) {
    warnings.add(sourceLabel('kind', kind), `${count} item${count === 1 ? '' : 's'} of this kind ${count === 1 ? 'was' : 'were'} not imported (only SessionSeries, ScheduledSession and FacilityUse are)`);
  }

  // Join sessions to their series: by id, or the series embedded in the session.
  for (const session of sessions) {
    const superEvent = session.data!.superEvent;
    const reference = isObject(superEvent) ? idsOf(superEvent) : [str(superEvent)].filter((id) => id !== undefined);
    const known = reference.map((id) => series.get(id)).find((entry) => entry !== undefined);
    const sessionItem = { data: session.data!, itemId: session.id };
    if (known) known.sessions.push(sessionItem);
    else if (isObject(superEvent) && str(superEvent.name) !== undefined) register(superEvent, reference[0] ?? session.id).sessions.push(sessionItem);
    else warnings.add(sourceLabel('ScheduledSession', session.id), `its superEvent ${JSON.stringify(str(superEvent) ?? null)} is not a SessionSeries in these pages; it was dropped`, 'superEvent');
  }

  const activities: Activity[] = [];
  for (const entry of new Set(series.values())) {
    const activity = seriesActivity(entry.data, entry.itemId, entry.sessions, context);
    if (activity) activities.push(activity);
  }
  for (const facility of facilities) {
    const activity = facilityActivity(facility.data!, facility.id, context);
    if (activity) activities.push(activity);
  }
  return { activities, registry, warnings };
}

type Context = ImportContext;

const CANCELLED = /EventCancelled$/;
const POSTPONED = /EventPostponed$|EventRescheduled$/;

function seriesActivity(data: Json, itemId: string, sessions: readonly { data: Json; itemId: string }[], context: Context): Activity | undefined {
  const { warnings, options } = context;
  const name = plainText(data.name, warnings, sourceLabel('SessionSeries', itemId), 'name');
  const source = sourceLabel('SessionSeries', itemId, name);
  if (name === undefined) {
    warnings.add(source, 'has no name; it was not imported', 'name');
    return undefined;
  }
  const status = str(data.eventStatus) ?? '';
  if (CANCELLED.test(status)) {
    warnings.add(source, 'is cancelled (eventStatus); it was not imported', 'eventStatus');
    return undefined;
  }

  const cancelledDates: string[] = [];
  const upcoming: { date: string; start: string; end: string }[] = [];
  const today = localDateTime(options.now.toISOString(), options.timeZone)?.date ?? '';
  for (const { data: session, itemId: sessionId } of sessions) {
    const sessionSource = sourceLabel('ScheduledSession', sessionId, name);
    const start = localDateTime(session.startDate, options.timeZone);
    if (start === undefined) {
      warnings.add(sessionSource, `has no usable startDate (found ${JSON.stringify(session.startDate ?? null)}); it was dropped`, 'startDate');
      continue;
    }
    if (CANCELLED.test(str(session.eventStatus) ?? '') || POSTPONED.test(str(session.eventStatus) ?? '')) {
      cancelledDates.push(start.date);
      continue;
    }
    const endAt = localDateTime(session.endDate, options.timeZone);
    if (endAt !== undefined && endAt.date !== start.date) {
      warnings.add(sessionSource, `ends on a later day (${endAt.date}) than it starts; sessions past midnight cannot be listed, so it was dropped`, 'endDate');
      continue;
    }
    const endTime = endAt?.time ?? endFromDuration(start.time, str(session.duration));
    if (endTime === undefined || endTime <= start.time) {
      warnings.add(sessionSource, `has no usable endDate or duration (found ${JSON.stringify(session.endDate ?? session.duration ?? null)}); it was dropped`, 'endDate');
      continue;
    }
    if (start.date >= today) upcoming.push({ date: start.date, start: start.time, end: endTime });
  }

  let schedule: Session[] = [];
  const rules = objects(data.eventSchedule);
  for (const [index, rule] of rules.entries()) {
    schedule.push(...partialSchedule(rule, cancelledDates, context, source, `eventSchedule[${index}]`));
  }
  if (rules.length === 0) {
    upcoming.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
    const unique = upcoming.filter((session, index) => index === 0 || `${session.date}${session.start}` !== `${upcoming[index - 1]!.date}${upcoming[index - 1]!.start}`);
    if (unique.length > MAX_ONE_OFF_SESSIONS) warnings.add(source, `has ${unique.length} upcoming sessions; only the next ${MAX_ONE_OFF_SESSIONS} were imported`, 'subEvent');
    schedule = unique.slice(0, MAX_ONE_OFF_SESSIONS).map((session) => ({ freq: 'once', ...session }));
  }
  if (schedule.length === 0) {
    warnings.add(source, rules.length > 0 ? 'has no schedule the importer could use; it was not imported' : 'has no eventSchedule and no upcoming ScheduledSession; it was not imported', 'eventSchedule');
    return undefined;
  }

  const base = commonFields(data, itemId, name, source, context);
  if (base === undefined) return undefined;
  if (POSTPONED.test(status)) base.status = 'paused';
  return { ...base, schedule };
}

function facilityActivity(data: Json, itemId: string, context: Context): Activity | undefined {
  const { warnings } = context;
  const facilityTypes = objects(data.facilityType).map((concept) => str(concept.prefLabel)).filter((label) => label !== undefined);
  const place = isObject(data.location) ? str(data.location.name) : undefined;
  const name = plainText(data.name, warnings, sourceLabel('FacilityUse', itemId), 'name') ?? (facilityTypes[0] && place ? `${facilityTypes[0]} at ${place}` : undefined);
  const source = sourceLabel('FacilityUse', itemId, name);
  if (name === undefined) {
    warnings.add(source, 'has no name; it was not imported', 'name');
    return undefined;
  }
  // Opening hours: one weekly session per distinct opening time, on all the days that share it.
  const byTime = new Map<string, { days: string[]; opens: unknown; closes: unknown; from?: string; until?: string }>();
  for (const hours of objects(data.hoursAvailable)) {
    const key = `${str(hours.opens)}|${str(hours.closes)}|${str(hours.validFrom)}|${str(hours.validThrough)}`;
    const entry = byTime.get(key) ?? { days: [], opens: hours.opens, closes: hours.closes };
    entry.days.push(...asList(hours.dayOfWeek).map(String));
    const from = isoDate(hours.validFrom, context.options.timeZone);
    const until = isoDate(hours.validThrough, context.options.timeZone);
    if (from) entry.from = from;
    if (until) entry.until = until;
    byTime.set(key, entry);
  }
  const schedule: Session[] = [];
  for (const entry of byTime.values()) {
    const rule: Rule = {
      freq: 'weekly',
      interval: 1,
      days: parseDays(entry.days, warnings, source, 'hoursAvailable.dayOfWeek'),
      start: wallTime(entry.opens),
      end: wallTime(entry.closes),
      rawStart: entry.opens,
      rawEnd: entry.closes,
    };
    if (entry.from) rule.from = entry.from;
    if (entry.until) rule.until = entry.until;
    schedule.push(...sessionsFromRule(rule, warnings, source, 'hoursAvailable'));
  }
  if (schedule.length === 0) warnings.add(source, 'has no usable hoursAvailable; it is listed as "by arrangement"', 'hoursAvailable');
  const base = commonFields({ ...data, activity: data.activity ?? data.facilityType }, itemId, name, source, context);
  return base === undefined ? undefined : { ...base, schedule };
}

/** The fields a SessionSeries and a FacilityUse share: text, categories, organiser, place, price and audience. */
function commonFields(data: Json, itemId: string, name: string, source: string, context: Context): Omit<Activity, 'schedule'> | undefined {
  const { warnings, registry, activityIds, options } = context;
  const organisation = organiserOf(data, context, source);
  if (organisation === undefined) return undefined;
  const where = placeOf(data, context, source);
  if (where === undefined) return undefined;

  let description = plainText(data.description, warnings, source, 'description');
  const support = objects(data.accessibilitySupport).map((concept) => str(concept.prefLabel)).filter((label) => label !== undefined);
  if (support.length > 0) description = [description, `Support for: ${support.join(', ')}.`].filter(Boolean).join('\n\n');
  let summary = description === undefined ? undefined : summarise(description);
  if (summary === undefined) {
    warnings.add(source, 'has no description; its name is used as the summary', 'description');
    summary = name;
  }

  const categories: string[] = [];
  for (const concept of objects(data.activity)) {
    const label = str(concept.prefLabel);
    if (label === undefined) {
      warnings.add(source, `an activity concept (${str(concept.id) ?? str(concept['@id']) ?? 'no id'}) has no prefLabel; it was dropped`, 'activity');
      continue;
    }
    const id = registry.category(label);
    if (!categories.includes(id)) categories.push(id);
  }
  if (categories.length === 0) {
    warnings.add(source, 'names no activity; it is listed under "Other"', 'activity');
    categories.push(registry.category('Other'));
  }

  const activity: Omit<Activity, 'schedule'> = {
    id: activityIds.take(idFrom(itemId, name, 'session')),
    name,
    summary,
    categories,
    organisation,
    online: where === 'online',
    cost: costOf(data, warnings, source),
    childcare: objects(isObject(data.location) ? data.location.amenityFeature : undefined).some((feature) => /Creche$/i.test(typeName(feature) ?? '') && feature.value !== false),
    languages: [],
    status: 'active',
  };
  if (where !== 'online') activity.venue = where;
  if (description !== undefined && description !== summary) activity.description = description;
  const audience = audienceOf(data, warnings, source);
  if (audience) activity.audience = audience;
  const contact: NonNullable<Activity['contact']> = {};
  const organiser = isObject(data.organizer) ? data.organizer : isObject(data.provider) ? data.provider : {};
  const phone = str(organiser.telephone);
  if (phone) contact.phone = phone;
  const email = str(organiser.email);
  if (email) contact.email = email;
  const website = webUrl(data.url, warnings, source, 'url');
  if (website) contact.website = website;
  if (Object.keys(contact).length > 0) activity.contact = contact;
  const checked = isoDate(data.dateModified, options.timeZone);
  if (checked !== undefined && checked <= options.now.toISOString().slice(0, 10)) activity.checked = checked;
  return activity;
}

function organiserOf(data: Json, context: Context, source: string): string | undefined {
  const { registry, warnings, options } = context;
  const organiser = isObject(data.organizer) ? data.organizer : isObject(data.provider) ? data.provider : undefined;
  const name = organiser === undefined ? undefined : str(organiser.name);
  if (organiser !== undefined && name !== undefined) {
    const key = idsOf(organiser)[0];
    return registry.organisation(key === undefined ? undefined : `id:${key}`, idFrom(undefined, name, 'organisation'), (id) => {
      const record: { id: string; name: string; website?: string; email?: string; phone?: string } = { id, name };
      const website = webUrl(organiser.url, warnings, source, 'organizer.url');
      if (website) record.website = website;
      const email = str(organiser.email);
      if (email) record.email = email;
      const phone = str(organiser.telephone);
      if (phone) record.phone = phone;
      return record;
    });
  }
  return publisherFallback({ registry, warnings, options }, source, 'organizer', { noun: 'organizer', records: 'items' });
}

/** The venue id, 'online', or undefined (with a warning) when the place cannot go on the map. */
function placeOf(data: Json, context: Context, source: string): string | 'online' | undefined {
  const { registry, warnings } = context;
  const place = isObject(data.location) ? data.location : undefined;
  if (place === undefined) {
    if (data.isVirtual === true || data.virtualLocation !== undefined || data.attendanceMode === 'https://schema.org/OnlineEventAttendanceMode') return 'online';
    warnings.add(source, 'has no location and is not online; it was not imported', 'location');
    return undefined;
  }
  const geo = isObject(place.geo) ? place.geo : {};
  const where = coordinates(geo.latitude, geo.longitude, warnings, source);
  if (where === undefined) {
    warnings.add(source, `its place ${JSON.stringify(str(place.name) ?? '')} cannot be shown on the map; it was not imported`, 'location.geo');
    return undefined;
  }
  const address = isObject(place.address) ? place.address : undefined;
  const lines = address === undefined ? [str(place.address)] : [address.streetAddress, address.addressLocality].map(str);
  const addressText = lines.filter((line) => line !== undefined).join(', ') || undefined;
  const postcodeText = postcode(address?.postalCode);
  const name = str(place.name) ?? lines[0] ?? 'Venue';
  const placeId = idsOf(place)[0];
  return registry.venue([placeId === undefined ? undefined : `id:${placeId}`, addressKey(addressText, postcodeText)], idFrom(undefined, name, 'venue'), (id) => {
    const features = objects(place.amenityFeature).filter((feature) => feature.value !== false).map((feature) => `${str(feature.name) ?? ''} ${typeName(feature) ?? ''}`);
    const venue: { id: string; name: string; address?: string; postcode?: string; lat: number; lng: number; accessibility: string[] } = {
      id,
      name,
      lat: where.lat,
      lng: where.lng,
      accessibility: accessibilityWords(features),
    };
    if (addressText !== undefined) venue.address = addressText;
    if (postcodeText !== undefined) venue.postcode = postcodeText;
    return venue;
  });
}

function costOf(data: Json, warnings: Warnings, source: string): Activity['cost'] {
  const offers = objects(data.offers);
  if (offers.length === 0) {
    warnings.add(source, 'has no offers (price); it is listed as not free', 'offers');
    return { free: false };
  }
  const prices = offers.map((offer) => num(offer.price));
  const free = prices.every((price) => price === 0);
  if (free) return { free: true };
  const note = offers
    .map((offer) => {
      const price = num(offer.price);
      const amount = price === undefined ? undefined : price === 0 ? 'free' : money(price, str(offer.priceCurrency));
      return [str(offer.name), amount].filter(Boolean).join(' ');
    })
    .filter((part) => part !== '')
    .join(', ');
  return note === '' ? { free: false } : { free: false, note };
}

function audienceOf(data: Json, warnings: Warnings, source: string): Activity['audience'] {
  const audience: NonNullable<Activity['audience']> = { tags: [] };
  const range = isObject(data.ageRange) ? data.ageRange : undefined;
  const minAge = num(range?.minValue);
  const maxAge = num(range?.maxValue);
  if (minAge !== undefined && minAge > 0) audience.minAge = minAge;
  if (maxAge !== undefined) audience.maxAge = maxAge;
  const gender = str(data.genderRestriction) ?? '';
  if (/FemaleOnly$/.test(gender)) audience.gender = 'women';
  else if (/MaleOnly$/.test(gender)) audience.gender = 'men';
  else if (gender !== '' && !/NoRestriction$/.test(gender)) warnings.add(source, `genderRestriction "${gender}" is not one the importer knows; it was dropped`, 'genderRestriction');
  if (minAge !== undefined && minAge >= 50) audience.tags.push('over-50s');
  return audience.minAge === undefined && audience.maxAge === undefined && audience.gender === undefined && audience.tags.length === 0 ? undefined : audience;
}

/** 'HH:MM' that is `duration` (ISO 8601, 'PT1H30M') after `start`, the same day; undefined if not. */
function endFromDuration(start: string, duration: string | undefined): string | undefined {
  const match = duration === undefined ? null : /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  if (minutes >= 24 * 60) return undefined;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A schema.org PartialSchedule as feed sessions: repeatFrequency P1W/P2W/P1M/P1D, byDay, startTime/endTime. */
function partialSchedule(rule: Json, cancelledDates: string[], context: Context, source: string, field: string): Session[] {
  const { warnings, options } = context;
  const frequency = str(rule.repeatFrequency)?.toUpperCase() ?? '';
  const match = /^P(\d+)([DWM])$/.exec(frequency);
  if (!match) {
    warnings.add(source, `repeatFrequency ${JSON.stringify(frequency)} cannot be listed (P1D, PnW and P1M can); the schedule was dropped`, `${field}.repeatFrequency`);
    return [];
  }
  const zone = str(rule.scheduleTimezone);
  if (zone !== undefined && zone !== options.timeZone) {
    warnings.add(source, `scheduleTimezone is ${zone}, not ${options.timeZone}; its times were used as they are`, `${field}.scheduleTimezone`);
  }
  const start = wallTime(rule.startTime);
  const from = isoDate(rule.startDate, options.timeZone);
  const parsed: Rule = {
    freq: match[2] === 'D' ? 'daily' : match[2] === 'W' ? 'weekly' : 'monthly',
    interval: Number(match[1]),
    days: parseDays(asList(rule.byDay).map(String), warnings, source, `${field}.byDay`),
    monthDays: asList(rule.byMonthDay).map(Number).filter((n) => Number.isInteger(n) && n !== 0),
    start,
    end: wallTime(rule.endTime) ?? (start && endFromDuration(start, str(rule.duration))),
    rawStart: rule.startTime,
    rawEnd: rule.endTime ?? rule.duration,
    except: [...cancelledDates, ...asList(rule.exceptDate).map((date) => isoDate(date, options.timeZone)).filter((date) => date !== undefined)],
  };
  if (from !== undefined) {
    parsed.from = from;
    parsed.weekOfFirstDate = weekOfMonthOf(from);
  }
  const until = isoDate(rule.endDate, options.timeZone);
  if (until !== undefined) parsed.until = until;
  return sessionsFromRule(parsed, warnings, source, field);
}
