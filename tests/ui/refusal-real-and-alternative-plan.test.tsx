// @vitest-environment jsdom
/**
 * Refusals made by the engine (not hand-built) in the plan view: the Blocked box leads with the code in words,
 * the reason, its sources in words, the earliest date a plan can be made and the alternative; a refusal that
 * carries `alternativePlan` shows that plan in full below, titled as the alternative, with exports that are for
 * it and say so. The phone's "View plan" link and the pharmacist check work for refusals too.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { planRestart, type PlanRefusal, type RestartPlan } from '../../src/engine/index.ts';
import CheckView from '../../src/ui/CheckView.tsx';
import { RefusalView, viewPlanLinkText } from '../../src/ui/PlanView.tsx';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => localStorage.clear());

const RAW_CODE = /\b[A-Z]{2,}(_[A-Z]+)+\b/;
const base = { priorDurationDays: 90, lastDoseDate: '2026-11-20', restartDate: '2026-11-28', patient: {}, concurrent: [] as unknown[] };
const TRAMADOL_PHENELZINE = { ...base, drug: 'tramadol', formulation: 'ir', prior: { dose: '50', unit: 'mg', timesPerDay: 4 }, concurrent: ['phenelzine'] };
const SERTRALINE_WASHOUT = { ...base, drug: 'sertraline', prior: { dose: '100', unit: 'mg', timesPerDay: 1 }, concurrent: [{ drug: 'phenelzine', stoppedOn: '2026-11-23' }] };
const ZOLPIDEM_SLEEP = { ...base, drug: 'zolpidem', prior: { dose: '10', unit: 'mg', timesPerDay: 1 }, patient: { complexSleepBehaviorHistory: true } };
const ALPRAZOLAM_NON_PRESCRIBED = { ...base, drug: 'alprazolam', prior: { dose: '1', unit: 'mg', timesPerDay: 3, nonPrescribed: true } };
const MORPHINE_IR = { ...base, drug: 'morphine', formulation: 'ir', prior: { dose: '15', unit: 'mg', timesPerDay: 4 }, lastDoseDate: '2026-11-01' };

function refusalOf(request: unknown): PlanRefusal {
  const result = planRestart(request);
  if (result.ok || !result.refusal) throw new Error(`expected a refusal: ${JSON.stringify(result.ok ? 'plan' : result.errors)}`);
  return result.refusal;
}
function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
function box() {
  return screen.getByRole('region', { name: /^Blocked:/ });
}

describe('real refusals in the plan view', () => {
  it('tramadol with phenelzine: the Blocked box leads, code and sources in words, no schedule', () => {
    const refusal = refusalOf(TRAMADOL_PHENELZINE);
    expect(refusal.code).toBe('MAOI_CONTRAINDICATED_OPIOID');
    const { container } = render(<RefusalView refusal={refusal} request={TRAMADOL_PHENELZINE} today="2026-11-28" />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(`No plan: ${refusal.displayName} cannot be restarted now`);
    expect(box()).toHaveAccessibleName('Blocked: MAOI contraindicated opioid');
    expect(box()).toHaveTextContent(refusal.message);
    // Sources in words: each reason source as a link named by its issuer and year, not its id.
    const links = within(box()).getAllByRole('link');
    expect(links).toHaveLength(refusal.reasonSources.length);
    for (const link of links) expect(link.textContent).toMatch(/, \d{4}$/);
    if (refusal.alternative) expect(box()).toHaveTextContent(`Instead${refusal.alternative}`);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // The box is the first thing after the disclaimer banner and the heading.
    const first = container.querySelector('article > section');
    expect(first).toBe(box());
  });

  it('the working says how it was decided, numbered once, with its citations in words', async () => {
    const refusal = refusalOf(TRAMADOL_PHENELZINE);
    render(<RefusalView refusal={refusal} />);
    const working = await screen.findByRole('region', { name: 'How this was decided' });
    const lines = within(working).getAllByRole('listitem').slice(0, refusal.derivation.length);
    expect(lines[0]!.textContent).not.toMatch(/^\d+\./);
    expect(working.textContent).not.toMatch(/\[label-/);
  });

  it('sertraline five days after phenelzine: the earliest date a plan can be made', () => {
    const refusal = refusalOf(SERTRALINE_WASHOUT);
    expect(refusal.code).toBe('MAOI_WASHOUT');
    expect(refusal.earliestPlanDate).toBeDefined();
    render(<RefusalView refusal={refusal} />);
    expect(box()).toHaveAccessibleName('Blocked: MAOI washout');
    const [y, m, d] = refusal.earliestPlanDate!.split('-').map(Number);
    const words = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace(/,/g, '');
    expect(box()).toHaveTextContent(`Earliest date a plan can be made${words}`);
  });

  it('zolpidem after complex sleep behaviours and a non-prescribed benzodiazepine dose are blocked in words', () => {
    render(<RefusalView refusal={refusalOf(ZOLPIDEM_SLEEP)} />);
    expect(box()).toHaveAccessibleName('Blocked: Z-drug complex sleep behavior');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('a non-prescribed benzodiazepine dose', () => {
    const refusal = refusalOf(ALPRAZOLAM_NON_PRESCRIBED);
    expect(refusal.code).toBe('BZD_DOSE_UNKNOWN');
    render(<RefusalView refusal={refusal} />);
    expect(box()).toHaveAccessibleName('Blocked: Benzodiazepine dose unknown');
    expect(box()).toHaveTextContent(refusal.message);
  });
});

describe('a refusal with an alternative plan', () => {
  // Until the opioid planner gives alternativePlan itself: a real refusal plus a real plan from planRestart.
  const refusal: PlanRefusal = { ...refusalOf(TRAMADOL_PHENELZINE), alternativePlan: planOf(MORPHINE_IR) };
  const alternative = refusal.alternativePlan!;

  it('shows the alternative in full below the Blocked box, titled as the alternative', () => {
    render(<RefusalView refusal={refusal} request={TRAMADOL_PHENELZINE} today="2026-11-28" />);
    const section = screen.getByRole('region', { name: 'Alternative plan: morphine immediate-release tablet' });
    expect(box().compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(box()).getByRole('link', { name: 'See the alternative plan: morphine immediate-release tablet' })).toHaveAttribute('href', '#alternative-title');
    expect(section).toHaveTextContent(`not for ${refusal.displayName} immediate-release tablet`);
    const summary = within(section).getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent(`First step, from Sat 28 Nov 2026`);
    expect(summary).toHaveTextContent(/morphine [\d.]+ mg/);
    const table = within(section).getByRole('table', { name: 'Alternative plan schedule: morphine immediate-release tablet' });
    expect(within(table).getAllByRole('row')).toHaveLength(alternative.steps.length + 1);
    const critical = alternative.warnings.filter((w) => w.severity === 'critical');
    if (critical.length) {
      const list = within(section).getByRole('region', { name: 'Critical warnings for the alternative plan' });
      expect(within(list).getAllByRole('listitem')).toHaveLength(critical.length);
      expect(within(summary).getByRole('link', { name: new RegExp(`${critical.length} critical`) })).toHaveAttribute('href', '#alt-critical-warnings');
    }
    // Ids stay unique with both the refusal's and the alternative's warnings on the page.
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('its exports are for the alternative plan and say so; the note starts with the refusal', async () => {
    const user = userEvent.setup({ delay: null });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RefusalView refusal={refusal} request={TRAMADOL_PHENELZINE} today="2026-11-28" />);
    const exports = screen.getByRole('region', { name: 'Export the alternative plan' });
    expect(exports).toHaveTextContent(`These exports are for the alternative plan, not for the refused ${refusal.displayName}`);
    for (const name of ['Copy clinical note (alternative plan)', 'Download CSV (alternative plan)', 'Download calendar (.ics) (alternative plan)', 'Download FHIR bundle (JSON) (alternative plan)'])
      expect(within(exports).getByRole('button', { name })).toBeInTheDocument();
    await user.click(within(exports).getByRole('button', { name: 'Copy clinical note (alternative plan)' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalled());
    const note = String(writeText.mock.calls[0]![0]);
    expect(note).toMatch(/^RESTART PLAN: morphine immediate-release tablet\n/);
    expect(note).toContain(`NO PLAN for ${refusal.displayName} immediate-release tablet`);
    expect(note).toContain('(blocked, MAOI_CONTRAINDICATED_OPIOID)');
    expect(note).toContain('THIS NOTE IS FOR THE ALTERNATIVE PLAN: morphine immediate-release tablet.');
    expect(within(exports).getByText('Clinical note (alternative plan) copied to the clipboard.')).toBeInTheDocument();
  });

  it('the phone link names the refusal and the alternative first step', () => {
    expect(viewPlanLinkText({ refusal })).toMatch(/^No plan: blocked \(MAOI contraindicated opioid\)\. Alternative: morphine [\d.]+ mg .* from Sat 28 Nov 2026$/);
    expect(viewPlanLinkText({ refusal: refusalOf(TRAMADOL_PHENELZINE) })).toBe('No plan: blocked (MAOI contraindicated opioid). View why');
    expect(viewPlanLinkText({ plan: alternative })).toMatch(/^View plan: morphine [\d.]+ mg/);
  });
});

describe('the pharmacist check with a refused request', () => {
  it('runs, and every finding is in words (no PLAN_REFUSED or refusal code)', async () => {
    const refusal = refusalOf(TRAMADOL_PHENELZINE);
    render(<CheckView plan={null} refused={{ refusal, request: TRAMADOL_PHENELZINE }} inputs={[]} />);
    expect(screen.getByText(/Retitrate gives no plan for this request \(blocked\)/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Step 1 Start date'), { target: { value: '2026-11-28' } });
    fireEvent.change(screen.getByLabelText('Step 1 Dose (mg)'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Step 1 Times a day'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check against the ceiling' }));
    const result = await screen.findByRole('region', { name: 'No plan: no proposed dose is within a ceiling' });
    const findings = within(result).getAllByRole('listitem');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toHaveTextContent('No plan for this request (blocked).');
    expect(findings[0]).toHaveTextContent('MAOI contraindicated opioid');
    expect(result.textContent).not.toMatch(RAW_CODE);
    expect(screen.queryByText(/Within the ceiling/)).not.toBeInTheDocument();
  });
});
