/**
 * Buprenorphine restart planner (restart model, section 3.8). No MME (partial agonist, ceiling effect).
 * The plan restarts at the prior dose only after a short gap with no full agonist used in between;
 * otherwise it says that re-induction needs a clinician experienced in it and gives only the label's
 * induction ceilings (day 1, day 2), never an invented schedule.
 */
import type Decimal from 'decimal.js';
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import { addCalendarDays, breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import type { ScheduledStep } from '../schedule.ts';
import { floorToStrengths, makeExactly } from '../strengths.ts';
import type { RestartPlan, RestartRequest } from '../types.ts';
import { describe, fillRegimen, opioidWarnings } from './opioid-common.ts';
import { repeat, sum } from '../regimen.ts';
import { toPlanSteps } from './steps.ts';

const B = OPIOID_CLASS.buprenorphine;

function step(start: string, amounts: readonly Decimal[], formulation: OpioidFormulation, rule: string): ScheduledStep {
  const administrations = amounts.map((a) => {
    const made = makeExactly(a, formulation.strengths);
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable guard; every amount passed here comes from the product's own strengths (prior dose, fillRegimen, floorToStrengths)
    if (!made) throw new Error(`programmer error: ${a.toFixed()} mg cannot be made`);
    return made;
  });
  return { start, administrations, daily: sum(amounts), rule };
}

export function planBuprenorphine(request: RestartRequest, drug: OpioidDrug, formulation: OpioidFormulation): RestartPlan {
  const notes = new PlanNotes();
  const unit = formulation.unit;
  const dose = request.prior.dose.amount;
  const times = request.prior.timesPerDay;
  const priorDaily = dose.mul(times);
  const priorRegimen = repeat(dose, times);

  notes.line(
    `Prior regimen: buprenorphine ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${request.priorDurationDays} days.`,
  );
  notes.line(
    'No MME is calculated: buprenorphine is a partial agonist with a ceiling effect on respiratory depression, and CDC 2022 excludes it from the MME table (caution 6).',
    { source: 'cdc-2022', locator: 'Table, caution 6: buprenorphine products are not included (partial µ-agonist, ceiling effects)' },
    { source: 'walsh-1994', locator: 'Abstract: plateau in subjective effects and respiratory depression at sublingual doses 1–32 mg' },
  );
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);

  const used = request.fullAgonistUsedDuringBreak;
  const shortGap = missedDays <= B.shortGapMissedDays.value;
  const restartAtPrior = shortGap && used === false;
  notes.line(
    `Restart rule: the prior dose only after at most ${B.shortGapMissedDays.value} missed days with no full-agonist opioid used during the break. Here: ${missedDays} missed days; full agonist during the break: ${used === undefined ? 'not answered (taken as possibly used)' : used ? 'yes' : 'no'}. ${restartAtPrior ? 'The prior dose may be restarted.' : 'Re-induction is needed.'}`,
    B.shortGapMissedDays,
  );

  let scheduled: ScheduledStep[];
  if (restartAtPrior) {
    let regimen = priorRegimen;
    let rule = 'prior dose (short gap, no full agonist used during the break)';
    const maxDaily = formulation.maxDailyDose;
    if (maxDaily && priorDaily.gt(maxDaily.value)) {
      regimen = fillRegimen(new D(maxDaily.value), dose, times, formulation) ?? regimen;
      rule = `prior dose capped at the label maximum of ${formatAmount(maxDaily.value)} mg/day`;
      notes.line(`The prior ${formatAmount(priorDaily)} mg/day is above the label maximum; the restart is capped: ${describe(regimen, unit)}.`, maxDaily);
    }
    scheduled = [step(request.restartDate, regimen, formulation, rule)];
  } else {
    // Label induction ceilings only: first dose 2–4 mg, up to 8 mg on day 1, up to 16 mg on day 2; never above the prior dose.
    const firstDose = D.min(B.inductionFirstDoseMg.value, priorDaily);
    const day1Cap = D.min(B.inductionDay1MaxMg.value, priorDaily);
    const day1: Decimal[] = [];
    let remaining = day1Cap;
    while (remaining.gt(0)) {
      const made = floorToStrengths(D.min(firstDose, remaining), formulation.strengths);
      // Stryker disable next-line ConditionalExpression: unreachable guard; remaining is a positive sum of real strengths (≥ the smallest one), so a dose always fits
      if (!made) break;
      day1.push(made.amount);
      remaining = remaining.sub(made.amount);
    }
    // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction: unreachable guard; the first iteration always makes a dose (firstDose ≥ the smallest strength)
    if (day1.length === 0) day1.push(D.min(...formulation.strengths.map((s) => new D(s.amount))));
    scheduled = [
      step(
        request.restartDate,
        day1,
        formulation,
        `label induction, day 1: first dose ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg once withdrawal is objective, then ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg steps, at most ${formatAmount(day1Cap)} mg on day 1`,
      ),
    ];
    const day2Cap = D.min(B.inductionDay2MaxMg.value, priorDaily);
    const day2 = floorToStrengths(day2Cap, formulation.strengths);
    if (day2 && day2.amount.gt(sum(day1))) {
      scheduled.push(
        step(addCalendarDays(request.restartDate, 1), [day2.amount], formulation, `label induction, day 2: a single daily dose of at most ${formatAmount(day2.amount)} mg (label ≤ ${B.inductionDay2MaxMg.value} mg)`),
      );
    }
    notes.line(
      `Re-induction ceilings from the label: first dose ${formatAmount(B.inductionFirstDoseLowMg.value)}–${formatAmount(B.inductionFirstDoseMg.value)} mg; at most ${B.inductionDay1MaxMg.value} mg on day 1; at most ${B.inductionDay2MaxMg.value} mg on day 2; never above the prior ${formatAmount(priorDaily)} mg/day. Day 1: ${describe(day1, unit)}${scheduled[1] ? `; day 2: ${formatDose({ amount: scheduled[1].daily, unit })}` : ''}. Beyond day 2 no schedule is given: the prescriber titrates to effect (usual maintenance ${B.usualMaintenanceMg.value} mg/day).`,
      B.inductionFirstDoseLowMg,
      B.inductionFirstDoseMg,
      B.inductionDay1MaxMg,
      B.inductionDay2MaxMg,
    );
    notes.line(
      `Timing of the first dose: only once withdrawal is objective — at least ${B.waitShortActingHours.value} hours after a short-acting full agonist, ${B.waitLongActingHours.value} hours after an extended-release one, longer after methadone; or low-dose initiation for patients not in withdrawal.`,
      B.waitShortActingHours,
      B.waitLongActingHours,
    );
    const reason = used === true ? 'a full-agonist opioid was used during the break' : used === undefined ? 'it is not known whether a full-agonist opioid was used during the break' : `${missedDays} missed days is longer than ${B.shortGapMissedDays.value}`;
    notes.warn(
      'BUPRENORPHINE_REINDUCTION',
      'critical',
      `Re-induction is needed because ${reason}. It should be done by a clinician experienced in buprenorphine induction: give the first dose only once withdrawal is objective (at least ${B.waitShortActingHours.value} h after short-acting opioids, ${B.waitLongActingHours.value} h after extended-release ones, longer after methadone) to avoid precipitated withdrawal, or use low-dose initiation. The steps are the label's day-1 and day-2 ceilings only.`,
      ['cdc-2022', 'label-suboxone', 'samhsa-tip-63'],
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
  const steps = toPlanSteps(scheduled, { drug: drug.id, formulation });
  steps.forEach((s, index) => {
    notes.line(`Step ${index + 1} from ${s.start}: buprenorphine ${s.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(s.dailyDose)} daily (${s.rule}).`);
  });
  opioidWarnings(notes, request, { drug, status: 'not-applicable', priorTolerant: false, maxMme: new D(0), hasCheckpoint: false });

  return notes.finish({
    drug: drug.id,
    drugClass: 'opioid',
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff,
    missedDays,
    tolerance: { retainedFraction: restartAtPrior ? '1' : '0', status: 'not-applicable' },
    prior: { dailyDose: { amount: decimalString(priorDaily), unit } },
    steps,
  });
}
