/**
 * Vignettes for the amended opioid rules (restart-model amendments A1–A6, A10; CDC 2022 Rec 1–5), written from the
 * sources: each names the source that decides it and checks real numbers or codes, not snapshots.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanRefusal } from '../../src/engine/types.ts';
import { BASE, codes, plan, restartAfter, warning } from './helpers.ts';

type Req = Record<string, unknown>;
const req = (drug: string, formulation: string, dose: string, times: number, daysOff: number, extra: Req = {}): Req => ({
  drug,
  formulation,
  prior: { dose, unit: formulation === 'patch' ? 'mcg/h' : 'mg', ...(formulation === 'patch' ? {} : { timesPerDay: times }) },
  ...BASE,
  restartDate: restartAfter(daysOff),
  ...extra,
});
function refusal(r: Req): PlanRefusal {
  const result = planRestart(r);
  if (result.ok || !result.refusal) throw new Error(`expected a refusal, got ${JSON.stringify(result.ok ? result.plan.steps[0] : result.errors)}`);
  return result.refusal;
}
const severity = (p: ReturnType<typeof plan>, code: string) => warning(p, code).severity;

describe('A1 — MAOIs, serotonin syndrome, seizures, CYP (tramadol label 4; FDA 2016 opioid DSC; tramadol/APAP label Table 2)', () => {
  it('V1 (tramadol label 4 Contraindications): tramadol with phenelzine taken now → BLOCK MAOI_CONTRAINDICATED_OPIOID, non-serotonergic alternative', () => {
    const r = refusal(req('tramadol', 'ir', '50', 4, 2, { concurrent: ['phenelzine'] }));
    expect(r).toMatchObject({ code: 'MAOI_CONTRAINDICATED_OPIOID', path: 'concurrent.0', severity: 'block' });
    expect(r.alternative).toMatch(/morphine, oxyCODONE or HYDROmorphone/);
    expect(r.reasonSources).toContain('label-tramadol-contraindications');
  });

  it('V2 (tramadol label: "within the last 14 days"): tranylcypromine last taken 2026-10-25 → earliest plan date 2026-11-08', () => {
    const r = refusal(req('tramadol', 'ir', '50', 4, 3, { concurrent: [{ drug: 'tranylcypromine', stoppedOn: '2026-10-25' }] }));
    expect(r.earliestPlanDate).toBe('2026-11-08');
  });

  it('V3 (Nucynta patient information: MAO inhibitors include selegiline, rasagiline): tapentadol with rasagiline → BLOCK', () => {
    expect(refusal(req('tapentadol', 'ir', '50', 4, 2, { concurrent: ['rasagiline'] })).code).toBe('MAOI_CONTRAINDICATED_OPIOID');
  });

  it('V4 (MIMS tramadol: MAOIs include linezolid and IV methylene blue): tramadol while on linezolid → BLOCK; stopped 2 days ago → plan with critical SEROTONIN_SYNDROME_RISK (engine assumption: 24 hours)', () => {
    expect(refusal(req('tramadol', 'ir', '50', 4, 2, { concurrent: ['linezolid'] })).code).toBe('MAOI_CONTRAINDICATED_OPIOID');
    const p = plan(req('tramadol', 'ir', '50', 4, 3, { concurrent: [{ drug: 'linezolid', stoppedOn: '2026-11-02' }] }));
    expect(severity(p, 'SEROTONIN_SYNDROME_RISK')).toBe('critical');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('linezolid-opioid-24-hours');
  });

  it('V5 (methadone label 7: MAOIs "not recommended"): morphine with phenelzine → plan with critical MAOI_OPIOID_NOT_RECOMMENDED', () => {
    const p = plan(req('morphine', 'ir', '15', 4, 2, { concurrent: ['phenelzine'] }));
    expect(severity(p, 'MAOI_OPIOID_NOT_RECOMMENDED')).toBe('critical');
  });

  it('V6 (FDA 2016: serotonin syndrome more frequent with fentanyl and methadone): fentaNYL patch with sertraline → critical; oxyCODONE with sertraline → warning', () => {
    expect(severity(plan(req('fentanyl', 'patch', '50', 1, 2, { concurrent: ['sertraline'] })), 'SEROTONIN_SYNDROME_RISK')).toBe('critical');
    expect(severity(plan(req('oxycodone', 'ir', '10', 4, 2, { concurrent: ['sertraline'] })), 'SEROTONIN_SYNDROME_RISK')).toBe('warning');
  });

  it('V7 (MIMS tramadol seizure interactions): tramadol with sertraline → TRAMADOL_SEIZURE_RISK warning; with bupropion → critical', () => {
    expect(severity(plan(req('tramadol', 'ir', '50', 4, 2, { concurrent: ['sertraline'] })), 'TRAMADOL_SEIZURE_RISK')).toBe('warning');
    expect(severity(plan(req('tramadol', 'ir', '50', 4, 2, { concurrent: ['bupropion'] })), 'TRAMADOL_SEIZURE_RISK')).toBe('critical');
  });

  it('V8 (tramadol/APAP label Table 2: stopping a CYP2D6 inhibitor raises M1): codeine after paroxetine stopped in the gap → critical CYP2D6_INTERACTION, first step halved but not below the naive start', () => {
    const p = plan(req('codeine', 'ir', '60', 4, 2, { priorDurationDays: 90, concurrent: [{ drug: 'paroxetine', stoppedOn: '2026-11-02' }] }));
    expect(severity(p, 'CYP2D6_INTERACTION')).toBe('critical');
    expect(p.steps[0]!.dailyDose.amount).toBe('120');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('240');
    expect(codes(p)).toContain('STEP_LOWERED_BY_INPUT');
  });

  it('V9 (Fentora 7 / fentanyl label: CYP3A4 inhibitors raise exposure): oxyCODONE 10 mg × 4 with clarithromycin started during the gap → critical CYP3A4_INTERACTION, first step 20 mg/day', () => {
    const p = plan(req('oxycodone', 'ir', '10', 4, 2, { concurrent: [{ drug: 'clarithromycin', startedOn: '2026-11-01' }] }));
    expect(severity(p, 'CYP3A4_INTERACTION')).toBe('critical');
    expect(p.steps[0]!.dailyDose.amount).toBe('20');
    expect(warning(p, 'STEP_LOWERED_BY_INPUT').message).toContain('clarithromycin (concurrent.0)');
  });

  it('V10 (amendment A1: fentanyl patch not restarted after a CYP3A4 change): fentaNYL 50 mcg/h with ritonavir started → immediate-release morphine', () => {
    const p = plan(req('fentanyl', 'patch', '50', 1, 2, { concurrent: [{ drug: 'ritonavir', startedOn: '2026-10-30' }] }));
    expect(p.steps.every((s) => s.drug === 'morphine')).toBe(true);
    expect(severity(p, 'CYP3A4_INTERACTION')).toBe('critical');
  });

  it('V11 (amendment A1: inducer stopped raises exposure): HYDROcodone/APAP with rifampin stopped 5 days before the last dose → CYP3A4 cap', () => {
    const p = plan(req('hydrocodone', 'apap', '10', 4, 2, { priorDurationDays: 90, concurrent: [{ drug: 'rifampin', stoppedOn: '2026-10-27' }] }));
    expect(severity(p, 'CYP3A4_INTERACTION')).toBe('critical');
    expect(p.steps[0]!.dailyDose.amount).toBe('20');
  });
});

describe('A2 — tramadol age cap and Beers 2023', () => {
  it('V12 (tramadol label: over 75, not more than 300 mg/day): tramadol 100 mg × 4 at age 80 after 1 missed day → ceiling 300 mg/day, LABEL_CAP_APPLIED and TRAMADOL_AGE_CAP critical', () => {
    const p = plan(req('tramadol', 'ir', '100', 4, 2, { patient: { ageYears: 80 } }));
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('300');
    expect(severity(p, 'LABEL_CAP_APPLIED')).toBe('critical');
    expect(severity(p, 'TRAMADOL_AGE_CAP')).toBe('critical');
  });

  it('V13 (Beers 2023 Table 5): age 70 with LORazepam and gabapentin → critical BEERS_OPIOID_BZD and BEERS_OPIOID_GABAPENTINOID; three CNS-active drugs → BEERS_CNS_3PLUS', () => {
    const p = plan(req('oxycodone', 'ir', '5', 4, 2, { patient: { ageYears: 70 }, concurrent: ['lorazepam', 'gabapentin'] }));
    expect(severity(p, 'BEERS_OPIOID_BZD')).toBe('critical');
    expect(severity(p, 'BEERS_OPIOID_GABAPENTINOID')).toBe('critical');
    expect(severity(p, 'BEERS_CNS_3PLUS')).toBe('warning');
    // The rule every class shares (beers.ts): the opioid named as the plan names it (Tall Man), then the others.
    expect(warning(p, 'BEERS_CNS_3PLUS')).toMatchObject({
      message: 'Age 70: 3 CNS-active drugs (oxyCODONE, LORazepam, gabapentin). The Beers Criteria (2023) advise avoiding 3 or more together (falls) and minimising their number.',
      sources: ['beers-2023'],
    });
    const line = p.derivation.find((l) => l.includes('Warning BEERS_CNS_3PLUS'))!;
    expect(line).toContain('3 CNS-active drugs ≥ 3 at age 70.');
    expect(line).toContain('[beers-2023: Table 5: any combination of 3 or more CNS-active drugs');
  });

  it('V13b (Beers 2023 Table 5, the one CNS-active table): moclobemide counts as an antidepressant with an opioid too; alcohol and lithium do not count; 2 CNS-active drugs or age 64 give no warning', () => {
    expect(warning(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 70 }, concurrent: ['moclobemide', 'lorazepam'] })), 'BEERS_CNS_3PLUS').message).toMatch(/^Age 70: 3 CNS-active drugs \(morphine, moclobemide/);
    expect(codes(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 70 }, concurrent: ['alcohol', 'lithium'] })))).not.toContain('BEERS_CNS_3PLUS');
    expect(codes(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 70 }, concurrent: ['sertraline'] })))).not.toContain('BEERS_CNS_3PLUS');
    expect(codes(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 64 }, concurrent: ['sertraline', 'quetiapine'] })))).not.toContain('BEERS_CNS_3PLUS');
  });

  it('V14 (Beers 2023 Table 3, falls): age 72 with a history of falls → BEERS_FALLS; at age 60 none', () => {
    expect(codes(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 72, historyOfFalls: true } })))).toContain('BEERS_FALLS');
    expect(codes(plan(req('morphine', 'ir', '15', 4, 2, { patient: { ageYears: 60, historyOfFalls: true } })))).not.toContain('BEERS_FALLS');
  });
});

describe('A3 — organ function and alcohol', () => {
  it('V15 (UofT table via A3; CDC Rec 3 longer interval): morphine after tolerance loss with CrCl 20 → critical RENAL_METABOLITE_ACCUMULATION, naive start halved, 6-day intervals', () => {
    const p = plan(req('morphine', 'ir', '15', 4, 10, { patient: { creatinineClearanceMlMin: 20 } }));
    expect(severity(p, 'RENAL_METABOLITE_ACCUMULATION')).toBe('critical');
    expect(p.steps[0]!.dailyDose.amount).toBe('15');
    expect(p.steps[1]!.start).toBe('2026-11-17');
  });

  it('V16 (tramadol label renal dosing): tramadol IR 50 mg × 6 with CrCl 25 → every 12 hours, ceiling 200 mg/day', () => {
    const p = plan(req('tramadol', 'ir', '50', 6, 2, { patient: { creatinineClearanceMlMin: 25 } }));
    expect(p.steps.every((s) => s.timesPerDay <= 2)).toBe(true);
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('200');
  });

  it('V17 (tramadol ER label 8.6, via A3): tramadol ER with CrCl 20 → BLOCK TRAMADOL_ER_ORGAN with the IR plan as the alternative', () => {
    const r = refusal(req('tramadol', 'er', '200', 1, 2, { patient: { creatinineClearanceMlMin: 20 } }));
    expect(r.code).toBe('TRAMADOL_ER_ORGAN');
    expect(r.path).toBe('patient.creatinineClearanceMlMin');
    expect(r.alternative).toContain('every 12 hours, at most 200 mg/day');
  });

  it('V18 (tramadol label, cirrhosis: 50 mg every 12 hours): tramadol 50 mg × 4 with moderate hepatic impairment → 50 mg twice daily', () => {
    const p = plan(req('tramadol', 'ir', '50', 4, 2, { patient: { hepaticImpairment: 'moderate' } }));
    expect(p.steps.at(-1)).toMatchObject({ administrations: ['50', '50'] });
    expect(severity(p, 'LABEL_CAP_APPLIED')).toBe('critical');
  });

  it('V19 (Dilaudid label: one-fourth to one-half of the usual start): HYDROmorphone after tolerance loss with severe hepatic impairment → one 2 mg tablet a day', () => {
    const p = plan(req('hydromorphone', 'ir', '4', 4, 10, { patient: { hepaticImpairment: 'severe' } }));
    expect(p.steps[0]).toMatchObject({ administrations: ['2'] });
  });

  it('V20 (opioid boxed warning, CNS depressants): patient.alcoholUse halves the naive start and names the input; ALCOHOL_OPIOID', () => {
    const p = plan(req('oxycodone', 'ir', '10', 4, 10, { patient: { alcoholUse: true } }));
    expect(p.steps[0]!.dailyDose.amount).toBe('10');
    expect(warning(p, 'ALCOHOL_OPIOID').message).toContain('patient.alcoholUse');
    expect(warning(p, 'STEP_LOWERED_BY_INPUT').message).toContain('patient.alcoholUse');
    expect(p.derivation.join('\n')).toContain('alcohol use [patient.alcoholUse]');
  });

  it('V21 (Nucynta ER: alcohol, increased exposure, fatal overdose): tapentadol ER with alcohol → critical ALCOHOL_DOSE_DUMPING', () => {
    expect(severity(plan(req('tapentadol', 'er', '100', 2, 2, { patient: { alcoholUse: true } })), 'ALCOHOL_DOSE_DUMPING')).toBe('critical');
  });

  it('V22 (Nucynta label: severe hepatic impairment not recommended): tapentadol → critical TAPENTADOL_SEVERE_HEPATIC', () => {
    expect(severity(plan(req('tapentadol', 'ir', '50', 4, 2, { patient: { hepaticImpairment: 'severe' } })), 'TAPENTADOL_SEVERE_HEPATIC')).toBe('critical');
  });

  it('V23 (Duragesic label 8: avoid in severe renal impairment): fentaNYL patch resumed at r = 1 with CrCl 20 → critical FENTANYL_PATCH_ORGAN', () => {
    expect(severity(plan(req('fentanyl', 'patch', '25', 1, 2, { patient: { creatinineClearanceMlMin: 20 } })), 'FENTANYL_PATCH_ORGAN')).toBe('critical');
  });
});

describe('A4 — missed-day anchors for every regular user (CDC 2022 Rec 5; FDA 2019 tapering DSC)', () => {
  it('V24 (amendment A4 test vector): HYDROcodone/APAP 10/325 every 6 hours daily for 3 months, 2 missed days → 40 MME/day on the same product', () => {
    const p = plan(req('hydrocodone', 'apap', '10', 4, 3, { priorDurationDays: 90 }));
    expect(p.tolerance.priorTolerant).toBe(false);
    expect(p.steps[0]).toMatchObject({ drug: 'hydrocodone', formulation: 'apap', dailyEquivalent: { amount: '40' } });
  });

  it('V25 (issue example, CDC Rec 5): codeine 240 mg/day after one missed day → 240 mg/day, not 60', () => {
    const p = plan(req('codeine', 'ir', '60', 4, 2, { priorDurationDays: 90 }));
    expect(p.steps[0]!.dailyDose.amount).toBe('240');
  });

  it('V26 (amendment A4, 3–4 missed days → r = 0.5): HYDROcodone/APAP 10 mg × 5 (50 mg/day), 3 missed days → 25 mg/day', () => {
    const p = plan(req('hydrocodone', 'apap', '10', 5, 4, { priorDurationDays: 90 }));
    expect(p.steps[0]!.dailyDose.amount).toBe('25');
  });

  it('V27 (amendment A4, REGULAR_INTERMITTENT): oxyCODONE 10 mg × 4 on 5 days a week → anchored on the average 28.57 mg/day', () => {
    const p = plan(req('oxycodone', 'ir', '10', 4, 2, { prior: { dose: '10', unit: 'mg', timesPerDay: 4, daysPerWeek: 5 } }));
    expect(p.steps[0]!.dailyDose.amount).toBe('25');
    expect(warning(p, 'USE_PATTERN_CLASS').message).toContain('Regular intermittent use');
  });

  it('V28 (amendment A4, NOT_DEPENDENT_ASSUMED; CDC draft L2433–2435): oxyCODONE as needed twice a day, 3 missed days → at most the prior 5 mg twice daily', () => {
    const p = plan(req('oxycodone', 'ir', '5', 2, 4, { prior: { dose: '5', unit: 'mg', timesPerDay: 2, asNeeded: true } }));
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.dailyDose.amount).toBe('10');
    expect(warning(p, 'USE_PATTERN_CLASS').message).toContain('Not assumed dependent');
  });

  it('V29 (amendment A4: a PRN prescription taken daily around the clock is REGULAR): as needed 4 times every day, 3 missed days → half the prior dose', () => {
    const p = plan(req('oxycodone', 'ir', '10', 4, 4, { prior: { dose: '10', unit: 'mg', timesPerDay: 4, asNeeded: true } }));
    expect(p.steps[0]!.dailyDose.amount).toBe('20');
  });
});

describe('A5 — acetaminophen over the limit: switch product, do not cut the opioid', () => {
  it('V30 (amendment A5; CDC Rec 5): acetaminophen/codeine No. 4 + No. 3 four times daily (2,400 mg acetaminophen) with liver disease (2 g) → codeine sulfate at the same 360 mg/day, APAP_LIMIT_SWITCH', () => {
    const p = plan(req('codeine', 'apap', '90', 4, 2, { patient: { hepaticImpairment: true } }));
    expect(p.steps[0]).toMatchObject({ drug: 'codeine', formulation: 'ir', dailyDose: { amount: '360' } });
    expect(severity(p, 'APAP_LIMIT_SWITCH')).toBe('critical');
  });

  it('V31 (amendment A5, other sources): HYDROcodone/APAP 10/325 × 6 with 2,500 mg/day of other acetaminophen → APAP_OTHER_SOURCES and APAP_LIMIT_NO_SINGLE_AGENT, opioid kept at 60 mg/day', () => {
    const p = plan(req('hydrocodone', 'apap', '10', 6, 2, { acetaminophenOtherSourcesMgPerDay: 2500 }));
    expect(codes(p)).toEqual(expect.arrayContaining(['APAP_OTHER_SOURCES', 'APAP_LIMIT_NO_SINGLE_AGENT']));
    expect(p.steps[0]!.dailyDose.amount).toBe('60');
  });

  it('V32 (CDC 2022 Rec 4, hepatotoxic at > 3–4 g, lower with alcohol): every combination plan states the acetaminophen ceiling; with alcohol 2,000 mg', () => {
    const p = plan(req('hydrocodone', 'apap', '5', 4, 2, { patient: { alcoholUse: true } }));
    expect(warning(p, 'ACETAMINOPHEN_CEILING').message).toMatch(/^Acetaminophen ceiling for this patient: 2,000 mg\/day .*this patient has that risk/);
  });
});

describe('A6 — opioid-naive starts, ER products and tolerant-only products (CDC 2022 Rec 3–4)', () => {
  it('V33 (CDC Rec 4 "using product labeling"; A6): tapentadol after tolerance loss → tapentadol 50 mg twice daily (40 MME) with NAIVE_START_ABOVE_CDC_RANGE; with age 70, 50 mg once daily', () => {
    const p = plan(req('tapentadol', 'ir', '100', 4, 10));
    expect(p.steps[0]).toMatchObject({ drug: 'tapentadol', administrations: ['50', '50'] });
    expect(severity(p, 'NAIVE_START_ABOVE_CDC_RANGE')).toBe('warning');
    expect(plan(req('tapentadol', 'ir', '100', 4, 10, { patient: { ageYears: 70 } })).steps[0]).toMatchObject({ administrations: ['50'] });
  });

  it('V34 (A6 keepProduct; OxyContin label allows a 10 mg every 12 hours start): OxyContin 20 mg × 2 after tolerance loss with keepProduct → OxyContin 10 mg twice daily, ER_START_AFTER_TOLERANCE_LOSS', () => {
    const p = plan(req('oxycodone', 'er', '20', 2, 10, { keepProduct: true }));
    expect(p.steps[0]).toMatchObject({ formulation: 'er', administrations: ['10', '10'] });
    expect(codes(p)).toContain('ER_START_AFTER_TOLERANCE_LOSS');
  });

  it('V35 (Duragesic label: not for non-tolerant patients; A6): fentaNYL patch with keepProduct after tolerance loss → BLOCK OPIOID_TOLERANT_ONLY_PRODUCT with the morphine plan', () => {
    const r = refusal(req('fentanyl', 'patch', '25', 1, 10, { keepProduct: true }));
    expect(r).toMatchObject({ code: 'OPIOID_TOLERANT_ONLY_PRODUCT', path: 'keepProduct' });
    expect(r.alternative).toContain('morphine immediate-release tablet');
  });

  it('V36 (CDC Rec 3 is a recommendation; the Hysingla ≥ 80 mg restriction does not apply to 60 mg): Hysingla 60 mg after tolerance loss → IR with ER_SWITCHED_TO_IR, no restriction cited', () => {
    const p = plan(req('hydrocodone', 'er', '60', 1, 10));
    expect(codes(p)).toContain('ER_SWITCHED_TO_IR');
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
    expect(p.derivation.join('\n')).not.toContain('80 mg or more');
    expect(p.derivation.join('\n')).not.toContain('ER/LA opioids are not started');
  });
});

describe('A10 and CDC Rec 1–2', () => {
  it('V37 (Duragesic: nominal 12.5 mcg/h; CDC factor 2.4): a "12" patch entered as 12.5 → 30 MME/day for risk, FENTANYL_12_NOMINAL', () => {
    const p = plan(req('fentanyl', 'patch', '12.5', 1, 2));
    expect(p.prior.dailyEquivalent!.amount).toBe('30');
    expect(codes(p)).toContain('FENTANYL_12_NOMINAL');
    expect(p.derivation.join('\n')).toContain('12 × 2.4 = 28.8 MME/day (the lower value)');
  });

  it('V38 (CDC 2022 Rec 1–2): every full-agonist pain plan says non-opioid and non-drug therapies are preferred or added, citing the draft lines', () => {
    const p = plan(req('morphine', 'ir', '15', 4, 2));
    const w = warning(p, 'NON_OPIOID_THERAPIES');
    expect(w).toMatchObject({ severity: 'info', sources: ['cdc-2022-draft'] });
    expect(w.message).toContain('preferred for subacute and chronic pain');
    expect(p.derivation.join('\n')).toContain('L1729–1735');
  });

  it('V39 (engine assumption opioid-non-prescribed-not-tolerant; Duragesic label: tolerant patients only): a non-prescribed fentaNYL 50 mcg/h patch after 1 missed day → not restarted on the patch; NON_PRESCRIBED_DOSE', () => {
    const p = plan(req('fentanyl', 'patch', '50', 1, 2, { prior: { dose: '50', unit: 'mcg/h', nonPrescribed: true } }));
    expect(p.tolerance.priorTolerant).toBe(false);
    expect(p.steps.every((s) => s.drug === 'morphine')).toBe(true);
    expect(severity(p, 'NON_PRESCRIBED_DOSE')).toBe('critical');
  });
});
