/**
 * Product facts and the opioid-tolerant-only rules the checker relies on: the label's thresholds
 * (above a single dose, at or above a single dose, above a daily dose), restricted strengths, and
 * the smallest practical rise from a regimen.
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/engine/check.ts';
import { D } from '../../src/engine/decimal.ts';
import { productFacts, provenanceLabel, smallestPiece, smallestPracticalRise, toleranceRestriction, type ProductFacts } from '../../src/engine/products.ts';

function facts(drug: string, formulation: string): ProductFacts {
  const found = productFacts(drug, formulation);
  if (!found) throw new Error(`no product ${drug} ${formulation}`);
  return found;
}

const amounts = (...values: string[]) => values.map((v) => new D(v));

describe('provenanceLabel', () => {
  it('labels a cited source with its locator, and an engine assumption by id', () => {
    expect(provenanceLabel({ source: 'cdc-2022', locator: 'Table 1' })).toBe('cdc-2022: Table 1');
    expect(provenanceLabel({ assumption: 'unverified-scoring-unscored' })).toBe('engine assumption unverified-scoring-unscored');
  });
});

describe('productFacts', () => {
  it('is null for an unknown drug or an unknown formulation', () => {
    expect(productFacts('nosuchdrug', 'ir')).toBeNull();
    expect(productFacts('oxycodone', 'suppository')).toBeNull();
  });

  it('gives an opioid its MME factor and a patch its wear time', () => {
    const oxy = facts('oxycodone', 'ir');
    expect(oxy.displayName).toBe('oxyCODONE');
    expect(oxy.rxnorm).toBe('7804');
    expect(oxy.equivalent?.factor.toFixed()).toBe('1.5');
    expect(oxy.equivalent?.unit).toBe('MME');
    expect('wearHours' in oxy).toBe(false);
    expect(facts('fentanyl', 'patch').wearHours).toBe(72);
  });

  it('gives a benzodiazepine, and buprenorphine (no MME factor in the data), no MME equivalent', () => {
    expect('equivalent' in facts('alprazolam', 'ir')).toBe(false);
    expect('equivalent' in facts('buprenorphine', 'sl-tablet')).toBe(false);
  });
});

describe('toleranceRestriction', () => {
  const oxycontin = facts('oxycodone', 'er');
  const oxycontinRule = { rule: expect.stringContaining('single dose above 40 mg'), source: 'label-oxycontin' };

  it('restricts OxyContin when the largest dose is above 40 mg, whatever the order', () => {
    expect(toleranceRestriction(oxycontin, amounts('50', '10'))).toEqual(oxycontinRule);
    expect(toleranceRestriction(oxycontin, amounts('10', '50'))).toEqual(oxycontinRule);
  });

  it('restricts OxyContin above 80 mg a day even when each dose is 40 mg or less', () => {
    expect(toleranceRestriction(oxycontin, amounts('40', '40', '10'))).toEqual(oxycontinRule);
    expect(toleranceRestriction(oxycontin, amounts('40', '40'))).toBeNull();
  });

  it('restricts Hysingla ER at 80 mg a dose or more, even when no restricted tablet is used', () => {
    const hysingla = facts('hydrocodone', 'er');
    const rule = { rule: expect.stringContaining('80 mg or more'), source: 'label-hysingla' };
    // 90 mg is made from 60 mg + 30 mg tablets, neither of them restricted.
    expect(toleranceRestriction(hysingla, amounts('90'))).toEqual(rule);
    expect(toleranceRestriction(hysingla, amounts('80'))).toEqual(rule);
    expect(toleranceRestriction(hysingla, amounts('60'))).toBeNull();
  });

  it('names a restricted strength when the thresholds alone would allow the dose', () => {
    const oxycontinWithoutThresholds: ProductFacts = { ...oxycontin, formulation: { ...oxycontin.formulation, restrictedAbove: undefined } as typeof oxycontin.formulation };
    expect(toleranceRestriction(oxycontinWithoutThresholds, amounts('70'))).toEqual({
      rule: 'The 60 mg tablet is only for opioid-tolerant patients.',
      source: 'label-oxycontin',
    });
    expect(toleranceRestriction(oxycontinWithoutThresholds, amounts('30', '40'))).toBeNull();
    // A dose the strengths cannot make has no restricted tablet in it.
    expect(toleranceRestriction(oxycontinWithoutThresholds, amounts('12'))).toBeNull();
  });

  it('restricts a whole product such as transdermal fentanyl', () => {
    expect(toleranceRestriction(facts('fentanyl', 'patch'), amounts('12'))?.rule).toContain('opioid-tolerant');
  });

  it('does not restrict immediate-release oxycodone', () => {
    expect(toleranceRestriction(facts('oxycodone', 'ir'), amounts('30', '30', '30', '30'))).toBeNull();
  });
});

describe('smallest rises', () => {
  it('is the smallest unit, or half a scored tablet', () => {
    expect(smallestPiece(facts('oxycodone', 'ir')).toFixed()).toBe('5');
    expect(smallestPiece(facts('morphine', 'ir')).toFixed()).toBe('7.5');
  });

  it('is the smallest unit for a regimen with no administrations', () => {
    expect(smallestPracticalRise(facts('oxycodone', 'ir'), []).toFixed()).toBe('5');
  });

  it('rises from the lowest administration to the next makeable dose', () => {
    // Lowest 10 mg: next makeable 15 mg, a rise of 5 mg (from 20 mg it would be 10 mg, to 30 mg).
    expect(smallestPracticalRise(facts('oxycodone', 'ir'), amounts('20', '10')).toFixed()).toBe('5');
  });

  it('is never less than one more unit', () => {
    // Venlafaxine 25 mg: the next makeable dose is 37.5 mg (+12.5 mg), but one more unit adds 25 mg.
    expect(smallestPracticalRise(facts('venlafaxine', 'ir'), amounts('25')).toFixed()).toBe('25');
  });

  it('is the smallest unit at the product maximum', () => {
    expect(smallestPracticalRise(facts('oxycodone', 'ir'), amounts('200')).toFixed()).toBe('5');
  });
});

describe('the checker flags Hysingla ER at 80 mg or more after tolerance loss', () => {
  // Hysingla ER 60 mg once daily for 90 days, 27 days off: tolerance lost.
  const request = {
    drug: 'hydrocodone',
    formulation: 'er',
    prior: { dose: '60', unit: 'mg', timesPerDay: 1 },
    priorDurationDays: 90,
    lastDoseDate: '2026-11-01',
    restartDate: '2026-11-28',
  };
  const findings = (amount: string) => {
    const outcome = checkSchedule({ ...request, proposed: [{ start: '2026-11-28', dose: { amount, unit: 'mg' }, timesPerDay: 1 }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    return outcome.result.findings;
  };

  it('flags 90 mg a day (60 mg + 30 mg tablets) as for opioid-tolerant patients only', () => {
    const restricted = findings('90').find((f) => f.code === 'RESTRICTED_AFTER_TOLERANCE_LOSS');
    expect(restricted?.rule).toContain('Hysingla ER doses of 80 mg or more are only for opioid-tolerant patients');
  });

  it('does not apply the 80 mg rule to 60 mg (only that the plan restarts on another product)', () => {
    const restricted = findings('60').filter((f) => f.code === 'RESTRICTED_AFTER_TOLERANCE_LOSS');
    expect(restricted.map((f) => f.rule)).toEqual([expect.stringContaining('does not restart this product')]);
  });
});
