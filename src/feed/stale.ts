// When a listing counts as out of date: not confirmed for six months (feed-format.md). Shared by the checker and the app.
import type { Activity } from './schema';

export const STALE_AFTER_MONTHS = 6;

/** The same day of the month `months` earlier, clamped to the month's length (31 May − 3 months = 28/29 Feb). */
export function monthsBefore(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 - months;
  const day = Number(isoDate.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** `today` is the local date in the area's time zone (YYYY-MM-DD). A listing with no `checked` date is not judged. */
export function isStale(activity: Pick<Activity, 'checked'>, today: string): boolean {
  return activity.checked !== undefined && activity.checked < monthsBefore(today, STALE_AFTER_MONTHS);
}
