// What posters say, in English and a second language at once, and that their QR code (drawn from the lean-qr
// library's modules) scans back to exactly the listing's address.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import jsQR from 'jsqr';
import { checkFeed } from '../../src/feed/check';
import { activityPosterText, sizeFrom, venuePosterText, VENUE_POSTER_LIMIT } from '../../src/poster/poster-data';
import { qrDrawing, QUIET_ZONE } from '../../src/poster/qr';
import { activitiesAtVenue } from '../../src/share/listing';
import { activityUrl } from '../../src/share/links';
import { FIXTURE_NOW, minimalFeed } from './fixtures';

const strings = (code: string) => ({
  ...(JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as object),
  share: JSON.parse(readFileSync(`locales/share/${code}.json`, 'utf8')) as object,
});

let english: TFunction;
let urdu: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: strings('en') }, ur: { translation: strings('ur') } }, interpolation: { escapeValue: false } });
  english = instance.getFixedT('en');
  urdu = instance.getFixedT('ur');
});

function feedWith(change: (json: ReturnType<typeof minimalFeed>) => void) {
  const json = minimalFeed();
  change(json);
  return checkFeed(json, { now: FIXTURE_NOW }).feed!;
}

describe('an activity poster', () => {
  const feed = feedWith((json) => {
    json.activities[0]!.name = { en: 'Knit and Natter', ur: 'بُنائی اور گپ شپ' };
  });
  const knit = feed.activities[0]!;

  it('says when, where, how to join and the cost in English', () => {
    const text = activityPosterText(knit, feed, 'en', english);
    expect(text).toMatchObject({
      lang: 'en',
      dir: 'ltr',
      name: 'Knit and Natter',
      when: ['Every Tuesday and Thursday, 10:00–12:00'],
      where: 'Werneth Community Centre',
      join: 'Just come along. You do not need to book.',
      cost: 'Free',
      scan: "Scan with your phone's camera for details",
    });
  });

  it('says the same in the second language, right to left, with the feed’s own name in that language', () => {
    const text = activityPosterText(knit, feed, 'ur', urdu);
    expect(text.dir).toBe('rtl');
    expect(text.hasOwnName).toBe(true);
    expect(text.name).toBe('بُنائی اور گپ شپ');
    expect(text.when[0]).toContain('منگل');
    expect(text.cost).toBe(urdu('activity.badges.free'));
    expect(text.scan).toBe('تفصیل کے لیے اپنے فون کے کیمرے سے اسکین کریں');
  });

  it('says an online activity is online and a memory café has a small cost', () => {
    const online = activityPosterText(feed.activities[2]!, feed, 'en', english);
    expect(online.where).toBe('This activity takes place online.');
    expect(activityPosterText(feed.activities[1]!, feed, 'en', english).cost).toBe('Small cost');
  });
});

describe('a venue poster', () => {
  it('lists the venue’s active activities, as many as fit the paper, and says how many more the code leads to', () => {
    const feed = feedWith((json) => {
      const template = json.activities[0]!;
      for (let i = 0; i < 9; i++) json.activities.push({ ...structuredClone(template), id: `extra-${i}`, name: `Extra ${i}` });
      json.activities.push({ ...structuredClone(template), id: 'paused-one', name: 'Paused', status: 'paused' });
    });
    const venue = feed.venues.get('werneth-community-centre')!;
    const here = activitiesAtVenue(feed, venue.id);
    const a4 = venuePosterText(venue, here, feed, 'en', english, 'a4');
    expect(a4.title).toBe("What's on at Werneth Community Centre");
    expect(a4.activities).toHaveLength(VENUE_POSTER_LIMIT.a4);
    expect(a4.activities.map((a) => a.name)).not.toContain('Paused');
    expect(a4.more).toBe('And 2 more activities: scan the code');
    const a5 = venuePosterText(venue, here, feed, 'en', english, 'a5');
    expect(a5.activities).toHaveLength(VENUE_POSTER_LIMIT.a5);
    expect(a5.more).toBe('And 6 more activities: scan the code');
  });
});

describe('paper sizes', () => {
  it('are A4 unless A5 is asked for', () => {
    expect([sizeFrom('a5'), sizeFrom('a4'), sizeFrom(null), sizeFrom('letter')]).toEqual(['a5', 'a4', 'a4', 'a4']);
  });
});

describe('the QR code', () => {
  /** Draws the SVG path's unit squares into pixels, as the printed poster would show them, for jsQR to read. */
  function scan(text: string): { data: string | null; errorCorrection: string } {
    const drawing = qrDrawing(text);
    const scale = 6;
    const width = drawing.size * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    for (const [, x, y, run] of drawing.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < Number(run) * scale; dx++) {
          const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
          pixels.set([0, 0, 0, 255], offset);
        }
      }
    }
    return { data: jsQR(pixels, width, width)?.data ?? null, errorCorrection: errorCorrectionOf(drawing.path) };
  }

  /**
   * The error correction level written in the code's own format information (ISO/IEC 18004 7.9): 15 bits beside the
   * top-left finder, XORed with 101010000010010; the top two are the level (01 L, 00 M, 11 Q, 10 H).
   */
  function errorCorrectionOf(path: string): string {
    const dark = new Set<string>();
    for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let k = 0; k < Number(run); k++) dark.add(`${Number(x) - QUIET_ZONE + k},${Number(y) - QUIET_ZONE}`);
    }
    const at = (x: number, y: number): number => (dark.has(`${x},${y}`) ? 1 : 0);
    const places: [number, number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
    const bits = places.reduce((sum, [x, y], i) => sum | (at(x, y) << i), 0) ^ 0b101010000010010;
    return ['M', 'L', 'H', 'Q'][(bits >> 13) & 3]!;
  }

  it('scans back to exactly the listing’s address, with error correction Q (better than M)', () => {
    const url = activityUrl('https://oldham.example.org', 'knit-and-natter-werneth');
    expect(scan(url)).toEqual({ data: url, errorCorrection: 'Q' });
  });

  it('keeps a quiet zone of four modules on every side', () => {
    const drawing = qrDrawing('https://oldham.example.org/venue/werneth-community-centre');
    const coordinates = [...drawing.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map(([, x, y, run]) => [Number(x), Number(y), Number(x) + Number(run)] as const);
    expect(Math.min(...coordinates.map(([x]) => x))).toBe(QUIET_ZONE);
    expect(Math.min(...coordinates.map(([, y]) => y))).toBe(QUIET_ZONE);
    expect(Math.max(...coordinates.map(([, , end]) => end))).toBe(drawing.size - QUIET_ZONE);
  });
});
