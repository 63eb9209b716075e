import { serve, type ServerType } from '@hono/node-server';
import { validateResource } from '@medplum/core';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from '../../src/cds-hooks/app.ts';
import { indicatorOf } from '../../src/cds-hooks/cards.ts';
import { SERVICES } from '../../src/cds-hooks/services.ts';
import type { Card } from '../../src/cds-hooks/types.ts';
import { decodePrefill } from '../../src/ehr/prefill.ts';
import { planRestart } from '../../src/engine/index.ts';
import { serviceOptions } from '../../server/options.ts';
import { fixtureLookup } from './fixtures.ts';
import { startLoopbackFhir, type LoopbackFhir } from './loopback-fhir.ts';
import {
  ANTIDEPRESSANT_GAP,
  BENZO_GAP,
  ER_OPIOID_GAP,
  IR_OPIOID_GAP_BENZO,
  IR_OPIOID_NO_GAP,
  RESTART_DATE,
  draftOrder,
  hookRequest,
  syntheticPatients,
} from './synthetic-patients.ts';

const APP_URL = 'https://retitrate.example/app/';
let fhir: LoopbackFhir;
let server: ServerType;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  fhir = await startLoopbackFhir();
  await fhir.seed(syntheticPatients());
  const app = createApp(
    serviceOptions({ appUrl: APP_URL, fhirOrigins: [fhir.origin], lookup: fixtureLookup, today: () => RESTART_DATE, log: (line) => logs.push(line) }),
  );
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fhir.close();
});

async function call(serviceId: string, body: unknown): Promise<{ status: number; body: { cards?: Card[]; error?: string } }> {
  const response = await fetch(`${base}/cds-services/${serviceId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const withServer = (extra: Record<string, unknown> = {}) => ({ fhirServer: fhir.baseUrl, fhirAuthorization: { access_token: fhir.token, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'retitrate' }, ...extra });

/** Card shape per CDS Hooks 2.0 (required fields, enumerations, limits). */
function expectSpecCard(card: Card) {
  expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof card.summary).toBe('string');
  expect(card.summary.length).toBeLessThan(141);
  expect(['info', 'warning', 'critical']).toContain(card.indicator);
  expect(card.source.label).toBeTruthy();
  if (card.suggestions) {
    expect(card.selectionBehavior).toBe('at-most-one');
    for (const suggestion of card.suggestions) {
      expect(suggestion.label).toBeTruthy();
      for (const action of suggestion.actions) {
        expect(['create', 'update', 'delete']).toContain(action.type);
        expect(action.description).toBeTruthy();
        expect(validateResource(action.resource!)).toEqual([]);
      }
    }
  }
  for (const link of card.links ?? []) {
    expect(link.type).toBe('absolute');
    expect(link.url.startsWith(APP_URL)).toBe(true);
  }
}

describe('CDS Hooks discovery', () => {
  it('GET /cds-services lists an order-select and an order-sign service with the prefetch templates', async () => {
    const response = await fetch(`${base}/cds-services`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.services.map((service: { hook: string }) => service.hook)).toEqual(['order-select', 'order-sign']);
    for (const service of body.services) {
      expect(service).toMatchObject({ id: expect.any(String), description: expect.any(String) });
      expect(service.prefetch).toEqual({
        patient: 'Patient/{{context.patientId}}',
        dispenses: 'MedicationDispense?patient=Patient/{{context.patientId}}&_count=500',
        requests: 'MedicationRequest?patient=Patient/{{context.patientId}}&_count=500',
        statements: 'MedicationStatement?patient=Patient/{{context.patientId}}&_count=500',
      });
    }
    expect(body.services).toEqual(JSON.parse(JSON.stringify(SERVICES)));
  });
});

describe('order-sign: a draft that restarts a drug after a break', () => {
  it('ER oxycodone after 27 days without supply, fetched from the FHIR server with the bearer token: one critical card', async () => {
    const before = fhir.requests;
    const { status, body } = await call('retitrate-restart-sign', hookRequest('order-sign', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')], withServer()));
    expect(status).toBe(200);
    expect(fhir.requests - before).toBe(4); // patient, dispenses, requests, statements
    expect(body.cards).toHaveLength(1);
    const card = body.cards![0]!;
    expectSpecCard(card);
    expect(card.indicator).toBe('critical');
    expect(card.summary).toContain('oxyCODONE restart after 28 days off (tolerance lost)');
    expect(card.detail).toContain('supply ran out after 2026-10-31; 27 days without supply before 2026-11-28');
    expect(card.detail).toContain('24 dispenses');
    expect(card.detail).toContain('PQA Proportion of Days Covered');
    // The warnings with their sources.
    expect(card.detail).toMatch(/CRITICAL .*Sources: .+/);
    // The suggestion replaces the draft (same id, same patient) with the first step, an immediate-release product.
    const action = card.suggestions![0]!.actions[0]!;
    expect(action.type).toBe('update');
    expect(action.resource).toMatchObject({ resourceType: 'MedicationRequest', id: 'draft-1', status: 'draft', intent: 'order', subject: { reference: `Patient/${ER_OPIOID_GAP}` } });
    expect(action.resource!.medicationCodeableConcept!.text).toContain('immediate-release');
    // The link carries the prefilled request; planning it gives the card's plan.
    const payload = decodePrefill(new URL(card.links![0]!.url).hash)!;
    expect(payload.request).toEqual({
      drug: 'oxycodone',
      formulation: 'er',
      prior: { dose: '10', unit: 'mg', timesPerDay: 2 },
      priorDurationDays: 720,
      lastDoseDate: '2026-10-31',
      restartDate: RESTART_DATE,
      patient: { ageYears: 58 },
    });
    expect(payload.provenance!['lastDoseDate']).toContain('24 fills');
    const plan = planRestart(payload.request);
    expect(plan.ok && indicatorOf(plan.plan)).toBe('critical');
    expect(plan.ok && plan.plan.tolerance.status).toBe('lost');
  });

  it('the same answer from prefetch, without any call to the FHIR server', async () => {
    const token = { Authorization: `Bearer ${fhir.token}` };
    const get = async (path: string) => (await fetch(`${fhir.baseUrl}/${path}`, { headers: token })).json();
    const prefetch = {
      patient: await get(`Patient/${ER_OPIOID_GAP}`),
      dispenses: await get(`MedicationDispense?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
      requests: await get(`MedicationRequest?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
      statements: await get(`MedicationStatement?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
    };
    const fetched = await call('retitrate-restart-sign', hookRequest('order-sign', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')], withServer()));
    const before = fhir.requests;
    const prefetched = await call('retitrate-restart-sign', hookRequest('order-sign', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')], { prefetch }));
    expect(fhir.requests).toBe(before);
    expect(prefetched.body).toEqual(fetched.body);
  });

  it('IR oxycodone with alprazolam still supplied: the benzodiazepine is a concurrent medicine and its warning is on the card', async () => {
    const { body } = await call('retitrate-restart-sign', hookRequest('order-sign', IR_OPIOID_GAP_BENZO, [draftOrder(IR_OPIOID_GAP_BENZO, '1049621')], withServer()));
    const card = body.cards![0]!;
    expectSpecCard(card);
    expect(card.indicator).toBe('critical');
    const payload = decodePrefill(new URL(card.links![0]!.url).hash)!;
    expect(payload.request['concurrent']).toEqual(['alprazolam']);
    const plan = planRestart(payload.request);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const warning = plan.plan.warnings.find((item) => item.code === 'OPIOID_BENZODIAZEPINE')!;
    expect(warning.severity).toBe('critical');
    expect(card.detail).toContain(`CRITICAL ${warning.message}`);
  });

  it.each([
    ['a benzodiazepine', BENZO_GAP, '197321', 'alprazolam'],
    ['an antidepressant (ingredient code, dose in mg)', ANTIDEPRESSANT_GAP, '36437', 'sertraline'],
  ])('%s after a break: a card whose indicator follows the plan', async (_name, patientId, code, drug) => {
    const { body } = await call('retitrate-restart-sign', hookRequest('order-sign', patientId, [draftOrder(patientId, code)], withServer()));
    expect(body.cards).toHaveLength(1);
    const card = body.cards![0]!;
    expectSpecCard(card);
    const payload = decodePrefill(new URL(card.links![0]!.url).hash)!;
    expect(payload.request['drug']).toBe(drug);
    const plan = planRestart(payload.request);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(card.indicator).toBe(indicatorOf(plan.plan));
    expect(card.suggestions![0]!.actions[0]!.resource!.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity!.value).toBe(Number(plan.plan.steps[0]!.dose.amount));
  });

  it('no card when supply continues to the restart date', async () => {
    const { status, body } = await call('retitrate-restart-sign', hookRequest('order-sign', IR_OPIOID_NO_GAP, [draftOrder(IR_OPIOID_NO_GAP, '1049621')], withServer()));
    expect(status).toBe(200);
    expect(body).toEqual({ cards: [] });
  });

  it('no card for a drug Retitrate does not know, or a drug with no history', async () => {
    const unknown = { ...draftOrder(ER_OPIOID_GAP, '1860157'), medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '999999' }] } };
    expect((await call('retitrate-restart-sign', hookRequest('order-sign', ER_OPIOID_GAP, [unknown], withServer()))).body).toEqual({ cards: [] });
    expect((await call('retitrate-restart-sign', hookRequest('order-sign', BENZO_GAP, [draftOrder(BENZO_GAP, '1049621')], withServer()))).body).toEqual({ cards: [] });
  });

  it('a patient\'s answer reads only that patient\'s record', async () => {
    const { body } = await call('retitrate-restart-sign', hookRequest('order-sign', BENZO_GAP, [draftOrder(BENZO_GAP, '197321')], withServer()));
    const payload = decodePrefill(new URL(body.cards![0]!.links![0]!.url).hash)!;
    expect(payload.request['concurrent']).toBeUndefined();
    expect(payload.request['priorDurationDays']).toBe(180);
  });
});

describe('order-select', () => {
  it('assesses only the selected drafts', async () => {
    const selected = draftOrder(ER_OPIOID_GAP, '1860157', 'draft-selected');
    const other = draftOrder(ER_OPIOID_GAP, '1860157', 'draft-other');
    const request = hookRequest('order-select', ER_OPIOID_GAP, [selected, other], withServer());
    (request.context as { selections: string[] }).selections = ['MedicationRequest/draft-selected'];
    const { body } = await call('retitrate-restart-select', request);
    expect(body.cards).toHaveLength(1);
    expect(body.cards![0]!.suggestions![0]!.actions[0]!.resource!.id).toBe('draft-selected');
    (request.context as { selections: string[] }).selections = [];
    expect((await call('retitrate-restart-select', request)).body).toEqual({ cards: [] });
  });
});

describe('invalid hook requests', () => {
  const valid = () => hookRequest('order-sign', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')], withServer());
  it.each<readonly [string, () => unknown, number, string]>([
    ['not JSON', () => '{', 400, 'must be JSON'],
    ['the wrong hook', () => ({ ...valid(), hook: 'patient-view' }), 400, '"hook" must be "order-sign"'],
    ['no hookInstance', () => ({ ...valid(), hookInstance: undefined }), 400, '"hookInstance"'],
    ['no context', () => ({ ...valid(), context: undefined }), 400, '"context"'],
    ['no patientId', () => ({ ...valid(), context: { ...valid().context, patientId: undefined } }), 400, '"context.patientId"'],
    ['draftOrders not a Bundle', () => ({ ...valid(), context: { ...valid().context, draftOrders: [] } }), 400, '"context.draftOrders"'],
    ['a token without Bearer', () => ({ ...valid(), fhirAuthorization: { access_token: 'x', token_type: 'MAC' } }), 400, '"fhirAuthorization"'],
  ])('%s → %i with a clear message', async (_name, body, status, message) => {
    const response = await call('retitrate-restart-sign', body());
    expect(response.status).toBe(status);
    expect(response.body.error).toContain(message);
  });

  it('order-select without selections is 400', async () => {
    const request = hookRequest('order-select', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')], withServer());
    delete (request.context as { selections?: string[] }).selections;
    const response = await call('retitrate-restart-select', request);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain('"context.selections"');
  });

  it('an unknown service is 404, and its caller-given name never reaches the log', async () => {
    const before = logs.length;
    expect((await call('no-such-service%0Aforged-line', valid())).status).toBe(404);
    expect(logs.slice(before).join('\n')).not.toContain('forged');
    expect(logs.slice(before)).toEqual([expect.stringMatching(/^POST unknown-service 404 /)]);
  });

  it('a body above the size limit is 413', async () => {
    const response = await call('retitrate-restart-sign', JSON.stringify({ ...valid(), padding: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(response.status).toBe(413);
    expect(response.body.error).toContain('larger than');
  });

  it('no prefetch and no fhirServer: 412, naming what is missing', async () => {
    const response = await call('retitrate-restart-sign', hookRequest('order-sign', ER_OPIOID_GAP, [draftOrder(ER_OPIOID_GAP, '1860157')]));
    expect(response.status).toBe(412);
    expect(response.body.error).toContain('patient, dispenses, requests, statements');
  });

  it('a FHIR server outside the configured origins is not fetched from (412)', async () => {
    const response = await call('retitrate-restart-sign', { ...valid(), fhirServer: 'http://127.0.0.2:9/fhir' });
    expect(response.status).toBe(412);
    expect(response.body.error).toContain('not configured to fetch from http://127.0.0.2:9');
  });

  it('a token the FHIR server refuses: 502 naming the status, not the patient', async () => {
    const response = await call('retitrate-restart-sign', { ...valid(), fhirAuthorization: { access_token: 'wrong', token_type: 'Bearer' } });
    expect(response.status).toBe(502);
    expect(response.body.error).toMatch(/answered 401/);
    expect(response.body.error).not.toContain(ER_OPIOID_GAP);
  });
});

describe('logs', () => {
  it('carry the service, status and time, never patient data', () => {
    expect(logs.length).toBeGreaterThan(5);
    const all = logs.join('\n');
    for (const secret of [ER_OPIOID_GAP, BENZO_GAP, 'Practitioner/example', '1968-03-14', 'oxycodone', fhir.token]) expect(all).not.toContain(secret);
    expect(logs.some((line) => /^POST retitrate-restart-sign 200 cards=1 [\d.]+ ms$/.test(line))).toBe(true);
  });
});
