/**
 * Command line: `npm run --silent plan -- FILE` (FILE `-` = stdin) prints one JSON plan, exit 0;
 * invalid input prints `{"errors":[…]}` and exits 2. `--list` prints the known drugs.
 * A refused plan (a labelled contraindication) prints `{"refusal":{…},"errors":[…]}` and exits 3.
 * `check FILE|-`: checks a proposed schedule (request fields + `proposed`) against the ceiling plan and
 * prints `{verdict, findings, steps, plan}`, exit 0; invalid input prints `{"errors":[…]}`, exit 2.
 */
import { readFileSync } from 'node:fs';
import { listDrugs, planRestart } from '../engine/index.ts';
import { checkSchedule } from '../engine/check.ts';

function usage(): never {
  process.stderr.write('usage: npm run --silent plan -- FILE | - | --list | check FILE|-\n');
  process.exit(64);
}

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

export function main(argv: readonly string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args[0] === '--list') {
    process.stdout.write(`${JSON.stringify(listDrugs().map((d) => ({ id: d.id, class: d.class, formulations: d.formulations })))}\n`);
    return 0;
  }
  const checking = args[0] === 'check';
  if (checking ? args.length !== 2 : args.length !== 1) usage();
  const file = args[args.length - 1]!;
  let request: unknown;
  try {
    request = JSON.parse(readInput(file));
  } catch (error) {
    const message = error instanceof SyntaxError ? `The input is not valid JSON: ${error.message}` : `Cannot read ${file}: ${(error as Error).message}`;
    process.stdout.write(`${JSON.stringify({ errors: [{ path: '', code: 'unreadable-input', message }] })}\n`);
    return 2;
  }
  if (checking) {
    const checked = checkSchedule(request);
    if (!checked.ok) {
      process.stdout.write(`${JSON.stringify({ errors: checked.errors }, null, 2)}\n`);
      return 2;
    }
    process.stdout.write(`${JSON.stringify(checked.result, null, 2)}\n`);
    return 0;
  }
  const result = planRestart(request);
  if (!result.ok && result.refusal) {
    process.stdout.write(`${JSON.stringify({ refusal: result.refusal, errors: result.errors }, null, 2)}\n`);
    return 3;
  }
  if (!result.ok) {
    process.stdout.write(`${JSON.stringify({ errors: result.errors }, null, 2)}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.plan, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
