/**
 * Units in the types inside the engine modules (dates.ts, schedule.ts, strengths.ts, dispense.ts and the methadone
 * planner): amounts carry their unit, dates are IsoDate, and the only way to change a unit is a named conversion
 * in units.ts. The `@ts-expect-error` lines are checked by `tsc -b` (tests are in tsconfig.test.json): if one of
 * these mistakes ever compiled, the directive would be unused and the type-check would fail. The runtime halves
 * pin that the brand changes no value.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { largestRiseWithin, scheduleMethadone, type MethadoneStep, type MethadoneTitrationRule } from '../../src/engine/classes/methadone-titration.ts';
import { addCalendarDays, earlierDate } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { buildTitration, type ScheduledStep } from '../../src/engine/schedule.ts';
import { floorToStrengths, makeExactly, nextAbove, type MadeDose } from '../../src/engine/strengths.ts';
import { checkedDate, mcgPerHour, mg, mgDiazepam, mgEach, mme, sum, toMme, type IsoDate, type McgPerHour, type Mg, type Mme } from '../../src/engine/units.ts';
import type { Strength } from '../../src/protocols/types.ts';

const tablets: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));
const rule = { maxRiseFraction: new D('0.25'), intervalsDays: [3], description: 'test' };
const methadoneRule: MethadoneTitrationRule = {
  drug: 'methadone',
  indication: 'oud',
  ceiling: 'prior-daily-dose',
  hepatic: false,
  phases: [{ name: 'oud-reescalation', fromDay: 0, maxRiseMg: '10', minIntervalDays: 3, window: { days: 7, maxRiseMg: '30' }, provenance: [] }],
};
const start = checkedDate('2026-11-28');

describe('branded amounts and dates through the schedule', () => {
  it('a branded schedule is the same schedule as an unbranded one (compile-time only)', () => {
    const plain = buildTitration({ startDate: '2026-11-28', first: [new D(5), new D(5)], firstRule: 'start', target: [new D(20), new D(20)], rule, strengths: tablets });
    const branded = buildTitration({ startDate: start, first: mgEach([new D(5), new D(5)]), firstRule: 'start', target: mgEach([new D(20), new D(20)]), rule, strengths: tablets });
    expect(branded).toEqual(plain);
    expectTypeOf(branded).toEqualTypeOf<readonly ScheduledStep<Mg, IsoDate>[]>();
    expectTypeOf(branded[0]!.daily).toEqualTypeOf<Mg>();
    expectTypeOf(branded[0]!.start).toEqualTypeOf<IsoDate>();
    expectTypeOf(branded[0]!.administrations[0]!.amount).toEqualTypeOf<Mg>();
  });

  it('the calendar helpers keep an IsoDate an IsoDate', () => {
    expect(addCalendarDays(start, 3)).toBe('2026-12-01');
    expectTypeOf(addCalendarDays(start, 3)).toEqualTypeOf<IsoDate>();
    expectTypeOf(addCalendarDays('2026-11-28', 3)).toEqualTypeOf<string>();
    expect(earlierDate(start, addCalendarDays(start, -1))).toBe('2026-11-27');
    expect(() => checkedDate('2026-02-30')).toThrow(/unvalidated date/);
  });

  it('made doses keep the unit of the amount asked for', () => {
    const made = floorToStrengths(mg(new D(27)), tablets);
    expect(made!.amount.toFixed()).toBe('25'); // 20 mg + 5 mg tablets
    expectTypeOf(made!.amount).toEqualTypeOf<Mg>();
    expectTypeOf(makeExactly(mcgPerHour(new D(25)), tablets)).toEqualTypeOf<MadeDose<McgPerHour> | null>();
  });

  it('the methadone schedule is in mg and its MME comes only from toMme', () => {
    const steps = scheduleMethadone({ startDate: start, first: mgEach([new D(20)]), firstRule: 'first', target: mgEach([new D(40)]), strengths: tablets, rule: methadoneRule });
    expectTypeOf(steps).toEqualTypeOf<MethadoneStep[]>();
    expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
      ['2026-11-28', '20'],
      ['2026-12-01', '30'],
      ['2026-12-04', '40'],
    ]);
    const rise: Mg = largestRiseWithin(steps, 7);
    expect(rise.toFixed()).toBe('20');
    // Methadone 40 mg/day × 4.7 (CDC 2022 factor, for illustration) = 188 MME/day.
    expect(toMme(steps.at(-1)!.daily, '4.7').toFixed()).toBe('188');
    expect(sum(steps.map((s) => s.daily), mg(new D(0))).toFixed()).toBe('90');
  });

  it('mixing units or unchecked dates in these modules does not compile', () => {
    const dose = mg(new D(10));
    const equivalent = mme(new D(15));
    // @ts-expect-error MME where mg is expected: a schedule's first step and target are one unit
    buildTitration({ startDate: start, first: [dose], firstRule: 'x', target: [equivalent], rule, strengths: tablets });
    // @ts-expect-error a plain string date gives string-dated steps, not IsoDate ones
    const stringDated: readonly ScheduledStep<Mg, IsoDate>[] = buildTitration({ startDate: '2026-11-28', first: [dose], firstRule: 'x', target: [dose], rule, strengths: tablets });
    // @ts-expect-error the methadone schedule starts on an IsoDate, not on a plain string
    scheduleMethadone({ startDate: '2026-11-28', first: [dose], firstRule: 'x', target: [dose], strengths: tablets, rule: methadoneRule });
    // @ts-expect-error the methadone target is mg of methadone, not MME
    scheduleMethadone({ startDate: start, first: [dose], firstRule: 'x', target: [equivalent], strengths: tablets, rule: methadoneRule });
    // @ts-expect-error a rise in mg is not an MME amount
    const riseAsMme: Mme = largestRiseWithin([], 7);
    // @ts-expect-error toMme takes mg, not MME (no double conversion)
    toMme(equivalent, '1.5');
    // @ts-expect-error toMme gives MME, never mg
    const backToMg: Mg = toMme(dose, '1.5');
    // @ts-expect-error re-labelling an amount that has a unit is a conversion: it needs its named function
    mg(equivalent);
    // @ts-expect-error mg diazepam cannot be re-labelled as MME either
    mme(mgDiazepam(new D(10)));
    // @ts-expect-error the cap of nextAbove is in the same unit as the amount
    nextAbove(dose, equivalent, tablets);
    // @ts-expect-error a made dose keeps its unit
    const madeAsMme: Mme | undefined = floorToStrengths(dose, tablets)?.amount;
    // @ts-expect-error adding days to a plain string does not make it an IsoDate
    const notChecked: IsoDate = addCalendarDays('2026-11-28', 1);
    // @ts-expect-error earlierDate compares dates of one kind: both IsoDate, or both plain strings
    const mixedDates: IsoDate = earlierDate(start, '2026-11-01');
    // @ts-expect-error a methadone step carries IsoDate dates
    const planStep: MethadoneStep = { start: '2026-11-28', administrations: [], daily: dose, rule: 'x' };
    expect([stringDated, riseAsMme, backToMg, madeAsMme, notChecked, mixedDates, planStep].length).toBe(7);
  });
});
