/**
 * Lists of agreements: the company's and the citizen's own, one citizen's for the consultant, the consultant's
 * caseload with each agreement's next follow-up, and the accepted proposals that wait for an agreement. The
 * company's reads are access-logged.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, agreementVersions, citizens, companies, followUps, followUpSkips, matchProposals, openings } from '../../db/schema';
import { followUpStatus, NO_FOLLOW_UP, type FollowUpStatus } from '../domain/agreement-rules';
import { toIsoDate, type CalendarDay } from '../domain/format';
import { offsetOf, pageOf, type PageOf } from '../domain/pagination';
import type { AgreementStatus } from '../domain/vocabulary';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import { AGREEMENT_PURPOSES, consultantJobcentreForAgreements as consultantJobcentre } from './agreement-access.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { isUuid } from './object-access.server';

export type AgreementListItem = {
  id: string;
  status: AgreementStatus;
  citizenId: string;
  citizenName: string;
  companyName: string;
  openingTitle: string | null;
  goalReachedMonth: string | null;
  awaitingCompany: boolean;
  awaitingCitizen: boolean;
};

const listColumns = {
  id: agreements.id,
  status: agreements.status,
  citizenId: citizens.id,
  citizenName: citizens.name,
  companyName: companies.name,
  openingTitle: openings.title,
  goalReachedMonth: agreements.goalReachedMonth,
  companyConfirmedAt: agreementVersions.companyConfirmedAt,
  citizenConfirmedAt: agreementVersions.citizenConfirmedAt,
};

function listQuery(executor: Executor) {
  return executor
    .select(listColumns)
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .leftJoin(openings, eq(openings.id, agreements.openingId));
}

function toListItem(row: Awaited<ReturnType<ReturnType<typeof listQuery>['where']>>[number]): AgreementListItem {
  const waiting = row.status === 'awaiting_confirmation';
  return {
    id: row.id,
    status: row.status,
    citizenId: row.citizenId,
    citizenName: row.citizenName,
    companyName: row.companyName,
    openingTitle: row.openingTitle,
    goalReachedMonth: row.goalReachedMonth,
    awaitingCompany: waiting && row.companyConfirmedAt === null,
    awaitingCitizen: waiting && row.citizenConfirmedAt === null,
  };
}

function companyAgreementsWhere(actor: Actor) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  return and(eq(agreements.companyId, actor.companyId), ne(agreements.status, 'draft'));
}

function companyAgreementsQuery(actor: Actor) {
  return listQuery(db())
    .where(companyAgreementsWhere(actor))
    .orderBy(sql`${agreements.status} = 'awaiting_confirmation' desc`, desc(agreements.updatedAt), asc(agreements.id));
}

/** The company's agreements (not drafts), those waiting for its confirmation first. Logs the reads. */
export async function companyAgreements(actor: Actor): Promise<AgreementListItem[]> {
  return logCompanyListRead(actor, (await companyAgreementsQuery(actor)).map(toListItem));
}

/** One numbered page of companyAgreements (LIST_PAGE_SIZE): they grow with every citizen placed (decision 028). */
export async function companyAgreementsPage(actor: Actor, requested: number): Promise<{ agreements: AgreementListItem[]; page: PageOf }> {
  const [row] = await db().select({ n: count() }).from(agreements).where(companyAgreementsWhere(actor));
  const page = pageOf(requested, row?.n ?? 0);
  const rows = await companyAgreementsQuery(actor).limit(page.pageSize).offset(offsetOf(page));
  return { agreements: await logCompanyListRead(actor, rows.map(toListItem)), page };
}

async function logCompanyListRead(actor: Actor, items: AgreementListItem[]) {
  if (items.length > 0) {
    const organisation = await accessLogOrganisation(actor);
    await logCitizenAccess(db(), { citizenIds: items.map((item) => item.citizenId), actor, action: 'read', purpose: AGREEMENT_PURPOSES.companyRead(organisation), organisation });
  }
  return items;
}

/** The citizen's own agreements (not drafts), newest first. */
export async function citizenAgreements(actor: Actor): Promise<AgreementListItem[]> {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const rows = await listQuery(db())
    .where(and(eq(agreements.citizenId, actor.citizenId), ne(agreements.status, 'draft')))
    .orderBy(desc(agreements.createdAt));
  return rows.map(toListItem);
}

/** The agreements of one citizen of the consultant's jobcentre, newest first. */
export async function agreementsForCitizen(actor: Actor, citizenId: string): Promise<AgreementListItem[]> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(citizenId)) throw new NotFoundError('Borgeren');
  const rows = await listQuery(db())
    .where(and(eq(agreements.citizenId, citizenId), eq(citizens.jobcentreId, jobcentreId)))
    .orderBy(desc(agreements.createdAt));
  return rows.map(toListItem);
}

/**
 * Accepted proposals of the consultant's jobcentre that have no agreement yet: ready to be written, the
 * longest waiting first. `onlyMine`: the consultant's own citizens and the proposals they made; `limit`
 * bounds a start page's list, and `total` on each row says how many there are in all.
 */
export async function proposalsReadyForAgreement(
  actor: Actor,
  { citizenId, openingId, onlyMine = false, limit }: { citizenId?: string; openingId?: string; onlyMine?: boolean; limit?: number } = {},
) {
  const jobcentreId = consultantJobcentre(actor);
  const written = db()
    .select({ proposalId: agreements.proposalId })
    .from(agreements)
    .where(and(isNotNull(agreements.proposalId), ne(agreements.status, 'ended')));
  const query = db()
    .select({
      id: matchProposals.id,
      citizenId: citizens.id,
      citizenName: citizens.name,
      openingId: openings.id,
      openingTitle: openings.title,
      companyName: companies.name,
      acceptedAt: matchProposals.updatedAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(matchProposals)
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(
      and(
        eq(matchProposals.status, 'accepted'),
        eq(citizens.jobcentreId, jobcentreId),
        citizenId && isUuid(citizenId) ? eq(citizens.id, citizenId) : undefined,
        openingId && isUuid(openingId) ? eq(openings.id, openingId) : undefined,
        onlyMine ? or(eq(citizens.consultantId, actor.id), eq(matchProposals.proposedBy, actor.id)) : undefined,
        sql`${matchProposals.id} not in ${written}`,
      ),
    )
    .orderBy(asc(matchProposals.updatedAt), asc(matchProposals.id));
  return limit === undefined ? query : query.limit(limit);
}

export type CaseloadAgreement = AgreementListItem & FollowUpStatus;

/**
 * The agreements of the consultant's own caseload (or the whole jobcentre's), each with its next planned
 * follow-up and whether it is overdue or due this week.
 */
export async function caseloadAgreements(actor: Actor, { today = new Date(), onlyMine = true }: { today?: CalendarDay; onlyMine?: boolean } = {}): Promise<CaseloadAgreement[]> {
  return withFollowUpStatus(await caseloadQuery(actor, onlyMine), today);
}

/**
 * One numbered page of caseloadAgreements (LIST_PAGE_SIZE): a whole jobcentre's agreements grow without
 * bound, and the list page renders them all (decision 028).
 */
export async function caseloadAgreementsPage(
  actor: Actor,
  { today = new Date(), onlyMine = true, page: requested = 1 }: { today?: CalendarDay; onlyMine?: boolean; page?: number } = {},
): Promise<{ agreements: CaseloadAgreement[]; page: PageOf }> {
  const jobcentreId = consultantJobcentre(actor);
  const [row] = await db()
    .select({ n: count() })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .where(caseloadWhere(actor, jobcentreId, onlyMine));
  const page = pageOf(requested, row?.n ?? 0);
  const rows = await caseloadQuery(actor, onlyMine).limit(page.pageSize).offset(offsetOf(page));
  return { agreements: await withFollowUpStatus(rows, today), page };
}

function caseloadWhere(actor: Actor, jobcentreId: string, onlyMine: boolean) {
  return and(eq(citizens.jobcentreId, jobcentreId), onlyMine ? eq(citizens.consultantId, actor.id) : undefined);
}

function caseloadQuery(actor: Actor, onlyMine: boolean) {
  const jobcentreId = consultantJobcentre(actor);
  return db()
    .select({ ...listColumns, followUpDates: agreementVersions.followUpDates, activatedAt: agreements.activatedAt })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(caseloadWhere(actor, jobcentreId, onlyMine))
    .orderBy(asc(citizens.name), desc(agreements.createdAt), asc(agreements.id));
}

async function withFollowUpStatus(rows: Awaited<ReturnType<typeof caseloadQuery>>, today: CalendarDay): Promise<CaseloadAgreement[]> {
  const ids = rows.map((row) => row.id);
  const [contacts, skips] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db().select({ agreementId: followUps.agreementId, plannedDate: followUps.plannedDate }).from(followUps).where(inArray(followUps.agreementId, ids)),
          db().select({ agreementId: followUpSkips.agreementId, plannedDate: followUpSkips.plannedDate }).from(followUpSkips).where(inArray(followUpSkips.agreementId, ids)),
        ]);
  const closedBy = new Map<string, (string | null)[]>();
  for (const entry of [...contacts, ...skips]) closedBy.set(entry.agreementId, [...(closedBy.get(entry.agreementId) ?? []), entry.plannedDate]);
  const day = toIsoDate(today);
  return rows.map((row) => {
    // Follow-up runs from the start of the work: an agreement that has been active, and is not ended.
    const followed = row.activatedAt !== null && row.status !== 'ended';
    const status = followed ? followUpStatus(row.followUpDates, closedBy.get(row.id) ?? [], day) : NO_FOLLOW_UP;
    return { ...toListItem(row), ...status };
  });
}

/** The follow-ups due this week and those overdue across the consultant's caseload, soonest first. */
export async function followUpsDue(actor: Actor, options: { today?: CalendarDay } = {}) {
  const all = await caseloadAgreements(actor, { ...options, onlyMine: true });
  // Soonest first: the overdue list by the oldest missed date, this week's by its date this week.
  const byDate = (a: CaseloadAgreement, b: CaseloadAgreement) => (a.next ?? '').localeCompare(b.next ?? '');
  const byUpcoming = (a: CaseloadAgreement, b: CaseloadAgreement) => (a.upcoming ?? '').localeCompare(b.upcoming ?? '');
  return {
    overdue: all.filter((agreement) => agreement.overdue).sort(byDate),
    dueThisWeek: all.filter((agreement) => agreement.dueThisWeek).sort(byUpcoming),
  };
}
