// Locale-aware formatting through Intl, so dates, times and numbers follow each language's conventions.
import { language } from './index';

/** The locale Intl should use for a UI language: English here is British English (Tue 1 Dec, 24-hour times). */
export function intlLocale(code = language.value): string {
  return code === 'en' ? 'en-GB' : code;
}

const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(requested: Intl.DateTimeFormatOptions, code = language.value): Intl.DateTimeFormat {
  // Times are on the 24-hour clock in every language, as UK timetables and the English pages are: several locales
  // (ur, bn, pa, gu) would otherwise write a Latin 'AM'/'PM' that reorders badly inside right-to-left sentences.
  const options: Intl.DateTimeFormatOptions =
    requested.hour !== undefined && requested.hourCycle === undefined && requested.hour12 === undefined ? { ...requested, hourCycle: 'h23' } : requested;
  const key = `${code}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(code), options);
    cache.set(key, format);
  }
  return format;
}
