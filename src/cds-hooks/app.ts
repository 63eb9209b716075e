/**
 * The CDS Hooks 2.0 HTTP service (Hono): `GET /cds-services` (discovery) and `POST /cds-services/{id}`.
 * Stateless: every call stands alone, so any number of instances can run behind a load balancer.
 * Logs carry the service id, status and time only, never a request body or patient data.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { handleHook, type HookOptions } from './handler.ts';
import { SERVICES, serviceById } from './services.ts';

/** Largest hook request accepted (the prefetch of a long history is a few hundred kB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface AppOptions extends HookOptions {
  readonly log?: (line: string) => void;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    // CDS clients call from the EHR's browser context too (CDS Hooks: services should allow CORS).
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    await next();
  });
  app.get('/cds-services', (c) => c.json({ services: SERVICES }));

  // Only a known service id reaches the log (the path is caller-controlled).
  const logId = (c: Context) => (serviceById(c.req.param('id') ?? '') ? c.req.param('id') : 'unknown-service');
  const tooLarge = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      options.log?.(`POST ${logId(c)} 413`);
      return c.json({ error: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }, 413);
    },
  });
  app.post('/cds-services/:id', tooLarge, async (c) => {
    const started = performance.now();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      options.log?.(`POST ${logId(c)} 400 (not JSON)`);
      return c.json({ error: 'The body must be JSON (Content-Type: application/json).' }, 400);
    }
    const response = await handleHook(c.req.param('id'), body, options);
    const cards = (response.body as { cards?: unknown[] }).cards;
    options.log?.(`POST ${logId(c)} ${response.status}${cards ? ` cards=${cards.length}` : ''} ${(performance.now() - started).toFixed(1)} ms`);
    return c.json(response.body as object, response.status as 200);
  });
  app.notFound((c) => c.json({ error: 'Not found: see GET /cds-services.' }, 404));
  return app;
}
