// Gate: offline after the first visit, and clean updates.
//  1. Production build (dist): load, wait until the service worker controls the page, go offline, reload, fill the
//     form and compute a plan; then open a new tab (next visit) offline and check the app shell loads.
//  2. Updates: three builds that differ in a real asset (RETITRATE_BUILD_MARK=A/B/C: the entry chunk, hence its
//     hash, the precache list and sw.js differ) deployed in turn on the same origin. After each deployment the page
//     must run the new version within two loads (the load that finds the new SW may still be served the old one;
//     the new SW installs, skips waiting and claims the page). A tab left open on A must still load A's lazy chunk
//     after B took over (the SW keeps the previous version's precache). After C, A's files must be gone, at most
//     two precache versions kept, and C must work offline.
import { readdirSync, readFileSync } from 'node:fs';
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
        // The root renders in a transition (it may commit just after the load event): wait up to 5 s for it.
        facts.offlineNewTab = await second
          .waitForFunction(() => (document.getElementById('root')?.innerHTML.length ?? 0) > 0, null, { timeout: 5000 })
          .then(() => true, () => false);
        if (!facts.offlineNewTab) problems.push('offline: a new tab shows an empty app');
        facts.offlineFailedRequests = failed;
        if (failed.length) problems.push(`offline: failed requests ${failed.join(', ')}`);
        await context.close();
      } finally {
        await server.stop();
      }
    }

    // --- 2. deployments: B is picked up; a tab still on A keeps working; C evicts A; the latest works offline ---
    const builds = {};
    for (const mark of ['A', 'B', 'C']) {
      const outDir = `artifacts/gates/dist-${mark.toLowerCase()}`;
      await viteBuild({ outDir, env: { RETITRATE_BUILD_MARK: mark } });
      const html = readFileSync(resolve(ROOT, outDir, 'index.html'), 'utf8');
      const entry = html.match(/<script type="module"[^>]*src="([^"]+)"/)[1];
      // lazy chunks: built JS that index.html does not load (planning, derivation, exports...)
      const lazy = readdirSync(resolve(ROOT, outDir, 'assets'))
        .filter((f) => f.endsWith('.js') && !html.includes(f))
        .map((f) => `/assets/${f}`);
      builds[mark] = { outDir, entry, lazy };
    }
    const cachedPaths = (page) =>
      page.evaluate(async () => {
        const out = {};
        for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return out;
      });
    // Waits until the active SW has precached `entry` and nothing is installing or waiting.
    const newVersionActive = (page, entry) =>
      page.evaluate(async (entry) => {
        const t0 = performance.now();
        for (;;) {
          const reg = await navigator.serviceWorker.getRegistration();
          const cached = [];
          for (const name of await caches.keys()) cached.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
          if (reg && !reg.installing && !reg.waiting && reg.active?.state === 'activated' && cached.includes(entry)) return Math.round(performance.now() - t0);
          if (performance.now() - t0 > 15_000) return null;
          await new Promise((r) => setTimeout(r, 50));
        }
      }, entry);
    // Deploys `mark` and reloads `page` until it runs it (at most 2 loads); returns the number of loads.
    const deployAndLoad = async (mark) => {
      await server.stop();
      server = await startPreview({ outDir: builds[mark].outDir });
      await page.reload({ waitUntil: 'load' }); // load 1 may still be served the old version while the new SW installs
      if ((await buildMark(page)) === mark) return 1;
      if ((await newVersionActive(page, builds[mark].entry)) === null) problems.push(`update: ${mark}'s service worker did not take over within 15 s`);
      await page.reload({ waitUntil: 'load' });
      return (await buildMark(page)) === mark ? 2 : Infinity;
    };

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    let server = await startPreview({ outDir: builds.A.outDir });
    try {
      await page.goto(server.origin + '/', { waitUntil: 'load' });
      await swControls(page);
      if ((await buildMark(page)) !== 'A') problems.push('update: version A not running first');
      const oldTab = await context.newPage(); // stays open on version A through the next deployment
      await oldTab.goto(server.origin + '/', { waitUntil: 'load' });
      if (builds.A.entry === builds.B.entry) problems.push('update: builds A and B have the same entry chunk');

      facts.loadsForB = await deployAndLoad('B');
      if (facts.loadsForB > 2) problems.push(`update: B not running after 2 loads (${await buildMark(page)})`);
      facts.cachesAfterB = await cachedPaths(page);
      // the old tab (still A) loads one of A's lazy chunks after B took over: served from A's kept precache
      facts.oldTabMark = await buildMark(oldTab);
      facts.oldTabLazy = builds.A.lazy.length
        ? await oldTab.evaluate((url) => import(url).then(() => 'loaded', (e) => `FAILED: ${e.message}`), builds.A.lazy.find((u) => !u.includes('planning')) ?? builds.A.lazy[0])
        : 'no lazy chunk in this build';
      if (facts.oldTabLazy.startsWith('FAILED')) problems.push(`update: a tab still on A cannot load its lazy chunk after B took over (${facts.oldTabLazy})`);
      await oldTab.close();

      facts.loadsForC = await deployAndLoad('C');
      if (facts.loadsForC > 2) problems.push(`update: C not running after 2 loads (${await buildMark(page)})`);
      facts.cachesAfterC = await cachedPaths(page);
      const cachedC = Object.values(facts.cachesAfterC).flat();
      if (cachedC.includes(builds.A.entry)) problems.push(`update: version A's assets still cached two deployments later (${builds.A.entry})`);
      if (!cachedC.includes(builds.C.entry)) problems.push("update: C's entry not precached");
      facts.precacheVersions = Object.keys(facts.cachesAfterC).filter((n) => !n.endsWith('meta')).length;
      if (facts.precacheVersions > 2) problems.push(`update: ${facts.precacheVersions} precache versions kept (want at most 2)`);

      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      facts.afterOffline = { mark: await buildMark(page) };
      await fillExample(page);
      const rows = await page.getByRole('table', { name: 'Restart schedule' }).locator('tbody tr').count();
      if (facts.afterOffline.mark !== 'C' || rows < 1) problems.push(`update: latest version offline: mark ${facts.afterOffline.mark}, ${rows} plan rows`);
    } finally {
      await context.close();
      await server.stop();
    }
    artifact('offline.json', { facts, problems });
    for (const p of problems) console.log(`  PROBLEM: ${p}`);
    console.log(`  service worker: ${facts.sw}`);
    console.log(`  offline reload: plan with ${facts.offlineRows} rows; offline new tab: ${facts.offlineNewTab ? 'app shell loads' : 'EMPTY'}`);
    console.log(`  update: B running on load ${facts.loadsForB} after its deployment, C on load ${facts.loadsForC}; tab left on A loads its lazy chunk: ${facts.oldTabLazy}; precache versions kept: ${facts.precacheVersions}`);
    console.log(`  caches after C: ${JSON.stringify(facts.cachesAfterC)}`);
    const line = `offline reload + plan: ${facts.offlineRows > 0 ? 'works' : 'FAILS'}; new version running on load ${facts.loadsForB}/${facts.loadsForC} after deploy (B/C), old tab's lazy chunk: ${facts.oldTabLazy}, versions older than the previous evicted, latest works offline; problems ${problems.length}`;
    return { ok: problems.length === 0, line };
  } finally {
    await browser.close();
  }
});
