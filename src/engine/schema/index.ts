/** The contract's zod schemas and their JSON Schema form (schema/*.schema.json, `npm run schema`). */
import * as z from 'zod/mini';
import { checkSchema } from './check.ts';
import { planSchema } from './plan.ts';
import { requestSchema } from './request.ts';

export { checkSchema, proposedSchema, proposedStepSchema, type CheckInput } from './check.ts';
export { planSchema, planStepSchema, planWarningSchema } from './plan.ts';
export { requestSchema, patientSchema, priorSchema, POSITIVE_DECIMAL_PATTERN, type RequestInput } from './request.ts';
export { fieldErrors, type FieldRule } from './errors.ts';

const SCHEMA_BASE = 'https://retitrate.invalid/schema/';

/** The three JSON Schema documents (draft 2020-12), by file name. */
export function jsonSchemas(): Record<'request.schema.json' | 'check.schema.json' | 'plan.schema.json', Record<string, unknown>> {
  const emit = (schema: z.core.$ZodType, name: string, title: string, io: 'input' | 'output') => ({
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io }),
    $id: `${SCHEMA_BASE}${name}`,
    title,
  });
  return {
    'request.schema.json': emit(requestSchema, 'request.schema.json', 'Retitrate restart request', 'input'),
    'check.schema.json': emit(checkSchema, 'check.schema.json', 'Retitrate check input', 'input'),
    'plan.schema.json': emit(planSchema, 'plan.schema.json', 'Retitrate restart plan', 'output'),
  };
}
