/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function run(args: string[], input?: string) {
  const result = spawnSync('npx', ['tsx', 'src/cli/plan.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
};

describe('CLI: plan check', () => {
  it('prints the verdict, findings and plan and exits 1 when the verdict is exceeds (file argument)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retitrate-check-'));
    const file = join(dir, 'check.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...REQUEST,
        proposed: [
          { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 4 },
          { start: '2026-12-01', dose: { amount: '10', unit: 'mg' }, timesPerDay: 3 },
        ],
      }),
    );
    const { status, stdout } = run(['check', file]);
    // Exit 1 for "exceeds" (was 0: scripts could not gate on the verdict).
    expect(status).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.verdict).toBe('exceeds');
    expect(output.findings.map((f: { code: string }) => f.code)).toContain('ABOVE_CEILING');
    const above = output.findings.find((f: { code: string }) => f.code === 'ABOVE_CEILING');
    expect(above).toMatchObject({ start: '2026-12-01', proposedDaily: { amount: '30', unit: 'mg' }, ceilingDaily: { amount: '25', unit: 'mg' }, excessPercent: '20.0' });
    expect(output.plan.steps[0].start).toBe('2026-11-28');
  }, 60_000);

  it('reads stdin with -, exits 0 with verdict within', () => {
    const { status, stdout } = run(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [{ start: '2026-11-28', dose: { amount: 5, unit: 'mg' }, timesPerDay: 4 }] }));
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'within', findings: [] });
  }, 60_000);

  it('prints every error and exits 2 on invalid input', () => {
    const { status, stdout } = run(
      ['check', '-'],
      JSON.stringify({ ...REQUEST, lastDoseDate: 'yesterday', proposed: [{ start: '2026-11-28', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }] }),
    );
    expect(status).toBe(2);
    expect(JSON.parse(stdout).errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'lastDoseDate invalid-date',
      'proposed.0.dose.unit unit-mismatch',
    ]);
    const broken = run(['check', '-'], '{ not json');
    expect(broken.status).toBe(2);
    expect(JSON.parse(broken.stdout).errors[0].code).toBe('unreadable-input');
  }, 60_000);

  it('checks the two-product example (examples/check-two-products.json): the day\'s total in MME with the working, exit 1', () => {
    const { status, stdout } = run(['check', 'examples/check-two-products.json']);
    expect(status).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.verdict).toBe('exceeds');
    expect(output.findings).toHaveLength(1);
    expect(output.findings[0]).toMatchObject({
      code: 'ABOVE_CEILING',
      step: 0,
      steps: [0, 1],
      proposedDaily: { amount: '37.5', unit: 'MME' },
      ceilingDaily: { amount: '30', unit: 'MME' },
      exceedsFrom: '2026-11-28',
      exceedsUntil: '2026-11-30',
    });
    expect(output.findings[0].working).toContain('Proposed total: 15 + 22.5 = 37.5 MME/day');
    expect(output.steps.map((s: { asNeeded?: boolean; status: string }) => [s.asNeeded ?? false, s.status])).toEqual([
      [false, 'exceeds'],
      [true, 'exceeds'],
      [false, 'within'],
      [true, 'within'],
    ]);
  }, 60_000);
});
