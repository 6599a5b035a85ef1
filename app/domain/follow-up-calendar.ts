/**
 * The follow-up plan as an iCalendar file (RFC 5545): one all-day event per planned date, so the consultant
 * (or the citizen) can put the dates in their own calendar. Pure: the caller passes the time stamp.
 */
import { toIsoDate } from './format';

export type CalendarPlan = {
  agreementId: string;
  /** "Opfølgning: Lars Møller hos Nordlys Rengøring ApS" */
  summary: string;
  description: string;
  dates: readonly string[];
  /** When the file was made (DTSTAMP). */
  stamp: Date;
};

/** Escapes text as RFC 5545 §3.3.11 asks: backslash, semicolon, comma and newlines. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  for (const character of line) {
    if (bytes.encode(current + character).length > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = '';
    }
    current += character;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

const compactDate = (day: string) => toIsoDate(day).replace(/-/g, '');

function nextDay(day: string): string {
  const [year, month, date] = toIsoDate(day).split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return next.toISOString().slice(0, 10);
}

export function followUpCalendar(plan: CalendarPlan): string {
  const stamp = plan.stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const events = [...new Set(plan.dates)].sort().flatMap((day) => [
    'BEGIN:VEVENT',
    `UID:${plan.agreementId}-${compactDate(day)}@jobbro`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDate(day)}`,
    `DTEND;VALUE=DATE:${compactDate(nextDay(day))}`,
    `SUMMARY:${escapeText(plan.summary)}`,
    `DESCRIPTION:${escapeText(plan.description)}`,
    'END:VEVENT',
  ]);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Jobbro//Opfoelgningsplan//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...events, 'END:VCALENDAR'];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
