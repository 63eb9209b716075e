/**
 * The restart model's hard invariants (section 1), for every drug and formulation in the registry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { RISK_FLAGS, requestArbitrary } from './arbitraries.ts';

const RUNS = 400;

function planOf(request: unknown): RestartPlan | null {
  const result = planRestart(request);
  return result.ok ? result.plan : null;
}

/** A step's level for comparisons across products: its equivalent when it has one, else its daily dose. */
function level(step: PlanStep): InstanceType<typeof D> {
  return new D(step.dailyEquivalent?.amount ?? step.dailyDose.amount);
}

/** The ceiling in force on a date: the daily level of the latest step started on or before it (0 before the first). */
function ceilingOn(plan: RestartPlan, date: string): InstanceType<typeof D> {
  let ceiling = new D(0);
  for (const step of plan.steps) if (step.start <= date) ceiling = level(step);
  return ceiling;
}

describe('safety invariants over random valid requests', () => {
  it('every accepted request gives a plan obeying the section-1 invariants', () => {
    let planned = 0;
    fc.assert(
      fc.property(requestArbitrary, ({ request }) => {
        const result = planRestart(request);
        if (!result.ok) {
          for (const error of result.errors) {
            expect(error.path).toEqual(expect.any(String));
            expect(error.code).toMatch(/^[a-z-]+$/);
            expect(error.message.length).toBeGreaterThan(5);
          }
          return;
        }
        planned++;
        const { plan } = result;
        expect(plan.steps.length).toBeGreaterThan(0);
        const priorDaily = new D(plan.prior.dailyDose.amount);
        const priorEquivalent = plan.prior.dailyEquivalent ? new D(plan.prior.dailyEquivalent.amount) : null;
        plan.steps.forEach((step, index) => {
          const drug = findDrug(step.drug);
          const formulation = drug && findFormulation(drug, step.formulation);
          expect(formulation, `${step.drug} ${step.formulation} is a real product`).toBeTruthy();
          // Never above the prior regimen.
          if (step.drug === plan.drug && step.formulation === plan.formulation) {
            expect(new D(step.dailyDose.amount).lte(priorDaily), `step ${index} daily ≤ prior`).toBe(true);
          }
          if (priorEquivalent && step.dailyEquivalent) {
            expect(new D(step.dailyEquivalent.amount).lte(priorEquivalent), `step ${index} equivalent ≤ prior`).toBe(true);
          }
          // Never above the labelled maximum.
          if (formulation?.maxDailyDose) {
            expect(new D(step.dailyDose.amount).lte(formulation.maxDailyDose.value), `step ${index} ≤ label max`).toBe(true);
          }
          // Every administration is made of real strengths.
          for (const amount of step.administrations) {
            expect(makeExactly(new D(amount), formulation!.strengths), `${amount} ${step.dose.unit} is makeable`).not.toBeNull();
          }
          if (index > 0) {
            const previous = plan.steps[index - 1]!;
            expect(step.start > previous.start, 'dates strictly increasing').toBe(true);
            expect(level(step).gte(level(previous)), 'daily never decreases').toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
    // The property must not hold vacuously.
    expect(planned).toBeGreaterThan(RUNS / 2);
  });

  it('a longer break never gives a higher first step', () => {
    fc.assert(
      fc.property(requestArbitrary, fc.integer({ min: 1, max: 30 }), ({ request }, extraDays) => {
        const shorter = planOf(request);
        const longer = planOf({ ...request, restartDate: addCalendarDays(request.restartDate as string, extraDays) });
        if (!shorter || !longer) return;
        expect(level(longer.steps[0]!).lte(level(shorter.steps[0]!))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('an added risk factor never raises any step', () => {
    const riskArbitrary = fc.oneof(
      ...RISK_FLAGS.map((flag) => fc.constant({ kind: 'flag' as const, flag })),
      fc.constant({ kind: 'age' as const }),
    );
    fc.assert(
      fc.property(requestArbitrary, riskArbitrary, ({ request }, risk) => {
        const patient = request.patient as Record<string, unknown>;
        const base = { ...request, patient: { ...patient, ...(risk.kind === 'flag' ? { [risk.flag]: false } : { ageYears: 40 }) } };
        const risky = { ...request, patient: { ...patient, ...(risk.kind === 'flag' ? { [risk.flag]: true } : { ageYears: 80 }) } };
        const without = planOf(base);
        const withRisk = planOf(risky);
        if (!without || !withRisk) return;
        const dates = [...new Set([...without.steps, ...withRisk.steps].map((s) => s.start))];
        for (const date of dates) {
          expect(ceilingOn(withRisk, date).lte(ceilingOn(without, date)), `ceiling on ${date}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('invalid input never yields a plan', () => {
    fc.assert(
      fc.property(requestArbitrary, fc.constantFrom('prior.dose', 'restartDate', 'priorDurationDays', 'timesPerDay'), ({ request }, field) => {
        const broken: Record<string, unknown> = { ...request };
        if (field === 'prior.dose') broken.prior = { ...(request.prior as object), dose: '-1' };
        if (field === 'restartDate') broken.restartDate = addCalendarDays(request.lastDoseDate as string, -1);
        if (field === 'priorDurationDays') broken.priorDurationDays = -3;
        if (field === 'timesPerDay') broken.prior = { ...(request.prior as object), timesPerDay: 13 };
        const result = planRestart(broken);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
