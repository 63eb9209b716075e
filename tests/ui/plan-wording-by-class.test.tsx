// @vitest-environment jsdom
/** Wording that fits the plan's class: no MME for methadone for opioid use disorder; no sedation boilerplate for clozapine. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { planRestart, type RestartPlan } from '../../src/engine/index.ts';
import { PlanView } from '../../src/ui/PlanView.tsx';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
const methadone = (indication: 'oud' | 'pain') => ({
  drug: 'methadone', indication, prior: { dose: '60', unit: 'mg', timesPerDay: 1 }, priorDurationDays: 180,
  lastDoseDate: '2026-11-24', restartDate: '2026-11-28', patient: {}, concurrent: [],
});

describe('plan wording by class', () => {
  it('methadone for opioid use disorder: no MME column, and says why', () => {
    const request = methadone('oud');
    render(<PlanView plan={planOf(request)} inputs={[]} request={request} today="2026-11-28" />);
    const table = screen.getByRole('table', { name: 'Restart schedule' });
    expect(within(table).queryByRole('columnheader', { name: 'Daily MME' })).not.toBeInTheDocument();
    expect(table).not.toHaveTextContent('MME');
    expect(screen.getByText(/No MME is shown: MME conversion is not for dosing methadone for opioid use disorder/)).toBeInTheDocument();
  });

  it('methadone for pain keeps the MME column', () => {
    const request = methadone('pain');
    render(<PlanView plan={planOf(request)} inputs={[]} request={request} today="2026-11-28" />);
    expect(within(screen.getByRole('table', { name: 'Restart schedule' })).getByRole('columnheader', { name: 'Daily MME' })).toBeInTheDocument();
  });

  it('clozapine: the ceiling note has no "go lower if sedated" opioid boilerplate', () => {
    const request = { drug: 'clozapine', prior: { dose: '200', unit: 'mg', timesPerDay: 2 }, priorDurationDays: 180, lastDoseDate: '2026-11-20', restartDate: '2026-11-28', patient: {}, concurrent: [] };
    render(<PlanView plan={planOf(request)} inputs={[]} request={request} today="2026-11-28" />);
    expect(screen.getByText(/Each row is a ceiling: do not exceed it\. Dates are the earliest/)).toBeInTheDocument();
    expect(screen.queryByText(/sedated/)).not.toBeInTheDocument();
  });
});
