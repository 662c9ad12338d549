import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import { buildSearchIndex, normaliseForSearch, searchActivities } from '../../src/browse/search';
import { generateFeed } from '../../scripts/bench/generate-feed';
import { FIXTURE_NOW, minimalFeed, type FeedJson } from './fixtures';

function feedOf(json: FeedJson | object): Feed {
  const { feed, problems } = checkFeed(json, { now: FIXTURE_NOW });
  if (!feed) throw new Error(problems.map((p) => p.message).join('\n'));
  return feed;
}

/** Fixture feed plus a listing with names in Urdu, Bengali and Polish. */
function multilingualFeed(): Feed {
  const json = minimalFeed();
  json.activities.push({
    id: 'stay-and-play-werneth',
    name: { en: 'Stay and Play', ur: 'آئیں اور کھیلیں', bn: 'থাকুন ও খেলুন', pl: 'Zabawy dla maluchów' },
    summary: { en: 'Songs and stories for under-fives.', pl: 'Piosenki i bajki dla dzieci do lat pięciu.' },
    categories: ['social'],
    organisation: 'action-together',
    venue: 'werneth-community-centre',
    schedule: [{ freq: 'weekly', days: ['mo'], start: '09:30', end: '11:00' }],
    cost: { free: true },
    childcare: true,
  });
  return feedOf(json);
}

function idsFound(feed: Feed, query: string): string[] {
  const index = buildSearchIndex(feed);
  return searchActivities(index, query).map((i) => feed.activities[i]?.id ?? '?');
}

describe('normaliseForSearch', () => {
  it('ignores case, accents on Latin letters and extra spaces', () => {
    expect(normaliseForSearch('Memory  Café ')).toBe('memory cafe');
    expect(normaliseForSearch('  Knit \t and\nNatter ')).toBe('knit and natter');
    expect(normaliseForSearch('Robótki i ŻÓŁW')).toBe('robotki i zolw');
    expect(normaliseForSearch('Łódź, Straße, Søren, Œuvre, İstanbul')).toBe('lodz strasse soren oeuvre istanbul');
  });

  it('unifies compatibility forms (ligatures, full-width letters)', () => {
    expect(normaliseForSearch('ﬁsh ＫＮＩＴ')).toBe('fish knit');
  });

  it('treats punctuation as a space and drops apostrophes', () => {
    expect(normaliseForSearch('Stay-and-Play')).toBe('stay and play');
    expect(normaliseForSearch('Knit & Natter')).toBe('knit natter');
    expect(normaliseForSearch('Women’s Swimming')).toBe('womens swimming');
    expect(normaliseForSearch("Men's Shed")).toBe('mens shed');
  });

  it('keeps the vowel signs of Bengali, Devanagari and Gurmukhi, which change the word', () => {
    for (const text of ['বোনা ও আড্ডা', 'থাকুন ও খেলুন', 'ਪੰਜਾਬੀ ਕਲੱਬ', 'हिंदी क्लब', 'ગુજરાતી']) {
      expect(normaliseForSearch(text)).toBe(text.normalize('NFC'));
    }
    // কাল (kal) and কল (kol) differ only by a vowel sign: they must stay different.
    expect(normaliseForSearch('কাল')).not.toBe(normaliseForSearch('কল'));
  });

  it('keeps Urdu and Arabic letters, folding only the Arabic forms Urdu keyboards do not type and optional short vowels', () => {
    expect(normaliseForSearch('بنائی اور گپ شپ')).toBe('بنائی اور گپ شپ');
    expect(normaliseForSearch('\u0643\u064A')).toBe(normaliseForSearch('\u06A9\u06CC')); // Arabic kaf and yeh as Urdu types them
    expect(normaliseForSearch('مُحَمَّد')).toBe('محمد');
  });

  it('compares text typed in composed and decomposed forms alike', () => {
    expect(normaliseForSearch('Cafe\u0301')).toBe(normaliseForSearch('Café'));
    expect(normaliseForSearch('\u09A1\u09BC')).toBe(normaliseForSearch('\u09DC')); // Bengali ড় either way
  });
});

describe('searchActivities', () => {
  const feed = multilingualFeed();

  it('finds everything for an empty query', () => {
    expect(idsFound(feed, '')).toHaveLength(feed.activities.length);
    expect(idsFound(feed, '   ')).toHaveLength(feed.activities.length);
  });

  it('finds a name without its accent, in any case', () => {
    expect(idsFound(feed, 'cafe')).toEqual(['memory-cafe-library']);
    expect(idsFound(feed, 'MEMORY CAFÉ')).toEqual(['memory-cafe-library']);
  });

  it('needs every word, in any order, anywhere within words', () => {
    expect(idsFound(feed, 'natter knit')).toEqual(['knit-and-natter-werneth']);
    expect(idsFound(feed, 'knit fair')).toEqual([]);
    expect(idsFound(feed, 'nat')).toEqual(['knit-and-natter-werneth']);
  });

  it('looks in the summary, category names, venue and organisation', () => {
    expect(idsFound(feed, 'dementia')).toEqual(['memory-cafe-library']);
    expect(idsFound(feed, 'arts')).toEqual(['knit-and-natter-werneth', 'winter-craft-fair-online']); // category 'Arts and crafts'
    expect(idsFound(feed, 'library')).toEqual(['memory-cafe-library']); // venue
    expect(idsFound(feed, 'age uk')).toEqual(['memory-cafe-library']); // organisation
    expect(idsFound(feed, 'werneth')).toEqual(['knit-and-natter-werneth', 'stay-and-play-werneth']);
  });

  it('does not look in the description', () => {
    expect(idsFound(feed, 'needles')).toEqual([]);
  });

  it('finds a listing by its name in every language the feed gives', () => {
    expect(idsFound(feed, 'کھیلیں')).toEqual(['stay-and-play-werneth']);
    expect(idsFound(feed, 'খেলুন')).toEqual(['stay-and-play-werneth']);
    expect(idsFound(feed, 'থাকু')).toEqual(['stay-and-play-werneth']); // part of a Bengali word, as it is being typed
    expect(idsFound(feed, 'maluchow')).toEqual(['stay-and-play-werneth']);
    expect(idsFound(feed, 'piosenki')).toEqual(['stay-and-play-werneth']); // Polish summary
  });

  it('does not let one word run from one field into the next', () => {
    expect(idsFound(feed, 'natterbring')).toEqual([]);
  });

  it('gives the same answer letter by letter, and after deleting letters, as searching afresh', () => {
    const large = feedOf(generateFeed(400, 7));
    const index = buildSearchIndex(large);
    const typed = ['k', 'kn', 'kni', 'knit', 'knit ', 'knit a', 'knit an', 'knit and', 'knit an', 'kni', 's', 'st', 'sta', 'stay and play', 'walk', 'wal', 'walk w', 'Café', 'cafe', 'zzz', ''];
    for (const query of typed) {
      const fresh = searchActivities(buildSearchIndex(large), query);
      expect(searchActivities(index, query), query).toEqual(fresh);
    }
  });

  it('returns a copy the caller may change', () => {
    const index = buildSearchIndex(feed);
    const first = searchActivities(index, 'werneth');
    first.length = 0;
    expect(searchActivities(index, 'werneth')).toHaveLength(2);
  });
});
