/**
 * Held-out style vignettes for benzodiazepines and Z-drugs, written from the sources (restart-model amendments A8, A2,
 * A3 and the labels cited in the protocol data) without reading the implementation's own vignettes. Each vignette is a
 * public JSON request and names the source that decides its expectation: first-step daily dose, ceiling (the last,
 * maintenance step's daily dose), refusal or not, and warning codes that must (and must not) appear.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

const LAST_DOSE = '2026-10-01';
/** restartDate for a number of missed days: daysOff = missedDays + 1 (restart model §2). */
function restartAfter(missedDays: number): string {
  const d = new Date(`${LAST_DOSE}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + missedDays + 1);
  return d.toISOString().slice(0, 10);
}

interface Case {
  name: string;
  /** The source (id and locator, or amendment row) that decides the expectation. */
  source: string;
  request: Record<string, unknown>;
  refusal?: string;
  firstDaily?: string;
  ceiling?: string;
  codes?: string[];
  absent?: string[];
  dependence?: string;
  windowDays?: number;
}

function req(drug: string, dose: string, timesPerDay: number, missedDays: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { prior, formulation, ...rest } = extra as { prior?: Record<string, unknown>; formulation?: string };
  return {
    drug,
    ...(formulation ? { formulation } : {}),
    prior: { dose, unit: 'mg', timesPerDay, ...(prior ?? {}) },
    priorDurationDays: 365,
    lastDoseDate: LAST_DOSE,
    restartDate: restartAfter(missedDays),
    ...rest,
  };
}

const ALPRAZOLAM_6 = (missed: number, extra: Record<string, unknown> = {}) => req('alprazolam', '2', 3, missed, extra);
const LORAZEPAM_2 = (missed: number, extra: Record<string, unknown> = {}) => req('lorazepam', '1', 2, missed, extra);
const DIAZEPAM_20 = (missed: number, extra: Record<string, unknown> = {}) => req('diazepam', '10', 2, missed, extra);
const DIAZEPAM_10 = (missed: number, extra: Record<string, unknown> = {}) => req('diazepam', '10', 1, missed, extra);

const CASES: Case[] = [
  // --- A8 test vector (amendment A8, last paragraph) ---
  { name: 'R1 A8 vector: alprazolam 2 mg TID 1 year, 3 missed days, no symptoms recorded → 4.5 mg/day', source: 'amendment A8 test vector; EA bzd-window-75-percent', request: ALPRAZOLAM_6(3), firstDaily: '4.5', ceiling: '6', codes: ['BZD_WITHDRAWAL_WINDOW'], absent: ['BZD_TOLERANCE_LOSS'], dependence: 'DEPENDENT', windowDays: 14 },
  { name: 'R2 A8 vector with an opioid → 3 mg/day', source: 'amendment A8 test vector; A8 risk-factor row (BZD_OPIOID, naloxone)', request: ALPRAZOLAM_6(3, { concurrent: ['oxycodone'] }), firstDaily: '3', ceiling: '6', codes: ['BZD_WITHDRAWAL_WINDOW', 'BZD_OPIOID', 'OPIOID_BENZODIAZEPINE', 'BZD_RISK_FACTOR_STEP'] },
  { name: 'R3 A8 vector, significant withdrawal now → 6 mg/day; > 15 mg DE with significant symptoms → consider inpatient', source: 'amendment A8 test vector; A8 rows "significant" and "> 15 mg DE/day with significant symptoms" (Joint Guideline Rec 5c)', request: ALPRAZOLAM_6(3, { patient: { withdrawalSymptomsNow: 'significant' } }), firstDaily: '6', ceiling: '6', codes: ['BZD_SEIZURE_RISK', 'BZD_INPATIENT_CONSIDER'] },
  { name: 'R4 A8 vector, significant withdrawal now and an opioid → 4.5 mg/day', source: 'amendment A8 test vector', request: ALPRAZOLAM_6(3, { patient: { withdrawalSymptomsNow: 'significant' }, concurrent: ['oxycodone'] }), firstDaily: '4.5', ceiling: '6', codes: ['BZD_SEIZURE_RISK', 'BZD_OPIOID'] },

  // --- Half-life groups and window edges (A8 window table; missedDays = daysOff − 1) ---
  { name: 'R5 short group (lorazepam 2 mg/day), missed 2 → resume with the early-withdrawal warning', source: 'A8 "0–2 missed days resume"; issue 11: day 2–3 of an abrupt stop warns', request: LORAZEPAM_2(2), firstDaily: '2', ceiling: '2', codes: ['BZD_WITHDRAWAL_EARLY'], absent: ['BZD_WITHDRAWAL_WINDOW'] },
  { name: 'R6 short group, missed 3 → 75 % = 1.5 mg/day', source: 'A8 inside-window row; EA bzd-window-75-percent', request: LORAZEPAM_2(3), firstDaily: '1.5', ceiling: '2', codes: ['BZD_WITHDRAWAL_WINDOW'], windowDays: 14 },
  { name: 'R7 short group, missed 14 (last window day) → 1.5 mg/day', source: 'A8 window table: short/intermediate missedDays ≤ 14', request: LORAZEPAM_2(14), firstDaily: '1.5', codes: ['BZD_WITHDRAWAL_WINDOW'], absent: ['BZD_TOLERANCE_LOSS'] },
  { name: 'R8 short group, missed 15 → after window: min(label initial 2 mg/day, 10 mg DE = 1 mg by Ashton) = 1 mg/day', source: 'A8 after-window row (label initial dose, ≤ 10 mg DE/day, lowest); Ashton Table 1 lorazepam 1 mg ≈ diazepam 10 mg', request: LORAZEPAM_2(15), firstDaily: '1', ceiling: '2', codes: ['BZD_TOLERANCE_LOSS'], absent: ['BZD_WITHDRAWAL_WINDOW'] },
  { name: 'R9 short group, missed 28 → after window, 1 mg/day', source: 'A8 after-window row', request: LORAZEPAM_2(28), firstDaily: '1', codes: ['BZD_TOLERANCE_LOSS'] },
  { name: 'R10 short group, missed 29 → after window, 1 mg/day', source: 'A8 after-window row', request: LORAZEPAM_2(29), firstDaily: '1', codes: ['BZD_TOLERANCE_LOSS'] },
  { name: 'R11 long group (diazepam 20 mg/day), missed 2 → resume', source: 'A8 "0–2 missed days resume"', request: DIAZEPAM_20(2), firstDaily: '20', ceiling: '20', codes: ['BZD_WITHDRAWAL_EARLY'] },
  { name: 'R12 long group, missed 3 → 15 mg/day', source: 'A8 inside-window row', request: DIAZEPAM_20(3), firstDaily: '15', ceiling: '20', codes: ['BZD_WITHDRAWAL_WINDOW'], windowDays: 28 },
  { name: 'R13 long group, missed 14 → still inside, 15 mg/day', source: 'A8 window table: long missedDays ≤ 28', request: DIAZEPAM_20(14), firstDaily: '15', codes: ['BZD_WITHDRAWAL_WINDOW'] },
  { name: 'R14 long group, missed 15 → still inside, 15 mg/day', source: 'A8 window table: long missedDays ≤ 28', request: DIAZEPAM_20(15), firstDaily: '15', codes: ['BZD_WITHDRAWAL_WINDOW'], absent: ['BZD_TOLERANCE_LOSS'] },
  { name: 'R15 long group, missed 28 (last window day) → 15 mg/day', source: 'A8 window table: long missedDays ≤ 28', request: DIAZEPAM_20(28), firstDaily: '15', codes: ['BZD_WITHDRAWAL_WINDOW'] },
  { name: 'R16 long group, missed 29 → after window: label initial 2 mg twice = 4 mg/day', source: 'A8 after-window row; label-valium "2 mg to 10 mg, 2 to 4 times daily"', request: DIAZEPAM_20(29), firstDaily: '4', ceiling: '20', codes: ['BZD_TOLERANCE_LOSS'], absent: ['BZD_WITHDRAWAL_WINDOW'] },

  // --- Each risk factor alone (lorazepam 2 mg/day, 5 missed days → 50 % = 1 mg/day) ---
  { name: 'R17 opioid alone → 1 mg/day', source: 'A8 risk-factor row; FDA 2016 opioid + benzodiazepine', request: LORAZEPAM_2(5, { concurrent: ['morphine'] }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'BZD_OPIOID', 'OPIOID_BENZODIAZEPINE'] },
  { name: 'R18 gabapentinoid alone → 1 mg/day', source: 'A8 risk-factor row; FDA 2019 gabapentinoids', request: LORAZEPAM_2(5, { concurrent: ['gabapentin'] }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'BENZODIAZEPINE_GABAPENTINOID'], absent: ['BZD_OPIOID'] },
  { name: 'R19 alcohol via patient.alcoholUse → 1 mg/day', source: 'A8 risk-factor row (alcohol); FDA 2020 boxed warning', request: LORAZEPAM_2(5, { patient: { alcoholUse: true } }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'ALCOHOL'] },
  { name: 'R20 alcohol via concurrent alcohol → 1 mg/day', source: 'A8 risk-factor row (alcohol)', request: LORAZEPAM_2(5, { concurrent: ['alcohol'] }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'ALCOHOL'] },
  { name: 'R21 respiratory disease → 1 mg/day', source: 'A8 risk-factor row (respiratory disease/sleep apnea)', request: LORAZEPAM_2(5, { patient: { respiratoryDisease: true } }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'RESPIRATORY_RISK'] },
  { name: 'R22 sleep apnea → 1 mg/day', source: 'A8 risk-factor row (respiratory disease/sleep apnea)', request: LORAZEPAM_2(5, { patient: { sleepApnea: true } }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'RESPIRATORY_RISK'] },
  { name: 'R23 age 65 → 1 mg/day and Beers', source: 'A8 risk-factor row (age ≥ 65); Beers 2023 avoid', request: LORAZEPAM_2(5, { patient: { ageYears: 65 } }), firstDaily: '1', codes: ['BZD_RISK_FACTOR_STEP', 'BEERS_AVOID'] },
  { name: 'R24 age 64, no factor → 75 % = 1.5 mg/day, no Beers', source: 'A8 inside-window row; Beers scope 65 and older', request: LORAZEPAM_2(5, { patient: { ageYears: 64 } }), firstDaily: '1.5', absent: ['BZD_RISK_FACTOR_STEP', 'BEERS_AVOID'] },

  // --- Withdrawal symptoms (diazepam 10 mg once daily = 10 mg DE, low band; 5 missed days) ---
  { name: 'R25 symptoms none → 75 % = 7.5 mg', source: 'A8 inside-window row', request: DIAZEPAM_10(5, { patient: { withdrawalSymptomsNow: 'none' } }), firstDaily: '7.5', ceiling: '10', absent: ['BZD_SEIZURE_RISK'] },
  { name: 'R26 symptoms mild → unchanged 7.5 mg', source: 'A8 names only significant and severe symptoms', request: DIAZEPAM_10(5, { patient: { withdrawalSymptomsNow: 'mild' } }), firstDaily: '7.5', absent: ['BZD_SEIZURE_RISK', 'BZD_INPATIENT_CONSIDER'] },
  { name: 'R27 symptoms significant at 10 mg DE → prior dose, no inpatient prompt', source: 'A8 "significant" row (BZD_SEIZURE_RISK); inpatient row needs > 15 mg DE', request: DIAZEPAM_10(5, { patient: { withdrawalSymptomsNow: 'significant' } }), firstDaily: '10', ceiling: '10', codes: ['BZD_SEIZURE_RISK'], absent: ['BZD_INPATIENT_CONSIDER'] },
  { name: 'R28 symptoms severe → prior dose and consider inpatient care', source: 'A8 "severe" row; Joint Guideline Rec 5c', request: DIAZEPAM_10(5, { patient: { withdrawalSymptomsNow: 'severe' } }), firstDaily: '10', codes: ['BZD_INPATIENT_CONSIDER', 'BZD_SEIZURE_RISK'] },
  { name: 'R29 diazepam 20 mg/day (> 15 mg DE) with significant symptoms → prior dose and inpatient prompt', source: 'A8 row "prior > 15 mg DE/day with significant symptoms"', request: DIAZEPAM_20(5, { patient: { withdrawalSymptomsNow: 'significant' } }), firstDaily: '20', codes: ['BZD_INPATIENT_CONSIDER'] },

  // --- Detox, non-prescribed, intermittent, short use ---
  { name: 'R30 completed supervised withdrawal (detox), 5 missed days → restart low: 4 mg/day', source: 'A8 detox row (as after window; BZD_AFTER_DETOX)', request: DIAZEPAM_20(5, { breakReason: 'detox' }), firstDaily: '4', ceiling: '20', codes: ['BZD_AFTER_DETOX', 'BZD_TOLERANCE_LOSS'], absent: ['BZD_WITHDRAWAL_WINDOW'] },
  { name: 'R31 non-prescribed dose → refusal BZD_DOSE_UNKNOWN', source: 'A8 "dose unknown or non-prescribed → BLOCK"', request: ALPRAZOLAM_6(5, { prior: { nonPrescribed: true } }), refusal: 'BZD_DOSE_UNKNOWN' },
  { name: 'R32 taken 3 days a week → not dependent, one prior single dose (0.5 mg)', source: 'A8 NOT_DEPENDENT row; Joint Guideline Table 2 "rare"', request: req('alprazolam', '0.5', 2, 5, { prior: { daysPerWeek: 3 } }), firstDaily: '0.5', codes: ['BZD_NOT_DEPENDENT'], absent: ['BZD_WITHDRAWAL_WINDOW'], dependence: 'NOT_DEPENDENT' },
  { name: 'R33 daily for 20 days (< 1 month) → possibly dependent, treated as dependent: 75 % of 1 mg = 0.75 mg', source: 'A8 dependence: POSSIBLY_DEPENDENT treated as DEPENDENT (EA)', request: { ...req('alprazolam', '0.5', 2, 5), priorDurationDays: 20 }, firstDaily: '0.75', codes: ['BZD_WITHDRAWAL_WINDOW'], dependence: 'POSSIBLY_DEPENDENT' },

  // --- Z-drugs (A2) ---
  { name: 'R34 zolpidem IR woman 10 mg, after window → 5 mg start, ceiling 10', source: 'A2 zolpidem sex row (FDA 2013: women 5 mg); label-ambien 2.1 max 10 mg', request: req('zolpidem', '10', 1, 20, { patient: { sex: 'female' } }), firstDaily: '5', ceiling: '10', codes: ['ZDRUG_SEX_DOSE', 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR', 'BZD_TOLERANCE_LOSS'] },
  { name: 'R35 zolpidem IR man 10 mg, after window → 5 mg (the lower of 5 or 10), no sex warning', source: 'label-ambien 2.1 "5 or 10 mg for men"; house rule: the lower dose', request: req('zolpidem', '10', 1, 20, { patient: { sex: 'male' } }), firstDaily: '5', ceiling: '10', absent: ['ZDRUG_SEX_DOSE'] },
  { name: 'R36 zolpidem IR sex unknown → treated as female', source: 'A2: unknown treated as female', request: req('zolpidem', '10', 1, 20, { patient: { sex: 'unknown' } }), firstDaily: '5', codes: ['ZDRUG_SEX_DOSE'] },
  { name: 'R37 zolpidem ER woman 12.5 mg, after window → 6.25 mg, ceiling 12.5', source: 'A2 zolpidem sex row (ER 6.25 mg); label-ambien-cr 2.1', request: req('zolpidem', '12.5', 1, 20, { formulation: 'er', patient: { sex: 'female' } }), firstDaily: '6.25', ceiling: '12.5', codes: ['ZDRUG_SEX_DOSE'] },
  { name: 'R38 zolpidem IR man aged 65, 10 mg, 1 missed day → capped at 5 mg', source: 'A2 zolpidem age row (≤ 5 mg IR from 65; LABEL_CAP_APPLIED)', request: req('zolpidem', '10', 1, 1, { patient: { sex: 'male', ageYears: 65 } }), firstDaily: '5', ceiling: '5', codes: ['ZDRUG_AGE_DOSE', 'LABEL_CAP_APPLIED', 'BEERS_AVOID'] },
  { name: 'R39 zolpidem ER man aged 70, 12.5 mg, 1 missed day → capped at 6.25 mg', source: 'A2 zolpidem age row (ER 6.25 mg)', request: req('zolpidem', '12.5', 1, 1, { formulation: 'er', patient: { sex: 'male', ageYears: 70 } }), firstDaily: '6.25', ceiling: '6.25', codes: ['ZDRUG_AGE_DOSE', 'LABEL_CAP_APPLIED'] },
  { name: 'R40 zolpidem IR, severe hepatic impairment → critical ZOLPIDEM_SEVERE_HEPATIC, ≤ 5 mg', source: 'A2 zolpidem hepatic row (label: avoid in severe)', request: req('zolpidem', '10', 1, 1, { patient: { sex: 'male', hepaticImpairment: 'severe' } }), ceiling: '5', codes: ['ZOLPIDEM_SEVERE_HEPATIC'] },
  { name: 'R41 eszopiclone 3 mg, after window → 1 mg start, ceiling 3', source: 'A2 eszopiclone row (FDA 2014: start 1 mg); label-lunesta max 3 mg', request: req('eszopiclone', '3', 1, 20), firstDaily: '1', ceiling: '3', codes: ['ZDRUG_COMPLEX_SLEEP_BEHAVIOR'] },
  { name: 'R42 eszopiclone 3 mg at 70, 1 missed day → ceiling 2 mg', source: 'A2 eszopiclone row (elderly ≤ 2 mg)', request: req('eszopiclone', '3', 1, 1, { patient: { ageYears: 70 } }), ceiling: '2', codes: ['ZDRUG_AGE_DOSE', 'LABEL_CAP_APPLIED'] },
  { name: 'R43 zaleplon 10 mg at 70, after window → 5 mg start, ceiling 10 (label: doses over 10 mg not recommended in the elderly)', source: 'label-sonata (drugs.com label text): "respond to 5 mg of zaleplon. Doses over 10 mg are not recommended"', request: req('zaleplon', '10', 1, 20, { patient: { ageYears: 70 } }), firstDaily: '5', ceiling: '10' },
  { name: 'R44 zaleplon 20 mg at 70, 1 missed day → capped at 10 mg', source: 'label-sonata elderly: over 10 mg not recommended', request: req('zaleplon', '20', 1, 1, { patient: { ageYears: 70 } }), ceiling: '10', codes: ['LABEL_CAP_APPLIED'] },
  { name: 'R45 Z-drug with a complex sleep behaviour history → refusal', source: 'A2 BLOCK ZDRUG_COMPLEX_SLEEP_BEHAVIOR (FDA 2019 contraindication)', request: req('zolpidem', '10', 1, 1, { patient: { complexSleepBehaviorHistory: true } }), refusal: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR' },
  { name: 'R46 eszopiclone with a complex sleep behaviour history → refusal', source: 'A2 BLOCK ZDRUG_COMPLEX_SLEEP_BEHAVIOR', request: req('eszopiclone', '2', 1, 1, { patient: { complexSleepBehaviorHistory: true } }), refusal: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR' },

  // --- Beers and hepatic (A2, A3) ---
  { name: 'R47 alprazolam at 65 with an opioid, 1 missed day → Beers avoid and the opioid–benzodiazepine critical', source: 'A2 Beers rows (BEERS_AVOID; BEERS_OPIOID_BZD critical)', request: req('alprazolam', '0.5', 2, 1, { patient: { ageYears: 65 }, concurrent: ['oxycodone'] }), firstDaily: '1', codes: ['BEERS_AVOID', 'BEERS_OPIOID_BZD', 'OPIOID_BENZODIAZEPINE'] },
  { name: 'R48 diazepam, moderate hepatic impairment → BZD_HEPATIC', source: 'A3 benzodiazepine row (ALiEM: LOT drugs have no active metabolites)', request: DIAZEPAM_10(1, { patient: { hepaticImpairment: 'moderate' } }), firstDaily: '10', codes: ['BZD_HEPATIC'] },
  { name: 'R49 lorazepam, moderate hepatic impairment → no BZD_HEPATIC (a LOT drug)', source: 'A3 benzodiazepine row lists diazepam, chlordiazepoxide, clorazepate, alprazolam, clonazepam only', request: LORAZEPAM_2(1, { patient: { hepaticImpairment: 'moderate' } }), firstDaily: '2', absent: ['BZD_HEPATIC'] },
  { name: 'R50 diazepam, mild hepatic impairment → no BZD_HEPATIC (moderate or worse)', source: 'A3 benzodiazepine row: hepaticImpairment ≥ moderate', request: DIAZEPAM_10(1, { patient: { hepaticImpairment: 'mild' } }), absent: ['BZD_HEPATIC'] },

  // --- Label age limits of the benzodiazepine hypnotics (found in the label copies during the source review) ---
  { name: 'R54 triazolam 0.5 mg at 70, 1 missed day → capped at 0.25 mg (geriatric maximum), no Z-drug code', source: 'label-halcion 2.2 (pfizermedical.com): "In geriatric patients ... The maximum recommended dosage is 0.25 mg once daily"', request: req('triazolam', '0.5', 1, 1, { patient: { ageYears: 70 } }), ceiling: '0.25', codes: ['LABEL_CAP_APPLIED'], absent: ['ZDRUG_AGE_DOSE'] },
  { name: 'R55 flurazepam 30 mg at 70, 1 missed day → capped at 15 mg', source: 'label-flurazepam, Precautions (Dalmane brief summary): "In elderly and debilitated patients, it is recommended that the dosage be limited to 15 mg"', request: req('flurazepam', '30', 1, 1, { patient: { ageYears: 70 } }), ceiling: '15', codes: ['LABEL_CAP_APPLIED'], absent: ['ZDRUG_AGE_DOSE'] },
  { name: 'R56 triazolam 0.25 mg at 64 → no age cap', source: 'label-halcion 2.1 adult maximum 0.5 mg', request: req('triazolam', '0.25', 1, 1, { patient: { ageYears: 64 } }), ceiling: '0.25', absent: ['LABEL_CAP_APPLIED'] },

  // --- Zaleplon in hepatic impairment (label text found during the source review) ---
  { name: 'R57 zaleplon 10 mg, mild hepatic impairment, 1 missed day → capped at 5 mg', source: 'label-sonata (drugs.com label text): "Patients with mild to moderate hepatic impairment should be treated with zaleplon 5 mg"', request: req('zaleplon', '10', 1, 1, { patient: { hepaticImpairment: 'mild' } }), firstDaily: '5', ceiling: '5', codes: ['LABEL_CAP_APPLIED', 'ZDRUG_AGE_DOSE'], absent: ['ZDRUG_SEVERE_HEPATIC'] },
  { name: 'R58 zaleplon 10 mg, moderate hepatic impairment → capped at 5 mg', source: 'label-sonata: mild to moderate hepatic impairment 5 mg', request: req('zaleplon', '10', 1, 1, { patient: { hepaticImpairment: 'moderate' } }), ceiling: '5', codes: ['LABEL_CAP_APPLIED'] },
  { name: 'R59 zaleplon, severe hepatic impairment → critical ZDRUG_SEVERE_HEPATIC (label: not recommended), ≤ 5 mg', source: 'label-sonata: "Zaleplon is not recommended for use in patients with severe hepatic impairment"; A2 rule of thumb: "not recommended" → CRITICAL', request: req('zaleplon', '10', 1, 1, { patient: { hepaticImpairment: 'severe' } }), ceiling: '5', codes: ['ZDRUG_SEVERE_HEPATIC'], absent: ['ZOLPIDEM_SEVERE_HEPATIC'] },

  // --- Eszopiclone in severe hepatic impairment (label text found during the source review) ---
  { name: 'R63 eszopiclone 3 mg, severe hepatic impairment, 1 missed day → capped at 2 mg', source: 'label-lunesta (drugs.com/dosage/lunesta.html): "In patients with severe hepatic impairment ... the total dose of LUNESTA should not exceed 2 mg"', request: req('eszopiclone', '3', 1, 1, { patient: { hepaticImpairment: 'severe' } }), ceiling: '2', codes: ['LABEL_CAP_APPLIED'] },
  { name: 'R64 eszopiclone 3 mg, moderate hepatic impairment → no hepatic cap (the label limits severe only)', source: 'label-lunesta 2: the 2 mg limit names severe hepatic impairment', request: req('eszopiclone', '3', 1, 1, { patient: { hepaticImpairment: 'moderate' } }), ceiling: '3', absent: ['LABEL_CAP_APPLIED'] },
];

function run(c: Case) {
  return planRestart(c.request);
}

describe('independent review vignettes (benzodiazepines and Z-drugs)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = run(c);
    if (c.refusal) {
      expect(result.ok, c.source).toBe(false);
      expect(result.ok ? undefined : result.refusal?.code, c.source).toBe(c.refusal);
      return;
    }
    if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.errors)}`);
    const plan: RestartPlan = result.plan;
    const steps = plan.steps;
    if (c.firstDaily !== undefined) expect(steps[0]!.dailyDose.amount, `first step — ${c.source}`).toBe(c.firstDaily);
    if (c.ceiling !== undefined) expect(steps.at(-1)!.dailyDose.amount, `ceiling — ${c.source}`).toBe(c.ceiling);
    const codes = plan.warnings.map((w) => w.code);
    for (const code of c.codes ?? []) expect(codes, `${code} — ${c.source}`).toContain(code);
    for (const code of c.absent ?? []) expect(codes, `no ${code} — ${c.source}`).not.toContain(code);
    if (c.dependence) expect(plan.tolerance.dependence).toBe(c.dependence);
    if (c.windowDays !== undefined) expect(plan.tolerance.withdrawalWindowDays).toBe(c.windowDays);
    // Never above the prior daily dose (house rule).
    for (const s of steps) expect(Number(s.dailyDose.amount)).toBeLessThanOrEqual(Number(plan.prior.dailyDose.amount));
  });

  it('R51 diazepam equivalents printed by both tables: alprazolam 6 mg/day = 120 mg (Ashton 0.5 mg) and 60 mg (VA/DoD 1 mg)', () => {
    // Ashton Manual Table 1: alprazolam 0.5 mg ≈ diazepam 10 mg; VA/DoD 2021 (Joint Guideline Table 7): 1 mg.
    const r = planRestart(ALPRAZOLAM_6(1));
    if (!r.ok) throw new Error('no plan');
    const eq = Object.fromEntries((r.plan.prior.equivalents ?? []).map((e) => [e.source, [e.perDiazepam10mg, e.dailyEquivalent.amount, e.dailyEquivalent.unit]]));
    expect(eq['ashton-2002']).toEqual(['0.5', '120', 'mg diazepam']);
    expect(eq['va-dod-sud-2021']).toEqual(['1', '60', 'mg diazepam']);
    expect(r.plan.prior.riskBand?.band).toBe('high');
  });

  it('R52 diazepam equivalents: lorazepam 2 mg/day = 20 mg (Ashton 1 mg) and 10 mg (VA/DoD 2 mg); clonazepam 1 mg/day = 20 and 10', () => {
    const l = planRestart(LORAZEPAM_2(1));
    const c = planRestart(req('clonazepam', '0.5', 2, 1));
    if (!l.ok || !c.ok) throw new Error('no plan');
    const pick = (p: RestartPlan) => (p.prior.equivalents ?? []).map((e) => `${e.source}:${e.dailyEquivalent.amount}`).sort();
    expect(pick(l.plan)).toEqual(['ashton-2002:20', 'va-dod-sud-2021:10']);
    expect(pick(c.plan)).toEqual(['ashton-2002:20', 'va-dod-sud-2021:10']);
  });

  it('R60 the Z-drug label-limit warning says only what the labels say (no unsourced "falls" or "next-morning" claim for a hepatic limit)', () => {
    // label-ambien 2.3 and label-sonata give the hepatic limits for reduced clearance; they do not say falls are more likely.
    for (const [drug, patient] of [['zolpidem', { sex: 'male', hepaticImpairment: 'moderate' }], ['zaleplon', { hepaticImpairment: 'mild' }], ['zaleplon', { ageYears: 70 }]] as const) {
      const r = planRestart(req(drug, '10', 1, 1, { patient }));
      if (!r.ok) throw new Error('no plan');
      const w = r.plan.warnings.find((x) => x.code === 'ZDRUG_AGE_DOSE');
      expect(w?.message).toBeDefined();
      expect(w!.message).not.toMatch(/falls|next-morning/);
    }
  });

  it('R61 after a detox the tolerance-loss warning names the supervised withdrawal, and one missed day is not "1 missed days"', () => {
    // A8 detox row: the low restart follows the completed medically supervised withdrawal, whatever the gap.
    const r = planRestart(LORAZEPAM_2(1, { breakReason: 'detox' }));
    if (!r.ok) throw new Error('no plan');
    const w = r.plan.warnings.find((x) => x.code === 'BZD_TOLERANCE_LOSS')!;
    expect(w.message).toMatch(/supervised withdrawal/);
    expect([w.message, ...r.plan.derivation].join('\n')).not.toMatch(/\b1 missed days/);
  });

  it('R65 not dependent (2 days a week): every step, not only the first, keeps to the prior days a week', () => {
    // A8 NOT_DEPENDENT row: "≤ prior single dose, ≤ prior days/week"; house rule: never exceed the prior dose.
    const r = planRestart(req('alprazolam', '1', 2, 4, { prior: { daysPerWeek: 2 } }));
    if (!r.ok) throw new Error('no plan');
    expect(r.plan.steps.length).toBeGreaterThan(1);
    for (const step of r.plan.steps) expect(step.rule).toMatch(/no more than 2 days a week/);
  });

  it('R53 ISMP: Tall Man display names as the data has them, no trailing zeros, mcg never µg, no QD', () => {
    const names: Record<string, string> = { alprazolam: 'ALPRAZolam', clonazepam: 'clonazePAM', lorazepam: 'LORazepam', diazepam: 'diazePAM', chlordiazepoxide: 'chlordiazePOXIDE', clobazam: 'cloBAZam' };
    for (const [id, display] of Object.entries(names)) {
      const r = planRestart(req(id, id === 'chlordiazepoxide' ? '10' : id === 'clobazam' ? '10' : id === 'diazepam' ? '5' : '0.5', 2, 5, { concurrent: ['oxycodone'], patient: { ageYears: 70, withdrawalSymptomsNow: 'significant' } }));
      if (!r.ok) throw new Error(`${id}: no plan`);
      expect(r.plan.displayName).toBe(display);
      const text = [...r.plan.warnings.map((w) => w.message), ...r.plan.derivation, ...r.plan.steps.map((s) => `${s.dose.amount} ${s.dailyDose.amount} ${s.administrations.join(' ')} ${s.makeUp.join(' ')}`)].join('\n');
      expect(text).not.toMatch(/\b\d+\.\d*0 ?mg\b/);
      expect(text).not.toMatch(/\b\d+\.0\b/);
      expect(text).not.toMatch(/µg|\bQD\b/);
      expect(text).not.toMatch(/(^|[^.\d])\.\d+ ?mg/);
    }
  });
});
