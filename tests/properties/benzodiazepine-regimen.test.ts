/**
 * Properties of a benzodiazepine or Z-drug regimen of several medicines (issue 13), over generated regimens:
 * adding a medicine never lowers the summed prior equivalent; no day of the plan exceeds the summed prior equivalent
 * (parallel steps of a resumed regimen added together, as-needed allowances within each step's ceiling); an empty
 * additionalPrior plans exactly like none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { planBenzodiazepine } from '../../src/engine/classes/benzodiazepine.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import '../../src/engine/all-classes.ts';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import type { BenzodiazepineDrug, BenzodiazepineFormulation } from '../../src/protocols/benzodiazepines/types.ts';
import type { PlanRefusal, PriorMedicine, RestartPlan, RestartRequest } from '../../src/engine/types.ts';

const PRODUCTS = BENZODIAZEPINES.flatMap((drug) => drug.formulations.map((formulation) => ({ drug, formulation })));
const MAIN_PRODUCTS = PRODUCTS.filter((p) => p.drug.kind === 'benzodiazepine');

function medicine(products: typeof PRODUCTS) {
  return fc.constantFrom(...products).chain(({ drug, formulation }) =>
    fc.record({
      drug: fc.constant(drug),
      formulation: fc.constant(formulation),
      dose: fc.constantFrom(...formulation.strengths.map((s) => s.amount)),
      timesPerDay: fc.integer({ min: 1, max: Math.min(3, formulation.maxTimesPerDay.value) }),
      asNeeded: fc.boolean(),
    }),
  );
}
type Medicine = { drug: BenzodiazepineDrug; formulation: BenzodiazepineFormulation; dose: string; timesPerDay: number; asNeeded: boolean };

const PATIENTS = [{}, { ageYears: 70 }, { withdrawalSymptomsNow: 'significant' }, { withdrawalSymptomsNow: 'severe', sleepApnea: true }, { hepaticImpairment: 'moderate', sex: 'female' }];

const regimenArbitrary = fc.record({
  main: medicine(MAIN_PRODUCTS),
  others: fc.array(medicine(PRODUCTS), { minLength: 0, maxLength: 3 }),
  extra: medicine(PRODUCTS),
  missedDays: fc.integer({ min: 0, max: 60 }),
  patient: fc.constantFrom(...PATIENTS),
  concurrent: fc.constantFrom([], ['oxycodone'], ['gabapentin']),
  breakReason: fc.constantFrom(undefined, 'detox'),
  daysPerWeek: fc.constantFrom(7, 3),
  priorDurationDays: fc.constantFrom(20, 60, 400),
});
type Regimen = typeof regimenArbitrary extends fc.Arbitrary<infer T> ? T : never;

function baseRequest(r: Regimen): RestartRequest {
  const lastDoseDate = '2026-10-01';
  const restart = new Date(Date.UTC(2026, 9, 1 + r.missedDays + 1)).toISOString().slice(0, 10);
  const validated = validateRequest({
    drug: r.main.drug.id,
    formulation: r.main.formulation.id,
    prior: { dose: r.main.dose, unit: r.main.formulation.unit, timesPerDay: r.main.timesPerDay, asNeeded: r.main.asNeeded, daysPerWeek: r.daysPerWeek },
    priorDurationDays: r.priorDurationDays,
    lastDoseDate,
    restartDate: restart,
    patient: r.patient,
    concurrent: r.concurrent,
    ...(r.breakReason ? { breakReason: r.breakReason } : {}),
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return validated.request;
}

function withOthers(request: RestartRequest, others: readonly Medicine[] | undefined): RestartRequest {
  if (others === undefined) return request;
  const additionalPrior: PriorMedicine[] = others.map((m) => ({ drug: m.drug.id, formulation: m.formulation.id, dose: { amount: new D(m.dose), unit: m.formulation.unit }, timesPerDay: m.timesPerDay, asNeeded: m.asNeeded }));
  return { ...request, additionalPrior };
}

function plan(r: Regimen, others: readonly Medicine[] | undefined): RestartPlan | PlanRefusal {
  return planBenzodiazepine(withOthers(baseRequest(r), others), r.main.drug, r.main.formulation);
}

const isPlan = (o: RestartPlan | PlanRefusal): o is RestartPlan => !('refused' in o);

/** Every calendar day the plan covers, from the first start to a week after the last start. */
function days(p: RestartPlan): string[] {
  const starts = [...new Set(p.steps.map((s) => s.start))].sort();
  const last = new Date(`${starts.at(-1)!}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + 7);
  const out: string[] = [];
  for (const d = new Date(`${starts[0]!}T00:00:00Z`); d <= last; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe('a regimen of several benzodiazepines or Z-drugs', () => {
  it('prior.dailyEquivalent is the sum of the components, one per medicine, prior first', () => {
    fc.assert(
      fc.property(regimenArbitrary, (r) => {
        const p = plan(r, r.others);
        if (!isPlan(p)) return;
        const components = p.prior.components!;
        expect(components.map((c) => c.path)).toEqual(['prior', ...r.others.map((_, i) => `additionalPrior.${i}`)]);
        const total = components.reduce((a, c) => a.add(c.dailyEquivalent!.amount), new D(0));
        expect(total.eq(p.prior.dailyEquivalent!.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a medicine never lowers prior.dailyEquivalent (nor the risk-band equivalent)', () => {
    fc.assert(
      fc.property(regimenArbitrary, (r) => {
        const before = plan(r, r.others);
        const after = plan(r, [...r.others, r.extra]);
        if (!isPlan(before) || !isPlan(after)) return;
        expect(new D(after.prior.dailyEquivalent!.amount).gte(before.prior.dailyEquivalent!.amount)).toBe(true);
        expect(new D(after.prior.riskBand!.dailyEquivalent.amount).gte(before.prior.riskBand!.dailyEquivalent.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('no day of the plan exceeds the summed prior equivalent (parallel steps added together); allowances stay within each ceiling', () => {
    fc.assert(
      fc.property(regimenArbitrary, (r) => {
        const p = plan(r, r.others);
        if (!isPlan(p)) return;
        const ceiling = new D(p.prior.dailyEquivalent!.amount);
        for (const day of days(p)) {
          const onDay = p.steps.filter((s) => s.start <= day && (s.end === undefined || day <= s.end));
          const total = onDay.reduce((a, s) => a.add(s.dailyEquivalent!.amount), new D(0));
          expect(total.lte(ceiling), `${day}: ${total.toString()} > ${ceiling.toString()}`).toBe(true);
        }
        for (const step of p.steps) {
          const a = step.asNeededAllowance;
          if (!a) continue;
          expect(new D(a.scheduledDaily.amount).gte(0)).toBe(true);
          expect(new D(a.dose.amount).mul(a.maxDosesPerDay).add(a.scheduledDaily.amount).eq(step.dailyDose.amount)).toBe(true);
        }
        // Parallel steps of a resumed regimen share their dates, one per component.
        const parallel = p.steps.filter((s) => s.component !== undefined);
        if (parallel.length) {
          expect(new Set(parallel.map((s) => s.start)).size).toBe(1);
          expect(parallel.map((s) => s.component)).toEqual(p.prior.components!.map((_, i) => i));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an empty additionalPrior plans exactly like none', () => {
    fc.assert(
      fc.property(regimenArbitrary, (r) => {
        expect(plan(r, [])).toEqual(plan(r, undefined));
      }),
      { numRuns: 150 },
    );
  });
});
