/**
 * Dispensing (lazy-loaded, in the plan view): the units that make each dose of each step
 * (`stepUnits`) and the totals of each strength for a supply period (`dispense`): by default until
 * the next checkpoint, or until a date, or for a number of days.
 */
import { useId, useMemo, useState } from 'react';
import { formatDose, type RestartPlan } from '../engine/api.ts';
import { dispense, stepUnits, type DispenseLine, type DispenseOptions, type DispensedStep } from '../engine/dispense.ts';
import { stepDrugName, stepFormulationName } from '../export/common.ts';
import { displayDate } from './dates.ts';

type Mode = 'default' | 'until' | 'days';

/** Identical administrations grouped: "each dose: 1 × 10 mg tablet" or "1 dose: …; 3 doses: …". */
export function unitsInWords(step: DispensedStep): string {
  const groups: { text: string; count: number }[] = [];
  for (const administration of step.administrations) {
    const last = groups[groups.length - 1];
    if (last && last.text === administration.makeUp) last.count += 1;
    else groups.push({ text: administration.makeUp, count: 1 });
  }
  if (groups.length === 1) return `each dose: ${groups[0]!.text}`;
  return groups.map((g) => `${g.count} ${g.count === 1 ? 'dose' : 'doses'}: ${g.text}`).join('; ');
}

function daysWords(step: DispensedStep): string {
  const days = `${step.daysInPeriod} ${step.daysInPeriod === 1 ? 'day' : 'days'}`;
  return step.dosingDaysInPeriod !== step.daysInPeriod ? `${days} (${step.dosingDaysInPeriod} dosing)` : days;
}

export function lineInWords(line: DispenseLine): string {
  return `${stepDrugName(line)} ${formatDose(line.strength)} ${stepFormulationName(line)}`;
}

export default function Dispensing({ plan }: { readonly plan: RestartPlan }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('default');
  const [until, setUntil] = useState('');
  const [days, setDays] = useState('');
  const units = useMemo(() => stepUnits(plan), [plan]);
  const options: DispenseOptions | { error: string; field: 'until' | 'days' } = useMemo(() => {
    if (mode === 'until') return until.trim() ? { until: until.trim() } : { error: 'Enter the last day of the supply (YYYY-MM-DD).', field: 'until' };
    if (mode === 'days') {
      const text = days.trim();
      if (!/^\d+$/.test(text)) return { error: 'Enter the number of days of supply as a whole number, e.g. 14.', field: 'days' };
      return { days: Number(text) };
    }
    return {};
  }, [mode, until, days]);
  const result = useMemo(() => ('error' in options ? null : dispense(plan, options)), [plan, options]);
  const errorFor = (field: 'until' | 'days'): string | undefined => {
    if ('error' in options) return options.field === field ? options.error : undefined;
    if (result && !result.ok) {
      const messages = result.errors.filter((e) => e.path === field || (field === 'until' && e.path === 'from')).map((e) => e.message);
      return messages.length ? messages.join(' ') : undefined;
    }
    return undefined;
  };
  const defaultError = mode === 'default' && result && !result.ok ? result.errors.map((e) => e.message).join(' ') : null;
  const untilError = errorFor('until');
  const daysError = errorFor('days');

  return (
    <section className="dispensing" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Dispense</h3>
      <fieldset className="supply no-print">
        <legend>Supply period</legend>
        <div className="checks supply-modes">
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'default'} onChange={() => setMode('default')} />
            <span>Until the next checkpoint (default)</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'until'} onChange={() => setMode('until')} />
            <span>Until a date</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'days'} onChange={() => setMode('days')} />
            <span>For a number of days</span>
          </label>
        </div>
        <div className="row">
          <div className="field date">
            <label htmlFor={`${id}-until`}>Supply until</label>
            <input
              id={`${id}-until`}
              type="text"
              inputMode="numeric"
              maxLength={100}
              placeholder="YYYY-MM-DD"
              autoComplete="off"
              value={until}
              aria-invalid={mode === 'until' && untilError ? true : undefined}
              aria-describedby={mode === 'until' && untilError ? `${id}-until-error` : undefined}
              onChange={(e) => {
                setUntil(e.target.value);
                setMode('until');
              }}
            />
            {mode === 'until' && untilError ? (
              <p className="field-error" id={`${id}-until-error`}>
                {untilError}
              </p>
            ) : null}
          </div>
          <div className="field narrow">
            <label htmlFor={`${id}-days`}>Days of supply</label>
            <input
              id={`${id}-days`}
              type="text"
              inputMode="numeric"
              maxLength={100}
              autoComplete="off"
              value={days}
              aria-invalid={mode === 'days' && daysError ? true : undefined}
              aria-describedby={mode === 'days' && daysError ? `${id}-days-error` : undefined}
              onChange={(e) => {
                setDays(e.target.value);
                setMode('days');
              }}
            />
            {mode === 'days' && daysError ? (
              <p className="field-error" id={`${id}-days-error`}>
                {daysError}
              </p>
            ) : null}
          </div>
        </div>
        {defaultError ? <p className="field-note">{defaultError} Choose a date or a number of days.</p> : null}
      </fieldset>
      {result?.ok ? (
        <div className="dispense-total" aria-live="polite">
          <p>
            <strong>
              Supply {displayDate(result.dispensing.period.from)} to {displayDate(result.dispensing.period.until)} ({result.dispensing.period.days}{' '}
              {result.dispensing.period.days === 1 ? 'day' : 'days'})
            </strong>
            {mode === 'default' ? `, ${result.dispensing.period.basis}` : ''}:
          </p>
          <ul className="dispense-lines">
            {result.dispensing.summary.map((line) => (
              <li key={`${line.drug}-${line.formulation}-${line.strength.amount}`}>
                <span>{lineInWords(line)}</span>: <strong className="quantity">{line.quantity}</strong>
                {line.halves > 0 ? ` (includes ${Math.ceil(line.halves / 2)} to halve for ${line.halves} half-tablet ${line.halves === 1 ? 'dose' : 'doses'})` : ''}
              </li>
            ))}
          </ul>
          {result.dispensing.notes.map((note) => (
            <p key={note} className="hint">
              {note}
            </p>
          ))}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="schedule units-table">
          <caption>Tablets or patches for each dose</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Made up of</th>
              <th scope="col">Days in this supply</th>
            </tr>
          </thead>
          <tbody>
            {(result?.ok ? result.dispensing.steps : units).map((step) => (
              <tr key={step.index} className={result?.ok && step.daysInPeriod === 0 ? 'outside' : undefined}>
                <th scope="row" data-label="Step">
                  <span className="step-no">Step {step.index + 1}</span> {displayDate(step.start)}
                </th>
                <td data-label="Made up of">{unitsInWords(step)}</td>
                <td data-label="Days" className="num">
                  {!result?.ok ? '—' : step.daysInPeriod === 0 ? 'not in this supply' : daysWords(step)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
