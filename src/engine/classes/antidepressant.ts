/**
 * Antidepressant restart planner (restart model section 5): resume the prior dose or re-titrate from the
 * labelled start, with MAOI washouts, serotonin syndrome, discontinuation, QT, seizure and TCA warnings.
 * No tolerance curve and no daily equivalent for this class.
 */
import type Decimal from 'decimal.js';
import { ANTIDEPRESSANT_CLASS } from '../../protocols/antidepressants/index.ts';
import type { AntidepressantDrug, AntidepressantFormulation } from '../../protocols/antidepressants/types.ts';
import type { Provenance } from '../../protocols/types.ts';
import { addCalendarDays, breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { sum } from '../regimen.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName, findDrug } from '../registry.ts';
import type { PlanStep, RestartPlan, RestartRequest } from '../types.ts';
import { buildFixedSchedule, splitDaily } from './fixedSchedule.ts';
import { priorAndBreak } from './prior.ts';
import { toPlanSteps } from './steps.ts';

const C = ANTIDEPRESSANT_CLASS;


function regimenText(amounts: readonly Decimal[], unit: string): string {
  const daily = formatDose({ amount: sum(amounts), unit });
  const distinct = new Set(amounts.map((a) => a.toFixed()));
  return distinct.size === 1
    ? `${formatDose({ amount: amounts[0]!, unit })} × ${amounts.length} a day = ${daily} daily`
    : `${amounts.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${daily} daily`;
}

/** Days to wait after stopping `id` before an MAOI, where the figure comes from, and its provenance. */
function washoutBeforeMaoi(id: string): { days: number; basis: string; provenance: Provenance[] } {
  const other = findDrug(id);
  if (other && other.drugClass === 'antidepressant') {
    if (other.maoiWashoutDays) {
      return { days: other.maoiWashoutDays.value, basis: `${other.displayName}: ${other.maoiWashoutDays.value} days`, provenance: [other.maoiWashoutDays] };
    }
    const hours = new D(other.washoutHalfLife.hours.value).mul(C.washoutHalfLives.value);
    const byHalfLife = hours.div(24).ceil().toNumber();
    const days = Math.max(byHalfLife, C.minimumWashoutDays.value);
    return {
      days,
      basis: `${other.displayName}: ${C.washoutHalfLives.value} × ${formatAmount(other.washoutHalfLife.hours.value)} h (${other.washoutHalfLife.moiety}) = ${formatAmount(hours)} h → ${byHalfLife} days, at least ${C.minimumWashoutDays.value} days → ${days} days`,
      provenance: [other.washoutHalfLife.hours, C.washoutHalfLives, C.minimumWashoutDays],
    };
  }
  // Concurrent MAOIs never reach here: the caller gives them their own MAOI washout first.
  return {
    days: C.unknownSerotonergicWashoutDays.value,
    basis: `${concurrentName(id)}: ${C.unknownSerotonergicWashoutDays.value} days (no half-life stored)`,
    provenance: [C.unknownSerotonergicWashoutDays],
  };
}

export function planAntidepressant(request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const { patient } = request;
  const categoriesOf = (id: string) => concurrentCategories(id);
  const others = request.concurrent.filter((id) => id !== drug.id);
  const { times, priorRegimen, priorDaily, daysOff, missedDays } = priorAndBreak(notes, request, drug.displayName, formulation);
  notes.line('Antidepressants have no overdose-through-lost-tolerance mechanism: the question is resume the prior dose or re-titrate. Tolerance is not applicable and no daily equivalent is computed.');

  // 1. Maximum daily dose, and citalopram's reduced maximum.
  let max = new D(formulation.maxDailyDose.value);
  notes.line(`Labelled maximum: ${formatDose({ amount: max, unit })} daily.`, formulation.maxDailyDose);
  let reducedReasons: string[] = [];
  if (drug.reducedMaxDaily) {
    const r = drug.reducedMaxDaily;
    if ((patient.ageYears ?? 0) > r.overAge.value) reducedReasons.push(`age ${patient.ageYears} (over ${r.overAge.value})`);
    if (patient.hepaticImpairment) reducedReasons.push('hepatic impairment');
    const inhibitors = others.filter((id) => categoriesOf(id).includes('cyp2c19-inhibitor'));
    if (inhibitors.length) reducedReasons.push(`CYP2C19 inhibitor (${inhibitors.map(concurrentName).join(', ')})`);
    if (reducedReasons.length) {
      max = D.min(max, r.value);
      notes.line(`Reduced maximum ${formatDose({ amount: r.value, unit })} daily because of ${reducedReasons.join('; ')}.`, r, r.overAge);
    }
  }
  let target = priorRegimen;
  let capped = false;
  if (priorDaily.gt(max)) {
    const split = splitDaily(max, times, formulation.strengths);
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable guard, every labelled maximum is made from the strengths (protocol tests)
    if (!split) throw new Error(`programmer error: ${drug.id} maximum cannot be made`);
    target = split;
    capped = true;
    notes.line(`The prior ${formatDose({ amount: priorDaily, unit })} daily is above the maximum: the target is capped at ${regimenText(target, unit)} (rounded down to real strengths).`);
  } else {
    notes.line(`Target (last step): the prior regimen, ${regimenText(target, unit)}.`);
  }
  const targetDaily = sum(target);

  // 2. MAOI washouts: the first step may not start before the washout ends.
  const plannedIsMaoi = drug.group === 'maoi';
  const washouts: { id: string; days: number; basis: string; provenance: Provenance[] }[] = [];
  for (const id of others) {
    const cats = categoriesOf(id);
    const otherAntidepressant = findDrug(id)?.drugClass === 'antidepressant';
    if (cats.includes('maoi')) {
      // Planned drug after an MAOI (or MAOI after MAOI): the MAOI's own washout.
      const specific = C.concurrentMaoiWashoutDays[id];
      const value = specific ?? C.irreversibleMaoiWashoutDays;
      const provenance: Provenance[] = [value];
      if (!specific && !findDrug(id)) provenance.push(C.unknownSerotonergicWashoutDays);
      washouts.push({ id, days: value.value, basis: `after ${concurrentName(id)} (MAOI): ${value.value} day${value.value === 1 ? '' : 's'}`, provenance });
    } else if (plannedIsMaoi && (otherAntidepressant || cats.includes('serotonergic'))) {
      const w = washoutBeforeMaoi(id);
      washouts.push({ id, days: w.days, basis: `after ${w.basis}`, provenance: w.provenance });
    }
  }
  let start = request.restartDate;
  if (washouts.length) {
    const longest = Math.max(...washouts.map((w) => w.days));
    start = addCalendarDays(request.restartDate, longest);
    notes.line(
      `MAOI washout: ${washouts.map((w) => w.basis).join('; ')}. Assuming the other drug stops on ${request.restartDate}, the earliest safe start is ${start} (+ ${longest} days).`,
      ...washouts.flatMap((w) => w.provenance),
      { assumption: 'ad-washout-shifts-start' },
    );
  }

  // 3. Resume or re-titrate.
  const gap = breakLength(request.lastDoseDate, start);
  const halfLife = new D(drug.resumeHalfLife.hours.value);
  const limitHours = halfLife.mul(C.resumeHalfLives.value);
  const gapHours = gap.daysOff * 24;
  notes.line(
    `Half-life used: ${formatAmount(halfLife)} h, ${drug.resumeHalfLife.moiety} (range ${drug.resumeHalfLife.range}); the shorter end is used because a shorter half-life makes re-titration happen sooner, the safer reading. ${C.resumeHalfLives.value} half-lives = ${formatAmount(limitHours)} h.`,
    drug.resumeHalfLife.hours,
    C.resumeHalfLives,
  );
  let action: 'resume' | 'retitrate';
  let rule: string;
  const always = drug.alwaysRetitrateAfterMissedDays;
  if (gap.missedDays === 0) {
    action = 'resume';
    rule = `no dose missed (daysOff ${gap.daysOff}): resume the prior dose`;
  } else if (always && gap.missedDays > always.value) {
    action = 'retitrate';
    rule = `${drug.displayName} is always re-titrated after more than ${always.value} missed days (${gap.missedDays} missed)`;
    notes.cite(always);
  } else if (new D(gapHours).lt(limitHours)) {
    action = 'resume';
    rule = `gap ${gapHours} h is under ${C.resumeHalfLives.value} half-lives (${formatAmount(limitHours)} h): resume the prior dose`;
  } else {
    action = 'retitrate';
    rule = `gap ${gapHours} h is at least ${C.resumeHalfLives.value} half-lives (${formatAmount(limitHours)} h): re-titrate from the labelled start`;
  }
  notes.line(`Decision: ${action === 'resume' ? 'RESUME' : 'RE-TITRATE'} — ${rule}.`);

  // 4. Steps.
  const startDaily = new D(formulation.start.dose.value).mul(formulation.start.timesPerDay.value);
  const scheduled = action === 'resume'
    ? buildFixedSchedule({ startDate: start, stages: [], phases: [], target, targetRule: capped ? 'prior dose capped at the maximum' : 'resume the prior dose', strengths: formulation.strengths })
    : buildFixedSchedule({
        startDate: start,
        stages: [{ days: formulation.step.intervalDays.value, daily: startDaily, timesPerDay: formulation.start.timesPerDay.value, rule: 'labelled starting dose' }],
        phases: [{ daily: new D(formulation.step.daily.value), intervalDays: formulation.step.intervalDays.value, timesPerDay: times, rule: `labelled step of + ${formatDose({ amount: formulation.step.daily.value, unit })}/day, rounded down to real strengths` }],
        target,
        targetRule: capped ? 'reaches the maximum (prior dose capped)' : 'reaches the prior dose (the target)',
        strengths: formulation.strengths,
      });
  if (action === 'retitrate') {
    notes.line(
      `Re-titration: start ${formatDose({ amount: formulation.start.dose.value, unit })} × ${formulation.start.timesPerDay.value} a day (capped at the target), then + ${formatDose({ amount: formulation.step.daily.value, unit })}/day no sooner than every ${formulation.step.intervalDays.value} days, up to ${formatDose({ amount: targetDaily, unit })} daily.`,
      formulation.start.dose,
      formulation.start.timesPerDay,
      formulation.step.daily,
      formulation.step.intervalDays,
    );
  }
  const steps: PlanStep[] = toPlanSteps(scheduled, { drug: drug.id, formulation });
  steps.forEach((step, index) => {
    notes.line(`Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily (${step.rule}).`);
  });
  notes.assume('ad-retained-fraction-decision');

  // 5. Warnings.
  const serotonergicSelf = drug.interactionCategories.includes('serotonergic') || plannedIsMaoi;
  const serotonergicOthers = others.filter((id) => {
    const cats = categoriesOf(id);
    return cats.includes('serotonergic') || cats.includes('maoi');
  });
  if (washouts.length) {
    notes.warn(
      'MAOI_WASHOUT',
      'critical',
      `${drug.displayName} must not be taken with or soon after ${washouts.map((w) => concurrentName(w.id)).join(', ')}: ${washouts.map((w) => w.basis).join('; ')}. Stop the other drug and start no earlier than ${start}.`,
      ['ontario-maoi-washout', ...(washouts.some((w) => w.id === 'moclobemide') ? ['sps-moclobemide'] : [])],
    );
  }
  if (serotonergicSelf && serotonergicOthers.length) {
    const maoiInvolved = plannedIsMaoi || serotonergicOthers.some((id) => categoriesOf(id).includes('maoi'));
    notes.warn(
      'SEROTONIN_SYNDROME',
      maoiInvolved ? 'critical' : 'warning',
      `${drug.displayName} with ${serotonergicOthers.map(concurrentName).join(', ')}: risk of serotonin syndrome. Watch for clonus, agitation, sweating, tremor with hyperreflexia and fever (Hunter criteria).`,
      ['hunter-2003'],
    );
    notes.line(`Warning SEROTONIN_SYNDROME: concurrent ${serotonergicOthers.join(', ')}.`);
  }
  if (missedDays >= 1 && daysOff <= C.discontinuationWindowDays.value) {
    notes.warn(
      'DISCONTINUATION_SYMPTOMS',
      'info',
      `The ${daysOff}-day gap is within the window for discontinuation symptoms (dizziness, electric-shock sensations, insomnia, nausea, anxiety), which usually settle within 1 to 2 weeks of restarting.`,
      ['nice-ng222'],
    );
    notes.line(`Warning DISCONTINUATION_SYMPTOMS: daysOff ${daysOff} ≤ ${C.discontinuationWindowDays.value}.`, C.discontinuationWindowDays);
  }
  if (drug.qtRisk) {
    const reasons: string[] = [];
    let severity: 'critical' | 'warning' = 'warning';
    if (capped) reasons.push(`the prior dose was above the ${formatDose({ amount: max, unit })} daily maximum${reducedReasons.length ? ` for ${reducedReasons.join('; ')}` : ''}`);
    const qtcMs = request.qtcMs ?? 0;
    if (qtcMs > C.qtcCautionMs.value) {
      reasons.push(`baseline QTc ${qtcMs} ms`);
      notes.cite(C.qtcCautionMs);
      if (qtcMs > C.qtcAvoidMs.value) {
        severity = 'critical';
        notes.cite(C.qtcAvoidMs);
      }
    }
    const qtOthers = others.filter((id) => categoriesOf(id).includes('qt-prolonging'));
    if (qtOthers.length) reasons.push(`another QT-prolonging drug (${qtOthers.map(concurrentName).join(', ')})`);
    if (reasons.length) {
      notes.warn(
        'QT_PROLONGATION',
        severity,
        `${drug.displayName} prolongs the QT interval in a dose-dependent way: ${reasons.join('; ')}. ${severity === 'critical' ? `QTc above ${C.qtcAvoidMs.value} ms: do not restart without cardiology advice.` : 'Check an ECG and electrolytes.'}`,
        [drug.qtRisk.source],
      );
      notes.line(`Warning QT_PROLONGATION: ${reasons.join('; ')}.`);
    }
  } else if (capped) {
    notes.warn('DOSE_ABOVE_LABEL_MAX', 'warning', `The prior dose was above the labelled maximum; the plan stops at ${formatDose({ amount: targetDaily, unit })} daily.`, 'source' in formulation.maxDailyDose ? [formulation.maxDailyDose.source] : []);
  }
  if (drug.seizureRisk) {
    const extra: string[] = [];
    const withdrawal = others.filter((id) => {
      const cats = categoriesOf(id);
      return cats.includes('benzodiazepine') || cats.includes('alcohol');
    });
    if (withdrawal.length) extra.push(`concurrent ${withdrawal.map(concurrentName).join(', ')}: abrupt withdrawal of these lowers the seizure threshold`);
    if (patient.alcoholUse) extra.push('regular alcohol use');
    notes.warn(
      'SEIZURE_RISK',
      'warning',
      `${drug.displayName}: ${drug.seizureRisk.note}. Increase gradually${extra.length ? `; ${extra.join('; ')}` : ''}.`,
      [drug.seizureRisk.source],
    );
    notes.line(`Warning SEIZURE_RISK: ${drug.displayName} [${drug.seizureRisk.source}: ${drug.seizureRisk.locator}].`);
  }
  if (drug.group === 'tca' && (patient.ageYears ?? 0) >= 65) {
    notes.warn(
      'OLDER_ADULT_ANTICHOLINERGIC',
      'warning',
      `Age ${patient.ageYears}: the Beers criteria advise avoiding strongly anticholinergic tricyclics such as amitriptyline in older adults (confusion, falls, orthostatic hypotension, urinary retention). Consider an alternative before restarting.`,
      ['beers-2023'],
    );
  }
  if (drug.group === 'tca') {
    notes.warn(
      'TCA_TOXICITY',
      'warning',
      `${drug.displayName} is a tricyclic: narrow margin in overdose (QRS ≥ 0.10 s predicted seizures and arrhythmias). Re-titrate after a break, check an ECG in older or cardiac patients, and limit the quantity supplied if there is a risk of self-harm.`,
      ['boehnert-1985'],
    );
  }

  return notes.finish({
    drug: drug.id,
    drugClass: 'antidepressant',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: { retainedFraction: action === 'resume' ? '1' : '0', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(priorDaily), unit } },
    steps,
    decision: { action, rule },
    ...(start !== request.restartDate ? { earliestSafeStart: start } : {}),
  });
}
