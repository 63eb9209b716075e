/**
 * Planner for drugs whose labels give explicit restart rules (restart model section 6): clozapine,
 * lamotrigine, quetiapine, carbamazepine, gabapentin, pregabalin. The label's threshold decides resume or
 * re-titrate; re-titration follows the label's initial schedule (fixed stages, then fixed rises) up to the
 * prior dose, capped at the labelled maximum.
 */
import type Decimal from 'decimal.js';
import type { LabelledDrug, LabelSchedule } from '../../protocols/labelled/types.ts';
import type { FormulationBase } from '../../protocols/types.ts';
import { D, decimalString } from '../decimal.ts';
import { sum } from '../regimen.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import type { PlanStep, RestartPlan, RestartRequest } from '../types.ts';
import { buildFixedSchedule, splitDaily } from './fixedSchedule.ts';
import { priorAndBreak } from './prior.ts';
import { toPlanSteps } from './steps.ts';


/**
 * Lamotrigine: valproate first (the slowest schedule wins), then enzyme inducers, else standard.
 * A drug with one schedule (id 'initial') falls through to it.
 */
function chooseSchedule(drug: LabelledDrug, request: RestartRequest): { schedule: LabelSchedule; why: string | null } {
  const byId = (id: string) => drug.schedules.find((s) => s.id === id);
  const valproate = request.concurrent.filter((id) => concurrentCategories(id).includes('valproate'));
  const inducers = request.concurrent.filter((id) => concurrentCategories(id).includes('enzyme-inducer'));
  if (valproate.length && byId('valproate')) return { schedule: byId('valproate')!, why: `concurrent ${valproate.map(concurrentName).join(', ')}` };
  if (inducers.length && byId('inducer')) return { schedule: byId('inducer')!, why: `concurrent enzyme inducer ${inducers.map(concurrentName).join(', ')} and no valproate` };
  // the standard schedule's own wording ("taking neither valproate nor an enzyme inducer") is the reason; a label
  // with one schedule has nothing to choose
  return { schedule: byId('standard') ?? drug.schedules[0]!, why: null };
}

export function planLabelled(request: RestartRequest, drug: LabelledDrug, formulation: FormulationBase): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const others = request.concurrent.filter((id) => id !== drug.id);
  const { patient } = request;
  const { times, priorRegimen, priorDaily, daysOff, missedDays } = priorAndBreak(notes, request, drug.displayName, formulation);
  notes.line('This drug has a labelled restart rule: the question is resume the prior dose or follow the label\'s titration again. Tolerance is not applicable and no daily equivalent is computed.');

  // 1. Target, capped at the labelled maximum.
  const max = new D(drug.maxDailyDose.value);
  let target: Decimal[] = priorRegimen;
  let capped = false;
  if (priorDaily.gt(max)) {
    target = splitDaily(max, times, formulation.strengths) ?? priorRegimen;
    capped = true;
    notes.line(`The prior ${formatDose({ amount: priorDaily, unit })} daily is above the labelled maximum ${formatDose({ amount: max, unit })}: the target is capped at ${formatDose({ amount: sum(target), unit })} daily.`, drug.maxDailyDose);
  } else {
    notes.line(`Target (last step): the prior regimen, ${formatDose({ amount: priorDaily, unit })} daily (labelled maximum ${formatDose({ amount: max, unit })}).`, drug.maxDailyDose);
  }

  // 2. The label's threshold.
  const t = drug.threshold;
  let retitrate: boolean;
  let measure: string;
  switch (t.kind) {
    case 'daysOff-at-least':
      retitrate = daysOff >= t.value.value;
      measure = `daysOff ${daysOff} ${retitrate ? '≥' : '<'} ${t.value.value}`;
      break;
    case 'missedDays-at-least':
      retitrate = missedDays >= t.value.value;
      measure = `missedDays ${missedDays} ${retitrate ? '≥' : '<'} ${t.value.value}`;
      break;
    case 'missedDays-more-than':
      retitrate = missedDays > t.value.value;
      measure = `missedDays ${missedDays} ${retitrate ? '>' : '≤'} ${t.value.value}`;
      break;
    case 'half-lives-more-than': {
      const inducer = t.halfLifeWithInducerHours && request.concurrent.some((id) => concurrentCategories(id).includes('enzyme-inducer'));
      const halfLife = inducer ? t.halfLifeWithInducerHours! : t.halfLifeHours!;
      const limit = new D(halfLife.value).mul(t.value.value);
      retitrate = new D(daysOff * 24).gt(limit);
      measure = `${daysOff * 24} h since the last dose ${retitrate ? '>' : '≤'} ${t.value.value} × ${formatAmount(halfLife.value)} h = ${formatAmount(limit)} h (${inducer ? 'half-life with an enzyme inducer' : 'the shorter half-life is used'}: a shorter half-life makes re-titration happen sooner, the safer reading)`;
      notes.cite(halfLife);
      break;
    }
  }
  const rule = `${t.rule}: ${measure}`;
  notes.line(`Decision: ${retitrate ? 'RE-TITRATE' : 'RESUME'} — ${rule}.`, t.value);

  // 3. Steps.
  let scheduled;
  if (!retitrate) {
    scheduled = buildFixedSchedule({ startDate: request.restartDate, stages: [], phases: [], target, targetRule: capped ? 'prior dose capped at the labelled maximum' : 'resume the prior dose', strengths: formulation.strengths });
  } else {
    const { schedule, why } = chooseSchedule(drug, request);
    notes.line(`Label schedule: ${schedule.when}${why ? ` (${why})` : ''}.`, schedule.stages);
    if (drug.retitrationNote) notes.line(drug.retitrationNote.text, drug.retitrationNote);
    const usual = schedule.usualMaintenanceMax;
    if (usual && sum(target).gt(usual.value)) {
      notes.warn(
        'ABOVE_USUAL_MAINTENANCE',
        'warning',
        `The target ${formatDose({ amount: sum(target), unit })} daily is above the label's usual maintenance of up to ${formatDose({ amount: usual.value, unit })} daily ${schedule.when}: check that the prior dose was set with this combination, and consider a level before the last steps.`,
        'source' in usual ? [usual.source] : [],
      );
      notes.line(`Warning ABOVE_USUAL_MAINTENANCE: target above ${formatDose({ amount: usual.value, unit })} daily ${schedule.when}.`, usual);
    }
    const stages = schedule.stages.value.map((stage, index) => ({
      days: stage.days,
      daily: new D(stage.daily),
      timesPerDay: stage.timesPerDay,
      ...(stage.everyOtherDay ? { everyOtherDay: true } : {}),
      rule: `label stage ${index + 1}: ${formatDose({ amount: stage.daily, unit })} ${stage.everyOtherDay ? 'every other day' : 'daily'}${stage.timesPerDay > 1 ? ` in ${stage.timesPerDay} doses` : ''} for ${stage.days} day${stage.days === 1 ? '' : 's'}`,
    }));
    const phases = schedule.phases.map((phase) => {
      notes.line(
        `Then + ${formatDose({ amount: phase.daily.value, unit })}/day no sooner than every ${phase.intervalDays.value} day${phase.intervalDays.value === 1 ? '' : 's'}${phase.upTo ? ` up to ${formatDose({ amount: phase.upTo.value, unit })}/day` : ''}.`,
        phase.daily,
        phase.intervalDays,
        ...(phase.upTo ? [phase.upTo] : []),
      );
      return {
        daily: new D(phase.daily.value),
        intervalDays: phase.intervalDays.value,
        ...(phase.upTo ? { upTo: new D(phase.upTo.value) } : {}),
        timesPerDay: Math.max(times, 1),
        rule: `label rise of + ${formatDose({ amount: phase.daily.value, unit })}/day every ${phase.intervalDays.value} day${phase.intervalDays.value === 1 ? '' : 's'}, rounded down to real strengths`,
      };
    });
    scheduled = buildFixedSchedule({
      startDate: request.restartDate,
      stages,
      phases,
      target,
      targetRule: capped ? 'reaches the labelled maximum (prior dose capped)' : 'reaches the prior dose (the target)',
      strengths: formulation.strengths,
    });
  }
  const steps: PlanStep[] = toPlanSteps(scheduled, { drug: drug.id, formulation }).map((step, index) =>
    scheduled[index]!.everyOtherDay ? { ...step, everyOtherDay: true } : step,
  );
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')}${step.everyOtherDay ? ' every other day' : ` = ${formatDose(step.dailyDose)} daily`} (${step.rule}).`,
    );
  });
  if (steps.some((s) => s.everyOtherDay)) notes.line('Every-other-day steps: dailyDose is the amount on a dosing day; nothing is taken on the days between.');
  notes.assume('ad-retained-fraction-decision');

  // 4. Warnings.
  const cats = new Set(others.flatMap((id) => concurrentCategories(id)));
  const hazard = drug.hazard;
  if (drug.rule === 'gabapentinoid') {
    const risks: string[] = [];
    if ((patient.ageYears ?? 0) >= 65) risks.push(`age ${patient.ageYears}`);
    if (patient.respiratoryDisease) risks.push('respiratory disease');
    // Every opioid in the catalog is also a cns-depressant; the opioid test is kept so a future opioid entry is never missed.
    // Stryker disable next-line StringLiteral: equivalent while every opioid also carries 'cns-depressant'
    const depressants = others.filter((id) => concurrentCategories(id).includes('cns-depressant') || concurrentCategories(id).includes('opioid'));
    if (depressants.length) risks.push(`concurrent ${depressants.map(concurrentName).join(', ')}`);
    if (risks.length) {
      notes.warn(hazard.code, 'warning', `${hazard.message} Risk factors here: ${risks.join('; ')}.`, hazard.sources);
      notes.line(`Warning ${hazard.code}: ${risks.join('; ')}.`);
    }
    if (cats.has('opioid')) {
      const opioids = others.filter((id) => concurrentCategories(id).includes('opioid'));
      notes.warn(
        'OPIOID_GABAPENTINOID',
        'warning',
        `${drug.displayName} with ${opioids.map(concurrentName).join(', ')}: serious breathing problems can occur. Start the gabapentinoid at the lowest dose and monitor for respiratory depression and sedation.`,
        ['fda-gabapentinoid-2019'],
      );
      notes.line(`Warning OPIOID_GABAPENTINOID: concurrent ${opioids.map(concurrentName).join(', ')}.`);
    }
    if (patient.renalImpairment) {
      notes.warn('RENAL_DOSE_ADJUSTMENT', 'warning', `${drug.displayName} is cleared by the kidneys: reduce the dose for creatinine clearance below 60 mL/min (see the label's renal table); the plan's target is the prior dose, not a renal dose.`, [drug.id === 'gabapentin' ? 'label-neurontin' : 'label-lyrica']);
    }
  } else if (drug.rule === 'carbamazepine') {
    notes.warn(hazard.code, retitrate ? 'critical' : 'warning', hazard.message, hazard.sources);
    if (cats.has('maoi')) {
      const maois = others.filter((id) => concurrentCategories(id).includes('maoi'));
      notes.warn('MAOI_WASHOUT', 'critical', `Carbamazepine is contraindicated with or within 14 days of an MAOI (${maois.map(concurrentName).join(', ')}).`, ['label-tegretol']);
    }
  } else if (retitrate) {
    notes.warn(hazard.code, 'critical', hazard.message, hazard.sources);
    notes.line(`Warning ${hazard.code}: ${rule}.`);
  }
  if (capped) {
    notes.warn('DOSE_ABOVE_LABEL_MAX', 'warning', `The prior dose was above the labelled maximum; the plan stops at ${formatDose({ amount: sum(target), unit })} daily.`, 'source' in drug.maxDailyDose ? [drug.maxDailyDose.source] : []);
  }

  return notes.finish({
    drug: drug.id,
    drugClass: 'labelled-restart',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: { retainedFraction: retitrate ? '0' : '1', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(priorDaily), unit } },
    steps,
    decision: { action: retitrate ? 'retitrate' : 'resume', rule },
  });
}
