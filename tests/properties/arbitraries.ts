/** fast-check generators of valid-looking restart requests, built from the protocol data itself. */
import fc from 'fast-check';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { listConcurrent } from '../../src/engine/registry.ts';
import { DRUGS, type AnyDrug } from '../../src/protocols/index.ts';
import type { FormulationBase } from '../../src/protocols/types.ts';

export { PATIENT_FLAGS } from '../../src/engine/types.ts';
import { PATIENT_FLAGS } from '../../src/engine/types.ts';

export const RISK_FLAGS = ['hepaticImpairment', 'renalImpairment', 'respiratoryDisease', 'sleepApnea'] as const;

const CONCURRENT_IDS = listConcurrent().map((c) => c.id);

/** A dose per administration the strengths make: 1–3 units (or one half of a scored tablet), within the plausibility limit. */
function doseFor(formulation: FormulationBase): fc.Arbitrary<string> {
  const pieces = [
    ...formulation.strengths.map((s) => new D(s.amount)),
    ...formulation.strengths.filter((s) => s.scored).map((s) => new D(s.amount).div(2)),
  ];
  const max = new D(formulation.maxSingleDose.value);
  return fc
    .array(fc.constantFrom(...formulation.strengths.map((s) => new D(s.amount))), { minLength: 1, maxLength: 3 })
    .chain((wholes) => fc.option(fc.constantFrom(...pieces), { nil: undefined }).map((extra) => [...wholes, ...(extra ? [extra] : [])]))
    .map((units) => units.reduce((a, b) => a.add(b), new D(0)))
    .filter((total) => total.lte(max))
    .map((total) => total.toFixed());
}

export interface GeneratedRequest {
  readonly drug: AnyDrug;
  readonly formulation: FormulationBase;
  readonly request: Record<string, unknown>;
}

export const requestArbitrary: fc.Arbitrary<GeneratedRequest> = fc
  .constantFrom(...DRUGS.flatMap((drug) => drug.formulations.map((formulation) => ({ drug, formulation: formulation as FormulationBase }))))
  .chain(({ drug, formulation }) =>
    fc
      .record({
        dose: doseFor(formulation),
        timesPerDay: formulation.unitForm === 'patch' ? fc.constant(1) : fc.integer({ min: 1, max: formulation.maxTimesPerDay.value }),
        priorDurationDays: fc.integer({ min: 0, max: 400 }),
        lastDoseOffset: fc.integer({ min: 0, max: 700 }),
        daysOff: fc.integer({ min: 0, max: 90 }),
        ageYears: fc.option(fc.integer({ min: 18, max: 100 }), { nil: undefined }),
        flags: fc.record(Object.fromEntries(PATIENT_FLAGS.map((f) => [f, fc.boolean()])) as Record<(typeof PATIENT_FLAGS)[number], fc.Arbitrary<boolean>>),
        concurrent: fc.subarray(CONCURRENT_IDS.filter((id) => id !== drug.id), { maxLength: 3 }),
        breakReason: fc.option(fc.constantFrom('incarceration', 'detox', 'hospitalization', 'nonadherence', 'supply', 'adverse-effect', 'other'), {
          nil: undefined,
        }),
        indication: fc.constantFrom('pain', 'oud'),
        fullAgonistUsedDuringBreak: fc.boolean(),
      })
      .map((r) => {
        const lastDoseDate = addCalendarDays('2025-01-01', r.lastDoseOffset);
        return {
          drug,
          formulation,
          request: {
            drug: drug.id,
            formulation: formulation.id,
            prior: { dose: r.dose, unit: formulation.unit, timesPerDay: r.timesPerDay },
            priorDurationDays: r.priorDurationDays,
            lastDoseDate,
            restartDate: addCalendarDays(lastDoseDate, r.daysOff),
            patient: { ...(r.ageYears !== undefined ? { ageYears: r.ageYears } : {}), ...r.flags },
            concurrent: r.concurrent,
            ...(r.breakReason ? { breakReason: r.breakReason } : {}),
            indication: r.indication,
            fullAgonistUsedDuringBreak: r.fullAgonistUsedDuringBreak,
          },
        };
      }),
  );
