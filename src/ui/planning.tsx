/** The planning chunk (loaded lazily): the engine's planner and formatting, and the plan view. */
import { formatDose, formatFrequency, type DrugDescription, type PlanResult } from '../engine/browser.ts';
import { displayDate } from './dates.ts';
import { BREAK_REASON_LABELS, FLAG_LABELS, HISTORY_FLAG_LABELS, MAIN_FLAGS, PATIENT_HISTORY_FLAGS, findFormulation, type FormValues } from './model.ts';

// The browser engine: a drug class's protocol data loads only when one of its drugs is chosen.
export { planRestart, formatDose, describeDrugs, listConcurrent, isReadyFor, loadClassFor } from '../engine/browser.ts';
export { PlanView, RefusalView, firstStepText, viewPlanLinkText } from './PlanView.tsx';

export function inputsInWords(values: FormValues, drugs: readonly DrugDescription[], concurrentNames: Map<string, string>) {
  const drug = drugs.find((d) => d.id === values.drug);
  const formulation = findFormulation(drug, values.formulation);
  const rows: [string, string][] = [];
  if (drug && formulation) {
    rows.push(['Drug', `${drug.displayName} ${formulation.name}`]);
    // The inputs are listed whatever was typed: a dose that is not a number is shown as typed.
    const typed = values.dose.trim();
    const dose = /^(\d+(\.\d+)?|\.\d+)$/.test(typed) ? formatDose({ amount: typed, unit: formulation.unit }) : `${typed || '—'} ${formulation.unit}`;
    rows.push([
      'Before the break',
      formulation.unitForm === 'patch' ? `${dose} patch` : `${dose} ${formatFrequency(Number(values.timesPerDay))}`,
    ]);
  }
  if (drug && (drug.class === 'opioid' || drug.class === 'benzodiazepine')) {
    values.additionalPrior.forEach((row, index) => {
      const other = drugs.find((d) => d.id === row.drug);
      const form = findFormulation(other, row.formulation);
      const typed = row.dose.trim();
      const amount = form && /^(\d+(\.\d+)?|\.\d+)$/.test(typed) ? formatDose({ amount: typed, unit: form.unit }) : `${typed || '—'} ${form?.unit ?? ''}`.trim();
      const how = form?.unitForm === 'patch' ? 'patch' : row.asNeeded ? `as needed, ${row.timesPerDay.trim() || '—'} a day on average` : formatFrequency(Number(row.timesPerDay));
      rows.push([`Also before the break (${index + 2})`, other && form ? `${other.displayName} ${form.name} ${amount} ${how}` : 'not chosen']);
    });
  }
  rows.push(['Days taken before the break', values.priorDurationDays.trim()]);
  rows.push(['Last dose', displayDate(values.lastDoseDate.trim())]);
  rows.push(['Restart', displayDate(values.restartDate.trim())]);
  const factors = [
    ...(values.sex ? [values.sex] : []),
    ...(values.hepaticGrade && values.hepaticGrade !== 'none' ? [`${values.hepaticGrade} hepatic impairment`] : []),
    ...MAIN_FLAGS.filter((f) => values[f]).map((f) => FLAG_LABELS[f].toLowerCase()),
    ...PATIENT_HISTORY_FLAGS.filter((f) => values[f]).map((f) => HISTORY_FLAG_LABELS[f].toLowerCase()),
    ...(values.creatinineClearanceMlMin.trim() ? [`creatinine clearance ${values.creatinineClearanceMlMin.trim()} mL/min`] : []),
    ...(values.withdrawalSymptomsNow ? [`withdrawal symptoms now: ${values.withdrawalSymptomsNow}`] : []),
  ];
  if (values.priorAsNeeded || values.priorNonPrescribed)
    rows.push(['Use before the break', [values.priorAsNeeded ? 'as needed (times per day is the average)' : '', values.priorNonPrescribed ? 'non-prescribed (dose uncertain)' : ''].filter(Boolean).join('; ')]);
  if (values.acetaminophenOtherSourcesMgPerDay.trim()) rows.push(['Acetaminophen from other sources', `${values.acetaminophenOtherSourcesMgPerDay.trim()} mg a day`]);
  rows.push(['Patient', [values.ageYears.trim() ? `age ${values.ageYears.trim()}` : 'age not given', ...factors].join('; ')]);
  rows.push([
    'Concurrent medicines',
    values.concurrent
      .map((id) => {
        const dates = values.concurrentDates[id];
        const when = [dates?.startedOn ? `started ${displayDate(dates.startedOn)}` : '', dates?.stoppedOn ? `stopped ${displayDate(dates.stoppedOn)}` : ''].filter(Boolean).join(', ');
        return `${concurrentNames.get(id) ?? id}${when ? ` (${when})` : ''}`;
      })
      .join(', ') || 'none',
  ]);
  rows.push(['Reason for the break', BREAK_REASON_LABELS[values.breakReason] ?? (values.breakReason || 'not stated')]);
  if (drug?.fields.includes('indication') && values.indication) rows.push(['Indication', values.indication === 'oud' ? 'opioid use disorder' : 'pain']);
  if (drug?.fields.includes('fullAgonistUsedDuringBreak') && values.fullAgonistUsedDuringBreak)
    rows.push(['Full agonist used during the break', values.fullAgonistUsedDuringBreak]);
  if (drug?.fields.includes('qtcMs') && values.qtcMs.trim()) rows.push(['QTc', `${values.qtcMs.trim()} ms`]);
  return rows;
}

export function announcement(result: PlanResult, acknowledged: boolean): string {
  if (!result.ok && result.refusal) return `No plan: ${result.refusal.message}`;
  if (!result.ok) return 'No plan yet: complete the form.';
  if (!acknowledged) return 'A plan is ready. Read and acknowledge the disclaimer to see it.';
  const { plan } = result;
  const first = plan.steps[0];
  const last = plan.steps[plan.steps.length - 1];
  const critical = plan.warnings.filter((w) => w.severity === 'critical').length;
  const amount = (step: typeof first) => (step ? `${step.displayName} ${formatDose(step.dailyDose)}${step.dose.unit === 'mcg/h' ? '' : ' daily'}` : '');
  return `Plan updated: ${plan.steps.length} ${plan.steps.length === 1 ? 'step' : 'steps'}, starting at ${amount(first)} and reaching ${amount(last)}; ${critical} critical ${critical === 1 ? 'warning' : 'warnings'}.`;
}

