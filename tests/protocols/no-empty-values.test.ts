/**
 * No protocol value is an empty string: every id, name, unit, strength, source id, locator, category, statement and
 * URL in src/protocols says something. An empty locator is an unsourced number, an empty category or id silently
 * turns a warning off, an empty strength is a tablet that does not exist. Also: every RxNorm locator names its own
 * code, and an RxNorm code is re-checked (no "not re-checked" caveat) or says so.
 */
import { describe, expect, it } from 'vitest';

const modules = import.meta.glob('../../src/protocols/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function strings(value: unknown, path: string, out: { path: string; text: string }[], seen = new Set<unknown>()) {
  if (typeof value === 'string') out.push({ path, text: value });
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  for (const [key, child] of Object.entries(value as object)) strings(child, `${path}.${key}`, out, seen);
  return out;
}

const all = Object.entries(modules)
  .filter(([file]) => !file.endsWith('/types.ts'))
  .flatMap(([file, exports]) =>
    Object.entries(exports).flatMap(([name, value]) => strings(value, `${file.replace('../../src/protocols/', '')}:${name}`, [])),
  );

describe('protocol data has no empty values', () => {
  it('finds the protocol strings to check', () => {
    expect(all.length).toBeGreaterThan(3000);
  });

  it('no string anywhere in the protocol data is empty or only whitespace', () => {
    const empty = all.filter(({ text }) => text.trim() === '').map(({ path }) => path);
    expect(empty).toEqual([]);
  });

  it('no protocol string carries a test marker or a stray placeholder', () => {
    const odd = all.filter(({ text }) => /Stryker was here|TODO|undefined|\[object /.test(text)).map(({ path }) => path);
    expect(odd).toEqual([]);
  });

  it('every RxNorm-sourced value is a numeric RXCUI that its locator names', () => {
    const found: string[] = [];
    const walk = (node: unknown, path: string, seen = new Set<unknown>()) => {
      if (node === null || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const n = node as Record<string, unknown>;
      if (n.source === 'rxnorm' && 'value' in n) {
        found.push(path);
        expect(n.value, path).toMatch(/^\d+$/);
        expect(String(n.locator), path).toMatch(new RegExp(`^RXCUI ${String(n.value)} \\([a-z][a-z -]*, ingredient[;)]`));
      }
      for (const [key, child] of Object.entries(n)) walk(child, `${path}.${key}`, seen);
    };
    for (const [file, exports] of Object.entries(modules)) walk(exports, file);
    expect(found.length).toBeGreaterThan(40);
  });

  it('benzodiazepine and Z-drug RxNorm locators say exactly which codes were re-checked against RxNav', () => {
    const caveat = ' — not re-checked against RxNav in this review; confirm before use in an interface';
    const checked = ['alprazolam', 'clonazepam', 'diazepam', 'lorazepam', 'clorazepate', 'temazepam', 'zolpidem'];
    const unchecked = ['chlordiazepoxide', 'clobazam', 'oxazepam', 'triazolam', 'estazolam', 'flurazepam', 'zopiclone', 'eszopiclone', 'zaleplon'];
    const benzos = (modules['../../src/protocols/benzodiazepines/index.ts']!.BENZODIAZEPINES as readonly { id: string; rxnorm: { value: string; locator: string } }[]);
    expect(benzos.map((d) => d.id).sort()).toEqual([...checked, ...unchecked].sort());
    for (const d of benzos) {
      const expected = `RXCUI ${d.rxnorm.value} (${d.id}, ingredient)${checked.includes(d.id) ? '' : caveat}`;
      expect(d.rxnorm.locator, d.id).toBe(expected);
    }
  });
});
