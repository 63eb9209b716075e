/**
 * "Check a proposed schedule" (pharmacists, lazy-loaded): the prescriber's steps, typed or pasted, are
 * compared with the conservative ceiling of the current plan (`checkAgainstPlan`). Rows persist in
 * this browser only.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { formatDose, type Amount, type PlanRefusal, type RestartPlan } from '../engine/api.ts';
import { checkAgainstPlan, checkSchedule, type CheckFinding, type CheckOutcome } from '../engine/check.ts';
import { codeInWords } from './PlanView.tsx';
import { displayDate } from './dates.ts';
import { MAX_INPUT_LENGTH } from './model.ts';
import { MAX_PASTE_LENGTH, PROPOSED_KEY, emptyRow, errorsByRow, parsePasted, restoreRows, toProposed, type ProposedRow, type RowField } from './proposed.ts';
import { loadJson, saveJson } from './storage.ts';
import { checkNote, findingTitle, findingsCsv, ruleWithoutHouseNumbers } from './checkExport.ts';
import { downloadText, exportFileName } from './Exports.tsx';
import { todayIso } from './model.ts';


function positive(amount: Amount): boolean {
  return Number(amount.amount) > 0;
}

/** "above by 5 mg (25%)" for the largest excess among a step's findings, preferring the daily ceiling. */
export function excessWords(findings: readonly CheckFinding[]): string | null {
  const withExcess = findings.filter((f) => positive(f.excess));
  const daily = withExcess.find((f) => f.code === 'ABOVE_CEILING');
  const chosen = daily ?? withExcess.sort((a, b) => Number(b.excess.amount) - Number(a.excess.amount))[0];
  if (!chosen) return null;
  const per = chosen.code === 'ABOVE_DOSE_CEILING' ? ' a dose' : ' a day';
  const percent = chosen.excessPercent === null ? '' : ` (${chosen.excessPercent.replace(/\.0$/, '')}%)`;
  return `above by ${formatDose(chosen.excess)}${per}${percent}`;
}

/** A rule's bracketed citations in words: "[cdc-2022: Recommendation 4 …]" → "(Centers for …, 2022: Recommendation 4 …)". */
export function ruleInWords(rule: string, plan: RestartPlan): string {
  return rule.replace(/\[([^\]]+)\]/g, (_, inner: string) => {
    const parts = inner.split(/;\s*/).map((part) => {
      const colon = part.indexOf(':');
      const id = (colon >= 0 ? part.slice(0, colon) : part).trim();
      const source = plan.sources.find((s) => s.id === id);
      if (source) return `${source.issuer}, ${source.year}${colon >= 0 ? `: ${part.slice(colon + 1).trim()}` : ''}`;
      const assumption = /^engine assumption\s+(\S+)$/.exec(part.trim());
      if (assumption) return `engine assumption: ${plan.assumptionDetails.find((a) => a.id === assumption[1])?.statement ?? assumption[1]}`;
      return part;
    });
    return `(${parts.join('; ')})`;
  });
}

function FindingItem({ finding, plan }: { readonly finding: CheckFinding; readonly plan: RestartPlan }) {
  const excess = positive(finding.excess) && !finding.message.includes(`by ${formatDose(finding.excess)}`)
    ? ` Above by ${formatDose(finding.excess)}${finding.excessPercent === null ? '' : ` (${finding.excessPercent.replace(/\.0$/, '')}%)`}: ${formatDose(finding.proposedDaily)} against ${formatDose(finding.ceilingDaily)}.`
    : '';
  return (
    <li className="finding" data-code={finding.code}>
      <strong>{findingTitle(finding.code)}.</strong> {finding.message}
      {excess}
      {finding.rule ? <span className="finding-rule"> Rule: {ruleInWords(ruleWithoutHouseNumbers(finding.rule), plan)}</span> : null}
    </li>
  );
}

function CheckExports({ plan, result, inputs }: { readonly plan: RestartPlan; readonly result: Extract<CheckOutcome, { ok: true }>['result']; readonly inputs: readonly (readonly [string, string])[] }) {
  const [status, setStatus] = useState('');
  const context = { plan, result, inputs, checkedOn: todayIso() };
  const copy = async () => {
    const note = checkNote(context);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(note);
      setStatus('Check note copied to the clipboard.');
    } catch {
      downloadText(note, exportFileName(plan, 'check.txt'), 'text/plain;charset=utf-8');
      setStatus('The clipboard is not available: the check note was downloaded as a text file.');
    }
  };
  return (
    <div className="check-exports no-print">
      <button type="button" className="secondary small" onClick={() => void copy()}>
        Copy check note
      </button>
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          downloadText(findingsCsv(context), exportFileName(plan, 'check.csv'), 'text/csv;charset=utf-8');
          setStatus('Findings downloaded as CSV.');
        }}
      >
        Download findings (CSV)
      </button>
      <button type="button" className="secondary small" onClick={() => window.print()}>
        Print the check
      </button>
      <p className="hint" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

function CheckResultView({ outcome, plan, inputs }: { readonly outcome: Extract<CheckOutcome, { ok: true }>; readonly plan: RestartPlan; readonly inputs: readonly (readonly [string, string])[] }) {
  const { result } = outcome;
  const exceeding = result.steps.filter((s) => s.status === 'exceeds').length;
  const general = result.findings.filter((f) => !result.steps.some((s) => s.index === f.step));
  return (
    <section className="check-result" aria-labelledby="check-result-title">
      <div className={`verdict ${result.verdict}`} role="status">
        <h3 id="check-result-title">
          {result.verdict === 'within' ? 'Within the ceiling' : 'Exceeds the ceiling'}
        </h3>
        <p>
          {result.verdict === 'within'
            ? `All ${result.steps.length} proposed ${result.steps.length === 1 ? 'step is' : 'steps are'} at or below the conservative ceiling for ${plan.displayName}. Within the ceiling is not a guarantee of safety: review the patient.`
            : `${exceeding} of ${result.steps.length} proposed ${result.steps.length === 1 ? 'step breaks' : 'steps break'} a rule (${result.findings.length} ${result.findings.length === 1 ? 'finding' : 'findings'}). Discuss with the prescriber before dispensing.`}
        </p>
      </div>
      <CheckExports plan={plan} result={result} inputs={inputs} />
      <section className="inputs print-only" aria-label="Patient inputs checked">
        <h3>Patient inputs</h3>
        <dl>
          {inputs.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="table-wrap">
        <table className="schedule check-table">
          <caption>Proposed steps against the ceiling</caption>
          <thead>
            <tr>
              <th scope="col">Proposed step</th>
              <th scope="col">Dose</th>
              <th scope="col">Daily total</th>
              <th scope="col">Ceiling in force</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {result.steps.map((step) => {
              const findings = result.findings.filter((f) => f.step === step.index);
              const ceiling = plan.steps.find((s) => s.start === step.ceilingStepStart);
              const ceilingIndex = ceiling ? plan.steps.indexOf(ceiling) : -1;
              const words = excessWords(findings);
              return (
                <tr key={step.index} className={step.status === 'exceeds' ? 'exceeds' : 'within'}>
                  <th scope="row" data-label="Proposed step">
                    <span className="step-no">Step {step.index + 1}</span>{' '}
                    <span className="date-line">{displayDate(step.start)}</span>{' '}
                    <span className="date-line">{step.end ? `to ${displayDate(step.end)}` : 'onward'}</span>
                  </th>
                  <td data-label="Dose" className="num">
                    {new Set(step.administrations).size > 1
                      ? step.administrations.map((a) => formatDose({ amount: a, unit: step.dose.unit })).join(' + ')
                      : `${formatDose(step.dose)} × ${step.timesPerDay}`}
                    {step.everyOtherDay ? ', every other day' : ''}
                  </td>
                  <td data-label="Daily total" className="num">
                    {formatDose(step.dailyDose)}
                  </td>
                  <td data-label="Ceiling in force">
                    {ceiling ? `${formatDose(ceiling.dailyDose)} daily (plan step ${ceilingIndex + 1})` : 'before the restart date: none'}
                  </td>
                  <td data-label="Result">
                    <div>
                    {step.status === 'within' ? (
                      <span className="status-within">Within</span>
                    ) : (
                      <>
                        <span className="status-exceeds">Exceeds{words ? `: ${words}` : ''}</span>
                        <ul className="findings">
                          {findings.map((finding, k) => (
                            <FindingItem key={k} finding={finding} plan={plan} />
                          ))}
                        </ul>
                      </>
                    )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {general.length ? (
        <ul className="findings">
          {general.map((finding, k) => (
            <FindingItem key={k} finding={finding} plan={plan} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RowFieldError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/** One text field of a proposed step: label (naming the step for screen readers), input, and its error. */
function StepInput(props: {
  readonly step: number;
  readonly inputId: string;
  readonly errorId: string;
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly describedBy: string | undefined;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly placeholder?: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={props.inputId}>
        <span className="visually-hidden">Step {props.step} </span>
        {props.label}
      </label>
      <input
        id={props.inputId}
        type="text"
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        autoComplete="off"
        maxLength={MAX_INPUT_LENGTH}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <RowFieldError id={props.errorId} message={props.error} />
    </>
  );
}

/** The request refused by the planner, so a proposal is checked against the refusal (every step PLAN_REFUSED). */
export interface RefusedRequest {
  readonly refusal: PlanRefusal;
  readonly request: unknown;
}

/** A PLAN_REFUSED finding in words: the refusal code and its sources said in words, not as codes and ids. */
export function refusedFindingInWords(finding: CheckFinding, refusal: PlanRefusal): string {
  const sources = refusal.reasonSources.map((sid) => {
    const source = refusal.sources.find((s) => s.id === sid);
    return source ? `${source.issuer}, ${source.year}` : sid;
  });
  const message = finding.message.replace(`(${refusal.code})`, `(blocked: ${codeInWords(refusal.code)})`).replace(refusal.code, codeInWords(refusal.code));
  return `${message} Rule: no plan is given for a labelled contraindication${sources.length ? ` (${sources.join('; ')})` : ''}.`;
}

function RefusedCheckResult({ refusal, findings }: { readonly refusal: PlanRefusal; readonly findings: readonly CheckFinding[] }) {
  return (
    <section className="check-result" aria-labelledby="check-result-title">
      <div className="verdict exceeds" role="status">
        <h3 id="check-result-title">No plan: no proposed dose is within a ceiling</h3>
        <p>
          Retitrate gives no plan for this request ({codeInWords(refusal.code)}), so{' '}
          {findings.length === 1 ? 'the proposed step is a finding' : `all ${findings.length} proposed steps are findings`}. Discuss with the prescriber before dispensing.
        </p>
      </div>
      <ul className="findings">
        {findings.map((finding, k) => (
          <li key={k} className="finding" data-code={finding.code}>
            <strong>{findingTitle(finding.code)}.</strong> {refusedFindingInWords(finding, refusal)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function priorUnit(request: unknown): string | undefined {
  const prior = typeof request === 'object' && request !== null ? (request as { prior?: { unit?: unknown } }).prior : undefined;
  return typeof prior?.unit === 'string' ? prior.unit : undefined;
}

export default function CheckView({ plan, refused, inputs = [] }: { readonly plan: RestartPlan | null; readonly refused?: RefusedRequest | null; readonly inputs?: readonly (readonly [string, string])[] }) {
  const id = useId();
  const [rows, setRows] = useState<ProposedRow[]>(() => restoreRows(loadJson(PROPOSED_KEY)));
  const [paste, setPaste] = useState('');
  const [pasteNote, setPasteNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const unit = plan?.steps[0]?.dose.unit ?? priorUnit(refused?.request) ?? 'mg';
  const displayName = plan?.displayName ?? refused?.refusal.displayName ?? '';
  const restart = plan?.steps[0]?.start ?? (refused?.request as { restartDate?: string } | undefined)?.restartDate ?? '';

  useEffect(() => saveJson(PROPOSED_KEY, rows), [rows]);

  const outcome = useMemo<CheckOutcome | null>(() => {
    if (!submitted) return null;
    try {
      if (plan) return checkAgainstPlan(plan, toProposed(rows, unit));
      const request = typeof refused?.request === 'object' && refused.request !== null ? refused.request : {};
      return checkSchedule({ ...request, proposed: toProposed(rows, unit) });
    } catch (error) {
      console.warn('Retitrate check error', error);
      return { ok: false, errors: [{ path: '', code: 'internal', message: `The check could not be run (internal error): ${String(error)}` }] };
    }
  }, [submitted, plan, refused, rows, unit]);
  const refusedOutcome = outcome && !outcome.ok && outcome.refusal ? outcome : null;
  const errors = useMemo(() => (outcome && !outcome.ok && !outcome.refusal ? errorsByRow(outcome.errors) : { rows: new Map<number, Partial<Record<RowField, string>>>(), form: [] as string[] }), [outcome]);

  const update = (index: number, patch: Partial<ProposedRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const addRow = () => setRows((current) => [...current, emptyRow()]);
  const removeRow = (index: number) => setRows((current) => (current.length === 1 ? [emptyRow()] : current.filter((_, i) => i !== index)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
  };
  const usePasted = () => {
    const parsed = parsePasted(paste);
    if (parsed.length === 0) {
      setPasteNote('Nothing to read: paste one step a line, e.g. 2026-11-28, 5 mg, 4.');
      return;
    }
    setRows(parsed);
    setPasteNote(`Read ${parsed.length} ${parsed.length === 1 ? 'step' : 'steps'} from the pasted text. Check them below.`);
    setSubmitted(true);
  };
  const fieldId = (index: number, field: string) => `${id}-${index}-${field}`;

  return (
    <article className="check-view" aria-labelledby="check-title">
      <h2 id="check-title">Check a proposed schedule</h2>
      <p className="muted">
        Enter the prescriber’s steps for {displayName}.{' '}
        {refused
          ? `Retitrate gives no plan for this request (blocked), so there is no ceiling and no proposed dose can be within one (restart ${displayDate(restart)}).`
          : `Each step is compared with the conservative ceiling calculated from the form (restart ${displayDate(restart)}).`}{' '}
        Doses are per administration, in {unit}.
      </p>
      <p className="hint" id={`${id}-uneven-hint`}>
        Uneven doses: when the administrations of a day differ, list each one, largest first (e.g. 10 + 5 + 5 + 5); the dose is
        then the largest and times a day the number listed.
      </p>
      <form onSubmit={onSubmit} noValidate aria-describedby={errors.form.length ? `${id}-form-error` : undefined}>
        <ol className="proposed-rows">
          {rows.map((row, index) => {
            const rowErrors = errors.rows.get(index) ?? {};
            const described = (field: RowField) => (rowErrors[field] ? fieldId(index, `${field}-error`) : undefined);
            return (
              <li key={index} className="proposed-row">
                <fieldset>
                  <legend>Step {index + 1}</legend>
                  <div className="proposed-fields">
                    <div className="field date">
                      <StepInput step={index + 1} inputId={fieldId(index, 'start')} errorId={fieldId(index, 'start-error')} label="Start date" value={row.start} error={rowErrors.start} describedBy={described('start')} inputMode="numeric" placeholder="YYYY-MM-DD" onChange={(value) => update(index, { start: value })} />
                    </div>
                    <div className="field narrow">
                      <StepInput step={index + 1} inputId={fieldId(index, 'dose')} errorId={fieldId(index, 'dose-error')} label={`Dose (${unit})`} value={row.dose} error={rowErrors.dose} describedBy={described('dose')} inputMode="decimal" onChange={(value) => update(index, { dose: value })} />
                    </div>
                    <div className="field narrow">
                      <StepInput step={index + 1} inputId={fieldId(index, 'times')} errorId={fieldId(index, 'timesPerDay-error')} label="Times a day" value={row.timesPerDay} error={rowErrors.timesPerDay} describedBy={described('timesPerDay')} inputMode="numeric" onChange={(value) => update(index, { timesPerDay: value })} />
                    </div>
                  </div>
                  <div className="field uneven-field">
                    <StepInput step={index + 1} inputId={fieldId(index, 'uneven')} errorId={fieldId(index, 'administrations-error')} label="Uneven doses (optional)" value={row.administrations} error={rowErrors.administrations} describedBy={[`${id}-uneven-hint`, described('administrations')].filter(Boolean).join(' ')} placeholder="e.g. 10 + 5 + 5 + 5" onChange={(value) => update(index, { administrations: value })} />
                  </div>
                  <div className="row proposed-row-foot">
                    <label className="check">
                      <input type="checkbox" checked={row.checkpoint} onChange={(e) => update(index, { checkpoint: e.target.checked })} />
                      <span>
                        <span className="visually-hidden">Step {index + 1}: </span>Reassess before this step (checkpoint)
                      </span>
                    </label>
                    <button type="button" className="secondary small" onClick={() => removeRow(index)}>
                      Remove step {index + 1}
                    </button>
                  </div>
                  <RowFieldError id={fieldId(index, 'row-error')} message={rowErrors.row} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="check-actions">
          <button type="button" className="secondary" onClick={addRow}>
            Add a step
          </button>
          <button type="submit" className="primary">
            Check against the ceiling
          </button>
        </div>
        {errors.form.length ? (
          <p className="field-error" id={`${id}-form-error`} role="alert">
            {errors.form.join(' ')}
          </p>
        ) : outcome && !outcome.ok && !outcome.refusal ? (
          <p className="field-error" role="alert">
            The proposed schedule has {outcome.errors.length} {outcome.errors.length === 1 ? 'problem' : 'problems'}: see the messages beside the fields.
          </p>
        ) : null}
      </form>
      <details className="paste-box">
        <summary>Paste a schedule</summary>
        <div className="field">
          <label htmlFor={`${id}-paste`}>Pasted steps</label>
          <p className="hint" id={`${id}-paste-hint`}>
            One step a line: start date, dose, times a day (e.g. <code>2026-11-28, 5 mg, 4</code>), or a CSV with a header row
            (start, dose per administration, times per day, checkpoint) such as Retitrate’s own export.
          </p>
          <textarea id={`${id}-paste`} rows={5} maxLength={MAX_PASTE_LENGTH} value={paste} aria-describedby={`${id}-paste-hint`} onChange={(e) => setPaste(e.target.value)} />
        </div>
        <button type="button" className="secondary" onClick={usePasted}>
          Use the pasted steps
        </button>
        {pasteNote ? <p className="hint" role="status">{pasteNote}</p> : null}
      </details>
      {outcome?.ok && plan ? <CheckResultView outcome={outcome} plan={plan} inputs={inputs} /> : null}
      {refusedOutcome?.refusal ? <RefusedCheckResult refusal={refusedOutcome.refusal} findings={refusedOutcome.findings} /> : null}
    </article>
  );
}
