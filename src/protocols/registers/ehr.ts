/**
 * Sources and engine assumptions added for the ehr work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  // The break read from dispensing (src/ehr/coverage.ts, cited on CDS Hooks cards).
  { id: 'pqa-pdc', title: 'PQA Proportion of Days Covered (PDC) measure: days covered from the fill date for the days supplied; a refill of the same drug before the previous supply ends starts the day after it ends (PDC calculation examples)', issuer: 'Pharmacy Quality Alliance', year: 2018, url: 'https://www.pqaalliance.org/assets/Measures/pdc-sta.js.txt' },
];

export const ASSUMPTIONS: readonly Assumption[] = [];
