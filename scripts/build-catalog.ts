/** Writes src/protocols/catalog.json from the full protocol data: `npm run catalog`. */
import { writeFileSync } from 'node:fs';
import { catalogEntry } from '../src/engine/catalog.ts';
import { CONCURRENT_ONLY } from '../src/protocols/concurrent.ts';
import { DRUGS } from '../src/protocols/index.ts';

const file = new URL('../src/protocols/catalog.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(DRUGS.map(catalogEntry), null, 1)}\n`);
console.log(`catalog: ${DRUGS.length} drugs written to src/protocols/catalog.json`);

// Concurrent-only medicines without their category sources: the first page load needs ids, names and categories.
const concurrentFile = new URL('../src/protocols/concurrent-catalog.json', import.meta.url);
writeFileSync(concurrentFile, `${JSON.stringify(CONCURRENT_ONLY.map(({ id, name, categories }) => ({ id, name, categories })), null, 1)}\n`);
console.log(`catalog: ${CONCURRENT_ONLY.length} concurrent-only medicines written to src/protocols/concurrent-catalog.json`);
