/**
 * Methadone restart detail (restart model §3.7; Australian missed-dose rules; RCGP induction limits;
 * APS/CPDD QTc; CDC 2022 follow-up). Pins the derivation figures, each rule's branch and boundaries,
 * and each warning's code, severity, sources and key facts.
 */
import { describe, expect, it } from 'vitest';
import { planMethadone } from '../../src/engine/classes/methadone.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { RestartRequest } from '../../src/engine/types.ts';
import { BASE, codes, dec, plan, restartAfter, warning } from './helpers.ts';

type Plan = ReturnType<typeof plan>;

const meth = (indication: 'oud' | 'pain', dose: string, times: number, daysOff: number, extra: Record<string, unknown> = {}) =>
  plan({ drug: 'methadone', indication, prior: { dose, unit: 'mg', timesPerDay: times }, ...BASE, restartDate: restartAfter(daysOff), ...extra });
const oud = (dose: string, daysOff: number, extra: Record<string, unknown> = {}) => meth('oud', dose, 1, daysOff, extra);
/** Derivation lines without their "N. " numbering. */
const lines = (p: Plan) => p.derivation.map((l) => l.replace(/^\d+\. /, ''));
const text = (p: Plan) => lines(p).join('\n');
const line = (p: Plan, start: string) => {
  const found = lines(p).find((l) => l.startsWith(start));
  if (!found) throw new Error(`no derivation line starting "${start}" in:\n${text(p)}`);
  return found;
};
const dailies = (p: Plan) => p.steps.map((s) => s.dailyDose.amount);
const assumptionIds = (p: Plan) => p.assumptionDetails.map((a) => a.id);
const gapDays = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const INCREASE = 'Methadone increase: review within 3 days (sedation, QTc risk) before the next increase.';
const CROSSES = 'Crosses 50 MME/day: pause and reassess benefits and risks before this step; offer naloxone.';

describe('methadone derivation: the figures used', () => {
  // Amendment A7 (deliberate change): for opioid use disorder no MME is shown (CDC 2022 table caution 7), so the
  // plan carries no equivalent factor, no MME line and no MME-based tolerance line.
  it('OUD 80 mg daily, 1 missed day: prior regimen in mg only (no MME), the gap, tolerance by missed days, the rule', () => {
    const p = oud('80', 2);
    expect(p.drugClass).toBe('opioid');
    expect(p.formulation).toBe('tablet');
    expect(p.prior).toEqual({ dailyDose: { amount: '80', unit: 'mg' }, components: [expect.objectContaining({ path: 'prior', dailyDose: { amount: '80', unit: 'mg' } })] });
    expect(p.prior.components![0]).not.toHaveProperty('dailyEquivalent');
    expect(lines(p)[0]).toBe('Prior regimen: methadone tablet (Dolophine) 80 mg × 1 a day = 80 mg daily, for 60 days; indication: opioid use disorder.');
    expect(text(p)).not.toMatch(/Prior daily MME|= [\d.]+ MME\/day/);
    expect(line(p, 'Opioid use disorder: every dose is in mg')).toContain('[cdc-2022: Table caution 7');
    expect(line(p, 'Last dose')).toBe('Last dose 2026-11-01, restart 2026-11-03: daysOff = 2; missedDays = daysOff − 1 = 1.');
    expect(line(p, 'Tolerance (opioid use disorder)')).toMatch(/^Tolerance \(opioid use disorder\): judged by the missed days, not by an MME threshold; from 3 missed days tolerance may be reduced\. \[au-methadone-2003: §3\.5 Missed doses: "When methadone doses are missed for 3 or more days/);
    expect(line(p, 'Missed-dose rule')).toMatch(/^Missed-dose rule for 1 missed day: .+\. \[au-methadone-2003/);
    expect(line(p, 'First step')).toMatch(/^First step: the usual dose \(1–2 missed days, if not intoxicated\)\. \[au-methadone-2003/);
    expect(line(p, 'Follow up within')).toMatch(/^Follow up within 3 days of the restart and of every increase \(CDC 2022: should be strongly considered\)\. \[cdc-2022/);
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ formulation: 'tablet', dailyDose: { amount: '80', unit: 'mg' }, rule: 'prior dose (1–2 missed days: usual dose)', checkpoint: false });
    expect(p.steps[0]!.dailyEquivalent).toBeUndefined();
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: methadone 80 mg = 80 mg daily (prior dose (1–2 missed days: usual dose)).');
  });

  it('pain 20 mg three times daily: indication pain and the MME line without the OUD caveat', () => {
    const p = meth('pain', '20', 3, 2);
    expect(lines(p)[0]).toBe('Prior regimen: methadone tablet (Dolophine) 20 mg × 3 a day = 60 mg daily, for 60 days; indication: pain.');
    expect(line(p, 'Prior daily MME')).toMatch(/^Prior daily MME = 60 mg\/day × 4\.7 = 282 MME\/day\. \[cdc-2022/);
    expect(p.steps[0]!.administrations).toEqual(['20', '20', '20']);
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: methadone 20 mg + 20 mg + 20 mg = 60 mg daily = 282 MME/day (prior dose (1–2 missed days: usual dose)).');
  });
});

// Amendment A7 (deliberate change): the MME-based tolerance definition is kept for pain only; an OUD plan reports
// no priorTolerant (tolerance is judged by the missed days, §3.5).
describe('methadone for pain: opioid tolerance before the break (≥ 7 days at ≥ 60 MME/day)', () => {
  it('exactly 7 days at 282 MME/day is tolerant; 6 days is not', () => {
    const seven = meth('pain', '20', 3, 7, { priorDurationDays: 7 });
    expect(seven.tolerance.priorTolerant).toBe(true);
    expect(warning(seven, 'METHADONE_REINDUCTION').message).toMatch(/^6 missed days: restart as opioid-naive/);
    expect(line(seven, 'Warning METHADONE_REINDUCTION')).toBe('Warning METHADONE_REINDUCTION: 6 missed days.');
    const six = meth('pain', '20', 3, 7, { priorDurationDays: 6 });
    expect(six.tolerance.priorTolerant).toBe(false);
    expect(line(six, 'Opioid-tolerant')).toMatch(/^Opioid-tolerant before the break: no \(needs ≥ 7 days at ≥ 60 MME\/day; had 6 days at 282 MME\/day\)/);
    expect(warning(six, 'METHADONE_REINDUCTION').message).toMatch(/^6 missed days \(or not established on methadone\): restart as opioid-naive/);
    expect(line(six, 'Warning METHADONE_REINDUCTION')).toBe('Warning METHADONE_REINDUCTION: 6 missed days, not opioid-tolerant before the break.');
  });

  it('60 days at 10 mg (47 MME/day) is not tolerant; 15 mg (70.5 MME/day) is; OUD reports no priorTolerant', () => {
    expect(meth('pain', '10', 1, 2).tolerance.priorTolerant).toBe(false);
    expect(line(meth('pain', '10', 1, 2), 'Opioid-tolerant')).toMatch(/: no \(.*had 60 days at 47 MME\/day/);
    expect(meth('pain', '15', 1, 2).tolerance.priorTolerant).toBe(true);
    expect(oud('15', 2).tolerance.priorTolerant).toBeUndefined();
  });
});

describe('methadone missed-dose rules (Australian guidelines §3.5)', () => {
  it('2 missed days: still the usual dose', () => {
    const p = oud('80', 3);
    expect(p.missedDays).toBe(2);
    expect(dailies(p)).toEqual(['80']);
    expect(p.steps[0]!.rule).toBe('prior dose (1–2 missed days: usual dose)');
    expect(codes(p)).not.toContain('METHADONE_REINDUCTION');
  });

  it('3 missed days: half the dose, with the arithmetic, on the tablets', () => {
    const p = oud('80', 4);
    expect(p.steps[0]).toMatchObject({ formulation: 'tablet', dailyDose: { amount: '40' }, rule: 'half the dose (40 mg), rounded down' });
    expect(line(p, 'First-step ceiling')).toMatch(/^First-step ceiling: half the dose, 80 × 0\.5 = 40 mg daily, after discussion with the prescriber\. \[au-methadone-2003/);
    expect(line(p, 'First step:')).toBe('First step: 40 mg daily, rounded down to real strengths: 40 mg × 1 a day = 40 mg daily.');
    expect(text(p)).not.toMatch(/Restart product/);
    expect(text(p)).not.toMatch(/induction/);
    expect(codes(p)).not.toContain('METHADONE_NEW_INDUCTION');
  });

  it('3 missed days on 5 mg: the tablets cannot make 2.5 mg, so the oral solution gives 2 mg', () => {
    const p = oud('5', 4);
    expect(p.formulation).toBe('tablet');
    expect(p.steps[0]).toMatchObject({ formulation: 'oral-solution', dailyDose: { amount: '2', unit: 'mg' }, rule: 'half the dose (2.5 mg), rounded down' });
    expect(line(p, 'Restart product')).toMatch(/^Restart product: methadone oral solution 5 mg\/5 mL \(1 mg\/mL\), measured to the whole mL, because the tablets cannot make 2\.5 mg or less\./);
    expect(assumptionIds(p)).toContain('opioid-restart-product');
    // A7 re-escalation (+ 10 mg per step) replaces the old +25 % steps: 2 → 5 mg after 3 days.
    expect(dailies(p)).toEqual(['2', '5']);
  });

  it('3 missed days on 1 mg of oral solution: nothing smaller exists, 1 mg is kept; no product change', () => {
    const p = plan({ drug: 'methadone', formulation: 'oral-solution', indication: 'oud', prior: { dose: '1', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(4) });
    expect(p.steps.map((s) => [s.formulation, s.dailyDose.amount])).toEqual([['oral-solution', '1']]);
    expect(text(p)).not.toMatch(/Restart product/);
    expect(assumptionIds(p)).not.toContain('opioid-restart-product');
  });

  it('4 missed days: min(40 mg, half) — 100 mg → 40 mg, 60 mg → 30 mg', () => {
    const p = oud('100', 5);
    expect(p.missedDays).toBe(4);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '40' }, rule: '40 mg or half the dose, whichever is lower (40 mg), rounded down — not valid until the prescriber has seen the patient' });
    expect(line(p, 'First-step ceiling')).toMatch(/^First-step ceiling: min\(40 mg, 100 × 0\.5 = 50 mg\) = 40 mg daily\. The patient must see the prescriber first\. \[au-methadone-2003/);
    expect(codes(p)).not.toContain('METHADONE_NEW_INDUCTION');
    const q = oud('60', 5);
    expect(q.steps[0]).toMatchObject({ dailyDose: { amount: '30' }, rule: '40 mg or half the dose, whichever is lower (30 mg), rounded down — not valid until the prescriber has seen the patient' });
    expect(line(q, 'First-step ceiling')).toMatch(/min\(40 mg, 60 × 0\.5 = 30 mg\) = 30 mg daily/);
    expect(meth('pain', '20', 3, 5).steps[0]!.rule).toBe('40 mg or half the dose, whichever is lower (30 mg), rounded down');
  });

  it('5 missed days (the threshold): a new induction', () => {
    const p = oud('80', 6);
    expect(p.missedDays).toBe(5);
    expect(codes(p)).toContain('METHADONE_NEW_INDUCTION');
    expect(codes(p)).not.toContain('METHADONE_REINDUCTION');
    expect(p.steps[0]!.dailyDose.amount).toBe('30');
  });
});

// Amendment A7 (deliberate change): the OUD re-induction warning is METHADONE_NEW_INDUCTION; the induction limits
// hold for the first 14 days, then + 10 mg no sooner than every 3 days (the old + 5 mg / 5 days took 80+ days).
describe('methadone re-induction for opioid use disorder', () => {
  it('80 mg after 6 missed days: 30 mg first day, +5 mg every 5 days to day 13, then +10 mg every 3 days; the window line and the warning', () => {
    const p = oud('80', 7);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '30' }, rule: 'new induction: first-day limit 30 mg', checkpoint: false });
    expect(line(p, 'First-step ceiling')).toMatch(
      /^First-step ceiling: 6 missed days \(5 or more\): a new induction; first day at most 30 mg, and never above what a 4-day gap allows \(40 mg\)\. \[au-methadone-2003/,
    );
    expect(assumptionIds(p)).not.toContain('methadone-high-risk');
    expect(dailies(p)).toEqual(['30', '35', '40', '50', '60', '70', '80']);
    expect(p.steps.map((s) => gapDays(p.steps[0]!.start, s.start))).toEqual([0, 5, 10, 14, 17, 20, 23]);
    for (let i = 1; i < p.steps.length; i++) expect(p.steps[i]!.checkpointReason).toBe(INCREASE);
    expect(line(p, 'Largest rise within any 7 days')).toBe('Largest rise within any 7 days of the schedule: 30 mg, within the 30 mg limit.');
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-11-13: methadone 35 mg = 35 mg daily (induction: at most + 5 mg a day per step, no sooner than every 5 days, at most 30 mg in any 7 days, rounded down to real strengths).');
    expect(p.steps[3]!.rule).toMatch(/^re-escalation: at most \+ 10 mg a day per step, no sooner than every 3 days, at most 30 mg in any 7 days/);
    const w = warning(p, 'METHADONE_NEW_INDUCTION');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['au-methadone-2003', 'rcgp-methadone-induction', 'label-methadone']);
    expect(w.message).toContain('First day at most 30 mg; for the first 14 days increase by at most 5 mg no sooner than every 5 days, at most 30 mg a week.');
    expect(w.message).toContain('steady state takes at least 3 to 5 days on a dose, and the label reports deaths during initiation of methadone treatment of addiction.');
    expect(line(p, 'Warning METHADONE_NEW_INDUCTION')).toMatch(/^Warning METHADONE_NEW_INDUCTION: 6 missed days \(≥ 5\)\./);
    expect(assumptionIds(p)).toEqual(expect.arrayContaining(['methadone-oud-reescalation', 'methadone-oud-induction-after-day-14']));
  });

  it('the OUD titration lines: induction (+25 % and +5 mg, every 5 days) then re-escalation, with their sources', () => {
    const p = oud('80', 7);
    const t = line(p, 'Titration ceiling (opioid use disorder, induction)');
    expect(t).toMatch(/^Titration ceiling \(opioid use disorder, induction\): days 0–13: at most \+ 25% of the daily dose and at most \+ 5 mg per step, no sooner than every 5 days, at most 30 mg in any 7 days/);
    expect(t).toContain('[engine assumption: opioid-titration-25-percent]');
    expect(t).toContain('[rcgp-methadone-induction: Increase by 5–10 mg (5 taken)]');
    expect(t).toContain('[label-methadone: 2 Dosage: steady state is "not attained until at least 3 to 5 days on a dose"; OUD increases no sooner than every 3–5 days (restart model §3.7; 5 taken)]');
    expect(line(p, 'Titration ceiling (opioid use disorder, re-escalation)')).toMatch(/^Titration ceiling \(opioid use disorder, re-escalation\): from day 14: at most \+ 10 mg per step, no sooner than every 3 days, at most 30 mg in any 7 days/);
  });

  it('20 mg after 6 missed days: 4-day ceiling 10 mg; no MME on any step, no MME checkpoint', () => {
    const p = oud('20', 7);
    expect(dailies(p)).toEqual(['10', '15', '20']);
    expect(p.steps[0]!.rule).toBe('new induction: first-day limit 30 mg, lowered to what a 4-day gap allows (10 mg)');
    expect(p.steps.every((s) => s.dailyEquivalent === undefined)).toBe(true);
    expect(p.steps[1]!.checkpointReason).toBe(INCREASE);
    expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
    expect(warning(p, 'NALOXONE').message).not.toMatch(/MME\/day/);
    expect(assumptionIds(p)).toContain('smallest-practical-rise');
  });

  it('5 mg twice daily after 6 missed days: the 4-day ceiling (5 mg) as made on the tablets, 5 mg once, not 2 + 2 mg of solution', () => {
    const p = meth('oud', '5', 2, 7);
    expect(p.steps.map((s) => [s.formulation, s.administrations])).toEqual([
      ['tablet', ['5']],
      ['tablet', ['5', '5']],
    ]);
    expect(line(p, 'First step:')).toBe('First step: 5 mg daily, rounded down to real strengths: 5 mg × 1 a day = 5 mg daily.');
  });

  it('a benzodiazepine: 20 mg first-day limit, named in the derivation, with the high-risk assumption', () => {
    const p = oud('80', 7, { concurrent: ['diazepam'] });
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '20' }, rule: 'new induction: first-day limit 20 mg (sedatives or higher risk)' });
    expect(line(p, 'First-step ceiling')).toMatch(/first day at most 20 mg because of concurrent CNS depressant \(diazePAM\); a benzodiazepine, and never above what a 4-day gap allows \(40 mg\)\./);
    expect(assumptionIds(p)).toContain('methadone-high-risk');
    expect(warning(p, 'METHADONE_NEW_INDUCTION').message).toContain('First day at most 20 mg (lower limit: concurrent CNS depressant (diazePAM); a benzodiazepine);');
  });

  it('age 70 alone, and overdose history alone, each lower the first day to 20 mg', () => {
    const old = oud('80', 7, { patient: { ageYears: 70 } });
    expect(old.steps[0]!.dailyDose.amount).toBe('20');
    expect(line(old, 'First-step ceiling')).toMatch(/first day at most 20 mg because of age 70, and never above/);
    const od = oud('80', 7, { patient: { overdoseHistory: true } });
    expect(od.steps[0]!.dailyDose.amount).toBe('20');
    expect(line(od, 'First-step ceiling')).toMatch(/first day at most 20 mg because of overdose history, and never above/);
    expect(warning(od, 'METHADONE_NEW_INDUCTION').message).toContain('First day at most 20 mg (lower limit: overdose history);');
  });

  it('every reason listed together, in order', () => {
    const p = oud('10', 9, { patient: { ageYears: 70, overdoseHistory: true }, concurrent: ['diazepam'] });
    expect(line(p, 'First-step ceiling')).toContain('because of age 70; concurrent CNS depressant (diazePAM); a benzodiazepine; overdose history, and never above what a 4-day gap allows (5 mg)');
    expect(dailies(p)).toEqual(['5', '10']);
  });
});

describe('methadone re-induction for pain', () => {
  const pain = () => meth('pain', '10', 3, 14);

  it('10 mg three times daily after 13 missed days: opioid-naive start on the oral solution, never above the 4-day ceiling', () => {
    const p = pain();
    expect(line(p, 'Restart product')).toMatch(/^Restart product: methadone oral solution .*, because the tablets cannot make the opioid-naive start\./);
    expect(assumptionIds(p)).toContain('opioid-restart-product');
    expect(p.steps[0]).toMatchObject({ formulation: 'oral-solution', administrations: ['2', '2'], dailyDose: { amount: '4', unit: 'mg' }, rule: 'new start for pain: opioid-naive start' });
    expect(line(p, 'First-step ceiling')).toMatch(
      /^First-step ceiling: 13 missed days \(5 or more\): a new induction; methadone for pain restarts at the opioid-naive start, never above what a 4-day gap allows \(15 mg\)\. \[au-methadone-2003/,
    );
    expect(line(p, 'First step:')).toBe('First step: 2 mg × 2 a day = 4 mg daily (the opioid-naive start, never above what a 4-day gap allows, 15 mg).');
    expect(text(p)).not.toMatch(/First 14 days of the induction/);
  });

  it('pain titration: +25 % every 7 days up to the prior 30 mg/day, through the 50 MME checkpoint', () => {
    const p = pain();
    expect(dailies(p)).toEqual(['4', '5', '6', '7', '8', '10', '12', '15', '18', '22', '27', '30']);
    for (let i = 1; i < p.steps.length; i++) expect(gapDays(p.steps[i - 1]!.start, p.steps[i]!.start)).toBe(7);
    expect(p.steps.map((s) => s.checkpointReason ?? null)).toEqual([null, INCREASE, INCREASE, INCREASE, INCREASE, INCREASE, CROSSES, INCREASE, INCREASE, INCREASE, INCREASE, INCREASE]);
    expect(p.steps.every((s) => s.dailyEquivalent!.unit === 'MME')).toBe(true);
    expect(line(p, 'Step 7 from')).toBe(
      'Step 7 from 2026-12-27: methadone 4 mg + 4 mg + 4 mg = 12 mg daily = 56.4 MME/day (rise of at most 25% of the daily dose, rounded down to real strengths).',
    );
    expect(line(p, 'Titration ceiling')).toMatch(/^Titration ceiling \(pain\): every step: at most \+ 25% of the daily dose per step, no sooner than every 7 days, or the smallest rise the strengths can make; up to the prior dose\. \[engine assumption: opioid-titration-25-percent\] \[va-methadone-pain-2016/);
    expect(warning(p, 'MME_50_CHECKPOINT').severity).toBe('warning');
    expect(warning(p, 'NALOXONE').message).toContain('a dose of ≥ 50 MME/day');
    expect(assumptionIds(p)).not.toContain('smallest-practical-rise');
  });

  it('the pain re-induction warning: opioid-naive label start, 7-day interval, its sources', () => {
    const w = warning(pain(), 'METHADONE_REINDUCTION');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['au-methadone-2003', 'label-methadone', 'va-methadone-pain-2016', 'cdc-2022']);
    expect(w.message).toMatch(/^13 missed days: restart as opioid-naive \(2\.5 mg every 8 to 12 hours by the label; the plan takes the lower daily dose\) and increase no sooner than every 7 days\./);
    const low = meth('pain', '10', 1, 14);
    expect(warning(low, 'METHADONE_REINDUCTION').message).toMatch(/^13 missed days \(or not established on methadone\): restart as opioid-naive/);
  });

  it('a low pain dose that never reaches 50 MME/day has no MME checkpoint and no high-dose naloxone reason', () => {
    const p = meth('pain', '5', 1, 14);
    expect(dailies(p)).toEqual(['2', '3', '4', '5']);
    expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
    expect(warning(p, 'NALOXONE').message).not.toContain('MME/day');
    expect(assumptionIds(p)).toContain('smallest-practical-rise');
  });

  it('on the oral solution already: no product change; the naive start is cut to what a 4-day gap allows (2 mg → 1 mg)', () => {
    const p = plan({ drug: 'methadone', formulation: 'oral-solution', indication: 'pain', prior: { dose: '2', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(10) });
    expect(text(p)).not.toMatch(/Restart product/);
    expect(dailies(p)).toEqual(['1', '2']);
    expect(line(p, 'First step:')).toBe('First step: 1 mg × 1 a day = 1 mg daily (the opioid-naive start, never above what a 4-day gap allows, 1 mg).');
  });
});

// Derivation re-read against the sources (issue 11): the messages say what APS/CPDD 2014 and the label say
// (recommend against > 500 ms; consider alternatives 450–499 ms; ECG before starting with risk factors; the label's
// monitoring of cardiac rhythm), no repeat-ECG schedule (not retrieved) and no specialist referral (not a stored source).
describe('METHADONE_QTC: severity by baseline QTc (APS/CPDD 2014, label)', () => {
  const qtc = (qtcMs?: number) => oud('80', 2, qtcMs === undefined ? {} : { qtcMs });

  it('not given: warning, the ECG advice and both thresholds', () => {
    const p = qtc();
    const w = warning(p, 'METHADONE_QTC');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['aps-cpdd-methadone-2014', 'label-methadone']);
    expect(w.message).toContain('an ECG before starting methadone in patients with QTc risk factors, a prior QTc > 450 ms or a history suggesting arrhythmia');
    expect(w.message).toContain('it recommends against methadone if QTc > 500 ms and suggests considering alternatives at 450–500 ms.');
    expect(w.message).toContain('monitor cardiac rhythm closely during the restart and titration');
    expect(w.message).not.toMatch(/repeat the ECG|specialist/);
    expect(line(p, 'Warning METHADONE_QTC')).toMatch(/^Warning METHADONE_QTC \(warning\): QTc not given\. \[aps-cpdd-methadone-2014: Recommendation: recommend against methadone if baseline QTc > 500 ms\]/);
  });

  it.each([
    [449, 'info', 'QTc 449 ms is below 450 ms.'],
    [450, 'warning', 'QTc 450 ms is in the 450–500 ms caution range: consider an alternative opioid; if methadone is used, correct reversible causes first.'],
    [500, 'warning', 'QTc 500 ms is in the 450–500 ms caution range'],
    [501, 'critical', 'QTc 501 ms is above 500 ms: the guideline recommends against methadone.'],
  ])('QTc %i ms → %s', (ms, severity, phrase) => {
    const p = qtc(ms);
    const w = warning(p, 'METHADONE_QTC');
    expect(w.severity).toBe(severity);
    expect(w.message).toContain(phrase);
    expect(w.sources).toEqual(['aps-cpdd-methadone-2014', 'label-methadone']);
    expect(line(p, 'Warning METHADONE_QTC')).toMatch(new RegExp(`^Warning METHADONE_QTC \\(${severity}\\): QTc ${ms} ms\\.`));
  });
});

describe('METHADONE_FOLLOW_UP (CDC 2022: within 3 days)', () => {
  it('always present as a warning citing CDC 2022', () => {
    const w = warning(oud('80', 2), 'METHADONE_FOLLOW_UP');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['cdc-2022']);
    expect(w.message).toMatch(/^Follow up within 3 days of restarting and of every increase \(CDC 2022: strongly consider it, given methadone's variable half-life and accumulation during initiation and upward titration\)\.$/);
  });
});

describe('planMethadone called directly', () => {
  it('refuses a request without an indication (validation must have asked for it)', () => {
    const drug = OPIOIDS.find((d) => d.id === 'methadone')!;
    const request = {
      drug: 'methadone',
      formulation: 'tablet',
      prior: { dose: { amount: dec('60'), unit: 'mg' }, timesPerDay: 1, daysPerWeek: 7 },
      priorDurationDays: 60,
      lastDoseDate: '2026-11-01',
      restartDate: '2026-11-03',
      patient: { hepaticImpairment: false, renalImpairment: false, respiratoryDisease: false, sleepApnea: false, overdoseHistory: false, substanceUseDisorder: false, alcoholUse: false },
      concurrent: [],
    } as unknown as RestartRequest;
    expect(() => planMethadone(request, drug, drug.formulations[0]!)).toThrow(/methadone without an indication/);
  });
});
