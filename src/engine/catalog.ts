/**
 * The drug catalog: what the UI needs to search and describe every drug, and what interaction checks
 * need to know about a concurrent medicine, without loading any class's full protocol data.
 * Generated from the protocol data by `npm run catalog` (src/protocols/catalog.json); a test fails
 * when it is stale.
 */
import type { AnyDrug } from '../protocols/index.ts';
import type { DoseUnit, DrugClass, InteractionCategory, Route, UnitForm } from '../protocols/types.ts';

export interface CatalogFormulation {
  readonly id: string;
  readonly name: string;
  readonly route: Route;
  readonly unitForm: UnitForm;
  readonly unit: DoseUnit;
  /** `scored` only when the tablet is scored (absent = not scored: keeps the first-load catalog small). */
  readonly strengths: readonly { readonly amount: string; readonly scored?: true }[];
  readonly maxTimesPerDay: number;
}

/** Request fields that only some drugs use; the form shows each only when the chosen drug needs it. */
export type ClassSpecificField = 'indication' | 'fullAgonistUsedDuringBreak' | 'qtcMs';

export interface CatalogDrug {
  readonly id: string;
  readonly class: DrugClass;
  readonly genericName: string;
  readonly displayName: string;
  readonly brandNames: readonly string[];
  readonly interactionCategories: readonly InteractionCategory[];
  readonly defaultFormulation: string;
  /** Extra request fields this drug uses. */
  readonly fields: readonly ClassSpecificField[];
  readonly formulations: readonly CatalogFormulation[];
}

/** What the UI calls a drug's description: the catalog entry. */
export type DrugDescription = CatalogDrug;

function classSpecificFields(drug: AnyDrug): ClassSpecificField[] {
  const fields: ClassSpecificField[] = [];
  if ('requiresIndication' in drug && drug.requiresIndication) fields.push('indication');
  if ('agonist' in drug && drug.agonist === 'partial') fields.push('fullAgonistUsedDuringBreak');
  if (drug.interactionCategories.includes('qt-prolonging')) fields.push('qtcMs');
  return fields;
}

/** The catalog entry of a full protocol drug (used to generate and to check the catalog). */
export function catalogEntry(drug: AnyDrug): CatalogDrug {
  return {
    id: drug.id,
    class: drug.drugClass,
    genericName: drug.genericName,
    displayName: drug.displayName,
    brandNames: [...drug.brandNames],
    interactionCategories: [...drug.interactionCategories],
    defaultFormulation: drug.defaultFormulation,
    fields: classSpecificFields(drug),
    formulations: drug.formulations.map((f) => ({
      id: f.id,
      name: f.name,
      route: f.route,
      unitForm: f.unitForm,
      unit: f.unit,
      strengths: f.strengths.map((s) => ({ amount: s.amount, ...(s.scored ? { scored: true as const } : {}) })),
      maxTimesPerDay: f.maxTimesPerDay.value,
    })),
  };
}
