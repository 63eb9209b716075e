/** Dispatch from a drug's class to its registered planner. */
import type { AnyDrug } from '../../protocols/index.ts';
import type { FormulationBase } from '../../protocols/types.ts';
import { classModule } from '../registry.ts';
import type { PlanRefusal, RestartPlan, RestartRequest } from '../types.ts';

export function planForClass(request: RestartRequest, drug: AnyDrug, formulation: FormulationBase): RestartPlan | PlanRefusal {
  return classModule(drug.drugClass).plan(request, drug, formulation);
}
