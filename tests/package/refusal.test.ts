/**
 * A refused plan (a class planner's PlanRefusal) on the command line: `{"refusal", "errors"}`, exit 3; in
 * `plan --ndjson`, the line's result carries the line number and the exit is 3 unless some line was invalid.
 * The planner is replaced here so that morphine is refused (no class planner refuses on this branch yet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { PlanRefusal } from '../../src/engine/types.ts';

const REFUSAL: PlanRefusal = {
  refused: true,
  code: 'TEST_REFUSAL',
  severity: 'block',
  path: 'concurrent.0',
  drug: 'morphine',
  formulation: 'ir',
  displayName: 'morphine',
  message: 'Refused for the test.',
  reasonSources: [],
  daysOff: 8,
  missedDays: 7,
  warnings: [],
  derivation: [],
  assumptions: [],
  assumptionDetails: [],
  sources: [],
  version: { engine: 'test', protocols: 'test', protocolsDate: '2026-11-28' },
};

vi.mock('../../src/engine/classes/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engine/classes/index.ts')>();
  return { ...actual, planForClass: (...args: Parameters<typeof actual.planForClass>) => (args[0].drug === 'morphine' ? REFUSAL : actual.planForClass(...args)) };
});

const { runNdjson } = await import('../../src/cli/ndjson.ts');
const { planOutcome } = await import('../../src/cli/outcome.ts');
const { runCommand } = await import('../../src/cli/retitrate.ts');

const ROOT = join(import.meta.dirname, '..', '..');
const oxycodone = JSON.parse(readFileSync(join(ROOT, 'examples', 'oxycodone-after-prison.json'), 'utf8'));
const morphine = { drug: 'morphine', prior: { dose: '15', unit: 'mg', timesPerDay: 4 }, priorDurationDays: 30, lastDoseDate: '2026-11-20', restartDate: '2026-11-28' };

describe('refused plans', () => {
  it('planOutcome: {refusal, errors} and exit 3', () => {
    const outcome = planOutcome(morphine);
    expect(outcome.exit).toBe(3);
    expect(outcome.body).toEqual({ refusal: REFUSAL, errors: [{ path: 'concurrent.0', code: 'plan-refused', message: 'No plan: Refused for the test.' }] });
  });

  it('retitrate plan prints the refusal and exits 3', () => {
    let stdout = '';
    const code = runCommand(['plan', '-'], { stdout: (t) => void (stdout += t), stderr: () => {}, readInput: () => JSON.stringify(morphine) });
    expect(code).toBe(3);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['refusal', 'errors']);
  });

  it('plan --ndjson: the refused line carries its line number; exit 3, or 2 when a line is also invalid', async () => {
    const run = async (text: string) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let out = '';
      output.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
      const running = runNdjson('-', { input, output, threads: 0 });
      input.end(text);
      const code = await running;
      return { code, lines: out.trimEnd().split('\n').map((l) => JSON.parse(l)) };
    };
    const refused = await run(`${JSON.stringify(oxycodone)}\n${JSON.stringify(morphine)}\n`);
    expect(refused.code).toBe(3);
    expect(refused.lines[0].drug).toBe('oxycodone');
    expect(refused.lines[1]).toMatchObject({ line: 2, refusal: { code: 'TEST_REFUSAL' }, errors: [{ code: 'plan-refused' }] });
    const both = await run(`${JSON.stringify(morphine)}\n{}\n`);
    expect(both.code).toBe(2);
  });
});
