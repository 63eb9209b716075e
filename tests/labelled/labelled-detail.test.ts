/**
 * Detail of the labelled-restart planner (restart model section 6): the derivation a pharmacist reads
 * (target, label threshold with its arithmetic, schedule choice, stage and rise rules, each step), each
 * threshold exactly at and one day either side of the label's limit, the cap at the labelled maximum,
 * and every warning's code, severity, sources and key facts.
 * Last dose is 2026-11-01 throughout (helpers' default): restart 2026-11-0N means daysOff = N − 1.
 */
import { describe, expect, it } from 'vitest';
import type { RestartPlan } from '../../src/engine/types.ts';
import { codes, dailies, plan } from '../antidepressants/helpers.ts';

/** The derivation line containing `text` (without its "N. " number), or fail. */
function line(p: RestartPlan, text: string): string {
  const found = p.derivation.find((l) => l.includes(text));
  if (!found) throw new Error(`no derivation line contains ${JSON.stringify(text)}:\n${p.derivation.join('\n')}`);
  return found.replace(/^\d+\. /, '');
}
const hasLine = (p: RestartPlan, text: string) => p.derivation.some((l) => l.includes(text));
const warning = (p: RestartPlan, code: string) => {
  const found = p.warnings.find((w) => w.code === code);
  if (!found) throw new Error(`no warning ${code}: ${codes(p).join(', ')}`);
  return found;
};

describe('derivation: target and the labelled maximum', () => {
  it('states that the drug has a labelled restart rule (the decision, not a tolerance rule)', () => {
    const p = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-03' });
    expect(line(p, 'labelled restart rule')).toMatch(/resume the prior dose or follow the label's titration again; no daily equivalent is computed\./);
    expect(p.derivation.join('\n')).not.toMatch(/tolerance/i);
  });

  it('below the maximum: the target is the prior regimen, with the labelled maximum cited', () => {
    const p = plan({ drug: 'clozapine', dose: 150, times: 2, restart: '2026-11-02' });
    expect(line(p, 'Target (last step)')).toBe('Target (last step): the prior regimen, 300 mg daily (labelled maximum 900 mg). [label-clozaril: 2.2: maximum 900 mg/day]');
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
    expect(p.prior).toEqual({ dailyDose: { amount: '300', unit: 'mg' }, components: [expect.objectContaining({ path: 'prior', dailyDose: { amount: '300', unit: 'mg' } })] });
    expect(p.prior.components![0]).not.toHaveProperty('dailyEquivalent');
  });

  it('exactly at the maximum (clozapine 450 mg twice daily = 900 mg) is not capped', () => {
    const p = plan({ drug: 'clozapine', dose: 450, times: 2, restart: '2026-11-02' });
    expect(line(p, 'Target (last step)')).toMatch(/the prior regimen, 900 mg daily \(labelled maximum 900 mg\)/);
    expect(codes(p)).not.toContain('DOSE_ABOVE_LABEL_MAX');
    expect(p.steps[0]!.rule).toBe('resume the prior dose');
  });

  it('above the maximum and resumed: the plan stops at 900 mg, says so, and warns (DOSE_ABOVE_LABEL_MAX)', () => {
    const p = plan({ drug: 'clozapine', dose: 500, times: 2, restart: '2026-11-02' });
    expect(p.decision?.action).toBe('resume');
    expect(p.prior).toEqual({ dailyDose: { amount: '1000', unit: 'mg' }, components: [expect.objectContaining({ path: 'prior', dailyDose: { amount: '1000', unit: 'mg' } })] });
    expect(p.prior.components![0]).not.toHaveProperty('dailyEquivalent');
    expect(line(p, 'above the labelled maximum')).toBe('The prior 1,000 mg daily is above the labelled maximum 900 mg: the target is capped at 900 mg daily. [label-clozaril: 2.2: maximum 900 mg/day]');
    expect(hasLine(p, 'Target (last step)')).toBe(false);
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]).toMatchObject({ dailyDose: { amount: '900', unit: 'mg' }, administrations: ['450', '450'], rule: 'prior dose capped at the labelled maximum' });
    expect(p.warnings.filter((w) => w.code !== 'CLOZAPINE_ANC_CONTINUE')).toEqual([
      { code: 'DOSE_ABOVE_LABEL_MAX', severity: 'warning', message: 'The prior dose was above the labelled maximum; the plan stops at 900 mg daily.', sources: ['label-clozaril'] },
    ]);
  });

  it('above the maximum and re-titrated: the titration ends at the labelled maximum', () => {
    const p = plan({ drug: 'clozapine', dose: 500, times: 2, restart: '2026-11-04' });
    expect(p.decision?.action).toBe('retitrate');
    expect(p.steps.at(-1)).toMatchObject({ dailyDose: { amount: '900' }, rule: 'reaches the labelled maximum (prior dose capped)' });
    expect(warning(p, 'DOSE_ABOVE_LABEL_MAX').message).toMatch(/stops at 900 mg daily/);
    expect(warning(p, 'CLOZAPINE_RETITRATION').severity).toBe('critical');
  });

  it('pregabalin above 600 mg/day is capped at 600 with the Lyrica label as source', () => {
    const p = plan({ drug: 'pregabalin', dose: 300, times: 3, restart: '2026-11-02' });
    expect(dailies(p)).toEqual(['600']);
    expect(warning(p, 'DOSE_ABOVE_LABEL_MAX')).toMatchObject({ severity: 'warning', sources: ['label-lyrica'] });
  });
});

describe('the label threshold, exactly at and either side of it', () => {
  it('clozapine (2 days or more since the last dose): 1 day → resume, 2 days → re-titrate', () => {
    const rule = 'the label re-initiates cloZAPine at 12.5 mg when it is 2 days or more since the last dose';
    const resume = plan({ drug: 'clozapine', dose: 100, restart: '2026-11-02' });
    expect(resume.decision).toEqual({ action: 'resume', rule: `${rule}: daysOff 1 < 2` });
    expect(line(resume, 'Decision:')).toMatch(/^Decision: RESUME — the label re-initiates cloZAPine .*: daysOff 1 < 2\. \[label-clozaril: 2\.5 Re-initiation/);
    expect(resume.tolerance).toEqual({ retainedFraction: '1', status: 'not-applicable' });
    expect(codes(resume)).toEqual(['CLOZAPINE_ANC_CONTINUE']);

    const at = plan({ drug: 'clozapine', dose: 100, restart: '2026-11-03' });
    expect(at.daysOff).toBe(2);
    expect(at.decision).toEqual({ action: 'retitrate', rule: `${rule}: daysOff 2 ≥ 2` });
    expect(line(at, 'Decision:')).toMatch(/^Decision: RE-TITRATE — the label re-initiates cloZAPine .*: daysOff 2 ≥ 2\./);
    expect(at.tolerance).toEqual({ retainedFraction: '0', status: 'not-applicable' });
  });

  it('quetiapine (re-titrate from 1 week since the last dose): daysOff 6 → resume, daysOff 7 → re-titrate', () => {
    const six = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-07' });
    expect(six.daysOff).toBe(6);
    expect(six.decision?.action).toBe('resume');
    expect(six.decision?.rule).toMatch(/exactly 1 week is counted as re-titrate\): daysOff 6 < 7$/);
    expect(line(six, 'Decision:')).toMatch(/^Decision: RESUME — .*daysOff 6 < 7\./);
    const seven = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-08' });
    expect(seven.decision?.rule).toMatch(/: daysOff 7 ≥ 7$/);
    expect(line(seven, 'Decision:')).toMatch(/^Decision: RE-TITRATE — .*daysOff 7 ≥ 7\./);
  });

  it('carbamazepine (more than 2 missed days): 2 → resume, 3 → re-titrate', () => {
    const two = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-04' });
    expect(two.missedDays).toBe(2);
    expect(two.decision?.action).toBe('resume');
    expect(two.decision?.rule).toMatch(/\(engine assumption\): missedDays 2 ≤ 2$/);
    expect(dailies(two)).toEqual(['800']);
    const three = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-05' });
    expect(three.decision?.action).toBe('retitrate');
    expect(three.decision?.rule).toMatch(/: missedDays 3 > 2$/);
    expect(dailies(three)).toEqual(['400', '600', '800']);
  });

  it('gabapentin (more than 2 missed days): 2 → resume, 3 → re-titrate from 300 mg', () => {
    const two = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-04' });
    expect(two.decision?.action).toBe('resume');
    expect(two.steps[0]!.rule).toBe('resume the prior dose');
    const three = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-05' });
    expect(three.decision?.action).toBe('retitrate');
    expect(dailies(three)).toEqual(['300', '600', '900']);
  });

  it('lamotrigine (more than 5 half-lives of 22.8 h = 114 h): 4 days (96 h) → resume, 5 days (120 h) → re-titrate', () => {
    const four = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-05' });
    expect(four.decision?.rule).toBe(
      'the label restarts the initial titration after more than 5 half-lives off lamotrigine: 96 h since the last dose ≤ 5 × 22.8 h = 114 h (the shorter half-life is used: a shorter half-life makes re-titration happen sooner, the safer reading)',
    );
    expect(line(four, 'Decision:')).toMatch(/^Decision: RESUME — /);
    const five = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-06' });
    expect(five.decision?.action).toBe('retitrate');
    expect(five.decision?.rule).toMatch(/: 120 h since the last dose > 5 × 22\.8 h = 114 h \(the shorter half-life is used:/);
  });

  it('lamotrigine with an enzyme inducer uses 13.5 h (67.5 h): 2 days (48 h) → resume, 3 days → re-titrate', () => {
    const two = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-03', concurrent: ['phenytoin'] });
    expect(two.decision?.action).toBe('resume');
    expect(two.decision?.rule).toMatch(/: 48 h since the last dose ≤ 5 × 13\.5 h = 67\.5 h \(half-life with an enzyme inducer: a shorter half-life/);
    const three = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-04', concurrent: ['phenytoin'] });
    expect(three.decision?.action).toBe('retitrate');
    // Without the inducer the same 3-day break is well inside 5 × 22.8 h.
    expect(plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-04' }).decision?.action).toBe('resume');
  });
});

describe('which label schedule, and why', () => {
  it('a drug with one schedule uses it and names it', () => {
    const p = plan({ drug: 'clozapine', dose: 150, times: 2, restart: '2026-11-04', concurrent: ['valproate'] });
    expect(line(p, 'Label schedule:')).toBe('Label schedule: label initial titration. [label-clozaril: 2.5 Re-initiation: 12.5 mg once or twice daily (once taken, the lower)]');
  });

  it('lamotrigine with valproate: the valproate schedule, naming valproate', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, restart: '2026-11-11', concurrent: ['valproate'] });
    expect(line(p, 'Label schedule:')).toMatch(/^Label schedule: taking valproate \(concurrent valproate \(divalproex, valproic acid\)\)\. \[label-lamictal: /);
  });

  it('lamotrigine with valproate and an inducer: valproate wins (the slowest schedule)', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, restart: '2026-11-11', concurrent: ['phenytoin', 'valproate'] });
    expect(line(p, 'Label schedule:')).toMatch(/^Label schedule: taking valproate \(concurrent valproate/);
    expect(p.steps[0]).toMatchObject({ dose: { amount: '25' }, everyOtherDay: true });
  });

  it('lamotrigine with two enzyme inducers: the inducer schedule naming both', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11', concurrent: ['phenytoin', 'rifampin'] });
    expect(line(p, 'Label schedule:')).toMatch(/^Label schedule: taking an enzyme inducer \(carbamazepine, phenytoin, phenobarbital, primidone\) and not valproate \(concurrent enzyme inducer phenytoin, rifampin and no valproate\)\./);
    expect(dailies(p)).toEqual(['50', '100', '200']);
  });

  it('lamotrigine with a non-interacting concurrent drug: the standard schedule', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11', concurrent: ['alcohol'] });
    expect(line(p, 'Label schedule:')).toBe(
      'Label schedule: taking neither valproate nor an enzyme inducer. [label-lamictal: 2.2 Table 1: escalation regimen for LAMICTAL in patients older than 12 years with epilepsy, patients not taking carbamazepine, phenytoin, phenobarbital, primidone or valproate: weeks 1–2 25 mg every day; weeks 3–4 50 mg/day]',
    );
    expect(dailies(p)).toEqual(['25', '50', '100', '150', '200']);
  });

  it('the label re-titration note is shown (clozapine may return faster if tolerated); quetiapine has none', () => {
    const p = plan({ drug: 'clozapine', dose: 150, times: 2, restart: '2026-11-04' });
    expect(line(p, 'The label allows returning')).toMatch(/more quickly than the initial titration .*conservative ceiling\. \[label-clozaril: 2\.5 Re-initiation\]$/);
    const lam = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11' });
    expect(line(lam, 'Do not restart lamotrigine')).toMatch(/because of a rash/);
    const q = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-09' });
    expect(q.derivation.filter((l) => /^\d+\. (Label schedule|Then|Step|Warning|Decision|Target|This drug|Prior|Last dose)/.test(l))).toHaveLength(q.derivation.length);
  });
});

describe('usual maintenance with valproate (ABOVE_USUAL_MAINTENANCE)', () => {
  it('a 300 mg target with valproate is above the usual 200 mg: warning with the figures and the Lamictal source', () => {
    const p = plan({ drug: 'lamotrigine', dose: 150, times: 2, restart: '2026-11-11', concurrent: ['valproate'] });
    const w = warning(p, 'ABOVE_USUAL_MAINTENANCE');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['label-lamictal']);
    expect(w.message).toMatch(/^The target 300 mg daily is above the label's usual maintenance of up to 200 mg daily taking valproate: /);
    expect(w.message).toMatch(/consider a level before the last steps/);
    expect(line(p, 'Warning ABOVE_USUAL_MAINTENANCE')).toMatch(/^Warning ABOVE_USUAL_MAINTENANCE: target above 200 mg daily taking valproate\. \[label-lamictal: .*usual maintenance 100–200 mg\/day/);
  });

  it('exactly 200 mg with valproate is not above the usual maintenance', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, times: 2, restart: '2026-11-11', concurrent: ['valproate'] });
    expect(codes(p)).not.toContain('ABOVE_USUAL_MAINTENANCE');
    expect(hasLine(p, 'ABOVE_USUAL_MAINTENANCE')).toBe(false);
  });
});

describe('stage and rise rules, and each step in the derivation', () => {
  it('lamotrigine with valproate: every-other-day stage, daily stage, then + 25 mg/day every 14 days', () => {
    const p = plan({ drug: 'lamotrigine', dose: 100, restart: '2026-11-11', concurrent: ['valproate'] });
    expect(p.steps[0]!.rule).toBe('label stage 1: 25 mg every other day for 14 days');
    expect(p.steps[1]!.rule).toBe('label stage 2: 25 mg daily for 14 days');
    expect(p.steps[2]!.rule).toBe('label rise of + 25 mg/day every 14 days, rounded down to real strengths');
    expect(p.steps.at(-1)!.rule).toBe('reaches the prior dose (the target)');
    expect(line(p, 'Then +')).toMatch(/^Then \+ 25 mg\/day no sooner than every 14 days\. \[label-lamictal: .*25 taken\)\] \[label-lamictal: .*2 weeks taken\)\]$/);
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-11: 25 mg every other day (label stage 1: 25 mg every other day for 14 days).');
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-11-25: 25 mg = 25 mg daily (label stage 2: 25 mg daily for 14 days).');
    expect(line(p, 'Every-other-day steps')).toBe('Every-other-day steps: dailyDose is the amount on a dosing day; nothing is taken on the days between.');
    expect(p.steps.filter((s) => s.everyOtherDay)).toHaveLength(1);
  });

  it('no every-other-day note when no step is every other day', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11' });
    expect(hasLine(p, 'Every-other-day')).toBe(false);
    expect(p.steps.some((s) => s.everyOtherDay)).toBe(false);
  });

  it('lamotrigine with an inducer: the second stage is 100 mg in 2 doses', () => {
    const p = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11', concurrent: ['phenytoin'] });
    expect(p.steps[0]!.rule).toBe('label stage 1: 50 mg daily for 14 days');
    expect(p.steps[1]!.rule).toBe('label stage 2: 100 mg daily in 2 doses for 14 days');
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-11-25: 50 mg + 50 mg = 100 mg daily (label stage 2: 100 mg daily in 2 doses for 14 days).');
  });

  it('gabapentin: 1-day stages of 300, 600 in 2 doses, then 900 in 3 doses for 7 days, then + 300 weekly', () => {
    const p = plan({ drug: 'gabapentin', dose: 600, times: 3, restart: '2026-11-11' });
    expect(p.steps.slice(0, 3).map((s) => s.rule)).toEqual([
      'label stage 1: 300 mg daily for 1 day',
      'label stage 2: 600 mg daily in 2 doses for 1 day',
      'label stage 3: 900 mg daily in 3 doses for 7 days',
    ]);
    expect(p.steps[3]!.rule).toBe('label rise of + 300 mg/day every 7 days, rounded down to real strengths');
    expect(line(p, 'Then +')).toBe('Then + 300 mg/day no sooner than every 7 days. [engine assumption: gabapentinoid-step-weekly]');
  });

  it('clozapine: 12.5 mg for 1 day, then + 25 mg/day every day up to 300, then + 100 weekly; rises keep the prior doses a day', () => {
    const p = plan({ drug: 'clozapine', dose: 250, times: 2, restart: '2026-11-04' });
    expect(p.steps[0]!.rule).toBe('label stage 1: 12.5 mg daily for 1 day');
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-04: 12.5 mg = 12.5 mg daily (label stage 1: 12.5 mg daily for 1 day).');
    expect(p.steps[1]).toMatchObject({ rule: 'label rise of + 25 mg/day every 1 day, rounded down to real strengths', timesPerDay: 2, administrations: ['25', '12.5'] });
    expect(line(p, 'Step 2 from')).toBe('Step 2 from 2026-11-05: 25 mg + 12.5 mg = 37.5 mg daily (label rise of + 25 mg/day every 1 day, rounded down to real strengths).');
    expect(line(p, 'Then + 25')).toMatch(/^Then \+ 25 mg\/day no sooner than every 1 day up to 300 mg\/day\. \[label-clozaril: .*\] \[label-clozaril: .*daily increments\] \[label-clozaril: .*300 mg\/day, the lower end of the week-2 target\]$/);
    expect(line(p, 'Then + 100')).toMatch(/^Then \+ 100 mg\/day no sooner than every 7 days\. \[label-clozaril: .*up to 100 mg\] \[label-clozaril: .*once weekly \(the longer interval taken\)\]$/);
    const weekly = p.steps.find((s) => s.rule.includes('+ 100'));
    expect(weekly?.rule).toBe('label rise of + 100 mg/day every 7 days, rounded down to real strengths');
    expect(weekly?.dailyDose.amount).toBe('400');
    expect(p.steps.slice(1).every((s) => s.timesPerDay === 2)).toBe(true);
  });

  it('quetiapine: 25 mg twice daily for 1 day, then + 50 mg/day every 2 days', () => {
    const p = plan({ drug: 'quetiapine', dose: 100, times: 2, restart: '2026-11-09' });
    expect(p.steps[0]!.rule).toBe('label stage 1: 50 mg daily in 2 doses for 1 day');
    expect(p.steps[1]!.rule).toBe('label rise of + 50 mg/day every 2 days, rounded down to real strengths');
    expect(line(p, 'Then +')).toMatch(/^Then \+ 50 mg\/day no sooner than every 2 days\. \[label-seroquel: /);
  });

  it('one derivation line per step, numbered from 1', () => {
    const p = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-06' });
    expect(p.derivation.filter((l) => /^\d+\. Step \d+ from /.test(l)).map((l) => l.replace(/^\d+\. /, ''))).toEqual([
      'Step 1 from 2026-11-06: 200 mg + 200 mg = 400 mg daily (label stage 1: 400 mg daily in 2 doses for 7 days).',
      'Step 2 from 2026-11-13: 400 mg + 200 mg = 600 mg daily (label rise of + 200 mg/day every 7 days, rounded down to real strengths).',
      'Step 3 from 2026-11-20: 400 mg + 400 mg = 800 mg daily (reaches the prior dose (the target)).',
    ]);
  });

  it('a resumed plan has a single step at the prior regimen', () => {
    const p = plan({ drug: 'quetiapine', dose: 150, times: 2, restart: '2026-11-05' });
    expect(line(p, 'Step 1 from')).toBe('Step 1 from 2026-11-05: 150 mg + 150 mg = 300 mg daily (resume the prior dose).');
    expect(hasLine(p, 'Label schedule')).toBe(false);
  });
});

describe('hazard warnings for clozapine, lamotrigine and quetiapine', () => {
  it('on re-titration: critical, with the rule in the derivation', () => {
    const p = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-09' });
    expect(warning(p, 'QUETIAPINE_RETITRATION')).toMatchObject({ severity: 'critical', sources: ['label-seroquel'] });
    expect(warning(p, 'QUETIAPINE_RETITRATION').message).toMatch(/orthostatic hypotension/);
    expect(line(p, 'Warning QUETIAPINE_RETITRATION')).toBe('Warning QUETIAPINE_RETITRATION: the label re-titrates QUEtiapine after more than 1 week off (counted from the last dose; exactly 1 week is counted as re-titrate): daysOff 8 ≥ 7.');
    const l = plan({ drug: 'lamotrigine', dose: 200, restart: '2026-11-11' });
    expect(warning(l, 'LAMOTRIGINE_RETITRATION')).toMatchObject({ severity: 'critical', sources: ['label-lamictal'] });
    expect(warning(l, 'LAMOTRIGINE_RETITRATION').message).toMatch(/Stevens-Johnson/);
  });

  it('on resume: no hazard warning and no warning line', () => {
    const p = plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-07' });
    expect(p.warnings).toEqual([]);
    expect(hasLine(p, 'Warning')).toBe(false);
  });
});

describe('carbamazepine warnings', () => {
  it('autoinduction is critical when re-titrating and a warning when resuming (never the generic hazard line)', () => {
    const retitrate = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-05' });
    expect(warning(retitrate, 'CARBAMAZEPINE_AUTOINDUCTION')).toMatchObject({ severity: 'critical', sources: ['label-tegretol'] });
    expect(warning(retitrate, 'CARBAMAZEPINE_AUTOINDUCTION').message).toMatch(/usual range 4–12 mcg\/mL/);
    expect(hasLine(retitrate, 'Warning CARBAMAZEPINE_AUTOINDUCTION')).toBe(false);
    const resume = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-04' });
    expect(resume.warnings).toEqual([expect.objectContaining({ code: 'CARBAMAZEPINE_AUTOINDUCTION', severity: 'warning', sources: ['label-tegretol'] })]);
  });

  it('with an MAOI (linezolid): critical MAOI_WASHOUT naming only the MAOI', () => {
    const p = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-04', concurrent: ['alcohol', 'linezolid'] });
    expect(warning(p, 'MAOI_WASHOUT')).toEqual({
      code: 'MAOI_WASHOUT',
      severity: 'critical',
      message: 'carBAMazepine is contraindicated with or within 14 days of an MAOI (linezolid).',
      sources: ['label-tegretol'],
    });
  });

  it('two MAOIs are both named', () => {
    const p = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-04', concurrent: ['linezolid', 'methylene-blue'] });
    expect(warning(p, 'MAOI_WASHOUT').message).toMatch(/\(linezolid, methylene blue \(intravenous\)\)\.$/);
  });

  it('without an MAOI: no MAOI_WASHOUT', () => {
    const p = plan({ drug: 'carbamazepine', dose: 400, times: 2, restart: '2026-11-04', concurrent: ['alcohol', 'valproate'] });
    expect(codes(p)).toEqual(['CARBAMAZEPINE_AUTOINDUCTION']);
  });
});

describe('gabapentinoid warnings', () => {
  const resp = 'GABAPENTINOID_RESPIRATORY';

  it('no risk factor: no respiratory warning, even when re-titrating', () => {
    // without a creatinine clearance the only note is that the renal band could not be checked (amendment A3)
    expect(codes(plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-11' }))).toEqual(['RENAL_FUNCTION_UNCHECKED']);
    expect(codes(plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-03', patient: { ageYears: 64, creatinineClearanceMlMin: 90 } }))).toEqual([]);
  });

  it('the planned drug listed as its own concurrent medicine is an input error (self-concurrent), never a risk factor', () => {
    // Issue 12: listing the drug beside itself lowered first steps with no word of why; it is now rejected by name.
    expect(() => plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', concurrent: ['gabapentin'] })).toThrow(/"path":"concurrent.0","code":"self-concurrent"/);
  });

  it('age 65 (the threshold) is a risk factor, also when the dose is resumed', () => {
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-03', patient: { ageYears: 65 } });
    expect(p.decision?.action).toBe('resume');
    const w = warning(p, resp);
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['fda-gabapentinoid-2019']);
    expect(w.message).toMatch(/^Gabapentinoids can cause serious breathing problems .* Risk factors here: age 65\.$/);
    expect(line(p, `Warning ${resp}`)).toBe(`Warning ${resp}: age 65.`);
  });

  it('respiratory disease is a risk factor', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', patient: { respiratoryDisease: true } });
    expect(warning(p, resp).message).toMatch(/Risk factors here: respiratory disease\.$/);
  });

  it('a CNS depressant (alcohol) is a risk factor without the opioid warning; other concurrent drugs are not listed', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', concurrent: ['phenytoin', 'alcohol'] });
    expect(warning(p, resp).message).toMatch(/Risk factors here: concurrent alcohol\.$/);
    expect(codes(p)).not.toContain('GABAPENTINOID_OPIOID');
  });

  it('all risk factors together, with an opioid: both warnings, the opioid warning naming only the opioid', () => {
    const p = plan({
      drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-03',
      concurrent: ['oxycodone', 'alcohol', 'phenytoin'], patient: { ageYears: 70, respiratoryDisease: true },
    });
    expect(warning(p, resp).message).toMatch(/Risk factors here: age 70; respiratory disease; concurrent oxyCODONE, alcohol\.$/);
    expect(line(p, `Warning ${resp}`)).toBe(`Warning ${resp}: age 70; respiratory disease; concurrent oxyCODONE, alcohol.`);
    // amendment A10: critical, with the misuse warning; Beers 2023 at 65 or over
    const opioid = warning(p, 'GABAPENTINOID_OPIOID');
    expect(opioid.severity).toBe('critical');
    expect(opioid.sources).toEqual(['fda-gabapentinoid-2019']);
    expect(opioid.message).toMatch(/^pregabalin with oxyCODONE: serious, sometimes fatal respiratory depression \(FDA 2019\)\..*naloxone/);
    expect(line(p, 'Warning GABAPENTINOID_OPIOID')).toBe('Warning GABAPENTINOID_OPIOID: concurrent oxyCODONE.');
    expect(warning(p, 'GABAPENTINOID_MISUSE')).toMatchObject({ severity: 'warning', sources: ['uk-gabapentinoid-2019'] });
    expect(warning(p, 'BEERS_OPIOID_GABAPENTINOID')).toMatchObject({ severity: 'critical', sources: ['beers-2023'] });
  });

  it('two opioids are both named, in the warning (display names) and in the derivation', () => {
    const p = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', concurrent: ['oxycodone', 'morphine'] });
    expect(warning(p, 'GABAPENTINOID_OPIOID').message).toMatch(/^gabapentin with oxyCODONE, morphine: serious/);
    expect(line(p, 'Warning GABAPENTINOID_OPIOID')).toBe('Warning GABAPENTINOID_OPIOID: concurrent oxyCODONE, morphine.');
    expect(warning(p, 'GABAPENTINOID_RESPIRATORY').message).toMatch(/Risk factors here: concurrent oxyCODONE, morphine\.$/);
  });

  it('renal impairment: RENAL_DOSE_ADJUSTMENT citing the drug\'s own label', () => {
    const g = plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', patient: { renalImpairment: true } });
    const gw = warning(g, 'RENAL_DOSE_ADJUSTMENT');
    expect(gw).toMatchObject({ severity: 'warning', sources: ['label-neurontin'] });
    expect(gw.message).toMatch(/^gabapentin is cleared by the kidneys: patient\.renalImpairment without a creatinine clearance gives the label band CrCl 30–59 mL\/min \(400 mg to 1,400 mg daily, at most 2 a day\); the plan stays within it\. The band is an engine assumption/);
    expect(codes(g)).toEqual(['RENAL_DOSE_ADJUSTMENT']);
    expect(dailies(g)).toEqual(['900']);
    expect(g.steps[0]!.timesPerDay).toBe(2);
    const p = plan({ drug: 'pregabalin', dose: 150, times: 2, restart: '2026-11-03', patient: { renalImpairment: true } });
    expect(warning(p, 'RENAL_DOSE_ADJUSTMENT')).toMatchObject({ severity: 'warning', sources: ['label-lyrica'] });
    expect(warning(p, 'RENAL_DOSE_ADJUSTMENT').message).toMatch(/^pregabalin is cleared by the kidneys/);
  });

  it('no renal warning without renal impairment, and none for non-gabapentinoids', () => {
    expect(codes(plan({ drug: 'gabapentin', dose: 300, times: 3, restart: '2026-11-03', patient: { renalImpairment: false, creatinineClearanceMlMin: 60 } }))).toEqual([]);
    expect(codes(plan({ drug: 'quetiapine', dose: 100, restart: '2026-11-03', patient: { renalImpairment: true, ageYears: 80 } }))).toEqual([]);
  });
});
