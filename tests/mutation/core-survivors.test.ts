/**
 * Behaviour the example tests did not pin, found by mutation testing of the engine core:
 * the plan's tolerance anchor, a step's display name for products outside the catalog, lattices over
 * non-binary decimals, administration order, the scheduler's admissibility hook and lattice boundaries.
 */
import { describe, expect, it } from 'vitest';
import { toPlanSteps } from '../../src/engine/classes/steps.ts';
import { D } from '../../src/engine/decimal.ts';
import { planRestart } from '../../src/engine/index.ts';
import { buildTitration } from '../../src/engine/schedule.ts';
import { doseCells, floorToStrengths, makeExactly } from '../../src/engine/strengths.ts';
import { anchorSummary, retainedFraction } from '../../src/engine/tolerance.ts';
import type { FormulationBase, Strength, ToleranceAnchor } from '../../src/protocols/types.ts';

const oxycodone: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));
const rule = { maxRiseFraction: new D('0.25'), intervalsDays: [3], description: 'test' };
const texts = (step: { administrations: readonly { text: string }[] }) => step.administrations.map((a) => a.text);

describe('the plan reports the tolerance anchor it used', () => {
  it('a sourced anchor: its row, source id and basis', () => {
    const result = planRestart({ drug: 'oxycodone', prior: { dose: '10', unit: 'mg', timesPerDay: 4 }, priorDurationDays: 90, lastDoseDate: '2026-11-24', restartDate: '2026-11-28' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.tolerance.anchor).toEqual({ fromMissedDays: 3, source: 'au-methadone-2003', basis: expect.stringMatching(/half/) });
  });

  it('an assumed anchor is reported as an engine assumption', () => {
    const anchor: ToleranceAnchor = { fromMissedDays: 9, retainedFraction: { value: '0.25', assumption: 'smallest-practical-rise' }, basis: 'washed out' };
    expect(anchorSummary(anchor)).toEqual({ fromMissedDays: 9, source: 'engine assumption', basis: 'washed out' });
  });

  it('when two rows start on the same day, the first listed wins', () => {
    const anchors: ToleranceAnchor[] = [
      { fromMissedDays: 0, retainedFraction: { value: '1', source: 'cdc-2022', locator: 'x' }, basis: 'a' },
      { fromMissedDays: 3, retainedFraction: { value: '0.5', source: 'cdc-2022', locator: 'x' }, basis: 'b' },
      { fromMissedDays: 3, retainedFraction: { value: '0.4', source: 'cdc-2022', locator: 'x' }, basis: 'c' },
    ];
    expect(retainedFraction(anchors, 4).fraction.toFixed()).toBe('0.5');
  });
});

describe('plan steps name their own product', () => {
  it('falls back to the drug id for a product outside the catalog', () => {
    const formulation: FormulationBase = {
      id: 'x', name: 'test tablet', route: 'oral', release: 'immediate', unitForm: 'tablet', unit: 'mg', strengths: oxycodone,
      strengthsSource: { source: 'cdc-2022', locator: 'x' }, maxTimesPerDay: { value: 4, source: 'cdc-2022', locator: 'x' }, maxSingleDose: { value: '100', source: 'cdc-2022', locator: 'x' },
    };
    const scheduled = buildTitration({ startDate: '2026-01-01', first: [new D(5)], firstRule: 'start', target: [new D(5)], rule, strengths: oxycodone });
    const [step] = toPlanSteps(scheduled, { drug: 'not-in-catalog', formulation });
    expect(step).toMatchObject({ displayName: 'not-in-catalog', formulationName: 'test tablet' });
  });
});

describe('lattices over decimals that are not binary fractions', () => {
  const tenths: Strength[] = [{ amount: '0.1', scored: false }, { amount: '0.25', scored: false }];
  it('makes and floors amounts exactly', () => {
    expect(makeExactly(new D('0.35'), tenths)?.text).toBe('0.35');
    expect(makeExactly(new D('0.2'), tenths)?.units).toEqual([{ strength: '0.1', count: 2, half: false }]);
    expect(floorToStrengths(new D('0.34'), tenths)?.text).toBe('0.3');
    expect(makeExactly(new D('0.05'), tenths)).toBeNull();
  });
});

describe('scheduler details', () => {
  it('orders each day’s administrations largest first, whatever order they come in', () => {
    const steps = buildTitration({ startDate: '2026-01-01', first: [new D(5), new D(10)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone });
    expect(texts(steps[0]!)).toEqual(['10', '5']);
  });

  it('leaves administrations not yet given out of the day', () => {
    const steps = buildTitration({ startDate: '2026-01-01', first: [new D(5)], firstRule: 'start', target: [new D(10), new D(10)], rule, strengths: oxycodone });
    expect(texts(steps[0]!)).toEqual(['5']);
    expect(steps[0]!.administrations).toHaveLength(1);
  });

  it('never produces a step the admissibility check rejects, and passes it only the doses given', () => {
    const seen: string[][] = [];
    const admissible = (amounts: readonly InstanceType<typeof D>[]) => {
      seen.push(amounts.map((a) => a.toFixed()));
      return amounts.every((a) => a.gt(0)) && amounts.reduce((s, a) => s.add(a), new D(0)).lte(25);
    };
    const steps = buildTitration({ startDate: '2026-01-01', first: [new D(5)], firstRule: 'start', target: [new D(10), new D(10), new D(10)], rule, strengths: oxycodone, admissible });
    expect(steps.map((s) => s.daily.toFixed())).toEqual(['5', '10', '15', '20', '25']);
    expect(seen.every((amounts) => amounts.every((a) => a !== '0'))).toBe(true);
  });

  it('stops at the last admissible step when even the smallest rise is rejected', () => {
    const admissible = (amounts: readonly InstanceType<typeof D>[]) => amounts.reduce((s, a) => s.add(a), new D(0)).lte(12);
    const steps = buildTitration({ startDate: '2026-01-01', first: [new D(10)], firstRule: 'start', target: [new D(30)], rule, strengths: oxycodone, admissible });
    expect(steps.map((s) => s.daily.toFixed())).toEqual(['10']);
  });
});

describe('dose cells at their boundaries', () => {
  // 10 and 15 mg tablets: cells of 5 mg; 5 mg itself cannot be made.
  const cells = doseCells([{ amount: '10', scored: false }, { amount: '15', scored: false }], new D(40));
  it('has no level above a cap it has reached, nor one beyond the cap', () => {
    expect(cells.next(2, 2)).toBe(-1);
    expect(cells.next(0, 1)).toBe(-1);
    expect(cells.next(0, 2)).toBe(2);
    expect(cells.next(2, 4)).toBe(3);
  });
  it('floors to the largest makeable cell, and to 0 below the smallest unit', () => {
    expect(cells.floor(0)).toBe(0);
    expect(cells.floor(-3)).toBe(0);
    expect(cells.floor(1)).toBe(0);
    expect(cells.floor(3)).toBe(3);
    expect(cells.amountOf(3).toFixed()).toBe('15');
  });
});

describe('the strength lattice', () => {
  it('allows at most one half a dose, even across different scored strengths', () => {
    // 12.5 mg would need half of a 10 mg and half of a 15 mg tablet.
    const scored: Strength[] = [{ amount: '10', scored: true }, { amount: '15', scored: true }];
    expect(makeExactly(new D('12.5'), scored)).toBeNull();
    expect(makeExactly(new D('17.5'), scored)?.units).toEqual([
      { strength: '15', count: 1, half: true },
      { strength: '10', count: 1, half: false },
    ]);
  });

  it('prefers the fewest units, even when that means halving a scored tablet', () => {
    const strengths: Strength[] = [{ amount: '20', scored: true }, { amount: '5', scored: false }];
    expect(makeExactly(new D('10'), strengths)?.units).toEqual([{ strength: '20', count: 1, half: true }]);
  });

  it('takes whole tablets when a split would use as many units', () => {
    const strengths: Strength[] = [{ amount: '10', scored: true }, { amount: '5', scored: false }];
    expect(makeExactly(new D('15'), strengths)?.units).toEqual([
      { strength: '10', count: 1, half: false },
      { strength: '5', count: 1, half: false },
    ]);
  });

  it('is exact for amounts whose binary value falls just short (0.57 × 100 = 56.999…)', () => {
    const hundredths: Strength[] = [{ amount: '0.01', scored: false }];
    expect(floorToStrengths(new D('0.57'), hundredths)?.text).toBe('0.57');
    expect(makeExactly(new D('0.29'), hundredths)?.text).toBe('0.29');
  });
});
