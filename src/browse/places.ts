// 'Near' without GPS: finds the feed's named places from what a person types, a place name ('wern',
// 'Werneth') or a postcode ('OL8', 'ol8 1aa'), on the phone itself (no lookup service, works offline).
import type { Place } from '../feed/schema';
import { allTexts } from '../feed/text';
import { normaliseForSearch } from './search';

/** A UK postcode district (outward code): 'M1', 'OL8', 'OL16', 'SK15', 'EC1A'. */
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;
/** A whole postcode written without its space: 'OL81AA'. */
const COMPACT_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
/** A district followed by a space and the start (or all) of the inward code: 'OL8 ', 'OL8 1', 'OL8 1AA'. */
const SPACED_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) +(\d[A-Z]{0,2})?$/;
const AREA_LETTERS = /^[A-Z]{1,2}$/;

/** How well a place matches; lower is better. */
const Rank = { District: 0, NameStart: 1, WordStarts: 2, Inside: 3, PostcodeArea: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** The districts a typed text can mean: 'OL8 1AA' and 'OL81AA' mean OL8; 'OL16' means OL16 (never OL1). */
function typedDistricts(typed: string): string[] {
  const upper = typed.trim().toUpperCase();
  const spaced = SPACED_POSTCODE.exec(upper);
  if (spaced?.[1] !== undefined) return [spaced[1]];
  const compact = upper.replace(/\s+/g, '');
  const full = COMPACT_POSTCODE.exec(compact);
  if (full?.[1] !== undefined) return [full[1]];
  return DISTRICT.test(compact) ? [compact] : [];
}

/** A place's district as the feed writes it, in the form `typedDistricts` gives (a full postcode there counts as its district). */
function districtOf(written: string): string | undefined {
  return typedDistricts(written)[0];
}

function nameRank(name: string, typed: string, typedWords: readonly string[]): Rank | undefined {
  if (name.startsWith(typed)) return Rank.NameStart;
  const words = name.split(' ');
  if (typedWords.every((typedWord) => words.some((word) => word.startsWith(typedWord)))) return Rank.WordStarts;
  // One or two letters are inside too many names to help.
  if (typed.length >= 3 && name.includes(typed)) return Rank.Inside;
  return undefined;
}

function rankOf(place: Place, typed: string, typedWords: readonly string[], districts: readonly string[], area: string | undefined): Rank | undefined {
  const placeDistricts = place.postcodeDistricts.map(districtOf).filter((d): d is string => d !== undefined);
  if (districts.some((district) => placeDistricts.includes(district))) return Rank.District;
  let best: Rank | undefined;
  for (const name of allTexts(place.name)) {
    const rank = nameRank(normaliseForSearch(name), typed, typedWords);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  if (best !== undefined) return best;
  // Two letters such as 'OL' or 'SK' are the start of every district of that postcode area.
  if (area !== undefined && placeDistricts.some((district) => /^[A-Z]+/.exec(district)?.[0] === area)) return Rank.PostcodeArea;
  return undefined;
}

/**
 * The places that match what was typed, best first: a postcode district, then names starting with
 * the text (in any language the feed gives), then names with words starting with each typed word,
 * then names containing it (from three letters), then, for one or two letters, places in that postcode area. Equal
 * matches keep the feed's order. Nothing typed, nothing found.
 */
export function matchPlaces(places: readonly Place[], typed: string, options: { limit?: number } = {}): Place[] {
  const normalised = normaliseForSearch(typed);
  if (normalised === '') return [];
  const typedWords = normalised.split(' ');
  const districts = typedDistricts(typed);
  const upper = typed.trim().toUpperCase();
  const area = AREA_LETTERS.test(upper) ? upper : undefined;
  const ranked: { place: Place; rank: Rank; order: number }[] = [];
  places.forEach((place, order) => {
    const rank = rankOf(place, normalised, typedWords, districts, area);
    if (rank !== undefined) ranked.push({ place, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, options.limit ?? ranked.length).map(({ place }) => place);
}
