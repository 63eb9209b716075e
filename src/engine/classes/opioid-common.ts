/**
 * Helpers shared by the opioid planners (full agonists, methadone, buprenorphine): regimens made of
 * real strengths, risk factors, the opioid-naive start, acetaminophen counting and the class warnings.
 */
import type { Decimal } from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import type { DoseUnit, Provenance, Sourced, ToleranceAnchor } from '../../protocols/types.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose, plural } from '../format.ts';
import type { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import { floorToStrengths, makeExactly, nextAbove } from '../strengths.ts';
import { anchorSummary } from '../tolerance.ts';
import type { PriorComponent, RestartPlan, RestartRequest, ToleranceStatus } from '../types.ts';
import { evenRegimen, sum } from '../regimen.ts';
import { atMost, below, mg, per, mme, smaller, subtract, sum as sumOf, times as timesOf, toMme, add, type Factor, type Mg, type Mme, productAmount, productMme, productAmountOfMme, type ProductAmount } from '../units.ts';
import { beersCnsWarning } from './beers.ts';
import { opioidInteractionWarnings } from './opioid-interactions.ts';

const C = OPIOID_CLASS;

/** The mg/day of an oral opioid that gives `amount` MME/day: MME ÷ the factor per mg/day (the inverse of `toMme`). */
export function mgOfMme(amount: Mme, factor: Factor): Mg {
  return amount.div(factor) as Mg;
}

/** A protocol value in MME (a cap, a threshold) as an Mme. */
export const mmeValue = (value: Decimal.Value): Mme => mme(new D(value));

/** Age ≥ 65 (CDC 2022 Rec 4); an unknown age is not counted. */
function olderAdult(patient: RestartRequest['patient']): boolean {
  return (patient.ageYears ?? 0) >= C.olderAdultAge.value;
}

/** A risk factor that halves the naive start, with the request input that set it (a lowered step names its input). */
export interface RiskInput {
  readonly text: string;
  readonly input: string;
}

/** Risk factors that halve the naive start (engine assumption) and never raise a step, each with its input. */
export function opioidRiskInputs(request: RestartRequest): RiskInput[] {
  const { patient } = request;
  const factors: RiskInput[] = [];
  if (olderAdult(patient)) factors.push({ text: `age ${patient.ageYears}`, input: `patient.ageYears = ${patient.ageYears}` });
  if (patient.hepaticImpairment) factors.push({ text: 'hepatic impairment', input: `patient.hepaticImpairment = ${patient.hepaticGrade}` });
  const crcl = patient.creatinineClearanceMlMin;
  const renalByClearance = crcl !== undefined && crcl < C.amended.renalImpairmentBelowCrCl.value;
  if (patient.renalImpairment || renalByClearance || patient.hemodialysis) {
    const inputs = [
      ...(patient.renalImpairment ? ['patient.renalImpairment'] : []),
      ...(renalByClearance ? [`patient.creatinineClearanceMlMin = ${crcl}`] : []),
      ...(patient.hemodialysis ? ['patient.hemodialysis'] : []),
    ];
    factors.push({ text: 'renal impairment', input: inputs.join(', ') });
  }
  if (patient.respiratoryDisease) factors.push({ text: 'respiratory disease', input: 'patient.respiratoryDisease' });
  if (patient.sleepApnea) factors.push({ text: 'sleep apnea', input: 'patient.sleepApnea' });
  const depressants = request.concurrent.filter((id) => concurrentCategories(id).includes('cns-depressant'));
  if (depressants.length) {
    factors.push({
      text: `concurrent CNS depressant (${depressants.map(concurrentName).join(', ')})`,
      input: `concurrent: [${depressants.map((id) => `"${id}"`).join(', ')}]${depressants.includes(request.drug) ? ` (${request.drug} is listed as its own concurrent medicine: counted as a second supply)` : ''}`,
    });
  }
  // Amendment A3: alcohol use acts as a concurrent CNS depressant on every opioid.
  if (patient.alcoholUse && !depressants.includes('alcohol')) factors.push({ text: 'alcohol use', input: 'patient.alcoholUse' });
  return factors;
}

/** The risk factors in words (see opioidRiskInputs). */
export function opioidRiskFactors(request: RestartRequest): string[] {
  return opioidRiskInputs(request).map((factor) => factor.text);
}

/**
 * Like `evenRegimen`, then raises the lowest administration one real level at a time while the daily
 * total stays within `dailyCap` and each dose within `doseCap` (administrations may be uneven).
 */
export function fillRegimen<A extends Decimal>(dailyCap: A, doseCap: NoInfer<A>, times: number, formulation: OpioidFormulation): A[] | null {
  const base = fillEven(dailyCap, doseCap, times, formulation);
  if (!base) return null;
  const regimen = [...base];
  for (;;) {
    let index = 0;
    for (let i = 1; i < regimen.length; i++) if (regimen[i]!.lt(regimen[index]!)) index = i;
    const level = nextAbove(regimen[index]!, doseCap, formulation.strengths);
    if (!level || sum(regimen).sub(regimen[index]!).add(level.amount).gt(dailyCap)) break;
    regimen[index] = level.amount;
  }
  // Already largest first: the base is even, and raising the first lowest administration to the next real level
  // keeps the order (every earlier administration is higher, so at least that level; every later one is lower).
  return regimen;
}

/** `evenRegimen` keeping the unit of its caps (its amounts are made from the strengths under them). */
export function fillEven<A extends Decimal>(dailyCap: A, doseCap: NoInfer<A>, times: number, formulation: OpioidFormulation): A[] | null {
  return evenRegimen(dailyCap, doseCap, times, formulation) as A[] | null;
}

/** The smallest strength of the product, in its unit. */
export function smallestUnit(formulation: OpioidFormulation): ProductAmount {
  return productAmount(D.min(...formulation.strengths.map((s) => new D(s.amount))));
}

/** The daily total of a regimen in a product's unit (0 for an empty one). */
export function dailyOf(regimen: readonly ProductAmount[]): ProductAmount {
  return sumOf(regimen, productAmount(new D(0)));
}

/** The largest administration of a non-empty regimen. */
export function largestOf(regimen: readonly ProductAmount[]): ProductAmount {
  return productAmount(D.max(...regimen));
}

/** A regimen in words, in its unit (an amount of any dose unit, never MME). */
export function describe(regimen: readonly ProductAmount[] | null, unit: string): string {
  if (!regimen || regimen.length === 0) return 'none';
  const amounts = new Set(regimen.map((a) => a.toFixed()));
  const daily = formatDose({ amount: sum(regimen), unit });
  return amounts.size === 1
    ? `${formatDose({ amount: regimen[0]!, unit })} × ${regimen.length} a day = ${daily} daily`
    : `${regimen.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${daily} daily`;
}

export interface NaiveStart {
  readonly regimen: ProductAmount[];
  /** The un-halved start, for the fits check. */
  readonly fits: boolean;
}

/**
 * The opioid-naive start on a product (amendment A6; used by the methadone planner): the label's opioid-naive
 * dose and frequency, within 30 MME a day, in at most `maxTimes` administrations, rounded down to real strengths;
 * halved for risk factors. There is no cap per dose (A6 removed the 10-MME-a-dose reading of CDC 2022 Rec 4).
 * When no real strength makes the start, the smallest unit once daily is used only if it is not above the label's
 * single dose; otherwise `null` (the caller restarts on another product, e.g. methadone solution): the start
 * rounds down, never up to a larger once-daily dose.
 */
export function naiveStart(
  notes: PlanNotes | null,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  maxTimes: number,
  risks: readonly string[],
): Mg[] | null {
  const naive = formulation.naiveStart;
  const factor = drug.mmeFactor;
  if (!naive || !factor) return null;
  const unit = formulation.unit;
  const doseCap = mg(new D(naive.dose.value));
  const capMg = mgOfMme(mmeValue(C.naiveDailyCapMme.value), factor.value);
  const dailyCap = smaller(timesOf(doseCap, naive.timesPerDay.value), capMg);
  const times = Math.min(naive.timesPerDay.value, maxTimes);
  let regimen = fillEven(dailyCap, doseCap, times, formulation);
  const smallest = mg(D.min(...formulation.strengths.map((s) => new D(s.amount))));
  notes?.line(
    `Opioid-naive start on ${drug.displayName} ${formulation.name}: label ${formatDose({ amount: naive.dose.value, unit })} × ${naive.timesPerDay.value} a day, within ${C.naiveDailyCapMme.value} MME/day (${C.naiveDailyCapMme.value} ÷ ${formatAmount(factor.value)} ${capMg.isInteger() || capMg.decimalPlaces() <= 2 ? '=' : '≈'} ${formatAmount(capMg.toDecimalPlaces(2, D.ROUND_DOWN))} ${unit}/day), in at most ${plural(times, 'administration')}, rounded down to real strengths: ${describe(regimen, unit)}.`,
    naive.dose,
    naive.timesPerDay,
    C.naiveDailyCapMme,
  );
  if (!regimen) {
    if (smallest.gt(doseCap)) {
      notes?.line(
        `The smallest ${drug.displayName} unit on this product (${formatDose({ amount: smallest, unit })}) is above the label's ${formatDose({ amount: doseCap, unit })} dose: no opioid-naive start can be made on it (the start is rounded down, never up).`,
        naive.dose,
      );
      return null;
    }
    regimen = [smallest];
    notes?.line(
      `No real strength fits under that start; the smallest unit once daily is used (${formatDose({ amount: smallest, unit })} = ${formatAmount(toMme(smallest, factor.value))} MME, not above the label's ${formatDose({ amount: doseCap, unit })} dose).`,
      { assumption: 'opioid-naive-smallest-unit' },
    );
  }
  if (risks.length) {
    const halvedDaily = timesOf(sumOf(regimen, mg(new D(0))), C.riskFactorNaiveMultiplier.value);
    const halved = fillEven(halvedDaily, doseCap, regimen.length, formulation);
    // A risk factor never raises the start: the smallest unit only when it is not above the unhalved start.
    const chosen = halved ?? (atMost(smallest, sumOf(regimen, mg(new D(0)))) ? [smallest] : regimen);
    notes?.line(
      `Risk factors (${risks.join('; ')}): naive start × ${C.riskFactorNaiveMultiplier.value} = at most ${formatDose({ amount: halvedDaily, unit })} daily, rounded down to real strengths: ${halved ? describe(halved, unit) : `none fits; the smallest unit once daily: ${describe(chosen, unit)}`}.`,
      C.riskFactorNaiveMultiplier,
      ...(halved ? [] : [{ assumption: 'opioid-naive-smallest-unit' }]),
    );
    regimen = chosen;
  }
  return regimen;
}

export interface LabelNaiveStart {
  readonly regimen: ProductAmount[];
  /** Two of the label's smallest initial doses exceed the daily cap: up to that many doses are allowed (amendment A6). */
  readonly aboveRange: boolean;
  /** The start was lowered for risk factors or organ function. */
  readonly lowered: boolean;
}

/**
 * The opioid-naive start of amendment A6: the label's opioid-naive initial dose on this product, within 30 MME a day,
 * in at most `maxTimes` administrations; where two of the label's smallest initial doses exceed 30 MME (tapentadol),
 * up to two doses a day. Risk factors halve it (engine assumption); `organFraction` (hydromorphone label) lowers it
 * further when smaller. Null when the product has no labelled naive start.
 */
export function labelNaiveStart(
  notes: PlanNotes | null,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  maxTimes: number,
  risks: readonly RiskInput[],
  organ?: { readonly fraction: Sourced<string>; readonly why: string },
): LabelNaiveStart | null {
  const naive = formulation.naiveStart;
  const factor = drug.mmeFactor;
  if (!naive || !factor) return null;
  const unit = formulation.unit;
  const labelDose = productAmount(new D(naive.dose.value));
  const labelTimes = Math.min(naive.timesPerDay.value, maxTimes);
  const capMg = productAmountOfMme(mmeValue(C.naiveDailyCapMme.value), factor.value);
  const twoDosesMme = productMme(timesOf(labelDose, C.amended.naiveAboveRangeMaxDoses.value), unit, factor.value);
  const aboveRange = twoDosesMme.gt(C.naiveDailyCapMme.value) && labelTimes >= C.amended.naiveAboveRangeMaxDoses.value;
  const smallest = smallestUnit(formulation);
  let regimen: ProductAmount[] | null;
  if (aboveRange) {
    regimen = fillEven(timesOf(labelDose, C.amended.naiveAboveRangeMaxDoses.value), labelDose, C.amended.naiveAboveRangeMaxDoses.value, formulation);
    notes?.line(
      `Opioid-naive start on ${drug.displayName} ${formulation.name}: label ${formatDose({ amount: labelDose, unit })} × ${naive.timesPerDay.value} a day. Two of its smallest initial doses (${formatAmount(twoDosesMme)} MME) are above ${C.naiveDailyCapMme.value} MME/day, so at most ${C.amended.naiveAboveRangeMaxDoses.value} doses a day: ${describe(regimen, unit)} (CDC 2022 Rec 4: the lowest starting dose is "often" up to about ${C.naiveSingleDoseCapMme.value} MME a dose or ${C.naiveDailyCapMme.value} MME/day; product labeling is the starting point).`,
      naive.dose,
      naive.timesPerDay,
      C.naiveDailyCapMme,
      C.amended.naiveAboveRangeMaxDoses,
    );
  } else {
    regimen = fillEven(smaller(timesOf(labelDose, labelTimes), capMg), labelDose, labelTimes, formulation);
    notes?.line(
      `Opioid-naive start on ${drug.displayName} ${formulation.name}: label ${formatDose({ amount: labelDose, unit })} × ${naive.timesPerDay.value} a day, within ${C.naiveDailyCapMme.value} MME/day (${formatAmount(capMg)} ${unit}/day), in at most ${plural(labelTimes, 'administration')}: ${describe(regimen, unit)} (CDC 2022 Rec 4: the lowest starting dose is "often" up to about ${C.naiveSingleDoseCapMme.value} MME a dose or ${C.naiveDailyCapMme.value} MME/day; product labeling is the starting point).`,
      naive.dose,
      naive.timesPerDay,
      C.naiveDailyCapMme,
      C.naiveSingleDoseCapMme,
    );
  }
  if (!regimen) {
    regimen = [smallest];
    notes?.line(
      `No real strength makes that start; the smallest unit once daily is used (${formatDose({ amount: smallest, unit })} = ${formatAmount(productMme(smallest, unit, factor.value))} MME/day).`,
      { assumption: 'opioid-naive-smallest-unit' },
    );
  }
  const riskMultiplier = risks.length ? new D(C.riskFactorNaiveMultiplier.value) : new D(1);
  const organMultiplier = organ ? new D(organ.fraction.value) : new D(1);
  const multiplier = D.min(riskMultiplier, organMultiplier);
  if (multiplier.lt(1)) {
    const loweredDaily = timesOf(dailyOf(regimen), multiplier);
    const lowered = fillEven(loweredDaily, largestOf(regimen), regimen.length, formulation);
    // Lowering never raises the start: the smallest unit once daily only when it is not above the unlowered start.
    const chosen = lowered ?? (atMost(smallest, dailyOf(regimen)) ? [smallest] : regimen);
    const reasons = [
      ...(risks.length ? [`risk factors: ${risks.map((r) => `${r.text} [${r.input}]`).join('; ')} → × ${C.riskFactorNaiveMultiplier.value}`] : []),
      ...(organ ? [`${organ.why} → × ${organ.fraction.value}`] : []),
    ];
    notes?.line(
      `Naive start lowered (${reasons.join('; ')}): × ${multiplier.toFixed()} = at most ${formatDose({ amount: loweredDaily, unit })} daily, rounded down to real strengths: ${lowered ? describe(lowered, unit) : `none fits; the smallest unit once daily: ${describe(chosen, unit)}`}.`,
      ...(risks.length ? [C.riskFactorNaiveMultiplier] : []),
      ...(organ ? [organ.fraction] : []),
      ...(lowered ? [] : [{ assumption: 'opioid-naive-smallest-unit' }]),
    );
    return { regimen: chosen, aboveRange, lowered: below(dailyOf(chosen), dailyOf(regimen)) };
  }
  return { regimen, aboveRange, lowered: false };
}

// --- Acetaminophen in combination products ---

/** mg of acetaminophen in one administration of a combination product (the fewest units that make the opioid dose). */
export function acetaminophenOfDose(amount: ProductAmount, formulation: OpioidFormulation): Mg {
  const made = makeExactly(amount, formulation.strengths);
  if (!made) return mg(new D(0));
  let total = mg(new D(0));
  for (const use of made.units) {
    // Every unit of a made dose is one of the formulation's strengths.
    const strength = formulation.strengths.find((s) => new D(s.amount).eq(use.strength))!;
    const apap = mg(new D(strength.acetaminophenMg ?? 0));
    total = add(total, use.half ? per(apap, 2) : timesOf(apap, use.count));
  }
  return total;
}

/** mg of acetaminophen a day in a regimen of a combination product. */
export function acetaminophenDaily(regimen: readonly ProductAmount[], formulation: OpioidFormulation): Mg {
  // A zero administration adds nothing: acetaminophenOfDose gives 0 for any amount the strengths cannot make.
  return regimen.reduce<Mg>((total, a) => add(total, acetaminophenOfDose(a, formulation)), mg(new D(0)));
}

export function acetaminophenLimit(request: RestartRequest): { limit: Mg; why: string; provenance: Provenance[] } {
  const A = C.acetaminophen;
  const { patient } = request;
  if (patient.hepaticImpairment || patient.alcoholUse) {
    return {
      limit: mg(new D(A.liverOrAlcoholMg.value)),
      why: patient.hepaticImpairment ? 'liver disease (hepatic impairment)' : 'alcohol use',
      provenance: [A.liverOrAlcoholMg],
    };
  }
  const older = olderAdult(patient);
  if (older || request.priorDurationDays >= A.longUseDays.value) {
    return {
      limit: mg(new D(A.olderOrLongUseMg.value)),
      why: older ? `age ${patient.ageYears}` : `long use (${request.priorDurationDays} days ≥ ${A.longUseDays.value})`,
      provenance: [A.olderOrLongUseMg, ...(older ? [C.olderAdultAge] : [A.longUseDays])],
    };
  }
  return { limit: mg(new D(A.standardMg.value)), why: 'adult standard maximum', provenance: [A.standardMg] };
}

/**
 * The largest regimen of at most `times` administrations, each at most `dose`, within the acetaminophen
 * limit: the tablets allowed a day spread as evenly as possible, each administration rounded down.
 */
export function capForAcetaminophen(dose: ProductAmount, times: number, limit: Mg, formulation: OpioidFormulation): ProductAmount[] {
  const perTablet = mg(D.max(...formulation.strengths.map((s) => new D(s.acetaminophenMg ?? 0))));
  const largest = productAmount(D.max(...formulation.strengths.map((s) => new D(s.amount))));
  const tablets = perTablet.gt(0) ? Math.floor(limit.div(perTablet).toNumber()) : times * 100;
  const base = Math.floor(tablets / times);
  const extra = tablets % times;
  const regimen: ProductAmount[] = [];
  for (let i = 0; i < times; i++) {
    const count = base + (i < extra ? 1 : 0);
    // count 0 gives a ceiling of 0, which no strength makes (floorToStrengths returns null).
    const made = floorToStrengths(smaller(dose, timesOf(largest, count)), formulation.strengths);
    if (made) regimen.push(made.amount);
  }
  // Already largest first (counts fall with i and rounding down is monotone).
  // Greedy safety net: lower the largest administration until the limit holds.
  while (regimen.length && acetaminophenDaily(regimen, formulation).gt(limit)) {
    const lower = floorToStrengths(subtract(regimen[0]!, productAmount(new D('0.0001'))), formulation.strengths);
    // Stryker disable next-line ConditionalExpression: lower is null only when every administration is one smallest unit, which is within the limit by construction (tablets × the highest acetaminophen per tablet ≤ limit); the shift is a guard
    if (lower) regimen[0] = lower.amount;
    else regimen.shift();
    regimen.sort((a, b) => b.cmp(a));
  }
  return regimen;
}

// --- Warnings ---

export interface WarningContext {
  readonly drug: OpioidDrug;
  readonly status: string;
  readonly priorTolerant: boolean;
  /** Highest daily MME of any step (0 when the drug has no MME). */
  readonly maxMme: Mme;
  readonly hasCheckpoint: boolean;
  /** Buprenorphine for pain (Butrans, Belbuca): not a treatment for opioid use disorder. */
  readonly painProduct?: boolean;
}

export function benzodiazepinesIn(request: RestartRequest): string[] {
  return request.concurrent.filter((id) => {
    const c = concurrentCategories(id);
    return c.includes('benzodiazepine') || c.includes('z-drug');
  });
}

export function opioidWarnings(notes: PlanNotes, request: RestartRequest, context: WarningContext): void {
  const { patient } = request;
  const categories = new Set(request.concurrent.flatMap((id) => concurrentCategories(id)));
  const benzodiazepines = benzodiazepinesIn(request);
  const benzodiazepine = benzodiazepines.length > 0;
  const released = request.breakReason === 'incarceration';
  const detox = request.breakReason === 'detox';
  const toleranceDown = context.status === 'reduced' || context.status === 'lost';

  const naloxoneReasons: string[] = [];
  if (toleranceDown) naloxoneReasons.push('tolerance reduced or lost after the break');
  if (atMost(mmeValue(C.naloxoneMme.value), context.maxMme)) naloxoneReasons.push(`a dose of ≥ ${C.naloxoneMme.value} MME/day`);
  if (benzodiazepine) naloxoneReasons.push('a benzodiazepine taken with the opioid');
  if (categories.has('gabapentinoid')) naloxoneReasons.push('gabapentin or pregabalin taken with the opioid');
  const alcohol = alcoholInputs(request);
  if (alcohol.length) naloxoneReasons.push(`alcohol use with the opioid (${alcohol.join(', ')})`);
  if (patient.overdoseHistory) naloxoneReasons.push('a history of overdose');
  if (patient.substanceUseDisorder) naloxoneReasons.push('a history of substance use disorder');
  else if (request.indication === 'oud' || (context.drug.agonist === 'partial' && !context.painProduct)) naloxoneReasons.push('treatment for opioid use disorder');
  if (patient.sleepApnea) naloxoneReasons.push('sleep-disordered breathing');
  if (released) naloxoneReasons.push('recent release from prison');
  // Rec 8 names a return to a dose after tolerance loss (tapering, prison release): detoxification is that too
  if (detox) naloxoneReasons.push('recent detoxification');
  if (naloxoneReasons.length) {
    notes.warn(
      'NALOXONE',
      'critical',
      `Offer naloxone and overdose education to the patient and household: ${naloxoneReasons.join('; ')}.`,
      ['cdc-2022'],
    );
    notes.line(`Warning NALOXONE: ${naloxoneReasons.join('; ')} (CDC 2022 Recommendation 8 criteria).`);
  }
  if (toleranceDown && context.priorTolerant) {
    notes.warn(
      'OPIOID_TOLERANCE_LOST',
      'critical',
      `Tolerance is ${context.status === 'lost' ? 'lost' : 'reduced'} after the break: returning to the previous dose can cause fatal respiratory depression. Restart at the first step and titrate only as the schedule allows.`,
      ['cdc-2022', 'au-methadone-2003'],
    );
    notes.line(`Warning OPIOID_TOLERANCE_LOST: tolerance ${context.status} (r < 1) in a previously tolerant patient.`);
  }
  if (benzodiazepine) {
    notes.warn(
      'OPIOID_BENZODIAZEPINE',
      'critical',
      `Opioid with ${benzodiazepines.map(concurrentName).join(', ')}: combined use can cause profound sedation, respiratory depression, coma and death. Limit both to the lowest doses and shortest duration; offer naloxone.`,
      ['fda-opioid-benzo-2016', 'cdc-2022'],
    );
    notes.line(`Warning OPIOID_BENZODIAZEPINE: concurrent ${benzodiazepines.join(', ')}.`);
  }
  if (categories.has('gabapentinoid')) {
    notes.warn(
      'OPIOID_GABAPENTINOID',
      // Critical, as amendment A10 grades the same pair on the gabapentinoid's plan (GABAPENTINOID_OPIOID).
      'critical',
      'Opioid with gabapentin or pregabalin: serious breathing problems can occur, and combined use has been associated with a higher risk of overdose than either alone. Start the gabapentinoid at the lowest dose, monitor for respiratory depression and sedation, and offer naloxone.',
      ['fda-gabapentinoid-2019', 'cdc-2022'],
    );
    notes.line('Warning OPIOID_GABAPENTINOID: concurrent gabapentinoid.');
  }
  if (context.hasCheckpoint) {
    notes.warn(
      'MME_50_CHECKPOINT',
      'warning',
      `The schedule crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before that step, increase follow-up and offer naloxone.`,
      ['cdc-2022'],
    );
  }
  if (released || detox) {
    notes.warn(
      'HIGH_RISK_RELEASE',
      'critical',
      `${released ? 'Release from prison' : 'Completed detoxification'} is the highest-risk setting for overdose death, above all in the first ${C.highRiskWindowDays.value} days (after prison release, overdose death was ${C.releaseOverdoseRelativeRisk.value} times the population rate in the first ${C.highRiskWindowDays.value} days). Supply naloxone, explain that tolerance may be lower than the patient expects, and arrange early follow-up.`,
      released ? ['binswanger-2007', 'merrall-2010', 'cdc-2022'] : ['strang-2003', 'cdc-2022'],
    );
    notes.line(`Warning HIGH_RISK_RELEASE: break reason ${request.breakReason}.`, C.highRiskWindowDays);
  }
  if (olderAdult(patient)) {
    notes.warn(
      'OLDER_ADULT',
      'warning',
      `Age ${patient.ageYears}: older adults clear opioids more slowly and are more prone to sedation, falls and respiratory depression. Use extra caution and closer monitoring.`,
      ['cdc-2022'],
    );
    notes.line(`Warning OLDER_ADULT: age ${patient.ageYears} ≥ ${C.olderAdultAge.value}.`, C.olderAdultAge);
  }
  opioidInteractionWarnings(notes, request, context.drug.id);
  alcoholWarning(notes, alcohol);
  beersOpioidWarnings(notes, request, context.drug);
  if (context.drug.agonist === 'full' && request.indication !== 'oud') {
    const A = C.amended.nonOpioidTherapies;
    notes.warn('NON_OPIOID_THERAPIES', 'info', `${A.text} Use them with the opioid, not only instead of it.`, [A.source]);
    notes.line('Information NON_OPIOID_THERAPIES: non-opioid and non-drug therapies are preferred or added (CDC 2022 Recommendations 1–2).', A);
  }
}

/** The inputs that say the patient drinks alcohol: `patient.alcoholUse` and alcohol named as a concurrent drug. */
export function alcoholInputs(request: RestartRequest): string[] {
  return [
    ...(request.patient.alcoholUse ? ['patient.alcoholUse'] : []),
    ...(request.concurrent.includes('alcohol') ? ['concurrent: ["alcohol"]'] : []),
  ];
}

/** Amendment A3: alcohol is a CNS depressant with every opioid (boxed warning). */
function alcoholWarning(notes: PlanNotes, inputs: readonly string[]): void {
  if (!inputs.length) return;
  const A = C.amended.alcoholCnsDepressant;
  notes.warn(
    'ALCOHOL_OPIOID',
    'warning',
    `Alcohol (${inputs.join(', ')}) with an opioid: both depress breathing and consciousness (boxed warning: concomitant use with other CNS depressants). It counts as a concurrent CNS depressant in this plan: the opioid-naive start is halved and naloxone is offered. Advise the patient not to drink while taking the opioid.`,
    [A.source],
  );
  notes.line(`Warning ALCOHOL_OPIOID: ${inputs.join(', ')}; counted as a concurrent CNS depressant.`, A);
}

/**
 * Beers 2023 opioid items for patients aged 65 or over (amendment A2). Three or more CNS-active drugs is the rule
 * every class shares (`beersCnsWarning`, one CNS-active table), named with the opioid's display name.
 */
function beersOpioidWarnings(notes: PlanNotes, request: RestartRequest, drug: OpioidDrug): void {
  const { patient } = request;
  if (!olderAdult(patient)) return;
  const A = C.amended;
  const others = [...new Set(request.concurrent)].filter((id) => id !== drug.id);
  const benzodiazepines = others.filter((id) => concurrentCategories(id).some((c) => c === 'benzodiazepine' || c === 'z-drug'));
  const gabapentinoids = others.filter((id) => concurrentCategories(id).includes('gabapentinoid'));
  const age = `age ${patient.ageYears} (patient.ageYears)`;
  if (benzodiazepines.length) {
    notes.warn(
      'BEERS_OPIOID_BZD',
      'critical',
      `Beers 2023 (${age}): an opioid with ${benzodiazepines.map(concurrentName).join(', ')} — increased risk of overdose; avoid the combination (strong recommendation). If both are continued, use the lowest doses, offer naloxone and monitor closely.`,
      [A.beersOpioidBenzodiazepine.source],
    );
    notes.line(`Warning BEERS_OPIOID_BZD: ${age}; concurrent ${benzodiazepines.join(', ')}.`, A.beersOpioidBenzodiazepine, C.olderAdultAge);
  }
  if (gabapentinoids.length) {
    notes.warn(
      'BEERS_OPIOID_GABAPENTINOID',
      'critical',
      `Beers 2023 (${age}): an opioid with ${gabapentinoids.map(concurrentName).join(', ')} — avoid (sedation, respiratory depression), except when moving from opioid therapy to a gabapentinoid or using the gabapentinoid to lower the opioid dose.`,
      [A.beersOpioidGabapentinoid.source],
    );
    notes.line(`Warning BEERS_OPIOID_GABAPENTINOID: ${age}; concurrent ${gabapentinoids.join(', ')}.`, A.beersOpioidGabapentinoid, C.olderAdultAge);
  }
  beersCnsWarning(notes, request, { id: drug.id, displayName: drug.displayName });
  if (patient.historyOfFalls) {
    notes.warn(
      'BEERS_FALLS',
      'warning',
      `Beers 2023 (${age}, history of falls: patient.historyOfFalls): avoid opioids except for pain management in the setting of severe acute pain; they cause ataxia, impaired psychomotor function and further falls.`,
      [A.beersFallsOpioid.source],
    );
    notes.line(`Warning BEERS_FALLS: ${age}; patient.historyOfFalls.`, A.beersFallsOpioid, C.olderAdultAge);
  }
}

/** The parts of an opioid plan every opioid planner reports the same way: tolerance and the prior MME. */
export function opioidPlanSummary(input: {
  readonly fraction: Decimal;
  readonly status: ToleranceStatus;
  readonly priorTolerant: boolean;
  readonly anchor: ToleranceAnchor;
  /** The prior daily dose in the prior product's unit (`unit`). */
  readonly priorDaily: ProductAmount;
  readonly priorMme: Mme;
  readonly unit: DoseUnit;
  readonly factor: Sourced<string>;
  /** "MME per mg/day", or "MME per mcg/h" for a patch. */
  readonly per: string;
  /** Every medicine of the prior regimen (full agonists; issue 13); priorMme is then their sum. */
  readonly components?: readonly PriorComponent[];
}): Pick<RestartPlan, 'tolerance' | 'prior'> {
  return {
    tolerance: {
      retainedFraction: input.fraction.toFixed(),
      status: input.status,
      priorTolerant: input.priorTolerant,
      anchor: anchorSummary(input.anchor),
    },
    prior: {
      dailyDose: { amount: decimalString(input.priorDaily), unit: input.unit },
      dailyEquivalent: { amount: decimalString(input.priorMme), unit: 'MME' },
      equivalentFactor: { value: input.factor.value, per: input.per, source: 'source' in input.factor ? input.factor.source : 'engine assumption' },
      ...(input.components ? { components: input.components } : {}),
    },
  };
}
