/**
 * Product facts the checker, dispensing and exports need from the protocol data, read through one
 * small, class-agnostic helper so those modules never depend on a particular drug or class file.
 * Pure lookups; no clinical number is defined here (every value comes from src/protocols).
 * No class protocol is imported here, so the exports that use it stay free of class data (the
 * browser loads each class on demand); class-level limits for the checker live in checkLimits.ts.
 * The product's class must be loaded (registered) before these lookups, as for planning.
 */
import type { Decimal } from 'decimal.js';
import type { AnyDrug } from '../protocols/index.ts';
import type { FormulationBase, Provenance, Strength } from '../protocols/types.ts';
import { D } from './decimal.ts';
import { findDrug, findFormulation } from './registry.ts';
import { makeExactly, nextAbove } from './strengths.ts';
import type { EquivalentUnit } from './types.ts';

export interface ProductFacts {
  readonly drug: AnyDrug;
  readonly formulation: FormulationBase;
  readonly displayName: string;
  /** RxNorm ingredient RXCUI. */
  readonly rxnorm: string;
  /** Equivalence factor to the class's common unit (MME per mg/day or per mcg/h), when the class has one. */
  readonly equivalent?: { readonly factor: Decimal; readonly unit: EquivalentUnit; readonly provenance: Provenance };
  /** Patches: hours each patch is worn, when the protocol gives it. */
  readonly wearHours?: number;
}

export interface Restriction {
  /** The rule, in words. */
  readonly rule: string;
  /** Source id, or `engine assumption`. */
  readonly source: string;
}

export function provenanceLabel(provenance: Provenance): string {
  return 'source' in provenance ? `${provenance.source}: ${provenance.locator}` : `engine assumption ${provenance.assumption}`;
}

/** Facts about a drug + formulation pair, or null when either is unknown. */
export function productFacts(drugId: string, formulationId: string): ProductFacts | null {
  const drug = findDrug(drugId);
  if (!drug) return null;
  const formulation = findFormulation(drug, formulationId);
  if (!formulation) return null;
  const record = drug as unknown as Record<string, unknown>;
  const mme = record.mmeFactor as (Provenance & { value: string }) | undefined;
  return {
    drug,
    formulation,
    displayName: drug.displayName,
    rxnorm: drug.rxnorm.value,
    ...(drug.drugClass === 'opioid' && mme ? { equivalent: { factor: new D(mme.value), unit: 'MME' as const, provenance: mme } } : {}),
    ...(formulation.wearHours ? { wearHours: formulation.wearHours.value } : {}),
  };
}

/**
 * Why a regimen of a product is only for opioid-tolerant patients, or null when it is not restricted:
 * the whole product (e.g. transdermal fentanyl), a strength marked restricted, or a dose above the
 * product's restricted thresholds (e.g. OxyContin above 40 mg a dose or 80 mg a day;
 * Hysingla ER 80 mg a dose or more).
 * `amounts`: each administration of a dosing day.
 */
export function toleranceRestriction(facts: ProductFacts, amounts: readonly Decimal[]): Restriction | null {
  const formulation = facts.formulation as FormulationBase & {
    restrictedToTolerant?: { source: string; rule: string };
    restrictedAbove?: { source: string; singleDose?: string; singleDoseAtLeast?: string; dailyDose?: string; rule: string };
  };
  if (formulation.restrictedToTolerant) return { rule: formulation.restrictedToTolerant.rule, source: formulation.restrictedToTolerant.source };
  const largest = D.max(...amounts);
  const daily = amounts.reduce((total, amount) => total.add(amount), new D(0));
  const above = formulation.restrictedAbove;
  if (above) {
    if (above.singleDose !== undefined && largest.gt(above.singleDose)) return { rule: above.rule, source: above.source };
    if (above.singleDoseAtLeast !== undefined && largest.gte(above.singleDoseAtLeast)) return { rule: above.rule, source: above.source };
    if (above.dailyDose !== undefined && daily.gt(above.dailyDose)) return { rule: above.rule, source: above.source };
  }
  for (const amount of amounts) {
    const made = makeExactly(amount, formulation.strengths);
    const restricted = made?.units.find((use) => formulation.strengths.some((s: Strength) => s.restrictedToTolerant && new D(s.amount).eq(use.strength)));
    if (restricted) {
      return {
        rule: `The ${restricted.strength} ${formulation.unit} ${formulation.unitForm} is only for opioid-tolerant patients.`,
        source: facts.formulation.strengthsSource.source,
      };
    }
  }
  return null;
}

/** The smallest amount one administration can rise by with the product's strengths (a half if scored). */
export function smallestPiece(facts: ProductFacts): Decimal {
  const pieces = facts.formulation.strengths.map((s) => (s.scored ? new D(s.amount).div(2) : new D(s.amount)));
  return D.min(...pieces);
}

/**
 * The smallest rise the strengths can make from a regimen, as the scheduler makes it: one more unit
 * as a new administration, or the next makeable amount on the lowest administration, whichever is larger.
 */
export function smallestPracticalRise(facts: ProductFacts, amounts: readonly Decimal[]): Decimal {
  const piece = smallestPiece(facts);
  if (amounts.length === 0) return piece;
  const lowest = D.min(...amounts);
  const next = nextAbove(lowest, new D(facts.formulation.maxSingleDose.value), facts.formulation.strengths);
  return next ? D.max(piece, next.amount.sub(lowest)) : piece;
}
