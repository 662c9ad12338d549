import { describe, expect, it } from 'vitest';
import type { Place } from '../../src/feed/schema';
import { distanceKm, kmToMiles } from '../../src/browse/distance';
import { matchPlaces } from '../../src/browse/places';

function place(id: string, name: Place['name'], postcodeDistricts: string[] = [], lat = 53.54, lng = -2.11): Place {
  return { id, name, postcodeDistricts, lat, lng };
}

const places: Place[] = [
  place('oldham-town-centre', 'Oldham town centre', ['OL1']),
  place('werneth', 'Werneth', ['OL8']),
  place('rochdale', 'Rochdale', ['OL11', 'OL16']),
  place('failsworth', 'Failsworth', ['M35']),
  place('chadderton', { en: 'Chadderton', ur: 'چاڈرٹن' }, ['OL9']),
  place('werneth-low', 'Werneth Low', ['SK14']),
  place('green-ash', 'Green Ash', []),
  place('bashford', 'Bashford', []),
  place('ashton', 'Ashton-under-Lyne', ['OL6', 'ol7 1aa']),
  place('cafe-quarter', 'Café Quarter', ['M4']),
];

const found = (typed: string): string[] => matchPlaces(places, typed).map((p) => p.id);

describe('matchPlaces by postcode', () => {
  it('finds a postcode district however it is typed', () => {
    expect(found('OL8')).toEqual(['werneth']);
    expect(found('ol8')).toEqual(['werneth']);
    expect(found(' OL8 ')).toEqual(['werneth']);
  });

  it('finds the district of a full or partly typed postcode', () => {
    expect(found('OL8 1AA')).toEqual(['werneth']);
    expect(found('ol8 1aa')).toEqual(['werneth']);
    expect(found('OL81AA')).toEqual(['werneth']);
    expect(found('OL8 1')).toEqual(['werneth']);
    expect(found('OL8 1A')).toEqual(['werneth']);
    expect(found('OL16 3AB')).toEqual(['rochdale']);
  });

  it('never takes one district for another that starts the same', () => {
    expect(found('OL1')).toEqual(['oldham-town-centre']);
    expect(found('OL16')).toEqual(['rochdale']);
    expect(found('OL11')).toEqual(['rochdale']);
    // Without a space, 'OL16AB' can only be OL1 6AB: the inward code is a digit and two letters.
    expect(found('OL16AB')).toEqual(['oldham-town-centre']);
    expect(found('OL161AB')).toEqual(['rochdale']);
  });

  it('reads a full postcode written in the feed as its district', () => {
    expect(found('OL7')).toEqual(['ashton']);
  });

  it('lists the places of a postcode area for its letters, after names that start with them', () => {
    expect(found('ol')).toEqual(['oldham-town-centre', 'werneth', 'rochdale', 'chadderton', 'ashton']);
    expect(found('M')).toEqual(['failsworth', 'cafe-quarter']);
  });
});

describe('matchPlaces by name', () => {
  it('finds a name from its first letters, whole names first', () => {
    expect(found('wern')).toEqual(['werneth', 'werneth-low']);
    expect(found('Werneth')).toEqual(['werneth', 'werneth-low']);
    expect(found('low')).toEqual(['werneth-low']);
  });

  it('ranks a name that starts with the text, then a word that does, then a name that contains it', () => {
    expect(found('ash')).toEqual(['ashton', 'green-ash', 'bashford']);
    expect(found('town')).toEqual(['oldham-town-centre']);
    expect(found('dham')).toEqual(['oldham-town-centre']);
  });

  it('ignores case and accents, and matches several words', () => {
    expect(found('cafe q')).toEqual(['cafe-quarter']);
    expect(found('CAFÉ')).toEqual(['cafe-quarter']);
    expect(found('oldham centre')).toEqual(['oldham-town-centre']);
    expect(found('ashton under')).toEqual(['ashton']);
  });

  it('finds a name in any language the feed gives', () => {
    expect(found('چاڈ')).toEqual(['chadderton']);
  });

  it('finds nothing for nothing, or for text no place has', () => {
    expect(found('')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('atlantis')).toEqual([]);
    expect(found('ZZ9 9ZZ')).toEqual([]);
  });

  it('gives at most as many as asked', () => {
    expect(matchPlaces(places, 'ol', { limit: 2 }).map((p) => p.id)).toEqual(['oldham-town-centre', 'werneth']);
  });
});

describe('distanceKm', () => {
  const werneth = { lat: 53.5361, lng: -2.1322 };
  const library = { lat: 53.5431, lng: -2.1168 };

  it('is zero from a point to itself and the same both ways', () => {
    expect(distanceKm(werneth, werneth)).toBe(0);
    expect(distanceKm(werneth, library)).toBeCloseTo(distanceKm(library, werneth), 10);
  });

  it('measures a short hop across Oldham and a long way across England', () => {
    expect(distanceKm(werneth, library)).toBeCloseTo(1.28, 1);
    // Manchester Piccadilly to London King's Cross: about 262 km as the crow flies.
    expect(distanceKm({ lat: 53.4774, lng: -2.2309 }, { lat: 51.5308, lng: -0.1238 })).toBeCloseTo(262, -1);
  });

  it('converts to miles', () => {
    expect(kmToMiles(1.609344)).toBeCloseTo(1, 10);
    expect(kmToMiles(10)).toBeCloseTo(6.2137, 4);
  });
});
