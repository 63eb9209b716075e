/**
 * Safety properties of amendments A9, A2, A3 and A10 (fast-check): short gaps resume, nothing exceeds the prior
 * dose or a label cap, a serotonergic co-medication never removes a warning, renal bands hold, refusals are
 * time-bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { restartRuleOf } from '../../src/engine/classes/antidepressant.ts';
import { ANTIDEPRESSANT_CLASS, ANTIDEPRESSANTS } from '../../src/protocols/antidepressants/index.ts';
import { LABELLED } from '../../src/protocols/labelled/index.ts';

const STANDARD = ANTIDEPRESSANTS.filter((d) => restartRuleOf(d) === 'standard');
const SEROTONERGIC = ['sumatriptan', 'lithium', 'tramadol', 'fentanyl', 'methadone'];
const OTHER = ['omeprazole', 'oxycodone', 'lorazepam', 'alcohol', 'valproate'];

const antidepressantArb = fc
  .record({
    drugIndex: fc.nat(),
    formulationIndex: fc.nat(),
    strengthIndex: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
    times: fc.integer({ min: 1, max: 3 }),
    daysOff: fc.integer({ min: 0, max: 60 }),
    age: fc.option(fc.integer({ min: 18, max: 95 }), { nil: undefined }),
    hepatic: fc.constantFrom('none', 'mild', 'moderate', 'severe'),
    falls: fc.boolean(),
    concurrent: fc.subarray(OTHER, { maxLength: 2 }),
  })
  .map((r) => {
    const drug = ANTIDEPRESSANTS[r.drugIndex % ANTIDEPRESSANTS.length]!;
    const formulation = drug.formulations[r.formulationIndex % drug.formulations.length]!;
    const strength = formulation.strengths[r.strengthIndex % formulation.strengths.length]!;
    let dose = new D(strength.amount).mul(r.count);
    if (dose.gt(formulation.maxSingleDose.value)) dose = new D(strength.amount);
    return {
      drug,
      formulation,
      input: {
        drug: drug.id,
        formulation: formulation.id,
        prior: { dose: dose.toFixed(), unit: 'mg', timesPerDay: Math.min(r.times, formulation.maxTimesPerDay.value) },
        priorDurationDays: 120,
        lastDoseDate: '2026-10-01',
        restartDate: addCalendarDays('2026-10-01', r.daysOff),
        patient: { ...(r.age !== undefined ? { ageYears: r.age } : {}), hepaticImpairment: r.hepatic, historyOfFalls: r.falls },
        concurrent: r.concurrent as string[],
      },
    };
  });

function outcome(input: unknown): RestartPlan | null {
  const result = planRestart(input);
  if (result.ok) return result.plan;
  if (!result.refusal) throw new Error(JSON.stringify(result.errors));
  return null;
}

describe('amendment A9/A2 properties', () => {
  it('an SSRI/SNRI/mirtazapine/vortioxetine/trazodone after ≤ 7 missed days resumes the prior dose unless a label cap or maximum applies', () => {
    const arb = antidepressantArb.filter(({ drug }) => STANDARD.includes(drug));
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: ANTIDEPRESSANT_CLASS.restart.standard.resumeUpToMissedDays.value }), ({ input }, missed) => {
        const p = outcome({ ...input, restartDate: addCalendarDays(input.lastDoseDate, missed + 1) });
        if (!p) return;
        expect(p.decision?.action).toBe('resume');
        expect(p.steps).toHaveLength(1);
        const capped = p.warnings.some((w) => w.code === 'LABEL_CAP_APPLIED' || w.code === 'DOSE_ABOVE_LABEL_MAX' || w.code === 'QT_PROLONGATION');
        if (!capped) expect(p.steps[0]!.dailyDose.amount).toBe(p.prior.dailyDose.amount);
      }),
      { numRuns: 300 },
    );
  });

  it('no step is above the prior dose, the labelled maximum or an applicable label cap', () => {
    fc.assert(
      fc.property(antidepressantArb, ({ drug, formulation, input }) => {
        const p = outcome(input);
        if (!p) return;
        const caps = (ANTIDEPRESSANT_CLASS.labelCaps[drug.id] ?? []).filter((cap) => p.warnings.some((w) => w.code === cap.code));
        const ceiling = caps.reduce((c, cap) => D.min(c, cap.maxDaily.value), new D(formulation.maxDailyDose.value));
        for (const step of p.steps) {
          expect(new D(step.dailyDose.amount).lte(p.prior.dailyDose.amount)).toBe(true);
          expect(new D(step.dailyDose.amount).lte(ceiling)).toBe(true);
        }
        if (p.warnings.some((w) => w.code === 'LABEL_CAP_APPLIED')) expect(new D(p.steps.at(-1)!.dailyDose.amount).lt(p.prior.dailyDose.amount)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('adding a serotonergic co-medication never removes a warning (and never raises a step)', () => {
    fc.assert(
      fc.property(antidepressantArb, fc.constantFrom(...SEROTONERGIC), ({ input }, extra) => {
        const base = outcome(input);
        const more = outcome({ ...input, concurrent: [...input.concurrent, extra] });
        if (!base || !more) return;
        const after = new Set(more.warnings.map((w) => w.code));
        for (const w of base.warnings) expect(after.has(w.code), w.code).toBe(true);
        more.steps.forEach((step, i) => {
          const before = base.steps[i];
          if (before && before.start === step.start) expect(new D(step.dailyDose.amount).lte(before.dailyDose.amount)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a washout refusal always names a concurrent entry and a date after the restart date', () => {
    fc.assert(
      fc.property(
        antidepressantArb,
        fc.constantFrom('phenelzine', 'linezolid', 'moclobemide', 'methylene-blue', 'fluoxetine', 'sertraline'),
        fc.integer({ min: 0, max: 40 }),
        ({ input }, other, stoppedAgo) => {
          if (other === input.drug) return;
          const concurrent = [{ drug: other, stoppedOn: addCalendarDays(input.restartDate, -stoppedAgo) }];
          const result = planRestart({ ...input, concurrent });
          if (result.ok) return;
          expect(result.refusal?.code).toBe('MAOI_WASHOUT');
          expect(result.refusal!.path).toBe('concurrent.0');
          expect(result.refusal!.earliestPlanDate! > input.restartDate).toBe(true);
          // On the earliest plan date the same request gives a plan.
          expect(planRestart({ ...input, restartDate: result.refusal!.earliestPlanDate!, concurrent }).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('amendment A3/A10 properties (gabapentinoids, clozapine, lamotrigine)', () => {
  const gabapentinoids = LABELLED.filter((d) => d.renal);
  it('with a creatinine clearance, no gabapentinoid step exceeds the label band maximum or its doses a day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...gabapentinoids),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 5, max: 130 }),
        (drug, strengthIndex, times, daysOff, crcl) => {
          const formulation = drug.formulations[0]!;
          const strength = formulation.strengths[strengthIndex % formulation.strengths.length]!;
          const p = outcome({
            drug: drug.id, prior: { dose: strength.amount, unit: 'mg', timesPerDay: times }, priorDurationDays: 90,
            lastDoseDate: '2026-10-01', restartDate: addCalendarDays('2026-10-01', daysOff), patient: { creatinineClearanceMlMin: crcl },
          })!;
          const band = [...drug.renal!.bands.value].sort((a, b) => b.fromCrCl - a.fromCrCl).find((b) => crcl >= b.fromCrCl)!;
          for (const step of p.steps) {
            expect(new D(step.dailyDose.amount).lte(band.maxDaily)).toBe(true);
            expect(new D(step.dailyDose.amount).lte(p.prior.dailyDose.amount)).toBe(true);
            expect(step.timesPerDay).toBeLessThanOrEqual(band.maxTimesPerDay);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a lower creatinine clearance never raises any step', () => {
    fc.assert(
      fc.property(fc.constantFrom(...gabapentinoids), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 5, max: 120 }), fc.integer({ min: 1, max: 60 }), (drug, daysOff, crcl, drop) => {
        const base = { drug: drug.id, prior: { dose: drug.formulations[0]!.strengths.at(-1)!.amount, unit: 'mg', timesPerDay: 2 }, priorDurationDays: 90, lastDoseDate: '2026-10-01', restartDate: addCalendarDays('2026-10-01', daysOff) };
        const high = outcome({ ...base, patient: { creatinineClearanceMlMin: crcl } })!;
        const low = outcome({ ...base, patient: { creatinineClearanceMlMin: Math.max(1, crcl - drop) } })!;
        const on = (p: RestartPlan, date: string) => new D([...p.steps].reverse().find((s) => s.start <= date)?.dailyDose.amount ?? 0);
        for (const step of [...high.steps, ...low.steps]) expect(on(low, step.start).lte(on(high, step.start))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('clozapine after stopping smoking never goes above half the prior dose', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 40 }), (units, times, daysOff) => {
        const p = outcome({ drug: 'clozapine', prior: { dose: String(units * 50), unit: 'mg', timesPerDay: times }, priorDurationDays: 90, lastDoseDate: '2026-10-01', restartDate: addCalendarDays('2026-10-01', daysOff), patient: { smokedBeforeBreak: true } })!;
        for (const step of p.steps) expect(new D(step.dailyDose.amount).lte(new D(p.prior.dailyDose.amount).div(2))).toBe(true);
        expect(p.warnings.find((w) => w.code === 'CLOZAPINE_SMOKING_CHANGE')?.severity).toBe('critical');
      }),
      { numRuns: 150 },
    );
  });
});
