/**
 * Detailed behaviour of the antidepressant planner: the derivation lines (figures used, decision rule, steps),
 * each warning's code, severity, sources and key facts, and the boundaries of each rule
 * (restart model section 5; research notes section 3).
 */
import { describe, expect, it } from 'vitest';
import type { RestartPlan } from '../../src/engine/types.ts';
import { codes, dailies, plan, starts } from './helpers.ts';

const derivation = (p: RestartPlan) => p.derivation.join('\n');
const warning = (p: RestartPlan, code: string) => p.warnings.find((w) => w.code === code);
const sourceIds = (p: RestartPlan) => p.sources.map((s) => s.id);
const assumptionIds = (p: RestartPlan) => p.assumptionDetails.map((a) => a.id);
/** The derivation line (without its number) that starts with `prefix`. */
const line = (p: RestartPlan, prefix: string): string | undefined =>
  p.derivation.map((l) => l.replace(/^\d+\. /, '')).find((l) => l.startsWith(prefix));

describe('antidepressant derivation: figures and decision', () => {
  it('sertraline 100 mg after 2 days: every working line shows the figures used', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03' });
    expect(p.drugClass).toBe('antidepressant');
    expect(p.prior).toEqual({ dailyDose: { amount: '100', unit: 'mg' } });
    expect('earliestSafeStart' in p).toBe(false);
    expect(derivation(p)).toContain('Antidepressants have no overdose-through-lost-tolerance mechanism');
    expect(derivation(p)).toContain('Tolerance is not applicable and no daily equivalent is computed.');
    expect(line(p, 'Labelled maximum:')).toBe('Labelled maximum: 200 mg daily. [mgh-white-book: Titration table: sertraline max 200]');
    expect(line(p, 'Target (last step):')).toBe('Target (last step): the prior regimen, 100 mg × 1 a day = 100 mg daily.');
    expect(line(p, 'Half-life used:')).toMatch(/^Half-life used: 26 h, sertraline \(desmethylsertraline is only weakly active\) \(range 26 h\); the shorter end is used .* 3 half-lives = 78 h\./);
    expect(line(p, 'Decision:')).toBe('Decision: RESUME — gap 48 h is under 3 half-lives (78 h): resume the prior dose.');
    expect(line(p, 'Re-titration:')).toBeUndefined();
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-03: 100 mg = 100 mg daily (resume the prior dose).');
    expect(line(p, 'Step 2 from')).toBeUndefined();
    expect(p.steps.map((s) => s.rule)).toEqual(['resume the prior dose']);
    expect(assumptionIds(p)).toContain('ad-retained-fraction-decision');
  });

  it('sertraline 100 mg after 30 days: re-titration line and one numbered line per step with its rule', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-12-01' });
    expect(line(p, 'Decision:')).toBe('Decision: RE-TITRATE — gap 720 h is at least 3 half-lives (78 h): re-titrate from the labelled start.');
    expect(line(p, 'Re-titration:')).toMatch(/^Re-titration: start 50 mg × 1 a day \(capped at the target\), then \+ 25 mg\/day no sooner than every 7 days, up to 100 mg daily\. \[uptodate-ad-doses: .*sertraline start 50\]/);
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-12-01: 50 mg = 50 mg daily (labelled starting dose).');
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-12-08: 75 mg = 75 mg daily (labelled step of + 25 mg/day, rounded down to real strengths).');
    expect(line(p, 'Step 3 from')).toBe('Step 3 from 2026-12-15: 100 mg = 100 mg daily (reaches the prior dose (the target)).');
    expect(p.steps.map((s) => s.rule)).toEqual([
      'labelled starting dose',
      'labelled step of + 25 mg/day, rounded down to real strengths',
      'reaches the prior dose (the target)',
    ]);
    expect(p.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
  });

  it('a prior dose above the maximum is capped: the capped target is shown and the last step says so', () => {
    const p = plan({ drug: 'sertraline', dose: 150, times: 2, restart: '2026-12-01' });
    expect(p.prior.dailyDose).toEqual({ amount: '300', unit: 'mg' });
    expect(line(p, 'The prior 300 mg daily is above the maximum')).toBe(
      'The prior 300 mg daily is above the maximum: the target is capped at 100 mg × 2 a day = 200 mg daily (rounded down to real strengths).',
    );
    expect(line(p, 'Target (last step)')).toBeUndefined();
    expect(dailies(p).at(-1)).toBe('200');
    expect(p.steps.at(-1)!.rule).toBe('reaches the maximum (prior dose capped)');
    const w = warning(p, 'DOSE_ABOVE_LABEL_MAX');
    expect(w).toMatchObject({ severity: 'warning', sources: ['mgh-white-book'] });
    expect(w!.message).toContain('above the labelled maximum');
    expect(w!.message).toContain('stops at 200 mg daily');
  });

  it('resuming a capped dose: the single step is the capped regimen with its own rule', () => {
    const p = plan({ drug: 'sertraline', dose: 150, times: 2, restart: '2026-11-02' });
    expect(p.steps.map((s) => [s.start, s.dailyDose.amount, s.rule])).toEqual([['2026-11-02', '200', 'prior dose capped at the maximum']]);
  });

  it('an uneven capped regimen lists each administration (nortriptyline 75 mg × 3 capped at 200 mg)', () => {
    const p = plan({ drug: 'nortriptyline', dose: 75, times: 3, restart: '2026-11-02' });
    expect(line(p, 'The prior 225 mg daily')).toContain('capped at 70 mg + 65 mg + 65 mg = 200 mg daily (rounded down to real strengths)');
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-02: 70 mg + 65 mg + 65 mg = 200 mg daily (prior dose capped at the maximum).');
    // Nortriptyline carries no QT flag of its own: the cap is reported as DOSE_ABOVE_LABEL_MAX with the table's source.
    expect(warning(p, 'DOSE_ABOVE_LABEL_MAX')).toMatchObject({ severity: 'warning', sources: ['uptodate-ad-doses'] });
    expect(warning(p, 'DOSE_ABOVE_LABEL_MAX')!.message).toContain('200 mg daily');
    expect(codes(p)).not.toContain('QT_PROLONGATION');
  });

  it('a dose at the maximum is not capped and gives no maximum warning', () => {
    const p = plan({ drug: 'mirtazapine', dose: 45, restart: '2026-11-02' });
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
    expect(line(p, 'Target (last step)')).toBe('Target (last step): the prior regimen, 45 mg × 1 a day = 45 mg daily.');
  });
});

describe('resume or re-titrate: thresholds', () => {
  it('fluoxetine: 11 days off (264 h) resumes, 12 days off (288 h = 3 × 96 h) re-titrates', () => {
    const resume = plan({ drug: 'fluoxetine', dose: 20, restart: '2026-11-12' });
    expect(resume.decision).toEqual({ action: 'resume', rule: 'gap 264 h is under 3 half-lives (288 h): resume the prior dose' });
    const retitrate = plan({ drug: 'fluoxetine', dose: 40, restart: '2026-11-13' });
    expect(retitrate.decision).toEqual({ action: 'retitrate', rule: 'gap 288 h is at least 3 half-lives (288 h): re-titrate from the labelled start' });
  });

  it('vilazodone (always re-titrated after more than 2 missed days): 2 missed days resume by half-life, 3 missed re-titrate', () => {
    const two = plan({ drug: 'vilazodone', dose: 20, restart: '2026-11-04' });
    expect(two.missedDays).toBe(2);
    expect(two.decision).toEqual({ action: 'resume', rule: 'gap 72 h is under 3 half-lives (75 h): resume the prior dose' });
    expect(assumptionIds(two)).not.toContain('ad-always-retitrate-after-2-missed-days');
    const three = plan({ drug: 'vilazodone', dose: 20, restart: '2026-11-05' });
    expect(three.decision).toEqual({ action: 'retitrate', rule: 'vilazodone is always re-titrated after more than 2 missed days (3 missed)' });
    expect(assumptionIds(three)).toContain('ad-always-retitrate-after-2-missed-days');
    expect(dailies(three)).toEqual(['10', '20']);
  });

  it('no dose missed resumes whatever the drug', () => {
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-02' });
    expect(p.decision).toEqual({ action: 'resume', rule: 'no dose missed (daysOff 1): resume the prior dose' });
    expect(line(p, 'Decision:')).toBe('Decision: RESUME — no dose missed (daysOff 1): resume the prior dose.');
  });
});

describe('citalopram reduced maximum (20 mg over 60, hepatic impairment, CYP2C19 inhibitor)', () => {
  it('age 60 keeps the 40 mg maximum; age 61 reduces it to 20 mg and says why', () => {
    const sixty = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', patient: { ageYears: 60 } });
    expect(dailies(sixty)).toEqual(['40']);
    expect(line(sixty, 'Reduced maximum')).toBeUndefined();
    expect(codes(sixty)).not.toContain('QT_PROLONGATION');
    const sixtyOne = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', patient: { ageYears: 61 } });
    expect(dailies(sixtyOne)).toEqual(['20']);
    expect(line(sixtyOne, 'Reduced maximum')).toMatch(/^Reduced maximum 20 mg daily because of age 61 \(over 60\)\. \[fda-citalopram-2012: maximum 20 mg\/day .*\] \[fda-citalopram-2012: patients older than 60 years\]$/);
  });

  it('hepatic impairment alone reduces the maximum', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', patient: { hepaticImpairment: true } });
    expect(dailies(p)).toEqual(['20']);
    expect(line(p, 'Reduced maximum')).toMatch(/^Reduced maximum 20 mg daily because of hepatic impairment\./);
  });

  it('CYP2C19 inhibitors are named; all reasons are joined and repeated in the QT warning', () => {
    const p = plan({
      drug: 'citalopram', dose: 40, restart: '2026-11-02',
      patient: { ageYears: 61, hepaticImpairment: true }, concurrent: ['omeprazole', 'fluvoxamine'],
    });
    expect(line(p, 'Reduced maximum')).toMatch(/^Reduced maximum 20 mg daily because of age 61 \(over 60\); hepatic impairment; CYP2C19 inhibitor \(omeprazole, fluvoxamine\)\./);
    const qt = warning(p, 'QT_PROLONGATION')!;
    expect(qt.severity).toBe('warning');
    expect(qt.message).toContain('citalopram prolongs the QT interval in a dose-dependent way: the prior dose was above the 20 mg daily maximum for age 61 (over 60); hepatic impairment; CYP2C19 inhibitor (omeprazole, fluvoxamine). Check an ECG and electrolytes.');
    expect(line(p, 'Warning QT_PROLONGATION:')).toBe('Warning QT_PROLONGATION: the prior dose was above the 20 mg daily maximum for age 61 (over 60); hepatic impairment; CYP2C19 inhibitor (omeprazole, fluvoxamine).');
  });

  it('a concurrent drug that is not a CYP2C19 inhibitor does not reduce the maximum', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(dailies(p)).toEqual(['40']);
    expect(line(p, 'Reduced maximum')).toBeUndefined();
  });

  it('drugs without a reduced maximum ignore age and hepatic impairment', () => {
    const p = plan({ drug: 'sertraline', dose: 200, restart: '2026-11-02', patient: { ageYears: 80, hepaticImpairment: true }, concurrent: ['omeprazole'] });
    expect(dailies(p)).toEqual(['200']);
    expect(line(p, 'Reduced maximum')).toBeUndefined();
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
    expect(line(p, 'Warning SEROTONIN_SYNDROME:')).toBe('Warning SEROTONIN_SYNDROME: concurrent sumatriptan, lithium.');
  });

  it('a concurrent MAOI (even one that is not itself serotonergic, e.g. linezolid) makes it critical', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['linezolid'] });
    expect(warning(p, 'SEROTONIN_SYNDROME')).toMatchObject({ severity: 'critical' });
    expect(warning(p, 'SEROTONIN_SYNDROME')!.message).toContain('with linezolid');
    const mixed = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan', 'linezolid'] });
    expect(warning(mixed, 'SEROTONIN_SYNDROME')!.severity).toBe('critical');
  });

  it('a planned MAOI with a serotonergic drug is critical', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(warning(p, 'SEROTONIN_SYNDROME')!.severity).toBe('critical');
  });

  it('none with a non-serotonergic concurrent drug, for a non-serotonergic planned drug, or with the planned drug itself', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['omeprazole'] }))).not.toContain('SEROTONIN_SYNDROME');
    expect(codes(plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02', concurrent: ['sumatriptan'] }))).not.toContain('SEROTONIN_SYNDROME');
    // The planned drug as its own concurrent medicine is an input error (self-concurrent, issue 12), never a second serotonergic drug.
    expect(() => plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sertraline'] })).toThrow(/"code":"self-concurrent"/);
  });
});

describe('MAOI washouts', () => {
  it('sertraline after linezolid: 14 days (no stored washout), start moved, provenance and message', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['linezolid'] });
    expect(p.earliestSafeStart).toBe('2026-11-16');
    expect(starts(p)[0]).toBe('2026-11-16');
    const w = warning(p, 'MAOI_WASHOUT')!;
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['ontario-maoi-washout']);
    expect(w.message).toBe('sertraline must not be taken with or soon after linezolid: after linezolid (MAOI): 14 days. Stop the other drug and start no earlier than 2026-11-16.');
    expect(line(p, 'MAOI washout:')).toMatch(/^MAOI washout: after linezolid \(MAOI\): 14 days\. Assuming the other drug stops on 2026-11-02, the earliest safe start is 2026-11-16 \(\+ 14 days\)\. \[ontario-maoi-washout: .*\] \[engine assumption: ad-unknown-serotonergic-washout-14-days\] \[engine assumption: ad-washout-shifts-start\]$/);
    expect(assumptionIds(p)).toEqual(expect.arrayContaining(['ad-unknown-serotonergic-washout-14-days', 'ad-washout-shifts-start']));
  });

  it('after a planned-class MAOI (phenelzine) the 14 days are sourced, not assumed', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['phenelzine'] });
    expect(p.earliestSafeStart).toBe('2026-11-16');
    expect(warning(p, 'MAOI_WASHOUT')!.message).toContain('after phenelzine (MAOI): 14 days');
    expect(assumptionIds(p)).not.toContain('ad-unknown-serotonergic-washout-14-days');
  });

  it('after moclobemide: 1 day (singular), with the SPS source; the longest of several washouts wins', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['moclobemide'] });
    expect(p.earliestSafeStart).toBe('2026-11-03');
    const w = warning(p, 'MAOI_WASHOUT')!;
    expect(w.sources).toEqual(['ontario-maoi-washout', 'sps-moclobemide']);
    expect(w.message).toContain('after moclobemide (reversible MAOI, not marketed in the US) (MAOI): 1 day.');
    expect(assumptionIds(p)).not.toContain('ad-unknown-serotonergic-washout-14-days');
    expect(line(p, 'MAOI washout:')).toContain('(+ 1 days)');

    const both = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['linezolid', 'moclobemide'] });
    expect(both.earliestSafeStart).toBe('2026-11-16');
    expect(warning(both, 'MAOI_WASHOUT')!.sources).toEqual(['ontario-maoi-washout', 'sps-moclobemide']);
    expect(warning(both, 'MAOI_WASHOUT')!.message).toMatch(/^sertraline must not be taken with or soon after linezolid, moclobemide \(reversible MAOI, not marketed in the US\): after linezolid \(MAOI\): 14 days; after moclobemide .*\(MAOI\): 1 day\./);
  });

  it('phenelzine after other antidepressants: stored washouts (fluoxetine 5 weeks, vortioxetine 21 days) and 5 half-lives with a 14-day floor (bupropion)', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['bupropion', 'fluoxetine', 'vortioxetine'] });
    expect(p.earliestSafeStart).toBe('2026-12-07');
    const basis = 'after buPROPion: 5 × 51 h (hydroxybupropion) = 255 h → 11 days, at least 14 days → 14 days; after FLUoxetine: 35 days; after vortioxetine: 21 days';
    expect(warning(p, 'MAOI_WASHOUT')!.message).toBe(`phenelzine must not be taken with or soon after buPROPion, FLUoxetine, vortioxetine: ${basis}. Stop the other drug and start no earlier than 2026-12-07.`);
    const working = line(p, 'MAOI washout:')!;
    expect(working.startsWith(`MAOI washout: ${basis}. Assuming the other drug stops on 2026-11-02, the earliest safe start is 2026-12-07 (+ 35 days).`)).toBe(true);
    expect(working).toContain('[uptodate-atypical-pk: hydroxybupropion 21–51 h (longer end)]');
    expect(working).toContain('[engine assumption: ad-washout-5-half-lives-at-least-14-days]');
    expect(working).toContain('[ontario-maoi-washout: fluoxetine should be discontinued for 5 weeks before starting an irreversible MAOI]');
    expect(working).toContain('[label-trintellix:');
    expect(sourceIds(p)).toEqual(expect.arrayContaining(['uptodate-atypical-pk', 'label-trintellix']));
    // Bupropion is not serotonergic: it needs the washout but is not named in the serotonin warning.
    expect(warning(p, 'SEROTONIN_SYNDROME')!.message).toMatch(/^phenelzine with FLUoxetine, vortioxetine:/);
  });

  it('phenelzine after sertraline: 5 × 66 h desmethylsertraline = 330 h → 14 days', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['sertraline'] });
    expect(p.earliestSafeStart).toBe('2026-11-16');
    expect(warning(p, 'MAOI_WASHOUT')!.message).toContain('after sertraline: 5 × 66 h (desmethylsertraline) = 330 h → 14 days, at least 14 days → 14 days');
  });

  it('phenelzine after serotonergic drugs with no stored half-life (triptan, tramadol): 14 days, assumed', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['sumatriptan', 'tramadol'] });
    expect(p.earliestSafeStart).toBe('2026-11-16');
    expect(warning(p, 'MAOI_WASHOUT')!.message).toContain('after sumatriptan (triptan): 14 days (no half-life stored); after tramadol: 14 days (no half-life stored)');
    expect(line(p, 'MAOI washout:')).toContain('[engine assumption: ad-unknown-serotonergic-washout-14-days]');
    expect(assumptionIds(p)).toContain('ad-unknown-serotonergic-washout-14-days');
  });

  it('no washout for a planned MAOI with a non-serotonergic, non-antidepressant drug, nor for an SSRI with a triptan', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-02', concurrent: ['omeprazole'] });
    expect(codes(p)).not.toContain('MAOI_WASHOUT');
    expect('earliestSafeStart' in p).toBe(false);
    expect(line(p, 'MAOI washout')).toBeUndefined();
    expect(starts(p)[0]).toBe('2026-11-02');
    const ssri = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(codes(ssri)).not.toContain('MAOI_WASHOUT');
    expect(ssri.earliestSafeStart).toBeUndefined();
  });

  it('the washout shifts the gap used for the decision (sertraline 2 days off + 14-day washout → re-titrate)', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03', concurrent: ['linezolid'] });
    expect(p.decision!.action).toBe('retitrate');
    expect(p.decision!.rule).toContain('gap 384 h');
    expect(starts(p)[0]).toBe('2026-11-17');
  });
});

describe('DISCONTINUATION_SYMPTOMS window (14 days)', () => {
  it('14 days off: info, NICE source, the gap in the message and the working', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-15' });
    const w = warning(p, 'DISCONTINUATION_SYMPTOMS')!;
    expect(w.severity).toBe('info');
    expect(w.sources).toEqual(['nice-ng222']);
    expect(w.message).toMatch(/^The 14-day gap is within the window for discontinuation symptoms \(dizziness, electric-shock sensations/);
    expect(line(p, 'Warning DISCONTINUATION_SYMPTOMS:')).toMatch(/^Warning DISCONTINUATION_SYMPTOMS: daysOff 14 ≤ 14\. \[nice-ng222: /);
  });

  it('15 days off, or no dose missed: no warning', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-16' }))).not.toContain('DISCONTINUATION_SYMPTOMS');
    const next = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02' });
    expect(codes(next)).not.toContain('DISCONTINUATION_SYMPTOMS');
    expect(line(next, 'Warning DISCONTINUATION_SYMPTOMS')).toBeUndefined();
  });
});

describe('SEIZURE_RISK', () => {
  it('bupropion alone: the label note, "Increase gradually." and the label source', () => {
    const p = plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02' });
    const w = warning(p, 'SEIZURE_RISK')!;
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['label-wellbutrin-sr']);
    expect(w.message).toMatch(/^buPROPion: dose-related seizures \(about 0\.1% at ≤ 300 mg\/day, 0\.4% at 400 mg\/day\).*\. Increase gradually\.$/);
    expect(line(p, 'Warning SEIZURE_RISK:')).toMatch(/^Warning SEIZURE_RISK: buPROPion \[label-wellbutrin-sr: Warnings: seizures/);
  });

  it('names concurrent benzodiazepines and alcohol, and regular alcohol use', () => {
    const p = plan({ drug: 'bupropion', formulation: 'sr', dose: 150, times: 2, restart: '2026-11-05', concurrent: ['alprazolam', 'alcohol', 'sumatriptan'], patient: { alcoholUse: true } });
    expect(warning(p, 'SEIZURE_RISK')!.message).toMatch(/Increase gradually; concurrent ALPRAZolam, alcohol: abrupt withdrawal of these lowers the seizure threshold; regular alcohol use\.$/);
  });

  it('regular alcohol use alone; a concurrent drug that is neither benzodiazepine nor alcohol is not named', () => {
    const alcohol = plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02', patient: { alcoholUse: true } });
    expect(warning(alcohol, 'SEIZURE_RISK')!.message).toMatch(/\. Increase gradually; regular alcohol use\.$/);
    const other = plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(warning(other, 'SEIZURE_RISK')!.message).toMatch(/\. Increase gradually\.$/);
  });

  it('no seizure warning for a drug without the flag', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['alprazolam'] }))).not.toContain('SEIZURE_RISK');
  });
});

describe('tricyclics: TCA_TOXICITY and OLDER_ADULT_ANTICHOLINERGIC (Beers, 65 and over)', () => {
  it('amitriptyline at 65: both warnings with their sources and key facts', () => {
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-02', patient: { ageYears: 65 } });
    const beers = warning(p, 'OLDER_ADULT_ANTICHOLINERGIC')!;
    expect(beers.severity).toBe('warning');
    expect(beers.sources).toEqual(['beers-2023']);
    expect(beers.message).toMatch(/^Age 65: the Beers criteria advise avoiding strongly anticholinergic tricyclics/);
    expect(beers.message).toContain('falls');
    const tca = warning(p, 'TCA_TOXICITY')!;
    expect(tca.severity).toBe('warning');
    expect(tca.sources).toEqual(['boehnert-1985']);
    expect(tca.message).toMatch(/^amitriptyline is a tricyclic: narrow margin in overdose \(QRS ≥ 0\.10 s predicted seizures and arrhythmias\)/);
    expect(tca.message).toContain('limit the quantity supplied');
  });

  it('amitriptyline at 64 or with no age: TCA toxicity only', () => {
    const young = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-02', patient: { ageYears: 64 } });
    expect(codes(young)).not.toContain('OLDER_ADULT_ANTICHOLINERGIC');
    expect(codes(young)).toContain('TCA_TOXICITY');
    expect(codes(plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-02' }))).not.toContain('OLDER_ADULT_ANTICHOLINERGIC');
  });

  it('an older adult on an SSRI gets neither tricyclic warning', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', patient: { ageYears: 80 } });
    expect(codes(p)).not.toContain('OLDER_ADULT_ANTICHOLINERGIC');
    expect(codes(p)).not.toContain('TCA_TOXICITY');
  });
});
