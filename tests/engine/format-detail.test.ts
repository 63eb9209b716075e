/**
 * ISMP dose display detail: thousands separators at every group, a sign only for a real negative,
 * the same text whether the amount comes as text or as a decimal, and regimen lines that spell out
 * even doses as a frequency and list uneven ones one by one.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { formatAmount, formatDose, formatRegimen } from '../../src/engine/format.ts';

describe('formatAmount', () => {
  it.each([
    ['1000000', '1,000,000'],
    ['1234567.5', '1,234,567.5'],
    ['100000', '100,000'],
    ['999', '999'],
    ['1000', '1,000'],
    ['-5', '-5'],
    ['-1250.5', '-1,250.5'],
    ['-0', '0'],
    ['0', '0'],
    ['0.50', '0.5'],
    ['.25', '0.25'],
  ])('writes %s as %s', (amount, text) => {
    expect(formatAmount(amount)).toBe(text);
  });

  it('writes a decimal value the same as its text, each time', () => {
    expect(formatAmount(new D('2500.50'))).toBe('2,500.5');
    expect(formatAmount(new D('2500.50'))).toBe('2,500.5');
    expect(formatAmount('2500.50')).toBe('2,500.5');
    expect(formatAmount(new D('-7.5'))).toBe('-7.5');
  });

  it('keeps formatting correctly after many different amounts', () => {
    for (let i = 0; i < 5100; i++) formatAmount(String(i));
    expect(formatAmount('5099')).toBe('5,099');
    expect(formatAmount('12.50')).toBe('12.5');
  });
});

describe('formatRegimen', () => {
  const oxy = (administrations?: string[], timesPerDay = 4, daily = '20') =>
    formatRegimen('oxyCODONE', { amount: '5', unit: 'mg' }, timesPerDay, { amount: daily, unit: 'mg' }, administrations);

  it('writes even administrations as a dose and a frequency', () => {
    expect(oxy(['5', '5', '5', '5'])).toBe('oxyCODONE 5 mg four times daily (20 mg daily)');
    expect(oxy()).toBe('oxyCODONE 5 mg four times daily (20 mg daily)');
    expect(oxy(['5'], 1, '5')).toBe('oxyCODONE 5 mg once daily (5 mg daily)');
  });

  it('lists uneven administrations one by one', () => {
    expect(oxy(['10', '5', '5'], 3, '20')).toBe('oxyCODONE 10 mg + 5 mg + 5 mg a day in divided doses (20 mg daily)');
  });

  it('writes a thousands separator in a daily total', () => {
    expect(formatDose({ amount: '1200', unit: 'mg' })).toBe('1,200 mg');
  });
});
