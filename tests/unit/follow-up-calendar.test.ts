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
