// Gate: bytes budget. Everything the browser requests on a first visit (page + service worker: HTML, JS, CSS,
// manifest, icons, SW registration, sw.js, workbox runtime, precache), each distinct resource counted once at its
// gzip size (zlib default level 6, as `vite build` reports and `vite preview` serves), plus the web manifest even
// if headless Chromium does not fetch it. Hard gate: total ≤ BYTES_BUDGET (default 110 kB = 110,000 bytes).
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
    const total = rows.reduce((s, r) => s + (r.gzip || 0), 0);
    const rawTotal = rows.reduce((s, r) => s + (r.raw || 0), 0);
    const kb = (n) => (n / 1000).toFixed(2).padStart(7) + ' kB';
    console.log('  resource                                   requested by     raw        gzip');
    for (const r of rows)
      console.log(`  ${r.path.padEnd(42)} ${r.by.padEnd(12)} ${kb(r.raw)} ${kb(r.gzip)}`);
    console.log(`  ${'TOTAL'.padEnd(42)} ${''.padEnd(12)} ${kb(rawTotal)} ${kb(total)}   budget ${kb(BUDGET)}`);
    artifact('bytes.json', { budget: BUDGET, total, rawTotal, rows });
    const foreign = rows.filter((r) => r.foreign);
    const bad = rows.filter((r) => !r.foreign && r.status !== 200);
    const ok = total <= BUDGET && foreign.length === 0 && bad.length === 0;
    let line = `first load ${(total / 1000).toFixed(1)} kB gzip (${rows.length} resources, raw ${(rawTotal / 1000).toFixed(1)} kB), budget ${(BUDGET / 1000).toFixed(0)} kB`;
    if (foreign.length) line += `; third-party: ${foreign.map((r) => r.path).join(', ')}`;
    if (bad.length) line += `; non-200: ${bad.map((r) => `${r.path} ${r.status}`).join(', ')}`;
    if (total > BUDGET) line += `; OVER by ${((total - BUDGET) / 1000).toFixed(1)} kB`;
    return { ok, line };
  } finally {
    await browser.close();
    await server.stop();
  }
});
