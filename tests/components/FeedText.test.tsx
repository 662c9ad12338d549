// Feed text shows the reader's language when the feed has it, and marks fallback text with its own language and direction.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { FeedText } from '../../src/feed/FeedText';
import { language } from '../../src/i18n';

afterEach(() => {
  cleanup();
  language.value = 'en';
});

describe('FeedText', () => {
  it("shows the reader's language without marking it", () => {
    language.value = 'ur';
    const { container } = render(<FeedText value={{ en: 'Knit and Natter', ur: 'بنائی اور گپ شپ' }} />);
    const span = container.querySelector('span')!;
    expect(span.textContent).toBe('بنائی اور گپ شپ');
    expect(span.hasAttribute('lang')).toBe(false);
  });

  it('marks English fallback text inside an Urdu page as English, left to right', () => {
    language.value = 'ur';
    const { container } = render(<FeedText value="Werneth Hive Community Rooms, OL8 1AA" />);
    const span = container.querySelector('span')!;
    expect(span.getAttribute('lang')).toBe('en');
    expect(span.getAttribute('dir')).toBe('ltr');
  });

  it('renders markup in feed text as plain text', () => {
    const { container } = render(<FeedText value={'<img src=x onerror="alert(1)">Hello'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)">Hello');
  });

  it('shortens very long text', () => {
    const { container } = render(<FeedText value={'a'.repeat(100_000)} maxLength={200} />);
    expect(container.textContent?.length).toBe(201);
  });
});
