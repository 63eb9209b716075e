import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * decimal.js 10.6.0 types its entry as a CommonJS declaration (`export default Decimal` beside
 * `export declare class Decimal`). A consumer type-checking the shipped declarations with
 * `moduleResolution: nodenext` sees a default import as the whole module, not the class, so the engine
 * imports the class by name. The sweep covers the engine and everything else the package bundles or declares
 * (exports, EHR mapping, package entry, command line).
 */
const SRC = join(import.meta.dirname, '../../src');
const ENGINE = join(SRC, 'engine');

function engineFiles(dir = ENGINE, prefix = ''): string[] {
  return readdirSync(join(dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? engineFiles(join(dir, entry.name), join(prefix, entry.name)) : entry.name.endsWith('.ts') ? [join(prefix, entry.name)] : [],
  );
}

const SWEPT = ['engine', 'ehr', 'export', 'package', 'cli'];

describe('engine imports Decimal by name (nodenext consumers)', () => {
  const files = SWEPT.flatMap((dir) => engineFiles(join(SRC, dir), dir));
  it('finds the sources, check.ts and the opioid class among them', () => {
    expect(files).toContain(join('engine', 'types.ts'));
    expect(files).toContain(join('engine', 'check.ts'));
    expect(files).toContain(join('engine', 'classes', 'opioid.ts'));
    expect(files).toContain(join('ehr', 'dosage.ts'));
  });
  it.each(files)('%s has no default import of decimal.js', (file) => {
    const text = readFileSync(join(SRC, file), 'utf8');
    expect(text).not.toMatch(/import\s+(type\s+)?Decimal\s+from\s+'decimal\.js'/);
  });
});
