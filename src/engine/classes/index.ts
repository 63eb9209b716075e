/** Dispatch from a drug's class to its planner. */
import type { AnyDrug } from '../../protocols/index.ts';
import type { FormulationBase } from '../../protocols/types.ts';
import type { RestartPlan, RestartRequest } from '../types.ts';
import { planOpioid } from './opioid.ts';
import type { OpioidFormulation } from '../../protocols/opioids/types.ts';
import { planAntidepressant } from './antidepressant.ts';
import type { AntidepressantFormulation } from '../../protocols/antidepressants/types.ts';
import { planLabelled } from './labelled.ts';

export function planForClass(request: RestartRequest, drug: AnyDrug, formulation: FormulationBase): RestartPlan {
  switch (drug.drugClass) {
    case 'opioid':
      return planOpioid(request, drug, formulation as OpioidFormulation);
    case 'antidepressant':
      return planAntidepressant(request, drug, formulation as AntidepressantFormulation);
    case 'labelled-restart':
      return planLabelled(request, drug, formulation);
  }
}
