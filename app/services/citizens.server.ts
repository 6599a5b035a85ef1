/**
 * Citizens' profiles as the consultants of their jobcentre keep them: the caseload, one profile, create,
 * edit, close. A consultant sees only the citizens of their own jobcentre (another jobcentre's citizen is
 * "not found"); companies and citizens are refused here. Every read and change writes the access log, and
 * every change writes its search-outbox row in the same transaction.
 */
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { citizenExcludedCompanies, citizens, companies, users } from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { citizenProfileSchema, type CitizenProfileInput } from '../domain/citizen-rules';
import { toIsoDate } from '../domain/format';
import { LIST_PAGE_SIZE } from '../domain/pagination';
import { PATH_PHASES, type PathPhase } from '../domain/vocabulary';
import { ACCESS_PURPOSES, accessLogOrganisation, logCitizenAccess } from './access-log.server';
import type { Actor } from './actor';
import { recordConsentChange } from './consent.server';
import { FieldRefusedError, ForbiddenError, NotFoundError } from './errors.server';
import { everyWordIn } from './sql-filters.server';
import { findPostcode } from './postcodes.server';
import { consultantJobcentre as consultantJobcentreOf, isUuid } from './object-access.server';

export type Citizen = typeof citizens.$inferSelect;

/** Input the form could not have sent, reported at the field (a consultant of another jobcentre, a deleted company). */
export class CitizenInputError extends FieldRefusedError {
  constructor(field: string, message: string) {
    super(message, field);
    this.name = 'CitizenInputError';
  }
}

export class ClosedCaseError extends ForbiddenError {
  constructor() {
    super('Sagen er lukket, så profilen kan ikke rettes.');
    this.name = 'ClosedCaseError';
  }
}

const CITIZEN = 'Borgeren';

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan se borgernes profiler.');

/** The citizen row if it belongs to the actor's jobcentre; another jobcentre's citizen is reported missing. */
async function citizenOfJobcentre(actor: Actor, citizenId: string, executor: Executor = db()): Promise<Citizen> {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(citizenId)) throw new NotFoundError(CITIZEN);
  const [citizen] = await executor
    .select()
    .from(citizens)
    .where(and(eq(citizens.id, citizenId), eq(citizens.jobcentreId, jobcentreId)));
  if (!citizen) throw new NotFoundError(CITIZEN);
  return citizen;
}

/** The citizen form's schema as of today; an edit may keep a visitation date that has since passed. */
export async function citizenSchemaFor(actor: Actor, citizenId?: string, now = new Date()) {
  const saved = citizenId ? await citizenOfJobcentre(actor, citizenId) : null;
  return citizenProfileSchema({
    today: toIsoDate(now),
    postcodeExists: (code) => findPostcode(code) !== undefined,
    savedFlexjobVisitationUntil: saved?.flexjobVisitationUntil ?? null,
  });
}

export async function listConsultantsOfJobcentre(jobcentreId: string) {
  return db()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.jobcentreId, jobcentreId), eq(users.role, 'consultant')))
    .orderBy(asc(users.name));
}

export type CaseloadFilter = {
  /** Undefined: the actor's own caseload. Null: every citizen of the jobcentre, with or without a consultant. */
  consultantId?: string | null;
  phase?: PathPhase;
  /** Words of the citizen's name (Danish letters folded: "sorensen" finds "Sørensen"); every word must occur. */
  name?: string;
};

/** Open cases of the consultant's jobcentre, the most urgent next action first, then by name. */
function caseloadWhere(actor: Actor, filter: CaseloadFilter) {
  const jobcentreId = consultantJobcentre(actor);
  const consultantId = filter.consultantId === undefined ? actor.id : filter.consultantId;
  if (consultantId !== null && !isUuid(consultantId)) return null;
  return and(
    eq(citizens.jobcentreId, jobcentreId),
    isNull(citizens.closedAt),
    consultantId === null ? undefined : eq(citizens.consultantId, consultantId),
    filter.phase ? eq(citizens.phase, filter.phase) : undefined,
    filter.name ? everyWordIn(sql`${citizens.name}`, filter.name) : undefined,
  );
}

/** How many open cases the caseload list holds in all, for its pages. */
export async function countCaseload(actor: Actor, filter: CaseloadFilter = {}) {
  const where = caseloadWhere(actor, filter);
  if (!where) return 0;
  const [row] = await db().select({ n: count() }).from(citizens).where(where);
  return row?.n ?? 0;
}

/** One page of the caseload (a whole jobcentre can hold thousands), the next action first. */
export async function listCaseload(actor: Actor, filter: CaseloadFilter = {}, { limit = LIST_PAGE_SIZE, offset = 0 } = {}) {
  const where = caseloadWhere(actor, filter);
  if (!where) return [];
  return db()
    .select({
      id: citizens.id,
      name: citizens.name,
      phase: citizens.phase,
      benefitStatus: citizens.benefitStatus,
      hoursMin: citizens.hoursMin,
      hoursMax: citizens.hoursMax,
      nextAction: citizens.nextAction,
      nextActionDate: citizens.nextActionDate,
      consultantId: citizens.consultantId,
      consultantName: users.name,
      consentToShare: citizens.consentToShare,
    })
    .from(citizens)
    .leftJoin(users, eq(users.id, citizens.consultantId))
    .where(where)
    .orderBy(sql`${citizens.nextActionDate} asc nulls last`, asc(citizens.name), asc(citizens.id))
    .limit(limit)
    .offset(offset);
}

/** How many open cases the consultant has in each phase. */
export async function caseloadSummary(actor: Actor): Promise<{ total: number; byPhase: Record<PathPhase, number> }> {
  const jobcentreId = consultantJobcentre(actor);
  const rows = await db()
    .select({ phase: citizens.phase, n: count() })
    .from(citizens)
    .where(and(eq(citizens.jobcentreId, jobcentreId), eq(citizens.consultantId, actor.id), isNull(citizens.closedAt)))
    .groupBy(citizens.phase);
  const byPhase = Object.fromEntries(PATH_PHASES.map((phase) => [phase, 0])) as Record<PathPhase, number>;
  for (const row of rows) byPhase[row.phase] = row.n;
  return { total: rows.reduce((sum, row) => sum + row.n, 0), byPhase };
}

async function excludedCompaniesOf(citizenId: string) {
  return db()
    .select({ companyId: citizenExcludedCompanies.companyId, companyName: companies.name, reason: citizenExcludedCompanies.reason })
    .from(citizenExcludedCompanies)
    .innerJoin(companies, eq(companies.id, citizenExcludedCompanies.companyId))
    .where(eq(citizenExcludedCompanies.citizenId, citizenId))
    .orderBy(asc(citizenExcludedCompanies.reason));
}

/**
 * The whole profile, health notes included, for a consultant of the citizen's jobcentre. Writes a 'read'
 * row in the access log with the purpose.
 */
export async function getCitizenForConsultant(actor: Actor, citizenId: string, purpose: string) {
  const citizen = await citizenOfJobcentre(actor, citizenId);
  const [excludedCompanies, consultant] = await Promise.all([
    excludedCompaniesOf(citizen.id),
    citizen.consultantId
      ? db().select({ id: users.id, name: users.name }).from(users).where(eq(users.id, citizen.consultantId)).then((rows) => rows[0] ?? null)
      : null,
  ]);
  await logCitizenAccess(db(), { citizenIds: [citizen.id], actor, action: 'read', purpose });
  return { ...citizen, excludedCompanies, consultant };
}

export type CitizenProfile = Awaited<ReturnType<typeof getCitizenForConsultant>>;

/** The checks the schema cannot make: the consultant works at the jobcentre, the companies exist. */
async function assertReferencesExist(jobcentreId: string, input: CitizenProfileInput) {
  const [consultant] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, input.consultantId), eq(users.jobcentreId, jobcentreId), eq(users.role, 'consultant')));
  if (!consultant) throw new CitizenInputError('consultantId', 'Vælg en konsulent fra dit eget jobcenter.');
  const companyIds = input.excludedCompanies.map((entry) => entry.companyId);
  if (companyIds.length === 0) return;
  const found = new Set(
    (await db().select({ id: companies.id }).from(companies).where(inArray(companies.id, companyIds))).map((row) => row.id),
  );
  const missing = input.excludedCompanies.find((entry) => !found.has(entry.companyId));
  if (missing) {
    const field = missing.reason === 'most_recent_employer' ? 'excludedEmployerId' : 'excludedPartnerCompanyId';
    throw new CitizenInputError(field, 'Virksomheden findes ikke længere. Vælg en anden fra listen.');
  }
}

function citizenColumnsOf(input: CitizenProfileInput) {
  const place = findPostcode(input.postcode);
  if (!place) throw new Error(`Unknown postcode ${input.postcode} passed validation`);
  return {
    consultantId: input.consultantId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    postcode: input.postcode,
    city: place.city,
    lat: place.lat,
    lon: place.lon,
    transportMode: input.transportMode,
    reachKm: input.reachKm,
    benefitStatus: input.benefitStatus,
    flexjobVisitationUntil: input.flexjobVisitationUntil,
    hoursMin: input.hoursMin,
    hoursMax: input.hoursMax,
    wishes: input.wishes,
    competences: input.competences,
    languages: input.languages,
    danishLevel: input.danishLevel,
    drivingLicence: input.drivingLicence,
    restrictions: input.restrictions,
    neededAccommodations: input.neededAccommodations,
    healthNotes: input.healthNotes,
    consentToShare: input.consentToShare,
    phase: input.phase,
    nextAction: input.nextAction,
    nextActionDate: input.nextActionDate,
  };
}

async function replaceExcludedCompanies(tx: Executor, citizenId: string, excluded: CitizenProfileInput['excludedCompanies']) {
  await tx.delete(citizenExcludedCompanies).where(eq(citizenExcludedCompanies.citizenId, citizenId));
  if (excluded.length > 0) await tx.insert(citizenExcludedCompanies).values(excluded.map((entry) => ({ citizenId, ...entry })));
}

export async function createCitizen(actor: Actor, input: CitizenProfileInput) {
  const jobcentreId = consultantJobcentre(actor);
  await assertReferencesExist(jobcentreId, input);
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const now = new Date();
    const [citizen] = await tx
      .insert(citizens)
      .values({ ...citizenColumnsOf(input), jobcentreId, consentUpdatedAt: input.consentToShare ? now : null })
      .returning({ id: citizens.id });
    const citizenId = citizen!.id;
    await replaceExcludedCompanies(tx, citizenId, input.excludedCompanies);
    await enqueueSearchSync(tx, 'citizen', citizenId);
    await logCitizenAccess(tx, { citizenIds: [citizenId], actor, action: 'change', purpose: ACCESS_PURPOSES.createProfile, organisation });
    if (input.consentToShare) await recordConsentChange(tx, { citizenId, consent: true, actor, organisation, now });
    return { id: citizenId };
  });
}

export async function updateCitizen(actor: Actor, citizenId: string, input: CitizenProfileInput) {
  const current = await citizenOfJobcentre(actor, citizenId);
  if (current.closedAt) throw new ClosedCaseError();
  await assertReferencesExist(current.jobcentreId, input);
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const now = new Date();
    // Read under a lock: the citizen changing their consent at the same moment waits, and a change is recorded once.
    const [before] = await tx.select({ consentToShare: citizens.consentToShare }).from(citizens).where(eq(citizens.id, citizenId)).for('update');
    const consentChanged = before !== undefined && before.consentToShare !== input.consentToShare;
    await tx
      .update(citizens)
      .set({
        ...citizenColumnsOf(input),
        // When consent changes, the time it changed: the citizen and the consultant can see since when.
        ...(consentChanged ? { consentUpdatedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(citizens.id, citizenId));
    await replaceExcludedCompanies(tx, citizenId, input.excludedCompanies);
    await enqueueSearchSync(tx, 'citizen', citizenId);
    await logCitizenAccess(tx, { citizenIds: [citizenId], actor, action: 'change', purpose: ACCESS_PURPOSES.changeProfile, organisation });
    if (consentChanged) await recordConsentChange(tx, { citizenId, consent: input.consentToShare, actor, organisation, now });
    return { id: citizenId };
  });
}

/** The citizen leaves the caseload: no longer matched, out of the search index once the outbox is drained. */
export async function closeCitizenCase(actor: Actor, citizenId: string) {
  const current = await citizenOfJobcentre(actor, citizenId);
  if (current.closedAt) return { id: citizenId, closedAt: current.closedAt };
  const organisation = await accessLogOrganisation(actor);
  return db().transaction(async (tx) => {
    const [closed] = await tx
      .update(citizens)
      .set({ closedAt: new Date(), updatedAt: new Date() })
      .where(eq(citizens.id, citizenId))
      .returning({ id: citizens.id, closedAt: citizens.closedAt });
    await enqueueSearchSync(tx, 'citizen', citizenId);
    await logCitizenAccess(tx, { citizenIds: [citizenId], actor, action: 'change', purpose: ACCESS_PURPOSES.closeCase, organisation });
    return closed!;
  });
}

/** The citizen moves along their path (an agreement becomes active or ends); search follows through the outbox. */
export async function setCitizenPhase(tx: Executor, citizenId: string, phase: PathPhase) {
  await tx.update(citizens).set({ phase, updatedAt: new Date() }).where(eq(citizens.id, citizenId));
  await enqueueSearchSync(tx, 'citizen', citizenId);
}
