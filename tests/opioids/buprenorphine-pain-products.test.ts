/**
 * Buprenorphine for pain: Butrans transdermal patch (5–20 mcg/h, 7 days) and Belbuca buccal film (75–900 mcg every
 * 12 hours). Pins the label numbers in the protocol data, and plans JSON requests through planRestart: retained,
 * reduced and lost tolerance from each product; no MME (CDC 2022 caution 6); the FHIR patch rate.
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { planToFhirBundle, RXNORM_SYSTEM, UCUM_SYSTEM } from '../../src/export/fhir.ts';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { SOURCES } from '../../src/protocols/sources.ts';
import { ASSUMPTIONS } from '../../src/protocols/assumptions.ts';
import { opioidForm } from './helpers.ts';

const P = OPIOID_CLASS.buprenorphine.pain;
const patch = opioidForm('buprenorphine', 'patch');
const film = opioidForm('buprenorphine', 'buccal-film');

function planJson(json: string): RestartPlan {
  const result = planRestart(JSON.parse(json)) as { ok: boolean; plan?: RestartPlan };
  if (!result.ok || !result.plan || 'refused' in result.plan) throw new Error(`no plan: ${JSON.stringify(result).slice(0, 300)}`);
  return result.plan;
}
const req = (formulation: string, dose: string, unit: string, timesPerDay: number, restartDate: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ drug: 'buprenorphine', formulation, prior: { dose, unit, timesPerDay }, priorDurationDays: 90, lastDoseDate: '2026-11-01', restartDate, ...extra });
const stepsOf = (p: RestartPlan) => p.steps.map((s) => [s.start, s.administrations.join('+'), s.dailyDose.amount]);
const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);

describe('protocol pins: Butrans patch', () => {
  it('strengths, naive start, wear time, titration interval, maximum (QTc), opioid-experienced strengths', () => {
    expect(patch).toMatchObject({ route: 'transdermal', release: 'extended', unitForm: 'patch', unit: 'mcg/h' });
    expect(patch.strengths.map((s) => s.amount)).toEqual(['5', '7.5', '10', '15', '20']);
    expect(patch.naiveStart!.dose).toMatchObject({ value: '5', source: 'label-butrans' });
    expect(patch.naiveStart!.timesPerDay.value).toBe(1);
    expect(patch.wearHours).toMatchObject({ value: 168, source: 'fda-ndc-butrans' });
    expect(patch.titrationIntervalsDays).toMatchObject({ value: [3], source: 'label-butrans' });
    expect(patch.maxSingleDose).toMatchObject({ value: '20', source: 'label-butrans' });
    expect(patch.maxDailyDose).toMatchObject({ value: '20', source: 'label-butrans' });
    expect(JSON.stringify(patch.maxDailyDose)).toContain('QTc');
    expect(patch.restrictedAbove).toMatchObject({ singleDoseAtLeast: '7.5', source: 'label-butrans' });
  });
  it('conversion rules from the label: < 30 MME → 5 mcg/h; 30–80 MME → taper to ≤ 30, then 10 mcg/h', () => {
    expect(P.conversionLowBandBelowMme).toMatchObject({ value: '30', source: 'label-butrans' });
    expect(P.taperToMme).toMatchObject({ value: '30', source: 'label-butrans' });
    expect(P.patchFrom30To80MmeMcgH).toMatchObject({ value: '10', source: 'label-butrans' });
    expect(P.patchExperiencedUpToMme).toMatchObject({ value: '80', source: 'label-butrans' });
    expect(P.patchQtcMaxMcgH).toMatchObject({ value: '20', source: 'label-butrans' });
  });
});

describe('protocol pins: Belbuca buccal film', () => {
  it('strengths, naive start 75 mcg once daily, every 12 hours, 4-day interval, + 150 mcg steps, largest 900 mcg every 12 h', () => {
    expect(film).toMatchObject({ route: 'buccal', unitForm: 'film', unit: 'mcg' });
    expect(film.strengths.map((s) => s.amount)).toEqual(['75', '150', '300', '450', '600', '750', '900']);
    expect(film.naiveStart!.dose).toMatchObject({ value: '75', source: 'label-belbuca' });
    expect(film.naiveStart!.timesPerDay.value).toBe(1);
    expect(film.maxTimesPerDay).toMatchObject({ value: 2, source: 'label-belbuca' });
    expect(film.titrationIntervalsDays).toMatchObject({ value: [4], source: 'label-belbuca' });
    expect(film.maxSingleDose!.value).toBe('900');
    expect(film.maxDailyDose!.value).toBe('1800');
    expect(P.filmSecondDoseMcg).toMatchObject({ value: '150', source: 'label-belbuca' });
    expect(P.filmIncrementMcg).toMatchObject({ value: '150', source: 'label-belbuca' });
  });
  it('every source is registered with a URL; the restart rule is a labelled engine assumption; no MME is sourced to CDC 2022', () => {
    for (const id of ['label-butrans', 'label-belbuca', 'belbuca-hcp-dosing', 'fda-ndc-butrans']) expect(SOURCES[id]?.url, id).toMatch(/^https:\/\//);
    expect(P.restartRule).toMatchObject({ assumption: 'buprenorphine-pain-restart' });
    expect(ASSUMPTIONS['buprenorphine-pain-restart']?.rationale).toContain('Neither label gives a missed-dose or restart rule');
    expect(P.noMme.source).toBe('cdc-2022');
  });
});

describe('vignettes from Butrans (JSON through planRestart)', () => {
  it('retained: 20 mcg/h, 1 missed day, no full agonist → the prior patch; no MME, no dailyEquivalent', () => {
    const p = planJson(req('patch', '20', 'mcg/h', 1, '2026-11-03', { fullAgonistUsedDuringBreak: false }));
    expect(p.tolerance).toEqual({ retainedFraction: '1', status: 'retained' });
    expect(stepsOf(p)).toEqual([['2026-11-03', '20', '20']]);
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(p.prior.components).toEqual([expect.objectContaining({ path: 'prior', dailyDose: { amount: '20', unit: 'mcg/h' } })]);
    expect(p.prior.components![0]!.dailyEquivalent).toBeUndefined();
    expect(codes(p)).toEqual(expect.arrayContaining(['BUPRENORPHINE_NO_MME', 'BUTRANS_QTC_MAX']));
    expect(codes(p)).not.toContain('BUPRENORPHINE_PAIN_RESTART');
    expect(codes(p)).not.toContain('BUPRENORPHINE_REINDUCTION');
  });
  it('reduced: 20 mcg/h, 3 missed days → 20 × 0.5 = 10 mcg/h, then 15 and 20 every 3 days', () => {
    const p = planJson(req('patch', '20', 'mcg/h', 1, '2026-11-05', { fullAgonistUsedDuringBreak: false }));
    expect(p.tolerance.status).toBe('reduced');
    expect(p.tolerance.retainedFraction).toBe('0.5');
    expect(stepsOf(p)).toEqual([['2026-11-05', '10', '10'], ['2026-11-08', '15', '15'], ['2026-11-11', '20', '20']]);
    expect(p.derivation.join('\n')).toContain('20 × 0.5 = 10 mcg/h');
    expect(p.assumptions).toContain(ASSUMPTIONS['buprenorphine-pain-restart']!.statement);
    expect(codes(p)).toContain('BUPRENORPHINE_PAIN_RESTART');
  });
  it('lost (full agonist not answered): 15 mcg/h → the naive 5 mcg/h, 7.5, 10, 15 every 3 days, never above the prior', () => {
    const p = planJson(req('patch', '15', 'mcg/h', 1, '2026-11-21'));
    expect(p.tolerance).toEqual({ retainedFraction: '0', status: 'lost' });
    expect(stepsOf(p)).toEqual([['2026-11-21', '5', '5'], ['2026-11-24', '7.5', '7.5'], ['2026-11-27', '10', '10'], ['2026-11-30', '15', '15']]);
    expect(p.warnings.find((w) => w.code === 'BUPRENORPHINE_PAIN_RESTART')).toMatchObject({ severity: 'critical' });
    expect(p.warnings.find((w) => w.code === 'BUPRENORPHINE_PAIN_RESTART')!.message).toContain('taper to ≤ 30 MME/day, then 10 mcg/h');
    expect(codes(p)).toContain('NALOXONE');
    expect(p.warnings.find((w) => w.code === 'NALOXONE')!.message).not.toContain('opioid use disorder');
  });
  it('lost from the smallest patch: 5 mcg/h → one step, 5 mcg/h', () => {
    const p = planJson(req('patch', '5', 'mcg/h', 1, '2026-11-20', { fullAgonistUsedDuringBreak: false }));
    expect(stepsOf(p)).toEqual([['2026-11-20', '5', '5']]);
  });
  it('FHIR: the Butrans step is a rateQuantity in mcg/h (UCUM ug/h), every 168 hours, with the Butrans SCD', () => {
    const p = planJson(req('patch', '10', 'mcg/h', 1, '2026-11-02', { fullAgonistUsedDuringBreak: false }));
    const request = planToFhirBundle(p, { authoredOn: '2026-11-02' }).entry!.map((e) => e.resource as MedicationRequest)[0]!;
    expect(request.medicationCodeableConcept!.coding![0]).toMatchObject({ system: RXNORM_SYSTEM, code: '904870', display: '168 HR buprenorphine 0.01 MG/HR Transdermal System' });
    const dosage = request.dosageInstruction![0]!;
    expect(dosage.doseAndRate).toEqual([{ rateQuantity: { value: 10, unit: 'mcg/h', system: UCUM_SYSTEM, code: 'ug/h' } }]);
    expect(dosage.timing!.repeat).toMatchObject({ frequency: 1, period: 168, periodUnit: 'h' });
    expect(dosage.route!.coding![0]).toMatchObject({ code: '45890007' });
  });
});

describe('vignettes from Belbuca (JSON through planRestart)', () => {
  it('retained: 450 mcg every 12 hours, 1 missed day → the prior regimen', () => {
    const p = planJson(req('buccal-film', '450', 'mcg', 2, '2026-11-03', { fullAgonistUsedDuringBreak: false }));
    expect(stepsOf(p)).toEqual([['2026-11-03', '450+450', '900']]);
    expect(p.prior.dailyEquivalent).toBeUndefined();
    expect(codes(p)).not.toContain('BUTRANS_QTC_MAX');
  });
  it('reduced: 450 mcg every 12 h, 3 missed days → 900 × 0.5 = 450 a day: 150 every 12 h, then 300, 450 every 4 days', () => {
    const p = planJson(req('buccal-film', '450', 'mcg', 2, '2026-11-05', { fullAgonistUsedDuringBreak: false }));
    expect(p.tolerance.status).toBe('reduced');
    expect(stepsOf(p)).toEqual([['2026-11-05', '150+150', '300'], ['2026-11-09', '300+300', '600'], ['2026-11-13', '450+450', '900']]);
  });
  it('lost (full agonist used): 300 mcg every 12 h → 75 once daily, 75 every 12 h, 150 every 12 h, 300 every 12 h, every 4 days', () => {
    const p = planJson(req('buccal-film', '300', 'mcg', 2, '2026-11-30', { fullAgonistUsedDuringBreak: true }));
    expect(p.tolerance.status).toBe('lost');
    expect(stepsOf(p)).toEqual([
      ['2026-11-30', '75', '75'],
      ['2026-12-04', '75+75', '150'],
      ['2026-12-08', '150+150', '300'],
      ['2026-12-12', '300+300', '600'],
    ]);
    expect(p.warnings.find((w) => w.code === 'BUPRENORPHINE_PAIN_RESTART')!.message).toContain('precipitated withdrawal');
  });
  it('once-daily prior: 150 mcg once daily, lost → 75 once daily, then 150 once daily (never more often than the prior)', () => {
    const p = planJson(req('buccal-film', '150', 'mcg', 1, '2026-11-30', { fullAgonistUsedDuringBreak: false }));
    expect(stepsOf(p)).toEqual([['2026-11-30', '75', '75'], ['2026-12-04', '150', '150']]);
  });
  it('FHIR: the Belbuca step is a doseQuantity in mcg (UCUM ug), buccal route, with the Belbuca SCD', () => {
    const p = planJson(req('buccal-film', '75', 'mcg', 2, '2026-11-02', { fullAgonistUsedDuringBreak: false }));
    const request = planToFhirBundle(p, { authoredOn: '2026-11-02' }).entry!.map((e) => e.resource as MedicationRequest)[0]!;
    expect(request.medicationCodeableConcept!.coding![0]).toMatchObject({ code: '1716077', display: 'buprenorphine 0.075 MG Buccal Film' });
    const dosage = request.dosageInstruction![0]!;
    expect(dosage.doseAndRate).toEqual([{ doseQuantity: { value: 75, unit: 'mcg', system: UCUM_SYSTEM, code: 'ug' } }]);
    expect(dosage.route!.coding![0]).toMatchObject({ code: '54471007', display: 'Buccal route' });
  });
});
