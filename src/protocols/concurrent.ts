/**
 * Drugs that can be named as concurrent medicines but are not (yet) planned themselves, with the
 * interaction categories the warnings use. A drug that has its own protocol is looked up there
 * instead; ids must not appear in both places (a protocol test checks this).
 */
import { deepFreeze } from '../lib/deepFreeze.ts';
import type { ConcurrentDrug } from './types.ts';

export const CONCURRENT_ONLY: readonly ConcurrentDrug[] = deepFreeze([
  { id: 'gabapentin', name: 'gabapentin', categories: ['gabapentinoid', 'cns-depressant'] },
  { id: 'pregabalin', name: 'pregabalin', categories: ['gabapentinoid', 'cns-depressant'] },
  { id: 'alcohol', name: 'alcohol', categories: ['alcohol', 'cns-depressant'] },
  { id: 'valproate', name: 'valproate (divalproex, valproic acid)', categories: ['valproate'] },
  { id: 'phenytoin', name: 'phenytoin', categories: ['enzyme-inducer'] },
  { id: 'phenobarbital', name: 'PHENobarbital', categories: ['enzyme-inducer', 'cns-depressant'] },
  { id: 'rifampin', name: 'rifampin', categories: ['enzyme-inducer'] },
  { id: 'sertraline', name: 'sertraline', categories: ['serotonergic'] },
  { id: 'fluoxetine', name: 'FLUoxetine', categories: ['serotonergic'] },
  { id: 'phenelzine', name: 'phenelzine', categories: ['maoi', 'serotonergic'] },
  { id: 'tranylcypromine', name: 'tranylcypromine', categories: ['maoi', 'serotonergic'] },
  { id: 'linezolid', name: 'linezolid', categories: ['maoi'] },
  { id: 'omeprazole', name: 'omeprazole', categories: ['cyp2c19-inhibitor'] },
]);
