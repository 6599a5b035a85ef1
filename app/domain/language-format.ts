/**
 * Dates, hours, distances, counts and lists in the citizen's language. Danish goes through app/domain/format.ts, the one
 * place Danish formats live; English gets the same numbers in English form. In the domain (decision 029), since
 * rules that write sentences in the reader's language need it; app/i18n/format.ts hands it on.
 */
import { formatDate, formatHours, formatKm, roundKm, toIsoDate, type CalendarDay, type HoursRange } from './format';
import type { Language } from './language';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "1. marts 2027" / "1 March 2027" */
export function formatDateIn(day: CalendarDay, language: Language): string {
  if (language === 'da') return formatDate(day);
  const [year, month, date] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  return `${date} ${ENGLISH_MONTHS[month - 1]} ${year}`;
}

const englishNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const danishCount = new Intl.NumberFormat('da-DK');
const englishCount = new Intl.NumberFormat('en-GB');

/** A count: "5.000" / "5,000". */
export function formatCountIn(count: number, language: Language): string {
  return (language === 'da' ? danishCount : englishCount).format(count);
}

/** "a, b og c" / "a, b and c" */
export function listIn(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${language === 'da' ? 'og' : 'and'} ${items[items.length - 1]}`;
}
const englishKm = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "5–10 t/uge" / "5–10 h/week" */
export function formatHoursIn(hours: number | HoursRange, language: Language, options: { unit?: boolean } = {}): string {
  if (language === 'da') return formatHours(hours, options);
  const { unit = true } = options;
  const numbers =
    typeof hours === 'number' || hours.min === hours.max
      ? englishNumber.format(typeof hours === 'number' ? hours : hours.min)
      : `${englishNumber.format(hours.min)}–${englishNumber.format(hours.max)}`;
  return unit ? `${numbers} h/week` : numbers;
}

/** "3,2 km" / "3.2 km" */
export function formatKmIn(km: number, language: Language): string {
  return language === 'da' ? formatKm(km) : `${englishKm.format(roundKm(km))} km`;
}

const timeOfDay = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });

/** "3. marts 2027 kl. 14.05" / "3 March 2027 at 14:05", in Danish time. */
export function formatDateTimeIn(at: Date, language: Language): string {
  const time = formatTimeIn(at, language);
  return language === 'da' ? `${formatDate(at)} kl. ${time}` : `${formatDateIn(at, 'en')} at ${time}`;
}

/** "marts 2027" / "March 2027" for the first day of a month. */
export function formatMonthIn(month: CalendarDay, language: Language): string {
  const full = formatDateIn(month, language);
  return language === 'da' ? full.replace(/^\d+\. /, '') : full.replace(/^\d+ /, '');
}

/** "14.05" / "14:05", the time of day in Denmark. */
export function formatTimeIn(at: Date, language: Language): string {
  const time = timeOfDay.format(at);
  return language === 'da' ? time.replace(':', '.') : time.replace('.', ':');
}

/** An opening's wage as a reader sees it: "152,50 kr. i timen før skat", or the agreement it follows; null if neither. */
export function formatWageIn(opening: { hourlyWage: number | null; wageAgreement: string | null }, language: Language): string | null {
  if (opening.hourlyWage !== null) {
    const amount = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: opening.hourlyWage % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 }).format(opening.hourlyWage);
    return language === 'da' ? `${amount} kr. i timen før skat` : `DKK ${amount} an hour before tax`;
  }
  if (opening.wageAgreement) return language === 'da' ? `Efter overenskomst: ${opening.wageAgreement}` : `By collective agreement: ${opening.wageAgreement}`;
  return null;
}
