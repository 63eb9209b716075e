/** The services this CDS Hooks endpoint offers (discovery), and the prefetch they ask for. */
import type { ServiceDefinition } from './types.ts';

/** What a restart check needs: the patient (age) and the medication history. */
export const PREFETCH = Object.freeze({
  patient: 'Patient/{{context.patientId}}',
  dispenses: 'MedicationDispense?patient=Patient/{{context.patientId}}&_count=500',
  requests: 'MedicationRequest?patient=Patient/{{context.patientId}}&_count=500',
  statements: 'MedicationStatement?patient=Patient/{{context.patientId}}&_count=500',
});

const DESCRIPTION =
  'When a draft order restarts an opioid, benzodiazepine, antidepressant or another drug with restart rules after a break in supply (from dispensing), gives a conservative restart schedule: first step, ceiling steps, warnings with sources, and a replacement order for the first step. Decision aid only.';

export const SERVICES: readonly ServiceDefinition[] = Object.freeze([
  { hook: 'order-select', id: 'retitrate-restart-select', title: 'Retitrate: restart after a break (order select)', description: DESCRIPTION, prefetch: PREFETCH },
  { hook: 'order-sign', id: 'retitrate-restart-sign', title: 'Retitrate: restart after a break (order sign)', description: DESCRIPTION, prefetch: PREFETCH },
]);

export function serviceById(id: string): ServiceDefinition | undefined {
  return SERVICES.find((service) => service.id === id);
}
