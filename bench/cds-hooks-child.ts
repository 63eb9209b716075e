/** The CDS Hooks service for the benchmark, in its own process, with the test RxNorm fixture table. */
import { serve } from '@hono/node-server';
import { createApp } from '../src/cds-hooks/app.ts';
import { serviceOptions } from '../server/options.ts';
import { fixtureLookup } from '../tests/ehr/fixtures.ts';
import { RESTART_DATE } from '../tests/ehr/synthetic-patients.ts';

const app = createApp(serviceOptions({ lookup: fixtureLookup, today: () => RESTART_DATE }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('listening'));
