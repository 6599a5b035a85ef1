/**
 * The administrator's jobcentres: creating one, adding a consultant who gets a one-time link to choose a
 * password, and refusing everyone who is not an administrator.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../app/services/accounts.server';
import type { Actor } from '../../app/services/actor';
import { DuplicateError } from '../../app/services/companies.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { addConsultant, createJobcentre, getJobcentre, listJobcentres } from '../../app/services/jobcentres.server';
import { resetPassword } from '../../app/services/password-reset.server';
import { consultantSchema, jobcentreSchema } from '../../app/domain/jobcentre-rules';
import { fieldErrorsOf } from '../../app/ui/form';
import { db, type DatabaseHandle } from '../../db/client';
import { citizens, mailOutbox, users } from '../../db/schema';
import { AARHUS, insertTestCompany, insertTestJobcentre, openTestDatabase } from '../helpers/database';

const BASE_URL = 'http://localhost:3000';

let handle: DatabaseHandle;
let admin: Actor;
let consultant: Actor;
let companyActor: Actor;

async function insertActor(role: Actor['role'], links: { jobcentreId?: string; companyId?: string } = {}): Promise<Actor> {
  const [user] = await db()
    .insert(users)
    .values({ email: `jobcentres-${randomUUID()}@jobbro.test`, name: `Test ${role}`, role, ...links })
    .returning();
  return { id: user!.id, name: user!.name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: null };
}

const newEmail = () => `ny-konsulent-${randomUUID()}@jobbro.test`;

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(db());
  const company = await insertTestCompany(db());
  admin = await insertActor('admin');
  consultant = await insertActor('consultant', { jobcentreId: jobcentre.id });
  companyActor = await insertActor('company', { companyId: company.id });
});

afterAll(async () => {
  await handle?.close();
});

describe('jobcentres for the administrator', () => {
  it('creates a jobcentre that is listed with no consultants and no cases', async () => {
    const name = `Jobcenter Ny ${randomUUID().slice(0, 8)}`;
    const { id } = await createJobcentre(admin, { name, municipality: 'Silkeborg' });
    const listed = (await listJobcentres(admin)).find((row) => row.id === id);
    expect(listed).toEqual({ id, name, municipality: 'Silkeborg', consultants: 0, openCases: 0 });
  });

  it('counts consultants and open cases, not closed ones', async () => {
    const { id } = await createJobcentre(admin, { name: `Jobcenter Tal ${randomUUID().slice(0, 8)}`, municipality: 'Aarhus' });
    await addConsultant(admin, id, { name: 'Karin Konsulent', email: newEmail() }, { baseUrl: BASE_URL });
    const citizen = { jobcentreId: id, name: 'Borger Test', ...AARHUS, reachKm: 10, benefitStatus: 'cash_benefit_job_ready' as const, hoursMin: 5, hoursMax: 10 };
    await db().insert(citizens).values([citizen, citizen, { ...citizen, closedAt: new Date() }]);
    const listed = (await listJobcentres(admin)).find((row) => row.id === id);
    expect(listed).toMatchObject({ consultants: 1, openCases: 2 });
  });

  it('adds a consultant who is listed, is mailed a link, and can choose a password with it', async () => {
    const { id } = await createJobcentre(admin, { name: 'Jobcenter Link', municipality: 'Skive' });
    const email = newEmail();
    const added = await addConsultant(admin, id, { name: 'Mads Konsulent', email }, { baseUrl: BASE_URL });
    expect(added.link).toMatch(/^http:\/\/localhost:3000\/ny-adgangskode\/[a-z2-7]+$/);

    const page = await getJobcentre(admin, id);
    expect(page.name).toBe('Jobcenter Link');
    expect(page.consultants).toEqual([{ id: added.userId, name: 'Mads Konsulent', email, hasPassword: false }]);

    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id));
    expect(mail?.body).toContain(added.link);
    expect(mail?.body).toContain('Jobcenter Link');

    const token = added.link.split('/').pop()!;
    expect(await resetPassword(token, 'en-god-adgangskode-til-mads')).toEqual({ userId: added.userId });
    const login = await authenticate({ email, password: 'en-god-adgangskode-til-mads', ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
    expect(login.ok && login.user).toMatchObject({ role: 'consultant', jobcentreId: id });
  });

  it('refuses an email that already has a user, with a Danish message at the email field', async () => {
    const { id } = await createJobcentre(admin, { name: 'Jobcenter Dublet', municipality: 'Viborg' });
    const email = newEmail();
    await addConsultant(admin, id, { name: 'Første', email }, { baseUrl: BASE_URL });
    const second = addConsultant(admin, id, { name: 'Anden', email: email.toUpperCase() }, { baseUrl: BASE_URL });
    await expect(second).rejects.toBeInstanceOf(DuplicateError);
    await expect(second).rejects.toMatchObject({ field: 'email', message: expect.stringContaining('Der findes allerede en bruger med denne e-mail') });
    expect((await getJobcentre(admin, id)).consultants).toHaveLength(1);
  });

  it('gives Danish messages at the field for an empty name and a bad email', () => {
    const jobcentre = jobcentreSchema.safeParse({ name: '  ', municipality: 'Aarhus' });
    expect(jobcentre.success).toBe(false);
    expect(jobcentre.error?.issues[0]).toMatchObject({ path: ['name'], message: 'Skriv jobcentrets navn, fx Jobcenter Aarhus.' });
    const added = consultantSchema.safeParse({ name: '', email: 'ikke-en-mail' });
    expect(fieldErrorsOf(added.error!)).toEqual({ name: 'Skriv konsulentens navn.', email: 'Skriv en gyldig e-mailadresse, fx navn@firma.dk.' });
  });

  it('answers an unknown jobcentre with NotFound', async () => {
    await expect(getJobcentre(admin, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(getJobcentre(admin, 'ikke-et-id')).rejects.toBeInstanceOf(NotFoundError);
    await expect(addConsultant(admin, randomUUID(), { name: 'Ingen', email: newEmail() }, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses consultants and companies with ForbiddenError, and creates nothing for them', async () => {
    const { id } = await createJobcentre(admin, { name: 'Jobcenter Forbudt', municipality: 'Holstebro' });
    for (const actor of [consultant, companyActor]) {
      await expect(listJobcentres(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createJobcentre(actor, { name: 'Jobcenter Snyd', municipality: 'Aarhus' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getJobcentre(actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      const email = newEmail();
      await expect(addConsultant(actor, id, { name: 'Snyd', email }, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
    }
  });
});
