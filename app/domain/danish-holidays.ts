/**
 * Danish public holidays and the days a follow-up should not be planned on. Computed from Easter, never listed
 * by hand, so every year is right. Pure: the year or the day comes in as an argument.
 *
 * Closed days (decision 023): the public holidays (helligdage) of the Danish calendar; store bededag until
 * 2023 (abolished from 2024 by lov nr. 221 of 28 February 2023); and grundlovsdag (5 June), juleaftensdag
 * (24 December) and nytårsaftensdag (31 December). Those last three are not public holidays, but most
 * workplaces close, and a follow-up needs the company at work. Saturdays and Sundays are closed too.
 */
import { toIsoDate, type CalendarDay } from './format';

export type ClosedDay = { date: string; name: string; publicHoliday: boolean };

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shift(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return iso(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Easter Sunday of the Gregorian calendar (the anonymous computus of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The public holidays (helligdage) of one year, in date order. */
export function danishPublicHolidays(year: number): ClosedDay[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): ClosedDay => ({ date: shift(easter, days), name, publicHoliday: true });
  const fixed = (month: number, day: number, name: string): ClosedDay => ({ date: iso(year, month, day), name, publicHoliday: true });
  return [
    fixed(1, 1, 'Nytårsdag'),
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    ...(year <= 2023 ? [fromEaster(26, 'Store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    fixed(12, 25, 'Juledag'),
    fixed(12, 26, '2. juledag'),
  ];
}

/** The public holidays and the three days most workplaces close on although they are not holidays. */
export function closedDays(year: number): ClosedDay[] {
  const customary = (month: number, day: number, name: string): ClosedDay => ({ date: iso(year, month, day), name, publicHoliday: false });
  return [...danishPublicHolidays(year), customary(6, 5, 'Grundlovsdag'), customary(12, 24, 'Juleaftensdag'), customary(12, 31, 'Nytårsaftensdag')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

const closedByYear = new Map<number, Map<string, string>>();

/** The name of the holiday or closed day, or null on an ordinary day (weekends are not named). */
export function closedDayName(day: CalendarDay): string | null {
  const date = toIsoDate(day);
  const year = Number(date.slice(0, 4));
  let days = closedByYear.get(year);
  if (!days) {
    days = new Map(closedDays(year).map((closed) => [closed.date, closed.name]));
    closedByYear.set(year, days);
  }
  return days.get(date) ?? null;
}

export function isWeekend(day: CalendarDay): boolean {
  const [year, month, date] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday and not a closed day. */
export function isWorkingDay(day: CalendarDay): boolean {
  return !isWeekend(day) && closedDayName(day) === null;
}

/** The working day itself, or the last working day before it. */
export function workingDayOnOrBefore(day: CalendarDay): string {
  let date = toIsoDate(day);
  while (!isWorkingDay(date)) date = shift(date, -1);
  return date;
}

/** The working day itself, or the first working day after it. */
export function workingDayOnOrAfter(day: CalendarDay): string {
  let date = toIsoDate(day);
  while (!isWorkingDay(date)) date = shift(date, 1);
  return date;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The nearest working day to `day`; on a tie the earlier one (a follow-up a day early keeps a promise, a day
 * late may break it). Never later than `notAfter`: a date at or past the edge of what a rule allows moves back.
 */
export function nearestWorkingDay(day: CalendarDay, { notAfter }: { notAfter?: CalendarDay } = {}): string {
  const limit = notAfter === undefined ? null : toIsoDate(notAfter);
  const date = limit !== null && toIsoDate(day) > limit ? limit : toIsoDate(day);
  const before = workingDayOnOrBefore(date);
  const after = workingDayOnOrAfter(date);
  if (limit !== null && after > limit) return before;
  return daysBetween(before, date) <= daysBetween(date, after) ? before : after;
}

/**
 * The day `count` working days after `day` (before it when negative), not counting `day` itself: 10 working
 * days after a Friday proposal is the Friday two weeks on, or later across a holiday.
 */
export function addWorkingDays(day: CalendarDay, count: number): string {
  let date = toIsoDate(day);
  const step = count < 0 ? -1 : 1;
  for (let counted = 0; counted < Math.abs(count); ) {
    date = shift(date, step);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}
