/**
 * Request validation, in two layers (see src/engine/schema/request.ts): the zod schema checks the structure and
 * says each field's error; the drug rules here check what depends on the drug, on the fields the schema accepted.
 * Every problem is reported at once, each as `{ path, code, message }` with the request's field path, so a form can
 * show each message beside its field.
 */
import type { Decimal } from 'decimal.js';
import type { FormulationBase } from '../protocols/types.ts';
import { D } from './decimal.ts';
import { formatAmount, formatDose, truncateForMessage } from './format.ts';
import { isRecord, parseAmount, shownValue } from './input.ts';
import { catalogDrug, findDrug, findFormulation, isKnownConcurrent } from './registry.ts';
import { fieldErrors } from './schema/errors.ts';
import { additionalPriorEntrySchema, patientSchema, priorSchema, requestSchema, requestShape, type RequestInput } from './schema/request.ts';
import { makeExactly } from './strengths.ts';
import {
  PATIENT_FLAGS,
  PATIENT_HISTORY_FLAGS,
  type ConcurrentMedication,
  type FieldError,
  type HepaticGrade,
  type PatientFactors,
  type PriorMedicine,
  type RestartRequest,
} from './types.ts';
import type { AnyDrug } from '../protocols/index.ts';

export {
  isRecord,
  MAX_ADDITIONAL_PRIOR,
  MAX_AGE_YEARS,
  MAX_CREATININE_CLEARANCE,
  MAX_OTHER_ACETAMINOPHEN_MG,
  MAX_PRIOR_DURATION_DAYS,
  MAX_TIMES_PER_DAY,
  parseAmount,
  quotedValue,
  shownValue,
} from './input.ts';

/** Longest text any field takes (drug ids, units, dates and decimal doses are far shorter). */
export const MAX_TEXT_LENGTH = 100;
/** Longest list (concurrent medicines, proposed steps, administrations) and most keys in one object. */
export const MAX_LIST_LENGTH = 400;
/** Deepest nesting of objects and lists (the deepest real field, `request.proposed.0.administrations.1`, is at 5). */
export const MAX_DEPTH = 8;
/** Most values in one input, all levels together. */
export const MAX_VALUES = 20_000;
/** Significant digits the engine's decimals carry (decimal.ts): a dose with more cannot be computed exactly. */
export const MAX_SIGNIFICANT_DIGITS = 20;

export type Validated =
  | { readonly ok: true; readonly request: RestartRequest; readonly drug: AnyDrug; readonly formulation: FormulationBase }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** A dose for a message: ISMP format, cut at 40 characters. */
export function shownDose(amount: Decimal, unit: string): string {
  return `${truncateForMessage(formatAmount(amount))} ${unit}`;
}

/**
 * Structural limits on raw JSON, checked before any field is read: text length, list length, nesting
 * depth and the number of values. Hostile input (a megabyte of digits, lists nested thousands deep, 200,000
 * administrations) gets one error per offending field instead of a hang or a stack overflow. Bounded work:
 * at most MAX_VALUES values are visited and at most 20 errors are reported.
 */
export function inputShapeErrors(input: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const field = (path: string) => (path === '' ? 'The input' : `The field ${path}`);
  let visited = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (errors.length >= 20) return;
    visited += 1;
    if (visited > MAX_VALUES) {
      if (visited === MAX_VALUES + 1) {
        errors.push({ path: root, code: 'too-large', message: `The input has more than ${MAX_VALUES.toLocaleString('en-US')} values. A request or schedule is far smaller: check the input.` });
      }
      return;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_LENGTH) {
        errors.push({ path, code: 'too-long', message: `${field(path)} is ${value.length.toLocaleString('en-US')} characters long; at most ${MAX_TEXT_LENGTH} are accepted. Check what was entered.` });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      errors.push({ path, code: 'too-deep', message: `${field(path)} is nested more than ${MAX_DEPTH} levels deep. No field of a request is.` });
      return;
    }
    const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_LENGTH) {
        errors.push({ path, code: 'too-many', message: `${field(path)} has ${value.length.toLocaleString('en-US')} entries; at most ${MAX_LIST_LENGTH} are accepted.` });
        return;
      }
      for (let i = 0; i < value.length && errors.length < 20; i++) visit(value[i], join(i), depth + 1);
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_LIST_LENGTH) {
      errors.push({ path, code: 'too-many', message: `${field(path)} has ${keys.length.toLocaleString('en-US')} fields; at most ${MAX_LIST_LENGTH} are accepted.` });
      return;
    }
    for (const key of keys) {
      if (errors.length >= 20) return;
      if (key.length > MAX_TEXT_LENGTH) {
        errors.push({ path, code: 'too-long', message: `${field(path)} has a field name ${key.length.toLocaleString('en-US')} characters long; at most ${MAX_TEXT_LENGTH} are accepted.` });
        continue;
      }
      visit((value as Record<string, unknown>)[key], join(key), depth + 1);
    }
  };
  visit(input, root, 0);
  return errors;
}

/** A dose with more significant digits than the engine's decimals carry: an error message, else null. */
export function precisionProblem(amount: Decimal, unit: string): string | null {
  if (amount.sd() <= MAX_SIGNIFICANT_DIGITS) return null;
  return `${shownDose(amount, unit)} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits: no real strength is that precise, and the engine would round it. Check the dose.`;
}

export function validateRequest(input: unknown): Validated {
  if (!isRecord(input)) return { ok: false, errors: fieldErrors(requestSchema.safeParse(input).error?.issues ?? []) };
  // Limits first: nothing below reads a field that is too long, too deep or too large.
  const shape = inputShapeErrors(input);
  if (shape.length > 0) return { ok: false, errors: shape };

  // Structure: the zod schema (types, required fields, enums, fixed ranges, unknown fields), each field's error as
  // the schema says it. The drug rules below read only the fields it accepted.
  const parsed = requestSchema.safeParse(input);
  let structural = parsed.success ? [] : fieldErrors(parsed.error.issues);
  const fine = (path: string) => !structural.some((e) => e.code !== 'unknown-field' && (path === e.path || path.startsWith(`${e.path}.`)));
  const raw = input as RequestInput;

  const errors: FieldError[] = [];
  const fail = (path: string, code: string, message: string) => errors.push({ path, code, message });

  // Drug and formulation.
  let drug: AnyDrug | undefined;
  let formulation: FormulationBase | undefined;
  if (fine('drug')) {
    drug = findDrug(raw.drug.trim().toLowerCase());
    if (!drug) fail('drug', 'unknown-drug', `"${truncateForMessage(raw.drug)}" is not a drug Retitrate knows. Choose one from the list.`);
  }
  if (drug) formulation = readFormulation(input.formulation, 'formulation', drug, fail);

  // Prior regimen.
  let dose: Decimal | null = null;
  let timesPerDay = 1;
  const prior = fine('prior') ? raw.prior : undefined;
  if (prior) {
    dose = fine('prior.dose') ? parseAmount(prior.dose) : null;
    const regimen = readRegimen(prior, 'prior', drug, formulation, fail, dose, fine);
    if (regimen.timesPerDay !== undefined) timesPerDay = regimen.timesPerDay;
    dose = checkStrength(regimen.dose, 'prior', drug, formulation, fail);
  }

  // Other medicines of the same class taken before the break (issue 13). Where the list is not read (no known drug,
  // a class or planner that does not sum, too many), its entries' structural errors are not reported either.
  const additional = drug ? readAdditionalPrior(raw.additionalPrior, drug, fail, fine) : null;
  if (additional === null) structural = structural.filter((e) => !/^additionalPrior(\.|$)/.test(e.path));
  else if (!fine('additionalPrior')) structural = structural.filter((e) => !/^additionalPrior\./.test(e.path));
  const additionalPrior = additional ?? [];

  const lastDose = fine('lastDoseDate') ? raw.lastDoseDate : null;
  const restart = fine('restartDate') ? raw.restartDate : null;
  if (lastDose && restart && restart < lastDose) {
    fail('restartDate', 'before-last-dose', 'The restart date is before the last dose. Check both dates.');
  }

  // Concurrent drugs: an id, or { drug, startedOn?, stoppedOn? }.
  const concurrent: string[] = [];
  const concurrentHistory: ConcurrentMedication[] = [];
  if (fine('concurrent')) {
    (raw.concurrent ?? []).forEach((entry, index) => {
      const medication = readConcurrent(entry, `concurrent.${index}`, fail, fine);
      if (!medication) return;
      if (drug && medication.drug === drug.id) {
        // The planned drug is not a medicine taken beside itself: counted as one, it would lower the first step.
        fail(
          `concurrent.${index}`,
          'self-concurrent',
          `${drug.displayName} is the drug being restarted, so it cannot also be listed as a concurrent medicine. Remove it from the list (its prior dose is entered above).`,
        );
        return;
      }
      concurrentHistory.push(medication);
      // Stopped on or before the restart date: not taken at the restart (kept in the history for washout rules).
      const stopped = medication.stoppedOn !== undefined && restart !== null && medication.stoppedOn <= restart;
      if (!stopped && !concurrent.includes(medication.drug)) concurrent.push(medication.drug);
    });
  }

  if (raw.indication === undefined && drug && 'requiresIndication' in drug && drug.requiresIndication) {
    fail('indication', 'required', `Say what ${drug.displayName} is prescribed for: pain, or opioid use disorder ("oud"). The restart rules differ.`);
  }

  const all = inFieldOrder([...structural, ...errors]);
  if (all.length > 0 || !parsed.success || !drug || !formulation || !dose || !lastDose || !restart) {
    return { ok: false, errors: all };
  }
  const request: RestartRequest = {
    drug: drug.id,
    formulation: formulation.id,
    prior: {
      dose: { amount: dose, unit: formulation.unit },
      timesPerDay,
      daysPerWeek: parsed.data.prior.daysPerWeek ?? 7,
      asNeeded: parsed.data.prior.asNeeded ?? false,
      nonPrescribed: parsed.data.prior.nonPrescribed ?? false,
    },
    ...(additionalPrior.length > 0 ? { additionalPrior } : {}),
    priorDurationDays: parsed.data.priorDurationDays,
    lastDoseDate: lastDose,
    restartDate: restart,
    patient: patientFactors(parsed.data.patient ?? {}),
    concurrent,
    concurrentHistory,
    ...pick(parsed.data, ['acetaminophenOtherSourcesMgPerDay', 'keepProduct', 'breakReason', 'indication', 'fullAgonistUsedDuringBreak', 'qtcMs']),
  };
  return { ok: true, request, drug, formulation };
}

/** The optional fields of `data` that were given (absent ones stay absent). */
function pick<T extends object, K extends keyof T>(data: T, keys: readonly K[]): { [P in K]?: Exclude<T[P], undefined> } {
  return Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]])) as { [P in K]?: Exclude<T[P], undefined> };
}

/** Fields in the order their errors are reported (the schema's order): the request's, and those of its objects. */
const FIELD_ORDER: Record<string, readonly string[]> = {
  '': Object.keys(requestShape),
  prior: Object.keys(priorSchema.def.shape),
  additionalPrior: Object.keys(additionalPriorEntrySchema.def.shape),
  patient: Object.keys(patientSchema.def.shape),
  concurrent: ['drug', 'startedOn', 'stoppedOn'],
};
/** A dose's strength is checked last, once the rest of its medicine is read. */
const STRENGTH_CODES = new Set(['implausible-dose', 'not-a-real-strength']);

/**
 * Errors field by field in the schema's order (within a list, entry by entry), the schema's before the drug rules'
 * for the same field, a dose's strength after the rest of its medicine; a field the schema does not have, last.
 */
function inFieldOrder(errors: readonly FieldError[]): FieldError[] {
  const position = (fields: readonly string[], field: string | undefined) => {
    if (field === undefined) return -1;
    const index = fields.indexOf(field);
    return index === -1 ? fields.length + 1 : index;
  };
  const rank = (e: FieldError): number[] => {
    const [top = '', ...rest] = e.path.split('.');
    const entry = /^\d+$/.test(rest[0] ?? '') ? Number(rest.shift()) : -1;
    const fields = FIELD_ORDER[top] ?? [];
    const inner = STRENGTH_CODES.has(e.code) ? fields.length : position(fields, rest[0]);
    return [position(FIELD_ORDER['']!, top), entry, inner];
  };
  return errors
    .map((error, index) => ({ error, key: [...rank(error), index] }))
    .sort((a, b) => a.key.reduce((order, value, i) => order || value - b.key[i]!, 0))
    .map((e) => e.error);
}

/** A formulation id of `drug` (its default when absent), as the drug rules read it: the message lists its forms. */
function readFormulation(value: unknown, path: string, drug: AnyDrug, fail: (p: string, c: string, m: string) => void): FormulationBase | undefined {
  const formulationId = value === undefined ? drug.defaultFormulation : value;
  if (typeof formulationId !== 'string') {
    fail(path, 'invalid', 'The formulation must be one of the listed forms.');
    return undefined;
  }
  const formulation = findFormulation(drug, formulationId.trim().toLowerCase());
  if (!formulation) {
    const known = drug.formulations.map((f) => f.id).join(', ');
    fail(path, 'unknown-formulation', `${drug.displayName} has no "${truncateForMessage(formulationId)}" form here. Known forms: ${known}.`);
  }
  return formulation;
}

/** Patient factors from the parsed `patient` (hepatic impairment: the original yes/no, or a grade; yes = moderate). */
function patientFactors(patient: NonNullable<RequestInput['patient']>): PatientFactors {
  const hepatic = patient.hepaticImpairment;
  const hepaticGrade: HepaticGrade = typeof hepatic === 'boolean' ? (hepatic ? 'moderate' : 'none') : (hepatic ?? 'none');
  const factors = Object.fromEntries(
    [...PATIENT_FLAGS, ...PATIENT_HISTORY_FLAGS].filter((flag) => flag !== 'hepaticImpairment').map((flag) => [flag, (patient as Record<string, unknown>)[flag] ?? false]),
  );
  return {
    ...(patient.ageYears !== undefined && patient.ageYears !== null ? { ageYears: patient.ageYears } : {}),
    ...(factors as unknown as Omit<PatientFactors, 'ageYears' | 'hepaticImpairment' | 'hepaticGrade'>),
    hepaticImpairment: hepaticGrade !== 'none',
    hepaticGrade,
    ...(patient.sex ? { sex: patient.sex } : {}),
    ...(patient.withdrawalSymptomsNow ? { withdrawalSymptomsNow: patient.withdrawalSymptomsNow } : {}),
    ...(patient.creatinineClearanceMlMin !== undefined && patient.creatinineClearanceMlMin !== null ? { creatinineClearanceMlMin: patient.creatinineClearanceMlMin } : {}),
  };
}

/**
 * Unit and times per day of one medicine of the prior regimen (`prior` or `additionalPrior.N`), by the product:
 * the unit it is dosed in, times a day required unless a patch (worn continuously: 1), at most the product's maximum.
 * The schema has checked times a day is a whole number from 1 to 12 (`fine`).
 */
function readRegimen(
  record: { readonly unit?: unknown; readonly timesPerDay?: number },
  path: string,
  drug: AnyDrug | undefined,
  formulation: FormulationBase | undefined,
  fail: (p: string, c: string, m: string) => void,
  dose: Decimal | null,
  fine: (path: string) => boolean,
): { dose: Decimal | null; timesPerDay?: number } {
  let timesPerDay: number | undefined;
  if (formulation) {
    if (record.unit === undefined || record.unit === null || record.unit === '') {
      fail(`${path}.unit`, 'required', `Enter the unit of the dose (${formulation.unit} for this ${formulation.name}).`);
    } else if (record.unit !== formulation.unit) {
      fail(`${path}.unit`, 'wrong-unit', `A ${formulation.name} is dosed in ${formulation.unit}, not ${shownValue(record.unit)}.`);
      dose = null;
    }
  }
  const isPatch = formulation?.unitForm === 'patch';
  if (record.timesPerDay === undefined) {
    if (!isPatch) fail(`${path}.timesPerDay`, 'required', 'Enter how many times a day the dose was taken.');
  } else if (!fine(`${path}.timesPerDay`)) {
    // Not a whole number from 1 to 12: reported by the schema.
  } else if (isPatch && record.timesPerDay !== 1) {
    fail(`${path}.timesPerDay`, 'out-of-range', 'A patch is worn continuously: give its strength in mcg/h and leave times per day at 1.');
  } else if (formulation && record.timesPerDay > formulation.maxTimesPerDay.value) {
    fail(`${path}.timesPerDay`, 'above-product-maximum', `${drug!.displayName} ${formulation.name} is not given more than ${formulation.maxTimesPerDay.value} times a day.`);
  } else {
    timesPerDay = record.timesPerDay;
  }
  return { dose, ...(timesPerDay !== undefined ? { timesPerDay } : {}) };
}

/** The dose of one medicine of the prior regimen: a real strength, at most the product's largest single dose. */
function checkStrength(
  dose: Decimal | null,
  path: string,
  drug: AnyDrug | undefined,
  formulation: FormulationBase | undefined,
  fail: (p: string, c: string, m: string) => void,
): Decimal | null {
  // A strength named by its nominal rate (the fentaNYL "12" patch delivers 12.5 mcg/h) is read as that strength.
  const nominal = dose && formulation ? formulation.strengths.find((s) => s.nominalAmount !== undefined && dose!.eq(s.nominalAmount)) : undefined;
  if (nominal) dose = new D(nominal.amount);
  // A unit labelled in another salt (Xtampza ER 9 mg oxycodone base = 10 mg oxycodone HCl) is read as the protocol's amount.
  const labelled = dose && formulation && !nominal ? formulation.strengths.find((s) => s.labelAmount !== undefined && dose!.eq(s.labelAmount)) : undefined;
  if (labelled) dose = new D(labelled.amount);
  if (!dose || !formulation || !drug) return dose;
  const max = new D(formulation.maxSingleDose.value);
  if (dose.gt(max)) {
    fail(
      `${path}.dose`,
      'implausible-dose',
      `${shownDose(dose, formulation.unit)} per dose is above any real ${drug.displayName} regimen (limit ${formatDose({ amount: max, unit: formulation.unit })}). Check the dose.`,
    );
  } else if (precisionProblem(dose, formulation.unit)) {
    // More digits than decimal.js carries: the strengths could not be matched exactly (the plan would round it).
    fail(`${path}.dose`, 'not-a-real-strength', precisionProblem(dose, formulation.unit)!);
  } else if (!makeExactly(dose, formulation.strengths)) {
    const strengths = formulation.strengths.map((s) => formatDose({ amount: s.amount, unit: formulation.unit })).join(', ');
    fail(
      `${path}.dose`,
      'not-a-real-strength',
      formulation.unitForm === 'patch'
        ? `There is no ${shownDose(dose, formulation.unit)} patch or combination of patches. Patches: ${strengths}.`
        : formulation.liquid
          ? `${shownDose(dose, formulation.unit)} cannot be measured in ${formatAmount(formulation.liquid.measureMl.value)} mL steps of the ${formulation.name} (steps of ${strengths}). Enter the dose in ${formulation.unit}, rounded to a step.`
          : `${shownDose(dose, formulation.unit)} cannot be made from the ${formulation.name}s on the market (${strengths}${formulation.strengths.some((s) => s.scored) ? '; scored tablets may be halved' : ''}).`,
    );
  }
  return dose;
}

/** Planners of a single product only: their rules (dose-dependent conversion, partial agonism) do not sum. */
function singleProductPlanner(drug: AnyDrug): string | null {
  if (drug.id === 'methadone') return 'methadone';
  if ('agonist' in drug && drug.agonist === 'partial') return 'buprenorphine';
  return null;
}

/** "an opioid", "a benzodiazepine or Z-drug". */
function classWords(drugClass: string): string {
  return drugClass === 'opioid' || drugClass === 'antidepressant' ? `an ${CLASS_WORDS[drugClass]}` : `a ${CLASS_WORDS[drugClass]}`;
}

const CLASS_WORDS: Record<string, string> = {
  opioid: 'opioid',
  benzodiazepine: 'benzodiazepine or Z-drug',
  antidepressant: 'antidepressant',
  'labelled-restart': 'medicine with a labelled restart rule',
};

/**
 * `additionalPrior`: other medicines of the main drug's class taken before the break, each read like `prior`
 * (paths `additionalPrior.N.dose` …). Opioids (full agonists) and benzodiazepines only; methadone and
 * buprenorphine are planned alone, and several antidepressants or labelled-restart drugs are a switch or a
 * combination, not one prior exposure. Null when the list is not read (a class or planner that does not sum, or
 * the schema found the list itself wrong): its entries' structural errors are then not reported.
 */
function readAdditionalPrior(
  value: RequestInput['additionalPrior'],
  main: AnyDrug,
  fail: (p: string, c: string, m: string) => void,
  fine: (path: string) => boolean,
): PriorMedicine[] | null {
  if (!Array.isArray(value) || value.length === 0) return [];
  const mainClass = catalogDrug(main.id)!.class;
  if (mainClass !== 'opioid' && mainClass !== 'benzodiazepine') {
    fail(
      'additionalPrior',
      'not-supported',
      `Other medicines taken before the break can be added for opioids and benzodiazepines only. Several ${CLASS_WORDS[mainClass]}s are a switch or a combination, not one prior dose: plan ${main.displayName} alone, and list the others under concurrent medicines if they are taken at the restart.`,
    );
    return null;
  }
  const mainSingle = singleProductPlanner(main);
  if (mainSingle) {
    fail(
      'additionalPrior',
      'not-supported',
      `${main.displayName} is planned alone: its restart rules (${mainSingle === 'methadone' ? 'a dose-dependent conversion and slow accumulation' : 'partial agonism and its own induction'}) do not add up with other opioids. Remove the other opioids from this list and plan them separately.`,
    );
    return null;
  }
  if (!fine('additionalPrior')) return []; // too many: reported by the schema
  const medicines: PriorMedicine[] = [];
  value.forEach((entry, index) => {
    const path = `additionalPrior.${index}`;
    if (!fine(path)) return;
    let drug: AnyDrug | undefined;
    if (fine(`${path}.drug`)) {
      const id = entry.drug.trim().toLowerCase();
      // The catalog knows every drug's class; only a drug of the main class is loaded in the browser.
      const listed = catalogDrug(id);
      if (!listed) {
        const concurrentOnly = isKnownConcurrent(id);
        fail(
          `${path}.drug`,
          concurrentOnly ? 'wrong-class' : 'unknown-drug',
          concurrentOnly
            ? `"${truncateForMessage(entry.drug)}" is not ${classWords(mainClass)}: list it under concurrent medicines (concurrent) instead.`
            : `"${truncateForMessage(entry.drug)}" is not a drug Retitrate knows. Choose one from the list.`,
        );
      } else if (listed.class !== mainClass) {
        fail(
          `${path}.drug`,
          'wrong-class',
          `${listed.displayName} is not ${classWords(mainClass)} like ${main.displayName}: only medicines of the same class add up to one prior dose. List ${listed.displayName} under concurrent medicines (concurrent) instead.`,
        );
      } else {
        drug = findDrug(id);
        if (drug && singleProductPlanner(drug)) {
          fail(
            `${path}.drug`,
            'not-supported',
            `${drug.displayName} is planned alone and cannot be added to another opioid's regimen: plan it separately (its restart rules do not add up with other opioids).`,
          );
          drug = undefined;
        }
      }
    }
    const formulation = drug ? readFormulation(entry.formulation, `${path}.formulation`, drug, fail) : undefined;
    const regimen = readRegimen(entry, path, drug, formulation, fail, fine(`${path}.dose`) ? parseAmount(entry.dose) : null, fine);
    const dose = checkStrength(regimen.dose, path, drug, formulation, fail);
    const isPatch = formulation?.unitForm === 'patch';
    const timesPerDay = regimen.timesPerDay ?? (isPatch ? 1 : undefined);
    if (drug && formulation && dose && timesPerDay !== undefined) {
      medicines.push({ drug: drug.id, formulation: formulation.id, dose: { amount: dose, unit: formulation.unit }, timesPerDay, asNeeded: entry.asNeeded ?? false });
    }
  });
  return medicines;
}

/**
 * A concurrent medicine the schema accepted: its id must be in the catalog, and a medicine cannot be stopped
 * before it was started. Null after an error.
 */
function readConcurrent(
  entry: NonNullable<RequestInput['concurrent']>[number],
  path: string,
  fail: (p: string, c: string, m: string) => void,
  fine: (path: string) => boolean,
): ConcurrentMedication | null {
  if (!fine(path)) return null;
  const record = typeof entry === 'string' ? { drug: entry } : entry;
  const drugPath = typeof entry === 'string' ? path : `${path}.drug`;
  let ok = fine(drugPath);
  const id = ok ? record.drug.trim().toLowerCase() : '';
  if (ok && !isKnownConcurrent(id)) {
    fail(drugPath, 'unknown-concurrent-drug', `"${truncateForMessage(record.drug)}" is not a drug Retitrate knows. Choose it from the list.`);
    ok = false;
  }
  const startedOn = 'startedOn' in record && fine(`${path}.startedOn`) ? record.startedOn : undefined;
  const stoppedOn = 'stoppedOn' in record && fine(`${path}.stoppedOn`) ? record.stoppedOn : undefined;
  if (!fine(`${path}.startedOn`) || !fine(`${path}.stoppedOn`)) ok = false;
  if (startedOn && stoppedOn && stoppedOn < startedOn) {
    fail(`${path}.stoppedOn`, 'before-start', 'This medicine was stopped before it was started. Check both dates.');
    ok = false;
  }
  if (!ok) return null;
  return { drug: id, ...(startedOn ? { startedOn } : {}), ...(stoppedOn ? { stoppedOn } : {}) };
}
