/**
 * The engine's public types. `RestartRequest` and `RestartPlan` are the JSON contract used by the
 * command line and other tools: fields may be added, never renamed or removed.
 */
import type { Decimal } from 'decimal.js';
import type { DoseUnit, DrugClass } from '../protocols/types.ts';

export type { DoseUnit, DrugClass };

/** A dose inside the engine: an exact decimal amount and its unit. */
export interface Dose {
  readonly amount: Decimal;
  readonly unit: DoseUnit;
}

export type EquivalentUnit = 'MME' | 'mg diazepam';

/** An amount as it appears in the JSON contract: a decimal string and its unit. */
export interface Amount<U extends string = string> {
  readonly amount: string;
  readonly unit: U;
}

/** A rejected input field: errors are data, never exceptions. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `prior.dose`. */
  readonly path: string;
  readonly code: string;
  /** Plain words a clinician understands. */
  readonly message: string;
}

export const BREAK_REASONS = [
  'incarceration',
  'detox',
  'hospitalization',
  'nonadherence',
  'supply',
  'adverse-effect',
  'other',
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** The yes/no patient factors of a request, in the order forms show them. */
export const PATIENT_FLAGS = [
  'hepaticImpairment',
  'renalImpairment',
  'respiratoryDisease',
  'sleepApnea',
  'overdoseHistory',
  'substanceUseDisorder',
  'alcoholUse',
] as const;
export type PatientFlag = (typeof PATIENT_FLAGS)[number];

/** Patient history flags added by the amendments (all optional in the request, default false). */
export const PATIENT_HISTORY_FLAGS = [
  'seizureHistory',
  'historyOfFalls',
  'complexSleepBehaviorHistory',
  'smokedBeforeBreak',
  'smokesNow',
  'hemodialysis',
] as const;
export type PatientHistoryFlag = (typeof PATIENT_HISTORY_FLAGS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Child-Pugh style grade: none, mild (A), moderate (B), severe (C). The old boolean `true` means moderate. */
export const HEPATIC_GRADES = ['none', 'mild', 'moderate', 'severe'] as const;
export type HepaticGrade = (typeof HEPATIC_GRADES)[number];

export const WITHDRAWAL_SYMPTOM_LEVELS = ['none', 'mild', 'significant', 'severe'] as const;
export type WithdrawalSymptoms = (typeof WITHDRAWAL_SYMPTOM_LEVELS)[number];

export interface PatientFactors {
  readonly ageYears?: number;
  /** True for any grade other than none (kept for the original contract). */
  readonly hepaticImpairment: boolean;
  /** Hepatic impairment grade (extension); `none` when not impaired. */
  readonly hepaticGrade: HepaticGrade;
  readonly renalImpairment: boolean;
  readonly respiratoryDisease: boolean;
  readonly sleepApnea: boolean;
  readonly overdoseHistory: boolean;
  readonly substanceUseDisorder: boolean;
  /** Regular or heavy alcohol use (extension). */
  readonly alcoholUse: boolean;
  /** Sex for label doses (extension); absent is treated as unknown, and unknown as female (the lower label dose). */
  readonly sex?: Sex;
  /** Creatinine clearance in mL/min (Cockcroft–Gault, entered by the clinician; extension). */
  readonly creatinineClearanceMlMin?: number;
  /** Withdrawal symptoms now (extension); absent = not recorded. */
  readonly withdrawalSymptomsNow?: WithdrawalSymptoms;
  readonly seizureHistory: boolean;
  readonly historyOfFalls: boolean;
  readonly complexSleepBehaviorHistory: boolean;
  readonly smokedBeforeBreak: boolean;
  readonly smokesNow: boolean;
  readonly hemodialysis: boolean;
}

/** A concurrent medicine with the dates it was started or stopped, when known (extension). */
export interface ConcurrentMedication {
  readonly drug: string;
  /** ISO date the medicine was started, when known. */
  readonly startedOn?: string;
  /** ISO date of its last dose, when it has been stopped. */
  readonly stoppedOn?: string;
}

/**
 * Another medicine of the same class taken before the break (`additionalPrior[i]`, extension). Tolerance is judged
 * on the total of `prior` and these; the plan restarts one product.
 */
export interface PriorMedicine {
  readonly drug: string;
  readonly formulation: string;
  readonly dose: Dose;
  /** Administrations a day; with `asNeeded`, the average number of doses actually taken a day. */
  readonly timesPerDay: number;
  readonly asNeeded: boolean;
}

/** A validated, normalised request. */
export interface RestartRequest {
  readonly drug: string;
  readonly formulation: string;
  readonly prior: {
    readonly dose: Dose;
    /** Administrations a day; patches: 1 (the rate is continuous). */
    readonly timesPerDay: number;
    /** Days a week the drug was taken (extension; default 7). */
    readonly daysPerWeek: number;
    /** Taken as needed; `timesPerDay` is then the average number of doses actually taken a day (extension). */
    readonly asNeeded: boolean;
    /** The dose comes from non-prescribed use and is uncertain (extension). */
    readonly nonPrescribed: boolean;
  };
  /** Other medicines of the same class taken before the break (extension; absent or empty: `prior` alone). */
  readonly additionalPrior?: readonly PriorMedicine[];
  readonly priorDurationDays: number;
  /** ISO calendar dates (yyyy-MM-dd). */
  readonly lastDoseDate: string;
  readonly restartDate: string;
  readonly patient: PatientFactors;
  /** Drug ids of the medicines taken at the restart date (entries stopped on or before it are left out). */
  readonly concurrent: readonly string[];
  /** Every concurrent entry of the request with its dates, stopped ones included (extension). */
  readonly concurrentHistory: readonly ConcurrentMedication[];
  /** Acetaminophen from other sources, mg a day (extension). */
  readonly acetaminophenOtherSourcesMgPerDay?: number;
  /** Keep an extended-release product whose label allows opioid-naive starts rather than move to IR (extension). */
  readonly keepProduct?: boolean;
  readonly breakReason?: BreakReason;
  /** Methadone: what it is prescribed for (extension). */
  readonly indication?: 'pain' | 'oud';
  /** Buprenorphine: whether a full-agonist opioid was used during the break (extension). */
  readonly fullAgonistUsedDuringBreak?: boolean;
  /** Baseline QTc in ms, where known (extension; methadone, citalopram). */
  readonly qtcMs?: number;
}

export type ToleranceStatus = 'retained' | 'reduced' | 'lost' | 'not-applicable';
export type Severity = 'critical' | 'warning' | 'info';

export interface PlanStep {
  /** First day of the step (ISO date). */
  readonly start: string;
  /** Last day of the step, inclusive (ISO date); absent on the last (maintenance) step. */
  readonly end?: string;
  readonly drug: string;
  readonly formulation: string;
  /** Display name of this step's drug (Tall Man where ISMP lists one); a step may use another product than the prior. */
  readonly displayName: string;
  /** This step's formulation in words, e.g. "immediate-release tablet". */
  readonly formulationName: string;
  /** Largest single administration in the step (the ceiling per dose). */
  readonly dose: Amount<DoseUnit>;
  readonly timesPerDay: number;
  /** Each administration of the day, largest first, when they are not all equal. */
  readonly administrations: readonly string[];
  /** Every other day rather than daily (lamotrigine with valproate). */
  readonly everyOtherDay?: boolean;
  readonly dailyDose: Amount<DoseUnit>;
  readonly dailyEquivalent?: Amount<EquivalentUnit>;
  readonly checkpoint: boolean;
  /** Why this step is a checkpoint, when it is one. */
  readonly checkpointReason?: string;
  /** The rule that set this step, in words. */
  readonly rule: string;
  /** Tablets or patches that make one administration, e.g. `1 × 10 mg + 1 × 5 mg`. */
  readonly makeUp: readonly string[];
  /**
   * The step resumes one product of a regimen of several (tolerance retained): such steps share their dates, one per
   * product, and this is the index of the product in `prior.components` (extension).
   */
  readonly component?: number;
  /** The step's doses are taken as needed, up to `timesPerDay` a day, not on a schedule (extension). */
  readonly asNeeded?: boolean;
  /** How the prior as-needed use fits beneath this step's daily ceiling (extension). */
  readonly asNeededAllowance?: AsNeededAllowance;
}

/**
 * As-needed use within a step (extension): the step's `dailyDose` is the ceiling for the whole day, as-needed doses
 * included; scheduled doses and as-needed doses together never exceed it.
 */
export interface AsNeededAllowance {
  /** Largest single as-needed dose, on the step's product. */
  readonly dose: Amount<DoseUnit>;
  readonly maxDosesPerDay: number;
  /** What is left for scheduled doses when every as-needed dose is taken: dailyDose − dose × maxDosesPerDay. */
  readonly scheduledDaily: Amount<DoseUnit>;
  /** The rule in words, e.g. "up to 2 × 5 mg as needed; scheduled doses then at most 10 mg a day". */
  readonly text: string;
}

/** One medicine of the prior regimen with its daily dose and equivalent (extension). */
export interface PriorComponent {
  /** Where it came from in the request: `prior` or `additionalPrior.0`, `additionalPrior.1`, … */
  readonly path: string;
  readonly drug: string;
  readonly formulation: string;
  readonly displayName: string;
  readonly formulationName: string;
  readonly dose: Amount<DoseUnit>;
  readonly timesPerDay: number;
  readonly asNeeded: boolean;
  readonly dailyDose: Amount<DoseUnit>;
  /** MME (opioids) or mg diazepam (benzodiazepines); absent for classes without an equivalent. */
  readonly dailyEquivalent?: Amount<EquivalentUnit>;
  readonly equivalentFactor?: { readonly value: string; readonly per: string; readonly source: string };
}

export interface PlanWarning {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly sources: readonly string[];
}

export interface PlanSource {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly year: number;
  readonly url: string;
}

export interface PlanAssumption {
  readonly id: string;
  readonly statement: string;
  readonly rationale: string;
}

/** One table's diazepam equivalent of a daily dose (benzodiazepines; extension). */
export interface EquivalentReading {
  readonly table: string;
  readonly source: string;
  /** Amount of the drug ≈ diazepam 10 mg in that table: "0.5", or "1–2" for a range. */
  readonly perDiazepam10mg: string;
  readonly dailyEquivalent: Amount<EquivalentUnit>;
  /** When the table gives a range: the daily equivalent at each end. */
  readonly dailyEquivalentRange?: { readonly low: string; readonly high: string };
}

export interface RestartPlan {
  readonly drug: string;
  readonly drugClass: DrugClass;
  readonly formulation: string;
  /** Display name (Tall Man where ISMP lists one). */
  readonly displayName: string;
  /** Benzodiazepine class: a benzodiazepine or a Z-drug (extension). */
  readonly drugKind?: 'benzodiazepine' | 'z-drug';
  readonly daysOff: number;
  readonly missedDays: number;
  readonly tolerance: {
    readonly retainedFraction: string;
    readonly status: ToleranceStatus;
    /** Whether the patient met the class's tolerance/dependence definition before the break. */
    readonly priorTolerant?: boolean;
    /** The anchor row used: from how many missed days, and its provenance. */
    readonly anchor?: { readonly fromMissedDays: number; readonly source: string; readonly basis: string };
    /** Benzodiazepines: missed days from which the drug counts as washed out (extension). */
    readonly washoutDays?: number;
    /** Benzodiazepines: amendment A8 dependence class (Joint Guideline Table 2; extension). */
    readonly dependence?: 'NOT_DEPENDENT' | 'POSSIBLY_DEPENDENT' | 'DEPENDENT';
    /** Benzodiazepines: last missed day inside the drug's withdrawal window (amendment A8; extension). */
    readonly withdrawalWindowDays?: number;
  };
  readonly prior: {
    /** The main product's daily dose (`prior` of the request). */
    readonly dailyDose: Amount<DoseUnit>;
    /** The sum of every component's daily equivalent (one component: its own). */
    readonly dailyEquivalent?: Amount<EquivalentUnit>;
    /** One entry per medicine of the prior regimen, `prior` first (extension). */
    readonly components?: readonly PriorComponent[];
    /** The equivalence factor used, with its source id. */
    readonly equivalentFactor?: { readonly value: string; readonly per: string; readonly source: string };
    /** Benzodiazepines: the prior daily dose in mg diazepam by each table, where they differ (extension). */
    readonly equivalents?: readonly EquivalentReading[];
    /** Benzodiazepines: dose band of the 2025 Joint Guideline Table 2 (extension). */
    readonly riskBand?: { readonly band: 'low' | 'moderate' | 'high'; readonly dailyEquivalent: Amount<EquivalentUnit>; readonly source: string };
    /** Benzodiazepines: withdrawal-risk row of the 2025 Joint Guideline Table 2 (extension). */
    readonly withdrawalRisk?: { readonly risk: 'rare' | 'lower-but-possible' | 'yes'; readonly row: string; readonly daysPerWeek: number; readonly durationDays: number; readonly source: string };
  };
  readonly steps: readonly PlanStep[];
  /** Antidepressants and labelled restart rules: resume the prior dose or re-titrate, and the rule that decided (extension). */
  readonly decision?: { readonly action: 'resume' | 'retitrate'; readonly rule: string };
  /** Earliest safe start when a washout moved the first step after the requested restart date (extension). */
  readonly earliestSafeStart?: string;
  readonly warnings: readonly PlanWarning[];
  readonly derivation: readonly string[];
  /** Statements of every engine assumption the plan used. */
  readonly assumptions: readonly string[];
  /** The same assumptions with ids and rationale (extension). */
  readonly assumptionDetails: readonly PlanAssumption[];
  readonly sources: readonly PlanSource[];
  readonly version: { readonly engine: string; readonly protocols: string; readonly protocolsDate: string };
}

/**
 * A refusal (amendments, severity BLOCK): a labelled contraindication for which no dose schedule is given.
 * Not invalid input: the request was read correctly, and the refusal says why, on which source, and
 * when a plan can be made (extension).
 */
export interface PlanRefusal {
  readonly refused: true;
  /** Stable code, e.g. `MAOI_CONTRAINDICATED_OPIOID`. */
  readonly code: string;
  readonly severity: 'block';
  /** The request field that led to the refusal, e.g. `concurrent.0`. */
  readonly path: string;
  readonly drug: string;
  readonly formulation: string;
  readonly displayName: string;
  /** Why no plan is given, in words a clinician understands. */
  readonly message: string;
  /** Source ids of the contraindication. */
  readonly reasonSources: readonly string[];
  /** Earliest ISO date a plan can be made, when the contraindication is time-bound. */
  readonly earliestPlanDate?: string;
  /** What can be done instead, in words. */
  readonly alternative?: string;
  /**
   * The plan for what can be done instead, when the engine can compute one (extension): e.g. the
   * immediate-release opioid plan offered when a product restricted to opioid-tolerant patients is refused
   * (`OPIOID_TOLERANT_ONLY_PRODUCT`), with its own steps, warnings (RESTRICTED_TO_TOLERANT says when the refused
   * product may be considered again), derivation and sources. The pharmacist check judges a proposal against it.
   * It is an offer for the prescriber to accept, not the plan for the refused request.
   */
  readonly alternativePlan?: RestartPlan;
  readonly daysOff: number;
  readonly missedDays: number;
  readonly warnings: readonly PlanWarning[];
  readonly derivation: readonly string[];
  readonly assumptions: readonly string[];
  readonly assumptionDetails: readonly PlanAssumption[];
  readonly sources: readonly PlanSource[];
  readonly version: { readonly engine: string; readonly protocols: string; readonly protocolsDate: string };
}

export type PlanResult =
  | { readonly ok: true; readonly plan: RestartPlan }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly refusal?: undefined }
  /** Refused: `errors` holds one `plan-refused` error naming the field, so callers that only read errors never see a plan. */
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly refusal: PlanRefusal };

export interface DrugListing {
  readonly id: string;
  readonly class: DrugClass;
  readonly formulations: readonly string[];
  readonly displayName: string;
  readonly brandNames: readonly string[];
}
