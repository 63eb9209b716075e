import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { D } from '../../src/engine/decimal.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import { isoAfter } from './helpers.ts';

const PRODUCTS = BENZODIAZEPINES.flatMap((drug) => drug.formulations.map((formulation) => ({ drug, formulation })));

/** A real prior regimen: a makeable dose per administration and a permitted number of administrations. */
const regimen = fc
  .record({
    product: fc.constantFrom(...PRODUCTS),
    strengthIndex: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
    half: fc.boolean(),
    times: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ product, strengthIndex, count, half, times }) => {
    const { formulation } = product;
    const strength = formulation.strengths[strengthIndex % formulation.strengths.length]!;
    let dose = new D(strength.amount).mul(count);
    if (half && strength.scored && count === 1) dose = new D(strength.amount).div(2);
    if (dose.gt(formulation.maxSingleDose.value)) dose = new D(strength.amount);
    return { ...product, dose, times: Math.min(times, formulation.maxTimesPerDay.value) };
  });

const scenario = fc.record({
  regimen,
  missedDays: fc.integer({ min: 0, max: 120 }),
  priorDurationDays: fc.integer({ min: 0, max: 2000 }),
  daysPerWeek: fc.integer({ min: 1, max: 7 }),
});

interface Regimen {
  readonly drug: (typeof PRODUCTS)[number]['drug'];
  readonly formulation: (typeof PRODUCTS)[number]['formulation'];
  readonly dose: Decimal;
  readonly times: number;
}
interface Scenario {
  readonly regimen: Regimen;
  readonly missedDays: number;
  readonly priorDurationDays: number;
  readonly daysPerWeek: number;
}

function run(s: Scenario, extra: Record<string, unknown> = {}): RestartPlan {
  const lastDoseDate = '2026-06-01';
  const result = planRestart({
    drug: s.regimen.drug.id,
    formulation: s.regimen.formulation.id,
    prior: { dose: s.regimen.dose.toFixed(), unit: 'mg', timesPerDay: s.regimen.times, daysPerWeek: s.daysPerWeek },
    priorDurationDays: s.priorDurationDays,
    lastDoseDate,
    restartDate: isoAfter(lastDoseDate, s.missedDays + 1),
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const RUNS = { numRuns: 300 };

describe('benzodiazepine invariants over every drug and formulation', () => {
  it('no step above the prior dose or the labelled maximum; dates strictly increasing; daily non-decreasing; every dose makeable', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        const { dose, times, formulation } = s.regimen;
        const priorDaily = dose.mul(times);
        const labelMax = new D(formulation.maxDailyDose!.value);
        let previousStart = '';
        let previousDaily = new D(0);
        for (const step of p.steps) {
          const daily = new D(step.dailyDose.amount);
          expect(daily.lte(priorDaily)).toBe(true);
          expect(daily.lte(labelMax)).toBe(true);
          expect(step.timesPerDay).toBeLessThanOrEqual(times);
          expect(step.formulation).toBe(formulation.id);
          for (const a of step.administrations) {
            expect(new D(a).lte(dose)).toBe(true);
            expect(makeExactly(new D(a), formulation.strengths)).not.toBeNull();
          }
          expect(step.start > previousStart).toBe(true);
          expect(daily.gte(previousDaily)).toBe(true);
          previousStart = step.start;
          previousDaily = daily;
        }
        const last = new D(p.steps.at(-1)!.dailyDose.amount);
        if (priorDaily.lte(labelMax)) expect(last.eq(priorDaily)).toBe(true);
        else expect(p.warnings.some((w) => w.code === 'ABOVE_LABEL_MAXIMUM')).toBe(true);
        expect(p.steps[0]!.start).toBe(isoAfter('2026-06-01', s.missedDays + 1));
      }),
      RUNS,
    );
  });

  it('each rise is at most 25% of the current daily dose, unless it is the smallest rise the strengths can make; never sooner than 7 days', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        for (let i = 1; i < p.steps.length; i++) {
          const prev = new D(p.steps[i - 1]!.dailyDose.amount);
          const cur = new D(p.steps[i]!.dailyDose.amount);
          const days = (Date.parse(p.steps[i]!.start) - Date.parse(p.steps[i - 1]!.start)) / 86_400_000;
          expect(days).toBeGreaterThanOrEqual(7);
          if (cur.gt(prev.mul(1.25))) expect(p.steps[i]!.rule).toMatch(/smallest rise/);
        }
      }),
      RUNS,
    );
  });

  it('after the withdrawal window (dependent, no symptoms) the first step is at most 10 mg diazepam equivalents a day (unless only the smallest unit fits)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        if (p.tolerance.status !== 'lost') return;
        expect(p.tolerance.retainedFraction).toBe('0');
        expect(s.missedDays).toBeGreaterThan(p.tolerance.withdrawalWindowDays!);
        const de = new D(p.steps[0]!.dailyEquivalent!.amount);
        if (!p.warnings.some((w) => w.code === 'SMALLEST_UNIT_ABOVE_CEILING')) expect(de.lte(10)).toBe(true);
        expect(p.warnings.some((w) => w.code === 'BZD_TOLERANCE_LOSS')).toBe(true);
      }),
      RUNS,
    );
  });

  it('a longer break never gives a higher first step', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 60 }), (s, extra) => {
        const shorter = run(s);
        const longer = run({ ...s, missedDays: s.missedDays + extra });
        expect(new D(longer.steps[0]!.dailyDose.amount).lte(shorter.steps[0]!.dailyDose.amount)).toBe(true);
        expect(new D(longer.tolerance.retainedFraction).lte(shorter.tolerance.retainedFraction)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a risk factor never raises a step', () => {
    const risky = fc.record({
      patient: fc.record({
        ageYears: fc.integer({ min: 18, max: 100 }),
        respiratoryDisease: fc.boolean(),
        sleepApnea: fc.boolean(),
        alcoholUse: fc.boolean(),
        hepaticImpairment: fc.boolean(),
        renalImpairment: fc.boolean(),
        overdoseHistory: fc.boolean(),
        substanceUseDisorder: fc.boolean(),
      }),
      concurrent: fc.subarray(['oxycodone', 'morphine', 'gabapentin', 'pregabalin', 'alcohol']),
    });
    fc.assert(
      fc.property(scenario, risky, (s, r) => {
        const plain = run(s);
        const withRisk = run(s, r);
        expect(withRisk.steps.length).toBeGreaterThanOrEqual(1);
        withRisk.steps.forEach((step, i) => {
          const other = plain.steps[Math.min(i, plain.steps.length - 1)]!;
          expect(new D(step.dailyDose.amount).lte(other.dailyDose.amount)).toBe(true);
        });
        if (r.concurrent.some((c) => c === 'oxycodone' || c === 'morphine')) {
          expect(withRisk.warnings.some((w) => w.code === 'OPIOID_BENZODIAZEPINE' && w.severity === 'critical')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every plan is self-describing: sources and assumptions registered, equivalents in mg diazepam', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        expect(p.drugClass).toBe('benzodiazepine');
        expect(p.prior.dailyEquivalent!.unit).toBe('mg diazepam');
        expect(p.steps.every((st) => st.dailyEquivalent?.unit === 'mg diazepam')).toBe(true);
        expect(p.assumptionDetails.length).toBe(p.assumptions.length);
        expect(p.derivation.length).toBeGreaterThan(5);
        expect(['retained', 'reduced', 'lost', 'not-applicable']).toContain(p.tolerance.status);
        expect(p.tolerance.status === 'not-applicable').toBe(p.tolerance.dependence === 'NOT_DEPENDENT');
      }),
      RUNS,
    );
  });

  // Amendment A8 (restart-model-amendments.md): inside the withdrawal window a physically dependent patient is never held
  // to a sub-therapeutic dose.
  const dependentInside = fc.record({
    regimen,
    missedDays: fc.integer({ min: 3, max: 28 }),
    priorDurationDays: fc.integer({ min: 0, max: 2000 }),
    daysPerWeek: fc.integer({ min: 4, max: 7 }),
  });
  const riskInputs = fc.record({
    patient: fc.record({
      ageYears: fc.integer({ min: 18, max: 100 }),
      respiratoryDisease: fc.boolean(),
      sleepApnea: fc.boolean(),
      alcoholUse: fc.boolean(),
    }),
    concurrent: fc.subarray(['oxycodone', 'morphine', 'gabapentin', 'pregabalin', 'alcohol']),
  });

  it('A8: a dependent patient inside the window never restarts below 50% of the prior dose (the amendment floor) nor above it', () => {
    fc.assert(
      fc.property(dependentInside, riskInputs, (s, r) => {
        const p = run(s, r);
        if (s.missedDays > p.tolerance.withdrawalWindowDays!) return;
        const prior = s.regimen.dose.mul(s.regimen.times);
        const first = new D(p.steps[0]!.dailyDose.amount);
        const capped = p.warnings.some((w) => w.code === 'LABEL_CAP_APPLIED');
        const target = new D(p.steps.at(-1)!.dailyDose.amount);
        expect(first.gte(D.min(prior.mul(0.5), target))).toBe(true);
        expect(first.lte(prior)).toBe(true);
        if (!capped) expect(target.eq(prior)).toBe(true);
        expect(p.warnings.find((w) => w.code === 'BZD_WITHDRAWAL_WINDOW')?.severity).toBe('critical');
        expect(p.tolerance.retainedFraction).not.toBe('0');
      }),
      RUNS,
    );
  });

  it('A8: without a risk factor the first step inside the window is at most 75% of the prior dose, or the smallest regimen at or above 50%', () => {
    fc.assert(
      fc.property(dependentInside, (s) => {
        const p = run(s);
        if (s.missedDays > p.tolerance.withdrawalWindowDays!) return;
        const prior = s.regimen.dose.mul(s.regimen.times);
        const first = new D(p.steps[0]!.dailyDose.amount);
        if (first.gt(prior.mul(0.75))) expect(p.steps[0]!.rule).toMatch(/rounds below the floor of 50%/);
        expect(p.tolerance.retainedFraction).toBe('0.75');
      }),
      RUNS,
    );
  });

  it('A8: recording significant withdrawal symptoms never lowers the first step; severe symptoms restart at the prior dose', () => {
    fc.assert(
      fc.property(scenario, riskInputs, (s, r) => {
        const quiet = run(s, r);
        const significant = run(s, { ...r, patient: { ...r.patient, withdrawalSymptomsNow: 'significant' } });
        const severe = run(s, { ...r, patient: { ...r.patient, withdrawalSymptomsNow: 'severe' } });
        expect(new D(significant.steps[0]!.dailyDose.amount).gte(quiet.steps[0]!.dailyDose.amount)).toBe(true);
        // Severe symptoms show dependence whatever Table 2 predicted (Rec 3a): the prior dose (or its label cap).
        expect(severe.steps[0]!.dailyDose.amount).toBe(severe.steps.at(-1)!.dailyDose.amount);
        expect(severe.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['BZD_SEIZURE_RISK', 'BZD_INPATIENT_CONSIDER']));
        expect(severe.warnings.map((w) => w.code)).not.toContain('BZD_NOT_DEPENDENT');
      }),
      RUNS,
    );
  });

  it('A8: NOT_DEPENDENT (3 days a week or fewer) never restarts above one prior single dose a day', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 3 }), (s, daysPerWeek) => {
        const p = run({ ...s, daysPerWeek });
        expect(p.tolerance.dependence).toBe('NOT_DEPENDENT');
        expect(p.steps[0]!.timesPerDay).toBe(1);
        expect(new D(p.steps[0]!.dailyDose.amount).lte(s.regimen.dose)).toBe(true);
        expect(p.warnings.find((w) => w.code === 'BZD_NOT_DEPENDENT')?.severity).toBe('info');
      }),
      RUNS,
    );
  });

  it('A2: every Z-drug plan carries the complex-sleep-behavior boxed warning; a history of it refuses Z-drugs only', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        const z = s.regimen.drug.kind === 'z-drug';
        expect(p.warnings.some((w) => w.code === 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR' && w.severity === 'warning')).toBe(z);
        const result = planRestart({
          drug: s.regimen.drug.id,
          formulation: s.regimen.formulation.id,
          prior: { dose: s.regimen.dose.toFixed(), unit: 'mg', timesPerDay: s.regimen.times },
          priorDurationDays: s.priorDurationDays,
          lastDoseDate: '2026-06-01',
          restartDate: isoAfter('2026-06-01', s.missedDays + 1),
          patient: { complexSleepBehaviorHistory: true },
        });
        expect(result.ok).toBe(!z);
        if (!result.ok) expect(result.refusal).toMatchObject({ code: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR', path: 'patient.complexSleepBehaviorHistory' });
      }),
      { numRuns: 100 },
    );
  });

  it('A8: a non-prescribed (uncertain) prior dose is always refused with BZD_DOSE_UNKNOWN, never planned', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = planRestart({
          drug: s.regimen.drug.id,
          formulation: s.regimen.formulation.id,
          prior: { dose: s.regimen.dose.toFixed(), unit: 'mg', timesPerDay: s.regimen.times, nonPrescribed: true },
          priorDurationDays: s.priorDurationDays,
          lastDoseDate: '2026-06-01',
          restartDate: isoAfter('2026-06-01', s.missedDays + 1),
        });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.refusal).toMatchObject({ code: 'BZD_DOSE_UNKNOWN', path: 'prior.nonPrescribed', severity: 'block' });
          expect(result.errors).toEqual([expect.objectContaining({ path: 'prior.nonPrescribed', code: 'plan-refused' })]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
