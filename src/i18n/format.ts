// Locale-aware formatting through Intl, so dates, times and numbers follow each language's conventions.
import { language } from './index';

/** The locale Intl should use for a UI language: English here is British English (Tue 1 Dec, 24-hour times). */
export function intlLocale(code = language.value): string {
  return code === 'en' ? 'en-GB' : code;
}

const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(options: Intl.DateTimeFormatOptions, code = language.value): Intl.DateTimeFormat {
  const key = `${code}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(code), options);
    cache.set(key, format);
  }
  return format;
}
