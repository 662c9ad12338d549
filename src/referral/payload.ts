// Turns the answers into what leaves the device: the contract's JSON body (referral-api.md) for the outbox, or a plain
// text for an email when the feed has no endpoint. Pure: the caller passes the time, language and versions.
import type { Answers, Interest } from './types';
import type { ReferralBody } from './contract';
import { usesPhone } from './steps';
import { normalisePostcode, normaliseUkPhone } from './validate';

export interface BodyContext {
  id: string;
  now: Date;
  locale: string;
  minimumAge: number | undefined;
  appVersion: string;
  feedGenerated: string | undefined;
}

function trimmed(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

function phoneOf(value: string): string | undefined {
  const text = trimmed(value);
  return text === undefined ? undefined : (normaliseUkPhone(text) ?? text);
}

/** The groups the person ticked, in the order offered. */
export function chosenInterests(draft: Answers): Interest[] {
  return draft.offered.filter((interest) => draft.chosen.includes(interest.activityId));
}

export function preferredLanguageOf(draft: Answers): string | undefined {
  return draft.preferredLanguage === 'other' ? trimmed(draft.otherLanguage) : trimmed(draft.preferredLanguage);
}

export function referralBody(draft: Answers, context: BodyContext): ReferralBody {
  const isPhoned = usesPhone(draft);
  const isEmailed = draft.methods.includes('email');
  const hasReferrer = draft.for === 'someone-else' || draft.for === 'helped';
  return {
    id: context.id,
    createdAt: context.now.toISOString(),
    locale: context.locale,
    for: draft.for === '' ? 'self' : draft.for,
    person: {
      name: draft.name.trim(),
      phone: isPhoned ? phoneOf(draft.phone) : undefined,
      email: isEmailed ? trimmed(draft.email) : undefined,
      postcode: normalisePostcode(draft.postcode) ?? undefined,
      preferredLanguage: preferredLanguageOf(draft),
      interpreter: draft.interpreter === '' ? undefined : draft.interpreter === 'yes',
      // The contract's `over18`: sent when the feed's minimum age is 18 or more and the person said they meet it.
      over18: context.minimumAge !== undefined && context.minimumAge >= 18 && draft.meetsMinimumAge === 'yes' ? true : undefined,
    },
    referrer: hasReferrer
      ? {
          name: draft.referrer.name.trim(),
          relationship: trimmed(draft.referrer.relationship),
          phone: phoneOf(draft.referrer.phone),
          email: trimmed(draft.referrer.email),
        }
      : undefined,
    contact: {
      methods: [...draft.methods],
      bestTimes: [...draft.bestTimes],
      canLeaveMessage: isPhoned && draft.canLeaveMessage !== '' ? draft.canLeaveMessage === 'yes' : undefined,
    },
    interests: chosenInterests(draft).map(({ activityId, name }) => ({ activityId, name })),
    about: trimmed(draft.about),
    needs: trimmed(draft.needs),
    consent: { shareWithHub: true, healthInformation: true, statement: draft.consentStatement, at: draft.consentAt || context.now.toISOString() },
    app: { version: context.appVersion, feedGenerated: context.feedGenerated },
  };
}

/** Drops undefined fields, so the JSON sent and stored is exactly what is shown. */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Lines of 'question: answer', for an email the person sends themselves. */
export function summaryText(rows: readonly { label: string; value: string }[], intro: string): string {
  return [intro, '', ...rows.map(({ label, value }) => `${label}: ${value}`)].join('\n');
}
