/**
 * Units in the types inside the opioid planners (opioid-common.ts, opioid.ts, buprenorphine.ts, opioid-interactions.ts):
 * a dose is in its product's unit (ProductAmount: mg, mcg/h or mcg, never MME), acetaminophen is in mg, MME is an Mme,
 * and the only ways between a dose and MME are the named conversions with their factor (productMme, productAmountOfMme,
 * mgOfMme). The `@ts-expect-error` lines are checked by `tsc -b` (tests are in tsconfig.test.json): if one of these
 * mistakes ever compiled, the directive would be unused and the type-check would fail. The runtime halves pin the
 * conversions' values.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { acetaminophenDaily, acetaminophenLimit, capForAcetaminophen, describe as describeRegimen, fillRegimen, labelNaiveStart, mgOfMme, naiveStart, opioidPlanSummary, opioidWarnings, smallestUnit, type LabelNaiveStart, type WarningContext } from '../../src/engine/classes/opioid-common.ts';
import type { MaoiContraindication } from '../../src/engine/classes/opioid-interactions.ts';
import { D } from '../../src/engine/decimal.ts';
import { PlanNotes } from '../../src/engine/notes.ts';
import { mcgPerHour, mg, mme, type IsoDate, type Mg, type Mme, productAmount, productAmounts, productMme, productAmountOfMme, type ProductAmount } from '../../src/engine/units.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { opioidDrug, opioidForm } from './helpers.ts';

const oxycodoneIr = opioidForm('oxycodone', 'ir');
const norco = opioidForm('hydrocodone', 'apap');

describe('opioid amounts carry their unit', () => {
  it('MME comes from a dose only through the named conversion with its factor (CDC 2022 factors)', () => {
    // oxyCODONE 30 mg/day × 1.5 = 45 MME/day; a fentaNYL 25 mcg/h patch × 2.4 = 60 MME/day.
    expect(productMme(productAmount(new D(30)), 'mg', '1.5').toFixed()).toBe('45');
    expect(productMme(mcgPerHour(new D(25)), 'mcg/h', '2.4').toFixed()).toBe('60');
    expect(() => productMme(productAmount(new D(75)), 'mcg', '1')).toThrow(/no MME conversion for mcg/);
    // And back: 45 MME/day ÷ 1.5 = 30 mg/day; 30 MME/day ÷ 1.5 = 20 mg/day of an oral opioid.
    expect(productAmountOfMme(mme(new D(45)), '1.5').toFixed()).toBe('30');
    expect(mgOfMme(mme(new D(30)), '1.5').toFixed()).toBe('20');
    expectTypeOf(productMme(productAmount(new D(30)), 'mg', '1.5')).toEqualTypeOf<Mme>();
    expectTypeOf(productAmountOfMme(mme(new D(45)), '1.5')).toEqualTypeOf<ProductAmount>();
    expectTypeOf<Mg>().toMatchTypeOf<ProductAmount>();
  });

  it('the shared helpers keep the unit of the amounts they are given', () => {
    const regimen = fillRegimen(mg(new D(25)), mg(new D(10)), 3, oxycodoneIr);
    expect(regimen!.map((a) => a.toFixed())).toEqual(['10', '10', '5']);
    expectTypeOf(regimen).toEqualTypeOf<Mg[] | null>();
    expectTypeOf(smallestUnit(oxycodoneIr)).toEqualTypeOf<ProductAmount>();
    expectTypeOf(naiveStart(null, opioidDrug('methadone'), opioidForm('methadone', 'tablet'), 3, [])).toEqualTypeOf<Mg[] | null>();
    expectTypeOf(labelNaiveStart(null, opioidDrug('oxycodone'), oxycodoneIr, 4, [])).toEqualTypeOf<LabelNaiveStart | null>();
    expectTypeOf<LabelNaiveStart['regimen']>().toEqualTypeOf<ProductAmount[]>();
    // HYDROcodone/APAP 10/325 × 6 = 1,950 mg of acetaminophen: mg, whatever the opioid's unit.
    const apap = acetaminophenDaily(productAmounts(Array.from({ length: 6 }, () => new D(10))), norco);
    expect(apap.toFixed()).toBe('1950');
    expectTypeOf(apap).toEqualTypeOf<Mg>();
    expectTypeOf<WarningContext['maxMme']>().toEqualTypeOf<Mme>();
    expectTypeOf<MaoiContraindication['earliestPlanDate']>().toEqualTypeOf<IsoDate | undefined>();
  });

  it('mixing MME with a dose, or acetaminophen mg with either, does not compile', () => {
    const dose = productAmount(new D(10));
    const equivalent = mme(new D(15));
    const limit = acetaminophenLimit({ patient: {}, priorDurationDays: 10 } as never).limit;
    // @ts-expect-error the per-dose cap is in the daily cap's unit: mg, not MME
    fillRegimen(mg(new D(25)), equivalent, 3, oxycodoneIr);
    // @ts-expect-error a regimen of mg is not a regimen of MME
    const asMme: Mme[] | null = fillRegimen(mg(new D(25)), mg(new D(10)), 3, oxycodoneIr);
    // @ts-expect-error productMme converts a dose, not an MME amount (no double conversion)
    productMme(equivalent, 'mg', '1.5');
    // @ts-expect-error productMme gives MME, never a dose
    const backToDose: ProductAmount = productMme(dose, 'mg', '1.5');
    // @ts-expect-error productAmountOfMme takes MME, not a dose
    productAmountOfMme(dose, '1.5');
    // @ts-expect-error mgOfMme takes MME, not mg
    mgOfMme(mg(new D(30)), '1.5');
    // @ts-expect-error re-labelling an MME amount as a dose is a conversion: it needs productAmountOfMme and a factor
    productAmount(equivalent);
    // @ts-expect-error a regimen described in its unit is a dose regimen, not MME
    describeRegimen([equivalent], 'mg');
    // @ts-expect-error the acetaminophen limit is mg of acetaminophen, not MME
    capForAcetaminophen(dose, 4, equivalent, norco);
    // @ts-expect-error acetaminophen a day is mg, not MME
    const apapAsMme: Mme = acetaminophenDaily([dose], norco);
    // @ts-expect-error the smallest unit of a product is a dose, not MME
    const smallestAsMme: Mme = smallestUnit(oxycodoneIr);
    const notes = new PlanNotes();
    const context = { drug: opioidDrug('oxycodone'), status: 'retained', priorTolerant: true, hasCheckpoint: false } as const;
    // Type-checked only (never run: the request is not a real one).
    const neverRun = () =>
      // @ts-expect-error the highest daily MME of the steps is MME, not a dose in mg
      opioidWarnings(notes, { patient: {}, concurrent: [] } as never, { ...context, maxMme: mg(new D(60)) });
    // @ts-expect-error nor a bare decimal that carries no unit
    const bare: WarningContext = { ...context, maxMme: new D(60) };
    const summary = { fraction: new D(1), status: 'retained', priorTolerant: true, anchor: OPIOID_CLASS.anchors[0]!, unit: 'mg', factor: opioidDrug('oxycodone').mmeFactor!, per: 'MME per mg/day' } as const;
    // @ts-expect-error the prior daily dose and the prior MME cannot swap places
    opioidPlanSummary({ ...summary, priorDaily: equivalent, priorMme: dose });
    // @ts-expect-error an MAOI's earliest plan date is a checked IsoDate, not any string
    const planDate: MaoiContraindication = { code: 'MAOI_CONTRAINDICATED_OPIOID', path: 'concurrent.0', message: '', alternative: '', reasonSources: [], earliestPlanDate: 'soon', derivation: '', provenance: [] };
    expect([asMme, backToDose, apapAsMme, smallestAsMme, bare, planDate, neverRun].length).toBe(7);
    expect(limit.toFixed()).toBe('4000');
  });
});
