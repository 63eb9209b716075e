/**
 * Every plan lists its prior regimen in `prior.components`, `prior` first (issue 13): one entry for a single
 * medicine whatever the class, and where the plan gives a daily equivalent it is the sum of the components'.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { benchmarkRequests } from '../../bench/requests.ts';
import { planRestart } from '../../src/engine/index.ts';

describe('prior.components on every plan', () => {
  it('one entry per medicine, prior first, its dose and daily dose; equivalents add up to the plan\'s', () => {
    const classes = new Set<string>();
    let plans = 0;
    for (const request of benchmarkRequests()) {
      const result = planRestart(request);
      if (!result.ok) continue;
      const { plan } = result;
      plans++;
      classes.add(plan.drugClass);
      const components = plan.prior.components;
      expect(components, `${plan.drug} ${plan.formulation}`).toBeDefined();
      const extra = ((request as { additionalPrior?: unknown[] }).additionalPrior ?? []).length;
      expect(components!.length).toBe(1 + extra);
      expect(components![0]!.path).toBe('prior');
      expect(components![0]!.drug).toBe(plan.drug);
      expect(components![0]!.dailyDose.unit).toBe(plan.prior.dailyDose.unit);
      if (plan.prior.dailyEquivalent && components!.every((c) => c.dailyEquivalent)) {
        const total = components!.reduce((sum, c) => sum.add(c.dailyEquivalent!.amount), new Decimal(0));
        expect(total.eq(plan.prior.dailyEquivalent.amount), `${plan.drug} ${plan.formulation}`).toBe(true);
      }
    }
    expect(plans).toBeGreaterThan(500);
    expect([...classes].sort()).toEqual(['antidepressant', 'benzodiazepine', 'labelled-restart', 'opioid']);
  });

  it('methadone for pain carries its MME factor and source in its component', () => {
    const result = planRestart({ drug: 'methadone', formulation: 'tablet', indication: 'pain', prior: { dose: 10, unit: 'mg', timesPerDay: 2 }, priorDurationDays: 90, lastDoseDate: '2026-11-20', restartDate: '2026-11-28' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [component] = result.plan.prior.components!;
    expect(component).toMatchObject({ path: 'prior', drug: 'methadone', timesPerDay: 2, asNeeded: false, dailyDose: { amount: '20', unit: 'mg' } });
    expect(component!.dailyEquivalent).toEqual(result.plan.prior.dailyEquivalent);
    expect(component!.equivalentFactor).toEqual(result.plan.prior.equivalentFactor);
  });
});
