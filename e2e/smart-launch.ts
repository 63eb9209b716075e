/**
 * Browser test: the app launched with SMART on FHIR (EHR launch) against a real FHIR server, Medplum's
 * in-memory repository on loopback with a fake authorization server, in Debian Chromium. The build gets
 * a deploy-time SMART config naming that server's origin. Run: `npx tsx e2e/smart-launch.ts`.
 */
import { writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, startPreview, viteBuild } from './gates/lib.mjs';
import { startLoopbackFhir } from '../tests/ehr/loopback-fhir.ts';
import { ANTIDEPRESSANT_GAP, BENZO_GAP, ER_OPIOID_GAP, syntheticPatients } from '../tests/ehr/synthetic-patients.ts';

const FHIR_PORT = Number(process.env.SMART_FHIR_PORT ?? 48123);
const APP_PORT = Number(process.env.SMART_APP_PORT ?? 4183);
let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const fhir = await startLoopbackFhir('smart-e2e-token', FHIR_PORT);
await fhir.seed(syntheticPatients());
const configPath = 'artifacts/smart.config.e2e.json';
writeFileSync(configPath, JSON.stringify({ clientId: 'retitrate-e2e', scope: 'launch patient/*.read', fhirOrigins: [fhir.origin], redirectUri: '/' }));
await viteBuild({ outDir: 'dist-smart', env: { RETITRATE_SMART_CONFIG: configPath } });
const preview = await startPreview({ outDir: 'dist-smart', port: APP_PORT });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const hosts = new Set<string>();
  page.on('request', (request) => hosts.add(new URL(request.url()).host));

  // Sertraline, coded by its RxNorm ingredient with the dose in mg (the shipped app resolves ingredient codes).
  fhir.launchPatient = ANTIDEPRESSANT_GAP;
  await page.goto(`http://127.0.0.1:${APP_PORT}/?iss=${encodeURIComponent(fhir.baseUrl)}&launch=e2e-launch`);
  const notice = page.getByRole('region', { name: /Filled in from the patient's record/ });
  await notice.waitFor({ timeout: 30_000 });
  check('EHR launch: the form is prefilled from the record', (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === 'sertraline');
  check('dose from the dispenses (100 mg)', (await page.getByLabel('Dose per administration', { exact: true }).inputValue()) === '100');
  check('times per day (1)', (await page.getByLabel('Times per day', { exact: true }).inputValue()) === '1');
  check('last dose = last day covered (2026-10-19 + 30 days − 1)', (await page.getByLabel('Last dose date', { exact: true }).inputValue()) === '2026-11-17');
  check('prior duration = 24 monthly fills, 720 days', (await page.getByLabel('Days taken before the break', { exact: true }).inputValue()) === '720');
  check('provenance shown per value', (await notice.textContent())!.includes('MedicationDispense/'));
  check('the launch parameters are gone from the address bar', !page.url().includes('code=') && !page.url().includes('#request'));
  check('only the app and the FHIR server were contacted', [...hosts].every((host) => host === `127.0.0.1:${APP_PORT}` || host === `127.0.0.1:${FHIR_PORT}`), [...hosts].join(', '));
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  check('axe: no WCAG 2.1 AA violations on the prefilled form', axe.violations.length === 0, axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; '));
  await page.getByLabel('Dose per administration', { exact: true }).fill('50');
  check('the clinician can correct a value', (await page.getByLabel('Dose per administration', { exact: true }).inputValue()) === '50');

  // ER oxycodone coded by its SCD (in the protocol table of product codes).
  fhir.launchPatient = ER_OPIOID_GAP;
  await page.goto(`http://127.0.0.1:${APP_PORT}/?iss=${encodeURIComponent(fhir.baseUrl)}&launch=e2e-launch-2`);
  await page.getByRole('region', { name: /Filled in from the patient's record/ }).waitFor({ timeout: 30_000 });
  check('ER oxycodone by SCD: drug', (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === 'oxyCODONE');
  check('ER oxycodone: the extended-release form', (await page.getByLabel('Formulation').inputValue()) === 'er');
  check('ER oxycodone: 10 mg twice a day', (await page.getByLabel('Dose per administration', { exact: true }).inputValue()) === '10' && (await page.getByLabel('Times per day', { exact: true }).inputValue()) === '2');
  check('ER oxycodone: last dose 2026-10-31', (await page.getByLabel('Last dose date', { exact: true }).inputValue()) === '2026-10-31');

  // Alprazolam coded by its SCD (the benzodiazepine codes of the protocol tables).
  fhir.launchPatient = BENZO_GAP;
  await page.goto(`http://127.0.0.1:${APP_PORT}/?iss=${encodeURIComponent(fhir.baseUrl)}&launch=e2e-launch-3`);
  await page.getByRole('region', { name: /Filled in from the patient's record/ }).waitFor({ timeout: 30_000 });
  check('ALPRAZolam by SCD: drug', (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === 'ALPRAZolam');
  check('ALPRAZolam: 1 mg three times a day', (await page.getByLabel('Dose per administration', { exact: true }).inputValue()) === '1' && (await page.getByLabel('Times per day', { exact: true }).inputValue()) === '3');

  // Without a launch URL the app starts as always (no request to the FHIR server).
  hosts.clear();
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  await page.getByRole('combobox', { name: 'Drug' }).waitFor();
  check('no launch URL: no request beyond the app', [...hosts].every((host) => host === `127.0.0.1:${APP_PORT}`), [...hosts].join(', '));
} finally {
  await browser.close();
  await preview.stop();
  await fhir.close();
}
console.log(`smart-launch: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
