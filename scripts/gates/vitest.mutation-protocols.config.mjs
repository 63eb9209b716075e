// Vitest config for the protocol-data mutation sample (scripts/gates/mutation-protocols.mjs). Protocol data mutants
// are "static" (evaluated once at import), so Stryker must rerun every test in this config for each of them: keep it
// to the tests that pin protocol values (pin tests, provenance, the generated catalog) and the clinical vignettes.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/protocols/**/*.test.ts', 'tests/**/protocol.test.ts', 'tests/**/vignettes.test.ts'],
  },
});
