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
 * Several products (issue 13): a step with the same start as the step before runs beside it on the same days when it
 * names another product or is an as-needed entry (`asNeeded: true`: up to timesPerDay doses, counted at that
 * maximum). When the proposal, the plan (parallel steps, `step.component`) or the prior regimen (`prior.components`)
 * has several products, or a benzodiazepine proposal names another drug, every rule on a daily amount is applied to
 * the day's total (compareByDay, below): in the product's unit when every product is the same drug, else in MME or
 * mg diazepam, with the working in `finding.working` and every step concerned in `finding.steps`. Otherwise the
 * single-product rules below apply unchanged.
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
 * Units in the types (issue 15, units.ts): a step's doses and per-day amounts are `ProductAmount`s (the product's own
 * unit: mg, mcg or mcg/h), equivalents are `ClassEquivalent`s (MME, mg diazepam), a limit travels with the amount it
 * bounds as a `Pair` in one unit, and the only ways from one to the other are the named conversions with their factor
 * (`productMme`, `diazepamEquivalent`). Dates of proposed steps are `IsoDate`s. Which product unit (mg or mcg/h)
 * is a run-time fact (`formulation.unit`) and stays a run-time check.
 *
 * One rule set: every limit is read off the ceiling plan the planner made for the same request (its steps,
 * dates, daily ceilings, checkpoints and rises), never re-derived from class tables, so the engine's own
 * plan proposed back is always within (tests/check/planner-agreement.test.ts).
 *
 * Validation error codes for proposed steps (paths `proposed.N.…`; the structural ones said by proposedSchema in
 * schema/check.ts), kebab-case like `validateRequest`'s (the
 * old upper-case names are mapped in src/export/README.md): `required`, `not-a-list`, `empty`, `invalid-date`,
 * `out-of-range`, `not-in-order`, `not-a-number`, `not-positive`, `not-the-largest`, `unit-mismatch`,
 * `not-a-real-strength`, `implausible-dose`, `times-per-day-out-of-range`, `unknown-drug`,
 * `unknown-formulation`, `not-comparable` (also: another class beside the plan's, or methadone / a partial agonist beside
 * another product), `not-a-boolean`, `unknown-field` (a field a step does not have); and the input limits `too-long`, `too-many`,
 * `too-deep`, `too-large` (validate.ts). Request errors keep the codes and paths of `validateRequest`
 * (prefixed `request.` when the nested form is used). All are returned at once.
 */
import type { Decimal } from 'decimal.js';
import { addCalendarDays, calendarDaysBetween } from './dates.ts';
import { D, decimalString, ZERO } from './decimal.ts';
import { formatAmount, formatDose } from './format.ts';
import { findDrug } from './registry.ts';
import { planRestart } from './plan.ts';
import { checkpointThreshold, titrationLimits, type CheckpointThreshold } from './checkLimits.ts';
import { productFacts, provenanceLabel, smallestPracticalRise, toleranceRestriction, type ProductFacts } from './products.ts';
import { makeExactly } from './strengths.ts';
import type { BenzodiazepineDrug } from '../protocols/benzodiazepines/types.ts';
import type { Provenance } from '../protocols/types.ts';
import type { Amount, EquivalentUnit, FieldError, PlanRefusal, PlanStep, RestartPlan } from './types.ts';
import {
  above as isAbove,
  add as plus,
  atLeast,
  below,
  checkedDate,
  checkedMg,
  classEquivalent,
  diazepamEquivalent,
  excessOver,
  larger,
  productMme,
  per,
  productAmount,
  ratio,
  rounded,
  subtract,
  sum,
  times,
  type ClassEquivalent,
  type ClassEquivalentUnit,
  type IsoDate,
  type ProductAmount,
  type ProductUnit,
  type Quantity,
  type Unbranded,
} from './units.ts';
import { inputShapeErrors, isRecord, parseAmount, precisionProblem, quotedValue, shownDose, shownValue } from './validate.ts';
import { proposedSchema, proposedStepSchema, type CheckInput } from './schema/check.ts';
import { fieldErrors } from './schema/errors.ts';

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
  /**
   * As-needed entry: up to `timesPerDay` doses a day, taken as needed; counted at that maximum toward the day's
   * total (extension).
   */
  readonly asNeeded?: boolean;
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
  /**
   * Every proposed step the finding is about, when several add up on the same days (the day's total; extension).
   * `step` and `path` name the first of them.
   */
  readonly steps?: readonly number[];
  /** The working behind a day's total: each product's amount × factor = equivalent, the sum, the ceiling (extension). */
  readonly working?: readonly string[];
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
  /** An as-needed entry: dailyDose counts every dose (timesPerDay) (extension). */
  readonly asNeeded?: boolean;
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

/**
 * A proposed step as the check reads it. Amounts are in the product's own unit (`facts.formulation.unit`: mg, mcg or
 * mcg/h), typed `ProductAmount` so that none of them can be compared with or added to an equivalent (MME, mg diazepam)
 * without a named conversion (units.ts); dates are checked `IsoDate`s.
 */
interface Proposed {
  readonly index: number;
  readonly start: IsoDate;
  /** Last day, inclusive; undefined = open-ended. */
  readonly end?: IsoDate;
  readonly facts: ProductFacts;
  /** Largest administration. */
  readonly dose: ProductAmount;
  /** Every administration of a dosing day, largest first. */
  readonly amounts: readonly ProductAmount[];
  readonly timesPerDay: number;
  readonly everyOtherDay: boolean;
  readonly checkpoint: boolean;
  /** As-needed entry, counted at its maximum (timesPerDay doses). */
  readonly asNeeded?: boolean;
  /** Dose on a dosing day. */
  readonly dosingDay: ProductAmount;
  /** Average per day (half the dosing-day amount every other day). */
  readonly perDay: ProductAmount;
}

/** Per-day amounts the check compares: in the product's own unit, or in the class equivalent. */
type PerDay = ProductAmount | ClassEquivalent;

/** Two per-day amounts in one unit (both the product's own, or both the class equivalent) and that unit's name. */
interface Pair<U extends string> {
  readonly proposed: Quantity<U>;
  readonly ceiling: Quantity<U>;
  readonly unit: string;
}
type Compared = Pair<ProductUnit> | Pair<ClassEquivalentUnit>;
export type { Pair as CheckPair, PerDay as CheckPerDay };

/** A product amount of zero (the ceiling before the restart date, no rise allowance). */
const NONE: ProductAmount = productAmount(ZERO);

function amount(value: Decimal, unit: string): Amount {
  return { amount: decimalString(value), unit };
}

/**
 * (proposed − ceiling) / ceiling × 100, one decimal place, rounded up so it never understates. Both in one unit:
 * a day's MME against an mg ceiling does not compile (bare decimals, as callers outside the engine pass, still do).
 */
export function excessPercent<U extends string>(proposed: Quantity<U>, ceiling: Quantity<NoInfer<U>>): string | null;
export function excessPercent(proposed: Unbranded, ceiling: Unbranded): string | null;
export function excessPercent(proposed: Decimal, ceiling: Decimal): string | null {
  if (ceiling.lte(0)) return null;
  const excess = D.max(ZERO, proposed.sub(ceiling));
  return excess.div(ceiling).mul(100).toDecimalPlaces(1, D.ROUND_CEIL).toFixed(1);
}

/** The excess for a sentence: as excessPercent, without a trailing ".0" (ISMP: no trailing zeros). */
function percentText<U extends string>(proposed: Quantity<U>, ceiling: Quantity<NoInfer<U>>): string | null {
  return excessPercent(proposed, ceiling)?.replace(/\.0$/, '') ?? null;
}

/** Splits the input into the request part and the proposed list. */
function splitInput(input: unknown): { request: unknown; proposed: unknown; prefix: string } | null {
  if (!isRecord(input)) return null;
  if (isRecord(input.request)) return { request: input.request, proposed: input.proposed, prefix: 'request.' };
  const { proposed, ...request } = input;
  return { request, proposed, prefix: '' };
}

/** A proposed step's fields in the order their errors are reported (the schema's order). */
const STEP_FIELDS = Object.keys(proposedStepSchema.def.shape);

/**
 * The proposed steps, or null after an error. Structure first: the zod schema (proposedSchema) checks each step's
 * types, required fields and ranges and says their errors; the rules below read only the fields it accepted and check
 * the product (its forms, unit, strengths, times a day), the comparability of products and the order of the steps.
 */
function readProposed(
  value: unknown,
  defaults: { drug?: string; formulation?: string },
  fail: (path: string, code: string, message: string) => void,
): Proposed[] | null {
  const parsed = proposedSchema.safeParse(value);
  const structural = parsed.success ? [] : fieldErrors(parsed.error.issues, 'proposed.');
  const listError = structural.find((e) => e.path === 'proposed');
  if (listError) {
    fail(listError.path, listError.code, listError.message);
    return null;
  }
  // A field the schema accepted: no error at it or above it (an unknown field beside it does not count).
  const fine = (path: string) => !structural.some((e) => e.code !== 'unknown-field' && (path === e.path || path.startsWith(`${e.path}.`)));
  const within = (path: string) => !structural.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  const list = value as CheckInput['proposed'];
  const defaultFacts = defaults.drug && defaults.formulation ? productFacts(defaults.drug, defaults.formulation) : null;
  const steps: (Proposed | null)[] = [];
  let ok = structural.length === 0;
  let previousStart: string | null = null;
  // Products (and as-needed flags) of the steps sharing the current start date.
  const groupKeys = new Set<string>();
  const parallelStarts = new Set<string>();
  list.forEach((raw, index) => {
    const path = `proposed.${index}`;
    const stepErrors: FieldError[] = structural.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
    const bad = (suffix: string, code: string, message: string) => {
      ok = false;
      stepErrors.push({ path: `${path}${suffix}`, code, message });
    };
    const report = () => {
      // Field by field in the schema's order, the schema's error before the rules' for the same field.
      const rank = (e: FieldError) => {
        const field = STEP_FIELDS.indexOf(e.path.slice(path.length + 1).split('.')[0] ?? '');
        return field === -1 ? STEP_FIELDS.length : field; // a field the step does not have: last
      };
      stepErrors
        .map((error, i) => ({ error, i, rank: rank(error) }))
        .sort((a, b) => a.rank - b.rank || a.i - b.i)
        .forEach(({ error }) => fail(error.path, error.code, error.message));
    };
    if (!fine(path)) {
      report();
      steps.push(null);
      return;
    }
    // Date (the schema has checked it is a calendar date in range).
    let start: IsoDate | null = null;
    let sameStartAs: string | null = null;
    if (fine(`${path}.start`)) {
      start = checkedDate(raw.start);
      if (previousStart !== null && start < previousStart) bad('.start', 'not-in-order', `Step ${index + 1} must start after step ${index} (${previousStart}).`);
      // The same start as the step before: a parallel step when it names another product or is an as-needed
      // entry (decided once the product is read below), else not in order.
      else if (previousStart !== null && start === previousStart) sameStartAs = previousStart;
      if (previousStart !== start) groupKeys.clear();
      previousStart = start;
    }
    // Product (a drug id that is not text is reported by the schema).
    let facts: ProductFacts | null = defaultFacts;
    if (raw.drug !== undefined || raw.formulation !== undefined) {
      facts = null;
      const drugId = raw.drug === undefined ? defaults.drug : fine(`${path}.drug`) ? raw.drug.trim().toLowerCase() : undefined;
      if (drugId !== undefined) {
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
    if (facts && defaultFacts && facts.drug.id !== defaultFacts.drug.id && (classEquivalentUnit(facts) === null || classEquivalentUnit(facts) !== classEquivalentUnit(defaultFacts))) {
      bad(
        '.drug',
        'not-comparable',
        facts.drug.drugClass !== defaultFacts.drug.drugClass && sameStartAs !== null
          ? `${facts.displayName} is ${classArticle(facts.drug.drugClass)}, not ${classArticle(defaultFacts.drug.drugClass)} like ${defaultFacts.displayName}: every product of a proposal must be of the plan's class (give other medicines in \`concurrent\`).`
          : `${facts.displayName} cannot be compared with ${defaultFacts.displayName}: they share no dose equivalent.`,
      );
      facts = null;
    }
    // Uneven days: one amount per administration (optional; then timesPerDay and dose.amount may be omitted).
    const unevenGiven = raw.administrations !== undefined;
    const amounts: ProductAmount[] | null =
      unevenGiven && within(`${path}.administrations`) ? raw.administrations!.map((a) => productAmount(parseAmount(a)!)) : null;
    // Times per day (a whole number of at least 1, or absent: checked by the schema).
    const isPatch = facts?.formulation.unitForm === 'patch';
    let timesPerDay: number | null = null;
    const listLength = unevenGiven && fine(`${path}.administrations`) ? raw.administrations!.length : undefined;
    const givenTimes = raw.timesPerDay ?? listLength;
    if (!fine(`${path}.timesPerDay`)) {
      // Reported by the schema.
    } else if (givenTimes === undefined && unevenGiven) {
      // The administrations list is already reported.
    } else if (givenTimes === undefined && isPatch) timesPerDay = 1;
    else if (givenTimes === undefined) bad('.timesPerDay', 'required', `Enter how many times a day step ${index + 1} is given.`);
    else if (isPatch && givenTimes !== 1)
      bad('.timesPerDay', 'times-per-day-out-of-range', 'A patch is worn continuously: give its rate in mcg/h and times per day 1.');
    else if (facts && givenTimes > facts.formulation.maxTimesPerDay.value)
      bad('.timesPerDay', 'times-per-day-out-of-range', `${facts.displayName} ${facts.formulation.name} is not given more than ${facts.formulation.maxTimesPerDay.value} times a day.`);
    else if (listLength !== undefined && givenTimes !== listLength)
      bad('.timesPerDay', 'times-per-day-out-of-range', `Times per day (${givenTimes}) does not match the ${listLength} administrations listed.`);
    else timesPerDay = givenTimes;
    // Dose (an object, and its amount a positive number or absent: checked by the schema).
    let dose: ProductAmount | null = null;
    if (fine(`${path}.dose`)) {
      const given = raw.dose.amount === undefined || raw.dose.amount === '' ? undefined : fine(`${path}.dose.amount`) ? parseAmount(raw.dose.amount) : null;
      // A loop, not D.max(...amounts): spreading a long list overflows the call stack.
      const largest = amounts ? amounts.reduce((a, b) => larger(a, b)) : null;
      if (given === undefined && unevenGiven) dose = largest;
      else if (given === undefined) bad('.dose.amount', 'required', `Enter the dose per administration of step ${index + 1}.`);
      else if (given === null) {
        // Reported by the schema.
      } else if (largest && !given.eq(largest))
        bad('.dose.amount', 'not-the-largest', 'With administrations listed, the dose must be the largest of them (or be left out).');
      else dose = productAmount(given);
      if (facts) {
        const unit = facts.formulation.unit;
        const givenUnit: unknown = raw.dose.unit;
        if (givenUnit === undefined || givenUnit === null || givenUnit === '') {
          bad('.dose.unit', 'required', `Enter the unit of the dose (${unit} for this ${facts.formulation.name}).`);
          dose = null;
        } else if (givenUnit !== unit) {
          bad('.dose.unit', 'unit-mismatch', `${facts.displayName} ${facts.formulation.name}s are dosed in ${unit}, not ${shownValue(givenUnit)}.`);
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
    const flags = { everyOtherDay: raw.everyOtherDay ?? false, checkpoint: raw.checkpoint ?? false, asNeeded: raw.asNeeded ?? false };
    if (start !== null && sameStartAs !== null) {
      // A parallel step (same dates as the step before): another product, or an as-needed entry, than every step of
      // the group so far; the same product again is not in order (one product, one step: list uneven days instead).
      const key = facts ? `${facts.drug.id}/${facts.formulation.id}/${flags.asNeeded ? 'prn' : ''}` : null;
      // (An unknown product is already reported: no second error for it.)
      if (key !== null && groupKeys.has(key)) bad('.start', 'not-in-order', `Step ${index + 1} must start after step ${index} (${sameStartAs}).`);
      else if (key !== null) parallelStarts.add(start);
    }
    if (start !== null && facts) groupKeys.add(`${facts.drug.id}/${facts.formulation.id}/${flags.asNeeded ? 'prn' : ''}`);
    report();
    // Each of these is null only after an error was reported (ok = false), and then the list is dropped below.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent (see the line above)
    if (start && facts && dose && timesPerDay !== null && (!unevenGiven || amounts)) {
      const list = amounts ? [...amounts].sort((a, b) => b.cmp(a)) : Array.from({ length: timesPerDay }, () => dose);
      const dosingDay = sum(list, NONE);
      steps.push({
        index,
        start,
        facts,
        dose,
        amounts: list,
        timesPerDay,
        everyOtherDay: flags.everyOtherDay,
        checkpoint: flags.checkpoint,
        ...(flags.asNeeded ? { asNeeded: true } : {}),
        dosingDay,
        perDay: flags.everyOtherDay ? per(dosingDay, 2) : dosingDay,
      });
    } else steps.push(null);
  });
  // Methadone and partial agonists are planned and checked alone, never as one product of several (issue 13).
  steps.forEach((step) => {
    if (step && parallelStarts.has(step.start) && planAlone(step.facts)) {
      ok = false;
      fail(`proposed.${step.index}.drug`, 'not-comparable', `${step.facts.displayName} cannot be one product of several on the same days: plan and check it alone.`);
    }
  });
  // A null step always comes with a reported error (ok = false): the second test only narrows the type.
  // Stryker disable next-line MethodExpression,ArrowFunction: equivalent (see the line above)
  if (!ok || steps.some((s) => s === null)) return null;
  // Each step runs to the day before the next later start (parallel steps share their dates).
  return (steps as Proposed[]).map((step, i, all) => {
    const next = all.slice(i + 1).find((s) => s.start > step.start);
    return next ? { ...step, end: addCalendarDays(next.start, -1) } : step;
  });
}

/** Methadone and partial agonists (buprenorphine): never one product of several in a proposal. */
function planAlone(facts: ProductFacts): boolean {
  return facts.drug.id === 'methadone' || (facts.drug as { agonist?: string }).agonist === 'partial';
}

function classArticle(drugClass: string): string {
  return `${/^[aeiou]/.test(drugClass) ? 'an' : 'a'} ${drugClass.replace('-', ' ')}`;
}

/** The unit a product's daily dose converts to across products of its class (MME, mg diazepam), or null. */
function classEquivalentUnit(facts: ProductFacts): EquivalentUnit | null {
  if (facts.equivalent) return facts.equivalent.unit;
  return facts.drug.drugClass === 'benzodiazepine' && (facts.drug as BenzodiazepineDrug).ashtonEquivalent ? 'mg diazepam' : null;
}

function drugDefaultFormulation(drugId: string): string | undefined {
  return findDrug(drugId)?.defaultFormulation;
}

/** Per-day amount of a plan step, in its product's unit (average per day for every-other-day steps). */
function planPerDay(step: PlanStep): ProductAmount {
  const daily = productAmount(new D(step.dailyDose.amount));
  return step.everyOtherDay ? per(daily, 2) : daily;
}

/** Per-day class equivalent of a plan step (MME, mg diazepam), or null when it has none. */
function planEquivalentPerDay(step: PlanStep): { readonly value: ClassEquivalent; readonly unit: EquivalentUnit } | null {
  if (!step.dailyEquivalent) return null;
  const value = classEquivalent(new D(step.dailyEquivalent.amount));
  return { value: step.everyOtherDay ? per(value, 2) : value, unit: step.dailyEquivalent.unit };
}

/** A proposed step's per-day MME, from its per-day amount and its product's MME factor (the only conversion here). */
function perDayMme(proposed: Proposed, equivalent: NonNullable<ProductFacts['equivalent']>): ClassEquivalent {
  return productMme(proposed.perDay, proposed.facts.formulation.unit, equivalent.factor);
}

/** The proposed and ceiling per-day amounts in one unit, or null when they cannot be compared. */
function compare(proposed: Proposed, step: PlanStep): Compared | null {
  if (proposed.facts.drug.id === step.drug && proposed.facts.formulation.unit === step.dailyDose.unit) {
    const inProductUnit: Pair<ProductUnit> = { proposed: proposed.perDay, ceiling: planPerDay(step), unit: step.dailyDose.unit };
    return inProductUnit;
  }
  const equivalent = planEquivalentPerDay(step);
  if (!equivalent || !proposed.facts.equivalent || proposed.facts.equivalent.unit !== equivalent.unit) return null;
  const inEquivalent: Pair<ClassEquivalentUnit> = { proposed: perDayMme(proposed, proposed.facts.equivalent), ceiling: equivalent.value, unit: equivalent.unit };
  return inEquivalent;
}

/** Whether the proposed per-day amount is above the ceiling (exactly at it is within). */
function exceeds<U extends string>(compared: Pair<U>): boolean {
  return isAbove(compared.proposed, compared.ceiling);
}

/** Plan steps in force on some day of [from, to] (to undefined = open-ended). */
function overlapping(plan: RestartPlan, from: string, to: string | undefined): PlanStep[] {
  return plan.steps.filter((step) => (to === undefined || step.start <= to) && (step.end === undefined || step.end >= from));
}

function describeDaily<U extends string>(value: Quantity<U>, unit: string, everyOtherDay: boolean): string {
  return `${formatDose({ amount: value, unit })}${unit === 'MME' ? '/day' : ' daily'}${everyOtherDay ? ' (average per day)' : ''}`;
}

/** The later of two dates of one kind (both IsoDate, or both plain strings). */
function later<Day extends string>(a: Day, b: Day): Day {
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
  if (needsDayTotals(plan, proposed)) return comparabilityByDay(plan, proposed);
  const restart = checkedDate(plan.steps[0]!.start);
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

/** A plan step's largest single dose, in its product's unit. */
function planDose(step: PlanStep): ProductAmount {
  return productAmount(new D(step.dose.amount));
}

function compareWithPlan(plan: RestartPlan, proposed: readonly Proposed[], refusal?: PlanRefusal): CheckResult {
  if (needsDayTotals(plan, proposed)) return compareByDay(plan, proposed, refusal);
  const findings: CheckFinding[] = [];
  const restart = checkedDate(plan.steps[0]!.start);
  const planFacts = productFacts(plan.drug, plan.formulation);
  // The amount a step gives and the limit it is compared with, in one unit (`Pair`: never MME against mg).
  const add = <U extends string>(step: Proposed, code: CheckCode, { proposed: proposedDaily, ceiling: ceilingDaily, unit }: Pair<U>, message: string, extra: Partial<CheckFinding> = {}) =>
    findings.push({
      step: step.index,
      start: step.start,
      code,
      proposedDaily: amount(proposedDaily, unit),
      ceilingDaily: amount(ceilingDaily, unit),
      excess: amount(excessOver(proposedDaily, ceilingDaily), unit),
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
      add(step, 'STARTS_BEFORE_RESTART_DATE', { proposed: step.perDay, ceiling: NONE, unit }, `Step ${index + 1} starts on ${step.start}, before the restart date ${restart}: the plan gives no dose before it.`, {
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
        return compared !== null && !exceeds(compared);
      }) &&
      stepInForce.some((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && !isAbove(step.dose, planDose(c)));

    // RESTRICTED_AFTER_TOLERANCE_LOSS.
    if (!toleranceOk && plan.drugClass === 'opioid' && !withinPlan) {
      const found = restrictedAfterLoss(step, plan, planUsesOwnProduct);
      if (found) {
        const ceilingStep = overlapping(plan, later(step.start, restart), step.end)[0];
        const compared = ceilingStep ? compare(step, ceilingStep) : null;
        const why = plan.tolerance.priorTolerant === false ? 'the patient was not opioid-tolerant before the break' : `tolerance is ${plan.tolerance.status} after the break`;
        add(
          step,
          'RESTRICTED_AFTER_TOLERANCE_LOSS',
          compared ?? { proposed: step.perDay, ceiling: NONE, unit },
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
      .filter((c) => c.compared && exceeds(c.compared));
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
        compared,
        `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, step ${index + 1} gives ${describeDaily(compared.proposed, compared.unit, step.everyOtherDay)}, above the ceiling of ${describeDaily(compared.ceiling, compared.unit, Boolean(worst.ceiling.everyOtherDay))} (plan step ${ceilingIndex + 1}) by ${formatDose({ amount: subtract(compared.proposed, compared.ceiling), unit: compared.unit })} (${percentText(compared.proposed, compared.ceiling)}%).`,
        { rule: `Plan step ${ceilingIndex + 1} from ${worst.ceiling.start}: ${worst.ceiling.rule}`, exceedsFrom, ...(until ? { exceedsUntil: until } : {}) },
      );
    }
    const sameProduct = inForce.filter((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && c.dose.unit === unit);
    const doseAbove = sameProduct.filter((c) => isAbove(step.dose, planDose(c)));
    if (doseAbove.length) {
      const worst = doseAbove[0]!;
      const last = doseAbove[doseAbove.length - 1]!;
      const exceedsFrom = later<string>(worst.start, from);
      const until = last.end === undefined ? step.end : step.end === undefined ? last.end : last.end < step.end ? last.end : step.end;
      const ceilingDose = planDose(worst);
      add(
        step,
        'ABOVE_DOSE_CEILING',
        { proposed: step.dose, ceiling: ceilingDose, unit },
        `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, one administration of step ${index + 1} (${formatDose({ amount: step.dose, unit })}) is above the largest single dose of the ceiling (${formatDose(worst.dose)}, plan step ${plan.steps.indexOf(worst) + 1}) by ${percentText(step.dose, ceilingDose)}%. (Amounts here are per administration, not per day.)`,
        { rule: `Plan step ${plan.steps.indexOf(worst) + 1} from ${worst.start}: at most ${formatDose(worst.dose)} per administration.`, exceedsFrom, ...(until ? { exceedsUntil: until } : {}) },
      );
    }

    // ABOVE_PRIOR_DOSE.
    const prior = priorCompare(plan, step);
    if (prior && exceeds(prior) && !withinPlan) {
      add(
        step,
        'ABOVE_PRIOR_DOSE',
        prior,
        `Step ${index + 1} gives ${describeDaily(prior.proposed, prior.unit, step.everyOtherDay)}, above the prior daily dose of ${describeDaily(prior.ceiling, prior.unit, false)} by ${percentText(prior.proposed, prior.ceiling)}%.`,
        { rule: 'Never exceed the prior dose after a break (house rule 1).' },
      );
    }

    // RISES_TOO_FAST.
    if (previous) {
      const rise = riseCheck(limitsFor(step.facts), previous, step);
      if (rise) add(step, 'RISES_TOO_FAST', rise.compared, rise.message, { rule: rise.rule });
    }

    // SKIPS_CHECKPOINT.
    {
      const skip = checkpointCheck(plan, checkpoints, proposed, index, restart);
      if (skip) add(step, 'SKIPS_CHECKPOINT', skip.compared, skip.message, { rule: skip.rule });
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
    const equivalent = step.facts.equivalent;
    // The equivalent of a dosing day: the per-day MME, doubled back for an every-other-day step.
    return checkedStep(step, codes, ceiling, equivalent ? amount(times(perDayMme(step, equivalent), step.everyOtherDay ? 2 : 1), equivalent.unit) : undefined);
  });
  return { verdict: findings.length ? 'exceeds' : 'within', findings, steps, plan };
}

/** Why a proposed step's product may not be restarted after tolerance fell: its label restriction, or the plan avoids it. */
function restrictedAfterLoss(step: Proposed, plan: RestartPlan, planUsesOwnProduct: boolean) {
  const avoidedByPlan =
    !planUsesOwnProduct && step.facts.drug.id === plan.drug && step.facts.formulation.id === plan.formulation
      ? { rule: 'The plan does not restart this product after the break (it restarts on another product).', source: 'plan' }
      : null;
  return toleranceRestriction(step.facts, step.amounts) ?? avoidedByPlan;
}

/** A proposed step as the result reports it: its product, doses, daily total and equivalent, and its verdict. */
function checkedStep(step: Proposed, codes: readonly CheckCode[], ceiling: PlanStep | undefined, dailyEquivalent: Amount | undefined): CheckedStep {
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
    ...(step.asNeeded ? { asNeeded: true } : {}),
    dailyDose: amount(step.dosingDay, step.facts.formulation.unit),
    ...(dailyEquivalent ? { dailyEquivalent } : {}),
    ...(ceiling ? { ceilingStepStart: ceiling.start } : {}),
    status: codes.length ? 'exceeds' : 'within',
    codes,
  };
}

/** A step's per-day amount against the prior daily dose, in the product's unit (same drug) or the class equivalent. */
function priorCompare(plan: RestartPlan, step: Proposed): Compared | null {
  if (step.facts.drug.id === plan.drug && step.facts.formulation.unit === plan.prior.dailyDose.unit) {
    const inProductUnit: Pair<ProductUnit> = { proposed: step.perDay, ceiling: productAmount(new D(plan.prior.dailyDose.amount)), unit: plan.prior.dailyDose.unit };
    return inProductUnit;
  }
  const equivalent = plan.prior.dailyEquivalent;
  if (!equivalent || !step.facts.equivalent || step.facts.equivalent.unit !== equivalent.unit) return null;
  const inEquivalent: Pair<ClassEquivalentUnit> = { proposed: perDayMme(step, step.facts.equivalent), ceiling: classEquivalent(new D(equivalent.amount)), unit: equivalent.unit };
  return inEquivalent;
}

/** Per-day amounts of two consecutive steps in one unit, and the smallest rise the strengths can make from the first. */
interface StepPair<U extends string> {
  readonly a: Quantity<U>;
  readonly b: Quantity<U>;
  readonly unit: string;
  /** Same product only (product unit); across products (an equivalent) there is none: zero. */
  readonly allowance: () => Quantity<U>;
}
type Consecutive = StepPair<ProductUnit> | StepPair<ClassEquivalentUnit>;

/** Per-day amounts of two proposed steps in one unit (product unit for the same product, else the equivalent). */
function pairCompare(a: Proposed, b: Proposed): Consecutive | null {
  if (a.facts.drug.id === b.facts.drug.id && a.facts.formulation.unit === b.facts.formulation.unit) {
    const sameProduct = a.facts.formulation.id === b.facts.formulation.id;
    const inProductUnit: StepPair<ProductUnit> = { a: a.perDay, b: b.perDay, unit: b.facts.formulation.unit, allowance: () => pieceAllowance(a, b, sameProduct) };
    return inProductUnit;
  }
  if (!a.facts.equivalent || !b.facts.equivalent || a.facts.equivalent.unit !== b.facts.equivalent.unit) return null;
  const inEquivalent: StepPair<ClassEquivalentUnit> = {
    a: perDayMme(a, a.facts.equivalent),
    b: perDayMme(b, b.facts.equivalent),
    unit: b.facts.equivalent.unit,
    allowance: () => classEquivalent(ZERO),
  };
  return inEquivalent;
}

/** Whether the second step rises beyond the first plus the smallest rise the strengths can make. */
function risesBeyondPiece<U extends string>(pair: StepPair<U>): boolean {
  return isAbove(pair.b, plus(pair.a, pair.allowance()));
}

/** A plan step read as a proposed step, so the plan's own rises are measured exactly as a proposal's are. */
function planStepAsProposed(step: PlanStep, index: number): Proposed | null {
  const facts = productFacts(step.drug, step.formulation);
  if (!facts) return null;
  const amounts = step.administrations.length
    ? step.administrations.map((a) => productAmount(new D(a))).sort((a, b) => b.cmp(a))
    : Array.from({ length: step.timesPerDay }, () => planDose(step));
  const dosingDay = productAmount(new D(step.dailyDose.amount));
  return {
    index,
    start: checkedDate(step.start),
    ...(step.end ? { end: checkedDate(step.end) } : {}),
    facts,
    dose: planDose(step),
    amounts,
    timesPerDay: step.timesPerDay,
    everyOtherDay: Boolean(step.everyOtherDay),
    checkpoint: step.checkpoint,
    dosingDay,
    perDay: step.everyOtherDay ? per(dosingDay, 2) : dosingDay,
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
function pieceAllowance(previous: Proposed, step: Proposed, sameProduct: boolean): ProductAmount {
  const rise = productAmount(sameProduct ? smallestPracticalRise(step.facts, previous.amounts) : ZERO);
  return previous.everyOtherDay && step.everyOtherDay ? per(rise, 2) : rise;
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
    if (!pair || !isAbove(pair.b, pair.a)) continue;
    const days = calendarDaysBetween(a.start, b.start);
    if (minInterval === null || days < minInterval) [minInterval, intervalStep] = [days, i];
    // A change of drug says nothing about the fraction (its rise is an equivalence, not a titration).
    if (a.facts.drug.id !== b.facts.drug.id) continue;
    const fraction = pair.a.gt(0) && risesBeyondPiece(pair) ? ratio(pair.b, pair.a).sub(1) : ZERO;
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

/** A rise the rule does not allow: the new per-day amount against the allowed one (in one unit), in words. */
interface RiseFinding<U extends string> {
  readonly compared: Pair<U>;
  readonly message: string;
  readonly rule: string;
}

function riseCheck(limits: RiseLimits | null, previous: Proposed, step: Proposed): RiseFinding<ProductUnit | ClassEquivalentUnit> | null {
  const pair = pairCompare(previous, step);
  if (!pair || !isAbove(pair.b, pair.a) || !limits) return null;
  return riseCheckIn(pair, limits, previous, step);
}

function riseCheckIn<U extends string>(pair: StepPair<U>, limits: RiseLimits, previous: Proposed, step: Proposed): RiseFinding<U> | null {
  const days = calendarDaysBetween(previous.start, step.start);
  const byFraction = times(pair.a, limits.maxRiseFraction.add(1));
  // The smallest rise the strengths can make from the previous regimen (as the scheduler makes it).
  const byPiece = plus(pair.a, pair.allowance());
  // Doses have at most a few decimal places: rounding to 10 removes division noise (e.g. 7 × 8.5/7).
  const allowed = rounded(larger(byFraction, byPiece), 10, D.ROUND_HALF_UP);
  const interval = limits.minIntervalDays === null ? '' : `, no sooner than every ${limits.minIntervalDays} days`;
  const rule = `Rise at most ${limits.maxRiseFraction.mul(100).toDecimalPlaces(1, D.ROUND_DOWN).toFixed()}% of the daily dose (or the smallest rise the strengths can make)${interval} [${limits.basis}]`;
  if (limits.minIntervalDays !== null && days < limits.minIntervalDays) {
    return {
      compared: { proposed: pair.b, ceiling: pair.a, unit: pair.unit },
      message: `Step ${step.index + 1} raises the dose ${days} day${days === 1 ? '' : 's'} after step ${previous.index + 1}; increases need at least ${limits.minIntervalDays} days.`,
      rule,
    };
  }
  if (isAbove(pair.b, allowed)) {
    // Shown to 3 decimal places, rounded down: the limit is never overstated.
    const shown = rounded(allowed, 3, D.ROUND_DOWN);
    return {
      compared: { proposed: pair.b, ceiling: shown, unit: pair.unit },
      message: `Step ${step.index + 1} rises from ${describeDaily(pair.a, pair.unit, false)} to ${describeDaily(pair.b, pair.unit, false)}: above the allowed ${describeDaily(shown, pair.unit, false)} by ${percentText(pair.b, shown)}%.`,
      rule,
    };
  }
  return null;
}

/**
 * A level the plan crosses at a checkpoint step: the protocol threshold (MME) or the step's own per-day amount (its
 * product's unit or its equivalent). Which unit is known at run time (`unit`); proposals are read in that unit.
 */
interface Checkpoint {
  readonly step: PlanStep;
  readonly level: PerDay;
  readonly unit: string;
  readonly basis: string;
}

/** A per-day amount that reaches a checkpoint level, with the level (the unit is the checkpoint's). */
interface CheckpointFinding {
  readonly compared: Pair<ProductUnit | ClassEquivalentUnit>;
  readonly message: string;
  readonly rule: string;
}

/**
 * The checkpoints the plan itself crosses: a checkpoint step (not the first) whose level the step before it is
 * below. The level is the protocol threshold (opioids: 50 MME/day) when the plan crosses it there, else the
 * checkpoint step's own per-day amount. A plan that starts above a threshold crosses nothing, so a proposal
 * that does the same skips no checkpoint.
 */
function planCheckpoints(plan: RestartPlan, threshold: CheckpointThreshold | null): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  plan.steps.forEach((step, i) => {
    if (i === 0 || !step.checkpoint) return;
    const previous = plan.steps[i - 1]!;
    const value = (s: PlanStep, unit: string): PerDay | null => {
      const equivalent = planEquivalentPerDay(s);
      if (equivalent && equivalent.unit === unit) return equivalent.value;
      return s.dailyDose.unit === unit && s.drug === step.drug ? planPerDay(s) : null;
    };
    if (threshold) {
      const now = value(step, threshold.unit);
      const before = value(previous, threshold.unit);
      if (now !== null && before !== null && below(before, threshold.amount) && atLeast(now, threshold.amount)) {
        checkpoints.push({ step, level: threshold.amount, unit: threshold.unit, basis: threshold.basis });
      }
      // A class with a protocol threshold guards only that threshold.
      return;
    }
    const equivalent = planEquivalentPerDay(step);
    const own: { level: PerDay; unit: string } = equivalent ? { level: equivalent.value, unit: equivalent.unit } : { level: planPerDay(step), unit: step.dailyDose.unit };
    const before = value(previous, own.unit);
    if (before === null || below(before, own.level)) checkpoints.push({ step, ...own, basis: 'the plan checkpoint step' });
  });
  return checkpoints;
}

function checkpointCheck(
  plan: RestartPlan,
  checkpoints: readonly Checkpoint[],
  proposed: readonly Proposed[],
  index: number,
  restart: IsoDate,
): CheckpointFinding | null {
  const step = proposed[index]!;
  const previous = proposed[index - 1];
  for (const checkpoint of checkpoints) {
    const valueOf = (p: Proposed): PerDay | null => {
      if (checkpoint.unit === p.facts.formulation.unit && p.facts.drug.id === checkpoint.step.drug) return p.perDay;
      if (p.facts.equivalent && p.facts.equivalent.unit === checkpoint.unit) return perDayMme(p, p.facts.equivalent);
      return null;
    };
    const now = valueOf(step);
    if (now === null || below(now, checkpoint.level)) continue;
    const before = previous ? valueOf(previous) : NONE;
    if (before !== null && atLeast(before, checkpoint.level)) continue;
    // Early: the plan in force that day is still below the level (the plan crosses it later).
    const inForce = overlapping(plan, later(step.start, restart), step.start)[0];
    const planLevel = inForce ? planValue(inForce, checkpoint) : null;
    const early = step.start < checkpoint.step.start && (planLevel === null || below(planLevel, checkpoint.level));
    // Reassessed: this step, or a step since the plan's checkpoint date, is marked checkpoint: true.
    const reassessed = proposed.slice(0, index + 1).some((p) => p.checkpoint && p.start >= checkpoint.step.start);
    if (!early && (step.start < checkpoint.step.start || reassessed)) continue;
    const reason = early
      ? `before the plan's checkpoint on ${checkpoint.step.start}`
      : 'without a reassessment (mark the step with checkpoint: true once benefits and risks are reassessed)';
    return {
      compared: { proposed: now, ceiling: checkpoint.level, unit: checkpoint.unit },
      message: `Step ${step.index + 1} reaches ${describeDaily(now, checkpoint.unit, step.everyOtherDay)}, at or above the checkpoint of ${describeDaily(checkpoint.level, checkpoint.unit, false)}, ${reason}.`,
      rule: `${checkpoint.step.checkpointReason ?? 'Plan checkpoint'} [${checkpoint.basis}]`,
    };
  }
  return null;
}

/** A plan step's per-day amount in a checkpoint's unit, or null when it has none. */
function planValue(step: PlanStep, checkpoint: Checkpoint): PerDay | null {
  const equivalent = planEquivalentPerDay(step);
  if (equivalent && equivalent.unit === checkpoint.unit) return equivalent.value;
  return step.dailyDose.unit === checkpoint.unit && step.drug === checkpoint.step.drug ? planPerDay(step) : null;
}

/** Human summary of a check result in one line (for logs and the CLI). */
export function summarizeCheck(result: CheckResult): string {
  if (result.verdict === 'within') return `Within the ceiling: ${result.steps.length} step(s) checked.`;
  return `Exceeds: ${result.findings.length} finding(s) — ${[...new Set(result.findings.map((f) => f.code))].join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Several products a day (issue 13). A proposal whose steps share a start date (parallel steps: another product, or an
// as-needed entry), a plan with parallel steps (a retained regimen of several products, `step.component`), or a
// benzodiazepine proposal on another drug than the plan's is compared per day on the day's total: the sum over the
// products in force, in the product's unit when every product is the same drug in the same unit, else in the class
// equivalent (MME, mg diazepam), with the working shown. A proposal of one product on a plan of one product per day
// never comes here, so its results are exactly those above.

interface ClassFactor {
  /** The named conversion (units.ts) of a daily amount in the product's unit to the class equivalent, with its factor. */
  readonly convert: (daily: ProductAmount) => ClassEquivalent;
  readonly unit: EquivalentUnit;
  /** The factor in words, e.g. "× 1.5 MME per mg" or "× 10 ÷ 0.5 (0.5 mg ≈ 10 mg diazepam, Ashton)". */
  readonly text: string;
  readonly source: string;
}

/**
 * A product's factor to its class equivalent. Opioids: the product's MME factor. Benzodiazepines: the amount ≈ 10 mg
 * diazepam; for a drug of the plan, the figure the plan's own equivalents use (Ashton, the smaller amount of a range:
 * the higher equivalent), so the plan's own steps compare equal; for any other drug the smaller amount of Ashton and
 * VA/DoD (the higher equivalent: the proposal is never understated; engine assumption bzd-conservative-equivalent).
 */
function classFactor(facts: ProductFacts, planDrugs: ReadonlySet<string>): ClassFactor | null {
  if (facts.equivalent) {
    const { factor, unit, provenance } = facts.equivalent;
    return { convert: (daily) => productMme(daily, facts.formulation.unit, factor), unit, text: `× ${formatAmount(factor)} ${unit} per ${facts.formulation.unit}`, source: provenanceLabel(provenance) };
  }
  if (facts.drug.drugClass !== 'benzodiazepine') return null;
  const drug = facts.drug as BenzodiazepineDrug;
  if (!drug.ashtonEquivalent) return null;
  let per10 = new D(drug.ashtonEquivalent.value.low);
  let table = 'Ashton';
  let provenance: Provenance = drug.ashtonEquivalent;
  const va = drug.vaDodEquivalent;
  if (!planDrugs.has(drug.id) && va && new D(va.value).lt(per10)) {
    per10 = new D(va.value);
    table = 'VA/DoD, the higher equivalent';
    provenance = va;
  }
  const basis = planDrugs.has(drug.id) ? table : `${table}; another drug than the plan's: the higher equivalent of the tables, engine assumption bzd-conservative-equivalent`;
  const productUnit = facts.formulation.unit;
  return {
    convert: (daily) => diazepamEquivalent(checkedMg(daily, productUnit), per10),
    unit: 'mg diazepam',
    text: `× 10 ÷ ${formatAmount(per10)} (${formatAmount(per10)} mg ${drug.genericName} ≈ 10 mg diazepam, ${basis})`,
    source: provenanceLabel(provenance),
  };
}

/** One product's daily amount on a day: a proposed step or a plan step. */
interface Part {
  readonly facts: ProductFacts;
  /** In the product's unit. */
  readonly perDay: ProductAmount;
  readonly label: string;
}

interface Group {
  readonly start: IsoDate;
  readonly end?: IsoDate;
  readonly steps: readonly Proposed[];
}

interface Segment {
  readonly start: IsoDate;
  readonly end?: IsoDate;
  readonly steps: readonly PlanStep[];
}

type Mode = { readonly kind: 'product'; readonly unit: string; readonly drug: string } | { readonly kind: 'equivalent'; readonly unit: EquivalentUnit };

/** Zero in a mode's unit: the product's own, or the class equivalent. */
function zeroIn(mode: Mode): PerDay {
  return mode.kind === 'product' ? NONE : classEquivalent(ZERO);
}

function stepsText(indices: readonly number[]): string {
  const names = indices.map((i) => `${i + 1}`);
  return names.length === 1 ? `step ${names[0]}` : `steps ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function proposedPart(step: Proposed): Part {
  const unit = step.facts.formulation.unit;
  const regimen = step.facts.formulation.unitForm === 'patch'
    ? `${formatDose({ amount: step.dose, unit })}`
    : step.asNeeded
    ? `${formatDose({ amount: step.dose, unit })} up to ${step.timesPerDay} a day as needed (counted at the maximum)`
    : step.amounts.every((a) => a.eq(step.dose))
      ? `${formatDose({ amount: step.dose, unit })} × ${step.timesPerDay} a day`
      : step.amounts.map((a) => formatDose({ amount: a, unit })).join(' + ');
  return {
    facts: step.facts,
    perDay: step.perDay,
    label: `step ${step.index + 1}, ${step.facts.displayName} ${step.facts.formulation.name} ${regimen}${step.everyOtherDay ? ' every other day (average per day)' : ''}`,
  };
}

function planPart(plan: RestartPlan, step: PlanStep): Part | null {
  const facts = productFacts(step.drug, step.formulation);
  if (!facts) return null;
  return { facts, perDay: planPerDay(step), label: `plan step ${plan.steps.indexOf(step) + 1}, ${step.displayName} ${step.formulationName}${step.asNeeded ? ' (as needed)' : ''}` };
}

/** The unit every part can be summed in: the product's own when all are the same drug in the same unit, else the class equivalent. */
function commonMode(parts: readonly Part[], planDrugs: ReadonlySet<string>): Mode | null {
  const first = parts[0];
  if (!first) return null;
  if (parts.every((p) => p.facts.drug.id === first.facts.drug.id && p.facts.formulation.unit === first.facts.formulation.unit)) {
    return { kind: 'product', unit: first.facts.formulation.unit, drug: first.facts.drug.id };
  }
  const factors = parts.map((p) => classFactor(p.facts, planDrugs));
  const unit = factors[0]?.unit;
  if (!unit || factors.some((f) => !f || f.unit !== unit)) return null;
  return { kind: 'equivalent', unit };
}

function valueIn(part: Part, mode: Mode, planDrugs: ReadonlySet<string>): PerDay | null {
  if (mode.kind === 'product') return part.facts.drug.id === mode.drug && part.facts.formulation.unit === mode.unit ? part.perDay : null;
  const factor = classFactor(part.facts, planDrugs);
  return factor && factor.unit === mode.unit ? factor.convert(part.perDay) : null;
}

/** Shown to two decimal places at most (equivalents of some benzodiazepines do not end). */
function shownValue2<U extends string>(value: Quantity<U>): Quantity<U> {
  return rounded(value, 2, D.ROUND_HALF_UP);
}

function perDayText<U extends string>(value: Quantity<U>, unit: string): string {
  return `${formatDose({ amount: shownValue2(value), unit })}${unit === 'MME' ? '/day' : unit === 'mg diazepam' ? '/day' : ' daily'}`;
}

/** The sum of the parts in a mode, with one working line per part and the sum. */
function sumParts(parts: readonly Part[], mode: Mode, planDrugs: ReadonlySet<string>): { total: PerDay; lines: string[]; values: PerDay[] } | null {
  const lines: string[] = [];
  const values: PerDay[] = [];
  for (const part of parts) {
    const value = valueIn(part, mode, planDrugs);
    if (value === null) return null;
    values.push(value);
    if (mode.kind === 'product') lines.push(`${part.label}: ${perDayText(value, mode.unit)}`);
    else {
      const factor = classFactor(part.facts, planDrugs)!;
      lines.push(`${part.label}: ${formatDose({ amount: part.perDay, unit: part.facts.formulation.unit })}${part.facts.formulation.unitForm === 'patch' ? '' : ' daily'} ${factor.text} = ${perDayText(value, mode.unit)} [${factor.source}]`);
    }
  }
  // Every value is in the mode's unit (the product's, or the class equivalent): zero in that unit starts the sum.
  return { total: sum(values, zeroIn(mode)), lines, values };
}

/** A day's proposed total against its limit, in the mode's unit, with the working. */
interface Totals extends Pair<ProductUnit | ClassEquivalentUnit> {
  readonly working: readonly string[];
}

/** The day's proposed total against the day's ceiling (the sum over the plan steps in force), with the working. */
function dayTotals(proposedParts: readonly Part[], ceilingParts: readonly Part[], planDrugs: ReadonlySet<string>, what = 'Ceiling'): Totals | null {
  const mode = commonMode([...proposedParts, ...ceilingParts], planDrugs);
  if (!mode) return null;
  const proposed = sumParts(proposedParts, mode, planDrugs);
  const ceiling = sumParts(ceilingParts, mode, planDrugs);
  if (!proposed || !ceiling) return null;
  const sumLine = (summed: { total: PerDay; values: readonly PerDay[] }, label: string) =>
    summed.values.length > 1
      ? [`${label}: ${summed.values.map((v) => formatAmount(shownValue2(v))).join(' + ')} = ${perDayText(summed.total, mode.unit)}`]
      : [];
  return {
    proposed: proposed.total,
    ceiling: ceiling.total,
    unit: mode.unit,
    working: [
      ...proposed.lines.map((l) => `Proposed: ${l}`),
      ...sumLine(proposed, 'Proposed total'),
      ...ceiling.lines.map((l) => `${what}: ${l}`),
      ...sumLine(ceiling, `${what} total`),
      `${perDayText(proposed.total, mode.unit)} ${isAbove(proposed.total, ceiling.total) ? `> ${perDayText(ceiling.total, mode.unit)}: above by ${perDayText(subtract(proposed.total, ceiling.total), mode.unit)}` : `≤ ${perDayText(ceiling.total, mode.unit)}: within`}.`,
    ],
  };
}

function groupsOf(proposed: readonly Proposed[]): Group[] {
  const groups: Group[] = [];
  for (const step of proposed) {
    const last = groups[groups.length - 1];
    if (last && last.start === step.start) groups[groups.length - 1] = { ...last, steps: [...last.steps, step] };
    else groups.push({ start: step.start, ...(step.end ? { end: step.end } : {}), steps: [step] });
  }
  return groups;
}

/** The plan cut into runs of days on which the same plan steps are in force (parallel steps share a run). */
function planSegments(plan: RestartPlan): Segment[] {
  const bounds = [...new Set(plan.steps.flatMap((s) => [checkedDate(s.start), ...(s.end ? [addCalendarDays(checkedDate(s.end), 1)] : [])]))].sort();
  const segments: Segment[] = [];
  bounds.forEach((day, i) => {
    const steps = plan.steps.filter((s) => s.start <= day && (s.end === undefined || s.end >= day));
    if (!steps.length) return;
    const next = bounds[i + 1];
    segments.push({ start: day, ...(next ? { end: addCalendarDays(next, -1) } : {}), steps });
  });
  return segments;
}

function segmentsOverlapping(segments: readonly Segment[], from: string, to: string | undefined): Segment[] {
  return segments.filter((s) => (to === undefined || s.start <= to) && (s.end === undefined || s.end >= from));
}

/** The earlier of two dates of one kind; undefined (open-ended) is later than any date. */
function earlier<Day extends string>(a: Day | undefined, b: Day | undefined): Day | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** True when the proposal, the plan or the prior regimen has several products on a day, or a benzodiazepine proposal names another drug. */
function needsDayTotals(plan: RestartPlan, proposed: readonly Proposed[]): boolean {
  // A prior regimen of several medicines: the prior dose is their total (never the main product's alone).
  if ((plan.prior.components?.length ?? 0) > 1) return true;
  if (groupsOf(proposed).some((g) => g.steps.length > 1)) return true;
  if (planSegments(plan).some((s) => s.steps.length > 1)) return true;
  return proposed.some((p) => !p.facts.equivalent && classEquivalentUnit(p.facts) !== null && plan.steps.some((s) => s.drug !== p.facts.drug.id));
}

function comparabilityByDay(plan: RestartPlan, proposed: readonly Proposed[]): FieldError[] {
  const restart = checkedDate(plan.steps[0]!.start);
  const planDrugs = new Set(plan.steps.map((s) => s.drug));
  const segments = planSegments(plan);
  const errors: FieldError[] = [];
  for (const group of groupsOf(proposed)) {
    for (const segment of segmentsOverlapping(segments, later(group.start, restart), group.end)) {
      const ceilingParts = segment.steps.map((s) => planPart(plan, s));
      const proposedParts = group.steps.map(proposedPart);
      if (ceilingParts.every((p): p is Part => p !== null) && dayTotals(proposedParts, ceilingParts, planDrugs)) continue;
      const blamed = group.steps.find((s) => classFactor(s.facts, planDrugs) === null) ?? group.steps[0]!;
      const blocked = segment.steps.map((s) => `${s.drug} ${s.formulation}`).join(' + ');
      errors.push({
        path: `proposed.${blamed.index}.drug`,
        code: 'not-comparable',
        message: `${blamed.facts.displayName} ${blamed.facts.formulation.name} cannot be compared with the plan step from ${segment.start} (${blocked}): they share no dose equivalent.`,
      });
      break;
    }
  }
  return errors;
}

function compareByDay(plan: RestartPlan, proposed: readonly Proposed[], refusal?: PlanRefusal): CheckResult {
  const findings: CheckFinding[] = [];
  const restart = checkedDate(plan.steps[0]!.start);
  const planDrugs = new Set(plan.steps.map((s) => s.drug));
  const segments = planSegments(plan);
  const groups = groupsOf(proposed);
  const planFacts = productFacts(plan.drug, plan.formulation);
  const shownAmount = <U extends string>(value: Quantity<U>, unit: string, rounding: Decimal.Rounding) => amount(rounded(value, 3, rounding), unit);
  // The day's total and the limit it is compared with, in one unit (`Pair`: never MME against mg).
  const add = <U extends string>(step: Proposed, code: CheckCode, { proposed: proposedDaily, ceiling: ceilingDaily, unit }: Pair<U>, message: string, extra: Partial<CheckFinding> = {}) =>
    findings.push({
      step: step.index,
      start: step.start,
      code,
      proposedDaily: shownAmount(proposedDaily, unit, D.ROUND_UP),
      ceilingDaily: shownAmount(ceilingDaily, unit, D.ROUND_DOWN),
      excess: shownAmount(excessOver(proposedDaily, ceilingDaily), unit, D.ROUND_UP),
      excessPercent: excessPercent(proposedDaily, ceilingDaily),
      message,
      ...extra,
      path: `proposed.${step.index}`,
    });
  const toleranceOk = plan.tolerance.status === 'retained' && plan.tolerance.priorTolerant !== false;
  const planUsesOwnProduct = plan.steps.some((s) => s.drug === plan.drug && s.formulation === plan.formulation);
  const parallelPlan = segments.some((s) => s.steps.length > 1);
  const ceilingPartsOf = (segment: Segment) => segment.steps.map((s) => planPart(plan, s)!);
  const partsOf = (group: Group) => group.steps.map(proposedPart);
  const checkpoints = parallelPlan ? segmentCheckpoints(plan, segments, planFacts ? checkpointThreshold(planFacts) : null, planDrugs) : planCheckpoints(plan, planFacts ? checkpointThreshold(planFacts) : null);

  groups.forEach((group, gi) => {
    const first = group.steps[0]!;
    const indices = group.steps.map((s) => s.index);
    const from = later(group.start, restart);
    const inForce = segmentsOverlapping(segments, from, group.end);
    const compared = inForce.map((segment) => ({ segment, totals: dayTotals(partsOf(group), ceilingPartsOf(segment), planDrugs) }));
    const groupWithin = inForce.length > 0 && compared.every((c) => c.totals !== null && !exceeds(c.totals));
    const planStepsInForce = [...new Set(inForce.flatMap((s) => s.steps))];
    const together = group.steps.length > 1 ? ' together' : '';

    for (const step of group.steps) {
      const unit = step.facts.formulation.unit;
      if (step.start < restart) {
        add(step, 'STARTS_BEFORE_RESTART_DATE', { proposed: step.perDay, ceiling: NONE, unit }, `Step ${step.index + 1} starts on ${step.start}, before the restart date ${restart}: the plan gives no dose before it.`, {
          rule: 'The schedule starts on the restart date.',
        });
      }
      const withinPlan =
        groupWithin && planStepsInForce.some((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && !isAbove(step.dose, planDose(c)));
      if (!toleranceOk && plan.drugClass === 'opioid' && !withinPlan) {
        const found = restrictedAfterLoss(step, plan, planUsesOwnProduct);
        if (found) {
          const totals = compared[0]?.totals;
          const why = plan.tolerance.priorTolerant === false ? 'the patient was not opioid-tolerant before the break' : `tolerance is ${plan.tolerance.status} after the break`;
          add(
            step,
            'RESTRICTED_AFTER_TOLERANCE_LOSS',
            totals ?? { proposed: step.perDay, ceiling: NONE, unit },
            `Step ${step.index + 1} uses ${step.facts.displayName} ${step.facts.formulation.name} ${formatDose({ amount: step.dose, unit })}, which is only for opioid-tolerant patients, but ${why}.`,
            { rule: `${found.rule} [${found.source}]` },
          );
        }
      }
      // ABOVE_DOSE_CEILING: one administration above the same product's plan step in force.
      const doseAbove = planStepsInForce.filter((c) => c.drug === step.facts.drug.id && c.formulation === step.facts.formulation.id && c.dose.unit === unit && isAbove(step.dose, planDose(c)));
      if (doseAbove.length) {
        const worst = doseAbove[0]!;
        const last = doseAbove[doseAbove.length - 1]!;
        const exceedsFrom = later(worst.start, from);
        const until = earlier<string>(last.end, step.end);
        const ceilingDose = planDose(worst);
        add(
          step,
          'ABOVE_DOSE_CEILING',
          { proposed: step.dose, ceiling: ceilingDose, unit },
          `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, one administration of step ${step.index + 1} (${formatDose({ amount: step.dose, unit })}) is above the largest single dose of the ceiling (${formatDose(worst.dose)}, plan step ${plan.steps.indexOf(worst) + 1}) by ${percentText(step.dose, ceilingDose)}%. (Amounts here are per administration, not per day.)`,
          { rule: `Plan step ${plan.steps.indexOf(worst) + 1} from ${worst.start}: at most ${formatDose(worst.dose)} per administration.`, exceedsFrom, ...(until ? { exceedsUntil: until } : {}) },
        );
      }
      if (refusal && step.facts.drug.id === refusal.drug && step.facts.formulation.id === refusal.formulation && !withinPlan) {
        const finding = refusedFinding(refusal, step);
        findings.push({ ...finding, message: `${finding.message} The plan offered instead restarts on ${plan.steps[0]!.displayName} ${plan.steps[0]!.formulationName} (refusal.alternativePlan).` });
      }
    }

    // ABOVE_CEILING: the day's total against the day's ceiling (the sum over the plan steps in force).
    const above = compared.filter((c) => c.totals && exceeds(c.totals));
    if (above.length) {
      const worst = above[0]!;
      const totals = worst.totals!;
      const exceedsFrom = later(worst.segment.start, from);
      const until = earlier(above[above.length - 1]!.segment.end, group.end);
      const planIndices = worst.segment.steps.map((s) => plan.steps.indexOf(s) + 1);
      const planText = `plan step${planIndices.length > 1 ? 's' : ''} ${planIndices.join(' + ')}`;
      add(
        first,
        'ABOVE_CEILING',
        totals,
        `From ${exceedsFrom}${until ? ` to ${until}` : ' onwards'}, ${stepsText(indices)}${together} give${indices.length > 1 ? '' : 's'} ${perDayText(totals.proposed, totals.unit)}, above the ceiling of ${perDayText(totals.ceiling, totals.unit)} (${planText}) by ${perDayText(subtract(totals.proposed, totals.ceiling), totals.unit)} (${percentText(totals.proposed, totals.ceiling)}%).`,
        {
          rule: worst.segment.steps.map((s) => `Plan step ${plan.steps.indexOf(s) + 1} from ${s.start}: ${s.rule}`).join('; '),
          exceedsFrom,
          ...(until ? { exceedsUntil: until } : {}),
          steps: indices,
          working: totals.working,
        },
      );
    }

    // ABOVE_PRIOR_DOSE: the day's total against the prior regimen's total.
    const prior = priorTotals(plan, partsOf(group), planDrugs);
    if (prior && exceeds(prior) && !groupWithin) {
      add(
        first,
        'ABOVE_PRIOR_DOSE',
        prior,
        `${stepsText(indices).replace(/^s/, 'S')}${together} give${indices.length > 1 ? '' : 's'} ${perDayText(prior.proposed, prior.unit)}, above the prior daily dose of ${perDayText(prior.ceiling, prior.unit)} by ${percentText(prior.proposed, prior.ceiling)}%.`,
        { rule: 'Never exceed the prior dose after a break (house rule 1).', steps: indices, working: prior.working },
      );
    }

    // RISES_TOO_FAST: the day's total against the day before the group.
    const previous = groups[gi - 1];
    if (previous) {
      const limits = parallelPlan ? segmentRiseLimits(plan, segments, first.facts, planDrugs) : riseLimits(plan, first.facts);
      const rise = groupRiseCheck(limits, previous, group, planDrugs);
      if (rise) add(first, 'RISES_TOO_FAST', rise.compared, rise.message, { rule: rise.rule, steps: indices });
    }

    // SKIPS_CHECKPOINT.
    const skip = groupCheckpointCheck(plan, segments, checkpoints, groups, gi, restart, planDrugs);
    if (skip) add(first, 'SKIPS_CHECKPOINT', skip.compared, skip.message, { rule: skip.rule, steps: indices });
  });

  const order = (f: CheckFinding) => CHECK_CODES.indexOf(f.code);
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => a.f.step - b.f.step || order(a.f) - order(b.f) || a.i - b.i).map((x) => x.f);
  const steps: CheckedStep[] = proposed.map((step) => {
    const codes = [...new Set(sorted.filter((f) => f.step === step.index || f.steps?.includes(step.index)).map((f) => f.code))];
    const ceiling = overlapping(plan, later(step.start, restart), step.end)[0];
    const factor = classFactor(step.facts, planDrugs);
    return checkedStep(step, codes, ceiling, factor ? amount(shownValue2(factor.convert(step.dosingDay)), factor.unit) : undefined);
  });
  return { verdict: sorted.length ? 'exceeds' : 'within', findings: sorted, steps, plan };
}

/** The day's total against the prior regimen's total (the main product's daily dose when all is that drug, else the equivalent sum). */
function priorTotals(plan: RestartPlan, parts: readonly Part[], planDrugs: ReadonlySet<string>): Totals | null {
  const components = plan.prior.components;
  const single = !components || components.length <= 1;
  const unit = plan.prior.dailyDose.unit;
  let mode: Mode | null = null;
  let ceiling: PerDay | null = null;
  if (single && parts.every((p) => p.facts.drug.id === plan.drug && p.facts.formulation.unit === unit)) {
    mode = { kind: 'product', unit, drug: plan.drug };
    ceiling = productAmount(new D(plan.prior.dailyDose.amount));
  } else if (plan.prior.dailyEquivalent) {
    mode = { kind: 'equivalent', unit: plan.prior.dailyEquivalent.unit };
    ceiling = classEquivalent(new D(plan.prior.dailyEquivalent.amount));
  }
  if (!mode || !ceiling) return null;
  const summed = sumParts(parts, mode, planDrugs);
  if (!summed) return null;
  const priorLines = components && components.length > 1
    ? components.map((c) => `Prior: ${c.displayName} ${c.formulationName} ${formatDose(c.dailyDose)} daily${c.dailyEquivalent ? ` = ${formatDose(c.dailyEquivalent)}/day` : ''} (${c.path})`)
    : [];
  return {
    proposed: summed.total,
    ceiling,
    unit: mode.unit,
    working: [...summed.lines.map((l) => `Proposed: ${l}`), ...priorLines, `Prior daily total: ${perDayText(ceiling, mode.unit)}.`],
  };
}

/** The rise rule read off a plan with parallel steps: as riseLimits, on each run of days' total. */
function segmentRiseLimits(plan: RestartPlan, segments: readonly Segment[], facts: ProductFacts, planDrugs: ReadonlySet<string>): RiseLimits | null {
  const protocol = titrationLimits(facts);
  let minInterval: number | null = null;
  let maxRise: Decimal | null = null;
  for (let i = 1; i < segments.length; i++) {
    const a = segments[i - 1]!;
    const b = segments[i]!;
    const aParts = a.steps.map((s) => planPart(plan, s));
    const bParts = b.steps.map((s) => planPart(plan, s));
    if (aParts.some((p) => !p) || bParts.some((p) => !p)) continue;
    const mode = commonMode([...(aParts as Part[]), ...(bParts as Part[])], planDrugs);
    if (!mode) continue;
    const va = sumParts(aParts as Part[], mode, planDrugs)?.total;
    const vb = sumParts(bParts as Part[], mode, planDrugs)?.total;
    if (!va || !vb || !isAbove(vb, va)) continue;
    const days = calendarDaysBetween(a.start, b.start);
    if (minInterval === null || days < minInterval) minInterval = days;
    const sameDrugs = [...new Set(a.steps.map((s) => s.drug))].sort().join() === [...new Set(b.steps.map((s) => s.drug))].sort().join();
    if (!sameDrugs || !va.gt(0)) continue;
    const fraction = ratio(vb, va).sub(1);
    if (maxRise === null || fraction.gt(maxRise)) maxRise = fraction;
  }
  if (minInterval === null) {
    if (protocol) return { maxRiseFraction: protocol.maxRiseFraction, minIntervalDays: protocol.minIntervalDays, basis: protocol.basis };
    for (let i = 1; i < segments.length; i++) {
      const days = calendarDaysBetween(segments[i - 1]!.start, segments[i]!.start);
      if (minInterval === null || days < minInterval) minInterval = days;
    }
    if (minInterval === null) return null;
  }
  const fromPlan = maxRise ?? ZERO;
  const intervalBasis = "the plan's shortest interval before a rise of the day's total";
  if (protocol && protocol.maxRiseFraction.gte(fromPlan)) {
    return { maxRiseFraction: protocol.maxRiseFraction, minIntervalDays: minInterval, basis: `${protocol.basis.split('; ')[0]}; ${intervalBasis}` };
  }
  return { maxRiseFraction: fromPlan, minIntervalDays: minInterval, basis: `the plan's largest rise of the day's total; ${intervalBasis}` };
}

function groupRiseCheck(
  limits: RiseLimits | null,
  previous: Group,
  group: Group,
  planDrugs: ReadonlySet<string>,
): RiseFinding<ProductUnit | ClassEquivalentUnit> | null {
  if (!limits) return null;
  const prevParts = previous.steps.map(proposedPart);
  const parts = group.steps.map(proposedPart);
  const mode = commonMode([...prevParts, ...parts], planDrugs);
  if (!mode) return null;
  const a = sumParts(prevParts, mode, planDrugs)!.total;
  const b = sumParts(parts, mode, planDrugs)!.total;
  if (!isAbove(b, a)) return null;
  const days = calendarDaysBetween(previous.start, group.start);
  const single = previous.steps.length === 1 && group.steps.length === 1;
  const sameProduct = single && mode.kind === 'product' && previous.steps[0]!.facts.formulation.id === group.steps[0]!.facts.formulation.id;
  // The smallest rise the strengths can make: one product a day only, in its unit; none in an equivalent.
  const piece = single && mode.kind === 'product' ? pieceAllowance(previous.steps[0]!, group.steps[0]!, sameProduct) : zeroIn(mode);
  const allowed = rounded(larger(times(a, limits.maxRiseFraction.add(1)), plus(a, piece)), 10, D.ROUND_HALF_UP);
  const interval = limits.minIntervalDays === null ? '' : `, no sooner than every ${limits.minIntervalDays} days`;
  const rule = `Rise the day's total at most ${limits.maxRiseFraction.mul(100).toDecimalPlaces(1, D.ROUND_DOWN).toFixed()}% (or the smallest rise the strengths can make)${interval} [${limits.basis}]`;
  const name = stepsText(group.steps.map((s) => s.index));
  const before = stepsText(previous.steps.map((s) => s.index));
  if (limits.minIntervalDays !== null && days < limits.minIntervalDays) {
    return {
      compared: { proposed: b, ceiling: a, unit: mode.unit },
      message: `${name.replace(/^s/, 'S')} raise${group.steps.length > 1 ? '' : 's'} the day's total ${days} day${days === 1 ? '' : 's'} after ${before}; increases need at least ${limits.minIntervalDays} days.`,
      rule,
    };
  }
  if (isAbove(b, allowed)) {
    const shown = rounded(allowed, 3, D.ROUND_DOWN);
    return {
      compared: { proposed: b, ceiling: shown, unit: mode.unit },
      message: `${name.replace(/^s/, 'S')} raise${group.steps.length > 1 ? '' : 's'} the day's total from ${perDayText(a, mode.unit)} to ${perDayText(b, mode.unit)}: above the allowed ${perDayText(shown, mode.unit)} by ${percentText(b, shown)}%.`,
      rule,
    };
  }
  return null;
}

/** The checkpoints a plan with parallel steps crosses, on each run of days' total (as planCheckpoints). */
function segmentCheckpoints(
  plan: RestartPlan,
  segments: readonly Segment[],
  threshold: CheckpointThreshold | null,
  planDrugs: ReadonlySet<string>,
): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  const total = (segment: Segment, unit: string): PerDay | null => {
    const parts = segment.steps.map((s) => planPart(plan, s));
    if (parts.some((p) => !p)) return null;
    const mode: Mode | null =
      unit === 'MME' || unit === 'mg diazepam' ? { kind: 'equivalent', unit } : { kind: 'product', unit, drug: segment.steps[0]!.drug };
    return sumParts(parts as Part[], mode, planDrugs)?.total ?? null;
  };
  segments.forEach((segment, i) => {
    const step = segment.steps.find((s) => s.checkpoint);
    if (i === 0 || !step) return;
    const previous = segments[i - 1]!;
    if (threshold) {
      const now = total(segment, threshold.unit);
      const before = total(previous, threshold.unit);
      if (now !== null && before !== null && below(before, threshold.amount) && atLeast(now, threshold.amount)) checkpoints.push({ step, level: threshold.amount, unit: threshold.unit, basis: threshold.basis });
      return;
    }
    const unit = step.dailyEquivalent?.unit ?? step.dailyDose.unit;
    const level = total(segment, unit);
    if (level === null) return;
    const before = total(previous, unit);
    if (before === null || below(before, level)) checkpoints.push({ step, level, unit, basis: 'the plan checkpoint step' });
  });
  return checkpoints;
}

function groupCheckpointCheck(
  plan: RestartPlan,
  segments: readonly Segment[],
  checkpoints: readonly Checkpoint[],
  groups: readonly Group[],
  index: number,
  restart: IsoDate,
  planDrugs: ReadonlySet<string>,
): CheckpointFinding | null {
  const group = groups[index]!;
  const previous = groups[index - 1];
  for (const checkpoint of checkpoints) {
    const mode: Mode =
      checkpoint.unit === 'MME' || checkpoint.unit === 'mg diazepam'
        ? { kind: 'equivalent', unit: checkpoint.unit }
        : { kind: 'product', unit: checkpoint.unit, drug: checkpoint.step.drug };
    const valueOf = (g: Group) => sumParts(g.steps.map(proposedPart), mode, planDrugs)?.total ?? null;
    const now = valueOf(group);
    if (now === null || below(now, checkpoint.level)) continue;
    const before = previous ? valueOf(previous) : zeroIn(mode);
    if (before !== null && atLeast(before, checkpoint.level)) continue;
    const inForce = segmentsOverlapping(segments, later(group.start, restart), group.start)[0];
    const parts = inForce?.steps.map((s) => planPart(plan, s));
    const planLevel = parts && parts.every((p) => p) ? (sumParts(parts as Part[], mode, planDrugs)?.total ?? null) : null;
    const early = group.start < checkpoint.step.start && (planLevel === null || below(planLevel, checkpoint.level));
    const reassessed = groups.slice(0, index + 1).some((g) => g.start >= checkpoint.step.start && g.steps.some((s) => s.checkpoint));
    if (!early && (group.start < checkpoint.step.start || reassessed)) continue;
    const reason = early
      ? `before the plan's checkpoint on ${checkpoint.step.start}`
      : 'without a reassessment (mark the step with checkpoint: true once benefits and risks are reassessed)';
    const name = stepsText(group.steps.map((s) => s.index));
    return {
      compared: { proposed: now, ceiling: checkpoint.level, unit: checkpoint.unit },
      message: `${name.replace(/^s/, 'S')} reach${group.steps.length > 1 ? '' : 'es'} ${perDayText(now, checkpoint.unit)}, at or above the checkpoint of ${perDayText(checkpoint.level, checkpoint.unit)}, ${reason}.`,
      rule: `${checkpoint.step.checkpointReason ?? 'Plan checkpoint'} [${checkpoint.basis}]`,
    };
  }
  return null;
}
