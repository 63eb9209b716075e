/**
 * The plan (RestartPlan in types.ts) as a zod schema, emitted as schema/plan.schema.json. Objects allow added
 * fields (the contract adds fields, never renames or removes them); the fields listed are required where the
 * type requires them. tests/schema pins every plan of every drug against it.
 */
import { z } from 'zod';

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/).describe('A decimal as text, e.g. "7.5".');
const date = z.iso.date();
const doseUnit = z.enum(['mg', 'mcg', 'mcg/h']);
const equivalentUnit = z.enum(['MME', 'mg diazepam']);
const amountOf = <U extends z.ZodType>(unit: U) => z.looseObject({ amount: decimalText, unit });

export const planStepSchema = z.looseObject({
  start: date,
  end: date.optional(),
  drug: z.string(),
  formulation: z.string(),
  displayName: z.string(),
  formulationName: z.string(),
  dose: amountOf(doseUnit),
  timesPerDay: z.number().int().min(1),
  administrations: z.array(decimalText),
  everyOtherDay: z.boolean().optional(),
  dailyDose: amountOf(doseUnit),
  dailyEquivalent: amountOf(equivalentUnit).optional(),
  checkpoint: z.boolean(),
  checkpointReason: z.string().optional(),
  rule: z.string(),
  makeUp: z.array(z.string()),
  component: z.number().int().min(0).optional().describe('Parallel steps resuming a regimen of several products: the index in prior.components.'),
  asNeeded: z.boolean().optional().describe('The step\'s doses are taken as needed, up to timesPerDay a day.'),
  asNeededAllowance: z
    .looseObject({ dose: amountOf(doseUnit), maxDosesPerDay: z.number().int().min(0), scheduledDaily: amountOf(doseUnit), text: z.string() })
    .optional()
    .describe('How prior as-needed use fits beneath the step\'s daily ceiling.'),
});

const priorComponent = z.looseObject({
  path: z.string().describe('prior, or additionalPrior.N'),
  drug: z.string(),
  formulation: z.string(),
  displayName: z.string(),
  formulationName: z.string(),
  dose: amountOf(doseUnit),
  timesPerDay: z.number().int().min(1),
  asNeeded: z.boolean(),
  dailyDose: amountOf(doseUnit),
  dailyEquivalent: amountOf(equivalentUnit).optional(),
  equivalentFactor: z.looseObject({ value: z.string(), per: z.string(), source: z.string() }).optional(),
});

export const planWarningSchema = z.looseObject({
  code: z.string(),
  severity: z.enum(['critical', 'warning', 'info']),
  message: z.string(),
  sources: z.array(z.string()),
});

const equivalentReading = z.looseObject({
  table: z.string(),
  source: z.string(),
  perDiazepam10mg: z.string(),
  dailyEquivalent: amountOf(equivalentUnit),
  dailyEquivalentRange: z.looseObject({ low: z.string(), high: z.string() }).optional(),
});

export const planSchema = z
  .looseObject({
    drug: z.string(),
    drugClass: z.enum(['opioid', 'benzodiazepine', 'antidepressant', 'labelled-restart']),
    formulation: z.string(),
    displayName: z.string(),
    drugKind: z.enum(['benzodiazepine', 'z-drug']).optional(),
    daysOff: z.number().int().min(0),
    missedDays: z.number().int().min(0),
    tolerance: z.looseObject({
      retainedFraction: decimalText,
      status: z.enum(['retained', 'reduced', 'lost', 'not-applicable']),
      priorTolerant: z.boolean().optional(),
      anchor: z.looseObject({ fromMissedDays: z.number().int(), source: z.string(), basis: z.string() }).optional(),
      washoutDays: z.number().int().optional(),
    }),
    prior: z.looseObject({
      dailyDose: amountOf(doseUnit),
      dailyEquivalent: amountOf(equivalentUnit).optional().describe('The sum of the components\' daily equivalents.'),
      components: z.array(priorComponent).min(1).optional().describe('One entry per medicine of the prior regimen, prior first.'),
      equivalentFactor: z.looseObject({ value: z.string().describe('A decimal, or a range such as "1–2".'), per: z.string(), source: z.string() }).optional(),
      equivalents: z.array(equivalentReading).optional(),
      riskBand: z.looseObject({ band: z.enum(['low', 'moderate', 'high']), dailyEquivalent: amountOf(equivalentUnit), source: z.string() }).optional(),
      withdrawalRisk: z
        .looseObject({
          risk: z.enum(['rare', 'lower-but-possible', 'yes']),
          row: z.string(),
          daysPerWeek: z.number().int(),
          durationDays: z.number().int(),
          source: z.string(),
        })
        .optional(),
    }),
    steps: z.array(planStepSchema).min(1),
    decision: z.looseObject({ action: z.enum(['resume', 'retitrate']), rule: z.string() }).optional(),
    earliestSafeStart: date.optional(),
    warnings: z.array(planWarningSchema),
    derivation: z.array(z.string()),
    assumptions: z.array(z.string()),
    assumptionDetails: z.array(z.looseObject({ id: z.string(), statement: z.string(), rationale: z.string() })),
    sources: z.array(z.looseObject({ id: z.string(), title: z.string(), issuer: z.string(), year: z.number().int(), url: z.string() })),
    version: z.looseObject({ engine: z.string(), protocols: z.string(), protocolsDate: date }),
  })
  .describe('A Retitrate restart plan (every step a ceiling, not a prescription).');
