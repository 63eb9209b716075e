// @vitest-environment jsdom
/**
 * A plan that restarts on another product (a fentaNYL patch after tolerance loss restarts on morphine) names the
 * product the schedule uses, with its unit, in the heading; a patch is never shown as "once daily" or "mcg/h daily".
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { planRestart, type RestartPlan } from '../../src/engine/index.ts';
import { PlanView } from '../../src/ui/PlanView.tsx';

const patch = (lastDoseDate: string) => ({
  drug: 'fentanyl',
  formulation: 'patch',
  prior: { dose: '50', unit: 'mcg/h' },
  priorDurationDays: 180,
  lastDoseDate,
  restartDate: '2026-11-28',
  patient: {},
  concurrent: [],
});

/** The plan, or after tolerance loss the morphine plan the refusal offers instead (amendment A6: the patch is refused). */
function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  const plan = result.ok ? result.plan : result.refusal?.alternativePlan;
  if (!plan) throw new Error(result.ok ? "no plan" : JSON.stringify(result.errors));
  return plan;
}

describe('plan heading after a product switch', () => {
  it('names morphine and its mg ceiling, not fentaNYL with a mg figure', () => {
    const plan = planOf(patch('2026-11-18'));
    expect(plan.steps.at(-1)!.drug).toBe('morphine');
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const heading = screen.getByRole('heading', { level: 2, name: /Restart plan/ });
    expect(heading).toHaveTextContent(/^Restart plan: morphine immediate-release tablet/);
    expect(heading).toHaveTextContent('instead of fentaNYL transdermal patch');
    expect(heading).toHaveTextContent('ceiling reaches morphine 60 mg daily');
    expect(heading).not.toHaveTextContent(/fentaNYL — ceiling/);
  });

  it('keeps the prior drug in the heading when the schedule uses it', () => {
    render(<PlanView plan={planOf({ ...patch('2026-11-18'), drug: 'oxycodone', formulation: 'ir', prior: { dose: '10', unit: 'mg', timesPerDay: 4 } })} inputs={[]} today="2026-11-28" />);
    expect(screen.getByRole('heading', { level: 2, name: /Restart plan/ })).toHaveTextContent('Restart plan: oxyCODONE — ceiling reaches oxyCODONE 40 mg daily');
  });
});

describe('a patch step', () => {
  it('reads as a rate worn continuously and changed every 72 hours, not once daily', () => {
    const plan = planOf(patch('2026-11-27'));
    expect(plan.steps[0]!.dose.unit).toBe('mcg/h');
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const row = within(screen.getByRole('table', { name: 'Restart schedule' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('changed every 72 hours');
    expect(row).toHaveTextContent('50 mcg/h continuously');
    expect(row).not.toHaveTextContent(/once daily/);
    expect(screen.getByRole('heading', { level: 2, name: /Restart plan/ })).toHaveTextContent('ceiling reaches fentaNYL 50 mcg/h (patch)');
  });
});
