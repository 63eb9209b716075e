import { describe, expect, it } from 'vitest';
import { isReadyFor, loadClassFor, planRestart } from '../../src/engine/browser.ts';
import { baseRequest } from './fixtures.ts';

describe('browser engine', () => {
  it('loads a class on demand and then plans its drugs', async () => {
    await loadClassFor('oxycodone');
    expect(isReadyFor('oxycodone')).toBe(true);
    expect(planRestart(baseRequest()).ok).toBe(true);
  });

  it('resolves at once for an unknown drug, which validation then reports', async () => {
    await loadClassFor('unobtainium');
    const result = planRestart(baseRequest({ drug: 'unobtainium' }));
    expect(result.ok).toBe(false);
  });
});
