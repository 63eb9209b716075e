/** The EHR code's view of the protocol data: every drug Retitrate plans, and the RxNorm clinical-drug table. */
import { productForCode } from '../engine/clinicalDrugCodes.ts';
import { DRUGS } from '../protocols/index.ts';
import { medicationIndex, type MedicationIndex } from './rxnorm.ts';
import type { ClinicalDrugLookup, EhrDrug } from './types.ts';

export const EHR_DRUGS: readonly EhrDrug[] = DRUGS;

/** The protocol data's SCD/SBD codes (src/protocols/rxnorm-clinical-drugs.ts, each with its source). */
export const PROTOCOL_CLINICAL_DRUGS: ClinicalDrugLookup = (code) => {
  const product = productForCode(code);
  return product ? { code: product.code, drug: product.drug, formulation: product.formulation, strength: product.strength, ...(product.brand ? { brand: product.brand } : {}) } : undefined;
};

/** The medication index over every drug: clinical-drug codes through `lookup` (the protocol table by default), else ingredient codes. */
export function defaultMedicationIndex(lookup: ClinicalDrugLookup = PROTOCOL_CLINICAL_DRUGS): MedicationIndex {
  return medicationIndex(EHR_DRUGS, lookup);
}
