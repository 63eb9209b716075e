import Decimal from 'decimal.js';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanResult, PlanRefusal, RestartPlan } from '../../src/engine/types.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../src/protocols/opioids/types.ts';

export const BASE = { priorDurationDays: 60, lastDoseDate: '2026-11-01' } as const;

/** Restart date `daysOff` calendar days after 2026-11-01. */
export function restartAfter(daysOff: number): string {
  const date = new Date(Date.UTC(2026, 10, 1 + daysOff));
  return date.toISOString().slice(0, 10);
}

/**
 * The plan, or, for a product restricted to opioid-tolerant patients that is refused (amendment A6 BLOCK,
 * OPIOID_TOLERANT_ONLY_PRODUCT), the immediate-release plan the refusal offers (refusal.alternativePlan): the plan
 * these tests used to receive directly before the refusal existed. Any other refusal or error throws.
 */
export function planOrOffered(result: PlanResult): RestartPlan {
  if (result.ok) return result.plan;
  if (result.refusal?.code === 'OPIOID_TOLERANT_ONLY_PRODUCT' || result.refusal?.code === 'TRAMADOL_ER_ORGAN') {
    if (!result.refusal.alternativePlan) throw new Error(`refusal ${result.refusal.code} offers no alternative plan`);
    return result.refusal.alternativePlan;
  }
  throw new Error(`expected a plan, got errors: ${JSON.stringify(result.errors)}`);
}

export function plan(request: Record<string, unknown>): RestartPlan {
  return planOrOffered(planRestart(request));
}

/** The refusal of a request (throws when there is a plan or invalid input). */
export function refusalOf(request: Record<string, unknown>): PlanRefusal {
  const result = planRestart(request);
  if (result.ok || !result.refusal) throw new Error(`expected a refusal, got ${JSON.stringify(result.ok ? result.plan.steps[0] : result.errors)}`);
  return result.refusal;
}

export function codes(p: RestartPlan): string[] {
  return p.warnings.map((w) => w.code);
}

export function warning(p: RestartPlan, code: string) {
  const found = p.warnings.find((w) => w.code === code);
  if (!found) throw new Error(`no ${code} warning; have ${codes(p).join(', ')}`);
  return found;
}

export const dec = (s: string) => new Decimal(s);

/** The opioid protocol entry with this id (throws when there is none). */
export function opioidDrug(id: string): OpioidDrug {
  const found = OPIOIDS.find((d) => d.id === id);
  if (!found) throw new Error(`no drug ${id}`);
  return found;
}

/** One formulation of an opioid protocol entry (throws when there is none). */
export function opioidForm(id: string, f: string): OpioidFormulation {
  const found = opioidDrug(id).formulations.find((x) => x.id === f);
  if (!found) throw new Error(`no formulation ${id} ${f}`);
  return found;
}
