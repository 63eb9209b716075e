import { describe, expect, it } from 'vitest';
import { coverageOf, proportionOfDaysCovered } from '../../src/ehr/coverage.ts';

const fill = (date: string, days: number) => ({ date, days, from: `fill ${date}` });

describe('days covered by dispensing (PDC method, overlaps carried forward)', () => {
  it('one 30-day fill from 1 October covers to 30 October; the break starts 31 October', () => {
    const coverage = coverageOf([fill('2026-10-01', 30)], '2026-11-10');
    expect(coverage).toMatchObject({ lastCoveredDay: '2026-10-30', breakStart: '2026-10-31', finalSpanDays: 30, carriedForwardDays: 0, uncoveredDaysBefore: 10 });
    expect(coverage.spans).toEqual([{ start: '2026-10-01', end: '2026-10-30' }]);
  });

  it('an early refill carries the overlapping days forward instead of counting them twice', () => {
    // Second fill 5 days early: supply runs 1 Oct – 30 Oct, then 31 Oct – 29 Nov.
    const coverage = coverageOf([fill('2026-10-01', 30), fill('2026-10-26', 30)], '2026-12-15');
    expect(coverage.carriedForwardDays).toBe(5);
    expect(coverage.lastCoveredDay).toBe('2026-11-29');
    expect(coverage.breakStart).toBe('2026-11-30');
    expect(coverage.finalSpanDays).toBe(60);
  });

  it('repeated early refills accumulate: three 30-day fills 25 days apart cover 90 days', () => {
    const coverage = coverageOf([fill('2026-01-01', 30), fill('2026-01-26', 30), fill('2026-02-20', 30)], '2026-06-01');
    expect(coverage.carriedForwardDays).toBe(5 + 10);
    expect(coverage.lastCoveredDay).toBe('2026-03-31');
    expect(coverage.finalSpanDays).toBe(90);
  });

  it('a partial fill and its completion: 10 days, then the remaining 20 days on day 3, covers 30 days', () => {
    const coverage = coverageOf([fill('2026-10-01', 10), fill('2026-10-03', 20)], '2026-11-15');
    expect(coverage.lastCoveredDay).toBe('2026-10-30');
    expect(coverage.carriedForwardDays).toBe(8);
  });

  it('a gap between fills ends a span: the prior duration is the final continuous span only', () => {
    const coverage = coverageOf([fill('2026-08-01', 30), fill('2026-09-15', 30)], '2026-11-01');
    expect(coverage.spans).toEqual([
      { start: '2026-08-01', end: '2026-08-30' },
      { start: '2026-09-15', end: '2026-10-14' },
    ]);
    expect(coverage.finalSpanDays).toBe(30);
    expect(coverage.uncoveredDaysBefore).toBe(17); // 15–31 October
  });

  it('a fill that starts the day supply runs out continues the span (no gap)', () => {
    const coverage = coverageOf([fill('2026-10-01', 30), fill('2026-10-31', 30)], '2026-12-31');
    expect(coverage.spans).toHaveLength(1);
    expect(coverage.carriedForwardDays).toBe(0);
    expect(coverage.finalSpanDays).toBe(60);
  });

  it('fills in any order give the same coverage', () => {
    const a = coverageOf([fill('2026-10-26', 30), fill('2026-10-01', 30)], '2026-12-15');
    const b = coverageOf([fill('2026-10-01', 30), fill('2026-10-26', 30)], '2026-12-15');
    expect(a).toEqual(b);
  });

  it('still covered on the restart date: no uncovered days', () => {
    expect(coverageOf([fill('2026-10-01', 30)], '2026-10-20').uncoveredDaysBefore).toBe(0);
  });

  it('no countable fill: no coverage', () => {
    expect(coverageOf([fill('2026-10-01', 0)], '2026-10-20')).toMatchObject({ lastCoveredDay: null, breakStart: null, spans: [] });
  });

  it('proportion of days covered over a window counts each covered day once', () => {
    const coverage = coverageOf([fill('2026-01-01', 30), fill('2026-03-01', 30)], '2026-06-01');
    expect(proportionOfDaysCovered(coverage, '2026-01-01', '2026-03-31')).toEqual({ covered: 60, days: 90 });
  });
});
