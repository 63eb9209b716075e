/** The emitted JSON Schema files, compiled with a standard validator (ajv, draft 2020-12, with formats). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const ROOT = join(import.meta.dirname, '..', '..');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

function compile(name: string) {
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')));
}

export const validators = {
  request: compile('request.schema.json'),
  check: compile('check.schema.json'),
  plan: compile('plan.schema.json'),
};

/** The ajv errors of a value, as `instancePath message` lines (empty when valid). */
export function schemaErrors(kind: keyof typeof validators, value: unknown): string[] {
  const validate = validators[kind];
  return validate(JSON.parse(JSON.stringify(value))) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
