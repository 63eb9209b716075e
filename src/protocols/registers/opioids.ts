/**
 * Sources and engine assumptions added for the opioids work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  {
    id: 'fda-opioid-safety-2016',
    title: 'FDA Drug Safety Communication: FDA warns about several safety issues with opioid pain medicines; requires label changes (serotonin syndrome, adrenal insufficiency, androgen deficiency), 22 March 2016',
    issuer: 'US Food and Drug Administration',
    year: 2016,
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires',
  },
  {
    id: 'label-tramadol-contraindications',
    title: 'Tramadol hydrochloride tablets, prescribing information, 4 Contraindications (DailyMed setid 5c2ac7cb-3a38-2174-e063-6394a90a95cc, read in a verbatim transcription)',
    issuer: 'FDA-approved label via DailyMed',
    year: 2024,
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=5c2ac7cb-3a38-2174-e063-6394a90a95cc',
  },
  {
    id: 'label-tramadol-apap-interactions',
    title: 'Tramadol hydrochloride and acetaminophen tablets, prescribing information, 7 Drug interactions, Table 2 (CYP2D6 and CYP3A4 inhibitors and inducers; read in a copy)',
    issuer: 'FDA-approved label (copy on a weak host)',
    year: 2023,
    url: 'http://www.120ty.net/bencandy.php?aid=49415&fid=134&page=14',
  },
  {
    id: 'mims-tramadol-interactions',
    title: 'Nutram / Tramicet (tramadol): drug interactions (serotonergic drugs, seizure threshold, MAO inhibitors incl. linezolid and intravenous methylene blue)',
    issuer: 'MIMS Philippines',
    year: 2024,
    url: 'https://www.mims.com/philippines/drug/info/nutram/drug-interactions',
  },
  {
    id: 'nucynta-patient-info',
    title: 'Nucynta (tapentadol) patient information: MAO inhibitors within 14 days',
    issuer: 'drugs.com (FDA-approved patient information)',
    year: 2024,
    url: 'http://www.drugs.com/nucynta.html',
  },
  {
    id: 'fentanyl-cyp3a4-labels',
    title: 'Fentanyl labels on CYP3A4 interactions: Fentora 7 Drug interactions; fentanyl transdermal, ritonavir raised fentanyl AUC 174% (label copies)',
    issuer: 'FDA-approved labels via medlibrary.org and druglib.com',
    year: 2023,
    url: 'https://medlibrary.org/lib/rx/meds/fentora/page/6/',
  },
  {
    id: 'opioid-cyp3a4-antimicrobials',
    title: 'Drug interaction monograph: opioid analgesics (alfentanil, fentanyl, methadone, oxycodone, sufentanil) with CYP3A4-inhibiting antimicrobials (fluconazole, itraconazole, ketoconazole, posaconazole, voriconazole, clarithromycin, erythromycin …), class 3 "assess risk and take action" (page undated; it lists ceritinib, approved 2014, so 2014 is the earliest year it can be)',
    issuer: 'Skyscape drug-interaction reference (Hansten and Horn format)',
    year: 2014,
    url: 'https://download.skyscape.com/download/ota/lonestar/3C52715-7DF0-47C4-BF2A-379E6E7AC9B5/skyscaperx.edxx/content/HTML/s/tu2.htm',
  },
  {
    id: 'label-methadone-maoi',
    title: 'Methadone hydrochloride tablets, prescribing information, 7 Drug interactions: MAOIs (DailyMed setid 540edd43-165d-4257-b989-3bccc8f54afb, read in a verbatim transcription)',
    issuer: 'FDA-approved label via DailyMed',
    year: 2024,
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=540edd43-165d-4257-b989-3bccc8f54afb',
  },
  {
    id: 'fda-linezolid-serotonergic-2011',
    title: 'FDA Drug Safety Communication: serious CNS reactions possible when linezolid (Zyvox) or intravenous methylene blue is given to patients taking serotonergic psychiatric medications (26 July 2011, updated 20 October 2011)',
    issuer: 'US Food and Drug Administration',
    year: 2011,
    url: 'http://www.fda.gov/Drugs/DrugSafety/ucm276251.htm',
  },
  {
    id: 'openfda-tramadol-boxed',
    title: 'Tramadol hydrochloride label, boxed warning header: risks from concomitant use with benzodiazepines or other CNS depressants (openFDA)',
    issuer: 'US Food and Drug Administration (openFDA drug label)',
    year: 2024,
    url: 'https://api.fda.gov/drug/label.json?search=set_id%3A%22f2f421ab-35ae-7637-e053-2995a90a40e0%22',
  },
  {
    id: 'label-percocet',
    title: 'Percocet (oxycodone and acetaminophen tablets) 2.5/325, 5/325, 7.5/325 and 10/325 mg, prescribing information: Dosage and Administration (maximum tablets a day per strength; acetaminophen 4 g/day)',
    issuer: 'Endo Pharmaceuticals (FDA-approved label, read in a druglib.com copy)',
    year: 2023,
    url: 'http://www.druglib.com/druginfo/percocet/indications_dosage/',
  },
  {
    id: 'label-morphine-oral-solution',
    title: 'Morphine sulfate oral solution 10 mg per 5 mL, 20 mg per 5 mL and 100 mg per 5 mL (20 mg/mL), prescribing information: boxed warning (risk of medication errors), 1 Indications (100 mg per 5 mL for opioid-tolerant patients only), 2 Dosage (10 to 20 mg every 4 hours)',
    issuer: 'FDA-approved label via drugs.com and empr.com (West-Ward/Hikma, Roxane)',
    year: 2024,
    url: 'http://www.drugs.com/pro/morphine-sulfate-solution-concentrate.html',
  },
  {
    id: 'label-dilaudid-oral-solution',
    title: 'Dilaudid (hydromorphone hydrochloride) oral solution 5 mg/5 mL (1 mg/mL) and tablets, dosage: mg and mL on every prescription, calibrated oral syringe, never household spoons; oral solution 2.5 mg to 10 mg every 3 to 6 hours',
    issuer: 'FDA-approved label via drugs.com',
    year: 2024,
    url: 'http://www.drugs.com/dosage/dilaudid.html',
  },
  {
    id: 'label-kadian',
    title: 'Kadian (morphine sulfate) extended-release capsules 10, 20, 30, 40, 50, 60, 80, 100 and 200 mg, prescribing information: 1 Indications (limitations of use), 2 Dosage and Administration',
    issuer: 'Allergan (FDA-approved label, 2019 revision, read in the rxreasoner.com transcription; strengths from the DailyMed/pillsync product list)',
    year: 2019,
    url: 'https://rxreasoner.com/monographs/kadian/usage',
  },
  {
    id: 'label-xtampza',
    title: 'Xtampza ER (oxycodone) extended-release capsules 9, 13.5, 18, 27 and 36 mg, prescribing information: 2 Dosage and Administration (tolerant-only doses; equivalence to oxycodone HCl; opioid-naive start; maximum 288 mg/day)',
    issuer: 'Collegium Pharmaceutical (FDA-approved label via drugs.com and the manufacturer\u2019s prescriber page)',
    year: 2023,
    url: 'https://www.drugs.com/dosage/xtampza-er.html',
  },
  {
    id: 'ismp-oral-liquid-metric',
    title: 'ISMP Targeted Medication Safety Best Practices, Best Practice #5 FAQ: oral liquid dosing devices (oral syringes, cups, droppers) that display only the metric scale (mL); see also ISMP consumer tips on liquid medicines: oral syringes with mL markings, never household spoons',
    issuer: 'Institute for Safe Medication Practices',
    year: 2014,
    url: 'https://www.ismp.org/tmsbp/faq5',
  },
  {
    id: 'label-butrans',
    title: 'Butrans (buprenorphine) transdermal system CIII, dosing: initiation, conversion from other opioids, titration and maintenance (manufacturer HCP pages restating the US prescribing information)',
    issuer: 'Purdue Pharma (FDA-approved label)',
    year: 2024,
    url: 'https://butrans.com/dosing/dosage/ ; https://butrans.com/dosing/initiation/ ; https://butrans.com/dosing/titration/',
  },
  {
    id: 'fda-ndc-butrans',
    title: 'NDC directory entry 59011-750 (Butrans 5 mcg/h): package "168 h in 1 PATCH"; RxCUIs of the Butrans strengths',
    issuer: 'US Food and Drug Administration (openFDA NDC)',
    year: 2026,
    url: 'https://api.fda.gov/drug/ndc.json?search=product_ndc:%2259011-750%22',
  },
  {
    id: 'label-belbuca',
    title: 'Belbuca (buprenorphine) buccal film CIII, prescribing information, 2 Dosage and Administration (2.1 important instructions, 2.2 initial dosing), read in the drugs.com transcription',
    issuer: 'BioDelivery Sciences International (FDA-approved label)',
    year: 2023,
    url: 'https://www.drugs.com/dosage/belbuca.html',
  },
  {
    id: 'belbuca-hcp-dosing',
    title: 'Belbuca dosing and titration for HCPs: 7 dose strengths; taper opioid-experienced patients to ≤ 30 mg oral MME daily before starting',
    issuer: 'BioDelivery Sciences International / Collegium (manufacturer)',
    year: 2024,
    url: 'https://www.belbuca.com/hcp/buprenorphine-dosing-titration/',
  },
];

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'cyp-change-window-14-days',
    statement: 'A CYP3A4 or CYP2D6 inhibitor or inducer started or stopped during the break, or within 14 days before it, counts as a change in opioid exposure.',
    rationale: 'Amendment A1: 14 days covers induction off-set and inhibitor on-set (days to about 2 weeks); no source gives the window.',
  },
  {
    id: 'cyp-exposure-cap-half',
    statement: 'When an interaction change raises opioid exposure (CYP3A4 inhibitor started or inducer stopped; CYP2D6 inhibitor stopped for tramadol or codeine), the first step is at most half of what the missed-day anchors give, never below the opioid-naive start.',
    rationale: 'Labels say "consider dosage reduction" and "monitor" without a number (amendment A1); half is the engine\u2019s conservative choice, and the naive start floor avoids an abrupt cut to nothing in a dependent patient.',
  },
  {
    id: 'linezolid-opioid-24-hours',
    statement: 'After linezolid or intravenous methylene blue is stopped, tramadol, tapentadol or meperidine may be planned from 24 hours after the last dose, with a critical serotonin-syndrome warning for 14 days.',
    rationale: 'The 14-day label window is written for irreversible MAOIs; linezolid is a reversible MAOI and the FDA restart rule for antidepressants after linezolid is 24 hours (amendment A1; not verified for opioids).',
  },
  {
    id: 'tramadol-seizure-withdrawal-window',
    statement: 'Tramadol\u2019s seizure warning is critical when alcohol or a benzodiazepine was stopped within the last 28 days.',
    rationale: 'Amendment A1 makes the warning critical inside an alcohol or benzodiazepine withdrawal window (A8); 28 days is the longest A8 window (long-acting benzodiazepines), the conservative choice when the drug stopped is not known.',
  },
  {
    id: 'opioid-regular-5-days',
    statement: 'Daily opioid use for 5 days or more counts as regular use (physical dependence possible): the missed-day anchors apply.',
    rationale: 'CDC 2022 (draft L1697–1698) says "more than a few days"; amendment A4 reads that as 5 days. Below it, use is treated as not dependent.',
  },
  {
    id: 'opioid-regular-4-days-a-week',
    statement: 'Use on 4–6 days a week is regular-intermittent (anchored on the average daily dose); on 3 days a week or fewer, not dependent.',
    rationale: 'Amendment A4, anchored on CDC 2022 draft L2433–2435: "opioids may be stopped when taken less frequently than once a day".',
  },
  {
    id: 'opioid-prn-around-the-clock',
    statement: 'An as-needed opioid taken every day, 3 or more times a day on average, counts as regular (around the clock) use.',
    rationale: 'Amendment A4 classifies by use, not by the prescription wording ("a PRN prescription taken daily around the clock is REGULAR"); 3 doses a day spread over the day is the engine\u2019s reading of "around the clock". Counting such use as regular avoids cutting a dependent patient to an opioid-naive start.',
  },
  {
    id: 'opioid-intermittent-average',
    statement: 'For use on 4–6 days a week, the plan anchors on the average daily dose (dose on dosing days × days a week ÷ 7), and the ceiling is that average, rounded down to real strengths.',
    rationale: 'Amendment A4 (EA): the average is the exposure the patient was used to; keeping the ceiling at the average (not the dosing-day dose every day) never raises the weekly exposure above the prior one.',
  },
  {
    id: 'tramadol-age-cap-at-75',
    statement: 'The tramadol 300 mg/day limit for patients "over 75" is applied from age 75.',
    rationale: 'Amendment A2: applying the cap at 75 rather than 76 is the safer reading of "over 75".',
  },
  {
    id: 'renal-impairment-30-59-band',
    statement: 'Renal impairment recorded without a creatinine clearance is read as the 30–59 mL/min band: the rows for a clearance below 30 do not apply, and the plan says so.',
    rationale: 'Amendment A3 (EA): the engine does not compute clearance; without a number it takes the moderate band and tells the clinician to enter the clearance.',
  },
  {
    id: 'renal-interval-doubled',
    statement: 'Morphine and codeine with creatinine clearance below 30 mL/min: the minimum interval between increases is doubled.',
    rationale: 'CDC 2022 Rec 3 (draft L2155–2158): "consider a longer dosing interval … renal or hepatic dysfunction"; doubling is the engine\u2019s figure (amendment A3).',
  },
  {
    id: 'opioid-exposure-cap-never-below-naive',
    statement: 'A cap that lowers a regular user\u2019s first step (interaction change) never goes below the opioid-naive start.',
    rationale: 'A dependent patient must not be cut below the lowest labelled start (CDC 2022 Rec 5 warns against abrupt reductions); the naive start is the floor the amendment names.',
  },
  {
    id: 'tolerant-only-product-switch',
    statement: 'The immediate-release alternative offered when a product restricted to opioid-tolerant patients is refused is planned as a restart of the same molecule\u2019s IR form (or the named reference opioid), from the prior dose and the missed-day rules.',
    rationale: 'Amendment A6 says BLOCK with the IR alternative offered, without saying how the alternative is dosed. Planning it with the same anchors keeps a dependent patient on a dated schedule (no withdrawal); it is returned beside the refusal (refusal.alternativePlan) for the prescriber to accept, never as the plan for the refused product.',
  },
  {
    id: 'apap-switch-keeps-combination-pace',
    statement: 'When acetaminophen moves a combination product to its single-ingredient product (amendment A5), no step of the new schedule is above the combination product\u2019s own schedule on the same date; a rise the single-ingredient strengths cannot yet make waits a further interval. A single-ingredient product whose smallest strength is above the first step\u2019s daily opioid dose is not used (the prescriber decides, as when none exists).',
    rationale: 'Amendment A5 keeps the opioid mg but says nothing of titration. The single-ingredient strengths can be coarser (oxyCODONE IR has no 2.5 mg tablet), so its own smallest rise would outrun the patient\u2019s product; a risk that triggers the switch (liver disease, alcohol) must never make the schedule faster, and no switch may raise the opioid above the prior dose (house rule 1).',
  },
  {
    id: 'renal-impairment-below-60',
    statement: 'A creatinine clearance below 60 mL/min counts as renal impairment for the opioid-naive start (halved like the renal impairment flag).',
    rationale: 'The renal rows of amendment A3 treat 60 mL/min as the edge of normal dosing (gabapentinoid tables; Beers: reduce dose when GFR < 60); a clearance given as a number must not be ignored when the flag is not set.',
  },
  {
    id: 'oral-liquid-measure-step',
    statement: 'Doses of an oral liquid are measured in whole steps of 0.5 mL with a metric oral syringe (0.25 mL for the 20 mg/mL morphine concentrate and its calibrated syringe); each planned dose is rounded down to a whole number of steps.',
    rationale: 'Labels give the concentration but not the smallest measurable volume. Oral syringes commonly carry marks every 0.2 or 0.5 mL (ISMP consumer guidance; the coarser mark is taken, so every planned dose can be read off the syringe); the concentrate\u2019s small volumes (10 to 20 mg = 0.5 to 1 mL) are measured on a 1 mL syringe, taken as 0.25 mL (5 mg) steps. Rounding down never gives more than the computed ceiling.',
  },
  {
    id: 'opioid-non-prescribed-not-tolerant',
    statement: 'A prior dose from non-prescribed use is used as reported for the missed-day rules but never counts as meeting the opioid-tolerant definition.',
    rationale: 'The dose and its regularity cannot be verified; opening products restricted to tolerant patients on an unverified dose is the riskier error, while the missed-day rules still avoid an abrupt cut (no source gives a rule; engine assumption).',
  },
  {
    id: 'opioid-regimen-mme-summed',
    statement: 'A regimen of several opioids taken before the break is one prior exposure: each opioid\u2019s daily dose is converted with its own MME factor (the fentaNYL "12" patch rule per patch) and the daily MME are summed; one break for all (the last dose of any of them), one use pattern for the regimen (days a week apply to every opioid).',
    rationale: 'The CDC "Calculating Total Daily Dose" table and every established opioid calculator sum all opioids into one daily MME; the anchors and the restart model give no per-product rule for a shared break.',
  },
  {
    id: 'opioid-regimen-tolerant-total',
    statement: 'For a regimen of several opioids the FDA opioid-tolerant test uses the total daily MME (the conversion values, the lower ones) against 60 MME/day for at least 7 days; an opioid that alone meets its own FDA dose still counts.',
    rationale: 'The FDA definition names one dose per opioid "or an equianalgesic dose of another opioid" and no rule for combinations; the total against 60 MME (oral morphine 60 mg/day) is the issue-13 reading, and keeping the per-product test means adding an opioid never undoes tolerance.',
  },
  {
    id: 'opioid-regimen-as-needed-summed',
    statement: 'When every opioid of a regimen was taken as needed, their average doses a day are added to judge around-the-clock use (3 or more a day in total).',
    rationale: 'Amendment A4 classifies as-needed use by actual use; doses of several opioids taken through the day are around-the-clock use of opioids just as doses of one are.',
  },
  {
    id: 'opioid-regimen-one-product',
    statement: 'A regimen of several opioids restarts on one product (the immediate-release form of the main opioid, or the restart product of the restart model): the same molecule adds in its own unit; another molecule converts through MME with the 50% cross-tolerance reduction; never above the summed prior MME.',
    rationale: 'Rebuilding one product is simpler to titrate and check after a break; CDC 2022 prefers immediate-release opioids when starting and asks for a substantially lower dose than the MME when converting (incomplete cross-tolerance), so the lower end of the 25–50% reduction is taken for every other molecule.',
  },
  {
    id: 'opioid-regimen-resume-each',
    statement: 'When tolerance is retained (r = 1), the use was every day and every product of the regimen may be continued (no product restricted to tolerant patients without tolerance, no acetaminophen product, no label cap, no interaction raising exposure), the regimen is resumed as it was, each product with its own step (parallel steps with the same dates).',
    rationale: 'With tolerance retained the prior regimen is the safe dose (restart model: r = 1 resumes the prior dose); converting it to one product would add a cross-tolerance reduction the patient does not need. Any condition that changes one product\u2019s dose moves the plan to one product, where the rules are applied once.',
  },
  {
    id: 'opioid-as-needed-share',
    statement: 'As-needed doses of the prior regimen are not turned into scheduled doses on the restart product: each step keeps the as-needed share of the prior daily MME for as-needed doses, rounded down to real strengths, in at most the prior number of as-needed doses a day; the step\u2019s daily dose is the ceiling for the whole day.',
    rationale: 'The issue-13 rule: as-needed use counts toward the prior exposure and stays as needed. No source gives the split; keeping the prior proportion changes the pattern of use least and never raises the day above the step\u2019s ceiling.',
  },
  {
    id: 'buprenorphine-pain-restart',
    statement: 'Butrans and Belbuca after a break: the prior dose only when tolerance is retained (at most 2 missed days, no full-agonist opioid used during the break); with reduced tolerance the first step is the retained fraction of the prior dose (opioid class anchors), rounded down to a strength and never below the label naive start; after tolerance loss, or a full agonist used or not known, the label naive start (Butrans 5 mcg/h; Belbuca 75 mcg once daily). Then up by the label steps no sooner than the label interval (Butrans 3 days; Belbuca 4 days), never above the prior dose nor the label maximum.',
    rationale: 'Neither label gives a missed-dose or restart rule. The labels give the opioid-naive start, the titration interval and the maximum; a restart after tolerance loss is treated as a new start (label naive start), and the ceiling is the prior dose (conservative, as for all opioids). The 2-day short gap is the same engine assumption as sublingual buprenorphine; the anchors for a reduced restart are those of the full agonists (CDC 2022: tolerance can be lost in as little as a week).',
  },
];
