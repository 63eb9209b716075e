import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES, checkSchedule } from '../../src/engine/check.ts';
import { CHECK_CODE_ALIASES, FIELD_ERROR_CODES, isFieldErrorCode, normalizeErrorCode } from '../../src/engine/errorCodes.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { baseRequest } from '../engine/fixtures.ts';
import { ROOT } from './ajv.ts';

const source = (file: string) => readFileSync(join(ROOT, 'src', 'engine', file), 'utf8');

describe('field-error codes: one typed union, one case style', () => {
  it('every code is kebab-case and listed once', () => {
    for (const code of FIELD_ERROR_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(FIELD_ERROR_CODES).size).toBe(FIELD_ERROR_CODES.length);
  });

  it('every kebab-case code that validate.ts, the schemas and dispense.ts write is in the union', () => {
    const written = new Set<string>();
    for (const file of ['validate.ts', 'schema/request.ts', 'schema/check.ts', 'schema/errors.ts', 'dispense.ts']) {
      for (const match of source(file).matchAll(/(?:fail\([^,]+,\s*|code:\s*)'([a-z]+(?:-[a-z]+)*)'/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(15);
    expect([...written].filter((code) => !isFieldErrorCode(code))).toEqual([]);
  });

  it('check.ts and its schema write its field errors in kebab-case, each in the union; every old upper-case code has an alias', () => {
    const text = source('check.ts');
    const kebab = new Set([...`${text}${source('schema/check.ts')}`.matchAll(/(?:fail\([^,]+,\s*|code:\s*|bad\([^,]+,\s*)'([a-z]+(?:-[a-z]+)*)'/g)].map((m) => m[1]!));
    expect(kebab.size).toBeGreaterThan(4);
    expect([...kebab].filter((code) => !isFieldErrorCode(code))).toEqual([]);
    const upper = new Set([...text.matchAll(/'([A-Z]+(?:_[A-Z]+)+|[A-Z]{4,})'/g)].map((m) => m[1]!));
    for (const finding of CHECK_CODES) upper.delete(finding);
    expect([...upper].filter((code) => normalizeErrorCode(code) === null)).toEqual([]);
    for (const [old, code] of Object.entries(CHECK_CODE_ALIASES)) expect(normalizeErrorCode(old)).toBe(code);
  });

  it('the codes the check and the request validation give at run time all normalise into the union', () => {
    const codes = [
      ...(validateRequest({ ...baseRequest(), drug: 'nope', restartDate: 'x', priorDurationDays: -1 }) as unknown as { errors: { code: string }[] }).errors,
      ...(checkSchedule({ ...baseRequest(), proposed: [{ start: 'x', dose: { amount: 'ten', unit: 'g' }, timesPerDay: 0 }, 5] }) as unknown as { errors: { code: string }[] }).errors,
      ...(checkSchedule({ ...baseRequest(), proposed: [] }) as unknown as { errors: { code: string }[] }).errors,
    ].map((e) => e.code);
    expect(codes.length).toBeGreaterThan(6);
    for (const code of codes) expect(normalizeErrorCode(code), code).not.toBeNull();
    expect(normalizeErrorCode('ABOVE_CEILING')).toBeNull();
    expect(normalizeErrorCode('required')).toBe('required');
  });
});
