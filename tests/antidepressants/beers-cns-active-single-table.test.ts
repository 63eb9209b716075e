/**
 * Beers 2023 Table 5, three or more CNS-active drugs: one protocol table (ANTIDEPRESSANT_CLASS.beers: ids, catalog
 * classes, interaction categories) and one implementation (`beersCnsWarning` in engine/classes/beers.ts).
 */
import { describe, expect, it } from 'vitest';
import { beersCnsWarning, cnsActiveOthers, isCnsActive } from '../../src/engine/classes/beers.ts';
import { PlanNotes } from '../../src/engine/notes.ts';
import type { RestartRequest } from '../../src/engine/types.ts';

const request = (ageYears: number | undefined, concurrent: string[]) => ({ patient: { ageYears }, concurrent }) as unknown as RestartRequest;

describe('the one CNS-active table', () => {
  it('counts a drug by its catalog class, its interaction category or its id', () => {
    expect(isCnsActive('oxycodone')).toBe(true); // catalog class opioid
    expect(isCnsActive('lorazepam')).toBe(true); // catalog class benzodiazepine
    expect(isCnsActive('sertraline')).toBe(true); // catalog class antidepressant
    expect(isCnsActive('haloperidol')).toBe(true); // category antipsychotic
    expect(isCnsActive('valproate')).toBe(true); // category antiepileptic (and listed)
    expect(isCnsActive('moclobemide')).toBe(true); // listed id
    expect(isCnsActive('cimetidine')).toBe(false);
  });

  it('counts every MAOI antidepressant, not the MAO-B inhibitor or the antibiotic', () => {
    // Table 5 counts antidepressants; isocarboxazid (Marplan) is one, listed only as a concurrent medicine
    for (const id of ['phenelzine', 'moclobemide', 'isocarboxazid']) expect(isCnsActive(id)).toBe(true);
    expect(isCnsActive('selegiline')).toBe(false);
    expect(isCnsActive('linezolid')).toBe(false);
  });

  it('counts each concurrent medicine once and never the planned drug', () => {
    expect(cnsActiveOthers(request(70, ['haloperidol', 'haloperidol', 'sertraline', 'cimetidine']), 'sertraline')).toEqual(['haloperidol']);
  });

  it('warns from 3 CNS-active drugs at 65 or over, with the working', () => {
    const notes = new PlanNotes();
    const others = beersCnsWarning(notes, request(70, ['haloperidol', 'lorazepam']), { id: 'sertraline', displayName: 'sertraline' });
    expect(others).toEqual(['haloperidol', 'lorazepam']);
    const plan = notes.finish({} as never) as unknown as { warnings: { code: string; message: string }[]; derivation: string[] };
    expect(plan.warnings.map((w) => w.code)).toEqual(['BEERS_CNS_3PLUS']);
    expect(plan.warnings[0]!.message).toMatch(/^Age 70: 3 CNS-active drugs \(sertraline, /);
    expect(plan.derivation.join('\n')).toMatch(/BEERS_CNS_3PLUS: 3 CNS-active drugs ≥ 3 at age 70/);
  });

  it('does not warn below 65, with no age, or with 2 CNS-active drugs', () => {
    for (const r of [request(64, ['haloperidol', 'lorazepam']), request(undefined, ['haloperidol', 'lorazepam']), request(80, ['haloperidol', 'cimetidine'])]) {
      expect(beersCnsWarning(new PlanNotes(), r, { id: 'sertraline', displayName: 'sertraline' })).toEqual([]);
    }
  });
});
