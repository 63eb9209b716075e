/**
 * Methadone and buprenorphine vignettes written from the sources (restart model amendments A1, A3, A7; the 2003
 * Australian methadone guideline §3.5; CDC 2022; APS/CPDD 2014; the Suboxone label). Each vignette names the
 * source that decides it. Dates: last dose 2026-11-01; restart `daysOff` days later (missedDays = daysOff − 1).
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { BASE, codes, plan, restartAfter, warning } from './helpers.ts';

const oud = (dose: string, daysOff: number, extra: Record<string, unknown> = {}) =>
  plan({ drug: 'methadone', indication: 'oud', prior: { dose, unit: 'mg', timesPerDay: 1 }, ...BASE, priorDurationDays: 365, restartDate: restartAfter(daysOff), ...extra });
const bup = (dose: string, daysOff: number, extra: Record<string, unknown> = {}) =>
  plan({ drug: 'buprenorphine', formulation: 'film', prior: { dose, unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(daysOff), ...extra });
const dailies = (p: RestartPlan) => p.steps.map((s) => s.dailyDose.amount);
const dayOf = (p: RestartPlan, i: number) => (Date.parse(p.steps[i]!.start) - Date.parse(p.steps[0]!.start)) / 86_400_000;
const days = (p: RestartPlan) => p.steps.map((_, i) => dayOf(p, i));
const severityOf = (p: RestartPlan, code: string) => warning(p, code).severity;

describe('methadone for opioid use disorder: the 2003 Australian guideline §3.5 and amendment A7', () => {
  it('V1 (A7 worked figure; §3.5 "Three days: Administer half dose in discussion with the prescriber"): 120 mg, 3 missed days → 60 mg, back to 120 mg by day 18', () => {
    const p = oud('120', 4);
    expect(p.missedDays).toBe(3);
    expect(dailies(p)).toEqual(['60', '70', '80', '90', '100', '110', '120']);
    expect(days(p)).toEqual([0, 3, 6, 9, 12, 15, 18]);
    expect(severityOf(p, 'METHADONE_PRESCRIBER_DISCUSSION')).toBe('critical');
    expect(severityOf(p, 'METHADONE_ASSESS_INTOXICATION')).toBe('critical');
    expect(codes(p)).not.toContain('METHADONE_SEE_PRESCRIBER');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('methadone-oud-reescalation');
  });

  it('V2 (A7 worked figure; §3.5 "Four days: Patient must see prescriber. Recommence at 40mg or half dose whichever is the lower"): 120 mg → 40 mg, back to 120 mg by day 24; the plan is not valid until the prescriber review', () => {
    const p = oud('120', 5);
    expect(p.missedDays).toBe(4);
    expect(dailies(p)).toEqual(['40', '50', '60', '70', '80', '90', '100', '110', '120']);
    expect(dayOf(p, p.steps.length - 1)).toBe(24);
    const w = warning(p, 'METHADONE_SEE_PRESCRIBER');
    expect(w.severity).toBe('critical');
    expect(w.message).toContain('not valid until the prescriber has reviewed the patient');
    expect(p.steps[0]!.rule).toContain('not valid until the prescriber has seen the patient');
    expect(codes(p)).not.toContain('METHADONE_PRESCRIBER_DISCUSSION');
  });

  it('V3 (§3.5 "Two days: If no evidence of intoxication administer normal dose"): 90 mg after 2 missed days is the usual dose, after an intoxication check', () => {
    const p = oud('90', 3);
    expect(dailies(p)).toEqual(['90']);
    expect(warning(p, 'METHADONE_ASSESS_INTOXICATION').message).toMatch(/^2 missed days: assess the patient for signs of intoxication and withdrawal before the dose is given/);
    expect(codes(p)).not.toContain('OPIOID_TOLERANCE_LOST');
  });

  it('V4 (§3.5 "assessed for signs of intoxication and withdrawal before dosing is recommenced after missed doses"): 1 missed day → CRITICAL check; no missed day → none', () => {
    expect(severityOf(oud('60', 2), 'METHADONE_ASSESS_INTOXICATION')).toBe('critical');
    expect(codes(oud('60', 1))).not.toContain('METHADONE_ASSESS_INTOXICATION');
  });

  it('V5 (§3.5 "Five days or more: Regard as a new induction"; A7 EA from day 14): 100 mg after 7 missed days → 30 mg induction, +5 mg every 5 days, then +10 mg every 3 days', () => {
    const p = oud('100', 8);
    expect(severityOf(p, 'METHADONE_NEW_INDUCTION')).toBe('critical');
    expect(dailies(p)).toEqual(['30', '35', '40', '50', '60', '70', '80', '90', '100']);
    expect(days(p)).toEqual([0, 5, 10, 14, 17, 20, 23, 26, 29]);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('methadone-oud-induction-after-day-14');
  });

  it('V6 (CDC 2022 table caution 7: conversion factors "should not be applied to dosage decisions related to the management of opioid use disorder"): an OUD plan has no MME anywhere', () => {
    const p = oud('150', 4);
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(p.prior.equivalentFactor).toBeUndefined();
    expect(p.steps.every((s) => s.dailyEquivalent === undefined)).toBe(true);
    expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
    expect(warning(p, 'OUD_MG_ONLY')).toMatchObject({ severity: 'info', sources: ['cdc-2022'] });
    expect(warning(p, 'NALOXONE').message).not.toMatch(/MME/);
  });

  it('V7 (CDC 2022 table: methadone 4.7): methadone for pain keeps MME (20 mg × 3 = 282 MME/day) and has none of the OUD conditions', () => {
    const p = plan({ drug: 'methadone', indication: 'pain', prior: { dose: '20', unit: 'mg', timesPerDay: 3 }, ...BASE, restartDate: restartAfter(3) });
    expect(p.prior.dailyEquivalent).toEqual({ amount: '282', unit: 'MME' });
    expect(p.steps[0]!.dailyEquivalent).toEqual({ amount: '282', unit: 'MME' });
    for (const code of ['OUD_MG_ONLY', 'METHADONE_ASSESS_INTOXICATION', 'METHADONE_NEW_INDUCTION']) expect(codes(p)).not.toContain(code);
  });

  it('V8 (A3 methadone row: CRITICAL METHADONE_HEPATIC, interval ≥ 7 days; VA 2016: "use with caution in end-stage disease"): 80 mg, 3 missed days, hepatic impairment → 40 mg, +10 mg every 7 days', () => {
    const p = oud('80', 4, { patient: { hepaticImpairment: 'moderate' } });
    expect(dailies(p)).toEqual(['40', '50', '60', '70', '80']);
    expect(days(p)).toEqual([0, 7, 14, 21, 28]);
    const w = warning(p, 'METHADONE_HEPATIC');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['va-methadone-pain-2016']);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('methadone-hepatic-interval-7-days');
  });

  it('V9 (methadone label 7: "not recommended for patients taking MAOIs or within 14 days of stopping such treatment"): phenelzine → CRITICAL, a plan is still given', () => {
    const result = planRestart({ drug: 'methadone', indication: 'oud', prior: { dose: '80', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(2), concurrent: ['phenelzine'] });
    expect(result.ok).toBe(true);
    expect(severityOf((result as { plan: RestartPlan }).plan, 'MAOI_OPIOID_NOT_RECOMMENDED')).toBe('critical');
  });

  it('V10 (FDA 2016: serotonin syndrome "reported more frequently … with fentanyl and methadone"): methadone with sertraline → CRITICAL SEROTONIN_SYNDROME_RISK', () => {
    expect(severityOf(oud('80', 2, { concurrent: ['sertraline'] }), 'SEROTONIN_SYNDROME_RISK')).toBe('critical');
  });

  it('V11 (A1 CYP3A4 row: inhibitor started → first step ≤ 0.5 × what the missed-day rule gives): clarithromycin started in the gap, 120 mg, 1 missed day → 60 mg, then back by the re-escalation rule', () => {
    const p = oud('120', 2, { concurrent: [{ drug: 'clarithromycin', startedOn: '2026-11-02' }] });
    expect(dailies(p)).toEqual(['60', '70', '80', '90', '100', '110', '120']);
    expect(severityOf(p, 'CYP3A4_INTERACTION')).toBe('critical');
    expect(p.steps[0]!.rule).toContain('clarithromycin (concurrent.0)');
    expect(p.derivation.some((l) => /Interaction cap \(clarithromycin \(concurrent\.0\).*120 × 0\.5 = 60 mg/.test(l))).toBe(true);
  });

  it('V12 (A1: "never below the naive start"; the induction first day, RCGP 10–30 mg): 40 mg, CYP3A4 inhibitor started → 30 mg, not 20 mg', () => {
    const p = oud('40', 2, { concurrent: [{ drug: 'clarithromycin', startedOn: '2026-10-25' }] });
    expect(dailies(p)).toEqual(['30', '40']);
    expect(p.steps[0]!.rule).toContain('to at most 30 mg');
  });

  it('V19 (A1 CYP3A4 row: an inducer stopped raises exposure): rifampin stopped 4 days before the last dose, 100 mg, 1 missed day → 50 mg, CRITICAL', () => {
    const p = oud('100', 2, { concurrent: [{ drug: 'rifampin', startedOn: '2026-06-01', stoppedOn: '2026-10-28' }] });
    expect(dailies(p)[0]).toBe('50');
    expect(severityOf(p, 'CYP3A4_INTERACTION')).toBe('critical');
    expect(p.steps[0]!.rule).toContain('rifampin (concurrent.0), a CYP3A4 inducer, stopped 2026-10-28');
  });

  it('V20 (A1: inducer present and unchanged through the gap → WARNING only): rifampin continued, 100 mg, 1 missed day → the usual dose', () => {
    const p = oud('100', 2, { concurrent: [{ drug: 'rifampin', startedOn: '2026-06-01' }] });
    expect(dailies(p)).toEqual(['100']);
    expect(severityOf(p, 'CYP3A4_INTERACTION')).toBe('warning');
  });

  it('V13 (2003 guideline, the citation fix): the missed-dose source is Henry-Edwards et al., DoHA 2003, not the 2014 national guideline', () => {
    const source = oud('80', 4).sources.find((s) => s.id === 'au-methadone-2003');
    expect(source).toMatchObject({ year: 2003, issuer: 'Australian Government Department of Health and Ageing' });
    expect(source!.title).toMatch(/^Clinical guidelines and procedures for the use of methadone in the maintenance treatment of opioid dependence \(Henry-Edwards S/);
    expect(source!.title).toContain('ISBN 0 642 82261 1');
  });

  it('V14 (APS/CPDD 2014: recommend against methadone if QTc > 500 ms): QTc 510 ms → CRITICAL, the plan is given for the prescriber to decide', () => {
    const p = oud('80', 2, { qtcMs: 510 });
    expect(severityOf(p, 'METHADONE_QTC')).toBe('critical');
    expect(dailies(p)).toEqual(['80']);
  });
});

describe('buprenorphine (restart model §3.8, amendment A1)', () => {
  it('V15 (A1 CYP3A4 row, buprenorphine): 16 mg, 1 missed day, no full agonist, clarithromycin started → 8 mg, CRITICAL, and no invented rate back', () => {
    const p = bup('16', 2, { fullAgonistUsedDuringBreak: false, concurrent: [{ drug: 'clarithromycin', startedOn: '2026-10-30' }] });
    expect(dailies(p)).toEqual(['8']);
    expect(severityOf(p, 'CYP3A4_INTERACTION')).toBe('critical');
    expect(p.derivation.some((l) => l.includes('No source gives a rate back to the prior dose: the prescriber raises it by response.'))).toBe(true);
  });

  it('V16 (methadone-label MAOI wording applied to all opioids, A1): buprenorphine with phenelzine → CRITICAL MAOI_OPIOID_NOT_RECOMMENDED', () => {
    expect(severityOf(bup('16', 2, { fullAgonistUsedDuringBreak: false, concurrent: ['phenelzine'] }), 'MAOI_OPIOID_NOT_RECOMMENDED')).toBe('critical');
  });

  it('V17 (no source gives a buprenorphine missed-dose rule; Suboxone label 2.3 induction): 5 missed days → the label day-1 and day-2 ceilings only, nothing beyond', () => {
    const p = bup('24', 6, { fullAgonistUsedDuringBreak: false });
    expect(dailies(p)).toEqual(['8', '16']);
    expect(severityOf(p, 'BUPRENORPHINE_REINDUCTION')).toBe('critical');
    expect(p.steps.every((s) => s.dailyEquivalent === undefined)).toBe(true);
  });

  it('V18 (A1 floor: never below the induction first dose, Suboxone label 2.3 "2 mg/0.5 mg or 4 mg/1 mg"): re-induction day 1 with a CYP3A4 inhibitor → 4 mg, day 2 capped by the same half (16 × 0.5 = 8 mg): the inhibitor is still there on day 2', () => {
    const p = bup('16', 2, { fullAgonistUsedDuringBreak: true, concurrent: [{ drug: 'clarithromycin', startedOn: '2026-10-30' }] });
    expect(dailies(p)).toEqual(['4', '8']);
  });
});
