/** Shared pieces of the exports: the disclaimer, product names, a stable content hash. Pure. */
import { productFacts } from '../engine/products.ts';
import type { PlanStep, RestartPlan } from '../engine/types.ts';

/** One line every export carries. */
export const DISCLAIMER =
  'Decision aid only, not a prescription: every dose is a conservative ceiling to be checked against the product label and clinical judgement by the responsible clinician.';

/** "oxyCODONE" (Tall Man where ISMP lists one) for a step's drug. */
export function stepDrugName(step: Pick<PlanStep, 'drug' | 'formulation'>): string {
  return productFacts(step.drug, step.formulation)?.displayName ?? step.drug;
}

/** "immediate-release tablet" for a step's formulation. */
export function stepFormulationName(step: Pick<PlanStep, 'drug' | 'formulation'>): string {
  return productFacts(step.drug, step.formulation)?.formulation.name ?? step.formulation;
}

/** FNV-1a over UTF-16 code units, two seeds → 16 hex digits. Deterministic, not cryptographic. */
export function contentHash(text: string): string {
  const run = (seed: number) => {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return run(0x811c9dc5) + run(0x050c5d1f);
}

/** A UUID-shaped (version 4 layout) identifier derived from content, for urn:uuid references. */
export function contentUuid(text: string): string {
  const hex = contentHash(`a${text}`) + contentHash(`b${text}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What identifies a plan's content (no patient data exists in a plan). */
export function planKey(plan: RestartPlan): string {
  return JSON.stringify([plan.drug, plan.formulation, plan.prior.dailyDose, plan.daysOff, plan.version, plan.steps.map((s) => [s.start, s.drug, s.formulation, s.administrations, s.everyOtherDay ?? false])]);
}

/** The step's administration amounts (all equal to `dose` when the plan lists none). */
export function administrationsOf(step: PlanStep): readonly string[] {
  return step.administrations.length ? step.administrations : Array.from({ length: step.timesPerDay }, () => step.dose.amount);
}

/** A patch's strength is a rate (mcg/h), released continuously: it has no "times a day" and no daily total. */
export function isPatchUnit(unit: string): boolean {
  return unit === 'mcg/h';
}

/** Hours each patch is worn, from the protocol data, when it gives them. */
export function patchWearHours(drug: string, formulation: string): number | undefined {
  return productFacts(drug, formulation)?.wearHours;
}

/** "1 day", "2 days", "0 missed days" (the engine's, shared). */
export { plural } from '../engine/format.ts';
