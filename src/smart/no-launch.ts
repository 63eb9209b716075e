/** Stand-in for `launch.ts` in a build without a SMART config: no launch is possible. */
import type { SmartConfig } from './config.ts';

export type LaunchOutcome = { readonly kind: 'error'; readonly message: string };

export async function launch(_config: SmartConfig, _location: Location, _today: string): Promise<LaunchOutcome> {
  return { kind: 'error', message: 'This deployment has no SMART on FHIR configuration.' };
}
