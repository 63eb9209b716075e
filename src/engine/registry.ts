/** Lookups over the protocol registry. */
import { CONCURRENT_ONLY, DRUGS, type AnyDrug } from '../protocols/index.ts';
import type { FormulationBase, InteractionCategory } from '../protocols/types.ts';
import type { DrugListing } from './types.ts';

const byId = new Map<string, AnyDrug>(DRUGS.map((drug) => [drug.id, drug]));
const concurrentById = new Map(CONCURRENT_ONLY.map((drug) => [drug.id, drug]));

export function findDrug(id: string): AnyDrug | undefined {
  return byId.get(id);
}

export function findFormulation(drug: AnyDrug, id: string): FormulationBase | undefined {
  return (drug.formulations as readonly FormulationBase[]).find((formulation) => formulation.id === id);
}

export function isKnownConcurrent(id: string): boolean {
  return byId.has(id) || concurrentById.has(id);
}

/** Interaction categories of a concurrent medicine (planned drug or concurrent-only entry). */
export function concurrentCategories(id: string): readonly InteractionCategory[] {
  return byId.get(id)?.interactionCategories ?? concurrentById.get(id)?.categories ?? [];
}

export function concurrentName(id: string): string {
  return byId.get(id)?.displayName ?? concurrentById.get(id)?.name ?? id;
}

/** Concurrent medicines that can be chosen: planned drugs and concurrent-only ones. */
export function listConcurrent(): readonly { readonly id: string; readonly name: string }[] {
  return [
    ...DRUGS.map((drug) => ({ id: drug.id, name: drug.displayName })),
    ...CONCURRENT_ONLY.map((drug) => ({ id: drug.id, name: drug.name })),
  ];
}

export function listDrugs(): readonly DrugListing[] {
  return DRUGS.map((drug) => ({
    id: drug.id,
    class: drug.drugClass,
    formulations: drug.formulations.map((formulation) => formulation.id),
    displayName: drug.displayName,
    brandNames: drug.brandNames,
  }));
}
