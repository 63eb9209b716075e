/**
 * Sources and engine assumptions added for the antidepressants work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [];

export const ASSUMPTIONS: readonly Assumption[] = [];
