/**
 * A regimen of several benzodiazepines or Z-drugs before the break (issue 13): the prior exposure is the sum of the
 * components in mg diazepam; tolerance and the withdrawal window are judged on the regimen; the restart is on the main
 * product with the others converted at the lower table, or, with tolerance retained, each product resumed on its own step.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { planSchema } from '../../src/engine/schema/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { planOk, planRegimen } from './regimen-helpers.ts';

const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);
const clonazepamAndLorazepam = { prior: { drug: 'clonazepam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'lorazepam', dose: '1', timesPerDay: 1 }] };

describe('two scheduled benzodiazepines: clonazePAM 0.5 mg twice daily and LORazepam 1 mg at night', () => {
  it('lists each medicine as a component, prior first, and sums their diazepam equivalents', () => {
    const p = planOk({ ...clonazepamAndLorazepam, missedDays: 1 });
    expect(p.prior.components!.map((c) => [c.path, c.drug, c.dailyDose.amount, c.dailyEquivalent!.amount, c.equivalentFactor!.value])).toEqual([
      ['prior', 'clonazepam', '1', '20', '0.5'],
      ['additionalPrior.0', 'lorazepam', '1', '10', '1'],
    ]);
    expect(p.prior.dailyEquivalent).toEqual({ amount: '30', unit: 'mg diazepam' });
    // prior.dailyDose stays the main product's.
    expect(p.prior.dailyDose).toEqual({ amount: '1', unit: 'mg' });
    // Band on the total: 20 + 10 = 30 mg DE (the higher table per drug) → high.
    expect(p.prior.riskBand!.band).toBe('high');
    expect(p.prior.riskBand!.dailyEquivalent.amount).toBe('30');
    expect(p.derivation.some((l) => l.includes('Total prior exposure: 20 + 10 = 30 mg diazepam/day'))).toBe(true);
  });

  it('1 missed day (tolerance retained): each product resumed on its own step, same date, nothing converted', () => {
    const p = planOk({ ...clonazepamAndLorazepam, missedDays: 1 });
    expect(p.tolerance.status).toBe('retained');
    expect(p.steps.map((s) => [s.component, s.drug, s.start, s.end, s.administrations, s.dailyDose.amount])).toEqual([
      [0, 'clonazepam', '2026-10-03', undefined, ['0.5', '0.5'], '1'],
      [1, 'lorazepam', '2026-10-03', undefined, ['1'], '1'],
    ]);
    expect(codes(p)).toContain('BZD_REGIMEN_RESUMED');
    expect(codes(p)).not.toContain('BZD_REGIMEN_COMBINED');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('bzd-regimen-resume-each');
  });

  it('5 missed days (inside the window): one product, clonazePAM, with LORazepam converted at the lower table; 75% of the converted prior', () => {
    const p = planOk({ ...clonazepamAndLorazepam, missedDays: 5 });
    expect(p.tolerance.status).toBe('reduced');
    expect(new Set(p.steps.map((s) => s.drug))).toEqual(new Set(['clonazepam']));
    expect(p.steps.every((s) => s.component === undefined)).toBe(true);
    // LORazepam 1 mg → clonazePAM: Ashton 1 × 0.5 ÷ 1 = 0.5; VA/DoD 1 × 1 ÷ 2 = 0.5 → regimen 1 + 0.5 = 1.5 mg a day.
    expect(p.derivation.some((l) => l.includes('Ashton 1 × 0.5 ÷ 1 = 0.5 mg; VA/DoD 1 × 1 ÷ 2 = 0.5 mg'))).toBe(true);
    // 75% of 1.5 = 1.125 → 1 mg at or below; the ceiling ends at 1.5 mg (never above the summed prior).
    expect(p.steps[0]!.dailyDose.amount).toBe('1');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('1.5');
    expect(codes(p)).toEqual(expect.arrayContaining(['BZD_WITHDRAWAL_WINDOW', 'BZD_REGIMEN_COMBINED']));
  });

  it('the longest withdrawal window of the regimen applies: LORazepam (14 days) with clonazePAM (28 days) is inside the window at 20 missed days', () => {
    const alone = planOk({ prior: { drug: 'lorazepam', dose: '1', timesPerDay: 2 }, additional: [], missedDays: 20 });
    expect(alone.tolerance.withdrawalWindowDays).toBe(14);
    expect(alone.tolerance.status).toBe('lost');
    const withClonazepam = planOk({ prior: { drug: 'lorazepam', dose: '1', timesPerDay: 2 }, additional: [{ drug: 'clonazepam', dose: '0.5', timesPerDay: 1 }], missedDays: 20 });
    expect(withClonazepam.tolerance.withdrawalWindowDays).toBe(28);
    expect(withClonazepam.tolerance.status).toBe('reduced');
    expect(withClonazepam.assumptionDetails.map((a) => a.id)).toContain('bzd-regimen-longest-window');
    // clonazePAM 0.5 mg → LORazepam: Ashton 0.5 × 1 ÷ 0.5 = 1; VA/DoD 0.5 × 2 ÷ 1 = 1 → 2 + 1 = 3 mg; 75% = 2.25 → at or below.
    expect(Number(withClonazepam.steps[0]!.dailyDose.amount)).toBeLessThanOrEqual(2.25);
    expect(withClonazepam.steps.at(-1)!.dailyDose.amount).toBe('3');
  });
});

describe('conversion into the restart drug: the table giving the lower dose, the range shown', () => {
  it('temazepam 30 mg into ALPRAZolam: Ashton 0.75 mg, VA/DoD 2 mg → 0.75 mg, range 0.75–2', () => {
    const p = planOk({ prior: { drug: 'alprazolam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'temazepam', dose: '30', timesPerDay: 1 }], missedDays: 5 });
    const line = p.derivation.find((l) => l.startsWith('Into ALPRAZolam') || l.includes('. Into ALPRAZolam'))!;
    expect(line).toContain('Ashton 30 × 0.5 ÷ 20 = 0.75 mg; VA/DoD 30 × 1 ÷ 15 = 2 mg; range 0.75–2 mg alprazolam a day; the lower, 0.75 mg a day (Ashton), is used');
    // Never above the converted total 1 + 0.75 = 1.75 mg a day.
    expect(p.steps.every((s) => Number(s.dailyDose.amount) <= 1.75)).toBe(true);
    // Band: ALPRAZolam 1 mg (Ashton 20) + temazepam 30 mg (VA/DoD 20, the higher) = 40.
    expect(p.prior.riskBand!.dailyEquivalent.amount).toBe('40');
    expect(p.prior.dailyEquivalent!.amount).toBe('35');
  });
});

describe('a benzodiazepine with an as-needed one: clonazePAM 0.5 mg twice daily, ALPRAZolam 0.5 mg as needed about once a day', () => {
  const regimen = { prior: { drug: 'clonazepam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'alprazolam', dose: '0.5', timesPerDay: 1, asNeeded: true }] };

  it('the as-needed medicine counts in full toward the prior exposure', () => {
    const p = planOk({ ...regimen, missedDays: 40 });
    expect(p.prior.components![1]).toMatchObject({ path: 'additionalPrior.0', asNeeded: true, dailyDose: { amount: '0.5' }, dailyEquivalent: { amount: '10' } });
    expect(p.prior.dailyEquivalent!.amount).toBe('30');
  });

  it('after tolerance loss: one product; each step says how as-needed doses fit beneath its ceiling, never scheduled', () => {
    const p = planOk({ ...regimen, missedDays: 40 });
    expect(p.tolerance.status).toBe('lost');
    expect(p.steps.every((s) => s.drug === 'clonazepam' && s.asNeeded === undefined && s.asNeededAllowance)).toBe(true);
    for (const step of p.steps) {
      const a = step.asNeededAllowance!;
      // scheduledDaily = dailyDose − dose × maxDosesPerDay, and the whole day stays within the ceiling.
      expect(Number(a.scheduledDaily.amount)).toBeCloseTo(Number(step.dailyDose.amount) - Number(a.dose.amount) * a.maxDosesPerDay, 9);
      expect(Number(a.scheduledDaily.amount)).toBeGreaterThanOrEqual(0);
      expect(a.maxDosesPerDay).toBeLessThanOrEqual(1);
    }
    // First step 0.5 mg a day: a third of it (the as-needed share) is below one 0.5 mg dose → scheduled only.
    expect(p.steps[0]!.dailyDose.amount).toBe('0.5');
    expect(p.steps[0]!.asNeededAllowance!.maxDosesPerDay).toBe(0);
    // Last step 1.5 mg a day (1 + 0.5): one 0.5 mg as-needed dose, scheduled at most 1 mg.
    const last = p.steps.at(-1)!;
    expect(last.dailyDose.amount).toBe('1.5');
    expect(last.asNeededAllowance).toMatchObject({ dose: { amount: '0.5', unit: 'mg' }, maxDosesPerDay: 1, scheduledDaily: { amount: '1', unit: 'mg' } });
    expect(last.asNeededAllowance!.text).toContain('up to 1 × 0.5 mg as needed');
    expect(codes(p)).toEqual(expect.arrayContaining(['BZD_TOLERANCE_LOSS', 'BZD_REGIMEN_COMBINED']));
  });

  it('tolerance retained: the as-needed product is shown back as needed, on its own step', () => {
    const p = planOk({ ...regimen, missedDays: 0 });
    expect(p.steps.map((s) => [s.component, s.drug, s.asNeeded, s.timesPerDay, s.dailyDose.amount])).toEqual([
      [0, 'clonazepam', undefined, 2, '1'],
      [1, 'alprazolam', true, 1, '0.5'],
    ]);
  });

  it('significant withdrawal symptoms inside the window also resume the regimen as it was', () => {
    const p = planOk({ ...regimen, missedDays: 6, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(p.tolerance.status).toBe('retained');
    expect(p.steps.map((s) => s.component)).toEqual([0, 1]);
    expect(codes(p)).toContain('BZD_SEIZURE_RISK');
  });
});

describe('Z-drugs in a regimen', () => {
  it('a Z-drug may be an additional medicine: counted with its Ashton equivalent (zolpidem 20 mg ≈ diazepam 10 mg)', () => {
    const p = planOk({ prior: { drug: 'clonazepam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'zolpidem', dose: '10', timesPerDay: 1 }], missedDays: 1 });
    expect(p.prior.components![1]).toMatchObject({ drug: 'zolpidem', dailyEquivalent: { amount: '5' }, equivalentFactor: { value: '20' } });
    expect(p.prior.dailyEquivalent!.amount).toBe('25');
    expect(p.steps.map((s) => s.drug)).toEqual(['clonazepam', 'zolpidem']);
    expect(codes(p)).toContain('ZDRUG_COMPLEX_SLEEP_BEHAVIOR');
  });

  it('after a complex sleep behavior the Z-drug is not resumed: the regimen restarts on the benzodiazepine', () => {
    const p = planOk({ prior: { drug: 'clonazepam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'zolpidem', dose: '10', timesPerDay: 1 }], missedDays: 1, patient: { complexSleepBehaviorHistory: true } });
    expect(new Set(p.steps.map((s) => s.drug))).toEqual(new Set(['clonazepam']));
    expect(codes(p)).toContain('BZD_REGIMEN_COMBINED');
  });

  it('a Z-drug as the main medicine with a benzodiazepine in the regimen is refused, naming additionalPrior', () => {
    const outcome = planRegimen({ prior: { drug: 'zolpidem', dose: '10', timesPerDay: 1 }, additional: [{ drug: 'lorazepam', dose: '1', timesPerDay: 2 }], missedDays: 5 });
    expect('refused' in outcome && outcome.code).toBe('BZD_REGIMEN_ZDRUG_MAIN');
    expect('refused' in outcome && outcome.path).toBe('additionalPrior');
  });

  it('two Z-drugs are planned on the main one', () => {
    const p = planOk({ prior: { drug: 'zolpidem', dose: '5', timesPerDay: 1 }, additional: [{ drug: 'eszopiclone', dose: '1', timesPerDay: 1, asNeeded: true }], missedDays: 40 });
    expect(p.prior.components!.length).toBe(2);
    expect(p.steps.every((s) => s.drug === 'zolpidem')).toBe(true);
  });
});

describe('one medicine', () => {
  it('an empty additionalPrior gives the same plan as none, with one component', () => {
    const none = planOk({ prior: { drug: 'alprazolam', dose: '1', timesPerDay: 3 }, additional: [], missedDays: 5 });
    expect(none.prior.components).toHaveLength(1);
    expect(none.prior.components![0]).toMatchObject({ path: 'prior', dailyEquivalent: none.prior.dailyEquivalent });
  });
});

describe('through planRestart, as JSON', () => {
  const json = (additionalPrior: unknown[], missedDays: number, extra: Record<string, unknown> = {}) => ({
    drug: 'clonazepam',
    prior: { dose: '0.5', unit: 'mg', timesPerDay: 2 },
    additionalPrior,
    priorDurationDays: 365,
    lastDoseDate: '2026-10-01',
    restartDate: new Date(Date.UTC(2026, 9, 2 + missedDays)).toISOString().slice(0, 10),
    ...extra,
  });

  it('clonazePAM twice daily, LORazepam at night and ALPRAZolam as needed: the plan matches the schema and the hand-built request', () => {
    const additional = [
      { drug: 'lorazepam', formulation: 'ir', dose: 1, unit: 'mg', timesPerDay: 1 },
      { drug: 'alprazolam', formulation: 'ir', dose: '0.5', unit: 'mg', timesPerDay: 1, asNeeded: true },
    ];
    for (const missedDays of [1, 5, 40]) {
      const result = planRestart(json(additional, missedDays));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(planSchema.safeParse(result.plan).success).toBe(true);
      const byHand = planOk({ prior: { drug: 'clonazepam', dose: '0.5', timesPerDay: 2 }, additional: [{ drug: 'lorazepam', dose: '1', timesPerDay: 1 }, { drug: 'alprazolam', dose: '0.5', timesPerDay: 1, asNeeded: true }], missedDays });
      expect(result.plan.steps).toEqual(byHand.steps);
      expect(result.plan.prior.dailyEquivalent!.amount).toBe('40');
    }
  });

  it('an empty list plans like no list', () => {
    const without = json([], 5);
    delete (without as Record<string, unknown>).additionalPrior;
    expect(planRestart(json([], 5))).toEqual(planRestart(without));
  });

  it('a Z-drug main with a benzodiazepine in the list is refused with the code and the field', () => {
    const result = planRestart({ ...json([{ drug: 'lorazepam', dose: '1', unit: 'mg', timesPerDay: 2 }], 5), drug: 'zolpidem', prior: { dose: '10', unit: 'mg', timesPerDay: 1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal?.code).toBe('BZD_REGIMEN_ZDRUG_MAIN');
    expect(result.errors[0]!.path).toBe('additionalPrior');
  });
});
