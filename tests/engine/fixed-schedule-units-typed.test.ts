/**
 * Units in the types in the fixed-schedule builder and the antidepressant and labelled-restart planners: a label
 * schedule's stages, phases, target and steps are one unit (`Mg` in the planners), its dates IsoDate, and the prior
 * regimen (`priorAndBreak`) is mg. The `@ts-expect-error` lines are checked by `tsc -b` (tests are in
 * tsconfig.test.json): if one of these mistakes ever compiled, the directive would be unused and the type-check would
 * fail. The runtime halves pin that the brand changes no value.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildFixedSchedule, ceilingOn, lowerOfSchedules, splitDaily, type FixedStep } from '../../src/engine/classes/fixedSchedule.ts';
import { priorAndBreak, type PriorAndBreak } from '../../src/engine/classes/prior.ts';
import { D } from '../../src/engine/decimal.ts';
import { PlanNotes } from '../../src/engine/notes.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { checkedDate, mg, mgDiazepam, mgEach, mme, type IsoDate, type Mg, type MgDiazepam } from '../../src/engine/units.ts';
import type { RestartRequest } from '../../src/engine/types.ts';

const strengths = ['25', '100'].map((amount) => ({ amount, scored: false }));
const start = checkedDate('2026-01-01');
// Lamotrigine-like label titration: 25 mg daily for 14 days, then + 25 mg/day every 7 days, up to 100 mg daily.
const lamotrigine = {
  startDate: start,
  stages: [{ days: 14, daily: mg(new D(25)), timesPerDay: 1, rule: 'start' }],
  phases: [{ daily: mg(new D(25)), intervalDays: 7, timesPerDay: 1, rule: 'rise' }],
  target: mgEach([new D(100)]),
  targetRule: 'target',
  strengths,
};

describe('label schedules carry their unit and their dates', () => {
  it('a branded fixed schedule is the same schedule as an unbranded one (compile-time only)', () => {
    const branded = buildFixedSchedule(lamotrigine);
    const plain = buildFixedSchedule({
      ...lamotrigine,
      startDate: '2026-01-01',
      stages: [{ ...lamotrigine.stages[0]!, daily: new D(25) }],
      phases: [{ ...lamotrigine.phases[0]!, daily: new D(25) }],
      target: [new D(100)],
    });
    expect(branded).toEqual(plain);
    expect(branded.map((s) => [s.start, s.daily.toFixed()])).toEqual([
      ['2026-01-01', '25'],
      ['2026-01-15', '50'],
      ['2026-01-22', '75'],
      ['2026-01-29', '100'],
    ]);
    expectTypeOf(branded).toEqualTypeOf<readonly FixedStep<Mg, IsoDate>[]>();
    expectTypeOf(branded[0]!.daily).toEqualTypeOf<Mg>();
    expectTypeOf(branded[0]!.start).toEqualTypeOf<IsoDate>();
    expectTypeOf(ceilingOn(branded, '2026-01-20')).toEqualTypeOf<Mg>();
    expect(ceilingOn(branded, '2026-01-20').toFixed()).toBe('50');
    expectTypeOf(splitDaily(mg(new D(75)), 2, strengths)).toEqualTypeOf<Mg[] | null>();
    const lower = lowerOfSchedules(branded, branded, () => 1, strengths, () => 'lower');
    expectTypeOf(lower).toEqualTypeOf<FixedStep<Mg, IsoDate>[]>();
  });

  it('the prior regimen of the antidepressant and labelled planners is mg', () => {
    const validated = validateRequest({ drug: 'sertraline', formulation: 'tablet', prior: { dose: '50', unit: 'mg', timesPerDay: 2 }, priorDurationDays: 90, lastDoseDate: '2026-11-01', restartDate: '2026-11-28' });
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    const request: RestartRequest = validated.request;
    const prior = priorAndBreak(new PlanNotes(), request, 'sertraline', findFormulation(findDrug('sertraline')!, 'tablet')!);
    expect([prior.dose.toFixed(), prior.priorDaily.toFixed(), prior.priorRegimen.map(String)]).toEqual(['50', '100', ['50', '50']]);
    expectTypeOf(prior.priorDaily).toEqualTypeOf<Mg>();
    expectTypeOf(prior.priorRegimen).toEqualTypeOf<Mg[]>();
  });

  it('mixing units or unchecked dates in a label schedule does not compile', () => {
    const equivalent = mgDiazepam(new D(10));
    // @ts-expect-error a stage in mg diazepam beside a target in mg: one schedule, one unit
    buildFixedSchedule({ ...lamotrigine, stages: [{ days: 14, daily: equivalent, timesPerDay: 1, rule: 'start' }] });
    // @ts-expect-error a phase's upTo is in the schedule's unit, not MME
    buildFixedSchedule({ ...lamotrigine, phases: [{ daily: mg(new D(25)), upTo: mme(new D(100)), intervalDays: 7, timesPerDay: 1, rule: 'rise' }] });
    // @ts-expect-error a plain string start date gives string-dated steps, not IsoDate ones
    const stringDated: readonly FixedStep<Mg, IsoDate>[] = buildFixedSchedule({ ...lamotrigine, startDate: '2026-01-01' });
    // @ts-expect-error the steps of an mg schedule are not mg diazepam
    const asDe: readonly FixedStep<MgDiazepam, IsoDate>[] = buildFixedSchedule(lamotrigine);
    // @ts-expect-error splitting mg gives mg
    const split: MgDiazepam[] | null = splitDaily(mg(new D(75)), 2, strengths);
    // @ts-expect-error the ceiling of an mg schedule on a date is mg
    const ceiling: MgDiazepam = ceilingOn(buildFixedSchedule(lamotrigine), '2026-01-20');
    const plainSteps = buildFixedSchedule({ ...lamotrigine, startDate: '2026-01-01' });
    // @ts-expect-error the lower of two schedules needs both on the same kind of date
    lowerOfSchedules(buildFixedSchedule(lamotrigine), plainSteps, () => 1, strengths, () => 'lower');
    // @ts-expect-error the prior daily dose is mg of the drug, never a diazepam equivalent
    const priorDe: MgDiazepam = ({} as PriorAndBreak).priorDaily;
    expect([stringDated, asDe, split, ceiling, priorDe].length).toBe(5);
  });
});
