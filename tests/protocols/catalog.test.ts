import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../src/engine/catalog.ts';
import { CATALOG, CONCURRENT_CATALOG } from '../../src/engine/registry.ts';
import { CONCURRENT_ONLY } from '../../src/protocols/concurrent.ts';
import { DRUGS } from '../../src/protocols/index.ts';

describe('generated drug catalog', () => {
  it('matches the protocol data exactly (regenerate with `npm run catalog`)', () => {
    expect(CATALOG).toEqual(DRUGS.map(catalogEntry));
  });

  it('lists every concurrent-only medicine with its name and categories (regenerate with `npm run catalog`)', () => {
    expect(CONCURRENT_CATALOG).toEqual(CONCURRENT_ONLY.map(({ id, name, categories }) => ({ id, name, categories })));
  });
});
