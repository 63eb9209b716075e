/**
 * Benchmark: plans per second over a fixed set of varied requests (every drug and formulation in the
 * registry, at several break lengths and risk profiles), on the bundled engine. Prints numbers; asserts nothing.
 * One thread first (wall clock and per CPU-second), then the machine with one worker thread per core; then the
 * built package (bench/package.mjs): cold start of the bin vs tsx, `plan --ndjson` throughput, tarball size.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { planRestart } from './dist/engine.js';
import { benchmarkRequests } from './dist/requests.js';
import { coldStart, ndjson, packageSize } from './package.mjs';

const requests = benchmarkRequests();
let ok = 0;
for (const request of requests) if (planRestart(request).ok) ok++;
console.log(`bench: ${requests.length} varied requests (${ok} give plans, ${requests.length - ok} field errors)`);

for (let i = 0; i < 3; i++) for (const request of requests) planRestart(request);
const rounds = [];
const cpuRounds = [];
const deadline = performance.now() + 3000;
while (performance.now() < deadline) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const request of requests) planRestart(request);
  const cpu = process.cpuUsage(cpuStart);
  rounds.push((requests.length / (performance.now() - start)) * 1000);
  cpuRounds.push(requests.length / ((cpu.user + cpu.system) / 1e6));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const inProcessRate = median(rounds);
console.log(`bench: one thread, plans per second (wall clock): median ${Math.round(inProcessRate)}, best ${Math.round(Math.max(...rounds))}`);
console.log(`bench: one thread, plans per CPU-second: median ${Math.round(median(cpuRounds.filter(Number.isFinite)))}`);

const cores = availableParallelism();
const ms = 3000;
const workers = Array.from({ length: cores }, () => new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { ms } }));
await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
const started = performance.now();
const counts = await Promise.all(
  workers.map((w) => {
    const done = new Promise((resolve) => w.once('message', (m) => resolve(m.plans)));
    w.postMessage('go');
    return done;
  }),
);
const seconds = (performance.now() - started) / 1000;
await Promise.all(workers.map((w) => w.terminate()));
console.log(`bench: ${cores} worker threads (one per core): ${Math.round(counts.reduce((a, b) => a + b, 0) / seconds)} plans per second`);

// The built package (lib/): the bin's cold start beside the old tsx path, batch throughput, size.
coldStart();
ndjson(requests, inProcessRate);
packageSize();
