// Gate: bytes budget. Each distinct resource counted once at its gzip size (zlib default level 6, as `vite build`
// reports and `vite preview` serves), recorded from a real first visit in Chromium.
//   FIRST LOAD (gated, ≤ BYTES_BUDGET, default 110 kB = 110,000 bytes): everything the page itself requests until it
//   is loaded and idle (HTML, JS chunks it imports, CSS, registerSW.js), the service worker script and whatever it
//   imports (its runtime), and the web manifest (counted even when headless Chromium does not fetch it).
//   OFFLINE INSTALL (printed, not gated): what the service worker's precache fetches in the background that the page
//   did not request (lazy chunks, icons, index.html under its own URL). Lazy-loading a chunk moves it from the first
//   load to the offline install; it is still downloaded once on the first visit so that the app works offline.
import { gzipSync } from 'node:zlib';
import { artifact, gate, launchBrowser, startPreview } from './lib.mjs';

const BUDGET = Number(process.env.BYTES_BUDGET || 110_000);

await gate('bytes budget', async () => {
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const seen = new Map(); // path -> { by: Set('page'|'sw'), type }
    const note = (req) => {
      const u = new URL(req.url());
      if (u.protocol === 'data:') return;
      u.searchParams.delete('__WB_REVISION__');
      const key = u.origin === server.origin ? u.pathname + u.search : u.href;
      const row = seen.get(key) ?? { by: new Set(), type: req.resourceType() };
      row.by.add(req.serviceWorker() ? 'sw' : 'page');
      seen.set(key, row);
    };
    context.on('request', note);
    const page = await context.newPage();
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    // First visit is over when the service worker has installed (precache fetched) and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.waitForLoadState('networkidle');
    if (!seen.has('/manifest.webmanifest')) seen.set('/manifest.webmanifest', { by: new Set(['(manifest, counted anyway)']), type: 'manifest' });

    const rows = [];
    for (const [path, { by, type }] of seen) {
      if (!path.startsWith('/')) {
        rows.push({ path, type, by: [...by].join('+'), raw: NaN, gzip: NaN, foreign: true });
        continue;
      }
      const r = await fetch(server.origin + path, { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await r.arrayBuffer());
      rows.push({ path, type, by: [...by].join('+'), status: r.status, raw: body.length, gzip: gzipSync(body).length });
    }
    rows.sort((a, b) => b.gzip - a.gzip);
    // first load = requested by the page, or the SW script and its imports (not a precache fetch), or the manifest
    const isFirstLoad = (r) => r.by.includes('page') || r.path.endsWith('.webmanifest') || /^\/sw\.js$|^\/workbox-[\w-]+\.js$/.test(r.path);
    for (const r of rows) r.phase = isFirstLoad(r) ? 'first load' : 'offline install';
    const first = rows.filter((r) => r.phase === 'first load');
    const total = first.reduce((s, r) => s + (r.gzip || 0), 0);
    const rawTotal = first.reduce((s, r) => s + (r.raw || 0), 0);
    const installTotal = rows.filter((r) => r.phase !== 'first load').reduce((s, r) => s + (r.gzip || 0), 0);
    const kb = (n) => (n / 1000).toFixed(2).padStart(7) + ' kB';
    console.log('  resource                                   requested by     raw        gzip   phase');
    for (const r of rows)
      console.log(`  ${r.path.padEnd(42)} ${r.by.padEnd(12)} ${kb(r.raw)} ${kb(r.gzip)}   ${r.phase}`);
    console.log(`  ${'FIRST LOAD'.padEnd(42)} ${''.padEnd(12)} ${kb(rawTotal)} ${kb(total)}   budget ${kb(BUDGET)}`);
    console.log(`  ${'+ OFFLINE INSTALL (background precache)'.padEnd(55)} ${kb(installTotal)}   first visit in all ${kb(total + installTotal)}`);
    artifact('bytes.json', { budget: BUDGET, firstLoad: total, rawFirstLoad: rawTotal, offlineInstall: installTotal, rows });
    const foreign = rows.filter((r) => r.foreign);
    const bad = rows.filter((r) => !r.foreign && r.status !== 200);
    const ok = total <= BUDGET && foreign.length === 0 && bad.length === 0;
    let line = `first load ${(total / 1000).toFixed(1)} kB gzip (${first.length} resources, raw ${(rawTotal / 1000).toFixed(1)} kB), budget ${(BUDGET / 1000).toFixed(0)} kB; + ${(installTotal / 1000).toFixed(1)} kB background precache for offline`;
    if (foreign.length) line += `; third-party: ${foreign.map((r) => r.path).join(', ')}`;
    if (bad.length) line += `; non-200: ${bad.map((r) => `${r.path} ${r.status}`).join(', ')}`;
    if (total > BUDGET) line += `; OVER by ${((total - BUDGET) / 1000).toFixed(1)} kB`;
    return { ok, line };
  } finally {
    await browser.close();
    await server.stop();
  }
});
