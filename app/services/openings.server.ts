/**
 * Openings: create, edit, move through their statuses, list for the company's workspace. Each change
 * writes the row and its search-outbox entry in one transaction.
 */
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, companies, matchProposals, openings, users } from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import {
  newOpeningDefaults,
  nextOpeningStatus,
  openingWordingProblems,
  shelteredJobRatioWarning,
  type OpeningAction,
  type OpeningInput,
  type OpeningTextField,
} from '../domain/opening-rules';
import { LIST_PAGE_SIZE, offsetOf, pageOf, type ListCursor } from '../domain/pagination';
import type { OpeningKind, OpeningStatus } from '../domain/vocabulary';
import type { Actor } from './actor';
import { NotFoundError } from './errors.server';
import { findPostcode } from './postcodes.server';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import { isUuid } from './object-access.server';
import { passedOnToCompany } from './sql-filters.server';

export type Opening = typeof openings.$inferSelect;


/** The messages per field that stop a saved opening from becoming visible. */
export type PublishBlocked = Partial<Record<OpeningTextField, string>>;

export class PublishBlockedError extends Error {
  constructor(readonly fields: PublishBlocked) {
    super('Opslaget indeholder formuleringer, der kan være forskelsbehandling. Ret felterne, og prøv igen.');
    this.name = 'PublishBlockedError';
  }
}

/**
 * A saved opening is checked again before it becomes visible (publish, reopen): a draft or a paused opening
 * may have been saved before the wording rule reached all its fields. Saving itself is checked by the schema
 * (`openingInputSchema`), so a company sees these messages with every other one; reading never checks, so an
 * opening already published stays as it is until it is saved or reopened.
 */
function assertFairWording(opening: Opening) {
  const problems = openingWordingProblems({
    title: opening.title,
    description: opening.description,
    tasks: opening.tasks,
    scheduleNote: opening.schedule.note ?? '',
    languageNeeds: opening.languageNeeds,
    contactName: opening.contactName,
    contactRole: opening.contactRole,
  });
  if (Object.keys(problems).length > 0) throw new PublishBlockedError(problems);
}

/** Companies act on their own openings; the jobcentre's consultants and admins on any company's. */
function assertMayManageCompany(actor: Actor, companyId: string) {
  if (actor.role === 'consultant' || actor.role === 'admin') return;
  if (actor.role === 'company' && actor.companyId === companyId) return;
  // Another company's opening is reported as missing, so its existence is not revealed.
  throw new NotFoundError('Jobopslaget');
}

function placeOf(postcode: string) {
  const place = findPostcode(postcode);
  if (!place) throw new Error(`Unknown postcode ${postcode} passed validation`);
  return { postcode, city: place.city, lat: place.lat, lon: place.lon };
}

/** The opening form's input as the row's columns. */
function openingColumnsOf(input: OpeningInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    tasks: input.tasks,
    hoursMin: input.hoursMin,
    hoursMax: input.hoursMax,
    flexjobExpectedHours: input.flexjobExpectedHours,
    schedule: input.schedule,
    startDate: input.startDate,
    slots: input.slots,
    ...placeOf(input.postcode),
    demands: input.demands,
    accommodations: input.accommodations,
    languageNeeds: input.languageNeeds,
    hourlyWage: input.hourlyWage,
    wageAgreement: input.wageAgreement,
    drivingLicenceRequired: input.drivingLicenceRequired,
    contactName: input.contactName,
    contactRole: input.contactRole,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
  };
}

/** `executor`: an open transaction to write in (an API write with its Idempotency-Key), else a new one. */
export async function createOpening(actor: Actor, companyId: string, input: OpeningInput, options: { publish: boolean; viaApi?: boolean }, executor: Executor = db()) {
  assertMayManageCompany(actor, companyId);
  return executor.transaction(async (tx) => {
    const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId));
    if (!company) throw new NotFoundError('Virksomheden');
    const [opening] = await tx
      .insert(openings)
      .values({
        ...openingColumnsOf(input),
        companyId,
        status: options.publish ? 'open' : 'draft',
        publishedAt: options.publish ? new Date() : null,
        isJobOrder: actor.role === 'consultant',
        createdVia: options.viaApi ? 'api' : 'form',
        createdBy: actor.id,
      })
      .returning();
    await enqueueSearchSync(tx, 'opening', opening!.id);
    return opening!;
  });
}

/** The prefilled values of a new opening's form (`newOpeningDefaults`), for the company or its consultant. */
export async function newOpeningFormValues(actor: Actor, companyId: string): Promise<Record<string, string>> {
  assertMayManageCompany(actor, companyId);
  const [[company], [latest], [poster]] = await Promise.all([
    db().select({ postcode: companies.postcode, phone: companies.phone, email: companies.email }).from(companies).where(eq(companies.id, companyId)),
    db()
      .select({ contactName: openings.contactName, contactRole: openings.contactRole, contactPhone: openings.contactPhone, contactEmail: openings.contactEmail })
      .from(openings)
      .where(eq(openings.companyId, companyId))
      .orderBy(desc(openings.createdAt))
      .limit(1),
    actor.role === 'company' ? db().select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.id)) : Promise.resolve([]),
  ]);
  if (!company) throw new NotFoundError('Virksomheden');
  return newOpeningDefaults({ company, latestContact: latest ?? null, poster: poster ?? null });
}

export async function getOpeningForManager(actor: Actor, openingId: string, executor: Executor = db()) {
  if (!isUuid(openingId)) throw new NotFoundError('Jobopslaget');
  const [opening] = await executor.select().from(openings).where(eq(openings.id, openingId));
  if (!opening) throw new NotFoundError('Jobopslaget');
  assertMayManageCompany(actor, opening.companyId);
  return opening;
}

export async function updateOpening(actor: Actor, openingId: string, input: OpeningInput, executor: Executor = db()) {
  await getOpeningForManager(actor, openingId, executor);
  return executor.transaction(async (tx) => {
    const [opening] = await tx
      .update(openings)
      .set({ ...openingColumnsOf(input), updatedAt: new Date() })
      .where(eq(openings.id, openingId))
      .returning();
    await enqueueSearchSync(tx, 'opening', openingId);
    return opening!;
  });
}

export class StatusChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusChangeError';
  }
}

export async function changeOpeningStatus(actor: Actor, openingId: string, action: OpeningAction, executor: Executor = db()) {
  const current = await getOpeningForManager(actor, openingId, executor);
  const next = nextOpeningStatus(current.status, action);
  if (!next) throw new StatusChangeError('Jobopslaget kan ikke skifte til den status herfra.');
  if (next === 'open') assertFairWording(current);
  return executor.transaction(async (tx) => {
    const [opening] = await tx
      .update(openings)
      .set({ status: next, updatedAt: new Date(), ...(next === 'open' && !current.publishedAt ? { publishedAt: new Date() } : {}) })
      .where(eq(openings.id, openingId))
      .returning();
    await enqueueSearchSync(tx, 'opening', openingId);
    return opening!;
  });
}

const newestFirst = [desc(openings.createdAt), desc(openings.id)];

/** The creation time exactly as stored (microseconds; a JS Date keeps milliseconds), for the API's cursor. */
const createdAtKey = sql<string>`${openings.createdAt}::text`;

type CompanyOpeningsFilter = { status?: OpeningStatus; kind?: OpeningKind };

function companyOpeningsWhere(companyId: string, { status, kind }: CompanyOpeningsFilter) {
  return and(eq(openings.companyId, companyId), status ? eq(openings.status, status) : undefined, kind ? eq(openings.kind, kind) : undefined);
}

async function countCompanyOpenings(companyId: string, filter: CompanyOpeningsFilter = {}) {
  const [row] = await db().select({ n: count() }).from(openings).where(companyOpeningsWhere(companyId, filter));
  return row?.n ?? 0;
}

/** The rows with how many candidates were proposed and how many agreements hold a slot. */
async function withCounts<T extends { id: string }>(rows: T[]) {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [proposals, agreementCounts] = await Promise.all([
    db()
      .select({ openingId: matchProposals.openingId, n: count() })
      .from(matchProposals)
      // A citizen's own "Jeg er interesseret" counts once a consultant has passed it on (proposals.server.ts).
      .where(and(inArray(matchProposals.openingId, ids), passedOnToCompany))
      .groupBy(matchProposals.openingId),
    db()
      .select({ openingId: agreements.openingId, n: count() })
      .from(agreements)
      .where(and(inArray(agreements.openingId, ids), inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES])))
      .groupBy(agreements.openingId),
  ]);
  const proposalsBy = new Map(proposals.map((row) => [row.openingId, row.n]));
  const agreementsBy = new Map(agreementCounts.map((row) => [row.openingId, row.n]));
  return rows.map((row) => ({ ...row, proposalCount: proposalsBy.get(row.id) ?? 0, agreementCount: agreementsBy.get(row.id) ?? 0 }));
}

/** One numbered page of the company's openings, newest first, with their counts (the workspace's lists). */
export async function listCompanyOpenings(actor: Actor, companyId: string, { page = 1, pageSize = LIST_PAGE_SIZE }: { page?: number; pageSize?: number } = {}) {
  assertMayManageCompany(actor, companyId);
  const shown = pageOf(page, await countCompanyOpenings(companyId), pageSize);
  const rows = await db()
    .select()
    .from(openings)
    .where(eq(openings.companyId, companyId))
    .orderBy(...newestFirst)
    .limit(pageSize)
    .offset(offsetOf(shown));
  return { openings: await withCounts(rows), page: shown };
}

/**
 * The API's page: up to `limit` of the company's openings after the cursor, newest first, the cursor of the
 * next page (null on the last) and how many match in all.
 */
export async function listCompanyOpeningsAfter(
  actor: Actor,
  companyId: string,
  { after, limit, ...filter }: CompanyOpeningsFilter & { after: ListCursor | null; limit: number },
) {
  assertMayManageCompany(actor, companyId);
  const afterCursor = after
    ? sql`(${openings.createdAt}, ${openings.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const [rows, total] = await Promise.all([
    db()
      .select({ opening: openings, createdAtKey })
      .from(openings)
      .where(and(companyOpeningsWhere(companyId, filter), afterCursor))
      .orderBy(...newestFirst)
      .limit(limit + 1),
    countCompanyOpenings(companyId, filter),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? { createdAt: last.createdAtKey, id: last.opening.id } : null;
  return { openings: page.map((row) => row.opening), total, next };
}

/**
 * The company's ordinary employees and the people it has in skånejob or fleksjob (agreements holding a slot),
 * leaving out one agreement (the one being looked at), with how many of them fill the given opening.
 */
async function subsidisedAt(companyId: string, { openingId, exceptAgreementId }: { openingId?: string; exceptAgreementId?: string } = {}) {
  const [[company], [held]] = await Promise.all([
    db().select({ ordinaryEmployees: companies.ordinaryEmployees }).from(companies).where(eq(companies.id, companyId)),
    db()
      .select({
        n: count(),
        here: openingId ? sql<number>`count(*) filter (where ${agreements.openingId} = ${openingId})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
      })
      .from(agreements)
      .innerJoin(openings, eq(openings.id, agreements.openingId))
      .where(
        and(
          eq(agreements.companyId, companyId),
          inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES]),
          sql`${openings.kind} in ('sheltered_job', 'flexjob')`,
          exceptAgreementId ? ne(agreements.id, exceptAgreementId) : undefined,
        ),
      ),
  ]);
  return company ? { ordinaryEmployees: company.ordinaryEmployees, held: held?.n ?? 0, here: held?.here ?? 0 } : null;
}

/** The rule of thumb for one more skånejob at the company: the consultant's jobordre, a company's new opening. */
export async function shelteredJobWarningFor(companyId: string): Promise<string | null> {
  const counts = await subsidisedAt(companyId);
  return counts && shelteredJobRatioWarning(counts.ordinaryEmployees, counts.held);
}

/** The rule of thumb for a skånejob opening just saved: its slots not yet filled are about to be. */
export async function shelteredJobWarningForOpening(opening: Pick<Opening, 'id' | 'companyId' | 'kind' | 'slots' | 'status'>): Promise<string | null> {
  if (opening.kind !== 'sheltered_job' || opening.status === 'closed') return null;
  const counts = await subsidisedAt(opening.companyId, { openingId: opening.id });
  return counts && shelteredJobRatioWarning(counts.ordinaryEmployees, counts.held, Math.max(0, opening.slots - counts.here));
}

/** The rule of thumb for an agreement on a skånejob: the citizen fills one slot beside those the company already has. */
export async function shelteredJobWarningForAgreement(agreement: { companyId: string; kind: OpeningKind; agreementId?: string }): Promise<string | null> {
  if (agreement.kind !== 'sheltered_job') return null;
  const counts = await subsidisedAt(agreement.companyId, { exceptAgreementId: agreement.agreementId });
  return counts && shelteredJobRatioWarning(counts.ordinaryEmployees, counts.held);
}

/** What a company should hear about an opening it just saved, beside the opening itself (the API's `warnings`). */
export async function openingWarnings(opening: Pick<Opening, 'id' | 'companyId' | 'kind' | 'slots' | 'status'>): Promise<string[]> {
  const sheltered = await shelteredJobWarningForOpening(opening);
  return sheltered ? [sheltered] : [];
}

/** Kept here for the routes and services that import it from openings (its home: object-access.server.ts). */
export { isUuid };
