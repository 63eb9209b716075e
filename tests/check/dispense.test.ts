import { describe, expect, it, vi } from 'vitest';
import { dispense, stepUnits } from '../../src/engine/dispense.ts';
import { planRestart } from '../../src/engine/plan.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import example from '../../examples/oxycodone-after-prison.json';
import { handPlan, handStep } from './fixtures.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const summary = (plan: RestartPlan, options = {}) => {
  const result = dispense(plan, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dispensing;
};

describe('dispense: oxycodone IR (README example)', () => {
  // Steps, 3 days each: 5+5 · 5+5+5 · 5×4 · 10+5+5+5 · 10+10+5+5 · 10+10+10+5 (checkpoint 12-13) · 10×4.
  const plan = planOf(example);

  it('makes each administration from the fewest units, as strengths.ts chooses', () => {
    const steps = stepUnits(plan);
    expect(steps[3]!.administrations.map((a) => [a.dose.amount, a.units.map((u) => `${u.count}×${u.strength.amount}${u.half ? '/2' : ''}`).join('+'), a.makeUp])).toEqual([
      ['10', '1×10', '1 × 10 mg tablet'],
      ['5', '1×5', '1 × 5 mg tablet'],
      ['5', '1×5', '1 × 5 mg tablet'],
      ['5', '1×5', '1 × 5 mg tablet'],
    ]);
    expect(steps.every((s, i) => s.administrations.map((a) => a.makeUp).join('|') === plan.steps[i]!.makeUp.join('|'))).toBe(true);
  });

  it('default period: restart date to the day before the checkpoint step', () => {
    const d = summary(plan);
    expect(d.period).toEqual({ from: '2026-11-28', until: '2026-12-12', days: 15, basis: 'until the checkpoint on 2026-12-13' });
    // 5 mg: 3×2 + 3×3 + 3×4 + 3×3 + 3×2 = 42; 10 mg: 3×1 + 3×2 = 9.
    expect(d.summary).toEqual([
      { drug: 'oxycodone', formulation: 'ir', strength: { amount: '10', unit: 'mg' }, unitForm: 'tablet', quantity: 9, halves: 0 },
      { drug: 'oxycodone', formulation: 'ir', strength: { amount: '5', unit: 'mg' }, unitForm: 'tablet', quantity: 42, halves: 0 },
    ]);
    expect(d.steps.map((s) => s.daysInPeriod)).toEqual([3, 3, 3, 3, 3, 0, 0]);
  });

  it('a chosen number of days or end date', () => {
    // 20 days: 11-28 … 12-17. Adds the checkpoint step (3 days: 3×10 + 1×5 a day) and 2 maintenance days (4×10).
    const d = summary(plan, { days: 20 });
    expect(d.period.until).toBe('2026-12-17');
    expect(d.summary.map((l) => [l.strength.amount, l.quantity])).toEqual([
      ['10', 9 + 9 + 8],
      ['5', 42 + 3],
    ]);
    expect(summary(plan, { until: '2026-11-28' }).summary.map((l) => [l.strength.amount, l.quantity])).toEqual([['5', 2]]);
  });

  it('period errors are data', () => {
    expect(dispense(plan, { days: 0 })).toMatchObject({ ok: false, errors: [{ path: 'days', code: 'out-of-range' }] });
    expect(dispense(plan, { until: '2026-11-01' })).toMatchObject({ ok: false, errors: [{ path: 'until', code: 'before-start' }] });
    expect(dispense(plan, { until: '2026-13-01' })).toMatchObject({ ok: false, errors: [{ path: 'until', code: 'invalid-date' }] });
    expect(dispense(plan, { until: '2026-12-01', days: 3 })).toMatchObject({ ok: false, errors: [{ path: 'days', code: 'conflict' }] });
    const single = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5'], makeUp: [] })]);
    expect(dispense(single)).toMatchObject({ ok: false, errors: [{ path: 'until', code: 'period-required' }] });
  });
});

describe('dispense: morphine IR, scored 15 mg halves', () => {
  it('counts halves and the tablets to split', () => {
    // Prior 30 mg × 4, tolerance lost, halved naive start: 7.5+7.5 · 7.5×3 · 7.5×4 · 15+7.5×3 · 15+15+7.5+7.5 · checkpoint.
    const plan = planOf({ ...example, drug: 'morphine', prior: { dose: '30', unit: 'mg', timesPerDay: 4 } });
    const d = summary(plan);
    expect(d.period.until).toBe('2026-12-12');
    // halves: 3×(2+3+4+3+2) = 42 → 21 tablets; whole 15 mg: 3×1 + 3×2 = 9. Total 30 tablets.
    expect(d.summary).toEqual([{ drug: 'morphine', formulation: 'ir', strength: { amount: '15', unit: 'mg' }, unitForm: 'tablet', quantity: 30, halves: 42 }]);
    expect(d.notes).toEqual([]);
  });
});

describe('dispense: patches by wear time', () => {
  const plan = handPlan(
    [
      handStep({ start: '2026-11-28', end: '2026-12-03', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['12'], makeUp: ['1 × 12 mcg/h patch'], equivalentFactor: '2.4' }),
      handStep({ start: '2026-12-04', end: '2026-12-12', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['25'], makeUp: ['1 × 25 mcg/h patch'], equivalentFactor: '2.4' }),
      handStep({ start: '2026-12-13', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['112'], makeUp: ['1 × 100 mcg/h patch + 1 × 12 mcg/h patch'], equivalentFactor: '2.4' }),
    ],
    { tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true } },
  );

  it('one patch per 72 h of each step; two-patch doses count both strengths', () => {
    // Step 1: 6 days → 2 × 12; step 2: 9 days → 3 × 25; step 3 to 12-18: 6 days → 2 × (100 + 12).
    const d = summary(plan, { until: '2026-12-18' });
    expect(d.summary.map((l) => [l.strength, l.unitForm, l.quantity, l.halves])).toEqual([
      [{ amount: '100', unit: 'mcg/h' }, 'patch', 2, 0],
      [{ amount: '25', unit: 'mcg/h' }, 'patch', 3, 0],
      [{ amount: '12', unit: 'mcg/h' }, 'patch', 4, 0],
    ]);
    expect(stepUnits(plan)[2]!.administrations[0]!.units.map((u) => [u.strength.amount, u.count])).toEqual([
      ['100', 1],
      ['12', 1],
    ]);
    // A part-used wear period still needs a whole patch: 4 days of step 1 → ceil(96 / 72) = 2.
    expect(summary(plan, { days: 4 }).summary.map((l) => [l.strength.amount, l.quantity])).toEqual([['12', 2]]);
  });
});

describe('dispense: every-other-day steps', () => {
  const plan = handPlan(
    [
      handStep({ start: '2026-11-28', end: '2026-12-11', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['12.5'], everyOtherDay: true, makeUp: [] }),
      handStep({ start: '2026-12-12', end: '2026-12-25', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], everyOtherDay: true, makeUp: [] }),
      handStep({ start: '2026-12-26', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25', '25'], makeUp: [] }),
    ],
    { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' } },
  );

  it('doses on the step start and every second day; halves of scored tablets', () => {
    // Step 1: 14 days → 7 dosing days × half a 25 mg; step 2 to 12-18: 12-12, 14, 16, 18 → 4 × 25 mg.
    const d = summary(plan, { until: '2026-12-18' });
    expect(d.steps.map((s) => [s.daysInPeriod, s.dosingDaysInPeriod])).toEqual([
      [14, 7],
      [7, 4],
      [0, 0],
    ]);
    expect(d.summary).toEqual([{ drug: 'test-eod', formulation: 'tablet', strength: { amount: '25', unit: 'mg' }, unitForm: 'tablet', quantity: 4 + 4, halves: 7 }]);
    expect(d.notes).toEqual(['An odd number of half-tablet doses: one half tablet is left over.']);
  });

  it('a period starting on an off day counts from the next dosing day', () => {
    // From 11-29 (an off day) to 12-11: dosing days 11-30, 12-02, 04, 06, 08, 10 = 6.
    const d = summary(plan, { from: '2026-11-29', until: '2026-12-11' });
    expect(d.steps[0]).toMatchObject({ daysInPeriod: 13, dosingDaysInPeriod: 6 });
    expect(d.summary[0]).toMatchObject({ quantity: 3, halves: 6 });
  });

  it('default period without checkpoints: the whole dated titration', () => {
    const d = summary(plan);
    expect(d.period).toMatchObject({ from: '2026-11-28', until: '2026-12-25', days: 28 });
    // 7 halves + 7 whole 25 mg tablets.
    expect(d.summary[0]).toMatchObject({ quantity: 7 + 4, halves: 7 });
  });
});
