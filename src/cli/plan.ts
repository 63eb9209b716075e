/**
 * Command line: `npm run --silent plan -- FILE` (FILE `-` = stdin) prints one JSON plan, exit 0;
 * invalid input prints `{"errors":[…]}` and exits 2. `--list` prints the known drugs.
 */
import { readFileSync } from 'node:fs';
import { listDrugs, planRestart } from '../engine/index.ts';

function usage(): never {
  process.stderr.write('usage: npm run --silent plan -- FILE | - | --list\n');
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
  if (args.length !== 1) usage();
  let request: unknown;
  try {
    request = JSON.parse(readInput(args[0]!));
  } catch (error) {
    const message = error instanceof SyntaxError ? `The input is not valid JSON: ${error.message}` : `Cannot read ${args[0]}: ${(error as Error).message}`;
    process.stdout.write(`${JSON.stringify({ errors: [{ path: '', code: 'unreadable-input', message }] })}\n`);
    return 2;
  }
  const result = planRestart(request);
  if (!result.ok) {
    process.stdout.write(`${JSON.stringify({ errors: result.errors }, null, 2)}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(result.plan, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
