import { describe, expect, it } from 'vitest';
import { followUpCalendar } from '../../app/domain/follow-up-calendar';
import { describeHoursPath } from '../../app/ui/hours-chart';

describe('the follow-up plan as iCalendar', () => {
  const text = followUpCalendar({
    agreementId: 'a1',
    summary: 'Opfølgning: Lars Møller hos Nordlys Rengøring ApS',
    description: 'Kontaktperson: Bo; ring først, tak.\nHusk timesedlen',
    dates: ['2027-03-15', '2027-03-08', '2027-03-08', '2027-12-31'],
    stamp: new Date('2027-03-01T10:00:00.123Z'),
  });
  const lines = text.split('\r\n');

  it('has one all-day event per planned date, in order, without duplicates', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20270308', 'DTSTART;VALUE=DATE:20270315', 'DTSTART;VALUE=DATE:20271231']);
    expect(lines).toContain('DTEND;VALUE=DATE:20280101');
    expect(lines).toContain('DTSTAMP:20270301T100000Z');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text and folds long lines at 75 octets', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:Kontaktperson: Bo\\; ring først\\, tak.\\nHusk timesedlen');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});

describe('the follow-up plan as iCalendar, for a hostile name', () => {
  // A name saved before names were checked, trying to add an attendee, move the date and end the event early.
  const hostile = 'Eve\r\nATTENDEE:mailto:boss@evil.example\rDTSTART:19700101\nEND:VEVENT\u2028X-A:1; a, b \\ c\u0000\u001b\u007f';
  const text = followUpCalendar({
    agreementId: 'a1',
    summary: `Opfølgning: ${hostile} hos Ærø Æbler ApS`,
    description: `Kontaktperson: ${hostile}`,
    dates: ['2027-03-08', '2027-04-08'],
    stamp: new Date('2027-03-01T10:00:00Z'),
  });
  const lines = text.split('\r\n');
  // Lenient readers also break lines at a lone CR or LF, so the test does too.
  const unfolded = text.replace(/\r\n /g, '').split(/\r\n|\r|\n/);

  it('keeps every property the file means to have, and no other', () => {
    const properties = unfolded.filter(Boolean).map((line) => line.split(/[:;]/)[0]);
    expect(new Set(properties)).toEqual(
      new Set(['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'END']),
    );
    expect(unfolded.filter((line) => line.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20270308', 'DTSTART;VALUE=DATE:20270408']);
    expect(unfolded.filter((line) => line === 'END:VEVENT')).toHaveLength(2);
    expect(unfolded.some((line) => line.startsWith('ATTENDEE'))).toBe(false);
  });

  it('escapes the name in the text: line breaks as \\n, backslash, semicolon and comma with a backslash, controls left out', () => {
    const summary = unfolded.find((line) => line.startsWith('SUMMARY:'));
    expect(summary).toBe(
      'SUMMARY:Opfølgning: Eve\\nATTENDEE:mailto:boss@evil.example\\nDTSTART:19700101\\nEND:VEVENT\\nX-A:1\\; a\\, b \\\\ c hos Ærø Æbler ApS',
    );
    expect(text).not.toMatch(/[^\P{Cc}\r\n]|\u2028/u);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds at 75 octets without splitting a letter', () => {
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\ufffd');
    const long = followUpCalendar({ agreementId: 'a2', summary: 'æ'.repeat(100), description: '', dates: ['2027-03-08'], stamp: new Date('2027-03-01T10:00:00Z') });
    const summaryLines = long.split('\r\n').filter((line) => line.startsWith('SUMMARY') || /^ æ/.test(line));
    expect(summaryLines.map((line) => new TextEncoder().encode(line).length)).toEqual([74, 75, 61]);
    expect(long.replace(/\r\n /g, '')).toContain(`SUMMARY:${'æ'.repeat(100)}`);
  });
});

describe('the chart’s text alternative', () => {
  it('says the path and whether 30 ordinary hours were reached', () => {
    const month = (value: string, ordinaryHours: number) => ({ month: value, ordinaryHours, internshipHours: 40, flexjobHours: 0, wageSubsidyHours: 0 });
    expect(describeHoursPath([month('2027-03-01', 12), month('2027-04-01', 29.5)])).toBe(
      'Ordinære timer pr. måned: marts 2027: 12 timer, april 2027: 29,5 timer. Målet på 30 timer er ikke nået endnu.',
    );
    expect(describeHoursPath([month('2027-03-01', 12), month('2027-05-01', 31)])).toContain('Målet på 30 timer blev nået i maj 2027.');
    expect(describeHoursPath([])).toBe('Der er ikke registreret timer endnu.');
  });

  it('says it in English for a citizen who reads English', () => {
    const month = (value: string, ordinaryHours: number) => ({ month: value, ordinaryHours, internshipHours: 0, flexjobHours: 0, wageSubsidyHours: 0 });
    expect(describeHoursPath([month('2027-03-01', 12), month('2027-04-01', 29.5)], 'en')).toBe(
      'Ordinary paid hours per month: March 2027: 12 hours, April 2027: 29.5 hours. The goal of 30 hours has not been reached yet.',
    );
    expect(describeHoursPath([month('2027-05-01', 31)], 'en')).toContain('The goal of 30 hours was reached in May 2027.');
    expect(describeHoursPath([], 'en')).toBe('No hours have been recorded yet.');
  });
});
