/**
 * One rule set: the pharmacist check calls the engine's own ceiling plan "within", for every drug and
 * formulation, whatever plan the class planner returns; and a refused plan makes any proposal "exceeds".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/index.ts';
import { requestArbitrary } from '../properties/arbitraries.ts';
import { handPlan, handStep } from './fixtures.ts';
import { planAsProposal } from './proposed.ts';

/** Valid requests of every drug and formulation, with the amendments' optional inputs now and then. */
const requests = fc
  .tuple(
    requestArbitrary,
    fc.record(
      {
        sex: fc.constantFrom('female', 'male', 'unknown'),
        withdrawalSymptomsNow: fc.constantFrom('none', 'mild', 'significant', 'severe'),
        creatinineClearanceMlMin: fc.integer({ min: 5, max: 150 }),
        hepaticImpairment: fc.constantFrom('none', 'mild', 'moderate', 'severe'),
        seizureHistory: fc.boolean(),
        historyOfFalls: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    fc.record({ asNeeded: fc.boolean(), nonPrescribed: fc.boolean() }, { requiredKeys: [] }),
    fc.record({ keepProduct: fc.boolean(), acetaminophenOtherSourcesMgPerDay: fc.integer({ min: 0, max: 3000 }) }, { requiredKeys: [] }),
  )
  .map(([generated, patient, prior, top]) => {
    const request = generated.request as Record<string, Record<string, unknown>>;
    return { request: { ...request, ...top, prior: { ...request.prior, ...prior }, patient: { ...request.patient, ...patient } } as Record<string, unknown> };
  });


const RUNS = Number(process.env.AGREEMENT_RUNS ?? 3000);

describe('the check agrees with the planner', () => {
  it(`the engine's own plan, proposed back, is within (every drug and formulation, ${RUNS} random requests)`, () => {
    let planned = 0;
    let refused = 0;
    fc.assert(
      fc.property(requests, ({ request }) => {
        const result = planRestart(request);
        if (!result.ok) {
          if (!result.refusal) return; // invalid combinations the generator can make (e.g. a dose above a product limit)
          refused += 1;
          const offered = result.refusal.alternativePlan;
          if (offered) {
            // Amendment A6: the refusal offers a plan on another product; that plan proposed back is within, and the
            // refused product at the prior dose is not.
            const followed = checkSchedule({ ...request, proposed: planAsProposal(offered) });
            if (!followed.ok) throw new Error(`${result.refusal.code}: ${JSON.stringify(followed.errors)}`);
            if (followed.result.verdict !== 'within') throw new Error(`${result.refusal.code}: ${JSON.stringify(followed.result.findings.map((f) => [f.code, f.message]))}`);
            expect(followed.result.refusal?.code).toBe(result.refusal.code);
            const restarted = checkSchedule({ ...request, proposed: [{ start: request.restartDate as string, dose: { amount: String((request.prior as { dose: string }).dose), unit: (request.prior as { unit: string }).unit }, timesPerDay: 1 }] });
            if (restarted.ok) {
              expect(restarted.result.verdict).toBe('exceeds');
              expect(restarted.result.findings.map((f) => f.code)).toContain('PLAN_REFUSED');
            }
            return;
          }
          const outcome = checkSchedule({ ...request, proposed: [{ start: request.restartDate as string, dose: { amount: String((request.prior as { dose: string }).dose), unit: (request.prior as { unit: string }).unit }, timesPerDay: 1 }] });
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

describe('rules the planner already applied to its own steps', () => {
  // A hand-built plan that restarts a fentanyl patch after tolerance loss above the prior dose: whatever a class
  // planner decides, its own steps are within; anything above them is not.
  const patch = (start: string, rate: string, end?: string) =>
    handStep({ start, ...(end ? { end } : {}), drug: 'fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: [rate], makeUp: [], equivalentFactor: '2.4' });
  const plan = handPlan([patch('2026-11-28', '12', '2026-12-03'), patch('2026-12-04', '25')], {
    prior: { dailyDose: { amount: '12', unit: 'mcg/h' }, dailyEquivalent: { amount: '28.8', unit: 'MME' } },
  });
  const proposed = (rates: string[]) => rates.map((rate, i) => ({ start: i === 0 ? '2026-11-28' : '2026-12-04', dose: { amount: rate, unit: 'mcg/h' } }));

  it("the plan's own steps are within (no RESTRICTED_AFTER_TOLERANCE_LOSS or ABOVE_PRIOR_DOSE the planner overrode)", () => {
    const outcome = checkAgainstPlan(plan, proposed(['12', '25']));
    expect(outcome.ok && outcome.result.findings.map((f) => f.code)).toEqual([]);
  });

  it('a step above the plan still gets every finding', () => {
    const outcome = checkAgainstPlan(plan, proposed(['12', '50']));
    expect(outcome.ok && outcome.result.findings.map((f) => f.code)).toEqual(['RESTRICTED_AFTER_TOLERANCE_LOSS', 'ABOVE_CEILING', 'ABOVE_DOSE_CEILING', 'ABOVE_PRIOR_DOSE', 'RISES_TOO_FAST']);
  });
});
