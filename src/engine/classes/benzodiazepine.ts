/**
 * Benzodiazepine and Z-drug restart planner (restart model, section 4).
 * Prior dose → diazepam equivalents (Ashton primary, VA/DoD beside it) → risk band and Joint Guideline Table 2 row →
 * break length and washout → retained fraction → first step (rounded down to real strengths) → titration ceiling.
 * A restart stays on the same drug: equivalents are for display, the risk band and the post-washout cap.
 */
import type Decimal from 'decimal.js';
import { BENZODIAZEPINE_CLASS } from '../../protocols/benzodiazepines/index.ts';
import type {
  BenzodiazepineDrug,
  BenzodiazepineFormulation,
  DoseBand,
  WithdrawalRiskRow,
} from '../../protocols/benzodiazepines/types.ts';
import type { Provenance, Sourced, ToleranceAnchor } from '../../protocols/types.ts';
import { breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import { buildTitration } from '../schedule.ts';
import { nextAbove } from '../strengths.ts';
import { retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { EquivalentReading, RestartPlan, RestartRequest } from '../types.ts';
import { toPlanSteps } from './steps.ts';
import { evenRegimen, repeat, sum } from '../regimen.ts';

const C = BENZODIAZEPINE_CLASS;
const TEN = new D(10);
const HOURS_PER_DAY = 24;


function sourceOf(provenance: Provenance): string {
  return 'source' in provenance ? provenance.source : 'engine assumption';
}

/** mg diazepam a day for a daily dose, given the amount of the drug that ≈ diazepam 10 mg. */
function diazepamEquivalent(daily: Decimal, amountPer10: Decimal.Value): Decimal {
  return daily.mul(TEN).div(amountPer10);
}

/** Display value: two decimal places at most (the equivalents are approximate). */
function shown(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export interface Washout {
  /** Missed days from which the drug counts as washed out (never before the half-dose day). */
  readonly days: number;
  /** Days before the floor is applied: ceil(half-lives × longest half-life / 24). */
  readonly rawDays: number;
  readonly longestHours: number;
  readonly which: 'parent' | 'active metabolite';
  readonly provenance: Sourced<unknown>;
}

const washoutCache = new WeakMap<BenzodiazepineDrug, Washout>();
const anchorCache = new WeakMap<BenzodiazepineDrug, readonly ToleranceAnchor[]>();

/** Washout day from the drug's Ashton half-lives (engine assumption bzd-washout-5-half-lives). */
export function washoutFor(drug: BenzodiazepineDrug): Washout {
  const cached = washoutCache.get(drug);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (cached) return cached;
  const parent = drug.halfLifeHours;
  const metabolite = drug.metaboliteHalfLifeHours;
  const useMetabolite = metabolite !== undefined && (parent === undefined || metabolite.value.high > parent.value.high);
  const chosen = useMetabolite ? metabolite : parent;
  if (!chosen) throw new Error(`programmer error: ${drug.id} has no half-life`);
  const longestHours = chosen.value.high;
  const rawDays = Math.ceil((C.washoutHalfLives.value * longestHours) / HOURS_PER_DAY);
  const washout: Washout = {
    days: Math.max(rawDays, C.halfFromMissedDays.value),
    rawDays,
    longestHours,
    which: useMetabolite ? 'active metabolite' : 'parent',
    provenance: chosen,
  };
  washoutCache.set(drug, washout);
  return washout;
}

/** Retained-fraction anchors for one drug: resume, half from 3 missed days, quarter from washout. */
export function benzodiazepineAnchors(drug: BenzodiazepineDrug): readonly ToleranceAnchor[] {
  const cached = anchorCache.get(drug);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (cached) return cached;
  const washout = washoutFor(drug);
  const half = C.halfFromMissedDays.value;
  const anchors: ToleranceAnchor[] = [
    { fromMissedDays: 0, retainedFraction: C.resumeFraction, basis: `up to ${half - 1} missed days: resume the prior dose` },
  ];
  if (washout.days > half) {
    anchors.push({ fromMissedDays: half, retainedFraction: C.halfFraction, basis: `${half} missed days until washout: at most half the prior dose` });
  }
  anchors.push({
    fromMissedDays: washout.days,
    retainedFraction: C.washoutFraction,
    basis: `washed out (${C.washoutHalfLives.value} × ${washout.longestHours} h ${washout.which} half-life ≈ ${washout.days} days): at most a quarter of the prior dose and no more than ${C.washoutCapDe.value} mg diazepam equivalents a day`,
  });
  anchorCache.set(drug, anchors);
  return anchors;
}

export function doseBand(dailyDe: Decimal): DoseBand {
  if (dailyDe.lte(C.lowBandMaxDe.value)) return 'low';
  if (dailyDe.lte(C.moderateBandMaxDe.value)) return 'moderate';
  return 'high';
}

export function withdrawalRiskRow(daysPerWeek: number, durationDays: number, band: DoseBand): WithdrawalRiskRow {
  const month = C.daysPerMonth.value;
  const row = C.withdrawalRiskRows.find(
    (r) =>
      daysPerWeek >= r.minDaysPerWeek &&
      daysPerWeek <= r.maxDaysPerWeek &&
      // Stryker disable next-line ArithmeticOperator: the rows are ordered, so a duration below a row's minimum is always caught by the shorter row before it
      durationDays >= r.minMonths * month &&
      (r.maxMonths === undefined || durationDays < r.maxMonths * month) &&
      r.bands.includes(band),
  );
  if (!row) throw new Error('programmer error: Table 2 rows must cover every case');
  return row;
}


/** "5 mg × 3 a day = 15 mg daily". Every regimen this planner describes is n equal administrations (repeat, evenRegimen or one unit). */
function describe(regimen: readonly Decimal[], unit: string): string {
  return `${formatDose({ amount: regimen[0]!, unit })} × ${regimen.length} a day = ${formatDose({ amount: sum(regimen), unit })} daily`;
}

function amountText(amount: { readonly low: string; readonly high: string }): string {
  return amount.low === amount.high ? formatAmount(amount.low) : `${formatAmount(amount.low)}–${formatAmount(amount.high)}`;
}

export function planBenzodiazepine(request: RestartRequest, drug: BenzodiazepineDrug, formulation: BenzodiazepineFormulation): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const dose = request.prior.dose.amount;
  const times = request.prior.timesPerDay;
  const daysPerWeek = request.prior.daysPerWeek;
  const priorDaily = dose.mul(times);

  // 1. Inputs.
  notes.line(
    `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, ${daysPerWeek} days a week, for ${request.priorDurationDays} days.`,
  );
  if (formulation.nonUsProduct) notes.line(`Product note: ${formulation.nonUsProduct}`, formulation.strengthsSource);

  // 2. Diazepam equivalents: Ashton (primary) and VA/DoD beside it.
  const ashton = drug.ashtonEquivalent;
  const ashtonHigh = diazepamEquivalent(priorDaily, ashton.value.low); // the smaller amount per 10 mg gives the higher DE
  const ashtonLow = diazepamEquivalent(priorDaily, ashton.value.high);
  const isRange = ashton.value.low !== ashton.value.high;
  notes.line(
    isRange
      ? `Diazepam equivalent (Ashton, primary): ${amountText(ashton.value)} mg ${drug.genericName} ≈ 10 mg diazepam, so ${formatAmount(priorDaily)} mg/day ≈ ${formatAmount(shown(ashtonLow))}–${formatAmount(shown(ashtonHigh))} mg diazepam/day; for a restart the higher figure, ${formatAmount(shown(ashtonHigh))} mg, is the more cautious risk estimate and is used.`
      : `Diazepam equivalent (Ashton, primary): ${amountText(ashton.value)} mg ${drug.genericName} ≈ 10 mg diazepam, so ${formatAmount(priorDaily)} mg/day × 10 ÷ ${formatAmount(ashton.value.low)} = ${formatAmount(shown(ashtonHigh))} mg diazepam/day.`,
    ashton,
  );
  const equivalents: EquivalentReading[] = [
    {
      table: 'Ashton Manual 2002, Table 1',
      source: sourceOf(ashton),
      perDiazepam10mg: amountText(ashton.value),
      dailyEquivalent: { amount: decimalString(shown(ashtonHigh)), unit: 'mg diazepam' },
      ...(isRange ? { dailyEquivalentRange: { low: decimalString(shown(ashtonLow)), high: decimalString(shown(ashtonHigh)) } } : {}),
    },
  ];
  let decisionDe = ashtonHigh;
  let decisionTable = 'Ashton';
  let capPer10 = new D(ashton.value.low);
  const va = drug.vaDodEquivalent;
  if (va) {
    const vaDe = diazepamEquivalent(priorDaily, va.value);
    equivalents.push({
      table: 'VA/DoD SUD CPG 2021 (2025 Joint Guideline Table 7)',
      source: sourceOf(va),
      perDiazepam10mg: formatAmount(va.value),
      dailyEquivalent: { amount: decimalString(shown(vaDe)), unit: 'mg diazepam' },
    });
    const differs = !new D(va.value).eq(ashton.value.low) || isRange;
    notes.line(
      differs
        ? `VA/DoD 2021 gives ${formatAmount(va.value)} mg ≈ 10 mg diazepam: ${formatAmount(shown(vaDe))} mg diazepam/day. The tables differ; both are shown.`
        : `VA/DoD 2021 gives the same figure (${formatAmount(va.value)} mg ≈ 10 mg diazepam).`,
      va,
    );
    if (vaDe.gt(decisionDe)) {
      decisionDe = vaDe;
      decisionTable = 'VA/DoD';
    }
    if (new D(va.value).lt(capPer10)) capPer10 = new D(va.value);
  } else {
    notes.line(`VA/DoD 2021 (Joint Guideline Table 7) does not list ${drug.genericName}; Ashton alone is used.`);
  }
  if (va || isRange) {
    notes.line(
      `For the risk band, the withdrawal-risk row and the post-washout cap the higher equivalent is used: ${formatAmount(shown(decisionDe))} mg diazepam/day (${decisionTable}).`,
      { assumption: 'bzd-conservative-equivalent' },
    );
  }

  // 3. Risk band and Joint Guideline Table 2 row.
  const band = doseBand(decisionDe);
  notes.line(
    `Dose band: ${band} (low ≤ ${C.lowBandMaxDe.value}, moderate ${C.lowBandMaxDe.value}–${C.moderateBandMaxDe.value}, high > ${C.moderateBandMaxDe.value} mg diazepam equivalents a day).`,
    C.lowBandMaxDe,
    C.moderateBandMaxDe,
  );
  const row = withdrawalRiskRow(daysPerWeek, request.priorDurationDays, band);
  notes.line(
    `Withdrawal risk before the break (Joint Guideline Table 2): ${request.priorDurationDays} days of use, ${daysPerWeek} days a week, ${band} dose → row "${row.text}".`,
    row.provenance,
    C.daysPerMonth,
  );
  const dependent = row.risk === 'yes';

  // 4. Break length, washout and retained fraction.
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  const washout = washoutFor(drug);
  notes.line(
    `Washout: ${C.washoutHalfLives.value} × longest half-life (${washout.which}, upper end ${washout.longestHours} h) = ${C.washoutHalfLives.value * washout.longestHours} h = ${washout.rawDays} days rounded up${
      washout.days !== washout.rawDays ? `, not before ${C.halfFromMissedDays.value} missed days: ${washout.days}` : ''
    }.`,
    washout.provenance,
    C.washoutHalfLives,
  );
  const anchors = benzodiazepineAnchors(drug);
  const retained = retainedFraction(anchors, missedDays);
  const status = toleranceStatus(retained.fraction);
  // The anchors are 0, (3,) washout.days with washout.days >= 3, so the washout anchor applies exactly from washout.days.
  const washedOut = missedDays >= washout.days;
  notes.line(
    `Retained fraction r = ${retained.fraction.toFixed()} for ${missedDays} missed days (${retained.anchor.basis}).`,
    retained.anchor.retainedFraction,
  );
  notes.line(
    status === 'retained'
      ? 'Tolerance status: retained (r = 1).'
      : `Tolerance status: reduced (r = ${retained.fraction.toFixed()}). ${washedOut ? 'After washout "reduced" means tolerance to sedation and breathing depression may be largely gone; no source shows it is ever entirely lost, and no source says how fast it returns.' : 'Some tolerance is assumed kept; how much is not known.'}`,
  );

  // 5. Target: the prior dose, never above the labelled maximum daily dose.
  const priorRegimen = repeat(dose, times);
  const maxDaily = formulation.maxDailyDose;
  let target = priorRegimen;
  let aboveLabel = false;
  if (maxDaily && priorDaily.gt(maxDaily.value)) {
    aboveLabel = true;
    target = evenRegimen(new D(maxDaily.value), dose, times, formulation) ?? priorRegimen;
    notes.line(
      `The prior dose is above the labelled maximum (${formatDose({ amount: maxDaily.value, unit })} a day): no step goes above it; target ${describe(target, unit)}.`,
      maxDaily,
      { assumption: 'bzd-above-label-maximum' },
    );
  } else if (maxDaily) {
    notes.line(`Labelled maximum: ${formatDose({ amount: maxDaily.value, unit })} a day; the prior dose is within it.`, maxDaily);
  }
  const targetDaily = sum(target);

  // 6. First step.
  let first: Decimal[];
  let firstRule: string;
  let smallestUnitFloor = false;
  if (retained.fraction.gte(1)) {
    first = target;
    firstRule = aboveLabel ? 'prior dose capped at the labelled maximum (tolerance retained)' : 'prior dose (tolerance retained)';
    notes.line(`First step: ${aboveLabel ? 'the labelled maximum' : 'the prior dose'}, because tolerance is retained (r = 1): ${describe(first, unit)}.`);
  } else {
    let allowed = priorDaily.mul(retained.fraction);
    let why = `prior daily × r = ${formatAmount(priorDaily)} × ${retained.fraction.toFixed()} = ${formatDose({ amount: allowed, unit })}`;
    if (washedOut) {
      const capMg = new D(C.washoutCapDe.value).mul(capPer10).div(TEN);
      notes.line(
        `Post-washout cap: ${C.washoutCapDe.value} mg diazepam equivalents a day = ${formatDose({ amount: capMg, unit })} ${drug.genericName} a day (${formatAmount(capPer10)} mg ≈ 10 mg diazepam, the higher-potency figure).`,
        C.washoutCapDe,
        { assumption: 'bzd-washout-quarter-and-low-band' },
      );
      if (capMg.lt(allowed)) {
        allowed = capMg;
        why = `${C.washoutCapDe.value} mg diazepam equivalents = ${formatDose({ amount: capMg, unit })} (below prior daily × r)`;
      }
    }
    // No clamp to the target is needed: evenRegimen keeps each dose <= target[0] and the count <= target.length.
    const rounded = evenRegimen(allowed, target[0]!, target.length, formulation);
    if (rounded && sum(rounded).lte(targetDaily)) {
      first = rounded;
      firstRule = `${why}, rounded down to real strengths`;
      notes.line(`First step: at most ${why}, rounded down to real strengths: ${describe(first, unit)}.`);
    } else {
      // Not even the smallest unit fits under the ceiling: the smallest unit once daily is the floor of any regimen.
      const smallest = nextAbove(new D(0), target[0]!, formulation.strengths);
      // Stryker disable next-line ArrayDeclaration: unreachable fallback; target[0] is made of real strengths, so nextAbove(0, target[0]) always finds one
      first = smallest ? [smallest.amount] : [target[0]!];
      smallestUnitFloor = true;
      firstRule = `smallest unit once daily (${why} is below the smallest unit)`;
      notes.line(`First step: ${why} is below the smallest unit; the smallest unit once daily is the floor: ${describe(first, unit)}.`);
    }
  }

  // 7. Titration to the target.
  const rise = new D(C.maxRiseFraction.value);
  const interval = C.titrationIntervalDays.value;
  notes.line(
    `Titration ceiling: each step at most + ${rise.mul(100).toFixed()}% of the current daily dose, or the smallest rise the strengths can make, no sooner than every ${interval} days, up to the ${aboveLabel ? 'labelled maximum' : 'prior dose'} (mirror of the Joint Guideline taper limit of ≤ 25% every 2 weeks).`,
    C.maxRiseFraction,
    C.titrationIntervalDays,
  );
  const scheduled = buildTitration({
    startDate: request.restartDate,
    first,
    firstRule,
    target,
    // Stryker disable next-line StringLiteral: buildTitration does not read the description; no plan field shows it
    rule: { maxRiseFraction: rise, intervalsDays: [interval], description: 'benzodiazepine or Z-drug re-titration' },
    strengths: formulation.strengths,
  });
  if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) {
    notes.line('Where the real strengths cannot make a rise as small as 25%, the step rises by the smallest amount they can make.', {
      assumption: 'smallest-practical-rise',
    });
  }
  if (formulation.scoringUnverified) {
    notes.line(
      `Tablets whose scoring is not confirmed on the label (${formulation.strengths.filter((s) => !s.scored).map((s) => formatDose({ amount: s.amount, unit })).join(', ')}) are never halved.`,
      { assumption: 'unverified-scoring-unscored' },
    );
  }

  const deFactor = ashton.value.low;
  const steps = toPlanSteps(scheduled, {
    drug: drug.id,
    formulation,
    equivalent: { unit: 'mg diazepam', of: (daily) => shown(diazepamEquivalent(daily, deFactor)) },
  });
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily ≈ ${formatAmount(step.dailyEquivalent!.amount)} mg diazepam/day (${step.rule}).`,
    );
  });

  // 8. Warnings.
  const firstDaily = sum(first);
  benzodiazepineWarnings(notes, request, {
    drug,
    formulation,
    status,
    dependent,
    firstDaily,
    priorDaily,
    aboveLabel,
    smallestUnitFloor,
  });

  return notes.finish({
    drug: drug.id,
    drugClass: 'benzodiazepine',
    drugKind: drug.kind,
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: {
      retainedFraction: retained.fraction.toFixed(),
      status,
      priorTolerant: dependent,
      anchor: { fromMissedDays: retained.anchor.fromMissedDays, source: sourceOf(retained.anchor.retainedFraction), basis: retained.anchor.basis },
      washoutDays: washout.days,
    },
    prior: {
      dailyDose: { amount: decimalString(priorDaily), unit },
      dailyEquivalent: { amount: decimalString(shown(ashtonHigh)), unit: 'mg diazepam' },
      equivalentFactor: { value: amountText(ashton.value), per: `mg ${drug.genericName} ≈ 10 mg diazepam`, source: sourceOf(ashton) },
      equivalents,
      riskBand: { band, dailyEquivalent: { amount: decimalString(shown(decisionDe)), unit: 'mg diazepam' }, source: sourceOf(C.lowBandMaxDe) },
      withdrawalRisk: { risk: row.risk, row: row.text, daysPerWeek, durationDays: request.priorDurationDays, source: row.provenance.source },
    },
    steps,
  });
}

interface WarningContext {
  readonly drug: BenzodiazepineDrug;
  readonly formulation: BenzodiazepineFormulation;
  readonly status: string;
  readonly dependent: boolean;
  readonly firstDaily: Decimal;
  readonly priorDaily: Decimal;
  readonly aboveLabel: boolean;
  readonly smallestUnitFloor: boolean;
}

function benzodiazepineWarnings(notes: PlanNotes, request: RestartRequest, context: WarningContext): void {
  const { patient } = request;
  const { drug } = context;
  // Stryker disable next-line MethodExpression,ConditionalExpression: no benzodiazepine or Z-drug is in the opioid, gabapentinoid or alcohol category, so the planned drug never warns against itself either way
  const others = request.concurrent.filter((id) => id !== drug.id);
  const withCategory = (category: string) => others.filter((id) => (concurrentCategories(id) as readonly string[]).includes(category));
  const names = (ids: readonly string[]) => ids.map(concurrentName).join(', ');
  const label = context.formulation.strengthsSource.source;

  const opioids = withCategory('opioid');
  if (opioids.length) {
    notes.warn(
      'OPIOID_BENZODIAZEPINE',
      'critical',
      `${drug.displayName} with ${names(opioids)}: combined use can cause profound sedation, respiratory depression, coma and death. Use only if alternatives are inadequate, limit both to the lowest doses and shortest duration, and offer naloxone.`,
      ['fda-opioid-benzo-2016', 'joint-bzd-taper-2025', 'beers-2023'],
    );
    notes.line(`Warning OPIOID_BENZODIAZEPINE: concurrent ${opioids.join(', ')} (FDA 2016 boxed warning; Joint Guideline Recs 16–18: offer naloxone).`);
  }
  const gabapentinoids = withCategory('gabapentinoid');
  if (gabapentinoids.length) {
    notes.warn(
      'BENZODIAZEPINE_GABAPENTINOID',
      'warning',
      `${drug.displayName} with ${names(gabapentinoids)}: serious breathing problems can occur when gabapentinoids are taken with other CNS depressants. Monitor for sedation and respiratory depression.`,
      ['fda-gabapentinoid-2019'],
    );
    notes.line(`Warning BENZODIAZEPINE_GABAPENTINOID: concurrent ${gabapentinoids.join(', ')}.`);
  }
  const alcohol = withCategory('alcohol');
  if (patient.alcoholUse || alcohol.length) {
    notes.warn(
      'ALCOHOL',
      'warning',
      `Alcohol with ${drug.displayName} adds to sedation and respiratory depression and raises the risk of overdose. Advise the patient not to drink; check for alcohol dependence (alcohol withdrawal also causes seizures).`,
      ['fda-benzo-boxed-2020', label],
    );
    notes.line(`Warning ALCOHOL: ${patient.alcoholUse ? 'patient alcohol use' : 'concurrent alcohol'}.`);
  }
  if (patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value) {
    notes.warn(
      'OLDER_ADULT',
      'warning',
      `Age ${patient.ageYears}: the Beers Criteria say avoid ${drug.kind === 'z-drug' ? 'Z-drugs' : 'benzodiazepines'} in older adults (cognitive impairment, delirium, falls, fractures, crashes). Consider whether to restart at all; the Joint Guideline advises tapering in most adults aged 65 or over.`,
      ['beers-2023', 'joint-bzd-taper-2025'],
    );
    notes.line(`Warning OLDER_ADULT: age ${patient.ageYears} ≥ ${C.olderAdultAge.value}.`, C.olderAdultAge);
  }
  if (patient.respiratoryDisease || patient.sleepApnea) {
    const what = [patient.respiratoryDisease ? 'respiratory disease' : '', patient.sleepApnea ? 'sleep apnea' : ''].filter(Boolean).join(' and ');
    notes.warn(
      'RESPIRATORY_RISK',
      'warning',
      `${what[0]!.toUpperCase()}${what.slice(1)}: ${drug.displayName} can depress breathing, more so during sleep. Use the lowest dose and monitor.`,
      [label, 'fda-opioid-benzo-2016'],
    );
    notes.line(`Warning RESPIRATORY_RISK: ${what}.`);
  }
  const seizureLine = context.priorDaily.mul(C.seizureWarningFraction.value);
  if (context.dependent && context.firstDaily.lt(seizureLine)) {
    notes.warn(
      'WITHDRAWAL_SEIZURE_RISK',
      'critical',
      `The patient was likely physically dependent before the break, and the plan starts at ${formatDose({ amount: context.firstDaily, unit: context.formulation.unit })} a day, well below the prior ${formatDose({ amount: context.priorDaily, unit: context.formulation.unit })}. Stopping or lowering a benzodiazepine abruptly can cause withdrawal reactions, including seizures, which can be life-threatening: watch for withdrawal and review early.`,
      ['fda-benzo-boxed-2020', 'joint-bzd-taper-2025'],
    );
    notes.line(
      `Warning WITHDRAWAL_SEIZURE_RISK: Table 2 risk "yes" and first step ${formatAmount(context.firstDaily)} < ${C.seizureWarningFraction.value} × prior ${formatAmount(context.priorDaily)}.`,
      C.seizureWarningFraction,
    );
  }
  if (context.status !== 'retained') {
    notes.warn(
      'BENZODIAZEPINE_TOLERANCE_REDUCED',
      'warning',
      `Tolerance may be lower after the break: returning straight to the previous dose can cause oversedation and, with opioids or alcohol, fatal respiratory depression. Follow the dated ceilings.`,
      ['joint-bzd-taper-2025', 'fda-benzo-boxed-2020'],
    );
  }
  if (context.aboveLabel) {
    notes.warn(
      'ABOVE_LABEL_MAXIMUM',
      'warning',
      `The prior dose is above the labelled maximum daily dose: the plan stops at the labelled maximum. A higher dose is the prescriber's decision.`,
      [label],
    );
  }
  if (context.smallestUnitFloor) {
    notes.warn(
      'SMALLEST_UNIT_ABOVE_CEILING',
      'warning',
      'The computed first-step ceiling is below the smallest tablet or capsule; the plan uses the smallest unit once daily. Consider whether a restart is needed and monitor closely.',
      [label],
    );
  }
  if (drug.epilepsyCaution && context.firstDaily.lt(context.priorDaily)) {
    notes.warn(
      'EPILEPSY_INDICATION',
      'info',
      `${drug.displayName} may be prescribed for epilepsy: if so, a lower dose can provoke seizures. Check the indication with the prescriber.`,
      [drug.epilepsyCaution.source],
    );
  }
}
