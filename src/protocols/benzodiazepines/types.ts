import type { Citation, DrugBase, FormulationBase, Sourced } from '../types.ts';

/** Benzodiazepines and the Z-drugs share one class ('benzodiazepine'); `kind` tells them apart. */
export type BenzodiazepineKind = 'benzodiazepine' | 'z-drug';

export interface BenzodiazepineFormulation extends FormulationBase {
  /** Hypnotic taken once, immediately before bedtime (label). */
  readonly bedtimeOnly?: boolean;
  /** Some unscored entries are unscored only because scoring could not be confirmed (assumption unverified-scoring-unscored). */
  readonly scoringUnverified?: boolean;
  /** Set when the product is not marketed in the USA: says where its data come from. */
  readonly nonUsProduct?: string;
}

/** An amount (mg of this drug) ≈ diazepam 10 mg. `low` = `high` for a single value; a range otherwise. */
export interface EquivalentAmount {
  readonly low: string;
  readonly high: string;
}

/** A half-life range in hours: the time for the blood level to halve after a single dose. */
export interface HalfLifeRange {
  readonly low: number;
  readonly high: number;
}

export interface BenzodiazepineDrug extends DrugBase<'benzodiazepine', BenzodiazepineFormulation> {
  readonly kind: BenzodiazepineKind;
  /** Ashton Manual Table 1: the amount ≈ diazepam 10 mg (the primary table). */
  readonly ashtonEquivalent: Sourced<EquivalentAmount>;
  /** VA/DoD 2021 (as reproduced in the 2025 Joint Guideline Table 7), where it lists the drug. */
  readonly vaDodEquivalent?: Sourced<string>;
  /** Ashton Table 1 half-life of the parent drug, hours (absent for a prodrug Ashton gives no parent value for). */
  readonly halfLifeHours?: Sourced<HalfLifeRange>;
  /** Ashton Table 1 half-life of the active metabolite, hours, in brackets in the table. */
  readonly metaboliteHalfLifeHours?: Sourced<HalfLifeRange>;
  /** Prescribed for seizures too: take care before lowering the dose (NHS Scotland). */
  readonly epilepsyCaution?: Citation;
  /** Not marketed in the USA (e.g. zopiclone): the reason the data are non-US. */
  readonly marketNote?: string;
}

/** Withdrawal-risk row of the 2025 Joint Guideline Table 2. */
export type WithdrawalRisk = 'rare' | 'lower-but-possible' | 'yes';
export type DoseBand = 'low' | 'moderate' | 'high';

export interface WithdrawalRiskRow {
  /** Days a week the drug was taken: the row applies from `minDaysPerWeek` to `maxDaysPerWeek`. */
  readonly minDaysPerWeek: number;
  readonly maxDaysPerWeek: number;
  /** Duration of use in months: from `minMonths` (inclusive) up to `maxMonths` (exclusive), open-ended when absent. */
  readonly minMonths: number;
  readonly maxMonths?: number;
  /** Dose bands the row applies to. */
  readonly bands: readonly DoseBand[];
  readonly risk: WithdrawalRisk;
  /** The row as the guideline words it. */
  readonly text: string;
  readonly provenance: Citation;
}

export interface BenzodiazepineClassProtocol {
  /** r = 1 up to 2 missed days (engine assumption). */
  readonly resumeFraction: Sourced<string>;
  /** r = 0.5 from this many missed days (engine assumption). */
  readonly halfFromMissedDays: Sourced<number>;
  readonly halfFraction: Sourced<string>;
  /** Washout = this many × the longest half-life (parent or active metabolite), in days rounded up. */
  readonly washoutHalfLives: Sourced<number>;
  /** r after washout (engine assumption). */
  readonly washoutFraction: Sourced<string>;
  /** After washout, the first step is no higher than this many mg diazepam equivalents a day. */
  readonly washoutCapDe: Sourced<string>;
  /** Titration ceiling: at most this fraction of the current daily dose per step … */
  readonly maxRiseFraction: Sourced<string>;
  /** … no sooner than every this many days. */
  readonly titrationIntervalDays: Sourced<number>;
  /** Joint Guideline Table 2 dose bands (mg diazepam equivalents a day): low ≤ lowMax, moderate ≤ moderateMax, high above. */
  readonly lowBandMaxDe: Sourced<string>;
  readonly moderateBandMaxDe: Sourced<string>;
  readonly withdrawalRiskRows: readonly WithdrawalRiskRow[];
  /** Days a month and three months, to read Table 2 durations in days (engine assumption). */
  readonly daysPerMonth: Sourced<number>;
  /** Warn of withdrawal seizures when a dependent patient's first step is below this fraction of the prior dose. */
  readonly seizureWarningFraction: Sourced<string>;
  /** Age from which Beers applies. */
  readonly olderAdultAge: Sourced<number>;
}
