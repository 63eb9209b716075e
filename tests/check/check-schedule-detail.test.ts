/**
 * checkSchedule's wiring when the ceiling plan has a step the proposal cannot be compared with: the comparability
 * error is returned as an input error, never a result. planRestart is replaced by a hand-built plan whose step
 * has no MME (no real protocol produces one today, so this guards the wiring for future classes).
 */
import { describe, expect, it, vi } from 'vitest';
import { checkSchedule } from '../../src/engine/check.ts';

vi.mock('../../src/engine/plan.ts', async () => {
  const { handPlan, handStep } = await import('./fixtures.ts');
  const plan = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5', '5'], makeUp: [] })], {
    prior: { dailyDose: { amount: '10', unit: 'mg' }, dailyEquivalent: { amount: '15', unit: 'MME' } },
  });
  return { planRestart: () => ({ ok: true, plan }) };
});

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '5', unit: 'mg', timesPerDay: 2 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
};

describe('checkSchedule with a plan step that has no dose equivalent', () => {
  it('another drug in force on that step: NOT_COMPARABLE, and no result', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '7.5', unit: 'mg' }, timesPerDay: 1 }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.0.drug not-comparable']);
    expect(outcome.errors[0]!.message).toContain('morphine immediate-release tablet cannot be compared with the plan step from 2026-11-28 (oxycodone ir)');
  });

  it('the plan’s own product is compared in mg and gives a result', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2 }] });
    expect(outcome.ok && outcome.result.verdict).toBe('within');
  });
});
