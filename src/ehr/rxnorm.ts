/**
 * RxNorm codes in FHIR resources → Retitrate products. A clinical-drug code (SCD, or SBD for a brand)
 * names drug, formulation and strength; an ingredient code (IN) names only the drug. The SCD/SBD table
 * and its sources are protocol data (src/protocols); this module only reads codes against it.
 */
import type { CodeableConcept, Medication, Reference } from '@medplum/fhirtypes';
import type { ClinicalDrugLookup, ClinicalDrugProduct, EhrDrug } from './types.ts';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export type ResolvedMedication =
  | { readonly kind: 'product'; readonly drug: EhrDrug; readonly product: ClinicalDrugProduct; readonly code: string; readonly display: string }
  | { readonly kind: 'ingredient'; readonly drug: EhrDrug; readonly code: string; readonly display: string }
  | { readonly kind: 'unknown'; readonly codes: readonly string[]; readonly display: string };

/** A lookup over a fixed list of products (the protocol table, or a test fixture). */
export function clinicalDrugTable(products: readonly ClinicalDrugProduct[]): ClinicalDrugLookup {
  const byCode = new Map(products.map((product) => [product.code, product]));
  return (code) => byCode.get(code);
}

/** No clinical-drug codes: only ingredient codes resolve. */
export const NO_CLINICAL_DRUGS: ClinicalDrugLookup = () => undefined;

export interface MedicationIndex {
  readonly drugs: readonly EhrDrug[];
  readonly lookup: ClinicalDrugLookup;
  readonly byIngredient: ReadonlyMap<string, EhrDrug>;
  readonly byId: ReadonlyMap<string, EhrDrug>;
}

export function medicationIndex(drugs: readonly EhrDrug[], lookup: ClinicalDrugLookup): MedicationIndex {
  return {
    drugs,
    lookup,
    byIngredient: new Map(drugs.map((drug) => [drug.rxnorm.value, drug])),
    byId: new Map(drugs.map((drug) => [drug.id, drug])),
  };
}

/** The RxNorm codes of a concept, in order. */
export function rxnormCodes(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).filter((coding) => coding.system === RXNORM_SYSTEM && typeof coding.code === 'string').map((coding) => coding.code!);
}

/** Resolves a concept: a product code first (more specific), then an ingredient code. */
export function resolveConcept(concept: CodeableConcept | undefined, index: MedicationIndex): ResolvedMedication {
  const codes = rxnormCodes(concept);
  const display = concept?.text ?? concept?.coding?.find((coding) => coding.display)?.display ?? codes.join(', ');
  for (const code of codes) {
    const product = index.lookup(code);
    const drug = product ? index.byId.get(product.drug) : undefined;
    if (product && drug && drug.formulations.some((formulation) => formulation.id === product.formulation)) {
      return { kind: 'product', drug, product, code, display };
    }
  }
  for (const code of codes) {
    const drug = index.byIngredient.get(code);
    if (drug) return { kind: 'ingredient', drug, code, display };
  }
  return { kind: 'unknown', codes, display };
}

/** The concept of a resource's medication: the CodeableConcept, or the referenced (or contained) Medication's code. */
export function medicationConcept(
  resource: { medicationCodeableConcept?: CodeableConcept; medicationReference?: Reference<Medication>; contained?: readonly { resourceType: string; id?: string }[] },
  medications: ReadonlyMap<string, Medication>,
): CodeableConcept | undefined {
  if (resource.medicationCodeableConcept) return resource.medicationCodeableConcept;
  const reference = resource.medicationReference?.reference;
  if (!reference) return undefined;
  if (reference.startsWith('#')) {
    const contained = resource.contained?.find((item) => item.resourceType === 'Medication' && item.id === reference.slice(1)) as Medication | undefined;
    return contained?.code;
  }
  return medications.get(reference)?.code;
}
