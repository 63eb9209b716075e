/**
 * The schedule as an iCalendar file (RFC 5545): one all-day VEVENT on each step's start date and one
 * on each checkpoint date; the first event's description leads with the plan's critical warnings. CRLF line ends; content lines folded at 75 octets (UTF-8, never inside a
 * character); TEXT values escape `\`, `;`, `,` and newlines. UIDs are derived from the plan content,
 * so the same plan always gives the same UIDs. DTSTAMP is an argument (no clock in pure code).
 * No patient identifiers: a plan holds none.
 */
import { addCalendarDays } from '../engine/dates.ts';
import type { RestartPlan } from '../engine/types.ts';
import { DISCLAIMER, contentHash, planKey } from './common.ts';
import { stepLine } from './note.ts';

export interface IcsOptions {
  /** The DTSTAMP: when the file is made, as a Date or an ISO date-time (UTC). */
  readonly dtstamp: Date | string;
}

/** Escapes an RFC 5545 TEXT value. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets: continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function utcStamp(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new Error(`programmer error: invalid DTSTAMP ${String(value)}`);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

function icsDate(iso: string): string {
  return iso.replace(/-/g, '');
}

export function scheduleIcs(plan: RestartPlan, options: IcsOptions): string {
  const stamp = utcStamp(options.dtstamp);
  const planHash = contentHash(planKey(plan));
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Retitrate//Restart plan ${plan.version.engine}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const event = (kind: string, index: number, date: string, summary: string, description: string) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${kind}-${index + 1}-${contentHash(`${planHash}|${kind}|${index}|${date}|${summary}`)}@retitrate.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(date)}`,
      `DTEND;VALUE=DATE:${icsDate(addCalendarDays(date, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  };
  // The critical warnings travel with the first event: a calendar is often all that is looked at on the day.
  const critical = plan.warnings.filter((w) => w.severity === 'critical');
  const criticalText = critical.length
    ? `CRITICAL WARNINGS (${critical.length}):\n${critical.map((w, i) => `${i + 1}. ${w.message}`).join('\n')}\n`
    : '';
  plan.steps.forEach((step, index) => {
    const until = step.end ? `until ${step.end}` : 'maintenance (no end date)';
    const makeUp = step.makeUp.length ? `\nMake-up: ${step.makeUp.join('; ')}` : '';
    event(
      'step',
      index,
      step.start,
      `Step ${index + 1}: ${stepLine(step)}`,
      `${index === 0 ? criticalText : ''}Ceiling dose from ${step.start}, ${until}: ${stepLine(step)}.${makeUp}\nRule: ${step.rule}.\n${DISCLAIMER}`,
    );
    if (step.checkpoint) {
      event(
        'checkpoint',
        index,
        step.start,
        `Checkpoint before step ${index + 1}: reassess`,
        `${step.checkpointReason ?? 'Reassess before this step.'}\n${DISCLAIMER}`,
      );
    }
  });
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
