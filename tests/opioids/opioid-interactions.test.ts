/**
 * Opioid interactions of amendment A1: the protocol data pinned to its sources, and the pure functions every
 * opioid planner uses (MAOI contraindication, serotonin syndrome, tramadol seizure risk, CYP2D6 and CYP3A4).
 */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import {
  exposureChangeCap,
  interactionFindings,
  maoiContraindication,
} from '../../src/engine/classes/opioid-interactions.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import type { RestartRequest } from '../../src/engine/types.ts';
import { OPIOID_INTERACTIONS as I } from '../../src/protocols/opioids/interactions.ts';
import { CONCURRENT_ONLY } from '../../src/protocols/concurrent.ts';
import { BASE, restartAfter } from './helpers.ts';

function request(drug: string, concurrent: unknown[], extra: Record<string, unknown> = {}): RestartRequest {
  const validated = validateRequest({
    drug,
    formulation: drug === 'hydrocodone' ? 'apap' : 'ir',
    prior: { dose: { codeine: '30', morphine: '15', hydrocodone: '5', oxycodone: '10' }[drug] ?? '50', unit: 'mg', timesPerDay: 4 },
    ...BASE,
    restartDate: restartAfter(3),
    concurrent,
    ...extra,
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return validated.request;
}
const find = (r: RestartRequest, drug: string, code: string) => interactionFindings(r, drug).find((f) => f.code === code);

describe('interaction protocol data (amendment A1), pinned to its sources', () => {
  it('MAOI contraindication: tramadol, tapentadol, meperidine; 14 days (tramadol label 4); linezolid 24 hours (engine assumption)', () => {
    expect(I.maoiContraindicated).toMatchObject({ value: ['tramadol', 'tapentadol', 'meperidine'], source: 'label-tramadol-contraindications' });
    expect(I.maoiWindowDays).toMatchObject({ value: 14, source: 'label-tramadol-contraindications' });
    expect(I.reversibleMaoiWaitDays).toEqual({ value: 1, assumption: 'linezolid-opioid-24-hours' });
    expect(I.reversibleMaoiWarningDays).toEqual({ value: 14, assumption: 'linezolid-opioid-24-hours' });
    expect(I.maoiNotRecommended.source).toBe('label-methadone-maoi');
  });

  it('serotonin syndrome critical for tramadol, tapentadol, meperidine, methadone, fentanyl (FDA 2016)', () => {
    expect(I.serotoninCritical).toMatchObject({ value: ['tramadol', 'tapentadol', 'meperidine', 'methadone', 'fentanyl'], source: 'fda-opioid-safety-2016' });
    expect(I.serotoninAllOpioids.source).toBe('fda-opioid-safety-2016');
  });

  it('seizure risk: tramadol (MIMS); withdrawal window 28 days (engine assumption)', () => {
    expect(I.seizureRisk).toMatchObject({ value: ['tramadol'], source: 'mims-tramadol-interactions' });
    expect(I.seizureWithdrawalWindowDays).toEqual({ value: 28, assumption: 'tramadol-seizure-withdrawal-window' });
  });

  it('CYP2D6 prodrugs tramadol and codeine; CYP3A4 substrates; 14-day change window and 0.5 cap (engine assumptions)', () => {
    expect(I.cyp2d6Prodrugs).toMatchObject({ value: ['tramadol', 'codeine'], source: 'label-tramadol-apap-interactions' });
    expect(I.cyp3a4Substrates).toMatchObject({
      value: ['fentanyl', 'oxycodone', 'methadone', 'hydrocodone', 'tramadol', 'buprenorphine'],
      source: 'fentanyl-cyp3a4-labels',
    });
    expect(I.cypChangeWindowDays).toEqual({ value: 14, assumption: 'cyp-change-window-14-days' });
    expect(I.exposureCapFraction).toEqual({ value: '0.5', assumption: 'cyp-exposure-cap-half' });
  });

  it('concurrent-only interaction drugs name the source of their category', () => {
    const source = (id: string) => CONCURRENT_ONLY.find((d) => d.id === id)?.categorySource?.source;
    expect(source('clarithromycin')).toBe('fentanyl-cyp3a4-labels');
    expect(source('grapefruit-juice')).toBe('fentanyl-cyp3a4-labels');
    expect(source('rifampin')).toBe('fentanyl-cyp3a4-labels');
    expect(source('quinidine')).toBe('label-tramadol-apap-interactions');
    expect(source('selegiline')).toBe('nucynta-patient-info');
    expect(source('linezolid')).toBe('nucynta-patient-info');
    expect(source('ondansetron')).toBe('mims-tramadol-interactions');
    expect(source('st-johns-wort')).toBe('mims-tramadol-interactions');
    expect(source('haloperidol')).toBe('mims-tramadol-interactions');
  });
});

describe('maoiContraindication', () => {
  it('tramadol with phenelzine taken now: contraindicated, no earliest date, path of the MAOI', () => {
    const block = maoiContraindication(request('tramadol', ['sertraline', 'phenelzine']), 'tramadol')!;
    expect(block).toMatchObject({ code: 'MAOI_CONTRAINDICATED_OPIOID', path: 'concurrent.1' });
    expect(block.earliestPlanDate).toBeUndefined();
    expect(block.alternative).toContain('non-serotonergic opioid');
  });

  it('phenelzine stopped 5 days before the restart: earliest plan date = last dose + 14 days', () => {
    const r = request('tapentadol', [{ drug: 'phenelzine', stoppedOn: '2026-10-30' }]);
    expect(maoiContraindication(r, 'tapentadol')).toMatchObject({ earliestPlanDate: '2026-11-13' });
  });

  it('phenelzine stopped exactly 14 days before: no contraindication', () => {
    const r = request('tramadol', [{ drug: 'phenelzine', stoppedOn: '2026-10-21' }]);
    expect(maoiContraindication(r, 'tramadol')).toBeNull();
  });

  it('linezolid stopped the day before the restart: allowed (24 hours), serotonin syndrome critical', () => {
    const r = request('tramadol', [{ drug: 'linezolid', stoppedOn: '2026-11-03' }]);
    expect(maoiContraindication(r, 'tramadol')).toBeNull();
    expect(find(r, 'tramadol', 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('critical');
  });

  it('linezolid last dose on the restart date: earliest plan date is the next day', () => {
    const r = request('tramadol', [{ drug: 'linezolid', stoppedOn: '2026-11-04' }]);
    expect(maoiContraindication(r, 'tramadol')).toMatchObject({ earliestPlanDate: '2026-11-05' });
  });

  it('morphine with an MAOI is not contraindicated: MAOI_OPIOID_NOT_RECOMMENDED critical', () => {
    const r = request('morphine', ['selegiline']);
    expect(maoiContraindication(r, 'morphine')).toBeNull();
    expect(find(r, 'morphine', 'MAOI_OPIOID_NOT_RECOMMENDED')?.severity).toBe('critical');
  });

  it('the planner refuses: planRestart gives a plan-refused error and the refusal with its earliest date', () => {
    const result = planRestart({
      drug: 'tramadol', formulation: 'ir', prior: { dose: '50', unit: 'mg', timesPerDay: 4 }, ...BASE,
      restartDate: restartAfter(3), concurrent: [{ drug: 'phenelzine', stoppedOn: '2026-10-30' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: 'concurrent.0', code: 'plan-refused' });
    expect(result.refusal).toMatchObject({ code: 'MAOI_CONTRAINDICATED_OPIOID', earliestPlanDate: '2026-11-13', severity: 'block' });
    expect(result.refusal!.reasonSources).toContain('label-tramadol-contraindications');
  });
});

describe('serotonin syndrome and seizure findings', () => {
  it('critical for tramadol, warning for morphine, with sertraline', () => {
    expect(find(request('tramadol', ['sertraline']), 'tramadol', 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('critical');
    expect(find(request('morphine', ['sertraline']), 'morphine', 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('warning');
  });

  it('a drug listed as its own concurrent medicine is an input error (self-concurrent), never its own warning', () => {
    expect(() => request('tramadol', ['tramadol'])).toThrow(/self-concurrent/);
  });

  it('tramadol with sertraline: seizure warning; with bupropion or a seizure history: critical', () => {
    expect(find(request('tramadol', ['sertraline']), 'tramadol', 'TRAMADOL_SEIZURE_RISK')?.severity).toBe('warning');
    expect(find(request('tramadol', ['bupropion']), 'tramadol', 'TRAMADOL_SEIZURE_RISK')?.severity).toBe('critical');
    expect(find(request('tramadol', [], { patient: { seizureHistory: true } }), 'tramadol', 'TRAMADOL_SEIZURE_RISK')?.severity).toBe('critical');
    expect(find(request('tramadol', [{ drug: 'alprazolam', stoppedOn: '2026-10-25' }]), 'tramadol', 'TRAMADOL_SEIZURE_RISK')?.severity).toBe('critical');
  });
});

describe('CYP changes and the exposure cap', () => {
  it('clarithromycin started in the gap: CYP3A4 critical and a 0.5 cap for oxyCODONE', () => {
    const r = request('oxycodone', [{ drug: 'clarithromycin', startedOn: '2026-11-02' }]);
    expect(find(r, 'oxycodone', 'CYP3A4_INTERACTION')?.severity).toBe('critical');
    const cap = exposureChangeCap(r, 'oxycodone')!;
    expect(cap.fraction.toString()).toBe('0.5');
    expect(cap.codes).toEqual(['CYP3A4_INTERACTION']);
    expect(cap.reasons[0]).toContain('clarithromycin (concurrent.0)');
  });

  it.each(['fluconazole', 'voriconazole'])('%s (azole antifungal, A1 CYP3A4 inhibitors) started in the gap: CYP3A4 critical and a 0.5 cap for oxyCODONE', (azole) => {
    const r = request('oxycodone', [{ drug: azole, startedOn: '2026-11-02' }]);
    expect(find(r, 'oxycodone', 'CYP3A4_INTERACTION')?.severity).toBe('critical');
    expect(exposureChangeCap(r, 'oxycodone')!.reasons[0]).toContain(`(concurrent.0), a CYP3A4 inhibitor, started 2026-11-02`);
  });

  it('fluconazole and voriconazole are known concurrent drugs, sourced to a reference that names them', () => {
    for (const id of ['fluconazole', 'voriconazole']) {
      const entry = CONCURRENT_ONLY.find((d) => d.id === id)!;
      expect(entry.categories).toEqual(['cyp3a4-inhibitor']);
      expect(entry.categorySource).toMatchObject({ source: 'opioid-cyp3a4-antimicrobials' });
      expect(entry.categorySource!.locator).toContain(id === 'fluconazole' ? 'Fluconazole' : 'Voriconazole');
    }
  });

  it('clarithromycin taken through the break: warning, no cap', () => {
    const r = request('oxycodone', ['clarithromycin']);
    expect(find(r, 'oxycodone', 'CYP3A4_INTERACTION')?.severity).toBe('warning');
    expect(exposureChangeCap(r, 'oxycodone')).toBeNull();
  });

  it('rifampin stopped 10 days before the last dose: a change (14-day window); 20 days before: none', () => {
    expect(exposureChangeCap(request('hydrocodone', [{ drug: 'rifampin', stoppedOn: '2026-10-22' }]), 'hydrocodone')).not.toBeNull();
    expect(exposureChangeCap(request('hydrocodone', [{ drug: 'rifampin', stoppedOn: '2026-10-12' }]), 'hydrocodone')).toBeNull();
  });

  it('morphine is not a CYP3A4 substrate: no finding, no cap', () => {
    const r = request('morphine', [{ drug: 'clarithromycin', startedOn: '2026-11-02' }]);
    expect(find(r, 'morphine', 'CYP3A4_INTERACTION')).toBeUndefined();
    expect(exposureChangeCap(r, 'morphine')).toBeNull();
  });

  it('codeine: fluoxetine started → critical, no cap; fluoxetine stopped → critical and a cap', () => {
    const started = request('codeine', [{ drug: 'fluoxetine', startedOn: '2026-11-02' }]);
    expect(find(started, 'codeine', 'CYP2D6_INTERACTION')?.severity).toBe('critical');
    expect(exposureChangeCap(started, 'codeine')).toBeNull();
    const stopped = request('codeine', [{ drug: 'fluoxetine', stoppedOn: '2026-11-02' }]);
    expect(exposureChangeCap(stopped, 'codeine')?.codes).toEqual(['CYP2D6_INTERACTION']);
  });
});
