/** Turns scheduled steps into the public plan steps: dates, daily totals, equivalents, make-up. */
import type { Decimal } from 'decimal.js';
import type { FormulationBase } from '../../protocols/types.ts';
import { addCalendarDays } from '../dates.ts';
import { decimalString } from '../decimal.ts';
import type { ScheduledStep } from '../schedule.ts';
import { describeMakeUp } from '../strengths.ts';
import { catalogDrug } from '../registry.ts';
import type { EquivalentUnit, PlanStep } from '../types.ts';

export interface StepContext {
  readonly drug: string;
  readonly formulation: FormulationBase;
  /** Daily equivalent of a daily dose (MME, mg diazepam), when the class has one. */
  readonly equivalent?: { readonly unit: EquivalentUnit; readonly of: (daily: Decimal) => Decimal };
  /** Marks a step as a checkpoint: returns the reason, or null. */
  readonly checkpoint?: (step: ScheduledStep, previous: ScheduledStep | undefined, index: number) => string | null;
}

export function toPlanSteps(steps: readonly ScheduledStep[], context: StepContext): PlanStep[] {
  const { formulation } = context;
  return steps.map((step, index) => {
    const next = steps[index + 1];
    const largest = step.administrations[0]!;
    const amounts = step.administrations.map((a) => a.text);
    const reason = context.checkpoint?.(step, steps[index - 1], index) ?? null;
    const makeUp = step.administrations.map((a) => describeMakeUp(a.units, formulation));
    return {
      start: step.start,
      ...(next ? { end: addCalendarDays(next.start, -1) } : {}),
      drug: context.drug,
      formulation: formulation.id,
      displayName: catalogDrug(context.drug)?.displayName ?? context.drug,
      formulationName: formulation.name,
      dose: { amount: largest.text, unit: formulation.unit },
      timesPerDay: step.administrations.length,
      administrations: amounts,
      dailyDose: { amount: decimalString(step.daily), unit: formulation.unit },
      ...(context.equivalent
        ? { dailyEquivalent: { amount: decimalString(context.equivalent.of(step.daily)), unit: context.equivalent.unit } }
        : {}),
      checkpoint: reason !== null,
      ...(reason !== null ? { checkpointReason: reason } : {}),
      rule: step.rule,
      makeUp,
    };
  });
}
