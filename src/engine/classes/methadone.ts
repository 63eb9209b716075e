/**
 * Methadone restart planner (restart model, section 3.7): the missed-dose rules (3 days: half;
 * 4 days: 40 mg or half, whichever is lower; 5 or more: new induction), induction limits by indication,
 * titration by indication, QTc and follow-up warnings.
 */
import type Decimal from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import { breakLength, calendarDaysBetween } from '../dates.ts';
import { D } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { buildTitration, type ScheduledStep } from '../schedule.ts';
import { retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { RestartPlan, RestartRequest } from '../types.ts';
import { benzodiazepinesIn, describe, naiveStart, opioidPlanSummary, opioidRiskFactors, opioidWarnings } from './opioid-common.ts';
import { evenRegimen, repeat, sum } from '../regimen.ts';
import { toPlanSteps } from './steps.ts';

const C = OPIOID_CLASS;
const M = C.methadone;

export function planMethadone(request: RestartRequest, drug: OpioidDrug, requested: OpioidFormulation): RestartPlan {
  const notes = new PlanNotes();
  const indication = request.indication;
  if (!indication) throw new Error('programmer error: methadone without an indication passed validation');
  const factor = drug.mmeFactor!;
  let formulation = requested;
  const unit = formulation.unit;
  const dose = request.prior.dose.amount;
  const times = request.prior.timesPerDay;
  const priorDaily = dose.mul(times);
  const priorMme = priorDaily.mul(factor.value);
  const priorRegimen = repeat(dose, times);
  const forOud = indication === 'oud';

  notes.line(
    `Prior regimen: methadone ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${request.priorDurationDays} days; indication: ${forOud ? 'opioid use disorder' : 'pain'}.`,
  );
  notes.line(
    `Prior daily MME = ${formatAmount(priorDaily)} mg/day × ${factor.value} = ${formatAmount(priorMme)} MME/day${forOud ? ' (shown for risk only: CDC says MME is not for opioid use disorder dosing)' : ''}.`,
    factor,
  );

  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);

  const longEnough = request.priorDurationDays >= C.tolerantMinDays.value;
  const priorTolerant = longEnough && priorMme.gte(C.tolerantMme.value);
  notes.line(
    `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (needs ≥ ${C.tolerantMinDays.value} days at ≥ ${C.tolerantMme.value} MME/day; had ${request.priorDurationDays} days at ${formatAmount(priorMme)} MME/day).`,
    C.tolerantMinDays,
    C.tolerantMme,
  );

  const retained = retainedFraction(C.anchors, missedDays);
  const r = retained.fraction;
  const status = toleranceStatus(r);
  notes.line(`Missed-dose rule for ${missedDays} missed days: ${retained.anchor.basis}.`, retained.anchor.retainedFraction);

  const risks = opioidRiskFactors(request);
  const benzodiazepines = benzodiazepinesIn(request);
  const highRisk = risks.length > 0 || benzodiazepines.length > 0 || request.patient.overdoseHistory;
  let first: Decimal[];
  let firstRule: string;
  let reinduction = false;
  const half = priorDaily.mul('0.5');
  const fourDayCeiling = D.min(half, M.fourDayCapMg.value);
  const solution = drug.formulations.find((f) => f.unitForm === 'solution');
  /** The largest regimen within `allowed` on the tablets, or on the oral solution when the tablets cannot make it. */
  const within = (allowed: Decimal, doseCap: Decimal, count: number): Decimal[] => {
    const onTablets = evenRegimen(allowed, doseCap, count, formulation);
    if (onTablets) return onTablets;
    if (solution && formulation !== solution) {
      formulation = solution;
      notes.line(`Restart product: methadone ${solution.name}, because the tablets cannot make ${formatDose({ amount: allowed, unit })} or less.`, { assumption: 'opioid-restart-product' });
      const onSolution = evenRegimen(allowed, doseCap, count, solution);
      if (onSolution) return onSolution;
    }
    return [D.min(...formulation.strengths.map((s) => new D(s.amount)))];
  };

  if (missedDays < 3) {
    first = priorRegimen;
    firstRule = 'prior dose (1–2 missed days: usual dose)';
    notes.line('First step: the usual dose (1–2 missed days, if not intoxicated).');
  } else if (missedDays === 3) {
    first = within(half, dose, times);
    firstRule = `half the dose (${formatDose({ amount: half, unit })}), rounded down`;
    notes.line(`First step: half the dose, ${formatAmount(priorDaily)} × 0.5 = ${formatAmount(half)} mg daily, rounded down: ${describe(first, unit)}, after discussion with the prescriber.`);
  } else if (missedDays === 4) {
    first = within(fourDayCeiling, dose, times);
    firstRule = `40 mg or half the dose, whichever is lower (${formatDose({ amount: fourDayCeiling, unit })}), rounded down`;
    notes.line(
      `First step: min(${M.fourDayCapMg.value} mg, ${formatAmount(priorDaily)} × 0.5 = ${formatAmount(half)} mg) = ${formatAmount(fourDayCeiling)} mg daily, rounded down: ${describe(first, unit)}. The patient must see the prescriber first.`,
      M.fourDayCapMg,
    );
  } else {
    reinduction = true;
    const why = `${missedDays} missed days (5 or more): a new induction`;
    // Never above what a 4-day gap would give once rounded (a longer gap never gives a higher first step).
    const fourDayRegimen =
      evenRegimen(fourDayCeiling, dose, times, formulation) ?? (solution ? evenRegimen(fourDayCeiling, dose, times, solution) : null);
    const fourDayMade = fourDayRegimen ? sum(fourDayRegimen) : fourDayCeiling;
    if (forOud) {
      const cap = highRisk ? M.inductionFirstDayHighRiskMg : M.inductionFirstDayMg;
      const firstDay = D.min(cap.value, fourDayMade);
      first = within(firstDay, firstDay, times);
      firstRule = `new induction: first-day limit ${formatDose({ amount: cap.value, unit })}${highRisk ? ' (sedatives or higher risk)' : ''}`;
      notes.line(
        `First step: ${why}; first day at most ${formatDose({ amount: cap.value, unit })}${highRisk ? ` because of ${[...risks, ...(benzodiazepines.length ? ['a benzodiazepine'] : []), ...(request.patient.overdoseHistory ? ['overdose history'] : [])].join('; ')}` : ''}, and never above what a 4-day gap allows (${formatAmount(fourDayCeiling)} mg): ${describe(first, unit)}.`,
        cap,
        M.fourDayCapMg,
        ...(highRisk ? [{ assumption: 'methadone-high-risk' }] : []),
      );
    } else {
      let naive = naiveStart(notes, drug, formulation, times, risks);
      if (!naive && solution) {
        formulation = solution;
        notes.line(`Restart product: methadone ${solution.name}, because the tablets cannot make the opioid-naive start.`, { assumption: 'opioid-restart-product' });
        naive = naiveStart(notes, drug, solution, times, risks);
      }
      first = naive ?? [];
      if (first.length === 0 || sum(first).gt(fourDayMade)) {
        first = within(D.min(fourDayMade, first.length ? sum(first) : fourDayMade), first.length ? D.max(...first) : dose, first.length || times);
      }
      firstRule = 'new start for pain: opioid-naive start';
      notes.line(`First step: ${why}; methadone for pain restarts at the opioid-naive start, never above what a 4-day gap allows (${formatAmount(fourDayCeiling)} mg): ${describe(first, unit)}.`, M.fourDayCapMg);
    }
  }

  // Titration.
  const f = formulation;
  const fRules = f.byIndication![indication];
  const intervals = fRules.titrationIntervalsDays;
  const riseFraction = new D(fRules.maxRiseFraction?.value ?? '1000');
  const riseMg = fRules.maxRiseMg ? new D(fRules.maxRiseMg.value) : undefined;
  // The prior regimen is the target on either product: tablet doses are whole mg, which the 1 mg/mL solution
  // makes exactly. Every first-step branch gives at most `times` administrations, so `first` needs no regrouping.
  const target = priorRegimen;
  notes.line(
    `Titration ceiling (${forOud ? 'opioid use disorder' : 'pain'}): each step at most + ${riseFraction.mul(100).toFixed()}% of the daily dose${riseMg ? ` and at most + ${formatAmount(riseMg)} mg` : ''}, or the smallest rise the strengths can make; no sooner than every ${intervals.value.join(' then ')} days; up to the prior dose.`,
    ...(fRules.maxRiseFraction ? [fRules.maxRiseFraction] : []),
    ...(fRules.maxRiseMg ? [fRules.maxRiseMg] : []),
    intervals,
  );
  const scheduled = buildTitration({
    startDate: request.restartDate,
    first,
    firstRule,
    target,
    rule: {
      maxRiseFraction: riseFraction,
      intervalsDays: intervals.value,
      description: 'methadone titration',
      ...(riseMg ? { maxRiseAbsolute: riseMg } : {}),
    },
    strengths: f.strengths,
  });
  if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) notes.assume('smallest-practical-rise');
  if (reinduction && forOud) {
    const windowEnd = new D(M.inductionWeeklyCapDays.value);
    let worst = new D(0);
    for (const a of scheduled) {
      for (const b of scheduled) {
        const days = calendarDaysBetween(a.start, b.start);
        if (days > 0 && days <= 7 && windowEnd.gte(calendarDaysBetween(scheduled[0]!.start, b.start))) worst = D.max(worst, b.daily.sub(a.daily));
      }
    }
    notes.line(
      `First ${M.inductionWeeklyCapDays.value} days of the induction: the largest rise within any 7 days is ${formatAmount(worst)} mg, within the ${M.inductionWeeklyRiseCapMg.value} mg a week limit.`,
      M.inductionWeeklyRiseCapMg,
      M.inductionWeeklyCapDays,
    );
  }

  const mmeOf = (daily: Decimal) => daily.mul(factor.value);
  const checkpointMme = new D(C.checkpointMme.value);
  const checkpoint = (step: ScheduledStep, previous: ScheduledStep | undefined): string | null => {
    if (!previous) return null;
    if (!forOud && mmeOf(previous.daily).lt(checkpointMme) && mmeOf(step.daily).gte(checkpointMme)) {
      return `Crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before this step; offer naloxone.`;
    }
    return `Methadone increase: review within ${M.followUpDays.value} days (sedation, QTc risk) before the next increase.`;
  };
  const steps = toPlanSteps(scheduled, { drug: drug.id, formulation: f, equivalent: { unit: 'MME', of: mmeOf }, checkpoint });
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: methadone ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily = ${formatAmount(step.dailyEquivalent!.amount)} MME/day (${step.rule}).`,
    );
  });
  notes.line(`Follow up within ${M.followUpDays.value} days of the restart and of every increase.`, M.followUpDays);
  const crossing = !forOud && steps.some((s) => s.checkpointReason?.startsWith('Crosses')) // the first step never has a checkpoint;

  // Warnings.
  if (reinduction) {
    notes.warn(
      'METHADONE_REINDUCTION',
      'critical',
      forOud
        ? `${missedDays} missed days${priorTolerant ? '' : ' (or not established on methadone)'}: regard as a new induction. First day at most ${formatDose({ amount: (highRisk ? M.inductionFirstDayHighRiskMg : M.inductionFirstDayMg).value, unit })}; increase by at most ${fRules.maxRiseMg?.value ?? M.inductionWeeklyRiseCapMg.value} mg no sooner than every ${intervals.value[0]} days, at most ${M.inductionWeeklyRiseCapMg.value} mg a week in the first ${M.inductionWeeklyCapDays.value} days. Methadone accumulates over about ${M.steadyStateDays.value} days: deaths cluster in the first weeks of induction.`
        : `${missedDays} missed days${priorTolerant ? '' : ' (or not established on methadone)'}: restart as opioid-naive (${M.painNaiveLabelRegimen.value} by the label; the plan takes the lower daily dose) and increase no sooner than every ${intervals.value[0]} days. Methadone accumulates: peak respiratory depression comes later than peak pain relief.`,
      forOud ? ['au-methadone-2003', 'rcgp-methadone-induction', 'label-methadone'] : ['au-methadone-2003', 'label-methadone', 'va-methadone-pain-2016', 'cdc-2022'],
    );
    notes.line(`Warning METHADONE_REINDUCTION: ${missedDays} missed days${priorTolerant ? '' : ', not opioid-tolerant before the break'}.`);
  }
  const qtc = request.qtcMs;
  const qtcSeverity = qtc !== undefined && qtc > M.qtcAvoidAboveMs.value ? 'critical' : qtc === undefined || qtc >= M.qtcCautionFromMs.value ? 'warning' : 'info';
  const qtcMessage =
    qtc === undefined
      ? `Methadone prolongs the QT interval: obtain an ECG (baseline QTc) before restarting if the patient has QT risk factors or none is on record. Avoid methadone if QTc > ${M.qtcAvoidAboveMs.value} ms; consider alternatives if ${M.qtcCautionFromMs.value}–${M.qtcAvoidAboveMs.value} ms.`
      : qtc > M.qtcAvoidAboveMs.value
        ? `QTc ${qtc} ms is above ${M.qtcAvoidAboveMs.value} ms: the guideline recommends against methadone. Seek specialist advice before any restart.`
        : qtc >= M.qtcCautionFromMs.value
          ? `QTc ${qtc} ms is in the ${M.qtcCautionFromMs.value}–${M.qtcAvoidAboveMs.value} ms caution range: consider an alternative opioid; if methadone is restarted, correct reversible causes and repeat the ECG.`
          : `QTc ${qtc} ms is below ${M.qtcCautionFromMs.value} ms. Methadone prolongs QT: repeat the ECG after restarting and at higher doses.`;
  notes.warn('METHADONE_QTC', qtcSeverity, qtcMessage, ['aps-cpdd-methadone-2014']);
  notes.line(`Warning METHADONE_QTC (${qtcSeverity}): QTc ${qtc === undefined ? 'not given' : `${qtc} ms`}.`, M.qtcAvoidAboveMs, M.qtcCautionFromMs);
  notes.warn(
    'METHADONE_FOLLOW_UP',
    'warning',
    `Follow up within ${M.followUpDays.value} days of restarting and of every increase: methadone accumulates and its respiratory depression peaks later than its pain relief.`,
    ['cdc-2022'],
  );
  opioidWarnings(notes, request, {
    drug,
    status,
    priorTolerant,
    maxMme: forOud ? new D(0) : D.max(...steps.map((s) => new D(s.dailyEquivalent!.amount))),
    hasCheckpoint: crossing,
  });

  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: requested.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    ...opioidPlanSummary({ fraction: r, status, priorTolerant, anchor: retained.anchor, priorDaily, priorMme, unit, factor, per: 'MME per mg/day' }),
    steps,
  });
}
