import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from './fixtures.ts';

function errorsOf(request: unknown) {
  const result = validateRequest(request);
  if (result.ok) throw new Error('expected errors, got a valid request');
  return result.errors;
}

function codesAt(request: unknown, path: string): string[] {
  return errorsOf(request).filter((e) => e.path === path).map((e) => e.code);
}

describe('validateRequest', () => {
  it('accepts the base request and normalises it', () => {
    const result = validateRequest(baseRequest({ prior: { dose: 10, unit: 'mg', timesPerDay: 4 } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.prior.dose.amount.toFixed()).toBe('10');
    expect(result.request.patient).toMatchObject({ ageYears: 54, hepaticImpairment: false, alcoholUse: false });
  });

  it('defaults the formulation to the immediate-release form', () => {
    const { formulation, ...rest } = baseRequest();
    void formulation;
    const result = validateRequest(rest);
    expect(result.ok && result.request.formulation).toBe('ir');
  });

  it.each([
    ['unknown drug', { drug: 'unobtainium' }, 'drug', 'unknown-drug'],
    ['missing drug', { drug: '' }, 'drug', 'required'],
    ['unknown formulation', { formulation: 'suppository' }, 'formulation', 'unknown-formulation'],
    ['missing dose', { prior: { unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'required'],
    ['non-numeric dose', { prior: { dose: 'ten', unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'not-a-number'],
    ['zero dose', { prior: { dose: '0', unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'not-positive'],
    ['negative dose', { prior: { dose: -5, unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'not-positive'],
    ['absurd dose', { prior: { dose: '5000', unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'implausible-dose'],
    ['dose no strength can make', { prior: { dose: '7', unit: 'mg', timesPerDay: 4 } }, 'prior.dose', 'not-a-real-strength'],
    ['a patch unit for a tablet', { prior: { dose: '25', unit: 'mcg/h', timesPerDay: 1 } }, 'prior.unit', 'wrong-unit'],
    ['missing unit', { prior: { dose: '10', timesPerDay: 4 } }, 'prior.unit', 'required'],
    ['times per day zero', { prior: { dose: '10', unit: 'mg', timesPerDay: 0 } }, 'prior.timesPerDay', 'out-of-range'],
    ['times per day 13', { prior: { dose: '10', unit: 'mg', timesPerDay: 13 } }, 'prior.timesPerDay', 'out-of-range'],
    ['times per day not an integer', { prior: { dose: '10', unit: 'mg', timesPerDay: 2.5 } }, 'prior.timesPerDay', 'not-an-integer'],
    ['times per day above the product', { prior: { dose: '10', unit: 'mg', timesPerDay: 8 } }, 'prior.timesPerDay', 'above-product-maximum'],
    ['restart before last dose', { restartDate: '2026-10-31' }, 'restartDate', 'before-last-dose'],
    ['impossible date', { lastDoseDate: '2026-02-30' }, 'lastDoseDate', 'invalid-date'],
    ['not a date', { restartDate: 'next week' }, 'restartDate', 'invalid-date'],
    ['negative duration', { priorDurationDays: -1 }, 'priorDurationDays', 'negative'],
    ['non-integer duration', { priorDurationDays: 7.5 }, 'priorDurationDays', 'not-an-integer'],
    ['missing duration', { priorDurationDays: undefined }, 'priorDurationDays', 'required'],
    ['age above 120', { patient: { ageYears: 121 } }, 'patient.ageYears', 'out-of-range'],
    ['negative age', { patient: { ageYears: -1 } }, 'patient.ageYears', 'out-of-range'],
    ['non-boolean flag', { patient: { sleepApnea: 'yes' } }, 'patient.sleepApnea', 'not-a-boolean'],
    ['unknown concurrent drug', { concurrent: ['alprazolam', 'snake-oil'] }, 'concurrent.1', 'unknown-concurrent-drug'],
    ['unknown break reason', { breakReason: 'holiday' }, 'breakReason', 'unknown-reason'],
  ])('rejects %s with a field error', (_name, overrides, path, code) => {
    expect(codesAt(baseRequest(overrides), path)).toContain(code);
  });

  it('reports every problem at once, each with a message', () => {
    const errors = errorsOf(
      baseRequest({
        prior: { dose: 'abc', unit: 'mg', timesPerDay: 20 },
        lastDoseDate: '2026-13-01',
        patient: { ageYears: 200 },
        concurrent: ['nope'],
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['concurrent.0', 'lastDoseDate', 'patient.ageYears', 'prior.dose', 'prior.timesPerDay'].sort(),
    );
    for (const error of errors) expect(error.message.length).toBeGreaterThan(10);
  });

  it('rejects a non-object request', () => {
    expect(errorsOf('oxycodone')[0]).toMatchObject({ path: '', code: 'not-an-object' });
    expect(errorsOf(null)[0]).toMatchObject({ code: 'not-an-object' });
  });

  it('accepts a same-day restart (daysOff 0)', () => {
    expect(validateRequest(baseRequest({ restartDate: '2026-11-01' })).ok).toBe(true);
  });

  it('names the real strengths when a dose cannot be made', () => {
    const [error] = errorsOf(baseRequest({ prior: { dose: '7', unit: 'mg', timesPerDay: 4 } }));
    expect(error!.message).toContain('5 mg, 10 mg, 15 mg, 20 mg, 30 mg');
  });
});
