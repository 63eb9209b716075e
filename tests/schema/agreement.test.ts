/**
 * validateRequest parses with the zod schema, so the two cannot disagree on structure; what this pins is that the
 * emitted JSON Schema (ajv) agrees with both: every schema-valid fixture is accepted by ajv, zod and validateRequest
 * (the drug rules find nothing wrong in them), and structurally invalid requests are rejected by all three
 * (validateRequest naming the field).
 */
import { describe, expect, it } from 'vitest';
import { requestSchema } from '../../src/engine/schema/index.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from '../engine/fixtures.ts';
import example from '../../examples/oxycodone-after-prison.json';
import { schemaErrors } from './ajv.ts';

const base = baseRequest();
const withPrior = (prior: Record<string, unknown>) => ({ ...base, prior: { ...(base.prior as object), ...prior } });
const withPatient = (patient: Record<string, unknown>) => ({ ...base, patient: { ...(base.patient as object), ...patient } });
const without = (field: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== field));

const VALID: Record<string, unknown> = {
  baseRequest: base,
  example,
  'dose as a number': withPrior({ dose: 10 }),
  'dose with spaces': withPrior({ dose: ' 10 ' }),
  'days per week': withPrior({ daysPerWeek: 5 }),
  'no patient, no concurrent': without('patient'),
  'age null': withPatient({ ageYears: null }),
  'every old patient flag': withPatient({ hepaticImpairment: false, renalImpairment: true, respiratoryDisease: false, sleepApnea: true, overdoseHistory: false, substanceUseDisorder: true, alcoholUse: false }),
  'break reason, qtc': { ...base, breakReason: 'detox', qtcMs: 430 },
  'drug in capitals': { ...base, drug: 'OxyCodone' },
  'concurrent drug ids': { ...base, concurrent: ['alprazolam', 'gabapentin'] },
  // the contract extensions
  'sex, hepatic grade, creatinine clearance, withdrawal symptoms': withPatient({ sex: 'male', hepaticImpairment: 'mild', creatinineClearanceMlMin: 45, withdrawalSymptomsNow: 'mild' }),
  'history flags': withPatient({ seizureHistory: true, historyOfFalls: false, complexSleepBehaviorHistory: false, smokedBeforeBreak: true, smokesNow: false, hemodialysis: false }),
  'dated concurrent medicine': { ...base, concurrent: ['gabapentin', { drug: 'alprazolam', startedOn: '2026-09-01', stoppedOn: '2026-11-20' }] },
  'as needed, non-prescribed': withPrior({ asNeeded: true, nonPrescribed: true }),
  'other acetaminophen, keep product': { ...base, acetaminophenOtherSourcesMgPerDay: 1000, keepProduct: false },
};

/** [name, request, the field validateRequest must name]. */
const STRUCTURALLY_INVALID: [string, unknown, string][] = [
  ['not an object', [base], ''],
  ['drug missing', without('drug'), 'drug'],
  ['drug a number', { ...base, drug: 7 }, 'drug'],
  ['drug blank', { ...base, drug: '  ' }, 'drug'],
  ['formulation a number', { ...base, formulation: 3 }, 'formulation'],
  ['prior missing', without('prior'), 'prior'],
  ['prior a string', { ...base, prior: '10 mg' }, 'prior'],
  ['dose missing', withPrior({ dose: undefined }), 'prior.dose'],
  ['dose in words', withPrior({ dose: 'ten' }), 'prior.dose'],
  ['dose zero', withPrior({ dose: '0' }), 'prior.dose'],
  ['dose zero as a number', withPrior({ dose: 0 }), 'prior.dose'],
  ['dose negative', withPrior({ dose: -5 }), 'prior.dose'],
  ['dose negative text', withPrior({ dose: '-5' }), 'prior.dose'],
  ['dose with a unit', withPrior({ dose: '10mg' }), 'prior.dose'],
  ['unit missing', withPrior({ unit: undefined }), 'prior.unit'],
  ['times per day fractional', withPrior({ timesPerDay: 2.5 }), 'prior.timesPerDay'],
  ['times per day zero', withPrior({ timesPerDay: 0 }), 'prior.timesPerDay'],
  ['times per day 13', withPrior({ timesPerDay: 13 }), 'prior.timesPerDay'],
  ['times per day text', withPrior({ timesPerDay: '4' }), 'prior.timesPerDay'],
  ['days per week 8', withPrior({ daysPerWeek: 8 }), 'prior.daysPerWeek'],
  ['duration missing', without('priorDurationDays'), 'priorDurationDays'],
  ['duration negative', { ...base, priorDurationDays: -1 }, 'priorDurationDays'],
  ['duration fractional', { ...base, priorDurationDays: 1.5 }, 'priorDurationDays'],
  ['duration beyond a lifetime', { ...base, priorDurationDays: 40_000 }, 'priorDurationDays'],
  ['last dose missing', without('lastDoseDate'), 'lastDoseDate'],
  ['last dose not a calendar date', { ...base, lastDoseDate: '2026-02-30' }, 'lastDoseDate'],
  ['restart date in another format', { ...base, restartDate: '28/11/2026' }, 'restartDate'],
  ['restart date a number', { ...base, restartDate: 20261128 }, 'restartDate'],
  ['patient a list', { ...base, patient: [] }, 'patient'],
  ['age 130', withPatient({ ageYears: 130 }), 'patient.ageYears'],
  ['age negative', withPatient({ ageYears: -1 }), 'patient.ageYears'],
  ['age text', withPatient({ ageYears: '54' }), 'patient.ageYears'],
  ['a flag as text', withPatient({ sleepApnea: 'yes' }), 'patient.sleepApnea'],
  ['concurrent not a list', { ...base, concurrent: 'alprazolam' }, 'concurrent'],
  ['concurrent entry a number', { ...base, concurrent: [5] }, 'concurrent.0'],
  ['break reason unknown', { ...base, breakReason: 'holiday' }, 'breakReason'],
  ['indication unknown', { ...base, indication: 'cough' }, 'indication'],
  ['full agonist as text', { ...base, fullAgonistUsedDuringBreak: 'no' }, 'fullAgonistUsedDuringBreak'],
  ['qtc too low', { ...base, qtcMs: 100 }, 'qtcMs'],
  ['qtc fractional', { ...base, qtcMs: 430.5 }, 'qtcMs'],
  ['sex unknown value', withPatient({ sex: 'x' }), 'patient.sex'],
  ['hepatic grade in words', withPatient({ hepaticImpairment: 'grade B' }), 'patient.hepaticImpairment'],
  ['creatinine clearance 0', withPatient({ creatinineClearanceMlMin: 0 }), 'patient.creatinineClearanceMlMin'],
  ['creatinine clearance 300', withPatient({ creatinineClearanceMlMin: 300 }), 'patient.creatinineClearanceMlMin'],
  ['withdrawal level unknown', withPatient({ withdrawalSymptomsNow: 'some' }), 'patient.withdrawalSymptomsNow'],
  ['a history flag as text', withPatient({ smokesNow: 'no' }), 'patient.smokesNow'],
  ['concurrent start not a date', { ...base, concurrent: [{ drug: 'alprazolam', startedOn: '2026-13-01' }] }, 'concurrent.0.startedOn'],
  ['concurrent entry without a drug', { ...base, concurrent: [{ startedOn: '2026-10-01' }] }, 'concurrent.0.drug'],
  ['as needed as text', withPrior({ asNeeded: 'yes' }), 'prior.asNeeded'],
  ['other acetaminophen negative', { ...base, acetaminophenOtherSourcesMgPerDay: -1 }, 'acetaminophenOtherSourcesMgPerDay'],
  ['keep product as text', { ...base, keepProduct: 'yes' }, 'keepProduct'],
];

describe('schema and validateRequest agree', () => {
  it.each(Object.entries(VALID))('schema-valid fixture %s is accepted by validateRequest (and by zod and ajv alike)', (_name, request) => {
    expect(schemaErrors('request', request)).toEqual([]);
    expect(requestSchema.safeParse(request).success).toBe(true);
    const validated = validateRequest(request);
    expect(validated.ok ? [] : validated.errors).toEqual([]);
  });

  it.each(STRUCTURALLY_INVALID)('%s: rejected by ajv, zod and validateRequest (naming the field)', (_name, request, path) => {
    expect(schemaErrors('request', request)).not.toEqual([]);
    expect(requestSchema.safeParse(request).success).toBe(false);
    const validated = validateRequest(request);
    expect(validated.ok).toBe(false);
    expect(validated.ok ? [] : validated.errors.map((e) => e.path)).toContain(path);
  });

  it('an unknown field (a typo) is rejected by ajv, zod and validateRequest alike, at its own path', () => {
    const typo = { ...base, lastDose: '2026-11-01' };
    expect(schemaErrors('request', typo)).toEqual(['/ must NOT have additional properties']);
    expect(requestSchema.safeParse(typo).success).toBe(false);
    const validated = validateRequest(typo);
    expect(validated.ok ? [] : validated.errors.map((e) => [e.path, e.code])).toEqual([['lastDose', 'unknown-field']]);
  });
});
