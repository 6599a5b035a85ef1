/**
 * The database for a test file: DATABASE_URL when set (migrated once by the global setup, shared with other
 * files and other data, so tests make their own rows and never truncate), else a fresh in-memory PGlite.
 * Also small builders for the rows most tests need, each with random identifiers.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createDatabase, installDatabase, type Database, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { citizens, companies, jobcentres, openings } from '../../db/schema';
import { findPostcode } from '../../app/services/postcodes.server';

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = await createDatabase(url ? { url } : {});
  if (!url) await migrateDatabase(handle);
  installDatabase(handle);
  return handle;
}

/**
 * A database of the test file's own, for a test whose subject is a table-wide queue (the mail outbox): with
 * DATABASE_URL a new PostgreSQL database beside it, migrated, and dropped again by `close`; else PGlite.
 * The shared database holds every other file's pending mails and earlier runs' too, so a round over "the
 * oldest pending rows" there takes longer with every run.
 */
export async function openPrivateTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openTestDatabase();
  const { default: postgres } = await import('postgres');
  const name = `jobbro_private_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const privateUrl = new URL(url);
  privateUrl.pathname = `/${name}`;
  const handle = await createDatabase({ url: privateUrl.toString() });
  await migrateDatabase(handle);
  installDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type NewOpening = typeof openings.$inferInsert;
type NewCitizen = typeof citizens.$inferInsert;

/** Aarhus C, where the test rows live. */
/** Aarhus C at its postcode's coordinates, as the app places everyone (db/data/dk-postcodes.csv). */
export const AARHUS = { postcode: '8000', city: 'Aarhus C', lat: 56.14654123, lon: 10.19489046 } as const;

/**
 * A citizen's or an opening's place as the app sets it: the postcode with its coordinates. Matching and
 * /jobs filter distance by postcodes (decisions 008 and 010), so test rows must keep that invariant too.
 */
export function placeAt(postcode: string) {
  const found = findPostcode(postcode);
  if (!found) throw new Error(`No postcode ${postcode} in the table`);
  return { postcode: found.postcode, city: found.city, lat: found.lat, lon: found.lon };
}

export async function insertTestJobcentre(db: Database) {
  const [jobcentre] = await db
    .insert(jobcentres)
    .values({ name: `Jobcenter Test ${randomUUID().slice(0, 8)}`, municipality: 'Aarhus' })
    .returning();
  return jobcentre!;
}

export async function insertTestCompany(db: Database, name = `Testfirma ${randomUUID().slice(0, 8)} ApS`) {
  const [company] = await db
    .insert(companies)
    .values({
      cvr: String(randomInt(10_000_000, 100_000_000)),
      name,
      address: 'Testvej 1',
      postcode: AARHUS.postcode,
      city: AARHUS.city,
      industry: 'Rengøring',
      ordinaryEmployees: 12,
      phone: '+45 12 34 56 78',
      email: `kontakt-${randomUUID()}@firma.test`,
    })
    .returning();
  return company!;
}

export function testOpening(companyId: string, overrides: Partial<NewOpening> = {}): NewOpening {
  return {
    companyId,
    kind: 'ordinary_hours',
    title: 'Rengøring af kontorer',
    description: 'Rengøring af vores kontorer om morgenen.',
    tasks: ['Støvsugning', 'Aftørring af borde'],
    hoursMin: 5,
    hoursMax: 10,
    startDate: '2027-03-01',
    slots: 1,
    ...AARHUS,
    demands: ['early_mornings'],
    accommodations: ['extra_breaks'],
    contactName: 'Kontakt Person',
    contactRole: 'Driftsleder',
    contactPhone: '+45 87 65 43 21',
    contactEmail: 'drift@firma.test',
    status: 'open',
    publishedAt: new Date('2027-02-01T08:00:00Z'),
    ...overrides,
  };
}

export function testCitizen(jobcentreId: string, overrides: Partial<NewCitizen> = {}): NewCitizen {
  return {
    jobcentreId,
    name: 'Test Borgersen',
    email: `borger-${randomUUID()}@jobbro.test`,
    phone: '+45 11 22 33 44',
    ...AARHUS,
    reachKm: 15,
    benefitStatus: 'cash_benefit_activity_ready',
    hoursMin: 5,
    hoursMax: 10,
    wishes: 'rengøring og lager',
    competences: ['Rengøring', 'Truckcertifikat'],
    languages: [{ language: 'dansk', level: 'native' }],
    restrictions: ['heavy_lifting'],
    neededAccommodations: ['extra_breaks'],
    healthNotes: 'Følsomt: må aldrig nå søgeindekset.',
    consentToShare: true,
    phase: 'towards_job',
    ...overrides,
  };
}
