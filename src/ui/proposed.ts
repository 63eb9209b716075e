/**
 * The pharmacist's proposed schedule as typed: rows of text (nothing typed is ever lost), the paste
 * parser (lines like `2026-11-28, 5 mg, 4`, or a CSV with a header such as Retitrate's own export),
 * the conversion to the engine's `proposed` list and the mapping of its error paths back onto the
 * rows. No clinical rule lives here: the engine checks the schedule.
 */
import type { FieldError } from '../engine/api.ts';

export interface ProposedRow {
  start: string;
  dose: string;
  timesPerDay: string;
  /** Uneven days: each administration's amount, e.g. "10 + 5 + 5 + 5" ('' for even doses). */
  administrations: string;
  /** The prescriber plans a reassessment before this step. */
  checkpoint: boolean;
}

export type RowField = 'start' | 'dose' | 'timesPerDay' | 'administrations' | 'row';

export { PROPOSED_KEY } from './proposedKey.ts';

export function emptyRow(): ProposedRow {
  return { start: '', dose: '', timesPerDay: '', administrations: '', checkpoint: false };
}

/** Longest text a row field takes (the form's and the engine's text cap). */
const MAX_ROW_TEXT = 100;
/** Most rows kept (the engine's list cap). */
const MAX_ROWS = 400;
/** Longest paste the paste box takes: a schedule of 400 rows fits many times over. */
export const MAX_PASTE_LENGTH = 100_000;

/** Restores stored rows, keeping only well-formed text of a sane size (a huge stored value is dropped, not loaded). */
export function restoreRows(stored: unknown): ProposedRow[] {
  if (!Array.isArray(stored) || stored.length > MAX_ROWS) return [emptyRow()];
  const text = (value: unknown) => (typeof value === 'string' && value.length <= MAX_ROW_TEXT ? value : '');
  const rows = stored
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => ({
      start: text(row.start),
      dose: text(row.dose),
      timesPerDay: text(row.timesPerDay),
      administrations: text(row.administrations),
      checkpoint: row.checkpoint === true,
    }));
  return rows.length ? rows : [emptyRow()];
}

/** Splits one CSV/line of fields: commas, semicolons or tabs; RFC 4180 quotes. */
export function splitFields(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(';') && !line.includes(',') ? ';' : ',';
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (ch === separator) {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields;
}

const HEADER_NAMES: Record<Exclude<RowField, 'row'> | 'checkpoint', readonly string[]> = {
  start: ['start', 'start date', 'from', 'date'],
  dose: ['dose per administration', 'dose 1', 'dose', 'amount'],
  timesPerDay: ['times per day', 'timesperday', 'times', 'frequency'],
  administrations: ['administrations', 'uneven doses', 'each dose'],
  checkpoint: ['checkpoint'],
};

/** "5 mg" → "5", "10mg" → "10"; other text is kept for the engine to reject by name. */
function doseText(text: string): string {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(mg|mcg|mcg\/h|micrograms?)?\s*$/i.exec(text);
  return match ? match[1]! : text.trim();
}

/** The amounts of an uneven day: "10 + 5 + 5" (or separated by slashes) → ["10", "5", "5"]. */
export function splitAdministrations(text: string): string[] {
  return text
    .split(/\s*[+/]\s*/)
    .map((part) => doseText(part))
    .filter((part) => part !== '');
}

/** "10 + 5 + 5" for an uneven day; '' when every administration is the same. */
function unevenOnly(text: string): string {
  const parts = splitAdministrations(text);
  return new Set(parts).size > 1 ? parts.join(' + ') : '';
}

/** "4", "4 times daily", "4x" → "4". */
function timesText(text: string): string {
  const match = /^\s*(\d+)\s*(x|×|times?( a| per)? day|times? daily|\/day)?\s*$/i.exec(text);
  return match ? match[1]! : text.trim();
}

function truthy(text: string | undefined): boolean {
  return /^(yes|y|true|1|checkpoint)$/i.test((text ?? '').trim());
}

/** Parses pasted text into rows. Blank lines are skipped; a header row (with a "start" column) maps columns by name. */
export function parsePasted(text: string): ProposedRow[] {
  // A byte-order mark (Retitrate's own CSV starts with one) is not part of the first header. At most a header and
  // MAX_ROWS steps: a longer paste is not a schedule (and would render thousands of rows).
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, MAX_ROWS + 1);
  if (lines.length === 0) return [];
  const first = splitFields(lines[0]!).map((f) => f.toLowerCase());
  const hasHeader = first.some((f) => HEADER_NAMES.start.includes(f)) && !first.some((f) => /^\d{4}-\d{2}-\d{2}$/.test(f));
  if (hasHeader) {
    const column = (names: readonly string[]) => first.findIndex((f) => names.includes(f));
    const at = {
      start: column(HEADER_NAMES.start),
      dose: column(HEADER_NAMES.dose),
      timesPerDay: column(HEADER_NAMES.timesPerDay),
      administrations: column(HEADER_NAMES.administrations),
      checkpoint: column(HEADER_NAMES.checkpoint),
    };
    return lines.slice(1).map((line) => {
      const fields = splitFields(line);
      const get = (index: number) => (index >= 0 ? (fields[index] ?? '') : '');
      return {
        start: get(at.start).trim(),
        dose: doseText(get(at.dose)),
        timesPerDay: timesText(get(at.timesPerDay)),
        administrations: unevenOnly(get(at.administrations)),
        checkpoint: truthy(get(at.checkpoint)),
      };
    });
  }
  return lines.slice(0, MAX_ROWS).map((line) => {
    const fields = splitFields(line);
    return {
      start: (fields[0] ?? '').trim(),
      dose: doseText(fields[1] ?? ''),
      timesPerDay: timesText(fields[2] ?? ''),
      administrations: '',
      checkpoint: truthy(fields[3]),
    };
  });
}

/** The engine's `proposed` list (amounts in the plan's unit). */
export function toProposed(rows: readonly ProposedRow[], unit: string): unknown[] {
  return rows.map((row) => {
    const times = row.timesPerDay.trim();
    const uneven = splitAdministrations(row.administrations);
    const dose = doseText(row.dose);
    return {
      start: row.start.trim(),
      dose: uneven.length && dose === '' ? { unit } : { amount: dose, unit },
      ...(times === '' ? {} : { timesPerDay: /^\d+$/.test(times) ? Number(times) : times }),
      ...(uneven.length ? { administrations: uneven } : {}),
      ...(row.checkpoint ? { checkpoint: true } : {}),
    };
  });
}

/** Engine errors by row and field: `proposed.2.dose.amount` → rows[2].dose; anything else on the row or the form. */
export function errorsByRow(errors: readonly FieldError[]): { rows: Map<number, Partial<Record<RowField, string>>>; form: string[] } {
  const rows = new Map<number, Partial<Record<RowField, string>>>();
  const form: string[] = [];
  for (const error of errors) {
    const match = /^proposed\.(\d+)(?:\.([A-Za-z]+))?/.exec(error.path);
    if (!match) {
      form.push(error.message);
      continue;
    }
    const index = Number(match[1]);
    const key = match[2];
    const field: RowField = key === 'start' ? 'start' : key === 'dose' ? 'dose' : key === 'administrations' ? 'administrations' : key === 'timesPerDay' ? 'timesPerDay' : 'row';
    const entry = rows.get(index) ?? {};
    entry[field] = entry[field] ? `${entry[field]} ${error.message}` : error.message;
    rows.set(index, entry);
  }
  return { rows, form };
}
