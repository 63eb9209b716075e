import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/protocols/index.ts';

describe('sources of the EHR integration', () => {
  it('the days-covered rule cites the PQA PDC measure and its overlap rule', () => {
    expect(SOURCES['pqa-pdc']).toEqual({
      id: 'pqa-pdc',
      title:
        'PQA Proportion of Days Covered (PDC) measure: days covered from the fill date for the days supplied; a refill of the same drug before the previous supply ends starts the day after it ends (PDC calculation examples)',
      issuer: 'Pharmacy Quality Alliance',
      year: 2018,
      url: 'https://www.pqaalliance.org/assets/Measures/pdc-sta.js.txt',
    });
  });
});
