/**
 * Tolerance curves for the educator view: each class's retained-fraction anchors (missed days →
 * share of the prior daily dose still tolerated) with the provenance of every figure. Pure data
 * reshaping: the anchors are the same ones the planners use (OPIOID_CLASS.anchors; benzodiazepines
 * per drug from `benzodiazepineAnchors`, whose withdrawal window depends on the half-life). Imports the class
 * protocols, so load it lazily (the UI loads it with the chart).
 */
import { ASSUMPTIONS } from '../protocols/assumptions.ts';
import { BENZODIAZEPINES } from '../protocols/benzodiazepines/index.ts';
import { OPIOID_CLASS } from '../protocols/opioids/index.ts';
import { SOURCES } from '../protocols/sources.ts';
import type { DrugClass, Provenance, ToleranceAnchor } from '../protocols/types.ts';
import { benzodiazepineAnchors, withdrawalWindowFor } from './classes/benzodiazepine.ts';

/** Where a figure comes from: a cited source (with its locator) or an engine assumption. */
export type CurveProvenance =
  | { readonly kind: 'source'; readonly id: string; readonly title: string; readonly issuer: string; readonly year: number; readonly url: string; readonly locator: string }
  | { readonly kind: 'assumption'; readonly id: string; readonly statement: string };

export interface CurveAnchor {
  readonly fromMissedDays: number;
  /** Decimal string, e.g. "0.5". */
  readonly retainedFraction: string;
  /** What the source says at this point. */
  readonly basis: string;
  /** Provenance of the retained fraction. */
  readonly source: CurveProvenance;
  /** Provenance of the day the row starts, where it is computed (benzodiazepine withdrawal window: half-life and window length). */
  readonly daySources?: readonly CurveProvenance[];
}

export interface ToleranceCurve {
  readonly drugClass: DrugClass;
  /** Set when the curve is for one drug (benzodiazepines: the withdrawal window depends on its half-life). */
  readonly drug?: string;
  readonly displayName: string;
  readonly status: 'anchored' | 'not-applicable';
  /** Step function: each row holds from `fromMissedDays` until the next row. Empty when not applicable. */
  readonly anchors: readonly CurveAnchor[];
  /** Why there is no curve (not-applicable classes). */
  readonly note?: string;
}

export function provenanceOf(provenance: Provenance): CurveProvenance {
  if ('source' in provenance) {
    const source = SOURCES[provenance.source];
    return {
      kind: 'source',
      id: provenance.source,
      title: source?.title ?? provenance.source,
      issuer: source?.issuer ?? provenance.source,
      year: source?.year ?? 0,
      url: source?.url ?? '',
      locator: provenance.locator,
    };
  }
  return { kind: 'assumption', id: provenance.assumption, statement: ASSUMPTIONS[provenance.assumption]?.statement ?? provenance.assumption };
}

function rows(anchors: readonly ToleranceAnchor[]): CurveAnchor[] {
  return anchors.map((anchor) => ({
    fromMissedDays: anchor.fromMissedDays,
    retainedFraction: anchor.retainedFraction.value,
    basis: anchor.basis,
    source: provenanceOf(anchor.retainedFraction),
  }));
}

let cached: readonly ToleranceCurve[] | null = null;

/**
 * One curve for opioids (all full agonists), one per benzodiazepine / Z-drug, and a not-applicable
 * entry for antidepressants (restart rules depend on the drug, not on a retained fraction).
 */
export function toleranceCurves(): readonly ToleranceCurve[] {
  if (cached) return cached;
  const curves: ToleranceCurve[] = [
    { drugClass: 'opioid', displayName: 'Opioids (full agonists)', status: 'anchored', anchors: rows(OPIOID_CLASS.anchors) },
  ];
  for (const drug of BENZODIAZEPINES) {
    if (!drug.halfLifeHours && !drug.metaboliteHalfLifeHours) continue;
    const window = withdrawalWindowFor(drug);
    const anchors = rows(benzodiazepineAnchors(drug)).map((row) =>
      // The after-window row starts the day after the window, which the half-life group sets.
      row.fromMissedDays === window.lastMissedDay + 1
        ? { ...row, daySources: [provenanceOf(window.halfLife), provenanceOf(window.days)] }
        : row,
    );
    curves.push({ drugClass: 'benzodiazepine', drug: drug.id, displayName: drug.displayName, status: 'anchored', anchors });
  }
  curves.push({
    drugClass: 'antidepressant',
    displayName: 'Antidepressants',
    status: 'not-applicable',
    anchors: [],
    note: 'Antidepressants have no retained fraction: tolerance to their effect is not the risk. The restart rule depends on the drug and the length of the break (resume, or re-titrate from the starting dose).',
  });
  cached = curves;
  return curves;
}
