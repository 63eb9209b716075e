/** The antidepressant class as a registrable module: its drugs and its planner. */
import { ANTIDEPRESSANTS } from '../../protocols/antidepressants/index.ts';
import type { AntidepressantDrug, AntidepressantFormulation } from '../../protocols/antidepressants/types.ts';
import type { ClassModule } from '../registry.ts';
import { planAntidepressant } from './antidepressant.ts';

export const antidepressantModule: ClassModule = {
  drugClass: 'antidepressant',
  drugs: ANTIDEPRESSANTS,
  plan: (request, drug, formulation) =>
    planAntidepressant(request, drug as AntidepressantDrug, formulation as AntidepressantFormulation),
};
