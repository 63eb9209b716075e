/**
 * The protocol registry: every drug the engine can plan, by class, and the protocol version.
 * Data only.
 */
import { OPIOIDS } from './opioids/index.ts';
import type { OpioidDrug } from './opioids/types.ts';
import { ANTIDEPRESSANTS } from './antidepressants/index.ts';
import type { AntidepressantDrug } from './antidepressants/types.ts';
import { LABELLED } from './labelled/index.ts';
import type { LabelledDrug } from './labelled/types.ts';

/** Bump on any change to a clinical value; the date is when the data was last reviewed. */
export const PROTOCOL_VERSION = '2026.11.1';
export const PROTOCOL_DATE = '2026-11-28';

export type AnyDrug = OpioidDrug | AntidepressantDrug | LabelledDrug;

export const DRUGS: readonly AnyDrug[] = [...OPIOIDS, ...ANTIDEPRESSANTS, ...LABELLED];

export { SOURCES } from './sources.ts';
export { ASSUMPTIONS } from './assumptions.ts';
export { CONCURRENT_ONLY } from './concurrent.ts';
