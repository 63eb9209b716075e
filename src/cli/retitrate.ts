/**
 * The `retitrate` command (bundled to plain JS in lib/; see vite.lib.config.ts and README "Command line").
 *
 *   retitrate plan FILE|-            one JSON plan                       exit 0
 *   retitrate plan --ndjson FILE|-   one request per line → one result per line (worker threads)
 *   retitrate check FILE|-           pharmacist check of a proposed schedule: 0 within, 1 exceeds
 *   retitrate list                   the known drugs and their formulation ids
 *   retitrate --help | --version
 *
 * Exit codes: 0 plan / within, 1 check verdict "exceeds", 2 invalid input, 3 plan refused, 64 usage.
 */
import { readFileSync } from 'node:fs';
import { checkSchedule } from '../engine/check.ts';
import { ENGINE_VERSION, listDrugs } from '../engine/index.ts';
import { PROTOCOL_VERSION } from '../protocols/version.ts';
import { EXIT, planOutcome } from './outcome.ts';
import { runNdjson } from './ndjson.ts';

export const USAGE = `usage: retitrate <command> [options]

Conservative, sourced restart schedules after a break in treatment. A decision aid for clinicians:
every step is a ceiling, not a prescription.

commands:
  retitrate plan FILE|-            print the restart plan for one JSON request (- reads stdin)
  retitrate plan --ndjson FILE|-   one JSON request per line in, one JSON result per line out, in order
                                   (--threads N: worker threads, default one per core; 0 = none)
  retitrate check FILE|-           check a proposed schedule (request fields + "proposed") against the ceiling plan
  retitrate list                   the known drugs, their class and formulation ids
  retitrate --help                 this text
  retitrate --version              package, engine and protocol versions

exit codes:
  0   plan printed (--ndjson: every line gave a plan); check verdict "within"
  1   check verdict "exceeds"
  2   invalid input: {"errors":[{"path","code","message"}]} on stdout (--ndjson: some line invalid)
  3   plan refused: {"refusal":{…},"errors":[…]} on stdout (--ndjson: some line refused, none invalid)
  64  usage error (this text on stderr)

schemas: schema/request.schema.json, schema/check.schema.json, schema/plan.schema.json in the package.
`;

declare const __PACKAGE_VERSION__: string | undefined;

export function versionLine(): string {
  const pkg = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : ENGINE_VERSION;
  return `retitrate ${pkg} (engine ${ENGINE_VERSION}, protocols ${PROTOCOL_VERSION})`;
}

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readInput: (file: string) => string;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readInput: (file) => (file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')),
};

function usageError(io: Io, message: string): number {
  io.stderr(`retitrate: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

function readJson(io: Io, file: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(io.readInput(file)) };
  } catch (error) {
    const message = error instanceof SyntaxError ? `The input is not valid JSON: ${error.message}` : `Cannot read ${file}: ${(error as Error).message}`;
    io.stdout(`${JSON.stringify({ errors: [{ path: '', code: 'unreadable-input', message }] })}\n`);
    return { ok: false };
  }
}

/** Runs one command synchronously (every command but `plan --ndjson`); returns the exit code. */
export function runCommand(args: readonly string[], io: Io = processIo): number {
  const [command, ...rest] = args;
  if (command === undefined) return usageError(io, 'no command');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${versionLine()}\n`);
    return EXIT.ok;
  }
  if (command === 'list' || command === '--list') {
    if (rest.length) return usageError(io, 'list takes no arguments');
    io.stdout(`${JSON.stringify(listDrugs().map((d) => ({ id: d.id, class: d.class, formulations: d.formulations })))}\n`);
    return EXIT.ok;
  }
  if (command === 'plan' || command === 'check') {
    if (rest.length !== 1 || (rest[0]!.startsWith('-') && rest[0] !== '-')) return usageError(io, `${command} takes one FILE or -`);
    const input = readJson(io, rest[0]!);
    if (!input.ok) return EXIT.invalid;
    if (command === 'check') {
      const checked = checkSchedule(input.value);
      if (!checked.ok) {
        io.stdout(`${JSON.stringify({ errors: checked.errors }, null, 2)}\n`);
        return EXIT.invalid;
      }
      io.stdout(`${JSON.stringify(checked.result, null, 2)}\n`);
      return checked.result.verdict === 'exceeds' ? EXIT.exceeds : EXIT.ok;
    }
    const outcome = planOutcome(input.value);
    io.stdout(`${JSON.stringify(outcome.body, null, 2)}\n`);
    return outcome.exit;
  }
  return usageError(io, `unknown command ${JSON.stringify(command)}`);
}

/** Entry point: `plan --ndjson` streams (asynchronous); everything else is one synchronous call. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  if (args[0] === 'plan' && args.includes('--ndjson')) {
    const rest = args.slice(1).filter((a) => a !== '--ndjson');
    let threads: number | undefined;
    const at = rest.indexOf('--threads');
    if (at >= 0) {
      threads = Number(rest[at + 1]);
      if (!Number.isInteger(threads) || threads < 0 || threads > 64) return usageError(processIo, '--threads takes a whole number from 0 to 64');
      rest.splice(at, 2);
    }
    if (rest.length > 1 || (rest[0] !== undefined && rest[0].startsWith('-') && rest[0] !== '-')) return usageError(processIo, 'plan --ndjson takes at most one FILE or -');
    return runNdjson(rest[0] ?? '-', threads === undefined ? {} : { threads });
  }
  return runCommand(args);
}
