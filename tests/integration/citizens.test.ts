import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, citizenExcludedCompanies, citizens, searchOutbox, users } from '../../db/schema';
import { citizenProfileSchema, type CitizenProfileInput } from '../../app/domain/citizen-rules';
import { ACCESS_PURPOSES, accessLogForCitizen, logCitizenAccess } from '../../app/services/access-log.server';
import type { Actor } from '../../app/services/actor';
import {
  caseloadSummary,
  CitizenInputError,
  citizenSchemaFor,
  ClosedCaseError,
  closeCitizenCase,
  createCitizen,
  getCitizenForConsultant,
  listCaseload,
  listConsultantsOfJobcentre,
  updateCitizen,
} from '../../app/services/citizens.server';
import { CONSENT_PURPOSES } from '../../app/services/consent.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { searchErrorCode } from '../../search/client';
import { drainOutbox } from '../../search/outbox';
import { insertTestCompany, insertTestJobcentre, openTestDatabase } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let jobcentre: { id: string; name: string };
let consultant: Actor;
let colleague: Actor;
let otherJobcentreConsultant: Actor;
let companyActor: Actor;
let formerEmployerId: string;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('citizens');
  jobcentre = await insertTestJobcentre(handle.db);
  const otherJobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  formerEmployerId = (await insertTestCompany(handle.db, `Tidligere Arbejdsgiver ${randomUUID().slice(0, 6)} A/S`)).id;
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Test');
  colleague = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Rasmus Test');
  otherJobcentreConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id }, 'Lone Test');
  companyActor = await insertUser('company', { companyId: company.id }, 'Virksomhed Test');
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

const schema = citizenProfileSchema({ today: '2027-01-10', postcodeExists: (code) => ['8000', '8200', '8210'].includes(code) });

function profileForm(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Sara Testesen',
    email: `sara-${randomUUID()}@jobbro.test`,
    phone: '20 30 40 50',
    postcode: '8200',
    transportMode: 'public_transport',
    reachKm: '12',
    benefitStatus: 'flexjob_unemployment',
    flexjobVisitationUntil: '2027-12-31',
    hoursMin: '8',
    hoursMax: '15',
    wishes: 'Lager eller pakkeri',
    competences: 'Plukning med håndscanner\nTruckcertifikat',
    languages: 'Engelsk: godt',
    danishLevel: 'native',
    drivingLicence: 'on',
    restrictions: ['heavy_lifting'],
    neededAccommodations: ['extra_breaks'],
    healthNotes: 'Diagnose X; må aldrig nå søgeindekset eller en log.',
    consentToShare: 'on',
    phase: 'towards_job',
    nextAction: 'Ring til lageret',
    nextActionDate: '2027-01-15',
    excludedEmployerId: formerEmployerId,
    consultantId: consultant.id,
    ...overrides,
  };
}

function profile(overrides: Record<string, unknown> = {}): CitizenProfileInput {
  return schema.parse(profileForm(overrides));
}

function drain(entityIds: string[]) {
  return drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds, now: new Date('2027-01-10T10:00:00Z') });
}

async function citizenDocumentOrNull(id: string): Promise<Record<string, unknown> | null> {
  try {
    return await search.client.index(search.indexNames.citizens).getDocument(id);
  } catch (error) {
    if (searchErrorCode(error) === 'document_not_found') return null;
    throw error;
  }
}

const outboxRowsOf = (citizenId: string) => handle.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, citizenId));
const accessRowsOf = (citizenId: string) => handle.db.select().from(accessLog).where(eq(accessLog.citizenId, citizenId)).orderBy(accessLog.id);

describe('a consultant keeps a citizen profile', () => {
  it('creates and edits a citizen; each change writes its outbox row and an access-log row, and the index holds no personal data', async () => {
    const { id } = await createCitizen(consultant, profile());
    expect(await outboxRowsOf(id)).toHaveLength(1);
    expect((await accessRowsOf(id)).map((row) => [row.action, row.purpose, row.organisation, row.actorRole])).toEqual([
      ['change', ACCESS_PURPOSES.createProfile, jobcentre.name, 'consultant'],
      // Made with consent: the citizen's consent history starts with the jobcentre giving it.
      ['change', CONSENT_PURPOSES.given, jobcentre.name, 'consultant'],
    ]);

    await updateCitizen(consultant, id, profile({ hoursMin: '10', hoursMax: '20', excludedEmployerId: '', consultantId: colleague.id }));
    expect(await outboxRowsOf(id)).toHaveLength(2);
    const [saved] = await handle.db.select().from(citizens).where(eq(citizens.id, id));
    expect(saved).toMatchObject({ hoursMin: 10, hoursMax: 20, consultantId: colleague.id, city: 'Aarhus N', jobcentreId: jobcentre.id });
    expect(await handle.db.select().from(citizenExcludedCompanies).where(eq(citizenExcludedCompanies.citizenId, id))).toEqual([]);
    expect((await accessRowsOf(id)).map((row) => row.action)).toEqual(['change', 'change', 'change']);

    expect(await drain([id])).toMatchObject({ indexed: 1, failed: 0 });
    const document = await citizenDocumentOrNull(id);
    expect(document).toMatchObject({ id, jobcentreId: jobcentre.id, hoursMin: 10, hoursMax: 20, eligibleKinds: ['ordinary_hours', 'flexjob'] });
    for (const personal of ['name', 'email', 'phone', 'healthNotes', 'city', 'lat', 'lon']) expect(document).not.toHaveProperty(personal);
    expect(JSON.stringify(document)).not.toMatch(/Sara|Diagnose|20 30 40 50/);
  });

  it('saves the excluded companies with their reasons', async () => {
    const { id } = await createCitizen(consultant, profile({ benefitStatus: 'disability_pension', flexjobVisitationUntil: '' }));
    const read = await getCitizenForConsultant(consultant, id, ACCESS_PURPOSES.viewProfile);
    expect(read.excludedCompanies).toEqual([expect.objectContaining({ companyId: formerEmployerId, reason: 'most_recent_employer' })]);
    expect(read.healthNotes).toContain('Diagnose X');
    expect(read.consultant?.name).toBe('Mette Test');
  });

  it('keeps the consent time when consent does not change, and stamps it when it does', async () => {
    const { id } = await createCitizen(consultant, profile());
    const consentAt = async () => (await handle.db.select({ at: citizens.consentUpdatedAt }).from(citizens).where(eq(citizens.id, id)))[0]!.at;
    const first = await consentAt();
    expect(first).toBeInstanceOf(Date);
    await updateCitizen(consultant, id, profile({ wishes: 'Pakkeri' }));
    expect(await consentAt()).toEqual(first);
    await updateCitizen(consultant, id, profile({ consentToShare: '' }));
    expect((await consentAt())!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
  });
});

describe('who may see a citizen', () => {
  it('reports another jobcentre’s citizen as not found, for reading, editing and closing', async () => {
    const { id } = await createCitizen(consultant, profile());
    await expect(getCitizenForConsultant(otherJobcentreConsultant, id, ACCESS_PURPOSES.viewProfile)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCitizen(otherJobcentreConsultant, id, profile())).rejects.toBeInstanceOf(NotFoundError);
    await expect(closeCitizenCase(otherJobcentreConsultant, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(citizenSchemaFor(otherJobcentreConsultant, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listCaseload(otherJobcentreConsultant, { consultantId: null })).not.toContainEqual(expect.objectContaining({ id }));
    // The profile made and consent given, nothing by the others.
    expect(await accessRowsOf(id)).toHaveLength(2);
  });

  it('refuses a company and a citizen with ForbiddenError', async () => {
    const { id } = await createCitizen(consultant, profile());
    const citizenActor = await insertUser('citizen', { citizenId: id }, 'Sara Testesen');
    for (const actor of [companyActor, citizenActor]) {
      await expect(getCitizenForConsultant(actor, id, ACCESS_PURPOSES.viewProfile)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listCaseload(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createCitizen(actor, profile())).rejects.toBeInstanceOf(ForbiddenError);
    }
    // The profile made and consent given, nothing by the others.
    expect(await accessRowsOf(id)).toHaveLength(2);
  });

  it('reports a malformed id as not found', async () => {
    await expect(getCitizenForConsultant(consultant, 'ikke-et-id', ACCESS_PURPOSES.viewProfile)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the access log', () => {
  it('writes a read row with the purpose on every read', async () => {
    const { id } = await createCitizen(consultant, profile());
    await getCitizenForConsultant(consultant, id, ACCESS_PURPOSES.viewProfile);
    await getCitizenForConsultant(colleague, id, ACCESS_PURPOSES.editProfile);
    const reads = (await accessRowsOf(id)).filter((row) => row.action === 'read');
    expect(reads.map((row) => [row.actorUserId, row.purpose, row.organisation])).toEqual([
      [consultant.id, ACCESS_PURPOSES.viewProfile, jobcentre.name],
      [colleague.id, ACCESS_PURPOSES.editProfile, jobcentre.name],
    ]);
    const log = await accessLogForCitizen(id);
    expect(log.map((entry) => entry.action)).toEqual(['read', 'read', 'change', 'change']);
    expect(JSON.stringify(log)).not.toMatch(/Diagnose|Sara/);
  });

  it('never logs the citizen’s own use of their data, and logs many citizens in one go', async () => {
    const first = await createCitizen(consultant, profile());
    const second = await createCitizen(consultant, profile());
    const citizenActor = await insertUser('citizen', { citizenId: first.id }, 'Sara Testesen');
    expect(await logCitizenAccess(handle.db, { citizenIds: [first.id], actor: citizenActor, action: 'read', purpose: 'Min side' })).toBe(0);
    expect(await logCitizenAccess(handle.db, { citizenIds: [first.id, second.id, first.id], actor: consultant, action: 'search', purpose: 'Match til et job' })).toBe(2);
    const searches = await handle.db.select().from(accessLog).where(and(eq(accessLog.action, 'search'), eq(accessLog.actorUserId, consultant.id)));
    expect(searches.map((row) => row.citizenId).sort()).toEqual([first.id, second.id].sort());
    expect((await accessRowsOf(first.id)).some((row) => row.actorUserId === citizenActor.id)).toBe(false);
  });
});

describe('leaving the index', () => {
  it('removes a citizen who withdraws consent after a drain', async () => {
    const { id } = await createCitizen(consultant, profile());
    await drain([id]);
    expect(await citizenDocumentOrNull(id)).not.toBeNull();
    await updateCitizen(consultant, id, profile({ consentToShare: '' }));
    expect(await drain([id])).toMatchObject({ removed: 1, failed: 0 });
    expect(await citizenDocumentOrNull(id)).toBeNull();
  });

  it('removes a citizen whose case is closed after a drain, and keeps the closed case read-only', async () => {
    const { id } = await createCitizen(consultant, profile());
    await drain([id]);
    expect(await citizenDocumentOrNull(id)).not.toBeNull();
    const closed = await closeCitizenCase(consultant, id);
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await outboxRowsOf(id)).length).toBe(2);
    expect(await drain([id])).toMatchObject({ removed: 1, failed: 0 });
    expect(await citizenDocumentOrNull(id)).toBeNull();
    expect(await listCaseload(consultant)).not.toContainEqual(expect.objectContaining({ id }));
    await expect(updateCitizen(consultant, id, profile())).rejects.toBeInstanceOf(ClosedCaseError);
    expect((await accessRowsOf(id)).map((row) => row.purpose)).toContain(ACCESS_PURPOSES.closeCase);
  });
});

describe('invalid input', () => {
  it('saves nothing when the form is invalid', async () => {
    const name = `Ugyldig ${randomUUID()}`;
    const parsed = (await citizenSchemaFor(consultant)).safeParse(profileForm({ name, hoursMin: '20', hoursMax: '10' }));
    expect(parsed.success).toBe(false);
    expect(await handle.db.select().from(citizens).where(eq(citizens.name, name))).toEqual([]);
  });

  it('refuses a consultant of another jobcentre, or a company that is gone, at the field and saves nothing', async () => {
    const name = `Forkert konsulent ${randomUUID()}`;
    const wrongConsultant = createCitizen(consultant, profile({ name, consultantId: otherJobcentreConsultant.id }));
    await expect(wrongConsultant).rejects.toBeInstanceOf(CitizenInputError);
    await expect(wrongConsultant).rejects.toMatchObject({ field: 'consultantId' });
    const goneCompany = createCitizen(consultant, profile({ name, excludedPartnerCompanyId: randomUUID() }));
    await expect(goneCompany).rejects.toMatchObject({ field: 'excludedPartnerCompanyId' });
    expect(await handle.db.select().from(citizens).where(eq(citizens.name, name))).toEqual([]);

    const { id } = await createCitizen(consultant, profile());
    await expect(updateCitizen(consultant, id, profile({ wishes: 'Ændret', consultantId: otherJobcentreConsultant.id }))).rejects.toBeInstanceOf(CitizenInputError);
    const [unchanged] = await handle.db.select().from(citizens).where(eq(citizens.id, id));
    expect(unchanged!.wishes).toBe('Lager eller pakkeri');
    expect(await outboxRowsOf(id)).toHaveLength(1);
  });
});

describe('the caseload', () => {
  it('lists the consultant’s own open cases by next action date, filters by phase and counts per phase', async () => {
    const own = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Ny Konsulent');
    const later = await createCitizen(own, profile({ name: 'B Senere', consultantId: own.id, nextActionDate: '2027-02-01' }));
    const sooner = await createCitizen(own, profile({ name: 'C Snart', consultantId: own.id, nextActionDate: '2027-01-11', phase: 'clarification' }));
    const none = await createCitizen(own, profile({ name: 'A Uden dato', consultantId: own.id, nextActionDate: '', nextAction: '' }));
    await createCitizen(own, profile({ name: 'Kollegas borger', consultantId: colleague.id }));

    expect((await listCaseload(own)).map((row) => row.id)).toEqual([sooner.id, later.id, none.id]);
    expect((await listCaseload(own, { phase: 'clarification' })).map((row) => row.id)).toEqual([sooner.id]);
    const whole = await listCaseload(own, { consultantId: null });
    expect(whole.some((row) => row.name === 'Kollegas borger')).toBe(true);
    expect(whole.every((row) => !('healthNotes' in row))).toBe(true);

    const summary = await caseloadSummary(own);
    expect(summary.total).toBe(3);
    expect(summary.byPhase).toMatchObject({ clarification: 1, towards_job: 2, at_company: 0 });

    expect((await listConsultantsOfJobcentre(jobcentre.id)).map((row) => row.id)).toEqual(
      expect.arrayContaining([consultant.id, colleague.id, own.id]),
    );
    expect((await listConsultantsOfJobcentre(jobcentre.id)).map((row) => row.id)).not.toContain(otherJobcentreConsultant.id);
  });
});
