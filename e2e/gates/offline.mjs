// Gate: offline after the first visit, and clean updates.
//  1. Production build (dist): load, wait until the service worker controls the page, go offline, reload, fill the
//     form and compute a plan; then open a new tab (next visit) offline and check the app shell loads.
//  2. Update: two builds that differ in a real asset (RETITRATE_BUILD_MARK=A / B: the entry chunk, hence its hash,
//     the precache manifest and sw.js differ) served in turn on the same origin. After version A is installed and
//     B is deployed, the next load must run B (with autoUpdate the new SW installs, skips waiting and claims the page;
//     we allow at most two loads: the one that finds the update and the one after it), the old precache entries must
//     be gone, and B must then work offline.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, artifact, fillExample, gate, launchBrowser, startPreview, viteBuild } from './lib.mjs';

const swControls = (page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    return navigator.serviceWorker.controller.scriptURL;
  });
const buildMark = (page) => page.evaluate(() => globalThis.__RETITRATE_BUILD__ ?? null);
const entryScripts = (page) => page.evaluate(() => [...document.querySelectorAll('script[type=module][src]')].map((s) => s.getAttribute('src')));

await gate('offline', async () => {
  const problems = [];
  const facts = {};
  const browser = await launchBrowser();
  try {
    // --- 1. the production build works offline after the first visit ---
    {
      const server = await startPreview();
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(server.origin + '/', { waitUntil: 'load' });
        facts.sw = await swControls(page);
        await context.setOffline(true);
        const failed = [];
        page.on('requestfailed', (r) => failed.push(r.url()));
        await page.reload({ waitUntil: 'load' });
        await fillExample(page);
        facts.offlineRows = await page.getByRole('table', { name: 'Restart schedule' }).locator('tbody tr').count();
        if (facts.offlineRows < 1) problems.push('offline: the plan has no rows');
        const second = await context.newPage(); // next visit, still offline
        await second.goto(server.origin + '/', { waitUntil: 'load' });
        facts.offlineNewTab = (await second.locator('#root').innerHTML()).length > 0;
        if (!facts.offlineNewTab) problems.push('offline: a new tab shows an empty app');
        facts.offlineFailedRequests = failed;
        if (failed.length) problems.push(`offline: failed requests ${failed.join(', ')}`);
        await context.close();
      } finally {
        await server.stop();
      }
    }

    // --- 2. a new deployment is picked up, old caches are cleaned, and the new version works offline ---
    await viteBuild({ outDir: 'artifacts/gates/dist-a', env: { RETITRATE_BUILD_MARK: 'A' } });
    await viteBuild({ outDir: 'artifacts/gates/dist-b', env: { RETITRATE_BUILD_MARK: 'B' } });
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    let server = await startPreview({ outDir: 'artifacts/gates/dist-a' });
    try {
      await page.goto(server.origin + '/', { waitUntil: 'load' });
      await swControls(page);
      facts.before = { mark: await buildMark(page), scripts: await entryScripts(page) };
      if (facts.before.mark !== 'A') problems.push(`update: version A not running first (${facts.before.mark})`);
      await server.stop();
      server = await startPreview({ outDir: 'artifacts/gates/dist-b' });
      // Load 1 after the deployment: may still be served A from the precache while B's SW installs.
      await page.reload({ waitUntil: 'load' });
      let loads = 1;
      let mark = await buildMark(page);
      if (mark !== 'B') {
        // The browser checks sw.js on that navigation; wait until B's SW has precached B's entry and taken over
        // (no installing/waiting worker left), then the next load must be B.
        const entryB = readFileSync(resolve(ROOT, 'artifacts/gates/dist-b/index.html'), 'utf8').match(/<script type="module"[^>]*src="([^"]+)"/)[1];
        facts.swTookOverMs = await page.evaluate(async (entry) => {
          const t0 = performance.now();
          for (;;) {
            const reg = await navigator.serviceWorker.getRegistration();
            const cached = [];
            for (const name of await caches.keys()) cached.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
            if (reg && !reg.installing && !reg.waiting && reg.active?.state === 'activated' && cached.includes(entry)) return Math.round(performance.now() - t0);
            if (performance.now() - t0 > 15_000) return null;
            await new Promise((r) => setTimeout(r, 50));
          }
        }, entryB);
        if (facts.swTookOverMs === null) problems.push('update: the new service worker did not take over within 15 s');
        await page.reload({ waitUntil: 'load' });
        loads = 2;
        mark = await buildMark(page);
      }
      facts.after = { mark, loads, scripts: await entryScripts(page) };
      if (mark !== 'B') problems.push(`update: still running ${mark} after ${loads} loads`);
      if (facts.before.scripts.join() === facts.after.scripts.join()) problems.push('update: the two builds have the same entry chunk');
      facts.cache = await page.evaluate(async () => {
        const out = {};
        for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return out;
      });
      const cached = Object.values(facts.cache).flat();
      const stale = facts.before.scripts.filter((s) => cached.includes(s));
      if (stale.length) problems.push(`update: old version's assets still cached: ${stale.join(', ')}`);
      if (!facts.after.scripts.every((s) => cached.includes(s))) problems.push("update: new version's entry not precached");
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      facts.afterOffline = { mark: await buildMark(page) };
      await fillExample(page);
      const rows = await page.getByRole('table', { name: 'Restart schedule' }).locator('tbody tr').count();
      if (facts.afterOffline.mark !== 'B' || rows < 1) problems.push(`update: version B offline: mark ${facts.afterOffline.mark}, ${rows} plan rows`);
    } finally {
      await context.close();
      await server.stop();
    }
    artifact('offline.json', { facts, problems });
    for (const p of problems) console.log(`  PROBLEM: ${p}`);
    console.log(`  service worker: ${facts.sw}`);
    console.log(`  offline reload: plan with ${facts.offlineRows} rows; offline new tab: ${facts.offlineNewTab ? 'app shell loads' : 'EMPTY'}`);
    console.log(`  update: ${facts.before?.scripts} (A) -> ${facts.after?.scripts} (${facts.after?.mark}) on load ${facts.after?.loads} after deploy; caches now ${JSON.stringify(facts.cache)}`);
    const line = `offline reload + plan: ${facts.offlineRows > 0 ? 'works' : 'FAILS'}; new version picked up on load ${facts.after?.loads ?? '?'} after deploy (${facts.after?.mark === 'B' ? 'ok' : 'NOT picked up'}), old assets evicted, works offline after update; problems ${problems.length}`;
    return { ok: problems.length === 0, line };
  } finally {
    await browser.close();
  }
});
