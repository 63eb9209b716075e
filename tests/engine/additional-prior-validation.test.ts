import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../src/engine/index.ts';
import { baseRequest } from './fixtures.ts';

const accepted = (input: unknown) => {
  const result = validateRequest(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.request;
};
const errorsOf = (input: unknown) => {
  const result = validateRequest(input);
  return result.ok ? [] : result.errors;
};

const erPlusIr = (additionalPrior: unknown) =>
  baseRequest({ formulation: 'er', prior: { dose: '20', unit: 'mg', timesPerDay: 2 }, additionalPrior });

describe('additionalPrior: other medicines of the class taken before the break', () => {
  it('reads each entry with its dose, unit, times a day and as-needed flag', () => {
    const request = accepted(erPlusIr([{ drug: 'oxycodone', formulation: 'ir', dose: 5, unit: 'mg', timesPerDay: 3, asNeeded: true }]));
    expect(request.additionalPrior).toHaveLength(1);
    const entry = request.additionalPrior![0]!;
    expect(entry).toMatchObject({ drug: 'oxycodone', formulation: 'ir', timesPerDay: 3, asNeeded: true });
    expect(entry.dose.amount.toString()).toBe('5');
    expect(entry.dose.unit).toBe('mg');
  });

  it('normalises ids, defaults asNeeded to false and the formulation to the drug default', () => {
    const request = accepted(erPlusIr([{ drug: ' HydroMorphone ', dose: '2', unit: 'mg', timesPerDay: 4 }]));
    expect(request.additionalPrior![0]).toMatchObject({ drug: 'hydromorphone', formulation: 'ir', asNeeded: false });
  });

  it('leaves the field out when absent or empty', () => {
    expect('additionalPrior' in accepted(baseRequest())).toBe(false);
    expect('additionalPrior' in accepted(baseRequest({ additionalPrior: [] }))).toBe(false);
  });

  it.each([12, 12.5, '12.5'])('reads a patch entry without times per day, the fentaNYL "12" patch entered as %j', (rate) => {
    const request = accepted(baseRequest({ additionalPrior: [{ drug: 'fentanyl', formulation: 'patch', dose: rate, unit: 'mcg/h' }] }));
    const patch = request.additionalPrior![0]!;
    expect(patch.timesPerDay).toBe(1);
    // The labelled strength; the plan's MME says which rate it counts.
    expect(patch.dose.amount.toString()).toBe('12');
  });

  it('names the field of each bad entry with its index', () => {
    const errors = errorsOf(
      erPlusIr([
        { drug: 'oxycodone', formulation: 'ir', dose: 5, unit: 'mg', timesPerDay: 3 },
        { drug: 'oxycodone', formulation: 'ir', dose: -5, unit: 'mcg', timesPerDay: 0, asNeeded: 'often' },
      ]),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toEqual({
      'additionalPrior.1.dose': 'not-positive',
      'additionalPrior.1.unit': 'wrong-unit',
      'additionalPrior.1.timesPerDay': 'out-of-range',
      'additionalPrior.1.asNeeded': 'not-a-boolean',
    });
  });

  it('rejects a strength that is not on the market, at its entry', () => {
    const errors = errorsOf(erPlusIr([{ drug: 'oxycodone', formulation: 'ir', dose: 3.3, unit: 'mg', timesPerDay: 3 }]));
    expect(errors).toEqual([expect.objectContaining({ path: 'additionalPrior.0.dose', code: 'not-a-real-strength' })]);
  });

  it('sends a medicine of another class to the concurrent list', () => {
    const errors = errorsOf(erPlusIr([{ drug: 'alprazolam', dose: 0.5, unit: 'mg', timesPerDay: 2 }]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'additionalPrior.0.drug', code: 'wrong-class' });
    expect(errors[0]!.message).toMatch(/concurrent/);
    const concurrentOnly = errorsOf(erPlusIr([{ drug: 'gabapentin', dose: 300, unit: 'mg', timesPerDay: 3 }]));
    expect(concurrentOnly[0]).toMatchObject({ path: 'additionalPrior.0.drug', code: 'wrong-class' });
    expect(concurrentOnly[0]!.message).toMatch(/concurrent/);
  });

  it('rejects an unknown drug, a missing drug and an entry that is not an object', () => {
    const errors = errorsOf(erPlusIr([{ drug: 'snake-oil', dose: 1, unit: 'mg', timesPerDay: 1 }, { dose: 1, unit: 'mg', timesPerDay: 1 }, 'oxycodone']));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['additionalPrior.0.drug', 'unknown-drug'],
      ['additionalPrior.1.drug', 'required'],
      ['additionalPrior.2', 'not-an-object'],
    ]);
  });

  it('plans methadone and buprenorphine alone', () => {
    const withMethadone = errorsOf(erPlusIr([{ drug: 'methadone', formulation: 'tablet', dose: 10, unit: 'mg', timesPerDay: 2 }]));
    expect(withMethadone[0]).toMatchObject({ path: 'additionalPrior.0.drug', code: 'not-supported' });
    const mainMethadone = errorsOf({
      ...baseRequest({ drug: 'methadone', formulation: 'tablet', indication: 'pain', prior: { dose: 10, unit: 'mg', timesPerDay: 2 } }),
      additionalPrior: [{ drug: 'oxycodone', dose: 5, unit: 'mg', timesPerDay: 2 }],
    });
    expect(mainMethadone).toEqual([expect.objectContaining({ path: 'additionalPrior', code: 'not-supported' })]);
  });

  it('rejects additionalPrior for antidepressants and labelled-restart drugs, naming the field', () => {
    const errors = errorsOf({
      ...baseRequest({ drug: 'sertraline', formulation: undefined, prior: { dose: 50, unit: 'mg', timesPerDay: 1 } }),
      additionalPrior: [{ drug: 'fluoxetine', dose: 20, unit: 'mg', timesPerDay: 1 }],
    });
    expect(errors).toEqual([expect.objectContaining({ path: 'additionalPrior', code: 'not-supported' })]);
    expect(errors[0]!.message).toMatch(/opioids and benzodiazepines/);
  });

  it('rejects a list that is not a list, or too long', () => {
    expect(errorsOf(erPlusIr({ drug: 'oxycodone' }))[0]).toMatchObject({ path: 'additionalPrior', code: 'not-a-list' });
    const many = Array.from({ length: 9 }, () => ({ drug: 'oxycodone', dose: 5, unit: 'mg', timesPerDay: 1 }));
    expect(errorsOf(erPlusIr(many))[0]).toMatchObject({ path: 'additionalPrior', code: 'too-many' });
  });

  it('accepts two benzodiazepines, and a Z-drug beside a benzodiazepine (one class here)', () => {
    const request = accepted({
      ...baseRequest({ drug: 'clonazepam', formulation: undefined, prior: { dose: 0.5, unit: 'mg', timesPerDay: 2 } }),
      additionalPrior: [{ drug: 'lorazepam', dose: 1, unit: 'mg', timesPerDay: 1 }],
    });
    expect(request.additionalPrior![0]).toMatchObject({ drug: 'lorazepam', timesPerDay: 1 });
  });

  it('keeps reporting every other field error beside the list errors', () => {
    const errors = errorsOf({ ...erPlusIr([{ drug: 'oxycodone', dose: 'ten', unit: 'mg', timesPerDay: 2 }]), restartDate: 'soon' });
    expect(errors.map((e) => e.path).sort()).toEqual(['additionalPrior.0.dose', 'restartDate']);
  });
});
