/**
 * One rule set: the pharmacist check calls the engine's own ceiling plan "within", for every drug and
 * formulation, whatever plan the class planner returns; and a refused plan makes any proposal "exceeds".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { requestArbitrary } from '../properties/arbitraries.ts';

/** The plan's own steps as a prescriber would propose them: same product, administrations, dates and checkpoints. */
export function planAsProposal(plan: RestartPlan) {
  return plan.steps.map((step) => ({
    start: step.start,
    drug: step.drug,
    formulation: step.formulation,
    dose: step.administrations.length ? { unit: step.dose.unit } : { amount: step.dose.amount, unit: step.dose.unit },
    ...(step.administrations.length ? { administrations: [...step.administrations] } : { timesPerDay: step.timesPerDay }),
    ...(step.everyOtherDay ? { everyOtherDay: true } : {}),
    ...(step.checkpoint ? { checkpoint: true } : {}),
  }));
}

const RUNS = Number(process.env.AGREEMENT_RUNS ?? 3000);

describe('the check agrees with the planner', () => {
  it(`the engine's own plan, proposed back, is within (every drug and formulation, ${RUNS} random requests)`, () => {
    let planned = 0;
    let refused = 0;
    fc.assert(
      fc.property(requestArbitrary, ({ request }) => {
        const result = planRestart(request);
        if (!result.ok) {
          if (!result.refusal) return; // invalid combinations the generator can make (e.g. a dose above a product limit)
          refused += 1;
          const outcome = checkSchedule({ ...request, proposed: [{ start: request.restartDate, dose: { amount: String((request.prior as { dose: string }).dose), unit: (request.prior as { unit: string }).unit }, timesPerDay: 1 }] });
          expect(outcome.ok).toBe(false);
          if (!outcome.ok && outcome.refusal) {
            expect(outcome.verdict).toBe('exceeds');
            expect(outcome.findings.map((f) => f.code)).toEqual(['PLAN_REFUSED']);
          }
          return;
        }
        planned += 1;
        const proposal = planAsProposal(result.plan);
        const outcome = checkSchedule({ ...request, proposed: proposal });
        if (!outcome.ok) throw new Error(`${result.plan.drug}/${result.plan.formulation}: ${JSON.stringify(outcome.errors)}`);
        if (outcome.result.verdict !== 'within') {
          throw new Error(`${result.plan.drug}/${result.plan.formulation}: ${JSON.stringify(outcome.result.findings.map((f) => [f.code, f.message]))}`);
        }
        const again = checkAgainstPlan(result.plan, proposal);
        expect(again.ok && again.result.verdict).toBe('within');
      }),
      { numRuns: RUNS },
    );
    // The sample really exercises plans (not only invalid requests).
    expect(planned).toBeGreaterThan(RUNS / 2);
    console.log(`planner/check agreement: ${planned} plans within, ${refused} refusals exceeds, of ${RUNS} requests`);
  }, 600_000);
});

describe('plans the check used to judge "exceeds"', () => {
  const base = { priorDurationDays: 90, lastDoseDate: '2026-11-01', restartDate: '2026-11-28' };
  const verdictOfOwnPlan = (request: Record<string, unknown>) => {
    const result = planRestart(request);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const outcome = checkSchedule({ ...request, proposed: planAsProposal(result.plan) });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    return { steps: result.plan.steps.length, codes: outcome.result.findings.map((f) => f.code) };
  };

  it('methadone for opioid use disorder, several steps 5 days apart (the OUD rule, not the 7-day pain interval)', () => {
    const own = verdictOfOwnPlan({ ...base, drug: 'methadone', indication: 'oud', prior: { dose: '80', unit: 'mg', timesPerDay: 1 } });
    expect(own.steps).toBeGreaterThan(2);
    expect(own.codes).toEqual([]);
  });

  it('a buprenorphine induction (8 → 16 mg the next day) is not RISES_TOO_FAST', () => {
    const own = verdictOfOwnPlan({ ...base, drug: 'buprenorphine', prior: { dose: '16', unit: 'mg', timesPerDay: 1 }, lastDoseDate: '2026-11-20' });
    expect(own.steps).toBeGreaterThan(1);
    expect(own.codes).toEqual([]);
  });
});
