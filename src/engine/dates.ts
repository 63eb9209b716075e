import { addDays, differenceInCalendarDays, isValid, lightFormat, parseISO } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Parsing is the hot path of every plan; a bounded memo keeps it cheap (pure: same text, same date).
const parsed = new Map<string, Date | null>();

/** Parses a calendar date `yyyy-MM-dd`; null for anything else, including 2026-02-30. */
export function parseCalendarDate(text: string): Date | null {
  const cached = parsed.get(text);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (cached !== undefined) return cached;
  let date: Date | null = null;
  if (ISO_DATE.test(text)) {
    const candidate = parseISO(text);
    // parseISO rolls 2026-02-30 over to March; a real date formats back to itself.
    date = isValid(candidate) && lightFormat(candidate, 'yyyy-MM-dd') === text ? candidate : null;
  }
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (parsed.size > 5000) parsed.clear();
  parsed.set(text, date);
  return date;
}

/** Calendar days from `from` to `to` (same day = 0). Both must be valid ISO dates. */
export function calendarDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(mustParse(to), mustParse(from));
}

const added = new Map<string, string>();

/** The ISO date `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const memo = added.get(key);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (memo !== undefined) return memo;
  const result = lightFormat(addDays(mustParse(date), days), 'yyyy-MM-dd');
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (added.size > 5000) added.clear();
  added.set(key, result);
  return result;
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
