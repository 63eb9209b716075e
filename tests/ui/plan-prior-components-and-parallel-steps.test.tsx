// @vitest-environment jsdom
/**
 * The plan view of a prior regimen of several medicines: a table of each medicine's daily dose and equivalent with
 * its factor and source, and the total the tolerance was judged on (checkable by hand); the parallel steps of a
 * resumed regimen grouped by date; as-needed steps read "as needed, up to N a day" with their allowance.
 *
 * The planners that fill `prior.components` were not on main when this was written: the plan is the real engine's
 * oxycodone plan with the issue-13 fields laid over it as a typed FIXTURE (src/engine/types.ts), named as such.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { planRestart, type PlanStep, type RestartPlan } from '../../src/engine/index.ts';
import { PlanView, stepGroups } from '../../src/ui/PlanView.tsx';

function realPlan(): RestartPlan {
  const result = planRestart({
    drug: 'oxycodone',
    formulation: 'ir',
    prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
    priorDurationDays: 90,
    lastDoseDate: '2026-11-26',
    restartDate: '2026-11-28',
    patient: { ageYears: 54 },
    concurrent: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** FIXTURE (not engine output): oxyCODONE 10 mg × 4 + HYDROmorphone 2 mg as needed × 3 = 60 + 30 = 90 MME, resumed in parallel. */
function fixtureComponentsPlan(): RestartPlan {
  const base = realPlan();
  const source = base.sources[0]!.id;
  const first = base.steps[0]!;
  const oxy: PlanStep = { ...first, start: '2026-11-28', end: '2026-12-04', component: 0, checkpoint: false };
  const hydro: PlanStep = {
    ...first,
    start: '2026-11-28',
    end: '2026-12-04',
    component: 1,
    drug: 'hydromorphone',
    formulation: 'ir',
    displayName: 'HYDROmorphone',
    formulationName: 'immediate-release tablet',
    dose: { amount: '2', unit: 'mg' },
    timesPerDay: 3,
    administrations: ['2', '2', '2'],
    dailyDose: { amount: '6', unit: 'mg' },
    dailyEquivalent: { amount: '30', unit: 'MME' },
    makeUp: ['1 × 2 mg tablet', '1 × 2 mg tablet', '1 × 2 mg tablet'],
    checkpoint: false,
    asNeeded: true,
    asNeededAllowance: {
      dose: { amount: '2', unit: 'mg' },
      maxDosesPerDay: 3,
      scheduledDaily: { amount: '0', unit: 'mg' },
      text: 'up to 3 × 2 mg as needed; no scheduled doses of this product',
    },
  };
  const later: PlanStep = { ...first, start: '2026-12-05', end: undefined, component: 0, checkpoint: false };
  return {
    ...base,
    prior: {
      ...base.prior,
      dailyEquivalent: { amount: '90', unit: 'MME' },
      components: [
        {
          path: 'prior',
          drug: 'oxycodone',
          formulation: 'ir',
          displayName: 'oxyCODONE',
          formulationName: 'immediate-release tablet',
          dose: { amount: '10', unit: 'mg' },
          timesPerDay: 4,
          asNeeded: false,
          dailyDose: { amount: '40', unit: 'mg' },
          dailyEquivalent: { amount: '60', unit: 'MME' },
          equivalentFactor: { value: '1.5', per: 'MME per mg/day', source },
        },
        {
          path: 'additionalPrior.0',
          drug: 'hydromorphone',
          formulation: 'ir',
          displayName: 'HYDROmorphone',
          formulationName: 'immediate-release tablet',
          dose: { amount: '2', unit: 'mg' },
          timesPerDay: 3,
          asNeeded: true,
          dailyDose: { amount: '6', unit: 'mg' },
          dailyEquivalent: { amount: '30', unit: 'MME' },
          equivalentFactor: { value: '5', per: 'MME per mg/day', source },
        },
      ],
    },
    steps: [oxy, hydro, later],
  };
}

describe('prior regimen of several medicines (FIXTURE plan with components)', () => {
  it('shows each medicine with dose × times, as needed, daily dose, factor with source and equivalent, and the sum', async () => {
    const plan = fixtureComponentsPlan();
    const sourceName = `${plan.sources[0]!.issuer}, ${plan.sources[0]!.year}`;
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const table = await screen.findByRole('table', { name: 'Before the break: 2 medicines added up in MME' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('oxyCODONE immediate-release tablet');
    expect(rows[1]).toHaveTextContent('10 mg × 4');
    expect(rows[1]).toHaveTextContent(/no/);
    expect(rows[1]).toHaveTextContent('40 mg');
    expect(rows[1]).toHaveTextContent(`1.5 MME per mg/day (${sourceName})`);
    expect(rows[1]).toHaveTextContent('60 MME');
    expect(rows[2]).toHaveTextContent('HYDROmorphone immediate-release tablet');
    expect(rows[2]).toHaveTextContent('2 mg × 3');
    expect(rows[2]).toHaveTextContent('yes (3 a day on average)');
    expect(rows[2]).toHaveTextContent('6 mg');
    expect(rows[2]).toHaveTextContent('30 MME');
    expect(rows[3]).toHaveTextContent('Total (60 + 30)');
    expect(rows[3]).toHaveTextContent('90 MME');
  });

  it('groups the parallel steps by date and labels the as-needed one with its allowance', () => {
    const plan = fixtureComponentsPlan();
    expect(stepGroups(plan.steps).map((g) => g.length)).toEqual([2, 1]);
    render(<PlanView plan={plan} inputs={[]} today="2026-11-28" />);
    const schedule = screen.getByRole('table', { name: 'Restart schedule' });
    const groups = within(schedule).getAllByRole('rowgroup').slice(1);
    expect(groups).toHaveLength(2);
    const parallel = within(groups[0]!).getAllByRole('row');
    expect(parallel).toHaveLength(2);
    expect(groups[0]).toHaveTextContent('Step 1');
    expect(groups[0]).toHaveTextContent('2 medicines in parallel, same dates');
    expect(parallel[0]).toHaveTextContent('oxyCODONE');
    expect(parallel[1]).toHaveTextContent('HYDROmorphone immediate-release tablet');
    expect(parallel[1]).toHaveTextContent('as needed, up to 3 a day');
    expect(parallel[1]).toHaveTextContent('up to 3 × 2 mg as needed; no scheduled doses of this product');
    expect(groups[1]).toHaveTextContent('Step 2');
  });

  it('shows no components table for a single medicine', () => {
    const plan = realPlan();
    render(<PlanView plan={{ ...plan, prior: { ...plan.prior, components: [] } }} inputs={[]} today="2026-11-28" />);
    expect(screen.queryByRole('table', { name: /Before the break/ })).not.toBeInTheDocument();
  });
});
