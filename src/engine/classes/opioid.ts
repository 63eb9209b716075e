/**
 * Opioid restart planner (restart model, section 3).
 * Prior MME → tolerance before the break → retained fraction → first step → titration ceiling.
 */
import type Decimal from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import { breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import { buildTitration, type ScheduledStep } from '../schedule.ts';
import { floorToStrengths, nextAbove } from '../strengths.ts';
import { retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { RestartPlan, RestartRequest } from '../types.ts';
import { toPlanSteps } from './steps.ts';

const C = OPIOID_CLASS;

function repeat(amount: Decimal, times: number): Decimal[] {
  return Array.from({ length: times }, () => amount);
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.add(b), new D(0));
}

/** Risk factors that halve the naive start (engine assumption) and never raise a step. */
export function opioidRiskFactors(request: RestartRequest): string[] {
  const { patient } = request;
  const factors: string[] = [];
  if (patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value) factors.push(`age ${patient.ageYears}`);
  if (patient.hepaticImpairment) factors.push('hepatic impairment');
  if (patient.renalImpairment) factors.push('renal impairment');
  if (patient.respiratoryDisease) factors.push('respiratory disease');
  if (patient.sleepApnea) factors.push('sleep apnea');
  const depressants = request.concurrent.filter((id) => concurrentCategories(id).includes('cns-depressant'));
  if (depressants.length) factors.push(`concurrent CNS depressant (${depressants.map(concurrentName).join(', ')})`);
  return factors;
}

/**
 * The largest regimen of at most `times` equal administrations whose daily total is at most `dailyCap`
 * and whose single dose is at most `doseCap`, made of real strengths. Null if not even one unit fits.
 */
function evenRegimen(dailyCap: Decimal, doseCap: Decimal, times: number, formulation: OpioidFormulation): Decimal[] | null {
  for (let count = times; count >= 1; count--) {
    const perDose = floorToStrengths(D.min(doseCap, dailyCap.div(count)), formulation.strengths);
    if (perDose) {
      const fits = Math.min(count, Math.floor(dailyCap.div(perDose.amount).toNumber()));
      return repeat(perDose.amount, Math.max(1, fits));
    }
  }
  return null;
}

export function planOpioid(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan {
  const notes = new PlanNotes();
  const factor = drug.mmeFactor;
  if (!factor) throw new Error(`programmer error: ${drug.id} has no MME factor; it needs its own planner`);
  const mmeOf = (daily: Decimal) => daily.mul(factor.value);
  const unit = formulation.unit;
  const dose = request.prior.dose.amount;
  const times = request.prior.timesPerDay;
  const priorDaily = dose.mul(times);
  const priorMme = mmeOf(priorDaily);

  // 1. Inputs and prior MME.
  notes.line(
    `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${request.priorDurationDays} days.`,
  );
  notes.line(`Prior daily MME = ${formatAmount(priorDaily)} ${unit}/day × ${factor.value} = ${formatAmount(priorMme)} MME/day.`, factor);

  // 2. Break length.
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);

  // 3. Tolerant before the break?
  const longEnough = request.priorDurationDays >= C.tolerantMinDays.value;
  const threshold = drug.tolerantThreshold;
  const atTolerantDose = threshold ? priorDaily.gte(threshold.value) : priorMme.gte(C.tolerantMme.value);
  const priorTolerant = longEnough && atTolerantDose;
  notes.line(
    `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (needs ≥ ${C.tolerantMinDays.value} days at ≥ ${
      threshold ? `${formatAmount(threshold.value)} ${unit}/day ${drug.genericName}` : `${C.tolerantMme.value} MME/day`
    }; had ${request.priorDurationDays} days at ${formatAmount(priorDaily)} ${unit}/day).`,
    C.tolerantMinDays,
    threshold ?? C.tolerantMme,
  );

  // 4. Retained fraction.
  const retained = retainedFraction(C.anchors, missedDays);
  const status = toleranceStatus(retained.fraction);
  if (drug.id !== 'methadone') notes.assume('opioid-anchors-all-full-agonists');
  notes.line(
    `Retained fraction r = ${retained.fraction.toFixed()} for ${missedDays} missed days (anchor from ${retained.anchor.fromMissedDays} missed days: ${retained.anchor.basis}).`,
    retained.anchor.retainedFraction,
  );

  // 5. Opioid-naive start for this product, capped by CDC's 10 MME a dose and 30 MME a day.
  const naive = formulation.naiveStart;
  if (!naive) throw new Error(`programmer error: ${drug.id} ${formulation.id} has no naive start`);
  const doseCap = D.min(naive.dose.value, new D(C.naiveSingleDoseCapMme.value).div(factor.value));
  const dailyCap = D.min(new D(naive.dose.value).mul(naive.timesPerDay.value), new D(C.naiveDailyCapMme.value).div(factor.value));
  let naiveRegimen = evenRegimen(dailyCap, doseCap, Math.min(naive.timesPerDay.value, times), formulation);
  notes.line(
    `Opioid-naive start: label ${formatDose({ amount: naive.dose.value, unit })} × ${naive.timesPerDay.value} a day, capped at ${C.naiveSingleDoseCapMme.value} MME a dose and ${C.naiveDailyCapMme.value} MME/day, in at most ${times} administrations: ${describe(naiveRegimen, unit)}.`,
    naive.dose,
    naive.timesPerDay,
    C.naiveSingleDoseCapMme,
    C.naiveDailyCapMme,
  );
  const risks = opioidRiskFactors(request);
  if (risks.length && naiveRegimen) {
    const halvedDaily = sum(naiveRegimen).mul(C.riskFactorNaiveMultiplier.value);
    naiveRegimen = evenRegimen(halvedDaily, doseCap, naiveRegimen.length, formulation);
    notes.line(
      `Risk factors (${risks.join('; ')}): naive start × ${C.riskFactorNaiveMultiplier.value} = at most ${formatDose({ amount: halvedDaily, unit })} daily, rounded down to real strengths: ${describe(naiveRegimen, unit)}.`,
      C.riskFactorNaiveMultiplier,
    );
  }
  if (!naiveRegimen) {
    // Not even the smallest unit fits the halved naive cap: one smallest unit once a day is the floor of any regimen.
    const smallest = nextAbove(new D(0), new D(formulation.maxSingleDose.value), formulation.strengths)!;
    naiveRegimen = [smallest.amount];
    notes.line(`No real strength fits under that cap; the smallest unit once daily is used: ${describe(naiveRegimen, unit)}.`);
  }

  // 6. First step.
  const priorRegimen = repeat(dose, times);
  const naiveDaily = sum(naiveRegimen);
  let first: Decimal[];
  let firstRule: string;
  if (priorDaily.lte(naiveDaily)) {
    first = priorRegimen;
    firstRule = 'prior dose (at or below the opioid-naive start)';
    notes.line(`First step: the prior dose, because it is no higher than the opioid-naive start (${formatDose({ amount: naiveDaily, unit })} daily).`);
  } else if (!priorTolerant) {
    first = naiveRegimen;
    firstRule = 'opioid-naive start (not opioid-tolerant before the break)';
    notes.line('First step: the opioid-naive start, because the patient was not opioid-tolerant before the break, whatever the gap.');
  } else if (retained.fraction.gte(1)) {
    first = priorRegimen;
    firstRule = 'prior dose (tolerance retained)';
    notes.line('First step: the prior dose, because tolerance is retained (r = 1).');
  } else {
    const allowed = priorDaily.mul(retained.fraction);
    const rounded = allowed.gt(0) ? evenRegimen(allowed, dose, times, formulation) : null;
    if (rounded && sum(rounded).gt(naiveDaily)) {
      first = rounded;
      firstRule = `prior daily dose × r = ${formatDose({ amount: allowed, unit })}, rounded down to real strengths`;
      notes.line(`First step: prior daily × r = ${formatAmount(priorDaily)} × ${retained.fraction.toFixed()} = ${formatDose({ amount: allowed, unit })} daily, rounded down: ${describe(rounded, unit)}.`);
    } else {
      first = naiveRegimen;
      firstRule = retained.fraction.isZero() ? 'opioid-naive start (tolerance lost)' : 'opioid-naive start (prior × r is not above it)';
      notes.line(
        `First step: the opioid-naive start, because prior daily × r = ${formatAmount(priorDaily)} × ${retained.fraction.toFixed()} = ${formatDose({ amount: allowed, unit })} is not above it.`,
      );
    }
  }

  // 7. Titration to the prior dose.
  const intervals = formulation.titrationIntervalsDays;
  const rise = new D(C.maxRiseFraction.value);
  notes.line(
    `Titration ceiling: each step at most + ${rise.mul(100).toFixed()}% of the current daily dose, or the smallest rise the strengths can make; no sooner than every ${intervals.value.join(' then ')} days; up to the prior dose.`,
    C.maxRiseFraction,
    intervals,
  );
  const scheduled = buildTitration({
    startDate: request.restartDate,
    first,
    firstRule,
    target: priorRegimen,
    rule: { maxRiseFraction: rise, intervalsDays: intervals.value, description: 'opioid titration' },
    strengths: formulation.strengths,
  });
  if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) notes.assume('smallest-practical-rise');

  const checkpointMme = new D(C.checkpointMme.value);
  const checkpoint = (step: ScheduledStep, previous: ScheduledStep | undefined): string | null =>
    previous && mmeOf(previous.daily).lt(checkpointMme) && mmeOf(step.daily).gte(checkpointMme)
      ? `Crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before this step; offer naloxone.`
      : null;
  const steps = toPlanSteps(scheduled, {
    drug: drug.id,
    formulation,
    equivalent: { unit: 'MME', of: mmeOf },
    checkpoint,
  });
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily = ${formatAmount(step.dailyEquivalent!.amount)} MME/day (${step.rule})${step.checkpoint ? ' — checkpoint' : ''}.`,
    );
  });
  const crossing = steps.find((s) => s.checkpoint);
  if (crossing) notes.line(`Checkpoint at ${crossing.start}: the step crosses ${C.checkpointMme.value} MME/day.`, C.checkpointMme);

  // 8. Warnings.
  opioidWarnings(notes, request, {
    drug,
    status,
    priorTolerant,
    maxMme: D.max(...steps.map((s) => new D(s.dailyEquivalent!.amount))),
    hasCheckpoint: Boolean(crossing),
  });

  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: {
      retainedFraction: retained.fraction.toFixed(),
      status,
      priorTolerant,
      anchor: {
        fromMissedDays: retained.anchor.fromMissedDays,
        source: 'source' in retained.anchor.retainedFraction ? retained.anchor.retainedFraction.source : 'engine assumption',
        basis: retained.anchor.basis,
      },
    },
    prior: {
      dailyDose: { amount: decimalString(priorDaily), unit },
      dailyEquivalent: { amount: decimalString(priorMme), unit: 'MME' },
      equivalentFactor: { value: factor.value, per: `MME per ${unit}/day`, source: 'source' in factor ? factor.source : 'engine assumption' },
    },
    steps,
  });
}

function describe(regimen: readonly Decimal[] | null, unit: string): string {
  if (!regimen || regimen.length === 0) return 'none';
  const amounts = new Set(regimen.map((a) => a.toFixed()));
  const daily = formatDose({ amount: sum(regimen), unit });
  return amounts.size === 1
    ? `${formatDose({ amount: regimen[0]!, unit })} × ${regimen.length} a day = ${daily} daily`
    : `${regimen.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${daily} daily`;
}

interface WarningContext {
  readonly drug: OpioidDrug;
  readonly status: string;
  readonly priorTolerant: boolean;
  readonly maxMme: Decimal;
  readonly hasCheckpoint: boolean;
}

function opioidWarnings(notes: PlanNotes, request: RestartRequest, context: WarningContext): void {
  const { patient } = request;
  const categories = new Set(request.concurrent.flatMap((id) => concurrentCategories(id)));
  const benzodiazepine = categories.has('benzodiazepine') || categories.has('z-drug');
  const released = request.breakReason === 'incarceration';
  const detox = request.breakReason === 'detox';
  const toleranceDown = context.status !== 'retained';

  const naloxoneReasons: string[] = [];
  if (toleranceDown) naloxoneReasons.push('tolerance reduced or lost after the break');
  if (context.maxMme.gte(C.naloxoneMme.value)) naloxoneReasons.push(`a dose of ≥ ${C.naloxoneMme.value} MME/day`);
  if (benzodiazepine) naloxoneReasons.push('a benzodiazepine taken with the opioid');
  if (patient.overdoseHistory) naloxoneReasons.push('a history of overdose');
  if (patient.substanceUseDisorder) naloxoneReasons.push('a history of substance use disorder');
  if (patient.sleepApnea) naloxoneReasons.push('sleep-disordered breathing');
  if (released) naloxoneReasons.push('recent release from prison');
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
      ['cdc-2022', 'au-methadone-2014'],
    );
    notes.line(`Warning OPIOID_TOLERANCE_LOST: tolerance ${context.status} (r < 1) in a previously tolerant patient.`);
  }
  if (benzodiazepine) {
    const names = request.concurrent.filter((id) => {
      const c = concurrentCategories(id);
      return c.includes('benzodiazepine') || c.includes('z-drug');
    });
    notes.warn(
      'OPIOID_BENZODIAZEPINE',
      'critical',
      `Opioid with ${names.map(concurrentName).join(', ')}: combined use can cause profound sedation, respiratory depression, coma and death. Limit both to the lowest doses and shortest duration; offer naloxone.`,
      ['fda-opioid-benzo-2016', 'cdc-2022'],
    );
    notes.line(`Warning OPIOID_BENZODIAZEPINE: concurrent ${names.join(', ')}.`);
  }
  if (categories.has('gabapentinoid')) {
    notes.warn(
      'OPIOID_GABAPENTINOID',
      'warning',
      'Opioid with gabapentin or pregabalin: serious breathing problems can occur. Start the gabapentinoid at the lowest dose and monitor for respiratory depression and sedation.',
      ['fda-gabapentinoid-2019'],
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
      `${released ? 'Release from prison' : 'Completed detoxification'} is the highest-risk setting for overdose death, above all in the first ${C.highRiskWindowDays.value} days (after prison release, overdose death was 129 times the population rate in the first 2 weeks). Supply naloxone, explain that tolerance may be lower than the patient expects, and arrange early follow-up.`,
      released ? ['binswanger-2007', 'merrall-2010', 'cdc-2022'] : ['strang-2003', 'cdc-2022'],
    );
    notes.line(`Warning HIGH_RISK_RELEASE: break reason ${request.breakReason}.`, C.highRiskWindowDays);
  }
  if (patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value) {
    notes.warn(
      'OLDER_ADULT',
      'warning',
      `Age ${patient.ageYears}: older adults clear opioids more slowly and are more prone to sedation, falls and respiratory depression. Use extra caution and closer monitoring.`,
      ['cdc-2022'],
    );
  }
}
