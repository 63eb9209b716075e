/** The engine's API, without loading any drug class (see index.ts and browser.ts). */
export { isRefusal, planRestart } from './plan.ts';
export { validateRequest } from './validate.ts';
export { describeDrugs, listConcurrent, listDrugs } from './registry.ts';
export { formatAmount, formatDose, formatFrequency, formatRegimen } from './format.ts';
export { ENGINE_VERSION } from './version.ts';
export type { CatalogDrug, CatalogFormulation, ClassSpecificField, DrugDescription } from './catalog.ts';
export { BREAK_REASONS } from './types.ts';
export type * from './types.ts';
