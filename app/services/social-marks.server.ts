/**
 * The mark "Socialt ansvarlig virksomhed – <jobcentre>" (decision 033): the facts of a company's work with a
 * jobcentre's citizens over the last 12 months, measured in SQL over the existing tables; the criteria
 * (app/domain/social-mark.ts) judged on them; the mark stored per company and jobcentre with its history; and
 * the company's openings re-indexed through the search outbox whenever the mark comes or goes.
 *
 * A company works with a jobcentre when the jobcentre created it (a jobordre), or a citizen of the jobcentre
 * was proposed for one of its openings or has an agreement with it. Only that jobcentre's leader sees it.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import {
  agreements,
  agreementVersions,
  citizens,
  companies,
  followUps,
  followUpSkips,
  jobcentres,
  matchProposals,
  openings,
  socialMarkEvents,
  socialMarks,
  socialMarkThresholds,
  users,
} from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { plannedFollowUps } from '../domain/agreement-rules';
import { toIsoDate } from '../domain/format';
import {
  DEFAULT_SOCIAL_MARK_THRESHOLDS,
  earnsSocialMark,
  holdsSocialMark,
  proposalAnswerTiming,
  socialMarkCriteria,
  socialMarkTitle,
  socialMarkWindowStart,
  type SocialMarkCriterion,
  type SocialMarkDecisionInput,
  type SocialMarkEventKind,
  type SocialMarkFacts,
  type SocialMarkHandDecision,
  type SocialMarkThresholds,
} from '../domain/social-mark';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { isUuid } from './object-access.server';
import { startPeriodicWork } from './periodic-work.server';

const MARK = 'Mærket';
const COMPANY = 'Virksomheden';
const ONLY_COMPANIES = 'Siden er kun for virksomheder.';

/** A day of a timestamp in Danish time, for comparing with the window's ISO days. */
const danishDay = (column: unknown) => sql<string>`to_char((${column} at time zone 'Europe/Copenhagen')::date, 'YYYY-MM-DD')`;

// ── Thresholds ──────────────────────────────────────────────────────────────────────────────────────────

export async function thresholdsOf(executor: Executor, jobcentreId: string): Promise<SocialMarkThresholds> {
  const [row] = await executor.select().from(socialMarkThresholds).where(eq(socialMarkThresholds.jobcentreId, jobcentreId));
  if (!row) return DEFAULT_SOCIAL_MARK_THRESHOLDS;
  const { minAgreementsStarted, followUpsKeptPercent, proposalsAnsweredPercent, answerWorkingDays } = row;
  return { minAgreementsStarted, followUpsKeptPercent, proposalsAnsweredPercent, answerWorkingDays };
}

// ── The facts ───────────────────────────────────────────────────────────────────────────────────────────

/** The facts of one company with one jobcentre's citizens, over the window ending `today` (Danish days). */
export async function measureSocialMarkFacts(
  executor: Executor,
  { companyId, jobcentreId }: { companyId: string; jobcentreId: string },
  today: string,
  answerWorkingDays: number,
): Promise<SocialMarkFacts> {
  const from = socialMarkWindowStart(today);
  const ofCompanyAndJobcentre = and(eq(agreements.companyId, companyId), eq(citizens.jobcentreId, jobcentreId));

  const started = await executor
    .select({ activatedOn: danishDay(agreements.activatedAt) })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .where(and(ofCompanyAndJobcentre, isNotNull(agreements.activatedAt)));
  const agreementsStarted = started.filter((row) => row.activatedOn >= from && row.activatedOn <= today).length;

  // The follow-up plan of each agreement that ran: its current version's dates, those held and those skipped.
  const plans = await executor
    .select({ id: agreements.id, plan: agreementVersions.followUpDates, endedOn: danishDay(agreements.endedAt) })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
    .where(and(ofCompanyAndJobcentre, isNotNull(agreements.activatedAt)));
  const agreementIds = plans.map((row) => row.id);
  const contacts = agreementIds.length
    ? await executor
        .select({ agreementId: followUps.agreementId, plannedDate: followUps.plannedDate, contactDate: followUps.contactDate })
        .from(followUps)
        .where(inArray(followUps.agreementId, agreementIds))
    : [];
  const skips = agreementIds.length
    ? await executor.select({ agreementId: followUpSkips.agreementId, plannedDate: followUpSkips.plannedDate, reason: followUpSkips.reason }).from(followUpSkips).where(inArray(followUpSkips.agreementId, agreementIds))
    : [];
  let followUpsHeld = 0;
  let followUpsMissed = 0;
  for (const { id, plan, endedOn } of plans) {
    // After an agreement ended, its remaining dates were never due.
    const until = endedOn && endedOn < today ? endedOn : today;
    const states = plannedFollowUps(
      plan,
      contacts.filter((contact) => contact.agreementId === id),
      skips.filter((skip) => skip.agreementId === id),
      until,
    );
    for (const planned of states) {
      if (planned.date < from || planned.date >= until) continue;
      if (planned.state === 'held') followUpsHeld++;
      if (planned.state === 'overdue') followUpsMissed++;
    }
  }

  // Proposals a consultant put to the company (a citizen's own interest reaches it only when passed on, later).
  const proposals = await executor
    .select({
      proposedOn: danishDay(matchProposals.createdAt),
      acceptedOn: danishDay(matchProposals.companyAcceptedAt),
      declinedOn: danishDay(matchProposals.companyDeclinedAt),
      status: matchProposals.status,
    })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .innerJoin(citizens, eq(citizens.id, matchProposals.citizenId))
    .where(and(eq(openings.companyId, companyId), eq(citizens.jobcentreId, jobcentreId), eq(matchProposals.origin, 'consultant')));
  let proposalsAnsweredInTime = 0;
  let proposalsAnsweredLate = 0;
  for (const proposal of proposals) {
    if (proposal.proposedOn < from || proposal.proposedOn > today) continue;
    const answeredOn = proposal.acceptedOn ?? proposal.declinedOn ?? null;
    // Withdrawn, or a no from the citizen, before the company answered: nothing was left to answer.
    const stillAwaited = proposal.status === 'proposed' || proposal.status === 'citizen_accepted';
    if (answeredOn === null && !stillAwaited) continue;
    const timing = proposalAnswerTiming({ proposedOn: proposal.proposedOn, answeredOn }, today, answerWorkingDays);
    if (timing === 'in_time') proposalsAnsweredInTime++;
    if (timing === 'late') proposalsAnsweredLate++;
  }

  return { agreementsStarted, followUpsHeld, followUpsMissed, proposalsAnsweredInTime, proposalsAnsweredLate };
}

// ── Which jobcentres a company works with ───────────────────────────────────────────────────────────────

/** The jobcentres a company works with (see the top of this file), by id. */
async function jobcentresOfCompany(executor: Executor, companyId: string): Promise<string[]> {
  const rows = await executor.execute<{ jobcentre_id: string }>(sql`
    select ${companies.createdByJobcentreId} as jobcentre_id from ${companies} where ${companies.id} = ${companyId} and ${companies.createdByJobcentreId} is not null
    union
    select ${citizens.jobcentreId} from ${agreements} join ${citizens} on ${citizens.id} = ${agreements.citizenId} where ${agreements.companyId} = ${companyId}
    union
    select ${citizens.jobcentreId} from ${matchProposals}
      join ${openings} on ${openings.id} = ${matchProposals.openingId}
      join ${citizens} on ${citizens.id} = ${matchProposals.citizenId}
      where ${openings.companyId} = ${companyId}
    union
    select ${socialMarks.jobcentreId} from ${socialMarks} where ${socialMarks.companyId} = ${companyId}`);
  return rowsOf<{ jobcentre_id: string }>(rows).map((row) => row.jobcentre_id);
}

/** postgres.js answers `execute` with the rows, PGlite with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** The companies a jobcentre works with, by id. */
async function companiesOfJobcentre(executor: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await executor.execute<{ company_id: string }>(sql`
    select ${companies.id} as company_id from ${companies} where ${companies.createdByJobcentreId} = ${jobcentreId}
    union
    select ${agreements.companyId} from ${agreements} join ${citizens} on ${citizens.id} = ${agreements.citizenId} where ${citizens.jobcentreId} = ${jobcentreId}
    union
    select ${openings.companyId} from ${matchProposals}
      join ${openings} on ${openings.id} = ${matchProposals.openingId}
      join ${citizens} on ${citizens.id} = ${matchProposals.citizenId}
      where ${citizens.jobcentreId} = ${jobcentreId}
    union
    select ${socialMarks.companyId} from ${socialMarks} where ${socialMarks.jobcentreId} = ${jobcentreId}`);
  return rowsOf<{ company_id: string }>(rows).map((row) => row.company_id);
}

export async function worksWithJobcentre(executor: Executor, companyId: string, jobcentreId: string): Promise<boolean> {
  return (await jobcentresOfCompany(executor, companyId)).includes(jobcentreId);
}

// ── Keeping the stored mark up to date ──────────────────────────────────────────────────────────────────

type StoredMark = typeof socialMarks.$inferSelect;

async function storedMark(executor: Executor, companyId: string, jobcentreId: string): Promise<StoredMark | undefined> {
  const [row] = await executor.select().from(socialMarks).where(and(eq(socialMarks.companyId, companyId), eq(socialMarks.jobcentreId, jobcentreId)));
  return row;
}

/** The company's openings to the search outbox: their documents carry the marks. */
async function reindexOpeningsOf(executor: Executor, companyId: string) {
  const rows = await executor.select({ id: openings.id }).from(openings).where(eq(openings.companyId, companyId));
  await enqueueSearchSync(
    executor,
    'opening',
    rows.map((row) => row.id),
  );
}

/**
 * Writes the mark as the criteria and the hand decision give it now, with an event when it changes, and
 * re-indexes the company's openings when it comes or goes. Call it inside the transaction of the change.
 */
async function storeMark(
  executor: Executor,
  { companyId, jobcentreId }: { companyId: string; jobcentreId: string },
  { earned, handDecision }: { earned: boolean; handDecision: SocialMarkHandDecision | null },
  now: Date,
  { event = null, reindex = true }: { event?: { kind: SocialMarkEventKind; reason: string; byUserId: string } | null; reindex?: boolean } = {},
) {
  const before = await storedMark(executor, companyId, jobcentreId);
  const held = holdsSocialMark({ earned, handDecision });
  const heldSince = held ? (before?.held ? before.heldSince : now) : null;
  await executor
    .insert(socialMarks)
    .values({ companyId, jobcentreId, earned, handDecision, held, heldSince, measuredAt: now })
    .onConflictDoUpdate({ target: [socialMarks.companyId, socialMarks.jobcentreId], set: { earned, handDecision, held, heldSince, measuredAt: now } });
  if (event) await executor.insert(socialMarkEvents).values({ companyId, jobcentreId, ...event, at: now });
  else if ((before?.earned ?? false) !== earned) {
    await executor.insert(socialMarkEvents).values({ companyId, jobcentreId, kind: earned ? 'earned' : 'lost', at: now });
  }
  if (reindex && (before?.held ?? false) !== held) await reindexOpeningsOf(executor, companyId);
}

/**
 * Measures the company's facts with each jobcentre it works with and stores the marks. `reindex: false` is for
 * the demo seed, which announces every opening to search itself.
 */
export async function refreshSocialMarksOfCompany(executor: Executor, companyId: string, now = new Date(), { reindex = true }: { reindex?: boolean } = {}) {
  const today = toIsoDate(now);
  for (const jobcentreId of await jobcentresOfCompany(executor, companyId)) {
    const thresholds = await thresholdsOf(executor, jobcentreId);
    const facts = await measureSocialMarkFacts(executor, { companyId, jobcentreId }, today, thresholds.answerWorkingDays);
    const before = await storedMark(executor, companyId, jobcentreId);
    await storeMark(executor, { companyId, jobcentreId }, { earned: earnsSocialMark(facts, thresholds), handDecision: before?.handDecision ?? null }, now, { reindex });
  }
}

/** The marks of the company whose opening the proposal is for. */
export async function refreshSocialMarksOfProposal(executor: Executor, proposalId: string, now = new Date()) {
  const [row] = await executor
    .select({ companyId: openings.companyId })
    .from(matchProposals)
    .innerJoin(openings, eq(openings.id, matchProposals.openingId))
    .where(eq(matchProposals.id, proposalId));
  if (row) await refreshSocialMarksOfCompany(executor, row.companyId, now);
}

/** Every company's marks: the facts slide with the calendar, so a mark can lapse without any write. */
export async function refreshAllSocialMarks(now = new Date()): Promise<number> {
  // Only companies that work with some jobcentre (see the top of this file) can hold or lose a mark.
  const rows = rowsOf<{ company_id: string }>(
    await db().execute(sql`
      select ${companies.id} as company_id from ${companies} where ${companies.createdByJobcentreId} is not null
      union select ${agreements.companyId} from ${agreements}
      union select ${openings.companyId} from ${matchProposals} join ${openings} on ${openings.id} = ${matchProposals.openingId}
      union select ${socialMarks.companyId} from ${socialMarks}
      order by 1`),
  );
  for (const { company_id: id } of rows) await db().transaction((tx) => refreshSocialMarksOfCompany(tx, id, now));
  return rows.length;
}

/** Hourly, as the notifications: a mark earned or lapsed by the calendar alone shows within the hour. */
export function startSocialMarkWorker({ firstRunAfterMs = 90_000, intervalMs = 60 * 60_000 }: { firstRunAfterMs?: number; intervalMs?: number } = {}) {
  return startPeriodicWork('social marks', () => refreshAllSocialMarks(), { firstRunAfterMs, intervalMs });
}

// ── The company's own view ──────────────────────────────────────────────────────────────────────────────

export type SocialMarkProgress = {
  jobcentreId: string;
  jobcentreName: string;
  title: string;
  held: boolean;
  heldSince: Date | null;
  handDecision: SocialMarkHandDecision | null;
  criteria: SocialMarkCriterion[];
  metCount: number;
  windowStart: string;
};

async function progressOf(executor: Executor, companyId: string, jobcentreId: string, today: string): Promise<SocialMarkProgress> {
  const [jobcentre] = await executor.select({ name: jobcentres.name }).from(jobcentres).where(eq(jobcentres.id, jobcentreId));
  const thresholds = await thresholdsOf(executor, jobcentreId);
  const facts = await measureSocialMarkFacts(executor, { companyId, jobcentreId }, today, thresholds.answerWorkingDays);
  const criteria = socialMarkCriteria(facts, thresholds);
  const stored = await storedMark(executor, companyId, jobcentreId);
  const handDecision = stored?.handDecision ?? null;
  return {
    jobcentreId,
    jobcentreName: jobcentre?.name ?? '',
    title: socialMarkTitle(jobcentre?.name ?? ''),
    held: stored?.held ?? false,
    heldSince: stored?.heldSince ?? null,
    handDecision,
    criteria,
    metCount: criteria.filter((criterion) => criterion.met).length,
    windowStart: socialMarkWindowStart(today),
  };
}

function companyOf(actor: Actor): string {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError(ONLY_COMPANIES);
  return actor.companyId;
}

/** The company's progress toward the mark of each jobcentre it works with, measured now. */
export async function companySocialMarkProgress(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<SocialMarkProgress[]> {
  const companyId = companyOf(actor);
  const today = toIsoDate(now);
  const ids = await jobcentresOfCompany(db(), companyId);
  return Promise.all(ids.map((jobcentreId) => progressOf(db(), companyId, jobcentreId, today)));
}

export type SocialMarkCertificate = { companyName: string; cvr: string; title: string; jobcentreName: string; heldSince: Date };

/** The printable certificate, while the company holds the mark; otherwise not found. */
export async function socialMarkCertificate(actor: Actor, jobcentreId: string): Promise<SocialMarkCertificate> {
  const companyId = companyOf(actor);
  if (!isUuid(jobcentreId)) throw new NotFoundError(MARK);
  const [row] = await db()
    .select({ companyName: companies.name, cvr: companies.cvr, jobcentreName: jobcentres.name, heldSince: socialMarks.heldSince })
    .from(socialMarks)
    .innerJoin(companies, eq(companies.id, socialMarks.companyId))
    .innerJoin(jobcentres, eq(jobcentres.id, socialMarks.jobcentreId))
    .where(and(eq(socialMarks.companyId, companyId), eq(socialMarks.jobcentreId, jobcentreId), eq(socialMarks.held, true)));
  if (!row?.heldSince) throw new NotFoundError(MARK);
  return { companyName: row.companyName, cvr: row.cvr, jobcentreName: row.jobcentreName, title: socialMarkTitle(row.jobcentreName), heldSince: row.heldSince };
}

// ── The leader ──────────────────────────────────────────────────────────────────────────────────────────

export type SocialMarkHistoryEntry = { kind: SocialMarkEventKind; reason: string | null; byName: string | null; at: Date };

async function historyOf(executor: Executor, companyId: string, jobcentreId: string): Promise<SocialMarkHistoryEntry[]> {
  return executor
    .select({ kind: socialMarkEvents.kind, reason: socialMarkEvents.reason, byName: users.name, at: socialMarkEvents.at })
    .from(socialMarkEvents)
    .leftJoin(users, eq(users.id, socialMarkEvents.byUserId))
    .where(and(eq(socialMarkEvents.companyId, companyId), eq(socialMarkEvents.jobcentreId, jobcentreId)))
    .orderBy(desc(socialMarkEvents.at), desc(socialMarkEvents.id));
}


const ONLY_LEADERS = 'Siden er kun for jobcentrets ledere.';

/** The jobcentre a leader leads; anyone else is refused (the route's guard says the same). */
function leaderJobcentre(actor: Actor): string {
  if (actor.role !== 'leader' || !actor.jobcentreId) throw new ForbiddenError(ONLY_LEADERS);
  return actor.jobcentreId;
}

export type SocialMarkCompanyRow = { companyId: string; name: string; held: boolean; earned: boolean; handDecision: SocialMarkHandDecision | null };

/** The leader's page: the thresholds and every company the jobcentre works with, marked ones first. */
export async function socialMarkOverview(actor: Actor): Promise<{ jobcentreName: string; thresholds: SocialMarkThresholds; companies: SocialMarkCompanyRow[] }> {
  const jobcentreId = leaderJobcentre(actor);
  const [jobcentre] = await db().select({ name: jobcentres.name }).from(jobcentres).where(eq(jobcentres.id, jobcentreId));
  const ids = await companiesOfJobcentre(db(), jobcentreId);
  const rows = ids.length
    ? await db()
        .select({ companyId: companies.id, name: companies.name, held: socialMarks.held, earned: socialMarks.earned, handDecision: socialMarks.handDecision })
        .from(companies)
        .leftJoin(socialMarks, and(eq(socialMarks.companyId, companies.id), eq(socialMarks.jobcentreId, jobcentreId)))
        .where(inArray(companies.id, ids))
        .orderBy(desc(sql`coalesce(${socialMarks.held}, false)`), asc(companies.name))
    : [];
  return {
    jobcentreName: jobcentre?.name ?? '',
    thresholds: await thresholdsOf(db(), jobcentreId),
    companies: rows.map((row) => ({ ...row, held: row.held ?? false, earned: row.earned ?? false })),
  };
}

/** The leader's new thresholds; every company of the jobcentre is measured against them at once. */
export async function updateSocialMarkThresholds(actor: Actor, thresholds: SocialMarkThresholds, { now = new Date() }: { now?: Date } = {}) {
  const jobcentreId = leaderJobcentre(actor);
  await db().transaction(async (tx) => {
    await tx
      .insert(socialMarkThresholds)
      .values({ jobcentreId, ...thresholds, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({ target: socialMarkThresholds.jobcentreId, set: { ...thresholds, updatedBy: actor.id, updatedAt: now } });
    for (const companyId of await companiesOfJobcentre(tx, jobcentreId)) await refreshSocialMarksOfCompany(tx, companyId, now);
  });
}

/** A company of the leader's own jobcentre; another jobcentre's company is as unknown as a missing one. */
async function companyOfLeader(executor: Executor, actor: Actor, companyId: string): Promise<{ jobcentreId: string; name: string }> {
  const jobcentreId = leaderJobcentre(actor);
  if (!isUuid(companyId)) throw new NotFoundError(COMPANY);
  const [company] = await executor.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  if (!company || !(await worksWithJobcentre(executor, companyId, jobcentreId))) throw new NotFoundError(COMPANY);
  return { jobcentreId, name: company.name };
}

export type LeaderCompanySocialMark = { companyName: string; progress: SocialMarkProgress; history: SocialMarkHistoryEntry[] };

export async function companySocialMarkForLeader(actor: Actor, companyId: string, { now = new Date() }: { now?: Date } = {}): Promise<LeaderCompanySocialMark> {
  const { jobcentreId, name } = await companyOfLeader(db(), actor, companyId);
  return { companyName: name, progress: await progressOf(db(), companyId, jobcentreId, toIsoDate(now)), history: await historyOf(db(), companyId, jobcentreId) };
}

/**
 * The leader grants or withdraws the mark by hand, or lets the criteria decide again, with a reason kept in
 * the history. The criteria are measured in the same transaction, so the mark is right the moment it is saved.
 */
export async function decideSocialMark(actor: Actor, companyId: string, { decision, reason }: SocialMarkDecisionInput, { now = new Date() }: { now?: Date } = {}) {
  await db().transaction(async (tx) => {
    const { jobcentreId } = await companyOfLeader(tx, actor, companyId);
    const thresholds = await thresholdsOf(tx, jobcentreId);
    const facts = await measureSocialMarkFacts(tx, { companyId, jobcentreId }, toIsoDate(now), thresholds.answerWorkingDays);
    const handDecision = decision === 'criteria' ? null : decision;
    await storeMark(tx, { companyId, jobcentreId }, { earned: earnsSocialMark(facts, thresholds), handDecision }, now, { event: { kind: decision, reason, byUserId: actor.id } });
  });
}
