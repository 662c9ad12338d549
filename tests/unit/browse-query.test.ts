import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  activeFilters,
  emptyQuery,
  FILTER_KEYS,
  queryFromSearch,
  searchFromQuery,
  withoutFilter,
  type BrowseQuery,
} from '../../src/browse/query';

const everything: BrowseQuery = {
  q: 'knit',
  categories: ['craft', 'social'],
  day: 'today',
  times: ['morning'],
  free: true,
  women: true,
  children: true,
  languages: ['pa', 'ur'],
  access: ['step-free'],
  join: ['drop-in'],
  online: true,
  near: 'werneth',
  sort: 'distance',
  view: 'map',
};
const everythingSearch = '?q=knit&cat=craft,social&day=today&time=morning&free=1&women=1&children=1&lang=pa,ur&access=step-free&join=drop-in&online=1&near=werneth&sort=distance&view=map';

describe('searchFromQuery', () => {
  it('writes nothing for the empty query, so the home page keeps a clean address', () => {
    expect(searchFromQuery(emptyQuery)).toBe('');
    expect(searchFromQuery({ ...emptyQuery, q: '   ' })).toBe('');
  });

  it('writes every key in a fixed order with short values', () => {
    expect(searchFromQuery(everything)).toBe(everythingSearch);
  });

  it('gives the same address whatever order the choices were made in, and without repeats', () => {
    const a = searchFromQuery({ ...emptyQuery, categories: ['social', 'craft', 'social'], times: ['evening', 'morning'], languages: ['UR', 'bn'], join: ['self-refer', 'drop-in'] });
    const b = searchFromQuery({ ...emptyQuery, categories: ['craft', 'social'], times: ['morning', 'evening'], languages: ['bn', 'ur'], join: ['drop-in', 'self-refer'] });
    expect(a).toBe(b);
    expect(a).toBe('?cat=craft,social&time=morning,evening&lang=bn,ur&join=drop-in,self-refer');
  });

  it('leaves out defaults and values a link could not carry', () => {
    expect(searchFromQuery({ ...emptyQuery, sort: 'soonest', view: 'list', near: null })).toBe('');
    expect(searchFromQuery({ ...emptyQuery, categories: ['Not an id!'], near: 'no/such place' })).toBe('');
  });

  it('encodes search words readably (spaces as +) and safely', () => {
    expect(searchFromQuery({ ...emptyQuery, q: 'knit and natter' })).toBe('?q=knit+and+natter');
    expect(searchFromQuery({ ...emptyQuery, q: 'café & tea=1?' })).toBe('?q=caf%C3%A9+%26+tea%3D1%3F');
    expect(searchFromQuery({ ...emptyQuery, q: 'بنائی' })).toBe(`?q=${encodeURIComponent('بنائی')}`);
  });

  it('writes a chosen day as its date', () => {
    expect(searchFromQuery({ ...emptyQuery, day: '2026-12-05' })).toBe('?day=2026-12-05');
  });
});

describe('queryFromSearch', () => {
  it('reads back what searchFromQuery wrote', () => {
    expect(queryFromSearch(everythingSearch)).toEqual(everything);
    expect(queryFromSearch(everythingSearch.slice(1))).toEqual(everything); // without the '?'
  });

  it('reads an empty or missing search as the empty query', () => {
    expect(queryFromSearch('')).toEqual(emptyQuery);
    expect(queryFromSearch('?')).toEqual(emptyQuery);
  });

  it('round-trips search words with spaces, symbols and other scripts exactly as typed', () => {
    for (const q of ['knit and natter', 'café & tea=1?', 'বোনা ও আড্ডা', 'Robótki i pogaduszki', 'stay and ', '100% + more, please']) {
      const query = { ...emptyQuery, q };
      expect(queryFromSearch(searchFromQuery(query))).toEqual(query);
    }
  });

  it('round-trips every day filter', () => {
    for (const day of ['today', 'week', 'weekend', '2027-01-05'] as const) {
      const query = { ...emptyQuery, day };
      expect(queryFromSearch(searchFromQuery(query))).toEqual(query);
    }
  });

  it('ignores unknown keys and values it cannot use, keeping the rest', () => {
    const query = queryFromSearch(
      '?cat=Craft,,bad id!,social&day=tomorrow&time=noon,MORNING&free=maybe&women=1&lang=xx_yy,UR&access=Step-Free&join=walk-in,drop-in&near=<script>&sort=random&view=grid&utm_source=poster',
    );
    expect(query).toEqual({
      ...emptyQuery,
      categories: ['craft', 'social'],
      times: ['morning'],
      women: true,
      languages: ['ur'],
      access: ['step-free'],
      join: ['drop-in'],
    });
  });

  it('rejects dates that are not on the calendar', () => {
    expect(queryFromSearch('?day=2026-02-30').day).toBeNull();
    expect(queryFromSearch('?day=2026-2-3').day).toBeNull();
    expect(queryFromSearch('?day=2028-02-29').day).toBe('2028-02-29');
  });

  it('accepts repeated keys and the common spellings of yes', () => {
    expect(queryFromSearch('?cat=social&cat=craft').categories).toEqual(['craft', 'social']);
    expect(queryFromSearch('?free').free).toBe(true);
    expect(queryFromSearch('?free=true&women=yes&children=on&online=0')).toMatchObject({ free: true, women: true, children: true, online: false });
  });

  it('takes the first of repeated single values', () => {
    expect(queryFromSearch('?sort=name&sort=distance').sort).toBe('name');
  });

  it('reads near as a place id or "here", never as coordinates', () => {
    expect(queryFromSearch('?near=here').near).toBe('here');
    expect(queryFromSearch('?near=Werneth').near).toBe('werneth');
    expect(queryFromSearch('?near=53.54,-2.11').near).toBeNull();
  });

  it('survives garbage without throwing', () => {
    const garbage = ['?q=%E0%A4%A', '?%%%=%%%', '?q=' + 'x'.repeat(10_000), '?cat=' + 'a,'.repeat(5000), '&&&==&', '?__proto__=1&constructor=2', '?q=\u0000\uFFFF'];
    for (const search of garbage) {
      const query = queryFromSearch(search);
      expect(query.q.length).toBeLessThanOrEqual(200);
      expect(query.categories.length).toBeLessThanOrEqual(50);
      // Whatever came in, writing it out and reading it again changes nothing.
      expect(queryFromSearch(searchFromQuery(query))).toEqual(query);
    }
    // A broken percent-escape reads as a replacement character (per the URL standard), not an error.
    expect(queryFromSearch('?q=%E0%A4%A').q).toBe('\uFFFD%A');
  });

  it('makes a canonical address from any address', () => {
    const messy = '?view=map&free=true&cat=social,craft,social&q=knit+and+natter&utm=1';
    const canonical = searchFromQuery(queryFromSearch(messy));
    expect(canonical).toBe('?q=knit+and+natter&cat=craft,social&free=1&view=map');
    expect(searchFromQuery(queryFromSearch(canonical))).toBe(canonical);
  });
});

describe('active filters', () => {
  it('counts each choice once, but not the search words, place, sort or view', () => {
    expect(activeFilterCount(emptyQuery)).toBe(0);
    expect(activeFilterCount({ ...emptyQuery, q: 'knit', near: 'werneth', sort: 'name', view: 'map' })).toBe(0);
    expect(activeFilterCount(everything)).toBe(2 + 1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1);
  });

  it('names the active filters by their URL keys and can turn each off', () => {
    expect(activeFilters(emptyQuery)).toEqual([]);
    expect(activeFilters(everything)).toEqual([...FILTER_KEYS]);
    for (const key of FILTER_KEYS) {
      const without = withoutFilter(everything, key);
      expect(activeFilters(without)).toEqual(FILTER_KEYS.filter((k) => k !== key));
      expect(without.near).toBe('werneth');
      expect(searchFromQuery(without)).not.toContain(`${key}=`);
    }
  });
});
