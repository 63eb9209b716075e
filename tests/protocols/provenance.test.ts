/**
 * Every clinical value in src/protocols carries a registered source (with a locator) or a registered
 * engine assumption; every source is complete; the data is frozen.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, CONCURRENT_ONLY, DRUGS, SOURCES } from '../../src/protocols/index.ts';

const modules = import.meta.glob('../../src/protocols/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;

interface Found {
  readonly path: string;
  readonly node: Record<string, unknown>;
}

function walk(value: unknown, path: string, out: Found[], seen = new Set<unknown>()): Found[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (!Array.isArray(value)) out.push({ path, node: value as Record<string, unknown> });
  for (const [key, child] of Object.entries(value as object)) walk(child, `${path}.${key}`, out, seen);
  return out;
}

const protocolData = Object.entries(modules)
  .filter(([file]) => !file.endsWith('/types.ts'))
  .flatMap(([file, exports]) => Object.entries(exports).map(([name, value]) => ({ name: `${file.replace('../../src/protocols/', '')}:${name}`, value })));

const allNodes = protocolData.flatMap(({ name, value }) => walk(value, name, []));

describe('protocol provenance', () => {
  it('finds protocol data to check', () => {
    expect(allNodes.length).toBeGreaterThan(50);
  });

  it('every sourced value names a registered source and a locator, or a registered assumption', () => {
    const problems: string[] = [];
    for (const { path, node } of allNodes) {
      if (path.includes('SOURCES') || path.includes('ASSUMPTIONS')) continue;
      if ('source' in node) {
        if (typeof node.source !== 'string' || !SOURCES[node.source]) problems.push(`${path}: unknown source ${String(node.source)}`);
        if (typeof node.locator !== 'string' || node.locator.length < 3) problems.push(`${path}: missing locator`);
      }
      if ('assumption' in node && (typeof node.assumption !== 'string' || !ASSUMPTIONS[node.assumption])) {
        problems.push(`${path}: unknown assumption ${String(node.assumption)}`);
      }
      // A raw value (not a nested sourced object, which is checked on its own) must carry provenance.
      const raw = 'value' in node && (node.value === null || typeof node.value !== 'object' || Array.isArray(node.value));
      if (raw && !('source' in node) && !('assumption' in node)) problems.push(`${path}: a value without provenance`);
    }
    expect(problems).toEqual([]);
  });

  it('every source has a title, issuer, year and https URL', () => {
    for (const source of Object.values(SOURCES)) {
      expect(source.title.length, source.id).toBeGreaterThan(10);
      expect(source.issuer.length, source.id).toBeGreaterThan(2);
      expect(source.year, source.id).toBeGreaterThanOrEqual(1980);
      expect(source.url, source.id).toMatch(/^https?:\/\//);
    }
  });

  it('every assumption says what it assumes and why', () => {
    for (const assumption of Object.values(ASSUMPTIONS)) {
      expect(assumption.statement.length, assumption.id).toBeGreaterThan(20);
      expect(assumption.rationale.length, assumption.id).toBeGreaterThan(20);
    }
  });

  it('protocol data is deep-frozen', () => {
    for (const { path, node } of allNodes) expect(Object.isFrozen(node), path).toBe(true);
    expect(Object.isFrozen(DRUGS[0]!.formulations[0]!.strengths)).toBe(true);
  });

  it('drug ids are unique, lowercase, and never both planned and concurrent-only', () => {
    const ids = DRUGS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
    const overlap = CONCURRENT_ONLY.filter((c) => ids.includes(c.id)).map((c) => c.id);
    expect(overlap).toEqual([]);
  });

  it('every formulation default exists and every strength is a positive decimal string', () => {
    for (const drug of DRUGS) {
      expect(drug.formulations.map((f) => f.id), drug.id).toContain(drug.defaultFormulation);
      for (const formulation of drug.formulations) {
        expect(formulation.strengths.length, `${drug.id} ${formulation.id}`).toBeGreaterThan(0);
        for (const strength of formulation.strengths) expect(strength.amount).toMatch(/^\d+(\.\d+)?$/);
      }
    }
  });
});
