/**
 * A person's own account (issue 12, items 10 and 17): "Min konto" lists where they are logged in and ends
 * those sessions, changes the password; a company takes a colleague's access away, a consultant a citizen's.
 * Through the route modules where the answer (302/400/403/404) is the promise.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server';
import { createSession, generateSessionToken, sessionIdFromToken, startSession, validateSessionToken } from '../../app/auth/session.server';
import { action as citizenPageAction } from '../../app/routes/konsulent.borgere.$citizenId._index';
import { action as accountAction, loader as accountLoader } from '../../app/routes/konto';
import { action as companyProfileAction, loader as companyProfileLoader } from '../../app/routes/virksomhed.profil';
import { AccessRefusedError, authenticate, removeColleagueAccess } from '../../app/services/accounts.server';
import type { Actor } from '../../app/services/actor';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import {
  acceptCitizenInvitation,
  citizenInvitation,
  INVITATION_PURPOSES,
  InvitationRefusedError,
  invitationStatus,
  inviteCitizen,
  removeCitizenAccess,
} from '../../app/services/invitations.server';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, citizens, mailOutbox, sessions, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'min-gamle-lange-kode';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let handle: DatabaseHandle;
let passwordHash: string;
let jobcentreId: string;
let consultant: Actor;
let otherConsultant: Actor;

function randomIp() {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string } = {}, name = 'Test Person') {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, passwordHash, ...links })
    .returning();
  return { id: user!.id, email: user!.email, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

/** Logs the user in from a browser: the Cookie header that browser would send. */
async function cookieFor(userId: string, userAgent: string | null = null, now = new Date()) {
  const { setCookie } = await startSession(userId, now, userAgent);
  return setCookie.split(';')[0]!;
}

function post(url: string, cookie: string, fields: Record<string, string>) {
  return new Request(`${ORIGIN}${url}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

const context = () => ({ clientIp: randomIp(), cspNonce: 'test' });

/** The status of a loader's or action's answer, thrown or returned. */
async function answerOf(work: () => Promise<unknown>): Promise<{ status: number; location: string | null; data: unknown }> {
  try {
    const answer = await work();
    if (answer instanceof Response) return { status: answer.status, location: answer.headers.get('Location'), data: null };
    const shaped = answer as { init?: { status?: number }; data?: unknown; type?: string };
    if (shaped?.type === 'DataWithResponseInit') return { status: shaped.init?.status ?? 200, location: null, data: shaped.data };
    return { status: 200, location: null, data: answer };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location'), data: null };
    const shaped = thrown as { init: { status: number }; data: unknown };
    return { status: shaped.init.status, location: null, data: shaped.data };
  }
}

beforeAll(async () => {
  handle = await openTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreId = jobcentre.id;
  const other = await insertTestJobcentre(handle.db);
  consultant = await insertUser('consultant', { jobcentreId }, 'Mette Konto');
  otherConsultant = await insertUser('consultant', { jobcentreId: other.id }, 'Lone Konto');
});

afterAll(async () => {
  await handle?.close();
});

describe('"Min konto": where am I logged in', () => {
  it('lists the user’s own live sessions with browser, start and last use, and marks this device', async () => {
    const user = await insertUser('citizen');
    const stranger = await insertUser('citizen');
    const here = await cookieFor(user.id, FIREFOX);
    await cookieFor(user.id, CHROME, new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
    await cookieFor(stranger.id, CHROME);
    // An old session past its 30 days is not shown as a place one is logged in.
    await createSession(generateSessionToken(), user.id, new Date(Date.now() - 40 * 24 * 60 * 60 * 1000));

    const page = (await answerOf(() => accountLoader({ request: new Request(`${ORIGIN}/konto`, { headers: { Cookie: here } }), params: {}, context: context() })))
      .data as { language: string; email: string; staff: boolean; sessions: { userAgent: string | null; current: boolean; createdAt: Date }[] };
    expect(page).toMatchObject({ language: 'da', email: user.email, staff: false });
    expect(page.sessions.map(({ userAgent, current }) => ({ userAgent, current }))).toEqual([
      { userAgent: 'Firefox · Linux', current: true },
      { userAgent: 'Chrome · Windows', current: false },
    ]);
  });

  it('sends a visitor to log in', async () => {
    const answer = await answerOf(() => accountLoader({ request: new Request(`${ORIGIN}/konto`), params: {}, context: context() }));
    expect(answer).toMatchObject({ status: 302, location: '/login?redirectTo=%2Fkonto' });
  });

  it('ends one of the user’s other sessions, and answers 404 for someone else’s session id without ending it', async () => {
    const user = await insertUser('company', { companyId: (await insertTestCompany(handle.db)).id });
    const stranger = await insertUser('consultant', { jobcentreId });
    const here = await cookieFor(user.id, FIREFOX);
    const phoneToken = generateSessionToken();
    const phone = await createSession(phoneToken, user.id, new Date(), CHROME);
    const strangersToken = generateSessionToken();
    const strangers = await createSession(strangersToken, stranger.id);

    const foreign = await answerOf(() => accountAction({ request: post('/konto', here, { intent: 'end-session', sessionId: strangers.id }), params: {}, context: context() }));
    expect(foreign.status).toBe(404);
    expect(await validateSessionToken(strangersToken)).not.toBeNull();

    const own = await answerOf(() => accountAction({ request: post('/konto', here, { intent: 'end-session', sessionId: phone.id }), params: {}, context: context() }));
    expect(own).toMatchObject({ status: 302, location: '/konto?enhed=logget-af' });
    expect(await validateSessionToken(phoneToken)).toBeNull();
    expect(await validateSessionToken(here.split('=')[1]!)).not.toBeNull();
  });

  it('"Log af de andre enheder" ends every session but this one', async () => {
    const user = await insertUser('admin');
    const here = await cookieFor(user.id, FIREFOX);
    const others = [generateSessionToken(), generateSessionToken()];
    for (const token of others) await createSession(token, user.id, new Date(), CHROME);

    const answer = await answerOf(() => accountAction({ request: post('/konto', here, { intent: 'end-others' }), params: {}, context: context() }));
    expect(answer).toMatchObject({ status: 302, location: '/konto?andre=2' });
    for (const token of others) expect(await validateSessionToken(token)).toBeNull();
    const left = await handle.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toEqual([{ id: sessionIdFromToken(here.split('=')[1]!) }]);
  });
});

describe('"Min konto": changing the password', () => {
  const change = (cookie: string, fields: Record<string, string>, ip = randomIp()) =>
    answerOf(() =>
      accountAction({ request: post('/konto', cookie, { intent: 'change-password', ...fields }), params: {}, context: { clientIp: ip, cspNonce: 'test' } }),
    );

  it('tells each problem at its field: a wrong current password, a weak or short new one, two that differ', async () => {
    const user = await insertUser('citizen');
    const here = await cookieFor(user.id);
    const errorsOf = async (fields: Record<string, string>) => {
      const answer = await change(here, fields);
      expect(answer.status).toBe(400);
      return (answer.data as { errors: Record<string, string> }).errors;
    };
    expect(await errorsOf({ currentPassword: 'forkert-men-lang', newPassword: 'blå-tekande-sommerfugl', repeatPassword: 'blå-tekande-sommerfugl' })).toEqual({
      currentPassword: 'Den nuværende adgangskode er forkert. Prøv igen, eller log af og brug "Har du glemt din adgangskode?".',
    });
    expect((await errorsOf({ currentPassword: PASSWORD, newPassword: 'kort-kode', repeatPassword: 'kort-kode' })).newPassword).toMatch(/^Adgangskoden skal være mindst 12 tegn\./);
    expect((await errorsOf({ currentPassword: PASSWORD, newPassword: 'password1234', repeatPassword: 'password1234' })).newPassword).toMatch(/^Adgangskoden er for almindelig\./);
    expect(await errorsOf({ currentPassword: PASSWORD, newPassword: 'blå-tekande-sommerfugl', repeatPassword: 'blå-tekande-sommerfug' })).toEqual({
      repeatPassword: 'De to nye adgangskoder er ikke ens. Skriv den samme i begge felter.',
    });
    expect((await errorsOf({ currentPassword: '', newPassword: '', repeatPassword: '' })).currentPassword).toBe('Skriv din nuværende adgangskode.');
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
  });

  it('changes it: the other sessions end, this one stays, the old password is refused and the new one works', async () => {
    const user = await insertUser('consultant', { jobcentreId });
    const here = await cookieFor(user.id, FIREFOX);
    const elsewhere = generateSessionToken();
    await createSession(elsewhere, user.id, new Date(), CHROME);

    const answer = await change(here, { currentPassword: PASSWORD, newPassword: 'blå-tekande-sommerfugl', repeatPassword: 'blå-tekande-sommerfugl' });
    expect(answer).toMatchObject({ status: 302, location: '/konto?adgangskode=skiftet' });
    expect(await validateSessionToken(elsewhere)).toBeNull();
    expect(await validateSessionToken(here.split('=')[1]!)).not.toBeNull();
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
    expect((await authenticate({ email: user.email, password: 'blå-tekande-sommerfugl', ip: randomIp() })).ok).toBe(true);
  });

  it('counts a wrong current password as a failed login, so an open session cannot be used to guess it', async () => {
    const user = await insertUser('citizen');
    const here = await cookieFor(user.id);
    const ip = randomIp();
    const fields = { currentPassword: 'gæt-nummer-et-langt', newPassword: 'blå-tekande-sommerfugl', repeatPassword: 'blå-tekande-sommerfugl' };
    for (let attempt = 0; attempt < 3; attempt++) expect((await change(here, fields, ip)).status).toBe(400);
    const refused = await change(here, { ...fields, currentPassword: PASSWORD }, ip);
    expect(refused.status).toBe(429);
    expect((refused.data as { errors: Record<string, string> }).errors.currentPassword).toMatch(/^For mange forkerte forsøg\. Vent \d sekund/);
  });
});

describe('a company takes a colleague’s access away', () => {
  async function companyWithColleagues(count = 2) {
    const company = await insertTestCompany(handle.db);
    const people = [];
    for (let index = 0; index < count; index++) people.push(await insertUser('company', { companyId: company.id }, `Kollega ${index + 1}`));
    return { company, people };
  }

  it('"Fjern adgang": the colleague is logged out everywhere and their login is refused like a wrong password', async () => {
    const { people } = await companyWithColleagues();
    const [owner, leaver] = people as [Actor & { email: string }, Actor & { email: string }];
    const leaversToken = generateSessionToken();
    await createSession(leaversToken, leaver.id);

    expect(await removeColleagueAccess(owner, leaver.id)).toEqual({ name: 'Kollega 2' });
    expect(await validateSessionToken(leaversToken)).toBeNull();
    expect(await authenticate({ email: leaver.email, password: PASSWORD, ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
    await expect(removeColleagueAccess(owner, leaver.id)).rejects.toBeInstanceOf(AccessRefusedError);
  });

  it('refuses one’s own access, so at least one active user is always left', async () => {
    const { people } = await companyWithColleagues(1);
    await expect(removeColleagueAccess(people[0]!, people[0]!.id)).rejects.toThrow('Du kan ikke fjerne din egen adgang');
    expect((await authenticate({ email: people[0]!.email, password: PASSWORD, ip: randomIp() })).ok).toBe(true);
  });

  it('knows no other company’s users and lets no other role do it', async () => {
    const ours = await companyWithColleagues(1);
    const theirs = await companyWithColleagues(1);
    await expect(removeColleagueAccess(ours.people[0]!, theirs.people[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeColleagueAccess(ours.people[0]!, consultant.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeColleagueAccess(ours.people[0]!, 'ikke-et-id')).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeColleagueAccess(consultant, theirs.people[0]!.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('through the profile page: confirm, remove, 404 for another company’s user, 403 for a consultant', async () => {
    const ours = await companyWithColleagues();
    const theirs = await companyWithColleagues(1);
    const [owner, leaver] = ours.people;
    const asOwner = await cookieFor(owner!.id);
    const profile = (await answerOf(() =>
      companyProfileLoader({ request: new Request(`${ORIGIN}/virksomhed/profil?fjern=${leaver!.id}`, { headers: { Cookie: asOwner } }), params: {}, context: context() }),
    )).data as { confirming: { id: string } | null };
    expect(profile.confirming?.id).toBe(leaver!.id);

    const remove = (cookie: string, colleagueId: string) =>
      answerOf(() => companyProfileAction({ request: post('/virksomhed/profil', cookie, { intent: 'remove-access', colleagueId }), params: {}, context: context() }));
    expect((await remove(asOwner, theirs.people[0]!.id)).status).toBe(404);
    expect((await remove(await cookieFor(consultant.id), leaver!.id)).status).toBe(403);
    expect((await remove(asOwner, owner!.id)).status).toBe(400);
    expect(await remove(asOwner, leaver!.id)).toMatchObject({ status: 302, location: `/virksomhed/profil?fjernet=${leaver!.id}` });
    const [row] = await handle.db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, theirs.people[0]!.id));
    expect(row?.deactivatedAt).toBeNull();
  });
});

describe('a consultant takes a citizen’s login away and gives it back', () => {
  /** A citizen of the consultant's jobcentre who has accepted an invitation and chosen `password`. */
  async function citizenWithLogin(password = 'borgerens-egen-lange-kode') {
    const email = `borger-${randomUUID()}@jobbro.test`;
    const [row] = await handle.db.insert(citizens).values(testCitizen(jobcentreId, { name: 'Karin Konto', email, consultantId: consultant.id })).returning({ id: citizens.id });
    await inviteCitizen(consultant, row!.id, { baseUrl: ORIGIN });
    await acceptCitizenInvitation(await latestLinkTokenTo(email), password);
    return { citizenId: row!.id, email };
  }

  async function latestLinkTokenTo(email: string): Promise<string> {
    const mails = await handle.db.select({ body: mailOutbox.body }).from(mailOutbox).where(eq(mailOutbox.to, email));
    return /\/velkommen\/([a-z2-7]{32})/.exec(mails.at(-1)!.body)![1]!;
  }

  it('ends the citizen’s sessions, refuses the login like a wrong password, logs it for the citizen, and a new invitation gives it back', async () => {
    const { citizenId, email } = await citizenWithLogin();
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const token = generateSessionToken();
    await createSession(token, user!.id);

    await removeCitizenAccess(consultant, citizenId);
    expect(await validateSessionToken(token)).toBeNull();
    expect(await authenticate({ email, password: 'borgerens-egen-lange-kode', ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
    expect(await invitationStatus(consultant, citizenId, new Date(), { logRead: false })).toMatchObject({ hasAccess: false, accessRemoved: true });
    const logged = await handle.db
      .select({ purpose: accessLog.purpose })
      .from(accessLog)
      .where(and(eq(accessLog.citizenId, citizenId), eq(accessLog.purpose, INVITATION_PURPOSES.removeAccess)));
    expect(logged).toHaveLength(1);
    await expect(removeCitizenAccess(consultant, citizenId)).rejects.toBeInstanceOf(InvitationRefusedError);

    await inviteCitizen(consultant, citizenId, { baseUrl: ORIGIN });
    const newLink = await latestLinkTokenTo(email);
    expect(await citizenInvitation(newLink)).toMatchObject({ email });
    expect(await acceptCitizenInvitation(newLink, 'en-helt-ny-borgerkode')).toEqual({ userId: user!.id });
    expect((await authenticate({ email, password: 'en-helt-ny-borgerkode', ip: randomIp() })).ok).toBe(true);
    expect(await authenticate({ email, password: 'borgerens-egen-lange-kode', ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
    expect(await invitationStatus(consultant, citizenId, new Date(), { logRead: false })).toMatchObject({ hasAccess: true, accessRemoved: false });
  });

  it('only a consultant of the citizen’s jobcentre may, through the citizen’s page: 404 for another jobcentre, 403 for a company', async () => {
    const { citizenId, email } = await citizenWithLogin();
    const company = await insertUser('company', { companyId: (await insertTestCompany(handle.db)).id });
    await expect(removeCitizenAccess(otherConsultant, citizenId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeCitizenAccess(company, citizenId)).rejects.toBeInstanceOf(ForbiddenError);

    const remove = async (actorId: string) =>
      answerOf(async () =>
        citizenPageAction({
          request: post(`/konsulent/borgere/${citizenId}`, await cookieFor(actorId), { intent: 'remove-access' }),
          params: { citizenId },
          context: context(),
        }),
      );
    expect((await remove(otherConsultant.id)).status).toBe(404);
    expect((await remove(company.id)).status).toBe(403);
    expect((await authenticate({ email, password: 'borgerens-egen-lange-kode', ip: randomIp() })).ok).toBe(true);
    expect((await remove(consultant.id)).status).toBe(302);
    expect(await authenticate({ email, password: 'borgerens-egen-lange-kode', ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
  });
});
