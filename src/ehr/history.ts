/**
 * A patient's medication record (FHIR MedicationDispense, MedicationRequest, MedicationStatement) →
 * Retitrate restart requests, one per product line (drug + formulation), each value with where it came
 * from and every element that could not be interpreted. Pure: the resources and the restart date are
 * inputs. Rules and limits: docs/ehr-integration.md.
 */
import { Decimal } from 'decimal.js';
import type { Dosage, Medication, MedicationDispense, MedicationRequest, MedicationStatement, Patient } from '@medplum/fhirtypes';
import { addCalendarDays, calendarDaysBetween, parseCalendarDate } from '../engine/dates.ts';
import { coverageOf } from './coverage.ts';
import { readDosage, type DosageReading } from './dosage.ts';
import { medicationConcept, resolveConcept, type MedicationIndex, type ResolvedMedication } from './rxnorm.ts';
import type { Coverage, EhrDrug, Fill, Uninterpreted } from './types.ts';

export interface MedicationRecord {
  readonly dispenses?: readonly MedicationDispense[];
  readonly requests?: readonly MedicationRequest[];
  readonly statements?: readonly MedicationStatement[];
  readonly medications?: readonly Medication[];
  readonly patient?: Patient;
}

/** The request fields the record can fill (the JSON contract's input shape). */
export interface PrefilledRequest {
  drug: string;
  formulation: string;
  prior?: { dose: string; unit: string; timesPerDay: number; asNeeded?: boolean };
  priorDurationDays?: number;
  lastDoseDate?: string;
  restartDate: string;
  patient?: { ageYears: number };
  concurrent?: string[];
}

export interface ProductLineHistory {
  readonly drug: EhrDrug;
  readonly formulation: string;
  /** The draft request and where each value came from, keyed by request path (`prior.dose`, …). */
  readonly request: PrefilledRequest;
  readonly provenance: Readonly<Record<string, string>>;
  readonly coverage: Coverage | null;
  /** Whole days from the last covered day to the restart date, less one (the engine's missed days); null when unknown. */
  readonly missedDays: number | null;
  /** Fills counted, in date order. */
  readonly fills: readonly Fill[];
}

export interface RecordReading {
  readonly lines: readonly ProductLineHistory[];
  readonly uninterpreted: readonly Uninterpreted[];
}

interface Entry {
  readonly ref: string;
  readonly kind: 'dispense' | 'request' | 'statement';
  readonly date: string | null;
  readonly medication: Extract<ResolvedMedication, { kind: 'product' | 'ingredient' }>;
  readonly formulation: string;
  readonly dosage: readonly Dosage[] | undefined;
  readonly resource: MedicationDispense | MedicationRequest | MedicationStatement;
}

const COUNTED_DISPENSE = new Set(['completed']);
const REGIMEN_REQUEST = new Set(['active', 'completed', 'stopped', 'on-hold']);
const REGIMEN_STATEMENT = new Set(['active', 'completed', 'stopped', 'intended', 'on-hold']);

function refOf(resource: { resourceType: string; id?: string }): string {
  return resource.id ? `${resource.resourceType}/${resource.id}` : resource.resourceType;
}

/** The calendar date (yyyy-MM-dd) of a FHIR date or dateTime, or null. */
export function calendarDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = value.slice(0, 10);
  return parseCalendarDate(date) ? date : null;
}

function daysOf(quantity: { value?: number; unit?: string; code?: string } | undefined): number | null {
  if (!quantity || typeof quantity.value !== 'number' || !(quantity.value > 0)) return null;
  const unit = (quantity.code ?? quantity.unit ?? '').toLowerCase();
  if (!['d', 'day', 'days', ''].includes(unit) && !['d', 'day', 'days'].includes((quantity.unit ?? '').toLowerCase())) return null;
  return Math.floor(quantity.value);
}

function formulationOf(medication: Entry['medication']): string {
  return medication.kind === 'product' ? medication.product.formulation : medication.drug.defaultFormulation;
}

function productFor(drug: EhrDrug, formulationId: string, medication: Entry['medication']) {
  const formulation = drug.formulations.find((item) => item.id === formulationId)!;
  return { unit: formulation.unit, unitForm: formulation.unitForm, ...(medication.kind === 'product' ? { strength: medication.product.strength } : {}) };
}

function describeReading(reading: DosageReading): string {
  return `${reading.text ? `"${reading.text}" → ` : ''}${reading.dose} ${reading.unit} ${reading.timesPerDay} time${reading.timesPerDay === 1 ? '' : 's'} a day${reading.asNeeded ? ' as needed' : ''}${reading.notes.length ? ` (${reading.notes.join('; ')})` : ''}`;
}

/** Reads every resource of the record and groups them by product line. */
export function readRecord(record: MedicationRecord, restartDate: string, index: MedicationIndex): RecordReading {
  const uninterpreted: Uninterpreted[] = [];
  const medications = new Map((record.medications ?? []).filter((m) => m.id).map((m) => [`Medication/${m.id}`, m]));
  const entries: Entry[] = [];
  const requestsById = new Map<string, MedicationRequest>();

  const take = (
    resource: MedicationDispense | MedicationRequest | MedicationStatement,
    kind: Entry['kind'],
    date: string | null,
    dosage: readonly Dosage[] | undefined,
  ) => {
    const ref = refOf(resource);
    const concept = medicationConcept(resource, medications);
    const medication = resolveConcept(concept, index);
    if (medication.kind === 'unknown') {
      // Not a drug Retitrate plans: other medicines are not read (and not reported unless RxNorm-coded at all).
      if (medication.codes.length === 0) uninterpreted.push({ resource: ref, element: 'medication', message: `no RxNorm code${medication.display ? ` ("${medication.display}")` : ''}: the medicine could not be identified` });
      return;
    }
    if (medication.kind === 'ingredient' && medication.drug.formulations.length > 1) {
      uninterpreted.push({
        resource: ref,
        element: 'medication',
        message: `RxNorm ${medication.code} names the ingredient only (${medication.drug.displayName}), not the product: read as the ${medication.drug.formulations.find((f) => f.id === medication.drug.defaultFormulation)?.name ?? medication.drug.defaultFormulation}; check the formulation and strength`,
      });
    }
    entries.push({ ref, kind, date, medication, formulation: formulationOf(medication), dosage, resource });
  };

  for (const request of record.requests ?? []) {
    if (request.id) requestsById.set(`MedicationRequest/${request.id}`, request);
    if (!REGIMEN_REQUEST.has(request.status ?? '') || request.intent === 'proposal' || request.intent === 'plan') continue;
    take(request, 'request', calendarDate(request.authoredOn), request.dosageInstruction);
  }
  for (const dispense of record.dispenses ?? []) {
    const ref = refOf(dispense);
    if (!COUNTED_DISPENSE.has(dispense.status ?? '')) {
      if (dispense.status !== 'entered-in-error') uninterpreted.push({ resource: ref, element: 'status', message: `status ${dispense.status ?? 'missing'}: not counted as supply` });
      continue;
    }
    const date = calendarDate(dispense.whenHandedOver) ?? calendarDate(dispense.whenPrepared);
    if (!date) {
      uninterpreted.push({ resource: ref, element: 'whenHandedOver', message: 'no date handed over: not counted as supply' });
      continue;
    }
    if (date >= restartDate) continue;
    take(dispense, 'dispense', date, dispense.dosageInstruction);
  }
  for (const statement of record.statements ?? []) {
    if (!REGIMEN_STATEMENT.has(statement.status ?? '')) continue;
    take(statement, 'statement', calendarDate(statement.effectivePeriod?.end ?? statement.effectiveDateTime ?? statement.dateAsserted), statement.dosage);
  }

  const lines = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = `${entry.medication.drug.id}|${entry.formulation}`;
    lines.set(key, [...(lines.get(key) ?? []), entry]);
  }
  const histories = [...lines.values()].map((lineEntries) => lineHistory(lineEntries, requestsById, restartDate, record.patient, uninterpreted));
  // Concurrent medicines: other drugs still supplied on the day before the restart.
  const dayBefore = addCalendarDays(restartDate, -1);
  const current = new Set(histories.filter((line) => line.coverage?.lastCoveredDay && line.coverage.lastCoveredDay >= dayBefore).map((line) => line.drug.id));
  const withConcurrent = histories.map((line) => {
    const concurrent = [...current].filter((id) => id !== line.drug.id).sort();
    if (concurrent.length === 0) return line;
    return {
      ...line,
      request: { ...line.request, concurrent },
      provenance: { ...line.provenance, concurrent: `dispensing covering ${dayBefore} (the day before the restart): ${concurrent.join(', ')}` },
    };
  });
  withConcurrent.sort((a, b) => (b.coverage?.lastCoveredDay ?? b.request.lastDoseDate ?? '').localeCompare(a.coverage?.lastCoveredDay ?? a.request.lastDoseDate ?? ''));
  const seen = new Set<string>();
  const unique = uninterpreted.filter((item) => {
    const key = `${item.resource}|${item.element}|${item.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { lines: withConcurrent, uninterpreted: unique };
}

function byDateDescending(a: Entry, b: Entry): number {
  return (b.date ?? '').localeCompare(a.date ?? '');
}

function lineHistory(
  entries: readonly Entry[],
  requestsById: ReadonlyMap<string, MedicationRequest>,
  restartDate: string,
  patient: Patient | undefined,
  uninterpreted: Uninterpreted[],
): ProductLineHistory {
  const first = entries[0]!;
  const drug = first.medication.drug;
  const formulation = first.formulation;
  const provenance: Record<string, string> = {};
  const request: PrefilledRequest = { drug: drug.id, formulation, restartDate };
  provenance.drug = `${first.ref}: RxNorm ${first.medication.code} (${first.medication.display})`;
  provenance.restartDate = 'the restart date asked for (the new order\'s start, or today)';

  // The regimen: the latest dispense's instruction, or its prescription's, then the latest order, then the patient's statement.
  const dispenses = entries.filter((entry) => entry.kind === 'dispense').sort(byDateDescending);
  const orders = entries.filter((entry) => entry.kind === 'request').sort(byDateDescending);
  const statements = entries.filter((entry) => entry.kind === 'statement').sort(byDateDescending);
  const readingOf = (entry: Entry): { reading: DosageReading; from: string } | null => {
    const product = productFor(drug, formulation, entry.medication);
    const own = readDosage(entry.dosage, product);
    if (own.ok) return { reading: own.reading, from: entry.ref };
    if (entry.kind === 'dispense') {
      const authorizing = (entry.resource as MedicationDispense).authorizingPrescription?.map((ref) => requestsById.get(ref.reference ?? '')).find(Boolean);
      if (authorizing) {
        const read = readDosage(authorizing.dosageInstruction, product);
        if (read.ok) return { reading: read.reading, from: `${refOf(authorizing)} (prescription of ${entry.ref})` };
      }
    }
    if (entry.dosage && entry.dosage.length > 0) uninterpreted.push({ resource: entry.ref, element: 'dosageInstruction', message: own.message });
    return null;
  };
  let regimen: { reading: DosageReading; from: string } | null = null;
  for (const entry of [...dispenses, ...orders, ...statements]) {
    regimen = readingOf(entry);
    if (regimen) break;
  }

  // Coverage from dispensing.
  const fills: Fill[] = [];
  for (const entry of [...dispenses].reverse()) {
    const dispense = entry.resource as MedicationDispense;
    const supply = daysOf(dispense.daysSupply);
    if (supply !== null) {
      fills.push({ date: entry.date!, days: supply, from: `${entry.ref}: ${supply} days' supply from ${entry.date}` });
      continue;
    }
    const own = readingOf(entry) ?? regimen;
    const quantity = dispense.quantity?.value;
    if (typeof quantity === 'number' && quantity > 0 && own?.reading.unitsPerDay) {
      // Rounded to 6 places first: a patch every 72 hours is a third of a patch a day, inexact in decimal.
      const days = new Decimal(quantity).div(own.reading.unitsPerDay).toDecimalPlaces(6).floor().toNumber();
      fills.push({ date: entry.date!, days, from: `${entry.ref}: quantity ${quantity} ÷ ${own.reading.unitsPerDay.toDecimalPlaces(2).toString()} a day = ${days} days from ${entry.date}` });
      continue;
    }
    uninterpreted.push({ resource: entry.ref, element: 'daysSupply', message: 'neither days supply nor a quantity with a readable daily dose: not counted as supply' });
  }
  const coverage = fills.length > 0 ? coverageOf(fills, restartDate) : null;

  if (regimen) {
    const { reading } = regimen;
    let timesPerDay = reading.timesPerDay;
    let note = '';
    if (reading.asNeeded) {
      // As needed: the doses a day actually dispensed, when the last fill says (lower of the two).
      const last = dispenses[0]?.resource as MedicationDispense | undefined;
      const supply = daysOf(last?.daysSupply);
      const quantity = last?.quantity?.value;
      if (last && supply && typeof quantity === 'number' && reading.unitsPerDay) {
        const unitsPerAdministration = reading.unitsPerDay.div(reading.timesPerDay);
        const taken = new Decimal(quantity).div(supply).div(unitsPerAdministration).toDecimalPlaces(6).floor().toNumber();
        if (taken >= 1 && taken < timesPerDay) {
          timesPerDay = taken;
          note = `; as needed: ${quantity} dispensed for ${supply} days = ${taken} doses a day (fewer than the ${reading.timesPerDay} allowed)`;
        }
      }
    }
    request.prior = { dose: reading.dose, unit: reading.unit, timesPerDay, ...(reading.asNeeded ? { asNeeded: true } : {}) };
    provenance.prior = `${regimen.from}: ${describeReading(reading)}${note}`;
  }

  let missedDays: number | null = null;
  if (coverage?.lastCoveredDay) {
    request.lastDoseDate = coverage.lastCoveredDay;
    request.priorDurationDays = coverage.finalSpanDays;
    const carried = coverage.carriedForwardDays > 0 ? `, ${coverage.carriedForwardDays} overlapping days carried forward` : '';
    provenance.lastDoseDate = `last day covered by dispensing (${fills.length} fill${fills.length === 1 ? '' : 's'}${carried}; break from ${coverage.breakStart})`;
    provenance.priorDurationDays = `days of continuous supply ending ${coverage.lastCoveredDay} (from ${coverage.spans.at(-1)!.start})`;
    missedDays = Math.max(0, calendarDaysBetween(coverage.lastCoveredDay, restartDate) - 1);
  } else {
    const statement = statements.find((entry) => (entry.resource as MedicationStatement).effectivePeriod?.end);
    const period = (statement?.resource as MedicationStatement | undefined)?.effectivePeriod;
    const end = calendarDate(period?.end);
    if (statement && end && end < restartDate) {
      request.lastDoseDate = end;
      provenance.lastDoseDate = `${statement.ref}: effectivePeriod.end (reported use, no dispensing)`;
      const start = calendarDate(period?.start);
      if (start && start <= end) {
        request.priorDurationDays = calendarDaysBetween(start, end) + 1;
        provenance.priorDurationDays = `${statement.ref}: effectivePeriod ${start} to ${end}`;
      }
      missedDays = Math.max(0, calendarDaysBetween(end, restartDate) - 1);
    }
  }

  const birth = calendarDate(patient?.birthDate);
  if (birth && birth <= restartDate) {
    const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
    const [ry, rm, rd] = restartDate.split('-').map(Number) as [number, number, number];
    const age = ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
    request.patient = { ageYears: age };
    provenance['patient.ageYears'] = `${refOf(patient!)}: birthDate ${birth}`;
  }
  return { drug, formulation, request, provenance, coverage, missedDays, fills };
}
