// @vitest-environment jsdom
/**
 * Text typed in the drug or concurrent-medicine search box but not chosen from its list is never silently ignored:
 * a typed-but-not-added concurrent medicine holds the plan (it would otherwise lose the halved first step and the
 * opioid–benzodiazepine warning), and an unmatched drug name gets a message at the field with the closest drugs.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { ACK_KEY, FORM_KEY } from '../../src/ui/storage.ts';
import { closestOptions } from '../../src/ui/suggest.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(ACK_KEY, JSON.stringify({ acknowledged: true }));
});

const EXAMPLE = {
  drugQuery: 'oxyCODONE',
  drug: 'oxycodone',
  formulation: 'ir',
  dose: '10',
  timesPerDay: '4',
  priorDurationDays: '90',
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
  ageYears: '54',
  concurrent: [],
};

describe('a concurrent medicine typed but not added', () => {
  it('holds the plan with a message at the field and offers the closest match; adding it halves the first step', async () => {
    localStorage.setItem(FORM_KEY, JSON.stringify(EXAMPLE));
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    const table = await screen.findByRole('table', { name: 'Restart schedule' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/oxyCODONE 5 mg.*four times daily/);

    const concurrent = screen.getByRole('combobox', { name: 'Concurrent medicines' });
    await user.click(concurrent);
    await user.paste('diazep');
    await user.tab();
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument());
    expect(screen.getByText(/Plan on hold: “diazep” is typed in Concurrent medicines but not added/)).toBeInTheDocument();
    expect(concurrent).toHaveAttribute('aria-invalid', 'true');
    expect(concurrent).toHaveAccessibleDescription(/The plan is on hold until you choose the medicine from the list/);
    expect(screen.getByRole('status')).toHaveTextContent('Plan on hold');

    await user.click(screen.getByRole('button', { name: 'Add diazePAM' }));
    const held = await screen.findByRole('table', { name: 'Restart schedule' });
    expect(screen.getByRole('button', { name: 'Remove diazePAM' })).toBeInTheDocument();
    // 20 mg/day opioid-naive start halved with a benzodiazepine: 5 mg twice daily.
    expect(within(held).getAllByRole('row')[1]).toHaveTextContent(/oxyCODONE 5 mg.*twice daily/);
    expect(screen.getByText(/Opioid with diazePAM/)).toBeInTheDocument();
  });
});

describe('a drug name that matches no drug', () => {
  it('says so at the field once it is left and offers the closest drugs to choose', async () => {
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    await user.click(drug);
    await user.paste('oxycodne');
    await user.tab();
    await waitFor(() => expect(drug).toHaveAttribute('aria-invalid', 'true'));
    expect(drug).toHaveAccessibleDescription(/“oxycodne” matches no drug in the list, so there is no plan yet/);
    await user.click(screen.getByRole('button', { name: 'Choose oxyCODONE' }));
    expect(drug).toHaveValue('oxyCODONE');
    expect(drug).not.toHaveAttribute('aria-invalid');
  });
});

describe('closest matches', () => {
  const options = [
    { id: 'oxycodone', label: 'oxyCODONE', keywords: ['oxycodone', 'roxicodone'] },
    { id: 'diazepam', label: 'diazePAM', keywords: ['diazepam', 'valium'] },
    { id: 'morphine', label: 'morphine', keywords: ['morphine'] },
  ];
  it('finds prefixes, then typos by edit distance, and nothing for unrelated text', () => {
    expect(closestOptions(options, 'oxycodon').map((o) => o.id)).toEqual(['oxycodone']);
    expect(closestOptions(options, 'diazpam').map((o) => o.id)).toEqual(['diazepam']);
    expect(closestOptions(options, 'morfine').map((o) => o.id)).toEqual(['morphine']);
    expect(closestOptions(options, 'zzzzzz')).toEqual([]);
  });
});
