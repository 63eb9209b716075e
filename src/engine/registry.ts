/**
 * The engine's registry of drug classes. Each class registers a module (its drugs and its planner):
 * the command line and tests register every class at start-up (src/engine/index.ts); the browser
 * registers a class when its drug is first chosen (src/engine/browser.ts), so the first page load
 * carries no class data. Search, listing and interaction checks use the small generated catalog.
 */
import type { AnyDrug } from '../protocols/index.ts';
import catalogJson from '../protocols/catalog.json';
import concurrentCatalogJson from '../protocols/concurrent-catalog.json';
import type { DrugClass, FormulationBase, InteractionCategory } from '../protocols/types.ts';
import type { CatalogDrug } from './catalog.ts';
import type { DrugListing, PlanRefusal, RestartPlan, RestartRequest } from './types.ts';

export interface ClassModule {
  readonly drugClass: DrugClass;
  readonly drugs: readonly AnyDrug[];
  /** A plan, or a refusal where a labelled contraindication blocks any schedule. */
  readonly plan: (request: RestartRequest, drug: AnyDrug, formulation: FormulationBase) => RestartPlan | PlanRefusal;
}

export const CATALOG = catalogJson as readonly CatalogDrug[];
const catalogById = new Map(CATALOG.map((drug) => [drug.id, drug]));
/** Concurrent-only medicines (generated from protocols/concurrent.ts without their sources, for a small first load). */
export const CONCURRENT_CATALOG = concurrentCatalogJson as readonly { readonly id: string; readonly name: string; readonly categories: readonly InteractionCategory[] }[];
const concurrentById = new Map(CONCURRENT_CATALOG.map((drug) => [drug.id, drug]));
const modules = new Map<DrugClass, ClassModule>();
const loadedDrugs = new Map<string, AnyDrug>();

/** Registers a class's drugs and planner (idempotent). */
export function registerClass(module: ClassModule): void {
  if (modules.has(module.drugClass)) return;
  modules.set(module.drugClass, module);
  for (const drug of module.drugs) loadedDrugs.set(drug.id, drug);
}

export function isClassLoaded(drugClass: DrugClass): boolean {
  return modules.has(drugClass);
}

/** The planner of a registered class (a programmer error if the class was not loaded). */
export function classModule(drugClass: DrugClass): ClassModule {
  const module = modules.get(drugClass);
  if (!module) throw new Error(`programmer error: drug class ${drugClass} is not loaded`);
  return module;
}

/** The catalog entry of a drug id (every known drug, loaded or not). */
export function catalogDrug(id: string): CatalogDrug | undefined {
  return catalogById.get(id);
}

/** The full protocol data of a drug; undefined for an unknown id, a programmer error if its class is not loaded. */
export function findDrug(id: string): AnyDrug | undefined {
  const drug = loadedDrugs.get(id);
  if (drug) return drug;
  const entry = catalogById.get(id);
  if (entry) throw new Error(`programmer error: load the ${entry.class} class before planning ${id}`);
  return undefined;
}

export function findFormulation(drug: AnyDrug, id: string): FormulationBase | undefined {
  return (drug.formulations as readonly FormulationBase[]).find((formulation) => formulation.id === id);
}

export function isKnownConcurrent(id: string): boolean {
  return catalogById.has(id) || concurrentById.has(id);
}

/** Interaction categories of a concurrent medicine (planned drug or concurrent-only entry). */
export function concurrentCategories(id: string): readonly InteractionCategory[] {
  return catalogById.get(id)?.interactionCategories ?? concurrentById.get(id)?.categories ?? [];
}

export function concurrentName(id: string): string {
  return catalogById.get(id)?.displayName ?? concurrentById.get(id)?.name ?? id;
}

/** Concurrent medicines that can be chosen: planned drugs and concurrent-only ones. */
export function listConcurrent(): readonly { readonly id: string; readonly name: string }[] {
  return [
    ...CATALOG.map((drug) => ({ id: drug.id, name: drug.displayName })),
    ...CONCURRENT_CATALOG.map((drug) => ({ id: drug.id, name: drug.name })),
  ];
}

export function listDrugs(): readonly DrugListing[] {
  return CATALOG.map((drug) => ({
    id: drug.id,
    class: drug.class,
    formulations: drug.formulations.map((formulation) => formulation.id),
    displayName: drug.displayName,
    brandNames: drug.brandNames,
  }));
}

/** Everything the UI shows about each drug and its formulations. */
export function describeDrugs(): readonly CatalogDrug[] {
  return CATALOG;
}
