/** The clinical note names the restart product after a switch and never calls a 72-hour patch "once daily". */
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { clinicalNote, stepLine } from '../../src/export/note.ts';

const request = (lastDoseDate: string) => ({
  drug: 'fentanyl',
  formulation: 'patch',
  prior: { dose: '50', unit: 'mcg/h' },
  priorDurationDays: 180,
  lastDoseDate,
  restartDate: '2026-11-28',
  patient: {},
  concurrent: [],
});

/** The plan, or after tolerance loss the morphine plan the refusal offers instead (amendment A6: the patch is refused). */
function note(lastDoseDate: string): string {
  const result = planRestart(request(lastDoseDate));
  const plan = result.ok ? result.plan : result.refusal?.alternativePlan;
  if (!plan) throw new Error(result.ok ? "no plan" : JSON.stringify(result.errors));
  return clinicalNote(plan, { calculatedOn: '2026-11-28', request: request(lastDoseDate) });
}

describe('clinical note for a fentaNYL patch', () => {
  it('gives the prior patch as a rate changed every 72 hours with its MME/day', () => {
    const text = note('2026-11-18');
    expect(text).toContain('- Prior regimen: fentaNYL transdermal patch (72 hours) 50 mcg/h, worn continuously, changed every 72 hours (120 MME/day) for 180 days.');
    expect(text).not.toMatch(/mcg\/h once daily|mcg\/h daily/);
  });

  it('heads the note with the product the schedule restarts on', () => {
    expect(note('2026-11-18').split('\n')[0]).toBe('RESTART PLAN: fentaNYL transdermal patch (72 hours) before the break; the plan restarts on morphine immediate-release tablet');
  });

  it('writes a patch step without a frequency or a daily total, and 1 day in the singular', () => {
    const text = note('2026-11-27');
    expect(text).toContain('1. from 2026-11-28 (maintenance): fentaNYL transdermal patch (72 hours) 50 mcg/h, worn continuously, changed every 72 hours (120 MME/day).');
    expect(text).toContain('1 day off, 0 missed days');
    const result = planRestart(request('2026-11-27'));
    if (!result.ok) throw new Error('no plan');
    expect(stepLine(result.plan.steps[0]!)).not.toContain('once daily');
  });
});
