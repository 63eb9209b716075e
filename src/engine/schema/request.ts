/**
 * The request as a caller sends it (JSON), as a zod schema (zod/mini): the single structural description of the
 * contract. Three uses: validateRequest parses every request with it, it is emitted as schema/request.schema.json
 * (`npm run schema`), and the package exports it.
 *
 * Two layers of validation:
 * - This schema (structure): types, required fields, enums, fixed ranges (times a day, days a week, duration, age,
 *   creatinine clearance, QTc, dates from EARLIEST_DATE to LATEST_DATE) and unknown fields (rejected: a misspelt
 *   optional field would otherwise be ignored silently). Each field says its own engine error, code and clinician
 *   message (`says`, errors.ts); validateRequest maps the issues to FieldErrors (`fieldErrors`).
 * - The drug rules in validate.ts, on the fields the schema accepted: the catalog (drug, concurrent and
 *   additionalPrior ids, wrong-class / not-supported), the formulation and its unit (messages name the product:
 *   the schema's issues for `formulation` and `unit` are left to them), times a day per product (required unless a
 *   patch, the product's maximum), strengths (makeExactly, the largest single dose, precision), date order
 *   (restart after the last dose, a concurrent medicine stopped after it was started), methadone's indication.
 * A schema-valid request can still get field errors from the drug rules, never the reverse
 * (tests/schema/agreement.test.ts).
 */
import * as z from 'zod/mini';
import { EARLIEST_DATE, isDateInRange, LATEST_DATE, parseCalendarDate } from '../dates.ts';
import { truncateForMessage } from '../format.ts';
import {
  MAX_ADDITIONAL_PRIOR,
  MAX_AGE_YEARS,
  MAX_CREATININE_CLEARANCE,
  MAX_OTHER_ACETAMINOPHEN_MG,
  MAX_PRIOR_DURATION_DAYS,
  MAX_TIMES_PER_DAY,
  parseAmount,
  shownValue,
} from '../input.ts';
import { BREAK_REASONS, HEPATIC_GRADES, PATIENT_FLAGS, PATIENT_HISTORY_FLAGS, SEXES, WITHDRAWAL_SYMPTOM_LEVELS } from '../types.ts';
import { REPORTED_BY_DRUG_RULES, says, type FieldRule, type Rule } from './errors.ts';

/** A positive decimal as text ("10", "2.5", ".5"; spaces around allowed), as the engine's parseAmount reads it. */
export const POSITIVE_DECIMAL_PATTERN = '^\\s*(?=[0-9.]*[1-9])([0-9]+(\\.[0-9]+)?|\\.[0-9]+)\\s*$';

/** A positive amount (a JSON number or a decimal string); `rule` is the field's error. */
export const amount = (rule: Rule) =>
  z.union([z.number(says(rule)).check(z.positive()), z.string(says(rule)).check(z.regex(new RegExp(POSITIVE_DECIMAL_PATTERN)))], says(rule)).check(
    z.describe('A positive amount: a JSON number or a decimal string such as "10" or "2.5".'),
  );

/** A dose's error: missing, not a number, or not above zero. */
const doseRule: Rule = (input) =>
  input === undefined || input === null || input === ''
    ? { code: 'required', message: 'Enter the dose per administration before the break.' }
    : parseAmount(input) === null
      ? { code: 'not-a-number', message: 'The dose must be a number, e.g. 10 or 2.5.' }
      : { code: 'not-positive', message: 'The dose must be more than zero.' };

/** A calendar date from EARLIEST_DATE to LATEST_DATE (YYYY-MM-DD); `rule` is the field's error. */
export const calendarDate = (rule: Rule) =>
  z.iso.date(says(rule)).check(z.refine((value: string) => parseCalendarDate(value) !== null && isDateInRange(value), says(rule)), z.describe('A calendar date, YYYY-MM-DD.'));

/** A date's error: `required` when missing (unless optional), else not a calendar date, else out of range. */
export const dateRule =
  (what: string, required: boolean): Rule =>
  (input) =>
    required && (input === undefined || input === '')
      ? { code: 'required', message: `Enter the ${what}.` }
      : typeof input !== 'string' || parseCalendarDate(input) === null
        ? { code: 'invalid-date', message: `The ${what} is not a real calendar date (use YYYY-MM-DD, e.g. 2026-11-28).` }
        : {
            code: 'out-of-range',
            message: `The ${what} (${input}) must be from ${EARLIEST_DATE} to ${LATEST_DATE}, so that every date of the plan is a real calendar date. Check the year.`,
          };

/** Text with something other than spaces in it (a drug id: case and surrounding spaces are ignored). */
const nonBlank = (rule: Rule) => z.string(says(rule)).check(z.regex(/\S/));
const drugId = (rule: Rule) => nonBlank(rule).check(z.describe('A drug id from `retitrate list` (case and surrounding spaces ignored).'));

const boolean = (rule: Rule, description?: string) => (description ? z.boolean(says(rule)).check(z.describe(description)) : z.boolean(says(rule)));

/** A formulation id or a unit: any non-empty text here; its message names the product, so the drug rules report it. */
const productText = () => z.string(says(REPORTED_BY_DRUG_RULES)).check(z.minLength(1));

const timesPerDayRule: Rule = (input) =>
  Number.isInteger(input)
    ? { code: 'out-of-range', message: 'Times per day must be from 1 to 12.' }
    : { code: 'not-an-integer', message: 'Times per day must be a whole number from 1 to 12.' };

const wholeNumber = (rule: Rule, min: number, max: number, description?: string) =>
  z.number(says(rule)).check(z.int(), z.minimum(min), z.maximum(max), ...(description ? [z.describe(description)] : []));

const numberFrom = (rule: Rule, min: number, max: number, description: string) => z.number(says(rule)).check(z.minimum(min), z.maximum(max), z.describe(description));

const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, says({ code: 'unknown-choice', message: `${message} One of: ${values.join(', ')}.` }));

const notABoolean = (message: string): FieldRule => ({ code: 'not-a-boolean', message });

const HISTORY_FLAG_TEXT: Record<(typeof PATIENT_HISTORY_FLAGS)[number], string> = {
  seizureHistory: 'History of seizures',
  historyOfFalls: 'History of falls',
  complexSleepBehaviorHistory: 'History of complex sleep behaviours',
  smokedBeforeBreak: 'Smoked tobacco before the break',
  smokesNow: 'Smokes tobacco now',
  hemodialysis: 'On hemodialysis',
};

const FLAG_ERROR = notABoolean('Answer yes or no (true or false).');

const patientFlags = Object.fromEntries([
  ...PATIENT_FLAGS.filter((f) => f !== 'hepaticImpairment').map((f) => [f, boolean(FLAG_ERROR, `Patient factor ${f} (default false).`)]),
  ...PATIENT_HISTORY_FLAGS.map((f) => [f, boolean(FLAG_ERROR, `${HISTORY_FLAG_TEXT[f]} (default false).`)]),
]) as Record<Exclude<(typeof PATIENT_FLAGS)[number], 'hepaticImpairment'> | (typeof PATIENT_HISTORY_FLAGS)[number], z.ZodMiniBoolean>;

const hepaticRule = says({
  code: 'unknown-choice',
  message: `Hepatic impairment must be yes/no or a grade (Child-Pugh A = mild, B = moderate, C = severe). One of: ${HEPATIC_GRADES.join(', ')}.`,
});

export const patientSchema = z
  .partial(
    z.strictObject(
      {
        ageYears: z.nullable(
          numberFrom(
            (input) =>
              Number.isFinite(input) ? { code: 'out-of-range', message: 'Age must be from 0 to 120 years.' } : { code: 'not-a-number', message: 'Age must be a number of years.' },
            0,
            MAX_AGE_YEARS,
            'Age in years, 0 to 120.',
          ),
        ),
        hepaticImpairment: z
          .nullable(z.union([z.boolean(hepaticRule), z.enum(HEPATIC_GRADES, hepaticRule)], hepaticRule))
          .check(z.describe('Hepatic impairment: a grade (Child-Pugh A = mild, B = moderate, C = severe), or a boolean (old form: true = moderate); null = not given.')),
        ...patientFlags,
        sex: z.nullable(choice(SEXES, 'Sex must be given as one of the listed values.')).check(z.describe('Absent or unknown is treated as female (the lower label dose), and the plan says so.')),
        withdrawalSymptomsNow: z.nullable(choice(WITHDRAWAL_SYMPTOM_LEVELS, 'Withdrawal symptoms now must be one of the listed levels.')).check(z.describe('Withdrawal symptoms now; absent = unknown.')),
        creatinineClearanceMlMin: z.nullable(
          numberFrom(
            { code: 'out-of-range', message: `Creatinine clearance must be a number of mL/min from 1 to ${MAX_CREATININE_CLEARANCE}.` },
            1,
            MAX_CREATININE_CLEARANCE,
            'Creatinine clearance, mL/min, 1 to 250.',
          ),
        ),
      },
      says({ code: 'not-an-object', message: 'Patient factors must be an object.' }),
    ),
  )
  .check(z.describe('Patient factors; every field optional.'));

/** A concurrent medicine the catalog cannot know: `shown` as the caller typed it. */
const unknownConcurrent = (shown: string): FieldRule => ({ code: 'unknown-concurrent-drug', message: `"${shown}" is not a drug Retitrate knows. Choose it from the list.` });

export const concurrentEntrySchema = z.union(
  [
    drugId((input) => unknownConcurrent(typeof input === 'string' ? truncateForMessage(input) : shownValue(input))),
    z.strictObject({
      drug: drugId((input) => unknownConcurrent(typeof input === 'string' ? truncateForMessage(input) : input === undefined ? '' : shownValue(input))),
      startedOn: z.optional(calendarDate(dateRule('date this medicine was started', false))),
      stoppedOn: z.optional(calendarDate(dateRule('date of the last dose of this medicine', false))),
    }),
  ],
  says((input) => unknownConcurrent(shownValue(input))),
);

const DOSE_DESCRIPTION = 'Dose per administration before the break (mg, or mcg/h for a patch).';
const UNIT_DESCRIPTION = "The formulation's unit: mg, or mcg/h for a patch.";
const TIMES_DESCRIPTION = 'Administrations a day, 1 to 12 (patch: 1 or absent; with asNeeded: the average actually taken).';
const AS_NEEDED_DESCRIPTION = 'Taken as needed: timesPerDay is then the average number of doses actually taken a day.';
const FORMULATION_DESCRIPTION = 'A formulation id of the drug (default: its immediate-release form).';

export const priorSchema = z.strictObject(
  {
    dose: amount(doseRule).check(z.describe(DOSE_DESCRIPTION)),
    unit: productText().check(z.describe(UNIT_DESCRIPTION)),
    timesPerDay: z.optional(wholeNumber(timesPerDayRule, 1, MAX_TIMES_PER_DAY, TIMES_DESCRIPTION)),
    daysPerWeek: z.optional(wholeNumber({ code: 'out-of-range', message: 'Days a week must be a whole number from 1 to 7.' }, 1, 7, 'Days a week the drug was taken (default 7).')),
    asNeeded: z.optional(boolean(notABoolean('Answer yes or no: was the dose taken as needed?'), AS_NEEDED_DESCRIPTION)),
    nonPrescribed: z.optional(boolean(notABoolean('Answer yes or no: was the dose from non-prescribed use?'), 'The dose is from non-prescribed use (uncertain).')),
  },
  says({ code: 'required', message: 'Enter the regimen before the break: dose, unit and times per day.' }),
);

/** Another medicine of the same class taken before the break (issue 13). */
export const additionalPriorEntrySchema = z.strictObject(
  {
    drug: drugId({ code: 'required', message: 'Choose the drug.' }),
    formulation: z.optional(productText().check(z.describe(FORMULATION_DESCRIPTION))),
    dose: amount(doseRule).check(z.describe(DOSE_DESCRIPTION)),
    unit: productText().check(z.describe(UNIT_DESCRIPTION)),
    timesPerDay: z.optional(wholeNumber(timesPerDayRule, 1, MAX_TIMES_PER_DAY, TIMES_DESCRIPTION)),
    asNeeded: z.optional(boolean(notABoolean('Answer yes or no: was this medicine taken as needed?'), AS_NEEDED_DESCRIPTION)),
  },
  says({ code: 'not-an-object', message: 'Each other medicine must be an object: { drug, formulation, dose, unit, timesPerDay, asNeeded }.' }),
);

/** The request fields, shared by the plan request and the check input, in the order their errors are reported. */
export const requestShape = {
  drug: drugId({ code: 'required', message: 'Choose the drug the patient was taking.' }),
  formulation: z.optional(productText().check(z.describe(FORMULATION_DESCRIPTION))),
  prior: priorSchema,
  additionalPrior: z.optional(
    z.nullable(
      z
      .array(
        additionalPriorEntrySchema,
        says({ code: 'not-a-list', message: 'Other medicines taken before the break must be a list of { drug, formulation, dose, unit, timesPerDay, asNeeded }.' }),
      )
      .check(
        z.maxLength(
          MAX_ADDITIONAL_PRIOR,
          says((input) => ({ code: 'too-many', message: `At most ${MAX_ADDITIONAL_PRIOR} other medicines can be added; this list has ${(input as unknown[]).length}.` })),
        ),
        z.describe(
          'Other medicines of the same class (opioids, benzodiazepines) taken before the break; tolerance is judged on the total (null = none). Not for methadone, buprenorphine, antidepressants or labelled-restart drugs.',
        ),
      ),
    ),
  ),
  priorDurationDays: wholeNumber(
    (input) =>
      input === undefined
        ? { code: 'required', message: 'Enter how many days the patient took the regimen before the break.' }
        : !Number.isInteger(input)
          ? { code: 'not-an-integer', message: 'The duration must be a whole number of days.' }
          : (input as number) < 0
            ? { code: 'negative', message: 'The duration cannot be negative.' }
            : { code: 'out-of-range', message: 'The duration is longer than a lifetime. Check the number of days.' },
    0,
    MAX_PRIOR_DURATION_DAYS,
    'Days the regimen was taken before the break.',
  ),
  lastDoseDate: calendarDate(dateRule('date of the last dose', true)),
  restartDate: calendarDate(dateRule('planned restart date', true)).check(z.describe('A calendar date, YYYY-MM-DD, on or after lastDoseDate.')),
  patient: z.optional(patientSchema),
  concurrent: z.optional(
    z
      .array(concurrentEntrySchema, says({ code: 'not-a-list', message: 'Concurrent drugs must be a list of drug ids.' }))
      .check(z.describe('Other medicines: drug ids, or { drug, startedOn?, stoppedOn? }.')),
  ),
  acetaminophenOtherSourcesMgPerDay: z.optional(
    numberFrom(
      { code: 'out-of-range', message: `Acetaminophen from other sources must be a number of mg a day from 0 to ${MAX_OTHER_ACETAMINOPHEN_MG}.` },
      0,
      MAX_OTHER_ACETAMINOPHEN_MG,
      'Acetaminophen from other products, mg a day (0 to 10000).',
    ),
  ),
  keepProduct: z.optional(boolean(notABoolean('Answer yes or no: keep the extended-release product?'), 'Keep the extended-release product where the rules allow it.')),
  breakReason: z.optional(z.enum(BREAK_REASONS, says({ code: 'unknown-reason', message: `The reason for the break must be one of: ${BREAK_REASONS.join(', ')}.` }))),
  indication: z.optional(
    z
      .enum(['pain', 'oud'], says({ code: 'unknown-indication', message: 'The indication must be "pain" or "oud" (opioid use disorder).' }))
      .check(z.describe('Methadone (required there): pain, or opioid use disorder.')),
  ),
  fullAgonistUsedDuringBreak: z.optional(
    boolean(notABoolean('Answer yes or no: was a full-agonist opioid used during the break?'), 'Buprenorphine: a full-agonist opioid was used during the break.'),
  ),
  qtcMs: z.optional(wholeNumber({ code: 'out-of-range', message: 'QTc must be a whole number of milliseconds from 250 to 800.' }, 250, 800, 'Baseline QTc, ms.')),
} as const;

export const requestSchema = z
  .strictObject(requestShape, says({ code: 'not-an-object', message: 'The request must be a JSON object.' }))
  .check(z.describe('A Retitrate restart request.'));
export type RequestInput = z.input<typeof requestSchema>;
