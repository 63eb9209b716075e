/**
 * Benchmark of the built package (lib/, `npm run build:lib`): cold start of the `retitrate` bin beside the old
 * tsx path, and `plan --ndjson` throughput on 100,000 varied lines. Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = 'examples/oxycodone-after-prison.json';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timeRuns(command, args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return times;
}

/** Cold start: a fresh process answering one plan, median of 20 (bin) and of 20 (old tsx path). */
export function coldStart() {
  const bin = timeRuns(process.execPath, ['lib/cli.js', 'plan', EXAMPLE], 20);
  const tsx = timeRuns(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/plan.ts', EXAMPLE], 20);
  const bare = timeRuns(process.execPath, ['-e', '0'], 20);
  console.log(`bench: cold start, one plan (median of 20): bin lib/cli.js ${Math.round(median(bin))} ms; old path tsx src/cli/plan.ts ${Math.round(median(tsx))} ms; (node -e 0 on this machine now: ${Math.round(median(bare))} ms)`);
}

function countLines(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
  closeSync(fd);
  return lines;
}

/** `plan --ndjson` on 100,000 varied lines (the benchmark requests repeated, every tenth with an error). */
export function ndjson(requests, inProcessRate) {
  const dir = mkdtempSync(join(tmpdir(), 'retitrate-bench-'));
  const file = join(dir, 'requests.ndjson');
  const lines = [];
  for (let i = 0; lines.length < 100_000; i++) {
    const request = requests[i % requests.length];
    lines.push(i % 10 === 9 ? JSON.stringify({ ...request, lastDoseDate: 'not a date' }) : JSON.stringify(request));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  for (const threads of [undefined, 0]) {
    const args = ['lib/cli.js', 'plan', '--ndjson', file, ...(threads === undefined ? [] : ['--threads', String(threads)])];
    const start = performance.now();
    const outFile = join(dir, 'results.ndjson');
    const fd = openSync(outFile, 'w');
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const seconds = (performance.now() - start) / 1000;
    const out = countLines(outFile);
    const bytes = statSync(outFile).size;
    if (out !== lines.length) throw new Error(`ndjson: ${out} results for ${lines.length} lines (exit ${result.status}): ${result.stderr}`);
    const label = threads === undefined ? 'one worker thread per core' : 'no worker threads';
    console.log(`bench: plan --ndjson, 100,000 varied lines, ${label}: ${Math.round(lines.length / seconds)} requests per second (${seconds.toFixed(1)} s, process start included; ${Math.round(bytes / 2 ** 20)} MB out)`);
  }
  if (inProcessRate) console.log(`bench: (engine in-process, one thread, for comparison: ${Math.round(inProcessRate)} plans per second)`);
  rmSync(dir, { recursive: true, force: true });
}

export function packageSize() {
  const dir = mkdtempSync(join(tmpdir(), 'retitrate-pack-'));
  const result = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(result.stdout);
  console.log(`bench: package ${info.filename}: ${(statSync(join(dir, info.filename)).size / 1024).toFixed(0)} KB packed, ${(info.unpackedSize / 1024).toFixed(0)} KB unpacked, ${info.entryCount} files`);
  rmSync(dir, { recursive: true, force: true });
}
