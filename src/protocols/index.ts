/**
 * The protocol registry: every drug the engine can plan, by class, and the protocol version.
 * Data only. The browser does not import this file (it loads each class on demand, see
 * src/engine/browser.ts); the command line and the tests do.
 */
import { OPIOIDS } from './opioids/index.ts';
import type { OpioidDrug } from './opioids/types.ts';
import { BENZODIAZEPINES } from './benzodiazepines/index.ts';
import type { BenzodiazepineDrug } from './benzodiazepines/types.ts';
import { ANTIDEPRESSANTS } from './antidepressants/index.ts';
import type { AntidepressantDrug } from './antidepressants/types.ts';
import { LABELLED } from './labelled/index.ts';
import type { LabelledDrug } from './labelled/types.ts';

export { PROTOCOL_DATE, PROTOCOL_VERSION } from './version.ts';

export type AnyDrug = OpioidDrug | BenzodiazepineDrug | AntidepressantDrug | LabelledDrug;

export const DRUGS: readonly AnyDrug[] = [...OPIOIDS, ...BENZODIAZEPINES, ...ANTIDEPRESSANTS, ...LABELLED];

export { SOURCES } from './sources.ts';
export { ASSUMPTIONS } from './assumptions.ts';
export { CONCURRENT_ONLY } from './concurrent.ts';
