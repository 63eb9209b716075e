/** What the command line prints for one plan request, and its exit code (shared by `plan` and `plan --ndjson`). */
import { planRestart } from '../engine/index.ts';

export const EXIT = { ok: 0, exceeds: 1, invalid: 2, refused: 3, usage: 64 } as const;

export interface PlanOutcome {
  /** The plan, `{errors}`, or `{refusal, errors}`. */
  readonly body: unknown;
  readonly exit: 0 | 2 | 3;
}

export function planOutcome(request: unknown): PlanOutcome {
  const result = planRestart(request);
  if (result.ok) return { body: result.plan, exit: EXIT.ok };
  // A class planner may refuse (BLOCK): the result then carries `refusal` beside the `plan-refused` error.
  if (result.refusal) return { body: { refusal: result.refusal, errors: result.errors }, exit: EXIT.refused };
  return { body: { errors: result.errors }, exit: EXIT.invalid };
}
