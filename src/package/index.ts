/**
 * The package's library entry (`import { planRestart } from 'retitrate'`): the engine with every drug class,
 * the pharmacist check, the exports of a plan, and the public types. Pure functions; no I/O.
 */
export * from '../engine/index.ts';
export { checkSchedule, checkAgainstPlan, summarizeCheck, CHECK_CODES } from '../engine/check.ts';
export type { CheckCode, CheckFinding, CheckOutcome, CheckResult, CheckedStep, ProposedStepInput } from '../engine/check.ts';
export * from '../export/index.ts';
export * from '../engine/schema/index.ts';
export { FIELD_ERROR_CODES, CHECK_CODE_ALIASES, normalizeErrorCode, isFieldErrorCode, type FieldErrorCode, type LegacyCheckCode } from '../engine/errorCodes.ts';
export { clinicalDrugCode, productForCode, clinicalDrugCodes, type ClinicalDrugCode, type BrandedDrugCode, type CodedProduct } from '../engine/clinicalDrugCodes.ts';
