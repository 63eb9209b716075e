/** Writes src/protocols/catalog.json from the full protocol data: `npm run catalog`. */
import { writeFileSync } from 'node:fs';
import { catalogEntry } from '../src/engine/catalog.ts';
import { DRUGS } from '../src/protocols/index.ts';

const file = new URL('../src/protocols/catalog.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(DRUGS.map(catalogEntry), null, 1)}\n`);
console.log(`catalog: ${DRUGS.length} drugs written to src/protocols/catalog.json`);
