/**
 * The first two derivation lines of an antidepressant or labelled-restart plan: the prior regimen and
 * the break, with the arithmetic and ISMP figures.
 */
import { describe, expect, it } from 'vitest';
import { priorAndBreak } from '../../src/engine/classes/prior.ts';
import { PlanNotes } from '../../src/engine/notes.ts';
import { planRestart } from '../../src/engine/plan.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from './fixtures.ts';

function derivation(request: unknown): readonly string[] {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan.derivation;
}

describe('prior regimen and break in the derivation', () => {
  it('shows the prior dose, times a day, daily total, duration, dates, days off and missed (sertraline)', () => {
    const lines = derivation(baseRequest({ drug: 'sertraline', formulation: 'tablet', prior: { dose: '50', unit: 'mg', timesPerDay: 2 } }));
    expect(lines[0]).toBe('1. Prior regimen: sertraline tablet 50 mg × 2 a day = 100 mg daily, for 90 days.');
    expect(lines[1]).toBe('2. Last dose 2026-11-01, restart 2026-11-28: daysOff = 27; missedDays = daysOff − 1 = 26.');
  });

  it('writes a thousands separator in a labelled-restart daily total', () => {
    const lines = derivation(
      baseRequest({ drug: 'gabapentin', formulation: 'capsule', prior: { dose: '400', unit: 'mg', timesPerDay: 3 }, restartDate: '2026-11-03' }),
    );
    expect(lines[0]).toBe('1. Prior regimen: gabapentin capsule 400 mg × 3 a day = 1,200 mg daily, for 90 days.');
    expect(lines[1]).toBe('2. Last dose 2026-11-01, restart 2026-11-03: daysOff = 2; missedDays = daysOff − 1 = 1.');
  });

  it('returns the figures it wrote: dose, times, regimen, daily total, days off and missed', () => {
    const validated = validateRequest(baseRequest({ drug: 'sertraline', formulation: 'tablet', prior: { dose: '25', unit: 'mg', timesPerDay: 2 } }));
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    const drug = findDrug('sertraline')!;
    const notes = new PlanNotes();
    const result = priorAndBreak(notes, validated.request, drug.displayName, findFormulation(drug, 'tablet')!);
    expect(result.dose.toFixed()).toBe('25');
    expect(result.times).toBe(2);
    expect(result.priorRegimen.map((d) => d.toFixed())).toEqual(['25', '25']);
    expect(result.priorDaily.toFixed()).toBe('50');
    expect([result.daysOff, result.missedDays]).toEqual([27, 26]);
    const derivation = notes.finish({} as Parameters<PlanNotes['finish']>[0]).derivation;
    expect(derivation).toEqual([
      '1. Prior regimen: sertraline tablet 25 mg × 2 a day = 50 mg daily, for 90 days.',
      '2. Last dose 2026-11-01, restart 2026-11-28: daysOff = 27; missedDays = daysOff − 1 = 26.',
    ]);
  });
});
