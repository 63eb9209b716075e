/**
 * The schedule as CSV (RFC 4180): CRLF line ends, a header row, fields quoted when they hold a comma,
 * a double quote, CR or LF (quotes doubled inside). Amounts are the plan's exact decimal strings
 * (no thousands separators, so spreadsheets read them as numbers). Pure.
 *
 * Columns: start, end, drug (Tall Man display name), formulation (name), dose per administration
 * (largest), unit, times per day, administrations (each amount, ` + `), daily dose, daily equivalent,
 * equivalent unit, checkpoint (yes/no), checkpoint reason, make-up (per administration, `; `),
 * every other day (yes/no; extension, last).
 */
import type { RestartPlan } from '../engine/types.ts';
import { administrationsOf, stepDrugName, stepFormulationName } from './common.ts';

export const CSV_COLUMNS = [
  'start',
  'end',
  'drug',
  'formulation',
  'dose per administration',
  'unit',
  'times per day',
  'administrations',
  'daily dose',
  'daily equivalent',
  'equivalent unit',
  'checkpoint',
  'checkpoint reason',
  'make-up',
  'every other day',
] as const;

/** Quotes a field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function scheduleCsv(plan: RestartPlan): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const step of plan.steps) {
    rows.push([
      step.start,
      step.end ?? '',
      stepDrugName(step),
      stepFormulationName(step),
      step.dose.amount,
      step.dose.unit,
      String(step.timesPerDay),
      administrationsOf(step).join(' + '),
      step.dailyDose.amount,
      step.dailyEquivalent?.amount ?? '',
      step.dailyEquivalent?.unit ?? '',
      step.checkpoint ? 'yes' : 'no',
      step.checkpointReason ?? '',
      step.makeUp.join('; '),
      step.everyOtherDay ? 'yes' : 'no',
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
