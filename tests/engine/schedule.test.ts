import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { buildTitration } from '../../src/engine/schedule.ts';
import type { Strength } from '../../src/protocols/types.ts';

const oxycodone: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));
const rule = { maxRiseFraction: new D('0.25'), intervalsDays: [3], description: 'test' };
const amounts = (values: readonly { amount: { toFixed(): string } }[]) => values.map((v) => v.amount.toFixed());

describe('buildTitration', () => {
  it('steps from the first step to the target, every 3 days, rising at most 25% where strengths allow', () => {
    const steps = buildTitration({
      startDate: '2026-11-28',
      first: [new D(5), new D(5), new D(5), new D(5)],
      firstRule: 'start',
      target: [new D(10), new D(10), new D(10), new D(10)],
      rule,
      strengths: oxycodone,
    });
    expect(steps.map((s) => s.start)).toEqual(['2026-11-28', '2026-12-01', '2026-12-04', '2026-12-07', '2026-12-10']);
    expect(steps.map((s) => s.daily.toFixed())).toEqual(['20', '25', '30', '35', '40']);
    expect(amounts(steps[1]!.administrations)).toEqual(['10', '5', '5', '5']);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]!.daily.lte(steps[i - 1]!.daily.mul('1.25'))).toBe(true);
    }
  });

  it('takes the smallest practical rise when 25% cannot be made', () => {
    const steps = buildTitration({
      startDate: '2026-11-28',
      first: [new D(5)],
      firstRule: 'start',
      target: [new D(10), new D(10)],
      rule,
      strengths: oxycodone,
    });
    // 5 → 25% is 1.25 mg, below one 5 mg tablet: one tablet more on one administration.
    expect(steps[1]!.daily.toFixed()).toBe('10');
    expect(steps[1]!.rule).toMatch(/smallest rise/);
    expect(steps.at(-1)!.daily.toFixed()).toBe('20');
  });

  it('uses the first interval, then the later one', () => {
    const steps = buildTitration({
      startDate: '2026-01-01',
      first: [new D(5)],
      firstRule: 'start',
      target: [new D(20)],
      rule: { ...rule, intervalsDays: [3, 6] },
      strengths: oxycodone,
    });
    expect(steps.map((s) => s.start)).toEqual(['2026-01-01', '2026-01-04', '2026-01-10', '2026-01-16']);
  });

  it('gives a single step when the first step is the target', () => {
    const steps = buildTitration({
      startDate: '2026-01-01',
      first: [new D(10)],
      firstRule: 'resume',
      target: [new D(10)],
      rule,
      strengths: oxycodone,
    });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.rule).toBe('resume');
  });

  it('throws on a programmer error: a first step with more administrations than the target', () => {
    expect(() =>
      buildTitration({ startDate: '2026-01-01', first: [new D(5), new D(5)], firstRule: 'x', target: [new D(10)], rule, strengths: oxycodone }),
    ).toThrow(/programmer error/);
  });
});

describe('smallest practical rise', () => {
  it('raises the administration that can rise least, not just the lowest one', () => {
    // Oxazepam-like strengths: 10, 15, 30 mg. From 20 mg once daily towards 30 mg twice daily, 25% of 20 is 5 mg:
    // the strengths cannot add 5 mg, but 20 → 25 mg (10 + 15) is a 5 mg rise; adding a second 10 mg dose would be 10 mg.
    const strengths: Strength[] = ['10', '15', '30'].map((amount) => ({ amount, scored: false }));
    const steps = buildTitration({
      startDate: '2026-01-01',
      first: [new D(20)],
      firstRule: 'start',
      target: [new D(30), new D(30)],
      rule: { ...rule, maxRiseFraction: new D('0.2') },
      strengths,
    });
    expect(steps[1]!.daily.toFixed()).toBe('25');
    expect(amounts(steps[1]!.administrations)).toEqual(['25']);
  });
});

describe('absolute rise cap', () => {
  it('limits each rise to the absolute cap when it is lower than the percentage, and says so', () => {
    const methadoneLike: Strength[] = [{ amount: '5', scored: false }, { amount: '10', scored: false }];
    const steps = buildTitration({
      startDate: '2026-01-01',
      first: [new D(40)],
      firstRule: 'start',
      target: [new D(60)],
      rule: { ...rule, intervalsDays: [5], maxRiseAbsolute: new D(5) },
      strengths: methadoneLike,
    });
    expect(steps.map((s) => s.daily.toFixed())).toEqual(['40', '45', '50', '55', '60']);
    expect(steps[1]!.rule).toMatch(/at most 5 a day \(the absolute limit per step\)/);
  });
});

describe('buildTitration with a pace (the schedule of a product this one replaces)', () => {
    const pace = [
      { start: '2026-11-28', daily: new D('10') },
      { start: '2026-12-01', daily: new D('12.5') },
      { start: '2026-12-04', daily: new D('15') },
      { start: '2026-12-07', daily: new D('17.5') },
      { start: '2026-12-10', daily: new D('20') },
    ];

    it('never runs ahead of the pace on any step date: a rise the strengths cannot yet make waits a further interval', () => {
      const steps = buildTitration({ startDate: '2026-11-28', first: [new D(5), new D(5)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone, pace });
      // Without the pace: 10 → 15 (smallest rise) on 12-01, 20 on 12-04. With it: 12.5 then 15 allow no 5 mg step
      // until 12-04 (15), and 20 only when the pace reaches 20 on 12-10.
      expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
        ['2026-11-28', '10'],
        ['2026-12-04', '15'],
        ['2026-12-10', '20'],
      ]);
      expect(steps[1]!.rule).toMatch(/smallest rise .*; later than the interval: it waited for the replaced product's schedule/);
      expect(steps[2]!.rule).toMatch(/waited/);
    });

    it('caps a 25% rise at the pace when the pace is lower on that date', () => {
      const slow = [
        { start: '2026-11-28', daily: new D('20') },
        { start: '2026-12-01', daily: new D('20') },
        { start: '2026-12-04', daily: new D('25') },
        { start: '2026-12-07', daily: new D('40') },
      ];
      const steps = buildTitration({ startDate: '2026-11-28', first: [new D(5), new D(5), new D(5), new D(5)], firstRule: 'start', target: [new D(10), new D(10), new D(10), new D(10)], rule, strengths: oxycodone, pace: slow });
      expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
        ['2026-11-28', '20'],
        ['2026-12-04', '25'],
        ['2026-12-07', '30'],
        ['2026-12-10', '35'],
        ['2026-12-13', '40'],
      ]);
    });

    it('lowers the allowed rise to the pace when the pace is below the 25% limit, and says so in the step', () => {
      const pace = [
        { start: '2026-11-28', daily: new D('40') },
        { start: '2026-12-01', daily: new D('45') },
        { start: '2026-12-04', daily: new D('80') },
      ];
      const steps = buildTitration({ startDate: '2026-11-28', first: [new D(10), new D(10), new D(10), new D(10)], firstRule: 'start', target: [new D(20), new D(20), new D(20), new D(20)], rule, strengths: oxycodone, pace });
      expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
        ['2026-11-28', '40'],
        ['2026-12-01', '45'],
        ['2026-12-04', '55'],
        ['2026-12-07', '65'],
        ['2026-12-10', '80'],
      ]);
      expect(steps[1]!.rule).toBe("rise kept at or below the replaced product's schedule on this date, rounded down to real strengths");
      expect(steps[1]!.allowedDaily!.toFixed()).toBe('45');
      expect(steps[2]!.rule).toBe('rise of at most 25% of the daily dose, rounded down to real strengths');
    });

    it('counts the intervals it waited towards the step limit (a schedule that never converges is a programmer error)', () => {
      const input = { startDate: '2026-11-28', first: [new D(5), new D(5)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone, pace };
      // 3 steps and 2 waited intervals: 5 turns of the loop.
      expect(buildTitration({ ...input, maxSteps: 5 }).map((s) => s.daily.toFixed())).toEqual(['10', '15', '20']);
      expect(() => buildTitration({ ...input, maxSteps: 4 })).toThrow(/did not converge/);
    });

    it('before the pace has started, nothing rises: the step waits for it', () => {
      const later = [
        { start: '2026-12-04', daily: new D('15') },
        { start: '2026-12-07', daily: new D('20') },
      ];
      const steps = buildTitration({ startDate: '2026-11-28', first: [new D(5), new D(5)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone, pace: later });
      expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
        ['2026-11-28', '10'],
        ['2026-12-04', '15'],
        ['2026-12-07', '20'],
      ]);
    });

    it('stops below the target when the pace has ended and no rise fits under it', () => {
      const short = [{ start: '2026-11-28', daily: new D('12.5') }];
      const steps = buildTitration({ startDate: '2026-11-28', first: [new D(5), new D(5)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone, pace: short });
      expect(steps.map((s) => s.daily.toFixed())).toEqual(['10']);
    });
  });
