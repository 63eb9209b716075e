/**
 * Safety properties of methadone and buprenorphine plans (amendment A7, A1 caps): OUD plans never carry MME;
 * an OUD re-escalation never rises more than 10 mg a step, sooner than 3 days, more than 30 mg in any 7 days, or
 * above the prior dose; the induction limits hold for the first 14 days; hepatic impairment keeps every interval
 * at 7 days or more; the guideline's conditions appear exactly when their missed days do; a CYP3A4 change never
 * raises a first step.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { restartAfter } from './helpers.ts';

const dayBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** OUD methadone requests: a whole-mg dose made of 5 and 10 mg tablets or the 1 mg/mL solution. */
const oudArb = fc
  .record({
    formulation: fc.constantFrom('tablet', 'oral-solution'),
    dose: fc.integer({ min: 1, max: 40 }),
    times: fc.integer({ min: 1, max: 2 }),
    daysOff: fc.integer({ min: 0, max: 30 }),
    hepatic: fc.constantFrom<false | 'mild' | 'moderate' | 'severe'>(false, 'mild', 'moderate', 'severe'),
    age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: undefined }),
    concurrent: fc.subarray(['diazepam', 'sertraline', 'phenelzine', 'gabapentin']),
    cyp: fc.option(fc.integer({ min: -14, max: 0 }), { nil: undefined }),
  })
  .map((g) => {
    const dose = g.formulation === 'tablet' ? g.dose * 5 : g.dose * 3;
    return {
      drug: 'methadone',
      formulation: g.formulation,
      indication: 'oud',
      prior: { dose: String(dose), unit: 'mg', timesPerDay: g.times },
      priorDurationDays: 120,
      lastDoseDate: '2026-11-01',
      restartDate: restartAfter(g.daysOff),
      patient: { ...(g.hepatic ? { hepaticImpairment: g.hepatic } : {}), ...(g.age !== undefined ? { ageYears: g.age } : {}) },
      concurrent: [...g.concurrent, ...(g.cyp !== undefined ? [{ drug: 'clarithromycin', startedOn: restartAfter(g.cyp) }] : [])],
    };
  });

function planOf(request: Record<string, unknown>): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)} ${JSON.stringify(request)}`);
  return result.plan;
}

const RUNS = { numRuns: 300 };

describe('methadone for opioid use disorder: properties', () => {
  it('never carries MME: no prior or step equivalent, no MME checkpoint; OUD_MG_ONLY always', () => {
    fc.assert(
      fc.property(oudArb, (request) => {
        const p = planOf(request);
        expect(p.prior.dailyEquivalent).toBeUndefined();
        expect(p.steps.every((s) => s.dailyEquivalent === undefined)).toBe(true);
        const codes = p.warnings.map((w) => w.code);
        expect(codes).not.toContain('MME_50_CHECKPOINT');
        expect(codes).toContain('OUD_MG_ONLY');
      }),
      RUNS,
    );
  });

  it('re-escalation: each rise ≤ 10 mg, no sooner than 3 days (7 with hepatic impairment), ≤ 30 mg in any 7 days, never above the prior dose', () => {
    fc.assert(
      fc.property(oudArb, (request) => {
        const p = planOf(request);
        const prior = new Decimal(p.prior.dailyDose.amount);
        const hepatic = 'hepaticImpairment' in request.patient;
        for (let i = 0; i < p.steps.length; i++) {
          const step = p.steps[i]!;
          expect(new Decimal(step.dailyDose.amount).lte(prior)).toBe(true);
          if (i === 0) continue;
          const previous = p.steps[i - 1]!;
          const rise = new Decimal(step.dailyDose.amount).sub(previous.dailyDose.amount);
          expect(rise.gt(0)).toBe(true);
          expect(rise.lte(10)).toBe(true);
          expect(dayBetween(previous.start, step.start)).toBeGreaterThanOrEqual(hepatic ? 7 : 3);
          let window = new Decimal(0);
          for (let j = i; j < p.steps.length && dayBetween(step.start, p.steps[j]!.start) < 7; j++) {
            window = window.add(new Decimal(p.steps[j]!.dailyDose.amount).sub(p.steps[j - 1]!.dailyDose.amount));
          }
          expect(window.lte(30)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a new induction (≥ 5 missed days): in the first 14 days each rise ≤ 5 mg and no sooner than 5 days', () => {
    fc.assert(
      fc.property(oudArb.filter((r) => dayBetween('2026-11-01', r.restartDate) >= 6), (request) => {
        const p = planOf(request);
        expect(p.warnings.map((w) => w.code)).toContain('METHADONE_NEW_INDUCTION');
        for (let i = 1; i < p.steps.length; i++) {
          if (dayBetween(p.steps[0]!.start, p.steps[i]!.start) >= 14) continue;
          expect(new Decimal(p.steps[i]!.dailyDose.amount).sub(p.steps[i - 1]!.dailyDose.amount).lte(5)).toBe(true);
          expect(dayBetween(p.steps[i - 1]!.start, p.steps[i]!.start)).toBeGreaterThanOrEqual(5);
        }
      }),
      RUNS,
    );
  });

  it('the guideline conditions appear exactly at their missed days (§3.5)', () => {
    fc.assert(
      fc.property(oudArb, (request) => {
        const p = planOf(request);
        const codes = p.warnings.map((w) => w.code);
        expect(codes.includes('METHADONE_ASSESS_INTOXICATION')).toBe(p.missedDays >= 1);
        expect(codes.includes('METHADONE_PRESCRIBER_DISCUSSION')).toBe(p.missedDays === 3);
        expect(codes.includes('METHADONE_SEE_PRESCRIBER')).toBe(p.missedDays === 4);
        expect(codes.includes('METHADONE_NEW_INDUCTION')).toBe(p.missedDays >= 5);
        expect(codes.includes('METHADONE_HEPATIC')).toBe('hepaticImpairment' in request.patient);
        for (const w of p.warnings.filter((x) => x.code.startsWith('METHADONE_') && x.code !== 'METHADONE_FOLLOW_UP' && x.code !== 'METHADONE_QTC')) {
          expect(w.severity).toBe('critical');
        }
      }),
      RUNS,
    );
  });

  // Started from 14 days before the last dose to the restart date: a change (A1, CRITICAL).
  it('a CYP3A4 inhibitor started in the gap never raises the first step, and is always CRITICAL', () => {
    fc.assert(
      fc.property(oudArb.filter((r) => r.concurrent.some((c) => typeof c === 'object')), (request) => {
        const withCyp = planOf(request);
        const without = planOf({ ...request, concurrent: request.concurrent.filter((c) => typeof c === 'string') });
        expect(new Decimal(withCyp.steps[0]!.dailyDose.amount).lte(without.steps[0]!.dailyDose.amount)).toBe(true);
        expect(withCyp.warnings.find((w) => w.code === 'CYP3A4_INTERACTION')?.severity).toBe('critical');
      }),
      RUNS,
    );
  });
});

describe('buprenorphine: properties', () => {
  const bupArb = fc.record({
    formulation: fc.constantFrom('film', 'sl-tablet'),
    dose: fc.constantFrom('2', '4', '8', '12', '16'),
    daysOff: fc.integer({ min: 0, max: 20 }),
    fullAgonist: fc.option(fc.boolean(), { nil: undefined }),
    cyp: fc.boolean(),
  });

  it('never an MME; never above the prior dose or 24 mg; a CYP3A4 change never raises the first step', () => {
    fc.assert(
      fc.property(bupArb, (g) => {
        const dose = g.formulation === 'sl-tablet' && g.dose === '12' ? '8' : g.formulation === 'sl-tablet' && g.dose === '4' ? '2' : g.dose;
        const base = {
          drug: 'buprenorphine',
          formulation: g.formulation,
          prior: { dose, unit: 'mg', timesPerDay: 1 },
          priorDurationDays: 90,
          lastDoseDate: '2026-11-01',
          restartDate: restartAfter(g.daysOff),
          ...(g.fullAgonist !== undefined ? { fullAgonistUsedDuringBreak: g.fullAgonist } : {}),
        };
        const p = planOf(g.cyp ? { ...base, concurrent: [{ drug: 'clarithromycin', startedOn: '2026-10-30' }] } : base);
        const plain = planOf(base);
        expect(p.prior.dailyEquivalent).toBeUndefined();
        for (const s of p.steps) {
          expect(s.dailyEquivalent).toBeUndefined();
          expect(new Decimal(s.dailyDose.amount).lte(dose)).toBe(true);
          expect(new Decimal(s.dailyDose.amount).lte(24)).toBe(true);
        }
        expect(new Decimal(p.steps[0]!.dailyDose.amount).lte(plain.steps[0]!.dailyDose.amount)).toBe(true);
      }),
      RUNS,
    );
  });
});
