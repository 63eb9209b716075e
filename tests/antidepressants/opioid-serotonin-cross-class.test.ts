/**
 * Amendment A1 seen from the antidepressant plan: a concurrent opioid raises SEROTONIN_SYNDROME_RISK with the
 * same severity the opioid's own plan gives (critical for tramadol, tapentadol, meperidine, methadone, fentaNYL;
 * a warning for the others), and a planned MAOI with tramadol or tapentadol carries the opioid label's
 * contraindication as a critical warning. SEROTONIN_SYNDROME stays for non-opioid serotonergic co-medications.
 */
import { describe, expect, it } from 'vitest';
import { interactionFindings } from '../../src/engine/classes/opioid-interactions.ts';
import { validateRequest } from '../../src/engine/validate.ts';
import { OPIOID_INTERACTIONS as I } from '../../src/protocols/opioids/interactions.ts';
import { codes, plan, refusal, warning } from './helpers.ts';

const SEROTONERGIC_ADS = ['sertraline', 'venlafaxine', 'trazodone', 'mirtazapine', 'amitriptyline'];
const DOSE: Record<string, number> = { sertraline: 100, venlafaxine: 75, trazodone: 100, mirtazapine: 30, amitriptyline: 50 };
const ad = (drug: string, concurrent: string[]) => plan({ drug, dose: DOSE[drug]!, restart: '2026-11-03', concurrent });

/** The severity the opioid's own plan gives with this antidepressant (the shared A1 rule). */
function opioidSideSeverity(opioid: string, antidepressant: string) {
  const validated = validateRequest({
    drug: opioid,
    prior: { dose: { morphine: '15', oxycodone: '10' }[opioid] ?? '50', unit: 'mg', timesPerDay: 2 },
    priorDurationDays: 90,
    lastDoseDate: '2026-11-01',
    restartDate: '2026-11-03',
    indication: 'pain',
    concurrent: [antidepressant],
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return interactionFindings(validated.request, opioid).find((f) => f.code === 'SEROTONIN_SYNDROME_RISK')?.severity;
}

describe('antidepressant with a concurrent opioid: SEROTONIN_SYNDROME_RISK (amendment A1)', () => {
  it.each(SEROTONERGIC_ADS.flatMap((d) => ['tramadol', 'tapentadol', 'methadone', 'fentanyl'].map((o) => [d, o])))(
    '%s with %s: critical, the FDA 2016 source, and no SEROTONIN_SYNDROME for the opioid alone',
    (drug, opioid) => {
      const p = ad(drug, [opioid]);
      expect(warning(p, 'SEROTONIN_SYNDROME_RISK')).toMatchObject({ severity: 'critical', sources: ['fda-opioid-safety-2016', 'mims-tramadol-interactions'] });
      expect(codes(p)).not.toContain('SEROTONIN_SYNDROME');
    },
  );

  it.each(['oxycodone', 'morphine', 'hydromorphone', 'hydrocodone', 'codeine'])('sertraline with %s: a warning (all opioid labels)', (opioid) => {
    const p = ad('sertraline', [opioid]);
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('warning');
    expect(p.derivation.join('\n')).toContain('(all opioid labels carry the warning)');
  });

  it('the severity equals the one the opioid plan gives with the same antidepressant', () => {
    for (const opioid of ['tramadol', 'tapentadol', 'oxycodone', 'morphine']) {
      expect(warning(ad('sertraline', [opioid]), 'SEROTONIN_SYNDROME_RISK')?.severity, opioid).toBe(opioidSideSeverity(opioid, 'sertraline'));
    }
    expect(I.serotoninCritical.value).toEqual(expect.arrayContaining(['tramadol', 'tapentadol', 'meperidine', 'methadone', 'fentanyl']));
  });

  it('one opioid in the critical list makes it critical; the derivation names which', () => {
    const p = ad('sertraline', ['oxycodone', 'methadone']);
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('critical');
    expect(p.derivation.join('\n')).toContain(
      'Warning SEROTONIN_SYNDROME_RISK (critical): oxyCODONE (concurrent.0), methadone (concurrent.1) with the serotonergic sertraline (methadone: an opioid reported more often in serotonin syndrome: critical). [fda-opioid-safety-2016: ',
    );
  });

  it('an antidepressant or other serotonergic co-medication keeps SEROTONIN_SYNDROME beside the opioid code', () => {
    const p = ad('sertraline', ['lithium', 'tramadol']);
    expect(warning(p, 'SEROTONIN_SYNDROME')).toMatchObject({ severity: 'warning', sources: ['hunter-2003'] });
    expect(warning(p, 'SEROTONIN_SYNDROME')!.message).toMatch(/^sertraline with lithium: /);
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('critical');
  });

  it('a stopped opioid, or a non-serotonergic antidepressant (buPROPion), gives none', () => {
    expect(codes(plan({ drug: 'sertraline', dose: 100, restart: '2026-11-03', concurrent: [{ drug: 'tramadol', stoppedOn: '2026-10-20' }] }))).not.toContain('SEROTONIN_SYNDROME_RISK');
    expect(codes(plan({ drug: 'bupropion', formulation: 'xl', dose: 150, restart: '2026-11-03', concurrent: ['oxycodone'] }))).not.toContain('SEROTONIN_SYNDROME_RISK');
  });
});

describe('an MAOI planned with a concurrent opioid', () => {
  it.each(['tramadol', 'tapentadol'])('phenelzine with %s: refused for the washout, carrying the critical opioid contraindication', (opioid) => {
    const r = refusal({ drug: 'phenelzine', dose: 45, restart: '2026-11-03', concurrent: [opioid] });
    expect(r.code).toBe('MAOI_WASHOUT');
    const w = r.warnings.find((x) => x.code === 'MAOI_CONTRAINDICATED_OPIOID');
    expect(w).toMatchObject({ severity: 'critical', sources: ['label-tramadol-contraindications', 'nucynta-patient-info', 'mims-tramadol-interactions'] });
    expect(w!.message).toContain("label contraindicates it with an MAOI or within 14 days");
    expect(r.warnings.find((x) => x.code === 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('critical');
  });

  it('phenelzine with oxyCODONE: planned, with the critical "not recommended" of the opioid label', () => {
    const p = plan({ drug: 'phenelzine', dose: 45, restart: '2026-11-03', concurrent: ['oxycodone'] });
    expect(warning(p, 'MAOI_OPIOID_NOT_RECOMMENDED')).toMatchObject({ severity: 'critical', sources: ['label-methadone-maoi', 'fda-opioid-safety-2016'] });
    expect(warning(p, 'SEROTONIN_SYNDROME_RISK')?.severity).toBe('warning');
    expect(codes(p)).not.toContain('MAOI_CONTRAINDICATED_OPIOID');
  });
});
