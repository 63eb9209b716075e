import { describe, expect, it } from 'vitest';
import { codes, dailies, plan, starts } from './helpers.ts';

describe('antidepressant vignettes', () => {
  it('1. sertraline 100 mg after 2 days → resume 100 mg', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03' });
    expect(p.decision?.action).toBe('resume');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ start: '2026-11-03', dose: { amount: '100', unit: 'mg' }, timesPerDay: 1 });
    expect(p.tolerance).toEqual({ retainedFraction: '1', status: 'not-applicable' });
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(codes(p)).toContain('DISCONTINUATION_SYMPTOMS');
    expect(p.derivation.join('\n')).toMatch(/48 h is under 3 half-lives \(78 h\)/);
  });

  it('2. sertraline 100 mg after 30 days → 50 mg then weekly + 25 mg steps to 100 mg', () => {
    const p = plan({ drug: 'sertraline', dose: 100, restart: '2026-12-01' });
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['50', '75', '100']);
    expect(starts(p)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(p.tolerance.retainedFraction).toBe('0');
    expect(codes(p)).not.toContain('DISCONTINUATION_SYMPTOMS');
    expect(p.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['uptodate-ad-doses', 'mgh-white-book', 'pmc6168070']));
    expect(p.assumptions.length).toBeGreaterThan(0);
  });

  it('3. fluoxetine 20 mg after 10 days → resume (norfluoxetine: 3 × 96 h = 288 h)', () => {
    const p = plan({ drug: 'fluoxetine', dose: 20, restart: '2026-11-11' });
    expect(p.displayName).toBe('FLUoxetine');
    expect(p.decision).toMatchObject({ action: 'resume' });
    expect(p.decision!.rule).toMatch(/240 h is under 3 half-lives \(288 h\)/);
    expect(dailies(p)).toEqual(['20']);
    expect(p.derivation.join('\n')).toMatch(/norfluoxetine/);
  });

  it('4. fluoxetine 40 mg after 13 days → re-titrate from 20 mg, + 20 mg after 28 days', () => {
    const p = plan({ drug: 'fluoxetine', dose: 40, restart: '2026-11-14' });
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['20', '40']);
    expect(starts(p)).toEqual(['2026-11-14', '2026-12-12']);
  });

  it('5. citalopram 40 mg in a 65-year-old → capped at 20 mg with a QT warning', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-03', patient: { ageYears: 65 } });
    expect(dailies(p)).toEqual(['20']);
    const qt = p.warnings.find((w) => w.code === 'QT_PROLONGATION');
    expect(qt?.sources).toEqual(['fda-citalopram-2012']);
    expect(qt?.message).toMatch(/age 65/);
  });

  it('6. citalopram 40 mg with omeprazole (CYP2C19 inhibitor) → 20 mg; with QTc 510 ms the QT warning is critical', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-02', concurrent: ['omeprazole'], qtcMs: 510 });
    expect(dailies(p)).toEqual(['20']);
    expect(p.warnings.find((w) => w.code === 'QT_PROLONGATION')?.severity).toBe('critical');
  });

  it('7. citalopram 40 mg, age 50, after 20 days → 20 mg then 40 mg after a week (no cap)', () => {
    const p = plan({ drug: 'citalopram', dose: 40, restart: '2026-11-21', patient: { ageYears: 50 } });
    expect(dailies(p)).toEqual(['20', '40']);
    expect(codes(p)).not.toContain('QT_PROLONGATION');
  });

  it('8. phenelzine with sertraline in concurrent → MAOI_WASHOUT, start moved 14 days (5 × 66 h desmethylsertraline)', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, times: 3, restart: '2026-11-20', concurrent: ['sertraline'] });
    expect(codes(p)).toEqual(expect.arrayContaining(['MAOI_WASHOUT', 'SEROTONIN_SYNDROME']));
    expect(p.warnings.find((w) => w.code === 'MAOI_WASHOUT')?.severity).toBe('critical');
    expect(p.earliestSafeStart).toBe('2026-12-04');
    expect(p.steps[0]!.start).toBe('2026-12-04');
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['15', '30', '45']);
  });

  it('9. phenelzine with fluoxetine → 5-week washout; with venlafaxine → at least 14 days (5 × 11 h is only 3 days)', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-03', concurrent: ['fluoxetine'] });
    expect(p.earliestSafeStart).toBe('2026-12-08');
    const q = plan({ drug: 'tranylcypromine', dose: 10, restart: '2026-11-03', concurrent: ['venlafaxine'] });
    expect(q.earliestSafeStart).toBe('2026-11-17');
    expect(q.derivation.join('\n')).toMatch(/→ 3 days, at least 14 days → 14 days/);
    const r = plan({ drug: 'phenelzine', dose: 15, restart: '2026-11-03', concurrent: ['vortioxetine'] });
    expect(r.earliestSafeStart).toBe('2026-11-24');
  });

  it('10. sertraline with moclobemide → 24-hour washout; with linezolid → 14 days', () => {
    const a = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['moclobemide'] });
    expect(a.earliestSafeStart).toBe('2026-11-03');
    expect(a.warnings.find((w) => w.code === 'MAOI_WASHOUT')?.sources).toContain('sps-moclobemide');
    const b = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['linezolid'] });
    expect(b.earliestSafeStart).toBe('2026-11-16');
    expect(b.decision?.action).toBe('retitrate');
  });

  it('11. bupropion SR 150 mg twice daily after 3 days → re-titrate with SEIZURE_RISK', () => {
    const p = plan({ drug: 'bupropion', formulation: 'sr', dose: 150, times: 2, restart: '2026-11-04' });
    expect(p.displayName).toBe('buPROPion');
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['150', '300']);
    expect(p.steps[1]).toMatchObject({ timesPerDay: 2, administrations: ['150', '150'] });
    expect(codes(p)).toContain('SEIZURE_RISK');
  });

  it('12. bupropion with a benzodiazepine → SEIZURE_RISK names the withdrawal hazard', () => {
    const p = plan({ drug: 'bupropion', formulation: 'xl', dose: 300, restart: '2026-11-02', concurrent: ['lorazepam'] });
    expect(p.decision?.action).toBe('resume');
    expect(p.warnings.find((w) => w.code === 'SEIZURE_RISK')?.message).toMatch(/LORazepam/);
  });

  it('13. amitriptyline 75 mg after 4 days → always re-titrate (TCA), TCA_TOXICITY', () => {
    const p = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05' });
    expect(p.decision?.rule).toMatch(/always re-titrated after more than 2 missed days/);
    expect(dailies(p)).toEqual(['25', '50', '75']);
    expect(codes(p)).toContain('TCA_TOXICITY');
    expect(codes(p)).not.toContain('OLDER_ADULT_ANTICHOLINERGIC');
    const older = plan({ drug: 'amitriptyline', dose: 75, restart: '2026-11-05', patient: { ageYears: 78 } });
    expect(older.warnings.find((w) => w.code === 'OLDER_ADULT_ANTICHOLINERGIC')?.sources).toEqual(['beers-2023']);
    expect(dailies(older)).toEqual(dailies(p));
  });

  it('14. clomipramine 100 mg after 2 days → re-titrate by half-life (48 h ≥ 3 × 15 h); SEIZURE_RISK and TCA_TOXICITY', () => {
    const p = plan({ drug: 'clomipramine', dose: 100, restart: '2026-11-03' });
    expect(p.displayName).toBe('clomiPRAMINE');
    expect(p.decision?.rule).toMatch(/48 h is at least 3 half-lives \(45 h\)/);
    expect(dailies(p)).toEqual(['25', '50', '75', '100']);
    expect(codes(p)).toEqual(expect.arrayContaining(['SEIZURE_RISK', 'TCA_TOXICITY']));
  });

  it('15. venlafaxine XR 150 mg after 2 days → re-titrate (O-desmethylvenlafaxine 3 × 11 h = 33 h)', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 150, restart: '2026-11-03' });
    expect(p.decision?.action).toBe('retitrate');
    expect(dailies(p)).toEqual(['37.5', '112.5', '150']);
    expect(starts(p)).toEqual(['2026-11-03', '2026-11-07', '2026-11-11']);
  });

  it('16. duloxetine the next day (no dose missed) → resume', () => {
    const p = plan({ drug: 'duloxetine', dose: 60, restart: '2026-11-02' });
    expect(p.displayName).toBe('DULoxetine');
    expect(p.decision?.rule).toMatch(/no dose missed/);
  });

  it('17. sertraline with a triptan → SEROTONIN_SYNDROME (warning, not critical)', () => {
    const p = plan({ drug: 'sertraline', dose: 50, restart: '2026-11-02', concurrent: ['sumatriptan'] });
    expect(p.warnings.find((w) => w.code === 'SEROTONIN_SYNDROME')).toMatchObject({ severity: 'warning', sources: ['hunter-2003'] });
  });

  it('18. paroxetine CR 37.5 mg after 10 days → 25 mg, then 37.5 mg after 1 week', () => {
    const p = plan({ drug: 'paroxetine', formulation: 'cr', dose: 37.5, restart: '2026-11-11' });
    expect(dailies(p)).toEqual(['25', '37.5']);
    expect(p.steps[0]!.makeUp).toEqual(['1 × 25 mg tablet']);
  });

  it('19. mirtazapine above its labelled maximum is capped with DOSE_ABOVE_LABEL_MAX', () => {
    const p = plan({ drug: 'mirtazapine', dose: 60, restart: '2026-11-02' });
    expect(dailies(p)).toEqual(['45']);
    expect(codes(p)).toContain('DOSE_ABOVE_LABEL_MAX');
  });
});
