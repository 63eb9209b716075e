/**
 * Beers 2023 rows shared by the antidepressant and labelled-restart planners (amendment A2): history of
 * falls with an antidepressant or antiepileptic, and three or more CNS-active drugs. See
 * docs/clinical-model.md ("Antidepressants and labelled restarts").
 */
import { ANTIDEPRESSANT_CLASS } from '../../protocols/antidepressants/index.ts';
import type { InteractionCategory } from '../../protocols/types.ts';
import type { PlanNotes } from '../notes.ts';
import { catalogDrug, concurrentCategories, concurrentName } from '../registry.ts';
import type { RestartRequest } from '../types.ts';

const B = ANTIDEPRESSANT_CLASS.beers;
const CNS_CLASSES = new Set(['antidepressant', 'opioid', 'benzodiazepine']);

/** Whether a drug id counts as CNS-active for Beers Table 5. */
export function isCnsActive(id: string): boolean {
  if (B.cnsActiveIds.value.includes(id)) return true;
  const drugClass = catalogDrug(id)?.class;
  if (drugClass && CNS_CLASSES.has(drugClass)) return true;
  const categories = concurrentCategories(id);
  return B.cnsActiveCategories.value.some((c) => categories.includes(c as InteractionCategory));
}

/** Age 65 or over; an absent age is treated as unknown (no Beers row), and said so by the caller's plan. */
export function isOlderAdult(request: RestartRequest): boolean {
  return (request.patient.ageYears ?? 0) >= B.fromAge.value;
}

/**
 * BEERS_FALLS (history of falls with a drug of a listed class) and BEERS_CNS_3PLUS (three or more CNS-active
 * drugs including the planned one), for patients 65 or over.
 */
export function beersFallsAndCnsWarnings(notes: PlanNotes, request: RestartRequest, planned: { id: string; displayName: string; fallsGroup: 'antidepressant' | 'antiepileptic' | null }): void {
  if (!isOlderAdult(request)) return;
  const age = request.patient.ageYears;
  if (request.patient.historyOfFalls && planned.fallsGroup) {
    const what = planned.fallsGroup === 'antidepressant'
      ? 'antidepressants among the drugs to avoid in older adults with a history of falls'
      : 'antiepileptics among the drugs to avoid in older adults with a history of falls, except for seizures and mood disorders';
    notes.warn(
      'BEERS_FALLS',
      'warning',
      `Age ${age} with a history of falls: the Beers Criteria (2023) list ${what}. Review the fall risk and use the lowest effective dose of ${planned.displayName}.`,
      ['beers-2023'],
    );
    notes.line(`Warning BEERS_FALLS: age ${age} ≥ ${B.fromAge.value} and patient.historyOfFalls with ${planned.displayName} (${planned.fallsGroup}).`, B.fromAge, planned.fallsGroup === 'antiepileptic' ? B.antiepilepticIds : B.anticholinergic);
  }
  const others = request.concurrent.filter((id) => id !== planned.id && isCnsActive(id));
  const count = others.length + 1;
  if (count >= B.cnsActiveCount.value) {
    notes.warn(
      'BEERS_CNS_3PLUS',
      'warning',
      `Age ${age}: ${count} CNS-active drugs (${planned.displayName}, ${others.map(concurrentName).join(', ')}). The Beers Criteria (2023) advise avoiding 3 or more together (falls) and minimising their number.`,
      ['beers-2023'],
    );
    notes.line(`Warning BEERS_CNS_3PLUS: ${count} CNS-active drugs ≥ ${B.cnsActiveCount.value} at age ${age}.`, B.cnsActiveCount, B.cnsActiveIds, B.cnsActiveCategories);
  }
}
