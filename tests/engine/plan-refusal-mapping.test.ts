/**
 * planRestart's three outcomes: field errors (no plan, no refusal), a plan, or a refusal mapped to exactly one
 * `plan-refused` error that names the refusal's field and says "No plan:" with the refusal's message.
 */
import { describe, expect, it } from 'vitest';
import { isRefusal, planRestart } from '../../src/engine/plan.ts';
import type { PlanRefusal, RestartPlan } from '../../src/engine/types.ts';
import { baseRequest } from './fixtures.ts';

const maoiRefused = {
  drug: 'tramadol', formulation: 'ir', prior: { dose: '50', unit: 'mg', timesPerDay: 4 }, priorDurationDays: 60,
  lastDoseDate: '2026-11-01', restartDate: '2026-11-04', patient: { ageYears: 54 },
  concurrent: [{ drug: 'phenelzine', stoppedOn: '2026-10-30' }],
};

describe('planRestart outcomes', () => {
  it('a valid request gives a plan and no errors', () => {
    const result = planRestart(baseRequest());
    expect(result.ok).toBe(true);
    expect('errors' in result).toBe(false);
    expect('refusal' in result).toBe(false);
  });

  it('an invalid request gives the validator errors, no refusal', () => {
    const result = planRestart(baseRequest({ restartDate: '2026-02-30' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toContain('restartDate');
    expect(result.errors.map((e) => e.code)).not.toContain('plan-refused');
    expect('refusal' in result).toBe(false);
  });

  it('a refusal becomes one plan-refused error on the refusal path, its message prefixed "No plan: "', () => {
    const result = planRestart(maoiRefused);
    expect(result.ok).toBe(false);
    if (result.ok || !result.refusal) throw new Error('expected a refusal');
    const refusal = result.refusal;
    expect(refusal.refused).toBe(true);
    expect(refusal.code).toBe('MAOI_CONTRAINDICATED_OPIOID');
    expect(refusal.path).toBe('concurrent.0');
    expect(refusal.message.length).toBeGreaterThan(20);
    expect(result.errors).toEqual([{ path: 'concurrent.0', code: 'plan-refused', message: `No plan: ${refusal.message}` }]);
  });
});

describe('isRefusal', () => {
  it('is true only for an outcome marked refused: true', () => {
    const result = planRestart(baseRequest());
    if (!result.ok) throw new Error('expected a plan');
    expect(isRefusal(result.plan)).toBe(false);
    expect(isRefusal({ refused: true } as unknown as PlanRefusal)).toBe(true);
    expect(isRefusal({ refused: false } as unknown as RestartPlan)).toBe(false);
    expect(isRefusal({ refused: 'yes' } as unknown as RestartPlan)).toBe(false);
  });
});
