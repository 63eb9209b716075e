// Vitest config for mutation testing (Stryker): only the node-environment tests that exercise src/engine and
// src/protocols (engine, protocol, class, property and mutation-killing tests); the jsdom UI tests and the CLI
// tests are left out to keep Stryker's per-mutant runs fast.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.ts'],
    // UI tests (jsdom) and the CLI tests (spawn processes) do not exercise the engine directly: leave them out.
    exclude: ['**/node_modules/**', 'tests/ui/**', 'tests/cli/**'],
  },
});
