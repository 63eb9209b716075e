import { describe, expect, it } from 'vitest';
import { ANTIDEPRESSANT_CLASS, ANTIDEPRESSANTS } from '../../src/protocols/antidepressants/index.ts';
import { LABELLED } from '../../src/protocols/labelled/index.ts';
import { ASSUMPTIONS, CONCURRENT_ONLY, DRUGS, SOURCES } from '../../src/protocols/index.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import { D } from '../../src/engine/decimal.ts';

/** Every {source} and {assumption} reference anywhere inside a value. */
function provenance(value: unknown, found: { sources: string[]; assumptions: string[] } = { sources: [], assumptions: [] }) {
  if (Array.isArray(value)) value.forEach((v) => provenance(v, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'string') found.sources.push(record.source);
    if (typeof record.assumption === 'string') found.assumptions.push(record.assumption);
    Object.values(record).forEach((v) => provenance(v, found));
  }
  return found;
}

const byId = (id: string) => {
  const drug = ANTIDEPRESSANTS.find((d) => d.id === id);
  if (!drug) throw new Error(id);
  return drug;
};

describe('antidepressant protocol data', () => {
  it('covers the drugs of the brief (moclobemide is concurrent-only: not marketed in the US)', () => {
    expect(ANTIDEPRESSANTS.map((d) => d.id).sort()).toEqual(
      [
        'amitriptyline', 'bupropion', 'citalopram', 'clomipramine', 'desvenlafaxine', 'doxepin', 'duloxetine', 'escitalopram',
        'fluoxetine', 'fluvoxamine', 'imipramine', 'mirtazapine', 'nortriptyline', 'paroxetine', 'phenelzine', 'sertraline',
        'tranylcypromine', 'trazodone', 'venlafaxine', 'vilazodone', 'vortioxetine',
      ].sort(),
    );
    expect(CONCURRENT_ONLY.map((c) => c.id)).toContain('moclobemide');
  });

  it('registers every source and assumption it cites', () => {
    const found = provenance([ANTIDEPRESSANT_CLASS, ANTIDEPRESSANTS, LABELLED]);
    expect(found.sources.length).toBeGreaterThan(100);
    for (const id of found.sources) expect(SOURCES[id], `source ${id}`).toBeDefined();
    for (const id of found.assumptions) expect(ASSUMPTIONS[id], `assumption ${id}`).toBeDefined();
  });

  it('never lists a drug both as planned and as concurrent-only', () => {
    const planned = new Set(DRUGS.map((d) => d.id));
    for (const c of CONCURRENT_ONLY) expect(planned.has(c.id), c.id).toBe(false);
    for (const id of ['sertraline', 'fluoxetine', 'phenelzine', 'tranylcypromine', 'gabapentin', 'pregabalin']) expect(planned.has(id)).toBe(true);
    for (const id of ['valproate', 'phenytoin', 'phenobarbital', 'linezolid', 'moclobemide', 'methylene-blue']) {
      expect(CONCURRENT_ONLY.some((c) => c.id === id), id).toBe(true);
    }
  });

  it('pins the values to their sources', () => {
    const sertraline = byId('sertraline').formulations[0]!;
    expect(sertraline.start.dose).toMatchObject({ value: '50', source: 'uptodate-ad-doses' });
    expect(sertraline.step.daily).toMatchObject({ value: '25', source: 'mgh-white-book' });
    expect(sertraline.step.intervalDays.value).toBe(7);
    expect(sertraline.maxDailyDose.value).toBe('200');
    expect(sertraline.strengths.map((s) => s.amount)).toEqual(['25', '50', '100']);

    const citalopram = byId('citalopram');
    expect(citalopram.formulations[0]!.maxDailyDose).toMatchObject({ value: '40', source: 'fda-citalopram-2012' });
    expect(citalopram.reducedMaxDaily).toMatchObject({ value: '20', source: 'fda-citalopram-2012', overAge: { value: 60 } });

    const fluoxetine = byId('fluoxetine');
    expect(fluoxetine.resumeHalfLife.hours).toMatchObject({ value: '96', source: 'pmc6168070' });
    expect(fluoxetine.resumeHalfLife.moiety).toMatch(/norfluoxetine/);
    expect(fluoxetine.washoutHalfLife.hours.value).toBe('384');
    expect(fluoxetine.maoiWashoutDays).toMatchObject({ value: 35, source: 'ontario-maoi-washout' });
    expect(fluoxetine.formulations[0]!.step.intervalDays.value).toBe(28);

    expect(byId('escitalopram').formulations[0]!.maxDailyDose.value).toBe('20');
    expect(byId('mirtazapine').formulations[0]!.maxDailyDose.value).toBe('45');
    expect(byId('mirtazapine').formulations[0]!.strengths.filter((x) => x.scored).map((x) => x.amount)).toEqual(['15', '30']);
    expect(byId('venlafaxine').resumeHalfLife.moiety).toMatch(/O-desmethylvenlafaxine/);
    expect(byId('phenelzine').maoiWashoutDays).toMatchObject({ value: 14, source: 'ontario-maoi-washout' });
    expect(byId('bupropion').seizureRisk?.source).toBe('label-wellbutrin-sr');
    expect(byId('bupropion').formulations.find((f) => f.id === 'sr')!.maxSingleDose.value).toBe('200');
    expect(byId('clomipramine').seizureRisk?.source).toBe('label-anafranil');
    expect(ANTIDEPRESSANT_CLASS.resumeHalfLives).toEqual({ value: 3, assumption: 'ad-resume-under-3-half-lives' });
    expect(ANTIDEPRESSANT_CLASS.concurrentMaoiWashoutDays.moclobemide).toMatchObject({ value: 1, source: 'sps-moclobemide' });
    expect(ANTIDEPRESSANT_CLASS.irreversibleMaoiWashoutDays.value).toBe(14);
  });

  it('always re-titrates TCAs, MAOIs, bupropion and vilazodone after 2 missed days', () => {
    const always = ANTIDEPRESSANTS.filter((d) => d.alwaysRetitrateAfterMissedDays).map((d) => d.id).sort();
    expect(always).toEqual(['amitriptyline', 'bupropion', 'clomipramine', 'doxepin', 'imipramine', 'nortriptyline', 'phenelzine', 'tranylcypromine', 'vilazodone'].sort());
  });

  it('uses Tall Man names only where ISMP lists them', () => {
    const names = Object.fromEntries(ANTIDEPRESSANTS.map((d) => [d.id, d.displayName]));
    expect(names).toMatchObject({
      fluoxetine: 'FLUoxetine', duloxetine: 'DULoxetine', paroxetine: 'PARoxetine', bupropion: 'buPROPion', clomipramine: 'clomiPRAMINE',
      sertraline: 'sertraline', trazodone: 'trazodone',
    });
    for (const drug of ANTIDEPRESSANTS) {
      if (drug.displayName !== drug.genericName) expect(drug.displayNameSource?.source, drug.id).toBe('ismp-tall-man-2023');
    }
  });

  it('has a resume half-life no longer than the washout half-life, and makeable start and step doses', () => {
    for (const drug of ANTIDEPRESSANTS) {
      expect(new D(drug.resumeHalfLife.hours.value).lte(drug.washoutHalfLife.hours.value), drug.id).toBe(true);
      for (const f of drug.formulations) {
        expect(makeExactly(new D(f.start.dose.value), f.strengths), `${drug.id} ${f.id} start`).not.toBeNull();
        expect(new D(f.start.dose.value).mul(f.start.timesPerDay.value).lte(f.maxDailyDose.value), `${drug.id} start ≤ max`).toBe(true);
        if (drug.id !== 'mirtazapine') expect(f.strengths.every((s) => !s.scored), `${drug.id} unscored (unverified scoring)`).toBe(true);
        expect(drug.rxnorm).toMatchObject({ source: 'rxnorm' });
      }
    }
  });
});
