import { describe, expect, it } from 'vitest';
import { groupAccessLog, type LoggedAccess } from '../../app/domain/access-log-groups';

let nextId = 1;
const entry = (at: string, organisation: string, action: LoggedAccess['action'] = 'read'): LoggedAccess => ({ id: nextId++, at: new Date(at), organisation, action });

describe('groupAccessLog', () => {
  it('an afternoon of 80 entries from one jobcentre is one day with one line, not 80', () => {
    const afternoon = Array.from({ length: 80 }, (_, minute) => entry(`2027-03-10T13:${String(minute % 60).padStart(2, '0')}:00Z`, 'Jobcenter Aarhus', minute < 70 ? 'search' : 'read'));
    const days = groupAccessLog(afternoon);
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ day: '2027-03-10', count: 80 });
    expect(days[0]!.organisations).toHaveLength(1);
    expect(days[0]!.organisations[0]!.actions).toEqual([
      { action: 'read', count: 10 },
      { action: 'search', count: 70 },
    ]);
  });

  it('days are Danish days: 23.30 UTC on 9 March is 10 March in Copenhagen', () => {
    const days = groupAccessLog([entry('2027-03-09T23:30:00Z', 'Jobcenter Aarhus'), entry('2027-03-09T22:30:00Z', 'Jobcenter Aarhus')]);
    expect(days.map((day) => day.day)).toEqual(['2027-03-10', '2027-03-09']);
  });

  it('summer time too: 22.30 UTC on 1 July is 2 July in Copenhagen', () => {
    expect(groupAccessLog([entry('2027-07-01T22:30:00Z', 'X')])[0]!.day).toBe('2027-07-02');
  });

  it('newest day first, and within a day the organisation seen last comes first, whatever order the entries arrive in', () => {
    const days = groupAccessLog([
      entry('2027-03-09T09:00:00Z', 'Jobcenter Aarhus'),
      entry('2027-03-10T08:00:00Z', 'Jobcenter Aarhus'),
      entry('2027-03-10T12:00:00Z', 'Kattegat Lager A/S'),
      entry('2027-03-10T10:00:00Z', 'Jobcenter Aarhus', 'change'),
    ]);
    expect(days.map((day) => day.day)).toEqual(['2027-03-10', '2027-03-09']);
    expect(days[0]!.organisations.map((group) => group.organisation)).toEqual(['Kattegat Lager A/S', 'Jobcenter Aarhus']);
    const aarhus = days[0]!.organisations[1]!;
    expect(aarhus.entries.map((visit) => visit.at.toISOString())).toEqual(['2027-03-10T10:00:00.000Z', '2027-03-10T08:00:00.000Z']);
    expect(aarhus).toMatchObject({ first: new Date('2027-03-10T08:00:00Z'), last: new Date('2027-03-10T10:00:00Z') });
    expect(aarhus.actions).toEqual([
      { action: 'read', count: 1 },
      { action: 'change', count: 1 },
    ]);
  });

  it('the same organisation on two days is two lines, one under each day; every entry is kept once', () => {
    const entries = [entry('2027-03-10T08:00:00Z', 'A'), entry('2027-03-11T08:00:00Z', 'A'), entry('2027-03-11T09:00:00Z', 'B')];
    const days = groupAccessLog(entries);
    expect(days.map((day) => day.organisations.map((group) => group.organisation))).toEqual([['B', 'A'], ['A']]);
    expect(days.flatMap((day) => day.organisations.flatMap((group) => group.entries))).toHaveLength(3);
    expect(days.map((day) => day.count)).toEqual([2, 1]);
  });

  it('no entries, no days', () => {
    expect(groupAccessLog([])).toEqual([]);
  });
});
