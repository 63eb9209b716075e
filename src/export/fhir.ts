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
 * - `medicationCodeableConcept`: when every administration of the step is made of one strength, that strength's
 *   RxNorm clinical drug (SCD, orderable) first and the ingredient code second; otherwise (no SCD in the
 *   protocol data, or a step made of several strengths, which one MedicationRequest cannot order) the
 *   ingredient code alone, with a note naming each strength's SCD.
 * - `route`: SNOMED CT route code of the formulation (FHIR SNOMED CT Route Codes value set).
 * - Doses in UCUM: `mg`; `mcg` → code `ug`. A patch's rate is a `rateQuantity` in `mcg/h` → UCUM `ug/h` (display
 *   `mcg/h`, ISMP), not a dose. Patches are timed by wear time (once every `wearHours` hours) when the protocol
 *   gives it.
 * - Critical warnings of the plan become DetectedIssue resources (status preliminary, severity high, code =
 *   the warning code, detail = its message), contained in every MedicationRequest and referenced from its
 *   `detectedIssue` (`#retitrate-issue-1`, …): contained, so each proposal carries its issues and the reference
 *   resolves without a server (a urn:uuid reference cannot be type-checked by validators); repeated in `note`.
 * - A `note` carries the disclaimer, the step's rule and any checkpoint, and how as-needed doses fit beneath the
 *   step's daily ceiling (`asNeededAllowance`).
 * - An as-needed step (`step.asNeeded`, a regimen resumed product by product) has `asNeededBoolean: true`; its
 *   timing is then the most administrations a day, with `maxDosePerPeriod` the daily ceiling.
 */
import type { Bundle, CodeableConcept, DetectedIssue, Dosage, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import { clinicalDrugCode } from '../engine/clinicalDrugCodes.ts';
import { D } from '../engine/decimal.ts';
import { formatDose, formatLiquidDose } from '../engine/format.ts';
import { productFacts, type ProductFacts } from '../engine/products.ts';
import { makeExactly } from '../engine/strengths.ts';
import type { PlanStep, PlanWarning, RestartPlan } from '../engine/types.ts';
import { ROUTE_CODES } from '../protocols/route-codes.ts';
import { DISCLAIMER, administrationsOf, contentUuid, planKey } from './common.ts';
import { stepLine } from './note.ts';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** Code system of Retitrate's warning codes (NALOXONE, OPIOID_TOLERANCE_LOST, …) in DetectedIssue.code. */
export const WARNING_CODE_SYSTEM = 'https://retitrate.invalid/fhir/CodeSystem/plan-warning';

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

function dosages(step: PlanStep, facts: ProductFacts, patch: boolean): Dosage[] {
  const wearHours = facts.wearHours;
  const routeCode = ROUTE_CODES[facts.formulation.route];
  const route: CodeableConcept = { coding: [{ system: routeCode.system, code: routeCode.code, display: routeCode.display }], text: routeCode.display };
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
      : step.asNeeded
        ? `${facts.formulation.liquid ? formatLiquidDose(amount, facts.formulation.liquid, step.dose.unit) : formatDose({ amount, unit: step.dose.unit })} as needed, up to ${frequency} ${frequency === 1 ? 'dose' : 'doses'} a day`
        : `${facts.formulation.liquid ? formatLiquidDose(amount, facts.formulation.liquid, step.dose.unit) : formatDose({ amount, unit: step.dose.unit })} ${frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`} ${step.everyOtherDay ? 'every other day' : 'daily'}`;
    return {
      sequence: 1,
      text: `${text} (step total: ${stepLine(step)})`,
      timing: { repeat },
      // An as-needed step: the timing is the most a day, not a schedule.
      ...(step.asNeeded ? { asNeededBoolean: true } : {}),
      route,
      doseAndRate: [patch ? { rateQuantity: ucumQuantity(amount, step.dose.unit) } : { doseQuantity: ucumQuantity(amount, step.dose.unit) }],
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

/** The strengths (amount strings) the step's administrations are made of, largest first; empty when one cannot be made. */
export function stepStrengths(step: PlanStep, facts: ProductFacts): readonly string[] {
  const strengths = new Set<string>();
  for (const amount of new Set(administrationsOf(step))) {
    const made = makeExactly(new D(amount), facts.formulation.strengths);
    if (!made) return [];
    for (const unit of made.units) strengths.add(unit.strength);
  }
  return [...strengths].sort((a, b) => new D(b).cmp(new D(a)));
}

/** The step's medication: its strength's SCD when it has exactly one strength with a code, else the ingredient. */
export function stepMedication(step: PlanStep, facts: ProductFacts): { readonly concept: CodeableConcept; readonly notes: readonly string[] } {
  const ingredient = { system: RXNORM_SYSTEM, code: facts.rxnorm, display: facts.drug.genericName };
  const text = `${facts.displayName} ${facts.formulation.name}`;
  const strengths = stepStrengths(step, facts);
  const coded = strengths.map((strength) => ({ strength, code: clinicalDrugCode(step.drug, step.formulation, strength) }));
  const only = coded.length === 1 ? coded[0]!.code : null;
  if (only) {
    return {
      // An oral liquid's name carries its concentration (its one strength is a measuring step, not a product strength).
      concept: { coding: [{ system: RXNORM_SYSTEM, code: only.scd.code, display: only.scd.name }, ingredient], text: facts.formulation.liquid ? text : `${text} ${formatDose({ amount: coded[0]!.strength, unit: step.dose.unit })}` },
      notes: [],
    };
  }
  const known = coded.filter((c) => c.code);
  const notes = known.length
    ? [`Strengths used in this step (RxNorm clinical drug): ${known.map((c) => `${formatDose({ amount: c.strength, unit: step.dose.unit })} ${c.code!.scd.code} (${c.code!.scd.name})`).join('; ')}.`]
    : [];
  return { concept: { coding: [ingredient], text }, notes };
}

/** The plan's critical warnings as DetectedIssue resources (ids retitrate-issue-1, …). */
export function detectedIssues(plan: RestartPlan, options: FhirOptions = {}): DetectedIssue[] {
  return criticalWarnings(plan).map((warning, index) => ({
    resourceType: 'DetectedIssue',
    id: `retitrate-issue-${index + 1}`,
    status: 'preliminary',
    severity: 'high',
    code: { coding: [{ system: WARNING_CODE_SYSTEM, code: warning.code }], text: warning.code },
    detail: warning.message,
    ...(options.authoredOn ? { identifiedDateTime: options.authoredOn } : {}),
  }));
}

function criticalWarnings(plan: RestartPlan): readonly PlanWarning[] {
  return plan.warnings.filter((warning) => warning.severity === 'critical');
}

/** One MedicationRequest per plan step; each contains the plan's critical warnings as DetectedIssues. */
export function medicationRequests(plan: RestartPlan, options: FhirOptions = {}): MedicationRequest[] {
  const group = `urn:uuid:${contentUuid(planKey(plan))}`;
  const critical = criticalWarnings(plan);
  const issues = detectedIssues(plan, options);
  const issueRefs = issues.map((issue) => ({ reference: `#${issue.id!}`, display: issue.code!.text! }));
  return plan.steps.map((step, index) => {
    const facts = productFacts(step.drug, step.formulation);
    if (!facts) throw new Error(`programmer error: unknown product ${step.drug} ${step.formulation}`);
    const patch = facts.formulation.unitForm === 'patch';
    const medication = stepMedication(step, facts);
    const notes = [DISCLAIMER, `Step ${index + 1} of ${plan.steps.length}; rule: ${step.rule}.`, ...medication.notes];
    if (step.asNeededAllowance) notes.push(`As needed within this step's daily ceiling: ${step.asNeededAllowance.text}`);
    if (step.checkpoint) notes.push(`Checkpoint: ${step.checkpointReason ?? 'reassess before this step.'}`);
    for (const warning of critical) notes.push(`Critical warning ${warning.code}: ${warning.message}`);
    return {
      resourceType: 'MedicationRequest',
      id: `retitrate-step-${index + 1}`,
      status: 'draft',
      intent: 'proposal',
      groupIdentifier: { system: 'urn:ietf:rfc:3986', value: group },
      medicationCodeableConcept: medication.concept,
      subject: { display: 'Anonymous patient (Retitrate holds no patient identifiers)' },
      ...(options.authoredOn ? { authoredOn: options.authoredOn } : {}),
      ...(issues.length ? { contained: issues, detectedIssue: issueRefs } : {}),
      note: notes.map((text) => ({ text })),
      dosageInstruction: dosages(step, facts, patch),
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
