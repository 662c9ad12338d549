// Weekday codes and date checks the first screen needs, apart from the valibot schemas (schema.ts re-exports them), so
// that showing a feed does not load the checker: it loads only for a plain feed (src/feed/load.ts).
const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type DayCode = (typeof DAY_CODES)[number];
export const dayCodes: readonly DayCode[] = DAY_CODES;

/** Is `value` a real calendar date written as YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
