/** Whether the page was opened with a prefill link (docs/ehr-integration.md); kept tiny for the entry chunk. */
export function hasPrefillLink(hash: string): boolean {
  return hash.startsWith('#request=');
}
