// 'Today, 10:00–11:30' / 'Tue 1 Dec, 10:00–12:00': an occurrence in words, in the area's time zone.
import type { TFunction } from 'i18next';
import type { Occurrence } from '../feed/schedule';
import { localParts } from '../feed/schedule';
import { dateTimeFormat } from '../i18n/format';

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function timeRange(occurrence: Occurrence, timeZone: string): string {
  const format = dateTimeFormat({ hour: '2-digit', minute: '2-digit', timeZone });
  return format.formatRange(occurrence.start, occurrence.end);
}

export function describeOccurrence(occurrence: Occurrence, now: Date, timeZone: string, t: TFunction): string {
  const day = localParts(occurrence.start, timeZone).date;
  const today = localParts(now, timeZone).date;
  const time = timeRange(occurrence, timeZone);
  if (day === today) return t('when.today', { time });
  if (day === addDays(today, 1)) return t('when.tomorrow', { time });
  const date = dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(occurrence.start);
  return t('when.onDate', { date, time });
}
