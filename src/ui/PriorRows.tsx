/**
 * The other medicines of the same class taken before the break (`additionalPrior`), one row each: drug,
 * formulation, dose (with its unit), times per day and "taken as needed", and a Remove button. Loaded only
 * when the first row is added (the first page load stays within its bytes budget).
 */
import { useEffect, useMemo, useState } from 'react';
import type { DrugDescription, FieldError } from '../engine/index.ts';
import { MAX_INPUT_LENGTH, MAX_PRIOR_ROWS, findFormulation, type PriorRow } from './model.ts';

let rowCount = 0;
/** A new empty row (id unique within the page; rows restored from storage or a link have ids s0, s1, …). */
function newPriorRow(): PriorRow {
  rowCount += 1;
  return { id: `p${rowCount}`, drug: '', formulation: '', dose: '', timesPerDay: '', asNeeded: false };
}

/** The first engine error for each field of the other-medicine rows, by path (`additionalPrior.1.dose`). */
export function rowErrors(errors: readonly FieldError[]): Record<string, FieldError> {
  const byPath: Record<string, FieldError> = {};
  for (const error of errors) {
    const match = /^additionalPrior\.(\d+)(?:\.(\w+))?/.exec(error.path);
    if (!match) continue;
    // prior.unit-style paths and a whole-row error show on the row's dose or drug field.
    const field = match[2] === 'unit' ? 'dose' : match[2] === 'daysPerWeek' || match[2] === 'asNeeded' ? 'timesPerDay' : (match[2] ?? 'drug');
    const key = `additionalPrior.${match[1]}.${field}`;
    byPath[key] ??= error;
  }
  return byPath;
}

interface Props {
  readonly rows: readonly PriorRow[];
  /** Drugs a row may name (the main drug's class). */
  readonly drugs: readonly DrugDescription[];
  /** "Opioid" or "Benzodiazepine": each row is titled "Opioid 2", "Opioid 3", … (the main medicine is the first). */
  readonly noun: string;
  readonly onChange: (rows: PriorRow[]) => void;
  /** The engine's errors; those with paths like `additionalPrior.1.dose` show on that row's field. */
  readonly engineErrors: readonly FieldError[];
  /** The engine's error on the list as a whole (`additionalPrior`), if any. */
  readonly listError?: string;
  readonly showDose: (dose: { readonly amount: string; readonly unit: string }) => string;
}

export default function PriorRows({ rows, drugs, noun, onChange, engineErrors, listError, showDose }: Props) {
  const errors = useMemo(() => rowErrors(engineErrors), [engineErrors]);
  // "Required" waits until the field has been left, as in the rest of the form.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [news, setNews] = useState('');
  useEffect(() => {
    if (!focusRow) return;
    document.getElementById(`${focusRow}-drug`)?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const full = rows.length >= MAX_PRIOR_ROWS;
  const add = () => {
    if (full) return setNews(`At most ${MAX_PRIOR_ROWS} other medicines can be added.`);
    const row = newPriorRow();
    onChange([...rows, row]);
    setFocusRow(row.id);
    setNews(`${noun} ${rows.length + 2} added.`);
  };
  const onRemove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    setNews(`${noun} ${index + 2} removed.${index < rows.length - 1 ? ' The rows after it are renumbered.' : ''}`);
    document.getElementById('add-prior')?.focus();
  };

  return (
    <>
      {rows.map((row, index) => {
        const update = (patch: Partial<PriorRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
        const drug = drugs.find((d) => d.id === row.drug);
        const formulation = findFormulation(drug, row.formulation);
        const isPatch = formulation?.unitForm === 'patch';
        const title = `${noun} ${index + 2}`;
        const fieldProps = (name: 'drug' | 'formulation' | 'dose' | 'timesPerDay', extra?: string) => {
          const id = `${row.id}-${name}`;
          const error = errors[`additionalPrior.${index}.${name}`];
          const shown = error && (error.code !== 'required' || touched.has(id)) ? error.message : undefined;
          return {
            field: {
              id,
              'aria-invalid': shown ? true : undefined,
              'aria-describedby': [extra, shown && `${id}-error`].filter(Boolean).join(' ') || undefined,
              onBlur: () => setTouched((t) => new Set(t).add(id)),
            },
            message: shown ? (
              <p id={`${id}-error`} className="field-error">
                <span aria-hidden="true">⚠ </span>
                {shown}
              </p>
            ) : null,
          };
        };
        const d = fieldProps('drug');
        const f = fieldProps('formulation');
        const dose = fieldProps('dose', formulation ? `${row.id}-unit` : undefined);
        const times = fieldProps('timesPerDay');
        return (
          <fieldset key={row.id} className="prior-row">
            <legend>{title}</legend>
            <div className="row">
              <div className="field">
                <label htmlFor={d.field.id}>Drug</label>
                <select
                  {...d.field}
                  value={row.drug}
                  onChange={(event) => {
                    const next = drugs.find((x) => x.id === event.target.value);
                    update({ drug: event.target.value, formulation: next && !next.formulations.some((x) => x.id === row.formulation) ? next.defaultFormulation : row.formulation });
                  }}
                >
                  <option value="">Choose the drug</option>
                  {drugs.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.displayName}
                    </option>
                  ))}
                </select>
                {d.message}
              </div>
              <div className="field">
                <label htmlFor={f.field.id}>Formulation</label>
                <select {...f.field} disabled={!drug} value={formulation?.id ?? ''} onChange={(event) => update({ formulation: event.target.value })}>
                  {drug ? (
                    drug.formulations.map((x) => (
                      <option key={x.id} value={x.id}>
                        {`${x.name} (${x.route})`}
                      </option>
                    ))
                  ) : (
                    <option value="">Choose a drug first</option>
                  )}
                </select>
                {f.message}
              </div>
            </div>
            <div className="row">
              <div className="field narrow">
                <label htmlFor={dose.field.id}>{isPatch ? 'Patch strength' : 'Dose per administration'}</label>
                <div className="input-row">
                  <input {...dose.field} type="text" inputMode="decimal" autoComplete="off" maxLength={MAX_INPUT_LENGTH} value={row.dose} onChange={(event) => update({ dose: event.target.value })} />
                  {formulation ? (
                    <span className="unit" id={`${row.id}-unit`}>
                      {formulation.unit}
                    </span>
                  ) : null}
                </div>
                {formulation ? <p className="hint">Strengths: {formulation.strengths.map((s) => showDose({ amount: s.amount, unit: formulation.unit })).join(', ')}.</p> : null}
                {dose.message}
              </div>
              {isPatch ? null : (
                <div className="field narrow">
                  <label htmlFor={times.field.id}>{row.asNeeded ? 'Average doses taken a day' : 'Times per day'}</label>
                  <input {...times.field} type="text" inputMode="numeric" autoComplete="off" maxLength={MAX_INPUT_LENGTH} value={row.timesPerDay} onChange={(event) => update({ timesPerDay: event.target.value })} />
                  {times.message}
                </div>
              )}
            </div>
            <div className="checks">
              {isPatch ? null : (
                <div className="check">
                  <input id={`${row.id}-asNeeded`} type="checkbox" checked={row.asNeeded} onChange={(event) => update({ asNeeded: event.target.checked })} />
                  <label htmlFor={`${row.id}-asNeeded`}>Taken as needed</label>
                </div>
              )}
              <button type="button" className="secondary small" onClick={() => onRemove(index)}>
                Remove {title.toLowerCase()}
                {drug ? ` (${drug.displayName})` : ''}
              </button>
            </div>
          </fieldset>
        );
      })}
      {listError ? (
        <p id="additionalPrior-error" className="field-error">
          <span aria-hidden="true">⚠ </span>
          {listError}
        </p>
      ) : null}
      <button type="button" id="add-prior" className="secondary" aria-disabled={full || undefined} aria-describedby={listError ? 'additionalPrior-error' : undefined} onClick={add}>
        Add another {noun.toLowerCase()} taken before the break
      </button>
      <p className="visually-hidden" aria-live="polite">
        {news}
      </p>
    </>
  );
}
