/**
 * Clinical note: the plan as plain text for a record or a letter. ISMP-safe throughout (doses via
 * `formatDose`: no trailing zeros, a leading zero, `mcg`; frequencies in words, `daily` never `QD`;
 * Tall Man names from the protocol data). Pure: the calculation date is passed in.
 */
import { formatAmount, formatDose, formatFrequency, formatUnit } from '../engine/format.ts';
import { concurrentName } from '../engine/registry.ts';
import type { PlanRefusal, PlanStep, PlanWarning, PriorComponent, RestartPlan, RestartRequest } from '../engine/types.ts';
import { validateRequest } from '../engine/validate.ts';
import { addCalendarDays } from '../engine/dates.ts';
import { DISCLAIMER, administrationsOf, isPatchUnit, patchWearHours, plural, stepDrugName, stepFormulationName } from './common.ts';

export interface NoteOptions {
  /** The date the plan was calculated (ISO yyyy-MM-dd), printed in the header. */
  readonly calculatedOn: string;
  /** The raw request, when the caller has it: adds the prior regimen, duration, patient factors. */
  readonly request?: unknown;
  /** Include the numbered working (derivation); default true. */
  readonly includeWorking?: boolean;
  /** Set when `plan` is the alternative plan of a refusal: the note says first that the request was refused. */
  readonly alternativeTo?: PlanRefusal;
}

const PATIENT_LABELS: Record<string, string> = {
  hepaticImpairment: 'hepatic impairment',
  renalImpairment: 'renal impairment',
  respiratoryDisease: 'respiratory disease',
  sleepApnea: 'sleep apnea',
  overdoseHistory: 'history of overdose',
  substanceUseDisorder: 'substance use disorder',
  alcoholUse: 'regular or heavy alcohol use',
  seizureHistory: 'history of seizures',
  historyOfFalls: 'history of falls',
  complexSleepBehaviorHistory: 'history of complex sleep behaviours',
  hemodialysis: 'on hemodialysis',
  smokedBeforeBreak: 'smoked tobacco before the break',
  smokesNow: 'smokes tobacco now',
};

/** An absent input a warning says the plan could not check, and the words that name it in the warning. */
const UNCHECKED_INPUTS: readonly (readonly [RegExp, string, (request: RestartRequest) => boolean])[] = [
  [/creatinine clearance/i, 'creatinine clearance', (r) => r.patient.creatinineClearanceMlMin === undefined],
  [/\bsex\b/i, 'sex', (r) => r.patient.sex === undefined || r.patient.sex === 'unknown'],
  [/\bQTc\b/, 'QTc', (r) => (r as unknown as { qtcMs?: number }).qtcMs === undefined],
  [/\bage\b/i, 'age', (r) => r.patient.ageYears === undefined],
  [/withdrawal symptoms/i, 'withdrawal symptoms now', (r) => r.patient.withdrawalSymptomsNow === undefined],
];
const NOT_CHECKED = /not given|could not (be )?check|not checked|not recorded/i;

/** The absent inputs the plan's warnings say could not be checked: "creatinine clearance (RENAL_FUNCTION_NOT_GIVEN)". */
export function uncheckedInputs(warnings: readonly PlanWarning[], request: RestartRequest): string[] {
  const found: string[] = [];
  for (const warning of warnings) {
    if (!NOT_CHECKED.test(warning.message)) continue;
    for (const [pattern, name, absent] of UNCHECKED_INPUTS) {
      if (pattern.test(warning.message) && absent(request)) found.push(`${name} (${warning.code})`);
    }
  }
  return found.filter((item, index) => found.indexOf(item) === index);
}

function onDate(date: string | undefined, word: string): string {
  return date ? `${word} ${date}` : '';
}

function daily(step: PlanStep): string {
  const equivalent = step.dailyEquivalent ? `; ${formatAmount(step.dailyEquivalent.amount)} ${step.dailyEquivalent.unit}${step.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'}` : '';
  return `${formatDose(step.dailyDose)} ${step.everyOtherDay ? 'every other day' : 'daily'}${equivalent}`;
}

function equivalentText(amount: { readonly amount: string; readonly unit: string }): string {
  return `${formatAmount(amount.amount)} ${amount.unit}${amount.unit === 'MME' ? '/day' : ' daily'}`;
}

/** One medicine of the prior regimen: "oxyCODONE extended-release tablet 20 mg twice daily = 40 mg daily × 1.5 = 60 MME/day [cdc-2022]". */
export function componentLine(component: PriorComponent): string {
  const name = `${component.displayName} ${component.formulationName}`;
  const patch = isPatchUnit(component.dose.unit);
  const taken = patch
    ? `${formatDose(component.dose)}, worn continuously`
    : component.asNeeded
      ? `${formatDose(component.dose)} as needed, about ${plural(component.timesPerDay, 'dose')} a day on average = ${formatDose(component.dailyDose)} daily`
      : `${formatDose(component.dose)} ${formatFrequency(component.timesPerDay)} = ${formatDose(component.dailyDose)} daily`;
  const factor = component.equivalentFactor;
  const equivalent = component.dailyEquivalent
    ? ` ${factor ? `× ${factor.value} (${factor.per}) ` : ''}= ${equivalentText(component.dailyEquivalent)}${factor ? ` [${factor.source}]` : ''}`
    : ' (no equivalent)';
  return `${name} ${taken}${equivalent}`;
}

/** How a patch is worn, in words: "worn continuously, changed every 72 hours". */
export function patchRegimen(drug: string, formulation: string): string {
  const hours = patchWearHours(drug, formulation);
  return hours ? `worn continuously, changed every ${hours} hours` : 'worn continuously';
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * An uneven day in words, larger doses first: "one dose of 10 mg and three doses of 5 mg". The protocol data
 * gives no time of day for the larger dose, so none is said.
 */
export function unevenDosesInWords(amounts: readonly string[], unit: string): string {
  const groups: { amount: string; count: number }[] = [];
  for (const amount of amounts) {
    const group = groups.find((g) => g.amount === amount);
    if (group) group.count += 1;
    else groups.push({ amount, count: 1 });
  }
  groups.sort((a, b) => Number(b.amount) - Number(a.amount));
  const parts = groups.map((g) => `${COUNT_WORDS[g.count] ?? g.count} ${g.count === 1 ? 'dose' : 'doses'} of ${formatDose({ amount: g.amount, unit })}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The step in words for a spreadsheet: uneven days as counts of each dose ("one dose of 10 mg and three doses of 5 mg a day"). */
export function stepInWords(step: PlanStep): string {
  const amounts = administrationsOf(step);
  if (isPatchUnit(step.dose.unit) || new Set(amounts).size <= 1) return stepLine(step);
  return `${stepDrugName(step)} ${stepFormulationName(step)}: ${unevenDosesInWords(amounts, step.dose.unit)} ${step.everyOtherDay ? 'on each dosing day' : 'a day'} (${daily(step)})`;
}

/** One schedule line: "oxyCODONE 5 mg twice daily (10 mg daily; 15 MME/day)". */
export function stepLine(step: PlanStep): string {
  if (isPatchUnit(step.dose.unit)) {
    // A patch releases its rate continuously: never "once daily" or "mcg/h daily" (a 72-hour patch misread as a daily dose).
    const equivalent = step.dailyEquivalent ? ` (${formatAmount(step.dailyEquivalent.amount)} ${step.dailyEquivalent.unit}${step.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'})` : '';
    return `${stepDrugName(step)} ${stepFormulationName(step)} ${formatDose(step.dose)}, ${patchRegimen(step.drug, step.formulation)}${equivalent}`;
  }
  const amounts = administrationsOf(step);
  const uneven = new Set(amounts).size > 1;
  const unit = step.dose.unit;
  // An as-needed step is never a schedule: "up to N a day", never "N times daily".
  if (step.asNeeded) return `${stepDrugName(step)} ${stepFormulationName(step)} ${formatDose(step.dose)} as needed, up to ${plural(step.timesPerDay, 'dose')} a day (at most ${daily(step)})`;
  const perDose = uneven
    ? `${amounts.map((a) => formatDose({ amount: a, unit })).join(' + ')} a day in divided doses`
    : `${formatDose(step.dose)} ${formatFrequency(step.timesPerDay, step.everyOtherDay)}${step.everyOtherDay && step.timesPerDay > 1 ? ` (${step.timesPerDay} doses on each dosing day)` : ''}`;
  return `${stepDrugName(step)} ${stepFormulationName(step)} ${perDose} (${daily(step)})`;
}

/** The clinical note as plain text, lines separated by `\n`. */
export function clinicalNote(plan: RestartPlan, options: NoteOptions): string {
  const out: string[] = [];
  const restart = plan.steps[0]!.start;
  const validated = options.request === undefined ? null : validateRequest(options.request);
  const request = validated && validated.ok ? validated.request : null;

  const priorProduct = `${plan.displayName} ${stepFormulationName({ drug: plan.drug, formulation: plan.formulation })}`;
  const lastStep = plan.steps[plan.steps.length - 1]!;
  const switched = plan.steps.some((s) => s.drug !== plan.drug || s.formulation !== plan.formulation);
  out.push(
    switched
      ? `RESTART PLAN: ${priorProduct} before the break; the plan restarts on ${stepDrugName(lastStep)} ${stepFormulationName(lastStep)}`
      : `RESTART PLAN: ${priorProduct}`,
  );
  out.push(DISCLAIMER);
  if (options.alternativeTo) {
    const refusal = options.alternativeTo;
    out.push(
      `NO PLAN for ${refusal.displayName} ${stepFormulationName({ drug: refusal.drug, formulation: refusal.formulation })} (blocked, ${refusal.code}): ${refusal.message}${refusal.reasonSources.length ? ` [${refusal.reasonSources.join(', ')}]` : ''}`,
    );
    if (refusal.earliestPlanDate) out.push(`Earliest date a plan can be made: ${refusal.earliestPlanDate}.`);
    out.push(`THIS NOTE IS FOR THE ALTERNATIVE PLAN: ${stepDrugName(lastStep)} ${stepFormulationName(lastStep)}.`);
  }
  out.push(`Calculated ${options.calculatedOn} by Retitrate engine ${plan.version.engine}, protocols ${plan.version.protocols} (reviewed ${plan.version.protocolsDate}).`);
  out.push('');

  out.push('INPUTS');
  const components = plan.prior.components ?? [];
  if (components.length > 1) {
    out.push(`- Prior regimen: ${components.length} medicines of the class, taken together (tolerance is judged on the total):`);
    components.forEach((component, index) => out.push(`  ${index + 1}. ${componentLine(component)}.`));
    if (plan.prior.dailyEquivalent) out.push(`  Total: ${components.map((c) => (c.dailyEquivalent ? formatAmount(c.dailyEquivalent.amount) : '?')).join(' + ')} = ${equivalentText(plan.prior.dailyEquivalent)}.`);
    if (request) out.push(`- Duration before the break: ${request.priorDurationDays} days.`);
  } else if (request) {
    const unit = formatUnit(request.prior.dose.unit);
    const equivalent = plan.prior.dailyEquivalent ? `${formatAmount(plan.prior.dailyEquivalent.amount)} ${plan.prior.dailyEquivalent.unit}${plan.prior.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'}` : '';
    if (isPatchUnit(request.prior.dose.unit)) {
      out.push(
        `- Prior regimen: ${priorProduct} ${formatDose({ amount: request.prior.dose.amount, unit })}, ${patchRegimen(plan.drug, plan.formulation)}${equivalent ? ` (${equivalent})` : ''} for ${request.priorDurationDays} days.`,
      );
    } else out.push(
      `- Prior regimen: ${formatDose({ amount: request.prior.dose.amount, unit })} ${formatFrequency(request.prior.timesPerDay)}${request.prior.daysPerWeek < 7 ? `, ${request.prior.daysPerWeek} days a week` : ''} (${formatDose(plan.prior.dailyDose)} daily${plan.prior.dailyEquivalent ? `; ${formatAmount(plan.prior.dailyEquivalent.amount)} ${plan.prior.dailyEquivalent.unit}${plan.prior.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'}` : ''}) for ${request.priorDurationDays} days.`,
    );
  } else {
    out.push(
      `- Prior ${isPatchUnit(plan.prior.dailyDose.unit) ? 'patch strength' : 'daily dose'}: ${formatDose(plan.prior.dailyDose)}${isPatchUnit(plan.prior.dailyDose.unit) ? ` (${patchRegimen(plan.drug, plan.formulation)})` : ' daily'}${plan.prior.dailyEquivalent ? ` (${formatAmount(plan.prior.dailyEquivalent.amount)} ${plan.prior.dailyEquivalent.unit}${plan.prior.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'})` : ''}.`,
    );
  }
  out.push(`- Last dose ${addCalendarDays(restart, -plan.daysOff)}; restart ${restart}: ${plural(plan.daysOff, 'day')} off, ${plural(plan.missedDays, 'missed day')}.`);
  if (request) {
    const factors = Object.entries(PATIENT_LABELS)
      .filter(([key]) => (request.patient as unknown as Record<string, boolean>)[key])
      .map(([, label]) => label);
    const patient = request.patient;
    if (patient.hepaticGrade !== 'none') factors[factors.indexOf('hepatic impairment')] = `${patient.hepaticGrade} hepatic impairment`;
    if (patient.creatinineClearanceMlMin !== undefined) factors.push(`creatinine clearance ${patient.creatinineClearanceMlMin} mL/min`);
    if (patient.withdrawalSymptomsNow !== undefined) factors.push(`withdrawal symptoms now: ${patient.withdrawalSymptomsNow}`);
    if (patient.sex !== undefined) factors.unshift(`sex ${patient.sex}`);
    if (patient.ageYears !== undefined) factors.unshift(`age ${patient.ageYears}`);
    out.push(`- Patient factors: ${factors.length ? factors.join('; ') : 'none recorded'}.`);
    const use = [request.prior.asNeeded ? 'taken as needed (times a day is the average actually taken)' : '', request.prior.nonPrescribed ? 'non-prescribed use (the dose is uncertain)' : ''].filter(Boolean);
    if (use.length) out.push(`- Use before the break: ${use.join('; ')}.`);
    const history = request.concurrentHistory;
    out.push(
      `- Other medicines: ${
        history.length
          ? history
              .map((entry) => {
                const dates = [onDate(entry.startedOn, 'started'), onDate(entry.stoppedOn, 'stopped')].filter(Boolean).join(', ');
                return `${concurrentName(entry.drug)}${dates ? ` (${dates})` : ''}`;
              })
              .join(', ')
          : 'none recorded'
      }.`,
    );
    if (request.acetaminophenOtherSourcesMgPerDay !== undefined) out.push(`- Acetaminophen from other sources: ${request.acetaminophenOtherSourcesMgPerDay} mg a day.`);
    if (request.keepProduct) out.push('- Keep the extended-release product: yes (asked to keep it where its label allows).');
    if (request.breakReason) out.push(`- Reason for the break: ${request.breakReason}.`);
    const unchecked = uncheckedInputs(plan.warnings, request);
    if (unchecked.length) out.push(`- Not given, so the plan could not check what depends on it: ${unchecked.join('; ')}.`);
  }
  out.push('');

  out.push('TOLERANCE');
  const tolerant = plan.tolerance.priorTolerant === undefined ? '' : `Tolerant before the break: ${plan.tolerance.priorTolerant ? 'yes' : 'no'}. `;
  const anchor = plan.tolerance.anchor ? ` (${plan.tolerance.anchor.basis}; source ${plan.tolerance.anchor.source})` : '';
  out.push(`${tolerant}Retained fraction ${formatAmount(plan.tolerance.retainedFraction)}: tolerance ${plan.tolerance.status}${anchor}.`);
  out.push('');

  out.push('SCHEDULE (each dose is a ceiling: do not exceed)');
  plan.steps.forEach((step, index) => {
    const when = step.end ? `${step.start} to ${step.end}` : `from ${step.start} (maintenance)`;
    if (isPatchUnit(step.dose.unit)) {
      out.push(`${index + 1}. ${when}: ${stepLine(step)}.`);
      if (step.makeUp.length) out.push(`   Make-up: ${step.makeUp[0]}.`);
      out.push(`   Rule: ${step.rule}.`);
      if (step.checkpoint) out.push(`   CHECKPOINT: ${step.checkpointReason ?? 'reassess before this step.'}`);
      return;
    }
    out.push(`${index + 1}. ${when}: ${stepLine(step)}.`);
    if (step.asNeededAllowance) out.push(`   As needed: ${step.asNeededAllowance.text}`);
    if (step.makeUp.length) {
      const makeUp = new Set(step.makeUp).size === 1 ? `${step.makeUp[0]} each dose` : step.makeUp.join('; ');
      out.push(`   Make-up: ${makeUp}.`);
    }
    out.push(`   Rule: ${step.rule}.`);
    if (step.checkpoint) out.push(`   CHECKPOINT: ${step.checkpointReason ?? 'reassess before this step.'}`);
  });
  out.push('');

  out.push('WARNINGS');
  if (plan.warnings.length === 0) out.push('- None.');
  for (const warning of plan.warnings) out.push(`- ${warning.severity.toUpperCase()} ${warning.code}: ${warning.message}${warning.sources.length ? ` [${warning.sources.join(', ')}]` : ''}`);
  out.push('');

  out.push('ENGINE ASSUMPTIONS (no source gives these; see the rationale in the app)');
  if (plan.assumptionDetails.length === 0) out.push('- None.');
  for (const assumption of plan.assumptionDetails) out.push(`- ${assumption.id}: ${assumption.statement}`);
  out.push('');

  if (options.includeWorking !== false) {
    out.push('WORKING');
    for (const line of plan.derivation) out.push(line);
    out.push('');
  }

  out.push('SOURCES');
  for (const source of plan.sources) out.push(`- [${source.id}] ${source.title}. ${source.issuer}, ${source.year}. ${source.url}`);
  return out.join('\n') + '\n';
}
