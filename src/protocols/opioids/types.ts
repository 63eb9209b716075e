import type { Citation, DrugBase, FormulationBase, Sourced, ToleranceAnchor } from '../types.ts';

export interface OpioidFormulation extends FormulationBase {
  /** Opioid-naive starting regimen from the label, where the product may start a naive patient. */
  readonly naiveStart?: {
    readonly dose: Sourced<string>;
    readonly timesPerDay: Sourced<number>;
  };
  /** Minimum days between increases: first interval, then each later one (the last repeats). */
  readonly titrationIntervalsDays: Sourced<readonly number[]>;
  /** The whole product is only for opioid-tolerant patients (e.g. transdermal fentanyl). */
  readonly restrictedToTolerant?: Citation & { readonly rule: string };
  /** Doses above these are only for opioid-tolerant patients (e.g. OxyContin > 40 mg a dose or > 80 mg a day). */
  readonly restrictedAbove?: Citation & { readonly singleDose?: string; readonly dailyDose?: string; readonly rule: string };
}

export interface OpioidDrug extends DrugBase<'opioid', OpioidFormulation> {
  readonly agonist: 'full' | 'partial';
  /** CDC 2022 MME factor: per mg/day, or per mcg/h for transdermal fentanyl. Absent for buprenorphine. */
  readonly mmeFactor?: Sourced<string>;
  /** FDA opioid-tolerant threshold for this drug, in its own daily unit (mg/day, or mcg/h). */
  readonly tolerantThreshold?: Sourced<string>;
  /** The immediate-release product a restricted formulation restarts on after tolerance loss. */
  readonly irAlternative?: { readonly drug: string; readonly formulation: string };
}

export interface OpioidClassProtocol {
  /** Missed days → retained fraction, for full agonists. */
  readonly anchors: readonly ToleranceAnchor[];
  /** CDC 2022: lowest naive start ≈ 5–10 MME a dose, 20–30 MME a day: the upper ends are the caps. */
  readonly naiveSingleDoseCapMme: Sourced<string>;
  readonly naiveDailyCapMme: Sourced<string>;
  /** Pause and reassess before reaching this daily MME. */
  readonly checkpointMme: Sourced<string>;
  /** Offer naloxone at or above this daily MME. */
  readonly naloxoneMme: Sourced<string>;
  /** Opioid-tolerant: at least this many days at a tolerant dose. */
  readonly tolerantMinDays: Sourced<number>;
  /** Opioid-tolerant for drugs the FDA list does not name: at least this MME/day. */
  readonly tolerantMme: Sourced<string>;
  /** Largest rise per titration step, as a fraction of the daily dose. */
  readonly maxRiseFraction: Sourced<string>;
  /** Factor applied to the naive start for risk factors. */
  readonly riskFactorNaiveMultiplier: Sourced<string>;
  /** Age from which a patient counts as an older adult. */
  readonly olderAdultAge: Sourced<number>;
  /** Days after prison release or detox that carry the highest risk. */
  readonly highRiskWindowDays: Sourced<number>;
}
