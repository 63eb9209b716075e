/** Every example and test-fixture request, check input and plan is valid against the emitted schema files (ajv). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkRequests } from '../../bench/requests.ts';
import { checkSchedule } from '../../src/engine/check.ts';
import { planRestart } from '../../src/engine/index.ts';
import { handPlan, handStep } from '../check/fixtures.ts';
import { REQUEST as CHECK_REQUEST, step } from '../check/proposed.ts';
import { baseRequest } from '../engine/fixtures.ts';
import { ROOT, schemaErrors } from './ajv.ts';

const examples = readdirSync(join(ROOT, 'examples'));
const json = (name: string) => JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));

describe('examples/ against the schemas', () => {
  it.each(examples.filter((f) => f.endsWith('.json') && !f.startsWith('check-')))('%s is a valid request', (file) => {
    expect(schemaErrors('request', json(file))).toEqual([]);
  });

  it.each(examples.filter((f) => f.startsWith('check-')))('%s is a valid check input', (file) => {
    expect(schemaErrors('check', json(file))).toEqual([]);
  });

  it('batch.ndjson: the lines the engine plans are valid requests; the invalid ones are rejected', () => {
    const lines = readFileSync(join(ROOT, 'examples', 'batch.ndjson'), 'utf8').trimEnd().split('\n');
    const verdicts = lines.map((line) => {
      let request: unknown;
      try {
        request = JSON.parse(line);
      } catch {
        return 'not json';
      }
      return `${schemaErrors('request', request).length === 0 ? 'schema-valid' : 'schema-invalid'} ${planRestart(request).ok ? 'planned' : 'errors'}`;
    });
    expect(verdicts).toEqual(['schema-valid planned', 'schema-valid planned', 'schema-valid planned', 'schema-valid planned', 'schema-invalid errors', 'not json']);
  });
});

describe('test fixtures against the schemas', () => {
  it('baseRequest and the check tests’ request are valid requests', () => {
    expect(schemaErrors('request', baseRequest())).toEqual([]);
    expect(schemaErrors('request', CHECK_REQUEST)).toEqual([]);
  });

  it('check inputs in both forms (fields beside proposed, and { request, proposed }) are valid', () => {
    const proposed = [step('2026-11-28', '5', 2), step('2026-12-04', '5', 3, { checkpoint: true }), { start: '2026-12-10', dose: { unit: 'mg' }, administrations: ['10', '5', 5] }];
    expect(schemaErrors('check', { ...CHECK_REQUEST, proposed })).toEqual([]);
    expect(schemaErrors('check', { request: CHECK_REQUEST, proposed })).toEqual([]);
    expect(schemaErrors('check', { ...CHECK_REQUEST })).not.toEqual([]);
    expect(schemaErrors('check', { ...CHECK_REQUEST, proposed: [] })).not.toEqual([]);
  });

  it('the benchmark requests (every drug and formulation) are valid requests, and every plan they give is a valid plan', () => {
    let plans = 0;
    for (const request of benchmarkRequests()) {
      expect(schemaErrors('request', request)).toEqual([]);
      const result = planRestart(request);
      if (result.ok) {
        plans++;
        expect(schemaErrors('plan', result.plan), `${result.plan.drug} ${result.plan.formulation}`).toEqual([]);
      }
    }
    expect(plans).toBeGreaterThan(500);
  });

  it('the hand-built test plans and the plan inside a check result are valid plans', () => {
    const hand = handPlan([handStep({ start: '2026-11-28', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['12'], makeUp: ['1 × 12 mcg/h patch'], equivalentFactor: '2.4' })]);
    expect(schemaErrors('plan', hand)).toEqual([]);
    const checked = checkSchedule(json('check-exceeds.json'));
    expect(checked.ok && schemaErrors('plan', checked.result.plan)).toEqual([]);
  });

  it('the plan schema rejects a plan with a step missing or mistyped', () => {
    const planned = planRestart(json('oxycodone-after-prison.json'));
    if (!planned.ok) throw new Error('example must plan');
    const { steps: _steps, ...noSteps } = planned.plan;
    void _steps;
    expect(schemaErrors('plan', noSteps)).toContain("/ must have required property 'steps'");
    expect(schemaErrors('plan', { ...planned.plan, daysOff: '27' })).toContain('/daysOff must be integer');
    expect(schemaErrors('plan', { ...planned.plan, steps: [{ ...planned.plan.steps[0], dose: { amount: 5, unit: 'mg' } }] })).toContain('/steps/0/dose/amount must be string');
  });
});
