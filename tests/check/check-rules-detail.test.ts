/**
 * Pharmacist check: each rule's branches, with the figures a pharmacist reads — proposedDaily, ceilingDaily,
 * excessPercent, the days a step is above, the message and the rule with its source.
 */
import { describe, expect, it, vi } from 'vitest';
import { checkAgainstPlan, summarizeCheck, type CheckFinding, type CheckResult } from '../../src/engine/check.ts';
import { checkpointThreshold, titrationLimits } from '../../src/engine/checkLimits.ts';
import { productFacts } from '../../src/engine/products.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { handPlan, handStep } from './fixtures.ts';
import { step, check } from './proposed.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));



function against(plan: RestartPlan, proposed: unknown[]): CheckResult {
  const outcome = checkAgainstPlan(plan, proposed);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

const codes = (result: CheckResult) => result.findings.map((f) => `${f.step}:${f.code}`);
const finding = (result: CheckResult, code: string, stepIndex?: number): CheckFinding => {
  const found = result.findings.find((f) => f.code === code && (stepIndex === undefined || f.step === stepIndex));
  if (!found) throw new Error(`no ${code} in ${JSON.stringify(codes(result))}`);
  return found;
};

const oxyStep = (start: string, administrations: string[], extra: Partial<Parameters<typeof handStep>[0]> = {}) =>
  handStep({ start, drug: 'oxycodone', formulation: 'ir', unit: 'mg', administrations, makeUp: [], equivalentFactor: '1.5', ...extra });

describe('STARTS_BEFORE_RESTART_DATE', () => {
  it('names the step, its start and the restart date; the ceiling is 0 and there is no percentage', () => {
    const result = check([step('2026-11-26', '5', 2), step('2026-11-27', '5', 2), step('2026-11-28', '5', 2)]);
    expect(codes(result)).toEqual(['0:STARTS_BEFORE_RESTART_DATE', '1:STARTS_BEFORE_RESTART_DATE']);
    const second = result.findings[1]!;
    expect(second).toMatchObject({ step: 1, start: '2026-11-27', path: 'proposed.1', proposedDaily: { amount: '10', unit: 'mg' }, ceilingDaily: { amount: '0', unit: 'mg' }, excess: { amount: '10', unit: 'mg' }, excessPercent: null });
    expect(second.message).toBe('Step 2 starts on 2026-11-27, before the restart date 2026-11-28: the plan gives no dose before it.');
    expect(second.rule).toBe('The schedule starts on the restart date.');
    expect(result.steps.map((s) => s.codes)).toEqual([['STARTS_BEFORE_RESTART_DATE'], ['STARTS_BEFORE_RESTART_DATE'], []]);
    expect(result.steps.map((s) => s.status)).toEqual(['exceeds', 'exceeds', 'within']);
  });

  it('a step that begins before the restart date and runs on is above from the restart date, not from its own start', () => {
    const result = check([step('2026-11-26', '5', 5)]);
    expect(codes(result)).toEqual(['0:STARTS_BEFORE_RESTART_DATE', '0:ABOVE_CEILING']);
    expect(finding(result, 'ABOVE_CEILING')).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-30' });
    expect(result.steps[0]!.ceilingStepStart).toBe('2026-11-28');
  });
});

describe('ABOVE_CEILING: which plan steps are in force, and for which days', () => {
  it('the full message: days, step, daily amounts, plan step, excess in mg and %', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '10', 3), step('2026-12-04', '10', 3)]);
    const above = finding(result, 'ABOVE_CEILING', 1);
    expect(above.message).toBe('From 2026-12-01 to 2026-12-03, step 2 gives 30 mg daily, above the ceiling of 25 mg daily (plan step 2) by 5 mg (20%).');
    expect(above.rule).toMatch(/^Plan step 2 from 2026-12-01: /);
  });

  it('an open-ended step above every plan step is above from its start onwards', () => {
    const result = check([step('2026-11-28', '10', 5)]);
    const above = finding(result, 'ABOVE_CEILING');
    expect(above.exceedsUntil).toBeUndefined();
    expect(above.message).toBe('From 2026-11-28 onwards, step 1 gives 50 mg daily, above the ceiling of 20 mg daily (plan step 1) by 30 mg (150%).');
  });

  it('a closed step above a later plan step only up to its own last day', () => {
    // 30 mg on 11-28..12-01: above plan step 1 (20 mg) and plan step 2 (25 mg, from 12-01, its last day).
    const result = check([step('2026-11-28', '10', 3), step('2026-12-02', '5', 4)]);
    expect(finding(result, 'ABOVE_CEILING', 0)).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-12-01', ceilingDaily: { amount: '20' } });
    expect(finding(result, 'ABOVE_CEILING', 0).message).toContain('From 2026-11-28 to 2026-12-01, step 1 gives 30 mg daily');
  });

  it('an open-ended step above only the first plan step is above until that plan step ends', () => {
    const result = check([step('2026-11-28', '5', 5)]);
    expect(finding(result, 'ABOVE_CEILING')).toMatchObject({ proposedDaily: { amount: '25' }, ceilingDaily: { amount: '20' }, exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-30', excessPercent: '25.0' });
  });

  it('a closed step that outlasts the plan step it is above ends at that plan step’s end', () => {
    const result = check([step('2026-11-28', '5', 5), step('2026-12-06', '5', 5)]);
    expect(finding(result, 'ABOVE_CEILING', 0)).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-30' });
  });

  it('a closed step shorter than the plan step it is above ends at its own last day', () => {
    const result = check([step('2026-11-28', '5', 5), step('2026-11-30', '5', 4)]);
    expect(finding(result, 'ABOVE_CEILING', 0)).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-29' });
  });

  it('a step starting on the last day of a plan step is compared with it (from that day, not the plan step’s start)', () => {
    const result = check([step('2026-11-30', '5', 5)]);
    expect(codes(result)).toEqual(['0:ABOVE_CEILING']);
    expect(finding(result, 'ABOVE_CEILING')).toMatchObject({ exceedsFrom: '2026-11-30', exceedsUntil: '2026-11-30', ceilingDaily: { amount: '20' } });
    expect(finding(result, 'ABOVE_CEILING').message).toContain('From 2026-11-30 to 2026-11-30');
    expect(result.steps[0]!.ceilingStepStart).toBe('2026-11-28');
  });

  it('a plan step after the proposed step has ended is not its ceiling', () => {
    // Hand-built falling plan: 30 mg until 11-30, then 20 mg. 30 mg until 11-30 then 20 mg is within.
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10'], { end: '2026-11-30' }), oxyStep('2026-12-01', ['5', '5', '5', '5'])], {
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const result = against(plan, [step('2026-11-28', '10', 3), step('2026-12-01', '5', 4)]);
    expect(result.verdict).toBe('within');
    expect(result.steps.map((s) => s.ceilingStepStart)).toEqual(['2026-11-28', '2026-12-01']);
  });

  it('across products the comparison is in MME/day, and the message says so', () => {
    // Morphine 15 mg × 3 = 45 MME/day from 11-28: above 30 MME/day (20 mg oxycodone).
    const result = check([{ start: '2026-11-28', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 3 }]);
    const above = finding(result, 'ABOVE_CEILING');
    expect(above).toMatchObject({ proposedDaily: { amount: '45', unit: 'MME' }, ceilingDaily: { amount: '30', unit: 'MME' }, excessPercent: '50.0' });
    expect(above.message).toContain('gives 45 MME/day, above the ceiling of 30 MME/day (plan step 1) by 15 MME (50%)');
    // Another drug is never compared per administration with the plan's oxycodone doses.
    expect(result.findings.map((f) => f.code)).not.toContain('ABOVE_DOSE_CEILING');
  });

  it('every-other-day amounts are marked as averages per day in the message', () => {
    const plan = handPlan(
      [
        oxyStep('2026-11-28', ['5'], { end: '2026-12-11', everyOtherDay: true }),
        oxyStep('2026-12-12', ['5']),
      ],
      { prior: { dailyDose: { amount: '5', unit: 'mg' }, dailyEquivalent: { amount: '7.5', unit: 'MME' } } },
    );
    const result = against(plan, [step('2026-11-28', '10', 1, { everyOtherDay: true })]);
    const above = finding(result, 'ABOVE_CEILING');
    expect(above).toMatchObject({ proposedDaily: { amount: '5' }, ceilingDaily: { amount: '2.5' }, exceedsUntil: '2026-12-11' });
    expect(above.message).toContain('gives 5 mg daily (average per day), above the ceiling of 2.5 mg daily (average per day) (plan step 1)');
    expect(result.steps[0]).toMatchObject({ everyOtherDay: true, dailyDose: { amount: '10', unit: 'mg' }, dailyEquivalent: { amount: '15', unit: 'MME' } });
    // Another drug against an every-other-day plan step: its MME is halved too (7.5 MME every other day = 3.75/day).
    const morphine = against(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '7.5', unit: 'mg' }, timesPerDay: 1 }]);
    expect(finding(morphine, 'ABOVE_CEILING')).toMatchObject({ proposedDaily: { amount: '7.5', unit: 'MME' }, ceilingDaily: { amount: '3.75', unit: 'MME' } });
    expect(finding(morphine, 'ABOVE_CEILING').message).toContain('7.5 MME/day, above the ceiling of 3.75 MME/day (average per day)');
  });
});

describe('ABOVE_DOSE_CEILING: one administration above the largest single dose of the same product', () => {
  it('an open-ended step whose single dose is above only the first plan step: until that step ends', () => {
    // 10 mg × 2 = 20 mg/day: at the daily ceiling, but 10 mg is above the 5 mg doses of plan step 1.
    const result = check([step('2026-11-28', '10', 2)]);
    expect(codes(result)).toEqual(['0:ABOVE_DOSE_CEILING']);
    const dose = result.findings[0]!;
    expect(dose).toMatchObject({ proposedDaily: { amount: '10', unit: 'mg' }, ceilingDaily: { amount: '5', unit: 'mg' }, excessPercent: '100.0', exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-30' });
    expect(dose.message).toBe(
      'From 2026-11-28 to 2026-11-30, one administration of step 1 (10 mg) is above the largest single dose of the ceiling (5 mg, plan step 1) by 100%. (Amounts here are per administration, not per day.)',
    );
    expect(dose.rule).toBe('Plan step 1 from 2026-11-28: at most 5 mg per administration.');
  });

  it('a closed step: until its own last day, or the last plan step it is above, whichever is first', () => {
    const short = check([step('2026-11-28', '10', 2), step('2026-11-30', '5', 4)]);
    expect(finding(short, 'ABOVE_DOSE_CEILING', 0)).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-11-29' });
    const long = check([step('2026-11-28', '10', 2), step('2026-12-04', '10', 3)]);
    expect(finding(long, 'ABOVE_DOSE_CEILING', 0)).toMatchObject({ exceedsUntil: '2026-11-30' });
    // 20 mg once a day until 12-02: above every plan step's single dose (at most 10 mg), so until its own end.
    const high = check([step('2026-11-28', '20', 1), step('2026-12-03', '5', 4)]);
    expect(finding(high, 'ABOVE_DOSE_CEILING', 0)).toMatchObject({ exceedsFrom: '2026-11-28', exceedsUntil: '2026-12-02' });
    expect(finding(high, 'ABOVE_DOSE_CEILING', 0).message).toContain('From 2026-11-28 to 2026-12-02, one administration of step 1 (20 mg)');
  });

  it('a later step names its own number and the plan step it is compared with', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '20', 1)]);
    const dose = finding(result, 'ABOVE_DOSE_CEILING', 1);
    expect(dose.message).toContain('one administration of step 2 (20 mg) is above the largest single dose of the ceiling (10 mg, plan step 2) by 100%');
    expect(dose.rule).toBe('Plan step 2 from 2026-12-01: at most 10 mg per administration.');
    expect(dose).toMatchObject({ exceedsFrom: '2026-12-01' });
    expect(dose.exceedsUntil).toBeUndefined();
  });

  it('another product’s single doses are not a ceiling (another formulation, or another drug in the same unit)', () => {
    // Plan for OxyContin that restarts on oxycodone IR 5 mg doses (hand-built), tolerance retained.
    const plan = handPlan([oxyStep('2026-11-28', ['5', '5', '5', '5'])], {
      drug: 'oxycodone',
      formulation: 'er',
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const er = against(plan, [{ start: '2026-11-28', formulation: 'er', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }]);
    expect(er.verdict).toBe('within');
    const morphine = against(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '30', unit: 'mg' }, timesPerDay: 1 }]);
    expect(morphine.verdict).toBe('within');
  });
});

describe('ABOVE_PRIOR_DOSE', () => {
  it('the message gives both daily amounts and the percentage; the rule is house rule 1', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6), step('2026-12-10', '10', 6, { checkpoint: true })]);
    const prior = finding(result, 'ABOVE_PRIOR_DOSE', 3);
    expect(prior.message).toBe('Step 4 gives 60 mg daily, above the prior daily dose of 40 mg daily by 50%.');
    expect(prior.rule).toBe('Never exceed the prior dose after a break (house rule 1).');
  });

  it('another drug is compared with the prior dose in MME, not in mg', () => {
    // Morphine 50 mg/day = 50 MME/day: below the prior 60 MME/day (though above the prior 40 mg of oxycodone).
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const within = against(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { unit: 'mg' }, administrations: ['30', '15'] }]);
    expect(codes(within)).toEqual([]);
    const above = against(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '30', unit: 'mg' }, timesPerDay: 3 }]);
    expect(finding(above, 'ABOVE_PRIOR_DOSE')).toMatchObject({ proposedDaily: { amount: '90', unit: 'MME' }, ceilingDaily: { amount: '60', unit: 'MME' }, excessPercent: '50.0' });
    expect(finding(above, 'ABOVE_PRIOR_DOSE').message).toContain('90 MME/day, above the prior daily dose of 60 MME/day by 50%');
  });

  it('another drug is not compared with a prior dose that has no MME', () => {
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '10', unit: 'mg' } },
    });
    const result = against(plan, [{ start: '2026-11-28', drug: 'morphine', dose: { amount: '30', unit: 'mg' }, timesPerDay: 1 }]);
    expect(codes(result)).toEqual([]);
  });
});

describe('RESTRICTED_AFTER_TOLERANCE_LOSS', () => {
  const patch = (start: string, amount = '12') => ({ start, drug: 'fentanyl', dose: { amount, unit: 'mcg/h' } });

  it('after tolerance loss: the message names the product and dose and says tolerance is lost; the rule cites the label', () => {
    const result = check([step('2026-11-28', '5', 4), patch('2026-12-01')]);
    const restricted = finding(result, 'RESTRICTED_AFTER_TOLERANCE_LOSS', 1);
    expect(restricted.message).toBe('Step 2 uses fentaNYL transdermal patch (72 hours) 12 mcg/h, which is only for opioid-tolerant patients, but tolerance is lost after the break.');
    expect(restricted.rule).toBe('transdermal fentaNYL is contraindicated in patients who are not opioid-tolerant [label-duragesic]');
    expect(restricted).toMatchObject({ proposedDaily: { amount: '28.8', unit: 'MME' }, ceilingDaily: { amount: '37.5', unit: 'MME' } });
  });

  it('a patient who was not opioid-tolerant before the break: restricted even when tolerance is called retained', () => {
    const plan = handPlan([oxyStep('2026-11-28', ['5', '5', '5', '5'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: false },
      prior: { dailyDose: { amount: '20', unit: 'mg' }, dailyEquivalent: { amount: '30', unit: 'MME' } },
    });
    const result = against(plan, [patch('2026-11-28')]);
    expect(codes(result)).toEqual(['0:RESTRICTED_AFTER_TOLERANCE_LOSS']);
    expect(result.findings[0]!.message).toContain('but the patient was not opioid-tolerant before the break.');
    const tolerant = against({ ...plan, tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true } }, [patch('2026-11-28')]);
    expect(tolerant.verdict).toBe('within');
  });

  it('a restricted step wholly before the restart date is compared with nothing: its own amount against 0', () => {
    const result = check([patch('2026-11-20'), step('2026-11-28', '5', 4)]);
    const restricted = finding(result, 'RESTRICTED_AFTER_TOLERANCE_LOSS', 0);
    expect(restricted).toMatchObject({ proposedDaily: { amount: '12', unit: 'mcg/h' }, ceilingDaily: { amount: '0', unit: 'mcg/h' }, excessPercent: null });
    expect(restricted.message).toContain('Step 1 uses fentaNYL');
  });

  describe('a plan that does not restart its own product', () => {
    // Plan for OxyContin after tolerance loss that restarts on IR tablets only (hand-built).
    const plan = handPlan([oxyStep('2026-11-28', ['5', '5', '5', '5'])], {
      drug: 'oxycodone',
      formulation: 'er',
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });

    it('proposing that product is restricted, with the plan as the source', () => {
      const result = against(plan, [{ start: '2026-11-28', formulation: 'er', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }]);
      expect(codes(result)).toEqual(['0:RESTRICTED_AFTER_TOLERANCE_LOSS']);
      expect(result.findings[0]!.rule).toBe('The plan does not restart this product after the break (it restarts on another product). [plan]');
      expect(result.findings[0]!.message).toContain('extended-release tablet (OxyContin) 10 mg');
    });

    it('other products (another form of the drug, another drug in the same form) are not', () => {
      expect(codes(against(plan, [{ ...step('2026-11-28', '5', 4), formulation: 'ir' }]))).toEqual([]);
      expect(codes(against(plan, [{ start: '2026-11-28', drug: 'morphine', formulation: 'er', dose: { amount: '15', unit: 'mg' }, timesPerDay: 2 }]))).toEqual([]);
    });

    it('a plan restarting on another drug in the same form still avoids its own product', () => {
      const morphineEr = handStep({ start: '2026-11-28', drug: 'morphine', formulation: 'er', unit: 'mg', administrations: ['15', '15'], makeUp: [], equivalentFactor: '1' });
      const other = handPlan([morphineEr], { drug: 'oxycodone', formulation: 'er', prior: plan.prior });
      const result = against(other, [{ start: '2026-11-28', formulation: 'er', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }]);
      expect(codes(result)).toEqual(['0:RESTRICTED_AFTER_TOLERANCE_LOSS']);
    });

    it('a plan that restarts on its own product later on does not avoid it', () => {
      const later = handPlan([oxyStep('2026-11-28', ['5', '5', '5', '5'], { end: '2026-12-04' }), handStep({ start: '2026-12-05', drug: 'oxycodone', formulation: 'er', unit: 'mg', administrations: ['10', '10'], makeUp: [], equivalentFactor: '1.5' })], {
        drug: 'oxycodone',
        formulation: 'er',
        prior: plan.prior,
      });
      const result = against(later, [{ ...step('2026-11-28', '5', 4), formulation: 'ir' }, { start: '2026-12-05', formulation: 'er', dose: { amount: '10', unit: 'mg' }, timesPerDay: 2 }]);
      expect(codes(result)).toEqual([]);
    });
  });
});

describe('RISES_TOO_FAST', () => {
  it('too soon: the message gives the days (singular for one day) and the minimum; the rule gives the % and the interval with sources', () => {
    const result = check([step('2026-11-28', '5', 3), step('2026-11-29', '5', 4)]);
    const fast = finding(result, 'RISES_TOO_FAST', 1);
    expect(fast.message).toBe('Step 2 raises the dose 1 day after step 1; increases need at least 3 days.');
    expect(fast).toMatchObject({ proposedDaily: { amount: '20', unit: 'mg' }, ceilingDaily: { amount: '15', unit: 'mg' } });
    expect(fast.rule).toBe(
      'Rise at most 25% of the daily dose (or the smallest rise the strengths can make), no sooner than every 3 days [engine assumption opioid-titration-25-percent; label-oxycodone-ir: titration interval]'.replace(
        'label-oxycodone-ir: titration interval',
        fast.rule!.split('; ')[1]!.replace(/\]$/, ''),
      ),
    );
    expect(fast.rule).toContain('Rise at most 25% of the daily dose');
    expect(fast.rule).toContain('no sooner than every 3 days [engine assumption opioid-titration-25-percent; ');
  });

  it('too large: the message gives from, to and the allowed amount with the excess', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-04', '5', 6)]);
    expect(finding(result, 'RISES_TOO_FAST', 1).message).toBe('Step 2 rises from 20 mg daily to 30 mg daily: above the allowed 25 mg daily by 20%.');
  });

  it('exactly 25% is allowed; one smallest tablet more is allowed even above 25%', () => {
    expect(codes(check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5)]))).toEqual([]);
    expect(check([step('2026-11-28', '5', 1), step('2026-12-01', '5', 2)]).verdict).toBe('within');
  });

  it('a fall is never a rise, however soon', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-11-29', '5', 2)]);
    expect(codes(result)).toEqual([]);
  });

  it('across drugs the rise is measured in MME/day and no tablet allowance applies', () => {
    // Oxycodone 20 mg (30 MME) → morphine 15 mg × 3 (45 MME) three days later: allowed 37.5 MME/day.
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const result = against(plan, [step('2026-11-28', '5', 4), { start: '2026-12-01', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 3 }]);
    expect(codes(result)).toEqual(['1:RISES_TOO_FAST']);
    expect(result.findings[0]).toMatchObject({ proposedDaily: { amount: '45', unit: 'MME' }, ceilingDaily: { amount: '37.5', unit: 'MME' }, excessPercent: '20.0' });
    expect(result.findings[0]!.message).toBe('Step 2 rises from 30 MME/day to 45 MME/day: above the allowed 37.5 MME/day by 20%.');
  });

  it('across drugs, the first drug’s smallest tablet is no allowance for the second', () => {
    // Oxycodone 5 mg once (7.5 MME) → morphine 15 mg once (15 MME): 25% allows 9.375 MME/day.
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const result = against(plan, [step('2026-11-28', '5', 1), { start: '2026-12-01', drug: 'morphine', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1 }]);
    expect(codes(result)).toEqual(['1:RISES_TOO_FAST']);
    expect(result.findings[0]).toMatchObject({ proposedDaily: { amount: '15', unit: 'MME' }, ceilingDaily: { amount: '9.375', unit: 'MME' } });
  });

  it('switching form of the same drug: no smallest-tablet allowance for the new form', () => {
    // Oxycodone IR 5 mg × 2 (10 mg) → OxyContin 15 mg once (15 mg): 25% allows 12.5 mg.
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'])], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const result = against(plan, [step('2026-11-28', '5', 2), { start: '2026-12-01', formulation: 'er', dose: { amount: '15', unit: 'mg' }, timesPerDay: 1 }]);
    expect(codes(result)).toEqual(['1:RISES_TOO_FAST']);
    expect(result.findings[0]).toMatchObject({ proposedDaily: { amount: '15', unit: 'mg' }, ceilingDaily: { amount: '12.5', unit: 'mg' } });
  });

  it('fentanyl patches: the shortest of the label intervals (3 days) applies', () => {
    const request = { drug: 'fentanyl', prior: { dose: '75', unit: 'mcg/h', timesPerDay: 1 }, priorDurationDays: 90, lastDoseDate: '2026-11-27', restartDate: '2026-11-28' };
    const patch = (start: string, amount: string) => ({ start, dose: { amount, unit: 'mcg/h' } });
    // 50 → 62.5 mcg/h (+25%) after 3 days: allowed.
    expect(codes(check([patch('2026-11-28', '50'), patch('2026-12-01', '62.5')], request))).toEqual([]);
    const soon = check([patch('2026-11-28', '50'), patch('2026-11-30', '62.5')], request);
    expect(codes(soon)).toEqual(['1:RISES_TOO_FAST']);
    expect(soon.findings[0]!.message).toContain('2 days after step 1; increases need at least 3 days');
  });

  it('diazepam: the protocol fraction (25%) with its source, and the plan’s own interval (7 days) citing its step', () => {
    const request = { drug: 'diazepam', prior: { dose: '10', unit: 'mg', timesPerDay: 3 }, priorDurationDays: 200, lastDoseDate: '2026-11-23', restartDate: '2026-11-28' };
    const result = check(
      [
        { start: '2026-11-28', dose: { amount: '5', unit: 'mg' }, timesPerDay: 3 },
        { start: '2026-12-04', dose: { amount: '6', unit: 'mg' }, timesPerDay: 3 },
      ],
      request,
    );
    const fast = finding(result, 'RISES_TOO_FAST', 1);
    expect(fast.message).toBe('Step 2 raises the dose 6 days after step 1; increases need at least 7 days.');
    expect(fast.rule).toBe(
      "Rise at most 25% of the daily dose (or the smallest rise the strengths can make), no sooner than every 7 days [engine assumption bzd-titration-25-percent-weekly; the plan's shortest interval before a rise (plan step 2 from 2026-12-05: rise of at most 25% of the daily dose, rounded down to real strengths)]",
    );
  });
});

describe('RISES_TOO_FAST for a class without protocol limits: read off the plan', () => {
  const eodStep = (start: string, administrations: string[], extra: Partial<Parameters<typeof handStep>[0]> = {}) =>
    handStep({ start, drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations, makeUp: [], ...extra });
  const labelled = (steps: PlanStep[]) =>
    handPlan(steps, { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' }, prior: { dailyDose: { amount: '400', unit: 'mg' } } });
  const eod = (start: string, amount: string, timesPerDay = 1, extra: Record<string, unknown> = {}) => ({ start, dose: { amount, unit: 'mg' }, timesPerDay, ...extra });

  it('a one-step plan gives no limits: any rise at any time is allowed (within the ceiling)', () => {
    const plan = labelled([eodStep('2026-11-28', ['100', '100'])]);
    expect(codes(against(plan, [eod('2026-11-28', '25'), eod('2026-11-29', '100', 2)]))).toEqual([]);
  });

  it('the plan’s largest rise and shortest interval, with the basis in words', () => {
    // 50 → 100 (+100%) after 7 days, 100 → 150 (+50%) after 14 days: limits 100% and 7 days.
    const plan = labelled([eodStep('2026-11-28', ['50'], { end: '2026-12-04' }), eodStep('2026-12-05', ['50', '50'], { end: '2026-12-18' }), eodStep('2026-12-19', ['100', '50'])]);
    const soon = against(plan, [eod('2026-11-28', '50'), eod('2026-12-04', '50', 2)]);
    const fast = finding(soon, 'RISES_TOO_FAST', 1);
    expect(fast.message).toBe('Step 2 raises the dose 6 days after step 1; increases need at least 7 days.');
    expect(fast.rule).toBe(
      "Rise at most 100% of the daily dose (or the smallest rise the strengths can make), no sooner than every 7 days [the plan's largest rise beyond the smallest practical rise (plan step 2 from 2026-12-05: hand-built step); the plan's shortest interval before a rise (plan step 2 from 2026-12-05: hand-built step)]",
    );
    expect(codes(against(plan, [eod('2026-11-28', '50'), eod('2026-12-05', '50', 2)]))).toEqual([]);
  });

  it('rises the strengths force say nothing about the allowed fraction', () => {
    // 25 → 37.5 → 50 mg, 14 days apart: each rise is half a scored 25 mg tablet, the smallest the strengths make.
    const plan = labelled([eodStep('2026-11-28', ['25'], { end: '2026-12-11' }), eodStep('2026-12-12', ['25', '12.5'], { end: '2026-12-25' }), eodStep('2026-12-26', ['25', '25'])]);
    const result = against(plan, [eod('2026-11-28', '25'), eod('2026-12-12', '25', 2)]);
    const fast = finding(result, 'RISES_TOO_FAST', 1);
    expect(fast.rule).toContain('Rise at most 0% of the daily dose (or the smallest rise the strengths can make), no sooner than every 14 days');
    // Allowed: 25 mg + the smallest rise (12.5 mg) = 37.5 mg.
    expect(fast).toMatchObject({ proposedDaily: { amount: '50', unit: 'mg' }, ceilingDaily: { amount: '37.5', unit: 'mg' } });
  });

  it('a change of drug inside the plan says nothing about the allowed fraction', () => {
    // 25 mg → (another product, 50 mg) → 100 mg: neither change counts, so only the smallest rise is allowed.
    const other = handStep({ start: '2026-12-05', end: '2026-12-11', drug: 'test-other', formulation: 'tablet', unit: 'mg', administrations: ['50'], makeUp: [] });
    const plan = labelled([eodStep('2026-11-28', ['25'], { end: '2026-12-04' }), other, eodStep('2026-12-12', ['100'])]);
    const result = against(plan, [eod('2026-12-12', '50'), eod('2026-12-26', '100')]);
    const fast = finding(result, 'RISES_TOO_FAST', 1);
    expect(fast.rule).toContain('Rise at most 0% of the daily dose');
    expect(fast.rule).toContain('no sooner than every 7 days');
    expect(fast).toMatchObject({ proposedDaily: { amount: '100', unit: 'mg' }, ceilingDaily: { amount: '62.5', unit: 'mg' } });
  });

  it('every-other-day to every-other-day: the smallest rise is halved per day, so a whole tablet more is too much', () => {
    // Plan 25 → 37.5 mg every other day (a forced half-tablet rise: 0%). 25 → 50 every other day is 12.5 → 25 mg/day:
    // allowed 12.5 + 12.5 / 2 = 18.75 mg/day.
    const plan = labelled([eodStep('2026-11-28', ['25'], { end: '2026-12-11', everyOtherDay: true }), eodStep('2026-12-12', ['25', '12.5'], { everyOtherDay: true })]);
    const result = against(plan, [eod('2026-11-28', '25', 1, { everyOtherDay: true }), eod('2026-12-12', '25', 2, { everyOtherDay: true })]);
    expect(finding(result, 'RISES_TOO_FAST', 1)).toMatchObject({ proposedDaily: { amount: '25', unit: 'mg' }, ceilingDaily: { amount: '18.75', unit: 'mg' } });
  });

  it('every-other-day to every-other-day: half the smallest rise per day', () => {
    const plan = labelled([eodStep('2026-11-28', ['25'], { end: '2026-12-11', everyOtherDay: true }), eodStep('2026-12-12', ['50'], { everyOtherDay: true })]);
    // 25 → 37.5 every other day: 12.5 → 18.75 mg/day, +6.25 = half of one 12.5 mg half-tablet: allowed.
    const result = against(plan, [eod('2026-11-28', '25', 1, { everyOtherDay: true }), eod('2026-12-12', '37.5', 1, { everyOtherDay: true })]);
    expect(codes(result)).toEqual([]);
  });
});

describe('SKIPS_CHECKPOINT', () => {
  const base = [step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6)];
  /** 10 + 10 + 10 + 5 = 35 mg = 52.5 MME/day, as plan step 4. */
  const cp35 = (start: string, checkpoint: boolean) => ({ start, dose: { unit: 'mg' }, administrations: ['10', '10', '10', '5'], checkpoint });

  it('early: the message gives the MME/day reached, the threshold and the checkpoint date; the rule gives the plan’s reason and source', () => {
    const result = check([...base.slice(0, 2), step('2026-12-04', '10', 4, { checkpoint: true })]);
    const skip = finding(result, 'SKIPS_CHECKPOINT', 2);
    expect(skip.message).toBe("Step 3 reaches 60 MME/day, at or above the checkpoint of 50 MME/day, before the plan's checkpoint on 2026-12-07.");
    expect(skip.rule).toBe(
      'Crosses 50 MME/day: pause and reassess benefits and risks before this step; offer naloxone. [cdc-2022: Recommendation 4: before increasing to ≥50 MME/day, pause and carefully reassess]',
    );
  });

  it('on the checkpoint date with checkpoint: true is allowed; without it, it is a skip with the reason', () => {
    expect(codes(check([...base, cp35('2026-12-07', true)]))).toEqual([]);
    const skip = finding(check([...base, cp35('2026-12-07', false)]), 'SKIPS_CHECKPOINT', 3);
    expect(skip.message).toBe(
      'Step 4 reaches 52.5 MME/day, at or above the checkpoint of 50 MME/day, without a reassessment (mark the step with checkpoint: true once benefits and risks are reassessed).',
    );
  });

  it('only the step that crosses the threshold needs the reassessment, not the steps that stay above it', () => {
    const result = check([...base, cp35('2026-12-07', true), step('2026-12-10', '10', 4)]);
    expect(result.findings.map((f) => f.code)).not.toContain('SKIPS_CHECKPOINT');
  });

  it('every-other-day steps are marked as averages in the message', () => {
    const result = check([...base.slice(0, 2), step('2026-12-04', '20', 6, { everyOtherDay: true, checkpoint: true })]);
    expect(finding(result, 'SKIPS_CHECKPOINT', 2).message).toContain('reaches 90 MME/day (average per day), at or above the checkpoint of 50 MME/day,');
  });

  it('a checkpoint on the first plan step is not one to cross', () => {
    const plan = handPlan([oxyStep('2026-11-28', ['10', '10', '10', '10'], { checkpoint: 'first' })], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    expect(codes(against(plan, [step('2026-11-28', '10', 4)]))).toEqual([]);
  });

  it('a checkpoint step without a reason is called "Plan checkpoint"', () => {
    const second: PlanStep = { ...oxyStep('2026-12-01', ['10', '10', '10', '10']), checkpoint: true };
    const plan = handPlan([oxyStep('2026-11-28', ['5', '5', '5', '5'], { end: '2026-11-30' }), second], {
      tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true },
      prior: { dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' } },
    });
    const result = against(plan, [step('2026-11-28', '5', 4), step('2026-12-01', '10', 4)]);
    expect(finding(result, 'SKIPS_CHECKPOINT', 1).rule).toMatch(/^Plan checkpoint \[cdc-2022/);
  });

  it('a product without MME is not measured against an MME threshold, and the plan’s own rise (4 → 8 mg the next day) is within', () => {
    const bup = (start: string, administrations: string[], extra: Partial<Parameters<typeof handStep>[0]> = {}) =>
      handStep({ start, drug: 'buprenorphine', formulation: 'sl-tablet', unit: 'mg', administrations, makeUp: [], ...extra });
    const plan = handPlan([bup('2026-11-28', ['4'], { end: '2026-11-28' }), bup('2026-11-29', ['8'], { checkpoint: 'review' })], {
      tolerance: { retainedFraction: '0', status: 'not-applicable' },
      prior: { dailyDose: { amount: '8', unit: 'mg' } },
    });
    const result = against(plan, [{ start: '2026-11-28', dose: { amount: '4', unit: 'mg' }, timesPerDay: 1 }, { start: '2026-11-29', dose: { amount: '4', unit: 'mg' }, timesPerDay: 2 }]);
    // 4 → 8 mg the next day is the plan's own induction rise (the check reads its rise rule off the plan), and
    // there is no checkpoint finding: the class's threshold is in MME, which buprenorphine has none of.
    expect(codes(result)).toEqual([]);
    // A rise beyond the plan's own (4 → 12 mg) is still too fast.
    const faster = against(plan, [{ start: '2026-11-28', dose: { amount: '4', unit: 'mg' }, timesPerDay: 1 }, { start: '2026-11-29', dose: { amount: '4', unit: 'mg' }, timesPerDay: 3 }]);
    expect(codes(faster)).toContain('1:RISES_TOO_FAST');
  });

  it('a class without a protocol threshold guards the checkpoint step’s own daily dose', () => {
    const eodStep = (start: string, administrations: string[], extra: Partial<Parameters<typeof handStep>[0]> = {}) =>
      handStep({ start, drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations, makeUp: [], ...extra });
    const plan = handPlan([eodStep('2026-11-28', ['50'], { end: '2026-12-11' }), eodStep('2026-12-12', ['50', '50'], { checkpoint: 'review the rash' })], {
      drugClass: 'labelled-restart',
      tolerance: { retainedFraction: '0', status: 'not-applicable' },
      prior: { dailyDose: { amount: '100', unit: 'mg' } },
    });
    const eod = (start: string, amount: string, timesPerDay: number, extra: Record<string, unknown> = {}) => ({ start, dose: { amount, unit: 'mg' }, timesPerDay, ...extra });
    const result = against(plan, [eod('2026-11-28', '50', 1), eod('2026-12-12', '50', 2)]);
    const skip = finding(result, 'SKIPS_CHECKPOINT', 1);
    expect(skip).toMatchObject({ proposedDaily: { amount: '100', unit: 'mg' }, ceilingDaily: { amount: '100', unit: 'mg' } });
    expect(skip.message).toContain('reaches 100 mg daily, at or above the checkpoint of 100 mg daily, without a reassessment');
    expect(skip.rule).toBe('review the rash [the plan checkpoint step]');
    expect(codes(against(plan, [eod('2026-11-28', '50', 1), eod('2026-12-12', '50', 2, { checkpoint: true })]))).toEqual([]);
  });
});

describe('findings order, per-step codes and the summary line', () => {
  it('findings are grouped by step, in the order of the codes list; each step lists its own codes', () => {
    const result = check([step('2026-11-27', '5', 5), step('2026-11-29', '10', 3), step('2026-12-04', '5', 6)]);
    expect(codes(result)).toEqual([
      '0:STARTS_BEFORE_RESTART_DATE',
      '0:ABOVE_CEILING',
      '1:ABOVE_CEILING',
      '1:ABOVE_DOSE_CEILING',
      '1:RISES_TOO_FAST',
    ]);
    expect(result.steps.map((s) => s.codes)).toEqual([['STARTS_BEFORE_RESTART_DATE', 'ABOVE_CEILING'], ['ABOVE_CEILING', 'ABOVE_DOSE_CEILING', 'RISES_TOO_FAST'], []]);
    expect(summarizeCheck(result)).toBe('Exceeds: 5 finding(s) — STARTS_BEFORE_RESTART_DATE, ABOVE_CEILING, ABOVE_DOSE_CEILING, RISES_TOO_FAST.');
  });

  it('a schedule within the ceiling is summarised with its number of steps', () => {
    const result = check([step('2026-11-28', '5', 4), step('2026-12-01', '5', 5), step('2026-12-04', '5', 6)]);
    expect(summarizeCheck(result)).toBe('Within the ceiling: 3 step(s) checked.');
  });
});

describe('checkLimits: class limits from the protocol data', () => {
  it('benzodiazepines: 25% a step, 7 days apart, with their assumption ids', () => {
    const limits = titrationLimits(productFacts('diazepam', 'ir')!)!;
    expect(limits.maxRiseFraction.toString()).toBe('0.25');
    expect(limits.minIntervalDays).toBe(7);
    expect(limits.basis).toBe('engine assumption bzd-titration-25-percent-weekly; engine assumption bzd-titration-25-percent-weekly');
    expect(checkpointThreshold(productFacts('diazepam', 'ir')!)).toBeNull();
  });

  it('opioids: 25% a step, the shortest interval of the formulation’s label intervals', () => {
    const patch = titrationLimits(productFacts('fentanyl', 'patch')!)!;
    expect(patch.maxRiseFraction.toString()).toBe('0.25');
    expect(patch.minIntervalDays).toBe(3);
    expect(patch.basis).toMatch(/^engine assumption opioid-titration-25-percent; label-duragesic/);
    expect(titrationLimits(productFacts('methadone', 'tablet')!)!.minIntervalDays).toBe(7);
    const threshold = checkpointThreshold(productFacts('oxycodone', 'ir')!)!;
    expect(threshold.amount.toString()).toBe('50');
    expect(threshold.unit).toBe('MME');
    expect(threshold.basis).toContain('cdc-2022');
  });

  it('an opioid formulation without label intervals, or with an empty list, has no protocol limits', () => {
    const facts = productFacts('oxycodone', 'ir')!;
    const without = { ...facts, formulation: { ...facts.formulation, titrationIntervalsDays: undefined } };
    expect(titrationLimits(without as typeof facts)).toBeNull();
    const empty = { ...facts, formulation: { ...facts.formulation, titrationIntervalsDays: { ...facts.formulation.strengthsSource, value: [] } } };
    expect(titrationLimits(empty as typeof facts)).toBeNull();
  });

  it('only opioid formulations have label titration intervals read as limits', () => {
    const eod = productFacts('test-eod', 'tablet')!;
    const withIntervals = { ...eod, formulation: { ...eod.formulation, titrationIntervalsDays: { source: 'x', locator: 'y', value: [7] } } };
    expect(titrationLimits(withIntervals as typeof eod)).toBeNull();
  });

  it('other classes have none', () => {
    const eod = productFacts('test-eod', 'tablet')!;
    expect(titrationLimits(eod)).toBeNull();
    expect(checkpointThreshold(eod)).toBeNull();
  });
});
