/**
 * Sources and engine assumptions added for the package work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  // Orderable codes of the FHIR export (rxnorm-clinical-drugs.ts, route-codes.ts)
  { id: 'omtk-rxnav-2020', title: 'OMTK DrugIngredients table (RxNorm SCD and SBD codes, names and strengths of opioid products), generated from the RxNav local data store LocalDataStore_RxNav_OpioidCds-2020-10-20', issuer: 'HL7 / CDC Opioid MME Calculator implementation guide (cqframework/opioid-mme-r4, OMTKData.cql), data from US National Library of Medicine RxNav', year: 2020, url: 'https://github.com/cqframework/opioid-mme-r4/blob/master/input/cql/OMTKData.cql' },
  { id: 'cdc-opioid-cds-benzodiazepine-vs', title: 'Benzodiazepine medications value set (RxNorm SCD and SBD codes with names), expansion of 2025-02-24', issuer: 'HL7 / CDC Opioid Prescribing Support implementation guide (cqframework/opioid-cds-r4, input/vocabulary/valueset/benzodiazepine-medications.json, commit b29bdcbf6db6f3de26486dbc3820572ee9a78b89)', year: 2025, url: 'https://github.com/cqframework/opioid-cds-r4/blob/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/input/vocabulary/valueset/benzodiazepine-medications.json' },
  { id: 'cdc-opioid-cds-cns-depressant-vs', title: 'CNS depressant medications value set (RxNorm SCD and SBD codes with names), expansion of 2025-02-24', issuer: 'HL7 / CDC Opioid Prescribing Support implementation guide (cqframework/opioid-cds-r4, input/vocabulary/valueset/cns-depressant-medications.json, commit b29bdcbf6db6f3de26486dbc3820572ee9a78b89)', year: 2025, url: 'https://github.com/cqframework/opioid-cds-r4/blob/b29bdcbf6db6f3de26486dbc3820572ee9a78b89/input/vocabulary/valueset/cns-depressant-medications.json' },
  { id: 'vsac-ecqm-2025-canvas', title: 'VSAC eCQM value set expansions, eCQM Update 2025-05-08 (Antidepressant Medication 2.16.840.1.113883.3.464.1003.196.12.1213; Central Nervous System Depressants 2.16.840.1.113762.1.4.1248.134): RxNorm SCD codes with names', issuer: 'US National Library of Medicine VSAC (CMS eCQM value sets), as published in canvas-medical/canvas-plugins canvas_sdk/value_set/v2026/medication.py, commit 344f0bcb924b2be7ffafb5ac7edf19d475704259', year: 2025, url: 'https://github.com/canvas-medical/canvas-plugins/blob/344f0bcb924b2be7ffafb5ac7edf19d475704259/canvas_sdk/value_set/v2026/medication.py' },
  { id: 'fhir-route-codes', title: 'SNOMED CT Route Codes value set (http://hl7.org/fhir/ValueSet/route-codes)', issuer: 'HL7 FHIR specification', year: 2019, url: 'https://hl7.org/fhir/R4/valueset-route-codes.html' },
];

export const ASSUMPTIONS: readonly Assumption[] = [];
