/**
 * A regimen of several full-agonist opioids before the break (request.additionalPrior): summed MME, tolerance on the
 * total, one restart product after a long break, each product resumed when tolerance is retained, as-needed use kept
 * beneath each step's ceiling.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { isRefusal } from '../../src/engine/plan.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { dailyMmeByDate, planOutcome, planRegimen, type Extra } from './regimen.ts';

const BASE = { priorDurationDays: 90, lastDoseDate: '2026-11-01', patient: {} } as const;
const afterDays = (daysOff: number) => `2026-11-${String(1 + daysOff).padStart(2, '0')}`;
const codes = (plan: RestartPlan) => plan.warnings.map((w) => w.code);
const assumptionIds = (plan: RestartPlan) => plan.assumptionDetails.map((a) => a.id);

const OXY_ER = { ...BASE, drug: 'oxycodone', formulation: 'er', prior: { dose: 20, unit: 'mg', timesPerDay: 2 } };
const OXY_IR_PRN: Extra = { drug: 'oxycodone', formulation: 'ir', dose: '5', unit: 'mg', timesPerDay: 3, asNeeded: true };
const PATCH_25 = { ...BASE, drug: 'fentanyl', formulation: 'patch', prior: { dose: 25, unit: 'mcg/h', timesPerDay: 1 } };
const MORPHINE_IR_PRN: Extra = { drug: 'morphine', formulation: 'ir', dose: '15', unit: 'mg', timesPerDay: 2, asNeeded: true };
const MORPHINE_ER = { ...BASE, drug: 'morphine', formulation: 'er', prior: { dose: 30, unit: 'mg', timesPerDay: 2 } };
const HYDROMORPHONE_IR_PRN: Extra = { drug: 'hydromorphone', formulation: 'ir', dose: '2', unit: 'mg', timesPerDay: 3, asNeeded: true };

describe('oxyCODONE ER 20 mg twice daily + oxyCODONE IR 5 mg as needed about 3 a day', () => {
  it('sums the components: 60 + 22.5 = 82.5 MME/day, each shown with its factor', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(4) }, [OXY_IR_PRN]);
    expect(plan.prior.dailyEquivalent).toEqual({ amount: '82.5', unit: 'MME' });
    expect(plan.prior.dailyDose).toEqual({ amount: '40', unit: 'mg' });
    expect(plan.prior.components?.map((c) => [c.path, c.drug, c.formulation, c.dailyDose.amount, c.dailyEquivalent?.amount, c.asNeeded])).toEqual([
      ['prior', 'oxycodone', 'er', '40', '60', false],
      ['additionalPrior.0', 'oxycodone', 'ir', '15', '22.5', true],
    ]);
    expect(plan.prior.components?.[1]?.equivalentFactor).toEqual({ value: '1.5', per: 'MME per mg/day', source: 'cdc-2022' });
    expect(plan.derivation.some((l) => l.includes('Total prior daily MME of the regimen = 60 + 22.5 = 82.5 MME/day'))).toBe(true);
    expect(assumptionIds(plan)).toContain('opioid-regimen-mme-summed');
  });

  it('tolerance retained (0 missed days): the regimen is shown back, each product with its own step on the same dates', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(1) }, [OXY_IR_PRN]);
    expect(plan.tolerance.retainedFraction).toBe('1');
    expect(plan.steps).toHaveLength(2);
    const [er, prn] = plan.steps;
    expect([er!.component, er!.formulation, er!.dailyDose.amount, er!.asNeeded]).toEqual([0, 'er', '40', undefined]);
    expect([prn!.component, prn!.formulation, prn!.dose.amount, prn!.timesPerDay, prn!.asNeeded]).toEqual([1, 'ir', '5', 3, true]);
    expect(er!.start).toBe(prn!.start);
    expect(dailyMmeByDate(plan).get(er!.start)!.toFixed()).toBe('82.5');
    expect(assumptionIds(plan)).toContain('opioid-regimen-resume-each');
    expect(codes(plan)).not.toContain('OPIOID_REGIMEN_ONE_PRODUCT');
  });

  it('3 missed days (r = 0.5): one product, oxyCODONE IR, ceiling 40 + 15 = 55 mg/day, first step 55 × 0.5 rounded down', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(4) }, [OXY_IR_PRN]);
    expect(new Set(plan.steps.map((s) => `${s.drug}/${s.formulation}`))).toEqual(new Set(['oxycodone/ir']));
    expect(plan.steps.every((s) => s.component === undefined)).toBe(true);
    expect(plan.steps[0]!.dailyDose.amount).toBe('25');
    expect(plan.steps.at(-1)!.dailyDose.amount).toBe('55');
    expect(plan.steps.at(-1)!.dailyEquivalent!.amount).toBe('82.5');
    expect(plan.derivation.some((l) => l.includes('Ceiling target = 40 + 15 = 55 mg/day'))).toBe(true);
    expect(codes(plan)).toEqual(expect.arrayContaining(['OPIOID_REGIMEN_ONE_PRODUCT', 'AS_NEEDED_WITHIN_CEILING', 'ER_SWITCHED_TO_IR']));
  });

  it('as-needed doses are not scheduled: each step says how many fit beneath its daily ceiling (the prior as-needed share)', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(4) }, [OXY_IR_PRN]);
    for (const step of plan.steps) {
      const allowance = step.asNeededAllowance!;
      expect(allowance).toBeDefined();
      const asNeededDaily = new D(allowance.dose.amount).mul(allowance.maxDosesPerDay);
      // The as-needed share of the prior (22.5 of 82.5 MME) of the step's ceiling, rounded down.
      expect(asNeededDaily.lte(new D(step.dailyDose.amount).mul('22.5').div('82.5'))).toBe(true);
      expect(new D(allowance.scheduledDaily.amount).add(asNeededDaily).toFixed()).toBe(step.dailyDose.amount);
      expect(allowance.maxDosesPerDay).toBeLessThanOrEqual(3);
    }
    const last = plan.steps.at(-1)!.asNeededAllowance!;
    expect([last.dose.amount, last.maxDosesPerDay, last.scheduledDaily.amount]).toEqual(['5', 3, '40']);
    expect(last.text).toBe('up to 3 × 5 mg oxyCODONE as needed; scheduled doses then at most 40 mg daily (55 mg daily in all)');
    expect(assumptionIds(plan)).toContain('opioid-as-needed-share');
  });

  it('6 missed days (r = 0): the opioid-naive start on oxyCODONE IR, never the ER product', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(7) }, [OXY_IR_PRN]);
    expect(plan.tolerance.status).toBe('lost');
    expect(plan.steps[0]!.rule).toMatch(/opioid-naive start/);
    expect(plan.steps.every((s) => s.formulation === 'ir')).toBe(true);
  });
});

describe('fentaNYL 25 mcg/h patch + morphine IR 15 mg as needed 2 a day', () => {
  it('tolerance reduced: the patch is refused and the offered plan is morphine IR: 60 MME × 0.5 = 30 mg + 30 mg morphine = 60 mg/day', () => {
    const outcome = planOutcome({ ...PATCH_25, restartDate: afterDays(4) }, [MORPHINE_IR_PRN]);
    expect(isRefusal(outcome) && outcome.code).toBe('OPIOID_TOLERANT_ONLY_PRODUCT');
    const plan = planRegimen({ ...PATCH_25, restartDate: afterDays(4) }, [MORPHINE_IR_PRN]);
    expect(plan.prior.dailyEquivalent!.amount).toBe('90');
    expect(plan.steps.every((s) => s.drug === 'morphine' && s.formulation === 'ir')).toBe(true);
    expect(plan.steps.at(-1)!.dailyDose.amount).toBe('60');
    expect(plan.derivation.some((l) => l.includes('60 MME/day reduced by 50% = 30 MME/day'))).toBe(true);
    expect(plan.derivation.some((l) => l.includes('Ceiling target = 30 + 30 = 60 mg/day'))).toBe(true);
    expect(plan.steps.every((s) => s.asNeededAllowance !== undefined)).toBe(true);
  });

  it('tolerance retained: the patch and the as-needed morphine are both resumed', () => {
    const plan = planRegimen({ ...PATCH_25, restartDate: afterDays(2) }, [MORPHINE_IR_PRN]);
    expect(plan.steps.map((s) => [s.component, s.drug, s.formulation, s.dailyDose.amount, s.asNeeded ?? false])).toEqual([
      [0, 'fentanyl', 'patch', '25', false],
      [1, 'morphine', 'ir', '30', true],
    ]);
  });

  it('the fentaNYL "12" patch counts 30 MME for risk per component, 28.8 for the tolerant test and conversion', () => {
    const plan = planRegimen({ ...PATCH_25, prior: { dose: 12, unit: 'mcg/h', timesPerDay: 1 }, restartDate: afterDays(2) }, [MORPHINE_IR_PRN]);
    expect(plan.prior.components?.[0]?.dailyEquivalent?.amount).toBe('30');
    expect(plan.prior.dailyEquivalent!.amount).toBe('60');
    // 28.8 + 30 = 58.8 < 60 and neither alone at its FDA dose: not opioid-tolerant, so the patch is not restarted.
    expect(plan.tolerance.priorTolerant).toBe(false);
    expect(plan.steps.every((s) => s.formulation === 'ir')).toBe(true);
    expect(codes(plan)).toContain('FENTANYL_12_NOMINAL');
  });
});

describe('morphine ER 30 mg twice daily + HYDROmorphone IR 2 mg as needed 3 a day (different molecules)', () => {
  it('converts the other molecule with the cross-tolerance reduction, shown as its own part: 60 + 15 = 75 mg morphine/day', () => {
    const plan = planRegimen({ ...MORPHINE_ER, restartDate: afterDays(4) }, [HYDROMORPHONE_IR_PRN]);
    expect(plan.prior.dailyEquivalent!.amount).toBe('90');
    expect(plan.derivation.some((l) => l.includes('a different opioid: 30 MME/day reduced by 50% = 15 MME/day') && l.includes('= 15 mg/day'))).toBe(true);
    expect(plan.derivation.some((l) => l.includes('Ceiling target = 60 + 15 = 75 mg/day'))).toBe(true);
    expect(plan.steps.at(-1)!.dailyDose.amount).toBe('75');
    expect(plan.steps.every((s) => s.drug === 'morphine' && s.formulation === 'ir')).toBe(true);
  });
});

describe('tolerance on the total', () => {
  it('two opioids each below their FDA dose but 60 MME/day together are opioid-tolerant', () => {
    const plan = planRegimen(
      { ...BASE, drug: 'morphine', formulation: 'er', prior: { dose: 15, unit: 'mg', timesPerDay: 2 }, restartDate: afterDays(1) },
      [{ drug: 'oxycodone', formulation: 'er', dose: '10', unit: 'mg', timesPerDay: 2 }],
    );
    expect(plan.tolerance.priorTolerant).toBe(true);
    expect(assumptionIds(plan)).toContain('opioid-regimen-tolerant-total');
  });

  it('below 60 MME/day in total and no opioid alone at its FDA dose: not tolerant', () => {
    const plan = planRegimen(
      { ...BASE, drug: 'morphine', formulation: 'ir', prior: { dose: 15, unit: 'mg', timesPerDay: 2 }, restartDate: afterDays(1) },
      [{ drug: 'oxycodone', formulation: 'ir', dose: '5', unit: 'mg', timesPerDay: 2 }],
    );
    expect(plan.prior.dailyEquivalent!.amount).toBe('45');
    expect(plan.tolerance.priorTolerant).toBe(false);
  });

  it('an opioid alone at its FDA dose keeps the regimen tolerant (oxyCODONE 30 mg/day = 45 MME + morphine 7.5 mg)', () => {
    const plan = planRegimen(
      { ...BASE, drug: 'oxycodone', formulation: 'ir', prior: { dose: 15, unit: 'mg', timesPerDay: 2 }, restartDate: afterDays(1) },
      [{ drug: 'morphine', formulation: 'ir', dose: '7.5', unit: 'mg', timesPerDay: 1 }],
    );
    expect(plan.tolerance.priorTolerant).toBe(true);
  });
});

describe('as-needed use pattern of a regimen', () => {
  const prn = (times: number) =>
    planRegimen(
      { ...BASE, drug: 'oxycodone', formulation: 'ir', prior: { dose: 5, unit: 'mg', timesPerDay: times, asNeeded: true }, restartDate: afterDays(5) },
      [{ drug: 'morphine', formulation: 'ir', dose: '15', unit: 'mg', timesPerDay: 1, asNeeded: true }],
    );

  it('as-needed doses of all the opioids together below 3 a day: not assumed dependent', () => {
    expect(prn(1).derivation.some((l) => l.startsWith('5. Use pattern: NOT_DEPENDENT_ASSUMED'))).toBe(true);
  });

  it('as-needed doses adding up to 3 a day are around-the-clock use: regular', () => {
    const plan = prn(2);
    expect(plan.derivation.some((l) => /Use pattern: REGULAR .*all the opioids together/.test(l))).toBe(true);
    expect(assumptionIds(plan)).toContain('opioid-regimen-as-needed-summed');
  });
});

describe('a single product', () => {
  it('always carries one component, equal to the prior', () => {
    const plan = planRegimen({ ...OXY_ER, restartDate: afterDays(4) });
    expect(plan.prior.components).toHaveLength(1);
    expect(plan.prior.components![0]).toMatchObject({ path: 'prior', drug: 'oxycodone', formulation: 'er', dailyEquivalent: { amount: '60', unit: 'MME' } });
    expect(plan.prior.dailyEquivalent!.amount).toBe('60');
    expect(plan.steps.every((s) => s.asNeededAllowance === undefined && s.component === undefined)).toBe(true);
  });

  it('an empty additionalPrior gives the same plan as none', () => {
    for (const days of [1, 4, 7]) {
      expect(planOutcome({ ...OXY_ER, restartDate: afterDays(days) }, [])).toEqual(planOutcome({ ...OXY_ER, restartDate: afterDays(days) }));
    }
  });
});

describe('through the JSON contract (planRestart)', () => {
  const json = (restartDate: string, additionalPrior: unknown) => ({ ...OXY_ER, restartDate, additionalPrior });

  it('a validated request with additionalPrior plans the same as the normalised request', () => {
    for (const days of [1, 4, 7]) {
      const result = planRestart(json(afterDays(days), [{ drug: 'oxycodone', formulation: 'ir', dose: 5, unit: 'mg', timesPerDay: 3, asNeeded: true }]));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.plan).toEqual(planRegimen({ ...OXY_ER, restartDate: afterDays(days) }, [OXY_IR_PRN]));
    }
  });

  it('a fentaNYL patch with morphine IR as needed, entered as JSON, is refused with the morphine IR regimen plan offered', () => {
    const result = planRestart({ ...PATCH_25, restartDate: afterDays(4), additionalPrior: [{ drug: 'morphine', formulation: 'ir', dose: '15', unit: 'mg', timesPerDay: 2, asNeeded: true }] });
    expect(result.ok).toBe(false);
    const offered = !result.ok ? result.refusal?.alternativePlan : undefined;
    expect(offered?.prior.components?.map((c) => c.path)).toEqual(['prior', 'additionalPrior.0']);
    expect(offered?.steps.at(-1)?.dailyDose.amount).toBe('60');
  });

  it('methadone in the list is an input error, not a summed component', () => {
    const result = planRestart(json(afterDays(4), [{ drug: 'methadone', formulation: 'tablet', dose: 10, unit: 'mg', timesPerDay: 2 }]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusal).toBeFalsy();
    expect(!result.ok && result.errors.some((e) => e.path.startsWith('additionalPrior.0'))).toBe(true);
  });
});
