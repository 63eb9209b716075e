/**
 * Sources and engine assumptions added for the package work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [
  // Orderable codes of the FHIR export (rxnorm-clinical-drugs.ts, route-codes.ts)
  { id: 'omtk-rxnav-2020', title: 'OMTK DrugIngredients table (RxNorm SCD and SBD codes, names and strengths of opioid products), generated from the RxNav local data store LocalDataStore_RxNav_OpioidCds-2020-10-20', issuer: 'HL7 / CDC Opioid MME Calculator implementation guide (cqframework/opioid-mme-r4, OMTKData.cql), data from US National Library of Medicine RxNav', year: 2020, url: 'https://github.com/cqframework/opioid-mme-r4/blob/master/input/cql/OMTKData.cql' },
  { id: 'fhir-route-codes', title: 'SNOMED CT Route Codes value set (http://hl7.org/fhir/ValueSet/route-codes)', issuer: 'HL7 FHIR specification', year: 2019, url: 'https://hl7.org/fhir/R4/valueset-route-codes.html' },
];

export const ASSUMPTIONS: readonly Assumption[] = [];
