/**
 * Pins the opioid products added for issue 13 to their labels: oxyCODONE/acetaminophen (Percocet), morphine oral
 * solutions and the tolerant-only concentrate, HYDROmorphone oral solution, Kadian and Xtampza ER — strengths, units,
 * restrictions, naive starts, sources, and their RxNorm SCD/SBD codes (OMTK table, omtk-rxnav-2020).
 */
import { describe, expect, it } from 'vitest';
import { clinicalDrugCode } from '../../src/engine/clinicalDrugCodes.ts';
import { ASSUMPTIONS, SOURCES } from '../../src/protocols/index.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { dec, opioidDrug, opioidForm } from './helpers.ts';

const sourceOf = (p: object) => ('source' in p ? (p as { source: string }).source : `EA ${(p as { assumption: string }).assumption}`);

describe('oxyCODONE/acetaminophen (Percocet)', () => {
  const f = opioidForm('oxycodone', 'apap');
  it('2.5/325, 5/325, 7.5/325, 10/325 mg tablets, 325 mg acetaminophen each, unscored, from the Percocet label', () => {
    expect(f.strengths.map((s) => [s.amount, s.acetaminophenMg, s.scored])).toEqual([
      ['2.5', '325', false],
      ['5', '325', false],
      ['7.5', '325', false],
      ['10', '325', false],
    ]);
    expect(f.strengthsSource.source).toBe('label-percocet');
    expect(f.combination).toEqual({ with: 'acetaminophen' });
    expect(f.unit).toBe('mg');
    expect(f.release).toBe('immediate');
  });
  it('A5 switch target is single-ingredient oxyCODONE IR; every 6 hours; label maximum 60 mg oxyCODONE a day; naive start 5 mg × 4', () => {
    expect(f.singleIngredient).toMatchObject({ formulation: 'ir', source: 'label-oxycodone-ir' });
    expect([f.maxTimesPerDay.value, sourceOf(f.maxTimesPerDay)]).toEqual([4, 'label-percocet']);
    expect([f.maxDailyDose?.value, sourceOf(f.maxDailyDose!)]).toEqual(['60', 'label-percocet']);
    expect([f.naiveStart?.dose.value, f.naiveStart?.timesPerDay.value, sourceOf(f.naiveStart!.dose)]).toEqual(['5', 4, 'label-percocet']);
    // 12 tablets × 325 mg = 3,900 mg: the label's tablet limits keep acetaminophen within 4 g/day.
    expect(dec('325').mul(12).lte(OPIOID_CLASS.acetaminophen.standardMg.value)).toBe(true);
    expect(opioidDrug('oxycodone').brandNames).toContain('Percocet');
  });
});

describe('oral liquids: morphine oral solutions and HYDROmorphone oral solution', () => {
  const liquids = [
    ['morphine', 'solution-10mg-5ml', '10', '5', '0.5', '1', 'label-morphine-oral-solution'],
    ['morphine', 'solution-20mg-5ml', '20', '5', '0.5', '2', 'label-morphine-oral-solution'],
    ['morphine', 'concentrate-100mg-5ml', '100', '5', '0.25', '5', 'label-morphine-oral-solution'],
    ['hydromorphone', 'oral-solution', '5', '5', '0.5', '0.5', 'label-dilaudid-oral-solution'],
  ] as const;

  it.each(liquids)('%s %s: %s mg/%s mL, measured in %s mL steps: one strength of %s mg (= concentration × step)', (drug, id, amount, volume, step, strength, source) => {
    const f = opioidForm(drug, id);
    expect(f.unitForm).toBe('solution');
    expect(f.unit).toBe('mg');
    expect(f.liquid).toMatchObject({ amount, volumeMl: volume, source });
    expect(f.liquid!.measureMl).toEqual({ value: step, assumption: 'oral-liquid-measure-step' });
    expect(f.strengths).toHaveLength(1);
    expect(f.strengths[0]!.amount).toBe(strength);
    expect(dec(amount).div(volume).mul(step).eq(strength)).toBe(true);
    expect(f.strengths[0]!.scored).toBe(false);
  });

  it('the 100 mg/5 mL (20 mg/mL) concentrate is only for opioid-tolerant patients and has no opioid-naive start', () => {
    const f = opioidForm('morphine', 'concentrate-100mg-5ml');
    expect(f.restrictedToTolerant?.source).toBe('label-morphine-oral-solution');
    expect(f.restrictedToTolerant?.rule).toContain('only for opioid-tolerant patients');
    expect(f.strengths[0]!.restrictedToTolerant).toBe(true);
    expect(f.naiveStart).toBeUndefined();
  });

  it('morphine solutions start opioid-naive patients at 10 mg (label 10–20 mg every 4 hours), 3 a day = 30 MME; HYDROmorphone solution at 2.5 mg (label 2.5–10 mg every 3–6 hours)', () => {
    for (const id of ['solution-10mg-5ml', 'solution-20mg-5ml']) {
      const f = opioidForm('morphine', id);
      expect([f.naiveStart?.dose.value, f.naiveStart?.timesPerDay.value, sourceOf(f.naiveStart!.dose)]).toEqual(['10', 3, 'label-morphine-oral-solution']);
      expect(f.maxTimesPerDay.value).toBe(6);
    }
    const h = opioidForm('hydromorphone', 'oral-solution');
    expect([h.naiveStart?.dose.value, h.naiveStart?.timesPerDay.value, sourceOf(h.naiveStart!.dose)]).toEqual(['2.5', 4, 'label-dilaudid-oral-solution']);
    expect(h.maxTimesPerDay.value).toBe(8);
  });

  it('the measuring step is an engine assumption in the register; the ISMP source is registered', () => {
    expect(ASSUMPTIONS['oral-liquid-measure-step']?.statement).toContain('0.5 mL');
    expect(SOURCES['ismp-oral-liquid-metric']).toMatchObject({ issuer: 'Institute for Safe Medication Practices', url: 'https://www.ismp.org/tmsbp/faq5' });
  });
});

describe('morphine ER capsules (Kadian)', () => {
  const f = opioidForm('morphine', 'er-capsule');
  it('10–200 mg capsules; 100 and 200 mg, > 60 mg a dose or > 120 mg/day only for opioid-tolerant patients', () => {
    expect(f.strengths.map((s) => s.amount)).toEqual(['10', '20', '30', '40', '50', '60', '80', '100', '200']);
    expect(f.strengths.filter((s) => s.restrictedToTolerant).map((s) => s.amount)).toEqual(['100', '200']);
    expect(f.restrictedAbove).toMatchObject({ source: 'label-kadian', singleDose: '60', dailyDose: '120' });
    expect([f.unitForm, f.release, f.maxTimesPerDay.value]).toEqual(['capsule', 'extended', 2]);
  });
  it('naive start per label: 30 mg every 24 hours; alcohol dose-dumping listed', () => {
    expect([f.naiveStart?.dose.value, f.naiveStart?.timesPerDay.value, sourceOf(f.naiveStart!.dose)]).toEqual(['30', 1, 'label-kadian']);
    expect(OPIOID_CLASS.amended.alcoholDoseDumping.value).toContain('morphine/er-capsule');
  });
});

describe('Xtampza ER (oxyCODONE myristate capsules)', () => {
  const f = opioidForm('oxycodone', 'xtampza');
  it('capsules labelled 9, 13.5, 18, 27, 36 mg oxyCODONE base are counted as 10, 15, 20, 30, 40 mg oxyCODONE HCl (ratio 10/9 each)', () => {
    expect(f.strengths.map((s) => [s.labelAmount, s.amount])).toEqual([
      ['9', '10'],
      ['13.5', '15'],
      ['18', '20'],
      ['27', '30'],
      ['36', '40'],
    ]);
    for (const s of f.strengths) expect(dec(s.labelAmount!).mul(10).div(9).eq(s.amount)).toBe(true);
    expect(f.labelledAs).toMatchObject({ source: 'label-xtampza', labelIngredient: 'oxyCODONE base', amountIngredient: 'oxyCODONE HCl' });
  });
  it('the MME uses the HCl amount: the oxyCODONE factor 1.5 applies to mg oxyCODONE HCl (CDC 2022)', () => {
    expect(opioidDrug('oxycodone').mmeFactor).toMatchObject({ value: '1.5', source: 'cdc-2022' });
    expect(f.unit).toBe('mg');
  });
  it('tolerant-only above 36 mg a dose or 72 mg a day (= 40 and 80 mg HCl); naive 9 mg (10 mg HCl) every 12 hours; maximum 288 mg (320 mg HCl) a day', () => {
    expect(f.restrictedAbove).toMatchObject({ source: 'label-xtampza', singleDose: '40', dailyDose: '80' });
    expect([f.naiveStart?.dose.value, f.naiveStart?.timesPerDay.value, sourceOf(f.naiveStart!.dose)]).toEqual(['10', 2, 'label-xtampza']);
    expect([f.maxDailyDose?.value, sourceOf(f.maxDailyDose!)]).toEqual(['320', 'label-xtampza']);
    expect([f.unitForm, f.release, f.maxTimesPerDay.value]).toEqual(['capsule', 'extended', 2]);
  });
});

describe('sources of the new products', () => {
  it.each(['label-percocet', 'label-morphine-oral-solution', 'label-dilaudid-oral-solution', 'label-kadian', 'label-xtampza', 'ismp-oral-liquid-metric'])('%s has title, issuer, year and URL', (id) => {
    const s = SOURCES[id]!;
    expect(s.title.length).toBeGreaterThan(20);
    expect(s.issuer.length).toBeGreaterThan(5);
    expect(s.year).toBeGreaterThanOrEqual(2014);
    expect(s.url).toMatch(/^https?:\/\//);
  });
});

describe('RxNorm codes of the new products (OMTK DrugIngredients, omtk-rxnav-2020)', () => {
  const rows: [string, string, string, string, string?][] = [
    ['oxycodone', 'apap', '2.5', '1049635', 'Percocet:1049637'],
    ['oxycodone', 'apap', '5', '1049221', 'Percocet:1049640'],
    ['oxycodone', 'apap', '7.5', '1049225', 'Percocet:1049642'],
    ['oxycodone', 'apap', '10', '1049214', 'Percocet:1049625'],
    ['oxycodone', 'xtampza', '10', '1790527', 'Xtampza:1790533'],
    ['oxycodone', 'xtampza', '15', '1791558', 'Xtampza:1791560'],
    ['oxycodone', 'xtampza', '20', '1791567', 'Xtampza:1791569'],
    ['oxycodone', 'xtampza', '30', '1791574', 'Xtampza:1791576'],
    ['oxycodone', 'xtampza', '40', '1791580', 'Xtampza:1791582'],
    ['morphine', 'er-capsule', '10', '892494', 'Kadian:892496'],
    ['morphine', 'er-capsule', '20', '892596', 'Kadian:892598'],
    ['morphine', 'er-capsule', '30', '892345', 'Kadian:892658'],
    ['morphine', 'er-capsule', '40', '1303736', 'Kadian:1303738'],
    ['morphine', 'er-capsule', '50', '894801', 'Kadian:894803'],
    ['morphine', 'er-capsule', '60', '892352', 'Kadian:894805'],
    ['morphine', 'er-capsule', '80', '894814', 'Kadian:894816'],
    ['morphine', 'er-capsule', '100', '892554', 'Kadian:892556'],
    ['morphine', 'er-capsule', '200', '892643', 'Kadian:892645'],
    ['morphine', 'solution-10mg-5ml', '1', '892589'],
    ['morphine', 'solution-20mg-5ml', '2', '894780'],
    ['morphine', 'concentrate-100mg-5ml', '5', '892625'],
    ['hydromorphone', 'oral-solution', '0.5', '897657', 'Dilaudid:897658'],
  ];
  it.each(rows)('%s %s %s: SCD %s, SBD %s', (drug, formulation, strength, scd, sbd) => {
    const entry = clinicalDrugCode(drug, formulation, strength)!;
    expect(entry.scd.code).toBe(scd);
    expect(entry.source).toBe('omtk-rxnav-2020');
    expect(entry.sbd.map((s) => `${s.brand}:${s.code}`)).toEqual(sbd ? [sbd] : []);
  });
  it('the Xtampza SCD names state the label (base) amount; the liquids state mg/mL', () => {
    expect(clinicalDrugCode('oxycodone', 'xtampza', '10')!.scd.name).toBe('Abuse-Deterrent 12 HR oxycodone 9 MG Extended Release Oral Capsule');
    expect(clinicalDrugCode('morphine', 'concentrate-100mg-5ml', '5')!.scd.name).toBe('morphine sulfate 20 MG/ML Oral Solution');
  });
});
