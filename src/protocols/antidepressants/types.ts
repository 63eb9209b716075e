import type { Citation, DrugBase, FormulationBase, Sourced } from '../types.ts';

export type AntidepressantGroup = 'ssri' | 'snri' | 'tca' | 'maoi' | 'atypical';

export interface AntidepressantFormulation extends FormulationBase {
  /** Labelled starting regimen: dose per administration and administrations a day. */
  readonly start: { readonly dose: Sourced<string>; readonly timesPerDay: Sourced<number> };
  /** Labelled titration: rise of the daily dose per step (lower end of a range) and the minimum days between steps. */
  readonly step: { readonly daily: Sourced<string>; readonly intervalDays: Sourced<number> };
  /** Labelled maximum daily dose (required for this class: the plan never exceeds it). */
  readonly maxDailyDose: Sourced<string>;
}

/** A half-life in hours, with the moiety it belongs to and the range the source gives. */
export interface HalfLife {
  readonly hours: Sourced<string>;
  /** Which moiety: "norfluoxetine (active metabolite)". */
  readonly moiety: string;
  /** The range as the source gives it, for the derivation: "4–16 days". */
  readonly range: string;
}

export interface AntidepressantDrug extends DrugBase<'antidepressant', AntidepressantFormulation> {
  readonly group: AntidepressantGroup;
  /**
   * Half-life used for resume-vs-retitrate: the SHORTER end of the range of the longest-lived active moiety.
   * A shorter half-life makes re-titration happen sooner, which is the safer reading.
   */
  readonly resumeHalfLife: HalfLife;
  /** Half-life used for "5 half-lives" washouts: the LONGER end, so the washout is never too short. */
  readonly washoutHalfLife: HalfLife;
  /** Explicit washout before an MAOI after stopping this drug, where a source gives one (fluoxetine 5 weeks; MAOIs 14 days). */
  readonly maoiWashoutDays?: Sourced<number>;
  /** Always re-titrate after more than this many missed days (TCAs, MAOIs, bupropion, vilazodone). */
  readonly alwaysRetitrateAfterMissedDays?: Sourced<number>;
  /** Dose-related seizure risk. */
  readonly seizureRisk?: Citation & { readonly note: string };
  /** QT prolongation risk (citalopram, escitalopram). */
  readonly qtRisk?: Citation;
  /** Reduced maximum (citalopram: 20 mg over age 60, hepatic impairment, CYP2C19 inhibitor). */
  readonly reducedMaxDaily?: Sourced<string> & { readonly overAge: Sourced<number> };
}

export interface AntidepressantClassProtocol {
  /** Resume when the gap is under this many half-lives of the active moiety. */
  readonly resumeHalfLives: Sourced<number>;
  /** Washout before an MAOI after other antidepressants: this many half-lives. */
  readonly washoutHalfLives: Sourced<number>;
  /** The half-life washout is never shorter than this many days. */
  readonly minimumWashoutDays: Sourced<number>;
  /** Washout after an irreversible MAOI before another serotonergic antidepressant. */
  readonly irreversibleMaoiWashoutDays: Sourced<number>;
  /** Washout after named concurrent MAOIs with their own rule (moclobemide 24 h). */
  readonly concurrentMaoiWashoutDays: Readonly<Record<string, Sourced<number>>>;
  /** Washout for a serotonergic drug with no known half-life here, before an MAOI. */
  readonly unknownSerotonergicWashoutDays: Sourced<number>;
  /** Discontinuation symptoms: warn when the gap is at most this many days. */
  readonly discontinuationWindowDays: Sourced<number>;
  readonly qtcCautionMs: Sourced<number>;
  readonly qtcAvoidMs: Sourced<number>;
}
