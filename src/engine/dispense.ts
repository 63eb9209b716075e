/**
 * Structured dispensing for a plan: which units make each administration of each step (fewest units,
 * then no splitting — chosen by `strengths.ts`, not here) and how many units of each strength to
 * dispense for a supply period. Pure; works on any plan that follows the contract (src/engine/types.ts).
 *
 * Supply period (inclusive): from `from` (default: the restart date, the first step's start) to
 * `until`, or for `days` days. Default end: the day before the first checkpoint step after the first
 * step (the prescriber reassesses there), else the day before the last (maintenance) step starts
 * (the whole dated titration). A one-step plan has no dated end, so the caller must give `until` or `days`.
 *
 * Counting:
 * - Tablets/capsules/films: units per administration × administrations per day × dosing days.
 *   Every-other-day steps dose on the step's first day and every second day after it.
 *   A half of a scored tablet counts in `halves`; `quantity` is the whole units to supply,
 *   including ceil(halves / 2) tablets to be split.
 * - Patches: a patch is worn `wearHours` (protocol data; e.g. 72 h), so each patch of an
 *   administration is applied ceil(days × 24 / wearHours) times over the days of the step in the
 *   period; a new step starts new patches. Without `wearHours` one patch a day is counted and a note says so.
 */
import { addCalendarDays, calendarDaysBetween, earlierDate, isDateInRange, laterDate } from './dates.ts';
import { D } from './decimal.ts';
import { formatConcentration } from './format.ts';
import { productFacts } from './products.ts';
import { describeMakeUp, makeExactly } from './strengths.ts';
import type { Amount, FieldError, RestartPlan } from './types.ts';
import { checkedDate, type IsoDate } from './units.ts';

export interface DispenseOptions {
  /** First day of the supply (ISO date); default the restart date. */
  readonly from?: string;
  /** Last day of the supply, inclusive (ISO date). */
  readonly until?: string;
  /** Number of days of supply from `from` (alternative to `until`). */
  readonly days?: number;
}

export interface UnitCount {
  readonly strength: Amount;
  readonly count: number;
  /** True for half of a scored tablet (count is then 1). */
  readonly half: boolean;
}

export interface DispensedAdministration {
  readonly dose: Amount;
  readonly units: readonly UnitCount[];
  /** The same in words, e.g. `1 × 10 mg tablet + 1 × 5 mg tablet`. */
  readonly makeUp: string;
}

export interface DispensedStep {
  readonly index: number;
  readonly start: string;
  readonly end?: string;
  readonly drug: string;
  readonly formulation: string;
  readonly unitForm: string;
  readonly administrations: readonly DispensedAdministration[];
  /** Days of this step inside the supply period (0 when it lies outside). */
  readonly daysInPeriod: number;
  /** Days a dose is given inside the period (every-other-day steps: about half). */
  readonly dosingDaysInPeriod: number;
}

export interface DispenseLine {
  readonly drug: string;
  readonly formulation: string;
  readonly strength: Amount;
  readonly unitForm: string;
  /** Whole units to supply (tablets to be halved included). */
  readonly quantity: number;
  /** Half-tablet doses in the period (each half comes from a tablet counted in `quantity`). */
  readonly halves: number;
  /** Oral liquids: `quantity` counts measuring steps; the volume to supply in mL and the concentration. */
  readonly volumeMl?: string;
  readonly concentration?: string;
}

export interface Dispensing {
  readonly period: { readonly from: string; readonly until: string; readonly days: number; readonly basis: string };
  readonly steps: readonly DispensedStep[];
  /** Units to dispense per drug, formulation and strength, largest strength first. */
  readonly summary: readonly DispenseLine[];
  readonly notes: readonly string[];
}

export type DispenseResult = { readonly ok: true; readonly dispensing: Dispensing } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** How each administration of every step is made up (fewest units, no splitting where possible). */
export function stepUnits(plan: RestartPlan): DispensedStep[] {
  return plan.steps.map((step, index) => {
    const facts = productFacts(step.drug, step.formulation);
    if (!facts) throw new Error(`programmer error: plan step uses unknown product ${step.drug} ${step.formulation}`);
    const { formulation } = facts;
    const amounts = step.administrations.length ? step.administrations : Array.from({ length: step.timesPerDay }, () => step.dose.amount);
    return {
      index,
      start: step.start,
      ...(step.end ? { end: step.end } : {}),
      drug: step.drug,
      formulation: step.formulation,
      unitForm: formulation.unitForm,
      administrations: amounts.map((amount) => {
        const made = makeExactly(new D(amount), formulation.strengths);
        if (!made) throw new Error(`programmer error: ${amount} ${formulation.unit} cannot be made from ${step.drug} ${step.formulation}`);
        return {
          dose: { amount, unit: formulation.unit },
          units: made.units.map((u) => ({ strength: { amount: u.strength, unit: formulation.unit }, count: u.count, half: u.half })),
          makeUp: describeMakeUp(made.units, formulation),
        };
      }),
      daysInPeriod: 0,
      dosingDaysInPeriod: 0,
    };
  });
}

function defaultEnd(plan: RestartPlan): { until: IsoDate; basis: string } | null {
  const checkpoint = plan.steps.find((s, i) => i > 0 && s.checkpoint);
  if (checkpoint) return { until: addCalendarDays(checkedDate(checkpoint.start), -1), basis: `until the checkpoint on ${checkpoint.start}` };
  const last = plan.steps[plan.steps.length - 1]!;
  if (plan.steps.length > 1) return { until: addCalendarDays(checkedDate(last.start), -1), basis: `the dated titration, until the maintenance step on ${last.start}` };
  return null;
}

/** Dispensing for a plan over a supply period. Errors as data for a bad period. */
export function dispense(plan: RestartPlan, options: DispenseOptions = {}): DispenseResult {
  const errors: FieldError[] = [];
  const restart = plan.steps[0]!.start;
  // Typed and within the calendar a plan uses (1000-01-01 … 9899-12-31), so `from + days` is always a real date.
  const badDate = (value: unknown) => typeof value !== 'string' || !isDateInRange(value);
  if (options.from !== undefined && badDate(options.from)) errors.push({ path: 'from', code: 'invalid-date', message: 'The first day of supply is not a real calendar date (YYYY-MM-DD).' });
  // A date from here on is checked: the restart date of a plan, or `from` once it passed the check above.
  const from = (options.from ?? restart) as IsoDate;
  let until: IsoDate | undefined;
  let basis = '';
  if (options.until !== undefined && options.days !== undefined) {
    errors.push({ path: 'days', code: 'conflict', message: 'Give either an end date or a number of days, not both.' });
  } else if (options.until !== undefined) {
    if (badDate(options.until)) errors.push({ path: 'until', code: 'invalid-date', message: 'The last day of supply is not a real calendar date (YYYY-MM-DD).' });
    else {
      until = options.until as IsoDate;
      basis = `until ${options.until} (chosen)`;
    }
  } else if (options.days !== undefined) {
    if (!Number.isInteger(options.days) || options.days < 1 || options.days > 3660)
      errors.push({ path: 'days', code: 'out-of-range', message: 'Days of supply must be a whole number from 1 to 3660.' });
    else if (errors.length === 0) {
      until = addCalendarDays(from, options.days - 1);
      basis = `${options.days} days (chosen)`;
    }
  } else {
    const fallback = defaultEnd(plan);
    if (!fallback) errors.push({ path: 'until', code: 'period-required', message: 'The plan has a single open-ended step: give an end date or a number of days of supply.' });
    else ({ until, basis } = fallback);
  }
  if (errors.length) return { ok: false, errors };
  // Without an error, every branch above has set the end of the period.
  const end = until!;
  if (end < from) return { ok: false, errors: [{ path: 'until', code: 'before-start', message: `The last day of supply (${end}) is before the first (${from}).` }] };

  const notes: string[] = [];
  const lines = new Map<string, { line: Omit<DispenseLine, 'quantity' | 'halves'>; whole: number; halves: number }>();
  const steps = stepUnits(plan).map((step) => {
    const planStep = plan.steps[step.index]!;
    const first = laterDate(checkedDate(step.start), from);
    const last = earlierDate(step.end === undefined ? end : checkedDate(step.end), end);
    const days = last >= first ? calendarDaysBetween(first, last) + 1 : 0;
    if (days === 0) return step;
    let dosingDays = days;
    if (planStep.everyOtherDay) {
      // Dosing days are the step's start and every second day after it. A one-day period on an off day
      // gives floor(-1 / 2) + 1 = 0 dosing days.
      const offset = calendarDaysBetween(step.start, first);
      const firstDosing = offset % 2 === 0 ? 0 : 1;
      dosingDays = Math.floor((days - 1 - firstDosing) / 2) + 1;
    }
    const facts = productFacts(step.drug, step.formulation)!;
    let applications = dosingDays;
    if (step.unitForm === 'patch') {
      const wear = facts.wearHours;
      if (wear === undefined) notes.push(`${facts.displayName} ${facts.formulation.name}: no wear time in the protocol data; one patch a day counted.`);
      applications = Math.ceil((days * 24) / (wear ?? 24));
    }
    for (const administration of step.administrations) {
      for (const use of administration.units) {
        const key = `${step.drug}|${step.formulation}|${use.strength.amount}`;
        const entry = lines.get(key) ?? {
          line: { drug: step.drug, formulation: step.formulation, strength: use.strength, unitForm: step.unitForm },
          whole: 0,
          halves: 0,
        };
        if (use.half) entry.halves += applications;
        else entry.whole += use.count * applications;
        lines.set(key, entry);
      }
    }
    return { ...step, daysInPeriod: days, dosingDaysInPeriod: step.unitForm === 'patch' ? days : dosingDays };
  });
  const summary: DispenseLine[] = [...lines.values()]
    .map(({ line, whole, halves }) => ({ ...line, quantity: whole + Math.ceil(halves / 2), halves, ...liquidVolume(line.drug, line.formulation, whole) }))
    .sort((a, b) => a.drug.localeCompare(b.drug) || a.formulation.localeCompare(b.formulation) || new D(b.strength.amount).cmp(a.strength.amount));
  if (summary.some((l) => l.halves % 2 === 1)) notes.push('An odd number of half-tablet doses: one half tablet is left over.');
  return { ok: true, dispensing: { period: { from, until: end, days: calendarDaysBetween(from, end) + 1, basis }, steps, summary, notes } };
}

/** An oral liquid's supply in mL (measuring steps × the step's volume) and its concentration; nothing for other products. */
function liquidVolume(drug: string, formulation: string, steps: number): { volumeMl: string; concentration: string } | Record<string, never> {
  const f = productFacts(drug, formulation)?.formulation;
  if (!f?.liquid) return {};
  return { volumeMl: new D(f.liquid.measureMl.value).mul(steps).toFixed(), concentration: formatConcentration(f.liquid, f.unit) };
}
