/**
 * The pharmacist check's input: the request fields with `proposed` beside them, or `{ request, proposed }`.
 * Emitted as schema/check.schema.json. As for the request, structure only (see request.ts).
 */
import { z } from 'zod';
import { isoDate, positiveAmount, requestSchema, requestShape } from './request.ts';

export const proposedStepSchema = z.strictObject({
  start: isoDate.describe(
    'First day of the step; steps in date order. A step with the same start as the step before runs on the same days beside it (a parallel step) when it names another product or is an as-needed entry; the day\'s products add up.',
  ),
  dose: z.strictObject({
    amount: positiveAmount.optional().describe('Dose per administration (the largest, on an uneven day; may be left out when administrations are listed).'),
    unit: z.string().min(1),
  }),
  timesPerDay: z.number().int().min(1).optional().describe('Needed unless administrations are listed or the product is a patch.'),
  administrations: z.array(positiveAmount).min(1).optional().describe('Uneven days: each administration of the day.'),
  drug: z.string().regex(/\S/).optional().describe("Another product than the request's, of the same class (opioids: full agonists; benzodiazepines)."),
  formulation: z.string().min(1).optional(),
  everyOtherDay: z.boolean().optional(),
  checkpoint: z.boolean().optional().describe('The prescriber plans a reassessment before this step.'),
  asNeeded: z.boolean().optional().describe('An as-needed entry: up to timesPerDay doses a day, counted at that maximum toward the day\'s total.'),
});

export const proposedSchema = z.array(proposedStepSchema).min(1);

export const checkSchema = z
  .union([z.strictObject({ ...requestShape, proposed: proposedSchema }), z.strictObject({ request: requestSchema, proposed: proposedSchema })])
  .describe('A Retitrate check input: a request with the proposed schedule.');
export type CheckInput = z.input<typeof checkSchema>;
