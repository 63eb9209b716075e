/**
 * Units in the types: a dose amount carries its unit in its type, so mixing MME with mg (or a patch rate with a
 * tablet dose) fails to compile, as a currency does in dinero.js. The brand exists only in the type system; at
 * run time the values are plain decimals (decimal.js) and ISO date strings.
 * Conversions go through the named functions below, each taking its factor, so every conversion is visible.
 */
import type { Decimal } from 'decimal.js';
import { parseCalendarDate } from './dates.ts';

declare const unit: unique symbol;

/** A decimal amount in unit U. */
export type Quantity<U extends string> = Decimal & { readonly [unit]: U };

export type Mg = Quantity<'mg'>;
export type Mcg = Quantity<'mcg'>;
export type McgPerHour = Quantity<'mcg/h'>;
/** Morphine milligram equivalents. */
export type Mme = Quantity<'MME'>;
/** Milligrams of diazepam (benzodiazepine equivalents). */
export type MgDiazepam = Quantity<'mg diazepam'>;

/** A calendar date `yyyy-MM-dd` that has been checked (see parseCalendarDate). */
export type IsoDate = string & { readonly [unit]: 'iso-date' };

/**
 * A decimal that carries no unit yet (a bare Decimal from a request, a protocol value or arithmetic). The unit
 * constructors below take only these: re-labelling an amount that already has a unit (`mg(someMme)`) does not
 * compile; that is a conversion, and conversions go through the named functions with their factor.
 */
export type Unbranded = Decimal & { readonly [unit]?: never };

function brand<Q extends Quantity<string>>(amount: Decimal): Q {
  return amount as Q;
}

/** Gives a bare decimal its unit (where an amount enters the engine: the request, protocol data, a strength). */
export const mg = (amount: Unbranded): Mg => brand<Mg>(amount);
export const mcg = (amount: Unbranded): Mcg => brand<Mcg>(amount);
export const mcgPerHour = (amount: Unbranded): McgPerHour => brand<McgPerHour>(amount);
export const mme = (amount: Unbranded): Mme => brand<Mme>(amount);
export const mgDiazepam = (amount: Unbranded): MgDiazepam => brand<MgDiazepam>(amount);

/** Each amount of a list in mg (a regimen: one amount per administration). */
export const mgEach = (amounts: readonly Unbranded[]): Mg[] => amounts.map(mg);

/** Sum of amounts in one unit. */
export function add<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return a.add(b) as Quantity<U>;
}

/** a − b, in one unit. */
export function subtract<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return a.sub(b) as Quantity<U>;
}

/** An amount times a plain number (e.g. times a day). */
export function times<U extends string>(a: Quantity<U>, factor: Decimal.Value): Quantity<U> {
  return a.mul(factor) as Quantity<U>;
}

/** Sum of amounts in one unit; `zero` says the unit when the list is empty. */
export function sum<U extends string>(amounts: readonly Quantity<U>[], zero: Quantity<NoInfer<U>>): Quantity<U> {
  let total: Decimal = zero;
  for (const amount of amounts) total = total.add(amount);
  return total as Quantity<U>;
}

/** The larger of two amounts in one unit (the first when equal). */
export function larger<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return b.gt(a) ? b : a;
}

/** The smaller of two amounts in one unit (the first when equal). */
export function smaller<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return b.lt(a) ? b : a;
}

/** An amount divided by a plain number (e.g. a daily dose by the times a day). */
export function per<U extends string>(a: Quantity<U>, divisor: Decimal.Value): Quantity<U> {
  return a.div(divisor) as Quantity<U>;
}

/** Whether a < b, in one unit. */
export function below<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): boolean {
  return a.lt(b);
}

/** Whether a ≤ b, in one unit. */
export function atMost<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): boolean {
  return a.lte(b);
}

/** A factor as protocol data gives it (a decimal string) or as a Decimal. */
export type Factor = Decimal.Value;

/** Daily MME of an oral daily dose: mg/day × the drug's MME factor (CDC 2022; the factor comes from protocol data). */
export function toMme(daily: Mg, factor: Factor): Mme {
  return daily.mul(factor) as Mme;
}

/** Same as `toMme` (the first name, kept for callers of the package's `units`). */
export const mmeOfDailyMg = toMme;

/** Daily MME of a patch: mcg/h × the patch's MME factor per mcg/h (CDC 2022 gives 2.4 for transdermal fentanyl). */
export function mmeOfPatch(rate: McgPerHour, factorPerMcgPerHour: Factor): Mme {
  return rate.mul(factorPerMcgPerHour) as Mme;
}

/** Diazepam equivalent of a daily dose: mg/day × 10 ÷ (mg of the drug ≈ diazepam 10 mg), from protocol data. */
export function diazepamEquivalent(daily: Mg, perDiazepam10mg: Factor): MgDiazepam {
  return daily.mul(10).div(perDiazepam10mg) as MgDiazepam;
}

/** The date when it is a real calendar date `yyyy-MM-dd`, else null. */
export function isoDate(text: string): IsoDate | null {
  return parseCalendarDate(text) === null ? null : (text as IsoDate);
}

/**
 * A date the engine has already checked (a validated request's `lastDoseDate` / `restartDate`, a plan step's
 * `start`), as an IsoDate. Throws on anything else: reaching it with an unchecked date is a programmer error.
 */
export function checkedDate(text: string): IsoDate {
  if (parseCalendarDate(text) === null) throw new Error(`programmer error: unvalidated date ${text}`);
  return text as IsoDate;
}

/**
 * The daily amount of a drug that is `amount` mg diazepam: mg diazepam × (mg of the drug ≈ diazepam 10 mg) ÷ 10
 * (the inverse of `diazepamEquivalent`; e.g. the benzodiazepine after-window cap in mg of the restart drug).
 */
export function fromDiazepamEquivalent(amount: MgDiazepam, perDiazepam10mg: Factor): Mg {
  return amount.mul(perDiazepam10mg).div(10) as Mg;
}

/**
 * A daily dose of one benzodiazepine in mg of another, through their amounts ≈ diazepam 10 mg (from protocol data):
 * mg × (mg of the other drug ≈ diazepam 10 mg) ÷ (mg of this drug ≈ diazepam 10 mg).
 */
export function convertByDiazepamEquivalence(daily: Mg, toPerDiazepam10mg: Factor, fromPerDiazepam10mg: Factor): Mg {
  return daily.mul(toPerDiazepam10mg).div(fromPerDiazepam10mg) as Mg;
}

// ---------------------------------------------------------------------------------------------------------------------
// The pharmacist check (check.ts) compares products whose unit is known only at run time (a tablet in mg, a patch in
// mcg/h, a film in mcg), and sums them in their class equivalent (MME, mg diazepam). These types and conversions keep
// a product amount and an equivalent apart there; mg against mcg/h stays a run-time check (the product's unit).

/** The unit of a product's own doses (protocols/types.ts `DoseUnit`). */
export type ProductUnit = 'mg' | 'mcg' | 'mcg/h';
/** An amount in a product's own unit (mg, mcg or mcg/h): which one is the product's `formulation.unit`. */
export type ProductAmount = Quantity<ProductUnit>;
/** The unit a class sums its products in (types.ts `EquivalentUnit`). */
export type ClassEquivalentUnit = 'MME' | 'mg diazepam';
/** An amount in a class equivalent: MME (opioids) or mg diazepam (benzodiazepines). */
export type ClassEquivalent = Quantity<ClassEquivalentUnit>;

/** Gives a bare decimal the product's own unit (a dose read from a request, a plan step or a strength). */
export const productAmount = (amount: Unbranded): ProductAmount => brand<ProductAmount>(amount);
/** Gives a bare decimal its class equivalent unit (an equivalent read from a plan: `dailyEquivalent`). */
export const classEquivalent = (amount: Unbranded): ClassEquivalent => brand<ClassEquivalent>(amount);

/** Each amount of a list in the product's own unit. */
export const productAmounts = (amounts: readonly Unbranded[]): ProductAmount[] => amounts.map(productAmount);

/**
 * Daily MME of a daily amount in a product's own unit: mg/day × the factor (`toMme`), or a patch's mcg/h × the factor
 * per mcg/h (`mmeOfPatch`). Only products in mg or mcg/h have an MME factor; any other unit is a programmer error.
 */
export function productMme(daily: ProductAmount, unit: ProductUnit, factor: Factor): Mme {
  if (unit === 'mcg/h') return mmeOfPatch(daily as Quantity<string> as McgPerHour, factor);
  if (unit === 'mg') return toMme(daily as Quantity<string> as Mg, factor);
  throw new Error(`programmer error: no MME conversion for ${unit}`);
}

/** The daily amount in a product's unit that gives `amount` MME/day: MME ÷ the factor (the inverse of `productMme`). */
export function productAmountOfMme(amount: Mme, factor: Factor): ProductAmount {
  return amount.div(factor) as ProductAmount;
}

/**
 * A product amount the caller knows is in mg (a benzodiazepine's dose, whose `formulation.unit` is `mg`), as Mg.
 * Throws on another unit: reaching it with one is a programmer error (the conversions that follow assume mg).
 */
export function checkedMg(amount: ProductAmount, unit: string): Mg {
  if (unit !== 'mg') throw new Error(`programmer error: ${unit} is not mg`);
  return amount as Quantity<string> as Mg;
}

/** a ÷ b, two amounts in one unit: a plain number (a rise as a fraction of the dose before it). */
export function ratio<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Decimal {
  return a.div(b);
}

/** An amount rounded to `places` decimal places, in its unit (decimal.js rounding mode). */
export function rounded<U extends string>(a: Quantity<U>, places: number, rounding: Decimal.Rounding): Quantity<U> {
  return a.toDecimalPlaces(places, rounding) as Quantity<U>;
}

/** Whether a > b, in one unit. */
export function above<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): boolean {
  return a.gt(b);
}

/** a − b when a is above b, else 0, in one unit (how far an amount is above a limit). */
export function excessOver<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  const difference = a.sub(b);
  return (difference.gt(0) ? difference : difference.mul(0).abs()) as Quantity<U>;
}

/** Whether a ≥ b, in one unit. */
export function atLeast<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): boolean {
  return a.gte(b);
}
