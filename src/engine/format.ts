/**
 * ISMP-safe display of doses: no trailing zeros, a leading zero before a decimal point,
 * thousands separators, `mcg` never `µg`, a space between number and unit.
 * Source: ISMP List of Error-Prone Abbreviations, Symbols, and Dose Designations.
 */
import type { Decimal } from 'decimal.js';
import { D } from './decimal.ts';

const formatted = new Map<string, string>();

/** "1 day", "2 days", "0 missed days": a count with its noun, singular only for 1. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

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
  const grouped = groupThousands(whole!);
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/**
 * "1234567" → "1,234,567" in one pass. (A lookahead regex such as /\B(?=(\d{3})+(?!\d))/ rescans the rest
 * of the number at every position: quadratic, seconds for a 40,000-digit input.)
 */
export function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(',');
}

/** Longest piece of caller text a message repeats; longer text is cut with an ellipsis (never echo unbounded input). */
export const MAX_ECHO_LENGTH = 40;

/** Caller text as a message may show it: at most MAX_ECHO_LENGTH characters, then "…". */
export function truncateForMessage(text: string, limit = MAX_ECHO_LENGTH): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
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

/** mL of an oral liquid holding `amount` (same unit as the concentration), e.g. 5 mg of 10 mg/5 mL = 2.5 mL. */
export function liquidVolumeMl(amount: string | Decimal, liquid: { readonly amount: string; readonly volumeMl: string }): Decimal {
  return new D(amount).mul(liquid.volumeMl).div(liquid.amount);
}

/** "10 mg/5 mL" (ISMP: mL, never cc or teaspoons). */
export function formatConcentration(liquid: { readonly amount: string; readonly volumeMl: string }, unit: string): string {
  return `${formatAmount(liquid.amount)} ${formatUnit(unit)}/${formatAmount(liquid.volumeMl)} mL`;
}

/** A dose of an oral liquid in mg with its volume: "5 mg (2.5 mL of 10 mg/5 mL)". */
export function formatLiquidDose(amount: string | Decimal, liquid: { readonly amount: string; readonly volumeMl: string }, unit: string): string {
  const ml = liquidVolumeMl(amount, liquid).toDecimalPlaces(2, D.ROUND_DOWN);
  return `${formatDose({ amount: new D(amount), unit })} (${formatAmount(ml)} mL of ${formatConcentration(liquid, unit)})`;
}
