import { describe, expect, it } from 'vitest';
import { buildFixedSchedule, splitDaily } from '../../src/engine/classes/fixedSchedule.ts';
import { D } from '../../src/engine/decimal.ts';

const unscored = (...a: string[]) => a.map((amount) => ({ amount, scored: false }));
const d = (x: string | number) => new D(x);

describe('fixed-schedule step builder', () => {
  it('splitDaily rounds down to real strengths, keeps administrations as even as possible, and never exceeds the cap', () => {
    expect(splitDaily(d(37.5), 2, [{ amount: '25', scored: true }, { amount: '100', scored: false }])!.map(String)).toEqual(['25', '12.5']);
    expect(splitDaily(d(900), 3, unscored('100', '300', '400'))!.map(String)).toEqual(['300', '300', '300']);
    expect(splitDaily(d(40), 2, unscored('25'))!.map(String)).toEqual(['25']);
    expect(splitDaily(d(20), 2, unscored('25'))).toBeNull();
  });

  it('every-other-day stage is kept before a daily stage of the same amount, and never counts as the target', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [
        { days: 14, daily: d(25), timesPerDay: 1, everyOtherDay: true, rule: 'eod' },
        { days: 14, daily: d(25), timesPerDay: 1, rule: 'daily' },
      ],
      phases: [],
      target: [d(25)],
      targetRule: 'target',
      strengths: unscored('25'),
    });
    expect(steps.map((s) => [s.start, s.daily.toString(), s.everyOtherDay, s.rule])).toEqual([
      ['2026-01-01', '25', true, 'eod'],
      ['2026-01-15', '25', false, 'target'],
    ]);
  });

  it('drops steps the strengths cannot raise, while the label cap keeps accumulating', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [{ days: 7, daily: d(400), timesPerDay: 2, rule: 'start' }],
      phases: [{ daily: d(100), intervalDays: 7, timesPerDay: 2, rule: 'rise' }],
      target: [d(400), d(400)],
      targetRule: 'target',
      strengths: unscored('200'),
    });
    // caps 500 (→ 400, no rise, dropped), 600, 700 (→ 600, dropped), 800 = target
    expect(steps.map((s) => [s.start, s.daily.toString()])).toEqual([
      ['2026-01-01', '400'],
      ['2026-01-15', '600'],
      ['2026-01-29', '800'],
    ]);
  });

  it('a slower later phase waits its own interval after the last rise of the previous phase', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [{ days: 1, daily: d(100), timesPerDay: 1, rule: 'start' }],
      phases: [
        { daily: d(100), intervalDays: 1, upTo: d(200), timesPerDay: 1, rule: 'fast' },
        { daily: d(100), intervalDays: 7, timesPerDay: 1, rule: 'slow' },
      ],
      target: [d(400)],
      targetRule: 'target',
      strengths: unscored('100'),
    });
    expect(steps.map((s) => [s.start, s.daily.toString()])).toEqual([
      ['2026-01-01', '100'],
      ['2026-01-02', '200'],
      ['2026-01-09', '300'],
      ['2026-01-16', '400'],
    ]);
  });

  it('a stage at or above the target goes straight to the target regimen', () => {
    const steps = buildFixedSchedule({
      startDate: '2026-01-01',
      stages: [{ days: 7, daily: d(50), timesPerDay: 1, rule: 'start' }],
      phases: [{ daily: d(25), intervalDays: 7, timesPerDay: 1, rule: 'rise' }],
      target: [d(25)],
      targetRule: 'target',
      strengths: unscored('25', '50', '100'),
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.daily.toString()).toBe('25');
    expect(steps[0]!.rule).toBe('target');
  });
});
