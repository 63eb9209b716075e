/**
 * Detailed behaviour of the fixed-schedule step builder (label titration tables): how a daily cap is split into
 * real strengths, the ceiling recorded on each step, stages the strengths cannot make, phase ordering and dates,
 * and the programmer-error guards.
 */
import { describe, expect, it } from 'vitest';
import { buildFixedSchedule, splitDaily, type FixedScheduleInput } from '../../src/engine/classes/fixedSchedule.ts';
import { D } from '../../src/engine/decimal.ts';

const unscored = (...a: string[]) => a.map((amount) => ({ amount, scored: false }));
const d = (x: string | number) => new D(x);
const split = (cap: number, times: number, ...strengths: string[]) => splitDaily(d(cap), times, unscored(...strengths))?.map(String) ?? null;
const summary = (input: FixedScheduleInput) =>
  buildFixedSchedule(input).map((s) => [s.start, s.daily.toString(), s.rule]);

describe('splitDaily with strengths that leave gaps (40 mg and 100 mg)', () => {
  it('raises the lowest administration first and lists the largest first', () => {
    // 140 over 2: 70 + 70 rounds down to 40 + 40; the lowest rises to 80 (80 + 40 = 120); 100 + 40 would be a second rise of the same one.
    expect(split(140, 2, '40', '100')).toEqual(['80', '40']);
    expect(split(120, 2, '40', '100')).toEqual(['80', '40']);
    // 200 over 3: 66.7 each rounds to 40; two rises of 40 → 80 (total 200 - 40 = 160 + 40).
    expect(split(200, 3, '40', '100')).toEqual(['80', '80', '40']);
  });

  it('the result never exceeds the cap, and drops to fewer administrations when the cap cannot fill them', () => {
    expect(split(100, 3, '40', '100')).toEqual(['40', '40']);
    expect(split(39, 1, '40', '100')).toBeNull();
  });
});

describe('buildFixedSchedule', () => {
  it('each rounded-down step records the ceiling the label allowed; the target reached by a phase records its cap', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [{ days: 7, daily: d(60), timesPerDay: 1, rule: 'start' }],
      phases: [{ daily: d(30), intervalDays: 7, timesPerDay: 1, rule: 'rise' }],
      target: [d(100)],
      targetRule: 'target',
      strengths: unscored('50'),
    });
    expect(steps.map((s) => [s.start, s.daily.toString(), s.allowedDaily?.toString(), s.rule])).toEqual([
      ['2026-01-01', '50', '60', 'start'],
      ['2026-01-15', '100', '100', 'target'],
    ]);
  });

  it('the target regimen is listed largest administration first, whatever order it was given in', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01', stages: [], phases: [], target: [d(40), d(80)], targetRule: 'target', strengths: unscored('40'),
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.administrations.map((a) => a.text)).toEqual(['80', '40']);
    expect(steps[0]!.daily.toString()).toBe('120');
    // Reached without a cap: no ceiling is recorded, and it is a daily (not every-other-day) step.
    expect(steps[0]!.allowedDaily).toBeUndefined();
    expect(steps[0]!.everyOtherDay).toBe(false);
  });

  it('stages whose cap is below the smallest strength give no step (every-other-day or daily), and the dates still advance', () => {
    expect(summary({
      startDate: '2026-01-01',
      stages: [
        { days: 14, daily: d(10), timesPerDay: 1, everyOtherDay: true, rule: 'eod' },
        { days: 14, daily: d(10), timesPerDay: 1, rule: 'daily' },
        { days: 14, daily: d(25), timesPerDay: 1, rule: 'third' },
      ],
      phases: [],
      target: [d(50)],
      targetRule: 'target',
      strengths: unscored('25'),
    })).toEqual([
      ['2026-01-29', '25', 'third'],
      ['2026-02-12', '50', 'target'],
    ]);
  });

  it('phases that stop below the target (upTo) finish with a daily target step after the last interval', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [{ days: 7, daily: d(100), timesPerDay: 1, rule: 'start' }],
      phases: [{ daily: d(100), intervalDays: 7, upTo: d(200), timesPerDay: 1, rule: 'rise' }],
      target: [d(400)],
      targetRule: 'target',
      strengths: unscored('100'),
    });
    expect(steps.map((s) => [s.start, s.daily.toString(), s.rule, s.everyOtherDay])).toEqual([
      ['2026-01-01', '100', 'start', false],
      ['2026-01-08', '200', 'rise', false],
      ['2026-01-15', '400', 'target', false],
    ]);
    expect(steps[2]!.allowedDaily).toBeUndefined();
  });

  it('a phase already reached by the stages is skipped and does not delay a slower phase', () => {
    expect(summary({
      startDate: '2026-01-01',
      stages: [{ days: 1, daily: d(200), timesPerDay: 1, rule: 'start' }],
      phases: [
        { daily: d(100), intervalDays: 1, upTo: d(200), timesPerDay: 1, rule: 'fast' },
        { daily: d(100), intervalDays: 7, timesPerDay: 1, rule: 'slow' },
      ],
      target: [d(400)],
      targetRule: 'target',
      strengths: unscored('100'),
    })).toEqual([
      ['2026-01-01', '200', 'start'],
      ['2026-01-02', '300', 'slow'],
      ['2026-01-09', '400', 'target'],
    ]);
  });

  it('a faster later phase does not move back in time: it continues one of its own intervals on', () => {
    expect(summary({
      startDate: '2026-01-01',
      stages: [{ days: 7, daily: d(100), timesPerDay: 1, rule: 'start' }],
      phases: [
        { daily: d(100), intervalDays: 7, upTo: d(200), timesPerDay: 1, rule: 'slow' },
        { daily: d(100), intervalDays: 1, timesPerDay: 1, rule: 'fast' },
      ],
      target: [d(400)],
      targetRule: 'target',
      strengths: unscored('100'),
    })).toEqual([
      ['2026-01-01', '100', 'start'],
      ['2026-01-08', '200', 'slow'],
      ['2026-01-15', '300', 'fast'],
      ['2026-01-16', '400', 'target'],
    ]);
  });

  it('a long schedule of exactly 1000 rises still completes', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [],
      phases: [{ daily: d(1), intervalDays: 1, timesPerDay: 1, rule: 'rise' }],
      target: [d(1000)],
      targetRule: 'target',
      strengths: unscored('1'),
    });
    expect(steps).toHaveLength(1000);
    expect(steps.at(-1)!.daily.toString()).toBe('1000');
    expect(steps.at(-1)!.rule).toBe('target');
  });

  it('programmer errors: a phase that never rises, and a target the strengths cannot make', () => {
    expect(() => buildFixedSchedule({
      startDate: '2026-01-01', stages: [], phases: [{ daily: d(0), intervalDays: 7, timesPerDay: 1, rule: 'rise' }],
      target: [d(100)], targetRule: 'target', strengths: unscored('25'),
    })).toThrow('programmer error: fixed schedule did not converge');
    expect(() => buildFixedSchedule({
      startDate: '2026-01-01', stages: [], phases: [], target: [d(30)], targetRule: 'target', strengths: unscored('25'),
    })).toThrow('programmer error: 30 cannot be made from the strengths');
  });
});
