// The draft's shape, on its own so the service worker's code (outbox-core.ts) can name it without the page's storage.
import type { BestTime, ContactMethod, ReferralFor } from './contract';

export interface Interest {
  activityId: string;
  /** The activity's name in the feed's default language (what the hub reads). */
  name: string;
}

export interface Answers {
  for: ReferralFor | '';
  /** Someone else: they have agreed to this. */
  hasPermission: boolean;
  referrer: { name: string; relationship: string; phone: string; email: string };
  name: string;
  postcode: string;
  methods: ContactMethod[];
  phone: string;
  email: string;
  bestTimes: BestTime[];
  canLeaveMessage: 'yes' | 'no' | '';
  /** A language code, 'other' (then `otherLanguage`), or '' before a choice. */
  preferredLanguage: string;
  otherLanguage: string;
  interpreter: 'yes' | 'no' | '';
  /** Groups offered on 'what would help' (the one they came from, their favourites); `chosen` are the ticked ones. */
  offered: Interest[];
  chosen: string[];
  about: string;
  needs: string;
  meetsMinimumAge: 'yes' | 'no' | '';
  consentShare: boolean;
  consentHealth: boolean;
  /** The consent words exactly as shown, and when both boxes were ticked (ISO). */
  consentStatement: string;
  consentAt: string;
  /** Made once, when the person first presses Send; a second Send (or one after a crash) reuses it. */
  id: string;
}
