/** The clinician's app: the restart form beside a disclaimer-led plan that updates as the form is filled in. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { describeDrugs, listConcurrent } from '../engine/registry.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import type { PlanResult } from '../engine/types.ts';
import { displayDate } from './dates.ts';
import { DisclaimerGate } from './Disclaimer.tsx';
import {
  FIELD_LABELS,
  emptyValues,
  engineErrorsByField,
  fieldForPath,
  todayIso,
  formSchema,
  mergeStored,
  toRequest,
  type FieldName,
  type FormValues,
} from './model.ts';
import { RestartForm } from './RestartForm.tsx';
import { ACK_KEY, FORM_KEY, loadJson, remove, saveJson } from './storage.ts';
import { PROPOSED_KEY } from './proposedKey.ts';
import type { Prefill } from './prefill.ts';
import { ViewPanel, ViewTabs, type ViewName } from './Views.tsx';
import './app.css';

const ENGINE_ERROR = 'engine';
const FIELD_NAMES = Object.keys(emptyValues('')) as FieldName[];
const resolver = standardSchemaResolver(formSchema) as unknown as Resolver<FormValues>;

/**
 * The engine (decimal arithmetic, dates, planner), the plan view and each drug class's protocol data
 * load as separate chunks, only once a drug is chosen (or restored from storage): the first page load
 * carries React, the form and the small drug catalog the search needs.
 */
type Planning = typeof import('./planning.tsx');
let planningPromise: Promise<Planning> | null = null;
let planningLoaded: Planning | null = null;
export function loadPlanning(): Promise<Planning> {
  planningPromise ??= import('./planning.tsx').then((module) => (planningLoaded = module));
  return planningPromise;
}

// Shown only after a prefill link: loaded with it, not with the app.
const PrefillNotice = lazy(() => import('./PrefillNotice.tsx').then((module) => ({ default: module.PrefillNotice })));

const DRUGS = describeDrugs();
const CONCURRENT_OPTIONS = listConcurrent();

/**
 * `prefill`: the form's values from a prefill link (`#request=…`, from a CDS Hooks card or a SMART launch), read by
 * main.tsx before the first render (src/ui/prefill-entry.ts); it takes precedence over stored values.
 */
export function App({ today, prefill = null }: { readonly today?: string; readonly prefill?: Prefill | null } = {}) {
  const [planning, setPlanning] = useState<Planning | null>(() => planningLoaded);
  const drugs = DRUGS;
  const concurrentOptions = CONCURRENT_OPTIONS;
  const concurrentNames = useMemo(() => new Map(concurrentOptions.map((c) => [c.id, c.name])), [concurrentOptions]);
  const initial = useMemo(() => prefill?.values ?? mergeStored(loadJson(FORM_KEY), today), [prefill, today]);
  const form = useForm<FormValues>({ defaultValues: initial, mode: 'onChange', resolver });
  const { control, getFieldState, setError, clearErrors, formState, trigger } = form;
  const values = useWatch({ control }) as FormValues;
  const [acknowledged, setAcknowledged] = useState(() => loadJson(ACK_KEY) !== null);

  // The planner loads when there is a drug to plan for.
  const wantsPlanning = values.drug !== '';
  useEffect(() => {
    if (planning || !wantsPlanning) return;
    let live = true;
    void loadPlanning().then((module) => live && setPlanning(module));
    return () => {
      live = false;
    };
  }, [planning, wantsPlanning]);

  // Load the chosen drug's class (its protocol data and planner) on demand; re-plan once it is in.
  const [classesLoaded, setClassesLoaded] = useState(0);
  const ready = planning ? planning.isReadyFor(values.drug) : false;
  useEffect(() => {
    if (!planning || ready) return;
    let live = true;
    planning.loadClassFor(values.drug).then(
      () => live && setClassesLoaded((n) => n + 1),
      (error: unknown) => console.warn('Retitrate could not load the drug data', error),
    );
    return () => {
      live = false;
    };
  }, [planning, ready, values.drug]);

  const request = useMemo(() => toRequest(values, drugs), [values, drugs]);
  const [result, internalError] = useMemo(() => {
    if (!planning || !ready) return [null, null] as const;
    try {
      return [planning.planRestart(request) as PlanResult, null] as const;
    } catch (error) {
      // An engine bug must not blank the page or lose what was typed.
      console.warn('Retitrate engine error', error);
      return [{ ok: false, errors: [], refusal: undefined } as PlanResult, String(error)] as const;
    }
  }, [planning, ready, request, classesLoaded]);
  const [view, setView] = useState<ViewName>('plan');
  const [resets, setResets] = useState(0);
  const engineErrors = useMemo(() => (result && !result.ok ? engineErrorsByField(result.errors) : {}), [result]);

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
      // "Required" waits until the user has left the field.
      if (!state.isTouched && !companion.isTouched) return undefined;
    }
    return String(error.message);
  };

  // "New patient" clears at once and offers an undo (the previous form and proposed steps are kept in memory only).
  const [cleared, setCleared] = useState<{ readonly values: FormValues; readonly proposed: unknown } | null>(null);
  const onNewPatient = useCallback(() => {
    setCleared({ values: form.getValues(), proposed: loadJson(PROPOSED_KEY) });
    remove(FORM_KEY);
    remove(PROPOSED_KEY);
    form.reset(emptyValues(today));
    remove(FORM_KEY);
    setResets((n) => n + 1);
    document.getElementById('drug')?.focus();
  }, [form, today]);

  const onUndoNewPatient = useCallback(() => {
    if (!cleared) return;
    form.reset(cleared.values);
    saveJson(FORM_KEY, cleared.values);
    if (cleared.proposed !== null) saveJson(PROPOSED_KEY, cleared.proposed);
    setCleared(null);
    setResets((n) => n + 1);
    document.getElementById('drug')?.focus();
  }, [cleared, form]);
  // The undo is offered until the new patient's drug is chosen.
  useEffect(() => {
    if (cleared && values.drug !== '') setCleared(null);
  }, [cleared, values.drug]);

  const acknowledge = () => {
    saveJson(ACK_KEY, { acknowledged: true });
    setAcknowledged(true);
    requestAnimationFrame(() => document.getElementById('plan-title')?.focus());
  };

  // Text typed in the concurrent-medicines box but not added would silently leave a medicine out of the plan
  // (no halved first step, no interaction warning): the plan is held until it is added or cleared.
  const pendingConcurrent = values.concurrentQuery.trim();
  const held = pendingConcurrent !== '';
  const missing = [
    ...(held ? [FIELD_LABELS.concurrent] : []),
    ...(!result || result.ok ? [] : result.errors.map((e) => FIELD_LABELS[fieldForPath(e.path)])),
  ].filter((label, index, all) => all.indexOf(label) === index);
  const drugTouched = getFieldState('drugQuery', formState).isTouched;
  const inputs = useMemo(() => (planning ? planning.inputsInWords(values, drugs, concurrentNames) : []), [planning, values, drugs, concurrentNames]);
  const viewPlanLink = acknowledged && result && !held && planning ? planning.viewPlanLinkText(result) : null;

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
          {prefill ? (
            <Suspense fallback={null}>
              <PrefillNotice prefill={prefill} />
            </Suspense>
          ) : null}
          <RestartForm
            form={form}
            values={values}
            drugs={drugs}
            concurrentOptions={concurrentOptions}
            errorFor={errorFor}
            onNewPatient={onNewPatient}
            onUndoNewPatient={cleared ? onUndoNewPatient : undefined}
            drugTouched={drugTouched}
            formatDose={planning?.formatDose}
            engineErrors={result && !result.ok ? result.errors : undefined}
          />
          {viewPlanLink ? (
            // On a phone the plan is below the whole form: this link stays in view while the form scrolls.
            <a className="view-plan-link" href="#plan-title">
              {viewPlanLink}
            </a>
          ) : null}
        </section>
        <section className="plan-pane" aria-label="Restart plan">
          {!acknowledged ? (
            <DisclaimerGate onAcknowledge={acknowledge} />
          ) : (
            <>
              <ViewTabs view={view} onChange={setView} />
              <ViewPanel view={view} plan={result?.ok && !held ? result.plan : null} refused={result && !result.ok && !held && result.refusal ? { refusal: result.refusal, request } : null} resetKey={resets} inputs={inputs}>
              {result && !result.ok && result.refusal && planning && !held ? (
                <planning.RefusalView refusal={result.refusal} request={request} today={today} />
              ) : result?.ok && planning && !held ? (
                <planning.PlanView plan={result.plan} inputs={inputs} request={request} today={today} />
              ) : (
                <div className="placeholder">
                  <h2>Restart plan</h2>
                  {internalError ? (
                    <p className="field-error" role="alert">
                      The calculator could not make a plan for these inputs (internal error). No schedule is shown: plan this
                      restart by hand and report the inputs. Details: {internalError}
                    </p>
                  ) : held ? (
                    <p className="field-error">
                      Plan on hold: “{pendingConcurrent}” is typed in Concurrent medicines but not added. Choose it from the
                      list or clear the text; a medicine left out can change the first step and the warnings.{' '}
                      <a href="#concurrent">Go to the field</a>
                    </p>
                  ) : (
                    <p>The schedule appears here as soon as the form is complete and valid.</p>
                  )}
                  {missing.length ? (
                    <p>
                      Still to check: <span className="missing">{missing.join(', ')}</span>.
                    </p>
                  ) : null}
                </div>
              )}
              </ViewPanel>
            </>
          )}
          <p className="visually-hidden" aria-live="polite" role="status">
            {held
              ? 'Plan on hold: a concurrent medicine is typed but not added.'
              : planning && result
                ? planning.announcement(result, acknowledged)
                : wantsPlanning
                  ? 'Loading the calculator.'
                  : ''}
          </p>
        </section>
      </main>
      <footer className="app-footer">
        <p>
          Retitrate engine {ENGINE_VERSION}
          {result?.ok ? `, protocols ${result.plan.version.protocols} (reviewed ${result.plan.version.protocolsDate})` : ''}.
          Printed or viewed {displayDate(today ?? todayIso())}. Runs entirely in this browser: no data leaves the device.
        </p>
      </footer>
    </>
  );
}

