/**
 * Calendar arithmetic on calendar dates (yyyy-MM-dd), in UTC: a day is a day whatever the machine's time
 * zone (under TZ=Pacific/Apia, 2011-12-30 does not exist as a local day; as a calendar date it does).
 * Dates are counted as whole days since 1970-01-01 (UTC midnight), so adding days never meets a
 * daylight-saving or date-line shift. See docs/clinical-model.md (dates are inputs, never the clock).
 */
import type { IsoDate } from './units.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The calendar a request may use: input dates from EARLIEST_DATE to LATEST_DATE, so that every date a plan can
 * reach (a restart date plus the longest plan, or a last dose minus the longest prior duration) is still a
 * four-digit-year date. LATEST_DATE is 9999-12-31 less MAX_PLAN_SPAN_DAYS (100 years, longer than any plan).
 */
export const EARLIEST_DATE = '1000-01-01';
export const LATEST_DATE = '9899-12-31';
export const MAX_PLAN_SPAN_DAYS = 36_525;

// Parsing is the hot path of every plan; a bounded memo keeps it cheap (pure: same text, same date).
const parsed = new Map<string, number | null>();

/** Whole days since 1970-01-01 of a calendar date; null for anything that is not one (2026-02-30, 2026-1-5). */
function epochDay(text: string): number | null {
  const cached = parsed.get(text);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (cached !== undefined) return cached;
  let day: number | null = null;
  const match = ISO_DATE.exec(text);
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = new Date(0);
    // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
    utc.setUTCFullYear(year, month - 1, date);
    const real = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
    day = real ? Math.round(utc.getTime() / DAY_MS) : null;
  }
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (parsed.size > 5000) parsed.clear();
  parsed.set(text, day);
  return day;
}

function fromEpochDay(day: number): IsoDate {
  const utc = new Date(day * DAY_MS);
  const year = utc.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) throw new Error(`programmer error: date out of the calendar (${day} days from 1970-01-01)`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}` as IsoDate;
}

/** Parses a calendar date `yyyy-MM-dd` (as UTC midnight); null for anything else, including 2026-02-30. */
export function parseCalendarDate(text: string): Date | null {
  const day = epochDay(text);
  return day === null ? null : new Date(day * DAY_MS);
}

/** True for a calendar date in the range a request may use (EARLIEST_DATE to LATEST_DATE). */
export function isDateInRange(text: string): boolean {
  return epochDay(text) !== null && text >= EARLIEST_DATE && text <= LATEST_DATE;
}

/** Calendar days from `from` to `to` (same day = 0). Both must be valid ISO dates. */
export function calendarDaysBetween(from: string, to: string): number {
  return mustParse(to) - mustParse(from);
}

const added = new Map<string, IsoDate>();

/**
 * The ISO date `days` calendar days after `date`. An IsoDate in, an IsoDate out (the dates of a schedule keep
 * their type); the plain-string form remains for callers that still carry dates as strings.
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate;
export function addCalendarDays(date: string, days: number): string;
export function addCalendarDays(date: string, days: number): IsoDate {
  const key = `${date}|${days}`;
  const memo = added.get(key);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (memo !== undefined) return memo;
  const result = fromEpochDay(mustParse(date) + days);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (added.size > 5000) added.clear();
  added.set(key, result);
  return result;
}

function mustParse(text: string): number {
  const day = epochDay(text);
  if (day === null) throw new Error(`programmer error: unvalidated date ${text}`);
  return day;
}

/** `daysOff` and `missedDays` as the restart model defines them (section 2). */
export function breakLength(lastDoseDate: string, restartDate: string): { daysOff: number; missedDays: number } {
  const daysOff = calendarDaysBetween(lastDoseDate, restartDate);
  return { daysOff, missedDays: Math.max(0, daysOff - 1) };
}

/** The earlier of two ISO dates (ISO dates sort as text). */
export function earlierDate<Day extends string>(a: Day, b: Day): Day {
  return a < b ? a : b;
}

/** The later of two ISO dates. */
export function laterDate<Day extends string>(a: Day, b: Day): Day {
  return a > b ? a : b;
}
