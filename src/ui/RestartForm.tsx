/** The restart form: every list, unit and strength comes from the engine's registry. */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { DrugDescription } from '../engine/catalog.ts';
import type { FieldError } from '../engine/types.ts';
import { BREAK_REASONS } from '../engine/types.ts';
import { Combobox, type ComboOption } from './Combobox.tsx';
import { closestOptions } from './suggest.ts';
import { daysBefore, daysBetween } from './dates.ts';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
import {
  BREAK_REASON_LABELS,
  FLAG_LABELS,
  HISTORY_FLAG_LABELS,
  MAIN_FLAGS,
  PATIENT_HISTORY_FLAGS,
  findFormulation,
  MAX_INPUT_LENGTH,
  rowsOffered,
  type FieldName,
  type FormValues,
} from './model.ts';

interface Props {
  readonly form: UseFormReturn<FormValues>;
  readonly values: FormValues;
  readonly drugs: readonly DrugDescription[];
  readonly concurrentOptions: readonly { readonly id: string; readonly name: string }[];
  /** The message to show beside a field, if any. */
  readonly errorFor: (name: FieldName) => string | undefined;
  readonly onNewPatient: () => void;
  /** After "New patient": restores what was cleared. */
  readonly onUndoNewPatient?: () => void;
  /** Whether the drug search box has been left (its "not chosen" message waits until then). */
  readonly drugTouched?: boolean;
  /** The engine's ISMP dose formatter, once the planning chunk has loaded. */
  readonly formatDose?: (dose: { readonly amount: string; readonly unit: string }) => string;
  /** The engine's errors (those on the other-medicine rows show on the rows' fields). */
  readonly engineErrors?: readonly FieldError[];
}

// The other-medicine rows and their add button load once a drug of a class that adds them up is chosen.
const PriorRows = lazy(() => import('./PriorRows.tsx'));

const CLASS_LABELS: Record<string, string> = {
  opioid: 'opioid',
  benzodiazepine: 'benzodiazepine',
  antidepressant: 'antidepressant',
  'labelled-restart': 'labelled restart',
};

function drugOptions(drugs: readonly DrugDescription[]): ComboOption[] {
  return drugs.map((drug) => ({
    id: drug.id,
    label: drug.displayName,
    hint: [CLASS_LABELS[drug.class] ?? drug.class, ...drug.brandNames].join(' · '),
    keywords: [drug.genericName, drug.displayName, ...drug.brandNames].map((k) => k.toLowerCase()),
  }));
}

/** The drug a typed text names exactly (generic, display or brand name), if any. */
function exactDrug(drugs: readonly DrugDescription[], text: string): DrugDescription | undefined {
  const q = text.trim().toLowerCase();
  if (!q) return undefined;
  return drugs.find((d) => [d.genericName, d.displayName, ...d.brandNames].some((n) => n.toLowerCase() === q));
}

function FieldMessage({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : null;
}

/** The message and closest matches for text typed in a search box but not chosen from its list. */
function Unresolved({
  id,
  message,
  matches,
  verb,
  onChoose,
}: {
  readonly id: string;
  readonly message: string;
  readonly matches: readonly ComboOption[];
  readonly verb: string;
  readonly onChoose: (option: ComboOption) => void;
}) {
  return (
    <div id={id} className="field-error unresolved">
      <p>
        <span aria-hidden="true">⚠ </span>
        {message}
        {matches.length ? ' Closest matches:' : ' No medicine in the list is close to this text: check the spelling.'}
      </p>
      {matches.length ? (
        <ul className="suggestions">
          {matches.map((option) => (
            <li key={option.id}>
              <button type="button" className="secondary small" onClick={() => onChoose(option)}>
                {verb} {option.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function RestartForm({ form, values, drugs, concurrentOptions, errorFor, onNewPatient, onUndoNewPatient, formatDose, drugTouched, engineErrors = [] }: Props) {
  const showDose = formatDose ?? ((dose: { readonly amount: string; readonly unit: string }) => `${dose.amount} ${dose.unit}`);
  const { register, setValue } = form;
  const drug = drugs.find((d) => d.id === values.drug);
  const formulation = findFormulation(drug, values.formulation);
  const isPatch = formulation?.unitForm === 'patch';
  const fields = drug?.fields ?? [];
  const daysOff = daysBetween(values.lastDoseDate, values.restartDate);
  // "More patient details" opens by itself when one of its answers is already given (e.g. restored from storage).
  const [moreOpen] = useState(
    () =>
      Boolean(values.sex || values.creatinineClearanceMlMin || values.withdrawalSymptomsNow || values.acetaminophenOtherSourcesMgPerDay || values.keepProduct) ||
      PATIENT_HISTORY_FLAGS.some((flag) => values[flag]) ||
      Object.values(values.concurrentDates ?? {}).some((d) => d.startedOn || d.stoppedOn),
  );
  // The two ways of giving the last dose stay in step: a date changes the days, the days change the date.
  const syncDays = (last: string, restart: string) => {
    const days = daysBetween(last, restart);
    if (days !== null && days >= 0) setValue('daysSinceLastDose', String(days), { shouldDirty: true });
  };
  const set = (name: FieldName, value: FormValues[FieldName]) =>
    setValue(name, value as never, { shouldDirty: true, shouldValidate: false });

  const chooseDrug = (next: DrugDescription | undefined) => {
    set('drug', next?.id ?? '');
    if (next && !next.formulations.some((f) => f.id === values.formulation)) set('formulation', next.defaultFormulation);
  };

  const text = (
    name: FieldName,
    label: string,
    opts: {
      hint?: ReactNode;
      suffix?: string;
      inputMode?: 'numeric' | 'decimal';
      placeholder?: string;
      width?: string;
      type?: 'text' | 'date';
      onChange?: (value: string) => void;
    } = {},
  ) => {
    const error = errorFor(name);
    const hintId = opts.hint ? `${name}-hint` : undefined;
    const suffixId = opts.suffix ? `${name}-unit` : undefined;
    return (
      <div className={`field ${opts.width ?? ''}`}>
        <label htmlFor={name}>{label}</label>
        <div className="input-row">
          <input
            id={name}
            type={opts.type ?? 'text'}
            inputMode={opts.inputMode}
            autoComplete="off"
            maxLength={MAX_INPUT_LENGTH}
            placeholder={opts.placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(suffixId, hintId, error && `${name}-error`)}
            {...register(name, opts.onChange ? { onChange: (event: { target: { value: string } }) => opts.onChange!(event.target.value) } : undefined)}
          />
          {opts.suffix ? (
            <span className="unit" id={suffixId}>
              {opts.suffix}
            </span>
          ) : null}
        </div>
        {opts.hint ? (
          <p className="hint" id={hintId}>
            {opts.hint}
          </p>
        ) : null}
        <FieldMessage id={`${name}-error`} message={error} />
      </div>
    );
  };

  const chosen = values.concurrent
    .map((id) => concurrentOptions.find((c) => c.id === id) ?? { id, name: id })
    .filter(Boolean);
  const concurrentChoices: ComboOption[] = concurrentOptions
    .filter((c) => c.id !== values.drug && !values.concurrent.includes(c.id))
    .map((c) => ({ id: c.id, label: c.name, keywords: [c.name.toLowerCase(), c.id] }));

  const pendingConcurrent = values.concurrentQuery.trim() !== '';
  const addConcurrent = (option: ComboOption) => {
    set('concurrent', [...values.concurrent, option.id]);
    set('concurrentQuery', '');
  };
  const allDrugOptions = drugOptions(drugs);
  const chooseDrugOption = (option: ComboOption) => {
    const next = drugs.find((d) => d.id === option.id);
    set('drugQuery', next?.displayName ?? option.label);
    chooseDrug(next);
  };
  // Text in the drug box that names no drug: say so beside the field (once it is left) and offer the closest drugs.
  const unresolvedDrug = values.drug === '' && values.drugQuery.trim() !== '' && drugTouched === true;
  const drugError = errorFor('drug');
  const formulationError = errorFor('formulation');
  const concurrentError = errorFor('concurrent');
  const strengths = formulation
    ? formulation.strengths
        .map((s) => showDose({ amount: s.amount, unit: formulation.unit }) + (s.scored ? ' (scored)' : ''))
        .join(', ')
    : '';

  return (
    <form className="restart-form" aria-labelledby="form-title" noValidate onSubmit={(event) => event.preventDefault()}>
      <div className="form-head">
        <h2 id="form-title">Patient and regimen</h2>
        <button type="button" className="secondary" onClick={onNewPatient}>
          New patient
        </button>
      </div>
      {onUndoNewPatient ? (
        <p className="undo-note" aria-live="polite">
          The form was cleared for a new patient.{' '}
          <button type="button" className="secondary small" onClick={onUndoNewPatient}>
            Undo: restore the previous patient
          </button>
        </p>
      ) : null}
      <p className="form-note">
        The plan updates as you type. Entries stay in this browser only; there are no name or ID fields.
      </p>

      <fieldset>
        <legend>Medicine before the break</legend>
        <div className="field">
          <Combobox
            id="drug"
            label="Drug"
            query={values.drugQuery}
            options={allDrugOptions}
            placeholder="Generic or brand name"
            invalid={Boolean(drugError) || unresolvedDrug}
            describedBy={describedBy(drugError && 'drug-error', unresolvedDrug && 'drug-unresolved')}
            onBlur={() => setValue('drugQuery', form.getValues('drugQuery'), { shouldTouch: true })}
            onQueryChange={(q) => {
              set('drugQuery', q);
              chooseDrug(exactDrug(drugs, q));
            }}
            onSelect={chooseDrugOption}
          />
          <FieldMessage id="drug-error" message={drugError} />
          {unresolvedDrug ? (
            <Unresolved
              id="drug-unresolved"
              message={`“${values.drugQuery.trim()}” matches no drug in the list, so there is no plan yet.`}
              matches={closestOptions(allDrugOptions, values.drugQuery)}
              verb="Choose"
              onChoose={chooseDrugOption}
            />
          ) : null}
        </div>

        <div className="field">
          <label htmlFor="formulation">Formulation</label>
          <select
            id="formulation"
            disabled={!drug}
            aria-invalid={formulationError ? true : undefined}
            aria-describedby={describedBy(formulationError && 'formulation-error')}
            value={formulation?.id ?? ''}
            onChange={(event) => set('formulation', event.target.value)}
          >
            {drug ? (
              drug.formulations.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${f.name} (${f.route})`}
                </option>
              ))
            ) : (
              <option value="">Choose a drug first</option>
            )}
          </select>
          <FieldMessage id="formulation-error" message={formulationError} />
        </div>

        <div className="row">
          {text('dose', isPatch ? 'Patch strength' : 'Dose per administration', {
            suffix: formulation ? formulation.unit : undefined,
            inputMode: 'decimal',
            width: 'narrow',
            hint: formulation
              ? isPatch
                ? `Patch strength in ${formulation.unit}. Patches: ${strengths}.`
                : `Strengths: ${strengths}.`
              : 'Choose the drug first: the unit follows its formulation.',
          })}
          {isPatch
            ? null
            : text('timesPerDay', values.priorAsNeeded ? 'Average doses taken a day' : 'Times per day', {
                inputMode: 'numeric',
                width: 'narrow',
                hint: formulation ? `1 to ${formulation.maxTimesPerDay}` : undefined,
              })}
        </div>
        <div className="checks">
          {isPatch ? null : (
            <div className="check">
              <input id="priorAsNeeded" type="checkbox" aria-describedby="priorAsNeeded-hint" {...register('priorAsNeeded')} />
              <label htmlFor="priorAsNeeded">Taken as needed</label>
              <p className="hint" id="priorAsNeeded-hint">
                Then give the average number of doses actually taken a day.
              </p>
            </div>
          )}
          <div className="check">
            <input id="priorNonPrescribed" type="checkbox" aria-describedby="priorNonPrescribed-hint" {...register('priorNonPrescribed')} />
            <label htmlFor="priorNonPrescribed">Non-prescribed use</label>
            <p className="hint" id="priorNonPrescribed-hint">
              The dose is what the patient reports and is uncertain.
            </p>
          </div>
        </div>
        {text('priorDurationDays', 'Days taken before the break', { inputMode: 'numeric', width: 'narrow', suffix: 'days' })}
        {rowsOffered(drug?.class) ? (
          <Suspense fallback={null}>
            <PriorRows
              rows={values.additionalPrior ?? []}
              drugs={drugs.filter((d) => d.class === drug?.class)}
              noun={drug?.class === 'opioid' ? 'Opioid' : 'Benzodiazepine'}
              onChange={(next) => setValue('additionalPrior', next, { shouldDirty: true })}
              engineErrors={engineErrors}
              listError={errorFor('additionalPrior')}
              showDose={showDose}
            />
          </Suspense>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Dates</legend>
        <div className="row">
          {text('lastDoseDate', 'Last dose date', {
            type: 'date',
            hint: 'Pick or type the date',
            width: 'date',
            onChange: (last) => syncDays(last, values.restartDate),
          })}
          {text('restartDate', 'Restart date', {
            type: 'date',
            hint: 'Today by default',
            width: 'date',
            onChange: (restart) => syncDays(values.lastDoseDate, restart),
          })}
        </div>
        {text('daysSinceLastDose', 'Days since the last dose', {
          inputMode: 'numeric',
          width: 'narrow',
          suffix: 'days',
          hint: 'Or give the days from the last dose to the restart: the last dose date follows.',
          onChange: (days) => {
            const n = /^\s*\d+\s*$/.test(days) ? Number(days) : null;
            const last = n === null ? null : daysBefore(values.restartDate, n);
            if (last) setValue('lastDoseDate', last, { shouldDirty: true, shouldValidate: true });
          },
        })}
        {daysOff !== null && daysOff >= 1 ? (
          <p className="days-off" id="days-off" aria-live="polite">
            <strong>{plural(daysOff, 'day')} off</strong> ({plural(daysOff - 1, 'missed day')}): the last dose day and the restart day are
            not missed.
          </p>
        ) : null}
      </fieldset>

      {fields.length > 0 ? (
        <fieldset>
          <legend>{drug?.displayName} details</legend>
          {fields.includes('indication') ? (
            <div className="field">
              <label htmlFor="indication">Indication</label>
              <select
                id="indication"
                aria-describedby={describedBy(errorFor('indication') && 'indication-error')}
                {...register('indication')}
              >
                <option value="">Not stated</option>
                <option value="pain">Pain</option>
                <option value="oud">Opioid use disorder</option>
              </select>
              <FieldMessage id="indication-error" message={errorFor('indication')} />
            </div>
          ) : null}
          {fields.includes('fullAgonistUsedDuringBreak') ? (
            <div className="field">
              <label htmlFor="fullAgonistUsedDuringBreak">Full-agonist opioid used during the break</label>
              <select
                id="fullAgonistUsedDuringBreak"
                aria-describedby={describedBy(errorFor('fullAgonistUsedDuringBreak') && 'fullAgonistUsedDuringBreak-error')}
                {...register('fullAgonistUsedDuringBreak')}
              >
                <option value="">Not known</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </select>
              <FieldMessage id="fullAgonistUsedDuringBreak-error" message={errorFor('fullAgonistUsedDuringBreak')} />
            </div>
          ) : null}
          {fields.includes('qtcMs')
            ? text('qtcMs', 'QTc (ms)', { inputMode: 'numeric', width: 'narrow', suffix: 'ms', hint: 'Optional: baseline QTc if known.' })
            : null}
        </fieldset>
      ) : null}

      <fieldset>
        <legend>Patient</legend>
        {text('ageYears', 'Age (years)', { inputMode: 'decimal', width: 'narrow' })}
        <div className="field">
          <label htmlFor="hepaticGrade">Hepatic impairment</label>
          <select
            id="hepaticGrade"
            aria-invalid={errorFor('hepaticGrade') ? true : undefined}
            aria-describedby={describedBy(errorFor('hepaticGrade') && 'hepaticGrade-error')}
            {...register('hepaticGrade')}
          >
            <option value="">Not stated</option>
            <option value="none">None</option>
            <option value="mild">Mild (Child-Pugh A)</option>
            <option value="moderate">Moderate (Child-Pugh B)</option>
            <option value="severe">Severe (Child-Pugh C)</option>
          </select>
          <FieldMessage id="hepaticGrade-error" message={errorFor('hepaticGrade')} />
        </div>
        <div className="checks">
          {MAIN_FLAGS.map((flag) => (
            <div className="check" key={flag}>
              <input id={flag} type="checkbox" {...register(flag)} />
              <label htmlFor={flag}>{FLAG_LABELS[flag]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Other medicines and the break</legend>
        <div className="field">
          <Combobox
            id="concurrent"
            label="Concurrent medicines"
            query={values.concurrentQuery}
            options={concurrentChoices}
            placeholder="Add a medicine"
            invalid={Boolean(concurrentError) || pendingConcurrent}
            describedBy={describedBy('concurrent-chosen', pendingConcurrent && 'concurrent-pending', concurrentError && 'concurrent-error')}
            onQueryChange={(q) => set('concurrentQuery', q)}
            onSelect={addConcurrent}
            onEmptyBackspace={() => {
              if (values.concurrent.length > 0) set('concurrent', values.concurrent.slice(0, -1));
            }}
          />
          <p id="concurrent-chosen" className="visually-hidden">
            {chosen.length ? `Chosen: ${chosen.map((c) => c.name).join(', ')}.` : 'None chosen.'}
          </p>
          {chosen.length ? (
            <ul className="chips" aria-label="Medicines added">
              {chosen.map((c) => (
                <li key={c.id} className="chip">
                  <span>{c.name}</span>
                  <button
                    type="button"
                    aria-label={`Remove ${c.name}`}
                    onClick={() =>
                      set(
                        'concurrent',
                        values.concurrent.filter((id) => id !== c.id),
                      )
                    }
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {pendingConcurrent ? (
            <Unresolved
              id="concurrent-pending"
              message={`Not added yet: “${values.concurrentQuery.trim()}”. The plan is on hold until you choose the medicine from the list (arrow keys and Enter, or click) or clear the text: a medicine left out can change the first step and the warnings.`}
              matches={closestOptions(concurrentChoices, values.concurrentQuery)}
              verb="Add"
              onChoose={addConcurrent}
            />
          ) : null}
          <FieldMessage id="concurrent-error" message={concurrentError} />
        </div>
        <div className="field">
          <label htmlFor="breakReason">Reason for the break</label>
          <select
            id="breakReason"
            aria-describedby={describedBy(errorFor('breakReason') && 'breakReason-error')}
            {...register('breakReason')}
          >
            <option value="">Not stated</option>
            {BREAK_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {BREAK_REASON_LABELS[reason] ?? reason}
              </option>
            ))}
          </select>
          <FieldMessage id="breakReason-error" message={errorFor('breakReason')} />
        </div>
      </fieldset>

      <details className="more-details" open={moreOpen || undefined}>
        <summary>More patient details</summary>
        <p className="hint">Optional. Each answer can change the first step or add a warning.</p>
        <div className="row">
          <div className="field">
            <label htmlFor="sex">Sex</label>
            <select id="sex" aria-describedby={describedBy('sex-hint', errorFor('sex') && 'sex-error')} {...register('sex')}>
              <option value="">Not stated</option>
              <option value="female">Female</option>
              <option value="male">Male</option>
              <option value="unknown">Unknown</option>
            </select>
            <p className="hint" id="sex-hint">
              Not stated or unknown: the lower (female) label dose is used.
            </p>
            <FieldMessage id="sex-error" message={errorFor('sex')} />
          </div>
          {text('creatinineClearanceMlMin', 'Creatinine clearance (mL/min)', { inputMode: 'decimal', width: 'narrow', hint: 'Cockcroft–Gault, if known.' })}
        </div>
        <div className="field">
          <label htmlFor="withdrawalSymptomsNow">Withdrawal symptoms now</label>
          <select
            id="withdrawalSymptomsNow"
            aria-describedby={describedBy(errorFor('withdrawalSymptomsNow') && 'withdrawalSymptomsNow-error')}
            {...register('withdrawalSymptomsNow')}
          >
            <option value="">Not recorded</option>
            <option value="none">None</option>
            <option value="mild">Mild</option>
            <option value="significant">Significant</option>
            <option value="severe">Severe</option>
          </select>
          <FieldMessage id="withdrawalSymptomsNow-error" message={errorFor('withdrawalSymptomsNow')} />
        </div>
        <div className="checks">
          {PATIENT_HISTORY_FLAGS.map((flag) => (
            <div className="check" key={flag}>
              <input id={flag} type="checkbox" {...register(flag)} />
              <label htmlFor={flag}>{HISTORY_FLAG_LABELS[flag]}</label>
            </div>
          ))}
        </div>
        {text('acetaminophenOtherSourcesMgPerDay', 'Acetaminophen from other sources (mg a day)', {
          inputMode: 'numeric',
          width: 'narrow',
          suffix: 'mg',
          hint: 'Paracetamol taken besides this medicine, e.g. over the counter.',
        })}
        <div className="check">
          <input id="keepProduct" type="checkbox" aria-describedby="keepProduct-hint" {...register('keepProduct')} />
          <label htmlFor="keepProduct">Keep the extended-release product</label>
          <p className="hint" id="keepProduct-hint">
            Where its label allows starting it in a patient without tolerance, rather than moving to immediate release.
          </p>
        </div>
        {chosen.length ? (
          <fieldset className="concurrent-dates">
            <legend>Concurrent medicine dates (if known)</legend>
            {chosen.map((c) => (
              <div className="row" key={c.id}>
                <div className="field date">
                  <label htmlFor={`concurrent-${c.id}-started`}>{c.name} started on</label>
                  <input id={`concurrent-${c.id}-started`} type="date" {...register(`concurrentDates.${c.id}.startedOn` as never)} />
                </div>
                <div className="field date">
                  <label htmlFor={`concurrent-${c.id}-stopped`}>{c.name} stopped on</label>
                  <input id={`concurrent-${c.id}-stopped`} type="date" {...register(`concurrentDates.${c.id}.stoppedOn` as never)} />
                </div>
              </div>
            ))}
          </fieldset>
        ) : null}
      </details>
    </form>
  );
}
