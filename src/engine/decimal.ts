import { Decimal } from 'decimal.js';

/** The engine's own Decimal constructor: 20 significant digits, no exponent notation in strings. */
export const D = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -12, toExpPos: 21 });
export type D = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);

/** Plain decimal string without trailing zeros ("2.50" → "2.5", "20.0" → "20"). */
export function decimalString(value: Decimal): string {
  return new D(value).toFixed();
}
