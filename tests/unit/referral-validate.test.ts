// The referral journey's pure parts: phone, email and postcode checks, which pages a person sees and what stops
// Continue on each, and the body that leaves the device (checked against the contract's own schema).
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isEmail, isUkMobile, isUkPhone, normalisePostcode, normaliseUkPhone } from '../../src/referral/validate';
import { firstIncompleteStep, nextStep, previousStep, stepsFor, validateStep, type FlowContext } from '../../src/referral/steps';
import { emptyAnswers, parseDraft } from '../../src/referral/answers';
import type { Answers } from '../../src/referral/types';
import { referralBody, summaryText, withoutUndefined } from '../../src/referral/payload';
import { ReferralBodySchema } from '../../src/referral/contract';

const context: FlowContext = { minimumAge: 18 };

function complete(change: Partial<Answers> = {}): Answers {
  return {
    ...emptyAnswers(),
    for: 'self',
    name: 'Rani Begum',
    postcode: 'ol8 1aa',
    methods: ['phone', 'email'],
    phone: '07700 900 982',
    email: 'rani@example.com',
    bestTimes: ['morning'],
    canLeaveMessage: 'no',
    preferredLanguage: 'ur',
    interpreter: 'yes',
    offered: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }, { activityId: 'memory-cafe-library', name: 'Memory Café' }],
    chosen: ['knit-and-natter-werneth'],
    about: ' Company ',
    meetsMinimumAge: 'yes',
    consentShare: true,
    consentHealth: true,
    consentStatement: 'I agree',
    consentAt: '2026-11-20T09:00:00.000Z',
    ...change,
  };
}

describe('UK phone numbers', () => {
  it.each([
    ['07700 900982', '07700900982'],
    ['07700-900-982', '07700900982'],
    ['+44 7700 900982', '07700900982'],
    ['+44 (0)7700 900982', '07700900982'],
    ['0044 161 496 0000', '01614960000'],
    ['(0161) 496 0000', '01614960000'],
    ['020 7946 0000', '02079460000'],
    ['0300 123 4567', '03001234567'],
    ['0800 111 1111', '08001111111'],
    ['016977 3456', '0169773456'],
  ])('accepts %s as %s', (input, national) => {
    expect(normaliseUkPhone(input)).toBe(national);
    expect(isUkPhone(input)).toBe(true);
  });

  it.each(['', '12345', '7700 900982', '07700 90098', '07700 9009821 2', '+1 202 555 0100', '0900 123 4567', '04 1234 5678', 'phone me', '07700 900982 ext 2'])('refuses %j', (input) => {
    expect(isUkPhone(input)).toBe(false);
  });

  it('knows which numbers take texts', () => {
    expect(isUkMobile('07700 900982')).toBe(true);
    expect(isUkMobile('+447911123456')).toBe(true);
    expect(isUkMobile('0161 496 0000')).toBe(false);
    expect(isUkMobile('070 1234 5678')).toBe(false); // a personal number, not a mobile
    expect(isUkMobile('07624 123456')).toBe(true);
  });
});

describe('email addresses', () => {
  it.each(['rani@example.com', 'r.begum+groups@mail.example.co.uk', 'A_B@example.org', ' rani@example.com '])('accepts %j', (input) => {
    expect(isEmail(input)).toBe(true);
  });
  it.each(['', 'rani', 'rani@', '@example.com', 'rani@example', 'rani@@example.com', 'rani@exa mple.com', 'rani.@example.com', 'ra..ni@example.com', 'rani@-example.com', 'rani@example.c0m', `${'a'.repeat(65)}@example.com`])('refuses %j', (input) => {
    expect(isEmail(input)).toBe(false);
  });
});

describe('postcodes', () => {
  it('writes full postcodes the standard way and refuses anything else', () => {
    expect(normalisePostcode('ol81aa')).toBe('OL8 1AA');
    expect(normalisePostcode(' OL1  1AL ')).toBe('OL1 1AL');
    expect(normalisePostcode('SW1A 1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode('OL8')).toBeNull();
    expect(normalisePostcode('not a postcode')).toBeNull();
  });
});

describe('the pages a person sees', () => {
  it('asks about permission and the referrer only when someone else is involved, and the age only when the feed sets one', () => {
    expect(stepsFor(complete(), context)).toEqual(['who', 'name', 'contact', 'times', 'language', 'help', 'needs', 'age', 'consent', 'check']);
    expect(stepsFor(complete({ for: 'someone-else' }), context).slice(0, 4)).toEqual(['who', 'permission', 'helper', 'name']);
    expect(stepsFor(complete({ for: 'helped' }), context).slice(0, 3)).toEqual(['who', 'helper', 'name']);
    expect(stepsFor(complete(), { minimumAge: undefined })).not.toContain('age');
  });

  it('goes forward and back through them, and back to the check page after a change', () => {
    const draft = complete({ for: 'someone-else', hasPermission: true, referrer: { name: 'Aisha', relationship: 'sister', phone: '07700 900123', email: '' } });
    expect(nextStep('who', draft, context, false)).toBe('permission');
    expect(previousStep('name', draft, context)).toBe('helper');
    expect(previousStep('who', draft, context)).toBeNull();
    expect(nextStep('name', draft, context, true)).toBe('check');
    // Changing 'who' to someone else on the check page first asks the new questions.
    expect(nextStep('who', complete({ for: 'someone-else' }), context, true)).toBe('permission');
    expect(nextStep('age', complete({ meetsMinimumAge: 'no' }), context, false)).toBe('too-young');
  });

  it('finds the first question still to answer, and stops at the age question when under age', () => {
    expect(firstIncompleteStep(emptyAnswers(), context)).toBe('who');
    expect(firstIncompleteStep(complete({ bestTimes: [] }), context)).toBe('times');
    expect(firstIncompleteStep(complete({ bestTimes: [] }), context, 'contact')).toBeNull();
    expect(firstIncompleteStep(complete({ meetsMinimumAge: 'no' }), context)).toBe('age');
    expect(firstIncompleteStep(complete(), context)).toBeNull();
  });
});

describe('what stops Continue', () => {
  const keys = (step: Parameters<typeof validateStep>[0], draft: Answers) => validateStep(step, draft, context).map((e) => `${e.field}:${e.key}`);

  it('asks for each required answer, linking to its field', () => {
    const empty = emptyAnswers();
    expect(keys('who', empty)).toEqual(['for-self:whoMissing']);
    expect(keys('permission', { ...empty, for: 'someone-else' })).toEqual(['permission:permissionMissing']);
    expect(keys('helper', { ...empty, for: 'someone-else' })).toEqual(['referrer-name:referrerNameMissing', 'referrer-relationship:relationshipMissing', 'referrer-phone:referrerContactMissing']);
    expect(keys('helper', { ...empty, for: 'helped', referrer: { name: 'Sam', relationship: 'friend', phone: '', email: '' } })).toEqual([]);
    expect(keys('name', empty)).toEqual(['person-name:nameMissing']);
    expect(keys('name', { ...empty, for: 'someone-else' })).toEqual(['person-name:nameMissingTheirs']);
    expect(keys('contact', empty)).toEqual(['method-phone:methodsMissing']);
    expect(keys('contact', { ...empty, methods: ['phone', 'email'] })).toEqual(['phone:phoneMissing', 'email:emailMissing']);
    expect(keys('times', { ...empty, methods: ['email'] })).toEqual(['time-morning:timesMissing']);
    expect(keys('times', { ...empty, methods: ['text'] })).toEqual(['time-morning:timesMissing', 'message-yes:leaveMessageMissing']);
    expect(keys('language', empty)).toEqual(['language:languageMissing', 'interpreter-yes:interpreterMissing']);
    expect(keys('language', { ...empty, preferredLanguage: 'other', interpreter: 'no' })).toEqual(['other-language:otherLanguageMissing']);
    expect(keys('help', empty)).toEqual(['about:helpMissing']);
    expect(keys('help', complete({ chosen: [], about: '' }))).toEqual(['interest-knit-and-natter-werneth:helpMissing']);
    expect(keys('needs', empty)).toEqual([]);
    expect(keys('age', empty)).toEqual(['age-yes:ageMissing']);
    expect(keys('consent', { ...empty, consentShare: true })).toEqual(['consent-health:consentHealthMissing']);
  });

  it('checks the format of phone numbers, emails and postcodes, and texts need a mobile', () => {
    expect(keys('contact', complete({ phone: '12345', email: 'rani@' }))).toEqual(['phone:phoneInvalid', 'email:emailInvalid']);
    expect(keys('contact', complete({ methods: ['text'], phone: '0161 496 0000' }))).toEqual(['phone:phoneNotMobile']);
    expect(keys('contact', complete({ methods: ['text', 'phone'], phone: '0161 496 0000' }))).toEqual([]);
    expect(keys('helper', complete({ for: 'someone-else', referrer: { name: 'A', relationship: 'b', phone: '999', email: 'x@y' } }))).toEqual(['referrer-phone:phoneInvalid', 'referrer-email:emailInvalid']);
    expect(keys('name', complete({ postcode: 'OL8' }))).toEqual(['postcode:postcodeInvalid']);
    expect(keys('help', complete({ about: 'x'.repeat(4001) }))).toEqual(['about:aboutTooLong']);
  });
});

describe('the body that is sent', () => {
  const bodyContext = { id: '0f8c2f9e-6a0e-4a4b-9a39-1f7c8a0e2b11', now: new Date('2026-11-23T10:04:00Z'), locale: 'ur', minimumAge: 18, appVersion: '1.0.0', feedGenerated: '2026-11-20T09:00:00Z' };

  it('follows the contract: normalised phone and postcode, only the chosen groups, trimmed text, consent as given', () => {
    const body = withoutUndefined(referralBody(complete(), bodyContext));
    expect(v.safeParse(ReferralBodySchema, body).success).toBe(true);
    expect(body).toEqual({
      id: bodyContext.id,
      createdAt: '2026-11-23T10:04:00.000Z',
      locale: 'ur',
      for: 'self',
      person: { name: 'Rani Begum', phone: '07700900982', email: 'rani@example.com', postcode: 'OL8 1AA', preferredLanguage: 'ur', interpreter: true, over18: true },
      contact: { methods: ['phone', 'email'], bestTimes: ['morning'], canLeaveMessage: false },
      interests: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }],
      about: 'Company',
      consent: { shareWithHub: true, healthInformation: true, statement: 'I agree', at: '2026-11-20T09:00:00.000Z' },
      app: { version: '1.0.0', feedGenerated: '2026-11-20T09:00:00Z' },
    });
  });

  it('sends the referrer for someone else and for help, and leaves out contact details for methods not chosen', () => {
    const body = withoutUndefined(
      referralBody(complete({ for: 'helped', methods: ['email'], referrer: { name: 'Sam', relationship: 'friend', phone: '', email: '' } }), { ...bodyContext, minimumAge: 16 }),
    );
    expect(v.safeParse(ReferralBodySchema, body).success).toBe(true);
    expect(body.referrer).toEqual({ name: 'Sam', relationship: 'friend' });
    expect(body.person.phone).toBeUndefined();
    expect(body.person.over18).toBeUndefined(); // a minimum age of 16 says nothing about 18
    expect(body.contact.canLeaveMessage).toBeUndefined();
  });

  it('the contract schema refuses what the receiver must refuse', () => {
    const good = withoutUndefined(referralBody(complete(), bodyContext));
    expect(v.safeParse(ReferralBodySchema, { ...good, id: 'not-a-uuid' }).success).toBe(false);
    expect(v.safeParse(ReferralBodySchema, { ...good, for: 'someone-else' }).success).toBe(false); // no referrer
    expect(v.safeParse(ReferralBodySchema, { ...good, consent: { ...good.consent, healthInformation: false } }).success).toBe(false);
    expect(v.safeParse(ReferralBodySchema, { ...good, contact: { methods: [] } }).success).toBe(false);
    expect(v.safeParse(ReferralBodySchema, { ...good, person: { ...good.person, phone: undefined } }).success).toBe(false);
  });

  it('writes a plain-text summary for an email', () => {
    expect(summaryText([{ label: 'Name', value: 'Rani' }, { label: 'Phone', value: '07700 900982' }], 'My answers:')).toBe('My answers:\n\nName: Rani\nPhone: 07700 900982');
  });
});

describe('the saved draft', () => {
  it('reads what was stored, fills in anything missing, and treats damage as an empty draft', () => {
    expect(parseDraft(null)).toEqual(emptyAnswers());
    expect(parseDraft('{not json')).toEqual(emptyAnswers());
    expect(parseDraft('"text"')).toEqual(emptyAnswers());
    const draft = parseDraft(JSON.stringify({ name: 'Rani', methods: 'phone', referrer: { name: 'Aisha' } }));
    expect(draft.name).toBe('Rani');
    expect(draft.methods).toEqual([]);
    expect(draft.referrer).toEqual({ name: 'Aisha', relationship: '', phone: '', email: '' });
  });
});
