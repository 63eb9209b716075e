/** Public API of the restart engine. */
export { planRestart } from './plan.ts';
export { validateRequest } from './validate.ts';
export { listDrugs, listConcurrent } from './registry.ts';
export { describeDrugs, type DrugDescription, type ClassSpecificField } from './registry.ts';
export { BREAK_REASONS } from './types.ts';
export { formatAmount, formatDose, formatFrequency, formatRegimen } from './format.ts';
export { ENGINE_VERSION } from './version.ts';
export type * from './types.ts';
