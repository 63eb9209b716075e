/** The calendar carries the plan's critical warnings in the first event's description, not only checkpoints. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { scheduleIcs } from '../../src/export/ics.ts';
import { parseEvents, unescapeText } from './helpers.ts';

const example = JSON.parse(readFileSync('examples/oxycodone-after-prison.json', 'utf8')) as unknown;

describe('calendar critical warnings', () => {
  it('lists every critical warning, numbered, at the top of the first step event only', () => {
    const result = planRestart(example);
    if (!result.ok) throw new Error('no plan');
    const critical = result.plan.warnings.filter((w) => w.severity === 'critical');
    expect(critical.length).toBe(4);
    const events = parseEvents(scheduleIcs(result.plan, { dtstamp: '2026-11-28T09:00:00Z' }));
    const first = unescapeText(events[0]!.get('DESCRIPTION')!.value);
    expect(first.startsWith('CRITICAL WARNINGS (4):\n1. ')).toBe(true);
    for (const warning of critical) expect(first).toContain(warning.message);
    for (const event of events.slice(1)) expect(unescapeText(event.get('DESCRIPTION')!.value)).not.toContain('CRITICAL WARNINGS');
  });
});
