/**
 * The drug catalog: what the UI needs to search and describe every drug, and what interaction checks
 * need to know about a concurrent medicine, without loading any class's full protocol data.
 * Generated from the protocol data by `npm run catalog` (src/protocols/catalog.json); a test fails
 * when it is stale.
 */
import type { AnyDrug } from '../protocols/index.ts';
import type { DoseUnit, DrugClass, InteractionCategory, Release, Route, UnitForm } from '../protocols/types.ts';

export interface CatalogFormulation {
  readonly id: string;
  readonly name: string;
  readonly route: Route;
  readonly release: Release;
  readonly unitForm: UnitForm;
  readonly unit: DoseUnit;
  readonly strengths: readonly { readonly amount: string; readonly scored: boolean }[];
  readonly maxTimesPerDay: number;
}

export interface CatalogDrug {
  readonly id: string;
  readonly drugClass: DrugClass;
  readonly genericName: string;
  readonly displayName: string;
  readonly brandNames: readonly string[];
  readonly interactionCategories: readonly InteractionCategory[];
  readonly defaultFormulation: string;
  readonly formulations: readonly CatalogFormulation[];
}

/** The catalog entry of a full protocol drug (used to generate and to check the catalog). */
export function catalogEntry(drug: AnyDrug): CatalogDrug {
  return {
    id: drug.id,
    drugClass: drug.drugClass,
    genericName: drug.genericName,
    displayName: drug.displayName,
    brandNames: [...drug.brandNames],
    interactionCategories: [...drug.interactionCategories],
    defaultFormulation: drug.defaultFormulation,
    formulations: drug.formulations.map((f) => ({
      id: f.id,
      name: f.name,
      route: f.route,
      release: f.release,
      unitForm: f.unitForm,
      unit: f.unit,
      strengths: f.strengths.map((s) => ({ amount: s.amount, scored: s.scored })),
      maxTimesPerDay: f.maxTimesPerDay.value,
    })),
  };
}
