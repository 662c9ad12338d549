// Recurrence rules as directories write them (iCalendar-style FREQ/INTERVAL/BYDAY/BYMONTHDAY in Open Referral UK,
// ISO 8601 repeat frequencies in OpenActive, words in a spreadsheet) turned into feed sessions. Whatever the feed
// cannot say (every 5th Monday, the 15th of each month, yearly) is dropped with a warning.
import { dayCode, feedWeekOfMonth, icalDay, sessionProblem, type DayCode, type Session, type Warnings } from './common';

export interface Rule {
  freq: 'weekly' | 'monthly' | 'daily';
  interval: number;
  /** Days with, for monthly rules, the week of the month (1–5, -1 last). */
  days: { day: DayCode; week?: number }[];
  /** Days of the month (BYMONTHDAY), which together with a weekday can mean '2nd Tuesday' (8–14 + TU). */
  monthDays?: number[];
  start: string | undefined;
  end: string | undefined;
  rawStart: unknown;
  rawEnd: unknown;
  from?: string;
  until?: string;
  except?: string[];
  /** The week of the month of the first date, for monthly rules that name no week ('monthly from Tue 8 Dec'). */
  weekOfFirstDate?: number;
}

const ALL_DAYS: DayCode[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

function dayOfDate(date: string): DayCode {
  return ALL_DAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** Days from a list such as 'MO,WE', ['https://schema.org/Monday'], 'Tue & Thu'; unknown ones are warned about. */
export function parseDays(values: readonly string[], warnings: Warnings, source: string, field: string): { day: DayCode; week?: number }[] {
  const days: { day: DayCode; week?: number }[] = [];
  const tokens = values
    .flatMap((text) => text.split(/\s*(?:,|;|&|\band\b|\s)\s*/i))
    .flatMap((token) => (/^https?:/i.test(token) ? [token] : token.split('/')));
  for (const value of tokens) {
    if (value.trim() === '') continue;
    const parsed = icalDay(value) ?? (dayCode(value) ? { day: dayCode(value)! } : undefined);
    if (parsed) days.push(parsed);
    else warnings.add(source, `"${value}" is not a day the importer knows; it was dropped`, field);
  }
  return days;
}

/** Feed sessions for one rule, or none with a warning saying why. */
export function sessionsFromRule(rule: Rule, warnings: Warnings, source: string, field: string): Session[] {
  const problem = sessionProblem(rule.start, rule.end, rule.rawStart, rule.rawEnd);
  if (problem !== undefined) {
    warnings.add(source, `a session ${problem}; it was dropped`, field);
    return [];
  }
  const start = rule.start!;
  const end = rule.end!;
  const window: Partial<Pick<Extract<Session, { freq: 'weekly' }>, 'from' | 'until' | 'except'>> = {};
  if (rule.from !== undefined) window.from = rule.from;
  if (rule.until !== undefined) window.until = rule.until;
  // Only the skipped dates that fall on a session day matter (a week's closure lists every day of it).
  const sessionDays = new Set(rule.freq === 'daily' ? ALL_DAYS : rule.days.map((item) => item.day));
  const except = [...new Set(rule.except ?? [])].filter((date) => sessionDays.has(dayOfDate(date))).sort();
  if (except.length > 0) window.except = except;
  if (rule.from !== undefined && rule.until !== undefined && rule.until < rule.from) {
    warnings.add(source, `a session runs until ${rule.until}, before it starts on ${rule.from}; it was dropped`, field);
    return [];
  }

  if (rule.freq === 'daily') {
    if (rule.interval !== 1) warnings.add(source, `a session every ${rule.interval} days cannot be listed; it is listed as every day`, field);
    return [{ freq: 'weekly', days: ALL_DAYS, start, end, interval: 1, ...window }];
  }
  if (rule.freq === 'monthly' && rule.monthDays !== undefined && rule.monthDays.length > 0 && monthDaysWeek(rule.monthDays) === undefined) {
    warnings.add(source, `a session on day ${rule.monthDays.join(', ')} of the month cannot be listed (only 'the 2nd Tuesday' kinds of rule can); it was dropped`, field);
    return [];
  }
  if (rule.days.length === 0) {
    warnings.add(source, 'a session names no day of the week; it was dropped', field);
    return [];
  }
  const uniqueDays = (list: { day: DayCode }[]): DayCode[] => ALL_DAYS.filter((day) => list.some((item) => item.day === day));

  if (rule.freq === 'weekly') {
    if (rule.days.some((item) => item.week !== undefined)) {
      warnings.add(source, 'a weekly session names a week of the month; the week was ignored', field);
    }
    return [{ freq: 'weekly', days: uniqueDays(rule.days), start, end, interval: Math.max(1, Math.round(rule.interval)), ...window }];
  }

  // Monthly: every day needs a week of the month, from BYDAY ('2TU'), BYMONTHDAY (8–14) or the first date.
  if (rule.interval !== 1) {
    warnings.add(source, `a session every ${rule.interval} months cannot be listed; it was dropped`, field);
    return [];
  }
  const weekFromMonthDays = monthDaysWeek(rule.monthDays);
  const byWeek = new Map<number, DayCode[]>();
  for (const item of rule.days) {
    const week = item.week ?? weekFromMonthDays ?? rule.weekOfFirstDate;
    if (week === undefined) {
      warnings.add(source, `a monthly session on ${item.day} does not say which week of the month; it was dropped`, field);
      continue;
    }
    const feedWeek = feedWeekOfMonth(week);
    if (feedWeek === undefined) {
      warnings.add(source, `a session in week ${week} of the month cannot be listed (weeks 1 to 4 and the last can); it was dropped`, field);
      continue;
    }
    byWeek.set(feedWeek, [...(byWeek.get(feedWeek) ?? []), item.day]);
  }
  return [...byWeek].map(([week, days]) => ({
    freq: 'monthly' as const,
    days: uniqueDays(days.map((day) => ({ day }))),
    weekOfMonth: week as 1 | 2 | 3 | 4 | -1,
    start,
    end,
    ...window,
  }));
}

/** The week of the month that a run of seven month days means: 1–7 → 1, 8–14 → 2, …, last seven → -1. */
function monthDaysWeek(monthDays: number[] | undefined): number | undefined {
  if (monthDays === undefined || monthDays.length !== 7) return undefined;
  const sorted = [...monthDays].sort((a, b) => a - b);
  if (sorted.every((day, index) => day === -7 + index)) return -1;
  const first = sorted[0] ?? 0;
  if ((first - 1) % 7 !== 0 || first < 1 || first > 22) return undefined;
  return sorted.every((day, index) => day === first + index) ? (first - 1) / 7 + 1 : undefined;
}
