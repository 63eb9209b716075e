/**
 * Lookups over the orderable RxNorm codes of the protocol data (src/protocols/rxnorm-clinical-drugs.ts, opioids, and
 * src/protocols/rxnorm-clinical-drugs-other.ts, benzodiazepines, Z-drugs, antidepressants, labelled-restart drugs):
 * product strength → its SCD (and SBDs), and any SCD or SBD code → the product strength. Pure.
 * Strengths compare as decimals ("37.5" = "37.50").
 */
import { RXNORM_CLINICAL_DRUGS, type ClinicalDrugCode } from '../protocols/rxnorm-clinical-drugs.ts';
import { RXNORM_CLINICAL_DRUGS_OTHER } from '../protocols/rxnorm-clinical-drugs-other.ts';
import { D } from './decimal.ts';

export type { BrandedDrugCode, ClinicalDrugCode } from '../protocols/rxnorm-clinical-drugs.ts';

/** What an RxNorm code stands for here: the product strength, and whether it is the clinical or a branded drug. */
export interface CodedProduct {
  readonly drug: string;
  readonly formulation: string;
  readonly strength: string;
  readonly tty: 'SCD' | 'SBD';
  readonly code: string;
  /** RxNorm name of the code. */
  readonly name: string;
  /** The brand, for an SBD. */
  readonly brand?: string;
  /** The strength's SCD (the code itself for an SCD). */
  readonly scd: string;
  readonly source: string;
  readonly locator: string;
}

function strengthKey(strength: string): string {
  try {
    return new D(strength).toString();
  } catch {
    return strength;
  }
}

const productKey = (drug: string, formulation: string, strength: string) => `${drug}|${formulation}|${strengthKey(strength)}`;

/** Both tables, opioids first. */
const ALL_CLINICAL_DRUGS: readonly ClinicalDrugCode[] = Object.freeze([...RXNORM_CLINICAL_DRUGS, ...RXNORM_CLINICAL_DRUGS_OTHER]);

let byProduct: Map<string, ClinicalDrugCode> | undefined;
let byCode: Map<string, CodedProduct> | undefined;

function indexes(): { byProduct: Map<string, ClinicalDrugCode>; byCode: Map<string, CodedProduct> } {
  if (!byProduct || !byCode) {
    byProduct = new Map();
    byCode = new Map();
    for (const entry of ALL_CLINICAL_DRUGS) {
      byProduct.set(productKey(entry.drug, entry.formulation, entry.strength), entry);
      const base = { drug: entry.drug, formulation: entry.formulation, strength: entry.strength, scd: entry.scd.code, source: entry.source, locator: entry.locator };
      byCode.set(entry.scd.code, { ...base, tty: 'SCD', code: entry.scd.code, name: entry.scd.name });
      for (const branded of entry.sbd) byCode.set(branded.code, { ...base, tty: 'SBD', code: branded.code, name: branded.name, brand: branded.brand });
    }
  }
  return { byProduct, byCode };
}

/** The RxNorm SCD (and SBDs) of a product strength, or null when the protocol data has none (see the gaps in README). */
export function clinicalDrugCode(drug: string, formulation: string, strength: string): ClinicalDrugCode | null {
  return indexes().byProduct.get(productKey(drug, formulation, strength)) ?? null;
}

/** The product strength an RxNorm SCD or SBD code stands for, or null for a code not in the protocol data. */
export function productForCode(code: string): CodedProduct | null {
  return indexes().byCode.get(code.trim()) ?? null;
}

/** Every product strength with an orderable code. */
export function clinicalDrugCodes(): readonly ClinicalDrugCode[] {
  return ALL_CLINICAL_DRUGS;
}
