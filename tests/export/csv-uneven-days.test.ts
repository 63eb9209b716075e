/**
 * The CSV of an uneven day cannot be read as the largest dose times the number of doses: one column per
 * administration, the day in words with how many doses of each amount, the daily total; a UTF-8 BOM so
 * spreadsheet programs show "×" in the make-up.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planRestart } from '../../src/engine/index.ts';
import { CSV_BOM, scheduleCsv } from '../../src/export/csv.ts';
import { parseCsv } from './helpers.ts';

const example = JSON.parse(readFileSync('examples/oxycodone-after-prison.json', 'utf8')) as unknown;

function csvRecords(): Record<string, string>[] {
  const result = planRestart(example);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const text = scheduleCsv(result.plan);
  expect(text.slice(0, 1)).toBe(CSV_BOM);
  expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe('CSV of uneven days', () => {
  it('has one column per administration and no single "dose per administration" column', () => {
    const records = csvRecords();
    expect(Object.keys(records[0]!)).not.toContain('dose per administration');
    const uneven = records.find((r) => r.start === '2026-12-07')!;
    expect([uneven['dose 1'], uneven['dose 2'], uneven['dose 3'], uneven['dose 4']]).toEqual(['10', '5', '5', '5']);
    expect(uneven['daily dose']).toBe('25');
    expect(uneven['in words']).toBe('oxyCODONE immediate-release tablet: one dose of 10 mg and three doses of 5 mg a day (25 mg daily; 37.5 MME/day)');
  });

  it('leaves the unused administration columns of a twice-daily step empty', () => {
    const first = csvRecords()[0]!;
    expect([first['dose 1'], first['dose 2'], first['dose 3'], first['dose 4']]).toEqual(['5', '5', '', '']);
    expect(first['times per day']).toBe('2');
    expect(first['daily dose']).toBe('10');
  });

  it('every row: the administrations add up to the daily total', () => {
    for (const record of csvRecords()) {
      const sum = ['dose 1', 'dose 2', 'dose 3', 'dose 4'].reduce((total, key) => total + Number(record[key] || 0), 0);
      expect(sum).toBe(Number(record['daily dose']));
    }
  });
});
