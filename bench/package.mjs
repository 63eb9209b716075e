/**
 * Benchmark of the built package (lib/, `npm run build:lib`): cold start of the `retitrate` bin beside the old
 * tsx path, and `plan --ndjson` throughput on 100,000 varied lines. Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = 'examples/oxycodone-after-prison.json';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// GNU time reports the child's CPU seconds (user + system), which a machine shared with other work does not inflate.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const CPU_MARK = 'retitrate-bench-cpu';

/** Runs the command; wall milliseconds, and CPU milliseconds when GNU time is there. */
function run(command, args, options = {}, exitCodes = [0]) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', `${CPU_MARK} %U %S`, command, ...args]] : [command, args];
  const start = performance.now();
  const result = spawnSync(file, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const wall = performance.now() - start;
  if (!exitCodes.includes(result.status)) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const mark = (result.stderr ?? '').split('\n').find((line) => line.startsWith(CPU_MARK));
  const cpu = mark ? mark.split(' ').slice(1).reduce((total, seconds) => total + Number(seconds) * 1000, 0) : NaN;
  return { wall, cpu };
}

function timeRuns(command, args, runs) {
  return Array.from({ length: runs }, () => run(command, args));
}

/** Cold start: a fresh process answering one plan, median of 20 (bin) and of 20 (old tsx path). */
export function coldStart() {
  const bin = timeRuns(process.execPath, ['lib/cli.js', 'plan', EXAMPLE], 20);
  const tsx = timeRuns(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/plan.ts', EXAMPLE], 20);
  const bare = timeRuns(process.execPath, ['-e', '0'], 20);
  const ms = (runs, key) => Math.round(median(runs.map((r) => r[key])));
  console.log(`bench: cold start, one plan (median of 20, wall clock): bin lib/cli.js ${ms(bin, 'wall')} ms; old path tsx src/cli/plan.ts ${ms(tsx, 'wall')} ms; (node -e 0 on this machine now: ${ms(bare, 'wall')} ms)`);
  if (GNU_TIME) console.log(`bench: cold start, one plan (median of 20, CPU time user+sys): bin ${ms(bin, 'cpu')} ms; tsx ${ms(tsx, 'cpu')} ms; node -e 0 ${ms(bare, 'cpu')} ms`);
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
    // Exit 2: every tenth line is invalid on purpose.
    const { cpu } = run(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] }, [2]);
    closeSync(fd);
    const seconds = (performance.now() - start) / 1000;
    const out = countLines(outFile);
    const bytes = statSync(outFile).size;
    if (out !== lines.length) throw new Error(`ndjson: ${out} results for ${lines.length} lines`);
    const label = threads === undefined ? 'one worker thread per core' : 'no worker threads';
    console.log(`bench: plan --ndjson, 100,000 varied lines, ${label}: ${Math.round(lines.length / seconds)} requests per second (${seconds.toFixed(1)} s, process start included; ${Math.round(bytes / 2 ** 20)} MB out${Number.isFinite(cpu) ? `; ${Math.round(lines.length / (cpu / 1000))} per CPU-second` : ''})`);
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
