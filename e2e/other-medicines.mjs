/**
 * Browser test of a prior regimen of several opioids (issue 13) against the production build, by keyboard only
 * (Tab, Enter, Space, arrow keys): add a second opioid taken before the break, fill its row, see the plan's table of
 * the prior medicines with their sum, then remove the row. Prints one line per check and
 * `e2e-other-medicines: N passed, M failed`.
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
  const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', value: document.activeElement?.value ?? '' }));
  async function tabUntil(test, limit = 20) {
    for (let i = 0; i < limit; i++) {
      if (test(await active())) return true;
      await page.keyboard.press('Tab');
    }
    return test(await active());
  }

  await page.goto(ORIGIN);
  await page.getByRole('button', { name: 'I understand' }).click();
  // The main opioid: oxyCODONE 10 mg 4 times a day; last dose 2 days before the restart.
  await page.getByRole('combobox', { name: 'Drug' }).fill('oxycodone');
  await page.getByRole('option', { name: /oxyCODONE/ }).first().click();
  await page.getByLabel('Dose per administration').fill('10');
  await page.getByLabel('Times per day').fill('4');
  await page.getByLabel('Last dose date').fill('2026-11-26');
  await page.getByLabel('Restart date').fill('2026-11-28');
  await page.getByLabel('Days taken before the break').fill('90');
  await page.getByRole('table', { name: 'Restart schedule' }).waitFor({ timeout: 15_000 });

  // Keyboard only from here: Tab to the add button, Enter.
  await page.getByRole('button', { name: 'Add another opioid taken before the break' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Days taken before the break').focus();
  check('Tab reaches "Add another opioid taken before the break"', await tabUntil((a) => a.id === 'add-prior'));
  await page.keyboard.press('Enter');
  const row = page.getByRole('group', { name: 'Opioid 2' });
  await row.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.activeElement?.id.endsWith('-drug'), null, { timeout: 5_000 }).catch(() => {});
  check('the focus moves to the new row\'s drug', (await active()).id.endsWith('-drug'), (await active()).id);
  check('the addition is announced', (await page.locator('[aria-live="polite"]').allInnerTexts()).some((t) => t.includes('Opioid 2 added')));
  for (let i = 0; i < 40 && (await active()).value !== 'hydromorphone'; i++) await page.keyboard.press('ArrowDown');
  check('the drug is chosen with the arrow keys', (await active()).value === 'hydromorphone');
  await page.keyboard.press('Tab'); // formulation (immediate-release by default)
  await page.keyboard.press('Tab'); // dose
  await page.keyboard.type('2');
  await page.keyboard.press('Tab'); // times per day
  await page.keyboard.type('3');
  await page.keyboard.press('Tab'); // taken as needed
  await page.keyboard.press('Space');
  check('Space ticks "Taken as needed" and the label reads the average a day', (await row.getByLabel('Average doses taken a day').count()) === 1);
  check('the typed row is kept', (await row.getByLabel('Dose per administration').inputValue()) === '2');

  // The plan shows the medicines before the break and their sum.
  const components = page.getByRole('table', { name: /^Before the break: 2 medicines added up/ });
  let shown = true;
  await components.waitFor({ timeout: 15_000 }).catch(() => (shown = false));
  const text = shown ? (await components.innerText()).replace(/\s+/g, ' ') : '';
  check('the plan shows the components table', shown, shown ? '' : 'no table "Before the break: 2 medicines added up" (engine components not merged?)');
  check('the table lists both medicines', /oxyCODONE/.test(text) && /HYDROmorphone/.test(text), text);
  check('the table ends with the total of the daily equivalents', /Total \([\d.]+ \+ [\d.]+\) [\d.]+ MME/.test(text), text);
  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: 'artifacts/plan-other-medicines-desktop.png', fullPage: true });

  // Remove by keyboard: the focus goes back to the add button.
  await row.getByRole('checkbox', { name: 'Taken as needed' }).focus();
  check('Tab reaches the row\'s Remove button', await tabUntil((a) => /^Remove opioid 2/.test(a.text), 3));
  await page.keyboard.press('Enter');
  check('the row is removed', (await page.getByRole('group', { name: 'Opioid 2' }).count()) === 0);
  check('the focus returns to the add button', (await active()).id === 'add-prior');

  check('no console errors', errors.length === 0, errors.join(' | '));
} catch (error) {
  check('browser run completed', false, String(error));
} finally {
  await browser?.close();
  await preview?.stop();
}
const failed = results.filter((r) => !r).length;
console.log(`e2e-other-medicines: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
