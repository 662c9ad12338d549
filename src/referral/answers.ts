// The answers a person has given so far (the draft), kept in localStorage as they type. localStorage, not IndexedDB:
// a write is synchronous, so the last keystroke is on disk before a crash or a closed tab, and reading is synchronous,
// so a reloaded question shows its answer at once. Only this device ever sees the draft; Send moves it to the outbox.
import { signal } from '@preact/signals';
import type { Answers, Interest } from './types';

export type { Answers, Interest } from './types';

export function emptyAnswers(): Answers {
  return {
    for: '',
    hasPermission: false,
    referrer: { name: '', relationship: '', phone: '', email: '' },
    name: '',
    postcode: '',
    methods: [],
    phone: '',
    email: '',
    bestTimes: [],
    canLeaveMessage: '',
    preferredLanguage: '',
    otherLanguage: '',
    interpreter: '',
    offered: [],
    chosen: [],
    about: '',
    needs: '',
    meetsMinimumAge: '',
    consentShare: false,
    consentHealth: false,
    consentStatement: '',
    consentAt: '',
    id: '',
  };
}

export const DRAFT_KEY = 'tc.referral.draft';

/** Reads a stored draft, filling in anything an older version did not store; anything unreadable is an empty draft. */
export function parseDraft(stored: string | null): Answers {
  const empty = emptyAnswers();
  if (!stored) return empty;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return empty;
    const draft = { ...empty, ...(value as Partial<Answers>) };
    draft.referrer = { ...empty.referrer, ...draft.referrer };
    for (const key of ['methods', 'bestTimes', 'offered', 'chosen'] as const) if (!Array.isArray(draft[key])) draft[key] = [];
    return draft;
  } catch {
    return empty;
  }
}

function readDraft(): Answers {
  try {
    return parseDraft(localStorage.getItem(DRAFT_KEY));
  } catch {
    return emptyAnswers();
  }
}

export const answers = signal<Answers>(readDraft());
/** False when the browser refuses to keep the draft (private mode, full): the form says so. */
export const isDraftKept = signal(true);

export function hasAnyAnswer(draft: Answers): boolean {
  const empty = emptyAnswers();
  return JSON.stringify({ ...draft, offered: [], chosen: [] }) !== JSON.stringify({ ...empty, offered: [], chosen: [] });
}

/** Changes some answers and writes the whole draft to the device at once. */
export function updateAnswers(change: Partial<Answers>): void {
  const next = { ...answers.value, ...change };
  answers.value = next;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(next));
    isDraftKept.value = true;
  } catch {
    isDraftKept.value = false;
  }
}

/** 'Delete my answers', and what Send does once the referral is safely in the outbox. */
export function deleteAnswers(): void {
  answers.value = emptyAnswers();
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing could be stored, so nothing is left to delete.
  }
}

/** Offers a group on 'what would help' (ticked when `isChosen`), without losing any other answer. */
export function offerInterest(interest: Interest, isChosen: boolean): void {
  const draft = answers.value;
  const offered = draft.offered.some((o) => o.activityId === interest.activityId) ? draft.offered : [...draft.offered, interest];
  const chosen = isChosen && !draft.chosen.includes(interest.activityId) ? [...draft.chosen, interest.activityId] : draft.chosen;
  if (offered !== draft.offered || chosen !== draft.chosen) updateAnswers({ offered, chosen });
}

// Another tab changing the draft: follow it, so two tabs never overwrite each other's newer answers with older ones.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === DRAFT_KEY) answers.value = parseDraft(event.newValue);
  });
}
