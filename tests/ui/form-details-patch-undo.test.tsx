// @vitest-environment jsdom
/** "New patient" clears and offers an undo; a patch asks for its "Patch strength"; a brand from another country finds the drug. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { ACK_KEY, FORM_KEY } from '../../src/ui/storage.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(ACK_KEY, JSON.stringify({ acknowledged: true }));
});

describe('New patient', () => {
  it('clears the form and offers an undo that restores the previous patient and plan', async () => {
    localStorage.setItem(
      FORM_KEY,
      JSON.stringify({ drugQuery: 'oxyCODONE', drug: 'oxycodone', formulation: 'ir', dose: '10', timesPerDay: '4', priorDurationDays: '90', lastDoseDate: '2026-11-01', restartDate: '2026-11-28', ageYears: '54', concurrent: ['alprazolam'] }),
    );
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    await screen.findByRole('table', { name: 'Restart schedule' });
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    expect(screen.getByRole('combobox', { name: 'Drug' })).toHaveValue('');
    expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument();
    expect(screen.getByText(/The form was cleared for a new patient/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo: restore the previous patient' }));
    expect(screen.getByRole('combobox', { name: 'Drug' })).toHaveValue('oxyCODONE');
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('10');
    expect(screen.getByRole('button', { name: 'Remove ALPRAZolam' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(FORM_KEY)!)).toMatchObject({ drug: 'oxycodone', dose: '10' });
    expect(screen.queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument();
  });

  it('stops offering the undo once the new patient’s drug is chosen', async () => {
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    expect(screen.getByRole('button', { name: /Undo/ })).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Drug' }), 'sertraline');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Undo/ })).not.toBeInTheDocument());
  });
});

describe('form labels and search', () => {
  it('labels the dose of a patch "Patch strength" (mcg/h), of a tablet "Dose per administration"', async () => {
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    await user.type(drug, 'Duragesic');
    await user.click(screen.getByRole('option', { name: /fentaNYL/ }));
    expect(screen.getByLabelText('Patch strength')).toHaveAccessibleDescription(/mcg\/h/);
    expect(screen.queryByLabelText('Dose per administration')).not.toBeInTheDocument();
    await user.clear(drug);
    await user.type(drug, 'Rivotril');
    expect(screen.getByRole('option', { name: /clonazePAM/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(drug).toHaveValue('clonazePAM');
    expect(screen.getByLabelText('Dose per administration')).toBeInTheDocument();
  });
});
