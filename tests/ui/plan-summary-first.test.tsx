// @vitest-environment jsdom
/**
 * The plan leads with what to do now: the first step (drug, dose, times a day, from which date), why in one
 * sentence (days off and the tolerance finding or the resume / re-titrate decision), the next checkpoint, and the
 * count of critical warnings linking to them, with the critical warnings right after it.
 */
import { render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRestart, type RestartPlan } from '../../src/engine/index.ts';
import { PlanView } from '../../src/ui/PlanView.tsx';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
const example = JSON.parse(readFileSync('examples/oxycodone-after-prison.json', 'utf8')) as Record<string, unknown>;

function summary() {
  return screen.getByRole('region', { name: 'Summary' });
}

describe('plan summary', () => {
  it('gives the first step, why, the next checkpoint and links to the critical warnings, before them', () => {
    const plan = planOf(example);
    const { container } = render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const box = summary();
    expect(box).toHaveTextContent('First step, from Sat 28 Nov 2026');
    expect(box).toHaveTextContent('oxyCODONE 5 mg twice daily (10 mg a day)');
    expect(box).toHaveTextContent('Why27 days off (26 missed days): tolerance lost: restart as for a patient new to the drug.');
    expect(box).toHaveTextContent('Next checkpointSun 13 Dec 2026: Crosses 50 MME/day');
    const critical = plan.warnings.filter((w) => w.severity === 'critical').length;
    expect(critical).toBe(4);
    const link = within(box).getByRole('link', { name: '4 critical warnings' });
    expect(link).toHaveAttribute('href', '#critical-warnings');
    const target = container.querySelector('#critical-warnings')!;
    expect(target).toHaveAccessibleName('Critical warnings');
    // Order: summary, then the critical warnings, then the tolerance and the schedule.
    expect(box.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Restart schedule' });
    expect(target.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(box.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('an uneven first step says how many doses of each amount', () => {
    const plan = planOf({ ...example, lastDoseDate: '2026-11-25', concurrent: [] });
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const first = plan.steps[0]!;
    if (new Set(first.administrations).size > 1) expect(summary()).toHaveTextContent(/one dose of|two doses of|three doses of/);
    else expect(summary()).toHaveTextContent(new RegExp(`oxyCODONE \\d+ mg (twice|three times|four times) daily`));
  });

  it('a clozapine plan gives the re-titrate decision and its rule, not "no tolerance rule applies"', () => {
    const plan = planOf({ drug: 'clozapine', prior: { dose: '200', unit: 'mg', timesPerDay: 2 }, priorDurationDays: 180, lastDoseDate: '2026-11-20', restartDate: '2026-11-28', patient: {}, concurrent: [] });
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    expect(summary()).toHaveTextContent('8 days off (7 missed days): re-titrate from a starting dose: the label re-initiates cloZAPine at 12.5 mg');
    expect(screen.queryByText(/no tolerance rule applies/)).not.toBeInTheDocument();
    expect(within(summary()).getByRole('link', { name: '1 critical warning' })).toBeInTheDocument();
  });

  it('a plan without checkpoints names the next step date instead', () => {
    const plan = planOf({ drug: 'sertraline', prior: { dose: '100', unit: 'mg', timesPerDay: 1 }, priorDurationDays: 180, lastDoseDate: '2026-10-29', restartDate: '2026-11-28', patient: {}, concurrent: [] });
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    expect(summary()).toHaveTextContent('None marked; the next step may start Sat 5 Dec 2026');
    expect(summary()).toHaveTextContent('sertraline 50 mg once daily (50 mg a day)');
    expect(within(summary()).queryByRole('link')).not.toBeInTheDocument();
  });
});
