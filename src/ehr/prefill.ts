/**
 * The prefill link: a Retitrate request carried in the URL fragment, so a CDS Hooks card (or any tool)
 * can open the app with the form filled in. The fragment never reaches a server.
 *
 *   https://app.example/#request=<base64url(UTF-8 JSON)>
 *   JSON: { "v": 1, "request": { …request fields… }, "provenance": { "prior": "…", … }, "notes": ["…"] }
 *
 * `request` has the JSON contract's input shape (src/engine/types.ts); `provenance` (optional) says,
 * per request path, where each value came from. See docs/ehr-integration.md.
 */
export const PREFILL_PARAMETER = 'request';
export const PREFILL_VERSION = 1;

export interface PrefillPayload {
  readonly v: 1;
  readonly request: Readonly<Record<string, unknown>>;
  readonly provenance?: Readonly<Record<string, string>>;
  /** What could not be read from the record, in words (optional). */
  readonly notes?: readonly string[];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment (without `#`) for a payload. */
export function encodePrefill(payload: Omit<PrefillPayload, 'v'>): string {
  const json = JSON.stringify({ v: PREFILL_VERSION, ...payload });
  return `${PREFILL_PARAMETER}=${toBase64Url(new TextEncoder().encode(json))}`;
}

/** The app URL with the prefill fragment. */
export function prefillUrl(appUrl: string, payload: Omit<PrefillPayload, 'v'>): string {
  return `${appUrl.split('#')[0]}#${encodePrefill(payload)}`;
}

/** Reads a fragment (`#request=…` or `request=…`); null when absent or malformed (the form then loads as usual). */
export function decodePrefill(hash: string): PrefillPayload | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const value = new URLSearchParams(fragment).get(PREFILL_PARAMETER);
  if (!value) return null;
  const bytes = fromBase64Url(value);
  if (!bytes) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  if (record.v !== PREFILL_VERSION || typeof record.request !== 'object' || record.request === null || Array.isArray(record.request)) return null;
  const provenance: Record<string, string> = {};
  if (typeof record.provenance === 'object' && record.provenance !== null) {
    for (const [key, text] of Object.entries(record.provenance)) if (typeof text === 'string') provenance[key] = text;
  }
  const notes = Array.isArray(record.notes) ? record.notes.filter((note): note is string => typeof note === 'string') : [];
  return { v: 1, request: record.request as Record<string, unknown>, ...(Object.keys(provenance).length ? { provenance } : {}), ...(notes.length ? { notes } : {}) };
}
