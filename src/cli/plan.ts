/**
 * Command line: `npm run --silent plan -- FILE` (FILE `-` = stdin) prints one JSON plan, exit 0;
 * invalid input prints `{"errors":[…]}` and exits 2; a refused plan prints `{"refusal":…,"errors":[…]}` and exits 3.
 * `--list` prints the known drugs. The built, faster form of this command is the `retitrate` bin (retitrate.ts).
 * `check FILE|-`: checks a proposed schedule (request fields + `proposed`) against the ceiling plan and
 * prints `{verdict, findings, steps, plan}`: exit 0 when the verdict is "within", 1 when it is "exceeds" (so
 * scripts can gate on it), 2 on invalid input (`{"errors":[…]}`), 3 when the plan is refused
 * (`{"verdict":"exceeds","findings":[PLAN_REFUSED…],"refusal":{…},"errors":[…]}`).
 * A UTF-8 byte-order mark at the start of the input is ignored. Whatever the input, the answer is JSON on
 * stdout and nothing on stderr (usage errors aside).
 */
import { readFileSync } from 'node:fs';
import { listDrugs } from '../engine/index.ts';
import { planOutcome } from './outcome.ts';
import { checkSchedule } from '../engine/check.ts';
import { truncateForMessage } from '../engine/format.ts';

function usage(): never {
  process.stderr.write('usage: npm run --silent plan -- FILE | - | --list | check FILE|-\n');
  process.exit(64);
}

function readInput(file: string): string {
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  // Editors on Windows save JSON with a byte-order mark; JSON.parse rejects it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

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
    // The parser's message can quote the input: cut it (never echo unbounded input).
    const reason = truncateForMessage(String((error as Error).message), 200);
    const message = error instanceof SyntaxError ? `The input is not valid JSON: ${reason}` : `Cannot read ${truncateForMessage(file, 200)}: ${reason}`;
    process.stdout.write(`${JSON.stringify({ errors: [{ path: '', code: 'unreadable-input', message }] })}\n`);
    return 2;
  }
  if (checking) {
    const checked = checkSchedule(request);
    if (!checked.ok && checked.refusal) {
      print({ verdict: checked.verdict, findings: checked.findings, refusal: checked.refusal, errors: checked.errors });
      return 3;
    }
    if (!checked.ok) {
      print({ errors: checked.errors });
      return 2;
    }
    print(checked.result);
    return checked.result.verdict === 'within' ? 0 : 1;
  }
  const outcome = planOutcome(request);
  process.stdout.write(`${JSON.stringify(outcome.body, null, 2)}\n`);
  return outcome.exit;
}

process.exitCode = main(process.argv.slice(2));
