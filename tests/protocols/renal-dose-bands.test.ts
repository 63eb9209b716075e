/**
 * The gabapentinoid renal dose bands, pinned to their label tables: every band's lower clearance, whether that edge
 * belongs to the band below (the pregabalin label's bands share their edges, 30–60 and ≥ 60: a clearance exactly on
 * a shared edge takes the lower band, the conservative reading), its daily range and doses a day; and each band's
 * label and range appear in the source locator.
 */
import { describe, expect, it } from 'vitest';
import { LABELLED } from '../../src/protocols/labelled/index.ts';

interface Band {
  readonly fromCrCl: number;
  readonly fromExclusive?: boolean;
  readonly label: string;
  readonly minDaily: string;
  readonly maxDaily: string;
  readonly maxTimesPerDay: number;
}
const renal = (id: string) => {
  const drug = LABELLED.find((d) => d.id === id) as unknown as { renal: { bands: { value: readonly Band[]; source: string; locator: string }; hemodialysisSupplement: { value: string; source: string } } };
  return drug.renal;
};

describe('gabapentinoid renal bands', () => {
  it('gabapentin: Neurontin 2.3 table, closed lower edges', () => {
    const { bands, hemodialysisSupplement } = renal('gabapentin');
    expect(bands.source).toBe('label-neurontin');
    expect(bands.value).toEqual([
      { fromCrCl: 60, label: '≥ 60', minDaily: '900', maxDaily: '3600', maxTimesPerDay: 3 },
      { fromCrCl: 30, label: '30–59', minDaily: '400', maxDaily: '1400', maxTimesPerDay: 2 },
      { fromCrCl: 15, label: '15–29', minDaily: '200', maxDaily: '700', maxTimesPerDay: 1 },
      { fromCrCl: 0, label: '< 15', minDaily: '100', maxDaily: '300', maxTimesPerDay: 1 },
    ]);
    expect(hemodialysisSupplement).toMatchObject({ value: '125–350 mg', source: 'label-neurontin' });
  });

  it('pregabalin: Lyrica table, the shared edges 60 and 30 belong to the band below', () => {
    const { bands, hemodialysisSupplement } = renal('pregabalin');
    expect(bands.source).toBe('label-lyrica');
    expect(bands.value).toEqual([
      { fromCrCl: 60, fromExclusive: true, label: '≥ 60', minDaily: '150', maxDaily: '600', maxTimesPerDay: 3 },
      { fromCrCl: 30, fromExclusive: true, label: '30–60', minDaily: '75', maxDaily: '300', maxTimesPerDay: 3 },
      { fromCrCl: 15, label: '15–30', minDaily: '25', maxDaily: '150', maxTimesPerDay: 2 },
      { fromCrCl: 0, label: '< 15', minDaily: '25', maxDaily: '75', maxTimesPerDay: 1 },
    ]);
    expect(hemodialysisSupplement).toMatchObject({ value: '25–100 mg', source: 'label-lyrica' });
  });

  it('each band label and daily range is written in its locator', () => {
    for (const id of ['gabapentin', 'pregabalin']) {
      const { bands } = renal(id);
      for (const band of bands.value) expect(bands.locator, `${id} ${band.label}`).toContain(`${band.label}${band.label.startsWith('≥') ? ' mL/min' : ''} ${band.minDaily}–${band.maxDaily}`);
    }
  });
});
