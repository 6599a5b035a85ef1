/**
 * Openings: create, edit, move through their statuses, list for the company's workspace. Each change
 * writes the row and its search-outbox entry in one transaction.
 */
import { and, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { agreements, companies, matchProposals, openings } from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { findDiscriminatoryWording, type WordingHit } from '../domain/fair-wording';
import { nextOpeningStatus, shelteredJobRatioWarning, type OpeningAction, type OpeningInput } from '../domain/opening-rules';
import type { OpeningKind } from '../domain/vocabulary';
import type { Actor } from './actor';
import { NotFoundError } from './errors.server';
import { findPostcode } from './postcodes.server';

export type Opening = typeof openings.$inferSelect;

/** Agreements that hold a slot: being confirmed or active. */
const SLOT_HOLDING_AGREEMENTS = ['awaiting_confirmation', 'active'] as const;

export type PublishBlocked = { field: 'title' | 'description' | 'tasks'; text: string; hits: WordingHit[] }[];

export class PublishBlockedError extends Error {
  constructor(readonly blocked: PublishBlocked) {
    super('Opslaget indeholder formuleringer, der kan være diskriminerende.');
    this.name = 'PublishBlockedError';
  }
}

/** The wording check that must pass before an opening is published. */
export function checkOpeningWording(opening: Pick<OpeningInput, 'title' | 'description' | 'tasks'>): PublishBlocked {
  const fields = [
    { field: 'title' as const, text: opening.title },
    { field: 'description' as const, text: opening.description },
    { field: 'tasks' as const, text: opening.tasks.join('\n') },
  ];
  return fields
    .map((entry) => ({ ...entry, hits: findDiscriminatoryWording(entry.text) }))
    .filter((entry) => entry.hits.length > 0);
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

function columnsOf(input: OpeningInput) {
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
    drivingLicenceRequired: input.drivingLicenceRequired,
    contactName: input.contactName,
    contactRole: input.contactRole,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
  };
}

export async function createOpening(actor: Actor, companyId: string, input: OpeningInput, options: { publish: boolean }) {
  assertMayManageCompany(actor, companyId);
  if (options.publish) {
    const blocked = checkOpeningWording(input);
    if (blocked.length > 0) throw new PublishBlockedError(blocked);
  }
  return db().transaction(async (tx) => {
    const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId));
    if (!company) throw new NotFoundError('Virksomheden');
    const [opening] = await tx
      .insert(openings)
      .values({
        ...columnsOf(input),
        companyId,
        status: options.publish ? 'open' : 'draft',
        publishedAt: options.publish ? new Date() : null,
        isJobOrder: actor.role === 'consultant',
        createdBy: actor.id,
      })
      .returning();
    await enqueueSearchSync(tx, 'opening', opening!.id);
    return opening!;
  });
}

export async function getOpeningForManager(actor: Actor, openingId: string, executor: Executor = db()) {
  if (!isUuid(openingId)) throw new NotFoundError('Jobopslaget');
  const [opening] = await executor.select().from(openings).where(eq(openings.id, openingId));
  if (!opening) throw new NotFoundError('Jobopslaget');
  assertMayManageCompany(actor, opening.companyId);
  return opening;
}

export async function updateOpening(actor: Actor, openingId: string, input: OpeningInput) {
  const current = await getOpeningForManager(actor, openingId);
  if (current.status !== 'draft') {
    const blocked = checkOpeningWording(input);
    if (blocked.length > 0) throw new PublishBlockedError(blocked);
  }
  return db().transaction(async (tx) => {
    const [opening] = await tx
      .update(openings)
      .set({ ...columnsOf(input), updatedAt: new Date() })
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

export async function changeOpeningStatus(actor: Actor, openingId: string, action: OpeningAction) {
  const current = await getOpeningForManager(actor, openingId);
  const next = nextOpeningStatus(current.status, action);
  if (!next) throw new StatusChangeError('Jobopslaget kan ikke skifte til den status herfra.');
  if (next === 'open') {
    const blocked = checkOpeningWording(current);
    if (blocked.length > 0) throw new PublishBlockedError(blocked);
  }
  return db().transaction(async (tx) => {
    const [opening] = await tx
      .update(openings)
      .set({ status: next, updatedAt: new Date(), ...(next === 'open' && !current.publishedAt ? { publishedAt: new Date() } : {}) })
      .where(eq(openings.id, openingId))
      .returning();
    await enqueueSearchSync(tx, 'opening', openingId);
    return opening!;
  });
}

/** The company's openings with how many candidates were proposed and how many agreements hold a slot. */
export async function listCompanyOpenings(actor: Actor, companyId: string) {
  assertMayManageCompany(actor, companyId);
  const rows = await db().select().from(openings).where(eq(openings.companyId, companyId)).orderBy(desc(openings.createdAt));
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [proposals, agreementCounts] = await Promise.all([
    db()
      .select({ openingId: matchProposals.openingId, n: count() })
      .from(matchProposals)
      // A citizen's own "Jeg er interesseret" counts once a consultant has passed it on (proposals.server.ts).
      .where(and(inArray(matchProposals.openingId, ids), or(ne(matchProposals.origin, 'citizen_interest'), isNotNull(matchProposals.proposedBy))))
      .groupBy(matchProposals.openingId),
    db()
      .select({ openingId: agreements.openingId, n: count() })
      .from(agreements)
      .where(and(inArray(agreements.openingId, ids), inArray(agreements.status, [...SLOT_HOLDING_AGREEMENTS])))
      .groupBy(agreements.openingId),
  ]);
  const proposalsBy = new Map(proposals.map((row) => [row.openingId, row.n]));
  const agreementsBy = new Map(agreementCounts.map((row) => [row.openingId, row.n]));
  return rows.map((row) => ({ ...row, proposalCount: proposalsBy.get(row.id) ?? 0, agreementCount: agreementsBy.get(row.id) ?? 0 }));
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
          inArray(agreements.status, [...SLOT_HOLDING_AGREEMENTS]),
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
