/** Registers every drug class: the command line and the tests plan any drug without loading steps. */
import { antidepressantModule } from './classes/antidepressant.module.ts';
import { benzodiazepineModule } from './classes/benzodiazepine.module.ts';
import { labelledModule } from './classes/labelled.module.ts';
import { opioidModule } from './classes/opioid.module.ts';
import { registerClass } from './registry.ts';

for (const module of [opioidModule, benzodiazepineModule, antidepressantModule, labelledModule]) registerClass(module);
