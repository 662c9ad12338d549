// The languages the interface speaks, each named in its own script, with its writing direction.
export interface LanguageInfo {
  code: string;
  /** The language's name in itself, as a speaker would look for it in a list. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const languages: readonly LanguageInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
];

export const sourceLanguage = 'en';

export function languageInfo(code: string): LanguageInfo | undefined {
  return languages.find((l) => l.code === code);
}

/** The direction a language is written in, for `dir` on text whose language differs from the page's. */
export function directionOf(code: string): 'ltr' | 'rtl' {
  const base = code.split('-')[0]?.toLowerCase() ?? code;
  return ['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'].includes(base) ? 'rtl' : 'ltr';
}

/** The first of the browser's preferred languages that we have, else English. */
export function preferredLanguage(candidates: readonly string[]): string {
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const exact = languages.find((l) => l.code === lower);
    if (exact) return exact.code;
    const base = languages.find((l) => l.code === lower.split('-')[0]);
    if (base) return base.code;
  }
  return sourceLanguage;
}
