/** Dispensing an oral liquid: the make-up in mg with mL, and the supply as a volume in mL with its concentration. */
import { describe, expect, it } from 'vitest';
import { dispense } from '../../src/engine/dispense.ts';
import { planRestart } from '../../src/engine/index.ts';

describe('dispensing an oral liquid', () => {
  it('morphine 10 mg/5 mL, 5 mg (2.5 mL) six times daily for 7 days = 210 mg = 105 mL', () => {
    const result = planRestart({ drug: 'morphine', formulation: 'solution-10mg-5ml', prior: { dose: '5', unit: 'mg', timesPerDay: 6 }, priorDurationDays: 60, lastDoseDate: '2026-11-27', restartDate: '2026-11-28' });
    if (!result.ok) throw new Error('no plan');
    const d = dispense(result.plan, { days: 7 });
    if (!d.ok) throw new Error('no dispensing');
    expect(d.dispensing.steps[0]!.administrations[0]!.makeUp).toBe('5 mg (2.5 mL of 10 mg/5 mL)');
    // 5 measuring steps of 0.5 mL (1 mg) a dose × 6 doses × 7 days = 210 steps = 105 mL.
    expect(d.dispensing.summary).toEqual([
      { drug: 'morphine', formulation: 'solution-10mg-5ml', strength: { amount: '1', unit: 'mg' }, unitForm: 'solution', quantity: 210, halves: 0, volumeMl: '105', concentration: '10 mg/5 mL' },
    ]);
  });

  it('a tablet line has no volume', () => {
    const result = planRestart({ drug: 'oxycodone', formulation: 'apap', prior: { dose: '5', unit: 'mg', timesPerDay: 4 }, priorDurationDays: 60, lastDoseDate: '2026-11-27', restartDate: '2026-11-28' });
    if (!result.ok) throw new Error('no plan');
    const d = dispense(result.plan, { days: 7 });
    if (!d.ok) throw new Error('no dispensing');
    expect(d.dispensing.summary[0]).not.toHaveProperty('volumeMl');
    expect(d.dispensing.summary[0]!.quantity).toBe(28);
  });
});
