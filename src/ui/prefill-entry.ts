/**
 * Reads a prefill link (`#request=…`) into the form's initial values and clears it from the address bar.
 * Loaded only when the page was opened with such a link (see main.tsx), so the first load of the standalone
 * app carries none of the EHR code.
 */
import { describeDrugs, listConcurrent } from '../engine/registry.ts';
import { clearPrefillHash, prefillFromHash, type Prefill } from './prefill.ts';

export function readPrefill(today?: string): Prefill | null {
  const prefill = prefillFromHash(window.location.hash, describeDrugs(), new Set(listConcurrent().map((c) => c.id)), today);
  clearPrefillHash();
  return prefill;
}
