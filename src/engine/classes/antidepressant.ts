/**
 * Antidepressant restart planner (docs/clinical-model.md, Antidepressants; amendment A9 with the A2 label caps and Beers rows):
 * resume the prior dose, restart partly, or re-titrate, by missed days and drug group; MAOI washouts and
 * bupropion's withdrawal contraindication refuse a plan. The rules, with their sources, are in
 * docs/clinical-model.md ("Antidepressants and labelled restarts"). Named phases: prior exposure, refusals (washouts),
 * ceiling (label maximum and caps), gap decision, first step and titration, warnings.
 */
import type { Decimal } from 'decimal.js';
import { ANTIDEPRESSANT_CLASS } from '../../protocols/antidepressants/index.ts';
import type { AntidepressantDrug, AntidepressantFormulation, AntidepressantRestartRule, LabelCap } from '../../protocols/antidepressants/types.ts';
import type { Provenance } from '../../protocols/types.ts';
import { addCalendarDays } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { below, checkedDate, larger, mg, smaller, subtract, sum, times as timesOf, type IsoDate, type Mg } from '../units.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName, findDrug } from '../registry.ts';
import type { PlanRefusal, PlanStep, RestartPlan, RestartRequest } from '../types.ts';
import { beersFallsAndCnsWarnings, isOlderAdult } from './beers.ts';
import { buildFixedSchedule, splitDaily, type FixedPhase, type FixedStage } from './fixedSchedule.ts';
import { priorAndBreak, type PriorAndBreak } from './prior.ts';
import { serotonergicPlanOpioidFindings } from './opioid-interactions.ts';
import { toPlanSteps } from './steps.ts';
import { singlePriorComponent } from '../notes.ts';

const C = ANTIDEPRESSANT_CLASS;
const ZERO_MG = mg(new D(0));

/** Daily total of a regimen (one amount per administration), in mg. */
function mgTotal(regimen: readonly Mg[]): Mg {
  return sum(regimen, ZERO_MG);
}

/** A protocol amount (a decimal string in the formulation's unit, mg for every antidepressant) as mg. */
function mgOf(value: string): Mg {
  return mg(new D(value));
}

/** A line of working with the provenance of its figures. */
interface Line {
  readonly text: string;
  readonly provenance: readonly Provenance[];
}
const line = (text: string, ...provenance: Provenance[]): Line => ({ text, provenance });
const write = (notes: PlanNotes, lines: readonly Line[]): void => lines.forEach((l) => notes.line(l.text, ...l.provenance));

function regimenText(amounts: readonly Mg[], unit: string): string {
  const daily = formatDose({ amount: mgTotal(amounts), unit });
  const distinct = new Set(amounts.map((a) => a.toFixed()));
  return distinct.size === 1
    ? `${formatDose({ amount: amounts[0]!, unit })} × ${amounts.length} a day = ${daily} daily`
    : `${amounts.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${daily} daily`;
}

export function restartRuleOf(drug: AntidepressantDrug): AntidepressantRestartRule {
  const named = C.restartRuleByDrug[drug.id];
  if (named) return named;
  if (drug.group === 'tca') return 'tca';
  if (drug.group === 'maoi') return 'maoi';
  return 'standard';
}

// ---------------------------------------------------------------------------------------------------------
// Phase: refusals (MAOI washouts, bupropion during an abrupt withdrawal). BLOCK = labelled contraindication.

interface Washout {
  readonly index: number;
  readonly id: string;
  readonly days: number;
  /** Last dose of the concurrent medicine (its validated stop date, or the restart date when still taken). */
  readonly lastDose: IsoDate;
  readonly stopDateGiven: boolean;
  readonly basis: string;
  readonly sources: readonly string[];
  readonly provenance: readonly Provenance[];
}

/** Days to wait after stopping `id` before an irreversible MAOI, where the figure comes from. */
function washoutBeforeMaoi(id: string): { days: number; basis: string; sources: string[]; provenance: Provenance[] } {
  const other = findDrug(id);
  if (other && other.drugClass === 'antidepressant') {
    if (other.maoiWashoutDays) {
      const w = other.maoiWashoutDays;
      return { days: w.value, basis: `${other.displayName} before an MAOI: ${w.value} days`, sources: 'source' in w ? [w.source] : [], provenance: [w] };
    }
    const hours = new D(other.washoutHalfLife.hours.value).mul(C.washoutHalfLives.value);
    const byHalfLife = hours.div(24).ceil().toNumber();
    const days = Math.max(byHalfLife, C.minimumWashoutDays.value);
    return {
      days,
      basis: `${other.displayName} before an MAOI: ${C.washoutHalfLives.value} × ${formatAmount(other.washoutHalfLife.hours.value)} h (${other.washoutHalfLife.moiety}) = ${formatAmount(hours)} h → ${byHalfLife} days, at least ${C.minimumWashoutDays.value} days → ${days} days`,
      sources: [],
      provenance: [other.washoutHalfLife.hours, C.washoutHalfLives, C.minimumWashoutDays],
    };
  }
  return {
    days: C.unknownSerotonergicWashoutDays.value,
    basis: `${concurrentName(id)} before an MAOI: ${C.unknownSerotonergicWashoutDays.value} days (no half-life stored)`,
    sources: [],
    provenance: [C.unknownSerotonergicWashoutDays],
  };
}

function washoutsFor(request: RestartRequest, drug: AntidepressantDrug): Washout[] {
  const plannedIsMaoi = drug.group === 'maoi';
  const out: Washout[] = [];
  request.concurrentHistory.forEach((entry, index) => {
    const id = entry.drug;
    if (id === drug.id) return;
    // A medicine that starts after the restart date is that medicine's own plan's concern.
    if (entry.startedOn && entry.startedOn > request.restartDate) return;
    const cats = concurrentCategories(id);
    const lastDose = checkedDate(entry.stoppedOn ?? request.restartDate);
    const base = { index, id, lastDose, stopDateGiven: entry.stoppedOn !== undefined };
    if (C.linezolidIds.includes(id)) {
      const w = C.linezolidWashoutDays;
      out.push({ ...base, days: w.value, basis: `${concurrentName(id)}: 24 hours after its last dose`, sources: ['fda-linezolid-2011'], provenance: [w] });
    } else if (C.concurrentMaoiWashoutDays[id]) {
      const w = C.concurrentMaoiWashoutDays[id]!;
      out.push({ ...base, days: w.value, basis: `${concurrentName(id)}: 24 hours after its last dose`, sources: 'source' in w ? [w.source] : [], provenance: [w] });
    } else if (cats.includes('maoi')) {
      const w = C.irreversibleMaoiWashoutDays;
      out.push({ ...base, days: w.value, basis: `${concurrentName(id)} (irreversible MAOI): ${w.value} days after its last dose`, sources: ['ontario-maoi-washout'], provenance: [w] });
    } else if (plannedIsMaoi && (findDrug(id)?.drugClass === 'antidepressant' || cats.includes('serotonergic'))) {
      const w = washoutBeforeMaoi(id);
      const sources = id === 'fluoxetine' ? ['label-prozac-contraindications', ...w.sources] : w.sources.length ? w.sources : ['ontario-maoi-washout'];
      out.push({ ...base, days: w.days, basis: w.basis, sources, provenance: w.provenance });
    }
  });
  return out;
}

/** Phase: MAOI washouts and the bupropion contraindication. A refusal when one blocks the restart date. */
function refusalPhase(notes: PlanNotes, request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation, gap: PriorAndBreak): PlanRefusal | null {
  const washouts = washoutsFor(request, drug);
  const blocking = washouts
    .map((w) => ({ ...w, earliest: addCalendarDays(w.lastDose, w.days) }))
    .filter((w) => w.earliest > request.restartDate);
  for (const w of washouts) {
    const earliest = addCalendarDays(w.lastDose, w.days);
    notes.line(
      `MAOI washout: ${w.basis}; last dose ${w.lastDose}${w.stopDateGiven ? '' : ' (still taken: assumed to stop on the restart date)'} → earliest ${earliest}${earliest > request.restartDate ? ' (after the restart date: blocks)' : ' (passed)'}.`,
      ...w.provenance,
      ...(w.stopDateGiven ? [] : [{ assumption: 'ad-washout-from-stop-date' } as const]),
    );
  }
  if (blocking.length) {
    const latest = blocking.reduce((a, b) => (b.earliest > a.earliest ? b : a));
    const names = blocking.map((w) => concurrentName(w.id)).join(', ');
    return notes.refuse({
      code: 'MAOI_WASHOUT',
      path: `concurrent.${latest.index}`,
      drug: drug.id,
      formulation: formulation.id,
      displayName: drug.displayName,
      message: `${drug.displayName} must not be started with or soon after ${names}: ${blocking.map((w) => w.basis).join('; ')}. The earliest date a plan can be made is ${latest.earliest}${latest.stopDateGiven ? '' : ` if ${concurrentName(latest.id)} is stopped on ${request.restartDate}`}.`,
      reasonSources: [...new Set(blocking.flatMap((w) => w.sources))],
      earliestPlanDate: latest.earliest,
      alternative: blocking.every((w) => C.linezolidIds.includes(w.id))
        // linezolid / IV methylene blue are given for an acute reason: the restart waits for the course to end, it does not end it
        ? `Restart ${drug.displayName} no sooner than 24 hours after the last dose of ${names} (when the course is finished; do not stop it for this). Until then manage discontinuation symptoms, with specialist advice.`
        : `Stop ${names} and wait for the washout; until then manage discontinuation symptoms without restarting ${drug.displayName}, with specialist advice.`,
      daysOff: gap.daysOff,
      missedDays: gap.missedDays,
    });
  }
  if (restartRuleOf(drug) === 'bupropion') {
    const window = C.bupropionWithdrawalWindowDays;
    const stopping = request.concurrentHistory
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => {
        if (!entry.stoppedOn) return false;
        const cats = concurrentCategories(entry.drug);
        const listed = C.bupropionWithdrawalCategories.value.some((c) => cats.includes(c as (typeof cats)[number])) || C.beers.antiepilepticIds.value.includes(entry.drug);
        return listed && request.restartDate <= addCalendarDays(entry.stoppedOn, window.value);
      });
    if (stopping.length) {
      const latest = stopping.reduce((a, b) => (b.entry.stoppedOn! > a.entry.stoppedOn! ? b : a));
      const earliest = addCalendarDays(latest.entry.stoppedOn!, window.value + 1);
      const names = stopping.map(({ entry }) => `${concurrentName(entry.drug)} (stopped ${entry.stoppedOn})`).join(', ');
      notes.line(
        `Bupropion contraindication: ${names}, within ${window.value} days of the restart date (rule: a concurrent entry with a stoppedOn date and the category alcohol, benzodiazepine or Z-drug, or an antiepileptic, stopped on or after ${addCalendarDays(request.restartDate, -window.value)}; a recorded stop is treated as abrupt).`,
        C.bupropionWithdrawalCategories,
        window,
      );
      return notes.refuse({
        code: 'BUPROPION_WITHDRAWAL_CONTRAINDICATED',
        path: `concurrent.${latest.index}.stoppedOn`,
        drug: drug.id,
        formulation: formulation.id,
        displayName: drug.displayName,
        message: `The bupropion label contraindicates it in patients undergoing abrupt discontinuation of alcohol, benzodiazepines, barbiturates or antiepileptic drugs (seizures): ${names}. No plan before ${earliest}.`,
        reasonSources: ['label-wellbutrin-sr'],
        earliestPlanDate: earliest,
        alternative: 'Manage the withdrawal first (or taper the other drug rather than stop it); an antidepressant that does not lower the seizure threshold as much can be considered with specialist advice.',
        daysOff: gap.daysOff,
        missedDays: gap.missedDays,
      });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Phase: concurrent opioids (amendment A1 seen from the antidepressant). Before the refusals, so that a refusal
// carries these warnings too.

/** A1 warnings for a serotonergic antidepressant with a concurrent opioid; the rules are the opioid plan's own. */
function opioidInteractionPhase(notes: PlanNotes, request: RestartRequest, drug: AntidepressantDrug): void {
  if (!isSerotonergic(drug)) return;
  for (const finding of serotonergicPlanOpioidFindings(request, drug.id, drug.group === 'maoi')) {
    notes.warn(finding.code, finding.severity, finding.message, finding.sources);
    notes.line(`Warning ${finding.derivation}`, ...finding.provenance);
  }
}

const isSerotonergic = (drug: AntidepressantDrug) => drug.interactionCategories.includes('serotonergic') || drug.group === 'maoi';
const isOpioid = (id: string) => concurrentCategories(id).includes('opioid');

// ---------------------------------------------------------------------------------------------------------
// Phase: ceiling (label maximum and the A2 label caps).

interface AppliedCap {
  readonly cap: LabelCap;
  readonly reasons: readonly string[];
}

interface Ceiling {
  readonly maxDaily: Mg;
  readonly target: readonly Mg[];
  readonly capped: boolean;
  readonly applied: readonly AppliedCap[];
  /** Re-titration start under a cap (paroxetine elderly), when lower than the label start. */
  readonly capStartDaily: Mg | null;
  readonly lines: readonly Line[];
}

function capReasons(cap: LabelCap, request: RestartRequest, others: readonly string[]): string[] {
  const { patient } = request;
  const reasons: string[] = [];
  const age = patient.ageYears;
  if (cap.when.overAge && age !== undefined && age > cap.when.overAge.value) reasons.push(`patient.ageYears ${age} (older than ${cap.when.overAge.value})`);
  if (cap.when.fromAge && age !== undefined && age >= cap.when.fromAge.value) reasons.push(`patient.ageYears ${age} (${cap.when.fromAge.value} or over)`);
  if (cap.when.hepaticGrades && cap.when.hepaticGrades.value.includes(patient.hepaticGrade)) reasons.push(`patient.hepaticImpairment (${patient.hepaticGrade})`);
  if (cap.when.crclBelow && patient.creatinineClearanceMlMin !== undefined && patient.creatinineClearanceMlMin < cap.when.crclBelow.value) {
    reasons.push(`patient.creatinineClearanceMlMin ${patient.creatinineClearanceMlMin} (below ${cap.when.crclBelow.value})`);
  }
  if (cap.when.cyp2c19Inhibitor) {
    const inhibitors = others.filter((id) => concurrentCategories(id).includes('cyp2c19-inhibitor'));
    if (inhibitors.length) reasons.push(`concurrent CYP2C19 inhibitor (${inhibitors.map(concurrentName).join(', ')})`);
  }
  return reasons;
}

function ceilingPhase(request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation, prior: PriorAndBreak, others: readonly string[]): Ceiling {
  const unit = formulation.unit;
  const lines: Line[] = [];
  let max = mgOf(formulation.maxDailyDose.value);
  lines.push(line(`Labelled maximum: ${formatDose({ amount: max, unit })} daily.`, formulation.maxDailyDose));
  const applied: AppliedCap[] = [];
  let capStartDaily: Mg | null = null;
  for (const cap of C.labelCaps[drug.id] ?? []) {
    if (cap.formulations && !cap.formulations.includes(formulation.id)) continue;
    const reasons = capReasons(cap, request, others);
    if (!reasons.length) continue;
    applied.push({ cap, reasons });
    max = smaller(max, mgOf(cap.maxDaily.value));
    const whenProvenance = [cap.when.overAge, cap.when.fromAge, cap.when.hepaticGrades, cap.when.crclBelow].filter((p): p is NonNullable<typeof p> => p !== undefined);
    lines.push(line(`Label cap ${cap.code}: ${formatDose({ amount: cap.maxDaily.value, unit })} daily because of ${reasons.join('; ')}.`, cap.maxDaily, ...whenProvenance));
    if (cap.startDaily) {
      capStartDaily = mgOf(cap.startDaily.value);
      lines.push(line(`Under this cap the re-titration start is ${formatDose({ amount: cap.startDaily.value, unit })} daily.`, cap.startDaily));
    }
  }
  let target: readonly Mg[] = prior.priorRegimen;
  let capped = false;
  if (below(max, prior.priorDaily)) {
    const split = splitDaily(max, prior.times, formulation.strengths);
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable guard, every labelled maximum and cap is made from the strengths (protocol tests)
    if (!split) throw new Error(`programmer error: ${drug.id} maximum cannot be made`);
    target = split;
    capped = true;
    lines.push(line(`The prior ${formatDose({ amount: prior.priorDaily, unit })} daily is above the ceiling ${formatDose({ amount: max, unit })} daily: the target (last step) is ${regimenText(target, unit)} (rounded down to real strengths).`));
  } else {
    lines.push(line(`Target (last step): the prior regimen, ${regimenText(target, unit)}.`));
  }
  return { maxDaily: max, target, capped, applied, capStartDaily, lines };
}

// ---------------------------------------------------------------------------------------------------------
// Phase: gap decision, first step and titration (amendment A9).

interface Decision {
  readonly action: 'resume' | 'retitrate';
  readonly rule: string;
  readonly stages: readonly FixedStage<Mg>[];
  readonly phases: readonly FixedPhase<Mg>[];
  readonly lines: readonly Line[];
}

/** The daily dose actually made from the strengths at or below `cap` (and the target), or null when nothing fits. */
function madeDaily(cap: Mg, times: number, formulation: AntidepressantFormulation, targetDaily: Mg): Mg | null {
  const amounts = splitDaily(smaller(cap, targetDaily), times, formulation.strengths);
  return amounts ? mgTotal(amounts) : null;
}

function decisionPhase(request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation, prior: PriorAndBreak, ceiling: Ceiling): Decision {
  const unit = formulation.unit;
  const m = prior.missedDays;
  const times = prior.times;
  const targetDaily = mgTotal(ceiling.target);
  const dose = (amount: string | Decimal) => formatDose({ amount, unit });
  const labelStartDaily = timesOf(mgOf(formulation.start.dose.value), formulation.start.timesPerDay.value);
  const startDaily = ceiling.capStartDaily ? smaller(labelStartDaily, ceiling.capStartDaily) : labelStartDaily;
  const startTimes = formulation.start.timesPerDay.value;
  const labelSteps: FixedPhase<Mg>[] = [{
    daily: mgOf(formulation.step.daily.value),
    intervalDays: formulation.step.intervalDays.value,
    timesPerDay: times,
    rule: `label step of + ${dose(formulation.step.daily.value)}/day every ${formulation.step.intervalDays.value} days, rounded down to real strengths`,
  }];
  const labelStepLine = line(
    `Then + ${dose(formulation.step.daily.value)}/day no sooner than every ${formulation.step.intervalDays.value} days, up to ${dose(targetDaily)} daily.`,
    formulation.step.daily,
    formulation.step.intervalDays,
  );
  const resume = (rule: string, ...provenance: Provenance[]): Decision => ({
    action: 'resume',
    rule,
    stages: [],
    phases: [],
    lines: [line(`Decision: RESUME — ${rule}.`, ...provenance)],
  });
  /** A fraction of the prior dose, rounded down; the label start (capped at the target) when it cannot be made. */
  const fractionStep = (fraction: Provenance & { value: string }): { daily: Mg; lines: Line[] } => {
    const wanted = timesOf(prior.priorDaily, fraction.value);
    const made = madeDaily(wanted, times, formulation, targetDaily);
    if (made) return { daily: made, lines: [line(`${formatAmount(fraction.value)} × ${dose(prior.priorDaily)} = ${dose(wanted)} daily, rounded down to real strengths: ${dose(made)} daily.`, fraction)] };
    const fallback = smaller(startDaily, targetDaily);
    return {
      daily: fallback,
      lines: [line(`${formatAmount(fraction.value)} × ${dose(prior.priorDaily)} = ${dose(wanted)} daily cannot be made from the real strengths: the label start ${dose(fallback)} daily is used.`, fraction, formulation.start.dose, { assumption: 'ad-half-prior-unmakeable-label-start' })],
    };
  };
  const gapText = `missedDays ${m}`;
  if (m === 0) return resume(`no dose missed (daysOff ${prior.daysOff}): resume the prior dose`);

  switch (restartRuleOf(drug)) {
    case 'standard': {
      const r = C.restart.standard;
      if (m <= r.resumeUpToMissedDays.value) {
        return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose (SSRI, SNRI, mirtazapine, vortioxetine, trazodone; engine assumption of amendment A9)`, r.resumeUpToMissedDays);
      }
      if (m <= r.partialUpToMissedDays.value) {
        const half = timesOf(prior.priorDaily, r.partialFraction.value);
        const first = larger(startDaily, half);
        const interval = formulation.step.intervalDays.value;
        return {
          action: 'retitrate',
          rule: `${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.partialUpToMissedDays.value}: partial restart at the larger of the label start and ${formatAmount(r.partialFraction.value)} × prior, then the prior dose after the label's minimum interval (engine assumption of amendment A9)`,
          stages: [{ days: interval, daily: first, timesPerDay: times, rule: `partial restart: larger of the label start ${dose(startDaily)} and ${formatAmount(r.partialFraction.value)} × prior ${dose(half)} daily, rounded down to real strengths` }],
          phases: [],
          lines: [
            line(`Decision: PARTIAL RESTART — ${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.partialUpToMissedDays.value}.`, r.resumeUpToMissedDays, r.partialUpToMissedDays),
            line(`First step: max(label start ${dose(startDaily)}, ${formatAmount(r.partialFraction.value)} × ${dose(prior.priorDaily)} = ${dose(half)}) = ${dose(first)} daily (capped at the target, rounded down); the target follows after ${interval} days (the label's minimum interval).`, r.partialFraction, formulation.start.dose, formulation.step.intervalDays),
          ],
        };
      }
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.partialUpToMissedDays.value}: re-titrate from the label start with the label steps (engine assumption of amendment A9)`,
        stages: [{ days: formulation.step.intervalDays.value, daily: startDaily, timesPerDay: startTimes, rule: 'label starting dose' }],
        phases: labelSteps,
        lines: [
          line(`Decision: RE-TITRATE — ${gapText} > ${r.partialUpToMissedDays.value}.`, r.partialUpToMissedDays),
          line(`First step: the label start ${dose(startDaily)} daily (capped at the target).`, formulation.start.dose, formulation.start.timesPerDay),
          labelStepLine,
        ],
      };
    }
    case 'fluoxetine': {
      const r = C.restart.fluoxetine;
      if (m <= r.resumeUpToMissedDays.value) {
        return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose (norfluoxetine half-life ${drug.resumeHalfLife.range}: substantial drug remains for 2–3 weeks; engine assumption of amendment A9)`, r.resumeUpToMissedDays, drug.resumeHalfLife.hours);
      }
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.resumeUpToMissedDays.value}: restart at ${dose(r.startDaily.value)} daily, + ${dose(r.stepDaily.value)}/day every ${r.stepIntervalDays.value} days (engine assumption of amendment A9)`,
        stages: [{ days: r.stepIntervalDays.value, daily: mgOf(r.startDaily.value), timesPerDay: 1, rule: 'label starting dose' }],
        phases: [{ daily: mgOf(r.stepDaily.value), intervalDays: r.stepIntervalDays.value, timesPerDay: times, rule: `+ ${dose(r.stepDaily.value)}/day every ${r.stepIntervalDays.value} days, rounded down to real strengths` }],
        lines: [
          line(`Decision: RE-TITRATE — ${gapText} > ${r.resumeUpToMissedDays.value}.`, r.resumeUpToMissedDays),
          line(`First step ${dose(r.startDaily.value)} daily, then + ${dose(r.stepDaily.value)}/day no sooner than every ${r.stepIntervalDays.value} days, up to ${dose(targetDaily)} daily.`, r.startDaily, r.stepDaily, r.stepIntervalDays),
        ],
      };
    }
    case 'tca': {
      const r = C.restart.tca;
      if (m <= r.resumeUpToMissedDays.value) return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose (tricyclic; engine assumption of amendment A9)`, r.resumeUpToMissedDays);
      const half = fractionStep(r.fraction);
      if (m <= r.halfUpToMissedDays.value) {
        return {
          action: 'retitrate',
          rule: `${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.halfUpToMissedDays.value}: ${formatAmount(r.fraction.value)} × prior, then the prior dose after ${r.priorAfterDays.value} days (tricyclic; engine assumption of amendment A9)`,
          stages: [{ days: r.priorAfterDays.value, daily: half.daily, timesPerDay: times, rule: `${formatAmount(r.fraction.value)} × prior, rounded down to real strengths` }],
          phases: [],
          lines: [line(`Decision: RE-TITRATE — ${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.halfUpToMissedDays.value}.`, r.resumeUpToMissedDays, r.halfUpToMissedDays), ...half.lines, line(`The target follows after ${r.priorAfterDays.value} days.`, r.priorAfterDays)],
        };
      }
      const older = request.patient.ageYears !== undefined && request.patient.ageYears >= r.olderFromAge.value;
      const tierStart = mgOf(older ? r.olderStartDaily.value : r.startDaily.value);
      const tierMade = madeDaily(tierStart, times, formulation, targetDaily) ?? smaller(mgOf(formulation.strengths[0]!.amount), targetDaily);
      const first = smaller(tierMade, half.daily);
      const lines: Line[] = [
        line(`Decision: RE-TITRATE — ${gapText} > ${r.halfUpToMissedDays.value}.`, r.halfUpToMissedDays),
        line(`Start ${dose(tierStart)} daily${older ? ` (patient.ageYears ${request.patient.ageYears} ≥ ${r.olderFromAge.value})` : ''}${tierMade.eq(tierStart) ? '' : `; ${dose(tierStart)} cannot be made from the real strengths, so ${dose(tierMade)} (the smallest real dose) is used`}.`, older ? r.olderStartDaily : r.startDaily, ...(older ? [r.olderFromAge] : []), ...(tierMade.eq(tierStart) ? [] : [{ assumption: 'ad-half-prior-unmakeable-label-start' } as const])),
      ];
      if (below(first, tierMade)) lines.push(line(`The first step is lowered to ${dose(first)} daily: never above the first step of a shorter gap (${formatAmount(r.fraction.value)} × prior after ${r.resumeUpToMissedDays.value + 1}–${r.halfUpToMissedDays.value} missed days).`, { assumption: 'ad-first-step-never-above-shorter-gap' }));
      lines.push(line(`Then + ${dose(r.stepDaily.value)}/day no sooner than every ${r.stepIntervalDays.value} days, up to ${dose(targetDaily)} daily.`, r.stepDaily, r.stepIntervalDays));
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.halfUpToMissedDays.value}: re-titrate from ${dose(first)} daily, + ${dose(r.stepDaily.value)}/day every ${r.stepIntervalDays.value} days (tricyclic; engine assumption of amendment A9)`,
        stages: [{ days: r.stepIntervalDays.value, daily: first, timesPerDay: times, rule: older ? `tricyclic restart at age ${request.patient.ageYears}` : 'tricyclic restart dose' }],
        phases: [{ daily: mgOf(r.stepDaily.value), intervalDays: r.stepIntervalDays.value, timesPerDay: times, rule: `+ ${dose(r.stepDaily.value)}/day every ${r.stepIntervalDays.value} days, rounded down to real strengths` }],
        lines,
      };
    }
    case 'bupropion': {
      const r = C.restart.bupropion;
      if (m <= r.resumeUpToMissedDays.value) {
        const singleDose = 'source' in formulation.maxSingleDose ? ` within the label's single-dose limit of ${dose(formulation.maxSingleDose.value)}` : '';
        return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose${singleDose} (buPROPion; engine assumption of amendment A9)`, r.resumeUpToMissedDays, ...(singleDose ? [formulation.maxSingleDose] : []));
      }
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.resumeUpToMissedDays.value}: restart at ${dose(r.startDaily.value)} daily, ${dose(r.secondDaily.value)} after ${r.secondAfterDays.value} days, then label steps (buPROPion; engine assumption of amendment A9)`,
        stages: [{ days: r.secondAfterDays.value, daily: mgOf(r.startDaily.value), timesPerDay: times, rule: 'buPROPion restart dose' }],
        phases: [
          { daily: subtract(mgOf(r.secondDaily.value), mgOf(r.startDaily.value)), intervalDays: r.secondAfterDays.value, upTo: mgOf(r.secondDaily.value), timesPerDay: times, rule: `${dose(r.secondDaily.value)} daily after ${r.secondAfterDays.value} days` },
          ...labelSteps,
        ],
        lines: [
          line(`Decision: RE-TITRATE — ${gapText} > ${r.resumeUpToMissedDays.value}.`, r.resumeUpToMissedDays),
          line(`First step ${dose(r.startDaily.value)} daily; ${dose(r.secondDaily.value)} daily no sooner than ${r.secondAfterDays.value} days later.`, r.startDaily, r.secondDaily, r.secondAfterDays),
          labelStepLine,
        ],
      };
    }
    case 'vilazodone': {
      const r = C.restart.vilazodone;
      if (m <= r.resumeUpToMissedDays.value) return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose (vilazodone; engine assumption of amendment A9)`, r.resumeUpToMissedDays);
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.resumeUpToMissedDays.value}: the label titration (${r.stages.value.map((s) => dose(s.daily)).join(' → ')}, each for at least ${r.stages.value[0]!.days} days)`,
        stages: r.stages.value.map((s) => ({ days: s.days, daily: mgOf(s.daily), timesPerDay: 1, rule: `label titration: ${dose(s.daily)} daily` })),
        phases: [],
        lines: [
          line(`Decision: RE-TITRATE — ${gapText} > ${r.resumeUpToMissedDays.value}.`, r.resumeUpToMissedDays),
          line(`Label titration: ${r.stages.value.map((s) => `${dose(s.daily)} daily for ${s.days} days`).join(', then ')}, up to ${dose(targetDaily)} daily.`, r.stages),
        ],
      };
    }
    case 'maoi': {
      const r = C.restart.maoi;
      if (m <= r.resumeUpToMissedDays.value) return resume(`${gapText} ≤ ${r.resumeUpToMissedDays.value}: resume the prior dose (irreversible MAOI; engine assumption of amendment A9)`, r.resumeUpToMissedDays);
      const half = fractionStep(r.fraction);
      if (m <= r.halfUpToMissedDays.value) {
        return {
          action: 'retitrate',
          rule: `${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.halfUpToMissedDays.value}: ${formatAmount(r.fraction.value)} × prior, then label steps (irreversible MAOI; engine assumption of amendment A9)`,
          stages: [{ days: formulation.step.intervalDays.value, daily: half.daily, timesPerDay: times, rule: `${formatAmount(r.fraction.value)} × prior, rounded down to real strengths` }],
          phases: labelSteps,
          lines: [line(`Decision: RE-TITRATE — ${gapText} is ${r.resumeUpToMissedDays.value + 1}–${r.halfUpToMissedDays.value}.`, r.resumeUpToMissedDays, r.halfUpToMissedDays), ...half.lines, labelStepLine],
        };
      }
      const startMade = madeDaily(startDaily, startTimes, formulation, targetDaily) ?? smaller(startDaily, targetDaily);
      const first = smaller(startMade, half.daily);
      const lines: Line[] = [
        line(`Decision: RE-TITRATE — ${gapText} > ${r.halfUpToMissedDays.value}.`, r.halfUpToMissedDays),
        line(`First step: the label start ${dose(startDaily)} daily (capped at the target).`, formulation.start.dose, formulation.start.timesPerDay),
      ];
      if (below(first, startMade)) lines.push(line(`Lowered to ${dose(first)} daily: never above the first step of a shorter gap.`, { assumption: 'ad-first-step-never-above-shorter-gap' }));
      lines.push(labelStepLine);
      return {
        action: 'retitrate',
        rule: `${gapText} > ${r.halfUpToMissedDays.value}: re-titrate from the label start with the label steps (irreversible MAOI; engine assumption of amendment A9)`,
        stages: [{ days: formulation.step.intervalDays.value, daily: first, timesPerDay: startTimes, rule: 'label starting dose' }],
        phases: labelSteps,
        lines,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Phase: warnings.

function warningsPhase(notes: PlanNotes, request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation, prior: PriorAndBreak, ceiling: Ceiling, decision: Decision, others: readonly string[]): void {
  const unit = formulation.unit;
  const { patient } = request;
  const rule = restartRuleOf(drug);
  const priorText = formatDose({ amount: prior.priorDaily, unit });

  // Label caps (A2): the specific code, and LABEL_CAP_APPLIED when a cap lowers the ceiling below the prior.
  for (const { cap, reasons } of ceiling.applied) {
    const above = below(mgOf(cap.maxDaily.value), prior.priorDaily);
    notes.warn(
      cap.code,
      above ? 'critical' : cap.severityAtOrBelow,
      `${drug.displayName}: ${cap.message}. Here: ${reasons.join('; ')}. ${above ? `The prior ${priorText} daily is above the cap: the plan stops at ${formatDose({ amount: mgTotal(ceiling.target), unit })} daily.` : `The prior ${priorText} daily is within the cap; do not exceed ${formatDose({ amount: cap.maxDaily.value, unit })} daily.`}`,
      'source' in cap.maxDaily ? [cap.maxDaily.source] : [],
    );
    notes.line(`Warning ${cap.code}: ${reasons.join('; ')}.`);
    if (above) {
      notes.warn(
        'LABEL_CAP_APPLIED',
        'critical',
        `The label cap (${cap.code}) lowers the ceiling below the prior dose: ${priorText} → ${formatDose({ amount: mgTotal(ceiling.target), unit })} daily, because of ${reasons.join('; ')}. A prescriber may override it only with the monitoring the label asks for.`,
        'source' in cap.maxDaily ? [cap.maxDaily.source] : [],
      );
      notes.line(`Warning LABEL_CAP_APPLIED: the ceiling ${formatDose({ amount: mgTotal(ceiling.target), unit })} daily is below the prior ${priorText} daily (input: ${reasons.join('; ')}).`);
    }
  }
  // A QT drug's labelled maximum is a QT limit (citalopram: FDA 2012, no more than 40 mg/day), so a prior above it
  // is a label cap lowering the ceiling (A2: CRITICAL LABEL_CAP_APPLIED); it is also reported as a QT reason below.
  const aboveAppliedCap = ceiling.applied.some((a) => below(mgOf(a.cap.maxDaily.value), prior.priorDaily));
  if (ceiling.capped && !aboveAppliedCap) {
    const maxSources = 'source' in formulation.maxDailyDose ? [formulation.maxDailyDose.source] : [];
    const capText = formatDose({ amount: mgTotal(ceiling.target), unit });
    if (drug.qtRisk) {
      notes.warn(
        'LABEL_CAP_APPLIED',
        'critical',
        `The labelled maximum of ${formatDose({ amount: formulation.maxDailyDose.value, unit })} daily lowers the ceiling below the prior dose: ${priorText} → ${capText} daily (${drug.displayName} prolongs the QT interval in a dose-dependent way). A prescriber may override it only with the monitoring the label asks for.`,
        maxSources,
      );
      notes.line(`Warning LABEL_CAP_APPLIED: the ceiling ${capText} daily is below the prior ${priorText} daily (the labelled maximum).`, formulation.maxDailyDose);
    } else {
      notes.warn('DOSE_ABOVE_LABEL_MAX', 'warning', `The prior dose was above the labelled maximum; the plan stops at ${capText} daily.`, maxSources);
    }
  }

  // Decision (A9).
  if (decision.action === 'resume') {
    notes.warn('AD_RESUME_PRIOR', 'info', `Resume ${drug.displayName} at the prior dose: ${decision.rule}.`, []);
  }
  if (prior.missedDays >= C.discontinuationFromMissedDays.value) {
    const symptoms = patient.withdrawalSymptomsNow;
    const severe = (symptoms === 'significant' || symptoms === 'severe') && decision.action === 'retitrate';
    notes.warn(
      'AD_DISCONTINUATION_SYMPTOMS',
      'warning',
      `${prior.missedDays} missed day${prior.missedDays === 1 ? '' : 's'}: NICE NG222 1.4.14 advises that stopping abruptly or missing doses can cause withdrawal symptoms (for example dizziness, altered sensations such as electric shocks, restlessness, sleep problems, sweating, nausea, palpitations, headaches). Ask about them; they are not a reason to go above the plan.${severe ? ` patient.withdrawalSymptomsNow is ${symptoms}: NICE NG222 1.4.22 says to consider restarting the original antidepressant at the previous dose when withdrawal symptoms are more severe; the plan reaches the previous dose at its last step, and a prescriber may judge an earlier return.` : ''}`,
      ['nice-ng222'],
    );
    notes.line(`Warning AD_DISCONTINUATION_SYMPTOMS: missedDays ${prior.missedDays} ≥ ${C.discontinuationFromMissedDays.value}.`, C.discontinuationFromMissedDays);
  }
  const olderTca = prior.missedDays > C.restart.tca.halfUpToMissedDays.value && patient.ageYears !== undefined && patient.ageYears >= C.restart.tca.olderFromAge.value;
  if (rule === 'tca' && decision.action === 'retitrate') {
    notes.warn(
      'TCA_RETITRATE',
      'warning',
      `${drug.displayName} is a tricyclic: after a break orthostatic hypotension, anticholinergic effects and QRS/QT prolongation return with the dose, so the plan re-titrates (${decision.rule})${olderTca ? `; the restart dose is ${formatDose({ amount: C.restart.tca.olderStartDaily.value, unit })} daily because patient.ageYears is ${patient.ageYears} (${C.restart.tca.olderFromAge.value} or over)` : ''}. Check an ECG in older or cardiac patients.`,
      ['beers-2023', 'boehnert-1985'],
    );
  }
  if (drug.group === 'tca') {
    notes.warn(
      'TCA_TOXICITY',
      'warning',
      `${drug.displayName} is a tricyclic: narrow margin in overdose (QRS ≥ 0.10 s predicted seizures and arrhythmias). Limit the quantity supplied if there is a risk of self-harm.`,
      ['boehnert-1985'],
    );
  }
  if (rule === 'bupropion') {
    notes.warn(
      'BUPROPION_SEIZURE',
      'critical',
      `${drug.displayName}: dose-related seizures (about 0.1% at 300 mg/day or less, 0.4% at 400 mg/day); the label says to increase the dose gradually${'source' in formulation.maxSingleDose ? ` and not to exceed ${formatDose({ amount: formulation.maxSingleDose.value, unit })} in a single dose` : ''}. Contraindicated with a seizure disorder, an eating disorder, or abrupt withdrawal of alcohol, benzodiazepines, barbiturates or antiepileptics.${patient.seizureHistory ? ' patient.seizureHistory is recorded: the label contraindicates bupropion with a seizure disorder.' : ''}`,
      ['label-wellbutrin-sr'],
    );
    notes.line(`Warning BUPROPION_SEIZURE: ${drug.displayName} [label-wellbutrin-sr].`, ...('source' in formulation.maxSingleDose ? [formulation.maxSingleDose] : []));
  }
  if (drug.seizureRisk && rule !== 'bupropion') {
    notes.warn('SEIZURE_RISK', 'warning', `${drug.displayName}: ${drug.seizureRisk.note}. Increase gradually.`, [drug.seizureRisk.source]);
    notes.line(`Warning SEIZURE_RISK: ${drug.displayName} [${drug.seizureRisk.source}: ${drug.seizureRisk.locator}].`);
  }
  if (rule === 'maoi') {
    notes.warn(
      'MAOI_TYRAMINE_DIET',
      'critical',
      `${drug.displayName} is an irreversible MAOI: the low-tyramine diet must be in place from the first dose and for ${C.tyramineDietDaysAfter.value} days after the last dose. Tyramine-rich food (for example aged cheese) or sympathomimetic drugs can cause a hypertensive crisis (sudden severe headache, palpitations, neck stiffness): seek emergency care. No other antidepressant, serotonergic opioid or sympathomimetic without checking the washouts.`,
      ['label-nardil-warnings'],
    );
    notes.line(`Warning MAOI_TYRAMINE_DIET: irreversible MAOI.`, C.tyramineDietDaysAfter);
  }

  // Serotonin syndrome with a serotonergic co-medication other than an opioid (opioids: SEROTONIN_SYNDROME_RISK, above).
  const serotonergicSelf = isSerotonergic(drug);
  const serotonergicOthers = others.filter((id) => {
    const cats = concurrentCategories(id);
    return (cats.includes('serotonergic') || cats.includes('maoi')) && !isOpioid(id);
  });
  if (serotonergicSelf && serotonergicOthers.length) {
    const maoiInvolved = drug.group === 'maoi' || serotonergicOthers.some((id) => concurrentCategories(id).includes('maoi'));
    notes.warn(
      'SEROTONIN_SYNDROME',
      maoiInvolved ? 'critical' : 'warning',
      `${drug.displayName} with ${serotonergicOthers.map(concurrentName).join(', ')}: risk of serotonin syndrome. Watch for clonus, agitation, sweating, tremor with hyperreflexia and fever (Hunter criteria).`,
      ['hunter-2003'],
    );
    notes.line(`Warning SEROTONIN_SYNDROME: concurrent ${serotonergicOthers.map(concurrentName).join(', ')}.`);
  }
  // Linezolid / methylene blue stopped recently (the 24-hour wait has passed): monitor.
  const recentLinezolid = request.concurrentHistory.filter((h) => C.linezolidIds.includes(h.drug) && h.stoppedOn && h.stoppedOn >= addCalendarDays(request.restartDate, -C.irreversibleMaoiWashoutDays.value));
  if (serotonergicSelf && recentLinezolid.length) {
    notes.warn(
      'SEROTONIN_SYNDROME',
      'warning',
      `${recentLinezolid.map((h) => `${concurrentName(h.drug)} (last dose ${h.stoppedOn})`).join(', ')}: the antidepressant may be restarted 24 hours after the last dose (FDA 2011); watch for serotonin toxicity in the first days.`,
      ['fda-linezolid-2011'],
    );
  }

  // QT (citalopram, escitalopram).
  if (drug.qtRisk) {
    const reasons: string[] = [];
    let severity: 'critical' | 'warning' = 'warning';
    const qtcMs = request.qtcMs ?? 0;
    if (qtcMs > C.qtcCautionMs.value) {
      reasons.push(`baseline QTc ${qtcMs} ms`);
      notes.cite(C.qtcCautionMs);
      if (qtcMs > C.qtcAvoidMs.value) {
        severity = 'critical';
        notes.cite(C.qtcAvoidMs);
      }
    }
    const qtOthers = others.filter((id) => concurrentCategories(id).includes('qt-prolonging'));
    if (qtOthers.length) reasons.push(`another QT-prolonging drug (${qtOthers.map(concurrentName).join(', ')})`);
    const capReasonsText = ceiling.applied.flatMap((a) => a.reasons).join('; ');
    if (ceiling.capped) reasons.unshift(`the prior dose was above the ${formatDose({ amount: ceiling.maxDaily, unit })} daily maximum${capReasonsText ? ` for ${capReasonsText}` : ''}`);
    if (reasons.length) {
      notes.warn(
        'QT_PROLONGATION',
        severity,
        `${drug.displayName} prolongs the QT interval in a dose-dependent way: ${reasons.join('; ')}. ${severity === 'critical' ? `QTc above ${C.qtcAvoidMs.value} ms: do not restart without cardiology advice.` : 'Check an ECG and electrolytes.'}`,
        [drug.qtRisk.source],
      );
      notes.line(`Warning QT_PROLONGATION: ${reasons.join('; ')}.`);
    }
  }

  // Beers 2023 (age 65 or over).
  if (isOlderAdult(request)) {
    const B = C.beers;
    const anticholinergic = B.anticholinergic.value.includes(drug.id) && (drug.id !== 'doxepin' || below(mgOf(B.doxepinAboveDaily.value), prior.priorDaily));
    if (anticholinergic) {
      notes.warn(
        'BEERS_AVOID',
        'warning',
        `Age ${patient.ageYears}: the Beers Criteria (2023) list ${drug.displayName} among antidepressants with strong anticholinergic activity: highly anticholinergic, sedating, and cause orthostatic hypotension; avoid. Consider an alternative before restarting.`,
        ['beers-2023'],
      );
      notes.line(`Warning BEERS_AVOID: patient.ageYears ${patient.ageYears} ≥ ${B.fromAge.value}, strongly anticholinergic antidepressant.`, B.fromAge, B.anticholinergic, ...(drug.id === 'doxepin' ? [B.doxepinAboveDaily] : []));
    }
    if (B.siadhGroups.value.includes(drug.group) || B.siadhDrugs.value.includes(drug.id)) {
      notes.warn(
        'BEERS_SIADH',
        'warning',
        `Age ${patient.ageYears}: the Beers Criteria list ${drug.displayName} (${drug.group === 'atypical' ? drug.displayName : drug.group.toUpperCase()}) among drugs that may cause or worsen SIADH or hyponatraemia: use with caution and check sodium when starting or changing the dose.`,
        ['beers-2023'],
      );
      notes.line(`Warning BEERS_SIADH: patient.ageYears ${patient.ageYears} ≥ ${B.fromAge.value}.`, B.fromAge, B.siadhGroups.value.includes(drug.group) ? B.siadhGroups : B.siadhDrugs);
    }
  }
  beersFallsAndCnsWarnings(notes, request, { id: drug.id, displayName: drug.displayName, fallsGroup: 'antidepressant' });
}

// ---------------------------------------------------------------------------------------------------------

export function planAntidepressant(request: RestartRequest, drug: AntidepressantDrug, formulation: AntidepressantFormulation): RestartPlan | PlanRefusal {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const others = request.concurrent.filter((id) => id !== drug.id);

  // Phase: prior exposure and the gap.
  const prior = priorAndBreak(notes, request, drug.displayName, formulation);
  notes.line('Antidepressants: the question is to resume the prior dose or re-titrate (restart-model amendment A9); no daily equivalent is computed.');

  // Phase: concurrent opioids (A1), then refusals.
  opioidInteractionPhase(notes, request, drug);
  const refusal = refusalPhase(notes, request, drug, formulation, prior);
  if (refusal) return refusal;

  // Phase: ceiling.
  const ceiling = ceilingPhase(request, drug, formulation, prior, others);
  write(notes, ceiling.lines);

  // Phase: gap decision, first step and titration.
  const decision = decisionPhase(request, drug, formulation, prior, ceiling);
  write(notes, decision.lines);
  const scheduled = buildFixedSchedule({
    startDate: checkedDate(request.restartDate),
    stages: decision.stages,
    phases: decision.phases,
    target: ceiling.target,
    targetRule: decision.action === 'resume'
      ? (ceiling.capped ? 'resume the prior dose, capped at the ceiling' : 'resume the prior dose')
      : (ceiling.capped ? 'reaches the ceiling (prior dose capped)' : 'reaches the prior dose (the target)'),
    strengths: formulation.strengths,
  });
  const steps: PlanStep[] = toPlanSteps(scheduled, { drug: drug.id, formulation });
  steps.forEach((step, index) => {
    notes.line(`Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily (${step.rule}).`);
  });
  notes.assume('ad-retained-fraction-decision');

  // Phase: warnings.
  warningsPhase(notes, request, drug, formulation, prior, ceiling, decision, others);

  return notes.finish({
    drug: drug.id,
    drugClass: 'antidepressant',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff: prior.daysOff,
    missedDays: prior.missedDays,
    tolerance: { retainedFraction: decision.action === 'resume' ? '1' : '0', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(prior.priorDaily), unit }, components: [singlePriorComponent(request, { drugId: drug.id, displayName: drug.displayName, formulationId: formulation.id, formulationName: formulation.name, unit }, prior.priorDaily)] },
    steps,
    decision: { action: decision.action, rule: decision.rule },
  });
}
