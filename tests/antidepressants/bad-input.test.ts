import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { request } from './helpers.ts';

function errors(input: unknown) {
  const result = planRestart(input);
  if (result.ok) throw new Error('expected errors, got a plan');
  return result.errors;
}

describe('bad input for antidepressants and labelled-restart drugs', () => {
  it('rejects a dose the strengths cannot make (sertraline 30 mg, unscored tablets)', () => {
    const e = errors(request({ drug: 'sertraline', dose: 30, restart: '2026-11-03' }));
    expect(e).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'not-a-real-strength' })]);
    expect(e[0]!.message).toMatch(/25 mg, 50 mg, 100 mg/);
  });

  it('rejects an implausible dose, a wrong unit and an unknown formulation, all at once', () => {
    const e = errors({
      drug: 'bupropion',
      formulation: 'patch',
      prior: { dose: 100, unit: 'mcg', timesPerDay: 1 },
      priorDurationDays: 10,
      lastDoseDate: '2026-11-01',
      restartDate: '2026-11-03',
    });
    expect(e.map((x) => x.path)).toEqual(expect.arrayContaining(['formulation']));
    const f = errors(request({ drug: 'citalopram', dose: 400, restart: '2026-11-03' }));
    expect(f).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'implausible-dose' })]);
    const g = errors({ ...request({ drug: 'lamotrigine', dose: 100, restart: '2026-11-03' }), prior: { dose: 100, unit: 'mcg', timesPerDay: 1 } });
    expect(g).toEqual([expect.objectContaining({ path: 'prior.unit', code: 'wrong-unit' })]);
  });

  it('rejects too many administrations a day for a once-daily product', () => {
    const e = errors(request({ drug: 'escitalopram', dose: 10, times: 2, restart: '2026-11-03' }));
    expect(e).toEqual([expect.objectContaining({ path: 'prior.timesPerDay', code: 'above-product-maximum' })]);
  });

  it('rejects an unknown concurrent drug, a restart before the last dose and an out-of-range QTc together', () => {
    const e = errors({ ...request({ drug: 'citalopram', dose: 20, restart: '2026-10-01', concurrent: ['not-a-drug'] }), qtcMs: 90 });
    expect(e.map((x) => x.path).sort()).toEqual(['concurrent.0', 'qtcMs', 'restartDate']);
  });

  it('knows moclobemide only as a concurrent medicine (not marketed in the US, not planned)', () => {
    const e = errors(request({ drug: 'moclobemide', dose: 150, restart: '2026-11-03' }));
    expect(e).toEqual([expect.objectContaining({ path: 'drug', code: 'unknown-drug' })]);
  });
});
