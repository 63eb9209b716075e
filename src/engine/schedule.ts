/**
 * Titration scheduler: from a first step to the target (the prior regimen), dated ceiling steps
 * that each rise by at most a fraction of the current daily dose, no sooner than the minimum interval,
 * every administration made of real strengths (rounded down).
 *
 * Inside the loop, amounts are counted in whole lattice cells (see `doseCells`): integers, so sums and
 * comparisons are exact; the rise limit is computed in decimal.js and floored to a cell.
 *
 * Units in the types (units.ts): `A` is the type of every amount of one schedule (`Mg` for a tablet plan,
 * `McgPerHour` for a patch; a bare Decimal by default) and `Day` the type of its dates (`IsoDate`, or a plain
 * string for callers that still carry strings). A schedule never mixes units: target, first step, absolute
 * rise limit and the steps built are all `A`.
 */
import type { Decimal } from 'decimal.js';
import type { Strength } from '../protocols/types.ts';
import { addCalendarDays } from './dates.ts';
import { D } from './decimal.ts';
import { doseCells, type DoseCells, type MadeDose } from './strengths.ts';
import type { IsoDate } from './units.ts';

export interface TitrationRule<A extends Decimal = Decimal> {
  /** Largest rise per step as a fraction of the current daily dose (0.25 = 25%). */
  readonly maxRiseFraction: Decimal;
  /** Days between steps: the first entry after the first step, then each later one; the last repeats. */
  readonly intervalsDays: readonly number[];
  /** Where the rise limit and intervals come from, for the derivation. */
  readonly description: string;
  /** Optional absolute cap on each rise of the daily dose (e.g. methadone + 5 mg); absent = no absolute cap. */
  readonly maxRiseAbsolute?: A;
}

export interface ScheduledStep<A extends Decimal = Decimal, Day extends string = string> {
  readonly start: Day;
  /** Amount of each administration of the day, largest first; zero-amount administrations are dropped. */
  readonly administrations: readonly MadeDose<A>[];
  readonly daily: A;
  /** Why the step is what it is. */
  readonly rule: string;
  /** The daily ceiling the rule allowed before rounding down (absent on the first step). */
  readonly allowedDaily?: A;
}

export interface TitrationInput<A extends Decimal = Decimal, Day extends string = string> {
  readonly startDate: Day;
  /** First step, one amount per administration (may be fewer administrations than the target). */
  readonly first: readonly A[];
  readonly firstRule: string;
  /** Target regimen, one amount per administration; each must be makeable from the strengths. */
  readonly target: readonly A[];
  readonly rule: TitrationRule<A>;
  readonly strengths: readonly Strength[];
  /** Safety stop: no plan needs more steps than this. */
  readonly maxSteps?: number;
  /**
   * Optional extra limit on a day's administrations (e.g. acetaminophen in a combination product).
   * A step that fails it is never produced; if no admissible rise exists the schedule stops at the
   * last admissible step. Absent = every regimen is admissible.
   */
  readonly admissible?: (amounts: readonly A[]) => boolean;
  /**
   * Optional schedule this one must never run ahead of (e.g. the combination product a single-ingredient product
   * replaces): no step's daily total is above the pace's daily total on the step's start date; a rise the pace does
   * not yet allow waits a further interval. Once the pace is at its last step and no rise fits, the schedule stops.
   */
  readonly pace?: readonly { readonly start: string; readonly daily: Decimal }[];
}

/** The daily total of the pace in force on a date: the latest pace step started on or before it (0 before the first). */
function paceOn(pace: readonly { readonly start: string; readonly daily: Decimal }[], date: string): { daily: Decimal; last: boolean } {
  let found = { daily: new D(0), last: false };
  pace.forEach((step, index) => {
    if (step.start <= date) found = { daily: step.daily, last: index === pace.length - 1 };
  });
  return found;
}

function total(cells: readonly number[]): number {
  let sum = 0;
  for (const cell of cells) sum += cell;
  return sum;
}

function exactCell(amount: Decimal, cells: DoseCells): number {
  if (amount.isZero()) return 0;
  const cell = cells.cellAtOrBelow(amount);
  if (!cells.amountOf(cell).eq(amount) || cells.floor(cell) !== cell) {
    throw new Error(`programmer error: ${amount.toFixed()} cannot be made from the strengths`);
  }
  return cell;
}

function toStep(start: string, amounts: readonly number[], cells: DoseCells, rule: string, allowedDaily?: Decimal): ScheduledStep {
  const nonZero = amounts.filter((a) => a > 0).sort((a, b) => b - a);
  const step: ScheduledStep = { start, administrations: nonZero.map((a) => cells.made(a)), daily: cells.amountOf(total(nonZero)), rule };
  return allowedDaily ? { ...step, allowedDaily } : step;
}

function lowestRaisable(amounts: readonly number[], target: readonly number[]): number {
  let index = -1;
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i]! < target[i]! && (index === -1 || amounts[i]! < amounts[index]!)) index = i;
  }
  return index;
}

/** The administration whose next makeable level is the smallest rise (ties: the lowest administration). */
function smallestRaise(amounts: readonly number[], target: readonly number[], cells: DoseCells): number {
  let index = -1;
  let rise = Infinity;
  for (let i = 0; i < amounts.length; i++) {
    const level = cells.next(amounts[i]!, target[i]!);
    if (level === -1) continue;
    const candidate = level - amounts[i]!;
    if (candidate < rise || (candidate === rise && amounts[i]! < amounts[index]!)) {
      index = i;
      rise = candidate;
    }
  }
  return index;
}

/**
 * The next step's administrations: the largest daily total not above `ceiling` cells, each administration
 * no lower than now and no higher than its target, kept as even as the strengths allow.
 */
function raiseWithin(
  current: readonly number[],
  target: readonly number[],
  ceiling: number,
  cells: DoseCells,
  admissible: (amounts: readonly number[]) => boolean,
): number[] {
  const next = [...current];
  let sum = total(next);
  // Raise the lowest administration one level at a time while the ceiling allows: this keeps the day as even
  // as the strengths allow (the largest doses come first).
  for (;;) {
    const index = lowestRaisable(next, target);
    if (index === -1) break;
    const level = cells.next(next[index]!, target[index]!);
    if (level === -1) break;
    const raised = sum - next[index]! + level;
    if (raised > ceiling) break;
    const previous = next[index]!;
    next[index] = level;
    if (!admissible(next)) {
      next[index] = previous;
      break;
    }
    sum = raised;
  }
  return next;
}

/**
 * Builds the dated ceiling steps from the first step up to and including the target. IsoDate in, IsoDate steps
 * out; the plain-string form remains for the callers that still pass request dates as strings.
 */
export function buildTitration<A extends Decimal>(input: TitrationInput<A, IsoDate>): readonly ScheduledStep<A, IsoDate>[];
export function buildTitration<A extends Decimal>(input: TitrationInput<A, string>): readonly ScheduledStep<A, string>[];
export function buildTitration(input: TitrationInput): readonly ScheduledStep[] {
  const { rule } = input;
  const largest = [...input.target, ...input.first].reduce((a, b) => D.max(a, b), new D(0));
  const cells = doseCells(input.strengths, largest);
  const target = input.target.map((a) => exactCell(a, cells)).sort((a, b) => b - a);
  const targetDaily = total(target);
  const first = input.first.map((a) => exactCell(a, cells)).sort((a, b) => b - a);
  if (first.length > target.length) throw new Error('programmer error: first step has more administrations than the target');
  while (first.length < target.length) first.push(0);

  const steps: ScheduledStep[] = [toStep(input.startDate, first, cells, input.firstRule)];
  const riseFactor = rule.maxRiseFraction.add(1);
  const maxSteps = input.maxSteps ?? 200;
  const risePercent = rule.maxRiseFraction.mul(100).toFixed();
  const admissible = input.admissible
    ? (amounts: readonly number[]) => input.admissible!(amounts.filter((a) => a > 0).map((a) => cells.amountOf(a)))
    : () => true;
  let current = first;
  let currentDaily = total(current);
  let waits = 0;
  let waited = false;
  let start = input.startDate;
  while (currentDaily < targetDaily) {
    if (steps.length + waits >= maxSteps) throw new Error('programmer error: titration did not converge');
    const interval = rule.intervalsDays[Math.min(steps.length - 1, rule.intervalsDays.length - 1)]!;
    start = addCalendarDays(start, interval);
    let allowed = D.min(cells.amountOf(targetDaily), cells.amountOf(currentDaily).mul(riseFactor));
    let riseRule = `rise of at most ${risePercent}% of the daily dose, rounded down to real strengths`;
    if (rule.maxRiseAbsolute && cells.amountOf(currentDaily).add(rule.maxRiseAbsolute).lt(allowed)) {
      allowed = cells.amountOf(currentDaily).add(rule.maxRiseAbsolute);
      riseRule = `rise of at most ${rule.maxRiseAbsolute.toFixed()} a day (the absolute limit per step), rounded down to real strengths`;
    }
    // The schedule this one replaces holds it back: no rise above that schedule's daily dose on the same date.
    const pace = input.pace ? paceOn(input.pace, start) : null;
    if (pace?.daily.lt(allowed)) {
      allowed = pace.daily;
      riseRule = "rise kept at or below the replaced product's schedule on this date, rounded down to real strengths";
    }
    let next = raiseWithin(current, target, cells.cellAtOrBelow(allowed), cells, admissible);
    let nextDaily = total(next);
    let why: string;
    if (nextDaily > currentDaily) {
      why = nextDaily === targetDaily ? 'reaches the prior dose (the target)' : riseRule;
    } else {
      // The strengths cannot make a rise that small: the smallest rise they can make, on one administration.
      next = [...current];
      const index = smallestRaise(next, target, cells);
      next[index] = cells.next(next[index]!, target[index]!);
      nextDaily = total(next);
      why = 'smallest rise the real strengths can make (one unit on one administration)';
      if (!admissible(next)) break;
      if (pace && cells.amountOf(nextDaily).gt(pace.daily)) {
        // Even the smallest rise would run ahead of the replaced product's schedule: wait for it (or stop, once
        // that schedule has reached its last step).
        if (pace.last) break;
        waits++;
        waited = true;
        continue;
      }
    }
    if (waited) why += "; later than the interval: it waited for the replaced product's schedule";
    waited = false;
    steps.push(toStep(start, next, cells, why, allowed));
    current = next;
    currentDaily = nextDaily;
  }
  return steps;
}
