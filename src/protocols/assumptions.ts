import { deepFreeze } from '../lib/deepFreeze.ts';
import { EXTRA_ASSUMPTIONS } from './registers/index.ts';
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
  {
    id: 'acetaminophen-long-use-14-days',
    statement: 'Acetaminophen taken for 14 days or more counts as long use, with the 3 g/day limit.',
    rationale: 'The 3 g/day advice is for "prolonged" use and no source gives a number of days; 14 days is taken so that the lower limit applies early.',
  },
  {
    id: 'combination-apap-fewest-tablets',
    statement: 'The acetaminophen in a combination product is counted from the fewest tablets that make each dose (e.g. 10 mg as one 10/325 tablet).',
    rationale: 'The request gives the opioid dose, not the tablet count; every listed combination tablet has the same acetaminophen content, so the fewest tablets give the least acetaminophen. If the patient took more, smaller tablets, the real amount was higher: the plan says so and its own steps are counted the same way.',
  },
  {
    id: 'opioid-restart-product',
    statement: 'After tolerance is lost, or when the patient was not opioid-tolerant, an extended-release or restricted product restarts on an immediate-release product: the same molecule where one exists and its smallest unit is within the CDC opioid-naive single dose, otherwise oxyCODONE or morphine immediate-release.',
    rationale: 'CDC 2022 Rec 3 (start with IR, not ER/LA) and the labels that restrict products to opioid-tolerant patients say what not to use, not which product to use instead; the same molecule avoids a conversion, and oxyCODONE or morphine IR can make a dose within 5–10 MME.',
  },
  {
    id: 'same-molecule-er-to-ir',
    statement: 'Switching from an extended-release product to the immediate-release form of the same molecule keeps the same total daily dose as the ceiling target.',
    rationale: 'Conversions between release forms of one molecule are milligram for milligram in the labels; no cross-tolerance reduction applies because the opioid is the same.',
  },
  {
    id: 'opioid-naive-smallest-unit',
    statement: 'When no dispensable dose fits under the (halved) opioid-naive start, one smallest unit once daily is the start, provided it is within 10 MME.',
    rationale: 'A dose smaller than one real unit cannot be dispensed; one smallest unit once a day is the lowest regimen a pharmacy can supply.',
  },
  {
    id: 'methadone-plausibility-200-mg',
    statement: 'A methadone dose above 200 mg per administration is rejected as a probable entry error.',
    rationale: 'The methadone label says most patients on maintenance are stable at 80–120 mg/day; 200 mg a dose is well above that and above the doses in the missed-dose and induction guidance, so only typing errors are caught. Split doses (up to 3 a day) allow higher daily totals.',
  },
  {
    id: 'methadone-high-risk',
    statement: 'For a methadone re-induction the lower first-day limit (20 mg) applies with a concurrent sedative (any CNS depressant) or any listed risk factor, overdose history, or age 65 or over.',
    rationale: 'The UK guideline gives 20 mg with sedatives and the Canadian 10–20 mg for higher-risk patients without a list; the engine reads "higher risk" broadly.',
  },
  {
    id: 'buprenorphine-short-gap-2-days',
    statement: 'Buprenorphine restarts at the prior dose only after at most 2 missed days with no full-agonist opioid used during the break; otherwise the plan asks for a re-induction by a clinician experienced in it.',
    rationale: 'No source gives a buprenorphine missed-dose rule. Its ceiling effect on respiratory depression (Walsh 1994) makes a short gap low-risk, and 2 days mirrors the methadone rule (1–2 missed days: usual dose); full-agonist use during the gap risks precipitated withdrawal (CDC 2022), so it always leads to re-induction.',
  },
  // --- Antidepressants and labelled restart rules ---
  {
    id: 'ad-resume-under-3-half-lives',
    statement: 'An antidepressant is resumed at the prior dose when no dose was missed or the time since the last dose is under 3 half-lives of its longest-lived active moiety (the shorter end of that moiety\'s half-life range); otherwise it is re-titrated from the labelled starting dose.',
    rationale: 'No guideline gives a resume-or-retitrate rule for antidepressants (NICE, Scottish Government, SPS checked). After 3 half-lives about 12.5% of the steady-state level remains; the shorter end of a half-life range makes re-titration happen sooner, which is the safer reading.',
  },
  {
    id: 'ad-always-retitrate-after-2-missed-days',
    statement: 'Tricyclics, MAOIs, bupropion and vilazodone are always re-titrated after more than 2 missed days, whatever the half-life.',
    rationale: 'TCAs (cardiotoxicity, orthostasis), MAOIs (interactions), bupropion (dose-related seizures; the label says to increase gradually) and vilazodone (the label requires titration) carry dose-related harms; 2 missed days matches the methadone missed-dose rule used elsewhere in this engine.',
  },
  {
    id: 'ad-step-start-dose-weekly',
    statement: 'Where the registered sources give no titration step, the daily dose rises by the labelled starting dose per day, no sooner than every 7 days.',
    rationale: 'The MGH table gives weekly steps of about the starting dose for sertraline, citalopram and escitalopram; antidepressant labels commonly ask for intervals of at least 1 week.',
  },
  {
    id: 'ad-max-times-per-day',
    statement: 'The most administrations a day accepted for a product is its usual divided-dose pattern (once daily for once-daily and extended-release products, up to 3 or 4 for immediate-release products given in divided doses).',
    rationale: 'Used only to reject probable entry errors; the labels describe once-daily or divided dosing without a hard limit.',
  },
  {
    id: 'ad-half-life-secondary-source',
    statement: 'Half-lives of fluvoxamine, trazodone, vortioxetine, the tricyclics, the MAOIs and desmethylsertraline come from secondary or tertiary sources (textbook tables, label quotations) not yet registered as primary sources.',
    rationale: 'The research notes record these values with their quality labels; they are used with the conservative end of each range (shorter for resuming, longer for washouts). TCAs and MAOIs are re-titrated after 2 missed days regardless.',
  },
  {
    id: 'ad-washout-5-half-lives-at-least-14-days',
    statement: 'Before an MAOI, another antidepressant is washed out for 5 half-lives of its longest-lived moiety (longer end of the range), and never less than 14 days; fluoxetine (5 weeks) and vortioxetine (21 days) use their own longer rules.',
    rationale: 'The research notes give "at least 5 half-lives" from a textbook excerpt that is not a registered source; US antidepressant labels commonly ask for at least 14 days after stopping before an MAOI, so the longer of the two is used.',
  },
  {
    id: 'ad-unknown-serotonergic-washout-14-days',
    statement: 'Before an MAOI, a serotonergic drug with no half-life in this engine is given a 14-day washout; after any irreversible MAOI (including linezolid and methylene blue here) another antidepressant waits 14 days.',
    rationale: 'The 14-day irreversible-MAOI washout is the longest common rule apart from fluoxetine; using it where no specific figure is stored can only delay the start.',
  },
  {
    id: 'ad-qtc-caution-450',
    statement: 'A baseline QTc above 450 ms prompts a QT warning for citalopram and escitalopram; above 500 ms the warning is critical.',
    rationale: 'FDA (2012) says to discontinue citalopram with persistent QTc above 500 ms; 450 ms is the common upper limit of normal and is used as the earlier caution point.',
  },
  {
    id: 'ad-washout-shifts-start',
    statement: 'When an MAOI washout applies to a concurrent drug, the plan assumes that drug is stopped on the requested restart date and moves the first step to the earliest safe date.',
    rationale: 'The request gives no stop date for concurrent medicines; the washout must pass before the restart, so the plan never starts earlier than the washout allows.',
  },
  {
    id: 'ad-retained-fraction-decision',
    statement: 'For antidepressants and drugs with labelled restart rules, tolerance is not applicable; retainedFraction is written as "1" when the prior dose is resumed and "0" when the drug is re-titrated.',
    rationale: 'The field is part of the JSON contract; these classes have no tolerance curve, so it records the resume-or-retitrate decision as a decimal string.',
  },
  {
    id: 'carbamazepine-retitrate-after-2-missed-days',
    statement: 'Carbamazepine is re-titrated from the label start after more than 2 missed days.',
    rationale: 'The label gives no threshold; autoinduction (complete in 3–5 weeks) reverses rapidly after stopping, so the old dose can give higher levels. 2 missed days matches the engine\'s other always-re-titrate rules.',
  },
  {
    id: 'gabapentinoid-retitrate-after-2-missed-days',
    statement: 'Gabapentin and pregabalin are re-titrated from the label start after more than 2 missed days.',
    rationale: 'The labels give no restart threshold; both have short half-lives (about 5–7 h) and FDA 2019 asks to start at the lowest dose with opioids or other CNS depressants.',
  },
  {
    id: 'gabapentinoid-step-weekly',
    statement: 'After the label\'s 3-day start (900 mg/day), gabapentin rises by at most 300 mg/day every 7 days.',
    rationale: 'The label gives the 3-day start and the maximum, not a later step; 300 mg is one capsule per day and 7 days is the longer end of the 3–7-day intervals in secondary summaries.',
  },
];

export const ASSUMPTIONS: Readonly<Record<string, Assumption>> = deepFreeze(
  Object.fromEntries([...ASSUMPTION_LIST, ...EXTRA_ASSUMPTIONS].map((assumption) => [assumption.id, assumption])),
);
