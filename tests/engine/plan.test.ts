import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import example from '../../examples/oxycodone-after-prison.json';

describe('planRestart on the README example', () => {
  it('gives the documented plan: tolerance lost, halved naive start, checkpoint at 50 MME', () => {
    const result = planRestart(example);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { plan } = result;
    expect(plan.daysOff).toBe(27);
    expect(plan.missedDays).toBe(26);
    expect(plan.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost' });
    expect(plan.prior.dailyDose).toEqual({ amount: '40', unit: 'mg' });
    expect(plan.prior.dailyEquivalent).toEqual({ amount: '60', unit: 'MME' });
    expect(plan.steps[0]).toMatchObject({ start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2 });
    expect(plan.steps.at(-1)!.dailyDose).toEqual({ amount: '40', unit: 'mg' });
    expect(plan.steps.filter((s) => s.checkpoint).map((s) => s.dailyEquivalent!.amount)).toEqual(['52.5']);
    expect(plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['NALOXONE', 'OPIOID_TOLERANCE_LOST', 'OPIOID_BENZODIAZEPINE', 'HIGH_RISK_RELEASE', 'MME_50_CHECKPOINT']),
    );
  });
});
