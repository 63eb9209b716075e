// Gate: no data leaves the device.
//  1. The built index.html carries a Content-Security-Policy <meta> that allows only the app's own origin
//     (no 'unsafe-inline'/'unsafe-eval', no host or scheme sources but data: images) and has no inline script.
//  2. In the browser: every request of a full session (load, disclaimer, form, plan, reload) goes to the preview
//     origin; no CSP violation is reported (so React's styles work under style-src 'self').
//  3. After the form is filled: localStorage, sessionStorage, IndexedDB, Cache Storage and cookies hold no key or
//     value that looks like a patient identifier (name, ID/record number, date of birth, address, phone, email);
//     Cache Storage holds only the app's own files.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, artifact, fillExample, gate, launchBrowser, startPreview } from './lib.mjs';

const REQUIRED = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
};

/** Parses the CSP <meta> of the built HTML; returns problems found (empty when it is as strict as required). */
function checkBuiltHtml(html) {
  const problems = [];
  const m = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!m) return { problems: ['no Content-Security-Policy <meta> in dist/index.html'], csp: null };
  const csp = m[1];
  const directives = new Map(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v]; }),
  );
  for (const [k, want] of Object.entries(REQUIRED)) {
    const got = directives.get(k);
    if (!got) problems.push(`CSP lacks ${k}`);
    else if (got.join(' ') !== want.join(' ')) problems.push(`CSP ${k} is "${got.join(' ')}", want "${want.join(' ')}"`);
  }
  for (const [k, v] of directives)
    for (const src of v)
      if (!/^'(self|none|sha(256|384|512)-[A-Za-z0-9+/=]+)'$|^data:$/.test(src)) problems.push(`CSP ${k} allows ${src}`);
  const cspIndex = html.indexOf('Content-Security-Policy');
  const firstScriptOrLink = html.search(/<(script|link)\b/i);
  if (firstScriptOrLink !== -1 && firstScriptOrLink < cspIndex) problems.push('CSP <meta> comes after a <script>/<link>');
  for (const s of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi))
    if (!/\bsrc=/.test(s[1]) && s[2].trim()) problems.push(`inline <script> in index.html: ${s[2].trim().slice(0, 60)}`);
  if (/\sstyle="/i.test(html)) problems.push('inline style attribute in index.html');
  if (/<style\b/i.test(html)) problems.push('inline <style> in index.html');
  return { problems, csp };
}

// Keys that would hold a patient identifier (the form has none by design: it never asks who the patient is).
const ID_KEY =
  /(^|[^a-z])(name|fullname|firstname|lastname|surname|givenname|familyname|patientid|patient_id|nhs|mrn|chi|hospitalnumber|medicalrecord|ssn|socialsecurity|dob|dateofbirth|birthdate|birth|address|postcode|zipcode|phone|mobile|email|initials)([^a-z]|$)/i;
// Values that look like an identifier: email, phone, NHS/record-style 9–12 digit numbers, a capitalised "First Last".
const ID_VALUE = [
  [/[^\s@]+@[^\s@]+\.[a-z]{2,}/i, 'email address'],
  [/(^|\D)\d{3}[ -]?\d{3}[ -]?\d{4}(\D|$)/, '10-digit number (NHS number / phone)'],
  [/(^|\D)\d{9,12}(\D|$)/, 'long ID-like number'],
  [/\+\d[\d ()-]{7,}/, 'phone number'],
];

/** Flattens any JSON-ish value to [path, leaf] pairs so stored JSON blobs are inspected key by key. */
function* leaves(value, path) {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value);
      if (parsed && typeof parsed === 'object') return yield* leaves(parsed, path);
    } catch {
      /* a plain string */
    }
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
    return;
  }
  yield [path, value];
}

function identifierProblems(store, entries) {
  const problems = [];
  for (const [key, value] of entries) {
    for (const [path, leaf] of leaves(value, [key])) {
      const badKey = path.find((p) => ID_KEY.test(String(p).replace(/[A-Z]/g, (c) => c.toLowerCase())));
      // drug/formulation display names are app data, not a patient's: allow keys whose path names the drug.
      if (badKey && !path.some((p) => /drug|formulation|product|source|title/i.test(String(p))))
        problems.push(`${store}: key ${path.join('.')} looks like an identifier field`);
      for (const [re, what] of ID_VALUE)
        if (typeof leaf === 'string' && re.test(leaf)) problems.push(`${store}: ${path.join('.')} = "${leaf.slice(0, 40)}" looks like an ${what}`);
    }
  }
  return problems;
}

await gate('csp & privacy', async () => {
  const html = readFileSync(resolve(ROOT, 'dist/index.html'), 'utf8');
  const { problems, csp } = checkBuiltHtml(html);

  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const requests = [];
    context.on('request', (r) => requests.push({ url: r.url(), sw: !!r.serviceWorker(), type: r.resourceType() }));
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sourceFile ?? ''}:${e.lineNumber ?? ''}`),
      );
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(server.origin + '/', { waitUntil: 'load' });
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await fillExample(page);
    const rows = await page.getByRole('table', { name: 'Restart schedule' }).locator('tbody tr').count();
    if (rows < 1) problems.push('the plan showed no schedule rows');

    // What the app left on the device.
    const stored = await page.evaluate(async () => {
      const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => [k, s.getItem(k)]));
      const idb = {};
      for (const { name, version } of (await indexedDB.databases?.()) ?? []) {
        idb[name] = await new Promise((res) => {
          const open = indexedDB.open(name, version);
          open.onerror = () => res({ error: String(open.error) });
          open.onsuccess = async () => {
            const db = open.result;
            const out = {};
            for (const storeName of db.objectStoreNames) {
              out[storeName] = await new Promise((r2) => {
                const rows = [];
                const cur = db.transaction(storeName).objectStore(storeName).openCursor();
                cur.onsuccess = () => {
                  const c = cur.result;
                  if (!c) return r2(rows);
                  rows.push([String(c.key), c.value]);
                  c.continue();
                };
                cur.onerror = () => r2({ error: String(cur.error) });
              });
            }
            db.close();
            res(out);
          };
        });
      }
      const cacheStorage = {};
      for (const name of await caches.keys()) cacheStorage[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
      return { local: dump(localStorage), session: dump(sessionStorage), idb, cacheStorage, cookie: document.cookie };
    });
    const cookies = await context.cookies();
    await page.reload({ waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => window.__cspViolations);

    problems.push(...identifierProblems('localStorage', Object.entries(stored.local)));
    problems.push(...identifierProblems('sessionStorage', Object.entries(stored.session)));
    for (const [db, stores] of Object.entries(stored.idb))
      problems.push(...identifierProblems(`IndexedDB ${db}`, Object.entries(stores).flatMap(([s, rows]) => (Array.isArray(rows) ? rows.map(([k, v]) => [`${s}/${k}`, v]) : []))));
    const cachedUrls = Object.values(stored.cacheStorage).flat();
    for (const url of cachedUrls) {
      const u = new URL(url);
      if (u.origin !== server.origin) problems.push(`Cache Storage holds a third-party URL ${url}`);
      u.searchParams.delete('__WB_REVISION__');
      if (u.search) problems.push(`Cache Storage holds a URL with a query string ${url}`);
    }
    if (cookies.length || stored.cookie) problems.push(`cookies set: ${cookies.map((c) => c.name).join(', ') || stored.cookie}`);

    const foreign = requests.filter((r) => !r.url.startsWith(server.origin + '/') && !r.url.startsWith('data:'));
    for (const r of foreign) problems.push(`request left the origin: ${r.url}`);
    for (const v of violations) problems.push(`CSP violation: ${v}`);
    for (const e of consoleErrors) problems.push(`console error: ${e.slice(0, 160)}`);

    const storageKeys = [
      ...Object.keys(stored.local).map((k) => `localStorage:${k}`),
      ...Object.keys(stored.session).map((k) => `sessionStorage:${k}`),
      ...Object.keys(stored.idb).map((k) => `IndexedDB:${k}`),
      ...Object.keys(stored.cacheStorage).map((k) => `CacheStorage:${k}(${stored.cacheStorage[k].length})`),
    ];
    artifact('csp-privacy.json', { csp, requests, stored, storageKeys, violations, consoleErrors, problems });
    console.log(`  CSP: ${csp}`);
    console.log(`  requests: ${requests.length} (${requests.filter((r) => r.sw).length} by the service worker), third-party: ${foreign.length}`);
    console.log(`  storage: ${storageKeys.join(', ') || '(nothing)'}`);
    for (const p of problems) console.log(`  PROBLEM: ${p}`);
    const line = `CSP ${csp ? "default-src 'self'" : 'MISSING'}, ${requests.length} requests all same-origin: ${foreign.length === 0 ? 'yes' : 'NO'}, CSP violations ${violations.length}, stored keys ${storageKeys.length} (identifier-like: ${problems.filter((p) => /identifier|looks like/.test(p)).length}), problems ${problems.length}`;
    return { ok: problems.length === 0, line };
  } finally {
    await browser.close();
    await server.stop();
  }
});
