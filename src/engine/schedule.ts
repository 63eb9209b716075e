/**
 * Titration scheduler: from a first step to the target (the prior regimen), dated ceiling steps
 * that each rise by at most a fraction of the current daily dose, no sooner than the minimum interval,
 * every administration made of real strengths (rounded down).
 */
import type Decimal from 'decimal.js';
import type { Strength } from '../protocols/types.ts';
import { addCalendarDays } from './dates.ts';
import { D, ZERO } from './decimal.ts';
import { floorToStrengths, makeExactly, nextAbove, type MadeDose } from './strengths.ts';

export interface TitrationRule {
  /** Largest rise per step as a fraction of the current daily dose (0.25 = 25%). */
  readonly maxRiseFraction: Decimal;
  /** Days between steps: the first entry after the first step, then each later one; the last repeats. */
  readonly intervalsDays: readonly number[];
  /** Where the rise limit and intervals come from, for the derivation. */
  readonly description: string;
  /** Optional absolute cap on each rise of the daily dose (e.g. methadone + 5 mg); absent = no absolute cap. */
  readonly maxRiseAbsolute?: Decimal;
}

export interface ScheduledStep {
  readonly start: string;
  /** Amount of each administration of the day, largest first; zero-amount administrations are dropped. */
  readonly administrations: readonly MadeDose[];
  readonly daily: Decimal;
  /** Why the step is what it is. */
  readonly rule: string;
  /** The daily ceiling the rule allowed before rounding down (absent on the first step). */
  readonly allowedDaily?: Decimal;
}

export interface TitrationInput {
  readonly startDate: string;
  /** First step, one amount per administration (may be fewer administrations than the target). */
  readonly first: readonly Decimal[];
  readonly firstRule: string;
  /** Target regimen, one amount per administration; each must be makeable from the strengths. */
  readonly target: readonly Decimal[];
  readonly rule: TitrationRule;
  readonly strengths: readonly Strength[];
  /** Safety stop: no plan needs more steps than this. */
  readonly maxSteps?: number;
  /**
   * Optional extra limit on a day's administrations (e.g. acetaminophen in a combination product).
   * A step that fails it is never produced; if no admissible rise exists the schedule stops at the
   * last admissible step. Absent = every regimen is admissible.
   */
  readonly admissible?: (amounts: readonly Decimal[]) => boolean;
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.add(value), ZERO);
}

function made(amount: Decimal, strengths: readonly Strength[]): MadeDose {
  const result = makeExactly(amount, strengths);
  if (!result) throw new Error(`programmer error: ${amount.toFixed()} cannot be made from the strengths`);
  return result;
}

function toStep(start: string, amounts: readonly Decimal[], strengths: readonly Strength[], rule: string, allowedDaily?: Decimal): ScheduledStep {
  const nonZero = amounts.filter((a) => a.gt(0)).sort((a, b) => b.cmp(a));
  const step: ScheduledStep = { start, administrations: nonZero.map((a) => made(a, strengths)), daily: sum(nonZero), rule };
  return allowedDaily ? { ...step, allowedDaily } : step;
}

/**
 * The next step's administrations: the largest daily total not above `ceiling`, each administration
 * no lower than now and no higher than its target, kept as even as the strengths allow.
 */
function raiseWithin(
  current: Decimal[],
  target: readonly Decimal[],
  ceiling: Decimal,
  strengths: readonly Strength[],
  admissible: (amounts: readonly Decimal[]) => boolean = () => true,
): Decimal[] {
  const count = target.length;
  const next = [...current];
  // Even split first: the largest makeable amount at or below ceiling / count.
  const even = floorToStrengths(ceiling.div(count), strengths);
  if (even) {
    for (let i = 0; i < count; i++) {
      const candidate = D.min(even.amount, target[i]!);
      if (candidate.gt(next[i]!)) next[i] = candidate;
    }
    // Even split can overshoot when earlier uneven steps left some administrations higher.
    if (sum(next).gt(ceiling) || !admissible(next)) next.splice(0, count, ...current);
  }
  // Then raise the lowest administration one level at a time while the ceiling allows.
  for (;;) {
    const index = lowestRaisable(next, target);
    if (index === -1) break;
    const level = nextAbove(next[index]!, target[index]!, strengths);
    if (!level) break;
    const total = sum(next).sub(next[index]!).add(level.amount);
    if (total.gt(ceiling)) break;
    const previous = next[index]!;
    next[index] = level.amount;
    if (!admissible(next)) {
      next[index] = previous;
      break;
    }
  }
  return next;
}

function lowestRaisable(amounts: readonly Decimal[], target: readonly Decimal[]): number {
  let index = -1;
  for (let i = 0; i < amounts.length; i++) {
    if (amounts[i]!.lt(target[i]!) && (index === -1 || amounts[i]!.lt(amounts[index]!))) index = i;
  }
  return index;
}

/** Builds the dated ceiling steps from the first step up to and including the target. */
export function buildTitration(input: TitrationInput): readonly ScheduledStep[] {
  const { strengths, rule } = input;
  const target = [...input.target].sort((a, b) => b.cmp(a));
  const targetDaily = sum(target);
  const padded = [...input.first].sort((a, b) => b.cmp(a));
  while (padded.length < target.length) padded.push(ZERO);
  if (padded.length > target.length) throw new Error('programmer error: first step has more administrations than the target');

  const steps: ScheduledStep[] = [toStep(input.startDate, padded, strengths, input.firstRule)];
  let current = padded;
  const maxSteps = input.maxSteps ?? 200;
  while (sum(current).lt(targetDaily)) {
    if (steps.length >= maxSteps) throw new Error('programmer error: titration did not converge');
    const currentDaily = sum(current);
    let allowed = D.min(targetDaily, currentDaily.mul(rule.maxRiseFraction.add(1)));
    if (rule.maxRiseAbsolute) allowed = D.min(allowed, currentDaily.add(rule.maxRiseAbsolute));
    let next = raiseWithin(current, target, allowed, strengths, input.admissible);
    let why: string;
    if (sum(next).gt(currentDaily)) {
      why = sum(next).eq(targetDaily) ? 'reaches the prior dose (the target)' : `rise of at most ${rule.maxRiseFraction.mul(100).toFixed()}% of the daily dose, rounded down to real strengths`;
    } else {
      // The strengths cannot make a rise that small: the smallest rise they can make, on one administration.
      next = [...current];
      const index = lowestRaisable(next, target);
      const level = nextAbove(next[index]!, target[index]!, strengths)!;
      next[index] = level.amount;
      why = 'smallest rise the real strengths can make (one unit on one administration)';
      if (input.admissible && !input.admissible(next)) break;
    }
    const interval = rule.intervalsDays[Math.min(steps.length - 1, rule.intervalsDays.length - 1)]!;
    const start = addCalendarDays(steps[steps.length - 1]!.start, interval);
    steps.push(toStep(start, next, strengths, why, allowed));
    current = next;
  }
  return steps;
}
