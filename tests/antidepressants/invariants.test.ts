import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import { ANTIDEPRESSANTS } from '../../src/protocols/antidepressants/index.ts';
import { LABELLED } from '../../src/protocols/labelled/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

const DRUGS = [...ANTIDEPRESSANTS, ...LABELLED];
const CONCURRENT = ['valproate', 'phenytoin', 'carbamazepine', 'omeprazole', 'moclobemide', 'linezolid', 'sumatriptan', 'sertraline', 'fluoxetine', 'oxycodone', 'lorazepam'];

/** A valid request: a real drug/formulation, a makeable prior dose within the product's limits. */
const requestArb = fc
  .record({
    drugIndex: fc.nat(),
    formulationIndex: fc.nat(),
    units: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    times: fc.integer({ min: 1, max: 4 }),
    daysOff: fc.integer({ min: 0, max: 120 }),
    age: fc.option(fc.integer({ min: 18, max: 95 }), { nil: undefined }),
    hepatic: fc.boolean(),
    concurrent: fc.subarray(CONCURRENT, { maxLength: 3 }),
    qtcMs: fc.option(fc.integer({ min: 380, max: 560 }), { nil: undefined }),
  })
  .map((r) => {
    const drug = DRUGS[r.drugIndex % DRUGS.length]!;
    const formulation = drug.formulations[r.formulationIndex % drug.formulations.length]!;
    const times = Math.min(r.times, formulation.maxTimesPerDay.value);
    const strengths = formulation.strengths;
    let dose = r.units.reduce((total, u) => total.add(strengths[u % strengths.length]!.amount), new D(0));
    if (dose.gt(formulation.maxSingleDose.value)) dose = new D(strengths[0]!.amount);
    return {
      input: {
        drug: drug.id,
        formulation: formulation.id,
        prior: { dose: dose.toFixed(), unit: 'mg', timesPerDay: times },
        priorDurationDays: 90,
        lastDoseDate: '2026-10-01',
        restartDate: addCalendarDays('2026-10-01', r.daysOff),
        patient: { ...(r.age !== undefined ? { ageYears: r.age } : {}), hepaticImpairment: r.hepatic },
        concurrent: r.concurrent.filter((c) => c !== drug.id),
        ...(r.qtcMs !== undefined ? { qtcMs: r.qtcMs } : {}),
      },
      formulation,
      maxDaily: 'maxDailyDose' in drug ? new D((drug as { maxDailyDose: { value: string } }).maxDailyDose.value) : new D(formulation.maxDailyDose!.value),
    };
  });

/** The plan, or null when the engine refuses (a BLOCK: MAOI washout, bupropion contraindication); never field errors. */
function planOf(input: unknown): RestartPlan | null {
  const result = planRestart(input);
  if (!result.ok) {
    if (result.refusal) {
      // A refusal is never a schedule and always says when a plan can be made (every BLOCK here is time-bound).
      expect(result.errors.map((e) => e.code)).toEqual(['plan-refused']);
      expect(result.refusal.earliestPlanDate! > (input as { restartDate: string }).restartDate).toBe(true);
      return null;
    }
    throw new Error(JSON.stringify(result.errors));
  }
  return result.plan;
}

const firstDaily = (p: RestartPlan) => new D(p.steps[0]!.dailyDose.amount);

describe('antidepressant and labelled-restart invariants (fast-check)', () => {
  it('no step above the prior daily dose or the labelled maximum; dates strictly increase; daily never falls; every dose makeable', () => {
    fc.assert(
      fc.property(requestArb, ({ input, formulation, maxDaily }) => {
        const p = planOf(input);
        if (!p) return;
        const prior = new D(p.prior.dailyDose.amount);
        expect(p.steps.length).toBeGreaterThan(0);
        expect(p.tolerance.status).toBe('not-applicable');
        expect(['0', '1']).toContain(p.tolerance.retainedFraction);
        expect(p.decision).toBeDefined();
        p.steps.forEach((step, i) => {
          const daily = new D(step.dailyDose.amount);
          expect(daily.lte(prior)).toBe(true);
          expect(daily.lte(formulation.maxDailyDose?.value ?? maxDaily)).toBe(true);
          expect(daily.lte(maxDaily)).toBe(true);
          expect(step.dailyEquivalent).toBeUndefined();
          for (const a of step.administrations) expect(makeExactly(new D(a), formulation.strengths)).not.toBeNull();
          expect(step.administrations.reduce((t, a) => t.add(a), new D(0)).eq(daily)).toBe(true);
          if (i > 0) {
            const previous = p.steps[i - 1]!;
            expect(step.start > previous.start).toBe(true);
            expect(daily.gte(previous.dailyDose.amount)).toBe(true);
            expect(previous.end! < step.start).toBe(true);
          }
        });
        expect(p.steps.at(-1)!.end).toBeUndefined();
        if (p.decision!.action === 'resume') expect(p.steps).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('a longer break never gives a higher first step', () => {
    fc.assert(
      fc.property(requestArb, fc.integer({ min: 1, max: 60 }), ({ input }, extra) => {
        const longer = planOf({ ...input, restartDate: addCalendarDays(input.restartDate, extra) });
        const shorter = planOf(input);
        if (!longer || !shorter) return;
        expect(firstDaily(longer).lte(firstDaily(shorter))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an added risk factor (age 65+, hepatic impairment, renal impairment, respiratory disease, CNS depressant) never raises any step', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom('age', 'hepatic', 'renal', 'respiratory', 'depressant'), ({ input }, factor) => {
        const patient = { ...input.patient } as Record<string, unknown>;
        const concurrent = [...input.concurrent];
        if (factor === 'age') patient.ageYears = Math.max(Number(patient.ageYears ?? 0), 70);
        if (factor === 'hepatic') patient.hepaticImpairment = true;
        if (factor === 'renal') patient.renalImpairment = true;
        if (factor === 'respiratory') patient.respiratoryDisease = true;
        if (factor === 'depressant' && !concurrent.includes('lorazepam') && input.drug !== 'lorazepam') concurrent.push('lorazepam');
        const base = planOf(input);
        const risky = planOf({ ...input, patient, concurrent });
        if (!base || !risky) return;
        // Compare the ceiling on every date of the base plan.
        for (const step of base.steps) {
          const ceilingOn = (p: RestartPlan, date: string) => {
            const active = [...p.steps].reverse().find((s) => s.start <= date);
            return active ? new D(active.dailyDose.amount) : new D(0);
          };
          expect(ceilingOn(risky, step.start).lte(ceilingOn(base, step.start))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
