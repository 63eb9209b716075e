/**
 * The app's side of the prefill link (`#request=…`, see docs/ehr-integration.md): the request in the URL
 * fragment becomes the form's initial values, with where each value came from. Untrusted input: only
 * known fields of the right type are taken, and a drug the app does not know discards the whole payload.
 */
import type { DrugDescription } from '../engine/index.ts';
import { decodePrefill } from '../ehr/prefill.ts';
import { emptyValues, MAX_PRIOR_ROWS, PATIENT_FLAGS, type FieldName, type FormValues } from './model.ts';

export interface Prefill {
  readonly values: FormValues;
  /** Form field → where its value came from. */
  readonly provenance: Readonly<Partial<Record<FieldName, string>>>;
  readonly notes: readonly string[];
}

const FIELD_OF_PATH: Record<string, FieldName> = {
  drug: 'drug',
  formulation: 'formulation',
  prior: 'dose',
  'prior.dose': 'dose',
  'prior.timesPerDay': 'timesPerDay',
  'prior.asNeeded': 'priorAsNeeded',
  additionalPrior: 'additionalPrior',
  priorDurationDays: 'priorDurationDays',
  lastDoseDate: 'lastDoseDate',
  restartDate: 'restartDate',
  'patient.ageYears': 'ageYears',
  concurrent: 'concurrent',
};

const text = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '');

export function prefillFromHash(hash: string, drugs: readonly DrugDescription[], concurrentIds: ReadonlySet<string>, today?: string): Prefill | null {
  const payload = decodePrefill(hash);
  if (!payload) return null;
  const request = payload.request;
  const drug = drugs.find((item) => item.id === request.drug);
  if (!drug) return null;
  const values = emptyValues(today);
  values.drug = drug.id;
  values.drugQuery = drug.displayName;
  const formulation = drug.formulations.find((item) => item.id === request.formulation);
  values.formulation = formulation?.id ?? drug.defaultFormulation;
  const prior = (typeof request.prior === 'object' && request.prior !== null ? request.prior : {}) as Record<string, unknown>;
  values.dose = text(prior.dose);
  values.timesPerDay = text(prior.timesPerDay);
  values.priorAsNeeded = prior.asNeeded === true;
  // Other medicines of the class before the break: kept as given (the engine judges them, errors show on the rows).
  if (Array.isArray(request.additionalPrior)) {
    values.additionalPrior = request.additionalPrior
      .slice(0, MAX_PRIOR_ROWS)
      .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
      .map((row, index) => {
        const rowDrug = drugs.find((item) => item.id === row.drug);
        return {
          id: `s${index}`,
          drug: rowDrug?.id ?? '',
          formulation: rowDrug?.formulations.find((item) => item.id === row.formulation)?.id ?? rowDrug?.defaultFormulation ?? '',
          dose: text(row.dose),
          timesPerDay: text(row.timesPerDay),
          asNeeded: row.asNeeded === true,
        };
      });
  }
  values.priorDurationDays = text(request.priorDurationDays);
  values.lastDoseDate = text(request.lastDoseDate);
  if (text(request.restartDate)) values.restartDate = text(request.restartDate);
  const patient = (typeof request.patient === 'object' && request.patient !== null ? request.patient : {}) as Record<string, unknown>;
  values.ageYears = text(patient.ageYears);
  for (const flag of PATIENT_FLAGS) if (typeof patient[flag] === 'boolean') values[flag] = patient[flag];
  if (Array.isArray(request.concurrent)) {
    values.concurrent = request.concurrent.filter((id): id is string => typeof id === 'string' && (concurrentIds.has(id) || drugs.some((item) => item.id === id)));
  }
  if (typeof request.breakReason === 'string') values.breakReason = request.breakReason;
  const provenance: Partial<Record<FieldName, string>> = {};
  for (const [path, from] of Object.entries(payload.provenance ?? {})) {
    const field = FIELD_OF_PATH[path];
    if (field) provenance[field] = provenance[field] ? `${provenance[field]}; ${from}` : from;
  }
  return { values, provenance, notes: payload.notes ?? [] };
}

/** Removes the fragment from the address bar (the values now live in the form, and in local storage only). */
export function clearPrefillHash(): void {
  if (typeof window === 'undefined' || !window.location.hash) return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
