/**
 * A planner phase's result: its value and the derivation lines that explain it (text plus the provenance
 * of every number in it). The planner writes the lines into the plan's notes in phase order, so each rule
 * reads in one place (docs/clinical-model.md, "Show the working").
 */
import type { Provenance } from '../../protocols/types.ts';
import type { PlanNotes } from '../notes.ts';

export interface DerivationLine {
  readonly text: string;
  readonly provenance: readonly Provenance[];
}

export interface Phase<T> {
  readonly value: T;
  readonly lines: readonly DerivationLine[];
}

/** Collects a phase's derivation lines. */
export class PhaseLines {
  readonly lines: DerivationLine[] = [];

  line(text: string, ...provenance: readonly Provenance[]): void {
    this.lines.push({ text, provenance });
  }

  done<T>(value: T): Phase<T> {
    return { value, lines: this.lines };
  }
}

/** Writes a phase's lines into the notes and returns its value. */
export function record<T>(notes: PlanNotes, phase: Phase<T>): T {
  for (const l of phase.lines) notes.line(l.text, ...l.provenance);
  return phase.value;
}
