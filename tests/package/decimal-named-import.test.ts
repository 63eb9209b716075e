import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * decimal.js 10.6.0 types its entry as a CommonJS declaration (`export default Decimal` beside
 * `export declare class Decimal`). A consumer type-checking the shipped declarations with
 * `moduleResolution: nodenext` sees a default import as the whole module, not the class, so the engine
 * imports the class by name. check.ts and opioid.ts are outside this sweep (changed on another branch).
 */
const ENGINE = join(import.meta.dirname, '../../src/engine');
const EXCLUDED = new Set(['check.ts', join('classes', 'opioid.ts')]);

function engineFiles(dir = ENGINE, prefix = ''): string[] {
  return readdirSync(join(dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? engineFiles(join(dir, entry.name), join(prefix, entry.name)) : entry.name.endsWith('.ts') ? [join(prefix, entry.name)] : [],
  );
}

describe('engine imports Decimal by name (nodenext consumers)', () => {
  const files = engineFiles().filter((f) => !EXCLUDED.has(f));
  it('finds the engine sources', () => {
    expect(files).toContain('types.ts');
    expect(files).toContain('validate.ts');
  });
  it.each(files)('%s has no default import of decimal.js', (file) => {
    const text = readFileSync(join(ENGINE, file), 'utf8');
    expect(text).not.toMatch(/import\s+(type\s+)?Decimal\s+from\s+'decimal\.js'/);
  });
});
