import { describe, expect, it } from 'vitest';
import { defaultMedicationIndex } from '../../src/ehr/drugs.ts';
import { resolveConcept, RXNORM_SYSTEM } from '../../src/ehr/rxnorm.ts';

const shipped = defaultMedicationIndex();
const coded = (...codes: string[]) => ({ coding: codes.map((code) => ({ system: RXNORM_SYSTEM, code })) });

describe('RxNorm codes → Retitrate products (the protocol table of product codes)', () => {
  it('an SCD names drug, formulation and strength', () => {
    expect(resolveConcept(coded('1049621'), shipped)).toMatchObject({ kind: 'product', code: '1049621', product: { drug: 'oxycodone', formulation: 'ir', strength: '5' } });
    expect(resolveConcept(coded('1860157'), shipped)).toMatchObject({ kind: 'product', product: { drug: 'oxycodone', formulation: 'er', strength: '10' } });
  });

  it('an SBD names the same product and its brand', () => {
    expect(resolveConcept(coded('1049623'), shipped)).toMatchObject({ kind: 'product', product: { drug: 'oxycodone', formulation: 'ir', strength: '5', brand: 'Roxicodone' } });
  });

  it('a product code wins over an ingredient code in the same concept, whatever the order', () => {
    expect(resolveConcept(coded('7804', '1049621'), shipped)).toMatchObject({ kind: 'product', code: '1049621' });
  });

  it('an ingredient code names the drug only', () => {
    expect(resolveConcept(coded('7804'), shipped)).toMatchObject({ kind: 'ingredient', drug: { id: 'oxycodone' } });
  });

  it('codes outside the table and other code systems are unknown', () => {
    expect(resolveConcept(coded('1049502'), shipped).kind).toBe('unknown');
    expect(resolveConcept({ coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '1049621' }] }, shipped)).toMatchObject({ kind: 'unknown', codes: [] });
  });
});
