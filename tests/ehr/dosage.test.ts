import { describe, expect, it } from 'vitest';
import { readDosage } from '../../src/ehr/dosage.ts';
import { mgDose, tablets } from './fixtures.ts';

const oxyIr5 = { unit: 'mg' as const, unitForm: 'tablet' as const, strength: '5' };

describe('FHIR dosageInstruction → prior regimen', () => {
  it('2 tablets of 5 mg every 6 hours: 10 mg four times a day, 8 tablets a day', () => {
    const result = readDosage([tablets(2, { everyHours: 6 })], oxyIr5);
    expect(result.ok && result.reading).toMatchObject({ dose: '10', unit: 'mg', timesPerDay: 4, asNeeded: false });
    expect(result.ok && result.reading.unitsPerDay!.toString()).toBe('8');
  });

  it('a dose in mg needs no strength', () => {
    const result = readDosage([mgDose(50, 1)], { unit: 'mg', unitForm: 'tablet' });
    expect(result.ok && result.reading).toMatchObject({ dose: '50', timesPerDay: 1 });
    expect(result.ok && result.reading.unitsPerDay).toBeUndefined();
  });

  it('a timing code (BID) without repeat', () => {
    const result = readDosage([{ timing: { code: { coding: [{ code: 'BID' }] } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }], oxyIr5);
    expect(result.ok && result.reading.timesPerDay).toBe(2);
  });

  it('"every 4 to 6 hours" takes the longer interval (4 a day, not 6)', () => {
    const result = readDosage([tablets(1, { everyHours: 4 }, { timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } } })], oxyIr5);
    expect(result.ok && result.reading.timesPerDay).toBe(4);
    expect(result.ok && result.reading.notes.join()).toContain('longer interval');
  });

  it('a dose range "1–2 tablets" takes the lower dose', () => {
    const result = readDosage([{ timing: { repeat: { frequency: 1, period: 6, periodUnit: 'h' } }, doseAndRate: [{ doseRange: { low: { value: 1, unit: 'tablet' }, high: { value: 2, unit: 'tablet' } } }] }], oxyIr5);
    expect(result.ok && result.reading.dose).toBe('5');
  });

  it('uneven doses (10 mg morning, 5 mg evening) take the smallest for every administration', () => {
    const result = readDosage([tablets(2, { timesPerDay: 1 }), tablets(1, { timesPerDay: 1 })], oxyIr5);
    expect(result.ok && result.reading).toMatchObject({ dose: '5', timesPerDay: 2 });
    expect(result.ok && result.reading.unitsPerDay!.toString()).toBe('3');
  });

  it('as needed is flagged', () => {
    const result = readDosage([tablets(1, { everyHours: 6 }, { asNeededBoolean: true })], oxyIr5);
    expect(result.ok && result.reading.asNeeded).toBe(true);
  });

  it('a patch every 72 hours: one administration a day in mcg/h, a third of a patch a day', () => {
    const result = readDosage(
      [{ timing: { repeat: { frequency: 1, period: 72, periodUnit: 'h' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'patch' } }] }],
      { unit: 'mcg/h', unitForm: 'patch', strength: '25' },
    );
    expect(result.ok && result.reading).toMatchObject({ dose: '25', unit: 'mcg/h', timesPerDay: 1 });
    expect(result.ok && result.reading.unitsPerDay!.times(3).toDecimalPlaces(9).toString()).toBe('1');
  });

  it.each([
    ['no instruction', [], 'no dosageInstruction'],
    ['no dose', [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } } }], 'no dose'],
    ['a weekly period', [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' as const } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }], 'only hours and days'],
    ['every 5 hours (4.8 a day)', [tablets(1, { everyHours: 5 })], 'not a whole number'],
    ['no timing', [{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }], 'no timing'],
    ['mL', [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } }, doseAndRate: [{ doseQuantity: { value: 5, unit: 'mL', code: 'mL' } }] }], 'no dose in'],
  ])('not interpretable: %s', (_name, dosages, message) => {
    const result = readDosage(dosages, oxyIr5);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('tablets without a known strength (ingredient code) are not interpretable', () => {
    const result = readDosage([tablets(1, { timesPerDay: 1 })], { unit: 'mg', unitForm: 'tablet' });
    expect(!result.ok && result.message).toContain('does not name a strength');
  });

  it('a dose in mcg for a product dosed in mg is refused', () => {
    const result = readDosage([{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 500, unit: 'mcg', code: 'ug' } }] }], oxyIr5);
    expect(!result.ok && result.message).toContain('dosed in mg');
  });
});
