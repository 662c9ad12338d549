// The languages the interface speaks, each named in its own script, with its writing direction.
export interface LanguageInfo {
  code: string;
  /** The language's name in itself, as a speaker would look for it in a list. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

/** Oldham's most spoken languages, in the order the picker lists them. A locale file must exist for each. */
export const languages: readonly LanguageInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl' },
  { code: 'bn', nativeName: 'বাংলা', dir: 'ltr' },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr' },
  { code: 'gu', nativeName: 'ગુજરાતી', dir: 'ltr' },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ro', nativeName: 'Română', dir: 'ltr' },
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

/** The first of the browser's preferred languages that we have, else English ('ur-PK' gives Urdu, 'pa-Guru-IN' Punjabi). */
export function preferredLanguage(candidates: readonly string[], available: readonly string[] = languages.map((l) => l.code)): string {
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (available.includes(lower)) return lower;
    const base = lower.split('-')[0] ?? lower;
    if (available.includes(base)) return base;
  }
  return sourceLanguage;
}
