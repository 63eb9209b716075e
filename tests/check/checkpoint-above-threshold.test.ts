/** SKIPS_CHECKPOINT follows the plan's own checkpoints: a plan that starts above 50 MME/day crosses nothing. */
import { describe, expect, it, vi } from 'vitest';
import { checkAgainstPlan } from '../../src/engine/check.ts';
import { handPlan, handStep } from './fixtures.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));

const oxy = (start: string, administrations: string[], extra: { end?: string; checkpoint?: string } = {}) =>
  handStep({ start, drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations, makeUp: [], equivalentFactor: '1.5', ...extra });
const asProposed = (start: string, administrations: string[], checkpoint = false) => ({ start, dose: { unit: 'mg' }, administrations, ...(checkpoint ? { checkpoint } : {}) });

describe('SKIPS_CHECKPOINT on a plan already above 50 MME/day', () => {
  // 60 → 75 → 90 MME/day; step 3 is a checkpoint for another reason (a reassessment the planner asks for).
  const plan = handPlan(
    [oxy('2026-11-28', ['10', '10', '10', '10'], { end: '2026-11-30' }), oxy('2026-12-01', ['15', '10', '10', '15'].sort().reverse(), { end: '2026-12-03' }), oxy('2026-12-04', ['15', '15', '15', '15'], { checkpoint: 'Reassess before the last step.' })],
    { tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true } },
  );

  it('the plan itself, proposed back, is within (step 1 at 60 MME/day crosses no checkpoint the plan has)', () => {
    const outcome = checkAgainstPlan(plan, [
      asProposed('2026-11-28', ['10', '10', '10', '10']),
      asProposed('2026-12-01', ['15', '15', '10', '10']),
      asProposed('2026-12-04', ['15', '15', '15', '15'], true),
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.findings.map((f) => f.code)).toEqual([]);
  });
});
