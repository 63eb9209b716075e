/** Every register file's sources and assumptions, merged by sources.ts and assumptions.ts. */
import * as antidepressants from './antidepressants.ts';
import * as benzodiazepines from './benzodiazepines.ts';
import * as ehr from './ehr.ts';
import * as methadone from './methadone.ts';
import * as opioids from './opioids.ts';
import * as packageRegister from './package.ts';
import * as robustness from './robustness.ts';
import type { Assumption, Source } from '../types.ts';

const REGISTERS = [opioids, methadone, benzodiazepines, antidepressants, robustness, packageRegister, ehr];

export const EXTRA_SOURCES: readonly Source[] = REGISTERS.flatMap((register) => register.SOURCES);
export const EXTRA_ASSUMPTIONS: readonly Assumption[] = REGISTERS.flatMap((register) => register.ASSUMPTIONS);
