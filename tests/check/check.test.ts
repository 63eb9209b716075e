import { describe, expect, it, vi } from 'vitest';
import { checkAgainstPlan, checkSchedule, excessPercent, type CheckResult } from '../../src/engine/check.ts';
import { D } from '../../src/engine/decimal.ts';
import { handPlan, handStep } from './fixtures.ts';
import { REQUEST, step, check } from './proposed.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));



const codes = (result: CheckResult) => result.findings.map((f) => `${f.step}:${f.code}`);

describe('checkSchedule: the ceiling plan it compares with', () => {
  it('is the planRestart plan for the same request', () => {
    const { plan } = check([step('2026-11-28', '5', 4)]);
    expect(plan.steps.map((s) => [s.start, s.dailyDose.amount, s.checkpoint])).toEqual([
      ['2026-11-28', '20', false],
      ['2026-12-01', '25', false],
      ['2026-12-04', '30', false],
      ['2026-12-07', '35', true],
      ['2026-12-10', '40', false],
    ]);
  });
});

describe('checkSchedule: within', () => {
  it('a schedule exactly at each ceiling, rising ≤ 25% no sooner than every 3 days, is within', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6)]);
    expect(result.verdict).toBe('within');
    expect(result.findings).toEqual([]);
    expect(result.steps.map((s) => [s.start, s.end, s.dailyDose.amount, s.dailyEquivalent?.amount, s.ceilingStepStart, s.status])).toEqual([
      ['2026-11-28', '2026-11-30', '20', '30', '2026-11-28', 'within'],
      ['2026-12-01', '2026-12-03', '25', '37.5', '2026-12-01', 'within'],
      ['2026-12-04', undefined, '30', '45', '2026-12-04', 'within'],
    ]);
  });

  it('exactly at the ceiling is within; 1 mg over is exceeds with the excess rounded up', () => {
    const plan = handPlan(
      [
        handStep({ start: '2026-11-28', end: '2026-12-03', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['10', '9'], makeUp: [], equivalentFactor: '1.5' }),
        handStep({ start: '2026-12-04', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['10', '10', '10', '10'], makeUp: [], equivalentFactor: '1.5' }),
      ],
      { drug: 'oxycodone', formulation: 'ir' },
    );
    const over = checkAgainstPlan(plan, [step('2026-11-28', '10', 2)]);
    if (!over.ok) throw new Error('invalid');
    expect(over.result.verdict).toBe('exceeds');
    expect(over.result.findings).toHaveLength(1);
    expect(over.result.findings[0]).toMatchObject({
      code: 'ABOVE_CEILING',
      step: 0,
      start: '2026-11-28',
      proposedDaily: { amount: '20', unit: 'mg' },
      ceilingDaily: { amount: '19', unit: 'mg' },
      excess: { amount: '1', unit: 'mg' },
      excessPercent: '5.3', // 1 / 19 = 5.263…% → 5.3
      exceedsFrom: '2026-11-28',
      exceedsUntil: '2026-12-03',
      path: 'proposed.0',
    });
    const exact = checkAgainstPlan(plan, [step('2026-11-28', '5', 3), step('2026-12-04', '10', 4)]);
    if (!exact.ok) throw new Error('invalid');
    // 15 mg then 40 mg: 40 is exactly the ceiling but rises 167% at once.
    expect(exact.result.findings.map((f) => f.code)).toEqual(['RISES_TOO_FAST']);
    const atCeiling = checkAgainstPlan(plan, [step('2026-12-04', '10', 4)]);
    if (!atCeiling.ok) throw new Error('invalid');
    expect(atCeiling.result.verdict).toBe('within');
  });
});

describe('excessPercent', () => {
  it('has one decimal place and rounds up so it never understates', () => {
    expect(excessPercent(new D(21), new D(20))).toBe('5.0');
    expect(excessPercent(new D(20), new D(19))).toBe('5.3');
    expect(excessPercent(new D(100), new D(30))).toBe('233.4'); // 233.33…: half-up would say 233.3
    expect(excessPercent(new D(20), new D(20))).toBe('0.0');
    expect(excessPercent(new D(5), new D(0))).toBeNull();
  });
});

describe('checkSchedule: each finding code', () => {
  it('ABOVE_CEILING: the daily dose above the step in force, with mg, % and the days it is above', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '10', 3)]);
    const finding = result.findings.find((f) => f.code === 'ABOVE_CEILING')!;
    expect(finding).toMatchObject({
      step: 1,
      proposedDaily: { amount: '30', unit: 'mg' },
      ceilingDaily: { amount: '25', unit: 'mg' },
      excess: { amount: '5', unit: 'mg' },
      excessPercent: '20.0',
      exceedsFrom: '2026-12-01',
      exceedsUntil: '2026-12-03',
    });
    expect(finding.rule).toContain('Plan step 2 from 2026-12-01');
    expect(finding.message).toContain('by 5 mg (20%)');
    expect(result.verdict).toBe('exceeds');
    expect(result.steps[1]!.status).toBe('exceeds');
  });

  it('ABOVE_DOSE_CEILING: one administration above the largest single dose in force', () => {
    // 20 mg once daily: the daily total (20 mg) is at the ceiling, the single dose is 4 × the 5 mg ceiling.
    const result = check([step('2026-11-28', '20', 1)]);
    expect(codes(result)).toEqual(['0:ABOVE_DOSE_CEILING']);
    expect(result.findings[0]).toMatchObject({ proposedDaily: { amount: '20' }, ceilingDaily: { amount: '5' }, excessPercent: '300.0', exceedsFrom: '2026-11-28' });
    // No plan step allows a 20 mg single dose (the largest is 10 mg): above for the whole open-ended step.
    expect(result.findings[0]!.exceedsUntil).toBeUndefined();
    expect(result.findings[0]!.message).toContain('onwards');
  });

  it('ABOVE_PRIOR_DOSE: above the prior daily dose', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6), step('2026-12-10', '10', 6, { checkpoint: true })]);
    const finding = result.findings.find((f) => f.code === 'ABOVE_PRIOR_DOSE')!;
    expect(finding).toMatchObject({ step: 3, proposedDaily: { amount: '60', unit: 'mg' }, ceilingDaily: { amount: '40', unit: 'mg' }, excessPercent: '50.0' });
    expect(finding.rule).toContain('Never exceed the prior dose');
  });

  it('RISES_TOO_FAST: sooner than the minimum interval', () => {
    const result = check([step('2026-11-28', '5', 3), step('2026-11-30', '5', 4)]);
    // 20 mg on day 3 is within the 20 mg ceiling, but only 2 days after the last rise.
    expect(codes(result)).toEqual(['1:RISES_TOO_FAST']);
    expect(result.findings[0]!.message).toContain('2 days after step 1; increases need at least 3 days');
    // The interval is the plan's own (its step 2, three days after step 1), not a class table.
    expect(result.findings[0]!.rule).toContain("the plan's shortest interval before a rise (plan step 2 from 2026-12-01");
  });

  it('RISES_TOO_FAST: larger than the allowed rise (25%, or one smallest unit)', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-04', '5', 6)]);
    // 20 → 30 mg: allowed max(20 × 1.25, 20 + 5) = 25 mg; the 30 mg ceiling on 12-04 is not exceeded.
    expect(codes(result)).toEqual(['1:RISES_TOO_FAST']);
    expect(result.findings[0]).toMatchObject({ proposedDaily: { amount: '30' }, ceilingDaily: { amount: '25' }, excessPercent: '20.0' });
    // One smallest tablet more is allowed even above 25%: 5 → 10 mg.
    expect(check([step('2026-11-28', '5', 1), step('2026-12-01', '5', 2)]).verdict).toBe('within');
  });

  it('SKIPS_CHECKPOINT: reaching 50 MME/day before the plan checkpoint, or without a reassessment', () => {
    const early = check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '10', 4, { checkpoint: true })]);
    const skip = early.findings.find((f) => f.code === 'SKIPS_CHECKPOINT')!;
    expect(skip).toMatchObject({ step: 2, proposedDaily: { amount: '60', unit: 'MME' }, ceilingDaily: { amount: '50', unit: 'MME' } });
    expect(skip.message).toContain("before the plan's checkpoint on 2026-12-07");
    const base = [step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6), step('2026-12-10', '20', 2)];
    const noReassessment = check(base);
    expect(noReassessment.findings.filter((f) => f.code === 'SKIPS_CHECKPOINT').map((f) => f.step)).toEqual([3]);
    expect(noReassessment.findings.find((f) => f.code === 'SKIPS_CHECKPOINT')!.message).toContain('without a reassessment');
    const withReassessment = check([...base.slice(0, 3), step('2026-12-10', '20', 2, { checkpoint: true })]);
    expect(withReassessment.findings.map((f) => f.code)).not.toContain('SKIPS_CHECKPOINT');
  });

  it('STARTS_BEFORE_RESTART_DATE: no ceiling before the restart date', () => {
    const result = check([step('2026-11-27', '5', 4)]);
    expect(codes(result)).toEqual(['0:STARTS_BEFORE_RESTART_DATE']);
    expect(result.findings[0]).toMatchObject({ ceilingDaily: { amount: '0', unit: 'mg' }, excessPercent: null });
  });

  it('RESTRICTED_AFTER_TOLERANCE_LOSS: a patch for opioid-tolerant patients after tolerance loss; compared in MME', () => {
    const patch = { start: '2026-11-28', drug: 'test-fentanyl', formulation: 'patch', dose: { amount: '12', unit: 'mcg/h' } };
    const lost = check([patch]);
    // 12 mcg/h × 2.4 = 28.8 MME/day: under the 30 MME/day ceiling, but the product is restricted.
    expect(codes(lost)).toEqual(['0:RESTRICTED_AFTER_TOLERANCE_LOSS']);
    expect(lost.findings[0]).toMatchObject({ proposedDaily: { amount: '28.8', unit: 'MME' }, ceilingDaily: { amount: '30', unit: 'MME' } });
    expect(lost.findings[0]!.rule).toContain('only for opioid-tolerant patients');
    expect(lost.steps[0]).toMatchObject({ drug: 'test-fentanyl', formulation: 'patch', timesPerDay: 1, dailyEquivalent: { amount: '28.8', unit: 'MME' } });
    // Tolerance retained (1 day off): the same patch is allowed.
    const retained = check([patch], { ...REQUEST, lastDoseDate: '2026-11-27' });
    expect(retained.plan.tolerance.status).toBe('retained');
    expect(retained.verdict).toBe('within');
  });

  it('RESTRICTED_AFTER_TOLERANCE_LOSS: the plan avoids its own product (restarts on another one)', () => {
    const plan = handPlan(
      [handStep({ start: '2026-11-28', drug: 'morphine', formulation: 'ir', unit: 'mg', administrations: ['7.5', '7.5', '7.5', '7.5'], makeUp: [], equivalentFactor: '1' })],
      { drug: 'test-fentanyl', formulation: 'patch', prior: { dailyDose: { amount: '25', unit: 'mcg/h' }, dailyEquivalent: { amount: '60', unit: 'MME' } } },
    );
    const outcome = checkAgainstPlan(plan, [{ start: '2026-11-28', dose: { amount: '25', unit: 'mcg/h' } }]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.findings.map((f) => f.code)).toEqual(['RESTRICTED_AFTER_TOLERANCE_LOSS', 'ABOVE_CEILING']);
    expect(outcome.result.findings[1]).toMatchObject({ proposedDaily: { amount: '60', unit: 'MME' }, ceilingDaily: { amount: '30', unit: 'MME' }, excessPercent: '100.0' });
  });

  it('every-other-day ceilings are compared on the average per day', () => {
    const plan = handPlan(
      [
        handStep({ start: '2026-11-28', end: '2026-12-11', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], everyOtherDay: true, makeUp: [] }),
        handStep({ start: '2026-12-12', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], makeUp: [] }),
      ],
      { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' } },
    );
    const daily = checkAgainstPlan(plan, [{ start: '2026-11-28', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1 }]);
    if (!daily.ok) throw new Error(JSON.stringify(daily.errors));
    expect(daily.result.findings).toHaveLength(1);
    expect(daily.result.findings[0]).toMatchObject({ code: 'ABOVE_CEILING', proposedDaily: { amount: '25' }, ceilingDaily: { amount: '12.5' }, excessPercent: '100.0', exceedsUntil: '2026-12-11' });
    const same = checkAgainstPlan(plan, [
      { start: '2026-11-28', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1, everyOtherDay: true },
      { start: '2026-12-12', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1 },
    ]);
    if (!same.ok) throw new Error(JSON.stringify(same.errors));
    expect(same.result.verdict).toBe('within');
    // Doubling after 7 days: sooner than the plan's own 14-day interval.
    const fast = checkAgainstPlan(plan, [
      { start: '2026-11-28', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1, everyOtherDay: true },
      { start: '2026-12-05', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1 },
    ]);
    if (!fast.ok) throw new Error(JSON.stringify(fast.errors));
    expect(fast.result.findings.map((f) => f.code)).toEqual(['ABOVE_CEILING', 'RISES_TOO_FAST']);
  });
});

describe('checkSchedule: validation errors, all at once', () => {
  it('reports request and proposed-step errors together, with field paths', () => {
    const { restartDate: _omit, ...request } = REQUEST;
    void _omit;
    const outcome = checkSchedule({
      ...request,
      proposed: [
        step('2026-11-28', '5', 4),
        { start: '2026-12-01', dose: { amount: '5', unit: 'mcg' }, timesPerDay: 4 },
        step('2026-12-04', '7', 4),
        step('2026-12-02', '5', 4),
        step('2026-12-10', '5', 9),
        { start: '2026-12-20', dose: { amount: '25', unit: 'mg' }, timesPerDay: 1, drug: 'test-eod' },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'restartDate required',
      'proposed.1.dose.unit unit-mismatch',
      'proposed.2.dose not-a-real-strength',
      'proposed.3.start not-in-order',
      'proposed.4.timesPerDay times-per-day-out-of-range',
      'proposed.5.drug not-comparable',
    ]);
    expect(outcome.errors.find((e) => e.code === 'not-a-real-strength')!.message).toContain('7 mg cannot be made');
  });

  it('missing or empty proposed list; nested { request, proposed } form prefixes request paths', () => {
    const missing = checkSchedule(REQUEST);
    expect(!missing.ok && missing.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed required']);
    const empty = checkSchedule({ ...REQUEST, proposed: [] });
    expect(!empty.ok && empty.errors.map((e) => e.code)).toEqual(['empty']);
    const nested = checkSchedule({ request: { ...REQUEST, prior: { ...(REQUEST.prior as object), dose: 'ten' } }, proposed: [{ start: '2026-02-30', dose: { amount: -5, unit: 'mg' }, timesPerDay: 1 }] });
    expect(!nested.ok && nested.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'request.prior.dose not-a-number',
      'proposed.0.start invalid-date',
      'proposed.0.dose.amount not-positive',
    ]);
    const ok = checkSchedule({ request: REQUEST, proposed: [step('2026-11-28', '5', 4)] });
    expect(ok.ok && ok.result.verdict).toBe('within');
    expect(checkSchedule('nope')).toMatchObject({ ok: false, errors: [{ code: 'not-an-object' }] });
  });
});

describe('checkAgainstPlan: products that cannot be compared', () => {
  it('is an input error, never a silent pass', () => {
    const plan = handPlan(
      [handStep({ start: '2026-11-28', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], makeUp: [] })],
      { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' } },
    );
    const outcome = checkAgainstPlan(plan, [{ start: '2026-11-28', drug: 'oxycodone', dose: { amount: '5', unit: 'mg' }, timesPerDay: 1 }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.0.drug not-comparable']);
    // Both opioids, but the plan step gives no MME to compare a different drug with.
    const noEquivalent = handPlan([handStep({ start: '2026-11-28', drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations: ['5'], makeUp: [] })]);
    const other = checkAgainstPlan(noEquivalent, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1 }]);
    expect(!other.ok && other.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['proposed.0.drug not-comparable']);
    expect(!other.ok && other.errors[0]!.message).toContain('plan step from 2026-11-28');
  });
});

describe('checkSchedule: uneven days (administrations)', () => {
  it('accepts the plan’s own uneven step and compares the daily total and the largest dose', () => {
    // Plan step 2 (12-01): 10 + 5 + 5 + 5 = 25 mg.
    const within = check([
      step('2026-11-28', '5', 4),
      { start: '2026-12-01', dose: { unit: 'mg' }, administrations: ['5', '10', '5', '5'] },
    ]);
    expect(within.verdict).toBe('within');
    expect(within.steps[1]).toMatchObject({ dose: { amount: '10', unit: 'mg' }, timesPerDay: 4, administrations: ['10', '5', '5', '5'], dailyDose: { amount: '25', unit: 'mg' } });
    const threeDoses = check([step('2026-11-28', '5', 4), { start: '2026-12-01', dose: { amount: '10', unit: 'mg' }, administrations: ['10', '10', '5'] }]);
    expect(threeDoses.findings.map((f) => f.code)).toEqual([]); // 25 mg in 3 doses of at most 10 mg: at the ceiling
    expect(threeDoses.steps[1]!.dailyDose.amount).toBe('25');
    const tooMuch = check([step('2026-11-28', '5', 4), { start: '2026-12-01', dose: { unit: 'mg' }, administrations: ['10', '10', '10'] }]);
    expect(tooMuch.findings.map((f) => f.code)).toEqual(['ABOVE_CEILING', 'RISES_TOO_FAST']);
  });

  it('validates each administration, and dose/timesPerDay against the list', () => {
    const outcome = checkSchedule({
      ...REQUEST,
      proposed: [
        { start: '2026-11-28', dose: { unit: 'mg' }, administrations: ['5', '7'] },
        { start: '2026-12-01', dose: { amount: '5', unit: 'mg' }, administrations: ['10', '5'] },
        { start: '2026-12-04', dose: { unit: 'mg' }, administrations: ['10', '5'], timesPerDay: 3 },
        { start: '2026-12-07', dose: { unit: 'mg' }, administrations: [] },
      ],
    });
    expect(!outcome.ok && outcome.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'proposed.0.administrations.1 not-a-real-strength',
      'proposed.1.dose.amount not-the-largest',
      'proposed.2.timesPerDay times-per-day-out-of-range',
      'proposed.3.administrations not-a-list',
    ]);
  });
});

describe('benzodiazepine limits come from the protocol data', () => {
  it('flags a rise sooner than 7 days and allows one at 7 days', async () => {
    const { checkSchedule } = await import('../../src/engine/check.ts');
    const request = {
      drug: 'diazepam',
      prior: { dose: '10', unit: 'mg', timesPerDay: 3 },
      priorDurationDays: 200,
      lastDoseDate: '2026-11-23',
      restartDate: '2026-11-28',
    };
    const outcome = checkSchedule({ ...request, proposed: [
      { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 3 },
      { start: '2026-12-02', dose: { amount: '6', unit: 'mg' }, timesPerDay: 3 },
    ] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.findings.map((f) => f.code)).toContain('RISES_TOO_FAST');
    const slower = checkSchedule({ ...request, proposed: [
      { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 3 },
      { start: '2026-12-05', dose: { amount: '6', unit: 'mg' }, timesPerDay: 3 },
    ] });
    if (!slower.ok) throw new Error(JSON.stringify(slower.errors));
    expect(slower.result.findings.map((f) => f.code)).not.toContain('RISES_TOO_FAST');
  });
});
