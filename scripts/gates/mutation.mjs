// Gate: mutation score (Stryker 9 + vitest runner, stryker.config.json; break threshold 85 %).
//   MUTATE_SCOPE=full  every file stryker.config.json mutates (all of src/engine) — what `npm run mutate` does; the
//                      protocol data (src/protocols) is scored by mutation-protocols.mjs, on a random sample
//   MUTATE_SCOPE=core  (default here, used in CI) the engine's core arithmetic and scheduling files only; see CORE.
//
// The core scope runs in Stryker's incremental mode against a committed baseline (BASELINE, the gzipped incremental
// report of a full run on main): Stryker diffs every mutated file and every test against it and reruns each mutant
// whose code changed, whose killing test changed or went, or (not killed before) that a new test now covers; the
// rest keep their recorded result. A full core run takes 35–60 min on 2 cores (each surviving mutant reruns every
// test that covers it), which would put CI far over its time; with the baseline CI reruns only what changed.
//   MUTATE_FORCE=1            rerun every mutant (Stryker --force), ignoring the baseline's results
//   MUTATE_UPDATE_BASELINE=1  retest the mutants that timed out, then after a passing run write the incremental
//                             report back to BASELINE (commit it)
//   MUTATE_INCREMENTAL=1      full scope: reuse artifacts/mutation/incremental.json between local runs
// Prints the score, the mutant counts, how many results were reused, the duration and the weakest files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStryker } from './stryker-run.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG = JSON.parse(readFileSync(resolve(ROOT, 'stryker.config.json'), 'utf8'));
const BREAK = CONFIG.thresholds.break;
export const CORE = [
  'src/engine/strengths.ts',
  'src/engine/schedule.ts',
  'src/engine/tolerance.ts',
  'src/engine/dates.ts',
  'src/engine/decimal.ts',
  'src/engine/plan.ts',
  'src/engine/classes/steps.ts',
  'src/engine/classes/index.ts',
];
const scope = process.env.MUTATE_SCOPE || 'core';
const t0 = Date.now();
export const BASELINE = 'scripts/gates/mutation-core-baseline.json.gz';
const CORE_INCREMENTAL = 'artifacts/mutation/incremental-core.json';
const args = [];
let baselineFrom = null;
if (scope === 'core') {
  args.push('--mutate', CORE.join(','), '--incremental', '--incrementalFile', CORE_INCREMENTAL);
  mkdirSync(resolve(ROOT, 'artifacts/mutation'), { recursive: true });
  if (existsSync(resolve(ROOT, BASELINE)) && process.env.MUTATE_FORCE !== '1') {
    const baseline = JSON.parse(gunzipSync(readFileSync(resolve(ROOT, BASELINE))).toString('utf8'));
    // Writing a new baseline retests every mutant that timed out: a timeout on a busy machine can be a slow
    // surviving mutant, and a baseline must not carry it as detected without a second look.
    if (process.env.MUTATE_UPDATE_BASELINE === '1') {
      for (const file of Object.values(baseline.files)) file.mutants = file.mutants.filter((m) => m.status !== 'Timeout');
    }
    writeFileSync(resolve(ROOT, CORE_INCREMENTAL), JSON.stringify(baseline));
    baselineFrom = BASELINE;
  }
  if (process.env.MUTATE_FORCE === '1') args.push('--force');
} else if (process.env.MUTATE_INCREMENTAL === '1') {
  args.push('--incremental', '--incrementalFile', 'artifacts/mutation/incremental.json');
}

const { code, reused } = await runStryker(args);
const seconds = (Date.now() - t0) / 1000;

let report;
try {
  report = JSON.parse(readFileSync(resolve(ROOT, CONFIG.jsonReporter.fileName), 'utf8'));
} catch (e) {
  console.log(`mutation score: FAIL — no report (${e.message}); stryker exited ${code} (${seconds.toFixed(0)} s)`);
  process.exit(1);
}
const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
const perFile = [];
// Only the files of this scope: an incremental report can still carry files an earlier run mutated.
const inScope = (file) => (scope === 'core' ? CORE.includes(file) : file.startsWith('src/engine/'));
for (const [file, { mutants }] of Object.entries(report.files)) {
  if (!inScope(file)) continue;
  const c = { file, survived: 0, noCoverage: 0, total: 0, detected: 0 };
  for (const m of mutants) {
    count[m.status] = (count[m.status] ?? 0) + 1;
    if (m.status === 'Survived') c.survived++;
    if (m.status === 'NoCoverage') c.noCoverage++;
    if (m.status === 'Killed' || m.status === 'Timeout') c.detected++;
    if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) c.total++;
  }
  perFile.push(c);
}
const detected = count.Killed + count.Timeout;
const valid = detected + count.Survived + count.NoCoverage;
const score = valid ? (100 * detected) / valid : 0;
for (const f of perFile.filter((f) => f.total).sort((a, b) => b.survived + b.noCoverage - (a.survived + a.noCoverage)).slice(0, 8))
  console.log(`  ${f.file.padEnd(34)} ${((100 * f.detected) / f.total).toFixed(1).padStart(5)} %  survived ${f.survived}, no coverage ${f.noCoverage} of ${f.total}`);
const ok = code === 0 && score >= BREAK;
if (scope === 'core') {
  console.log(baselineFrom ? `  baseline ${baselineFrom}: ${reused ?? 'no'} mutant results reused; the others were run now` : '  no baseline: every mutant was run now');
  if (ok && process.env.MUTATE_UPDATE_BASELINE === '1') {
    writeFileSync(resolve(ROOT, BASELINE), gzipSync(readFileSync(resolve(ROOT, CORE_INCREMENTAL)), { level: 9 }));
    console.log(`  wrote ${BASELINE}: commit it`);
  }
}
console.log(
  `mutation score: ${ok ? 'PASS' : 'FAIL'} — ${score.toFixed(2)} % (${scope} scope: ${perFile.filter((f) => f.total).length} files, ${valid} mutants: killed ${count.Killed}, timeout ${count.Timeout}, survived ${count.Survived}, no coverage ${count.NoCoverage}), break at ${BREAK} %, took ${(seconds / 60).toFixed(1)} min; report ${CONFIG.htmlReporter.fileName}`,
);
process.exit(ok ? 0 : 1);
