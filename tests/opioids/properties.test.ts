/**
 * Property tests over every opioid and formulation: requests are generated from the protocol data
 * (real strengths, real administrations a day), and the restart model's section-1 invariants are checked.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../src/protocols/opioids/types.ts';
import { restartAfter } from './helpers.ts';

const PRODUCTS = OPIOIDS.flatMap((drug) => drug.formulations.map((formulation) => ({ drug, formulation })));
const CONCURRENT = ['diazepam', 'gabapentin', 'alcohol', 'sertraline'];

function productOf(step: { drug: string; formulation: string }): { drug: OpioidDrug; formulation: OpioidFormulation } {
  const drug = findDrug(step.drug) as OpioidDrug;
  return { drug, formulation: findFormulation(drug, step.formulation) as OpioidFormulation };
}

/** A dose per administration: 1–3 real units, within the product's plausibility limit. */
const requestArb = fc
  .record({
    product: fc.constantFrom(...PRODUCTS),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    timesSeed: fc.nat(),
    duration: fc.integer({ min: 0, max: 400 }),
    daysOff: fc.integer({ min: 0, max: 40 }),
    age: fc.option(fc.integer({ min: 18, max: 95 }), { nil: undefined }),
    flags: fc.record({
      hepaticImpairment: fc.boolean(),
      renalImpairment: fc.boolean(),
      respiratoryDisease: fc.boolean(),
      sleepApnea: fc.boolean(),
      overdoseHistory: fc.boolean(),
      substanceUseDisorder: fc.boolean(),
      alcoholUse: fc.boolean(),
    }),
    concurrent: fc.subarray(CONCURRENT),
    indication: fc.constantFrom('pain', 'oud'),
    fullAgonist: fc.option(fc.boolean(), { nil: undefined }),
    breakReason: fc.option(fc.constantFrom('incarceration', 'detox', 'hospitalization', 'supply'), { nil: undefined }),
  })
  .map((g) => {
    const { drug, formulation } = g.product;
    const amounts = g.picks.map((i) => new Decimal(formulation.strengths[i % formulation.strengths.length]!.amount));
    let dose = amounts.reduce((a, b) => a.add(b), new Decimal(0));
    if (dose.gt(formulation.maxSingleDose.value)) dose = amounts[0]!;
    const times = formulation.unitForm === 'patch' ? 1 : 1 + (g.timesSeed % formulation.maxTimesPerDay.value);
    return {
      drug: drug.id,
      formulation: formulation.id,
      prior: { dose: dose.toFixed(), unit: formulation.unit, timesPerDay: times },
      priorDurationDays: g.duration,
      lastDoseDate: '2026-11-01',
      restartDate: restartAfter(g.daysOff),
      patient: { ...(g.age !== undefined ? { ageYears: g.age } : {}), ...g.flags },
      concurrent: g.concurrent,
      ...(drug.id === 'methadone' ? { indication: g.indication } : {}),
      ...(drug.agonist === 'partial' && g.fullAgonist !== undefined ? { fullAgonistUsedDuringBreak: g.fullAgonist } : {}),
      ...(g.breakReason ? { breakReason: g.breakReason } : {}),
    };
  });

type Req = ReturnType<typeof requestArb extends fc.Arbitrary<infer T> ? () => T : never>;

function planOf(request: Req | Record<string, unknown>): RestartPlan {
  const result = planRestart(request);
  // A restricted product refused after tolerance loss (amendment A6) offers the IR plan these properties check.
  if (!result.ok && result.refusal?.code === 'OPIOID_TOLERANT_ONLY_PRODUCT' && result.refusal.alternativePlan) return result.refusal.alternativePlan;
  if (!result.ok) throw new Error(`generated request rejected: ${JSON.stringify(result.errors)} ${JSON.stringify(request)}`);
  return result.plan;
}

/** Comparable size of a step: MME where the drug has one, else the daily dose. */
function size(_plan: RestartPlan, step: RestartPlan['steps'][number]): Decimal {
  return new Decimal(step.dailyEquivalent?.amount ?? step.dailyDose.amount);
}
function priorSize(plan: RestartPlan): Decimal {
  return new Decimal(plan.prior.dailyEquivalent?.amount ?? plan.prior.dailyDose.amount);
}
/** The ceiling in force on `date` (0 before the first step). */
function ceilingOn(plan: RestartPlan, date: string): Decimal {
  let value = new Decimal(0);
  for (const step of plan.steps) if (step.start <= date) value = size(plan, step);
  return value;
}

const RUNS = { numRuns: Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.OPIOID_PROPERTY_RUNS ?? 250) };
const TIMEOUT = 120_000;

describe('opioid invariants (every drug and formulation)', () => {
  it('no step above the prior daily MME (or daily dose), the product maximum, or its plausibility limit; every administration makeable', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = planOf(request);
        expect(plan.steps.length).toBeGreaterThan(0);
        for (const step of plan.steps) {
          expect(size(plan, step).lte(priorSize(plan)), `${step.start} ${step.dailyDose.amount}`).toBe(true);
          const { formulation } = productOf(step);
          if (formulation.maxDailyDose) expect(new Decimal(step.dailyDose.amount).lte(formulation.maxDailyDose.value)).toBe(true);
          for (const a of step.administrations) {
            expect(new Decimal(a).lte(formulation.maxSingleDose.value)).toBe(true);
            expect(makeExactly(new Decimal(a), formulation.strengths), `${a} ${formulation.id}`).not.toBeNull();
          }
          expect(step.timesPerDay).toBe(step.administrations.length);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('dates strictly increasing; daily doses (and MME) never decrease', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = planOf(request);
        for (let i = 1; i < plan.steps.length; i++) {
          expect(plan.steps[i]!.start > plan.steps[i - 1]!.start).toBe(true);
          expect(size(plan, plan.steps[i]!).gte(size(plan, plan.steps[i - 1]!))).toBe(true);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('a longer break never gives a higher first step', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 1, max: 30 }), (request, extra) => {
        const shorter = planOf(request);
        const daysOff = shorter.daysOff + extra;
        const longer = planOf({ ...request, restartDate: restartAfter(daysOff) });
        expect(size(longer, longer.steps[0]!).lte(size(shorter, shorter.steps[0]!))).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('an added risk factor never raises any step (ceiling compared date by date)', () => {
    const riskArb = fc.constantFrom('ageYears', 'hepaticImpairment', 'renalImpairment', 'respiratoryDisease', 'sleepApnea', 'diazepam');
    fc.assert(
      fc.property(requestArb, riskArb, (request, risk) => {
        const base = planOf(request);
        const riskier =
          risk === 'diazepam'
            ? { ...request, concurrent: [...new Set([...request.concurrent, 'diazepam'])] }
            : risk === 'ageYears'
              ? { ...request, patient: { ...request.patient, ageYears: Math.max(70, request.patient.ageYears ?? 0) } }
              : { ...request, patient: { ...request.patient, [risk]: true } };
        const withRisk = planOf(riskier);
        // The dates are compared one by one even when the factor moves the plan to another product (hepatic impairment
        // lowers the acetaminophen limit, so oxyCODONE/APAP becomes oxyCODONE IR): the new product is paced by the old.
        const dates = [...new Set([...base.steps, ...withRisk.steps].map((s) => s.start))];
        for (const date of dates) expect(ceilingOn(withRisk, date).lte(ceilingOn(base, date)), date).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('no extended-release or restricted product in any step when tolerance is reduced or lost', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = planOf(request);
        if (plan.tolerance.status !== 'reduced' && plan.tolerance.status !== 'lost') return;
        // Butrans and Belbuca have no immediate-release pain form: their labels start opioid-naive patients on the
        // product itself (5 mcg/h; 75 mcg once daily), so the first step after tolerance loss is that start.
        if (request.drug === 'buprenorphine' && (request.formulation === 'patch' || request.formulation === 'buccal-film')) {
          const start = productOf({ drug: request.drug, formulation: request.formulation }).formulation.naiveStart!;
          if (plan.tolerance.status === 'lost') expect(plan.steps[0]!.administrations).toEqual([start.dose.value]);
          return;
        }
        for (const step of plan.steps) {
          const { formulation } = productOf(step);
          expect(formulation.release, `${step.drug} ${step.formulation}`).toBe('immediate');
          expect(formulation.restrictedToTolerant).toBeUndefined();
          for (const a of step.administrations) {
            const strength = formulation.strengths.find((s) => new Decimal(s.amount).eq(a));
            expect(strength?.restrictedToTolerant ?? false).toBe(false);
          }
        }
        const prior = productOf({ drug: request.drug, formulation: request.formulation });
        // A restricted product says RESTRICTED_TO_TOLERANT; an unrestricted ER product says ER_SWITCHED_TO_IR (the
        // Hysingla ≥ 80 mg rule is no reason to move 60 mg/day, CDC Rec 3 is).
        if (prior.formulation.release === 'extended') {
          const codes = plan.warnings.map((w) => w.code);
          expect(codes.includes('RESTRICTED_TO_TOLERANT') || codes.includes('ER_SWITCHED_TO_IR')).toBe(true);
          if (prior.formulation.restrictedToTolerant) expect(codes).toContain('RESTRICTED_TO_TOLERANT');
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  // Amendment A6 removed the 10 MME a dose cap: the label's naive dose within 30 MME/day, or (tapentadol) at most two of
  // its smallest initial doses with NAIVE_START_ABOVE_CDC_RANGE.
  it('an opioid-naive first step is within 30 MME a day, or at most two label doses with NAIVE_START_ABOVE_CDC_RANGE', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = planOf(request);
        const first = plan.steps[0]!;
        if (!/opioid-naive start/.test(first.rule) || !first.dailyEquivalent) return;
        // A5 moves a combination product's first step to the single-ingredient product at the same opioid mg.
        if (plan.warnings.some((w) => w.code === 'APAP_LIMIT_SWITCH')) return;
        const { formulation } = productOf(first);
        // Each dose at most the label's naive dose, or the smallest unit when no strength makes it (tramadol 25 mg).
        const smallest = Decimal.min(...formulation.strengths.map((x) => new Decimal(x.amount)));
        for (const a of first.administrations) expect(new Decimal(a).lte(Decimal.max(formulation.naiveStart!.dose.value, smallest))).toBe(true);
        if (new Decimal(first.dailyEquivalent.amount).gt(30)) {
          expect(plan.warnings.map((w) => w.code)).toContain('NAIVE_START_ABOVE_CDC_RANGE');
          expect(first.administrations.length).toBeLessThanOrEqual(2);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('every plan cites only registered sources and shows its working; combination steps stay within the acetaminophen limit', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const plan = planOf(request);
        expect(plan.derivation.length).toBeGreaterThan(3);
        const ids = new Set(plan.sources.map((s) => s.id));
        for (const w of plan.warnings) for (const s of w.sources) expect(ids.has(s)).toBe(true);
        if (request.drug === 'methadone') expect(plan.warnings.map((w) => w.code)).toContain('METHADONE_QTC');
        const { formulation } = productOf({ drug: request.drug, formulation: request.formulation });
        if (formulation.combination) {
          const limit = request.patient.hepaticImpairment || request.patient.alcoholUse ? 2000 : (request.patient.ageYears ?? 0) >= 65 || request.priorDurationDays >= 14 ? 3000 : 4000;
          for (const step of plan.steps) {
            const f = productOf(step).formulation;
            let apap = 0;
            for (const a of step.administrations) {
              const made = makeExactly(new Decimal(a), f.strengths)!;
              for (const u of made.units) apap += Number(f.strengths.find((s) => new Decimal(s.amount).eq(u.strength))!.acetaminophenMg ?? 0) * u.count;
            }
            // Amendment A5: never cut the opioid to fix acetaminophen; with no single-ingredient product the plan says so.
            if (apap > limit) expect(plan.warnings.map((w) => w.code)).toContain('APAP_LIMIT_NO_SINGLE_AGENT');
          }
        }
      }),
      RUNS,
    );
  }, TIMEOUT);
});
