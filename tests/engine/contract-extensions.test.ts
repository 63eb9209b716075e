import { describe, expect, it } from 'vitest';
import { planRestart, validateRequest } from '../../src/engine/index.ts';
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

describe('optional patient inputs of the amendments', () => {
  it('reads sex, creatinine clearance, withdrawal symptoms and history flags', () => {
    const { patient } = accepted(
      baseRequest({
        patient: { sex: 'male', creatinineClearanceMlMin: 28, withdrawalSymptomsNow: 'significant', seizureHistory: true, smokedBeforeBreak: true, hemodialysis: true },
      }),
    );
    expect(patient).toMatchObject({ sex: 'male', creatinineClearanceMlMin: 28, withdrawalSymptomsNow: 'significant', seizureHistory: true, smokedBeforeBreak: true, smokesNow: false, hemodialysis: true, historyOfFalls: false });
  });

  it('leaves sex and withdrawal symptoms out when not given (unknown)', () => {
    const { patient } = accepted(baseRequest());
    expect('sex' in patient).toBe(false);
    expect('withdrawalSymptomsNow' in patient).toBe(false);
    expect('creatinineClearanceMlMin' in patient).toBe(false);
  });

  it.each([
    [true, true, 'moderate'],
    [false, false, 'none'],
    ['mild', true, 'mild'],
    ['severe', true, 'severe'],
    ['none', false, 'none'],
  ])('maps hepaticImpairment %j to the flag %j and grade %j', (given, flag, grade) => {
    const { patient } = accepted(baseRequest({ patient: { hepaticImpairment: given } }));
    expect(patient.hepaticImpairment).toBe(flag);
    expect(patient.hepaticGrade).toBe(grade);
  });

  it.each([
    [{ sex: 'F' }, 'patient.sex', 'unknown-choice'],
    [{ hepaticImpairment: 'child-pugh-b' }, 'patient.hepaticImpairment', 'unknown-choice'],
    [{ withdrawalSymptomsNow: 'yes' }, 'patient.withdrawalSymptomsNow', 'unknown-choice'],
    [{ creatinineClearanceMlMin: 0 }, 'patient.creatinineClearanceMlMin', 'out-of-range'],
    [{ creatinineClearanceMlMin: '45' }, 'patient.creatinineClearanceMlMin', 'out-of-range'],
    [{ creatinineClearanceMlMin: 251 }, 'patient.creatinineClearanceMlMin', 'out-of-range'],
    [{ seizureHistory: 'yes' }, 'patient.seizureHistory', 'not-a-boolean'],
  ])('rejects patient %j at %s', (patient, path, code) => {
    expect(errorsOf(baseRequest({ patient }))).toContainEqual(expect.objectContaining({ path, code }));
  });
});

describe('concurrent medicines with dates', () => {
  it('keeps a stopped medicine in the history but not in the medicines taken at the restart', () => {
    const request = accepted(
      baseRequest({
        restartDate: '2026-11-28',
        concurrent: ['alprazolam', { drug: 'phenelzine', stoppedOn: '2026-11-20' }, { drug: 'fluoxetine', startedOn: '2026-11-10' }, { drug: 'sertraline', stoppedOn: '2026-12-05' }],
      }),
    );
    expect(request.concurrent).toEqual(['alprazolam', 'fluoxetine', 'sertraline']);
    expect(request.concurrentHistory).toEqual([
      { drug: 'alprazolam' },
      { drug: 'phenelzine', stoppedOn: '2026-11-20' },
      { drug: 'fluoxetine', startedOn: '2026-11-10' },
      { drug: 'sertraline', stoppedOn: '2026-12-05' },
    ]);
  });

  it('treats a medicine stopped on the restart date as not taken at the restart', () => {
    const request = accepted(baseRequest({ restartDate: '2026-11-28', concurrent: [{ drug: 'phenelzine', stoppedOn: '2026-11-28' }] }));
    expect(request.concurrent).toEqual([]);
  });

  it.each([
    [[{ drug: 'nope' }], 'concurrent.0.drug', 'unknown-concurrent-drug'],
    [[{ drug: 'phenelzine', stoppedOn: '2026-02-30' }], 'concurrent.0.stoppedOn', 'invalid-date'],
    [[{ drug: 'phenelzine', startedOn: 5 }], 'concurrent.0.startedOn', 'invalid-date'],
    [[{ drug: 'phenelzine', startedOn: '2026-11-10', stoppedOn: '2026-11-01' }], 'concurrent.0.stoppedOn', 'before-start'],
    [[42], 'concurrent.0', 'unknown-concurrent-drug'],
  ])('rejects %j at %s', (concurrent, path, code) => {
    expect(errorsOf(baseRequest({ concurrent }))).toContainEqual(expect.objectContaining({ path, code }));
  });
});

describe('other optional request fields', () => {
  it('reads as-needed and non-prescribed prior use, other acetaminophen and keepProduct', () => {
    const base = baseRequest();
    const request = accepted({ ...base, prior: { ...(base.prior as object), asNeeded: true, nonPrescribed: true }, acetaminophenOtherSourcesMgPerDay: 1000, keepProduct: true });
    expect(request.prior.asNeeded).toBe(true);
    expect(request.prior.nonPrescribed).toBe(true);
    expect(request.acetaminophenOtherSourcesMgPerDay).toBe(1000);
    expect(request.keepProduct).toBe(true);
  });

  it('defaults as-needed and non-prescribed to false', () => {
    const request = accepted(baseRequest());
    expect(request.prior.asNeeded).toBe(false);
    expect(request.prior.nonPrescribed).toBe(false);
    expect('keepProduct' in request).toBe(false);
  });

  it.each([
    [{ acetaminophenOtherSourcesMgPerDay: -1 }, 'acetaminophenOtherSourcesMgPerDay', 'out-of-range'],
    [{ acetaminophenOtherSourcesMgPerDay: '500' }, 'acetaminophenOtherSourcesMgPerDay', 'out-of-range'],
    [{ keepProduct: 'yes' }, 'keepProduct', 'not-a-boolean'],
  ])('rejects %j', (extra, path, code) => {
    expect(errorsOf({ ...baseRequest(), ...extra })).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('rejects a non-boolean as-needed flag at prior.asNeeded', () => {
    const base = baseRequest();
    expect(errorsOf({ ...base, prior: { ...(base.prior as object), asNeeded: 'sometimes' } })).toContainEqual(expect.objectContaining({ path: 'prior.asNeeded', code: 'not-a-boolean' }));
  });

  it('still plans the original contract request unchanged', () => {
    const result = planRestart(baseRequest());
    expect(result.ok).toBe(true);
  });
});

describe('a refusal (severity BLOCK)', () => {
  it('carries the reason, its sources, the earliest date and the working gathered so far', async () => {
    const { PlanNotes } = await import('../../src/engine/notes.ts');
    const { isRefusal } = await import('../../src/engine/plan.ts');
    const { SOURCES } = await import('../../src/protocols/sources.ts');
    const sourceId = Object.keys(SOURCES)[0]!;
    const notes = new PlanNotes();
    notes.line('Input: a line of working.');
    notes.warn('NALOXONE', 'critical', 'Offer naloxone.', [sourceId]);
    const refusal = notes.refuse({
      code: 'TEST_BLOCK',
      path: 'concurrent.0',
      drug: 'tramadol',
      formulation: 'ir',
      displayName: 'tramadol',
      message: 'contraindicated',
      reasonSources: [sourceId],
      earliestPlanDate: '2026-12-04',
      daysOff: 3,
      missedDays: 2,
    });
    expect(isRefusal(refusal)).toBe(true);
    expect(refusal).toMatchObject({ refused: true, severity: 'block', code: 'TEST_BLOCK', earliestPlanDate: '2026-12-04', path: 'concurrent.0' });
    expect(refusal.derivation).toEqual(['1. Input: a line of working.']);
    expect(refusal.warnings.map((w) => w.code)).toEqual(['NALOXONE']);
    expect(refusal.sources.map((s) => s.id)).toContain(sourceId);
    expect(() => notes.refuse({ ...refusal, reasonSources: ['no-such-source'] })).toThrow(/unknown source/);
  });
});
