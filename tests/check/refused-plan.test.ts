/** A refused plan (a labelled contraindication) gives no ceiling: any proposal is PLAN_REFUSED, "exceeds", never "within". */
import { describe, expect, it, vi } from 'vitest';
import type { PlanRefusal } from '../../src/engine/types.ts';

const REFUSAL: PlanRefusal = {
  refused: true,
  code: 'TEST_CONTRAINDICATED',
  severity: 'block',
  path: 'concurrent.0',
  drug: 'oxycodone',
  formulation: 'ir',
  displayName: 'oxyCODONE',
  message: 'A labelled contraindication (test).',
  reasonSources: ['cdc-2022'],
  daysOff: 27,
  missedDays: 26,
  warnings: [],
  derivation: ['1. refused (test)'],
  assumptions: [],
  assumptionDetails: [],
  sources: [],
  version: { engine: 'test', protocols: 'test', protocolsDate: '2026-11-28' },
};

// Every class planner refuses here: the check must not depend on which class refuses, or why.
vi.mock('../../src/engine/classes/index.ts', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  planForClass: () => REFUSAL,
}));

const { checkSchedule } = await import('../../src/engine/check.ts');

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
};

describe('checkSchedule with a refused plan', () => {
  it('every proposed step is a PLAN_REFUSED finding; the verdict is exceeds and the refusal is returned', () => {
    const outcome = checkSchedule({
      ...REQUEST,
      proposed: [
        { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 1 },
        { start: '2026-12-05', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2 },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || !outcome.refusal) throw new Error('expected a refusal');
    expect(outcome.verdict).toBe('exceeds');
    expect(outcome.refusal.code).toBe('TEST_CONTRAINDICATED');
    expect(outcome.errors).toEqual([{ path: 'concurrent.0', code: 'plan-refused', message: 'No plan: A labelled contraindication (test).' }]);
    expect(outcome.findings.map((f) => `${f.path} ${f.code}`)).toEqual(['proposed.0 PLAN_REFUSED', 'proposed.1 PLAN_REFUSED']);
    expect(outcome.findings[1]).toMatchObject({ proposedDaily: { amount: '10', unit: 'mg' }, ceilingDaily: { amount: '0', unit: 'mg' }, excessPercent: null });
    expect(outcome.findings[0]!.message).toContain('TEST_CONTRAINDICATED');
  });

  it('an invalid proposal is still reported as invalid (field errors), with the refusal error', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 1 }] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal).toBeUndefined();
    expect(outcome.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['concurrent.0 plan-refused', 'proposed.0.dose.unit unit-mismatch']);
  });
});
