// Distances as UK readers expect them: miles, with one decimal under ten miles, in the reader's number style.
import { intlLocale } from '../i18n/format';
import { kmToMiles } from './distance';

export function formatMiles(km: number, locale = intlLocale()): string {
  const miles = kmToMiles(km);
  const maximumFractionDigits = miles < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'mile', unitDisplay: 'long', maximumFractionDigits, minimumFractionDigits: 0 }).format(
    miles < 0.1 ? 0.1 : miles,
  );
}
