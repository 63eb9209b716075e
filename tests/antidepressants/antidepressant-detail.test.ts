/**
 * Detailed behaviour of the antidepressant planner: the derivation lines (figures used, decision rule, steps),
 * each warning's code, severity, sources and key facts, and the boundaries of each rule
 * (restart-model amendments A9 and A2, which replaced section 5's half-life rule).
 */
import { describe, expect, it } from 'vitest';
import type { RestartPlan } from '../../src/engine/types.ts';
import { codes, dailies, plan, refusal } from './helpers.ts';

const derivation = (p: RestartPlan) => p.derivation.join('\n');
const warning = (p: RestartPlan, code: string) => p.warnings.find((w) => w.code === code);
const assumptionIds = (p: RestartPlan) => p.assumptionDetails.map((a) => a.id);
/** The derivation line (without its number) that starts with `prefix`. */
const line = (p: RestartPlan, prefix: string): string | undefined =>
  p.derivation.map((l) => l.replace(/^\d+\. /, '')).find((l) => l.startsWith(prefix));

describe('antidepressant derivation: figures and decision', () => {
  it('sertraline 100 mg after 1 missed day: every working line shows the figures used', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03' });
    expect(p.drugClass).toBe('antidepressant');
    expect(p.prior).toEqual({ dailyDose: { amount: '100', unit: 'mg' }, components: [expect.objectContaining({ path: 'prior', dailyDose: { amount: '100', unit: 'mg' } })] });
    expect(p.prior.components![0]).not.toHaveProperty('dailyEquivalent');
    expect('earliestSafeStart' in p).toBe(false);
    expect(derivation(p)).toContain('Antidepressants: the question is to resume the prior dose or re-titrate (restart-model amendment A9); no daily equivalent is computed.');
    expect(derivation(p)).not.toMatch(/tolerance/i);
    expect(line(p, 'Labelled maximum:')).toBe('Labelled maximum: 200 mg daily. [mgh-white-book: Titration table: sertraline max 200]');
    expect(line(p, 'Target (last step):')).toBe('Target (last step): the prior regimen, 100 mg × 1 a day = 100 mg daily.');
    expect(line(p, 'Decision:')).toBe('Decision: RESUME — missedDays 1 ≤ 7: resume the prior dose (SSRI, SNRI, mirtazapine, vortioxetine, trazodone; engine assumption of amendment A9). [engine assumption: ad-resume-up-to-7-missed-days]');
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: 100 mg = 100 mg daily (resume the prior dose).');
    expect(line(p, 'Step 2 from')).toBeUndefined();
    expect(p.steps.map((s) => s.rule)).toEqual(['resume the prior dose']);
    expect(assumptionIds(p)).toEqual(expect.arrayContaining(['ad-retained-fraction-decision', 'ad-resume-up-to-7-missed-days']));
    expect(derivation(p)).not.toMatch(/1\.4\.22|half-lives/);
  });

  it('sertraline 100 mg after 29 missed days: re-titration lines and one numbered line per step with its rule', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-12-01' });
    expect(line(p, 'Decision:')).toBe('Decision: RE-TITRATE — missedDays 29 > 28. [engine assumption: ad-resume-up-to-7-missed-days]');
    expect(line(p, 'First step:')).toMatch(/^First step: the label start 50 mg daily \(capped at the target\)\. \[uptodate-ad-doses: .*sertraline start 50\]/);
    expect(line(p, 'Then +')).toMatch(/^Then \+ 25 mg\/day no sooner than every 7 days, up to 100 mg daily\. \[mgh-white-book/);
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-12-01: 50 mg = 50 mg daily (label starting dose).');
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-12-08: 75 mg = 75 mg daily (label step of + 25 mg/day every 7 days, rounded down to real strengths).');
    expect(line(p, 'Step 3 from')).toBe('Step 3 from 2026-12-15: 100 mg = 100 mg daily (reaches the prior dose (the target)).');
    expect(p.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
    expect(p.decision?.rule).toBe('missedDays 29 > 28: re-titrate from the label start with the label steps (engine assumption of amendment A9)');
  });

  it('partial restart: the first-step line shows max(label start, ½ × prior) and the interval', () => {
    const p = plan({ drug: 'sertraline', dose: 150, restart: '2026-11-16' });
    expect(line(p, 'Decision:')).toMatch(/^Decision: PARTIAL RESTART — missedDays 14 is 8–28\./);
    expect(line(p, 'First step:')).toMatch(/^First step: max\(label start 50 mg, 0\.5 × 150 mg = 75 mg\) = 75 mg daily \(capped at the target, rounded down\); the target follows after 7 days/);
    // the label start wins when half the prior is lower
    expect(dailies(plan({ drug: 'sertraline', dose: 75, restart: '2026-11-16' }))).toEqual(['50', '75']);
  });

  it('a prior dose above the maximum is capped: the capped target is shown and the last step says so', () => {
    const p = plan({ drug: 'sertraline', dose: 150, times: 2, restart: '2026-12-01' });
    expect(p.prior.dailyDose).toEqual({ amount: '300', unit: 'mg' });
    expect(line(p, 'The prior 300 mg daily is above the ceiling')).toBe(
      'The prior 300 mg daily is above the ceiling 200 mg daily: the target (last step) is 100 mg × 2 a day = 200 mg daily (rounded down to real strengths).',
    );
    expect(line(p, 'Target (last step)')).toBeUndefined();
    expect(dailies(p).at(-1)).toBe('200');
    expect(p.steps.at(-1)!.rule).toBe('reaches the ceiling (prior dose capped)');
    const w = warning(p, 'DOSE_ABOVE_LABEL_MAX');
    expect(w).toMatchObject({ severity: 'warning', sources: ['mgh-white-book'] });
    expect(w!.message).toContain('stops at 200 mg daily');
  });

  it('citalopram above its 40 mg QT maximum: LABEL_CAP_APPLIED critical with the FDA source and its working line (A2)', () => {
    const p = plan({ drug: 'citalopram', dose: 60, restart: '2026-11-03', patient: { ageYears: 40 } });
    expect(dailies(p)).toEqual(['40']);
    const w = warning(p, 'LABEL_CAP_APPLIED');
    expect(w).toMatchObject({ severity: 'critical', sources: ['fda-citalopram-2012'] });
    expect(w!.message).toBe('The labelled maximum of 40 mg daily lowers the ceiling below the prior dose: 60 mg → 40 mg daily (citalopram prolongs the QT interval in a dose-dependent way). A prescriber may override it only with the monitoring the label asks for.');
    expect(line(p, 'Warning LABEL_CAP_APPLIED')).toMatch(/^Warning LABEL_CAP_APPLIED: the ceiling 40 mg daily is below the prior 60 mg daily \(the labelled maximum\)\. \[fda-citalopram-2012/);
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
    expect(codes(p)).not.toContain('CITALOPRAM_QT_CAP');
    // within the maximum: no cap warning
    expect(codes(plan({ drug: 'citalopram', dose: 40, restart: '2026-11-03', patient: { ageYears: 40 } }))).not.toContain('LABEL_CAP_APPLIED');
  });

  it('resuming a capped dose: the single step is the capped regimen with its own rule', () => {
    const p = plan({ drug: 'sertraline', dose: 150, times: 2, restart: '2026-11-02' });
    expect(p.steps.map((s) => [s.start, s.dailyDose.amount, s.rule])).toEqual([['2026-11-02', '200', 'resume the prior dose, capped at the ceiling']]);
  });

  it('an uneven capped regimen lists each administration (nortriptyline 75 mg × 3 capped at 200 mg)', () => {
    const p = plan({ drug: 'nortriptyline', dose: 75, times: 3, restart: '2026-11-02' });
    expect(line(p, 'The prior 225 mg daily')).toContain('70 mg + 65 mg + 65 mg = 200 mg daily (rounded down to real strengths)');
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-02: 70 mg + 65 mg + 65 mg = 200 mg daily (resume the prior dose, capped at the ceiling).');
    expect(warning(p, 'DOSE_ABOVE_LABEL_MAX')).toMatchObject({ severity: 'warning', sources: ['uptodate-ad-doses'] });
    expect(codes(p)).not.toContain('QT_PROLONGATION');
  });

  it('a dose at the maximum is not capped and gives no maximum warning', () => {
    const p = plan({ drug: 'mirtazapine', dose: 45, restart: '2026-11-02' });
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
    expect(line(p, 'Target (last step)')).toBe('Target (last step): the prior regimen, 45 mg × 1 a day = 45 mg daily.');
  });
});

describe('resume or re-titrate: tier boundaries (amendment A9)', () => {
  it('standard: 7 missed resume, 8 partial, 28 partial, 29 label start', () => {
    const at = (restart: string) => plan({ drug: 'escitalopram', dose: 20, restart, patient: { ageYears: 40 } });
    expect(dailies(at('2026-11-09'))).toEqual(['20']);
    expect(dailies(at('2026-11-10'))).toEqual(['10', '20']);
    expect(dailies(at('2026-11-30'))).toEqual(['10', '20']);
    expect(at('2026-11-30').decision?.rule).toMatch(/8–28/);
    expect(at('2026-12-01').decision?.rule).toMatch(/> 28/);
  });

  it('tricyclic: 3 resume, 4 and 7 half, 8 start dose', () => {
    const at = (restart: string) => plan({ drug: 'imipramine', dose: 100, restart });
    expect(dailies(at('2026-11-05'))).toEqual(['100']);
    expect(dailies(at('2026-11-06'))).toEqual(['50', '100']);
    expect(dailies(at('2026-11-09'))).toEqual(['50', '100']);
    expect(dailies(at('2026-11-10'))).toEqual(['25', '50', '75', '100']);
  });

  it('a tricyclic start is never above the half-prior step of a shorter gap (amitriptyline 25 mg: ½ → 10 mg, so 10 mg after 10 days)', () => {
    const half = plan({ drug: 'amitriptyline', dose: 25, restart: '2026-11-07' });
    expect(dailies(half)).toEqual(['10', '25']);
    const long = plan({ drug: 'amitriptyline', dose: 25, restart: '2026-11-15' });
    expect(dailies(long)).toEqual(['10', '25']);
    expect(line(long, 'The first step is lowered to 10 mg daily')).toMatch(/never above the first step of a shorter gap/);
    expect(assumptionIds(long)).toContain('ad-first-step-never-above-shorter-gap');
  });

  it('MAOI: half the prior cannot be made (phenelzine 15 mg once daily) → label start, said and assumed', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-08' });
    expect(dailies(p)).toEqual(['15']);
    expect(line(p, '0.5 × 15 mg = 7.5 mg daily cannot be made')).toBeDefined();
    expect(assumptionIds(p)).toContain('ad-half-prior-unmakeable-label-start');
    const tranyl = plan({ drug: 'tranylcypromine', dose: 10, times: 3, restart: '2026-11-25' });
    expect(tranyl.missedDays).toBe(23);
    expect(dailies(tranyl)).toEqual(['10', '20', '30']);
  });

  it('no dose missed resumes whatever the drug, and gives no withdrawal warning', () => {
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-02' });
    expect(p.decision).toEqual({ action: 'resume', rule: 'no dose missed (daysOff 1): resume the prior dose' });
    expect(codes(p)).not.toContain('AD_DISCONTINUATION_SYMPTOMS');
    expect(codes(p)).toContain('AD_RESUME_PRIOR');
  });

  it('severe withdrawal symptoms now on a re-titration: the warning adds NG222 1.4.22 (consider the previous dose) without changing the plan', () => {
    const base = plan({ drug: 'paroxetine', dose: 40, restart: '2026-11-16' });
    const severe = plan({ drug: 'paroxetine', dose: 40, restart: '2026-11-16', patient: { withdrawalSymptomsNow: 'severe' } });
    expect(dailies(severe)).toEqual(dailies(base));
    expect(warning(severe, 'AD_DISCONTINUATION_SYMPTOMS')!.message).toMatch(/patient\.withdrawalSymptomsNow is severe: NICE NG222 1\.4\.22 says to consider restarting the original antidepressant at the previous dose/);
    expect(warning(base, 'AD_DISCONTINUATION_SYMPTOMS')!.message).not.toMatch(/1\.4\.22/);
    const mild = plan({ drug: 'paroxetine', dose: 40, restart: '2026-11-16', patient: { withdrawalSymptomsNow: 'mild' } });
    expect(warning(mild, 'AD_DISCONTINUATION_SYMPTOMS')!.message).not.toMatch(/1\.4\.22/);
  });

  it('the withdrawal warning cites NICE NG222 1.4.14 for missed doses, not for a re-titration', () => {
    const p = plan({ drug: 'paroxetine', dose: 20, restart: '2026-12-15' });
    const w = warning(p, 'AD_DISCONTINUATION_SYMPTOMS')!;
    expect(w.message).toMatch(/NICE NG222 1\.4\.14 advises that stopping abruptly or missing doses can cause withdrawal symptoms/);
    expect(p.decision?.rule).not.toMatch(/NICE|1\.4/);
  });
});

describe('citalopram label cap (20 mg older than 60, hepatic impairment, CYP2C19 inhibitor)', () => {
  it('all reasons are named, with the input field, in the cap line and the QT warning', () => {
    const p = plan({
      drug: 'citalopram', dose: 40, restart: '2026-11-02',
      patient: { ageYears: 61, hepaticImpairment: true }, concurrent: ['omeprazole', 'fluvoxamine'],
    });
    const reasons = 'patient.ageYears 61 (older than 60); patient.hepaticImpairment (moderate); concurrent CYP2C19 inhibitor (omeprazole, fluvoxamine)';
    expect(line(p, 'Label cap CITALOPRAM_QT_CAP:')).toMatch(new RegExp(`^Label cap CITALOPRAM_QT_CAP: 20 mg daily because of ${reasons.replace(/[().]/g, '\\$&')}\\.`));
    const qt = warning(p, 'QT_PROLONGATION')!;
    expect(qt.message).toContain(`the prior dose was above the 20 mg daily maximum for ${reasons}`);
    expect(warning(p, 'LABEL_CAP_APPLIED')!.message).toContain('40 mg → 20 mg daily');
  });

  it('a concurrent drug that is not a CYP2C19 inhibitor, or a drug without caps, changes nothing', () => {
    expect(dailies(plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', concurrent: ['sumatriptan'] }))).toEqual(['40']);
    const p = plan({ drug: 'sertraline', dose: 200, restart: '2026-11-02', patient: { ageYears: 50, hepaticImpairment: true }, concurrent: ['omeprazole'] });
    expect(dailies(p)).toEqual(['200']);
    expect(line(p, 'Label cap')).toBeUndefined();
  });
});

describe('QT_PROLONGATION', () => {
  const cit = (qtcMs?: number, concurrent?: string[]) =>
    plan({ drug: 'citalopram', dose: 20, restart: '2026-11-02', patient: { ageYears: 50 }, ...(qtcMs !== undefined ? { qtcMs } : {}), ...(concurrent ? { concurrent } : {}) });

  it('QTc 450 ms or no QTc: no warning; 451 ms: warning with the QTc, the 450 ms assumption cited', () => {
    expect(codes(cit())).not.toContain('QT_PROLONGATION');
    const at = cit(450);
    expect(codes(at)).not.toContain('QT_PROLONGATION');
    expect(assumptionIds(at)).not.toContain('ad-qtc-caution-450');
    const above = cit(451);
    const w = warning(above, 'QT_PROLONGATION')!;
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['fda-citalopram-2012']);
    expect(w.message).toBe('citalopram prolongs the QT interval in a dose-dependent way: baseline QTc 451 ms. Check an ECG and electrolytes.');
    expect(assumptionIds(above)).toContain('ad-qtc-caution-450');
    expect(line(above, 'Warning QT_PROLONGATION:')).toBe('Warning QT_PROLONGATION: baseline QTc 451 ms.');
  });

  it('QTc 500 ms is still a warning; 501 ms is critical and asks for cardiology advice', () => {
    expect(warning(cit(500), 'QT_PROLONGATION')!.severity).toBe('warning');
    const w = warning(cit(501), 'QT_PROLONGATION')!;
    expect(w.severity).toBe('critical');
    expect(w.message).toBe('citalopram prolongs the QT interval in a dose-dependent way: baseline QTc 501 ms. QTc above 500 ms: do not restart without cardiology advice.');
  });

  it('another QT-prolonging drug is named; a non-QT concurrent drug gives no QT warning', () => {
    const w = warning(cit(undefined, ['methadone']), 'QT_PROLONGATION')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toContain('another QT-prolonging drug (methadone)');
    expect(codes(cit(undefined, ['sumatriptan', 'omeprazole']))).not.toContain('QT_PROLONGATION');
  });

  it('escitalopram above its maximum: the cap is a QT reason (no "for" clause) and there is no DOSE_ABOVE_LABEL_MAX', () => {
    const p = plan({ drug: 'escitalopram', dose: 30, restart: '2026-11-02' });
    const w = warning(p, 'QT_PROLONGATION')!;
    expect(w.message).toBe('escitalopram prolongs the QT interval in a dose-dependent way: the prior dose was above the 20 mg daily maximum. Check an ECG and electrolytes.');
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
  });

  it('several QT reasons are listed in the message and the working, separated by semicolons', () => {
    const p = plan({ drug: 'escitalopram', dose: 30, restart: '2026-11-02', qtcMs: 451, concurrent: ['methadone', 'quetiapine'] });
    const reasons = 'the prior dose was above the 20 mg daily maximum; baseline QTc 451 ms; another QT-prolonging drug (methadone, QUEtiapine)';
    expect(warning(p, 'QT_PROLONGATION')!.message).toBe(`escitalopram prolongs the QT interval in a dose-dependent way: ${reasons}. Check an ECG and electrolytes.`);
    expect(line(p, 'Warning QT_PROLONGATION:')).toBe(`Warning QT_PROLONGATION: ${reasons}.`);
  });

  it('drugs without a QT flag get no QT warning even with a long QTc', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', qtcMs: 520 }))).not.toContain('QT_PROLONGATION');
  });
});

describe('SEROTONIN_SYNDROME', () => {
  it('sertraline with a triptan: warning, Hunter criteria, names the drug; derivation lists the ids', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan', 'lithium'] });
    const w = warning(p, 'SEROTONIN_SYNDROME')!;
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['hunter-2003']);
    expect(w.message).toMatch(/^sertraline with sumatriptan \(triptan\), lithium: risk of serotonin syndrome\./);
    expect(w.message).toContain('Hunter criteria');
    expect(w.message).toContain('clonus');
    expect(line(p, 'Warning SEROTONIN_SYNDROME:')).toBe('Warning SEROTONIN_SYNDROME: concurrent sumatriptan (triptan), lithium.');
  });

  it('a concurrent MAOI or a planned MAOI with a serotonergic drug is refused, not warned (amendment A9 washouts)', () => {
    expect(refusal({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan', 'linezolid'] }).code).toBe('MAOI_WASHOUT');
    expect(refusal({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['sumatriptan'] }).code).toBe('MAOI_WASHOUT');
  });

  it('none with a non-serotonergic concurrent drug, for a non-serotonergic planned drug, or with the planned drug itself', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['omeprazole'] }))).not.toContain('SEROTONIN_SYNDROME');
    expect(codes(plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02', concurrent: ['sumatriptan'] }))).not.toContain('SEROTONIN_SYNDROME');
    // The planned drug as its own concurrent medicine is an input error (self-concurrent, issue 12), never a second serotonergic drug.
    expect(() => plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sertraline'] })).toThrow(/"code":"self-concurrent"/);
  });
});


describe('tricyclic and bupropion warnings', () => {
  it('clomipramine keeps SEIZURE_RISK with the Anafranil source; bupropion has BUPROPION_SEIZURE instead', () => {
    const c = plan({ drug: 'clomipramine', dose: 100, restart: '2026-11-02' });
    expect(warning(c, 'SEIZURE_RISK')).toMatchObject({ severity: 'warning', sources: ['label-anafranil'] });
    const b = plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02', patient: { seizureHistory: true } });
    expect(codes(b)).not.toContain('SEIZURE_RISK');
    expect(warning(b, 'BUPROPION_SEIZURE')!.message).toMatch(/patient\.seizureHistory is recorded/);
  });

  it('amitriptyline at 65: BEERS_AVOID and TCA_TOXICITY; at 64 or with no age only TCA_TOXICITY; doxepin counts above 6 mg', () => {
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05', patient: { ageYears: 65 } });
    expect(warning(p, 'BEERS_AVOID')).toMatchObject({ severity: 'warning', sources: ['beers-2023'] });
    expect(warning(p, 'TCA_TOXICITY')!.sources).toEqual(['boehnert-1985']);
    expect(codes(plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05', patient: { ageYears: 64 } }))).not.toContain('BEERS_AVOID');
    expect(codes(plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05' }))).not.toContain('BEERS_AVOID');
    expect(codes(plan({ drug: 'doxepin', dose: 10, restart: '2026-11-02', patient: { ageYears: 70 } }))).toContain('BEERS_AVOID');
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', patient: { ageYears: 70 } }))).not.toContain('BEERS_AVOID');
  });
});
