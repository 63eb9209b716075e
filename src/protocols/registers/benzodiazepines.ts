/**
 * Sources and engine assumptions added for the benzodiazepines work (amendments A2, A3 and A8), kept in their own
 * file so that parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  {
    id: 'fda-zdrug-csb-2019',
    title: 'FDA adds Boxed Warning for risk of serious injuries caused by sleepwalking with certain prescription insomnia medicines (eszopiclone, zaleplon, zolpidem): Drug Safety Communication',
    issuer: 'US Food and Drug Administration',
    year: 2019,
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-adds-boxed-warning-risk-serious-injuries-caused-sleepwalking-certain-prescription-insomnia',
  },
  {
    id: 'fda-zolpidem-2013',
    title: 'FDA Drug Safety Communication: risk of next-morning impairment after use of insomnia drugs; FDA requires lower recommended doses for certain drugs containing zolpidem',
    issuer: 'US Food and Drug Administration (read via fdanews.com, 25 Jan 2013)',
    year: 2013,
    url: 'http://www.fda.gov/Drugs/DrugSafety/ucm334033.htm',
  },
  {
    id: 'fda-eszopiclone-2014',
    title: 'FDA requires lower recommended starting dose for the sleep drug eszopiclone (Lunesta), May 2014',
    issuer: 'US Food and Drug Administration (read via bemedwise.org and US Pharmacist 2014;39(6):11)',
    year: 2014,
    url: 'http://www.fda.gov/newsevents/newsroom/pressannouncements/ucm397453.htm',
  },
  {
    id: 'prescriber-2012-bzd-withdrawal',
    title: 'Benzodiazepine withdrawal: timing of onset and peak (Prescriber 2012;23(7)), as quoted on a GP blog (weak source)',
    issuer: 'Prescriber (Wiley), quoted at spoonfulsugar.wordpress.com',
    year: 2012,
    url: 'https://spoonfulsugar.wordpress.com/2012/04/05/benzodiazepine-withdrawal/',
  },
  {
    id: 'aliem-lot-2013',
    title: 'All benzodiazepines are metabolized by the liver: the "LOT" drugs (lorazepam, oxazepam, temazepam) have no active metabolites',
    issuer: 'Academic Life in Emergency Medicine (ALiEM), B. Hayes',
    year: 2013,
    url: 'https://www.aliem.com/all-benzodiazepines-are-metabolized-by-the-liver/',
  },
];

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'bzd-withdrawal-window-14-28',
    statement:
      'A benzodiazepine or Z-drug withdrawal window lasts 14 missed days for short and intermediate half-life drugs (longest Ashton half-life, parent or active metabolite, at most 24 h) and 28 missed days for long half-life drugs (above 24 h); the window starts at 3 missed days.',
    rationale:
      'Amendment A8. Withdrawal "can begin within 24 hours for short-acting benzos, or several days for longer-acting … reach their maximum intensity between 3 and 14 days, but can continue for up to six weeks" (Prescriber 2012, a weak source); the Ashton Manual timing text could not be read. Elimination (5 half-lives) is not the end of withdrawal.',
  },
  {
    id: 'bzd-window-75-percent',
    statement:
      'Inside the withdrawal window a physically dependent patient restarts at 75% of the prior daily dose, rounded to the nearest real strength at or below it, and never below 50% of the prior dose.',
    rationale:
      'Amendment A8: 75% is one maximal taper step below the prior dose (Joint Guideline Rec 6: not more than 25% every 2 weeks); a lower restart in a dependent patient risks withdrawal seizures (FDA 2020 boxed warning; Joint Guideline Rec 2, avoid abrupt discontinuation).',
  },
  {
    id: 'bzd-window-50-percent-risk-factors',
    statement:
      'Inside the withdrawal window, with an opioid, a gabapentinoid, alcohol, respiratory disease or sleep apnea, or age 65 or over, the first step is 50% of the prior daily dose, rounded to the nearest real strength at or above 50%, never above the prior dose.',
    rationale:
      'Amendment A8: these inputs add respiratory depression and oversedation risk (FDA 2016 and 2019; Beers 2023), while a dependent patient still needs enough drug to avoid withdrawal; 50% is the floor inside the window.',
  },
  {
    id: 'bzd-window-symptoms-prior',
    statement:
      'With significant withdrawal symptoms now, inside the withdrawal window, the first step is the prior dose (75% of it with the risk factors of the 50% rule); with severe symptoms (seizure, delirium, hallucinations), or significant symptoms at more than 15 mg diazepam equivalents a day, the first step is the prior dose and inpatient care is to be considered. Significant or severe symptoms keep the window rules after the estimated window and after a supervised withdrawal, and make a patient Table 2 classes as not dependent be treated as dependent.',
    rationale:
      'Amendment A8; Joint Guideline Rec 3a (restart the benzodiazepine and initiate a taper, also when significant withdrawal follows in a patient thought not to be dependent) and Rec 5c (consider inpatient care for severe or complicated withdrawal). Significant or severe symptoms recorded after the estimated window show the patient is still in withdrawal, so the window rules are used then too.',
  },
  {
    id: 'bzd-after-window-restart-low',
    statement:
      'After the withdrawal window with no withdrawal symptoms (or none recorded), or after a completed medically supervised withdrawal, a dependent patient restarts at the label initial dose and no more than 10 mg diazepam equivalents a day (the lower of the two, using the higher-potency table), and never more than the first step inside the window would be; then re-titrates.',
    rationale:
      'Amendment A8: tolerance to sedation and respiratory depression may have faded once withdrawal is over; the low band of the Joint Guideline Table 2 (≤ 10 mg DE) bounds the restart. Mild symptoms alone do not reopen the window (the amendment names only significant and severe symptoms).',
  },
  {
    id: 'bzd-not-dependent-single-dose',
    statement:
      'A patient who took the drug on 3 days a week or fewer (withdrawal "rare", Joint Guideline Table 2) restarts at no more than one prior single dose a day, no more often than before; after the withdrawal window also no more than the after-window start.',
    rationale:
      'Amendment A8 (NOT_DEPENDENT: at most the prior single dose). Such a patient is not at risk of withdrawal from a lower start, so after a long gap the lower of the two starts is taken (house rule: take the lower dose).',
  },
  {
    id: 'bzd-possibly-dependent-as-dependent',
    statement:
      'Joint Guideline Table 2 rows with withdrawal risk "lower, but possible" (4 or more days a week for under 1 month, or 1–3 months at a low dose) are treated as physically dependent.',
    rationale: 'Amendment A8: the safer reading. Key Takeaway 3a: "Physical dependence can develop within weeks"; FDA 2020: "taken steadily for several days to weeks".',
  },
  {
    id: 'bzd-zolpidem-sex-unknown-female',
    statement: 'Where sex is not given or is unknown, the lower label dose for women is used (zolpidem).',
    rationale: 'Amendment A2: absent input never relaxes a limit; the FDA lowered the recommended zolpidem dose for women because of next-morning blood levels.',
  },
  {
    id: 'bzd-opioid-step-days',
    statement:
      'This planner cannot see an opioid plan, so it cannot move its own steps off the opioid\'s step days; when an opioid is taken with the benzodiazepine it lists its own step dates and asks that the opioid is not raised on those dates (delay one of the two steps by at least a day).',
    rationale: 'Amendment A8: never schedule a titration step of an opioid and a benzodiazepine on the same day (engine assumption): two rises on one day add their sedation and make the cause of any oversedation unclear.',
  },
  {
    id: 'bzd-age-65-zdrug-elderly',
    statement: 'Where a Z-drug or benzodiazepine hypnotic label gives an "elderly" or "geriatric" dose without an age (zolpidem, eszopiclone, zaleplon, triazolam, flurazepam), it applies from age 65.',
    rationale: 'Amendment A2 and open question 5: the engine reads "elderly" as 65 or over, the Beers Criteria age.',
  },
  {
    id: 'bzd-regimen-convert-lower',
    statement:
      'Where several benzodiazepines or Z-drugs were taken before the break, each other medicine is converted into the restart drug (the main product, `prior`) with the table that gives the lower dose of the restart drug: Ashton at the ends of its ranges, or VA/DoD 2021 where it lists both drugs; the range is shown.',
    rationale:
      'House rule and the benzodiazepine notes (§1.3): when converting into a new target drug assume the higher potency for the target, which gives the lower target dose, and show the range; the tables differ up to 2–4-fold and the Joint Guideline says conversion "is not straightforward".',
  },
  {
    id: 'bzd-regimen-one-product',
    statement:
      'A regimen of several benzodiazepines or Z-drugs is restarted on one product, the main medicine (`prior`), unless tolerance is retained (then each is resumed as it was). Its prior regimen is the main daily dose plus the others converted, in as many administrations as the medicines had together (no more than the label allows), rounded down to real strengths; no step goes above it. A Z-drug main medicine with a benzodiazepine in the regimen is refused: the benzodiazepine is to be entered as the main medicine.',
    rationale:
      'Restart model §4: a restart stays on the same drug, and issue 13: the restart plan is on one product. No source gives a restart on several products after tolerance loss; one product makes one ceiling the patient and pharmacist can check. A benzodiazepine dose converted into a bedtime hypnotic would hit the hypnotic\'s low labelled maximum and drop the benzodiazepine dose of a dependent patient, which A8 names as the danger.',
  },
  {
    id: 'bzd-regimen-longest-window',
    statement:
      'With several benzodiazepines or Z-drugs and one break (one last dose date), the withdrawal window is the longest of the medicines\' windows (28 missed days when any of them is long-acting).',
    rationale:
      'Amendment A8: withdrawal from a longer-acting drug begins later and lasts longer, and a low new start inside the window risks withdrawal seizures in a dependent patient. The longer window keeps the restart near the prior dose for longer, while the total never exceeds the summed prior; no source gives a rule for mixed regimens.',
  },
  {
    id: 'bzd-regimen-every-day',
    statement:
      'With other benzodiazepines or Z-drugs in the regimen (`additionalPrior`, which has no days-a-week field), the regimen is counted as taken every day (7 days a week) for the Joint Guideline Table 2 row.',
    rationale:
      'Absent input never relaxes a limit; 4 or more days a week is the row that treats the patient as physically dependent, the safer reading inside the withdrawal window (amendment A8).',
  },
  {
    id: 'bzd-regimen-as-needed-allowance',
    statement:
      'As-needed doses before the break count in full toward the prior exposure (timesPerDay = the average actually taken) but are not turned into scheduled doses: each step\'s daily dose is the ceiling for the whole day; up to the prior number of as-needed doses a day (converted into the restart drug, rounded down to real strengths) fit beneath it, and scheduled doses are lowered by what they take.',
    rationale:
      'Issue 13: as-needed use is prior exposure, but scheduling it would raise the exposure of a patient who took fewer doses on many days. One daily ceiling keeps scheduled and as-needed doses together at or below the summed prior.',
  },
  {
    id: 'bzd-regimen-resume-each',
    statement:
      'When tolerance is retained (the first step is the prior dose: up to 2 missed days, or significant or severe withdrawal symptoms now), a regimen of several medicines is resumed as it was: each medicine on its own step from the restart date, at its prior dose (within its label limits), as-needed medicines still as needed.',
    rationale:
      'Switching between benzodiazepines in a patient who is, or may soon be, in withdrawal is avoided: the Joint Guideline says a transition to another benzodiazepine may be more successful over 1–2 weeks than 1–2 days. Resuming the known regimen changes nothing the patient was tolerating.',
  },
];
