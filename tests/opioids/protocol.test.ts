import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, SOURCES } from '../../src/protocols/index.ts';
import { OPIOID_CLASS, OPIOIDS } from '../../src/protocols/opioids/index.ts';
import { makeExactly } from '../../src/engine/strengths.ts';
import { listDrugs } from '../../src/engine/index.ts';
import { dec, opioidDrug, opioidForm } from './helpers.ts';

const drug = opioidDrug;
const form = opioidForm;
const sourceOf = (v: object) => ('source' in v ? (v as { source: string }).source : `assumption:${(v as { assumption: string }).assumption}`);

describe('opioid protocol: every number pinned to its source', () => {
  it.each([
    ['morphine', '1'],
    ['oxycodone', '1.5'],
    ['hydrocodone', '1'],
    ['hydromorphone', '5'],
    ['oxymorphone', '3'],
    ['codeine', '0.15'],
    ['tramadol', '0.2'],
    ['tapentadol', '0.4'],
    ['fentanyl', '2.4'],
    ['methadone', '4.7'],
  ])('%s MME factor is %s from cdc-2022', (id, factor) => {
    const d = drug(id);
    expect(d.mmeFactor?.value).toBe(factor);
    expect(sourceOf(d.mmeFactor!)).toBe('cdc-2022');
  });

  it('buprenorphine has no MME factor (partial agonist)', () => {
    expect(drug('buprenorphine').mmeFactor).toBeUndefined();
    expect(drug('buprenorphine').agonist).toBe('partial');
  });

  it.each([
    ['oxycodone', '7804'],
    ['morphine', '7052'],
    ['fentanyl', '4337'],
    ['methadone', '6813'],
    ['hydrocodone', '5489'],
    ['hydromorphone', '3423'],
    ['oxymorphone', '7814'],
    ['codeine', '2670'],
    ['tramadol', '10689'],
    ['tapentadol', '787390'],
    ['buprenorphine', '1819'],
  ])('%s RxNorm ingredient %s', (id, rxcui) => {
    expect(drug(id).rxnorm.value).toBe(rxcui);
    expect(sourceOf(drug(id).rxnorm)).toBe('rxnorm');
  });

  it.each([
    ['oxycodone', 'oxyCODONE'],
    ['hydrocodone', 'HYDROcodone'],
    ['hydromorphone', 'HYDROmorphone'],
    ['fentanyl', 'fentaNYL'],
    ['morphine', 'morphine'],
    ['methadone', 'methadone'],
    ['tramadol', 'tramadol'],
    ['codeine', 'codeine'],
  ])('%s display name %s (Tall Man only where ISMP lists it)', (id, name) => {
    expect(drug(id).displayName).toBe(name);
    if (name !== id) expect(drug(id).displayNameSource?.source).toBe('ismp-tall-man-2023');
  });

  it.each([
    ['morphine', 'ir', ['15', '30'], 'label-morphine-ir'],
    ['morphine', 'er', ['15', '30', '60', '100', '200'], 'label-ms-contin'],
    ['oxycodone', 'ir', ['5', '10', '15', '20', '30'], 'label-oxycodone-ir'],
    ['oxycodone', 'er', ['10', '15', '20', '30', '40', '60', '80'], 'label-oxycontin'],
    ['hydrocodone', 'er', ['20', '30', '40', '60', '80', '100', '120'], 'label-hysingla'],
    ['hydrocodone', 'apap', ['2.5', '5', '7.5', '10'], 'label-hydrocodone-apap'],
    ['hydromorphone', 'ir', ['2', '4', '8'], 'label-hydromorphone'],
    ['hydromorphone', 'er', ['8', '12', '16', '32'], 'label-hydromorphone'],
    ['oxymorphone', 'ir', ['5', '10'], 'label-oxymorphone'],
    ['oxymorphone', 'er', ['5', '7.5', '10', '15', '20', '30', '40'], 'label-oxymorphone'],
    ['codeine', 'ir', ['15', '30', '60'], 'label-codeine'],
    ['codeine', 'apap', ['30', '60'], 'label-codeine-apap'],
    ['tramadol', 'ir', ['50'], 'label-tramadol'],
    ['tramadol', 'er', ['100', '200', '300'], 'label-tramadol'],
    ['tapentadol', 'ir', ['50', '75', '100'], 'label-tapentadol'],
    ['tapentadol', 'er', ['50', '100', '150', '200', '250'], 'label-tapentadol'],
    ['fentanyl', 'patch', ['12', '25', '37.5', '50', '62.5', '75', '87.5', '100'], 'label-duragesic'],
    ['methadone', 'tablet', ['5', '10'], 'label-methadone'],
    ['buprenorphine', 'sl-tablet', ['2', '8'], 'label-buprenorphine-sl'],
    ['buprenorphine', 'film', ['2', '4', '8', '12'], 'label-suboxone'],
  ])('%s %s strengths %j from %s', (id, f, strengths, source) => {
    const x = form(id, f);
    expect(x.strengths.map((s) => s.amount)).toEqual(strengths);
    expect(x.strengthsSource.source).toBe(source);
  });

  it.each([
    ['morphine', 'ir', '7.5', 4, 'cdc-2022'],
    ['morphine', 'er', '15', 2, 'label-ms-contin'],
    ['oxycodone', 'ir', '5', 4, 'label-oxycodone-ir'],
    ['oxycodone', 'er', '10', 2, 'label-oxycontin'],
    ['hydrocodone', 'apap', '5', 6, 'cdc-2022'],
    ['hydrocodone', 'er', '20', 1, 'label-hysingla'],
    ['hydromorphone', 'ir', '2', 4, 'label-hydromorphone'],
    ['oxymorphone', 'er', '5', 2, 'label-oxymorphone'],
    ['codeine', 'ir', '15', 6, 'label-codeine'],
    ['tramadol', 'ir', '25', 1, 'label-tramadol'],
    ['tramadol', 'er', '100', 1, 'label-tramadol'],
    ['tapentadol', 'er', '50', 2, 'label-tapentadol'],
    ['methadone', 'tablet', '2.5', 2, 'label-methadone'],
  ])('%s %s naive start %s mg × %i from %s', (id, f, dose, times, source) => {
    const n = form(id, f).naiveStart!;
    expect(n.dose.value).toBe(dose);
    expect(n.timesPerDay.value).toBe(times);
    expect(sourceOf(n.dose)).toBe(source);
  });

  it.each([
    ['fentanyl', 'patch', [3, 6], 'label-duragesic'],
    ['tramadol', 'ir', [3], 'label-tramadol'],
    ['tramadol', 'er', [5], 'label-tramadol'],
    ['tapentadol', 'er', [3], 'label-tapentadol'],
    ['hydrocodone', 'er', [5], 'label-hysingla'],
    ['hydromorphone', 'er', [4], 'label-hydromorphone'],
    ['oxycodone', 'ir', [3], 'assumption:opioid-ir-interval-3-days'],
    ['methadone', 'tablet', [7], 'va-methadone-pain-2016'],
  ])('%s %s titration interval %j from %s', (id, f, days, source) => {
    const i = form(id, f).titrationIntervalsDays;
    expect(i.value).toEqual(days);
    expect(sourceOf(i)).toBe(source);
  });

  it('methadone titration by indication: pain every 7 days (VA), OUD + 5 mg every 5 days', () => {
    const rules = form('methadone', 'tablet').byIndication!;
    expect(rules.pain.titrationIntervalsDays.value).toEqual([7]);
    expect(sourceOf(rules.pain.titrationIntervalsDays)).toBe('va-methadone-pain-2016');
    expect(rules.oud.titrationIntervalsDays.value).toEqual([5]);
    expect(rules.oud.maxRiseMg?.value).toBe('5');
    expect(sourceOf(rules.oud.maxRiseMg!)).toBe('rcgp-methadone-induction');
  });

  it.each([
    ['morphine', '60', 'mg/day'],
    ['oxycodone', '30', 'mg/day'],
    ['hydromorphone', '8', 'mg/day'],
    ['oxymorphone', '25', 'mg/day'],
    ['hydrocodone', '60', 'mg/day'],
    ['fentanyl', '25', 'mcg/h'],
  ])('%s FDA opioid-tolerant threshold %s %s', (id, value) => {
    expect(drug(id).tolerantThreshold?.value).toBe(value);
    expect(sourceOf(drug(id).tolerantThreshold!)).toBe('fda-opioid-tolerant-definition');
  });

  it('class numbers and their sources', () => {
    const C = OPIOID_CLASS;
    expect([C.naiveSingleDoseCapMme.value, sourceOf(C.naiveSingleDoseCapMme)]).toEqual(['10', 'cdc-2022']);
    expect([C.naiveDailyCapMme.value, sourceOf(C.naiveDailyCapMme)]).toEqual(['30', 'cdc-2022']);
    expect([C.checkpointMme.value, sourceOf(C.checkpointMme)]).toEqual(['50', 'cdc-2022']);
    expect([C.tolerantMinDays.value, sourceOf(C.tolerantMinDays)]).toEqual([7, 'fda-opioid-tolerant-definition']);
    expect([C.crossToleranceRetainedFraction.value, sourceOf(C.crossToleranceRetainedFraction)]).toEqual(['0.5', 'msd-equianalgesic']);
    expect(C.anchors.map((a) => [a.fromMissedDays, a.retainedFraction.value])).toEqual([[0, '1'], [3, '0.5'], [4, '0.5'], [5, '0']]);
    expect([C.acetaminophen.standardMg.value, C.acetaminophen.olderOrLongUseMg.value, C.acetaminophen.liverOrAlcoholMg.value]).toEqual(['4000', '3000', '2000']);
    expect([C.methadone.fourDayCapMg.value, sourceOf(C.methadone.fourDayCapMg)]).toEqual(['40', 'au-methadone-2003']);
    expect([C.methadone.inductionFirstDayMg.value, C.methadone.inductionFirstDayHighRiskMg.value]).toEqual(['30', '20']);
    expect([C.methadone.qtcAvoidAboveMs.value, C.methadone.qtcCautionFromMs.value, sourceOf(C.methadone.qtcAvoidAboveMs)]).toEqual([500, 450, 'aps-cpdd-methadone-2014']);
    expect([C.methadone.followUpDays.value, sourceOf(C.methadone.followUpDays)]).toEqual([3, 'cdc-2022']);
    expect([C.buprenorphine.inductionDay1MaxMg.value, C.buprenorphine.inductionDay2MaxMg.value, sourceOf(C.buprenorphine.inductionDay1MaxMg)]).toEqual(['8', '16', 'label-suboxone']);
    expect(sourceOf(C.buprenorphine.shortGapMissedDays)).toBe('assumption:buprenorphine-short-gap-2-days');
  });

  it('restricted products are flagged', () => {
    expect(form('fentanyl', 'patch').restrictedToTolerant?.source).toBe('label-duragesic');
    expect(form('hydromorphone', 'er').restrictedToTolerant?.source).toBe('label-hydromorphone');
    const oxy = form('oxycodone', 'er');
    expect(oxy.strengths.filter((s) => s.restrictedToTolerant).map((s) => s.amount)).toEqual(['60', '80']);
    expect([oxy.restrictedAbove?.singleDose, oxy.restrictedAbove?.dailyDose]).toEqual(['40', '80']);
    const ms = form('morphine', 'er');
    expect(ms.strengths.filter((s) => s.restrictedToTolerant).map((s) => s.amount)).toEqual(['100', '200']);
    expect([ms.restrictedAbove?.singleDose, ms.restrictedAbove?.dailyDose]).toEqual(['60', '120']);
    const hy = form('hydrocodone', 'er');
    expect(hy.strengths.filter((s) => s.restrictedToTolerant).map((s) => s.amount)).toEqual(['80', '100', '120']);
    expect(hy.restrictedAbove?.singleDoseAtLeast).toBe('80');
    // Every extended-release product is ER/LA under CDC Rec 3.
    expect(OPIOIDS.flatMap((d) => d.formulations.filter((f) => f.release === 'extended').map((f) => `${d.id}/${f.id}`))).toEqual([
      'morphine/er', 'morphine/er-capsule', 'oxycodone/er', 'oxycodone/xtampza', 'hydrocodone/er', 'hydromorphone/er', 'oxymorphone/er', 'tramadol/er', 'tapentadol/er', 'fentanyl/patch', 'buprenorphine/patch', 'buprenorphine/buccal-film',
    ]);
  });

  it('combination products carry acetaminophen per tablet (FDA ≤ 325 mg a unit)', () => {
    for (const [id, f] of [['hydrocodone', 'apap'], ['codeine', 'apap'], ['oxycodone', 'apap']] as const) {
      const x = form(id, f);
      expect(x.combination?.with).toBe('acetaminophen');
      for (const s of x.strengths) expect(dec(s.acetaminophenMg!).lte(325)).toBe(true);
    }
  });

  it('every provenance in the opioid data names a registered source or assumption', () => {
    const problems: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.source === 'string' && !SOURCES[record.source]) problems.push(`${path}: source ${record.source}`);
        if (typeof record.assumption === 'string' && !ASSUMPTIONS[record.assumption]) problems.push(`${path}: assumption ${record.assumption}`);
        if (typeof record.source === 'string' && typeof record.locator !== 'string') problems.push(`${path}: no locator`);
        for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
      }
    };
    walk(OPIOIDS, 'OPIOIDS');
    walk(OPIOID_CLASS, 'OPIOID_CLASS');
    expect(problems).toEqual([]);
  });

  it('every formulation has strengths, a plausibility limit makeable range and a restart path', () => {
    for (const d of OPIOIDS) {
      for (const f of d.formulations) {
        expect(f.strengths.length, `${d.id} ${f.id}`).toBeGreaterThan(0);
        for (const s of f.strengths) expect(makeExactly(dec(s.amount), f.strengths), `${d.id} ${f.id} ${s.amount}`).not.toBeNull();
        if (d.agonist === 'full' && (f.release === 'extended' || !f.naiveStart)) {
          const sameIr = d.formulations.some((g) => g.release === 'immediate' && g.naiveStart);
          expect(sameIr || d.irAlternative, `${d.id} ${f.id} restart product`).toBeTruthy();
        }
      }
    }
  });

  it('--list shows every opioid and formulation id', () => {
    const listed = Object.fromEntries(listDrugs().map((d) => [d.id, d.formulations]));
    expect(listed).toMatchObject({
      morphine: ['ir', 'er', 'er-capsule', 'solution-10mg-5ml', 'solution-20mg-5ml', 'concentrate-100mg-5ml'],
      oxycodone: ['ir', 'er', 'apap', 'xtampza'],
      hydrocodone: ['apap', 'er'],
      hydromorphone: ['ir', 'oral-solution', 'er'],
      oxymorphone: ['ir', 'er'],
      codeine: ['ir', 'apap'],
      tramadol: ['ir', 'er'],
      tapentadol: ['ir', 'er'],
      fentanyl: ['patch'],
      methadone: ['tablet', 'oral-solution'],
      buprenorphine: ['sl-tablet', 'film', 'patch', 'buccal-film'],
    });
  });
});
