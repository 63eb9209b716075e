/**
 * Request validation. Every problem is reported at once, each as `{ path, code, message }` with
 * the request's field path, so a form can show each message beside its field.
 */
import type { Decimal } from 'decimal.js';
import type { FormulationBase } from '../protocols/types.ts';
import { EARLIEST_DATE, isDateInRange, LATEST_DATE, parseCalendarDate } from './dates.ts';
import { D } from './decimal.ts';
import { formatAmount, formatDose, truncateForMessage } from './format.ts';
import { catalogDrug, findDrug, findFormulation, isKnownConcurrent } from './registry.ts';
import { makeExactly } from './strengths.ts';
import {
  BREAK_REASONS,
  HEPATIC_GRADES,
  PATIENT_FLAGS,
  PATIENT_HISTORY_FLAGS,
  SEXES,
  WITHDRAWAL_SYMPTOM_LEVELS,
  type BreakReason,
  type ConcurrentMedication,
  type FieldError,
  type HepaticGrade,
  type PatientFactors,
  type PriorMedicine,
  type RestartRequest,
  type Sex,
  type WithdrawalSymptoms,
} from './types.ts';
import type { AnyDrug } from '../protocols/index.ts';

export const MAX_TIMES_PER_DAY = 12;
export const MAX_PRIOR_DURATION_DAYS = 36_500;
export const MAX_AGE_YEARS = 120;
/** Creatinine clearance a form can take, mL/min (below 1 or above 250 is a typing error). */
export const MAX_CREATININE_CLEARANCE = 250;
/** Acetaminophen from other sources, mg a day, above which the input is a typing error. */
export const MAX_OTHER_ACETAMINOPHEN_MG = 10_000;

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

/** A whole number (Number.isInteger is false for anything that is not a number). */
function isWhole(value: unknown): value is number {
  return Number.isInteger(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A decimal from a JSON number or a decimal string; null when it is neither. */
export function parseAmount(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new D(value) : null;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$|^\s*\.\d+\s*$/.test(value)) return new D(value.trim());
  if (typeof value === 'string' && /^\s*-\s*\d+(\.\d+)?\s*$/.test(value)) return new D(value.replace(/\s/g, ''));
  return null;
}

/** How a message may show a value the caller sent: short text as typed (cut at 40 characters), else its kind. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return truncateForMessage(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** As shownValue, text in quotes: `"snake-oil"`, but `an object`. */
export function quotedValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `"${shownValue(value)}"` : shownValue(value);
}

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
  const errors: FieldError[] = [];
  const fail = (path: string, code: string, message: string) => errors.push({ path, code, message });

  if (!isRecord(input)) {
    return { ok: false, errors: [{ path: '', code: 'not-an-object', message: 'The request must be a JSON object.' }] };
  }
  // Limits first: nothing below reads a field that is too long, too deep or too large.
  const shape = inputShapeErrors(input);
  if (shape.length > 0) return { ok: false, errors: shape };

  // Drug and formulation.
  let drug: AnyDrug | undefined;
  let formulation: FormulationBase | undefined;
  if (typeof input.drug !== 'string' || input.drug.trim() === '') {
    fail('drug', 'required', 'Choose the drug the patient was taking.');
  } else {
    drug = findDrug(input.drug.trim().toLowerCase());
    if (!drug) fail('drug', 'unknown-drug', `"${truncateForMessage(input.drug)}" is not a drug Retitrate knows. Choose one from the list.`);
  }
  if (drug) {
    const formulationId = input.formulation === undefined ? drug.defaultFormulation : input.formulation;
    if (typeof formulationId !== 'string') {
      fail('formulation', 'invalid', 'The formulation must be one of the listed forms.');
    } else {
      formulation = findFormulation(drug, formulationId.trim().toLowerCase());
      if (!formulation) {
        const known = drug.formulations.map((f) => f.id).join(', ');
        fail('formulation', 'unknown-formulation', `${drug.displayName} has no "${truncateForMessage(formulationId)}" form here. Known forms: ${known}.`);
      }
    }
  }

  // Prior regimen.
  let dose: Decimal | null = null;
  let timesPerDay = 1;
  let daysPerWeek = 7;
  let asNeeded = false;
  let nonPrescribed = false;
  const prior = input.prior;
  if (!isRecord(prior)) {
    fail('prior', 'required', 'Enter the regimen before the break: dose, unit and times per day.');
  } else {
    if (prior.dose === undefined || prior.dose === null || prior.dose === '') {
      fail('prior.dose', 'required', 'Enter the dose per administration before the break.');
    } else {
      dose = parseAmount(prior.dose);
      if (dose === null) fail('prior.dose', 'not-a-number', 'The dose must be a number, e.g. 10 or 2.5.');
      else if (dose.lte(0)) {
        fail('prior.dose', 'not-positive', 'The dose must be more than zero.');
        dose = null;
      }
    }
    const regimen = readRegimen(prior, 'prior', drug, formulation, fail, dose);
    dose = regimen.dose;
    if (regimen.timesPerDay !== undefined) timesPerDay = regimen.timesPerDay;
    if (prior.daysPerWeek !== undefined) {
      if (!isWhole(prior.daysPerWeek) || prior.daysPerWeek < 1 || prior.daysPerWeek > 7) {
        fail('prior.daysPerWeek', 'out-of-range', 'Days a week must be a whole number from 1 to 7.');
      } else {
        daysPerWeek = prior.daysPerWeek;
      }
    }
    if (prior.asNeeded !== undefined) {
      if (typeof prior.asNeeded === 'boolean') asNeeded = prior.asNeeded;
      else fail('prior.asNeeded', 'not-a-boolean', 'Answer yes or no: was the dose taken as needed?');
    }
    if (prior.nonPrescribed !== undefined) {
      if (typeof prior.nonPrescribed === 'boolean') nonPrescribed = prior.nonPrescribed;
      else fail('prior.nonPrescribed', 'not-a-boolean', 'Answer yes or no: was the dose from non-prescribed use?');
    }
    dose = checkStrength(dose, 'prior', drug, formulation, fail);
  }

  // Other medicines of the same class taken before the break (issue 13).
  const additionalPrior = drug ? readAdditionalPrior(input.additionalPrior, drug, fail) : [];

  // Duration, dates.
  const duration = input.priorDurationDays;
  if (duration === undefined) {
    fail('priorDurationDays', 'required', 'Enter how many days the patient took the regimen before the break.');
  } else if (!isWhole(duration)) {
    fail('priorDurationDays', 'not-an-integer', 'The duration must be a whole number of days.');
  } else if (duration < 0) {
    fail('priorDurationDays', 'negative', 'The duration cannot be negative.');
  } else if (duration > MAX_PRIOR_DURATION_DAYS) {
    fail('priorDurationDays', 'out-of-range', 'The duration is longer than a lifetime. Check the number of days.');
  }

  const lastDose = readDate(input.lastDoseDate, 'lastDoseDate', 'date of the last dose', fail);
  const restart = readDate(input.restartDate, 'restartDate', 'planned restart date', fail);
  if (lastDose && restart && restart < lastDose) {
    fail('restartDate', 'before-last-dose', 'The restart date is before the last dose. Check both dates.');
  }

  // Patient.
  const patient = readPatient(input.patient, fail);

  // Concurrent drugs: an id, or { drug, startedOn?, stoppedOn? }.
  const concurrent: string[] = [];
  const concurrentHistory: ConcurrentMedication[] = [];
  if (input.concurrent !== undefined) {
    if (!Array.isArray(input.concurrent)) {
      fail('concurrent', 'not-a-list', 'Concurrent drugs must be a list of drug ids.');
    } else {
      input.concurrent.forEach((entry: unknown, index: number) => {
        const medication = readConcurrent(entry, `concurrent.${index}`, fail);
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
  }

  let acetaminophenOtherSourcesMgPerDay: number | undefined;
  if (input.acetaminophenOtherSourcesMgPerDay !== undefined) {
    const value = input.acetaminophenOtherSourcesMgPerDay;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_OTHER_ACETAMINOPHEN_MG) {
      fail('acetaminophenOtherSourcesMgPerDay', 'out-of-range', `Acetaminophen from other sources must be a number of mg a day from 0 to ${MAX_OTHER_ACETAMINOPHEN_MG}.`);
    } else {
      acetaminophenOtherSourcesMgPerDay = value;
    }
  }

  let keepProduct: boolean | undefined;
  if (input.keepProduct !== undefined) {
    if (typeof input.keepProduct === 'boolean') keepProduct = input.keepProduct;
    else fail('keepProduct', 'not-a-boolean', 'Answer yes or no: keep the extended-release product?');
  }

  let breakReason: BreakReason | undefined;
  if (input.breakReason !== undefined) {
    if ((BREAK_REASONS as readonly unknown[]).includes(input.breakReason)) {
      breakReason = input.breakReason as BreakReason;
    } else {
      fail('breakReason', 'unknown-reason', `The reason for the break must be one of: ${BREAK_REASONS.join(', ')}.`);
    }
  }

  let indication: 'pain' | 'oud' | undefined;
  if (input.indication !== undefined) {
    if (input.indication === 'pain' || input.indication === 'oud') indication = input.indication;
    else fail('indication', 'unknown-indication', 'The indication must be "pain" or "oud" (opioid use disorder).');
  }
  if (input.indication === undefined && drug && 'requiresIndication' in drug && drug.requiresIndication) {
    fail('indication', 'required', `Say what ${drug.displayName} is prescribed for: pain, or opioid use disorder ("oud"). The restart rules differ.`);
  }

  let fullAgonistUsedDuringBreak: boolean | undefined;
  if (input.fullAgonistUsedDuringBreak !== undefined) {
    if (typeof input.fullAgonistUsedDuringBreak === 'boolean') fullAgonistUsedDuringBreak = input.fullAgonistUsedDuringBreak;
    else fail('fullAgonistUsedDuringBreak', 'not-a-boolean', 'Answer yes or no: was a full-agonist opioid used during the break?');
  }

  let qtcMs: number | undefined;
  if (input.qtcMs !== undefined) {
    if (isWhole(input.qtcMs) && input.qtcMs >= 250 && input.qtcMs <= 800) qtcMs = input.qtcMs;
    else fail('qtcMs', 'out-of-range', 'QTc must be a whole number of milliseconds from 250 to 800.');
  }

  if (errors.length > 0 || !drug || !formulation || !dose || !lastDose || !restart || !patient) {
    return { ok: false, errors };
  }
  const request: RestartRequest = {
    drug: drug.id,
    formulation: formulation.id,
    prior: { dose: { amount: dose, unit: formulation.unit }, timesPerDay, daysPerWeek, asNeeded, nonPrescribed },
    ...(additionalPrior.length > 0 ? { additionalPrior } : {}),
    priorDurationDays: duration as number,
    lastDoseDate: lastDose,
    restartDate: restart,
    patient,
    concurrent,
    concurrentHistory,
    ...(acetaminophenOtherSourcesMgPerDay !== undefined ? { acetaminophenOtherSourcesMgPerDay } : {}),
    ...(keepProduct !== undefined ? { keepProduct } : {}),
    ...(breakReason ? { breakReason } : {}),
    ...(indication ? { indication } : {}),
    ...(fullAgonistUsedDuringBreak !== undefined ? { fullAgonistUsedDuringBreak } : {}),
    ...(qtcMs !== undefined ? { qtcMs } : {}),
  };
  return { ok: true, request, drug, formulation };
}

/** Unit and times per day of one medicine of the prior regimen (`prior` or `additionalPrior.N`). */
function readRegimen(
  record: Record<string, unknown>,
  path: string,
  drug: AnyDrug | undefined,
  formulation: FormulationBase | undefined,
  fail: (p: string, c: string, m: string) => void,
  dose: Decimal | null,
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
    // A patch is worn continuously: times per day stays at 1.
    if (!isPatch) fail(`${path}.timesPerDay`, 'required', 'Enter how many times a day the dose was taken.');
  } else if (!isWhole(record.timesPerDay)) {
    fail(`${path}.timesPerDay`, 'not-an-integer', 'Times per day must be a whole number from 1 to 12.');
  } else if (record.timesPerDay < 1 || record.timesPerDay > MAX_TIMES_PER_DAY) {
    fail(`${path}.timesPerDay`, 'out-of-range', 'Times per day must be from 1 to 12.');
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

/** Most other medicines of the class a request may list (a regimen has a handful; a longer list is a data error). */
export const MAX_ADDITIONAL_PRIOR = 8;

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
 * combination, not one prior exposure.
 */
function readAdditionalPrior(value: unknown, main: AnyDrug, fail: (p: string, c: string, m: string) => void): PriorMedicine[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail('additionalPrior', 'not-a-list', 'Other medicines taken before the break must be a list of { drug, formulation, dose, unit, timesPerDay, asNeeded }.');
    return [];
  }
  if (value.length === 0) return [];
  const mainClass = catalogDrug(main.id)!.class;
  if (mainClass !== 'opioid' && mainClass !== 'benzodiazepine') {
    fail(
      'additionalPrior',
      'not-supported',
      `Other medicines taken before the break can be added for opioids and benzodiazepines only. Several ${CLASS_WORDS[mainClass]}s are a switch or a combination, not one prior dose: plan ${main.displayName} alone, and list the others under concurrent medicines if they are taken at the restart.`,
    );
    return [];
  }
  const mainSingle = singleProductPlanner(main);
  if (mainSingle) {
    fail(
      'additionalPrior',
      'not-supported',
      `${main.displayName} is planned alone: its restart rules (${mainSingle === 'methadone' ? 'a dose-dependent conversion and slow accumulation' : 'partial agonism and its own induction'}) do not add up with other opioids. Remove the other opioids from this list and plan them separately.`,
    );
    return [];
  }
  if (value.length > MAX_ADDITIONAL_PRIOR) {
    fail('additionalPrior', 'too-many', `At most ${MAX_ADDITIONAL_PRIOR} other medicines can be added; this list has ${value.length}.`);
    return [];
  }
  const medicines: PriorMedicine[] = [];
  value.forEach((entry: unknown, index: number) => {
    const path = `additionalPrior.${index}`;
    if (!isRecord(entry)) {
      fail(path, 'not-an-object', 'Each other medicine must be an object: { drug, formulation, dose, unit, timesPerDay, asNeeded }.');
      return;
    }
    let drug: AnyDrug | undefined;
    if (typeof entry.drug !== 'string' || entry.drug.trim() === '') {
      fail(`${path}.drug`, 'required', 'Choose the drug.');
    } else {
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
    let formulation: FormulationBase | undefined;
    if (drug) {
      const formulationId = entry.formulation === undefined ? drug.defaultFormulation : entry.formulation;
      if (typeof formulationId !== 'string') {
        fail(`${path}.formulation`, 'invalid', 'The formulation must be one of the listed forms.');
      } else {
        formulation = findFormulation(drug, formulationId.trim().toLowerCase());
        if (!formulation) {
          const known = drug.formulations.map((f) => f.id).join(', ');
          fail(`${path}.formulation`, 'unknown-formulation', `${drug.displayName} has no "${truncateForMessage(formulationId)}" form here. Known forms: ${known}.`);
        }
      }
    }
    let dose: Decimal | null = null;
    if (entry.dose === undefined || entry.dose === null || entry.dose === '') {
      fail(`${path}.dose`, 'required', 'Enter the dose per administration before the break.');
    } else {
      dose = parseAmount(entry.dose);
      if (dose === null) fail(`${path}.dose`, 'not-a-number', 'The dose must be a number, e.g. 10 or 2.5.');
      else if (dose.lte(0)) {
        fail(`${path}.dose`, 'not-positive', 'The dose must be more than zero.');
        dose = null;
      }
    }
    const regimen = readRegimen(entry, path, drug, formulation, fail, dose);
    let asNeeded = false;
    if (entry.asNeeded !== undefined) {
      if (typeof entry.asNeeded === 'boolean') asNeeded = entry.asNeeded;
      else fail(`${path}.asNeeded`, 'not-a-boolean', 'Answer yes or no: was this medicine taken as needed?');
    }
    dose = checkStrength(regimen.dose, path, drug, formulation, fail);
    const isPatch = formulation?.unitForm === 'patch';
    const timesPerDay = regimen.timesPerDay ?? (isPatch ? 1 : undefined);
    if (drug && formulation && dose && timesPerDay !== undefined) {
      medicines.push({ drug: drug.id, formulation: formulation.id, dose: { amount: dose, unit: formulation.unit }, timesPerDay, asNeeded });
    }
  });
  return medicines;
}

function readDate(value: unknown, path: string, what: string, fail: (p: string, c: string, m: string) => void): string | null {
  if (value === undefined || value === '') {
    fail(path, 'required', `Enter the ${what}.`);
    return null;
  }
  if (typeof value !== 'string' || parseCalendarDate(value) === null) {
    fail(path, 'invalid-date', `The ${what} is not a real calendar date (use YYYY-MM-DD, e.g. 2026-11-28).`);
    return null;
  }
  return inRange(value, path, what, fail);
}

/** Dates outside the calendar a plan can reach (a restart date plus the longest plan must still be a date). */
function inRange(value: string, path: string, what: string, fail: (p: string, c: string, m: string) => void): string | null {
  if (isDateInRange(value)) return value;
  fail(path, 'out-of-range', `The ${what} (${value}) must be from ${EARLIEST_DATE} to ${LATEST_DATE}, so that every date of the plan is a real calendar date. Check the year.`);
  return null;
}

function readConcurrent(entry: unknown, path: string, fail: (p: string, c: string, m: string) => void): ConcurrentMedication | null {
  const unknownDrug = (shown: string) =>
    fail(isRecord(entry) ? `${path}.drug` : path, 'unknown-concurrent-drug', `"${shown}" is not a drug Retitrate knows. Choose it from the list.`);
  if (typeof entry === 'string') {
    const id = entry.trim().toLowerCase();
    if (!id || !isKnownConcurrent(id)) {
      unknownDrug(truncateForMessage(entry));
      return null;
    }
    return { drug: id };
  }
  if (!isRecord(entry)) {
    unknownDrug(shownValue(entry));
    return null;
  }
  const id = typeof entry.drug === 'string' ? entry.drug.trim().toLowerCase() : '';
  let ok = true;
  if (!id || !isKnownConcurrent(id)) {
    unknownDrug(typeof entry.drug === 'string' ? truncateForMessage(entry.drug) : entry.drug === undefined ? '' : shownValue(entry.drug));
    ok = false;
  }
  const startedOn = entry.startedOn === undefined ? undefined : readOptionalDate(entry.startedOn, `${path}.startedOn`, 'date this medicine was started', fail);
  const stoppedOn = entry.stoppedOn === undefined ? undefined : readOptionalDate(entry.stoppedOn, `${path}.stoppedOn`, 'date of the last dose of this medicine', fail);
  if (startedOn === null || stoppedOn === null) ok = false;
  if (startedOn && stoppedOn && stoppedOn < startedOn) {
    fail(`${path}.stoppedOn`, 'before-start', 'This medicine was stopped before it was started. Check both dates.');
    ok = false;
  }
  if (!ok) return null;
  return { drug: id, ...(startedOn ? { startedOn } : {}), ...(stoppedOn ? { stoppedOn } : {}) };
}

function readOptionalDate(value: unknown, path: string, what: string, fail: (p: string, c: string, m: string) => void): string | null {
  if (typeof value !== 'string' || parseCalendarDate(value) === null) {
    fail(path, 'invalid-date', `The ${what} is not a real calendar date (use YYYY-MM-DD, e.g. 2026-11-28).`);
    return null;
  }
  return inRange(value, path, what, fail);
}

function readChoice<T extends string>(
  value: unknown,
  choices: readonly T[],
  path: string,
  message: string,
  fail: (p: string, c: string, m: string) => void,
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  fail(path, 'unknown-choice', `${message} One of: ${choices.join(', ')}.`);
  return undefined;
}

function readPatient(value: unknown, fail: (p: string, c: string, m: string) => void): PatientFactors | null {
  const factors: Record<string, boolean> = {};
  let ageYears: number | undefined;
  if (value !== undefined && !isRecord(value)) {
    fail('patient', 'not-an-object', 'Patient factors must be an object.');
    return null;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  if (record.ageYears !== undefined && record.ageYears !== null) {
    if (!Number.isFinite(record.ageYears)) {
      fail('patient.ageYears', 'not-a-number', 'Age must be a number of years.');
    } else if ((record.ageYears as number) < 0 || (record.ageYears as number) > MAX_AGE_YEARS) {
      fail('patient.ageYears', 'out-of-range', 'Age must be from 0 to 120 years.');
    } else {
      ageYears = record.ageYears as number;
    }
  }
  // Hepatic impairment: the original yes/no, or a grade (yes = moderate).
  let hepaticGrade: HepaticGrade = 'none';
  const hepatic = record.hepaticImpairment;
  if (typeof hepatic === 'boolean') hepaticGrade = hepatic ? 'moderate' : 'none';
  else if (hepatic !== undefined) {
    hepaticGrade =
      readChoice(hepatic, HEPATIC_GRADES, 'patient.hepaticImpairment', 'Hepatic impairment must be yes/no or a grade (Child-Pugh A = mild, B = moderate, C = severe).', fail) ??
      'none';
  }
  for (const flag of [...PATIENT_FLAGS, ...PATIENT_HISTORY_FLAGS]) {
    if (flag === 'hepaticImpairment') continue;
    const flagValue = record[flag];
    if (flagValue === undefined) factors[flag] = false;
    else if (typeof flagValue === 'boolean') factors[flag] = flagValue;
    else {
      fail(`patient.${flag}`, 'not-a-boolean', 'Answer yes or no (true or false).');
    }
  }
  const sex = readChoice<Sex>(record.sex, SEXES, 'patient.sex', 'Sex must be given as one of the listed values.', fail);
  const withdrawalSymptomsNow = readChoice<WithdrawalSymptoms>(
    record.withdrawalSymptomsNow,
    WITHDRAWAL_SYMPTOM_LEVELS,
    'patient.withdrawalSymptomsNow',
    'Withdrawal symptoms now must be one of the listed levels.',
    fail,
  );
  let creatinineClearanceMlMin: number | undefined;
  const crcl = record.creatinineClearanceMlMin;
  if (crcl !== undefined && crcl !== null) {
    if (typeof crcl !== 'number' || !Number.isFinite(crcl) || crcl < 1 || crcl > MAX_CREATININE_CLEARANCE) {
      fail('patient.creatinineClearanceMlMin', 'out-of-range', `Creatinine clearance must be a number of mL/min from 1 to ${MAX_CREATININE_CLEARANCE}.`);
    } else {
      creatinineClearanceMlMin = crcl;
    }
  }
  // A bad age or flag has been reported as an error, so validateRequest returns the errors, not these factors.
  return {
    ...(ageYears !== undefined ? { ageYears } : {}),
    ...(factors as unknown as Omit<PatientFactors, 'ageYears' | 'hepaticImpairment' | 'hepaticGrade'>),
    hepaticImpairment: hepaticGrade !== 'none',
    hepaticGrade,
    ...(sex ? { sex } : {}),
    ...(withdrawalSymptomsNow ? { withdrawalSymptomsNow } : {}),
    ...(creatinineClearanceMlMin !== undefined ? { creatinineClearanceMlMin } : {}),
  };
}
