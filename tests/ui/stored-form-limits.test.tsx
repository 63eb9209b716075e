// @vitest-environment jsdom
/** A corrupted or huge stored form can never brick the page; every text input is capped (maxLength). */
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { MAX_INPUT_LENGTH, emptyValues, mergeStored } from '../../src/ui/model.ts';
import { parsePasted, restoreRows } from '../../src/ui/proposed.ts';
import { ACK_KEY, FORM_KEY } from '../../src/ui/storage.ts';

const TODAY = '2026-11-28';
beforeEach(() => localStorage.clear());

describe('stored form state is validated on load', () => {
  it('drops a value longer than any input takes (a 100,000-digit dose saved before the cap), keeps the rest', () => {
    const values = mergeStored({ dose: '9'.repeat(100_000), drug: 'oxycodone', timesPerDay: '4' }, TODAY);
    expect(values).toEqual({ ...emptyValues(TODAY), drug: 'oxycodone', timesPerDay: '4' });
  });

  it('drops lists that are too long or hold anything but short text, and anything that is not a plain object', () => {
    expect(mergeStored({ concurrent: Array.from({ length: 10_000 }, () => 'alcohol') }, TODAY).concurrent).toEqual([]);
    expect(mergeStored({ concurrent: ['alcohol', 'alcohol', 'x'.repeat(500), { toString: 1 }, 7] }, TODAY).concurrent).toEqual(['alcohol']);
    expect(mergeStored([1, 2, 3], TODAY)).toEqual(emptyValues(TODAY));
    expect(mergeStored('{"dose":"10"}', TODAY)).toEqual(emptyValues(TODAY));
    expect(mergeStored({ hepaticImpairment: 'yes', dose: { toString: 1 } }, TODAY)).toEqual(emptyValues(TODAY));
  });

  it('the proposed rows of the check: huge text and too many rows are dropped; a paste keeps at most 400 steps', () => {
    expect(restoreRows([{ start: '2026-11-28', dose: '9'.repeat(100_000), timesPerDay: '4' }])).toEqual([
      { start: '2026-11-28', dose: '', timesPerDay: '4', administrations: '', checkpoint: false },
    ]);
    expect(restoreRows(Array.from({ length: 100_000 }, () => ({ start: '2026-11-28' })))).toHaveLength(1);
    expect(parsePasted(Array.from({ length: 5000 }, () => '2026-11-28, 5 mg, 4').join('\n'))).toHaveLength(400);
  });

  it('the app opens usable with a corrupted, or a huge, stored form', () => {
    localStorage.setItem(ACK_KEY, 'true');
    localStorage.setItem(FORM_KEY, '{"dose": "10", "drug": [[[[[');
    const corrupted = render(<App today={TODAY} />);
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('');
    corrupted.unmount();
    localStorage.setItem(FORM_KEY, JSON.stringify({ dose: '9'.repeat(1_000_000), lastDoseDate: '2026-11-01' }));
    render(<App today={TODAY} />);
    expect(screen.getByLabelText('Dose per administration')).toHaveValue('');
    expect(screen.getByLabelText('Last dose date')).toHaveValue('2026-11-01');
  });
});

describe('every text input of the form is capped', () => {
  it(`the form's text inputs and comboboxes have maxLength ${MAX_INPUT_LENGTH}`, () => {
    render(<App today={TODAY} />);
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type="text"]')];
    expect(inputs.length).toBeGreaterThan(4);
    for (const input of inputs) expect([input.id, input.maxLength]).toEqual([input.id, MAX_INPUT_LENGTH]);
    expect(MAX_INPUT_LENGTH).toBe(100); // the engine's MAX_TEXT_LENGTH (src/engine/validate.ts)
  });
});
