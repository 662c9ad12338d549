// Feed text shown among the app's own words: the language picked, and no bidirectional controls let through.
import { describe, expect, it } from 'vitest';
import { displayText, pickText } from '../../src/feed/text';

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
