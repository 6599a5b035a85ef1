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
import {
  addConsultant,
  ConsultantStateError,
  createJobcentre,
  deactivateConsultant,
  getJobcentre,
  listJobcentres,
  resendConsultantLink,
} from '../../app/services/jobcentres.server';
import { passwordResetFor, requestPasswordReset, resetPassword } from '../../app/services/password-reset.server';
import { createSession, generateSessionToken, validateSessionToken } from '../../app/auth/session.server';
import { action as jobcentreAction, loader as jobcentreLoader } from '../../app/routes/admin.jobcentre.$jobcentreId';
import { consultantSchema, jobcentreSchema } from '../../app/domain/jobcentre-rules';
import { fieldErrorsOf } from '../../app/ui/form';
import { db, type DatabaseHandle } from '../../db/client';
import { citizens, mailOutbox, sessions, users } from '../../db/schema';
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
    expect(page.consultants).toEqual([{ id: added.userId, name: 'Mads Konsulent', email, role: 'consultant', hasPassword: false, deactivatedAt: null, openCases: 0 }]);

    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id));
    expect(mail?.body).toContain(added.link);
    expect(mail?.body).toContain('Jobcenter Link');

    const token = added.link.split('/').pop()!;
    expect(await resetPassword(token, 'en-god-adgangskode-til-mads')).toEqual({ userId: added.userId });
    const login = await authenticate({ email, password: 'en-god-adgangskode-til-mads', ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
    expect(login.ok && login.user).toMatchObject({ role: 'consultant', jobcentreId: id });
  });

  it('adds a jobcentre leader the same way: listed as leader, mailed a first link, logs in as a leader of that jobcentre', async () => {
    const { id } = await createJobcentre(admin, { name: 'Jobcenter Leder', municipality: 'Skive' });
    const email = newEmail();
    const added = await addConsultant(admin, id, { name: 'Lise Leder', email, role: 'leader' }, { baseUrl: BASE_URL });

    const page = await getJobcentre(admin, id);
    expect(page.consultants).toEqual([{ id: added.userId, name: 'Lise Leder', email, role: 'leader', hasPassword: false, deactivatedAt: null, openCases: 0 }]);
    // A leader is no consultant: the jobcentre list counts consultants only.
    expect((await listJobcentres(admin)).find((row) => row.id === id)).toMatchObject({ consultants: 0 });
    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id));
    expect(mail?.body).toContain('Du er oprettet som jobcenterleder for Jobcenter Leder.');

    const resent = await resendConsultantLink(admin, id, added.userId, { baseUrl: BASE_URL });
    const token = resent.link.split('/').pop()!;
    expect(await resetPassword(token, 'en-god-adgangskode-til-lise')).toEqual({ userId: added.userId });
    const login = await authenticate({ email, password: 'en-god-adgangskode-til-lise', ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
    expect(login.ok && login.user).toMatchObject({ role: 'leader', jobcentreId: id });
  });

  it('refuses a role other than consultant or leader at the field', () => {
    const parsed = consultantSchema.safeParse({ name: 'Ida', email: newEmail(), role: 'admin' });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toMatchObject({ role: 'Vælg, om medarbejderen er konsulent eller jobcenterleder.' });
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
    expect(fieldErrorsOf(added.error!)).toEqual({ name: 'Skriv medarbejderens navn.', email: 'Skriv en gyldig e-mailadresse, fx navn@firma.dk.' });
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

const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const tokenOf = (link: string) => link.split('/').pop()!;

async function newConsultant(jobcentreName: string) {
  const { id } = await createJobcentre(admin, { name: jobcentreName, municipality: 'Herning' });
  const email = newEmail();
  const added = await addConsultant(admin, id, { name: 'Lise Konsulent', email }, { baseUrl: BASE_URL });
  return { jobcentreId: id, ...added };
}

describe('a new consultant whose first link is lost or expired', () => {
  it('gets a new link: the old one stops working, the new one is mailed, welcomes and sets the first password', async () => {
    const { jobcentreId, email, userId, link: oldLink } = await newConsultant('Jobcenter Nyt Link');
    const resent = await resendConsultantLink(admin, jobcentreId, userId, { baseUrl: BASE_URL });
    expect(resent.link).not.toBe(oldLink);

    expect(await passwordResetFor(tokenOf(oldLink))).toBeNull();
    expect(await resetPassword(tokenOf(oldLink), 'en-god-adgangskode-til-lise')).toBeNull();
    expect(await passwordResetFor(tokenOf(resent.link))).toEqual({ email, firstPassword: true });

    const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id));
    expect(mail?.body).toContain(resent.link);
    expect(mail?.subject).toContain('Velkommen');
    expect(mail?.body).not.toMatch(/ny adgangskode/i);

    expect(await resetPassword(tokenOf(resent.link), 'en-god-adgangskode-til-lise')).toEqual({ userId });
    expect(await authenticate({ email, password: 'en-god-adgangskode-til-lise', ip: randomIp() })).toMatchObject({ ok: true });
    expect((await getJobcentre(admin, jobcentreId)).consultants[0]).toMatchObject({ hasPassword: true });
  });

  it('refuses a new link, at the row, to a consultant who already chose a password', async () => {
    const { jobcentreId, userId, link } = await newConsultant('Jobcenter Har Kode');
    await resetPassword(tokenOf(link), 'en-god-adgangskode-til-lise');
    const refused = resendConsultantLink(admin, jobcentreId, userId, { baseUrl: BASE_URL });
    await expect(refused).rejects.toBeInstanceOf(ConsultantStateError);
    await expect(refused).rejects.toMatchObject({ consultantId: userId, message: expect.stringContaining('har allerede valgt en adgangskode') });
  });
});

describe('deactivating a consultant who has left', () => {
  it('ends their sessions and refuses their login with the same answer as a wrong password; their citizens stay theirs', async () => {
    const { jobcentreId, email, userId, link } = await newConsultant('Jobcenter Farvel');
    await resetPassword(tokenOf(link), 'en-god-adgangskode-til-lise');
    const citizen = { jobcentreId, consultantId: userId, name: 'Borger Test', ...AARHUS, reachKm: 10, benefitStatus: 'cash_benefit_job_ready' as const, hoursMin: 5, hoursMax: 10 };
    await db().insert(citizens).values([citizen, citizen, { ...citizen, closedAt: new Date() }]);
    const token = generateSessionToken();
    await createSession(token, userId);

    expect(await deactivateConsultant(admin, jobcentreId, userId)).toEqual({ userId, name: 'Lise Konsulent', openCases: 2 });

    expect(await db().select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect(await validateSessionToken(token)).toBeNull();
    const deactivatedLogin = await authenticate({ email, password: 'en-god-adgangskode-til-lise', ip: randomIp() });
    const active = await newConsultant('Jobcenter Bliver');
    await resetPassword(tokenOf(active.link), 'en-god-adgangskode-til-lise');
    const wrongPassword = await authenticate({ email: active.email, password: 'forkert-adgangskode', ip: randomIp() });
    expect(deactivatedLogin).toEqual({ ok: false, reason: 'invalid' });
    expect(deactivatedLogin).toEqual(wrongPassword);

    const mailsBefore = await db().select().from(mailOutbox).where(eq(mailOutbox.to, email));
    await requestPasswordReset(email, { baseUrl: BASE_URL });
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(mailsBefore.length);

    expect(await db().select({ id: citizens.id }).from(citizens).where(eq(citizens.consultantId, userId))).toHaveLength(3);
    const [row] = (await getJobcentre(admin, jobcentreId)).consultants;
    expect(row).toMatchObject({ id: userId, openCases: 2, deactivatedAt: expect.any(Date) });
    expect((await listJobcentres(admin)).find((jobcentre) => jobcentre.id === jobcentreId)).toMatchObject({ consultants: 0, openCases: 2 });
    await expect(deactivateConsultant(admin, jobcentreId, userId)).rejects.toBeInstanceOf(ConsultantStateError);
  });

  it('kills a first link not yet used, and sends no new one', async () => {
    const { jobcentreId, userId, link } = await newConsultant('Jobcenter Aldrig Startet');
    await deactivateConsultant(admin, jobcentreId, userId);
    expect(await resetPassword(tokenOf(link), 'en-god-adgangskode-til-lise')).toBeNull();
    await expect(resendConsultantLink(admin, jobcentreId, userId, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(ConsultantStateError);
  });
});

describe('the consultant buttons refuse', () => {
  it('everyone who is not an administrator, and change nothing for them', async () => {
    const { jobcentreId, userId, link } = await newConsultant('Jobcenter Ingen Adgang');
    for (const actor of [consultant, companyActor]) {
      await expect(resendConsultantLink(actor, jobcentreId, userId, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deactivateConsultant(actor, jobcentreId, userId)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await passwordResetFor(tokenOf(link))).not.toBeNull();
    expect((await getJobcentre(admin, jobcentreId)).consultants[0]).toMatchObject({ deactivatedAt: null });
  });

  it('unknown ids, a consultant of another jobcentre, and a user who is not a consultant', async () => {
    const { jobcentreId, userId } = await newConsultant('Jobcenter Ukendt');
    const other = await newConsultant('Jobcenter Andet');
    for (const [centre, person] of [
      [jobcentreId, randomUUID()],
      [jobcentreId, 'ikke-et-id'],
      [randomUUID(), userId],
      [jobcentreId, other.userId],
      [jobcentreId, companyActor.id],
    ] as const) {
      await expect(resendConsultantLink(admin, centre, person, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deactivateConsultant(admin, centre, person)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('through the page: 403 for a consultant, 404 for an unknown consultant, for the loader and both buttons', async () => {
    const { jobcentreId, userId } = await newConsultant('Jobcenter Siden');
    const cookieFor = async (actor: Actor) => {
      const token = generateSessionToken();
      await createSession(token, actor.id);
      return `jobbro_session=${token}`;
    };
    const url = `http://localhost:3000/admin/jobcentre/${jobcentreId}`;
    const post = (cookie: string, fields: Record<string, string>) =>
      new Request(url, { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost:3000' }, body: new URLSearchParams(fields) });
    const statusOf = async (work: () => Promise<unknown>) => {
      try {
        const answer = await work();
        return answer instanceof Response ? answer.status : ((answer as { init?: { status?: number } })?.init?.status ?? 200);
      } catch (thrown) {
        return thrown instanceof Response ? thrown.status : (thrown as { init: { status: number } }).init.status;
      }
    };
    const args = (request: Request) => ({ request, params: { jobcentreId }, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });

    const asConsultant = await cookieFor(consultant);
    expect(await statusOf(() => jobcentreLoader(args(new Request(url, { headers: { Cookie: asConsultant } }))))).toBe(403);
    expect(await statusOf(() => jobcentreAction(args(post(asConsultant, { intent: 'deactivate', consultantId: userId }))))).toBe(403);
    expect(await statusOf(() => jobcentreAction(args(post(asConsultant, { intent: 'resend', consultantId: userId }))))).toBe(403);

    const asAdmin = await cookieFor(admin);
    expect(await statusOf(() => jobcentreLoader(args(new Request(`${url}?deaktiver=${randomUUID()}`, { headers: { Cookie: asAdmin } }))))).toBe(404);
    expect(await statusOf(() => jobcentreAction(args(post(asAdmin, { intent: 'deactivate', consultantId: randomUUID() }))))).toBe(404);
    expect(await statusOf(() => jobcentreAction(args(post(asAdmin, { intent: 'resend', consultantId: 'ikke-et-id' }))))).toBe(404);
    expect((await getJobcentre(admin, jobcentreId)).consultants[0]).toMatchObject({ deactivatedAt: null });

    expect(await statusOf(() => jobcentreAction(args(post(asAdmin, { intent: 'deactivate', consultantId: userId }))))).toBe(302);
    expect((await getJobcentre(admin, jobcentreId)).consultants[0]).toMatchObject({ deactivatedAt: expect.any(Date) });
  });
});
