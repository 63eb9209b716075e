/**
 * Does a new order restart a drug after a break? The order's RxNorm code names the drug; the record's
 * dispensing says when supply ran out (src/ehr/coverage.ts). Pure. See docs/ehr-integration.md.
 */
import type { CodeableConcept } from '@medplum/fhirtypes';
import { readRecord, type MedicationRecord, type ProductLineHistory } from './history.ts';
import { resolveConcept, type MedicationIndex, type ResolvedMedication } from './rxnorm.ts';
import type { Uninterpreted } from './types.ts';

export type RestartAssessment =
  | { readonly status: 'unknown-drug'; readonly medication: ResolvedMedication; readonly uninterpreted: readonly Uninterpreted[] }
  | { readonly status: 'no-history' | 'no-gap' | 'restart-after-gap'; readonly medication: Extract<ResolvedMedication, { kind: 'product' | 'ingredient' }>; readonly line: ProductLineHistory | null; readonly uninterpreted: readonly Uninterpreted[] };

/**
 * The history of the ordered drug: the product line of that drug whose supply (or reported use) ended
 * last; on a tie, the ordered formulation. A break is at least one missed day (a day with no supply
 * before the restart date).
 */
export function assessOrder(order: CodeableConcept | undefined, record: MedicationRecord, restartDate: string, index: MedicationIndex): RestartAssessment {
  const medication = resolveConcept(order, index);
  const reading = readRecord(record, restartDate, index);
  if (medication.kind === 'unknown') return { status: 'unknown-drug', medication, uninterpreted: reading.uninterpreted };
  const orderedFormulation = medication.kind === 'product' ? medication.product.formulation : undefined;
  const candidates = reading.lines
    .filter((line) => line.drug.id === medication.drug.id && line.request.lastDoseDate !== undefined)
    .sort((a, b) => b.request.lastDoseDate!.localeCompare(a.request.lastDoseDate!) || Number(b.formulation === orderedFormulation) - Number(a.formulation === orderedFormulation));
  const line = candidates[0] ?? null;
  const relevant = reading.uninterpreted;
  if (!line || line.missedDays === null) return { status: 'no-history', medication, line, uninterpreted: relevant };
  return { status: line.missedDays >= 1 ? 'restart-after-gap' : 'no-gap', medication, line, uninterpreted: relevant };
}
