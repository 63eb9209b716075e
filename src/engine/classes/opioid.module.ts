/** The opioid class as a registrable module: its drugs and its planner. */
import { OPIOIDS } from '../../protocols/opioids/index.ts';
import type { OpioidDrug, OpioidFormulation } from '../../protocols/opioids/types.ts';
import type { ClassModule } from '../registry.ts';
import { planOpioid } from './opioid.ts';

export const opioidModule: ClassModule = {
  drugClass: 'opioid',
  drugs: OPIOIDS,
  plan: (request, drug, formulation) => planOpioid(request, drug as OpioidDrug, formulation as OpioidFormulation),
};
