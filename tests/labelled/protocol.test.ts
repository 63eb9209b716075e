import { describe, expect, it } from 'vitest';
import { LABELLED } from '../../src/protocols/labelled/index.ts';

const byId = (id: string) => {
  const drug = LABELLED.find((d) => d.id === id);
  if (!drug) throw new Error(id);
  return drug;
};

describe('labelled restart rules', () => {
  it('clozapine: 2 days or more → 12.5 mg once, + 25 mg/day daily to 300, then + 100 weekly, max 900', () => {
    const c = byId('clozapine');
    expect(c.threshold).toMatchObject({ kind: 'daysOff-at-least', value: { value: 2, source: 'label-clozaril' } });
    const s = c.schedules[0]!;
    expect(s.stages.value).toEqual([{ days: 1, daily: '12.5', timesPerDay: 1 }]);
    expect(s.phases.map((p) => [p.daily.value, p.intervalDays.value, p.upTo?.value])).toEqual([['25', 1, '300'], ['100', 7, undefined]]);
    expect(c.maxDailyDose.value).toBe('900');
    expect(c.formulations[0]!.strengths.find((x) => x.amount === '25')?.scored).toBe(true);
    expect(c.displayName).toBe('cloZAPine');
  });

  it('lamotrigine: the Lamictal Table 1 escalations, with 2-week steps (the longer of 1–2 weeks)', () => {
    const l = byId('lamotrigine');
    expect(l.threshold).toMatchObject({ kind: 'half-lives-more-than', value: { value: 5, source: 'label-lamictal' }, halfLifeHours: { value: '22.8' } });
    const s = Object.fromEntries(l.schedules.map((x) => [x.id, x]));
    expect(s.valproate!.stages.value).toEqual([{ days: 14, daily: '25', timesPerDay: 1, everyOtherDay: true }, { days: 14, daily: '25', timesPerDay: 1 }]);
    expect(s.valproate!.phases[0]!.daily.value).toBe('25');
    expect(s.standard!.stages.value).toEqual([{ days: 14, daily: '25', timesPerDay: 1 }, { days: 14, daily: '50', timesPerDay: 1 }]);
    expect(s.standard!.phases[0]!.daily.value).toBe('50');
    expect(s.inducer!.stages.value).toEqual([{ days: 14, daily: '50', timesPerDay: 1 }, { days: 14, daily: '100', timesPerDay: 2 }]);
    expect(s.inducer!.phases[0]!.daily.value).toBe('100');
    for (const x of l.schedules) expect(x.phases[0]!.intervalDays.value).toBe(14);
  });

  it('quetiapine, carbamazepine, gabapentin and pregabalin', () => {
    expect(byId('quetiapine').threshold).toMatchObject({ kind: 'daysOff-at-least', value: { value: 7, source: 'label-seroquel' } });
    expect(byId('carbamazepine').schedules[0]!.stages.value).toEqual([{ days: 7, daily: '400', timesPerDay: 2 }]);
    expect(byId('carbamazepine').schedules[0]!.phases[0]!.daily).toMatchObject({ value: '200', source: 'label-tegretol' });
    expect(byId('carbamazepine').interactionCategories).toContain('enzyme-inducer');
    const gaba = byId('gabapentin').schedules[0]!;
    expect(gaba.stages.value.map((x) => x.daily)).toEqual(['300', '600', '900']);
    expect(gaba.stages).toMatchObject({ source: 'label-neurontin' });
    expect(byId('gabapentin').interactionCategories).toEqual(['gabapentinoid', 'cns-depressant']);
    expect(byId('pregabalin').schedules[0]!.stages.value).toEqual([{ days: 7, daily: '150', timesPerDay: 2 }]);
    expect(byId('pregabalin').maxDailyDose.value).toBe('600');
  });

  it('uses Tall Man names only where ISMP lists them (carBAMazepine: ISMP Table 2, checked 2026-11-28)', () => {
    expect(Object.fromEntries(LABELLED.map((d) => [d.id, d.displayName]))).toEqual({
      clozapine: 'cloZAPine', lamotrigine: 'lamotrigine', quetiapine: 'QUEtiapine', carbamazepine: 'carBAMazepine', gabapentin: 'gabapentin', pregabalin: 'pregabalin',
    });
    for (const d of LABELLED) if (d.displayName !== d.genericName) expect(d.displayNameSource?.source).toBe('ismp-tall-man-2023');
  });

  it('lamotrigine uses the shorter half-life with an enzyme inducer', () => {
    expect(byId('lamotrigine').threshold.halfLifeWithInducerHours).toMatchObject({ value: '13.5', source: 'label-lamictal' });
  });
});
