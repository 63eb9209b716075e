/** The opening of a plan's working that several planners share: the prior regimen and the break length. */
import type { FormulationBase } from '../../protocols/types.ts';
import { breakLength } from '../dates.ts';
import { formatDose, plural } from '../format.ts';
import type { PlanNotes } from '../notes.ts';
import { repeat } from '../regimen.ts';
import type { RestartRequest } from '../types.ts';
import { mg, mgEach, times as timesOf, type Mg } from '../units.ts';

export interface PriorAndBreak {
  readonly dose: Mg;
  readonly times: number;
  readonly priorRegimen: Mg[];
  readonly priorDaily: Mg;
  readonly daysOff: number;
  readonly missedDays: number;
}

/** Writes the prior regimen and the break length as the first lines of the working, and returns them. */
export function priorAndBreak(notes: PlanNotes, request: RestartRequest, displayName: string, formulation: FormulationBase): PriorAndBreak {
  const unit = formulation.unit;
  const dose = mg(request.prior.dose.amount);
  const times = request.prior.timesPerDay;
  const priorDaily = timesOf(dose, times);
  notes.line(
    `Prior regimen: ${displayName} ${formulation.name} ${formatDose({ amount: dose, unit })} × ${times} a day = ${formatDose({ amount: priorDaily, unit })} daily, for ${plural(request.priorDurationDays, 'day')}.`,
  );
  const { daysOff, missedDays } = breakLength(request.lastDoseDate, request.restartDate);
  notes.line(`Last dose ${request.lastDoseDate}, restart ${request.restartDate}: daysOff = ${daysOff}; missedDays = daysOff − 1 = ${missedDays}.`);
  return { dose, times, priorRegimen: mgEach(repeat(dose, times)), priorDaily, daysOff, missedDays };
}
