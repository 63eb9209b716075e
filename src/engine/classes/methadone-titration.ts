/**
 * Methadone titration rule: the single statement of how fast a methadone plan's ceiling may rise, by
 * indication and gap, used by the planner to build the steps and exported for the pharmacist check
 * (docs/clinical-model.md, methadone).
 *
 * - Pain: + 25 % of the daily dose per step, no sooner than every 7 days (VA 2016: 5 to 7 days).
 * - Opioid use disorder, new induction (5 or more missed days): days 0–13 follow the induction rule
 *   (+ 5 mg, + 25 %, every 5 days; at most 30 mg in any 7 days); from day 14 the re-escalation rule.
 * - Opioid use disorder otherwise (a reduced restart after 3 or 4 missed days, or a first step lowered by
 *   another rule): the re-escalation rule, + 10 mg no sooner than every 3 days, at most 30 mg in any 7 days.
 * - Hepatic impairment: every interval at least 7 days.
 * Every rule stops at the prior daily dose.
 */
import { OPIOID_CLASS } from '../../protocols/opioids/index.ts';
import type { OpioidFormulation } from '../../protocols/opioids/types.ts';
import type { Provenance, Strength } from '../../protocols/types.ts';
import { addCalendarDays, calendarDaysBetween } from '../dates.ts';
import { D } from '../decimal.ts';
import { buildTitration, type ScheduledStep } from '../schedule.ts';
import type { RestartRequest } from '../types.ts';
import { mg, subtract, sum, type IsoDate, type Mg } from '../units.ts';

/** A methadone schedule: every amount in mg of methadone, every date an IsoDate. */
export type MethadoneStep = ScheduledStep<Mg, IsoDate>;

const M = OPIOID_CLASS.methadone;

export type MethadoneTitrationPhaseName = 'pain' | 'oud-induction' | 'oud-reescalation';

export interface MethadoneTitrationPhase {
  readonly name: MethadoneTitrationPhaseName;
  /** First day (0 = the restart date) on which a step may follow this rule. */
  readonly fromDay: number;
  /** First day on which this rule no longer applies (absent: to the end of the plan). */
  readonly untilDay?: number;
  /** Largest rise per step, mg/day (absent: no absolute limit). */
  readonly maxRiseMg?: string;
  /** Largest rise per step as a fraction of the current daily dose (absent: no fractional limit). */
  readonly maxRiseFraction?: string;
  /** Fewest days between two increases. */
  readonly minIntervalDays: number;
  /** Largest total rise within any `days` consecutive days (absent: none beyond the per-step limits). */
  readonly window?: { readonly days: number; readonly maxRiseMg: string };
  /** Where each number comes from (source ids and locators, or engine assumption ids). */
  readonly provenance: readonly Provenance[];
}

export interface MethadoneTitrationRule {
  readonly drug: 'methadone';
  readonly indication: 'pain' | 'oud';
  /** In date order; the phase in force on a day is the last whose `fromDay` is at or before it. */
  readonly phases: readonly MethadoneTitrationPhase[];
  /** No step above the prior daily dose. */
  readonly ceiling: 'prior-daily-dose';
  /** Hepatic impairment lengthened the intervals. */
  readonly hepatic: boolean;
}

/** The rule the methadone planner uses for this request (validated, normalised; methadone only). */
export function methadoneTitrationRule(request: RestartRequest, formulation: OpioidFormulation): MethadoneTitrationRule {
  const indication = request.indication;
  if (!indication) throw new Error('programmer error: methadone without an indication passed validation');
  const byIndication = formulation.byIndication;
  if (!byIndication) throw new Error(`programmer error: methadone ${formulation.id} has no rules by indication`);
  const hepatic = request.patient.hepaticImpairment;
  const interval = (days: number, provenance: Provenance[]): number => {
    if (hepatic && days < M.hepaticIntervalDays.value) {
      provenance.push(M.hepaticIntervalDays);
      return M.hepaticIntervalDays.value;
    }
    return days;
  };
  const missedDays = missedDaysOf(request);
  const phases: MethadoneTitrationPhase[] = [];
  if (indication === 'pain') {
    const rules = byIndication.pain;
    const provenance: Provenance[] = [...(rules.maxRiseFraction ? [rules.maxRiseFraction] : []), rules.titrationIntervalsDays];
    phases.push({
      name: 'pain',
      fromDay: 0,
      ...(rules.maxRiseMg ? { maxRiseMg: rules.maxRiseMg.value } : {}),
      ...(rules.maxRiseFraction ? { maxRiseFraction: rules.maxRiseFraction.value } : {}),
      minIntervalDays: interval(Math.min(...rules.titrationIntervalsDays.value), provenance),
      provenance,
    });
  } else {
    const R = M.oudReescalation;
    const induction = missedDays >= M.missedDoses.newInductionFromMissedDays.value;
    if (induction) {
      const rules = byIndication.oud;
      const provenance: Provenance[] = [
        ...(rules.maxRiseFraction ? [rules.maxRiseFraction] : []),
        ...(rules.maxRiseMg ? [rules.maxRiseMg] : []),
        rules.titrationIntervalsDays,
        M.inductionWeeklyRiseCapMg,
        M.inductionWeeklyCapDays,
      ];
      phases.push({
        name: 'oud-induction',
        fromDay: 0,
        untilDay: R.afterInductionFromDay.value,
        ...(rules.maxRiseMg ? { maxRiseMg: rules.maxRiseMg.value } : {}),
        ...(rules.maxRiseFraction ? { maxRiseFraction: rules.maxRiseFraction.value } : {}),
        minIntervalDays: interval(Math.min(...rules.titrationIntervalsDays.value), provenance),
        // "30 mg a week" (RCGP): a week is 7 days.
        window: { days: 7, maxRiseMg: M.inductionWeeklyRiseCapMg.value },
        provenance,
      });
    }
    const provenance: Provenance[] = [R.riseMg, R.intervalDays, R.windowRiseCapMg, R.windowDays, ...(induction ? [R.afterInductionFromDay] : [])];
    phases.push({
      name: 'oud-reescalation',
      fromDay: induction ? R.afterInductionFromDay.value : 0,
      maxRiseMg: R.riseMg.value,
      minIntervalDays: interval(R.intervalDays.value, provenance),
      window: { days: R.windowDays.value, maxRiseMg: R.windowRiseCapMg.value },
      provenance,
    });
  }
  return { drug: 'methadone', indication, phases, ceiling: 'prior-daily-dose', hepatic };
}

/** The phase in force on `day` (0 = the restart date). */
export function phaseOnDay(rule: MethadoneTitrationRule, day: number): MethadoneTitrationPhase {
  let found = rule.phases[0]!;
  for (const phase of rule.phases) if (phase.fromDay <= day) found = phase;
  return found;
}

/** The rule in words, for the derivation and the check. */
export function describePhase(phase: MethadoneTitrationPhase): string {
  const parts: string[] = [];
  if (phase.maxRiseFraction) parts.push(`+ ${new D(phase.maxRiseFraction).mul(100).toFixed()}% of the daily dose`);
  if (phase.maxRiseMg) parts.push(`+ ${phase.maxRiseMg} mg`);
  const window = phase.window ? `, at most ${phase.window.maxRiseMg} mg in any ${phase.window.days} days` : '';
  const days = phase.untilDay !== undefined ? `days ${phase.fromDay}–${phase.untilDay - 1}` : phase.fromDay > 0 ? `from day ${phase.fromDay}` : 'every step';
  return `${days}: at most ${parts.join(' and at most ')} per step, no sooner than every ${phase.minIntervalDays} days${window}`;
}

function missedDaysOf(request: RestartRequest): number {
  return Math.max(0, calendarDaysBetween(request.lastDoseDate, request.restartDate) - 1);
}

/** The largest total rise within any `days` consecutive days of the schedule (rises dated d … d + days − 1). */
export function largestRiseWithin(steps: readonly MethadoneStep[], days: number): Mg {
  let worst = mg(new D(0));
  for (let i = 1; i < steps.length; i++) {
    let total = mg(new D(0));
    for (let j = i; j < steps.length && calendarDaysBetween(steps[i]!.start, steps[j]!.start) < days; j++) {
      total = mg(total.add(subtract(steps[j]!.daily, steps[j - 1]!.daily)));
      worst = mg(D.max(worst, total));
    }
  }
  return worst;
}

// Large enough that only the absolute limit binds (the scheduler needs a fraction).
const NO_FRACTION_LIMIT = new D(1000);

function reescalationText(phase: MethadoneTitrationPhase): string {
  return `re-escalation: at most + ${phase.maxRiseMg} mg a day per step, no sooner than every ${phase.minIntervalDays} days, at most ${phase.window!.maxRiseMg} mg in any ${phase.window!.days} days, rounded down to real strengths`;
}

/** An induction step set by the absolute limit: the scheduler's wording has no unit, so it is said here in mg. */
function inductionText(phase: MethadoneTitrationPhase): string {
  return `induction: at most + ${phase.maxRiseMg} mg a day per step, no sooner than every ${phase.minIntervalDays} days, at most ${phase.window!.maxRiseMg} mg in any ${phase.window!.days} days, rounded down to real strengths`;
}

function relabel(phase: MethadoneTitrationPhase, step: MethadoneStep): MethadoneStep {
  if (phase.name === 'oud-reescalation' && step.allowedDaily && !/^reaches the prior dose|^smallest rise/.test(step.rule)) return { ...step, rule: reescalationText(phase) };
  if (phase.name === 'oud-induction' && phase.maxRiseMg && phase.window && /the absolute limit per step/.test(step.rule)) return { ...step, rule: inductionText(phase) };
  return step;
}

/**
 * Dated ceiling steps from the first step up to the prior regimen, each phase's steps by its own limits.
 * A step that would break a phase's window limit is moved later, one day at a time, until it holds.
 */
export function scheduleMethadone(input: {
  readonly startDate: IsoDate;
  readonly first: readonly Mg[];
  readonly firstRule: string;
  readonly target: readonly Mg[];
  readonly strengths: readonly Strength[];
  readonly rule: MethadoneTitrationRule;
}): MethadoneStep[] {
  const { rule, startDate } = input;
  const targetDaily = sum(input.target, mg(new D(0)));
  const steps: MethadoneStep[] = [];
  for (const phase of rule.phases) {
    const last = steps[steps.length - 1];
    if (last && last.daily.gte(targetDaily)) break;
    const lastDay = last ? calendarDaysBetween(startDate, last.start) : 0;
    const firstGap = last ? Math.max(phase.minIntervalDays, phase.fromDay - lastDay) : phase.minIntervalDays;
    const built = buildTitration({
      startDate: last?.start ?? startDate,
      first: last ? last.administrations.map((a) => a.amount) : input.first,
      firstRule: last?.rule ?? input.firstRule,
      target: input.target,
      rule: {
        maxRiseFraction: phase.maxRiseFraction ? new D(phase.maxRiseFraction) : NO_FRACTION_LIMIT,
        intervalsDays: [firstGap, phase.minIntervalDays],
        description: `methadone titration (${phase.name})`,
        ...(phase.maxRiseMg ? { maxRiseAbsolute: mg(new D(phase.maxRiseMg)) } : {}),
      },
      strengths: input.strengths,
    });
    for (const step of last ? built.slice(1) : built) {
      if (phase.untilDay !== undefined && calendarDaysBetween(startDate, step.start) >= phase.untilDay) break;
      steps.push(relabel(phase, step));
    }
  }
  return holdWindows(steps, rule, startDate);
}

/** Moves steps later where a phase's window limit would be broken (never earlier; intervals only grow). */
function holdWindows(steps: MethadoneStep[], rule: MethadoneTitrationRule, startDate: IsoDate): MethadoneStep[] {
  const out = [...steps];
  for (let i = 1; i < out.length; i++) {
    for (;;) {
      const phase = phaseOnDay(rule, calendarDaysBetween(startDate, out[i]!.start));
      if (!phase.window) break;
      let total = subtract(out[i]!.daily, out[i - 1]!.daily);
      for (let j = i - 1; j >= 1 && calendarDaysBetween(out[j]!.start, out[i]!.start) < phase.window.days; j--) {
        total = mg(total.add(subtract(out[j]!.daily, out[j - 1]!.daily)));
      }
      if (total.lte(phase.window.maxRiseMg)) break;
      for (let k = i; k < out.length; k++) out[k] = { ...out[k]!, start: addCalendarDays(out[k]!.start, 1) };
    }
  }
  return out;
}
