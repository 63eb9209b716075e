/**
 * Detail tests for the benzodiazepine / Z-drug planner (restart model, section 4): what the derivation says at each
 * stage (figures and arithmetic), each anchor's basis, each warning's code, severity, sources and key facts, and the
 * boundaries (washout day, age 65, Table 2 rows).
 */
import { describe, expect, it } from 'vitest';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import type { BenzodiazepineDrug, BenzodiazepineFormulation } from '../../src/protocols/benzodiazepines/types.ts';
import { benzodiazepineAnchors, planBenzodiazepine, washoutFor, withdrawalRiskRow } from '../../src/engine/classes/benzodiazepine.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { codes, plan, request, type Vignette } from './helpers.ts';

function drug(id: string): BenzodiazepineDrug {
  const found = BENZODIAZEPINES.find((d) => d.id === id);
  if (!found) throw new Error(id);
  return found;
}

/** The derivation without its "N. " numbering, one string per line. */
function lines(p: RestartPlan): string[] {
  return p.derivation.map((l) => l.replace(/^\d+\. /, ''));
}

/** The one derivation line that starts with `prefix` (fails if none or several). */
function lineStarting(p: RestartPlan, prefix: string): string {
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

const ALPRAZOLAM_RETAINED: Vignette = { drug: 'alprazolam', dose: '1', timesPerDay: 2, missedDays: 1 };
const DIAZEPAM_HALF: Vignette = { drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 4 };
const LORAZEPAM_WASHOUT_DAY: Vignette = { drug: 'lorazepam', dose: '2', timesPerDay: 3, missedDays: 5 };

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
      'For the risk band, the withdrawal-risk row and the post-washout cap the higher equivalent is used: 40 mg diazepam/day (Ashton). [engine assumption: bzd-conservative-equivalent]',
    );
    expect(p.prior.equivalents!.map((e) => e.table)).toEqual(['Ashton Manual 2002, Table 1', 'VA/DoD SUD CPG 2021 (2025 Joint Guideline Table 7)']);
    expect(p.prior.equivalents![0]).not.toHaveProperty('dailyEquivalentRange');
    expect(p.prior.equivalentFactor).toEqual({ value: '0.5', per: 'mg alprazolam ≈ 10 mg diazepam', source: 'ashton-2002' });
    expect(p.prior.riskBand).toEqual({ band: 'high', dailyEquivalent: { amount: '40', unit: 'mg diazepam' }, source: 'joint-bzd-taper-2025' });
  });

  it('diazepam: VA/DoD gives the same figure, said once', () => {
    const p = plan(DIAZEPAM_HALF);
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

describe('derivation: withdrawal-risk row, dates and washout', () => {
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

  it('washout line: parent half-life, hours and days; the 3-day floor is said only when it applies', () => {
    expect(lineStarting(plan(ALPRAZOLAM_RETAINED), 'Washout')).toMatch(
      /^Washout: 5 × longest half-life \(parent, upper end 12 h\) = 60 h = 3 days rounded up\. \[ashton-2002: /,
    );
    expect(lineStarting(plan(DIAZEPAM_HALF), 'Washout')).toMatch(
      /^Washout: 5 × longest half-life \(active metabolite, upper end 200 h\) = 1000 h = 42 days rounded up\. \[ashton-2002: /,
    );
    expect(lineStarting(plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1 }), 'Washout')).toMatch(
      /^Washout: 5 × longest half-life \(parent, upper end 2 h\) = 10 h = 1 days rounded up, not before 3 missed days: 3\. \[ashton-2002: /,
    );
  });
});

describe('washoutFor and anchors', () => {
  it('uses the active metabolite when it outlasts the parent, and the parent otherwise', () => {
    expect(washoutFor(drug('diazepam'))).toMatchObject({ which: 'active metabolite', longestHours: 200, rawDays: 42, days: 42 });
    expect(washoutFor(drug('clorazepate'))).toMatchObject({ which: 'active metabolite', longestHours: 200, days: 42 });
    expect(washoutFor(drug('lorazepam'))).toMatchObject({ which: 'parent', longestHours: 20, rawDays: 5, days: 5 });
    expect(washoutFor(drug('zolpidem'))).toMatchObject({ which: 'parent', longestHours: 2, rawDays: 1, days: 3 });
  });

  it('a metabolite shorter than, or as long as, the parent does not set the washout', () => {
    const diazepam = drug('diazepam');
    const metabolite = diazepam.metaboliteHalfLifeHours!;
    const shorter = { ...diazepam, metaboliteHalfLifeHours: { ...metabolite, value: { low: 10, high: 50 } } };
    expect(washoutFor(shorter)).toMatchObject({ which: 'parent', longestHours: 100, rawDays: 21, days: 21 });
    const equal = { ...diazepam, metaboliteHalfLifeHours: { ...metabolite, value: { low: 10, high: 100 } } };
    expect(washoutFor(equal)).toMatchObject({ which: 'parent', longestHours: 100 });
    expect(washoutFor(equal).provenance).toBe(diazepam.halfLifeHours);
  });

  it('a drug with no half-life at all is a programmer error naming the drug', () => {
    const broken = { ...drug('clorazepate'), halfLifeHours: undefined, metaboliteHalfLifeHours: undefined };
    expect(() => washoutFor(broken)).toThrow('programmer error: clorazepate has no half-life');
  });

  it('anchors: resume up to 2 missed days, half from 3, a quarter from washout, each with its basis', () => {
    // A fresh copy of the drug record: the anchors are computed here rather than taken from the per-drug memo.
    expect(benzodiazepineAnchors({ ...drug('lorazepam') }).map((a) => [a.fromMissedDays, a.retainedFraction.value, a.basis])).toEqual([
      [0, '1', 'up to 2 missed days: resume the prior dose'],
      [3, '0.5', '3 missed days until washout: at most half the prior dose'],
      [
        5,
        '0.25',
        'washed out (5 × 20 h parent half-life ≈ 5 days): at most a quarter of the prior dose and no more than 10 mg diazepam equivalents a day',
      ],
    ]);
    // Washout on day 3 (zolpidem): no separate half-dose anchor.
    expect(benzodiazepineAnchors({ ...drug('zolpidem') }).map((a) => a.fromMissedDays)).toEqual([0, 3]);
  });
});

describe('derivation: retained fraction, tolerance status and first step', () => {
  it('tolerance retained: r = 1, the prior dose is the first step', () => {
    const p = plan(ALPRAZOLAM_RETAINED);
    expect(lineStarting(p, 'Retained fraction')).toMatch(/^Retained fraction r = 1 for 1 missed days \(up to 2 missed days: resume the prior dose\)\. \[engine assumption: /);
    expect(lineStarting(p, 'Tolerance status')).toBe('Tolerance status: retained (r = 1).');
    expect(lineStarting(p, 'Labelled maximum')).toMatch(/^Labelled maximum: 10 mg a day; the prior dose is within it\. \[label-xanax: /);
    expect(lineStarting(p, 'First step')).toBe('First step: the prior dose, because tolerance is retained (r = 1): 1 mg × 2 a day = 2 mg daily.');
    expect(p.steps[0]!.rule).toBe('prior dose (tolerance retained)');
    expect(p.tolerance.anchor).toEqual({ fromMissedDays: 0, source: 'engine assumption', basis: 'up to 2 missed days: resume the prior dose' });
    expect(lineStarting(p, 'Step 1 from')).toBe('Step 1 from 2026-10-03: 1 mg + 1 mg = 2 mg daily ≈ 40 mg diazepam/day (prior dose (tolerance retained)).');
    expect(hasLineStarting(p, 'Step 2')).toBe(false);
    expect(p.warnings).toEqual([]);
  });

  it('before washout: r = 0.5, "some tolerance kept", no post-washout cap', () => {
    const p = plan(DIAZEPAM_HALF);
    expect(lineStarting(p, 'Retained fraction')).toContain('Retained fraction r = 0.5 for 4 missed days (3 missed days until washout: at most half the prior dose).');
    expect(lineStarting(p, 'Tolerance status')).toBe('Tolerance status: reduced (r = 0.5). Some tolerance is assumed kept; how much is not known.');
    expect(hasLineStarting(p, 'Post-washout cap')).toBe(false);
    expect(lineStarting(p, 'First step')).toBe('First step: at most prior daily × r = 30 × 0.5 = 15 mg, rounded down to real strengths: 5 mg × 3 a day = 15 mg daily.');
    expect(p.steps[0]!.rule).toBe('prior daily × r = 30 × 0.5 = 15 mg, rounded down to real strengths');
    expect(p.tolerance.anchor).toEqual({ fromMissedDays: 3, source: 'engine assumption', basis: '3 missed days until washout: at most half the prior dose' });
  });

  it('on the washout day itself (lorazepam, 5 missed days): r = 0.25 and the 10 mg DE cap applies', () => {
    const p = plan(LORAZEPAM_WASHOUT_DAY);
    expect(p.tolerance).toMatchObject({ retainedFraction: '0.25', washoutDays: 5 });
    expect(lineStarting(p, 'Retained fraction')).toContain(
      'Retained fraction r = 0.25 for 5 missed days (washed out (5 × 20 h parent half-life ≈ 5 days): at most a quarter of the prior dose and no more than 10 mg diazepam equivalents a day).',
    );
    expect(lineStarting(p, 'Tolerance status')).toMatch(
      /^Tolerance status: reduced \(r = 0\.25\)\. After washout "reduced" means tolerance to sedation and breathing depression may be largely gone/,
    );
    expect(lineStarting(p, 'Post-washout cap')).toMatch(
      /^Post-washout cap: 10 mg diazepam equivalents a day = 1 mg lorazepam a day \(1 mg ≈ 10 mg diazepam, the higher-potency figure\)\. \[joint-bzd-taper-2025: /,
    );
    expect(lineStarting(p, 'First step')).toBe(
      'First step: at most 10 mg diazepam equivalents = 1 mg (below prior daily × r), rounded down to real strengths: 0.5 mg × 2 a day = 1 mg daily.',
    );
    expect(p.steps[0]!.rule).toBe('10 mg diazepam equivalents = 1 mg (below prior daily × r), rounded down to real strengths');
  });

  it('one day before washout (lorazepam, 4 missed days): no cap, half the prior dose', () => {
    const p = plan({ ...LORAZEPAM_WASHOUT_DAY, missedDays: 4 });
    expect(hasLineStarting(p, 'Post-washout cap')).toBe(false);
    expect(lineStarting(p, 'Tolerance status')).toContain('Some tolerance is assumed kept');
    expect(p.steps[0]!.dailyDose.amount).toBe('3');
  });

  it('post-washout cap uses the higher-potency figure: temazepam by VA/DoD (15 mg), below prior × r the cap does not bind', () => {
    const p = plan({ drug: 'temazepam', dose: '30', timesPerDay: 1, missedDays: 5 });
    expect(lineStarting(p, 'Post-washout cap')).toContain('Post-washout cap: 10 mg diazepam equivalents a day = 15 mg temazepam a day (15 mg ≈ 10 mg diazepam, the higher-potency figure).');
    expect(lineStarting(p, 'First step')).toBe('First step: at most prior daily × r = 30 × 0.25 = 7.5 mg, rounded down to real strengths: 7.5 mg × 1 a day = 7.5 mg daily.');
  });

  it('triazolam: VA/DoD 0.25 mg is the higher-potency figure, so the cap is 0.25 mg a day', () => {
    const p = plan({ drug: 'triazolam', dose: '0.25', timesPerDay: 1, missedDays: 5 });
    expect(lineStarting(p, 'Post-washout cap')).toContain('= 0.25 mg triazolam a day (0.25 mg ≈ 10 mg diazepam, the higher-potency figure)');
  });

  it('the smallest unit is the floor when the ceiling is below it (zolpidem 10 mg after washout)', () => {
    const p = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 3 });
    expect(lineStarting(p, 'First step')).toBe(
      'First step: prior daily × r = 10 × 0.25 = 2.5 mg is below the smallest unit; the smallest unit once daily is the floor: 5 mg × 1 a day = 5 mg daily.',
    );
    expect(p.steps[0]!.rule).toBe('smallest unit once daily (prior daily × r = 10 × 0.25 = 2.5 mg is below the smallest unit)');
    const w = warning(p, 'SMALLEST_UNIT_ABOVE_CEILING');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['label-ambien']);
    expect(w.message).toContain('below the smallest tablet or capsule');
    expect(w.message).toContain('smallest unit once daily');
  });
});

describe('above the labelled maximum', () => {
  it('alprazolam 16 mg a day, tolerance retained: the target and first step are the 10 mg labelled maximum', () => {
    const p = plan({ drug: 'alprazolam', dose: '4', timesPerDay: 4, missedDays: 1 });
    expect(lineStarting(p, 'The prior dose is above the labelled maximum')).toMatch(
      /^The prior dose is above the labelled maximum \(10 mg a day\): no step goes above it; target 2\.5 mg × 4 a day = 10 mg daily\. \[label-xanax: .*\[engine assumption: bzd-above-label-maximum\]$/,
    );
    expect(hasLineStarting(p, 'Labelled maximum:')).toBe(false);
    expect(lineStarting(p, 'First step')).toBe('First step: the labelled maximum, because tolerance is retained (r = 1): 2.5 mg × 4 a day = 10 mg daily.');
    expect(p.steps[0]!.rule).toBe('prior dose capped at the labelled maximum (tolerance retained)');
    expect(lineStarting(p, 'Titration ceiling')).toContain('up to the labelled maximum (mirror of the Joint Guideline taper limit');
    const w = warning(p, 'ABOVE_LABEL_MAXIMUM');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['label-xanax']);
    expect(w.message).toContain('above the labelled maximum daily dose');
    expect(w.message).toContain('stops at the labelled maximum');
  });

  it('after washout the cap, not the label, sets the first step (0.5 mg = 10 mg DE)', () => {
    const p = plan({ drug: 'alprazolam', dose: '4', timesPerDay: 4, missedDays: 5 });
    expect(lineStarting(p, 'First step')).toBe(
      'First step: at most 10 mg diazepam equivalents = 0.5 mg (below prior daily × r), rounded down to real strengths: 0.125 mg × 4 a day = 0.5 mg daily.',
    );
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('10');
  });

  it('a product without a labelled maximum: no label line, titration back to the prior dose', () => {
    const validated = validateRequest(request({ drug: 'diazepam', dose: '10', timesPerDay: 3, missedDays: 1 }));
    if (!validated.ok) throw new Error('expected a valid request');
    const d = drug('diazepam');
    const formulation: BenzodiazepineFormulation = { ...d.formulations[0]!, maxDailyDose: undefined };
    const p = planBenzodiazepine(validated.request, d, formulation);
    expect(hasLineStarting(p, 'Labelled maximum')).toBe(false);
    expect(hasLineStarting(p, 'The prior dose is above')).toBe(false);
    expect(p.steps.map((s) => s.dailyDose.amount)).toEqual(['30']);
  });
});

describe('derivation: titration and steps', () => {
  it('titration ceiling: +25% no sooner than every 7 days up to the prior dose; each step written out', () => {
    const p = plan(DIAZEPAM_HALF);
    expect(lineStarting(p, 'Titration ceiling')).toMatch(
      /^Titration ceiling: each step at most \+ 25% of the current daily dose, or the smallest rise the strengths can make, no sooner than every 7 days, up to the prior dose \(mirror of the Joint Guideline taper limit of ≤ 25% every 2 weeks\)\. \[engine assumption: /,
    );
    expect(lineStarting(p, 'Step 1 from')).toBe(
      'Step 1 from 2026-10-06: 5 mg + 5 mg + 5 mg = 15 mg daily ≈ 15 mg diazepam/day (prior daily × r = 30 × 0.5 = 15 mg, rounded down to real strengths).',
    );
    expect(lineStarting(p, 'Step 2 from')).toBe(
      'Step 2 from 2026-10-13: 6.5 mg + 6 mg + 6 mg = 18.5 mg daily ≈ 18.5 mg diazepam/day (rise of at most 25% of the daily dose, rounded down to real strengths).',
    );
    expect(lineStarting(p, 'Step 5 from')).toBe('Step 5 from 2026-11-03: 10 mg + 10 mg + 10 mg = 30 mg daily ≈ 30 mg diazepam/day (reaches the prior dose (the target)).');
    expect(hasLineStarting(p, 'Step 6')).toBe(false);
    // Every step rises by 25% at most here: no "smallest rise" note; diazepam tablets are scored: no scoring note.
    expect(hasLineStarting(p, 'Where the real strengths')).toBe(false);
    expect(hasLineStarting(p, 'Tablets whose scoring')).toBe(false);
  });

  it('lorazepam after washout: the smallest-rise note and the unverified-scoring note with the strengths', () => {
    const p = plan(LORAZEPAM_WASHOUT_DAY);
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
    expect(lineStarting(p, 'Step 1 from')).toBe(
      'Step 1 from 2026-11-21: 3.75 mg + 3.75 mg = 7.5 mg daily ≈ 5 mg diazepam/day (prior daily × r = 30 × 0.25 = 7.5 mg, rounded down to real strengths).',
    );
  });
});

describe('warnings: code, severity, sources, message and derivation line', () => {
  // Built inside each test (not at collection time), so every assertion sees the code under test as it runs.
  const everythingPlan = () =>
    plan({
      ...LORAZEPAM_WASHOUT_DAY,
      patient: { ageYears: 65, respiratoryDisease: true, sleepApnea: true, alcoholUse: true },
      // Not lorazepam itself: the planned drug as its own concurrent medicine is an input error (self-concurrent).
      concurrent: ['oxycodone', 'morphine', 'gabapentin', 'pregabalin', 'alcohol'],
    });

  it('OPIOID_BENZODIAZEPINE: critical, names every opioid, offers naloxone', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'OPIOID_BENZODIAZEPINE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['fda-opioid-benzo-2016', 'joint-bzd-taper-2025', 'beers-2023']);
    expect(w.message).toMatch(/^LORazepam with oxyCODONE, morphine: combined use can cause profound sedation, respiratory depression, coma and death\./);
    expect(w.message).toContain('offer naloxone');
    expect(lineStarting(everything, 'Warning OPIOID_BENZODIAZEPINE')).toBe(
      'Warning OPIOID_BENZODIAZEPINE: concurrent oxycodone, morphine (FDA 2016 boxed warning; Joint Guideline Recs 16–18: offer naloxone).',
    );
  });

  it('BENZODIAZEPINE_GABAPENTINOID: warning, names the gabapentinoids, FDA 2019', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'BENZODIAZEPINE_GABAPENTINOID');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['fda-gabapentinoid-2019']);
    expect(w.message).toMatch(/^LORazepam with gabapentin, pregabalin: serious breathing problems/);
    expect(w.message).toContain('respiratory depression');
    expect(lineStarting(everything, 'Warning BENZODIAZEPINE_GABAPENTINOID')).toBe('Warning BENZODIAZEPINE_GABAPENTINOID: concurrent gabapentin, pregabalin.');
  });

  it('a gabapentinoid alone raises only the gabapentinoid warning', () => {
    expect(codes(plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, concurrent: ['gabapentin'] }))).toEqual(['BENZODIAZEPINE_GABAPENTINOID']);
    expect(codes(plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, concurrent: ['oxycodone'] }))).toEqual(['OPIOID_BENZODIAZEPINE']);
  });

  it('ALCOHOL: warning with the label source; the line says whether it is patient use or concurrent alcohol', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'ALCOHOL');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['fda-benzo-boxed-2020', 'label-ativan']);
    expect(w.message).toMatch(/^Alcohol with LORazepam adds to sedation and respiratory depression/);
    expect(w.message).toContain('not to drink');
    expect(w.message).toContain('alcohol withdrawal also causes seizures');
    expect(lineStarting(everything, 'Warning ALCOHOL')).toBe('Warning ALCOHOL: patient alcohol use.');
    const concurrentOnly = plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, concurrent: ['alcohol'] });
    expect(codes(concurrentOnly)).toEqual(['ALCOHOL']);
    expect(lineStarting(concurrentOnly, 'Warning ALCOHOL')).toBe('Warning ALCOHOL: concurrent alcohol.');
  });

  it('OLDER_ADULT from exactly 65 (not at 64): Beers "avoid", the age, and Z-drugs named as such', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'OLDER_ADULT');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['beers-2023', 'joint-bzd-taper-2025']);
    expect(w.message).toMatch(/^Age 65: the Beers Criteria say avoid benzodiazepines in older adults/);
    expect(w.message).toContain('falls');
    expect(lineStarting(everything, 'Warning OLDER_ADULT')).toMatch(/^Warning OLDER_ADULT: age 65 ≥ 65\. \[beers-2023: /);
    expect(codes(plan({ drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1, patient: { ageYears: 64 } }))).not.toContain('OLDER_ADULT');
    const z = plan({ drug: 'zolpidem', dose: '10', timesPerDay: 1, missedDays: 1, patient: { ageYears: 70 } });
    expect(warning(z, 'OLDER_ADULT').message).toMatch(/^Age 70: the Beers Criteria say avoid Z-drugs in older adults/);
  });

  it('RESPIRATORY_RISK: names respiratory disease, sleep apnea or both', () => {
    const everything = everythingPlan();
    const w = warning(everything, 'RESPIRATORY_RISK');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['label-ativan', 'fda-opioid-benzo-2016']);
    expect(w.message).toBe('Respiratory disease and sleep apnea: LORazepam can depress breathing, more so during sleep. Use the lowest dose and monitor.');
    expect(lineStarting(everything, 'Warning RESPIRATORY_RISK')).toBe('Warning RESPIRATORY_RISK: respiratory disease and sleep apnea.');
    const base = { drug: 'lorazepam', dose: '1', timesPerDay: 2, missedDays: 1 } as const;
    const lung = plan({ ...base, patient: { respiratoryDisease: true } });
    expect(warning(lung, 'RESPIRATORY_RISK').message).toMatch(/^Respiratory disease: LORazepam can depress breathing/);
    expect(lineStarting(lung, 'Warning RESPIRATORY_RISK')).toBe('Warning RESPIRATORY_RISK: respiratory disease.');
    const apnea = plan({ ...base, patient: { sleepApnea: true } });
    expect(warning(apnea, 'RESPIRATORY_RISK').message).toMatch(/^Sleep apnea: LORazepam can depress breathing/);
    expect(lineStarting(apnea, 'Warning RESPIRATORY_RISK')).toBe('Warning RESPIRATORY_RISK: sleep apnea.');
  });

  it('WITHDRAWAL_SEIZURE_RISK: critical, with the first and prior daily doses', () => {
    const p = plan(DIAZEPAM_HALF);
    expect(codes(p)).toEqual(['WITHDRAWAL_SEIZURE_RISK', 'BENZODIAZEPINE_TOLERANCE_REDUCED']);
    const w = warning(p, 'WITHDRAWAL_SEIZURE_RISK');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['fda-benzo-boxed-2020', 'joint-bzd-taper-2025']);
    expect(w.message).toContain('likely physically dependent before the break');
    expect(w.message).toContain('starts at 15 mg a day, well below the prior 30 mg');
    expect(w.message).toContain('seizures');
    expect(lineStarting(p, 'Warning WITHDRAWAL_SEIZURE_RISK')).toMatch(
      /^Warning WITHDRAWAL_SEIZURE_RISK: Table 2 risk "yes" and first step 15 < 0\.75 × prior 30\. \[engine assumption: bzd-seizure-warning-75-percent\]$/,
    );
  });

  it('BENZODIAZEPINE_TOLERANCE_REDUCED: warning about oversedation after the break', () => {
    const w = warning(plan(DIAZEPAM_HALF), 'BENZODIAZEPINE_TOLERANCE_REDUCED');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['joint-bzd-taper-2025', 'fda-benzo-boxed-2020']);
    expect(w.message).toMatch(/^Tolerance may be lower after the break/);
    expect(w.message).toContain('oversedation');
    expect(w.message).toContain('fatal respiratory depression');
  });

  it('EPILEPSY_INDICATION: info, only when the first step is below the prior dose', () => {
    const lower = plan({ drug: 'clonazepam', dose: '2', timesPerDay: 3, missedDays: 5 });
    const w = warning(lower, 'EPILEPSY_INDICATION');
    expect(w.severity).toBe('info');
    expect(w.sources).toEqual(['nhs-scotland-bzd']);
    expect(w.message).toMatch(/^clonazePAM may be prescribed for epilepsy: if so, a lower dose can provoke seizures\./);
    expect(lower.warnings.at(-1)!.code).toBe('EPILEPSY_INDICATION');
    expect(codes(plan({ drug: 'clonazepam', dose: '2', timesPerDay: 3, missedDays: 1 }))).not.toContain('EPILEPSY_INDICATION');
  });
});
