/**
 * The browser engine starts with no drug class loaded and loads each class on first use. Each test
 * imports fresh copies of the engine modules (the test set-up has every class loaded already).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshEngine() {
  const browser = await import('../../src/engine/browser.ts');
  const registry = await import('../../src/engine/registry.ts');
  return { browser, registry };
}

beforeEach(() => {
  vi.resetModules();
});

describe('browser engine: classes loaded on demand', () => {
  it('is ready at once for an unknown drug, which validation reports', async () => {
    const { browser } = await freshEngine();
    expect(browser.isReadyFor('unobtainium')).toBe(true);
    await browser.loadClassFor('unobtainium');
    expect(browser.isReadyFor('unobtainium')).toBe(true);
  });

  it.each([
    ['oxycodone', 'opioid', 'alprazolam'],
    ['alprazolam', 'benzodiazepine', 'sertraline'],
    ['sertraline', 'antidepressant', 'clozapine'],
    ['clozapine', 'labelled-restart', 'oxycodone'],
  ] as const)('loads the class of %s (%s) and no other', async (drugId, drugClass, otherDrug) => {
    const { browser, registry } = await freshEngine();
    expect(browser.isReadyFor(drugId)).toBe(false);
    expect(() => registry.findDrug(drugId)).toThrow(`programmer error: load the ${drugClass} class before planning ${drugId}`);
    expect(() => registry.classModule(drugClass)).toThrow(`programmer error: drug class ${drugClass} is not loaded`);
    await browser.loadClassFor(drugId);
    expect(browser.isReadyFor(drugId)).toBe(true);
    expect(browser.isReadyFor(otherDrug)).toBe(false);
    expect(registry.findDrug(drugId)?.id).toBe(drugId);
    expect(registry.classModule(drugClass).drugClass).toBe(drugClass);
  });

  it('keeps the first module registered for a class', async () => {
    const { browser, registry } = await freshEngine();
    await browser.loadClassFor('oxycodone');
    const first = registry.classModule('opioid');
    registry.registerClass({ drugClass: 'opioid', drugs: [], plan: first.plan });
    expect(registry.classModule('opioid')).toBe(first);
    expect(registry.classModule('opioid').drugs.map((d) => d.id)).toContain('oxycodone');
  });

  it('plans a drug once its class is loaded', async () => {
    const { browser } = await freshEngine();
    await browser.loadClassFor('sertraline');
    await browser.loadClassFor('sertraline');
    const result = browser.planRestart({
      drug: 'sertraline',
      formulation: 'tablet',
      prior: { dose: '50', unit: 'mg', timesPerDay: 1 },
      priorDurationDays: 90,
      lastDoseDate: '2026-11-01',
      restartDate: '2026-11-28',
    });
    expect(result.ok).toBe(true);
  });
});
