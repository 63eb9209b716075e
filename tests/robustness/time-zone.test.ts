/**
 * Plans are calendar arithmetic on calendar dates: the machine's time zone changes nothing. Pacific/Apia
 * skipped 2011-12-30 (it moved across the date line), so local-midnight arithmetic there loses a day.
 * (CI also runs the engine, check and CLI tests under TZ=Pacific/Apia: scripts/test-all.sh.)
 */
import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { addCalendarDays, breakLength, calendarDaysBetween, parseCalendarDate } from '../../src/engine/dates.ts';
import { planRestart } from '../../src/engine/index.ts';

const original = process.env.TZ;
afterEach(() => {
  // assigning undefined to process.env would set the text "undefined"
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2011-12-20',
  restartDate: '2011-12-30',
};

describe('time zone', () => {
  it('under TZ=Pacific/Apia, 2011-12-30 is a real date and the plan is the one made under UTC', () => {
    // Apia first, so no date is already remembered from a UTC run.
    process.env.TZ = 'Pacific/Apia';
    // The zone really skips the day, where this runner can switch zones in-process: Node applies a TZ change on
    // the main thread only, so under a worker-thread pool (Stryker's vitest runner) the local zone stays put; the
    // whole-process TZ=Pacific/Apia run in scripts/test-all.sh covers that case.
    if (isMainThread) expect(new Date(2011, 11, 30).getDate()).toBe(31);
    const apia = planRestart(REQUEST);
    process.env.TZ = 'UTC';
    const utc = planRestart(REQUEST);
    if (!apia.ok) throw new Error(JSON.stringify(apia.errors));
    expect(apia).toEqual(utc);
    const starts = apia.plan.steps.map((s) => s.start);
    expect(starts.slice(0, 3)).toEqual(['2011-12-30', '2012-01-02', '2012-01-05']);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('day arithmetic across the skipped day and daylight-saving changes counts calendar days', () => {
    process.env.TZ = 'Pacific/Apia';
    expect(calendarDaysBetween('2011-12-29', '2011-12-31')).toBe(2);
    expect(addCalendarDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(breakLength('2011-12-28', '2012-01-01')).toEqual({ daysOff: 4, missedDays: 3 });
    process.env.TZ = 'America/New_York';
    expect(addCalendarDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addCalendarDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(calendarDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(parseCalendarDate('2026-03-08')?.toISOString()).toBe('2026-03-08T00:00:00.000Z');
  });

  it('years below 100 are not read as 19xx', () => {
    expect(addCalendarDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(calendarDaysBetween('0050-01-01', '0050-12-31')).toBe(364);
  });
});
