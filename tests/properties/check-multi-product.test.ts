/**
 * Properties of the pharmacist check on proposals of several products (issue 13):
 * - the plan's own steps proposed back are within, also when the plan resumes a regimen of two products (parallel
 *   steps on the same dates, the day's ceiling their sum), whatever the plan;
 * - splitting a day's dose across two products of the same molecule (immediate- and extended-release) gives the same
 *   daily-total verdict as the same dose on one product.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { productFacts } from '../../src/engine/products.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { planAsProposal } from '../check/proposed.ts';
import { requestArbitrary } from './arbitraries.ts';

const RUNS = Number(process.env.MULTI_CHECK_RUNS ?? 400);

/** A second product beside the plan's: morphine IR 15 mg once a day (opioids), diazePAM 5 mg once a day (benzodiazepines). */
function secondProduct(plan: RestartPlan): { drug: string; formulation: string; amount: string } | null {
  if (plan.drugClass === 'opioid') return plan.steps.some((s) => s.drug === 'morphine') ? { drug: 'hydromorphone', formulation: 'ir', amount: '2' } : { drug: 'morphine', formulation: 'ir', amount: '15' };
  if (plan.drugClass === 'benzodiazepine') return plan.steps.some((s) => s.drug === 'diazepam') ? { drug: 'lorazepam', formulation: 'ir', amount: '1' } : { drug: 'diazepam', formulation: 'ir', amount: '5' };
  return null;
}

/** The plan with a second product resumed beside every step (same dates): a retained regimen of two products. */
function withSecondComponent(plan: RestartPlan, second: { drug: string; formulation: string; amount: string }): RestartPlan {
  const facts = productFacts(second.drug, second.formulation)!;
  const unit = facts.formulation.unit as PlanStep['dose']['unit'];
  const steps = plan.steps.flatMap((step): PlanStep[] => [
    { ...step, component: 0 },
    {
      start: step.start,
      ...(step.end ? { end: step.end } : {}),
      drug: second.drug,
      formulation: second.formulation,
      displayName: facts.displayName,
      formulationName: facts.formulation.name,
      dose: { amount: second.amount, unit },
      timesPerDay: 1,
      administrations: [second.amount],
      dailyDose: { amount: second.amount, unit },
      checkpoint: false,
      rule: 'resume the second product',
      makeUp: [],
      component: 1,
    },
  ]);
  return { ...plan, steps };
}

const planned = requestArbitrary
  .filter(({ drug }) => (drug.drugClass === 'opioid' || drug.drugClass === 'benzodiazepine') && drug.id !== 'methadone' && drug.id !== 'buprenorphine')
  .map(({ request }) => planRestart(request))
  .filter((result): result is Extract<typeof result, { ok: true }> => result.ok);

describe('a plan proposed back is within', () => {
  it(`a plan of one product, and the same plan with a second product resumed beside every step (${RUNS} plans)`, () => {
    let parallel = 0;
    fc.assert(
      fc.property(planned, ({ plan }) => {
        const own = checkAgainstPlan(plan, planAsProposal(plan));
        if (!own.ok) throw new Error(JSON.stringify(own.errors));
        expect(own.result.verdict).toBe('within');
        const second = secondProduct(plan);
        if (!second) return;
        const two = withSecondComponent(plan, second);
        const outcome = checkAgainstPlan(two, planAsProposal(two));
        if (!outcome.ok) throw new Error(`${plan.drug}: ${JSON.stringify(outcome.errors)}`);
        if (outcome.result.verdict !== 'within') throw new Error(`${plan.drug}/${plan.formulation}: ${JSON.stringify(outcome.result.findings.map((f) => [f.code, f.message]))}`);
        parallel += 1;
      }),
      { numRuns: RUNS },
    );
    expect(parallel).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});

/** Same molecule, two products: the immediate- and extended-release forms (strengths both make). */
const MOLECULES = [
  { drug: 'oxycodone', ir: ['5', '10', '15'], er: ['10', '15', '20'] },
  { drug: 'morphine', ir: ['15', '30'], er: ['15', '30'] },
];

const split = fc.record({
  molecule: fc.constantFrom(...MOLECULES),
  priorTimes: fc.integer({ min: 1, max: 4 }),
  missedDays: fc.integer({ min: 0, max: 40 }),
  irTimes: fc.integer({ min: 1, max: 3 }),
  erTimes: fc.integer({ min: 1, max: 2 }),
  irPick: fc.nat(),
  erPick: fc.nat(),
  priorPick: fc.nat(),
  start: fc.integer({ min: 0, max: 12 }),
});

describe('splitting a day across two products of the same molecule', () => {
  it(`gives the same daily-total verdict (ABOVE_CEILING and its daily amount) as the same administrations on one product (${RUNS} cases)`, () => {
    let compared = 0;
    let above = 0;
    fc.assert(
      fc.property(split, (c) => {
        const ir = c.molecule.ir[c.irPick % c.molecule.ir.length]!;
        const er = c.molecule.er[c.erPick % c.molecule.er.length]!;
        const priorDose = c.molecule.ir[c.priorPick % c.molecule.ir.length]!;
        const restartDate = '2026-11-28';
        const lastDoseDate = new Date(Date.UTC(2026, 10, 27 - c.missedDays)).toISOString().slice(0, 10);
        const request = { drug: c.molecule.drug, formulation: 'ir', prior: { dose: priorDose, unit: 'mg', timesPerDay: c.priorTimes }, priorDurationDays: 90, lastDoseDate, restartDate };
        const start = new Date(Date.UTC(2026, 10, 28 + c.start)).toISOString().slice(0, 10);
        const administrations = [...Array<string>(c.erTimes).fill(er), ...Array<string>(c.irTimes).fill(ir)];
        const one = checkSchedule({ ...request, proposed: [{ start, dose: { unit: 'mg' }, administrations }] });
        const two = checkSchedule({
          ...request,
          proposed: [
            { start, formulation: 'ir', dose: { amount: ir, unit: 'mg' }, timesPerDay: c.irTimes },
            { start, formulation: 'er', dose: { amount: er, unit: 'mg' }, timesPerDay: c.erTimes },
          ],
        });
        if (!one.ok || !two.ok) {
          // The same input problems either way (e.g. a refused plan): never one valid and the other not.
          expect(one.ok).toBe(two.ok);
          return;
        }
        compared += 1;
        const ceilingOf = (findings: readonly { code: string; proposedDaily: { amount: string }; ceilingDaily: { amount: string } }[]) =>
          findings.filter((f) => f.code === 'ABOVE_CEILING').map((f) => [new D(f.proposedDaily.amount).toFixed(), new D(f.ceilingDaily.amount).toFixed()]);
        const a = ceilingOf(one.result.findings);
        expect(ceilingOf(two.result.findings)).toEqual(a);
        if (a.length) above += 1;
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS / 2);
    expect(above).toBeGreaterThan(0);
  }, 600_000);
});
