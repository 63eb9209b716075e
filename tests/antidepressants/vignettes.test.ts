/**
 * Antidepressant vignettes written from the sources of restart-model amendments A9 and A2 (each test names the
 * source that decides it). Amendment A9 replaced the old "< 3 half-lives" rule: short gaps now resume the prior dose.
 */
import { describe, expect, it } from 'vitest';
import { codes, dailies, plan, refusal, starts, warning } from './helpers.ts';

describe('antidepressant vignettes (amendment A9: resume, partial restart, re-titrate)', () => {
  it('1. sertraline 100 mg, 1 missed day → resume 100 mg; withdrawal warning (A9 ≤ 7 days; NICE NG222 1.4.14)', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03' });
    expect(p.decision?.action).toBe('resume');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ start: '2026-11-03', dose: { amount: '100', unit: 'mg' }, timesPerDay: 1 });
    expect(p.tolerance).toEqual({ retainedFraction: '1', status: 'not-applicable' });
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(warning(p, 'AD_RESUME_PRIOR')?.severity).toBe('info');
    expect(warning(p, 'AD_DISCONTINUATION_SYMPTOMS')).toMatchObject({ severity: 'warning', sources: ['nice-ng222'] });
    expect(p.decision?.rule).toMatch(/missedDays 1 ≤ 7/);
  });

  it('2. venlafaxine XR 225 mg after 2 missed days → resumes 225 mg, not 37.5 mg (issue 11; A9, NICE NG222)', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 225, restart: '2026-11-04' });
    expect(p.missedDays).toBe(2);
    expect(dailies(p)).toEqual(['225']);
    expect(p.decision?.action).toBe('resume');
  });

  it('3. sertraline 150 mg after 3 missed days → resumes 150 mg, not 50 mg (issue 11; A9)', () => {
    const p = plan({ drug: 'sertraline', dose: 150, restart: '2026-11-05' });
    expect(dailies(p)).toEqual(['150']);
  });

  it('4. sertraline 150 mg after 14 missed days → max(50, 75) = 75 mg, then 150 mg after 7 days (A9 8–28 days)', () => {
    const p = plan({ drug: 'sertraline', dose: 150, restart: '2026-11-16' });
    expect(p.missedDays).toBe(14);
    expect(dailies(p)).toEqual(['75', '150']);
    expect(starts(p)).toEqual(['2026-11-16', '2026-11-23']);
    expect(p.decision?.rule).toMatch(/8–28/);
  });

  it('5. sertraline 100 mg after 29 missed days → label start 50 mg, + 25 mg weekly (A9 > 28; MGH titration)', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-12-01' });
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['50', '75', '100']);
    expect(starts(p)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(p.tolerance.retainedFraction).toBe('0');
    expect(p.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['uptodate-ad-doses', 'mgh-white-book']));
  });

  it('6. venlafaxine XR 150 mg after 20 missed days → 75 mg, then 150 mg after 4 days (A9: venlafaxine interval 4 days)', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 150, restart: '2026-11-22' });
    expect(dailies(p)).toEqual(['75', '150']);
    expect(starts(p)).toEqual(['2026-11-22', '2026-11-26']);
  });

  it('7. duloxetine 60 mg after 8 missed days → 30 mg, then 60 mg after 7 days (A9 partial restart)', () => {
    const p = plan({ drug: 'duloxetine', dose: 60, restart: '2026-11-10' });
    expect(dailies(p)).toEqual(['30', '60']);
  });

  it('8. mirtazapine 45 mg after 7 missed days → resume (A9 covers mirtazapine)', () => {
    expect(dailies(plan({ drug: 'mirtazapine', dose: 45, restart: '2026-11-09' }))).toEqual(['45']);
  });

  it('9. fluoxetine 40 mg after 12 and after 28 missed days → resume; after 29 → 20 mg, 40 mg a week later (A9: norfluoxetine t½ 4–16 days)', () => {
    expect(dailies(plan({ drug: 'fluoxetine', dose: 40, restart: '2026-11-14' }))).toEqual(['40']);
    expect(dailies(plan({ drug: 'fluoxetine', dose: 40, restart: '2026-11-30' }))).toEqual(['40']);
    const p = plan({ drug: 'fluoxetine', dose: 40, restart: '2026-12-01' });
    expect(p.displayName).toBe('FLUoxetine');
    expect(dailies(p)).toEqual(['20', '40']);
    expect(starts(p)).toEqual(['2026-12-01', '2026-12-08']);
  });

  it('10. amitriptyline 75 mg: 3 missed → resume; 5 missed → 35 mg then 75 mg after 3 days; TCA_RETITRATE (A9 TCAs)', () => {
    expect(dailies(plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05' }))).toEqual(['75']);
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-07' });
    expect(dailies(p)).toEqual(['35', '75']);
    expect(starts(p)).toEqual(['2026-11-07', '2026-11-10']);
    expect(warning(p, 'TCA_RETITRATE')?.severity).toBe('warning');
    expect(codes(p)).toContain('TCA_TOXICITY');
  });

  it('11. amitriptyline 75 mg after 10 missed days: 25 → 50 → 75 weekly; at 70: 10 mg start, age named (A9; Beers avoid)', () => {
    expect(dailies(plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-12' }))).toEqual(['25', '50', '75']);
    const older = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-12', patient: { ageYears: 70 } });
    expect(dailies(older)).toEqual(['10', '35', '60', '75']);
    expect(warning(older, 'TCA_RETITRATE')?.message).toMatch(/patient\.ageYears is 70/);
    expect(older.derivation.join('\n')).toMatch(/Start 10 mg daily \(patient\.ageYears 70 ≥ 65\)/);
    expect(warning(older, 'BEERS_AVOID')).toMatchObject({ severity: 'warning', sources: ['beers-2023'] });
  });

  it('12. clomipramine 100 mg after 2 missed days → resume (A9: TCAs ≤ 3 days); SEIZURE_RISK kept', () => {
    const p = plan({ drug: 'clomipramine', dose: 100, restart: '2026-11-04' });
    expect(p.displayName).toBe('clomiPRAMINE');
    expect(dailies(p)).toEqual(['100']);
    expect(codes(p)).toEqual(expect.arrayContaining(['SEIZURE_RISK', 'TCA_TOXICITY']));
  });

  it('13. bupropion SR 150 mg twice daily: 3 missed → resume 300; 4 missed → 150 then 300 after 3 days; BUPROPION_SEIZURE critical (A9; Wellbutrin SR label)', () => {
    const short = plan({ drug: 'bupropion', formulation: 'sr', dose: 150, times: 2, restart: '2026-11-05' });
    expect(short.displayName).toBe('buPROPion');
    expect(dailies(short)).toEqual(['300']);
    const p = plan({ drug: 'bupropion', formulation: 'sr', dose: 150, times: 2, restart: '2026-11-06' });
    expect(dailies(p)).toEqual(['150', '300']);
    expect(starts(p)).toEqual(['2026-11-06', '2026-11-09']);
    expect(p.steps[1]).toMatchObject({ timesPerDay: 2, administrations: ['150', '150'] });
    expect(warning(p, 'BUPROPION_SEIZURE')).toMatchObject({ severity: 'critical', sources: ['label-wellbutrin-sr'] });
  });

  it('14. bupropion XL 300 mg with alprazolam stopped 5 days ago → BLOCK until the 28-day window ends (label contraindication)', () => {
    const r = refusal({ drug: 'bupropion', formulation: 'xl', dose: 300, restart: '2026-11-03', concurrent: [{ drug: 'alprazolam', stoppedOn: '2026-10-28' }] });
    expect(r).toMatchObject({ code: 'BUPROPION_WITHDRAWAL_CONTRAINDICATED', path: 'concurrent.0.stoppedOn', earliestPlanDate: '2026-11-26', reasonSources: ['label-wellbutrin-sr'] });
    expect(r.message).toMatch(/ALPRAZolam \(stopped 2026-10-28\)/);
    expect(r.derivation.join('\n')).toMatch(/a recorded stop is treated as abrupt/);
    // a benzodiazepine still taken (no stop date) is not an abrupt stop: a plan, with the seizure warning
    expect(dailies(plan({ drug: 'bupropion', formulation: 'xl', dose: 300, restart: '2026-11-03', concurrent: ['lorazepam'] }))).toEqual(['300']);
  });

  it('15. vilazodone 40 mg after 5 missed days → 10 mg 7 days, 20 mg 7 days, then 40 mg (Viibryd label 2.1)', () => {
    const p = plan({ drug: 'vilazodone', dose: 40, restart: '2026-11-07' });
    expect(dailies(p)).toEqual(['10', '20', '40']);
    expect(starts(p)).toEqual(['2026-11-07', '2026-11-14', '2026-11-21']);
    expect(dailies(plan({ drug: 'vilazodone', dose: 40, restart: '2026-11-05' }))).toEqual(['40']);
  });

  it('16. phenelzine 15 mg × 3: 3 missed → resume; 10 missed → 15, 30, 45 weekly; MAOI_TYRAMINE_DIET critical (A9 MAOIs)', () => {
    expect(dailies(plan({ drug: 'phenelzine', dose: 15, times: 3, restart: '2026-11-05' }))).toEqual(['45']);
    const p = plan({ drug: 'phenelzine', dose: 15, times: 3, restart: '2026-11-12' });
    expect(dailies(p)).toEqual(['15', '30', '45']);
    const diet = warning(p, 'MAOI_TYRAMINE_DIET');
    expect(diet?.severity).toBe('critical');
    expect(diet?.message).toMatch(/hypertensive crisis/);
    expect(diet?.message).toMatch(/14 days after the last dose/);
  });

  it('17. phenelzine with sertraline still taken → BLOCK MAOI_WASHOUT, earliest 14 days after the sertraline stops (5 × 66 h, at least 14 days)', () => {
    const r = refusal({ drug: 'phenelzine', dose: 15, times: 3, restart: '2026-11-20', concurrent: ['sertraline'] });
    expect(r).toMatchObject({ code: 'MAOI_WASHOUT', path: 'concurrent.0', earliestPlanDate: '2026-12-04' });
    expect(r.message).toMatch(/if sertraline is stopped on 2026-11-20/);
  });

  it('18. phenelzine after fluoxetine stopped 2026-10-20 → no plan before 2026-11-24 (Prozac 4.1: 5 weeks)', () => {
    const r = refusal({ drug: 'phenelzine', dose: 15, restart: '2026-11-03', concurrent: [{ drug: 'fluoxetine', stoppedOn: '2026-10-20' }] });
    expect(r.earliestPlanDate).toBe('2026-11-24');
    expect(r.reasonSources).toContain('label-prozac-contraindications');
    expect(dailies(plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-24', concurrent: [{ drug: 'fluoxetine', stoppedOn: '2026-10-20' }] }))).toEqual(['15']);
  });

  it('19. sertraline after linezolid: still taken → BLOCK 24 h; last dose the day before → plan, with a serotonin warning (FDA 2011)', () => {
    const r = refusal({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['linezolid'] });
    expect(r).toMatchObject({ code: 'MAOI_WASHOUT', earliestPlanDate: '2026-11-03', reasonSources: ['fda-linezolid-2011'] });
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-03', concurrent: [{ drug: 'linezolid', stoppedOn: '2026-11-02' }] });
    expect(dailies(p)).toEqual(['50']);
    expect(warning(p, 'SEROTONIN_SYNDROME')?.sources).toEqual(['fda-linezolid-2011']);
  });

  it('20. sertraline after moclobemide stopped on the restart date → BLOCK to the next day (NHS SPS: 24 hours)', () => {
    const r = refusal({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: [{ drug: 'moclobemide', stoppedOn: '2026-11-02' }] });
    expect(r).toMatchObject({ code: 'MAOI_WASHOUT', earliestPlanDate: '2026-11-03', reasonSources: ['sps-moclobemide'] });
  });

  it('21. sertraline after phenelzine stopped 10 days ago → BLOCK until day 14 (irreversible MAOI washout)', () => {
    const r = refusal({ drug: 'sertraline', dose: 50, restart: '2026-11-11', concurrent: [{ drug: 'phenelzine', stoppedOn: '2026-11-01' }] });
    expect(r.earliestPlanDate).toBe('2026-11-15');
    expect(r.reasonSources).toEqual(['ontario-maoi-washout']);
  });

  it('22. sertraline with a triptan → SEROTONIN_SYNDROME warning, not critical (Hunter criteria)', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(warning(p, 'SEROTONIN_SYNDROME')).toMatchObject({ severity: 'warning', sources: ['hunter-2003'] });
  });

  it('23. paroxetine CR 37.5 mg after 10 missed days → 25 mg, then 37.5 mg after 1 week (A9 partial restart)', () => {
    const p = plan({ drug: 'paroxetine', formulation: 'cr', dose: 37.5, restart: '2026-11-12' });
    expect(dailies(p)).toEqual(['25', '37.5']);
    expect(p.steps[0]!.makeUp).toEqual(['1 × 25 mg tablet']);
  });

  it('24. mirtazapine above its labelled maximum is capped with DOSE_ABOVE_LABEL_MAX', () => {
    const p = plan({ drug: 'mirtazapine', dose: 60, restart: '2026-11-02' });
    expect(dailies(p)).toEqual(['45']);
    expect(codes(p)).toContain('DOSE_ABOVE_LABEL_MAX');
  });
});

describe('antidepressant vignettes (amendment A2: label caps and Beers 2023)', () => {
  it('25. citalopram 40 mg at 61 → 20 mg, CITALOPRAM_QT_CAP and LABEL_CAP_APPLIED critical; at 60 no cap (FDA 2012: older than 60)', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-03', patient: { ageYears: 61 } });
    expect(dailies(p)).toEqual(['20']);
    expect(warning(p, 'CITALOPRAM_QT_CAP')).toMatchObject({ severity: 'critical', sources: ['fda-citalopram-2012'] });
    expect(warning(p, 'LABEL_CAP_APPLIED')?.message).toMatch(/patient\.ageYears 61/);
    expect(p.derivation.join('\n')).toMatch(/Label cap CITALOPRAM_QT_CAP: 20 mg daily because of patient\.ageYears 61 \(older than 60\)/);
    const at60 = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-03', patient: { ageYears: 60 } });
    expect(dailies(at60)).toEqual(['40']);
    expect(codes(at60)).not.toContain('CITALOPRAM_QT_CAP');
  });

  it('26. citalopram 40 mg with omeprazole (CYP2C19 inhibitor) or hepatic impairment → 20 mg (FDA 2012)', () => {
    expect(dailies(plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', concurrent: ['omeprazole'] }))).toEqual(['20']);
    expect(dailies(plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', patient: { hepaticImpairment: 'mild' } }))).toEqual(['20']);
    const within = plan({ drug: 'citalopram', dose: 20, restart: '2026-11-02', patient: { ageYears: 70 } });
    expect(warning(within, 'CITALOPRAM_QT_CAP')?.severity).toBe('critical');
    expect(codes(within)).not.toContain('LABEL_CAP_APPLIED');
  });

  it('27. escitalopram 20 mg at 75 → 10 mg with ESCITALOPRAM_AGE_CAP critical (Lexapro label: 10 mg elderly; 60 as in citalopram)', () => {
    const p = plan({ drug: 'escitalopram', dose: 20, restart: '2026-11-03', patient: { ageYears: 75 } });
    expect(dailies(p)).toEqual(['10']);
    expect(warning(p, 'ESCITALOPRAM_AGE_CAP')?.severity).toBe('critical');
    expect(codes(p)).toContain('LABEL_CAP_APPLIED');
    expect(dailies(plan({ drug: 'escitalopram', dose: 20, restart: '2026-11-03', patient: { ageYears: 59 } }))).toEqual(['20']);
    expect(dailies(plan({ drug: 'escitalopram', dose: 20, restart: '2026-11-03', patient: { ageYears: 60 } }))).toEqual(['10']);
  });

  it('28. paroxetine 50 mg at 70 → 40 mg (PAROXETINE_ELDERLY critical); after 48 missed days the start is 10 mg (Paxil label, elderly)', () => {
    const p = plan({ drug: 'paroxetine', dose: 50, restart: '2026-11-03', patient: { ageYears: 70 } });
    expect(dailies(p)).toEqual(['40']);
    expect(warning(p, 'PAROXETINE_ELDERLY')?.severity).toBe('critical');
    expect(warning(p, 'BEERS_AVOID')?.message).toMatch(/strong anticholinergic/);
    const long = plan({ drug: 'paroxetine', dose: 40, restart: '2026-12-20', patient: { ageYears: 70 } });
    expect(dailies(long)).toEqual(['10', '20', '30', '40']);
    expect(warning(long, 'PAROXETINE_ELDERLY')?.severity).toBe('warning');
  });

  it('29. sertraline at 70 with falls, oxycodone and LORazepam → BEERS_SIADH, BEERS_FALLS, BEERS_CNS_3PLUS; no dose change (Beers 2023)', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-02', patient: { ageYears: 70, historyOfFalls: true }, concurrent: ['oxycodone', 'lorazepam'] });
    expect(dailies(p)).toEqual(['100']);
    for (const code of ['BEERS_SIADH', 'BEERS_FALLS', 'BEERS_CNS_3PLUS']) expect(warning(p, code), code).toMatchObject({ severity: 'warning', sources: ['beers-2023'] });
    expect(warning(p, 'BEERS_CNS_3PLUS')?.message).toMatch(/3 CNS-active drugs/);
    const younger = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-02', patient: { ageYears: 64, historyOfFalls: true }, concurrent: ['oxycodone', 'lorazepam'] });
    expect(codes(younger).filter((c) => c.startsWith('BEERS'))).toEqual([]);
  });
});
