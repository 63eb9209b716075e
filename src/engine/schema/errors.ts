/**
 * Field errors carried by the zod schemas. Each field's schema names its own engine error — the code and the
 * clinician's message callers and the form match on — through zod's per-schema `error` parameter (`says`); the
 * message of the zod issue is then `[code] message`. `fieldErrors` turns a parse's issues into the engine's
 * `FieldError { path, code, message }`, one per field, in the order zod reports them.
 */
import type * as z from 'zod/mini';
import { truncateForMessage } from '../format.ts';
import type { FieldError } from '../types.ts';

export interface FieldRule {
  readonly code: string;
  readonly message: string;
}

/** A field's error: fixed, or worked out from the value sent (and the issue's path, e.g. a step's number). */
export type Rule = FieldRule | ((input: unknown, path: readonly PropertyKey[]) => FieldRule);

/**
 * For a field whose message names the product (its unit, its forms): the schema still rejects the value, but the
 * drug rules in validate.ts / check.ts report it in the product's words, so `fieldErrors` leaves this issue out.
 */
const DEFERRED = 'by-drug-rules';
export const REPORTED_BY_DRUG_RULES: FieldRule = { code: DEFERRED, message: 'Reported with the product the request names.' };

/** zod's `error` parameter for a field: its code and message (`[code] message` on the issue). */
export function says(rule: Rule): { error: (issue: z.core.$ZodRawIssue) => string } {
  return {
    error: (issue) => {
      const { code, message } = typeof rule === 'function' ? rule(issue.input, issue.path ?? []) : rule;
      return `[${code}] ${message}`;
    },
  };
}

/** The error of a field a strict object does not have (a misspelt optional field would otherwise be ignored). */
export function unknownField(key: string): FieldRule {
  return { code: 'unknown-field', message: `"${truncateForMessage(key)}" is not a field Retitrate reads here. Check its spelling, or remove it.` };
}

const CODED = /^\[([a-z]+(?:-[a-z]+)*)\] ([\s\S]*)$/;

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The engine's field errors for a failed parse, at most one per field (the first zod reports), paths joined with
 * dots and prefixed with `prefix` (e.g. `request.`). A union whose value matched one option's type reports that
 * option's issues; an issue left to the drug rules is dropped.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], rule: FieldRule) => {
    const joined = `${prefix}${joinPath(path)}`.replace(/\.$/, '');
    if (seen.has(joined)) return;
    seen.add(joined);
    errors.push({ path: joined, code: rule.code, message: rule.message });
  };
  const visit = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key], unknownField(key));
      return;
    }
    if (issue.code === 'invalid_union') {
      // The option the value's type matched (e.g. an object entry of `concurrent`) speaks for the union.
      const matched = issue.errors.filter((option) => !option.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
      if (matched.length === 1) {
        for (const inner of matched[0]!) visit(inner, path);
        return;
      }
    }
    const coded = CODED.exec(issue.message);
    // Every field of the schemas says its error; a bare zod message would be a field without one.
    const rule = coded ? { code: coded[1]!, message: coded[2]! } : { code: 'invalid', message: issue.message };
    if (rule.code === DEFERRED) return;
    add(path, rule);
  };
  for (const issue of issues) visit(issue, []);
  return errors;
}
