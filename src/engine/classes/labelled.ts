/**
 * Planner for drugs whose labels give explicit restart rules (restart model section 6, amendments A3 and
 * A10): clozapine, lamotrigine, quetiapine, carbamazepine, gabapentin, pregabalin. The label's threshold
 * decides resume or re-titrate; re-titration follows the label's initial schedule up to the target. The
 * target is the prior dose under every ceiling that applies: the labelled maximum, the gabapentinoid renal
 * band, clozapine after stopping smoking, lamotrigine when valproate was started in the gap. Rules and
 * sources: docs/clinical-model.md ("Antidepressants and labelled restarts"). Named phases: prior exposure, ceiling, gap
 * decision, titration, warnings.
 */
import type { Decimal } from 'decimal.js';
import { LABELLED_CLASS } from '../../protocols/labelled/index.ts';
import type { LabelledDrug, LabelSchedule, RenalBand } from '../../protocols/labelled/types.ts';
import type { FormulationBase, Provenance } from '../../protocols/types.ts';
import { D, decimalString } from '../decimal.ts';
import { atMost, below, checkedDate, mg, smaller, sum, times as timesOf, type IsoDate, type Mg } from '../units.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import type { ConcurrentMedication, PlanStep, RestartPlan, RestartRequest } from '../types.ts';
import { beersFallsAndCnsWarnings, isOlderAdult } from './beers.ts';
import { buildFixedSchedule, ceilingOn, lowerOfSchedules, splitDaily, type FixedStep } from './fixedSchedule.ts';
import { priorAndBreak, type PriorAndBreak } from './prior.ts';
import { toPlanSteps } from './steps.ts';
import { singlePriorComponent } from '../notes.ts';

const L = LABELLED_CLASS;
const ZERO_MG = mg(new D(0));

/** Daily total of a regimen (one amount per administration), in mg. */
function mgTotal(regimen: readonly Mg[]): Mg {
  return sum(regimen, ZERO_MG);
}

/** A protocol amount (a decimal string in mg, the unit of every labelled-restart product) as mg. */
function mgOf(value: string): Mg {
  return mg(new D(value));
}

interface Line {
  readonly text: string;
  readonly provenance: readonly Provenance[];
}
const line = (text: string, ...provenance: Provenance[]): Line => ({ text, provenance });
const write = (notes: PlanNotes, lines: readonly Line[]): void => lines.forEach((l) => notes.line(l.text, ...l.provenance));

/**
 * Lamotrigine: valproate first (the slowest schedule wins), then enzyme inducers, else standard.
 * A drug with one schedule (id 'initial') falls through to it.
 */
function chooseSchedule(drug: LabelledDrug, request: RestartRequest): { schedule: LabelSchedule; why: string | null } {
  const byId = (id: string) => drug.schedules.find((s) => s.id === id);
  const valproate = request.concurrent.filter((id) => concurrentCategories(id).includes('valproate'));
  const inducers = request.concurrent.filter((id) => concurrentCategories(id).includes('enzyme-inducer'));
  if (valproate.length && byId('valproate')) return { schedule: byId('valproate')!, why: `concurrent ${valproate.map(concurrentName).join(', ')}` };
  if (inducers.length && byId('inducer')) return { schedule: byId('inducer')!, why: `concurrent enzyme inducer ${inducers.map(concurrentName).join(', ')} and no valproate` };
  // the standard schedule's own wording ("taking neither valproate nor an enzyme inducer") is the reason; a label
  // with one schedule has nothing to choose
  return { schedule: byId('standard') ?? drug.schedules[0]!, why: null };
}

// ---------------------------------------------------------------------------------------------------------
// Phase: ceiling.

interface RenalBandChoice {
  readonly band: RenalBand;
  /** The input that chose the band, in words naming the field. */
  readonly basis: string;
  readonly assumed: boolean;
  /** The CrCl sits on an edge two label rows share, and the lower band was taken. */
  readonly sharedEdge: boolean;
}

function renalBandPhase(request: RestartRequest, drug: LabelledDrug): RenalBandChoice | null {
  if (!drug.renal) return null;
  const { patient } = request;
  const bands = [...drug.renal.bands.value].sort((a, b) => b.fromCrCl - a.fromCrCl);
  // A CrCl on an edge two label rows share (pregabalin 60, 30) goes to the lower band: the conservative reading.
  const bandFrom = (crcl: number) => bands.find((b) => crcl > b.fromCrCl || (crcl === b.fromCrCl && !b.fromExclusive)) ?? bands[bands.length - 1]!;
  if (patient.creatinineClearanceMlMin !== undefined) {
    const crcl = patient.creatinineClearanceMlMin;
    return {
      band: bandFrom(crcl),
      basis: `patient.creatinineClearanceMlMin ${formatAmount(String(crcl))} mL/min`,
      assumed: false,
      sharedEdge: bands.some((b) => b.fromExclusive && crcl === b.fromCrCl),
    };
  }
  // Without a CrCl the assumption names a band by where it starts (A3: renal impairment → the 30–59 / 30–60 band).
  const bandStartingAt = (from: number) => bands.find((b) => from >= b.fromCrCl) ?? bands[bands.length - 1]!;
  if (patient.hemodialysis) return { band: bandStartingAt(L.hemodialysisBandFromCrCl.value), basis: 'patient.hemodialysis without a creatinine clearance', assumed: true, sharedEdge: false };
  if (patient.renalImpairment) return { band: bandStartingAt(L.renalImpairmentBandFromCrCl.value), basis: 'patient.renalImpairment without a creatinine clearance', assumed: true, sharedEdge: false };
  return null;
}

/** A concurrent valproate started after the last dose of lamotrigine (during the gap) and still taken. */
function valproateStartedInGap(request: RestartRequest): { entry: ConcurrentMedication; index: number } | null {
  let found: { entry: ConcurrentMedication; index: number } | null = null;
  request.concurrentHistory.forEach((entry, index) => {
    if (!concurrentCategories(entry.drug).includes('valproate')) return;
    if (!entry.startedOn || entry.startedOn <= request.lastDoseDate) return;
    if (entry.stoppedOn && entry.stoppedOn <= request.restartDate) return;
    found ??= { entry, index };
  });
  return found;
}

interface CeilingLimit {
  readonly code: string;
  readonly daily: Mg;
  /** The input that set it, in words naming the field. */
  readonly input: string;
}

interface Ceiling {
  readonly target: Mg[];
  readonly times: number;
  readonly capped: boolean;
  /** Limits below the prior dose, each naming its input (the labelled maximum is code LABEL_MAX). */
  readonly limits: readonly CeilingLimit[];
  readonly band: RenalBandChoice | null;
  readonly lines: readonly Line[];
}

function ceilingPhase(request: RestartRequest, drug: LabelledDrug, formulation: FormulationBase, prior: PriorAndBreak): Ceiling {
  const unit = formulation.unit;
  const dose = (amount: string | Decimal) => formatDose({ amount, unit });
  const lines: Line[] = [];
  const limits: CeilingLimit[] = [];
  const max = mgOf(drug.maxDailyDose.value);
  let ceiling = max;
  let times = prior.times;
  if (below(max, prior.priorDaily)) limits.push({ code: 'LABEL_MAX', daily: max, input: 'the labelled maximum' });

  const band = renalBandPhase(request, drug);
  if (drug.renal) {
    if (band) {
      const b = band.band;
      lines.push(line(
        `Renal band (${band.basis}): CrCl ${b.label} mL/min → ${dose(b.minDaily)} to ${dose(b.maxDaily)} daily, at most ${b.maxTimesPerDay} dose${b.maxTimesPerDay === 1 ? '' : 's'} a day.${band.sharedEdge ? ` The label's rows share this CrCl; the lower band is taken.` : ''}`,
        drug.renal.bands,
        ...(band.assumed ? [request.patient.hemodialysis ? L.hemodialysisBandFromCrCl : L.renalImpairmentBandFromCrCl] : []),
        ...(band.sharedEdge ? [{ assumption: 'renal-band-shared-edge-lower' } as const] : []),
      ));
      ceiling = smaller(ceiling, mgOf(b.maxDaily));
      times = Math.min(times, b.maxTimesPerDay);
      if (below(mgOf(b.maxDaily), prior.priorDaily)) limits.push({ code: 'RENAL_DOSE_CAP_GABAPENTINOID', daily: mgOf(b.maxDaily), input: band.basis });
    } else {
      lines.push(line('No creatinine clearance was given (patient.creatinineClearanceMlMin) and no renal impairment is recorded: the plan could not check the label\'s renal dosing band; the target is the prior dose under the labelled maximum.'));
    }
  }

  if (drug.rule === 'clozapine' && request.patient.smokedBeforeBreak && !request.patient.smokesNow) {
    const f = L.clozapineSmokingStoppedFraction;
    const limit = timesOf(prior.priorDaily, f.value);
    ceiling = smaller(ceiling, limit);
    limits.push({ code: 'CLOZAPINE_SMOKING_CHANGE', daily: limit, input: 'patient.smokedBeforeBreak true and patient.smokesNow false' });
    lines.push(line(`Smoked before the break and not now (patient.smokedBeforeBreak, patient.smokesNow): ceiling ${formatAmount(f.value)} × ${dose(prior.priorDaily)} = ${dose(limit)} daily until a clozapine plasma level is available.`, f));
  }

  if (drug.rule === 'lamotrigine') {
    const started = valproateStartedInGap(request);
    if (started) {
      const f = L.lamotrigineValproateStartedFraction;
      const limit = timesOf(prior.priorDaily, f.value);
      ceiling = smaller(ceiling, limit);
      limits.push({ code: 'LAMOTRIGINE_VALPROATE', daily: limit, input: `concurrent.${started.index}.startedOn ${started.entry.startedOn} (valproate started after the last lamotrigine dose ${request.lastDoseDate})` });
      lines.push(line(`Valproate was started during the gap (concurrent.${started.index}.startedOn ${started.entry.startedOn}, after the last dose ${request.lastDoseDate}): valproate roughly doubles lamotrigine levels, so the ceiling is ${formatAmount(f.value)} × ${dose(prior.priorDaily)} = ${dose(limit)} daily.`, f));
    }
  }

  let target = prior.priorRegimen;
  let capped = false;
  if (below(ceiling, prior.priorDaily) || times < prior.times) {
    // Stryker disable next-line LogicalOperator: a ceiling below one smallest unit keeps the smallest unit (never reached with the label tables)
    target = splitDaily(smaller(ceiling, prior.priorDaily), times, formulation.strengths) ?? [mgOf(formulation.strengths[0]!.amount)];
    capped = below(ceiling, prior.priorDaily);
  }
  if (capped) {
    const maxOnly = limits.length === 1 && limits[0]!.code === 'LABEL_MAX';
    lines.push(line(
      maxOnly
        ? `The prior ${dose(prior.priorDaily)} daily is above the labelled maximum ${dose(max)}: the target is capped at ${dose(mgTotal(target))} daily.`
        : `The prior ${dose(prior.priorDaily)} daily is above the ceiling ${dose(ceiling)} daily (${limits.map((l) => `${l.code}: ${l.input}`).join('; ')}): the target is ${dose(mgTotal(target))} daily, rounded down to real strengths.`,
      ...(maxOnly ? [drug.maxDailyDose] : []),
    ));
  } else {
    lines.push(line(`Target (last step): the prior regimen, ${dose(mgTotal(target))} daily (labelled maximum ${dose(max)}).`, drug.maxDailyDose));
  }
  return { target, times, capped, limits, band, lines };
}

// ---------------------------------------------------------------------------------------------------------
// Phase: gap decision (the label's threshold).

function decisionPhase(request: RestartRequest, drug: LabelledDrug, prior: PriorAndBreak): { retitrate: boolean; rule: string; lines: Line[] } {
  const t = drug.threshold;
  const { daysOff, missedDays } = prior;
  let retitrate: boolean;
  let measure: string;
  const provenance: Provenance[] = [t.value];
  switch (t.kind) {
    case 'daysOff-at-least':
      retitrate = daysOff >= t.value.value;
      measure = `daysOff ${daysOff} ${retitrate ? '≥' : '<'} ${t.value.value}`;
      break;
    case 'missedDays-at-least':
      retitrate = missedDays >= t.value.value;
      measure = `missedDays ${missedDays} ${retitrate ? '≥' : '<'} ${t.value.value}`;
      break;
    case 'missedDays-more-than':
      retitrate = missedDays > t.value.value;
      measure = `missedDays ${missedDays} ${retitrate ? '>' : '≤'} ${t.value.value}`;
      break;
    case 'half-lives-more-than': {
      const inducer = t.halfLifeWithInducerHours && request.concurrent.some((id) => concurrentCategories(id).includes('enzyme-inducer'));
      const halfLife = inducer ? t.halfLifeWithInducerHours! : t.halfLifeHours!;
      const limit = new D(halfLife.value).mul(t.value.value);
      retitrate = new D(daysOff * 24).gt(limit);
      measure = `${daysOff * 24} h since the last dose ${retitrate ? '>' : '≤'} ${t.value.value} × ${formatAmount(halfLife.value)} h = ${formatAmount(limit)} h (${inducer ? 'half-life with an enzyme inducer' : 'the shorter half-life is used'}: a shorter half-life makes re-titration happen sooner, the safer reading)`;
      provenance.push(halfLife);
      break;
    }
  }
  const rule = `${t.rule}: ${measure}`;
  return { retitrate, rule, lines: [line(`Decision: ${retitrate ? 'RE-TITRATE' : 'RESUME'} — ${rule}.`, ...provenance)] };
}

// ---------------------------------------------------------------------------------------------------------
// Phase: titration.

function titrationPhase(notes: PlanNotes, request: RestartRequest, drug: LabelledDrug, formulation: FormulationBase, ceiling: Ceiling, retitrate: boolean): FixedStep<Mg, IsoDate>[] {
  const unit = formulation.unit;
  const startDate = checkedDate(request.restartDate);
  const dose = (amount: string | Decimal) => formatDose({ amount, unit });
  const target = ceiling.target;
  const byWhat = ceiling.limits.every((l) => l.code === 'LABEL_MAX') ? 'the labelled maximum' : 'the ceiling';
  const targetRule = ceiling.capped
    ? (retitrate ? `reaches ${byWhat} (prior dose capped)` : `prior dose capped at ${byWhat}`)
    : (retitrate ? 'reaches the prior dose (the target)' : 'resume the prior dose');
  if (!retitrate) {
    return [...buildFixedSchedule({ startDate, stages: [], phases: [], target, targetRule, strengths: formulation.strengths })];
  }
  const { schedule, why } = chooseSchedule(drug, request);
  notes.line(`Label schedule: ${schedule.when}${why ? ` (${why})` : ''}.`, schedule.stages);
  if (drug.retitrationNote) notes.line(drug.retitrationNote.text, drug.retitrationNote);
  const usual = schedule.usualMaintenanceMax;
  if (usual && below(mgOf(usual.value), mgTotal(target))) {
    notes.warn(
      'ABOVE_USUAL_MAINTENANCE',
      'warning',
      `The target ${dose(mgTotal(target))} daily is above the label's usual maintenance of up to ${dose(usual.value)} daily ${schedule.when}: check that the prior dose was set with this combination, and consider a level before the last steps.`,
      'source' in usual ? [usual.source] : [],
    );
    notes.line(`Warning ABOVE_USUAL_MAINTENANCE: target above ${dose(usual.value)} daily ${schedule.when}.`, usual);
  }
  const stages = schedule.stages.value.map((stage, index) => ({
    days: stage.days,
    daily: mgOf(stage.daily),
    timesPerDay: Math.min(stage.timesPerDay, ceiling.band?.band.maxTimesPerDay ?? stage.timesPerDay),
    ...(stage.everyOtherDay ? { everyOtherDay: true } : {}),
    rule: `label stage ${index + 1}: ${dose(stage.daily)} ${stage.everyOtherDay ? 'every other day' : 'daily'}${stage.timesPerDay > 1 ? ` in ${stage.timesPerDay} doses` : ''} for ${stage.days} day${stage.days === 1 ? '' : 's'}`,
  }));
  const phases = schedule.phases.map((phase) => {
    notes.line(
      `Then + ${dose(phase.daily.value)}/day no sooner than every ${phase.intervalDays.value} day${phase.intervalDays.value === 1 ? '' : 's'}${phase.upTo ? ` up to ${dose(phase.upTo.value)}/day` : ''}.`,
      phase.daily,
      phase.intervalDays,
      ...(phase.upTo ? [phase.upTo] : []),
    );
    return {
      daily: mgOf(phase.daily.value),
      intervalDays: phase.intervalDays.value,
      ...(phase.upTo ? { upTo: mgOf(phase.upTo.value) } : {}),
      timesPerDay: Math.max(ceiling.times, 1),
      rule: `label rise of + ${dose(phase.daily.value)}/day every ${phase.intervalDays.value} day${phase.intervalDays.value === 1 ? '' : 's'}, rounded down to real strengths`,
    };
  });
  const label = buildFixedSchedule({ startDate, stages, phases, target, targetRule, strengths: formulation.strengths });
  if (!ceiling.band) return [...label];

  // Gabapentinoid with a known renal band: the band minimum, + the band minimum every 3 days, never above the
  // label titration on the same date (engine assumption gabapentinoid-band-restart).
  const b = ceiling.band.band;
  const interval = L.bandRestartIntervalDays.value;
  const bandSchedule = buildFixedSchedule({
    startDate,
    stages: [{ days: interval, daily: mgOf(b.minDaily), timesPerDay: ceiling.times, rule: `renal band minimum ${dose(b.minDaily)} daily` }],
    phases: [{ daily: mgOf(b.minDaily), intervalDays: interval, timesPerDay: ceiling.times, rule: `+ ${dose(b.minDaily)}/day every ${interval} days (renal band minimum)` }],
    target,
    targetRule,
    strengths: formulation.strengths,
  });
  notes.line(
    `Renal band restart: start at the band minimum ${dose(b.minDaily)} daily and rise by at most ${dose(b.minDaily)}/day every ${interval} days; on every date the lower of this and the label titration is the ceiling.`,
    drug.renal!.bands,
    L.bandRestartIntervalDays,
  );
  const targetDaily = mgTotal(target);
  return lowerOfSchedules(
    label,
    bandSchedule,
    (date) => {
      const labelStep = [...label].reverse().find((s) => s.start <= date);
      return Math.max(1, Math.min(ceiling.times, labelStep ? labelStep.administrations.length : ceiling.times));
    },
    formulation.strengths,
    (date, fromLabel) => {
      const cap = smaller(ceilingOn(label, date), ceilingOn(bandSchedule, date));
      if (atMost(targetDaily, cap)) return targetRule;
      return fromLabel ? `label titration (lower than the renal band schedule on this date)` : `renal band schedule: band minimum ${dose(b.minDaily)} plus at most ${dose(b.minDaily)}/day every ${interval} days`;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Phase: warnings.

function warningsPhase(notes: PlanNotes, request: RestartRequest, drug: LabelledDrug, formulation: FormulationBase, prior: PriorAndBreak, ceiling: Ceiling, decision: { retitrate: boolean; rule: string }): void {
  const unit = formulation.unit;
  const dose = (amount: string | Decimal) => formatDose({ amount, unit });
  const { patient } = request;
  const others = request.concurrent.filter((id) => id !== drug.id);
  const cats = new Set(others.flatMap((id) => concurrentCategories(id)));
  const hazard = drug.hazard;
  const targetText = dose(mgTotal(ceiling.target));
  const limit = (code: string) => ceiling.limits.find((l) => l.code === code);

  if (drug.rule === 'gabapentinoid') {
    const risks: string[] = [];
    if ((patient.ageYears ?? 0) >= 65) risks.push(`age ${patient.ageYears}`);
    if (patient.respiratoryDisease) risks.push('respiratory disease');
    // Every opioid in the catalog is also a cns-depressant; the opioid test is kept so a future opioid entry is never missed.
    // Stryker disable next-line StringLiteral: equivalent while every opioid also carries 'cns-depressant'
    const depressants = others.filter((id) => concurrentCategories(id).includes('cns-depressant') || concurrentCategories(id).includes('opioid'));
    if (depressants.length) risks.push(`concurrent ${depressants.map(concurrentName).join(', ')}`);
    if (risks.length) {
      notes.warn(hazard.code, 'warning', `${hazard.message} Risk factors here: ${risks.join('; ')}.`, hazard.sources);
      notes.line(`Warning ${hazard.code}: ${risks.join('; ')}.`);
    }
    const opioids = others.filter((id) => concurrentCategories(id).includes('opioid'));
    if (opioids.length) {
      notes.warn(
        'GABAPENTINOID_OPIOID',
        'critical',
        `${drug.displayName} with ${opioids.map(concurrentName).join(', ')}: serious, sometimes fatal respiratory depression (FDA 2019). Start the gabapentinoid at the lowest dose, monitor for sedation and slowed breathing, and make sure naloxone is available.`,
        ['fda-gabapentinoid-2019'],
      );
      notes.line(`Warning GABAPENTINOID_OPIOID: concurrent ${opioids.map(concurrentName).join(', ')}.`);
      if (isOlderAdult(request)) {
        notes.warn(
          'BEERS_OPIOID_GABAPENTINOID',
          'critical',
          `Age ${patient.ageYears}: the Beers Criteria (2023) advise avoiding an opioid with a gabapentinoid (sedation, respiratory depression, death), except when moving from an opioid to a gabapentinoid or using the gabapentinoid to lower the opioid dose.`,
          ['beers-2023'],
        );
      }
    }
    const misuse: string[] = [];
    if (opioids.length) misuse.push(`concurrent opioid (${opioids.map(concurrentName).join(', ')})`);
    if (patient.substanceUseDisorder) misuse.push('patient.substanceUseDisorder (including opioid use disorder)');
    if (misuse.length) {
      notes.warn(
        'GABAPENTINOID_MISUSE',
        'warning',
        `${drug.displayName} is misused, especially with opioids; in the UK pregabalin and gabapentin became controlled drugs in 2019 after rising deaths, and gabapentinoids can reverse tolerance to an opioid's effect on breathing. Here: ${misuse.join('; ')}. Prescribe limited quantities and review.`,
        ['uk-gabapentinoid-2019'],
      );
      notes.line(`Warning GABAPENTINOID_MISUSE: ${misuse.join('; ')}.`);
    }
    if (drug.renal) {
      const capLimit = limit('RENAL_DOSE_CAP_GABAPENTINOID');
      const source = 'source' in drug.renal.bands ? drug.renal.bands.source : drug.id === 'gabapentin' ? 'label-neurontin' : 'label-lyrica';
      if (capLimit && ceiling.band) {
        notes.warn(
          'RENAL_DOSE_CAP_GABAPENTINOID',
          'critical',
          `${drug.displayName} is cleared by the kidneys: ${ceiling.band.basis} gives the label band CrCl ${ceiling.band.band.label} mL/min (${dose(ceiling.band.band.minDaily)} to ${dose(ceiling.band.band.maxDaily)} daily). The prior ${dose(prior.priorDaily)} daily is above it, so the plan stops at ${targetText} daily: accumulation causes sedation and respiratory depression.${ceiling.band.assumed ? ' The band is an engine assumption because no creatinine clearance was given; enter it to check.' : ''}`,
          [source],
        );
        notes.line(`Warning RENAL_DOSE_CAP_GABAPENTINOID: ${capLimit.input}; ceiling ${dose(capLimit.daily)} daily below the prior ${dose(prior.priorDaily)} daily.`);
      } else if (ceiling.band && ceiling.band.band.fromCrCl < 60) {
        notes.warn(
          'RENAL_DOSE_ADJUSTMENT',
          'warning',
          `${drug.displayName} is cleared by the kidneys: ${ceiling.band.basis} gives the label band CrCl ${ceiling.band.band.label} mL/min (${dose(ceiling.band.band.minDaily)} to ${dose(ceiling.band.band.maxDaily)} daily, at most ${ceiling.band.band.maxTimesPerDay} a day); the plan stays within it.${ceiling.band.assumed ? ' The band is an engine assumption because no creatinine clearance was given.' : ''}`,
          [source],
        );
      }
      if (!ceiling.band) {
        notes.warn(
          'RENAL_FUNCTION_UNCHECKED',
          'info',
          `No creatinine clearance was given: the plan could not check ${drug.displayName}'s label renal dosing band (reduce the dose below 60 mL/min). Enter patient.creatinineClearanceMlMin to check it.`,
          [source],
        );
      }
      if (patient.hemodialysis) {
        notes.warn(
          'GABAPENTINOID_HEMODIALYSIS',
          'warning',
          `Hemodialysis: the label adds a supplemental dose of ${drug.renal.hemodialysisSupplement.value} after each session, on top of the band dose; the plan's steps do not include it.`,
          [source],
        );
        notes.line(`Warning GABAPENTINOID_HEMODIALYSIS: patient.hemodialysis.`, drug.renal.hemodialysisSupplement);
      }
    }
  } else if (drug.rule === 'carbamazepine') {
    notes.warn(hazard.code, decision.retitrate ? 'critical' : 'warning', hazard.message, hazard.sources);
    if (cats.has('maoi')) {
      const maois = others.filter((id) => concurrentCategories(id).includes('maoi'));
      notes.warn('MAOI_WASHOUT', 'critical', `carBAMazepine is contraindicated with or within 14 days of an MAOI (${maois.map(concurrentName).join(', ')}).`, ['label-tegretol']);
    }
  } else if (decision.retitrate) {
    notes.warn(hazard.code, 'critical', hazard.message, hazard.sources);
    notes.line(`Warning ${hazard.code}: ${decision.rule}.`);
  }

  if (drug.rule === 'lamotrigine') {
    const valproate = others.filter((id) => concurrentCategories(id).includes('valproate'));
    const started = limit('LAMOTRIGINE_VALPROATE');
    if (valproate.length || started) {
      notes.warn(
        'LAMOTRIGINE_VALPROATE',
        'critical',
        `Lamotrigine with valproate: valproate roughly doubles lamotrigine levels, raising the risk of serious rash (Stevens-Johnson syndrome, toxic epidermal necrolysis). The label's valproate schedule (25 mg every other day in weeks 1–2) applies when re-titrating.${started ? ` Valproate was started during the gap (${started.input}): the ceiling is ${dose(started.daily)} daily, half the prior dose.` : ''}`,
        ['label-lamictal', ...(started ? ['psycheducation-lamotrigine-valproate'] : [])],
      );
      notes.line(`Warning LAMOTRIGINE_VALPROATE: ${started ? started.input : `concurrent ${valproate.map(concurrentName).join(', ')}`}.`);
    }
  }

  if (drug.rule === 'clozapine') {
    const ancDays = L.clozapineAncNewPatientDaysOff;
    if (prior.daysOff >= ancDays.value) {
      notes.warn(
        'CLOZAPINE_ANC_NEW_PATIENT',
        'critical',
        `Off cloZAPine for ${prior.daysOff} days (${ancDays.value} or more): the label asks for ANC monitoring as for a new patient (weekly for 6 months, every 2 weeks to 12 months, then monthly), besides the 12.5 mg restart. Check the ANC before the first dose.`,
        ['clozapine-anc-interruption'],
      );
      notes.line(`Warning CLOZAPINE_ANC_NEW_PATIENT: daysOff ${prior.daysOff} ≥ ${ancDays.value}.`, ancDays);
    } else {
      notes.warn(
        'CLOZAPINE_ANC_CONTINUE',
        'warning',
        `Off cloZAPine for ${prior.daysOff} day${prior.daysOff === 1 ? '' : 's'} (under ${ancDays.value}): check the ANC before restarting and continue the previous monitoring schedule (label).`,
        ['clozapine-anc-interruption'],
      );
      notes.line(`Warning CLOZAPINE_ANC_CONTINUE: daysOff ${prior.daysOff} < ${ancDays.value}.`, ancDays);
    }
    const smoking = limit('CLOZAPINE_SMOKING_CHANGE');
    if (smoking) {
      notes.warn(
        'CLOZAPINE_SMOKING_CHANGE',
        'critical',
        `Smoked before the break and does not smoke now (${smoking.input}; nicotine replacement does not count): stopping smoking removes the enzyme induction and plasma cloZAPine may rise substantially within 3–5 days. The ceiling is ${dose(smoking.daily)} daily (half the prior, an engine assumption) until a cloZAPine plasma level guides the dose.`,
        ['clozapine-smoking'],
      );
      notes.line(`Warning CLOZAPINE_SMOKING_CHANGE: ${smoking.input}.`);
    } else if (!patient.smokedBeforeBreak && patient.smokesNow) {
      notes.warn(
        'CLOZAPINE_SMOKING_STARTED',
        'warning',
        'Smokes now but did not before the break (patient.smokesNow): smoking induces cloZAPine metabolism and levels fall; the ceiling stays the prior dose, and any higher dose only by plasma levels.',
        ['clozapine-smoking'],
      );
    }
  }

  if (ceiling.capped) {
    const others = ceiling.limits.filter((l) => l.code !== 'LABEL_MAX');
    if (limit('LABEL_MAX') && !others.length) {
      notes.warn('DOSE_ABOVE_LABEL_MAX', 'warning', `The prior dose was above the labelled maximum; the plan stops at ${targetText} daily.`, 'source' in drug.maxDailyDose ? [drug.maxDailyDose.source] : []);
    } else if (limit('LABEL_MAX')) {
      notes.warn('DOSE_ABOVE_LABEL_MAX', 'warning', `The prior dose was above the labelled maximum ${dose(drug.maxDailyDose.value)} daily.`, 'source' in drug.maxDailyDose ? [drug.maxDailyDose.source] : []);
    }
  }

  const antiepileptic = ['lamotrigine', 'carbamazepine', 'gabapentinoid'].includes(drug.rule);
  beersFallsAndCnsWarnings(notes, request, { id: drug.id, displayName: drug.displayName, fallsGroup: antiepileptic ? 'antiepileptic' : null });
}

// ---------------------------------------------------------------------------------------------------------

export function planLabelled(request: RestartRequest, drug: LabelledDrug, formulation: FormulationBase): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;

  // Phase: prior exposure and the gap.
  const prior = priorAndBreak(notes, request, drug.displayName, formulation);
  notes.line('This drug has a labelled restart rule: the question is to resume the prior dose or follow the label\'s titration again; no daily equivalent is computed.');

  // Phase: ceiling.
  const ceiling = ceilingPhase(request, drug, formulation, prior);
  write(notes, ceiling.lines);

  // Phase: gap decision.
  const decision = decisionPhase(request, drug, prior);
  write(notes, decision.lines);

  // Phase: titration.
  const scheduled = titrationPhase(notes, request, drug, formulation, ceiling, decision.retitrate);
  const steps: PlanStep[] = toPlanSteps(scheduled, { drug: drug.id, formulation }).map((step, index) =>
    scheduled[index]!.everyOtherDay ? { ...step, everyOtherDay: true } : step,
  );
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')}${step.everyOtherDay ? ' every other day' : ` = ${formatDose(step.dailyDose)} daily`} (${step.rule}).`,
    );
  });
  if (steps.some((s) => s.everyOtherDay)) notes.line('Every-other-day steps: dailyDose is the amount on a dosing day; nothing is taken on the days between.');
  notes.assume('ad-retained-fraction-decision');

  // Phase: warnings.
  warningsPhase(notes, request, drug, formulation, prior, ceiling, decision);

  return notes.finish({
    drug: drug.id,
    drugClass: 'labelled-restart',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff: prior.daysOff,
    missedDays: prior.missedDays,
    tolerance: { retainedFraction: decision.retitrate ? '0' : '1', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(prior.priorDaily), unit }, components: [singlePriorComponent(request, { drugId: drug.id, displayName: drug.displayName, formulationId: formulation.id, formulationName: formulation.name, unit }, prior.priorDaily)] },
    steps,
    decision: { action: decision.retitrate ? 'retitrate' : 'resume', rule: decision.rule },
  });
}
