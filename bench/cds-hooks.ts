/**
 * Benchmark of the CDS Hooks service on loopback: requests per second and p99 latency (autocannon,
 * 10 s each) for a typical order-sign (ER oxycodone restarted after a 27-day break, 24 months of
 * dispensing history). Prints numbers; asserts nothing.
 *
 * 1. With prefetch (how EHRs usually call): the service runs in its own process (`tsx server/cds-hooks.ts`).
 * 2. Without prefetch: the service fetches the history from Medplum's in-memory FHIR server; FHIR
 *    server, service and load generator share this process, so the figure is a floor.
 */
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/cds-hooks/app.ts';
import { serviceOptions } from '../server/options.ts';
import { fixtureLookup } from '../tests/ehr/fixtures.ts';
import { startLoopbackFhir } from '../tests/ehr/loopback-fhir.ts';
import { ER_OPIOID_GAP, RESTART_DATE, draftOrder, hookRequest, syntheticPatients } from '../tests/ehr/synthetic-patients.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

async function load(url: string, body: string, connections = CONNECTIONS, seconds = SECONDS): Promise<{ rps: number; p99: number; p50: number; non2xx: number; errors: number; total: number; connections: number; seconds: number }> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: seconds, connections });
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, non2xx: result.non2xx, errors: result.errors, total: result.requests.total, connections, seconds };
}

function report(label: string, figures: Awaited<ReturnType<typeof load>> & { connections: number; seconds: number }) {
  console.log(
    `bench: cds-hooks ${label}: ${Math.round(figures.rps)} requests/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms (${figures.total} requests in ${figures.seconds} s, ${figures.connections} connections; non-2xx ${figures.non2xx}, errors ${figures.errors})`,
  );
}

const fhir = await startLoopbackFhir();
await fhir.seed(syntheticPatients());
const get = async (path: string) => (await fetch(`${fhir.baseUrl}/${path}`, { headers: { Authorization: `Bearer ${fhir.token}` } })).json();
const prefetch = {
  patient: await get(`Patient/${ER_OPIOID_GAP}`),
  dispenses: await get(`MedicationDispense?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
  requests: await get(`MedicationRequest?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
  statements: await get(`MedicationStatement?patient=Patient/${ER_OPIOID_GAP}&_count=500`),
};
const dispenses = (prefetch.dispenses as { entry?: unknown[] }).entry?.length ?? 0;
const draft = draftOrder(ER_OPIOID_GAP, '1860157');
const withPrefetch = JSON.stringify(hookRequest('order-sign', ER_OPIOID_GAP, [draft], { prefetch }));
console.log(`bench: cds-hooks request: order-sign, ${dispenses} dispenses over 24 months, ${(withPrefetch.length / 1024).toFixed(1)} KB with prefetch, restart ${RESTART_DATE}`);

// 1. The service in its own process, with prefetch. The fixture RxNorm table is not loaded there, so
// the request is coded as the EHR codes it and resolves through ingredient codes only when the
// product table is absent; to measure the same work as the tests, the child loads the fixture table.
const port = 3000 + Math.floor(Math.random() * 2000);
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cds-hooks-child.ts'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  child.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('listening')) resolve();
  });
  child.once('exit', (code) => reject(new Error(`service exited (${code})`)));
});
const check = await fetch(`http://127.0.0.1:${port}/cds-services/retitrate-restart-sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: withPrefetch });
const cards = ((await check.json()) as { cards: { indicator: string }[] }).cards;
console.log(`bench: cds-hooks answer: ${check.status}, ${cards.length} card (${cards.map((card) => card.indicator).join(', ')})`);
const target = `http://127.0.0.1:${port}/cds-services/retitrate-restart-sign`;
await load(target, withPrefetch, CONNECTIONS, 2); // warm-up (JIT), not reported
report('order-sign with prefetch (service in its own process)', await load(target, withPrefetch));
child.kill();

// 2. Without prefetch: the service fetches from the loopback FHIR server.
const app = createApp(serviceOptions({ fhirOrigins: [fhir.origin], lookup: fixtureLookup, today: () => RESTART_DATE }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cds-services/retitrate-restart-sign`;
const withoutPrefetch = JSON.stringify(hookRequest('order-sign', ER_OPIOID_GAP, [draft], { fhirServer: fhir.baseUrl, fhirAuthorization: { access_token: fhir.token, token_type: 'Bearer' } }));
report('order-sign fetching from the loopback FHIR server (FHIR server, service and load in one process)', await load(local, withoutPrefetch, 2));
server.close();
await fhir.close();
