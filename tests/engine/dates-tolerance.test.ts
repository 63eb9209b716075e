import { describe, expect, it } from 'vitest';
import { addCalendarDays, breakLength, parseCalendarDate } from '../../src/engine/dates.ts';
import { D } from '../../src/engine/decimal.ts';
import { retainedFraction, toleranceStatus } from '../../src/engine/tolerance.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';

describe('calendar arithmetic', () => {
  it('parses only real calendar dates', () => {
    expect(parseCalendarDate('2026-11-28')).not.toBeNull();
    expect(parseCalendarDate('2028-02-29')).not.toBeNull();
    expect(parseCalendarDate('2026-02-29')).toBeNull();
    expect(parseCalendarDate('2026-2-3')).toBeNull();
    expect(parseCalendarDate('28/11/2026')).toBeNull();
  });

  it('counts daysOff and missedDays as the model defines them', () => {
    expect(breakLength('2026-11-01', '2026-11-28')).toEqual({ daysOff: 27, missedDays: 26 });
    expect(breakLength('2026-11-28', '2026-11-28')).toEqual({ daysOff: 0, missedDays: 0 });
    expect(breakLength('2026-11-27', '2026-11-28')).toEqual({ daysOff: 1, missedDays: 0 });
    // Across a month end and a leap day.
    expect(breakLength('2028-02-27', '2028-03-02')).toEqual({ daysOff: 4, missedDays: 3 });
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('retained fraction from the opioid anchors', () => {
  it.each([
    [0, '1'],
    [1, '1'],
    [2, '1'],
    [3, '0.5'],
    [4, '0.5'],
    [5, '0'],
    [60, '0'],
  ])('missedDays %i → r = %s', (missed, expected) => {
    expect(retainedFraction(OPIOID_CLASS.anchors, missed).fraction.toFixed()).toBe(expected);
  });

  it('names the anchor row it used', () => {
    expect(retainedFraction(OPIOID_CLASS.anchors, 3).anchor.fromMissedDays).toBe(3);
  });

  it('maps r to a status', () => {
    expect(toleranceStatus(new D(1))).toBe('retained');
    expect(toleranceStatus(new D('0.5'))).toBe('reduced');
    expect(toleranceStatus(new D(0))).toBe('lost');
  });

  it('refuses an anchors table that does not start at 0 missed days (programmer error)', () => {
    expect(() => retainedFraction(OPIOID_CLASS.anchors.slice(1), 0)).toThrow(/programmer error/);
  });
});
