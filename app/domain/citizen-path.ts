/**
 * The citizen's path as "Min side" shows it: the next follow-up of the agreement and the months of ordinary
 * hours towards the goal (DESIGN: at least 30 ordinary hours a month; only ordinary paid hours count).
 * Pure: today comes in as an argument.
 */
import { toIsoDate, type CalendarDay } from './format';
import type { PathPhase } from './vocabulary';

/** The goal of the path (DESIGN: step 3): at least this many ordinary paid hours in a calendar month. */
export const ORDINARY_HOURS_GOAL = 30;

/** Only ordinary paid hours count; 29.5 is not 30. The one test of the goal. */
export function reachedOrdinaryHoursGoal(month: { ordinaryHours: number }): boolean {
  return month.ordinaryHours >= ORDINARY_HOURS_GOAL;
}

/**
 * The citizen's phase when an agreement ends (decision 030; DESIGN: path step 3). An agreement that was
 * active and ends before the goal was reached is a drop-out: the citizen goes back to "På vej mod job"
 * (step 2) and is matched again, unless another agreement still holds a slot. Once the goal was reached
 * the path's step 3 is done, so the phase is left for the consultant to set (self-supporting, or on):
 * null means "leave the phase as it is".
 */
export function phaseAfterAgreementEnds(agreement: { wasActive: boolean; goalReached: boolean; otherAgreementHoldsSlot: boolean }): PathPhase | null {
  if (!agreement.wasActive || agreement.goalReached || agreement.otherAgreementHoldsSlot) return null;
  return 'towards_job';
}

/** The first planned follow-up on or after today, or null when none is left. */
export function nextFollowUpDate(planned: readonly string[], today: CalendarDay): string | null {
  const day = toIsoDate(today);
  return [...planned].filter((date) => date >= day).sort()[0] ?? null;
}

export type MonthOfHours = { month: string; ordinaryHours: number };
export type ProgressRow = MonthOfHours & { goalReached: boolean; /** 0..100, the bar's length against the goal. */ percentOfGoal: number };

/** Oldest month first, each with whether it reached the goal; other kinds of hours do not count. */
export function ordinaryHoursProgress(months: readonly MonthOfHours[]): ProgressRow[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((row) => ({
      ...row,
      goalReached: reachedOrdinaryHoursGoal(row),
      percentOfGoal: Math.round(Math.min(1, Math.max(0, row.ordinaryHours / ORDINARY_HOURS_GOAL)) * 100),
    }));
}

export type GettingStartedStep = { step: 'wishes' | 'jobs'; done: boolean };

/**
 * "Kom i gang" on a new citizen's Min side: the next steps until they are taken. Their own words about what
 * they want and can (wishes and at least one competence), then a job they showed interest in or were proposed
 * for. Once both are done, or an agreement exists, the steps are no longer news and go away (null). Read
 * from what the citizen has, not from a "seen" flag, so it also goes away for a citizen the consultant set up.
 */
export function gettingStarted(citizen: { wishes: string; competences: readonly string[]; proposals: number; hasAgreement: boolean }): GettingStartedStep[] | null {
  if (citizen.hasAgreement) return null;
  const steps: GettingStartedStep[] = [
    { step: 'wishes', done: citizen.wishes.trim() !== '' && citizen.competences.length > 0 },
    { step: 'jobs', done: citizen.proposals > 0 },
  ];
  return steps.every((step) => step.done) ? null : steps;
}
