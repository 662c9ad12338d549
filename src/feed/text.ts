// Choosing which language of a feed `Text` to show, and saying when it is not the reader's own.
import type { Text } from './schema';

export interface ShownText {
  text: string;
  /** The language the text is actually in. */
  lang: string;
}

/** The reader's language when the feed has it, else the feed's default, else any language it has. */
export function pickText(value: Text, language: string, defaultLanguage: string): ShownText {
  if (typeof value === 'string') return { text: value, lang: defaultLanguage };
  const base = language.split('-')[0] ?? language;
  for (const code of [language, base, defaultLanguage]) {
    const text = value[code];
    if (text !== undefined && text.trim() !== '') return { text, lang: code };
  }
  for (const [code, text] of Object.entries(value)) {
    if (text.trim() !== '') return { text, lang: code };
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
