/** SNOMED CT codes of the routes the protocol data uses (FHIR `Dosage.route`). Data only, deep-frozen. */
import { deepFreeze } from '../lib/deepFreeze.ts';
import type { Route } from './types.ts';

export interface RouteCode {
  readonly system: 'http://snomed.info/sct';
  readonly code: string;
  readonly display: string;
  readonly source: string;
  readonly locator: string;
}

const SNOMED = 'http://snomed.info/sct' as const;

export const ROUTE_CODES: Readonly<Record<Route, RouteCode>> = deepFreeze({
  oral: { system: SNOMED, code: '26643006', display: 'Oral route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 26643006 Oral route' },
  sublingual: { system: SNOMED, code: '37839007', display: 'Sublingual route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 37839007 Sublingual route' },
  buccal: { system: SNOMED, code: '54471007', display: 'Buccal route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 54471007 Buccal route' },
  transdermal: { system: SNOMED, code: '45890007', display: 'Transdermal route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 45890007 Transdermal route' },
});
