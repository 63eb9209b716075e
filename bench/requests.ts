/** The benchmark's fixed set of varied requests: every drug and formulation, several break lengths and risk profiles. */
import { addCalendarDays } from '../src/engine/dates.ts';
import { D } from '../src/engine/decimal.ts';
import { DRUGS } from '../src/protocols/index.ts';

export function benchmarkRequests(): unknown[] {
  const requests: unknown[] = [];
  for (const drug of DRUGS) {
    for (const formulation of drug.formulations) {
      const strengths = formulation.strengths.map((s) => new D(s.amount));
      const dose = D.min(strengths[strengths.length - 1]!, formulation.maxSingleDose.value);
      const timesPerDay = formulation.unitForm === 'patch' ? 1 : Math.min(3, formulation.maxTimesPerDay.value);
      for (const daysOff of [1, 3, 4, 6, 14, 45]) {
        for (const risky of [false, true]) {
          requests.push({
            drug: drug.id,
            formulation: formulation.id,
            prior: { dose: dose.toFixed(), unit: formulation.unit, timesPerDay },
            priorDurationDays: 120,
            lastDoseDate: '2026-10-01',
            restartDate: addCalendarDays('2026-10-01', daysOff),
            patient: { ageYears: risky ? 72 : 45, sleepApnea: risky },
            concurrent: risky ? ['gabapentin'] : [],
            breakReason: risky ? 'incarceration' : 'supply',
            indication: 'pain',
          });
        }
      }
    }
  }
  return requests;
}
