/**
 * Proposals of several products (issue 13): steps that share a start date run side by side (another product, or an
 * as-needed entry counted at its maximum), and the check compares each day's total — in the product's unit when every
 * product is the same drug, else in MME (opioids) or mg diazepam (benzodiazepines) — with the plan's ceiling for that
 * day (the sum over the plan's parallel steps), showing the working.
 */
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule, type CheckResult } from '../../src/engine/check.ts';
import type { FieldError } from '../../src/engine/types.ts';
import { handPlan, handStep } from './fixtures.ts';
import { REQUEST, check, step } from './proposed.ts';

// REQUEST: oxyCODONE IR 10 mg × 4, tolerance lost. Ceiling mg/day (MME × 1.5): 11-28..11-30 20 (30 MME) ·
// 12-01..12-03 25 (37.5) · 12-04..12-06 30 (45) · 12-07..12-09 35 (checkpoint) · 12-10.. 40.

function errorsOf(input: Record<string, unknown>): readonly FieldError[] {
  const outcome = checkSchedule(input);
  if (outcome.ok) throw new Error('expected errors');
  return outcome.errors;
}

function codes(result: CheckResult): string[] {
  return result.findings.map((f) => `${f.step} ${f.code}`);
}

describe('two opioids on the same days', () => {
  it('within: oxyCODONE IR 5 mg × 2 (15 MME) + morphine IR 7.5 mg (7.5 MME) = 22.5 MME/day under the 30 MME/day ceiling', () => {
    const result = check([step('2026-11-28', '5', 2), { ...step('2026-11-28', '7.5', 1), drug: 'morphine' }]);
    expect(result.verdict).toBe('within');
    expect(result.steps.map((s) => [s.drug, s.start, s.end, s.dailyEquivalent?.amount, s.status])).toEqual([
      ['oxycodone', '2026-11-28', undefined, '15', 'within'],
      ['morphine', '2026-11-28', undefined, '7.5', 'within'],
    ]);
  });

  it('exceeding: 20 mg oxyCODONE (30 MME) + 7.5 mg morphine = 37.5 MME/day, 7.5 above the 30 MME/day ceiling, with the working', () => {
    const result = check([step('2026-11-28', '5', 4), { ...step('2026-11-28', '7.5', 1), drug: 'morphine' }, step('2026-12-04', '10', 3)]);
    expect(result.verdict).toBe('exceeds');
    expect(codes(result)).toEqual(['0 ABOVE_CEILING']);
    const finding = result.findings[0]!;
    expect(finding).toMatchObject({
      step: 0,
      steps: [0, 1],
      path: 'proposed.0',
      proposedDaily: { amount: '37.5', unit: 'MME' },
      ceilingDaily: { amount: '30', unit: 'MME' },
      excess: { amount: '7.5', unit: 'MME' },
      excessPercent: '25.0',
      exceedsFrom: '2026-11-28',
      exceedsUntil: '2026-11-30',
    });
    expect(finding.message).toBe(
      'From 2026-11-28 to 2026-11-30, steps 1 and 2 together give 37.5 MME/day, above the ceiling of 30 MME/day (plan step 1) by 7.5 MME/day (25%).',
    );
    const working = finding.working!;
    expect(working[0]).toMatch(/^Proposed: step 1, oxyCODONE immediate-release tablet 5 mg × 4 a day: 20 mg daily × 1\.5 MME per mg = 30 MME\/day \[cdc-2022/);
    expect(working[1]).toMatch(/^Proposed: step 2, morphine immediate-release tablet 7\.5 mg × 1 a day: 7\.5 mg daily × 1 MME per mg = 7\.5 MME\/day \[cdc-2022/);
    expect(working[2]).toBe('Proposed total: 30 + 7.5 = 37.5 MME/day');
    expect(working[3]).toMatch(/^Ceiling: plan step 1, oxyCODONE immediate-release tablet: 20 mg daily × 1\.5 MME per mg = 30 MME\/day/);
    expect(working[4]).toBe('37.5 MME/day > 30 MME/day: above by 7.5 MME/day.');
    // Both steps of the day are marked; step 3 (30 mg alone from 12-04, the plan's 30 mg then) is within.
    expect(result.steps.map((s) => s.status)).toEqual(['exceeds', 'exceeds', 'within']);
    expect(result.steps[1]!.codes).toEqual(['ABOVE_CEILING']);
  });

  it('the day the second product stops, its step ends: a later step of one product alone is compared alone', () => {
    // 22.5 MME/day, then oxyCODONE alone 5 mg × 3 = 15 mg (22.5 MME/day): no rise.
    const result = check([step('2026-11-28', '5', 2), { ...step('2026-11-28', '7.5', 1), drug: 'morphine' }, step('2026-12-01', '5', 3)]);
    expect(result.steps.map((s) => s.end)).toEqual(['2026-11-30', '2026-11-30', undefined]);
    expect(result.verdict).toBe('within');
  });

  it('a product restricted to opioid-tolerant patients after tolerance loss stays flagged (fentaNYL patch beside oxyCODONE)', () => {
    const result = check([step('2026-11-28', '5', 2), { start: '2026-11-28', drug: 'fentanyl', formulation: 'patch', dose: { amount: '12', unit: 'mcg/h' } }]);
    expect(codes(result)).toEqual(['0 ABOVE_CEILING', '1 RESTRICTED_AFTER_TOLERANCE_LOSS']);
    expect(result.findings[0]!.proposedDaily).toEqual({ amount: '43.8', unit: 'MME' });
    expect(result.findings[0]!.working!.some((w) => w.includes('12 mcg/h × 2.4 MME per mcg/h = 28.8 MME/day'))).toBe(true);
    expect(result.findings[1]!.message).toContain('fentaNYL transdermal patch');
    expect(result.findings[1]!.message).toContain('only for opioid-tolerant patients');
  });

  it('a rise of the day\'s total faster than the plan allows is RISES_TOO_FAST on the later day', () => {
    const result = check([step('2026-11-28', '5', 4), { ...step('2026-11-29', '5', 4) }, { ...step('2026-11-29', '7.5', 1), drug: 'morphine' }]);
    expect(result.findings.map((f) => f.code)).toContain('RISES_TOO_FAST');
    const rise = result.findings.find((f) => f.code === 'RISES_TOO_FAST')!;
    expect(rise).toMatchObject({ step: 1, steps: [1, 2] });
    expect(rise.message).toContain("raise the day's total 1 day after step 1");
  });
});

// Oxycodone ER (OxyContin) 20 mg × 2, last dose two days before the restart: tolerance retained, the plan resumes 40 mg/day.
const ER_REQUEST = { ...REQUEST, formulation: 'er', prior: { dose: '20', unit: 'mg', timesPerDay: 2 }, lastDoseDate: '2026-11-26' };

describe('extended-release with immediate-release as needed', () => {
  it('ER 15 mg × 2 + IR 5 mg up to 2 a day as needed = 40 mg daily (same drug: compared in mg) is within the resumed 40 mg', () => {
    const result = check(
      [
        { ...step('2026-11-28', '15', 2), formulation: 'er' },
        { ...step('2026-11-28', '5', 2), formulation: 'ir', asNeeded: true },
      ],
      ER_REQUEST,
    );
    expect(result.plan.steps.map((s) => s.dailyDose.amount)).toEqual(['40']);
    expect(result.verdict).toBe('within');
    expect(result.steps[1]).toMatchObject({ formulation: 'ir', asNeeded: true, dailyDose: { amount: '10', unit: 'mg' } });
  });

  it('ER 20 mg × 2 + IR 5 mg up to 2 a day: the as-needed doses count at their maximum, 50 mg > 40 mg, above ceiling and prior', () => {
    const result = check(
      [
        { ...step('2026-11-28', '20', 2), formulation: 'er' },
        { ...step('2026-11-28', '5', 2), formulation: 'ir', asNeeded: true },
      ],
      ER_REQUEST,
    );
    expect(codes(result)).toEqual(['0 ABOVE_CEILING', '0 ABOVE_PRIOR_DOSE']);
    expect(result.findings[0]).toMatchObject({ steps: [0, 1], proposedDaily: { amount: '50', unit: 'mg' }, ceilingDaily: { amount: '40', unit: 'mg' }, excessPercent: '25.0' });
    expect(result.findings[0]!.working).toContain('Proposed: step 2, oxyCODONE immediate-release tablet 5 mg up to 2 a day as needed (counted at the maximum): 10 mg daily');
    expect(result.findings[0]!.working).toContain('Proposed total: 40 + 10 = 50 mg daily');
    expect(result.findings[1]!.message).toBe('Steps 1 and 2 together give 50 mg daily, above the prior daily dose of 40 mg daily by 25%.');
    expect(result.steps.map((s) => s.codes)).toEqual([
      ['ABOVE_CEILING', 'ABOVE_PRIOR_DOSE'],
      ['ABOVE_CEILING', 'ABOVE_PRIOR_DOSE'],
    ]);
  });

  it('the same product scheduled and as needed on the same days may be listed; the same product twice may not', () => {
    const both = check([step('2026-11-28', '5', 2), step('2026-11-28', '5', 2, { asNeeded: true })]);
    expect(both.verdict).toBe('within');
    const twice = errorsOf({ ...REQUEST, proposed: [step('2026-11-28', '5', 2), step('2026-11-28', '5', 2)] });
    expect(twice.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.1.start not-in-order']);
  });
});

// LORazepam 1 mg × 2 (20 mg diazepam/day, Ashton 1 mg ≈ 10 mg), 2 missed days: the plan resumes 2 mg daily.
const LORAZEPAM = { ...REQUEST, drug: 'lorazepam', formulation: 'ir', prior: { dose: '1', unit: 'mg', timesPerDay: 2 }, lastDoseDate: '2026-11-25' };

describe('two benzodiazepines on the same days (mg diazepam)', () => {
  it('within: LORazepam 0.5 mg × 2 (10) + temazepam 15 mg (10 by VA/DoD 15 mg ≈ 10 mg, the higher equivalent) = 20 mg diazepam/day', () => {
    const result = check([step('2026-11-28', '0.5', 2), { ...step('2026-11-28', '15', 1), drug: 'temazepam' }], LORAZEPAM);
    expect(result.plan.steps.map((s) => s.dailyEquivalent?.amount)).toEqual(['20']);
    expect(result.verdict).toBe('within');
    expect(result.steps.map((s) => s.dailyEquivalent)).toEqual([
      { amount: '10', unit: 'mg diazepam' },
      { amount: '10', unit: 'mg diazepam' },
    ]);
  });

  it('exceeding: LORazepam 1 mg × 2 (20) + temazepam 7.5 mg (5) = 25 mg diazepam/day, 5 above', () => {
    const result = check([step('2026-11-28', '1', 2), { ...step('2026-11-28', '7.5', 1), drug: 'temazepam' }], LORAZEPAM);
    expect(codes(result)).toEqual(['0 ABOVE_CEILING', '0 ABOVE_PRIOR_DOSE']);
    const finding = result.findings[0]!;
    expect(finding).toMatchObject({ proposedDaily: { amount: '25', unit: 'mg diazepam' }, ceilingDaily: { amount: '20', unit: 'mg diazepam' }, excessPercent: '25.0' });
    expect(finding.working![0]).toMatch(/LORazepam .*: 2 mg daily × 10 ÷ 1 \(1 mg lorazepam ≈ 10 mg diazepam, Ashton\) = 20 mg diazepam\/day/);
    expect(finding.working![1]).toMatch(/temazepam .*: 7\.5 mg daily × 10 ÷ 15 \(15 mg temazepam ≈ 10 mg diazepam, VA\/DoD, the higher equivalent; .*bzd-conservative-equivalent\) = 5 mg diazepam\/day/);
    expect(finding.working![2]).toBe('Proposed total: 20 + 5 = 25 mg diazepam/day');
  });

  it('another benzodiazepine alone in place of the plan\'s is compared in mg diazepam (it was not comparable before)', () => {
    const result = check([{ ...step('2026-11-28', '10', 1), drug: 'diazepam' }], LORAZEPAM);
    expect(result.verdict).toBe('within');
    const above = check([{ ...step('2026-11-28', '10', 3), drug: 'diazepam' }], LORAZEPAM);
    expect(above.findings[0]).toMatchObject({ code: 'ABOVE_CEILING', proposedDaily: { amount: '30', unit: 'mg diazepam' }, ceilingDaily: { amount: '20', unit: 'mg diazepam' } });
  });
});

describe('products that cannot be added up: clear errors with field paths', () => {
  it('a benzodiazepine beside an opioid: not-comparable on proposed.1.drug naming both classes and `concurrent`', () => {
    const errors = errorsOf({ ...REQUEST, proposed: [step('2026-11-28', '5', 2), { ...step('2026-11-28', '0.5', 1), drug: 'alprazolam' }] });
    expect(errors).toEqual([
      {
        path: 'proposed.1.drug',
        code: 'not-comparable',
        message: "ALPRAZolam is a benzodiazepine, not an opioid like oxyCODONE: every product of a proposal must be of the plan's class (give other medicines in `concurrent`).",
      },
    ]);
  });

  it('methadone (or a partial agonist) as one product of several: not-comparable, plan it alone', () => {
    const errors = errorsOf({ ...REQUEST, proposed: [step('2026-11-28', '5', 2), { ...step('2026-11-28', '5', 1), drug: 'methadone' }] });
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.1.drug not-comparable']);
    expect(errors[0]!.message).toContain('plan and check it alone');
  });

  it('a misspelt as-needed flag is not-a-boolean with its path', () => {
    const errors = errorsOf({ ...REQUEST, proposed: [step('2026-11-28', '5', 2), step('2026-11-28', '5', 2, { asNeeded: 'yes' })] });
    expect(errors.map((e) => `${e.path} ${e.code}`)).toContain('proposed.1.asNeeded not-a-boolean');
  });
});

describe('a plan with parallel steps (a retained regimen of two products): the day\'s ceiling is their sum', () => {
  // Hand-built: oxyCODONE ER 20 mg × 2 (component 0) and oxyCODONE IR 5 mg up to 2 a day as needed (component 1) on
  // the same dates; ceiling 50 mg daily (75 MME/day).
  const plan = handPlan(
    [
      { ...handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'er', unit: 'mg', administrations: ['20', '20'], makeUp: [], equivalentFactor: '1.5' }), component: 0 },
      { ...handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5', '5'], makeUp: [], equivalentFactor: '1.5' }), component: 1, asNeeded: true },
    ],
    { formulation: 'er', tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true }, prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '75', unit: 'MME' } } },
  );

  it('the plan proposed back is within; one product at the whole sum (50 mg daily) is within the day\'s total, its 10 mg doses above the plan\'s 5 mg IR dose', () => {
    const back = checkAgainstPlan(plan, [
      { start: '2026-11-28', formulation: 'er', dose: { amount: '20', unit: 'mg' }, timesPerDay: 2 },
      { start: '2026-11-28', formulation: 'ir', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2, asNeeded: true },
    ]);
    expect(back.ok && back.result.verdict).toBe('within');
    const one = checkAgainstPlan(plan, [{ start: '2026-11-28', formulation: 'ir', dose: { amount: '10', unit: 'mg' }, timesPerDay: 5 }]);
    expect(one.ok && one.result.findings.map((f) => f.code)).toEqual(['ABOVE_DOSE_CEILING']);
  });

  it('above the sum: ABOVE_CEILING against plan steps 1 + 2', () => {
    const outcome = checkAgainstPlan(plan, [
      { start: '2026-11-28', formulation: 'er', dose: { amount: '20', unit: 'mg' }, timesPerDay: 2 },
      { start: '2026-11-28', formulation: 'ir', dose: { amount: '5', unit: 'mg' }, timesPerDay: 3, asNeeded: true },
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const above = outcome.result.findings.find((f) => f.code === 'ABOVE_CEILING')!;
    expect(above).toMatchObject({ proposedDaily: { amount: '55', unit: 'mg' }, ceilingDaily: { amount: '50', unit: 'mg' }, steps: [0, 1] });
    expect(above.message).toContain('(plan steps 1 + 2)');
    expect(above.working).toContain('Ceiling total: 40 + 10 = 50 mg daily');
  });

  it('a single-product proposal of morphine is compared with the sum in MME (75 MME/day)', () => {
    const within = checkAgainstPlan(plan, [{ start: '2026-11-28', drug: 'morphine', formulation: 'ir', dose: { amount: '15', unit: 'mg' }, timesPerDay: 5 }]);
    expect(within.ok && within.result.findings.filter((f) => f.code === 'ABOVE_CEILING')).toEqual([]);
    const above = checkAgainstPlan(plan, [{ start: '2026-11-28', drug: 'morphine', formulation: 'ir', dose: { amount: '15', unit: 'mg' }, timesPerDay: 6 }]);
    expect(above.ok && above.result.findings.find((f) => f.code === 'ABOVE_CEILING')).toMatchObject({ proposedDaily: { amount: '90', unit: 'MME' }, ceilingDaily: { amount: '75', unit: 'MME' } });
  });
});

describe('the request side: additionalPrior passes through to the plan', () => {
  const proposed = [step('2026-11-28', '5', 2), { ...step('2026-11-28', '15', 1), drug: 'morphine', asNeeded: true }];

  it('a check request with another medicine taken before the break is planned and checked', () => {
    const outcome = checkSchedule({ ...REQUEST, additionalPrior: [{ drug: 'morphine', formulation: 'ir', dose: '15', unit: 'mg', timesPerDay: 2, asNeeded: true }], proposed });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.verdict).toBe('within');
  });

  it('its errors keep the validator\'s paths, prefixed request. in the nested form', () => {
    const additionalPrior = [
      { drug: 'morphine', formulation: 'ir', dose: 'x', unit: 'mg', timesPerDay: 2 },
      { drug: 'alprazolam', formulation: 'ir', dose: '1', unit: 'mg', timesPerDay: 1 },
    ];
    expect(errorsOf({ ...REQUEST, additionalPrior, proposed }).map((e) => `${e.path} ${e.code}`)).toEqual(['additionalPrior.0.dose not-a-number', 'additionalPrior.1.drug wrong-class']);
    expect(errorsOf({ request: { ...REQUEST, additionalPrior }, proposed }).map((e) => `${e.path} ${e.code}`)).toEqual([
      'request.additionalPrior.0.dose not-a-number',
      'request.additionalPrior.1.drug wrong-class',
    ]);
  });

  it('with prior components, the prior dose is their total: one product above the main medicine but within the total is not ABOVE_PRIOR_DOSE', () => {
    // Hand-built: prior oxyCODONE IR 20 mg daily (30 MME) + morphine IR 30 mg daily (30 MME) = 60 MME/day; the plan resumes 60 MME/day of oxyCODONE.
    const component = (path: string, drug: string, daily: string, mme: string, factor: string) => ({
      path,
      drug,
      formulation: 'ir',
      displayName: drug,
      formulationName: 'ir',
      dose: { amount: daily, unit: 'mg' as const },
      timesPerDay: 1,
      asNeeded: false,
      dailyDose: { amount: daily, unit: 'mg' as const },
      dailyEquivalent: { amount: mme, unit: 'MME' as const },
      equivalentFactor: { value: factor, per: 'MME per mg/day', source: 'cdc-2022' },
    });
    const plan = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['10', '10', '10', '10'], makeUp: [], equivalentFactor: '1.5' })], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: {
        dailyDose: { amount: '20', unit: 'mg' },
        dailyEquivalent: { amount: '60', unit: 'MME' },
        components: [component('prior', 'oxycodone', '20', '30', '1.5'), component('additionalPrior.0', 'morphine', '30', '30', '1')],
      },
    });
    const within = checkAgainstPlan(plan, [step('2026-11-28', '10', 4)]);
    expect(within.ok && within.result.verdict).toBe('within');
    const above = checkAgainstPlan(plan, [step('2026-11-28', '10', 4), { ...step('2026-11-28', '15', 1), drug: 'morphine' }]);
    if (!above.ok) throw new Error(JSON.stringify(above.errors));
    const prior = above.result.findings.find((f) => f.code === 'ABOVE_PRIOR_DOSE')!;
    expect(prior).toMatchObject({ proposedDaily: { amount: '75', unit: 'MME' }, ceilingDaily: { amount: '60', unit: 'MME' } });
    expect(prior.working).toContain('Prior: morphine ir 30 mg daily = 30 MME/day (additionalPrior.0)');
  });
});
