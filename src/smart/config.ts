/**
 * SMART on FHIR launch configuration, fixed at build (deploy) time from `smart.config.json` (see
 * smart.config.example.json and docs/ehr-integration.md). Without that file the constant is null and
 * the app never launches, loads fhirclient or makes a request: it works offline exactly as before.
 */
export interface SmartConfig {
  /** The client id registered with the EHR's authorization server. */
  readonly clientId: string;
  /** Scopes requested, e.g. "launch launch/patient openid fhirUser patient/*.read". */
  readonly scope: string;
  /** Every origin the app may call (FHIR servers and their authorization and token endpoints): CSP connect-src. */
  readonly fhirOrigins: readonly string[];
  /** Where the authorization server sends the browser back (default: the app's own URL). */
  readonly redirectUri?: string;
}

declare const __RETITRATE_SMART__: SmartConfig | null | undefined;

export const SMART_CONFIG: SmartConfig | null = typeof __RETITRATE_SMART__ === 'undefined' ? null : __RETITRATE_SMART__;

/** A launch URL: an EHR launch (`iss` + `launch`), a standalone launch (`iss`), or the return from authorization (`code` + `state`). */
export function launchKind(search: string): 'authorize' | 'ready' | null {
  const params = new URLSearchParams(search);
  if (params.has('code') && params.has('state')) return 'ready';
  if (params.has('iss')) return 'authorize';
  return null;
}

/** Checks a deploy-time config file's content; each problem in words (used by the build). */
export function smartConfigProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['smart.config.json must be a JSON object.'];
  const config = value as Record<string, unknown>;
  if (typeof config.clientId !== 'string' || config.clientId === '') problems.push('"clientId" (a string) is required.');
  if (typeof config.scope !== 'string' || config.scope === '') problems.push('"scope" (a string) is required.');
  if (!Array.isArray(config.fhirOrigins) || config.fhirOrigins.length === 0) problems.push('"fhirOrigins" (a non-empty array of https origins) is required.');
  else
    for (const origin of config.fhirOrigins) {
      let ok = false;
      try {
        const url = new URL(String(origin));
        ok = url.origin === origin && (url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost');
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`"fhirOrigins": ${JSON.stringify(origin)} is not an origin (https://host[:port], no path; http only for loopback).`);
    }
  if (config.redirectUri !== undefined && typeof config.redirectUri !== 'string') problems.push('"redirectUri" must be a string.');
  return problems;
}
