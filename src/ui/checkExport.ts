/**
 * The pharmacist's check as a note and as a CSV of findings, each with the patient inputs and the plan it was
 * checked against; findings in words (no finding codes, no "house rule" numbers), each said once. Pure.
 */
import { formatDose, type RestartPlan } from '../engine/api.ts';
import type { CheckFinding, CheckResult } from '../engine/check.ts';
import { csvField } from '../export/csv.ts';
import { stepLine } from '../export/note.ts';
import { DISCLAIMER } from '../export/common.ts';

export const FINDING_WORDS: Record<string, string> = {
  STARTS_BEFORE_RESTART_DATE: 'Starts before the restart date',
  RESTRICTED_AFTER_TOLERANCE_LOSS: 'Product restricted to opioid-tolerant patients',
  ABOVE_CEILING: 'Daily dose above the ceiling',
  ABOVE_DOSE_CEILING: 'Single dose above the ceiling',
  ABOVE_PRIOR_DOSE: 'Above the dose before the break',
  RISES_TOO_FAST: 'Rises too fast',
  SKIPS_CHECKPOINT: 'Skips the checkpoint',
  PLAN_REFUSED: 'No plan for this request (blocked)',
};

/** A finding's title in words; an unknown code becomes lower-case words rather than a raw code. */
export function findingTitle(code: string): string {
  const words = FINDING_WORDS[code] ?? code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Rule text without internal numbering: "(house rule 1)" says nothing to a reader. */
export function ruleWithoutHouseNumbers(rule: string): string {
  return rule.replace(/\s*\(house rule \d+\)/gi, '').replace(/house rule \d+/gi, 'Retitrate rule');
}

/** One finding in words, each fact once: title, message, the excess (when the message does not give it), the rule. */
export function findingInWords(finding: CheckFinding): string {
  const excess =
    Number(finding.excess.amount) > 0 && !finding.message.includes(`by ${formatDose(finding.excess)}`)
      ? ` Above by ${formatDose(finding.excess)}${finding.excessPercent === null ? '' : ` (${finding.excessPercent.replace(/\.0$/, '')}%)`}: ${formatDose(finding.proposedDaily)} against ${formatDose(finding.ceilingDaily)}.`
      : '';
  const rule = finding.rule ? ` Rule: ${ruleWithoutHouseNumbers(finding.rule)}` : '';
  return `${findingTitle(finding.code)}. ${finding.message}${excess}${rule}`;
}

export interface CheckExportContext {
  readonly plan: RestartPlan;
  readonly result: CheckResult;
  /** The patient inputs in words, as the printout shows them. */
  readonly inputs: readonly (readonly [string, string])[];
  readonly checkedOn: string;
}

export function checkNote({ plan, result, inputs, checkedOn }: CheckExportContext): string {
  const out: string[] = [];
  out.push(`PHARMACIST CHECK: proposed ${plan.displayName} schedule — ${result.verdict === 'within' ? 'WITHIN the ceiling' : 'EXCEEDS the ceiling'}`);
  out.push(DISCLAIMER);
  out.push(`Checked ${checkedOn} by Retitrate engine ${plan.version.engine}, protocols ${plan.version.protocols}.`);
  out.push('');
  out.push('PATIENT INPUTS');
  for (const [term, value] of inputs) out.push(`- ${term}: ${value}`);
  out.push('');
  out.push('PROPOSED STEPS');
  for (const step of result.steps) {
    const amounts = step.administrations.length ? step.administrations : [step.dose.amount];
    const dose = new Set(amounts).size > 1 ? amounts.map((a) => formatDose({ amount: a, unit: step.dose.unit })).join(' + ') : `${formatDose(step.dose)} × ${step.timesPerDay}`;
    out.push(`${step.index + 1}. from ${step.start}${step.end ? ` to ${step.end}` : ''}: ${dose} (${formatDose(step.dailyDose)} a day) — ${step.status === 'within' ? 'within' : 'EXCEEDS'}`);
  }
  out.push('');
  out.push('FINDINGS');
  if (result.findings.length === 0) out.push('- None: every proposed step is at or below the ceiling. Within the ceiling is not a guarantee of safety.');
  for (const finding of result.findings) out.push(`- Step ${finding.step + 1} (from ${finding.start}): ${findingInWords(finding)}`);
  out.push('');
  out.push('CEILING PLAN CHECKED AGAINST');
  plan.steps.forEach((step, index) => out.push(`${index + 1}. ${step.end ? `${step.start} to ${step.end}` : `from ${step.start}`}: ${stepLine(step)}.`));
  return out.join('\n') + '\n';
}

export const FINDINGS_CSV_COLUMNS = ['proposed step', 'start', 'finding', 'in words', 'proposed daily', 'ceiling daily', 'excess', 'excess percent', 'unit'] as const;

/** Findings as CSV (UTF-8 BOM, CRLF), preceded by the patient inputs and the verdict as comment-free key rows. */
export function findingsCsv({ plan, result, inputs }: CheckExportContext): string {
  const rows: string[][] = [];
  rows.push(['check of', `${plan.displayName} proposed schedule`]);
  rows.push(['verdict', result.verdict === 'within' ? 'within the ceiling' : 'exceeds the ceiling']);
  for (const [term, value] of inputs) rows.push([`input: ${term}`, value]);
  rows.push([]);
  rows.push([...FINDINGS_CSV_COLUMNS]);
  for (const finding of result.findings) {
    rows.push([
      String(finding.step + 1),
      finding.start,
      findingTitle(finding.code),
      findingInWords(finding),
      finding.proposedDaily.amount,
      finding.ceilingDaily.amount,
      finding.excess.amount,
      finding.excessPercent ?? '',
      finding.proposedDaily.unit,
    ]);
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
