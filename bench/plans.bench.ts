/**
 * Benchmark: plans per second over a fixed set of varied requests (every drug and formulation in the
 * registry, at several break lengths and risk profiles). Prints numbers; asserts nothing.
 */
import { addCalendarDays } from '../src/engine/dates.ts';
import { D } from '../src/engine/decimal.ts';
import { planRestart } from '../src/engine/index.ts';
import { DRUGS } from '../src/protocols/index.ts';

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

let ok = 0;
for (const request of requests) if (planRestart(request).ok) ok++;
console.log(`bench: ${requests.length} varied requests (${ok} give plans, ${requests.length - ok} field errors)`);

// Warm up, then measure several rounds.
for (let i = 0; i < 3; i++) for (const request of requests) planRestart(request);
const rounds: number[] = [];
const deadline = performance.now() + 3000;
while (performance.now() < deadline) {
  const start = performance.now();
  for (const request of requests) planRestart(request);
  rounds.push((requests.length / (performance.now() - start)) * 1000);
}
rounds.sort((a, b) => a - b);
const median = rounds[Math.floor(rounds.length / 2)]!;
console.log(`bench: ${rounds.length} rounds; plans per second: median ${Math.round(median)}, min ${Math.round(rounds[0]!)}, max ${Math.round(rounds.at(-1)!)}`);
