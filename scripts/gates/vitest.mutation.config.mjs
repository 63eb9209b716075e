// Vitest config for mutation testing (Stryker): only the node-environment tests that exercise src/engine and
// src/protocols (engine, protocol, class and mutation-killing tests).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    // UI tests (jsdom) and the CLI tests (spawn processes) do not exercise the engine directly: leave them out.
    // The fast-check property suites (hundreds of random plans, ~1-2 s each) cover every mutant, so Stryker would
    // rerun them for each of hundreds of mutants (20+ min on 2 cores): the example-based tests must kill mutants.
    // Likewise every suite that plans thousands of requests (fuzzing, planner/check agreement, the documented-codes
    // corpus) or starts processes and servers (the packed bin, the CDS Hooks service): they cover every core mutant
    // and would be rerun for each of them.
    exclude: [
      '**/node_modules/**',
      'tests/ui/**',
      'tests/cli/**',
      'tests/package/**',
      'tests/ehr/**',
      'tests/docs/**',
      'tests/properties/**',
      'tests/**/*properties*.test.ts',
      'tests/**/*invariants*.test.ts',
      'tests/robustness/fuzz.test.ts',
      'tests/check/planner-agreement.test.ts',
      // Suites that plan every benchmark request or validate FHIR bundles with the full FHIR definitions (seconds
      // each): they reach every core mutant, so Stryker reran them for each; the engine suites kill those mutants.
      'tests/engine/prior-components-every-plan.test.ts',
      'tests/export/regimen-of-several-medicines-exports.test.ts',
      'tests/export/fhir-codes-benzodiazepine-antidepressant.test.ts',
      'tests/export/fhir-oral-products.test.ts',
    ],
  },
});
