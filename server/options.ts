/** The CDS Hooks service's options from the environment (shared by the server, the tests and the benchmark). */
import { lightFormat } from 'date-fns';
import { defaultMedicationIndex } from '../src/ehr/drugs.ts';
import type { ClinicalDrugLookup } from '../src/ehr/types.ts';
import type { AppOptions } from '../src/cds-hooks/app.ts';
import { planRestart } from '../src/engine/index.ts';

export interface ServiceEnvironment {
  readonly appUrl?: string;
  readonly fhirOrigins?: readonly string[];
  readonly lookup?: ClinicalDrugLookup;
  readonly today?: () => string;
  readonly log?: (line: string) => void;
}

async function fetchJson(url: string, token: string | undefined): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

export function serviceOptions(environment: ServiceEnvironment = {}): AppOptions {
  return {
    appUrl: environment.appUrl ?? process.env.RETITRATE_APP_URL ?? 'http://127.0.0.1:4173/',
    allowedFhirOrigins: environment.fhirOrigins ?? (process.env.RETITRATE_FHIR_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    index: defaultMedicationIndex(environment.lookup),
    plan: planRestart,
    today: environment.today ?? (() => lightFormat(new Date(), 'yyyy-MM-dd')),
    fetchJson,
    ...(environment.log ? { log: environment.log } : {}),
  };
}
