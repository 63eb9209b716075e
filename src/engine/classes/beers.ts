/**
 * Beers 2023 rows shared by the antidepressant and labelled-restart planners (amendment A2): history of
 * falls with an antidepressant or antiepileptic, and three or more CNS-active drugs. `beersCnsWarning` is the
 * one implementation of the CNS-active rule for every class (opioids and benzodiazepines too). See
 * docs/clinical-model.md ("Antidepressants and labelled restarts").
 */
import { ANTIDEPRESSANT_CLASS } from '../../protocols/antidepressants/index.ts';
import type { InteractionCategory } from '../../protocols/types.ts';
import type { PlanNotes } from '../notes.ts';
import { catalogDrug, concurrentCategories, concurrentName } from '../registry.ts';
import type { RestartRequest } from '../types.ts';

const B = ANTIDEPRESSANT_CLASS.beers;

/**
 * Whether a drug id counts as CNS-active for Beers Table 5: its id, its catalog class or one of its interaction
 * categories is in the one protocol table (ANTIDEPRESSANT_CLASS.beers: cnsActiveIds, cnsActiveClasses,
 * cnsActiveCategories), the same for every class.
 */
export function isCnsActive(id: string): boolean {
  if (B.cnsActiveIds.value.includes(id)) return true;
  const drugClass = catalogDrug(id)?.class;
  if (drugClass && B.cnsActiveClasses.value.includes(drugClass)) return true;
  const categories = concurrentCategories(id);
  return B.cnsActiveCategories.value.some((c) => categories.includes(c as InteractionCategory));
}

/** The concurrent medicines (each once) other than the planned drug that count as CNS-active. */
export function cnsActiveOthers(request: RestartRequest, plannedId: string): string[] {
  return [...new Set(request.concurrent)].filter((id) => id !== plannedId && isCnsActive(id));
}

/**
 * BEERS_CNS_3PLUS for every class (the single implementation): patient 65 or over (B.fromAge) and the planned
 * drug plus its CNS-active concurrent medicines number B.cnsActiveCount or more. Writes the warning and its
 * derivation line; returns the CNS-active others (empty when the rule does not apply).
 */
export function beersCnsWarning(notes: PlanNotes, request: RestartRequest, planned: { readonly id: string; readonly displayName: string }): readonly string[] {
  if (!isOlderAdult(request)) return [];
  const others = cnsActiveOthers(request, planned.id);
  const count = others.length + 1;
  if (count < B.cnsActiveCount.value) return [];
  const age = request.patient.ageYears;
  notes.warn(
    'BEERS_CNS_3PLUS',
    'warning',
    `Age ${age}: ${count} CNS-active drugs (${planned.displayName}, ${others.map(concurrentName).join(', ')}). The Beers Criteria (2023) advise avoiding 3 or more together (falls) and minimising their number.`,
    ['beers-2023'],
  );
  notes.line(`Warning BEERS_CNS_3PLUS: ${count} CNS-active drugs ≥ ${B.cnsActiveCount.value} at age ${age}.`, B.cnsActiveCount, B.cnsActiveIds, B.cnsActiveCategories, B.cnsActiveClasses);
  return others;
}

/** Age 65 or over; an absent age is treated as unknown (no Beers row), and said so by the caller's plan. */
export function isOlderAdult(request: RestartRequest): boolean {
  return (request.patient.ageYears ?? 0) >= B.fromAge.value;
}

/**
 * BEERS_FALLS (history of falls with a drug of a listed class) and BEERS_CNS_3PLUS (three or more CNS-active
 * drugs including the planned one, `beersCnsWarning`), for patients 65 or over.
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
  beersCnsWarning(notes, request, planned);
}
