/**
 * Shapes of the protocol data. Data only: no logic lives in src/protocols.
 *
 * Every clinical number is a `Sourced<T>`: it carries either a citation (a source id from
 * `sources.ts` plus a locator inside that source) or an engine-assumption id from
 * `assumptions.ts`, so the plan can say where each figure came from.
 */

export type DrugClass = 'opioid' | 'benzodiazepine' | 'antidepressant' | 'labelled-restart';

/** Units a dose can be written in. `mcg/h` is a transdermal delivery rate. */
export type DoseUnit = 'mg' | 'mcg' | 'mcg/h';

/** A citation: a registered source and where in it the value stands. */
export interface Citation {
  readonly source: string;
  readonly locator: string;
}

/** A value no guideline gives: an engine assumption, labelled as such everywhere it is used. */
export interface AssumptionRef {
  readonly assumption: string;
}

export type Provenance = Citation | AssumptionRef;

/** A clinical value with its provenance. Decimal amounts are strings so they stay exact. */
export type Sourced<T> = Provenance & { readonly value: T };

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly year: number;
  readonly url: string;
}

export interface Assumption {
  readonly id: string;
  /** What the engine assumes, in one sentence a clinician can read. */
  readonly statement: string;
  /** Why this value, and what the nearest sources say. */
  readonly rationale: string;
}

/** One marketed strength of a product. */
export interface Strength {
  /** Amount per unit (tablet, capsule, patch) in the formulation's unit, as a decimal string. */
  readonly amount: string;
  /** A scored tablet may be halved; an unscored one may not. Unverified scoring is recorded as unscored. */
  readonly scored: boolean;
  /** Only for opioid-tolerant patients (e.g. OxyContin 60 and 80 mg). */
  readonly restrictedToTolerant?: boolean;
  /** Combination products: acetaminophen per unit, mg. */
  readonly acetaminophenMg?: string;
  /** Brand or product note shown to the pharmacist, e.g. "Roxicodone". */
  readonly note?: string;
  /** The rate the unit actually delivers when its label names it by a rounded figure (the fentaNYL "12" patch: 12.5). */
  readonly nominalAmount?: string;
  /**
   * The amount the label names when the protocol counts the unit as another salt's equivalent (Xtampza ER 9 mg
   * oxycodone base = 10 mg oxycodone HCl: `amount` '10', `labelAmount` '9'); an entry of the label amount is read as `amount`.
   */
  readonly labelAmount?: string;
}

/**
 * An oral liquid: its concentration as the label writes it (10 mg per 5 mL) and the volume step doses are measured in.
 * The formulation's one strength is the amount in one measured step (2 mg/mL × 0.5 mL = 1 mg), so every dose the
 * engine makes is a whole number of steps, rounded down.
 */
export interface LiquidConcentration extends Citation {
  /** Amount (formulation unit) in `volumeMl` mL. */
  readonly amount: string;
  readonly volumeMl: string;
  /** The volume step a dose is measured in with a metric oral syringe. */
  readonly measureMl: Sourced<string>;
}

/** Amounts counted in another salt's equivalent than the label names (see Strength.labelAmount). */
export interface LabelledAs extends Citation {
  /** What the label amount is, e.g. "oxycodone base". */
  readonly labelIngredient: string;
  /** What the protocol amount is, e.g. "oxycodone HCl". */
  readonly amountIngredient: string;
}

export type Route = 'oral' | 'transdermal' | 'sublingual' | 'buccal';
export type Release = 'immediate' | 'extended';
export type UnitForm = 'tablet' | 'capsule' | 'patch' | 'film' | 'disintegrating tablet' | 'solution';

export interface FormulationBase {
  /** Stable id used in requests, e.g. `ir`, `er`, `patch`, `apap`. */
  readonly id: string;
  /** Human name, e.g. "immediate-release tablet". */
  readonly name: string;
  readonly route: Route;
  readonly release: Release;
  readonly unitForm: UnitForm;
  readonly unit: DoseUnit;
  readonly strengths: readonly Strength[];
  /** Where the list of strengths (and their scoring) comes from. */
  readonly strengthsSource: Citation;
  /** Most administrations a day the product is given; more is an input error. */
  readonly maxTimesPerDay: Sourced<number>;
  /** Largest single dose in any real regimen; above it the input is rejected as implausible. */
  readonly maxSingleDose: Sourced<string>;
  /** Labelled maximum daily dose, where the label gives one. */
  readonly maxDailyDose?: Sourced<string>;
  /** Patches: hours each patch is worn. */
  readonly wearHours?: Sourced<number>;
  /** Oral liquids: concentration and measured volume step. */
  readonly liquid?: LiquidConcentration;
  /** Strengths whose `labelAmount` names another salt than the amounts (Xtampza ER). */
  readonly labelledAs?: LabelledAs;
}

/** The common part of every drug's protocol. Class files extend it. */
export interface DrugBase<C extends DrugClass, F extends FormulationBase = FormulationBase> {
  /** Lowercase generic name, the request id: `oxycodone`. */
  readonly id: string;
  readonly drugClass: C;
  /** Generic name in lowercase: `oxycodone`. */
  readonly genericName: string;
  /** Display name: Tall Man form where ISMP lists one (`oxyCODONE`), else the generic name. */
  readonly displayName: string;
  readonly displayNameSource?: Citation;
  readonly brandNames: readonly string[];
  /** Where brand names from other countries in `brandNames` are given (the same product under another name). */
  readonly brandNameSources?: readonly Citation[];
  /** What the drug counts as when it is another drug's concurrent medicine. */
  readonly interactionCategories: readonly InteractionCategory[];
  /** RxNorm ingredient concept (RXCUI). */
  readonly rxnorm: Sourced<string>;
  readonly formulations: readonly F[];
  /** Formulation used when the request names none: the immediate-release form. */
  readonly defaultFormulation: string;
}

/** Retained-fraction anchor: from `fromMissedDays` on, the share of the prior dose still tolerated. */
export interface ToleranceAnchor {
  readonly fromMissedDays: number;
  readonly retainedFraction: Sourced<string>;
  /** What the source says at this point, for the derivation and the educator chart. */
  readonly basis: string;
}

/** A drug named only as a concurrent medicine (not planned itself), with what it interacts as. */
export type InteractionCategory =
  | 'opioid'
  | 'benzodiazepine'
  | 'z-drug'
  | 'gabapentinoid'
  | 'cns-depressant'
  | 'alcohol'
  | 'serotonergic'
  | 'maoi'
  | 'valproate'
  | 'enzyme-inducer'
  | 'qt-prolonging'
  | 'cyp2c19-inhibitor'
  /** Raises tramadol/codeine parent levels, lowers their active metabolite (opioid interactions, A1). */
  | 'cyp2d6-inhibitor'
  /** Raises fentanyl, oxycodone, methadone, hydrocodone, tramadol, buprenorphine exposure. */
  | 'cyp3a4-inhibitor'
  /** Lowers that exposure; stopping it raises exposure. */
  | 'cyp3a4-inducer'
  /** A reversible MAO inhibitor given short-term (linezolid, intravenous methylene blue): label 24-hour rules. */
  | 'maoi-reversible'
  | 'antipsychotic'
  | 'antiepileptic'
  /** Lowers the seizure threshold by itself (bupropion): tramadol seizure risk is critical. */
  | 'seizure-threshold';

export interface ConcurrentDrug {
  readonly id: string;
  readonly name: string;
  readonly categories: readonly InteractionCategory[];
  /** Where the interaction categories come from, when a source names this drug in that category. */
  readonly categorySource?: Citation;
}
