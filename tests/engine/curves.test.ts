import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ASSUMPTIONS } from '../../src/protocols/assumptions.ts';
import { BENZODIAZEPINES } from '../../src/protocols/benzodiazepines/index.ts';
import { SOURCES } from '../../src/protocols/sources.ts';
import type { Provenance } from '../../src/protocols/types.ts';

// curves.ts caches its result in module state: load a fresh copy for every test so each test sees the
// curves computed by the code as it is now (a cache filled earlier in the worker would hide changes).
type CurvesModule = typeof import('../../src/engine/curves.ts');
let provenanceOf: CurvesModule['provenanceOf'];
let toleranceCurves: CurvesModule['toleranceCurves'];
beforeEach(async () => {
  vi.resetModules();
  ({ provenanceOf, toleranceCurves } = await import('../../src/engine/curves.ts'));
});

const curve = (drug: string) => {
  const found = toleranceCurves().find((c) => c.drug === drug);
  if (!found) throw new Error(`no curve for ${drug}`);
  return found;
};
const days = (drug: string) => curve(drug).anchors.map((a) => a.fromMissedDays);
const fractions = (drug: string) => curve(drug).anchors.map((a) => a.retainedFraction);

describe('provenanceOf: where each figure on the educator chart comes from', () => {
  it('a cited source carries the source record (title, issuer, year, url) and the locator', () => {
    const source = SOURCES['au-methadone-2003']!;
    expect(provenanceOf({ source: 'au-methadone-2003', locator: '§3.5 Missed doses' })).toEqual({
      kind: 'source',
      id: 'au-methadone-2003',
      title: source.title,
      issuer: 'Australian Government Department of Health and Ageing',
      year: 2003,
      url: source.url,
      locator: '§3.5 Missed doses',
    });
    expect(source.title).toMatch(/Missed doses/);
    expect(source.url).toMatch(/^https:\/\//);
  });

  it('an unknown source id falls back to the id itself, year 0 and no url (never throws)', () => {
    const unknown = { source: 'no-such-source', locator: 'p. 1' } as unknown as Provenance;
    expect(provenanceOf(unknown)).toEqual({ kind: 'source', id: 'no-such-source', title: 'no-such-source', issuer: 'no-such-source', year: 0, url: '', locator: 'p. 1' });
  });

  it('an engine assumption carries its statement', () => {
    expect(provenanceOf({ assumption: 'bzd-withdrawal-window-14-28' })).toEqual({
      kind: 'assumption',
      id: 'bzd-withdrawal-window-14-28',
      statement: ASSUMPTIONS['bzd-withdrawal-window-14-28']!.statement,
    });
    expect(ASSUMPTIONS['bzd-withdrawal-window-14-28']!.statement).toMatch(/14 missed days .* 28 missed days/);
  });

  it('an unknown assumption id falls back to the id as the statement', () => {
    const unknown = { assumption: 'no-such-assumption' } as unknown as Provenance;
    expect(provenanceOf(unknown)).toEqual({ kind: 'assumption', id: 'no-such-assumption', statement: 'no-such-assumption' });
  });
});

describe('toleranceCurves: the retained-fraction step functions shown to educators', () => {
  it('returns the same (cached) list on every call', () => {
    const first = toleranceCurves();
    expect(toleranceCurves()).toBe(first);
  });

  it('lists opioids first, then one curve per benzodiazepine / Z-drug, then antidepressants as not applicable', () => {
    const curves = toleranceCurves();
    expect(curves).toHaveLength(BENZODIAZEPINES.length + 2);
    expect(curves[0]).toMatchObject({ drugClass: 'opioid', displayName: 'Opioids (full agonists)', status: 'anchored' });
    expect(curves[0]!.drug).toBeUndefined();
    expect(curves.slice(1, -1).map((c) => c.drug)).toEqual(BENZODIAZEPINES.map((d) => d.id));
    for (const c of curves.slice(1, -1)) expect(c).toMatchObject({ drugClass: 'benzodiazepine', status: 'anchored' });
    expect(curve('diazepam').displayName).toBe(BENZODIAZEPINES.find((d) => d.id === 'diazepam')!.displayName);
  });

  it('opioid curve: 1 up to 2 missed days, 0.5 from 3 and 4, 0 from 5 (Australian methadone guideline §3.5)', () => {
    const opioid = toleranceCurves()[0]!;
    expect(opioid.anchors.map((a) => [a.fromMissedDays, a.retainedFraction])).toEqual([[0, '1'], [3, '0.5'], [4, '0.5'], [5, '0']]);
    expect(opioid.anchors[0]!.basis).toBe('up to 2 missed days: usual dose');
    expect(opioid.anchors[3]!.basis).toMatch(/5 or more missed days: treat as a new start/);
    for (const a of opioid.anchors) {
      expect(a.source).toMatchObject({ kind: 'source', id: 'au-methadone-2003', year: 2003, issuer: 'Australian Government Department of Health and Ageing' });
      expect(a.daySources).toBeUndefined();
    }
    expect(opioid.anchors[2]!.source).toMatchObject({ locator: '§3.5 Missed doses: 4 days, 40 mg or half the dose, whichever is lower' });
  });

  // Amendment A8 replaced the washout rows (5 half-lives, a quarter of the prior dose) with withdrawal windows:
  // resume to 2 missed days, 75% inside the window, restart low after it.
  it('diazepam: resume, 75% from 3 missed days, restart low after the 28-day window (long half-life group)', () => {
    expect(days('diazepam')).toEqual([0, 3, 29]);
    expect(fractions('diazepam')).toEqual(['1', '0.75', '0']);
    const [resume, inside, after] = curve('diazepam').anchors;
    expect(resume!.source).toEqual({ kind: 'assumption', id: 'bzd-resume-up-to-2-days', statement: ASSUMPTIONS['bzd-resume-up-to-2-days']!.statement });
    expect(inside!.source).toMatchObject({ kind: 'assumption', id: 'bzd-window-75-percent' });
    expect(inside!.basis).toMatch(/^inside the withdrawal window \(3–28 missed days\), physically dependent: 75% of the prior dose, never below 50% \(50% with an opioid/);
    expect(after!.source).toMatchObject({ kind: 'assumption', id: 'bzd-after-window-restart-low' });
    expect(after!.basis).toBe('after the withdrawal window with no withdrawal symptoms: restart low (label initial dose, no more than 10 mg diazepam equivalents a day) and re-titrate');
    // The after-window day is computed: its provenance is the half-life row (Ashton) and the window assumption.
    expect(after!.daySources).toHaveLength(2);
    expect(after!.daySources![0]).toMatchObject({ kind: 'source', id: 'ashton-2002', year: SOURCES['ashton-2002']!.year });
    expect((after!.daySources![0] as { locator: string }).locator).toMatch(/diazepam \[36–200 h\]/);
    expect(after!.daySources![1]).toEqual({ kind: 'assumption', id: 'bzd-withdrawal-window-14-28', statement: ASSUMPTIONS['bzd-withdrawal-window-14-28']!.statement });
    expect(resume!.daySources).toBeUndefined();
    expect(inside!.daySources).toBeUndefined();
  });

  it('lorazepam (10–20 h) and triazolam (2 h): short group, window to 14 missed days, from the parent half-life', () => {
    expect(days('lorazepam')).toEqual([0, 3, 15]);
    expect((curve('lorazepam').anchors[2]!.daySources![0] as { locator: string }).locator).toMatch(/lorazepam 10–20 h/);
    expect(days('triazolam')).toEqual([0, 3, 15]);
    expect(fractions('triazolam')).toEqual(['1', '0.75', '0']);
    expect(curve('triazolam').anchors[0]!.daySources).toBeUndefined();
  });

  it('drugs with only a metabolite half-life (clorazepate, flurazepam) still get a curve: long group', () => {
    expect(days('clorazepate')).toEqual([0, 3, 29]);
    expect(days('flurazepam')).toEqual([0, 3, 29]);
  });

  it('antidepressants: not applicable, no anchors, with a note explaining why', () => {
    const last = toleranceCurves().at(-1)!;
    expect(last).toMatchObject({ drugClass: 'antidepressant', displayName: 'Antidepressants', status: 'not-applicable', anchors: [] });
    expect(last.note).toMatch(/no retained fraction/);
    expect(last.note).toMatch(/resume, or re-titrate from the starting dose/);
  });
});
