/**
 * Independent-review vignettes for drugs with labelled restart rules (cloZAPine, lamotrigine, QUEtiapine,
 * carBAMazepine, gabapentin, pregabalin), written from the sources before reading the implementation: public
 * JSON requests in, plans out. Each case names the amendment row (A3, A10) or label rule that decides it.
 * Dates: last dose 2026-11-01; daysOff = restart − last dose; missedDays = daysOff − 1.
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatISO, parseISO } from 'date-fns';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

const LAST = '2026-11-01';
const day = (iso: string, n: number) => formatISO(addDays(parseISO(iso), n), { representation: 'date' });

interface Req {
  drug: string;
  formulation?: string;
  dose: number | string;
  timesPerDay?: number;
  daysOff: number;
  patient?: Record<string, unknown>;
  concurrent?: unknown[];
}
const req = (r: Req) => ({
  drug: r.drug,
  ...(r.formulation ? { formulation: r.formulation } : {}),
  prior: { dose: r.dose, unit: 'mg', timesPerDay: r.timesPerDay ?? 1 },
  priorDurationDays: 365,
  lastDoseDate: LAST,
  restartDate: day(LAST, r.daysOff),
  patient: { ageYears: 45, ...r.patient },
  ...(r.concurrent ? { concurrent: r.concurrent } : {}),
});
function plan(r: Req): RestartPlan {
  const res = planRestart(req(r));
  if (!res.ok) throw new Error(JSON.stringify(res.refusal ?? res.errors));
  return res.plan;
}
const daily = (p: RestartPlan) => p.steps.map((s) => Number(s.dailyDose.amount));
const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);
const sev = (p: RestartPlan, code: string) => p.warnings.find((w) => w.code === code)?.severity;
const ceiling = (p: RestartPlan) => Math.max(...daily(p));
const gapDays = (a: string, b: string) => (parseISO(b).getTime() - parseISO(a).getTime()) / 86_400_000;

const gaba = (daysOff: number, patient: Record<string, unknown> = {}, concurrent?: unknown[]): Req => ({
  drug: 'gabapentin', formulation: 'capsule', dose: 600, timesPerDay: 3, daysOff, patient, ...(concurrent ? { concurrent } : {}),
});
const prega = (daysOff: number, patient: Record<string, unknown> = {}): Req => ({
  drug: 'pregabalin', formulation: 'capsule', dose: 300, timesPerDay: 2, daysOff, patient,
});

describe('A3 gabapentin renal bands (NEURONTIN label table): ceiling = min(prior, band maximum)', () => {
  it('L1 gabapentin 1,800 mg/day, CrCl 70, 2 missed days → resume 1,800 mg', () => {
    const p = plan(gaba(3, { creatinineClearanceMlMin: 70 }));
    expect(p.missedDays).toBe(2);
    expect(daily(p)).toEqual([1800]);
    expect(codes(p)).not.toContain('RENAL_DOSE_CAP_GABAPENTINOID');
  });
  it('L2 CrCl 60 (boundary, ≥ 60 band) → 1,800 mg, no renal cap', () => {
    const p = plan(gaba(2, { creatinineClearanceMlMin: 60 }));
    expect(daily(p)).toEqual([1800]);
    expect(codes(p)).not.toContain('RENAL_DOSE_CAP_GABAPENTINOID');
  });
  it('L3 CrCl 59 → 30–59 band: ≤ 1,400 mg/day, ≤ 2 a day; RENAL_DOSE_CAP_GABAPENTINOID critical', () => {
    const p = plan(gaba(2, { creatinineClearanceMlMin: 59 }));
    expect(ceiling(p)).toBeLessThanOrEqual(1400);
    expect(p.steps.every((s) => s.timesPerDay <= 2)).toBe(true);
    expect(sev(p, 'RENAL_DOSE_CAP_GABAPENTINOID')).toBe('critical');
  });
  it('L4 CrCl 30 (boundary, still 30–59) → ceiling 1,400 mg (700 mg twice daily)', () => {
    expect(ceiling(plan(gaba(2, { creatinineClearanceMlMin: 30 })))).toBe(1400);
  });
  it('L5 CrCl 29 → 15–29 band: ≤ 700 mg once daily', () => {
    const p = plan(gaba(2, { creatinineClearanceMlMin: 29 }));
    expect(ceiling(p)).toBeLessThanOrEqual(700);
    expect(ceiling(p)).toBeGreaterThan(300);
    expect(p.steps.every((s) => s.timesPerDay === 1)).toBe(true);
  });
  it('L6 CrCl 15 (boundary, still 15–29) → ≤ 700 mg, above the < 15 band', () => {
    const c = ceiling(plan(gaba(2, { creatinineClearanceMlMin: 15 })));
    expect(c).toBeLessThanOrEqual(700);
    expect(c).toBeGreaterThan(300);
  });
  it('L7 CrCl 14 → < 15 band: ≤ 300 mg once daily', () => {
    const p = plan(gaba(2, { creatinineClearanceMlMin: 14 }));
    expect(ceiling(p)).toBeLessThanOrEqual(300);
    expect(sev(p, 'RENAL_DOSE_CAP_GABAPENTINOID')).toBe('critical');
  });
  it('L8 renalImpairment without CrCl → the 30–59 band (EA, said so): ≤ 1,400 mg', () => {
    const p = plan(gaba(2, { renalImpairment: true }));
    expect(ceiling(p)).toBeLessThanOrEqual(1400);
    expect(p.warnings.some((w) => /30.59/.test(w.message))).toBe(true);
  });
  it('L9 haemodialysis, CrCl 10 → daily ≤ 300 mg, and the post-dialysis supplement is mentioned', () => {
    const p = plan(gaba(2, { creatinineClearanceMlMin: 10, hemodialysis: true }));
    expect(ceiling(p)).toBeLessThanOrEqual(300);
    expect(JSON.stringify(p.warnings) + p.derivation.join('\n')).toMatch(/dialysis/i);
  });
  it('L10 gabapentin 3,600 mg/day, CrCl 90, 3 missed days → never above the A3 band schedule (900 mg, + 900 mg every 3 days); reaches 3,600', () => {
    // A3 (EA) gives the band schedule; the restart model's hard invariant (an added risk factor never raises a step)
    // keeps the label's new-patient titration as a second ceiling, since a plan without a CrCl follows it.
    const p = plan({ drug: 'gabapentin', formulation: 'capsule', dose: 1200, timesPerDay: 3, daysOff: 4, patient: { creatinineClearanceMlMin: 90 } });
    const d = daily(p);
    expect(d[0]).toBeLessThanOrEqual(900);
    expect(d.at(-1)).toBe(3600);
    p.steps.forEach((s, i) => expect(d[i]!).toBeLessThanOrEqual(900 * (1 + Math.floor(gapDays(p.steps[0]!.start, s.start) / 3))));
    expect(p.decision?.action).toBe('retitrate');
  });
  it('L11 gabapentin 100 mg three times daily (300 mg/day, below the band minimum), 5 missed days → 300 mg, never above prior', () => {
    const p = plan({ drug: 'gabapentin', formulation: 'capsule', dose: 100, timesPerDay: 3, daysOff: 6, patient: { creatinineClearanceMlMin: 90 } });
    expect(ceiling(p)).toBe(300);
  });
});

describe('A3 pregabalin renal bands (LYRICA Table 2)', () => {
  it('L12 pregabalin 600 mg/day, CrCl 45 → ≤ 300 mg/day; RENAL_DOSE_CAP_GABAPENTINOID critical', () => {
    const p = plan(prega(2, { creatinineClearanceMlMin: 45 }));
    expect(ceiling(p)).toBeLessThanOrEqual(300);
    expect(sev(p, 'RENAL_DOSE_CAP_GABAPENTINOID')).toBe('critical');
  });
  it('L13 CrCl 60 sits in both the ≥ 60 and 30–60 rows: the lower band (≤ 300 mg) is the conservative reading', () => {
    const p = plan(prega(2, { creatinineClearanceMlMin: 60 }));
    expect(ceiling(p)).toBe(300);
    expect(p.derivation.join('\n')).toMatch(/30–60 mL\/min.*the lower band is taken/);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('renal-band-shared-edge-lower');
    // just above the edge the ≥ 60 row alone applies
    expect(ceiling(plan(prega(2, { creatinineClearanceMlMin: 61 })))).toBe(600);
  });
  it('L14 CrCl 30 (in 30–60 and 15–30): ≤ 150 mg conservative; CrCl 15 → ≤ 150; CrCl 14 → ≤ 75', () => {
    expect(ceiling(plan(prega(2, { creatinineClearanceMlMin: 30 })))).toBeLessThanOrEqual(150);
    const at15 = ceiling(plan(prega(2, { creatinineClearanceMlMin: 15 })));
    expect(at15).toBeLessThanOrEqual(150);
    expect(at15).toBeGreaterThan(75);
    expect(ceiling(plan(prega(2, { creatinineClearanceMlMin: 14 })))).toBeLessThanOrEqual(75);
  });
  it('L15 pregabalin on haemodialysis, CrCl 8 → ≤ 75 mg/day', () => {
    expect(ceiling(plan(prega(2, { creatinineClearanceMlMin: 8, hemodialysis: true })))).toBeLessThanOrEqual(75);
  });
  it('L16 pregabalin 600 mg/day, CrCl 90, 3 missed days → 150 mg first, never above + 150 mg every 3 days; reaches 600', () => {
    const p = plan(prega(4, { creatinineClearanceMlMin: 90 }));
    const d = daily(p);
    expect(d[0]).toBe(150);
    expect(d.at(-1)).toBe(600);
    p.steps.forEach((s, i) => expect(d[i]!).toBeLessThanOrEqual(150 * (1 + Math.floor(gapDays(p.steps[0]!.start, s.start) / 3))));
  });
});

describe('A10 gabapentinoid + opioid / SUD; Beers opioid + gabapentinoid', () => {
  it('L17 gabapentin with oxycodone → GABAPENTINOID_OPIOID critical', () => {
    expect(sev(plan(gaba(2, { creatinineClearanceMlMin: 90 }, ['oxycodone'])), 'GABAPENTINOID_OPIOID')).toBe('critical');
  });
  it('L18 pregabalin with a substance use disorder → GABAPENTINOID_MISUSE warning', () => {
    expect(sev(plan(prega(2, { creatinineClearanceMlMin: 90, substanceUseDisorder: true })), 'GABAPENTINOID_MISUSE')).toBe('warning');
  });
  it('L19 pregabalin with methadone, age 70 → BEERS_OPIOID_GABAPENTINOID critical', () => {
    const p = plan({ ...prega(2, { ageYears: 70, creatinineClearanceMlMin: 90 }), concurrent: ['methadone'] });
    expect(sev(p, 'BEERS_OPIOID_GABAPENTINOID')).toBe('critical');
    expect(sev(p, 'GABAPENTINOID_OPIOID')).toBe('critical');
  });
});

describe('A10 lamotrigine + valproate; label 5 half-lives', () => {
  it('L20 lamotrigine 200 mg with valproate, 10 days off → 25 mg every other day (weeks 1–2), 25 mg daily (weeks 3–4); LAMOTRIGINE_VALPROATE critical', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, timesPerDay: 2, daysOff: 10, concurrent: ['valproate'] });
    const restart = day(LAST, 10);
    expect(p.steps[0]).toMatchObject({ start: restart, everyOtherDay: true, dose: { amount: '25', unit: 'mg' } });
    expect(p.steps[1]).toMatchObject({ start: day(restart, 14), dailyDose: { amount: '25', unit: 'mg' } });
    expect(p.steps[1]!.everyOtherDay).toBeFalsy();
    expect(ceiling(p)).toBeLessThanOrEqual(200);
    expect(sev(p, 'LAMOTRIGINE_VALPROATE')).toBe('critical');
  });
  it('L21 lamotrigine 200 mg, valproate started in the gap, 2 days off → ceiling 100 mg (½ prior)', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, timesPerDay: 2, daysOff: 3, concurrent: [{ drug: 'valproate', startedOn: '2026-11-02' }] });
    expect(ceiling(p)).toBeLessThanOrEqual(100);
    expect(sev(p, 'LAMOTRIGINE_VALPROATE')).toBe('critical');
  });
  it('L22 lamotrigine 200 mg, 4 days off (< 5 half-lives of 22.8 h) → resume 200 mg', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, timesPerDay: 2, daysOff: 4 });
    expect(daily(p)).toEqual([200]);
    expect(p.decision?.action).toBe('resume');
  });
  it('L23 lamotrigine 200 mg, 8 days off (> 5 half-lives) → initial dosing: 25 mg daily for 2 weeks, then 50 mg', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, timesPerDay: 2, daysOff: 8 });
    expect(p.decision?.action).toBe('retitrate');
    expect(daily(p).slice(0, 2)).toEqual([25, 50]);
    expect(gapDays(p.steps[0]!.start, p.steps[1]!.start)).toBe(14);
    expect(ceiling(p)).toBe(200);
  });
});

describe('cloZAPine: label 2 days → 12.5 mg; A10 ANC ≥ 30 days; smoking change', () => {
  it('L24 clozapine 300 mg, daysOff 1 → resume 300 mg', () => {
    const p = plan({ drug: 'clozapine', dose: 150, timesPerDay: 2, daysOff: 1 });
    expect(daily(p)).toEqual([300]);
  });
  it('L25 clozapine 300 mg, daysOff 2 (missedDays 1: "2 days or more since the last dose") → 12.5 mg start', () => {
    const p = plan({ drug: 'clozapine', dose: 150, timesPerDay: 2, daysOff: 2 });
    expect(p.missedDays).toBe(1);
    expect(p.steps[0]!.dose.amount).toBe('12.5');
    expect(daily(p)[0]).toBeLessThanOrEqual(25);
    expect(p.decision?.action).toBe('retitrate');
    expect(p.decision?.rule).toMatch(/cloZAPine/);
    expect(ceiling(p)).toBe(300);
  });
  it('L26 clozapine off 30 days → CLOZAPINE_ANC_NEW_PATIENT critical; off 29 days → not', () => {
    expect(sev(plan({ drug: 'clozapine', dose: 150, timesPerDay: 2, daysOff: 30 }), 'CLOZAPINE_ANC_NEW_PATIENT')).toBe('critical');
    expect(codes(plan({ drug: 'clozapine', dose: 150, timesPerDay: 2, daysOff: 29 }))).not.toContain('CLOZAPINE_ANC_NEW_PATIENT');
  });
  it('L27 clozapine 400 mg, smoked before the break, not now → ceiling 200 mg; CLOZAPINE_SMOKING_CHANGE critical', () => {
    const p = plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 1, patient: { smokedBeforeBreak: true, smokesNow: false } });
    expect(ceiling(p)).toBeLessThanOrEqual(200);
    expect(sev(p, 'CLOZAPINE_SMOKING_CHANGE')).toBe('critical');
    const r = plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 10, patient: { smokedBeforeBreak: true, smokesNow: false } });
    expect(ceiling(r)).toBeLessThanOrEqual(200);
  });
  it('L28 clozapine 400 mg, started smoking → ceiling stays 400 mg with a warning', () => {
    const p = plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 1, patient: { smokedBeforeBreak: false, smokesNow: true } });
    expect(ceiling(p)).toBe(400);
    expect(p.warnings.some((w) => /smok/i.test(w.message))).toBe(true);
  });
});

describe('QUEtiapine (label: < 1 week resume, > 1 week initial titration); carBAMazepine', () => {
  it('L29 quetiapine 300 mg, 6 days off → resume 300 mg', () => {
    expect(daily(plan({ drug: 'quetiapine', dose: 150, timesPerDay: 2, daysOff: 6 }))).toEqual([300]);
  });
  it('L29b quetiapine 300 mg, exactly 7 days since the last dose (missedDays 6) → re-titrate (label: > 1 week; exactly 1 week counted as re-titrate)', () => {
    const p = plan({ drug: 'quetiapine', dose: 150, timesPerDay: 2, daysOff: 7 });
    expect(p.missedDays).toBe(6);
    expect(p.decision?.action).toBe('retitrate');
  });
  it('L30 quetiapine 300 mg, 8 days off → re-titrate from the initial schedule up to 300 mg', () => {
    const p = plan({ drug: 'quetiapine', dose: 150, timesPerDay: 2, daysOff: 8 });
    expect(p.decision?.action).toBe('retitrate');
    expect(daily(p)[0]).toBeLessThanOrEqual(50);
    expect(ceiling(p)).toBe(300);
  });
  it('L31 carbamazepine 800 mg/day, 14 days off → re-titrate (autoinduction lost), first step ≤ 400 mg', () => {
    const p = plan({ drug: 'carbamazepine', formulation: 'tablet', dose: 400, timesPerDay: 2, daysOff: 14 });
    expect(p.decision?.action).toBe('retitrate');
    expect(daily(p)[0]).toBeLessThanOrEqual(400);
    expect(ceiling(p)).toBeLessThanOrEqual(800);
  });
});

describe('ISMP output: Tall Man names in warning text (FDA and ISMP Tall Man list: cloZAPine, QUEtiapine, carBAMazepine)', () => {
  it('L32 warnings and refusal-free plans never write the plain-case name', () => {
    const plans = [
      plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 40, patient: { smokedBeforeBreak: true } }),
      plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 5 }),
      plan({ drug: 'clozapine', dose: 200, timesPerDay: 2, daysOff: 1, patient: { smokesNow: true } }),
      plan({ drug: 'quetiapine', dose: 150, timesPerDay: 2, daysOff: 10 }),
      plan({ drug: 'carbamazepine', formulation: 'tablet', dose: 400, timesPerDay: 2, daysOff: 14 }),
      plan({ drug: 'carbamazepine', formulation: 'tablet', dose: 400, timesPerDay: 2, daysOff: 14, concurrent: ['linezolid'] }),
    ];
    for (const p of plans) {
      for (const w of p.warnings) expect(`${w.code}: ${w.message}`).not.toMatch(/\b([Cc]lozapine|[Qq]uetiapine|[Cc]arbamazepine)\b/);
      expect(codes(p).length).toBeGreaterThan(0);
    }
  });
});
