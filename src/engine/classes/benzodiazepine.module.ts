/** The benzodiazepine and Z-drug class as a registrable module: its drugs and its planner. */
import { BENZODIAZEPINES } from '../../protocols/benzodiazepines/index.ts';
import type { BenzodiazepineDrug, BenzodiazepineFormulation } from '../../protocols/benzodiazepines/types.ts';
import type { ClassModule } from '../registry.ts';
import { planBenzodiazepine } from './benzodiazepine.ts';

export const benzodiazepineModule: ClassModule = {
  drugClass: 'benzodiazepine',
  drugs: BENZODIAZEPINES,
  plan: (request, drug, formulation) =>
    planBenzodiazepine(request, drug as BenzodiazepineDrug, formulation as BenzodiazepineFormulation),
};
