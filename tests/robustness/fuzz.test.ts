/**
 * Fuzz suite: hostile JSON values, long strings, deep nesting, huge lists, extreme dates and precisions, alone and
 * spliced into valid requests and schedules, through every public function that takes input. Each call returns
 * errors or a plan (never throws), every error names a field and no message repeats an unbounded input.
 *
 * Bounded work without timing assertions: the generated inputs include megabyte strings, 200,000-entry lists and
 * 100,000-deep nesting, so a quadratic (or unbounded recursive) path would time the property out, and the number
 * of values the structural check visits is counted and bounded (MAX_VALUES).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgainstPlan, checkSchedule, type CheckOutcome } from '../../src/engine/check.ts';
import { dispense, stepUnits } from '../../src/engine/dispense.ts';
import { planRestart, validateRequest } from '../../src/engine/index.ts';
import type { FieldError, PlanResult, RestartPlan } from '../../src/engine/types.ts';
import { inputShapeErrors, MAX_VALUES } from '../../src/engine/validate.ts';
import { clinicalNote, planToFhirBundle, scheduleCsv, scheduleIcs } from '../../src/export/index.ts';
import { requestArbitrary } from '../properties/arbitraries.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

// Built once and shared: big enough that a quadratic path could not finish.
const MEGA_DIGITS = '9'.repeat(1_000_000);
const MEGA_TEXT = 'x'.repeat(1_000_000);
const HUGE_LIST = Array.from({ length: 200_000 }, () => '5');
function nested(depth: number): unknown {
  let value: unknown = '10';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
const DEEP = nested(100_000);
const DEEP_OBJECT = (() => {
  let value: unknown = 'mg';
  for (let i = 0; i < 50_000; i++) value = { unit: value };
  return value;
})();

const hostileObject = fc.constantFrom<unknown>(
  { toString: 1 },
  { valueOf: 'x', toString: null },
  { toString: () => { throw new Error('toString must never be called'); } },
  Object.create(null),
  { __proto__: { toString: 1 } },
  JSON.parse('{"__proto__": {"drug": "oxycodone"}, "constructor": {"prototype": 1}}'),
);
const extremeNumber = fc.constantFrom<unknown>(0, -0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e-7, 12.5);
const extremeDate = fc.constantFrom(
  '9999-12-31', '10000-01-03', '+010000-01-01', '0000-01-01', '0999-12-31', '1000-01-01', '9899-12-31', '9900-01-01',
  '2026-02-29', '2024-02-29', '2026-13-01', '2026-00-10', '2011-12-30', '2026-11-28T00:00:00Z', ' 2026-11-28', '2026-11-28\n', '-002026-11-28',
);
const extremePrecision = fc.constantFrom(
  '10.00000000000000000001', '100.000000000000000000001', '0.0000000000000000000001', '1e3', '1E-7', '-0', '+10', '0x10', '１０',
  '10.000000000000000000', '99999999999999999999', '9'.repeat(100), '.5', '5.', ' 10 ', '1_000', '1,000', 'Infinity', 'NaN',
);
const bigValue = fc.constantFrom<unknown>(MEGA_DIGITS, MEGA_TEXT, HUGE_LIST, DEEP, DEEP_OBJECT);
const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), extremeNumber, extremeDate, extremePrecision);

/** Any JSON-like value, hostile ones included. */
const hostile: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    hostileObject,
    bigValue,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('drug', 'formulation', 'dose', 'unit', 'amount', 'start', 'toString', '__proto__', 'administrations', 'proposed', 'request', 'x'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Field paths of a request and of a proposed step where a hostile value is spliced in. */
const REQUEST_PATHS = [
  ['drug'], ['formulation'], ['prior'], ['prior', 'dose'], ['prior', 'unit'], ['prior', 'timesPerDay'], ['prior', 'daysPerWeek'], ['prior', 'asNeeded'],
  ['priorDurationDays'], ['lastDoseDate'], ['restartDate'], ['patient'], ['patient', 'ageYears'], ['patient', 'sex'], ['patient', 'hepaticImpairment'],
  ['patient', 'creatinineClearanceMlMin'], ['concurrent'], ['concurrent', '0'], ['concurrent', '0', 'drug'], ['concurrent', '0', 'startedOn'],
  ['breakReason'], ['indication'], ['qtcMs'], ['acetaminophenOtherSourcesMgPerDay'], ['keepProduct'],
] as const;
const STEP_PATHS = [[], ['start'], ['dose'], ['dose', 'amount'], ['dose', 'unit'], ['timesPerDay'], ['administrations'], ['administrations', '0'], ['drug'], ['formulation'], ['everyOtherDay'], ['checkpoint']] as const;

function splice(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const base = Array.isArray(target) ? [...target] : target !== null && typeof target === 'object' ? { ...(target as object) } : {};
  (base as Record<string, unknown>)[head] = splice((target as Record<string, unknown> | undefined)?.[head], rest, value);
  return base;
}

/** The contract every answer keeps: a plan, or errors that name a field in a bounded message. */
function expectErrorsOrPlan(result: PlanResult | CheckOutcome | ReturnType<typeof validateRequest>) {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors as readonly FieldError[]) {
    expect(typeof error.path).toBe('string');
    expect(error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeLessThan(2000);
    expect(error.path.length).toBeLessThan(400);
  }
}

function planFor(request: unknown): RestartPlan | null {
  const result = planRestart(request);
  return result.ok ? result.plan : null;
}

const valid = requestArbitrary.map((g) => g.request);

describe('fuzz: the engine never throws, hangs or echoes hostile input', () => {
  it(`planRestart and validateRequest on any value (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostile, (input) => {
        expectErrorsOrPlan(validateRequest(input));
        expectErrorsOrPlan(planRestart(input));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`planRestart on valid requests with one field made hostile (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(valid, fc.constantFrom(...REQUEST_PATHS), hostile, (request, path, value) => {
        const result = planRestart(splice(request, path, value));
        expectErrorsOrPlan(result);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`checkSchedule and checkAgainstPlan with hostile proposals (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(valid, fc.nat(), fc.constantFrom(...STEP_PATHS), hostile, fc.boolean(), (request, pick, path, value, nestedForm) => {
        const plan = planFor(request);
        const steps = plan
          ? plan.steps.map((s) => ({ start: s.start, dose: { amount: s.dose.amount, unit: s.dose.unit }, timesPerDay: s.timesPerDay, drug: s.drug, formulation: s.formulation }))
          : [{ start: String(request.restartDate), dose: { amount: '1', unit: 'mg' }, timesPerDay: 1 }];
        const index = pick % steps.length;
        const proposed = steps.map((step, i) => (i === index ? splice(step, path, value) : step));
        expectErrorsOrPlan(checkSchedule(nestedForm ? { request, proposed } : { ...request, proposed }));
        if (plan) expectErrorsOrPlan(checkAgainstPlan(plan, proposed));
        expectErrorsOrPlan(checkSchedule(splice({ ...request, proposed: steps }, ['proposed'], value)));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`dispensing and exports take hostile options and requests (${Math.ceil(RUNS / 4)} runs)`, () => {
    fc.assert(
      fc.property(valid, hostile, hostile, fc.option(fc.integer({ min: -10, max: 100_000 }), { nil: undefined }), (request, from, until, days) => {
        const plan = planFor(request);
        if (!plan) return;
        stepUnits(plan);
        for (const options of [{ from }, { until }, { days }, { from, days }, { from, until }]) {
          const result = dispense(plan, options as Parameters<typeof dispense>[1]);
          if (!result.ok) for (const error of result.errors) expect(error.message.length).toBeLessThan(500);
        }
        // The note validates the raw request it is given: a hostile one is ignored, never a throw.
        expect(clinicalNote(plan, { calculatedOn: '2026-11-28', request: splice(request, ['prior', 'dose'], from) })).toContain('Retitrate');
        expect(clinicalNote(plan, { calculatedOn: '2026-11-28', request: from })).toContain('Retitrate');
        scheduleCsv(plan);
        scheduleIcs(plan, { dtstamp: '2026-11-28T00:00:00Z' });
        planToFhirBundle(plan, { authoredOn: '2026-11-28' });
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  }, 300_000);

  it('the structural check visits a bounded number of values, however large the input', () => {
    // 400 fields × 400 lists × 400 numbers = 64 million values; every read of every list is counted.
    let reads = 0;
    const list = new Proxy(Array.from({ length: 400 }, (_, i) => i), { get: (target, key) => ((reads += 1), Reflect.get(target, key)) });
    const lists = new Proxy(Array.from({ length: 400 }, () => list), { get: (target, key) => ((reads += 1), Reflect.get(target, key)) });
    const input = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, lists]));
    expect(inputShapeErrors(input).map((e) => e.code)).toEqual(['too-large']);
    expect(reads).toBeLessThanOrEqual(3 * MAX_VALUES);
    expect(reads).toBeGreaterThan(MAX_VALUES / 2);
  });
});
