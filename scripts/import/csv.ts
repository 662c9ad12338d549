// A hub's spreadsheet, saved as CSV from the template we ship (scripts/import/templates/), to feed activities: one
// row per activity, with days, times and 'every 2 weeks' or '2nd Tuesday of the month' in plain words. The
// columns are documented in scripts/import/README.md.
import { parse } from 'csv-parse/sync';
import {
  accessibilityWords,
  addressKey,
  coordinates,
  idFrom,
  IdRegistry,
  isoDate,
  languageCodes,
  plainText,
  postcode,
  Registry,
  sourceLabel,
  summarise,
  wallTime,
  Warnings,
  webUrl,
  type Activity,
  type Session,
} from './common';
import type { ImportContext, ImportOptions, ImportResult } from './feed';
import { parseDays, sessionsFromRule, type Rule } from './schedule';

/** The template's columns, in its order. Headers are matched ignoring case, spaces and underscores. */
export const CSV_COLUMNS = [
  'id', 'name', 'summary', 'description', 'categories',
  'organisation', 'organisation_website', 'organisation_phone', 'organisation_email',
  'venue', 'address', 'postcode', 'lat', 'lng', 'accessibility', 'online',
  'days', 'start', 'end', 'frequency', 'date', 'from', 'until', 'except',
  'cost', 'min_age', 'max_age', 'gender', 'tags', 'languages', 'how_to_join',
  'contact_name', 'contact_phone', 'contact_email', 'website', 'childcare', 'status', 'checked',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export interface CsvFile {
  name: string;
  text: string;
}

const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z]/g, '');
const COLUMN_BY_KEY = new Map<string, Column>(CSV_COLUMNS.map((column) => [headerKey(column), column]));

/** The rows of one file, keyed by template column; unknown columns are warned about once. */
export function readRows(file: CsvFile, warnings: Warnings): { row: Row; line: number }[] {
  let records: string[][];
  try {
    records = parse(file.text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    warnings.add(sourceLabel('file', file.name), `is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const [header, ...body] = records;
  if (header === undefined) return [];
  const columns = header.map((title) => COLUMN_BY_KEY.get(headerKey(title)));
  header.forEach((title, index) => {
    if (columns[index] === undefined && title.trim() !== '') warnings.add(sourceLabel('file', file.name), `column "${title}" is not one of the template's columns; it was ignored`, title);
  });
  if (!columns.includes('name')) warnings.add(sourceLabel('file', file.name), 'has no "name" column: is it saved from the template (scripts/import/templates/activities-template.csv)?');
  return body
    .map((cells, index) => {
      const row: Row = {};
      cells.forEach((cell, column) => {
        const key = columns[column];
        if (key !== undefined && cell.trim() !== '') row[key] = cell.trim();
      });
      return { row, line: index + 2 };
    })
    .filter(({ row }) => Object.keys(row).length > 0);
}

export function importCsv(files: readonly CsvFile[], options: ImportOptions): ImportResult {
  const warnings = new Warnings();
  const registry = new Registry();
  const activityIds = new IdRegistry();
  const activities: Activity[] = [];
  for (const file of files) {
    for (const { row, line } of readRows(file, warnings)) {
      const source = sourceLabel(files.length > 1 ? `${file.name} row` : 'row', String(line), row.name);
      const activity = rowActivity(row, source, { warnings, registry, activityIds, options });
      if (activity) activities.push(activity);
    }
  }
  return { activities, registry, warnings };
}

type Context = ImportContext;

const YES = /^(y|yes|true|1|x|✓)$/i;
const NO = /^(n|no|false|0)?$/i;

function yesNo(value: string | undefined, warnings: Warnings, source: string, field: Column): boolean {
  if (value === undefined || NO.test(value)) return false;
  if (YES.test(value)) return true;
  warnings.add(source, `"${value}" is not yes or no; it was read as no`, field);
  return false;
}

/** A list cell: 'Craft; Social', 'Craft, Social'. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(/[;,\n]/).map((item) => item.trim()).filter((item) => item !== '');
}

function rowActivity(row: Row, source: string, context: Context): Activity | undefined {
  const { warnings, registry, activityIds, options } = context;
  const name = plainText(row.name, warnings, source, 'name');
  if (name === undefined) {
    warnings.add(source, 'has no name; it was not imported', 'name');
    return undefined;
  }
  const description = plainText(row.description, warnings, source, 'description');
  const summary = plainText(row.summary, warnings, source, 'summary')?.replace(/\s*\n\s*/g, ' ') ?? (description === undefined ? undefined : summarise(description));
  if (summary === undefined) {
    warnings.add(source, 'has no summary or description; it was not imported', 'summary');
    return undefined;
  }

  const organisationName = row.organisation ?? options.publisher;
  if (organisationName === undefined) {
    warnings.add(source, 'has no organisation (give --publisher NAME to list such rows under the hub); it was not imported', 'organisation');
    return undefined;
  }
  const organisation = registry.organisation(`name:${organisationName.toLowerCase()}`, idFrom(undefined, organisationName, 'organisation'), (id) => {
    const record: { id: string; name: string; website?: string; email?: string; phone?: string } = { id, name: organisationName };
    const website = webUrl(row.organisation_website, warnings, source, 'organisation_website');
    if (website) record.website = website;
    if (row.organisation_email) record.email = row.organisation_email;
    if (row.organisation_phone) record.phone = row.organisation_phone;
    return record;
  });

  const online = yesNo(row.online, warnings, source, 'online');
  let venue: string | undefined;
  if (row.venue !== undefined || row.lat !== undefined || row.lng !== undefined || !online) {
    venue = venueOf(row, source, context);
    if (venue === undefined && !online) {
      warnings.add(source, 'has no venue that can be shown on the map, and is not online; it was not imported', 'venue');
      return undefined;
    }
  }

  const schedule = scheduleOf(row, source, context);
  if (schedule === undefined) return undefined;

  const categories = list(row.categories).map((category) => registry.category(category));
  if (categories.length === 0) {
    warnings.add(source, 'has no categories; it is listed under "Other"', 'categories');
    categories.push(registry.category('Other'));
  }

  const wantedId = idFrom(row.id, name, 'activity');
  const id = activityIds.take(wantedId);
  if (id !== wantedId) warnings.add(source, `id "${wantedId}" is already used by an earlier row; this row was given "${id}" (give each row its own id)`, row.id === undefined ? 'name' : 'id');
  const activity: Activity = {
    id,
    name,
    summary,
    categories: [...new Set(categories)],
    organisation,
    online,
    schedule,
    cost: costOf(row, warnings, source),
    childcare: yesNo(row.childcare, warnings, source, 'childcare'),
    languages: languageCodes(list(row.languages), warnings, source, 'languages'),
    status: statusOf(row.status, warnings, source),
  };
  if (venue !== undefined) activity.venue = venue;
  if (description !== undefined && description !== summary) activity.description = description;
  const audience = audienceOf(row, warnings, source);
  if (audience) activity.audience = audience;
  const howToJoin = howToJoinOf(row.how_to_join, warnings, source);
  if (howToJoin) activity.howToJoin = howToJoin;
  const contact: NonNullable<Activity['contact']> = {};
  if (row.contact_name) contact.name = row.contact_name;
  if (row.contact_phone) contact.phone = row.contact_phone;
  if (row.contact_email) contact.email = row.contact_email;
  const website = webUrl(row.website, warnings, source, 'website');
  if (website) contact.website = website;
  if (Object.keys(contact).length > 0) activity.contact = contact;
  if (row.checked !== undefined) {
    const checked = isoDate(row.checked, options.timeZone);
    if (checked === undefined) warnings.add(source, `"${row.checked}" is not a date (use 2026-10-01 or 01/10/2026); it was dropped`, 'checked');
    else activity.checked = checked;
  }
  return activity;
}

function venueOf(row: Row, source: string, context: Context): string | undefined {
  const { warnings, registry } = context;
  const where = coordinates(row.lat, row.lng, warnings, source);
  if (where === undefined) return undefined;
  const postcodeText = postcode(row.postcode);
  const name = row.venue ?? row.address ?? postcodeText ?? 'Venue';
  return registry.venue([`name:${name.toLowerCase()}|${postcodeText ?? ''}`, addressKey(row.address, postcodeText)], idFrom(undefined, name, 'venue'), (id) => {
    const venue: { id: string; name: string; address?: string; postcode?: string; lat: number; lng: number; accessibility: string[] } = {
      id,
      name,
      lat: where.lat,
      lng: where.lng,
      accessibility: accessibilityWords(list(row.accessibility)),
    };
    for (const word of list(row.accessibility)) {
      if (accessibilityWords([word]).length === 0) warnings.add(source, `accessibility "${word}" is not one of the words the app knows (step-free, accessible toilet, hearing loop, parking, baby changing, quiet space); it was dropped`, 'accessibility');
    }
    if (row.address) venue.address = row.address;
    if (postcodeText) venue.postcode = postcodeText;
    return venue;
  });
}

const ORDINALS: Record<string, number> = { '1st': 1, first: 1, '2nd': 2, second: 2, '3rd': 3, third: 3, '4th': 4, fourth: 4, last: -1, '5th': 5, fifth: 5 };

/** The schedule from the days/start/end/frequency/date columns; undefined (with a warning) if the row cannot be used. */
function scheduleOf(row: Row, source: string, context: Context): Session[] | undefined {
  const { warnings, options } = context;
  const frequency = (row.frequency ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(by arrangement|on request|ask|varies|by appointment)$/.test(frequency)) return [];

  if (/^(once|one[- ]?off|single)$/.test(frequency) || (frequency === '' && row.date !== undefined && row.days === undefined)) {
    const date = isoDate(row.date, options.timeZone);
    const start = wallTime(row.start);
    const end = wallTime(row.end);
    if (date === undefined) {
      warnings.add(source, `a one-off session needs a date (found ${JSON.stringify(row.date ?? '')}); it was not imported`, 'date');
      return undefined;
    }
    if (start === undefined || end === undefined || end <= start) {
      warnings.add(source, `a session needs a start and a later end time such as 10:00 and 12:00 (found ${JSON.stringify(row.start ?? '')} to ${JSON.stringify(row.end ?? '')}); it was not imported`, 'start');
      return undefined;
    }
    return [{ freq: 'once', date, start, end }];
  }

  const rule: Rule = {
    freq: 'weekly',
    interval: 1,
    days: parseDays(row.days === undefined ? [] : [row.days], warnings, source, 'days'),
    start: wallTime(row.start),
    end: wallTime(row.end),
    rawStart: row.start,
    rawEnd: row.end,
  };
  const monthly = /^(1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth|last)\b(.*)\b(of (the|each|every) month|monthly|each month|every month|a month)$/.exec(frequency);
  const weeks = /^every (\d+|other|second) weeks?$/.exec(frequency);
  if (frequency === '' || /^(every week|weekly|each week|every)$/.test(frequency)) {
    // weekly, as set above
  } else if (/^(fortnightly|every other week|every fortnight)$/.test(frequency)) {
    rule.interval = 2;
  } else if (weeks) {
    rule.interval = /\d/.test(weeks[1]!) ? Number(weeks[1]) : 2;
  } else if (/^(daily|every day)$/.test(frequency)) {
    rule.freq = 'daily';
  } else if (monthly) {
    rule.freq = 'monthly';
    const week = ORDINALS[monthly[1]!]!;
    const named = parseDays(monthly[2]!.trim() === '' ? [] : [monthly[2]!.trim()], new Warnings(), source, 'frequency');
    const days = named.length > 0 ? named : rule.days;
    rule.days = days.map((item) => ({ day: item.day, week }));
  } else if (/^(monthly|every month|each month)$/.test(frequency)) {
    rule.freq = 'monthly';
  } else {
    warnings.add(source, `frequency "${row.frequency}" is not understood (try "every week", "every 2 weeks", "2nd Tuesday of the month", "once" or "by arrangement"); it was not imported`, 'frequency');
    return undefined;
  }
  const from = isoDate(row.from, options.timeZone);
  const until = isoDate(row.until, options.timeZone);
  if (row.from !== undefined && from === undefined) warnings.add(source, `"${row.from}" is not a date; it was ignored`, 'from');
  if (row.until !== undefined && until === undefined) warnings.add(source, `"${row.until}" is not a date; it was ignored`, 'until');
  if (from) rule.from = from;
  if (until) rule.until = until;
  rule.except = list(row.except).map((text) => {
    const date = isoDate(text, options.timeZone);
    if (date === undefined) warnings.add(source, `except "${text}" is not a date; it was ignored`, 'except');
    return date;
  }).filter((date) => date !== undefined);
  const sessions = sessionsFromRule(rule, warnings, source, rule.freq === 'monthly' ? 'frequency' : 'days');
  if (sessions.length === 0) {
    warnings.add(source, 'has no session the importer could use; it was not imported (write "by arrangement" in frequency if there is no fixed time)', 'days');
    return undefined;
  }
  return sessions;
}

function costOf(row: Row, warnings: Warnings, source: string): Activity['cost'] {
  const cost = plainText(row.cost, warnings, source, 'cost');
  if (cost === undefined) {
    warnings.add(source, 'does not say what it costs; it is listed as not free', 'cost');
    return { free: false };
  }
  if (/^(free|£?0(\.00)?|no charge|none|nothing)$/i.test(cost)) return { free: true };
  const free = /^(free|no charge)\b/i.test(cost);
  return { free, note: cost };
}

function audienceOf(row: Row, warnings: Warnings, source: string): Activity['audience'] {
  const audience: NonNullable<Activity['audience']> = { tags: [] };
  for (const [column, key] of [['min_age', 'minAge'], ['max_age', 'maxAge']] as const) {
    const text = row[column];
    if (text === undefined) continue;
    const age = Number(text.replace(/\+$/, ''));
    if (Number.isInteger(age) && age >= 0 && age < 130) audience[key] = age;
    else warnings.add(source, `"${text}" is not an age in years; it was ignored`, column);
  }
  const gender = row.gender?.toLowerCase();
  if (gender !== undefined) {
    if (/^(women|woman|female|ladies|women only|f)$/.test(gender)) audience.gender = 'women';
    else if (/^(men|man|male|gents|men only|m)$/.test(gender)) audience.gender = 'men';
    else if (!/^(everyone|all|any|mixed)$/.test(gender)) warnings.add(source, `gender "${row.gender}" is not women, men or everyone; it was ignored`, 'gender');
  }
  for (const tag of list(row.tags)) {
    const known = ['parents-under-5s', 'carers', 'bereaved', 'new-to-area', 'over-50s'].find((word) => word.replace(/-/g, ' ') === tag.toLowerCase().replace(/-/g, ' '));
    if (known) audience.tags.push(known);
    else warnings.add(source, `tag "${tag}" is not one of parents-under-5s, carers, bereaved, new-to-area, over-50s; it was dropped`, 'tags');
  }
  return audience.minAge === undefined && audience.maxAge === undefined && audience.gender === undefined && audience.tags.length === 0 ? undefined : audience;
}

function howToJoinOf(value: string | undefined, warnings: Warnings, source: string): Activity['howToJoin'] {
  if (value === undefined) return undefined;
  const text = value.toLowerCase();
  if (/drop|turn up|just come/.test(text)) return 'drop-in';
  if (/professional|gp|social prescriber|link worker/.test(text)) return 'professional-referral';
  if (/self/.test(text)) return 'self-refer';
  if (/contact|call|phone|book|email|organiser/.test(text)) return 'contact-organiser';
  warnings.add(source, `how to join "${value}" is not understood (drop-in, self-refer, contact organiser or professional referral); it was ignored`, 'how_to_join');
  return undefined;
}

function statusOf(value: string | undefined, warnings: Warnings, source: string): Activity['status'] {
  const text = value?.toLowerCase();
  if (text === undefined || text === 'active' || text === 'running') return 'active';
  if (/paused|on hold|break/.test(text)) return 'paused';
  if (/cancel|stopped|closed/.test(text)) return 'cancelled';
  warnings.add(source, `status "${value}" is not active, paused or cancelled; it is listed as active`, 'status');
  return 'active';
}

