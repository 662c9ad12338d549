// Choosing which language of a feed `Text` to show, and saying when it is not the reader's own.
import type { Text } from './schema';

export interface ShownText {
  text: string;
  /** The language the text is actually in. */
  lang: string;
}

// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). An unclosed right-to-left
// override in a feed's name would reverse the app's own words after it ('txen' for 'next'), a known spoofing trick;
// the page marks each text's language and direction itself, so the feed never needs them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/; // no g flag: .test must not keep state between calls

/** Feed text safe to show among the app's own words: without bidirectional control characters. */
export function displayText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A checked record with every string in it passed through `displayText`; the same object when there was nothing to drop. */
export function withoutBidiControls<T>(value: T): T {
  if (typeof value === 'string') return (HAS_BIDI_CONTROL.test(value) ? displayText(value) : value) as T;
  if (Array.isArray(value)) {
    const cleaned = value.map((item: unknown) => withoutBidiControls(item));
    return (cleaned.some((item, index) => item !== value[index]) ? cleaned : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let cleaned: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const next = withoutBidiControls(item);
      if (next !== item) (cleaned ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
    return (cleaned ?? value) as T;
  }
  return value;
}

/** The reader's language when the feed has it, else the feed's default, else any language it has. */
export function pickText(value: Text, language: string, defaultLanguage: string): ShownText {
  if (typeof value === 'string') return { text: displayText(value), lang: defaultLanguage };
  const base = language.split('-')[0] ?? language;
  for (const code of [language, base, defaultLanguage]) {
    const text = value[code];
    if (text !== undefined && text.trim() !== '') return { text: displayText(text), lang: code };
  }
  for (const [code, text] of Object.entries(value)) {
    if (text.trim() !== '') return { text: displayText(text), lang: code };
  }
  return { text: '', lang: defaultLanguage };
}

/** All the language versions of a text, for search that matches in either the reader's or the feed's language. */
export function allTexts(value: Text | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : Object.values(value);
}

/** Paragraphs of a plain-text description, split at blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
