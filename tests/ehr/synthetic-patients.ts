/**
 * Synthetic patients (no real data) for the CDS Hooks tests and benchmark: 24 months of dispensing,
 * restarting on 2026-11-28.
 */
import type { Bundle, MedicationRequest, Resource } from '@medplum/fhirtypes';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { concept, dispense, mgDose, order, patient, tablets } from './fixtures.ts';

export const RESTART_DATE = '2026-11-28';

function fills(patientId: string, code: string, dosage: ReturnType<typeof tablets>, lastFill: string, count: number, options: { everyDays?: number; daysSupply?: number; quantity?: number } = {}) {
  const every = options.everyDays ?? 30;
  return Array.from({ length: count }, (_, index) =>
    dispense({
      code,
      date: addCalendarDays(lastFill, -(count - 1 - index) * every),
      patient: patientId,
      dosage,
      ...(options.quantity !== undefined ? { quantity: options.quantity } : { daysSupply: options.daysSupply ?? 30 }),
    }),
  );
}

/** ER oxycodone 10 mg every 12 hours for 24 months; supply ran out 31 October (27 days before the restart). */
export const ER_OPIOID_GAP = 'syn-er-gap';
/** IR oxycodone 5 mg every 6 hours, filled by quantity, refills to date: no gap. */
export const IR_OPIOID_NO_GAP = 'syn-ir-nogap';
/** IR oxycodone with a gap, and alprazolam still supplied. */
export const IR_OPIOID_GAP_BENZO = 'syn-ir-gap-benzo';
/** Alprazolam 1 mg three times a day; supply ran out 20 days before the restart. */
export const BENZO_GAP = 'syn-benzo-gap';
/** Sertraline 100 mg daily (ingredient-coded, dose in mg); 10 days without supply. */
export const ANTIDEPRESSANT_GAP = 'syn-antidepressant-gap';

export function syntheticPatients(): Resource[] {
  const twelveHourly = tablets(1, { everyHours: 12 });
  const sixHourly = tablets(1, { everyHours: 6 });
  return [
    patient(ER_OPIOID_GAP, '1968-03-14'),
    ...fills(ER_OPIOID_GAP, '1860157', twelveHourly, '2026-10-02', 24),
    patient(IR_OPIOID_NO_GAP, '1980-07-01'),
    ...fills(IR_OPIOID_NO_GAP, '1049621', sixHourly, '2026-11-20', 24, { quantity: 120, everyDays: 28 }),
    patient(IR_OPIOID_GAP_BENZO, '1975-11-30'),
    ...fills(IR_OPIOID_GAP_BENZO, '1049621', sixHourly, '2026-10-10', 12, { quantity: 120 }),
    ...fills(IR_OPIOID_GAP_BENZO, '197321', tablets(1, { timesPerDay: 3 }), '2026-11-20', 12),
    patient(BENZO_GAP, '1959-01-09'),
    ...fills(BENZO_GAP, '197321', tablets(1, { timesPerDay: 3 }), '2026-10-09', 6),
    patient(ANTIDEPRESSANT_GAP, '1990-04-22'),
    ...fills(ANTIDEPRESSANT_GAP, '36437', mgDose(100, 1), '2026-10-19', 24),
  ];
}

/** A draft order as the EHR sends it in context.draftOrders. */
export function draftOrder(patientId: string, code: string, id = 'draft-1'): MedicationRequest {
  return {
    ...order({ id, code, authoredOn: RESTART_DATE, status: 'draft', patient: patientId, dosage: tablets(1, { everyHours: 12 }) }),
    medicationCodeableConcept: concept(code),
  };
}

export function hookRequest(hook: 'order-sign' | 'order-select', patientId: string, drafts: readonly MedicationRequest[], extra: Record<string, unknown> = {}) {
  const draftOrders: Bundle = { resourceType: 'Bundle', type: 'collection', entry: drafts.map((resource) => ({ resource })) };
  return {
    hook,
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: {
      userId: 'Practitioner/example',
      patientId,
      draftOrders,
      ...(hook === 'order-select' ? { selections: drafts.map((draft) => `MedicationRequest/${draft.id}`) } : {}),
    },
    ...extra,
  };
}
