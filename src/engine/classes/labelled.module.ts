/** Drugs whose labels carry restart rules (clozapine, lamotrigine, …) as a registrable module. */
import { LABELLED } from '../../protocols/labelled/index.ts';
import type { LabelledDrug } from '../../protocols/labelled/types.ts';
import type { ClassModule } from '../registry.ts';
import { planLabelled } from './labelled.ts';

export const labelledModule: ClassModule = {
  drugClass: 'labelled-restart',
  drugs: LABELLED,
  plan: (request, drug, formulation) => planLabelled(request, drug as LabelledDrug, formulation),
};
