/**
 * Tolerance framework: a class's anchors table (missed days → retained fraction, each sourced)
 * gives the share of the prior daily dose treated as still tolerated on the restart day.
 */
import type { Decimal } from 'decimal.js';
import type { ToleranceAnchor } from '../protocols/types.ts';
import { D } from './decimal.ts';
import type { ToleranceStatus } from './types.ts';

export interface RetainedFraction {
  readonly fraction: Decimal;
  readonly anchor: ToleranceAnchor;
}

/** Step function over the anchors: the row with the largest `fromMissedDays` not above `missedDays`. */
export function retainedFraction(anchors: readonly ToleranceAnchor[], missedDays: number): RetainedFraction {
  let chosen: ToleranceAnchor | undefined;
  for (const anchor of anchors) {
    if (anchor.fromMissedDays <= missedDays && (!chosen || anchor.fromMissedDays > chosen.fromMissedDays)) chosen = anchor;
  }
  if (!chosen) throw new Error('programmer error: anchors must start at 0 missed days');
  return { fraction: new D(chosen.retainedFraction.value), anchor: chosen };
}

export function toleranceStatus(fraction: Decimal): ToleranceStatus {
  if (fraction.gte(1)) return 'retained';
  if (fraction.lte(0)) return 'lost';
  return 'reduced';
}

/** The anchor row a plan reports: from how many missed days, its source id (or "engine assumption") and basis. */
export function anchorSummary(anchor: ToleranceAnchor): { fromMissedDays: number; source: string; basis: string } {
  const provenance = anchor.retainedFraction;
  return {
    fromMissedDays: anchor.fromMissedDays,
    source: 'source' in provenance ? provenance.source : 'engine assumption',
    basis: anchor.basis,
  };
}
