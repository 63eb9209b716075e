/**
 * Buprenorphine restart detail (restart model §3.8): only what the sources support — the prior dose after a
 * short gap with no full agonist used, otherwise the label's day-1 and day-2 induction ceilings (Suboxone label
 * §2.3), the waits before the first dose (CDC 2022), no MME (CDC 2022 caution 6; Walsh 1994).
 */
import { describe, expect, it } from 'vitest';
import { BASE, codes, plan, restartAfter, warning } from './helpers.ts';

type Plan = ReturnType<typeof plan>;

const bup = (formulation: string, dose: string, times: number, daysOff: number, extra: Record<string, unknown> = {}) =>
  plan({ drug: 'buprenorphine', formulation, prior: { dose, unit: 'mg', timesPerDay: times }, ...BASE, restartDate: restartAfter(daysOff), ...extra });
/** Derivation lines without their "N. " numbering. */
const lines = (p: Plan) => p.derivation.map((l) => l.replace(/^\d+\. /, ''));
const text = (p: Plan) => lines(p).join('\n');
const line = (p: Plan, start: string) => {
  const found = lines(p).find((l) => l.startsWith(start));
  if (!found) throw new Error(`no derivation line starting "${start}" in:\n${text(p)}`);
  return found;
};
const DAY1_RULE = 'label induction, day 1: first dose 2–4 mg once withdrawal is objective, then 2–4 mg steps, at most 8 mg on day 1';

describe('buprenorphine restart at the prior dose (short gap, no full agonist)', () => {
  it('film 16 mg daily, 1 missed day: the prior dose; derivation states the figures and why there is no MME', () => {
    const p = bup('film', '16', 1, 2, { fullAgonistUsedDuringBreak: false });
    expect(p.drugClass).toBe('opioid');
    expect(p.formulation).toBe('film');
    expect(p.tolerance).toEqual({ retainedFraction: '1', status: 'not-applicable' });
    expect(p.prior).toEqual({ dailyDose: { amount: '16', unit: 'mg' }, components: [expect.objectContaining({ path: 'prior', dailyDose: { amount: '16', unit: 'mg' } })] });
    expect(p.prior.components![0]).not.toHaveProperty('dailyEquivalent');
    expect(lines(p)[0]).toBe('Prior regimen: buprenorphine sublingual film (Suboxone) 16 mg × 1 a day = 16 mg daily, for 60 days.');
    const noMme = line(p, 'No MME is calculated');
    expect(noMme).toContain('partial agonist with a ceiling effect on respiratory depression, and CDC 2022 excludes it from the MME table (caution 6).');
    expect(noMme).toContain('[cdc-2022: Table, caution 6: buprenorphine products are not included (partial µ-agonist, ceiling effects)]');
    expect(noMme).toContain('[walsh-1994: Abstract: plateau in subjective effects and respiratory depression at sublingual doses 1–32 mg]');
    expect(line(p, 'Last dose')).toBe('Last dose 2026-11-01, restart 2026-11-03: daysOff = 2; missedDays = daysOff − 1 = 1.');
    expect(line(p, 'Restart rule')).toMatch(
      /^Restart rule: the prior dose only after at most 2 missed days with no full-agonist opioid used during the break\. Here: 1 missed day; full agonist during the break: no\. The prior dose may be restarted\./,
    );
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ start: '2026-11-03', dailyDose: { amount: '16', unit: 'mg' }, rule: 'prior dose (short gap, no full agonist used during the break)' });
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: buprenorphine 16 mg = 16 mg daily (prior dose (short gap, no full agonist used during the break)).');
    expect(codes(p)).toEqual(['NALOXONE', 'BUPRENORPHINE_CEILING']);
    expect(text(p)).not.toMatch(/Re-induction ceilings|Timing of the first dose/);
  });

  it('2 missed days (the boundary) still restarts the prior dose; 3 missed days needs re-induction', () => {
    const two = bup('film', '16', 1, 3, { fullAgonistUsedDuringBreak: false });
    expect(two.missedDays).toBe(2);
    expect(two.steps.map((s) => s.dailyDose.amount)).toEqual(['16']);
    expect(codes(two)).not.toContain('BUPRENORPHINE_REINDUCTION');
    const three = bup('film', '16', 1, 4, { fullAgonistUsedDuringBreak: false });
    expect(three.missedDays).toBe(3);
    expect(three.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
    expect(line(three, 'Restart rule')).toMatch(/Here: 3 missed days; full agonist during the break: no\. Re-induction is needed\./);
    expect(warning(three, 'BUPRENORPHINE_REINDUCTION').message).toMatch(/^Re-induction is needed because 3 missed days is longer than 2\./);
  });

  it('a prior dose above the label maximum (12 mg × 3 = 36 mg) is capped at 24 mg/day', () => {
    const p = bup('film', '12', 3, 2, { fullAgonistUsedDuringBreak: false });
    expect(p.prior.dailyDose.amount).toBe('36');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ administrations: ['8', '8', '8'], dailyDose: { amount: '24' }, rule: 'prior dose capped at the label maximum of 24 mg/day' });
    expect(line(p, 'The prior 36 mg/day')).toMatch(/^The prior 36 mg\/day is above the label maximum; the restart is capped: 8 mg × 3 a day = 24 mg daily\. \[label-suboxone: 2\.4 Maintenance/);
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: buprenorphine 8 mg + 8 mg + 8 mg = 24 mg daily (prior dose capped at the label maximum of 24 mg/day).');
  });

  it('exactly the label maximum (8 mg × 3 = 24 mg) is not capped', () => {
    const p = bup('sl-tablet', '8', 3, 2, { fullAgonistUsedDuringBreak: false });
    expect(p.steps[0]).toMatchObject({ administrations: ['8', '8', '8'], rule: 'prior dose (short gap, no full agonist used during the break)' });
    expect(text(p)).not.toMatch(/above the label maximum/);
  });
});

describe('buprenorphine re-induction: the label ceilings only', () => {
  it('full agonist used: day 1 4 + 4 mg, day 2 16 mg, each rule and the derivation', () => {
    const p = bup('film', '16', 1, 2, { fullAgonistUsedDuringBreak: true });
    expect(p.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
    expect(line(p, 'Restart rule')).toMatch(/Here: 1 missed day; full agonist during the break: yes\. Re-induction is needed\./);
    expect(p.steps.map((s) => [s.start, s.administrations, s.dailyDose.amount])).toEqual([
      ['2026-11-03', ['4', '4'], '8'],
      ['2026-11-04', ['16'], '16'],
    ]);
    expect(p.steps[0]!.rule).toBe(DAY1_RULE);
    expect(p.steps[1]!.rule).toBe('label induction, day 2: a single daily dose of at most 16 mg (label ≤ 16 mg)');
    expect(line(p, 'Re-induction ceilings')).toMatch(
      /^Re-induction ceilings from the label: first dose 2–4 mg; at most 8 mg on day 1; at most 16 mg on day 2; never above the prior 16 mg\/day\. Day 1: 4 mg × 2 a day = 8 mg daily; day 2: 16 mg\. Beyond day 2 no schedule is given: the prescriber titrates to effect \(usual maintenance 8–16 mg\/day\)\./,
    );
    expect(line(p, 'Timing of the first dose')).toMatch(
      /^Timing of the first dose: only once withdrawal is objective — at least 8–12 hours after a short-acting full agonist, 12–24 hours after an extended-release one, longer after methadone; or low-dose initiation/,
    );
    expect(line(p, 'Step 1 from')).toBe(`Step 1 from 2026-11-03: buprenorphine 4 mg + 4 mg = 8 mg daily (${DAY1_RULE}).`);
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-11-04: buprenorphine 16 mg = 16 mg daily (label induction, day 2: a single daily dose of at most 16 mg (label ≤ 16 mg)).');
    const w = warning(p, 'BUPRENORPHINE_REINDUCTION');
    expect(w.severity).toBe('critical');
    // Re-read against the sources (issue 11): TIP 63 was never read (its text was not retrieved), so it is not cited;
    // the referral sentence says what CDC 2022 says (PCSS training and mentors), not "must be done by an expert".
    expect(w.sources).toEqual(['cdc-2022', 'label-suboxone']);
    expect(w.message).toMatch(/^Re-induction is needed because a full-agonist opioid was used during the break\./);
    expect(w.message).toContain('CDC 2022: mild to moderate withdrawal');
    expect(w.message).toContain("Clinicians unfamiliar with buprenorphine initiation can get training and mentors from SAMHSA's Providers Clinical Support System (CDC 2022).");
    expect(w.message).toContain('at least 8–12 h after short-acting opioids, 12–24 h after extended-release ones');
    expect(codes(p)).toEqual(['BUPRENORPHINE_REINDUCTION', 'NALOXONE', 'BUPRENORPHINE_CEILING']);
  });

  it('question not answered: taken as possibly used', () => {
    const p = bup('film', '16', 1, 2);
    expect(line(p, 'Restart rule')).toMatch(/full agonist during the break: not answered \(taken as possibly used\)\. Re-induction is needed\./);
    expect(warning(p, 'BUPRENORPHINE_REINDUCTION').message).toMatch(/^Re-induction is needed because it is not known whether a full-agonist opioid was used during the break\./);
  });

  it('sublingual tablets (2 and 8 mg): day 1 in 2–4 mg doses up to 8 mg', () => {
    const p = bup('sl-tablet', '8', 2, 4, { fullAgonistUsedDuringBreak: false });
    expect(p.steps.map((s) => s.dailyDose.amount)).toEqual(['8', '16']);
    expect(p.steps[0]!.administrations.every((a) => Number(a) >= 2 && Number(a) <= 4)).toBe(true);
  });

  it('a prior dose of 4 mg: day 1 only 4 mg, and no day-2 step above it', () => {
    const p = bup('film', '4', 1, 8, { fullAgonistUsedDuringBreak: false });
    expect(p.steps.map((s) => [s.administrations, s.dailyDose.amount])).toEqual([[['4'], '4']]);
    expect(p.steps[0]!.rule).toBe('label induction, day 1: first dose 2–4 mg once withdrawal is objective, then 2–4 mg steps, at most 4 mg on day 1');
    expect(line(p, 'Re-induction ceilings')).toMatch(/never above the prior 4 mg\/day\. Day 1: 4 mg × 1 a day = 4 mg daily\. Beyond day 2 no schedule is given/);
  });

  it('a prior dose of 12 mg: day 1 8 mg, day 2 12 mg', () => {
    const p = bup('film', '12', 1, 8, { fullAgonistUsedDuringBreak: false });
    expect(p.steps.map((s) => s.dailyDose.amount)).toEqual(['8', '12']);
    expect(p.steps[1]!.rule).toBe('label induction, day 2: a single daily dose of at most 12 mg (label ≤ 16 mg)');
  });
});

describe('buprenorphine warnings common to every plan', () => {
  it('BUPRENORPHINE_CEILING: info, the ceiling can be overcome with other depressants', () => {
    const w = warning(bup('film', '16', 1, 2, { fullAgonistUsedDuringBreak: false }), 'BUPRENORPHINE_CEILING');
    expect(w.severity).toBe('info');
    expect(w.sources).toEqual(['walsh-1994', 'cdc-2022']);
    expect(w.message).toMatch(/ceiling effect on respiratory depression/);
    expect(w.message).toMatch(/benzodiazepines, alcohol or other CNS depressants/);
  });

  it('what the plan can and cannot do is stated', () => {
    const l = line(bup('film', '16', 1, 2, { fullAgonistUsedDuringBreak: false }), 'What this plan can do for buprenorphine');
    expect(l).toContain('What it cannot do: give a missed-dose rule beyond that (no source gives one), a titration schedule after day 2');
    expect(l).toContain('[engine assumption: buprenorphine-short-gap-2-days]');
  });

  it('never an MME checkpoint or tolerance-loss warning, even with a benzodiazepine', () => {
    const p = bup('film', '16', 1, 10, { concurrent: ['diazepam'] });
    expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
    expect(codes(p)).not.toContain('OPIOID_TOLERANCE_LOST');
    expect(p.steps.every((s) => s.dailyEquivalent === undefined && !s.checkpoint)).toBe(true);
  });
});
