import { describe, expect, it, vi } from 'vitest';
import { planRestart } from '../../src/engine/plan.ts';
import type { RestartPlan } from '../../src/engine/types.ts';
import { CSV_BOM, csvColumns, csvField, scheduleCsv } from '../../src/export/csv.ts';
import { escapeText, foldLine, scheduleIcs } from '../../src/export/ics.ts';
import { stepInWords, stepLine } from '../../src/export/note.ts';
import { DISCLAIMER } from '../../src/export/common.ts';
import example from '../../examples/oxycodone-after-prison.json';
import { handPlan, handStep } from '../check/fixtures.ts';
import { parseCsv, parseEvents, unescapeText, unfold } from './helpers.ts';

vi.mock('../../src/engine/registry.ts', async (importOriginal) => (await import('../check/fixtures.ts')).withTestDrugs(await importOriginal()));

function planOf(request: unknown): RestartPlan {
  const result = planRestart(request);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const oxycodone = planOf(example);
const morphine = planOf({ ...example, drug: 'morphine', prior: { dose: '30', unit: 'mg', timesPerDay: 4 } });
const tricky = handPlan(
  [
    handStep({ start: '2026-11-28', end: '2026-12-03', drug: 'test-fentanyl', formulation: 'patch', unit: 'mcg/h', administrations: ['12'], makeUp: ['1 × 12 mcg/h patch'], equivalentFactor: '2.4' }),
    handStep({
      start: '2026-12-04',
      drug: 'test-fentanyl',
      formulation: 'patch',
      unit: 'mcg/h',
      administrations: ['37.5'],
      makeUp: ['1 × 37.5 mcg/h patch'],
      equivalentFactor: '2.4',
      checkpoint: 'Reassess, with "care"; then, maybe\nraise — naïve µ-receptor wording ××××××××××××××××××××××××××××××××××××××××, backslash \\ too',
    }),
  ],
  { tolerance: { retainedFraction: '1', status: 'retained', priorTolerant: true } },
);
const everyOtherDay = handPlan(
  [
    handStep({ start: '2026-11-28', end: '2026-12-11', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['25'], everyOtherDay: true, makeUp: ['1 × 25 mg tablet'] }),
    handStep({ start: '2026-12-12', drug: 'test-eod', formulation: 'tablet', unit: 'mg', administrations: ['100', '25'], makeUp: ['1 × 100 mg tablet', '1 × 25 mg tablet'] }),
  ],
  { drugClass: 'labelled-restart', tolerance: { retainedFraction: '0', status: 'not-applicable' } },
);
const PLANS = { oxycodone, morphine, tricky, everyOtherDay };

const NAMES: Record<string, [string, string]> = {
  'oxycodone|ir': ['oxyCODONE', 'immediate-release tablet'],
  'morphine|ir': ['morphine', 'immediate-release tablet'],
  'test-fentanyl|patch': ['fentaNYL', 'transdermal patch'],
  'test-eod|tablet': ['lamoTRIgine', 'tablet'],
};

describe('CSV export (RFC 4180)', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  for (const [name, plan] of Object.entries(PLANS)) {
    it(`round-trips every field of the ${name} plan`, () => {
      const text = scheduleCsv(plan);
      expect(text.startsWith(CSV_BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parseCsv(text.slice(CSV_BOM.length));
      const columns = csvColumns(plan);
      expect(rows[0]).toEqual(columns);
      expect(rows).toHaveLength(plan.steps.length + 1);
      const most = Math.max(...plan.steps.map((s) => (s.administrations.length ? s.administrations.length : s.timesPerDay)));
      plan.steps.forEach((step, index) => {
        const row = Object.fromEntries(columns.map((column, i) => [column, rows[index + 1]![i]]));
        const [drug, formulation] = NAMES[`${step.drug}|${step.formulation}`]!;
        const patch = step.dose.unit === 'mcg/h';
        const amounts = step.administrations.length ? step.administrations : Array.from({ length: step.timesPerDay }, () => step.dose.amount);
        expect(row).toEqual({
          start: step.start,
          end: step.end ?? '',
          drug,
          formulation,
          unit: step.dose.unit,
          'times per day': patch ? '' : String(step.timesPerDay),
          ...Object.fromEntries(Array.from({ length: most }, (_, i) => [`dose ${i + 1}`, amounts[i] ?? ''])),
          administrations: amounts.join(' + '),
          'in words': stepInWords(step),
          'daily dose': patch ? '' : step.dailyDose.amount,
          'daily equivalent': step.dailyEquivalent?.amount ?? '',
          'equivalent unit': step.dailyEquivalent?.unit ?? '',
          checkpoint: step.checkpoint ? 'yes' : 'no',
          'checkpoint reason': step.checkpointReason ?? '',
          'make-up': step.makeUp.join('; '),
          'every other day': step.everyOtherDay ? 'yes' : 'no',
          'as needed': step.asNeeded ? 'yes' : 'no',
          'as-needed allowance': step.asNeededAllowance?.text ?? '',
          component: step.component === undefined ? '' : String(step.component + 1),
        });
      });
    });
  }

  it('quotes the awkward checkpoint reason and keeps it exact', () => {
    const rows = parseCsv(scheduleCsv(tricky).slice(CSV_BOM.length));
    expect(rows[2]![rows[0]!.indexOf('checkpoint reason')]).toBe(tricky.steps[1]!.checkpointReason);
    expect(scheduleCsv(tricky)).toContain('"Reassess, with ""care""');
  });
});

describe('iCalendar export (RFC 5545)', () => {
  const DTSTAMP = '2026-11-28T09:30:05Z';

  it('escapes TEXT and folds at 75 octets without splitting characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'×'.repeat(100)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  for (const [name, plan] of Object.entries(PLANS)) {
    it(`round-trips the ${name} plan: an all-day event per step and per checkpoint`, () => {
      const text = scheduleIcs(plan, { dtstamp: DTSTAMP });
      // Every physical line ≤ 75 octets, CRLF only.
      for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      const lines = unfold(text);
      expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
      expect(lines.at(-1)).toBe('END:VCALENDAR');
      expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
      const events = parseEvents(text);
      const checkpoints = plan.steps.filter((s) => s.checkpoint);
      expect(events).toHaveLength(plan.steps.length + checkpoints.length);
      const stepEvents = events.filter((e) => e.get('UID')!.value.startsWith('step-'));
      expect(stepEvents).toHaveLength(plan.steps.length);
      plan.steps.forEach((step, index) => {
        const event = stepEvents[index]!;
        expect(event.get('DTSTART')).toMatchObject({ params: { VALUE: 'DATE' }, value: step.start.replace(/-/g, '') });
        const next = new Date(`${step.start}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(event.get('DTEND')!.value).toBe(next.toISOString().slice(0, 10).replace(/-/g, ''));
        expect(event.get('DTSTAMP')!.value).toBe('20261128T093005Z');
        expect(unescapeText(event.get('SUMMARY')!.value)).toBe(`Step ${index + 1}: ${stepLine(step)}`);
        const description = unescapeText(event.get('DESCRIPTION')!.value);
        expect(description).toContain(step.end ? `until ${step.end}` : 'maintenance');
        expect(description).toContain(`Rule: ${step.rule}.`);
        if (step.makeUp.length) expect(description).toContain(`Make-up: ${step.makeUp.join('; ')}`);
        expect(description).toContain(DISCLAIMER);
      });
      const checkpointEvents = events.filter((e) => e.get('UID')!.value.startsWith('checkpoint-'));
      expect(checkpointEvents.map((e) => e.get('DTSTART')!.value)).toEqual(checkpoints.map((s) => s.start.replace(/-/g, '')));
      checkpointEvents.forEach((event, i) => expect(unescapeText(event.get('DESCRIPTION')!.value)).toContain(checkpoints[i]!.checkpointReason!));
      const uids = events.map((e) => e.get('UID')!.value);
      expect(new Set(uids).size).toBe(uids.length);
    });
  }

  it('UIDs are stable for the same plan and change with its content; DTSTAMP is the argument', () => {
    const uids = (text: string) => parseEvents(text).map((e) => e.get('UID')!.value);
    const first = scheduleIcs(oxycodone, { dtstamp: DTSTAMP });
    expect(uids(scheduleIcs(planOf(example), { dtstamp: new Date('2030-01-01T00:00:00Z') }))).toEqual(uids(first));
    expect(scheduleIcs(oxycodone, { dtstamp: DTSTAMP })).toBe(first);
    expect(uids(scheduleIcs(morphine, { dtstamp: DTSTAMP }))[0]).not.toBe(uids(first)[0]);
    expect(() => scheduleIcs(oxycodone, { dtstamp: 'not a date' })).toThrow(/programmer error/);
  });

  it('the awkward checkpoint reason survives escaping and folding exactly', () => {
    const events = parseEvents(scheduleIcs(tricky, { dtstamp: DTSTAMP }));
    const checkpoint = events.find((e) => e.get('UID')!.value.startsWith('checkpoint-'))!;
    expect(unescapeText(checkpoint.get('DESCRIPTION')!.value)).toBe(`${tricky.steps[1]!.checkpointReason}\n${DISCLAIMER}`);
  });

  it('holds no patient identifiers', () => {
    const text = scheduleIcs(oxycodone, { dtstamp: DTSTAMP });
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|CONTACT|patient name/i);
  });
});
