import { describe, expect, it } from 'vitest';
import { ANTIDEPRESSANT_CLASS, ANTIDEPRESSANTS } from '../../src/protocols/antidepressants/index.ts';
import { LABELLED } from '../../src/protocols/labelled/index.ts';
import { ASSUMPTIONS, CONCURRENT_ONLY, DRUGS, SOURCES } from '../../src/protocols/index.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import { D } from '../../src/engine/decimal.ts';
import { restartRuleOf } from '../../src/engine/classes/antidepressant.ts';

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
    expect(ANTIDEPRESSANT_CLASS.concurrentMaoiWashoutDays.moclobemide).toMatchObject({ value: 1, source: 'sps-moclobemide' });
    expect(ANTIDEPRESSANT_CLASS.irreversibleMaoiWashoutDays.value).toBe(14);
  });

  it('pins the amendment A9 restart tiers to their sources or engine assumptions', () => {
    const r = ANTIDEPRESSANT_CLASS.restart;
    expect(r.standard).toEqual({
      resumeUpToMissedDays: { value: 7, assumption: 'ad-resume-up-to-7-missed-days' },
      partialUpToMissedDays: { value: 28, assumption: 'ad-resume-up-to-7-missed-days' },
      partialFraction: { value: '0.5', assumption: 'ad-resume-up-to-7-missed-days' },
    });
    expect(r.fluoxetine).toMatchObject({
      resumeUpToMissedDays: { value: 28, assumption: 'ad-fluoxetine-resume-28-days' },
      startDaily: { value: '20', source: 'uptodate-ad-doses' },
      stepDaily: { value: '20', source: 'mgh-white-book' },
      stepIntervalDays: { value: 7, assumption: 'ad-fluoxetine-resume-28-days' },
    });
    expect(r.tca).toMatchObject({
      resumeUpToMissedDays: { value: 3, assumption: 'ad-tca-restart-tiers' },
      halfUpToMissedDays: { value: 7, assumption: 'ad-tca-restart-tiers' },
      fraction: { value: '0.5', assumption: 'ad-tca-restart-tiers' },
      priorAfterDays: { value: 3, assumption: 'ad-tca-restart-tiers' },
      startDaily: { value: '25', source: 'uptodate-ad-doses' },
      olderStartDaily: { value: '10', assumption: 'ad-tca-restart-tiers' },
      olderFromAge: { value: 65, assumption: 'ad-elderly-65' },
      stepDaily: { value: '25', assumption: 'ad-tca-restart-tiers' },
      stepIntervalDays: { value: 7, assumption: 'ad-tca-restart-tiers' },
    });
    expect(r.bupropion).toMatchObject({
      resumeUpToMissedDays: { value: 3, assumption: 'ad-bupropion-restart-tiers' },
      startDaily: { value: '150', source: 'uptodate-ad-doses' },
      secondDaily: { value: '300', source: 'uptodate-ad-doses' },
      secondAfterDays: { value: 3, assumption: 'ad-bupropion-restart-tiers' },
    });
    expect(r.vilazodone.resumeUpToMissedDays).toEqual({ value: 3, assumption: 'ad-vilazodone-restart-3-days' });
    expect(r.vilazodone.stages).toMatchObject({ value: [{ daily: '10', days: 7 }, { daily: '20', days: 7 }, { daily: '40', days: 7 }], source: 'label-viibryd' });
    expect(r.maoi).toEqual({
      resumeUpToMissedDays: { value: 3, assumption: 'ad-maoi-restart-tiers' },
      halfUpToMissedDays: { value: 14, assumption: 'ad-maoi-restart-tiers' },
      fraction: { value: '0.5', assumption: 'ad-maoi-restart-tiers' },
    });
    expect(ANTIDEPRESSANT_CLASS.restartRuleByDrug).toEqual({ fluoxetine: 'fluoxetine', bupropion: 'bupropion', vilazodone: 'vilazodone' });
  });

  it('assigns every antidepressant to its amendment A9 restart rule', () => {
    expect(Object.fromEntries(ANTIDEPRESSANTS.map((d) => [d.id, restartRuleOf(d)]))).toEqual({
      sertraline: 'standard', fluoxetine: 'fluoxetine', paroxetine: 'standard', citalopram: 'standard', escitalopram: 'standard',
      fluvoxamine: 'standard', venlafaxine: 'standard', desvenlafaxine: 'standard', duloxetine: 'standard', mirtazapine: 'standard',
      bupropion: 'bupropion', trazodone: 'standard', vortioxetine: 'standard', vilazodone: 'vilazodone',
      amitriptyline: 'tca', nortriptyline: 'tca', imipramine: 'tca', clomipramine: 'tca', doxepin: 'tca',
      phenelzine: 'maoi', tranylcypromine: 'maoi',
    });
  });

  it('pins the washout, bupropion, tyramine and discontinuation values', () => {
    const c = ANTIDEPRESSANT_CLASS;
    expect(c.linezolidWashoutDays).toMatchObject({ value: 1, source: 'fda-linezolid-2011' });
    expect(c.linezolidIds).toEqual(['linezolid', 'methylene-blue']);
    expect(c.bupropionWithdrawalWindowDays).toEqual({ value: 28, assumption: 'ad-bupropion-withdrawal-window-28-days' });
    expect(c.bupropionWithdrawalCategories).toMatchObject({ value: ['alcohol', 'benzodiazepine', 'z-drug'], source: 'label-wellbutrin-sr' });
    expect(c.tyramineDietDaysAfter).toEqual({ value: 14, assumption: 'ad-maoi-tyramine-diet-14-days' });
    expect(c.discontinuationFromMissedDays).toMatchObject({ value: 1, source: 'nice-ng222' });
    expect(c.discontinuationFromMissedDays).toHaveProperty('locator', expect.stringMatching(/^1\.4\.14: "if they stop taking it abruptly, miss doses/));
    expect(c.washoutHalfLives.value).toBe(5);
    expect(c.minimumWashoutDays.value).toBe(14);
    expect(c.unknownSerotonergicWashoutDays.value).toBe(14);
    expect(c.qtcCautionMs.value).toBe(450);
    expect(c.qtcAvoidMs).toMatchObject({ value: 500, source: 'fda-citalopram-2012' });
  });

  it('pins the amendment A2 label caps', () => {
    const caps = ANTIDEPRESSANT_CLASS.labelCaps;
    expect(Object.keys(caps).sort()).toEqual(['citalopram', 'escitalopram', 'paroxetine']);
    const cit = caps.citalopram![0]!;
    expect(cit).toMatchObject({ code: 'CITALOPRAM_QT_CAP', severityAtOrBelow: 'critical', maxDaily: { value: '20', source: 'fda-citalopram-2012' } });
    expect(cit.when).toMatchObject({ overAge: { value: 60, source: 'fda-citalopram-2012' }, hepaticGrades: { value: ['mild', 'moderate', 'severe'] }, cyp2c19Inhibitor: true });
    const esc = caps.escitalopram![0]!;
    expect(esc).toMatchObject({ code: 'ESCITALOPRAM_AGE_CAP', severityAtOrBelow: 'warning', maxDaily: { value: '10', source: 'droracle-ad-label-quotes' } });
    expect(esc.when).toMatchObject({ fromAge: { value: 60, assumption: 'ad-escitalopram-elderly-60' }, hepaticGrades: { value: ['mild', 'moderate', 'severe'] } });
    const par = caps.paroxetine![0]!;
    expect(par).toMatchObject({ code: 'PAROXETINE_ELDERLY', severityAtOrBelow: 'warning', formulations: ['ir'], maxDaily: { value: '40' }, startDaily: { value: '10' } });
    expect(par.when).toMatchObject({ fromAge: { value: 65, assumption: 'ad-elderly-65' }, hepaticGrades: { value: ['severe'] }, crclBelow: { value: 30 } });
  });

  it('pins the Beers 2023 rows', () => {
    const b = ANTIDEPRESSANT_CLASS.beers;
    expect(b.fromAge).toMatchObject({ value: 65, source: 'beers-2023' });
    expect(b.anticholinergic.value).toEqual(['amitriptyline', 'imipramine', 'clomipramine', 'doxepin', 'nortriptyline', 'paroxetine']);
    expect(b.doxepinAboveDaily.value).toBe('6');
    expect(b.siadhGroups.value).toEqual(['ssri', 'snri']);
    expect(b.siadhDrugs.value).toEqual(['mirtazapine']);
    expect(b.cnsActiveCount.value).toBe(3);
    expect(b.cnsActiveIds.value).toEqual(['lamotrigine', 'carbamazepine', 'gabapentin', 'pregabalin', 'valproate', 'phenytoin', 'phenobarbital', 'clozapine', 'quetiapine', 'moclobemide', 'isocarboxazid']);
    expect(b.cnsActiveCategories.value).toEqual(['opioid', 'benzodiazepine', 'z-drug', 'gabapentinoid', 'antipsychotic', 'antiepileptic']);
    expect(b.cnsActiveClasses.value).toEqual(['antidepressant', 'opioid', 'benzodiazepine']);
    expect(b.antiepilepticIds.value).toEqual(['lamotrigine', 'carbamazepine', 'gabapentin', 'pregabalin', 'valproate', 'phenytoin', 'phenobarbital']);
    for (const value of Object.values(b)) expect(value).toHaveProperty('source', 'beers-2023');
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
