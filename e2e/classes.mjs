/**
 * Browser tests of the class-specific parts of the form against the production build: a fentanyl patch
 * (strength in mcg/h, no times per day, no patch restarted after tolerance loss), methadone (asks for the
 * indication), a benzodiazepine (mg diazepam column) and an antidepressant (resume or re-titrate).
 * Each drug class loads on demand. Prints one line per check and `e2e-classes: N passed, M failed`.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, PORT, startPreview } from './gates/lib.mjs';

const ORIGIN = `http://127.0.0.1:${PORT}`;
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

let browser;
let preview;
try {
  preview = await startPreview({ port: PORT });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));

  await page.goto(ORIGIN);
  await page.getByRole('button', { name: 'I understand' }).click();
  check('no drug class is loaded before a drug is chosen', !scripts.some((s) => /module-/.test(s)), scripts.join(' '));

  async function chooseDrug(typed, option) {
    const drug = page.getByRole('combobox', { name: 'Drug' });
    await drug.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  }
  async function common(last, restart) {
    await page.getByLabel('Days taken before the break').fill('180');
    await page.getByLabel('Last dose date').fill(last);
    await page.getByLabel('Restart date').fill(restart);
  }
  const table = page.getByRole('table', { name: 'Restart schedule' });
  const firstRow = async () => (await table.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');

  // A fentanyl patch after 10 days off.
  await chooseDrug('Duragesic', /fentaNYL/);
  check('the patch strength is asked in mcg/h', (await page.locator('form').innerText()).includes('mcg/h'));
  check('times per day is hidden for a patch', (await page.getByLabel('Times per day').count()) === 0);
  await page.getByLabel('Patch strength').fill('50');
  await common('2026-11-18', '2026-11-28');
  // Amendment A6: the patch is refused after tolerance loss, and the immediate-release plan is offered instead.
  const alternative = page.getByRole('table', { name: /^Alternative plan schedule/ });
  await alternative.waitFor({ timeout: 15_000 });
  // The warnings render after the alternative schedule (a lazy part of the plan view): wait for them, not a moment.
  const restricted = /RESTRICTED_TO_TOLERANT|only for opioid-tolerant|restricted to opioid-tolerant/i;
  await page.locator('.plan-pane').getByText(restricted).first().waitFor({ timeout: 15_000 }).catch(() => {});
  const patchPlan = await page.locator('.plan-pane').innerText();
  const alternativeFirstRow = (await alternative.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
  check('the opioid class loaded on demand', scripts.some((s) => /opioid\.module-/.test(s)));
  check('the patch is refused after tolerance loss (no schedule for it)', (await table.count()) === 0 && /Blocked/i.test(patchPlan));
  check('the alternative restarts on an immediate-release opioid', !/patch/i.test(alternativeFirstRow) && /morphine|oxyCODONE/.test(alternativeFirstRow), alternativeFirstRow);
  check('the restricted-product warning is shown', restricted.test(patchPlan));
  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: 'artifacts/plan-patch-desktop.png', fullPage: true });

  // Methadone asks what it is for.
  await page.getByRole('button', { name: 'New patient' }).click();
  await chooseDrug('methad', /methadone/);
  const indication = page.getByRole('group', { name: /prescribed for|indication/i }).or(page.getByLabel(/prescribed for|indication/i)).first();
  check('methadone asks for the indication (pain or opioid use disorder)', await indication.isVisible());

  // A benzodiazepine shows diazepam equivalents.
  await page.getByRole('button', { name: 'New patient' }).click();
  await chooseDrug('Xanax', /ALPRAZolam/);
  await page.getByLabel('Dose per administration').fill('1');
  await page.getByLabel('Times per day').fill('2');
  await common('2026-11-20', '2026-11-28');
  await table.waitFor({ timeout: 15_000 });
  check('the benzodiazepine class loaded on demand', scripts.some((s) => /benzodiazepine\.module-/.test(s)));
  check('the schedule shows mg diazepam equivalents', /diazepam/i.test(await table.innerText()));
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('.plan-pane');
    const wrap = document.querySelector('.table-wrap');
    return { page: document.documentElement.scrollWidth - window.innerWidth, table: wrap ? wrap.scrollWidth - wrap.clientWidth : 0, pane: pane ? pane.scrollWidth - pane.clientWidth : 0 };
  });
  check('long make-ups wrap inside the schedule (no overflow)', overflow.page <= 0 && overflow.table <= 0 && overflow.pane <= 0, JSON.stringify(overflow));
  await page.screenshot({ path: 'artifacts/plan-benzodiazepine-desktop.png', fullPage: true });

  // An antidepressant: resume or re-titrate.
  await page.getByRole('button', { name: 'New patient' }).click();
  await chooseDrug('Zoloft', /sertraline/);
  await page.getByLabel('Dose per administration').fill('100');
  await page.getByLabel('Times per day').fill('1');
  await common('2026-10-29', '2026-11-28');
  await table.waitFor({ timeout: 15_000 });
  check('sertraline after 30 days re-titrates from 50 mg', /sertraline 50 mg/.test(await firstRow()), await firstRow());

  check('no console errors', errors.length === 0, errors.join(' | '));
} catch (error) {
  check('browser run completed', false, String(error));
} finally {
  await browser?.close();
  await preview?.stop();
}
const failed = results.filter((r) => !r).length;
console.log(`e2e-classes: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
