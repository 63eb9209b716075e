/**
 * Amendments A3 (gabapentinoid renal bands) and A10 (gabapentinoid with opioids, lamotrigine with valproate,
 * clozapine ANC monitoring and smoking): vignettes written from the label tables and sources named in each
 * test, and the protocol values pinned to their sources.
 */
import { describe, expect, it } from 'vitest';
import { LABELLED, LABELLED_CLASS } from '../../src/protocols/labelled/index.ts';
import { codes, dailies, plan, starts, warning } from '../antidepressants/helpers.ts';

const administrations = (p: ReturnType<typeof plan>) => p.steps.map((s) => s.administrations.join('+'));

describe('gabapentinoid renal bands (amendment A3; Neurontin and Lyrica renal tables)', () => {
  it('1. gabapentin 600 mg TID, CrCl 40, 1 missed day → resume within the 30–59 band: 700 mg BID (1,400 mg), RENAL_DOSE_CAP_GABAPENTINOID', () => {
    const p = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-03', patient: { creatinineClearanceMlMin: 40 } });
    expect(p.decision?.action).toBe('resume');
    expect(administrations(p)).toEqual(['700+700']);
    const w = warning(p, 'RENAL_DOSE_CAP_GABAPENTINOID')!;
    expect(w).toMatchObject({ severity: 'critical', sources: ['label-neurontin'] });
    expect(w.message).toMatch(/patient\.creatinineClearanceMlMin 40 mL\/min gives the label band CrCl 30–59 mL\/min \(400 mg to 1,400 mg daily\)/);
    expect(p.derivation.join('\n')).toMatch(/above the ceiling 1,400 mg daily \(RENAL_DOSE_CAP_GABAPENTINOID: patient\.creatinineClearanceMlMin 40 mL\/min\)/);
  });

  it('2. gabapentin 600 mg TID, CrCl 40, 9 missed days → lower of label titration and band schedule: 300, 400, 800, 900, 1,200, 1,400', () => {
    const p = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-11', patient: { creatinineClearanceMlMin: 40 } });
    expect(dailies(p)).toEqual(['300', '400', '800', '900', '1200', '1400']);
    expect(starts(p)).toEqual(['2026-11-11', '2026-11-12', '2026-11-14', '2026-11-17', '2026-11-20', '2026-11-27']);
    expect(p.steps.every((s) => s.timesPerDay <= 2)).toBe(true);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('gabapentinoid-band-restart');
  });

  it('3. gabapentin CrCl 20 (15–29 band, once daily): 200, 400, 600, 700 every 3 days', () => {
    const p = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-11', patient: { creatinineClearanceMlMin: 20 } });
    expect(dailies(p)).toEqual(['200', '400', '600', '700']);
    expect(p.steps.every((s) => s.timesPerDay === 1)).toBe(true);
  });

  it('4. pregabalin 150 mg BID, CrCl 45 (30–60 band, 75–300): band minimum 75 mg, + 75 every 3 days under the label titration; RENAL_DOSE_ADJUSTMENT', () => {
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-11', patient: { creatinineClearanceMlMin: 45 } });
    expect(dailies(p)).toEqual(['75', '150', '225', '300']);
    expect(warning(p, 'RENAL_DOSE_ADJUSTMENT')).toMatchObject({ severity: 'warning', sources: ['label-lyrica'] });
  });

  it('5. pregabalin at CrCl 60, which the label puts in both "≥ 60" and "30–60", uses the lower band (EA renal-band-shared-edge-lower); 61 uses ≥ 60', () => {
    const p = plan({ drug: 'pregabalin', dose: 300, times: 2, restart: '2026-11-02', patient: { creatinineClearanceMlMin: 60 } });
    expect(dailies(p)).toEqual(['300']);
    expect(codes(p)).toContain('RENAL_DOSE_CAP_GABAPENTINOID');
    expect(p.assumptionDetails.map((a) => a.id)).toContain('renal-band-shared-edge-lower');
    expect(dailies(plan({ drug: 'pregabalin', dose: 300, times: 2, restart: '2026-11-02', patient: { creatinineClearanceMlMin: 61 } }))).toEqual(['600']);
    // at 30 (in "30–60" and "15–30") the 15–30 band, at most 150 mg daily
    expect(dailies(plan({ drug: 'pregabalin', dose: 300, times: 2, restart: '2026-11-02', patient: { creatinineClearanceMlMin: 30 } }))).toEqual(['150']);
    // gabapentin's rows do not overlap: 60 is the ≥ 60 band
    const g = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-02', patient: { creatinineClearanceMlMin: 60 } });
    expect(dailies(g)).toEqual(['1800']);
    expect(g.assumptionDetails.map((a) => a.id)).not.toContain('renal-band-shared-edge-lower');
  });

  it('6. pregabalin on hemodialysis without a CrCl → the < 15 band (engine assumption), 75 mg once daily, supplement note', () => {
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-02', patient: { hemodialysis: true } });
    expect(administrations(p)).toEqual(['75']);
    expect(warning(p, 'RENAL_DOSE_CAP_GABAPENTINOID')?.message).toMatch(/engine assumption because no creatinine clearance was given/);
    expect(warning(p, 'GABAPENTINOID_HEMODIALYSIS')?.message).toMatch(/25–100 mg after each session/);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('gabapentinoid-renal-band-without-crcl');
  });

  it('7. without CrCl or renal flags the plan says it could not check the renal band (RENAL_FUNCTION_UNCHECKED)', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-02' });
    expect(warning(p, 'RENAL_FUNCTION_UNCHECKED')?.severity).toBe('info');
    expect(p.derivation.join('\n')).toMatch(/the plan could not check the label's renal dosing band/);
    expect(codes(plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-02' }))).not.toContain('RENAL_FUNCTION_UNCHECKED');
  });
});

describe('gabapentinoids with opioids or a substance use disorder (amendment A10; FDA 2019, UK 2019)', () => {
  it('8. pregabalin with methadone → GABAPENTINOID_OPIOID critical and GABAPENTINOID_MISUSE warning', () => {
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-02', concurrent: ['methadone'], patient: { creatinineClearanceMlMin: 90 } });
    expect(warning(p, 'GABAPENTINOID_OPIOID')?.severity).toBe('critical');
    expect(warning(p, 'GABAPENTINOID_MISUSE')?.severity).toBe('warning');
  });

  it('9. gabapentin with a substance use disorder and no opioid → misuse warning only', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-02', patient: { substanceUseDisorder: true, creatinineClearanceMlMin: 90 } });
    expect(warning(p, 'GABAPENTINOID_MISUSE')?.message).toMatch(/patient\.substanceUseDisorder/);
    expect(codes(p)).not.toContain('GABAPENTINOID_OPIOID');
  });
});

describe('lamotrigine with valproate (amendment A10; Lamictal label, psycheducation)', () => {
  it('10. lamotrigine 200 mg with valproate already taken → LAMOTRIGINE_VALPROATE critical naming the interaction; re-titration on the valproate schedule', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11', concurrent: ['valproate'] });
    const w = warning(p, 'LAMOTRIGINE_VALPROATE')!;
    expect(w.severity).toBe('critical');
    expect(w.message).toMatch(/valproate roughly doubles lamotrigine levels/);
    expect(p.steps[0]).toMatchObject({ everyOtherDay: true, dailyDose: { amount: '25' } });
  });

  it('11. valproate started in the gap → ceiling ½ prior (100 mg) even when resuming; the input is named', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-03', concurrent: [{ drug: 'valproate', startedOn: '2026-11-02' }] });
    expect(p.decision?.action).toBe('resume');
    expect(dailies(p)).toEqual(['100']);
    expect(warning(p, 'LAMOTRIGINE_VALPROATE')?.message).toMatch(/concurrent\.0\.startedOn 2026-11-02/);
    expect(p.derivation.join('\n')).toMatch(/Valproate was started during the gap \(concurrent\.0\.startedOn 2026-11-02, after the last dose 2026-11-01\): .* 0\.5 × 200 mg = 100 mg daily/);
    // valproate started before the last dose: no halving
    expect(dailies(plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-03', concurrent: [{ drug: 'valproate', startedOn: '2026-10-01' }] }))).toEqual(['200']);
  });
});

describe('clozapine: ANC monitoring and smoking (amendment A10)', () => {
  it('12. clozapine off 32 days → CLOZAPINE_ANC_NEW_PATIENT critical, says "label", not "REMS"', () => {
    const p = plan({ drug: 'clozapine', dose: 100, times: 2, last: '2026-10-01', restart: '2026-11-02' });
    const w = warning(p, 'CLOZAPINE_ANC_NEW_PATIENT')!;
    expect(w).toMatchObject({ severity: 'critical', sources: ['clozapine-anc-interruption'] });
    expect(w.message).toMatch(/label/);
    expect(p.warnings.map((x) => x.message).join(' ')).not.toMatch(/REMS/);
    expect(codes(p)).toContain('CLOZAPINE_RETITRATION');
  });

  it('13. clozapine off 29 days → ANC check and continue the previous schedule (warning); 30 days → new patient', () => {
    expect(warning(plan({ drug: 'clozapine', dose: 100, last: '2026-10-04', restart: '2026-11-02' }), 'CLOZAPINE_ANC_CONTINUE')?.severity).toBe('warning');
    expect(codes(plan({ drug: 'clozapine', dose: 100, last: '2026-10-03', restart: '2026-11-02' }))).toContain('CLOZAPINE_ANC_NEW_PATIENT');
  });

  it('14. clozapine 200 mg BID, smoked before the break, not now → ceiling 200 mg/day until a level; CLOZAPINE_SMOKING_CHANGE critical naming the inputs', () => {
    const p = plan({ drug: 'clozapine', dose: 200, times: 2, restart: '2026-11-02', patient: { smokedBeforeBreak: true } });
    expect(administrations(p)).toEqual(['100+100']);
    const w = warning(p, 'CLOZAPINE_SMOKING_CHANGE')!;
    expect(w.severity).toBe('critical');
    expect(w.message).toMatch(/patient\.smokedBeforeBreak true and patient\.smokesNow false/);
    expect(p.assumptionDetails.map((a) => a.id)).toContain('clozapine-smoking-half-prior');
    // still smoking: no change; started smoking: warning, ceiling stays the prior
    expect(dailies(plan({ drug: 'clozapine', dose: 200, times: 2, restart: '2026-11-02', patient: { smokedBeforeBreak: true, smokesNow: true } }))).toEqual(['400']);
    const started = plan({ drug: 'clozapine', dose: 200, times: 2, restart: '2026-11-02', patient: { smokesNow: true } });
    expect(dailies(started)).toEqual(['400']);
    expect(warning(started, 'CLOZAPINE_SMOKING_STARTED')?.severity).toBe('warning');
  });
});

describe('Beers 2023 for antiepileptics (amendment A2)', () => {
  it('15. lamotrigine at 70 with falls → BEERS_FALLS (antiepileptics: avoid except for seizures and mood disorders, amendment A2)', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, restart: '2026-11-02', patient: { ageYears: 70, historyOfFalls: true } });
    expect(warning(p, 'BEERS_FALLS')?.message).toMatch(/antiepileptics among the drugs to avoid in older adults with a history of falls, except for seizures and mood disorders/);
    expect(codes(plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-02', patient: { ageYears: 70, historyOfFalls: true } }))).not.toContain('BEERS_FALLS');
  });
});

describe('labelled protocol values of amendments A3 and A10 (pins)', () => {
  const byId = (id: string) => LABELLED.find((d) => d.id === id)!;
  it('pins the renal tables and class figures to their sources', () => {
    expect(byId('gabapentin').renal!.bands).toMatchObject({
      source: 'label-neurontin',
      value: [
        { fromCrCl: 60, label: '≥ 60', minDaily: '900', maxDaily: '3600', maxTimesPerDay: 3 },
        { fromCrCl: 30, label: '30–59', minDaily: '400', maxDaily: '1400', maxTimesPerDay: 2 },
        { fromCrCl: 15, label: '15–29', minDaily: '200', maxDaily: '700', maxTimesPerDay: 1 },
        { fromCrCl: 0, label: '< 15', minDaily: '100', maxDaily: '300', maxTimesPerDay: 1 },
      ],
    });
    expect(byId('gabapentin').renal!.hemodialysisSupplement).toMatchObject({ value: '125–350 mg', source: 'label-neurontin' });
    expect(byId('pregabalin').renal!.bands).toMatchObject({
      source: 'label-lyrica',
      value: [
        { fromCrCl: 60, fromExclusive: true, label: '≥ 60', minDaily: '150', maxDaily: '600', maxTimesPerDay: 3 },
        { fromCrCl: 30, fromExclusive: true, label: '30–60', minDaily: '75', maxDaily: '300', maxTimesPerDay: 3 },
        { fromCrCl: 15, label: '15–30', minDaily: '25', maxDaily: '150', maxTimesPerDay: 2 },
        { fromCrCl: 0, label: '< 15', minDaily: '25', maxDaily: '75', maxTimesPerDay: 1 },
      ],
    });
    expect(byId('pregabalin').renal!.hemodialysisSupplement).toMatchObject({ value: '25–100 mg', source: 'label-lyrica' });
    expect(LABELLED_CLASS).toEqual({
      renalImpairmentBandFromCrCl: { value: 30, assumption: 'gabapentinoid-renal-band-without-crcl' },
      hemodialysisBandFromCrCl: { value: 0, assumption: 'gabapentinoid-renal-band-without-crcl' },
      bandRestartIntervalDays: { value: 3, assumption: 'gabapentinoid-band-restart' },
      clozapineAncNewPatientDaysOff: expect.objectContaining({ value: 30, source: 'clozapine-anc-interruption' }),
      clozapineSmokingStoppedFraction: { value: '0.5', assumption: 'clozapine-smoking-half-prior' },
      lamotrigineValproateStartedFraction: expect.objectContaining({ value: '0.5', source: 'psycheducation-lamotrigine-valproate' }),
    });
  });
});
