/**
 * The issue-13 products planned end to end through planRestart (validateRequest + planner): tolerance retained
 * (≤ 2 missed days) and lost (≥ 5 missed days) for each; oral liquids show every dose in mg with its mL; tolerant-only
 * products are never restarted after tolerance loss; the fentaNYL "12" patch entered as 12 or 12.5 mcg/h.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { BASE, codes, dec, plan, refusalOf, restartAfter, warning } from './helpers.ts';

function req(drug: string, formulation: string, dose: string, timesPerDay: number, daysOff: number, extra: Record<string, unknown> = {}) {
  return { drug, formulation, prior: { dose, unit: 'mg', timesPerDay }, ...BASE, restartDate: restartAfter(daysOff), patient: { ageYears: 50 }, ...extra };
}
const RETAINED = 2; // 1 missed day: r = 1
const LOST = 8; // 7 missed days: r = 0
const text = (p: RestartPlan) => p.derivation.join('\n');

/** Every make-up of a liquid plan states mg with the mL of its concentration: mL = mg × volume ÷ amount. */
function expectVolumes(p: RestartPlan, amount: string, volumeMl: string, concentration: string) {
  for (const step of p.steps) {
    step.administrations.forEach((dose, i) => {
      const ml = dec(dose).mul(volumeMl).div(amount);
      expect(step.makeUp[i]).toBe(`${dose} mg (${ml.toFixed()} mL of ${concentration})`);
    });
  }
}

describe('oxyCODONE/acetaminophen (Percocet)', () => {
  it('retained (1 missed day): 10/325 four times daily resumes on the same tablets, 40 mg = 60 MME, acetaminophen within the limit', () => {
    const p = plan(req('oxycodone', 'apap', '10', 4, RETAINED));
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ formulation: 'apap', administrations: ['10', '10', '10', '10'], dailyDose: { amount: '40' }, dailyEquivalent: { amount: '60' } });
    expect(codes(p)).toContain('ACETAMINOPHEN_CEILING');
    expect(codes(p)).not.toContain('APAP_LIMIT_SWITCH');
  });

  it('lost (7 missed days): the label start 5/325 every 6 hours (20 mg = 30 MME), rising back to at most the prior 40 mg/day', () => {
    const p = plan(req('oxycodone', 'apap', '10', 4, LOST));
    expect(p.steps[0]).toMatchObject({ formulation: 'apap', administrations: ['5', '5', '5', '5'], dailyEquivalent: { amount: '30' } });
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('40');
    expect(p.steps.every((s) => dec(s.dailyDose.amount).lte(40) && s.timesPerDay <= 4)).toBe(true);
    expect(codes(p)).toContain('OPIOID_TOLERANCE_LOST');
  });

  it('A5: with alcohol use (2 g/day limit) and 1,000 mg/day from other sources, the plan moves to oxyCODONE IR at the same oxyCODONE mg', () => {
    const p = plan(req('oxycodone', 'apap', '10', 4, RETAINED, { patient: { ageYears: 50, alcoholUse: true }, acetaminophenOtherSourcesMgPerDay: 1000 }));
    expect(codes(p)).toContain('APAP_LIMIT_SWITCH');
    expect(p.steps[0]!.formulation).toBe('ir');
    expect(p.steps[0]!.dailyDose.amount).toBe('40');
  });

  it('A5 after tolerance loss: 12.5 mg four times daily with liver disease moves to oxyCODONE IR paced by the Percocet schedule (its 5 mg tablets never outrun the 2.5 mg steps)', () => {
    const lost = { priorDurationDays: 0, lastDoseDate: '2025-01-01', restartDate: '2025-01-05', concurrent: ['triazolam'] };
    const own = plan(req('oxycodone', 'apap', '12.5', 4, LOST, { ...lost, patient: { ageYears: 40, hepaticImpairment: false } }));
    const moved = plan(req('oxycodone', 'apap', '12.5', 4, LOST, { ...lost, patient: { ageYears: 40, hepaticImpairment: true } }));
    expect(own.steps.map((s) => [s.start, s.dailyDose.amount])).toEqual([
      ['2025-01-05', '10'], ['2025-01-08', '12.5'], ['2025-01-11', '15'], ['2025-01-14', '17.5'], ['2025-01-17', '20'],
      ['2025-01-20', '25'], ['2025-01-23', '30'], ['2025-01-26', '37.5'], ['2025-01-29', '45'], ['2025-02-01', '50'],
    ]);
    expect(codes(moved)).toContain('APAP_LIMIT_SWITCH');
    // 15 → 20 mg (the smallest 5 mg rise) waits from 01-14 (Percocet 17.5 mg) to 01-17 (Percocet 20 mg).
    expect(moved.steps.map((s) => [s.start, s.formulation, s.dailyDose.amount])).toEqual([
      ['2025-01-05', 'ir', '5'], ['2025-01-08', 'ir', '10'], ['2025-01-11', 'ir', '15'], ['2025-01-17', 'ir', '20'],
      ['2025-01-20', 'ir', '25'], ['2025-01-23', 'ir', '30'], ['2025-01-26', 'ir', '35'], ['2025-01-29', 'ir', '40'],
    ]);
    expect(moved.steps[3]!.rule).toMatch(/waited for the replaced product's schedule/);
    expect(text(moved)).toMatch(/Pace: no step runs ahead of the oxyCODONE\/acetaminophen tablet \(Percocet\) schedule \(2025-01-05 10 mg, 2025-01-08 12.5 mg, 2025-01-11 15 mg, 2025-01-14 17.5 mg/);
  });

  it('A5: a 2.5 mg daily dose is not moved to oxyCODONE IR, whose smallest tablet (5 mg) would double it: APAP_LIMIT_NO_SINGLE_AGENT, the Percocet dose kept', () => {
    const p = plan(req('oxycodone', 'apap', '2.5', 1, RETAINED, { acetaminophenOtherSourcesMgPerDay: 4000 }));
    expect(p.steps.every((s) => s.formulation === 'apap' && s.dailyDose.amount === '2.5')).toBe(true);
    expect(codes(p)).not.toContain('APAP_LIMIT_SWITCH');
    expect(warning(p, 'APAP_LIMIT_NO_SINGLE_AGENT').message).toMatch(/the single-ingredient oxyCODONE .* has no strength as small as this dose/);
    expect(text(p)).toMatch(/its smallest strength \(5 mg\) is above the first step's 2.5 mg a day/);
  });
});

describe('morphine oral solution 10 mg/5 mL', () => {
  it('retained: 10 mg every 4 hours resumes as 10 mg (5 mL of 10 mg/5 mL) × 6; ORAL_LIQUID_MEASURING; the step in mL in the derivation', () => {
    const p = plan(req('morphine', 'solution-10mg-5ml', '10', 6, RETAINED));
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.makeUp).toEqual(Array(6).fill('10 mg (5 mL of 10 mg/5 mL)'));
    const w = warning(p, 'ORAL_LIQUID_MEASURING');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['ismp-oral-liquid-metric', 'label-morphine-oral-solution']);
    expect(w.message).toContain('oral syringe');
    expect(w.message).toContain('never with a household teaspoon or tablespoon');
    expect(w.message).toContain('10 mg (5 mL of 10 mg/5 mL)');
    expect(text(p)).toContain('Step 1 (from 2026-11-03) in mL: 10 mg (5 mL of 10 mg/5 mL); 6 a day.');
    expect(text(p)).toContain('doses are measured in 0.5 mL steps (1 mg a step = 10 mg ÷ 5 mL × 0.5 mL)');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('oral-liquid-measure-step');
    expect(p.assumptions.some((a) => a.includes('0.5 mL'))).toBe(true);
  });

  it('lost: label start 10 mg × 3 (30 MME), every dose a whole 0.5 mL step, every make-up in mg with mL, never above the prior 60 mg/day', () => {
    const p = plan(req('morphine', 'solution-10mg-5ml', '10', 6, LOST));
    expect(p.steps[0]).toMatchObject({ formulation: 'solution-10mg-5ml', administrations: ['10', '10', '10'], dailyDose: { amount: '30' } });
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('60');
    for (const s of p.steps) for (const a of s.administrations) expect(dec(a).mod(1).isZero()).toBe(true);
    expectVolumes(p, '10', '5', '10 mg/5 mL');
    expect(p.steps.every((s) => dec(s.dailyDose.amount).lte(60))).toBe(true);
  });

  it('a dose that is not a whole 0.5 mL step (7.3 mg) is an input error naming the step', () => {
    const r = planRestart(req('morphine', 'solution-10mg-5ml', '7.3', 6, RETAINED));
    expect(r.ok).toBe(false);
    const e = r.ok ? undefined : r.errors[0];
    expect(e).toMatchObject({ path: 'prior.dose', code: 'not-a-real-strength' });
    expect(e!.message).toContain('0.5 mL steps');
  });
});

describe('morphine oral solution 20 mg/5 mL', () => {
  it('retained: 20 mg × 6 resumes as 20 mg (5 mL of 20 mg/5 mL); lost: 10 mg (2.5 mL) × 3, doses in 2 mg (0.5 mL) steps', () => {
    const kept = plan(req('morphine', 'solution-20mg-5ml', '20', 6, RETAINED));
    expect(kept.steps[0]!.makeUp[0]).toBe('20 mg (5 mL of 20 mg/5 mL)');
    const lost = plan(req('morphine', 'solution-20mg-5ml', '20', 6, LOST));
    expect(lost.steps[0]!.makeUp).toEqual(Array(3).fill('10 mg (2.5 mL of 20 mg/5 mL)'));
    for (const s of lost.steps) for (const a of s.administrations) expect(dec(a).mod(2).isZero()).toBe(true);
    expectVolumes(lost, '20', '5', '20 mg/5 mL');
  });
});

describe('morphine oral solution 100 mg/5 mL (20 mg/mL) concentrate: opioid-tolerant only', () => {
  it('retained in a tolerant patient: continued, 20 mg (1 mL of 100 mg/5 mL) × 6', () => {
    const p = plan(req('morphine', 'concentrate-100mg-5ml', '20', 6, RETAINED));
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]!.formulation).toBe('concentrate-100mg-5ml');
    expect(p.steps[0]!.makeUp[0]).toBe('20 mg (1 mL of 100 mg/5 mL)');
    expect(codes(p)).toContain('ORAL_LIQUID_MEASURING');
  });

  it('lost: refused (OPIOID_TOLERANT_ONLY_PRODUCT); the alternative restarts on the 10 mg/5 mL solution, never the concentrate', () => {
    const r = refusalOf(req('morphine', 'concentrate-100mg-5ml', '20', 6, LOST));
    expect(r).toMatchObject({ code: 'OPIOID_TOLERANT_ONLY_PRODUCT', path: 'formulation' });
    const alt = r.alternativePlan!;
    expect(alt.steps.every((s) => s.formulation === 'solution-10mg-5ml')).toBe(true);
    expect(alt.steps[0]!.makeUp).toEqual(Array(3).fill('10 mg (5 mL of 10 mg/5 mL)'));
    expect(alt.steps.at(-1)!.dailyDose.amount).toBe('120');
    expectVolumes(alt, '10', '5', '10 mg/5 mL');
    expect(codes(alt)).toEqual(expect.arrayContaining(['RESTRICTED_TO_TOLERANT', 'ORAL_LIQUID_MEASURING']));
  });

  it('not tolerant before the break (5 mg × 4 = 20 mg/day), even with r = 1: refused, alternative on the 10 mg/5 mL solution', () => {
    const r = refusalOf(req('morphine', 'concentrate-100mg-5ml', '5', 4, RETAINED));
    expect(r.code).toBe('OPIOID_TOLERANT_ONLY_PRODUCT');
    expect(r.alternativePlan!.steps.every((s) => s.formulation === 'solution-10mg-5ml' && dec(s.dailyDose.amount).lte(20))).toBe(true);
  });
});

describe('HYDROmorphone oral solution 1 mg/mL', () => {
  it('retained: 4 mg (4 mL of 5 mg/5 mL) × 6', () => {
    const p = plan(req('hydromorphone', 'oral-solution', '4', 6, RETAINED));
    expect(p.steps[0]!.makeUp).toEqual(Array(6).fill('4 mg (4 mL of 5 mg/5 mL)'));
    expect(p.steps[0]!.dailyEquivalent!.amount).toBe('120');
    expect(warning(p, 'ORAL_LIQUID_MEASURING').sources).toEqual(['ismp-oral-liquid-metric', 'label-dilaudid-oral-solution']);
  });

  it('lost: label 2.5 mg × 4 capped at 30 MME/day = 6 mg → 1.5 mg (1.5 mL) × 4, rounded down to 0.5 mL steps', () => {
    const p = plan(req('hydromorphone', 'oral-solution', '4', 6, LOST));
    expect(p.steps[0]).toMatchObject({ administrations: ['1.5', '1.5', '1.5', '1.5'], dailyEquivalent: { amount: '30' } });
    expect(p.steps[0]!.makeUp[0]).toBe('1.5 mg (1.5 mL of 5 mg/5 mL)');
    for (const s of p.steps) for (const a of s.administrations) expect(dec(a).mod('0.5').isZero()).toBe(true);
    expectVolumes(p, '5', '5', '5 mg/5 mL');
  });
});

describe('morphine ER capsules (Kadian)', () => {
  it('retained and tolerant: 60 mg capsule twice daily continued; with alcohol ALCOHOL_DOSE_DUMPING (boxed warning)', () => {
    const p = plan(req('morphine', 'er-capsule', '60', 2, RETAINED, { patient: { ageYears: 50, alcoholUse: true } }));
    expect(p.steps[0]).toMatchObject({ formulation: 'er-capsule', administrations: ['60', '60'], makeUp: ['1 × 60 mg capsule', '1 × 60 mg capsule'] });
    expect(warning(p, 'ALCOHOL_DOSE_DUMPING').severity).toBe('critical');
  });

  it('lost: not restarted on the capsules; morphine IR tablets from the naive start (ER_SWITCHED_TO_IR)', () => {
    const p = plan(req('morphine', 'er-capsule', '60', 2, LOST));
    expect(p.steps.every((s) => s.formulation === 'ir')).toBe(true);
    expect(p.steps[0]!.dailyDose.amount).toBe('30');
    expect(codes(p)).toContain('ER_SWITCHED_TO_IR');
  });

  it('a 100 mg capsule (tolerant-only) after tolerance loss is refused with the morphine IR alternative', () => {
    const r = refusalOf(req('morphine', 'er-capsule', '100', 1, LOST));
    expect(r.code).toBe('OPIOID_TOLERANT_ONLY_PRODUCT');
    expect(r.alternativePlan!.steps.every((s) => s.drug === 'morphine' && s.formulation === 'ir')).toBe(true);
  });

  it('a 10 mg capsule once a week (not dependent) restarts at no more than the prior dose: half of a scored 15 mg IR tablet', () => {
    const p = plan({ ...req('morphine', 'er-capsule', '10', 1, 4), prior: { dose: '10', unit: 'mg', timesPerDay: 1, daysPerWeek: 1 }, priorDurationDays: 0 });
    expect(p.steps[0]).toMatchObject({ formulation: 'ir', administrations: ['7.5'] });
  });
});

describe('Xtampza ER', () => {
  it('retained: entered as the label amount 18 mg (base) = 20 mg oxyCODONE HCl twice daily = 60 MME; make-up names both; the derivation says the MME uses HCl', () => {
    const p = plan(req('oxycodone', 'xtampza', '18', 2, RETAINED));
    expect(p.prior.dailyDose.amount).toBe('40');
    expect(p.prior.dailyEquivalent!.amount).toBe('60');
    expect(p.steps[0]!.makeUp[0]).toBe('1 × 18 mg capsule (oxyCODONE base; = 20 mg oxyCODONE HCl)');
    expect(text(p)).toContain('the MME uses the oxyCODONE HCl amount: mg oxyCODONE HCl × 1.5');
    expect(text(p)).toContain('9 = 10, 13.5 = 15, 18 = 20, 27 = 30, 36 = 40 mg');
  });

  it('the HCl amount (20) and the label amount (18) give the same plan', () => {
    const a = plan(req('oxycodone', 'xtampza', '18', 2, RETAINED));
    const b = plan(req('oxycodone', 'xtampza', '20', 2, RETAINED));
    expect(a.steps).toEqual(b.steps);
  });

  it('lost: not restarted on Xtampza; oxyCODONE IR tablets from 5 mg × 4', () => {
    const p = plan(req('oxycodone', 'xtampza', '36', 2, LOST));
    expect(p.steps.every((s) => s.formulation === 'ir')).toBe(true);
    expect(p.steps[0]!.administrations).toEqual(['5', '5', '5', '5']);
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('80');
  });

  it('above 72 mg (80 mg HCl) a day after tolerance loss: refused, oxyCODONE IR alternative', () => {
    const r = refusalOf(req('oxycodone', 'xtampza', '45', 2, LOST));
    expect(r).toMatchObject({ code: 'OPIOID_TOLERANT_ONLY_PRODUCT', path: 'prior.dose' });
    expect(r.alternativePlan!.steps.every((s) => s.formulation === 'ir')).toBe(true);
  });
});

describe('fentaNYL "12" patch entered as 12 or 12.5 mcg/h', () => {
  const patch = (dose: string) => plan({ drug: 'fentanyl', formulation: 'patch', prior: { dose, unit: 'mcg/h' }, ...BASE, restartDate: restartAfter(RETAINED), patient: { ageYears: 50 } });
  it('both entries validate and give the same plan; the MME for risk uses the nominal 12.5 mcg/h (30 MME/day), conversions 12 (28.8)', () => {
    const twelve = patch('12');
    const nominal = patch('12.5');
    expect(twelve.steps).toEqual(nominal.steps);
    for (const p of [twelve, nominal]) {
      expect(p.prior.dailyEquivalent!.amount).toBe('30');
      const w = warning(p, 'FENTANYL_12_NOMINAL');
      expect(w.message).toContain('delivers 12.5 mcg/h');
      expect(w.message).toContain('30 MME/day for risk');
      expect(w.message).toContain('28.8 MME/day when converting');
      expect(text(p)).toContain('12.5 × 2.4 = 30 MME/day for risk');
    }
  });
});
