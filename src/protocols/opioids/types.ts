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
  /**
   * Doses only for opioid-tolerant patients (e.g. OxyContin > 40 mg a dose or > 80 mg a day;
   * Hysingla ER 80 mg a dose or more). Strengths restricted as such carry `restrictedToTolerant`.
   */
  readonly restrictedAbove?: Citation & {
    readonly singleDose?: string;
    readonly singleDoseAtLeast?: string;
    readonly dailyDose?: string;
    readonly rule: string;
  };
  /** Combination product: the acetaminophen in it is counted against the daily acetaminophen limit. */
  readonly combination?: { readonly with: 'acetaminophen' };
  /**
   * Combination product: the single-ingredient formulation of the same opioid a plan moves to when acetaminophen
   * would pass the limit (amendment A5); absent when none exists (hydrocodone in the US).
   */
  readonly singleIngredient?: Citation & { readonly formulation: string };
  /** Methadone: the indication this naive start/titration applies to, where it differs by indication. */
  readonly byIndication?: {
    readonly pain: MethadoneIndicationRules;
    readonly oud: MethadoneIndicationRules;
  };
}

export interface MethadoneIndicationRules {
  /** Largest rise per step as a fraction of the daily dose (absent: only the absolute rise applies). */
  readonly maxRiseFraction?: Sourced<string>;
  /** Largest rise per step in mg/day. */
  readonly maxRiseMg?: Sourced<string>;
  readonly titrationIntervalsDays: Sourced<readonly number[]>;
}

export interface OpioidDrug extends DrugBase<'opioid', OpioidFormulation> {
  readonly agonist: 'full' | 'partial';
  /** CDC 2022 MME factor: per mg/day, or per mcg/h for transdermal fentanyl. Absent for buprenorphine. */
  readonly mmeFactor?: Sourced<string>;
  /** FDA opioid-tolerant threshold for this drug, in its own daily unit (mg/day, or mcg/h). */
  readonly tolerantThreshold?: Sourced<string>;
  /**
   * The immediate-release product used when this drug cannot be restarted on itself after tolerance loss
   * (restricted or ER product without a single-ingredient IR form, or an IR form whose smallest unit is
   * above the CDC opioid-naive single dose), with the reason.
   */
  readonly irAlternative?: { readonly drug: string; readonly formulation: string; readonly reason: string };
  /** The request must say what the drug is prescribed for (methadone: pain or opioid use disorder). */
  readonly requiresIndication?: boolean;
}

/** Acetaminophen daily limits for combination products, mg/day. */
export interface AcetaminophenLimits {
  readonly standardMg: Sourced<string>;
  /** Age ≥ olderAdultAge or long use. */
  readonly olderOrLongUseMg: Sourced<string>;
  /** Days of use from which "long use" applies. */
  readonly longUseDays: Sourced<number>;
  /** Liver disease or alcohol use. */
  readonly liverOrAlcoholMg: Sourced<string>;
}

export interface MethadoneProtocol {
  /** 4 missed days: 40 mg or half, whichever is lower. */
  readonly fourDayCapMg: Sourced<string>;
  /** New induction: first-day limits. */
  readonly inductionFirstDayMg: Sourced<string>;
  readonly inductionFirstDayHighRiskMg: Sourced<string>;
  /** First two weeks of an OUD induction: at most this much rise per week. */
  readonly inductionWeeklyRiseCapMg: Sourced<string>;
  readonly inductionWeeklyCapDays: Sourced<number>;
  /** QTc: avoid above, caution from. */
  readonly qtcAvoidAboveMs: Sourced<number>;
  readonly qtcCautionFromMs: Sourced<number>;
  /** Follow up within this many days of starting or increasing methadone. */
  readonly followUpDays: Sourced<number>;
  /** Days for methadone to approach steady state: why doses accumulate during induction. */
  readonly steadyStateDays: Sourced<number>;
  /** Opioid-naive pain start by the label: the dose and the interval range in words (e.g. "2.5 mg every 8 to 12 hours"). */
  readonly painNaiveLabelRegimen: Sourced<string>;
  /** Missed-dose rules (2003 Australian guideline §3.5), in missed days. */
  readonly missedDoses: MethadoneMissedDoseRules;
  /** Opioid use disorder: MME is not shown or used (CDC 2022 table caution 7; Recommendation 5 text). */
  readonly oudMgOnly: Citation;
  /** Opioid use disorder: the ceiling's way back to the prior dose after a reduced restart, and after day 14 of an induction. */
  readonly oudReescalation: MethadoneReescalation;
  /** Hepatic impairment: increases no sooner than this many days (every indication). */
  readonly hepaticIntervalDays: Sourced<number>;
  /** Hepatic impairment: what the source says (caution), for the warning. */
  readonly hepaticCaution: Citation;
}

export interface MethadoneMissedDoseRules {
  /** From this many missed days: assess for intoxication and withdrawal before the dose. */
  readonly assessFromMissedDays: Sourced<number>;
  /** Up to this many missed days: the usual dose (if not intoxicated). */
  readonly usualDoseUpToMissedDays: Sourced<number>;
  /** From this many missed days tolerance may be reduced (and the dose is withheld or reduced until the prescriber has assessed the patient). */
  readonly toleranceReducedFromMissedDays: Sourced<number>;
  /** This many missed days: half the dose, in discussion with the prescriber. */
  readonly halfDoseMissedDays: Sourced<number>;
  /** The fraction given at 3 and 4 missed days ("half dose"). */
  readonly halfDoseFraction: Sourced<string>;
  /** This many missed days: the patient must see the prescriber; 40 mg or half, whichever is lower. */
  readonly seePrescriberMissedDays: Sourced<number>;
  /** From this many missed days: a new induction. */
  readonly newInductionFromMissedDays: Sourced<number>;
}

export interface MethadoneReescalation {
  /** Largest rise per step, mg/day. */
  readonly riseMg: Sourced<string>;
  /** Fewest days between increases. */
  readonly intervalDays: Sourced<number>;
  /** Largest total rise within any `windowDays` consecutive days, mg/day. */
  readonly windowRiseCapMg: Sourced<string>;
  readonly windowDays: Sourced<number>;
  /** After a new induction, the re-escalation ceiling applies from this day (day 0 = restart); earlier steps follow the induction rule. */
  readonly afterInductionFromDay: Sourced<number>;
}

export interface BuprenorphineProtocol {
  /** Longest gap (missed days) for restarting at the prior dose, when no full agonist was used. */
  readonly shortGapMissedDays: Sourced<number>;
  readonly inductionFirstDoseMg: Sourced<string>;
  readonly inductionFirstDoseLowMg: Sourced<string>;
  readonly inductionDay1MaxMg: Sourced<string>;
  readonly inductionDay2MaxMg: Sourced<string>;
  readonly waitShortActingHours: Sourced<string>;
  readonly waitLongActingHours: Sourced<string>;
  /** Usual maintenance range, for the message after day 2 (mg/day, "low–high"). */
  readonly usualMaintenanceMg: Sourced<string>;
  /** Buprenorphine products for pain (Butrans patch, Belbuca buccal film): label rules used by the restart. */
  readonly pain: BuprenorphinePainRules;
}

export interface BuprenorphinePainRules {
  /** CDC 2022 gives buprenorphine for pain no MME factor (table caution 6): no daily MME is shown. */
  readonly noMme: Citation;
  /** Label conversion from other opioids: prior total below this MME/day → the product's naive start. */
  readonly conversionLowBandBelowMme: Sourced<string>;
  /** Label conversion: taper other opioids to at most this MME/day before starting. */
  readonly taperToMme: Sourced<string>;
  /** Butrans: 30–80 MME/day (after the taper) → this patch, mcg/h. */
  readonly patchFrom30To80MmeMcgH: Sourced<string>;
  /** Butrans: "opioid-experienced" = up to this MME/day for a week or longer. */
  readonly patchExperiencedUpToMme: Sourced<string>;
  /** Butrans: the label maximum and why (QTc). */
  readonly patchQtcMaxMcgH: Sourced<string>;
  /** Belbuca: after the 75 mcg start, the next dose per 12 h. */
  readonly filmSecondDoseMcg: Sourced<string>;
  /** Belbuca: titration increment per dose (every 12 h). */
  readonly filmIncrementMcg: Sourced<string>;
  /** Restart after a break: the engine rule (no label gives one). */
  readonly restartRule: Sourced<string>;
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
  /** Overdose death after prison release, first 2 weeks, relative to the population (shown in the warning). */
  readonly releaseOverdoseRelativeRisk: Sourced<string>;
  /** Switching to a different opioid: keep at most this fraction of the prior MME (incomplete cross-tolerance). */
  readonly crossToleranceRetainedFraction: Sourced<string>;
  /** The range of reductions the sources give, for display. */
  readonly crossToleranceReductionRange: Sourced<string>;
  /** ER/LA opioids are not (re)started in patients who are not opioid-tolerant (CDC Rec 3). */
  readonly erLaRule: Citation & { readonly rule: string };
  readonly acetaminophen: AcetaminophenLimits;
  /** Rules of the amendments (review round 1) for full agonists: use pattern, label and organ limits, naive starts. */
  readonly amended: AmendedOpioidRules;
  readonly methadone: MethadoneProtocol;
  readonly buprenorphine: BuprenorphineProtocol;
}

/** Amendments A2–A6 and A10 for the full agonists (docs/clinical-model.md, Opioids). */
export interface AmendedOpioidRules {
  /** A4: days of daily use from which a daily user counts as REGULAR ("more than a few days"). */
  readonly regularMinDays: Sourced<number>;
  /** A4: days a week from which use counts as regular (4–6 intermittent, 7 daily); ≤ 3 is not dependent. */
  readonly regularMinDaysPerWeek: Sourced<number>;
  /** A4: an as-needed prescription taken every day at least this many times a day counts as around the clock. */
  readonly aroundTheClockTimesPerDay: Sourced<number>;
  /** A6: where two of the label's smallest initial doses exceed the daily cap, at most this many doses a day. */
  readonly naiveAboveRangeMaxDoses: Sourced<number>;
  /** A2: tramadol age cap. */
  readonly tramadolCapAge: Sourced<number>;
  readonly tramadolAgeCapMg: Sourced<string>;
  /** A3: creatinine clearance below which renal rows apply (mL/min). */
  readonly severeRenalCrCl: Sourced<number>;
  /** A3: renal impairment without a creatinine clearance is read as this band's lower edge (mL/min). */
  readonly renalImpairmentAssumedCrCl: Sourced<number>;
  /** A creatinine clearance below this counts as renal impairment (a risk factor for the naive start). */
  readonly renalImpairmentBelowCrCl: Sourced<number>;
  /** A3: tramadol IR with CrCl < 30: administrations a day and daily maximum. */
  readonly tramadolRenalTimesPerDay: Sourced<number>;
  readonly tramadolRenalMaxDailyMg: Sourced<string>;
  /** A3: tramadol IR in cirrhosis: single dose, administrations a day. */
  readonly tramadolCirrhosisDoseMg: Sourced<string>;
  readonly tramadolCirrhosisTimesPerDay: Sourced<number>;
  /** A3: morphine, codeine with CrCl < 30: titration intervals multiplied by this. */
  readonly renalIntervalMultiplier: Sourced<number>;
  /** A3: hydromorphone naive start with moderate / severe renal or hepatic impairment. */
  readonly hydromorphoneOrganFraction: Sourced<string>;
  readonly hydromorphoneSevereOrganFraction: Sourced<string>;
  /** A3: morphine and codeine: active metabolites accumulate when CrCl < 30. */
  readonly renalMetaboliteDrugs: Sourced<readonly string[]>;
  /** A3: tapentadol: severe hepatic impairment not recommended. */
  readonly tapentadolSevereHepatic: Citation;
  /** A3: fentanyl patch: avoid in severe renal or hepatic impairment. */
  readonly fentanylPatchOrgan: Citation;
  /** A3: tramadol ER should not be used with CrCl < 30 or severe hepatic impairment. */
  readonly tramadolErOrgan: Citation;
  /** A3: alcohol is a CNS depressant for every opioid (boxed warning). */
  readonly alcoholCnsDepressant: Citation;
  /** A3: ER products with an alcohol dose-dumping warning: drug id and formulation id. */
  readonly alcoholDoseDumping: Sourced<readonly string[]>;
  /** A10: the fentanyl "12" patch delivers 12.5 mcg/h (risk MME); conversions use 12. */
  readonly fentanylTwelveNominalRate: Sourced<string>;
  readonly fentanylTwelveLabel: Sourced<string>;
  /** CDC Rec 1–2: non-opioid and non-drug therapies are preferred or added. */
  readonly nonOpioidTherapies: Citation & { readonly text: string };
  /** Beers 2023 opioid items (age ≥ 65). */
  readonly beersOpioidBenzodiazepine: Citation;
  readonly beersOpioidGabapentinoid: Citation;
  readonly beersFallsOpioid: Citation;
  /** A5: liver risk wording (CDC: hepatotoxic above 3–4 g/day, lower with alcohol or liver disease). */
  readonly acetaminophenLiverRisk: Citation;
}
