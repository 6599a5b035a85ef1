/**
 * The one place numbers and dates become Danish text: "7,5 t/uge", "3,2 km", "1. marts 2027".
 * Pure: nothing here reads the clock.
 */

/** A calendar day as the database hands it over ('YYYY-MM-DD') or as a Date. */
export type CalendarDay = string | Date;

export type HoursRange = { min: number; max: number };

const DANISH_MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Days are Danish days: a Date at 00:30 in Copenhagen is still that day, not the UTC day before.
const copenhagenDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' for a calendar day; strings must already be in that form, so ISO dates compare as text. */
export function toIsoDate(day: CalendarDay): string {
  if (day instanceof Date) {
    if (Number.isNaN(day.getTime())) throw new RangeError('Ugyldig dato.');
    const parts = Object.fromEntries(copenhagenDay.formatToParts(day).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  }
  const match = ISO_DATE.exec(day);
  if (!match) throw new RangeError(`Ugyldig dato: "${day}". Brug formen ÅÅÅÅ-MM-DD.`);
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`Datoen "${day}" findes ikke.`);
  }
  return day;
}

/** The calendar day `days` later (earlier when negative), as 'YYYY-MM-DD'. */
export function addDays(day: CalendarDay, days: number): string {
  const [year, month, date] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** "1. marts 2027" */
export function formatDate(day: CalendarDay): string {
  const [year, month, date] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  return `${date}. ${DANISH_MONTHS[month - 1]} ${year}`;
}

const hoursNumber = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const kmNumber = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** "8 t/uge", "7,5 t/uge", "5–10 t/uge"; with `unit: false` only the numbers ("5–10"). */
export function formatHours(hours: number | HoursRange, options: { unit?: boolean } = {}): string {
  const { unit = true } = options;
  const numbers =
    typeof hours === 'number' || hours.min === hours.max
      ? hoursNumber.format(typeof hours === 'number' ? hours : hours.min)
      : `${hoursNumber.format(hours.min)}–${hoursNumber.format(hours.max)}`;
  return unit ? `${numbers} t/uge` : numbers;
}

/** "3,2 km", "12 km": one decimal at most, the precision distances are judged at (see roundKm). */
export function formatKm(km: number): string {
  return `${kmNumber.format(roundKm(km))} km`;
}

/** Distances are compared at the precision they are shown with, so "10 km" is never refused for a reach of 10 km. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

const danishKroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const englishKroner = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Whole kroner, the precision the calculator shows: "12.345 kr." / "DKK 12,345". Rounds half away from zero. */
export function formatKroner(amount: number, language: 'da' | 'en' = 'da'): string {
  const whole = Math.sign(amount) * Math.round(Math.abs(amount));
  return language === 'da' ? `${danishKroner.format(whole)} kr.` : `DKK ${englishKroner.format(whole)}`;
}
