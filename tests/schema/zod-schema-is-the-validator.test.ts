/**
 * The zod schemas are the engine's structural validator (issue 15): validateRequest and the check parse with them, and
 * the structural errors they report are the schema's issues mapped to FieldErrors — code and message as the field's
 * schema says them, defined once (in src/engine/schema, not again in validate.ts or check.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/plan.ts';
import { proposedSchema, requestSchema } from '../../src/engine/schema/index.ts';
import { fieldErrors } from '../../src/engine/schema/errors.ts';
import type { FieldError, RestartPlan } from '../../src/engine/types.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from '../engine/fixtures.ts';
import { ROOT } from './ajv.ts';

const base = baseRequest();
const withPrior = (prior: Record<string, unknown>) => ({ ...base, prior: { ...(base.prior as object), ...prior } });
const withPatient = (patient: Record<string, unknown>) => ({ ...base, patient: { ...(base.patient as object), ...patient } });
const errorsOf = (outcome: { ok: boolean; errors?: readonly FieldError[] }) => (outcome.ok ? [] : [...(outcome.errors ?? [])]);
const schemaErrorsOf = (value: unknown) => {
  const parsed = requestSchema.safeParse(value);
  return parsed.success ? [] : fieldErrors(parsed.error.issues);
};
const source = (file: string) => readFileSync(join(ROOT, 'src', 'engine', file), 'utf8');

/** Requests wrong in structure only (no field needs the drug to be judged): validateRequest's errors are the schema's. */
const STRUCTURAL: [string, unknown][] = [
  ['not an object', [base]],
  ['drug a number', { ...base, drug: 7 }],
  ['dose in words, days a week 8, as needed as text', withPrior({ dose: 'ten', daysPerWeek: 8, asNeeded: 'yes' })],
  ['dose negative', withPrior({ dose: -5 })],
  ['times per day fractional', withPrior({ timesPerDay: 2.5 })],
  ['duration missing, last dose not a calendar date', { ...Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'priorDurationDays')), lastDoseDate: '2026-02-30' }],
  ['restart date out of range', { ...base, restartDate: '9999-01-01' }],
  ['age text, a flag as text, sex unknown value', withPatient({ ageYears: '54', sleepApnea: 'yes', sex: 'x' })],
  ['concurrent entries of every wrong shape', { ...base, concurrent: [5, '  ', { startedOn: '2026-13-01' }, { drug: 'alprazolam', when: 'now' }] }],
  ['break reason, indication, qtc, keep product', { ...base, breakReason: 'holiday', indication: 'cough', qtcMs: 100, keepProduct: 'yes' }],
  ['unknown fields at the top and in the patient', { ...base, lastDose: '2026-11-01', patient: { ageYears: 54, smoker: true } }],
];

describe('validateRequest: the structural errors are the schema’s', () => {
  it.each(STRUCTURAL)('%s: the same errors as the schema’s issues mapped to FieldErrors', (_name, request) => {
    const expected = schemaErrorsOf(request);
    expect(expected.length).toBeGreaterThan(0);
    expect(errorsOf(validateRequest(request))).toEqual(expected);
  });

  it('a field’s code and message are the ones its schema says (on the zod issue as "[code] message")', () => {
    const request = { ...base, keepProduct: 'yes' };
    const parsed = requestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(['[not-a-boolean] Answer yes or no: keep the extended-release product?']);
    expect(errorsOf(validateRequest(request))).toEqual([
      { path: 'keepProduct', code: 'not-a-boolean', message: 'Answer yes or no: keep the extended-release product?' },
    ]);
  });

  it('the structural messages are defined in the schema, not again in validate.ts or check.ts', () => {
    const schemaText = `${source('schema/request.ts')}${source('schema/check.ts')}`;
    for (const message of [
      'Answer yes or no: keep the extended-release product?',
      'Days a week must be a whole number from 1 to 7.',
      'The duration cannot be negative.',
      'QTc must be a whole number of milliseconds from 250 to 800.',
      'Patient factors must be an object.',
      'Administrations must be a list of amounts, one per administration of the day.',
      'The proposed schedule has no steps.',
    ]) {
      expect(schemaText, message).toContain(message);
      expect(source('validate.ts'), message).not.toContain(message);
      expect(source('check.ts'), message).not.toContain(message);
    }
  });

  it('an unknown field is rejected by the schema, at its own path, with every other problem', () => {
    const errors = errorsOf(validateRequest({ ...withPrior({ dose: 'ten', dosage: '10' }), restartDte: '2026-11-28' }));
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual(['prior.dose not-a-number', 'prior.dosage unknown-field', 'restartDte unknown-field']);
    expect(errors[1]!.message).toBe('"dosage" is not a field Retitrate reads here. Check its spelling, or remove it.');
  });

  it('what depends on the drug is still checked after the parse (a schema-valid request with drug errors)', () => {
    const request = withPrior({ dose: '7', unit: 'mcg' });
    expect(schemaErrorsOf(request)).toEqual([]);
    expect(errorsOf(validateRequest(request)).map((e) => `${e.path} ${e.code}`)).toEqual(['prior.unit wrong-unit']);
  });

  it('errors come field by field in the schema’s order, the drug rules’ among the schema’s (as before the schema ran)', () => {
    const request = { ...base, drug: 'methadone', formulation: undefined, indication: 'pain', prior: { dose: '10', unit: 'mg', timesPerDay: 4, nonPrescribed: 'no' }, keepProduct: 'x', concurrent: ['snake-oil', 5] };
    expect(errorsOf(validateRequest(request)).map((e) => `${e.path} ${e.code}`)).toEqual([
      'prior.timesPerDay above-product-maximum',
      'prior.nonPrescribed not-a-boolean',
      'concurrent.0 unknown-concurrent-drug',
      'concurrent.1 unknown-concurrent-drug',
      'keepProduct not-a-boolean',
    ]);
  });

  it('null stays "not given" where the engine read it so (additionalPrior, hepatic impairment, a step’s times per day)', () => {
    expect(errorsOf(validateRequest({ ...withPatient({ hepaticImpairment: null }), additionalPrior: null }))).toEqual([]);
    const planned = planRestart(base);
    const step = { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: null };
    expect(errorsOf(checkAgainstPlan((planned as { plan: RestartPlan }).plan, [step])).map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.0.timesPerDay required']);
  });

  it('a list the drug does not read (additionalPrior of an antidepressant) reports not-supported, not its entries’ structure', () => {
    const request = { ...base, drug: 'sertraline', formulation: undefined, prior: { dose: '50', unit: 'mg', timesPerDay: 1 }, additionalPrior: [{ drug: 5 }] };
    expect(schemaErrorsOf(request).map((e) => e.path)).toContain('additionalPrior.0.drug');
    expect(errorsOf(validateRequest(request)).map((e) => `${e.path} ${e.code}`)).toEqual(['additionalPrior not-supported']);
  });
});

describe('the check: a proposed step’s structural errors are the schema’s', () => {
  const planned = planRestart(base);
  const plan = (planned.ok ? planned.plan : null) as RestartPlan;

  it.each<[string, unknown]>([
    ['no steps', []],
    ['not a list', 'tomorrow'],
    ['a step of every wrong shape', [{ start: '2026-13-01', dose: { amount: 'ten', unit: 'mg' }, timesPerDay: 0, checkpoint: 'yes', note: 'x' }, 5]],
    ['administrations wrong', [{ start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['5', -1, 'x'] }]],
  ])('%s: the same errors as proposedSchema’s issues mapped to FieldErrors', (_name, proposed) => {
    const parsed = proposedSchema.safeParse(proposed);
    expect(parsed.success).toBe(false);
    const expected = fieldErrors(parsed.error!.issues, 'proposed.');
    expect(errorsOf(checkAgainstPlan(plan, proposed))).toEqual(expected);
    expect(errorsOf(checkSchedule({ ...base, proposed }))).toEqual(expected);
  });

  it('an unknown field of a step is rejected', () => {
    const errors = errorsOf(checkAgainstPlan(plan, [{ start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 1, note: 'x' }]));
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.0.note unknown-field']);
  });
});
