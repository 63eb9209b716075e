import { describe, expect, it } from 'vitest';
import { indicatorOf, noPlanCard, planCard } from '../../src/cds-hooks/cards.ts';
import { readRecord } from '../../src/ehr/history.ts';
import { decodePrefill } from '../../src/ehr/prefill.ts';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanRefusal, RestartPlan } from '../../src/engine/types.ts';
import { dispense, fixtureIndex, tablets } from './fixtures.ts';
import { draftOrder } from './synthetic-patients.ts';

const RESTART = '2026-11-28';
const options = { appUrl: 'https://app.example/', draft: draftOrder('p1', '1049621') };

/** Oxycodone 5 mg every 6 hours; 30 days' supply from 27 October covers to 25 November: 2 missed days. */
function lineFor() {
  return readRecord({ dispenses: [dispense({ code: '1049621', date: '2026-10-27', daysSupply: 30, dosage: tablets(1, { everyHours: 6 }) })] }, RESTART, fixtureIndex).lines[0]!;
}

describe('card indicator from the plan', () => {
  const plan = (status: RestartPlan['tolerance']['status'], severities: ('critical' | 'warning' | 'info')[]) =>
    ({ tolerance: { status, retainedFraction: '1' }, warnings: severities.map((severity) => ({ code: 'X', severity, message: '', sources: [] })) }) as unknown as RestartPlan;
  it.each([
    ['lost', [], 'critical'],
    ['retained', ['critical'], 'critical'],
    ['reduced', [], 'warning'],
    ['retained', ['warning', 'info'], 'warning'],
    ['retained', ['info'], 'info'],
    ['not-applicable', [], 'info'],
  ] as const)('tolerance %s with warnings %j → %s', (status, severities, indicator) => {
    expect(indicatorOf(plan(status, [...severities]))).toBe(indicator);
  });
});

describe('cards', () => {
  it('a short break (2 missed days, tolerance retained): an info or warning card, never critical, whose suggestion doses the first step', () => {
    const line = lineFor();
    expect(line.missedDays).toBe(2);
    const result = planRestart(line.request);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const card = planCard(result.plan, line, [], options);
    expect(card.indicator).toBe(indicatorOf(result.plan));
    expect(card.indicator).not.toBe('critical');
    expect(card.summary).toContain('tolerance retained');
    expect(card.suggestions![0]!.actions[0]!.resource!.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity!.value).toBe(Number(result.plan.steps[0]!.dose.amount));
  });

  it('no readable regimen: a warning card without a suggestion, saying what is missing, with the link', () => {
    const line = readRecord({ dispenses: [dispense({ code: '1049621', date: '2026-10-01', daysSupply: 30 })] }, RESTART, fixtureIndex).lines[0]!;
    expect(line.request.prior).toBeUndefined();
    const card = noPlanCard(line, null, [], options);
    expect(card.indicator).toBe('warning');
    expect(card.suggestions).toBeUndefined();
    expect(card.detail).toContain('could not be read from the record');
    expect(decodePrefill(new URL(card.links![0]!.url).hash)!.request).toMatchObject({ drug: 'oxycodone', lastDoseDate: '2026-10-30' });
  });

  it('a refused plan: a critical card with the refusal, its sources, the earliest date and the alternative, and no suggestion', () => {
    const line = lineFor();
    const refusal = {
      refused: true,
      code: 'MAOI_CONTRAINDICATED_OPIOID',
      severity: 'block',
      path: 'concurrent.0',
      message: 'Contraindicated with an MAOI taken within 14 days.',
      reasonSources: ['cdc-2022'],
      earliestPlanDate: '2026-12-10',
      alternative: 'Choose a non-serotonergic opioid.',
      warnings: [{ code: 'NALOXONE', severity: 'critical', message: 'Offer naloxone.', sources: ['cdc-2022'] }],
    } as unknown as PlanRefusal;
    const card = noPlanCard(line, { ok: false, errors: [{ path: 'concurrent.0', code: 'plan-refused', message: refusal.message }], refusal }, [], options);
    expect(card.indicator).toBe('critical');
    expect(card.summary).toContain('Retitrate will not plan this restart');
    expect(card.detail).toContain('Earliest date a plan can be made: 2026-12-10');
    expect(card.detail).toContain('Instead: Choose a non-serotonergic opioid.');
    expect(card.detail).toContain('CDC Clinical Practice Guideline');
    expect(card.detail).toContain('CRITICAL Offer naloxone.');
    expect(card.suggestions).toBeUndefined();
  });

  it('field errors from the engine are listed by field', () => {
    const line = lineFor();
    const card = noPlanCard(line, { ok: false, errors: [{ path: 'prior.dose', code: 'above-maximum', message: 'Too high.' }] }, [{ resource: 'MedicationDispense/x', element: 'daysSupply', message: 'not counted' }], options);
    expect(card.indicator).toBe('warning');
    expect(card.detail).toContain('`prior.dose`: Too high.');
    expect(card.detail).toContain('MedicationDispense/x `daysSupply`: not counted');
  });
});
