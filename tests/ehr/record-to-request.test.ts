import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/engine/dates.ts';
import { planRestart } from '../../src/engine/index.ts';
import { readRecord } from '../../src/ehr/history.ts';
import { assessOrder } from '../../src/ehr/restart.ts';
import { concept, dispense, fixtureIndex, mgDose, monthlyFills, order, patient, statement, tablets } from './fixtures.ts';

const RESTART = '2026-11-28';

describe('medication record → Retitrate request, with provenance', () => {
  it('ER oxycodone twice daily for 6 months, last fill 2 October: last dose 31 October, 180 days, restart after a gap', () => {
    const fills = monthlyFills({ code: '1049502', start: '2026-05-05', count: 6, everyDays: 30, daysSupply: 30, dosage: tablets(1, { everyHours: 12 }) }, addCalendarDays);
    const record = { dispenses: fills, patient: patient('p1', '1972-05-20') };
    const { lines } = readRecord(record, RESTART, fixtureIndex);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.request).toEqual({
      drug: 'oxycodone',
      formulation: 'er',
      prior: { dose: '10', unit: 'mg', timesPerDay: 2 },
      priorDurationDays: 180,
      lastDoseDate: '2026-10-31',
      restartDate: RESTART,
      patient: { ageYears: 54 },
    });
    expect(line.missedDays).toBe(27);
    expect(line.provenance['prior']).toContain(`MedicationDispense/${fills.at(-1)!.id}`);
    expect(line.provenance['lastDoseDate']).toContain('6 fills');
    expect(line.provenance['patient.ageYears']).toContain('1972-05-20');
    // The request plans: lost tolerance after 26+ missed days.
    const result = planRestart(line.request);
    expect(result.ok && result.plan.tolerance.status).toBe('lost');
    const assessment = assessOrder(concept('1049502'), record, RESTART, fixtureIndex);
    expect(assessment.status).toBe('restart-after-gap');
  });

  it('IR oxycodone filled by quantity only (no days supply): 120 tablets at 1 every 6 hours = 30 days; early refills carried forward', () => {
    const dosage = tablets(1, { everyHours: 6 });
    const record = {
      dispenses: [
        dispense({ code: '1049621', date: '2026-09-01', quantity: 120, dosage }),
        dispense({ code: '1049621', date: '2026-09-26', quantity: 120, dosage }), // 5 days early
        dispense({ code: '1049621', date: '2026-10-24', quantity: 60, dosage }), // 7 days early, partial: 15 days
      ],
    };
    const line = readRecord(record, RESTART, fixtureIndex).lines[0]!;
    expect(line.coverage).toMatchObject({ carriedForwardDays: 5 + 7, lastCoveredDay: '2026-11-14', finalSpanDays: 75 });
    expect(line.fills.map((fill) => fill.days)).toEqual([30, 30, 15]);
    expect(line.request).toMatchObject({ prior: { dose: '5', unit: 'mg', timesPerDay: 4 }, lastDoseDate: '2026-11-14', priorDurationDays: 75 });
    expect(line.missedDays).toBe(13);
  });

  it('continuous supply up to the restart date: no gap', () => {
    const fills = monthlyFills({ code: '1049621', start: '2026-08-05', count: 4, everyDays: 28, daysSupply: 30, dosage: tablets(1, { everyHours: 6 }) }, addCalendarDays);
    const assessment = assessOrder(concept('1049621'), { dispenses: fills }, RESTART, fixtureIndex);
    expect(assessment.status).toBe('no-gap');
  });

  it('a supply that ended the day before the restart is no gap; two days before is a one-day gap', () => {
    const dosage = tablets(1, { everyHours: 6 });
    const endsYesterday = { dispenses: [dispense({ code: '1049621', date: '2026-10-29', daysSupply: 30, dosage })] };
    expect(assessOrder(concept('1049621'), endsYesterday, RESTART, fixtureIndex).status).toBe('no-gap');
    const endsBefore = { dispenses: [dispense({ code: '1049621', date: '2026-10-28', daysSupply: 30, dosage })] };
    const assessment = assessOrder(concept('1049621'), endsBefore, RESTART, fixtureIndex);
    expect(assessment.status).toBe('restart-after-gap');
    expect(assessment.status !== 'unknown-drug' && assessment.line!.missedDays).toBe(1);
  });

  it('the regimen comes from the prescription when the dispense carries no instruction', () => {
    const prescription = order({ id: 'rx-alp', code: '197321', authoredOn: '2026-06-01', dosage: tablets(1, { timesPerDay: 3 }) });
    const record = {
      requests: [prescription],
      dispenses: [dispense({ code: '197321', date: '2026-10-01', daysSupply: 30, prescription: 'rx-alp' })],
    };
    const line = readRecord(record, RESTART, fixtureIndex).lines.find((l) => l.drug.id === 'alprazolam')!;
    expect(line.request.prior).toEqual({ dose: '1', unit: 'mg', timesPerDay: 3 });
    expect(line.provenance['prior']).toContain('MedicationRequest/rx-alp (prescription of MedicationDispense/');
  });

  it('a benzodiazepine still supplied on the restart date is a concurrent medicine of the opioid', () => {
    const record = {
      dispenses: [
        dispense({ code: '1049621', date: '2026-09-01', daysSupply: 30, dosage: tablets(1, { everyHours: 6 }) }),
        dispense({ code: '197321', date: '2026-11-15', daysSupply: 30, dosage: tablets(1, { timesPerDay: 3 }) }),
      ],
    };
    const lines = readRecord(record, RESTART, fixtureIndex).lines;
    const opioid = lines.find((line) => line.drug.id === 'oxycodone')!;
    expect(opioid.request.concurrent).toEqual(['alprazolam']);
    expect(opioid.provenance['concurrent']).toContain('2026-11-27');
    expect(lines.find((line) => line.drug.id === 'alprazolam')!.request.concurrent).toBeUndefined();
  });

  it('an antidepressant coded by ingredient with the dose in mg (single formulation: no formulation note)', () => {
    const record = { dispenses: [dispense({ code: '36437', date: '2026-09-20', daysSupply: 30, dosage: mgDose(100, 1) })] };
    const reading = readRecord(record, RESTART, fixtureIndex);
    expect(reading.lines[0]!.request).toMatchObject({ drug: 'sertraline', formulation: 'tablet', prior: { dose: '100', unit: 'mg', timesPerDay: 1 }, lastDoseDate: '2026-10-19' });
    expect(reading.uninterpreted).toEqual([]);
  });

  it('an ingredient code for a drug with several forms is read as the immediate-release form, and the record says so', () => {
    const record = { dispenses: [dispense({ code: '7804', date: '2026-10-01', daysSupply: 30, dosage: mgDose(10, 4) })] };
    const reading = readRecord(record, RESTART, fixtureIndex);
    expect(reading.lines[0]!.request).toMatchObject({ drug: 'oxycodone', formulation: 'ir', prior: { dose: '10', timesPerDay: 4 } });
    expect(reading.uninterpreted).toEqual([expect.objectContaining({ element: 'medication', message: expect.stringContaining('ingredient only') })]);
  });

  it('as needed: times a day from what was dispensed when fewer than allowed', () => {
    const dosage = tablets(1, { everyHours: 4 }, { asNeededBoolean: true }); // up to 6 a day
    const record = { dispenses: [dispense({ code: '1049621', date: '2026-10-01', daysSupply: 30, quantity: 90, dosage })] };
    const line = readRecord(record, RESTART, fixtureIndex).lines[0]!;
    expect(line.request.prior).toEqual({ dose: '5', unit: 'mg', timesPerDay: 3, asNeeded: true });
    expect(line.provenance['prior']).toContain('90 dispensed for 30 days = 3 doses a day');
  });

  it('reports what it cannot interpret and leaves it out of the supply', () => {
    const record = {
      dispenses: [
        dispense({ code: '1049621', date: '2026-10-01', daysSupply: 30, dosage: tablets(1, { everyHours: 6 }) }),
        dispense({ code: '1049621', date: '2026-10-20', daysSupply: 30, status: 'cancelled' }),
        dispense({ code: '1049621', date: '2026-10-25', quantity: 30 }), // no instruction anywhere… but the line has one
        { ...dispense({ code: '999999', date: '2026-10-01', daysSupply: 30 }), medicationCodeableConcept: { text: 'Unknown cream' } },
      ],
    };
    const reading = readRecord(record, RESTART, fixtureIndex);
    const elements = reading.uninterpreted.map((item) => `${item.element}: ${item.message}`);
    expect(elements).toEqual(
      expect.arrayContaining([
        expect.stringContaining('status: status cancelled'),
        expect.stringContaining('medication: no RxNorm code ("Unknown cream")'),
      ]),
    );
    // The quantity-only fill uses the line's regimen (4 a day): 30 tablets = 7 days, carried forward from 31 October.
    const line = reading.lines[0]!;
    expect(line.fills.map((fill) => fill.days)).toEqual([30, 7]);
    expect(line.coverage!.lastCoveredDay).toBe('2026-11-06');
  });

  it('an instruction it cannot read leaves the prior regimen empty and says why', () => {
    const weekly = { text: 'weekly', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' as const } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] };
    const record = { dispenses: [dispense({ code: '1049621', date: '2026-10-01', daysSupply: 30, dosage: weekly })], requests: [order({ code: '1049621', authoredOn: '2026-09-30', dosage: weekly })] };
    const reading = readRecord(record, RESTART, fixtureIndex);
    expect(reading.lines[0]!.request.prior).toBeUndefined();
    expect(reading.lines[0]!.request.lastDoseDate).toBe('2026-10-30');
    expect(reading.uninterpreted.filter((item) => item.element === 'dosageInstruction').map((item) => item.resource)).toEqual([
      `MedicationDispense/${record.dispenses[0]!.id}`,
      `MedicationRequest/${record.requests[0]!.id}`,
    ]);
  });

  it('with no dispensing, a reported use (MedicationStatement) gives the last dose date', () => {
    const record = { statements: [statement({ code: '197321', start: '2026-01-01', end: '2026-10-31', dosage: tablets(1, { timesPerDay: 2 }) })] };
    const line = readRecord(record, RESTART, fixtureIndex).lines[0]!;
    expect(line.request).toMatchObject({ drug: 'alprazolam', lastDoseDate: '2026-10-31', priorDurationDays: 304, prior: { dose: '1', timesPerDay: 2 } });
    expect(line.provenance['lastDoseDate']).toContain('reported use');
    expect(line.missedDays).toBe(27);
  });

  it('an order for a drug Retitrate does not plan is unknown; an order with no history is no-history', () => {
    expect(assessOrder({ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '999999' }] }, {}, RESTART, fixtureIndex).status).toBe('unknown-drug');
    expect(assessOrder(concept('1049621'), {}, RESTART, fixtureIndex).status).toBe('no-history');
  });

  it('dispenses on or after the restart date are not history', () => {
    const record = { dispenses: [dispense({ code: '1049621', date: RESTART, daysSupply: 30, dosage: tablets(1, { everyHours: 6 }) })] };
    expect(readRecord(record, RESTART, fixtureIndex).lines).toEqual([]);
  });
});
