// @vitest-environment jsdom
/**
 * Issue 7 in the clinician's app: the pharmacist's check, the educator's chart, dispensing and the exports,
 * rendered with the oxycodone-after-prison example plan and compared with the pure engine/export functions.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { planRestart, type RestartPlan } from '../../src/engine/index.ts';
import { dispense, stepUnits } from '../../src/engine/dispense.ts';
import { toleranceCurves } from '../../src/engine/curves.ts';
import { benzodiazepineAnchors } from '../../src/engine/classes/benzodiazepine.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import { CSV_BOM, csvColumns, clinicalNote, scheduleCsv } from '../../src/export/index.ts';
import CheckView from '../../src/ui/CheckView.tsx';
import EducatorChart from '../../src/ui/EducatorChart.tsx';
import Dispensing from '../../src/ui/Dispensing.tsx';
import { Exports, exportFileName } from '../../src/ui/Exports.tsx';
import { PROPOSED_KEY, parsePasted, toProposed } from '../../src/ui/proposed.ts';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { ACK_KEY, FORM_KEY } from '../../src/ui/storage.ts';

const TODAY = '2026-11-28';
const REQUEST = JSON.parse(readFileSync('examples/oxycodone-after-prison.json', 'utf8')) as unknown;

function examplePlan(): RestartPlan {
  const result = planRestart(REQUEST);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

vi.setConfig({ testTimeout: 30_000 });
let plan: RestartPlan;
beforeAll(() => {
  plan = examplePlan();
});
beforeEach(() => localStorage.clear());

/** RFC 4180 (quoted fields, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** RFC 5545: unfold, then each VEVENT's properties. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  return events;
}

/** The blob's text, byte for byte: a byte-order mark is kept (Blob.text() would drop it). */
async function blobText(blob: Blob): Promise<string> {
  if (typeof blob.arrayBuffer === 'function') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('Check a proposed schedule', () => {
  async function fillRow(user: ReturnType<typeof userEvent.setup>, n: number, start: string, dose: string, times: string) {
    for (const [label, text] of [
      [`Step ${n} start date`, start],
      [`Step ${n} dose`, dose],
      [`Step ${n} times a day`, times],
    ] as const) {
      const input = screen.getByLabelText(label, { exact: false, selector: 'input' });
      await user.clear(input);
      if (text) await user.type(input, text);
    }
  }

  it('a schedule at or below the ceiling gets the verdict within', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={plan} />);
    await fillRow(user, 1, '2026-11-28', '5', '2');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await fillRow(user, 2, '2026-12-01', '5', '3');
    await user.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    expect(screen.getByRole('heading', { name: 'Within the ceiling' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Proposed steps against the ceiling' })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveTextContent('Within');
    // Persisted in this browser like the form.
    expect(JSON.parse(localStorage.getItem(PROPOSED_KEY) ?? '[]')).toHaveLength(2);
  });

  it('a step above the ceiling shows the excess in mg and %, and the finding in words (no raw code)', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={plan} />);
    await fillRow(user, 1, '2026-11-28', '5', '2');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await fillRow(user, 2, '2026-12-01', '10', '4');
    await user.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    expect(screen.getByRole('heading', { name: 'Exceeds the ceiling' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Proposed steps against the ceiling' })).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Within');
    // 40 mg a day against the 15 mg ceiling of plan step 2: 25 mg, 166.7 %.
    expect(rows[1]).toHaveTextContent('Exceeds: above by 25 mg a day (166.7%)');
    expect(rows[1]).toHaveTextContent('Daily dose above the ceiling.');
    expect(rows[1]).not.toHaveTextContent('ABOVE_CEILING');
    expect(rows[1]).toHaveTextContent('15 mg daily (plan step 2)');
    expect(rows[1]).toHaveTextContent('Skips the checkpoint.');
    // The rule's citation in words, not a bare source id.
    expect(rows[1]).toHaveTextContent(/Rule: Crosses 50 MME\/day.*\(Centers for Disease Control and Prevention, 2022: Recommendation 4/);
    expect(rows[1]).not.toHaveTextContent('[cdc-2022');
  });

  it('uneven days: each administration listed; a bad one is reported on its field; rows can be removed', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={plan} />);
    await fillRow(user, 1, '2026-12-07', '', '');
    await user.type(screen.getByLabelText('Step 1 uneven doses', { exact: false }), '10 + 5 + 5 + 5');
    await user.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    const row = within(screen.getByRole('table', { name: 'Proposed steps against the ceiling' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('10 mg + 5 mg + 5 mg + 5 mg');
    expect(row).toHaveTextContent('25 mg');
    expect(row).toHaveTextContent('Within');
    await user.type(screen.getByLabelText('Step 1 uneven doses', { exact: false }), ' + x');
    expect(screen.getByLabelText('Step 1 uneven doses', { exact: false })).toHaveAccessibleDescription(/Each administration must be a number/);
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    expect(screen.getByLabelText('Step 2 start date', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(screen.queryByLabelText('Step 2 start date', { exact: false })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Step 1 uneven doses', { exact: false })).toHaveValue('');
  });

  it('a bad dose is reported beside its field, and the other rows keep what was typed', async () => {
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={plan} />);
    await fillRow(user, 1, '2026-11-28', 'abc', '2');
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await fillRow(user, 2, '2026-11-27', '5', '');
    await user.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    const dose = screen.getByLabelText('Step 1 dose', { exact: false, selector: 'input' });
    expect(dose).toHaveAttribute('aria-invalid', 'true');
    expect(dose).toHaveAccessibleDescription(/must be a number/);
    const start2 = screen.getByLabelText('Step 2 start date', { exact: false, selector: 'input' });
    expect(start2).toHaveAccessibleDescription(/must start after step 1/);
    expect(screen.getByLabelText('Step 2 times a day', { exact: false, selector: 'input' })).toHaveAccessibleDescription(/how many times a day/);
    expect(screen.queryByRole('heading', { name: /the ceiling/ })).not.toBeInTheDocument();
    expect(start2).toHaveValue('2026-11-27');
  });

  it('pasted lines and Retitrate’s own CSV fill the rows', async () => {
    expect(parsePasted('2026-11-28, 5 mg, 4\n\n2026-12-01; 10mg; 2 times daily')).toEqual([
      { start: '2026-11-28', dose: '5', timesPerDay: '4', administrations: '', checkpoint: false },
      { start: '2026-12-01', dose: '10', timesPerDay: '2', administrations: '', checkpoint: false },
    ]);
    const fromCsv = parsePasted(scheduleCsv(plan));
    expect(fromCsv.map((r) => [r.start, r.dose, Number(r.timesPerDay), r.checkpoint])).toEqual(
      plan.steps.map((s) => [s.start, s.dose.amount, s.timesPerDay, s.checkpoint]),
    );
    // Uneven days keep each administration.
    expect(fromCsv[3]!.administrations).toBe('10 + 5 + 5 + 5');
    expect(toProposed([fromCsv[3]!], 'mg')[0]).toMatchObject({ administrations: ['10', '5', '5', '5'] });
    expect(toProposed(fromCsv, 'mg')[0]).toEqual({ start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 2 });

    // The plan itself, pasted back, is within its own ceiling.
    const user = userEvent.setup({ delay: null });
    render(<CheckView plan={plan} />);
    await user.click(screen.getByText('Paste a schedule'));
    fireEvent.change(screen.getByLabelText('Pasted steps'), { target: { value: scheduleCsv(plan) } });
    await user.click(screen.getByRole('button', { name: 'Use the pasted steps' }));
    expect(screen.getByRole('heading', { name: 'Within the ceiling' })).toBeInTheDocument();
    expect(screen.getByLabelText(`Step ${plan.steps.length} start date`, { exact: false, selector: 'input' })).toHaveValue(plan.steps.at(-1)!.start);
  });
});

describe('How tolerance is lost', () => {
  it('toleranceCurves returns the planners’ own anchors with their sources', () => {
    const curves = toleranceCurves();
    const opioid = curves.find((c) => c.drugClass === 'opioid')!;
    expect(opioid.anchors.map((a) => [a.fromMissedDays, a.retainedFraction, a.basis])).toEqual(
      OPIOID_CLASS.anchors.map((a) => [a.fromMissedDays, a.retainedFraction.value, a.basis]),
    );
    expect(opioid.anchors[1]!.source).toMatchObject({ kind: 'source', id: 'au-methadone-2003', locator: expect.stringContaining('§3.5') });
    for (const drug of BENZODIAZEPINES) {
      const curve = curves.find((c) => c.drug === drug.id);
      if (!drug.halfLifeHours && !drug.metaboliteHalfLifeHours) continue;
      expect(curve?.anchors.map((a) => [a.fromMissedDays, a.retainedFraction])).toEqual(
        benzodiazepineAnchors(drug).map((a) => [a.fromMissedDays, a.retainedFraction.value]),
      );
    }
    expect(curves.find((c) => c.drugClass === 'antidepressant')).toMatchObject({ status: 'not-applicable', anchors: [] });
  });

  it('draws the opioid curve with focusable anchor points, the patient and the same values in a table', async () => {
    const user = userEvent.setup({ delay: null });
    render(<EducatorChart plan={plan} />);
    const chart = screen.getByRole('img', { name: /Retained fraction by missed days: Opioids/ });
    expect(chart.querySelector('path.curve')?.getAttribute('d')).toMatch(/^M/);
    expect(chart).toHaveAccessibleName(/This patient: 26 missed days, retained fraction 0/);
    const points = within(screen.getByRole('group', { name: /Anchor points/ })).getAllByRole('button');
    const table = screen.getByRole('table', { name: 'Retained fraction by days off' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(points).toHaveLength(OPIOID_CLASS.anchors.length);
    expect(rows).toHaveLength(points.length);
    points.forEach((point, i) => {
      const anchor = OPIOID_CLASS.anchors[i]!;
      expect(point).toHaveAccessibleName(`From ${anchor.fromMissedDays} missed ${anchor.fromMissedDays === 1 ? 'day' : 'days'}: retained fraction ${anchor.retainedFraction.value} (${Math.round(Number(anchor.retainedFraction.value) * 100)}%)`);
      expect(rows[i]).toHaveTextContent(`${anchor.fromMissedDays} missed`);
      expect(rows[i]).toHaveTextContent(`${anchor.retainedFraction.value} (${Math.round(Number(anchor.retainedFraction.value) * 100)}%)`);
    });
    // Keyboard focus shows the source; so does hover.
    await user.tab();
    await user.tab();
    points[1]!.focus();
    const tip = await screen.findByRole('tooltip');
    expect(tip).toHaveTextContent(/§3\.5 Missed doses: 3 days/);
    expect(points[1]).toHaveAccessibleDescription(/Source:/);
    fireEvent.mouseEnter(points[3]!);
    expect(screen.getByRole('tooltip')).toHaveTextContent(/5 or more days/);
    expect(screen.getByText(/This patient: 26 missed days, retained fraction 0 \(0%\), tolerance lost/)).toBeInTheDocument();
  });

  it('benzodiazepines: the chosen drug’s washout; antidepressants: not applicable', async () => {
    const user = userEvent.setup({ delay: null });
    render(<EducatorChart plan={null} />);
    await user.click(screen.getByLabelText('Benzodiazepines and Z-drugs'));
    await user.selectOptions(screen.getByLabelText('Benzodiazepine or Z-drug'), 'diazepam');
    expect(screen.getByRole('img', { name: /diazePAM/ })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Retained fraction by days off' })).getAllByRole('row').slice(1);
    const diazepam = benzodiazepineAnchors(BENZODIAZEPINES.find((d) => d.id === 'diazepam')!);
    expect(rows).toHaveLength(diazepam.length);
    expect(rows.at(-1)).toHaveTextContent(`${diazepam.at(-1)!.fromMissedDays} missed days`);
    expect(rows.at(-1)).toHaveTextContent(/Engine assumption/);
    expect(rows.at(-1)).toHaveTextContent(/Day from:.*Ashton/);
    await user.click(screen.getByLabelText('Antidepressants'));
    expect(screen.getByRole('heading', { name: 'Antidepressants: not applicable' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});

describe('Dispensing', () => {
  it('shows the units of each step and the totals of dispense(plan), then for a chosen number of days', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Dispensing plan={plan} />);
    const units = within(screen.getByRole('table', { name: 'Tablets or patches for each dose' })).getAllByRole('row').slice(1);
    const expected = stepUnits(plan);
    expect(units).toHaveLength(expected.length);
    expect(units[0]).toHaveTextContent(`each dose: ${expected[0]!.administrations[0]!.makeUp}`);
    expect(units[3]).toHaveTextContent('1 dose: 1 × 10 mg tablet; 3 doses: 1 × 5 mg tablet');
    // Days of each step inside the default supply (restart to the day before the checkpoint step).
    expect(units[0]).toHaveTextContent('3 days');
    expect(units.at(-1)).toHaveTextContent('not in this supply');

    const result = dispense(plan);
    if (!result.ok) throw new Error('dispense failed');
    const lines = screen.getAllByRole('listitem');
    expect(lines).toHaveLength(result.dispensing.summary.length);
    result.dispensing.summary.forEach((line, i) => expect(lines[i]).toHaveTextContent(`oxyCODONE ${line.strength.amount} mg immediate-release tablet: ${line.quantity}`));
    expect(screen.getByText(/until the checkpoint on 2026-12-13/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Days of supply'), '7');
    const week = dispense(plan, { days: 7 });
    if (!week.ok) throw new Error('dispense failed');
    const weekLines = screen.getAllByRole('listitem');
    expect(weekLines).toHaveLength(week.dispensing.summary.length);
    week.dispensing.summary.forEach((line, i) => expect(weekLines[i]).toHaveTextContent(`${line.strength.amount} mg immediate-release tablet: ${line.quantity}`));
    expect(screen.getByText(/\(7 days\)/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Days of supply'));
    await user.type(screen.getByLabelText('Days of supply'), '0');
    expect(screen.getByLabelText('Days of supply')).toHaveAccessibleDescription(/whole number from 1/);
  });
});

describe('Exports', () => {
  let blobs: Blob[];
  let names: string[];
  beforeEach(() => {
    blobs = [];
    names = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn((blob: Blob) => (blobs.push(blob), `blob:test/${blobs.length}`)) });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('Download CSV: the plan’s steps, named without patient identifiers', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Exports plan={plan} request={REQUEST} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(names).toEqual(['retitrate-oxycodone-2026-11-28.csv']);
    expect(exportFileName(plan, 'ics')).toBe('retitrate-oxycodone-2026-11-28.ics');
    const text = await blobText(blobs[0]!);
    expect(text).toBe(scheduleCsv(plan));
    const [header, ...rows] = parseCsv(text.replace(CSV_BOM, ''));
    expect(header).toEqual(csvColumns(plan));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[column('start')], r[column('dose 1')], Number(r[column('times per day')]), r[column('daily dose')]])).toEqual(
      plan.steps.map((s) => [s.start, s.dose.amount, s.timesPerDay, s.dailyDose.amount]),
    );
  });

  it('Download calendar: one all-day event per step on its start date', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Exports plan={plan} request={REQUEST} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Download calendar (.ics)' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(names).toEqual(['retitrate-oxycodone-2026-11-28.ics']);
    const text = await blobText(blobs[0]!);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const steps = parseIcs(text).filter((e) => e.UID?.startsWith('step-'));
    expect(steps.map((e) => e.DTSTART)).toEqual(plan.steps.map((s) => s.start.replaceAll('-', '')));
    expect(steps[0]!.SUMMARY).toContain('oxyCODONE');
    expect(steps[0]!.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('Download FHIR bundle: a Bundle with one MedicationRequest per step', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Exports plan={plan} request={REQUEST} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle (JSON)' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(names).toEqual(['retitrate-oxycodone-2026-11-28.fhir.json']);
    const bundle = JSON.parse(await blobText(blobs[0]!)) as { resourceType: string; entry: { resource: { resourceType: string; status: string; intent: string; authoredOn?: string } }[] };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry).toHaveLength(plan.steps.length);
    for (const entry of bundle.entry) expect(entry.resource).toMatchObject({ resourceType: 'MedicationRequest', status: 'draft', intent: 'proposal', authoredOn: TODAY });
    expect(JSON.stringify(bundle)).not.toMatch(/"Patient"/);
  });

  it('Copy clinical note: the plain-text note on the clipboard, or shown selected when there is no clipboard', async () => {
    const user = userEvent.setup({ delay: null });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const { unmount } = render(<Exports plan={plan} request={REQUEST} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Copy clinical note' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const note = clinicalNote(plan, { calculatedOn: TODAY, request: REQUEST });
    expect(writeText).toHaveBeenCalledWith(note);
    expect(note).toContain('oxyCODONE');
    expect(note).not.toMatch(/µg|\bQD\b|\b\d+\.0+ ?(mg|mcg)\b|(^|[^\d])\.\d+ ?(mg|mcg)/);
    expect(await screen.findByText('Clinical note copied to the clipboard.')).toBeInTheDocument();
    unmount();

    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    render(<Exports plan={plan} request={REQUEST} today={TODAY} />);
    await user.click(screen.getByRole('button', { name: 'Copy clinical note' }));
    const box = await screen.findByLabelText('Clinical note (plain text)');
    expect(box).toHaveValue(note);
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });
});

describe('the views in the app', () => {
  beforeAll(async () => {
    await loadPlanning();
  });

  it('tabs switch between the plan, the check and the chart (arrow keys too); the plan view has dispensing and exports', async () => {
    localStorage.setItem(ACK_KEY, JSON.stringify({ acknowledged: true }));
    localStorage.setItem(
      FORM_KEY,
      JSON.stringify({ drugQuery: 'oxyCODONE', drug: 'oxycodone', formulation: 'ir', dose: '10', timesPerDay: '4', priorDurationDays: '90', lastDoseDate: '2026-11-01', restartDate: '2026-11-28', ageYears: '54', concurrent: ['alprazolam'], breakReason: 'incarceration' }),
    );
    const user = userEvent.setup({ delay: null });
    render(<App today={TODAY} />);
    expect(await screen.findByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Dispense' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
    const planTab = screen.getByRole('tab', { name: 'Restart plan' });
    expect(planTab).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('tab', { name: 'Check a proposed schedule' }));
    expect(await screen.findByRole('heading', { name: 'Check a proposed schedule' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Check a proposed schedule');
    await act(async () => {
      screen.getByRole('tab', { name: 'Check a proposed schedule' }).focus();
    });
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'How tolerance is lost' })).toHaveFocus();
    expect(await screen.findByRole('img', { name: /Opioids/ })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(planTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();

    // New patient also clears the proposed steps.
    await user.click(screen.getByRole('tab', { name: 'Check a proposed schedule' }));
    await user.type(await screen.findByLabelText('Step 1 start date', { exact: false }), '2026-11-28');
    expect(localStorage.getItem(PROPOSED_KEY)).toContain('2026-11-28');
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    expect(localStorage.getItem(PROPOSED_KEY) ?? '').not.toContain('2026-11-28');
  });
});
