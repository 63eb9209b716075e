import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { request } from './helpers.ts';

function errors(input: unknown) {
  const result = planRestart(input);
  if (result.ok) throw new Error('expected errors, got a plan');
  return result.errors;
}

describe('benzodiazepine bad input → errors as data, never a plan', () => {
  it('a strength that does not exist', () => {
    const e = errors(request({ drug: 'alprazolam', dose: '0.3', timesPerDay: 2, missedDays: 1 }));
    expect(e).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'not-a-real-strength' })]);
    expect(e[0]!.message).toMatch(/0.25 mg, 0.5 mg, 1 mg, 2 mg/);
  });

  it('half of an unscored tablet is not a real dose', () => {
    expect(errors(request({ drug: 'lorazepam', dose: '0.25', timesPerDay: 2, missedDays: 1 }))[0]).toMatchObject({ path: 'prior.dose', code: 'not-a-real-strength' });
    expect(errors(request({ drug: 'zolpidem', formulation: 'er', dose: '3.125', timesPerDay: 1, missedDays: 1 }))[0]).toMatchObject({ code: 'not-a-real-strength' });
  });

  it('twelve doses a day of a hypnotic', () => {
    for (const drug of ['temazepam', 'zolpidem', 'triazolam']) {
      const dose = drug === 'temazepam' ? '15' : drug === 'zolpidem' ? '5' : '0.125';
      const e = errors(request({ drug, dose, timesPerDay: 12, missedDays: 1 }));
      expect(e).toEqual([expect.objectContaining({ path: 'prior.timesPerDay', code: 'above-product-maximum' })]);
      expect(e[0]!.message).toMatch(/not given more than 1 times a day/);
    }
  });

  it('more doses a day than the label allows for a daytime drug', () => {
    expect(errors(request({ drug: 'lorazepam', dose: '1', timesPerDay: 4, missedDays: 1 }))[0]).toMatchObject({ path: 'prior.timesPerDay', code: 'above-product-maximum' });
    expect(errors(request({ drug: 'alprazolam', formulation: 'er', dose: '1', timesPerDay: 2, missedDays: 1 }))[0]).toMatchObject({ code: 'above-product-maximum' });
  });

  it('an unknown drug', () => {
    expect(errors(request({ drug: 'midazolam', dose: '5', timesPerDay: 1, missedDays: 1 }))).toEqual([
      expect.objectContaining({ path: 'drug', code: 'unknown-drug' }),
    ]);
  });

  it('an implausible dose', () => {
    expect(errors(request({ drug: 'diazepam', dose: '500', timesPerDay: 1, missedDays: 1 }))[0]).toMatchObject({ path: 'prior.dose', code: 'implausible-dose' });
  });

  it('an unknown formulation and a wrong unit', () => {
    expect(errors(request({ drug: 'diazepam', formulation: 'er', dose: '5', timesPerDay: 1, missedDays: 1 }))[0]).toMatchObject({ path: 'formulation', code: 'unknown-formulation' });
    const input = request({ drug: 'diazepam', dose: '5', timesPerDay: 1, missedDays: 1 }) as { prior: Record<string, unknown> };
    input.prior.unit = 'mcg';
    expect(errors(input)[0]).toMatchObject({ path: 'prior.unit', code: 'wrong-unit' });
  });

  it('reports every problem at once', () => {
    const e = errors({
      drug: 'temazepam',
      prior: { dose: '16', unit: 'mg', timesPerDay: 12, daysPerWeek: 9 },
      priorDurationDays: -1,
      lastDoseDate: '2026-02-30',
      restartDate: '2026-11-01',
      concurrent: ['not-a-drug'],
    });
    expect(e.map((x) => `${x.path}:${x.code}`).sort()).toEqual(
      [
        'prior.timesPerDay:above-product-maximum',
        'prior.daysPerWeek:out-of-range',
        'prior.dose:not-a-real-strength',
        'priorDurationDays:negative',
        'lastDoseDate:invalid-date',
        'concurrent.0:unknown-concurrent-drug',
      ].sort(),
    );
  });
});
