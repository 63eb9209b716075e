/**
 * Benzodiazepine and Z-drug restart planner (docs/clinical-model.md, benzodiazepines: amendments A2, A3, A8).
 * Named phases, each returning its value and writing its derivation lines:
 *   prior exposure (dose, diazepam equivalents, band, break) → refusals (BLOCK) → dependence (Joint Guideline Table 2)
 *   → withdrawal window → product (target, label caps, initial dose) → first step → titration ceiling → warnings.
 * A restart stays on the same drug: equivalents are for display, the risk band and the after-window cap.
 */
import type { Decimal } from 'decimal.js';
import { BENZODIAZEPINE_CLASS, BENZODIAZEPINES } from '../../protocols/benzodiazepines/index.ts';
import type {
  BenzodiazepineDrug,
  BenzodiazepineFormulation,
  DependenceClass,
  DoseBand,
  LabelDose,
  WithdrawalRiskRow,
} from '../../protocols/benzodiazepines/types.ts';
import type { Provenance, Sourced, ToleranceAnchor } from '../../protocols/types.ts';
import { breakLength } from '../dates.ts';
import { D, decimalString } from '../decimal.ts';
import { formatAmount, formatDose, plural } from '../format.ts';
import { PlanNotes } from '../notes.ts';
import { concurrentCategories, concurrentName } from '../registry.ts';
import { beersCnsWarning } from './beers.ts';
import { buildTitration } from '../schedule.ts';
import { floorToStrengths, nextAbove } from '../strengths.ts';
import type { EquivalentReading, PlanRefusal, PlanStep, PriorComponent, RestartPlan, RestartRequest, ToleranceStatus } from '../types.ts';
import { toPlanSteps } from './steps.ts';
import { evenRegimen } from '../regimen.ts';
import {
  add,
  atMost,
  below,
  checkedDate,
  convertByDiazepamEquivalence,
  diazepamEquivalent,
  fromDiazepamEquivalent,
  larger,
  mg,
  mgDiazepam,
  mgEach,
  smaller,
  subtract,
  sum,
  times as timesOf,
  type Mg,
  type MgDiazepam,
} from '../units.ts';


/** "1 missed day", "3 missed days". */
function missedDaysText(n: number): string {
  return plural(n, 'missed day');
}
const C = BENZODIAZEPINE_CLASS;
const ZERO_MG = mg(new D(0));
const ZERO_DE = mgDiazepam(new D(0));

/** Daily total of a regimen (one amount per administration), in mg of the drug. */
function mgTotal(regimen: readonly Mg[]): Mg {
  return sum(regimen, ZERO_MG);
}

/** Sum of diazepam equivalents. */
function deTotal(equivalents: readonly MgDiazepam[]): MgDiazepam {
  return sum(equivalents, ZERO_DE);
}

/** `count` administrations of one amount. */
function repeatMg(amount: Mg, count: number): Mg[] {
  return Array.from({ length: count }, () => amount);
}

/** The shared even regimen (regimen.ts) of a drug's mg caps, in mg. */
function evenMg(dailyCap: Mg, doseCap: Mg, count: number, formulation: BenzodiazepineFormulation): Mg[] | null {
  const even = evenRegimen(dailyCap, doseCap, count, formulation);
  return even && mgEach(even);
}

function sourceOf(provenance: Provenance): string {
  return 'source' in provenance ? provenance.source : 'engine assumption';
}

/** Display value: two decimal places at most (the equivalents are approximate); keeps the amount's unit. */
function shown<A extends Decimal>(value: A): A {
  return value.toDecimalPlaces(2, D.ROUND_HALF_UP) as A;
}

function percent(fraction: Sourced<string>): string {
  return `${new D(fraction.value).mul(100).toFixed()}%`;
}

/** "5 mg × 3 a day = 15 mg daily", or "1.5 mg + 1 mg = 2.5 mg daily" when the doses differ. */
function describe(regimen: readonly Mg[], unit: string): string {
  const total = formatDose({ amount: mgTotal(regimen), unit });
  const even = regimen.every((amount) => amount.eq(regimen[0]!));
  return even
    ? `${formatDose({ amount: regimen[0]!, unit })} × ${regimen.length} a day = ${total} daily`
    : `${regimen.map((amount) => formatDose({ amount, unit })).join(' + ')} = ${total} daily`;
}

function amountText(amount: { readonly low: string; readonly high: string }): string {
  return amount.low === amount.high ? formatAmount(amount.low) : `${formatAmount(amount.low)}–${formatAmount(amount.high)}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Table 2 and the withdrawal window (also used by the educator curves).

export function doseBand(dailyDe: MgDiazepam): DoseBand {
  if (atMost(dailyDe, mgDiazepam(new D(C.lowBandMaxDe.value)))) return 'low';
  if (atMost(dailyDe, mgDiazepam(new D(C.moderateBandMaxDe.value)))) return 'moderate';
  return 'high';
}

export function withdrawalRiskRow(daysPerWeek: number, durationDays: number, band: DoseBand): WithdrawalRiskRow {
  const month = C.daysPerMonth.value;
  const row = C.withdrawalRiskRows.find(
    (r) =>
      daysPerWeek >= r.minDaysPerWeek &&
      daysPerWeek <= r.maxDaysPerWeek &&
      // Stryker disable next-line ArithmeticOperator: the rows are ordered, so a duration below a row's minimum is always caught by the shorter row before it
      durationDays >= r.minMonths * month &&
      (r.maxMonths === undefined || durationDays < r.maxMonths * month) &&
      r.bands.includes(band),
  );
  if (!row) throw new Error('programmer error: Table 2 rows must cover every case');
  return row;
}

/** Amendment A8 dependence class from the Table 2 row. */
export function dependenceClass(row: WithdrawalRiskRow): DependenceClass {
  if (row.risk === 'rare') return 'NOT_DEPENDENT';
  return row.risk === 'yes' ? 'DEPENDENT' : 'POSSIBLY_DEPENDENT';
}

export interface WithdrawalWindow {
  /** Half-life group: short or intermediate (≤ 24 h) or long. */
  readonly group: 'short' | 'long';
  /** Last missed day inside the window (14 or 28). */
  readonly lastMissedDay: number;
  /** Upper end of the longest Ashton half-life, hours, and whose it is. */
  readonly longestHours: number;
  readonly which: 'parent' | 'active metabolite';
  readonly halfLife: Sourced<unknown>;
  readonly days: Sourced<number>;
}

/** The drug's withdrawal window from its longest Ashton half-life (engine assumption bzd-withdrawal-window-14-28). */
export function withdrawalWindowFor(drug: BenzodiazepineDrug): WithdrawalWindow {
  const parent = drug.halfLifeHours;
  const metabolite = drug.metaboliteHalfLifeHours;
  const useMetabolite = metabolite !== undefined && (parent === undefined || metabolite.value.high > parent.value.high);
  const chosen = useMetabolite ? metabolite : parent;
  if (!chosen) throw new Error(`programmer error: ${drug.id} has no half-life`);
  const longestHours = chosen.value.high;
  const group = longestHours <= C.shortGroupMaxHalfLifeHours.value ? 'short' : 'long';
  const days = group === 'short' ? C.shortWindowMissedDays : C.longWindowMissedDays;
  return { group, lastMissedDay: days.value, longestHours, which: useMetabolite ? 'active metabolite' : 'parent', halfLife: chosen, days };
}

/** The educator curve of one drug: resume, inside the window, after the window (amendment A8). */
export function benzodiazepineAnchors(drug: BenzodiazepineDrug): readonly ToleranceAnchor[] {
  const window = withdrawalWindowFor(drug);
  const resume = C.resumeUpToMissedDays.value;
  return [
    { fromMissedDays: 0, retainedFraction: C.resumeFraction, basis: `up to ${resume} missed days: resume the prior dose` },
    {
      fromMissedDays: resume + 1,
      retainedFraction: C.windowFraction,
      basis: `inside the withdrawal window (${resume + 1}–${window.lastMissedDay} missed days), physically dependent: ${percent(C.windowFraction)} of the prior dose, never below ${percent(C.windowFloorFraction)} (${percent(C.riskFactorFraction)} with an opioid, gabapentinoid, alcohol, respiratory disease or sleep apnea, or age ${C.olderAdultAge.value} or over)`,
    },
    {
      fromMissedDays: window.lastMissedDay + 1,
      retainedFraction: C.afterWindowFraction,
      basis: `after the withdrawal window with no withdrawal symptoms: restart low (label initial dose, no more than ${C.afterWindowCapDe.value} mg diazepam equivalents a day) and re-titrate`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 1: prior exposure.

/** One medicine of the prior regimen (`prior` or `additionalPrior.N`), with its diazepam equivalents. */
interface RegimenComponent {
  readonly index: number;
  readonly path: string;
  readonly drug: BenzodiazepineDrug;
  readonly formulation: BenzodiazepineFormulation;
  readonly dose: Mg;
  readonly times: number;
  readonly asNeeded: boolean;
  readonly daily: Mg;
  /** Ashton daily equivalent, upper figure of a range (shown; summed into prior.dailyEquivalent). */
  readonly ashtonDe: MgDiazepam;
  readonly ashtonLowDe: MgDiazepam;
  readonly vaDe?: MgDiazepam;
  /** Higher of the tables' daily equivalents (risk band, Table 2 row). */
  readonly decisionDe: MgDiazepam;
  /** Other components: the daily dose in mg of the restart drug, lowest and highest over the tables, and one dose. */
  readonly inRestartDrug?: { readonly low: Mg; readonly high: Mg; readonly perDose: Mg; readonly table: string };
}

/** How as-needed use of the prior regimen fits beneath each step (several medicines only). */
interface AsNeededUse {
  /** Largest single as-needed dose, in mg of the restart drug, made of real strengths (null: below the smallest unit). */
  readonly dose: Mg | null;
  /** As-needed doses a day before the break, all as-needed medicines together. */
  readonly count: number;
  /** Share of the prior regimen (in the restart drug) that was taken as needed: each step keeps that share for them. */
  readonly share: Decimal;
  readonly names: string;
}

interface PriorExposure {
  /** Largest single administration of the restart regimen (the main product alone: its prior single dose). */
  readonly dose: Mg;
  readonly times: number;
  /** Days a week for Table 2: prior.daysPerWeek, or 7 when other medicines were taken too (engine assumption). */
  readonly daysPerWeek: number;
  /** Daily dose of the restart product the plan treats as the prior: the main product's, or the regimen converted into it. */
  readonly priorDaily: Mg;
  /** The main product's own daily dose (`prior` of the request). */
  readonly mainDaily: Mg;
  /** The restart product's prior regimen, one amount per administration. */
  readonly regimen: readonly Mg[];
  /** Ashton daily equivalent (upper figure of a range), summed over the regimen: the plan's displayed equivalent. */
  readonly ashtonDe: MgDiazepam;
  /** Higher of the tables' daily equivalents, summed over the regimen: band, Table 2 row, inpatient threshold. */
  readonly decisionDe: MgDiazepam;
  /** Amount of this drug ≈ 10 mg diazepam by the higher-potency figure (the after-window cap; a factor, mg per 10 mg diazepam). */
  readonly capPer10: Decimal;
  readonly equivalents: readonly EquivalentReading[];
  readonly band: DoseBand;
  readonly daysOff: number;
  readonly missedDays: number;
  readonly components: readonly RegimenComponent[];
  /** More than one medicine before the break. */
  readonly multi: boolean;
  readonly asNeededUse: AsNeededUse | null;
}

function benzodiazepineDrug(id: string): BenzodiazepineDrug | undefined {
  return BENZODIAZEPINES.find((d) => d.id === id);
}

interface Readings {
  readonly ashtonHigh: MgDiazepam;
  readonly ashtonLow: MgDiazepam;
  readonly isRange: boolean;
  readonly vaDe?: MgDiazepam;
  readonly decisionDe: MgDiazepam;
}

function readingsOf(drug: BenzodiazepineDrug, daily: Mg): Readings {
  const ashton = drug.ashtonEquivalent;
  const ashtonHigh = diazepamEquivalent(daily, ashton.value.low);
  const ashtonLow = diazepamEquivalent(daily, ashton.value.high);
  const va = drug.vaDodEquivalent;
  const vaDe = va ? diazepamEquivalent(daily, va.value) : undefined;
  return { ashtonHigh, ashtonLow, isRange: ashton.value.low !== ashton.value.high, ...(vaDe ? { vaDe } : {}), decisionDe: vaDe && vaDe.gt(ashtonHigh) ? vaDe : ashtonHigh };
}

function priorExposurePhase(notes: PlanNotes, request: RestartRequest, drug: BenzodiazepineDrug, formulation: BenzodiazepineFormulation): PriorExposure {
  const unit = formulation.unit;
  const dose = mg(request.prior.dose.amount);
  const times = request.prior.timesPerDay;
  const additional = request.additionalPrior ?? [];
  const multi = additional.length > 0;
  const priorDaysPerWeek = request.prior.daysPerWeek;
  const priorDaily = timesOf(dose, times);
  notes.line(
    `Prior regimen${multi ? ` (prior, main medicine, component 1 of ${additional.length + 1})` : ''}: ${drug.displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily${request.prior.asNeeded ? ' (as needed: the average number of doses actually taken a day)' : ''}, ${plural(priorDaysPerWeek, 'day')} a week, for ${plural(request.priorDurationDays, 'day')}.`,
  );
  if (formulation.nonUsProduct) notes.line(`Product note: ${formulation.nonUsProduct}`, formulation.strengthsSource);

  const ashton = drug.ashtonEquivalent;
  const main = readingsOf(drug, priorDaily);
  const ashtonHigh = main.ashtonHigh; // the smaller amount per 10 mg gives the higher DE
  const ashtonLow = main.ashtonLow;
  const isRange = main.isRange;
  notes.line(
    isRange
      ? `Diazepam equivalent (Ashton, primary): ${amountText(ashton.value)} mg ${drug.genericName} ≈ 10 mg diazepam, so ${formatAmount(priorDaily)} mg/day ≈ ${formatAmount(shown(ashtonLow))}–${formatAmount(shown(ashtonHigh))} mg diazepam/day; for a restart the higher figure, ${formatAmount(shown(ashtonHigh))} mg, is the more cautious risk estimate and is used.`
      : `Diazepam equivalent (Ashton, primary): ${amountText(ashton.value)} mg ${drug.genericName} ≈ 10 mg diazepam, so ${formatAmount(priorDaily)} mg/day × 10 ÷ ${formatAmount(ashton.value.low)} = ${formatAmount(shown(ashtonHigh))} mg diazepam/day.`,
    ashton,
  );
  let equivalents: EquivalentReading[] = [
    {
      table: 'Ashton Manual 2002, Table 1',
      source: sourceOf(ashton),
      perDiazepam10mg: amountText(ashton.value),
      dailyEquivalent: { amount: decimalString(shown(ashtonHigh)), unit: 'mg diazepam' },
      ...(isRange ? { dailyEquivalentRange: { low: decimalString(shown(ashtonLow)), high: decimalString(shown(ashtonHigh)) } } : {}),
    },
  ];
  let decisionDe = ashtonHigh;
  let decisionTable = 'Ashton';
  let capPer10 = new D(ashton.value.low);
  const va = drug.vaDodEquivalent;
  if (va) {
    const vaDe = main.vaDe!;
    equivalents.push({
      table: 'VA/DoD SUD CPG 2021 (2025 Joint Guideline Table 7)',
      source: sourceOf(va),
      perDiazepam10mg: formatAmount(va.value),
      dailyEquivalent: { amount: decimalString(shown(vaDe)), unit: 'mg diazepam' },
    });
    const differs = !new D(va.value).eq(ashton.value.low) || isRange;
    notes.line(
      differs
        ? `VA/DoD 2021 gives ${formatAmount(va.value)} mg ≈ 10 mg diazepam: ${formatAmount(shown(vaDe))} mg diazepam/day. The tables differ; both are shown.`
        : `VA/DoD 2021 gives the same figure (${formatAmount(va.value)} mg ≈ 10 mg diazepam).`,
      va,
    );
    if (vaDe.gt(decisionDe)) {
      decisionDe = vaDe;
      decisionTable = 'VA/DoD';
    }
    if (new D(va.value).lt(capPer10)) capPer10 = new D(va.value);
  } else {
    notes.line(`VA/DoD 2021 (Joint Guideline Table 7) does not list ${drug.genericName}; Ashton alone is used.`);
  }
  if (va || isRange) {
    notes.line(
      `For the risk band, the withdrawal-risk row and the after-window cap the higher equivalent is used: ${formatAmount(shown(decisionDe))} mg diazepam/day (${decisionTable}).`,
      { assumption: 'bzd-conservative-equivalent' },
    );
  }
  const mainComponent: RegimenComponent = {
    index: 0,
    path: 'prior',
    drug,
    formulation,
    dose,
    times,
    asNeeded: request.prior.asNeeded,
    daily: priorDaily,
    ashtonDe: ashtonHigh,
    ashtonLowDe: ashtonLow,
    ...(main.vaDe ? { vaDe: main.vaDe } : {}),
    decisionDe,
  };
  const components: RegimenComponent[] = [mainComponent];
  let regimen: Mg[] = repeatMg(dose, times);
  let daysPerWeek = priorDaysPerWeek;
  let asNeededUse: AsNeededUse | null = null;
  let summedAshton = ashtonHigh;
  if (multi) {
    const regimenResult = regimenPhase(notes, request, drug, formulation, mainComponent);
    components.push(...regimenResult.others);
    regimen = regimenResult.regimen;
    daysPerWeek = 7;
    asNeededUse = regimenResult.asNeededUse;
    equivalents = regimenResult.equivalents;
    decisionDe = regimenResult.decisionDe;
    summedAshton = regimenResult.ashtonDe;
  }
  const band = doseBand(decisionDe);
  notes.line(
    `Dose band: ${band} (low ≤ ${C.lowBandMaxDe.value}, moderate ${C.lowBandMaxDe.value}–${C.moderateBandMaxDe.value}, high > ${C.moderateBandMaxDe.value} mg diazepam equivalents a day)${multi ? ', judged on the total of the regimen' : ''}.`,
    C.lowBandMaxDe,
    C.moderateBandMaxDe,
  );
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}${multi ? ' (the last dose of any of the medicines: one break for all)' : ''}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  return {
    dose: multi ? regimen[0]! : dose,
    times: multi ? regimen.length : times,
    daysPerWeek,
    priorDaily: multi ? mgTotal(regimen) : priorDaily,
    mainDaily: priorDaily,
    regimen,
    ashtonDe: summedAshton,
    decisionDe,
    capPer10,
    equivalents,
    band,
    daysOff,
    missedDays,
    components,
    multi,
    asNeededUse,
  };
}

/**
 * Several medicines before the break (issue 13): each component's daily dose and diazepam equivalents, their sums,
 * and the regimen converted into the restart drug (the main product) at the table giving the lower dose of it.
 */
function regimenPhase(
  notes: PlanNotes,
  request: RestartRequest,
  drug: BenzodiazepineDrug,
  formulation: BenzodiazepineFormulation,
  main: RegimenComponent,
): { others: RegimenComponent[]; regimen: Mg[]; asNeededUse: AsNeededUse | null; equivalents: EquivalentReading[]; ashtonDe: MgDiazepam; decisionDe: MgDiazepam } {
  const unit = formulation.unit;
  const additional = request.additionalPrior ?? [];
  const count = additional.length + 1;
  const others: RegimenComponent[] = additional.map((medicine, i) => {
    const path = `additionalPrior.${i}`;
    const other = benzodiazepineDrug(medicine.drug);
    const otherFormulation = other?.formulations.find((f) => f.id === medicine.formulation);
    if (!other || !otherFormulation) throw new Error(`programmer error: ${path} is not a benzodiazepine or Z-drug product (${medicine.drug} ${medicine.formulation}); validation must reject it`);
    const otherDose = mg(medicine.dose.amount);
    const daily = timesOf(otherDose, medicine.timesPerDay);
    const r = readingsOf(other, daily);
    const ashton = other.ashtonEquivalent;
    notes.line(
      `Component ${i + 2} of ${count} (${path}): ${other.displayName} ${otherFormulation.name} ${formatDose({ amount: medicine.dose.amount, unit: otherFormulation.unit })} × ${medicine.timesPerDay} a day = ${formatDose({ amount: daily, unit: otherFormulation.unit })} daily${medicine.asNeeded ? ' (as needed: the average number of doses actually taken a day; counted in full toward prior exposure)' : ''}. Ashton: ${amountText(ashton.value)} mg ≈ 10 mg diazepam, so ${r.isRange ? `${formatAmount(shown(r.ashtonLow))}–${formatAmount(shown(r.ashtonHigh))} mg diazepam/day (the higher figure is used)` : `${formatAmount(daily)} × 10 ÷ ${formatAmount(ashton.value.low)} = ${formatAmount(shown(r.ashtonHigh))} mg diazepam/day`}${other.vaDodEquivalent ? `; VA/DoD 2021: ${formatAmount(other.vaDodEquivalent.value)} mg ≈ 10 mg diazepam, ${formatAmount(shown(r.vaDe!))} mg diazepam/day` : `; VA/DoD 2021 does not list ${other.genericName}`}; for the risk band ${formatAmount(shown(r.decisionDe))} mg diazepam/day (the higher).`,
      ashton,
      ...(other.vaDodEquivalent ? [other.vaDodEquivalent] : []),
    );
    // Into the restart drug: the table that gives the lower dose of it (Ashton ranges at their ends), and the range.
    const candidates: { table: string; amount: Mg }[] = [
      { table: 'Ashton', amount: convertByDiazepamEquivalence(daily, drug.ashtonEquivalent.value.low, ashton.value.high) },
    ];
    const highs: Mg[] = [convertByDiazepamEquivalence(daily, drug.ashtonEquivalent.value.high, ashton.value.low)];
    if (drug.vaDodEquivalent && other.vaDodEquivalent) {
      const vaAmount = convertByDiazepamEquivalence(daily, drug.vaDodEquivalent.value, other.vaDodEquivalent.value);
      candidates.push({ table: 'VA/DoD', amount: vaAmount });
      highs.push(vaAmount);
    }
    const lowest = candidates.reduce((a, b) => (b.amount.lt(a.amount) ? b : a));
    const high = [...highs, lowest.amount].reduce((a, b) => larger(a, b));
    const ratio = lowest.amount.div(daily);
    const perDose = timesOf(otherDose, ratio);
    notes.line(
      `Into ${drug.displayName} (the restart drug): ${candidates.map((c) => `${c.table} ${formatAmount(daily)} × ${c.table === 'Ashton' ? `${formatAmount(drug.ashtonEquivalent.value.low)} ÷ ${formatAmount(ashton.value.high)}` : `${formatAmount(drug.vaDodEquivalent!.value)} ÷ ${formatAmount(other.vaDodEquivalent!.value)}`} = ${formatDose({ amount: shown(c.amount), unit })}`).join('; ')}; range ${formatAmount(shown(lowest.amount))}–${formatAmount(shown(high))} mg ${drug.genericName} a day; the lower, ${formatDose({ amount: shown(lowest.amount), unit })} a day (${lowest.table}), is used.`,
      { assumption: 'bzd-regimen-convert-lower' },
    );
    return {
      index: i + 1,
      path,
      drug: other,
      formulation: otherFormulation,
      dose: otherDose,
      times: medicine.timesPerDay,
      asNeeded: medicine.asNeeded,
      daily,
      ashtonDe: r.ashtonHigh,
      ashtonLowDe: r.ashtonLow,
      ...(r.vaDe ? { vaDe: r.vaDe } : {}),
      decisionDe: r.decisionDe,
      inRestartDrug: { low: lowest.amount, high, perDose, table: lowest.table },
    };
  });
  const all = [main, ...others];
  const ashtonDe = deTotal(all.map((c) => shown(c.ashtonDe)));
  const decisionDe = deTotal(all.map((c) => c.decisionDe));
  notes.line(
    `Total prior exposure: ${all.map((c) => formatAmount(shown(c.ashtonDe))).join(' + ')} = ${formatAmount(ashtonDe)} mg diazepam/day (Ashton); for the risk band and the withdrawal-risk row the higher figure of each: ${all.map((c) => formatAmount(shown(c.decisionDe))).join(' + ')} = ${formatAmount(shown(decisionDe))} mg diazepam/day.`,
    { assumption: 'bzd-conservative-equivalent' },
  );
  notes.line(
    `Days a week for Joint Guideline Table 2: ${request.prior.daysPerWeek === 7 ? '7' : `7 (prior.daysPerWeek ${request.prior.daysPerWeek}, but the other medicines have no days-a-week field and are counted as taken every day)`}.`,
    { assumption: 'bzd-regimen-every-day' },
  );
  // The regimen on the restart drug: the main product's doses plus the others converted, in as many administrations
  // as the medicines had together (no more than the label allows), rounded down to real strengths.
  const exact = add(main.daily, mgTotal(others.map((c) => c.inRestartDrug!.low)));
  const administrations = Math.min(formulation.maxTimesPerDay.value, all.reduce((n, c) => n + c.times, 0));
  const perAdministration = floorToStrengths(exact, formulation.strengths)?.amount ?? main.dose;
  const filled = fillAtOrBelow(exact, repeatMg(perAdministration, administrations), formulation);
  const regimen = filled.length ? filled : repeatMg(main.dose, main.times);
  notes.line(
    `Prior regimen on ${drug.displayName} (the main product; the plan restarts one product): ${formatAmount(main.daily)}${others.map((c) => ` + ${formatAmount(shown(c.inRestartDrug!.low))}`).join('')} = ${formatDose({ amount: shown(exact), unit })} a day, in up to ${plural(administrations, 'administration')} (the medicines' doses together${administrations < all.reduce((n, c) => n + c.times, 0) ? `, no more than the label's ${formulation.maxTimesPerDay.value} a day` : ''}), rounded down to real strengths: ${describe(regimen, unit)}. No step goes above it.`,
    formulation.maxTimesPerDay,
    { assumption: 'bzd-regimen-one-product' },
  );
  // As-needed use: counted toward the prior, not turned into scheduled doses.
  const asNeeded = all.filter((c) => c.asNeeded);
  let asNeededUse: AsNeededUse | null = null;
  if (asNeeded.length) {
    const doses = asNeeded.map((c) => (c.index === 0 ? c.dose : (floorToStrengths(c.inRestartDrug!.perDose, formulation.strengths)?.amount ?? null)));
    const made = doses.filter((d): d is Mg => d !== null);
    const largest = made.length ? made.reduce((a, b) => larger(a, b)) : null;
    const asNeededDaily = mgTotal(asNeeded.map((c) => (c.index === 0 ? c.daily : c.inRestartDrug!.low)));
    const share = asNeededDaily.div(exact);
    asNeededUse = { dose: largest, count: asNeeded.reduce((n, c) => n + c.times, 0), share, names: asNeeded.map((c) => c.drug.displayName).join(', ') };
    notes.line(
      `As-needed use (${asNeeded.map((c) => `${c.drug.displayName} up to ${c.times} a day`).join('; ')}) counts in full toward the prior exposure but is not turned into scheduled doses: each step's daily dose is the ceiling for the whole day, as-needed doses included; ${largest ? `an as-needed dose is ${formatDose({ amount: largest, unit })} ${drug.genericName} (rounded down to real strengths); as-needed use was ${formatAmount(shown(asNeededDaily))} of ${formatAmount(shown(exact))} mg a day (${formatAmount(shown(share.mul(100)))}%), so each step keeps that share of its ceiling for as-needed doses (as many whole doses as fit, no more than ${plural(asNeededUse.count, 'dose')} a day) and the rest for scheduled doses` : 'one as-needed dose converted into the restart drug is below its smallest unit, so no as-needed dose is given'}.`,
      { assumption: 'bzd-regimen-as-needed-allowance' },
    );
  }
  // Each table's reading of the whole regimen (a table that does not list a drug: Ashton for that drug).
  const ashtonRange = all.some((c) => !c.ashtonLowDe.eq(c.ashtonDe));
  const equivalents: EquivalentReading[] = [
    {
      table: 'Ashton Manual 2002, Table 1 (sum of the regimen)',
      source: sourceOf(drug.ashtonEquivalent),
      perDiazepam10mg: all.map((c) => `${c.drug.displayName} ${amountText(c.drug.ashtonEquivalent.value)}`).join('; '),
      dailyEquivalent: { amount: decimalString(ashtonDe), unit: 'mg diazepam' },
      ...(ashtonRange ? { dailyEquivalentRange: { low: decimalString(deTotal(all.map((c) => shown(c.ashtonLowDe)))), high: decimalString(ashtonDe) } } : {}),
    },
  ];
  if (all.some((c) => c.vaDe)) {
    const missing = all.filter((c) => !c.vaDe).map((c) => c.drug.genericName);
    equivalents.push({
      table: `VA/DoD SUD CPG 2021 (2025 Joint Guideline Table 7; sum of the regimen${missing.length ? `, Ashton for ${missing.join(', ')}, not listed` : ''})`,
      source: sourceOf(all.find((c) => c.drug.vaDodEquivalent)!.drug.vaDodEquivalent!),
      perDiazepam10mg: all.map((c) => `${c.drug.displayName} ${c.drug.vaDodEquivalent ? formatAmount(c.drug.vaDodEquivalent.value) : `${amountText(c.drug.ashtonEquivalent.value)} (Ashton)`}`).join('; '),
      dailyEquivalent: { amount: decimalString(deTotal(all.map((c) => shown(c.vaDe ?? c.ashtonDe)))), unit: 'mg diazepam' },
    });
  }
  return { others, regimen, asNeededUse, equivalents, ashtonDe, decisionDe };
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 2: refusals (severity BLOCK).

function refusalPhase(notes: PlanNotes, request: RestartRequest, drug: BenzodiazepineDrug, formulation: BenzodiazepineFormulation, prior: PriorExposure): PlanRefusal | null {
  const base = { drug: drug.id, formulation: formulation.id, displayName: drug.displayName, daysOff: prior.daysOff, missedDays: prior.missedDays };
  if (drug.kind === 'z-drug' && request.patient.complexSleepBehaviorHistory) {
    notes.line(
      'Refused (ZDRUG_COMPLEX_SLEEP_BEHAVIOR): patient.complexSleepBehaviorHistory is set; the FDA requires a contraindication in patients who have previously had an episode of complex sleep behavior (sleepwalking, sleep-driving) with eszopiclone, zaleplon or zolpidem.',
    );
    return notes.refuse({
      ...base,
      code: 'ZDRUG_COMPLEX_SLEEP_BEHAVIOR',
      path: 'patient.complexSleepBehaviorHistory',
      message: `${drug.displayName} is contraindicated after an episode of complex sleep behavior (FDA 2019 boxed warning and contraindication): no restart schedule is given.`,
      reasonSources: ['fda-zdrug-csb-2019'],
      alternative: 'Do not restart this drug. If it was taken nightly and stopped abruptly, assess for withdrawal and plan its management and another treatment for insomnia with the prescriber.',
    });
  }
  const benzodiazepineComponents = prior.components.filter((c) => c.index > 0 && c.drug.kind === 'benzodiazepine');
  if (drug.kind === 'z-drug' && benzodiazepineComponents.length) {
    const names = benzodiazepineComponents.map((c) => `${c.drug.displayName} (${c.path})`).join(', ');
    notes.line(
      `Refused (BZD_REGIMEN_ZDRUG_MAIN): the main medicine is the Z-drug ${drug.displayName} and the regimen also holds ${names}. The plan restarts one product, the main one; a benzodiazepine dose is not converted into a bedtime hypnotic with a low labelled maximum (no source gives such a switch, and the label cap would drop the benzodiazepine dose in a dependent patient).`,
      { assumption: 'bzd-regimen-one-product' },
    );
    return notes.refuse({
      ...base,
      code: 'BZD_REGIMEN_ZDRUG_MAIN',
      path: 'additionalPrior',
      message: `${drug.displayName} is a Z-drug taken with ${names}: a regimen with a benzodiazepine is planned on the benzodiazepine. Enter the benzodiazepine as the main medicine (prior) and ${drug.displayName} in additionalPrior.`,
      reasonSources: ['joint-bzd-taper-2025'],
      alternative: `Make the request again with the benzodiazepine as prior and ${drug.displayName} in additionalPrior: the total is then judged the same way and the plan restarts on the benzodiazepine.`,
    });
  }
  if (request.prior.nonPrescribed) {
    notes.line(
      'Refused (BZD_DOSE_UNKNOWN): prior.nonPrescribed is set, so the prior dose is uncertain. The Joint Guideline says that for such use clinicians titrate the dose to the minimum necessary to control withdrawal symptoms and taper from that point.',
    );
    return notes.refuse({
      ...base,
      code: 'BZD_DOSE_UNKNOWN',
      path: 'prior.nonPrescribed',
      message: 'The prior dose comes from non-prescribed use and is uncertain, so no schedule can be anchored on it.',
      reasonSources: ['joint-bzd-taper-2025'],
      alternative: 'Titrate the benzodiazepine dose to the minimum necessary to control withdrawal symptoms, then taper from that point (Joint Guideline); consider specialist or inpatient care for severe withdrawal.',
    });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 3: dependence (Joint Guideline Table 2, amendment A8).

interface Dependence {
  readonly row: WithdrawalRiskRow;
  readonly dependenceClass: DependenceClass;
  /** DEPENDENT or POSSIBLY_DEPENDENT (treated as dependent). */
  readonly dependent: boolean;
}

function dependencePhase(notes: PlanNotes, request: RestartRequest, prior: PriorExposure): Dependence {
  const row = withdrawalRiskRow(prior.daysPerWeek, request.priorDurationDays, prior.band);
  notes.line(
    `Withdrawal risk before the break (Joint Guideline Table 2): ${plural(request.priorDurationDays, 'day')} of use, ${plural(prior.daysPerWeek, 'day')} a week, ${prior.band} dose → row "${row.text}".`,
    row.provenance,
    C.daysPerMonth,
  );
  const found = dependenceClass(row);
  const dependent = found !== 'NOT_DEPENDENT';
  if (found === 'NOT_DEPENDENT') {
    notes.line('Dependence: NOT_DEPENDENT (taken on 3 days a week or fewer: withdrawal "rare").');
  } else if (found === 'POSSIBLY_DEPENDENT') {
    notes.line('Dependence: POSSIBLY_DEPENDENT (withdrawal "lower, but possible"), treated as physically dependent.', { assumption: 'bzd-possibly-dependent-as-dependent' });
  } else {
    notes.line('Dependence: DEPENDENT (withdrawal risk "yes").');
  }
  return { row, dependenceClass: found, dependent };
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 4: the withdrawal window and the rule that applies.

type Situation = 'resume' | 'inside' | 'after';

interface WindowPhase {
  readonly window: WithdrawalWindow;
  /** Where the break falls: resume (0–2 missed days), inside the window, after it. */
  readonly situation: Situation;
  readonly detox: boolean;
  readonly symptoms: RestartRequest['patient']['withdrawalSymptomsNow'];
  /** Significant or severe symptoms now. */
  readonly symptomatic: boolean;
}

function windowPhase(notes: PlanNotes, request: RestartRequest, drug: BenzodiazepineDrug, prior: PriorExposure): WindowPhase {
  // Several medicines: the longest window of any of them (engine assumption bzd-regimen-longest-window).
  let windowDrug = drug;
  let window = withdrawalWindowFor(drug);
  for (const component of prior.components) {
    const candidate = withdrawalWindowFor(component.drug);
    if (candidate.lastMissedDay > window.lastMissedDay) {
      window = candidate;
      windowDrug = component.drug;
    }
  }
  const resumeTo = C.resumeUpToMissedDays.value;
  notes.line(
    `Withdrawal window${prior.multi ? ` (${windowDrug.displayName})` : ''}: longest half-life ${window.longestHours} h (${window.which}, upper end) is ${window.group === 'short' ? `at most ${C.shortGroupMaxHalfLifeHours.value} h (short or intermediate)` : `above ${C.shortGroupMaxHalfLifeHours.value} h (long)`}, so the window runs from ${resumeTo + 1} to ${window.lastMissedDay} missed days.`,
    window.halfLife,
    window.days,
  );
  if (prior.multi) {
    notes.line(
      `Several medicines, one break: the longest withdrawal window of any of them applies (${prior.components.map((c) => `${c.drug.displayName} ${withdrawalWindowFor(c.drug).lastMissedDay}`).join(', ')} missed days → ${window.lastMissedDay}). Withdrawal from the longest-acting drug can begin later and last longer; ending the window earlier would give a low new start to a patient who may still be withdrawing from it.`,
      { assumption: 'bzd-regimen-longest-window' },
    );
  }
  const missed = prior.missedDays;
  const situation: Situation = missed <= resumeTo ? 'resume' : missed <= window.lastMissedDay ? 'inside' : 'after';
  notes.line(
    situation === 'resume'
      ? `${missedDaysText(missed)}: up to ${resumeTo}, the resume range.`
      : situation === 'inside'
        ? `${missedDaysText(missed)}: inside the withdrawal window.`
        : `${missedDaysText(missed)}: after the withdrawal window.`,
    situation === 'resume' ? C.resumeUpToMissedDays : window.days,
  );
  const symptoms = request.patient.withdrawalSymptomsNow;
  const symptomatic = symptoms === 'significant' || symptoms === 'severe';
  notes.line(
    symptoms === undefined
      ? 'Withdrawal symptoms now: not recorded (patient.withdrawalSymptomsNow absent); read as none for the first step.'
      : `Withdrawal symptoms now: ${symptoms} (patient.withdrawalSymptomsNow)${symptoms === 'mild' ? '; mild symptoms do not change the first step' : ''}.`,
  );
  return { window, situation, detox: request.breakReason === 'detox', symptoms, symptomatic };
}

/**
 * Significant or severe withdrawal symptoms now show physical dependence whatever Table 2 predicted (Joint Guideline
 * Rec 3a: significant withdrawal in a patient thought not to be dependent → consider restarting the BZD and a taper).
 */
function symptomsShowDependence(notes: PlanNotes, dependence: Dependence, phase: WindowPhase): Dependence {
  if (dependence.dependent || !phase.symptomatic) return dependence;
  notes.line(
    `Withdrawal symptoms now (${phase.symptoms}) in a patient Table 2 classes as NOT_DEPENDENT: treated as physically dependent (Joint Guideline Rec 3a: restart the benzodiazepine and initiate a taper).`,
    { assumption: 'bzd-window-symptoms-prior' },
  );
  return { ...dependence, dependent: true };
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 5: product (target, label caps, initial dose).

interface Cap {
  readonly maxDaily: Mg;
  /** The input that set it, and why, for the warning and the derivation. */
  readonly input: string;
  readonly reason: string;
  readonly provenance: Provenance;
  readonly code: 'ABOVE_LABEL_MAXIMUM' | 'ZDRUG_AGE_DOSE';
}

interface Product {
  readonly target: Mg[];
  readonly targetDaily: Mg;
  /** Caps that lowered the target below the prior dose. */
  readonly lowering: readonly Cap[];
  /** Every age or hepatic cap that applies, whether it lowered the target or not. */
  readonly caps: readonly Cap[];
  readonly initial?: { readonly dose: LabelDose; readonly provenance: Provenance; readonly why: string };
  readonly olderAdult: boolean;
  readonly sexTreatedAsFemale: boolean;
}

function productPhase(notes: PlanNotes, request: RestartRequest, formulation: BenzodiazepineFormulation, prior: PriorExposure): Product {
  const unit = formulation.unit;
  const { patient } = request;
  const olderAdult = patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value;
  const caps: Cap[] = [];
  const maxDaily = formulation.maxDailyDose;
  if (maxDaily) {
    caps.push({ maxDaily: mg(new D(maxDaily.value)), input: 'prior.dose', reason: `labelled maximum of ${formatDose({ amount: maxDaily.value, unit })} a day`, provenance: maxDaily, code: 'ABOVE_LABEL_MAXIMUM' });
  }
  const age = formulation.ageCap;
  if (age && patient.ageYears !== undefined && patient.ageYears >= age.value.fromAge) {
    caps.push({ maxDaily: mg(new D(age.value.maxDaily)), input: `patient.ageYears ${patient.ageYears}`, reason: `label limit of ${formatDose({ amount: age.value.maxDaily, unit })} a day from age ${age.value.fromAge}`, provenance: age, code: 'ZDRUG_AGE_DOSE' });
  }
  const hepatic = formulation.hepaticCap;
  const grade = patient.hepaticGrade;
  if (hepatic && grade !== 'none' && (!hepatic.value.severeOnly || grade === 'severe')) {
    caps.push({ maxDaily: mg(new D(hepatic.value.maxDaily)), input: `patient.hepaticImpairment ${grade}`, reason: `label limit of ${formatDose({ amount: hepatic.value.maxDaily, unit })} a day in hepatic impairment`, provenance: hepatic, code: 'ZDRUG_AGE_DOSE' });
  }
  const priorRegimen = [...prior.regimen];
  let target = priorRegimen;
  const lowering: Cap[] = [];
  for (const cap of [...caps].sort((a, b) => a.maxDaily.cmp(b.maxDaily))) {
    if (below(cap.maxDaily, prior.priorDaily) && below(cap.maxDaily, mgTotal(target))) {
      target = evenMg(cap.maxDaily, prior.dose, prior.times, formulation) ?? target;
      lowering.push(cap);
    }
  }
  for (const cap of caps) {
    const lowered = lowering.includes(cap);
    notes.line(
      lowered
        ? `Ceiling: the prior dose is above the ${cap.reason} (${cap.input}); no step goes above it: target ${describe(target, unit)}.`
        : `Limit: ${cap.reason}${cap.code === 'ABOVE_LABEL_MAXIMUM' ? '' : ` (${cap.input})`}; the prior dose is within it.`,
      cap.provenance,
      ...(lowered && cap.code === 'ABOVE_LABEL_MAXIMUM' ? [{ assumption: 'bzd-above-label-maximum' }] : []),
    );
  }
  if (age && patient.ageYears === undefined) notes.line(`Age not given: the label's limit from age ${age.value.fromAge} (${formatDose({ amount: age.value.maxDaily, unit })} a day) could not be checked.`, age);

  // The label initial dose (after-window restart): older adults and sex where the label gives them.
  let initial: Product['initial'];
  let sexTreatedAsFemale = false;
  const older = formulation.olderAdultInitialDose;
  if (olderAdult && older) {
    initial = { dose: older.value, provenance: older, why: `the label's initial dose for older adults (age ${patient.ageYears})` };
  } else if (formulation.initialDose) {
    initial = { dose: formulation.initialDose.value, provenance: formulation.initialDose, why: "the label's lowest adult initial dose" };
  }
  const sexDose = formulation.sexInitialDose;
  if (sexDose) {
    sexTreatedAsFemale = patient.sex !== 'male';
    notes.line(
      patient.sex === 'male'
        ? `Label initial dose for men: ${formatAmount(sexDose.value.maleLow)} or ${formatDose({ amount: sexDose.value.maleHigh, unit })}; the lower, ${formatDose({ amount: sexDose.value.maleLow, unit })}, is used.`
        : `Label initial dose for women: ${formatDose({ amount: sexDose.value.female, unit })}${patient.sex === 'female' ? '' : ` (patient.sex ${patient.sex === undefined ? 'not given' : 'unknown'}: treated as female, the lower label dose)`}.`,
      sexDose,
      ...(patient.sex === 'female' || patient.sex === 'male' ? [] : [{ assumption: 'bzd-zolpidem-sex-unknown-female' }]),
    );
  }
  return { target, targetDaily: mgTotal(target), lowering, caps, ...(initial ? { initial } : {}), olderAdult, sexTreatedAsFemale };
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 6: first step.

interface RiskFactor {
  /** The request field, e.g. `patient.alcoholUse` or `concurrent`. */
  readonly input: string;
  readonly text: string;
}

function riskFactors(request: RestartRequest, drug: BenzodiazepineDrug): RiskFactor[] {
  const { patient } = request;
  const factors: RiskFactor[] = [];
  const others = otherConcurrent(request, drug);
  const opioids = withCategory(others, 'opioid');
  if (opioids.length) factors.push({ input: 'concurrent', text: `opioid (${names(opioids)})` });
  const gabapentinoids = withCategory(others, 'gabapentinoid');
  if (gabapentinoids.length) factors.push({ input: 'concurrent', text: `gabapentinoid (${names(gabapentinoids)})` });
  if (patient.alcoholUse) factors.push({ input: 'patient.alcoholUse', text: 'alcohol use' });
  else if (withCategory(others, 'alcohol').length) factors.push({ input: 'concurrent', text: 'concurrent alcohol' });
  if (patient.respiratoryDisease) factors.push({ input: 'patient.respiratoryDisease', text: 'respiratory disease' });
  if (patient.sleepApnea) factors.push({ input: 'patient.sleepApnea', text: 'sleep apnea' });
  if (patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value) factors.push({ input: 'patient.ageYears', text: `age ${patient.ageYears}` });
  return factors;
}

function factorText(factors: readonly RiskFactor[]): string {
  return factors.map((f) => `${f.text} (input ${f.input})`).join(', ');
}

/** The largest regimen at or below `limit` a day, administrations raised one real-strength level at a time (lowest first). */
function fillAtOrBelow(limit: Mg, target: readonly Mg[], formulation: BenzodiazepineFormulation): Mg[] {
  return fill(target, formulation, (_amounts, raised) => atMost(mgTotal(raised), limit));
}

/** The smallest such regimen at or above `minimum` a day (never above the target). */
function fillAtOrAbove(minimum: Mg, target: readonly Mg[], formulation: BenzodiazepineFormulation): Mg[] {
  return fill(target, formulation, (amounts) => below(mgTotal(amounts), minimum));
}

function fill(target: readonly Mg[], formulation: BenzodiazepineFormulation, keepRaising: (amounts: readonly Mg[], raised: readonly Mg[]) => boolean): Mg[] {
  const amounts: Mg[] = target.map(() => ZERO_MG);
  for (;;) {
    let index = -1;
    let level: Mg | null = null;
    for (let i = 0; i < amounts.length; i++) {
      const next = nextAbove(amounts[i]!, target[i]!, formulation.strengths);
      if (next && (index === -1 || amounts[i]!.lt(amounts[index]!))) {
        index = i;
        level = next.amount;
      }
    }
    if (index === -1 || !level) break;
    const raised = amounts.map((a, i) => (i === index ? level! : a));
    if (!keepRaising(amounts, raised)) break;
    amounts.splice(0, amounts.length, ...raised);
  }
  return amounts.filter((a) => a.gt(0)).sort((a, b) => b.cmp(a));
}

/** At or below `limit`, the better of the even regimen and the stepwise fill (the larger total; the even one on a tie). */
function atOrBelow(limit: Mg, target: readonly Mg[], formulation: BenzodiazepineFormulation): Mg[] | null {
  const even = evenMg(limit, target[0]!, target.length, formulation);
  const filled = fillAtOrBelow(limit, target, formulation);
  if (!filled.length) return even;
  if (!even) return filled;
  return below(mgTotal(even), mgTotal(filled)) ? filled : even;
}

type Rule = 'resume' | 'window' | 'window-risk' | 'symptoms' | 'symptoms-risk' | 'inpatient' | 'after-window' | 'detox' | 'not-dependent';

interface FirstStep {
  readonly first: Mg[];
  readonly rule: Rule;
  /** The step's rule in words (plan step `rule`). */
  readonly text: string;
  readonly fraction: string;
  readonly status: ToleranceStatus;
  readonly anchorFrom: number;
  readonly anchorProvenance: Provenance;
  readonly anchorBasis: string;
  /** Inputs that lowered the step below what the rule gives without them. */
  readonly lowered: readonly RiskFactor[];
  readonly smallestUnitFloor: boolean;
}

function firstStepPhase(
  notes: PlanNotes,
  request: RestartRequest,
  drug: BenzodiazepineDrug,
  formulation: BenzodiazepineFormulation,
  prior: PriorExposure,
  dependence: Dependence,
  phase: WindowPhase,
  product: Product,
): FirstStep {
  const unit = formulation.unit;
  const P = prior.priorDaily;
  const { target, targetDaily } = product;
  const capNote = product.lowering.length ? ' (no higher than the capped target)' : '';
  const factors = riskFactors(request, drug);
  const resumeTo = C.resumeUpToMissedDays.value;
  const windowStart = resumeTo + 1;
  const afterFrom = phase.window.lastMissedDay + 1;

  // Severe symptoms: the prior dose, whatever else applies (significant ones at a high dose also prompt inpatient care,
  // but keep the significant-symptom rule: 75% with a risk factor, amendment A8 test vector).
  const inpatient = dependence.dependent && phase.symptoms === 'severe';
  // Significant or severe symptoms keep (or reopen) the window, also after a supervised withdrawal.
  const insideRules =
    dependence.dependent && (phase.symptomatic ? phase.situation !== 'resume' || phase.detox : phase.situation === 'inside' && !phase.detox);
  const resume = dependence.dependent && phase.situation === 'resume' && !phase.detox;

  const make = (rule: Rule, first: Mg[], text: string, fraction: string, status: ToleranceStatus, anchorFrom: number, anchorProvenance: Provenance, anchorBasis: string, lowered: RiskFactor[] = [], smallestUnitFloor = false): FirstStep => ({
    first,
    rule,
    text,
    fraction,
    status,
    anchorFrom,
    anchorProvenance,
    anchorBasis,
    lowered,
    smallestUnitFloor,
  });

  if (dependence.dependent && (resume || inpatient || (insideRules && phase.symptoms === 'significant' && !factors.length))) {
    const rule: Rule = inpatient ? 'inpatient' : resume ? 'resume' : 'symptoms';
    const why =
      rule === 'resume'
        ? `up to ${resumeTo} missed days: resume the prior dose`
        : rule === 'inpatient'
          ? 'severe withdrawal symptoms now: the prior dose, and consider inpatient care'
          : 'significant withdrawal symptoms now: the prior dose';
    notes.line(`First step: ${why}${capNote}: ${describe(target, unit)}.`, rule === 'resume' ? C.resumeFraction : { assumption: 'bzd-window-symptoms-prior' });
    return make(rule, [...target], rule === 'resume' ? 'prior dose, resume range' : `prior dose, ${phase.symptoms} withdrawal symptoms now`, '1', 'retained', rule === 'resume' ? 0 : windowStart, rule === 'resume' ? C.resumeFraction : { assumption: 'bzd-window-symptoms-prior' }, why);
  }

  // 75 % (or 75 % with symptoms and risk factors) at or below, never below 50 %.
  const seventyFive = (fractionValue: Sourced<string>): { first: Mg[]; text: string } => {
    const allowed = timesOf(P, fractionValue.value);
    const floor = timesOf(P, C.windowFloorFraction.value);
    const made = atOrBelow(smaller(allowed, targetDaily), target, formulation);
    if (made && atMost(smaller(floor, targetDaily), mgTotal(made))) {
      return { first: made, text: `${percent(fractionValue)} of the prior dose = ${formatAmount(P)} × ${fractionValue.value} = ${formatDose({ amount: allowed, unit })}, rounded down to real strengths` };
    }
    return {
      first: fillAtOrAbove(smaller(floor, targetDaily), target, formulation),
      text: `${percent(fractionValue)} of the prior dose (${formatDose({ amount: allowed, unit })}) rounds below the floor of ${percent(C.windowFloorFraction)} (${formatDose({ amount: floor, unit })}): the smallest regimen at or above the floor`,
    };
  };
  // 50 % at or above, never above the prior (or the capped target).
  const fifty = (): { first: Mg[]; text: string } => ({
    first: fillAtOrAbove(smaller(timesOf(P, C.riskFactorFraction.value), targetDaily), target, formulation),
    text: `${percent(C.riskFactorFraction)} of the prior dose = ${formatAmount(P)} × ${C.riskFactorFraction.value} = ${formatDose({ amount: timesOf(P, C.riskFactorFraction.value), unit })}, rounded up to real strengths, never above the prior dose`,
  });

  if (insideRules) {
    const symptoms = phase.symptoms === 'significant';
    // Significant symptoms with a risk factor, or no symptoms without one: 75 %.
    if (symptoms || !factors.length) {
      const fractionValue = symptoms ? C.symptomsRiskFactorFraction : C.windowFraction;
      let { first, text } = seventyFive(fractionValue);
      // Never below what the same patient gets without the symptoms (Table 2 NOT_DEPENDENT: one prior single dose).
      const single = smaller(prior.dose, target[0]!);
      if (dependence.dependenceClass === 'NOT_DEPENDENT' && below(mgTotal(first), single)) {
        first = [single];
        text = `${text}, but no lower than one prior single dose (${formatDose({ amount: single, unit })}), the start without the symptoms`;
      }
      const why = symptoms
        ? `significant withdrawal symptoms now with ${factorText(factors)}: ${text}`
        : `inside the withdrawal window, physically dependent: ${text}`;
      notes.line(`First step: ${why}${capNote}: ${describe(first, unit)}.`, fractionValue, C.windowFloorFraction);
      const rule: Rule = symptoms ? 'symptoms-risk' : 'window';
      return make(rule, first, `${symptoms ? 'significant withdrawal symptoms with risk factors' : 'inside the withdrawal window'}: ${text}`, fractionValue.value, 'reduced', windowStart, fractionValue, why, symptoms ? factors : []);
    }
    // Risk factors, no significant symptoms: 50 % (never above what the rule gives without them).
    const withFactor = fifty();
    const without = seventyFive(C.windowFraction);
    const { first, text } = atMost(mgTotal(withFactor.first), mgTotal(without.first)) ? withFactor : without;
    const why = `inside the withdrawal window, physically dependent, lowered from ${percent(C.windowFraction)} by ${factorText(factors)}: ${text}`;
    notes.line(`First step: ${why}${capNote}: ${describe(first, unit)}.`, C.riskFactorFraction);
    return make('window-risk', first, `inside the withdrawal window, lowered by ${factors.map((f) => f.text).join(', ')}: ${text}`, C.riskFactorFraction.value, 'reduced', windowStart, C.riskFactorFraction, why, factors);
  }

  // After the window, after a supervised withdrawal, or a patient who was not dependent: the label initial dose, ≤ 10 mg DE.
  const capMg = fromDiazepamEquivalent(mgDiazepam(new D(C.afterWindowCapDe.value)), prior.capPer10);
  const afterWindow = dependence.dependent || phase.situation === 'after';
  let lowStart: { regimen: Mg[] | null; text: string } | null = null;
  if (afterWindow) {
    const initial = product.initial;
    const initialDose = initial ? mg(new D(initial.dose.dose)) : null;
    const initialDaily = initial && initialDose ? timesOf(initialDose, initial.dose.timesPerDay) : null;
    const limit = [targetDaily, ...(initialDaily ? [initialDaily] : [])].reduce((a, b) => smaller(a, b), capMg);
    notes.line(
      `After-window cap: ${C.afterWindowCapDe.value} mg diazepam equivalents a day = ${formatDose({ amount: capMg, unit })} ${drug.genericName} a day (${formatAmount(prior.capPer10)} mg ≈ 10 mg diazepam, the higher-potency figure).`,
      C.afterWindowCapDe,
      { assumption: 'bzd-after-window-restart-low' },
    );
    if (initial) {
      notes.line(
        `Label initial dose: ${initial.why}, ${formatDose({ amount: initial.dose.dose, unit })} × ${initial.dose.timesPerDay} a day = ${formatDose({ amount: initialDaily!, unit })} daily.`,
        initial.provenance,
      );
    } else {
      notes.line(`No label initial dose is stored for this product: the after-window cap alone applies.`);
    }
    let regimen: Mg[] | null = null;
    if (initial && initialDose) {
      const single = smaller(initialDose, target[0]!);
      const made = floorToStrengths(smaller(single, limit), formulation.strengths);
      if (made) {
        const count = Math.max(1, Math.min(initial.dose.timesPerDay, target.length, Math.floor(limit.div(made.amount).toNumber())));
        regimen = repeatMg(made.amount, count);
      }
    } else {
      regimen = evenMg(limit, target[0]!, target.length, formulation);
    }
    const limitText = `the lowest of ${initialDaily ? `the label initial dose (${formatDose({ amount: initialDaily, unit })} a day), ` : ''}${C.afterWindowCapDe.value} mg diazepam equivalents (${formatDose({ amount: capMg, unit })}) and the ${product.lowering.length ? 'capped target' : 'prior dose'} (${formatDose({ amount: targetDaily, unit })}) = ${formatDose({ amount: limit, unit })} a day`;
    lowStart = { regimen, text: limitText };
  }

  if (!dependence.dependent) {
    const single = smaller(prior.dose, target[0]!);
    let first: Mg[] = [single];
    let text = `not physically dependent: at most one prior single dose a day (${formatDose({ amount: prior.dose, unit })}), no more than ${plural(prior.daysPerWeek, 'day')} a week as before`;
    const lowSingle = lowStart?.regimen ? floorToStrengths(mgTotal(lowStart.regimen), formulation.strengths) : null;
    if (lowSingle && below(lowSingle.amount, single)) {
      first = [smaller(lowSingle.amount, single)];
      text = `not physically dependent, after the withdrawal window: the lower of one prior single dose (${formatDose({ amount: prior.dose, unit })}) and ${lowStart!.text}, as one dose a day`;
    }
    notes.line(`First step: ${text}: ${describe(first, unit)}.`, { assumption: 'bzd-not-dependent-single-dose' });
    const fraction = shown(mgTotal(first).div(P)).toFixed();
    return make('not-dependent', first, text, fraction, 'not-applicable', 0, { assumption: 'bzd-not-dependent-single-dose' }, text);
  }

  const rule: Rule = phase.detox ? 'detox' : 'after-window';
  const lead = phase.detox ? `completed medically supervised withdrawal (breakReason "detox")` : `after the withdrawal window, no significant withdrawal symptoms`;
  let first: Mg[];
  let text: string;
  let smallestUnitFloor = false;
  // Never above what the window rule would give the same patient: a longer break never gives a higher first step.
  const bound = factors.length ? fifty() : seventyFive(C.windowFraction);
  if (lowStart!.regimen && below(mgTotal(bound.first), mgTotal(lowStart!.regimen))) {
    first = bound.first;
    text = `${lead}: ${lowStart!.text}, but no higher than the first step inside the withdrawal window would be (${bound.text})`;
  } else if (lowStart!.regimen) {
    first = lowStart!.regimen;
    text = `${lead}: ${lowStart!.text}, rounded down to real strengths`;
  } else {
    const smallest = nextAbove(ZERO_MG, target[0]!, formulation.strengths);
    // Stryker disable next-line ArrayDeclaration: unreachable fallback; target[0] is made of real strengths, so nextAbove(0, target[0]) always finds one
    first = smallest ? [smallest.amount] : [target[0]!];
    smallestUnitFloor = true;
    text = `${lead}: ${lowStart!.text} is below the smallest unit; the smallest unit once daily is the floor`;
  }
  notes.line(`First step: ${text}: ${describe(first, unit)}.`, { assumption: 'bzd-after-window-restart-low' });
  return make(rule, first, text, C.afterWindowFraction.value, 'lost', afterFrom, C.afterWindowFraction, text, [], smallestUnitFloor);
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 7: titration ceiling.

function titrationPhase(notes: PlanNotes, request: RestartRequest, drug: BenzodiazepineDrug, formulation: BenzodiazepineFormulation, first: FirstStep, product: Product): PlanStep[] {
  const unit = formulation.unit;
  const rise = new D(C.maxRiseFraction.value);
  const interval = C.titrationIntervalDays.value;
  notes.line(
    `Titration ceiling: each step at most + ${rise.mul(100).toFixed()}% of the current daily dose, or the smallest rise the strengths can make, no sooner than every ${interval} days, up to the ${product.lowering.length ? 'capped target' : 'prior dose'} (mirror of the Joint Guideline taper limit of ≤ 25% every 2 weeks).`,
    C.maxRiseFraction,
    C.titrationIntervalDays,
  );
  const scheduled = buildTitration({
    startDate: checkedDate(request.restartDate),
    first: first.first,
    firstRule: first.text,
    target: product.target,
    // Stryker disable next-line StringLiteral: buildTitration does not read the description; no plan field shows it
    rule: { maxRiseFraction: rise, intervalsDays: [interval], description: 'benzodiazepine or Z-drug re-titration' },
    strengths: formulation.strengths,
  });
  if (scheduled.some((s) => s.rule.startsWith('smallest rise'))) {
    notes.line('Where the real strengths cannot make a rise as small as 25%, the step rises by the smallest amount they can make.', {
      assumption: 'smallest-practical-rise',
    });
  }
  if (formulation.scoringUnverified) {
    notes.line(
      `Tablets whose scoring is not confirmed on the label (${formulation.strengths.filter((s) => !s.scored).map((s) => formatDose({ amount: s.amount, unit })).join(', ')}) are never halved.`,
      { assumption: 'unverified-scoring-unscored' },
    );
  }
  const deFactor = drug.ashtonEquivalent.value.low;
  const planned = toPlanSteps(scheduled, {
    drug: drug.id,
    formulation,
    // The steps' daily doses are mg of the drug (the shared step builder carries bare decimals): mg diazepam only through diazepamEquivalent.
    equivalent: { unit: 'mg diazepam', of: (daily) => shown(diazepamEquivalent(mg(daily), deFactor)) },
  });
  // Not dependent (A8): no more days a week than before on every step, not only the first (docs/clinical-model.md).
  const daysPerWeek = request.prior.daysPerWeek;
  const steps = first.rule === 'not-dependent' && daysPerWeek < 7
    ? planned.map((step) => (/days? a week/.test(step.rule) ? step : { ...step, rule: `${step.rule}; on no more than ${plural(daysPerWeek, 'day')} a week as before` }))
    : planned;
  steps.forEach((step, index) => {
    notes.line(
      `Step ${index + 1} from ${step.start}: ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily ≈ ${formatAmount(step.dailyEquivalent!.amount)} mg diazepam/day (${step.rule}).`,
    );
  });
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 7b: a regimen of several medicines (issue 13): resumed product by product, or as-needed use beneath the ceiling.

/** Tolerance retained (the first step is the prior dose): the regimen is shown back, each product on its own step. */
function resumesRegimen(request: RestartRequest, prior: PriorExposure, first: FirstStep): boolean {
  if (!prior.multi || first.status !== 'retained') return false;
  // A Z-drug is never restarted after a complex sleep behavior: the regimen is then restarted on the main product.
  return !(request.patient.complexSleepBehaviorHistory && prior.components.some((c) => c.drug.kind === 'z-drug'));
}

function componentExposure(prior: PriorExposure, component: RegimenComponent): PriorExposure {
  return { ...prior, dose: component.dose, times: component.times, priorDaily: component.daily, mainDaily: component.daily, regimen: repeatMg(component.dose, component.times) };
}

interface ResumedRegimen {
  readonly steps: PlanStep[];
  /** Each component's label caps (the main product's first). */
  readonly products: readonly Product[];
  /** The resumed regimen in words, for the warnings. */
  readonly text: string;
}

function resumeRegimenPhase(notes: PlanNotes, request: RestartRequest, prior: PriorExposure, first: FirstStep): ResumedRegimen {
  notes.line(
    `Tolerance retained (${first.text}): the regimen is resumed as it was, each medicine on its own step from ${request.restartDate} (parallel steps with the same date, one per medicine); nothing is converted into another drug.`,
    { assumption: 'bzd-regimen-resume-each' },
  );
  const steps: PlanStep[] = [];
  const products: Product[] = [];
  const parts: string[] = [];
  for (const component of prior.components) {
    const { drug, formulation } = component;
    const unit = formulation.unit;
    notes.line(`Component ${component.index + 1} (${component.path}), ${drug.displayName} ${formulation.name}: label limits.`);
    const product = productPhase(notes, request, formulation, componentExposure(prior, component));
    products.push(product);
    const scheduled = buildTitration({
      startDate: checkedDate(request.restartDate),
      first: product.target,
      firstRule: first.text,
      target: product.target,
      // Stryker disable next-line StringLiteral: buildTitration does not read the description; no plan field shows it
      rule: { maxRiseFraction: new D(C.maxRiseFraction.value), intervalsDays: [C.titrationIntervalDays.value], description: 'benzodiazepine or Z-drug regimen resumed' },
      strengths: formulation.strengths,
    });
    const deFactor = drug.ashtonEquivalent.value.low;
    const planned = toPlanSteps(scheduled, { drug: drug.id, formulation, equivalent: { unit: 'mg diazepam', of: (daily) => shown(diazepamEquivalent(mg(daily), deFactor)) } });
    for (const step of planned) {
      const rule = `${first.text}; ${drug.displayName}, component ${component.index + 1} of ${prior.components.length}${component.asNeeded ? `, as needed as before, up to ${plural(component.times, 'dose')} a day` : ''}${product.lowering.length ? ', no higher than the label limit' : ''}`;
      steps.push({ ...step, rule, component: component.index, ...(component.asNeeded ? { asNeeded: true } : {}) });
      notes.line(
        `Step from ${step.start}, component ${component.index + 1} (${component.path}): ${drug.displayName} ${step.administrations.map((a) => formatDose({ amount: a, unit })).join(' + ')} = ${formatDose(step.dailyDose)} daily${component.asNeeded ? ' as needed' : ''} ≈ ${formatAmount(step.dailyEquivalent!.amount)} mg diazepam/day.`,
      );
      parts.push(`${drug.displayName} ${formatDose(step.dailyDose)}${component.asNeeded ? ' as needed' : ''}`);
    }
    for (const cap of product.lowering) {
      notes.warn(
        'LABEL_CAP_APPLIED',
        'critical',
        `${drug.displayName} (${component.path}): the prior dose (${formatDose({ amount: component.daily, unit })} a day) is above the ${cap.reason} (${cap.input}): the plan stops at ${formatDose({ amount: product.targetDaily, unit })} a day. A higher dose is the prescriber's decision, with monitoring.`,
        [sourceOf(cap.provenance) === 'engine assumption' ? formulation.strengthsSource.source : sourceOf(cap.provenance)],
      );
    }
  }
  const total = deTotal(steps.map((step) => mgDiazepam(new D(step.dailyEquivalent!.amount))));
  notes.line(`Resumed regimen: ${steps.map((step) => formatAmount(step.dailyEquivalent!.amount)).join(' + ')} = ${formatAmount(total)} mg diazepam/day, no more than the prior total (${formatAmount(shown(prior.ashtonDe))}).`);
  return { steps, products, text: `each medicine at its prior dose (${parts.join(' + ')} a day)` };
}

/** Consolidated plan with as-needed use before the break: each step says how as-needed doses fit beneath its ceiling. */
function withAsNeededAllowance(notes: PlanNotes, steps: readonly PlanStep[], prior: PriorExposure, formulation: BenzodiazepineFormulation): PlanStep[] {
  const use = prior.asNeededUse;
  if (!use) return [...steps];
  const unit = formulation.unit;
  return steps.map((step, index) => {
    const daily = mg(new D(step.dailyDose.amount));
    const dose = use.dose;
    const forAsNeeded = timesOf(daily, use.share);
    const max = dose ? Math.min(use.count, Math.floor(forAsNeeded.div(dose).toNumber())) : 0;
    const scheduled = dose ? subtract(daily, timesOf(dose, max)) : daily;
    const shownDose = dose ?? ZERO_MG;
    const text = max > 0
      ? `up to ${max} × ${formatDose({ amount: shownDose, unit })} as needed (for ${use.names}, taken as needed before the break); scheduled doses then at most ${formatDose({ amount: scheduled, unit })} a day; scheduled and as-needed doses together never above ${formatDose(step.dailyDose)} a day`
      : `no as-needed dose fits in this step's as-needed share (${formatAmount(shown(forAsNeeded))} of ${formatDose(step.dailyDose)} a day): scheduled doses only, up to the ceiling`;
    notes.line(`Step ${index + 1} as-needed allowance: ${text}.`);
    return {
      ...step,
      asNeededAllowance: { dose: { amount: decimalString(shownDose), unit }, maxDosesPerDay: max, scheduledDaily: { amount: decimalString(scheduled), unit }, text },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Phase 8: warnings.

function otherConcurrent(request: RestartRequest, drug: BenzodiazepineDrug): string[] {
  // Stryker disable next-line MethodExpression,ConditionalExpression: no benzodiazepine or Z-drug is in the opioid, gabapentinoid or alcohol category, so the planned drug never warns against itself either way
  return request.concurrent.filter((id) => id !== drug.id);
}
function withCategory(ids: readonly string[], category: string): string[] {
  return ids.filter((id) => (concurrentCategories(id) as readonly string[]).includes(category));
}
function names(ids: readonly string[]): string {
  return ids.map(concurrentName).join(', ');
}

interface WarningContext {
  readonly drug: BenzodiazepineDrug;
  readonly formulation: BenzodiazepineFormulation;
  readonly prior: PriorExposure;
  readonly dependence: Dependence;
  readonly phase: WindowPhase;
  readonly product: Product;
  readonly first: FirstStep;
  readonly steps: readonly PlanStep[];
  /** Several medicines resumed, each on its own step (tolerance retained). */
  readonly resumed?: ResumedRegimen;
}

function regimenWarnings(notes: PlanNotes, request: RestartRequest, context: WarningContext): void {
  const { drug, prior, steps } = context;
  if (!prior.multi) return;
  const list = prior.components.map((c) => `${c.drug.displayName} ${formatDose({ amount: c.daily, unit: c.formulation.unit })} a day${c.asNeeded ? ' as needed' : ''}`).join(', ');
  if (context.resumed) {
    notes.warn(
      'BZD_REGIMEN_RESUMED',
      'info',
      `Tolerance retained: the regimen (${list}; together ${formatAmount(shown(prior.ashtonDe))} mg diazepam equivalents a day) is resumed as it was, each medicine on its own step; nothing is switched. When a taper is planned, reduce one medicine at a time.`,
      ['joint-bzd-taper-2025'],
    );
    notes.line(`Info BZD_REGIMEN_RESUMED: ${prior.components.length} medicines resumed on parallel steps.`, { assumption: 'bzd-regimen-resume-each' });
    return;
  }
  const dropped = prior.components.filter((c) => c.index > 0);
  const zSkipped = request.patient.complexSleepBehaviorHistory && dropped.some((c) => c.drug.kind === 'z-drug');
  const last = steps[steps.length - 1];
  notes.warn(
    'BZD_REGIMEN_COMBINED',
    'warning',
    `Before the break: ${list} (together ${formatAmount(shown(prior.ashtonDe))} mg diazepam equivalents a day). The plan restarts ${drug.displayName} alone, with ${dropped.map((c) => c.drug.displayName).join(', ')} converted into it at the lower figure of the equivalence tables${last ? ` (up to ${formatDose(last.dailyDose)} a day)` : ''}: do not also restart ${dropped.length > 1 ? 'the others' : dropped[0]!.drug.displayName}.${zSkipped ? ' A Z-drug is not restarted after a complex sleep behavior.' : ''} Conversion between benzodiazepines is not straightforward and equivalents vary between people: review early for withdrawal and for oversedation.`,
    ['joint-bzd-taper-2025'],
  );
  notes.line(`Warning BZD_REGIMEN_COMBINED: ${prior.components.length} medicines, restarted on ${drug.displayName}.`, { assumption: 'bzd-regimen-one-product' });
}

function warningsPhase(notes: PlanNotes, request: RestartRequest, context: WarningContext): void {
  const { patient } = request;
  const { drug, formulation, prior, dependence, phase, product, first, steps } = context;
  const unit = formulation.unit;
  const others = otherConcurrent(request, drug);
  const label = formulation.strengthsSource.source;
  const firstDaily = mgTotal(first.first);
  const older = patient.ageYears !== undefined && patient.ageYears >= C.olderAdultAge.value;
  const kindName = drug.kind === 'z-drug' ? 'Z-drugs' : 'benzodiazepines';
  const firstShown = context.resumed ? context.resumed.text : formatDose({ amount: firstDaily, unit });

  regimenWarnings(notes, request, context);

  // The first step and what decided it (amendment A8).
  if (first.rule === 'window' || first.rule === 'window-risk' || first.rule === 'symptoms' || first.rule === 'symptoms-risk' || first.rule === 'inpatient') {
    notes.warn(
      'BZD_WITHDRAWAL_WINDOW',
      'critical',
      `Abrupt stop in a physically dependent patient, ${missedDaysText(prior.missedDays)}: the patient may be in withdrawal (seizures can be life-threatening). Restart near the prior dose (first step ${firstShown}${context.resumed ? '' : ' a day'}), then plan a taper (typically 5–10% every 2–4 weeks, not more than 25% every 2 weeks); do not leave the patient on a low "new start" dose.`,
      ['joint-bzd-taper-2025', 'fda-benzo-boxed-2020'],
    );
    notes.line(`Warning BZD_WITHDRAWAL_WINDOW: ${dependence.dependenceClass}, ${missedDaysText(prior.missedDays)} (window to ${phase.window.lastMissedDay}).`, phase.window.days);
  }
  if (dependence.dependent && prior.missedDays >= 1 && prior.missedDays <= C.resumeUpToMissedDays.value && !phase.detox) {
    notes.warn(
      'BZD_WITHDRAWAL_EARLY',
      'warning',
      `Day ${prior.daysOff} after an abrupt stop in a physically dependent patient: withdrawal can begin within 24 hours for short-acting drugs (several days for longer-acting ones). Resume the prior dose and watch for withdrawal, including seizures; do not stop abruptly again.`,
      ['fda-benzo-boxed-2020', 'prescriber-2012-bzd-withdrawal'],
    );
    notes.line(`Warning BZD_WITHDRAWAL_EARLY: ${dependence.dependenceClass}, daysOff ${prior.daysOff}.`);
  }
  if (dependence.dependent && phase.symptomatic) {
    notes.warn(
      'BZD_SEIZURE_RISK',
      'critical',
      `${phase.symptoms === 'severe' ? 'Severe' : 'Significant'} withdrawal symptoms now (patient.withdrawalSymptomsNow): stopping a benzodiazepine abruptly can cause withdrawal reactions, including seizures, which can be life-threatening. The plan restarts at ${firstShown}${context.resumed ? '' : ' a day'}; review early and plan a taper later.`,
      ['fda-benzo-boxed-2020', 'joint-bzd-taper-2025'],
    );
    notes.line(`Warning BZD_SEIZURE_RISK: withdrawal symptoms ${phase.symptoms}.`, { assumption: 'bzd-window-symptoms-prior' });
  }
  const highDose = below(mgDiazepam(new D(C.moderateBandMaxDe.value)), prior.decisionDe);
  if (dependence.dependent && (phase.symptoms === 'severe' || (phase.symptoms === 'significant' && highDose))) {
    notes.warn(
      'BZD_INPATIENT_CONSIDER',
      'critical',
      `${phase.symptoms === 'severe' ? 'Severe withdrawal symptoms (seizure, delirium or hallucinations)' : `Significant withdrawal symptoms at a high prior dose (${formatAmount(shown(prior.decisionDe))} mg diazepam equivalents a day, above ${C.moderateBandMaxDe.value})`}: consider inpatient management (Joint Guideline Rec 5c: severe or complicated withdrawal).`,
      ['joint-bzd-taper-2025'],
    );
    notes.line(`Warning BZD_INPATIENT_CONSIDER: withdrawal symptoms ${phase.symptoms}, prior ${formatAmount(shown(prior.decisionDe))} mg diazepam equivalents a day.`, C.moderateBandMaxDe);
  }
  if (first.lowered.length) {
    notes.warn(
      'BZD_RISK_FACTOR_STEP',
      'warning',
      `The first step was lowered to ${formatDose({ amount: firstDaily, unit })} a day by: ${first.lowered.map((f) => `${f.text} (${f.input})`).join(', ')}. These add to sedation and respiratory depression; review early and watch for withdrawal.`,
      ['joint-bzd-taper-2025', 'fda-opioid-benzo-2016'],
    );
    notes.line(`Warning BZD_RISK_FACTOR_STEP: first step lowered by ${factorText(first.lowered)}.`, first.anchorProvenance);
    if (first.lowered.some((f) => f.text.startsWith('opioid'))) {
      notes.warn(
        'BZD_OPIOID',
        'critical',
        `An opioid is taken with ${drug.displayName} inside the withdrawal window: the first step is ${percent(C.riskFactorFraction)} of the prior dose. Offer naloxone and use the lowest effective doses of both drugs (Joint Guideline Recs 16–18).`,
        ['joint-bzd-taper-2025', 'fda-opioid-benzo-2016'],
      );
      notes.line('Warning BZD_OPIOID: concurrent opioid lowered the first step; naloxone.');
    }
  }
  if (first.rule === 'detox') {
    notes.warn(
      'BZD_AFTER_DETOX',
      'warning',
      `Withdrawal was completed under medical supervision (breakReason "detox"): reconsider whether a restart is needed. If it is, the plan restarts low (${formatDose({ amount: firstDaily, unit })} a day) and re-titrates.`,
      ['joint-bzd-taper-2025'],
    );
    notes.line('Warning BZD_AFTER_DETOX: breakReason detox.', { assumption: 'bzd-after-window-restart-low' });
  }
  if (first.rule === 'after-window' || first.rule === 'detox') {
    notes.warn(
      'BZD_TOLERANCE_LOSS',
      'warning',
      `Tolerance to sedation and breathing depression may have faded ${first.rule === 'detox' ? 'after the completed supervised withdrawal' : `after ${missedDaysText(prior.missedDays)}`}: returning straight to the previous dose can cause oversedation and, with opioids or alcohol, fatal respiratory depression. Follow the dated ceilings, and reconsider whether a restart is needed.${product.olderAdult && formulation.olderAdultInitialDose ? ` The start uses the label's initial dose for older adults (patient.ageYears ${patient.ageYears}).` : ''}`,
      ['joint-bzd-taper-2025', 'fda-benzo-boxed-2020'],
    );
    notes.line(`Warning BZD_TOLERANCE_LOSS: first step ${formatDose({ amount: firstDaily, unit })} a day after ${first.rule === 'detox' ? 'a completed supervised withdrawal' : missedDaysText(prior.missedDays)}.`, { assumption: 'bzd-after-window-restart-low' });
  }
  if (!dependence.dependent) {
    notes.warn(
      'BZD_NOT_DEPENDENT',
      'info',
      `Taken on ${plural(prior.daysPerWeek, 'day')} a week (prior.daysPerWeek): withdrawal is rare at 3 days a week or fewer (Joint Guideline Table 2). The first step is at most one prior single dose a day, taken no more often than before.`,
      ['joint-bzd-taper-2025'],
    );
  }

  // Label caps (amendment A2).
  for (const cap of product.lowering) {
    notes.warn(
      'LABEL_CAP_APPLIED',
      'critical',
      `The prior dose (${formatDose({ amount: prior.priorDaily, unit })} a day) is above the ${cap.reason} (${cap.input}): the plan stops at ${formatDose({ amount: product.targetDaily, unit })} a day. A higher dose is the prescriber's decision, with monitoring.`,
      [sourceOf(cap.provenance) === 'engine assumption' ? label : sourceOf(cap.provenance)],
    );
    notes.line(`Warning LABEL_CAP_APPLIED: ${cap.reason} (${cap.input}).`, cap.provenance);
    if (cap.code === 'ABOVE_LABEL_MAXIMUM') {
      notes.warn('ABOVE_LABEL_MAXIMUM', 'warning', 'The prior dose is above the labelled maximum daily dose: the plan stops at the labelled maximum. A higher dose is the prescriber\'s decision.', [label]);
    }
  }
  // ZDRUG_AGE_DOSE is the Z-drug code (A2); a benzodiazepine's label age limit shows as LABEL_CAP_APPLIED and a derivation line.
  const zCaps = drug.kind === 'z-drug' ? product.caps.filter((cap) => cap.code === 'ZDRUG_AGE_DOSE') : [];
  if (zCaps.length) {
    const lowered = zCaps.some((cap) => product.lowering.includes(cap));
    notes.warn(
      'ZDRUG_AGE_DOSE',
      lowered ? 'critical' : 'warning',
      `${zCaps.map((cap) => `${cap.input}: ${cap.reason}`).join('; ')}${lowered ? '; the ceiling is lowered to the label limit' : ''}. The label gives a lower dose for these patients; a higher dose is the prescriber's decision.`,
      [...new Set(zCaps.map((cap) => sourceOf(cap.provenance)))],
    );
    notes.line(`Warning ZDRUG_AGE_DOSE: ${zCaps.map((cap) => cap.input).join(', ')}.`);
  }
  if (formulation.hepaticCap?.value.severeAvoid && patient.hepaticGrade === 'severe') {
    notes.warn(
      'ZOLPIDEM_SEVERE_HEPATIC',
      'critical',
      `Severe hepatic impairment (patient.hepaticImpairment): the label says avoid ${drug.displayName}. Do not restart unless the prescriber decides the benefit outweighs the risk; if it is restarted, the plan keeps to the hepatic limit.`,
      [sourceOf(formulation.hepaticCap)],
    );
    notes.line('Warning ZOLPIDEM_SEVERE_HEPATIC: hepaticGrade severe.', formulation.hepaticCap);
  }
  if (formulation.hepaticCap?.value.severeNotRecommended && patient.hepaticGrade === 'severe') {
    notes.warn(
      'ZDRUG_SEVERE_HEPATIC',
      'critical',
      `Severe hepatic impairment (patient.hepaticImpairment): the label says ${drug.displayName} is not recommended. Do not restart unless the prescriber decides the benefit outweighs the risk; if it is restarted, the plan keeps to the hepatic limit.`,
      [sourceOf(formulation.hepaticCap)],
    );
    notes.line('Warning ZDRUG_SEVERE_HEPATIC: hepaticGrade severe.', formulation.hepaticCap);
  }
  if (formulation.sexInitialDose && product.sexTreatedAsFemale) {
    notes.warn(
      'ZDRUG_SEX_DOSE',
      'warning',
      `${patient.sex === 'female' ? 'Women' : 'Sex not given or unknown, treated as female: women'} have higher next-morning ${drug.genericName} levels; the FDA lowered the recommended dose for women (initial ${formatDose({ amount: formulation.sexInitialDose.value.female, unit })}). Warn about next-morning impairment, including driving.`,
      ['fda-zolpidem-2013'],
    );
  }
  const zResumed = context.resumed ? prior.components.filter((c) => c.drug.kind === 'z-drug' && c.index > 0) : [];
  if (drug.kind === 'z-drug' || zResumed.length) {
    const zName = drug.kind === 'z-drug' ? drug.displayName : zResumed.map((c) => c.drug.displayName).join(', ');
    notes.warn(
      'ZDRUG_COMPLEX_SLEEP_BEHAVIOR',
      'warning',
      `Boxed warning: complex sleep behaviors (sleepwalking, sleep-driving and other activities while not fully awake) can occur after just one dose of ${zName} and can cause serious injury or death. Stop it immediately if one occurs; it must not be restarted after one.`,
      ['fda-zdrug-csb-2019'],
    );
  }

  // Interactions and patient factors.
  const opioids = withCategory(others, 'opioid');
  if (opioids.length) {
    notes.warn(
      'OPIOID_BENZODIAZEPINE',
      'critical',
      `${drug.displayName} with ${names(opioids)}: combined use can cause profound sedation, respiratory depression, coma and death. Use only if alternatives are inadequate, limit both to the lowest doses and shortest duration, and offer naloxone.`,
      ['fda-opioid-benzo-2016', 'joint-bzd-taper-2025', 'beers-2023'],
    );
    notes.line(`Warning OPIOID_BENZODIAZEPINE: concurrent ${opioids.join(', ')} (FDA 2016 boxed warning; Joint Guideline Recs 16–18: offer naloxone).`);
    const rises = steps.slice(1).map((step) => step.start);
    if (rises.length) {
      notes.warn(
        'BZD_OPIOID_STEP_DAY',
        'warning',
        `Do not raise ${names(opioids)} on a day ${drug.displayName} rises (${rises.join(', ')}): delay one of the two steps by at least a day, so that two rises never fall on the same day.`,
        ['fda-opioid-benzo-2016'],
      );
      notes.line(`Warning BZD_OPIOID_STEP_DAY: this plan cannot see the opioid plan; its own rises are on ${rises.join(', ')}.`, { assumption: 'bzd-opioid-step-days' });
    }
    if (older) {
      notes.warn(
        'BEERS_OPIOID_BZD',
        'critical',
        `Age ${patient.ageYears}: the Beers Criteria say avoid opioids with benzodiazepines (increased risk of overdose and adverse events; strong recommendation).`,
        ['beers-2023'],
      );
      notes.line(`Warning BEERS_OPIOID_BZD: age ${patient.ageYears} ≥ ${C.olderAdultAge.value} and concurrent ${opioids.join(', ')}.`, C.olderAdultAge);
    }
  }
  const gabapentinoids = withCategory(others, 'gabapentinoid');
  if (gabapentinoids.length) {
    notes.warn(
      'BENZODIAZEPINE_GABAPENTINOID',
      'warning',
      `${drug.displayName} with ${names(gabapentinoids)}: serious breathing problems can occur when gabapentinoids are taken with other CNS depressants. Monitor for sedation and respiratory depression.`,
      ['fda-gabapentinoid-2019'],
    );
    notes.line(`Warning BENZODIAZEPINE_GABAPENTINOID: concurrent ${gabapentinoids.join(', ')}.`);
  }
  const alcohol = withCategory(others, 'alcohol');
  if (patient.alcoholUse || alcohol.length) {
    notes.warn(
      'ALCOHOL',
      'warning',
      `Alcohol with ${drug.displayName} adds to sedation and respiratory depression and raises the risk of overdose. Advise the patient not to drink; check for alcohol dependence (alcohol withdrawal also causes seizures).`,
      ['fda-benzo-boxed-2020', label],
    );
    notes.line(`Warning ALCOHOL: ${patient.alcoholUse ? 'patient alcohol use' : 'concurrent alcohol'}.`);
  }
  if (older) {
    notes.warn(
      'BEERS_AVOID',
      'warning',
      `Age ${patient.ageYears}: the Beers Criteria say avoid ${kindName} in older adults (cognitive impairment, delirium, falls, fractures, crashes). Consider whether to restart at all; the Joint Guideline advises tapering in most adults aged 65 or over.`,
      ['beers-2023', 'joint-bzd-taper-2025'],
    );
    notes.line(`Warning BEERS_AVOID: age ${patient.ageYears} ≥ ${C.olderAdultAge.value}.`, C.olderAdultAge);
    // Three or more CNS-active drugs: the one rule and table for every class (beers.ts).
    beersCnsWarning(notes, request, drug);
  }
  if (patient.historyOfFalls && (older || patient.ageYears === undefined)) {
    notes.warn(
      'BEERS_FALLS',
      'warning',
      `History of falls (patient.historyOfFalls)${patient.ageYears === undefined ? ', age not given' : `, age ${patient.ageYears}`}: the Beers Criteria say avoid ${kindName} in older adults with a history of falls or fractures unless safer alternatives are not available.`,
      ['beers-2023'],
    );
    notes.line(`Warning BEERS_FALLS: patient.historyOfFalls${patient.ageYears === undefined ? ' (age not given: applied)' : ''}.`, C.olderAdultAge);
  }
  if (patient.respiratoryDisease || patient.sleepApnea) {
    const what = [patient.respiratoryDisease ? 'respiratory disease' : '', patient.sleepApnea ? 'sleep apnea' : ''].filter(Boolean).join(' and ');
    notes.warn(
      'RESPIRATORY_RISK',
      'warning',
      `${what[0]!.toUpperCase()}${what.slice(1)}: ${drug.displayName} can depress breathing, more so during sleep. Use the lowest dose and monitor.`,
      [label, 'fda-opioid-benzo-2016'],
    );
    notes.line(`Warning RESPIRATORY_RISK: ${what}.`);
  }
  if (drug.hepaticCaution && (patient.hepaticGrade === 'moderate' || patient.hepaticGrade === 'severe')) {
    notes.warn(
      'BZD_HEPATIC',
      'warning',
      `${patient.hepaticGrade[0]!.toUpperCase()}${patient.hepaticGrade.slice(1)} hepatic impairment (patient.hepaticImpairment): ${drug.displayName} is oxidised in the liver and can accumulate in liver disease. Lorazepam, oxazepam and temazepam have no active metabolites and their half-life stays about the same; do not switch drugs inside the withdrawal window.`,
      [drug.hepaticCaution.source],
    );
    notes.line(`Warning BZD_HEPATIC: hepaticGrade ${patient.hepaticGrade}.`, drug.hepaticCaution);
  }
  if (first.smallestUnitFloor) {
    notes.warn(
      'SMALLEST_UNIT_ABOVE_CEILING',
      'warning',
      'The computed first-step ceiling is below the smallest tablet or capsule; the plan uses the smallest unit once daily. Consider whether a restart is needed and monitor closely.',
      [label],
    );
  }
  if (drug.epilepsyCaution && below(firstDaily, prior.priorDaily)) {
    notes.warn(
      'EPILEPSY_INDICATION',
      'info',
      `${drug.displayName} may be prescribed for epilepsy: if so, a lower dose can provoke seizures. Check the indication with the prescriber.`,
      [drug.epilepsyCaution.source],
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------

function toPriorComponent(component: RegimenComponent): PriorComponent {
  const { drug, formulation } = component;
  const unit = formulation.unit;
  return {
    path: component.path,
    drug: drug.id,
    formulation: formulation.id,
    displayName: drug.displayName,
    formulationName: formulation.name,
    dose: { amount: decimalString(component.dose), unit },
    timesPerDay: component.times,
    asNeeded: component.asNeeded,
    dailyDose: { amount: decimalString(component.daily), unit },
    dailyEquivalent: { amount: decimalString(shown(component.ashtonDe)), unit: 'mg diazepam' },
    equivalentFactor: { value: amountText(drug.ashtonEquivalent.value), per: `mg ${drug.genericName} ≈ 10 mg diazepam`, source: sourceOf(drug.ashtonEquivalent) },
  };
}

export function planBenzodiazepine(request: RestartRequest, drug: BenzodiazepineDrug, formulation: BenzodiazepineFormulation): RestartPlan | PlanRefusal {
  const notes = new PlanNotes();
  const prior = priorExposurePhase(notes, request, drug, formulation);
  const refusal = refusalPhase(notes, request, drug, formulation, prior);
  if (refusal) return refusal;
  const classified = dependencePhase(notes, request, prior);
  const phase = windowPhase(notes, request, drug, prior);
  const dependence = symptomsShowDependence(notes, classified, phase);
  const product = productPhase(notes, request, formulation, prior);
  const first = firstStepPhase(notes, request, drug, formulation, prior, dependence, phase, product);
  const resumed = resumesRegimen(request, prior, first) ? resumeRegimenPhase(notes, request, prior, first) : undefined;
  const steps = resumed ? resumed.steps : withAsNeededAllowance(notes, titrationPhase(notes, request, drug, formulation, first, product), prior, formulation);
  warningsPhase(notes, request, {
    drug,
    formulation,
    // Resumed product by product: the main product's own label limits and prior dose speak for it in the warnings.
    prior: resumed ? componentExposure(prior, prior.components[0]!) : prior,
    dependence,
    phase,
    product: resumed ? resumed.products[0]! : product,
    first,
    steps,
    ...(resumed ? { resumed } : {}),
  });

  return notes.finish({
    drug: drug.id,
    drugClass: 'benzodiazepine',
    drugKind: drug.kind,
    formulation: formulation.id,
    displayName: drug.displayName,
    daysOff: prior.daysOff,
    missedDays: prior.missedDays,
    tolerance: {
      retainedFraction: first.fraction,
      status: first.status,
      priorTolerant: dependence.dependent,
      anchor: { fromMissedDays: first.anchorFrom, source: sourceOf(first.anchorProvenance), basis: first.anchorBasis },
      dependence: dependence.dependenceClass,
      withdrawalWindowDays: phase.window.lastMissedDay,
    },
    prior: {
      dailyDose: { amount: decimalString(prior.mainDaily), unit: formulation.unit },
      dailyEquivalent: { amount: decimalString(shown(prior.ashtonDe)), unit: 'mg diazepam' },
      components: prior.components.map(toPriorComponent),
      equivalentFactor: { value: amountText(drug.ashtonEquivalent.value), per: `mg ${drug.genericName} ≈ 10 mg diazepam`, source: sourceOf(drug.ashtonEquivalent) },
      equivalents: prior.equivalents,
      riskBand: { band: prior.band, dailyEquivalent: { amount: decimalString(shown(prior.decisionDe)), unit: 'mg diazepam' }, source: sourceOf(C.lowBandMaxDe) },
      withdrawalRisk: { risk: dependence.row.risk, row: dependence.row.text, daysPerWeek: prior.daysPerWeek, durationDays: request.priorDurationDays, source: dependence.row.provenance.source },
    },
    steps,
  });
}
