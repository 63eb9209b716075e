// @vitest-environment jsdom
/**
 * The amendments' optional inputs in the form ("More patient details", collapsed, every control labelled and
 * reachable by keyboard) reach the engine request; a refusal is shown as clearly as a critical warning.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeDrugs, validateRequest, type PlanRefusal } from '../../src/engine/index.ts';
import { App, loadPlanning } from '../../src/ui/App.tsx';
import { emptyValues, mergeStored, toRequest } from '../../src/ui/model.ts';
import { RefusalView, codeInWords } from '../../src/ui/PlanView.tsx';
import { FORM_KEY } from '../../src/ui/storage.ts';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadPlanning();
});
beforeEach(() => localStorage.clear());

describe('More patient details', () => {
  // Keyboard opening (Enter on the summary) is native <details> behaviour, checked in the browser tests.
  it('is a collapsed disclosure with labelled controls', async () => {
    const user = userEvent.setup({ delay: null });
    render(<App today="2026-11-28" />);
    const summary = screen.getByText('More patient details');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    expect(summary.tagName).toBe('SUMMARY');
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    for (const label of ['Sex', 'Creatinine clearance (mL/min)', 'Withdrawal symptoms now', 'History of seizures', 'History of falls', 'On hemodialysis', 'Smoked tobacco before the break', 'Smokes tobacco now', 'Acetaminophen from other sources (mg a day)', 'Keep the extended-release product'])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(screen.getByLabelText('Hepatic impairment')).toHaveDisplayValue('Not stated');
    expect(screen.getByLabelText('Taken as needed')).toBeInTheDocument();
  });

  it('every new answer goes into a request the engine accepts', () => {
    const drugs = describeDrugs();
    const values = {
      ...emptyValues('2026-11-28'),
      drug: 'oxycodone', formulation: 'ir', dose: '10', timesPerDay: '4', priorDurationDays: '90', lastDoseDate: '2026-11-01',
      hepaticGrade: 'mild', sex: 'male', creatinineClearanceMlMin: '45', withdrawalSymptomsNow: 'mild',
      seizureHistory: true, historyOfFalls: true, complexSleepBehaviorHistory: false, smokedBeforeBreak: true, smokesNow: false, hemodialysis: false,
      acetaminophenOtherSourcesMgPerDay: '1000', keepProduct: true, priorAsNeeded: true, priorNonPrescribed: true,
      concurrent: ['alprazolam', 'diazepam'], concurrentDates: { alprazolam: { startedOn: '2026-10-01', stoppedOn: '2026-11-20' }, diazepam: { startedOn: '', stoppedOn: '' } },
    };
    const request = toRequest(values, drugs);
    expect(request).toMatchObject({
      prior: { dose: '10', unit: 'mg', timesPerDay: 4, asNeeded: true, nonPrescribed: true },
      patient: { hepaticImpairment: 'mild', sex: 'male', creatinineClearanceMlMin: 45, withdrawalSymptomsNow: 'mild', seizureHistory: true, historyOfFalls: true, smokedBeforeBreak: true },
      concurrent: [{ drug: 'alprazolam', startedOn: '2026-10-01', stoppedOn: '2026-11-20' }, 'diazepam'],
      acetaminophenOtherSourcesMgPerDay: 1000,
      keepProduct: true,
    });
    const validated = validateRequest(request);
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    expect(validated.request.patient.hepaticGrade).toBe('mild');
    // Alprazolam was stopped before the restart: not concurrent at the restart, kept in the history.
    expect(validated.request.concurrent).toEqual(['diazepam']);
    expect(validated.request.concurrentHistory).toHaveLength(2);
  });

  it('reads an old stored yes/no hepatic impairment as moderate and opens the details when answers are stored', () => {
    expect(mergeStored({ hepaticImpairment: true }).hepaticGrade).toBe('moderate');
    localStorage.setItem(FORM_KEY, JSON.stringify({ sex: 'female', concurrentDates: { x: { startedOn: 5 } } }));
    render(<App today="2026-11-28" />);
    expect(screen.getByText('More patient details').closest('details')).toHaveAttribute('open');
    expect(mergeStored({ concurrentDates: { x: { startedOn: 5 } } }).concurrentDates).toEqual({ x: { startedOn: '', stoppedOn: '' } });
  });
});

const REFUSAL: PlanRefusal = {
  refused: true,
  code: 'MAOI_CONTRAINDICATED_OPIOID',
  severity: 'block',
  path: 'concurrent.0',
  drug: 'tramadol',
  formulation: 'ir',
  displayName: 'traMADol',
  message: 'Tramadol is contraindicated with an MAOI or within 14 days of stopping one.',
  reasonSources: ['cdc-2022'],
  earliestPlanDate: '2026-12-04',
  alternative: 'Choose an opioid without serotonergic activity, e.g. morphine, with specialist advice.',
  daysOff: 10,
  missedDays: 9,
  warnings: [{ code: 'NALOXONE', severity: 'critical', message: 'Offer naloxone.', sources: ['cdc-2022'] }],
  derivation: ['1. Phenelzine stopped 2026-11-20: 14-day washout ends 2026-12-04.'],
  assumptions: [],
  assumptionDetails: [],
  sources: [{ id: 'cdc-2022', title: 'CDC Clinical Practice Guideline', issuer: 'Centers for Disease Control and Prevention', year: 2022, url: 'https://www.cdc.gov/' }],
  version: { engine: 'test', protocols: 'test', protocolsDate: '2026-11-28' },
};

describe('a refusal', () => {
  it('shows the code in words, the reason, sources, the earliest plan date and the alternative, with no schedule', () => {
    render(<RefusalView refusal={REFUSAL} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('No plan: traMADol cannot be restarted now');
    const box = screen.getByRole('region', { name: /Blocked: MAOI contraindicated opioid/ });
    expect(box).toHaveTextContent(REFUSAL.message);
    expect(box).toHaveTextContent('Earliest date a plan can be madeFri 4 Dec 2026');
    expect(box).toHaveTextContent(`Instead${REFUSAL.alternative}`);
    expect(within(box).getByRole('link', { name: 'Centers for Disease Control and Prevention, 2022' })).toHaveAttribute('href', 'https://www.cdc.gov/');
    expect(screen.getByRole('heading', { name: 'Critical warnings' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(codeInWords('QT_PROLONGATION_BLOCK')).toBe('QT prolongation block');
  });
});
