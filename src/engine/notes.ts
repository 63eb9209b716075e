/**
 * Collects what a plan says about itself while a class planner works: the numbered derivation,
 * the sources and engine assumptions it used, and its warnings. Local to one plan computation.
 */
import { ASSUMPTIONS } from '../protocols/assumptions.ts';
import { SOURCES } from '../protocols/sources.ts';
import { PROTOCOL_DATE, PROTOCOL_VERSION } from '../protocols/version.ts';
import type { Provenance } from '../protocols/types.ts';
import type { Amount, DoseUnit, EquivalentUnit, PlanAssumption, PlanRefusal, PlanSource, PlanWarning, PriorComponent, RestartPlan, RestartRequest, Severity } from './types.ts';
import type { Decimal } from 'decimal.js';
import { decimalString } from './decimal.ts';
import { ENGINE_VERSION } from './version.ts';

// Provenance objects are frozen protocol data with stable identity: their tags are built once.
const tags = new WeakMap<Provenance, string>();

export class PlanNotes {
  private readonly lines: string[] = [];
  private readonly sourceIds = new Set<string>();
  private readonly assumptionIds = new Set<string>();
  private readonly warningList: PlanWarning[] = [];

  /** Registers a value's provenance and returns a short tag for the derivation: "[cdc-2022: …]". */
  cite(provenance: Provenance): string {
    const cached = tags.get(provenance);
    if ('source' in provenance) {
      if (!SOURCES[provenance.source]) throw new Error(`programmer error: unknown source ${provenance.source}`);
      this.sourceIds.add(provenance.source);
    } else {
      if (!ASSUMPTIONS[provenance.assumption]) throw new Error(`programmer error: unknown assumption ${provenance.assumption}`);
      this.assumptionIds.add(provenance.assumption);
    }
    // Stryker disable next-line ConditionalExpression: memo only; a cache miss rebuilds the same tag, so no output can change
    if (cached !== undefined) return cached;
    const tag = 'source' in provenance ? `[${provenance.source}: ${provenance.locator}]` : `[engine assumption: ${provenance.assumption}]`;
    // Stryker disable next-line ConditionalExpression: memo only; caching or not caching a tag cannot change any tag
    if (Object.isFrozen(provenance)) tags.set(provenance, tag);
    return tag;
  }

  /** Uses an engine assumption without a value attached to it. */
  assume(assumptionId: string): string {
    return this.cite({ assumption: assumptionId });
  }

  /** Adds a line of working; provenance tags are appended. */
  line(text: string, ...provenance: readonly Provenance[]): void {
    const tags = [...new Set(provenance.map((p) => this.cite(p)))];
    this.lines.push(tags.length ? `${text} ${tags.join(' ')}` : text);
  }

  warn(code: string, severity: Severity, message: string, sources: readonly string[]): void {
    if (this.warningList.some((w) => w.code === code)) return;
    for (const id of sources) {
      if (!SOURCES[id]) throw new Error(`programmer error: unknown source ${id}`);
      this.sourceIds.add(id);
    }
    this.warningList.push({ code, severity, message, sources });
  }

  hasWarning(code: string): boolean {
    return this.warningList.some((w) => w.code === code);
  }

  /**
   * Ends the plan as a refusal (a labelled contraindication, severity BLOCK): no steps, the reason with its
   * sources, and the working and warnings gathered so far.
   */
  refuse(refusal: Omit<PlanRefusal, 'refused' | 'severity' | 'derivation' | 'assumptions' | 'assumptionDetails' | 'sources' | 'version' | 'warnings'>): PlanRefusal {
    for (const id of refusal.reasonSources) {
      if (!SOURCES[id]) throw new Error(`programmer error: unknown source ${id}`);
      this.sourceIds.add(id);
    }
    const { warnings, derivation, assumptions, assumptionDetails, sources, version } = this.finish({} as Parameters<PlanNotes['finish']>[0]);
    return { refused: true, severity: 'block', ...refusal, warnings, derivation, assumptions, assumptionDetails, sources, version };
  }

  /** Fills in derivation numbering, sources, assumptions and versions. */
  finish(plan: Omit<RestartPlan, 'derivation' | 'assumptions' | 'assumptionDetails' | 'sources' | 'version' | 'warnings'>): RestartPlan {
    // The registry entries are frozen, so the plan can share them rather than copy them.
    const assumptionDetails: PlanAssumption[] = [...this.assumptionIds].map((id) => ASSUMPTIONS[id]!);
    const sources: PlanSource[] = [...this.sourceIds].map((id) => SOURCES[id]!);
    const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
    const warnings = [...this.warningList].sort((a, b) => order[a.severity] - order[b.severity]);
    return {
      ...plan,
      warnings,
      derivation: this.lines.map((text, index) => `${index + 1}. ${text}`),
      assumptions: assumptionDetails.map((a) => a.statement),
      assumptionDetails,
      sources,
      version: { engine: ENGINE_VERSION, protocols: PROTOCOL_VERSION, protocolsDate: PROTOCOL_DATE },
    };
  }
}

/**
 * The one-medicine `prior.components` entry of a plan whose class takes no `additionalPrior` (methadone,
 * sublingual buprenorphine, antidepressants, labelled restart rules), so every plan lists its prior regimen the
 * same way (issue 13). Here rather than in a module of its own: every planner already loads this one.
 */
export function singlePriorComponent(
  request: RestartRequest,
  product: { readonly drugId: string; readonly displayName: string; readonly formulationId: string; readonly formulationName: string; readonly unit: DoseUnit },
  priorDaily: Decimal,
  equivalent?: { readonly daily: Amount<EquivalentUnit>; readonly factor: { readonly value: string; readonly per: string; readonly source: string } },
): PriorComponent {
  return {
    path: 'prior',
    drug: product.drugId,
    formulation: product.formulationId,
    displayName: product.displayName,
    formulationName: product.formulationName,
    dose: { amount: decimalString(request.prior.dose.amount), unit: product.unit },
    timesPerDay: request.prior.timesPerDay,
    asNeeded: request.prior.asNeeded,
    dailyDose: { amount: decimalString(priorDaily), unit: product.unit },
    ...(equivalent ? { dailyEquivalent: equivalent.daily, equivalentFactor: equivalent.factor } : {}),
  };
}
