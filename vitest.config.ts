import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    // Tests that start processes (the CLI, the packed bin, the CDS Hooks service) run 5–10 times slower on a busy
    // 2-core machine; a generous limit keeps machine noise from failing CI while a real hang still fails.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // UI tests opt in to jsdom with a `// @vitest-environment jsdom` docblock.
  },
});
