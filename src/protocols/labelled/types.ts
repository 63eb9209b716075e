import type { Citation, DrugBase, FormulationBase, Sourced } from '../types.ts';

/** One stage of a label's opening titration table. */
export interface LabelStage {
  /** Days the stage lasts before the next stage may start. */
  readonly days: number;
  /** Daily dose of the stage (on a dosing day when every other day). */
  readonly daily: string;
  readonly timesPerDay: number;
  readonly everyOtherDay?: boolean;
}

/** After the opening stages: rise by `daily` at most every `intervalDays`, optionally only up to `upTo` mg/day. */
export interface LabelPhase {
  readonly daily: Sourced<string>;
  readonly intervalDays: Sourced<number>;
  /** The phase ends at this daily dose; the next phase then applies. */
  readonly upTo?: Sourced<string>;
}

/** A label's (re)titration schedule for one situation, e.g. lamotrigine with valproate. */
export interface LabelSchedule {
  readonly id: string;
  /** When this schedule applies, in words. */
  readonly when: string;
  readonly stages: Sourced<readonly LabelStage[]>;
  readonly phases: readonly LabelPhase[];
  /** Upper end of the label's usual maintenance range for this situation: a prior dose above it is flagged, not cut. */
  readonly usualMaintenanceMax?: Sourced<string>;
}

/**
 * When the label asks for re-titration:
 * - `daysOff-at-least`: daysOff ≥ value (clozapine: 2 days or more since the last dose);
 * - `missedDays-at-least`: missedDays ≥ value (quetiapine: off 1 week or more, the exact week counted as re-titrate);
 * - `missedDays-more-than`: missedDays > value;
 * - `half-lives-more-than`: daysOff × 24 h > value × half-life (lamotrigine: more than 5 half-lives).
 */
export interface RetitrationThreshold {
  readonly kind: 'daysOff-at-least' | 'missedDays-at-least' | 'missedDays-more-than' | 'half-lives-more-than';
  readonly value: Sourced<number>;
  /** Half-life in hours for `half-lives-more-than` (the shorter end: re-titration comes sooner). */
  readonly halfLifeHours?: Sourced<string>;
  /** Shorter half-life with a concurrent enzyme inducer (lamotrigine): used whenever an inducer is present. */
  readonly halfLifeWithInducerHours?: Sourced<string>;
  /** The rule in words for the derivation. */
  readonly rule: string;
}

/** One row of a gabapentinoid label's renal dosing table (amendment A3). */
export interface RenalBand {
  /** The band applies from this creatinine clearance (mL/min) up to the next band's. */
  readonly fromCrCl: number;
  /**
   * The label's row shares its lower edge with the row below (pregabalin: "≥ 60" and "30–60" both hold 60):
   * a CrCl equal to `fromCrCl` then goes to the lower band (engine assumption renal-band-shared-edge-lower).
   */
  readonly fromExclusive?: boolean;
  /** The band as the label writes it, e.g. "30–59". */
  readonly label: string;
  readonly minDaily: string;
  readonly maxDaily: string;
  /** Most administrations a day in this band (TID 3, BID 2, once daily 1). */
  readonly maxTimesPerDay: number;
}

export interface RenalDosing {
  readonly bands: Sourced<readonly RenalBand[]>;
  /** Supplement after each hemodialysis session, as the label gives it. */
  readonly hemodialysisSupplement: Sourced<string>;
}

/** Class-wide figures of the labelled-restart rules (amendments A3 and A10). */
export interface LabelledClassProtocol {
  /** Renal impairment without a creatinine clearance selects the band starting at this CrCl. */
  readonly renalImpairmentBandFromCrCl: Sourced<number>;
  /** Hemodialysis without a creatinine clearance selects the band starting at this CrCl. */
  readonly hemodialysisBandFromCrCl: Sourced<number>;
  /** Band re-titration: rise by at most the band minimum every this many days. */
  readonly bandRestartIntervalDays: Sourced<number>;
  /** Clozapine: off this many days or more → ANC monitoring as for a new patient. */
  readonly clozapineAncNewPatientDaysOff: Sourced<number>;
  /** Clozapine after stopping smoking: ceiling = this fraction of the prior until a plasma level. */
  readonly clozapineSmokingStoppedFraction: Sourced<string>;
  /** Lamotrigine when valproate was started during the gap: ceiling = this fraction of the prior. */
  readonly lamotrigineValproateStartedFraction: Sourced<string>;
}

export type LabelledRule = 'clozapine' | 'lamotrigine' | 'quetiapine' | 'carbamazepine' | 'gabapentinoid';

export interface LabelledDrug extends DrugBase<'labelled-restart', FormulationBase> {
  readonly rule: LabelledRule;
  readonly threshold: RetitrationThreshold;
  /** Schedules; the planner picks one by the concurrent medicines (lamotrigine) or takes the only one. */
  readonly schedules: readonly LabelSchedule[];
  /** Labelled maximum daily dose. */
  readonly maxDailyDose: Sourced<string>;
  /** What the label says beyond the schedule, shown in the derivation when re-titrating. */
  readonly retitrationNote?: Citation & { readonly text: string };
  /** Gabapentinoids: the label's renal dosing table. */
  readonly renal?: RenalDosing;
  /** Why re-titration matters for this drug (shown as a warning). */
  readonly hazard: { readonly code: string; readonly message: string; readonly sources: readonly string[] };
}
