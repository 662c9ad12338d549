// Checks a parsed feed against format 1 (shared/feed-format.md) record by record: keeps what is usable,
// and says in plain words what is wrong and where. Shared by the app and `npm run feed:check`.
import { monthsBefore, STALE_AFTER_MONTHS } from './stale';
import * as v from 'valibot';
import {
  ActivitySchema,
  AreaSchema,
  CategorySchema,
  EnvelopeSchema,
  OrganisationSchema,
  PlaceSchema,
  ReferralSchema,
  VenueSchema,
  isTimeZone,
  type Activity,
  type Category,
  type Feed,
  type Organisation,
  type Place,
  type Referral,
  type Text,
  type Venue,
} from './schema';
import { hasFutureOccurrence, localParts } from './schedule';
import { withoutBidiControls } from './text';

export interface Problem {
  level: 'error' | 'warning';
  /** JSON path of the offending value, e.g. `$.activities[12].schedule[0].end`. */
  path: string;
  /** The id of the record the problem is in, when it has a readable one. */
  id?: string;
  /** A whole sentence naming the record and the field, for people: `activities[3] (id knit-and-natter): …`. */
  message: string;
  /** The same without the location, for tools that show `path` and `id` themselves. */
  detail: string;
  code: ProblemCode;
}

export type ProblemCode =
  // errors: the feed cannot be used at all
  | 'not-an-object'
  | 'wrong-format'
  | 'wrong-version'
  // errors: the field (and the record holding it, or the feed for envelope fields) cannot be used
  | 'missing-field'
  | 'invalid-field'
  | 'duplicate-id'
  | 'unknown-category'
  | 'unknown-organisation'
  | 'unknown-venue'
  // warnings: the record is still used
  | 'unknown-field'
  | 'venue-far'
  | 'stale'
  | 'no-future-occurrence'
  | 'missing-translation'
  | 'text-too-long';

export interface CheckResult {
  feed: Feed | null;
  problems: Problem[];
  skipped: { activities: number; venues: number; organisations: number; categories: number; places: number };
}

/** A venue further than this from `area.centre` is probably a typo in its coordinates. */
export const MAX_VENUE_DISTANCE_KM = 50;
/** Longer texts are kept but flagged; the app shortens them on screen. */
export const TEXT_LIMITS = { name: 200, summary: 1000, description: 20_000 } as const;

type ListName = 'categories' | 'organisations' | 'venues' | 'activities' | 'places';

// ---------------------------------------------------------------------------------------------------
// Paths and wording

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return IDENTIFIER.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(shorten(key))}]`;
}

/** How a value is named in a message: short, on one line, never markup-bearing in a way that matters (it is shown as text). */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return String(value);
}

/** An id good enough to name a record by in messages (it may still be invalid as an id). */
function readableId(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('id' in record)) return undefined;
  const id: unknown = record.id;
  if (typeof id !== 'string' || id.trim() === '' || /\p{Cc}/u.test(id)) return undefined;
  return shorten(id, 80);
}

/** Where a problem is: the record (if any) and the path of the offending value. */
interface RecordLocation {
  /** `$.activities[3]`, or `$` for the envelope. */
  recordPath: string;
  id: string | undefined;
}

function recordLabel(at: RecordLocation): string {
  const label = at.recordPath === '$' ? 'feed' : at.recordPath.slice(2);
  return at.id === undefined ? label : `${label} (id ${at.id})`;
}

/** The part of `path` inside the record, for messages: `schedule[0].end`. */
function relativePath(at: RecordLocation, path: string): string {
  const rest = path.slice(at.recordPath.length);
  return rest.startsWith('.') ? rest.slice(1) : rest;
}

// ---------------------------------------------------------------------------------------------------
// Turning valibot issues into problems

const TYPE_WORDS: Record<string, string> = {
  Object: 'an object',
  Array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

function issuePath(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base;
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'string' || typeof item.key === 'number') path = childPath(path, item.key);
  }
  return path;
}

function isMissing(issue: v.BaseIssue<unknown>): boolean {
  return issue.kind === 'schema' && issue.input === undefined;
}

function issueDetail(issue: v.BaseIssue<unknown>): string {
  if (isMissing(issue) && (issue.message.startsWith('Invalid key') || issue.message.startsWith('Invalid type'))) {
    return 'is required but missing';
  }
  const typeMatch = /^Invalid type: Expected (\w+) but received/.exec(issue.message);
  if (typeMatch) {
    const expected = typeMatch[1] ?? '';
    return `must be ${TYPE_WORDS[expected] ?? expected} (found ${describeValue(issue.input)})`;
  }
  if (issue.message.startsWith('Invalid ')) {
    // valibot's own wording for rules without a message of ours, e.g. `minValue(0)`
    return `must be ${issue.expected ?? 'valid'} (found ${describeValue(issue.input)})`;
  }
  if (issue.kind === 'schema' && issue.type === 'union') return `${issue.message} (found ${describeValue(issue.input)})`;
  // Messages written in schema.ts read after the field name ('must be a time HH:MM'); a few name
  // the field themselves ('end must be after start'), which would repeat it after the path.
  const lastKey = issue.path?.at(-1)?.key;
  const message = typeof lastKey === 'string' && issue.message.startsWith(`${lastKey} `) ? issue.message.slice(lastKey.length + 1) : issue.message;
  const input = issue.input;
  return typeof input === 'string' || typeof input === 'number' ? `${message} (found ${describeValue(input)})` : message;
}

// ---------------------------------------------------------------------------------------------------
// Known fields, read once from the schemas, for 'unknown field' warnings at any depth

type Shape =
  | { kind: 'object'; fields: Map<string, Shape> }
  | { kind: 'array'; item: Shape }
  | { kind: 'variant'; key: string; options: Map<unknown, Shape> }
  | { kind: 'other' };

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
const OTHER: Shape = { kind: 'other' };

function shapeOf(schema: v.GenericSchema): Shape {
  if (OBJECT_TYPES.has(schema.type) && 'entries' in schema) {
    const entries = schema.entries as v.ObjectEntries;
    return { kind: 'object', fields: new Map(Object.entries(entries).map(([key, entry]) => [key, shapeOf(entry as v.GenericSchema)])) };
  }
  if ('wrapped' in schema) return shapeOf(schema.wrapped as v.GenericSchema); // optional, nullable, …
  if (schema.type === 'array' && 'item' in schema) return { kind: 'array', item: shapeOf(schema.item as v.GenericSchema) };
  if (schema.type === 'variant' && 'key' in schema && 'options' in schema && typeof schema.key === 'string') {
    const key = schema.key;
    const options = new Map<unknown, Shape>();
    for (const option of schema.options as v.GenericSchema[]) {
      const shape = shapeOf(option);
      const discriminator = 'entries' in option ? (option.entries as v.ObjectEntries)[key] : undefined;
      if (discriminator && 'literal' in discriminator) options.set(discriminator.literal, shape);
    }
    return { kind: 'variant', key, options };
  }
  // Unions (Text, weekOfMonth) and records (language → text) have no field names of their own.
  return OTHER;
}

let shapes: Record<ListName | 'envelope', Shape> | undefined;
function knownShapes(): Record<ListName | 'envelope', Shape> {
  shapes ??= {
    // The envelope's lists and area.places are `unknown[]` there, so the walk stops at them.
    envelope: shapeOf(EnvelopeSchema),
    categories: shapeOf(CategorySchema),
    organisations: shapeOf(OrganisationSchema),
    venues: shapeOf(VenueSchema),
    activities: shapeOf(ActivitySchema),
    places: shapeOf(PlaceSchema),
  };
  return shapes;
}

function editDistanceAtMost2(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > 2) return false;
    previous = current;
  }
  return (previous[b.length] ?? 3) <= 2;
}

function suggestField(key: string, known: readonly string[]): string | undefined {
  if (key.length > 40) return undefined;
  const lower = key.toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === lower) return candidate;
  for (const candidate of known) if (candidate.length > 2 && editDistanceAtMost2(lower, candidate.toLowerCase())) return candidate;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Helpers for warnings

function textLanguages(text: Text, defaultLanguage: string): string[] {
  if (typeof text === 'string') return [defaultLanguage];
  return Object.keys(text).filter((language) => (text[language] ?? '').trim() !== '');
}

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLng = (b.lng - a.lng) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** YYYY-MM-DD `months` calendar months before `isoDate`, clamped to the month's last day (08-31 → 02-28). */
function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------
// The checker

/** What the record checks need from the envelope; taken as far as possible even from a broken one. */
interface Context {
  defaultLanguage: string;
  timeZone: string | undefined;
  centre: { lat: number; lng: number } | undefined;
  areaName: string;
  today: string | undefined;
  now: Date;
}

class Checker {
  readonly problems: Problem[] = [];

  constructor(private readonly context: Context) {}

  add(level: Problem['level'], code: ProblemCode, at: RecordLocation, path: string, detail: string, subject?: string): void {
    const message = `${recordLabel(at)}: ${subject ? `${subject} ` : ''}${detail}`;
    const problem: Problem = { level, path, message, detail, code };
    if (at.id !== undefined) problem.id = at.id;
    this.problems.push(problem);
  }

  /** One error per valibot issue; `base` is the path of the value that was parsed. */
  addIssues(issues: readonly v.BaseIssue<unknown>[], at: RecordLocation, base: string, codeFor?: (issue: v.BaseIssue<unknown>) => ProblemCode | undefined): void {
    for (const issue of issues) {
      const path = issuePath(base, issue);
      const code = codeFor?.(issue) ?? (isMissing(issue) ? 'missing-field' : 'invalid-field');
      const subject = relativePath(at, path);
      this.add('error', code, at, path, issueDetail(issue), subject === '' ? undefined : subject);
    }
  }

  unknownFields(value: unknown, shape: Shape, at: RecordLocation, path: string): void {
    switch (shape.kind) {
      case 'object': {
        if (!isRecordObject(value)) return;
        for (const key of Object.keys(value)) {
          const fieldShape = shape.fields.get(key);
          if (fieldShape) {
            if (fieldShape.kind !== 'other') this.unknownFields(value[key], fieldShape, at, childPath(path, key));
            continue;
          }
          const fieldPath = childPath(path, key);
          const suggestion = suggestField(key, [...shape.fields.keys()]);
          const detail = `is not a known field and is ignored${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
          this.add('warning', 'unknown-field', at, fieldPath, detail, relativePath(at, fieldPath) || undefined);
        }
        return;
      }
      case 'array':
        if (Array.isArray(value) && shape.item.kind !== 'other') {
          value.forEach((item, index) => this.unknownFields(item, shape.item, at, childPath(path, index)));
        }
        return;
      case 'variant': {
        if (!isRecordObject(value)) return;
        const option = shape.options.get(value[shape.key]);
        if (option) this.unknownFields(value, option, at, path);
        return;
      }
      case 'other':
        return;
    }
  }

  textTooLong(text: Text | undefined, limit: number, at: RecordLocation, path: string): void {
    if (text === undefined) return;
    const versions: [string, string][] = typeof text === 'string' ? [['', text]] : Object.entries(text);
    for (const [language, value] of versions) {
      if (value.length <= limit) continue;
      const fieldPath = language === '' ? path : childPath(path, language);
      const detail = `is ${value.length.toLocaleString('en')} characters long (more than ${limit.toLocaleString('en')}); the app will shorten it`;
      this.add('warning', 'text-too-long', at, fieldPath, detail, relativePath(at, fieldPath));
    }
  }

  /**
   * Checks one list record by record. Returns the valid records (first of each id) with their
   * places, the ids that were present but unusable, and how many records were skipped.
   */
  checkList<T extends { id: string }>(
    list: readonly unknown[],
    listPath: string,
    schema: v.GenericSchema<unknown, T>,
    shape: Shape,
    describeList: string,
  ): { kept: { record: T; at: RecordLocation }[]; unusable: Set<string>; skipped: number } {
    const kept: { record: T; at: RecordLocation }[] = [];
    const firstIndex = new Map<string, number>();
    const unusable = new Set<string>();
    let skipped = 0;
    list.forEach((raw, index) => {
      const at: RecordLocation = { recordPath: childPath(listPath, index), id: readableId(raw) };
      this.unknownFields(raw, shape, at, at.recordPath);
      const result = v.safeParse(schema, raw);
      const rawId = isRecordObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
      let usable = result.success;
      if (!result.success) this.addIssues(result.issues, at, at.recordPath);
      if (rawId !== undefined) {
        const earlier = firstIndex.get(rawId);
        if (earlier === undefined) {
          firstIndex.set(rawId, index);
        } else {
          usable = false;
          const detail = `is also used by ${childPath(listPath, earlier).slice(2)}; ids must be unique among ${describeList}, so this one is skipped`;
          this.add('error', 'duplicate-id', at, childPath(at.recordPath, 'id'), detail, `id ${JSON.stringify(shorten(rawId))}`);
        }
      }
      if (usable && result.success) {
        // Every string the app will show, addresses and phone numbers included, without bidirectional overrides.
        kept.push({ record: withoutBidiControls(result.output), at });
      } else {
        skipped++;
        if (rawId !== undefined) unusable.add(rawId);
      }
    });
    // An id is unusable only if no record with it was kept (a later duplicate does not spoil the first).
    for (const { record } of kept) unusable.delete(record.id);
    return { kept, unusable, skipped };
  }

  missingTranslations<R>(records: readonly { record: R; at: RecordLocation }[], fields: readonly (keyof R & string)[], describeList: string): void {
    const { defaultLanguage } = this.context;
    // Per field, the languages that at least one record provides: every record having that field should.
    const provided = new Map<string, Set<string>>();
    for (const field of fields) provided.set(field, new Set());
    for (const { record } of records) {
      for (const field of fields) {
        const text = record[field] as Text | undefined;
        if (text !== undefined) for (const language of textLanguages(text, defaultLanguage)) provided.get(field)?.add(language);
      }
    }
    if ([...provided.values()].every((languages) => languages.size <= 1)) return; // one language: nothing can be missing
    for (const { record, at } of records) {
      const missing = new Map<string, string[]>(); // language → fields
      for (const field of fields) {
        const text = record[field] as Text | undefined;
        const languages = provided.get(field);
        if (text === undefined || !languages || languages.size <= 1) continue;
        const has = new Set(textLanguages(text, defaultLanguage));
        for (const language of languages) {
          if (!has.has(language)) missing.set(language, [...(missing.get(language) ?? []), field]);
        }
      }
      if (missing.size === 0) continue;
      const list = [...missing].map(([language, names]) => `${language} (${names.join(', ')})`).join(', ');
      this.add('warning', 'missing-translation', at, at.recordPath, `has no text in ${list}, which other ${describeList} provide`);
    }
  }

  venueWarnings(venues: readonly { record: Venue; at: RecordLocation }[]): void {
    const { centre, areaName } = this.context;
    if (!centre) return;
    for (const { record, at } of venues) {
      const km = distanceKm(centre, record);
      if (km > MAX_VENUE_DISTANCE_KM) {
        const detail = `is ${Math.round(km)} km from the centre of ${areaName} (more than ${MAX_VENUE_DISTANCE_KM} km): check its lat and lng`;
        this.add('warning', 'venue-far', at, at.recordPath, detail);
      }
    }
  }

  activityWarnings(activity: Activity, at: RecordLocation, staleBefore: string | undefined): void {
    const { timeZone, now, today } = this.context;
    if (staleBefore !== undefined && activity.checked !== undefined && activity.checked < staleBefore) {
      const detail = `was last confirmed on ${activity.checked}, more than ${STALE_AFTER_MONTHS} months ago: is it still running?`;
      this.add('warning', 'stale', at, childPath(at.recordPath, 'checked'), detail, 'the listing');
    }
    if (timeZone !== undefined && today !== undefined && activity.schedule.length > 0 && !hasFutureOccurrence(activity.schedule, now, timeZone)) {
      const detail = `has no session after ${today}; all its dates are in the past`;
      this.add('warning', 'no-future-occurrence', at, childPath(at.recordPath, 'schedule'), detail, 'the schedule');
    }
    this.textTooLong(activity.name, TEXT_LIMITS.name, at, childPath(at.recordPath, 'name'));
    this.textTooLong(activity.summary, TEXT_LIMITS.summary, at, childPath(at.recordPath, 'summary'));
    this.textTooLong(activity.description, TEXT_LIMITS.description, at, childPath(at.recordPath, 'description'));
  }
}

const EMPTY_SKIPPED = { activities: 0, venues: 0, organisations: 0, categories: 0, places: 0 };

/** The envelope without the referral block, which is checked on its own so that a bad one only loses itself. */
const EnvelopeWithoutReferralSchema = v.looseObject({ ...EnvelopeSchema.entries, referral: v.optional(v.unknown()) });

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Check a parsed JSON value against format 1; returns the usable feed (valid records only) or null when the envelope itself is unusable. */
export function checkFeed(json: unknown, options: { now?: Date } = {}): CheckResult {
  const now = options.now ?? new Date();
  const envelopeAt: RecordLocation = { recordPath: '$', id: undefined };

  if (!isRecordObject(json)) {
    const checker = new Checker({ defaultLanguage: 'en', timeZone: undefined, centre: undefined, areaName: '', today: undefined, now });
    checker.add('error', 'not-an-object', envelopeAt, '$', `must be a JSON object with "format": "activity-feed" (found ${describeValue(json)})`);
    return { feed: null, problems: checker.problems, skipped: { ...EMPTY_SKIPPED } };
  }

  const envelope = v.safeParse(EnvelopeWithoutReferralSchema, json);
  // If it is not this format at all, the records are not worth looking at.
  const isForeign = !envelope.success && envelope.issues.some((issue) => {
    const key = issue.path?.[0]?.key;
    return issue.path?.length === 1 && (key === 'format' || key === 'version');
  });

  // Take what the record checks need even from a broken envelope, so that one run reports everything.
  const rawArea = isRecordObject(json.area) ? json.area : {};
  const rawCentre = isRecordObject(rawArea.centre) ? rawArea.centre : {};
  const timeZone = typeof rawArea.timeZone === 'string' && isTimeZone(rawArea.timeZone) ? rawArea.timeZone : undefined;
  const centreParse = v.safeParse(AreaSchema.entries.centre, rawCentre);
  const context: Context = {
    defaultLanguage: typeof json.defaultLanguage === 'string' ? json.defaultLanguage : 'en',
    timeZone,
    centre: centreParse.success ? centreParse.output : undefined,
    areaName: typeof rawArea.name === 'string' ? shorten(rawArea.name) : 'the area',
    today: timeZone !== undefined && !Number.isNaN(now.getTime()) ? localParts(now, timeZone).date : undefined,
    now,
  };
  const checker = new Checker(context);
  const shapesByList = knownShapes();

  if (!envelope.success) {
    checker.addIssues(envelope.issues, envelopeAt, '$', (issue) => {
      if (issue.path?.length !== 1) return undefined;
      const key = issue.path[0]?.key;
      if (key === 'format') return 'wrong-format';
      if (key === 'version') return 'wrong-version';
      return undefined;
    });
  }
  checker.unknownFields(json, shapesByList.envelope, envelopeAt, '$');
  if (isForeign) return { feed: null, problems: checker.problems, skipped: { ...EMPTY_SKIPPED } };

  let referral: Referral | undefined;
  if (json.referral !== undefined) {
    const result = v.safeParse(ReferralSchema, json.referral);
    if (result.success) referral = result.output;
    else checker.addIssues(result.issues, envelopeAt, '$.referral');
  }

  const places = checker.checkList(listOf(rawArea.places), '$.area.places', PlaceSchema, shapesByList.places, 'places');
  const categories = checker.checkList(listOf(json.categories), '$.categories', CategorySchema, shapesByList.categories, 'categories');
  const organisations = checker.checkList(listOf(json.organisations), '$.organisations', OrganisationSchema, shapesByList.organisations, 'organisations');
  const venues = checker.checkList(listOf(json.venues), '$.venues', VenueSchema, shapesByList.venues, 'venues');
  const candidates = checker.checkList(listOf(json.activities), '$.activities', ActivitySchema, shapesByList.activities, 'activities');

  const categoryMap = new Map<string, Category>(categories.kept.map(({ record }) => [record.id, record]));
  const organisationMap = new Map<string, Organisation>(organisations.kept.map(({ record }) => [record.id, record]));
  const venueMap = new Map<string, Venue>(venues.kept.map(({ record }) => [record.id, record]));

  const unresolved = (field: string, id: string, unusable: Set<string>, listName: string): string =>
    unusable.has(id)
      ? `${field} ${JSON.stringify(shorten(id))} is in ${listName} but was skipped because of the errors reported there`
      : `${field} ${JSON.stringify(shorten(id))} is not in ${listName}`;

  const activities: { record: Activity; at: RecordLocation }[] = [];
  let skippedActivities = candidates.skipped;
  for (const candidate of candidates.kept) {
    const { record: activity, at } = candidate;
    let usable = true;
    activity.categories.forEach((category, index) => {
      if (categoryMap.has(category)) return;
      usable = false;
      const path = childPath(childPath(at.recordPath, 'categories'), index);
      checker.add('error', 'unknown-category', at, path, unresolved('category', category, categories.unusable, 'categories'));
    });
    if (!organisationMap.has(activity.organisation)) {
      usable = false;
      const path = childPath(at.recordPath, 'organisation');
      checker.add('error', 'unknown-organisation', at, path, unresolved('organisation', activity.organisation, organisations.unusable, 'organisations'));
    }
    if (activity.venue !== undefined && !venueMap.has(activity.venue)) {
      usable = false;
      const path = childPath(at.recordPath, 'venue');
      checker.add('error', 'unknown-venue', at, path, unresolved('venue', activity.venue, venues.unusable, 'venues'));
    }
    if (usable) activities.push(candidate);
    else skippedActivities++;
  }

  // Warnings, on the records that are used.
  const staleBefore = context.today === undefined ? undefined : monthsBefore(context.today, STALE_AFTER_MONTHS);
  for (const { record, at } of activities) checker.activityWarnings(record, at, staleBefore);
  for (const { record, at } of categories.kept) {
    checker.textTooLong(record.name, TEXT_LIMITS.name, at, childPath(at.recordPath, 'name'));
    checker.textTooLong(record.description, TEXT_LIMITS.description, at, childPath(at.recordPath, 'description'));
  }
  for (const list of [organisations.kept, venues.kept, places.kept] as const) {
    for (const { record, at } of list) checker.textTooLong(record.name, TEXT_LIMITS.name, at, childPath(at.recordPath, 'name'));
  }
  checker.venueWarnings(venues.kept);
  checker.missingTranslations(activities, ['name', 'summary', 'description'], 'activities');
  checker.missingTranslations(categories.kept, ['name'], 'categories');

  const skipped = {
    activities: skippedActivities,
    venues: venues.skipped,
    organisations: organisations.skipped,
    categories: categories.skipped,
    places: places.skipped,
  };
  if (!envelope.success) return { feed: null, problems: checker.problems, skipped };

  const { area, generated, sample, defaultLanguage } = envelope.output;
  const feed: Feed = {
    generated,
    sample,
    defaultLanguage,
    area: { ...area, places: places.kept.map(({ record }): Place => record) },
    referral,
    categories: categoryMap,
    organisations: organisationMap,
    venues: venueMap,
    activities: activities.map(({ record }) => record),
  };
  return { feed, problems: checker.problems, skipped };
}
