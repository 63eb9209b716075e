// @vitest-environment jsdom
/**
 * The last dose can be given as a date or as days since the last dose, kept in sync; the dates are native date
 * inputs; "N days off (N−1 missed days)" stands next to the dates.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { daysBefore, daysBetween } from '../../src/ui/dates.ts';
import { FORM_KEY } from '../../src/ui/storage.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => localStorage.clear());

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label, { selector: 'input' });
  await user.clear(input);
  if (text) await user.paste(text);
}

describe('days since the last dose', () => {
  it('a number of days sets the last dose date; a date sets the days; the days off show beside the dates', async () => {
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    expect(screen.getByLabelText('Last dose date', { selector: 'input' })).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Restart date', { selector: 'input' })).toHaveAttribute('type', 'date');
    await fill(user, 'Days since the last dose', '27');
    await waitFor(() => expect(screen.getByLabelText('Last dose date', { selector: 'input' })).toHaveValue('2026-11-01'));
    expect(screen.getByText(/27 days off/).closest('p')).toHaveTextContent('27 days off (26 missed days)');

    await fill(user, 'Last dose date', '2026-11-25');
    await waitFor(() => expect(screen.getByLabelText('Days since the last dose', { selector: 'input' })).toHaveValue('3'));
    expect(screen.getByText(/3 days off/).closest('p')).toHaveTextContent('3 days off (2 missed days)');

    await fill(user, 'Restart date', '2026-11-26');
    await waitFor(() => expect(screen.getByLabelText('Days since the last dose', { selector: 'input' })).toHaveValue('1'));
    expect(screen.getByText(/1 day off/).closest('p')).toHaveTextContent('1 day off (0 missed days)');
  });

  it('a stored form without the days gets them from its dates', () => {
    localStorage.setItem(FORM_KEY, JSON.stringify({ lastDoseDate: '2026-11-01', restartDate: '2026-11-28' }));
    render(<App today="2026-11-28" />);
    expect(screen.getByLabelText('Days since the last dose', { selector: 'input' })).toHaveValue('27');
  });

  it('calendar arithmetic in UTC days, impossible dates refused', () => {
    expect(daysBetween('2026-11-01', '2026-11-28')).toBe(27);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-02-30', '2026-03-02')).toBeNull();
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
  });
});
