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

/** Request fields that only some drugs use; the form shows each only when the chosen drug needs it. */
export type ClassSpecificField = 'indication' | 'fullAgonistUsedDuringBreak' | 'qtcMs';

/** Everything a form needs to describe a drug and its products (no clinical logic). */
export interface DrugDescription {
  readonly id: string;
  readonly class: AnyDrug['drugClass'];
  readonly displayName: string;
  readonly genericName: string;
  readonly brandNames: readonly string[];
  readonly defaultFormulation: string;
  /** Extra request fields this drug uses. */
  readonly fields: readonly ClassSpecificField[];
  readonly formulations: readonly {
    readonly id: string;
    readonly name: string;
    readonly unit: FormulationBase['unit'];
    readonly unitForm: FormulationBase['unitForm'];
    readonly route: FormulationBase['route'];
    readonly release: FormulationBase['release'];
    readonly strengths: readonly { readonly amount: string; readonly scored: boolean }[];
    readonly maxTimesPerDay: number;
  }[];
}

function classSpecificFields(drug: AnyDrug): ClassSpecificField[] {
  const fields: ClassSpecificField[] = [];
  if (drug.id === 'methadone') fields.push('indication');
  if ('agonist' in drug && (drug as { agonist?: string }).agonist === 'partial') fields.push('fullAgonistUsedDuringBreak');
  if (drug.id === 'methadone' || drug.interactionCategories.includes('qt-prolonging')) fields.push('qtcMs');
  return fields;
}

/** Drugs and formulations as the user interface lists them. */
export function describeDrugs(): readonly DrugDescription[] {
  return DRUGS.map((drug) => ({
    id: drug.id,
    class: drug.drugClass,
    displayName: drug.displayName,
    genericName: drug.genericName,
    brandNames: drug.brandNames,
    defaultFormulation: drug.defaultFormulation,
    fields: classSpecificFields(drug),
    formulations: (drug.formulations as readonly FormulationBase[]).map((formulation) => ({
      id: formulation.id,
      name: formulation.name,
      unit: formulation.unit,
      unitForm: formulation.unitForm,
      route: formulation.route,
      release: formulation.release,
      strengths: formulation.strengths.map((strength) => ({ amount: strength.amount, scored: strength.scored })),
      maxTimesPerDay: formulation.maxTimesPerDay.value,
    })),
  }));
}
