/**
 * Units in the types (src/engine/units.ts). The `@ts-expect-error` lines are checked by `tsc -b` (tests are in
 * tsconfig.test.json): if mixing units ever compiled, the directive would be unused and the type-check would fail.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { add, atMost, diazepamEquivalent, isoDate, mcgPerHour, mg, mgDiazepam, mme, mmeOfDailyMg, mmeOfPatch, subtract, times, type IsoDate, type Mg, type Mme } from '../../src/engine/units.ts';

describe('branded units', () => {
  it('adds, subtracts, scales and compares amounts of one unit', () => {
    expect(add(mg(new D('10')), mg(new D('5'))).toString()).toBe('15');
    expect(subtract(mme(new D('60')), mme(new D('15'))).toString()).toBe('45');
    expect(times(mg(new D('10')), 4).toString()).toBe('40');
    expect(atMost(mg(new D('5')), mg(new D('5')))).toBe(true);
    expect(atMost(mg(new D('5.5')), mg(new D('5')))).toBe(false);
  });

  it('converts only through named conversions with their factor', () => {
    // oxycodone 40 mg/day × 1.5 (CDC 2022) = 60 MME/day; fentanyl 25 mcg/h × 2.4 = 60 MME/day.
    expect(mmeOfDailyMg(mg(new D('40')), new D('1.5')).toString()).toBe('60');
    expect(mmeOfPatch(mcgPerHour(new D('25')), new D('2.4')).toString()).toBe('60');
    // alprazolam 2 mg/day, 0.5 mg ≈ diazepam 10 mg → 40 mg diazepam.
    expect(diazepamEquivalent(mg(new D('2')), new D('0.5')).toString()).toBe('40');
  });

  it('an IsoDate is a checked calendar date', () => {
    expect(isoDate('2026-11-28')).toBe('2026-11-28');
    expect(isoDate('2026-02-30')).toBeNull();
    expect(isoDate('28/11/2026')).toBeNull();
  });

  it('mixing units does not compile', () => {
    const dose: Mg = mg(new D('10'));
    const equivalent: Mme = mme(new D('15'));
    // @ts-expect-error MME and mg cannot be added
    add(dose, equivalent);
    // @ts-expect-error an MME amount is not a mg dose
    const notMg: Mg = equivalent;
    // @ts-expect-error mg diazepam is not MME
    const notMme: Mme = mgDiazepam(new D('10'));
    // @ts-expect-error a patch rate is not an oral daily dose
    mmeOfDailyMg(mcgPerHour(new D('25')), new D('2.4'));
    // @ts-expect-error a bare Decimal has no unit
    const bare: Mg = new D('10');
    // @ts-expect-error an unchecked string is not an IsoDate
    const date: IsoDate = '2026-11-28';
    expect([notMg, notMme, bare, date].length).toBe(4);
  });
});
