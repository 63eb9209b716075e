/** Registry look-ups the form and the interaction checks use: catalog entries, concurrent medicines, names. */
import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../src/engine/catalog.ts';
import {
  CATALOG,
  catalogDrug,
  classModule,
  concurrentCategories,
  concurrentName,
  describeDrugs,
  findDrug,
  findFormulation,
  isKnownConcurrent,
  listConcurrent,
  listDrugs,
} from '../../src/engine/registry.ts';
import { CONCURRENT_ONLY } from '../../src/protocols/concurrent.ts';
import type { AnyDrug } from '../../src/protocols/index.ts';

describe('registry look-ups', () => {
  it('finds a catalog entry by id, loaded or not', () => {
    expect(catalogDrug('oxycodone')).toMatchObject({ id: 'oxycodone', displayName: 'oxyCODONE', class: 'opioid' });
    expect(catalogDrug('unobtainium')).toBeUndefined();
  });

  it('finds a loaded drug and its formulations; nothing for unknown ids', () => {
    const drug = findDrug('oxycodone')!;
    expect(drug.displayName).toBe('oxyCODONE');
    expect(findFormulation(drug, 'er')?.name).toBe('extended-release tablet (OxyContin)');
    expect(findFormulation(drug, 'patch')).toBeUndefined();
    expect(findDrug('unobtainium')).toBeUndefined();
    expect(classModule('opioid').drugs.map((d) => d.id)).toContain('oxycodone');
  });

  it('knows planned drugs and concurrent-only medicines as concurrent drugs', () => {
    expect(isKnownConcurrent('oxycodone')).toBe(true);
    expect(isKnownConcurrent('alcohol')).toBe(true);
    expect(isKnownConcurrent('unobtainium')).toBe(false);
  });

  it('gives the interaction categories of a planned drug, a concurrent-only medicine, or none', () => {
    expect(concurrentCategories('oxycodone')).toEqual(['opioid', 'cns-depressant']);
    expect(concurrentCategories('alcohol')).toEqual(['alcohol', 'cns-depressant']);
    expect(concurrentCategories('unobtainium')).toEqual([]);
  });

  it('names a concurrent medicine with its Tall Man display name, or its id when unknown', () => {
    expect(concurrentName('oxycodone')).toBe('oxyCODONE');
    expect(concurrentName('phenobarbital')).toBe('PHENobarbital');
    expect(concurrentName('unobtainium')).toBe('unobtainium');
  });

  it('lists every planned drug and every concurrent-only medicine as a concurrent choice', () => {
    const list = listConcurrent();
    expect(list).toHaveLength(CATALOG.length + CONCURRENT_ONLY.length);
    expect(list).toContainEqual({ id: 'oxycodone', name: 'oxyCODONE' });
    expect(list).toContainEqual({ id: 'phenobarbital', name: 'PHENobarbital' });
    expect(list).toContainEqual({ id: 'alcohol', name: 'alcohol' });
  });

  it('lists and describes the drugs of the catalog', () => {
    expect(describeDrugs()).toBe(CATALOG);
    expect(describeDrugs().map((d) => d.id)).toContain('fentanyl');
    expect(listDrugs().find((d) => d.id === 'oxycodone')).toEqual({
      id: 'oxycodone',
      class: 'opioid',
      formulations: ['ir', 'er', 'apap', 'xtampza'],
      displayName: 'oxyCODONE',
      brandNames: ['Roxicodone', 'Oxaydo', 'OxyContin', 'Xtampza ER', 'Percocet'],
    });
  });
});

describe('catalog entry fields', () => {
  it('asks for the indication only when the drug requires one', () => {
    const methadone = findDrug('methadone')!;
    expect(catalogEntry(methadone).fields).toEqual(['indication', 'qtcMs']);
    expect(catalogEntry({ ...methadone, requiresIndication: false } as AnyDrug).fields).toEqual(['qtcMs']);
    expect(catalogEntry(findDrug('buprenorphine')!).fields).toEqual(['fullAgonistUsedDuringBreak']);
    expect(catalogEntry(findDrug('oxycodone')!).fields).toEqual([]);
  });
});
