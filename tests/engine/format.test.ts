import { describe, expect, it } from 'vitest';
import { formatAmount, formatDose, formatFrequency, formatRegimen, formatUnit } from '../../src/engine/format.ts';

describe('ISMP-safe formatting', () => {
  it.each([
    ['1.0', '1'],
    ['1.50', '1.5'],
    ['.5', '0.5'],
    ['0.125', '0.125'],
    ['100000', '100,000'],
    ['1200.5', '1,200.5'],
    ['20', '20'],
    ['0', '0'],
  ])('formats %s as %s', (input, expected) => {
    expect(formatAmount(input)).toBe(expected);
  });

  it('never writes µg', () => {
    expect(formatUnit('µg')).toBe('mcg');
    expect(formatUnit('μg/h')).toBe('mcg/h');
    expect(formatDose({ amount: '25', unit: 'mcg/h' })).toBe('25 mcg/h');
  });

  it('puts a space between number and unit', () => {
    expect(formatDose({ amount: '10.0', unit: 'mg' })).toBe('10 mg');
  });

  it('spells frequencies out (no QD, BID, QID)', () => {
    expect(formatFrequency(1)).toBe('once daily');
    expect(formatFrequency(2)).toBe('twice daily');
    expect(formatFrequency(4)).toBe('four times daily');
    expect(formatFrequency(6)).toBe('6 times daily');
    expect(formatFrequency(1, true)).toBe('every other day');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(formatFrequency(n)).not.toMatch(/\b(QD|BID|TID|QID|q\.d\.)\b/i);
  });

  it('writes a regimen line, with uneven administrations shown one by one', () => {
    expect(formatRegimen('oxyCODONE', { amount: '5', unit: 'mg' }, 4, { amount: '20', unit: 'mg' })).toBe(
      'oxyCODONE 5 mg four times daily (20 mg daily)',
    );
    expect(
      formatRegimen('oxyCODONE', { amount: '10', unit: 'mg' }, 4, { amount: '25', unit: 'mg' }, ['10', '5', '5', '5']),
    ).toBe('oxyCODONE 10 mg + 5 mg + 5 mg + 5 mg a day in divided doses (25 mg daily)');
  });
});
