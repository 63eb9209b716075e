import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runCli(args: string[], input?: string) {
  const result = spawnSync('npx', ['tsx', 'src/cli/plan.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plan command line', () => {
  it('prints one JSON plan for a request file and exits 0', () => {
    const { code, stdout } = runCli(['examples/oxycodone-after-prison.json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan).toMatchObject({ drug: 'oxycodone', drugClass: 'opioid', formulation: 'ir', daysOff: 27, missedDays: 26 });
    expect(plan.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost' });
    expect(plan.steps.length).toBeGreaterThan(1);
    expect(plan.version.engine).toMatch(/^\d+\.\d+\.\d+$/);
  }, 20_000);

  it('plans a regimen of several opioids: each component, their sum, one restart product with its as-needed allowance', () => {
    const { code, stdout } = runCli(['examples/oxycodone-er-and-ir-as-needed.json']);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.prior.components.map((c: { path: string; dailyEquivalent: { amount: string } }) => [c.path, c.dailyEquivalent.amount])).toEqual([
      ['prior', '60'],
      ['additionalPrior.0', '22.5'],
    ]);
    expect(plan.prior.dailyEquivalent).toEqual({ amount: '82.5', unit: 'MME' });
    expect(new Set(plan.steps.map((s: { drug: string; formulation: string }) => `${s.drug}/${s.formulation}`))).toEqual(new Set(['oxycodone/ir']));
    expect(plan.steps.at(-1).dailyDose).toEqual({ amount: '55', unit: 'mg' });
    expect(plan.steps.every((s: { asNeededAllowance?: unknown }) => s.asNeededAllowance)).toBe(true);
  }, 20_000);

  it('exits 2 when another class is listed as a prior medicine, naming the field', () => {
    const request = { drug: 'oxycodone', prior: { dose: 10, unit: 'mg', timesPerDay: 4 }, additionalPrior: [{ drug: 'alprazolam', dose: 1, unit: 'mg', timesPerDay: 2 }], priorDurationDays: 90, lastDoseDate: '2026-11-20', restartDate: '2026-11-28' };
    const { code, stdout } = runCli(['-'], JSON.stringify(request));
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors).toEqual([expect.objectContaining({ path: 'additionalPrior.0.drug', code: 'wrong-class' })]);
  }, 20_000);

  it('reads the request from stdin with -', () => {
    const request = { drug: 'morphine', prior: { dose: 15, unit: 'mg', timesPerDay: 4 }, priorDurationDays: 30, lastDoseDate: '2026-11-26', restartDate: '2026-11-28' };
    const { code, stdout } = runCli(['-'], JSON.stringify(request));
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.formulation).toBe('ir');
    expect(plan.steps[0].dailyDose).toEqual({ amount: '60', unit: 'mg' });
  }, 20_000);

  it('prints field errors and exits 2 on an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retitrate-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ drug: 'oxycodone', prior: { dose: 'ten', unit: 'mg', timesPerDay: 4 }, priorDurationDays: 90, lastDoseDate: '2026-11-01', restartDate: '2026-10-01' }));
    const { code, stdout } = runCli([file]);
    expect(code).toBe(2);
    const { errors } = JSON.parse(stdout);
    expect(errors.map((e: { path: string }) => e.path).sort()).toEqual(['prior.dose', 'restartDate']);
  }, 20_000);

  it('exits 2 on input that is not JSON', () => {
    const { code, stdout } = runCli(['-'], '{not json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors[0].code).toBe('unreadable-input');
  }, 20_000);

  it('lists the known drugs with --list', () => {
    const { code, stdout } = runCli(['--list']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toEqual(expect.arrayContaining([{ id: 'oxycodone', class: 'opioid', formulations: expect.arrayContaining(['ir']) }]));
  }, 20_000);
});
