// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodePrefill } from '../../src/ehr/prefill.ts';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { readPrefill } from '../../src/ui/prefill-entry.ts';
import { FORM_KEY } from '../../src/ui/storage.ts';

const TODAY = '2026-11-28';
const request = {
  drug: 'oxycodone',
  formulation: 'er',
  prior: { dose: '10', unit: 'mg', timesPerDay: 2 },
  priorDurationDays: 720,
  lastDoseDate: '2026-10-31',
  restartDate: TODAY,
  patient: { ageYears: 58 },
  concurrent: ['alprazolam', 'not-a-drug'],
};
const provenance = {
  drug: 'MedicationDispense/d24: RxNorm 1049502 (12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet)',
  prior: 'MedicationDispense/d24: "1 tablet every 12 hours" → 10 mg 2 times a day',
  lastDoseDate: 'last day covered by dispensing (24 fills; break from 2026-11-01)',
};

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;

describe('prefill link (#request=…)', () => {
  it('fills the form from the link, shows where each value came from, and clears the fragment', async () => {
    window.history.replaceState(null, '', `/#${encodePrefill({ request, provenance, notes: ['MedicationDispense/d3 `daysSupply`: not counted'] })}`);
    render(<App today={TODAY} prefill={readPrefill(TODAY)} />);
    expect((screen.getByRole('combobox', { name: 'Drug' }) as HTMLInputElement).value).toBe('oxyCODONE');
    expect(input('Dose per administration').value).toBe('10');
    expect(input('Times per day').value).toBe('2');
    expect(input('Days taken before the break').value).toBe('720');
    expect(input('Last dose date').value).toBe('2026-10-31');
    expect(input('Age (years)').value).toBe('58');
    const notice = await screen.findByRole('region', { name: /Filled in from the patient's record/ });
    expect(within(notice).getByText(provenance.prior)).toBeInTheDocument();
    expect(within(notice).getByText(/24 fills/)).toBeInTheDocument();
    expect(within(notice).getByText(/not counted/)).toBeInTheDocument();
    expect(window.location.hash).toBe('');
  });

  it('the clinician can correct a prefilled value', async () => {
    window.history.replaceState(null, '', `/#${encodePrefill({ request, provenance })}`);
    render(<App today={TODAY} prefill={readPrefill(TODAY)} />);
    const user = userEvent.setup({ delay: null });
    await user.clear(input('Dose per administration'));
    await user.paste('5');
    expect(input('Dose per administration').value).toBe('5');
    expect((JSON.parse(localStorage.getItem(FORM_KEY)!) as { dose: string }).dose).toBe('5');
  });

  it('a link takes precedence over stored values; without one, stored values load as before', () => {
    localStorage.setItem(FORM_KEY, JSON.stringify({ drug: 'morphine', drugQuery: 'morphine', dose: '30' }));
    render(<App today={TODAY} prefill={readPrefill(TODAY)} />);
    expect(input('Dose per administration').value).toBe('30');
    expect(screen.queryByRole('region', { name: /Filled in from the patient's record/ })).not.toBeInTheDocument();
  });

  it.each([
    ['malformed base64', '#request=%%%'],
    ['not JSON', `#request=${btoa('nope')}`],
    ['an unknown version', `#request=${btoa(JSON.stringify({ v: 2, request }))}`],
    ['an unknown drug', `#${encodePrefill({ request: { ...request, drug: 'unobtainium' } })}`],
  ])('%s is ignored and the form loads as usual', (_name, hash) => {
    window.history.replaceState(null, '', `/${hash}`);
    render(<App today={TODAY} prefill={readPrefill(TODAY)} />);
    expect(input('Dose per administration').value).toBe('');
    expect(screen.queryByRole('region', { name: /Filled in from the patient's record/ })).not.toBeInTheDocument();
  });
});
