/**
 * `npm run cds-hooks`: the CDS Hooks service on 127.0.0.1:${PORT:-3030}.
 * Environment: PORT; RETITRATE_APP_URL (the web app, for links); RETITRATE_FHIR_ORIGINS (comma-separated
 * FHIR server origins the service may fetch from when prefetch is absent; none by default).
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/cds-hooks/app.ts';
import { serviceOptions } from './options.ts';

const port = Number(process.env.PORT ?? 3030);
const app = createApp(serviceOptions({ log: (line) => console.log(`${new Date().toISOString()} ${line}`) }));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Retitrate CDS Hooks service on http://127.0.0.1:${info.port}/cds-services`);
});
