/**
 * Drugs that can be named as concurrent medicines but are not (yet) planned themselves, with the
 * interaction categories the warnings use. A drug that has its own protocol is looked up there
 * instead; ids must not appear in both places (a protocol test checks this).
 */
import { deepFreeze } from '../lib/deepFreeze.ts';
import type { ConcurrentDrug } from './types.ts';

const CYP3A4_INHIBITORS = 'A1 CYP3A4 row: inhibitors clarithromycin, erythromycin, azole antifungals, ritonavir/cobicistat, diltiazem, verapamil, grapefruit (fentanyl labels: consider dosage reduction, monitor)';
const CYP3A4_INDUCERS = 'A1 CYP3A4 row: inducers rifampin, carbamazepine, phenytoin, St John\u2019s wort (stopping one raises opioid exposure)';
const CYP2D6 = '7 Drug interactions, Table 2, CYP2D6 inhibitors: "Examples: Quinidine, fluoxetine, paroxetine and bupropion"';
const MAOI_LIST = 'Do not use if you have taken an MAO inhibitor in the past 14 days. MAO inhibitors include isocarboxazid, linezolid, methylene blue injection, phenelzine, rasagiline, selegiline';
const AZOLES = 'Opioid analgesics (alfentanil, fentanyl, methadone, oxycodone) with antimicrobials, precipitant drugs: "Fluconazole (Diflucan)" … "Voriconazole (Vfend)"; "These antimicrobials inhibit CYP3A4 and may inhibit the elimination of these opioids"; "voriconazole produced almost a 4-fold increase in oxycodone plasma concentrations"; "fluconazole appears weaker, but in larger doses it also inhibits CYP3A4"';
const SEROTONERGIC = 'Drug interactions: serotonergic drugs (SSRIs, SNRIs, TCAs, MAO inhibitors, triptans, 5-HT3 antagonists, mirtazapine, trazodone, lithium, St John\u2019s wort)';

export const CONCURRENT_ONLY: readonly ConcurrentDrug[] = deepFreeze([
  { id: 'alcohol', name: 'alcohol', categories: ['alcohol', 'cns-depressant'] },
  { id: 'valproate', name: 'valproate (divalproex, valproic acid)', categories: ['valproate', 'antiepileptic'] },
  {
    id: 'phenytoin', name: 'phenytoin', categories: ['enzyme-inducer', 'cyp3a4-inducer', 'antiepileptic'],
    categorySource: { source: 'fentanyl-cyp3a4-labels', locator: CYP3A4_INDUCERS },
  },
  { id: 'phenobarbital', name: 'PHENobarbital', categories: ['enzyme-inducer', 'cns-depressant', 'antiepileptic'] },
  {
    id: 'rifampin', name: 'rifampin', categories: ['enzyme-inducer', 'cyp3a4-inducer'],
    categorySource: { source: 'fentanyl-cyp3a4-labels', locator: CYP3A4_INDUCERS },
  },
  {
    id: 'linezolid', name: 'linezolid', categories: ['maoi', 'maoi-reversible'],
    categorySource: { source: 'nucynta-patient-info', locator: MAOI_LIST },
  },
  { id: 'moclobemide', name: 'moclobemide (reversible MAOI, not marketed in the US)', categories: ['maoi', 'serotonergic'] },
  {
    id: 'methylene-blue', name: 'methylene blue (intravenous)', categories: ['maoi', 'maoi-reversible'],
    categorySource: { source: 'nucynta-patient-info', locator: MAOI_LIST },
  },
  { id: 'sumatriptan', name: 'sumatriptan (triptan)', categories: ['serotonergic'] },
  { id: 'lithium', name: 'lithium', categories: ['serotonergic'] },
  { id: 'omeprazole', name: 'omeprazole', categories: ['cyp2c19-inhibitor'] },
  ...(
    [
      ['clarithromycin', 'clarithromycin'],
      ['erythromycin', 'erythromycin'],
      ['ketoconazole', 'ketoconazole (azole antifungal)'],
      ['itraconazole', 'itraconazole (azole antifungal)'],
      ['ritonavir', 'ritonavir'],
      ['cobicistat', 'cobicistat'],
      ['diltiazem', 'dilTIAZem'],
      ['verapamil', 'verapamil'],
      ['grapefruit-juice', 'grapefruit juice'],
    ] as const
  ).map(([id, name]): ConcurrentDrug => ({
    id, name, categories: ['cyp3a4-inhibitor'], categorySource: { source: 'fentanyl-cyp3a4-labels', locator: CYP3A4_INHIBITORS },
  })),
  // A1 names "azoles" among CYP3A4 inhibitors; these two are named in an interaction reference (docs/clinical-model.md, Opioids).
  ...(
    [
      ['fluconazole', 'fluconazole (azole antifungal)'],
      ['voriconazole', 'voriconazole (azole antifungal)'],
    ] as const
  ).map(([id, name]): ConcurrentDrug => ({
    id, name, categories: ['cyp3a4-inhibitor'], categorySource: { source: 'opioid-cyp3a4-antimicrobials', locator: AZOLES },
  })),
  {
    id: 'st-johns-wort', name: 'St John\u2019s wort', categories: ['cyp3a4-inducer', 'serotonergic'],
    categorySource: { source: 'mims-tramadol-interactions', locator: SEROTONERGIC },
  },
  {
    id: 'quinidine', name: 'quiNIDine', categories: ['cyp2d6-inhibitor'],
    categorySource: { source: 'label-tramadol-apap-interactions', locator: CYP2D6 },
  },
  {
    id: 'selegiline', name: 'selegiline (MAO-B inhibitor)', categories: ['maoi'],
    categorySource: { source: 'nucynta-patient-info', locator: MAOI_LIST },
  },
  {
    id: 'rasagiline', name: 'rasagiline (MAO-B inhibitor)', categories: ['maoi'],
    categorySource: { source: 'nucynta-patient-info', locator: MAOI_LIST },
  },
  {
    id: 'isocarboxazid', name: 'isocarboxazid (MAOI)', categories: ['maoi', 'serotonergic'],
    categorySource: { source: 'nucynta-patient-info', locator: MAOI_LIST },
  },
  {
    id: 'ondansetron', name: 'ondansetron (5-HT3 antagonist)', categories: ['serotonergic'],
    categorySource: { source: 'mims-tramadol-interactions', locator: SEROTONERGIC },
  },
  ...(
    [
      ['haloperidol', 'haloperidol'],
      ['risperidone', 'risperiDONE'],
      ['olanzapine', 'OLANZapine'],
    ] as const
  ).map(([id, name]): ConcurrentDrug => ({
    id, name, categories: ['antipsychotic', 'cns-depressant'],
    categorySource: { source: 'mims-tramadol-interactions', locator: 'Drug interactions: tramadol may increase the risk of seizures with neuroleptics and other drugs that lower the seizure threshold' },
  })),
  { id: 'cimetidine', name: 'cimetidine', categories: ['cyp2c19-inhibitor'] },
]);
