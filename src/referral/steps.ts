// The question pages in order, which of them a person sees (it depends on their answers and on the feed), and what
// each page needs before Continue moves on. Pure: errors are i18n keys with the id of the field they belong to.
import type { Answers } from './types';
import { isEmail, isUkMobile, isUkPhone, normalisePostcode } from './validate';

export const STEPS = ['who', 'permission', 'helper', 'name', 'contact', 'times', 'language', 'help', 'needs', 'age', 'consent', 'check'] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}

export interface FlowContext {
  /** referral.minimumAge from the feed; no age question without it. */
  minimumAge: number | undefined;
}

export interface FieldError {
  /** The id of the input the error belongs to (the first one of a group), which the error summary links to. */
  field: string;
  /** The message's i18n key, under referral.errors. */
  key: string;
}

export const MAX_FREE_TEXT = 4000;

/** The pages this person sees, in order. */
export function stepsFor(draft: Answers, context: FlowContext): Step[] {
  return STEPS.filter((step) => {
    if (step === 'permission') return draft.for === 'someone-else';
    if (step === 'helper') return draft.for === 'someone-else' || draft.for === 'helped';
    if (step === 'age') return context.minimumAge !== undefined && context.minimumAge > 0;
    return true;
  });
}

/** Does the person get phone calls or texts (so a phone number, and 'may we leave a message', are needed)? */
export function usesPhone(draft: Answers): boolean {
  return draft.methods.includes('phone') || draft.methods.includes('text');
}

function checkPhone(value: string, field: string, errors: FieldError[], isRequired: boolean, needsMobile = false): void {
  if (value.trim() === '') {
    if (isRequired) errors.push({ field, key: 'phoneMissing' });
  } else if (!isUkPhone(value)) errors.push({ field, key: 'phoneInvalid' });
  else if (needsMobile && !isUkMobile(value)) errors.push({ field, key: 'phoneNotMobile' });
}

function checkEmail(value: string, field: string, errors: FieldError[], isRequired: boolean): void {
  if (value.trim() === '') {
    if (isRequired) errors.push({ field, key: 'emailMissing' });
  } else if (!isEmail(value)) errors.push({ field, key: 'emailInvalid' });
}

/** What stops Continue on a page; an empty list lets the person move on. */
export function validateStep(step: Step, draft: Answers, context: FlowContext): FieldError[] {
  const errors: FieldError[] = [];
  switch (step) {
    case 'who':
      if (draft.for === '') errors.push({ field: 'for-self', key: 'whoMissing' });
      break;
    case 'permission':
      if (!draft.hasPermission) errors.push({ field: 'permission', key: 'permissionMissing' });
      break;
    case 'helper': {
      const { referrer } = draft;
      if (referrer.name.trim() === '') errors.push({ field: 'referrer-name', key: 'referrerNameMissing' });
      if (referrer.relationship.trim() === '') errors.push({ field: 'referrer-relationship', key: 'relationshipMissing' });
      const hasContact = referrer.phone.trim() !== '' || referrer.email.trim() !== '';
      if (draft.for === 'someone-else' && !hasContact) errors.push({ field: 'referrer-phone', key: 'referrerContactMissing' });
      checkPhone(referrer.phone, 'referrer-phone', errors, false);
      checkEmail(referrer.email, 'referrer-email', errors, false);
      break;
    }
    case 'name':
      if (draft.name.trim() === '') errors.push({ field: 'person-name', key: draft.for === 'someone-else' ? 'nameMissingTheirs' : 'nameMissing' });
      else if (draft.name.trim().length > 200) errors.push({ field: 'person-name', key: 'nameTooLong' });
      if (draft.postcode.trim() !== '' && !normalisePostcode(draft.postcode)) errors.push({ field: 'postcode', key: 'postcodeInvalid' });
      break;
    case 'contact':
      if (draft.methods.length === 0) errors.push({ field: 'method-phone', key: 'methodsMissing' });
      if (usesPhone(draft)) checkPhone(draft.phone, 'phone', errors, true, draft.methods.includes('text') && !draft.methods.includes('phone'));
      if (draft.methods.includes('email')) checkEmail(draft.email, 'email', errors, true);
      break;
    case 'times':
      if (draft.bestTimes.length === 0) errors.push({ field: 'time-morning', key: 'timesMissing' });
      if (usesPhone(draft) && draft.canLeaveMessage === '') errors.push({ field: 'message-yes', key: 'leaveMessageMissing' });
      break;
    case 'language':
      if (draft.preferredLanguage === '') errors.push({ field: 'language', key: 'languageMissing' });
      else if (draft.preferredLanguage === 'other' && draft.otherLanguage.trim() === '') errors.push({ field: 'other-language', key: 'otherLanguageMissing' });
      if (draft.interpreter === '') errors.push({ field: 'interpreter-yes', key: 'interpreterMissing' });
      break;
    case 'help':
      if (draft.chosen.length === 0 && draft.about.trim() === '') errors.push({ field: draft.offered.length > 0 ? `interest-${draft.offered[0]!.activityId}` : 'about', key: 'helpMissing' });
      if (draft.about.length > MAX_FREE_TEXT) errors.push({ field: 'about', key: 'aboutTooLong' });
      break;
    case 'needs':
      if (draft.needs.length > MAX_FREE_TEXT) errors.push({ field: 'needs', key: 'needsTooLong' });
      break;
    case 'age':
      if (draft.meetsMinimumAge === '') errors.push({ field: 'age-yes', key: draft.for === 'someone-else' ? 'ageMissingTheirs' : 'ageMissing' });
      break;
    case 'consent':
      if (!draft.consentShare) errors.push({ field: 'consent-share', key: 'consentShareMissing' });
      if (!draft.consentHealth) errors.push({ field: 'consent-health', key: 'consentHealthMissing' });
      break;
    case 'check':
      break;
  }
  void context;
  return errors;
}

/**
 * The first page, up to `step`, that still needs an answer: a deep link, a reload or a changed answer earlier on never
 * lets a person skip a question. Someone under the minimum age stops at the age question.
 */
export function firstIncompleteStep(draft: Answers, context: FlowContext, upTo: Step = 'check'): Step | null {
  for (const step of stepsFor(draft, context)) {
    if (step === upTo) return null;
    if (validateStep(step, draft, context).length > 0) return step;
    if (step === 'age' && draft.meetsMinimumAge === 'no') return 'age';
  }
  return null;
}

/** Where Continue goes from `step`; `isChanging` (from 'Change' on the check page) goes back to it when all is answered. */
export function nextStep(step: Step, draft: Answers, context: FlowContext, isChanging: boolean): Step | 'too-young' {
  if (step === 'age' && draft.meetsMinimumAge === 'no') return 'too-young';
  const steps = stepsFor(draft, context);
  if (isChanging) return firstIncompleteStep(draft, context) ?? 'check';
  const index = steps.indexOf(step);
  return steps[index + 1] ?? 'check';
}

/** The page before `step`, or null for the first one (Back then goes to the start page). */
export function previousStep(step: Step, draft: Answers, context: FlowContext): Step | null {
  const steps = stepsFor(draft, context);
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}
