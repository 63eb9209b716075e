// Shared helpers for the browser quality gates (issue 8): serve a production build with `vite preview`,
// launch Debian's Chromium through playwright-core, fill the clinician form by its accessible names.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = resolve(ROOT, 'artifacts/gates');
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Preview port: PREVIEW_PORT (or E2E_PORT, as e2e/run.mjs uses, or PORT), default 4173 like `npm run preview`. */
export const PORT = Number(process.env.PREVIEW_PORT || process.env.E2E_PORT || process.env.PORT || 4173);

export function artifact(name, data) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return path;
}

/** Runs `vite build` (optionally into another outDir, with extra env); resolves when it exits 0. */
export function viteBuild({ outDir = 'dist', env = {} } = {}) {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    p.on('exit', (code) => (code === 0 ? res() : rej(new Error(`vite build --outDir ${outDir} exited ${code}`))));
  });
}

/**
 * Serves a built directory with `vite preview` in its own process group and waits until it answers.
 * Returns { origin, stop() }; stop() kills the whole group (npx/vite children included).
 */
export async function startPreview({ outDir = 'dist', port = PORT } = {}) {
  const origin = `http://127.0.0.1:${port}`;
  if (await fetch(origin + '/').then(() => true, () => false))
    throw new Error(`port ${port} is already serving something (a leftover preview?); set PREVIEW_PORT to a free port`);
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    // NO_COLOR: CI sets CI=1, which turns vite's colours on and splits the URL we look for with escape codes
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup); // a crashed gate must not leave the server running
  const stop = async () => {
    process.removeListener('exit', killGroup);
    if (exited !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 50 && exited === null; i++) await sleep(20);
    if (exited === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited !== null) throw new Error(`vite preview exited (${exited}) before serving on port ${port}:\n${log}`);
    try {
      const r = await fetch(origin + '/');
      if (r.ok && stripAnsi(log).includes(origin)) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`vite preview did not answer on ${origin} within 20 s:\n${log}`);
    }
    await sleep(100);
  }
  return { origin, stop };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
}

/** Removes terminal colour codes (vite colours its output when CI is set, whatever NO_COLOR says in some versions). */
export const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const median = (xs) => quantile(xs, 0.5);
/** Nearest-rank quantile (p in [0,1]) of a non-empty list. */
export function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1));
  return s[i];
}

/** The example patient used by every browser gate (same as examples/oxycodone-after-prison.json). */
export const EXAMPLE = {
  drug: /oxycodone/i,
  formulation: /immediate|\bIR\b/i,
  dose: '10',
  timesPerDay: '4',
  priorDays: '90',
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
  age: '54',
};

/** Accepts the disclaimer when it is shown. */
export async function acceptDisclaimer(page) {
  // The app renders in a transition: wait until either the disclaimer or the form is there before deciding.
  const ok = page.getByRole('button', { name: 'I understand' });
  const drug = page.getByRole('combobox', { name: 'Drug' });
  await ok.or(drug).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await ok.count()) await ok.first().click();
}

/** Chooses an option in a native <select> or an ARIA combobox/listbox by its visible label. */
async function choose(page, label, optionName) {
  const field = page.getByLabel(label, { exact: true }).first();
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const options = await field.locator('option').allTextContents();
    const wanted = options.find((o) => optionName.test(o));
    if (!wanted) throw new Error(`${label}: no option matching ${optionName} among ${JSON.stringify(options)}`);
    await field.selectOption({ label: wanted });
    return;
  }
  await field.click();
  await field.fill(optionName.source.replace(/\\b|[\\^$]/g, '').split('|')[0]);
  const option = page.getByRole('option', { name: optionName }).first();
  if (await option.count()) await option.click();
  else await field.press('Enter');
}

/** Fills the clinician form with the example patient (contract labels) and waits for the schedule table. */
export async function fillExample(page) {
  await acceptDisclaimer(page);
  await choose(page, 'Drug', EXAMPLE.drug);
  const formulation = page.getByLabel('Formulation', { exact: true });
  if (await formulation.count()) {
    const tag = await formulation.first().evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select' || (await formulation.first().getAttribute('role')) === 'combobox') {
      await choose(page, 'Formulation', EXAMPLE.formulation).catch(() => {});
    }
  }
  await page.getByLabel('Dose per administration', { exact: true }).fill(EXAMPLE.dose);
  await page.getByLabel('Times per day', { exact: true }).fill(EXAMPLE.timesPerDay);
  await page.getByLabel('Days taken before the break', { exact: true }).fill(EXAMPLE.priorDays);
  await page.getByLabel('Last dose date', { exact: true }).fill(EXAMPLE.lastDoseDate);
  await page.getByLabel('Restart date', { exact: true }).fill(EXAMPLE.restartDate);
  await page.getByLabel('Age (years)', { exact: true }).fill(EXAMPLE.age);
  await showPlan(page);
}

/**
 * The schedule table ("Restart schedule"). The app plans as the form is filled, with no compute button: wait for it.
 * (Clicking the first button named like "plan" once matched other controls, e.g. "Print the plan", under load.)
 * The limit is generous so that a busy 2-core machine does not fail the run; a missing plan still fails.
 */
export async function showPlan(page) {
  const table = page.getByRole('table', { name: 'Restart schedule' });
  await table.waitFor({ state: 'visible', timeout: 30_000 });
  return table;
}

/** Runs a gate body, prints its one-line result (PASS/FAIL + figure) and exits 0/1. */
export async function gate(name, body) {
  const t0 = Date.now();
  try {
    const { ok, line } = await body();
    console.log(`${name}: ${ok ? 'PASS' : 'FAIL'} — ${line} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    process.exit(ok ? 0 : 1);
  } catch (e) {
    console.error(e);
    console.log(`${name}: FAIL — error: ${e?.message?.split('\n')[0] ?? e} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    process.exit(1);
  }
}
