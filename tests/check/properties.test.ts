import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/plan.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

const DOSES: Record<string, string[]> = {
  oxycodone: ['5', '10', '15', '20', '30', '40'],
  morphine: ['7.5', '15', '22.5', '30', '45', '60'],
};

/** Valid opioid requests over the drugs on main, gaps from 0 to 60 days, random risk factors. */
const requests = fc
  .record({
    drug: fc.constantFrom('oxycodone', 'morphine'),
    doseIndex: fc.nat({ max: 5 }),
    timesPerDay: fc.integer({ min: 1, max: 4 }),
    priorDurationDays: fc.integer({ min: 0, max: 400 }),
    daysOff: fc.integer({ min: 0, max: 60 }),
    ageYears: fc.integer({ min: 18, max: 95 }),
    sleepApnea: fc.boolean(),
    concurrent: fc.subarray(['alprazolam', 'gabapentin', 'alcohol']),
  })
  .map((r) => {
    const last = new Date(Date.UTC(2026, 10, 28 - r.daysOff));
    return {
      drug: r.drug,
      prior: { dose: DOSES[r.drug]![r.doseIndex]!, unit: 'mg', timesPerDay: r.timesPerDay },
      priorDurationDays: r.priorDurationDays,
      lastDoseDate: last.toISOString().slice(0, 10),
      restartDate: '2026-11-28',
      patient: { ageYears: r.ageYears, sleepApnea: r.sleepApnea },
      concurrent: r.concurrent,
    };
  });

/** The plan's own steps, written as a prescriber would propose them (uneven days as administrations). */
function asProposal(plan: RestartPlan) {
  return plan.steps.map((step) => ({
    start: step.start,
    dose: { unit: step.dose.unit },
    administrations: [...step.administrations],
    ...(step.checkpoint ? { checkpoint: true } : {}),
  }));
}

describe('check properties (fast-check)', () => {
  it('the ceiling plan itself, proposed back, is within', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const outcome = checkSchedule({ ...request, proposed: asProposal(planOf(request)) });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        expect(outcome.result.findings).toEqual([]);
        expect(outcome.result.verdict).toBe('within');
      }),
      { numRuns: 150 },
    );
  });

  it('one more smallest unit on any step is never within', () => {
    fc.assert(
      fc.property(requests, fc.nat(), (request, pick) => {
        const plan = planOf(request);
        const index = pick % plan.steps.length;
        const proposal = asProposal(plan);
        const smallest = request.drug === 'oxycodone' ? '5' : '7.5';
        const bumped = { ...proposal[index]!, administrations: [...proposal[index]!.administrations, smallest] };
        const outcome = checkAgainstPlan(plan, proposal.map((p, i) => (i === index ? bumped : p)));
        if (!outcome.ok) {
          // More administrations than the product allows is rejected as input: also never within.
          expect(outcome.errors.map((e) => e.code)).toContain('times-per-day-out-of-range');
          return;
        }
        expect(outcome.result.verdict).toBe('exceeds');
        expect(outcome.result.findings.some((f) => f.step === index)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('any rise one day earlier than the plan allows is never within', () => {
    fc.assert(
      fc.property(requests, fc.nat(), (request, pick) => {
        const plan = planOf(request);
        fc.pre(plan.steps.length > 1);
        const index = 1 + (pick % (plan.steps.length - 1));
        const proposal = asProposal(plan);
        const day = new Date(`${proposal[index]!.start}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() - 1);
        proposal[index] = { ...proposal[index]!, start: day.toISOString().slice(0, 10) };
        const outcome = checkAgainstPlan(plan, proposal);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        expect(outcome.result.findings.filter((f) => f.step === index).map((f) => f.code)).toContain('ABOVE_CEILING');
      }),
      { numRuns: 150 },
    );
  });

  it('excessPercent never understates: ceiling × (1 + excessPercent/100) ≥ proposed', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const plan = planOf(request);
        const doubled = asProposal(plan).map((p) => ({ ...p, administrations: [...p.administrations, ...p.administrations] }));
        const outcome = checkAgainstPlan(plan, doubled);
        if (!outcome.ok) return;
        for (const finding of outcome.result.findings) {
          if (finding.excessPercent === null) continue;
          const ceiling = Number(finding.ceilingDaily.amount);
          const proposed = Number(finding.proposedDaily.amount);
          expect(ceiling * (1 + Number(finding.excessPercent) / 100)).toBeGreaterThanOrEqual(proposed - 1e-9);
          expect(ceiling * (1 + (Number(finding.excessPercent) - 0.1) / 100)).toBeLessThan(proposed + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
