/**
 * Calendar arithmetic is whole UTC days on calendar dates: no daylight-saving hour, no date-line jump, leap days
 * counted, four-digit years only, and the request's date range (EARLIEST_DATE to LATEST_DATE) enforced at its edges.
 * See docs/clinical-model.md (dates are inputs, never the clock).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  breakLength,
  calendarDaysBetween,
  EARLIEST_DATE,
  isDateInRange,
  LATEST_DATE,
  MAX_PLAN_SPAN_DAYS,
  parseCalendarDate,
} from '../../src/engine/dates.ts';

const zone = process.env.TZ;
afterEach(() => {
  // assigning undefined to process.env would set the text "undefined"
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('parseCalendarDate', () => {
  it('gives UTC midnight of a real calendar date', () => {
    expect(parseCalendarDate('2026-11-28')?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(parseCalendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseCalendarDate('1970-01-01')?.getTime()).toBe(0);
    expect(parseCalendarDate('1969-12-31')?.getTime()).toBe(-86_400_000);
  });

  it('reads years below 100 as written (not as 19xx)', () => {
    expect(parseCalendarDate('0050-06-15')?.getUTCFullYear()).toBe(50);
    expect(parseCalendarDate('0000-01-01')?.getUTCFullYear()).toBe(0);
  });

  it('refuses dates that do not exist and text that is not yyyy-MM-dd', () => {
    for (const text of ['2026-02-30', '2023-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00', '2026-1-5', '26-01-05', ' 2026-01-05', '2026-01-05T00:00', '2026/01/05', ''])
      expect(parseCalendarDate(text), text).toBeNull();
  });

  it('gives the same answer twice (the memo does not change it)', () => {
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseCalendarDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('the request date range', () => {
  it('runs from 1000-01-01 to 9899-12-31, 100 years short of 9999-12-31', () => {
    expect(EARLIEST_DATE).toBe('1000-01-01');
    expect(LATEST_DATE).toBe('9899-12-31');
    expect(MAX_PLAN_SPAN_DAYS).toBe(36_525);
    // 9900–9999 holds 24 leap days: 36,524 days reach 9999-12-31 exactly (MAX_PLAN_SPAN_DAYS is a bound for docs only)
    expect(addCalendarDays(LATEST_DATE, 36_524)).toBe('9999-12-31');
    expect(calendarDaysBetween(EARLIEST_DATE, LATEST_DATE)).toBe(3_250_657);
  });

  it('accepts both ends and refuses the day outside each', () => {
    expect(isDateInRange(EARLIEST_DATE)).toBe(true);
    expect(isDateInRange(LATEST_DATE)).toBe(true);
    expect(isDateInRange('0999-12-31')).toBe(false);
    expect(isDateInRange('9900-01-01')).toBe(false);
    expect(isDateInRange('2026-11-28')).toBe(true);
  });

  it('refuses an invalid date even inside the range', () => {
    expect(isDateInRange('2026-02-30')).toBe(false);
    expect(isDateInRange('2026-2-3')).toBe(false);
  });
});

describe('counting and adding days', () => {
  it('counts calendar days, same day = 0, backwards negative', () => {
    expect(calendarDaysBetween('2026-11-28', '2026-11-28')).toBe(0);
    expect(calendarDaysBetween('2026-11-01', '2026-11-28')).toBe(27);
    expect(calendarDaysBetween('2026-11-28', '2026-11-01')).toBe(-27);
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(calendarDaysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('is whole days across a daylight-saving change, whatever the machine time zone', () => {
    for (const tz of ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      process.env.TZ = tz;
      expect(calendarDaysBetween('2026-03-07', '2026-03-09'), tz).toBe(2);
      expect(calendarDaysBetween('2026-10-24', '2026-10-26'), tz).toBe(2);
      expect(addCalendarDays('2026-03-08', 1), tz).toBe('2026-03-09');
      expect(addCalendarDays('2026-11-01', 1), tz).toBe('2026-11-02');
    }
  });

  it('keeps 2011-12-30 as a calendar day even under Pacific/Apia, which skipped it', () => {
    process.env.TZ = 'Pacific/Apia';
    expect(calendarDaysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(addCalendarDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(addCalendarDays('2011-12-31', -2)).toBe('2011-12-29');
    expect(parseCalendarDate('2011-12-30')?.toISOString()).toBe('2011-12-30T00:00:00.000Z');
  });

  it('adds and subtracts across months, leap days and years, with zero-padded output', () => {
    expect(addCalendarDays('2026-11-28', 0)).toBe('2026-11-28');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('1000-01-01', -1)).toBe('0999-12-31');
    expect(addCalendarDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(addCalendarDays('0000-01-02', -1)).toBe('0000-01-01');
    expect(addCalendarDays('0000-01-01', 0)).toBe('0000-01-01');
  });

  it('gives the same sum twice (the memo does not change it)', () => {
    expect(addCalendarDays('2026-05-05', 3)).toBe('2026-05-08');
    expect(addCalendarDays('2026-05-05', 3)).toBe('2026-05-08');
    expect(addCalendarDays('2026-05-05', -3)).toBe('2026-05-02');
  });

  it('throws (programmer error) past year 9999, before year 0, and for an unvalidated date', () => {
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/programmer error: date out of the calendar/);
    expect(addCalendarDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addCalendarDays('0000-01-01', -1)).toThrow(/programmer error: date out of the calendar/);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow('programmer error: unvalidated date 2026-02-30');
    expect(() => calendarDaysBetween('2026-02-01', 'soon')).toThrow('programmer error: unvalidated date soon');
    expect(() => calendarDaysBetween('later', '2026-02-01')).toThrow('programmer error: unvalidated date later');
  });
});

describe('breakLength (restart model section 2)', () => {
  it('days off counts calendar days; missed days are the whole days between, never negative', () => {
    expect(breakLength('2026-11-28', '2026-11-28')).toEqual({ daysOff: 0, missedDays: 0 });
    expect(breakLength('2026-11-27', '2026-11-28')).toEqual({ daysOff: 1, missedDays: 0 });
    expect(breakLength('2026-11-26', '2026-11-28')).toEqual({ daysOff: 2, missedDays: 1 });
    expect(breakLength('2026-11-01', '2026-11-28')).toEqual({ daysOff: 27, missedDays: 26 });
    expect(breakLength('2026-11-29', '2026-11-28')).toEqual({ daysOff: -1, missedDays: 0 });
  });
});
