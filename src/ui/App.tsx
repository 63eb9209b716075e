/** The clinician's app: the restart form beside a disclaimer-led plan that updates as the form is filled in. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import {
  ENGINE_VERSION,
  describeDrugs,
  formatDose,
  formatFrequency,
  listConcurrent,
  planRestart,
  type DrugDescription,
  type PlanResult,
} from '../engine/index.ts';
import { displayDate } from './dates.ts';
import { DisclaimerGate } from './Disclaimer.tsx';
import {
  BREAK_REASON_LABELS,
  FIELD_LABELS,
  FLAG_LABELS,
  PATIENT_FLAGS,
  emptyValues,
  engineErrorsByField,
  fieldForPath,
  todayIso,
  findFormulation,
  formSchema,
  mergeStored,
  toRequest,
  type FieldName,
  type FormValues,
} from './model.ts';
import { PlanView } from './PlanView.tsx';
import { RestartForm } from './RestartForm.tsx';
import { ACK_KEY, FORM_KEY, loadJson, remove, saveJson } from './storage.ts';
import './app.css';

const ENGINE_ERROR = 'engine';
const FIELD_NAMES = Object.keys(emptyValues('')) as FieldName[];
const resolver = standardSchemaResolver(formSchema) as unknown as Resolver<FormValues>;

function inputsInWords(values: FormValues, drugs: readonly DrugDescription[], concurrentNames: Map<string, string>) {
  const drug = drugs.find((d) => d.id === values.drug);
  const formulation = findFormulation(drug, values.formulation);
  const rows: [string, string][] = [];
  if (drug && formulation) {
    rows.push(['Drug', `${drug.displayName} ${formulation.name}`]);
    const dose = formatDose({ amount: values.dose.trim() || '0', unit: formulation.unit });
    rows.push([
      'Before the break',
      formulation.unitForm === 'patch' ? `${dose} patch` : `${dose} ${formatFrequency(Number(values.timesPerDay))}`,
    ]);
  }
  rows.push(['Days taken before the break', values.priorDurationDays.trim()]);
  rows.push(['Last dose', displayDate(values.lastDoseDate.trim())]);
  rows.push(['Restart', displayDate(values.restartDate.trim())]);
  const factors = PATIENT_FLAGS.filter((f) => values[f]).map((f) => FLAG_LABELS[f].toLowerCase());
  rows.push(['Patient', [values.ageYears.trim() ? `age ${values.ageYears.trim()}` : 'age not given', ...factors].join('; ')]);
  rows.push(['Concurrent medicines', values.concurrent.map((id) => concurrentNames.get(id) ?? id).join(', ') || 'none']);
  rows.push(['Reason for the break', BREAK_REASON_LABELS[values.breakReason] ?? (values.breakReason || 'not stated')]);
  if (drug?.fields.includes('indication') && values.indication) rows.push(['Indication', values.indication === 'oud' ? 'opioid use disorder' : 'pain']);
  if (drug?.fields.includes('fullAgonistUsedDuringBreak') && values.fullAgonistUsedDuringBreak)
    rows.push(['Full agonist used during the break', values.fullAgonistUsedDuringBreak]);
  if (drug?.fields.includes('qtcMs') && values.qtcMs.trim()) rows.push(['QTc', `${values.qtcMs.trim()} ms`]);
  return rows;
}

function announcement(result: PlanResult, acknowledged: boolean): string {
  if (!result.ok) return 'No plan yet: complete the form.';
  if (!acknowledged) return 'A plan is ready. Read and acknowledge the disclaimer to see it.';
  const { plan } = result;
  const first = plan.steps[0];
  const last = plan.steps[plan.steps.length - 1];
  const critical = plan.warnings.filter((w) => w.severity === 'critical').length;
  return `Plan updated: ${plan.steps.length} ${plan.steps.length === 1 ? 'step' : 'steps'}, starting at ${first ? formatDose(first.dailyDose) : ''} daily and reaching ${last ? formatDose(last.dailyDose) : ''} daily; ${critical} critical ${critical === 1 ? 'warning' : 'warnings'}.`;
}

export function App({ today }: { readonly today?: string } = {}) {
  const drugs = useMemo(() => describeDrugs(), []);
  const concurrentOptions = useMemo(() => listConcurrent(), []);
  const concurrentNames = useMemo(() => new Map(concurrentOptions.map((c) => [c.id, c.name])), [concurrentOptions]);
  const initial = useMemo(() => mergeStored(loadJson(FORM_KEY), today), [today]);
  const form = useForm<FormValues>({ defaultValues: initial, mode: 'onChange', resolver });
  const { control, getFieldState, setError, clearErrors, formState, trigger } = form;
  const values = useWatch({ control }) as FormValues;
  const [acknowledged, setAcknowledged] = useState(() => loadJson(ACK_KEY) !== null);

  const result = useMemo(() => planRestart(toRequest(values, drugs)), [values, drugs]);
  const engineErrors = useMemo(() => (result.ok ? {} : engineErrorsByField(result.errors)), [result]);

  // Persist every change locally (never sent anywhere).
  useEffect(() => {
    const subscription = form.watch((next) => saveJson(FORM_KEY, next));
    return () => subscription.unsubscribe();
  }, [form]);

  // Check the shape of restored values once.
  useEffect(() => {
    if (loadJson(FORM_KEY) !== null) void trigger();
  }, [trigger]);

  // The engine's errors onto their fields (schema errors about the typed text take precedence).
  useEffect(() => {
    for (const name of FIELD_NAMES) {
      const current = getFieldState(name).error;
      const wanted = engineErrors[name];
      if (current && !String(current.type ?? '').startsWith(ENGINE_ERROR)) continue;
      if (wanted) {
        if (current?.message !== wanted.message) setError(name, { type: `${ENGINE_ERROR}:${wanted.code}`, message: wanted.message });
      } else if (current) {
        clearErrors(name);
      }
    }
  });

  const errorFor = (name: FieldName): string | undefined => {
    const state = getFieldState(name, formState);
    const error = state.error;
    if (!error?.message) return undefined;
    if (error.type === `${ENGINE_ERROR}:required`) {
      const companion = name === 'drug' ? getFieldState('drugQuery', formState) : state;
      if (!state.isDirty && !state.isTouched && !companion.isDirty && !companion.isTouched) return undefined;
    }
    return error.message;
  };

  const onNewPatient = useCallback(() => {
    remove(FORM_KEY);
    form.reset(emptyValues(today));
    remove(FORM_KEY);
    document.getElementById('drug')?.focus();
  }, [form, today]);

  const acknowledge = () => {
    saveJson(ACK_KEY, { acknowledged: true });
    setAcknowledged(true);
    requestAnimationFrame(() => document.getElementById('plan-title')?.focus());
  };

  const missing = result.ok ? [] : [...new Set(result.errors.map((e) => FIELD_LABELS[fieldForPath(e.path)]))];

  return (
    <>
      <header className="app-header">
        <div className="brand">
          <span className="app-name">Retitrate</span>
          <span className="tagline">Restart schedules after a break in treatment</span>
        </div>
      </header>
      <main className="layout">
        <h1 className="visually-hidden">Retitrate: restart schedule calculator</h1>
        <section className="form-pane" aria-label="Restart form">
          <RestartForm
            form={form}
            values={values}
            drugs={drugs}
            concurrentOptions={concurrentOptions}
            errorFor={errorFor}
            onNewPatient={onNewPatient}
          />
        </section>
        <section className="plan-pane" aria-label="Restart plan">
          {!acknowledged ? (
            <DisclaimerGate onAcknowledge={acknowledge} />
          ) : result.ok ? (
            <PlanView plan={result.plan} inputs={inputsInWords(values, drugs, concurrentNames)} />
          ) : (
            <div className="placeholder">
              <h2>Restart plan</h2>
              <p>The schedule appears here as soon as the form is complete and valid.</p>
              {missing.length ? (
                <p>
                  Still to check: <span className="missing">{missing.join(', ')}</span>.
                </p>
              ) : null}
            </div>
          )}
          <p className="visually-hidden" aria-live="polite" role="status">
            {announcement(result, acknowledged)}
          </p>
        </section>
      </main>
      <footer className="app-footer">
        <p>
          Retitrate engine {ENGINE_VERSION}
          {result.ok ? `, protocols ${result.plan.version.protocols} (reviewed ${result.plan.version.protocolsDate})` : ''}.
          Printed or viewed {displayDate(today ?? todayIso())}. Runs entirely in this browser: no data leaves the device.
        </p>
      </footer>
    </>
  );
}

