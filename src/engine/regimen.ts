/** Small regimen helpers the class planners share: repeated and summed doses, and an even regimen under caps. */
import type { Decimal } from 'decimal.js';
import type { Strength } from '../protocols/types.ts';
import { D } from './decimal.ts';
import { floorToStrengths } from './strengths.ts';

export function repeat(amount: Decimal, times: number): Decimal[] {
  return Array.from({ length: times }, () => amount);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.add(b), new D(0));
}

/**
 * The largest regimen of at most `times` equal administrations whose daily total is at most `dailyCap`
 * and whose single dose is at most `doseCap`, made of real strengths. Null if not even one unit fits.
 */
export function evenRegimen(
  dailyCap: Decimal,
  doseCap: Decimal,
  times: number,
  product: { readonly strengths: readonly Strength[] },
): Decimal[] | null {
  // A cap of zero or less makes every per-dose ceiling zero or less, which floorToStrengths refuses: null.
  for (let count = times; count >= 1; count--) {
    const perDose = floorToStrengths(D.min(doseCap, dailyCap.div(count)), product.strengths);
    if (perDose) {
      const fits = Math.min(count, Math.floor(dailyCap.div(perDose.amount).toNumber()));
      return repeat(perDose.amount, Math.max(1, fits));
    }
  }
  return null;
}
