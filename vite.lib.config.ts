/**
 * Builds the package (`npm run build:lib`): the library entry `lib/index.js` and the bin `lib/cli.js`, bundled to
 * plain ES modules for Node 20 with their dependencies inlined, so the bin starts without tsx or module lookups.
 * Type declarations are emitted next to them by `tsc -p tsconfig.lib.json` (lib/types/).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  define: { __PACKAGE_VERSION__: JSON.stringify(version) },
  build: {
    lib: {
      entry: { index: 'src/package/index.ts', cli: 'src/cli/bin.ts' },
      formats: ['es'],
    },
    outDir: 'lib',
    emptyOutDir: false,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      external: [/^node:/],
      output: {
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        chunkFileNames: 'engine-[hash].js',
      },
    },
  },
});
