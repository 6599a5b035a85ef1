/**
 * "Hvem har set mine oplysninger" read as a person reads a diary: one day at a time (a Danish day), and within
 * a day one line per organisation with how many times and what they did; the single entries are details on
 * demand. A busy afternoon can bring 80 entries from one jobcentre, and a phone should not scroll through 80
 * cards to learn that. Pure: the entries come in, the groups go out, nothing reads the clock.
 */
import { toIsoDate } from './format';
import { ACCESS_ACTIONS, type AccessAction } from './vocabulary';

export type LoggedAccess = { id: number | string; at: Date; organisation: string; action: AccessAction };

export type OrganisationVisits<T extends LoggedAccess> = {
  organisation: string;
  /** The newest entry first. */
  entries: T[];
  /** How many of each action, in the vocabulary's order, only those that occurred. */
  actions: { action: AccessAction; count: number }[];
  first: Date;
  last: Date;
};

export type AccessDay<T extends LoggedAccess> = {
  /** 'YYYY-MM-DD', the day in Denmark. */
  day: string;
  count: number;
  /** The organisation seen most recently that day first. */
  organisations: OrganisationVisits<T>[];
};

/** Groups the entries by Danish day (newest day first), then by organisation (latest visit first). */
export function groupAccessLog<T extends LoggedAccess>(entries: readonly T[]): AccessDay<T>[] {
  const newestFirst = [...entries].sort((a, b) => b.at.getTime() - a.at.getTime() || String(b.id).localeCompare(String(a.id), 'en', { numeric: true }));
  const days = new Map<string, Map<string, T[]>>();
  for (const entry of newestFirst) {
    const day = toIsoDate(entry.at);
    const organisations = days.get(day) ?? new Map<string, T[]>();
    days.set(day, organisations);
    const visits = organisations.get(entry.organisation) ?? [];
    organisations.set(entry.organisation, visits);
    visits.push(entry);
  }
  // Maps keep insertion order, and the entries were inserted newest first: days and organisations follow.
  return [...days].map(([day, organisations]) => ({
    day,
    count: [...organisations.values()].reduce((sum, visits) => sum + visits.length, 0),
    organisations: [...organisations].map(([organisation, visits]) => ({
      organisation,
      entries: visits,
      actions: ACCESS_ACTIONS.map((action) => ({ action, count: visits.filter((visit) => visit.action === action).length })).filter((tally) => tally.count > 0),
      first: visits[visits.length - 1]!.at,
      last: visits[0]!.at,
    })),
  }));
}
