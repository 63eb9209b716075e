/**
 * What a request's fields accept: the fixed limits and the readers of raw values that both layers of request
 * validation share (the zod schema in src/engine/schema and the drug rules in validate.ts). No imports of either
 * layer, so the schema can be built from it without an import cycle.
 */
import type { Decimal } from 'decimal.js';
import { D } from './decimal.ts';
import { truncateForMessage } from './format.ts';

export const MAX_TIMES_PER_DAY = 12;
export const MAX_PRIOR_DURATION_DAYS = 36_500;
export const MAX_AGE_YEARS = 120;
/** Creatinine clearance a form can take, mL/min (below 1 or above 250 is a typing error). */
export const MAX_CREATININE_CLEARANCE = 250;
/** Acetaminophen from other sources, mg a day, above which the input is a typing error. */
export const MAX_OTHER_ACETAMINOPHEN_MG = 10_000;
/** Most other medicines of the class a request may list (a regimen has a handful; a longer list is a data error). */
export const MAX_ADDITIONAL_PRIOR = 8;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A decimal from a JSON number or a decimal string; null when it is neither. */
export function parseAmount(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new D(value) : null;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$|^\s*\.\d+\s*$/.test(value)) return new D(value.trim());
  if (typeof value === 'string' && /^\s*-\s*\d+(\.\d+)?\s*$/.test(value)) return new D(value.replace(/\s/g, ''));
  return null;
}

/** How a message may show a value the caller sent: short text as typed (cut at 40 characters), else its kind. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return truncateForMessage(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** As shownValue, text in quotes: `"snake-oil"`, but `an object`. */
export function quotedValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `"${shownValue(value)}"` : shownValue(value);
}
