/** The EHR code's view of the protocol data: every drug Retitrate plans, and the RxNorm clinical-drug table. */
import { DRUGS } from '../protocols/index.ts';
import { medicationIndex, NO_CLINICAL_DRUGS, type MedicationIndex } from './rxnorm.ts';
import type { ClinicalDrugLookup, EhrDrug } from './types.ts';

export const EHR_DRUGS: readonly EhrDrug[] = DRUGS;

/**
 * The medication index over every drug. Clinical-drug (SCD/SBD) codes resolve through `lookup`: the
 * protocol table of product codes, once it is in src/protocols; until then only ingredient codes do.
 */
export function defaultMedicationIndex(lookup: ClinicalDrugLookup = NO_CLINICAL_DRUGS): MedicationIndex {
  return medicationIndex(EHR_DRUGS, lookup);
}
