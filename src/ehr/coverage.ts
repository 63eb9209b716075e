/**
 * Days covered by dispensing, the way pharmacy adherence research counts them (proportion of days
 * covered, PDC): each fill covers its days' supply from the date it was handed over; a fill handed
 * over while earlier supply remains (an early refill, or the rest of a partial fill) starts the day
 * after that supply runs out, so overlapping days are carried forward, never counted twice. The break
 * starts on the first day no supply remains. See docs/ehr-integration.md (rule, sources, limits).
 */
import { addCalendarDays, calendarDaysBetween } from '../engine/dates.ts';
import type { Coverage, CoveredSpan, Fill } from './types.ts';

/**
 * Coverage of `fills` as of `asOf` (the restart date). Fills handed over on or after `asOf` are not
 * part of the history and are left out by the caller.
 */
export function coverageOf(fills: readonly Fill[], asOf: string): Coverage {
  // Same-day fills in a fixed order (shorter first), so the result never depends on the order given.
  const ordered = [...fills].filter((fill) => fill.days > 0).sort((a, b) => a.date.localeCompare(b.date) || a.days - b.days || a.from.localeCompare(b.from));
  const spans: CoveredSpan[] = [];
  let carried = 0;
  // The first day not covered yet (exclusive end of the current span).
  let nextUncovered: string | null = null;
  let spanStart: string | null = null;
  for (const fill of ordered) {
    let start = fill.date;
    if (nextUncovered !== null && fill.date < nextUncovered) {
      // Early refill or partial-fill completion: the new supply begins when the old runs out.
      carried += calendarDaysBetween(fill.date, nextUncovered);
      start = nextUncovered;
    } else if (nextUncovered !== null && fill.date > nextUncovered && spanStart !== null) {
      spans.push({ start: spanStart, end: addCalendarDays(nextUncovered, -1) });
      spanStart = null;
    }
    if (spanStart === null) spanStart = start;
    nextUncovered = addCalendarDays(start, fill.days);
  }
  if (spanStart === null || nextUncovered === null) {
    return { spans: [], lastCoveredDay: null, breakStart: null, finalSpanDays: 0, carriedForwardDays: 0, uncoveredDaysBefore: 0 };
  }
  const lastCoveredDay = addCalendarDays(nextUncovered, -1);
  spans.push({ start: spanStart, end: lastCoveredDay });
  return {
    spans,
    lastCoveredDay,
    breakStart: nextUncovered,
    finalSpanDays: calendarDaysBetween(spanStart, nextUncovered),
    carriedForwardDays: carried,
    uncoveredDaysBefore: Math.max(0, calendarDaysBetween(nextUncovered, asOf)),
  };
}

/** Proportion of days covered in [from, to] (inclusive), a figure for the derivation: covered days ÷ days. */
export function proportionOfDaysCovered(coverage: Coverage, from: string, to: string): { covered: number; days: number } {
  const days = calendarDaysBetween(from, to) + 1;
  let covered = 0;
  for (const span of coverage.spans) {
    const start = span.start > from ? span.start : from;
    const end = span.end < to ? span.end : to;
    if (end >= start) covered += calendarDaysBetween(start, end) + 1;
  }
  return { covered, days };
}
