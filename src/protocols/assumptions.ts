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
  // --- Benzodiazepines and Z-drugs ---
  {
    id: 'bzd-resume-up-to-2-days',
    statement: 'After a benzodiazepine or Z-drug break of up to 2 missed days, the prior dose may be resumed (retained fraction 1).',
    rationale: 'No guideline gives a restart fraction. After a short gap tolerance is largely kept, and abrupt lowering of a dependent patient\'s dose is the bigger danger (FDA 2020: withdrawal seizures).',
  },
  {
    id: 'bzd-half-from-3-days',
    statement: 'From 3 missed days until the drug has washed out, the first step is at most half the prior daily dose (retained fraction 0.5).',
    rationale: 'No source quantifies how fast tolerance fades; the half-dose rule mirrors the methadone missed-dose rule at 3 days and errs on the side of caution (Medscape: when escalating, err on the side of caution).',
  },
  {
    id: 'bzd-washout-5-half-lives',
    statement: 'The drug counts as washed out after 5 × its longest Ashton half-life (parent or active metabolite, upper end of the range), in days rounded up, and never before 3 missed days.',
    rationale: 'About 5 half-lives remove about 97% of a drug. The upper end of the longest range is used because "washed out" must hold for slow eliminators; the 3-day floor keeps the resume rule for up to 2 missed days, and when washout falls at or before 3 days the washout rule replaces the half-dose rule.',
  },
  {
    id: 'bzd-washout-quarter-and-low-band',
    statement: 'After washout the first step is at most a quarter of the prior daily dose and no more than 10 mg diazepam equivalents a day (the low band of the 2025 Joint Guideline Table 2), using the higher of the tables\' equivalents.',
    rationale: 'Once the drug has gone, tolerance to sedation and respiratory depression may have gone too; the research notes suggest restarting in the low band. Status "reduced" (not "lost") because no source shows tolerance is ever fully lost.',
  },
  {
    id: 'bzd-titration-25-percent-weekly',
    statement: 'After the first step the benzodiazepine dose rises by at most 25% of the current daily dose, no sooner than every 7 days, up to the prior dose.',
    rationale: 'Mirror of the 2025 Joint Guideline taper limit (no more than 25% every 2 weeks), with a shorter interval because a re-start returns towards a dose the patient tolerated before the break.',
  },
  {
    id: 'bzd-month-30-days',
    statement: 'In the Joint Guideline Table 2 durations, 1 month is read as 30 days and 3 months as 90 days.',
    rationale: 'The table is written in months; the request gives days.',
  },
  {
    id: 'bzd-conservative-equivalent',
    statement: 'Where the diazepam-equivalence tables differ (Ashton range, or Ashton versus VA/DoD), the higher diazepam equivalent of the prior dose is used for the risk band, the withdrawal-risk row and the post-washout cap; Ashton (upper end of a range) is shown as the daily equivalent.',
    rationale: 'For a restart the higher equivalent is the more cautious estimate of risk: it gives the lower post-washout dose and the higher withdrawal-risk band. House rule: where sources disagree take the lower dose and show the range.',
  },
  {
    id: 'bzd-seizure-warning-75-percent',
    statement: 'A dependent patient (Joint Guideline Table 2 risk "yes") whose first step is below 75% of the prior daily dose is warned about withdrawal seizures.',
    rationale: 'FDA 2020: reducing the dose too quickly can cause withdrawal reactions including seizures; the Joint Guideline limits a taper to 25% every 2 weeks, so a first step more than 25% below the prior dose exceeds that pace.',
  },
  {
    id: 'bzd-above-label-maximum',
    statement: 'Where the prior dose is above the labelled maximum daily dose, no step goes above the labelled maximum; a higher dose is left to the prescriber.',
    rationale: 'The plan\'s ceilings stay within the label; the prior dose may have been prescribed off-label or obtained elsewhere.',
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
