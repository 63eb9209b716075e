/**
 * Fixed-schedule step builder for label titration tables: opening stages (e.g. lamotrigine 25 mg every
 * other day for 2 weeks, then 25 mg daily for 2 weeks) followed by phases of fixed daily rises at a
 * minimum interval (e.g. + 25 mg/day every 14 days), up to the target regimen (the prior dose, capped).
 *
 * Every step is a ceiling: the cumulative label schedule gives a daily cap for each date, and the step is
 * the largest regimen the real strengths make at or below that cap (rounded down). Steps whose rounded
 * dose does not rise are dropped (the next cap still accumulates), so daily doses never fall.
 *
 * Units in the types (units.ts), as in schedule.ts: `A` is the type of every amount of one schedule (`Mg` for the
 * antidepressant and labelled planners; a bare Decimal by default) and `Day` the type of its dates (`IsoDate`, or a
 * plain string). Stages, phases, target, caps and the steps built are all `A`; the overloads below say so, the
 * bodies are unit-blind.
 */
import type { Decimal } from 'decimal.js';
import type { Strength } from '../../protocols/types.ts';
import type { IsoDate } from '../units.ts';
import { addCalendarDays } from '../dates.ts';
import { D, ZERO } from '../decimal.ts';
import { sum } from '../regimen.ts';
import type { ScheduledStep } from '../schedule.ts';
import { doseCells, makeExactly, type MadeDose } from '../strengths.ts';

export interface FixedStage<A extends Decimal = Decimal> {
  readonly days: number;
  readonly daily: A;
  readonly timesPerDay: number;
  readonly everyOtherDay?: boolean;
  readonly rule: string;
}

export interface FixedPhase<A extends Decimal = Decimal> {
  readonly daily: A;
  readonly intervalDays: number;
  /** Phase ends when the cap reaches this daily dose. */
  readonly upTo?: A;
  readonly timesPerDay: number;
  readonly rule: string;
}

export interface FixedScheduleInput<A extends Decimal = Decimal, Day extends string = string> {
  readonly startDate: Day;
  readonly stages: readonly FixedStage<A>[];
  readonly phases: readonly FixedPhase<A>[];
  /** The maintenance regimen to reach, one amount per administration; each makeable. */
  readonly target: readonly A[];
  readonly targetRule: string;
  readonly strengths: readonly Strength[];
}

export interface FixedStep<A extends Decimal = Decimal, Day extends string = string> extends ScheduledStep<A, Day> {
  readonly everyOtherDay: boolean;
}


function made(amount: Decimal, strengths: readonly Strength[]): MadeDose {
  const result = makeExactly(amount, strengths);
  if (!result) throw new Error(`programmer error: ${amount.toFixed()} cannot be made from the strengths`);
  return result;
}

/**
 * The largest regimen of at most `times` administrations whose daily total is at most `cap`, made of real
 * strengths: an even split rounded down, then the lowest administration raised one level at a time while the
 * cap allows. Null when not even the smallest unit fits.
 */
export function splitDaily<A extends Decimal>(cap: A, times: number, strengths: readonly Strength[]): A[] | null;
export function splitDaily(cap: Decimal, times: number, strengths: readonly Strength[]): Decimal[] | null {
  // Counted in exact lattice cells (whole multiples of the smallest dispensable increment).
  const cells = doseCells(strengths, cap);
  const capCells = cells.cellAtOrBelow(cap);
  for (let count = Math.max(1, times); count >= 1; count--) {
    const per = cells.floor(Math.floor(capCells / count));
    if (per <= 0) continue;
    const amounts = Array.from({ length: count }, () => per);
    let total = per * count;
    for (;;) {
      let lowest = 0;
      for (let i = 1; i < amounts.length; i++) if (amounts[i]! < amounts[lowest]!) lowest = i;
      const level = cells.next(amounts[lowest]!, capCells - total + amounts[lowest]!);
      if (level === -1) break;
      total += level - amounts[lowest]!;
      amounts[lowest] = level;
    }
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: the leftmost lowest rises one level at a time, so the amounts are already largest first; the sort only guards that order
    return amounts.sort((a, b) => b - a).map((cell) => cells.amountOf(cell));
  }
  return null;
}

export function buildFixedSchedule<A extends Decimal>(input: FixedScheduleInput<A, IsoDate>): readonly FixedStep<A, IsoDate>[];
export function buildFixedSchedule<A extends Decimal>(input: FixedScheduleInput<A, string>): readonly FixedStep<A, string>[];
export function buildFixedSchedule(input: FixedScheduleInput): readonly FixedStep[] {
  const { strengths } = input;
  const target = [...input.target].sort((a, b) => b.cmp(a));
  const targetDaily = sum(target);
  const steps: FixedStep[] = [];
  let date = input.startDate;
  let done = false;

  const emit = (amounts: readonly Decimal[], rule: string, everyOtherDay: boolean, allowed?: Decimal): void => {
    const daily = sum(amounts);
    const last = steps[steps.length - 1];
    if (last) {
      const rises = daily.gt(last.daily) || (daily.eq(last.daily) && last.everyOtherDay && !everyOtherDay);
      if (!rises) return;
    }
    steps.push({
      start: date,
      administrations: amounts.map((a) => made(a, strengths)),
      daily,
      rule,
      everyOtherDay,
      ...(allowed ? { allowedDaily: allowed } : {}),
    });
  };

  const place = (cap: Decimal, times: number, rule: string, everyOtherDay: boolean): void => {
    if (everyOtherDay) {
      // Every other day is below any daily regimen of the same amount: never the maintenance step.
      const amounts = splitDaily(D.min(cap, targetDaily), times, strengths);
      if (amounts) emit(amounts, rule, true, cap);
      return;
    }
    if (cap.gte(targetDaily)) {
      emit(target, input.targetRule, false, cap);
      done = true;
      return;
    }
    const amounts = splitDaily(cap, times, strengths);
    if (amounts) emit(amounts, rule, everyOtherDay, cap);
  };

  let cap = ZERO;
  for (const stage of input.stages) {
    if (done) break;
    cap = stage.daily;
    place(cap, stage.timesPerDay, stage.rule, Boolean(stage.everyOtherDay));
    date = addCalendarDays(date, stage.days);
  }
  let previousInterval: number | null = null;
  for (const phase of input.phases) {
    if (done) break;
    const limit = phase.upTo ? D.min(phase.upTo, targetDaily) : targetDaily;
    if (cap.gte(limit)) continue;
    // A later, slower phase waits its own interval after the last rise of the previous phase.
    if (previousInterval !== null && phase.intervalDays > previousInterval) date = addCalendarDays(date, phase.intervalDays - previousInterval);
    let rounds = 0;
    while (!done && cap.lt(limit)) {
      cap = D.min(cap.add(phase.daily), limit);
      place(cap, phase.timesPerDay, phase.rule, false);
      date = addCalendarDays(date, phase.intervalDays);
      if (++rounds > 1000) throw new Error('programmer error: fixed schedule did not converge');
    }
    previousInterval = phase.intervalDays;
  }
  if (!done) {
    // Phases without an open end stop below the target only when upTo is below it: finish at the target.
    emit(target, input.targetRule, false);
  }
  return steps;
}

/** The daily ceiling a schedule allows on `date`: the last step started on or before it (zero before the first). */
export function ceilingOn<A extends Decimal>(steps: readonly FixedStep<A>[], date: string): A;
export function ceilingOn(steps: readonly FixedStep[], date: string): Decimal {
  let daily = ZERO;
  for (const step of steps) if (step.start <= date) daily = step.daily;
  return daily;
}

/**
 * Pointwise the lower of two daily schedules (house rule: where sources disagree take the lower dose and the
 * longer interval). On every date either schedule changes, the ceiling is the lower of the two; it is split
 * into at most `timesOn(date)` administrations of real strengths (rounded down). Steps that do not rise are
 * dropped, so daily doses never fall. Neither input may use every-other-day steps.
 */
export function lowerOfSchedules<A extends Decimal, Day extends string>(
  a: readonly FixedStep<A, Day>[],
  b: readonly FixedStep<NoInfer<A>, NoInfer<Day>>[],
  timesOn: (date: Day) => number,
  strengths: readonly Strength[],
  ruleOn: (date: Day, fromA: boolean) => string,
): FixedStep<A, Day>[];
export function lowerOfSchedules(
  a: readonly FixedStep[],
  b: readonly FixedStep[],
  timesOn: (date: string) => number,
  strengths: readonly Strength[],
  ruleOn: (date: string, fromA: boolean) => string,
): FixedStep[] {
  const dates = [...new Set([...a, ...b].map((s) => s.start))].sort();
  const out: FixedStep[] = [];
  for (const date of dates) {
    const capA = ceilingOn(a, date);
    const capB = ceilingOn(b, date);
    const cap = D.min(capA, capB);
    if (cap.lte(0)) continue;
    const amounts = splitDaily(cap, timesOn(date), strengths);
    if (!amounts) continue;
    const daily = sum(amounts);
    const last = out[out.length - 1];
    if (last && !daily.gt(last.daily)) continue;
    out.push({ start: date, administrations: amounts.map((x) => made(x, strengths)), daily, rule: ruleOn(date, capA.lte(capB)), everyOtherDay: false, allowedDaily: cap });
  }
  return out;
}
