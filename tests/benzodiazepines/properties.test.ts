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

  it('after washout the first step is at most 10 mg diazepam equivalents a day (unless only the smallest unit fits)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = run(s);
        if (p.tolerance.retainedFraction !== '0.25') return;
        const de = new D(p.steps[0]!.dailyEquivalent!.amount);
        if (!p.warnings.some((w) => w.code === 'SMALLEST_UNIT_ABOVE_CEILING')) expect(de.lte(10)).toBe(true);
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
        expect(['retained', 'reduced']).toContain(p.tolerance.status);
      }),
      RUNS,
    );
  });
});
