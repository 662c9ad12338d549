// Feed text shown among the app's own words: the language picked, and no bidirectional controls let through.
import { describe, expect, it } from 'vitest';
import { displayText, pickText, withoutBidiControls } from '../../src/feed/text';
import { checkFeed } from '../../src/feed/check';
import { minimalFeed } from './fixtures';

describe('pickText', () => {
  it('prefers the reader\u2019s language, then the feed default, then any language it has', () => {
    expect(pickText({ en: 'Walk', ur: 'سیر' }, 'ur', 'en')).toEqual({ text: 'سیر', lang: 'ur' });
    expect(pickText({ en: 'Walk', ur: 'سیر' }, 'pl', 'en')).toEqual({ text: 'Walk', lang: 'en' });
    expect(pickText({ bn: 'হাঁটা' }, 'pl', 'en')).toEqual({ text: 'হাঁটা', lang: 'bn' });
    expect(pickText('Walk', 'ur', 'en')).toEqual({ text: 'Walk', lang: 'en' });
  });

  it('drops right-to-left overrides and other bidirectional controls, so a name cannot reverse the words after it', () => {
    expect(pickText('Knit \u202Eevil\u202C club', 'en', 'en').text).toBe('Knit evil club');
    expect(pickText({ en: '\u2067x\u2069 \u202Dy' }, 'en', 'en').text).toBe('x y');
    expect(displayText('Bengali \u09B8\u09C7\u09B2\u09BE\u0987 and Urdu \u0633\u0644\u0627\u0626\u06CC stay whole')).toBe(
      'Bengali \u09B8\u09C7\u09B2\u09BE\u0987 and Urdu \u0633\u0644\u0627\u0626\u06CC stay whole',
    );
  });
});

describe('withoutBidiControls', () => {
  it('cleans every string of a record and keeps untouched records as they were', () => {
    const clean = { id: 'a', venue: { postcode: 'OL8 1AA' }, tags: ['x'] };
    expect(withoutBidiControls(clean)).toBe(clean);
    expect(withoutBidiControls({ id: 'a', venue: { postcode: '\u202EOL8 1AA' }, tags: ['\u2066x\u2069'], n: 3 })).toEqual({
      id: 'a',
      venue: { postcode: 'OL8 1AA' },
      tags: ['x'],
      n: 3,
    });
  });

  it('is applied by the feed check, so addresses and phone numbers come out clean too', () => {
    const feed = minimalFeed() as { venues: { address?: string }[] };
    feed.venues[0]!.address = '\u202E1 Example Street';
    const checked = checkFeed(feed, {}).feed!;
    expect([...checked.venues.values()][0]!.address).toBe('1 Example Street');
  });
});
