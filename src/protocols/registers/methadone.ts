/**
 * Sources and engine assumptions added for the methadone work, kept in their own file so that
 * parallel changes to the registers do not collide. `sources.ts` and `assumptions.ts` merge them.
 */
import type { Assumption, Source } from '../types.ts';

export const SOURCES: readonly Source[] = [];

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'methadone-oud-reescalation',
    statement:
      'Methadone for opioid use disorder, after a reduced restart (3 or 4 missed days): the ceiling returns to the prior dose by at most + 10 mg a day per step, no sooner than every 3 days, and at most + 30 mg in any 7 days; each step only after review.',
    rationale:
      'No stored guideline gives a re-escalation rate after a missed-dose restart (the 2003 Australian guideline §3.5, and the stored BCCSU, CPSO and clinic pages were searched; SAMHSA TIP 63 was not retrieved). The induction rate (+ 5 mg every 5 days) is for a patient of unknown tolerance and took 80 days from 60 back to 120 mg. Support for faster steps: ACT Toronto clinic page ("your dose can be increased quickly in 10mg increments towards your normal maintenance dose", http://www.acttoronto.com/content/usingMethadone/miss_a_dose.html) and Bluewater Methadone Clinic ("usually faster than your initial stabilization … can take a couple of weeks"); 10 mg is inside the UK induction step range (5–10 mg, at most 30 mg a week in the first 2 weeks). Figures: 120 mg prior, 3 missed days: 60 → 120 mg by day 18; 4 missed days: 40 → 120 mg by day 24 (restart model amendments, A7).',
  },
  {
    id: 'methadone-oud-induction-after-day-14',
    statement:
      'Methadone for opioid use disorder, after a new induction (5 or more missed days): the induction limits hold for the first 14 days; from day 14 the ceiling rises by at most + 10 mg no sooner than every 3 days (at most + 30 mg in any 7 days) to the prior dose.',
    rationale:
      'The induction guidance (UK: 5–10 mg steps, at most 30 mg a week in the first 2 weeks) covers the first two weeks, when deaths cluster; beyond them the patient is on a dose that has been tolerated for two weeks and was previously maintained at a higher one. Keeping + 5 mg every 5 days beyond the first 2 weeks took 80 days or more to return to 120 mg, leaving the patient under-dosed (relapse and overdose risk). The rate is the same engine assumption as after a reduced restart (methadone-oud-reescalation; restart model amendments, A7).',
  },
  {
    id: 'methadone-hepatic-interval-7-days',
    statement: 'Methadone with hepatic impairment (any indication): increases no sooner than every 7 days.',
    rationale:
      'The label\'s hepatic-impairment numbers were not verified (restart model amendments, A3). The VA 2016 methadone guidance says to titrate "after at least 5 to 7 days on a designated dose" and to use caution in end-stage liver disease; methadone accumulates, so the longer end (7 days) is taken for every indication.',
  },
];
