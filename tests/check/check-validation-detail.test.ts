/**
 * Pharmacist check: validation of the `proposed` list, one rule at a time — each error's path, code and a
 * message that names the problem (step number, unit, drug, limit).
 */
import { describe, expect, it, vi } from 'vitest';
import { checkAgainstPlan, checkSchedule, type CheckOutcome } from '../../src/engine/check.ts';
import type { FieldError } from '../../src/engine/types.ts';
import { handPlan, handStep } from './fixtures.ts';
import { REQUEST, step } from './proposed.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));


function errorsOf(outcome: CheckOutcome): FieldError[] {
  if (outcome.ok) throw new Error('expected validation errors, got a result');
  return [...outcome.errors];
}

const errors = (proposed: unknown, request: Record<string, unknown> = REQUEST) => errorsOf(checkSchedule({ ...request, proposed }));
const pathsAndCodes = (list: FieldError[]) => list.map((e) => `${e.path} ${e.code}`);

function only(list: FieldError[]): FieldError {
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe('the proposed list itself', () => {
  it('missing: REQUIRED, asking for the schedule', () => {
    const error = only(errorsOf(checkSchedule(REQUEST)));
    expect(error).toMatchObject({ path: 'proposed', code: 'required' });
    expect(error.message).toContain('proposed schedule');
  });

  it('not a list (a string or an object): not-a-list', () => {
    for (const proposed of ['2026-11-28 5 mg', { start: '2026-11-28' }]) {
      const error = only(errors(proposed));
      expect(error).toMatchObject({ path: 'proposed', code: 'not-a-list' });
      expect(error.message).toContain('must be a list of steps');
    }
  });

  it('empty: EMPTY, saying it has no steps', () => {
    const error = only(errors([]));
    expect(error).toMatchObject({ path: 'proposed', code: 'empty' });
    expect(error.message).toContain('no steps');
  });

  it('a step that is not an object: REQUIRED at proposed.N, naming the step number', () => {
    const list = errors([step('2026-11-28', '5', 4), 'five mg', step('2026-12-04', '5', 4)]);
    const error = only(list);
    expect(error).toMatchObject({ path: 'proposed.1', code: 'required' });
    expect(error.message).toContain('Step 2 must be an object');
  });

  it('the JSON input must be an object at all', () => {
    const error = only(errorsOf(checkSchedule(['not', 'an', 'object'])));
    expect(error).toEqual({ path: '', code: 'not-an-object', message: 'The check input must be a JSON object.' });
  });
});

describe('start dates', () => {
  it('missing or empty start: REQUIRED with the step number', () => {
    const list = errors([step('2026-11-28', '5', 4), { dose: { amount: '5', unit: 'mg' }, timesPerDay: 4 }, step('', '5', 4)]);
    expect(pathsAndCodes(list)).toEqual(['proposed.1.start required', 'proposed.2.start required']);
    expect(list[0]!.message).toBe('Enter the start date of step 2.');
    expect(list[1]!.message).toBe('Enter the start date of step 3.');
  });

  it('not a calendar date (a number, 30 February): INVALID_DATE with the step number', () => {
    const list = errors([step('2026-11-28', '5', 4), { ...step('x', '5', 4), start: 20261201 }, step('2026-02-30', '5', 4)]);
    expect(pathsAndCodes(list)).toEqual(['proposed.1.start invalid-date', 'proposed.2.start invalid-date']);
    expect(list[0]!.message).toContain('The start of step 2 is not a real calendar date');
    expect(list[0]!.message).toContain('YYYY-MM-DD');
    expect(list[1]!.message).toContain('step 3');
  });

  it('the same start as the step before, or earlier: NOT_IN_ORDER naming both steps and the date', () => {
    const same = only(errors([step('2026-11-28', '5', 4), step('2026-12-01', '5', 4), step('2026-12-01', '5', 4)]));
    expect(same).toMatchObject({ path: 'proposed.2.start', code: 'not-in-order' });
    expect(same.message).toBe('Step 3 must start after step 2 (2026-12-01).');
    const earlier = only(errors([step('2026-11-28', '5', 4), step('2026-11-27', '5', 4)]));
    expect(earlier).toMatchObject({ path: 'proposed.1.start', code: 'not-in-order' });
    expect(earlier.message).toBe('Step 2 must start after step 1 (2026-11-28).');
  });

  it('one day after the step before is in order', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [step('2026-11-28', '5', 4), step('2026-11-29', '5', 3)] });
    expect(outcome.ok).toBe(true);
  });
});

describe('the product of a step', () => {
  it('another drug, given with spaces and capitals, is read as that drug (morphine IR by default)', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', drug: ' MorPHINE ', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1 }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]).toMatchObject({ drug: 'morphine', formulation: 'ir', dailyEquivalent: { amount: '15', unit: 'MME' } });
  });

  it('a formulation alone is a form of the request drug; spaces and capitals are ignored', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [{ start: '2026-11-28', formulation: ' ER ', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]).toMatchObject({ drug: 'oxycodone', formulation: 'er', dailyDose: { amount: '20', unit: 'mg' } });
  });

  it('the request drug named again without a formulation keeps the request formulation (not the drug default)', () => {
    const request = { ...REQUEST, formulation: 'er', prior: { dose: '20', unit: 'mg', timesPerDay: 2 } };
    const outcome = checkSchedule({ ...request, proposed: [{ start: '2026-11-28', drug: 'oxycodone', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]!.formulation).toBe('er');
  });

  it('another drug without a formulation takes that drug’s default form', () => {
    const request = { ...REQUEST, formulation: 'er', prior: { dose: '20', unit: 'mg', timesPerDay: 2 } };
    const outcome = checkSchedule({ ...request, proposed: [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1 }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]).toMatchObject({ drug: 'morphine', formulation: 'ir' });
  });

  it('an unknown drug: UNKNOWN_DRUG quoting what was typed, and no other error for that product', () => {
    const error = only(errors([{ ...step('2026-11-28', '5', 4), drug: 'Heroin' }]));
    expect(error).toMatchObject({ path: 'proposed.0.drug', code: 'unknown-drug' });
    expect(error.message).toBe('"Heroin" is not a drug Retitrate knows.');
  });

  it('a drug that is not a string: UNKNOWN_DRUG quoting it', () => {
    const error = only(errors([{ ...step('2026-11-28', '5', 4), drug: 42 }]));
    expect(error).toMatchObject({ path: 'proposed.0.drug', code: 'unknown-drug' });
    expect(error.message).toContain('"42" is not a drug');
  });

  it('an unknown formulation: UNKNOWN_FORMULATION naming the drug, what was typed and the known forms', () => {
    const error = only(errors([{ ...step('2026-11-28', '5', 4), formulation: 'patch' }]));
    expect(error).toMatchObject({ path: 'proposed.0.formulation', code: 'unknown-formulation' });
    expect(error.message).toBe('oxyCODONE has no "patch" form here. Known forms: ir, er, apap, xtampza.');
    const notString = only(errors([{ ...step('2026-11-28', '5', 4), drug: 'oxycodone', formulation: 7 }]));
    expect(notString).toMatchObject({ path: 'proposed.0.formulation', code: 'unknown-formulation' });
    expect(notString.message).toContain('no "7" form');
  });

  it('a drug with no shared dose equivalent: NOT_COMPARABLE naming both drugs', () => {
    const error = only(errors([{ ...step('2026-11-28', '5', 1), drug: 'diazepam' }]));
    expect(error).toMatchObject({ path: 'proposed.0.drug', code: 'not-comparable' });
    expect(error.message).toBe('diazePAM cannot be compared with oxyCODONE: they share no dose equivalent.');
  });
});

describe('uneven days: administrations', () => {
  it('not a list or an empty list: NOT_A_LIST at .administrations', () => {
    const list = errors([
      { start: '2026-11-28', dose: { unit: 'mg' }, administrations: '5, 5' },
      { start: '2026-12-01', dose: { unit: 'mg' }, administrations: [] },
    ]);
    expect(pathsAndCodes(list)).toEqual(['proposed.0.administrations not-a-list', 'proposed.1.administrations not-a-list']);
    expect(list[0]!.message).toContain('one per administration');
  });

  it('an entry that is not a number, or not above zero: NOT_A_NUMBER / NOT_POSITIVE at its index, nothing else', () => {
    const list = errors([
      { start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['5', 'five'] },
      { start: '2026-12-01', dose: { unit: 'mg' }, administrations: ['0', '5', '-5'] },
    ]);
    expect(pathsAndCodes(list)).toEqual([
      'proposed.0.administrations.1 not-a-number',
      'proposed.1.administrations.0 not-positive',
      'proposed.1.administrations.2 not-positive',
    ]);
    expect(list[0]!.message).toContain('must be a number');
    expect(list[1]!.message).toContain('more than zero');
  });

  it('times per day that does not match the list: the message gives both numbers', () => {
    const error = only(errors([{ start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['10', '5'], timesPerDay: 3 }]));
    expect(error).toMatchObject({ path: 'proposed.0.timesPerDay', code: 'times-per-day-out-of-range' });
    expect(error.message).toBe('Times per day (3) does not match the 2 administrations listed.');
  });

  it('a dose that is not the largest administration: not-the-largest', () => {
    const error = only(errors([{ start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, administrations: ['10', '5'] }]));
    expect(error).toMatchObject({ path: 'proposed.0.dose.amount', code: 'not-the-largest' });
    expect(error.message).toContain('the dose must be the largest');
  });

  it('an implausible administration is reported at its own index', () => {
    const error = only(errors([{ start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['5', '250'] }]));
    expect(error).toMatchObject({ path: 'proposed.0.administrations.1', code: 'implausible-dose' });
    expect(error.message).toBe('250 mg per dose is above any real oxyCODONE regimen. Check the dose.');
  });
});

describe('times per day', () => {
  it('missing: REQUIRED with the step number', () => {
    const error = only(errors([step('2026-11-28', '5', 4), { start: '2026-12-01', dose: { amount: '5', unit: 'mg' } }]));
    expect(error).toMatchObject({ path: 'proposed.1.timesPerDay', code: 'required' });
    expect(error.message).toBe('Enter how many times a day step 2 is given.');
  });

  it('not a number, not whole, or below 1: TIMES_PER_DAY_OUT_OF_RANGE each', () => {
    const list = errors([
      step('2026-11-28', '5', 4),
      { ...step('2026-12-01', '5', 1), timesPerDay: 'four' },
      { ...step('2026-12-04', '5', 1), timesPerDay: 2.5 },
      { ...step('2026-12-07', '5', 1), timesPerDay: 0 },
    ]);
    expect(pathsAndCodes(list)).toEqual([
      'proposed.1.timesPerDay times-per-day-out-of-range',
      'proposed.2.timesPerDay times-per-day-out-of-range',
      'proposed.3.timesPerDay times-per-day-out-of-range',
    ]);
    expect(list.every((e) => e.message === 'Times per day must be a whole number of at least 1.')).toBe(true);
  });

  it('above the formulation maximum: the message names the product and its maximum; the maximum itself is accepted', () => {
    const error = only(errors([step('2026-11-28', '5', 7)]));
    expect(error).toMatchObject({ path: 'proposed.0.timesPerDay', code: 'times-per-day-out-of-range' });
    expect(error.message).toBe('oxyCODONE immediate-release tablet is not given more than 6 times a day.');
    expect(checkSchedule({ ...REQUEST, proposed: [step('2026-11-28', '5', 6)] }).ok).toBe(true);
  });

  it('a patch is once a day: left out means 1, anything else is an error', () => {
    const patch = { start: '2026-11-28', drug: 'fentanyl', dose: { amount: '12', unit: 'mcg/h' } };
    const outcome = checkSchedule({ ...REQUEST, lastDoseDate: '2026-11-27', proposed: [patch] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]).toMatchObject({ drug: 'fentanyl', formulation: 'patch', timesPerDay: 1 });
    const once = checkSchedule({ ...REQUEST, lastDoseDate: '2026-11-27', proposed: [{ ...patch, timesPerDay: 1 }] });
    expect(once.ok).toBe(true);
    const twice = only(errors([{ ...patch, timesPerDay: 2 }]));
    expect(twice).toMatchObject({ path: 'proposed.0.timesPerDay', code: 'times-per-day-out-of-range' });
    expect(twice.message).toContain('A patch is worn continuously');
  });
});

describe('the dose', () => {
  it('not an object: REQUIRED at .dose with the step number', () => {
    const error = only(errors([step('2026-11-28', '5', 4), { start: '2026-12-01', dose: '5 mg', timesPerDay: 4 }]));
    expect(error).toMatchObject({ path: 'proposed.1.dose', code: 'required' });
    expect(error.message).toBe('Enter the dose of step 2 as { amount, unit }.');
  });

  it('amount missing or empty: REQUIRED at .dose.amount', () => {
    const list = errors([
      step('2026-11-28', '5', 4),
      { start: '2026-12-01', dose: { unit: 'mg' }, timesPerDay: 4 },
      { start: '2026-12-04', dose: { amount: '', unit: 'mg' }, timesPerDay: 4 },
    ]);
    expect(pathsAndCodes(list)).toEqual(['proposed.1.dose.amount required', 'proposed.2.dose.amount required']);
    expect(list[0]!.message).toBe('Enter the dose per administration of step 2.');
  });

  it('not a number: NOT_A_NUMBER; zero or less: not-positive', () => {
    const list = errors([step('2026-11-28', 'five', 4), step('2026-12-01', '0', 4)]);
    expect(pathsAndCodes(list)).toEqual(['proposed.0.dose.amount not-a-number', 'proposed.1.dose.amount not-positive']);
    expect(list[0]!.message).toContain('must be a number');
    expect(list[1]!.message).toContain('more than zero');
  });

  it('unit missing or empty: REQUIRED, saying which unit the product uses', () => {
    const list = errors([
      { start: '2026-11-28', dose: { amount: '5' }, timesPerDay: 4 },
      { start: '2026-12-01', dose: { amount: '5', unit: '' }, timesPerDay: 4 },
    ]);
    expect(pathsAndCodes(list)).toEqual(['proposed.0.dose.unit required', 'proposed.1.dose.unit required']);
    expect(list[0]!.message).toBe('Enter the unit of the dose (mg for this immediate-release tablet).');
  });

  it('another unit: UNIT_MISMATCH naming the product, its unit and the unit given', () => {
    const error = only(errors([{ start: '2026-11-28', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }]));
    expect(error).toMatchObject({ path: 'proposed.0.dose.unit', code: 'unit-mismatch' });
    expect(error.message).toBe('oxyCODONE immediate-release tablets are dosed in mg, not mcg.');
  });

  it('above any real single dose: IMPLAUSIBLE_DOSE; the maximum itself is accepted as a dose', () => {
    const error = only(errors([step('2026-11-28', '250', 1)]));
    expect(error).toMatchObject({ path: 'proposed.0.dose', code: 'implausible-dose' });
    expect(error.message).toContain('250 mg per dose');
    expect(error.message).toContain('oxyCODONE');
    expect(checkSchedule({ ...REQUEST, proposed: [step('2026-11-28', '200', 1)] }).ok).toBe(true);
  });

  it('not makeable from the strengths: NOT_A_REAL_STRENGTH listing the strengths (and halving only when some are scored)', () => {
    const oxy = only(errors([step('2026-11-28', '7', 4)]));
    expect(oxy).toMatchObject({ path: 'proposed.0.dose', code: 'not-a-real-strength' });
    expect(oxy.message).toBe('7 mg cannot be made from the immediate-release tablets on the market (5 mg, 10 mg, 15 mg, 20 mg, 30 mg).');
    // Hydromorphone IR: 2, 4 and 8 mg, only the 8 mg scored.
    const hydro = only(errors([{ start: '2026-11-28', drug: 'hydromorphone', dose: { amount: '3', unit: 'mg' }, timesPerDay: 1 }]));
    expect(hydro.code).toBe('not-a-real-strength');
    expect(hydro.message).toContain('(2 mg, 4 mg, 8 mg; scored tablets may be halved)');
  });
});

describe('flags', () => {
  it('everyOtherDay and checkpoint must be true or false', () => {
    const list = errors([{ ...step('2026-11-28', '5', 4), everyOtherDay: 'yes' }, { ...step('2026-12-01', '5', 4), checkpoint: 1 }]);
    expect(pathsAndCodes(list)).toEqual(['proposed.0.everyOtherDay not-a-boolean', 'proposed.1.checkpoint not-a-boolean']);
    expect(list[0]!.message).toContain('true or false');
  });

  it('a flag error alone stops the check: no comparison is made with a half-valid step', () => {
    // The plan step has no MME: a morphine step could not be compared with it either, but only the flag is reported.
    const plan = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5'], makeUp: [] })]);
    const outcome = checkAgainstPlan(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1, everyOtherDay: 'no' }]);
    expect(pathsAndCodes(errorsOf(outcome))).toEqual(['proposed.0.everyOtherDay not-a-boolean']);
  });

  it('everyOtherDay: true halves the per-day amount and is echoed on the step', () => {
    const outcome = checkSchedule({ ...REQUEST, proposed: [step('2026-11-28', '10', 4, { everyOtherDay: true })] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.steps[0]).toMatchObject({ everyOtherDay: true, dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } });
    const daily = checkSchedule({ ...REQUEST, proposed: [step('2026-11-28', '5', 4, { everyOtherDay: false })] });
    if (!daily.ok) throw new Error(JSON.stringify(daily.errors));
    expect('everyOtherDay' in daily.result.steps[0]!).toBe(false);
  });
});

describe('request errors and proposed errors together', () => {
  const { restartDate: _r, ...noRestart } = REQUEST;
  void _r;

  it('with an invalid request, proposed steps are still checked against the request drug and formulation (trimmed)', () => {
    const list = errors([{ start: '2026-11-28', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }], { ...noRestart, drug: ' Oxycodone ', formulation: ' ER ' });
    expect(pathsAndCodes(list)).toContain('proposed.0.dose.unit unit-mismatch');
    expect(list.find((e) => e.code === 'unit-mismatch')!.message).toContain('extended-release tablet (OxyContin)');
  });

  it('with an invalid request and no formulation, the drug’s default form is used', () => {
    const { formulation: _f, ...noForm } = noRestart;
    void _f;
    const list = errors([step('2026-11-28', '5', 7)], noForm);
    expect(list.find((e) => e.path === 'proposed.0.timesPerDay')!.message).toContain('immediate-release tablet is not given more than 6 times');
    const notString = errors([step('2026-11-28', '5', 7)], { ...noForm, formulation: 3 });
    expect(pathsAndCodes(notString)).toContain('proposed.0.timesPerDay times-per-day-out-of-range');
  });

  it('with an unknown request product, no product checks are made on the steps', () => {
    for (const request of [{ ...noRestart, drug: 17 }, { ...noRestart, drug: 'unknown-drug' }, { ...noRestart, formulation: 'patch' }]) {
      const list = errors([{ start: '2026-11-28', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }], request);
      expect(list.filter((e) => e.path.startsWith('proposed'))).toEqual([]);
    }
    const { drug: _d, ...noDrug } = noRestart;
    void _d;
    const withForm = errors([{ start: '2026-11-28', formulation: 'ir', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }], noDrug);
    expect(withForm.filter((e) => e.path.startsWith('proposed'))).toEqual([]);
  });

  it('an unknown request formulation does not stop a step naming the drug from using its default form', () => {
    const list = errors([{ start: '2026-11-28', drug: 'oxycodone', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 }], { ...noRestart, formulation: 'patch' });
    expect(pathsAndCodes(list.filter((e) => e.path.startsWith('proposed')))).toEqual(['proposed.0.dose.unit unit-mismatch']);
  });
});

describe('comparability with the plan steps in force', () => {
  it('a product with no equivalent against a plan step of another drug: NOT_COMPARABLE naming both', () => {
    // The plan is for buprenorphine but restarts on morphine (hand-built): buprenorphine has no MME here.
    const plan = handPlan(
      [handStep({ start: '2026-11-28', drug: 'morphine', formulation: 'ir', unit: 'mg', administrations: ['15'], makeUp: [], equivalentFactor: '1' })],
      { drug: 'buprenorphine', formulation: 'sl-tablet', prior: { dailyDose: { amount: '8', unit: 'mg' } } },
    );
    const error = only(errorsOf(checkAgainstPlan(plan, [{ start: '2026-11-28', dose: { amount: '2', unit: 'mg' }, timesPerDay: 1 }])));
    expect(error).toMatchObject({ path: 'proposed.0.drug', code: 'not-comparable' });
    expect(error.message).toContain('plan step from 2026-11-28 (morphine ir)');
    expect(error.message).toContain('buprenorphine');
  });

  it('a step wholly before the restart date overlaps no plan step, so it is never blocked', () => {
    const plan = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5'], makeUp: [] })], {
      prior: { dailyDose: { amount: '5', unit: 'mg' }, dailyEquivalent: { amount: '7.5', unit: 'MME' } },
    });
    const outcome = checkAgainstPlan(plan, [
      { start: '2026-11-20', drug: 'morphine', dose: { amount: '7.5', unit: 'mg' }, timesPerDay: 1 },
      step('2026-11-28', '5', 1),
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.findings.map((f) => `${f.step}:${f.code}`)).toEqual(['0:STARTS_BEFORE_RESTART_DATE']);
  });
});
