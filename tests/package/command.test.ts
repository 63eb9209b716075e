import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { planLines, runNdjson } from '../../src/cli/ndjson.ts';
import { planOutcome } from '../../src/cli/outcome.ts';
import { runCommand, USAGE, versionLine, type Io } from '../../src/cli/retitrate.ts';
import { planRestart } from '../../src/engine/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

function run(args: string[], inputs: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readInput: (file) => {
      if (file in inputs) return inputs[file]!;
      throw new Error(`ENOENT: no such file ${file}`);
    },
  };
  const code = runCommand(args, io);
  return { code, stdout, stderr };
}

describe('retitrate command: exit codes and output', () => {
  it('plan FILE prints the engine plan and exits 0', () => {
    const { code, stdout } = run(['plan', 'req.json'], { 'req.json': example('oxycodone-after-prison.json') });
    expect(code).toBe(0);
    const expected = planRestart(JSON.parse(example('oxycodone-after-prison.json')));
    expect(expected.ok && JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected.ok && expected.plan)));
  });

  it('plan - reads stdin; invalid fields print {errors} and exit 2', () => {
    const { code, stdout } = run(['plan', '-'], { '-': JSON.stringify({ drug: 'oxycodone', prior: { dose: 'ten', unit: 'mg', timesPerDay: 4 } }) });
    expect(code).toBe(2);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual(['errors']);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain('prior.dose');
  });

  it('unreadable or non-JSON input is invalid input (exit 2, code unreadable-input)', () => {
    expect(JSON.parse(run(['plan', 'missing.json']).stdout).errors[0]).toMatchObject({ code: 'unreadable-input', message: expect.stringContaining('missing.json') });
    expect(run(['plan', 'missing.json']).code).toBe(2);
    const bad = run(['check', '-'], { '-': '{not json' });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).errors[0].code).toBe('unreadable-input');
  });

  it('check exits 0 when the proposal is within the ceiling and 1 when it exceeds it', () => {
    const within = run(['check', 'c.json'], { 'c.json': example('check-within.json') });
    expect(within.code).toBe(0);
    expect(JSON.parse(within.stdout)).toMatchObject({ verdict: 'within', findings: [] });
    const exceeds = run(['check', 'c.json'], { 'c.json': example('check-exceeds.json') });
    expect(exceeds.code).toBe(1);
    const body = JSON.parse(exceeds.stdout);
    expect(body.verdict).toBe('exceeds');
    expect(body.findings.map((f: { code: string }) => f.code)).toContain('ABOVE_CEILING');
  });

  it('check with field errors exits 2', () => {
    const { proposed: _proposed, ...request } = JSON.parse(example('check-within.json'));
    void _proposed;
    const { code, stdout } = run(['check', '-'], { '-': JSON.stringify(request) });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors.map((e: { path: string }) => e.path)).toEqual(['proposed']);
  });

  it('list prints every drug with its class and formulations', () => {
    const { code, stdout } = run(['list']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list.length).toBeGreaterThan(50);
    expect(list).toContainEqual({ id: 'oxycodone', class: 'opioid', formulations: expect.arrayContaining(['ir']) });
  });

  it('--help and --version print to stdout and exit 0', () => {
    expect(run(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${versionLine()}\n`);
    expect(version.stdout).toMatch(/^retitrate \d+\.\d+\.\d+ \(engine \d+\.\d+\.\d+, protocols [\d.]+\)\n$/);
  });

  it.each([[[]], [['plan']], [['plan', 'a.json', 'b.json']], [['check']], [['plan', '--frobnicate']], [['list', 'x']], [['frobnicate']]])('usage error %j: exit 64, usage on stderr, nothing on stdout', (args) => {
    const { code, stdout, stderr } = run(args as string[]);
    expect(code).toBe(64);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: retitrate');
  });

  it('USAGE documents every exit code', () => {
    for (const code of ['0 ', '1 ', '2 ', '3 ', '64 ']) expect(USAGE).toContain(`\n  ${code}`);
  });
});

describe('plan outcome: plan, field errors or refusal', () => {
  it('a plan is exit 0 with the plan as body; errors are exit 2 with {errors}', () => {
    const ok = planOutcome(JSON.parse(example('oxycodone-after-prison.json')));
    expect(ok.exit).toBe(0);
    expect(ok.body).toMatchObject({ drug: 'oxycodone', steps: expect.any(Array) });
    const bad = planOutcome({});
    expect(bad.exit).toBe(2);
    expect(Object.keys(bad.body as object)).toEqual(['errors']);
  });
});

function ndjsonOf(text: string): Promise<{ code: number; lines: unknown[] }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
  const running = runNdjson('-', { input, output, threads: 0 });
  // In pieces that cut lines in two, as a pipe delivers them.
  for (let i = 0; i < text.length; i += 37) input.write(text.slice(i, i + 37));
  input.end();
  return running.then((code) => ({ code, lines: out.split('\n').filter(Boolean).map((l) => JSON.parse(l)) }));
}

describe('plan --ndjson: one result per request line, in order', () => {
  const request = JSON.parse(example('oxycodone-after-prison.json'));
  const plan = JSON.parse(JSON.stringify((planRestart(request) as { plan: unknown }).plan));

  it('gives the plan for each valid line and exits 0', async () => {
    const morphine = { ...request, drug: 'morphine', prior: { dose: '15', unit: 'mg', timesPerDay: 4 }, concurrent: [] };
    const { code, lines } = await ndjsonOf(`${JSON.stringify(request)}\n${JSON.stringify(morphine)}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual(plan);
    expect(lines[1]).toMatchObject({ drug: 'morphine' });
  });

  it('names the line of each invalid request, skips blank lines, and exits 2', async () => {
    const text = `${JSON.stringify(request)}\n\n{"drug":\n${JSON.stringify({ ...request, restartDate: 'soon' })}\r\n${JSON.stringify(request)}`;
    const { code, lines } = await ndjsonOf(text);
    expect(code).toBe(2);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual(plan);
    expect(lines[1]).toEqual({ line: 3, errors: [{ path: '', code: 'unreadable-input', message: expect.stringContaining('Line 3') }] });
    expect(lines[2]).toMatchObject({ line: 4, errors: [{ path: 'restartDate' }] });
    expect(lines[3]).toEqual(plan);
  });

  it('planLines numbers lines from the batch start', () => {
    const result = planLines({ seq: 7, firstLine: 201, lines: ['{}', '', JSON.stringify(request)] });
    expect(result.seq).toBe(7);
    expect(result.exit).toBe(2);
    const out = new TextDecoder().decode(result.bytes).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0].line).toBe(201);
    expect(out[1]).toEqual(plan);
  });

  it('the batch example gives four plans and two line errors', async () => {
    const { code, lines } = await ndjsonOf(example('batch.ndjson'));
    expect(code).toBe(2);
    expect(lines.map((l) => ('line' in (l as object) ? (l as { line: number }).line : (l as { drug: string }).drug))).toEqual(['oxycodone', 'morphine', 'diazepam', 'sertraline', 5, 6]);
  });
});
