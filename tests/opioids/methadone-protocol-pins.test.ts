/**
 * Pins every methadone and buprenorphine protocol value added or re-sourced for amendment A7 and the source
 * review: each value with its source id (or engine assumption id) and locator, the renamed 2003 guideline
 * source, and the methadone register's assumptions. A change to any of these must be a deliberate, re-sourced
 * edit of this table and the data together.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, SOURCES } from '../../src/protocols/index.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { ASSUMPTIONS as METHADONE_ASSUMPTIONS, SOURCES as METHADONE_SOURCES } from '../../src/protocols/registers/methadone.ts';
import { opioidForm } from './helpers.ts';

const M = OPIOID_CLASS.methadone;
const Q = (text: string) => `§3.5 Missed doses: "${text}"`;

describe('methadone missed-dose rules (2003 Australian guideline §3.5)', () => {
  it.each([
    ['assessFromMissedDays', 1, Q('Patients should be assessed for signs of intoxication and withdrawal before dosing is recommenced after missed doses')],
    ['usualDoseUpToMissedDays', 2, Q('Two days: If no evidence of intoxication administer normal dose')],
    ['halfDoseMissedDays', 3, Q('Three days: Administer half dose in discussion with the prescriber')],
    ['seePrescriberMissedDays', 4, Q('Four days: Patient must see prescriber. Recommence at 40mg or half dose whichever is the lower')],
    ['newInductionFromMissedDays', 5, Q('Five days or more: Regard as a new induction')],
  ] as const)('%s = %i', (key, value, locator) => {
    expect(M.missedDoses[key]).toEqual({ value, source: 'au-methadone-2003', locator });
  });

  it('tolerance may be reduced from 3 missed days; withhold or reduce until assessed', () => {
    expect(M.missedDoses.toleranceReducedFromMissedDays).toEqual({
      value: 3,
      source: 'au-methadone-2003',
      locator:
        '§3.5 Missed doses: "When methadone doses are missed for 3 or more days, tolerance to opioids may be reduced"; "If the dose has not been collected for 3 or more consecutive days the dose should be withheld or reduced until the patient has been assessed by the prescriber"',
    });
  });

  it('half dose = 0.5', () => {
    expect(M.missedDoses.halfDoseFraction).toEqual({
      value: '0.5',
      source: 'au-methadone-2003',
      locator: '§3.5 Missed doses: "half dose" (3 days; 4 days: 40 mg or half dose, whichever is the lower)',
    });
  });

  it('the anchors and the 4-day 40 mg cap cite the renamed source', () => {
    expect(OPIOID_CLASS.anchors.map((a) => ('source' in a.retainedFraction ? a.retainedFraction.source : null))).toEqual(Array(4).fill('au-methadone-2003'));
    expect(M.fourDayCapMg).toEqual({ value: '40', source: 'au-methadone-2003', locator: '§3.5 Missed doses: 4 days, recommence at 40 mg or half the dose, whichever is lower' });
  });
});

describe('methadone for opioid use disorder (A7)', () => {
  it('mg only: CDC 2022 caution 7 and the Recommendation 5 text', () => {
    expect(M.oudMgOnly).toEqual({
      source: 'cdc-2022',
      locator:
        'Table caution 7 (draft L5683–5684): "These conversion factors should not be applied to dosage decisions related to the management of opioid use disorder"; Recommendation 5 text (draft L3887–3888): "opioid dosage thresholds for caution in the treatment of pain are not applicable to opioid agonist treatment of opioid use disorder"',
    });
  });

  it('re-escalation: + 10 mg, every 3 days, ≤ 30 mg in 7 days (engine assumption); from day 14 after an induction', () => {
    expect(M.oudReescalation).toEqual({
      riseMg: { value: '10', assumption: 'methadone-oud-reescalation' },
      intervalDays: { value: 3, assumption: 'methadone-oud-reescalation' },
      windowRiseCapMg: { value: '30', assumption: 'methadone-oud-reescalation' },
      windowDays: { value: 7, assumption: 'methadone-oud-reescalation' },
      afterInductionFromDay: { value: 14, assumption: 'methadone-oud-induction-after-day-14' },
    });
  });
});

describe('methadone hepatic impairment (A3) and the re-read locators', () => {
  it('interval ≥ 7 days (engine assumption); caution from the VA guidance', () => {
    expect(M.hepaticIntervalDays).toEqual({ value: 7, assumption: 'methadone-hepatic-interval-7-days' });
    expect(M.hepaticCaution).toEqual({
      source: 'va-methadone-pain-2016',
      locator: 'Summary: "Methadone is considered to be safe in patients with renal and/or hepatic impairment but should be used with caution in end-stage disease cases of these conditions"',
    });
  });

  it('first day, QTc, follow-up and steady state say what their sources say', () => {
    expect(M.inductionFirstDayMg).toEqual({ value: '30', source: 'rcgp-methadone-induction', locator: 'UK (RCGP): start at 10–30 mg; Canada: 10–30 mg for the first 3 days (the upper end taken)' });
    expect(M.qtcAvoidAboveMs).toEqual({ value: 500, source: 'aps-cpdd-methadone-2014', locator: 'Recommendation: recommend against methadone if baseline QTc > 500 ms' });
    expect(M.qtcCautionFromMs).toEqual({
      value: 450,
      source: 'aps-cpdd-methadone-2014',
      locator: 'Recommendation: consider alternative opioids if QTc ≥ 450 and < 500 ms; ECG before starting in patients with QTc risk factors, a prior QTc > 450 ms or a history suggesting arrhythmia',
    });
    expect(M.followUpDays).toEqual({
      value: 3,
      source: 'cdc-2022',
      locator: 'Recommendation 7 (draft L2897–2900): "Shorter follow-up intervals (within 3 days) should be strongly considered when starting or increasing the dosage of methadone"',
    });
    expect(M.steadyStateDays).toEqual({
      value: 5,
      source: 'label-methadone',
      locator: '2 Dosage, important factors: "Steady-state plasma concentrations and full analgesic effects are not attained until at least 3 to 5 days on a dose" (the upper end taken)',
    });
  });

  it('the OUD titration interval on both products (5 days, label steady state)', () => {
    for (const f of ['tablet', 'oral-solution']) {
      expect(opioidForm('methadone', f).byIndication!.oud.titrationIntervalsDays).toEqual({
        value: [5],
        source: 'label-methadone',
        locator: '2 Dosage: steady state is "not attained until at least 3 to 5 days on a dose"; OUD increases no sooner than every 3–5 days (restart model §3.7; 5 taken)',
      });
    }
  });
});

describe('the methadone register and the renamed source', () => {
  it('au-methadone-2003: Henry-Edwards et al., DoHA 2003, §3.5; no au-methadone-2014 left', () => {
    expect(SOURCES['au-methadone-2003']).toEqual({
      id: 'au-methadone-2003',
      title:
        'Clinical guidelines and procedures for the use of methadone in the maintenance treatment of opioid dependence (Henry-Edwards S, Gowing L, White J, Ali R, Bell J, Brough R, Lintzeris N, Ritter A, Quigley A; ISBN 0 642 82261 1), section 3.5 Missed doses',
      issuer: 'Australian Government Department of Health and Ageing',
      year: 2003,
      url: 'https://www1.health.gov.au/internet/publications/publishing.nsf/Content/drugtreat-pubs-meth-toc~drugtreat-pubs-meth-s3~drugtreat-pubs-meth-s3-3.5',
    });
    expect(SOURCES['au-methadone-2014']).toBeUndefined();
    expect(METHADONE_SOURCES).toEqual([]);
  });

  it('three engine assumptions, each registered, with statement and rationale', () => {
    expect(METHADONE_ASSUMPTIONS.map((a) => a.id)).toEqual(['methadone-oud-reescalation', 'methadone-oud-induction-after-day-14', 'methadone-hepatic-interval-7-days']);
    for (const a of METHADONE_ASSUMPTIONS) expect(ASSUMPTIONS[a.id]).toBe(a);
    expect(ASSUMPTIONS['methadone-oud-reescalation']!.statement).toContain('+ 10 mg a day per step, no sooner than every 3 days, and at most + 30 mg in any 7 days');
    expect(ASSUMPTIONS['methadone-oud-reescalation']!.rationale).toContain('60 → 120 mg by day 18; 4 missed days: 40 → 120 mg by day 24');
    expect(ASSUMPTIONS['methadone-oud-induction-after-day-14']!.statement).toContain('from day 14 the ceiling rises by at most + 10 mg no sooner than every 3 days');
    expect(ASSUMPTIONS['methadone-hepatic-interval-7-days']!.statement).toBe('Methadone with hepatic impairment (any indication): increases no sooner than every 7 days.');
  });
});
