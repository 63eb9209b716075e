/**
 * Field-by-field validation detail: each bad field gives its path, its code and a message a clinician
 * understands (naming the field, the drug, the unit, the limits); each boundary is accepted exactly at
 * the limit and rejected one step beyond it; a valid request is normalised without stray fields.
 */
import { describe, expect, it } from 'vitest';
import { BREAK_REASONS } from '../../src/engine/types.ts';
import { parseAmount, validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from './fixtures.ts';

function errorsOf(request: unknown) {
  const result = validateRequest(request);
  if (result.ok) throw new Error('expected errors, got a valid request');
  return result.errors;
}

/** The single error at a path (fails when there is none or more than one). */
function errorAt(request: unknown, path: string) {
  const errors = errorsOf(request).filter((e) => e.path === path);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

function accepted(request: unknown) {
  const result = validateRequest(request);
  if (!result.ok) throw new Error(`expected a valid request, got ${JSON.stringify(result.errors)}`);
  return result;
}

const tablets = (prior: Record<string, unknown>) => baseRequest({ prior: { dose: '10', unit: 'mg', timesPerDay: 4, ...prior } });
const fentanyl = (prior: Record<string, unknown>) =>
  baseRequest({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '25', unit: 'mcg/h', ...prior } });

describe('parseAmount', () => {
  it.each([
    ['10', '10'],
    [' 2.5 ', '2.5'],
    ['.5', '0.5'],
    [7.5, '7.5'],
    ['-5', '-5'],
    [' -5', '-5'],
    ['-5 ', '-5'],
    ['- 5', '-5'],
    [' - 5 ', '-5'],
    ['-10', '-10'],
    ['-2.5', '-2.5'],
    ['-2.55', '-2.55'],
    [' 5', '5'],
    ['5 ', '5'],
    ['2.55', '2.55'],
    ['2.5', '2.5'],
    [' .5 ', '0.5'],
    ['.55', '0.55'],
  ])('reads %j as %s', (text, value) => {
    expect(parseAmount(text)?.toFixed()).toBe(value);
  });

  it.each([['ten'], ['x5'], ['5x'], ['x.5'], ['.5x'], ['x-5'], ['-5x'], ['--5'], ['-'], ['5 mg'], [''], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [{}], [null], [[5]], [[-5]], [['-5']]])(
    'gives null for %j',
    (value) => {
      expect(parseAmount(value)).toBeNull();
    },
  );
});

describe('the request as a whole', () => {
  it('explains that the request must be a JSON object', () => {
    expect(errorsOf([1, 2])).toEqual([{ path: '', code: 'not-an-object', message: expect.stringContaining('JSON object') }]);
  });

  it('normalises a valid request without stray optional fields', () => {
    const { request, drug, formulation } = accepted(baseRequest());
    expect(drug.id).toBe('oxycodone');
    expect(formulation.id).toBe('ir');
    expect(request.concurrent).toEqual([]);
    expect(request.prior.timesPerDay).toBe(4);
    expect(request.prior.daysPerWeek).toBe(7);
    expect(request.prior.dose.unit).toBe('mg');
    expect(request.priorDurationDays).toBe(90);
    expect(request.lastDoseDate).toBe('2026-11-01');
    expect(request.restartDate).toBe('2026-11-28');
    for (const key of ['breakReason', 'indication', 'fullAgonistUsedDuringBreak', 'qtcMs']) expect(key in request).toBe(false);
  });

  it('keeps each optional answer it was given', () => {
    const { request } = accepted(
      baseRequest({ drug: 'methadone', formulation: 'tablet', prior: { dose: '10', unit: 'mg', timesPerDay: 3 }, indication: 'oud', qtcMs: 450, breakReason: BREAK_REASONS[0] }),
    );
    expect(request.indication).toBe('oud');
    expect(request.qtcMs).toBe(450);
    expect(request.breakReason).toBe(BREAK_REASONS[0]);
    const bup = accepted(
      baseRequest({ drug: 'buprenorphine', formulation: 'sl-tablet', prior: { dose: '8', unit: 'mg', timesPerDay: 1 }, fullAgonistUsedDuringBreak: false }),
    );
    expect(bup.request.fullAgonistUsedDuringBreak).toBe(false);
  });
});

describe('drug and formulation', () => {
  it.each([['   '], [42], [undefined]])('asks for the drug when it is %j', (drug) => {
    expect(errorAt(baseRequest({ drug }), 'drug')).toMatchObject({ code: 'required', message: expect.stringContaining('drug') });
  });

  it('accepts a drug name typed with spaces and capitals', () => {
    expect(accepted(baseRequest({ drug: '  OxyCodone ' })).request.drug).toBe('oxycodone');
  });

  it('names the unknown drug in the message', () => {
    expect(errorAt(baseRequest({ drug: 'unobtainium' }), 'drug').message).toContain('"unobtainium"');
  });

  it('rejects a formulation that is not text', () => {
    expect(errorAt(baseRequest({ formulation: 5 }), 'formulation')).toMatchObject({ code: 'invalid', message: expect.stringContaining('formulation') });
  });

  it('accepts a formulation typed with spaces and capitals', () => {
    const { request } = accepted(baseRequest({ formulation: ' ER ', prior: { dose: '20', unit: 'mg', timesPerDay: 2 } }));
    expect(request.formulation).toBe('er');
  });

  it('lists the known forms of the drug for an unknown formulation', () => {
    const error = errorAt(baseRequest({ formulation: 'suppository' }), 'formulation');
    expect(error.message).toContain('oxyCODONE');
    expect(error.message).toContain('"suppository"');
    expect(error.message).toContain('ir, er');
  });
});

describe('prior regimen', () => {
  it.each([[undefined], ['10 mg four times a day'], [[]]])('asks for the regimen when prior is %j', (prior) => {
    expect(errorAt(baseRequest({ prior }), 'prior')).toMatchObject({ code: 'required', message: expect.stringContaining('dose, unit and times per day') });
  });

  it.each([[null], [''], [undefined]])('asks for the dose when it is %j', (dose) => {
    expect(errorAt(tablets({ dose }), 'prior.dose')).toMatchObject({ code: 'required', message: expect.stringContaining('dose') });
  });

  it('explains a non-numeric dose and a zero dose', () => {
    expect(errorAt(tablets({ dose: 'ten' }), 'prior.dose').message).toContain('number');
    expect(errorAt(tablets({ dose: 0 }), 'prior.dose').message).toContain('more than zero');
  });

  it('reads a negative dose typed as text as not positive', () => {
    expect(errorAt(tablets({ dose: ' -5 ' }), 'prior.dose').code).toBe('not-positive');
  });

  it.each([[''], [undefined]])('asks for the unit, naming the right one, when it is %j', (unit) => {
    const error = errorAt(tablets({ unit }), 'prior.unit');
    expect(error.code).toBe('required');
    expect(error.message).toContain('mg for this immediate-release tablet');
  });

  it('names both units when the unit is wrong', () => {
    const error = errorAt(tablets({ dose: '25', unit: 'mcg/h', timesPerDay: 1 }), 'prior.unit');
    expect(error.message).toContain('immediate-release tablet is dosed in mg, not mcg/h');
  });

  it('asks for times per day for tablets', () => {
    const error = errorAt(tablets({ timesPerDay: undefined }), 'prior.timesPerDay');
    expect(error).toMatchObject({ code: 'required', message: expect.stringContaining('times a day') });
  });

  it.each([['4'], [2.5], [Number.NaN], [null]])('rejects times per day %j as not a whole number', (timesPerDay) => {
    const error = errorAt(tablets({ timesPerDay }), 'prior.timesPerDay');
    expect(error).toMatchObject({ code: 'not-an-integer', message: expect.stringContaining('whole number from 1 to 12') });
  });

  it('names the drug, the form and the maximum when times per day is above the product maximum', () => {
    const error = errorAt(tablets({ timesPerDay: 7 }), 'prior.timesPerDay');
    expect(error.code).toBe('above-product-maximum');
    expect(error.message).toContain('oxyCODONE immediate-release tablet');
    expect(error.message).toContain('6 times a day');
    expect(accepted(tablets({ timesPerDay: 6 })).request.prior.timesPerDay).toBe(6);
  });

  it('takes a patch as worn once a day when times per day is left out', () => {
    expect(accepted(fentanyl({})).request.prior.timesPerDay).toBe(1);
    expect(accepted(fentanyl({ timesPerDay: 1 })).request.prior.timesPerDay).toBe(1);
  });

  it('rejects a patch applied more than once a day', () => {
    const error = errorAt(fentanyl({ timesPerDay: 2 }), 'prior.timesPerDay');
    expect(error).toMatchObject({ code: 'out-of-range', message: expect.stringContaining('mcg/h') });
    expect(error.message).toContain('patch');
  });

  it.each([[1], [5], [7]])('accepts %i days a week', (daysPerWeek) => {
    expect(accepted(tablets({ daysPerWeek })).request.prior.daysPerWeek).toBe(daysPerWeek);
  });

  it.each([[0], [8], [2.5], ['5'], [null]])('rejects %j days a week', (daysPerWeek) => {
    const error = errorAt(tablets({ daysPerWeek }), 'prior.daysPerWeek');
    expect(error).toMatchObject({ code: 'out-of-range', message: expect.stringContaining('from 1 to 7') });
  });

  it('names the dose, the drug and the limit of an implausible dose, with ISMP thousands separators', () => {
    const error = errorAt(tablets({ dose: '5000' }), 'prior.dose');
    expect(error.code).toBe('implausible-dose');
    expect(error.message).toContain('5,000 mg per dose');
    expect(error.message).toContain('oxyCODONE');
    expect(error.message).toContain('limit 200 mg');
  });

  it('accepts a dose exactly at the plausible maximum and rejects one just above', () => {
    expect(accepted(tablets({ dose: '200', timesPerDay: 1 })).request.prior.dose.amount.toFixed()).toBe('200');
    expect(errorAt(tablets({ dose: '201', timesPerDay: 1 }), 'prior.dose').code).toBe('implausible-dose');
  });

  it('lists the tablets on the market, without a halving note when none is scored', () => {
    const error = errorAt(tablets({ dose: '7' }), 'prior.dose');
    expect(error.code).toBe('not-a-real-strength');
    expect(error.message).toBe('7 mg cannot be made from the immediate-release tablets on the market (5 mg, 10 mg, 15 mg, 20 mg, 30 mg).');
  });

  it('says scored tablets may be halved when some strengths are scored', () => {
    const error = errorAt(baseRequest({ drug: 'hydromorphone', prior: { dose: '3', unit: 'mg', timesPerDay: 4 } }), 'prior.dose');
    expect(error.code).toBe('not-a-real-strength');
    expect(error.message).toContain('(2 mg, 4 mg, 8 mg; scored tablets may be halved)');
  });

  it('lists the patch strengths when no patch combination makes the dose', () => {
    const error = errorAt(fentanyl({ dose: '10' }), 'prior.dose');
    expect(error.code).toBe('not-a-real-strength');
    expect(error.message).toContain('There is no 10 mcg/h patch');
    expect(error.message).toContain('Patches: 12 mcg/h, 25 mcg/h, 37.5 mcg/h');
  });
});

describe('duration and dates', () => {
  it('asks for the duration in days', () => {
    expect(errorAt(baseRequest({ priorDurationDays: undefined }), 'priorDurationDays').message).toContain('how many days');
  });

  it.each([['90'], [7.5], [null]])('rejects a duration of %j as not a whole number of days', (priorDurationDays) => {
    const error = errorAt(baseRequest({ priorDurationDays }), 'priorDurationDays');
    expect(error).toMatchObject({ code: 'not-an-integer', message: expect.stringContaining('whole number of days') });
  });

  it('explains a negative duration', () => {
    expect(errorAt(baseRequest({ priorDurationDays: -1 }), 'priorDurationDays').message).toContain('negative');
  });

  it('accepts a duration of 0 days and of exactly 36,500 days, and rejects 36,501', () => {
    expect(accepted(baseRequest({ priorDurationDays: 0 })).request.priorDurationDays).toBe(0);
    expect(accepted(baseRequest({ priorDurationDays: 36_500 })).request.priorDurationDays).toBe(36_500);
    const error = errorAt(baseRequest({ priorDurationDays: 36_501 }), 'priorDurationDays');
    expect(error).toMatchObject({ code: 'out-of-range', message: expect.stringContaining('lifetime') });
  });

  it.each([[undefined], ['']])('asks for each date when it is %j', (date) => {
    const errors = errorsOf(baseRequest({ lastDoseDate: date, restartDate: date }));
    expect(errors).toEqual([
      { path: 'lastDoseDate', code: 'required', message: 'Enter the date of the last dose.' },
      { path: 'restartDate', code: 'required', message: 'Enter the planned restart date.' },
    ]);
  });

  it('rejects a date that is not text, naming the field and the format', () => {
    const error = errorAt(baseRequest({ lastDoseDate: 20261101 }), 'lastDoseDate');
    expect(error.code).toBe('invalid-date');
    expect(error.message).toContain('date of the last dose');
    expect(error.message).toContain('YYYY-MM-DD');
  });

  it('explains a restart before the last dose, one day either side', () => {
    const error = errorAt(baseRequest({ restartDate: '2026-10-31' }), 'restartDate');
    expect(error).toMatchObject({ code: 'before-last-dose', message: expect.stringContaining('before the last dose') });
    expect(accepted(baseRequest({ restartDate: '2026-11-02' })).request.restartDate).toBe('2026-11-02');
  });

  it('reports only the bad date when the other date is missing', () => {
    expect(errorsOf(baseRequest({ lastDoseDate: undefined, restartDate: '2026-10-01' })).map((e) => e.path)).toEqual(['lastDoseDate']);
  });
});

describe('concurrent drugs, break reason, indication, QTc', () => {
  it('rejects concurrent drugs that are not a list', () => {
    const error = errorAt(baseRequest({ concurrent: 'alprazolam' }), 'concurrent');
    expect(error).toMatchObject({ code: 'not-a-list', message: expect.stringContaining('list') });
  });

  it('reads concurrent ids typed with spaces and capitals, once each', () => {
    expect(accepted(baseRequest({ concurrent: [' Alprazolam ', 'alprazolam', 'ALCOHOL'] })).request.concurrent).toEqual(['alprazolam', 'alcohol']);
  });

  it('names an unknown concurrent entry even when it is not text', () => {
    const error = errorAt(baseRequest({ concurrent: [42] }), 'concurrent.0');
    expect(error).toMatchObject({ code: 'unknown-concurrent-drug', message: expect.stringContaining('"42"') });
  });

  it('lists the accepted break reasons', () => {
    for (const breakReason of ['holiday', 42]) {
      const error = errorAt(baseRequest({ breakReason }), 'breakReason');
      expect(error.code).toBe('unknown-reason');
      expect(error.message).toContain(BREAK_REASONS.join(', '));
    }
  });

  it('explains the indication choices', () => {
    const error = errorAt(baseRequest({ indication: 'cough' }), 'indication');
    expect(error).toMatchObject({ code: 'unknown-indication', message: expect.stringContaining('"pain" or "oud"') });
  });

  it('asks what methadone is prescribed for, and only for drugs that need it', () => {
    const methadone = baseRequest({ drug: 'methadone', formulation: 'tablet', prior: { dose: '10', unit: 'mg', timesPerDay: 3 } });
    const error = errorAt(methadone, 'indication');
    expect(error).toMatchObject({ code: 'required', message: expect.stringContaining('methadone') });
    expect(error.message).toContain('pain');
    expect(errorsOf({ ...methadone, indication: 'cough' }).map((e) => e.code)).toEqual(['unknown-indication']);
    expect(accepted({ ...methadone, indication: 'pain' }).request.indication).toBe('pain');
  });

  it('asks for yes or no about full-agonist use', () => {
    const error = errorAt(baseRequest({ fullAgonistUsedDuringBreak: 'no' }), 'fullAgonistUsedDuringBreak');
    expect(error).toMatchObject({ code: 'not-a-boolean', message: expect.stringContaining('full-agonist') });
  });

  it.each([[250], [800]])('accepts a QTc of exactly %i ms', (qtcMs) => {
    expect(accepted(baseRequest({ qtcMs })).request.qtcMs).toBe(qtcMs);
  });

  it.each([[249], [801], [450.5], ['450'], [null]])('rejects a QTc of %j', (qtcMs) => {
    expect(errorsOf(baseRequest({ qtcMs }))).toEqual([
      { path: 'qtcMs', code: 'out-of-range', message: expect.stringContaining('250 to 800') },
    ]);
  });
});

describe('patient factors', () => {
  it.each([['old'], [[]], [null]])('rejects patient factors given as %j', (patient) => {
    expect(errorAt(baseRequest({ patient }), 'patient')).toMatchObject({ code: 'not-an-object', message: expect.stringContaining('Patient factors') });
  });

  it('accepts patient factors left out, with every flag false and no age', () => {
    const { patient } = accepted(baseRequest({ patient: undefined })).request;
    expect('ageYears' in patient).toBe(false);
    const { hepaticGrade, ...flags } = patient;
    expect(hepaticGrade).toBe('none');
    expect(Object.values(flags).every((v) => v === false)).toBe(true);
    expect(Object.keys(flags).length).toBeGreaterThan(3);
  });

  it('ignores a null age', () => {
    expect('ageYears' in accepted(baseRequest({ patient: { ageYears: null } })).request.patient).toBe(false);
  });

  it.each([['sixty'], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects an age of %j as not a number', (ageYears) => {
    const error = errorAt(baseRequest({ patient: { ageYears } }), 'patient.ageYears');
    expect(error).toMatchObject({ code: 'not-a-number', message: expect.stringContaining('Age') });
  });

  it.each([[0], [120]])('accepts an age of exactly %i years', (ageYears) => {
    expect(accepted(baseRequest({ patient: { ageYears } })).request.patient.ageYears).toBe(ageYears);
  });

  it('explains an age out of range', () => {
    expect(errorAt(baseRequest({ patient: { ageYears: 121 } }), 'patient.ageYears').message).toContain('0 to 120 years');
  });

  it('keeps a yes answer and asks for yes or no otherwise', () => {
    expect(accepted(baseRequest({ patient: { sleepApnea: true } })).request.patient.sleepApnea).toBe(true);
    const error = errorAt(baseRequest({ patient: { sleepApnea: 1 } }), 'patient.sleepApnea');
    expect(error).toMatchObject({ code: 'not-a-boolean', message: expect.stringContaining('yes or no') });
  });
});
