/**
 * Regimens of several full-agonist opioids (request.additionalPrior): adding a medicine never lowers the prior daily
 * MME; no day of any plan goes above the summed prior MME (parallel steps of a resumed regimen added); an empty
 * additionalPrior is the same plan as none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { isRefusal } from '../../src/engine/plan.ts';
import type { PlanRefusal, RestartPlan } from '../../src/engine/types.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import { dailyMmeByDate, planOutcome, type Extra } from '../opioids/regimen.ts';

const PRODUCTS = OPIOIDS.filter((d) => d.agonist === 'full' && d.id !== 'methadone').flatMap((drug) =>
  drug.formulations.map((formulation) => ({ drug, formulation })),
);

/** One medicine: a real strength (at most the label's single dose), 1–4 times a day; as needed only for IR tablets. */
const medicine: fc.Arbitrary<Extra> = fc.constantFrom(...PRODUCTS).chain(({ drug, formulation }) => {
  const patch = formulation.unitForm === 'patch';
  const strengths = formulation.strengths.map((s) => s.amount).filter((a) => new D(a).lte(formulation.maxSingleDose.value));
  return fc.record({
    drug: fc.constant(drug.id),
    formulation: fc.constant(formulation.id),
    dose: fc.constantFrom(...strengths),
    unit: fc.constant(formulation.unit),
    timesPerDay: patch ? fc.constant(1) : fc.integer({ min: 1, max: Math.min(4, formulation.maxTimesPerDay.value) }),
    asNeeded: formulation.release === 'immediate' && !patch ? fc.boolean() : fc.constant(false),
  });
});

const scenario = fc.record({
  main: medicine,
  extras: fc.array(medicine, { minLength: 0, maxLength: 2 }),
  more: medicine,
  daysOff: fc.integer({ min: 1, max: 9 }),
  priorDurationDays: fc.constantFrom(3, 30, 120),
  ageYears: fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
  flags: fc.record({ renalImpairment: fc.boolean(), respiratoryDisease: fc.boolean() }),
  keepProduct: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function json(s: Scenario): Record<string, unknown> {
  return {
    drug: s.main.drug,
    formulation: s.main.formulation,
    prior: { dose: s.main.dose, unit: s.main.unit, timesPerDay: s.main.timesPerDay, asNeeded: s.main.asNeeded },
    priorDurationDays: s.priorDurationDays,
    lastDoseDate: '2026-11-01',
    restartDate: new Date(Date.UTC(2026, 10, 1 + s.daysOff)).toISOString().slice(0, 10),
    patient: { ...(s.ageYears !== undefined ? { ageYears: s.ageYears } : {}), ...s.flags },
    ...(s.keepProduct ? { keepProduct: true } : {}),
  };
}

/** The plan, or the plan a refusal offers; null for a refusal without one. */
function planOf(outcome: RestartPlan | PlanRefusal): RestartPlan | null {
  return isRefusal(outcome) ? (outcome.alternativePlan ?? null) : outcome;
}

const RUNS = { numRuns: 300 };

describe('regimens of several opioids', () => {
  it('adding a medicine never lowers plan.prior.dailyEquivalent, and it is the sum of the components', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const before = planOf(planOutcome(json(s), s.extras));
        const after = planOf(planOutcome(json(s), [...s.extras, s.more]));
        for (const plan of [before, after]) {
          if (!plan) continue;
          const sum = plan.prior.components!.reduce((total, c) => total.add(c.dailyEquivalent!.amount), new D(0));
          expect(sum.toFixed()).toBe(new D(plan.prior.dailyEquivalent!.amount).toFixed());
        }
        if (before && after) expect(new D(after.prior.dailyEquivalent!.amount).gte(before.prior.dailyEquivalent!.amount)).toBe(true);
      }),
      RUNS,
    );
  });

  it('no day of the plan goes above the summed prior MME (parallel steps of the same dates added)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plan = planOf(planOutcome(json(s), [...s.extras, s.more]));
        if (!plan) return;
        const prior = new D(plan.prior.dailyEquivalent!.amount);
        for (const [date, mme] of dailyMmeByDate(plan)) {
          expect(mme.lte(prior), `${date}: ${mme.toFixed()} MME/day > prior ${prior.toFixed()}`).toBe(true);
        }
        // One restart product unless the regimen is resumed product by product (parallel steps, one per component).
        const products = new Set(plan.steps.map((step) => `${step.drug}/${step.formulation}`));
        if (plan.steps.some((step) => step.component !== undefined)) {
          expect(plan.steps.every((step) => step.start === plan.steps[0]!.start)).toBe(true);
          expect(plan.tolerance.retainedFraction).toBe('1');
        } else expect(products.size).toBe(1);
        for (const step of plan.steps) {
          const allowance = step.asNeededAllowance;
          if (!allowance) continue;
          const asNeeded = new D(allowance.dose.amount).mul(allowance.maxDosesPerDay);
          expect(asNeeded.add(allowance.scheduledDaily.amount).toFixed()).toBe(new D(step.dailyDose.amount).toFixed());
          expect(new D(allowance.scheduledDaily.amount).gte(0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('through planRestart, a valid JSON regimen plans as the normalised one; an invalid one is field errors, never a throw', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const extras = [...s.extras, s.more];
        const result = planRestart({ ...json(s), additionalPrior: extras.map((e) => ({ ...e, dose: e.dose })) });
        if (!result.ok && !result.refusal) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        const outcome = planOutcome(json(s), extras);
        expect(result.ok ? result.plan : result.refusal).toEqual(outcome);
      }),
      { numRuns: 150 },
    );
  });

  it('a plan with an empty additionalPrior equals the plan without it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(planOutcome(json(s), [])).toEqual(planOutcome(json(s)));
      }),
      { numRuns: 150 },
    );
  });
});
