/**
 * Behaviour the mutation gate found untested in the step builder (end dates, make-up, checkpoint reasons),
 * calendar parsing, the tolerance anchor lookup and the dose lattice's edges.
 */
import { describe, expect, it } from 'vitest';
import { toPlanSteps } from '../../src/engine/classes/steps.ts';
import { addCalendarDays, breakLength, calendarDaysBetween, parseCalendarDate } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { buildTitration } from '../../src/engine/schedule.ts';
import { describeUnits, doseCells, floorToStrengths, makeExactly, nextAbove } from '../../src/engine/strengths.ts';
import { retainedFraction, toleranceStatus } from '../../src/engine/tolerance.ts';
import { OPIOIDS } from '../../src/protocols/opioids/index.ts';
import type { Strength, ToleranceAnchor } from '../../src/protocols/types.ts';

const morphineIr = OPIOIDS.find((d) => d.id === 'morphine')!.formulations.find((f) => f.id === 'ir')!;

describe('toPlanSteps', () => {
  // morphine IR (15 and 30 mg, scored): 7.5 × 2 → 15 × 2, 25% rule, 3-day steps.
  const scheduled = buildTitration({
    startDate: '2026-11-28',
    first: [new D('7.5'), new D('7.5')],
    firstRule: 'start',
    target: [new D(15), new D(15)],
    rule: { maxRiseFraction: new D('0.25'), intervalsDays: [3], description: 'test' },
    strengths: morphineIr.strengths,
  });

  it('gives each step an end date the day before the next starts, and none on the last (the target continues)', () => {
    const steps = toPlanSteps(scheduled, { drug: 'morphine', formulation: morphineIr });
    expect(steps.length).toBeGreaterThan(2);
    for (let i = 0; i < steps.length - 1; i++) expect(steps[i]!.end).toBe(addCalendarDays(steps[i + 1]!.start, -1));
    expect(steps[0]!.end).toBe('2026-11-30');
    expect(steps.at(-1)).not.toHaveProperty('end');
  });

  it('describes how every administration is made from real tablets', () => {
    const steps = toPlanSteps(scheduled, { drug: 'morphine', formulation: morphineIr });
    expect(steps[0]!.makeUp).toEqual(['half of a 15 mg tablet (scored)', 'half of a 15 mg tablet (scored)']);
    expect(steps.at(-1)!.makeUp).toEqual(['1 × 15 mg tablet', '1 × 15 mg tablet']);
    expect(steps[0]!.dose).toEqual({ amount: '7.5', unit: 'mg' });
    expect(steps[0]!.timesPerDay).toBe(2);
    expect(steps[0]!.dailyDose).toEqual({ amount: '15', unit: 'mg' });
  });

  it('marks checkpoints with their reason, and only those', () => {
    const steps = toPlanSteps(scheduled, {
      drug: 'morphine',
      formulation: morphineIr,
      checkpoint: (step, previous) => (previous && step.daily.gte(25) && previous.daily.lt(25) ? 'crosses 25 mg/day' : null),
    });
    const marked = steps.filter((s) => s.checkpoint);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.checkpointReason).toBe('crosses 25 mg/day');
    for (const s of steps.filter((x) => !x.checkpoint)) expect(s).not.toHaveProperty('checkpointReason');
  });

  it('adds the daily equivalent only when the class has one', () => {
    const plain = toPlanSteps(scheduled, { drug: 'morphine', formulation: morphineIr });
    expect(plain[0]).not.toHaveProperty('dailyEquivalent');
    const withMme = toPlanSteps(scheduled, { drug: 'morphine', formulation: morphineIr, equivalent: { unit: 'MME', of: (d) => d.mul(1) } });
    expect(withMme[0]!.dailyEquivalent).toEqual({ amount: '15', unit: 'MME' });
  });
});

describe('calendar dates', () => {
  it('accepts only real yyyy-MM-dd dates', () => {
    expect(parseCalendarDate('2026-02-28')).not.toBeNull();
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('2026-2-28')).toBeNull();
    expect(parseCalendarDate('20260228')).toBeNull(); // parseISO would accept the basic format
    expect(parseCalendarDate('2026-02-28T10:00')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull(); // no month 13 (parseISO gives an invalid date)
    expect(parseCalendarDate('2026-00-10')).toBeNull();
    // the same answers on a second (memoised) call
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('20260228')).toBeNull();
  });

  it('counts calendar days across month and year ends, and refuses unvalidated dates', () => {
    expect(calendarDaysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(breakLength('2026-11-01', '2026-11-01')).toEqual({ daysOff: 0, missedDays: 0 });
    expect(breakLength('2026-11-01', '2026-11-02')).toEqual({ daysOff: 1, missedDays: 0 });
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow('programmer error: unvalidated date 2026-02-30');
  });
});

describe('tolerance anchors', () => {
  const anchor = (fromMissedDays: number, value: string): ToleranceAnchor => ({
    fromMissedDays,
    retainedFraction: { value, assumption: 'test' } as unknown as ToleranceAnchor['retainedFraction'],
    basis: 'test',
  });
  // given out of order on purpose: the lookup must not depend on the order of the table
  const anchors = [anchor(7, '0'), anchor(0, '1'), anchor(3, '0.5')];

  it('takes the anchor with the largest start not above the missed days', () => {
    expect(retainedFraction(anchors, 0).fraction.toFixed()).toBe('1');
    expect(retainedFraction(anchors, 2).fraction.toFixed()).toBe('1');
    expect(retainedFraction(anchors, 3).fraction.toFixed()).toBe('0.5');
    expect(retainedFraction(anchors, 6).anchor.fromMissedDays).toBe(3);
    expect(retainedFraction(anchors, 30).fraction.toFixed()).toBe('0');
    expect(retainedFraction([anchor(7, '0'), anchor(3, '0.5'), anchor(0, '1')], 5).fraction.toFixed()).toBe('0.5');
  });

  it('names the status from the fraction', () => {
    expect(toleranceStatus(new D(1))).toBe('retained');
    expect(toleranceStatus(new D('0.5'))).toBe('reduced');
    expect(toleranceStatus(new D(0))).toBe('lost');
  });
});

describe('dose lattice edges', () => {
  const quarterScored: Strength[] = [
    { amount: '0.25', scored: true },
    { amount: '1', scored: false },
  ];
  const oxycodone: Strength[] = [5, 10, 15, 20, 30].map((n) => ({ amount: String(n), scored: false }));

  it('works in the smallest decimal place the strengths and their halves need', () => {
    // halves of 0.25 are 0.125 (3 decimal places); 1 mg tablets are not scored, so 0.5 is two quarter tablets.
    expect(floorToStrengths(new D('0.2'), quarterScored)!.text).toBe('0.125');
    expect(floorToStrengths(new D('0.4'), quarterScored)!.text).toBe('0.375');
    expect(floorToStrengths(new D('0.4'), quarterScored)!.units).toEqual([
      { strength: '0.25', count: 1, half: false },
      { strength: '0.25', count: 1, half: true },
    ]);
    expect(makeExactly(new D('1.125'), quarterScored)!.units).toEqual([
      { strength: '1', count: 1, half: false },
      { strength: '0.25', count: 1, half: true },
    ]);
    expect(makeExactly(new D('0.1'), quarterScored)).toBeNull();
    expect(makeExactly(new D('0'), quarterScored)).toBeNull();
    expect(makeExactly(new D('-1'), quarterScored)).toBeNull();
  });

  it('never halves an unscored tablet', () => {
    expect(floorToStrengths(new D('0.9'), [{ amount: '1', scored: false }])).toBeNull();
    expect(floorToStrengths(new D('0.5'), [{ amount: '1', scored: true }])!.units).toEqual([{ strength: '1', count: 1, half: true }]);
  });

  it('answers the same after the table has grown for a larger dose', () => {
    const strengths: Strength[] = [{ amount: '2', scored: true }];
    expect(floorToStrengths(new D('3.5'), strengths)!.text).toBe('3');
    expect(floorToStrengths(new D('41'), strengths)!.text).toBe('41');
    expect(floorToStrengths(new D('3.5'), strengths)!.text).toBe('3');
    expect(nextAbove(new D('3'), new D('100'), strengths)!.text).toBe('4');
    expect(nextAbove(new D('99'), new D('100'), strengths)!.text).toBe('100');
  });

  it('nextAbove stays within the cap and refuses when nothing fits', () => {
    expect(nextAbove(new D('10'), new D('14'), oxycodone)).toBeNull();
    expect(nextAbove(new D('10'), new D('15'), oxycodone)!.text).toBe('15');
    expect(nextAbove(new D('15'), new D('15'), oxycodone)).toBeNull();
    expect(floorToStrengths(new D('-5'), oxycodone)).toBeNull();
    expect(floorToStrengths(new D('4.99'), oxycodone)).toBeNull();
    expect(floorToStrengths(new D('5'), oxycodone)!.text).toBe('5');
  });

  it('doseCells: floor, next and made agree with the strengths', () => {
    const cells = doseCells(oxycodone, new D(60));
    const c10 = cells.cellAtOrBelow(new D(10));
    expect(cells.amountOf(c10).toFixed()).toBe('10');
    expect(cells.cellAtOrBelow(new D('12.5'))).toBe(c10); // rounds down to a cell
    expect(cells.floor(0)).toBe(0);
    expect(cells.floor(-3)).toBe(0);
    expect(cells.amountOf(cells.floor(cells.cellAtOrBelow(new D(4)))).toFixed()).toBe('0');
    expect(cells.next(c10, c10)).toBe(-1);
    expect(cells.amountOf(cells.next(c10, cells.cellAtOrBelow(new D(60)))).toFixed()).toBe('15');
    expect(cells.next(cells.cellAtOrBelow(new D(15)), cells.cellAtOrBelow(new D(19)))).toBe(-1);
    expect(cells.made(c10).units).toEqual([{ strength: '10', count: 1, half: false }]);
    // 12 and 25 microgram/h patches: 13 is a whole cell of the lattice (gcd 1) but no patch combination makes it
    const patches = doseCells([{ amount: '12', scored: false }, { amount: '25', scored: false }], new D(50));
    expect(patches.made(patches.cellAtOrBelow(new D(37))).text).toBe('37');
    expect(() => patches.made(patches.cellAtOrBelow(new D(13)))).toThrow('programmer error: cell 13 is not makeable');
  });

  it('describes units once per unit and form', () => {
    const made = floorToStrengths(new D(45), oxycodone)!;
    expect(describeUnits(made.units, 'mg', 'tablet')).toBe('1 × 30 mg tablet + 1 × 15 mg tablet');
    expect(describeUnits(made.units, 'mg', 'capsule')).toBe('1 × 30 mg capsule + 1 × 15 mg capsule');
    expect(describeUnits(made.units, 'mg', 'tablet')).toBe('1 × 30 mg tablet + 1 × 15 mg tablet');
  });
});
