/**
 * Opioid restart planner for the full agonists (docs/clinical-model.md, Opioids). Named phases, each returning its
 * value and writing its derivation lines: prior exposure → tolerance → product → ceiling → first step →
 * acetaminophen → titration → warnings. Methadone and buprenorphine have their own planners.
 */
import { Decimal } from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import type { Provenance, Sourced, ToleranceAnchor } from '../../protocols/types.ts';
import { addCalendarDays, breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { findDrug, findFormulation } from '../registry.ts';
import { buildTitration, type ScheduledStep, type TitrationRule } from '../schedule.ts';
import { floorToStrengths, makeExactly, nextAbove } from '../strengths.ts';
import { retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { PlanRefusal, PlanStep, PriorComponent, RestartPlan, RestartRequest, ToleranceStatus } from '../types.ts';
import { planBuprenorphine } from './buprenorphine.ts';
import { planMethadone } from './methadone.ts';
import { productUnitNotes } from './product-units.ts';
import { acetaminophenDaily, acetaminophenLimit, dailyOf, describe, fillEven, fillRegimen, labelNaiveStart, largestOf, opioidPlanSummary, opioidRiskInputs, opioidWarnings, smallestUnit, type LabelNaiveStart, type RiskInput } from './opioid-common.ts';
import { exposureChangeCap, maoiRefusal, type ExposureChangeCap } from './opioid-interactions.ts';
import { add, atMost, below, checkedDate, mcgPerHour, mg, mme, mmeOfPatch, per, smaller, subtract, sum, times as timesOf, type IsoDate, type Mg, type Mme, productAmount, productAmounts, productMme, productAmountOfMme, type ProductAmount } from '../units.ts';
import { toPlanSteps } from './steps.ts';

export { opioidRiskFactors } from './opioid-common.ts';

const C = OPIOID_CLASS;
const A = C.amended;

/** An amount rounded down to 0.01, in its own unit. */
function floor2<Q extends Decimal>(amount: Q): Q {
  return amount.toDecimalPlaces(2, D.ROUND_DOWN) as Q;
}

/** The same administration `count` times a day. */
function repeated<Q extends Decimal>(dose: Q, count: number): Q[] {
  return Array.from({ length: count }, () => dose);
}

/** No MME (an MME total of nothing). */
const NO_MME = (): Mme => mme(new D(0));

export function planOpioid(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan | PlanRefusal {
  if (drug.agonist === 'partial') return planBuprenorphine(request, drug, formulation);
  if (drug.id === 'methadone') return planMethadone(request, drug, formulation);
  return planFullAgonist(request, drug, formulation);
}

interface Product {
  readonly drug: OpioidDrug;
  readonly formulation: OpioidFormulation;
}

function product(drugId: string, formulationId: string): Product {
  const drug = findDrug(drugId) as OpioidDrug | undefined;
  const formulation = drug ? (findFormulation(drug, formulationId) as OpioidFormulation | undefined) : undefined;
  if (!drug || !formulation) throw new Error(`programmer error: unknown restart product ${drugId} ${formulationId}`);
  return { drug, formulation };
}

/** The immediate-release product a patient restarts on when the prior product cannot be restarted. */
function restartProduct(drug: OpioidDrug, from?: OpioidFormulation): Product & { readonly sameMolecule: boolean; readonly reason: string } {
  // The same molecule's IR form, preferring the prior product's form (the morphine concentrate → the 10 mg/5 mL solution).
  const candidates = drug.formulations.filter((f) => f.release === 'immediate' && !f.combination && f.naiveStart && !f.restrictedToTolerant);
  const sameIr = candidates.find((f) => f.unitForm === from?.unitForm) ?? candidates[0];
  if (sameIr) {
    return { drug, formulation: sameIr, sameMolecule: true, reason: `the immediate-release form of the same molecule (${drug.displayName} ${sameIr.name})` };
  }
  const alt = drug.irAlternative;
  if (!alt) throw new Error(`programmer error: ${drug.id} has no restart product`);
  const p = product(alt.drug, alt.formulation);
  return { ...p, sameMolecule: p.drug.id === drug.id, reason: `${p.drug.displayName} ${p.formulation.name}, because ${alt.reason}` };
}

/** Whether `dose` × times a day (`daily`) is only for opioid-tolerant patients on this product. */
function isRestrictedRegimen(formulation: OpioidFormulation, dose: ProductAmount, daily: ProductAmount): boolean {
  if (formulation.restrictedToTolerant) return true;
  const r = formulation.restrictedAbove;
  if (!r) return false;
  if (r.singleDose && dose.gt(r.singleDose)) return true;
  if (r.singleDoseAtLeast && dose.gte(r.singleDoseAtLeast)) return true;
  if (r.dailyDose && daily.gt(r.dailyDose)) return true;
  return false;
}

const isPatchForm = (f: OpioidFormulation) => f.unitForm === 'patch';
/** The source id of a cited value (none for an engine assumption), for a warning's source list. */
const sourceIds = (provenance: Provenance): string[] => ('source' in provenance ? [provenance.source] : []);

/** Risk MME of a daily dose: the fentaNYL "12" patch counts at its nominal 12.5 mcg/h (amendment A10). */
function riskMme(drug: OpioidDrug, formulation: OpioidFormulation, daily: ProductAmount): Mme {
  const factor = drug.mmeFactor!.value;
  if (isPatchForm(formulation) && daily.eq(A.fentanylTwelveLabel.value)) return mmeOfPatch(mcgPerHour(new D(A.fentanylTwelveNominalRate.value)), factor);
  return productMme(daily, formulation.unit, factor);
}

/** MME for converting a daily amount into another opioid: the label rate × the factor (the fentaNYL 12 patch at 12). */
function conversionMmeOf(drug: OpioidDrug, formulation: OpioidFormulation, daily: ProductAmount): Mme {
  return productMme(daily, formulation.unit, drug.mmeFactor!.value);
}

/** The step builder (steps.ts) carries bare decimals: a step's daily dose is in the restart product's unit. */
const stepMme = (drug: OpioidDrug, formulation: OpioidFormulation) => (daily: Decimal): Mme => riskMme(drug, formulation, productAmount(daily));

// --- Phase 1: prior exposure (amendments A4, A10) -------------------------------------------------------------------

type UsePattern = 'REGULAR' | 'REGULAR_INTERMITTENT' | 'NOT_DEPENDENT_ASSUMED';

interface PriorExposure {
  readonly dose: ProductAmount;
  readonly times: number;
  readonly regimen: ProductAmount[];
  /** Daily dose on the days it was taken (a patch: its rate). */
  readonly daily: ProductAmount;
  /** MME for risk (50-MME and naloxone rules); the fentaNYL 12 patch counts as 30. */
  readonly mme: Mme;
  /** MME for converting into another opioid (the fentaNYL 12 patch: 28.8, the lower value). */
  readonly conversionMme: Mme;
  readonly pattern: UsePattern;
  /** The daily dose the retained fraction applies to: the prior daily dose, or the average for intermittent use. */
  readonly anchorDaily: ProductAmount;
  readonly isPatch: boolean;
  /** Every medicine of the prior regimen, `prior` first (one entry when single). */
  readonly components: readonly ComponentExposure[];
  /** Sum of the components' risk MME (the 50-MME and naloxone rules; plan.prior.dailyEquivalent). */
  readonly totalMme: Mme;
  /** Sum of the components' conversion MME (the fentaNYL 12 patch at its label rate). */
  readonly totalConversionMme: Mme;
  /** A regimen of several opioids (additionalPrior not empty). */
  readonly multi: boolean;
}

/** One medicine of the prior regimen (issue 13): its daily dose and MME. */
interface ComponentExposure {
  readonly path: string;
  readonly drug: OpioidDrug;
  readonly formulation: OpioidFormulation;
  readonly dose: ProductAmount;
  readonly times: number;
  readonly asNeeded: boolean;
  readonly daily: ProductAmount;
  readonly mme: Mme;
  readonly conversionMme: Mme;
  readonly isPatch: boolean;
}

function additionalComponents(request: RestartRequest): ComponentExposure[] {
  return (request.additionalPrior ?? []).map((medicine, index) => {
    const { drug, formulation } = product(medicine.drug, medicine.formulation);
    if (!drug.mmeFactor || drug.agonist !== 'full' || drug.id === 'methadone') {
      throw new Error(`programmer error: additionalPrior.${index} (${drug.id}) is not a full agonist with an MME factor`);
    }
    const dose = productAmount(medicine.dose.amount);
    const daily = timesOf(dose, medicine.timesPerDay);
    return {
      path: `additionalPrior.${index}`,
      drug,
      formulation,
      dose,
      times: medicine.timesPerDay,
      asNeeded: medicine.asNeeded,
      daily,
      mme: riskMme(drug, formulation, daily),
      conversionMme: conversionMmeOf(drug, formulation, daily),
      isPatch: isPatchForm(formulation),
    };
  });
}

/** A component in words: "fentaNYL transdermal patch 25 mcg/h" or "morphine IR 15 mg × 2 a day = 30 mg daily (as needed)". */
function componentText(c: ComponentExposure): string {
  const unit = c.formulation.unit;
  return c.isPatch
    ? `${c.drug.displayName} ${c.formulation.name} ${formatDose({ amount: c.dose, unit })}`
    : `${c.drug.displayName} ${c.formulation.name} ${formatDose({ amount: c.dose, unit })} × ${c.times} a day = ${formatDose({ amount: c.daily, unit })} daily${c.asNeeded ? ' (as needed; the average number of doses actually taken)' : ''}`;
}

function priorExposurePhase(notes: PlanNotes, request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): PriorExposure {
  const factor = drug.mmeFactor!;
  const unit = formulation.unit;
  const { dose, timesPerDay: times, daysPerWeek, asNeeded } = { ...request.prior, dose: productAmount(request.prior.dose.amount) };
  const daily = timesOf(dose, times);
  const isPatch = isPatchForm(formulation);
  notes.line(
    isPatch
      ? `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })}, a new patch every ${formulation.wearHours?.value ?? 72} hours, for ${request.priorDurationDays} days.`
      : `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: daily, unit })} daily${asNeeded ? ' (taken as needed; the number of doses is the average actually taken)' : ''}${daysPerWeek < 7 ? `, on ${daysPerWeek} days a week` : ''}, for ${request.priorDurationDays} days.`,
    ...(formulation.wearHours ? [formulation.wearHours] : []),
  );
  const mme = riskMme(drug, formulation, daily);
  const conversionMme = conversionMmeOf(drug, formulation, daily);
  if (isPatch && !mme.eq(conversionMme)) {
    notes.line(
      `Prior daily MME: the fentaNYL "12" patch delivers ${A.fentanylTwelveNominalRate.value} mcg/h: ${A.fentanylTwelveNominalRate.value} × ${factor.value} = ${formatAmount(mme)} MME/day for risk (50-MME and naloxone rules); any conversion into another opioid uses ${A.fentanylTwelveLabel.value} × ${factor.value} = ${formatAmount(conversionMme)} MME/day (the lower value).`,
      A.fentanylTwelveNominalRate,
      A.fentanylTwelveLabel,
      factor,
    );
    notes.warn(
      'FENTANYL_12_NOMINAL',
      'info',
      `The fentaNYL "12" patch delivers ${A.fentanylTwelveNominalRate.value} mcg/h: it counts as ${formatAmount(mme)} MME/day for risk, and as ${formatAmount(conversionMme)} MME/day when converting to another opioid.`,
      sourceIds(A.fentanylTwelveNominalRate),
    );
  } else {
    notes.line(`Prior daily MME = ${formatAmount(daily)} ${unit}${isPatch ? '' : '/day'} × ${factor.value} = ${formatAmount(mme)} MME/day.`, factor);
  }

  const main: ComponentExposure = { path: 'prior', drug, formulation, dose, times, asNeeded, daily, mme, conversionMme, isPatch };
  const extras = additionalComponents(request);
  const components = [main, ...extras];
  const multi = extras.length > 0;
  const totalMme = sum(components.map((c) => c.mme), NO_MME());
  const totalConversionMme = sum(components.map((c) => c.conversionMme), NO_MME());
  if (multi) regimenExposureLines(notes, main, extras, totalMme, totalConversionMme);

  // Use pattern, by actual use (amendment A4). A regimen is around the clock when any scheduled component is
  // (a patch, an extended-release product, or scheduled doses), or when its as-needed doses add up to the threshold.
  const asNeededTimes = components.filter((c) => c.asNeeded).reduce((total, c) => total + c.times, 0);
  const aroundTheClock = multi
    ? components.some((c) => c.isPatch || c.formulation.release === 'extended' || !c.asNeeded) || asNeededTimes >= A.aroundTheClockTimesPerDay.value
    : isPatch || formulation.release === 'extended' || times >= A.aroundTheClockTimesPerDay.value;
  const onlyAsNeeded = multi ? components.every((c) => c.asNeeded) : asNeeded;
  let pattern: UsePattern;
  let why: string;
  const provenance: Provenance[] = [];
  if (request.priorDurationDays < A.regularMinDays.value) {
    pattern = 'NOT_DEPENDENT_ASSUMED';
    why = `${request.priorDurationDays} days of use (< ${A.regularMinDays.value})`;
    provenance.push(A.regularMinDays);
  } else if (daysPerWeek < A.regularMinDaysPerWeek.value) {
    pattern = 'NOT_DEPENDENT_ASSUMED';
    why = `${daysPerWeek} days a week (≤ ${A.regularMinDaysPerWeek.value - 1})`;
    provenance.push(A.regularMinDaysPerWeek);
  } else if (onlyAsNeeded && !aroundTheClock) {
    pattern = 'NOT_DEPENDENT_ASSUMED';
    const n = multi ? asNeededTimes : times;
    why = `taken as needed, ${n} dose${n === 1 ? '' : 's'} a day on average${multi ? ' (all the opioids together)' : ''} (< ${A.aroundTheClockTimesPerDay.value}: not around the clock)`;
    provenance.push(A.aroundTheClockTimesPerDay, ...(multi ? [{ assumption: 'opioid-regimen-as-needed-summed' }] : []));
  } else if (daysPerWeek < 7) {
    pattern = 'REGULAR_INTERMITTENT';
    why = `${daysPerWeek} days a week for ${request.priorDurationDays} days`;
    provenance.push(A.regularMinDaysPerWeek, { assumption: 'opioid-intermittent-average' });
  } else {
    pattern = 'REGULAR';
    why = multi
      ? `every day for ${request.priorDurationDays} days${onlyAsNeeded ? `, taken as needed ${asNeededTimes} times a day on average, all the opioids together (around the clock: classified by use)` : ', with scheduled doses of at least one opioid'}`
      : `every day for ${request.priorDurationDays} days${asNeeded ? `, taken as needed ${times} times a day on average (around the clock: classified by use)` : ''}`;
    provenance.push(A.regularMinDays, ...(onlyAsNeeded ? [A.aroundTheClockTimesPerDay] : []), ...(multi && onlyAsNeeded ? [{ assumption: 'opioid-regimen-as-needed-summed' }] : []));
  }
  const weekly = pattern === 'REGULAR' || isPatch ? daily : per(timesOf(daily, Math.min(daysPerWeek, 7)), 7);
  const anchorDaily = pattern === 'REGULAR' ? daily : floor2(weekly);
  notes.line(
    `Use pattern: ${pattern} (${why}).${pattern === 'REGULAR' ? ' The missed-day anchors apply to the prior daily dose.' : ` The plan anchors on the average daily dose: ${formatAmount(daily)} × ${daysPerWeek} ÷ 7 = ${formatAmount(anchorDaily)} ${unit}/day (rounded down to 0.01).`}`,
    ...provenance,
  );
  notes.warn(
    'USE_PATTERN_CLASS',
    'info',
    pattern === 'REGULAR'
      ? `Regular use (${why}): physical dependence is possible even below the opioid-tolerant threshold, so the missed-day rules apply to the prior daily dose ${formatDose({ amount: daily, unit })}.`
      : pattern === 'REGULAR_INTERMITTENT'
        ? `Regular intermittent use (${why}): the missed-day rules apply to the average daily dose ${formatDose({ amount: anchorDaily, unit })}.`
        : `Not assumed dependent (${why}): after 0–2 missed days up to the prior single dose and the prior average daily amount; after 3 or more, the opioid-naive start.`,
    ['cdc-2022'],
  );
  if (multi && pattern !== 'REGULAR') {
    notes.line(`The same average (× ${daysPerWeek} ÷ 7) applies to every opioid of the regimen (one pattern for the regimen).`, { assumption: 'opioid-regimen-mme-summed' });
  }
  return { dose, times, regimen: repeated(dose, times), daily, mme, conversionMme, pattern, anchorDaily, isPatch, components, totalMme, totalConversionMme, multi };
}

/** The derivation of a regimen of several opioids: each component's daily MME, then the sum (issue 13). */
function regimenExposureLines(notes: PlanNotes, main: ComponentExposure, extras: readonly ComponentExposure[], totalMme: Mme, totalConversionMme: Mme): void {
  for (const c of extras) {
    const factor = c.drug.mmeFactor!;
    const unit = c.formulation.unit;
    const nominal = !c.mme.eq(c.conversionMme);
    notes.line(
      `Also taken before the break (${c.path}): ${componentText(c)}; ${
        nominal
          ? `the fentaNYL "12" patch delivers ${A.fentanylTwelveNominalRate.value} mcg/h: ${A.fentanylTwelveNominalRate.value} × ${factor.value} = ${formatAmount(c.mme)} MME/day for risk, ${A.fentanylTwelveLabel.value} × ${factor.value} = ${formatAmount(c.conversionMme)} MME/day for conversion`
          : `${formatAmount(c.daily)} ${unit}${c.isPatch ? '' : '/day'} × ${factor.value} = ${formatAmount(c.mme)} MME/day`
      }.`,
      factor,
      ...(nominal ? [A.fentanylTwelveNominalRate, A.fentanylTwelveLabel] : []),
      ...(c.formulation.wearHours ? [c.formulation.wearHours] : []),
    );
    if (nominal) {
      notes.warn(
        'FENTANYL_12_NOMINAL',
        'info',
        `The fentaNYL "12" patch delivers ${A.fentanylTwelveNominalRate.value} mcg/h: it counts as ${formatAmount(c.mme)} MME/day for risk, and as ${formatAmount(c.conversionMme)} MME/day when converting to another opioid.`,
        sourceIds(A.fentanylTwelveNominalRate),
      );
    }
  }
  const all = [main, ...extras];
  const differs = !totalMme.eq(totalConversionMme);
  notes.line(
    `Total prior daily MME of the regimen = ${all.map((c) => formatAmount(c.mme)).join(' + ')} = ${formatAmount(totalMme)} MME/day (every opioid taken before the break counts, each with its own factor; one break for all: the last dose of any of them)${
      differs ? `; for conversion ${all.map((c) => formatAmount(c.conversionMme)).join(' + ')} = ${formatAmount(totalConversionMme)} MME/day` : ''
    }.`,
    { assumption: 'opioid-regimen-mme-summed' },
  );
}

// --- Phase 2: tolerance (FDA definition decides products; anchors decide the retained fraction) ---------------------

interface Tolerance {
  readonly priorTolerant: boolean;
  readonly r: Decimal;
  readonly status: ToleranceStatus;
  readonly anchor: ToleranceAnchor;
  readonly missedDays: number;
}

function tolerancePhase(notes: PlanNotes, request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation, prior: PriorExposure, missedDays: number): Tolerance {
  const unit = formulation.unit;
  const threshold = drug.tolerantThreshold;
  const longEnough = request.priorDurationDays >= C.tolerantMinDays.value;
  const aloneTolerant = (c: ComponentExposure) => (c.drug.tolerantThreshold ? c.daily.gte(c.drug.tolerantThreshold.value) : c.mme.gte(C.tolerantMme.value));
  // A regimen: the total daily MME (conversion values, the lower ones) against 60 MME/day; a component that alone meets
  // its own FDA dose still does (adding an opioid never undoes tolerance).
  const atTolerantDose = prior.multi ? prior.components.some(aloneTolerant) || prior.totalConversionMme.gte(C.tolerantMme.value) : threshold ? prior.daily.gte(threshold.value) : prior.mme.gte(C.tolerantMme.value);
  const daily = prior.pattern === 'REGULAR';
  // A dose from non-prescribed use is uncertain: it never opens the products restricted to tolerant patients.
  const nonPrescribed = request.prior.nonPrescribed;
  const priorTolerant = longEnough && atTolerantDose && daily && !nonPrescribed;
  if (nonPrescribed) {
    notes.warn(
      'NON_PRESCRIBED_DOSE',
      'critical',
      'The prior dose comes from non-prescribed use (prior.nonPrescribed) and is uncertain: the plan uses it as reported for the missed-day rules, but does not count it as meeting the opioid-tolerant definition, so products restricted to tolerant patients are not restarted. Confirm the dose and tolerance clinically before each step.',
      ['fda-opioid-tolerant-definition'],
    );
    notes.line('Prior dose from non-prescribed use (prior.nonPrescribed): not counted as meeting the opioid-tolerant definition.', { assumption: 'opioid-non-prescribed-not-tolerant' });
  }
  if (prior.multi) {
    const alone = prior.components.filter(aloneTolerant);
    notes.line(
      `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (a regimen of several opioids: needs ≥ ${C.tolerantMinDays.value} days at a total of ≥ ${C.tolerantMme.value} MME/day, or one opioid alone at its FDA dose; had ${request.priorDurationDays} days at ${formatAmount(prior.totalConversionMme)} MME/day in total${
        alone.length ? `, ${alone.map((c) => `${c.path} at its FDA dose`).join(', ')}` : ''
      }${daily ? '' : `, ${prior.pattern === 'REGULAR_INTERMITTENT' ? 'not every day' : 'not regular use'}`}${nonPrescribed ? ', non-prescribed' : ''}). The FDA definition decides only which products may be restarted, not the retained fraction.`,
      C.tolerantMinDays,
      C.tolerantMme,
      ...alone.flatMap((c) => (c.drug.tolerantThreshold ? [c.drug.tolerantThreshold] : [])),
      { assumption: 'opioid-regimen-tolerant-total' },
    );
  } else notes.line(
    `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (needs ≥ ${C.tolerantMinDays.value} days at ≥ ${
      threshold ? `${formatAmount(threshold.value)} ${unit}${prior.isPatch ? '' : '/day'} ${drug.displayName}` : `${C.tolerantMme.value} MME/day`
    }; had ${request.priorDurationDays} days at ${formatAmount(prior.daily)} ${unit}${prior.isPatch ? '' : '/day'}${daily ? '' : `, ${prior.pattern === 'REGULAR_INTERMITTENT' ? 'not every day' : 'not regular use'}`}${nonPrescribed ? ', non-prescribed' : ''}). The FDA definition decides only which products may be restarted, not the retained fraction.`,
    C.tolerantMinDays,
    threshold ?? C.tolerantMme,
  );
  const retained = retainedFraction(C.anchors, missedDays);
  notes.assume('opioid-anchors-all-full-agonists');
  let r = retained.fraction;
  if (prior.pattern === 'NOT_DEPENDENT_ASSUMED') {
    r = missedDays <= 2 ? new D(1) : new D(0);
    notes.line(
      `Not assumed dependent: ${missedDays <= 2 ? `${missedDays} missed days (0–2): up to the prior single dose and the prior average daily amount (r = 1)` : `${missedDays} missed days (≥ 3): the opioid-naive start (r = 0)`}.`,
      A.regularMinDaysPerWeek,
    );
  } else {
    notes.line(
      `Retained fraction r = ${r.toFixed()} for ${missedDays} missed days (anchor from ${retained.anchor.fromMissedDays} missed days: ${retained.anchor.basis}).`,
      retained.anchor.retainedFraction,
    );
  }
  return { priorTolerant, r, status: toleranceStatus(r), anchor: retained.anchor, missedDays };
}

// --- Phase 3: product (amendments A1 CYP3A4 patch rule, A3 organ rows, A6) --------------------------------------------

interface ProductChoice extends Product {
  readonly kind: 'same' | 'same-molecule' | 'other';
  /** Why the prior product is not restarted. */
  readonly why?: string;
  /** An ER product kept at a restart after tolerance loss (keepProduct). */
  readonly keptAfterLoss?: boolean;
  /** The FDA definition, not r, excluded the product. */
  readonly gate?: boolean;
  /** The prior product or regimen is restricted to opioid-tolerant patients. */
  readonly restricted?: boolean;
  /** The product was changed for an interaction (CYP3A4), not for tolerance. */
  readonly interaction?: boolean;
}

function productPhase(
  notes: PlanNotes,
  request: RestartRequest,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  prior: PriorExposure,
  tolerance: Tolerance,
  exposure: ExposureChangeCap | null,
): ProductChoice | { readonly refuse: 'OPIOID_TOLERANT_ONLY_PRODUCT'; readonly why: string } {
  const { r, priorTolerant, status } = tolerance;
  if (formulation.release === 'immediate' && !prior.isPatch && !formulation.restrictedToTolerant) return { drug, formulation, kind: 'same' };
  const wholeRestricted = Boolean(formulation.restrictedToTolerant);
  const priorRestricted = isRestrictedRegimen(formulation, prior.dose, prior.daily);
  const patchExposure = prior.isPatch && exposure !== null;
  if (r.gte(1) && (priorTolerant || !priorRestricted) && !patchExposure) {
    notes.line(
      `Product: ${drug.displayName} ${formulation.name} is continued, because r = 1 and ${priorTolerant ? 'the patient was opioid-tolerant' : 'the prior regimen is not restricted to opioid-tolerant patients'}.`,
    );
    return { drug, formulation, kind: 'same' };
  }
  const restriction = formulation.restrictedToTolerant ?? formulation.restrictedAbove;
  let why: string;
  let gate = false;
  const restricted = wholeRestricted || priorRestricted;
  if (patchExposure) {
    why = `a CYP change raises fentaNYL exposure (${exposure.reasons.join('; ')}): the patch is not restarted`;
  } else if (r.gte(1)) {
    why = 'the patient was not opioid-tolerant before the break';
    gate = true;
  } else {
    why = `tolerance is ${status} (r = ${r.toFixed()} < 1)`;
  }
  const keep = request.keepProduct === true;
  if (keep && !patchExposure && (wholeRestricted || gate)) return { refuse: 'OPIOID_TOLERANT_ONLY_PRODUCT', why };
  if (keep && !patchExposure && !wholeRestricted && formulation.naiveStart) {
    notes.line(
      `Product: ${drug.displayName} ${formulation.name} is kept (keepProduct) after ${status === 'lost' ? 'tolerance loss' : 'reduced tolerance'}: its label allows opioid-naive starts. ${C.erLaRule.rule}.`,
      formulation.naiveStart.dose,
      C.erLaRule,
    );
    return { drug, formulation, kind: 'same', keptAfterLoss: true };
  }
  const p = restartProduct(drug, formulation);
  notes.line(
    `Restricted product: ${drug.displayName} ${formulation.name} is not restarted because ${why}. ${restricted && restriction ? `Label: ${restriction.rule}. ` : ''}${C.erLaRule.rule}.`,
    ...(restricted && restriction ? [restriction] : []),
    C.erLaRule,
  );
  notes.line(`Restart product: ${p.reason}.`, { assumption: 'opioid-restart-product' });
  if (gate) {
    notes.warn(
      'TOLERANCE_PRODUCT_GATE',
      'info',
      `${drug.displayName} ${formulation.name} at this dose is only for opioid-tolerant patients, and the patient did not meet the FDA definition before the break: the product, not the dose rule, is what changes.`,
      ['fda-opioid-tolerant-definition'],
    );
  }
  return { drug: p.drug, formulation: p.formulation, kind: p.sameMolecule ? 'same-molecule' : 'other', why, gate, restricted, interaction: patchExposure };
}

// --- Phase 4: ceiling (target) on the restart product (amendments A2, A3) ---------------------------------------------

interface Ceiling {
  readonly target: ProductAmount[];
  /** Administrations a day allowed on the restart product (tramadol in renal or hepatic impairment: 2). */
  readonly maxTimes: number;
  /** Largest single dose allowed. */
  readonly maxDose: ProductAmount;
  readonly capped: readonly { readonly code: string; readonly text: string }[];
}

function crclBelowSevere(request: RestartRequest): boolean {
  const crcl = request.patient.creatinineClearanceMlMin;
  return (crcl !== undefined && crcl < A.severeRenalCrCl.value) || request.patient.hemodialysis;
}

function ceilingPhase(notes: PlanNotes, request: RestartRequest, prior: PriorExposure, choice: ProductChoice): Ceiling {
  const { drug: d, formulation: f } = choice;
  const unit = f.unit;
  const factor2 = d.mmeFactor!;
  let targetDaily: ProductAmount;
  let maxTimes: number;
  let maxDose: ProductAmount;
  if (prior.multi) {
    // A regimen restarts on one product: every component adds into its ceiling (issue 13).
    targetDaily = regimenTarget(notes, prior, choice);
    maxDose = productAmount(new D(f.maxSingleDose.value));
    const neededTimes = targetDaily.div(f.maxSingleDose.value).ceil().toNumber();
    const naiveTimes = f.naiveStart?.timesPerDay.value ?? prior.times;
    maxTimes = Math.min(f.maxTimesPerDay.value, Math.max(naiveTimes, neededTimes, choice.kind === 'same' ? prior.times : 1));
  } else if (choice.kind === 'same') {
    targetDaily = prior.anchorDaily;
    maxTimes = prior.times;
    maxDose = prior.dose;
  } else {
    maxDose = productAmount(new D(f.maxSingleDose.value));
    const naiveTimes = f.naiveStart!.timesPerDay.value;
    if (choice.kind === 'same-molecule') {
      targetDaily = prior.anchorDaily;
      notes.line(
        `Ceiling target on ${d.displayName} ${f.name}: the same molecule, so the prior daily dose ${formatAmount(prior.anchorDaily)} ${unit}/day (${formatAmount(riskMme(d, f, prior.anchorDaily))} MME/day).`,
        { assumption: 'same-molecule-er-to-ir' },
      );
    } else {
      // The prior conversion MME × the anchor's share of the prior daily dose (1 for regular use).
      const anchorMme = per(timesOf(prior.conversionMme, prior.anchorDaily), prior.daily);
      const targetMme = timesOf(anchorMme, C.crossToleranceRetainedFraction.value);
      const highEnd = timesOf(anchorMme, new D(1).sub('0.25'));
      notes.line(
        `Ceiling target on a different opioid: MME is not used to pick the dose (incomplete cross-tolerance${prior.isPatch ? '; the patch label conversion table is only for converting TO the patch and must not be used in reverse' : ''}). Prior ${formatAmount(anchorMme)} MME/day reduced by 50%: ${formatAmount(targetMme)} MME/day (sources: reduce 25–50%, i.e. ${formatAmount(targetMme)}–${formatAmount(highEnd)} MME/day; the lower end is taken; never above the prior ${formatAmount(anchorMme)} MME/day).`,
        C.crossToleranceRetainedFraction,
        C.crossToleranceReductionRange,
      );
      const exact = productAmountOfMme(targetMme, factor2.value);
      targetDaily = floor2(exact);
      notes.line(
        `Ceiling target in ${d.displayName}: ${formatAmount(targetMme)} MME/day ÷ ${formatAmount(factor2.value)} (its MME factor) = ${formatAmount(targetDaily)}${exact.eq(targetDaily) ? '' : ' (rounded down to 0.01)'} ${unit}/day.`,
        factor2,
      );
    }
    const neededTimes = targetDaily.div(f.maxSingleDose.value).ceil().toNumber();
    maxTimes = Math.min(f.maxTimesPerDay.value, Math.max(naiveTimes, neededTimes));
  }
  const capped: { code: string; text: string }[] = [];
  let doseFromLabel = false;
  const cap = (limit: ProductAmount, code: string, text: string, ...provenance: Provenance[]) => {
    if (targetDaily.gt(limit)) {
      notes.line(`Ceiling target capped at ${formatDose({ amount: limit, unit })}/day: ${text}.`, ...provenance);
      capped.push({ code, text });
      targetDaily = limit;
    }
  };
  if (f.maxDailyDose) cap(productAmount(new D(f.maxDailyDose.value)), 'LABEL_MAXIMUM', 'the label maximum', f.maxDailyDose);
  if (d.id === 'tramadol') {
    const age = request.patient.ageYears;
    if (age !== undefined && age >= A.tramadolCapAge.value) {
      cap(productAmount(new D(A.tramadolAgeCapMg.value)), 'TRAMADOL_AGE_CAP', `age ${age} (patient.ageYears ≥ ${A.tramadolCapAge.value}): not more than ${A.tramadolAgeCapMg.value} mg/day`, A.tramadolAgeCapMg, A.tramadolCapAge);
    }
    if (f.release === 'immediate' && crclBelowSevere(request)) {
      cap(productAmount(new D(A.tramadolRenalMaxDailyMg.value)), 'TRAMADOL_RENAL', `creatinine clearance below ${A.severeRenalCrCl.value} mL/min: every 12 hours, at most ${A.tramadolRenalMaxDailyMg.value} mg/day`, A.tramadolRenalMaxDailyMg, A.severeRenalCrCl);
      if (maxTimes > A.tramadolRenalTimesPerDay.value) {
        maxTimes = A.tramadolRenalTimesPerDay.value;
        // Fewer, larger doses (every 12 hours) at the same daily total, within the label's single dose.
        maxDose = smaller(productAmount(new D(f.maxSingleDose.value)), per(productAmount(new D(A.tramadolRenalMaxDailyMg.value)), maxTimes));
        doseFromLabel = true;
        notes.line(`Tramadol every 12 hours (creatinine clearance below ${A.severeRenalCrCl.value} mL/min): at most ${maxTimes} administrations a day.`, A.tramadolRenalTimesPerDay);
      }
    }
    if (f.release === 'immediate' && (request.patient.hepaticGrade === 'moderate' || request.patient.hepaticGrade === 'severe')) {
      const cirrhosisDaily = timesOf(productAmount(new D(A.tramadolCirrhosisDoseMg.value)), A.tramadolCirrhosisTimesPerDay.value);
      cap(cirrhosisDaily, 'TRAMADOL_HEPATIC', `cirrhosis (patient.hepaticImpairment = ${request.patient.hepaticGrade}): ${A.tramadolCirrhosisDoseMg.value} mg every 12 hours`, A.tramadolCirrhosisDoseMg, A.tramadolCirrhosisTimesPerDay);
      maxTimes = Math.min(maxTimes, A.tramadolCirrhosisTimesPerDay.value);
      maxDose = productAmount(new D(A.tramadolCirrhosisDoseMg.value));
      doseFromLabel = true;
    }
  }
  // An ER product kept after tolerance loss never titrates into its opioid-tolerant-only doses.
  if (choice.keptAfterLoss && f.restrictedAbove) {
    const r = f.restrictedAbove;
    if (r.dailyDose) cap(productAmount(new D(r.dailyDose)), 'RESTRICTED_DOSE', `${r.rule}; the patient must first re-establish tolerance`, r);
    if (r.singleDose) maxDose = smaller(maxDose, productAmount(new D(r.singleDose)));
    if (r.singleDoseAtLeast) maxDose = smaller(maxDose, productAmount(new D(r.singleDoseAtLeast).sub('0.01')));
  }
  const single = !prior.multi && choice.kind === 'same';
  const dose = doseFromLabel ? maxDose : smaller(maxDose, single ? prior.dose : maxDose);
  const made = single && targetDaily.eq(prior.daily) && maxTimes >= prior.times ? prior.regimen : fillRegimen(targetDaily, dose, maxTimes, f);
  // Nothing fits: the smallest amount the product makes (a scored half counts), never a whole unit above it.
  const target = made ?? [nextAbove(productAmount(new D(0)), productAmount(new D(f.maxSingleDose.value)), f.strengths)?.amount ?? smallestUnit(f)];
  notes.line(
    `Ceiling target: ${describe(target, unit)} = ${formatAmount(riskMme(d, f, dailyOf(target)))} MME/day${made ? '' : ' (no real strength fits under the target: the smallest unit)'}.`,
    ...(single || !f.naiveStart ? [] : [f.naiveStart.timesPerDay]),
  );
  return { target, maxTimes, maxDose: dose, capped };
}

/**
 * The ceiling of a regimen of several opioids on the one restart product (issue 13): the same molecule adds in its
 * own unit; another molecule converts through MME with the incomplete cross-tolerance reduction (the lower end).
 * Never above the summed prior MME.
 */
function regimenTarget(notes: PlanNotes, prior: PriorExposure, choice: ProductChoice): ProductAmount {
  const { drug: d, formulation: f } = choice;
  const unit = f.unit;
  const factor2 = d.mmeFactor!;
  const ratio = prior.anchorDaily.div(prior.daily);
  const averaged = !ratio.eq(1);
  notes.line(
    `Ceiling target on ${d.displayName} ${f.name}, the one product of the restart: each opioid of the regimen adds into it${averaged ? ` (each at its average daily dose, × ${formatAmount(prior.anchorDaily)} ÷ ${formatAmount(prior.daily)})` : ''}: the same molecule in ${unit}; another molecule through MME, reduced for incomplete cross-tolerance.`,
    { assumption: 'opioid-regimen-one-product' },
  );
  const parts: ProductAmount[] = [];
  for (const c of prior.components) {
    const anchor = floor2(timesOf(c.daily, ratio));
    if (c.drug.id === d.id && !c.isPatch && c.formulation.unit === unit) {
      parts.push(anchor);
      notes.line(
        `  ${c.path} ${c.drug.displayName} ${c.formulation.name}: the same molecule: ${formatAmount(anchor)} ${unit}/day.`,
        { assumption: 'same-molecule-er-to-ir' },
      );
    } else {
      const mme = timesOf(c.conversionMme, ratio);
      const reduced = timesOf(mme, C.crossToleranceRetainedFraction.value);
      const exact = productAmountOfMme(reduced, factor2.value);
      const part = floor2(exact);
      parts.push(part);
      notes.line(
        `  ${c.path} ${c.drug.displayName} ${c.formulation.name}: a different opioid: ${formatAmount(mme.toDecimalPlaces(2, D.ROUND_DOWN))} MME/day reduced by 50% = ${formatAmount(reduced.toDecimalPlaces(2, D.ROUND_DOWN))} MME/day (sources: reduce 25–50%; the lower end is taken${c.isPatch ? '; the patch conversion table is only for converting TO the patch' : ''}) ÷ ${formatAmount(factor2.value)} = ${formatAmount(part)}${exact.eq(part) ? '' : ' (rounded down to 0.01)'} ${unit}/day.`,
        C.crossToleranceRetainedFraction,
        C.crossToleranceReductionRange,
        factor2,
      );
    }
  }
  let total = dailyOf(parts);
  const capMg = floor2(productAmountOfMme(prior.totalMme, factor2.value));
  const capped = total.gt(capMg);
  if (capped) total = capMg;
  notes.line(
    `Ceiling target = ${parts.map((p) => formatAmount(p)).join(' + ')} = ${formatAmount(dailyOf(parts))} ${unit}/day = ${formatAmount(riskMme(d, f, dailyOf(parts)))} MME/day${capped ? `, held at the summed prior ${formatAmount(prior.totalMme)} MME/day = ${formatAmount(capMg)} ${unit}/day` : `; never above the summed prior ${formatAmount(prior.totalMme)} MME/day`}.`,
  );
  return total;
}

// --- Phase 5: first step (amendments A4, A6, A1 exposure cap, A3 organ starts) -----------------------------------------

interface FirstStep {
  readonly first: ProductAmount[];
  readonly rule: string;
  readonly naive: LabelNaiveStart | null;
  /** The first step is the naive start and risk or organ inputs lowered it. */
  readonly loweredBy: readonly string[];
}

function organNaiveFraction(request: RestartRequest, drug: OpioidDrug): { fraction: Sourced<string>; why: string } | undefined {
  if (drug.id !== 'hydromorphone') return undefined;
  const { patient } = request;
  const severe = patient.hepaticGrade === 'severe' || crclBelowSevere(request);
  const moderate = patient.hepaticGrade === 'moderate' || patient.renalImpairment || (patient.creatinineClearanceMlMin ?? Infinity) < A.renalImpairmentBelowCrCl.value;
  if (severe) return { fraction: A.hydromorphoneSevereOrganFraction, why: 'HYDROmorphone label, severe renal or hepatic impairment (patient.hepaticImpairment / patient.creatinineClearanceMlMin)' };
  if (moderate) return { fraction: A.hydromorphoneOrganFraction, why: 'HYDROmorphone label, moderate renal or hepatic impairment (patient.hepaticImpairment / patient.renalImpairment)' };
  return undefined;
}

function firstStepPhase(
  notes: PlanNotes,
  request: RestartRequest,
  prior: PriorExposure,
  tolerance: Tolerance,
  choice: ProductChoice,
  ceiling: Ceiling,
  risks: readonly RiskInput[],
  exposure: ExposureChangeCap | null,
): FirstStep {
  const { drug: d, formulation: f } = choice;
  const unit = f.unit;
  const { r } = tolerance;
  const target = ceiling.target;
  const targetDaily = dailyOf(target);
  const naive = labelNaiveStart(notes, d, f, ceiling.maxTimes, risks, organNaiveFraction(request, d));
  const naiveRegimen = naive?.regimen ?? null;
  const naiveDaily = naiveRegimen ? dailyOf(naiveRegimen) : null;
  const naiveLoweredBy = naive?.lowered ? [...risks.map((x) => x.input), ...(organNaiveFraction(request, d) ? ['HYDROmorphone label: renal or hepatic impairment'] : [])] : [];
  const capLoweredBy: string[] = [];
  // Each administration at most the target's largest, so titration only ever raises doses towards the target.
  // Uneven administrations are allowed so the step comes as close to prior × r as real strengths make it.
  const make = (daily: ProductAmount) => (daily.gt(0) ? fillRegimen(daily, largestOf(target), Math.min(target.length, ceiling.maxTimes), f) : null);

  let first: ProductAmount[];
  let rule: string;
  let usesNaive = false;
  let naiveLine: string | null = null;
  const onTarget = choice.kind === 'other' || prior.multi;
  const baseName = onTarget ? 'ceiling target' : prior.pattern === 'REGULAR' ? 'prior daily' : 'average daily';
  if (r.isZero()) {
    usesNaive = true;
    first = naiveRegimen ?? [smallestUnit(f)];
    rule = prior.pattern === 'NOT_DEPENDENT_ASSUMED' ? 'opioid-naive start (not assumed dependent, 3 or more missed days)' : 'opioid-naive start (tolerance lost)';
    naiveLine = `First step: the opioid-naive start, because ${baseName} × r = ${formatAmount(onTarget ? targetDaily : prior.anchorDaily)} × 0 = 0 ${unit} is not above it.`;
  } else if (r.gte(1)) {
    first = [...target];
    rule = prior.pattern === 'NOT_DEPENDENT_ASSUMED' ? 'prior single dose and average daily amount (0–2 missed days)' : prior.multi ? 'ceiling target of the regimen (r = 1)' : prior.pattern === 'REGULAR' ? 'prior dose (tolerance retained)' : 'average daily dose (tolerance retained)';
    notes.line(
      prior.pattern === 'REGULAR' && choice.kind === 'same' && !prior.multi
        ? 'First step: the prior dose, because tolerance is retained (r = 1).'
        : `First step: the ceiling target, because r = 1 (${prior.pattern === 'NOT_DEPENDENT_ASSUMED' ? 'up to the prior single dose and the prior average daily amount' : prior.pattern === 'REGULAR' ? 'tolerance retained' : 'the average daily dose'}): ${describe(first, unit)}.`,
    );
  } else {
    // r applies to the prior (or average) daily dose on the same molecule, and to the converted target on another;
    // never above the ceiling target (label or organ caps).
    const base = onTarget ? targetDaily : prior.anchorDaily;
    const allowed = smaller(timesOf(base, r), targetDaily);
    const rounded = make(allowed);
    if (rounded && (!naiveDaily || atMost(naiveDaily, dailyOf(rounded)))) {
      first = rounded;
      rule = `${prior.multi ? 'ceiling target of the regimen' : 'prior daily dose'} × r = ${formatDose({ amount: allowed, unit })}, rounded down to real strengths`;
      notes.line(`First step: ${baseName} × r = ${formatAmount(base)} × ${r.toFixed()} = ${formatDose({ amount: base.mul(r), unit })} daily${allowed.lt(base.mul(r)) ? `, at most the ceiling target ${formatDose({ amount: targetDaily, unit })}` : ''}, rounded down: ${describe(rounded, unit)}.`);
    } else {
      usesNaive = true;
      first = naiveRegimen ?? rounded ?? [smallestUnit(f)];
      rule = 'opioid-naive start (prior × r is not above it)';
      naiveLine = `First step: the opioid-naive start, because ${baseName} × r = ${formatAmount(base)} × ${r.toFixed()} = ${formatDose({ amount: allowed, unit })} is not above it.`;
    }
  }
  const naiveAtOrAboveTarget = usesNaive && atMost(targetDaily, dailyOf(first));
  if (naiveLine && !naiveAtOrAboveTarget) notes.line(naiveLine);
  // Interaction change that raises exposure (amendment A1): at most half of what the anchors give, never below the naive start.
  if (exposure && !usesNaive) {
    const capDaily = timesOf(dailyOf(first), exposure.fraction);
    const capped = make(capDaily);
    const floor = naiveDaily && below(naiveDaily, targetDaily) ? naiveRegimen! : null;
    let chosen = capped ?? floor ?? first;
    if (floor && below(dailyOf(chosen), dailyOf(floor))) chosen = floor;
    if (below(dailyOf(chosen), dailyOf(first))) {
      notes.line(
        `First step capped for an interaction change (${exposure.reasons.join('; ')}): × ${exposure.fraction.toFixed()} = at most ${formatDose({ amount: capDaily, unit })} daily, never below the opioid-naive start: ${describe(chosen, unit)}.`,
        ...exposure.provenance,
        { assumption: 'opioid-exposure-cap-never-below-naive' },
      );
      first = chosen;
      rule = `${rule}; capped × ${exposure.fraction.toFixed()} for ${exposure.codes.join(' and ')}`;
      capLoweredBy.push(...exposure.reasons);
    }
  }
  // Never above the target; never more administrations than the target.
  if (below(targetDaily, dailyOf(first)) || naiveAtOrAboveTarget) {
    first = [...target];
    rule = usesNaive ? 'prior dose (at or below the opioid-naive start)' : 'ceiling target (the first step would have been above it)';
    notes.line(
      usesNaive
        ? `First step: the prior dose, because it is no higher than the opioid-naive start (${formatDose({ amount: naiveDaily ?? dailyOf(first), unit })} daily).`
        : `First step lowered to the ceiling target: ${describe(first, unit)}.`,
    );
  } else if (first.length > target.length || below(largestOf(target), largestOf(first))) {
    first = fillEven(dailyOf(first), smaller(largestOf(first), largestOf(target)), target.length, f) ?? [smallestUnit(f)];
  }
  // Only when the start given is really above the range: a start lowered for risk factors (tapentadol 50 mg once a
  // day = 20 MME) is within it, and the warning would then misstate it.
  if (naive?.aboveRange && usesNaive && riskMme(d, f, dailyOf(first)).gt(C.naiveDailyCapMme.value)) {
    notes.warn(
      'NAIVE_START_ABOVE_CDC_RANGE',
      'warning',
      `The opioid-naive start on ${d.displayName} (${describe(first, unit)} = ${formatAmount(riskMme(d, f, dailyOf(first)))} MME/day) is above the CDC range of about 20–30 MME/day because the label's smallest dose is ${formatAmount(productMme(productAmount(new D(f.naiveStart!.dose.value)), f.unit, d.mmeFactor!.value))} MME; at most ${A.naiveAboveRangeMaxDoses.value} doses a day are allowed. ${d.id === 'tapentadol' ? 'Tapentadol MME reflects its mu-opioid activity only (CDC table).' : ''}`.trim(),
      sourceIds(A.naiveAboveRangeMaxDoses),
    );
  }
  // A naive start lowered by risk inputs names them, unless the prior dose (not the lowered start) set the step.
  const naiveSetStep = usesNaive && !rule.startsWith('prior dose');
  // prior × r below the unlowered naive start: without the risk inputs the naive start would have been the floor, so
  // they lowered the step too (the lowered naive start no longer floors prior × r).
  const plain = naive?.lowered ? labelNaiveStart(null, d, f, ceiling.maxTimes, []) : null;
  const floorLowered = !usesNaive && plain !== null && below(dailyOf(first), smaller(dailyOf(plain.regimen), targetDaily));
  return { first, rule, naive, loweredBy: [...(naiveSetStep || floorLowered ? naiveLoweredBy : []), ...capLoweredBy] };
}


// --- Phase 6: acetaminophen (amendment A5) -----------------------------------------------------------------------------

interface AcetaminophenOutcome {
  readonly choice: ProductChoice;
  readonly first: ProductAmount[];
  readonly target: ProductAmount[];
  /** Acetaminophen (mg) of a day's administrations plus other sources, for the step lines (combination products only). */
  readonly apapOf?: (regimen: readonly ProductAmount[]) => Mg;
  /** A titration step must keep acetaminophen within the limit. */
  readonly admissible?: (regimen: readonly ProductAmount[]) => boolean;
  /** The combination product the single-ingredient product replaces, with its first step and target: its titration paces the new one. */
  readonly replaced?: { readonly choice: ProductChoice; readonly first: ProductAmount[]; readonly target: ProductAmount[] };
}

function acetaminophenPhase(notes: PlanNotes, request: RestartRequest, prior: PriorExposure, choice: ProductChoice, first: ProductAmount[], target: ProductAmount[]): AcetaminophenOutcome {
  const f = choice.formulation;
  if (!f.combination) return { choice, first, target };
  const apap = acetaminophenLimit(request);
  const other = mg(new D(request.acetaminophenOtherSourcesMgPerDay ?? 0));
  // A regimen: the acetaminophen of every combination product taken before the break.
  const priorApap = prior.multi
    ? prior.components.reduce<Mg>((total, c) => (c.formulation.combination ? add(total, acetaminophenDaily(repeated(c.dose, c.times), c.formulation)) : total), mg(new D(0)))
    : acetaminophenDaily(prior.regimen, f);
  const total = (regimen: readonly ProductAmount[]) => add(acetaminophenDaily(regimen, f), other);
  notes.line(
    `Acetaminophen in the prior regimen: ${formatAmount(priorApap)} mg/day (counted from the fewest tablets that make each dose)${other.gt(0) ? ` + ${formatAmount(other)} mg/day from other sources (acetaminophenOtherSourcesMgPerDay)` : ''}; limit for this patient ${formatAmount(apap.limit)} mg/day (${apap.why}), counting every source.`,
    { assumption: 'combination-apap-fewest-tablets' },
    ...apap.provenance,
  );
  notes.warn(
    'ACETAMINOPHEN_CEILING',
    'info',
    `Acetaminophen ceiling for this patient: ${formatAmount(apap.limit)} mg/day counting every source (${apap.why}). CDC 2022: acetaminophen is hepatotoxic above 3–4 g/day and at lower doses with chronic alcohol use or liver disease${request.patient.alcoholUse || request.patient.hepaticImpairment ? ' — this patient has that risk' : ''}.`,
    ['cdc-2022', 'ags-acetaminophen-2009'],
  );
  if (below(apap.limit, add(priorApap, other))) {
    notes.warn(
      'ACETAMINOPHEN_LIMIT',
      'critical',
      `The prior regimen gives ${formatAmount(add(priorApap, other))} mg of acetaminophen a day${other.gt(0) ? ' with other sources' : ''}, above the ${formatAmount(apap.limit)} mg/day limit for this patient (${apap.why}): risk of severe liver injury.`,
      ['fda-acetaminophen-2011', 'cdc-2022', 'ags-acetaminophen-2009'],
    );
    notes.line(`Warning ACETAMINOPHEN_LIMIT: prior ${formatAmount(add(priorApap, other))} mg/day > limit ${formatAmount(apap.limit)} mg/day.`);
  }
  const over = below(apap.limit, total(first)) || below(apap.limit, total(target));
  // Within the limit at both ends: every titration step stays within it too (no step passes through it).
  if (!over) return { choice, first, target, apapOf: total, admissible: (regimen) => atMost(total(regimen), apap.limit) };
  const productOver = below(apap.limit, acetaminophenDaily(first, f)) || below(apap.limit, acetaminophenDaily(target, f));
  if (other.gt(0) && !productOver) {
    notes.warn(
      'APAP_OTHER_SOURCES',
      'warning',
      `Acetaminophen from other sources (${formatAmount(other)} mg/day) brings the total above ${formatAmount(apap.limit)} mg/day: stop or reduce the other acetaminophen, or use the plan's single-ingredient product.`,
      ['fda-acetaminophen-2011', 'cdc-2022'],
    );
  }
  const partner = f.singleIngredient ? (findFormulation(choice.drug, f.singleIngredient.formulation) as OpioidFormulation) : null;
  // A partner whose smallest strength is above the first step's daily opioid mg cannot take the dose over: moving to it
  // would raise the opioid (never above the prior dose; house rule 1), so the prescriber decides, as when none exists.
  const tooStrong = partner !== null && below(dailyOf(first), smallestUnit(partner));
  const single = tooStrong ? null : partner;
  if (single) {
    const reexpress = (regimen: readonly ProductAmount[]) => {
      const daily = dailyOf(regimen);
      const times = Math.min(single.maxTimesPerDay.value, Math.max(regimen.length, daily.div(single.maxSingleDose.value).ceil().toNumber()));
      return fillRegimen(daily, smaller(productAmount(new D(single.maxSingleDose.value)), largestOf(regimen)), times, single) ?? [smallestUnit(single)];
    };
    const first2 = reexpress(first);
    const target2 = reexpress(target);
    notes.line(
      `Acetaminophen would pass ${formatAmount(apap.limit)} mg/day: the opioid dose is kept and moved to the single-ingredient product (${choice.drug.displayName} ${single.name}) at the same opioid mg (never cut the opioid to fix acetaminophen): first step ${describe(first2, single.unit)}, ceiling ${describe(target2, single.unit)}.`,
      f.singleIngredient!,
    );
    notes.warn(
      'APAP_LIMIT_SWITCH',
      'critical',
      `Switch product, do not cut the opioid (CDC 2022 Rec 5: no abrupt dose reductions): the plan uses the single-ingredient ${choice.drug.displayName} ${single.name} at the same opioid dose; acetaminophen can continue separately up to ${formatAmount(apap.limit)} mg/day in total.`,
      [f.singleIngredient!.source, 'cdc-2022'],
    );
    return { choice: { ...choice, formulation: single }, first: first2, target: target2, replaced: { choice, first, target } };
  }
  const noPartner = tooStrong
    ? `the single-ingredient ${choice.drug.displayName} ${partner.name} cannot carry it: its smallest strength (${formatDose({ amount: smallestUnit(partner), unit: partner.unit })}) is above the first step's ${formatDose({ amount: dailyOf(first), unit: f.unit })} a day`
    : `${choice.drug.displayName} has no single-ingredient immediate-release product here`;
  notes.line(
    `Acetaminophen would pass ${formatAmount(apap.limit)} mg/day, and ${noPartner}: the opioid dose is kept (never cut to fix acetaminophen) and a prescriber decision is required.`,
    ...apap.provenance,
    ...(tooStrong ? [f.singleIngredient!, { assumption: 'apap-switch-keeps-combination-pace' }] : []),
  );
  notes.warn(
    'APAP_LIMIT_NO_SINGLE_AGENT',
    'critical',
    `This schedule gives more acetaminophen than ${formatAmount(apap.limit)} mg/day (${apap.why}) and ${tooStrong ? `the single-ingredient ${choice.drug.displayName} ${partner.name} has no strength as small as this dose` : `there is no single-ingredient ${choice.drug.displayName} product`}: the prescriber must choose — for example a conversion to another opioid with a cross-tolerance reduction (CDC table caution), or fewer tablets with added non-acetaminophen analgesia. The opioid dose was not cut.`,
    ['cdc-2022', 'fda-acetaminophen-2011'],
  );
  return { choice, first, target, apapOf: total };
}

// --- Phase 7: titration ----------------------------------------------------------------------------------------------

/**
 * A product's titration rule for this patient: the protocol's largest rise a step, no sooner than the label's intervals, lengthened
 * when the kidneys clear a toxic metabolite slowly.
 */
function titrationRule(request: RestartRequest, choice: ProductChoice): { readonly rule: TitrationRule<ProductAmount>; readonly renalSlow: boolean } {
  const renalSlow = A.renalMetaboliteDrugs.value.includes(choice.drug.id) && crclBelowSevere(request);
  const label = choice.formulation.titrationIntervalsDays.value;
  const intervalsDays = renalSlow ? label.map((days) => days * A.renalIntervalMultiplier.value) : label;
  // Stryker disable next-line StringLiteral: buildTitration never reads the rule's description
  return { rule: { maxRiseFraction: new D(C.maxRiseFraction.value), intervalsDays, description: 'opioid titration' }, renalSlow };
}

/**
 * The schedule of the combination product a single-ingredient product replaces (amendment A5), as the new product's
 * pace: the switch keeps the opioid mg, so the new product must not titrate faster than the old one would have
 * (its coarser strengths would otherwise make bigger rises, a faster schedule than the patient's own product).
 */
function replacedProductPace(request: RestartRequest, replaced: NonNullable<AcetaminophenOutcome['replaced']>): readonly { start: string; daily: ProductAmount }[] {
  const { choice, first, target } = replaced;
  const { rule } = titrationRule(request, choice);
  // Stryker disable next-line StringLiteral: the pace keeps only the dates and daily totals of its steps
  const scheduled = buildTitration({ startDate: checkedDate(request.restartDate), first, firstRule: 'first step', target: atMost(dailyOf(target), dailyOf(first)) ? first : target, rule, strengths: choice.formulation.strengths });
  return scheduled.map((step) => ({ start: step.start, daily: step.daily }));
}

function titrationPhase(
  notes: PlanNotes,
  request: RestartRequest,
  choice: ProductChoice,
  first: ProductAmount[],
  firstRule: string,
  target: ProductAmount[],
  apapOf: ((regimen: readonly ProductAmount[]) => Mg) | undefined,
  admissible?: (regimen: readonly ProductAmount[]) => boolean,
  replaced?: AcetaminophenOutcome['replaced'],
): PlanStep[] {
  const { drug: d, formulation: f } = choice;
  const unit = f.unit;
  const { rule, renalSlow } = titrationRule(request, choice);
  const startDate = checkedDate(request.restartDate);
  const pace = replaced ? { name: replaced.choice.formulation.name, intervals: replaced.choice.formulation.titrationIntervalsDays, steps: replacedProductPace(request, replaced) } : undefined;
  let scheduled: readonly ScheduledStep<ProductAmount, IsoDate>[];
  if (atMost(dailyOf(target), dailyOf(first))) {
    scheduled = buildTitration({ startDate, first, firstRule, target: first, rule, strengths: f.strengths });
  } else {
    notes.line(
      `Titration ceiling: each step at most + ${rule.maxRiseFraction.mul(100).toFixed()}% of the current daily dose, or the smallest rise the strengths can make; no sooner than every ${rule.intervalsDays.join(' then ')} days${renalSlow ? ` (the label interval × ${A.renalIntervalMultiplier.value}: creatinine clearance below ${A.severeRenalCrCl.value} mL/min)` : ''}; up to the ceiling target.`,
      C.maxRiseFraction,
      f.titrationIntervalsDays,
      ...(renalSlow ? [A.renalIntervalMultiplier] : []),
    );
    scheduled = buildTitration({
      startDate,
      first,
      firstRule,
      target,
      rule,
      strengths: f.strengths,
      ...(admissible ? { admissible } : {}),
      ...(pace ? { pace: pace.steps } : {}),
    });
    if (pace) {
      notes.line(
        `Pace: no step runs ahead of the ${pace.name} schedule (${pace.steps.map((p) => `${p.start} ${formatDose({ amount: p.daily, unit })}`).join(', ')}), the product it replaces at the same opioid mg; a rise those strengths cannot make by then waits a further interval.`,
        { assumption: 'apap-switch-keeps-combination-pace' },
        C.maxRiseFraction,
        pace.intervals,
      );
    }
    if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) notes.assume('smallest-practical-rise');
    const lastDaily = scheduled[scheduled.length - 1]!.daily;
    if (below(lastDaily, dailyOf(target))) {
      notes.line(
        pace
          ? `The schedule stops at ${formatDose({ amount: lastDaily, unit })} daily: no higher step can be made with these strengths without running ahead of the ${pace.name} schedule.`
          : `The schedule stops at ${formatDose({ amount: lastDaily, unit })} daily: no higher step can be made within the acetaminophen limit with these tablets.`,
      );
    }
  }
  const mmeOf = stepMme(d, f);
  const checkpointMme = mme(new D(C.checkpointMme.value));
  const checkpoint = (step: ScheduledStep, previous: ScheduledStep | undefined): string | null =>
    previous && below(mmeOf(previous.daily), checkpointMme) && atMost(checkpointMme, mmeOf(step.daily))
      ? `Crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before this step; offer naloxone.`
      : null;
  const steps = toPlanSteps(scheduled, { drug: d.id, formulation: f, equivalent: { unit: 'MME', of: mmeOf }, checkpoint });
  steps.forEach((step, index) => {
    const apapText = apapOf ? `; acetaminophen ${formatAmount(apapOf(productAmounts(step.administrations.map((a) => new D(a)))))} mg/day` : '';
    notes.line(
      `Step ${index + 1} from ${step.start}: ${d.displayName} ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily = ${formatAmount(step.dailyEquivalent!.amount)} MME/day${apapText} (${step.rule})${step.checkpoint ? ' — checkpoint' : ''}.`,
    );
  });
  const crossing = steps.find((s) => s.checkpoint);
  if (crossing) notes.line(`Checkpoint at ${crossing.start}: the step crosses ${C.checkpointMme.value} MME/day.`, C.checkpointMme);
  return steps;
}

// --- Phase 8: warnings of the full-agonist plan ----------------------------------------------------------------------

function fullAgonistWarnings(
  notes: PlanNotes,
  request: RestartRequest,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  prior: PriorExposure,
  tolerance: Tolerance,
  choice: ProductChoice,
  ceiling: Ceiling,
  firstStep: FirstStep,
  steps: readonly PlanStep[],
): void {
  const { patient } = request;
  const crcl = patient.creatinineClearanceMlMin;
  if (choice.kind !== 'same' && choice.why) {
    if (choice.restricted) restrictedWarning(notes, drug, formulation, choice as Product & { why: string; interaction?: boolean }, steps);
    else {
      notes.warn(
        'ER_SWITCHED_TO_IR',
        'warning',
        `${drug.displayName} ${formulation.name} is not restarted: ${choice.why}. The plan rebuilds the dose on ${choice.drug.displayName} ${choice.formulation.name}; ${C.erLaRule.rule}. The extended-release product may be resumed once the prior dose is reached and stable.`,
        [C.erLaRule.source],
      );
      notes.line(`Warning ER_SWITCHED_TO_IR: ${choice.why}.`, C.erLaRule);
    }
  }
  if (choice.keptAfterLoss) {
    notes.warn(
      'ER_START_AFTER_TOLERANCE_LOSS',
      'warning',
      `${drug.displayName} ${formulation.name} is kept after tolerance ${tolerance.status === 'lost' ? 'loss' : 'reduction'} (keepProduct), at its labelled opioid-naive start or the reduced dose: CDC 2022 Rec 3 prefers immediate-release opioids when starting; follow up within a week (overdose risk is highest in the first 2 weeks of an ER/LA opioid).`,
      [C.erLaRule.source],
    );
  }
  for (const capped of ceiling.capped) {
    if (capped.code === 'LABEL_MAXIMUM') continue;
    const aboveCap = below(dailyOf(ceiling.target), prior.anchorDaily);
    notes.warn(
      'LABEL_CAP_APPLIED',
      'critical',
      `The ceiling is held at ${formatDose({ amount: dailyOf(ceiling.target), unit: choice.formulation.unit })}/day (${capped.text})${aboveCap ? `, below the prior ${formatDose({ amount: prior.anchorDaily, unit: choice.formulation.unit })}/day` : ''}. A prescriber may go above it only with the stated monitoring.`,
      capped.code === 'RESTRICTED_DOSE' ? [formulation.restrictedAbove!.source] : ['label-tramadol'],
    );
    if (capped.code === 'TRAMADOL_AGE_CAP') {
      notes.warn(
        'TRAMADOL_AGE_CAP',
        prior.daily.gt(A.tramadolAgeCapMg.value) ? 'critical' : 'warning',
        `Tramadol at age ${request.patient.ageYears}: the label does not recommend daily doses above ${A.tramadolAgeCapMg.value} mg in patients over 75 years of age (applied from age ${A.tramadolCapAge.value}, an engine assumption); the ceiling is held at ${A.tramadolAgeCapMg.value} mg/day.`,
        sourceIds(A.tramadolAgeCapMg),
      );
    }
  }
  if (drug.id === 'tramadol' && patient.ageYears !== undefined && patient.ageYears >= A.tramadolCapAge.value && !ceiling.capped.some((c) => c.code === 'TRAMADOL_AGE_CAP')) {
    notes.line(`Tramadol age limit (age ${patient.ageYears}): at most ${A.tramadolAgeCapMg.value} mg/day; the ceiling is within it.`, A.tramadolAgeCapMg);
  }
  // Organ function (amendment A3).
  const severeRenal = crclBelowSevere(request);
  if (A.renalMetaboliteDrugs.value.includes(choice.drug.id) && severeRenal) {
    notes.warn(
      'RENAL_METABOLITE_ACCUMULATION',
      'critical',
      `${choice.drug.displayName} with creatinine clearance below ${A.severeRenalCrCl.value} mL/min (${crcl !== undefined ? `patient.creatinineClearanceMlMin = ${crcl}` : 'patient.hemodialysis'}): active metabolites accumulate (sedation, respiratory depression). The naive start is halved and increases are spaced twice as far apart; consider HYDROmorphone instead.`,
      sourceIds(A.renalMetaboliteDrugs),
    );
    notes.line(`Warning RENAL_METABOLITE_ACCUMULATION: creatinine clearance below ${A.severeRenalCrCl.value} mL/min.`, A.renalMetaboliteDrugs);
  }
  if (drug.id === 'tapentadol' && patient.hepaticGrade === 'severe') {
    notes.warn(
      'TAPENTADOL_SEVERE_HEPATIC',
      'critical',
      `Tapentadol in severe hepatic impairment (patient.hepaticImpairment = severe) is not recommended by the label. Prefer another opioid; if tapentadol is used, the immediate-release form at the lowest dose with close monitoring.`,
      [A.tapentadolSevereHepatic.source],
    );
    notes.line('Warning TAPENTADOL_SEVERE_HEPATIC: severe hepatic impairment.', A.tapentadolSevereHepatic);
  }
  if (prior.components.some((c) => c.isPatch) && (severeRenal || patient.hepaticGrade === 'severe')) {
    notes.warn(
      'FENTANYL_PATCH_ORGAN',
      'critical',
      `FentaNYL patch in severe ${severeRenal ? 'renal' : 'hepatic'} impairment: the label says avoid. The patch is ${choice.kind === 'same' ? 'resumed only because tolerance is retained (r = 1) on the same patch; monitor closely' : 'not restarted'}; no new start of the patch.`,
      [A.fentanylPatchOrgan.source],
    );
    notes.line('Warning FENTANYL_PATCH_ORGAN: severe renal or hepatic impairment.', A.fentanylPatchOrgan);
  }
  if (A.alcoholDoseDumping.value.includes(`${choice.drug.id}/${choice.formulation.id}`) && (patient.alcoholUse || request.concurrent.includes('alcohol'))) {
    notes.warn(
      'ALCOHOL_DOSE_DUMPING',
      'critical',
      `${choice.drug.displayName} ${choice.formulation.name} with alcohol: alcohol can release the extended-release dose at once (fatal overdose). The patient must not drink any alcohol with this product.`,
      sourceIds(A.alcoholDoseDumping),
    );
    notes.line('Warning ALCOHOL_DOSE_DUMPING: alcohol with an extended-release product that dose-dumps.', A.alcoholDoseDumping);
  }
  const renalRows = A.renalMetaboliteDrugs.value.includes(choice.drug.id) || choice.drug.id === 'tramadol' || prior.isPatch || choice.drug.id === 'hydromorphone';
  if (renalRows && crcl === undefined && !patient.hemodialysis) {
    notes.warn(
      'RENAL_FUNCTION_NOT_GIVEN',
      'info',
      `No creatinine clearance was given: the rules for a clearance below ${A.severeRenalCrCl.value} mL/min (${choice.drug.displayName}) could not be checked${patient.renalImpairment ? '; renal impairment without a number is read as 30–59 mL/min' : ''}. Enter patient.creatinineClearanceMlMin to apply them.`,
      ['cdc-2022'],
    );
    notes.line(`Renal rules not checked: no creatinine clearance given${patient.renalImpairment ? ' (renal impairment read as 30–59 mL/min)' : ''}.`, ...(patient.renalImpairment ? [A.renalImpairmentAssumedCrCl] : []));
  }
  if (firstStep.loweredBy.length) {
    notes.warn(
      'STEP_LOWERED_BY_INPUT',
      'warning',
      `The first step was lowered by these inputs: ${firstStep.loweredBy.join('; ')}. Check them: each one lowers the dose.`,
      ['cdc-2022'],
    );
    notes.line(`Warning STEP_LOWERED_BY_INPUT: ${firstStep.loweredBy.join('; ')}.`);
  }
}

// --- The planner -----------------------------------------------------------------------------------------------------

interface AlternativeMode {
  /** Plan the immediate-release alternative of a refused restricted product (never refuse for the restriction). */
  readonly asAlternative?: boolean;
  /** A first derivation line saying what the alternative plan is for. */
  readonly preface?: string;
}

function planFullAgonist(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation, mode: AlternativeMode = {}): RestartPlan | PlanRefusal {
  const notes = new PlanNotes();
  if (!drug.mmeFactor) throw new Error(`programmer error: ${drug.id} has no MME factor`);
  if (mode.preface) notes.line(mode.preface);
  const breakDays = breakLength(request.lastDoseDate, request.restartDate);
  const refusal = maoiRefusal(notes, request, { drug: drug.id, formulation: formulation.id, displayName: drug.displayName }, breakDays);
  if (refusal) return refusal;
  const organRefusal = tramadolErOrganRefusal(notes, request, drug, formulation, breakDays);
  if (organRefusal) return organRefusal;

  const prior = priorExposurePhase(notes, request, drug, formulation);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${breakDays.daysOff}; missedDays = daysOff − 1 = ${breakDays.missedDays}.`);
  const tolerance = tolerancePhase(notes, request, drug, formulation, prior, breakDays.missedDays);
  const exposure = prior.pattern === 'NOT_DEPENDENT_ASSUMED' ? null : exposureChangeCap(request, drug.id);
  const chosen = productPhase(notes, request, drug, formulation, prior, tolerance, exposure);
  // Amendment A6: a product restricted to opioid-tolerant patients is restarted only when the patient met the FDA
  // definition before the break and r = 1; otherwise BLOCK, with the immediate-release alternative offered as a plan.
  const blocked = 'refuse' in chosen || (chosen.restricted === true && !(tolerance.r.gte(1) && tolerance.priorTolerant));
  if (blocked && !mode.asAlternative) {
    // The interaction (CYP3A4 on a patch) is named; the tolerance reason is already in the refusal's condition.
    const interaction = !('refuse' in chosen) && chosen.interaction ? chosen.why : undefined;
    return tolerantOnlyRefusal(notes, request, drug, formulation, breakDays, tolerance, interaction);
  }
  if ('refuse' in chosen) throw new Error('programmer error: an alternative plan asked to keep a restricted product');
  if (prior.multi && canResumeRegimen(notes, request, prior, tolerance, chosen, exposure)) {
    return resumeRegimenPlan(notes, request, drug, formulation, prior, tolerance, chosen, breakDays);
  }
  const choice = prior.multi ? oneProduct(notes, drug, prior, chosen) : chosen;
  const risks = opioidRiskInputs(request);
  const ceiling = ceilingPhase(notes, request, prior, choice);
  const firstStep = firstStepPhase(notes, request, prior, tolerance, choice, ceiling, risks, exposure);
  const apap = acetaminophenPhase(notes, request, prior, choice, firstStep.first, ceiling.target);
  const titrated = titrationPhase(notes, request, apap.choice, apap.first, firstStep.rule, apap.target, apap.apapOf, apap.admissible, apap.replaced);
  const steps = prior.multi ? asNeededAllowancePhase(notes, prior, apap.choice, titrated) : titrated;

  fullAgonistWarnings(notes, request, drug, formulation, prior, tolerance, apap.choice, ceiling, firstStep, steps);
  productUnitNotes(notes, formulation, apap.choice.formulation, steps, drug.mmeFactor);
  opioidWarnings(notes, request, {
    drug,
    status: tolerance.status,
    priorTolerant: tolerance.priorTolerant,
    maxMme: mme(D.max(...steps.map((s) => new D(s.dailyEquivalent!.amount)))),
    hasCheckpoint: steps.some((s) => s.checkpoint),
  });

  return finishPlan(notes, drug, formulation, breakDays, tolerance, prior, steps);
}

/** The plan of a full agonist: tolerance, the prior regimen and its components, the steps (one product or each resumed). */
function finishPlan(
  notes: PlanNotes,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  breakDays: { readonly daysOff: number; readonly missedDays: number },
  tolerance: Tolerance,
  prior: PriorExposure,
  steps: PlanStep[],
): RestartPlan {
  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff: breakDays.daysOff,
    missedDays: breakDays.missedDays,
    ...opioidPlanSummary({
      fraction: tolerance.r,
      status: tolerance.status,
      priorTolerant: tolerance.priorTolerant,
      anchor: tolerance.anchor,
      priorDaily: prior.daily,
      priorMme: prior.totalMme,
      unit: formulation.unit,
      factor: drug.mmeFactor!,
      per: `MME per ${formulation.unit}${prior.isPatch ? '' : '/day'}`,
      components: prior.components.map(componentSummary),
    }),
    steps,
  });
}

/** The public summary of one prior medicine (plan.prior.components). */
function componentSummary(c: ComponentExposure): PriorComponent {
  const factor = c.drug.mmeFactor!;
  const unit = c.formulation.unit;
  return {
    path: c.path,
    drug: c.drug.id,
    formulation: c.formulation.id,
    displayName: c.drug.displayName,
    formulationName: c.formulation.name,
    dose: { amount: decimalString(c.dose), unit },
    timesPerDay: c.times,
    asNeeded: c.asNeeded,
    dailyDose: { amount: decimalString(c.daily), unit },
    dailyEquivalent: { amount: decimalString(c.mme), unit: 'MME' },
    equivalentFactor: { value: factor.value, per: `MME per ${unit}${c.isPatch ? '' : '/day'}`, source: 'source' in factor ? factor.source : 'engine assumption' },
  };
}

// --- Regimens of several opioids (issue 13) --------------------------------------------------------------------------

/** Whether a tramadol label cap (age, kidney, liver) applies to this patient. */
function tramadolCapApplies(request: RestartRequest): boolean {
  const age = request.patient.ageYears;
  return (age !== undefined && age >= A.tramadolCapAge.value) || crclBelowSevere(request) || request.patient.hepaticGrade === 'moderate' || request.patient.hepaticGrade === 'severe';
}

/**
 * Tolerance retained (r = 1) and every product may be continued: the regimen is resumed product by product. Not when
 * an interaction raises exposure, the use was not every day, a product holds acetaminophen (counted on one product) or
 * a label cap applies: then the regimen restarts on one product.
 */
function canResumeRegimen(notes: PlanNotes, request: RestartRequest, prior: PriorExposure, tolerance: Tolerance, chosen: ProductChoice, exposure: ExposureChangeCap | null): boolean {
  if (!tolerance.r.gte(1) || chosen.kind !== 'same' || chosen.keptAfterLoss) return false;
  const reasons: string[] = [];
  if (exposure) reasons.push(`an interaction change raises exposure (${exposure.reasons.join('; ')})`);
  if (prior.pattern !== 'REGULAR') reasons.push(`the use pattern is ${prior.pattern}, not every day`);
  for (const c of prior.components) {
    const name = `${c.path} ${c.drug.displayName} ${c.formulation.name}`;
    if (!makeExactly(c.dose, c.formulation.strengths)) reasons.push(`${name}: ${formatDose({ amount: c.dose, unit: c.formulation.unit })} cannot be made from its strengths`);
    if (c.formulation.combination) reasons.push(`${name} contains acetaminophen (its limit is counted on one product)`);
    if (c.drug.id === 'tramadol' && tramadolCapApplies(request)) reasons.push(`${name}: a tramadol label cap applies to this patient`);
    if (c.formulation.maxDailyDose && c.daily.gt(c.formulation.maxDailyDose.value)) reasons.push(`${name} is above its label maximum`);
    if ((c.isPatch || c.formulation.release !== 'immediate') && isRestrictedRegimen(c.formulation, c.dose, c.daily) && !tolerance.priorTolerant) {
      reasons.push(`${name} at this dose is only for opioid-tolerant patients, and the patient did not meet the FDA definition`);
    }
  }
  if (reasons.length) {
    notes.line(`Tolerance is retained (r = 1), but the regimen is not resumed product by product: ${reasons.join('; ')}.`, { assumption: 'opioid-regimen-resume-each' });
    return false;
  }
  return true;
}

/** Tolerance retained: the regimen shown back, each product with its own step from the restart date (parallel steps). */
function resumeRegimenPlan(
  notes: PlanNotes,
  request: RestartRequest,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  prior: PriorExposure,
  tolerance: Tolerance,
  chosen: ProductChoice,
  breakDays: { readonly daysOff: number; readonly missedDays: number },
): RestartPlan {
  notes.line(
    `Tolerance retained (r = 1) and every product of the regimen may be continued: the regimen is resumed as it was, each product with its own step from ${request.restartDate} (parallel steps with the same dates, steps[].component); as-needed products stay as needed.`,
    { assumption: 'opioid-regimen-resume-each' },
  );
  const steps: PlanStep[] = [];
  prior.components.forEach((c, index) => {
    const regimen = repeated(c.dose, c.times);
    const rule = c.asNeeded ? `prior dose, as needed up to ${c.times} a day (tolerance retained)` : 'prior dose (tolerance retained)';
    // Stryker disable next-line StringLiteral: buildTitration never reads the rule's description
    const scheduled = buildTitration({ startDate: checkedDate(request.restartDate), first: regimen, firstRule: rule, target: regimen, rule: { maxRiseFraction: new D(C.maxRiseFraction.value), intervalsDays: c.formulation.titrationIntervalsDays.value, description: 'opioid titration' }, strengths: c.formulation.strengths });
    const mmeOf = stepMme(c.drug, c.formulation);
    for (const step of toPlanSteps(scheduled, { drug: c.drug.id, formulation: c.formulation, equivalent: { unit: 'MME', of: mmeOf } })) {
      steps.push({ ...step, component: index, ...(c.asNeeded ? { asNeeded: true } : {}) });
      notes.line(
        `Step from ${step.start} (${c.path}): ${c.drug.displayName} ${c.formulation.name} ${step.administrations.map((a) => formatDose({ amount: a, unit: c.formulation.unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily${c.asNeeded ? ' (as needed, at most this many doses a day)' : ''} = ${formatAmount(step.dailyEquivalent!.amount)} MME/day.`,
      );
    }
  });
  const totalSteps = mme(steps.reduce((total, s) => total.add(s.dailyEquivalent!.amount), new D(0)));
  notes.line(`The resumed regimen: ${steps.map((s) => formatAmount(s.dailyEquivalent!.amount)).join(' + ')} = ${formatAmount(totalSteps)} MME/day, the prior total.`);
  const mainSteps = steps.filter((s) => s.component === 0);
  const ceiling: Ceiling = { target: prior.regimen, maxTimes: prior.times, maxDose: prior.dose, capped: [] };
  fullAgonistWarnings(notes, request, drug, formulation, prior, tolerance, chosen, ceiling, { first: prior.regimen, rule: 'prior dose (tolerance retained)', naive: null, loweredBy: [] }, mainSteps);
  opioidWarnings(notes, request, {
    drug,
    status: tolerance.status,
    priorTolerant: tolerance.priorTolerant,
    maxMme: totalSteps,
    hasCheckpoint: false,
  });
  return finishPlan(notes, drug, formulation, breakDays, tolerance, prior, steps);
}

/**
 * A regimen restarts on one product (issue 13): the immediate-release form of the main opioid (what productPhase chose
 * when it is immediate-release, or an ER product kept with keepProduct), else the restart model's IR product.
 */
function oneProduct(notes: PlanNotes, drug: OpioidDrug, prior: PriorExposure, chosen: ProductChoice): ProductChoice {
  const names = prior.components.map((c) => `${c.drug.displayName} ${c.formulation.name}`);
  let choice = chosen;
  if (!(chosen.formulation.release === 'immediate' && chosen.formulation.unitForm !== 'patch') && !chosen.keptAfterLoss) {
    const p = restartProduct(drug);
    const why = chosen.why ?? `a regimen of ${prior.components.length} opioids restarts on one immediate-release product`;
    notes.line(`Restart product for the regimen: ${p.reason}.`, { assumption: 'opioid-restart-product' }, { assumption: 'opioid-regimen-one-product' });
    choice = { ...chosen, drug: p.drug, formulation: p.formulation, kind: p.sameMolecule ? 'same-molecule' : 'other', why };
  }
  notes.line(
    `One product for the regimen (${names.join(' + ')}): ${choice.drug.displayName} ${choice.formulation.name}; the other products are not restarted beside it.`,
    { assumption: 'opioid-regimen-one-product' },
  );
  notes.warn(
    'OPIOID_REGIMEN_ONE_PRODUCT',
    'warning',
    `The prior regimen of ${prior.components.length} opioids (${names.join(', ')}; ${formatAmount(prior.totalMme)} MME/day in total) restarts on one product: ${choice.drug.displayName} ${choice.formulation.name}. Do not restart the other products beside it: the plan's ceiling already counts them (another molecule with a 50% reduction for incomplete cross-tolerance). The regimen may be rebuilt once the ceiling is reached and stable.`,
    ['cdc-2022'],
  );
  return choice;
}

/**
 * As-needed use of the prior regimen on the one restart product (issue 13): not turned into scheduled doses. Each step
 * keeps the as-needed share of the prior daily MME for as-needed doses, rounded down to real strengths, in at most the
 * prior number of as-needed doses a day; the step's daily dose stays the ceiling for the whole day.
 */
function asNeededAllowancePhase(notes: PlanNotes, prior: PriorExposure, choice: ProductChoice, steps: readonly PlanStep[]): PlanStep[] {
  const asNeeded = prior.components.filter((c) => c.asNeeded);
  if (asNeeded.length === 0) return [...steps];
  const f = choice.formulation;
  const unit = f.unit;
  const asNeededMme = sum(asNeeded.map((c) => c.mme), NO_MME());
  const share = asNeededMme.div(prior.totalMme);
  const maxTimes = Math.max(1, asNeeded.reduce((total, c) => total + c.times, 0));
  notes.line(
    `As-needed use before the break (${asNeeded.map((c) => c.path).join(', ')}): ${asNeeded.length > 1 ? `${asNeeded.map((c) => formatAmount(c.mme)).join(' + ')} = ` : ''}${formatAmount(asNeededMme)} of ${formatAmount(prior.totalMme)} MME/day, in ${maxTimes} dose${maxTimes === 1 ? '' : 's'} a day. It counts toward the prior exposure but is not turned into scheduled doses: each step's daily dose is the ceiling for the whole day, and the as-needed share (${formatAmount(asNeededMme)} ÷ ${formatAmount(prior.totalMme)}) of it may be taken as needed, rounded down to real strengths, in at most ${maxTimes} doses a day (steps[].asNeededAllowance).`,
    { assumption: 'opioid-as-needed-share' },
  );
  const out = steps.map((step) => {
    const daily = productAmount(new D(step.dailyDose.amount));
    const allowance = timesOf(daily, share);
    const largest = smaller(productAmount(new D(step.dose.amount)), productAmount(new D(f.maxSingleDose.value)));
    for (let n = maxTimes; n >= 1; n--) {
      const made = floorToStrengths(smaller(per(allowance, n), largest), f.strengths);
      if (!made) continue;
      const scheduledDaily = subtract(daily, timesOf(made.amount, n));
      const dose = formatDose({ amount: made.amount, unit });
      const text = `up to ${n} × ${dose} ${choice.drug.displayName} as needed; scheduled doses then at most ${formatDose({ amount: scheduledDaily, unit })} daily (${formatDose({ amount: daily, unit })} daily in all)`;
      notes.line(`As-needed allowance from ${step.start}: ${formatAmount(daily)} × ${formatAmount(share.toDecimalPlaces(4, D.ROUND_DOWN))} = ${formatAmount(allowance.toDecimalPlaces(2, D.ROUND_DOWN))} ${unit}/day: ${text}.`);
      return { ...step, asNeededAllowance: { dose: { amount: decimalString(made.amount), unit }, maxDosesPerDay: n, scheduledDaily: { amount: decimalString(scheduledDaily), unit }, text } };
    }
    notes.line(`As-needed allowance from ${step.start}: ${formatAmount(daily)} × ${formatAmount(share.toDecimalPlaces(4, D.ROUND_DOWN))} ${unit}/day makes no real dose: no as-needed dose in this step.`);
    return step;
  });
  notes.warn(
    'AS_NEEDED_WITHIN_CEILING',
    'info',
    `The prior regimen included as-needed doses (${asNeeded.map((c) => `${c.drug.displayName} ${formatDose({ amount: c.dose, unit: c.formulation.unit })} about ${c.times} a day`).join('; ')}). They are not turned into scheduled doses: each step's daily dose is the ceiling for the whole day, as-needed doses included; each step says how many as-needed doses fit beneath it.`,
    [],
  );
  return out;
}

/** Amendment A3: tramadol ER with creatinine clearance below 30 or severe hepatic impairment is refused, with the IR plan. */
function tramadolErOrganRefusal(
  notes: PlanNotes,
  request: RestartRequest,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  breakDays: { readonly daysOff: number; readonly missedDays: number },
): PlanRefusal | null {
  if (drug.id !== 'tramadol' || formulation.release !== 'extended') return null;
  const renal = crclBelowSevere(request);
  const hepatic = request.patient.hepaticGrade === 'severe';
  if (!renal && !hepatic) return null;
  const ir = drug.formulations.find((f) => f.release === 'immediate')!;
  const erDaily = timesOf(productAmount(request.prior.dose.amount), request.prior.timesPerDay);
  const irTimes = Math.min(ir.maxTimesPerDay.value, Math.max(1, erDaily.div(ir.maxSingleDose.value).ceil().toNumber()));
  const irDose = floorToStrengths(smaller(productAmount(new D(ir.maxSingleDose.value)), per(erDaily, irTimes)), ir.strengths);
  const why = renal ? `creatinine clearance below ${A.severeRenalCrCl.value} mL/min (${request.patient.creatinineClearanceMlMin !== undefined ? `patient.creatinineClearanceMlMin = ${request.patient.creatinineClearanceMlMin}` : 'patient.hemodialysis'})` : 'severe hepatic impairment (patient.hepaticImpairment = severe)';
  notes.line(`TRAMADOL_ER_ORGAN: tramadol extended-release with ${why} should not be used.`, A.tramadolErOrgan);
  let alternativePlan: RestartPlan | undefined;
  let alternative = `Plan tramadol immediate-release tablets instead (formulation "ir")${renal ? `: every 12 hours, at most ${A.tramadolRenalMaxDailyMg.value} mg/day` : ''}${hepatic ? `: ${A.tramadolCirrhosisDoseMg.value} mg every 12 hours at most` : ''}.`;
  if (irDose) {
    const irRequest: RestartRequest = { ...request, formulation: ir.id, prior: { ...request.prior, dose: { amount: irDose.amount, unit: ir.unit }, timesPerDay: irTimes } };
    const irPlan = planFullAgonist(irRequest, drug, ir, {
      preface: `Alternative plan: tramadol extended-release is refused (TRAMADOL_ER_ORGAN); the prior ${formatDose({ amount: erDaily, unit: ir.unit })} daily is re-expressed as tramadol immediate-release ${formatDose({ amount: irDose.amount, unit: ir.unit })} × ${irTimes} a day (the same molecule, at most the same daily dose) and planned with the same rules.`,
    });
    if ('steps' in irPlan) {
      const first = irPlan.steps[0]!;
      const last = irPlan.steps.at(-1)!;
      alternativePlan = irPlan;
      alternative += ` The same request on tramadol IR gives a first step of ${first.administrations.join(' + ')} mg daily and a ceiling of ${last.dailyDose.amount} mg/day (refusal.alternativePlan).`;
    }
  }
  return notes.refuse({
    code: 'TRAMADOL_ER_ORGAN',
    path: renal ? (request.patient.creatinineClearanceMlMin !== undefined ? 'patient.creatinineClearanceMlMin' : 'patient.hemodialysis') : 'patient.hepaticImpairment',
    drug: drug.id,
    formulation: formulation.id,
    displayName: drug.displayName,
    message: `Tramadol extended-release should not be used with ${why} (label).`,
    reasonSources: [A.tramadolErOrgan.source],
    alternative,
    ...(alternativePlan ? { alternativePlan } : {}),
    daysOff: breakDays.daysOff,
    missedDays: breakDays.missedDays,
  });
}

/** Amendment A6 BLOCK: the restricted product is refused; the plan on the immediate-release alternative is offered. */
function tolerantOnlyRefusal(
  notes: PlanNotes,
  request: RestartRequest,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  breakDays: { readonly daysOff: number; readonly missedDays: number },
  tolerance: Tolerance,
  interaction: string | undefined,
): PlanRefusal {
  const restriction = (formulation.restrictedToTolerant ?? formulation.restrictedAbove)!;
  const keep = request.keepProduct === true;
  const alternativeRequest: RestartRequest = { ...request, keepProduct: false };
  const alternativePlan = planFullAgonist(alternativeRequest, drug, formulation, {
    asAlternative: true,
    preface: `Alternative plan: ${drug.displayName} ${formulation.name} is refused (OPIOID_TOLERANT_ONLY_PRODUCT); this plan restarts on the immediate-release alternative instead.`,
  });
  const plan = 'steps' in alternativePlan ? alternativePlan : undefined;
  const condition = `it is restarted only when the patient met the FDA opioid-tolerant definition before the break and tolerance is retained (r = 1); here ${
    tolerance.priorTolerant ? `tolerance is ${tolerance.status} (r = ${tolerance.r.toFixed()})` : tolerance.r.gte(1) ? 'the patient did not meet the opioid-tolerant definition before the break' : `the patient did not meet the opioid-tolerant definition before the break and tolerance is ${tolerance.status} (r = ${tolerance.r.toFixed()})`
  }`;
  notes.line(
    `OPIOID_TOLERANT_ONLY_PRODUCT: ${restriction.rule}; ${condition}${keep ? ' (keepProduct asked to keep it)' : ''}. No schedule is given for ${drug.displayName} ${formulation.name}.`,
    restriction,
    C.tolerantMinDays,
    { assumption: 'tolerant-only-product-switch' },
  );
  let alternative = `Use an immediate-release opioid instead (${restartProduct(drug, formulation).reason}).`;
  if (plan) {
    const first = plan.steps[0]!;
    const last = plan.steps.at(-1)!;
    const unit = first.dose.unit;
    const when = reconsiderWhen(first.drug, plan.steps);
    alternative = `Restart on ${first.displayName} ${first.formulationName} instead (refusal.alternativePlan): first step from ${first.start} ${first.administrations.map((a) => `${a} ${unit}`).join(' + ')} = ${first.dailyDose.amount} ${unit} daily (${first.dailyEquivalent?.amount ?? '?'} MME/day), rising no faster than the plan allows to at most ${last.dailyDose.amount} ${unit} daily (${last.dailyEquivalent?.amount ?? '?'} MME/day) from ${last.start}. ${drug.displayName} ${formulation.name} may be considered again ${when}.`;
    notes.line(`Alternative offered: ${first.displayName} ${first.formulationName}, first step ${first.dailyDose.amount} ${unit} daily, ceiling ${last.dailyDose.amount} ${unit} daily (refusal.alternativePlan).`);
  }
  return notes.refuse({
    code: 'OPIOID_TOLERANT_ONLY_PRODUCT',
    path: keep ? 'keepProduct' : formulation.restrictedToTolerant ? 'formulation' : 'prior.dose',
    drug: drug.id,
    formulation: formulation.id,
    displayName: drug.displayName,
    message: `${drug.displayName} ${formulation.name}${formulation.restrictedToTolerant ? '' : ` at ${formatDose({ amount: request.prior.dose.amount, unit: formulation.unit })} × ${request.prior.timesPerDay} a day`} is not restarted: ${restriction.rule}, and ${condition}${interaction ? `; besides, ${interaction}` : ''}.`,
    reasonSources: [restriction.source, 'fda-opioid-tolerant-definition'],
    alternative,
    ...(plan ? { alternativePlan: plan } : {}),
    daysOff: breakDays.daysOff,
    missedDays: breakDays.missedDays,
  });
}

/** When a restricted product may be considered again, read off the steps of the plan on the restart product. */
function reconsiderWhen(restartDrugId: string, steps: readonly PlanStep[]): string {
  const d2 = findDrug(restartDrugId) as OpioidDrug;
  const threshold = d2.tolerantThreshold;
  const reaches = (step: PlanStep) =>
    threshold ? new D(step.dailyDose.amount).gte(threshold.value) : new D(step.dailyEquivalent!.amount).gte(C.tolerantMme.value);
  const firstTolerant = steps.find(reaches);
  const unit = steps[0]!.dose.unit;
  const thresholdText = threshold ? `${formatAmount(threshold.value)} ${unit}/day ${d2.displayName}` : `${C.tolerantMme.value} MME/day`;
  return firstTolerant
    ? `no earlier than ${addCalendarDays(firstTolerant.start, C.tolerantMinDays.value)}, and only after the patient has taken at least ${thresholdText} every day for ${C.tolerantMinDays.value} days (from the step starting ${firstTolerant.start})`
    : `not within this plan: its ceiling stays below the opioid-tolerant dose (${thresholdText}); the patient must first take at least that for ${C.tolerantMinDays.value} days`;
}

function restrictedWarning(notes: PlanNotes, drug: OpioidDrug, formulation: OpioidFormulation, switched: Product & { readonly why: string; readonly interaction?: boolean }, steps: readonly PlanStep[]): void {
  const d2 = switched.drug;
  const threshold = d2.tolerantThreshold;
  const when = reconsiderWhen(d2.id, steps);
  const restriction = formulation.restrictedToTolerant ?? formulation.restrictedAbove;
  notes.warn(
    'RESTRICTED_TO_TOLERANT',
    'critical',
    `Do not restart ${drug.displayName} ${formulation.name}: ${switched.why}${switched.interaction ? '' : `, and ${(formulation.restrictedToTolerant ?? formulation.restrictedAbove)?.rule ?? C.erLaRule.rule}`}. The plan restarts on ${d2.displayName} ${switched.formulation.name}. ${drug.displayName} ${formulation.name} may be considered again ${when}.`,
    [...(restriction ? [restriction.source] : []), 'fda-opioid-tolerant-definition', 'cdc-2022'],
  );
  notes.line(`Warning RESTRICTED_TO_TOLERANT: ${drug.displayName} ${formulation.name} may be considered again ${when}.`, C.tolerantMinDays, ...(threshold ? [threshold] : [C.tolerantMme]));
}
