/**
 * The consultant's side of a citizen's "Jeg er interesseret" (citizen-portal.server.ts records it): the
 * interests not yet passed on, and passing one on to the company, after which it is a proposal like any other
 * (proposals.server.ts) and answered the same way.
 */
import { and, asc, desc, eq, not, sql } from 'drizzle-orm';
import { db } from '../../db/client';
import { citizens, companies, matchProposals, openings } from '../../db/schema';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { hardFilterFailures } from '../domain/matching';
import { caseRefusals } from '../domain/proposal-rules';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import type { Actor } from './actor';
import { NotFoundError } from './errors.server';
import { loadMatchCitizen, loadMatchOpening } from './match-rows.server';
import { notify } from './notifications.server';
import { consultantJobcentre as consultantJobcentreOf, isUuid } from './object-access.server';
import { ProposalRefusedError } from './proposals.server';
import { passedOnToCompany } from './sql-filters.server';

export const INTEREST_PURPOSES = {
  forwarded: (title: string, companyName: string) => `Din interesse for ${title} blev sendt videre til ${companyName}`,
} as const;

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan se borgernes interesse.');

export type PendingInterest = {
  proposalId: string;
  citizenId: string;
  citizenName: string;
  openingId: string;
  openingTitle: string;
  companyName: string;
  at: Date;
};

/** An interest the citizen still stands by that no consultant has passed on yet (`isPassedOn`). */
const interestNotPassedOn = and(not(passedOnToCompany), eq(matchProposals.status, 'citizen_accepted'))!;

/**
 * The citizens' "Jeg er interesseret" not yet passed on, in the consultant's jobcentre (or for one citizen, or
 * one opening), newest first, or the oldest first with `limit` (a start page: the longest waiting, and
 * `total` on each row says how many there are in all).
 */
export async function pendingInterests(
  actor: Actor,
  {
    citizenId,
    openingId,
    onlyMine = false,
    limit,
    offset = 0,
  }: { citizenId?: string; openingId?: string; onlyMine?: boolean; limit?: number; offset?: number } = {},
): Promise<(PendingInterest & { total: number })[]> {
  const jobcentreId = consultantJobcentre(actor);
  if (citizenId !== undefined && !isUuid(citizenId)) return [];
  if (openingId !== undefined && !isUuid(openingId)) return [];
  const query = db()
    .select({
      proposalId: matchProposals.id,
      citizenId: citizens.id,
      citizenName: citizens.name,
      openingId: openings.id,
      openingTitle: openings.title,
      companyName: companies.name,
      at: matchProposals.createdAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(
      and(
        interestNotPassedOn,
        eq(citizens.jobcentreId, jobcentreId),
        citizenId ? eq(citizens.id, citizenId) : undefined,
        openingId ? eq(openings.id, openingId) : undefined,
        onlyMine ? eq(citizens.consultantId, actor.id) : undefined,
      ),
    );
  return limit === undefined
    ? query.orderBy(desc(matchProposals.createdAt), desc(matchProposals.id))
    : query.orderBy(asc(matchProposals.createdAt), asc(matchProposals.id)).limit(limit).offset(offset);
}

/**
 * A consultant passes a citizen's interest on to the company: from now on it is a proposal the company sees,
 * with the citizen's name (the citizen said yes when they showed interest). Refused, with the reasons, when
 * the citizen may no longer be proposed for it (consent withdrawn, case closed, self-supporting, a hard filter now fails).
 */
export async function forwardCitizenInterest(actor: Actor, proposalId: string, { today = new Date() }: { today?: CalendarDay } = {}) {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(proposalId)) throw new NotFoundError('Interessen');
  const [row] = await db()
    .select({ openingId: matchProposals.openingId, citizenId: matchProposals.citizenId })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .where(and(eq(matchProposals.id, proposalId), eq(citizens.jobcentreId, jobcentreId), interestNotPassedOn));
  if (!row) throw new NotFoundError('Interessen');
  const [citizen, opening, organisation] = await Promise.all([loadMatchCitizen(db(), row.citizenId), loadMatchOpening(db(), row.openingId), accessLogOrganisation(actor)]);
  if (!citizen || !opening) throw new NotFoundError('Interessen');
  // The same refusals as proposing (proposals.server.ts): the interest becomes a proposal.
  const reasons = [...caseRefusals(citizen), ...hardFilterFailures(citizen, opening, { today: toIsoDate(today) })];
  if (reasons.length > 0) throw new ProposalRefusedError(reasons);

  return db().transaction(async (tx) => {
    const updated = await tx
      .update(matchProposals)
      .set({ proposedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(matchProposals.id, proposalId), interestNotPassedOn))
      .returning({ id: matchProposals.id });
    if (updated.length === 0) throw new NotFoundError('Interessen');
    await logCitizenAccess(tx, {
      citizenIds: [row.citizenId],
      actor,
      action: 'change',
      purpose: INTEREST_PURPOSES.forwarded(opening.title, opening.companyName),
      organisation,
    });
    // Passed on, the citizen's yes is the company's to answer.
    await notify(tx, { kind: 'candidate_said_yes', proposalId });
    return { id: proposalId, openingTitle: opening.title, companyName: opening.companyName };
  });
}
