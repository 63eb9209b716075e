/**
 * The form's model: its values (all text as typed, so nothing is ever lost), the lean schema that
 * checks only the SHAPE of what was typed, the conversion to an engine request, and the mapping of
 * the engine's field errors back onto form fields. Clinical rules live in the engine, not here.
 */
import * as z from 'zod/mini';
import type { DrugDescription, FieldError } from '../engine/index.ts';

import { PATIENT_FLAGS, PATIENT_HISTORY_FLAGS, type PatientFlag, type PatientHistoryFlag } from '../engine/types.ts';
import { daysBetween } from './dates.ts';

export { PATIENT_FLAGS, PATIENT_HISTORY_FLAGS, type PatientFlag, type PatientHistoryFlag };

/** The yes/no factors shown as checkboxes in the main Patient group (hepatic impairment is a graded choice). */
export const MAIN_FLAGS = PATIENT_FLAGS.filter((flag) => flag !== 'hepaticImpairment');

export const HISTORY_FLAG_LABELS: Record<PatientHistoryFlag, string> = {
  seizureHistory: 'History of seizures',
  historyOfFalls: 'History of falls',
  complexSleepBehaviorHistory: 'Complex sleep behaviour (e.g. sleep-walking, sleep-driving) on a hypnotic',
  smokedBeforeBreak: 'Smoked tobacco before the break',
  smokesNow: 'Smokes tobacco now',
  hemodialysis: 'On hemodialysis',
};

/** Dates of one concurrent medicine, as typed. */
export interface ConcurrentDates {
  startedOn: string;
  stoppedOn: string;
}

export const FLAG_LABELS: Record<PatientFlag, string> = {
  hepaticImpairment: 'Hepatic impairment',
  renalImpairment: 'Renal impairment',
  respiratoryDisease: 'Respiratory disease (e.g. COPD)',
  sleepApnea: 'Sleep apnea',
  overdoseHistory: 'History of overdose',
  substanceUseDisorder: 'Substance use disorder',
  alcoholUse: 'Regular or heavy alcohol use',
};

/** Another medicine of the same class taken before the break (`additionalPrior[i]`), as typed. */
export interface PriorRow {
  /** Stable key of the row (React key and element ids); not sent. */
  id: string;
  drug: string;
  formulation: string;
  dose: string;
  timesPerDay: string;
  asNeeded: boolean;
}

/** Most rows the form offers: the engine's MAX_ADDITIONAL_PRIOR (a longer list is refused as a data error). */
export const MAX_PRIOR_ROWS = 8;

/** Classes whose prior medicines add up (opioids in MME, benzodiazepines in mg diazepam). */
export function rowsOffered(drugClass: string | undefined): boolean {
  return drugClass === 'opioid' || drugClass === 'benzodiazepine';
}

export interface FormValues {
  /** What is typed in the drug search box. */
  drugQuery: string;
  /** The chosen drug id ('' until one is chosen). */
  drug: string;
  formulation: string;
  dose: string;
  timesPerDay: string;
  priorDurationDays: string;
  lastDoseDate: string;
  restartDate: string;
  /** Days from the last dose to the restart: another way to give the last dose date, kept in sync with it (not sent). */
  daysSinceLastDose: string;
  ageYears: string;
  hepaticImpairment: boolean;
  renalImpairment: boolean;
  respiratoryDisease: boolean;
  sleepApnea: boolean;
  overdoseHistory: boolean;
  substanceUseDisorder: boolean;
  alcoholUse: boolean;
  concurrentQuery: string;
  concurrent: string[];
  /** Started / stopped dates of the chosen concurrent medicines, by drug id ('' when not known). */
  concurrentDates: Record<string, ConcurrentDates>;
  breakReason: string;
  /** Hepatic impairment grade: '' (not stated), none, mild, moderate, severe. */
  hepaticGrade: string;
  /** '' (not stated), female, male, unknown. */
  sex: string;
  creatinineClearanceMlMin: string;
  /** '' (not recorded), none, mild, significant, severe. */
  withdrawalSymptomsNow: string;
  seizureHistory: boolean;
  historyOfFalls: boolean;
  complexSleepBehaviorHistory: boolean;
  smokedBeforeBreak: boolean;
  smokesNow: boolean;
  hemodialysis: boolean;
  acetaminophenOtherSourcesMgPerDay: string;
  keepProduct: boolean;
  priorAsNeeded: boolean;
  priorNonPrescribed: boolean;
  /** Other medicines of the same class taken before the break. */
  additionalPrior: PriorRow[];
  indication: string;
  /** '' (not answered), 'yes' or 'no'. */
  fullAgonistUsedDuringBreak: string;
  qtcMs: string;
}

export type FieldName = keyof FormValues;

/** Today's date in the browser's time zone (the UI may read the clock; the engine never does). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyValues(today: string = todayIso()): FormValues {
  return {
    drugQuery: '',
    drug: '',
    formulation: '',
    dose: '',
    timesPerDay: '',
    priorDurationDays: '',
    lastDoseDate: '',
    restartDate: today,
    daysSinceLastDose: '',
    ageYears: '',
    hepaticImpairment: false,
    renalImpairment: false,
    respiratoryDisease: false,
    sleepApnea: false,
    overdoseHistory: false,
    substanceUseDisorder: false,
    alcoholUse: false,
    concurrentQuery: '',
    concurrent: [],
    concurrentDates: {},
    breakReason: '',
    hepaticGrade: '',
    sex: '',
    creatinineClearanceMlMin: '',
    withdrawalSymptomsNow: '',
    seizureHistory: false,
    historyOfFalls: false,
    complexSleepBehaviorHistory: false,
    smokedBeforeBreak: false,
    smokesNow: false,
    hemodialysis: false,
    acetaminophenOtherSourcesMgPerDay: '',
    keepProduct: false,
    priorAsNeeded: false,
    priorNonPrescribed: false,
    additionalPrior: [],
    indication: '',
    fullAgonistUsedDuringBreak: '',
    qtcMs: '',
  };
}

/**
 * Longest text a form field takes (`maxLength` on every text input): the engine's MAX_TEXT_LENGTH, so a paste of a
 * megabyte is cut by the browser before any code sees it.
 */
export const MAX_INPUT_LENGTH = 100;
/** Most concurrent medicines kept from storage (the engine's MAX_LIST_LENGTH). */
export const MAX_STORED_LIST = 400;

/**
 * Accept only known keys of the right type and size from stored (untrusted) values; anything else falls back to
 * the empty form's value. A corrupted or huge stored form (e.g. a 100,000-digit dose saved before the length cap)
 * can then never freeze the page on reload.
 */
export function mergeStored(stored: unknown, today: string = todayIso()): FormValues {
  const values = emptyValues(today);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return values;
  const record = stored as Record<string, unknown>;
  const target = values as unknown as Record<string, unknown>;
  const fits = (item: unknown): item is string => typeof item === 'string' && item.length <= MAX_INPUT_LENGTH;
  for (const key of Object.keys(values) as FieldName[]) {
    const current = target[key];
    const next = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (key === 'additionalPrior') {
      values.additionalPrior = storedRows(next);
    } else if (Array.isArray(current)) {
      if (Array.isArray(next) && next.length <= MAX_STORED_LIST) target[key] = [...new Set(next.filter(fits))];
    } else if (key === 'concurrentDates') {
      values.concurrentDates = storedDates(next);
    } else if (typeof current === 'string' ? fits(next) : typeof next === typeof current) {
      target[key] = next;
    }
  }
  // Forms stored before the grade existed had a yes/no hepatic impairment: yes reads as moderate, as in the engine.
  if (values.hepaticGrade === '' && values.hepaticImpairment) values.hepaticGrade = 'moderate';
  if (values.daysSinceLastDose === '') {
    const days = daysBetween(values.lastDoseDate, values.restartDate);
    if (days !== null && days >= 0) values.daysSinceLastDose = String(days);
  }
  return values;
}

function storedRows(stored: unknown): PriorRow[] {
  if (!Array.isArray(stored)) return [];
  const fits = (item: unknown) => (typeof item === 'string' && item.length <= MAX_INPUT_LENGTH ? item : '');
  return stored
    .slice(0, MAX_PRIOR_ROWS)
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row, index) => ({ id: `s${index}`, drug: fits(row.drug), formulation: fits(row.formulation), dose: fits(row.dose), timesPerDay: fits(row.timesPerDay), asNeeded: row.asNeeded === true }));
}

function storedDates(stored: unknown): Record<string, ConcurrentDates> {
  const dates: Record<string, ConcurrentDates> = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return dates;
  // Untrusted storage: as many entries as the concurrent list keeps, short ids, and date-sized strings only.
  const date = (value: unknown) => (typeof value === 'string' && value.length <= 10 ? value : '');
  for (const [id, entry] of Object.entries(stored as Record<string, unknown>).slice(0, MAX_STORED_LIST)) {
    if (typeof entry !== 'object' || entry === null || id.length > MAX_INPUT_LENGTH) continue;
    const record = entry as Record<string, unknown>;
    dates[id] = { startedOn: date(record.startedOn), stoppedOn: date(record.stoppedOn) };
  }
  return dates;
}

const optional = (pattern: RegExp, message: string) => z.string().check(z.regex(pattern, message));
const WHOLE = /^\s*(\d+)?\s*$/;
const DATE = /^\s*(\d{4}-\d{2}-\d{2})?\s*$/;

/** Shape checks on the typed text only; the engine judges the values. */
export const formSchema = z.object({
  dose: optional(/^\s*((\d+(\.\d+)?)|(\.\d+))?\s*$/, 'Enter the dose as a number, e.g. 10 or 2.5 (no units or letters).'),
  timesPerDay: optional(WHOLE, 'Enter times per day as a whole number, e.g. 4.'),
  priorDurationDays: optional(WHOLE, 'Enter the number of days as a whole number, e.g. 90.'),
  lastDoseDate: optional(DATE, 'Write the date as YYYY-MM-DD, e.g. 2026-11-01.'),
  restartDate: optional(DATE, 'Write the date as YYYY-MM-DD, e.g. 2026-11-28.'),
  daysSinceLastDose: optional(WHOLE, 'Enter the days since the last dose as a whole number, e.g. 27.'),
  ageYears: optional(/^\s*(\d+(\.\d+)?)?\s*$/, 'Enter the age as a number of years, e.g. 54.'),
  qtcMs: optional(WHOLE, 'Enter QTc as a whole number of milliseconds, e.g. 440.'),
  creatinineClearanceMlMin: optional(/^\s*(\d+(\.\d+)?)?\s*$/, 'Enter creatinine clearance as a number of mL/min, e.g. 45.'),
  acetaminophenOtherSourcesMgPerDay: optional(WHOLE, 'Enter acetaminophen from other sources as whole mg a day, e.g. 1000.'),
});

function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function findFormulation(drug: DrugDescription | undefined, id: string) {
  if (!drug) return undefined;
  return drug.formulations.find((f) => f.id === id) ?? drug.formulations.find((f) => f.id === drug.defaultFormulation);
}

/** The engine request for the current form values (untyped JSON, as the engine's contract takes it). */
export function toRequest(values: FormValues, drugs: readonly DrugDescription[]): Record<string, unknown> {
  const drug = drugs.find((d) => d.id === values.drug);
  const formulation = findFormulation(drug, values.formulation);
  const isPatch = formulation?.unitForm === 'patch';
  const patient: Record<string, unknown> = {};
  const age = numberOrUndefined(values.ageYears);
  if (age !== undefined) patient.ageYears = age;
  for (const flag of MAIN_FLAGS) patient[flag] = values[flag];
  patient.hepaticImpairment = values.hepaticGrade || false;
  for (const flag of PATIENT_HISTORY_FLAGS) if (values[flag]) patient[flag] = true;
  if (values.sex) patient.sex = values.sex;
  if (values.withdrawalSymptomsNow) patient.withdrawalSymptomsNow = values.withdrawalSymptomsNow;
  const crcl = numberOrUndefined(values.creatinineClearanceMlMin);
  if (crcl !== undefined) patient.creatinineClearanceMlMin = crcl;
  const request: Record<string, unknown> = {
    drug: values.drug,
    ...(formulation ? { formulation: formulation.id } : {}),
    prior: {
      dose: values.dose.trim(),
      ...(formulation ? { unit: formulation.unit } : {}),
      ...(isPatch ? {} : { timesPerDay: numberOrUndefined(values.timesPerDay) }),
      ...(values.priorAsNeeded && !isPatch ? { asNeeded: true } : {}),
      ...(values.priorNonPrescribed ? { nonPrescribed: true } : {}),
    },
    priorDurationDays: numberOrUndefined(values.priorDurationDays),
    lastDoseDate: values.lastDoseDate.trim(),
    restartDate: values.restartDate.trim(),
    patient,
    concurrent: values.concurrent.map((id) => {
      const dates = values.concurrentDates[id];
      const startedOn = dates?.startedOn.trim() ?? '';
      const stoppedOn = dates?.stoppedOn.trim() ?? '';
      return startedOn || stoppedOn ? { drug: id, ...(startedOn ? { startedOn } : {}), ...(stoppedOn ? { stoppedOn } : {}) } : id;
    }),
  };
  if (rowsOffered(drug?.class) && values.additionalPrior.length) {
    request.additionalPrior = values.additionalPrior.map((row) => {
      const rowDrug = drugs.find((d) => d.id === row.drug);
      const rowForm = findFormulation(rowDrug, row.formulation);
      const rowPatch = rowForm?.unitForm === 'patch';
      return {
        drug: row.drug,
        formulation: rowForm?.id ?? row.formulation,
        dose: row.dose.trim(),
        ...(rowForm ? { unit: rowForm.unit } : {}),
        ...(rowPatch ? {} : { timesPerDay: numberOrUndefined(row.timesPerDay) }),
        asNeeded: row.asNeeded && !rowPatch,
      };
    });
  }
  const acetaminophen = numberOrUndefined(values.acetaminophenOtherSourcesMgPerDay);
  if (acetaminophen !== undefined) request.acetaminophenOtherSourcesMgPerDay = acetaminophen;
  if (values.keepProduct) request.keepProduct = true;
  if (values.breakReason) request.breakReason = values.breakReason;
  const fields = drug?.fields ?? [];
  if (fields.includes('indication') && values.indication) request.indication = values.indication;
  if (fields.includes('fullAgonistUsedDuringBreak') && values.fullAgonistUsedDuringBreak) {
    request.fullAgonistUsedDuringBreak = values.fullAgonistUsedDuringBreak === 'yes';
  }
  const qtc = numberOrUndefined(values.qtcMs);
  if (fields.includes('qtcMs') && qtc !== undefined) request.qtcMs = qtc;
  return request;
}

const PATH_TO_FIELD: Record<string, FieldName> = {
  '': 'drug',
  drug: 'drug',
  formulation: 'formulation',
  prior: 'dose',
  'prior.dose': 'dose',
  'prior.unit': 'dose',
  'prior.timesPerDay': 'timesPerDay',
  'prior.daysPerWeek': 'timesPerDay',
  priorDurationDays: 'priorDurationDays',
  lastDoseDate: 'lastDoseDate',
  restartDate: 'restartDate',
  patient: 'ageYears',
  'patient.ageYears': 'ageYears',
  'patient.hepaticImpairment': 'hepaticGrade',
  'patient.sex': 'sex',
  'patient.creatinineClearanceMlMin': 'creatinineClearanceMlMin',
  'patient.withdrawalSymptomsNow': 'withdrawalSymptomsNow',
  'prior.asNeeded': 'priorAsNeeded',
  'prior.nonPrescribed': 'priorNonPrescribed',
  acetaminophenOtherSourcesMgPerDay: 'acetaminophenOtherSourcesMgPerDay',
  keepProduct: 'keepProduct',
  concurrent: 'concurrent',
  breakReason: 'breakReason',
  indication: 'indication',
  fullAgonistUsedDuringBreak: 'fullAgonistUsedDuringBreak',
  qtcMs: 'qtcMs',
};

/** The form field an engine error path belongs to (`concurrent.2` → `concurrent`). */
export function fieldForPath(path: string): FieldName {
  const direct = PATH_TO_FIELD[path];
  if (direct) return direct;
  if (path.startsWith('concurrent.')) return 'concurrent';
  if (path.startsWith('additionalPrior')) return 'additionalPrior';
  const flag = path.replace(/^patient\./, '');
  if ((PATIENT_FLAGS as readonly string[]).includes(flag)) return flag as PatientFlag;
  if ((PATIENT_HISTORY_FLAGS as readonly string[]).includes(flag)) return flag as PatientHistoryFlag;
  return 'drug';
}

/** The first engine error for each form field, by field name. */
export function engineErrorsByField(errors: readonly FieldError[]): Partial<Record<FieldName, FieldError>> {
  const byField: Partial<Record<FieldName, FieldError>> = {};
  for (const error of errors) {
    // A row's own errors show on the row's fields (rowErrors); only the list's own errors go on the list.
    if (error.path.startsWith('additionalPrior.')) continue;
    const field = fieldForPath(error.path);
    if (!byField[field]) byField[field] = error;
  }
  return byField;
}

export const FIELD_LABELS: Record<FieldName, string> = {
  drugQuery: 'Drug',
  drug: 'Drug',
  formulation: 'Formulation',
  dose: 'Dose per administration',
  timesPerDay: 'Times per day',
  priorDurationDays: 'Days taken before the break',
  lastDoseDate: 'Last dose date',
  restartDate: 'Restart date',
  daysSinceLastDose: 'Days since the last dose',
  ageYears: 'Age (years)',
  ...FLAG_LABELS,
  concurrentQuery: 'Concurrent medicines',
  concurrent: 'Concurrent medicines',
  concurrentDates: 'Concurrent medicines',
  hepaticGrade: 'Hepatic impairment',
  sex: 'Sex',
  creatinineClearanceMlMin: 'Creatinine clearance (mL/min)',
  withdrawalSymptomsNow: 'Withdrawal symptoms now',
  ...HISTORY_FLAG_LABELS,
  acetaminophenOtherSourcesMgPerDay: 'Acetaminophen from other sources (mg a day)',
  keepProduct: 'Keep the extended-release product',
  priorAsNeeded: 'Taken as needed',
  priorNonPrescribed: 'Non-prescribed use',
  additionalPrior: 'Other medicines before the break',
  breakReason: 'Reason for the break',
  indication: 'Indication',
  fullAgonistUsedDuringBreak: 'Full agonist used during the break',
  qtcMs: 'QTc (ms)',
};

/** Words for the engine's break reasons; an unknown reason shows its id. */
export const BREAK_REASON_LABELS: Record<string, string> = {
  incarceration: 'Prison or jail',
  detox: 'Detoxification or withdrawal',
  hospitalization: 'Hospital stay',
  nonadherence: 'Stopped taking it',
  supply: 'Ran out or lost supply',
  'adverse-effect': 'Side effect',
  other: 'Other',
};
