/**
 * Pins every orderable RxNorm code of the benzodiazepine, Z-drug, antidepressant and labelled-restart products
 * (src/protocols/rxnorm-clinical-drugs-other.ts) to the code and RxNorm name its source lists, checks that each name
 * states the product's strength and dose form, and pins the strengths left without a code.
 */
import { describe, expect, it } from 'vitest';
import { clinicalDrugCode, clinicalDrugCodes, productForCode } from '../../src/engine/clinicalDrugCodes.ts';
import { DRUGS, SOURCES } from '../../src/protocols/index.ts';
import { RXNORM_CLINICAL_DRUGS } from '../../src/protocols/rxnorm-clinical-drugs.ts';
import { RXNORM_CLINICAL_DRUGS_OTHER } from '../../src/protocols/rxnorm-clinical-drugs-other.ts';

const BZD = 'cdc-opioid-cds-benzodiazepine-vs';
const CNS = 'cdc-opioid-cds-cns-depressant-vs';
const ECQM = 'vsac-ecqm-2025-canvas';
const ARCHIVED = 'cdc-opioid-cds-non-opioid-cns-depressant-vs-2023';

/** [drug, formulation, strength, SCD, SCD name, ['brand:SBD', …], source] as the source lists them. */
const PINS: [string, string, string, string, string, string[], string][] = [
  ['alprazolam', 'ir', '0.25', '308047', 'alprazolam 0.25 MG Oral Tablet', ['Xanax:141927'], BZD],
  ['alprazolam', 'ir', '0.5', '308048', 'alprazolam 0.5 MG Oral Tablet', ['Xanax:141928'], BZD],
  ['alprazolam', 'ir', '1', '197321', 'alprazolam 1 MG Oral Tablet', ['Xanax:214003'], BZD],
  ['alprazolam', 'ir', '2', '197322', 'alprazolam 2 MG Oral Tablet', ['Xanax:214004'], BZD],
  ['alprazolam', 'er', '0.5', '433798', '24 HR alprazolam 0.5 MG Extended Release Oral Tablet', ['Xanax:687025'], BZD],
  ['alprazolam', 'er', '1', '433800', '24 HR alprazolam 1 MG Extended Release Oral Tablet', ['Xanax:687024'], BZD],
  ['alprazolam', 'er', '2', '433799', '24 HR alprazolam 2 MG Extended Release Oral Tablet', ['Xanax:687023'], BZD],
  ['alprazolam', 'er', '3', '433801', '24 HR alprazolam 3 MG Extended Release Oral Tablet', ['Xanax:687022'], BZD],
  ['clonazepam', 'ir', '0.5', '197527', 'clonazepam 0.5 MG Oral Tablet', ['Klonopin:206157'], BZD],
  ['clonazepam', 'ir', '1', '197528', 'clonazepam 1 MG Oral Tablet', ['Klonopin:206159'], BZD],
  ['clonazepam', 'ir', '2', '197529', 'clonazepam 2 MG Oral Tablet', ['Klonopin:206160'], BZD],
  ['diazepam', 'ir', '2', '197590', 'diazepam 2 MG Oral Tablet', ['Valium:104699'], BZD],
  ['diazepam', 'ir', '5', '197591', 'diazepam 5 MG Oral Tablet', ['Valium:104700'], BZD],
  ['diazepam', 'ir', '10', '197589', 'diazepam 10 MG Oral Tablet', ['Valium:104701'], BZD],
  ['lorazepam', 'ir', '0.5', '197900', 'lorazepam 0.5 MG Oral Tablet', ['Ativan:206821'], BZD],
  ['lorazepam', 'ir', '1', '197901', 'lorazepam 1 MG Oral Tablet', ['Ativan:104719'], BZD],
  ['lorazepam', 'ir', '2', '197902', 'lorazepam 2 MG Oral Tablet', ['Ativan:206828'], BZD],
  ['chlordiazepoxide', 'ir', '5', '905516', 'chlordiazepoxide hydrochloride 5 MG Oral Capsule', [], BZD],
  ['chlordiazepoxide', 'ir', '10', '905369', 'chlordiazepoxide hydrochloride 10 MG Oral Capsule', [], BZD],
  ['chlordiazepoxide', 'ir', '25', '905495', 'chlordiazepoxide hydrochloride 25 MG Oral Capsule', [], BZD],
  ['clobazam', 'ir', '10', '199450', 'clobazam 10 MG Oral Tablet', ['Onfi:1191056'], BZD],
  ['clobazam', 'ir', '20', '246172', 'clobazam 20 MG Oral Tablet', ['Onfi:1191058'], BZD],
  ['clorazepate', 'ir', '3.75', '197465', 'clorazepate dipotassium 3.75 MG Oral Tablet', ['Tranxene:542967'], BZD],
  ['clorazepate', 'ir', '7.5', '197466', 'clorazepate dipotassium 7.5 MG Oral Tablet', ['Tranxene:1149627'], BZD],
  ['clorazepate', 'ir', '15', '197464', 'clorazepate dipotassium 15 MG Oral Tablet', ['Tranxene:542857'], BZD],
  ['oxazepam', 'ir', '10', '198057', 'oxazepam 10 MG Oral Capsule', [], BZD],
  ['oxazepam', 'ir', '15', '312134', 'oxazepam 15 MG Oral Capsule', [], BZD],
  ['oxazepam', 'ir', '30', '198059', 'oxazepam 30 MG Oral Capsule', [], BZD],
  ['temazepam', 'ir', '7.5', '198243', 'temazepam 7.5 MG Oral Capsule', ['Restoril:208463'], BZD],
  ['temazepam', 'ir', '15', '198241', 'temazepam 15 MG Oral Capsule', ['Restoril:208464'], BZD],
  ['temazepam', 'ir', '22.5', '485489', 'temazepam 22.5 MG Oral Capsule', ['Restoril:539384'], BZD],
  ['temazepam', 'ir', '30', '198242', 'temazepam 30 MG Oral Capsule', ['Restoril:208465'], BZD],
  ['triazolam', 'ir', '0.125', '198317', 'triazolam 0.125 MG Oral Tablet', [], BZD],
  ['triazolam', 'ir', '0.25', '198318', 'triazolam 0.25 MG Oral Tablet', ['Halcion:208681'], BZD],
  ['estazolam', 'ir', '1', '197653', 'estazolam 1 MG Oral Tablet', [], BZD],
  ['estazolam', 'ir', '2', '197654', 'estazolam 2 MG Oral Tablet', [], BZD],
  ['flurazepam', 'ir', '15', '1298088', 'flurazepam hydrochloride 15 MG Oral Capsule', [], BZD],
  ['flurazepam', 'ir', '30', '1298091', 'flurazepam hydrochloride 30 MG Oral Capsule', [], BZD],
  ['zolpidem', 'ir', '5', '854876', 'zolpidem tartrate 5 MG Oral Tablet', ['Ambien:854878'], CNS],
  ['zolpidem', 'ir', '10', '854873', 'zolpidem tartrate 10 MG Oral Tablet', ['Ambien:854875'], CNS],
  ['zolpidem', 'er', '6.25', '854894', 'zolpidem tartrate 6.25 MG Extended Release Oral Tablet', ['Ambien:854896'], CNS],
  ['zolpidem', 'er', '12.5', '854880', 'zolpidem tartrate 12.5 MG Extended Release Oral Tablet', ['Ambien:854882'], CNS],
  ['eszopiclone', 'ir', '1', '485440', 'eszopiclone 1 MG Oral Tablet', [], ECQM],
  ['eszopiclone', 'ir', '2', '485442', 'eszopiclone 2 MG Oral Tablet', [], ECQM],
  ['eszopiclone', 'ir', '3', '485465', 'eszopiclone 3 MG Oral Tablet', [], ECQM],
  ['zaleplon', 'ir', '5', '313762', 'zaleplon 5 MG Oral Capsule', [], ECQM],
  ['zaleplon', 'ir', '10', '313761', 'zaleplon 10 MG Oral Capsule', [], ECQM],
  ['zopiclone', 'ir', '3.75', '152911', 'zopiclone 3.75 MG Oral Tablet', [], ARCHIVED],
  ['zopiclone', 'ir', '7.5', '199523', 'zopiclone 7.5 MG Oral Tablet', [], ARCHIVED],
  ['sertraline', 'tablet', '25', '312940', 'sertraline 25 MG Oral Tablet', [], ECQM],
  ['sertraline', 'tablet', '50', '312941', 'sertraline 50 MG Oral Tablet', [], ECQM],
  ['sertraline', 'tablet', '100', '312938', 'sertraline 100 MG Oral Tablet', [], ECQM],
  ['fluoxetine', 'capsule', '10', '310384', 'fluoxetine 10 MG Oral Capsule', [], ECQM],
  ['fluoxetine', 'capsule', '20', '310385', 'fluoxetine 20 MG Oral Capsule', [], ECQM],
  ['fluoxetine', 'capsule', '40', '313989', 'fluoxetine 40 MG Oral Capsule', [], ECQM],
  ['paroxetine', 'ir', '10', '1738483', 'paroxetine hydrochloride 10 MG Oral Tablet', [], ECQM],
  ['paroxetine', 'ir', '20', '1738495', 'paroxetine hydrochloride 20 MG Oral Tablet', [], ECQM],
  ['paroxetine', 'ir', '30', '1738503', 'paroxetine hydrochloride 30 MG Oral Tablet', [], ECQM],
  ['paroxetine', 'ir', '40', '1738511', 'paroxetine hydrochloride 40 MG Oral Tablet', [], ECQM],
  ['paroxetine', 'cr', '12.5', '1738803', '24 HR paroxetine hydrochloride 12.5 MG Extended Release Oral Tablet', [], ECQM],
  ['paroxetine', 'cr', '25', '1738805', '24 HR paroxetine hydrochloride 25 MG Extended Release Oral Tablet', [], ECQM],
  ['paroxetine', 'cr', '37.5', '1738807', '24 HR paroxetine hydrochloride 37.5 MG Extended Release Oral Tablet', [], ECQM],
  ['citalopram', 'tablet', '10', '283672', 'citalopram 10 MG Oral Tablet', [], ECQM],
  ['citalopram', 'tablet', '20', '200371', 'citalopram 20 MG Oral Tablet', [], ECQM],
  ['citalopram', 'tablet', '40', '309314', 'citalopram 40 MG Oral Tablet', [], ECQM],
  ['escitalopram', 'tablet', '5', '351249', 'escitalopram 5 MG Oral Tablet', [], ECQM],
  ['escitalopram', 'tablet', '10', '349332', 'escitalopram 10 MG Oral Tablet', [], ECQM],
  ['escitalopram', 'tablet', '20', '351250', 'escitalopram 20 MG Oral Tablet', [], ECQM],
  ['fluvoxamine', 'tablet', '25', '903887', 'fluvoxamine maleate 25 MG Oral Tablet', [], ECQM],
  ['fluvoxamine', 'tablet', '50', '903891', 'fluvoxamine maleate 50 MG Oral Tablet', [], ECQM],
  ['fluvoxamine', 'tablet', '100', '903884', 'fluvoxamine maleate 100 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'ir', '25', '313582', 'venlafaxine 25 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'ir', '37.5', '313584', 'venlafaxine 37.5 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'ir', '50', '314277', 'venlafaxine 50 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'ir', '75', '313586', 'venlafaxine 75 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'ir', '100', '313580', 'venlafaxine 100 MG Oral Tablet', [], ECQM],
  ['venlafaxine', 'xr', '37.5', '313583', '24 HR venlafaxine 37.5 MG Extended Release Oral Capsule', [], ECQM],
  ['venlafaxine', 'xr', '75', '313585', '24 HR venlafaxine 75 MG Extended Release Oral Capsule', [], ECQM],
  ['venlafaxine', 'xr', '150', '313581', '24 HR venlafaxine 150 MG Extended Release Oral Capsule', [], ECQM],
  ['desvenlafaxine', 'er', '25', '1607617', '24 HR desvenlafaxine succinate 25 MG Extended Release Oral Tablet', [], ECQM],
  ['desvenlafaxine', 'er', '50', '1874559', '24 HR desvenlafaxine succinate 50 MG Extended Release Oral Tablet', [], ECQM],
  ['desvenlafaxine', 'er', '100', '1874553', '24 HR desvenlafaxine succinate 100 MG Extended Release Oral Tablet', [], ECQM],
  ['duloxetine', 'dr', '20', '596926', 'duloxetine 20 MG Delayed Release Oral Capsule', [], ECQM],
  ['duloxetine', 'dr', '30', '596930', 'duloxetine 30 MG Delayed Release Oral Capsule', [], ECQM],
  ['duloxetine', 'dr', '60', '596934', 'duloxetine 60 MG Delayed Release Oral Capsule', [], ECQM],
  ['mirtazapine', 'tablet', '7.5', '476809', 'mirtazapine 7.5 MG Oral Tablet', [], ECQM],
  ['mirtazapine', 'tablet', '15', '311725', 'mirtazapine 15 MG Oral Tablet', [], ECQM],
  ['mirtazapine', 'tablet', '30', '314111', 'mirtazapine 30 MG Oral Tablet', [], ECQM],
  ['mirtazapine', 'tablet', '45', '311726', 'mirtazapine 45 MG Oral Tablet', [], ECQM],
  ['bupropion', 'ir', '75', '993691', 'bupropion hydrochloride 75 MG Oral Tablet', [], ECQM],
  ['bupropion', 'ir', '100', '993687', 'bupropion hydrochloride 100 MG Oral Tablet', [], ECQM],
  ['bupropion', 'sr', '100', '993503', '12 HR bupropion hydrochloride 100 MG Extended Release Oral Tablet', [], ECQM],
  ['bupropion', 'sr', '150', '993518', '12 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet', [], ECQM],
  ['bupropion', 'sr', '200', '993536', '12 HR bupropion hydrochloride 200 MG Extended Release Oral Tablet', [], ECQM],
  ['bupropion', 'xl', '150', '993541', '24 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet', [], ECQM],
  ['bupropion', 'xl', '300', '993557', '24 HR bupropion hydrochloride 300 MG Extended Release Oral Tablet', [], ECQM],
  ['trazodone', 'tablet', '50', '856377', 'trazodone hydrochloride 50 MG Oral Tablet', [], ECQM],
  ['trazodone', 'tablet', '100', '856373', 'trazodone hydrochloride 100 MG Oral Tablet', [], ECQM],
  ['trazodone', 'tablet', '150', '856364', 'trazodone hydrochloride 150 MG Oral Tablet', [], ECQM],
  ['trazodone', 'tablet', '300', '856369', 'trazodone hydrochloride 300 MG Oral Tablet', [], ECQM],
  ['vortioxetine', 'tablet', '5', '1439812', 'vortioxetine 5 MG Oral Tablet', [], ECQM],
  ['vortioxetine', 'tablet', '10', '1439808', 'vortioxetine 10 MG Oral Tablet', [], ECQM],
  ['vortioxetine', 'tablet', '20', '1439810', 'vortioxetine 20 MG Oral Tablet', [], ECQM],
  ['vilazodone', 'tablet', '10', '1086772', 'vilazodone hydrochloride 10 MG Oral Tablet', [], ECQM],
  ['vilazodone', 'tablet', '20', '1086778', 'vilazodone hydrochloride 20 MG Oral Tablet', [], ECQM],
  ['vilazodone', 'tablet', '40', '1086784', 'vilazodone hydrochloride 40 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '10', '856783', 'amitriptyline hydrochloride 10 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '25', '856834', 'amitriptyline hydrochloride 25 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '50', '856845', 'amitriptyline hydrochloride 50 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '75', '856853', 'amitriptyline hydrochloride 75 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '100', '856762', 'amitriptyline hydrochloride 100 MG Oral Tablet', [], ECQM],
  ['amitriptyline', 'tablet', '150', '856773', 'amitriptyline hydrochloride 150 MG Oral Tablet', [], ECQM],
  ['nortriptyline', 'capsule', '10', '198045', 'nortriptyline 10 MG Oral Capsule', [], ECQM],
  ['nortriptyline', 'capsule', '25', '317136', 'nortriptyline 25 MG Oral Capsule', [], ECQM],
  ['nortriptyline', 'capsule', '50', '198046', 'nortriptyline 50 MG Oral Capsule', [], ECQM],
  ['nortriptyline', 'capsule', '75', '198047', 'nortriptyline 75 MG Oral Capsule', [], ECQM],
  ['imipramine', 'tablet', '10', '835593', 'imipramine hydrochloride 10 MG Oral Tablet', [], ECQM],
  ['imipramine', 'tablet', '25', '835564', 'imipramine hydrochloride 25 MG Oral Tablet', [], ECQM],
  ['imipramine', 'tablet', '50', '835568', 'imipramine hydrochloride 50 MG Oral Tablet', [], ECQM],
  ['clomipramine', 'capsule', '25', '857297', 'clomipramine hydrochloride 25 MG Oral Capsule', [], ECQM],
  ['clomipramine', 'capsule', '50', '857301', 'clomipramine hydrochloride 50 MG Oral Capsule', [], ECQM],
  ['clomipramine', 'capsule', '75', '857305', 'clomipramine hydrochloride 75 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '10', '1000048', 'doxepin 10 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '25', '1000070', 'doxepin 25 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '50', '1000076', 'doxepin 50 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '75', '1000097', 'doxepin 75 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '100', '1000058', 'doxepin 100 MG Oral Capsule', [], ECQM],
  ['doxepin', 'capsule', '150', '1000064', 'doxepin 150 MG Oral Capsule', [], ECQM],
  ['phenelzine', 'tablet', '15', '312347', 'phenelzine 15 MG Oral Tablet', [], ECQM],
  ['tranylcypromine', 'tablet', '10', '313447', 'tranylcypromine 10 MG Oral Tablet', [], ECQM],
  ['clozapine', 'tablet', '25', '197536', 'clozapine 25 MG Oral Tablet', [], ECQM],
  ['clozapine', 'tablet', '50', '429212', 'clozapine 50 MG Oral Tablet', [], ECQM],
  ['clozapine', 'tablet', '100', '197535', 'clozapine 100 MG Oral Tablet', [], ECQM],
  ['clozapine', 'tablet', '200', '309374', 'clozapine 200 MG Oral Tablet', [], ECQM],
  ['lamotrigine', 'tablet', '25', '282401', 'lamotrigine 25 MG Oral Tablet', [], ECQM],
  ['lamotrigine', 'tablet', '100', '198427', 'lamotrigine 100 MG Oral Tablet', [], ECQM],
  ['lamotrigine', 'tablet', '150', '198428', 'lamotrigine 150 MG Oral Tablet', [], ECQM],
  ['lamotrigine', 'tablet', '200', '198429', 'lamotrigine 200 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '25', '312744', 'quetiapine 25 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '50', '616487', 'quetiapine 50 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '100', '312743', 'quetiapine 100 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '200', '317174', 'quetiapine 200 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '300', '312745', 'quetiapine 300 MG Oral Tablet', [], ECQM],
  ['quetiapine', 'tablet', '400', '616483', 'quetiapine 400 MG Oral Tablet', [], ECQM],
  ['carbamazepine', 'tablet', '200', '308979', 'carbamazepine 200 MG Oral Tablet', ['Epitol:211817', 'Tegretol:308972'], ARCHIVED],
  ['carbamazepine', 'chewable', '100', '308973', 'carbamazepine 100 MG Chewable Tablet', ['Tegretol:308974'], ARCHIVED],
  ['carbamazepine', 'chewable', '200', '197442', 'carbamazepine 200 MG Chewable Tablet', [], ARCHIVED],
  ['gabapentin', 'capsule', '100', '310430', 'gabapentin 100 MG Oral Capsule', [], ECQM],
  ['gabapentin', 'capsule', '300', '310431', 'gabapentin 300 MG Oral Capsule', [], ECQM],
  ['gabapentin', 'capsule', '400', '310432', 'gabapentin 400 MG Oral Capsule', [], ECQM],
  ['gabapentin', 'tablet', '600', '310433', 'gabapentin 600 MG Oral Tablet', [], ECQM],
  ['gabapentin', 'tablet', '800', '310434', 'gabapentin 800 MG Oral Tablet', [], ECQM],
  ['pregabalin', 'capsule', '25', '483442', 'pregabalin 25 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '50', '483448', 'pregabalin 50 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '75', '483450', 'pregabalin 75 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '100', '483438', 'pregabalin 100 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '150', '483440', 'pregabalin 150 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '200', '483446', 'pregabalin 200 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '225', '577127', 'pregabalin 225 MG Oral Capsule', [], ECQM],
  ['pregabalin', 'capsule', '300', '483444', 'pregabalin 300 MG Oral Capsule', [], ECQM],
];

const SOURCE_URLS: Record<string, string> = {
  [BZD]: 'https://github.com/cqframework/opioid-cds-r4/blob/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/input/vocabulary/valueset/benzodiazepine-medications.json',
  [CNS]: 'https://github.com/cqframework/opioid-cds-r4/blob/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/input/vocabulary/valueset/cns-depressant-medications.json',
  [ECQM]: 'https://github.com/canvas-medical/canvas-plugins/blob/344f0bcb924b2be7ffafb5ac7edf19d475704259/canvas_sdk/value_set/v2026/medication.py',
  [ARCHIVED]: 'https://github.com/cqframework/opioid-cds-r4/blob/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/archive/input/vocabulary/valueset/archive/non-opioid-cns-depressant-medications.json',
};

/** The RxNorm dose form a formulation's SCD must name. */
function doseFormPattern(drug: string, formulation: string): RegExp {
  const f = DRUGS.find((d) => d.id === drug)!.formulations.find((x) => x.id === formulation)!;
  if (formulation === 'dr') return / Delayed Release Oral Capsule$/;
  const form = f.unitForm === 'capsule' ? 'Oral Capsule' : f.name.startsWith('chewable') ? 'Chewable Tablet' : 'Oral Tablet';
  return f.release === 'extended' ? new RegExp(`^(\\d+ HR )?${drug}\\b.* Extended Release ${form}$`) : new RegExp(`^${drug}( [a-z]+)? [\\d.]+ MG ${form}$`);
}

describe('RxNorm clinical drug codes of the benzodiazepine, Z-drug, antidepressant and labelled-restart products', () => {
  it('the data holds exactly the pinned rows, in order', () => {
    expect(RXNORM_CLINICAL_DRUGS_OTHER.map((e) => [e.drug, e.formulation, e.strength, e.scd.code, e.scd.name, e.sbd.map((s) => `${s.brand}:${s.code}`), e.source])).toEqual(PINS);
  });

  it.each(PINS)('%s %s %s: SCD %s (%s)', (drug, formulation, strength, scd, name, sbds, source) => {
    const entry = clinicalDrugCode(drug, formulation, strength)!;
    expect(entry.scd).toEqual({ code: scd, name });
    expect(entry.source).toBe(source);
    // The locator quotes the source's own line: the code and its RxNorm name.
    if (source === ECQM) expect(entry.locator).toContain(`"${scd}",  # ${name}`);
    else expect(entry.locator).toContain(`${scd} '${name}'`);
    expect(entry.locator).toMatch(
      source === ECQM
        ? /^canvas_sdk\/value_set\/v2026\/medication\.py at 344f0bcb924b, class \w+ \(VSAC [\d.]+\)/
        : source === ARCHIVED
          ? /^archive\/input\/vocabulary\/valueset\/archive\/non-opioid-cns-depressant-medications\.json at b29bdcbf6db6, expansion\.contains \(RxNorm 2023-03\), lines \d+–\d+: /
          : /^input\/vocabulary\/valueset\/[a-z-]+\.json at b29bdcbf6db6, expansion\.contains/,
    );
    for (const [index, pin] of sbds.entries()) {
      const [brand, code] = pin.split(':');
      expect(entry.sbd[index]).toEqual({ code, name: `${name} [${brand}]`, brand });
      expect(entry.locator).toContain(`${code} '[${brand}]'`);
      expect(productForCode(code!)).toMatchObject({ drug, formulation, strength, tty: 'SBD', brand, scd, source });
    }
    expect(productForCode(scd)).toEqual({ drug, formulation, strength, tty: 'SCD', code: scd, name, scd, source, locator: entry.locator });
  });

  it('each name states the product: the drug, the strength in MG and the formulation’s dose form and release', () => {
    for (const entry of RXNORM_CLINICAL_DRUGS_OTHER) {
      const drug = DRUGS.find((d) => d.id === entry.drug)!;
      const formulation = drug.formulations.find((f) => f.id === entry.formulation)!;
      expect(drug.drugClass).not.toBe('opioid');
      expect(formulation.strengths.map((s) => s.amount)).toContain(entry.strength);
      expect(entry.scd.name).toContain(` ${entry.strength} MG `);
      expect(entry.scd.name, `${entry.drug} ${entry.formulation}`).toMatch(doseFormPattern(entry.drug, entry.formulation));
      for (const branded of entry.sbd) expect(drug.brandNames.some((b) => b === branded.brand || b.startsWith(`${branded.brand} `)), branded.brand).toBe(true);
    }
    // Where the source has two SCDs of a strength and form, the named brand's salt or duration.
    expect(clinicalDrugCode('paroxetine', 'ir', '20')!.scd.name).toBe('paroxetine hydrochloride 20 MG Oral Tablet');
    expect(clinicalDrugCode('desvenlafaxine', 'er', '50')!.scd.name).toBe('24 HR desvenlafaxine succinate 50 MG Extended Release Oral Tablet');
    expect(clinicalDrugCode('bupropion', 'sr', '150')!.scd.name).toMatch(/^12 HR /);
    expect(clinicalDrugCode('bupropion', 'xl', '150')!.scd.name).toMatch(/^24 HR /);
  });

  it('each source is registered with its repository, path and commit', () => {
    for (const [id, url] of Object.entries(SOURCE_URLS)) expect(SOURCES[id]?.url, id).toBe(url);
    expect(new Set(RXNORM_CLINICAL_DRUGS_OTHER.map((e) => e.source))).toEqual(new Set(Object.keys(SOURCE_URLS)));
  });

  it('codes are unique over both tables, and the lookups see both', () => {
    const all = [...RXNORM_CLINICAL_DRUGS, ...RXNORM_CLINICAL_DRUGS_OTHER];
    const codes = all.flatMap((e) => [e.scd.code, ...e.sbd.map((s) => s.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(clinicalDrugCodes()).toEqual(all);
    expect(clinicalDrugCode('alprazolam', 'ir', '0.50')?.scd.code).toBe('308048');
    expect(productForCode('312941')).toMatchObject({ drug: 'sertraline', formulation: 'tablet', strength: '50', tty: 'SCD' });
  });

  it('no gaps: every one of the 160 non-opioid strengths has a code, zopiclone (not marketed in the US) and carbaMAZepine chewable tablets included', () => {
    const strengths = DRUGS.filter((d) => d.drugClass !== 'opioid').flatMap((d) => d.formulations.flatMap((f) => f.strengths.map((s) => `${d.id} ${f.id} ${s.amount}`)));
    const missing = DRUGS.filter((d) => d.drugClass !== 'opioid').flatMap((d) => d.formulations.flatMap((f) => f.strengths.filter((s) => !clinicalDrugCode(d.id, f.id, s.amount)).map((s) => `${d.id} ${f.id} ${s.amount}`)));
    expect(strengths).toHaveLength(160);
    expect(missing).toEqual([]);
    expect(RXNORM_CLINICAL_DRUGS_OTHER).toHaveLength(160);
  });

  it('the archived 2023 value set supplies only the strengths the current sets leave out, and its locators give the file lines of code and name', () => {
    const archived = RXNORM_CLINICAL_DRUGS_OTHER.filter((e) => e.source === ARCHIVED).map((e) => `${e.drug} ${e.formulation} ${e.strength}`);
    expect(archived).toEqual(['zopiclone ir 3.75', 'zopiclone ir 7.5', 'carbamazepine tablet 200', 'carbamazepine chewable 100', 'carbamazepine chewable 200']);
    // display line 4453 of the source; its code is on the line before.
    expect(clinicalDrugCode('carbamazepine', 'tablet', '200')!.locator).toContain("lines 4452–4453: 308979 'carbamazepine 200 MG Oral Tablet'; lines 4387–4388: 211817 '[Epitol]'; lines 4392–4393: 308972 '[Tegretol]'");
    expect(productForCode('152911')).toMatchObject({ drug: 'zopiclone', formulation: 'ir', strength: '3.75', tty: 'SCD' });
  });
});
