/**
 * The bundled `retitrate` bin (lib/cli.js). The same file runs the `plan --ndjson` worker threads, which plan
 * batches of lines instead of running the command. A programmer error (an exception: the engine reports bad
 * input as data, never by throwing) prints one line on stderr and exits 70 (EX_SOFTWARE), not a clinical code.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { NDJSON_WORKER, serveNdjsonWorker } from './ndjson.ts';
import { main } from './retitrate.ts';

if (!isMainThread && (workerData as { role?: string } | null)?.role === NDJSON_WORKER) serveNdjsonWorker();
else {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`retitrate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}
