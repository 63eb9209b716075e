import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { codes, plan, request } from './helpers.ts';

describe('benzodiazepine vignettes', () => {
  it('1. alprazolam 1 mg twice daily = 40 mg diazepam by Ashton, 20 mg by VA/DoD; high band', () => {
    const p = plan({ drug: 'alprazolam', dose: '1', timesPerDay: 2, missedDays: 1 });
    expect(p.drugClass).toBe('benzodiazepine');
    expect(p.drugKind).toBe('benzodiazepine');
    expect(p.displayName).toBe('ALPRAZolam');
    expect(p.prior.dailyDose).toEqual({ amount: '2', unit: 'mg' });
    expect(p.prior.dailyEquivalent).toEqual({ amount: '40', unit: 'mg diazepam' });
    expect(p.prior.equivalents).toEqual([
      expect.objectContaining({ source: 'ashton-2002', perDiazepam10mg: '0.5', dailyEquivalent: { amount: '40', unit: 'mg diazepam' } }),
      expect.objectContaining({ source: 'va-dod-sud-2021', perDiazepam10mg: '1', dailyEquivalent: { amount: '20', unit: 'mg diazepam' } }),
    ]);
    expect(p.prior.riskBand).toMatchObject({ band: 'high', dailyEquivalent: { amount: '40' } });
    expect(p.derivation.join('\n')).toMatch(/VA\/DoD 2021 gives 1 mg ≈ 10 mg diazepam: 20 mg diazepam\/day/);
  });

  it('2. diazepam 10 mg three times daily after 2 missed days: resume the prior dose', () => {
    const p = plan({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 2 });
    expect(p.missedDays).toBe(2);
    expect(p.tolerance).toMatchObject({ retainedFraction: '1', status: 'retained' });
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ dose: { amount: '10', unit: 'mg' }, timesPerDay: 3, dailyDose: { amount: '30', unit: 'mg' } });
    expect(p.steps[0]!.dailyEquivalent).toEqual({ amount: '30', unit: 'mg diazepam' });
    // Amendment A8 / issue 11: day 3 after an abrupt stop warns of withdrawal even when resuming.
    expect(codes(p)).toEqual(['BZD_WITHDRAWAL_EARLY']);
  });

  it('3. diazepam 10 mg three times daily after 4 missed days: inside the 28-day window, 75% (22.5 mg a day), then +25% a week back to 30 mg (A8)', () => {
    const p = plan({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 4 });
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.75', status: 'reduced', dependence: 'DEPENDENT', withdrawalWindowDays: 28 });
    expect(p.steps[0]!.dailyDose.amount).toBe('22.5');
    expect(p.steps[0]!.administrations).toEqual(['7.5', '7.5', '7.5']);
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('30');
    for (let i = 1; i < p.steps.length; i++) {
      const prev = Number(p.steps[i - 1]!.dailyDose.amount);
      const cur = Number(p.steps[i]!.dailyDose.amount);
      const days = (Date.parse(p.steps[i]!.start) - Date.parse(p.steps[i - 1]!.start)) / 86_400_000;
      expect(days).toBe(7);
      expect(cur).toBeGreaterThan(prev);
      expect(cur <= prev * 1.25 || cur - prev <= 1).toBe(true);
    }
    expect(p.warnings.find((w) => w.code === 'BZD_WITHDRAWAL_WINDOW')?.severity).toBe('critical');
  });
  it('4. lorazepam 2 mg three times daily after the 14-day window (16 missed days): no more than 10 mg diazepam equivalents a day (A8)', () => {
    const p = plan({ drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 16 });
    expect(p.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost', withdrawalWindowDays: 14 });
    expect(Number(p.steps[0]!.dailyEquivalent!.amount)).toBeLessThanOrEqual(10);
    expect(p.steps[0]!.dailyDose.amount).toBe('1');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('6');
    expect(p.derivation.join('\n')).toMatch(/After-window cap: 10 mg diazepam equivalents a day = 1 mg lorazepam/);
    expect(codes(p)).toContain('BZD_TOLERANCE_LOSS');
  });
  it('5. lorazepam on the last day of the window (14 missed days) is on the 75% rule; the day after, the low restart (A8)', () => {
    expect(plan({ drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 14 }).steps[0]!.dailyDose.amount).toBe('4.5');
    expect(plan({ drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 15 }).steps[0]!.dailyDose.amount).toBe('1');
  });
  it('6. temazepam with oxycodone concurrent → OPIOID_BENZODIAZEPINE (critical, offer naloxone)', () => {
    const p = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 1, concurrent: ['oxycodone'] });
    const w = p.warnings.find((x) => x.code === 'OPIOID_BENZODIAZEPINE');
    expect(w).toBeDefined();
    expect(w!.severity).toBe('critical');
    expect(w!.message).toMatch(/naloxone/);
    expect(w!.sources).toContain('fda-opioid-benzo-2016');
    expect(p.warnings[0]!.severity).toBe('critical');
  });

  it('7. older adult inside the window → BEERS_AVOID and the 50% risk-factor step (A2 Beers; A8 risk factor: age ≥ 65)', () => {
    const base = { drug: 'clonazepam', dose: '1', timesPerDay: 2, missedDays: 6 } as const;
    const older = plan({ ...base, patient: { ageYears: 78 } });
    const younger = plan({ ...base, patient: { ageYears: 40 } });
    expect(codes(older)).toContain('BEERS_AVOID');
    expect(older.warnings.find((w) => w.code === 'BEERS_AVOID')!.sources).toContain('beers-2023');
    expect(codes(younger)).not.toContain('BEERS_AVOID');
    expect(older.steps[0]!.dailyDose.amount).toBe('1');
    expect(younger.steps[0]!.dailyDose.amount).toBe('1.5');
    expect(older.warnings.find((w) => w.code === 'BZD_RISK_FACTOR_STEP')!.message).toMatch(/age 78 \(patient\.ageYears\)/);
  });
  it('8. withdrawal-risk rows of Joint Guideline Table 2', () => {
    const row = (dose: string, times: number, durationDays: number, daysPerWeek = 7) =>
      plan({ drug: 'diazepam', dose, timesPerDay: times, priorDurationDays: durationDays, daysPerWeek, missedDays: 1 }).prior.withdrawalRisk!;
    expect(row('10', 3, 400, 3)).toMatchObject({ risk: 'rare', daysPerWeek: 3 });
    expect(row('10', 3, 20)).toMatchObject({ risk: 'lower-but-possible' });
    expect(row('5', 1, 60).risk).toBe('lower-but-possible'); // 1–3 months, low dose (5 mg DE)
    expect(row('12', 1, 60).risk).toBe('yes'); // 1–3 months, moderate (12 mg DE)
    expect(row('10', 2, 60).risk).toBe('yes'); // 1–3 months, high (20 mg DE)
    expect(row('5', 1, 90).risk).toBe('yes'); // ≥ 3 months, any dose
    expect(row('5', 1, 89).risk).toBe('lower-but-possible');
    expect(plan({ drug: 'diazepam', dose: '12', timesPerDay: 1, missedDays: 1 }).prior.riskBand!.band).toBe('moderate');
    expect(plan({ drug: 'diazepam', dose: '10', timesPerDay: 1, missedDays: 1 }).prior.riskBand!.band).toBe('low');
  });

  it('9. estazolam: Ashton gives a range (1–2 mg); the higher DE is used and the range shown', () => {
    const p = plan({ drug: 'estazolam', dose: '2', timesPerDay: 1, missedDays: 1 });
    const ashton = p.prior.equivalents!.find((e) => e.source === 'ashton-2002')!;
    expect(ashton.perDiazepam10mg).toBe('1–2');
    expect(ashton.dailyEquivalentRange).toEqual({ low: '10', high: '20' });
    expect(p.prior.dailyEquivalent!.amount).toBe('20');
    expect(p.derivation.join('\n')).toMatch(/the higher figure, 20 mg, is the more cautious risk estimate/);
  });

  it('10. flurazepam: range 15–30 mg; the 250 h metabolite puts it in the long group (window to 28 missed days)', () => {
    const p = plan({ drug: 'flurazepam', dose: '30', timesPerDay: 1, missedDays: 28 });
    expect(p.prior.equivalents![0]!.dailyEquivalentRange).toEqual({ low: '10', high: '20' });
    expect(p.tolerance).toMatchObject({ withdrawalWindowDays: 28, retainedFraction: '0.75' });
    // 75% of 30 = 22.5 mg rounds down to one 15 mg capsule (50%, the floor).
    expect(p.steps[0]!.dailyDose.amount).toBe('15');
    const after = plan({ drug: 'flurazepam', dose: '30', timesPerDay: 1, missedDays: 29 });
    expect(after.tolerance.retainedFraction).toBe('0');
    expect(after.steps[0]!.dailyDose.amount).toBe('15');
  });
  it('11. temazepam 30 mg: Ashton 15 mg DE (moderate) but VA/DoD 20 mg DE (high): the band uses the higher', () => {
    const p = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 1 });
    expect(p.prior.dailyEquivalent!.amount).toBe('15');
    expect(p.prior.equivalents![1]!.dailyEquivalent.amount).toBe('20');
    expect(p.prior.riskBand).toMatchObject({ band: 'high', dailyEquivalent: { amount: '20' } });
    expect(p.assumptionDetails.map((a) => a.id)).toContain('bzd-conservative-equivalent');
  });

  it('12. zolpidem 10 mg after 3 missed days: inside the 14-day window, 75% (7.5 mg) rounds down to 5 mg (A8); Z-drug warnings (A2)', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 3 });
    expect(p.drugKind).toBe('z-drug');
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.75', withdrawalWindowDays: 14 });
    expect(p.steps[0]!.dailyDose.amount).toBe('5');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('10');
    expect(codes(p)).toEqual(['BZD_WITHDRAWAL_WINDOW', 'ZDRUG_SEX_DOSE', 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR']);
    expect(p.prior.equivalents).toHaveLength(1); // VA/DoD does not list Z-drugs
  });
  it('13. clonazepam 2 mg three times daily after 5 missed days: 75% (4.5 mg), window warning and epilepsy note (A8)', () => {
    const p = plan({ drug: 'clonazepam', dose: '2', timesPerDay: 3, missedDays: 5 });
    expect(p.prior.dailyEquivalent!.amount).toBe('120');
    expect(p.steps[0]!.dailyDose.amount).toBe('4.5');
    expect(codes(p)).toEqual(expect.arrayContaining(['BZD_WITHDRAWAL_WINDOW', 'EPILEPSY_INDICATION']));
  });
  it('14. gabapentin, alcohol, respiratory disease and sleep apnea each warn', () => {
    const base = { drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1 } as const;
    expect(codes(plan({ ...base, concurrent: ['gabapentin'] }))).toContain('BENZODIAZEPINE_GABAPENTINOID');
    expect(codes(plan({ ...base, concurrent: ['alcohol'] }))).toContain('ALCOHOL');
    expect(codes(plan({ ...base, patient: { alcoholUse: true } }))).toContain('ALCOHOL');
    expect(codes(plan({ ...base, patient: { respiratoryDisease: true } }))).toContain('RESPIRATORY_RISK');
    expect(codes(plan({ ...base, patient: { sleepApnea: true } }))).toContain('RESPIRATORY_RISK');
    expect(codes(plan(base))).toEqual(['BZD_WITHDRAWAL_EARLY']);
  });

  it('15. alprazolam 4 mg four times daily (16 mg) is above the 10 mg label maximum: no step above 10 mg', () => {
    const p = plan({ drug: 'alprazolam', dose: '4', timesPerDay: 4, missedDays: 1 });
    expect(codes(p)).toContain('ABOVE_LABEL_MAXIMUM');
    for (const s of p.steps) expect(Number(s.dailyDose.amount)).toBeLessThanOrEqual(10);
    expect(p.prior.dailyDose.amount).toBe('16');
  });

  it('16. chlordiazepoxide (long group): 75% on the 28th missed day, the low restart from the 29th (A8)', () => {
    const at = (missed: number) => plan({ drug: 'chlordiazepoxide', dose: '25', timesPerDay: 4, missedDays: missed });
    const inside = at(28);
    expect(inside.tolerance.retainedFraction).toBe('0.75');
    expect(inside.steps[0]!.dailyDose.amount).toBe('75');
    const after = at(29);
    expect(after.tolerance.retainedFraction).toBe('0');
    expect(Number(after.steps[0]!.dailyEquivalent!.amount)).toBeLessThanOrEqual(10);
    // Label initial 5 mg × 3 = 15 mg a day, below 10 mg DE (25 mg): 3 × 5 mg.
    expect(after.steps[0]!.administrations).toEqual(['5', '5', '5']);
  });
  it('17. alprazolam extended-release restarts on the same product (75% of 3 mg rounds down to 2 mg)', () => {
    const p = plan({ drug: 'alprazolam', formulation: 'er', dose: '3', timesPerDay: 1, missedDays: 5 });
    expect(p.formulation).toBe('er');
    expect(p.steps.every((s) => s.formulation === 'er' && s.timesPerDay === 1)).toBe(true);
    expect(p.steps[0]!.dailyDose.amount).toBe('2');
  });
  it('18. zopiclone is marked as a non-US (UK) product', () => {
    const p = plan({ drug: 'zopiclone', dose: '7.5', timesPerDay: 1, missedDays: 0 });
    expect(p.derivation.join('\n')).toMatch(/Not a US product/);
    expect(p.sources.map((s) => s.id)).toContain('emc-zopiclone-smpc');
  });

  it('19. an opioid plan still sees a (now planned) benzodiazepine as concurrent', () => {
    const result = planRestart({
      drug: 'oxycodone',
      prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
      priorDurationDays: 90,
      lastDoseDate: '2026-10-01',
      restartDate: '2026-10-03',
      concurrent: ['clonazepam', 'zolpidem'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const w = result.plan.warnings.find((x) => x.code === 'OPIOID_BENZODIAZEPINE')!;
    expect(w.message).toMatch(/clonazePAM, zolpidem/);
  });

  it('20. intermittent use (2 days a week) is "rare" withdrawal risk: NOT_DEPENDENT, one prior single dose, no window warning (A8)', () => {
    const p = plan({ drug: 'diazepam', dose: '10', timesPerDay: 2, daysPerWeek: 2, missedDays: 5 });
    expect(p.prior.withdrawalRisk!.risk).toBe('rare');
    expect(p.tolerance).toMatchObject({ priorTolerant: false, dependence: 'NOT_DEPENDENT', status: 'not-applicable' });
    expect(p.steps[0]!.administrations).toEqual(['10']);
    expect(codes(p)).toEqual(['BZD_NOT_DEPENDENT']);
  });
  it('every plan lists each source and assumption it cites', () => {
    const p = plan({ drug: 'oxazepam', dose: '30', timesPerDay: 4, missedDays: 7, concurrent: ['morphine'] });
    const text = p.derivation.join('\n');
    for (const id of p.sources.map((s) => s.id)) expect(text.includes(id) || p.warnings.some((w) => w.sources.includes(id))).toBe(true);
    for (const id of p.assumptionDetails.map((a) => a.id)) expect(text).toContain(id);
    expect(request({ drug: 'x', dose: '1', timesPerDay: 1, missedDays: 0 })).toBeTruthy();
  });
});
