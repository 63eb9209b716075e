// Retitrate's service worker: precache the app shell and every built asset, serve them cache-first so the app works
// offline after the first visit, and replace everything cleanly when a new version is deployed.
// Hand-written (no Workbox runtime) to keep the first load small; vite-plugin-pwa (injectManifest) injects the
// precache list (self.__WB_MANIFEST: [{url, revision}]; revision is null for content-hashed files).
// de-duplicated by URL (the plugin may list the manifest and icons twice)
const PRECACHE = [...new Map(self.__WB_MANIFEST.map((e) => [e.url, e])).values()];
const PREFIX = 'retitrate-precache-';

// One cache per deployment: its name is a hash of the precache list, so any changed asset gives a new cache.
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
const CACHE = PREFIX + fnv1a(JSON.stringify(PRECACHE));
// Install order of the precaches, so activation can keep exactly the previous version (see 'activate').
const ORDER = new Request('/__retitrate-precache-order');
const SCOPE = new URL(self.registration.scope);
const toUrl = (path) => new URL(path, SCOPE).href;
const SHELL = toUrl('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        PRECACHE.map(async ({ url, revision }) => {
          // files without a content hash must not come from the HTTP cache (they may be an older version)
          const response = await fetch(toUrl(url), { cache: revision ? 'reload' : 'default', credentials: 'same-origin' });
          if (!response.ok) throw new Error(`precache ${url}: HTTP ${response.status}`);
          await cache.put(toUrl(url), response);
        }),
      );
      const meta = await caches.open(PREFIX + 'meta');
      const order = (await (await meta.match(ORDER))?.json()) ?? [];
      await meta.put(ORDER, new Response(JSON.stringify([...order.filter((name) => name !== CACHE), CACHE])));
      await self.skipWaiting(); // autoUpdate: the new version takes over as soon as it is installed
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keep this version and the one before it: a page still open on the previous version can then load its own
      // lazy chunks (they are gone from the server after a deployment). Anything older is deleted.
      const meta = await caches.open(PREFIX + 'meta');
      const order = ((await (await meta.match(ORDER))?.json()) ?? []).filter((name) => name !== CACHE);
      const keep = new Set([CACHE, PREFIX + 'meta', order.at(-1)]);
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      await meta.put(ORDER, new Response(JSON.stringify([...order.filter((name) => keep.has(name)), CACHE])));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(caches.open(CACHE).then((c) => c.match(SHELL)).then((hit) => hit || fetch(request)));
    return;
  }
  url.search = '';
  // this version's files first, then the previous version's (an older page's lazy chunk), then the network
  event.respondWith(
    caches
      .open(CACHE)
      .then((c) => c.match(url.href))
      .then((hit) => hit || caches.match(url.href))
      .then((hit) => hit || fetch(request)),
  );
});
