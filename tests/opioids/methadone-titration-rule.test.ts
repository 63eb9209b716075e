/**
 * The methadone and buprenorphine titration rules exported for the pharmacist check (methadone-titration.ts,
 * buprenorphineTitrationRule): each phase's limits and provenance by indication and gap, the phase in force on a
 * day, the rule in words, the window measure, and the scheduler holding a window limit by moving steps later.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { buprenorphineTitrationRule } from '../../src/engine/classes/buprenorphine.ts';
import { describePhase, largestRiseWithin, methadoneTitrationRule, phaseOnDay, scheduleMethadone, type MethadoneTitrationRule } from '../../src/engine/classes/methadone-titration.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import type { RestartRequest } from '../../src/engine/types.ts';
import { checkedDate, mg } from '../../src/engine/units.ts';
import type { OpioidFormulation } from '../../src/protocols/opioids/types.ts';
import { BASE, opioidForm, restartAfter } from './helpers.ts';

function normalised(request: Record<string, unknown>): { request: RestartRequest; formulation: OpioidFormulation } {
  const v = validateRequest(request);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return { request: v.request, formulation: v.formulation as OpioidFormulation };
}
const methadone = (indication: 'pain' | 'oud', daysOff: number, extra: Record<string, unknown> = {}) => {
  const { request, formulation } = normalised({ drug: 'methadone', indication, prior: { dose: '80', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(daysOff), ...extra });
  return methadoneTitrationRule(request, formulation);
};
const ids = (rule: MethadoneTitrationRule, i: number) => rule.phases[i]!.provenance.map((p) => ('source' in p ? p.source : `assumption:${p.assumption}`));

describe('methadoneTitrationRule', () => {
  it('pain: + 25 % per step, every 7 days, from the VA guidance and the 25 % assumption', () => {
    const rule = methadone('pain', 4);
    expect(rule).toMatchObject({ drug: 'methadone', indication: 'pain', ceiling: 'prior-daily-dose', hepatic: false });
    expect(rule.phases).toEqual([expect.objectContaining({ name: 'pain', fromDay: 0, maxRiseFraction: '0.25', minIntervalDays: 7 })]);
    expect(rule.phases[0]!.maxRiseMg).toBeUndefined();
    expect(rule.phases[0]!.window).toBeUndefined();
    expect(ids(rule, 0)).toEqual(['assumption:opioid-titration-25-percent', 'va-methadone-pain-2016']);
  });

  it('OUD after 3 or 4 missed days (and after 0–2): one re-escalation phase, + 10 mg every 3 days, ≤ 30 mg in 7 days', () => {
    for (const daysOff of [1, 3, 4, 5]) {
      const rule = methadone('oud', daysOff);
      expect(rule.phases).toEqual([{ name: 'oud-reescalation', fromDay: 0, maxRiseMg: '10', minIntervalDays: 3, window: { days: 7, maxRiseMg: '30' }, provenance: expect.any(Array) }]);
      expect(ids(rule, 0)).toEqual(Array(4).fill('assumption:methadone-oud-reescalation'));
    }
  });

  it('OUD after 5 or more missed days: induction days 0–13 (+ 5 mg, + 25 %, every 5 days, 30 mg a week), then re-escalation from day 14', () => {
    const rule = methadone('oud', 6);
    expect(rule.phases.map((p) => [p.name, p.fromDay, p.untilDay, p.maxRiseMg, p.maxRiseFraction, p.minIntervalDays, p.window])).toEqual([
      ['oud-induction', 0, 14, '5', '0.25', 5, { days: 7, maxRiseMg: '30' }],
      ['oud-reescalation', 14, undefined, '10', undefined, 3, { days: 7, maxRiseMg: '30' }],
    ]);
    expect(ids(rule, 0)).toEqual(['assumption:opioid-titration-25-percent', 'rcgp-methadone-induction', 'label-methadone', 'rcgp-methadone-induction', 'rcgp-methadone-induction']);
    expect(ids(rule, 1)).toContain('assumption:methadone-oud-induction-after-day-14');
    expect(phaseOnDay(rule, 0).name).toBe('oud-induction');
    expect(phaseOnDay(rule, 13).name).toBe('oud-induction');
    expect(phaseOnDay(rule, 14).name).toBe('oud-reescalation');
  });

  it('hepatic impairment: every interval at least 7 days, with its assumption; pain stays 7', () => {
    const rule = methadone('oud', 6, { patient: { hepaticImpairment: 'mild' } });
    expect(rule.hepatic).toBe(true);
    expect(rule.phases.map((p) => p.minIntervalDays)).toEqual([7, 7]);
    expect(ids(rule, 1)).toContain('assumption:methadone-hepatic-interval-7-days');
    const pain = methadone('pain', 6, { patient: { hepaticImpairment: true } });
    expect(pain.phases[0]!.minIntervalDays).toBe(7);
    expect(ids(pain, 0)).not.toContain('assumption:methadone-hepatic-interval-7-days');
  });

  it('describePhase says the rule in words', () => {
    const rule = methadone('oud', 6);
    expect(describePhase(rule.phases[0]!)).toBe('days 0–13: at most + 25% of the daily dose and at most + 5 mg per step, no sooner than every 5 days, at most 30 mg in any 7 days');
    expect(describePhase(rule.phases[1]!)).toBe('from day 14: at most + 10 mg per step, no sooner than every 3 days, at most 30 mg in any 7 days');
    expect(describePhase(methadone('pain', 4).phases[0]!)).toBe('every step: at most + 25% of the daily dose per step, no sooner than every 7 days');
  });

  it('refuses a request without an indication (programmer error)', () => {
    const { request, formulation } = normalised({ drug: 'methadone', indication: 'oud', prior: { dose: '80', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(2) });
    expect(() => methadoneTitrationRule({ ...request, indication: undefined } as unknown as RestartRequest, formulation)).toThrow(/without an indication/);
  });
});

describe('scheduleMethadone and largestRiseWithin', () => {
  const tablet = opioidForm('methadone', 'tablet');
  const d = (s: string) => mg(new Decimal(s));

  it('a binding window moves steps later until the limit holds', () => {
    const rule: MethadoneTitrationRule = {
      drug: 'methadone',
      indication: 'oud',
      ceiling: 'prior-daily-dose',
      hepatic: false,
      phases: [{ name: 'oud-reescalation', fromDay: 0, maxRiseMg: '10', minIntervalDays: 1, window: { days: 7, maxRiseMg: '15' }, provenance: [] }],
    };
    const steps = scheduleMethadone({ startDate: checkedDate('2026-11-01'), first: [d('10')], firstRule: 'first', target: [d('40')], strengths: tablet.strengths, rule });
    expect(steps.map((s) => [s.start, s.daily.toFixed()])).toEqual([
      ['2026-11-01', '10'],
      ['2026-11-02', '20'],
      ['2026-11-09', '30'],
      ['2026-11-16', '40'],
    ]);
    expect(largestRiseWithin(steps, 7).toFixed()).toBe('10');
    expect(largestRiseWithin(steps, 8).toFixed()).toBe('20');
  });

  it('largestRiseWithin of a single step is 0', () => {
    const rule = { drug: 'methadone', indication: 'oud', ceiling: 'prior-daily-dose', hepatic: false, phases: [] } as MethadoneTitrationRule;
    expect(scheduleMethadone({ startDate: checkedDate('2026-11-01'), first: [d('40')], firstRule: 'first', target: [d('40')], strengths: tablet.strengths, rule })).toEqual([]);
    expect(largestRiseWithin([], 7).toFixed()).toBe('0');
  });
});

describe('buprenorphineTitrationRule', () => {
  const rule = (dose: string, times: number, daysOff: number, extra: Record<string, unknown> = {}) => {
    const { request, formulation } = normalised({ drug: 'buprenorphine', formulation: 'film', prior: { dose, unit: 'mg', timesPerDay: times }, ...BASE, restartDate: restartAfter(daysOff), ...extra });
    return buprenorphineTitrationRule(request, formulation);
  };

  it('short gap, no full agonist: the prior dose, capped at the label 24 mg/day', () => {
    expect(rule('16', 1, 2, { fullAgonistUsedDuringBreak: false })).toEqual({ drug: 'buprenorphine', kind: 'prior-dose', ceilings: [{ day: 0, maxDailyMg: '16' }], beyond: 'prescriber-titrates-to-effect' });
    expect(rule('12', 3, 3, { fullAgonistUsedDuringBreak: false }).ceilings).toEqual([{ day: 0, maxDailyMg: '24' }]);
  });

  it('otherwise the label induction ceilings: day 1 ≤ 8 mg, day 2 ≤ 16 mg, never above the prior dose', () => {
    expect(rule('16', 1, 4, { fullAgonistUsedDuringBreak: false })).toEqual({
      drug: 'buprenorphine',
      kind: 'label-induction',
      ceilings: [
        { day: 0, maxDailyMg: '8' },
        { day: 1, maxDailyMg: '16' },
      ],
      beyond: 'prescriber-titrates-to-effect',
    });
    expect(rule('4', 1, 2).ceilings).toEqual([
      { day: 0, maxDailyMg: '4' },
      { day: 1, maxDailyMg: '4' },
    ]);
  });
});
