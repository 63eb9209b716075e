/** Exports of a plan: pure functions, plan in, string or object out. No DOM, no clock, no I/O. */
export { DISCLAIMER } from './common.ts';
export { clinicalNote, stepLine, type NoteOptions } from './note.ts';
export { scheduleCsv, csvField, csvColumns, CSV_BOM, CSV_LEADING_COLUMNS, CSV_TRAILING_COLUMNS } from './csv.ts';
export { scheduleIcs, escapeText, foldLine, type IcsOptions } from './ics.ts';
export { planToFhirBundle, medicationRequests, detectedIssues, stepMedication, stepStrengths, ucumQuantity, RXNORM_SYSTEM, UCUM_SYSTEM, WARNING_CODE_SYSTEM, type FhirOptions } from './fhir.ts';
