/**
 * One hook call: check the request, gather the record (prefetch, else the FHIR server with the bearer
 * token), assess each draft medication order, answer cards. Stateless; the clock, the fetch and the
 * planner are injected. Nothing from the request is logged or kept.
 */
import type { Bundle, Medication, MedicationDispense, MedicationRequest, MedicationStatement, Patient, Resource } from '@medplum/fhirtypes';
import { calendarDate, type MedicationRecord } from '../ehr/history.ts';
import { assessOrder } from '../ehr/restart.ts';
import { medicationConcept, type MedicationIndex } from '../ehr/rxnorm.ts';
import type { PlanResult } from '../engine/types.ts';
import { noPlanCard, planCard } from './cards.ts';
import { hookRequestProblems } from './request.ts';
import { PREFETCH, serviceById } from './services.ts';
import type { Card, HookRequest } from './types.ts';

export interface HookOptions {
  readonly appUrl: string;
  /** Today's date (yyyy-MM-dd) when a draft has no start date. */
  readonly today: () => string;
  readonly index: MedicationIndex;
  readonly plan: (request: unknown) => PlanResult;
  /** GET a FHIR URL as JSON; `null` status codes are errors. */
  readonly fetchJson: (url: string, token: string | undefined) => Promise<{ status: number; body: unknown }>;
  /** FHIR server origins the service may fetch from when prefetch is absent. */
  readonly allowedFhirOrigins: readonly string[];
  /** Most pages followed per search. */
  readonly maxPages?: number;
}

export interface HookResponse {
  readonly status: number;
  readonly body: unknown;
}

type PrefetchKey = keyof typeof PREFETCH;

class UpstreamError extends Error {}

const error = (status: number, message: string): HookResponse => ({ status, body: { error: message } });

function resourcesOf<T extends Resource>(value: unknown, type: T['resourceType']): T[] {
  if (!value || typeof value !== 'object') return [];
  const resource = value as Resource;
  if (resource.resourceType === type) return [resource as T];
  if (resource.resourceType !== 'Bundle') return [];
  return ((resource as Bundle).entry ?? []).map((entry) => entry.resource).filter((item): item is T => item?.resourceType === type);
}

async function fetchAll(url: string, token: string | undefined, options: HookOptions, what: string): Promise<Resource[]> {
  const out: Resource[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < (options.maxPages ?? 20); page++) {
    const response = await options.fetchJson(next, token);
    if (response.status < 200 || response.status >= 300) throw new UpstreamError(`The FHIR server answered ${response.status} to the ${what} request.`);
    const body = response.body as Resource;
    if (body?.resourceType === 'Bundle') {
      const bundle = body as Bundle;
      for (const entry of bundle.entry ?? []) if (entry.resource) out.push(entry.resource);
      next = bundle.link?.find((link) => link.relation === 'next')?.url;
    } else {
      if (body?.resourceType) out.push(body);
      next = undefined;
    }
  }
  return out;
}

async function gatherRecord(request: HookRequest, options: HookOptions): Promise<MedicationRecord | HookResponse> {
  const prefetch = request.prefetch ?? {};
  const values: Partial<Record<PrefetchKey, unknown>> = {};
  const missing: PrefetchKey[] = [];
  for (const key of Object.keys(PREFETCH) as PrefetchKey[]) {
    const value = prefetch[key];
    if (value === undefined || value === null) missing.push(key);
    else values[key] = value;
  }
  if (missing.length > 0) {
    if (!request.fhirServer) return error(412, `Prefetch ${missing.join(', ')} is missing and the request has no fhirServer to fetch it from.`);
    let origin: string;
    try {
      origin = new URL(request.fhirServer).origin;
    } catch {
      return error(400, '"fhirServer" is not a valid URL.');
    }
    if (!options.allowedFhirOrigins.includes(origin)) return error(412, `This service is not configured to fetch from ${origin} (set RETITRATE_FHIR_ORIGINS), and prefetch ${missing.join(', ')} is missing.`);
    const base = request.fhirServer.replace(/\/+$/, '');
    const token = request.fhirAuthorization?.access_token;
    try {
      await Promise.all(
        missing.map(async (key) => {
          const query = PREFETCH[key].replace(/\{\{context\.patientId\}\}/g, encodeURIComponent(request.context.patientId));
          values[key] = { resourceType: 'Bundle', type: 'collection', entry: (await fetchAll(`${base}/${query}`, token, options, key)).map((resource) => ({ resource })) };
        }),
      );
    } catch (caught) {
      if (caught instanceof UpstreamError) return error(502, caught.message);
      return error(502, 'The FHIR server could not be reached.');
    }
  }
  const bundles = [values.dispenses, values.requests, values.statements];
  return {
    patient: resourcesOf<Patient>(values.patient, 'Patient')[0],
    dispenses: resourcesOf<MedicationDispense>(values.dispenses, 'MedicationDispense'),
    requests: resourcesOf<MedicationRequest>(values.requests, 'MedicationRequest'),
    statements: resourcesOf<MedicationStatement>(values.statements, 'MedicationStatement'),
    medications: bundles.flatMap((bundle) => resourcesOf<Medication>(bundle, 'Medication')),
  };
}

/** The day the draft order starts: its dosage bounds, its validity period, its authored date, else today. */
export function draftStartDate(draft: MedicationRequest, today: string): string {
  const bounds = draft.dosageInstruction?.map((dosage) => calendarDate(dosage.timing?.repeat?.boundsPeriod?.start)).find(Boolean);
  return bounds ?? calendarDate(draft.dispenseRequest?.validityPeriod?.start) ?? calendarDate(draft.authoredOn) ?? today;
}

export async function handleHook(serviceId: string, body: unknown, options: HookOptions): Promise<HookResponse> {
  const service = serviceById(serviceId);
  if (!service) return error(404, `No CDS service "${serviceId}" here; see GET /cds-services.`);
  const problems = hookRequestProblems(body, service);
  if (problems.length > 0) return error(400, problems.join(' '));
  const request = body as HookRequest;
  const selections = new Set(request.context.selections ?? []);
  const drafts = (request.context.draftOrders.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is MedicationRequest => resource?.resourceType === 'MedicationRequest')
    .filter((draft) => service.hook !== 'order-select' || selections.has(`MedicationRequest/${draft.id}`));
  if (drafts.length === 0) return { status: 200, body: { cards: [] } };

  const record = await gatherRecord(request, options);
  if ('status' in record && 'body' in record) return record as HookResponse;
  const medicationRecord = record as MedicationRecord;
  const medications = new Map((medicationRecord.medications ?? []).filter((m) => m.id).map((m) => [`Medication/${m.id}`, m]));
  const cards: Card[] = [];
  for (const draft of drafts) {
    const restartDate = draftStartDate(draft, options.today());
    const assessment = assessOrder(medicationConcept(draft, medications), medicationRecord, restartDate, options.index);
    if (assessment.status !== 'restart-after-gap' || !assessment.line) continue;
    const line = assessment.line;
    const cardOptions = { appUrl: options.appUrl, draft };
    if (!line.request.prior) {
      cards.push(noPlanCard(line, null, assessment.uninterpreted, cardOptions));
      continue;
    }
    const result = options.plan(line.request);
    cards.push(result.ok ? planCard(result.plan, line, assessment.uninterpreted, cardOptions) : noPlanCard(line, result, assessment.uninterpreted, cardOptions));
  }
  return { status: 200, body: { cards } };
}
