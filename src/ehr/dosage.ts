/**
 * FHIR `dosageInstruction` → a Retitrate prior regimen: the dose per administration (in the
 * formulation's unit), administrations a day, and the units (tablets, capsules, patches) used a day.
 * Where the instruction leaves a choice (a dose range, "every 4 to 6 hours", uneven doses) the lower
 * regimen is taken, as everywhere in Retitrate, and the reading says so. See docs/ehr-integration.md.
 */
import { Decimal } from 'decimal.js';
import type { Dosage, Quantity } from '@medplum/fhirtypes';
import type { DoseUnit, UnitForm } from '../protocols/types.ts';

export interface DosageProduct {
  readonly unit: DoseUnit;
  readonly unitForm: UnitForm;
  /** Strength per unit (tablet, patch) when the code names it. */
  readonly strength?: string;
}

export interface DosageReading {
  /** Dose per administration, a decimal string in `unit`. */
  readonly dose: string;
  readonly unit: DoseUnit;
  /** Whole administrations a day (1 for a patch). */
  readonly timesPerDay: number;
  /** Units (tablets, capsules, patches) used a day, when the dose is given in units or the strength is known. */
  readonly unitsPerDay?: Decimal;
  readonly asNeeded: boolean;
  /** The instruction in words, for the provenance line. */
  readonly text: string;
  /** Where the lower reading was taken. */
  readonly notes: readonly string[];
}

export type DosageResult = { readonly ok: true; readonly reading: DosageReading } | { readonly ok: false; readonly message: string };

const UNIT_WORDS = new Set(['tablet', 'tablets', 'tab', 'tabs', '{tablet}', '{tablets}', '{tbl}', '{tab}', 'capsule', 'capsules', 'cap', 'caps', '{capsule}', '{capsules}', 'patch', 'patches', '{patch}', 'film', 'films', '{film}', '1', 'each', '{each}']);
const MASS: Record<string, DoseUnit> = { mg: 'mg', ug: 'mcg', mcg: 'mcg', 'ug/h': 'mcg/h', 'mcg/h': 'mcg/h', 'mcg/hr': 'mcg/h' };
const ORDERABLE_FORM = 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm';
const FORM_CODES = new Set(['TAB', 'CAP', 'PATCH', 'FILM', 'ORTAB', 'SLTAB', 'ERTAB', 'ERCAP']);
/** v3 GTSAbbreviation timing codes as administrations a day. */
const TIMING_CODES: Record<string, number> = { QD: 1, AM: 1, PM: 1, BID: 2, TID: 3, QID: 4, Q4H: 6, Q6H: 4 };
const HOURS: Record<string, number> = { h: 1, d: 24 };

type DoseKind = { kind: 'units'; count: Decimal } | { kind: 'amount'; amount: Decimal; unit: DoseUnit };

function readQuantity(quantity: Quantity | undefined): DoseKind | null {
  if (!quantity || typeof quantity.value !== 'number' || !(quantity.value > 0)) return null;
  const code = (quantity.code ?? '').trim();
  const unit = (quantity.unit ?? '').trim().toLowerCase();
  if (quantity.system === ORDERABLE_FORM && FORM_CODES.has(code)) return { kind: 'units', count: new Decimal(quantity.value) };
  if (UNIT_WORDS.has(code.toLowerCase()) || UNIT_WORDS.has(unit)) return { kind: 'units', count: new Decimal(quantity.value) };
  const mass = MASS[code] ?? MASS[unit];
  if (mass) return { kind: 'amount', amount: new Decimal(quantity.value), unit: mass };
  return null;
}

interface Administration {
  readonly dose: DoseKind;
  readonly perDay: Decimal;
  readonly asNeeded: boolean;
  readonly text: string;
  readonly notes: string[];
}

function readOne(dosage: Dosage): Administration | string {
  const notes: string[] = [];
  const doseAndRate = dosage.doseAndRate?.[0];
  let dose = readQuantity(doseAndRate?.doseQuantity);
  if (!dose && doseAndRate?.doseRange?.low) {
    dose = readQuantity(doseAndRate.doseRange.low);
    if (dose) notes.push('a dose range: the lower dose was taken');
  }
  if (!dose) return 'no dose in tablets, capsules, patches, mg or mcg';
  const repeat = dosage.timing?.repeat;
  let perDay: Decimal | null = null;
  if (repeat && (repeat.frequency !== undefined || repeat.period !== undefined)) {
    const hours = HOURS[repeat.periodUnit ?? ''];
    const period = repeat.periodMax ?? repeat.period;
    if (repeat.periodMax !== undefined) notes.push(`every ${repeat.period}–${repeat.periodMax} ${repeat.periodUnit}: the longer interval was taken`);
    if (repeat.frequencyMax !== undefined && repeat.frequencyMax !== repeat.frequency) notes.push(`${repeat.frequency ?? 1}–${repeat.frequencyMax} times: the fewer was taken`);
    if (!hours || !period || period <= 0) return `a timing period in ${repeat.periodUnit ?? 'no unit'} (only hours and days are read)`;
    perDay = new Decimal(repeat.frequency ?? 1).times(24).div(new Decimal(period).times(hours));
  } else {
    const code = dosage.timing?.code?.coding?.find((coding) => coding.code && TIMING_CODES[coding.code] !== undefined)?.code;
    if (code) perDay = new Decimal(TIMING_CODES[code]!);
  }
  if (!perDay) return 'no timing (frequency and period, or a timing code such as BID)';
  const asNeeded = dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined;
  return { dose, perDay, asNeeded, text: dosage.text ?? '', notes };
}

/** Reads the instruction(s) against a product. */
export function readDosage(dosages: readonly Dosage[] | undefined, product: DosageProduct): DosageResult {
  if (!dosages || dosages.length === 0) return { ok: false, message: 'no dosageInstruction' };
  const administrations: Administration[] = [];
  for (const dosage of dosages) {
    const read = readOne(dosage);
    if (typeof read === 'string') return { ok: false, message: read };
    administrations.push(read);
  }
  const patch = product.unitForm === 'patch';
  const amounts: Decimal[] = [];
  let unitsPerDay: Decimal | undefined = new Decimal(0);
  for (const administration of administrations) {
    const { dose } = administration;
    let amount: Decimal;
    if (dose.kind === 'units') {
      if (!product.strength) return { ok: false, message: 'the dose is in units (tablets, patches) but the code does not name a strength' };
      amount = dose.count.times(product.strength);
      unitsPerDay = unitsPerDay?.plus(dose.count.times(administration.perDay));
    } else {
      if (dose.unit !== product.unit) return { ok: false, message: `the dose is in ${dose.unit}; this product is dosed in ${product.unit}` };
      amount = dose.amount;
      unitsPerDay = product.strength ? unitsPerDay?.plus(dose.amount.div(product.strength).times(administration.perDay)) : undefined;
    }
    amounts.push(amount);
  }
  const notes = administrations.flatMap((administration) => administration.notes);
  const totalPerDay = administrations.reduce((sum, administration) => sum.plus(administration.perDay), new Decimal(0));
  let timesPerDay: number;
  if (patch) {
    timesPerDay = 1;
  } else {
    if (!totalPerDay.isInteger() || totalPerDay.lt(1)) {
      return { ok: false, message: `${totalPerDay.toDecimalPlaces(2).toString()} administrations a day is not a whole number of doses a day` };
    }
    timesPerDay = totalPerDay.toNumber();
  }
  const smallest = amounts.reduce((min, amount) => (amount.lt(min) ? amount : min));
  if (amounts.some((amount) => !amount.eq(smallest))) notes.push('uneven doses: the smallest dose was taken for every administration');
  return {
    ok: true,
    reading: {
      dose: smallest.toString(),
      unit: product.unit,
      timesPerDay,
      ...(unitsPerDay && unitsPerDay.gt(0) ? { unitsPerDay } : {}),
      asNeeded: administrations.some((administration) => administration.asNeeded),
      text: administrations.map((administration) => administration.text).filter(Boolean).join('; '),
      notes,
    },
  };
}
