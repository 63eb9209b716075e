import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

export interface Vignette {
  drug: string;
  formulation?: string;
  dose: string;
  timesPerDay: number;
  daysPerWeek?: number;
  priorDurationDays?: number;
  /** Missed days: the restart is missedDays + 1 calendar days after the last dose. */
  missedDays: number;
  patient?: Record<string, unknown>;
  concurrent?: string[];
}

export function isoAfter(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function request(v: Vignette): Record<string, unknown> {
  const lastDoseDate = '2026-10-01';
  return {
    drug: v.drug,
    ...(v.formulation ? { formulation: v.formulation } : {}),
    prior: { dose: v.dose, unit: 'mg', timesPerDay: v.timesPerDay, ...(v.daysPerWeek ? { daysPerWeek: v.daysPerWeek } : {}) },
    priorDurationDays: v.priorDurationDays ?? 180,
    lastDoseDate,
    restartDate: isoAfter(lastDoseDate, v.missedDays + 1),
    ...(v.patient ? { patient: v.patient } : {}),
    ...(v.concurrent ? { concurrent: v.concurrent } : {}),
  };
}

export function plan(v: Vignette): RestartPlan {
  const result = planRestart(request(v));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

export function codes(p: RestartPlan): string[] {
  return p.warnings.map((w) => w.code);
}
