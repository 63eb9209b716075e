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
// Wall-clock rate, and the rate per CPU-second of this process (steadier when other work shares the cores).
const rounds: number[] = [];
const cpuRounds: number[] = [];
const deadline = performance.now() + 3000;
while (performance.now() < deadline) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const request of requests) planRestart(request);
  const cpu = process.cpuUsage(cpuStart);
  rounds.push((requests.length / (performance.now() - start)) * 1000);
  cpuRounds.push(requests.length / ((cpu.user + cpu.system) / 1e6));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`bench: ${rounds.length} rounds of ${requests.length} plans`);
console.log(`bench: plans per second (wall clock): median ${Math.round(median(rounds))}, best ${Math.round(Math.max(...rounds))}`);
console.log(`bench: plans per CPU-second (one core): median ${Math.round(median(cpuRounds.filter(Number.isFinite)))}`);
