/**
 * Pharmacist check: compares a proposed schedule with the engine's conservative ceiling for the
 * same restart request (`planRestart`). Pure; errors as data.
 *
 * Input: the restart request's fields plus `proposed`, a list of
 * `{ start, dose: { amount, unit }, timesPerDay, administrations?, drug?, formulation?, everyOtherDay?, checkpoint? }`
 * (`administrations`: one amount per administration for an uneven day, e.g. ["10", "5", "5"])
 * (or `{ request: {...}, proposed: [...] }`). Each proposed step runs from its start to the day
 * before the next proposed step; the last one is open-ended (maintenance).
 *
 * For every calendar day a proposed step covers, the ceiling is the plan step in force that day.
 * Doses are compared in the product's own unit when the proposed and ceiling steps are the same
 * drug in the same unit, otherwise in the class equivalent (MME). Every-other-day steps are compared
 * on their average per day (half the dosing-day amount). Exactly at a ceiling is within.
 *
 * Finding codes (stable; every finding makes the verdict `exceeds`):
 * - `ABOVE_CEILING`: the daily dose is above the ceiling step in force on some day the step covers.
 * - `ABOVE_DOSE_CEILING`: one administration is above the ceiling's largest single dose (same product).
 * - `ABOVE_PRIOR_DOSE`: the daily dose is above the prior daily dose (never exceed the prior dose).
 * - `RESTRICTED_AFTER_TOLERANCE_LOSS`: a product or strength restricted to opioid-tolerant patients
 *   (e.g. a fentanyl patch, OxyContin above 40 mg a dose) when the plan's tolerance is not `retained`
 *   or the patient was not tolerant before the break.
 * - `RISES_TOO_FAST`: an increase sooner than the plan's own shortest interval before a rise, or larger than
 *   the allowed rise (the plan's own largest rise, the protocol's class fraction where larger, or the smallest
 *   rise the strengths can make).
 * - `SKIPS_CHECKPOINT`: crosses a checkpoint the plan itself crosses (opioids: 50 MME/day) while the plan is
 *   still below it, or on/after the plan's checkpoint date without `checkpoint: true` (a reassessment).
 * - `STARTS_BEFORE_RESTART_DATE`: a step starts before the restart date (no ceiling before it).
 * - `PLAN_REFUSED`: the planner refused the request; every step is a finding (never "within"). When the refusal
 *   offers a plan on an alternative product (`refusal.alternativePlan`, e.g. the immediate-release opioid offered for
 *   a product restricted to opioid-tolerant patients), the proposal is judged against that plan instead (the result
 *   carries `refusal`): a proposal that follows it can be "within"; a step on the refused product that is not within
 *   the alternative plan is a `PLAN_REFUSED` finding (besides `RESTRICTED_AFTER_TOLERANCE_LOSS` where it applies).
 *
 * One rule set: every limit is read off the ceiling plan the planner made for the same request (its steps,
 * dates, daily ceilings, checkpoints and rises), never re-derived from class tables, so the engine's own
 * plan proposed back is always within (tests/check/planner-agreement.test.ts).
 *
 * Validation error codes for proposed steps (paths `proposed.N.…`), kebab-case like `validateRequest`'s (the
 * old upper-case names are mapped in src/export/README.md): `required`, `not-a-list`, `empty`, `invalid-date`,
 * `out-of-range`, `not-in-order`, `not-a-number`, `not-positive`, `not-the-largest`, `unit-mismatch`,
 * `not-a-real-strength`, `implausible-dose`, `times-per-day-out-of-range`, `unknown-drug`,
 * `unknown-formulation`, `not-comparable`, `not-a-boolean`; and the input limits `too-long`, `too-many`,
 * `too-deep`, `too-large` (validate.ts). Request errors keep the codes and paths of `validateRequest`
 * (prefixed `request.` when the nested form is used). All are returned at once.
 */
import type { Decimal } from 'decimal.js';
import { addCalendarDays, calendarDaysBetween, EARLIEST_DATE, isDateInRange, LATEST_DATE, parseCalendarDate } from './dates.ts';
import { D, decimalString, ZERO } from './decimal.ts';
import { formatDose } from './format.ts';
import { findDrug } from './registry.ts';
import { planRestart } from './plan.ts';
import { checkpointThreshold, titrationLimits } from './checkLimits.ts';
import { productFacts, smallestPracticalRise, toleranceRestriction, type ProductFacts } from './products.ts';
import { makeExactly } from './strengths.ts';
import type { Amount, FieldError, PlanRefusal, PlanStep, RestartPlan } from './types.ts';
import { inputShapeErrors, isRecord, parseAmount, precisionProblem, quotedValue, shownDose, shownValue } from './validate.ts';

export const CHECK_CODES = [
  'STARTS_BEFORE_RESTART_DATE',
  'RESTRICTED_AFTER_TOLERANCE_LOSS',
  'ABOVE_CEILING',
  'ABOVE_DOSE_CEILING',
  'ABOVE_PRIOR_DOSE',
  'RISES_TOO_FAST',
  'SKIPS_CHECKPOINT',
  'PLAN_REFUSED',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** One proposed step as the caller sends it. */
export interface ProposedStepInput {
  readonly start: string;
  /** `amount` is the dose per administration (the largest, on an uneven day; may be left out then). */
  readonly dose: { readonly amount?: string | number; readonly unit: string };
  /** Needed unless `administrations` is given, or the product is a patch (1). */
  readonly timesPerDay?: number;
  /** Uneven days: each administration's amount, e.g. ["10", "5", "5"]. */
  readonly administrations?: readonly (string | number)[];
  /** Another product than the request's (e.g. restarting on a patch). */
  readonly drug?: string;
  readonly formulation?: string;
  readonly everyOtherDay?: boolean;
  /** The prescriber plans a reassessment before this step (needed to cross a checkpoint). */
  readonly checkpoint?: boolean;
}

export interface CheckFinding {
  /** Index of the proposed step (0-based). */
  readonly step: number;
  /** Start of the proposed step. */
  readonly start: string;
  readonly code: CheckCode;
  /** What the step gives per day, in the compared unit (product unit, or MME across products). */
  readonly proposedDaily: Amount;
  /** The limit it is compared with, in the same unit (0 before the restart date). */
  readonly ceilingDaily: Amount;
  /** proposedDaily − ceilingDaily when positive, else 0. */
  readonly excess: Amount;
  /** Excess as a percentage of the ceiling, one decimal place, rounded up; null when the ceiling is 0. */
  readonly excessPercent: string | null;
  readonly message: string;
  /** The rule broken, in words, with its source where there is one. */
  readonly rule?: string;
  /** First and last day the step is above (ABOVE_CEILING, ABOVE_DOSE_CEILING); no `exceedsUntil` = open-ended. */
  readonly exceedsFrom?: string;
  readonly exceedsUntil?: string;
  /** Field path of the proposed step, e.g. `proposed.2`. */
  readonly path: string;
}

export interface CheckedStep {
  readonly index: number;
  readonly start: string;
  readonly end?: string;
  readonly drug: string;
  readonly formulation: string;
  readonly dose: Amount;
  readonly timesPerDay: number;
  /** Each administration of a dosing day, largest first. */
  readonly administrations: readonly string[];
  readonly everyOtherDay?: boolean;
  readonly dailyDose: Amount;
  readonly dailyEquivalent?: Amount;
  /** Start of the plan step in force on the proposed step's first day on or after the restart date. */
  readonly ceilingStepStart?: string;
  readonly status: 'within' | 'exceeds';
  readonly codes: readonly CheckCode[];
}

export interface CheckResult {
  readonly verdict: 'within' | 'exceeds';
  readonly findings: readonly CheckFinding[];
  /** Every proposed step with its status (extension). */
  readonly steps: readonly CheckedStep[];
  /** The conservative ceiling plan the proposal was compared with. */
  readonly plan: RestartPlan;
  /** The planner's refusal, when the proposal was judged against its alternative plan (`plan` is then `refusal.alternativePlan`). */
  readonly refusal?: PlanRefusal;
}

export type CheckOutcome =
  | { readonly ok: true; readonly result: CheckResult }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly refusal?: undefined }
  /**
   * The planner refused (a labelled contraindication): no ceiling, so every proposed step is a PLAN_REFUSED
   * finding and the verdict is "exceeds", never "within". `errors` holds the planner's `plan-refused` error.
   */
  | {
      readonly ok: false;
      readonly errors: readonly FieldError[];
      readonly refusal: PlanRefusal;
      readonly verdict: 'exceeds';
      readonly findings: readonly CheckFinding[];
    };

interface Proposed {
  readonly index: number;
  readonly start: string;
  /** Last day, inclusive; undefined = open-ended. */
  readonly end?: string;
  readonly facts: ProductFacts;
  /** Largest administration. */
  readonly dose: Decimal;
  /** Every administration of a dosing day, largest first. */
  readonly amounts: readonly Decimal[];
  readonly timesPerDay: number;
  readonly everyOtherDay: boolean;
  readonly checkpoint: boolean;
  /** Dose on a dosing day. */
  readonly dosingDay: Decimal;
  /** Average per day (half the dosing-day amount every other day). */
  readonly perDay: Decimal;
}

function amount(value: Decimal, unit: string): Amount {
  return { amount: decimalString(value), unit };
}

/** (proposed − ceiling) / ceiling × 100, one decimal place, rounded up so it never understates. */
export function excessPercent(proposed: Decimal, ceiling: Decimal): string | null {
  if (ceiling.lte(0)) return null;
  const excess = D.max(ZERO, proposed.sub(ceiling));
  return excess.div(ceiling).mul(100).toDecimalPlaces(1, D.ROUND_CEIL).toFixed(1);
}

/** The excess for a sentence: as excessPercent, without a trailing ".0" (ISMP: no trailing zeros). */
function percentText(proposed: Decimal, ceiling: Decimal): string | null {
  return excessPercent(proposed, ceiling)?.replace(/\.0$/, '') ?? null;
}

/** Splits the input into the request part and the proposed list. */
function splitInput(input: unknown): { request: unknown; proposed: unknown; prefix: string } | null {
  if (!isRecord(input)) return null;
  if (isRecord(input.request)) return { request: input.request, proposed: input.proposed, prefix: 'request.' };
  const { proposed, ...request } = input;
  return { request, proposed, prefix: '' };
}

function readProposed(
  value: unknown,
  defaults: { drug?: string; formulation?: string },
  fail: (path: string, code: string, message: string) => void,
): Proposed[] | null {
  if (value === undefined) {
    fail('proposed', 'required', 'Enter the proposed schedule: a list of steps with start date, dose and times per day.');
    return null;
  }
  if (!Array.isArray(value)) {
    fail('proposed', 'not-a-list', 'The proposed schedule must be a list of steps.');
    return null;
  }
  if (value.length === 0) {
    fail('proposed', 'empty', 'The proposed schedule has no steps.');
    return null;
  }
  const defaultFacts = defaults.drug && defaults.formulation ? productFacts(defaults.drug, defaults.formulation) : null;
  const steps: (Proposed | null)[] = [];
  let ok = true;
  let previousStart: string | null = null;
  value.forEach((raw: unknown, index: number) => {
    const path = `proposed.${index}`;
    const bad = (suffix: string, code: string, message: string) => {
      ok = false;
      fail(`${path}${suffix}`, code, message);
    };
    if (!isRecord(raw)) {
      bad('', 'required', `Step ${index + 1} must be an object with start, dose and timesPerDay.`);
      steps.push(null);
      return;
    }
    // Date.
    let start: string | null = null;
    if (raw.start === undefined || raw.start === '') bad('.start', 'required', `Enter the start date of step ${index + 1}.`);
    else if (typeof raw.start !== 'string' || parseCalendarDate(raw.start) === null)
      bad('.start', 'invalid-date', `The start of step ${index + 1} is not a real calendar date (use YYYY-MM-DD).`);
    else if (!isDateInRange(raw.start))
      bad('.start', 'out-of-range', `The start of step ${index + 1} (${raw.start}) must be from ${EARLIEST_DATE} to ${LATEST_DATE}. Check the year.`);
    else {
      start = raw.start;
      if (previousStart !== null && start <= previousStart)
        bad('.start', 'not-in-order', `Step ${index + 1} must start after step ${index} (${previousStart}).`);
      previousStart = start;
    }
    // Product.
    let facts: ProductFacts | null = defaultFacts;
    const drugId = raw.drug === undefined ? defaults.drug : typeof raw.drug === 'string' ? raw.drug.trim().toLowerCase() : null;
    if (raw.drug !== undefined || raw.formulation !== undefined) {
      facts = null;
      if (drugId === null || drugId === undefined) {
        if (raw.drug !== undefined) bad('.drug', 'unknown-drug', `${quotedValue(raw.drug)} is not a drug Retitrate knows.`);
      } else {
        const drugFacts = productFacts(drugId, drugDefaultFormulation(drugId) ?? '');
        if (!drugFacts) bad('.drug', 'unknown-drug', `${quotedValue(raw.drug ?? drugId)} is not a drug Retitrate knows.`);
        else {
          const formulationId =
            raw.formulation === undefined
              ? drugId === defaults.drug && defaults.formulation
                ? defaults.formulation
                : drugFacts.drug.defaultFormulation
              : typeof raw.formulation === 'string'
                ? raw.formulation.trim().toLowerCase()
                : '';
          facts = productFacts(drugId, formulationId);
          if (!facts) {
            const forms = drugFacts.drug.formulations.map((f) => f.id).join(', ');
            bad('.formulation', 'unknown-formulation', `${drugFacts.displayName} has no ${quotedValue(raw.formulation)} form here. Known forms: ${forms}.`);
          }
        }
      }
    }
    if (facts && defaultFacts && facts.drug.id !== defaultFacts.drug.id && !(facts.equivalent && defaultFacts.equivalent && facts.equivalent.unit === defaultFacts.equivalent.unit)) {
      bad('.drug', 'not-comparable', `${facts.displayName} cannot be compared with ${defaultFacts.displayName}: they share no dose equivalent.`);
      facts = null;
    }
    // Uneven days: one amount per administration (optional; then timesPerDay and dose.amount may be omitted).
    let amounts: Decimal[] | null = null;
    const unevenGiven = raw.administrations !== undefined;
    if (unevenGiven) {
      if (!Array.isArray(raw.administrations) || raw.administrations.length === 0) {
        bad('.administrations', 'not-a-list', 'Administrations must be a list of amounts, one per administration of the day.');
      } else {
        const parsedList = raw.administrations.map((value: unknown, k: number) => {
          const parsed = parseAmount(value);
          if (parsed === null) bad(`.administrations.${k}`, 'not-a-number', 'Each administration must be a number, e.g. 10 or 2.5.');
          else if (parsed.lte(0)) bad(`.administrations.${k}`, 'not-positive', 'Each administration must be more than zero.');
          return parsed !== null && parsed.gt(0) ? parsed : null;
        });
        if (parsedList.every((a): a is Decimal => a !== null)) amounts = parsedList;
      }
    }
    // Times per day.
    const isPatch = facts?.formulation.unitForm === 'patch';
    let timesPerDay: number | null = null;
    const listLength = unevenGiven && Array.isArray(raw.administrations) && raw.administrations.length > 0 ? raw.administrations.length : undefined;
    const givenTimes = raw.timesPerDay ?? listLength;
    if (givenTimes === undefined && unevenGiven) {
      // The administrations list is already reported.
    } else if (givenTimes === undefined && isPatch) timesPerDay = 1;
    else if (givenTimes === undefined) bad('.timesPerDay', 'required', `Enter how many times a day step ${index + 1} is given.`);
    else if (typeof givenTimes !== 'number' || !Number.isInteger(givenTimes) || givenTimes < 1)
      bad('.timesPerDay', 'times-per-day-out-of-range', 'Times per day must be a whole number of at least 1.');
    else if (isPatch && givenTimes !== 1)
      bad('.timesPerDay', 'times-per-day-out-of-range', 'A patch is worn continuously: give its rate in mcg/h and times per day 1.');
    else if (facts && givenTimes > facts.formulation.maxTimesPerDay.value)
      bad('.timesPerDay', 'times-per-day-out-of-range', `${facts.displayName} ${facts.formulation.name} is not given more than ${facts.formulation.maxTimesPerDay.value} times a day.`);
    else if (listLength !== undefined && givenTimes !== listLength)
      bad('.timesPerDay', 'times-per-day-out-of-range', `Times per day (${givenTimes}) does not match the ${listLength} administrations listed.`);
    else timesPerDay = givenTimes;
    // Dose.
    let dose: Decimal | null = null;
    if (!isRecord(raw.dose)) bad('.dose', 'required', `Enter the dose of step ${index + 1} as { amount, unit }.`);
    else {
      const parsed = raw.dose.amount === undefined || raw.dose.amount === '' ? undefined : parseAmount(raw.dose.amount);
      // A loop, not D.max(...amounts): spreading a long list overflows the call stack.
      const largest = amounts ? amounts.reduce((a, b) => (b.gt(a) ? b : a)) : null;
      if (parsed === undefined && unevenGiven) dose = largest;
      else if (parsed === undefined) bad('.dose.amount', 'required', `Enter the dose per administration of step ${index + 1}.`);
      else if (parsed === null) bad('.dose.amount', 'not-a-number', 'The dose must be a number, e.g. 10 or 2.5.');
      else if (parsed.lte(0)) bad('.dose.amount', 'not-positive', 'The dose must be more than zero.');
      else if (largest && !parsed.eq(largest))
        bad('.dose.amount', 'not-the-largest', 'With administrations listed, the dose must be the largest of them (or be left out).');
      else dose = parsed;
      if (facts) {
        const unit = facts.formulation.unit;
        if (raw.dose.unit === undefined || raw.dose.unit === null || raw.dose.unit === '') {
          bad('.dose.unit', 'required', `Enter the unit of the dose (${unit} for this ${facts.formulation.name}).`);
          dose = null;
        } else if (raw.dose.unit !== unit) {
          bad('.dose.unit', 'unit-mismatch', `${facts.displayName} ${facts.formulation.name}s are dosed in ${unit}, not ${shownValue(raw.dose.unit)}.`);
          dose = null;
        }
        const each = dose ? (amounts ?? [dose]).map((amount, k) => ({ amount, path: amounts ? `.administrations.${k}` : '.dose' })) : [];
        for (const { amount, path: where } of each) {
          if (amount.gt(facts.formulation.maxSingleDose.value)) {
            bad(where, 'implausible-dose', `${shownDose(amount, unit)} per dose is above any real ${facts.displayName} regimen. Check the dose.`);
            dose = null;
          } else if (precisionProblem(amount, unit)) {
            bad(where, 'not-a-real-strength', precisionProblem(amount, unit)!);
            dose = null;
          } else if (!makeExactly(amount, facts.formulation.strengths)) {
            const strengths = facts.formulation.strengths.map((s) => formatDose({ amount: s.amount, unit })).join(', ');
            bad(
              where,
              'not-a-real-strength',
              `${shownDose(amount, unit)} cannot be made from the ${facts.formulation.name}s on the market (${strengths}${facts.formulation.strengths.some((s) => s.scored) ? '; scored tablets may be halved' : ''}).`,
            );
            dose = null;
          }
        }
      }
    }
    const flags: Record<string, boolean> = {};
    for (const flag of ['everyOtherDay', 'checkpoint'] as const) {
      if (raw[flag] === undefined) flags[flag] = false;
      else if (typeof raw[flag] === 'boolean') flags[flag] = raw[flag];
      else bad(`.${flag}`, 'not-a-boolean', 'Answer yes or no (true or false).');
    }
    // Each of these is null only after an error was reported (ok = false), and then the list is dropped below.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent (see the line above)
    if (start && facts && dose && timesPerDay !== null && (!unevenGiven || amounts)) {
      const list = amounts ? [...amounts].sort((a, b) => b.cmp(a)) : Array.from({ length: timesPerDay }, () => dose);
      const dosingDay = list.reduce((total, amount) => total.add(amount), ZERO);
      steps.push({
        index,
        start,
        facts,
        dose,
        amounts: list,
        timesPerDay,
        everyOtherDay: flags.everyOtherDay ?? false,
        checkpoint: flags.checkpoint ?? false,
        dosingDay,
        perDay: flags.everyOtherDay ? dosingDay.div(2) : dosingDay,
      });
    } else steps.push(null);
  });
  // A null step always comes with a reported error (ok = false): the second test only narrows the type.
  // Stryker disable next-line MethodExpression,ArrowFunction: equivalent (see the line above)
  if (!ok || steps.some((s) => s === null)) return null;
  return (steps as Proposed[]).map((step, i, all) => {
    const next = all[i + 1];
    return next ? { ...step, end: addCalendarDays(next.start, -1) } : step;
  });
}

function drugDefaultFormulation(drugId: string): string | undefined {
  return findDrug(drugId)?.defaultFormulation;
}

/** Per-day amount of a plan step (average per day for every-other-day steps). */
function planPerDay(step: PlanStep): Decimal {
  const daily = new D(step.dailyDose.amount);
  return step.everyOtherDay ? daily.div(2) : daily;
}

function planEquivalentPerDay(step: PlanStep): Amount | null {
  if (!step.dailyEquivalent) return null;
  const value = new D(step.dailyEquivalent.amount);
  return amount(step.everyOtherDay ? value.div(2) : value, step.dailyEquivalent.unit);
}

/** The proposed and ceiling per-day amounts in one unit, or null when they cannot be compared. */
function compare(proposed: Proposed, step: PlanStep): { proposed: Decimal; ceiling: Decimal; unit: string } | null {
  if (proposed.facts.drug.id === step.drug && proposed.facts.formulation.unit === step.dailyDose.unit) {
    return { proposed: proposed.perDay, ceiling: planPerDay(step), unit: step.dailyDose.unit };
  }
  const equivalent = planEquivalentPerDay(step);
  if (!equivalent || !proposed.facts.equivalent || proposed.facts.equivalent.unit !== equivalent.unit) return null;
  return { proposed: proposed.perDay.mul(proposed.facts.equivalent.factor), ceiling: new D(equivalent.amount), unit: equivalent.unit };
}

function equivalentOf(proposed: Proposed): Amount | undefined {
  return proposed.facts.equivalent ? amount(proposed.perDay.mul(proposed.facts.equivalent.factor), proposed.facts.equivalent.unit) : undefined;
}

/** Plan steps in force on some day of [from, to] (to undefined = open-ended). */
function overlapping(plan: RestartPlan, from: string, to: string | undefined): PlanStep[] {
  return plan.steps.filter((step) => (to === undefined || step.start <= to) && (step.end === undefined || step.end >= from));
}

function describeDaily(value: Decimal, unit: string, everyOtherDay: boolean): string {
  return `${formatDose({ amount: value, unit })}${unit === 'MME' ? '/day' : ' daily'}${everyOtherDay ? ' (average per day)' : ''}`;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** Checks a proposed schedule against the conservative ceiling for the same request. */
export function checkSchedule(input: unknown): CheckOutcome {
  const split = splitInput(input);
  if (!split) return { ok: false, errors: [{ path: '', code: 'not-an-object', message: 'The check input must be a JSON object.' }] };
  // Limits first (text length, list length, depth): nothing below reads hostile input.
  const shape = inputShapeErrors(input);
  if (shape.length) return { ok: false, errors: shape };
  const planned = planRestart(split.request);
  const errors: FieldError[] = planned.ok ? [] : planned.errors.map((e) => ({ ...e, path: `${split.prefix}${e.path}` }));
  const raw = isRecord(split.request) ? split.request : {};
  const defaults = planned.ok
    ? { drug: planned.plan.drug, formulation: planned.plan.formulation }
    : planned.refusal
      ? { drug: planned.refusal.drug, formulation: planned.refusal.formulation }
      : defaultProduct(raw);
  const proposedErrors: FieldError[] = [];
  const proposed = readProposed(split.proposed, defaults, (path, code, message) => proposedErrors.push({ path, code, message }));
  const alternativePlan = !planned.ok ? planned.refusal?.alternativePlan : undefined;
  if (!planned.ok && planned.refusal && alternativePlan && proposed && proposedErrors.length === 0) {
    // The refusal offers a plan on another product: judge the proposal against it (amendment A6).
    const notComparable = comparability(alternativePlan, proposed);
    if (notComparable.length) return { ok: false, errors: notComparable };
    return { ok: true, result: { ...compareWithPlan(alternativePlan, proposed, planned.refusal), refusal: planned.refusal } };
  }
  if (!planned.ok && planned.refusal && proposed && proposedErrors.length === 0) {
    return { ok: false, errors, refusal: planned.refusal, verdict: 'exceeds', findings: proposed.map((step) => refusedFinding(planned.refusal, step)) };
  }
  errors.push(...proposedErrors);
  if (planned.ok && proposed) errors.push(...comparability(planned.plan, proposed));
  if (!planned.ok || !proposed || errors.length) return { ok: false, errors };
  return { ok: true, result: compareWithPlan(planned.plan, proposed) };
}

/**
 * Checks a proposed schedule (the `proposed` list alone) against a plan the caller already has
 * (e.g. the UI's current plan). Proposed steps default to the plan's drug and formulation.
 */
export function checkAgainstPlan(plan: RestartPlan, proposedInput: unknown): CheckOutcome {
  const shape = inputShapeErrors(proposedInput, 'proposed');
  if (shape.length) return { ok: false, errors: shape };
  const errors: FieldError[] = [];
  const proposed = readProposed(proposedInput, { drug: plan.drug, formulation: plan.formulation }, (path, code, message) => errors.push({ path, code, message }));
  if (proposed) errors.push(...comparability(plan, proposed));
  if (!proposed || errors.length) return { ok: false, errors };
  return { ok: true, result: compareWithPlan(plan, proposed) };
}

/** A proposed step that cannot be put in the same unit as a plan step it overlaps is an input error, never a silent pass. */
function comparability(plan: RestartPlan, proposed: readonly Proposed[]): FieldError[] {
  const restart = plan.steps[0]!.start;
  const errors: FieldError[] = [];
  for (const step of proposed) {
    // A step wholly before the restart date overlaps no plan step (every plan step starts on or after it).
    const blocked = overlapping(plan, later(step.start, restart), step.end).find((ceiling) => compare(step, ceiling) === null);
    if (blocked) {
      errors.push({
        path: `proposed.${step.index}.drug`,
        code: 'not-comparable',
        message: `${step.facts.displayName} ${step.facts.formulation.name} cannot be compared with the plan step from ${blocked.start} (${blocked.drug} ${blocked.formulation}): they share no dose equivalent.`,
      });
    }
  }
  return errors;
}

/** Any step of a proposal for a refused plan: there is no ceiling to be within. */
function refusedFinding(refusal: PlanRefusal, step: Proposed): CheckFinding {
  const unit = step.facts.formulation.unit;
  return {
    step: step.index,
    start: step.start,
    code: 'PLAN_REFUSED',
    proposedDaily: amount(step.perDay, unit),
    ceilingDaily: amount(ZERO, unit),
    excess: amount(step.perDay, unit),
    excessPercent: null,
    message: `Step ${step.index + 1}: Retitrate gives no plan for this request (${refusal.code}), so no dose is within a ceiling. ${refusal.message}`,
    rule: `No plan: ${refusal.code} [${refusal.reasonSources.join(', ')}]`,
    path: `proposed.${step.index}`,
  };
}

function defaultProduct(raw: Record<string, unknown>): { drug?: string; formulation?: string } {
  if (typeof raw.drug !== 'string') return {};
  const drug = raw.drug.trim().toLowerCase();
  const formulation = typeof raw.formulation === 'string' ? raw.formulation.trim().toLowerCase() : drugDefaultFormulation(drug);
  return formulation && productFacts(drug, formulation) ? { drug, formulation } : {};
}

function compareWithPlan(plan: RestartPlan, proposed: readonly Proposed[], refusal?: PlanRefusal): CheckResult {
  const findings: CheckFinding[] = [];
  const restart = plan.steps[0]!.start;
  const planFacts = productFacts(plan.drug, plan.formulation);
  const add = (step: Proposed, code: CheckCode, proposedDaily: Decimal, ceilingDaily: Decimal, unit: string, message: string, extra: Partial<CheckFinding> = {}) =>
    findings.push({
      step: step.index,
      start: step.start,
      code,
      proposedDaily: amount(proposedDaily, unit),
      ceilingDaily: amount(ceilingDaily, unit),
      excess: amount(D.max(ZERO, proposedDaily.sub(ceilingDaily)), unit),
      excessPercent: excessPercent(proposedDaily, ceilingDaily),
      message,
      ...extra,
      path: `proposed.${step.index}`,
    });

  // Tolerance: restricted products need retained tolerance in a patient tolerant before the break.
  const toleranceOk = plan.tolerance.status === 'retained' && plan.tolerance.priorTolerant !== false;
  const planUsesOwnProduct = plan.steps.some((s) => s.drug === plan.drug && s.formulation === plan.formulation);
  // The checkpoints the plan itself crosses, and its rise rule (read off its own steps).
  const checkpoints = planCheckpoints(plan, planFacts ? checkpointThreshold(planFacts) : null);
  const limitsByProduct = new Map<ProductFacts, RiseLimits | null>();
  const limitsFor = (facts: ProductFacts) => {
    if (!limitsByProduct.has(facts)) limitsByProduct.set(facts, riseLimits(plan, facts));
    return limitsByProduct.get(facts)!;
  };

  proposed.forEach((step, index) => {
    const unit = step.facts.formulation.unit;
    const previous = proposed[index - 1];

    // STARTS_BEFORE_RESTART_DATE.
    if (step.start < restart) {
      add(step, 'STARTS_BEFORE_RESTART_DATE', step.perDay, ZERO, unit, `Step ${index + 1} starts on ${step.start}, before the restart date ${restart}: the plan gives no dose before it.`, {
        rule: 'The schedule starts on the restart date.',
      });
    }

    // Within the plan itself: at or below every plan step in force, same product, no larger single dose. Rules the
    // planner has already applied to its own steps (tolerance restrictions, the prior dose) then cannot fire.
    const stepFrom = later(step.start, restart);
    const stepInForce = overlapping(plan, stepFrom, step.end);
    const withinPlan =
      stepInForce.length > 0 &&
      stepInForce.every((c) => {
        const compared = compare(step, c);
        return compared !== null && !compared.proposed.gt(compared.ceiling);
      }) &&
      stepInForce.some((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && !step.dose.gt(c.dose.amount));

    // RESTRICTED_AFTER_TOLERANCE_LOSS.
    if (!toleranceOk && plan.drugClass === 'opioid' && !withinPlan) {
      const restriction = toleranceRestriction(step.facts, step.amounts);
      const avoidedByPlan =
        !planUsesOwnProduct && step.facts.drug.id === plan.drug && step.facts.formulation.id === plan.formulation
          ? { rule: 'The plan does not restart this product after the break (it restarts on another product).', source: 'plan' }
          : null;
      const found = restriction ?? avoidedByPlan;
      if (found) {
        const ceilingStep = overlapping(plan, later(step.start, restart), step.end)[0];
        const compared = ceilingStep ? compare(step, ceilingStep) : null;
        const why = plan.tolerance.priorTolerant === false ? 'the patient was not opioid-tolerant before the break' : `tolerance is ${plan.tolerance.status} after the break`;
        add(
          step,
          'RESTRICTED_AFTER_TOLERANCE_LOSS',
          compared?.proposed ?? step.perDay,
          compared?.ceiling ?? ZERO,
          compared?.unit ?? unit,
          `Step ${index + 1} uses ${step.facts.displayName} ${step.facts.formulation.name} ${formatDose({ amount: step.dose, unit })}, which is only for opioid-tolerant patients, but ${why}.`,
          { rule: `${found.rule} [${found.source}]` },
        );
      }
    }

    // ABOVE_CEILING and ABOVE_DOSE_CEILING over every plan step in force during the proposed step (none when the
    // step ends before the restart date: every plan step starts on or after it).
    const from = later(step.start, restart);
    const inForce = overlapping(plan, from, step.end);
    const above = inForce
      .map((ceiling) => ({ ceiling, compared: compare(step, ceiling) }))
      .filter((c) => c.compared && c.compared.proposed.gt(c.compared.ceiling));
    if (above.length) {
      const worst = above[0]!;
      const compared = worst.compared!;
      const exceedsFrom = later(worst.ceiling.start, from);
      const last = above[above.length - 1]!.ceiling;
      const until = last.end === undefined ? step.end : step.end === undefined ? last.end : last.end < step.end ? last.end : step.end;
      const ceilingIndex = plan.steps.indexOf(worst.ceiling);
      add(
        step,
        'ABOVE_CEILING',
        compared.proposed,
        compared.ceiling,
        compared.unit,
        `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, step ${index + 1} gives ${describeDaily(compared.proposed, compared.unit, step.everyOtherDay)}, above the ceiling of ${describeDaily(compared.ceiling, compared.unit, Boolean(worst.ceiling.everyOtherDay))} (plan step ${ceilingIndex + 1}) by ${formatDose({ amount: compared.proposed.sub(compared.ceiling), unit: compared.unit })} (${percentText(compared.proposed, compared.ceiling)}%).`,
        { rule: `Plan step ${ceilingIndex + 1} from ${worst.ceiling.start}: ${worst.ceiling.rule}`, exceedsFrom, ...(until ? { exceedsUntil: until } : {}) },
      );
    }
    const sameProduct = inForce.filter((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && c.dose.unit === unit);
    const doseAbove = sameProduct.filter((c) => step.dose.gt(c.dose.amount));
    if (doseAbove.length) {
      const worst = doseAbove[0]!;
      const last = doseAbove[doseAbove.length - 1]!;
      const exceedsFrom = later(worst.start, from);
      const until = last.end === undefined ? step.end : step.end === undefined ? last.end : last.end < step.end ? last.end : step.end;
      const ceilingDose = new D(worst.dose.amount);
      add(
        step,
        'ABOVE_DOSE_CEILING',
        step.dose,
        ceilingDose,
        unit,
        `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, one administration of step ${index + 1} (${formatDose({ amount: step.dose, unit })}) is above the largest single dose of the ceiling (${formatDose(worst.dose)}, plan step ${plan.steps.indexOf(worst) + 1}) by ${percentText(step.dose, ceilingDose)}%. (Amounts here are per administration, not per day.)`,
        { rule: `Plan step ${plan.steps.indexOf(worst) + 1} from ${worst.start}: at most ${formatDose(worst.dose)} per administration.`, exceedsFrom, ...(until ? { exceedsUntil: until } : {}) },
      );
    }

    // ABOVE_PRIOR_DOSE.
    const prior = priorCompare(plan, step);
    if (prior && prior.proposed.gt(prior.ceiling) && !withinPlan) {
      add(
        step,
        'ABOVE_PRIOR_DOSE',
        prior.proposed,
        prior.ceiling,
        prior.unit,
        `Step ${index + 1} gives ${describeDaily(prior.proposed, prior.unit, step.everyOtherDay)}, above the prior daily dose of ${describeDaily(prior.ceiling, prior.unit, false)} by ${percentText(prior.proposed, prior.ceiling)}%.`,
        { rule: 'Never exceed the prior dose after a break (house rule 1).' },
      );
    }

    // RISES_TOO_FAST.
    if (previous) {
      const rise = riseCheck(limitsFor(step.facts), previous, step);
      if (rise) add(step, 'RISES_TOO_FAST', rise.proposed, rise.allowed, rise.unit, rise.message, { rule: rise.rule });
    }

    // SKIPS_CHECKPOINT.
    {
      const skip = checkpointCheck(plan, checkpoints, proposed, index, restart);
      if (skip) add(step, 'SKIPS_CHECKPOINT', skip.proposed, skip.threshold, skip.unit, skip.message, { rule: skip.rule });
    }

    // PLAN_REFUSED: judged against a refusal's alternative plan, a step on the refused product outside that plan.
    if (refusal && step.facts.drug.id === refusal.drug && step.facts.formulation.id === refusal.formulation && !withinPlan) {
      const finding = refusedFinding(refusal, step);
      findings.push({ ...finding, message: `${finding.message} The plan offered instead restarts on ${plan.steps[0]!.displayName} ${plan.steps[0]!.formulationName} (refusal.alternativePlan).` });
    }
  });

  // Findings are already in step order and, within a step, in CHECK_CODES order (the rules above run in that order).
  const steps: CheckedStep[] = proposed.map((step) => {
    const codes = findings.filter((f) => f.step === step.index).map((f) => f.code);
    const ceiling = overlapping(plan, later(step.start, restart), step.end)[0];
    const equivalent = equivalentOf(step);
    return {
      index: step.index,
      start: step.start,
      ...(step.end ? { end: step.end } : {}),
      drug: step.facts.drug.id,
      formulation: step.facts.formulation.id,
      dose: amount(step.dose, step.facts.formulation.unit),
      timesPerDay: step.timesPerDay,
      administrations: step.amounts.map(decimalString),
      ...(step.everyOtherDay ? { everyOtherDay: true } : {}),
      dailyDose: amount(step.dosingDay, step.facts.formulation.unit),
      ...(equivalent ? { dailyEquivalent: amount(new D(equivalent.amount).mul(step.everyOtherDay ? 2 : 1), equivalent.unit) } : {}),
      ...(ceiling ? { ceilingStepStart: ceiling.start } : {}),
      status: codes.length ? 'exceeds' : 'within',
      codes,
    };
  });
  return { verdict: findings.length ? 'exceeds' : 'within', findings, steps, plan };
}

function priorCompare(plan: RestartPlan, step: Proposed): { proposed: Decimal; ceiling: Decimal; unit: string } | null {
  if (step.facts.drug.id === plan.drug && step.facts.formulation.unit === plan.prior.dailyDose.unit) {
    return { proposed: step.perDay, ceiling: new D(plan.prior.dailyDose.amount), unit: plan.prior.dailyDose.unit };
  }
  const equivalent = plan.prior.dailyEquivalent;
  if (!equivalent || !step.facts.equivalent || step.facts.equivalent.unit !== equivalent.unit) return null;
  return { proposed: step.perDay.mul(step.facts.equivalent.factor), ceiling: new D(equivalent.amount), unit: equivalent.unit };
}

/** Per-day amounts of two proposed steps in one unit (product unit for the same product, else the equivalent). */
function pairCompare(a: Proposed, b: Proposed): { a: Decimal; b: Decimal; unit: string; sameProduct: boolean } | null {
  if (a.facts.drug.id === b.facts.drug.id && a.facts.formulation.unit === b.facts.formulation.unit) {
    return { a: a.perDay, b: b.perDay, unit: b.facts.formulation.unit, sameProduct: a.facts.formulation.id === b.facts.formulation.id };
  }
  if (!a.facts.equivalent || !b.facts.equivalent || a.facts.equivalent.unit !== b.facts.equivalent.unit) return null;
  return { a: a.perDay.mul(a.facts.equivalent.factor), b: b.perDay.mul(b.facts.equivalent.factor), unit: b.facts.equivalent.unit, sameProduct: false };
}

/** A plan step read as a proposed step, so the plan's own rises are measured exactly as a proposal's are. */
function planStepAsProposed(step: PlanStep, index: number): Proposed | null {
  const facts = productFacts(step.drug, step.formulation);
  if (!facts) return null;
  const amounts = step.administrations.length
    ? step.administrations.map((a) => new D(a)).sort((a, b) => b.cmp(a))
    : Array.from({ length: step.timesPerDay }, () => new D(step.dose.amount));
  const dosingDay = new D(step.dailyDose.amount);
  return {
    index,
    start: step.start,
    ...(step.end ? { end: step.end } : {}),
    facts,
    dose: new D(step.dose.amount),
    amounts,
    timesPerDay: step.timesPerDay,
    everyOtherDay: Boolean(step.everyOtherDay),
    checkpoint: step.checkpoint,
    dosingDay,
    perDay: step.everyOtherDay ? dosingDay.div(2) : dosingDay,
  };
}

interface RiseLimits {
  /** Largest rise per step as a fraction of the per-day dose (beyond the smallest rise the strengths can make). */
  readonly maxRiseFraction: Decimal;
  /** Fewest days between two increases; null = no interval rule. */
  readonly minIntervalDays: number | null;
  readonly basis: string;
}

/** The smallest rise the strengths can make from `previous` (same product only), per day. */
function pieceAllowance(previous: Proposed, step: Proposed, sameProduct: boolean): Decimal {
  const rise = sameProduct ? smallestPracticalRise(step.facts, previous.amounts) : ZERO;
  return previous.everyOtherDay && step.everyOtherDay ? rise.div(2) : rise;
}

/**
 * The rise rule, read off the ceiling plan itself: its largest rise between consecutive steps (beyond the
 * smallest rise the strengths can make) and its shortest interval before a rise, measured exactly as a
 * proposal's rises are. The plan is the one rule set: whatever the class planner did (methadone for OUD,
 * a buprenorphine induction), its own schedule is within. The protocol's class fraction (opioids and
 * benzodiazepines: 25 %), where there is one, is allowed too; its interval applies only when the plan
 * has no rise to read one from.
 */
function riseLimits(plan: RestartPlan, facts: ProductFacts): RiseLimits | null {
  const protocol = titrationLimits(facts);
  const steps = plan.steps.map(planStepAsProposed);
  let minInterval: number | null = null;
  let maxRise: Decimal | null = null;
  let intervalStep = 0;
  let riseStep = 0;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1];
    const b = steps[i];
    if (!a || !b) continue;
    const pair = pairCompare(a, b);
    if (!pair || !pair.b.gt(pair.a)) continue;
    const days = calendarDaysBetween(a.start, b.start);
    if (minInterval === null || days < minInterval) [minInterval, intervalStep] = [days, i];
    // A change of drug says nothing about the fraction (its rise is an equivalence, not a titration).
    if (a.facts.drug.id !== b.facts.drug.id) continue;
    const fraction = pair.a.gt(0) && pair.b.gt(pair.a.add(pieceAllowance(a, b, pair.sameProduct))) ? pair.b.div(pair.a).sub(1) : ZERO;
    if (maxRise === null || fraction.gt(maxRise)) [maxRise, riseStep] = [fraction, i];
  }
  const cite = (i: number) => `plan step ${i + 1} from ${plan.steps[i]!.start}: ${plan.steps[i]!.rule}`;
  let intervalBasis = `the plan's shortest interval before a rise (${cite(intervalStep)})`;
  if (minInterval === null) {
    // No rise to read a rule from: the protocol's limits (they cannot contradict a plan that never rises), else
    // the plan's shortest interval between any two steps, else (a one-step plan) no rule.
    if (protocol) return { maxRiseFraction: protocol.maxRiseFraction, minIntervalDays: protocol.minIntervalDays, basis: protocol.basis };
    for (let i = 1; i < plan.steps.length; i++) {
      const days = calendarDaysBetween(plan.steps[i - 1]!.start, plan.steps[i]!.start);
      if (minInterval === null || days < minInterval) [minInterval, intervalStep] = [days, i];
    }
    if (minInterval === null) return null;
    intervalBasis = `the plan's shortest interval between steps (${cite(intervalStep)})`;
  }
  const fromPlan = maxRise ?? ZERO;
  if (protocol && protocol.maxRiseFraction.gte(fromPlan)) {
    return { maxRiseFraction: protocol.maxRiseFraction, minIntervalDays: minInterval, basis: `${protocol.basis.split('; ')[0]}; ${intervalBasis}` };
  }
  const riseBasis = fromPlan.gt(0)
    ? `the plan's largest rise beyond the smallest practical rise (${cite(riseStep)})`
    : 'the plan rises by no more than the smallest practical rise';
  return { maxRiseFraction: fromPlan, minIntervalDays: minInterval, basis: `${riseBasis}; ${intervalBasis}` };
}

function riseCheck(
  limits: RiseLimits | null,
  previous: Proposed,
  step: Proposed,
): { proposed: Decimal; allowed: Decimal; unit: string; message: string; rule: string } | null {
  const pair = pairCompare(previous, step);
  if (!pair || !pair.b.gt(pair.a) || !limits) return null;
  const days = calendarDaysBetween(previous.start, step.start);
  const byFraction = pair.a.mul(limits.maxRiseFraction.add(1));
  // The smallest rise the strengths can make from the previous regimen (as the scheduler makes it).
  const byPiece = pair.a.add(pieceAllowance(previous, step, pair.sameProduct));
  // Doses have at most a few decimal places: rounding to 10 removes division noise (e.g. 7 × 8.5/7).
  const allowed = D.max(byFraction, byPiece).toDecimalPlaces(10, D.ROUND_HALF_UP);
  const interval = limits.minIntervalDays === null ? '' : `, no sooner than every ${limits.minIntervalDays} days`;
  const rule = `Rise at most ${limits.maxRiseFraction.mul(100).toDecimalPlaces(1, D.ROUND_DOWN).toFixed()}% of the daily dose (or the smallest rise the strengths can make)${interval} [${limits.basis}]`;
  if (limits.minIntervalDays !== null && days < limits.minIntervalDays) {
    return {
      proposed: pair.b,
      allowed: pair.a,
      unit: pair.unit,
      message: `Step ${step.index + 1} raises the dose ${days} day${days === 1 ? '' : 's'} after step ${previous.index + 1}; increases need at least ${limits.minIntervalDays} days.`,
      rule,
    };
  }
  if (pair.b.gt(allowed)) {
    // Shown to 3 decimal places, rounded down: the limit is never overstated.
    const shown = allowed.toDecimalPlaces(3, D.ROUND_DOWN);
    return {
      proposed: pair.b,
      allowed: shown,
      unit: pair.unit,
      message: `Step ${step.index + 1} rises from ${describeDaily(pair.a, pair.unit, false)} to ${describeDaily(pair.b, pair.unit, false)}: above the allowed ${describeDaily(shown, pair.unit, false)} by ${percentText(pair.b, shown)}%.`,
      rule,
    };
  }
  return null;
}

interface Checkpoint {
  readonly step: PlanStep;
  readonly level: Decimal;
  readonly unit: string;
  readonly basis: string;
}

/**
 * The checkpoints the plan itself crosses: a checkpoint step (not the first) whose level the step before it is
 * below. The level is the protocol threshold (opioids: 50 MME/day) when the plan crosses it there, else the
 * checkpoint step's own per-day amount. A plan that starts above a threshold crosses nothing, so a proposal
 * that does the same skips no checkpoint.
 */
function planCheckpoints(plan: RestartPlan, threshold: { amount: Decimal; unit: string; basis: string } | null): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  plan.steps.forEach((step, i) => {
    if (i === 0 || !step.checkpoint) return;
    const previous = plan.steps[i - 1]!;
    const value = (s: PlanStep, unit: string): Decimal | null => {
      const equivalent = planEquivalentPerDay(s);
      if (equivalent && equivalent.unit === unit) return new D(equivalent.amount);
      return s.dailyDose.unit === unit && s.drug === step.drug ? planPerDay(s) : null;
    };
    if (threshold) {
      const now = value(step, threshold.unit);
      const before = value(previous, threshold.unit);
      if (now !== null && before !== null && before.lt(threshold.amount) && now.gte(threshold.amount)) {
        checkpoints.push({ step, level: threshold.amount, unit: threshold.unit, basis: threshold.basis });
      }
      // A class with a protocol threshold guards only that threshold.
      return;
    }
    const equivalent = planEquivalentPerDay(step);
    const own = equivalent ? { level: new D(equivalent.amount), unit: equivalent.unit } : { level: planPerDay(step), unit: step.dailyDose.unit };
    const before = value(previous, own.unit);
    if (before === null || before.lt(own.level)) checkpoints.push({ step, ...own, basis: 'the plan checkpoint step' });
  });
  return checkpoints;
}

function checkpointCheck(
  plan: RestartPlan,
  checkpoints: readonly Checkpoint[],
  proposed: readonly Proposed[],
  index: number,
  restart: string,
): { proposed: Decimal; threshold: Decimal; unit: string; message: string; rule: string } | null {
  const step = proposed[index]!;
  const previous = proposed[index - 1];
  for (const checkpoint of checkpoints) {
    const valueOf = (p: Proposed): Decimal | null => {
      if (checkpoint.unit === p.facts.formulation.unit && p.facts.drug.id === checkpoint.step.drug) return p.perDay;
      if (p.facts.equivalent && p.facts.equivalent.unit === checkpoint.unit) return p.perDay.mul(p.facts.equivalent.factor);
      return null;
    };
    const now = valueOf(step);
    if (now === null || now.lt(checkpoint.level)) continue;
    const before = previous ? valueOf(previous) : ZERO;
    if (before !== null && before.gte(checkpoint.level)) continue;
    // Early: the plan in force that day is still below the level (the plan crosses it later).
    const inForce = overlapping(plan, later(step.start, restart), step.start)[0];
    const planLevel = inForce ? planValue(inForce, checkpoint) : null;
    const early = step.start < checkpoint.step.start && (planLevel === null || planLevel.lt(checkpoint.level));
    // Reassessed: this step, or a step since the plan's checkpoint date, is marked checkpoint: true.
    const reassessed = proposed.slice(0, index + 1).some((p) => p.checkpoint && p.start >= checkpoint.step.start);
    if (!early && (step.start < checkpoint.step.start || reassessed)) continue;
    const reason = early
      ? `before the plan's checkpoint on ${checkpoint.step.start}`
      : 'without a reassessment (mark the step with checkpoint: true once benefits and risks are reassessed)';
    return {
      proposed: now,
      threshold: checkpoint.level,
      unit: checkpoint.unit,
      message: `Step ${step.index + 1} reaches ${describeDaily(now, checkpoint.unit, step.everyOtherDay)}, at or above the checkpoint of ${describeDaily(checkpoint.level, checkpoint.unit, false)}, ${reason}.`,
      rule: `${checkpoint.step.checkpointReason ?? 'Plan checkpoint'} [${checkpoint.basis}]`,
    };
  }
  return null;
}

/** A plan step's per-day amount in a checkpoint's unit, or null when it has none. */
function planValue(step: PlanStep, checkpoint: Checkpoint): Decimal | null {
  const equivalent = planEquivalentPerDay(step);
  if (equivalent && equivalent.unit === checkpoint.unit) return new D(equivalent.amount);
  return step.dailyDose.unit === checkpoint.unit && step.drug === checkpoint.step.drug ? planPerDay(step) : null;
}

/** Human summary of a check result in one line (for logs and the CLI). */
export function summarizeCheck(result: CheckResult): string {
  if (result.verdict === 'within') return `Within the ceiling: ${result.steps.length} step(s) checked.`;
  return `Exceeds: ${result.findings.length} finding(s) — ${[...new Set(result.findings.map((f) => f.code))].join(', ')}.`;
}
