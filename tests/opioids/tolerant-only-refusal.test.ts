/**
 * Amendment A6 BLOCK: a product restricted to opioid-tolerant patients is restarted only when the patient met the FDA
 * opioid-tolerant definition before the break AND r = 1; otherwise the request is refused (OPIOID_TOLERANT_ONLY_PRODUCT)
 * and the immediate-release alternative is offered as a plan (refusal.alternativePlan). Issue 11: where the amendment
 * says BLOCK, no dose schedule is given for the refused product.
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/index.ts';
import { BASE, refusalOf, restartAfter } from './helpers.ts';

const patch = (dose: string, daysOff: number, extra: Record<string, unknown> = {}) => ({
  drug: 'fentanyl',
  formulation: 'patch',
  prior: { dose, unit: 'mcg/h' },
  ...BASE,
  restartDate: restartAfter(daysOff),
  ...extra,
});
const tablets = (drug: string, formulation: string, dose: string, times: number, daysOff: number, extra: Record<string, unknown> = {}) => ({
  drug,
  formulation,
  prior: { dose, unit: 'mg', timesPerDay: times },
  ...BASE,
  restartDate: restartAfter(daysOff),
  ...extra,
});

describe('OPIOID_TOLERANT_ONLY_PRODUCT refusal (amendment A6)', () => {
  it('a fentaNYL 50 mcg/h patch after 10 days off is refused at path formulation, with the Duragesic source and a morphine IR plan', () => {
    const r = refusalOf(patch('50', 10));
    expect(r).toMatchObject({ code: 'OPIOID_TOLERANT_ONLY_PRODUCT', path: 'formulation', severity: 'block', drug: 'fentanyl', formulation: 'patch' });
    expect(r.reasonSources).toEqual(['label-duragesic', 'fda-opioid-tolerant-definition']);
    const offered = r.alternativePlan!;
    expect(offered.steps.every((s) => s.drug === 'morphine' && s.formulation === 'ir')).toBe(true);
    expect(offered.steps[0]!.dailyDose.amount).toBe('30');
    const restricted = offered.warnings.find((w) => w.code === 'RESTRICTED_TO_TOLERANT');
    expect(restricted?.severity).toBe('critical');
    expect(restricted?.message).toMatch(/may be considered again/);
    expect(r.alternative).toMatch(/^Restart on morphine immediate-release tablet instead \(refusal\.alternativePlan\): first step from 2026-11-11 /);
    expect(r.alternative).toMatch(/may be considered again/);
    expect(r.message).toMatch(/tolerance is lost \(r = 0\)/);
  });

  it('the refusal is reported as plan-refused at the same path, never as a plan', () => {
    const result = planRestart(patch('50', 10));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ path: 'formulation', code: 'plan-refused' })]);
  });

  it('a patch is refused after 3 missed days too (r = 0.5 < 1) in a tolerant patient', () => {
    const r = refusalOf(patch('50', 4));
    expect(r.missedDays).toBe(3);
    expect(r.message).toMatch(/tolerance is reduced \(r = 0\.5\)/);
    expect(r.alternativePlan!.tolerance.status).toBe('reduced');
  });

  it('a tolerant patient with r = 1 (2 missed days) keeps the patch: a plan, not a refusal', () => {
    const result = planRestart(patch('50', 3));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.steps[0]!.drug).toBe('fentanyl');
  });

  it('a 12 mcg/h patch after 1 missed day (never tolerant: below 25 mcg/h) is refused; the patient did not meet the definition', () => {
    const r = refusalOf(patch('12', 2));
    expect(r.message).toMatch(/did not meet the opioid-tolerant definition/);
    expect(r.alternativePlan!.tolerance.priorTolerant).toBe(false);
  });

  it('OxyContin 60 mg twice daily after 3 missed days is refused at path prior.dose (a dose-threshold restriction), label-oxycontin', () => {
    const r = refusalOf(tablets('oxycodone', 'er', '60', 2, 4));
    expect(r).toMatchObject({ code: 'OPIOID_TOLERANT_ONLY_PRODUCT', path: 'prior.dose' });
    expect(r.reasonSources[0]).toBe('label-oxycontin');
    expect(r.alternativePlan!.steps[0]!.formulation).toBe('ir');
  });

  it('OxyContin 20 mg twice daily (not restricted) after tolerance loss is still a plan on IR (ER_SWITCHED_TO_IR, CDC Rec 3)', () => {
    const result = planRestart(tablets('oxycodone', 'er', '20', 2, 10));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.plan.warnings.map((w) => w.code)).toContain('ER_SWITCHED_TO_IR');
  });

  it('Hysingla 60 mg (below the 80 mg restriction) is never refused for the restriction', () => {
    expect(planRestart(tablets('hydrocodone', 'er', '60', 1, 10)).ok).toBe(true);
  });

  it('HYDROmorphone ER 16 mg after 4 missed days is refused; the offer is HYDROmorphone IR', () => {
    const r = refusalOf(tablets('hydromorphone', 'er', '16', 1, 5));
    expect(r.path).toBe('formulation');
    expect(r.alternativePlan!.steps[0]!.drug).toBe('hydromorphone');
    expect(r.alternativePlan!.steps[0]!.formulation).toBe('ir');
  });

  it('with keepProduct the refusal keeps its keepProduct path and also offers the IR plan', () => {
    const r = refusalOf(patch('50', 10, { keepProduct: true }));
    expect(r.path).toBe('keepProduct');
    expect(r.alternativePlan!.steps[0]!.drug).toBe('morphine');
  });

  it('tramadol ER with CrCl 20 is refused (TRAMADOL_ER_ORGAN) and offers the tramadol IR plan, every 12 hours, at most 200 mg/day', () => {
    const r = refusalOf(tablets('tramadol', 'er', '200', 1, 2, { patient: { creatinineClearanceMlMin: 20 } }));
    expect(r.code).toBe('TRAMADOL_ER_ORGAN');
    const offered = r.alternativePlan!;
    expect(offered.formulation).toBe('ir');
    expect(offered.steps.every((s) => s.timesPerDay <= 2 && Number(s.dailyDose.amount) <= 200)).toBe(true);
    expect(offered.derivation[0]).toMatch(/Alternative plan: tramadol extended-release is refused/);
  });
});

describe('the pharmacist check judges a proposal against the refusal\u2019s alternative plan', () => {
  const request = patch('50', 10);
  it('a proposal that follows the offered morphine IR plan is within, and the result carries the refusal', () => {
    const offered = refusalOf(request).alternativePlan!;
    const proposed = offered.steps.map((s) => ({ start: s.start, drug: s.drug, formulation: s.formulation, dose: { unit: s.dose.unit }, administrations: s.administrations, ...(s.checkpoint ? { checkpoint: true } : {}) }));
    const outcome = checkSchedule({ ...request, proposed });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.result.verdict).toBe('within');
      expect(outcome.result.refusal?.code).toBe('OPIOID_TOLERANT_ONLY_PRODUCT');
      expect(outcome.result.plan.steps[0]!.drug).toBe('morphine');
    }
  });

  it('restarting the refused patch is exceeds: RESTRICTED_AFTER_TOLERANCE_LOSS and PLAN_REFUSED', () => {
    const outcome = checkSchedule({ ...request, proposed: [{ start: request.restartDate, dose: { amount: '12', unit: 'mcg/h' } }] });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.result.verdict).toBe('exceeds');
      const found = outcome.result.findings.map((f) => f.code);
      expect(found).toContain('RESTRICTED_AFTER_TOLERANCE_LOSS');
      expect(found).toContain('PLAN_REFUSED');
    }
  });

  it('a refusal without an alternative plan (MAOI) still makes every step PLAN_REFUSED', () => {
    const outcome = checkSchedule({ ...tablets('tramadol', 'ir', '50', 4, 2, { concurrent: ['phenelzine'] }), proposed: [{ start: restartAfter(2), dose: { amount: '50', unit: 'mg' }, timesPerDay: 1 }] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.refusal) expect(outcome.findings.map((f) => f.code)).toEqual(['PLAN_REFUSED']);
  });
});
