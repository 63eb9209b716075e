/**
 * Opioid protocol data. Factors: CDC 2022 Table (identical in the Feb 2022 draft, L5666–5692).
 * Anchors: Australian national methadone guidelines §3.5, applied to all full agonists (engine assumption).
 */
import { deepFreeze } from '../../lib/deepFreeze.ts';
import type { OpioidClassProtocol, OpioidDrug } from './types.ts';

const CDC_TABLE = 'Table: Morphine milligram equivalent doses for commonly prescribed opioids for pain management';
const CDC_REC4_START = 'Recommendation 4, implementation considerations: lowest starting dose ≈ 5 to 10 MME a dose, 20–30 MME/day';

export const OPIOID_CLASS: OpioidClassProtocol = deepFreeze({
  anchors: [
    {
      fromMissedDays: 0,
      retainedFraction: { value: '1', source: 'au-methadone-2014', locator: '§3.5 Missed doses: 1 day, no change; 2 days, normal dose if not intoxicated' },
      basis: 'up to 2 missed days: usual dose',
    },
    {
      fromMissedDays: 3,
      retainedFraction: { value: '0.5', source: 'au-methadone-2014', locator: '§3.5 Missed doses: 3 days, give half the dose' },
      basis: '3 missed days: tolerance may be reduced, half the dose',
    },
    {
      fromMissedDays: 4,
      retainedFraction: { value: '0.5', source: 'au-methadone-2014', locator: '§3.5 Missed doses: 4 days, 40 mg or half the dose, whichever is lower' },
      basis: '4 missed days: half the dose (methadone: 40 mg or half, whichever is lower)',
    },
    {
      fromMissedDays: 5,
      retainedFraction: { value: '0', source: 'au-methadone-2014', locator: '§3.5 Missed doses: 5 or more days, regard as a new induction' },
      basis: '5 or more missed days: treat as a new start (opioid-naive); CDC 2022: tolerance can be lost in as little as a week',
    },
  ],
  naiveSingleDoseCapMme: { value: '10', source: 'cdc-2022', locator: CDC_REC4_START },
  naiveDailyCapMme: { value: '30', source: 'cdc-2022', locator: CDC_REC4_START },
  checkpointMme: { value: '50', source: 'cdc-2022', locator: 'Recommendation 4: before increasing to ≥50 MME/day, pause and carefully reassess' },
  naloxoneMme: { value: '50', source: 'cdc-2022', locator: 'Recommendation 8: offer naloxone at higher dosages (e.g., ≥50 MME/day)' },
  tolerantMinDays: { value: 7, source: 'fda-opioid-tolerant-definition', locator: 'Opioid-tolerant: receiving, for one week or longer, at least …' },
  tolerantMme: { value: '60', assumption: 'opioid-tolerant-60-mme' },
  maxRiseFraction: { value: '0.25', assumption: 'opioid-titration-25-percent' },
  riskFactorNaiveMultiplier: { value: '0.5', assumption: 'opioid-naive-halved-for-risk' },
  olderAdultAge: { value: 65, source: 'cdc-2022', locator: 'Recommendation 4: additional caution in patients aged ≥65 years' },
  highRiskWindowDays: { value: 14, source: 'binswanger-2007', locator: 'Abstract: overdose death RR 129 in the first 2 weeks after release' },
});

const IR_INTERVAL = { value: [3] as const, assumption: 'opioid-ir-interval-3-days' };

export const OPIOIDS: readonly OpioidDrug[] = deepFreeze([
  {
    id: 'morphine',
    drugClass: 'opioid',
    genericName: 'morphine',
    displayName: 'morphine',
    brandNames: ['MSIR', 'MS Contin'],
    rxnorm: { value: '7052', source: 'rxnorm', locator: 'RXCUI 7052 (morphine, ingredient)' },
    interactionCategories: ['opioid', 'cns-depressant'],
    agonist: 'full',
    mmeFactor: { value: '1', source: 'cdc-2022', locator: `${CDC_TABLE}: morphine 1` },
    tolerantThreshold: { value: '60', source: 'fda-opioid-tolerant-definition', locator: '60 mg oral morphine per day' },
    defaultFormulation: 'ir',
    formulations: [
      {
        id: 'ir',
        name: 'immediate-release tablet',
        route: 'oral',
        release: 'immediate',
        unitForm: 'tablet',
        unit: 'mg',
        strengths: [
          { amount: '15', scored: true },
          { amount: '30', scored: true },
        ],
        strengthsSource: { source: 'label-morphine-ir', locator: '16 How Supplied: 15 mg and 30 mg tablets, scored' },
        maxTimesPerDay: { value: 6, source: 'label-morphine-ir', locator: '2 Dosage: every 4 hours as needed' },
        maxSingleDose: { value: '200', assumption: 'implausible-dose-limit' },
        naiveStart: {
          dose: { value: '7.5', source: 'cdc-2022', locator: `${CDC_REC4_START} (label 15–30 mg every 4 hours is above the CDC single-dose range; the lower is taken: half of a scored 15 mg tablet)` },
          timesPerDay: { value: 4, source: 'cdc-2022', locator: `${CDC_REC4_START}: 4 × 7.5 MME = 30 MME/day` },
        },
        titrationIntervalsDays: IR_INTERVAL,
      },
    ],
  },
  {
    id: 'oxycodone',
    drugClass: 'opioid',
    genericName: 'oxycodone',
    displayName: 'oxyCODONE',
    displayNameSource: { source: 'ismp-tall-man-2023', locator: 'Table 1: HYDROcodone – oxyCODONE; oxyCODONE – OxyCONTIN' },
    brandNames: ['Roxicodone', 'Oxaydo', 'OxyContin', 'Xtampza ER'],
    rxnorm: { value: '7804', source: 'rxnorm', locator: 'RXCUI 7804 (oxycodone, ingredient)' },
    interactionCategories: ['opioid', 'cns-depressant'],
    agonist: 'full',
    mmeFactor: { value: '1.5', source: 'cdc-2022', locator: `${CDC_TABLE}: oxycodone 1.5` },
    tolerantThreshold: { value: '30', source: 'fda-opioid-tolerant-definition', locator: '30 mg oral oxycodone per day' },
    defaultFormulation: 'ir',
    formulations: [
      {
        id: 'ir',
        name: 'immediate-release tablet',
        route: 'oral',
        release: 'immediate',
        unitForm: 'tablet',
        unit: 'mg',
        // Scoring varies by manufacturer; recorded as unscored (engine assumption unverified-scoring-unscored).
        strengths: [
          { amount: '5', scored: false },
          { amount: '10', scored: false },
          { amount: '15', scored: false },
          { amount: '20', scored: false },
          { amount: '30', scored: false },
        ],
        strengthsSource: { source: 'label-oxycodone-ir', locator: '16 How Supplied: 5, 10, 15, 20 and 30 mg tablets' },
        maxTimesPerDay: { value: 6, source: 'label-oxycodone-ir', locator: '2.2 Initial dosage: 5 to 15 mg every 4 to 6 hours' },
        maxSingleDose: { value: '200', assumption: 'implausible-dose-limit' },
        naiveStart: {
          dose: { value: '5', source: 'label-oxycodone-ir', locator: '2.2 Initial dosage: 5 to 15 mg every 4 to 6 hours as needed (lowest dose taken)' },
          timesPerDay: { value: 4, source: 'label-oxycodone-ir', locator: '2.2 Initial dosage: every 6 hours (longest interval taken)' },
        },
        titrationIntervalsDays: IR_INTERVAL,
      },
    ],
  },
]);
