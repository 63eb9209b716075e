/**
 * Properties of the amended full-agonist rules (amendments A1, A3, A4, A6): generated requests over every full-agonist
 * product, checked against the safety invariants the amendments add.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import type { PlanResult, RestartPlan } from '../../src/engine/types.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../src/protocols/opioids/types.ts';
import { restartAfter } from './helpers.ts';

const RUNS = { numRuns: 60 };
const TIMEOUT = 60_000;
const FULL = OPIOIDS.filter((d) => d.agonist === 'full' && d.id !== 'methadone').flatMap((drug) => drug.formulations.map((formulation) => ({ drug, formulation })));
const SEROTONERGIC = ['sertraline', 'sumatriptan', 'lithium', 'ondansetron', 'duloxetine', 'mirtazapine', 'st-johns-wort'];

const baseArb = fc
  .record({
    product: fc.constantFrom(...FULL),
    pick: fc.nat(),
    timesSeed: fc.nat(),
    duration: fc.integer({ min: 0, max: 200 }),
    daysOff: fc.integer({ min: 0, max: 12 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
    asNeeded: fc.boolean(),
    age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: undefined }),
  })
  .map((g) => {
    const { drug, formulation } = g.product;
    const dose = formulation.strengths[g.pick % formulation.strengths.length]!.amount;
    const times = formulation.unitForm === 'patch' ? 1 : 1 + (g.timesSeed % formulation.maxTimesPerDay.value);
    return {
      drug: drug.id,
      formulation: formulation.id,
      prior: { dose, unit: formulation.unit, timesPerDay: times, daysPerWeek: g.daysPerWeek, asNeeded: g.asNeeded },
      priorDurationDays: g.duration,
      lastDoseDate: '2026-11-01',
      restartDate: restartAfter(g.daysOff),
      patient: g.age !== undefined ? { ageYears: g.age } : {},
      concurrent: [] as unknown[],
    };
  });
type Req = ReturnType<typeof baseArb extends fc.Arbitrary<infer T> ? () => T : never>;

/**
 * The planner's result; a restricted product refused after tolerance loss (amendment A6 BLOCK,
 * OPIOID_TOLERANT_ONLY_PRODUCT) reads as the IR plan its refusal offers, the plan these properties checked
 * before the refusal existed (tests/opioids/tolerant-only-refusal.test.ts pins the refusal itself).
 */
function outcome(request: Record<string, unknown>): PlanResult {
  const result = planRestart(request);
  if (!result.ok && result.refusal?.code === 'OPIOID_TOLERANT_ONLY_PRODUCT' && result.refusal.alternativePlan) return { ok: true, plan: result.refusal.alternativePlan };
  return result;
}
function planOf(request: Record<string, unknown>): RestartPlan {
  const result = outcome(request);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)} ${JSON.stringify(request)}`);
  return result.plan;
}
const mme = (step: RestartPlan['steps'][number]) => new Decimal(step.dailyEquivalent!.amount);
const codes = (p: RestartPlan) => new Set(p.warnings.map((w) => w.code));
function product(request: Req): { drug: OpioidDrug; formulation: OpioidFormulation } {
  const drug = findDrug(request.drug) as OpioidDrug;
  return { drug, formulation: findFormulation(drug, request.formulation) as OpioidFormulation };
}

/** Risk inputs the amendments add; each may only lower or keep a step. */
const RISKS: readonly ((r: Req) => Req)[] = [
  (r) => ({ ...r, patient: { ...r.patient, alcoholUse: true } }),
  (r) => ({ ...r, patient: { ...r.patient, creatinineClearanceMlMin: 20 } }),
  (r) => ({ ...r, patient: { ...r.patient, hepaticImpairment: 'severe' } }),
  (r) => ({ ...r, patient: { ...r.patient, ageYears: 80 } }),
  (r) => ({ ...r, concurrent: [...r.concurrent, { drug: 'clarithromycin', startedOn: '2026-10-30' }] }),
  (r) => ({ ...r, concurrent: [...r.concurrent, { drug: 'rifampin', stoppedOn: '2026-10-30' }] }),
  (r) => ({ ...r, concurrent: [...r.concurrent, { drug: 'paroxetine', stoppedOn: '2026-10-30' }] }),
  (r) => ({ ...r, concurrent: [...r.concurrent, 'alcohol'] }),
  (r) => ({ ...r, concurrent: [...r.concurrent, 'lorazepam'] }),
];

describe('amended full-agonist rules: properties', () => {
  it('adding a serotonergic co-medication never removes a warning (and never refuses a plan that had none)', () => {
    fc.assert(
      fc.property(baseArb, fc.constantFrom(...SEROTONERGIC), (request, extra) => {
        const before = outcome(request);
        const after = outcome({ ...request, concurrent: [...request.concurrent, extra] });
        if (!before.ok) return;
        expect(after.ok).toBe(true);
        if (!after.ok) return;
        const added = codes(after.plan);
        // NAIVE_START_ABOVE_CDC_RANGE describes the dose: it goes when a co-medication that is also a CNS depressant
        // halves the start below 30 MME/day (the warning would then misstate the start).
        for (const code of codes(before.plan)) if (code !== 'NAIVE_START_ABOVE_CDC_RANGE') expect(added.has(code), code).toBe(true);
        expect(added.has('SEROTONIN_SYNDROME_RISK')).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('an added risk input never raises the first step or the ceiling (MME)', () => {
    fc.assert(
      fc.property(baseArb, fc.nat({ max: RISKS.length - 1 }), (request, index) => {
        const before = outcome(request);
        const after = outcome(RISKS[index]!(request));
        if (!before.ok || !after.ok) return;
        expect(mme(after.plan.steps[0]!).lte(mme(before.plan.steps[0]!)), 'first step').toBe(true);
        expect(mme(after.plan.steps.at(-1)!).lte(mme(before.plan.steps.at(-1)!)), 'ceiling').toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('A4: a regular daily user with ≤ 2 missed days restarts at the prior dose on a product not restricted for them', () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 3 }), (request, daysOff) => {
        const r = { ...request, prior: { ...request.prior, daysPerWeek: 7, asNeeded: false }, priorDurationDays: Math.max(7, request.priorDurationDays), restartDate: restartAfter(daysOff), patient: {} };
        const { formulation } = product(r);
        const daily = new Decimal(r.prior.dose).mul(r.prior.timesPerDay);
        if (formulation.maxDailyDose && daily.gt(formulation.maxDailyDose.value)) return;
        const p = planOf(r);
        if (codes(p).has('RESTRICTED_TO_TOLERANT') || codes(p).has('APAP_LIMIT_SWITCH')) {
          // The product changes (FDA definition or acetaminophen), never the rule: the first step is not an opioid-naive cut.
          expect(p.steps[0]!.rule).not.toMatch(/opioid-naive start \(tolerance lost\)/);
          return;
        }
        expect(p.steps[0]!.dailyDose.amount).toBe(daily.toFixed());
        expect(p.steps[0]!.drug).toBe(r.drug);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('the first step never exceeds the prior daily MME; no step exceeds it either', () => {
    fc.assert(
      fc.property(baseArb, (request) => {
        const p = planOf(request);
        const prior = new Decimal(p.prior.dailyEquivalent!.amount);
        for (const step of p.steps) expect(mme(step).lte(prior), `${step.start} ${step.dailyDose.amount}`).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('a serotonergic opioid with an MAOI is refused with the label source; other opioids get a plan with a critical warning', () => {
    fc.assert(
      fc.property(baseArb, fc.constantFrom('phenelzine', 'tranylcypromine', 'selegiline', 'linezolid'), (request, maoi) => {
        const result = outcome({ ...request, concurrent: [maoi] });
        if (['tramadol', 'tapentadol'].includes(request.drug)) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.refusal).toMatchObject({ code: 'MAOI_CONTRAINDICATED_OPIOID', path: 'concurrent.0' });
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.plan.warnings.find((w) => w.code === 'MAOI_OPIOID_NOT_RECOMMENDED')?.severity).toBe('critical');
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('every rule that lowers the first step below the A4 dose names its input (STEP_LOWERED_BY_INPUT or a cap code)', () => {
    fc.assert(
      fc.property(baseArb, fc.nat({ max: RISKS.length - 1 }), (request, index) => {
        const before = outcome(request);
        const after = outcome(RISKS[index]!(request));
        if (!before.ok || !after.ok) return;
        if (!mme(after.plan.steps[0]!).lt(mme(before.plan.steps[0]!))) return;
        const named = ['STEP_LOWERED_BY_INPUT', 'LABEL_CAP_APPLIED', 'RESTRICTED_TO_TOLERANT', 'CYP3A4_INTERACTION', 'CYP2D6_INTERACTION'];
        expect(named.some((code) => codes(after.plan).has(code)), [...codes(after.plan)].join(',')).toBe(true);
      }),
      RUNS,
    );
  }, TIMEOUT);
});
