/**
 * Hostile or unusual input never hangs or crashes the engine: it gets field errors (`{ path, code, message }`)
 * naming the field, and messages never repeat an unbounded input.
 */
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule } from '../../src/engine/check.ts';
import { formatAmount, groupThousands } from '../../src/engine/format.ts';
import { planRestart, validateRequest } from '../../src/engine/index.ts';
import type { FieldError, RestartPlan } from '../../src/engine/types.ts';

const REQUEST = {
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-01',
  restartDate: '2026-11-28',
};
const STEP = { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 1 };
const HOSTILE = { toString: 1, valueOf: 'x' };

function errorsOf(result: { ok: boolean; errors?: readonly FieldError[] }): readonly FieldError[] {
  expect(result.ok).toBe(false);
  return result.errors ?? [];
}
const pathsAndCodes = (errors: readonly FieldError[]) => errors.map((e) => `${e.path} ${e.code}`);
const deep = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

describe('long text: capped, formatted in one pass, never echoed whole', () => {
  it('groups the thousands of a million-digit number in one pass (a quadratic regex would not finish)', () => {
    // Sized so that the old lookahead regex (2 s for 40,000 digits) would take minutes and time the test out.
    const grouped = formatAmount('9'.repeat(1_000_000));
    expect(grouped.length).toBe(1_000_000 + 333_333);
    expect(grouped.startsWith('9,999,999')).toBe(true);
    expect(grouped.endsWith('999,999')).toBe(true);
    expect(formatAmount('1234567.5')).toBe('1,234,567.5');
    expect(groupThousands('123')).toBe('123');
    expect(groupThousands('1234')).toBe('1,234');
  });

  it('a 40,000-digit dose is too-long at prior.dose, and the message does not repeat it', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, dose: '9'.repeat(40_000) } }));
    expect(pathsAndCodes(errors)).toEqual(['prior.dose too-long']);
    expect(errors[0]!.message).toBe('The field prior.dose is 40,000 characters long; at most 100 are accepted. Check what was entered.');
  });

  it('every text field is capped: a megabyte drug name, unit, date or concurrent id', () => {
    const long = 'x'.repeat(1_000_000);
    for (const [request, path] of [
      [{ ...REQUEST, drug: long }, 'drug'],
      [{ ...REQUEST, prior: { ...REQUEST.prior, unit: long } }, 'prior.unit'],
      [{ ...REQUEST, restartDate: long }, 'restartDate'],
      [{ ...REQUEST, concurrent: [long] }, 'concurrent.0'],
    ] as const) {
      const errors = errorsOf(validateRequest(request));
      expect(pathsAndCodes(errors)).toEqual([`${path} too-long`]);
      expect(errors[0]!.message.length).toBeLessThan(200);
    }
  });

  it('a dose just under the cap but above any real dose: implausible-dose, the amount shown cut at 40 characters', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, dose: '9'.repeat(100) } }));
    expect(pathsAndCodes(errors)).toEqual(['prior.dose implausible-dose']);
    expect(errors[0]!.message).toMatch(/^9,999,999,[\d,]{30}… mg per dose is above any real oxyCODONE regimen/);
  });

  it('an unknown drug name is quoted cut at 40 characters', () => {
    const errors = errorsOf(validateRequest({ ...REQUEST, drug: 'z'.repeat(90) }));
    expect(errors[0]!.message).toBe(`"${'z'.repeat(40)}…" is not a drug Retitrate knows. Choose one from the list.`);
  });
});

describe('hostile JSON: types checked before any value is converted', () => {
  it('an object with a toString key where text is expected is an error on that field, never a throw', () => {
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, unit: HOSTILE } })))).toEqual(['prior.unit wrong-unit']);
    // An object entry without a drug; its two keys are fields a concurrent entry does not have (the schema rejects them).
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, concurrent: [HOSTILE] })))).toEqual([
      'concurrent.0.drug unknown-concurrent-drug',
      'concurrent.0.toString unknown-field',
      'concurrent.0.valueOf unknown-field',
    ]);
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, concurrent: [{ drug: HOSTILE }] })))).toEqual(['concurrent.0.drug unknown-concurrent-drug']);
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [{ ...STEP, drug: HOSTILE }] })))).toEqual(['proposed.0.drug unknown-drug']);
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [{ ...STEP, formulation: HOSTILE }] })))).toEqual(['proposed.0.formulation unknown-formulation']);
    const unit = errorsOf(checkSchedule({ ...REQUEST, proposed: [{ ...STEP, dose: { amount: '5', unit: HOSTILE } }] }));
    expect(pathsAndCodes(unit)).toEqual(['proposed.0.dose.unit unit-mismatch']);
    expect(unit[0]!.message).toBe('oxyCODONE immediate-release tablets are dosed in mg, not an object.');
  });

  it('lists nested thousands deep are too-deep at their field', () => {
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, unit: deep(10_000) } })))[0]).toMatch(/^prior\.unit(\.0)* too-deep$/);
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [{ ...STEP, drug: deep(10_000) }] })))[0]).toMatch(/^proposed\.0\.drug(\.0)* too-deep$/);
    expect(pathsAndCodes(errorsOf(validateRequest(deep(100_000) as object)))).toEqual([' not-an-object']);
  });

  it('a proposed step with 200,000 administrations is too-many (no spread of the list into a call)', () => {
    const huge = { start: '2026-11-28', dose: { unit: 'mg' }, administrations: Array.from({ length: 200_000 }, () => '5') };
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [huge] })))).toEqual(['proposed.0.administrations too-many']);
    expect(pathsAndCodes(errorsOf(checkAgainstPlan(planOf(REQUEST), [huge])))).toEqual(['proposed.0.administrations too-many']);
    // Just under the list cap, the list is read (and rejected for its length per day), without a stack overflow.
    const many = { ...huge, administrations: huge.administrations.slice(0, 400) };
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [many] })))).toEqual(['proposed.0.timesPerDay times-per-day-out-of-range']);
  });

  it('an object with more fields than any request, or more values in all, is rejected as a whole', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    expect(pathsAndCodes(errorsOf(validateRequest({ ...REQUEST, patient: wide })))).toEqual(['patient too-many']);
    const many = Array.from({ length: 300 }, () => Array.from({ length: 300 }, () => 1));
    expect(pathsAndCodes(errorsOf(validateRequest({ ...REQUEST, extra: many })))).toEqual([' too-large']);
  });
});

describe('doses beyond the decimal precision (20 significant digits)', () => {
  it('10.00000000000000000001 mg is not-a-real-strength at prior.dose (was a programmer-error throw)', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, dose: '10.00000000000000000001' } }));
    expect(pathsAndCodes(errors)).toEqual(['prior.dose not-a-real-strength']);
    expect(errors[0]!.message).toContain('more than 20 significant digits');
  });

  it('sertraline 100.000000000000000000001 mg is rejected, never planned as if it were 100', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, drug: 'sertraline', formulation: undefined, prior: { dose: '100.000000000000000000001', unit: 'mg', timesPerDay: 1 } }));
    expect(pathsAndCodes(errors)).toEqual(['prior.dose not-a-real-strength']);
  });

  it('20 significant digits are still read exactly (10.000000000000000000 is 10 mg)', () => {
    expect(planRestart({ ...REQUEST, prior: { ...REQUEST.prior, dose: '10.000000000000000000' } }).ok).toBe(true);
  });

  it('in a proposed step too, at the field of the amount', () => {
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [{ ...STEP, dose: { amount: '5.000000000000000000001', unit: 'mg' } }] })))).toEqual([
      'proposed.0.dose not-a-real-strength',
    ]);
    expect(
      pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['5', '5.000000000000000000001'] }] }))),
    ).toEqual(['proposed.0.administrations.1 not-a-real-strength']);
  });
});

describe('dates at the ends of the calendar', () => {
  it('a restart on 9999-12-31 is out-of-range at its field (was "programmer error: unvalidated date 10000-01-03")', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, lastDoseDate: '9999-12-01', restartDate: '9999-12-31' }));
    expect(pathsAndCodes(errors)).toEqual(['lastDoseDate out-of-range', 'restartDate out-of-range']);
    expect(errors[1]!.message).toBe(
      'The planned restart date (9999-12-31) must be from 1000-01-01 to 9899-12-31, so that every date of the plan is a real calendar date. Check the year.',
    );
  });

  it('the last day of the range still plans, every step a real date', () => {
    const plan = planOf({ ...REQUEST, lastDoseDate: '9899-12-01', restartDate: '9899-12-31' });
    expect(plan.steps.at(-1)!.start.startsWith('9900-')).toBe(true);
  });

  it('year 0999 and 0001 are out-of-range; dated concurrent medicines and proposed starts too', () => {
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, lastDoseDate: '0999-12-31' })))).toEqual(['lastDoseDate out-of-range']);
    expect(pathsAndCodes(errorsOf(planRestart({ ...REQUEST, concurrent: [{ drug: 'alprazolam', startedOn: '0001-01-01' }] })))).toEqual([
      'concurrent.0.startedOn out-of-range',
    ]);
    expect(pathsAndCodes(errorsOf(checkSchedule({ ...REQUEST, proposed: [STEP, { ...STEP, start: '9999-12-31' }] })))).toEqual(['proposed.1.start out-of-range']);
  });
});

describe('the planned drug listed as its own concurrent medicine', () => {
  it('is self-concurrent at concurrent.i, as an id or as a dated entry; other entries are still read', () => {
    const errors = errorsOf(planRestart({ ...REQUEST, concurrent: ['alprazolam', ' OxyCodone ', { drug: 'oxycodone', startedOn: '2026-01-01' }] }));
    expect(pathsAndCodes(errors)).toEqual(['concurrent.1 self-concurrent', 'concurrent.2 self-concurrent']);
    expect(errors[0]!.message).toBe(
      'oxyCODONE is the drug being restarted, so it cannot also be listed as a concurrent medicine. Remove it from the list (its prior dose is entered above).',
    );
  });
});
