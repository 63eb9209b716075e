// Quality-gate runner (issue 8).
//   node scripts/gates/run.mjs --reset        forget earlier results (start of a run)
//   node scripts/gates/run.mjs <gate>...      run gates; each prints one line with its figure; exit 1 if any failed
//   node scripts/gates/run.mjs --summary      one line per gate, then "gates: N passed, M failed"; exit 1 if any
//                                             gate failed, crashed or was not run since --reset
//   node scripts/gates/run.mjs --list
// Results live in artifacts/gates/results/<gate>.json. GATES_SKIP="a,b" excludes gates from the summary on purpose.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = resolve(ROOT, 'artifacts/gates/results');

export const GATES = {
  bytes: { script: 'e2e/gates/bytes.mjs', what: 'bytes budget (first load, gzip)' },
  'csp-privacy': { script: 'e2e/gates/csp-privacy.mjs', what: 'no data leaves the device (CSP, requests, storage)' },
  offline: { script: 'e2e/gates/offline.mjs', what: 'offline after first visit + clean update' },
  responsiveness: { script: 'e2e/gates/responsiveness.mjs', what: 'input → plan on screen (benchmark)' },
  lighthouse: { script: 'e2e/gates/lighthouse.mjs', what: 'Lighthouse mobile ×3' },
  audit: { script: 'scripts/gates/audit.mjs', what: 'dependency audit (production)' },
  mutation: { script: 'scripts/gates/mutation.mjs', what: 'mutation score (Stryker)' },
  'mutation-protocols': { script: 'scripts/gates/mutation-protocols.mjs', what: 'mutation score of the protocol data (Stryker, random sample)' },
};

function runGate(name) {
  const gate = GATES[name];
  if (!gate) {
    console.error(`unknown gate "${name}"; known: ${Object.keys(GATES).join(', ')}`);
    return Promise.resolve(false);
  }
  mkdirSync(RESULTS, { recursive: true });
  const file = resolve(RESULTS, `${name}.json`);
  const started = Date.now();
  writeFileSync(file, JSON.stringify({ name, status: 'CRASHED', line: 'started but never finished', started }));
  return new Promise((res) => {
    const child = spawn(process.execPath, [resolve(ROOT, gate.script)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('exit', (code, signal) => {
      const last = out.trim().split('\n').reverse().find((l) => /: (PASS|FAIL|WARN) — /.test(l)) ?? '';
      const status = code === 0 ? (/: WARN — /.test(last) ? 'WARN' : 'PASS') : 'FAIL';
      const line = last || `exited ${signal ?? code} without a result line`;
      writeFileSync(file, JSON.stringify({ name, status, line, code, signal, seconds: (Date.now() - started) / 1000 }));
      res(code === 0);
    });
  });
}

function summary() {
  const skip = new Set((process.env.GATES_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  let passed = 0;
  let failed = 0;
  const warnings = [];
  for (const name of Object.keys(GATES)) {
    if (skip.has(name)) {
      console.log(`  ${name.padEnd(18)} SKIPPED (GATES_SKIP)`);
      continue;
    }
    const file = resolve(RESULTS, `${name}.json`);
    const r = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { status: 'NOT RUN', line: 'no result since --reset' };
    const ok = r.status === 'PASS' || r.status === 'WARN';
    if (ok) passed++;
    else failed++;
    if (r.status === 'WARN') warnings.push(`${name}: ${r.line}`);
    console.log(`  ${name.padEnd(18)} ${r.status.padEnd(7)} ${r.seconds ? `${r.seconds.toFixed(0).padStart(4)} s ` : '       '}${r.line.replace(/^[^—]*— /, '')}`);
  }
  for (const w of warnings) console.log(`  WARNING ${w}`);
  console.log(`gates: ${passed} passed, ${failed} failed${skip.size ? `, ${skip.size} skipped` : ''}`);
  return failed === 0;
}

const args = process.argv.slice(2);
if (args[0] === '--reset') {
  rmSync(RESULTS, { recursive: true, force: true });
} else if (args[0] === '--summary') {
  process.exit(summary() ? 0 : 1);
} else if (args[0] === '--list' || !args.length) {
  for (const [name, g] of Object.entries(GATES)) console.log(`${name.padEnd(18)} ${g.what}  (${g.script})`);
} else {
  let ok = true;
  for (const name of args) ok = (await runGate(name)) && ok;
  process.exit(ok ? 0 : 1);
}
