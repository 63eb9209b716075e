import { describe, expect, it } from 'vitest';
import { BENZODIAZEPINE_CLASS, BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import { ASSUMPTIONS, CONCURRENT_ONLY, DRUGS, SOURCES } from '../../src/protocols/index.ts';
import { benzodiazepineAnchors, withdrawalWindowFor } from '../../src/engine/classes/benzodiazepine.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import { D } from '../../src/engine/decimal.ts';

const byId = new Map(BENZODIAZEPINES.map((d) => [d.id, d]));
function drug(id: string) {
  const found = byId.get(id);
  if (!found) throw new Error(id);
  return found;
}

/** [id, Ashton low, Ashton high, VA/DoD or null, parent half-life [lo, hi] or null, metabolite [lo, hi] or null, last missed day of the withdrawal window (amendment A8 groups)] */
const EQUIVALENTS: [string, string, string, string | null, [number, number] | null, [number, number] | null, number][] = [
  ['alprazolam', '0.5', '0.5', '1', [6, 12], null, 14],
  ['clonazepam', '0.5', '0.5', '1', [18, 50], null, 28],
  ['diazepam', '10', '10', '10', [20, 100], [36, 200], 28],
  ['lorazepam', '1', '1', '2', [10, 20], null, 14],
  ['chlordiazepoxide', '25', '25', '25', [5, 30], [36, 200], 28],
  ['clobazam', '20', '20', null, [12, 60], null, 28],
  ['clorazepate', '15', '15', '15', null, [36, 200], 28],
  ['oxazepam', '20', '20', '30', [4, 15], null, 14],
  ['temazepam', '20', '20', '15', [8, 22], null, 14],
  ['triazolam', '0.5', '0.5', '0.25', [2, 2], null, 14],
  ['estazolam', '1', '2', '1', [10, 24], null, 14],
  ['flurazepam', '15', '30', '15', null, [40, 250], 28],
  ['zolpidem', '20', '20', null, [2, 2], null, 14],
  ['zopiclone', '15', '15', null, [5, 6], null, 14],
  ['eszopiclone', '3', '3', null, [6, 9], null, 14],
  ['zaleplon', '20', '20', null, [2, 2], null, 14],
];

/** [id, formulation, strengths "amount:scored", maxTimesPerDay, labelled max daily, label source] */
const PRODUCTS: [string, string, string[], number, string, string][] = [
  ['alprazolam', 'ir', ['0.25:s', '0.5:s', '1:s', '2:s'], 4, '10', 'label-xanax'],
  ['alprazolam', 'er', ['0.5', '1', '2', '3'], 1, '10', 'label-xanax-xr'],
  ['clonazepam', 'ir', ['0.5:s', '1', '2'], 3, '20', 'label-clonazepam'],
  ['diazepam', 'ir', ['2:s', '5:s', '10:s'], 4, '40', 'label-valium'],
  ['lorazepam', 'ir', ['0.5', '1', '2'], 3, '10', 'label-ativan'],
  ['chlordiazepoxide', 'ir', ['5', '10', '25'], 4, '300', 'label-librium'],
  ['clobazam', 'ir', ['10:s', '20:s'], 2, '40', 'label-onfi'],
  ['clorazepate', 'ir', ['3.75:s', '7.5:s', '15'], 3, '90', 'label-clorazepate'],
  ['oxazepam', 'ir', ['10', '15', '30'], 4, '120', 'label-oxazepam'],
  ['temazepam', 'ir', ['7.5', '15', '22.5', '30'], 1, '30', 'label-restoril'],
  ['triazolam', 'ir', ['0.125', '0.25'], 1, '0.5', 'label-halcion'],
  ['estazolam', 'ir', ['1', '2'], 1, '2', 'label-estazolam'],
  ['flurazepam', 'ir', ['15', '30'], 1, '30', 'label-flurazepam'],
  ['zolpidem', 'ir', ['5', '10'], 1, '10', 'label-ambien'],
  ['zolpidem', 'er', ['6.25', '12.5'], 1, '12.5', 'label-ambien-cr'],
  ['zopiclone', 'ir', ['3.75', '7.5'], 1, '7.5', 'emc-zopiclone-smpc'],
  ['eszopiclone', 'ir', ['1', '2', '3'], 1, '3', 'label-lunesta'],
  ['zaleplon', 'ir', ['5', '10'], 1, '20', 'label-sonata'],
];

const TALL_MAN: Record<string, string> = {
  alprazolam: 'ALPRAZolam',
  clonazepam: 'clonazePAM',
  lorazepam: 'LORazepam',
  diazepam: 'diazePAM',
  chlordiazepoxide: 'chlordiazePOXIDE',
  clobazam: 'cloBAZam',
};

function walk(value: unknown, visit: (key: string, v: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

describe('benzodiazepine protocol data', () => {
  it('covers exactly the 16 drugs of the brief', () => {
    expect(BENZODIAZEPINES.map((d) => d.id).sort()).toEqual(EQUIVALENTS.map((e) => e[0]).sort());
    expect(BENZODIAZEPINES.every((d) => d.drugClass === 'benzodiazepine')).toBe(true);
  });

  it.each(EQUIVALENTS)('%s: Ashton and VA/DoD equivalents, half-lives and withdrawal window pinned to their sources', (id, lo, hi, va, parent, metabolite, window) => {
    const d = drug(id);
    expect(d.ashtonEquivalent).toMatchObject({ value: { low: lo, high: hi }, source: 'ashton-2002' });
    expect((d.ashtonEquivalent as { locator: string }).locator).toMatch(/Table 1/);
    if (va === null) expect(d.vaDodEquivalent).toBeUndefined();
    else expect(d.vaDodEquivalent).toMatchObject({ value: va, source: 'va-dod-sud-2021' });
    if (parent === null) expect(d.halfLifeHours).toBeUndefined();
    else expect(d.halfLifeHours).toMatchObject({ value: { low: parent[0], high: parent[1] }, source: 'ashton-2002' });
    if (metabolite === null) expect(d.metaboliteHalfLifeHours).toBeUndefined();
    else expect(d.metaboliteHalfLifeHours).toMatchObject({ value: { low: metabolite[0], high: metabolite[1] }, source: 'ashton-2002' });
    expect(withdrawalWindowFor(d).lastMissedDay).toBe(window);
  });

  it.each(PRODUCTS)('%s %s: strengths, scoring, times a day and labelled maximum pinned to %s', (id, formulationId, strengths, times, max, label) => {
    const f = drug(id).formulations.find((x) => x.id === formulationId)!;
    expect(f.strengths.map((s) => `${s.amount}${s.scored ? ':s' : ''}`)).toEqual(strengths);
    expect(f.strengthsSource.source).toBe(label);
    expect(f.maxTimesPerDay).toMatchObject({ value: times, source: label });
    expect(f.maxDailyDose).toMatchObject({ value: max, source: label });
    expect(f.maxSingleDose).toMatchObject({ assumption: 'implausible-dose-limit' });
    // The labelled maximum can be made from real strengths, and the implausibility limit is at or above it.
    expect(makeExactly(new D(max), f.strengths)).not.toBeNull();
    expect(new D(f.maxSingleDose.value).gte(new D(max).div(times))).toBe(true);
  });

  it('has a product row for every formulation', () => {
    const listed = new Set(PRODUCTS.map(([id, f]) => `${id}/${f}`));
    for (const d of BENZODIAZEPINES) for (const f of d.formulations) expect(listed.has(`${d.id}/${f.id}`)).toBe(true);
  });

  it('hypnotics are once a day at bedtime', () => {
    for (const id of ['temazepam', 'triazolam', 'estazolam', 'flurazepam', 'zolpidem', 'zopiclone', 'eszopiclone', 'zaleplon']) {
      for (const f of drug(id).formulations) {
        expect(f.maxTimesPerDay.value).toBe(1);
        expect(f.bedtimeOnly).toBe(true);
      }
    }
  });

  it('Tall Man names where ISMP lists them, lowercase generic names otherwise', () => {
    for (const d of BENZODIAZEPINES) {
      if (TALL_MAN[d.id]) {
        expect(d.displayName).toBe(TALL_MAN[d.id]);
        expect(d.displayNameSource?.source).toBe('ismp-tall-man-2023');
      } else expect(d.displayName).toBe(d.genericName);
      expect(d.genericName).toBe(d.id);
    }
  });

  it('Z-drugs are marked as such and interact as z-drugs; the others as benzodiazepines', () => {
    for (const d of BENZODIAZEPINES) {
      const z = ['zolpidem', 'zopiclone', 'eszopiclone', 'zaleplon'].includes(d.id);
      expect(d.kind).toBe(z ? 'z-drug' : 'benzodiazepine');
      expect(d.interactionCategories).toEqual(z ? ['z-drug', 'cns-depressant'] : ['benzodiazepine', 'cns-depressant']);
    }
  });

  it('zopiclone is clearly marked as a non-US (UK) product', () => {
    const z = drug('zopiclone');
    expect(z.marketNote).toMatch(/Not marketed in the USA/);
    expect(z.formulations[0]!.nonUsProduct).toMatch(/UK/);
  });

  it('RxNorm codes carry the rxnorm source', () => {
    for (const d of BENZODIAZEPINES) {
      expect(d.rxnorm).toMatchObject({ source: 'rxnorm' });
      expect(d.rxnorm.value).toMatch(/^\d+$/);
    }
    expect(drug('alprazolam').rxnorm.value).toBe('596');
    expect(drug('diazepam').rxnorm.value).toBe('3322');
    expect(drug('clorazepate').rxnorm.value).toBe('2353');
  });

  it('every source id and assumption id in the data is registered', () => {
    const missing: string[] = [];
    walk([BENZODIAZEPINES, BENZODIAZEPINE_CLASS], (key, v) => {
      if (key === 'source' && typeof v === 'string' && !SOURCES[v]) missing.push(`source ${v}`);
      if (key === 'assumption' && typeof v === 'string' && !ASSUMPTIONS[v]) missing.push(`assumption ${v}`);
    });
    expect(missing).toEqual([]);
  });

  it('the class numbers are sourced or engine assumptions (amendment A8 rows pinned)', () => {
    const c = BENZODIAZEPINE_CLASS;
    expect(c.lowBandMaxDe).toMatchObject({ value: '10', source: 'joint-bzd-taper-2025' });
    expect(c.moderateBandMaxDe).toMatchObject({ value: '15', source: 'joint-bzd-taper-2025' });
    expect(c.afterWindowCapDe).toMatchObject({ value: '10', source: 'joint-bzd-taper-2025' });
    expect((c.afterWindowCapDe as { locator: string }).locator).toMatch(/Table 2.*≤ 10 mg.*bzd-after-window-restart-low, restart-model amendment A8\)$/);
    expect(c.olderAdultAge).toMatchObject({ value: 65, source: 'beers-2023' });
    expect(c.maxRiseFraction).toMatchObject({ value: '0.25', assumption: 'bzd-titration-25-percent-weekly' });
    expect(c.titrationIntervalDays).toMatchObject({ value: 7, assumption: 'bzd-titration-25-percent-weekly' });
    expect(c.resumeUpToMissedDays).toMatchObject({ value: 2, assumption: 'bzd-resume-up-to-2-days' });
    expect(c.resumeFraction).toMatchObject({ value: '1', assumption: 'bzd-resume-up-to-2-days' });
    expect(c.windowFraction).toMatchObject({ value: '0.75', assumption: 'bzd-window-75-percent' });
    expect(c.windowFloorFraction).toMatchObject({ value: '0.5', assumption: 'bzd-window-75-percent' });
    expect(c.riskFactorFraction).toMatchObject({ value: '0.5', assumption: 'bzd-window-50-percent-risk-factors' });
    expect(c.symptomsRiskFactorFraction).toMatchObject({ value: '0.75', assumption: 'bzd-window-symptoms-prior' });
    expect(c.shortWindowMissedDays).toMatchObject({ value: 14, assumption: 'bzd-withdrawal-window-14-28' });
    expect(c.longWindowMissedDays).toMatchObject({ value: 28, assumption: 'bzd-withdrawal-window-14-28' });
    expect(c.shortGroupMaxHalfLifeHours).toMatchObject({ value: 24, assumption: 'bzd-withdrawal-window-14-28' });
    expect(c.afterWindowFraction).toMatchObject({ value: '0', assumption: 'bzd-after-window-restart-low' });
    expect(c.daysPerMonth).toMatchObject({ value: 30, assumption: 'bzd-month-30-days' });
    // The Beers CNS-active count and table live once, in ANTIDEPRESSANT_CLASS.beers (engine/classes/beers.ts).
    expect(Object.keys(c).filter((key) => key.startsWith('beersCns'))).toEqual([]);
    expect(c.withdrawalRiskRows).toHaveLength(5);
    expect(c.withdrawalRiskRows.every((r) => r.provenance.source === 'joint-bzd-taper-2025')).toBe(true);
    expect(c.withdrawalRiskRows.map((r) => [r.minDaysPerWeek, r.maxDaysPerWeek, r.minMonths, r.maxMonths ?? null, r.bands.join('/'), r.risk])).toEqual([
      [1, 3, 0, null, 'low/moderate/high', 'rare'],
      [4, 7, 0, 1, 'low/moderate/high', 'lower-but-possible'],
      [4, 7, 1, 3, 'low', 'lower-but-possible'],
      [4, 7, 1, 3, 'moderate/high', 'yes'],
      [4, 7, 3, null, 'low/moderate/high', 'yes'],
    ]);
  });

  it('anchors (educator curve): resume up to 2 missed days, 75% inside the window, 0 (restart low) after it', () => {
    expect(benzodiazepineAnchors(drug('diazepam')).map((a) => [a.fromMissedDays, a.retainedFraction.value])).toEqual([
      [0, '1'],
      [3, '0.75'],
      [29, '0'],
    ]);
    expect(benzodiazepineAnchors(drug('zolpidem')).map((a) => [a.fromMissedDays, a.retainedFraction.value])).toEqual([
      [0, '1'],
      [3, '0.75'],
      [15, '0'],
    ]);
  });

  /** [id, formulation, label initial dose "dose×times", older-adult initial or null, source] (amendment A8: after-window start). */
  const INITIAL: [string, string, string, string | null, string][] = [
    ['alprazolam', 'ir', '0.25×3', '0.25×2', 'label-xanax'],
    ['alprazolam', 'er', '0.5×1', null, 'label-xanax-xr'],
    ['clonazepam', 'ir', '0.25×2', null, 'label-clonazepam'],
    ['diazepam', 'ir', '2×2', '2×1', 'label-valium'],
    ['lorazepam', 'ir', '1×2', '0.5×2', 'label-ativan'],
    ['chlordiazepoxide', 'ir', '5×3', '5×2', 'label-librium'],
    ['clobazam', 'ir', '5×2', '5×1', 'label-onfi'],
    ['clorazepate', 'ir', '7.5×2', '7.5×1', 'label-clorazepate'],
    ['oxazepam', 'ir', '10×3', null, 'label-oxazepam'],
    ['temazepam', 'ir', '7.5×1', null, 'label-restoril'],
    ['triazolam', 'ir', '0.25×1', '0.125×1', 'label-halcion'],
    ['estazolam', 'ir', '1×1', null, 'label-estazolam'],
    ['flurazepam', 'ir', '15×1', null, 'label-flurazepam'],
    ['zolpidem', 'ir', '5×1', '5×1', 'label-ambien'],
    ['zolpidem', 'er', '6.25×1', '6.25×1', 'label-ambien-cr'],
    ['zopiclone', 'ir', '7.5×1', '3.75×1', 'emc-zopiclone-smpc'],
    ['eszopiclone', 'ir', '1×1', '1×1', 'fda-eszopiclone-2014'],
    ['zaleplon', 'ir', '5×1', '5×1', 'label-sonata'],
  ];

  it.each(INITIAL)('%s %s: label initial dose %s (older adults %s) pinned to %s', (id, formulationId, initial, olderInitial, source) => {
    const f = drug(id).formulations.find((x) => x.id === formulationId)!;
    const text = (v: { value: { dose: string; timesPerDay: number } } | undefined) => (v ? `${v.value.dose}×${v.value.timesPerDay}` : null);
    expect(text(f.initialDose)).toBe(initial);
    expect(f.initialDose).toMatchObject({ source });
    expect(text(f.olderAdultInitialDose)).toBe(olderInitial);
    // Every initial dose can be made from real strengths.
    expect(makeExactly(new D(f.initialDose!.value.dose), f.strengths)).not.toBeNull();
    if (f.olderAdultInitialDose) expect(makeExactly(new D(f.olderAdultInitialDose.value.dose), f.strengths)).not.toBeNull();
  });

  it('every label initial dose says where its wording was read (none is cited without a copy read)', () => {
    const viaOf = (v: { locator?: string } | undefined) => /\(label wording read via (.+); re-check against DailyMed\)$/.exec(v?.locator ?? '')?.[1];
    const secondary = BENZODIAZEPINES.flatMap((d) =>
      d.formulations.flatMap((f) =>
        [f.initialDose, f.olderAdultInitialDose].flatMap((v, i) => {
          const via = viaOf(v as { locator?: string } | undefined);
          return via ? [`${d.id}/${f.id}${i ? ' older' : ''}: ${via}`] : [];
        }),
      ),
    );
    expect(secondary).toEqual([
      'alprazolam/ir: droracle.ai articles 693481 and 864646 quoting the Xanax label',
      'alprazolam/ir older: droracle.ai article 693481 quoting the Xanax label',
      'alprazolam/er: the label transcription at drugs.com/dosage/xanax-xr.html',
      'clonazepam/ir: droracle.ai articles 647359 and 807875 quoting the Klonopin label',
      'diazepam/ir: droracle.ai article 153974 quoting the FDA label',
      'diazepam/ir older: droracle.ai article 153974 quoting the FDA label',
      'lorazepam/ir: the DailyMed text (setid 89057c93-8155-4040-acec-64e877bd2b4c) transcribed in the MedicationQA dataset (huggingface.co/datasets/truehealth/medicationqa)',
      'lorazepam/ir older: the DailyMed text (setid 89057c93-8155-4040-acec-64e877bd2b4c) transcribed in the MedicationQA dataset (huggingface.co/datasets/truehealth/medicationqa)',
      'chlordiazepoxide/ir: droracle.ai article 105086 quoting the FDA label',
      'chlordiazepoxide/ir older: droracle.ai article 105086 quoting the FDA label',
      'clobazam/ir: the label summary at drugs.com/dosage/clobazam.html',
      'clobazam/ir older: the label summary at drugs.com/dosage/clobazam.html and the Onfi prescribing information at prescriberpoint.com',
      'clorazepate/ir: the Tranxene T-Tab label transcription at drugs.com/dosage/tranxene-t-tab.html',
      'clorazepate/ir older: the Tranxene T-Tab label transcription at drugs.com/dosage/tranxene-t-tab.html',
      'oxazepam/ir: a label copy at recallguide.org',
      'triazolam/ir older: the Halcion prescribing information at pfizermedical.com/halcion/dosage-admin',
      'flurazepam/ir: the AHFS Drug Information monograph (download.skyscape.com copy, ahfsdi tl18) paraphrasing the label',
      'zaleplon/ir: the label copy at rxlist.com/sonata-drug/indications-dosage.htm',
      'zaleplon/ir older: the label copy at rxlist.com/sonata-drug/indications-dosage.htm and the label text at drugs.com/dosage/zaleplon.html',
    ]);
    // The quoted label words behind each re-sourced value.
    const loc = (id: string, fid: string, older = false) => {
      const f = drug(id).formulations.find((x) => x.id === fid)!;
      return ((older ? f.olderAdultInitialDose : f.initialDose) as { locator: string }).locator;
    };
    expect(loc('alprazolam', 'er')).toContain('"The recommended starting oral dosage for XANAX XR is 0.5 mg to 1 mg once daily"');
    expect(loc('chlordiazepoxide', 'ir')).toContain('5 mg or 10 mg, 3 or 4 times daily');
    expect(loc('chlordiazepoxide', 'ir', true)).toContain('"Geriatric patients, or in the presence of debilitating disease 5 mg, 2 to 4 times daily"');
    expect(loc('clobazam', 'ir')).toContain('10 mg orally per day');
    expect(loc('clobazam', 'ir', true)).toContain('"Initial dose: 5 mg orally per day"');
    expect(loc('clorazepate', 'ir')).toContain('within the range of 15 to 60 mg daily');
    expect(loc('clorazepate', 'ir', true)).toContain('initiate treatment at a daily dose of 7.5 to 15 mg');
    expect(loc('flurazepam', 'ir')).toContain('an initial dose of 15 mg should be used');
    expect(loc('triazolam', 'ir', true)).toContain('"Initiate therapy at 0.125 mg once daily"');
    expect(loc('zaleplon', 'ir')).toContain('5 mg may be a sufficient dose');
    expect(loc('zaleplon', 'ir', true)).toContain('respond to 5 mg');
    expect(loc('lorazepam', 'ir')).toContain('initial dose of 2 to 3 mg/day');
    expect(loc('lorazepam', 'ir', true)).toContain('initial dosage of 1 to 2 mg/day in divided doses');
    expect(loc('diazepam', 'ir', true)).toContain('2 mg to 2.5 mg, 1 or 2 times daily initially');
    expect((drug('zaleplon').formulations[0]!.ageCap as { locator: string }).locator).toMatch(/"respond to 5 mg of zaleplon\. Doses over 10 mg are not recommended".*drugs\.com\/dosage\/zaleplon\.html.*bzd-age-65-zdrug-elderly/);
    expect((drug('triazolam').formulations[0]!.maxDailyDose as { locator: string }).locator).toContain('"The maximum recommended dosage is 0.5 mg once daily"');
  });

  it('Z-drug label limits (amendment A2): age caps, hepatic caps and the zolpidem doses by sex', () => {
    const zir = drug('zolpidem').formulations.find((f) => f.id === 'ir')!;
    const zer = drug('zolpidem').formulations.find((f) => f.id === 'er')!;
    expect(zir.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '5' }, source: 'label-ambien' });
    expect(zer.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '6.25' }, source: 'label-ambien-cr' });
    expect(zir.hepaticCap).toMatchObject({ value: { maxDaily: '5', severeAvoid: true }, source: 'label-ambien' });
    expect(zer.hepaticCap).toMatchObject({ value: { maxDaily: '6.25', severeAvoid: true }, source: 'label-ambien-cr' });
    expect(zir.sexInitialDose).toMatchObject({ value: { female: '5', maleLow: '5', maleHigh: '10' }, source: 'fda-zolpidem-2013' });
    expect(zer.sexInitialDose).toMatchObject({ value: { female: '6.25', maleLow: '6.25', maleHigh: '12.5' }, source: 'fda-zolpidem-2013' });
    expect(drug('eszopiclone').formulations[0]!.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '2' }, source: 'label-lunesta' });
    expect(drug('zaleplon').formulations[0]!.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '10' }, source: 'label-sonata' });
    expect(drug('zaleplon').formulations[0]!.hepaticCap).toEqual(expect.objectContaining({ value: { maxDaily: '5', severeAvoid: false, severeNotRecommended: true }, source: 'label-sonata' }));
    expect((drug('zaleplon').formulations[0]!.hepaticCap as { locator: string }).locator).toContain('"Patients with mild to moderate hepatic impairment should be treated with zaleplon 5 mg');
    expect(zir.hepaticCap!.value.severeNotRecommended).toBeUndefined();
    expect(drug('eszopiclone').formulations[0]!.hepaticCap).toEqual(expect.objectContaining({ value: { maxDaily: '2', severeAvoid: false, severeOnly: true }, source: 'label-lunesta' }));
    expect((drug('eszopiclone').formulations[0]!.ageCap as { locator: string }).locator).toContain('"The total dose of LUNESTA should not exceed 2 mg in elderly or debilitated patients"');
    const withCaps = BENZODIAZEPINES.flatMap((d) => d.formulations.filter((f) => f.ageCap || f.hepaticCap || f.sexInitialDose).map((f) => `${d.id}/${f.id}`));
    expect(withCaps).toEqual(['triazolam/ir', 'flurazepam/ir', 'zolpidem/ir', 'zolpidem/er', 'eszopiclone/ir', 'zaleplon/ir']);
    // Benzodiazepine hypnotics' geriatric maxima, found in the label copies during the source review.
    expect(drug('triazolam').formulations[0]!.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '0.25' }, source: 'label-halcion' });
    expect((drug('triazolam').formulations[0]!.ageCap as { locator: string }).locator).toContain('"The maximum recommended dosage is 0.25 mg once daily"');
    expect(drug('flurazepam').formulations[0]!.ageCap).toMatchObject({ value: { fromAge: 65, maxDaily: '15' }, source: 'label-flurazepam' });
    expect((drug('flurazepam').formulations[0]!.ageCap as { locator: string }).locator).toContain('"In elderly and debilitated patients, it is recommended that the dosage be limited to 15 mg');
  });

  it('hepatic caution (amendment A3) on exactly the oxidised drugs the amendment lists', () => {
    const flagged = BENZODIAZEPINES.filter((d) => d.hepaticCaution).map((d) => d.id);
    expect(flagged).toEqual(['alprazolam', 'clonazepam', 'diazepam', 'chlordiazepoxide', 'clorazepate']);
    for (const id of flagged) expect(drug(id).hepaticCaution).toMatchObject({ source: 'aliem-lot-2013' });
  });

  it('the data are deep-frozen', () => {
    expect(Object.isFrozen(BENZODIAZEPINES)).toBe(true);
    expect(Object.isFrozen(drug('diazepam').formulations[0]!.strengths[0])).toBe(true);
    expect(Object.isFrozen(BENZODIAZEPINE_CLASS.withdrawalRiskRows[0])).toBe(true);
  });

  it('no drug id is both planned and concurrent-only', () => {
    const planned = new Set(DRUGS.map((d) => d.id));
    expect(CONCURRENT_ONLY.filter((c) => planned.has(c.id)).map((c) => c.id)).toEqual([]);
    for (const id of ['alprazolam', 'clonazepam', 'diazepam', 'lorazepam', 'temazepam', 'zolpidem']) expect(planned.has(id)).toBe(true);
  });

  it('every benzodiazepine source and assumption is registered once and has its block', () => {
    for (const id of ['ashton-2002', 'joint-bzd-taper-2025', 'va-dod-sud-2021', 'fda-benzo-boxed-2020', 'beers-2023', 'nhs-scotland-bzd', 'fda-opioid-benzo-2016', 'fda-gabapentinoid-2019', 'fda-zdrug-csb-2019', 'fda-zolpidem-2013', 'fda-eszopiclone-2014', 'prescriber-2012-bzd-withdrawal', 'aliem-lot-2013']) {
      expect(SOURCES[id]).toBeDefined();
    }
    for (const id of ['bzd-resume-up-to-2-days', 'bzd-titration-25-percent-weekly', 'bzd-month-30-days', 'bzd-conservative-equivalent', 'bzd-above-label-maximum', 'bzd-withdrawal-window-14-28', 'bzd-window-75-percent', 'bzd-window-50-percent-risk-factors', 'bzd-window-symptoms-prior', 'bzd-after-window-restart-low', 'bzd-not-dependent-single-dose', 'bzd-possibly-dependent-as-dependent', 'bzd-zolpidem-sex-unknown-female', 'bzd-opioid-step-days', 'bzd-age-65-zdrug-elderly']) {
      expect(ASSUMPTIONS[id]?.statement).toBeTruthy();
    }
  });
});
