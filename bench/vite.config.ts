/** Builds the engine (and the benchmark's request set) as shipped: bundled, without tsx's keep-names wrappers. */
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: {
    lib: {
      entry: { engine: 'src/engine/index.ts', requests: 'bench/requests.ts' },
      formats: ['es'],
    },
    outDir: 'bench/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
  },
});
