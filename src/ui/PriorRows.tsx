/**
 * The other medicines of the same class taken before the break (`additionalPrior`), one row each: drug,
 * formulation, dose (with its unit), times per day and "taken as needed", and a Remove button. Loaded only
 * when the first row is added (the first page load stays within its bytes budget).
 */
import { useEffect, useState } from 'react';
import type { DrugDescription, FieldError } from '../engine/index.ts';
import { MAX_INPUT_LENGTH, findFormulation, type PriorRow } from './model.ts';

interface Props {
  readonly rows: readonly PriorRow[];
  /** Drugs a row may name (the main drug's class). */
  readonly drugs: readonly DrugDescription[];
  /** "Opioid" or "Benzodiazepine": each row is titled "Opioid 2", "Opioid 3", … (the main medicine is the first). */
  readonly noun: string;
  readonly onChange: (rows: PriorRow[]) => void;
  readonly onRemove: (index: number) => void;
  /** The engine's errors on the rows, by path (`additionalPrior.1.dose`). */
  readonly errors: Readonly<Record<string, FieldError>>;
  /** Id of a row just added: its first field takes the focus. */
  readonly focusRow: string | null;
  readonly onFocused: () => void;
  readonly showDose: (dose: { readonly amount: string; readonly unit: string }) => string;
}

export default function PriorRows({ rows, drugs, noun, onChange, onRemove, errors, focusRow, onFocused, showDose }: Props) {
  // "Required" waits until the field has been left, as in the rest of the form.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!focusRow) return;
    document.getElementById(`${focusRow}-drug`)?.focus();
    onFocused();
  }, [focusRow, onFocused]);

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
    </>
  );
}
