// What the three importers (Open Referral UK, OpenActive, spreadsheet CSV) share: turning a source's text, days,
// times and places into feed format 1 (shared/feed-format.md), and collecting a warning for everything that had to
// be dropped or changed, named after the source record so that a hub worker can find it and fix it at the source.
import { convert } from 'html-to-text';
import type { Category, DayCode, HowToJoin, Organisation, Session, Status, Venue } from '../../src/feed/schema';
import { isWebUrl } from '../../src/feed/schema';
import { localParts } from '../../src/feed/schedule';

// ---------------------------------------------------------------------------------------------------
// Warnings

export interface ImportWarning {
  /** The source record, as its publisher would recognise it: `service 3f2a… (Knit and Natter)`, `row 4 (Walk and Talk)`. */
  source: string;
  /** The source field the warning is about, when there is one. */
  field?: string;
  message: string;
}

export class Warnings {
  readonly list: ImportWarning[] = [];

  add(source: string, message: string, field?: string): void {
    const warning: ImportWarning = { source, message };
    if (field !== undefined) warning.field = field;
    this.list.push(warning);
  }

  /** Warnings grouped by source record, in the order the records were first warned about. */
  grouped(): Map<string, ImportWarning[]> {
    const groups = new Map<string, ImportWarning[]>();
    for (const warning of this.list) groups.set(warning.source, [...(groups.get(warning.source) ?? []), warning]);
    return groups;
  }
}

/** How a source record is named in warnings: its kind, its id and, when it has one, its name. */
export function sourceLabel(kind: string, id: string | undefined, name?: string): string {
  const shortId = id === undefined ? '' : ` ${id.length > 60 ? `${id.slice(0, 59)}…` : id}`;
  return `${kind}${shortId}${name ? ` (${name})` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading loosely typed JSON

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list, whether the source gave a list, one item or nothing. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function objects(value: unknown): Json[] {
  return asList(value).filter(isObject);
}

/** A trimmed non-empty string, or undefined (numbers are written out: ids are often numeric). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Text

const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/**
 * Plain text for the feed (which never carries HTML): markup is reduced to text, with paragraphs split by blank
 * lines as the format asks, and a warning says so.
 */
export function plainText(value: unknown, warnings: Warnings, source: string, field: string): string | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  if (!HTML_TAG.test(text)) return tidyText(text);
  warnings.add(source, 'contained HTML, which was reduced to plain text', field);
  const converted = convert(text, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return str(tidyText(converted));
}

/** Normalises line breaks and spaces, and leaves at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one- or two-sentence summary from a longer description: its first sentences, up to about 200 characters. */
export function summarise(description: string, limit = 200): string {
  const paragraphs = description.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // Skip a heading ('Aqua fit for women') when a real paragraph follows it.
  const firstParagraph = paragraphs.find((paragraph) => /[.!?]$/.test(paragraph) || paragraph.length >= 80) ?? paragraphs[0] ?? '';
  const sentences = firstParagraph.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [firstParagraph];
  let summary = '';
  for (const sentence of sentences) {
    const next = `${summary}${sentence}`.trim();
    if (summary !== '' && next.length > limit) break;
    summary = `${next} `;
    if (summary.length >= limit / 2) break;
  }
  summary = summary.trim();
  if (summary.length <= limit) return summary;
  const cut = summary.slice(0, limit - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))}…`;
}

// ---------------------------------------------------------------------------------------------------
// Ids

/** A URL-safe slug of at most `max` characters: 'St Mary’s Church Hall' → 'st-marys-church-hall'. */
export function slug(text: string, max = 80): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.slice(0, max).replace(/-+$/g, '');
}

/**
 * A feed id from a source id, so that it stays the same on every import (ids end up in shared links and QR codes):
 * a UUID or a slug is kept, a URL gives its last path segments ('…/session-series/123' → 'session-series-123').
 * Only without a source id does the name give the id.
 */
export function idFrom(sourceId: string | undefined, name: string | undefined, fallback: string): string {
  if (sourceId !== undefined) {
    let text = sourceId;
    if (/^https?:\/\//i.test(text)) {
      try {
        const url = new URL(text);
        const segments = url.pathname.split('/').filter(Boolean).slice(-2);
        text = [...segments, url.hash.replace(/^#/, ''), url.search.replace(/^\?/, '')].filter(Boolean).join('-');
      } catch {
        // not a URL after all: slug it as it is
      }
    }
    const id = slug(text);
    if (id !== '') return id;
  }
  return slug(name ?? '') || fallback;
}

/** Hands out ids that are unique within one list: a second 'knit-and-natter' becomes 'knit-and-natter-2'. */
export class IdRegistry {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    let id = wanted.slice(0, 80);
    for (let n = 2; this.used.has(id); n++) id = `${wanted.slice(0, 80 - String(n).length - 1)}-${n}`;
    this.used.add(id);
    return id;
  }
}

// ---------------------------------------------------------------------------------------------------
// Days and times

const DAY_WORDS: Record<string, DayCode> = {
  mo: 'mo', mon: 'mo', monday: 'mo', mondays: 'mo',
  tu: 'tu', tue: 'tu', tues: 'tu', tuesday: 'tu', tuesdays: 'tu',
  we: 'we', wed: 'we', weds: 'we', wednesday: 'we', wednesdays: 'we',
  th: 'th', thu: 'th', thur: 'th', thurs: 'th', thursday: 'th', thursdays: 'th',
  fr: 'fr', fri: 'fr', friday: 'fr', fridays: 'fr',
  sa: 'sa', sat: 'sa', saturday: 'sa', saturdays: 'sa',
  su: 'su', sun: 'su', sunday: 'su', sundays: 'su',
};

/** A day code from 'Tue', 'Tuesday', 'TU' or 'https://schema.org/Tuesday'; undefined if it is not a day. */
export function dayCode(value: string): DayCode | undefined {
  const word = value.trim().replace(/^https?:\/\/schema\.org\//i, '').replace(/^schema:/i, '').replace(/\.$/, '').toLowerCase();
  return DAY_WORDS[word];
}

/** A day with an optional week of the month, as in iCalendar BYDAY: 'TU', '2TU', '+2TU', '-1FR'. */
export function icalDay(value: string): { day: DayCode; week?: number } | undefined {
  const match = /^([+-]?\d)?\s*([a-z]{2})$/i.exec(value.trim());
  if (!match) return undefined;
  const day = dayCode(match[2] ?? '');
  if (!day) return undefined;
  return match[1] === undefined ? { day } : { day, week: Number(match[1]) };
}

/** 'HH:MM' from '10:00', '10:00:00', '9.30', '9:30am', '2pm', '14:00:00Z'; undefined if it is not a time. */
export function wallTime(value: unknown): string | undefined {
  const text = str(value)?.toLowerCase().replace(/\s+/g, '');
  if (text === undefined) return undefined;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2})(?:\.\d+)?)?(am|pm)?(z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (match[2] === undefined && match[4] === undefined) return undefined; // a bare number is not a time
  if (match[4] === 'pm' && hours < 12) hours += 12;
  if (match[4] === 'am' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' from an ISO date or date-time (its local date in `timeZone` when it has a time), or a UK 'DD/MM/YYYY'. */
export function isoDate(value: unknown, timeZone: string): string | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return checkedDate(`${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return checkedDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) return undefined;
    // A date-time without an offset is already local wall-clock time.
    return /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? localParts(instant, timeZone).date : checkedDate(text.slice(0, 10));
  }
  return undefined;
}

function checkedDate(text: string): string | undefined {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : undefined;
}

/** Local date, day and 'HH:MM' of an ISO date-time in `timeZone`. */
export function localDateTime(value: unknown, timeZone: string): { date: string; day: DayCode; time: string } | undefined {
  const text = str(value);
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const date = checkedDate(text.slice(0, 10));
    const time = wallTime(text.slice(11, 16));
    if (!date || !time) return undefined;
    return { date, day: localParts(new Date(`${date}T12:00:00Z`), 'UTC').day, time };
  }
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts = localParts(instant, timeZone);
  const time = `${String(Math.floor(parts.minutes / 60)).padStart(2, '0')}:${String(parts.minutes % 60).padStart(2, '0')}`;
  return { date: parts.date, day: parts.day, time };
}

/** Which week of its month a date falls in, counted the way '2nd Tuesday' is: 1 for days 1–7, 2 for 8–14… */
export function weekOfMonthOf(date: string): number {
  return Math.ceil(Number(date.slice(8, 10)) / 7);
}

/**
 * A week of the month the feed can express (1–4, or -1 for the last): the 5th is dropped with a warning by the
 * caller, and so is anything else.
 */
export function feedWeekOfMonth(week: number): 1 | 2 | 3 | 4 | -1 | undefined {
  return week === 1 || week === 2 || week === 3 || week === 4 || week === -1 ? week : undefined;
}

/**
 * Checks a session's times before it goes into the feed: both must be valid and the end after the start. Returns
 * a reason when the session cannot be used.
 */
export function sessionProblem(start: string | undefined, end: string | undefined, rawStart: unknown, rawEnd: unknown): string | undefined {
  if (start === undefined) return `has no usable start time (found ${JSON.stringify(rawStart ?? null)})`;
  if (end === undefined) return `has no usable end time (found ${JSON.stringify(rawEnd ?? null)})`;
  if (end <= start) return `ends (${end}) before it starts (${start}); sessions past midnight cannot be listed`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Places

/** Valid WGS84 coordinates, or a warning and undefined. A point at 0,0 is a missing value in disguise. */
export function coordinates(latValue: unknown, lngValue: unknown, warnings: Warnings, source: string): { lat: number; lng: number } | undefined {
  const lat = num(latValue);
  const lng = num(lngValue);
  if (lat === undefined || lng === undefined) {
    warnings.add(source, 'has no latitude and longitude, so it cannot be shown on the map', 'coordinates');
    return undefined;
  }
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
    warnings.add(source, `has coordinates outside the valid range (latitude ${lat}, longitude ${lng}); they were dropped`, 'coordinates');
    return undefined;
  }
  if (lat === 0 && lng === 0) {
    warnings.add(source, 'has coordinates 0, 0, which mean "not known"; they were dropped', 'coordinates');
    return undefined;
  }
  return { lat: roundCoordinate(lat), lng: roundCoordinate(lng) };
}

function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A UK postcode in its usual form ('ol1 1xx' → 'OL1 1XX'), or the text as given. */
export function postcode(value: unknown): string | undefined {
  const text = str(value)?.toUpperCase().replace(/\s+/g, '');
  if (text === undefined) return undefined;
  return /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(text) ? `${text.slice(0, -3)} ${text.slice(-3)}` : str(value);
}

/** Venue accessibility words the app knows (feed-format.md), from the words sources use. */
export function accessibilityWords(values: readonly string[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    const text = value.toLowerCase();
    if (/step[- ]?free|wheelchair|level access|ramp|lift/.test(text)) words.add('step-free');
    if (/accessible (toilet|loo|wc)|disabled (toilet|loo|wc)|changing places/.test(text)) words.add('accessible-toilet');
    if (/hearing loop|induction loop|\bloop\b/.test(text)) words.add('hearing-loop');
    if (/parking|car park/.test(text)) words.add('parking');
    if (/baby[- ]?chang/.test(text)) words.add('baby-changing');
    if (/quiet (space|room|area)/.test(text)) words.add('quiet-space');
  }
  return [...words];
}

// ---------------------------------------------------------------------------------------------------
// Languages

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', urdu: 'ur', bengali: 'bn', bangla: 'bn', sylheti: 'syl', punjabi: 'pa', panjabi: 'pa', gujarati: 'gu',
  polish: 'pl', arabic: 'ar', romanian: 'ro', hindi: 'hi', pashto: 'ps', farsi: 'fa', persian: 'fa', kurdish: 'ku',
  somali: 'so', tigrinya: 'ti', french: 'fr', spanish: 'es', portuguese: 'pt', ukrainian: 'uk', russian: 'ru',
  chinese: 'zh', mandarin: 'zh', cantonese: 'yue', turkish: 'tr', czech: 'cs', slovak: 'sk', lithuanian: 'lt',
  'british sign language': 'bfi', bsl: 'bfi', welsh: 'cy',
};

/** Language codes from names ('Urdu') or codes ('ur', 'en-GB'); the ones not understood are warned about. */
export function languageCodes(values: readonly string[], warnings: Warnings, source: string, field: string): string[] {
  const codes: string[] = [];
  for (const value of values) {
    const text = value.trim();
    if (text === '') continue;
    const code = LANGUAGE_NAMES[text.toLowerCase()] ?? (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(text) ? text.toLowerCase().split('-')[0] : undefined);
    if (code === undefined) warnings.add(source, `language "${text}" is not a language name or code the importer knows; it was dropped`, field);
    else if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

// ---------------------------------------------------------------------------------------------------
// Contacts and money

export function webUrl(value: unknown, warnings: Warnings, source: string, field: string): string | undefined {
  let text = str(value);
  if (text === undefined) return undefined;
  if (/^www\./i.test(text)) text = `https://${text}`;
  if (isWebUrl(text)) return text;
  warnings.add(source, `${JSON.stringify(text)} is not an http: or https: address; it was dropped`, field);
  return undefined;
}

/** '£4.50' from an amount (and a currency code, GBP by default). */
export function money(amount: number, currency = 'GBP'): string {
  const symbol = { GBP: '£', EUR: '€', USD: '$' }[currency.toUpperCase()];
  const figure = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  return symbol ? `${symbol}${figure}` : `${figure} ${currency}`;
}

// ---------------------------------------------------------------------------------------------------
// Building the feed

/** An activity as the importers write it (shared/feed-format.md), with plain-string texts in the default language. */
export interface Activity {
  id: string;
  name: string;
  summary: string;
  description?: string;
  categories: string[];
  organisation: string;
  venue?: string;
  online: boolean;
  schedule: Session[];
  cost: { free: boolean; note?: string };
  audience?: { minAge?: number; maxAge?: number; gender?: 'women' | 'men'; tags: string[] };
  languages: string[];
  howToJoin?: HowToJoin;
  contact?: { name?: string; phone?: string; email?: string; website?: string };
  childcare: boolean;
  status: Status;
  checked?: string;
}

/** Categories, organisations and venues collected while importing, each created once with a stable id. */
export class Registry {
  readonly categories = new Map<string, Category>();
  readonly organisations = new Map<string, Organisation>();
  readonly venues = new Map<string, Venue>();
  private readonly venueKeys = new Map<string, string>();
  private readonly organisationKeys = new Map<string, string>();
  private readonly venueIds = new IdRegistry();
  private readonly organisationIds = new IdRegistry();

  /** The category for a source term, by name: 'Mental health' → 'mental-health'. */
  category(name: string, description?: string): string {
    const id = slug(name) || 'other';
    if (!this.categories.has(id)) {
      const category: Category = { id, name: name.trim() };
      if (description) category.description = description;
      this.categories.set(id, category);
    }
    return id;
  }

  /** An organisation, deduplicated by its source id or else its name. */
  organisation(key: string | undefined, wantedId: string, make: (id: string) => Organisation): string {
    const lookup = key ?? `name:${wantedId}`;
    const known = this.organisationKeys.get(lookup);
    if (known !== undefined) return known;
    const id = this.organisationIds.take(wantedId);
    this.organisations.set(id, make(id));
    this.organisationKeys.set(lookup, id);
    return id;
  }

  /**
   * A venue, deduplicated by its source id and by its address: two services at the same hall share one venue.
   * Returns the venue id.
   */
  venue(keys: readonly (string | undefined)[], wantedId: string, make: (id: string) => Venue): string {
    for (const key of keys) {
      const known = key === undefined ? undefined : this.venueKeys.get(key);
      if (known !== undefined) {
        for (const other of keys) if (other !== undefined) this.venueKeys.set(other, known);
        return known;
      }
    }
    const id = this.venueIds.take(wantedId);
    this.venues.set(id, make(id));
    for (const key of keys) if (key !== undefined) this.venueKeys.set(key, id);
    return id;
  }
}

/** A key that two records of the same place share: lower-case address words and postcode. */
export function addressKey(address: string | undefined, postcodeText: string | undefined): string | undefined {
  if (address === undefined && postcodeText === undefined) return undefined;
  return `address:${(address ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}|${(postcodeText ?? '').toUpperCase().replace(/\s+/g, '')}`;
}

export type { Category, DayCode, Organisation, Session, Venue };
