// Word search over the listings: 'cafe' finds 'Café', 'robotki' finds 'Robótki', and text in Urdu,
// Bengali or Punjabi is found in its own script. The index is built once per feed so each keystroke only scans.
import type { Feed, Text } from '../feed/schema';
import { allTexts } from '../feed/text';

// Letters that carry their difference in the letter itself rather than a combining mark, so NFKD
// leaves them alone; people typing on an English keyboard write the plain letter.
const LATIN_FOLDS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
// Urdu and Persian keyboards type these letters; much Urdu text on the web was typed with the Arabic ones.
const ARABIC_FOLDS: Record<string, string> = {
  '\u064A': '\u06CC', // Arabic yeh → Farsi yeh
  '\u0649': '\u06CC', // alef maksura → Farsi yeh
  '\u0643': '\u06A9', // Arabic kaf → keheh
};
const FOLDABLE_LATIN = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'gu');
const FOLDABLE_ARABIC = new RegExp(`[${Object.keys(ARABIC_FOLDS).join('')}]`, 'gu');

// Accents are dropped only from Latin letters: in Bengali, Devanagari or Gurmukhi the combining
// marks are vowel signs, and dropping them would turn one word into another.
const MARKS_ON_LATIN = /(\p{Script=Latin})\p{M}+/gu;
// Arabic-script short vowels and the stretching tatweel are optional; most Urdu text leaves them out.
const OPTIONAL_ARABIC_MARKS = /[\u064B-\u0652\u0640]/g;
// Invisible joiners and soft hyphens, which a phone keyboard may or may not type.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /['\u2018\u2019\u02BC`]/g;
// Other punctuation separates words: 'stay-and-play' and 'Knit & Natter' read as words.
const PUNCTUATION = /[\p{P}\s]+/gu;
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/**
 * The form in which both the listings and what is typed are compared: lower case, accents off Latin
 * letters, compatibility forms unified (ligatures, full-width letters), punctuation as spaces, runs of
 * spaces as one, no space at either end.
 */
export function normaliseForSearch(text: string): string {
  let s = text.toLowerCase();
  if (!PLAIN_ASCII.test(s)) {
    s = s
      .normalize('NFKD')
      // Compatibility forms can bring capitals back ('㎒' is 'MHz').
      .toLowerCase()
      .replace(MARKS_ON_LATIN, '$1')
      .replace(FOLDABLE_LATIN, (letter) => LATIN_FOLDS[letter] ?? letter)
      .replace(INVISIBLE, '')
      // Compose again what is left (Indic vowel signs, Arabic hamza), so haystacks stay short and typed text compares alike.
      .normalize('NFC')
      // After composing, so that a yeh carrying a hamza (ئ) is left as it is.
      .replace(FOLDABLE_ARABIC, (letter) => ARABIC_FOLDS[letter] ?? letter)
      .replace(OPTIONAL_ARABIC_MARKS, '');
  }
  return s.replace(APOSTROPHES, '').replace(PUNCTUATION, ' ').trim();
}

export interface SearchIndex {
  /** Per activity, in feed order: its name and summary in every language, normalised. */
  readonly own: readonly string[];
  /** Names (every language) of the feed's categories, venues and organisations, normalised, each once. */
  readonly shared: readonly string[];
  /** Which `shared` texts belong to activity i: `sharedIds[sharedStart[i]]` up to `sharedIds[sharedStart[i + 1]]`. */
  readonly sharedStart: Int32Array;
  readonly sharedIds: Int32Array;
}

/** The last search per index, so that typing one more letter only rescans what matched before. */
interface LastSearch {
  normalised: string;
  matches: number[];
}
const lastSearches = new WeakMap<SearchIndex, LastSearch>();

function normaliseTexts(value: Text | undefined): string {
  return allTexts(value).map(normaliseForSearch).join(' ');
}

/**
 * Per activity: its name and summary in every language the feed gives, the names of its categories
 * (every language), its venue's and its organisation's names. The shared names are kept once rather
 * than copied into every activity, so a keystroke scans much less text.
 */
export function buildSearchIndex(feed: Feed): SearchIndex {
  const builder = searchIndexBuilder(feed);
  for (let i = 0; i < feed.activities.length; i++) builder.add(i);
  return builder.finish();
}

/** The same, one activity at a time (in feed order), so that a big feed can be indexed in slices between frames. */
export function searchIndexBuilder(feed: Feed): { add(i: number): void; finish(): SearchIndex } {
  const shared: string[] = [];
  const idsOf = <T extends { name: Text }>(records: ReadonlyMap<string, T>): Map<string, number> =>
    new Map([...records].map(([id, record]) => [id, shared.push(normaliseTexts(record.name)) - 1]));
  const categories = idsOf(feed.categories);
  const venues = idsOf(feed.venues);
  const organisations = idsOf(feed.organisations);
  const own: string[] = [];
  const sharedStart = new Int32Array(feed.activities.length + 1);
  const sharedIds: number[] = [];
  return {
    add(i) {
      const activity = feed.activities[i]!;
      // Words hold no spaces, so joining with one cannot create a match across two fields.
      own.push(`${normaliseTexts(activity.name)} ${normaliseTexts(activity.summary)}`);
      const links = [...activity.categories.map((id) => categories.get(id)), activity.venue === undefined ? undefined : venues.get(activity.venue), organisations.get(activity.organisation)];
      for (const link of links) if (link !== undefined) sharedIds.push(link);
      sharedStart[i + 1] = sharedIds.length;
    },
    finish: () => ({ own, shared, sharedStart, sharedIds: Int32Array.from(sharedIds) }),
  };
}

function allIndices(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** Indices (feed order) of the activities in which every word of `query` occurs, anywhere in a word; all of them for an empty query. */
export function searchActivities(index: SearchIndex, query: string): number[] {
  return searchIndices(index, query).slice();
}

/** As searchActivities, without the defensive copy: the array is kept for the next search and must not be changed. */
export function searchIndices(index: SearchIndex, query: string): readonly number[] {
  const { own, shared, sharedStart, sharedIds } = index;
  const normalised = normaliseForSearch(query);
  if (normalised === '') return allIndices(own.length);
  const last = lastSearches.get(index);
  if (last?.normalised === normalised) return last.matches;
  // Longest first: it is the rarest, so most listings are rejected after one test.
  const tokens = [...new Set(normalised.split(' '))].sort((a, b) => b.length - a.length);
  // Per word, which shared names contain it: worked out once rather than for every activity that has them.
  const sharedHits = tokens.map((token) => {
    const hits = new Uint8Array(shared.length);
    for (let k = 0; k < shared.length; k++) if (shared[k]!.includes(token)) hits[k] = 1;
    return hits;
  });
  // Adding letters or words only narrows a search, so only what matched before needs looking at.
  const candidates = last !== undefined && normalised.startsWith(last.normalised) ? last.matches : undefined;
  const matches: number[] = [];
  const test = (i: number): void => {
    const first = sharedStart[i] ?? 0;
    const end = sharedStart[i + 1] ?? 0;
    for (let t = 0; t < tokens.length; t++) {
      if (own[i]!.includes(tokens[t]!)) continue;
      const hits = sharedHits[t]!;
      let found = false;
      for (let k = first; k < end && !found; k++) found = hits[sharedIds[k] ?? 0] === 1;
      if (!found) return;
    }
    matches.push(i);
  };
  if (candidates) for (const i of candidates) test(i);
  else for (let i = 0; i < own.length; i++) test(i);
  lastSearches.set(index, { normalised, matches });
  return matches;
}
