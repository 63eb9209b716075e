/**
 * Methadone restart planner (docs/clinical-model.md, methadone). Named phases, each returning its value and
 * its derivation lines: prior exposure → tolerance (missed-dose rule) → first-step ceiling → product (tablets,
 * else the oral solution) → interaction cap → ceiling (the prior dose) → titration → warnings.
 *
 * Opioid use disorder (`indication: "oud"`): doses in mg only, no MME (CDC 2022 table caution 7); the 2003
 * Australian guideline's missed-dose conditions become warnings; the way back to the prior dose follows the
 * re-escalation rule (methadone-titration.ts). Pain: MME with the 50 MME/day checkpoint.
 */
import type { Decimal } from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import type { Provenance, ToleranceAnchor } from '../../protocols/types.ts';
import { breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose, plural } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import type { ScheduledStep } from '../schedule.ts';
import { anchorSummary, retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { PlanStep, RestartPlan, RestartRequest, Severity, ToleranceStatus } from '../types.ts';
import { benzodiazepinesIn, describe, fillRegimen, naiveStart, opioidPlanSummary, opioidRiskFactors, opioidWarnings } from './opioid-common.ts';
import { repeat, sum } from '../regimen.ts';
import { toPlanSteps } from './steps.ts';
import { exposureChangeCap } from './opioid-interactions.ts';
import { PhaseLines, record, type Phase } from './planner-phase.ts';
import { describePhase, largestRiseWithin, methadoneTitrationRule, scheduleMethadone, type MethadoneStep, type MethadoneTitrationRule } from './methadone-titration.ts';
import { checkedDate, mg, mgEach, mme, times as timesOf, toMme, type Mg, type Mme } from '../units.ts';
import { singlePriorComponent } from '../notes.ts';

export { methadoneTitrationRule, type MethadoneTitrationRule, type MethadoneTitrationPhase } from './methadone-titration.ts';

const C = OPIOID_CLASS;
const M = C.methadone;
const MD = M.missedDoses;

type Indication = 'pain' | 'oud';

const missedDaysText = (n: number) => plural(n, 'missed day');

// --- Phase 1: prior exposure ---

interface PriorExposure {
  readonly dose: Mg;
  readonly times: number;
  readonly priorDaily: Mg;
  readonly priorRegimen: Mg[];
  /** Pain only: the prior daily MME (CDC 2022 factor). Absent for opioid use disorder (mg only). */
  readonly priorMme?: Mme;
}

function priorExposure(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation, indication: Indication): Phase<PriorExposure> {
  const out = new PhaseLines();
  const unit = formulation.unit;
  const dose = mg(request.prior.dose.amount);
  const times = request.prior.timesPerDay;
  const priorDaily = timesOf(dose, times);
  out.line(
    `Prior regimen: methadone ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${plural(request.priorDurationDays, 'day')}; indication: ${indication === 'oud' ? 'opioid use disorder' : 'pain'}.`,
  );
  if (indication === 'oud') {
    out.line(
      'Opioid use disorder: every dose is in mg of methadone only; no MME is calculated, and no MME threshold or 50 MME/day checkpoint applies (CDC 2022: the conversion factors should not be applied to dosage decisions for opioid use disorder, and the pain dosage thresholds do not apply to opioid agonist treatment).',
      M.oudMgOnly,
    );
    return out.done({ dose, times, priorDaily, priorRegimen: mgEach(repeat(dose, times)) });
  }
  const factor = drug.mmeFactor!;
  const priorMme = toMme(priorDaily, factor.value);
  out.line(`Prior daily MME = ${formatAmount(priorDaily)} mg/day × ${factor.value} = ${formatAmount(priorMme)} MME/day.`, factor);
  return out.done({ dose, times, priorDaily, priorRegimen: mgEach(repeat(dose, times)), priorMme });
}

// --- Phase 2: tolerance (the missed-dose rule) ---

interface Tolerance {
  readonly daysOff: number;
  readonly missedDays: number;
  readonly fraction: Decimal;
  readonly status: ToleranceStatus;
  readonly anchor: ToleranceAnchor;
  /** Pain: the FDA opioid-tolerant definition by MME. Opioid use disorder: not assessed by MME (absent). */
  readonly priorTolerant?: boolean;
}

function tolerance(request: RestartRequest, prior: PriorExposure): Phase<Tolerance> {
  const out = new PhaseLines();
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  out.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  let priorTolerant: boolean | undefined;
  if (prior.priorMme) {
    priorTolerant = request.priorDurationDays >= C.tolerantMinDays.value && prior.priorMme.gte(C.tolerantMme.value);
    out.line(
      `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (needs ≥ ${C.tolerantMinDays.value} days at ≥ ${C.tolerantMme.value} MME/day; had ${plural(request.priorDurationDays, 'day')} at ${formatAmount(prior.priorMme)} MME/day).`,
      C.tolerantMinDays,
      C.tolerantMme,
    );
  } else {
    out.line(
      `Tolerance (opioid use disorder): judged by the missed days, not by an MME threshold; from ${MD.toleranceReducedFromMissedDays.value} missed days tolerance may be reduced.`,
      MD.toleranceReducedFromMissedDays,
    );
  }
  const retained = retainedFraction(C.anchors, missedDays);
  out.line(`Missed-dose rule for ${missedDaysText(missedDays)}: ${retained.anchor.basis}.`, retained.anchor.retainedFraction);
  return out.done({
    daysOff,
    missedDays,
    fraction: retained.fraction,
    status: toleranceStatus(retained.fraction),
    anchor: retained.anchor,
    ...(priorTolerant === undefined ? {} : { priorTolerant }),
  });
}

// --- Phase 3: first-step ceiling (mg/day) by the missed-dose rule ---

type FirstKind = 'usual' | 'half' | 'four-day' | 'induction-oud' | 'induction-pain';

interface FirstCeiling {
  readonly kind: FirstKind;
  /** The daily ceiling before rounding (induction for pain: the 4-day ceiling, the naive start is made later). */
  readonly allowed: Mg;
  /** Largest single administration. */
  readonly doseCap: Mg;
  readonly rule: string;
  /** The 4-day ceiling (min(40 mg, half)), which no longer gap may exceed. */
  readonly fourDayCeiling: Mg;
  readonly highRisk: boolean;
  readonly highRiskReasons: readonly string[];
}

function firstCeiling(request: RestartRequest, prior: PriorExposure, missedDays: number, indication: Indication): Phase<FirstCeiling> {
  const out = new PhaseLines();
  const unit = 'mg';
  const half = timesOf(prior.priorDaily, MD.halfDoseFraction.value);
  const fourDayCeiling = mg(D.min(half, M.fourDayCapMg.value));
  const risks = opioidRiskFactors(request);
  const benzodiazepines = benzodiazepinesIn(request);
  // Regular alcohol use is a sedative (amendment A3: it counts as a concurrent CNS depressant for every opioid);
  // named once even if the shared risk factors come to list it too.
  const alcohol = request.patient.alcoholUse && !risks.some((r) => /alcohol/i.test(r)) ? ['regular alcohol use'] : [];
  const highRiskReasons = [...risks, ...alcohol, ...(benzodiazepines.length ? ['a benzodiazepine'] : []), ...(request.patient.overdoseHistory ? ['overdose history'] : [])];
  const highRisk = highRiskReasons.length > 0;
  const base = { fourDayCeiling, highRisk, highRiskReasons };
  if (missedDays <= MD.usualDoseUpToMissedDays.value) {
    out.line(`First step: the usual dose (1–2 missed days, if not intoxicated).`, MD.usualDoseUpToMissedDays);
    return out.done({ ...base, kind: 'usual', allowed: prior.priorDaily, doseCap: prior.dose, rule: 'prior dose (1–2 missed days: usual dose)' });
  }
  if (missedDays === MD.halfDoseMissedDays.value) {
    out.line(
      `First-step ceiling: half the dose, ${formatAmount(prior.priorDaily)} × ${MD.halfDoseFraction.value} = ${formatAmount(half)} mg daily, after discussion with the prescriber.`,
      MD.halfDoseMissedDays,
      MD.halfDoseFraction,
    );
    return out.done({ ...base, kind: 'half', allowed: half, doseCap: prior.dose, rule: `half the dose (${formatDose({ amount: half, unit })}), rounded down` });
  }
  if (missedDays === MD.seePrescriberMissedDays.value) {
    out.line(
      `First-step ceiling: min(${M.fourDayCapMg.value} mg, ${formatAmount(prior.priorDaily)} × ${MD.halfDoseFraction.value} = ${formatAmount(half)} mg) = ${formatAmount(fourDayCeiling)} mg daily. The patient must see the prescriber first.`,
      MD.seePrescriberMissedDays,
      M.fourDayCapMg,
    );
    const review = indication === 'oud' ? ' — not valid until the prescriber has seen the patient' : '';
    return out.done({
      ...base,
      kind: 'four-day',
      allowed: fourDayCeiling,
      doseCap: prior.dose,
      rule: `40 mg or half the dose, whichever is lower (${formatDose({ amount: fourDayCeiling, unit })}), rounded down${review}`,
    });
  }
  const why = `${missedDays} missed days (5 or more): a new induction`;
  if (indication === 'oud') {
    const cap = highRisk ? M.inductionFirstDayHighRiskMg : M.inductionFirstDayMg;
    out.line(
      `First-step ceiling: ${why}; first day at most ${formatDose({ amount: cap.value, unit })}${highRisk ? ` because of ${highRiskReasons.join('; ')}` : ''}, and never above what a 4-day gap allows (${formatAmount(fourDayCeiling)} mg).`,
      MD.newInductionFromMissedDays,
      cap,
      M.fourDayCapMg,
      ...(highRisk ? [{ assumption: 'methadone-high-risk' }] : []),
    );
    const firstDay = mg(new D(cap.value));
    return out.done({
      ...base,
      kind: 'induction-oud',
      allowed: firstDay,
      doseCap: firstDay,
      rule: `new induction: first-day limit ${formatDose({ amount: cap.value, unit })}${highRisk ? ' (sedatives or higher risk)' : ''}`,
    });
  }
  out.line(
    `First-step ceiling: ${why}; methadone for pain restarts at the opioid-naive start, never above what a 4-day gap allows (${formatAmount(fourDayCeiling)} mg).`,
    MD.newInductionFromMissedDays,
    M.fourDayCapMg,
  );
  return out.done({ ...base, kind: 'induction-pain', allowed: fourDayCeiling, doseCap: prior.dose, rule: 'new start for pain: opioid-naive start' });
}

// --- Phase 4: product and the first step made of real strengths ---

interface FirstStep {
  readonly formulation: OpioidFormulation;
  readonly first: Mg[];
  readonly rule: string;
}

/**
 * The largest regimen within `allowed` on `preferred`, or on the oral solution when the tablets cannot make it.
 * Administrations may be uneven (15 + 15 + 10 mg makes 40 mg where 13.3 mg three times cannot): rounding down to
 * an even day would cut the first step further than the missed-dose rule asks.
 */
function makeWithin(
  drug: OpioidDrug,
  preferred: OpioidFormulation,
  allowed: Mg,
  doseCap: Mg,
  count: number,
  out: PhaseLines,
): { formulation: OpioidFormulation; regimen: Mg[] } {
  const onPreferred = fillRegimen(allowed, doseCap, count, preferred);
  if (onPreferred) return { formulation: preferred, regimen: onPreferred };
  const solution = drug.formulations.find((f) => f.unitForm === 'solution');
  if (solution && preferred !== solution) {
    out.line(
      `Restart product: methadone ${solution.name}, because the tablets cannot make ${formatDose({ amount: allowed, unit: preferred.unit })} or less.`,
      { assumption: 'opioid-restart-product' },
    );
    const onSolution = fillRegimen(allowed, doseCap, count, solution);
    if (onSolution) return { formulation: solution, regimen: onSolution };
    return { formulation: solution, regimen: [mg(D.min(...solution.strengths.map((s) => new D(s.amount))))] };
  }
  return { formulation: preferred, regimen: [mg(D.min(...preferred.strengths.map((s) => new D(s.amount))))] };
}

function productAndFirstStep(request: RestartRequest, drug: OpioidDrug, requested: OpioidFormulation, prior: PriorExposure, ceiling: FirstCeiling): Phase<FirstStep> {
  const out = new PhaseLines();
  const unit = requested.unit;
  const times = prior.times;
  if (ceiling.kind === 'usual') {
    out.line(`Restart product: the prior product, ${requested.name}; first step ${describe(prior.priorRegimen, unit)}.`);
    return out.done({ formulation: requested, first: prior.priorRegimen, rule: ceiling.rule });
  }
  // A longer gap never gives a higher first step: no induction start above the 4-day ceiling as made.
  const fourDay = makeWithin(drug, requested, ceiling.fourDayCeiling, prior.dose, times, new PhaseLines());
  const fourDayMade = mg(sum(fourDay.regimen));
  if (ceiling.kind === 'induction-pain') {
    const risks = opioidRiskFactors(request);
    let formulation = requested;
    // naiveStart only writes derivation lines: they go into this phase's lines, provenance kept.
    const naiveNotes = { line: (text: string, ...provenance: Provenance[]) => out.line(text, ...provenance) } as unknown as PlanNotes;
    let naive = naiveStart(naiveNotes, drug, formulation, times, risks);
    const solution = drug.formulations.find((f) => f.unitForm === 'solution');
    if (!naive && solution) {
      formulation = solution;
      out.line(`Restart product: methadone ${solution.name}, because the tablets cannot make the opioid-naive start.`, { assumption: 'opioid-restart-product' });
      naive = naiveStart(naiveNotes, drug, solution, times, risks);
    }
    let first: Mg[] = naive ?? [];
    if (first.length === 0 || sum(first).gt(fourDayMade)) {
      const made = makeWithin(drug, formulation, mg(D.min(fourDayMade, first.length ? sum(first) : fourDayMade)), first.length ? mg(D.max(...first)) : prior.dose, first.length || times, out);
      formulation = made.formulation;
      first = made.regimen;
    }
    out.line(`First step: ${describe(first, formulation.unit)} (the opioid-naive start, never above what a 4-day gap allows, ${formatAmount(ceiling.fourDayCeiling)} mg).`);
    return out.done({ formulation, first, rule: ceiling.rule });
  }
  const allowed = ceiling.kind === 'induction-oud' ? mg(D.min(ceiling.allowed, fourDayMade)) : ceiling.allowed;
  const made = makeWithin(drug, requested, allowed, ceiling.doseCap, times, out);
  out.line(`First step: ${formatAmount(allowed)} mg daily, rounded down to real strengths: ${describe(made.regimen, made.formulation.unit)}.`);
  // Name the bound that set an induction first day below its limit (the 4-day ceiling as made).
  const rule = allowed.lt(ceiling.allowed) ? `${ceiling.rule}, lowered to what a 4-day gap allows (${formatAmount(allowed)} mg)` : ceiling.rule;
  return out.done({ formulation: made.formulation, first: made.regimen, rule });
}

// --- Phase 4b: interaction cap (a CYP3A4 change that raises methadone exposure) ---

function interactionCap(request: RestartRequest, drug: OpioidDrug, prior: PriorExposure, ceiling: FirstCeiling, first: FirstStep): Phase<FirstStep> {
  const out = new PhaseLines();
  const cap = exposureChangeCap(request, drug.id);
  if (!cap) return out.done(first);
  const made = mg(sum(first.first));
  // Never below the start a new patient would get: the induction first day (OUD) or the opioid-naive start (pain).
  let floor: Mg;
  let floorText: string;
  if (request.indication === 'oud') {
    const start = ceiling.highRisk ? M.inductionFirstDayHighRiskMg : M.inductionFirstDayMg;
    floor = mg(new D(start.value));
    floorText = `the induction first-day limit, ${formatAmount(floor)} mg`;
  } else {
    const naive = naiveStart(null, drug, first.formulation, prior.times, opioidRiskFactors(request));
    floor = mg(naive ? sum(naive) : new D(0));
    floorText = `the opioid-naive start, ${formatAmount(floor)} mg`;
  }
  const allowed = mg(D.min(made, D.max(made.mul(cap.fraction), floor)));
  if (allowed.gte(made)) {
    out.line(`Interaction cap (${cap.reasons.join('; ')}): ${formatAmount(made)} × ${cap.fraction.toFixed()} is below ${floorText}; the first step stays ${formatAmount(made)} mg.`, ...cap.provenance);
    return out.done(first);
  }
  const remade = makeWithin(drug, first.formulation, allowed, mg(D.min(allowed, D.max(...first.first))), prior.times, out);
  out.line(
    `Interaction cap (${cap.reasons.join('; ')}): first step at most ${formatAmount(made)} × ${cap.fraction.toFixed()} = ${formatAmount(made.mul(cap.fraction))} mg, never below ${floorText}: ${formatAmount(allowed)} mg, rounded down: ${describe(remade.regimen, remade.formulation.unit)}.`,
    ...cap.provenance,
  );
  return out.done({
    formulation: remade.formulation,
    first: remade.regimen,
    rule: `${first.rule}; lowered for ${cap.codes.join(', ')} (${cap.reasons.join('; ')}) to at most ${formatAmount(allowed)} mg`,
  });
}

// --- Phase 5: ceiling (never above the prior dose) ---

function ceilingPhase(prior: PriorExposure, first: FirstStep): Phase<Mg[]> {
  const out = new PhaseLines();
  // Tablet doses are whole mg, which the 1 mg/mL solution makes exactly: the prior regimen is the target on either product.
  out.line(
    `Ceiling: the prior dose, ${describe(prior.priorRegimen, first.formulation.unit)}; no step above it${sum(first.first).lt(prior.priorDaily) ? '' : ' (reached at the first step)'}.`,
  );
  return out.done(prior.priorRegimen);
}

// --- Phase 6: titration ---

const PHASE_LABEL = { pain: 'pain', 'oud-induction': 'opioid use disorder, induction', 'oud-reescalation': 'opioid use disorder, re-escalation' } as const;

function titration(
  request: RestartRequest,
  rule: MethadoneTitrationRule,
  first: FirstStep,
  target: Mg[],
): Phase<MethadoneStep[]> {
  const out = new PhaseLines();
  const scheduled = scheduleMethadone({ startDate: checkedDate(request.restartDate), first: first.first, firstRule: first.rule, target, strengths: first.formulation.strengths, rule });
  if (scheduled.length > 1) {
    for (const phase of rule.phases) {
      out.line(`Titration ceiling (${PHASE_LABEL[phase.name]}): ${describePhase(phase)}, or the smallest rise the strengths can make; up to the prior dose.`, ...phase.provenance);
    }
    if (rule.indication === 'oud') {
      const windows = rule.phases.flatMap((p) => (p.window ? [p.window] : []));
      const days = Math.max(...windows.map((w) => w.days));
      const worst = largestRiseWithin(scheduled, days);
      const cap = D.min(...windows.map((w) => new D(w.maxRiseMg)));
      out.line(`Largest rise within any ${days} days of the schedule: ${formatAmount(worst)} mg, within the ${formatAmount(cap)} mg limit.`);
    }
  }
  if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) out.line('Where the strengths cannot make a rise that small, the smallest rise they can make is used.', { assumption: 'smallest-practical-rise' });
  return out.done(scheduled);
}

// --- Phase 7: warnings ---

interface PlannedWarning {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly sources: readonly string[];
}

function warnings(
  request: RestartRequest,
  indication: Indication,
  tol: Tolerance,
  ceiling: FirstCeiling,
  rule: MethadoneTitrationRule,
): Phase<PlannedWarning[]> {
  const out = new PhaseLines();
  const list: PlannedWarning[] = [];
  const add = (w: PlannedWarning) => list.push(w);
  const { missedDays } = tol;
  const unit = 'mg';
  const firstDayCap = ceiling.highRisk ? M.inductionFirstDayHighRiskMg : M.inductionFirstDayMg;
  const interval0 = rule.phases[0]!.minIntervalDays;
  if (indication === 'oud') {
    add({
      code: 'OUD_MG_ONLY',
      severity: 'info',
      message: 'Methadone for opioid use disorder is shown in mg only: CDC 2022 says MME conversion factors should not be applied to dosage decisions for opioid use disorder, and the pain dosage thresholds (such as 50 MME/day) do not apply to opioid agonist treatment.',
      sources: ['cdc-2022'],
    });
    if (missedDays >= MD.assessFromMissedDays.value) {
      add({
        code: 'METHADONE_ASSESS_INTOXICATION',
        severity: 'critical',
        message: `${missedDaysText(missedDays)}: assess the patient for signs of intoxication and withdrawal before the dose is given; do not dose a patient who is intoxicated.`,
        sources: ['au-methadone-2003'],
      });
      out.line(`Warning METHADONE_ASSESS_INTOXICATION: ${missedDaysText(missedDays)} (≥ ${MD.assessFromMissedDays.value}).`, MD.assessFromMissedDays);
    }
    if (missedDays === MD.halfDoseMissedDays.value) {
      add({
        code: 'METHADONE_PRESCRIBER_DISCUSSION',
        severity: 'critical',
        message: '3 missed days: give half the dose in discussion with the prescriber; the guideline says the dose should be withheld or reduced until the prescriber has assessed the patient.',
        sources: ['au-methadone-2003'],
      });
      out.line('Warning METHADONE_PRESCRIBER_DISCUSSION: 3 missed days.', MD.halfDoseMissedDays, MD.toleranceReducedFromMissedDays);
    }
    if (missedDays === MD.seePrescriberMissedDays.value) {
      add({
        code: 'METHADONE_SEE_PRESCRIBER',
        severity: 'critical',
        message: `4 missed days: the patient must see the prescriber before dosing. This plan is not valid until the prescriber has reviewed the patient. Recommence at ${M.fourDayCapMg.value} mg or half the dose, whichever is lower.`,
        sources: ['au-methadone-2003'],
      });
      out.line('Warning METHADONE_SEE_PRESCRIBER: 4 missed days; the plan is not valid until prescriber review.', MD.seePrescriberMissedDays);
    }
    if (missedDays >= MD.newInductionFromMissedDays.value) {
      add({
        code: 'METHADONE_NEW_INDUCTION',
        severity: 'critical',
        message: `${missedDays} missed days: regard as a new induction. First day at most ${formatDose({ amount: firstDayCap.value, unit })}${ceiling.highRisk ? ` (lower limit: ${ceiling.highRiskReasons.join('; ')})` : ''}; for the first ${M.inductionWeeklyCapDays.value} days increase by at most ${rule.phases[0]!.maxRiseMg ?? M.inductionWeeklyRiseCapMg.value} mg no sooner than every ${interval0} days, at most ${M.inductionWeeklyRiseCapMg.value} mg a week. Methadone accumulates: steady state takes at least 3 to ${M.steadyStateDays.value} days on a dose, and the label reports deaths during initiation of methadone treatment of addiction.`,
        sources: ['au-methadone-2003', 'rcgp-methadone-induction', 'label-methadone'],
      });
      out.line(`Warning METHADONE_NEW_INDUCTION: ${missedDays} missed days (≥ ${MD.newInductionFromMissedDays.value}).`, MD.newInductionFromMissedDays);
    }
  } else if (missedDays >= MD.newInductionFromMissedDays.value) {
    add({
      code: 'METHADONE_REINDUCTION',
      severity: 'critical',
      message: `${missedDays} missed days${tol.priorTolerant ? '' : ' (or not established on methadone)'}: restart as opioid-naive (${M.painNaiveLabelRegimen.value} by the label; the plan takes the lower daily dose) and increase no sooner than every ${interval0} days. Methadone accumulates: peak respiratory depression comes later than peak pain relief.`,
      sources: ['au-methadone-2003', 'label-methadone', 'va-methadone-pain-2016', 'cdc-2022'],
    });
    out.line(`Warning METHADONE_REINDUCTION: ${missedDays} missed days${tol.priorTolerant ? '' : ', not opioid-tolerant before the break'}.`);
  }
  if (request.patient.hepaticImpairment) {
    add({
      code: 'METHADONE_HEPATIC',
      severity: 'critical',
      message: `Hepatic impairment (${request.patient.hepaticGrade}): use methadone with caution, above all in end-stage liver disease; methadone accumulates. Increases no sooner than every ${M.hepaticIntervalDays.value} days (engine assumption), with review before each.`,
      sources: ['va-methadone-pain-2016'],
    });
    out.line(`Warning METHADONE_HEPATIC: hepatic impairment (${request.patient.hepaticGrade}); increases no sooner than every ${M.hepaticIntervalDays.value} days.`, M.hepaticCaution, M.hepaticIntervalDays);
  }
  const qtc = request.qtcMs;
  const qtcSeverity: Severity = qtc !== undefined && qtc > M.qtcAvoidAboveMs.value ? 'critical' : qtc === undefined || qtc >= M.qtcCautionFromMs.value ? 'warning' : 'info';
  const monitor = 'The label warns of QT prolongation and torsades de pointes: monitor cardiac rhythm closely during the restart and titration.';
  const qtcMessage =
    qtc === undefined
      ? `QTc not given. The guideline advises an ECG before starting methadone in patients with QTc risk factors, a prior QTc > ${M.qtcCautionFromMs.value} ms or a history suggesting arrhythmia; it recommends against methadone if QTc > ${M.qtcAvoidAboveMs.value} ms and suggests considering alternatives at ${M.qtcCautionFromMs.value}–${M.qtcAvoidAboveMs.value} ms. ${monitor}`
      : qtc > M.qtcAvoidAboveMs.value
        ? `QTc ${qtc} ms is above ${M.qtcAvoidAboveMs.value} ms: the guideline recommends against methadone. ${monitor}`
        : qtc >= M.qtcCautionFromMs.value
          ? `QTc ${qtc} ms is in the ${M.qtcCautionFromMs.value}–${M.qtcAvoidAboveMs.value} ms caution range: consider an alternative opioid; if methadone is used, correct reversible causes first. ${monitor}`
          : `QTc ${qtc} ms is below ${M.qtcCautionFromMs.value} ms. ${monitor}`;
  add({ code: 'METHADONE_QTC', severity: qtcSeverity, message: qtcMessage, sources: ['aps-cpdd-methadone-2014', 'label-methadone'] });
  out.line(`Warning METHADONE_QTC (${qtcSeverity}): QTc ${qtc === undefined ? 'not given' : `${qtc} ms`}.`, M.qtcAvoidAboveMs, M.qtcCautionFromMs);
  add({
    code: 'METHADONE_FOLLOW_UP',
    severity: 'warning',
    message: `Follow up within ${M.followUpDays.value} days of restarting and of every increase (CDC 2022: strongly consider it, given methadone's variable half-life and accumulation during initiation and upward titration).`,
    sources: ['cdc-2022'],
  });
  out.line(`Follow up within ${M.followUpDays.value} days of the restart and of every increase (CDC 2022: should be strongly considered).`, M.followUpDays);
  return out.done(list);
}

// --- The planner ---

export function planMethadone(request: RestartRequest, drug: OpioidDrug, requested: OpioidFormulation): RestartPlan {
  const notes = new PlanNotes();
  const indication = request.indication;
  if (!indication) throw new Error('programmer error: methadone without an indication passed validation');
  const forOud = indication === 'oud';
  const unit = requested.unit;

  const prior = record(notes, priorExposure(request, drug, requested, indication));
  const tol = record(notes, tolerance(request, prior));
  const ceiling = record(notes, firstCeiling(request, prior, tol.missedDays, indication));
  const first = record(notes, interactionCap(request, drug, prior, ceiling, record(notes, productAndFirstStep(request, drug, requested, prior, ceiling))));
  const target = record(notes, ceilingPhase(prior, first));
  const rule = methadoneTitrationRule(request, first.formulation);
  const scheduled = record(notes, titration(request, rule, first, target));

  const factor = drug.mmeFactor!;
  // The steps' daily doses are mg of methadone (the shared step builder carries bare decimals): MME only through toMme.
  const mmeOf = (daily: Decimal): Mme => toMme(mg(daily), factor.value);
  const checkpointMme = mme(new D(C.checkpointMme.value));
  const checkpoint = (step: ScheduledStep, previous: ScheduledStep | undefined): string | null => {
    if (!previous) return null;
    if (!forOud && mmeOf(previous.daily).lt(checkpointMme) && mmeOf(step.daily).gte(checkpointMme)) {
      return `Crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before this step; offer naloxone.`;
    }
    return `Methadone increase: review within ${M.followUpDays.value} days (sedation, QTc risk) before the next increase.`;
  };
  const steps: PlanStep[] = toPlanSteps(scheduled, {
    drug: drug.id,
    formulation: first.formulation,
    ...(forOud ? {} : { equivalent: { unit: 'MME' as const, of: mmeOf } }),
    checkpoint,
  });
  steps.forEach((step, index) => {
    const made = step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ');
    notes.line(
      `Step ${index + 1} from ${step.start}: methadone ${made} = ${formatDose(step.dailyDose)} daily${step.dailyEquivalent ? ` = ${formatAmount(step.dailyEquivalent.amount)} MME/day` : ''} (${step.rule}).`,
    );
  });

  for (const w of record(notes, warnings(request, indication, tol, ceiling, rule))) notes.warn(w.code, w.severity, w.message, w.sources);
  const crossing = !forOud && steps.some((s) => s.checkpointReason?.startsWith('Crosses'));
  opioidWarnings(notes, request, {
    drug,
    status: tol.status,
    // Opioid use disorder: §3.5 says tolerance may be reduced from 3 missed days, whatever the dose.
    priorTolerant: forOud ? true : tol.priorTolerant!,
    maxMme: mme(forOud ? new D(0) : D.max(...steps.map((s) => new D(s.dailyEquivalent!.amount)))),
    hasCheckpoint: crossing,
  });

  const product = { drugId: drug.id, displayName: drug.displayName, formulationId: requested.id, formulationName: requested.name, unit };
  const summary = forOud
    ? {
        tolerance: { retainedFraction: tol.fraction.toFixed(), status: tol.status, anchor: anchorSummary(tol.anchor) },
        prior: { dailyDose: { amount: decimalString(prior.priorDaily), unit }, components: [singlePriorComponent(request, product, prior.priorDaily)] },
      }
    : opioidPlanSummary({
        fraction: tol.fraction,
        status: tol.status,
        priorTolerant: tol.priorTolerant!,
        anchor: tol.anchor,
        priorDaily: prior.priorDaily,
        priorMme: prior.priorMme!,
        unit,
        factor,
        per: 'MME per mg/day',
        components: [
          singlePriorComponent(request, product, prior.priorDaily, {
            daily: { amount: decimalString(prior.priorMme!), unit: 'MME' },
            factor: { value: factor.value, per: 'MME per mg/day', source: 'source' in factor ? factor.source : 'engine assumption' },
          }),
        ],
      });
  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: requested.id,
    displayName: drug.displayName,
    daysOff: tol.daysOff,
    missedDays: tol.missedDays,
    ...summary,
    steps,
  });
}
