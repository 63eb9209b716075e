// Browser tests against the production build served by `vite preview` (run `npx vite build` first).
// Plain node script: playwright-core driving Debian chromium, axe-core for WCAG 2.1 AA.
import { mkdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, PORT, startPreview } from './gates/lib.mjs';

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

async function axe(page, label) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const details = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(`axe: no WCAG 2.1 AA violations on ${label}`, result.violations.length === 0, details.join('; '));
}

let browser;
let preview;
try {
  preview = await startPreview({ port: PORT });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
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
  const iconHref = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute('href'));
  const iconStatus = iconHref && !iconHref.startsWith('data:') ? (await page.request.get(new URL(iconHref, ORIGIN).href)).status() : 0;
  check('the page has a real favicon (the app icon)', iconHref === '/icon.svg' && iconStatus === 200, `${iconHref} → ${iconStatus}`);

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

  // Issue 14: the first desktop viewport (1280 × 900, scrolled to the top) shows the first step's dose and date.
  await page.evaluate(() => window.scrollTo(0, 0));
  const firstStep = page.locator('.plan-summary .summary-first');
  const firstBox = await firstStep.boundingBox();
  const firstText = (await firstStep.innerText()).replace(/\s+/g, ' ');
  check(
    'the first desktop viewport shows the first step’s dose and date',
    firstBox !== null && firstBox.y >= 0 && firstBox.y + firstBox.height <= 900 && /Sat 28 Nov 2026/.test(firstText) && /oxyCODONE 5 mg twice daily/.test(firstText),
    `${firstText} at y ${firstBox?.y}–${firstBox ? firstBox.y + firstBox.height : '?'}`,
  );
  await page.screenshot({ path: `${ARTIFACTS}/plan-desktop-first-viewport.png` });
  const criticalLink = page.getByRole('link', { name: /^\d+ critical warnings?$/ });
  check('the summary counts the critical warnings and links to them', (await criticalLink.getAttribute('href')) === '#critical-warnings', await criticalLink.innerText());

  // A concurrent medicine typed but not added holds the plan, with the closest match offered.
  await concurrent.fill('diazep');
  await page.getByText(/Plan on hold/).first().waitFor({ timeout: 5000 });
  check('a concurrent medicine typed but not added holds the plan', (await page.getByRole('table', { name: 'Restart schedule' }).count()) === 0);
  await page.screenshot({ path: `${ARTIFACTS}/plan-held-desktop.png` });
  await axe(page, 'a plan held by an unadded concurrent medicine');
  await concurrent.fill('');
  await table.waitFor({ timeout: 5000 });

  // "More patient details": a collapsed disclosure opened from the keyboard, axe-clean when open.
  const more = page.locator('summary', { hasText: 'More patient details' });
  await more.focus();
  await page.keyboard.press('Enter');
  check('More patient details opens from the keyboard', (await page.locator('details.more-details').getAttribute('open')) !== null && (await page.getByLabel('Creatinine clearance (mL/min)').isVisible()));
  await page.getByLabel('Creatinine clearance (mL/min)').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/more-details-desktop.png` });
  await axe(page, 'the open More patient details');
  await more.click();

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
  // On a phone the plan is reachable without scrolling past the form: a sticky link in the first viewport.
  await phonePage.evaluate(() => window.scrollTo(0, 0));
  const viewPlan = phonePage.getByRole('link', { name: /^View plan:/ });
  const viewPlanBox = await viewPlan.boundingBox();
  check('a phone shows a "View plan" link in the first viewport', viewPlanBox !== null && viewPlanBox.y + viewPlanBox.height <= 844, `${await viewPlan.innerText().catch(() => '')} at y ${viewPlanBox?.y}`);
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone-first-viewport.png` });
  await viewPlan.click();
  await phonePage.waitForTimeout(300);
  const summaryBox = await phonePage.locator('.plan-summary .summary-first').boundingBox();
  check('the "View plan" link brings the first step into view', summaryBox !== null && summaryBox.y >= 0 && summaryBox.y + summaryBox.height <= 844, `y ${summaryBox?.y}`);
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone-after-view-plan.png` });
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

  // Issue 7: exports, dispensing, the pharmacist's check and the educator's chart.
  // CSV download: the file name carries no patient identifier and the content parses to the plan's steps.
  const planRows = await page.getByRole('table', { name: 'Restart schedule' }).locator('tbody tr').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvPath = await download.path();
  const csvText = csvPath ? readFileSync(csvPath, 'utf8') : '';
  const parseCsv = (text) => {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i += 1;
      } else field += ch;
    }
    if (field !== '' || row.length) rows.push([...row, field]);
    return rows;
  };
  check('the CSV starts with a UTF-8 byte-order mark', csvText.startsWith('\uFEFF'));
  const csvRows = parseCsv(csvText.replace(/^\uFEFF/, ''));
  const header = csvRows[0] ?? [];
  const records = csvRows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  check('the CSV download is named without patient identifiers', download.suggestedFilename() === 'retitrate-oxycodone-2026-11-28.csv', download.suggestedFilename());
  check(
    'the CSV parses to the plan’s steps',
    records.length === planRows.length &&
      records[0]?.start === '2026-11-28' &&
      records[0]?.['dose 1'] === '5' &&
      records[0]?.['dose 2'] === '5' &&
      records[0]?.['dose 3'] === '' &&
      records[0]?.['times per day'] === '2' &&
      records.every((r, i) => planRows[i]?.replace(/\s+/g, ' ').includes(`${r['daily dose']} mg`)) &&
      records.at(-1)?.['daily dose'] === '40',
    `${records.length} records for ${planRows.length} steps; first ${JSON.stringify(records[0])}`,
  );
  // Dispensing: units per step and totals for the default period.
  const dispense = page.getByRole('heading', { name: 'Dispense' });
  await dispense.waitFor();
  const totals = await page.locator('.dispense-lines').innerText();
  check('the dispense panel totals each strength until the checkpoint', /10 mg immediate-release tablet: 9/.test(totals) && /5 mg immediate-release tablet: 42/.test(totals), totals.replace(/\s+/g, ' '));
  await page.getByLabel('Days of supply').fill('7');
  const weekTotals = await page.locator('.dispense-total').innerText();
  check('a number of days changes the supply period', /7 days/.test(weekTotals), weekTotals.replace(/\s+/g, ' ').slice(0, 120));

  // The pharmacist's check.
  await page.getByRole('tab', { name: 'Check a proposed schedule' }).click();
  await page.getByRole('heading', { name: 'Check a proposed schedule' }).waitFor();
  await page.getByLabel('Step 1 start date').fill('2026-11-28');
  await page.getByLabel('Step 1 dose').fill('5');
  await page.getByLabel('Step 1 times a day').fill('2');
  await page.getByRole('button', { name: 'Add a step' }).click();
  await page.getByLabel('Step 2 start date').fill('2026-12-01');
  await page.getByLabel('Step 2 dose').fill('10');
  await page.getByLabel('Step 2 times a day').fill('4');
  await page.getByRole('button', { name: 'Check against the ceiling' }).click();
  await page.getByRole('heading', { name: 'Exceeds the ceiling' }).waitFor({ timeout: 5000 });
  const checkTable = await page.getByRole('table', { name: 'Proposed steps against the ceiling' }).innerText();
  check(
    'a step above the ceiling is shown with its excess in mg and % and the rule it breaks',
    /above by 25 mg a day \(166\.7%\)/.test(checkTable) && /Daily dose above the ceiling/.test(checkTable) && !/ABOVE_CEILING/.test(checkTable) && /Within/.test(checkTable),
    checkTable.replace(/\s+/g, ' ').slice(0, 300),
  );
  await page.screenshot({ path: `${ARTIFACTS}/check-desktop.png`, fullPage: true });
  await axe(page, 'the check view with findings');
  await page.getByLabel('Step 2 dose').fill('abc');
  const stepDoseError = await page.getByLabel('Step 2 dose').evaluate((el) => (el.getAttribute('aria-describedby') ? document.getElementById(el.getAttribute('aria-describedby'))?.textContent : ''));
  check('a bad proposed dose is explained beside its field', /number/.test(stepDoseError ?? ''), stepDoseError ?? '');
  await axe(page, 'the check view with a field error');
  await page.getByText('Paste a schedule').click();
  await page.getByLabel('Pasted steps').fill('2026-11-28, 5 mg, 2\n2026-12-01, 5 mg, 3\n2026-12-04, 5 mg, 4');
  await page.getByRole('button', { name: 'Use the pasted steps' }).click();
  await page.getByRole('heading', { name: 'Within the ceiling' }).waitFor({ timeout: 5000 });
  check('pasted steps within the ceiling give the verdict within', (await page.getByLabel('Step 3 times a day').inputValue()) === '4');
  await page.reload();
  await page.getByRole('tab', { name: 'Check a proposed schedule' }).click();
  check('a reload keeps the proposed steps', (await page.getByLabel('Step 3 start date').inputValue()) === '2026-12-04');

  // The educator's chart with its table alternative.
  await page.getByRole('tab', { name: 'How tolerance is lost' }).click();
  const chartImg = page.getByRole('img', { name: /Retained fraction by missed days: Opioids/ });
  await chartImg.waitFor({ timeout: 5000 });
  const curveTable = page.getByRole('table', { name: 'Retained fraction by days off' });
  const curveRows = await curveTable.locator('tbody tr').count();
  const pointNames = await page.locator('.chart-point').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  check('the chart shows the opioid anchors and the same values in its table', curveRows === 4 && pointNames.length === 4 && /retained fraction 0\.5/.test(pointNames[1] ?? ''), pointNames.join(' | '));
  await page.locator('.chart-point').nth(1).focus();
  const tip = await page.getByRole('tooltip').innerText().catch(() => '');
  check('a focused anchor point shows its source', /Australian|Source:/.test(tip) && /§3\.5/.test(tip), tip.slice(0, 160));
  check('the chart marks this patient', /This patient: 26 missed days/.test(await chartImg.innerHTML()));
  await page.screenshot({ path: `${ARTIFACTS}/chart-desktop.png`, fullPage: true });
  await axe(page, 'the educator view');
  check('the opioid curve is labelled an engine assumption borrowed from the methadone rules', /Engine assumption.*methadone missed-dose rules/.test(await page.locator('.curve-assumption').innerText()));
  await page.getByRole('button', { name: 'Presentation mode' }).click();
  const tickSizes = await page.locator('.chart-svg .tick').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  const chartWidth = await page.locator('.chart-svg').evaluate((el) => el.getBoundingClientRect().width);
  check('presentation mode: full width, tick labels at least 16 px', chartWidth > 1100 && Math.min(...tickSizes) >= 16, `chart ${Math.round(chartWidth)} px wide, smallest tick ${Math.min(...tickSizes).toFixed(1)} px`);
  await page.screenshot({ path: `${ARTIFACTS}/chart-presentation-desktop.png` });
  await axe(page, 'the educator view in presentation mode');
  await page.keyboard.press('Escape');
  check('Escape leaves presentation mode', (await page.getByRole('button', { name: 'Presentation mode' }).getAttribute('aria-pressed')) === 'false');
  await page.getByLabel('Benzodiazepines and Z-drugs').check();
  await page.getByLabel('Benzodiazepine or Z-drug').selectOption('diazepam');
  await page.getByRole('img', { name: /diazePAM/ }).waitFor();
  const benzoRows = await curveTable.locator('tbody tr').allInnerTexts();
  check('a benzodiazepine curve depends on the drug’s half-life group (diazepam: withdrawal window to 28 missed days)', benzoRows.length === 3 && /^\s*29\b/.test(benzoRows[2] ?? ''), benzoRows.map((r) => r.replace(/\s+/g, ' ').slice(0, 60)).join(' | '));
  await axe(page, 'the benzodiazepine chart');
  await page.getByLabel('Opioids').check();
  await page.emulateMedia({ media: 'print' });
  check('the chart prints with its table', (await chartImg.isVisible()) && (await curveTable.isVisible()) && !(await page.getByRole('tab', { name: 'Restart plan' }).isVisible()));
  await page.pdf({ path: `${ARTIFACTS}/chart-print.pdf`, format: 'A4' });
  await page.screenshot({ path: `${ARTIFACTS}/chart-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The exports, dispensing, check and chart on a phone.
  await phonePage.setViewportSize({ width: 390, height: 844 });
  await phonePage.evaluate((state) => {
    for (const [key, value] of Object.entries(state)) localStorage.setItem(key, value);
  }, await page.evaluate(() => Object.fromEntries(Object.entries(localStorage))));
  await phonePage.reload();
  await phonePage.getByRole('heading', { name: 'Dispense' }).waitFor({ timeout: 5000 });
  await phonePage.getByRole('heading', { name: 'How this was calculated' }).waitFor({ timeout: 5000 });
  await phonePage.getByRole('heading', { name: 'Export and print' }).evaluate((el) => el.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/plan-phone-exports.png` });
  await phonePage.getByRole('tab', { name: 'Check a proposed schedule' }).click();
  await phonePage.getByRole('button', { name: 'Check against the ceiling' }).click();
  await phonePage.getByRole('heading', { name: 'Within the ceiling' }).waitFor({ timeout: 5000 });
  await phonePage.evaluate(() => document.getElementById('check-title')?.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/check-phone.png` });
  await phonePage.getByRole('heading', { name: 'Within the ceiling' }).evaluate((el) => el.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/check-phone-result.png` });
  check('the check view has no horizontal scrolling at 390 px', (await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
  await phonePage.getByRole('tab', { name: 'How tolerance is lost' }).click();
  await phonePage.getByRole('img', { name: /Retained fraction by missed days/ }).waitFor({ timeout: 5000 });
  await phonePage.evaluate(() => document.getElementById('educator-title')?.scrollIntoView());
  await phonePage.screenshot({ path: `${ARTIFACTS}/chart-phone.png` });
  check('the educator view has no horizontal scrolling at 390 px', (await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
  await axe(phonePage, 'the educator view on a phone');
  await page.getByRole('tab', { name: 'Restart plan' }).click();

  // New patient clears everything.
  await page.getByRole('button', { name: 'New patient' }).click();
  check(
    'New patient clears the form',
    (await page.getByLabel('Dose per administration').inputValue()) === '' &&
      (await page.getByRole('combobox', { name: 'Drug' }).inputValue()) === '',
  );
  await axe(page, 'the cleared form with its undo');
  await page.getByRole('button', { name: 'Undo: restore the previous patient' }).click();
  await page.getByRole('table', { name: 'Restart schedule' }).waitFor({ timeout: 5000 });
  check('Undo after New patient restores the patient and the plan', (await page.getByLabel('Dose per administration').inputValue()) === '10');


  // A refusal from the engine (tramadol with phenelzine, both picked from their lists): the Blocked box leads.
  const refusalContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const refusalPage = await refusalContext.newPage();
  refusalPage.on('pageerror', (error) => consoleErrors.push(String(error)));
  await refusalPage.goto(ORIGIN);
  await refusalPage.getByRole('button', { name: 'I understand' }).click();
  const refusalDrug = refusalPage.getByRole('combobox', { name: 'Drug' });
  await refusalDrug.fill('tramad');
  await refusalPage.getByRole('option', { name: /tramadol/i }).first().waitFor();
  await refusalDrug.press('ArrowDown');
  await refusalDrug.press('Enter');
  await refusalPage.getByLabel('Dose per administration').fill('50');
  await refusalPage.getByLabel('Times per day').fill('4');
  await refusalPage.getByLabel('Days taken before the break').fill('90');
  await refusalPage.getByLabel('Last dose date').fill('2026-11-20');
  await refusalPage.getByLabel('Restart date').fill('2026-11-28');
  const refusalConcurrent = refusalPage.getByRole('combobox', { name: 'Concurrent medicines' });
  await refusalConcurrent.fill('phenel');
  await refusalPage.getByRole('option', { name: /phenelzine/i }).first().waitFor();
  await refusalConcurrent.press('Enter');
  const blocked = refusalPage.getByRole('region', { name: /^Blocked:/ });
  await blocked.waitFor({ timeout: 5000 });
  const blockedName = (await blocked.locator('h3').innerText()).replace(/\s+/g, ' ');
  check('tramadol with phenelzine is refused with the code in words', blockedName === 'Blocked: MAOI contraindicated opioid', blockedName);
  check('a refusal shows no schedule', (await refusalPage.getByRole('table').count()) === 0);
  await refusalPage.evaluate(() => window.scrollTo(0, 0));
  const blockedBox = await blocked.boundingBox();
  const reasonBox = await blocked.locator('.refusal-reason').boundingBox();
  check(
    'the first desktop viewport shows the Blocked box and its reason',
    blockedBox !== null && reasonBox !== null && blockedBox.y >= 0 && reasonBox.y + reasonBox.height <= 900,
    `box at y ${blockedBox?.y}, reason ends at ${reasonBox ? reasonBox.y + reasonBox.height : '?'}`,
  );
  await refusalPage.screenshot({ path: `${ARTIFACTS}/refusal-desktop-first-viewport.png` });
  await axe(refusalPage, 'a refusal');
  // The pharmacist check of a refused request: findings in words.
  await refusalPage.getByRole('tab', { name: 'Check a proposed schedule' }).click();
  await refusalPage.getByLabel('Step 1 Start date').fill('2026-11-28');
  await refusalPage.getByLabel('Step 1 Dose (mg)').fill('50');
  await refusalPage.getByLabel('Step 1 Times a day').fill('2');
  await refusalPage.getByRole('button', { name: 'Check against the ceiling' }).click();
  const refusedResult = refusalPage.getByRole('region', { name: 'No plan: no proposed dose is within a ceiling' });
  await refusedResult.waitFor({ timeout: 5000 });
  const refusedText = await refusedResult.innerText();
  check('the check of a refused request gives its findings in words', /No plan for this request \(blocked\)/.test(refusedText) && !/\b[A-Z]{2,}(_[A-Z]+)+\b/.test(refusedText), refusedText.replace(/\s+/g, ' ').slice(0, 160));
  await refusalPage.screenshot({ path: `${ARTIFACTS}/refusal-check-desktop.png`, fullPage: true });
  await axe(refusalPage, 'the check of a refused request');
  await refusalPage.getByRole('tab', { name: 'Restart plan' }).click();
  // On a phone: the sticky link says there is no plan and leads to the Blocked box.
  const refusalPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const refusalPhonePage = await refusalPhone.newPage();
  await refusalPhonePage.goto(ORIGIN);
  await refusalPhonePage.evaluate((state) => {
    for (const [key, value] of Object.entries(state)) localStorage.setItem(key, value);
  }, await refusalPage.evaluate(() => Object.fromEntries(Object.entries(localStorage))));
  await refusalPhonePage.reload();
  await refusalPhonePage.getByRole('region', { name: /^Blocked:/ }).waitFor({ timeout: 5000 });
  await refusalPhonePage.evaluate(() => window.scrollTo(0, 0));
  const refusalLink = refusalPhonePage.getByRole('link', { name: /^No plan: blocked/ });
  const refusalLinkBox = await refusalLink.boundingBox();
  check('a phone shows a "No plan: blocked" link in the first viewport', refusalLinkBox !== null && refusalLinkBox.y + refusalLinkBox.height <= 844, `${await refusalLink.innerText().catch(() => '')} at y ${refusalLinkBox?.y}`);
  await refusalPhonePage.screenshot({ path: `${ARTIFACTS}/refusal-phone-first-viewport.png` });
  await refusalLink.click();
  await refusalPhonePage.waitForTimeout(300);
  const phoneBlocked = await refusalPhonePage.getByRole('region', { name: /^Blocked:/ }).boundingBox();
  check('the link brings the Blocked box into view on a phone', phoneBlocked !== null && phoneBlocked.y >= 0 && phoneBlocked.y < 844, `y ${phoneBlocked?.y}`);
  await refusalPhonePage.screenshot({ path: `${ARTIFACTS}/refusal-phone.png` });
  const refusalOverflow = await refusalPhonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no horizontal scrolling on a refusal at 390 px', refusalOverflow <= 0, `overflow ${refusalOverflow}px`);
  await axe(refusalPhonePage, 'a refusal on a phone');
  await refusalPhone.close();
  await refusalContext.close();


  check('no request to any other host', foreign.length === 0, foreign.slice(0, 5).join(', '));
  check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 5).join(' | '));
} catch (error) {
  check('browser tests ran to the end', false, String(error?.stack ?? error));
} finally {
  await browser?.close().catch(() => {});
  await preview?.stop();
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
