/**
 * PlanNotes: what a plan says about itself. Each derivation line is numbered and carries the tags of
 * the sources it used; every cited source and engine assumption is listed once; warnings are kept
 * once per code and ordered critical, then warning, then info; unknown ids are programmer errors.
 */
import { describe, expect, it } from 'vitest';
import { PlanNotes } from '../../src/engine/notes.ts';
import { ASSUMPTIONS } from '../../src/protocols/assumptions.ts';
import { SOURCES } from '../../src/protocols/sources.ts';

const PLAN = {
  drug: 'oxycodone',
  drugClass: 'opioid',
  formulation: 'ir',
  displayName: 'oxyCODONE',
  daysOff: 27,
  missedDays: 26,
  tolerance: { retainedFraction: '0', status: 'lost', priorTolerant: true },
  prior: { dailyDose: { amount: '40', unit: 'mg' } },
  steps: [],
} as unknown as Parameters<PlanNotes['finish']>[0];

const CDC = { source: 'cdc-2022', locator: 'Table 1' } as const;
const SCORING = 'unverified-scoring-unscored';

describe('PlanNotes', () => {
  it('numbers derivation lines and appends each distinct source tag once', () => {
    const notes = new PlanNotes();
    notes.line('Prior regimen: 10 mg × 4 a day = 40 mg/day');
    notes.line('40 mg/day × 1.5 = 60 MME/day', CDC, CDC, { source: 'cdc-2022', locator: 'Box 2' });
    notes.line('Tablets treated as unscored', { assumption: SCORING });
    const plan = notes.finish(PLAN);
    expect(plan.derivation).toEqual([
      '1. Prior regimen: 10 mg × 4 a day = 40 mg/day',
      '2. 40 mg/day × 1.5 = 60 MME/day [cdc-2022: Table 1] [cdc-2022: Box 2]',
      `3. Tablets treated as unscored [engine assumption: ${SCORING}]`,
    ]);
    expect(plan.sources).toEqual([SOURCES['cdc-2022']]);
    expect(plan.assumptionDetails).toEqual([ASSUMPTIONS[SCORING]]);
    expect(plan.assumptions).toEqual([ASSUMPTIONS[SCORING]!.statement]);
    expect(plan.version).toEqual({ engine: '0.1.0', protocols: '2026.11.1', protocolsDate: '2026-11-28' });
    expect(plan.drug).toBe('oxycodone');
  });

  it('gives the same tag for frozen protocol provenance cited twice', () => {
    const notes = new PlanNotes();
    const frozen = Object.freeze({ source: 'cdc-2022', locator: 'Recommendation 4' });
    expect(notes.cite(frozen)).toBe('[cdc-2022: Recommendation 4]');
    expect(notes.cite(frozen)).toBe('[cdc-2022: Recommendation 4]');
    expect(new PlanNotes().cite(frozen)).toBe('[cdc-2022: Recommendation 4]');
  });

  it('registers a source in a new plan even when its tag was built by an earlier plan', () => {
    const frozen = Object.freeze({ source: 'cdc-2022-draft', locator: 'p. 1' });
    new PlanNotes().cite(frozen);
    const notes = new PlanNotes();
    notes.cite(frozen);
    expect(notes.finish(PLAN).sources).toEqual([SOURCES['cdc-2022-draft']]);
  });

  it('records an assumption used without a value', () => {
    const notes = new PlanNotes();
    expect(notes.assume(SCORING)).toBe(`[engine assumption: ${SCORING}]`);
    expect(notes.finish(PLAN).assumptions).toEqual([ASSUMPTIONS[SCORING]!.statement]);
  });

  it('starts with no derivation, sources, assumptions or warnings', () => {
    const plan = new PlanNotes().finish(PLAN);
    expect(plan.derivation).toEqual([]);
    expect(plan.sources).toEqual([]);
    expect(plan.assumptions).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('refuses an unknown source or assumption as a programmer error', () => {
    const notes = new PlanNotes();
    expect(() => notes.cite({ source: 'no-such-source', locator: 'x' })).toThrow('unknown source no-such-source');
    expect(() => notes.assume('no-such-assumption')).toThrow('unknown assumption no-such-assumption');
    expect(() => notes.warn('X', 'info', 'x', ['no-such-source'])).toThrow('unknown source no-such-source');
  });

  it('keeps the first warning of each code and orders warnings by severity', () => {
    const notes = new PlanNotes();
    notes.warn('INFO_NOTE', 'info', 'for information', []);
    notes.warn('SEDATION', 'warning', 'watch for sedation', ['cdc-2022']);
    notes.warn('SEDATION', 'critical', 'a second sedation warning', []);
    notes.warn('OVERDOSE', 'critical', 'overdose risk', ['cdc-2022-draft']);
    expect(notes.hasWarning('SEDATION')).toBe(true);
    expect(notes.hasWarning('OVERDOSE')).toBe(true);
    expect(notes.hasWarning('OTHER')).toBe(false);
    const plan = notes.finish(PLAN);
    expect(plan.warnings).toEqual([
      { code: 'OVERDOSE', severity: 'critical', message: 'overdose risk', sources: ['cdc-2022-draft'] },
      { code: 'SEDATION', severity: 'warning', message: 'watch for sedation', sources: ['cdc-2022'] },
      { code: 'INFO_NOTE', severity: 'info', message: 'for information', sources: [] },
    ]);
    expect(plan.sources.map((s) => s.id)).toEqual(['cdc-2022', 'cdc-2022-draft']);
  });

  it('has no warning before any is added', () => {
    expect(new PlanNotes().hasWarning('SEDATION')).toBe(false);
  });
});
