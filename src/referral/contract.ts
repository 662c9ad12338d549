// The referral as it leaves the app (../shared/referral-api.md), as a valibot schema: the receiver checks bodies with
// it, and the app builds bodies of its type. The app imports only the types, so valibot stays out of its bundle.
import * as v from 'valibot';

const MAX_TEXT = 4000;
const shortText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const optionalShortText = v.optional(v.pipe(v.string(), v.maxLength(200)));
const longText = v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT)));

export const CONTACT_METHODS = ['phone', 'text', 'email'] as const;
export const BEST_TIMES = ['morning', 'afternoon', 'evening'] as const;
export const REFERRAL_FOR = ['self', 'someone-else', 'helped'] as const;

export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type BestTime = (typeof BEST_TIMES)[number];
export type ReferralFor = (typeof REFERRAL_FOR)[number];

export const ReferralBodySchema = v.pipe(
  v.looseObject({
    id: v.pipe(v.string(), v.uuid()),
    createdAt: v.pipe(v.string(), v.isoTimestamp()),
    locale: v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)),
    for: v.picklist(REFERRAL_FOR),
    person: v.looseObject({
      name: shortText,
      phone: optionalShortText,
      email: optionalShortText,
      postcode: v.optional(v.pipe(v.string(), v.maxLength(10))),
      preferredLanguage: v.optional(v.pipe(v.string(), v.maxLength(60))),
      interpreter: v.optional(v.boolean()),
      over18: v.optional(v.boolean()),
    }),
    referrer: v.optional(
      v.looseObject({
        name: shortText,
        relationship: v.optional(v.pipe(v.string(), v.maxLength(100))),
        phone: optionalShortText,
        email: optionalShortText,
      }),
    ),
    contact: v.looseObject({
      methods: v.pipe(v.array(v.picklist(CONTACT_METHODS)), v.minLength(1)),
      bestTimes: v.optional(v.array(v.picklist(BEST_TIMES)), []),
      canLeaveMessage: v.optional(v.boolean()),
    }),
    interests: v.pipe(
      v.array(v.looseObject({ activityId: v.pipe(v.string(), v.maxLength(80)), name: v.pipe(v.string(), v.maxLength(200)) })),
      v.maxLength(50),
    ),
    about: longText,
    needs: longText,
    consent: v.looseObject({
      shareWithHub: v.literal(true),
      healthInformation: v.literal(true),
      statement: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
      at: v.pipe(v.string(), v.isoTimestamp()),
    }),
    app: v.optional(v.looseObject({ version: v.optional(v.string()), feedGenerated: v.optional(v.string()) })),
  }),
  v.check((body) => body.for === 'self' || body.referrer !== undefined, 'referrer is required when the referral is not for yourself'),
  v.check((body) => !body.contact.methods.some((m) => m === 'phone' || m === 'text') || Boolean(body.person.phone), 'person.phone is required for phone or text'),
  v.check((body) => !body.contact.methods.includes('email') || Boolean(body.person.email), 'person.email is required for email'),
);

export type ReferralBody = v.InferOutput<typeof ReferralBodySchema>;
