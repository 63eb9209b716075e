/**
 * Dispensing detail a pharmacist checks: the supply period and its stated basis, each period error's
 * path, code and message, the first and last day of each step inside the period, every-other-day
 * counting from an off day, patches without a wear time, and the order of the summary lines.
 */
import { describe, expect, it, vi } from 'vitest';
import { dispense, stepUnits } from '../../src/engine/dispense.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { handPlan, handStep } from '../check/fixtures.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/registry.ts')>();
  const { TEST_FENTANYL, withTestDrugs } = await import('../check/fixtures.ts');
  const base = TEST_FENTANYL as unknown as { formulations: readonly Record<string, unknown>[] } & Record<string, unknown>;
  const { wearHours, ...patch } = base.formulations[0]!;
  void wearHours;
  const noWear = { ...base, id: 'test-nowear', displayName: 'noWEAR', formulations: [{ ...patch, name: 'daily patch' }] };
  const withTest = withTestDrugs(actual);
  return { ...withTest, findDrug: (id: string) => (id === 'test-nowear' ? noWear : withTest.findDrug(id)) };
});

function ok(plan: RestartPlan, options = {}) {
  const result = dispense(plan, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.dispensing;
}

function errors(plan: RestartPlan, options = {}) {
  const result = dispense(plan, options);
  if (result.ok) throw new Error('expected period errors');
  return result.errors;
}

type Spec = Parameters<typeof handStep>[0];
const oxy = (spec: Partial<Spec> & { start: string }) =>
  handStep({ drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5', '5'], makeUp: [], ...spec });

// 3 steps: 11-28..11-30 (5+5), 12-01..12-03 (10+5), maintenance from 12-04 (10+10).
const titration = handPlan([
  oxy({ start: '2026-11-28', end: '2026-11-30' }),
  oxy({ start: '2026-12-01', end: '2026-12-03', administrations: ['10', '5'] }),
  oxy({ start: '2026-12-04', administrations: ['10', '10'] }),
]);

const quantities = (plan: RestartPlan, options = {}) => ok(plan, options).summary.map((l) => [l.drug, l.formulation, l.strength.amount, l.quantity, l.halves]);

describe('supply period', () => {
  it('defaults to the dated titration, naming the maintenance step', () => {
    expect(ok(titration).period).toEqual({ from: '2026-11-28', until: '2026-12-03', days: 6, basis: 'the dated titration, until the maintenance step on 2026-12-04' });
  });

  it('ignores a checkpoint on the first step and stops before the next checkpoint', () => {
    const plan = handPlan([
      oxy({ start: '2026-11-28', end: '2026-11-30', checkpoint: 'first review' }),
      oxy({ start: '2026-12-01', end: '2026-12-03' }),
      oxy({ start: '2026-12-04', end: '2026-12-06', checkpoint: 'review' }),
      oxy({ start: '2026-12-07' }),
    ]);
    expect(ok(plan).period).toMatchObject({ until: '2026-12-03', days: 6, basis: 'until the checkpoint on 2026-12-04' });
    const onlyFirst = handPlan([oxy({ start: '2026-11-28', end: '2026-11-30', checkpoint: 'first review' }), oxy({ start: '2026-12-01' })]);
    expect(ok(onlyFirst).period).toMatchObject({ until: '2026-11-30', basis: 'the dated titration, until the maintenance step on 2026-12-01' });
  });

  it('states a chosen end date or number of days as the basis', () => {
    expect(ok(titration, { until: '2026-12-01' }).period).toEqual({ from: '2026-11-28', until: '2026-12-01', days: 4, basis: 'until 2026-12-01 (chosen)' });
    expect(ok(titration, { days: 3 }).period).toEqual({ from: '2026-11-28', until: '2026-11-30', days: 3, basis: '3 days (chosen)' });
  });

  it('accepts 1 day and 3660 days of supply; rejects 3661 and part days', () => {
    expect(ok(titration, { days: 1 }).period).toMatchObject({ until: '2026-11-28', days: 1 });
    expect(ok(titration, { days: 3660 }).period.days).toBe(3660);
    for (const days of [3661, 2.5, 0]) {
      expect(errors(titration, { days })).toEqual([{ path: 'days', code: 'out-of-range', message: expect.stringContaining('from 1 to 3660') }]);
    }
  });

  it('supplies a single day when the period ends on its first day', () => {
    const d = ok(titration, { from: '2026-12-02', until: '2026-12-02' });
    expect(d.period).toMatchObject({ from: '2026-12-02', until: '2026-12-02', days: 1 });
    expect(d.summary.map((l) => [l.strength.amount, l.quantity])).toEqual([
      ['10', 1],
      ['5', 1],
    ]);
  });

  it('reports a bad first day of supply alone, whatever the end', () => {
    const bad = [{ path: 'from', code: 'invalid-date', message: expect.stringContaining('first day of supply') }];
    expect(errors(titration, { from: '2026-13-01', until: '2026-12-01' })).toEqual(bad);
    expect(errors(titration, { from: '2026-13-01', days: 3 })).toEqual(bad);
    expect(errors(titration, { from: '2026-13-01' })).toEqual(bad);
  });

  it('explains each period error', () => {
    expect(errors(titration, { until: '2026-12-01', days: 3 })[0]!.message).toContain('not both');
    expect(errors(titration, { until: 'soon' })[0]!.message).toContain('last day of supply');
    const single = handPlan([oxy({ start: '2026-11-28' })]);
    expect(errors(single)[0]!.message).toContain('end date or a number of days');
    expect(errors(titration, { until: '2026-11-27' })).toEqual([
      { path: 'until', code: 'before-start', message: 'The last day of supply (2026-11-27) is before the first (2026-11-28).' },
    ]);
  });
});

describe('steps inside the period', () => {
  it('counts each step from the later of its start and the first day, to the earlier of its end and the last day', () => {
    const d = ok(titration, { from: '2026-11-29', until: '2026-12-05' });
    expect(d.steps.map((s) => [s.daysInPeriod, s.dosingDaysInPeriod])).toEqual([
      [2, 2],
      [3, 3],
      [2, 2],
    ]);
    // 5 mg: 2 days × 2 + 3 days × 1; 10 mg: 3 days × 1 + 2 days × 2.
    expect(d.summary.map((l) => [l.strength.amount, l.quantity])).toEqual([
      ['10', 7],
      ['5', 7],
    ]);
  });

  it('gives a step that ends before the period nothing', () => {
    const d = ok(titration, { from: '2026-12-02', days: 3 });
    expect(d.steps.map((s) => s.daysInPeriod)).toEqual([0, 2, 1]);
  });

  it('makes up administrations from the dose when the step lists none', () => {
    const step = { ...oxy({ start: '2026-11-28', administrations: ['15', '15', '15'] }), administrations: [] as string[] };
    const [made] = stepUnits(handPlan([step]));
    expect(made!.administrations.map((a) => [a.dose.amount, a.makeUp])).toEqual([
      ['15', '1 × 15 mg tablet'],
      ['15', '1 × 15 mg tablet'],
      ['15', '1 × 15 mg tablet'],
    ]);
  });

  it('refuses, as a programmer error, a product or a dose the data cannot make', () => {
    expect(() => stepUnits(handPlan([oxy({ start: '2026-11-28', drug: 'nosuchdrug' })]))).toThrow(/unknown product nosuchdrug ir/);
    expect(() => stepUnits(handPlan([oxy({ start: '2026-11-28', administrations: ['7'] })]))).toThrow(/7 mg cannot be made from oxycodone ir/);
  });
});

describe('every-other-day steps', () => {
  const eod = handPlan(
    [
      handStep({ start: '2026-11-28', end: '2026-12-11', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], everyOtherDay: true, makeUp: [] }),
      handStep({ start: '2026-12-12', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], makeUp: [] }),
    ],
    { drugClass: 'labelled-restart' },
  );

  it('counts from a dosing day two days after the start', () => {
    // 11-30 to 12-10: 11 days; doses 11-30, 12-02, 04, 06, 08, 10.
    expect(ok(eod, { from: '2026-11-30', until: '2026-12-10' }).steps[0]).toMatchObject({ daysInPeriod: 11, dosingDaysInPeriod: 6 });
  });

  it('gives no dose for a one-day period on an off day, and one for a dosing day', () => {
    expect(ok(eod, { from: '2026-11-29', until: '2026-11-29' }).steps[0]).toMatchObject({ daysInPeriod: 1, dosingDaysInPeriod: 0 });
    expect(ok(eod, { from: '2026-11-29', until: '2026-11-29' }).summary).toEqual([
      { drug: 'test-eod', formulation: 'tablet', strength: { amount: '25', unit: 'mg' }, unitForm: 'tablet', quantity: 0, halves: 0 },
    ]);
    expect(ok(eod, { from: '2026-11-30', until: '2026-11-30' }).steps[0]).toMatchObject({ daysInPeriod: 1, dosingDaysInPeriod: 1 });
  });
});

describe('patches', () => {
  it('counts one patch a day and says so when the data give no wear time', () => {
    const plan = handPlan([handStep({ start: '2026-11-28', drug: 'test-nowear', formulation: 'patch', unit: 'mcg/h', administrations: ['25'], makeUp: [] })]);
    const d = ok(plan, { days: 5 });
    expect(d.summary.map((l) => [l.strength.amount, l.unitForm, l.quantity])).toEqual([['25', 'patch', 5]]);
    expect(d.notes).toEqual(['noWEAR daily patch: no wear time in the protocol data; one patch a day counted.']);
  });

  it('adds no note when the wear time is known', () => {
    const plan = handPlan([handStep({ start: '2026-11-28', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['25'], makeUp: [] })]);
    const d = ok(plan, { days: 6 });
    expect(d.summary.map((l) => l.quantity)).toEqual([2]);
    expect(d.notes).toEqual([]);
  });

  it('counts every day a patch is worn, even on a step marked every other day', () => {
    const plan = handPlan([
      handStep({ start: '2026-11-28', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['25'], everyOtherDay: true, makeUp: [] }),
    ]);
    expect(ok(plan, { days: 6 }).steps[0]).toMatchObject({ daysInPeriod: 6, dosingDaysInPeriod: 6 });
  });
});

describe('summary order and notes', () => {
  it('orders lines by drug, then formulation, then largest strength first', () => {
    const plan = handPlan([
      oxy({ start: '2026-11-28', end: '2026-11-28', administrations: ['30'] }),
      oxy({ start: '2026-11-29', end: '2026-11-29', formulation: 'er', administrations: ['10'] }),
      oxy({ start: '2026-11-30', end: '2026-11-30', drug: 'morphine', administrations: ['15'] }),
      oxy({ start: '2026-12-01', administrations: ['5'] }),
    ]);
    expect(quantities(plan)).toEqual([
      ['morphine', 'ir', '15', 1, 0],
      ['oxycodone', 'er', '10', 1, 0],
      ['oxycodone', 'ir', '30', 1, 0],
    ]);
  });

  it('notes a left-over half tablet when any line has an odd number of halves', () => {
    const plan = handPlan([
      oxy({ start: '2026-11-28', end: '2026-11-28', administrations: ['10'] }),
      oxy({ start: '2026-11-29', end: '2026-11-29', drug: 'morphine', administrations: ['7.5'] }),
      oxy({ start: '2026-11-30', administrations: ['10'] }),
    ]);
    const d = ok(plan);
    expect(d.summary.map((l) => [l.drug, l.quantity, l.halves])).toEqual([
      ['morphine', 1, 1],
      ['oxycodone', 1, 0],
    ]);
    expect(d.notes).toEqual(['An odd number of half-tablet doses: one half tablet is left over.']);
  });
});
