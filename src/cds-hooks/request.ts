/** Checks a hook request against CDS Hooks 2.0 (required fields per hook); each problem in plain words. */
import type { HookRequest, ServiceDefinition } from './types.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function hookRequestProblems(body: unknown, service: ServiceDefinition): string[] {
  const problems: string[] = [];
  if (!isRecord(body)) return ['The body must be a JSON object (a CDS Hooks request).'];
  if (body.hook !== service.hook) problems.push(`"hook" must be "${service.hook}" for service ${service.id}; got ${JSON.stringify(body.hook ?? null)}.`);
  if (typeof body.hookInstance !== 'string' || body.hookInstance === '') problems.push('"hookInstance" (a UUID string) is required.');
  if (body.fhirServer !== undefined && (typeof body.fhirServer !== 'string' || !/^https?:\/\//.test(body.fhirServer))) problems.push('"fhirServer" must be an http(s) URL.');
  if (body.fhirAuthorization !== undefined) {
    const auth = body.fhirAuthorization;
    if (!isRecord(auth) || typeof auth.access_token !== 'string' || auth.token_type !== 'Bearer') problems.push('"fhirAuthorization" must have "access_token" and "token_type": "Bearer".');
    if (body.fhirServer === undefined) problems.push('"fhirAuthorization" was sent without "fhirServer".');
  }
  if (body.prefetch !== undefined && body.prefetch !== null && !isRecord(body.prefetch)) problems.push('"prefetch" must be an object keyed by the prefetch template names.');
  const context = body.context;
  if (!isRecord(context)) {
    problems.push('"context" (an object) is required.');
    return problems;
  }
  if (typeof context.userId !== 'string' || context.userId === '') problems.push('"context.userId" is required.');
  if (typeof context.patientId !== 'string' || context.patientId === '') problems.push('"context.patientId" is required.');
  const drafts = context.draftOrders;
  if (!isRecord(drafts) || drafts.resourceType !== 'Bundle') problems.push('"context.draftOrders" (a FHIR Bundle) is required.');
  else if (drafts.entry !== undefined && !Array.isArray(drafts.entry)) problems.push('"context.draftOrders.entry" must be an array.');
  if (service.hook === 'order-select') {
    if (!Array.isArray(context.selections) || context.selections.some((item) => typeof item !== 'string')) problems.push('"context.selections" (an array of "ResourceType/id" strings) is required for order-select.');
  }
  return problems;
}

export function asHookRequest(body: unknown): HookRequest {
  return body as HookRequest;
}
