/**
 * The pharmacist check's common request and helpers (oxyCODONE IR after prison). Kept apart from fixtures.ts, which
 * the registry mock imports: importing the checker there would make the mock wait on itself.
 */
import { checkSchedule, type CheckResult } from '../../src/engine/check.ts';
import { baseRequest } from '../engine/fixtures.ts';
import type { RestartPlan } from '../../src/engine/types.ts';

/** Oxycodone IR 10 mg × 4 for 90 days, 27 days off (tolerance lost), age 54, no other drugs. Ceiling plan, mg/day (MME = × 1.5):
 *  11-28..11-30 20 (5×4) · 12-01..12-03 25 (10+5+5+5) · 12-04..12-06 30 · 12-07..12-09 35 (checkpoint) · 12-10.. 40. */
export const REQUEST = baseRequest();

/** One proposed step in mg. */
export const step = (start: string, amount: string, timesPerDay: number, extra: Record<string, unknown> = {}) => ({
  start,
  dose: { amount, unit: 'mg' },
  timesPerDay,
  ...extra,
});

/** Checks a proposed schedule against the ceiling plan for `request`; throws if the input is invalid. */
export function check(proposed: unknown[], request: Record<string, unknown> = REQUEST): CheckResult {
  const outcome = checkSchedule({ ...request, proposed });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

/**
 * The plan's own steps as a prescriber would propose them: same product, administrations, dates and checkpoints;
 * parallel steps (a regimen of several products) side by side on the same start, as-needed steps as-needed entries.
 */
export function planAsProposal(plan: RestartPlan) {
  return [...plan.steps].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((step) => ({
    start: step.start,
    drug: step.drug,
    formulation: step.formulation,
    dose: step.administrations.length ? { unit: step.dose.unit } : { amount: step.dose.amount, unit: step.dose.unit },
    ...(step.administrations.length ? { administrations: [...step.administrations] } : { timesPerDay: step.timesPerDay }),
    ...(step.everyOtherDay ? { everyOtherDay: true } : {}),
    ...(step.checkpoint ? { checkpoint: true } : {}),
    ...(step.asNeeded ? { asNeeded: true } : {}),
  }));
}
