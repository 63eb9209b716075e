/**
 * Opioid restart planner (restart model, sections 3 and 7).
 * Prior MME → tolerance before the break → retained fraction → restart product → first step → titration ceiling.
 * Methadone and buprenorphine have their own planners (methadone.ts, buprenorphine.ts).
 */
import type Decimal from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import { addCalendarDays, breakLength } from '../dates.ts';
import { D } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { findDrug, findFormulation } from '../registry.ts';
import { buildTitration, type ScheduledStep } from '../schedule.ts';
import { retainedFraction, toleranceStatus } from '../tolerance.ts';
import type { PlanRefusal, PlanStep, RestartPlan, RestartRequest } from '../types.ts';
import { maoiRefusal } from './opioid-interactions.ts';
import { planBuprenorphine } from './buprenorphine.ts';
import { planMethadone } from './methadone.ts';
import {
  acetaminophenDaily,
  acetaminophenLimit,
  capForAcetaminophen,
  describe,
  fillRegimen,
  naiveStart,
  opioidRiskFactors,
  opioidWarnings,
  smallestUnit,
  opioidPlanSummary,
} from './opioid-common.ts';
import { evenRegimen, repeat, sum } from '../regimen.ts';
import { toPlanSteps } from './steps.ts';

export { opioidRiskFactors } from './opioid-common.ts';

const C = OPIOID_CLASS;

export function planOpioid(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan | PlanRefusal {
  if (drug.agonist === 'partial') return planBuprenorphine(request, drug, formulation);
  if (drug.id === 'methadone') return planMethadone(request, drug, formulation);
  return planFullAgonist(request, drug, formulation);
}

interface Product {
  readonly drug: OpioidDrug;
  readonly formulation: OpioidFormulation;
}

function product(drugId: string, formulationId: string): Product {
  const drug = findDrug(drugId) as OpioidDrug | undefined;
  const formulation = drug ? (findFormulation(drug, formulationId) as OpioidFormulation | undefined) : undefined;
  if (!drug || !formulation) throw new Error(`programmer error: unknown restart product ${drugId} ${formulationId}`);
  return { drug, formulation };
}

/** The immediate-release product a patient restarts on when the prior product cannot be restarted. */
function restartProduct(drug: OpioidDrug): Product & { readonly sameMolecule: boolean; readonly reason: string } {
  const sameIr = drug.formulations.find((f) => f.release === 'immediate' && !f.combination && f.naiveStart);
  if (sameIr && naiveStart(null, drug, sameIr, sameIr.naiveStart!.timesPerDay.value, []) !== null) {
    return { drug, formulation: sameIr, sameMolecule: true, reason: `the immediate-release form of the same molecule (${drug.displayName} ${sameIr.name})` };
  }
  const alt = drug.irAlternative;
  if (!alt) throw new Error(`programmer error: ${drug.id} has no restart product`);
  const p = product(alt.drug, alt.formulation);
  return { ...p, sameMolecule: p.drug.id === drug.id, reason: `${p.drug.displayName} ${p.formulation.name}, because ${alt.reason}` };
}

/** Whether `dose` × times a day (`daily`) is only for opioid-tolerant patients on this product. */
function isRestrictedRegimen(formulation: OpioidFormulation, dose: Decimal, daily: Decimal): boolean {
  if (formulation.restrictedToTolerant) return true;
  const r = formulation.restrictedAbove;
  if (!r) return false;
  if (r.singleDose && dose.gt(r.singleDose)) return true;
  if (r.singleDoseAtLeast && dose.gte(r.singleDoseAtLeast)) return true;
  if (r.dailyDose && daily.gt(r.dailyDose)) return true;
  return false;
}

function planFullAgonist(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan | PlanRefusal {
  const notes = new PlanNotes();
  const refusal = maoiRefusal(notes, request, { drug: drug.id, formulation: formulation.id, displayName: drug.displayName }, breakLength(request.lastDoseDate, request.restartDate));
  if (refusal) return refusal;
  const factor = drug.mmeFactor;
  if (!factor) throw new Error(`programmer error: ${drug.id} has no MME factor`);
  const unit = formulation.unit;
  const dose = request.prior.dose.amount;
  const times = request.prior.timesPerDay;
  const priorDaily = dose.mul(times);
  const priorMme = priorDaily.mul(factor.value);
  const priorRegimen = repeat(dose, times);
  const isPatch = formulation.unitForm === 'patch';

  // 1. Inputs and prior MME.
  notes.line(
    isPatch
      ? `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })}, a new patch every ${formulation.wearHours?.value ?? 72} hours, for ${request.priorDurationDays} days.`
      : `Prior regimen: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${request.priorDurationDays} days.`,
    ...(formulation.wearHours ? [formulation.wearHours] : []),
  );
  notes.line(
    `Prior daily MME = ${formatAmount(priorDaily)} ${unit}${isPatch ? '' : '/day'} × ${factor.value} = ${formatAmount(priorMme)} MME/day.`,
    factor,
  );

  // 1b. Acetaminophen in a combination product.
  const apap = formulation.combination ? acetaminophenLimit(request) : null;
  if (apap) {
    const priorApap = acetaminophenDaily(priorRegimen, formulation);
    notes.line(
      `Acetaminophen in the prior regimen: ${formatAmount(priorApap)} mg/day (counted from the fewest tablets that make each dose); limit for this patient ${formatAmount(apap.limit)} mg/day (${apap.why}).`,
      { assumption: 'combination-apap-fewest-tablets' },
      ...apap.provenance,
    );
    if (priorApap.gt(apap.limit)) {
      notes.warn(
        'ACETAMINOPHEN_LIMIT',
        'critical',
        `The prior regimen already gives ${formatAmount(priorApap)} mg of acetaminophen a day, above the ${formatAmount(apap.limit)} mg/day limit for this patient (${apap.why}): risk of severe liver injury. Every step of this plan is kept within the limit; count any other acetaminophen the patient takes.`,
        ['fda-acetaminophen-2011', 'cdc-2022', 'ags-acetaminophen-2009'],
      );
      notes.line(`Warning ACETAMINOPHEN_LIMIT: prior ${formatAmount(priorApap)} mg/day > limit ${formatAmount(apap.limit)} mg/day.`);
    }
  }

  // 2. Break length.
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);

  // 3. Tolerant before the break?
  const longEnough = request.priorDurationDays >= C.tolerantMinDays.value;
  const threshold = drug.tolerantThreshold;
  const atTolerantDose = threshold ? priorDaily.gte(threshold.value) : priorMme.gte(C.tolerantMme.value);
  const priorTolerant = longEnough && atTolerantDose;
  notes.line(
    `Opioid-tolerant before the break: ${priorTolerant ? 'yes' : 'no'} (needs ≥ ${C.tolerantMinDays.value} days at ≥ ${
      threshold ? `${formatAmount(threshold.value)} ${unit}${isPatch ? '' : '/day'} ${drug.genericName}` : `${C.tolerantMme.value} MME/day`
    }; had ${request.priorDurationDays} days at ${formatAmount(priorDaily)} ${unit}${isPatch ? '' : '/day'}).`,
    C.tolerantMinDays,
    threshold ?? C.tolerantMme,
  );

  // 4. Retained fraction.
  const retained = retainedFraction(C.anchors, missedDays);
  const r = retained.fraction;
  const status = toleranceStatus(r);
  notes.assume('opioid-anchors-all-full-agonists');
  notes.line(
    `Retained fraction r = ${r.toFixed()} for ${missedDays} missed days (anchor from ${retained.anchor.fromMissedDays} missed days: ${retained.anchor.basis}).`,
    retained.anchor.retainedFraction,
  );

  // 5. Restart product, first step and target.
  const risks = opioidRiskFactors(request);
  let restart: Product = { drug, formulation };
  let first: Decimal[];
  let firstRule: string;
  let target: Decimal[] = priorRegimen;
  let switched: (ReturnType<typeof restartProduct> & { readonly why: string }) | null = null;

  const extended = formulation.release === 'extended';
  const erNaiveDaily = formulation.naiveStart ? new D(formulation.naiveStart.dose.value).mul(formulation.naiveStart.timesPerDay.value) : null;
  if (extended) {
    const restrictedNote = formulation.restrictedToTolerant?.rule ?? formulation.restrictedAbove?.rule;
    const continueSame = r.gte(1) && (priorTolerant || (erNaiveDaily !== null && priorDaily.lte(erNaiveDaily) && !isRestrictedRegimen(formulation, dose, priorDaily)));
    if (continueSame) {
      first = priorRegimen;
      firstRule = priorTolerant ? 'prior dose (tolerance retained: same extended-release product)' : 'prior dose (no higher than the labelled start of this product)';
      notes.line(
        `First step: the prior ${drug.displayName} ${formulation.name} dose, because ${priorTolerant ? 'tolerance is retained (r = 1) in an opioid-tolerant patient' : `r = 1 and the prior dose is no higher than the product's labelled start (${formatDose({ amount: erNaiveDaily!, unit })} daily)`}.`,
        ...(priorTolerant ? [] : [formulation.naiveStart!.dose]),
      );
    } else {
      const why = r.lt(1)
        ? `tolerance is ${status} (r = ${r.toFixed()} < 1)`
        : 'the patient was not opioid-tolerant before the break';
      const p = restartProduct(drug);
      switched = { ...p, why };
      restart = p;
      notes.line(
        `Restricted product: ${drug.displayName} ${formulation.name} is not restarted because ${why}. ${restrictedNote ? `Label: ${restrictedNote}. ` : ''}CDC 2022 Rec 3: ${C.erLaRule.rule}.`,
        ...(formulation.restrictedToTolerant ? [formulation.restrictedToTolerant] : formulation.restrictedAbove ? [formulation.restrictedAbove] : []),
        C.erLaRule,
      );
      notes.line(`Restart product: ${p.reason}.`, { assumption: 'opioid-restart-product' });
    }
  }

  if (!switched && !extended) {
    // Immediate-release product: restart on itself where the numbers allow.
    const naive = naiveStart(notes, drug, formulation, times, risks);
    const naiveDaily = naive ? sum(naive) : null;
    let needNaive = false;
    if (r.gte(1) && priorTolerant) {
      first = priorRegimen;
      firstRule = 'prior dose (tolerance retained)';
      notes.line('First step: the prior dose, because tolerance is retained (r = 1).');
    } else if (naiveDaily && priorDaily.lte(naiveDaily)) {
      first = priorRegimen;
      firstRule = 'prior dose (at or below the opioid-naive start)';
      notes.line(`First step: the prior dose, because it is no higher than the opioid-naive start (${formatDose({ amount: naiveDaily, unit })} daily).`);
    } else if (!priorTolerant) {
      needNaive = true;
      notes.line('First step: the opioid-naive start, because the patient was not opioid-tolerant before the break, whatever the gap.');
    } else {
      const allowed = priorDaily.mul(r);
      const rounded = allowed.gt(0) ? evenRegimen(allowed, dose, times, formulation) : null;
      if (rounded && (!naiveDaily || sum(rounded).gt(naiveDaily))) {
        first = rounded;
        firstRule = `prior daily dose × r = ${formatDose({ amount: allowed, unit })}, rounded down to real strengths`;
        notes.line(`First step: prior daily × r = ${formatAmount(priorDaily)} × ${r.toFixed()} = ${formatDose({ amount: allowed, unit })} daily, rounded down: ${describe(rounded, unit)}.`);
      } else {
        needNaive = true;
        notes.line(
          `First step: the opioid-naive start, because prior daily × r = ${formatAmount(priorDaily)} × ${r.toFixed()} = ${formatDose({ amount: allowed, unit })} is not above it.`,
        );
      }
    }
    if (needNaive) {
      if (naive) {
        first = naive;
        firstRule = !priorTolerant ? 'opioid-naive start (not opioid-tolerant before the break)' : r.isZero() ? 'opioid-naive start (tolerance lost)' : 'opioid-naive start (prior × r is not above it)';
      } else {
        const p = restartProduct(drug);
        switched = { ...p, why: 'this product cannot make an opioid-naive start within 10 MME a dose' };
        restart = p;
        notes.line(`Restart product: ${p.reason}.`, { assumption: 'opioid-restart-product' });
      }
    }
  }

  if (switched) {
    const p = switched;
    const f2 = p.formulation;
    const factor2 = p.drug.mmeFactor!;
    let targetMme: Decimal;
    if (p.sameMolecule) {
      targetMme = priorMme;
      notes.line(
        `Ceiling target on ${p.drug.displayName} ${f2.name}: the same molecule, so the prior daily dose ${formatAmount(priorDaily)} ${unit}/day (${formatAmount(priorMme)} MME/day).`,
        { assumption: 'same-molecule-er-to-ir' },
      );
    } else {
      targetMme = priorMme.mul(C.crossToleranceRetainedFraction.value);
      const highEnd = priorMme.mul(new D(1).sub('0.25'));
      notes.line(
        `Ceiling target on a different opioid: MME is not used to pick the dose (incomplete cross-tolerance${isPatch ? '; the patch label conversion table is only for converting TO the patch and must not be used in reverse' : ''}). Prior ${formatAmount(priorMme)} MME/day reduced by 50%: ${formatAmount(targetMme)} MME/day (sources: reduce 25–50%, i.e. ${formatAmount(targetMme)}–${formatAmount(highEnd)} MME/day; the lower end is taken; never above the prior ${formatAmount(priorMme)} MME/day).`,
        C.crossToleranceRetainedFraction,
        C.crossToleranceReductionRange,
        ...(isPatch && formulation.restrictedToTolerant ? [formulation.restrictedToTolerant] : []),
      );
    }
    // MME ÷ factor can repeat (53.333…): shown and used rounded DOWN to 0.01, with the division on the line
    const exactDaily2 = targetMme.div(factor2.value);
    let targetDaily2 = exactDaily2.toDecimalPlaces(2, D.ROUND_DOWN);
    if (!p.sameMolecule)
      notes.line(
        `Ceiling target in ${p.drug.displayName}: ${formatAmount(targetMme)} MME/day ÷ ${formatAmount(factor2.value)} (its MME factor) = ${formatAmount(targetDaily2)}${exactDaily2.eq(targetDaily2) ? '' : ' (rounded down to 0.01)'} ${f2.unit}/day.`,
        factor2,
      );
    if (f2.maxDailyDose && targetDaily2.gt(f2.maxDailyDose.value)) {
      targetDaily2 = new D(f2.maxDailyDose.value);
      notes.line(`Ceiling target capped at the label maximum of ${formatDose({ amount: targetDaily2, unit: f2.unit })}/day.`, f2.maxDailyDose);
    }
    // The restart product's usual frequency (that of its naive start), or more administrations when its largest
    // single dose cannot make the ceiling in that many (tramadol IR starts once daily, at most 100 mg a dose).
    const naiveTimes = f2.naiveStart!.timesPerDay.value;
    const neededTimes = targetDaily2.div(f2.maxSingleDose.value).ceil().toNumber();
    const times2 = Math.min(f2.maxTimesPerDay.value, Math.max(naiveTimes, neededTimes));
    const madeTarget = fillRegimen(targetDaily2, new D(f2.maxSingleDose.value), times2, f2);
    target = madeTarget ?? [smallestUnit(f2)];
    notes.line(
      `Ceiling target ${formatAmount(targetDaily2)} ${f2.unit}/day in ${times2} administrations${times2 > naiveTimes ? ` (at most ${formatDose({ amount: f2.maxSingleDose.value, unit: f2.unit })} a dose)` : ''}, rounded down to real strengths: ${describe(target, f2.unit)} = ${formatAmount(sum(target).mul(factor2.value))} MME/day.`,
      f2.naiveStart!.timesPerDay,
      ...(times2 > naiveTimes ? [f2.maxSingleDose, f2.maxTimesPerDay] : []),
    );
    const naive2 = naiveStart(notes, p.drug, f2, times2, risks) ?? [smallestUnit(f2)];
    first = naive2;
    firstRule = `opioid-naive start on ${p.drug.displayName} ${f2.name}: ${p.why}`;
    notes.line(`First step: the opioid-naive start on the restart product, because ${p.why}.`);
  }

  // 6. Limits on the target: label maximum daily dose, acetaminophen.
  const f = restart.formulation;
  const fUnit = f.unit;
  const restartFactor = restart.drug.mmeFactor!;
  if (!switched && f.maxDailyDose && sum(target).gt(f.maxDailyDose.value)) {
    target = fillRegimen(new D(f.maxDailyDose.value), dose, times, f) ?? target;
    notes.line(`Ceiling target capped at the label maximum of ${formatDose({ amount: f.maxDailyDose.value, unit: fUnit })}/day: ${describe(target, fUnit)}.`, f.maxDailyDose);
  }
  const admissible = apap && f.combination ? (amounts: readonly Decimal[]) => acetaminophenDaily(amounts, f).lte(apap.limit) : undefined;
  if (apap && f.combination && !admissible!(target)) {
    target = capForAcetaminophen(dose, times, apap.limit, f);
    notes.line(
      `Ceiling target capped so acetaminophen stays within ${formatAmount(apap.limit)} mg/day: ${describe(target, fUnit)} (acetaminophen ${formatAmount(acetaminophenDaily(target, f))} mg/day).`,
      ...apap.provenance,
    );
  }
  // The first step never exceeds the target, and never has more administrations than it.
  first = first!;
  if (sum(first).gt(sum(target))) {
    first = [...target];
    firstRule = `ceiling target (the first step would have been above it)`;
    notes.line(`First step lowered to the ceiling target: ${describe(first, fUnit)}.`);
  } else {
    if (admissible && !admissible(first)) {
      // Below the target but over the acetaminophen limit: lower the first step itself (never raise it to the target,
      // which would restart a patient who lost tolerance at the prior dose).
      const capped = capForAcetaminophen(D.max(...first), first.length, apap!.limit, f);
      first = capped.length ? capped : [smallestUnit(f)];
      firstRule = `${firstRule!}, lowered so acetaminophen stays within ${formatAmount(apap!.limit)} mg/day`;
      notes.line(`First step lowered so acetaminophen stays within ${formatAmount(apap!.limit)} mg/day: ${describe(first, fUnit)} (acetaminophen ${formatAmount(acetaminophenDaily(first, f))} mg/day).`, ...apap!.provenance);
    }
    if (first.length > target.length) {
      first = evenRegimen(sum(first), D.max(...first), target.length, f) ?? [smallestUnit(f)];
    }
  }

  // 7. Titration.
  const intervals = f.titrationIntervalsDays;
  const rise = new D(C.maxRiseFraction.value);
  const mmeOf = (daily: Decimal) => daily.mul(restartFactor.value);
  let scheduled: readonly ScheduledStep[];
  if (sum(first).gte(sum(target))) {
    scheduled = buildTitration({
      startDate: request.restartDate,
      first,
      firstRule: firstRule!,
      target: first,
      // Stryker disable next-line StringLiteral: buildTitration never reads the rule's description
      rule: { maxRiseFraction: rise, intervalsDays: intervals.value, description: 'opioid titration' },
      strengths: f.strengths,
    });
  } else {
    notes.line(
      `Titration ceiling: each step at most + ${rise.mul(100).toFixed()}% of the current daily dose, or the smallest rise the strengths can make; no sooner than every ${intervals.value.join(' then ')} days; up to the ceiling target.`,
      C.maxRiseFraction,
      intervals,
    );
    scheduled = buildTitration({
      startDate: request.restartDate,
      first,
      firstRule: firstRule!,
      target,
      // Stryker disable next-line StringLiteral: buildTitration never reads the rule's description
      rule: { maxRiseFraction: rise, intervalsDays: intervals.value, description: 'opioid titration' },
      strengths: f.strengths,
      ...(admissible ? { admissible } : {}),
    });
    if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) notes.assume('smallest-practical-rise');
    const lastDaily = scheduled[scheduled.length - 1]!.daily;
    if (lastDaily.lt(sum(target))) {
      notes.line(`The schedule stops at ${formatDose({ amount: lastDaily, unit: fUnit })} daily: no higher step can be made within the acetaminophen limit with these tablets.`);
    }
  }

  const checkpointMme = new D(C.checkpointMme.value);
  const checkpoint = (step: ScheduledStep, previous: ScheduledStep | undefined): string | null =>
    previous && mmeOf(previous.daily).lt(checkpointMme) && mmeOf(step.daily).gte(checkpointMme)
      ? `Crosses ${C.checkpointMme.value} MME/day: pause and reassess benefits and risks before this step; offer naloxone.`
      : null;
  const steps = toPlanSteps(scheduled, {
    drug: restart.drug.id,
    formulation: f,
    equivalent: { unit: 'MME', of: mmeOf },
    checkpoint,
  });
  steps.forEach((step, index) => {
    const apapText = admissible ? `; acetaminophen ${formatAmount(acetaminophenDaily(step.administrations.map((a) => new D(a)), f))} mg/day` : '';
    notes.line(
      `Step ${index + 1} from ${step.start}: ${restart.drug.displayName} ${step.administrations.map((a) => formatDose({ amount: a, unit: fUnit })).join(' + ')} = ${formatDose(step.dailyDose)} daily = ${formatAmount(step.dailyEquivalent!.amount)} MME/day${apapText} (${step.rule})${step.checkpoint ? ' — checkpoint' : ''}.`,
    );
  });
  const crossing = steps.find((s) => s.checkpoint);
  if (crossing) notes.line(`Checkpoint at ${crossing.start}: the step crosses ${C.checkpointMme.value} MME/day.`, C.checkpointMme);

  // 8. Restricted product: when it may be considered again.
  if (switched && extended) restrictedWarning(notes, drug, formulation, switched, steps);

  // 9. Warnings.
  opioidWarnings(notes, request, {
    drug,
    status,
    priorTolerant,
    maxMme: D.max(...steps.map((s) => new D(s.dailyEquivalent!.amount))),
    hasCheckpoint: Boolean(crossing),
  });

  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    ...opioidPlanSummary({
      fraction: r,
      status,
      priorTolerant,
      anchor: retained.anchor,
      priorDaily,
      priorMme,
      unit,
      factor,
      per: `MME per ${unit}${isPatch ? '' : '/day'}`,
    }),
    steps,
  });
}

function restrictedWarning(
  notes: PlanNotes,
  drug: OpioidDrug,
  formulation: OpioidFormulation,
  switched: Product & { readonly why: string },
  steps: readonly PlanStep[],
): void {
  const d2 = switched.drug;
  const threshold = d2.tolerantThreshold;
  const reaches = (step: PlanStep) =>
    threshold ? new D(step.dailyDose.amount).gte(threshold.value) : new D(step.dailyEquivalent!.amount).gte(C.tolerantMme.value);
  const firstTolerant = steps.find(reaches);
  const thresholdText = threshold
    ? `${formatAmount(threshold.value)} ${switched.formulation.unit}/day ${d2.genericName}`
    : `${C.tolerantMme.value} MME/day`;
  const when = firstTolerant
    ? `no earlier than ${addCalendarDays(firstTolerant.start, C.tolerantMinDays.value)}, and only after the patient has taken at least ${thresholdText} every day for ${C.tolerantMinDays.value} days (from the step starting ${firstTolerant.start})`
    : `not within this plan: its ceiling stays below the opioid-tolerant dose (${thresholdText}); the patient must first take at least that for ${C.tolerantMinDays.value} days`;
  const rule = formulation.restrictedToTolerant?.rule ?? formulation.restrictedAbove?.rule ?? C.erLaRule.rule;
  notes.warn(
    'RESTRICTED_TO_TOLERANT',
    'critical',
    `Do not restart ${drug.displayName} ${formulation.name}: ${switched.why}, and ${rule}. The plan restarts on ${d2.displayName} ${switched.formulation.name}. ${drug.displayName} ${formulation.name} may be considered again ${when}.`,
    [
      ...(formulation.restrictedToTolerant ? [formulation.restrictedToTolerant.source] : formulation.restrictedAbove ? [formulation.restrictedAbove.source] : []),
      'fda-opioid-tolerant-definition',
      'cdc-2022',
    ],
  );
  notes.line(
    `Warning RESTRICTED_TO_TOLERANT: ${drug.displayName} ${formulation.name} may be considered again ${when}.`,
    C.tolerantMinDays,
    ...(threshold ? [threshold] : [C.tolerantMme]),
  );
}
