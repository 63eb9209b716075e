/** The engine's entry point: a raw request in, a plan, a refusal or field errors out. Pure. */
import { planForClass } from './classes/index.ts';
import type { PlanRefusal, PlanResult, RestartPlan } from './types.ts';
import { validateRequest } from './validate.ts';

export function isRefusal(outcome: RestartPlan | PlanRefusal): outcome is PlanRefusal {
  return 'refused' in outcome && outcome.refused === true;
}

export function planRestart(input: unknown): PlanResult {
  const validated = validateRequest(input);
  if (!validated.ok) return validated;
  const outcome = planForClass(validated.request, validated.drug, validated.formulation);
  if (!isRefusal(outcome)) return { ok: true, plan: outcome };
  // Callers that read only `errors` still get no plan and a message naming the field.
  const error = { path: outcome.path, code: 'plan-refused', message: `No plan: ${outcome.message}` };
  return { ok: false, errors: [error], refusal: outcome };
}
