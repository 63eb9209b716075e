/**
 * Products whose amounts need words beside the dose:
 * - oral liquids (morphine oral solutions, HYDROmorphone oral solution): every planned dose is stated in mg with its
 *   volume in mL, and the plan carries the measuring advice (ISMP; the labels' boxed mg/mL confusion warning);
 * - strengths labelled in another salt (Xtampza ER: mg oxycodone base on the label, mg oxycodone HCl in the plan):
 *   the derivation says which amount the MME uses.
 * Pure: reads the formulations' protocol data and the plan steps.
 */
import type { FormulationBase, Sourced } from '../../protocols/types.ts';
import { formatAmount, formatConcentration, formatLiquidDose } from '../format.ts';
import type { PlanNotes } from '../notes.ts';
import type { PlanStep } from '../types.ts';

/** Adds the volume of each step's doses to the derivation and the ORAL_LIQUID_MEASURING warning, when the plan's product is an oral liquid. */
export function oralLiquidMeasuring(notes: PlanNotes, formulation: FormulationBase, steps: readonly PlanStep[]): void {
  const liquid = formulation.liquid;
  if (!liquid) return;
  const concentration = formatConcentration(liquid, formulation.unit);
  const step = formulation.strengths[0]!.amount;
  notes.line(
    `Oral liquid ${concentration}: doses are measured in ${formatAmount(liquid.measureMl.value)} mL steps (${formatAmount(step)} ${formulation.unit} a step = ${formatAmount(liquid.amount)} ${formulation.unit} ÷ ${formatAmount(liquid.volumeMl)} mL × ${formatAmount(liquid.measureMl.value)} mL); each dose was rounded down to a whole number of steps.`,
    liquid,
    liquid.measureMl,
  );
  steps.forEach((s, index) => {
    const doses = [...new Set(s.administrations)].map((amount) => formatLiquidDose(amount, liquid, formulation.unit)).join(', ');
    notes.line(`Step ${index + 1} (from ${s.start}) in mL: ${doses}; ${s.timesPerDay} a day.`);
  });
  notes.warn(
    'ORAL_LIQUID_MEASURING',
    'warning',
    `${formulation.name}: each dose is written in mg with its volume in mL (e.g. ${formatLiquidDose(steps[0]?.administrations[0] ?? step, liquid, formulation.unit)}). Measure every dose with a metric oral syringe marked in mL only; never with a household teaspoon or tablespoon. Check the concentration on the bottle (${concentration}): mixing up mg and mL, or concentrations, has caused fatal overdoses.`,
    ['ismp-oral-liquid-metric', liquid.source],
  );
}

/**
 * The derivation lines of a plan's product units: the prior product's and the restart product's labelled-as amounts
 * (which amount the MME uses) and the oral-liquid volumes and measuring warning of the restart product.
 */
export function productUnitNotes(
  notes: PlanNotes,
  prior: FormulationBase,
  restart: FormulationBase,
  steps: readonly PlanStep[],
  mmeFactor: Sourced<string>,
): void {
  for (const formulation of prior === restart ? [prior] : [prior, restart]) {
    const labelled = formulation.labelledAs;
    if (!labelled) continue;
    const pairs = formulation.strengths
      .filter((s) => s.labelAmount !== undefined)
      .map((s) => `${formatAmount(s.labelAmount!)} = ${formatAmount(s.amount)}`)
      .join(', ');
    notes.line(
      `${formulation.name}: the label names each capsule in mg ${labelled.labelIngredient}; the plan counts mg ${labelled.amountIngredient} (${pairs} mg), and the MME uses the ${labelled.amountIngredient} amount: mg ${labelled.amountIngredient} × ${formatAmount(mmeFactor.value)} (a dose entered as the label amount was read as its ${labelled.amountIngredient} equivalent).`,
      labelled,
      mmeFactor,
    );
  }
  oralLiquidMeasuring(notes, restart, steps);
}
