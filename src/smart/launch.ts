/**
 * The SMART on FHIR launch (loaded only on a launch URL, with a deploy-time config): authorize, then
 * read the patient and their MedicationDispense / MedicationRequest / MedicationStatement resources from
 * the EHR's FHIR server, work out the prior regimen and the break (src/ehr), and hand the result to the
 * form as a prefill link. Read-only: nothing is written back; nothing goes anywhere but the FHIR server.
 */
import FHIR from 'fhirclient';
import type { MedicationDispense, MedicationRequest, MedicationStatement, Patient } from '@medplum/fhirtypes';
import { defaultMedicationIndex } from '../ehr/drugs.ts';
import { readRecord } from '../ehr/history.ts';
import { encodePrefill } from '../ehr/prefill.ts';
import type { SmartConfig } from './config.ts';

export type LaunchOutcome = { readonly kind: 'redirecting' } | { readonly kind: 'prefilled'; readonly hash: string } | { readonly kind: 'error'; readonly message: string };

export async function launch(config: SmartConfig, location: Location, today: string): Promise<LaunchOutcome> {
  const params = new URLSearchParams(location.search);
  if (params.has('iss')) {
    const iss = params.get('iss')!;
    let origin = '';
    try {
      origin = new URL(iss).origin;
    } catch {
      return { kind: 'error', message: 'The launch gave an invalid FHIR server address.' };
    }
    if (!config.fhirOrigins.includes(origin)) return { kind: 'error', message: `This deployment is not configured for the FHIR server at ${origin}.` };
    await FHIR.oauth2.authorize({ clientId: config.clientId, scope: config.scope, redirectUri: config.redirectUri ?? location.pathname, iss });
    return { kind: 'redirecting' };
  }
  const client = await FHIR.oauth2.ready();
  const patientId = client.patient.id;
  if (!patientId) return { kind: 'error', message: 'The EHR did not give a patient for this launch.' };
  const search = (type: string) => client.request<(MedicationDispense | MedicationRequest | MedicationStatement)[]>(`${type}?patient=Patient/${encodeURIComponent(patientId)}&_count=500`, { pageLimit: 0, flat: true });
  const [patient, dispenses, requests, statements] = await Promise.all([
    client.patient.read() as Promise<Patient>,
    search('MedicationDispense') as Promise<MedicationDispense[]>,
    search('MedicationRequest') as Promise<MedicationRequest[]>,
    search('MedicationStatement') as Promise<MedicationStatement[]>,
  ]);
  const reading = readRecord({ patient, dispenses, requests, statements }, today, defaultMedicationIndex());
  // The drug restarted after a break, when there is one; else the most recent.
  const line = reading.lines.find((candidate) => (candidate.missedDays ?? 0) >= 1) ?? reading.lines[0];
  const notes = reading.uninterpreted.map((item) => `${item.resource} ${item.element}: ${item.message}`);
  if (!line) return { kind: 'error', message: `No medicine Retitrate plans was found in this patient's record.${notes.length ? ` ${notes.join(' ')}` : ''}` };
  const others = reading.lines.filter((other) => other !== line).map((other) => `Also in the record: ${other.drug.displayName} (${other.formulation}), last supply ${other.request.lastDoseDate ?? 'unknown'}.`);
  return { kind: 'prefilled', hash: encodePrefill({ request: { ...line.request }, provenance: line.provenance, notes: [...notes, ...others] }) };
}
