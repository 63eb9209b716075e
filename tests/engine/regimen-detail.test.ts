/** evenRegimen: the largest even regimen of real strengths under a daily cap and a per-dose cap. */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/engine/decimal.ts';
import { evenRegimen, sum } from '../../src/engine/regimen.ts';

const OXY_IR = { strengths: ['5', '10', '15', '20', '30'].map((amount) => ({ amount, scored: false })) };
const regimen = (daily: string, dose: string, times: number) => evenRegimen(new D(daily), new D(dose), times, OXY_IR)?.map((d) => d.toFixed()) ?? null;

describe('evenRegimen', () => {
  it('gives nothing when either cap is zero or negative', () => {
    expect(regimen('0', '10', 4)).toBeNull();
    expect(regimen('40', '0', 4)).toBeNull();
    expect(regimen('-5', '10', 4)).toBeNull();
    expect(regimen('40', '-10', 4)).toBeNull();
  });

  it('gives nothing when not even the smallest tablet fits', () => {
    expect(regimen('4', '10', 4)).toBeNull();
  });

  it('divides the daily cap evenly over the administrations, under the per-dose cap', () => {
    expect(regimen('40', '10', 4)).toEqual(['10', '10', '10', '10']);
    expect(regimen('40', '5', 4)).toEqual(['5', '5', '5', '5']);
    expect(regimen('12', '30', 4)).toEqual(['5', '5']);
    expect(sum([new D('2.5'), new D('5')]).toFixed()).toBe('7.5');
  });
});
