/**
 * Independent-review vignettes for antidepressant restarts, written from the sources before reading the
 * implementation: public JSON requests in, plan or refusal out. Each case names the amendment row (A2, A9) or
 * source that decides it. Dates: last dose 2026-11-01, so missedDays = restart − 2026-11-01 − 1.
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatISO, parseISO } from 'date-fns';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanRefusal, RestartPlan } from '../../src/engine/types.ts';

const LAST = '2026-11-01';
const day = (iso: string, n: number) => formatISO(addDays(parseISO(iso), n), { representation: 'date' });
/** The restart date after `missed` missed days (daily drugs: daysOff = missed + 1). */
const afterMissed = (missed: number) => day(LAST, missed + 1);

interface Req {
  drug: string;
  formulation?: string;
  dose: number | string;
  timesPerDay?: number;
  missed: number;
  patient?: Record<string, unknown>;
  concurrent?: unknown[];
}
const req = (r: Req) => ({
  drug: r.drug,
  ...(r.formulation ? { formulation: r.formulation } : {}),
  prior: { dose: r.dose, unit: 'mg', timesPerDay: r.timesPerDay ?? 1 },
  priorDurationDays: 365,
  lastDoseDate: LAST,
  restartDate: afterMissed(r.missed),
  patient: { ageYears: 45, ...r.patient },
  ...(r.concurrent ? { concurrent: r.concurrent } : {}),
});
function plan(r: Req): RestartPlan {
  const res = planRestart(req(r));
  if (!res.ok) throw new Error(JSON.stringify(res.refusal ?? res.errors));
  return res.plan;
}
function refused(r: Req): PlanRefusal {
  const res = planRestart(req(r));
  if (res.ok || !res.refusal) throw new Error(`expected a refusal, got ${JSON.stringify(res.ok ? res.plan.steps : res.errors)}`);
  return res.refusal;
}
const daily = (p: RestartPlan) => p.steps.map((s) => Number(s.dailyDose.amount));
const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);
const sev = (p: RestartPlan, code: string) => p.warnings.find((w) => w.code === code)?.severity;
const ceiling = (p: RestartPlan) => Math.max(...daily(p));

describe('issue 11 examples (A9 resume after short gaps; NICE NG222 1.4.14, 1.4.22)', () => {
  it('R1 venlafaxine XR 225 mg, 2 missed days → resume 225 mg', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 225, missed: 2 });
    expect(p.missedDays).toBe(2);
    expect(daily(p)).toEqual([225]);
    expect(p.decision?.action).toBe('resume');
    expect(codes(p)).toEqual(expect.arrayContaining(['AD_RESUME_PRIOR', 'AD_DISCONTINUATION_SYMPTOMS']));
  });
  it('R2 sertraline 150 mg, 3 missed days → resume 150 mg', () => {
    const p = plan({ drug: 'sertraline', dose: 150, missed: 3 });
    expect(daily(p)).toEqual([150]);
    expect(p.decision?.action).toBe('resume');
  });
  it('R3 sertraline 50 mg, 0 missed days → resume, no discontinuation warning (A9: "when missedDays ≥ 1")', () => {
    const p = plan({ drug: 'sertraline', dose: 50, missed: 0 });
    expect(daily(p)).toEqual([50]);
    expect(codes(p)).not.toContain('AD_DISCONTINUATION_SYMPTOMS');
  });
});

describe('A9 SSRI/SNRI/mirtazapine/vortioxetine/trazodone rows: ≤ 7 prior, 8–28 max(start, ½ prior), > 28 label start', () => {
  it('R4 sertraline 200 mg, 7 missed days → resume 200 mg (boundary ≤ 7)', () => {
    const p = plan({ drug: 'sertraline', dose: 200, missed: 7 });
    expect(daily(p)).toEqual([200]);
    expect(p.decision?.action).toBe('resume');
  });
  it('R5 sertraline 200 mg, 8 missed days → 100 mg, then 200 mg after the SSRI 7-day interval', () => {
    const p = plan({ drug: 'sertraline', dose: 200, missed: 8 });
    expect(daily(p)).toEqual([100, 200]);
    expect(p.steps.map((s) => s.start)).toEqual([afterMissed(8), day(afterMissed(8), 7)]);
    expect(p.decision?.action).toBe('retitrate');
  });
  it('R6 sertraline 200 mg, 28 missed days → still the partial restart (boundary 28)', () => {
    const p = plan({ drug: 'sertraline', dose: 200, missed: 28 });
    expect(daily(p)).toEqual([100, 200]);
  });
  it('R7 sertraline 200 mg, 29 missed days → label start 50 mg, +25–50 mg weekly to 200 (A9 > 28; §5)', () => {
    const p = plan({ drug: 'sertraline', dose: 200, missed: 29 });
    const d = daily(p);
    expect(d[0]).toBe(50);
    expect(d.at(-1)).toBe(200);
    for (let i = 1; i < d.length; i++) {
      expect(d[i]! - d[i - 1]!).toBeLessThanOrEqual(50);
      const gap = (parseISO(p.steps[i]!.start).getTime() - parseISO(p.steps[i - 1]!.start).getTime()) / 86_400_000;
      expect(gap).toBeGreaterThanOrEqual(7);
    }
  });
  it('R8 sertraline 50 mg, 10 missed days → max(50, 25) = 50 mg, one step (never above prior)', () => {
    const p = plan({ drug: 'sertraline', dose: 50, missed: 10 });
    expect(daily(p)).toEqual([50]);
  });
  it('R9 venlafaxine XR 225 mg, 10 missed days → 112.5 mg, then 225 mg after 4 days (venlafaxine interval)', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 225, missed: 10 });
    expect(daily(p)).toEqual([112.5, 225]);
    expect(p.steps[1]!.start).toBe(day(afterMissed(10), 4));
  });
  it('R10 venlafaxine XR 150 mg, 40 missed days → label start 37.5 mg, up to 150 mg', () => {
    const p = plan({ drug: 'venlafaxine', formulation: 'xr', dose: 150, missed: 40 });
    expect(daily(p)[0]).toBe(37.5);
    expect(ceiling(p)).toBe(150);
  });
  it('R11 mirtazapine 45 mg, 6 missed days → resume 45 mg', () => {
    expect(daily(plan({ drug: 'mirtazapine', dose: 45, missed: 6 }))).toEqual([45]);
  });
  it('R12 vortioxetine 20 mg, 15 missed days → 10 mg first, ceiling 20 mg', () => {
    const p = plan({ drug: 'vortioxetine', dose: 20, missed: 15 });
    expect(daily(p)[0]).toBe(10);
    expect(ceiling(p)).toBe(20);
  });
  it('R13 duloxetine 60 mg, 20 missed days → 30 mg first (max(30, 30)), ceiling 60 mg', () => {
    const p = plan({ drug: 'duloxetine', dose: 60, missed: 20 });
    expect(daily(p)[0]).toBeLessThanOrEqual(30);
    expect(ceiling(p)).toBe(60);
  });
});

describe('A9 fluoxetine: ≤ 28 prior; > 28 20 mg, +20 mg every 7 days', () => {
  it('R14 fluoxetine 40 mg, 28 missed days → resume 40 mg', () => {
    expect(daily(plan({ drug: 'fluoxetine', dose: 40, missed: 28 }))).toEqual([40]);
  });
  it('R15 fluoxetine 60 mg, 29 missed days → 20, 40, 60 mg weekly', () => {
    const p = plan({ drug: 'fluoxetine', dose: 60, missed: 29 });
    expect(daily(p)).toEqual([20, 40, 60]);
    expect(p.steps.map((s) => s.start)).toEqual([afterMissed(29), day(afterMissed(29), 7), day(afterMissed(29), 14)]);
  });
});

describe('A9 TCAs: ≤ 3 prior; 4–7 ½ prior; > 7 25 mg (10 mg ≥ 65)', () => {
  it('R16 amitriptyline 100 mg, 3 missed days → resume 100 mg', () => {
    expect(daily(plan({ drug: 'amitriptyline', dose: 100, missed: 3 }))).toEqual([100]);
  });
  it('R17 amitriptyline 100 mg, 4 missed days → 50 mg, then 100 mg after ≥ 3 days; TCA_RETITRATE', () => {
    const p = plan({ drug: 'amitriptyline', dose: 100, missed: 4 });
    expect(daily(p)).toEqual([50, 100]);
    const gap = (parseISO(p.steps[1]!.start).getTime() - parseISO(p.steps[0]!.start).getTime()) / 86_400_000;
    expect(gap).toBeGreaterThanOrEqual(3);
    expect(sev(p, 'TCA_RETITRATE')).toBe('warning');
  });
  it('R18 amitriptyline 100 mg, 7 missed days → 50 mg (boundary 7)', () => {
    expect(daily(plan({ drug: 'amitriptyline', dose: 100, missed: 7 }))[0]).toBe(50);
  });
  it('R19 amitriptyline 100 mg, 8 missed days → 25 mg, +25 mg steps to 100 mg', () => {
    const p = plan({ drug: 'amitriptyline', dose: 100, missed: 8 });
    const d = daily(p);
    expect(d[0]).toBe(25);
    expect(d.at(-1)).toBe(100);
    for (let i = 1; i < d.length; i++) expect(d[i]! - d[i - 1]!).toBeLessThanOrEqual(25);
  });
  it('R20 nortriptyline 75 mg, age 70, 10 missed days → 10 mg start; BEERS_AVOID (Beers 2023 strongly anticholinergic)', () => {
    const p = plan({ drug: 'nortriptyline', dose: 75, missed: 10, patient: { ageYears: 70 } });
    expect(daily(p)[0]).toBe(10);
    expect(sev(p, 'BEERS_AVOID')).toBe('warning');
  });
  it('R21 clomipramine 150 mg, 5 missed days → 75 mg', () => {
    expect(daily(plan({ drug: 'clomipramine', dose: 150, missed: 5 }))[0]).toBe(75);
  });
});

describe('A9 bupropion, vilazodone, MAOIs', () => {
  it('R22 bupropion XL 300 mg, 3 missed days → resume 300 mg; BUPROPION_SEIZURE critical', () => {
    const p = plan({ drug: 'bupropion', formulation: 'xl', dose: 300, missed: 3 });
    expect(daily(p)).toEqual([300]);
    expect(sev(p, 'BUPROPION_SEIZURE')).toBe('critical');
  });
  it('R23 bupropion XL 300 mg, 4 missed days → 150 mg, then 300 mg after ≥ 3 days', () => {
    const p = plan({ drug: 'bupropion', formulation: 'xl', dose: 300, missed: 4 });
    expect(daily(p)).toEqual([150, 300]);
    const gap = (parseISO(p.steps[1]!.start).getTime() - parseISO(p.steps[0]!.start).getTime()) / 86_400_000;
    expect(gap).toBeGreaterThanOrEqual(3);
  });
  it('R24 bupropion SR 200 mg twice daily, 2 missed days → resume, single dose ≤ 200 mg', () => {
    const p = plan({ drug: 'bupropion', formulation: 'sr', dose: 200, timesPerDay: 2, missed: 2 });
    expect(daily(p)).toEqual([400]);
    expect(Number(p.steps[0]!.dose.amount)).toBeLessThanOrEqual(200);
  });
  it('R25 bupropion while a benzodiazepine was stopped abruptly in the gap → BLOCK (label contraindication)', () => {
    const r = refused({ drug: 'bupropion', formulation: 'xl', dose: 300, missed: 3, concurrent: [{ drug: 'alprazolam', stoppedOn: '2026-11-03' }] });
    expect(r.path).toMatch(/^concurrent/);
  });
  it('R26 vilazodone 40 mg: 3 missed → resume; 4 missed → 10, 20 (day 7), 40 (day 14)', () => {
    expect(daily(plan({ drug: 'vilazodone', dose: 40, missed: 3 }))).toEqual([40]);
    const p = plan({ drug: 'vilazodone', dose: 40, missed: 4 });
    expect(daily(p)).toEqual([10, 20, 40]);
    expect(p.steps.map((s) => s.start)).toEqual([afterMissed(4), day(afterMissed(4), 7), day(afterMissed(4), 14)]);
  });
  it('R27 phenelzine 15 mg three times daily, 3 missed days → resume 45 mg; MAOI_TYRAMINE_DIET critical', () => {
    const p = plan({ drug: 'phenelzine', dose: 15, timesPerDay: 3, missed: 3 });
    expect(daily(p)).toEqual([45]);
    expect(sev(p, 'MAOI_TYRAMINE_DIET')).toBe('critical');
  });
  it('R28 phenelzine 60 mg/day: 14 missed → 30 mg; 15 missed → label start 15 mg', () => {
    expect(daily(plan({ drug: 'phenelzine', dose: 15, timesPerDay: 4, missed: 14 }))[0]).toBe(30);
    const p = plan({ drug: 'phenelzine', dose: 15, timesPerDay: 4, missed: 15 });
    expect(daily(p)[0]).toBe(15);
    expect(ceiling(p)).toBe(60);
  });
  it('R29 tranylcypromine 30 mg, 20 missed days → label start 10 mg', () => {
    expect(daily(plan({ drug: 'tranylcypromine', dose: 10, timesPerDay: 3, missed: 20 }))[0]).toBe(10);
  });
});

describe('A9 washout table (BLOCK MAOI_WASHOUT with earliest date)', () => {
  it('R30 sertraline after phenelzine stopped 2026-11-10 → no plan before 2026-11-24 (14 days)', () => {
    const r = refused({ drug: 'sertraline', dose: 100, missed: 14, concurrent: [{ drug: 'phenelzine', startedOn: '2026-11-02', stoppedOn: '2026-11-10' }] });
    expect(r.code).toBe('MAOI_WASHOUT');
    expect(r.earliestPlanDate).toBe('2026-11-24');
  });
  it('R31 phenelzine after fluoxetine taken in the gap, stopped 2026-11-20 → earliest 2026-12-25 (5 weeks)', () => {
    const r = refused({ drug: 'phenelzine', dose: 15, timesPerDay: 3, missed: 29, concurrent: [{ drug: 'fluoxetine', startedOn: '2026-11-05', stoppedOn: '2026-11-20' }] });
    expect(r.code).toBe('MAOI_WASHOUT');
    expect(r.earliestPlanDate).toBe('2026-12-25');
  });
  it('R32 phenelzine after sertraline started in the gap, stopped 2026-11-20 → earliest 2026-12-04 (14 days, EA)', () => {
    const r = refused({ drug: 'phenelzine', dose: 15, timesPerDay: 3, missed: 29, concurrent: [{ drug: 'sertraline', startedOn: '2026-11-05', stoppedOn: '2026-11-20' }] });
    expect(r.code).toBe('MAOI_WASHOUT');
    expect(r.earliestPlanDate).toBe('2026-12-04');
  });
  it('R33 sertraline after linezolid: last dose 2026-11-10 → refused on 11-10, allowed on 11-11 (24 h, FDA 2011), not 14 days', () => {
    const stop = [{ drug: 'linezolid', startedOn: '2026-11-03', stoppedOn: '2026-11-10' }];
    const r = refused({ drug: 'sertraline', dose: 100, missed: 8, concurrent: stop });
    expect(r.earliestPlanDate).toBe('2026-11-11');
    const p = plan({ drug: 'sertraline', dose: 100, missed: 9, concurrent: stop });
    expect(p.steps[0]!.start).toBe('2026-11-11');
  });
  it('R34 venlafaxine after IV methylene blue given 2026-11-05 → plan from 2026-11-06', () => {
    const mb = [{ drug: 'methylene-blue', startedOn: '2026-11-05', stoppedOn: '2026-11-05' }];
    expect(plan({ drug: 'venlafaxine', formulation: 'xr', dose: 150, missed: 4, concurrent: mb }).steps[0]!.start).toBe('2026-11-06');
    expect(refused({ drug: 'venlafaxine', formulation: 'xr', dose: 150, missed: 3, concurrent: mb }).earliestPlanDate).toBe('2026-11-06');
  });
  it('R35 sertraline while linezolid is still being given → refused (Prozac 4.1: starting during linezolid contraindicated)', () => {
    const r = refused({ drug: 'sertraline', dose: 100, missed: 5, concurrent: ['linezolid'] });
    // the antibiotic course is not stopped for the restart: the plan waits 24 hours after its last dose
    expect(r.alternative).toBe('Restart sertraline no sooner than 24 hours after the last dose of linezolid (when the course is finished; do not stop it for this). Until then manage discontinuation symptoms, with specialist advice.');
    // an irreversible MAOI keeps the washout wording
    expect(refused({ drug: 'sertraline', dose: 100, missed: 5, concurrent: ['phenelzine'] }).alternative).toMatch(/^Stop phenelzine and wait for the washout/);
  });
  it('R36 mirtazapine after moclobemide stopped 2026-11-08 → earliest 2026-11-09 (SPS: 24 h)', () => {
    const m = [{ drug: 'moclobemide', startedOn: '2026-11-02', stoppedOn: '2026-11-08' }];
    expect(refused({ drug: 'mirtazapine', dose: 30, missed: 6, concurrent: m }).earliestPlanDate).toBe('2026-11-09');
    expect(daily(plan({ drug: 'mirtazapine', dose: 30, missed: 7, concurrent: m }))).toEqual([30]);
  });
});

describe('A2 label caps', () => {
  it('R37 citalopram 40 mg, age 61 → ceiling 20 mg; CITALOPRAM_QT_CAP critical', () => {
    const p = plan({ drug: 'citalopram', dose: 40, missed: 2, patient: { ageYears: 61 } });
    expect(ceiling(p)).toBe(20);
    expect(sev(p, 'CITALOPRAM_QT_CAP')).toBe('critical');
  });
  it('R38 citalopram 40 mg, age 60 → no age cap (threshold is > 60)', () => {
    const p = plan({ drug: 'citalopram', dose: 40, missed: 2, patient: { ageYears: 60 } });
    expect(daily(p)).toEqual([40]);
    expect(codes(p)).not.toContain('CITALOPRAM_QT_CAP');
  });
  it('R39 citalopram 40 mg, mild hepatic impairment → 20 mg', () => {
    expect(ceiling(plan({ drug: 'citalopram', dose: 40, missed: 2, patient: { hepaticImpairment: 'mild' } }))).toBe(20);
  });
  it('R40 citalopram 40 mg with omeprazole (CYP2C19 inhibitor) → 20 mg', () => {
    const p = plan({ drug: 'citalopram', dose: 40, missed: 2, concurrent: ['omeprazole'] });
    expect(ceiling(p)).toBe(20);
    expect(sev(p, 'CITALOPRAM_QT_CAP')).toBe('critical');
  });
  it('R41 citalopram 40 mg with cimetidine (named by FDA 2012) → 20 mg', () => {
    expect(ceiling(plan({ drug: 'citalopram', dose: 40, missed: 2, concurrent: ['cimetidine'] }))).toBe(20);
  });
  it('R42 citalopram 60 mg, age 40 → ceiling 40 mg (FDA 2012: not above 40 mg/day); A2: a prior above a label cap → CRITICAL LABEL_CAP_APPLIED', () => {
    const p = plan({ drug: 'citalopram', dose: 60, missed: 1 });
    expect(ceiling(p)).toBe(40);
    expect(sev(p, 'LABEL_CAP_APPLIED')).toBe('critical');
    expect(p.warnings.find((w) => w.code === 'LABEL_CAP_APPLIED')?.sources).toEqual(['fda-citalopram-2012']);
    expect(sev(p, 'QT_PROLONGATION')).toBe('warning');
    // the 20 mg row (CITALOPRAM_QT_CAP) is for its own conditions only
    expect(codes(p)).not.toContain('CITALOPRAM_QT_CAP');
  });
  it('R43 escitalopram 20 mg: age 60 → 10 mg (ESCITALOPRAM_AGE_CAP critical); age 59 → 20 mg', () => {
    const p = plan({ drug: 'escitalopram', dose: 20, missed: 2, patient: { ageYears: 60 } });
    expect(ceiling(p)).toBe(10);
    expect(sev(p, 'ESCITALOPRAM_AGE_CAP')).toBe('critical');
    expect(daily(plan({ drug: 'escitalopram', dose: 20, missed: 2, patient: { ageYears: 59 } }))).toEqual([20]);
  });
  it('R44 escitalopram 20 mg, moderate hepatic impairment → 10 mg', () => {
    expect(ceiling(plan({ drug: 'escitalopram', dose: 20, missed: 2, patient: { hepaticImpairment: 'moderate' } }))).toBe(10);
  });
  it('R45 paroxetine IR 50 mg, age 65 → ceiling 40 mg; PAROXETINE_ELDERLY critical; BEERS_AVOID', () => {
    const p = plan({ drug: 'paroxetine', formulation: 'ir', dose: 50, missed: 2, patient: { ageYears: 65 } });
    expect(ceiling(p)).toBe(40);
    expect(sev(p, 'PAROXETINE_ELDERLY')).toBe('critical');
    expect(sev(p, 'BEERS_AVOID')).toBe('warning');
  });
  it('R46 paroxetine IR 40 mg, age 64 → resume 40 mg, no elderly cap or Beers row', () => {
    const p = plan({ drug: 'paroxetine', formulation: 'ir', dose: 40, missed: 2, patient: { ageYears: 64 } });
    expect(daily(p)).toEqual([40]);
    expect(codes(p)).not.toContain('PAROXETINE_ELDERLY');
    expect(codes(p)).not.toContain('BEERS_AVOID');
  });
});

describe('A2 Beers 2023 rows (age ≥ 65)', () => {
  it('R47 amitriptyline 50 mg, age 72 → BEERS_AVOID', () => {
    expect(sev(plan({ drug: 'amitriptyline', dose: 50, missed: 1, patient: { ageYears: 72 } }), 'BEERS_AVOID')).toBe('warning');
  });
  it('R48 sertraline 100 mg, age 70 → BEERS_SIADH; age 64 → none', () => {
    expect(sev(plan({ drug: 'sertraline', dose: 100, missed: 1, patient: { ageYears: 70 } }), 'BEERS_SIADH')).toBe('warning');
    expect(codes(plan({ drug: 'sertraline', dose: 100, missed: 1, patient: { ageYears: 64 } }))).not.toContain('BEERS_SIADH');
  });
  it('R49 mirtazapine 30 mg, age 80, history of falls → BEERS_FALLS', () => {
    expect(sev(plan({ drug: 'mirtazapine', dose: 30, missed: 1, patient: { ageYears: 80, historyOfFalls: true } }), 'BEERS_FALLS')).toBe('warning');
  });
  it('R50 sertraline + quetiapine + lorazepam, age 70 → BEERS_CNS_3PLUS', () => {
    expect(sev(plan({ drug: 'sertraline', dose: 100, missed: 1, patient: { ageYears: 70 }, concurrent: ['quetiapine', 'lorazepam'] }), 'BEERS_CNS_3PLUS')).toBe('warning');
  });
  it('R51 doxepin 50 mg (> 6 mg), age 70 → BEERS_AVOID', () => {
    expect(sev(plan({ drug: 'doxepin', dose: 50, missed: 1, patient: { ageYears: 70 } }), 'BEERS_AVOID')).toBe('warning');
  });
});

describe('ISMP output: Tall Man names in the decision text', () => {
  it('R52 bupropion decision rules write buPROPion (FDA Tall Man list: buPROPion – busPIRone)', () => {
    for (const missed of [2, 5]) {
      const p = plan({ drug: 'bupropion', formulation: 'xl', dose: 300, missed });
      expect(JSON.stringify([p.decision, p.warnings, p.steps.map((s) => s.rule)])).not.toMatch(/\b[Bb]upropion\b/);
    }
  });
});
