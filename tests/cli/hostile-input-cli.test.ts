/**
 * Each robustness defect through the real command: exit 2 with `{"errors":[…]}` on stdout and nothing on stderr
 * (never a stack trace), a BOM accepted, the same plan in any time zone, and the check's exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runCli(args: string[], input?: string, tz = 'UTC') {
  const result = spawnSync('npx', ['tsx', 'src/cli/plan.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, TZ: tz }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
};
const STEP = { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 1 };

/** Exit 2, `{"errors": […]}` on stdout, nothing on stderr; returns "path code" of each error. */
function invalid(args: string[], input: string): string[] {
  const { code, stdout, stderr } = runCli(args, input);
  expect(stderr).toBe('');
  expect(code).toBe(2);
  const { errors } = JSON.parse(stdout) as { errors: { path: string; code: string; message: string }[] };
  return errors.map((e) => `${e.path} ${e.code}`);
}

describe('command line: hostile input', () => {
  it('a 1 MB digit string as the dose: too-long, answered at once, the input not echoed', () => {
    const { code, stdout, stderr } = runCli(['-'], JSON.stringify({ ...REQUEST, prior: { ...REQUEST.prior, dose: '9'.repeat(1_000_000) } }));
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expect(stdout.length).toBeLessThan(1000);
    expect(JSON.parse(stdout).errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual(['prior.dose too-long']);
  }, 60_000);

  it('objects with a toString key where text is expected, in the request and in a proposed step', () => {
    const hostile = { toString: 1 };
    expect(invalid(['-'], JSON.stringify({ ...REQUEST, prior: { ...REQUEST.prior, unit: hostile }, concurrent: [hostile] }))).toEqual([
      'prior.unit wrong-unit',
      'concurrent.0.drug unknown-concurrent-drug',
      // toString is not a field of a concurrent entry (the schema rejects unknown fields)
      'concurrent.0.toString unknown-field',
    ]);
    expect(invalid(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [{ ...STEP, drug: hostile }, { ...STEP, start: '2026-12-01', formulation: hostile }, { ...STEP, start: '2026-12-04', dose: { amount: '5', unit: hostile } }] }))).toEqual([
      'proposed.0.drug unknown-drug',
      'proposed.1.formulation unknown-formulation',
      'proposed.2.dose.unit unit-mismatch',
    ]);
  }, 60_000);

  it('arrays nested 100,000 deep and a step with 200,000 administrations', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = invalid(['-'], `{"drug":"oxycodone","prior":{"dose":"10","unit":${deep},"timesPerDay":4},"priorDurationDays":90,"lastDoseDate":"2026-11-01","restartDate":"2026-11-28"}`);
    expect(nested).toHaveLength(1);
    expect(nested[0]).toMatch(/^(prior\.unit(\.0)* too-deep| unreadable-input)$/);
    const huge = { start: '2026-11-28', dose: { unit: 'mg' }, administrations: Array.from({ length: 200_000 }, () => '5') };
    expect(invalid(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [huge] }))).toEqual(['proposed.0.administrations too-many']);
  }, 60_000);

  it('doses beyond 20 significant digits, and dates past 9999-12-31', () => {
    expect(invalid(['-'], JSON.stringify({ ...REQUEST, prior: { ...REQUEST.prior, dose: '10.00000000000000000001' } }))).toEqual(['prior.dose not-a-real-strength']);
    expect(invalid(['-'], JSON.stringify({ ...REQUEST, drug: 'sertraline', formulation: undefined, prior: { dose: '100.000000000000000000001', unit: 'mg', timesPerDay: 1 } }))).toEqual([
      'prior.dose not-a-real-strength',
    ]);
    expect(invalid(['-'], JSON.stringify({ ...REQUEST, lastDoseDate: '9999-12-01', restartDate: '9999-12-31' }))).toEqual(['lastDoseDate out-of-range', 'restartDate out-of-range']);
  }, 60_000);

  it('the planned drug as its own concurrent medicine: self-concurrent', () => {
    expect(invalid(['-'], JSON.stringify({ ...REQUEST, concurrent: ['alcohol', 'oxycodone'] }))).toEqual(['concurrent.1 self-concurrent']);
  }, 60_000);

  it('a request file starting with a UTF-8 byte-order mark is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retitrate-bom-'));
    const file = join(dir, 'request.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(REQUEST)}`, 'utf8');
    const { code, stdout, stderr } = runCli([file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).steps[0].start).toBe('2026-11-28');
  }, 60_000);

  it('TZ=Pacific/Apia gives the same plan as UTC, across the skipped day 2011-12-30', () => {
    const request = JSON.stringify({ ...REQUEST, lastDoseDate: '2011-12-20', restartDate: '2011-12-30' });
    const apia = runCli(['-'], request, 'Pacific/Apia');
    const utc = runCli(['-'], request, 'UTC');
    expect(apia.stderr).toBe('');
    expect(apia.code).toBe(0);
    expect(apia.stdout).toBe(utc.stdout);
  }, 60_000);
});

describe('command line: check exit codes', () => {
  it('0 within, 1 exceeds, 2 invalid', () => {
    const within = runCli(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [{ ...STEP, timesPerDay: 2 }] }));
    expect([within.code, JSON.parse(within.stdout).verdict, within.stderr]).toEqual([0, 'within', '']);
    const exceeds = runCli(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [{ ...STEP, dose: { amount: '10', unit: 'mg' }, timesPerDay: 4 }] }));
    expect([exceeds.code, JSON.parse(exceeds.stdout).verdict, exceeds.stderr]).toEqual([1, 'exceeds', '']);
    expect(invalid(['check', '-'], JSON.stringify({ ...REQUEST, proposed: [] }))).toEqual(['proposed empty']);
  }, 60_000);

  it("the engine's own methadone-for-OUD plan, checked back through the command, is within (exit 0)", () => {
    const request = { ...REQUEST, drug: 'methadone', formulation: undefined, indication: 'oud', prior: { dose: '80', unit: 'mg', timesPerDay: 1 } };
    const planned = runCli(['-'], JSON.stringify(request));
    expect(planned.code).toBe(0);
    const steps = (JSON.parse(planned.stdout) as { steps: { start: string; dose: { amount: string; unit: string }; timesPerDay: number }[] }).steps;
    expect(steps.length).toBeGreaterThan(2);
    const proposed = steps.map((s) => ({ start: s.start, dose: s.dose, timesPerDay: s.timesPerDay }));
    const checked = runCli(['check', '-'], JSON.stringify({ ...request, proposed }));
    expect([checked.code, JSON.parse(checked.stdout).verdict, checked.stderr]).toEqual([0, 'within', '']);
  }, 60_000);
});
