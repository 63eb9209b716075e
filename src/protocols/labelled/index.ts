/**
 * Drugs whose labels give explicit restart rules (restart model section 6; research notes section 4).
 * Clozapine, lamotrigine, quetiapine: re-initiation rules in the US labels. Carbamazepine: autoinduction
 * reverses after a break (label start and step). Gabapentin and pregabalin: label titration; opioid warning (FDA 2019).
 * Every tablet is recorded as unscored unless its halving is documented (engine assumption unverified-scoring-unscored).
 */
import { deepFreeze } from '../../lib/deepFreeze.ts';
import type { Strength } from '../types.ts';
import type { LabelledClassProtocol, LabelledDrug } from './types.ts';

const UNSCORED = (...amounts: string[]): Strength[] => amounts.map((amount) => ({ amount, scored: false }));
const IMPLAUSIBLE = 'implausible-dose-limit';
const TIMES = 'ad-max-times-per-day';
const LAMICTAL_T1 = '2.2 Table 1: escalation regimen for LAMICTAL in patients older than 12 years with epilepsy';
const CLOZ = '2.2 Dosage: 12.5 mg once or twice daily; total daily dose may be increased by 25–50 mg/day to 300–450 mg/day by the end of 2 weeks; then increments of up to 100 mg once or twice weekly; maximum 900 mg/day';

export const LABELLED_CLASS: LabelledClassProtocol = deepFreeze({
  renalImpairmentBandFromCrCl: { value: 30, assumption: 'gabapentinoid-renal-band-without-crcl' },
  hemodialysisBandFromCrCl: { value: 0, assumption: 'gabapentinoid-renal-band-without-crcl' },
  bandRestartIntervalDays: { value: 3, assumption: 'gabapentinoid-band-restart' },
  clozapineAncNewPatientDaysOff: { value: 30, source: 'clozapine-anc-interruption', locator: 'Table 6, treatment interrupted: "≥ 30 days, monitor as if new patient" (weekly for 6 months, every 2 weeks to 12 months, then monthly)' },
  clozapineSmokingStoppedFraction: { value: '0.5', assumption: 'clozapine-smoking-half-prior' },
  lamotrigineValproateStartedFraction: { value: '0.5', source: 'psycheducation-lamotrigine-valproate', locator: 'lamotrigine dose "reduced by about 50%" when valproate is added' },
});

const NEURONTIN_RENAL = '2.x Table: dosage based on renal function (creatinine clearance), quoted at droracle.ai';
const LYRICA_RENAL = '2.x Table 2: pregabalin dosage adjustment based on renal function, quoted at droracle.ai and the Canterbury DHB palliative care sheet';

export const LABELLED: readonly LabelledDrug[] = deepFreeze([
  {
    id: 'clozapine', drugClass: 'labelled-restart', genericName: 'clozapine', displayName: 'cloZAPine', brandNames: ['Clozaril', 'FazaClo', 'Versacloz'],
    displayNameSource: { source: 'ismp-tall-man-2023', locator: 'cloZAPine – clonazePAM / cloNIDine' },
    rxnorm: { value: '2626', source: 'rxnorm', locator: 'RXCUI 2626 (clozapine, ingredient)' },
    interactionCategories: ['cns-depressant', 'antipsychotic'],
    rule: 'clozapine',
    threshold: {
      kind: 'daysOff-at-least',
      value: { value: 2, source: 'label-clozaril', locator: '2.5 Re-initiation: "2 days or more since the last dose", re-initiate with 12.5 mg once or twice daily' },
      rule: 'the label re-initiates cloZAPine at 12.5 mg when it is 2 days or more since the last dose',
    },
    schedules: [{
      id: 'initial',
      when: 'label initial titration',
      stages: { value: [{ days: 1, daily: '12.5', timesPerDay: 1 }], source: 'label-clozaril', locator: '2.5 Re-initiation: 12.5 mg once or twice daily (once taken, the lower)' },
      phases: [
        { daily: { value: '25', source: 'label-clozaril', locator: `${CLOZ} (25 taken, the lower)` }, intervalDays: { value: 1, source: 'label-clozaril', locator: `${CLOZ}: daily increments` }, upTo: { value: '300', source: 'label-clozaril', locator: `${CLOZ}: 300 mg/day, the lower end of the week-2 target` } },
        { daily: { value: '100', source: 'label-clozaril', locator: `${CLOZ}: up to 100 mg` }, intervalDays: { value: 7, source: 'label-clozaril', locator: `${CLOZ}: once weekly (the longer interval taken)` } },
      ],
    }],
    maxDailyDose: { value: '900', source: 'label-clozaril', locator: '2.2: maximum 900 mg/day' },
    retitrationNote: {
      source: 'label-clozaril', locator: '2.5 Re-initiation',
      text: 'The label allows returning to the previous dose more quickly than the initial titration if the re-initiation doses are well tolerated; the plan shows the initial titration as the conservative ceiling.',
    },
    hazard: {
      code: 'CLOZAPINE_RETITRATION',
      message: 'cloZAPine restarted at the previous dose after 2 days or more can cause orthostatic hypotension, bradycardia, syncope and cardiac arrest. Re-initiate at 12.5 mg and titrate; check ANC monitoring requirements before dispensing.',
      sources: ['label-clozaril'],
    },
    defaultFormulation: 'tablet',
    formulations: [{
      id: 'tablet', name: 'tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
      strengths: [{ amount: '25', scored: true }, { amount: '50', scored: false }, { amount: '100', scored: false }, { amount: '200', scored: false }],
      strengthsSource: { source: 'smpc-clozaril', locator: 'Starting therapy: 12.5 mg (half a 25 mg tablet); US generic tablets 25, 50, 100 and 200 mg (label-clozaril 16 How Supplied)' },
      maxTimesPerDay: { value: 3, assumption: TIMES }, maxSingleDose: { value: '900', assumption: IMPLAUSIBLE },
      maxDailyDose: { value: '900', source: 'label-clozaril', locator: '2.2: maximum 900 mg/day' },
    }],
  },
  {
    id: 'lamotrigine', drugClass: 'labelled-restart', genericName: 'lamotrigine', displayName: 'lamotrigine', brandNames: ['Lamictal'],
    // lamoTRIgine is not confirmed on the ISMP list in the research notes: lowercase until checked.
    rxnorm: { value: '28439', source: 'rxnorm', locator: 'RXCUI 28439 (lamotrigine, ingredient)' },
    interactionCategories: ['antiepileptic'],
    rule: 'lamotrigine',
    threshold: {
      kind: 'half-lives-more-than',
      value: { value: 5, source: 'label-lamictal', locator: '2.1: "If a patient has discontinued LAMICTAL for a period of more than 5 half-lives, it is recommended that initial dosing recommendations and guidelines be followed"' },
      halfLifeHours: { value: '22.8', source: 'label-lamictal', locator: '12.3: half-life 22.8–37.4 h in monotherapy (shorter end taken; with valproate 48–59 h, which would allow resuming later, so it is not used)' },
      halfLifeWithInducerHours: { value: '13.5', source: 'label-lamictal', locator: '12.3 Table 14: with carbamazepine, phenytoin, phenobarbital or primidone, multiple-dose half-life about 13.5 h (13.5–15 h in summaries; the healthy-volunteer multiple-dose row is 25.4 h, range 11.6–61.6)' },
      rule: 'the label restarts the initial titration after more than 5 half-lives off lamotrigine',
    },
    schedules: [
      {
        id: 'valproate', when: 'taking valproate',
        stages: { value: [{ days: 14, daily: '25', timesPerDay: 1, everyOtherDay: true }, { days: 14, daily: '25', timesPerDay: 1 }], source: 'label-lamictal', locator: `${LAMICTAL_T1}, patients taking valproate: weeks 1–2 25 mg every other day; weeks 3–4 25 mg every day` },
        phases: [{ daily: { value: '25', source: 'label-lamictal', locator: `${LAMICTAL_T1}, with valproate: week 5 onward increase by 25–50 mg/day (25 taken)` }, intervalDays: { value: 14, source: 'label-lamictal', locator: `${LAMICTAL_T1}: every 1 to 2 weeks (2 weeks taken)` } }],
        usualMaintenanceMax: { value: '200', source: 'label-lamictal', locator: `${LAMICTAL_T1}, with valproate: usual maintenance 100–200 mg/day with valproate alone (100–400 mg/day with valproate and glucuronidation inducers)` },
      },
      {
        id: 'inducer', when: 'taking an enzyme inducer (carbamazepine, phenytoin, phenobarbital, primidone) and not valproate',
        stages: { value: [{ days: 14, daily: '50', timesPerDay: 1 }, { days: 14, daily: '100', timesPerDay: 2 }], source: 'label-lamictal', locator: `${LAMICTAL_T1}, patients taking carbamazepine, phenytoin, phenobarbital or primidone and not valproate: weeks 1–2 50 mg/day; weeks 3–4 100 mg/day in 2 divided doses` },
        phases: [{ daily: { value: '100', source: 'label-lamictal', locator: `${LAMICTAL_T1}, with inducers: week 5 onward increase by 100 mg/day` }, intervalDays: { value: 14, source: 'label-lamictal', locator: `${LAMICTAL_T1}: every 1 to 2 weeks (2 weeks taken)` } }],
      },
      {
        id: 'standard', when: 'taking neither valproate nor an enzyme inducer',
        stages: { value: [{ days: 14, daily: '25', timesPerDay: 1 }, { days: 14, daily: '50', timesPerDay: 1 }], source: 'label-lamictal', locator: `${LAMICTAL_T1}, patients not taking carbamazepine, phenytoin, phenobarbital, primidone or valproate: weeks 1–2 25 mg every day; weeks 3–4 50 mg/day` },
        phases: [{ daily: { value: '50', source: 'label-lamictal', locator: `${LAMICTAL_T1}: week 5 onward increase by 50 mg/day` }, intervalDays: { value: 14, source: 'label-lamictal', locator: `${LAMICTAL_T1}: every 1 to 2 weeks (2 weeks taken)` } }],
      },
    ],
    maxDailyDose: { value: '500', source: 'label-lamictal', locator: `${LAMICTAL_T1}: highest usual maintenance 300–500 mg/day (with enzyme inducers)` },
    retitrationNote: {
      source: 'label-lamictal', locator: '2.1 General dosing considerations',
      text: 'Do not restart lamotrigine in a patient who stopped it because of a rash associated with lamotrigine unless the potential benefits clearly outweigh the risks. The epilepsy escalation (Table 1) is used; the bipolar escalation reaches its target faster and is not used.',
    },
    hazard: {
      code: 'LAMOTRIGINE_RETITRATION',
      message: 'Restarting lamotrigine above the initial dosing after more than 5 half-lives off raises the risk of serious rash, including Stevens-Johnson syndrome and toxic epidermal necrolysis. Follow the initial escalation; do not restart if the drug was stopped for a rash unless the benefit clearly outweighs the risk.',
      sources: ['label-lamictal'],
    },
    defaultFormulation: 'tablet',
    formulations: [{
      id: 'tablet', name: 'tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
      strengths: UNSCORED('25', '100', '150', '200'),
      strengthsSource: { source: 'label-lamictal', locator: '16 How Supplied: tablets 25, 100, 150 and 200 mg' },
      maxTimesPerDay: { value: 2, assumption: TIMES }, maxSingleDose: { value: '500', assumption: IMPLAUSIBLE },
      maxDailyDose: { value: '500', source: 'label-lamictal', locator: `${LAMICTAL_T1}: maintenance up to 500 mg/day` },
    }],
  },
  {
    id: 'quetiapine', drugClass: 'labelled-restart', genericName: 'quetiapine', displayName: 'QUEtiapine', brandNames: ['Seroquel'],
    displayNameSource: { source: 'ismp-tall-man-2023', locator: 'QUEtiapine – OLANZapine' },
    rxnorm: { value: '51272', source: 'rxnorm', locator: 'RXCUI 51272 (quetiapine, ingredient)' },
    interactionCategories: ['cns-depressant', 'qt-prolonging', 'antipsychotic'],
    rule: 'quetiapine',
    threshold: {
      kind: 'daysOff-at-least',
      value: { value: 7, source: 'label-seroquel', locator: 'Reinitiation of treatment in patients previously discontinued: off < 1 week, titration not required; off > 1 week, follow the initial titration schedule (time off counted from the last dose; exactly 1 week counted as re-titrate, the conservative reading)' },
      rule: 'the label re-titrates QUEtiapine after more than 1 week off (counted from the last dose; exactly 1 week is counted as re-titrate)',
    },
    schedules: [{
      id: 'initial', when: 'label initial schedule (schizophrenia, adults)',
      stages: { value: [{ days: 1, daily: '50', timesPerDay: 2 }], source: 'label-seroquel', locator: '2.1 Schizophrenia, adults: initial dose 25 mg twice daily' },
      phases: [{ daily: { value: '50', source: 'label-seroquel', locator: '2.1: total daily dose increases of 25–50 mg on days 2 and 3, then increments of 25–50 mg divided twice daily (50 mg/day per step)' }, intervalDays: { value: 2, source: 'label-seroquel', locator: '2.1: further adjustments at intervals of not less than 2 days (used from day 2: 50 mg per 2 days is the same average as the lower 25 mg/day on days 2–3)' } }],
    }],
    maxDailyDose: { value: '750', source: 'label-seroquel', locator: '2.2: schizophrenia maximum 750 mg/day (bipolar mania 800; the lower is taken)' },
    hazard: {
      code: 'QUETIAPINE_RETITRATION',
      message: 'After more than 1 week off QUEtiapine the label asks for the initial titration: orthostatic hypotension, dizziness and syncope are most likely at the start.',
      sources: ['label-seroquel'],
    },
    defaultFormulation: 'tablet',
    formulations: [{
      id: 'tablet', name: 'immediate-release tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
      strengths: UNSCORED('25', '50', '100', '200', '300', '400'),
      strengthsSource: { source: 'label-seroquel', locator: '16 How Supplied: 25, 50, 100, 200, 300 and 400 mg tablets' },
      maxTimesPerDay: { value: 3, assumption: TIMES }, maxSingleDose: { value: '800', assumption: IMPLAUSIBLE },
      maxDailyDose: { value: '750', source: 'label-seroquel', locator: '2.2: schizophrenia maximum 750 mg/day' },
    }],
  },
  {
    id: 'carbamazepine', drugClass: 'labelled-restart', genericName: 'carbamazepine', displayName: 'carBAMazepine', brandNames: ['Tegretol', 'Tegretol XR', 'Epitol'],
    displayNameSource: { source: 'ismp-tall-man-2023', locator: 'Table 2: OXcarbazepine – carBAMazepine (also in the 2008 ISMP Table 2)' },
    // carBAMazepine: ISMP Table 2 pairs it with OXcarbazepine (seen in a copy of the ISMP table, checked 2026-11-28).
    rxnorm: { value: '2002', source: 'rxnorm', locator: 'RXCUI 2002 (carbamazepine, ingredient)' },
    interactionCategories: ['enzyme-inducer', 'cns-depressant', 'cyp3a4-inducer', 'antiepileptic'],
    rule: 'carbamazepine',
    threshold: {
      kind: 'missedDays-more-than',
      value: { value: 2, assumption: 'carbamazepine-retitrate-after-2-missed-days' },
      rule: 'autoinduction reverses after a break, so the induced maintenance dose gives higher levels than before: re-titrate after more than 2 missed days (engine assumption)',
    },
    schedules: [{
      id: 'initial', when: 'label start (epilepsy, over 12 years)',
      stages: { value: [{ days: 7, daily: '400', timesPerDay: 2 }], source: 'label-tegretol', locator: '2.x Epilepsy, adults and children over 12: initial 200 mg twice daily' },
      phases: [{ daily: { value: '200', source: 'label-tegretol', locator: '2.x: increase at weekly intervals by adding up to 200 mg/day' }, intervalDays: { value: 7, source: 'label-tegretol', locator: '2.x: weekly intervals' } }],
    }],
    maxDailyDose: { value: '1200', source: 'label-tegretol', locator: '2.x: over 15 years generally not above 1,200 mg/day (1,600 mg/day rarely)' },
    hazard: {
      code: 'CARBAMAZEPINE_AUTOINDUCTION',
      message: 'carBAMazepine induces its own metabolism over 3–5 weeks and the induction reverses after a break: the old maintenance dose can give toxic levels (ataxia, diplopia, hyponatraemia, arrhythmia). Re-titrate and check serum levels (usual range 4–12 mcg/mL). Contraindicated within 14 days of an MAOI.',
      sources: ['label-tegretol'],
    },
    defaultFormulation: 'tablet',
    formulations: [
      {
        id: 'tablet', name: 'tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
        strengths: UNSCORED('200'),
        strengthsSource: { source: 'label-tegretol', locator: 'How Supplied: 200 mg tablets' },
        maxTimesPerDay: { value: 4, assumption: TIMES }, maxSingleDose: { value: '800', assumption: IMPLAUSIBLE },
        maxDailyDose: { value: '1200', source: 'label-tegretol', locator: '2.x: generally not above 1,200 mg/day' },
      },
      {
        id: 'chewable', name: 'chewable tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
        strengths: UNSCORED('100', '200'),
        strengthsSource: { source: 'label-tegretol', locator: 'How Supplied: 100 mg chewable tablets (200 mg chewable generics)' },
        maxTimesPerDay: { value: 4, assumption: TIMES }, maxSingleDose: { value: '800', assumption: IMPLAUSIBLE },
        maxDailyDose: { value: '1200', source: 'label-tegretol', locator: '2.x: generally not above 1,200 mg/day' },
      },
    ],
  },
  {
    id: 'gabapentin', drugClass: 'labelled-restart', genericName: 'gabapentin', displayName: 'gabapentin', brandNames: ['Neurontin'],
    rxnorm: { value: '25480', source: 'rxnorm', locator: 'RXCUI 25480 (gabapentin, ingredient)' },
    interactionCategories: ['gabapentinoid', 'cns-depressant'],
    rule: 'gabapentinoid',
    threshold: {
      kind: 'missedDays-more-than',
      value: { value: 2, assumption: 'gabapentinoid-retitrate-after-2-missed-days' },
      rule: 'restart the label titration after more than 2 missed days (engine assumption; the label gives no threshold)',
    },
    schedules: [{
      id: 'initial', when: 'label titration (postherpetic neuralgia)',
      stages: {
        value: [{ days: 1, daily: '300', timesPerDay: 1 }, { days: 1, daily: '600', timesPerDay: 2 }, { days: 7, daily: '900', timesPerDay: 3 }],
        source: 'label-neurontin', locator: '2.1 Postherpetic neuralgia: single 300 mg dose on day 1, 600 mg/day on day 2 (divided twice daily), 900 mg/day on day 3 (divided three times daily); held 7 days before the next rise (engine assumption gabapentinoid-step-weekly)',
      },
      phases: [{ daily: { value: '300', assumption: 'gabapentinoid-step-weekly' }, intervalDays: { value: 7, assumption: 'gabapentinoid-step-weekly' } }],
    }],
    maxDailyDose: { value: '3600', source: 'label-neurontin', locator: '2.2 Epilepsy: up to 3,600 mg/day' },
    renal: {
      bands: {
        value: [
          { fromCrCl: 60, label: '≥ 60', minDaily: '900', maxDaily: '3600', maxTimesPerDay: 3 },
          { fromCrCl: 30, label: '30–59', minDaily: '400', maxDaily: '1400', maxTimesPerDay: 2 },
          { fromCrCl: 15, label: '15–29', minDaily: '200', maxDaily: '700', maxTimesPerDay: 1 },
          { fromCrCl: 0, label: '< 15', minDaily: '100', maxDaily: '300', maxTimesPerDay: 1 },
        ],
        source: 'label-neurontin', locator: `${NEURONTIN_RENAL}: ≥ 60 mL/min 900–3600 mg/day TID; 30–59 400–1400 BID; 15–29 200–700 once daily; < 15 100–300 once daily`,
      },
      hemodialysisSupplement: { value: '125–350 mg', source: 'label-neurontin', locator: `${NEURONTIN_RENAL}: hemodialysis, supplemental dose 125–350 mg after each 4-hour session` },
    },
    hazard: {
      code: 'GABAPENTINOID_RESPIRATORY',
      message: 'Gabapentinoids can cause serious breathing problems in patients with respiratory risk factors (opioids or other CNS depressants, COPD, older age). Start at the lowest dose and monitor for sedation and respiratory depression. Reduce the dose in renal impairment.',
      sources: ['fda-gabapentinoid-2019'],
    },
    defaultFormulation: 'capsule',
    formulations: [
      {
        id: 'capsule', name: 'capsule', route: 'oral', release: 'immediate', unitForm: 'capsule', unit: 'mg',
        strengths: UNSCORED('100', '300', '400'),
        strengthsSource: { source: 'label-neurontin', locator: '16 How Supplied: capsules 100, 300 and 400 mg' },
        maxTimesPerDay: { value: 3, assumption: TIMES }, maxSingleDose: { value: '1200', assumption: IMPLAUSIBLE },
        maxDailyDose: { value: '3600', source: 'label-neurontin', locator: '2.2: up to 3,600 mg/day' },
      },
      {
        id: 'tablet', name: 'tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg',
        strengths: UNSCORED('600', '800'),
        strengthsSource: { source: 'label-neurontin', locator: '16 How Supplied: tablets 600 and 800 mg' },
        maxTimesPerDay: { value: 3, assumption: TIMES }, maxSingleDose: { value: '1200', assumption: IMPLAUSIBLE },
        maxDailyDose: { value: '3600', source: 'label-neurontin', locator: '2.2: up to 3,600 mg/day' },
      },
    ],
  },
  {
    id: 'pregabalin', drugClass: 'labelled-restart', genericName: 'pregabalin', displayName: 'pregabalin', brandNames: ['Lyrica'],
    rxnorm: { value: '187832', source: 'rxnorm', locator: 'RXCUI 187832 (pregabalin, ingredient; not cross-checked here)' },
    interactionCategories: ['gabapentinoid', 'cns-depressant'],
    rule: 'gabapentinoid',
    threshold: {
      kind: 'missedDays-more-than',
      value: { value: 2, assumption: 'gabapentinoid-retitrate-after-2-missed-days' },
      rule: 'restart the label titration after more than 2 missed days (engine assumption; the label gives no threshold)',
    },
    schedules: [{
      id: 'initial', when: 'label start (neuropathic pain)',
      stages: { value: [{ days: 7, daily: '150', timesPerDay: 2 }], source: 'label-lyrica', locator: '2.2: begin at 75 mg twice daily (150 mg/day); may increase to 300 mg/day within 1 week' },
      phases: [
        { daily: { value: '150', source: 'label-lyrica', locator: '2.2 Postherpetic neuralgia: 150 → 300 mg/day within 1 week' }, intervalDays: { value: 7, source: 'label-lyrica', locator: '2.2: within 1 week (7 days taken)' }, upTo: { value: '300', source: 'label-lyrica', locator: '2.2: 300 mg/day' } },
        { daily: { value: '300', source: 'label-lyrica', locator: '2.2: 600 mg/day only after 2–4 weeks at 300 mg/day' }, intervalDays: { value: 28, source: 'label-lyrica', locator: '2.2: after 2–4 weeks (4 weeks taken, the longer)' } },
      ],
    }],
    maxDailyDose: { value: '600', source: 'label-lyrica', locator: '2.2: maximum 600 mg/day' },
    renal: {
      bands: {
        value: [
          { fromCrCl: 60, fromExclusive: true, label: '≥ 60', minDaily: '150', maxDaily: '600', maxTimesPerDay: 3 },
          { fromCrCl: 30, fromExclusive: true, label: '30–60', minDaily: '75', maxDaily: '300', maxTimesPerDay: 3 },
          { fromCrCl: 15, label: '15–30', minDaily: '25', maxDaily: '150', maxTimesPerDay: 2 },
          { fromCrCl: 0, label: '< 15', minDaily: '25', maxDaily: '75', maxTimesPerDay: 1 },
        ],
        source: 'label-lyrica', locator: `${LYRICA_RENAL}: ≥ 60 mL/min 150–600 mg/day BID or TID; 30–60 75–300 BID or TID; 15–30 25–150 once daily or BID; < 15 25–75 once daily`,
      },
      hemodialysisSupplement: { value: '25–100 mg', source: 'label-lyrica', locator: `${LYRICA_RENAL}: hemodialysis, supplemental dose 25–100 mg after each session` },
    },
    hazard: {
      code: 'GABAPENTINOID_RESPIRATORY',
      message: 'Gabapentinoids can cause serious breathing problems in patients with respiratory risk factors (opioids or other CNS depressants, COPD, older age). Start at the lowest dose and monitor for sedation and respiratory depression. Reduce the dose in renal impairment.',
      sources: ['fda-gabapentinoid-2019'],
    },
    defaultFormulation: 'capsule',
    formulations: [{
      id: 'capsule', name: 'capsule', route: 'oral', release: 'immediate', unitForm: 'capsule', unit: 'mg',
      strengths: UNSCORED('25', '50', '75', '100', '150', '200', '225', '300'),
      strengthsSource: { source: 'label-lyrica', locator: '16 How Supplied: capsules 25, 50, 75, 100, 150, 200, 225 and 300 mg' },
      maxTimesPerDay: { value: 3, assumption: TIMES }, maxSingleDose: { value: '600', assumption: IMPLAUSIBLE },
      maxDailyDose: { value: '600', source: 'label-lyrica', locator: '2.2: maximum 600 mg/day' },
    }],
  },
]);
