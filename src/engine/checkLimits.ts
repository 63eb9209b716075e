/**
 * Class-level limits the pharmacist check needs from the protocol data: the largest rise per step,
 * the shortest interval between increases, and the checkpoint threshold. Opioids read them from
 * OPIOID_CLASS, benzodiazepines from BENZODIAZEPINE_CLASS; a class without an entry here falls back to limits read off the plan itself (check.ts).
 * To add a class: return its protocol values for `facts.drug.drugClass === '<class>'`.
 */
import type { Decimal } from 'decimal.js';
import { BENZODIAZEPINE_CLASS } from '../protocols/benzodiazepines/index.ts';
import { OPIOID_CLASS } from '../protocols/opioids/index.ts';
import type { FormulationBase, Provenance } from '../protocols/types.ts';
import { D } from './decimal.ts';
import { provenanceLabel, type ProductFacts } from './products.ts';
import { mme, type Mme } from './units.ts';

export interface TitrationLimits {
  /** Largest rise per step as a fraction of the current daily dose. */
  readonly maxRiseFraction: Decimal;
  /** Fewest days between two increases. */
  readonly minIntervalDays: number;
  /** Where the limits come from, in words (source ids / assumption ids). */
  readonly basis: string;
}

/** A daily level a plan checkpoint guards, in MME (the only class with one so far: opioids). */
export interface CheckpointThreshold {
  readonly amount: Mme;
  readonly unit: 'MME';
  readonly basis: string;
}

/** Titration limits from the protocol data for the product's class, or null when the class defines none. */
export function titrationLimits(facts: ProductFacts): TitrationLimits | null {
  if (facts.drug.drugClass === 'benzodiazepine') {
    const { maxRiseFraction, titrationIntervalDays } = BENZODIAZEPINE_CLASS;
    return {
      maxRiseFraction: new D(maxRiseFraction.value),
      minIntervalDays: titrationIntervalDays.value,
      basis: `${provenanceLabel(maxRiseFraction)}; ${provenanceLabel(titrationIntervalDays)}`,
    };
  }
  if (facts.drug.drugClass !== 'opioid') return null;
  const intervals = (facts.formulation as FormulationBase & { titrationIntervalsDays?: Provenance & { value: readonly number[] } })
    .titrationIntervalsDays;
  if (!intervals || intervals.value.length === 0) return null;
  return {
    maxRiseFraction: new D(OPIOID_CLASS.maxRiseFraction.value),
    minIntervalDays: Math.min(...intervals.value),
    basis: `${provenanceLabel(OPIOID_CLASS.maxRiseFraction)}; ${provenanceLabel(intervals)}`,
  };
}

/** The daily threshold a plan checkpoint guards, for classes whose protocol gives one (opioids: 50 MME/day). */
export function checkpointThreshold(facts: ProductFacts): CheckpointThreshold | null {
  if (facts.drug.drugClass !== 'opioid') return null;
  return { amount: mme(new D(OPIOID_CLASS.checkpointMme.value)), unit: 'MME', basis: provenanceLabel(OPIOID_CLASS.checkpointMme) };
}

