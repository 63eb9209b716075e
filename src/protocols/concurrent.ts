/**
 * Drugs that can be named as concurrent medicines but are not (yet) planned themselves, with the
 * interaction categories the warnings use. A drug that has its own protocol is looked up there
 * instead; ids must not appear in both places (a protocol test checks this).
 */
import { deepFreeze } from '../lib/deepFreeze.ts';
import type { ConcurrentDrug } from './types.ts';

export const CONCURRENT_ONLY: readonly ConcurrentDrug[] = deepFreeze([
  { id: 'alcohol', name: 'alcohol', categories: ['alcohol', 'cns-depressant'] },
  { id: 'valproate', name: 'valproate (divalproex, valproic acid)', categories: ['valproate'] },
  { id: 'phenytoin', name: 'phenytoin', categories: ['enzyme-inducer'] },
  { id: 'phenobarbital', name: 'PHENobarbital', categories: ['enzyme-inducer', 'cns-depressant'] },
  { id: 'rifampin', name: 'rifampin', categories: ['enzyme-inducer'] },
  { id: 'linezolid', name: 'linezolid', categories: ['maoi'] },
  { id: 'moclobemide', name: 'moclobemide (reversible MAOI, not marketed in the US)', categories: ['maoi', 'serotonergic'] },
  { id: 'methylene-blue', name: 'methylene blue (intravenous)', categories: ['maoi'] },
  { id: 'sumatriptan', name: 'sumatriptan (triptan)', categories: ['serotonergic'] },
  { id: 'lithium', name: 'lithium', categories: ['serotonergic'] },
  { id: 'omeprazole', name: 'omeprazole', categories: ['cyp2c19-inhibitor'] },
  { id: 'cimetidine', name: 'cimetidine', categories: ['cyp2c19-inhibitor'] },
]);
