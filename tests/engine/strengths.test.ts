import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { describeUnits, floorToStrengths, makeExactly, nextAbove } from '../../src/engine/strengths.ts';
import type { Strength } from '../../src/protocols/types.ts';

const oxycodone: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));
const morphine: Strength[] = [
  { amount: '15', scored: true },
  { amount: '30', scored: true },
];
const alprazolamLike: Strength[] = ['0.25', '0.5', '1', '2'].map((amount) => ({ amount, scored: true }));
const patches: Strength[] = ['12', '25', '37.5', '50', '62.5', '75', '87.5', '100'].map((amount) => ({ amount, scored: false }));

const amount = (made: { amount: { toFixed(): string } } | null) => made?.amount.toFixed() ?? null;

describe('floorToStrengths', () => {
  it('rounds down, never up', () => {
    expect(amount(floorToStrengths(new D('7.5'), oxycodone))).toBe('5');
    expect(amount(floorToStrengths(new D('9.99'), oxycodone))).toBe('5');
    expect(amount(floorToStrengths(new D('10'), oxycodone))).toBe('10');
    expect(amount(floorToStrengths(new D('27'), oxycodone))).toBe('25');
  });

  it('halves only scored tablets', () => {
    expect(amount(floorToStrengths(new D('7.5'), morphine))).toBe('7.5');
    expect(amount(floorToStrengths(new D('4'), oxycodone))).toBeNull();
    expect(amount(floorToStrengths(new D('0.125'), alprazolamLike))).toBe('0.125');
  });

  it('returns null below the smallest unit and for zero', () => {
    expect(floorToStrengths(new D('7'), morphine)).toBeNull();
    expect(floorToStrengths(new D('0'), oxycodone)).toBeNull();
  });

  it('uses at most one half per administration', () => {
    // 7.5 + 7.5 would need two halves: 15 is made as one whole 15 mg tablet instead.
    const made = floorToStrengths(new D('15'), morphine)!;
    expect(made.units).toEqual([{ strength: '15', count: 1, half: false }]);
    expect(amount(floorToStrengths(new D('22.5'), morphine))).toBe('22.5');
  });

  it('prefers the fewest units', () => {
    expect(floorToStrengths(new D('45'), oxycodone)!.units).toEqual([
      { strength: '30', count: 1, half: false },
      { strength: '15', count: 1, half: false },
    ]);
    expect(floorToStrengths(new D('150'), patches)!.units).toEqual([
      { strength: '100', count: 1, half: false },
      { strength: '50', count: 1, half: false },
    ]);
  });

  it('combines patch strengths to the largest rate at or below the ceiling', () => {
    expect(amount(floorToStrengths(new D('30'), patches))).toBe('25');
    expect(amount(floorToStrengths(new D('11'), patches))).toBeNull();
  });
});

describe('makeExactly and nextAbove', () => {
  it('makes real doses and refuses the rest', () => {
    expect(amount(makeExactly(new D('40'), oxycodone))).toBe('40');
    expect(makeExactly(new D('7'), oxycodone)).toBeNull();
    expect(makeExactly(new D('30'), patches)).toBeNull();
    expect(amount(makeExactly(new D('137.5'), patches))).toBe('137.5');
  });

  it('finds the next makeable dose above, within a cap', () => {
    expect(amount(nextAbove(new D('5'), new D('40'), oxycodone))).toBe('10');
    expect(amount(nextAbove(new D('0'), new D('40'), morphine))).toBe('7.5');
    expect(nextAbove(new D('40'), new D('40'), oxycodone)).toBeNull();
  });
});

describe('describeUnits', () => {
  it('writes units ISMP-safely (no "1/2")', () => {
    const made = floorToStrengths(new D('22.5'), morphine)!;
    const text = describeUnits(made.units, 'mg', 'tablet');
    expect(text).toBe('1 × 15 mg tablet + half of a 15 mg tablet (scored)');
    expect(text).not.toContain('1/2');
  });
});
