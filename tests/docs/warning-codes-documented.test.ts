/**
 * The README's list of warning and refusal codes, the clinical model's code tables (docs/clinical-model.md) and the
 * codes the engine actually gives must agree: every code a plan or refusal carries over a broad corpus of requests
 * is documented in both places, and the README lists no code the clinical model does not describe.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDrugs, planRestart } from '../../src/engine/index.ts';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** Codes in the first cell of the clinical model's tables: "| `CODE` …" (a cell may name several). */
function modelCodes(): Set<string> {
  const firstCells = [...read('docs/clinical-model.md').matchAll(/^\| (`[A-Z][^|]*)\|/gm)].map((m) => m[1]!);
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1]!)));
}

/** Codes listed in the README's "Warning and refusal codes" section. */
function readmeCodes(): Set<string> {
  const readme = read('README.md');
  const start = readme.indexOf('## Warning and refusal codes');
  expect(start, 'README has a "Warning and refusal codes" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1]!));
}

const GAPS: readonly (readonly [string, string])[] = [
  ['2026-11-27', '2026-11-28'],
  ['2026-11-24', '2026-11-28'],
  ['2026-11-01', '2026-11-28'],
  ['2026-08-01', '2026-11-28'],
];
const PATIENTS: readonly Record<string, unknown>[] = [
  {},
  { ageYears: 80, respiratoryDisease: true, historyOfFalls: true, sex: 'female' },
  { ageYears: 45, hepaticImpairment: 'severe', creatinineClearanceMlMin: 20, alcoholUse: true },
  { ageYears: 30, overdoseHistory: true, substanceUseDisorder: true, sleepApnea: true, withdrawalSymptomsNow: 'significant', seizureHistory: true, smokedBeforeBreak: true },
];
const CONCURRENT: readonly (readonly unknown[])[] = [
  [],
  ['alprazolam', 'gabapentin'],
  ['sertraline', 'oxycodone'],
  ['phenelzine'],
  ['clarithromycin', 'alcohol', 'fluoxetine'],
  [{ drug: 'rifampin', stoppedOn: '2026-11-20' }, { drug: 'paroxetine', stoppedOn: '2026-11-20' }],
  ['valproate', 'tramadol', 'methadone', 'bupropion'],
  [{ drug: 'linezolid', stoppedOn: '2026-11-27' }, { drug: 'lorazepam', stoppedOn: '2026-11-10' }],
  [{ drug: 'valproate', startedOn: '2026-11-10' }, 'cimetidine', 'quetiapine'],
];
const EXTRAS: readonly Record<string, unknown>[] = [{}, { breakReason: 'incarceration' }, { breakReason: 'detox', keepProduct: true }, { acetaminophenOtherSourcesMgPerDay: 3000, qtcMs: 520 }];

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  let index = 0;
  for (const drug of describeDrugs()) {
    for (const formulation of drug.formulations) {
      const strengths = formulation.strengths.map((s) => s.amount);
      const times = Math.min(2, formulation.maxTimesPerDay);
      for (const [lastDoseDate, restartDate] of GAPS) {
        for (const patient of PATIENTS) {
          for (const concurrent of CONCURRENT) {
            index += 1;
            const request = {
              drug: drug.id,
              formulation: formulation.id,
              prior: { dose: index % 2 ? strengths[0] : strengths[strengths.length - 1], unit: formulation.unit, ...(formulation.unitForm === 'patch' ? {} : { timesPerDay: times }), ...(index % 7 === 0 ? { daysPerWeek: 3 } : {}), ...(index % 11 === 0 ? { nonPrescribed: true } : {}) },
              priorDurationDays: index % 5 === 0 ? 20 : 200,
              lastDoseDate,
              restartDate,
              patient,
              concurrent: concurrent.filter((c) => (typeof c === 'string' ? c : (c as { drug: string }).drug) !== drug.id),
              indication: index % 3 === 0 ? 'pain' : 'oud',
              ...EXTRAS[index % EXTRAS.length],
            };
            const result = planRestart(request);
            if (result.ok) for (const w of result.plan.warnings) codes.add(w.code);
            else if (result.refusal) {
              codes.add(result.refusal.code);
              for (const w of result.refusal.warnings) codes.add(w.code);
              for (const w of result.refusal.alternativePlan?.warnings ?? []) codes.add(w.code);
            }
          }
        }
      }
    }
  }
  return codes;
}

describe('warning and refusal codes are documented', () => {
  it('the README lists exactly the codes the clinical model describes', () => {
    const model = modelCodes();
    expect(model.size).toBeGreaterThan(80);
    expect([...readmeCodes()].filter((code) => !model.has(code)).sort()).toEqual([]);
    expect([...model].filter((code) => !readmeCodes().has(code)).sort()).toEqual([]);
  });

  it('every code a plan or refusal gives, over every product and a spread of patients, is in both', () => {
    const emitted = emittedCodes();
    expect(emitted.size).toBeGreaterThan(60);
    const model = modelCodes();
    const readme = readmeCodes();
    expect([...emitted].filter((code) => !model.has(code) || !readme.has(code)).sort()).toEqual([]);
  });
});
