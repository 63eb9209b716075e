// Vitest config for mutation testing (Stryker): only the node-environment tests that exercise src/engine and
// src/protocols (engine, protocol, property and mutation-killing tests); the jsdom UI tests are left out to keep
// Stryker's per-mutant runs fast.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/engine/**/*.test.ts', 'tests/protocols/**/*.test.ts', 'tests/mutation/**/*.test.ts', 'tests/property/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/**/*.tsx'],
  },
});
