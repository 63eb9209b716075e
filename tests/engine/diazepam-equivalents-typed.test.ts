/**
 * Units in the types in the benzodiazepine planner: doses are mg of the drug (`Mg`), diazepam equivalents are
 * `MgDiazepam`, and the only ways between them are the named conversions of units.ts with their factor
 * (`diazepamEquivalent`, `fromDiazepamEquivalent`, `convertByDiazepamEquivalence`). The `@ts-expect-error` lines are
 * checked by `tsc -b` (tests are in tsconfig.test.json): if one of these mistakes ever compiled, the directive would be
 * unused and the type-check would fail. The runtime halves pin the conversions' arithmetic.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { doseBand } from '../../src/engine/classes/benzodiazepine.ts';
import { D } from '../../src/engine/decimal.ts';
import {
  convertByDiazepamEquivalence,
  diazepamEquivalent,
  fromDiazepamEquivalent,
  mg,
  mgDiazepam,
  mme,
  smaller,
  sum,
  type Mg,
  type MgDiazepam,
} from '../../src/engine/units.ts';

describe('diazepam equivalents carry their unit', () => {
  it('mg of a drug ↔ mg diazepam only through the named conversions, each with its factor', () => {
    // LORazepam 4 mg/day, 1 mg ≈ diazepam 10 mg (Ashton, lower figure): 40 mg diazepam/day; and back.
    const daily = mg(new D(4));
    const equivalent = diazepamEquivalent(daily, '1');
    expect(equivalent.toFixed()).toBe('40');
    expectTypeOf(equivalent).toEqualTypeOf<MgDiazepam>();
    // The after-window cap: 10 mg diazepam a day in ALPRAZolam at 0.5 mg ≈ diazepam 10 mg = 0.5 mg/day.
    const cap = fromDiazepamEquivalent(mgDiazepam(new D(10)), '0.5');
    expect(cap.toFixed()).toBe('0.5');
    expectTypeOf(cap).toEqualTypeOf<Mg>();
    // clonazePAM 1 mg/day into LORazepam (1 mg ≈ 10 mg diazepam) with clonazePAM at 0.5 mg ≈ 10 mg: 2 mg/day.
    const converted = convertByDiazepamEquivalence(mg(new D(1)), '1', '0.5');
    expect(converted.toFixed()).toBe('2');
    expectTypeOf(converted).toEqualTypeOf<Mg>();
  });

  it('the dose band reads mg diazepam (Joint Guideline Table 2 bands)', () => {
    expect(doseBand(mgDiazepam(new D(10)))).toBe('low');
    expect(doseBand(mgDiazepam(new D('10.01')))).toBe('moderate');
    expect(doseBand(mgDiazepam(new D(15)))).toBe('moderate');
    expect(doseBand(mgDiazepam(new D('15.01')))).toBe('high');
  });

  it('mixing mg diazepam with mg of the drug does not compile', () => {
    const dose = mg(new D(2));
    const equivalent = mgDiazepam(new D(20));
    // @ts-expect-error the dose band is judged on mg diazepam, not on mg of the drug
    doseBand(dose);
    // @ts-expect-error nor on MME
    doseBand(mme(new D(20)));
    // @ts-expect-error diazepamEquivalent takes mg of the drug, not an equivalent (no double conversion)
    diazepamEquivalent(equivalent, '1');
    // @ts-expect-error diazepamEquivalent gives mg diazepam, never mg of the drug
    const backToMg: Mg = diazepamEquivalent(dose, '1');
    // @ts-expect-error fromDiazepamEquivalent takes mg diazepam, not mg of the drug
    fromDiazepamEquivalent(dose, '0.5');
    // @ts-expect-error fromDiazepamEquivalent gives mg of the drug, not mg diazepam
    const stillDe: MgDiazepam = fromDiazepamEquivalent(equivalent, '0.5');
    // @ts-expect-error converting between benzodiazepines takes mg of a drug, not mg diazepam
    convertByDiazepamEquivalence(equivalent, '1', '0.5');
    // @ts-expect-error a dose and an equivalent cannot be compared (the after-window cap is converted first)
    smaller(dose, equivalent);
    // @ts-expect-error a regimen of mg is not summed into mg diazepam
    const total: MgDiazepam = sum([dose, dose], mg(new D(0)));
    // @ts-expect-error nor are equivalents summed from a zero in mg
    sum([equivalent], mg(new D(0)));
    // @ts-expect-error re-labelling mg of the drug as mg diazepam is a conversion: it needs its named function
    mgDiazepam(dose);
    expect([backToMg, stillDe, total].length).toBe(3);
  });
});
