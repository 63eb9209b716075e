/**
 * Which doses the real strengths of a product can make, and the largest one at or below a ceiling.
 *
 * A dose per administration is made of whole units (tablets, capsules, patches) plus at most one
 * half of a scored tablet. Among the ways to make an amount, the fewest units win, then no splitting.
 * Rounding is always down: the engine never gives more than the ceiling it computed.
 */
import type { Decimal } from 'decimal.js';
import type { FormulationBase, Strength } from '../protocols/types.ts';
import { D } from './decimal.ts';
import { formatAmount, formatLiquidDose } from './format.ts';

export interface UnitUse {
  /** Strength of the unit, decimal string in the product's unit. */
  readonly strength: string;
  readonly count: number;
  /** True for a half of a scored tablet (count is then 1). */
  readonly half: boolean;
}

/** A dose made of real units; `A` is its amount's type (a branded unit such as `Mg`, see units.ts; default a bare Decimal). */
export interface MadeDose<A extends Decimal = Decimal> {
  readonly amount: A;
  /** The amount as a plain decimal string. */
  readonly text: string;
  readonly units: readonly UnitUse[];
}

interface Lattice {
  readonly scale: number;
  readonly step: number;
  readonly limitCells: number;
  /** For each cell (amount = cell × step / scale): best [units, splits, from-cell, unit index] per half-count layer. */
  readonly best: readonly (readonly (Entry | undefined)[])[];
  readonly pieces: readonly { readonly size: number; readonly strength: string; readonly half: boolean }[];
  /** The largest amount the lattice covers with a cell to spare (reuse it for any limit up to this). */
  readonly limitAmount: Decimal;
  /** Largest reachable cell at or below each cell (-1: none). */
  readonly floorCell: Int32Array;
  /** Smallest reachable cell above each cell (-1: none). */
  readonly nextCell: Int32Array;
  /** Made doses, built on first use per cell. */
  readonly made: (MadeDose | null | undefined)[];
  /** makeExactly answers by amount text. */
  readonly exact: Map<string, MadeDose | null>;
  /** Amounts of whole numbers of cells. */
  readonly amounts: Map<number, Decimal>;
}

interface Entry {
  readonly units: number;
  readonly from: number;
  readonly piece: number;
}

const cache = new WeakMap<readonly Strength[], Lattice>();

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function buildLattice(strengths: readonly Strength[], limit: Decimal): Lattice {
  const halves = strengths.filter((s) => s.scored).map((s) => new D(s.amount).div(2).toFixed());
  const places = Math.max(0, ...strengths.map((s) => decimals(s.amount)), ...halves.map(decimals));
  const scale = 10 ** places;
  const pieces = [
    ...strengths.map((s) => ({ size: new D(s.amount).mul(scale).toNumber(), strength: new D(s.amount).toFixed(), half: false })),
    ...strengths
      .filter((s) => s.scored)
      .map((s) => ({ size: new D(s.amount).mul(scale).div(2).toNumber(), strength: new D(s.amount).toFixed(), half: true })),
  ].filter((p) => p.size > 0);
  if (pieces.length === 0) throw new Error('programmer error: a formulation without strengths');
  const step = pieces.reduce((g, p) => gcd(g, p.size), 0);
  const limitCells = Math.floor(limit.mul(scale).div(step).toNumber());
  // best[layer][cell]: layer 0 = no half used, layer 1 = one half used.
  const best: (Entry | undefined)[][] = [new Array(limitCells + 1), new Array(limitCells + 1)];
  best[0]![0] = { units: 0, from: -1, piece: -1 };
  for (let cell = 1; cell <= limitCells; cell++) {
    for (let layer = 0; layer < 2; layer++) {
      let chosen: Entry | undefined;
      for (let index = 0; index < pieces.length; index++) {
        const piece = pieces[index]!;
        if (piece.half !== (layer === 1) && piece.half) continue;
        const width = piece.size / step;
        if (width > cell) continue;
        const fromLayer = piece.half ? 0 : layer;
        const previous = best[fromLayer]![cell - width];
        if (!previous) continue;
        const units = previous.units + 1;
        if (!chosen || units < chosen.units) chosen = { units, from: cell - width, piece: index };
      }
      best[layer]![cell] = chosen;
    }
  }
  const reachable = (cell: number) => Boolean(best[0]![cell] || best[1]![cell]);
  const floorCell = new Int32Array(limitCells + 1).fill(-1);
  const nextCell = new Int32Array(limitCells + 1).fill(-1);
  for (let cell = 1, last = -1; cell <= limitCells; cell++) {
    if (reachable(cell)) last = cell;
    floorCell[cell] = last;
  }
  for (let cell = limitCells - 1, upcoming = -1; cell >= 0; cell--) {
    if (reachable(cell + 1)) upcoming = cell + 1;
    nextCell[cell] = upcoming;
  }
  return { scale, step, limitCells, limitAmount: new D((limitCells - 1) * step).div(scale), best, pieces, floorCell, nextCell, made: new Array(limitCells + 1), exact: new Map(), amounts: new Map() };
}

function latticeFor(strengths: readonly Strength[], limit: Decimal): Lattice {
  const cached = cache.get(strengths);
  if (cached && limit.lte(cached.limitAmount)) return cached;
  // Grow generously so repeated plans reuse one table.
  const grown = cached ? D.max(limit, new D(cached.limitCells * cached.step).div(cached.scale).mul(2)) : limit.mul(2);
  const lattice = buildLattice(strengths, grown);
  cache.set(strengths, lattice);
  return lattice;
}

function entryAt(lattice: Lattice, cell: number): { entry: Entry; layer: number } | null {
  const whole = lattice.best[0]![cell];
  const split = lattice.best[1]![cell];
  if (whole && (!split || whole.units <= split.units)) return { entry: whole, layer: 0 };
  if (split) return { entry: split, layer: 1 };
  return null;
}

function unitsOf(lattice: Lattice, cell: number, layer: number): UnitUse[] {
  const counts = new Map<string, UnitUse>();
  let current = cell;
  let currentLayer = layer;
  while (current > 0) {
    const entry = lattice.best[currentLayer]![current]!;
    const piece = lattice.pieces[entry.piece]!;
    const key = `${piece.strength}|${piece.half}`;
    const seen = counts.get(key);
    counts.set(key, { strength: piece.strength, half: piece.half, count: (seen?.count ?? 0) + 1 });
    if (piece.half) currentLayer = 0;
    current = entry.from;
  }
  return [...counts.values()].sort((a, b) => new D(b.strength).cmp(a.strength) || Number(a.half) - Number(b.half));
}

function madeAt(lattice: Lattice, cell: number): MadeDose | null {
  const memo = lattice.made[cell];
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (memo !== undefined) return memo;
  const found = entryAt(lattice, cell);
  let made: MadeDose | null = null;
  if (found) {
    const amount = new D(cell * lattice.step).div(lattice.scale);
    made = { amount, text: amount.toFixed(), units: unitsOf(lattice, cell, found.layer) };
  }
  lattice.made[cell] = made;
  return made;
}

/** The lattice cell at or below an amount. Amounts have few decimal places, so a float with a snap to the nearest integer is exact. */
// Decimal → number is a string round-trip; lattice amounts are reused objects, so cache by identity.
const numbers = new WeakMap<Decimal, number>();
function toNumber(amount: Decimal): number {
  let value = numbers.get(amount);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (value === undefined) numbers.set(amount, (value = amount.toNumber()));
  return value;
}

function cellOf(amount: Decimal, lattice: Lattice): number {
  const cells = (toNumber(amount) * lattice.scale) / lattice.step;
  const nearest = Math.round(cells);
  return Math.abs(cells - nearest) < 1e-9 ? nearest : Math.floor(cells);
}

/** The largest dose the strengths can make that is not above `ceiling`; null if even the smallest unit is above it. */
export function floorToStrengths<A extends Decimal = Decimal>(ceiling: A, strengths: readonly Strength[]): MadeDose<A> | null {
  if (ceiling.lte(0)) return null;
  const lattice = latticeFor(strengths, ceiling);
  const cell = lattice.floorCell[cellOf(ceiling, lattice)]!;
  return cell > 0 ? (madeAt(lattice, cell) as MadeDose<A> | null) : null;
}

/** The smallest dose the strengths can make that is strictly above `amount`, not above `cap`. */
export function nextAbove<A extends Decimal = Decimal>(amount: A, cap: NoInfer<A>, strengths: readonly Strength[]): MadeDose<A> | null {
  if (amount.gte(cap)) return null;
  const lattice = latticeFor(strengths, cap);
  const cell = lattice.nextCell[cellOf(amount, lattice)]!;
  return cell > 0 && cell <= cellOf(cap, lattice) ? (madeAt(lattice, cell) as MadeDose<A> | null) : null;
}

/** How to make exactly `amount`, or null when the strengths cannot make it. */
export function makeExactly<A extends Decimal = Decimal>(amount: A, strengths: readonly Strength[]): MadeDose<A> | null {
  if (amount.lte(0)) return null;
  const lattice = latticeFor(strengths, amount);
  const key = amount.toString();
  const memo = lattice.exact.get(key) as MadeDose<A> | null | undefined;
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (memo !== undefined) return memo;
  const cells = amount.mul(lattice.scale).div(lattice.step);
  const made = cells.isInteger() ? madeAt(lattice, cells.toNumber()) : null;
  lattice.exact.set(key, made);
  return made as MadeDose<A> | null;
}

const descriptions = new WeakMap<readonly UnitUse[], Map<string, string>>();

/** "1 × 10 mg tablet + 1 × 5 mg tablet", "half of a 10 mg tablet (scored)" (ISMP: no "1/2"). */
export function describeUnits(units: readonly UnitUse[], unit: string, unitForm: string): string {
  let byForm = descriptions.get(units);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (!byForm) descriptions.set(units, (byForm = new Map()));
  const key = `${unit}|${unitForm}`;
  const memo = byForm.get(key);
  // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
  if (memo !== undefined) return memo;
  const text = describeUncached(units, unit, unitForm);
  byForm.set(key, text);
  return text;
}

/**
 * How one administration is made up on a formulation: the units ("1 × 10 mg tablet"); for an oral liquid the dose in mg
 * with its volume ("5 mg (2.5 mL of 10 mg/5 mL)"); for strengths labelled in another salt (Xtampza ER) the label amount
 * with its equivalent ("1 × 9 mg capsule (oxyCODONE base; = 10 mg oxyCODONE HCl)").
 */
export function describeMakeUp(units: readonly UnitUse[], formulation: FormulationBase): string {
  const { liquid, labelledAs, unit, unitForm } = formulation;
  if (liquid) {
    const total = units.reduce((sum, use) => sum.add(new D(use.strength).mul(use.count).div(use.half ? 2 : 1)), new D(0));
    return formatLiquidDose(total, liquid, unit);
  }
  if (labelledAs) {
    return units
      .map((use) => {
        const label = formulation.strengths.find((s) => new D(s.amount).eq(use.strength))?.labelAmount;
        return label === undefined
          ? `${use.count} × ${formatAmount(use.strength)} ${unit} ${unitForm}`
          : `${use.count} × ${formatAmount(label)} ${unit} ${unitForm} (${labelledAs.labelIngredient}; = ${formatAmount(use.strength)} ${unit} ${labelledAs.amountIngredient})`;
      })
      .join(' + ');
  }
  return describeUnits(units, unit, unitForm);
}

function describeUncached(units: readonly UnitUse[], unit: string, unitForm: string): string {
  return units
    .map((use) =>
      use.half
        ? `half of a ${formatAmount(use.strength)} ${unit} ${unitForm} (scored)`
        : `${use.count} × ${formatAmount(use.strength)} ${unit} ${unitForm}`,
    )
    .join(' + ');
}

/**
 * Exact integer view of the doses a product can make: every makeable amount is a whole number of
 * cells (the greatest common step of the units), so a scheduler can add and compare cells exactly
 * and convert back to doses only at the edges.
 */
export interface DoseCells {
  /** The cell at or below an amount. */
  readonly cellAtOrBelow: (amount: Decimal) => number;
  /** The amount of a number of cells (any integer, makeable or not). */
  readonly amountOf: (cells: number) => Decimal;
  /** The largest makeable cell at or below `cell` (0 if none). */
  readonly floor: (cell: number) => number;
  /** The smallest makeable cell above `cell` and at most `cap` (-1 if none). */
  readonly next: (cell: number, cap: number) => number;
  /** How a makeable cell is made (throws on a programmer error). */
  readonly made: (cell: number) => MadeDose;
}

export function doseCells(strengths: readonly Strength[], limit: Decimal): DoseCells {
  const lattice = latticeFor(strengths, limit);
  return {
    cellAtOrBelow: (amount) => cellOf(amount, lattice),
    amountOf: (cells) => {
      let amount = lattice.amounts.get(cells);
      // Stryker disable next-line all: memo only; a cache miss recomputes the same value, so no output can change
      if (!amount) lattice.amounts.set(cells, (amount = new D(cells * lattice.step).div(lattice.scale)));
      return amount;
    },
    floor: (cell) => (cell <= 0 ? 0 : Math.max(0, lattice.floorCell[Math.min(cell, lattice.limitCells)]!)),
    next: (cell, cap) => {
      if (cell >= cap || cell >= lattice.limitCells) return -1;
      const found = lattice.nextCell[Math.max(0, cell)]!;
      return found > 0 && found <= cap ? found : -1;
    },
    made: (cell) => {
      const made = madeAt(lattice, cell);
      if (!made) throw new Error(`programmer error: cell ${cell} is not makeable`);
      return made;
    },
  };
}
