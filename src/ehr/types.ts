/**
 * Types of the EHR integration: RxNorm clinical-drug products, the evidence read from FHIR resources,
 * and the prefilled request with the provenance of each value. See docs/ehr-integration.md.
 */
import type { DoseUnit, DrugClass, UnitForm } from '../protocols/types.ts';

/** One orderable product strength: an RxNorm SCD (generic) or SBD (branded) concept. */
export interface ClinicalDrugProduct {
  readonly code: string;
  readonly drug: string;
  readonly formulation: string;
  /** Amount per unit (tablet, capsule, patch, mL of solution) in the formulation's unit, as a decimal string. */
  readonly strength: string;
  readonly brand?: string;
}

/** Looks up an RxNorm clinical-drug code (SCD or SBD). The table and its sources live in src/protocols. */
export type ClinicalDrugLookup = (code: string) => ClinicalDrugProduct | undefined;

/** What the EHR code needs to know about a Retitrate drug (a subset of the protocol data). */
export interface EhrDrug {
  readonly id: string;
  readonly drugClass: DrugClass;
  readonly displayName: string;
  readonly rxnorm: { readonly value: string };
  readonly defaultFormulation: string;
  readonly formulations: readonly {
    readonly id: string;
    readonly name: string;
    readonly unit: DoseUnit;
    readonly unitForm: UnitForm;
    readonly strengths: readonly { readonly amount: string }[];
  }[];
}

/** A value read from the record, with where it came from (shown beside the prefilled field). */
export interface Derived<T> {
  readonly value: T;
  /** Resource reference and the element read, e.g. `MedicationDispense/d7: daysSupply 30 d`. */
  readonly from: string;
}

/** Something in the record that could not be interpreted, and what was done instead. */
export interface Uninterpreted {
  /** `ResourceType/id`, or `ResourceType` when the resource has no id. */
  readonly resource: string;
  /** The element, e.g. `medicationCodeableConcept`, `dosageInstruction`, `daysSupply`. */
  readonly element: string;
  readonly message: string;
}

/** One dispense's days of supply. */
export interface Fill {
  /** Date handed over (ISO calendar date). */
  readonly date: string;
  /** Whole days the fill covers. */
  readonly days: number;
  readonly from: string;
}

/** A covered stretch in the timeline after overlapping supply has been carried forward. */
export interface CoveredSpan {
  /** First covered day. */
  readonly start: string;
  /** Last covered day (inclusive). */
  readonly end: string;
}

export interface Coverage {
  /** Continuous covered spans, earliest first. */
  readonly spans: readonly CoveredSpan[];
  /** Last day covered by the supply (the assumed last dose), or null with no countable fill. */
  readonly lastCoveredDay: string | null;
  /** First day with no supply: the start of the break. */
  readonly breakStart: string | null;
  /** Days the final continuous span lasted (the prior duration). */
  readonly finalSpanDays: number;
  /** Days of supply carried forward from early refills (overlaps). */
  readonly carriedForwardDays: number;
  /** Uncovered days from the end of supply to the day before `asOf` (0 when still covered). */
  readonly uncoveredDaysBefore: number;
}
