import { describe, expect, it } from 'vitest';
import { catalogEntry } from '../../src/engine/catalog.ts';
import { CATALOG } from '../../src/engine/registry.ts';
import { DRUGS } from '../../src/protocols/index.ts';

describe('generated drug catalog', () => {
  it('matches the protocol data exactly (regenerate with `npm run catalog`)', () => {
    expect(CATALOG).toEqual(DRUGS.map(catalogEntry));
  });
});
