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
  /** The label's lowest adult initial dose (the restart after the withdrawal window starts no higher). */
  readonly initialDose?: Sourced<LabelDose>;
  /** The label's initial dose for older (or debilitated) adults, where it gives one. */
  readonly olderAdultInitialDose?: Sourced<LabelDose>;
  /** A label cap on the daily dose from an age (amendment A2). */
  readonly ageCap?: Sourced<AgeCap>;
  /** A label cap on the daily dose in mild to moderate (and severe) hepatic impairment; `severeAvoid`: the label says avoid in severe. */
  readonly hepaticCap?: Sourced<HepaticCap>;
  /** Label initial doses by sex (zolpidem): women, and the men's range. */
  readonly sexInitialDose?: Sourced<SexInitialDose>;
}

/** A label dose: amount per administration and administrations a day. */
export interface LabelDose {
  readonly dose: string;
  readonly timesPerDay: number;
}

export interface AgeCap {
  readonly fromAge: number;
  /** Most the label allows a day from that age. */
  readonly maxDaily: string;
}

export interface HepaticCap {
  readonly maxDaily: string;
  /** The label says avoid in severe hepatic impairment (zolpidem: ZOLPIDEM_SEVERE_HEPATIC). */
  readonly severeAvoid: boolean;
  /** The label says the drug is not recommended in severe hepatic impairment (zaleplon: ZDRUG_SEVERE_HEPATIC). */
  readonly severeNotRecommended?: boolean;
  /** The label limits the dose in severe hepatic impairment only (eszopiclone). */
  readonly severeOnly?: boolean;
}

export interface SexInitialDose {
  readonly female: string;
  readonly maleLow: string;
  readonly maleHigh: string;
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
  /** Oxidised in the liver with long-acting or active metabolites: warn in moderate or severe hepatic impairment (A3). */
  readonly hepaticCaution?: Citation;
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

/** Amendment A8 dependence classes (Joint Guideline Table 2). POSSIBLY_DEPENDENT is treated as DEPENDENT. */
export type DependenceClass = 'NOT_DEPENDENT' | 'POSSIBLY_DEPENDENT' | 'DEPENDENT';

export interface BenzodiazepineClassProtocol {
  /** Up to this many missed days the prior dose is resumed (engine assumption). */
  readonly resumeUpToMissedDays: Sourced<number>;
  readonly resumeFraction: Sourced<string>;
  /** Inside the withdrawal window: first step at this fraction of the prior dose, rounded at or below … */
  readonly windowFraction: Sourced<string>;
  /** … and never below this fraction. */
  readonly windowFloorFraction: Sourced<string>;
  /** With a risk factor inside the window: this fraction, rounded at or above. */
  readonly riskFactorFraction: Sourced<string>;
  /** Significant withdrawal symptoms now with a risk factor: this fraction (without: the prior dose). */
  readonly symptomsRiskFactorFraction: Sourced<string>;
  /** Withdrawal window in missed days by half-life group, and the group boundary (longest half-life, hours). */
  readonly shortWindowMissedDays: Sourced<number>;
  readonly longWindowMissedDays: Sourced<number>;
  readonly shortGroupMaxHalfLifeHours: Sourced<number>;
  /** Retained fraction reported after the window (the restart is a low new start, as after tolerance loss). */
  readonly afterWindowFraction: Sourced<string>;
  /** After the window, the first step is no higher than this many mg diazepam equivalents a day. */
  readonly afterWindowCapDe: Sourced<string>;
  /** Titration ceiling: at most this fraction of the current daily dose per step … */
  readonly maxRiseFraction: Sourced<string>;
  /** … no sooner than every this many days. */
  readonly titrationIntervalDays: Sourced<number>;
  /** Joint Guideline Table 2 dose bands (mg diazepam equivalents a day): low ≤ lowMax, moderate ≤ moderateMax, high above. */
  readonly lowBandMaxDe: Sourced<string>;
  readonly moderateBandMaxDe: Sourced<string>;
  readonly withdrawalRiskRows: readonly WithdrawalRiskRow[];
  /** Days a month, to read Table 2 durations in days (engine assumption). */
  readonly daysPerMonth: Sourced<number>;
  /** Age from which Beers applies, and the inside-window risk factor of age. */
  readonly olderAdultAge: Sourced<number>;
}
