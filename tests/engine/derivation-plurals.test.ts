/**
 * Counts of one read as singular in derivations, warnings and step rules ("1 missed day", "for 1 day",
 * "1 day a week", "at most 1 administration"), through the shared `plural` of format.ts.
 */
import { describe, expect, it } from 'vitest';
import { labelNaiveStart } from '../../src/engine/classes/opioid-common.ts';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { plural } from '../../src/engine/format.ts';
import { planRestart } from '../../src/engine/index.ts';
import type { PlanNotes } from '../../src/engine/notes.ts';
import { findDrug, findFormulation } from '../../src/engine/registry.ts';
import type { OpioidDrug, OpioidFormulation } from '../../src/protocols/opioids/types.ts';

const SINGULAR_MISTAKE = /\b1 (missed )?(day|dose|administration|week)s\b/;

function text(request: Record<string, unknown>): string {
  const result = planRestart(request);
  return JSON.stringify(result.ok ? result.plan : result);
}

const request = (drug: string, dose: string, times: number, missed: number, extra: Record<string, unknown> = {}) => ({
  drug,
  prior: { dose, unit: 'mg', timesPerDay: times },
  priorDurationDays: 1,
  lastDoseDate: addCalendarDays('2026-11-10', -(missed + 1)),
  restartDate: '2026-11-10',
  ...extra,
});

describe('plural', () => {
  it('singular for 1, plural otherwise', () => {
    expect(plural(1, 'missed day')).toBe('1 missed day');
    expect(plural(0, 'missed day')).toBe('0 missed days');
    expect(plural(2, 'day')).toBe('2 days');
  });
});

describe('no "1 days" in plans (classes other than the full-agonist planner)', () => {
  it.each([
    ['ALPRAZolam', request('alprazolam', '1', 3, 1)],
    ['ALPRAZolam, 1 day a week', request('alprazolam', '1', 1, 1, { prior: { dose: '1', unit: 'mg', timesPerDay: 1, daysPerWeek: 1 }, priorDurationDays: 200 })],
    ['LORazepam inside the withdrawal window', request('lorazepam', '1', 2, 1, { priorDurationDays: 200 })],
    ['diazePAM', request('diazepam', '10', 1, 1)],
    ['sertraline', request('sertraline', '100', 1, 1)],
    ['methadone for pain', request('methadone', '60', 1, 1, { indication: 'pain' })],
    ['methadone for OUD', request('methadone', '60', 1, 1, { indication: 'oud' })],
    ['buprenorphine', request('buprenorphine', '8', 1, 1, { indication: 'oud' })],
    ['gabapentin', request('gabapentin', '300', 3, 1)],
  ])('%s', (_name, req) => {
    const out = text(req);
    expect(out.match(new RegExp(`.{0,60}${SINGULAR_MISTAKE.source}.{0,20}`))?.[0]).toBeUndefined();
  });

  it('the opioid-naive start line says "1 administration"', () => {
    const drug = findDrug('tramadol') as OpioidDrug;
    const formulation = findFormulation(drug, 'ir') as OpioidFormulation;
    const lines: string[] = [];
    const notes = { line: (t: string) => lines.push(t) } as unknown as PlanNotes;
    labelNaiveStart(notes, drug, formulation, 1, []);
    expect(lines.join('\n')).toContain('in at most 1 administration:');
    expect(lines.join('\n')).not.toMatch(SINGULAR_MISTAKE);
  });
});
