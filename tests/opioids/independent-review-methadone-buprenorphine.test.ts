/**
 * Independent review vignettes for methadone (pain and opioid use disorder) and buprenorphine, written from the
 * clinical model (restart-model §3.3–3.9, amendments A1, A3, A4, A6, A7) before reading the implementation.
 * Each vignette names the source text that decides it. Requests are in the public JSON form (`planRestart`).
 * Day counting: `missedDays` = `daysOff` − 1, so a restart after N missed days is N + 1 calendar days after the
 * last dose.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

const LAST = '2026-11-01';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Restart date after `missed` missed days (daysOff = missed + 1). */
const afterMissed = (missed: number) => addDays(LAST, missed + 1);

function request(over: Record<string, unknown>): Record<string, unknown> {
  return { priorDurationDays: 180, lastDoseDate: LAST, ...over };
}

function methadoneOud(priorMg: number, missed: number, over: Record<string, unknown> = {}) {
  return request({
    drug: 'methadone', formulation: 'oral-solution', indication: 'oud',
    prior: { dose: String(priorMg), unit: 'mg', timesPerDay: 1 },
    restartDate: afterMissed(missed), patient: { ageYears: 38, substanceUseDisorder: true }, ...over,
  });
}

function plan(req: Record<string, unknown>): RestartPlan {
  const result = planRestart(req);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)} ${JSON.stringify(result.refusal?.code)}`);
  return result.plan;
}

const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);
function warning(p: RestartPlan, code: string) {
  const w = p.warnings.find((x) => x.code === code);
  if (!w) throw new Error(`no ${code}; have ${codes(p).join(', ')}`);
  return w;
}
const daily = (p: RestartPlan, i: number) => Number(p.steps[i]!.dailyDose.amount);
const dailies = (p: RestartPlan) => p.steps.map((s) => Number(s.dailyDose.amount));
const offsets = (p: RestartPlan) => p.steps.map((s) => daysBetween(p.steps[0]!.start, s.start));

/** No MME anywhere a dose is shown (A7 row 1, CDC 2022 table caution 7). */
function expectMgOnly(p: RestartPlan) {
  expect(p.prior.dailyEquivalent).toBeUndefined();
  for (const s of p.steps) expect(s.dailyEquivalent).toBeUndefined();
  expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
  expect(p.steps.some((s) => s.checkpoint && /MME/.test(s.checkpointReason ?? ''))).toBe(false);
}

/** ISMP: no trailing zeros, a leading zero, mcg not µg, no QD; methadone and buprenorphine have no Tall Man form. */
function expectIsmpText(p: RestartPlan) {
  const texts = [
    ...p.derivation, ...p.warnings.map((w) => w.message),
    ...p.steps.flatMap((s) => [s.rule, s.dose.amount, s.dailyDose.amount, s.dailyEquivalent?.amount ?? '', ...s.administrations, ...s.makeUp]),
  ];
  for (const t of texts) {
    expect(t, t).not.toMatch(/\d\.\d*0(?![\d.])\s*(mg|mcg|MME|mL)/);
    expect(t, t).not.toMatch(/(^|[^\d.])\.\d/);
    expect(t, t).not.toMatch(/µg/);
    expect(t, t).not.toMatch(/\bQD\b/);
  }
  expect(p.displayName).not.toMatch(/METHADONE|BUPRENORPHINE|methaDONE/);
}

/** Re-escalation rule of A7: +10 mg at most, no sooner than every 3 days, ≤ 30 mg in any 7 days, up to the prior. */
function expectA7Escalation(p: RestartPlan, priorMg: number) {
  const d = dailies(p);
  const o = offsets(p);
  for (let i = 1; i < d.length; i++) {
    expect(d[i]! - d[i - 1]!).toBeLessThanOrEqual(10);
    expect(d[i]!).toBeGreaterThanOrEqual(d[i - 1]!);
    expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(3);
  }
  for (let i = 0; i < d.length; i++) {
    // rise over any 7-day window [o_i, o_i + 6] is at most 30 mg
    const before = d[i - 1] ?? d[0]!;
    const inWindow = d.filter((_, j) => o[j]! >= o[i]! && o[j]! <= o[i]! + 6);
    if (i > 0) expect(Math.max(...inWindow) - before).toBeLessThanOrEqual(30);
  }
  expect(d.at(-1)).toBe(priorMg);
  expect(Math.max(...d)).toBeLessThanOrEqual(priorMg);
}

describe('methadone for opioid use disorder: missed-dose rules (AU-METH-2003 §3.5 via A7; restart-model §3.3/§3.7)', () => {
  it('V1 0 missed days (daysOff 1): prior 100 mg resumes; mg only (A7 row 1)', () => {
    const p = plan(methadoneOud(100, 0));
    expect(p.daysOff).toBe(1);
    expect(p.missedDays).toBe(0);
    expect(daily(p, 0)).toBe(100);
    expect(p.steps).toHaveLength(1);
    expectMgOnly(p);
    expect(warning(p, 'OUD_MG_ONLY').severity).toBe('info');
    expectIsmpText(p);
  });

  it('V2 1 missed day (daysOff 2): "no change"; assess for intoxication (A7 row 2, CRITICAL)', () => {
    const p = plan(methadoneOud(100, 1));
    expect(p.daysOff).toBe(2);
    expect(p.missedDays).toBe(1);
    expect(daily(p, 0)).toBe(100);
    expect(p.tolerance.status).toBe('retained');
    expect(warning(p, 'METHADONE_ASSESS_INTOXICATION').severity).toBe('critical');
    expectMgOnly(p);
    expect(p.derivation.join('\n')).not.toMatch(/\b1 missed days/);
  });

  it('V3 2 missed days: "If no evidence of intoxication administer normal dose" (A7 row 2)', () => {
    const p = plan(methadoneOud(100, 2));
    expect(p.missedDays).toBe(2);
    expect(daily(p, 0)).toBe(100);
    expect(warning(p, 'METHADONE_ASSESS_INTOXICATION').severity).toBe('critical');
    expect(codes(p)).not.toContain('METHADONE_NEW_INDUCTION');
    expectMgOnly(p);
  });

  it('V4 3 missed days: half dose in discussion with the prescriber, then +10 mg / 3 days (A7 rows 3 and 6)', () => {
    const p = plan(methadoneOud(100, 3));
    expect(p.daysOff).toBe(4);
    expect(p.missedDays).toBe(3);
    expect(daily(p, 0)).toBe(50);
    expect(p.tolerance.status).toBe('reduced');
    expect(warning(p, 'METHADONE_PRESCRIBER_DISCUSSION').severity).toBe('critical');
    expect(warning(p, 'METHADONE_ASSESS_INTOXICATION').severity).toBe('critical');
    expect(codes(p)).toContain('NALOXONE'); // restart-model §3.9: r < 1
    expectA7Escalation(p, 100);
    expect(dailies(p)).toEqual([50, 60, 70, 80, 90, 100]);
    expect(offsets(p)).toEqual([0, 3, 6, 9, 12, 15]);
    expectMgOnly(p);
    expectIsmpText(p);
  });

  it('V5 4 missed days, prior 100 mg (above 80): 40 mg (the lower of 40 and 50); see the prescriber (A7 row 4)', () => {
    const p = plan(methadoneOud(100, 4));
    expect(p.missedDays).toBe(4);
    expect(daily(p, 0)).toBe(40);
    expect(warning(p, 'METHADONE_SEE_PRESCRIBER').severity).toBe('critical');
    expectA7Escalation(p, 100);
    expectMgOnly(p);
  });

  it('V6 4 missed days, prior 60 mg (below 80): half = 30 mg, lower than 40 (A7 row 4)', () => {
    const p = plan(methadoneOud(60, 4));
    expect(daily(p, 0)).toBe(30);
    expect(warning(p, 'METHADONE_SEE_PRESCRIBER').severity).toBe('critical');
    expectA7Escalation(p, 60);
  });

  it('V7 4 missed days, prior 80 mg (the crossover): 40 mg either way (A7 row 4)', () => {
    const p = plan(methadoneOud(80, 4));
    expect(daily(p, 0)).toBe(40);
  });

  it('V8 4 missed days, prior 30 mg: half = 15 mg (A7 row 4: "whichever is the lower")', () => {
    const p = plan(methadoneOud(30, 4));
    expect(daily(p, 0)).toBe(15);
    expect(dailies(p).at(-1)).toBe(30);
  });

  it('V9 worked figure, 120 mg prior, 3 missed days: 60 → 120 mg by day 18 (A7 row 5)', () => {
    const p = plan(methadoneOud(120, 3));
    expect(dailies(p)).toEqual([60, 70, 80, 90, 100, 110, 120]);
    expect(p.steps.map((s) => s.start)).toEqual([0, 3, 6, 9, 12, 15, 18].map((d) => addDays(afterMissed(3), d)));
    expectA7Escalation(p, 120);
  });

  it('V10 worked figure, 120 mg prior, 4 missed days: 40 → 120 mg by day 24 (A7 row 5)', () => {
    const p = plan(methadoneOud(120, 4));
    expect(dailies(p)).toEqual([40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(p.steps.at(-1)!.start).toBe(addDays(afterMissed(4), 24));
    expectA7Escalation(p, 120);
  });

  it('V11 5 missed days: a new induction, first day ≤ 30 mg (A7 row 5; restart-model §3.7)', () => {
    const p = plan(methadoneOud(100, 5));
    expect(p.missedDays).toBe(5);
    expect(p.tolerance.status).toBe('lost');
    expect(warning(p, 'METHADONE_NEW_INDUCTION').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(30);
    expect(daily(p, 0)).toBeGreaterThan(0);
    expect(codes(p)).toContain('NALOXONE');
    expectMgOnly(p);
  });

  it('V12 10 missed days: induction limits: +5 mg, ≥ 3 days apart, ≤ 30 mg/week for two weeks; then A7 +10 mg / 3 days to prior (restart-model §3.7; A7 last row)', () => {
    const p = plan(methadoneOud(100, 10));
    expect(p.daysOff).toBe(11);
    expect(p.missedDays).toBe(10);
    const d = dailies(p);
    const o = offsets(p);
    expect(d[0]).toBeLessThanOrEqual(30);
    for (let i = 1; i < d.length; i++) {
      expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(3);
      if (o[i]! < 14) expect(d[i]! - d[i - 1]!).toBeLessThanOrEqual(5);
      else expect(d[i]! - d[i - 1]!).toBeLessThanOrEqual(10);
    }
    // ≤ 30 mg added in each of the first two weeks
    const at = (day: number) => Math.max(...d.filter((_, j) => o[j]! <= day));
    expect(at(6) - d[0]!).toBeLessThanOrEqual(30);
    expect(at(13) - at(6)).toBeLessThanOrEqual(30);
    expect(d.at(-1)).toBe(100);
    // the old +5 mg / 5 days rule took 80 days to 120 mg: A7 must be far faster
    expect(o.at(-1)!).toBeLessThan(60);
    // every rise is stated with its unit (a step rule reading "at most 5 a day" cannot be checked by hand)
    for (const s of p.steps.slice(1)) expect(s.rule).not.toMatch(/at most \d+ a day/);
    expect(p.steps[1]!.rule).toMatch(/\+ 5 mg a day per step, no sooner than every 5 days, at most 30 mg in any 7 days/);
    expectMgOnly(p);
    expectIsmpText(p);
  });

  it('V13 induction with a benzodiazepine (sedative): first day ≤ 20 mg; opioid+benzo warnings (restart-model §3.7, §3.9)', () => {
    const p = plan(methadoneOud(100, 10, { concurrent: ['alprazolam'] }));
    expect(daily(p, 0)).toBeLessThanOrEqual(20);
    expect(codes(p)).toEqual(expect.arrayContaining(['OPIOID_BENZODIAZEPINE', 'NALOXONE']));
    expect(warning(p, 'OPIOID_BENZODIAZEPINE').severity).toBe('critical');
  });

  it('V40 induction with regular alcohol use (patient.alcoholUse): alcohol is a sedative and counts as a CNS depressant, so the first day is ≤ 20 mg, and the warning names why (restart-model §3.7; A3 alcohol row)', () => {
    const p = plan(methadoneOud(100, 10, { patient: { ageYears: 38, substanceUseDisorder: true, alcoholUse: true } }));
    expect(daily(p, 0)).toBe(20);
    expect(warning(p, 'METHADONE_NEW_INDUCTION').message).toMatch(/First day at most 20 mg \(lower limit: .*alcohol/);
    expect(p.derivation.join('\n')).toMatch(/first day at most 20 mg because of .*alcohol/);
  });

  it('V14 induction, prior only 20 mg: never above the prior dose (restart-model §1 invariant)', () => {
    const p = plan(methadoneOud(20, 7));
    expect(Math.max(...dailies(p))).toBeLessThanOrEqual(20);
    expect(dailies(p).at(-1)).toBe(20);
  });

  it('V15 2 missed days with a benzodiazepine: the normal dose, with opioid–benzodiazepine warnings, no cut (A7 row 2; §3.4 halving applies to the naive start only)', () => {
    const p = plan(methadoneOud(90, 2, { concurrent: ['diazepam'] }));
    expect(daily(p, 0)).toBe(90);
    expect(warning(p, 'OPIOID_BENZODIAZEPINE').severity).toBe('critical');
    expect(codes(p)).toContain('NALOXONE');
  });

  it('V16 release from prison after 30 days: induction, HIGH_RISK_RELEASE and NALOXONE (restart-model §3.9; A7)', () => {
    const p = plan(methadoneOud(80, 29, { breakReason: 'incarceration' }));
    expect(p.daysOff).toBe(30);
    expect(daily(p, 0)).toBeLessThanOrEqual(30);
    expect(warning(p, 'HIGH_RISK_RELEASE').severity).toBe('critical');
    expect(codes(p)).toEqual(expect.arrayContaining(['NALOXONE', 'METHADONE_NEW_INDUCTION']));
    expectMgOnly(p);
  });
});

describe('methadone interactions (A1) and QTc / hepatic (restart-model §3.7; A3)', () => {
  it('V17 with phenelzine now: CRITICAL, not a refusal (A1 MAOI row for methadone: "not recommended")', () => {
    const result = planRestart(methadoneOud(80, 1, { concurrent: ['phenelzine'] }));
    expect(result.ok).toBe(true);
    const p = plan(methadoneOud(80, 1, { concurrent: ['phenelzine'] }));
    expect(warning(p, 'MAOI_OPIOID_NOT_RECOMMENDED').severity).toBe('critical');
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK').severity).toBe('critical');
    expect(daily(p, 0)).toBe(80);
  });

  it('V18 phenelzine stopped 6 days before the restart: still inside 14 days (A1 MAOI row)', () => {
    const restart = afterMissed(1);
    const p = plan(methadoneOud(80, 1, { concurrent: [{ drug: 'phenelzine', stoppedOn: addDays(restart, -6) }] }));
    expect(warning(p, 'MAOI_OPIOID_NOT_RECOMMENDED').severity).toBe('critical');
  });

  it('V19 with sertraline: serotonin syndrome CRITICAL for methadone (A1 serotonergic row; FDA-DSC-2016-OPI)', () => {
    const p = plan(methadoneOud(80, 1, { concurrent: ['sertraline'] }));
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK').severity).toBe('critical');
    expect(codes(p)).not.toContain('MAOI_OPIOID_NOT_RECOMMENDED');
  });

  it('V20 clarithromycin started during the gap, 1 missed day: first step ≤ 0.5 × 100 mg (A1 CYP3A4 row, CRITICAL)', () => {
    const restart = afterMissed(1);
    const p = plan(methadoneOud(100, 1, { concurrent: [{ drug: 'clarithromycin', startedOn: restart }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(50);
    expect(daily(p, 0)).toBeGreaterThanOrEqual(30); // never below the naive (induction) start
    expect(dailies(p).every((x) => x <= 100)).toBe(true);
  });

  it('V21 clarithromycin started within 14 days before the break, 3 missed days: ≤ 0.5 × 50 but never below the induction start (A1 CYP3A4 row)', () => {
    const p = plan(methadoneOud(100, 3, { concurrent: [{ drug: 'clarithromycin', startedOn: addDays(LAST, -5) }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(30);
    expect(daily(p, 0)).toBeGreaterThan(0);
  });

  it('V22 clarithromycin taken throughout, unchanged: WARNING only, no cap (A1 last CYP3A4 row)', () => {
    const p = plan(methadoneOud(100, 1, { concurrent: [{ drug: 'clarithromycin', startedOn: addDays(LAST, -60) }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('warning');
    expect(daily(p, 0)).toBe(100);
  });

  it('V43 rifampin (a CYP3A4 inducer) stopped on the last dose day: exposure rises, first step ≤ half (A1 CYP3A4 row: inducer stopped)', () => {
    const p = plan(methadoneOud(80, 1, { concurrent: [{ drug: 'rifampin', startedOn: '2026-06-01', stoppedOn: LAST }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('critical');
    expect(daily(p, 0)).toBe(40);
  });

  it('V44 phenelzine stopped 13 days before the restart: CRITICAL; 14 days: outside the window (A1: "< 14 days")', () => {
    const restart = afterMissed(18);
    const in13 = plan(methadoneOud(80, 18, { concurrent: [{ drug: 'phenelzine', stoppedOn: addDays(restart, -13) }] }));
    expect(warning(in13, 'MAOI_OPIOID_NOT_RECOMMENDED').severity).toBe('critical');
    const at14 = plan(methadoneOud(80, 18, { concurrent: [{ drug: 'phenelzine', stoppedOn: addDays(restart, -14) }] }));
    expect(codes(at14)).not.toContain('MAOI_OPIOID_NOT_RECOMMENDED');
  });

  it('V45 QTc boundaries: 449 ms not a caution, 450 and 500 ms caution (warning), 501 ms critical (restart-model §3.7: caution 450–500, avoid above 500)', () => {
    const sev = (qtcMs: number) => warning(plan(methadoneOud(80, 1, { qtcMs })), 'METHADONE_QTC').severity;
    expect(sev(449)).toBe('info');
    expect(sev(450)).toBe('warning');
    expect(sev(500)).toBe('warning');
    expect(sev(501)).toBe('critical');
  });

  it('V23 QTc 470 ms: caution (restart-model §3.7 "caution 450–500 ms"; APS 2014)', () => {
    const p = plan(methadoneOud(80, 1, { qtcMs: 470 }));
    const qt = p.warnings.filter((w) => /QT/.test(w.code));
    expect(qt.length).toBeGreaterThan(0);
    expect(qt.some((w) => w.severity === 'warning' || w.severity === 'critical')).toBe(true);
    expect(daily(p, 0)).toBe(80);
  });

  it('V24 QTc 520 ms: CRITICAL (restart-model §3.7 "avoid above 500 ms"), plan still given to a dependent patient', () => {
    const p = plan(methadoneOud(80, 1, { qtcMs: 520 }));
    const qt = p.warnings.filter((w) => /QT/.test(w.code));
    expect(qt.some((w) => w.severity === 'critical')).toBe(true);
    expect(daily(p, 0)).toBe(80);
    const lower = plan(methadoneOud(80, 1, { qtcMs: 470 }));
    expect(lower.warnings.filter((w) => /QT/.test(w.code)).every((w) => w.severity !== 'critical')).toBe(true);
  });

  it('V25 OUD with hepatic impairment, 3 missed days: METHADONE_HEPATIC CRITICAL, titration steps ≥ 7 days apart (A3 methadone row)', () => {
    const p = plan(methadoneOud(100, 3, { patient: { ageYears: 50, substanceUseDisorder: true, hepaticImpairment: 'moderate' } }));
    expect(warning(p, 'METHADONE_HEPATIC').severity).toBe('critical');
    expect(daily(p, 0)).toBe(50);
    const o = offsets(p);
    for (let i = 1; i < o.length; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(7);
    expect(dailies(p).at(-1)).toBe(100);
  });
});

describe('methadone for pain (restart-model §3.1, §3.6, §3.7; CDC 2022 factor 4.7)', () => {
  function methadonePain(dose: number, times: number, missed: number, over: Record<string, unknown> = {}) {
    return request({
      drug: 'methadone', formulation: 'tablet', indication: 'pain',
      prior: { dose: String(dose), unit: 'mg', timesPerDay: times },
      restartDate: afterMissed(missed), patient: { ageYears: 55 }, ...over,
    });
  }

  it('V26 10 mg three times daily, 1 missed day: 30 mg/day = 141 MME/day (factor 4.7), resumed; NALOXONE (≥ 50 MME)', () => {
    const p = plan(methadonePain(10, 3, 1));
    expect(p.prior.dailyEquivalent).toEqual({ amount: '141', unit: 'MME' });
    expect(p.prior.equivalentFactor?.value).toBe('4.7');
    expect(daily(p, 0)).toBe(30);
    expect(p.steps[0]!.dailyEquivalent).toEqual({ amount: '141', unit: 'MME' });
    expect(codes(p)).toContain('NALOXONE');
    expect(codes(p)).not.toContain('OUD_MG_ONLY');
  });

  it('V27 pain, 14 missed days: naive start 2.5 mg a dose (every 8 h at most), rises ≥ 7 days apart to prior (restart-model §3.7)', () => {
    const p = plan(methadonePain(5, 3, 14));
    expect(p.tolerance.status).toBe('lost');
    // Label 2.5 mg every 8 to 12 hours; A6: the naive start stays within 30 MME/day (so at most 2 doses of 2.5 mg,
    // 23.5 MME). The products here (unscored 5 mg tablets, 1 mg/mL solution by the whole mL) round it down.
    expect(Number(p.steps[0]!.dose.amount)).toBeLessThanOrEqual(2.5);
    expect(p.steps[0]!.timesPerDay).toBeLessThanOrEqual(3);
    expect(Number(p.steps[0]!.dailyEquivalent!.amount)).toBeLessThanOrEqual(30);
    const o = offsets(p);
    for (let i = 1; i < o.length; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(7);
    expect(dailies(p).at(-1)).toBe(15);
    for (const s of p.steps) {
      expect(s.dailyEquivalent?.unit).toBe('MME');
      expect(new Decimal(s.dailyEquivalent!.amount).eq(new Decimal(s.dailyDose.amount).mul('4.7'))).toBe(true);
    }
    // a step that crosses 50 MME/day (≈ 10.6 mg) is a reassessment checkpoint (CDC Rec 4)
    const cross = p.steps.findIndex((s) => Number(s.dailyEquivalent!.amount) >= 50);
    expect(cross).toBeGreaterThan(0);
    expect(p.steps[cross]!.checkpoint).toBe(true);
    expectIsmpText(p);
  });

  it('V28 pain, 3 missed days: half the prior daily dose, then ≥ 7-day intervals (restart-model §3.3, §3.6)', () => {
    const p = plan(methadonePain(10, 2, 3));
    expect(daily(p, 0)).toBe(10);
    const o = offsets(p);
    for (let i = 1; i < o.length; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(7);
    expect(dailies(p).at(-1)).toBe(20);
  });

  it('V38 pain, 30 mg three times daily, 4 missed days: 40 mg a day (the lower of 40 and 45), made unevenly as 15 + 15 + 10 mg (A7 row 4; restart-model §3.6: uneven doses are fine when each is shown)', () => {
    const p = plan(methadonePain(30, 3, 4));
    expect(daily(p, 0)).toBe(40);
    expect(p.steps[0]!.administrations).toEqual(['15', '15', '10']);
    expect(p.steps[0]!.dailyEquivalent).toEqual({ amount: '188', unit: 'MME' });
    expect(dailies(p).at(-1)).toBe(90);
  });

  it('V39 pain, 25 mg three times daily, 3 missed days: half is 37.5 mg, rounded down to 35 mg (15 + 10 + 10), not 30 (restart-model §1: round down to real strengths)', () => {
    const p = plan(methadonePain(25, 3, 3));
    expect(daily(p, 0)).toBe(35);
    expect(dailies(p).at(-1)).toBe(75);
  });

  it('V29 pain with hepatic impairment after tolerance loss: METHADONE_HEPATIC CRITICAL; start not above the unimpaired start (A3; §3.4)', () => {
    const base = plan(methadonePain(5, 3, 14));
    const p = plan(methadonePain(5, 3, 14, { patient: { ageYears: 55, hepaticImpairment: true } }));
    expect(warning(p, 'METHADONE_HEPATIC').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(daily(base, 0));
  });
});

describe('buprenorphine (restart-model §3.8; CDC 2022 table caution 6; A1)', () => {
  function bup(dose: number, missed: number, over: Record<string, unknown> = {}) {
    return request({
      drug: 'buprenorphine', formulation: 'sl-tablet', indication: 'oud',
      prior: { dose: String(dose), unit: 'mg', timesPerDay: 1 },
      restartDate: afterMissed(missed), patient: { ageYears: 33, substanceUseDisorder: true }, ...over,
    });
  }

  it('V30 short gap (1 missed day), no full agonist: the prior dose, no MME (§3.8)', () => {
    const p = plan(bup(16, 1, { fullAgonistUsedDuringBreak: false }));
    expect(daily(p, 0)).toBe(16);
    expect(p.prior.dailyEquivalent).toBeUndefined();
    for (const s of p.steps) expect(s.dailyEquivalent).toBeUndefined();
    expect(codes(p)).not.toContain('BUPRENORPHINE_REINDUCTION');
    expect(p.derivation.join('\n')).not.toMatch(/\b1 missed days/);
    expect(p.displayName).toMatch(/^buprenorphine/);
    expectIsmpText(p);
  });

  it('V31 full agonist used during a short break: no plain resume; re-induction needs a specialist (§3.8)', () => {
    const result = planRestart(bup(16, 1, { fullAgonistUsedDuringBreak: true }));
    if (result.ok) {
      expect(codes(result.plan)).toContain('BUPRENORPHINE_REINDUCTION');
      expect(result.plan.warnings.find((w) => w.code === 'BUPRENORPHINE_REINDUCTION')!.severity).toBe('critical');
      expect(result.plan.warnings.find((w) => w.code === 'BUPRENORPHINE_REINDUCTION')!.message).toMatch(/8.12 h|12.24 h|withdrawal/);
      expect(daily(result.plan, 0)).toBeLessThan(16);
    } else {
      expect(result.refusal?.code).toMatch(/BUPRENORPHINE/);
    }
  });

  it('V32 longer gap (14 missed days), no full agonist: not the prior dose without a specialist re-induction note (§3.8)', () => {
    const result = planRestart(bup(16, 14, { fullAgonistUsedDuringBreak: false }));
    if (result.ok) {
      expect(codes(result.plan)).toContain('BUPRENORPHINE_REINDUCTION');
      expect(daily(result.plan, 0)).toBeLessThanOrEqual(8); // no more than the day-1 induction total (CDC L2702–2721)
    } else {
      expect(result.refusal?.code).toMatch(/BUPRENORPHINE/);
    }
  });

  it('V33 CYP3A4 inhibitor (ketoconazole) started in the gap: CRITICAL, first step ≤ half (A1 CYP3A4 row includes buprenorphine)', () => {
    const p = plan(bup(16, 1, { fullAgonistUsedDuringBreak: false, concurrent: [{ drug: 'ketoconazole', startedOn: LAST }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(8);
  });

  it('V41 re-induction with ketoconazole started in the gap: the cap holds on day 2 too (day 1 ≤ 4 mg, day 2 ≤ half of 16 mg), not day 1 halved and day 2 back at the full label 16 mg (A1 CYP3A4 row; §3.8)', () => {
    const p = plan(bup(16, 10, { fullAgonistUsedDuringBreak: false, concurrent: [{ drug: 'ketoconazole', startedOn: addDays(LAST, 3) }] }));
    expect(warning(p, 'CYP3A4_INTERACTION').severity).toBe('critical');
    expect(daily(p, 0)).toBeLessThanOrEqual(4);
    expect(Math.max(...dailies(p))).toBeLessThanOrEqual(8);
    expect(p.steps.at(-1)!.rule).toMatch(/CYP3A4_INTERACTION/);
  });

  it('V42 re-induction from 10 mg with an inhibitor: day 2 capped at 5 mg rounds down to the 4 mg of day 1, so no separate day-2 step (A1; never a rise the tablets cannot make)', () => {
    const p = plan(bup(10, 10, { fullAgonistUsedDuringBreak: false, concurrent: [{ drug: 'clarithromycin', startedOn: addDays(LAST, 3) }] }));
    expect(dailies(p)).toEqual([4]);
    const q = plan(bup(12, 10, { fullAgonistUsedDuringBreak: false, concurrent: [{ drug: 'clarithromycin', startedOn: addDays(LAST, 3) }] }));
    expect(dailies(q)).toEqual([4, 6]);
  });

  it('V34 with phenelzine: MAOI_OPIOID_NOT_RECOMMENDED CRITICAL, plan given (A1 MAOI row lists buprenorphine)', () => {
    const p = plan(bup(8, 1, { fullAgonistUsedDuringBreak: false, concurrent: ['phenelzine'] }));
    expect(warning(p, 'MAOI_OPIOID_NOT_RECOMMENDED').severity).toBe('critical');
  });

  it('V35 with sertraline: SEROTONIN_SYNDROME_RISK present ("any opioid", A1 rule)', () => {
    const p = plan(bup(8, 1, { fullAgonistUsedDuringBreak: false, concurrent: ['sertraline'] }));
    expect(codes(p)).toContain('SEROTONIN_SYNDROME_RISK');
  });

  it('V36 with a benzodiazepine: OPIOID_BENZODIAZEPINE and NALOXONE (restart-model §3.9; ceiling effect overridden by benzodiazepines)', () => {
    const p = plan(bup(16, 1, { fullAgonistUsedDuringBreak: false, concurrent: ['clonazepam'] }));
    expect(codes(p)).toEqual(expect.arrayContaining(['OPIOID_BENZODIAZEPINE', 'NALOXONE']));
  });

  it('V37 prison release on buprenorphine, 20 missed days: HIGH_RISK_RELEASE, NALOXONE, re-induction (§3.8, §3.9)', () => {
    const result = planRestart(bup(16, 20, { breakReason: 'incarceration' }));
    const all = result.ok ? result.plan.warnings : result.refusal?.warnings ?? [];
    const c = all.map((w) => w.code);
    expect(c).toEqual(expect.arrayContaining(['HIGH_RISK_RELEASE', 'NALOXONE']));
    if (result.ok) expect(daily(result.plan, 0)).toBeLessThan(16);
  });
});
