/**
 * The plan as a FHIR R4 Bundle (type `collection`) of MedicationRequest resources. Pure; no network.
 *
 * Choices:
 * - ONE MedicationRequest PER STEP. A step is a distinct order (its own product, dose and dates; a plan
 *   may move from one product to another), and per-step resources keep each `boundsPeriod` and
 *   `maxDosePerPeriod` (the daily ceiling) unambiguous. The steps share a `groupIdentifier` (a URN
 *   derived from the plan content), so a receiving system can see they belong together.
 * - Within a step, one `dosageInstruction` per distinct administration amount (all with the same
 *   `sequence`, i.e. concurrent): an uneven day such as 10 + 5 + 5 mg becomes 10 mg once daily plus
 *   5 mg twice daily.
 * - `status: draft`, `intent: proposal`: a proposal for a prescriber, never an order.
 * - `subject` is required: a display-only Reference ("Anonymous patient") with no reference, no
 *   identifier and no contained Patient. Retitrate holds no patient data, and a contained Patient would
 *   invite one; the receiving system links the proposal to its own patient.
 * - `medicationCodeableConcept`: the RxNorm ingredient code from the protocol data.
 * - Doses in UCUM: `mg`; `mcg` → code `ug`; patch rates `mcg/h` → code `ug/h` (display `mcg/h`, ISMP).
 *   Patches are timed by wear time (once every `wearHours` hours) when the protocol gives it.
 * - A `note` carries the disclaimer, the step's rule and any checkpoint.
 */
import type { Bundle, Dosage, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import { formatDose } from '../engine/format.ts';
import { productFacts } from '../engine/products.ts';
import type { PlanStep, RestartPlan } from '../engine/types.ts';
import { DISCLAIMER, administrationsOf, contentUuid, planKey } from './common.ts';
import { stepLine } from './note.ts';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

export interface FhirOptions {
  /** authoredOn of every MedicationRequest (ISO date or date-time), when known. */
  readonly authoredOn?: string;
  /** Bundle.timestamp (ISO instant with time zone), when wanted. */
  readonly timestamp?: string;
}

const UCUM: Record<string, string> = { mg: 'mg', mcg: 'ug', 'mcg/h': 'ug/h' };

export function ucumQuantity(amount: string, unit: string): Quantity {
  const code = UCUM[unit];
  if (!code) throw new Error(`programmer error: no UCUM code for ${unit}`);
  return { value: Number(amount), unit, system: UCUM_SYSTEM, code };
}

function dosages(step: PlanStep, wearHours: number | undefined, patch: boolean): Dosage[] {
  const amounts = administrationsOf(step);
  const counts = new Map<string, number>();
  for (const amount of amounts) counts.set(amount, (counts.get(amount) ?? 0) + 1);
  const bounds = { start: step.start, ...(step.end ? { end: step.end } : {}) };
  return [...counts].map(([amount, frequency]) => {
    const repeat =
      patch && wearHours
        ? { boundsPeriod: bounds, frequency: 1, period: wearHours, periodUnit: 'h' as const }
        : { boundsPeriod: bounds, frequency, period: step.everyOtherDay ? 2 : 1, periodUnit: 'd' as const };
    const text = patch
      ? `${formatDose({ amount, unit: step.dose.unit })} patch${wearHours ? `, replaced every ${wearHours} hours` : ''}`
      : `${formatDose({ amount, unit: step.dose.unit })} ${frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`} ${step.everyOtherDay ? 'every other day' : 'daily'}`;
    return {
      sequence: 1,
      text: `${text} (step total: ${stepLine(step)})`,
      timing: { repeat },
      doseAndRate: [{ doseQuantity: ucumQuantity(amount, step.dose.unit) }],
      ...(patch
        ? {}
        : {
            maxDosePerPeriod: {
              numerator: ucumQuantity(step.dailyDose.amount, step.dailyDose.unit),
              denominator: { value: step.everyOtherDay ? 2 : 1, unit: 'd', system: UCUM_SYSTEM, code: 'd' },
            },
          }),
    };
  });
}

/** One MedicationRequest per plan step. */
export function medicationRequests(plan: RestartPlan, options: FhirOptions = {}): MedicationRequest[] {
  const group = `urn:uuid:${contentUuid(planKey(plan))}`;
  return plan.steps.map((step, index) => {
    const facts = productFacts(step.drug, step.formulation);
    if (!facts) throw new Error(`programmer error: unknown product ${step.drug} ${step.formulation}`);
    const patch = facts.formulation.unitForm === 'patch';
    const notes = [DISCLAIMER, `Step ${index + 1} of ${plan.steps.length}; rule: ${step.rule}.`];
    if (step.checkpoint) notes.push(`Checkpoint: ${step.checkpointReason ?? 'reassess before this step.'}`);
    return {
      resourceType: 'MedicationRequest',
      id: `retitrate-step-${index + 1}`,
      status: 'draft',
      intent: 'proposal',
      groupIdentifier: { system: 'urn:ietf:rfc:3986', value: group },
      medicationCodeableConcept: {
        coding: [{ system: RXNORM_SYSTEM, code: facts.rxnorm, display: facts.drug.genericName }],
        text: `${facts.displayName} ${facts.formulation.name}`,
      },
      subject: { display: 'Anonymous patient (Retitrate holds no patient identifiers)' },
      ...(options.authoredOn ? { authoredOn: options.authoredOn } : {}),
      note: notes.map((text) => ({ text })),
      dosageInstruction: dosages(step, facts.wearHours, patch),
    } satisfies MedicationRequest;
  });
}

/** The Bundle (type `collection`) with one entry per step, fullUrl `urn:uuid:…` from the content. */
export function planToFhirBundle(plan: RestartPlan, options: FhirOptions = {}): Bundle<MedicationRequest> {
  const key = planKey(plan);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    entry: medicationRequests(plan, options).map((resource, index) => ({
      fullUrl: `urn:uuid:${contentUuid(`${key}|${index}`)}`,
      resource,
    })),
  };
}
