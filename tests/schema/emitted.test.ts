import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/engine/schema/index.ts';
import { ROOT } from './ajv.ts';

describe('schema/*.schema.json', () => {
  it('are what the zod schemas emit (run `npm run schema` after changing src/engine/schema)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const onDisk = readFileSync(join(ROOT, 'schema', name), 'utf8');
      expect(onDisk, `schema/${name} is stale: run npm run schema`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it('are shipped in the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/*']).toBe('./schema/*');
  });

  it('require the contract fields and reject unknown request fields', () => {
    const { 'request.schema.json': request, 'plan.schema.json': plan } = jsonSchemas();
    expect(request.required).toEqual(['drug', 'prior', 'priorDurationDays', 'lastDoseDate', 'restartDate']);
    expect(request.additionalProperties).toBe(false);
    expect(plan.required).toEqual(expect.arrayContaining(['drug', 'drugClass', 'steps', 'warnings', 'derivation', 'sources', 'version']));
  });
});
