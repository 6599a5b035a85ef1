/**
 * The citizen's path as "Min vej" shows it: the next follow-up of the agreement and the months of ordinary
 * hours towards the goal (DESIGN: at least 30 ordinary hours a month; only ordinary paid hours count).
 * Pure: today comes in as an argument.
 */
import { toIsoDate, type CalendarDay } from './format';

export const ORDINARY_HOURS_GOAL = 30;

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
      goalReached: row.ordinaryHours >= ORDINARY_HOURS_GOAL,
      percentOfGoal: Math.round(Math.min(1, Math.max(0, row.ordinaryHours / ORDINARY_HOURS_GOAL)) * 100),
    }));
}
