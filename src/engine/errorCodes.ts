/**
 * Every field-error code (`FieldError.code`) the engine, the check, dispensing and the command line give, in one
 * case style: kebab-case, as validate.ts and the request schema (src/engine/schema) write them. The check's field errors were upper snake case (`REQUIRED`);
 * CHECK_CODE_ALIASES maps each old code to its kebab-case code (README "Error codes"), so callers that match on
 * the old codes can translate them with normalizeErrorCode. (Finding codes such as ABOVE_CEILING and warning codes
 * such as NALOXONE are not field errors and keep their names.)
 */
export const FIELD_ERROR_CODES = [
  // the request (validate.ts)
  'not-an-object',
  'required',
  'invalid',
  'unknown-drug',
  'unknown-formulation',
  'not-a-number',
  'not-positive',
  'wrong-unit',
  'not-an-integer',
  'out-of-range',
  'above-product-maximum',
  'implausible-dose',
  'not-a-real-strength',
  'negative',
  'invalid-date',
  'before-last-dose',
  'not-a-list',
  'unknown-concurrent-drug',
  'unknown-reason',
  'unknown-indication',
  'not-a-boolean',
  'unknown-choice',
  'self-concurrent',
  // a field the request (or a proposed step) does not have: rejected by the schema (src/engine/schema)
  'unknown-field',
  // additionalPrior (issue 13): a medicine of another class, or a class or planner that does not sum
  'wrong-class',
  'not-supported',
  // input limits (hostile or oversized input)
  'too-long',
  'too-many',
  'too-deep',
  'too-large',
  // the check's proposed schedule (check.ts; see CHECK_CODE_ALIASES)
  'empty',
  'not-in-order',
  'not-the-largest',
  'not-comparable',
  'times-per-day-out-of-range',
  'unit-mismatch',
  // dispensing (dispense.ts)
  'conflict',
  'period-required',
  'before-start',
  // the command line and refusals
  'unreadable-input',
  'plan-refused',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** The check's old upper-case field-error codes → the one case style. */
export const CHECK_CODE_ALIASES = {
  REQUIRED: 'required',
  NOT_A_LIST: 'not-a-list',
  EMPTY: 'empty',
  INVALID_DATE: 'invalid-date',
  NOT_IN_ORDER: 'not-in-order',
  UNKNOWN_DRUG: 'unknown-drug',
  UNKNOWN_FORMULATION: 'unknown-formulation',
  NOT_COMPARABLE: 'not-comparable',
  NOT_A_NUMBER: 'not-a-number',
  NOT_POSITIVE: 'not-positive',
  NOT_THE_LARGEST: 'not-the-largest',
  NOT_A_BOOLEAN: 'not-a-boolean',
  TIMES_PER_DAY_OUT_OF_RANGE: 'times-per-day-out-of-range',
  UNIT_MISMATCH: 'unit-mismatch',
  IMPLAUSIBLE_DOSE: 'implausible-dose',
  NOT_A_REAL_STRENGTH: 'not-a-real-strength',
} as const satisfies Record<string, FieldErrorCode>;

export type LegacyCheckCode = keyof typeof CHECK_CODE_ALIASES;

const KNOWN = new Set<string>(FIELD_ERROR_CODES);

/** The one-style code for a field-error code, old or new; null for a code that is not a field-error code. */
export function normalizeErrorCode(code: string): FieldErrorCode | null {
  if (KNOWN.has(code)) return code as FieldErrorCode;
  return (CHECK_CODE_ALIASES as Record<string, FieldErrorCode>)[code] ?? null;
}

export function isFieldErrorCode(code: string): code is FieldErrorCode {
  return KNOWN.has(code);
}
