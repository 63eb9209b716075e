/**
 * Scheduler behaviour that the mutation gate found untested: how each step's administrations are chosen
 * (even split, then one level at a time on the lowest administration, never above the ceiling), the rule text of
 * each step, the allowed ceiling, the order of administrations and the safety stop. Expected values are worked by
 * hand in the comments (1 mg units make every whole amount, so the ceilings are easy to follow).
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { buildTitration, type TitrationRule } from '../../src/engine/schedule.ts';
import type { Strength } from '../../src/protocols/types.ts';

const units: Strength[] = ['1', '5', '10'].map((amount) => ({ amount, scored: false }));
const oxycodone: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));
const rule = (fraction: string, intervalsDays: number[] = [3]): TitrationRule => ({
  maxRiseFraction: new D(fraction),
  intervalsDays,
  description: 'test',
});
const ds = (...xs: number[]) => xs.map((x) => new D(x));
const admins = (step: { administrations: readonly { text: string }[] }) => step.administrations.map((a) => a.text);

const RISE_25 = 'rise of at most 25% of the daily dose, rounded down to real strengths';
const TARGET = 'reaches the prior dose (the target)';
const SMALLEST = 'smallest rise the real strengths can make (one unit on one administration)';

describe('each step: the largest daily total under the ceiling, as even as the strengths allow', () => {
  it('rejects an even split that would overshoot, then raises the lowest administration one level at a time', () => {
    // 9 + 3 + 3 = 15 mg/day; 40% more allows 21. An even split (7 each) gives 9 + 7 + 7 = 23 > 21: rejected.
    // One level at a time on the lowest: 3,3 → 4,3 → 4,4 → 5,4 → 5,5 → 6,5 → 6,6 (total 21); 7 would give 22.
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(9, 3, 3), firstRule: 'start', target: ds(10, 10, 10), rule: rule('0.4'), strengths: units });
    expect(admins(steps[1]!)).toEqual(['9', '6', '6']);
    expect(steps[1]!.daily.toFixed()).toBe('21');
    expect(steps[1]!.allowedDaily!.toFixed()).toBe('21');
    expect(steps[1]!.rule).toBe('rise of at most 40% of the daily dose, rounded down to real strengths');
  });

  it('fills the room left after an even split, lowest administration first', () => {
    // 4 + 4 + 3 = 11 mg/day; 50% more allows 16.5 → 16 mg in whole units. Even split: 5 each = 15 ≤ 16.
    // Then the lowest (the first of three equal fives) rises to 6: 16. The next rise would be 17 > 16.
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(4, 4, 3), firstRule: 'start', target: ds(10, 10, 10), rule: rule('0.5'), strengths: units });
    expect(admins(steps[1]!)).toEqual(['6', '5', '5']);
    expect(steps[1]!.daily.toFixed()).toBe('16');
    expect(steps[1]!.allowedDaily!.toFixed()).toBe('16.5');
  });

  it('never lowers an administration and never raises one above its target', () => {
    // Target 12 + 2 (given unsorted: the scheduler sorts largest first). First step 6 + 0 (one administration).
    // 25% of 6 = 1.5 → ceiling 7.5 → 7 in whole units. Even split: 3 each, but 6 stays 6 (never lower) and the
    // second is capped at its target 2: 6 + 2 = 8 > 7 → rejected. Lowest first: 0 → 1 (7); 1 → 2 would be 8 > 7.
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(6), firstRule: 'start', target: ds(2, 12), rule: rule('0.25'), strengths: units });
    expect(admins(steps[0]!)).toEqual(['6']); // zero-amount administrations are dropped
    expect(admins(steps[1]!)).toEqual(['6', '1']);
    for (const step of steps) {
      const [big = 0, small = 0] = admins(step).map(Number);
      expect(big).toBeLessThanOrEqual(12);
      expect(small).toBeLessThanOrEqual(2);
    }
    expect(admins(steps.at(-1)!)).toEqual(['12', '2']);
    // every step keeps every administration at or above the step before
    for (let i = 1; i < steps.length; i++) {
      const before = admins(steps[i - 1]!).map(Number);
      const now = admins(steps[i]!).map(Number);
      before.forEach((amount, k) => expect(now[k]!).toBeGreaterThanOrEqual(amount));
    }
  });

  it('lists administrations largest first whatever order the first step and target are given in', () => {
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(5, 10), firstRule: 'start', target: ds(10, 20), rule: rule('0.25'), strengths: oxycodone });
    expect(admins(steps[0]!)).toEqual(['10', '5']);
    for (const step of steps) {
      const a = admins(step).map(Number);
      expect([...a].sort((x, y) => y - x)).toEqual(a);
    }
    expect(admins(steps.at(-1)!)).toEqual(['20', '10']);
  });
});

describe('rule text and ceilings of each step', () => {
  it('names the 25% rise, then the target; the first step has its own rule and no ceiling', () => {
    // 4 × 5 mg (20/day) → 4 × 10 mg (40/day): 25, 30, 35 by the 25% rule (each ceiling = 1.25 × the day before),
    // then 40 reaches the target.
    const steps = buildTitration({ startDate: '2026-11-28', first: ds(5, 5, 5, 5), firstRule: 'start low', target: ds(10, 10, 10, 10), rule: rule('0.25'), strengths: oxycodone });
    expect(steps.map((s) => s.rule)).toEqual(['start low', RISE_25, RISE_25, RISE_25, TARGET]);
    expect(steps[0]!.allowedDaily).toBeUndefined();
    expect(steps.slice(1).map((s) => s.allowedDaily!.toFixed())).toEqual(['25', '31.25', '37.5', '40']);
    expect(steps.map((s) => admins(s))).toEqual([
      ['5', '5', '5', '5'],
      ['10', '5', '5', '5'],
      ['10', '10', '5', '5'],
      ['10', '10', '10', '5'],
      ['10', '10', '10', '10'],
    ]);
  });

  it('names the smallest practical rise when the rule allows less than one unit', () => {
    // 5 mg/day, 25% = 1.25 mg: no 5 mg unit fits, so one tablet more on one administration; the ceiling is still
    // reported (6.25). 10 → 12.5 allowed: again one tablet more (15)... up to the target 20.
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(5), firstRule: 'start', target: ds(10, 10), rule: rule('0.25'), strengths: oxycodone });
    expect(steps[1]!.rule).toBe(SMALLEST);
    expect(steps[1]!.allowedDaily!.toFixed()).toBe('6.25');
    expect(admins(steps[1]!)).toEqual(['5', '5']);
    expect(steps.map((s) => s.daily.toFixed())).toEqual(['5', '10', '15', '20']);
    expect(steps.at(-1)!.rule).toBe(SMALLEST);
  });

  it('caps the ceiling at the target', () => {
    // 30 → 40 mg/day with 50% allowed (45): the ceiling is the target, 40, not 45.
    const steps = buildTitration({ startDate: '2026-01-01', first: ds(15, 15), firstRule: 'start', target: ds(20, 20), rule: rule('0.5'), strengths: oxycodone });
    expect(steps).toHaveLength(2);
    expect(steps[1]!.allowedDaily!.toFixed()).toBe('40');
    expect(steps[1]!.rule).toBe(TARGET);
  });
});

describe('safety stop', () => {
  const input = { startDate: '2026-11-28', first: ds(5, 5, 5, 5), firstRule: 'start', target: ds(10, 10, 10, 10), rule: rule('0.25'), strengths: oxycodone };

  it('allows exactly as many steps as the plan needs', () => {
    expect(buildTitration({ ...input, maxSteps: 5 })).toHaveLength(5);
  });

  it('throws a programmer error when the plan would need more steps than the stop allows', () => {
    expect(() => buildTitration({ ...input, maxSteps: 4 })).toThrow('programmer error: titration did not converge');
  });

  it('throws when a target amount cannot be made from the strengths', () => {
    expect(() => buildTitration({ ...input, target: ds(7) })).toThrow('programmer error: 7 cannot be made from the strengths');
    expect(() => buildTitration({ ...input, first: ds(5), target: ds(12.5) })).toThrow(/12\.5 cannot be made/);
  });
});
