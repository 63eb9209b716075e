/**
 * The schedule as CSV (RFC 4180): a UTF-8 byte-order mark (so spreadsheet programs read "×" and "–" as
 * UTF-8), CRLF line ends, a header row, fields quoted when they hold a comma, a double quote, CR or LF
 * (quotes doubled inside). Amounts are the plan's exact decimal strings (no thousands separators, so
 * spreadsheets read them as numbers). Pure.
 *
 * One column per administration (`dose 1` … `dose N`, N = the most administrations of any step), so an
 * uneven day (10 + 5 + 5 + 5 mg) is never read as 10 mg four times; the step in words and the daily
 * total beside them. A patch's strength is a rate worn continuously: its `times per day` and `daily dose`
 * are empty and the words say how often it is changed.
 *
 * Columns: start, end, drug (Tall Man display name), formulation (name), unit, times per day, dose 1 … dose N,
 * administrations (each amount, ` + `), in words, daily dose, daily equivalent, equivalent unit,
 * checkpoint (yes/no), checkpoint reason, make-up (per administration, `; `), every other day (yes/no), as needed
 * (yes/no), as-needed allowance (how as-needed doses fit beneath the step's ceiling), component (the number of the
 * prior medicine a parallel step resumes, 1-based as the note numbers them).
 */
import type { RestartPlan } from '../engine/types.ts';
import { administrationsOf, isPatchUnit, stepDrugName, stepFormulationName } from './common.ts';
import { stepInWords } from './note.ts';

/** The columns before the per-administration ones. */
export const CSV_LEADING_COLUMNS = ['start', 'end', 'drug', 'formulation', 'unit', 'times per day'] as const;
/** The columns after the per-administration ones. */
export const CSV_TRAILING_COLUMNS = [
  'administrations',
  'in words',
  'daily dose',
  'daily equivalent',
  'equivalent unit',
  'checkpoint',
  'checkpoint reason',
  'make-up',
  'every other day',
  'as needed',
  'as-needed allowance',
  'component',
] as const;

/** The byte-order mark the file starts with. */
export const CSV_BOM = '\uFEFF';

/** Every column of a plan's CSV: `dose 1` … `dose N` between the leading and trailing columns. */
export function csvColumns(plan: RestartPlan): string[] {
  const most = Math.max(1, ...plan.steps.map((step) => administrationsOf(step).length));
  return [...CSV_LEADING_COLUMNS, ...Array.from({ length: most }, (_, i) => `dose ${i + 1}`), ...CSV_TRAILING_COLUMNS];
}

/** Quotes a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function scheduleCsv(plan: RestartPlan): string {
  const columns = csvColumns(plan);
  const most = columns.length - CSV_LEADING_COLUMNS.length - CSV_TRAILING_COLUMNS.length;
  const rows: string[][] = [columns];
  for (const step of plan.steps) {
    const patch = isPatchUnit(step.dose.unit);
    const amounts = administrationsOf(step);
    rows.push([
      step.start,
      step.end ?? '',
      stepDrugName(step),
      stepFormulationName(step),
      step.dose.unit,
      patch ? '' : String(step.timesPerDay),
      ...Array.from({ length: most }, (_, i) => amounts[i] ?? ''),
      amounts.join(' + '),
      stepInWords(step),
      patch ? '' : step.dailyDose.amount,
      step.dailyEquivalent?.amount ?? '',
      step.dailyEquivalent?.unit ?? '',
      step.checkpoint ? 'yes' : 'no',
      step.checkpointReason ?? '',
      step.makeUp.join('; '),
      step.everyOtherDay ? 'yes' : 'no',
      step.asNeeded ? 'yes' : 'no',
      step.asNeededAllowance?.text ?? '',
      step.component === undefined ? '' : String(step.component + 1),
    ]);
  }
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
