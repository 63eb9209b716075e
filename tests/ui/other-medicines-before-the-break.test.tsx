// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeDrugs } from '../../src/engine/registry.ts';
import { MAX_ADDITIONAL_PRIOR } from '../../src/engine/validate.ts';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { MAX_PRIOR_ROWS, mergeStored, toRequest, type FormValues } from '../../src/ui/model.ts';
import { rowErrors } from '../../src/ui/PriorRows.tsx';
import { FORM_KEY } from '../../src/ui/storage.ts';

const TODAY = '2026-11-28';
type User = ReturnType<typeof userEvent.setup>;

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => localStorage.clear());

function setup() {
  const user = userEvent.setup({ delay: null });
  render(<App today={TODAY} />);
  return { user };
}

async function fill(user: User, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.paste(text);
}

/** Oxycodone 10 mg 4 times a day, 90 days, last dose 27 days ago: the main medicine. */
async function fillMain(user: User, drug = 'oxycodone') {
  await user.click(screen.getByRole('combobox', { name: 'Drug' }));
  await user.paste(drug);
  await fill(user, screen.getByLabelText('Dose per administration'), drug === 'alprazolam' ? '1' : '10');
  await fill(user, screen.getByLabelText('Times per day'), drug === 'alprazolam' ? '2' : '4');
  await fill(user, screen.getByLabelText('Days taken before the break', { selector: 'input' }), '90');
  await fill(user, screen.getByLabelText('Last dose date'), '2026-11-01');
  await fill(user, screen.getByLabelText('Age (years)'), '54');
}

/** The request the app plans from, rebuilt from what it saved (the same mapping the app uses). */
function savedRequest(): Record<string, unknown> {
  const values = mergeStored(JSON.parse(localStorage.getItem(FORM_KEY) ?? '{}'), TODAY) as FormValues;
  return toRequest(values, describeDrugs());
}

/** Tab forward until `target` has the focus (keyboard only), at most 60 presses. */
async function tabTo(user: User, target: HTMLElement) {
  for (let i = 0; i < 60 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

describe('other medicines of the class taken before the break (additionalPrior)', () => {
  it('the engine and the form agree on the most rows a request may list', () => {
    expect(MAX_PRIOR_ROWS).toBe(MAX_ADDITIONAL_PRIOR);
  });

  it('adds a row by keyboard, focuses its first field, fills it, and sends it as additionalPrior', async () => {
    const { user } = setup();
    await fillMain(user);
    const add = screen.getByRole('button', { name: 'Add another opioid taken before the break' });
    await tabTo(user, add);
    await user.keyboard('{Enter}');

    const row = await screen.findByRole('group', { name: 'Opioid 2' });
    const drug = within(row).getByLabelText('Drug');
    await waitFor(() => expect(drug).toHaveFocus());
    expect(screen.getByText('Opioid 2 added.')).toBeInTheDocument();

    await user.selectOptions(drug, 'hydromorphone');
    expect(within(row).getByLabelText('Formulation')).toHaveValue('ir');
    const dose = within(row).getByLabelText('Dose per administration');
    await fill(user, dose, '2');
    expect(dose).toHaveAccessibleDescription(/mg/);
    await fill(user, within(row).getByLabelText('Times per day'), '3');
    // "As needed": the count is then the average actually taken, and the label says so.
    const asNeeded = within(row).getByLabelText('Taken as needed');
    asNeeded.focus();
    await user.keyboard(' ');
    expect(asNeeded).toBeChecked();
    expect(within(row).getByLabelText('Average doses taken a day')).toHaveValue('3');

    await waitFor(() =>
      expect(savedRequest().additionalPrior).toEqual([{ drug: 'hydromorphone', formulation: 'ir', dose: '2', unit: 'mg', timesPerDay: 3, asNeeded: true }]),
    );
    expect(savedRequest().prior).toMatchObject({ dose: '10', unit: 'mg', timesPerDay: 4 });
  });

  it('removes a row by keyboard: the focus goes back to the add button and the removal is announced', async () => {
    const { user } = setup();
    await fillMain(user);
    const add = screen.getByRole('button', { name: 'Add another opioid taken before the break' });
    add.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('group', { name: 'Opioid 2' });
    add.focus();
    await user.keyboard(' ');
    const third = await screen.findByRole('group', { name: 'Opioid 3' });
    await waitFor(() => expect(within(third).getByLabelText('Drug')).toHaveFocus());
    await user.selectOptions(within(third).getByLabelText('Drug'), 'morphine');

    const remove = within(screen.getByRole('group', { name: 'Opioid 2' })).getByRole('button', { name: /^Remove opioid 2/ });
    remove.focus();
    await user.keyboard('{Enter}');
    expect(add).toHaveFocus();
    expect(screen.getByText(/Opioid 2 removed\./)).toBeInTheDocument();
    // The morphine row is now the second medicine.
    const renumbered = screen.getByRole('group', { name: 'Opioid 2' });
    expect(within(renumbered).getByLabelText('Drug')).toHaveValue('morphine');
    expect(screen.queryByRole('group', { name: 'Opioid 3' })).not.toBeInTheDocument();
    await waitFor(() => expect((savedRequest().additionalPrior as { drug: string }[]).map((r) => r.drug)).toEqual(['morphine']));

    within(renumbered).getByRole('button', { name: 'Remove opioid 2 (morphine)' }).focus();
    await user.keyboard(' ');
    expect(add).toHaveFocus();
    expect(screen.queryByRole('group', { name: /^Opioid \d/ })).not.toBeInTheDocument();
    await waitFor(() => expect(savedRequest().additionalPrior).toBeUndefined());
  });

  it("shows the engine's error on the row's own field and keeps what was typed", async () => {
    const { user } = setup();
    await fillMain(user);
    await user.click(screen.getByRole('button', { name: 'Add another opioid taken before the break' }));
    const row = await screen.findByRole('group', { name: 'Opioid 2' });
    await user.selectOptions(within(row).getByLabelText('Drug'), 'oxycodone');
    await fill(user, within(row).getByLabelText('Times per day'), '2');
    const dose = within(row).getByLabelText('Dose per administration');
    await fill(user, dose, '7');
    await waitFor(() => {
      expect(dose).toHaveAttribute('aria-invalid', 'true');
      expect(dose).toHaveAccessibleDescription(/7 mg cannot be made/);
    });
    expect(dose).toHaveValue('7');
    // The main medicine's dose is not blamed.
    expect(screen.getAllByLabelText('Dose per administration')[0]).not.toHaveAttribute('aria-invalid');
    await fill(user, dose, '5');
    await waitFor(() => expect(dose).not.toHaveAttribute('aria-invalid'));
  });

  it('a benzodiazepine offers "Add another benzodiazepine"; an antidepressant offers none', async () => {
    const { user } = setup();
    await fillMain(user, 'alprazolam');
    expect(screen.getByRole('button', { name: 'Add another benzodiazepine taken before the break' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New patient' }));
    await user.click(screen.getByRole('combobox', { name: 'Drug' }));
    await user.paste('sertraline');
    expect(screen.queryByRole('button', { name: /^Add another/ })).not.toBeInTheDocument();
  });

  it('the main regimen: "as needed" turns the times-per-day label into the average taken a day', async () => {
    const { user } = setup();
    await fillMain(user);
    await user.click(screen.getByLabelText('Taken as needed'));
    expect(screen.getByLabelText('Average doses taken a day')).toHaveValue('4');
    await waitFor(() => expect(savedRequest().prior).toMatchObject({ timesPerDay: 4, asNeeded: true }));
  });
});

describe('form values to request', () => {
  it('sends no additionalPrior when the main drug is of a class whose medicines do not add up', () => {
    const values = { ...mergeStored({}, TODAY), drug: 'sertraline', additionalPrior: [{ id: 'r1', drug: 'citalopram', formulation: '', dose: '20', timesPerDay: '1', asNeeded: false }] };
    expect(toRequest(values, describeDrugs())).not.toHaveProperty('additionalPrior');
  });

  it('a patch row sends its strength with no times per day (worn continuously) and never as needed', () => {
    const values = { ...mergeStored({}, TODAY), drug: 'oxycodone', additionalPrior: [{ id: 'r1', drug: 'fentanyl', formulation: 'patch', dose: '25', timesPerDay: '3', asNeeded: true }] };
    expect(toRequest(values, describeDrugs()).additionalPrior).toEqual([{ drug: 'fentanyl', formulation: 'patch', dose: '25', unit: 'mcg/h', asNeeded: false }]);
  });
});

describe('row errors from engine paths', () => {
  it('maps additionalPrior.N.field to that row field, unit errors to the dose, and leaves list errors to the list', () => {
    const errors = rowErrors([
      { path: 'additionalPrior.1.dose', code: 'not-a-real-strength', message: 'a' },
      { path: 'additionalPrior.1.dose', code: 'other', message: 'second' },
      { path: 'additionalPrior.0.unit', code: 'wrong-unit', message: 'b' },
      { path: 'additionalPrior.2', code: 'not-an-object', message: 'c' },
      { path: 'additionalPrior', code: 'not-supported', message: 'd' },
      { path: 'prior.dose', code: 'required', message: 'e' },
    ]);
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.message]))).toEqual({
      'additionalPrior.1.dose': 'a',
      'additionalPrior.0.dose': 'b',
      'additionalPrior.2.drug': 'c',
    });
  });
});
