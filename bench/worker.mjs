/** One benchmark worker: plans the request set for a fixed time and reports how many plans it made. */
import { parentPort, workerData } from 'node:worker_threads';
import { planRestart } from './dist/engine.js';
import { benchmarkRequests } from './dist/requests.js';

const requests = benchmarkRequests();
for (let i = 0; i < 3; i++) for (const request of requests) planRestart(request);
parentPort.postMessage({ ready: true });
parentPort.once('message', () => {
  const deadline = performance.now() + workerData.ms;
  let plans = 0;
  while (performance.now() < deadline) {
    for (const request of requests) planRestart(request);
    plans += requests.length;
  }
  parentPort.postMessage({ plans });
});
