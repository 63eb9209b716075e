/**
 * Buprenorphine restart planner (docs/clinical-model.md, buprenorphine). No MME (partial agonist, ceiling effect).
 * Named phases: prior exposure → tolerance (the restart rule) → product → first step → interaction cap →
 * ceiling (label maximum, induction day 2) → warnings.
 * The plan restarts at the prior dose only after a short gap with no full agonist used in between;
 * otherwise it gives a re-induction with only the label's
 * induction ceilings (day 1, day 2), never an invented schedule.
 */
import type { Decimal } from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import { addCalendarDays, breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose, plural } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import type { ScheduledStep } from '../schedule.ts';
import { floorToStrengths, makeExactly } from '../strengths.ts';
import type { RestartPlan, RestartRequest } from '../types.ts';
import { describe, fillRegimen, opioidWarnings } from './opioid-common.ts';
import { add, atMost, below, checkedDate, larger, mg, mme, smaller, subtract, sum, times as timesOf, type IsoDate, type Mg, productAmount, productAmounts, type ProductAmount } from '../units.ts';
import { toPlanSteps } from './steps.ts';
import { exposureChangeCap } from './opioid-interactions.ts';
import { PhaseLines, record, type Phase } from './planner-phase.ts';
import { retainedFraction, toleranceStatus, anchorSummary } from '../tolerance.ts';
import type { ToleranceStatus } from '../types.ts';
import { singlePriorComponent } from '../notes.ts';

const B = OPIOID_CLASS.buprenorphine;

/** Sublingual buprenorphine amounts are mg; a total of nothing is 0 mg. */
const NO_MG = (): Mg => mg(new D(0));

/** A step of real units on the product, in the unit of its amounts (mg sublingual; mcg/h or mcg for the pain products). */
function step<A extends Decimal>(start: IsoDate, amounts: readonly A[], formulation: OpioidFormulation, rule: string): ScheduledStep<A, IsoDate> {
  const administrations = amounts.map((a) => {
    const made = makeExactly(a, formulation.strengths);
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable guard; every amount passed here comes from the product's own strengths (prior dose, fillRegimen, floorToStrengths)
    if (!made) throw new Error(`programmer error: ${a.toFixed()} mg cannot be made`);
    return made;
  });
  // The sum of amounts in one unit is in that unit.
  return { start, administrations, daily: amounts.reduce<Decimal>((total, a) => total.add(a), new D(0)) as A, rule };
}

/**
 * The ceilings a buprenorphine plan may follow, for the pharmacist check: the prior dose (capped at the label
 * maximum) after a short gap with no full agonist used, else the label induction ceilings for day 1 and day 2.
 * Beyond them no engine rule exists (no source gives one): the prescriber titrates to effect.
 */
export interface BuprenorphineTitrationRule {
  readonly drug: 'buprenorphine';
  readonly kind: 'prior-dose' | 'label-induction';
  /** Daily ceilings by day (0 = the restart date), mg/day; the last one holds from its day on. */
  readonly ceilings: readonly { readonly day: number; readonly maxDailyMg: string }[];
  /** After the last ceiling: no engine rule. */
  readonly beyond: 'prescriber-titrates-to-effect';
}

export function buprenorphineTitrationRule(request: RestartRequest, formulation: OpioidFormulation): BuprenorphineTitrationRule {
  const priorDaily = timesOf(mg(request.prior.dose.amount), request.prior.timesPerDay);
  const { missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  const restartAtPrior = missedDays <= B.shortGapMissedDays.value && request.fullAgonistUsedDuringBreak === false;
  if (restartAtPrior) {
    const maxDaily = formulation.maxDailyDose ? smaller(priorDaily, mg(new D(formulation.maxDailyDose.value))) : priorDaily;
    return { drug: 'buprenorphine', kind: 'prior-dose', ceilings: [{ day: 0, maxDailyMg: decimalString(maxDaily) }], beyond: 'prescriber-titrates-to-effect' };
  }
  return {
    drug: 'buprenorphine',
    kind: 'label-induction',
    ceilings: [
      { day: 0, maxDailyMg: decimalString(smaller(mg(new D(B.inductionDay1MaxMg.value)), priorDaily)) },
      { day: 1, maxDailyMg: decimalString(smaller(mg(new D(B.inductionDay2MaxMg.value)), priorDaily)) },
    ],
    beyond: 'prescriber-titrates-to-effect',
  };
}

// --- Phase 1: prior exposure ---

/** Sublingual buprenorphine: every amount in mg. */
interface PriorExposure {
  readonly dose: Mg;
  readonly times: number;
  readonly priorDaily: Mg;
  readonly priorRegimen: Mg[];
}

function priorExposure(request: RestartRequest, formulation: OpioidFormulation): Phase<PriorExposure> {
  const out = new PhaseLines();
  const unit = formulation.unit;
  const dose = mg(request.prior.dose.amount);
  const times = request.prior.timesPerDay;
  const priorDaily = timesOf(dose, times);
  out.line(
    `Prior regimen: buprenorphine ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${plural(request.priorDurationDays, 'day')}.`,
  );
  out.line(
    'No MME is calculated: buprenorphine is a partial agonist with a ceiling effect on respiratory depression, and CDC 2022 excludes it from the MME table (caution 6).',
    { source: 'cdc-2022', locator: 'Table, caution 6: buprenorphine products are not included (partial µ-agonist, ceiling effects)' },
    { source: 'walsh-1994', locator: 'Abstract: plateau in subjective effects and respiratory depression at sublingual doses 1–32 mg' },
  );
  return out.done({ dose, times, priorDaily, priorRegimen: Array.from({ length: times }, () => dose) });
}

// --- Phase 2: tolerance (the restart rule: no source gives a buprenorphine missed-dose rule) ---

interface RestartRule {
  readonly daysOff: number;
  readonly missedDays: number;
  readonly restartAtPrior: boolean;
  readonly used: boolean | undefined;
}

function restartRule(request: RestartRequest): Phase<RestartRule> {
  const out = new PhaseLines();
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  out.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  const used = request.fullAgonistUsedDuringBreak;
  const restartAtPrior = missedDays <= B.shortGapMissedDays.value && used === false;
  out.line(
    `Restart rule: the prior dose only after at most ${B.shortGapMissedDays.value} missed days with no full-agonist opioid used during the break. Here: ${missedDays} missed day${missedDays === 1 ? '' : 's'}; full agonist during the break: ${used === undefined ? 'not answered (taken as possibly used)' : used ? 'yes' : 'no'}. ${restartAtPrior ? 'The prior dose may be restarted.' : 'Re-induction is needed.'}`,
    B.shortGapMissedDays,
  );
  return out.done({ daysOff, missedDays, restartAtPrior, used });
}

// --- Phases 3–5: product, first step, ceiling (label maximum; induction day 1 and day 2) ---

function firstSteps(request: RestartRequest, formulation: OpioidFormulation, prior: PriorExposure, rule: RestartRule): Phase<ScheduledStep<Mg, IsoDate>[]> {
  const out = new PhaseLines();
  const unit = formulation.unit;
  const { dose, times, priorDaily } = prior;
  const restart = checkedDate(request.restartDate);
  if (rule.restartAtPrior) {
    let regimen = prior.priorRegimen;
    let ruleText = 'prior dose (short gap, no full agonist used during the break)';
    const maxDaily = formulation.maxDailyDose;
    if (maxDaily && priorDaily.gt(maxDaily.value)) {
      regimen = fillRegimen(mg(new D(maxDaily.value)), dose, times, formulation) ?? regimen;
      ruleText = `prior dose capped at the label maximum of ${formatAmount(maxDaily.value)} mg/day`;
      out.line(`The prior ${formatAmount(priorDaily)} mg/day is above the label maximum; the restart is capped: ${describe(regimen, unit)}.`, maxDaily);
    }
    return out.done([step(restart, regimen, formulation, ruleText)]);
  }
  // Label induction ceilings only: first dose 2–4 mg, up to 8 mg on day 1, up to 16 mg on day 2; never above the prior dose.
  const firstDose = smaller(mg(new D(B.inductionFirstDoseMg.value)), priorDaily);
  const day1Cap = smaller(mg(new D(B.inductionDay1MaxMg.value)), priorDaily);
  const day1: Mg[] = [];
  let remaining = day1Cap;
  while (remaining.gt(0)) {
    const made = floorToStrengths(smaller(firstDose, remaining), formulation.strengths);
    // Stryker disable next-line ConditionalExpression: unreachable guard; remaining is a positive sum of real strengths (≥ the smallest one), so a dose always fits
    if (!made) break;
    day1.push(made.amount);
    remaining = subtract(remaining, made.amount);
  }
  // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction: unreachable guard; the first iteration always makes a dose (firstDose ≥ the smallest strength)
  if (day1.length === 0) day1.push(mg(D.min(...formulation.strengths.map((s) => new D(s.amount)))));
  const scheduled = [
    step(
      restart,
      day1,
      formulation,
      `label induction, day 1: first dose ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg once withdrawal is objective, then ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg steps, at most ${formatAmount(day1Cap)} mg on day 1`,
    ),
  ];
  const day2Cap = smaller(mg(new D(B.inductionDay2MaxMg.value)), priorDaily);
  const day2 = floorToStrengths(day2Cap, formulation.strengths);
  if (day2 && below(sum(day1, NO_MG()), day2.amount)) {
    scheduled.push(
      step(addCalendarDays(restart, 1), [day2.amount], formulation, `label induction, day 2: a single daily dose of at most ${formatAmount(day2.amount)} mg (label ≤ ${B.inductionDay2MaxMg.value} mg)`),
    );
  }
  out.line(
    `Re-induction ceilings from the label: first dose ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg; at most ${B.inductionDay1MaxMg.value} mg on day 1; at most ${B.inductionDay2MaxMg.value} mg on day 2; never above the prior ${formatAmount(priorDaily)} mg/day. Day 1: ${describe(day1, unit)}${scheduled[1] ? `; day 2: ${formatDose({ amount: scheduled[1].daily, unit })}` : ''}. Beyond day 2 no schedule is given: the prescriber titrates to effect (usual maintenance ${B.usualMaintenanceMg.value} mg/day).`,
    B.inductionFirstDoseLowMg,
    B.inductionFirstDoseMg,
    B.inductionDay1MaxMg,
    B.inductionDay2MaxMg,
  );
  out.line(
    `Timing of the first dose: only once withdrawal is objective — at least ${B.waitShortActingHours.value} hours after a short-acting full agonist, ${B.waitLongActingHours.value} hours after an extended-release one, longer after methadone; or low-dose initiation for patients not in withdrawal.`,
    B.waitShortActingHours,
    B.waitLongActingHours,
  );
  return out.done(scheduled);
}

// --- Phase 6: interaction cap (a CYP3A4 change that raises buprenorphine exposure, amendment A1) ---

function interactionCap(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation, prior: PriorExposure, scheduled: ScheduledStep<Mg, IsoDate>[]): Phase<ScheduledStep<Mg, IsoDate>[]> {
  const out = new PhaseLines();
  const cap = exposureChangeCap(request, drug.id);
  if (!cap) return out.done(scheduled);
  const first = scheduled[0]!;
  // Never below the label's induction first dose (4 mg), nor above the uncapped first step.
  const floor = smaller(first.daily, mg(new D(B.inductionFirstDoseMg.value)));
  const allowed = smaller(first.daily, larger(timesOf(first.daily, cap.fraction), floor));
  if (atMost(first.daily, allowed)) {
    out.line(`Interaction cap (${cap.reasons.join('; ')}): ${formatAmount(first.daily)} × ${cap.fraction.toFixed()} is below the induction first dose; the first step stays ${formatAmount(first.daily)} mg.`, ...cap.provenance, B.inductionFirstDoseMg);
    return out.done(scheduled);
  }
  const largest = mg(D.max(...first.administrations.map((a) => a.amount)));
  const regimen = fillRegimen(allowed, largest, Math.max(prior.times, first.administrations.length), formulation) ?? [mg(D.min(...formulation.strengths.map((s) => new D(s.amount))))];
  out.line(
    `Interaction cap (${cap.reasons.join('; ')}): first step at most ${formatAmount(first.daily)} × ${cap.fraction.toFixed()} = ${formatAmount(first.daily.mul(cap.fraction))} mg, never below the induction first dose (${formatAmount(B.inductionFirstDoseMg.value)} mg): ${formatAmount(allowed)} mg, rounded down: ${describe(regimen, formulation.unit)}. No source gives a rate back to the prior dose: the prescriber raises it by response.`,
    ...cap.provenance,
    B.inductionFirstDoseMg,
  );
  const capped = step(first.start, regimen, formulation, `${first.rule}; lowered for ${cap.codes.join(', ')} (${cap.reasons.join('; ')}) to at most ${formatAmount(allowed)} mg`);
  // The raised exposure lasts beyond day 1: the label's day-2 ceiling is capped by the same fraction (never below
  // the capped day 1), else day 2 would give the full label dose on top of the inhibitor.
  const later = scheduled.slice(1).flatMap((s) => {
    const limit = larger(sum(regimen, NO_MG()), timesOf(s.daily, cap.fraction));
    if (atMost(s.daily, limit)) return [s];
    const made = floorToStrengths(limit, formulation.strengths);
    if (!made || atMost(made.amount, sum(regimen, NO_MG()))) return [];
    out.line(
      `Interaction cap, day 2: at most ${formatAmount(s.daily)} × ${cap.fraction.toFixed()} = ${formatAmount(s.daily.mul(cap.fraction))} mg, never below day 1 (${formatAmount(sum(regimen, NO_MG()))} mg): ${formatDose({ amount: made.amount, unit: formulation.unit })}.`,
      ...cap.provenance,
    );
    return [step(s.start, [made.amount], formulation, `${s.rule}; lowered for ${cap.codes.join(', ')} (${cap.reasons.join('; ')}) to at most ${formatAmount(made.amount)} mg`)];
  });
  return out.done([capped, ...later]);
}

// --- Phase 7: warnings ---

function warnings(notes: PlanNotes, request: RestartRequest, drug: OpioidDrug, rule: RestartRule): void {
  if (!rule.restartAtPrior) {
    const { used, missedDays } = rule;
    const reason = used === true ? 'a full-agonist opioid was used during the break' : used === undefined ? 'it is not known whether a full-agonist opioid was used during the break' : `${missedDays} missed days is longer than ${B.shortGapMissedDays.value}`;
    notes.warn(
      'BUPRENORPHINE_REINDUCTION',
      'critical',
      `Re-induction is needed because ${reason}. To avoid precipitated withdrawal, give the first dose only once withdrawal is objective (CDC 2022: mild to moderate withdrawal; at least ${B.waitShortActingHours.value} h after short-acting opioids, ${B.waitLongActingHours.value} h after extended-release ones, longer after methadone), or use low-dose initiation. Clinicians unfamiliar with buprenorphine initiation can get training and mentors from SAMHSA's Providers Clinical Support System (CDC 2022). The steps are the label's day-1 and day-2 ceilings only.`,
      ['cdc-2022', 'label-suboxone'],
    );
  }
  notes.warn(
    'BUPRENORPHINE_CEILING',
    'info',
    'Buprenorphine has a ceiling effect on respiratory depression, but the ceiling can be overcome when it is combined with benzodiazepines, alcohol or other CNS depressants.',
    ['walsh-1994', 'cdc-2022'],
  );
  notes.line(
    'What this plan can do for buprenorphine: restart the prior dose after a short gap with no full agonist used, and state the label induction ceilings. What it cannot do: give a missed-dose rule beyond that (no source gives one), a titration schedule after day 2, a low-dose ("micro") initiation schedule, or an MME.',
    B.shortGapMissedDays,
  );
  // Buprenorphine has no MME (CDC 2022 caution 6): no MME threshold applies.
  opioidWarnings(notes, request, { drug, status: 'not-applicable', priorTolerant: false, maxMme: mme(new D(0)), hasCheckpoint: false });
}

export function planBuprenorphine(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan {
  if (isPainProduct(formulation)) return planBuprenorphinePain(request, drug, formulation);
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const prior = record(notes, priorExposure(request, formulation));
  const rule = record(notes, restartRule(request));
  const scheduled = record(notes, interactionCap(request, drug, formulation, prior, record(notes, firstSteps(request, formulation, prior, rule))));
  const steps = toPlanSteps(scheduled, { drug: drug.id, formulation });
  steps.forEach((s, index) => {
    notes.line(`Step ${index + 1} from ${s.start}: buprenorphine ${s.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(s.dailyDose)} daily (${s.rule}).`);
  });
  warnings(notes, request, drug, rule);
  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff: rule.daysOff,
    missedDays: rule.missedDays,
    tolerance: { retainedFraction: rule.restartAtPrior ? '1' : '0', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(prior.priorDaily), unit }, components: [singlePriorComponent(request, { drugId: drug.id, displayName: drug.displayName, formulationId: formulation.id, formulationName: formulation.name, unit }, prior.priorDaily)] },
    steps,
  });
}

// --- Buprenorphine products for pain: Butrans transdermal patch, Belbuca buccal film (docs/clinical-model.md) ---

const P = B.pain;

/** Butrans (patch, mcg/h) and Belbuca (buccal film, mcg): the pain products, planned by their labels. */
export function isPainProduct(formulation: OpioidFormulation): boolean {
  return formulation.route === 'transdermal' || formulation.route === 'buccal';
}

/** One regimen: a dose given `times` a day (a patch: one patch at its rate). */
interface Rung {
  /** mcg/h for the patch, mcg for the film: the product's unit. */
  readonly dose: ProductAmount;
  readonly times: number;
}
const dailyOf = (r: Rung): ProductAmount => timesOf(r.dose, r.times);
const sameRung = (a: Rung, b: Rung): boolean => a.dose.eq(b.dose) && a.times === b.times;

/**
 * The label's way up for the product, from its naive start: Butrans one strength after another; Belbuca 75 mcg once
 * daily, 75 mcg every 12 hours (allowed from the start by the label), 150 mcg every 12 hours, then + 150 mcg a dose.
 */
function labelLadder(formulation: OpioidFormulation): Rung[] {
  const start = formulation.naiveStart!;
  const naive: Rung = { dose: productAmount(new D(start.dose.value)), times: start.timesPerDay.value };
  const strengths = productAmounts(formulation.strengths.map((s) => new D(s.amount))).sort((a, b) => a.cmp(b));
  if (formulation.unitForm === 'patch') return strengths.filter((s) => s.gte(naive.dose)).map((dose) => ({ dose, times: 1 }));
  const maxTimes = formulation.maxTimesPerDay.value;
  const rungs: Rung[] = [naive];
  if (naive.times < maxTimes) rungs.push({ dose: naive.dose, times: maxTimes });
  let dose = productAmount(new D(P.filmSecondDoseMcg.value));
  const top = strengths[strengths.length - 1]!;
  while (dose.lte(top)) {
    if (strengths.some((s) => s.eq(dose))) rungs.push({ dose, times: maxTimes });
    dose = add(dose, productAmount(new D(P.filmIncrementMcg.value)));
  }
  return rungs;
}

/** A rung never above the ceiling regimen: the dose at most the ceiling's dose, the times at most its times. */
function capRung(r: Rung, ceiling: Rung): Rung {
  return { dose: smaller(r.dose, ceiling.dose), times: Math.min(r.times, ceiling.times) };
}

export function planBuprenorphinePain(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const isPatch = formulation.unitForm === 'patch';
  const product = isPatch ? 'Butrans' : 'Belbuca';
  const interval = formulation.titrationIntervalsDays.value[0]!;
  const start = formulation.naiveStart!;
  const naive: Rung = { dose: productAmount(new D(start.dose.value)), times: start.timesPerDay.value };

  // Phase 1: prior exposure (no MME)
  const priorRung: Rung = { dose: productAmount(request.prior.dose.amount), times: request.prior.timesPerDay };
  const priorDaily = dailyOf(priorRung);
  notes.line(
    isPatch
      ? `Prior regimen: buprenorphine ${formulation.name} ${formatDose({ amount: priorRung.dose, unit })}, a new patch every ${formulation.wearHours?.value ?? 168} hours, for ${plural(request.priorDurationDays, 'day')}.`
      : `Prior regimen: buprenorphine ${formulation.name} ${formatDose({ amount: priorRung.dose, unit })} × ${priorRung.times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${plural(request.priorDurationDays, 'day')}.`,
    ...(isPatch && formulation.wearHours ? [formulation.wearHours] : []),
  );
  notes.line(
    `No MME is calculated and prior.dailyEquivalent is left out: CDC 2022 gives no MME factor for buprenorphine products for pain (partial agonist, ceiling effects). MME thresholds (naloxone at 50 MME, the 50-MME checkpoint) are not applied to ${product}.`,
    P.noMme,
    { source: 'walsh-1994', locator: 'Abstract: plateau in subjective effects and respiratory depression at sublingual doses 1–32 mg' },
  );

  // Phase 2: tolerance (engine assumption: no label gives a restart rule)
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}${isPatch ? ' (the day the last patch came off)' : ''}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  const used = request.fullAgonistUsedDuringBreak;
  const anchor = retainedFraction(OPIOID_CLASS.anchors, missedDays);
  let r = anchor.fraction;
  let why: string;
  if (used !== false) {
    r = new D(0);
    why = `full-agonist opioid during the break: ${used === undefined ? 'not answered (taken as possibly used)' : 'yes'}; the restart is a new start`;
  } else if (missedDays <= B.shortGapMissedDays.value) {
    r = new D(1);
    why = `${missedDays} missed day${missedDays === 1 ? '' : 's'} (at most ${B.shortGapMissedDays.value}) and no full agonist used: the prior dose`;
  } else {
    why = `${missedDays} missed days, no full agonist used: opioid class anchor from ${anchor.anchor.fromMissedDays} missed days (${anchor.anchor.basis}), r = ${r.toFixed()}`;
  }
  const status: ToleranceStatus = toleranceStatus(r);
  notes.line(`Restart rule (no label gives one): ${why}. Tolerance ${status}.`, P.restartRule, B.shortGapMissedDays, ...(used === false && missedDays > B.shortGapMissedDays.value ? [anchor.anchor.retainedFraction] : []));

  // Phase 3: ceiling (the prior regimen, never above the label maximum)
  let ceiling = priorRung;
  const maxSingle = formulation.maxSingleDose;
  const maxDaily = formulation.maxDailyDose;
  if (maxSingle && ceiling.dose.gt(maxSingle.value)) {
    ceiling = { dose: productAmount(new D(maxSingle.value)), times: ceiling.times };
    notes.line(`The prior dose is above the label maximum of ${formatDose({ amount: new D(maxSingle.value), unit })} a ${isPatch ? 'patch' : 'dose'}: the ceiling is ${formatDose({ amount: ceiling.dose, unit })}.`, maxSingle);
  }
  if (maxDaily && dailyOf(ceiling).gt(maxDaily.value)) {
    ceiling = { dose: ceiling.dose, times: Math.max(1, new D(maxDaily.value).div(ceiling.dose).floor().toNumber()) };
    notes.line(`Capped at the label maximum of ${formatDose({ amount: new D(maxDaily.value), unit })}${isPatch ? '' : ' daily'}: ${formatDose({ amount: ceiling.dose, unit })} × ${ceiling.times}.`, maxDaily);
  }
  if (isPatch) notes.line(`Label maximum: one ${P.patchQtcMaxMcgH.value} mcg/h patch (QTc prolongation at 40 mcg/h).`, P.patchQtcMaxMcgH);

  // Phase 4: first step
  const ladder = labelLadder(formulation)
    .map((rung) => capRung(rung, ceiling))
    .filter((rung, i, all) => i === 0 || !sameRung(rung, all[i - 1]!));
  const naiveCapped = capRung(naive, ceiling);
  let first: Rung;
  let firstRule: string;
  if (status === 'retained') {
    first = ceiling;
    firstRule = sameRung(ceiling, priorRung) ? 'prior dose (tolerance retained)' : 'prior dose capped at the label maximum';
  } else if (status === 'lost') {
    first = naiveCapped;
    firstRule = `label start for opioid-naive patients (${product}), never above the prior dose`;
    notes.line(`Tolerance lost: the first step is the label's opioid-naive start, ${describeRung(naive, unit, isPatch)}, never above the prior dose: ${describeRung(first, unit, isPatch)}.`, start.dose, start.timesPerDay);
  } else {
    const target = timesOf(priorDaily, r);
    const fits = ladder.filter((rung) => atMost(dailyOf(rung), target));
    first = fits.length ? fits[fits.length - 1]! : naiveCapped;
    firstRule = `reduced tolerance: r × prior, rounded down to the label steps, never below the label start`;
    notes.line(
      `Tolerance reduced: ${formatAmount(priorDaily)} × ${r.toFixed()} = ${formatAmount(target)} ${unit}${isPatch ? '' : ' a day'}; the largest label step not above it${fits.length ? '' : ' (none: the label start)'}: ${describeRung(first, unit, isPatch)}.`,
      P.restartRule,
      start.dose,
    );
  }

  // Phase 5: interaction cap (amendment A1)
  const cap = exposureChangeCap(request, drug.id);
  if (cap && status !== 'lost') {
    const limit = larger(timesOf(dailyOf(first), cap.fraction), dailyOf(naiveCapped));
    const fits = ladder.filter((rung) => atMost(dailyOf(rung), limit));
    const capped = fits.length ? fits[fits.length - 1]! : naiveCapped;
    if (below(dailyOf(capped), dailyOf(first))) {
      notes.line(
        `Interaction cap (${cap.reasons.join('; ')}): first step at most ${formatAmount(dailyOf(first))} × ${cap.fraction.toFixed()} = ${formatAmount(dailyOf(first).mul(cap.fraction))} ${unit}, never below the label start: ${describeRung(capped, unit, isPatch)}.`,
        ...cap.provenance,
      );
      first = capped;
      firstRule = `${firstRule}; lowered for ${cap.codes.join(', ')}`;
    }
  }

  // Phase 6: titration back to the ceiling, by the label steps and interval
  let at = checkedDate(request.restartDate);
  const scheduled: ScheduledStep<ProductAmount, IsoDate>[] = [painStep(at, first, formulation, firstRule)];
  let last = first;
  for (const rung of ladder) {
    if (atMost(dailyOf(rung), dailyOf(last)) || below(rung.dose, last.dose)) continue;
    at = addCalendarDays(at, interval);
    scheduled.push(painStep(at, rung, formulation, `label titration: next ${product} step no sooner than ${plural(interval, 'day')} after the last, never above the prior dose`));
    last = rung;
  }
  if (scheduled.length > 1) {
    notes.line(
      `Back to the prior dose by the label steps (${isPatch ? 'one patch strength at a time' : `75 mcg once daily, then every 12 hours, then ${P.filmSecondDoseMcg.value} mcg every 12 hours, then + ${P.filmIncrementMcg.value} mcg a dose`}), each no sooner than ${plural(interval, 'day')} after the last, each only if the last was tolerated; never above the prior ${describeRung(ceiling, unit, isPatch)}.`,
      formulation.titrationIntervalsDays,
      ...(isPatch ? [] : [P.filmSecondDoseMcg, P.filmIncrementMcg]),
      P.restartRule,
    );
  }
  const steps = toPlanSteps(scheduled, { drug: drug.id, formulation });
  steps.forEach((s, index) => {
    notes.line(`Step ${index + 1} from ${s.start}: buprenorphine ${s.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')}${isPatch ? ' patch' : ''} = ${formatDose(s.dailyDose)}${isPatch ? '' : ' daily'} (${s.rule}).`);
  });

  // Phase 7: warnings
  notes.warn(
    'BUPRENORPHINE_NO_MME',
    'info',
    `No MME is given for ${product} (prior.dailyEquivalent is left out): CDC 2022 gives buprenorphine products for pain no MME factor. MME-based thresholds do not apply; when another opioid is converted to ${product}, its label uses the other opioid's MME (taper to ≤ ${P.taperToMme.value} MME/day first).`,
    ['cdc-2022', isPatch ? 'label-butrans' : 'belbuca-hcp-dosing'],
  );
  if (status !== 'retained') {
    const conversion = isPatch
      ? `Butrans label conversion from other opioids: below ${P.conversionLowBandBelowMme.value} MME/day start ${start.dose.value} mcg/h; ${P.conversionLowBandBelowMme.value}–${P.patchExperiencedUpToMme.value} MME/day taper to ≤ ${P.taperToMme.value} MME/day, then ${P.patchFrom30To80MmeMcgH.value} mcg/h; 7.5–20 mcg/h only for opioid-experienced patients.`
      : `Belbuca label: taper other opioids to ≤ ${P.taperToMme.value} MME/day before starting (dose by the label's MME bands).`;
    notes.warn(
      'BUPRENORPHINE_PAIN_RESTART',
      status === 'lost' ? 'critical' : 'warning',
      `Neither the ${product} label nor any source read gives a restart rule after a break: this plan is an engine assumption (${status === 'lost' ? 'a new start at the label opioid-naive dose' : 'a reduced first step'}, then the label titration interval, never above the prior dose). ${used !== false ? 'A full-agonist opioid used during the break (or not known) can lead to precipitated withdrawal when buprenorphine starts; ' : ''}${conversion} Monitor for respiratory depression in the first 24–72 hours and after each increase.`,
      [isPatch ? 'label-butrans' : 'label-belbuca', ...(isPatch ? [] : ['belbuca-hcp-dosing'])],
    );
  }
  if (isPatch) {
    notes.warn(
      'BUTRANS_QTC_MAX',
      'warning',
      `Do not exceed one ${P.patchQtcMaxMcgH.value} mcg/h Butrans patch: 40 mcg/h prolonged the QTc interval in a clinical trial. Take care with other QT-prolonging drugs and in long-QT syndrome.`,
      ['label-butrans'],
    );
  }
  if (request.patient.hepaticImpairment) {
    notes.warn(
      'BUPRENORPHINE_PAIN_HEPATIC',
      'warning',
      `Hepatic impairment: the ${product} label's hepatic dosing section was not read for this engine; no hepatic adjustment is applied. Check the label before starting (buprenorphine is cleared by the liver).`,
      [isPatch ? 'label-butrans' : 'label-belbuca'],
    );
  }
  notes.warn(
    'BUPRENORPHINE_CEILING',
    'info',
    'Buprenorphine has a ceiling effect on respiratory depression, but the ceiling can be overcome when it is combined with benzodiazepines, alcohol or other CNS depressants.',
    ['walsh-1994', 'cdc-2022'],
  );
  opioidWarnings(notes, request, { drug, status, priorTolerant: false, maxMme: mme(new D(0)), hasCheckpoint: false, painProduct: true });
  const anchorRow = used === false && missedDays > B.shortGapMissedDays.value ? anchorSummary(anchor.anchor) : undefined;
  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: { retainedFraction: decimalString(r), status, ...(anchorRow ? { anchor: anchorRow } : {}) },
    prior: {
      dailyDose: { amount: decimalString(priorDaily), unit },
      components: [
        {
          path: 'prior',
          drug: drug.id,
          formulation: formulation.id,
          displayName: drug.displayName,
          formulationName: formulation.name,
          dose: { amount: decimalString(priorRung.dose), unit },
          timesPerDay: priorRung.times,
          asNeeded: request.prior.asNeeded,
          dailyDose: { amount: decimalString(priorDaily), unit },
        },
      ],
    },
    steps,
  });
}

function describeRung(r: Rung, unit: OpioidFormulation['unit'], isPatch: boolean): string {
  if (isPatch) return `${formatDose({ amount: r.dose, unit })} patch`;
  return `${formatDose({ amount: r.dose, unit })} ${r.times === 1 ? 'once daily' : r.times === 2 ? 'every 12 hours' : `${r.times} times daily`}`;
}

function painStep(start: IsoDate, r: Rung, formulation: OpioidFormulation, rule: string): ScheduledStep<ProductAmount, IsoDate> {
  return step(start, Array.from({ length: r.times }, () => r.dose), formulation, rule);
}
