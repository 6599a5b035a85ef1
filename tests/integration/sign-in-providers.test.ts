/**
 * Logging in with MitID, MitID Erhverv and the municipality's login, against the real embedded OpenID Provider
 * (idp/test-identity-provider.ts) over HTTP on a local port: the routes start the login, the provider's pages
 * are walked as a browser walks them, and the callback route gives the login its meaning. Every refusal the
 * issue names is here: wrong state, wrong nonce, an expired or replayed code, a code for another client, too
 * low an assurance level, an unknown subject without an invitation, a CVR that does not match, login CSRF and
 * an open redirect. A refusal is logged by its code only.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOneTimeToken } from '../../app/auth/one-time-tokens.server';
import { hashPassword } from '../../app/auth/password.server';
import { providerLogoutUrl } from '../../app/auth/sign-in-providers.server';
import { sessionIdFromToken } from '../../app/auth/session.server';
import { makeValidCvr } from '../../app/domain/cvr';
import { action as startAction } from '../../app/routes/login_.$provider';
import { loader as callbackLoader } from '../../app/routes/login_.$provider_.svar';
import { action as signUpAction, loader as signUpLoader } from '../../app/routes/virksomhed.opret_.mitid';
import { removeColleagueAccess } from '../../app/services/accounts.server';
import { invitationStatus, inviteCitizen } from '../../app/services/invitations.server';
import type { DatabaseHandle } from '../../db/client';
import { citizens, companies, externalIdentities, oneTimeTokens, sessions, signInAttempts, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';
import { APP_ORIGIN, startTestIdentityProvider, walkFrom, type RunningProvider, type SimulatorChoice } from '../helpers/identity-provider';

let handle: DatabaseHandle;
let provider: RunningProvider;
let jobcentreName: string;
let jobcentreId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreName = jobcentre.name;
  jobcentreId = jobcentre.id;
  provider = await startTestIdentityProvider({ staffJobcentre: jobcentreName });
});

afterAll(async () => {
  await provider.stop();
  await handle.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const SLUGS = { mitid: 'mitid', mitid_erhverv: 'mitid-erhverv', staff_sso: 'kommune' } as const;
type Code = keyof typeof SLUGS;

const context = () => ({ clientIp: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`, cspNonce: 'test' });

/** "Log ind med …" pressed on a Jobbro page: the start route's answer (a redirect to the provider). */
async function pressLogin(code: Code, fields: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${APP_ORIGIN}/login/${SLUGS[code]}`, { method: 'POST', headers: { Origin: APP_ORIGIN }, body: new URLSearchParams(fields) });
  return (await startAction({ request, params: { provider: SLUGS[code] }, context: context() })) as Response;
}

/** The callback route's answer: a redirect (logged in, or on to the sign-up) or the refusal page's data. */
async function arriveBack(code: Code, request: Request): Promise<{ status: number; location: string | null; refusal: string | null; cookies: string[] }> {
  let answer: unknown;
  try {
    answer = await callbackLoader({ request, params: { provider: SLUGS[code] }, context: context() });
  } catch (thrown) {
    answer = thrown;
  }
  if (answer instanceof Response) {
    return { status: answer.status, location: answer.headers.get('Location'), refusal: null, cookies: answer.headers.getSetCookie() };
  }
  const result = answer as { data: { refusal: string }; init: { status?: number } | null };
  return { status: result.init?.status ?? 200, location: null, refusal: result.data.refusal, cookies: [] };
}

/** A whole login from the button to the callback's answer. */
async function logIn(code: Code, choice: SimulatorChoice, fields: Record<string, string> = {}) {
  const walk = await walkFrom(await pressLogin(code, fields), choice);
  return { walk, answer: await arriveBack(code, walk.callbackRequest()) };
}

/** The stored id of the browser's login attempt: the SHA-256 of its cookie value, hashed as session tokens are. */
const attemptIdOf = (attemptCookie: string) => sessionIdFromToken(attemptCookie.split('=')[1]!);

function sessionTokenOf(cookies: string[]): string | null {
  const cookie = cookies.find((line) => line.startsWith('jobbro_session='));
  return cookie ? cookie.split(';')[0]!.split('=')[1]! : null;
}

async function userOfSession(cookies: string[]) {
  const token = sessionTokenOf(cookies);
  if (!token) return null;
  const [row] = await handle.db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
  if (!row) return null;
  const [user] = await handle.db.select().from(users).where(eq(users.id, row.userId));
  return user ?? null;
}

/** A citizen of the test jobcentre with a user and a usable invitation link, as a consultant's invitation leaves it. */
async function invitedCitizen() {
  const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentreId)).returning();
  const [user] = await handle.db
    .insert(users)
    .values({ email: `borger-${randomUUID()}@jobbro.test`, name: citizen!.name, role: 'citizen', citizenId: citizen!.id })
    .returning();
  const token = await createOneTimeToken(handle.db, { purpose: 'citizen_invitation', userId: user!.id, email: user!.email, validDays: 7 });
  return { user: user!, token };
}

const newPerson = (): SimulatorChoice => ({ identity: 'new', fields: { name: `Testperson ${randomUUID()}` } });

function randomCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(randomInt(1_000_000, 10_000_000)));
    if (cvr) return cvr;
  }
}

describe('a citizen with MitID', () => {
  it('binds MitID through the invitation, and afterwards logs in with MitID alone', async () => {
    const { user, token } = await invitedCitizen();
    const person = newPerson();
    const first = await logIn('mitid', person, { invitation: token });
    expect(first.answer.location).toBe('/borger?velkommen=1');
    expect((await userOfSession(first.answer.cookies))?.id).toBe(user.id);
    const [invitation] = await handle.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
    expect(invitation!.usedAt).not.toBeNull();
    const [binding] = await handle.db.select().from(externalIdentities).where(eq(externalIdentities.userId, user.id));
    // The provider's subject, never a CPR number, and no password was needed.
    expect(binding!.subject).toMatch(/^test:mitid:/);
    expect(user.passwordHash).toBeNull();

    const later = await logIn('mitid', person);
    expect(later.answer.location).toBe('/borger');
    expect((await userOfSession(later.answer.cookies))?.id).toBe(user.id);

    // The consultant sees that the citizen can log in, and a new invitation is not needed.
    const [consultant] = await handle.db.insert(users).values({ email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Konsulent', role: 'consultant', jobcentreId }).returning();
    const actor = { id: consultant!.id, name: 'Konsulent', role: 'consultant' as const, jobcentreId, companyId: null, citizenId: null };
    expect(await invitationStatus(actor, user.citizenId!)).toMatchObject({ hasAccess: true, pending: null });
    await expect(inviteCitizen(actor, user.citizenId!, { baseUrl: APP_ORIGIN })).rejects.toThrow(/allerede adgang til Jobbro med adgangskode eller MitID/);
  });

  it('is refused with an unknown MitID and no invitation, and the log line holds no personal data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const person = { identity: 'new', fields: { name: 'Karen Særlig Navnesen' } } as const;
    const { answer } = await logIn('mitid', person);
    expect(answer).toMatchObject({ status: 403, refusal: 'unknown_citizen', location: null });
    const logged = warn.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(logged).toContain('unknown_citizen');
    expect(logged).not.toMatch(/Karen|Navnesen|test:mitid/);
  });

  it('is refused below the assurance level "betydelig", and the invitation still works afterwards', async () => {
    const { user, token } = await invitedCitizen();
    const { answer } = await logIn('mitid', { identity: 'new', assurance: 'low', fields: { name: `Lav ${randomUUID()}` } }, { invitation: token });
    expect(answer.refusal).toBe('assurance_too_low');
    expect(await handle.db.select().from(externalIdentities).where(eq(externalIdentities.userId, user.id))).toHaveLength(0);
    const retry = await logIn('mitid', newPerson(), { invitation: token });
    expect((await userOfSession(retry.answer.cookies))?.id).toBe(user.id);
  });

  it('is told that the login was cancelled', async () => {
    const { answer } = await logIn('mitid', { cancel: true });
    expect(answer.refusal).toBe('cancelled');
  });

  it('cannot bind a MitID that belongs to another citizen', async () => {
    const first = await invitedCitizen();
    const second = await invitedCitizen();
    const person = newPerson();
    await logIn('mitid', person, { invitation: first.token });
    const { answer } = await logIn('mitid', person, { invitation: second.token });
    expect(answer.refusal).toBe('identity_taken');
  });
});

describe('the answer from the provider is checked', () => {
  it('refuses a state that does not match the login this browser started', async () => {
    const walk = await walkFrom(await pressLogin('mitid'), newPerson());
    const tampered = new URL(walk.callbackUrl);
    tampered.searchParams.set('state', 'forged-state');
    expect((await arriveBack('mitid', walk.callbackRequest(walk.attemptCookie, tampered.toString()))).refusal).toBe('state_mismatch');
  });

  it('refuses an answer in a browser that did not start the login (login CSRF)', async () => {
    // The attacker's own login, its callback link opened in the victim's browser: no attempt cookie, or the victim's own.
    const attackers = await walkFrom(await pressLogin('mitid'), newPerson());
    const victims = await pressLogin('mitid');
    const victimCookie = victims.headers.get('Set-Cookie')!.split(';')[0]!;
    expect((await arriveBack('mitid', attackers.callbackRequest(null))).refusal).toBe('state_mismatch');
    expect((await arriveBack('mitid', attackers.callbackRequest(victimCookie))).refusal).toBe('state_mismatch');
  });

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    const { user, token } = await invitedCitizen();
    const walk = await walkFrom(await pressLogin('mitid', { invitation: token }), newPerson());
    const attemptId = attemptIdOf(walk.attemptCookie);
    await handle.db.update(signInAttempts).set({ nonce: 'another-nonce' }).where(eq(signInAttempts.id, attemptId));
    const answer = await arriveBack('mitid', walk.callbackRequest());
    expect(answer.refusal).toBe('token_invalid');
    expect(await handle.db.select().from(externalIdentities).where(eq(externalIdentities.userId, user.id))).toHaveLength(0);
  });

  it('refuses a login that took too long', async () => {
    const walk = await walkFrom(await pressLogin('mitid'), newPerson());
    const attemptId = attemptIdOf(walk.attemptCookie);
    await handle.db.update(signInAttempts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInAttempts.id, attemptId));
    expect((await arriveBack('mitid', walk.callbackRequest())).refusal).toBe('expired');
  });

  it('refuses a replayed answer, also when the code is slipped into a new login', async () => {
    const { token } = await invitedCitizen();
    const person = newPerson();
    const walk = await walkFrom(await pressLogin('mitid', { invitation: token }), person);
    expect((await arriveBack('mitid', walk.callbackRequest())).location).toBe('/borger?velkommen=1');
    // The same answer again: the attempt is used up.
    expect((await arriveBack('mitid', walk.callbackRequest())).refusal).toBe('state_mismatch');
    // The used code in a fresh login of the same browser: the provider refuses a second exchange.
    const fresh = await pressLogin('mitid');
    const freshCookie = fresh.headers.get('Set-Cookie')!.split(';')[0]!;
    const oldState = new URL(walk.callbackUrl).searchParams.get('state')!;
    await handle.db.update(signInAttempts).set({ state: oldState }).where(eq(signInAttempts.id, attemptIdOf(freshCookie)));
    expect((await arriveBack('mitid', walk.callbackRequest(freshCookie))).refusal).toBe('expired');
  });

  it('refuses a code issued to another client (a token for another audience)', async () => {
    // A code MitID Erhverv gave the company client, delivered to the citizens' callback with a matching state.
    const companyWalk = await walkFrom(await pressLogin('mitid_erhverv'), {
      identity: 'new',
      fields: { name: 'Anden Klient', email: `klient-${randomUUID()}@firma.test`, cvr: randomCvr(), organisation: 'Klient ApS' },
    });
    const citizenStart = await pressLogin('mitid');
    const citizenCookie = citizenStart.headers.get('Set-Cookie')!.split(';')[0]!;
    const companyState = new URL(companyWalk.callbackUrl).searchParams.get('state')!;
    await handle.db.update(signInAttempts).set({ state: companyState }).where(eq(signInAttempts.id, attemptIdOf(citizenCookie)));
    const misdelivered = new URL(companyWalk.callbackUrl.replace('/login/mitid-erhverv/', '/login/mitid/'));
    const answer = await arriveBack('mitid', companyWalk.callbackRequest(citizenCookie, misdelivered.toString()));
    expect(answer.refusal).toBe('expired');
    expect(answer.location).toBeNull();
  });

  it('never sends anyone to another site after the login (open redirect)', async () => {
    const { token } = await invitedCitizen();
    const { answer } = await logIn('mitid', newPerson(), { invitation: token, redirectTo: '//evil.example/borger' });
    expect(answer.location).toBe('/borger?velkommen=1');
    const kept = await logIn('mitid', newPerson(), { redirectTo: 'https://evil.example' });
    expect(kept.answer.refusal).toBe('unknown_citizen');
  });

  it('logs out at the provider too: "Log af" goes to its end_session endpoint with the ID token', async () => {
    const { token } = await invitedCitizen();
    const { answer } = await logIn('mitid', newPerson(), { invitation: token });
    const request = new Request(`${APP_ORIGIN}/logout`, { method: 'POST', headers: { Cookie: `jobbro_session=${sessionTokenOf(answer.cookies)}` } });
    const url = new URL((await providerLogoutUrl(request, APP_ORIGIN))!);
    expect(url.toString().startsWith(provider.issuer)).toBe(true);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_ORIGIN}/login`);
  });
});

describe('a company with MitID Erhverv', () => {
  const employee = (cvr: string, organisation: string, email = `medarbejder-${randomUUID()}@firma.test`): SimulatorChoice => ({
    identity: 'new',
    assurance: 'low',
    fields: { name: 'Mia Medarbejder', email, cvr, organisation },
  });

  it('signs up with CVR and name from the token, and a second employee is let into the company', async () => {
    const cvr = randomCvr();
    const organisation = `Solsikken ${randomUUID().slice(0, 6)} ApS`;
    const { answer } = await logIn('mitid_erhverv', employee(cvr, organisation));
    expect(answer.location).toBe('/virksomhed/opret/mitid');
    const signUpCookie = answer.cookies.find((line) => line.startsWith('jobbro_mitid_sign_up='))!.split(';')[0]!;

    const page = (await signUpLoader({ request: new Request(`${APP_ORIGIN}/virksomhed/opret/mitid`, { headers: { Cookie: signUpCookie } }), params: {}, context: context() })) as {
      signUp: { cvr: string; organisationName: string };
    };
    expect(page.signUp).toMatchObject({ cvr, organisationName: organisation });

    const form = { address: 'Åboulevarden 1', postcode: '8000', industry: 'Rengøring', ordinaryEmployees: '12', phone: '86 12 34 56', email: 'kontakt@solsikken.test' };
    // Bad input keeps every value and names the field.
    const bad = (await signUpAction({
      request: new Request(`${APP_ORIGIN}/virksomhed/opret/mitid`, { method: 'POST', headers: { Cookie: signUpCookie }, body: new URLSearchParams({ ...form, postcode: '0000' }) }),
      params: {},
      context: context(),
    })) as { data: { values: Record<string, string>; errors: Record<string, string> }; init: { status: number } };
    expect(bad.init.status).toBe(400);
    expect(bad.data.errors.postcode).toMatch(/Postnummeret findes ikke/);
    expect(bad.data.values.address).toBe('Åboulevarden 1');
    expect(await handle.db.select().from(companies).where(eq(companies.cvr, cvr))).toHaveLength(0);

    const done = (await signUpAction({
      request: new Request(`${APP_ORIGIN}/virksomhed/opret/mitid`, { method: 'POST', headers: { Cookie: signUpCookie }, body: new URLSearchParams(form) }),
      params: {},
      context: context(),
    })) as Response;
    expect(done.headers.get('Location')).toBe('/virksomhed?velkommen=1');
    const [company] = await handle.db.select().from(companies).where(eq(companies.cvr, cvr));
    expect(company).toMatchObject({ name: organisation, city: 'Aarhus C' });
    const founder = await userOfSession(done.headers.getSetCookie());
    expect(founder).toMatchObject({ role: 'company', companyId: company!.id });

    const second = await logIn('mitid_erhverv', employee(cvr, organisation));
    expect(second.answer.location).toBe('/virksomhed');
    const colleague = await userOfSession(second.answer.cookies);
    expect(colleague).toMatchObject({ role: 'company', companyId: company!.id });
    expect(colleague!.id).not.toBe(founder!.id);
  });

  it('lets the company remove an employee, who then cannot get in with MitID Erhverv again', async () => {
    const company = await insertTestCompany(handle.db);
    const [admin] = await handle.db
      .insert(users)
      .values({ email: `admin-${randomUUID()}@firma.test`, name: 'Ejer', role: 'company', companyId: company.id, passwordHash: await hashPassword('en-lang-adgangskode-1') })
      .returning();
    const person = employee(company.cvr, company.name);
    const first = await logIn('mitid_erhverv', person);
    const colleague = await userOfSession(first.answer.cookies);
    await removeColleagueAccess({ id: admin!.id, role: 'company', companyId: company.id, jobcentreId: null, citizenId: null, name: 'Ejer' }, colleague!.id);
    expect((await logIn('mitid_erhverv', person)).answer.refusal).toBe('access_removed');
  });

  it('refuses a MitID Erhverv whose CVR no longer matches the company of its user', async () => {
    const company = await insertTestCompany(handle.db);
    const email = `skifter-${randomUUID()}@firma.test`;
    await logIn('mitid_erhverv', employee(company.cvr, company.name, email));
    const other = await insertTestCompany(handle.db);
    expect((await logIn('mitid_erhverv', employee(other.cvr, other.name, email))).answer.refusal).toBe('company_mismatch');
  });

  it('refuses a token without a CVR number', async () => {
    const { answer } = await logIn('mitid_erhverv', employee('', ''));
    expect(answer.refusal).toBe('company_missing_cvr');
  });
});

describe('staff through the municipality’s login', () => {
  const staff = (role: string, email = `medarbejder-${randomUUID()}@kommune.test`, assurance: 'low' | 'substantial' = 'substantial'): SimulatorChoice => ({
    identity: 'new',
    assurance,
    fields: { name: 'Signe Sagsbehandler', email, role },
  });

  it('makes a consultant of the jobcentre from the role claim and sends them to their jobcentre', async () => {
    const { answer } = await logIn('staff_sso', staff('jobbro-konsulent'));
    expect(answer.location).toBe('/konsulent');
    expect(await userOfSession(answer.cookies)).toMatchObject({ role: 'consultant', jobcentreId });
  });

  it('binds the consultant an administrator already made, by e-mail', async () => {
    const email = `kendt-${randomUUID()}@kommune.test`;
    const [known] = await handle.db.insert(users).values({ email, name: 'Kendt Konsulent', role: 'consultant', jobcentreId }).returning();
    const { answer } = await logIn('staff_sso', staff('jobbro-konsulent', email));
    expect((await userOfSession(answer.cookies))?.id).toBe(known!.id);
  });

  it('maps the administrator role', async () => {
    const { answer } = await logIn('staff_sso', staff('jobbro-administrator'));
    expect(answer.location).toBe('/admin');
    expect(await userOfSession(answer.cookies)).toMatchObject({ role: 'admin', jobcentreId: null });
  });

  it('refuses a staff member without a Jobbro role, and a consultant below "betydelig"', async () => {
    expect((await logIn('staff_sso', staff(''))).answer.refusal).toBe('unknown_role');
    expect((await logIn('staff_sso', staff('jobbro-konsulent', undefined, 'low'))).answer.refusal).toBe('assurance_too_low');
  });

  it("refuses a consultant of another jobcentre that the municipality's login does not serve", async () => {
    const other = await insertTestJobcentre(handle.db);
    const email = `anden-${randomUUID()}@kommune.test`;
    await handle.db.insert(users).values({ email, name: 'Anden Konsulent', role: 'consultant', jobcentreId: other.id });
    expect((await logIn('staff_sso', staff('jobbro-konsulent', email))).answer.refusal).toBe('unknown_jobcentre');
  });
});
