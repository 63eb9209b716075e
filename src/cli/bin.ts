/**
 * The bundled `retitrate` bin (lib/cli.js). The same file runs the `plan --ndjson` worker threads, which plan
 * batches of lines instead of running the command.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { NDJSON_WORKER, serveNdjsonWorker } from './ndjson.ts';
import { main } from './retitrate.ts';

if (!isMainThread && (workerData as { role?: string } | null)?.role === NDJSON_WORKER) serveNdjsonWorker();
else process.exitCode = await main(process.argv.slice(2));
