import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a calendar date `yyyy-MM-dd`; null for anything else, including 2026-02-30. */
export function parseCalendarDate(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) && format(date, 'yyyy-MM-dd') === text ? date : null;
}

/** Calendar days from `from` to `to` (same day = 0). Both must be valid ISO dates. */
export function calendarDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(mustParse(to), mustParse(from));
}

/** The ISO date `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  return format(addDays(mustParse(date), days), 'yyyy-MM-dd');
}

function mustParse(text: string): Date {
  const date = parseCalendarDate(text);
  if (date === null) throw new Error(`programmer error: unvalidated date ${text}`);
  return date;
}

/** `daysOff` and `missedDays` as the restart model defines them (section 2). */
export function breakLength(lastDoseDate: string, restartDate: string): { daysOff: number; missedDays: number } {
  const daysOff = calendarDaysBetween(lastDoseDate, restartDate);
  return { daysOff, missedDays: Math.max(0, daysOff - 1) };
}
