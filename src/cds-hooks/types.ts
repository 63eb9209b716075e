/** CDS Hooks 2.0 JSON shapes used by the service (https://cds-hooks.hl7.org/2.0/). */
import type { Bundle, Resource, MedicationRequest } from '@medplum/fhirtypes';

export type Indicator = 'info' | 'warning' | 'critical';

export interface ServiceDefinition {
  readonly hook: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly prefetch: Readonly<Record<string, string>>;
  readonly usageRequirements?: string;
}

export interface Action {
  readonly type: 'create' | 'update' | 'delete';
  readonly description: string;
  readonly resource?: MedicationRequest;
  readonly resourceId?: string;
}

export interface Suggestion {
  readonly label: string;
  readonly uuid: string;
  readonly isRecommended?: boolean;
  readonly actions: readonly Action[];
}

export interface Link {
  readonly label: string;
  readonly url: string;
  readonly type: 'absolute' | 'smart';
  readonly appContext?: string;
}

export interface Card {
  readonly uuid: string;
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: Indicator;
  readonly source: { readonly label: string; readonly url?: string; readonly topic?: { readonly system?: string; readonly code: string; readonly display?: string } };
  readonly suggestions?: readonly Suggestion[];
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly links?: readonly Link[];
}

export interface HookRequest {
  readonly hook: string;
  readonly hookInstance: string;
  readonly fhirServer?: string;
  readonly fhirAuthorization?: { readonly access_token: string; readonly token_type: string; readonly expires_in?: number; readonly scope?: string; readonly subject?: string };
  readonly context: {
    readonly userId: string;
    readonly patientId: string;
    readonly encounterId?: string;
    readonly selections?: readonly string[];
    readonly draftOrders: Bundle;
  };
  readonly prefetch?: Readonly<Record<string, Resource | Bundle | null>>;
}
