import { deepFreeze } from '../lib/deepFreeze.ts';
import type { Assumption } from './types.ts';

/**
 * Engine assumptions: numbers or rules no guideline gives. Each is shown as an assumption
 * in the plan JSON (`assumptions`), in the derivation and in the UI. Class-specific ones are
 * grouped by class below; ids are stable.
 */
const ASSUMPTION_LIST: readonly Assumption[] = [
  // --- Shared ---
  {
    id: 'unverified-scoring-unscored',
    statement: 'A tablet whose scoring could not be confirmed from its label is treated as unscored (never halved).',
    rationale: 'Rounding must never depend on splitting a tablet that may not split evenly; treating it as unscored can only lower a dose.',
  },
  {
    id: 'smallest-practical-rise',
    statement: 'Where the real strengths cannot make a rise as small as the titration limit, the step rises by the smallest amount they can make: one half-tablet (scored) or one smallest tablet, on one administration.',
    rationale: 'CDC 2022 asks for "the smallest practical amount"; a rise smaller than one dispensable unit cannot be given.',
  },
  {
    id: 'implausible-dose-limit',
    statement: 'A dose per administration above the plausibility limit for the product is rejected as a probable typing error.',
    rationale: 'No guideline sets an upper limit for every product; the limit is set well above any regimen in the labels so that only entry errors are caught, and the clinician is asked to check the figure.',
  },
  // --- Opioids ---
  {
    id: 'opioid-titration-25-percent',
    statement: 'After the first step, the daily opioid dose rises by at most 25% of the current daily dose per step.',
    rationale: 'CDC 2022 gives no figure ("the smallest practical amount"); palliative conventions of 25–50% are the nearest published rates, and the lower end is taken.',
  },
  {
    id: 'opioid-ir-interval-3-days',
    statement: 'Immediate-release opioids are increased no sooner than every 3 days.',
    rationale: 'CDC 2022 gives no interval; 3 days is the shortest minimum interval in the product labels that give one (tramadol, tapentadol ER; hydrocodone ER 3–5 days).',
  },
  {
    id: 'opioid-anchors-all-full-agonists',
    statement: 'The methadone missed-dose rules (3 missed days: half; 5 or more: treat as opioid-naive) are applied to every full-agonist opioid.',
    rationale: 'No guideline gives a tolerance-loss curve for other opioids; CDC 2022 says tolerance can be lost in as little as a week, and the methadone rules are the most explicit published anchors, so they are the conservative reading.',
  },
  {
    id: 'opioid-tolerant-60-mme',
    statement: 'For opioids the FDA definition does not list, "an equianalgesic dose" is read as at least 60 MME/day by the CDC 2022 factors.',
    rationale: 'The FDA list (60 mg oral morphine a day) is the anchor; 60 MME is its CDC-factor equivalent.',
  },
  {
    id: 'opioid-naive-halved-for-risk',
    statement: 'The opioid-naive start is halved (rounded down to a real strength) for age 65 or over, hepatic or renal impairment, respiratory disease, sleep apnea, or a concurrent CNS depressant.',
    rationale: 'CDC 2022 asks for additional caution in these patients but gives no figure.',
  },
];

export const ASSUMPTIONS: Readonly<Record<string, Assumption>> = deepFreeze(
  Object.fromEntries(ASSUMPTION_LIST.map((assumption) => [assumption.id, assumption])),
);
