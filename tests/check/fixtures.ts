/**
 * Test-only products and hand-built plans, so the checker, dispensing and exports can be tested on
 * patches, uneven days and every-other-day steps before those drugs land on main. The ids start with
 * `test-` so they never clash with real protocol entries. Install with:
 *
 *   vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('./fixtures.ts')).withTestDrugs(await importOriginal()));
 */
import type { OpioidDrug } from '../../src/protocols/opioids/types.ts';
import type { DrugBase, FormulationBase } from '../../src/protocols/types.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { D } from '../../src/engine/decimal.ts';

const cite = { source: 'cdc-2022', locator: 'test fixture' };

export const TEST_FENTANYL: OpioidDrug = {
  id: 'test-fentanyl',
  drugClass: 'opioid',
  genericName: 'fentanyl',
  displayName: 'fentaNYL',
  brandNames: [],
  rxnorm: { value: '4337', ...cite },
  interactionCategories: ['opioid', 'cns-depressant'],
  agonist: 'full',
  mmeFactor: { value: '2.4', ...cite },
  defaultFormulation: 'patch',
  formulations: [
    {
      id: 'patch',
      name: 'transdermal patch',
      route: 'transdermal',
      release: 'extended',
      unitForm: 'patch',
      unit: 'mcg/h',
      strengths: ['12', '25', '37.5', '50', '62.5', '75', '87.5', '100'].map((amount) => ({ amount, scored: false })),
      strengthsSource: cite,
      maxTimesPerDay: { value: 1, ...cite },
      maxSingleDose: { value: '400', ...cite },
      wearHours: { value: 72, ...cite },
      titrationIntervalsDays: { value: [3, 6], ...cite },
      restrictedToTolerant: { ...cite, rule: 'Transdermal fentanyl is only for opioid-tolerant patients.' },
    },
  ],
} as unknown as OpioidDrug;

/** A non-opioid with scored tablets, for every-other-day steps (lamotrigine-like). */
export const TEST_EOD: DrugBase<'labelled-restart', FormulationBase> = {
  id: 'test-eod',
  drugClass: 'labelled-restart',
  genericName: 'lamotrigine',
  displayName: 'lamoTRIgine',
  brandNames: [],
  rxnorm: { value: '28439', ...cite },
  interactionCategories: [],
  defaultFormulation: 'tablet',
  formulations: [
    {
      id: 'tablet',
      name: 'tablet',
      route: 'oral',
      release: 'immediate',
      unitForm: 'tablet',
      unit: 'mg',
      strengths: [
        { amount: '25', scored: true },
        { amount: '100', scored: true },
      ],
      strengthsSource: cite,
      maxTimesPerDay: { value: 2, ...cite },
      maxSingleDose: { value: '400', ...cite },
    },
  ],
};

export const TEST_DRUGS: Record<string, unknown> = { 'test-fentanyl': TEST_FENTANYL, 'test-eod': TEST_EOD };

export function withTestDrugs<T extends { findDrug: (id: string) => unknown }>(actual: T): T {
  return { ...actual, findDrug: (id: string) => TEST_DRUGS[id] ?? actual.findDrug(id) };
}

/** A minimal plan that follows the contract, around hand-built steps. */
export function handPlan(steps: readonly PlanStep[], overrides: Partial<RestartPlan> = {}): RestartPlan {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  return {
    drug: first.drug,
    drugClass: 'opioid',
    formulation: first.formulation,
    displayName: first.drug,
    daysOff: 10,
    missedDays: 9,
    tolerance: { retainedFraction: '0', status: 'lost', priorTolerant: true },
    prior: { dailyDose: last.dailyDose, ...(last.dailyEquivalent ? { dailyEquivalent: last.dailyEquivalent } : {}) },
    steps,
    warnings: [],
    derivation: ['1. hand-built plan for tests'],
    assumptions: [],
    assumptionDetails: [],
    sources: [],
    version: { engine: 'test', protocols: 'test', protocolsDate: '2026-11-28' },
    ...overrides,
  };
}

type StepSpec = {
  start: string;
  end?: string;
  drug: string;
  formulation: string;
  unit: 'mg' | 'mcg' | 'mcg/h';
  administrations: string[];
  makeUp: string[];
  everyOtherDay?: boolean;
  checkpoint?: string;
  equivalentFactor?: string;
};

export function handStep(spec: StepSpec): PlanStep {
  const daily = spec.administrations.reduce((a, b) => a.add(b), new D(0));
  return {
    start: spec.start,
    ...(spec.end ? { end: spec.end } : {}),
    drug: spec.drug,
    formulation: spec.formulation,
    displayName: spec.drug,
    formulationName: spec.formulation,
    dose: { amount: spec.administrations[0]!, unit: spec.unit },
    timesPerDay: spec.administrations.length,
    administrations: spec.administrations,
    ...(spec.everyOtherDay ? { everyOtherDay: true } : {}),
    dailyDose: { amount: daily.toFixed(), unit: spec.unit },
    ...(spec.equivalentFactor ? { dailyEquivalent: { amount: daily.mul(spec.equivalentFactor).toFixed(), unit: 'MME' as const } } : {}),
    checkpoint: spec.checkpoint !== undefined,
    ...(spec.checkpoint !== undefined ? { checkpointReason: spec.checkpoint } : {}),
    rule: 'hand-built step',
    makeUp: spec.makeUp,
  };
}
