/**
 * Clinical vignettes written from the sources (CDC 2022 table worked examples, Australian methadone
 * missed-dose rules, product labels). Each checks real numbers, not snapshots.
 */
import { describe, expect, it } from 'vitest';
import { BASE, codes, dec, plan, restartAfter, warning } from './helpers.ts';

const oxyIr = (dose: string, times: number, extra: Record<string, unknown> = {}) => ({
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose, unit: 'mg', timesPerDay: times },
  ...BASE,
  ...extra,
});
const mme = (p: ReturnType<typeof plan>, i: number) => dec(p.steps[i]!.dailyEquivalent!.amount);
const apapOf = (administrations: readonly string[]) => administrations.reduce((t, a) => t + Math.ceil(Number(a) / 10) * 325, 0);

describe('MME (CDC 2022 table)', () => {
  it('1. oxycodone 10 mg four times daily = 60 MME/day', () => {
    const p = plan(oxyIr('10', 4, { restartDate: restartAfter(1) }));
    expect(p.prior.dailyEquivalent).toEqual({ amount: '60', unit: 'MME' });
    expect(p.prior.equivalentFactor).toMatchObject({ value: '1.5', source: 'cdc-2022' });
  });

  it('2. fentanyl 25 mcg/h = 60 MME/day; a tolerant patient after 1 missed day keeps the patch', () => {
    const p = plan({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '25', unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(2) });
    expect(p.prior.dailyEquivalent).toEqual({ amount: '60', unit: 'MME' });
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ drug: 'fentanyl', formulation: 'patch', dose: { amount: '25', unit: 'mcg/h' } });
  });

  it('3. CDC worked examples: hydrocodone 5 mg/APAP × 4 = 20 MME; oxyCODONE ER 10 mg twice daily = 30 MME', () => {
    const h = plan({ drug: 'hydrocodone', formulation: 'apap', prior: { dose: '5', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(1) });
    expect(h.prior.dailyEquivalent!.amount).toBe('20');
    const o = plan({ drug: 'oxycodone', formulation: 'er', prior: { dose: '10', unit: 'mg', timesPerDay: 2 }, ...BASE, restartDate: restartAfter(1) });
    expect(o.prior.dailyEquivalent!.amount).toBe('30');
  });

  it('4. fentanyl 37.5 → 90, 100 → 240 MME; methadone 60 mg/day → 282 MME (2022 single factor)', () => {
    const f = (dose: string) => plan({ drug: 'fentanyl', prior: { dose, unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(1) }).prior.dailyEquivalent!.amount;
    expect([f('37.5'), f('100')]).toEqual(['90', '240']);
    const m = plan({ drug: 'methadone', indication: 'pain', prior: { dose: '20', unit: 'mg', timesPerDay: 3 }, ...BASE, restartDate: restartAfter(1) });
    expect(m.prior.dailyEquivalent!.amount).toBe('282');
  });

  it('5. hydromorphone 4 mg × 4 = 80 MME (factor 5); tramadol 50 × 4 = 40 MME; tapentadol 100 × 4 = 160 MME; codeine 30 × 4 = 18 MME', () => {
    const m = (drug: string, dose: string, times = 4) =>
      plan({ drug, formulation: 'ir', prior: { dose, unit: 'mg', timesPerDay: times }, ...BASE, restartDate: restartAfter(1) }).prior.dailyEquivalent!.amount;
    expect([m('hydromorphone', '4'), m('tramadol', '50'), m('tapentadol', '100'), m('codeine', '30')]).toEqual(['80', '40', '160', '18']);
  });
});

describe('tolerance loss and naive starts', () => {
  it('6. 30 days after release from prison on 120 MME: first step ≤ 30 MME, NALOXONE and HIGH_RISK_RELEASE', () => {
    const p = plan(oxyIr('20', 4, { restartDate: restartAfter(30), breakReason: 'incarceration' }));
    expect(p.prior.dailyEquivalent!.amount).toBe('120');
    expect(p.tolerance.status).toBe('lost');
    expect(mme(p, 0).lte(30)).toBe(true);
    expect(codes(p)).toEqual(expect.arrayContaining(['NALOXONE', 'HIGH_RISK_RELEASE', 'OPIOID_TOLERANCE_LOST']));
    expect(warning(p, 'HIGH_RISK_RELEASE').sources).toContain('binswanger-2007');
  });

  it('7. after 3 missed days the IR first step is half the prior dose', () => {
    const p = plan(oxyIr('20', 4, { restartDate: restartAfter(4) }));
    expect(p.missedDays).toBe(3);
    expect(p.steps[0]!.dailyDose.amount).toBe('40');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('80');
  });

  it('8. (amendment A4, CDC 2022 Rec 5) a regular user below the opioid-tolerant threshold keeps the prior dose after 1 missed day', () => {
    const p = plan(oxyIr('10', 4, { priorDurationDays: 5, restartDate: restartAfter(2) }));
    expect(p.tolerance.priorTolerant).toBe(false);
    expect(p.steps[0]).toMatchObject({ dose: { amount: '10' }, timesPerDay: 4 });
  });

  it('9. a risk factor halves the naive start: age 70 → oxyCODONE 5 mg twice daily, with OLDER_ADULT', () => {
    const p = plan(oxyIr('10', 4, { restartDate: restartAfter(10), patient: { ageYears: 70 } }));
    expect(p.steps[0]).toMatchObject({ dose: { amount: '5' }, timesPerDay: 2 });
    expect(codes(p)).toContain('OLDER_ADULT');
  });

  it('10. the step that crosses 50 MME/day is a checkpoint, with MME_50_CHECKPOINT', () => {
    const p = plan(oxyIr('20', 4, { restartDate: restartAfter(10) }));
    const crossing = p.steps.filter((s) => s.checkpoint);
    expect(crossing).toHaveLength(1);
    expect(dec(crossing[0]!.dailyEquivalent!.amount).gte(50)).toBe(true);
    expect(codes(p)).toContain('MME_50_CHECKPOINT');
  });

  it('11. benzodiazepine and gabapentinoid warnings', () => {
    const p = plan(oxyIr('10', 4, { restartDate: restartAfter(10), concurrent: ['alprazolam', 'gabapentin'] }));
    expect(warning(p, 'OPIOID_BENZODIAZEPINE').sources).toContain('fda-opioid-benzo-2016');
    expect(warning(p, 'OPIOID_GABAPENTINOID').sources).toContain('fda-gabapentinoid-2019');
  });

  it('12. detoxification → HIGH_RISK_RELEASE citing Strang 2003', () => {
    const p = plan(oxyIr('10', 4, { restartDate: restartAfter(20), breakReason: 'detox' }));
    expect(warning(p, 'HIGH_RISK_RELEASE').sources).toContain('strang-2003');
  });
});

describe('restricted products', () => {
  it('13. a 50 mcg/h patch after 10 days off: IR restart, no patch step, RESTRICTED_TO_TOLERANT, target ≤ half the patch MME', () => {
    const p = plan({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '50', unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(10) });
    expect(p.steps.every((s) => s.formulation !== 'patch')).toBe(true);
    expect(p.steps[0]).toMatchObject({ drug: 'morphine', formulation: 'ir' });
    expect(mme(p, 0).lte(30)).toBe(true);
    expect(dec(p.steps.at(-1)!.dailyEquivalent!.amount).lte(60)).toBe(true);
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.severity).toBe('critical');
    expect(w.message).toMatch(/considered again no earlier than \d{4}-\d{2}-\d{2}/);
    expect(p.derivation.join('\n')).toMatch(/must not be used in reverse/);
    expect(p.derivation.join('\n')).toMatch(/60–90 MME\/day; the lower end is taken/);
  });

  it('14. OxyContin 80 mg twice daily after 1 missed day: continue the same ER product', () => {
    const p = plan({ drug: 'oxycodone', formulation: 'er', prior: { dose: '80', unit: 'mg', timesPerDay: 2 }, ...BASE, restartDate: restartAfter(2) });
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ formulation: 'er', dose: { amount: '80' }, timesPerDay: 2 });
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
  });

  it('15. OxyContin 80 mg twice daily after 7 days: IR oxyCODONE restart up to 160 mg/day, never OxyContin', () => {
    const p = plan({ drug: 'oxycodone', formulation: 'er', prior: { dose: '80', unit: 'mg', timesPerDay: 2 }, ...BASE, restartDate: restartAfter(7) });
    expect(p.steps.every((s) => s.formulation === 'ir' && s.drug === 'oxycodone')).toBe(true);
    expect(p.steps[0]!.dailyDose.amount).toBe('20');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('160');
    expect(codes(p)).toContain('RESTRICTED_TO_TOLERANT');
  });

  it('16. MS Contin 100 mg twice daily after 3 missed days (r = 0.5): morphine IR, not MS Contin', () => {
    const p = plan({ drug: 'morphine', formulation: 'er', prior: { dose: '100', unit: 'mg', timesPerDay: 2 }, ...BASE, restartDate: restartAfter(4) });
    expect(p.tolerance.status).toBe('reduced');
    expect(p.steps.every((s) => s.drug === 'morphine' && s.formulation === 'ir')).toBe(true);
    // 200 mg/day in 4 doses of morphine IR (15, 30 mg scored), rounded down: 52.5 + 52.5 + 45 + 45.
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('195');
  });

  it('17. Hysingla ER 120 mg after 10 days: oxyCODONE IR (no single-ingredient IR hydrocodone), target ≤ 60 MME', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'er', prior: { dose: '120', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(10) });
    expect(p.steps.every((s) => s.drug === 'oxycodone' && s.formulation === 'ir')).toBe(true);
    expect(p.steps.at(-1)!.dailyEquivalent!.amount).toBe('60');
    expect(codes(p)).toContain('RESTRICTED_TO_TOLERANT');
  });

  it('18. HYDROmorphone ER (Exalgo) after 4 missed days: HYDROmorphone IR at half the prior dose (A4: prior × r on the same molecule)', () => {
    const p = plan({ drug: 'hydromorphone', formulation: 'er', prior: { dose: '16', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(5) });
    expect(p.steps.every((s) => s.drug === 'hydromorphone' && s.formulation === 'ir')).toBe(true);
    expect(p.steps[0]!.dailyDose.amount).toBe('8');
    expect(p.steps[0]!.dailyEquivalent!.amount).toBe('40');
  });

  it('19. (amendment A6, CDC 2022 Rec 4 "using product labeling") tapentadol IR after 10 days restarts on tapentadol 50 mg twice daily (40 MME) with NAIVE_START_ABOVE_CDC_RANGE', () => {
    const p = plan({ drug: 'tapentadol', formulation: 'ir', prior: { dose: '100', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(10) });
    expect(p.steps[0]).toMatchObject({ drug: 'tapentadol', administrations: ['50', '50'] });
    expect(codes(p)).toContain('NAIVE_START_ABOVE_CDC_RANGE');
  });
});

describe('restricted products when the patient was never opioid-tolerant', () => {
  it('34. a 12 mcg/h patch (below the 25 mcg/h tolerant threshold) after 1 missed day: not restarted; morphine IR within half the patch MME', () => {
    const p = plan({ drug: 'fentanyl', prior: { dose: '12', unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(2) });
    expect(p.tolerance.priorTolerant).toBe(false);
    expect(p.steps.every((s) => s.drug === 'morphine')).toBe(true);
    expect(dec(p.steps.at(-1)!.dailyEquivalent!.amount).lte('14.4')).toBe(true);
    expect(codes(p)).toContain('RESTRICTED_TO_TOLERANT');
  });

  it('35. Hysingla ER 20 mg daily for 5 days, 1 missed day: continue (the labelled non-tolerant start)', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'er', prior: { dose: '20', unit: 'mg', timesPerDay: 1 }, ...BASE, priorDurationDays: 5, restartDate: restartAfter(2) });
    expect(p.steps).toEqual([expect.objectContaining({ drug: 'hydrocodone', formulation: 'er', dailyDose: { amount: '20', unit: 'mg' } })]);
  });
});

describe('acetaminophen in combination products', () => {
  it('20. HYDROcodone/APAP 10/325 × 6: 1,950 mg APAP is within 4 g, no ACETAMINOPHEN_LIMIT', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'apap', prior: { dose: '10', unit: 'mg', timesPerDay: 6 }, ...BASE, priorDurationDays: 10, restartDate: restartAfter(1) });
    expect(p.derivation.join('\n')).toMatch(/Acetaminophen in the prior regimen: 1,950 mg\/day/);
    expect(codes(p)).not.toContain('ACETAMINOPHEN_LIMIT');
  });

  it('21. the same with liver disease (2 g limit): every step stays within 2,000 mg', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'apap', prior: { dose: '10', unit: 'mg', timesPerDay: 6 }, ...BASE, restartDate: restartAfter(10), patient: { hepaticImpairment: true } });
    expect(p.derivation.join('\n')).toMatch(/limit for this patient 2,000 mg\/day \(liver disease/);
    for (const s of p.steps) expect(apapOf(s.administrations)).toBeLessThanOrEqual(2000);
  });

  it('22. (amendment A5) 2 × 10/325 four times daily (2,600 mg APAP) with liver disease: the opioid is not cut; critical APAP_LIMIT_NO_SINGLE_AGENT', () => {
    const p = plan({ drug: 'hydrocodone', formulation: 'apap', prior: { dose: '20', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(1), patient: { hepaticImpairment: true } });
    expect(warning(p, 'ACETAMINOPHEN_LIMIT').severity).toBe('critical');
    expect(warning(p, 'APAP_LIMIT_NO_SINGLE_AGENT').severity).toBe('critical');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('80');
  });

  it('23. acetaminophen/codeine No. 4 × 2 tablets 6 times daily (3,600 mg APAP) at age 70 (3 g limit): ACETAMINOPHEN_LIMIT', () => {
    const p = plan({ drug: 'codeine', formulation: 'apap', prior: { dose: '120', unit: 'mg', timesPerDay: 6 }, ...BASE, restartDate: restartAfter(1), patient: { ageYears: 70 } });
    expect(codes(p)).toContain('ACETAMINOPHEN_LIMIT');
    for (const s of p.steps) {
      const tablets = s.administrations.reduce((t, a) => t + Math.ceil(Number(a) / 60), 0);
      expect(tablets * 300).toBeLessThanOrEqual(3000);
    }
  });
});

describe('methadone', () => {
  const meth = (dose: string, daysOff: number, extra: Record<string, unknown> = {}) =>
    plan({ drug: 'methadone', indication: 'oud', prior: { dose, unit: 'mg', timesPerDay: 1 }, ...BASE, priorDurationDays: 180, restartDate: restartAfter(daysOff), ...extra });

  it('24. 3 missed days: half the dose (80 → 40 mg)', () => {
    const p = meth('80', 4);
    expect(p.missedDays).toBe(3);
    expect(p.steps[0]!.dailyDose.amount).toBe('40');
    expect(codes(p)).not.toContain('METHADONE_NEW_INDUCTION');
  });

  it('25. 4 missed days: 40 mg or half, whichever is lower (100 → 40; 60 → 30)', () => {
    expect(meth('100', 5).steps[0]!.dailyDose.amount).toBe('40');
    expect(meth('60', 5).steps[0]!.dailyDose.amount).toBe('30');
  });

  // Amendment A7 (deliberate change): the OUD re-induction code is METHADONE_NEW_INDUCTION (2003 guideline §3.5).
  it('26. 6 missed days: re-induction ≤ 30 mg; ≤ 20 mg with a benzodiazepine; METHADONE_NEW_INDUCTION', () => {
    const p = meth('80', 7);
    expect(p.steps[0]!.dailyDose.amount).toBe('30');
    expect(warning(p, 'METHADONE_NEW_INDUCTION').severity).toBe('critical');
    const b = meth('80', 7, { concurrent: ['diazepam'] });
    expect(b.steps[0]!.dailyDose.amount).toBe('20');
  });

  // Amendment A7 (deliberate change): the induction limits hold for the first 14 days only; later steps follow
  // the re-escalation rule (+ 10 mg no sooner than every 3 days).
  it('27. OUD induction rises by ≤ 5 mg no sooner than every 5 days, ≤ 30 mg a week in the first 2 weeks', () => {
    const p = meth('80', 7);
    for (let i = 1; i < p.steps.length; i++) {
      const dayOf = (Date.parse(p.steps[i]!.start) - Date.parse(p.steps[0]!.start)) / 86_400_000;
      if (dayOf >= 14) continue;
      const rise = dec(p.steps[i]!.dailyDose.amount).sub(p.steps[i - 1]!.dailyDose.amount);
      expect(rise.lte(5)).toBe(true);
      const days = (Date.parse(p.steps[i]!.start) - Date.parse(p.steps[i - 1]!.start)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(5);
    }
  });

  it('28. METHADONE_QTC is always present; critical above 500 ms', () => {
    expect(warning(meth('80', 2), 'METHADONE_QTC').severity).toBe('warning');
    expect(warning(meth('80', 2, { qtcMs: 520 }), 'METHADONE_QTC').severity).toBe('critical');
    expect(warning(meth('80', 2, { qtcMs: 420 }), 'METHADONE_QTC').severity).toBe('info');
  });

  it('29. methadone for pain after 2 weeks off: opioid-naive start ≤ 10 MME a dose on the oral solution, increases every 7 days', () => {
    const p = plan({ drug: 'methadone', indication: 'pain', prior: { dose: '10', unit: 'mg', timesPerDay: 3 }, ...BASE, restartDate: restartAfter(14) });
    expect(p.steps[0]!.formulation).toBe('oral-solution');
    for (const a of p.steps[0]!.administrations) expect(dec(a).mul('4.7').lte(10)).toBe(true);
    const days = (Date.parse(p.steps[1]!.start) - Date.parse(p.steps[0]!.start)) / 86_400_000;
    expect(days).toBe(7);
    expect(codes(p)).toContain('METHADONE_FOLLOW_UP');
  });
});

describe('buprenorphine', () => {
  const bup = (daysOff: number, extra: Record<string, unknown> = {}) =>
    plan({ drug: 'buprenorphine', prior: { dose: '16', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(daysOff), ...extra });

  it('30. 1 missed day, no full agonist: restart at the prior dose, no MME', () => {
    const p = bup(2, { fullAgonistUsedDuringBreak: false });
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.dailyDose.amount).toBe('16');
    expect(p.steps[0]!.dailyEquivalent).toBeUndefined();
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(codes(p)).not.toContain('BUPRENORPHINE_REINDUCTION');
  });

  it('31. full agonist used: re-induction ceilings from the label only (day 1 ≤ 8 mg, day 2 ≤ 16 mg)', () => {
    const p = bup(2, { fullAgonistUsedDuringBreak: true });
    expect(p.steps.map((s) => s.dailyDose.amount)).toEqual(['8', '16']);
    expect(p.steps[0]!.administrations.every((a) => dec(a).lte(4))).toBe(true);
    const w = warning(p, 'BUPRENORPHINE_REINDUCTION');
    expect(w.message).toMatch(/8–12 h/);
    expect(w.sources).toEqual(expect.arrayContaining(['cdc-2022', 'label-suboxone']));
  });

  it('32. longer gap, or the question not answered: re-induction; never above the prior dose', () => {
    expect(codes(bup(6, { fullAgonistUsedDuringBreak: false }))).toContain('BUPRENORPHINE_REINDUCTION');
    expect(codes(bup(2))).toContain('BUPRENORPHINE_REINDUCTION');
    const low = plan({ drug: 'buprenorphine', prior: { dose: '4', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(8) });
    expect(low.steps.map((s) => s.dailyDose.amount)).toEqual(['4']);
  });
});

describe('product limits', () => {
  it('33. tramadol above its 400 mg/day label maximum: the ceiling stops at 400 mg/day', () => {
    const p = plan({ drug: 'tramadol', prior: { dose: '100', unit: 'mg', timesPerDay: 6 }, ...BASE, restartDate: restartAfter(1) });
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('400');
  });
});

describe('a step on another product names that product', () => {
  it('a patch restarted on morphine IR labels its steps morphine, not fentanyl', async () => {
    // Amendment A6: the patch is refused (OPIOID_TOLERANT_ONLY_PRODUCT); the morphine IR plan is the one it offers.
    const offered = plan({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '50', unit: 'mcg/h' }, priorDurationDays: 180, lastDoseDate: '2026-11-18', restartDate: '2026-11-28' });
    for (const step of offered.steps) {
      expect(step.drug).not.toBe('fentanyl');
      expect(step.displayName).not.toMatch(/fenta/i);
      expect(step.formulationName).toMatch(/immediate-release/);
    }
  });
});
