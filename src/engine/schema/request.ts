/**
 * The request as a caller sends it (JSON), as a zod schema: the single structural description of the contract,
 * emitted as schema/request.schema.json (`npm run schema`). Structure only: types, required fields, enums and
 * fixed ranges. What depends on the drug (its formulations, units, strengths, maximum times a day) is checked by
 * validateRequest, which also reports every problem with a clinician's message; a schema-valid request can
 * still get field errors, never the reverse for the structural rules here (tests/schema/agreement.test.ts).
 * Unknown fields are rejected here (a misspelt optional field would otherwise be ignored silently).
 */
import { z } from 'zod';
import { BREAK_REASONS, HEPATIC_GRADES, PATIENT_FLAGS, PATIENT_HISTORY_FLAGS, SEXES, WITHDRAWAL_SYMPTOM_LEVELS } from '../types.ts';
import { MAX_ADDITIONAL_PRIOR, MAX_AGE_YEARS, MAX_CREATININE_CLEARANCE, MAX_OTHER_ACETAMINOPHEN_MG, MAX_PRIOR_DURATION_DAYS, MAX_TIMES_PER_DAY } from '../validate.ts';

/** A positive decimal as text ("10", "2.5", ".5"; spaces around allowed), as the engine's parseAmount reads it. */
export const POSITIVE_DECIMAL_PATTERN = '^\\s*(?=[0-9.]*[1-9])([0-9]+(\\.[0-9]+)?|\\.[0-9]+)\\s*$';

export const positiveAmount = z
  .union([z.number().positive(), z.string().regex(new RegExp(POSITIVE_DECIMAL_PATTERN))])
  .describe('A positive amount: a JSON number or a decimal string such as "10" or "2.5".');

export const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

const drugId = z.string().regex(/\S/).describe('A drug id from `retitrate list` (case and surrounding spaces ignored).');

const flag = (description: string) => z.boolean().describe(description);

const HISTORY_FLAG_TEXT: Record<(typeof PATIENT_HISTORY_FLAGS)[number], string> = {
  seizureHistory: 'History of seizures',
  historyOfFalls: 'History of falls',
  complexSleepBehaviorHistory: 'History of complex sleep behaviours',
  smokedBeforeBreak: 'Smoked tobacco before the break',
  smokesNow: 'Smokes tobacco now',
  hemodialysis: 'On hemodialysis',
};

const patientFlags = Object.fromEntries([
  ...PATIENT_FLAGS.filter((f) => f !== 'hepaticImpairment').map((f) => [f, flag(`Patient factor ${f} (default false).`)]),
  ...PATIENT_HISTORY_FLAGS.map((f) => [f, flag(`${HISTORY_FLAG_TEXT[f]} (default false).`)]),
]) as Record<Exclude<(typeof PATIENT_FLAGS)[number], 'hepaticImpairment'> | (typeof PATIENT_HISTORY_FLAGS)[number], z.ZodBoolean>;

export const patientSchema = z
  .strictObject({
    ageYears: z.number().min(0).max(MAX_AGE_YEARS).nullable().describe('Age in years, 0 to 120.'),
    hepaticImpairment: z
      .union([z.boolean(), z.enum(HEPATIC_GRADES)])
      .describe('Hepatic impairment: a grade (Child-Pugh A = mild, B = moderate, C = severe), or a boolean (old form: true = moderate).'),
    ...patientFlags,
    sex: z.enum(SEXES).nullable().describe('Absent or unknown is treated as female (the lower label dose), and the plan says so.'),
    creatinineClearanceMlMin: z.number().min(1).max(MAX_CREATININE_CLEARANCE).nullable().describe('Creatinine clearance, mL/min, 1 to 250.'),
    withdrawalSymptomsNow: z.enum(WITHDRAWAL_SYMPTOM_LEVELS).nullable().describe('Withdrawal symptoms now; absent = unknown.'),
  })
  .partial()
  .describe('Patient factors; every field optional.');

export const concurrentEntrySchema = z.union([
  drugId,
  z.strictObject({
    drug: drugId,
    startedOn: isoDate.optional(),
    stoppedOn: isoDate.optional(),
  }),
]);

export const priorSchema = z.strictObject({
  dose: positiveAmount.describe('Dose per administration before the break (mg, or mcg/h for a patch).'),
  unit: z.string().min(1).describe("The formulation's unit: mg, or mcg/h for a patch."),
  timesPerDay: z.number().int().min(1).max(MAX_TIMES_PER_DAY).optional().describe('Administrations a day, 1 to 12 (patch: 1 or absent; with asNeeded: the average actually taken).'),
  daysPerWeek: z.number().int().min(1).max(7).optional().describe('Days a week the drug was taken (default 7).'),
  asNeeded: z.boolean().optional().describe('Taken as needed: timesPerDay is then the average number of doses actually taken a day.'),
  nonPrescribed: z.boolean().optional().describe('The dose is from non-prescribed use (uncertain).'),
});

/** Another medicine of the same class taken before the break (issue 13). */
export const additionalPriorEntrySchema = z.strictObject({
  drug: drugId,
  formulation: z.string().min(1).optional().describe('A formulation id of the drug (default: its immediate-release form).'),
  dose: positiveAmount.describe('Dose per administration before the break (mg, or mcg/h for a patch).'),
  unit: z.string().min(1).describe("The formulation's unit: mg, or mcg/h for a patch."),
  timesPerDay: z.number().int().min(1).max(MAX_TIMES_PER_DAY).optional().describe('Administrations a day, 1 to 12 (patch: 1 or absent; with asNeeded: the average actually taken).'),
  asNeeded: z.boolean().optional().describe('Taken as needed: timesPerDay is then the average number of doses actually taken a day.'),
});

/** The request fields, shared by the plan request and the check input. */
export const requestShape = {
  drug: drugId,
  formulation: z.string().min(1).optional().describe('A formulation id of the drug (default: its immediate-release form).'),
  prior: priorSchema,
  additionalPrior: z
    .array(additionalPriorEntrySchema)
    .max(MAX_ADDITIONAL_PRIOR)
    .optional()
    .describe('Other medicines of the same class (opioids, benzodiazepines) taken before the break; tolerance is judged on the total. Not for methadone, buprenorphine, antidepressants or labelled-restart drugs.'),
  priorDurationDays: z.number().int().min(0).max(MAX_PRIOR_DURATION_DAYS).describe('Days the regimen was taken before the break.'),
  lastDoseDate: isoDate,
  restartDate: isoDate.describe('A calendar date, YYYY-MM-DD, on or after lastDoseDate.'),
  patient: patientSchema.optional(),
  concurrent: z.array(concurrentEntrySchema).optional().describe('Other medicines: drug ids, or { drug, startedOn?, stoppedOn? }.'),
  breakReason: z.enum(BREAK_REASONS).optional(),
  indication: z.enum(['pain', 'oud']).optional().describe('Methadone (required there): pain, or opioid use disorder.'),
  fullAgonistUsedDuringBreak: z.boolean().optional().describe('Buprenorphine: a full-agonist opioid was used during the break.'),
  qtcMs: z.number().int().min(250).max(800).optional().describe('Baseline QTc, ms.'),
  acetaminophenOtherSourcesMgPerDay: z.number().min(0).max(MAX_OTHER_ACETAMINOPHEN_MG).optional().describe('Acetaminophen from other products, mg a day (0 to 10000).'),
  keepProduct: z.boolean().optional().describe('Keep the extended-release product where the rules allow it.'),
} as const;

export const requestSchema = z.strictObject(requestShape).describe('A Retitrate restart request.');
export type RequestInput = z.input<typeof requestSchema>;
