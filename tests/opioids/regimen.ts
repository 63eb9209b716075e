/** Plans a regimen of several full-agonist opioids: the main request validated, `additionalPrior` attached normalised. */
import { planForClass } from '../../src/engine/classes/index.ts';
import { D } from '../../src/engine/decimal.ts';
import { isRefusal } from '../../src/engine/plan.ts';
import type { PlanRefusal, RestartPlan, RestartRequest } from '../../src/engine/types.ts';
import { validateRequest } from '../../src/engine/validate.ts';

export interface Extra {
  readonly drug: string;
  readonly formulation: string;
  readonly dose: string;
  readonly unit: string;
  readonly timesPerDay: number;
  readonly asNeeded?: boolean;
}

export function regimenRequest(json: Record<string, unknown>, extras: readonly Extra[] | undefined) {
  const validated = validateRequest(json);
  if (!validated.ok) throw new Error(`invalid main request: ${JSON.stringify(validated.errors)}`);
  const request: RestartRequest = {
    ...validated.request,
    ...(extras === undefined
      ? {}
      : { additionalPrior: extras.map((e) => ({ drug: e.drug, formulation: e.formulation, dose: { amount: new D(e.dose), unit: e.unit as 'mg' }, timesPerDay: e.timesPerDay, asNeeded: e.asNeeded ?? false })) }),
  };
  return { request, drug: validated.drug, formulation: validated.formulation };
}

/** The plan or refusal of a regimen. */
export function planOutcome(json: Record<string, unknown>, extras?: readonly Extra[]): RestartPlan | PlanRefusal {
  const { request, drug, formulation } = regimenRequest(json, extras);
  return planForClass(request, drug, formulation);
}

/** The plan, or the immediate-release plan a restricted-product refusal offers. */
export function planRegimen(json: Record<string, unknown>, extras?: readonly Extra[]): RestartPlan {
  const outcome = planOutcome(json, extras);
  if (!isRefusal(outcome)) return outcome;
  if (!outcome.alternativePlan) throw new Error(`refusal ${outcome.code} without an alternative plan`);
  return outcome.alternativePlan;
}

/** Sum of the daily MME of the steps running on each start date (parallel steps of a resumed regimen add up). */
export function dailyMmeByDate(plan: RestartPlan): Map<string, InstanceType<typeof D>> {
  const byDate = new Map<string, InstanceType<typeof D>>();
  for (const step of plan.steps) byDate.set(step.start, (byDate.get(step.start) ?? new D(0)).add(step.dailyEquivalent!.amount));
  return byDate;
}
