import { expect } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanRefusal, RestartPlan } from '../../src/engine/types.ts';

export interface Input {
  drug: string;
  formulation?: string;
  dose: number | string;
  times?: number;
  last?: string;
  restart: string;
  duration?: number;
  patient?: Record<string, unknown>;
  concurrent?: (string | { drug: string; startedOn?: string; stoppedOn?: string })[];
  qtcMs?: number;
}

export function request(input: Input): Record<string, unknown> {
  return {
    drug: input.drug,
    ...(input.formulation ? { formulation: input.formulation } : {}),
    prior: { dose: input.dose, unit: 'mg', timesPerDay: input.times ?? 1 },
    priorDurationDays: input.duration ?? 180,
    lastDoseDate: input.last ?? '2026-11-01',
    restartDate: input.restart,
    ...(input.patient ? { patient: input.patient } : {}),
    ...(input.concurrent ? { concurrent: input.concurrent } : {}),
    ...(input.qtcMs !== undefined ? { qtcMs: input.qtcMs } : {}),
  };
}

export function plan(input: Input): RestartPlan {
  const result = planRestart(request(input));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

export const codes = (p: RestartPlan) => p.warnings.map((w) => w.code);
export const dailies = (p: RestartPlan) => p.steps.map((s) => s.dailyDose.amount);
export const starts = (p: RestartPlan) => p.steps.map((s) => s.start);

/** The refusal (BLOCK) of a request that must be refused. */
export function refusal(input: Input): PlanRefusal {
  const result = planRestart(request(input));
  if (result.ok || !result.refusal) throw new Error(`expected a refusal, got ${JSON.stringify(result.ok ? result.plan.steps : result.errors)}`);
  expect(result.errors).toEqual([{ path: result.refusal.path, code: 'plan-refused', message: `No plan: ${result.refusal.message}` }]);
  return result.refusal;
}

export const warning = (p: RestartPlan, code: string) => p.warnings.find((w) => w.code === code);
