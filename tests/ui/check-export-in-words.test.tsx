// @vitest-environment jsdom
/**
 * The pharmacist's check in words (no finding codes, no "house rule" numbers) with print and export: a note and
 * a CSV of findings that carry the patient inputs and the plan the proposal was checked against.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planRestart, type RestartPlan } from '../../src/engine/index.ts';
import { checkAgainstPlan } from '../../src/engine/check.ts';
import CheckView from '../../src/ui/CheckView.tsx';
import { checkNote, findingsCsv, ruleWithoutHouseNumbers } from '../../src/ui/checkExport.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => localStorage.clear());

const example = JSON.parse(readFileSync('examples/oxycodone-after-prison.json', 'utf8')) as unknown;
function plan(): RestartPlan {
  const result = planRestart(example);
  if (!result.ok) throw new Error('no plan');
  return result.plan;
}
const INPUTS: [string, string][] = [
  ['Drug', 'oxyCODONE immediate-release tablet'],
  ['Before the break', '10 mg four times daily'],
  ['Concurrent medicines', 'ALPRAZolam'],
];
const RAW_CODE = /\b[A-Z]{2,}(_[A-Z]+)+\b/;

function exceedingResult(p: RestartPlan) {
  const outcome = checkAgainstPlan(p, [
    { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2 },
    { start: '2026-12-01', dose: { amount: '10', unit: 'mg' }, timesPerDay: 4 },
  ]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

describe('check exports', () => {
  it('the note carries the inputs, the proposed steps, the findings in words and the plan checked against', () => {
    const p = plan();
    const result = exceedingResult(p);
    expect(result.verdict).toBe('exceeds');
    const note = checkNote({ plan: p, result, inputs: INPUTS, checkedOn: '2026-11-28' });
    expect(note.split('\n')[0]).toBe('PHARMACIST CHECK: proposed oxyCODONE schedule — EXCEEDS the ceiling');
    expect(note).toContain('- Concurrent medicines: ALPRAZolam');
    expect(note).toContain('2. from 2026-12-01: 10 mg × 4 (40 mg a day) — EXCEEDS');
    expect(note).toMatch(/- Step 2 \(from 2026-12-01\): Daily dose above the ceiling\./);
    expect(note).toContain('CEILING PLAN CHECKED AGAINST\n1. 2026-11-28 to 2026-11-30: oxyCODONE immediate-release tablet 5 mg twice daily');
    expect(note).not.toMatch(RAW_CODE);
    expect(note).not.toMatch(/house rule/i);
  });

  it('the findings CSV has a BOM, the inputs, one row per finding in words', () => {
    const p = plan();
    const result = exceedingResult(p);
    const csv = findingsCsv({ plan: p, result, inputs: INPUTS, checkedOn: '2026-11-28' });
    expect(csv.startsWith('\uFEFFcheck of,oxyCODONE proposed schedule\r\nverdict,exceeds the ceiling\r\n')).toBe(true);
    expect(csv).toContain('input: Before the break,10 mg four times daily');
    const header = 'proposed step,start,finding,in words,proposed daily,ceiling daily,excess,excess percent,unit';
    const afterHeader = csv.split(header + '\r\n')[1]!.trim().split('\r\n');
    expect(afterHeader).toHaveLength(result.findings.length);
    expect(csv).not.toMatch(RAW_CODE);
  });

  it('drops internal rule numbers', () => {
    expect(ruleWithoutHouseNumbers('Never exceed the prior dose after a break (house rule 1).')).toBe('Never exceed the prior dose after a break.');
  });
});

describe('check view', () => {
  it('shows findings in words with print and export buttons', async () => {
    const p = plan();
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={p} inputs={INPUTS} />);
    await user.click(screen.getByText('Paste a schedule'));
    fireEvent.change(screen.getByLabelText('Pasted steps'), { target: { value: '2026-11-28, 5 mg, 2\n2026-12-01, 10 mg, 4' } });
    await user.click(screen.getByRole('button', { name: 'Use the pasted steps' }));
    await user.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    const table = await screen.findByRole('table', { name: 'Proposed steps against the ceiling' });
    expect(table).toHaveTextContent('Daily dose above the ceiling.');
    expect(table.textContent).not.toMatch(RAW_CODE);
    expect(table).not.toHaveTextContent(/house rule/i);
    for (const name of ['Copy check note', 'Download findings (CSV)', 'Print the check']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Patient inputs checked' })).getByText('ALPRAZolam')).toBeInTheDocument();
  });
});
