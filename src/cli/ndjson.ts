/**
 * `retitrate plan --ndjson`: one JSON request per line in, one JSON result per line out, in input order.
 * A result is the plan, or `{"line": n, "errors": […]}`, or `{"line": n, "refusal": {…}, "errors": […]}`
 * (n = 1-based input line). Blank lines are skipped. Streaming: lines are planned in batches by worker
 * threads (one per core) while input is still being read; output is written as soon as the batches before it
 * are done, and reading pauses when too many batches are in flight. Input shorter than one batch is planned
 * in-process (no thread start-up cost).
 * Exit: 0 every line gave a plan; 2 some line was invalid; 3 some line was refused and none invalid.
 */
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { EXIT, planOutcome } from './outcome.ts';

export const NDJSON_WORKER = 'retitrate-ndjson-worker';
const BATCH_LINES = 200;
const encoder = new TextEncoder();

interface Batch {
  readonly seq: number;
  readonly firstLine: number;
  readonly lines: readonly string[];
}
interface BatchResult {
  readonly seq: number;
  /** The batch's output lines, UTF-8 (transferred from a worker without a copy). */
  readonly bytes: Uint8Array;
  /** Worst exit code of the batch (0, 2 or 3). */
  readonly exit: number;
}

/** Plans a batch of input lines; `lines[i]` is input line `firstLine + i` (blank lines give no output). */
export function planLines(batch: Batch): BatchResult {
  let text = '';
  let invalid = false;
  let refused = false;
  batch.lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = batch.firstLine + index;
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch (error) {
      invalid = true;
      const message = `Line ${lineNumber} is not valid JSON: ${(error as Error).message}`;
      text += `${JSON.stringify({ line: lineNumber, errors: [{ path: '', code: 'unreadable-input', message }] })}\n`;
      return;
    }
    const outcome = planOutcome(request);
    if (outcome.exit === EXIT.invalid) invalid = true;
    if (outcome.exit === EXIT.refused) refused = true;
    text += `${JSON.stringify(outcome.exit === EXIT.ok ? outcome.body : { line: lineNumber, ...(outcome.body as object) })}\n`;
  });
  return { seq: batch.seq, bytes: encoder.encode(text), exit: invalid ? EXIT.invalid : refused ? EXIT.refused : EXIT.ok };
}

/** The worker side: plans every batch it is sent. */
export function serveNdjsonWorker(): void {
  parentPort!.on('message', (batch: Batch) => {
    const result = planLines(batch);
    parentPort!.postMessage(result, [result.bytes.buffer as ArrayBuffer]);
  });
}

export interface NdjsonOptions {
  /** Worker threads; 0 plans in-process. Default: one per core. */
  readonly threads?: number;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Module the workers run (the bundled bin); default: this module's own file. */
  readonly workerUrl?: URL;
}

export async function runNdjson(file: string, options: NdjsonOptions = {}): Promise<number> {
  const input: NodeJS.ReadableStream = options.input ?? (file === '-' ? process.stdin : createReadStream(file));
  const output = options.output ?? process.stdout;
  const threads = options.threads ?? availableParallelism();
  const maxInFlight = Math.max(2, threads * 4);
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const queue: Batch[] = [];
  const done = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let seq = 0;
  let lineNumber = 1;
  let pending: string[] = [];
  let pendingFirst = 1;
  let exit: number = EXIT.ok;
  let inFlight = 0;
  let ended = false;
  let settle: (code: number) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const finished = new Promise<number>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });

  const worse = (code: number) => {
    if (code === EXIT.invalid || (code === EXIT.refused && exit === EXIT.ok)) exit = code;
  };
  const flush = () => {
    for (let result = done.get(nextToWrite); result; result = done.get(nextToWrite)) {
      done.delete(nextToWrite++);
      if (result.bytes.length) output.write(result.bytes);
      worse(result.exit);
    }
  };
  const maybeFinish = () => {
    if (ended && inFlight === 0) {
      flush();
      for (const worker of workers) void worker.terminate();
      if (output === process.stdout) output.write('', () => settle(exit));
      else settle(exit);
    }
  };
  const pump = () => {
    while (queue.length && idle.length) idle.pop()!.postMessage(queue.shift());
    if (inFlight < maxInFlight && input.isPaused()) input.resume();
  };
  const startWorkers = () => {
    const url = options.workerUrl ?? new URL(import.meta.url);
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(url, { workerData: { role: NDJSON_WORKER } });
      worker.on('message', (result: BatchResult) => {
        done.set(result.seq, result);
        inFlight--;
        idle.push(worker);
        flush();
        pump();
        maybeFinish();
      });
      worker.on('error', (error) => fail(error));
      workers.push(worker);
      idle.push(worker);
    }
  };
  const dispatch = (lines: string[], firstLine: number) => {
    const batch: Batch = { seq: seq++, firstLine, lines };
    if (threads === 0) {
      done.set(batch.seq, planLines(batch));
      flush();
      return;
    }
    if (!workers.length) {
      if (ended) {
        // All the input fits in one batch: plan it here rather than start threads.
        done.set(batch.seq, planLines(batch));
        flush();
        return;
      }
      startWorkers();
    }
    inFlight++;
    queue.push(batch);
    pump();
    if (inFlight >= maxInFlight ) input.pause();
  };

  let partial = '';
  input.setEncoding('utf8');
  input.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const part of parts) {
      pending.push(part.endsWith('\r') ? part.slice(0, -1) : part);
      lineNumber++;
      if (pending.length === BATCH_LINES) {
        dispatch(pending, pendingFirst);
        pending = [];
        pendingFirst = lineNumber;
      }
    }
  });
  input.on('end', () => {
    if (partial) pending.push(partial);
    ended = true;
    if (pending.length) dispatch(pending, pendingFirst);
    maybeFinish();
  });
  input.on('error', (error: Error) => {
    output.write(`${JSON.stringify({ errors: [{ path: '', code: 'unreadable-input', message: `Cannot read ${file}: ${error.message}` }] })}\n`);
    ended = true;
    exit = EXIT.invalid;
    maybeFinish();
  });
  return finished;
}
