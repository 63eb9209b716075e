/**
 * Vignettes written from the sources of amendments A8, A2 and A3 (restart-model-amendments.md): withdrawal windows,
 * dependence from Joint Guideline Table 2, risk factors that lower the first step, refusals, Z-drug label limits,
 * Beers warnings and hepatic impairment. Each names the source that decides it.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { codes, plan, request, type Vignette } from './helpers.ts';

/** Alprazolam 2 mg three times daily, daily for a year: the amendment's test vector. */
const ALPRAZOLAM_6: Vignette = { drug: 'alprazolam', dose: '2', timesPerDay: 3, priorDurationDays: 365, missedDays: 3 };

function warning(p: ReturnType<typeof plan>, code: string) {
  const found = p.warnings.find((w) => w.code === code);
  if (!found) throw new Error(`no ${code} in ${codes(p).join(', ')}`);
  return found;
}
function daily(p: ReturnType<typeof plan>): string[] {
  return p.steps.map((s) => s.dailyDose.amount);
}

describe('A8 test vector (restart-model-amendments.md A8; Joint Guideline Recs 2, 3a, 6; FDA 2020 boxed warning)', () => {
  it('V1. alprazolam 6 mg/day, 3 missed days, no symptoms recorded → 4.5 mg/day, never 0.375', () => {
    const p = plan(ALPRAZOLAM_6);
    expect(p.steps[0]!.dailyDose.amount).toBe('4.5');
    expect(p.steps[0]!.administrations).toEqual(['1.5', '1.5', '1.5']);
    expect(daily(p)).not.toContain('0.375');
    expect(daily(p).at(-1)).toBe('6');
    expect(p.tolerance).toMatchObject({ dependence: 'DEPENDENT', retainedFraction: '0.75', withdrawalWindowDays: 14 });
    const w = warning(p, 'BZD_WITHDRAWAL_WINDOW');
    expect(w.severity).toBe('critical');
    expect(w.message).toMatch(/5–10% every 2–4 weeks, not more than 25% every 2 weeks/);
    expect(p.derivation.join('\n')).toMatch(/First step: inside the withdrawal window, physically dependent: 75% of the prior dose = 6 × 0\.75 = 4\.5 mg, rounded down to real strengths: 1\.5 mg × 3 a day = 4\.5 mg daily\./);
  });

  it('V2. the same with an opioid (oxycodone) → 3 mg/day; the opioid is named as the input that lowered it', () => {
    const p = plan({ ...ALPRAZOLAM_6, concurrent: ['oxycodone'] });
    expect(p.steps[0]!.dailyDose.amount).toBe('3');
    expect(p.tolerance.retainedFraction).toBe('0.5');
    expect(warning(p, 'BZD_OPIOID').severity).toBe('critical');
    expect(warning(p, 'BZD_OPIOID').message).toMatch(/naloxone/);
    expect(warning(p, 'BZD_RISK_FACTOR_STEP').message).toMatch(/lowered to 3 mg a day by: opioid \(oxyCODONE\) \(concurrent\)/);
    expect(p.derivation.join('\n')).toMatch(/lowered from 75% by opioid \(oxyCODONE\) \(input concurrent\): 50% of the prior dose = 6 × 0\.5 = 3 mg/);
    expect(warning(p, 'OPIOID_BENZODIAZEPINE').severity).toBe('critical');
  });

  it('V3. significant withdrawal now → the prior 6 mg/day, seizure warning, inpatient prompt at > 15 mg DE (Rec 3a, Rec 5c)', () => {
    const p = plan({ ...ALPRAZOLAM_6, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(daily(p)).toEqual(['6']);
    expect(warning(p, 'BZD_SEIZURE_RISK').severity).toBe('critical');
    expect(warning(p, 'BZD_INPATIENT_CONSIDER').message).toMatch(/120 mg diazepam equivalents a day, above 15/);
  });

  it('V4. significant withdrawal now with an opioid → 4.5 mg/day (75% with the risk factor)', () => {
    const p = plan({ ...ALPRAZOLAM_6, patient: { withdrawalSymptomsNow: 'significant' }, concurrent: ['oxycodone'] });
    expect(p.steps[0]!.dailyDose.amount).toBe('4.5');
    expect(warning(p, 'BZD_RISK_FACTOR_STEP').message).toMatch(/opioid \(oxyCODONE\)/);
  });
});

describe('withdrawal windows by half-life group (A8 engine assumption bzd-withdrawal-window-14-28; Ashton Table 1 half-lives)', () => {
  it('V5. alprazolam (6–12 h, short group): 75% on the 14th missed day; after it, ≤ 10 mg DE = 0.5 mg (label 0.25 mg doses)', () => {
    expect(plan({ ...ALPRAZOLAM_6, missedDays: 14 }).steps[0]!.dailyDose.amount).toBe('4.5');
    const after = plan({ ...ALPRAZOLAM_6, missedDays: 15 });
    expect(after.steps[0]!.administrations).toEqual(['0.25', '0.25']);
    expect(after.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost' });
    expect(warning(after, 'BZD_TOLERANCE_LOSS').severity).toBe('warning');
  });

  it('V6. diazepam (desmethyldiazepam 36–200 h, long group): 75% on day 20; after 28 days the Valium initial dose, 2 mg twice daily', () => {
    const inside = plan({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 20 });
    expect(inside.steps[0]!.dailyDose.amount).toBe('22.5');
    const after = plan({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 29 });
    expect(after.steps[0]!.administrations).toEqual(['2', '2']);
    expect(after.derivation.join('\n')).toMatch(/Label initial dose: the label's lowest adult initial dose, 2 mg × 2 a day = 4 mg daily\. \[label-valium:/);
  });

  it('V7. day 3 of an abrupt stop (2 missed days): resume, with the early withdrawal warning (issue 11); the next day restart: none', () => {
    const early = plan({ ...ALPRAZOLAM_6, missedDays: 2 });
    expect(daily(early)).toEqual(['6']);
    expect(warning(early, 'BZD_WITHDRAWAL_EARLY').message).toMatch(/^Day 3 after an abrupt stop/);
    expect(codes(plan({ ...ALPRAZOLAM_6, missedDays: 0 }))).toEqual([]);
  });
});

describe('risk factors lower the first step to 50%, each named (A8; FDA 2016, 2019; Beers 2023)', () => {
  it('V8. lorazepam 1 mg three times daily with patient.alcoholUse, 5 missed days → 1.5 mg/day, alcohol named', () => {
    const p = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 3, missedDays: 5, patient: { alcoholUse: true } });
    expect(p.steps[0]!.administrations).toEqual(['0.5', '0.5', '0.5']);
    expect(warning(p, 'BZD_RISK_FACTOR_STEP').message).toMatch(/alcohol use \(patient\.alcoholUse\)/);
    expect(codes(p)).toContain('ALCOHOL');
  });

  it('V9. temazepam 30 mg nightly with sleep apnea, 4 missed days → 15 mg', () => {
    const p = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 4, patient: { sleepApnea: true } });
    expect(daily(p)[0]).toBe('15');
    expect(warning(p, 'BZD_RISK_FACTOR_STEP').message).toMatch(/sleep apnea \(patient\.sleepApnea\)/);
    expect(codes(p)).toContain('RESPIRATORY_RISK');
  });

  it('V10. clonazepam 1 mg twice daily with gabapentin, 7 missed days → 1 mg/day (2 × 0.5 mg)', () => {
    const p = plan({ drug: 'clonazepam', dose: '1', timesPerDay: 2, missedDays: 7, concurrent: ['gabapentin'] });
    expect(p.steps[0]!.administrations).toEqual(['0.5', '0.5']);
    expect(codes(p)).toEqual(expect.arrayContaining(['BZD_RISK_FACTOR_STEP', 'BENZODIAZEPINE_GABAPENTINOID']));
  });
});

describe('symptoms, supervised withdrawal, unknown doses (A8; Joint Guideline Recs 3a, 5c, Table 7 notes)', () => {
  it('V11. severe withdrawal now, even with an opioid → the prior dose and inpatient care', () => {
    const p = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 4, patient: { withdrawalSymptomsNow: 'severe' }, concurrent: ['morphine'] });
    expect(daily(p)).toEqual(['2']);
    expect(warning(p, 'BZD_INPATIENT_CONSIDER').message).toMatch(/^Severe withdrawal symptoms \(seizure, delirium or hallucinations\)/);
  });

  it('V12. completed detox (breakReason "detox"), 5 missed days → the low restart and a prompt to reconsider', () => {
    const p = planRestart({ ...request({ drug: 'alprazolam', dose: '1', timesPerDay: 3, priorDurationDays: 365, missedDays: 5 }), breakReason: 'detox' });
    if (!p.ok) throw new Error('refused');
    expect(p.plan.steps[0]!.administrations).toEqual(['0.25', '0.25']);
    expect(p.plan.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['BZD_AFTER_DETOX', 'BZD_TOLERANCE_LOSS']));
    expect(p.plan.warnings.map((w) => w.code)).not.toContain('BZD_WITHDRAWAL_WINDOW');
  });

  it('V13. non-prescribed use (uncertain dose) → refusal BZD_DOSE_UNKNOWN naming prior.nonPrescribed', () => {
    const body = request(ALPRAZOLAM_6);
    const result = planRestart({ ...body, prior: { ...(body.prior as object), nonPrescribed: true } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toMatchObject({ code: 'BZD_DOSE_UNKNOWN', path: 'prior.nonPrescribed', reasonSources: ['joint-bzd-taper-2025'] });
    expect(result.refusal!.alternative).toMatch(/minimum necessary to control withdrawal symptoms, then taper/);
  });
});

describe('dependence from Joint Guideline Table 2 (A8)', () => {
  it('V14. lorazepam 1 mg twice on 2 days a week → NOT_DEPENDENT: one 1 mg dose a day, never the whole prior day at once', () => {
    const p = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, daysPerWeek: 2, missedDays: 6 });
    expect(p.tolerance.dependence).toBe('NOT_DEPENDENT');
    expect(p.steps[0]!.administrations).toEqual(['1']);
    expect(warning(p, 'BZD_NOT_DEPENDENT').severity).toBe('info');
  });

  it('V15. diazepam 5 mg daily for 20 days → POSSIBLY_DEPENDENT, treated as dependent: 75% = 3.75 mg → 3 mg (2 mg + one half 2 mg tablet; at most one half-tablet a dose)', () => {
    const p = plan({ drug: 'diazepam', dose: '5', timesPerDay: 1, priorDurationDays: 20, missedDays: 5 });
    expect(p.tolerance).toMatchObject({ dependence: 'POSSIBLY_DEPENDENT', priorTolerant: true });
    expect(p.steps[0]!.dailyDose.amount).toBe('3');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('bzd-possibly-dependent-as-dependent');
  });
});

describe('Z-drugs (A2: labels, FDA 2013 zolpidem, FDA 2014 eszopiclone, FDA 2019 complex sleep behaviors)', () => {
  it('V16. zolpidem IR 10 mg at age 72, resuming → capped at 5 mg with LABEL_CAP_APPLIED and ZDRUG_AGE_DOSE (critical)', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1, patient: { ageYears: 72 } });
    expect(daily(p)).toEqual(['5']);
    expect(warning(p, 'LABEL_CAP_APPLIED').severity).toBe('critical');
    expect(warning(p, 'LABEL_CAP_APPLIED').message).toMatch(/patient\.ageYears/);
    expect(warning(p, 'ZDRUG_AGE_DOSE').severity).toBe('critical');
    expect(codes(p)).toEqual(expect.arrayContaining(['BEERS_AVOID', 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR']));
  });

  it('V17. zolpidem ER 12.5 mg after the window, sex not given → 6.25 mg, treated as female and said so', () => {
    const p = plan({ drug: 'zolpidem', formulation: 'er', dose: '12.5', timesPerDay: 1, missedDays: 20 });
    expect(daily(p)[0]).toBe('6.25');
    expect(daily(p).at(-1)).toBe('12.5');
    expect(warning(p, 'ZDRUG_SEX_DOSE').message).toMatch(/^Sex not given or unknown, treated as female/);
    expect(p.derivation.join('\n')).toMatch(/patient\.sex not given: treated as female, the lower label dose/);
  });

  it('V18. zolpidem IR for a man after the window → 5 mg (the lower of the label 5 or 10 mg), no sex warning', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 20, patient: { sex: 'male' } });
    expect(daily(p)[0]).toBe('5');
    expect(codes(p)).not.toContain('ZDRUG_SEX_DOSE');
  });

  it('V19. zolpidem in severe hepatic impairment → ZOLPIDEM_SEVERE_HEPATIC (critical), at most 5 mg', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1, patient: { hepaticImpairment: 'severe' } });
    expect(warning(p, 'ZOLPIDEM_SEVERE_HEPATIC').severity).toBe('critical');
    expect(daily(p)).toEqual(['5']);
  });

  it('V20. eszopiclone 3 mg at 70: capped at 2 mg; after the window the 1 mg start (FDA 2014)', () => {
    expect(daily(plan({ drug: 'eszopiclone', dose: '3', timesPerDay: 1, missedDays: 1, patient: { ageYears: 70 } }))).toEqual(['2']);
    const after = plan({ drug: 'eszopiclone', dose: '3', timesPerDay: 1, missedDays: 30 });
    expect(daily(after)[0]).toBe('1');
    expect(after.sources.map((s) => s.id)).toContain('fda-eszopiclone-2014');
  });

  it('V21. zaleplon after an episode of complex sleep behavior → refused (FDA 2019 contraindication)', () => {
    const result = planRestart(request({ drug: 'zaleplon', dose: '10', timesPerDay: 1, missedDays: 1, patient: { complexSleepBehaviorHistory: true } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toMatchObject({ code: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR', path: 'patient.complexSleepBehaviorHistory', reasonSources: ['fda-zdrug-csb-2019'] });
    // A benzodiazepine is not refused for it.
    expect(planRestart(request({ drug: 'temazepam', dose: '15', timesPerDay: 1, missedDays: 1, patient: { complexSleepBehaviorHistory: true } })).ok).toBe(true);
  });
});

describe('Beers 2023 and hepatic impairment (A2, A3)', () => {
  it('V22. alprazolam with sertraline and oxycodone at 70 → BEERS_CNS_3PLUS and BEERS_OPIOID_BZD (critical)', () => {
    const p = plan({ ...ALPRAZOLAM_6, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['sertraline', 'oxycodone'] });
    expect(warning(p, 'BEERS_CNS_3PLUS').message).toMatch(/^Age 70: 3 CNS-active drugs \(ALPRAZolam, sertraline, oxyCODONE\)/);
    expect(warning(p, 'BEERS_OPIOID_BZD').severity).toBe('critical');
    expect(codes(plan({ ...ALPRAZOLAM_6, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['sertraline'] }))).not.toContain('BEERS_CNS_3PLUS');
  });

  it('V23. a history of falls at 80 → BEERS_FALLS; at 50 it does not apply', () => {
    expect(warning(plan({ ...ALPRAZOLAM_6, missedDays: 1, patient: { ageYears: 80, historyOfFalls: true } }), 'BEERS_FALLS').message).toMatch(/patient\.historyOfFalls/);
    expect(codes(plan({ ...ALPRAZOLAM_6, missedDays: 1, patient: { ageYears: 50, historyOfFalls: true } }))).not.toContain('BEERS_FALLS');
  });

  it('V24. moderate hepatic impairment: BZD_HEPATIC for diazepam (oxidised), not for lorazepam (conjugated, ALiEM)', () => {
    const d = plan({ drug: 'diazepam', dose: '5', timesPerDay: 2, missedDays: 1, patient: { hepaticImpairment: 'moderate' } });
    expect(warning(d, 'BZD_HEPATIC').message).toMatch(/Lorazepam, oxazepam and temazepam have no active metabolites/);
    expect(codes(plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, patient: { hepaticImpairment: 'moderate' } }))).not.toContain('BZD_HEPATIC');
    expect(codes(plan({ drug: 'diazepam', dose: '5', timesPerDay: 2, missedDays: 1, patient: { hepaticImpairment: 'mild' } }))).not.toContain('BZD_HEPATIC');
  });

  it('V25. with an opioid, the benzodiazepine rise dates are listed so the opioid is not raised the same day (A8 engine assumption)', () => {
    const p = plan({ ...ALPRAZOLAM_6, concurrent: ['oxycodone'] });
    const rises = p.steps.slice(1).map((s) => s.start);
    expect(rises.length).toBeGreaterThan(0);
    expect(warning(p, 'BZD_OPIOID_STEP_DAY').message).toContain(rises.join(', '));
    expect(p.assumptionDetails.map((a) => a.id)).toContain('bzd-opioid-step-days');
  });
});
