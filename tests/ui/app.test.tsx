// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { ACK_KEY, FORM_KEY } from '../../src/ui/storage.ts';

const TODAY = '2026-11-28';

function setup() {
  const user = userEvent.setup({ delay: null });
  const view = render(<App today={TODAY} />);
  return { user, ...view };
}

async function acknowledge(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'I understand' }));
}

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label, { selector: 'input' });
  await user.clear(input);
  if (text) await user.paste(text);
}

/** The oxycodone-after-prison example, typed by label. */
async function fillExample(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: 'Drug' }));
  await user.paste('oxycodone');
  await fill(user, 'Dose per administration', '10');
  await fill(user, 'Times per day', '4');
  await fill(user, 'Days taken before the break', '90');
  await fill(user, 'Last dose date', '2026-11-01');
  await fill(user, 'Restart date', '2026-11-28');
  await fill(user, 'Age (years)', '54');
}

async function expectFieldError(label: string, message: RegExp) {
  await waitFor(() => {
    const field = screen.getByLabelText(label, { selector: 'input' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(message);
  });
}

vi.setConfig({ testTimeout: 30_000 });
// The planning chunk (engine + plan view) is loaded lazily by the app; load it once up front.
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => localStorage.clear());

describe('disclaimer gate', () => {
  it('shows the disclaimer before the first plan and remembers the acknowledgement', async () => {
    const { user, unmount } = setup();
    await fillExample(user);
    expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument();
    expect(screen.getByText(/decision aid for clinicians/)).toBeInTheDocument();
    await acknowledge(user);
    expect(await screen.findByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();
    expect(localStorage.getItem(ACK_KEY)).not.toBeNull();
    unmount();
    setup();
    expect(screen.queryByRole('button', { name: 'I understand' })).not.toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();
    expect(screen.getByText('Decision aid, not a prescription.')).toBeInTheDocument();
  });
});

describe('filling the form', () => {
  it('produces the plan: warnings first, tolerance, schedule, then the working', async () => {
    const { user } = setup();
    await acknowledge(user);
    await fillExample(user);
    const concurrent = screen.getByRole('combobox', { name: 'Concurrent medicines' });
    await user.type(concurrent, 'alpra');
    expect(concurrent).toHaveAccessibleDescription(/Not added yet/);
    await user.keyboard('{Enter}');
    expect(concurrent).not.toHaveAccessibleDescription(/Not added yet/);
    expect(screen.getByRole('button', { name: 'Remove ALPRAZolam' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Reason for the break'), 'incarceration');

    const table = await screen.findByRole('table', { name: 'Restart schedule' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]).toHaveTextContent('oxyCODONE 5 mg');
    expect(rows[0]).toHaveTextContent('twice daily');
    expect(rows[0]).toHaveTextContent('15 MME');
    expect(rows[rows.length - 1]).toHaveTextContent('40 mg');
    expect(table).toHaveTextContent('10 mg + 5 mg + 5 mg + 5 mg');
    expect(table).toHaveTextContent('Checkpoint before this step: Crosses 50 MME/day');
    expect(within(table).queryByRole('columnheader', { name: 'Checkpoint' })).not.toBeInTheDocument();
    expect(table).toHaveTextContent('(uneven: one dose of 10 mg and three doses of 5 mg)');

    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings.indexOf('Critical warnings')).toBeLessThan(headings.indexOf('Tolerance'));
    expect(within(screen.getByRole('region', { name: 'Tolerance' })).getByText(/27 days off \(26 missed days\).*tolerance lost/)).toBeInTheDocument();
    expect(screen.getByText(/Opioid with ALPRAZolam/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'How this was calculated' })).toBeInTheDocument();
    expect(screen.getAllByText('Engine assumption').length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent(/Plan updated: \d+ steps/);
  });

  it('shows the unit of the chosen formulation and its strengths, not free text', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('combobox', { name: 'Drug' }), 'morphine');
    const dose = screen.getByLabelText('Dose per administration');
    expect(dose).toHaveAccessibleDescription(/mg/);
    expect(screen.getByText(/15 mg \(scored\)/)).toBeInTheDocument();
  });

  it('the drug combobox works from the keyboard: arrows, Enter, Escape', async () => {
    const { user } = setup();
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    await user.type(drug, 'Rox');
    expect(drug).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('option', { name: /oxyCODONE/ })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(drug.getAttribute('aria-activedescendant')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(drug).toHaveValue('oxyCODONE');
    expect(drug).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByLabelText('Formulation')).toHaveValue('ir');
    await user.keyboard('{Escape}');
    expect(drug).toHaveValue('');
  });
});

describe('bad input shows its message on its field', () => {
  it('a non-numeric dose', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Dose per administration', 'ten');
    await expectFieldError('Dose per administration', /dose as a number/);
  });

  it('a dose no real strength can make', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Dose per administration', '7');
    await expectFieldError('Dose per administration', /cannot be made from the immediate-release tablets/);
  });

  it('times per day out of range', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Times per day', '13');
    await expectFieldError('Times per day', /from 1 to 12/);
    await fill(user, 'Times per day', '8');
    await expectFieldError('Times per day', /not given more than 6 times a day/);
  });

  it('a restart date before the last dose', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Restart date', '2026-10-01');
    await expectFieldError('Restart date', /before the last dose/);
  });

  // The dates are native date inputs: the browser never hands over an impossible or mis-ordered date, the
  // field stays empty and the plan asks for the date (the engine's own check of impossible dates is tested there).
  it('an impossible date', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Last dose date', '2026-02-30');
    expect(screen.getByLabelText('Last dose date', { selector: 'input' })).toHaveValue('');
    await user.tab();
    await expectFieldError('Last dose date', /last dose/i);
    expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument();
  });

  it('an age out of range', async () => {
    const { user } = setup();
    await fillExample(user);
    await fill(user, 'Age (years)', '130');
    await expectFieldError('Age (years)', /from 0 to 120 years/);
  });

  it('keeps what was typed when there is an error, and the plan comes back once it is fixed', async () => {
    const { user } = setup();
    await acknowledge(user);
    await fillExample(user);
    await fill(user, 'Dose per administration', '7');
    await expectFieldError('Dose per administration', /cannot be made/);
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('7');
    expect(screen.getByLabelText('Days taken before the break')).toHaveValue('90');
    expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument();
    await fill(user, 'Dose per administration', '10');
    expect(await screen.findByRole('table', { name: 'Restart schedule' })).toBeInTheDocument();
    expect(screen.getByLabelText('Dose per administration')).not.toHaveAttribute('aria-invalid');
  });

  it('asks for the drug once the user leaves the search box without choosing one', async () => {
    const { user } = setup();
    const drug = screen.getByRole('combobox', { name: 'Drug' });
    await user.type(drug, 'xyz');
    expect(screen.queryByText(/Choose the drug the patient/)).not.toBeInTheDocument();
    await user.tab();
    await waitFor(() => expect(drug).toHaveAccessibleDescription(/Choose the drug the patient was taking/));
  });

  it('shows class-specific questions only for drugs that need them', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('combobox', { name: 'Drug' }), 'oxycodone');
    expect(screen.queryByLabelText('Indication')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('QTc (ms)')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Times per day')).toBeInTheDocument();
  });

  it('does not nag about empty fields the user has not reached', () => {
    setup();
    expect(screen.queryByText(/Enter the dose per administration/)).not.toBeInTheDocument();
  });
});

describe('persistence', () => {
  it('values survive a remount from storage', async () => {
    const { user, unmount } = setup();
    await fillExample(user);
    await waitFor(() => expect(localStorage.getItem(FORM_KEY)).toContain('"dose":"10"'));
    unmount();
    setup();
    expect(screen.getByRole('combobox', { name: 'Drug' })).toHaveValue('oxycodone');
    expect(screen.getByLabelText('Formulation')).toHaveValue('ir');
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('10');
    expect(screen.getByLabelText('Times per day')).toHaveValue('4');
    expect(screen.getByLabelText('Last dose date')).toHaveValue('2026-11-01');
    expect(screen.getByLabelText('Age (years)')).toHaveValue('54');
  });

  it('stores no identifiers: there are no name or ID fields', () => {
    setup();
    expect(screen.queryByLabelText(/name|MRN|identifier|date of birth/i)).not.toBeInTheDocument();
  });

  it('New patient clears the form and the stored values', async () => {
    const { user } = setup();
    await acknowledge(user);
    await fillExample(user);
    await screen.findByRole('table', { name: 'Restart schedule' });
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    expect(screen.getByRole('combobox', { name: 'Drug' })).toHaveValue('');
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('');
    expect(screen.getByLabelText('Restart date')).toHaveValue(TODAY);
    expect(screen.queryByRole('table', { name: 'Restart schedule' })).not.toBeInTheDocument();
    expect(localStorage.getItem(FORM_KEY) ?? '').not.toContain('"dose":"10"');
    expect(screen.getByRole('combobox', { name: 'Drug' })).toHaveFocus();
  });
});
