/**
 * The engine for the browser: the same API, with drug classes loaded on demand so the first page
 * load carries no class's protocol data. Call `loadClassFor(drugId)` before planning that drug.
 */
import type { DrugClass } from '../protocols/types.ts';
import { catalogDrug, isClassLoaded, registerClass, type ClassModule } from './registry.ts';

export * from './api.ts';

const loaders: Record<DrugClass, () => Promise<ClassModule>> = {
  opioid: () => import('./classes/opioid.module.ts').then((m) => m.opioidModule),
  benzodiazepine: () => import('./classes/benzodiazepine.module.ts').then((m) => m.benzodiazepineModule),
  antidepressant: () => import('./classes/antidepressant.module.ts').then((m) => m.antidepressantModule),
  'labelled-restart': () => import('./classes/labelled.module.ts').then((m) => m.labelledModule),
};

/** True when the drug can be planned right now without loading anything. */
export function isReadyFor(drugId: string): boolean {
  const drug = catalogDrug(drugId);
  return drug ? isClassLoaded(drug.class) : true;
}

/** Loads (once) the class of a drug; resolves immediately for unknown ids (validation reports them). */
export async function loadClassFor(drugId: string): Promise<void> {
  const drug = catalogDrug(drugId);
  if (!drug || isClassLoaded(drug.class)) return;
  registerClass(await loaders[drug.class]());
}
