/**
 * Amendment A5 moves a combination product whose acetaminophen would pass the limit to the single-ingredient product
 * at the same opioid mg. The single-ingredient product's strengths can be coarser (oxyCODONE IR has no 2.5 mg tablet),
 * and its own smallest rise would then outrun the patient's own product. These properties pin that the switched
 * schedule never runs ahead of the combination's schedule on any date, over every combination product that has a
 * single-ingredient partner.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { OpioidFormulation } from '../../src/protocols/opioids/types.ts';

const SWITCHABLE = OPIOIDS.flatMap((drug) => drug.formulations.filter((f) => f.combination && f.singleIngredient).map((formulation) => ({ drug, formulation })));

/** The daily opioid dose in force on a date: the latest step started on or before it (0 before the first). */
function dailyOn(plan: RestartPlan, date: string): InstanceType<typeof D> {
  let daily = new D(0);
  for (const step of plan.steps) if (step.start <= date) daily = new D(step.dailyDose.amount);
  return daily;
}

const requestArb = fc
  .record({
    product: fc.constantFrom(...SWITCHABLE),
    pick: fc.nat(),
    times: fc.integer({ min: 1, max: 6 }),
    duration: fc.integer({ min: 0, max: 200 }),
    daysOff: fc.integer({ min: 0, max: 20 }),
    age: fc.option(fc.integer({ min: 18, max: 95 }), { nil: undefined }),
    concurrent: fc.subarray(['triazolam', 'gabapentin', 'sertraline', 'alprazolam'], { maxLength: 2 }),
  })
  .map((g) => {
    const { drug, formulation } = g.product;
    return {
      drug: drug.id,
      formulation: formulation.id,
      prior: { dose: formulation.strengths[g.pick % formulation.strengths.length]!.amount, unit: formulation.unit, timesPerDay: Math.min(g.times, formulation.maxTimesPerDay.value) },
      priorDurationDays: g.duration,
      lastDoseDate: '2025-01-01',
      restartDate: addCalendarDays('2025-01-01', g.daysOff),
      patient: g.age === undefined ? {} : { ageYears: g.age },
      concurrent: g.concurrent,
    };
  });

describe('a single-ingredient product that replaces a combination product (amendment A5)', () => {
  it('there is a combination product with a single-ingredient partner to test', () => {
    expect(SWITCHABLE.length).toBeGreaterThan(0);
  });

  it('never runs ahead of the combination schedule on any date (acetaminophen from other sources forces the switch)', () => {
    let switched = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const own = planRestart(request);
        // 4 g/day from other sources passes every limit: the only difference between the two plans is the product.
        const moved = planRestart({ ...request, acetaminophenOtherSourcesMgPerDay: 4000 });
        if (!own.ok || !moved.ok) return;
        if (!moved.plan.warnings.some((w) => w.code === 'APAP_LIMIT_SWITCH')) return;
        switched++;
        expect(moved.plan.steps.every((s) => s.formulation !== request.formulation)).toBe(true);
        for (const step of moved.plan.steps) {
          expect(new D(step.dailyDose.amount).lte(dailyOn(own.plan, step.start)), `${step.start}: ${step.dailyDose.amount} mg`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(switched).toBeGreaterThan(30);
  });

  it('every rise of the switched schedule is no sooner than the single-ingredient interval, and shows the pace in the working', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const moved = planRestart({ ...request, acetaminophenOtherSourcesMgPerDay: 4000 });
        if (!moved.ok || !moved.plan.warnings.some((w) => w.code === 'APAP_LIMIT_SWITCH') || moved.plan.steps.length < 2) return;
        expect(moved.plan.derivation.some((line) => /^\d+\. Pace: no step runs ahead of the .* schedule \(\d{4}-\d\d-\d\d /.test(line))).toBe(true);
        const drug = findDrug(request.drug)!;
        const single = findFormulation(drug, moved.plan.steps[0]!.formulation) as OpioidFormulation;
        const intervals = single.titrationIntervalsDays.value;
        for (let i = 1; i < moved.plan.steps.length; i++) {
          const gap = differenceInCalendarDays(parseISO(moved.plan.steps[i]!.start), parseISO(moved.plan.steps[i - 1]!.start));
          expect(gap).toBeGreaterThanOrEqual(intervals[Math.min(i - 1, intervals.length - 1)]!);
        }
      }),
      { numRuns: 100 },
    );
  });
});
