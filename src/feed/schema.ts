// The activity feed, format 1 (shared/feed-format.md), as valibot schemas.
// One schema per record kind so that the app can skip a single bad record instead of the whole feed;
// objects are loose because unknown fields must be ignored (the checker warns about them separately).
import * as v from 'valibot';

import { dayCodes, isIsoDate, type DayCode } from './days';

// In their own module so that the first screen can use them without loading valibot.
export { dayCodes, isIsoDate, type DayCode };
const DAY_CODES = dayCodes as readonly [DayCode, ...DayCode[]];

/** Only http: and https: addresses may ever become links. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const nonEmptyString = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9-]+$/, 'must use only a-z, 0-9 and -'),
  v.maxLength(80, 'must be at most 80 characters'),
);

const LanguageTagSchema = v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language code'));

/** A string in the feed's default language, or language code → string. */
export const TextSchema = v.union(
  [nonEmptyString, v.pipe(v.record(LanguageTagSchema, v.string()), v.check((o) => Object.values(o).some((s) => s.trim() !== ''), 'must have text in at least one language'))],
  'must be a string or an object of language code to string',
);
export type Text = v.InferOutput<typeof TextSchema>;

export const TimeSchema = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'));
export const DateSchema = v.pipe(v.string(), v.check(isIsoDate, 'must be a date YYYY-MM-DD'));
export const DaySchema = v.picklist(DAY_CODES, 'must be one of mo tu we th fr sa su');
export const WebUrlSchema = v.pipe(v.string(), v.check(isWebUrl, 'must be an http: or https: address'));
const LatitudeSchema = v.pipe(v.number('must be a number'), v.minValue(-90, 'must be between -90 and 90'), v.maxValue(90, 'must be between -90 and 90'));
const LongitudeSchema = v.pipe(v.number('must be a number'), v.minValue(-180, 'must be between -180 and 180'), v.maxValue(180, 'must be between -180 and 180'));

/** A session object whose `end` must come after its `start` (the issue is reported at `end`). */
function timedSession<const E extends v.ObjectEntries & { start: typeof TimeSchema; end: typeof TimeSchema }>(entries: E) {
  return v.pipe(
    v.looseObject(entries),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const value = dataset.value as { start: string; end: string };
      // Compare only two valid times: '9:00' is reported as an invalid time, not as after '10:00'.
      if (!v.is(TimeSchema, value.start) || !v.is(TimeSchema, value.end)) return;
      if (value.end <= value.start) {
        addIssue({
          message: 'end must be after start',
          path: [{ type: 'object', origin: 'value', input: dataset.value as Record<string, unknown>, key: 'end', value: value.end }],
        });
      }
    }),
  );
}

const windowAndExceptions = {
  from: v.optional(DateSchema),
  until: v.optional(DateSchema),
  except: v.optional(v.array(DateSchema)),
};

const WeeklySessionSchema = timedSession({
    freq: v.literal('weekly'),
    days: v.pipe(v.array(DaySchema), v.minLength(1, 'must name at least one day')),
    start: TimeSchema,
    end: TimeSchema,
    interval: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be 1 or more')), 1),
    ...windowAndExceptions,
});

const MonthlySessionSchema = timedSession({
    freq: v.literal('monthly'),
    days: v.pipe(v.array(DaySchema), v.minLength(1, 'must name at least one day')),
    weekOfMonth: v.union([v.literal(1), v.literal(2), v.literal(3), v.literal(4), v.literal(-1)], 'must be 1, 2, 3, 4 or -1'),
    start: TimeSchema,
    end: TimeSchema,
    ...windowAndExceptions,
});

const OnceSessionSchema = timedSession({
    freq: v.literal('once'),
    date: DateSchema,
    start: TimeSchema,
    end: TimeSchema,
});

export const SessionSchema = v.variant('freq', [WeeklySessionSchema, MonthlySessionSchema, OnceSessionSchema], 'freq must be weekly, monthly or once');
export type Session = v.InferOutput<typeof SessionSchema>;
export type WeeklySession = v.InferOutput<typeof WeeklySessionSchema>;
export type MonthlySession = v.InferOutput<typeof MonthlySessionSchema>;
export type OnceSession = v.InferOutput<typeof OnceSessionSchema>;

export const CategorySchema = v.looseObject({
  id: IdSchema,
  name: TextSchema,
  description: v.optional(TextSchema),
});
export type Category = v.InferOutput<typeof CategorySchema>;

const contactFields = {
  phone: v.optional(nonEmptyString),
  email: v.optional(nonEmptyString),
  website: v.optional(WebUrlSchema),
};

export const OrganisationSchema = v.looseObject({
  id: IdSchema,
  name: TextSchema,
  ...contactFields,
});
export type Organisation = v.InferOutput<typeof OrganisationSchema>;

export const VenueSchema = v.looseObject({
  id: IdSchema,
  name: TextSchema,
  address: v.optional(v.string()),
  postcode: v.optional(v.string()),
  lat: LatitudeSchema,
  lng: LongitudeSchema,
  accessibility: v.optional(v.array(v.string()), []),
});
export type Venue = v.InferOutput<typeof VenueSchema>;

export const HOW_TO_JOIN = ['drop-in', 'self-refer', 'contact-organiser', 'professional-referral'] as const;
export type HowToJoin = (typeof HOW_TO_JOIN)[number];
export const STATUSES = ['active', 'paused', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export const ActivitySchema = v.pipe(
  v.looseObject({
    id: IdSchema,
    name: TextSchema,
    summary: TextSchema,
    description: v.optional(TextSchema),
    categories: v.pipe(v.array(IdSchema), v.minLength(1, 'must name at least one category')),
    organisation: IdSchema,
    venue: v.optional(IdSchema),
    online: v.optional(v.boolean(), false),
    schedule: v.array(SessionSchema),
    cost: v.looseObject({ free: v.boolean('must be true or false'), note: v.optional(TextSchema) }),
    audience: v.optional(
      v.looseObject({
        minAge: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0)))),
        maxAge: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0)))),
        gender: v.optional(v.picklist(['women', 'men'], 'must be "women" or "men" (or left out for everyone)')),
        tags: v.optional(v.array(v.string()), []),
      }),
    ),
    languages: v.optional(v.array(LanguageTagSchema), []),
    howToJoin: v.optional(v.picklist(HOW_TO_JOIN, `must be one of ${HOW_TO_JOIN.join(', ')}`)),
    contact: v.optional(v.looseObject({ name: v.optional(v.string()), ...contactFields })),
    childcare: v.optional(v.boolean(), false),
    status: v.optional(v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`), 'active'),
    checked: v.optional(DateSchema),
  }),
  v.check((a) => a.online || a.venue !== undefined, 'needs a venue, or "online": true'),
);
export type Activity = v.InferOutput<typeof ActivitySchema>;

export const PlaceSchema = v.looseObject({
  id: IdSchema,
  name: TextSchema,
  postcodeDistricts: v.optional(v.array(v.string()), []),
  lat: LatitudeSchema,
  lng: LongitudeSchema,
});
export type Place = v.InferOutput<typeof PlaceSchema>;

export const AreaSchema = v.looseObject({
  name: TextSchema,
  timeZone: v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone such as Europe/London')),
  centre: v.looseObject({ lat: LatitudeSchema, lng: LongitudeSchema }),
  zoom: v.pipe(v.number(), v.minValue(0), v.maxValue(22)),
  places: v.optional(v.array(v.unknown()), []),
});

const EndpointSchema = v.pipe(
  v.string(),
  v.check((s) => s.startsWith('/') ? !s.startsWith('//') : /^https:\/\//i.test(s) && isWebUrl(s), 'must be a path such as /api/referrals or an https: address'),
);

export const ReferralSchema = v.looseObject({
  hub: TextSchema,
  endpoint: v.optional(EndpointSchema),
  email: v.optional(nonEmptyString),
  phone: v.optional(nonEmptyString),
  minimumAge: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  responseDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  privacyNotice: v.optional(WebUrlSchema),
});
export type Referral = v.InferOutput<typeof ReferralSchema>;

/** The envelope: everything but the record lists, which are checked one record at a time. */
export const EnvelopeSchema = v.looseObject({
  format: v.literal('activity-feed', 'must be "activity-feed"'),
  version: v.literal(1, 'must be 1 (this app reads format 1)'),
  generated: v.pipe(v.string(), v.isoTimestamp('must be a date and time such as 2026-11-20T09:00:00Z')),
  sample: v.optional(v.boolean(), false),
  defaultLanguage: LanguageTagSchema,
  area: AreaSchema,
  referral: v.optional(ReferralSchema),
  categories: v.optional(v.array(v.unknown()), []),
  organisations: v.optional(v.array(v.unknown()), []),
  venues: v.optional(v.array(v.unknown()), []),
  activities: v.optional(v.array(v.unknown()), []),
});
export type Envelope = v.InferOutput<typeof EnvelopeSchema>;

export interface Area {
  name: Text;
  timeZone: string;
  centre: { lat: number; lng: number };
  zoom: number;
  /** Only the places that passed their checks. */
  places: Place[];
}

/** A feed after checking: only valid records, in their feed shape, with lookups by id. */
export interface Feed {
  generated: string;
  sample: boolean;
  defaultLanguage: string;
  area: Area;
  referral: Referral | undefined;
  categories: Map<string, Category>;
  organisations: Map<string, Organisation>;
  venues: Map<string, Venue>;
  activities: Activity[];
}
