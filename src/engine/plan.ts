/** The engine's entry point: a raw request in, a plan or field errors out. Pure. */
import { planForClass } from './classes/index.ts';
import type { PlanResult } from './types.ts';
import { validateRequest } from './validate.ts';

export function planRestart(input: unknown): PlanResult {
  const validated = validateRequest(input);
  if (!validated.ok) return validated;
  return { ok: true, plan: planForClass(validated.request, validated.drug, validated.formulation) };
}
