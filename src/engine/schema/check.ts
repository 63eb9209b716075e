/**
 * The pharmacist check's input: the request fields with `proposed` beside them, or `{ request, proposed }`.
 * Emitted as schema/check.schema.json. As for the request (see request.ts), two layers: this schema checks each
 * proposed step's structure and says its errors (checkSchedule and checkAgainstPlan parse `proposed` with
 * proposedSchema); check.ts then checks what depends on the product (its unit, forms, strengths, times a day) and
 * the order of the steps.
 */
import * as z from 'zod/mini';
import { EARLIEST_DATE, LATEST_DATE, parseCalendarDate } from '../dates.ts';
import { parseAmount, quotedValue } from '../input.ts';
import { REPORTED_BY_DRUG_RULES, says, type Rule } from './errors.ts';
import { amount, calendarDate, requestSchema, requestShape } from './request.ts';

/** Step N (1-based) of the path. */
const stepOf = (path: readonly PropertyKey[]) => Number(path.find((key) => typeof key === 'number') ?? 0) + 1;

const startRule: Rule = (input, path) =>
  input === undefined || input === ''
    ? { code: 'required', message: `Enter the start date of step ${stepOf(path)}.` }
    : typeof input !== 'string' || parseCalendarDate(input) === null
      ? { code: 'invalid-date', message: `The start of step ${stepOf(path)} is not a real calendar date (use YYYY-MM-DD).` }
      : { code: 'out-of-range', message: `The start of step ${stepOf(path)} (${input}) must be from ${EARLIEST_DATE} to ${LATEST_DATE}. Check the year.` };

const amountRule = (what: string) => (input: unknown) =>
  parseAmount(input) === null
    ? { code: 'not-a-number', message: `${what} must be a number, e.g. 10 or 2.5.` }
    : { code: 'not-positive', message: `${what} must be more than zero.` };

/** The dose's amount: "" is read as absent (then the administrations give it, or check.ts asks for it). */
const doseAmountRule: Rule = (input) => (input === '' ? REPORTED_BY_DRUG_RULES : amountRule('The dose')(input));

export const proposedStepSchema = z.strictObject(
  {
    start: calendarDate(startRule).check(
      z.describe(
        'First day of the step; steps in date order. A step with the same start as the step before runs on the same days beside it (a parallel step) when it names another product or is an as-needed entry; the day\'s products add up.',
      ),
    ),
    drug: z.optional(
      z
        .string(says((input) => ({ code: 'unknown-drug', message: `${quotedValue(input)} is not a drug Retitrate knows.` })))
        .check(
          z.regex(/\S/),
          z.describe("Another product than the request's, of the same class (opioids: full agonists; benzodiazepines)."),
        ),
    ),
    formulation: z.optional(z.string(says(REPORTED_BY_DRUG_RULES)).check(z.minLength(1))),
    administrations: z.optional(
      z
        .array(amount(amountRule('Each administration')), says({ code: 'not-a-list', message: 'Administrations must be a list of amounts, one per administration of the day.' }))
        .check(
          z.minLength(1, says({ code: 'not-a-list', message: 'Administrations must be a list of amounts, one per administration of the day.' })),
          z.describe('Uneven days: each administration of the day.'),
        ),
    ),
    timesPerDay: z.optional(
      z
        .nullable(z.number(says({ code: 'times-per-day-out-of-range', message: 'Times per day must be a whole number of at least 1.' })).check(z.int(), z.minimum(1)))
        .check(z.describe('Needed unless administrations are listed or the product is a patch (null = not given).')),
    ),
    dose: z.strictObject(
      {
        amount: z.optional(amount(doseAmountRule).check(z.describe('Dose per administration (the largest, on an uneven day; may be left out when administrations are listed).'))),
        unit: z.string(says(REPORTED_BY_DRUG_RULES)).check(z.minLength(1)),
      },
      says((_input, path) => ({ code: 'required', message: `Enter the dose of step ${stepOf(path)} as { amount, unit }.` })),
    ),
    everyOtherDay: z.optional(z.boolean(says({ code: 'not-a-boolean', message: 'Answer yes or no (true or false).' }))),
    checkpoint: z.optional(
      z.boolean(says({ code: 'not-a-boolean', message: 'Answer yes or no (true or false).' })).check(z.describe('The prescriber plans a reassessment before this step.')),
    ),
    asNeeded: z.optional(
      z
        .boolean(says({ code: 'not-a-boolean', message: 'Answer yes or no (true or false).' }))
        .check(z.describe('An as-needed entry: up to timesPerDay doses a day, counted at that maximum toward the day\'s total.')),
    ),
  },
  says((_input, path) => ({ code: 'required', message: `Step ${stepOf(path)} must be an object with start, dose and timesPerDay.` })),
);

export const proposedSchema = z
  .array(
    proposedStepSchema,
    says((input) =>
      input === undefined
        ? { code: 'required', message: 'Enter the proposed schedule: a list of steps with start date, dose and times per day.' }
        : { code: 'not-a-list', message: 'The proposed schedule must be a list of steps.' },
    ),
  )
  .check(z.minLength(1, says({ code: 'empty', message: 'The proposed schedule has no steps.' })));

export const checkSchema = z
  .union([z.strictObject({ ...requestShape, proposed: proposedSchema }), z.strictObject({ request: requestSchema, proposed: proposedSchema })])
  .check(z.describe('A Retitrate check input: a request with the proposed schedule.'));
export type CheckInput = z.input<typeof checkSchema>;
