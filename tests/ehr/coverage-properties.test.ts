import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageOf, proportionOfDaysCovered } from '../../src/ehr/coverage.ts';
import { addCalendarDays, calendarDaysBetween } from '../../src/engine/dates.ts';

const START = '2024-01-01';
const fills = fc.array(fc.record({ offset: fc.integer({ min: 0, max: 700 }), days: fc.integer({ min: 1, max: 90 }) }), { minLength: 1, maxLength: 30 }).map((items) =>
  items.map((item, index) => ({ date: addCalendarDays(START, item.offset), days: item.days, from: `fill ${index}` })),
);
const asOf = addCalendarDays(START, 900);

describe('days covered: invariants over random fill histories', () => {
  it('every day of supply is counted exactly once (no overlap counted twice, none lost)', () => {
    fc.assert(
      fc.property(fills, (history) => {
        const coverage = coverageOf(history, asOf);
        const covered = coverage.spans.reduce((sum, span) => sum + calendarDaysBetween(span.start, span.end) + 1, 0);
        expect(covered).toBe(history.reduce((sum, fill) => sum + fill.days, 0));
      }),
    );
  });

  it('the order of the fills does not matter', () => {
    fc.assert(
      fc.property(fills, (history) => {
        expect(coverageOf([...history].reverse(), asOf)).toEqual(coverageOf(history, asOf));
      }),
    );
  });

  it('supply never ends before any fill has run its days, and the break starts the day after', () => {
    fc.assert(
      fc.property(fills, (history) => {
        const coverage = coverageOf(history, asOf);
        for (const fill of history) expect(coverage.lastCoveredDay! >= addCalendarDays(fill.date, fill.days - 1)).toBe(true);
        expect(coverage.breakStart).toBe(addCalendarDays(coverage.lastCoveredDay!, 1));
      }),
    );
  });

  it('spans are disjoint, ordered, separated by at least one uncovered day, and the final span is the prior duration', () => {
    fc.assert(
      fc.property(fills, (history) => {
        const { spans, finalSpanDays } = coverageOf(history, asOf);
        for (let i = 1; i < spans.length; i++) expect(calendarDaysBetween(spans[i - 1]!.end, spans[i]!.start)).toBeGreaterThan(1);
        const last = spans.at(-1)!;
        expect(finalSpanDays).toBe(calendarDaysBetween(last.start, last.end) + 1);
      }),
    );
  });

  it('an extra fill never makes the break start earlier (more supply is never a longer break)', () => {
    fc.assert(
      fc.property(fills, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 90 }), (history, offset, days) => {
        const before = coverageOf(history, asOf).breakStart!;
        const after = coverageOf([...history, { date: addCalendarDays(START, offset), days, from: 'extra' }], asOf).breakStart!;
        expect(after >= before).toBe(true);
      }),
    );
  });

  it('the proportion of days covered is between 0 and 1', () => {
    fc.assert(
      fc.property(fills, (history) => {
        const { covered, days } = proportionOfDaysCovered(coverageOf(history, asOf), START, asOf);
        expect(covered).toBeGreaterThanOrEqual(0);
        expect(covered).toBeLessThanOrEqual(days);
      }),
    );
  });
});
