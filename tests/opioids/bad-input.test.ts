import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { BASE, plan, restartAfter, warning } from './helpers.ts';

function errors(request: Record<string, unknown>) {
  const result = planRestart(request);
  if (result.ok) throw new Error('expected errors, got a plan');
  return result.errors;
}

describe('opioid bad input → errors as data, naming the field', () => {
  it('a patch strength that does not exist (30 mcg/h)', () => {
    const e = errors({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '30', unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'not-a-real-strength' })]);
    expect(e[0]!.message).toMatch(/no 30 mcg\/h patch/);
  });

  it('mg for a patch', () => {
    const e = errors({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '25', unit: 'mg' }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'prior.unit', code: 'wrong-unit' })]);
  });

  it('a methadone dose above any real regimen', () => {
    const e = errors({ drug: 'methadone', indication: 'oud', prior: { dose: '400', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'implausible-dose' })]);
  });

  it('methadone without an indication: the plan asks (field error on indication)', () => {
    const e = errors({ drug: 'methadone', prior: { dose: '60', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'indication', code: 'required' })]);
  });

  it('several problems are reported at once', () => {
    const e = errors({ drug: 'methadone', prior: { dose: '400', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(1), indication: undefined });
    expect(e.map((x) => x.path).sort()).toEqual(['indication', 'prior.dose']);
  });

  it('an unknown indication value', () => {
    const e = errors({ drug: 'methadone', indication: 'cough', prior: { dose: '60', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'indication', code: 'unknown-indication' })]);
  });

  it('OxyContin 5 mg (no such tablet) and OxyContin three times a day', () => {
    const a = errors({ drug: 'oxycodone', formulation: 'er', prior: { dose: '5', unit: 'mg', timesPerDay: 2 }, ...BASE, restartDate: restartAfter(1) });
    expect(a).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'not-a-real-strength' })]);
    const b = errors({ drug: 'oxycodone', formulation: 'er', prior: { dose: '10', unit: 'mg', timesPerDay: 3 }, ...BASE, restartDate: restartAfter(1) });
    expect(b).toEqual([expect.objectContaining({ path: 'prior.timesPerDay', code: 'above-product-maximum' })]);
  });

  it('a half tablet of an unscored product is not a real dose (oxyCODONE 2.5 mg)', () => {
    const e = errors({ drug: 'oxycodone', prior: { dose: '2.5', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(1) });
    expect(e).toEqual([expect.objectContaining({ path: 'prior.dose', code: 'not-a-real-strength' })]);
  });

  it('an unknown formulation lists the known ones', () => {
    const e = errors({ drug: 'hydromorphone', formulation: 'patch', prior: { dose: '2', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(1) });
    expect(e[0]).toMatchObject({ path: 'formulation', code: 'unknown-formulation' });
    expect(e[0]!.message).toMatch(/ir, oral-solution, er/);
  });

  it('buprenorphine with a full-agonist answer that is not yes/no', () => {
    const e = errors({ drug: 'buprenorphine', prior: { dose: '8', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(1), fullAgonistUsedDuringBreak: 'maybe' });
    expect(e).toEqual([expect.objectContaining({ path: 'fullAgonistUsedDuringBreak', code: 'not-a-boolean' })]);
  });

  it('a combination product whose acetaminophen already exceeds the limit gives a PLAN with the critical warning', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'apap', prior: { dose: '20', unit: 'mg', timesPerDay: 6 }, ...BASE, restartDate: restartAfter(1) });
    const w = warning(p, 'ACETAMINOPHEN_LIMIT');
    expect(w.severity).toBe('critical');
    expect(w.message).toMatch(/3,900 mg/);
    expect(w.sources).toContain('fda-acetaminophen-2011');
  });
});
