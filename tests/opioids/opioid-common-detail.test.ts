/**
 * The helpers every opioid planner shares (src/engine/classes/opioid-common.ts), checked one rule at a time:
 * the engine's risk factors for halving the naive start, the opioid-naive start (amendment A6: the label's start within
 * 30 MME/day, no cap per dose), acetaminophen counting and its limits (4 g; 3 g at ≥ 65 or long use; 2 g with liver disease or alcohol),
 * and each class warning with its trigger, severity, sources, message and derivation line
 * (CDC 2022 Rec 8 naloxone criteria; FDA boxed warnings; release from prison or detox).
 */
import { describe, expect, it } from 'vitest';
import type Decimal from 'decimal.js';
import { acetaminophenDaily, acetaminophenLimit, acetaminophenOfDose, benzodiazepinesIn, capForAcetaminophen, describe as describeRegimen, fillRegimen, naiveStart, opioidPlanSummary, opioidRiskFactors, opioidWarnings, smallestUnit, type WarningContext } from '../../src/engine/classes/opioid-common.ts';
import { D } from '../../src/engine/decimal.ts';
import { mg, mme, productAmount, productAmounts } from '../../src/engine/units.ts';
import { PlanNotes } from '../../src/engine/notes.ts';
import type { PatientFactors, RestartPlan, RestartRequest } from '../../src/engine/types.ts';
import { OPIOID_CLASS } from '../../src/protocols/opioids/index.ts';
import type { OpioidFormulation } from '../../src/protocols/opioids/types.ts';
import { BASE, codes, plan, restartAfter, warning, opioidDrug, opioidForm } from './helpers.ts';

// --- small local helpers -------------------------------------------------------------------------

const drug = opioidDrug;
const form = opioidForm;
const amounts = (regimen: readonly Decimal[] | null) => (regimen === null ? null : regimen.map((a) => a.toFixed()));
const decs = (...values: string[]) => productAmounts(values.map((v) => new D(v)));

const NO_FLAGS: PatientFactors = {
  hepaticImpairment: false,
  renalImpairment: false,
  respiratoryDisease: false,
  sleepApnea: false,
  overdoseHistory: false,
  substanceUseDisorder: false,
  alcoholUse: false,
  hepaticGrade: 'none',
  seizureHistory: false,
  historyOfFalls: false,
  complexSleepBehaviorHistory: false,
  smokedBeforeBreak: false,
  smokesNow: false,
  hemodialysis: false,
};

/** A validated request as the planners receive it (oxyCODONE IR 10 mg × 4, 60 days, no risk factors). */
function request(extra: Partial<Omit<RestartRequest, 'patient'>> & { patient?: Partial<PatientFactors> } = {}): RestartRequest {
  const { patient, ...rest } = extra;
  return {
    drug: 'oxycodone',
    formulation: 'ir',
    prior: { dose: { amount: new D(10), unit: 'mg' }, timesPerDay: 4, daysPerWeek: 7, asNeeded: false, nonPrescribed: false },
    priorDurationDays: 60,
    lastDoseDate: '2026-11-01',
    restartDate: '2026-11-02',
    concurrent: [],
    concurrentHistory: [],
    ...rest,
    patient: { ...NO_FLAGS, ...patient },
  };
}

type Finished = Pick<RestartPlan, 'warnings' | 'derivation' | 'assumptions' | 'sources'>;
function finish(notes: PlanNotes): Finished {
  return notes.finish({} as never);
}
const assumptionIds = (f: Finished) => (f as RestartPlan).assumptionDetails.map((a) => a.id);

/** The class warnings for a request and context (defaults: oxyCODONE, tolerance retained, tolerant, 0 MME, no checkpoint). */
function warningsFor(req: RestartRequest, context: Partial<WarningContext> = {}): Finished {
  const notes = new PlanNotes();
  opioidWarnings(notes, req, {
    drug: drug('oxycodone'),
    status: 'retained',
    priorTolerant: true,
    maxMme: mme(new D(0)),
    hasCheckpoint: false,
    ...context,
  });
  // The CDC Rec 1–2 information is on every full-agonist pain plan (pinned in its own test); left out here so each
  // test sees only the warnings its trigger adds. It is the last line of the working.
  const f = finish(notes);
  return {
    ...f,
    warnings: f.warnings.filter((w) => w.code !== 'NON_OPIOID_THERAPIES'),
    derivation: f.derivation.filter((l) => !l.includes('Information NON_OPIOID_THERAPIES')),
  } as Finished;
}
const find = (f: Finished, code: string) => {
  const w = f.warnings.find((x) => x.code === code);
  if (!w) throw new Error(`no ${code}; have ${f.warnings.map((x) => x.code).join(', ')}`);
  return w;
};
const naloxoneMessage = (reasons: string) => `Offer naloxone and overdose education to the patient and household: ${reasons}.`;

// --- risk factors --------------------------------------------------------------------------------

describe('opioidRiskFactors: the factors that halve the naive start (engine assumption)', () => {
  it('none for a patient under 65 with no flags and no CNS depressant', () => {
    expect(opioidRiskFactors(request({ patient: { ageYears: 64 }, concurrent: ['sertraline'] }))).toEqual([]);
    expect(opioidRiskFactors(request())).toEqual([]);
  });

  it('age counts from exactly 65 (CDC 2022 Rec 4: caution at ≥ 65), naming the age', () => {
    expect(opioidRiskFactors(request({ patient: { ageYears: 65 } }))).toEqual(['age 65']);
    expect(opioidRiskFactors(request({ patient: { ageYears: 82 } }))).toEqual(['age 82']);
  });

  it.each([
    ['hepaticImpairment', 'hepatic impairment'],
    ['renalImpairment', 'renal impairment'],
    ['respiratoryDisease', 'respiratory disease'],
    ['sleepApnea', 'sleep apnea'],
  ] as const)('%s alone is named "%s"', (flag, text) => {
    expect(opioidRiskFactors(request({ patient: { [flag]: true } }))).toEqual([text]);
  });

  it('overdose history and substance use disorder are not naive-start factors; alcohol use is (A3)', () => {
    expect(opioidRiskFactors(request({ patient: { overdoseHistory: true, substanceUseDisorder: true } }))).toEqual([]);
    // Amendment A3: alcohol use now counts as a concurrent CNS depressant for every opioid.
    expect(opioidRiskFactors(request({ patient: { alcoholUse: true } }))).toEqual(['alcohol use']);
  });

  it('concurrent CNS depressants are named together; other concurrent drugs are left out', () => {
    const factors = opioidRiskFactors(request({ concurrent: ['sertraline', 'alprazolam', 'gabapentin', 'omeprazole'] }));
    expect(factors).toEqual(['concurrent CNS depressant (ALPRAZolam, gabapentin)']);
  });

  it('all factors together, in a fixed order', () => {
    const factors = opioidRiskFactors(
      request({
        patient: { ageYears: 70, hepaticImpairment: true, renalImpairment: true, respiratoryDisease: true, sleepApnea: true },
        concurrent: ['alcohol'],
      }),
    );
    expect(factors).toEqual(['age 70', 'hepatic impairment', 'renal impairment', 'respiratory disease', 'sleep apnea', 'concurrent CNS depressant (alcohol)']);
  });
});

// --- regimens ------------------------------------------------------------------------------------

describe('fillRegimen: the largest real regimen under a daily and a per-dose cap', () => {
  it('raises administrations one real level at a time, largest first: oxyCODONE IR ≤ 25 mg/day, ≤ 10 mg a dose, 3 a day → 10 + 10 + 5', () => {
    expect(amounts(fillRegimen(new D(25), new D(10), 3, form('oxycodone', 'ir')))).toEqual(['10', '10', '5']);
  });

  it('stops at the per-dose cap even when the daily cap allows more', () => {
    expect(amounts(fillRegimen(new D(100), new D(10), 3, form('oxycodone', 'ir')))).toEqual(['10', '10', '10']);
  });

  it('null when not even the smallest tablet fits the daily cap', () => {
    expect(fillRegimen(new D(4), new D(10), 3, form('oxycodone', 'ir'))).toBeNull();
  });
});

describe('smallestUnit', () => {
  it.each([
    ['oxycodone', 'ir', '5'],
    ['morphine', 'ir', '15'],
    ['hydromorphone', 'ir', '2'],
    ['fentanyl', 'patch', '12'],
    ['codeine', 'apap', '30'],
  ])('%s %s: %s', (d, f, expected) => {
    expect(smallestUnit(form(d, f)).toFixed()).toBe(expected);
  });
});

describe('describe: a regimen in words for the derivation', () => {
  it('"none" for no regimen or an empty one', () => {
    expect(describeRegimen(null, 'mg')).toBe('none');
    expect(describeRegimen([], 'mg')).toBe('none');
  });

  it('equal administrations: dose × times = daily total', () => {
    expect(describeRegimen(decs('5', '5', '5', '5'), 'mg')).toBe('5 mg × 4 a day = 20 mg daily');
    expect(describeRegimen(decs('7.5'), 'mg')).toBe('7.5 mg × 1 a day = 7.5 mg daily');
    expect(describeRegimen(decs('25'), 'mcg/h')).toBe('25 mcg/h × 1 a day = 25 mcg/h daily');
  });

  it('uneven administrations: each one, then the daily total', () => {
    expect(describeRegimen(decs('10', '10', '5'), 'mg')).toBe('10 mg + 10 mg + 5 mg = 25 mg daily');
    expect(describeRegimen(decs('600', '500'), 'mg')).toBe('600 mg + 500 mg = 1,100 mg daily');
  });
});

// --- the opioid-naive start ------------------------------------------------------------------------

describe('naiveStart (methadone planner): the label start within 30 MME/day, no cap per dose (amendment A6)', () => {
  it('oxyCODONE IR: the label 5 mg every 6 hours (7.5 MME a dose, 30 MME/day), with the working', () => {
    const notes = new PlanNotes();
    expect(amounts(naiveStart(notes, drug('oxycodone'), form('oxycodone', 'ir'), 6, []))).toEqual(['5', '5', '5', '5']);
    const [line] = finish(notes).derivation;
    expect(line).toContain(
      'Opioid-naive start on oxyCODONE immediate-release tablet: label 5 mg × 4 a day, within 30 MME/day (30 ÷ 1.5 = 20 mg/day), in at most 4 administrations, rounded down to real strengths: 5 mg × 4 a day = 20 mg daily.',
    );
    expect(line).toContain('[label-oxycodone-ir: 2.2 Initial dosage');
    expect(line).toContain('[cdc-2022: Recommendation 4');
  });

  it('never more administrations than the caller allows: 2 a day → 5 mg twice daily', () => {
    const notes = new PlanNotes();
    expect(amounts(naiveStart(notes, drug('oxycodone'), form('oxycodone', 'ir'), 2, []))).toEqual(['5', '5']);
    expect(finish(notes).derivation[0]).toContain('in at most 2 administrations, rounded down to real strengths: 5 mg × 2 a day = 10 mg daily.');
  });

  it('HYDROmorphone IR: the label 2 mg × 4 (40 MME) is cut to 2 mg × 3 = 30 MME/day', () => {
    expect(amounts(naiveStart(null, drug('hydromorphone'), form('hydromorphone', 'ir'), 6, []))).toEqual(['2', '2', '2']);
  });

  it('morphine IR: half of a scored 15 mg tablet four times daily = 30 MME/day', () => {
    expect(amounts(naiveStart(null, drug('morphine'), form('morphine', 'ir'), 6, []))).toEqual(['7.5', '7.5', '7.5', '7.5']);
  });

  // A6 removed the 10-MME-a-dose cap (these products had no start under it): the label's naive dose now stands.
  it.each([
    ['oxymorphone', 'ir', ['5', '5']],
    ['tapentadol', 'ir', ['50']],
    ['oxycodone', 'er', ['10', '10']],
  ])('%s %s: the label start within 30 MME/day, though a dose is above 10 MME', (d, f, expected) => {
    expect(amounts(naiveStart(null, drug(d), form(d, f), 6, []))).toEqual(expected);
  });

  it('methadone tablets: the label 2.5 mg cannot be made from unscored 5 mg tablets, so no start on them (never 5 mg once daily)', () => {
    const notes = new PlanNotes();
    expect(naiveStart(notes, drug('methadone'), form('methadone', 'tablet'), 3, [])).toBeNull();
    const derivation = finish(notes).derivation;
    expect(derivation).toHaveLength(2);
    expect(derivation[0]).toContain('label 2.5 mg × 2 a day, within 30 MME/day (30 ÷ 4.7 ≈ 6.38 mg/day), in at most 2 administrations, rounded down to real strengths: none.');
    expect(derivation[1]).toContain("The smallest methadone unit on this product (5 mg) is above the label's 2.5 mg dose: no opioid-naive start can be made on it (the start is rounded down, never up).");
    expect(derivation.join('\n')).not.toMatch(/capped at 10 MME a dose/);
  });

  it('methadone solution 1 mg/mL (whole mL): 2.5 mg rounds down to 2 mg × 2 a day', () => {
    expect(amounts(naiveStart(null, drug('methadone'), form('methadone', 'oral-solution'), 3, []))).toEqual(['2', '2']);
  });

  it('tramadol IR: the label 25 mg cannot be made and the 50 mg tablet is above it: null here (the full-agonist planner uses labelNaiveStart)', () => {
    const notes = new PlanNotes();
    expect(naiveStart(notes, drug('tramadol'), form('tramadol', 'ir'), 6, [])).toBeNull();
    expect(finish(notes).derivation[1]).toContain("The smallest tramadol unit on this product (50 mg) is above the label's 25 mg dose");
  });

  it('works without notes (the caller only checks whether a start exists)', () => {
    expect(naiveStart(null, drug('tramadol'), form('tramadol', 'ir'), 6, [])).toBeNull();
    expect(amounts(naiveStart(null, drug('oxycodone'), form('oxycodone', 'ir'), 6, ['age 70']))).toEqual(['5', '5']);
    expect(amounts(naiveStart(null, drug('oxymorphone'), form('oxymorphone', 'ir'), 6, []))).toEqual(['5', '5']);
  });

  it.each([
    ['buprenorphine', 'sl-tablet', 'no MME factor'],
    ['hydromorphone', 'er', 'no labelled naive start (tolerant only)'],
    ['fentanyl', 'patch', 'no labelled naive start (tolerant only)'],
  ])('%s %s: null (%s), with no working', (d, f) => {
    const notes = new PlanNotes();
    expect(naiveStart(notes, drug(d), form(d, f), 6, [])).toBeNull();
    expect(finish(notes).derivation).toEqual([]);
  });
});

describe('naiveStart with risk factors: × 0.5, rounded down to real strengths, never above the plain start', () => {
  it('oxyCODONE IR at age 70: 10 mg/day → 5 mg twice daily, citing the engine assumption', () => {
    const notes = new PlanNotes();
    expect(amounts(naiveStart(notes, drug('oxycodone'), form('oxycodone', 'ir'), 6, ['age 70']))).toEqual(['5', '5']);
    const f = finish(notes);
    expect(f.derivation[1]).toContain(
      'Risk factors (age 70): naive start × 0.5 = at most 10 mg daily, rounded down to real strengths: 5 mg × 2 a day = 10 mg daily.',
    );
    expect(f.derivation[1]).toContain('[engine assumption: opioid-naive-halved-for-risk]');
    expect(f.derivation[1]).not.toContain('opioid-naive-smallest-unit');
    expect(assumptionIds(f)).toEqual(['opioid-naive-halved-for-risk']);
  });

  it('several risk factors are listed, separated by semicolons', () => {
    const notes = new PlanNotes();
    naiveStart(notes, drug('hydrocodone'), form('hydrocodone', 'apap'), 6, ['age 70', 'sleep apnea']);
    const line = finish(notes).derivation[1]!;
    expect(line).toContain('Risk factors (age 70; sleep apnea): naive start × 0.5 = at most 15 mg daily');
    expect(line).toContain('2.5 mg × 6 a day = 15 mg daily');
  });

  it('methadone solution with a risk factor: 4 mg × 0.5 = 2 mg daily, 1 mg × 2', () => {
    const notes = new PlanNotes();
    expect(amounts(naiveStart(notes, drug('methadone'), form('methadone', 'oral-solution'), 3, ['renal impairment']))).toEqual(['1', '1']);
    expect(finish(notes).derivation[1]).toContain('naive start × 0.5 = at most 2 mg daily, rounded down to real strengths: 1 mg × 2 a day = 2 mg daily.');
  });

  it('morphine IR once daily (7.5 mg, half a scored 15 mg tablet): halving cannot be made and the dose is not raised to 15 mg', () => {
    const notes = new PlanNotes();
    expect(amounts(naiveStart(notes, drug('morphine'), form('morphine', 'ir'), 1, ['age 80']))).toEqual(['7.5']);
    const f = finish(notes);
    expect(f.derivation[1]).toContain('at most 3.75 mg daily, rounded down to real strengths: none fits; the smallest unit once daily: 7.5 mg × 1 a day = 7.5 mg daily.');
    expect(f.derivation[1]).toContain('[engine assumption: opioid-naive-smallest-unit]');
    expect(assumptionIds(f)).toEqual(['opioid-naive-halved-for-risk', 'opioid-naive-smallest-unit']);
  });

  // Products that are not in the protocol data, to check the rule itself on shapes the data may gain.
  const synthetic = (strengths: OpioidFormulation['strengths'], dose: string, times: number): OpioidFormulation => ({
    ...form('oxycodone', 'ir'),
    strengths,
    naiveStart: {
      dose: { value: dose, assumption: 'opioid-naive-halved-for-risk' },
      timesPerDay: { value: times, assumption: 'opioid-naive-halved-for-risk' },
    },
  });

  it('when halving cannot be made, the smallest unit is used if it is below the start: codeine 15 mg once daily → 10 mg', () => {
    const f = synthetic([{ amount: '10', scored: false }, { amount: '15', scored: false }], '15', 1);
    expect(amounts(naiveStart(null, drug('codeine'), f, 1, []))).toEqual(['15']);
    expect(amounts(naiveStart(null, drug('codeine'), f, 1, ['age 70']))).toEqual(['10']);
  });

  it('a risk factor never raises the start above the plain start (half of a scored 5 mg tablet stays 2.5 mg)', () => {
    const f = synthetic([{ amount: '5', scored: true }], '2.5', 1);
    expect(amounts(naiveStart(null, drug('morphine'), f, 1, []))).toEqual(['2.5']);
    expect(amounts(naiveStart(null, drug('morphine'), f, 1, ['age 70']))).toEqual(['2.5']);
  });
});

// --- acetaminophen -------------------------------------------------------------------------------

describe('acetaminophen in a dose and a day', () => {
  const norco = form('hydrocodone', 'apap');
  const tylenol3 = form('codeine', 'apap');

  it.each([
    ['10', '325'],
    ['20', '650'],
    ['15', '650'],
    ['2.5', '325'],
  ])('HYDROcodone/APAP %s mg = %s mg acetaminophen (325 mg a tablet)', (dose, apap) => {
    expect(acetaminophenOfDose(productAmount(new D(dose)), norco).toFixed()).toBe(apap);
  });

  it('codeine 90 mg as No. 4 + No. 3 = 600 mg acetaminophen', () => {
    expect(acetaminophenOfDose(productAmount(new D(90)), tylenol3).toFixed()).toBe('600');
  });

  it('no acetaminophen in a dose the tablets cannot make, or in a single-ingredient product', () => {
    expect(acetaminophenOfDose(productAmount(new D(3)), norco).toFixed()).toBe('0');
    expect(acetaminophenOfDose(productAmount(new D(10)), form('oxycodone', 'ir')).toFixed()).toBe('0');
  });

  it('daily: the sum over administrations (10/325 × 6 = 1,950 mg); zero administrations add nothing', () => {
    expect(acetaminophenDaily(decs('10', '10', '10', '10', '10', '10'), norco).toFixed()).toBe('1950');
    expect(acetaminophenDaily(decs('20', '10', '0'), norco).toFixed()).toBe('975');
    expect(acetaminophenDaily([], norco).toFixed()).toBe('0');
  });
});

describe('acetaminophenLimit: 4 g; 3 g at ≥ 65 or after long use; 2 g with liver disease or alcohol', () => {
  it('adult standard maximum 4,000 mg', () => {
    const l = acetaminophenLimit(request({ patient: { ageYears: 64 }, priorDurationDays: 13 }));
    expect(l.limit.toFixed()).toBe('4000');
    expect(l.why).toBe('adult standard maximum');
    expect(l.provenance).toEqual([OPIOID_CLASS.acetaminophen.standardMg]);
  });

  it('age 65 exactly: 3,000 mg, citing the older-adult age', () => {
    const l = acetaminophenLimit(request({ patient: { ageYears: 65 }, priorDurationDays: 5 }));
    expect(l.limit.toFixed()).toBe('3000');
    expect(l.why).toBe('age 65');
    expect(l.provenance).toEqual([OPIOID_CLASS.acetaminophen.olderOrLongUseMg, OPIOID_CLASS.olderAdultAge]);
  });

  it('age wins over long use in the reason', () => {
    expect(acetaminophenLimit(request({ patient: { ageYears: 80 }, priorDurationDays: 400 })).why).toBe('age 80');
  });

  it('long use from exactly 14 days: 3,000 mg, naming the days', () => {
    const l = acetaminophenLimit(request({ priorDurationDays: 14 }));
    expect(l.limit.toFixed()).toBe('3000');
    expect(l.why).toBe('long use (14 days ≥ 14)');
    expect(l.provenance).toEqual([OPIOID_CLASS.acetaminophen.olderOrLongUseMg, OPIOID_CLASS.acetaminophen.longUseDays]);
    expect(acetaminophenLimit(request({ priorDurationDays: 13 })).limit.toFixed()).toBe('4000');
  });

  it('no age given and short use: the standard maximum', () => {
    expect(acetaminophenLimit(request({ priorDurationDays: 7 })).limit.toFixed()).toBe('4000');
  });

  it('hepatic impairment: 2,000 mg, "liver disease", whatever the age', () => {
    const l = acetaminophenLimit(request({ patient: { hepaticImpairment: true, alcoholUse: true, ageYears: 70 } }));
    expect(l.limit.toFixed()).toBe('2000');
    expect(l.why).toBe('liver disease (hepatic impairment)');
    expect(l.provenance).toEqual([OPIOID_CLASS.acetaminophen.liverOrAlcoholMg]);
  });

  it('alcohol use: 2,000 mg, "alcohol use"', () => {
    const l = acetaminophenLimit(request({ patient: { alcoholUse: true }, priorDurationDays: 5 }));
    expect(l.limit.toFixed()).toBe('2000');
    expect(l.why).toBe('alcohol use');
    expect(l.provenance).toEqual([OPIOID_CLASS.acetaminophen.liverOrAlcoholMg]);
  });
});

describe('capForAcetaminophen: the largest regimen within the acetaminophen limit', () => {
  const norco = form('hydrocodone', 'apap');

  it('2 g limit, 20 mg a dose, 4 a day: 6 tablets spread 2 + 2 + 1 + 1 → 20 + 20 + 10 + 10 mg (1,950 mg acetaminophen)', () => {
    const regimen = capForAcetaminophen(productAmount(new D(20)), 4, mg(new D(2000)), norco);
    expect(amounts(regimen)).toEqual(['20', '20', '10', '10']);
    expect(acetaminophenDaily(regimen, norco).toFixed()).toBe('1950');
  });

  it('3 g limit, 20 mg a dose, 6 a day: 9 tablets → 20 × 3 + 10 × 3 (2,925 mg acetaminophen)', () => {
    expect(amounts(capForAcetaminophen(productAmount(new D(20)), 6, mg(new D(3000)), norco))).toEqual(['20', '20', '20', '10', '10', '10']);
  });

  it('3 g limit, 20 mg a dose, 4 a day: 9 tablets, the extra one cannot raise a 20 mg dose', () => {
    expect(amounts(capForAcetaminophen(productAmount(new D(20)), 4, mg(new D(3000)), norco))).toEqual(['20', '20', '20', '20']);
  });

  it('codeine No. 4, 2 tablets 6 times a day with the 3 g limit: 10 tablets of 300 mg → 120 × 4 + 60 × 2', () => {
    expect(amounts(capForAcetaminophen(productAmount(new D(120)), 6, mg(new D(3000)), form('codeine', 'apap')))).toEqual(['120', '120', '120', '120', '60', '60']);
  });

  it('a limit below one tablet gives no administration', () => {
    expect(capForAcetaminophen(productAmount(new D(20)), 4, mg(new D(300)), norco)).toEqual([]);
  });

  it('a dose below the smallest tablet gives no administration', () => {
    expect(capForAcetaminophen(productAmount(new D(2)), 4, mg(new D(4000)), norco)).toEqual([]);
  });

  it('a product without acetaminophen is not limited', () => {
    expect(amounts(capForAcetaminophen(productAmount(new D(10)), 4, mg(new D(4000)), form('oxycodone', 'ir')))).toEqual(['10', '10', '10', '10']);
  });

  // A product whose strengths cannot make every amount in as few tablets as the count (2.5 and 10 mg only), to
  // exercise the safety net that lowers the largest administration until the limit holds.
  const gappy: OpioidFormulation = {
    ...norco,
    strengths: [
      { amount: '2.5', scored: false, acetaminophenMg: '325' },
      { amount: '10', scored: false, acetaminophenMg: '325' },
    ],
  };

  it('safety net: 17.5 mg needs 4 tablets (1,300 mg) against a 650 mg limit → lowered to 12.5 mg (2 tablets)', () => {
    const regimen = capForAcetaminophen(productAmount(new D('17.5')), 1, mg(new D(650)), gappy);
    expect(amounts(regimen)).toEqual(['12.5']);
    expect(acetaminophenDaily(regimen, gappy).toFixed()).toBe('650');
  });

  it('safety net over two administrations lowers the largest each time: → 12.5 + 12.5 mg within 1,300 mg', () => {
    const regimen = capForAcetaminophen(productAmount(new D('17.5')), 2, mg(new D(1300)), gappy);
    expect(amounts(regimen)).toEqual(['12.5', '12.5']);
    expect(acetaminophenDaily(regimen, gappy).toFixed()).toBe('1300');
  });

  it('counts tablets by the strength with the most acetaminophen (5/500 and 10/325 → 4 tablets in 2 g)', () => {
    const mixed: OpioidFormulation = {
      ...norco,
      strengths: [
        { amount: '5', scored: false, acetaminophenMg: '500' },
        { amount: '10', scored: false, acetaminophenMg: '325' },
      ],
    };
    expect(amounts(capForAcetaminophen(productAmount(new D(10)), 6, mg(new D(2000)), mixed))).toEqual(['10', '10', '10', '10']);
  });
});

// --- warnings ------------------------------------------------------------------------------------

describe('benzodiazepinesIn', () => {
  it('benzodiazepines and Z-drugs, in the order given; nothing else', () => {
    expect(benzodiazepinesIn(request({ concurrent: ['gabapentin', 'alprazolam', 'sertraline', 'zolpidem', 'alcohol'] }))).toEqual(['alprazolam', 'zolpidem']);
    expect(benzodiazepinesIn(request({ concurrent: ['gabapentin'] }))).toEqual([]);
  });
});

describe('opioidWarnings: no trigger, no warning', () => {
  it('a tolerant patient under 65, tolerance retained, below 50 MME, no co-medication: no warning and no line', () => {
    const f = warningsFor(request({ patient: { ageYears: 64 }, breakReason: 'hospitalization', indication: 'pain' }), { maxMme: mme(new D('49.9')) });
    expect(f.warnings).toEqual([]);
    expect(f.derivation).toEqual([]);
  });
});

describe('NALOXONE: CDC 2022 Rec 8 criteria, each on its own', () => {
  const onlyReason = (f: Finished, reason: string) => {
    const w = find(f, 'NALOXONE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['cdc-2022']);
    expect(w.message).toBe(naloxoneMessage(reason));
    expect(f.derivation).toContain(`1. Warning NALOXONE: ${reason} (CDC 2022 Recommendation 8 criteria).`);
  };

  it('tolerance reduced', () => onlyReason(warningsFor(request(), { status: 'reduced', priorTolerant: false }), 'tolerance reduced or lost after the break'));
  it('tolerance lost', () => onlyReason(warningsFor(request(), { status: 'lost', priorTolerant: false }), 'tolerance reduced or lost after the break'));
  it('tolerance not applicable (buprenorphine) is not a loss', () => {
    expect(warningsFor(request(), { status: 'not-applicable' }).warnings).toEqual([]);
  });

  it('exactly 50 MME/day', () => onlyReason(warningsFor(request(), { maxMme: mme(new D(50)) }), 'a dose of ≥ 50 MME/day'));
  it('49.9 MME/day is not enough', () => expect(warningsFor(request(), { maxMme: mme(new D('49.9')) }).warnings).toEqual([]));

  it('overdose history', () => onlyReason(warningsFor(request({ patient: { overdoseHistory: true } })), 'a history of overdose'));
  it('substance use disorder', () => onlyReason(warningsFor(request({ patient: { substanceUseDisorder: true } })), 'a history of substance use disorder'));
  it('methadone for opioid use disorder', () => onlyReason(warningsFor(request({ indication: 'oud' }), { drug: drug('methadone') }), 'treatment for opioid use disorder'));
  it('buprenorphine (partial agonist) counts as OUD treatment', () =>
    onlyReason(warningsFor(request({ indication: 'pain' }), { drug: drug('buprenorphine'), status: 'not-applicable', priorTolerant: false }), 'treatment for opioid use disorder'));
  it('substance use disorder and OUD treatment are one reason, not two', () =>
    onlyReason(warningsFor(request({ indication: 'oud', patient: { substanceUseDisorder: true } }), { drug: drug('methadone') }), 'a history of substance use disorder'));
  it('sleep-disordered breathing', () => onlyReason(warningsFor(request({ patient: { sleepApnea: true } })), 'sleep-disordered breathing'));

  it('a benzodiazepine', () => {
    const f = warningsFor(request({ concurrent: ['lorazepam'] }));
    expect(find(f, 'NALOXONE').message).toBe(naloxoneMessage('a benzodiazepine taken with the opioid'));
  });

  it('release from prison', () => {
    const f = warningsFor(request({ breakReason: 'incarceration' }));
    expect(find(f, 'NALOXONE').message).toBe(naloxoneMessage('recent release from prison'));
  });

  it('completed detoxification (a return to a dose after tolerance loss, as Rec 8 names tapering and prison release)', () => {
    const f = warningsFor(request({ breakReason: 'detox' }));
    expect(find(f, 'NALOXONE').message).toBe(naloxoneMessage('recent detoxification'));
  });

  it('all reasons together, in order, separated by semicolons', () => {
    const f = warningsFor(
      request({ breakReason: 'incarceration', concurrent: ['diazepam'], patient: { overdoseHistory: true, substanceUseDisorder: true, sleepApnea: true } }),
      { status: 'lost', maxMme: mme(new D(90)) },
    );
    const reasons = [
      'tolerance reduced or lost after the break',
      'a dose of ≥ 50 MME/day',
      'a benzodiazepine taken with the opioid',
      'a history of overdose',
      'a history of substance use disorder',
      'sleep-disordered breathing',
      'recent release from prison',
    ].join('; ');
    expect(find(f, 'NALOXONE').message).toBe(naloxoneMessage(reasons));
    expect(f.derivation[0]).toBe(`1. Warning NALOXONE: ${reasons} (CDC 2022 Recommendation 8 criteria).`);
  });
});

describe('OPIOID_TOLERANCE_LOST: only for a previously tolerant patient whose tolerance fell', () => {
  it('lost: critical, says "lost", cites CDC 2022 and the Australian methadone guideline', () => {
    const f = warningsFor(request(), { status: 'lost', priorTolerant: true });
    const w = find(f, 'OPIOID_TOLERANCE_LOST');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['cdc-2022', 'au-methadone-2003']);
    expect(w.message).toMatch(/^Tolerance is lost after the break: returning to the previous dose can cause fatal respiratory depression\./);
    expect(w.message).toContain('Restart at the first step');
    expect(f.derivation).toContain('2. Warning OPIOID_TOLERANCE_LOST: tolerance lost (r < 1) in a previously tolerant patient.');
  });

  it('reduced: says "reduced"', () => {
    const f = warningsFor(request(), { status: 'reduced', priorTolerant: true });
    expect(find(f, 'OPIOID_TOLERANCE_LOST').message).toMatch(/^Tolerance is reduced after the break:/);
    expect(f.derivation[1]).toBe('2. Warning OPIOID_TOLERANCE_LOST: tolerance reduced (r < 1) in a previously tolerant patient.');
  });

  it('not for a patient who was never tolerant, nor when tolerance is retained', () => {
    expect(warningsFor(request(), { status: 'lost', priorTolerant: false }).warnings.map((w) => w.code)).toEqual(['NALOXONE']);
    expect(warningsFor(request(), { status: 'retained', priorTolerant: true }).warnings).toEqual([]);
  });
});

describe('co-medication warnings', () => {
  it('OPIOID_BENZODIAZEPINE: critical, names each drug, FDA 2016 boxed warning and CDC 2022', () => {
    const f = warningsFor(request({ concurrent: ['alprazolam', 'zolpidem', 'sertraline'] }));
    const w = find(f, 'OPIOID_BENZODIAZEPINE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['fda-opioid-benzo-2016', 'cdc-2022']);
    expect(w.message).toMatch(/^Opioid with ALPRAZolam, zolpidem: combined use can cause profound sedation, respiratory depression, coma and death\./);
    expect(w.message).toContain('offer naloxone');
    expect(f.derivation).toContain('2. Warning OPIOID_BENZODIAZEPINE: concurrent alprazolam, zolpidem.');
  });

  it('OPIOID_GABAPENTINOID: critical (as A10 grades the pair), citing FDA 2019 and CDC 2022, with a naloxone reason', () => {
    const f = warningsFor(request({ concurrent: ['pregabalin'] }));
    expect(f.warnings.map((w) => w.code)).toEqual(['NALOXONE', 'OPIOID_GABAPENTINOID']);
    const w = find(f, 'OPIOID_GABAPENTINOID');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['fda-gabapentinoid-2019', 'cdc-2022']);
    expect(w.message).toContain('gabapentin or pregabalin');
    expect(w.message).toContain('monitor for respiratory depression and sedation, and offer naloxone');
    expect(find(f, 'NALOXONE').message).toContain('gabapentin or pregabalin taken with the opioid');
    expect(f.derivation).toContain('2. Warning OPIOID_GABAPENTINOID: concurrent gabapentinoid.');
  });

  it('no co-medication warning for a drug in neither class', () => {
    expect(warningsFor(request({ concurrent: ['omeprazole'] })).warnings).toEqual([]);
  });
});

describe('MME_50_CHECKPOINT', () => {
  it('when a step crosses 50 MME/day: a warning to pause and reassess, citing CDC 2022', () => {
    const f = warningsFor(request(), { hasCheckpoint: true, maxMme: mme(new D(45)) });
    expect(f.warnings).toHaveLength(1);
    const w = find(f, 'MME_50_CHECKPOINT');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['cdc-2022']);
    expect(w.message).toMatch(/^The schedule crosses 50 MME\/day: pause and reassess benefits and risks before that step/);
  });
});

describe('HIGH_RISK_RELEASE: release from prison or completed detoxification', () => {
  it('prison: critical, 14 days and relative risk 129, Binswanger 2007, Merrall 2010, CDC 2022', () => {
    const f = warningsFor(request({ breakReason: 'incarceration' }));
    const w = find(f, 'HIGH_RISK_RELEASE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['binswanger-2007', 'merrall-2010', 'cdc-2022']);
    expect(w.message).toMatch(/^Release from prison is the highest-risk setting for overdose death, above all in the first 14 days/);
    expect(w.message).toContain('overdose death was 129 times the population rate in the first 14 days');
    expect(w.message).toContain('Supply naloxone');
    expect(f.derivation[1]).toMatch(/^2\. Warning HIGH_RISK_RELEASE: break reason incarceration\. \[binswanger-2007: /);
  });

  it('detoxification: "Completed detoxification", Strang 2003 and CDC 2022', () => {
    const f = warningsFor(request({ breakReason: 'detox' }));
    expect(f.warnings.map((w) => w.code)).toEqual(['NALOXONE', 'HIGH_RISK_RELEASE']);
    const w = find(f, 'HIGH_RISK_RELEASE');
    expect(w.severity).toBe('critical');
    expect(w.sources).toEqual(['strang-2003', 'cdc-2022']);
    expect(w.message).toMatch(/^Completed detoxification is the highest-risk setting for overdose death/);
    expect(f.derivation[1]).toMatch(/^2\. Warning HIGH_RISK_RELEASE: break reason detox\. /);
  });

  it.each(['hospitalization', 'nonadherence', 'supply', 'adverse-effect', 'other'] as const)('%s: no HIGH_RISK_RELEASE', (breakReason) => {
    expect(warningsFor(request({ breakReason })).warnings).toEqual([]);
  });
});

describe('OLDER_ADULT: from age 65', () => {
  it('age 65: a warning naming the age, citing CDC 2022, with its line', () => {
    const f = warningsFor(request({ patient: { ageYears: 65 } }));
    expect(f.warnings).toHaveLength(1);
    const w = find(f, 'OLDER_ADULT');
    expect(w.severity).toBe('warning');
    expect(w.sources).toEqual(['cdc-2022']);
    expect(w.message).toMatch(/^Age 65: older adults clear opioids more slowly and are more prone to sedation, falls and respiratory depression\./);
    expect(f.derivation).toHaveLength(1);
    expect(f.derivation[0]).toMatch(/^1\. Warning OLDER_ADULT: age 65 ≥ 65\. \[cdc-2022: Recommendation 4/);
  });

  it('age 64 or no age: none', () => {
    expect(warningsFor(request({ patient: { ageYears: 64 } })).warnings).toEqual([]);
    expect(warningsFor(request()).warnings).toEqual([]);
  });
});

describe('warnings in whole plans', () => {
  it('oxyCODONE 10 mg × 4 (60 MME) after 1 missed day: NALOXONE for the dose alone; no loss-of-tolerance warning', () => {
    const p = plan({ drug: 'oxycodone', formulation: 'ir', prior: { dose: '10', unit: 'mg', timesPerDay: 4 }, ...BASE, restartDate: restartAfter(2) });
    expect(warning(p, 'NALOXONE').message).toBe(naloxoneMessage('a dose of ≥ 50 MME/day'));
    expect(codes(p)).not.toContain('OPIOID_TOLERANCE_LOST');
    expect(codes(p)).not.toContain('OLDER_ADULT');
  });

  it('buprenorphine for OUD after 1 missed day: NALOXONE for OUD treatment, with no MME', () => {
    const p = plan({ drug: 'buprenorphine', prior: { dose: '16', unit: 'mg', timesPerDay: 1 }, ...BASE, restartDate: restartAfter(2), fullAgonistUsedDuringBreak: false });
    expect(warning(p, 'NALOXONE').message).toBe(naloxoneMessage('treatment for opioid use disorder'));
  });
});

// --- plan summary --------------------------------------------------------------------------------

describe('opioidPlanSummary: tolerance and prior dose as the plan reports them', () => {
  const base = {
    fraction: new D('0.5'),
    status: 'reduced' as const,
    priorTolerant: true,
    anchor: OPIOID_CLASS.anchors[1]!,
    priorDaily: productAmount(new D(40)),
    priorMme: mme(new D(60)),
    unit: 'mg' as const,
    per: 'MME per mg/day',
  };

  it('with a sourced factor: the source id', () => {
    const s = opioidPlanSummary({ ...base, factor: drug('oxycodone').mmeFactor! });
    expect(s.tolerance).toEqual({
      retainedFraction: '0.5',
      status: 'reduced',
      priorTolerant: true,
      anchor: { fromMissedDays: 3, source: 'au-methadone-2003', basis: '3 missed days: tolerance may be reduced, half the dose' },
    });
    expect(s.prior).toEqual({
      dailyDose: { amount: '40', unit: 'mg' },
      dailyEquivalent: { amount: '60', unit: 'MME' },
      equivalentFactor: { value: '1.5', per: 'MME per mg/day', source: 'cdc-2022' },
    });
  });

  it('with a factor that is an engine assumption: says so', () => {
    const s = opioidPlanSummary({ ...base, factor: { value: '2', assumption: 'opioid-tolerant-60-mme' } });
    expect(s.prior.equivalentFactor).toEqual({ value: '2', per: 'MME per mg/day', source: 'engine assumption' });
  });
});

describe('methadone for pain, opioid-naive restart (amendment A6: no cap per dose)', () => {
  it('10 missed days after 15 mg twice daily: the label 2.5 mg rounds down to 2 mg × 2 on the solution, never 5 mg once daily', async () => {
    const { planRestart } = await import('../../src/engine/index.ts');
    const result = planRestart({
      drug: 'methadone',
      prior: { dose: '15', unit: 'mg', timesPerDay: 2 },
      priorDurationDays: 180,
      lastDoseDate: '2026-11-01',
      restartDate: '2026-11-12',
      indication: 'pain',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const first = result.plan.steps[0]!;
    expect(first).toMatchObject({ formulation: 'oral-solution', administrations: ['2', '2'], dailyDose: { amount: '4', unit: 'mg' } });
    const text = result.plan.derivation.join('\n');
    expect(text).toContain('label 2.5 mg × 2 a day, within 30 MME/day (30 ÷ 4.7 ≈ 6.38 mg/day)');
    expect(text).not.toContain('capped at 10 MME a dose');
  });
});
