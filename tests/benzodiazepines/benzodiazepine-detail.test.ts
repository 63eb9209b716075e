/**
 * Detail tests for the benzodiazepine / Z-drug planner (docs/clinical-model; amendments A8, A2, A3): what the derivation
 * says in each phase (figures and arithmetic), each warning's code, severity, sources and key facts, and the boundaries
 * (window edges, age 65, Table 2 rows, the 24 h half-life group boundary).
 *
 * Amendment A8 removed the retained-fraction and washout rows: the tests that pinned the washout day, the half dose from
 * 3 missed days, the quarter dose and the post-washout cap, WITHDRAWAL_SEIZURE_RISK, BENZODIAZEPINE_TOLERANCE_REDUCED and
 * OLDER_ADULT (now BEERS_AVOID) were replaced by the tests below.
 */
import { describe, expect, it } from 'vitest';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import type { BenzodiazepineDrug, BenzodiazepineFormulation } from '../../src/protocols/benzodiazepines/types.ts';
import { benzodiazepineAnchors, dependenceClass, planBenzodiazepine, withdrawalRiskRow, withdrawalWindowFor } from '../../src/engine/classes/benzodiazepine.ts';
import { isCnsActive } from '../../src/engine/classes/beers.ts';
import { isRefusal } from '../../src/engine/plan.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { codes, plan, request, type Vignette } from './helpers.ts';

function drug(id: string): BenzodiazepineDrug {
  const found = BENZODIAZEPINES.find((d) => d.id === id);
  if (!found) throw new Error(id);
  return found;
}

/** The derivation without its "N. " numbering, one string per line. */
function lines(p: { derivation: readonly string[] }): string[] {
  return p.derivation.map((l) => l.replace(/^\d+\. /, ''));
}

/** The one derivation line that starts with `prefix` (fails if none or several). */
function lineStarting(p: { derivation: readonly string[] }, prefix: string): string {
  const found = lines(p).filter((l) => l.startsWith(prefix));
  expect(found, `one line starting "${prefix}"`).toHaveLength(1);
  return found[0]!;
}

function hasLineStarting(p: RestartPlan, prefix: string): boolean {
  return lines(p).some((l) => l.startsWith(prefix));
}

function warning(p: RestartPlan, code: string) {
  const w = p.warnings.find((x) => x.code === code);
  expect(w, code).toBeDefined();
  return w!;
}

/** Plans through the class planner directly, optionally with altered product data. */
function direct(v: Vignette, formulation?: (f: BenzodiazepineFormulation) => BenzodiazepineFormulation) {
  const validated = validateRequest(request(v));
  if (!validated.ok) throw new Error('expected a valid request');
  const d = drug(v.drug);
  const f = d.formulations.find((x) => x.id === (v.formulation ?? 'ir'))!;
  return planBenzodiazepine(validated.request, d, formulation ? formulation(f) : f);
}

const ALPRAZOLAM_RETAINED: Vignette = { drug: 'alprazolam', dose: '1', timesPerDay: 2, missedDays: 1 };
const DIAZEPAM_WINDOW: Vignette = { drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 4 };
const LORAZEPAM_AFTER: Vignette = { drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 16 };

describe('derivation: prior regimen and diazepam equivalents', () => {
  it('alprazolam 1 mg twice daily: the prior regimen, Ashton arithmetic, VA/DoD beside it and the figure used', () => {
    const p = plan(ALPRAZOLAM_RETAINED);
    expect(lines(p)[0]).toBe('Prior regimen: ALPRAZolam immediate-release tablet 1 mg × 2 a day = 2 mg daily, 7 days a week, for 180 days.');
    expect(hasLineStarting(p, 'Product note')).toBe(false);
    expect(lineStarting(p, 'Diazepam equivalent')).toMatch(
      /^Diazepam equivalent \(Ashton, primary\): 0\.5 mg alprazolam ≈ 10 mg diazepam, so 2 mg\/day × 10 ÷ 0\.5 = 40 mg diazepam\/day\. \[ashton-2002: /,
    );
    expect(lineStarting(p, 'VA/DoD 2021')).toMatch(/^VA\/DoD 2021 gives 1 mg ≈ 10 mg diazepam: 20 mg diazepam\/day\. The tables differ; both are shown\. \[va-dod-sud-2021:/);
    expect(lineStarting(p, 'For the risk band')).toBe(
      'For the risk band, the withdrawal-risk row and the after-window cap the higher equivalent is used: 40 mg diazepam/day (Ashton). [engine assumption: bzd-conservative-equivalent]',
    );
    expect(p.prior.equivalents!.map((e) => e.table)).toEqual(['Ashton Manual 2002, Table 1', 'VA/DoD SUD CPG 2021 (2025 Joint Guideline Table 7)']);
    expect(p.prior.equivalents![0]).not.toHaveProperty('dailyEquivalentRange');
    expect(p.prior.equivalentFactor).toEqual({ value: '0.5', per: 'mg alprazolam ≈ 10 mg diazepam', source: 'ashton-2002' });
    expect(p.prior.riskBand).toEqual({ band: 'high', dailyEquivalent: { amount: '40', unit: 'mg diazepam' }, source: 'joint-bzd-taper-2025' });
  });

  it('diazepam: VA/DoD gives the same figure, said once', () => {
    const p = plan(DIAZEPAM_WINDOW);
    expect(lineStarting(p, 'VA/DoD 2021')).toMatch(/^VA\/DoD 2021 gives the same figure \(10 mg ≈ 10 mg diazepam\)\. \[va-dod-sud-2021:/);
    expect(lines(p).join('\n')).not.toContain('The tables differ');
    expect(lineStarting(p, 'Diazepam equivalent')).toContain('10 mg diazepam ≈ 10 mg diazepam, so 30 mg/day × 10 ÷ 10 = 30 mg diazepam/day.');
  });

  it('temazepam 30 mg: VA/DoD (15 mg) gives the higher equivalent, so it is named as the figure used', () => {
    const p = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 1 });
    expect(lineStarting(p, 'VA/DoD 2021')).toContain('VA/DoD 2021 gives 15 mg ≈ 10 mg diazepam: 20 mg diazepam/day. The tables differ');
    expect(lineStarting(p, 'For the risk band')).toContain('the higher equivalent is used: 20 mg diazepam/day (VA/DoD).');
    expect(lineStarting(p, 'Dose band')).toMatch(/^Dose band: high \(/);
  });

  it('estazolam: an Ashton range differs from VA/DoD even when VA/DoD equals its low end', () => {
    const p = plan({ drug: 'estazolam', dose: '2', timesPerDay: 1, missedDays: 1 });
    expect(lineStarting(p, 'Diazepam equivalent')).toContain(
      'Diazepam equivalent (Ashton, primary): 1–2 mg estazolam ≈ 10 mg diazepam, so 2 mg/day ≈ 10–20 mg diazepam/day; for a restart the higher figure, 20 mg, is the more cautious risk estimate and is used.',
    );
    expect(lineStarting(p, 'VA/DoD 2021')).toContain('VA/DoD 2021 gives 1 mg ≈ 10 mg diazepam: 20 mg diazepam/day. The tables differ; both are shown.');
    expect(lineStarting(p, 'For the risk band')).toContain('20 mg diazepam/day (Ashton).');
  });

  it('zolpidem: VA/DoD does not list it, Ashton alone is used and no "higher equivalent" line is written', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1 });
    expect(lineStarting(p, 'VA/DoD 2021')).toBe('VA/DoD 2021 (Joint Guideline Table 7) does not list zolpidem; Ashton alone is used.');
    expect(hasLineStarting(p, 'For the risk band')).toBe(false);
    expect(lineStarting(p, 'Diazepam equivalent')).toContain('20 mg zolpidem ≈ 10 mg diazepam, so 10 mg/day × 10 ÷ 20 = 5 mg diazepam/day.');
    expect(lineStarting(p, 'Dose band')).toMatch(/^Dose band: low \(low ≤ 10, moderate 10–15, high > 15 mg diazepam equivalents a day\)\. \[joint-bzd-taper-2025:/);
    expect(p.prior.riskBand!.band).toBe('low');
  });

  it('zopiclone: the non-US product note is written, with its label source', () => {
    const p = plan({ drug: 'zopiclone', dose: '7.5', timesPerDay: 1, missedDays: 0 });
    expect(lineStarting(p, 'Product note')).toMatch(/^Product note: UK: zopiclone 3\.75 mg and 7\.5 mg tablets \(eMC SmPC\)\. Not a US product\. \[emc-zopiclone-smpc:/);
  });
});

describe('derivation: withdrawal-risk row, dependence and dates', () => {
  it('the Table 2 line names the duration, days a week, band and row text', () => {
    const p = plan(ALPRAZOLAM_RETAINED);
    expect(lineStarting(p, 'Withdrawal risk before the break')).toContain(
      'Withdrawal risk before the break (Joint Guideline Table 2): 180 days of use, 7 days a week, high dose → row "≥ 3 months, ≥ 4 days a week, any dose: yes; rises with dose and duration". [joint-bzd-taper-2025: ',
    );
    const rare = plan({ drug: 'diazepam', dose: '2', timesPerDay: 1, daysPerWeek: 3, priorDurationDays: 400, missedDays: 1 });
    expect(lineStarting(rare, 'Withdrawal risk before the break')).toContain('400 days of use, 3 days a week, low dose → row "any duration, ≤ 3 days a week, any dose: rare"');
  });

  it('use on one day a week is in the "rare" row (the lowest days-a-week bound is inclusive)', () => {
    const p = plan({ drug: 'diazepam', dose: '10', timesPerDay: 1, daysPerWeek: 1, missedDays: 1 });
    expect(p.prior.withdrawalRisk).toMatchObject({ risk: 'rare', daysPerWeek: 1, row: 'any duration, ≤ 3 days a week, any dose: rare' });
  });

  it('withdrawalRiskRow: boundaries of the rows and no row for impossible input', () => {
    expect(withdrawalRiskRow(3, 1000, 'high').risk).toBe('rare');
    expect(withdrawalRiskRow(4, 29, 'high').risk).toBe('lower-but-possible');
    expect(withdrawalRiskRow(4, 30, 'low').text).toBe('1–3 months, ≥ 4 days a week, low dose: lower, but possible');
    expect(withdrawalRiskRow(7, 30, 'moderate').risk).toBe('yes');
    expect(withdrawalRiskRow(7, 89, 'low').risk).toBe('lower-but-possible');
    expect(withdrawalRiskRow(7, 90, 'low').risk).toBe('yes');
    expect(() => withdrawalRiskRow(0, 100, 'low')).toThrow('programmer error: Table 2 rows must cover every case');
    expect(() => withdrawalRiskRow(8, 100, 'low')).toThrow(/Table 2 rows must cover every case/);
    expect(() => withdrawalRiskRow(7, -1, 'low')).toThrow(/Table 2 rows must cover every case/);
  });

  it('the dates line shows daysOff and missedDays', () => {
    expect(lineStarting(plan(ALPRAZOLAM_RETAINED), 'Last dose')).toBe('Last dose 2026-10-01, restart 2026-10-03: daysOff = 2; missedDays = daysOff − 1 = 1.');
  });

  it('dependence: Table 2 "rare" → NOT_DEPENDENT, "lower, but possible" → POSSIBLY_DEPENDENT (treated as dependent), "yes" → DEPENDENT', () => {
    expect(dependenceClass(withdrawalRiskRow(3, 400, 'high'))).toBe('NOT_DEPENDENT');
    expect(dependenceClass(withdrawalRiskRow(4, 20, 'high'))).toBe('POSSIBLY_DEPENDENT');
    expect(dependenceClass(withdrawalRiskRow(7, 60, 'low'))).toBe('POSSIBLY_DEPENDENT');
    expect(dependenceClass(withdrawalRiskRow(7, 60, 'moderate'))).toBe('DEPENDENT');
    expect(dependenceClass(withdrawalRiskRow(7, 90, 'low'))).toBe('DEPENDENT');
    expect(lineStarting(plan(ALPRAZOLAM_RETAINED), 'Dependence')).toBe('Dependence: DEPENDENT (withdrawal risk "yes").');
    const possibly = plan({ drug: 'diazepam', dose: '5', timesPerDay: 1, priorDurationDays: 20, missedDays: 1 });
    expect(lineStarting(possibly, 'Dependence')).toBe(
      'Dependence: POSSIBLY_DEPENDENT (withdrawal "lower, but possible"), treated as physically dependent. [engine assumption: bzd-possibly-dependent-as-dependent]',
    );
    expect(possibly.tolerance).toMatchObject({ dependence: 'POSSIBLY_DEPENDENT', priorTolerant: true });
    const rare = plan({ drug: 'diazepam', dose: '5', timesPerDay: 1, daysPerWeek: 3, missedDays: 1 });
    expect(lineStarting(rare, 'Dependence')).toBe('Dependence: NOT_DEPENDENT (taken on 3 days a week or fewer: withdrawal "rare").');
    expect(rare.tolerance).toMatchObject({ dependence: 'NOT_DEPENDENT', priorTolerant: false, status: 'not-applicable' });
  });

  it('as-needed use is said in the prior regimen line', () => {
    const body = request(ALPRAZOLAM_RETAINED);
    const validated = validateRequest({ ...body, prior: { ...(body.prior as object), asNeeded: true } });
    if (!validated.ok) throw new Error('expected a valid request');
    const p = planBenzodiazepine(validated.request, drug('alprazolam'), drug('alprazolam').formulations[0]!);
    expect(lines(p)[0]).toBe(
      'Prior regimen: ALPRAZolam immediate-release tablet 1 mg × 2 a day = 2 mg daily (as needed: the average number of doses actually taken a day), 7 days a week, for 180 days.',
    );
  });
});

describe('withdrawal window (A8, engine assumption bzd-withdrawal-window-14-28)', () => {
  it('the window line: the longest half-life, its group and the window; parent or active metabolite', () => {
    expect(lineStarting(plan(ALPRAZOLAM_RETAINED), 'Withdrawal window')).toMatch(
      /^Withdrawal window: longest half-life 12 h \(parent, upper end\) is at most 24 h \(short or intermediate\), so the window runs from 3 to 14 missed days\. \[ashton-2002: .*alprazolam 6–12 h\] \[engine assumption: bzd-withdrawal-window-14-28\]$/,
    );
    expect(lineStarting(plan(DIAZEPAM_WINDOW), 'Withdrawal window')).toMatch(
      /^Withdrawal window: longest half-life 200 h \(active metabolite, upper end\) is above 24 h \(long\), so the window runs from 3 to 28 missed days\. \[ashton-2002: /,
    );
  });

  it('withdrawalWindowFor: metabolite when it outlasts the parent; 24 h exactly is still the short group (estazolam 10–24 h)', () => {
    expect(withdrawalWindowFor(drug('diazepam'))).toMatchObject({ which: 'active metabolite', longestHours: 200, group: 'long', lastMissedDay: 28 });
    expect(withdrawalWindowFor(drug('clorazepate'))).toMatchObject({ which: 'active metabolite', longestHours: 200, group: 'long' });
    expect(withdrawalWindowFor(drug('lorazepam'))).toMatchObject({ which: 'parent', longestHours: 20, group: 'short', lastMissedDay: 14 });
    expect(withdrawalWindowFor(drug('estazolam'))).toMatchObject({ longestHours: 24, group: 'short', lastMissedDay: 14 });
    expect(withdrawalWindowFor(drug('clonazepam'))).toMatchObject({ longestHours: 50, group: 'long', lastMissedDay: 28 });
    expect(withdrawalWindowFor(drug('diazepam')).days).toMatchObject({ value: 28, assumption: 'bzd-withdrawal-window-14-28' });
    expect(withdrawalWindowFor(drug('lorazepam')).days).toMatchObject({ value: 14 });
  });

  it('a metabolite shorter than, or as long as, the parent does not set the group; no half-life is a programmer error', () => {
    const diazepam = drug('diazepam');
    const metabolite = diazepam.metaboliteHalfLifeHours!;
    const shorter = { ...diazepam, halfLifeHours: { ...diazepam.halfLifeHours!, value: { low: 10, high: 20 } }, metaboliteHalfLifeHours: { ...metabolite, value: { low: 10, high: 15 } } };
    expect(withdrawalWindowFor(shorter)).toMatchObject({ which: 'parent', longestHours: 20, group: 'short' });
    const equal = { ...diazepam, metaboliteHalfLifeHours: { ...metabolite, value: { low: 10, high: 100 } } };
    expect(withdrawalWindowFor(equal)).toMatchObject({ which: 'parent', longestHours: 100 });
    expect(withdrawalWindowFor(equal).halfLife).toBe(diazepam.halfLifeHours);
    const broken = { ...drug('clorazepate'), halfLifeHours: undefined, metaboliteHalfLifeHours: undefined };
    expect(() => withdrawalWindowFor(broken)).toThrow('programmer error: clorazepate has no half-life');
  });

  it('the situation line: resume range, inside, after, on the window edges', () => {
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 2 }), '2 missed days')).toMatch(/^2 missed days: up to 2, the resume range\. \[engine assumption: bzd-resume-up-to-2-days\]$/);
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 3 }), '3 missed days')).toMatch(/^3 missed days: inside the withdrawal window\. \[engine assumption: bzd-withdrawal-window-14-28\]$/);
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 14 }), '14 missed days')).toMatch(/^14 missed days: inside the withdrawal window\./);
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 15 }), '15 missed days')).toMatch(/^15 missed days: after the withdrawal window\./);
  });

  it('the symptoms line: not recorded, mild (no change), significant', () => {
    expect(lineStarting(plan(ALPRAZOLAM_RETAINED), 'Withdrawal symptoms now')).toBe(
      'Withdrawal symptoms now: not recorded (patient.withdrawalSymptomsNow absent); read as none for the first step.',
    );
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, patient: { withdrawalSymptomsNow: 'mild' } }), 'Withdrawal symptoms now')).toBe(
      'Withdrawal symptoms now: mild (patient.withdrawalSymptomsNow); mild symptoms do not change the first step.',
    );
    expect(lineStarting(plan({ ...ALPRAZOLAM_RETAINED, patient: { withdrawalSymptomsNow: 'significant' } }), 'Withdrawal symptoms now')).toBe(
      'Withdrawal symptoms now: significant (patient.withdrawalSymptomsNow).',
    );
  });

  it('anchors for the educator curve: resume, 75% inside the window, 0 after it, each with its basis', () => {
    expect(benzodiazepineAnchors(drug('lorazepam')).map((a) => [a.fromMissedDays, a.retainedFraction.value, a.basis])).toEqual([
      [0, '1', 'up to 2 missed days: resume the prior dose'],
      [
        3,
        '0.75',
        'inside the withdrawal window (3–14 missed days), physically dependent: 75% of the prior dose, never below 50% (50% with an opioid, gabapentinoid, alcohol, respiratory disease or sleep apnea, or age 65 or over)',
      ],
      [15, '0', 'after the withdrawal window with no withdrawal symptoms: restart low (label initial dose, no more than 10 mg diazepam equivalents a day) and re-titrate'],
    ]);
  });
});

describe('first step', () => {
  it('resume range: the prior dose, r = 1', () => {
    const p = plan(ALPRAZOLAM_RETAINED);
    expect(lineStarting(p, 'Limit')).toMatch(/^Limit: labelled maximum of 10 mg a day; the prior dose is within it\. \[label-xanax: /);
    expect(lineStarting(p, 'First step')).toBe('First step: up to 2 missed days: resume the prior dose: 1 mg × 2 a day = 2 mg daily. [engine assumption: bzd-resume-up-to-2-days]');
    expect(p.steps[0]!.rule).toBe('prior dose, resume range');
    expect(p.tolerance).toMatchObject({ retainedFraction: '1', status: 'retained', anchor: { fromMissedDays: 0, source: 'engine assumption', basis: 'up to 2 missed days: resume the prior dose' } });
    expect(lineStarting(p, 'Step 1 from')).toBe('Step 1 from 2026-10-03: 1 mg + 1 mg = 2 mg daily ≈ 40 mg diazepam/day (prior dose, resume range).');
    expect(hasLineStarting(p, 'Step 2')).toBe(false);
  });

  it('inside the window: 75% rounded down to real strengths (diazepam 30 → 22.5 mg)', () => {
    const p = plan(DIAZEPAM_WINDOW);
    expect(lineStarting(p, 'First step')).toBe(
      'First step: inside the withdrawal window, physically dependent: 75% of the prior dose = 30 × 0.75 = 22.5 mg, rounded down to real strengths: 7.5 mg × 3 a day = 22.5 mg daily. [engine assumption: bzd-window-75-percent]',
    );
    expect(p.steps[0]!.rule).toBe('inside the withdrawal window: 75% of the prior dose = 30 × 0.75 = 22.5 mg, rounded down to real strengths');
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.75', status: 'reduced', anchor: { fromMissedDays: 3, source: 'engine assumption' } });
    expect(hasLineStarting(p, 'After-window cap')).toBe(false);
  });

  it('inside the window: the nearest real regimen at or below 75% may be uneven (lorazepam 3 mg → 2 mg, not the even 1.5 mg)', () => {
    const p = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 3, missedDays: 5 });
    expect(p.steps[0]!.administrations).toEqual(['1', '0.5', '0.5']);
    expect(lineStarting(p, 'First step')).toBe(
      'First step: inside the withdrawal window, physically dependent: 75% of the prior dose = 3 × 0.75 = 2.25 mg, rounded down to real strengths: 1 mg + 0.5 mg + 0.5 mg = 2 mg daily. [engine assumption: bzd-window-75-percent]',
    );
    // Where the even regimen is as close, it is kept (diazepam 7.5 mg × 3 = 22.5 mg exactly).
    expect(plan(DIAZEPAM_WINDOW).steps[0]!.administrations).toEqual(['7.5', '7.5', '7.5']);
  });

  it('a concurrent opioid stopped before the restart date is not a risk factor', () => {
    const p = planBenzodiazepineWith(DIAZEPAM_WINDOW, { concurrent: [{ drug: 'oxycodone', stoppedOn: '2026-10-02' }] });
    expect(p.steps[0]!.dailyDose.amount).toBe('22.5');
    expect(codes(p)).not.toContain('BZD_OPIOID');
    expect(codes(p)).not.toContain('OPIOID_BENZODIAZEPINE');
  });

  it('inside the window: when 75% rounds below 50%, the smallest regimen at or above the floor (flurazepam 15 mg)', () => {
    const p = plan({ drug: 'flurazepam', dose: '15', timesPerDay: 1, missedDays: 5 });
    expect(lineStarting(p, 'First step')).toBe(
      'First step: inside the withdrawal window, physically dependent: 75% of the prior dose (11.25 mg) rounds below the floor of 50% (7.5 mg): the smallest regimen at or above the floor: 15 mg × 1 a day = 15 mg daily. [engine assumption: bzd-window-75-percent]',
    );
  });

  it('inside the window with a risk factor: 50% rounded up, the input named (uneven doses written out)', () => {
    const p = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 3, missedDays: 5, patient: { respiratoryDisease: true, ageYears: 70 } });
    expect(lineStarting(p, 'First step')).toBe(
      'First step: inside the withdrawal window, physically dependent, lowered from 75% by respiratory disease (input patient.respiratoryDisease), age 70 (input patient.ageYears): 50% of the prior dose = 3 × 0.5 = 1.5 mg, rounded up to real strengths, never above the prior dose: 0.5 mg × 3 a day = 1.5 mg daily. [engine assumption: bzd-window-50-percent-risk-factors]',
    );
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.5', status: 'reduced' });
    const uneven = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 5, concurrent: ['alcohol'] });
    expect(lineStarting(uneven, 'First step')).toContain('concurrent alcohol (input concurrent)');
    expect(uneven.steps[0]!.administrations).toEqual(['0.5', '0.5']);
  });

  it('significant symptoms: the prior dose; with a risk factor 75%; severe: the prior dose whatever else', () => {
    const sig = plan({ ...DIAZEPAM_WINDOW, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(lineStarting(sig, 'First step')).toBe(
      'First step: significant withdrawal symptoms now: the prior dose: 10 mg × 3 a day = 30 mg daily. [engine assumption: bzd-window-symptoms-prior]',
    );
    expect(sig.steps[0]!.rule).toBe('prior dose, significant withdrawal symptoms now');
    expect(sig.tolerance).toMatchObject({ retainedFraction: '1', status: 'retained', anchor: { fromMissedDays: 3 } });
    const sigRisk = plan({ ...DIAZEPAM_WINDOW, patient: { withdrawalSymptomsNow: 'significant', sleepApnea: true } });
    expect(lineStarting(sigRisk, 'First step')).toBe(
      'First step: significant withdrawal symptoms now with sleep apnea (input patient.sleepApnea): 75% of the prior dose = 30 × 0.75 = 22.5 mg, rounded down to real strengths: 7.5 mg × 3 a day = 22.5 mg daily. [engine assumption: bzd-window-symptoms-prior] [engine assumption: bzd-window-75-percent]',
    );
    expect(sigRisk.tolerance.retainedFraction).toBe('0.75');
    const severe = plan({ ...DIAZEPAM_WINDOW, patient: { withdrawalSymptomsNow: 'severe', sleepApnea: true } });
    expect(lineStarting(severe, 'First step')).toBe(
      'First step: severe withdrawal symptoms now: the prior dose, and consider inpatient care: 10 mg × 3 a day = 30 mg daily. [engine assumption: bzd-window-symptoms-prior]',
    );
  });

  it('significant symptoms after the estimated window, or after a detox, keep the window rules', () => {
    const after = plan({ ...LORAZEPAM_AFTER, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(after.steps[0]!.dailyDose.amount).toBe('6');
    const detox = planBenzodiazepineWith({ ...DIAZEPAM_WINDOW, patient: { withdrawalSymptomsNow: 'significant' } }, { breakReason: 'detox' });
    expect(detox.steps[0]!.dailyDose.amount).toBe('30');
    expect(codes(detox)).not.toContain('BZD_AFTER_DETOX');
  });

  it('after the window: the lowest of the label initial dose, 10 mg DE and the prior dose', () => {
    const p = plan(LORAZEPAM_AFTER);
    expect(lineStarting(p, 'After-window cap')).toMatch(
      /^After-window cap: 10 mg diazepam equivalents a day = 1 mg lorazepam a day \(1 mg ≈ 10 mg diazepam, the higher-potency figure\)\. \[joint-bzd-taper-2025: .*\] \[engine assumption: bzd-after-window-restart-low\]$/,
    );
    expect(lineStarting(p, 'Label initial dose')).toMatch(/^Label initial dose: the label's lowest adult initial dose, 1 mg × 2 a day = 2 mg daily\. \[label-ativan: /);
    expect(lineStarting(p, 'First step')).toBe(
      'First step: after the withdrawal window, no significant withdrawal symptoms: the lowest of the label initial dose (2 mg a day), 10 mg diazepam equivalents (1 mg) and the prior dose (6 mg) = 1 mg a day, rounded down to real strengths: 1 mg × 1 a day = 1 mg daily. [engine assumption: bzd-after-window-restart-low]',
    );
    expect(p.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost', anchor: { fromMissedDays: 15 } });
  });

  it('after the window: older adults get the label\'s older-adult initial dose; temazepam by the VA/DoD (higher-potency) figure', () => {
    const older = plan({ ...LORAZEPAM_AFTER, patient: { ageYears: 80 } });
    expect(warning(older, 'BZD_TOLERANCE_LOSS').message).toMatch(/ The start uses the label's initial dose for older adults \(patient\.ageYears 80\)\.$/);
    expect(warning(plan(LORAZEPAM_AFTER), 'BZD_TOLERANCE_LOSS').message).toMatch(/reconsider whether a restart is needed\.$/);
    expect(lineStarting(older, 'Label initial dose')).toMatch(/^Label initial dose: the label's initial dose for older adults \(age 80\), 0\.5 mg × 2 a day = 1 mg daily\./);
    const temazepam = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 20 });
    expect(lineStarting(temazepam, 'After-window cap')).toContain('= 15 mg temazepam a day (15 mg ≈ 10 mg diazepam, the higher-potency figure)');
    expect(temazepam.steps[0]!.dailyDose.amount).toBe('7.5');
  });

  it('after the window: never above what the window rule would give (tiny prior dose), and the smallest unit as the floor', () => {
    const tiny = plan({ drug: 'alprazolam', dose: '0.25', timesPerDay: 1, missedDays: 20 });
    expect(tiny.steps[0]!.dailyDose.amount).toBe('0.125');
    expect(lineStarting(tiny, 'First step')).toContain('but no higher than the first step inside the withdrawal window would be (75% of the prior dose = 0.25 × 0.75 = 0.1875 mg, rounded down to real strengths)');
    const noInitial = direct({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 20 }, (f) => ({ ...f, initialDose: undefined }));
    if (isRefusal(noInitial)) throw new Error('refused');
    expect(lineStarting(noInitial, 'No label initial dose')).toBe('No label initial dose is stored for this product: the after-window cap alone applies.');
    // 10 mg DE = 20 mg zolpidem: the cap does not bind, the window bound (75% → 5 mg) does.
    expect(noInitial.steps[0]!.dailyDose.amount).toBe('5');
    const floor = direct({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 20 }, (f) => ({ ...f, initialDose: { ...f.initialDose!, value: { dose: '2.5', timesPerDay: 1 } } }));
    if (isRefusal(floor)) throw new Error('refused');
    expect(floor.steps[0]!.dailyDose.amount).toBe('5');
    expect(lineStarting(floor, 'First step')).toContain('is below the smallest unit; the smallest unit once daily is the floor: 5 mg × 1 a day');
    expect(warning(floor, 'SMALLEST_UNIT_ABOVE_CEILING')).toMatchObject({ severity: 'warning', sources: ['label-ambien'] });
  });

  it('NOT_DEPENDENT: one prior single dose; after the window the lower start, still once a day', () => {
    const p = plan({ drug: 'diazepam', dose: '10', timesPerDay: 2, daysPerWeek: 2, missedDays: 1 });
    expect(lineStarting(p, 'First step')).toBe(
      'First step: not physically dependent: at most one prior single dose a day (10 mg), no more than 2 days a week as before: 10 mg × 1 a day = 10 mg daily. [engine assumption: bzd-not-dependent-single-dose]',
    );
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.5', status: 'not-applicable' });
    const after = plan({ drug: 'diazepam', dose: '10', timesPerDay: 2, daysPerWeek: 2, missedDays: 40 });
    expect(after.steps[0]!.administrations).toEqual(['4']);
    expect(lineStarting(after, 'First step')).toContain('not physically dependent, after the withdrawal window: the lower of one prior single dose (10 mg) and the lowest of');
  });
});

describe('product: label caps (A2)', () => {
  it('alprazolam 16 mg a day: capped at the 10 mg labelled maximum with LABEL_CAP_APPLIED and ABOVE_LABEL_MAXIMUM', () => {
    const p = plan({ drug: 'alprazolam', dose: '4', timesPerDay: 4, missedDays: 1 });
    expect(lineStarting(p, 'Ceiling')).toMatch(
      /^Ceiling: the prior dose is above the labelled maximum of 10 mg a day \(prior\.dose\); no step goes above it: target 2\.5 mg × 4 a day = 10 mg daily\. \[label-xanax: .*\[engine assumption: bzd-above-label-maximum\]$/,
    );
    expect(hasLineStarting(p, 'Limit:')).toBe(false);
    expect(lineStarting(p, 'First step')).toBe('First step: up to 2 missed days: resume the prior dose (no higher than the capped target): 2.5 mg × 4 a day = 10 mg daily. [engine assumption: bzd-resume-up-to-2-days]');
    expect(lineStarting(p, 'Titration ceiling')).toContain('up to the capped target (mirror of the Joint Guideline taper limit');
    expect(warning(p, 'LABEL_CAP_APPLIED')).toMatchObject({ severity: 'critical', sources: ['label-xanax'] });
    expect(warning(p, 'LABEL_CAP_APPLIED').message).toBe(
      "The prior dose (16 mg a day) is above the labelled maximum of 10 mg a day (prior.dose): the plan stops at 10 mg a day. A higher dose is the prescriber's decision, with monitoring.",
    );
    expect(warning(p, 'ABOVE_LABEL_MAXIMUM')).toMatchObject({ severity: 'warning', sources: ['label-xanax'] });
  });

  it('a product without a labelled maximum: no limit line, titration back to the prior dose', () => {
    const p = direct({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 1 }, (f) => ({ ...f, maxDailyDose: undefined }));
    if (isRefusal(p)) throw new Error('refused');
    expect(hasLineStarting(p, 'Limit')).toBe(false);
    expect(hasLineStarting(p, 'Ceiling')).toBe(false);
    expect(p.steps.map((s) => s.dailyDose.amount)).toEqual(['30']);
  });

  it('zolpidem at 72 with mild hepatic impairment: the age cap lowers the ceiling; the hepatic limit is stated', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1, patient: { ageYears: 72, hepaticImpairment: 'mild' } });
    expect(lineStarting(p, 'Ceiling')).toMatch(
      /^Ceiling: the prior dose is above the label limit of 5 mg a day from age 65 \(patient\.ageYears 72\); no step goes above it: target 5 mg × 1 a day = 5 mg daily\. \[label-ambien: 2\.3 Geriatric/,
    );
    expect(lines(p)).toContain(
      'Limit: label limit of 5 mg a day in hepatic impairment (patient.hepaticImpairment mild); the prior dose is within it. [label-ambien: 2.3 Mild to moderate hepatic impairment: 5 mg once daily; severe hepatic impairment: avoid (amendment A2, label quoted by a secondary source)]',
    );
    const w = warning(p, 'ZDRUG_AGE_DOSE');
    expect(w).toMatchObject({ severity: 'critical', sources: ['label-ambien'] });
    expect(w.message).toMatch(/^patient\.ageYears 72: label limit of 5 mg a day from age 65; patient\.hepaticImpairment mild: label limit of 5 mg a day in hepatic impairment; the ceiling is lowered to the label limit\./);
    expect(lineStarting(p, 'Warning ZDRUG_AGE_DOSE')).toBe('Warning ZDRUG_AGE_DOSE: patient.ageYears 72, patient.hepaticImpairment mild.');
  });

  it('a Z-drug cap that does not lower the dose is a warning, not critical; age not given says the limit was not checked', () => {
    const within = plan({ drug: 'zolpidem', dose: '5', timesPerDay: 1, missedDays: 1, patient: { ageYears: 70 } });
    expect(warning(within, 'ZDRUG_AGE_DOSE').severity).toBe('warning');
    expect(codes(within)).not.toContain('LABEL_CAP_APPLIED');
    const noAge = plan({ drug: 'eszopiclone', dose: '3', timesPerDay: 1, missedDays: 1 });
    expect(lineStarting(noAge, 'Age not given')).toMatch(/^Age not given: the label's limit from age 65 \(2 mg a day\) could not be checked\. \[label-lunesta: /);
  });

  it('zolpidem sex lines: women, men (the lower of 5 or 10 mg), not given', () => {
    const base = { drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1 } as const;
    expect(lineStarting(plan({ ...base, patient: { sex: 'female' } }), 'Label initial dose for women')).toMatch(/^Label initial dose for women: 5 mg\. \[fda-zolpidem-2013: /);
    expect(lineStarting(plan({ ...base, patient: { sex: 'male' } }), 'Label initial dose for men')).toMatch(/^Label initial dose for men: 5 or 10 mg; the lower, 5 mg, is used\. \[fda-zolpidem-2013: /);
    expect(lineStarting(plan({ ...base, patient: { sex: 'unknown' } }), 'Label initial dose for women')).toContain('(patient.sex unknown: treated as female, the lower label dose)');
    expect(warning(plan({ ...base, patient: { sex: 'female' } }), 'ZDRUG_SEX_DOSE').message).toMatch(/^Women have higher next-morning zolpidem levels; the FDA lowered the recommended dose for women \(initial 5 mg\)/);
    expect(codes(plan({ ...base, patient: { sex: 'male' } }))).not.toContain('ZDRUG_SEX_DOSE');
  });
});

describe('titration', () => {
  it('+25% no sooner than every 7 days up to the prior dose; each step written out', () => {
    const p = plan(DIAZEPAM_WINDOW);
    expect(lineStarting(p, 'Titration ceiling')).toMatch(
      /^Titration ceiling: each step at most \+ 25% of the current daily dose, or the smallest rise the strengths can make, no sooner than every 7 days, up to the prior dose \(mirror of the Joint Guideline taper limit of ≤ 25% every 2 weeks\)\. \[engine assumption: /,
    );
    expect(lineStarting(p, 'Step 2 from')).toBe(
      'Step 2 from 2026-10-13: 9.5 mg + 9.5 mg + 9 mg = 28 mg daily ≈ 28 mg diazepam/day (rise of at most 25% of the daily dose, rounded down to real strengths).',
    );
    expect(lineStarting(p, 'Step 3 from')).toBe('Step 3 from 2026-10-20: 10 mg + 10 mg + 10 mg = 30 mg daily ≈ 30 mg diazepam/day (reaches the prior dose (the target)).');
    expect(hasLineStarting(p, 'Step 4')).toBe(false);
    expect(hasLineStarting(p, 'Where the real strengths')).toBe(false);
    expect(hasLineStarting(p, 'Tablets whose scoring')).toBe(false);
  });

  it('lorazepam after the window: the smallest-rise note and the unverified-scoring note with the strengths', () => {
    const p = plan(LORAZEPAM_AFTER);
    expect(p.steps.some((s) => s.rule.startsWith('smallest rise'))).toBe(true);
    expect(p.steps.every((s) => s.rule.startsWith('smallest rise'))).toBe(false);
    expect(lineStarting(p, 'Where the real strengths')).toBe(
      'Where the real strengths cannot make a rise as small as 25%, the step rises by the smallest amount they can make. [engine assumption: smallest-practical-rise]',
    );
    expect(lineStarting(p, 'Tablets whose scoring')).toBe(
      'Tablets whose scoring is not confirmed on the label (0.5 mg, 1 mg, 2 mg) are never halved. [engine assumption: unverified-scoring-unscored]',
    );
  });

  it('clorazepate: only the unscored 15 mg tablet is listed as never halved', () => {
    const p = plan({ drug: 'clorazepate', dose: '15', timesPerDay: 2, missedDays: 50 });
    expect(lineStarting(p, 'Tablets whose scoring')).toContain('(15 mg) are never halved.');
    // After the window: label initial 7.5 mg × 2 = 15 mg = 10 mg DE (15 mg ≈ 10 mg diazepam in both tables).
    expect(p.steps[0]!.administrations).toEqual(['7.5', '7.5']);
  });
});

describe('refusals (BLOCK)', () => {
  it('BZD_DOSE_UNKNOWN: the working so far, the refusal line, and no steps', () => {
    const body = request(DIAZEPAM_WINDOW);
    const validated = validateRequest({ ...body, prior: { ...(body.prior as object), nonPrescribed: true } });
    if (!validated.ok) throw new Error('expected a valid request');
    const r = planBenzodiazepine(validated.request, drug('diazepam'), drug('diazepam').formulations[0]!);
    if (!isRefusal(r)) throw new Error('expected a refusal');
    expect(r).toMatchObject({ code: 'BZD_DOSE_UNKNOWN', severity: 'block', path: 'prior.nonPrescribed', drug: 'diazepam', formulation: 'ir', displayName: 'diazePAM', daysOff: 5, missedDays: 4 });
    expect(r.message).toBe('The prior dose comes from non-prescribed use and is uncertain, so no schedule can be anchored on it.');
    expect(lineStarting(r, 'Refused (BZD_DOSE_UNKNOWN)')).toContain('titrate the dose to the minimum necessary to control withdrawal symptoms and taper from that point');
    expect(r.sources.map((s) => s.id)).toContain('joint-bzd-taper-2025');
    expect(r).not.toHaveProperty('steps');
  });

  it('ZDRUG_COMPLEX_SLEEP_BEHAVIOR: refused before the dose question, with the FDA 2019 source and an alternative', () => {
    const body = request({ drug: 'eszopiclone', dose: '2', timesPerDay: 1, missedDays: 1, patient: { complexSleepBehaviorHistory: true } });
    const validated = validateRequest({ ...body, prior: { ...(body.prior as object), nonPrescribed: true } });
    if (!validated.ok) throw new Error('expected a valid request');
    const r = planBenzodiazepine(validated.request, drug('eszopiclone'), drug('eszopiclone').formulations[0]!);
    if (!isRefusal(r)) throw new Error('expected a refusal');
    expect(r).toMatchObject({ code: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR', path: 'patient.complexSleepBehaviorHistory', reasonSources: ['fda-zdrug-csb-2019'] });
    expect(r.message).toMatch(/^eszopiclone is contraindicated after an episode of complex sleep behavior/);
    expect(r.alternative).toMatch(/^Do not restart this drug\./);
  });
});

describe('warnings: code, severity, sources, message and derivation line', () => {
  // Built inside each test (not at collection time), so every assertion sees the code under test as it runs.
  const everythingPlan = () =>
    plan({
      drug: 'lorazepam',
      dose: '2',
      timesPerDay: 3,
      missedDays: 5,
      patient: { ageYears: 65, respiratoryDisease: true, sleepApnea: true, alcoholUse: true, historyOfFalls: true },
      concurrent: ['oxycodone', 'morphine', 'gabapentin', 'pregabalin', 'alcohol'],
    });

  it('BZD_WITHDRAWAL_WINDOW: critical, the gap and the taper advice; its line names the class and the window', () => {
    const p = plan(DIAZEPAM_WINDOW);
    const w = warning(p, 'BZD_WITHDRAWAL_WINDOW');
    expect(w).toMatchObject({ severity: 'critical', sources: ['joint-bzd-taper-2025', 'fda-benzo-boxed-2020'] });
    expect(w.message).toBe(
      'Abrupt stop in a physically dependent patient, 4 missed days: the patient may be in withdrawal (seizures can be life-threatening). Restart near the prior dose (first step 22.5 mg a day), then plan a taper (typically 5–10% every 2–4 weeks, not more than 25% every 2 weeks); do not leave the patient on a low "new start" dose.',
    );
    expect(lineStarting(p, 'Warning BZD_WITHDRAWAL_WINDOW')).toBe('Warning BZD_WITHDRAWAL_WINDOW: DEPENDENT, 4 missed days (window to 28). [engine assumption: bzd-withdrawal-window-14-28]');
    expect(codes(p)).toEqual(['BZD_WITHDRAWAL_WINDOW']);
  });

  it('BZD_WITHDRAWAL_EARLY: on days 2 and 3 only (1–2 missed days), not after a detox, not for NOT_DEPENDENT', () => {
    const p = plan(ALPRAZOLAM_RETAINED);
    const w = warning(p, 'BZD_WITHDRAWAL_EARLY');
    expect(w).toMatchObject({ severity: 'warning', sources: ['fda-benzo-boxed-2020', 'prescriber-2012-bzd-withdrawal'] });
    expect(w.message).toMatch(/^Day 2 after an abrupt stop in a physically dependent patient: withdrawal can begin within 24 hours for short-acting drugs \(several days for longer-acting ones\)\./);
    expect(lineStarting(p, 'Warning BZD_WITHDRAWAL_EARLY')).toBe('Warning BZD_WITHDRAWAL_EARLY: DEPENDENT, daysOff 2.');
    expect(codes(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 0 }))).not.toContain('BZD_WITHDRAWAL_EARLY');
    expect(codes(plan({ ...ALPRAZOLAM_RETAINED, missedDays: 3 }))).not.toContain('BZD_WITHDRAWAL_EARLY');
    expect(codes(plan({ ...ALPRAZOLAM_RETAINED, daysPerWeek: 3 }))).not.toContain('BZD_WITHDRAWAL_EARLY');
  });

  it('BZD_SEIZURE_RISK and BZD_INPATIENT_CONSIDER: significant symptoms at ≤ 15 mg DE seizure only; above 15 mg DE also inpatient', () => {
    const low = plan({ drug: 'diazepam', dose: '5', timesPerDay: 1, missedDays: 4, patient: { withdrawalSymptomsNow: 'significant' } });
    const w = warning(low, 'BZD_SEIZURE_RISK');
    expect(w).toMatchObject({ severity: 'critical', sources: ['fda-benzo-boxed-2020', 'joint-bzd-taper-2025'] });
    expect(w.message).toMatch(/^Significant withdrawal symptoms now \(patient\.withdrawalSymptomsNow\): stopping a benzodiazepine abruptly can cause withdrawal reactions, including seizures/);
    expect(codes(low)).not.toContain('BZD_INPATIENT_CONSIDER');
    const boundary = plan({ drug: 'diazepam', dose: '15', timesPerDay: 1, missedDays: 4, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(codes(boundary)).not.toContain('BZD_INPATIENT_CONSIDER');
    const high = plan({ drug: 'diazepam', dose: '16', timesPerDay: 1, missedDays: 4, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(warning(high, 'BZD_INPATIENT_CONSIDER')).toMatchObject({ severity: 'critical', sources: ['joint-bzd-taper-2025'] });
    expect(warning(high, 'BZD_INPATIENT_CONSIDER').message).toMatch(/^Significant withdrawal symptoms at a high prior dose \(16 mg diazepam equivalents a day, above 15\): consider inpatient management/);
    expect(lineStarting(high, 'Warning BZD_INPATIENT_CONSIDER')).toMatch(/^Warning BZD_INPATIENT_CONSIDER: withdrawal symptoms significant, prior 16 mg diazepam equivalents a day\. \[joint-bzd-taper-2025: /);
    // Table 2 "rare", but significant symptoms now: treated as dependent (Joint Guideline Rec 3a).
    const notDependent = plan({ drug: 'diazepam', dose: '8', timesPerDay: 2, daysPerWeek: 2, missedDays: 4, patient: { withdrawalSymptomsNow: 'significant' } });
    expect(notDependent.tolerance).toMatchObject({ dependence: 'NOT_DEPENDENT', priorTolerant: true });
    expect(notDependent.steps[0]!.dailyDose.amount).toBe('16');
    expect(codes(notDependent)).toEqual(expect.arrayContaining(['BZD_SEIZURE_RISK', 'BZD_INPATIENT_CONSIDER']));
    expect(codes(notDependent)).not.toContain('BZD_NOT_DEPENDENT');
    expect(lineStarting(notDependent, 'Withdrawal symptoms now (significant)')).toBe(
      'Withdrawal symptoms now (significant) in a patient Table 2 classes as NOT_DEPENDENT: treated as physically dependent (Joint Guideline Rec 3a: restart the benzodiazepine and initiate a taper). [engine assumption: bzd-window-symptoms-prior]',
    );
  });

  it('BZD_RISK_FACTOR_STEP and BZD_OPIOID: every lowering input named; naloxone when an opioid is one', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'BZD_RISK_FACTOR_STEP');
    expect(w.severity).toBe('warning');
    expect(w.message).toBe(
      'The first step was lowered to 3 mg a day by: opioid (oxyCODONE, morphine) (concurrent), gabapentinoid (gabapentin, pregabalin) (concurrent), alcohol use (patient.alcoholUse), respiratory disease (patient.respiratoryDisease), sleep apnea (patient.sleepApnea), age 65 (patient.ageYears). These add to sedation and respiratory depression; review early and watch for withdrawal.',
    );
    expect(warning(everything, 'BZD_OPIOID')).toMatchObject({ severity: 'critical', sources: ['joint-bzd-taper-2025', 'fda-opioid-benzo-2016'] });
    const gabaOnly = plan({ drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 5, concurrent: ['gabapentin'] });
    expect(codes(gabaOnly)).toContain('BZD_RISK_FACTOR_STEP');
    expect(codes(gabaOnly)).not.toContain('BZD_OPIOID');
    // Outside the window the inputs lower nothing: no step warning.
    expect(codes(plan({ ...ALPRAZOLAM_RETAINED, concurrent: ['gabapentin'] }))).not.toContain('BZD_RISK_FACTOR_STEP');
  });

  it('BZD_AFTER_DETOX and BZD_TOLERANCE_LOSS after a supervised withdrawal; BZD_NOT_DEPENDENT info', () => {
    const detox = planBenzodiazepineWith({ ...DIAZEPAM_WINDOW }, { breakReason: 'detox' });
    expect(warning(detox, 'BZD_AFTER_DETOX')).toMatchObject({ severity: 'warning', sources: ['joint-bzd-taper-2025'] });
    expect(warning(detox, 'BZD_AFTER_DETOX').message).toMatch(/^Withdrawal was completed under medical supervision \(breakReason "detox"\): reconsider whether a restart is needed\./);
    expect(warning(detox, 'BZD_TOLERANCE_LOSS').message).toMatch(/^Tolerance to sedation and breathing depression may have faded after the completed supervised withdrawal/);
    expect(detox.tolerance).toMatchObject({ retainedFraction: '0', status: 'lost' });
    const nd = plan({ drug: 'diazepam', dose: '10', timesPerDay: 2, daysPerWeek: 2, missedDays: 5 });
    expect(warning(nd, 'BZD_NOT_DEPENDENT').message).toBe(
      'Taken on 2 days a week (prior.daysPerWeek): withdrawal is rare at 3 days a week or fewer (Joint Guideline Table 2). The first step is at most one prior single dose a day, taken no more often than before.',
    );
  });

  it('OPIOID_BENZODIAZEPINE: critical, names every opioid, offers naloxone; BZD_OPIOID_STEP_DAY lists the rise dates', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'OPIOID_BENZODIAZEPINE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['fda-opioid-benzo-2016', 'joint-bzd-taper-2025', 'beers-2023']);
    expect(w.message).toMatch(/^LORazepam with oxyCODONE, morphine: combined use can cause profound sedation, respiratory depression, coma and death\./);
    expect(lineStarting(everything, 'Warning OPIOID_BENZODIAZEPINE')).toBe(
      'Warning OPIOID_BENZODIAZEPINE: concurrent oxycodone, morphine (FDA 2016 boxed warning; Joint Guideline Recs 16–18: offer naloxone).',
    );
    const rises = everything.steps.slice(1).map((s) => s.start);
    expect(warning(everything, 'BZD_OPIOID_STEP_DAY').message).toBe(
      `Do not raise oxyCODONE, morphine on a day LORazepam rises (${rises.join(', ')}): delay one of the two steps by at least a day, so that two rises never fall on the same day.`,
    );
    // A plan with one step has no rise to keep apart.
    expect(codes(plan({ ...ALPRAZOLAM_RETAINED, concurrent: ['oxycodone'] }))).not.toContain('BZD_OPIOID_STEP_DAY');
  });

  it('BEERS_OPIOID_BZD, BEERS_AVOID, BEERS_CNS_3PLUS from exactly 65 (not 64)', () => {
    const everything = everythingPlan();
    expect(warning(everything, 'BEERS_OPIOID_BZD')).toMatchObject({ severity: 'critical', sources: ['beers-2023'] });
    const w = warning(everything, 'BEERS_AVOID');
    expect(w).toMatchObject({ severity: 'warning', sources: ['beers-2023', 'joint-bzd-taper-2025'] });
    expect(w.message).toMatch(/^Age 65: the Beers Criteria say avoid benzodiazepines in older adults/);
    expect(lineStarting(everything, 'Warning BEERS_AVOID')).toMatch(/^Warning BEERS_AVOID: age 65 ≥ 65\. \[beers-2023: /);
    // The one Beers CNS-active rule for every class (beers.ts): the planned drug first, then the others.
    expect(warning(everything, 'BEERS_CNS_3PLUS')).toMatchObject({ severity: 'warning', sources: ['beers-2023'] });
    expect(warning(everything, 'BEERS_CNS_3PLUS').message).toBe(
      'Age 65: 5 CNS-active drugs (LORazepam, oxyCODONE, morphine, gabapentin, pregabalin). The Beers Criteria (2023) advise avoiding 3 or more together (falls) and minimising their number.',
    );
    expect(lineStarting(everything, 'Warning BEERS_CNS_3PLUS')).toMatch(/^Warning BEERS_CNS_3PLUS: 5 CNS-active drugs ≥ 3 at age 65\. \[beers-2023: /);
    const young = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, patient: { ageYears: 64 }, concurrent: ['oxycodone', 'gabapentin'] });
    expect(codes(young)).not.toEqual(expect.arrayContaining(['BEERS_AVOID']));
    expect(codes(young)).not.toContain('BEERS_OPIOID_BZD');
    expect(codes(young)).not.toContain('BEERS_CNS_3PLUS');
    const z = plan({ drug: 'zolpidem', dose: '5', timesPerDay: 1, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['quetiapine', 'valproate'] });
    expect(warning(z, 'BEERS_AVOID').message).toMatch(/^Age 70: the Beers Criteria say avoid Z-drugs in older adults/);
    expect(warning(z, 'BEERS_CNS_3PLUS').message).toMatch(/^Age 70: 3 CNS-active drugs \(zolpidem/i);
    // Alcohol and lithium are not Beers CNS-active drugs.
    expect(codes(plan({ drug: 'zolpidem', dose: '5', timesPerDay: 1, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['alcohol', 'lithium'] }))).not.toContain('BEERS_CNS_3PLUS');
  });

  it('BEERS_CNS_3PLUS on a benzodiazepine counts every drug the benzodiazepine table counted before (one table now), and Z-drugs too', () => {
    // The former benzodiazepine list: opioids, benzodiazepines, antidepressants (classes), antipsychotics and antiepileptics (ids).
    for (const id of ['oxycodone', 'diazepam', 'sertraline', 'clozapine', 'quetiapine', 'lamotrigine', 'carbamazepine', 'gabapentin', 'pregabalin', 'valproate', 'phenytoin', 'phenobarbital']) {
      expect(isCnsActive(id), id).toBe(true);
    }
    const withZ = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['zolpidem', 'quetiapine'] });
    expect(warning(withZ, 'BEERS_CNS_3PLUS').message).toMatch(/^Age 70: 3 CNS-active drugs \(LORazepam, zolpidem, QUEtiapine\)/i);
    // A concurrent medicine listed twice counts once.
    expect(codes(plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, patient: { ageYears: 70 }, concurrent: ['quetiapine', 'quetiapine'] }))).not.toContain('BEERS_CNS_3PLUS');
  });

  it('BEERS_FALLS: with a history of falls at 65 or over, or when the age is not given', () => {
    expect(warning(everythingPlan(), 'BEERS_FALLS').message).toMatch(/^History of falls \(patient\.historyOfFalls\), age 65: the Beers Criteria say avoid benzodiazepines/);
    const noAge = plan({ ...ALPRAZOLAM_RETAINED, patient: { historyOfFalls: true } });
    expect(warning(noAge, 'BEERS_FALLS').message).toMatch(/^History of falls \(patient\.historyOfFalls\), age not given:/);
    expect(lineStarting(noAge, 'Warning BEERS_FALLS')).toMatch(/^Warning BEERS_FALLS: patient\.historyOfFalls \(age not given: applied\)\./);
  });

  it('BENZODIAZEPINE_GABAPENTINOID, ALCOHOL, RESPIRATORY_RISK: as before', () => {
    const everything = everythingPlan();
    expect(warning(everything, 'BENZODIAZEPINE_GABAPENTINOID')).toMatchObject({ severity: 'warning', sources: ['fda-gabapentinoid-2019'] });
    expect(lineStarting(everything, 'Warning BENZODIAZEPINE_GABAPENTINOID')).toBe('Warning BENZODIAZEPINE_GABAPENTINOID: concurrent gabapentin, pregabalin.');
    expect(warning(everything, 'ALCOHOL')).toMatchObject({ severity: 'warning', sources: ['fda-benzo-boxed-2020', 'label-ativan'] });
    expect(lineStarting(everything, 'Warning ALCOHOL')).toBe('Warning ALCOHOL: patient alcohol use.');
    const concurrentOnly = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 0, concurrent: ['alcohol'] });
    expect(codes(concurrentOnly)).toEqual(['ALCOHOL']);
    expect(lineStarting(concurrentOnly, 'Warning ALCOHOL')).toBe('Warning ALCOHOL: concurrent alcohol.');
    expect(warning(everything, 'RESPIRATORY_RISK').message).toBe('Respiratory disease and sleep apnea: LORazepam can depress breathing, more so during sleep. Use the lowest dose and monitor.');
    const apnea = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 0, patient: { sleepApnea: true } });
    expect(warning(apnea, 'RESPIRATORY_RISK').message).toMatch(/^Sleep apnea: LORazepam/);
    expect(lineStarting(apnea, 'Warning RESPIRATORY_RISK')).toBe('Warning RESPIRATORY_RISK: sleep apnea.');
  });

  it('BZD_HEPATIC for moderate or severe only; ZOLPIDEM_SEVERE_HEPATIC for severe only', () => {
    const severe = plan({ drug: 'alprazolam', dose: '1', timesPerDay: 2, missedDays: 0, patient: { hepaticImpairment: 'severe' } });
    expect(warning(severe, 'BZD_HEPATIC')).toMatchObject({ severity: 'warning', sources: ['aliem-lot-2013'] });
    expect(warning(severe, 'BZD_HEPATIC').message).toMatch(/^Severe hepatic impairment \(patient\.hepaticImpairment\): ALPRAZolam is oxidised in the liver/);
    expect(lineStarting(severe, 'Warning BZD_HEPATIC')).toMatch(/^Warning BZD_HEPATIC: hepaticGrade severe\. \[aliem-lot-2013: /);
    const legacy = plan({ drug: 'alprazolam', dose: '1', timesPerDay: 2, missedDays: 0, patient: { hepaticImpairment: true } });
    expect(warning(legacy, 'BZD_HEPATIC').message).toMatch(/^Moderate hepatic impairment/);
    const zModerate = plan({ drug: 'zolpidem', dose: '5', timesPerDay: 1, missedDays: 0, patient: { hepaticImpairment: 'moderate' } });
    expect(codes(zModerate)).not.toContain('ZOLPIDEM_SEVERE_HEPATIC');
    const zSevere = plan({ drug: 'zolpidem', dose: '5', timesPerDay: 1, missedDays: 0, patient: { hepaticImpairment: 'severe' } });
    expect(warning(zSevere, 'ZOLPIDEM_SEVERE_HEPATIC')).toMatchObject({ severity: 'critical', sources: ['label-ambien'] });
    expect(warning(zSevere, 'ZOLPIDEM_SEVERE_HEPATIC').message).toMatch(/^Severe hepatic impairment \(patient\.hepaticImpairment\): the label says avoid zolpidem\./);
  });

  it('ZDRUG_COMPLEX_SLEEP_BEHAVIOR on every Z-drug, never on a benzodiazepine', () => {
    const z = plan({ drug: 'zaleplon', dose: '10', timesPerDay: 1, missedDays: 0 });
    expect(warning(z, 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR')).toMatchObject({ severity: 'warning', sources: ['fda-zdrug-csb-2019'] });
    expect(warning(z, 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR').message).toMatch(/can occur after just one dose of zaleplon/);
    expect(codes(plan({ drug: 'temazepam', dose: '15', timesPerDay: 1, missedDays: 0 }))).not.toContain('ZDRUG_COMPLEX_SLEEP_BEHAVIOR');
  });

  it('EPILEPSY_INDICATION: info, only when the first step is below the prior dose', () => {
    const lower = plan({ drug: 'clonazepam', dose: '2', timesPerDay: 3, missedDays: 5 });
    const w = warning(lower, 'EPILEPSY_INDICATION');
    expect(w).toMatchObject({ severity: 'info', sources: ['nhs-scotland-bzd'] });
    expect(w.message).toMatch(/^clonazePAM may be prescribed for epilepsy: if so, a lower dose can provoke seizures\./);
    expect(lower.warnings.at(-1)!.code).toBe('EPILEPSY_INDICATION');
    expect(codes(plan({ drug: 'clonazepam', dose: '2', timesPerDay: 3, missedDays: 1 }))).not.toContain('EPILEPSY_INDICATION');
  });
});

function planBenzodiazepineWith(v: Vignette, extra: Record<string, unknown>): RestartPlan {
  const validated = validateRequest({ ...request(v), ...extra });
  if (!validated.ok) throw new Error('expected a valid request');
  const d = drug(v.drug);
  const result = planBenzodiazepine(validated.request, d, d.formulations[0]!);
  if (isRefusal(result)) throw new Error('refused');
  return result;
}
