/**
 * The full-agonist opioid planner in detail (restart model §3 and §7): what each derivation line says
 * (the figures used and the arithmetic), which rule set each first step, when a restricted product is
 * replaced by an immediate-release one and what the RESTRICTED_TO_TOLERANT warning then says, the
 * acetaminophen limit of combination products, the 50 MME/day checkpoint, and the guards on the protocol
 * data (exercised with modified copies of the real products).
 */
import { describe, expect, it } from 'vitest';
import { planOpioid } from '../../src/engine/classes/opioid.ts';
import { isRefusal } from '../../src/engine/plan.ts';

/** planOpioid where the request cannot be refused (no MAOI): the plan itself. */
function plannedOpioid(...args: Parameters<typeof planOpioid>) {
  const outcome = planOpioid(...args);
  // A restricted product refused after tolerance loss (amendment A6) offers the IR plan these tests check.
  if (isRefusal(outcome) && outcome.code === 'OPIOID_TOLERANT_ONLY_PRODUCT' && outcome.alternativePlan) return outcome.alternativePlan;
  if (isRefusal(outcome)) throw new Error(`unexpected refusal ${outcome.code}`);
  return outcome;
}
import { validateRequest } from '../../src/engine/index.ts';
import type { RestartPlan, RestartRequest } from '../../src/engine/types.ts';
import type { OpioidDrug, OpioidFormulation } from '../../src/protocols/opioids/types.ts';
import { BASE, codes, dec, plan, restartAfter, warning, opioidDrug, opioidForm } from './helpers.ts';

// --- small helpers -------------------------------------------------------------------------------

type Req = Record<string, unknown>;
const ir = (drug: string, dose: string, times: number, daysOff: number, extra: Req = {}): Req => ({
  drug,
  formulation: 'ir',
  prior: { dose, unit: 'mg', timesPerDay: times },
  ...BASE,
  restartDate: restartAfter(daysOff),
  ...extra,
});
const er = (drug: string, dose: string, times: number, daysOff: number, extra: Req = {}): Req => ({ ...ir(drug, dose, times, daysOff, extra), formulation: 'er' });
const patch = (dose: string, daysOff: number, extra: Req = {}): Req => ({
  drug: 'fentanyl',
  formulation: 'patch',
  prior: { dose, unit: 'mcg/h' },
  ...BASE,
  restartDate: restartAfter(daysOff),
  ...extra,
});
const apap = (dose: string, times: number, daysOff: number, extra: Req = {}): Req => ({ ...ir('hydrocodone', dose, times, daysOff, extra), formulation: 'apap' });

/** The derivation line (without its number) that starts with `start`; fails when there is none or several. */
function line(p: RestartPlan, start: string): string {
  const found = p.derivation.map((l) => l.replace(/^\d+\. /, '')).filter((l) => l.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one line starting "${start}", found ${found.length}:\n${p.derivation.join('\n')}`);
  return found[0]!;
}
const text = (p: RestartPlan) => p.derivation.join('\n');
const assumptionIds = (p: RestartPlan) => p.assumptionDetails.map((a) => a.id);

const realDrug = opioidDrug;
const realForm = opioidForm;
/** A validated request for a real product, to run the planner on a modified copy of that product. */
function request(r: Req): RestartRequest {
  const v = validateRequest(r);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.request;
}

// --- 1. Inputs, prior MME, break length, tolerance, retained fraction -----------------------------

describe('derivation: inputs and prior MME', () => {
  it('oral tablets: dose × times a day = daily dose, then mg/day × factor = MME/day, citing the CDC factor', () => {
    const p = plan(ir('oxycodone', '10', 4, 1));
    expect(line(p, 'Prior regimen:')).toBe('Prior regimen: oxyCODONE immediate-release tablet 10 mg × 4 a day = 40 mg daily, for 60 days.');
    expect(line(p, 'Prior daily MME')).toMatch(/^Prior daily MME = 40 mg\/day × 1\.5 = 60 MME\/day\. \[cdc-2022: .*oxycodone 1\.5\]$/);
    expect(p.prior.equivalentFactor).toEqual({ value: '1.5', per: 'MME per mg/day', source: 'cdc-2022' });
    expect(p.drugClass).toBe('opioid');
  });

  it('a patch: mcg/h, a new patch every 72 hours (cited from the label), and MME per mcg/h (no "/day")', () => {
    const p = plan(patch('50', 2));
    expect(line(p, 'Prior regimen:')).toBe(
      'Prior regimen: fentaNYL transdermal patch (72 hours) 50 mcg/h, a new patch every 72 hours, for 60 days. [label-duragesic: 2 Dosage: each system worn for 72 hours]',
    );
    expect(line(p, 'Prior daily MME')).toMatch(/^Prior daily MME = 50 mcg\/h × 2\.4 = 120 MME\/day\. \[cdc-2022: /);
    expect(p.prior.equivalentFactor).toEqual({ value: '2.4', per: 'MME per mcg/h', source: 'cdc-2022' });
    expect(line(p, 'Opioid-tolerant before the break')).toContain('(needs ≥ 7 days at ≥ 25 mcg/h fentaNYL; had 60 days at 50 mcg/h)');
  });

  it('break length: daysOff and missedDays = daysOff − 1 with both dates', () => {
    const p = plan(ir('oxycodone', '10', 4, 4));
    expect(line(p, 'Last dose')).toBe('Last dose 2026-11-01, restart 2026-11-05: daysOff = 4; missedDays = daysOff − 1 = 3.');
  });

  it('retained fraction line: r, the missed days and the anchor it came from, with its source', () => {
    const p = plan(ir('oxycodone', '10', 4, 4));
    expect(line(p, 'Retained fraction')).toBe(
      'Retained fraction r = 0.5 for 3 missed days (anchor from 3 missed days: 3 missed days: tolerance may be reduced, half the dose). [au-methadone-2003: §3.5 Missed doses: 3 days, give half the dose]',
    );
    const lost = plan(ir('oxycodone', '10', 4, 10));
    expect(line(lost, 'Retained fraction')).toContain('r = 0 for 9 missed days (anchor from 5 missed days: 5 or more missed days');
  });
});

describe('opioid-tolerant before the break (FDA: ≥ 7 days at the drug threshold, else ≥ 60 MME/day)', () => {
  it('drug with an FDA threshold: yes, naming the threshold in mg/day of the drug and what the patient had', () => {
    const p = plan(ir('oxycodone', '10', 4, 1));
    expect(line(p, 'Opioid-tolerant before the break')).toMatch(
      /^Opioid-tolerant before the break: yes \(needs ≥ 7 days at ≥ 30 mg\/day oxyCODONE; had 60 days at 40 mg\/day\)\. The FDA definition decides only which products may be restarted, not the retained fraction\. \[fda-opioid-tolerant-definition: .*\] \[fda-opioid-tolerant-definition: .*30 mg oral oxycodone per day\]$/,
    );
  });

  it('drug without one (tramadol): the 60 MME/day engine assumption', () => {
    const p = plan(ir('tramadol', '100', 6, 4));
    expect(line(p, 'Opioid-tolerant before the break')).toContain('yes (needs ≥ 7 days at ≥ 60 MME/day; had 60 days at 600 mg/day)');
    expect(line(p, 'Opioid-tolerant before the break')).toContain('[engine assumption: opioid-tolerant-60-mme]');
  });

  it('exactly 7 days at the threshold is tolerant; 6 days is not (boundary); both are regular users who keep the prior dose (A4)', () => {
    const seven = plan(ir('oxycodone', '10', 4, 1, { priorDurationDays: 7 }));
    expect(seven.tolerance.priorTolerant).toBe(true);
    expect(line(seven, 'Opioid-tolerant before the break')).toContain('yes (needs ≥ 7 days');
    expect(seven.steps[0]).toMatchObject({ dailyDose: { amount: '40' }, rule: 'prior dose (tolerance retained)' });
    const six = plan(ir('oxycodone', '10', 4, 1, { priorDurationDays: 6 }));
    expect(six.tolerance.priorTolerant).toBe(false);
    expect(line(six, 'Opioid-tolerant before the break')).toContain('no (needs ≥ 7 days at ≥ 30 mg/day oxyCODONE; had 6 days at 40 mg/day)');
    expect(six.steps[0]).toMatchObject({ dailyDose: { amount: '40' }, rule: 'prior dose (tolerance retained)' });
  });
});

// --- 2. First step on an immediate-release product ------------------------------------------------

describe('first step on an immediate-release product: each rule', () => {
  it('tolerance retained (r = 1) in a tolerant patient: the prior dose, one step, no titration line', () => {
    const p = plan(ir('oxycodone', '10', 4, 1));
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '40', unit: 'mg' }, rule: 'prior dose (tolerance retained)' });
    expect(line(p, 'First step:')).toBe('First step: the prior dose, because tolerance is retained (r = 1).');
    expect(text(p)).not.toContain('Titration ceiling');
    expect(text(p)).not.toContain('The schedule stops at');
  });

  it('prior dose at or below the opioid-naive start: the prior dose even after tolerance is lost', () => {
    const p = plan(ir('oxycodone', '5', 4, 10));
    expect(p.tolerance.priorTolerant).toBe(false);
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '20' }, rule: 'prior dose (at or below the opioid-naive start)' });
    expect(line(p, 'First step:')).toBe('First step: the prior dose, because it is no higher than the opioid-naive start (20 mg daily).');
  });

  it('A4: not tolerant before the break but a regular user (5 days daily): the prior dose after 1 missed day, not the naive start', () => {
    const p = plan(ir('oxycodone', '10', 4, 2, { priorDurationDays: 5 }));
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '40' }, timesPerDay: 4, rule: 'prior dose (tolerance retained)' });
    expect(line(p, 'Use pattern:')).toContain('REGULAR (every day for 5 days)');
  });

  it('tolerance reduced (r = 0.5): prior daily × r rounded down to real strengths, showing the arithmetic', () => {
    const p = plan(ir('oxycodone', '20', 4, 4));
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '40' }, rule: 'prior daily dose × r = 40 mg, rounded down to real strengths' });
    expect(line(p, 'First step:')).toBe('First step: prior daily × r = 80 × 0.5 = 40 mg daily, rounded down: 10 mg × 4 a day = 40 mg daily.');
  });

  it('tolerance reduced but prior × r is not above the naive start: the naive start', () => {
    const p = plan(ir('oxycodone', '5', 6, 4));
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '20' }, rule: 'opioid-naive start (prior × r is not above it)' });
    expect(line(p, 'First step:')).toBe('First step: the opioid-naive start, because prior daily × r = 30 × 0.5 = 15 mg is not above it.');
  });

  it('tolerance lost (r = 0) in a tolerant patient: the naive start, rule says tolerance lost', () => {
    const p = plan(ir('oxycodone', '20', 4, 10));
    expect(p.steps[0]).toMatchObject({ drug: 'oxycodone', formulation: 'ir', dailyDose: { amount: '20' }, rule: 'opioid-naive start (tolerance lost)' });
    expect(line(p, 'First step:')).toBe('First step: the opioid-naive start, because prior daily × r = 80 × 0 = 0 mg is not above it.');
    expect(text(p)).not.toContain('Restart product');
  });

  it('A6: tapentadol after tolerance loss restarts on tapentadol at its labelled start, two 50 mg doses (40 MME), with NAIVE_START_ABOVE_CDC_RANGE', () => {
    const p = plan(ir('tapentadol', '100', 4, 10));
    expect(p.steps[0]).toMatchObject({ drug: 'tapentadol', formulation: 'ir', administrations: ['50', '50'], dailyEquivalent: { amount: '40' }, rule: 'opioid-naive start (tolerance lost)' });
    expect(line(p, 'Opioid-naive start on tapentadol')).toContain('Two of its smallest initial doses (40 MME) are above 30 MME/day, so at most 2 doses a day');
    expect(warning(p, 'NAIVE_START_ABOVE_CDC_RANGE').message).toContain('Tapentadol MME reflects its mu-opioid activity only');
    expect(text(p)).not.toContain('Restart product');
    expect(p.steps.at(-1)).toMatchObject({ dailyDose: { amount: '400' } });
  });
});

// --- 3. Extended-release products ----------------------------------------------------------------

describe('extended-release products: continue or restart on IR', () => {
  it('tolerant, r = 1: the same ER product at the prior dose', () => {
    const p = plan(er('oxycodone', '80', 2, 2));
    expect(p.steps).toEqual([expect.objectContaining({ formulation: 'er', dailyDose: { amount: '160', unit: 'mg' }, rule: 'prior dose (tolerance retained)' })]);
    expect(line(p, 'Product:')).toBe('Product: oxyCODONE extended-release tablet (OxyContin) is continued, because r = 1 and the patient was opioid-tolerant.');
  });

  it('not tolerant, r = 1, an unrestricted regimen (Hysingla ER 20 mg): continue the prior dose', () => {
    const p = plan(er('hydrocodone', '20', 1, 2, { priorDurationDays: 5 }));
    expect(p.steps[0]).toMatchObject({ formulation: 'er', dailyDose: { amount: '20' }, rule: 'prior dose (tolerance retained)' });
    expect(line(p, 'Product:')).toBe('Product: HYDROcodone extended-release tablet (Hysingla ER) is continued, because r = 1 and the prior regimen is not restricted to opioid-tolerant patients.');
  });

  it('not tolerant, r = 1, an unrestricted ER product at its labelled start (Nucynta ER 50 mg twice daily): continue', () => {
    const p = plan(er('tapentadol', '50', 2, 2, { priorDurationDays: 5 }));
    expect(p.steps).toEqual([expect.objectContaining({ drug: 'tapentadol', formulation: 'er', dailyDose: { amount: '100', unit: 'mg' } })]);
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
  });

  it('A4: not tolerant, r = 1, OxyContin 40 mg twice daily for 5 days (not a tolerant-only regimen): continued at the prior dose', () => {
    const p = plan(er('oxycodone', '40', 2, 2, { priorDurationDays: 5 }));
    expect(p.tolerance).toMatchObject({ retainedFraction: '1', priorTolerant: false });
    expect(p.steps).toEqual([expect.objectContaining({ drug: 'oxycodone', formulation: 'er', dailyDose: { amount: '80', unit: 'mg' } })]);
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
  });

  it('not tolerant, r = 1, a tolerant-only regimen (OxyContin 60 mg twice daily for 5 days): oxyCODONE IR, TOLERANCE_PRODUCT_GATE', () => {
    const p = plan(er('oxycodone', '60', 2, 2, { priorDurationDays: 5 }));
    expect(p.steps.every((s) => s.drug === 'oxycodone' && s.formulation === 'ir')).toBe(true);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '120' } });
    expect(line(p, 'Restricted product:')).toContain('is not restarted because the patient was not opioid-tolerant before the break. Label: OxyContin 60 mg and 80 mg tablets');
    expect(line(p, 'Ceiling target on oxyCODONE')).toBe(
      'Ceiling target on oxyCODONE immediate-release tablet: the same molecule, so the prior daily dose 120 mg/day (180 MME/day). [engine assumption: same-molecule-er-to-ir]',
    );
    expect(codes(p)).toContain('TOLERANCE_PRODUCT_GATE');
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.message).toContain('Do not restart oxyCODONE extended-release tablet (OxyContin): the patient was not opioid-tolerant before the break, and OxyContin 60 mg and 80 mg tablets');
    expect(w.sources).toEqual(['label-oxycontin', 'fda-opioid-tolerant-definition', 'cdc-2022']);
  });

  it('OxyContin after tolerance is lost: the restricted-product line, the label rule, CDC Rec 3, and the same-molecule IR restart', () => {
    const p = plan(er('oxycodone', '80', 2, 7));
    expect(line(p, 'Restricted product:')).toMatch(
      /^Restricted product: oxyCODONE extended-release tablet \(OxyContin\) is not restarted because tolerance is lost \(r = 0 < 1\)\. Label: OxyContin 60 mg and 80 mg tablets, a single dose above 40 mg or a daily dose above 80 mg are only for opioid-tolerant patients\. CDC 2022 Rec 3 recommends immediate-release rather than ER\/LA opioids when starting opioid therapy .*\. \[label-oxycontin: .*\] \[cdc-2022: Recommendation 3 .*\]$/,
    );
    expect(line(p, 'Restart product:')).toBe(
      'Restart product: the immediate-release form of the same molecule (oxyCODONE immediate-release tablet). [engine assumption: opioid-restart-product]',
    );
    expect(p.steps[0]!.rule).toBe('opioid-naive start (tolerance lost)');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('160');
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.message).toContain('The plan restarts on oxyCODONE immediate-release tablet.');
    expect(w.message).toContain('may be considered again no earlier than 2026-11-21, and only after the patient has taken at least 30 mg/day oxyCODONE every day for 7 days (from the step starting 2026-11-14)');
  });

  it('a patch after tolerance is lost: morphine IR, half the patch MME as ceiling, the patch rule on the restricted-product line', () => {
    const p = plan(patch('50', 10));
    expect(line(p, 'Restricted product:')).toContain('Label: transdermal fentaNYL is contraindicated in patients who are not opioid-tolerant.');
    expect(line(p, 'Restricted product:')).toContain('[label-duragesic: Boxed warning');
    expect(line(p, 'Restart product:')).toBe(
      'Restart product: morphine immediate-release tablet, because transdermal fentaNYL has no oral form; oral morphine is the reference opioid of the patch label and of the CDC MME table. [engine assumption: opioid-restart-product]',
    );
    const ceiling = line(p, 'Ceiling target on a different opioid');
    expect(ceiling).toContain('Prior 120 MME/day reduced by 50%: 60 MME/day (sources: reduce 25–50%, i.e. 60–90 MME/day; the lower end is taken; never above the prior 120 MME/day).');
    expect(ceiling).toContain('[msd-equianalgesic: ');
    expect(p.steps[0]!.rule).toBe('opioid-naive start (tolerance lost)');
    expect(p.steps.at(-1)).toMatchObject({ drug: 'morphine', dailyDose: { amount: '60' } });
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.message).toContain('Do not restart fentaNYL transdermal patch (72 hours): tolerance is lost (r = 0 < 1), and transdermal fentaNYL is contraindicated in patients who are not opioid-tolerant.');
    expect(w.message).toContain('at least 60 mg/day morphine every day for 7 days (from the step starting 2026-11-23)');
    expect(w.sources).toEqual(['label-duragesic', 'fda-opioid-tolerant-definition', 'cdc-2022']);
  });

  it('a 12 mcg/h patch in a non-tolerant patient: ceiling below the tolerant dose, so the patch is not reconsidered within the plan', () => {
    const p = plan(patch('12', 2));
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.message).toContain('the patient was not opioid-tolerant before the break');
    expect(w.message).toContain(
      'may be considered again not within this plan: its ceiling stays below the opioid-tolerant dose (60 mg/day morphine); the patient must first take at least that for 7 days.',
    );
    // A10: conversion uses 12 × 2.4 = 28.8 MME, halved for cross-tolerance = 14.4 mg morphine, rounded down to 7.5 mg.
    expect(p.steps).toEqual([expect.objectContaining({ drug: 'morphine', dailyDose: { amount: '7.5', unit: 'mg' } })]);
    expect(p.prior.dailyEquivalent!.amount).toBe('30');
    expect(codes(p)).toContain('FENTANYL_12_NOMINAL');
  });

  it('an ER product with no tolerant-only restriction (oxymorphone ER): no "Label:" clause; CDC Rec 3; ER_SWITCHED_TO_IR, not RESTRICTED_TO_TOLERANT', () => {
    const p = plan(er('oxymorphone', '20', 2, 10));
    const restricted = line(p, 'Restricted product:');
    expect(restricted).toContain('is not restarted because tolerance is lost (r = 0 < 1). CDC 2022 Rec 3 recommends immediate-release');
    expect(restricted).not.toContain('Label:');
    expect(line(p, 'Restart product:')).toContain('the immediate-release form of the same molecule (oxymorphone immediate-release tablet)');
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
    expect(warning(p, 'ER_SWITCHED_TO_IR').sources).toEqual(['cdc-2022']);
    expect(p.steps[0]).toMatchObject({ drug: 'oxymorphone', administrations: ['5', '5'], dailyEquivalent: { amount: '30' } });
  });

  it('tramadol ER 300 mg daily after tolerance is lost: tramadol IR up to the prior 300 mg/day, in 3 doses of at most 100 mg', () => {
    const p = plan(er('tramadol', '300', 1, 10));
    expect(line(p, 'Ceiling target:')).toBe('Ceiling target: 100 mg × 3 a day = 300 mg daily = 60 MME/day. [label-tramadol: Titration: 25 mg once daily (in the morning)]');
    expect(p.steps[0]).toMatchObject({ administrations: ['50'], dailyDose: { amount: '50' } });
    expect(p.steps.at(-1)).toMatchObject({ administrations: ['100', '100', '100'], dailyDose: { amount: '300' }, dailyEquivalent: { amount: '60' } });
  });

  it('tramadol ER (no tolerant-only restriction) after tolerance loss: tramadol IR with ER_SWITCHED_TO_IR citing CDC Rec 3', () => {
    const p = plan(er('tramadol', '300', 1, 10));
    expect(p.steps.every((s) => s.drug === 'tramadol' && s.formulation === 'ir')).toBe(true);
    expect(codes(p)).not.toContain('RESTRICTED_TO_TOLERANT');
    const w = warning(p, 'ER_SWITCHED_TO_IR');
    expect(w.message).toContain('tolerance is lost (r = 0 < 1)');
    expect(line(p, 'Warning ER_SWITCHED_TO_IR:')).toContain('[cdc-2022: Recommendation 3');
  });

  it('HYDROmorphone ER (Exalgo) restricted by product: the label rule in the warning and its source', () => {
    const p = plan(er('hydromorphone', '16', 1, 10));
    const w = warning(p, 'RESTRICTED_TO_TOLERANT');
    expect(w.message).toContain('and extended-release HYDROmorphone is only for opioid-tolerant patients');
    expect(w.sources).toEqual(['label-hydromorphone', 'fda-opioid-tolerant-definition', 'cdc-2022']);
    expect(w.message).toContain('at least 8 mg/day HYDROmorphone every day for 7 days');
  });
});

// --- 4. Label maximum and administrations --------------------------------------------------------

describe('label maximum daily dose and the number of administrations', () => {
  it('tramadol 100 mg × 6 after 3 missed days: first step 300 mg/day (prior × r); ceiling capped at 400 mg/day', () => {
    const p = plan(ir('tramadol', '100', 6, 4));
    expect(line(p, 'Ceiling target capped at 400 mg/day')).toBe('Ceiling target capped at 400 mg/day: the label maximum. [label-tramadol: Dosage: not more than 400 mg/day]');
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '300' } });
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('400');
  });
});

// --- 5. Titration, steps and checkpoint ----------------------------------------------------------

describe('titration and the 50 MME/day checkpoint', () => {
  it('titration line: + 25% per step, the interval in days, and the sources', () => {
    const p = plan(ir('oxycodone', '20', 4, 10));
    expect(line(p, 'Titration ceiling')).toBe(
      'Titration ceiling: each step at most + 25% of the current daily dose, or the smallest rise the strengths can make; no sooner than every 3 days; up to the ceiling target. [engine assumption: opioid-titration-25-percent] [engine assumption: opioid-ir-interval-3-days]',
    );
    expect(text(p)).not.toContain('The schedule stops at');
  });

  it('each step line: number, date, drug, administrations, daily dose, MME/day and the rule; the checkpoint step is marked', () => {
    const p = plan(ir('oxycodone', '20', 4, 10));
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-11: oxyCODONE 5 mg + 5 mg + 5 mg + 5 mg = 20 mg daily = 30 MME/day (opioid-naive start (tolerance lost)).');
    expect(line(p, 'Step 4 from')).toBe(
      'Step 4 from 2026-11-20: oxyCODONE 10 mg + 10 mg + 10 mg + 5 mg = 35 mg daily = 52.5 MME/day (rise of at most 25% of the daily dose, rounded down to real strengths) — checkpoint.',
    );
    expect(p.steps.map((s) => s.start)).toEqual(['2026-11-11', '2026-11-14', '2026-11-17', '2026-11-20', '2026-11-23', '2026-11-26', '2026-11-29', '2026-12-02', '2026-12-05']);
    expect(p.steps.every((s) => s.dailyEquivalent!.unit === 'MME')).toBe(true);
    const crossing = p.steps.filter((s) => s.checkpoint);
    expect(crossing.map((s) => s.start)).toEqual(['2026-11-20']);
    expect(crossing[0]!.checkpointReason).toBe('Crosses 50 MME/day: pause and reassess benefits and risks before this step; offer naloxone.');
    expect(line(p, 'Checkpoint at')).toBe(
      'Checkpoint at 2026-11-20: the step crosses 50 MME/day. [cdc-2022: Recommendation 4: before increasing to ≥50 MME/day, pause and carefully reassess]',
    );
  });

  it('a plan that never crosses 50 MME/day has no checkpoint line', () => {
    const p = plan(ir('oxycodone', '5', 4, 10));
    expect(p.steps.some((s) => s.checkpoint)).toBe(false);
    expect(text(p)).not.toContain('Checkpoint at');
    expect(codes(p)).not.toContain('MME_50_CHECKPOINT');
  });

  it('NALOXONE names the ≥ 50 MME/day reason when any step (not only the first) reaches it', () => {
    const p = plan(patch('50', 10));
    expect(dec(p.steps[0]!.dailyEquivalent!.amount).lt(50)).toBe(true);
    expect(warning(p, 'NALOXONE').message).toContain('a dose of ≥ 50 MME/day');
  });

  it('the smallest practical rise is recorded as an assumption only when the schedule uses it', () => {
    const tramadol = plan(er('tramadol', '300', 1, 10));
    expect(tramadol.steps.some((s) => s.rule.startsWith('smallest rise'))).toBe(true);
    expect(assumptionIds(tramadol)).toContain('smallest-practical-rise');
    const oxy = plan(ir('oxycodone', '20', 4, 10));
    expect(oxy.steps.some((s) => s.rule.startsWith('smallest rise'))).toBe(false);
    expect(assumptionIds(oxy)).not.toContain('smallest-practical-rise');
  });
});

// --- 6. Acetaminophen in combination products ----------------------------------------------------

describe('acetaminophen in combination products', () => {
  it('A5: prior above the limit with no single-ingredient HYDROcodone: the opioid dose is kept; APAP_LIMIT_NO_SINGLE_AGENT', () => {
    const p = plan(apap('20', 4, 1, { patient: { hepaticImpairment: true } }));
    expect(line(p, 'Warning ACETAMINOPHEN_LIMIT:')).toBe('Warning ACETAMINOPHEN_LIMIT: prior 2,600 mg/day > limit 2,000 mg/day.');
    expect(p.steps).toEqual([expect.objectContaining({ administrations: ['20', '20', '20', '20'], rule: 'prior dose (tolerance retained)' })]);
    expect(warning(p, 'APAP_LIMIT_NO_SINGLE_AGENT').severity).toBe('critical');
    expect(line(p, 'Step 1 from')).toContain('acetaminophen 2,600 mg/day');
  });

  it('prior within the limit: no cap line, and an admissible naive first step is kept (not raised to the ceiling)', () => {
    const p = plan(apap('10', 6, 10, { patient: { hepaticImpairment: true } }));
    expect(text(p)).not.toContain('Ceiling target capped');
    expect(p.steps[0]).toMatchObject({ administrations: ['2.5', '2.5', '2.5', '2.5', '2.5', '2.5'], dailyDose: { amount: '15' }, rule: 'opioid-naive start (tolerance lost)' });
    expect(line(p, 'Step 1 from')).toContain('= 15 mg daily = 15 MME/day; acetaminophen 1,950 mg/day (opioid-naive start (tolerance lost)).');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('60');
    expect(text(p)).not.toContain('The schedule stops at');
  });

  it('within the limit and tolerance retained: the prior dose, one step, no cap', () => {
    const p = plan(apap('10', 6, 1, { priorDurationDays: 10 }));
    expect(p.steps).toEqual([expect.objectContaining({ dailyDose: { amount: '60', unit: 'mg' }, rule: 'prior dose (tolerance retained)' })]);
    expect(text(p)).not.toContain('Ceiling target capped');
  });

  it('single-ingredient products show no acetaminophen on their step lines', () => {
    const p = plan(ir('oxycodone', '10', 4, 1));
    expect(text(p)).not.toContain('acetaminophen');
  });
});

// --- 7. Guards on the protocol data (modified copies of real products) ----------------------------

describe('guards on the protocol data', () => {
  const oxymorphoneIr = realForm('oxymorphone', 'ir');
  const lostReq = () => request(ir('oxymorphone', '10', 4, 10));

  it('a full agonist without an MME factor is a programmer error', () => {
    const drug = { ...realDrug('oxymorphone'), mmeFactor: undefined } as OpioidDrug;
    expect(() => planOpioid(lostReq(), drug, oxymorphoneIr)).toThrow('programmer error: oxymorphone has no MME factor');
  });

  it('a restart product that does not exist is a programmer error naming it', () => {
    const msContin = realForm('morphine', 'er');
    const lost = request(er('morphine', '60', 2, 10));
    const noForm = { ...realDrug('morphine'), formulations: [msContin], irAlternative: { drug: 'oxycodone', formulation: 'nope', reason: 'test' } } as OpioidDrug;
    expect(() => planOpioid(lost, noForm, msContin)).toThrow('programmer error: unknown restart product oxycodone nope');
    const noDrug = { ...realDrug('morphine'), formulations: [msContin], irAlternative: { drug: 'nope', formulation: 'ir', reason: 'test' } } as OpioidDrug;
    expect(() => planOpioid(lost, noDrug, msContin)).toThrow('programmer error: unknown restart product nope ir');
  });

  it('a product that needs a restart product but names none is a programmer error', () => {
    const msContin = realForm('morphine', 'er');
    const drug = { ...realDrug('morphine'), formulations: [msContin], irAlternative: undefined } as OpioidDrug;
    expect(() => planOpioid(request(er('morphine', '60', 2, 10)), drug, msContin)).toThrow('programmer error: morphine has no restart product');
  });

  it('an alternative restart product of the same molecule keeps the full prior dose as the ceiling', () => {
    const msContin = realForm('morphine', 'er');
    const erOnly = { ...realDrug('morphine'), formulations: [msContin], irAlternative: { drug: 'morphine', formulation: 'ir', reason: 'test reason' } } as OpioidDrug;
    const p = plannedOpioid(request(er('morphine', '60', 2, 10)), erOnly, msContin);
    expect(line(p, 'Restart product:')).toBe('Restart product: morphine immediate-release tablet, because test reason. [engine assumption: opioid-restart-product]');
    expect(line(p, 'Ceiling target on morphine')).toContain('the same molecule, so the prior daily dose 120 mg/day (120 MME/day)');
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('120');
  });

  it('the ceiling on the restart product is capped at its label maximum (an ER tramadol above 400 mg/day restarts on IR ≤ 400)', () => {
    const tramadolEr = realForm('tramadol', 'er');
    const bigEr = {
      ...tramadolEr,
      strengths: [...tramadolEr.strengths, { amount: '500', scored: false }],
      maxSingleDose: { value: '500', assumption: 'implausible-dose-limit' },
      maxDailyDose: { value: '500', assumption: 'implausible-dose-limit' },
    } as OpioidFormulation;
    const drug = { ...realDrug('tramadol'), formulations: [realForm('tramadol', 'ir'), bigEr] } as OpioidDrug;
    const p = plannedOpioid(request(er('tramadol', '300', 1, 10)), drug, bigEr);
    expect(p.steps.at(-1)!.dailyDose.amount).toBe('300');
    const q = plannedOpioid({ ...request(er('tramadol', '300', 1, 10)), prior: { ...request(er('tramadol', '300', 1, 10)).prior, dose: { amount: dec('500'), unit: 'mg' } } } as RestartRequest, drug, bigEr);
    expect(line(q, 'Ceiling target capped at 400 mg/day')).toBe('Ceiling target capped at 400 mg/day: the label maximum. [label-tramadol: Dosage: not more than 400 mg/day]');
    expect(q.steps.at(-1)).toMatchObject({ dailyDose: { amount: '400' }, administrations: ['100', '100', '100', '50', '50'] });
    // 350 mg/day is not a whole number of 100 mg doses: one more administration carries the rest.
    const r = plannedOpioid({ ...request(er('tramadol', '300', 1, 10)), prior: { ...request(er('tramadol', '300', 1, 10)).prior, dose: { amount: dec('350'), unit: 'mg' } } } as RestartRequest, drug, bigEr);
    expect(r.steps.at(-1)).toMatchObject({ dailyDose: { amount: '350' }, administrations: ['100', '100', '100', '50'] });
  });

  it('with tablets whose acetaminophen is not proportional (7.5/750 vs 10/325), no titration step passes the limit: it stops and says so', () => {
    const hydrocodone = realDrug('hydrocodone');
    const mixed = {
      ...realForm('hydrocodone', 'apap'),
      strengths: [
        { amount: '5', scored: false, acetaminophenMg: '500' },
        { amount: '7.5', scored: false, acetaminophenMg: '750' },
        { amount: '10', scored: false, acetaminophenMg: '325' },
      ],
    } as OpioidFormulation;
    const drug = { ...hydrocodone, formulations: [mixed, realForm('hydrocodone', 'er')] } as OpioidDrug;
    const p = plannedOpioid(request(apap('10', 6, 10, { patient: { respiratoryDisease: false } })), drug, mixed);
    // Naive start 5 mg × 4 = 2,000 mg acetaminophen; with a 4 g limit the schedule rises; every step within it.
    for (const s of p.steps) expect(line(p, `Step ${p.steps.indexOf(s) + 1} from`)).toMatch(/acetaminophen [\d,]+ mg\/day/);
    expect(codes(p)).not.toContain('APAP_LIMIT_NO_SINGLE_AGENT');
  });

  it('A5: with alcohol use the naive start is halved (A3) and stays within the 2 g limit; no step is raised to the prior dose at once', () => {
    const hydrocodone = realDrug('hydrocodone');
    const odd = {
      ...realForm('hydrocodone', 'apap'),
      strengths: [
        { amount: '5', scored: false, acetaminophenMg: '600' },
        { amount: '10', scored: false, acetaminophenMg: '325' },
      ],
    } as OpioidFormulation;
    const drug = { ...hydrocodone, formulations: [odd, realForm('hydrocodone', 'er')] } as OpioidDrug;
    const p = plannedOpioid(request(apap('10', 6, 10, { patient: { alcoholUse: true } })), drug, odd);
    expect(p.steps[0]!.administrations).toEqual(['5', '5', '5']);
    expect(codes(p)).toContain('ALCOHOL_OPIOID');
    expect(p.steps.every((s) => Number(s.dailyDose.amount) <= 60)).toBe(true);
  });

  it('the patch wear time comes from the product (a 7-day patch), 72 hours when none is given', () => {
    const fentanyl = realDrug('fentanyl');
    const duragesic = realForm('fentanyl', 'patch');
    const week = { ...duragesic, wearHours: { value: 168, assumption: 'opioid-restart-product' } } as OpioidFormulation;
    const p1 = plannedOpioid(request(patch('50', 2)), { ...fentanyl, formulations: [week] } as OpioidDrug, week);
    expect(line(p1, 'Prior regimen:')).toContain('a new patch every 168 hours');
    const none = { ...duragesic, wearHours: undefined } as OpioidFormulation;
    const p2 = plannedOpioid(request(patch('50', 2)), { ...fentanyl, formulations: [none] } as OpioidDrug, none);
    expect(line(p2, 'Prior regimen:')).toBe('Prior regimen: fentaNYL transdermal patch (72 hours) 50 mcg/h, a new patch every 72 hours, for 60 days.');
  });

  describe('a non-tolerant patient at or below the labelled start is still not continued on a tolerant-only regimen', () => {
    // Copies of the real ER products whose labelled start is raised, so that the tolerant-only rule decides.
    const withStart = (drugId: string, dose: string, times: number, changes: Partial<OpioidFormulation> = {}) => {
      const f = realForm(drugId, 'er');
      const formulation = {
        ...f,
        naiveStart: { dose: { value: dose, assumption: 'opioid-restart-product' }, timesPerDay: { value: times, assumption: 'opioid-restart-product' } },
        ...changes,
      } as OpioidFormulation;
      return { drug: { ...realDrug(drugId), formulations: [...realDrug(drugId).formulations.filter((x) => x.id !== 'er'), formulation] } as OpioidDrug, formulation };
    };
    const run = (drugId: string, dose: string, times: number, start: ReturnType<typeof withStart>) =>
      plannedOpioid(request(er(drugId, dose, times, 2, { priorDurationDays: 5 })), start.drug, start.formulation);
    const continued = (p: RestartPlan) => p.steps.length === 1 && p.steps[0]!.formulation === 'er';

    it('a single dose above the limit (OxyContin 60 mg once daily, 60 mg/day) is restricted; 40 mg is not', () => {
      const s = withStart('oxycodone', '80', 2);
      expect(continued(run('oxycodone', '60', 1, s))).toBe(false);
      expect(continued(run('oxycodone', '60', 2, s))).toBe(false);
      expect(continued(run('oxycodone', '40', 2, s))).toBe(true);
    });

    it('a daily dose above the limit (MS Contin 60 mg × 3 = 180 > 120 mg) is restricted; 60 mg × 2 = 120 mg is not', () => {
      const s = withStart('morphine', '60', 3);
      expect(continued(run('morphine', '60', 3, s))).toBe(false);
      expect(continued(run('morphine', '60', 2, s))).toBe(true);
    });

    it('a dose at or above a threshold (Hysingla ER 80 mg) is restricted; 60 mg is not', () => {
      const s = withStart('hydrocodone', '80', 1);
      const p = run('hydrocodone', '80', 1, s);
      expect(continued(p)).toBe(false);
      expect(warning(p, 'RESTRICTED_TO_TOLERANT').message).toContain('the patient was not opioid-tolerant before the break');
      expect(continued(run('hydrocodone', '60', 1, s))).toBe(true);
    });

    it('a product only for tolerant patients (HYDROmorphone ER) is never continued in a non-tolerant patient', () => {
      const s = withStart('hydromorphone', '8', 1);
      const p = run('hydromorphone', '8', 1, s);
      expect(continued(p)).toBe(false);
      expect(p.steps[0]!.drug).toBe('hydromorphone');
      expect(p.steps[0]!.formulation).toBe('ir');
    });
  });
});
