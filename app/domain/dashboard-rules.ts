/**
 * The rules of the leader's dashboard (issue 17), pure: which months a period holds, when a small number is
 * hidden ("under 5", as Danish employment statistics do), how a share and a median are formed and shown,
 * which figures have goals and when a goal is met. The SQL that counts lives in app/services/dashboard.server.ts.
 */
import { z } from 'zod';
import { addMonths, monthOf } from './agreement-rules';
import { type CalendarDay } from './format';

// ── Small numbers ────────────────────────────────────────────────────────────────────────────────────────

/** A count from 1 to 4 could point at a person; 0 points at nobody and is shown. */
export const SMALL_CELL_LIMIT = 5;
export const SUPPRESSED_TEXT = 'under 5';

export function isSuppressedCount(n: number): boolean {
  return n > 0 && n < SMALL_CELL_LIMIT;
}

/** A figure as the page, the chart and the CSV show it: a number, or hidden. */
export type Shown = { hidden: true } | { hidden: false; value: number };

export function shownCount(n: number): Shown {
  return isSuppressedCount(n) ? { hidden: true } : { hidden: false, value: n };
}

/**
 * A share of `part` in `whole`, in percent. Hidden when the whole is under 5, or when the part or the rest is
 * 1–4 people: "4 of 30 have no fleksjob" would otherwise let a colleague name them. Null when there is no whole.
 */
export function shareOf(part: number, whole: number): Shown | null {
  if (whole === 0) return null;
  if (whole < SMALL_CELL_LIMIT || isSuppressedCount(part) || isSuppressedCount(whole - part)) return { hidden: true };
  return { hidden: false, value: Math.round((part / whole) * 1000) / 10 };
}

/** The median of values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A median (or mean) of `n` people's values: hidden under 5 people, since it would tell one person's value. */
export function shownAverage(value: number | null, n: number): Shown | null {
  if (value === null || n === 0) return null;
  if (n < SMALL_CELL_LIMIT) return { hidden: true };
  return { hidden: false, value: Math.round(value * 10) / 10 };
}

/** "12", "37,5 %", "under 5", "–" (nothing to count), in Danish. */
export function formatShown(shown: Shown | null, unit: FigureUnit): string {
  if (shown === null) return '–';
  if (shown.hidden) return SUPPRESSED_TEXT;
  const number = shown.value.toLocaleString('da-DK', { maximumFractionDigits: 1 });
  return unit === 'percent' ? `${number} %` : number;
}

export type FigureUnit = 'count' | 'percent' | 'days' | 'months' | 'hours';

// ── The period ───────────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_PERIOD_MONTHS = 12;
export const MAX_PERIOD_MONTHS = 36;

/** First days of months, 'YYYY-MM-01', oldest first; `to` is included. */
export type Period = { from: string; to: string; months: string[] };

const MONTH_INPUT = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months from `from` to `to`, both 'YYYY-MM-01'. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The last 12 months, this month included (Copenhagen's month of `today`). */
export function defaultPeriod(today: CalendarDay): Period {
  const to = monthOf(today);
  const from = addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  return { from, to, months: monthsBetween(from, to) };
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; errors: { fra?: string; til?: string }; period: Period };

/**
 * The period a reader chose as 'ÅÅÅÅ-MM' from and to (a month field's value); empty means the default.
 * Refused at the field: a month that is not one, a start after the end, a future end, more than 36 months.
 */
export function parsePeriod(input: { fra?: string | null; til?: string | null }, today: CalendarDay): PeriodResult {
  const fallback = defaultPeriod(today);
  const fra = input.fra?.trim() ?? '';
  const til = input.til?.trim() ?? '';
  if (fra === '' && til === '') return { ok: true, period: fallback };
  const errors: { fra?: string; til?: string } = {};
  const from = fra === '' ? null : MONTH_INPUT.test(fra) ? `${fra}-01` : undefined;
  const to = til === '' ? fallback.to : MONTH_INPUT.test(til) ? `${til}-01` : undefined;
  if (from === undefined) errors.fra = 'Skriv den første måned som ÅÅÅÅ-MM, fx 2026-01.';
  if (to === undefined) errors.til = 'Skriv den sidste måned som ÅÅÅÅ-MM, fx 2026-12.';
  if (to && to > fallback.to) errors.til = 'Den sidste måned kan ikke ligge efter denne måned.';
  if (Object.keys(errors).length > 0 || to === undefined || from === undefined) return { ok: false, errors, period: fallback };
  const start = from ?? addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  if (start > to) return { ok: false, errors: { fra: 'Den første måned skal ligge før den sidste.' }, period: fallback };
  const months = monthsBetween(start, to);
  if (months.length > MAX_PERIOD_MONTHS) return { ok: false, errors: { fra: `Vælg højst ${MAX_PERIOD_MONTHS} måneder.` }, period: fallback };
  return { ok: true, period: { from: start, to, months } };
}

/** "jan. 2026" */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${SHORT_MONTHS[number - 1]} ${year}`;
}
const SHORT_MONTHS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'] as const;

// ── Goals ────────────────────────────────────────────────────────────────────────────────────────────────

/** The figures a jobcentre can set a goal for; `atMost` where less is better (fleksjob unemployment). */
export const GOAL_ENTRIES = [
  { code: 'openingsWithCandidate', da: 'Jobordrer med mindst én kandidat', direction: 'atLeast' },
  { code: 'openingsFilled', da: 'Jobordrer besat', direction: 'atLeast' },
  { code: 'proposalsSigned', da: 'Forslag, der blev til en aftale', direction: 'atLeast' },
  { code: 'reachedOrdinaryHours', da: 'Borgere i aftale, der nåede 30 ordinære timer', direction: 'atLeast' },
  { code: 'flexjobUnemployment', da: 'Fleksjobledighed (visiterede uden fleksjob)', direction: 'atMost' },
  { code: 'flexjobFirstTime', da: 'Fleksjob i første hug', direction: 'atLeast' },
  { code: 'followUpsOnTime', da: 'Opfølgninger holdt til tiden', direction: 'atLeast' },
] as const;
export type GoalCode = (typeof GOAL_ENTRIES)[number]['code'];
export type GoalDirection = 'atLeast' | 'atMost';
export const GOAL_CODES = GOAL_ENTRIES.map((entry) => entry.code) as [GoalCode, ...GoalCode[]];

export function goalDirection(code: GoalCode): GoalDirection {
  return GOAL_ENTRIES.find((entry) => entry.code === code)!.direction;
}

/** Whether a share meets its goal; null when the share is hidden or missing (nothing to judge). */
export function goalMet(shown: Shown | null, goalPercent: number | null, direction: GoalDirection): boolean | null {
  if (goalPercent === null || shown === null || shown.hidden) return null;
  return direction === 'atLeast' ? shown.value >= goalPercent : shown.value <= goalPercent;
}

const GOAL_MESSAGE = 'Skriv et mål i procent fra 0 til 100, fx 60, eller lad feltet stå tomt.';

/** One goal field: empty removes the goal; "60", "60 %", "12,5" are read as percent from 0 to 100. */
const goalField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(/\s*%$/, '').replace(',', '.') : value),
  z.union([
    z.literal('').transform(() => null),
    z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, GOAL_MESSAGE)
      .transform(Number)
      .refine((n) => n >= 0 && n <= 100, GOAL_MESSAGE),
  ], { error: GOAL_MESSAGE }),
);

/** The goals form: one field per goal code, each a percent or empty. */
const optionalGoal = goalField.optional().transform((value) => (value ?? null) as number | null);
export const goalsSchema = z.object(Object.fromEntries(GOAL_CODES.map((code) => [code, optionalGoal])) as unknown as Record<GoalCode, typeof optionalGoal>);
export type GoalsInput = Record<GoalCode, number | null>;

// ── Follow-ups and fleksjob ──────────────────────────────────────────────────────────────────────────────

/** A planned follow-up counts as on time when held no later than a week after its planned day. */
export const FOLLOW_UP_ON_TIME_DAYS = 7;

/**
 * Fleksjob "i første hug": placed within a month of coming to the jobcentre, so without a real period on
 * ledighedsydelse. The benefit status has no history in Jobbro, so the time from registration to the first
 * fleksjob agreement's start stands in for it (decision 032).
 */
export const FLEXJOB_FIRST_TIME_DAYS = 31;
