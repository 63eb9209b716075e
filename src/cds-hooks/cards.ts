/**
 * Cards for a draft order that restarts a drug after a break. Pure: the assessment (src/ehr), the plan
 * and the draft are inputs. Indicator: `critical` when tolerance is lost or any critical warning
 * applies (or the plan is refused); `warning` when tolerance is reduced, a warning applies or the record
 * could not be read fully; else `info`. See docs/ehr-integration.md.
 */
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { ProductLineHistory } from '../ehr/history.ts';
import { prefillUrl } from '../ehr/prefill.ts';
import type { Uninterpreted } from '../ehr/types.ts';
import { formatAmount } from '../engine/format.ts';
import type { FieldError, PlanResult, RestartPlan } from '../engine/types.ts';
import { contentUuid, DISCLAIMER } from '../export/common.ts';
import { medicationRequests } from '../export/fhir.ts';
import { stepLine } from '../export/note.ts';
import { SOURCES } from '../protocols/sources.ts';
import type { Card, Indicator } from './types.ts';

export interface CardOptions {
  /** The web app's URL, for the prefill link and the card source. */
  readonly appUrl: string;
  readonly draft: MedicationRequest;
}

const SUMMARY_MAX = 140;
const GAP_SOURCE = 'pqa-pdc';

function clip(text: string): string {
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1)}…`;
}

function sourceTitles(ids: readonly string[]): string {
  return ids.map((id) => SOURCES[id]?.title ?? id).join('; ');
}

export function indicatorOf(plan: RestartPlan): Indicator {
  if (plan.tolerance.status === 'lost' || plan.warnings.some((warning) => warning.severity === 'critical')) return 'critical';
  if (plan.tolerance.status === 'reduced' || plan.warnings.some((warning) => warning.severity === 'warning')) return 'warning';
  return 'info';
}

function gapLines(line: ProductLineHistory): string[] {
  const out: string[] = [];
  const coverage = line.coverage;
  if (coverage?.lastCoveredDay) {
    out.push(
      `**Break from dispensing:** supply ran out after ${coverage.lastCoveredDay}; ${line.missedDays} day${line.missedDays === 1 ? '' : 's'} without supply before ${line.request.restartDate}. ` +
        `Counted from ${line.fills.length} dispense${line.fills.length === 1 ? '' : 's'} (days' supply from the date handed over, overlapping fills carried forward${coverage.carriedForwardDays ? `: ${coverage.carriedForwardDays} days` : ''}; ${SOURCES[GAP_SOURCE]!.title}).`,
    );
  } else if (line.request.lastDoseDate) {
    out.push(`**Break from the record:** last reported use ${line.request.lastDoseDate}; ${line.missedDays} days without use before ${line.request.restartDate}.`);
  }
  return out;
}

function provenanceLines(line: ProductLineHistory): string[] {
  return Object.entries(line.provenance)
    .filter(([field]) => field !== 'restartDate')
    .map(([field, from]) => `- \`${field}\`: ${from}`);
}

function problemLines(uninterpreted: readonly Uninterpreted[]): string[] {
  if (uninterpreted.length === 0) return [];
  return ['**Could not be interpreted (check in Retitrate):**', ...uninterpreted.map((item) => `- ${item.resource} \`${item.element}\`: ${item.message}`)];
}

const CHECK_FACTORS = 'Patient risk factors (hepatic, renal, respiratory, sleep apnea, overdose history, substance use) were not read from the record: they count as absent until entered in Retitrate.';

function link(appUrl: string, line: ProductLineHistory) {
  return { label: 'Open this restart in Retitrate (form prefilled; correct any value)', url: prefillUrl(appUrl, { request: { ...line.request }, provenance: line.provenance }), type: 'absolute' as const };
}

/** The card for a plan. */
export function planCard(plan: RestartPlan, line: ProductLineHistory, uninterpreted: readonly Uninterpreted[], options: CardOptions): Card {
  const first = plan.steps[0]!;
  const indicator = indicatorOf(plan);
  const tolerance = plan.tolerance.status === 'lost' ? 'tolerance lost' : plan.tolerance.status === 'reduced' ? 'tolerance reduced' : plan.tolerance.status === 'retained' ? 'tolerance retained' : 'restart rules apply';
  const summary = clip(`${plan.displayName} restart after ${plan.daysOff} days off (${tolerance}): start at most ${stepLine(first).replace(/ \(.*\)$/, '')}`);
  const equivalent = plan.prior.dailyEquivalent ? ` = ${formatAmount(plan.prior.dailyEquivalent.amount)} ${plan.prior.dailyEquivalent.unit}${plan.prior.dailyEquivalent.unit === 'MME' ? '/day' : ' daily'}` : '';
  const detail = [
    DISCLAIMER,
    '',
    ...gapLines(line),
    `**Before the break:** ${formatAmount(plan.prior.dailyDose.amount)} ${plan.prior.dailyDose.unit} daily${equivalent}. Missed days ${plan.missedDays}: ${tolerance}.`,
    '',
    '**Ceiling schedule** (each step a ceiling; titrate to effect beneath it):',
    ...plan.steps.map((step) => `- from ${step.start}: ${stepLine(step)}${step.checkpoint ? ` (checkpoint${step.checkpointReason ? `: ${step.checkpointReason}` : ''})` : ''}`),
    '',
    ...(plan.warnings.length ? ['**Warnings:**', ...plan.warnings.map((warning) => `- ${warning.severity.toUpperCase()} ${warning.message} (Sources: ${sourceTitles(warning.sources)})`), ''] : []),
    ...(plan.assumptions.length ? ['**Engine assumptions used:**', ...plan.assumptions.map((text) => `- ${text}`), ''] : []),
    '**Read from the record:**',
    ...provenanceLines(line),
    '',
    ...problemLines(uninterpreted),
    CHECK_FACTORS,
  ].join('\n');
  const proposal = medicationRequests(plan)[0]!;
  const draft = options.draft;
  const replacement: MedicationRequest = {
    ...proposal,
    ...(draft.id ? { id: draft.id } : {}),
    status: 'draft',
    intent: draft.intent ?? 'order',
    subject: draft.subject,
    ...(draft.encounter ? { encounter: draft.encounter } : {}),
    ...(draft.requester ? { requester: draft.requester } : {}),
    ...(draft.authoredOn ? { authoredOn: draft.authoredOn } : {}),
  };
  delete (replacement as { groupIdentifier?: unknown }).groupIdentifier;
  const key = `${plan.drug}|${plan.formulation}|${first.start}|${first.administrations.join('+')}|${draft.id ?? ''}`;
  return {
    uuid: contentUuid(`card|${key}`),
    summary,
    detail,
    indicator,
    source: { label: 'Retitrate (conservative restart schedules)', url: options.appUrl },
    suggestions: [
      {
        label: clip(`Replace the draft with the first step: ${stepLine(first)}`),
        uuid: contentUuid(`suggestion|${key}`),
        isRecommended: indicator === 'critical',
        actions: [{ type: draft.id ? 'update' : 'create', description: `First step of the restart schedule (ceiling ${stepLine(first)}; review the quantity to dispense).`, resource: replacement }],
      },
    ],
    selectionBehavior: 'at-most-one',
    links: [link(options.appUrl, line)],
  };
}

/** A card when the break is known but no plan could be made (the regimen could not be read, or the engine refused). */
export function noPlanCard(line: ProductLineHistory, result: PlanResult | null, uninterpreted: readonly Uninterpreted[], options: CardOptions): Card {
  const errors: readonly FieldError[] = result && !result.ok ? result.errors : [];
  const refusal = result && !result.ok ? result.refusal : undefined;
  const name = line.drug.displayName;
  const summary = refusal
    ? clip(`${name}: Retitrate will not plan this restart — ${refusal.message}`)
    : clip(`${name} restart after ${line.missedDays} days without supply: the prior regimen needs checking before a schedule can be given`);
  const detail = [
    DISCLAIMER,
    '',
    ...gapLines(line),
    ...(refusal
      ? [
          `**Refused (no schedule is given):** ${refusal.message} (Sources: ${sourceTitles(refusal.reasonSources)})`,
          ...(refusal.earliestPlanDate ? [`Earliest date a plan can be made: ${refusal.earliestPlanDate}.`] : []),
          ...(refusal.alternative ? [`Instead: ${refusal.alternative}`] : []),
          ...refusal.warnings.map((warning) => `- ${warning.severity.toUpperCase()} ${warning.message} (Sources: ${sourceTitles(warning.sources)})`),
        ]
      : []),
    ...(errors.length && !refusal ? ['**What is missing or out of range:**', ...errors.map((error) => `- \`${error.path}\`: ${error.message}`)] : []),
    ...(!result ? ['**The prior regimen (dose and times a day) could not be read from the record.**'] : []),
    '',
    '**Read from the record:**',
    ...provenanceLines(line),
    '',
    ...problemLines(uninterpreted),
    CHECK_FACTORS,
  ].join('\n');
  return {
    uuid: contentUuid(`card|no-plan|${line.drug.id}|${line.formulation}|${line.request.restartDate}|${options.draft.id ?? ''}`),
    summary,
    detail,
    // Without a plan the tolerance status is unknown: a refusal is critical, anything else a warning to check.
    indicator: refusal ? 'critical' : 'warning',
    source: { label: 'Retitrate (conservative restart schedules)', url: options.appUrl },
    links: [link(options.appUrl, line)],
  };
}
