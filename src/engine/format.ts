/**
 * ISMP-safe display of doses: no trailing zeros, a leading zero before a decimal point,
 * thousands separators, `mcg` never `µg`, a space between number and unit.
 * Source: ISMP List of Error-Prone Abbreviations, Symbols, and Dose Designations.
 */
import type Decimal from 'decimal.js';
import { D } from './decimal.ts';

const formatted = new Map<string, string>();

/** "1.50" → "1.5", ".5" → "0.5", "100000" → "100,000". */
export function formatAmount(amount: string | Decimal): string {
  const key = String(amount);
  const memo = formatted.get(key);
  // Stryker disable next-line ConditionalExpression: memo only; a cache miss formats the same text again, so no output can change
  if (memo !== undefined) return memo;
  const text = formatUncached(amount);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the memo's size only; clearing it early or late cannot change any text
  if (formatted.size > 5000) formatted.clear();
  formatted.set(key, text);
  return text;
}

function formatUncached(amount: string | Decimal): string {
  const value = new D(amount);
  const fixed = value.abs().toFixed();
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/** Unit as ISMP writes it: `µg` is never shown. */
export function formatUnit(unit: string): string {
  return unit.replace(/µg|μg|ug\b/g, 'mcg');
}

/** "10 mg", "0.5 mg", "12 mcg/h", "1,200 mg". */
export function formatDose(dose: { readonly amount: string | Decimal; readonly unit: string }): string {
  return `${formatAmount(dose.amount)} ${formatUnit(dose.unit)}`;
}

/** Times a day in words, never Latin abbreviations (no QD, BID, QID). */
export function formatFrequency(timesPerDay: number, everyOtherDay = false): string {
  if (everyOtherDay) return 'every other day';
  switch (timesPerDay) {
    case 1:
      return 'once daily';
    case 2:
      return 'twice daily';
    case 3:
      return 'three times daily';
    case 4:
      return 'four times daily';
    default:
      return `${timesPerDay} times daily`;
  }
}

/** One line a clinician reads: "oxyCODONE 5 mg four times daily (20 mg daily)". */
export function formatRegimen(
  displayName: string,
  dose: { readonly amount: string; readonly unit: string },
  timesPerDay: number,
  daily: { readonly amount: string; readonly unit: string },
  administrations: readonly string[] = [],
): string {
  const uneven = new Set(administrations).size > 1;
  const perDose = uneven
    ? administrations.map((amount) => formatDose({ amount, unit: dose.unit })).join(' + ') + ' a day in divided doses'
    : `${formatDose(dose)} ${formatFrequency(timesPerDay)}`;
  return `${displayName} ${perDose} (${formatDose(daily)} daily)`;
}
