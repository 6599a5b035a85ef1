/**
 * The demo data on an in-memory PGlite of its own (a shared PostgreSQL would not be empty): what the
 * demo logins, the matching stories and the start-up drain rely on.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../app/auth/password.server';
import { isValidCvr } from '../../app/domain/cvr';
import { distanceKm } from '../../app/domain/geo';
import { followUpGaps, followUpStatus } from '../../app/domain/agreement-rules';
import { nextFollowUpDate } from '../../app/domain/citizen-path';
import { BENEFIT_STATUSES, OPENING_KINDS } from '../../app/domain/vocabulary';
import { findPostcode } from '../../app/services/postcodes.server';
import { createDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import {
  agreements,
  agreementVersions,
  citizenExcludedCompanies,
  followUps,
  monthlyHours,
  citizens,
  companies,
  jobcentres,
  matchProposals,
  openings,
  searchOutbox,
  socialMarks,
  users,
} from '../../db/schema';
import { DEMO_PASSWORD, demoDataWanted, seedDemoData, type SeedResult } from '../../db/seed';

const TODAY = new Date('2026-03-02T09:00:00Z');
const DEMO_EMAILS = [
  'konsulent@jobbro.test',
  'virksomhed@jobbro.test',
  'borger@jobbro.test',
  'admin@jobbro.test',
  'konsulent.randers@jobbro.test',
  'leder@jobbro.test',
];

async function freshDatabase(): Promise<DatabaseHandle> {
  const handle = await createDatabase({});
  await migrateDatabase(handle);
  return handle;
}

let handle: DatabaseHandle;
let firstSeed: SeedResult;

beforeAll(async () => {
  handle = await freshDatabase();
  firstSeed = await seedDemoData(handle.db, { today: TODAY });
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

async function jobcentreId(name: string): Promise<string> {
  const [row] = await handle.db.select({ id: jobcentres.id }).from(jobcentres).where(eq(jobcentres.name, name));
  if (!row) throw new Error(`No jobcentre named ${name}`);
  return row.id;
}

function todayIso() {
  return TODAY.toISOString().slice(0, 10);
}

describe('the mark "Socialt ansvarlig virksomhed" in the demo (decision 033)', () => {
  async function marksOf(name: string) {
    return handle.db
      .select({ held: socialMarks.held, earned: socialMarks.earned })
      .from(socialMarks)
      .innerJoin(companies, eq(companies.id, socialMarks.companyId))
      .where(eq(companies.name, name));
  }

  it('gives Risskov Vaskeri the mark of Jobcenter Aarhus by its year of work, so /jobs shows it', async () => {
    expect(await marksOf('Risskov Vaskeri ApS')).toEqual([{ held: true, earned: true }]);
  });

  it('leaves Egå Idrætscenter (virksomhed3@) one confirmation short of it, and Kattegat a missed follow-up short', async () => {
    expect(await marksOf('Egå Idrætscenter')).toEqual([{ held: false, earned: false }]);
    expect(await marksOf('Kattegat Lager & Logistik A/S')).toEqual([{ held: false, earned: false }]);
    const [awaiting] = await handle.db
      .select({ status: agreements.status })
      .from(agreements)
      .innerJoin(companies, eq(companies.id, agreements.companyId))
      .where(eq(companies.name, 'Egå Idrætscenter'));
    expect(awaiting?.status).toBe('awaiting_confirmation');
  });
});

describe('seedDemoData', () => {
  it('seeds an empty database and returns the demo logins', () => {
    expect(firstSeed.seeded).toBe(true);
    const emails = firstSeed.logins.map((login) => login.email);
    for (const email of DEMO_EMAILS) expect(emails).toContain(email);
  });

  it('creates every login it returns, with the demo password and the right role', async () => {
    const rows = await handle.db.select().from(users);
    for (const login of firstSeed.logins) {
      const user = rows.find((row) => row.email === login.email);
      expect(user, login.email).toBeDefined();
      expect(user?.role).toBe(login.role);
    }
    const admin = rows.find((row) => row.email === 'admin@jobbro.test');
    expect(admin).toMatchObject({ role: 'admin', jobcentreId: null, companyId: null, citizenId: null });
    expect(await verifyPassword(admin?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(new Set(rows.map((row) => row.passwordHash)).size).toBe(1);
  });

  it('marks every account it creates as a demo account, which the pages announce with a banner', async () => {
    const rows = await handle.db.select({ email: users.email, demo: users.demo }).from(users);
    expect(rows.length).toBeGreaterThanOrEqual(DEMO_EMAILS.length);
    expect(rows.filter((row) => !row.demo)).toEqual([]);
  });

  it('gives Jobcenter Aarhus a leader, who belongs to Aarhus', async () => {
    const [leader] = await handle.db.select().from(users).where(eq(users.email, 'leder@jobbro.test'));
    expect(leader).toMatchObject({ role: 'leader', jobcentreId: await jobcentreId('Jobcenter Aarhus'), companyId: null, citizenId: null });
  });

  it('gives Aarhus two consultants and Randers its own consultant and citizens', async () => {
    const aarhus = await jobcentreId('Jobcenter Aarhus');
    const randers = await jobcentreId('Jobcenter Randers');
    const consultants = await handle.db.select().from(users).where(eq(users.role, 'consultant'));
    expect(consultants.filter((user) => user.jobcentreId === aarhus)).toHaveLength(2);
    expect(consultants.find((user) => user.email === 'konsulent@jobbro.test')).toMatchObject({
      name: 'Mette Sørensen',
      jobcentreId: aarhus,
    });
    const randersConsultant = consultants.find((user) => user.email === 'konsulent.randers@jobbro.test');
    expect(randersConsultant?.jobcentreId).toBe(randers);

    const randersCitizens = await handle.db.select().from(citizens).where(eq(citizens.jobcentreId, randers));
    expect(randersCitizens.length).toBeGreaterThanOrEqual(4);
    for (const citizen of randersCitizens) {
      expect(citizen.consultantId).toBe(randersConsultant?.id);
      expect(citizen.postcode.startsWith('89')).toBe(true);
    }
  });

  it('links the company and citizen logins', async () => {
    const [company] = await handle.db
      .select({ name: companies.name })
      .from(users)
      .innerJoin(companies, eq(users.companyId, companies.id))
      .where(eq(users.email, 'virksomhed@jobbro.test'));
    expect(company?.name).toBe('Kattegat Lager & Logistik A/S');

    const [borger] = await handle.db
      .select({ citizen: citizens, consultantEmail: users.email })
      .from(citizens)
      .innerJoin(users, eq(users.id, citizens.consultantId))
      .where(eq(citizens.email, 'borger@jobbro.test'));
    expect(borger?.consultantEmail).toBe('konsulent@jobbro.test');
    expect(borger?.citizen).toMatchObject({
      benefitStatus: 'cash_benefit_activity_ready',
      phase: 'at_company',
      consentToShare: true,
    });
    expect(borger?.citizen.wishes.length).toBeGreaterThan(20);
    const [login] = await handle.db.select().from(users).where(eq(users.email, 'borger@jobbro.test'));
    expect(login?.citizenId).toBe(borger?.citizen.id);

    const proposals = await handle.db.select().from(matchProposals).where(eq(matchProposals.citizenId, borger?.citizen.id ?? ''));
    expect(proposals.length).toBeGreaterThanOrEqual(1);
  });

  it('has agreements in every state, with follow-ups due this week and overdue, one at 30 hours and one ended', async () => {
    const rows = await handle.db
      .select({ agreement: agreements, version: agreementVersions, citizen: citizens, opening: openings })
      .from(agreements)
      .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
      .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
      .innerJoin(openings, eq(openings.id, agreements.openingId));
    const statuses = rows.map((row) => row.agreement.status);
    for (const status of ['draft', 'active', 'ended'] as const) expect(statuses, status).toContain(status);
    const heldDates = new Map<string, (string | null)[]>();
    for (const contact of await handle.db.select().from(followUps)) heldDates.set(contact.agreementId, [...(heldDates.get(contact.agreementId) ?? []), contact.plannedDate]);
    const active = rows.filter((row) => row.agreement.status === 'active');
    const due = active.map((row) => followUpStatus(row.version.followUpDates, heldDates.get(row.agreement.id) ?? [], todayIso()));
    expect(due.some((status) => status.overdue)).toBe(true);
    expect(due.some((status) => status.dueThisWeek)).toBe(true);
    for (const row of active) {
      expect(row.citizen.phase, row.citizen.name).toBe('at_company');
      expect(row.version.companyConfirmedAt).not.toBeNull();
      expect(row.version.citizenConfirmedAt).not.toBeNull();
      expect(followUpGaps(row.version.followUpDates, row.version.startDate, row.opening.kind), row.citizen.name).toEqual([]);
      // Every opening keeps a free slot, so the demo openings stay open.
      expect(row.opening.status).toBe('open');
    }
    const goal = rows.find((row) => row.agreement.goalReachedMonth !== null);
    const goalHours = await handle.db.select().from(monthlyHours).where(eq(monthlyHours.agreementId, goal?.agreement.id ?? ''));
    expect(goalHours.map((month) => month.ordinaryHours).sort((a, b) => a - b)).toEqual([12, 22, 31]);
    const ended = rows.find((row) => row.agreement.status === 'ended');
    expect(ended?.agreement.endReason).toBeTruthy();
    expect(ended?.citizen.phase).toBe('towards_job');
  });

  it('gives borger@jobbro.test an active agreement whose next follow-up lies ahead', async () => {
    const [row] = await handle.db
      .select({ agreement: agreements, version: agreementVersions })
      .from(agreements)
      .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.version, agreements.currentVersion)))
      .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
      .where(and(eq(citizens.email, 'borger@jobbro.test'), eq(agreements.status, 'active')));
    expect(row).toBeDefined();
    expect(nextFollowUpDate(row!.version.followUpDates, todayIso())! > todayIso()).toBe(true);
  });

  it('keeps Danish in the Danish level only, never also among the other languages', async () => {
    const rows = await handle.db.select({ name: citizens.name, languages: citizens.languages, danishLevel: citizens.danishLevel }).from(citizens);
    for (const citizen of rows) expect(citizen.languages.map((skill) => skill.language), citizen.name).not.toContain('Dansk');
    expect(new Set(rows.map((citizen) => citizen.danishLevel)).size).toBeGreaterThan(1);
  });

  it('gives every company a valid CVR, and no two the same', async () => {
    const rows = await handle.db.select().from(companies);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const company of rows) {
      expect(isValidCvr(company.cvr), `${company.name} ${company.cvr}`).toBe(true);
      expect(company.ordinaryEmployees).toBeGreaterThanOrEqual(5);
      expect(company.ordinaryEmployees).toBeLessThanOrEqual(120);
    }
    expect(new Set(rows.map((company) => company.cvr)).size).toBe(rows.length);
  });

  it('has at least 20 open openings spread over the three kinds', async () => {
    const rows = await handle.db.select().from(openings);
    expect(rows.length).toBeGreaterThanOrEqual(24);
    const open = rows.filter((opening) => opening.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(20);
    for (const kind of OPENING_KINDS) {
      expect(rows.filter((opening) => opening.kind === kind).length, kind).toBeGreaterThanOrEqual(6);
      expect(open.filter((opening) => opening.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
    }
    for (const opening of rows) {
      expect(opening.hoursMin).toBeGreaterThanOrEqual(1);
      expect(opening.hoursMax).toBeLessThanOrEqual(37);
      expect(opening.hoursMin).toBeLessThanOrEqual(opening.hoursMax);
      expect(opening.tasks.length).toBeGreaterThan(0);
      expect(opening.contactName).not.toBe('');
      if (opening.kind === 'flexjob') expect(opening.flexjobExpectedHours, opening.title).not.toBeNull();
      if (opening.status === 'open') {
        expect(opening.publishedAt).not.toBeNull();
        expect(opening.startDate >= todayIso(), opening.title).toBe(true);
      }
      if (opening.status === 'draft') expect(opening.publishedAt).toBeNull();
    }
  });

  it('has a warehouse fleksjob with heavy lifting at the logistics company', async () => {
    const rows = await handle.db
      .select({ opening: openings })
      .from(openings)
      .innerJoin(companies, eq(openings.companyId, companies.id))
      .where(and(eq(companies.name, 'Kattegat Lager & Logistik A/S'), eq(openings.kind, 'flexjob'), eq(openings.status, 'open')));
    expect(rows.some((row) => row.opening.demands.includes('heavy_lifting'))).toBe(true);
  });

  it('has at least 40 Aarhus citizens with varied benefit statuses, hours and restrictions', async () => {
    const aarhus = await jobcentreId('Jobcenter Aarhus');
    const rows = await handle.db.select().from(citizens).where(eq(citizens.jobcentreId, aarhus));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const status of BENEFIT_STATUSES) expect(rows.some((citizen) => citizen.benefitStatus === status), status).toBe(true);

    const flexjob = rows.filter((citizen) => citizen.benefitStatus === 'flexjob_unemployment');
    const valid = flexjob.filter((citizen) => (citizen.flexjobVisitationUntil ?? '') >= todayIso());
    expect(valid.length).toBeGreaterThanOrEqual(3);
    expect(flexjob.length - valid.length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((citizen) => citizen.benefitStatus === 'disability_pension').length).toBeGreaterThanOrEqual(3);
    for (const citizen of rows.filter((row) => row.benefitStatus !== 'flexjob_unemployment')) {
      expect(citizen.flexjobVisitationUntil, citizen.name).toBeNull();
    }

    expect(rows.some((citizen) => citizen.hoursMax <= 4)).toBe(true);
    expect(rows.some((citizen) => citizen.restrictions.includes('heavy_lifting'))).toBe(true);
    expect(rows.some((citizen) => citizen.restrictions.includes('prolonged_standing'))).toBe(true);
    expect(rows.filter((citizen) => citizen.consentToShare).length).toBeGreaterThan(rows.length / 2);
    expect(new Set(rows.map((citizen) => citizen.consultantId)).size).toBe(2);
    for (const citizen of rows) {
      expect(citizen.reachKm).toBeGreaterThanOrEqual(5);
      expect(citizen.reachKm).toBeLessThanOrEqual(40);
      expect(citizen.hoursMin).toBeLessThanOrEqual(citizen.hoursMax);
      expect(citizen.hoursMax).toBeLessThanOrEqual(37);
    }
  });

  it('excludes some citizens on førtidspension from a skånejob at their most recent employer', async () => {
    const rows = await handle.db
      .select({ benefit: citizens.benefitStatus, reason: citizenExcludedCompanies.reason })
      .from(citizenExcludedCompanies)
      .innerJoin(citizens, eq(citizens.id, citizenExcludedCompanies.citizenId));
    const mostRecentEmployer = rows.filter((row) => row.reason === 'most_recent_employer');
    expect(mostRecentEmployer.length).toBeGreaterThanOrEqual(2);
    expect(mostRecentEmployer.some((row) => row.benefit === 'disability_pension')).toBe(true);
  });

  it('places every opening and citizen at a postcode from the CSV, with its coordinates', async () => {
    const places = [
      ...(await handle.db.select({ postcode: openings.postcode, city: openings.city, lat: openings.lat, lon: openings.lon }).from(openings)),
      ...(await handle.db.select({ postcode: citizens.postcode, city: citizens.city, lat: citizens.lat, lon: citizens.lon }).from(citizens)),
    ];
    for (const place of places) {
      const known = findPostcode(place.postcode);
      expect(known, place.postcode).toBeDefined();
      expect(place).toEqual({ postcode: place.postcode, city: known?.city, lat: known?.lat, lon: known?.lon });
    }
  });

  it('keeps the openings in the Aarhus area', async () => {
    const aarhusC = findPostcode('8000');
    if (!aarhusC) throw new Error('8000 Aarhus C is missing from the CSV');
    for (const opening of await handle.db.select().from(openings)) {
      expect(distanceKm(aarhusC, opening), opening.postcode).toBeLessThan(25);
    }
  });

  it('writes one search-outbox row per opening and per citizen', async () => {
    const rows = await handle.db.select().from(searchOutbox);
    const openingIds = (await handle.db.select({ id: openings.id }).from(openings)).map((row) => row.id).sort();
    const citizenIds = (await handle.db.select({ id: citizens.id }).from(citizens)).map((row) => row.id).sort();
    const ofEntity = (entity: 'opening' | 'citizen') =>
      rows
        .filter((row) => row.entity === entity)
        .map((row) => row.entityId)
        .sort();
    expect(ofEntity('opening')).toEqual(openingIds);
    expect(ofEntity('citizen')).toEqual(citizenIds);
    expect(rows.every((row) => row.processedAt === null)).toBe(true);
  });

  it('leaves a database with users alone: a second run adds nothing', async () => {
    const count = async () => ({
      users: (await handle.db.select({ id: users.id }).from(users)).length,
      companies: (await handle.db.select({ id: companies.id }).from(companies)).length,
      openings: (await handle.db.select({ id: openings.id }).from(openings)).length,
      citizens: (await handle.db.select({ id: citizens.id }).from(citizens)).length,
      outbox: (await handle.db.select({ id: searchOutbox.id }).from(searchOutbox)).length,
    });
    const before = await count();
    const again = await seedDemoData(handle.db, { today: TODAY });
    expect(again.seeded).toBe(false);
    expect(again.logins.map((login) => login.email)).toEqual(firstSeed.logins.map((login) => login.email));
    expect(await count()).toEqual(before);
  });

  it('produces the same data on every run', async () => {
    const other = await freshDatabase();
    try {
      await seedDemoData(other.db, { today: TODAY });
      const snapshot = async (database: DatabaseHandle) => ({
        cvrs: (await database.db.select({ cvr: companies.cvr }).from(companies)).map((row) => row.cvr).sort(),
        citizens: (
          await database.db
            .select({ name: citizens.name, phone: citizens.phone, nextActionDate: citizens.nextActionDate })
            .from(citizens)
        ).sort((a, b) => a.name.localeCompare(b.name)),
        published: (await database.db.select({ title: openings.title, at: openings.publishedAt }).from(openings)).sort((a, b) =>
          a.title.localeCompare(b.title),
        ),
      });
      expect(await snapshot(other)).toEqual(await snapshot(handle));
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe('demoDataWanted: demo data belongs to the try-out', () => {
  it('seeds the embedded PGlite default, never a DATABASE_URL unless JOBBRO_DEMO=1 asks', () => {
    expect(demoDataWanted({})).toBe(true);
    expect(demoDataWanted({ DATABASE_URL: 'postgres://jobbro@db.kommune.example/jobbro' })).toBe(false);
    expect(demoDataWanted({ DATABASE_URL: 'postgres://jobbro@db.kommune.example/jobbro', JOBBRO_DEMO: '1' })).toBe(true);
  });

  it('lets JOBBRO_DEMO=0 keep the embedded PGlite free of demo data, and refuses a value it cannot read', () => {
    expect(demoDataWanted({ JOBBRO_DEMO: '0' })).toBe(false);
    expect(demoDataWanted({ JOBBRO_DEMO: '' })).toBe(true);
    expect(() => demoDataWanted({ DATABASE_URL: 'postgres://db/jobbro', JOBBRO_DEMO: 'ja' })).toThrow('JOBBRO_DEMO must be 1 (demo data) or 0 (none), not "ja".');
  });
});
