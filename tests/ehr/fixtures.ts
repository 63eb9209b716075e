/**
 * Test fixtures for the EHR integration: the RxNorm lookup (the protocol table of product codes, plus a
 * small test-only table for products the protocol table has no code for yet) and FHIR resource builders
 * for synthetic patients.
 *
 * Codes: 1049621 (oxycodone 5 mg tablet) and 1860157 (abuse-deterrent 12 HR oxycodone 10 mg) are in the
 * protocol table (src/protocols/rxnorm-clinical-drugs.ts). Test-only, quoted from public FHIR test data,
 * not shipped: 1049502 "12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet" (the older,
 * non-abuse-deterrent SCD in the CDC opioid CDS test patients, cqframework/opioid-cds-r4) and 197321
 * "alprazolam 1 MG Oral Tablet" (public RxNorm extracts). Sertraline is coded by its ingredient (36437,
 * in the protocol data) with the dose in mg, to exercise the ingredient-only path.
 */
import type { Dosage, MedicationDispense, MedicationRequest, MedicationStatement, Patient } from '@medplum/fhirtypes';
import { defaultMedicationIndex, PROTOCOL_CLINICAL_DRUGS } from '../../src/ehr/drugs.ts';
import { clinicalDrugTable, RXNORM_SYSTEM } from '../../src/ehr/rxnorm.ts';
import type { ClinicalDrugLookup, ClinicalDrugProduct } from '../../src/ehr/types.ts';

/** Test-only codes (not in the protocol table). */
export const FIXTURE_PRODUCTS: readonly ClinicalDrugProduct[] = [
  { code: '1049502', drug: 'oxycodone', formulation: 'er', strength: '10' },
  { code: '197321', drug: 'alprazolam', formulation: 'ir', strength: '1' },
];
const fixtureTable = clinicalDrugTable(FIXTURE_PRODUCTS);
/** The protocol table, then the test-only codes. */
export const fixtureLookup: ClinicalDrugLookup = (code) => PROTOCOL_CLINICAL_DRUGS(code) ?? fixtureTable(code);
export const FIXTURE_DISPLAY: Readonly<Record<string, string>> = {
  '1049621': 'oxycodone hydrochloride 5 MG Oral Tablet',
  '1049502': '12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet',
  '1860157': 'Abuse-Deterrent 12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet',
  '197321': 'alprazolam 1 MG Oral Tablet',
  '36437': 'sertraline',
};
export const fixtureIndex = defaultMedicationIndex(fixtureLookup);

export const concept = (code: string) => ({ coding: [{ system: RXNORM_SYSTEM, code, display: FIXTURE_DISPLAY[code] ?? code }] });

/** "n tablets every h hours" or "n tablets f times a day". */
export function tablets(count: number, timing: { everyHours: number } | { timesPerDay: number }, extra: Partial<Dosage> = {}): Dosage {
  const repeat = 'everyHours' in timing ? { frequency: 1, period: timing.everyHours, periodUnit: 'h' as const } : { frequency: timing.timesPerDay, period: 1, periodUnit: 'd' as const };
  return {
    text: 'everyHours' in timing ? `${count} tablet(s) every ${timing.everyHours} hours` : `${count} tablet(s) ${timing.timesPerDay} times a day`,
    timing: { repeat },
    doseAndRate: [{ doseQuantity: { value: count, unit: 'tablet', system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' } }],
    ...extra,
  };
}

export function mgDose(mg: number, timesPerDay: number): Dosage {
  return {
    text: `${mg} mg ${timesPerDay} times a day`,
    timing: { repeat: { frequency: timesPerDay, period: 1, periodUnit: 'd' } },
    doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
  };
}

let serial = 0;
export interface DispenseOptions {
  readonly code: string;
  readonly date: string;
  readonly daysSupply?: number;
  readonly quantity?: number;
  readonly dosage?: Dosage;
  readonly status?: MedicationDispense['status'];
  readonly patient?: string;
  readonly prescription?: string;
}
export function dispense(options: DispenseOptions): MedicationDispense {
  serial += 1;
  return {
    resourceType: 'MedicationDispense',
    id: `d${serial}`,
    status: options.status ?? 'completed',
    medicationCodeableConcept: concept(options.code),
    subject: { reference: `Patient/${options.patient ?? 'p1'}` },
    whenHandedOver: `${options.date}T10:00:00Z`,
    ...(options.daysSupply !== undefined ? { daysSupply: { value: options.daysSupply, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } : {}),
    ...(options.quantity !== undefined ? { quantity: { value: options.quantity, unit: 'tablet' } } : {}),
    ...(options.dosage ? { dosageInstruction: [options.dosage] } : {}),
    ...(options.prescription ? { authorizingPrescription: [{ reference: `MedicationRequest/${options.prescription}` }] } : {}),
  };
}

export function order(options: { id?: string; code: string; authoredOn: string; dosage?: Dosage; status?: MedicationRequest['status']; intent?: MedicationRequest['intent']; patient?: string }): MedicationRequest {
  serial += 1;
  return {
    resourceType: 'MedicationRequest',
    id: options.id ?? `r${serial}`,
    status: options.status ?? 'active',
    intent: options.intent ?? 'order',
    medicationCodeableConcept: concept(options.code),
    subject: { reference: `Patient/${options.patient ?? 'p1'}` },
    authoredOn: options.authoredOn,
    ...(options.dosage ? { dosageInstruction: [options.dosage] } : {}),
  };
}

export function statement(options: { code: string; start: string; end: string; dosage?: Dosage; patient?: string }): MedicationStatement {
  serial += 1;
  return {
    resourceType: 'MedicationStatement',
    id: `s${serial}`,
    status: 'completed',
    medicationCodeableConcept: concept(options.code),
    subject: { reference: `Patient/${options.patient ?? 'p1'}` },
    effectivePeriod: { start: options.start, end: options.end },
    ...(options.dosage ? { dosage: [options.dosage] } : {}),
  };
}

export const patient = (id = 'p1', birthDate = '1972-05-20'): Patient => ({ resourceType: 'Patient', id, birthDate, name: [{ family: 'Synthetic', given: ['Test'] }] });

/** Monthly fills every `everyDays` days from `start`, `count` times. */
export function monthlyFills(options: Omit<DispenseOptions, 'date'> & { start: string; count: number; everyDays: number }, addDays: (date: string, days: number) => string): MedicationDispense[] {
  return Array.from({ length: options.count }, (_, index) => dispense({ ...options, date: addDays(options.start, index * options.everyDays) }));
}
