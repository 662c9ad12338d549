// Small pure helpers that turn feed records into what a person reads or taps: session rules in words,
// language names, and links built only from safe parts (feed URLs are http/https already; phones and emails are checked here).
import type { TFunction } from 'i18next';
import type { DayCode, Session } from '../feed/schema';
import { dayCodes } from '../feed/days';
import { dateTimeFormat, intlLocale } from '../i18n/format';
import { languageInfo } from '../i18n/languages';

// 2024-01-01 was a Monday, so day index i of `dayCodes` is 2024-01-(1+i).
function weekdayDate(day: DayCode): Date {
  return new Date(Date.UTC(2024, 0, 1 + dayCodes.indexOf(day), 12));
}

export function weekdayName(day: DayCode, style: 'long' | 'short' = 'long', code?: string): string {
  return dateTimeFormat({ weekday: style, timeZone: 'UTC' }, code).format(weekdayDate(day));
}

export function clockRange(start: string, end: string, code?: string): string {
  const format = dateTimeFormat({ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }, code);
  const at = (hhmm: string) => new Date(Date.UTC(2024, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))));
  return format.formatRange(at(start), at(end));
}

function listOfDays(days: readonly DayCode[], code?: string): string {
  const names = [...days].sort((a, b) => dayCodes.indexOf(a) - dayCodes.indexOf(b)).map((d) => weekdayName(d, 'long', code));
  return new Intl.ListFormat(intlLocale(code), { style: 'long', type: 'conjunction' }).format(names);
}

function calendarDate(isoDate: string, code?: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, code).format(date);
}

/**
 * A session rule in words: 'Every Tuesday, 10:00–12:00', 'Every other Monday…', 'Last Friday of the month…'.
 * `code` formats days and times in another language than the interface's (posters print two), with that language's `t`.
 */
export function describeSession(session: Session, t: TFunction, code?: string): string {
  const time = clockRange(session.start, session.end, code);
  switch (session.freq) {
    case 'once':
      return t('schedule.once', { date: calendarDate(session.date, code), time });
    case 'weekly':
      if (session.interval === 2) return t('schedule.fortnightly', { days: listOfDays(session.days, code), time });
      if (session.interval > 2) return t('schedule.everyNWeeks', { count: session.interval, days: listOfDays(session.days, code), time });
      return t('schedule.weekly', { days: listOfDays(session.days, code), time });
    case 'monthly':
      return t(session.weekOfMonth === -1 ? 'schedule.monthlyLast' : `schedule.monthly${session.weekOfMonth}`, { days: listOfDays(session.days, code), time });
  }
}

/** The window and exceptions of a series, in words, when it has any. */
export function describeSessionWindow(session: Session, t: TFunction): string[] {
  if (session.freq === 'once') return [];
  const lines: string[] = [];
  if (session.from && session.until) lines.push(t('schedule.between', { from: calendarDate(session.from), until: calendarDate(session.until) }));
  else if (session.from) lines.push(t('schedule.startsOn', { date: calendarDate(session.from) }));
  else if (session.until) lines.push(t('schedule.endsOn', { date: calendarDate(session.until) }));
  if (session.except && session.except.length > 0) {
    lines.push(t('schedule.except', { dates: new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(session.except.map((date) => calendarDate(date))) }));
  }
  return lines;
}

// Making an Intl.DisplayNames costs about a millisecond on a phone and each card of the list names its languages:
// one is made per interface language, and names are remembered per pair of languages (a few dozen at most).
const languageNames = new Map<string, string>();
const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    displayNames.set(locale, names);
  }
  return names;
}

/** The name of a language in the reader's language ('Urdu', 'اردو'…); the code itself if the browser does not know it. */
export function languageName(code: string, uiLanguage: string): string {
  const key = `${uiLanguage}|${code}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    name = nameOfLanguage(code, uiLanguage);
    languageNames.set(key, name);
  }
  return name;
}

function nameOfLanguage(code: string, uiLanguage: string): string {
  try {
    const name = displayNamesIn(intlLocale(uiLanguage)).of(code);
    // Some browsers lack some pairs (Urdu's name in Punjabi): the language's own name beats a bare code.
    if (name && name.toLowerCase() !== code.toLowerCase()) return name;
    return languageInfo(code)?.nativeName ?? displayNamesIn('en').of(code) ?? code;
  } catch {
    return code;
  }
}

/** A `tel:` link from a phone field: digits and a leading + only, so nothing else can ride along. */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 5 || digits.length > 15) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"']+$/;

/** A `mailto:` link from an email field, only when it looks like one address. */
export function mailtoHref(email: string, subject?: string): string | null {
  const trimmed = email.trim();
  if (!EMAIL.test(trimmed)) return null;
  return `mailto:${trimmed}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`;
}

/** Hands the venue's position to the phone's maps app: Apple Maps on iPhone and iPad, Google Maps (app or web) elsewhere. */
export function directionsHref(lat: number, lng: number, userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
  const destination = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  if (/iPhone|iPad|iPod/.test(userAgent)) return `https://maps.apple.com/?daddr=${destination}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${destination}`;
}

/**
 * The words the app has for a feed's accessibility or audience term, or undefined for a term it does not know. Only
 * plain terms ('step-free') are looked up: a feed's free text must never reach i18next as a key, where ':' and '.'
 * would be read as namespace and key separators and show a key's raw path.
 */
export function knownTerm(t: TFunction, group: 'access' | 'tags', word: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(word)) return undefined;
  const key = `activity.${group}.${word}`;
  const text = t(key);
  return text === key ? undefined : text;
}
