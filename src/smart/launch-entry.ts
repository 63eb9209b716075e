/**
 * The launch module as the app imports it. The build points this import at `launch.ts` only when a
 * deploy-time SMART config exists, and at `no-launch.ts` otherwise, so a build without SMART carries no
 * fhirclient at all (vite.config.ts).
 */
export { launch, type LaunchOutcome } from './launch.ts';
