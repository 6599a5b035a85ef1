import { describe, expect, it } from 'vitest';
import { addDays, followUpGaps, proposeFollowUpDates } from '../../app/domain/agreement-rules';
import {
  closedDayName,
  closedDays,
  danishPublicHolidays,
  easterSunday,
  isWorkingDay,
  nearestWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../app/domain/danish-holidays';
import { OPENING_KINDS } from '../../app/domain/vocabulary';

describe('Easter', () => {
  it('falls on the known Sundays of 2024–2030', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('reaches the earliest and latest possible dates', () => {
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });
});

describe('the Danish public holidays', () => {
  const holidays = (year: number) => Object.fromEntries(danishPublicHolidays(year).map((day) => [day.name, day.date]));

  it('are the ten of 2025 as the calendar has them', () => {
    expect(holidays(2025)).toEqual({
      Nytårsdag: '2025-01-01',
      Skærtorsdag: '2025-04-17',
      Langfredag: '2025-04-18',
      Påskedag: '2025-04-20',
      '2. påskedag': '2025-04-21',
      'Kristi himmelfartsdag': '2025-05-29',
      Pinsedag: '2025-06-08',
      '2. pinsedag': '2025-06-09',
      Juledag: '2025-12-25',
      '2. juledag': '2025-12-26',
    });
  });

  it('move with Easter in 2024, 2026–2030', () => {
    expect(holidays(2024)).toMatchObject({ Skærtorsdag: '2024-03-28', '2. påskedag': '2024-04-01', 'Kristi himmelfartsdag': '2024-05-09', '2. pinsedag': '2024-05-20' });
    expect(holidays(2026)).toMatchObject({ Langfredag: '2026-04-03', 'Kristi himmelfartsdag': '2026-05-14', Pinsedag: '2026-05-24' });
    expect(holidays(2027)).toMatchObject({ Skærtorsdag: '2027-03-25', '2. påskedag': '2027-03-29', 'Kristi himmelfartsdag': '2027-05-06', '2. pinsedag': '2027-05-17' });
    expect(holidays(2028)).toMatchObject({ Langfredag: '2028-04-14', 'Kristi himmelfartsdag': '2028-05-25', '2. pinsedag': '2028-06-05' });
    expect(holidays(2029)).toMatchObject({ Skærtorsdag: '2029-03-29', 'Kristi himmelfartsdag': '2029-05-10', Pinsedag: '2029-05-20' });
    expect(holidays(2030)).toMatchObject({ '2. påskedag': '2030-04-22', 'Kristi himmelfartsdag': '2030-05-30', '2. pinsedag': '2030-06-10' });
  });

  it('keep store bededag until 2023, not from 2024 when it was abolished', () => {
    expect(holidays(2023)['Store bededag']).toBe('2023-05-05');
    expect(holidays(2024)['Store bededag']).toBeUndefined();
    expect(isWorkingDay('2024-04-26')).toBe(true);
    expect(danishPublicHolidays(2023)).toHaveLength(11);
    expect(danishPublicHolidays(2024)).toHaveLength(10);
  });

  it('are joined by grundlovsdag, juleaftensdag and nytårsaftensdag as closed days, not as holidays', () => {
    const customary = closedDays(2027).filter((day) => !day.publicHoliday);
    expect(customary.map((day) => [day.name, day.date])).toEqual([
      ['Grundlovsdag', '2027-06-05'],
      ['Juleaftensdag', '2027-12-24'],
      ['Nytårsaftensdag', '2027-12-31'],
    ]);
    expect(closedDayName('2027-12-25')).toBe('Juledag');
    expect(closedDayName('2027-12-27')).toBeNull();
  });
});

describe('working days', () => {
  it('are Monday to Friday when not closed', () => {
    expect(isWorkingDay('2027-05-07')).toBe(true); // the Friday after Kristi himmelfartsdag
    expect(isWorkingDay('2027-05-06')).toBe(false); // Kristi himmelfartsdag
    expect(isWorkingDay('2027-05-09')).toBe(false); // a Sunday
  });

  it('are found before and after a closed stretch', () => {
    // Easter 2027: skærtorsdag 25 March to 2. påskedag 29 March.
    expect(workingDayOnOrBefore('2027-03-28')).toBe('2027-03-24');
    expect(workingDayOnOrAfter('2027-03-25')).toBe('2027-03-30');
    expect(workingDayOnOrBefore('2027-03-24')).toBe('2027-03-24');
  });

  it('is the nearest working day, the earlier on a tie, and never after the limit', () => {
    expect(nearestWorkingDay('2027-05-09')).toBe('2027-05-10'); // Sunday → Monday
    expect(nearestWorkingDay('2027-05-08')).toBe('2027-05-07'); // Saturday → Friday
    expect(nearestWorkingDay('2027-03-27')).toBe('2027-03-24'); // Saturday of Easter: 3 days back, 3 days forward
    expect(nearestWorkingDay('2027-05-09', { notAfter: '2027-05-09' })).toBe('2027-05-07');
    expect(nearestWorkingDay('2027-12-25', { notAfter: '2027-12-30' })).toBe('2027-12-23'); // Juledag: 24th and 26th are closed too
    expect(nearestWorkingDay('2027-12-26')).toBe('2027-12-27');
  });
});

describe('the proposed follow-up plan', () => {
  it('moves Sunday 9 May 2027 and Juledag to working days', () => {
    // With these starts the plan used to propose Sunday 9 May 2027 and Juledag 2027.
    expect(proposeFollowUpDates('2027-01-12', 'ordinary_hours')).not.toContain('2027-05-09');
    expect(proposeFollowUpDates('2027-01-12', 'ordinary_hours')).toContain('2027-05-07');
    expect(proposeFollowUpDates('2027-01-28', 'ordinary_hours')).not.toContain('2027-12-25');
  });

  it('moves a weekly date off a holiday to the nearest day when the rule allows it', () => {
    // 2. påskedag 29 March 2027 becomes the Tuesday after, not the Wednesday before Easter.
    expect(proposeFollowUpDates('2027-03-01', 'ordinary_hours').slice(0, 5)).toEqual(['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-30', '2027-04-30']);
  });

  it('never falls on a closed day and always keeps the rule, for every start in 2024–2030', () => {
    for (const kind of OPENING_KINDS) {
      for (let start = '2024-01-01'; start <= '2030-12-31'; start = addDays(start, 1)) {
        const plan = proposeFollowUpDates(start, kind);
        const closed = plan.filter((day) => !isWorkingDay(day));
        expect(closed, `${kind} from ${start}`).toEqual([]);
        expect(followUpGaps(plan, start, kind), `${kind} from ${start}`).toEqual([]);
        expect(plan[0]! > start, `${kind} from ${start}`).toBe(true);
      }
    }
  });
});
