/**
 * "Venter på dig" for each role: the rows of what waits for the logged-in user, read with the same rules as
 * the pages where each thing is done, and put in order of urgency by app/domain/waiting.ts. Each list is read
 * with a limit and a count of all, so a start page stays small however much waits.
 *
 * What a company is shown here names no candidate: a proposal is "a candidate for <opening>", an agreement
 * "the agreement for <opening>" (the name is on the page the link opens, where the read is logged).
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { agreements, agreementVersions, citizens, companies, matchProposals, openings, users } from '../../db/schema';
import { BLOCKING_PROPOSAL_STATUSES } from '../domain/proposal-rules';
import { toIsoDate, type CalendarDay } from '../domain/format';
import {
  listOf,
  newSince,
  unreportedMonths,
  WAITING_LIMIT,
  waitingGroups,
  withoutCandidateCutoff,
  type WaitingGroup,
  type WaitingItem,
  type WaitingList,
} from '../domain/waiting';
import type { Actor } from './actor';
import { followUpsDue, proposalsReadyForAgreement } from './agreement-lists.server';
import { pendingInterests } from './interests.server';
import { ForbiddenError } from './errors.server';
import { consultantJobcentre as consultantJobcentreOf } from './object-access.server';
import { hoursReportColumns, passedOnToCompany, takenSlots } from './sql-filters.server';

const total = sql<number>`(count(*) over ())::int`;

function listFrom(kind: WaitingList['kind'], rows: { total: number }[], items: WaitingItem[]): WaitingList {
  return { kind, items, total: rows[0]?.total ?? 0 };
}

const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : at);

/** Agreements waiting for one party's confirmation of the current version (citizen or company). */
function agreementsToConfirm(party: 'citizen' | 'company', ownerId: string) {
  const confirmedAt = party === 'citizen' ? agreementVersions.citizenConfirmedAt : agreementVersions.companyConfirmedAt;
  return db()
    .select({
      id: agreements.id,
      version: agreements.currentVersion,
      sentAt: agreementVersions.createdAt,
      openingTitle: openings.title,
      companyName: companies.name,
      total,
    })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(
      and(
        party === 'citizen' ? eq(agreements.citizenId, ownerId) : eq(agreements.companyId, ownerId),
        eq(agreements.status, 'awaiting_confirmation'),
        isNull(confirmedAt)
      )
    )
    .orderBy(asc(agreementVersions.createdAt), asc(agreements.id))
    .limit(WAITING_LIMIT);
}

// ── The citizen ─────────────────────────────────────────────────────────────────────────────────────────

/** Every proposal the citizen is to answer and every agreement (or new version) they are to confirm. */
export async function waitingForCitizen(actor: Actor): Promise<WaitingGroup[]> {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const citizenId = actor.citizenId;
  const [proposals, toConfirm] = await Promise.all([
    db()
      .select({
        id: matchProposals.id,
        status: matchProposals.status,
        createdAt: matchProposals.createdAt,
        title: openings.title,
        companyName: companies.name,
        total,
      })
      .from(matchProposals)
      .innerJoin(openings, eq(openings.id, matchProposals.openingId))
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(and(eq(matchProposals.citizenId, citizenId), inArray(matchProposals.status, ['proposed', 'company_accepted'])))
      .orderBy(asc(matchProposals.createdAt), asc(matchProposals.id))
      .limit(WAITING_LIMIT),
    agreementsToConfirm('citizen', citizenId),
  ]);
  return waitingGroups([
    listFrom(
      'answerProposal',
      proposals,
      proposals.map((row) => ({
        kind: 'answerProposal',
        id: row.id,
        since: iso(row.createdAt),
        href: `/borger/forslag/${row.id}`,
        title: row.title,
        companyName: row.companyName,
        note: row.status === 'company_accepted' ? 'companySaidYes' : null,
      }))
    ),
    listFrom(
      'confirmAgreement',
      toConfirm,
      toConfirm.map((row) => ({
        kind: 'confirmAgreement',
        id: row.id,
        since: iso(row.sentAt),
        href: `/borger/aftaler/${row.id}`,
        title: row.openingTitle ?? row.companyName,
        companyName: row.companyName,
        version: row.version,
      }))
    ),
  ]);
}

// ── The company ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The candidates the company is to answer (passed on to it, the citizen's consent standing), the agreements
 * it is to confirm, and the months of its active agreements that are over without hours reported.
 */
export async function waitingForCompany(actor: Actor, { today = new Date() }: { today?: CalendarDay } = {}): Promise<WaitingGroup[]> {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  const companyId = actor.companyId;
  const day = toIsoDate(today);
  const [candidates, toConfirm, active] = await Promise.all([
    db()
      .select({ id: matchProposals.id, status: matchProposals.status, since: matchProposals.updatedAt, title: openings.title, total })
      .from(matchProposals)
      .innerJoin(openings, eq(openings.id, matchProposals.openingId))
      .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
      .where(
        and(
          eq(openings.companyId, companyId),
          passedOnToCompany,
          inArray(matchProposals.status, ['proposed', 'citizen_accepted']),
          eq(citizens.consentToShare, true)
        )
      )
      .orderBy(asc(matchProposals.updatedAt), asc(matchProposals.id))
      .limit(WAITING_LIMIT),
    agreementsToConfirm('company', companyId),
    db()
      .select({
        id: agreements.id,
        openingTitle: openings.title,
        companyName: companies.name,
        ...hoursReportColumns,
      })
      .from(agreements)
      .innerJoin(companies, eq(companies.id, agreements.companyId))
      .leftJoin(openings, eq(openings.id, agreements.openingId))
      .where(and(eq(agreements.companyId, companyId), eq(agreements.status, 'active'), isNotNull(agreements.activatedAt))),
  ]);
  const months = active.flatMap((row) =>
    unreportedMonths({ startDate: row.startDate, reported: row.reported, today: day }).map(
      (month): WaitingItem => ({
        kind: 'reportHours',
        id: `${row.id}:${month}`,
        since: month,
        href: `/virksomhed/aftaler/${row.id}#timer-form`,
        title: row.openingTitle ?? row.companyName,
        date: month,
      })
    )
  );
  return waitingGroups([
    listFrom(
      'answerCandidate',
      candidates,
      candidates.map((row) => ({
        kind: 'answerCandidate',
        id: row.id,
        since: iso(row.since),
        href: `/virksomhed/forslag/${row.id}`,
        title: row.title,
        note: row.status === 'citizen_accepted' ? 'citizenSaidYes' : null,
      }))
    ),
    listFrom(
      'confirmAgreement',
      toConfirm,
      toConfirm.map((row) => ({
        kind: 'confirmAgreement',
        id: row.id,
        since: iso(row.sentAt),
        href: `/virksomhed/aftaler/${row.id}`,
        title: row.openingTitle ?? row.companyName,
        version: row.version,
      }))
    ),
    listOf('reportHours', months),
  ]);
}

// ── The consultant ──────────────────────────────────────────────────────────────────────────────────────

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter har denne oversigt.');

/**
 * What waits for a consultant: their follow-ups overdue and this week, proposals of their citizens (or made by
 * them) where both said yes, their citizens' interests to pass on, published openings with free places and no
 * candidate for more than OPENING_WITHOUT_CANDIDATE_WORKING_DAYS working days, and the companies and openings
 * that are new since they last said "Jeg har set dem". Nothing of another jobcentre's citizens.
 */
export async function waitingForConsultant(actor: Actor, { today = new Date(), now = new Date() }: { today?: CalendarDay; now?: Date } = {}) {
  consultantJobcentre(actor);
  const [seen] = await db().select({ newSeenAt: users.newSeenAt }).from(users).where(eq(users.id, actor.id));
  const since = newSince(seen?.newSeenAt ?? null, now);
  const cutoff = withoutCandidateCutoff(today);
  const hasCandidate = sql`exists (select 1 from ${matchProposals} where ${matchProposals.openingId} = ${openings.id} and ${inArray(matchProposals.status, [
    ...BLOCKING_PROPOSAL_STATUSES,
  ])})`;
  const [due, ready, interests, quiet, newOpenings, newCompanies] = await Promise.all([
    followUpsDue(actor, { today }),
    proposalsReadyForAgreement(actor, { onlyMine: true, limit: WAITING_LIMIT }),
    pendingInterests(actor, { onlyMine: true, limit: WAITING_LIMIT }),
    db()
      .select({ id: openings.id, title: openings.title, publishedAt: openings.publishedAt, companyName: companies.name, total })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(
        and(
          eq(openings.status, 'open'),
          isNotNull(openings.publishedAt),
          lte(sql`(${openings.publishedAt} at time zone 'Europe/Copenhagen')::date`, cutoff),
          sql`${takenSlots} < ${openings.slots}`,
          sql`not ${hasCandidate}`
        )
      )
      .orderBy(asc(openings.publishedAt), asc(openings.id))
      .limit(WAITING_LIMIT),
    db()
      .select({ id: openings.id, title: openings.title, publishedAt: openings.publishedAt, companyName: companies.name, total })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(and(eq(openings.status, 'open'), gt(openings.publishedAt, since)))
      .orderBy(asc(openings.publishedAt), asc(openings.id))
      .limit(WAITING_LIMIT),
    db()
      .select({ id: companies.id, name: companies.name, createdAt: companies.createdAt, total })
      .from(companies)
      .where(gt(companies.createdAt, since))
      .orderBy(asc(companies.createdAt), asc(companies.id))
      .limit(WAITING_LIMIT),
  ]);
  const followUp = (kind: 'followUpOverdue' | 'followUpThisWeek', item: (typeof due.overdue)[number]): WaitingItem => ({
    kind,
    id: item.id,
    since: (kind === 'followUpOverdue' ? item.overdueDates[0] : item.upcoming) ?? '',
    href: `/konsulent/aftaler/${item.id}#opfoelgning`,
    title: item.citizenName,
    citizenName: item.citizenName,
    companyName: item.companyName,
    date: kind === 'followUpOverdue' ? item.overdueDates[0] : item.upcoming,
    count: kind === 'followUpOverdue' ? item.overdueDates.length : null,
  });
  const groups = waitingGroups([
    listOf(
      'followUpOverdue',
      due.overdue.map((item) => followUp('followUpOverdue', item))
    ),
    listOf(
      'followUpThisWeek',
      due.dueThisWeek.map((item) => followUp('followUpThisWeek', item))
    ),
    listFrom(
      'writeAgreement',
      ready,
      ready.map((row) => ({
        kind: 'writeAgreement',
        id: row.id,
        since: iso(row.acceptedAt),
        href: `/konsulent/aftaler/ny?forslag=${row.id}`,
        title: row.openingTitle,
        citizenName: row.citizenName,
        companyName: row.companyName,
      }))
    ),
    listFrom(
      'passOnInterest',
      interests,
      interests.map((row) => ({
        kind: 'passOnInterest',
        id: row.proposalId,
        since: iso(row.at),
        href: `/konsulent/jobopslag/${row.openingId}#forslag`,
        title: row.openingTitle,
        citizenName: row.citizenName,
        companyName: row.companyName,
      }))
    ),
    listFrom(
      'openingWithoutCandidate',
      quiet,
      quiet.map((row) => ({
        kind: 'openingWithoutCandidate',
        id: row.id,
        since: iso(row.publishedAt!),
        href: `/konsulent/jobopslag/${row.id}`,
        title: row.title,
        companyName: row.companyName,
        date: toIsoDate(row.publishedAt!),
      }))
    ),
    listFrom(
      'newOpening',
      newOpenings,
      newOpenings.map((row) => ({
        kind: 'newOpening',
        id: row.id,
        since: iso(row.publishedAt!),
        href: `/konsulent/jobopslag/${row.id}`,
        title: row.title,
        companyName: row.companyName,
      }))
    ),
    listFrom(
      'newCompany',
      newCompanies,
      newCompanies.map((row) => ({ kind: 'newCompany', id: row.id, since: iso(row.createdAt), href: `/konsulent/virksomheder/${row.id}`, title: row.name }))
    ),
  ]);
  return { groups, newSince: since };
}

/** "Jeg har set dem": the companies and openings new until now are no longer new to this consultant. */
export async function markNewAsSeen(actor: Actor, now = new Date()): Promise<void> {
  consultantJobcentre(actor);
  await db().update(users).set({ newSeenAt: now }).where(eq(users.id, actor.id));
}
