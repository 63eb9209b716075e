/**
 * Export buttons for the plan: copy the clinical note, download CSV / calendar / FHIR, print.
 * The export functions are imported when a button is pressed, so they never weigh on the page load.
 * The date and DTSTAMP come from the browser clock here; the export functions are pure.
 */
import { useId, useRef, useState } from 'react';
import type { PlanRefusal, RestartPlan } from '../engine/api.ts';
import { todayIso } from './model.ts';

/** A file name without any patient identifier: retitrate-oxycodone-2026-11-28.csv */
export function exportFileName(plan: RestartPlan, extension: string, alternative = false): string {
  const start = plan.steps[0]?.start ?? 'plan';
  const drug = alternative ? (plan.steps[plan.steps.length - 1]?.drug ?? plan.drug) : plan.drug;
  return `retitrate-${drug.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}${alternative ? '-alternative' : ''}-${start}.${extension}`;
}

export function downloadText(text: string, fileName: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Props {
  readonly plan: RestartPlan;
  /** The raw request, so the note can list the inputs. */
  readonly request?: unknown;
  /** "today" for the note (tests); the browser clock otherwise. */
  readonly today?: string;
  /** Set when `plan` is a refusal's alternative plan: the buttons, files and note say so. */
  readonly alternativeTo?: PlanRefusal;
}

export function Exports({ plan, request, today, alternativeTo }: Props) {
  const alt = alternativeTo !== undefined;
  const which = alt ? ' (alternative plan)' : '';
  const id = useId();
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const load = () => import('../export/index.ts');

  const copyNote = async () => {
    const { clinicalNote } = await load();
    const note = clinicalNote(plan, { calculatedOn: today ?? todayIso(), request, alternativeTo });
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(note);
      setFallback(null);
      setStatus(`Clinical note${which} copied to the clipboard.`);
    } catch {
      setFallback(note);
      setStatus('The clipboard is not available: the note is shown below, selected. Copy it with Ctrl+C (⌘C).');
      requestAnimationFrame(() => {
        textarea.current?.focus();
        textarea.current?.select();
      });
    }
  };
  const csv = async () => {
    const { scheduleCsv } = await load();
    downloadText(scheduleCsv(plan), exportFileName(plan, 'csv', alt), 'text/csv;charset=utf-8');
    setStatus(`Schedule${which} downloaded as CSV.`);
  };
  const ics = async () => {
    const { scheduleIcs } = await load();
    downloadText(scheduleIcs(plan, { dtstamp: new Date() }), exportFileName(plan, 'ics', alt), 'text/calendar;charset=utf-8');
    setStatus(`Calendar${which} downloaded (.ics).`);
  };
  const fhir = async () => {
    const { planToFhirBundle } = await load();
    const bundle = planToFhirBundle(plan, { authoredOn: today ?? todayIso(), timestamp: new Date().toISOString() });
    downloadText(`${JSON.stringify(bundle, null, 2)}\n`, exportFileName(plan, 'fhir.json', alt), 'application/fhir+json');
    setStatus(`FHIR bundle${which} downloaded (JSON).`);
  };

  return (
    <section className="exports no-print" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{alt ? 'Export the alternative plan' : 'Export and print'}</h3>
      {alt ? (
        <p className="hint">
          These exports are for the alternative plan, not for the refused {alternativeTo.displayName}: the note, CSV, calendar
          and FHIR bundle carry the alternative&apos;s schedule.
        </p>
      ) : null}
      <div className="export-actions">
        <button type="button" className="secondary small" onClick={() => void copyNote()}>
          Copy clinical note{which}
        </button>
        <button type="button" className="secondary small" onClick={() => void csv()}>
          Download CSV{which}
        </button>
        <button type="button" className="secondary small" onClick={() => void ics()}>
          Download calendar (.ics){which}
        </button>
        <button type="button" className="secondary small" onClick={() => void fhir()}>
          Download FHIR bundle (JSON){which}
        </button>
        <button type="button" className="secondary small" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="hint export-status" aria-live="polite">
        {status}
      </p>
      {fallback !== null ? (
        <div className="field">
          <label htmlFor={`${id}-note`}>Clinical note (plain text)</label>
          <textarea id={`${id}-note`} ref={textarea} readOnly rows={10} value={fallback} />
        </div>
      ) : null}
    </section>
  );
}
