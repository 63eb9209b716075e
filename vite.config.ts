import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { smartConfigProblems, type SmartConfig } from './src/smart/config.ts';

/**
 * SMART on FHIR launch configuration, a deploy-time file (smart.config.json, or the path in
 * RETITRATE_SMART_CONFIG; see smart.config.example.json). Without it the build has no launch code and
 * the CSP allows no other origin. With it, its origins join connect-src and the launch module is built.
 */
function readSmartConfig(): SmartConfig | null {
  const path = process.env.RETITRATE_SMART_CONFIG ?? 'smart.config.json';
  if (!existsSync(path)) return null;
  const config = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const problems = smartConfigProblems(config);
  if (problems.length) throw new Error(`${path}: ${problems.join(' ')}`);
  return config as SmartConfig;
}
const SMART = readSmartConfig();
const launchModule = fileURLToPath(new URL(SMART ? './src/smart/launch.ts' : './src/smart/no-launch.ts', import.meta.url));

/**
 * Content-Security-Policy for the production build: only the app's own origin, no inline script or style,
 * no third-party anything (nothing leaves the device). Delivered as a <meta> tag, so `frame-ancestors`,
 * `report-uri` and `sandbox` cannot be used (browsers ignore them in <meta>). Checked by the csp-privacy gate.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  ["connect-src 'self'", ...(SMART?.fhirOrigins ?? [])].join(' '),
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Injects the CSP <meta> right after <meta charset> (build only: the dev server needs inline scripts for HMR). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'retitrate:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('retitrate:csp: index.html has no <meta charset>; cannot place the CSP');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

/**
 * Test hook for the offline gate's update check: when RETITRATE_BUILD_MARK is set, the entry chunk records it in
 * `globalThis.__RETITRATE_BUILD__`, so two builds differ in a real asset (new hash, new precache manifest, new SW).
 * Without the variable (every normal build) this plugin does nothing.
 */
function buildMark(): Plugin {
  const mark = process.env.RETITRATE_BUILD_MARK;
  return {
    name: 'retitrate:build-mark',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!mark || !chunk.isEntry) return null;
      return { code: `${code}\nglobalThis.__RETITRATE_BUILD__=${JSON.stringify(mark)};\n`, map: null };
    },
  };
}

/**
 * The engine's own copy of zod (build only). The request and check schemas (src/engine/schema) are zod/mini, as the
 * form's schema is, and validateRequest parses with them in the lazily loaded engine chunks. With one copy, every zod
 * class the engine's schemas use would be placed in the first-load chunk: a module lives in one chunk, and the form
 * imports zod eagerly (+3.9 kB gzip on the first load). So the engine schemas' imports of zod, and zod's own imports
 * below them, resolve to a second copy of the modules (ids ending in `?engine-zod`), which goes with the engine.
 */
export function engineZodCopy(): Plugin {
  const SUFFIX = '?engine-zod';
  return {
    name: 'retitrate:engine-zod',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const fromCopy = importer.endsWith(SUFFIX);
      const fromEngineSchema = /[\\/]src[\\/]engine[\\/]schema[\\/][^\\/]+\.ts$/.test(importer) && /^zod(\/|$)/.test(source);
      if (!fromCopy && !fromEngineSchema) return null;
      const resolved = await this.resolve(source, fromCopy ? importer.slice(0, -SUFFIX.length) : importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return { ...resolved, id: `${resolved.id}${SUFFIX}` };
    },
  };
}

export default defineConfig({
  define: {
    __RETITRATE_SMART__: JSON.stringify(SMART),
    // fhirclient's "pure" build: no fetch polyfills (every supported browser has fetch).
    FHIRCLIENT_PURE: 'true',
  },
  resolve: { alias: [{ find: /^\.\/smart\/launch-entry\.ts$/, replacement: launchModule }] },
  plugins: [
    engineZodCopy(),
    react(),
    VitePWA({
      // pwa/sw.js (hand-written, no Workbox runtime: smaller first load) precaches every built file. A new
      // deployment's service worker installs, skips waiting, claims the open pages and deletes the old cache; the
      // next load (reload or next visit) gets the new version. Checked by the offline gate (update test).
      strategies: 'injectManifest',
      srcDir: 'pwa',
      filename: 'sw.js',
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Retitrate — restart schedules after a break',
        short_name: 'Retitrate',
        description:
          'Conservative, sourced restart schedules after a break in treatment. A decision aid for clinicians. Runs entirely on this device.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        // content-hashed files need no revision (their name changes with their content)
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.(js|css)$/,
      },
    }),
    contentSecurityPolicy(),
    buildMark(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // units.ts (the unit types' few run-time helpers) goes with strengths.ts, which every planner loads anyway,
        // rather than as a chunk of its own: each chunk's name is listed in the first-load script's preload map.
        codeSplitting: { groups: [{ name: 'strengths', test: /[\\/]src[\\/]engine[\\/](units|strengths)\.ts$/ }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
