/**
 * Requests with several benzodiazepines (issue 13): a validated request for the main medicine, with `additionalPrior`
 * added by hand (normalised: Decimal doses), planned by the benzodiazepine planner.
 */
import { D } from '../../src/engine/decimal.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { planBenzodiazepine } from '../../src/engine/classes/benzodiazepine.ts';
import type { BenzodiazepineDrug, BenzodiazepineFormulation } from '../../src/protocols/benzodiazepines/types.ts';
import type { PlanRefusal, PriorMedicine, RestartPlan, RestartRequest } from '../../src/engine/types.ts';
import '../../src/engine/all-classes.ts';
import { isoAfter } from './helpers.ts';

export interface Medicine {
  drug: string;
  formulation?: string;
  dose: string;
  timesPerDay: number;
  asNeeded?: boolean;
}

export interface RegimenVignette {
  prior: Medicine & { daysPerWeek?: number };
  additional: Medicine[];
  missedDays: number;
  priorDurationDays?: number;
  patient?: Record<string, unknown>;
  concurrent?: string[];
  breakReason?: string;
}

export function regimenRequest(v: RegimenVignette): RestartRequest {
  const lastDoseDate = '2026-10-01';
  const raw = {
    drug: v.prior.drug,
    ...(v.prior.formulation ? { formulation: v.prior.formulation } : {}),
    prior: { dose: v.prior.dose, unit: 'mg', timesPerDay: v.prior.timesPerDay, ...(v.prior.daysPerWeek ? { daysPerWeek: v.prior.daysPerWeek } : {}), ...(v.prior.asNeeded ? { asNeeded: true } : {}) },
    priorDurationDays: v.priorDurationDays ?? 365,
    lastDoseDate,
    restartDate: isoAfter(lastDoseDate, v.missedDays + 1),
    ...(v.patient ? { patient: v.patient } : {}),
    ...(v.concurrent ? { concurrent: v.concurrent } : {}),
    ...(v.breakReason ? { breakReason: v.breakReason } : {}),
  };
  const validated = validateRequest(raw);
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const additionalPrior: PriorMedicine[] = v.additional.map((m) => ({
    drug: m.drug,
    formulation: m.formulation ?? 'ir',
    dose: { amount: new D(m.dose), unit: 'mg' },
    timesPerDay: m.timesPerDay,
    asNeeded: m.asNeeded ?? false,
  }));
  return { ...validated.request, additionalPrior };
}

export function planRegimen(v: RegimenVignette): RestartPlan | PlanRefusal {
  const request = regimenRequest(v);
  const drug = findDrug(request.drug) as BenzodiazepineDrug;
  const formulation = findFormulation(drug, request.formulation) as BenzodiazepineFormulation;
  return planBenzodiazepine(request, drug, formulation);
}

export function planOk(v: RegimenVignette): RestartPlan {
  const outcome = planRegimen(v);
  if ('refused' in outcome) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome;
}
