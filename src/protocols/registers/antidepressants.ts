/**
 * Sources and engine assumptions added for the antidepressants work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 * The rules they back are described in docs/clinical-model.md ("Antidepressants and labelled restarts").
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  { id: 'fda-linezolid-2011', title: 'FDA Drug Safety Communication: serious CNS reactions possible when linezolid (Zyvox) or intravenous methylene blue is given to patients taking serotonergic psychiatric medications (26 Jul 2011, updated 20 Oct 2011); 24-hour restart rule as quoted by Psychiatry Education Forum', issuer: 'US Food and Drug Administration', year: 2011, url: 'http://www.fda.gov/Drugs/DrugSafety/ucm276251.htm' },
  { id: 'label-prozac-contraindications', title: 'Prozac (fluoxetine) prescribing information, 4.1 Contraindications (DailyMed setid c88f33ed-6dfb-4c5e-bc01-d8e36dd97299, sentence transcribed in a public label gold set)', issuer: 'Eli Lilly (FDA-approved label via DailyMed)', year: 2023, url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=c88f33ed-6dfb-4c5e-bc01-d8e36dd97299' },
  { id: 'label-nardil-warnings', title: 'Nardil (phenelzine) prescribing information: contraindications and warnings, hypertensive crisis and dietary tyramine (DailyMed setid 513a41d0-37d4-4355-8a6d-a2c643bce6fa)', issuer: 'Parke-Davis / Pfizer (FDA-approved label via DailyMed)', year: 2023, url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=513a41d0-37d4-4355-8a6d-a2c643bce6fa' },
  { id: 'droracle-ad-label-quotes', title: 'Label quotations for escitalopram (Lexapro: "10 mg/day is the recommended dose for most elderly patients and patients with hepatic impairment") and paroxetine (Paxil: "Elderly patients: Initial dose of 10 mg/day with maximum of 40 mg/day"), droracle.ai articles 860133 and 690061', issuer: 'droracle.ai (secondary, quoting FDA labels)', year: 2025, url: 'https://www.droracle.ai/articles/860133' },
  { id: 'clozapine-anc-interruption', title: 'Clozapine ANC monitoring after an interruption (PMC9243911 Table 6, adapted from the Clozaril prescribing information: "≤ 30 days, continue monitoring as before; ≥ 30 days, monitor as if new patient"); NCPA 2025: the Clozapine REMS ended 24 Feb 2025, label ANC monitoring still recommended', issuer: 'PMC / National Community Pharmacists Association', year: 2025, url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9243911/table/Tab6' },
  { id: 'clozapine-smoking', title: 'SMI Adviser: is there anything I should know about smoking tobacco or nicotine and clozapine? (dose lowered by 10% a day toward as low as 50% of the original after stopping smoking; hospitals without smoking count even with nicotine replacement); NHS GGC: plasma clozapine may rise substantially within 3–5 days of stopping smoking', issuer: 'SMI Adviser (American Psychiatric Association / SAMHSA)', year: 2020, url: 'https://smiadviser.org/knowledge_post_fp/is-there-anything-i-should-know-about-smoking-tobacco-or-nicotine-and-clozapine' },
  { id: 'uk-gabapentinoid-2019', title: 'Pregabalin and gabapentin reclassified as Class C controlled drugs (Schedule 3) in the UK from April 2019 after a rising number of deaths; SDF: gabapentinoids can reverse tolerance to heroin\'s effects on breathing', issuer: 'Epilepsy Action / Scottish Drugs Forum / HRB Drugnet', year: 2019, url: 'https://www.epilepsy.org.uk/epilepsy-medicines-pregabalin-and-gabapentin-to-be-reclassified-as-class-c-drugs-to-help-minimise-possible-misuse' },
  { id: 'psycheducation-lamotrigine-valproate', title: 'Lamotrigine–divalproex interaction timing (psycheducation.org, quoting a 1992 reference: "in adults, 25 mg on alternate days"; lamotrigine dose "reduced by about 50%" with valproate)', issuer: 'PsychEducation.org (secondary)', year: 2020, url: 'https://psycheducation.org/lamotrigine-divalproex-interaction-timing/' },
];

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'ad-resume-up-to-7-missed-days',
    statement: 'SSRIs, SNRIs, mirtazapine, vortioxetine and trazodone resume at the prior dose after up to 7 missed days; after 8–28 missed days the first step is the larger of the label starting dose and half the prior dose, and the prior dose follows after the label\'s minimum interval; after more than 28 missed days the drug is re-titrated from the label start with the label steps.',
    rationale: 'Restart-model amendment A9. No source gives a missed-day cut-off. NICE NG222 1.4.14 warns that missed doses cause withdrawal symptoms and 1.4.22 considers restarting at the previous dose when withdrawal is more severe; re-titration protects tolerability (nausea, activation), not against a life-threatening toxicity for these classes. 7 and 28 days are engine figures for clinical sign-off (open question 4).',
  },
  {
    id: 'ad-fluoxetine-resume-28-days',
    statement: 'Fluoxetine resumes at the prior dose after up to 28 missed days; after longer gaps it restarts at 20 mg/day and rises by 20 mg/day at most every 7 days to the prior dose.',
    rationale: 'Restart-model amendment A9: norfluoxetine\'s 4–16-day half-life leaves substantial drug for 2–3 weeks after the last dose. The 7-day step interval is the amendment\'s figure (engine assumption), shorter than the 3–4 weeks of the initial titration because the dose was tolerated before.',
  },
  {
    id: 'ad-tca-restart-tiers',
    statement: 'Tricyclics (including clomipramine) resume at the prior dose after up to 3 missed days; after 4–7 missed days they restart at half the prior dose and return to the prior dose after at least 3 days; after more than 7 missed days they restart at 25 mg/day (10 mg/day at age 65 or over) and rise by at most 25 mg/day every 7 days (the longer end of 3–7 days).',
    rationale: 'Restart-model amendment A9 (engine figures, open question 4): orthostatic hypotension, anticholinergic effects and QRS/QT prolongation are dose-related and return after a break; Beers 2023 describes tricyclics as sedating and causing orthostatic hypotension.',
  },
  {
    id: 'ad-bupropion-restart-tiers',
    statement: 'Bupropion resumes at the prior dose after up to 3 missed days (within its single-dose limits); after more than 3 missed days it restarts at 150 mg/day, may reach 300 mg/day after at least 3 days, then rises by the label step to the prior dose.',
    rationale: 'Restart-model amendment A9: seizure risk is dose-related (about 0.1% at 300 mg/day or less, 0.4% at 400 mg/day; the label says to increase the dose gradually). The 3-day figures are engine figures; the usual Wellbutrin SR start (150 mg/day for 3 days before 300 mg/day) is recalled, not read in a stored source.',
  },
  {
    id: 'ad-vilazodone-restart-3-days',
    statement: 'Vilazodone resumes at the prior dose after up to 3 missed days; after longer gaps it follows the label titration (10 mg for 7 days, 20 mg for at least 7 days, then 40 mg).',
    rationale: 'Restart-model amendment A9: the label requires titration at the start of treatment (gastrointestinal adverse effects); 3 days is the engine figure used for the other drugs that re-titrate early.',
  },
  {
    id: 'ad-maoi-restart-tiers',
    statement: 'Irreversible MAOIs (phenelzine, tranylcypromine) resume at the prior dose after up to 3 missed days; after 4–14 missed days they restart at half the prior dose; after more than 14 missed days at the label start; then the label step at the label interval to the prior dose.',
    rationale: 'Restart-model amendment A9: MAO regenerates over about 2 weeks after an irreversible inhibitor stops, so within 14 days some inhibition remains; hypertensive and orthostatic effects are dose-related (engine figures, open question 4).',
  },
  {
    id: 'ad-first-step-never-above-shorter-gap',
    statement: 'An antidepressant\'s first step is never above the first step a shorter gap would give (for example a tricyclic at 25 mg/day after 10 missed days when half the prior dose, after 4–7 days, rounds down to 10 mg).',
    rationale: 'A longer break must never give a higher first step (restart model, section 1); the lower of the two is the conservative reading.',
  },
  {
    id: 'ad-half-prior-unmakeable-label-start',
    statement: 'When half the prior dose cannot be made from the real strengths (for example phenelzine 15 mg tablets), the first step is the label starting dose, capped at the prior dose.',
    rationale: 'A dose smaller than one real unit cannot be dispensed; the label start is the lowest labelled regimen.',
  },
  {
    id: 'ad-maoi-tyramine-diet-14-days',
    statement: 'An irreversible MAOI restart carries a critical tyramine-diet and hypertensive-crisis warning from the first dose; the diet continues for 14 days after the last dose.',
    rationale: 'Restart-model amendment A9: the diet must be in place before the first dose; 14 days matches the regeneration time of MAO used for the washouts.',
  },
  {
    id: 'ad-washout-from-stop-date',
    statement: 'MAOI washouts are counted from the other drug\'s stop date (`concurrent[].stoppedOn`); a drug still taken (no stop date) is assumed to stop on the requested restart date, so the earliest plan date is counted from there.',
    rationale: 'The washout must pass after the last dose of the other drug; without a stop date the earliest the other drug can stop is the restart date.',
  },
  {
    id: 'ad-bupropion-withdrawal-window-28-days',
    statement: 'Bupropion is refused while alcohol, a benzodiazepine or Z-drug, a barbiturate or an antiepileptic recorded with a stop date (`concurrent[].stoppedOn`) was stopped within the last 28 days or is due to stop; a recorded stop is treated as abrupt.',
    rationale: 'The bupropion label contraindicates use in patients undergoing abrupt discontinuation of alcohol, benzodiazepines, barbiturates or antiepileptic drugs (seizures). The request does not say whether a stop was tapered, so the safer reading is used; 28 days is the longest benzodiazepine withdrawal window of amendment A8.',
  },
  {
    id: 'ad-escitalopram-elderly-60',
    statement: 'Escitalopram is capped at 10 mg/day from age 60 (the label says "elderly").',
    rationale: 'Restart-model amendment A2: 60 matches citalopram\'s "older than 60", which is safer than 65 (open question 5).',
  },
  {
    id: 'ad-elderly-65',
    statement: 'Where a label says "elderly" without a number (paroxetine start 10 mg, maximum 40 mg), the engine applies it from age 65.',
    rationale: 'Restart-model amendment A2 and open question 5: 65 is the Beers Criteria threshold for older adults.',
  },
  {
    id: 'gabapentinoid-renal-band-without-crcl',
    statement: 'When no creatinine clearance is given, renal impairment selects the 30–59 mL/min band of the gabapentin and pregabalin label tables, and hemodialysis the lowest band (below 15 mL/min).',
    rationale: 'Restart-model amendment A3: the engine does not compute creatinine clearance; the middle band is the amendment\'s choice for unquantified impairment, and patients on hemodialysis have little or no renal clearance.',
  },
  {
    id: 'gabapentinoid-band-restart',
    statement: 'Gabapentin or pregabalin after 3 or more missed days with a known renal band: start at the band minimum and rise by at most the band minimum every 3 days to the prior dose (never above the band maximum), and never above the label titration on the same date.',
    rationale: 'Restart-model amendment A3 (the model had no gabapentinoid restart rule). Taking the lower of the band schedule and the label titration on every date follows the house rule: where sources disagree take the lower dose and the longer interval.',
  },
  {
    id: 'renal-band-shared-edge-lower',
    statement: 'Where two rows of a label renal table share an edge (pregabalin: "≥ 60" and "30–60" both hold 60 mL/min, "30–60" and "15–30" both hold 30), a creatinine clearance equal to that edge selects the lower band.',
    rationale: 'The label table is ambiguous at its shared edges; house rule: where sources disagree take the lower dose. Restart-model amendment A3 writes the pregabalin rows as the label does.',
  },
  {
    id: 'clozapine-smoking-half-prior',
    statement: 'Clozapine in a patient who smoked before the break and does not smoke now: the titration ceiling is half the prior dose until a clozapine plasma level is available.',
    rationale: 'Restart-model amendment A10: stopping smoking removes CYP1A2 induction, and SMI Adviser advises lowering the dose with a goal of as low as 50% of the original; plasma clozapine may rise substantially within 3–5 days. 50% is the engine figure (open question 10: needs psychiatry review).',
  },
];
