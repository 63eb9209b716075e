/**
 * Pins protocol values that the per-class protocol tests did not pin one by one (a mutation sample of the protocol
 * data found them unguarded): every drug's RxNorm ingredient code, interaction categories and Tall Man display name,
 * the half-lives the benzodiazepine washout and the antidepressant resume/washout rules use, and the concurrent-only
 * drug list. A change to any of these must be a deliberate, re-sourced edit of this table and the data together.
 */
import { describe, expect, it } from 'vitest';
import { CONCURRENT_ONLY, DRUGS, SOURCES } from '../../src/protocols/index.ts';

type AnyDrug = (typeof DRUGS)[number] & Record<string, unknown>;
const byId = new Map(DRUGS.map((d) => [d.id, d as AnyDrug]));
const drug = (id: string): AnyDrug => {
  const d = byId.get(id);
  if (!d) throw new Error(`no drug ${id}`);
  return d;
};

// [id, RxNorm ingredient RXCUI, display name (Tall Man where ISMP lists one), interaction categories]
const DRUG_PINS: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['morphine', '7052', 'morphine', ['opioid', 'cns-depressant']],
  ['oxycodone', '7804', 'oxyCODONE', ['opioid', 'cns-depressant']],
  ['hydrocodone', '5489', 'HYDROcodone', ['opioid', 'cns-depressant']],
  ['hydromorphone', '3423', 'HYDROmorphone', ['opioid', 'cns-depressant']],
  ['oxymorphone', '7814', 'oxymorphone', ['opioid', 'cns-depressant']],
  ['codeine', '2670', 'codeine', ['opioid', 'cns-depressant']],
  ['tramadol', '10689', 'tramadol', ['opioid', 'cns-depressant', 'serotonergic']],
  ['tapentadol', '787390', 'tapentadol', ['opioid', 'cns-depressant', 'serotonergic']],
  ['fentanyl', '4337', 'fentaNYL', ['opioid', 'cns-depressant', 'serotonergic']],
  ['methadone', '6813', 'methadone', ['opioid', 'cns-depressant', 'qt-prolonging', 'serotonergic']],
  ['buprenorphine', '1819', 'buprenorphine', ['opioid', 'cns-depressant']],
  ['alprazolam', '596', 'ALPRAZolam', ['benzodiazepine', 'cns-depressant']],
  ['clonazepam', '2598', 'clonazePAM', ['benzodiazepine', 'cns-depressant']],
  ['diazepam', '3322', 'diazePAM', ['benzodiazepine', 'cns-depressant']],
  ['lorazepam', '6470', 'LORazepam', ['benzodiazepine', 'cns-depressant']],
  ['chlordiazepoxide', '2356', 'chlordiazePOXIDE', ['benzodiazepine', 'cns-depressant']],
  ['clobazam', '21241', 'cloBAZam', ['benzodiazepine', 'cns-depressant']],
  ['clorazepate', '2353', 'clorazepate', ['benzodiazepine', 'cns-depressant']],
  ['oxazepam', '7781', 'oxazepam', ['benzodiazepine', 'cns-depressant']],
  ['temazepam', '10355', 'temazepam', ['benzodiazepine', 'cns-depressant']],
  ['triazolam', '10767', 'triazolam', ['benzodiazepine', 'cns-depressant']],
  ['estazolam', '4077', 'estazolam', ['benzodiazepine', 'cns-depressant']],
  ['flurazepam', '4501', 'flurazepam', ['benzodiazepine', 'cns-depressant']],
  ['zolpidem', '39993', 'zolpidem', ['z-drug', 'cns-depressant']],
  ['zopiclone', '40001', 'zopiclone', ['z-drug', 'cns-depressant']],
  ['eszopiclone', '461016', 'eszopiclone', ['z-drug', 'cns-depressant']],
  ['zaleplon', '74667', 'zaleplon', ['z-drug', 'cns-depressant']],
  ['sertraline', '36437', 'sertraline', ['serotonergic']],
  ['fluoxetine', '4493', 'FLUoxetine', ['serotonergic', 'cyp2d6-inhibitor']],
  ['paroxetine', '32937', 'PARoxetine', ['serotonergic', 'cyp2d6-inhibitor']],
  ['citalopram', '2556', 'citalopram', ['serotonergic', 'qt-prolonging']],
  ['escitalopram', '321988', 'escitalopram', ['serotonergic', 'qt-prolonging']],
  ['fluvoxamine', '42355', 'fluvoxamine', ['serotonergic', 'cyp2c19-inhibitor']],
  ['venlafaxine', '39786', 'venlafaxine', ['serotonergic']],
  ['desvenlafaxine', '734064', 'desvenlafaxine', ['serotonergic']],
  ['duloxetine', '72625', 'DULoxetine', ['serotonergic']],
  ['mirtazapine', '15996', 'mirtazapine', ['serotonergic', 'cns-depressant']],
  ['bupropion', '42347', 'buPROPion', ['cyp2d6-inhibitor', 'seizure-threshold']],
  ['trazodone', '10737', 'trazodone', ['serotonergic', 'cns-depressant']],
  ['vortioxetine', '1455099', 'vortioxetine', ['serotonergic']],
  ['vilazodone', '1086769', 'vilazodone', ['serotonergic']],
  ['amitriptyline', '704', 'amitriptyline', ['serotonergic', 'qt-prolonging', 'cns-depressant']],
  ['nortriptyline', '7531', 'nortriptyline', ['serotonergic', 'qt-prolonging', 'cns-depressant']],
  ['imipramine', '5691', 'imipramine', ['serotonergic', 'qt-prolonging', 'cns-depressant']],
  ['clomipramine', '2597', 'clomiPRAMINE', ['serotonergic', 'qt-prolonging', 'cns-depressant']],
  ['doxepin', '3638', 'doxepin', ['serotonergic', 'qt-prolonging', 'cns-depressant']],
  ['phenelzine', '8123', 'phenelzine', ['maoi', 'serotonergic']],
  ['tranylcypromine', '10734', 'tranylcypromine', ['maoi', 'serotonergic']],
  ['clozapine', '2626', 'cloZAPine', ['cns-depressant', 'antipsychotic']],
  ['lamotrigine', '28439', 'lamotrigine', ['antiepileptic']],
  ['quetiapine', '51272', 'QUEtiapine', ['cns-depressant', 'qt-prolonging', 'antipsychotic']],
  ['carbamazepine', '2002', 'carBAMazepine', ['enzyme-inducer', 'cns-depressant', 'cyp3a4-inducer', 'antiepileptic']],
  ['gabapentin', '25480', 'gabapentin', ['gabapentinoid', 'cns-depressant']],
  ['pregabalin', '187832', 'pregabalin', ['gabapentinoid', 'cns-depressant']],
];

describe('every planned drug: RxNorm code, display name, interaction categories', () => {
  it('the table covers every drug in the protocol data, and nothing else', () => {
    expect(DRUG_PINS.map(([id]) => id).sort()).toEqual(DRUGS.map((d) => d.id).sort());
  });

  it.each(DRUG_PINS)('%s: RXCUI %s, shown as %s', (id, rxcui, displayName, categories) => {
    const d = drug(id);
    const rxnorm = d.rxnorm as { value: string; source: string; locator: string };
    expect(rxnorm.value).toBe(rxcui);
    expect(rxnorm.source).toBe('rxnorm');
    expect(rxnorm.locator).toContain(`RXCUI ${rxcui} (${id}, ingredient`);
    expect(d.displayName).toBe(displayName);
    expect([...(d.interactionCategories as readonly string[])]).toEqual(categories);
  });

  it('a Tall Man display name cites the ISMP list with both names of the pair; a plain one has no citation', () => {
    for (const [id, , displayName] of DRUG_PINS) {
      const source = drug(id).displayNameSource as { source: string; locator: string } | undefined;
      if (displayName === id) {
        expect(source, id).toBeUndefined();
      } else {
        expect(source?.source, id).toBe('ismp-tall-man-2023');
        expect(source?.locator, id).toContain(displayName);
      }
    }
    expect(SOURCES['ismp-tall-man-2023']?.issuer).toBe('Institute for Safe Medication Practices');
  });
});

// Ashton 2002 Table 1 half-lives in hours [parent, active metabolite], as the washout rule reads them
const BENZO_HALF_LIVES: readonly (readonly [string, readonly [number, number] | null, readonly [number, number] | null])[] = [
  ['alprazolam', [6, 12], null],
  ['clonazepam', [18, 50], null],
  ['diazepam', [20, 100], [36, 200]],
  ['lorazepam', [10, 20], null],
  ['chlordiazepoxide', [5, 30], [36, 200]],
  ['clobazam', [12, 60], null],
  ['clorazepate', null, [36, 200]],
  ['oxazepam', [4, 15], null],
  ['temazepam', [8, 22], null],
  ['triazolam', [2, 2], null],
  ['estazolam', [10, 24], null],
  ['flurazepam', null, [40, 250]],
  ['zolpidem', [2, 2], null],
  ['zopiclone', [5, 6], null],
  ['eszopiclone', [6, 9], null],
  ['zaleplon', [2, 2], null],
];

describe('benzodiazepine and Z-drug half-lives (Ashton Table 1)', () => {
  it.each(BENZO_HALF_LIVES)('%s: parent %j h, metabolite %j h', (id, parent, metabolite) => {
    const d = drug(id);
    const p = d.halfLifeHours as { value: { low: number; high: number }; locator: string } | undefined;
    const m = d.metaboliteHalfLifeHours as { value: { low: number; high: number }; locator: string } | undefined;
    expect(p ? [p.value.low, p.value.high] : null).toEqual(parent);
    expect(m ? [m.value.low, m.value.high] : null).toEqual(metabolite);
    // the locator names the row, so a pharmacist can find it in the table
    for (const v of [p, m]) if (v) expect(v.locator.toLowerCase()).toContain(id);
  });
});

// [id, hours used by the resume rule, hours used by the washout rule (MAOI and 5-half-life warnings)]
const ANTIDEPRESSANT_HALF_LIVES: readonly (readonly [string, string, string])[] = [
  ['sertraline', '26', '66'],
  ['fluoxetine', '96', '384'],
  ['paroxetine', '21', '24'],
  ['citalopram', '33', '36'],
  ['escitalopram', '27', '32'],
  ['fluvoxamine', '15', '26'],
  ['venlafaxine', '11', '11'],
  ['desvenlafaxine', '10', '11'],
  ['duloxetine', '8', '17'],
  ['mirtazapine', '20', '40'],
  ['bupropion', '21', '51'],
  ['trazodone', '7', '13'],
  ['vortioxetine', '66', '66'],
  ['vilazodone', '25', '25'],
  ['amitriptyline', '20', '55'],
  ['nortriptyline', '18', '55'],
  ['imipramine', '10', '30'],
  ['clomipramine', '15', '60'],
  ['doxepin', '10', '25'],
  ['phenelzine', '11.6', '11.6'],
  ['tranylcypromine', '2.5', '2.5'],
];

describe('antidepressant half-lives (resume rule and washout rule)', () => {
  it('the table covers every antidepressant', () => {
    expect(ANTIDEPRESSANT_HALF_LIVES.map(([id]) => id).sort()).toEqual(DRUGS.filter((d) => d.drugClass === 'antidepressant').map((d) => d.id).sort());
  });

  it.each(ANTIDEPRESSANT_HALF_LIVES)('%s: resume %s h, washout %s h', (id, resume, washout) => {
    const d = drug(id);
    type HL = { hours: { value: string }; moiety: string; range: string };
    const r = d.resumeHalfLife as HL;
    const w = d.washoutHalfLife as HL;
    expect(r.hours.value).toBe(resume);
    expect(w.hours.value).toBe(washout);
    // the moiety and the published range are shown in the working: both must say something
    for (const v of [r, w]) {
      expect(v.moiety.length, `${id} moiety`).toBeGreaterThan(3);
      expect(v.range, `${id} range`).toMatch(/\d/);
    }
    // the washout rule never uses a shorter half-life than the resume rule (conservative: longer washout)
    expect(Number(washout)).toBeGreaterThanOrEqual(Number(resume));
  });
});

describe('concurrent-only drugs (named in `concurrent`, not planned)', () => {
  it('ids, display names and interaction categories', () => {
    expect(CONCURRENT_ONLY.map((d) => [d.id, d.name, [...d.categories]])).toEqual([
      ['alcohol', 'alcohol', ['alcohol', 'cns-depressant']],
      ['valproate', 'valproate (divalproex, valproic acid)', ['valproate', 'antiepileptic']],
      ['phenytoin', 'phenytoin', ['enzyme-inducer', 'cyp3a4-inducer', 'antiepileptic']],
      ['phenobarbital', 'PHENobarbital', ['enzyme-inducer', 'cns-depressant', 'antiepileptic']],
      ['rifampin', 'rifampin', ['enzyme-inducer', 'cyp3a4-inducer']],
      ['linezolid', 'linezolid', ['maoi', 'maoi-reversible']],
      ['moclobemide', 'moclobemide (reversible MAOI, not marketed in the US)', ['maoi', 'serotonergic']],
      ['methylene-blue', 'methylene blue (intravenous)', ['maoi', 'maoi-reversible']],
      ['sumatriptan', 'sumatriptan (triptan)', ['serotonergic']],
      ['lithium', 'lithium', ['serotonergic']],
      ['omeprazole', 'omeprazole', ['cyp2c19-inhibitor']],
      ['clarithromycin', 'clarithromycin', ['cyp3a4-inhibitor']],
      ['erythromycin', 'erythromycin', ['cyp3a4-inhibitor']],
      ['ketoconazole', 'ketoconazole (azole antifungal)', ['cyp3a4-inhibitor']],
      ['itraconazole', 'itraconazole (azole antifungal)', ['cyp3a4-inhibitor']],
      ['ritonavir', 'ritonavir', ['cyp3a4-inhibitor']],
      ['cobicistat', 'cobicistat', ['cyp3a4-inhibitor']],
      ['diltiazem', 'dilTIAZem', ['cyp3a4-inhibitor']],
      ['verapamil', 'verapamil', ['cyp3a4-inhibitor']],
      ['grapefruit-juice', 'grapefruit juice', ['cyp3a4-inhibitor']],
      ['fluconazole', 'fluconazole (azole antifungal)', ['cyp3a4-inhibitor']],
      ['voriconazole', 'voriconazole (azole antifungal)', ['cyp3a4-inhibitor']],
      ['st-johns-wort', 'St John\u2019s wort', ['cyp3a4-inducer', 'serotonergic']],
      ['quinidine', 'quiNIDine', ['cyp2d6-inhibitor']],
      ['selegiline', 'selegiline (MAO-B inhibitor)', ['maoi']],
      ['rasagiline', 'rasagiline (MAO-B inhibitor)', ['maoi']],
      ['isocarboxazid', 'isocarboxazid (MAOI)', ['maoi', 'serotonergic']],
      ['ondansetron', 'ondansetron (5-HT3 antagonist)', ['serotonergic']],
      ['haloperidol', 'haloperidol', ['antipsychotic', 'cns-depressant']],
      ['risperidone', 'risperiDONE', ['antipsychotic', 'cns-depressant']],
      ['olanzapine', 'OLANZapine', ['antipsychotic', 'cns-depressant']],
      ['cimetidine', 'cimetidine', ['cyp2c19-inhibitor']],
    ]);
  });
});
