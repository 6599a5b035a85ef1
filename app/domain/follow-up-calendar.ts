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

/**
 * Escapes text as RFC 5545 §3.3.11 asks: backslash, semicolon and comma get a backslash, every line
 * break (CRLF, a lone CR or LF, a Unicode line separator) becomes the two characters \n, and the control
 * characters TEXT may not hold are left out. A name with a CR or LF can then never start a property of its
 * own. Names are refused with such characters at input too (app/domain/text-rules.ts); this is for what was
 * saved before, and for every other text that reaches the file.
 */
function escapeText(text: string): string {
  return text
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    .replace(/[^\P{Cc}\t]/gu, '');
}

/** Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const bytes = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let length = 0;
  for (const character of line) {
    const size = bytes.encode(character).length;
    // The first line holds 75 octets; the others 74 after the space that marks them as continued.
    if (length + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = '';
      length = 0;
    }
    current += character;
    length += size;
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
