/**
 * "Venter på dig": what waits for a user on their start page, most urgent first. Each kind of thing is one
 * group; the groups come in a fixed order of urgency (a missed follow-up before an agreement to confirm
 * before a proposal to answer …), and within a group the oldest first. Every list is bounded: a group shows
 * at most WAITING_LIMIT items and says how many more there are. Pure: the services bring the rows.
 */
import { addMonths, monthOf } from './agreement-rules';
import { addWorkingDays } from './danish-holidays';
import type { CalendarDay } from './format';

/** Every kind of thing that can wait for someone, in order of urgency (the first is the most urgent). */
export const WAITING_KINDS = [
  /** Consultant: a planned follow-up that has passed without being held or skipped. */
  'followUpOverdue',
  /** Citizen and company: an agreement, or a new version of one, to confirm. */
  'confirmAgreement',
  /** Citizen: a proposal to answer. */
  'answerProposal',
  /** Company: a candidate to answer. */
  'answerCandidate',
  /** Consultant: both said yes, the agreement is to be written. */
  'writeAgreement',
  /** Consultant: a citizen's own "Jeg er interesseret" to pass on to the company (or not). */
  'passOnInterest',
  /** Company: a month of an active agreement that has ended without its hours reported. */
  'reportHours',
  /** Consultant: a follow-up planned for the rest of this week. */
  'followUpThisWeek',
  /** Consultant: an opening published long ago that still has no candidate. */
  'openingWithoutCandidate',
  /** Consultant: an opening published since they last looked. */
  'newOpening',
  /** Consultant: a company created since they last looked. */
  'newCompany',
] as const;

export type WaitingKind = (typeof WAITING_KINDS)[number];

/** At most this many items of each kind on a start page; the rest are counted ("og 3 mere"). */
export const WAITING_LIMIT = 5;

/** An opening without any candidate for more than this many working days is shown to the consultant. */
export const OPENING_WITHOUT_CANDIDATE_WORKING_DAYS = 10;

/** Before a consultant has ever said "Jeg har set dem", companies and openings of this many days are new. */
export const NEW_SINCE_DAYS_AT_FIRST = 14;

/** A company is reminded of the unreported months of at most this many months back. */
export const UNREPORTED_MONTHS_BACK = 6;

/**
 * One thing that waits. `since` (an ISO date or time) orders a group, oldest first; `href` is where it is done.
 * `title` is what the page names it by (an opening's title, a company's or citizen's name), with the company
 * and citizen where the reader may see them; `date` is a day or month the item is about; `version` an
 * agreement's version; `count` how many dates are missed; `note` a state worth saying.
 */
export type WaitingItem = {
  kind: WaitingKind;
  id: string;
  since: string;
  href: string;
  title: string;
  companyName?: string | null;
  citizenName?: string | null;
  date?: string | null;
  version?: number | null;
  count?: number | null;
  note?: 'companySaidYes' | 'citizenSaidYes' | null;
};

/** One kind's items as a service read them: at most WAITING_LIMIT of them, and how many there are in all. */
export type WaitingList = { kind: WaitingKind; items: WaitingItem[]; total: number };

export type WaitingGroup = { kind: WaitingKind; items: WaitingItem[]; more: number };

export function urgencyOf(kind: WaitingKind): number {
  return WAITING_KINDS.indexOf(kind);
}

const bySinceThenId = (a: WaitingItem, b: WaitingItem) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id);

/**
 * The groups a start page shows: the non-empty kinds in order of urgency, each oldest first and cut to
 * `limit`, with the number left out. Two lists of the same kind are merged.
 */
export function waitingGroups(lists: readonly WaitingList[], { limit = WAITING_LIMIT }: { limit?: number } = {}): WaitingGroup[] {
  const merged = new Map<WaitingKind, { items: WaitingItem[]; total: number }>();
  for (const list of lists) {
    const entry = merged.get(list.kind) ?? { items: [], total: 0 };
    entry.items.push(...list.items);
    entry.total += Math.max(list.total, list.items.length);
    merged.set(list.kind, entry);
  }
  return [...merged.entries()]
    .filter(([, entry]) => entry.total > 0)
    .sort(([a], [b]) => urgencyOf(a) - urgencyOf(b))
    .map(([kind, entry]) => {
      const items = [...entry.items].sort(bySinceThenId).slice(0, limit);
      return { kind, items, more: entry.total - items.length };
    });
}

/** How many things wait in all. */
export function waitingCount(groups: readonly WaitingGroup[]): number {
  return groups.reduce((sum, group) => sum + group.items.length + group.more, 0);
}

/** A list computed in full (follow-ups, months): the first `limit` in order, and the total. */
export function listOf(kind: WaitingKind, items: WaitingItem[]): WaitingList {
  return { kind, items, total: items.length };
}

/**
 * The last day an opening may have been published and still be "without a candidate for more than N working
 * days" today: N working days before today. Published on or before it, it has waited more than N.
 */
export function withoutCandidateCutoff(today: CalendarDay, workingDays = OPENING_WITHOUT_CANDIDATE_WORKING_DAYS): string {
  return addWorkingDays(today, -workingDays);
}

/** Since when companies and openings count as new for a consultant: their last "seen", or a fortnight back. */
export function newSince(seenAt: Date | null, now: Date): Date {
  return seenAt ?? new Date(now.getTime() - NEW_SINCE_DAYS_AT_FIRST * 86_400_000);
}

/**
 * The months of an agreement that are over and have no hours reported, oldest first: from the month the work
 * started (at the earliest `monthsBack` months ago) to last month. The month running now is not over yet.
 */
export function unreportedMonths(
  { startDate, reported, today }: { startDate: CalendarDay; reported: readonly string[]; today: CalendarDay },
  { monthsBack = UNREPORTED_MONTHS_BACK }: { monthsBack?: number } = {}
): string[] {
  const thisMonth = monthOf(today);
  const earliest = addMonths(thisMonth, -monthsBack);
  const start = monthOf(startDate);
  const done = new Set(reported.map((month) => monthOf(month)));
  const months: string[] = [];
  for (let month = start > earliest ? start : earliest; month < thisMonth; month = addMonths(month, 1)) {
    if (!done.has(month)) months.push(month);
  }
  return months;
}
