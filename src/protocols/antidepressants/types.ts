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
   * Half-life of the longest-lived active moiety, shorter end of its range: shown as the reason for fluoxetine's
   * longer resume window (amendment A9); the resume decision itself uses missed-day tiers.
   */
  readonly resumeHalfLife: HalfLife;
  /** Half-life used for "5 half-lives" washouts: the LONGER end, so the washout is never too short. */
  readonly washoutHalfLife: HalfLife;
  /** Explicit washout before an MAOI after stopping this drug, where a source gives one (fluoxetine 5 weeks; MAOIs 14 days). */
  readonly maoiWashoutDays?: Sourced<number>;
  /** Dose-related seizure risk. */
  readonly seizureRisk?: Citation & { readonly note: string };
  /** QT prolongation risk (citalopram, escitalopram). */
  readonly qtRisk?: Citation;
}

/** Which restart rule of amendment A9 a drug follows (docs/clinical-model.md ("Antidepressants and labelled restarts")). */
export type AntidepressantRestartRule = 'standard' | 'fluoxetine' | 'tca' | 'bupropion' | 'vilazodone' | 'maoi';

/** A9 rules: missed-day tiers, each figure sourced or an engine assumption. */
export interface AntidepressantRestartRules {
  /** SSRIs, SNRIs, mirtazapine, vortioxetine, trazodone. */
  readonly standard: {
    readonly resumeUpToMissedDays: Sourced<number>;
    readonly partialUpToMissedDays: Sourced<number>;
    /** 8–28 missed days: first step max(label start, fraction × prior). */
    readonly partialFraction: Sourced<string>;
  };
  readonly fluoxetine: {
    readonly resumeUpToMissedDays: Sourced<number>;
    readonly startDaily: Sourced<string>;
    readonly stepDaily: Sourced<string>;
    readonly stepIntervalDays: Sourced<number>;
  };
  readonly tca: {
    readonly resumeUpToMissedDays: Sourced<number>;
    readonly halfUpToMissedDays: Sourced<number>;
    readonly fraction: Sourced<string>;
    /** 4–7 missed days: the prior dose after at least this many days. */
    readonly priorAfterDays: Sourced<number>;
    readonly startDaily: Sourced<string>;
    readonly olderStartDaily: Sourced<string>;
    readonly olderFromAge: Sourced<number>;
    readonly stepDaily: Sourced<string>;
    readonly stepIntervalDays: Sourced<number>;
  };
  readonly bupropion: {
    readonly resumeUpToMissedDays: Sourced<number>;
    readonly startDaily: Sourced<string>;
    readonly secondDaily: Sourced<string>;
    readonly secondAfterDays: Sourced<number>;
  };
  readonly vilazodone: {
    readonly resumeUpToMissedDays: Sourced<number>;
    /** Label titration: daily dose and the days it is held before the next. */
    readonly stages: Sourced<readonly { readonly daily: string; readonly days: number }[]>;
  };
  readonly maoi: {
    readonly resumeUpToMissedDays: Sourced<number>;
    readonly halfUpToMissedDays: Sourced<number>;
    readonly fraction: Sourced<string>;
  };
}

/** A label cap on the daily dose (and optionally the re-titration start) for a patient group (amendment A2). */
export interface LabelCap {
  readonly code: string;
  /** Severity when the cap applies but the prior dose is already at or below it. */
  readonly severityAtOrBelow: 'critical' | 'warning';
  readonly maxDaily: Sourced<string>;
  /** Re-titration start under the cap (paroxetine elderly 10 mg). */
  readonly startDaily?: Sourced<string>;
  /** Formulations the cap applies to (all when absent). */
  readonly formulations?: readonly string[];
  readonly when: {
    /** Age strictly above this (citalopram: older than 60). */
    readonly overAge?: Sourced<number>;
    /** Age at or above this. */
    readonly fromAge?: Sourced<number>;
    /** Which hepatic grades trigger the cap. */
    readonly hepaticGrades?: Sourced<readonly string[]>;
    /** Creatinine clearance below this (mL/min). */
    readonly crclBelow?: Sourced<number>;
    /** A concurrent CYP2C19 inhibitor. */
    readonly cyp2c19Inhibitor?: boolean;
  };
  /** What the label says and why, for the warning. */
  readonly message: string;
}

/** Beers 2023 rows for antidepressants and antiepileptics (amendment A2). */
export interface BeersRules {
  readonly fromAge: Sourced<number>;
  /** Strongly anticholinergic antidepressants: avoid. */
  readonly anticholinergic: Sourced<readonly string[]>;
  /** Doxepin counts only above this daily dose (mg). */
  readonly doxepinAboveDaily: Sourced<string>;
  /** SIADH/hyponatraemia caution: these antidepressant groups and drugs. */
  readonly siadhGroups: Sourced<readonly string[]>;
  readonly siadhDrugs: Sourced<readonly string[]>;
  /**
   * Beers Table 5 "three or more CNS-active drugs": the one table every class uses (engine/classes/beers.ts,
   * `beersCnsWarning`). A drug counts when its catalog class, one of its interaction categories or its id is listed.
   */
  /** CNS-active count that triggers BEERS_CNS_3PLUS. */
  readonly cnsActiveCount: Sourced<number>;
  /** CNS-active drugs by id (antiepileptics, antipsychotics and others not marked by category or class). */
  readonly cnsActiveIds: Sourced<readonly string[]>;
  /** CNS-active interaction categories. */
  readonly cnsActiveCategories: Sourced<readonly string[]>;
  /** CNS-active catalog classes (every drug the engine plans in these classes counts). */
  readonly cnsActiveClasses: Sourced<readonly string[]>;
  /** Antiepileptics (falls row, bupropion contraindication). */
  readonly antiepilepticIds: Sourced<readonly string[]>;
}

export interface AntidepressantClassProtocol {
  /** Amendment A9 restart tiers. */
  readonly restart: AntidepressantRestartRules;
  /** Which A9 rule a drug follows, by id; otherwise by group (ssri, snri, atypical → standard; tca; maoi). */
  readonly restartRuleByDrug: Readonly<Record<string, AntidepressantRestartRule>>;
  /** Label caps by drug id (amendment A2). */
  readonly labelCaps: Readonly<Record<string, readonly LabelCap[]>>;
  readonly beers: BeersRules;
  /** Washout after linezolid or IV methylene blue before an antidepressant (24 h after the last dose). */
  readonly linezolidWashoutDays: Sourced<number>;
  /** Linezolid / methylene blue ids. */
  readonly linezolidIds: readonly string[];
  /** Bupropion: refused while these categories (or antiepileptics) were stopped within this many days. */
  readonly bupropionWithdrawalWindowDays: Sourced<number>;
  readonly bupropionWithdrawalCategories: Sourced<readonly string[]>;
  /** Tyramine diet continues this many days after the last MAOI dose. */
  readonly tyramineDietDaysAfter: Sourced<number>;
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
  /** Discontinuation symptoms: missed doses can cause withdrawal symptoms (warned from this many missed days). */
  readonly discontinuationFromMissedDays: Sourced<number>;
  readonly qtcCautionMs: Sourced<number>;
  readonly qtcAvoidMs: Sourced<number>;
}
