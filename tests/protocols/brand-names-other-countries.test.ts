/** Brand names from other countries for the same product, each with its source (Ashton Manual Table 1). */
import { describe, expect, it } from 'vitest';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import { SOURCES } from '../../src/protocols/sources.ts';
import catalog from '../../src/protocols/catalog.json';

const PINS: readonly [string, string, string][] = [
  ['clonazepam', 'Rivotril', 'Table 1, drug (brand): Clonazepam (Klonopin, Rivotril)'],
  ['oxazepam', 'Serenid', 'Table 1, drug (brand): Oxazepam (Serax, Serenid)'],
  ['temazepam', 'Normison', 'Table 1, drug (brand): Temazepam (Restoril, Normison)'],
  ['zolpidem', 'Stilnoct', 'Table 1, drug (brand): Zolpidem (Ambien, Stilnoct)'],
];

describe('brand names from other countries', () => {
  for (const [id, brand, locator] of PINS) {
    it(`${brand} is ${id}, sourced to the Ashton Manual, and in the search catalog`, () => {
      const drug = BENZODIAZEPINES.find((d) => d.id === id)!;
      expect(drug.brandNames).toContain(brand);
      expect(drug.brandNameSources).toEqual([{ source: 'ashton-2002', locator }]);
      expect(SOURCES['ashton-2002']).toBeDefined();
      expect((catalog as { id: string; brandNames: string[] }[]).find((d) => d.id === id)!.brandNames).toContain(brand);
    });
  }
  it('keeps the US brand names', () => {
    expect(BENZODIAZEPINES.find((d) => d.id === 'clonazepam')!.brandNames).toEqual(['Klonopin', 'Rivotril']);
    expect(BENZODIAZEPINES.find((d) => d.id === 'temazepam')!.brandNames).toEqual(['Restoril', 'Normison']);
    expect(BENZODIAZEPINES.find((d) => d.id === 'oxazepam')!.brandNames).toEqual(['Serax (discontinued brand)', 'Serenid']);
    expect(BENZODIAZEPINES.find((d) => d.id === 'zolpidem')!.brandNames).toEqual(['Ambien', 'Ambien CR', 'Stilnoct']);
  });
});
