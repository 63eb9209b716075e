import { describe, expect, it } from 'vitest';
import { describeDrugs, listConcurrent, planRestart, validateRequest } from '../../src/engine/index.ts';
import { emptyValues, engineErrorsByField, fieldForPath, formSchema, mergeStored, toRequest } from '../../src/ui/model.ts';

const drugs = describeDrugs();

describe('describeDrugs (engine registry, for the UI)', () => {
  it('describes every drug with its formulations, units and strengths from the protocol data', () => {
    expect(drugs.length).toBeGreaterThan(0);
    for (const drug of drugs) {
      expect(drug.displayName).toBeTruthy();
      expect(drug.genericName).toBe(drug.genericName.toLowerCase());
      expect(drug.formulations.some((f) => f.id === drug.defaultFormulation)).toBe(true);
      for (const f of drug.formulations) {
        expect(f.strengths.length).toBeGreaterThan(0);
        expect(f.maxTimesPerDay).toBeGreaterThan(0);
        expect(['mg', 'mcg', 'mcg/h']).toContain(f.unit);
      }
    }
    const oxycodone = drugs.find((d) => d.id === 'oxycodone');
    expect(oxycodone?.brandNames).toContain('Roxicodone');
    expect(oxycodone?.formulations[0]?.strengths.map((s) => s.amount)).toContain('5');
  });

  it('lists planned and concurrent-only medicines for the concurrent search', () => {
    const ids = listConcurrent().map((c) => c.id);
    expect(ids).toContain('alprazolam');
    expect(ids).toContain('oxycodone');
  });
});

describe('form model', () => {
  it('maps every engine error path onto a form field', () => {
    expect(fieldForPath('prior.dose')).toBe('dose');
    expect(fieldForPath('prior.unit')).toBe('dose');
    expect(fieldForPath('prior.timesPerDay')).toBe('timesPerDay');
    expect(fieldForPath('patient.ageYears')).toBe('ageYears');
    expect(fieldForPath('patient.sleepApnea')).toBe('sleepApnea');
    expect(fieldForPath('concurrent.3')).toBe('concurrent');
    expect(fieldForPath('restartDate')).toBe('restartDate');
  });

  it('a wrong unit from the engine lands on the dose field', () => {
    const result = validateRequest({ ...toRequest(example(), drugs), prior: { dose: '10', unit: 'mcg', timesPerDay: 4 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = engineErrorsByField(result.errors);
    expect(byField.dose?.code).toBe('wrong-unit');
    expect(byField.dose?.message).toMatch(/dosed in mg, not mcg/);
  });

  it('turns the typed form into the request the CLI example uses, and the engine plans it', () => {
    const request = toRequest(example(), drugs);
    expect(request).toMatchObject({
      drug: 'oxycodone',
      formulation: 'ir',
      prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
      priorDurationDays: 90,
      lastDoseDate: '2026-11-01',
      restartDate: '2026-11-28',
      patient: { ageYears: 54, sleepApnea: false },
      concurrent: ['alprazolam'],
      breakReason: 'incarceration',
    });
    expect(request).not.toHaveProperty('indication');
    expect(planRestart(request).ok).toBe(true);
  });

  it('sends class-specific answers only for drugs that use them', () => {
    const request = toRequest({ ...example(), indication: 'oud', qtcMs: '450', fullAgonistUsedDuringBreak: 'yes' }, drugs);
    expect(request).not.toHaveProperty('indication');
    expect(request).not.toHaveProperty('qtcMs');
    expect(request).not.toHaveProperty('fullAgonistUsedDuringBreak');
  });

  it('restores only known fields of the right type from storage', () => {
    const values = mergeStored({ dose: '10', timesPerDay: 4, concurrent: ['alcohol', 3], name: 'Jane', sleepApnea: true }, '2026-11-28');
    expect(values.dose).toBe('10');
    expect(values.timesPerDay).toBe('');
    expect(values.concurrent).toEqual(['alcohol']);
    expect(values.sleepApnea).toBe(true);
    expect(values.restartDate).toBe('2026-11-28');
    expect(values).not.toHaveProperty('name');
    expect(mergeStored('garbage', '2026-11-28')).toEqual(emptyValues('2026-11-28'));
  });

  it('the schema checks only the shape of typed text', () => {
    expect(formSchema.safeParse(emptyValues('2026-11-28')).success).toBe(true);
    const bad = formSchema.safeParse({ ...emptyValues(''), dose: '10mg', timesPerDay: '2.5', lastDoseDate: '1/11/2026' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['dose', 'lastDoseDate', 'timesPerDay']);
  });
});

function example() {
  return {
    ...emptyValues('2026-11-28'),
    drugQuery: 'oxycodone',
    drug: 'oxycodone',
    formulation: 'ir',
    dose: '10',
    timesPerDay: '4',
    priorDurationDays: '90',
    lastDoseDate: '2026-11-01',
    ageYears: '54',
    concurrent: ['alprazolam'],
    breakReason: 'incarceration',
  };
}
