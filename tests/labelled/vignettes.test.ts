import { describe, expect, it } from 'vitest';
import { codes, dailies, plan, starts } from '../antidepressants/helpers.ts';

describe('labelled restart vignettes', () => {
  it('1. clozapine 300 mg (150 mg twice daily) after 3 days → 12.5 mg, + 25 mg/day daily up to 300 mg', () => {
    const p = plan({ drug: 'clozapine', dose: 150, times: 2, restart: '2026-11-04' });
    expect(p.drugClass).toBe('labelled-restart');
    expect(p.displayName).toBe('cloZAPine');
    expect(p.decision?.action).toBe('retitrate');
    expect(p.steps[0]).toMatchObject({ start: '2026-11-04', dose: { amount: '12.5' }, timesPerDay: 1, makeUp: ['half of a 25 mg tablet (scored)'] });
    expect(dailies(p)[1]).toBe('37.5');
    expect(p.steps.at(-1)).toMatchObject({ dailyDose: { amount: '300' }, administrations: ['150', '150'] });
    expect(p.steps.at(-1)!.start).toBe('2026-11-16');
    expect(codes(p)).toContain('CLOZAPINE_RETITRATION');
    expect(p.warnings.find((w) => w.code === 'CLOZAPINE_RETITRATION')?.severity).toBe('critical');
    expect(p.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
  });

  it('2. clozapine after 1 day → resume the prior dose', () => {
    const p = plan({ drug: 'clozapine', dose: 150, times: 2, restart: '2026-11-02' });
    expect(p.decision?.action).toBe('resume');
    expect(dailies(p)).toEqual(['300']);
    expect(codes(p)).not.toContain('CLOZAPINE_RETITRATION');
  });

  it('3. clozapine 500 mg after a week: + 25/day to 300, then + 100 mg weekly', () => {
    const p = plan({ drug: 'clozapine', dose: 250, times: 2, restart: '2026-11-08' });
    const d = dailies(p);
    const i300 = d.indexOf('300');
    expect(d.slice(i300)).toEqual(['300', '400', '500']);
    const s = starts(p);
    expect(s[i300 + 1]).toBe('2026-11-27');
    expect(s[i300 + 2]).toBe('2026-12-04');
  });

  it('4. lamotrigine 200 mg after 10 days with valproate → 25 mg every other day for 2 weeks', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11', concurrent: ['valproate'] });
    expect(p.displayName).toBe('lamotrigine');
    expect(p.steps[0]).toMatchObject({ start: '2026-11-11', dose: { amount: '25' }, everyOtherDay: true });
    expect(p.steps[1]).toMatchObject({ start: '2026-11-25', dailyDose: { amount: '25' } });
    expect(p.steps[1]!.everyOtherDay).toBeUndefined();
    expect(dailies(p)).toEqual(['25', '25', '50', '75', '100', '125', '150', '175', '200']);
    expect(starts(p)[2]).toBe('2026-12-09');
    expect(codes(p)).toContain('LAMOTRIGINE_RETITRATION');
    expect(codes(p)).not.toContain('ABOVE_USUAL_MAINTENANCE');
    expect(p.derivation.join('\n')).toMatch(/every other day/);
    const high = plan({ drug: 'lamotrigine', dose: 150, times: 2, restart: '2026-11-11', concurrent: ['valproate'] });
    expect(codes(high)).toContain('ABOVE_USUAL_MAINTENANCE');
    expect(dailies(high).at(-1)).toBe('300');
  });

  it('5. lamotrigine 200 mg after 10 days, no interacting drugs → 25, 50, then + 50 every 2 weeks', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, times: 2, restart: '2026-11-11' });
    expect(dailies(p)).toEqual(['25', '50', '100', '150', '200']);
    expect(starts(p)).toEqual(['2026-11-11', '2026-11-25', '2026-12-09', '2026-12-23', '2027-01-06']);
  });

  it('6. lamotrigine 400 mg with carbamazepine (enzyme inducer) → 50, 100 in two doses, then + 100', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, times: 2, restart: '2026-11-20', concurrent: ['carbamazepine'] });
    expect(dailies(p)).toEqual(['50', '100', '200', '300', '400']);
    expect(p.steps[1]).toMatchObject({ timesPerDay: 2, administrations: ['50', '50'] });
  });

  it('7. lamotrigine after 4 days → resume (96 h ≤ 5 × 22.8 h); with phenytoin the shorter 13.5 h half-life re-titrates after 3 days', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-05' });
    expect(p.decision?.action).toBe('resume');
    const q = plan({ drug: 'lamotrigine', dose: 150, times: 2, restart: '2026-11-04', concurrent: ['phenytoin'] });
    expect(q.decision?.rule).toMatch(/72 h since the last dose > 5 × 13.5 h = 67.5 h/);
    expect(dailies(q)).toEqual(['50', '100', '200', '300']);
  });

  it('8. quetiapine 300 mg after 5 days → resume; after 8 days → re-titrate from 25 mg twice daily', () => {
    const a = plan({ drug: 'quetiapine', dose: 150, times: 2, restart: '2026-11-06' });
    expect(a.decision?.action).toBe('resume');
    const b = plan({ drug: 'quetiapine', dose: 150, times: 2, restart: '2026-11-09' });
    expect(b.decision?.action).toBe('retitrate');
    expect(b.steps[0]).toMatchObject({ administrations: ['25', '25'], dailyDose: { amount: '50' } });
    expect(dailies(b)).toEqual(['50', '100', '150', '200', '250', '300']);
    expect(starts(b)[1]).toBe('2026-11-10');
    expect(starts(b)[2]).toBe('2026-11-12');
    expect(codes(b)).toContain('QUETIAPINE_RETITRATION');
  });

  it('9. quetiapine exactly 1 week off (7 missed days) → re-titrate (conservative reading)', () => {
    const p = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-09' });
    expect(p.missedDays).toBe(7);
    expect(p.decision?.action).toBe('retitrate');
  });

  it('10. carbamazepine 800 mg after 5 days → 200 mg twice daily, + 200 weekly, with autoinduction warning', () => {
    const p = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-06' });
    expect(p.displayName).toBe('carBAMazepine');
    expect(dailies(p)).toEqual(['400', '600', '800']);
    expect(starts(p)).toEqual(['2026-11-06', '2026-11-13', '2026-11-20']);
    expect(p.warnings.find((w) => w.code === 'CARBAMAZEPINE_AUTOINDUCTION')?.severity).toBe('critical');
  });

  it('11. gabapentin 600 mg three times daily after 10 days → 300, 600, 900 on days 1–3, with opioid warning', () => {
    const p = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-11', concurrent: ['oxycodone'] });
    expect(dailies(p)).toEqual(['300', '600', '900', '1200', '1500', '1800']);
    expect(starts(p).slice(0, 4)).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-20']);
    expect(codes(p)).toEqual(expect.arrayContaining(['GABAPENTINOID_OPIOID', 'GABAPENTINOID_RESPIRATORY', 'GABAPENTINOID_MISUSE']));
    expect(p.warnings.find((w) => w.code === 'GABAPENTINOID_OPIOID')).toMatchObject({ severity: 'critical', sources: ['fda-gabapentinoid-2019'] });
  });

  it('12. pregabalin 150 mg twice daily after 5 days → 75 mg twice daily for a week, then 300 mg/day; 600 only 4 weeks later', () => {
    const high = plan({ drug: 'pregabalin', dose: 300, times: 2, restart: '2026-11-06' });
    expect(dailies(high)).toEqual(['150', '300', '600']);
    expect(starts(high)).toEqual(['2026-11-06', '2026-11-13', '2026-12-11']);
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-06', patient: { ageYears: 70 } });
    expect(dailies(p)).toEqual(['150', '300']);
    expect(p.steps[0]!.administrations).toEqual(['75', '75']);
    expect(codes(p)).toContain('GABAPENTINOID_RESPIRATORY');
  });

  it('13. gabapentin after 2 days → resume', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03' });
    expect(p.decision?.action).toBe('resume');
  });
});
