// Mutation score of the protocol DATA (src/protocols), measured on a random sample.
//
// Why a sample: protocol values are evaluated once, when the module is imported, so Stryker calls them "static"
// mutants; each one needs the whole pinning test set rerun in a fresh module graph (seconds each), and there are
// ~4,000 value mutants (every string and boolean in the tables). The main run (mutation.mjs, ignoreStatic) scores
// every non-static mutant of src/engine and src/protocols; this script scores a seeded random sample of the static
// value mutants (StringLiteral and BooleanLiteral: decimal amounts, units, ids, source ids and locators, scored
// flags). Object and array deletions are left out: they remove whole rows, which the pin tests' counts catch, and
// their ranges would drag every nested value into the sample.
//   MUTATE_PROTOCOL_SAMPLE (default 200) mutants, MUTATE_PROTOCOL_SEED (default 20261128).
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStryker } from './stryker-run.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = Number(process.env.MUTATE_PROTOCOL_SAMPLE || 200);
const SEED = Number(process.env.MUTATE_PROTOCOL_SEED || 20261128);
const BREAK = 85;
const REPORT = 'artifacts/mutation/protocols.json';
const KINDS = new Set(['StringLiteral', 'BooleanLiteral']);
const t0 = Date.now();

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
// types.ts holds no values; version.ts is a label, not clinical data
const files = walk(resolve(ROOT, 'src/protocols'))
  .filter((f) => f.endsWith('.ts') && !/\/types\.ts$|\/version\.ts$/.test(f))
  .map((f) => relative(ROOT, f))
  .sort();
const quiet = { isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, debug() {}, trace() {}, info() {}, warn() {}, error() {}, fatal() {} };
const { mutants } = await new Instrumenter(quiet).instrument(
  files.map((name) => ({ name, content: readFileSync(resolve(ROOT, name), 'utf8'), mutate: true })),
  { plugins: null, excludedMutations: [], ignorers: [], noHeader: true },
);
const candidates = mutants.filter((m) => KINDS.has(m.mutatorName));

// mulberry32: a small seeded generator, so the sample is the same on every machine for the same data
let s = SEED >>> 0;
const random = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pool = [...candidates];
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const sample = pool.slice(0, Math.min(SAMPLE, pool.length));
// Stryker's --mutate takes file:startLine:startColumn-endLine:endColumn (lines 1-based, columns 0-based as the
// instrumenter reports them); string and boolean literals contain no other mutant, so each range selects exactly the
// sampled mutant
const ranges = sample.map((m) => `${m.fileName}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`);
console.log(`  protocol data: ${files.length} files, ${mutants.length} mutants, ${candidates.length} value mutants; sampling ${sample.length} (seed ${SEED})`);

const args = ['stryker.protocols.config.json', '--mutate', ranges.join(',')];
const { code } = await runStryker(args);
const seconds = (Date.now() - t0) / 1000;
let report;
try {
  report = JSON.parse(readFileSync(resolve(ROOT, REPORT), 'utf8'));
} catch (e) {
  console.log(`protocol data mutation score: FAIL — no report (${e.message}); stryker exited ${code}`);
  process.exit(1);
}
const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
const survivors = [];
for (const [file, { mutants: ms }] of Object.entries(report.files))
  for (const m of ms) {
    if (m.status in count) count[m.status]++;
    if (m.status === 'Survived' || m.status === 'NoCoverage') survivors.push(`${file}:${m.location.start.line} ${m.mutatorName} → ${m.replacement}`);
  }
const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage;
const score = valid ? (100 * (count.Killed + count.Timeout)) / valid : 0;
for (const line of survivors.slice(0, 15)) console.log(`  survived: ${line}`);
const ok = code === 0 && valid > 0 && score >= BREAK;
console.log(
  `protocol data mutation score: ${ok ? 'PASS' : 'FAIL'} — ${score.toFixed(2)} % of a random sample of ${valid} value mutants (of ${candidates.length}; seed ${SEED}): killed ${count.Killed}, timeout ${count.Timeout}, survived ${count.Survived}, no coverage ${count.NoCoverage}; break at ${BREAK} %, took ${(seconds / 60).toFixed(1)} min; report ${REPORT}`,
);
process.exit(ok ? 0 : 1);
