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

export const mg = (amount: Decimal): Mg => amount as Mg;
export const mcg = (amount: Decimal): Mcg => amount as Mcg;
export const mcgPerHour = (amount: Decimal): McgPerHour => amount as McgPerHour;
export const mme = (amount: Decimal): Mme => amount as Mme;
export const mgDiazepam = (amount: Decimal): MgDiazepam => amount as MgDiazepam;

/** Sum of amounts in one unit. */
export function add<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return a.add(b) as Quantity<U>;
}

/** a − b, in one unit. */
export function subtract<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): Quantity<U> {
  return a.sub(b) as Quantity<U>;
}

/** An amount times a plain number (e.g. times a day). */
export function times<U extends string>(a: Quantity<U>, factor: Decimal | number): Quantity<U> {
  return a.mul(factor) as Quantity<U>;
}

/** Whether a ≤ b, in one unit. */
export function atMost<U extends string>(a: Quantity<U>, b: Quantity<NoInfer<U>>): boolean {
  return a.lte(b);
}

/** Daily MME of an oral daily dose: mg/day × the drug's MME factor (CDC 2022; the factor comes from protocol data). */
export function mmeOfDailyMg(daily: Mg, factor: Decimal): Mme {
  return daily.mul(factor) as Mme;
}

/** Daily MME of a patch: mcg/h × the patch's MME factor per mcg/h (CDC 2022 gives 2.4 for transdermal fentanyl). */
export function mmeOfPatch(rate: McgPerHour, factorPerMcgPerHour: Decimal): Mme {
  return rate.mul(factorPerMcgPerHour) as Mme;
}

/** Diazepam equivalent of a daily dose: mg/day × 10 ÷ (mg of the drug ≈ diazepam 10 mg), from protocol data. */
export function diazepamEquivalent(daily: Mg, perDiazepam10mg: Decimal): MgDiazepam {
  return daily.mul(10).div(perDiazepam10mg) as MgDiazepam;
}

/** The date when it is a real calendar date `yyyy-MM-dd`, else null. */
export function isoDate(text: string): IsoDate | null {
  return parseCalendarDate(text) === null ? null : (text as IsoDate);
}
