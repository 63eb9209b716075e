// Browser tests against the production build served by `vite preview` (run `npx vite build` first).
// Plain node script: playwright-core driving Debian chromium, axe-core for WCAG 2.1 AA.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ARTIFACTS = 'artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  detached: true,
  stdio: 'ignore',
});
let serverExited = false;
server.on('exit', () => {
  serverExited = true;
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    if (serverExited) throw new Error(`vite preview exited: is port ${PORT} already in use? (set E2E_PORT)`);
    try {
      const response = await fetch(ORIGIN);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not start on ${ORIGIN}`);
}

async function axe(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const details = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(`axe: no WCAG 2.1 AA violations on ${label}`, result.violations.length === 0, details.join('; '));
}

let browser;
try {
  await waitForServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const foreign = [];
  const consoleErrors = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!(url.protocol === 'data:' || url.host === `127.0.0.1:${PORT}`)) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  await page.goto(ORIGIN);
  await page.getByLabel('Drug').waitFor();
  check('app loads with the form', await page.getByRole('button', { name: 'New patient' }).isVisible());
  check('a new user sees the disclaimer', await page.getByRole('button', { name: 'I understand' }).isVisible());
  await axe(page, 'the empty form and disclaimer');

  await page.getByRole('button', { name: 'I understand' }).click();
  check('the disclaimer is acknowledged', (await page.getByRole('button', { name: 'I understand' }).count()) === 0);

  // Fill the form by label; the drug through the combobox with the keyboard.
  const drug = page.getByRole('combobox', { name: 'Drug' });
  await drug.fill('Roxi');
  await page.getByRole('option', { name: /oxyCODONE/ }).waitFor();
  await drug.press('ArrowDown');
  await axe(page, 'the open drug list');
  await drug.press('Enter');
  check('the drug combobox chooses oxyCODONE by brand name', (await drug.inputValue()) === 'oxyCODONE');
  await page.getByLabel('Formulation').selectOption({ label: /immediate-release/ }).catch(() => page.getByLabel('Formulation').selectOption('ir'));
  await page.getByLabel('Dose per administration').fill('10');
  await page.getByLabel('Times per day').fill('4');
  await page.getByLabel('Days taken before the break').fill('90');
  await page.getByLabel('Last dose date').fill('2026-11-01');
  await page.getByLabel('Restart date').fill('2026-11-28');
  await page.getByLabel('Age (years)').fill('54');
  const concurrent = page.getByRole('combobox', { name: 'Concurrent medicines' });
  await concurrent.fill('alpra');
  await concurrent.press('Enter');
  await page.getByLabel('Reason for the break').selectOption('incarceration');

  const table = page.getByRole('table', { name: 'Restart schedule' });
  await table.waitFor({ timeout: 5000 });
  const rows = await table.locator('tbody tr').count();
  check('the schedule appears with its steps', rows >= 2, `${rows} steps`);
  const firstRow = (await table.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
  check('the first step is the conservative restart (oxyCODONE 5 mg)', /oxyCODONE 5 mg/.test(firstRow), firstRow);
  check('critical warnings lead the plan', await page.getByRole('heading', { name: 'Critical warnings' }).isVisible());
  check('the disclaimer banner stays on the plan', await page.getByText('Decision aid, not a prescription.').isVisible());
  await page.getByRole('heading', { name: 'How this was calculated' }).waitFor();
  check('the derivation is shown', true);
  check(
    'a checkpoint is marked',
    (await table.locator('tr.checkpoint').count()) >= 1,
  );

  const names = ['Drug', 'Formulation', 'Dose per administration', 'Times per day', 'Days taken before the break', 'Last dose date', 'Restart date', 'Age (years)', 'Concurrent medicines', 'Reason for the break'];
  const counts = await Promise.all(names.map((name) => page.getByLabel(name).count()));
  check('each stable label names exactly one control', counts.every((n) => n === 1), names.map((n, i) => `${n}: ${counts[i]}`).join(', '));
  await page.screenshot({ path: `${ARTIFACTS}/plan-desktop.png`, fullPage: true });
  await axe(page, 'the plan');

  // Reload keeps the inputs.
  await page.reload();
  await page.getByRole('table', { name: 'Restart schedule' }).waitFor({ timeout: 5000 });
  const kept =
    (await page.getByLabel('Dose per administration').inputValue()) === '10' &&
    (await page.getByLabel('Last dose date').inputValue()) === '2026-11-01' &&
    (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === 'oxyCODONE';
  check('a reload keeps the inputs and the plan', kept);

  // A bad input shows its message beside its field.
  await page.getByLabel('Dose per administration').fill('7');
  const doseError = await page.locator('#dose-error').innerText().catch(() => '');
  check('a dose no tablet can make is explained beside the field', /cannot be made/.test(doseError), doseError);
  await axe(page, 'a field error');
  await page.getByLabel('Dose per administration').fill('10');

  // Phone viewport.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  phonePage.on('request', (request) => {
    const url = new URL(request.url());
    if (!(url.protocol === 'data:' || url.host === `127.0.0.1:${PORT}`)) foreign.push(request.url());
  });
  phonePage.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await phonePage.goto(ORIGIN);
  await phonePage.evaluate((state) => {
    for (const [key, value] of Object.entries(state)) localStorage.setItem(key, value);
  }, await page.evaluate(() => Object.fromEntries(Object.entries(localStorage))));
  await phonePage.reload();
  await phonePage.getByRole('table', { name: 'Restart schedule' }).waitFor({ timeout: 5000 });
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no horizontal scrolling at 390 px', overflow <= 0, `overflow ${overflow}px`);
  await phonePage.getByRole('heading', { name: 'How this was calculated' }).waitFor();
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone-full.png`, fullPage: true });
  await phonePage.getByRole('heading', { name: /Restart plan/ }).scrollIntoViewIfNeeded();
  await phonePage.evaluate(() => document.getElementById('plan-title')?.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone.png` });
  await phonePage.getByRole('table', { name: 'Restart schedule' }).evaluate((el) => el.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone-schedule.png` });
  await phonePage.setViewportSize({ width: 360, height: 740 });
  const overflow360 = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no horizontal scrolling at 360 px', overflow360 <= 0, `overflow ${overflow360}px`);
  await axe(phonePage, 'the plan on a phone');

  // Print stylesheet: the form is hidden; the banner, inputs and schedule stay.
  await page.emulateMedia({ media: 'print' });
  check(
    'print shows banner, inputs and schedule without the form',
    !(await page.getByRole('button', { name: 'New patient' }).isVisible()) &&
      (await page.getByText('Decision aid, not a prescription.').isVisible()) &&
      (await page.getByRole('heading', { name: 'Inputs' }).isVisible()) &&
      (await page.getByRole('table', { name: 'Restart schedule' }).isVisible()),
  );
  const pdf = await page.pdf({ path: `${ARTIFACTS}/plan-print.pdf`, format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  check('the printout is 1–2 A4 pages', pages >= 1 && pages <= 2, `${pages} pages`);
  await page.emulateMedia({ media: 'screen' });

  // New patient clears everything.
  await page.getByRole('button', { name: 'New patient' }).click();
  check(
    'New patient clears the form',
    (await page.getByLabel('Dose per administration').inputValue()) === '' &&
      (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === '',
  );


  check('no request to any other host', foreign.length === 0, foreign.slice(0, 5).join(', '));
  check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 5).join(' | '));
} catch (error) {
  check('browser tests ran to the end', false, String(error?.stack ?? error));
} finally {
  await browser?.close().catch(() => {});
  stopServer();
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
