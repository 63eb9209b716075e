/**
 * Every protocol value added for the amended opioid rules, pinned to its source id (or engine assumption id), so a
 * changed number or a lost citation fails here (the mutation gate samples these literals).
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, SOURCES } from '../../src/protocols/index.ts';
import { ANTIDEPRESSANT_CLASS } from '../../src/protocols/antidepressants/index.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import { SOURCES as OPIOID_SOURCES, ASSUMPTIONS as OPIOID_ASSUMPTIONS } from '../../src/protocols/registers/opioids.ts';
import { opioidDrug, opioidForm } from './helpers.ts';

const A = OPIOID_CLASS.amended;
const sourceOf = (v: object) => ('source' in v ? (v as { source: string }).source : `assumption:${(v as { assumption: string }).assumption}`);

describe('amended opioid rules: values and provenance', () => {
  it.each([
    ['regularMinDays', A.regularMinDays, 5, 'assumption:opioid-regular-5-days'],
    ['regularMinDaysPerWeek', A.regularMinDaysPerWeek, 4, 'assumption:opioid-regular-4-days-a-week'],
    ['aroundTheClockTimesPerDay', A.aroundTheClockTimesPerDay, 3, 'assumption:opioid-prn-around-the-clock'],
    ['naiveAboveRangeMaxDoses', A.naiveAboveRangeMaxDoses, 2, 'cdc-2022-draft'],
    ['tramadolCapAge', A.tramadolCapAge, 75, 'assumption:tramadol-age-cap-at-75'],
    ['tramadolAgeCapMg', A.tramadolAgeCapMg, '300', 'label-tramadol'],
    ['severeRenalCrCl', A.severeRenalCrCl, 30, 'label-tramadol'],
    ['renalImpairmentAssumedCrCl', A.renalImpairmentAssumedCrCl, 30, 'assumption:renal-impairment-30-59-band'],
    ['renalImpairmentBelowCrCl', A.renalImpairmentBelowCrCl, 60, 'assumption:renal-impairment-below-60'],
    ['tramadolRenalTimesPerDay', A.tramadolRenalTimesPerDay, 2, 'label-tramadol'],
    ['tramadolRenalMaxDailyMg', A.tramadolRenalMaxDailyMg, '200', 'label-tramadol'],
    ['tramadolCirrhosisDoseMg', A.tramadolCirrhosisDoseMg, '50', 'label-tramadol'],
    ['tramadolCirrhosisTimesPerDay', A.tramadolCirrhosisTimesPerDay, 2, 'label-tramadol'],
    ['renalIntervalMultiplier', A.renalIntervalMultiplier, 2, 'assumption:renal-interval-doubled'],
    ['hydromorphoneOrganFraction', A.hydromorphoneOrganFraction, '0.5', 'label-hydromorphone'],
    ['hydromorphoneSevereOrganFraction', A.hydromorphoneSevereOrganFraction, '0.25', 'label-hydromorphone'],
    ['fentanylTwelveNominalRate', A.fentanylTwelveNominalRate, '12.5', 'label-duragesic'],
    ['fentanylTwelveLabel', A.fentanylTwelveLabel, '12', 'label-duragesic'],
  ] as const)('%s = %s', (_name, value, expected, source) => {
    expect(value.value).toBe(expected);
    expect(sourceOf(value)).toBe(source);
  });

  it('three or more CNS-active drugs: the opioid rules keep no count of their own; the one Beers table gives 3 (beers-2023)', () => {
    expect(Object.keys(A)).not.toContain('beersCnsThreeOrMore');
    expect(ANTIDEPRESSANT_CLASS.beers.cnsActiveCount.value).toBe(3);
    expect(sourceOf(ANTIDEPRESSANT_CLASS.beers.cnsActiveCount)).toBe('beers-2023');
  });

  it('lists: renal-metabolite drugs, alcohol dose-dumping products', () => {
    expect(A.renalMetaboliteDrugs.value).toEqual(['morphine', 'codeine']);
    expect(sourceOf(A.renalMetaboliteDrugs)).toBe('cdc-2022-draft');
    expect(A.alcoholDoseDumping.value).toEqual(['tapentadol/er', 'morphine/er-capsule']);
    expect(sourceOf(A.alcoholDoseDumping)).toBe('label-tapentadol');
  });

  it('citations without a number: label rows, Beers items, CDC Rec 1–2 and the acetaminophen liver risk', () => {
    expect(A.tapentadolSevereHepatic.source).toBe('label-tapentadol');
    expect(A.fentanylPatchOrgan.source).toBe('label-duragesic');
    expect(A.tramadolErOrgan.source).toBe('label-tramadol');
    expect(A.alcoholCnsDepressant.source).toBe('openfda-tramadol-boxed');
    expect(A.beersOpioidBenzodiazepine.source).toBe('beers-2023');
    expect(A.beersOpioidGabapentinoid.source).toBe('beers-2023');
    expect(A.beersFallsOpioid.source).toBe('beers-2023');
    expect(A.nonOpioidTherapies.source).toBe('cdc-2022-draft');
    expect(A.nonOpioidTherapies.locator).toContain('L1729–1735');
    expect(A.acetaminophenLiverRisk.source).toBe('cdc-2022-draft');
    expect(OPIOID_CLASS.erLaRule.rule).toMatch(/^CDC 2022 Rec 3 recommends immediate-release rather than ER\/LA opioids when starting/);
    expect(OPIOID_CLASS.erLaRule.locator).toContain('draft L2141–2147');
  });

  it('product data: codeine/acetaminophen moves to codeine sulfate; the fentaNYL "12" patch delivers 12.5 mcg/h; oxymorphone starts at 5 mg', () => {
    expect(opioidForm('codeine', 'apap').singleIngredient).toMatchObject({ formulation: 'ir', source: 'label-codeine' });
    expect(opioidForm('hydrocodone', 'apap').singleIngredient).toBeUndefined();
    expect(opioidForm('fentanyl', 'patch').strengths[0]).toMatchObject({ amount: '12', nominalAmount: '12.5' });
    expect(opioidForm('oxymorphone', 'ir').naiveStart!.dose).toMatchObject({ value: '5', source: 'label-oxymorphone' });
    expect(opioidDrug('tapentadol').irAlternative).toBeUndefined();
    expect(opioidDrug('oxymorphone').irAlternative).toBeUndefined();
  });

  it('the opioid register: every source and assumption is merged into the global registers', () => {
    for (const source of OPIOID_SOURCES) expect(SOURCES[source.id]).toBe(source);
    for (const assumption of OPIOID_ASSUMPTIONS) expect(ASSUMPTIONS[assumption.id]).toBe(assumption);
    expect(OPIOID_SOURCES.map((s) => s.id)).toEqual([
      'fda-opioid-safety-2016',
      'label-tramadol-contraindications',
      'label-tramadol-apap-interactions',
      'mims-tramadol-interactions',
      'nucynta-patient-info',
      'fentanyl-cyp3a4-labels',
      'opioid-cyp3a4-antimicrobials',
      'label-methadone-maoi',
      'fda-linezolid-serotonergic-2011',
      'openfda-tramadol-boxed',
      'label-percocet',
      'label-morphine-oral-solution',
      'label-dilaudid-oral-solution',
      'label-kadian',
      'label-xtampza',
      'ismp-oral-liquid-metric',
      'label-butrans',
      'fda-ndc-butrans',
      'label-belbuca',
      'belbuca-hcp-dosing',
    ]);
  });
});
