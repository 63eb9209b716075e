/**
 * Units in the types inside the pharmacist check (src/engine/check.ts, checkLimits.ts): a day's total, a ceiling, a
 * prior dose and a checkpoint level carry their unit (the product's own: mg, mcg, mcg/h; or the class equivalent:
 * MME, mg diazepam), a limit travels with the amount it bounds in one unit (`CheckPair`), and MME or mg diazepam come
 * only from the named conversions. The `@ts-expect-error` lines are checked by `tsc -b` (tests are in
 * tsconfig.test.json): if one of these mistakes ever compiled, the directive would be unused and the type-check would
 * fail. The runtime halves pin that the types change no number.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { excessPercent, type CheckPair, type CheckPerDay } from '../../src/engine/check.ts';
import { checkpointThreshold } from '../../src/engine/checkLimits.ts';
import { D } from '../../src/engine/decimal.ts';
import { productFacts } from '../../src/engine/products.ts';
import {
  atLeast,
  below,
  checkedMg,
  classEquivalent,
  diazepamEquivalent,
  excessOver,
  mg,
  mgDiazepam,
  mme,
  productMme,
  productAmount,
  ratio,
  rounded,
  type ClassEquivalent,
  type ClassEquivalentUnit,
  type Mg,
  type MgDiazepam,
  type Mme,
  type ProductAmount,
  type ProductUnit,
} from '../../src/engine/units.ts';
import { checkSchedule } from '../../src/engine/check.ts';

const oxycodone = productFacts('oxycodone', 'ir')!;

describe('amounts in the pharmacist check carry their unit', () => {
  it('a product day total converts to MME only through its factor, and the number is the one the check reports', () => {
    // oxyCODONE 10 mg × 3 a day: 30 mg/day × 1.5 MME per mg (the product's factor from protocol data) = 45 MME/day.
    const day: ProductAmount = productAmount(new D(30));
    const equivalent = productMme(day, 'mg', oxycodone.equivalent!.factor);
    expectTypeOf(equivalent).toEqualTypeOf<Mme>();
    expect(equivalent.toFixed()).toBe('45');
    const result = checkSchedule({
      drug: 'oxycodone',
      formulation: 'ir',
      prior: { dose: '10', unit: 'mg', timesPerDay: 3 },
      priorDurationDays: 90,
      lastDoseDate: '2026-11-25',
      restartDate: '2026-11-28',
      proposed: [{ start: '2026-11-28', dose: { amount: '10', unit: 'mg' }, timesPerDay: 3 }],
    });
    expect(result.ok && result.result.steps[0]!.dailyEquivalent).toEqual({ amount: '45', unit: 'MME' });
  });

  it('a benzodiazepine day total converts to mg diazepam only as mg (checkedMg refuses another unit)', () => {
    // LORazepam 2 mg/day with 1 mg ≈ diazepam 10 mg: 2 × 10 ÷ 1 = 20 mg diazepam.
    const day = checkedMg(productAmount(new D(2)), 'mg');
    expectTypeOf(day).toEqualTypeOf<Mg>();
    expect(diazepamEquivalent(day, '1').toFixed()).toBe('20');
    expect(() => checkedMg(productAmount(new D(25)), 'mcg/h')).toThrow(/not mg/);
  });

  it('the checkpoint threshold is 50 MME/day, typed as MME', () => {
    const threshold = checkpointThreshold(oxycodone)!;
    expectTypeOf(threshold.amount).toEqualTypeOf<Mme>();
    expect([threshold.amount.toFixed(), threshold.unit]).toEqual(['50', 'MME']);
    expect(below(mme(new D(45)), threshold.amount)).toBe(true);
    expect(atLeast(mme(new D(50)), threshold.amount)).toBe(true);
  });

  it('the excess, its percentage and a rise fraction are the same numbers with or without units', () => {
    const proposed = mme(new D(21));
    const ceiling = mme(new D(20));
    expect(excessPercent(proposed, ceiling)).toBe(excessPercent(new D(21), new D(20)));
    expect(excessPercent(proposed, ceiling)).toBe('5.0');
    expect(excessOver(proposed, ceiling).toFixed()).toBe('1');
    expect(excessOver(ceiling, proposed).toFixed()).toBe('0');
    expect(excessOver(ceiling, ceiling).toFixed()).toBe('0');
    expect(ratio(proposed, ceiling).sub(1).toFixed()).toBe('0.05');
    expect(rounded(mgDiazepam(new D('6.6666')), 2, D.ROUND_HALF_UP).toFixed()).toBe('6.67');
  });

  it('mixing units in the check does not compile', () => {
    const mgCeiling: ProductAmount = productAmount(new D(30));
    const mmeTotal: ClassEquivalent = mme(new D(45));
    const diazepamTotal: MgDiazepam = mgDiazepam(new D(20));
    const threshold = checkpointThreshold(oxycodone)!;
    // @ts-expect-error a day's MME total is not compared with an mg ceiling: the excess percentage takes one unit
    excessPercent(mme(new D(45)), mg(new D(30)));
    // @ts-expect-error a limit pair in the product's unit cannot hold an MME total
    const mixed: CheckPair<ProductUnit> = { proposed: mmeTotal, ceiling: mgCeiling, unit: 'mg' };
    // @ts-expect-error a limit pair in the class equivalent cannot hold an mg ceiling
    const mixedBack: CheckPair<ClassEquivalentUnit> = { proposed: mmeTotal, ceiling: mgCeiling, unit: 'MME' };
    // @ts-expect-error a product's mg per day is not checked against the 50 MME/day checkpoint without its factor
    below(mg(new D(40)), threshold.amount);
    // @ts-expect-error the checkpoint threshold is MME, never mg
    const thresholdInMg: Mg = threshold.amount;
    // @ts-expect-error how far above: MME against mg diazepam does not compile either
    excessOver(mme(new D(45)), diazepamTotal);
    // @ts-expect-error a rise fraction is taken between amounts of one unit
    ratio(mg(new D(40)), mme(new D(30)));
    // @ts-expect-error an MME total is not converted to MME again
    productMme(mme(new D(45)), 'mg', '1.5');
    // @ts-expect-error the conversion gives MME, never mg diazepam
    const asDiazepam: MgDiazepam = productMme(mgCeiling, 'mg', '1.5');
    // @ts-expect-error checkedMg reads a product amount as mg; an MME total is not one
    checkedMg(mmeTotal, 'mg');
    // @ts-expect-error re-labelling an equivalent as a product amount is a conversion, not a constructor
    productAmount(mmeTotal);
    // @ts-expect-error re-labelling a product amount as an equivalent likewise
    classEquivalent(mgCeiling);
    // @ts-expect-error rounding keeps the unit: a rounded MME total is not mg
    const roundedAsMg: Mg = rounded(mmeTotal, 2, D.ROUND_HALF_UP);
    // @ts-expect-error a bare decimal is not a per-day amount of the check: it needs its unit
    const bare: CheckPerDay = new D(30);
    expect([mixed, mixedBack, thresholdInMg, asDiazepam, roundedAsMg, bare].length).toBe(6);
  });
});
