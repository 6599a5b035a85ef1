import { randomInt, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server';
import { requireUser, safeRedirectPath } from '../../app/auth/permissions.server';
import { checkLoginAllowed, rateLimitKeyForIp, recordFailedLogin, tooManyAttemptsMessage } from '../../app/auth/rate-limit.server';
import {
  blankSessionCookie,
  createSession,
  endSession,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  readRequestSession,
  readSessionToken,
  sessionCookie,
  sessionIdFromToken,
  startSession,
  validateSessionToken,
} from '../../app/auth/session.server';
import {
  ACCOUNT_LOCK_ADDRESSES,
  ACCOUNT_LOCK_FAILURES,
  ACCOUNT_LOCK_MS,
  MAX_FAILED_LOGINS_PER_ADDRESS,
  PAIR_FREE_FAILURES,
  PAIR_MAX_DELAY_SECONDS,
} from '../../app/domain/login-limits';
import { SLIDING_SESSION, STAFF_SESSION } from '../../app/domain/session-rules';
import type { Role } from '../../app/domain/vocabulary';
import { action as loginAction } from '../../app/routes/login';
import { authenticate } from '../../app/services/accounts.server';
import { resetPassword } from '../../app/services/password-reset.server';
import { db, type DatabaseHandle } from '../../db/client';
import { loginAttempts, mailOutbox, sessions, users } from '../../db/schema';
import { openTestDatabase } from '../helpers/database';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Citizens' and companies' sessions last this long and slide forward. */
const SESSION_LIFETIME_MS = SLIDING_SESSION.kind === 'sliding' ? SLIDING_SESSION.lifetimeMs : 0;
const PASSWORD = 'en-god-adgangskode';

let handle: DatabaseHandle | undefined;
let passwordHash: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await handle?.close();
});

/** Each test makes its own people and its own client address, so no test sees another's rows. */
async function createUser(role: Role = 'consultant') {
  const email = `auth-${randomUUID()}@jobbro.test`;
  const [user] = await db()
    .insert(users)
    .values({ email, name: 'Test Testesen', role, passwordHash })
    .returning({ id: users.id, email: users.email, role: users.role });
  return user!;
}

function randomIp() {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

function requestWithCookie(cookie: string | null, url = 'http://localhost:3000/konsulent') {
  return new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
}

async function storedSession(id: string) {
  const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
  return row;
}

describe('sessions', () => {
  it('issues 20 random bytes as 32 lowercase base32 characters', () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateSessionToken()).not.toBe(token);
  });

  it('stores only the SHA-256 of the token: the database never holds the token', async () => {
    const user = await createUser();
    const token = generateSessionToken();
    const session = await createSession(token, user.id);

    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.id).toBe(sessionIdFromToken(token));
    const rows = await db().execute(sql`select * from sessions where user_id = ${user.id}`);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).toContain(session.id);
  });

  it('starts a citizen’s session with a cookie that holds the token and lives 30 days', async () => {
    const user = await createUser('citizen');
    const { session, setCookie } = await startSession(user.id);
    const token = readSessionToken(setCookie.split(';')[0]!);
    expect(sessionIdFromToken(token!)).toBe(session.id);
    expect(setCookie).toContain(`Max-Age=${SESSION_LIFETIME_MS / 1000}`);
    expect((await validateSessionToken(token!))?.user.id).toBe(user.id);
  });

  it('validates a token to the session and the user, without the password hash', async () => {
    const user = await createUser('company');
    const token = generateSessionToken();
    await createSession(token, user.id);

    const result = await validateSessionToken(token);
    expect(result?.user).toEqual({
      id: user.id,
      email: user.email,
      name: 'Test Testesen',
      role: 'company',
      jobcentreId: null,
      companyId: null,
      citizenId: null,
    });
    expect(result?.user).not.toHaveProperty('passwordHash');
  });

  it('rejects an expired session and deletes it', async () => {
    const user = await createUser();
    const token = generateSessionToken();
    const session = await createSession(token, user.id, new Date(Date.now() - 31 * DAY_MS));

    expect(await validateSessionToken(token)).toBeNull();
    expect(await storedSession(session.id)).toBeUndefined();
  });

  it('slides the expiry of a company’s session forward to 30 days when less than 15 are left', async () => {
    const user = await createUser('company');
    const token = generateSessionToken();
    const created = new Date(Date.now() - 16 * DAY_MS);
    const session = await createSession(token, user.id, created);

    const now = new Date();
    const result = await validateSessionToken(token, now);
    expect(result?.renewed).toBe(true);
    expect(result?.session.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
    expect((await storedSession(session.id))?.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);
  });

  it('leaves the expiry alone while more than 15 days are left', async () => {
    const user = await createUser('citizen');
    const token = generateSessionToken();
    const session = await createSession(token, user.id, new Date(Date.now() - 10 * DAY_MS));

    const result = await validateSessionToken(token);
    expect(result?.renewed).toBe(false);
    expect(result?.session.expiresAt.getTime()).toBe(session.expiresAt.getTime());
  });

  it('knows nothing of a forged token', async () => {
    expect(await validateSessionToken(generateSessionToken())).toBeNull();
    expect(await validateSessionToken('not-a-token')).toBeNull();
    expect(await validateSessionToken(`${generateSessionToken()}' or '1'='1`)).toBeNull();
  });

  it('ends a session on logout, and all of a user’s sessions on a password change', async () => {
    const user = await createUser();
    const other = await createUser();
    const [first, second, othersToken] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
    const firstSession = await createSession(first, user.id);
    await createSession(second, user.id);
    await createSession(othersToken, other.id);

    await invalidateSession(firstSession.id);
    expect(await validateSessionToken(first)).toBeNull();
    expect(await validateSessionToken(second)).not.toBeNull();

    await invalidateUserSessions(user.id);
    expect(await validateSessionToken(second)).toBeNull();
    expect(await validateSessionToken(othersToken)).not.toBeNull();
  });

  it('logs out the session named by the request’s cookie and clears the cookie', async () => {
    const user = await createUser();
    const token = generateSessionToken();
    await createSession(token, user.id);

    const setCookie = await endSession(requestWithCookie(`theme=dark; jobbro_session=${token}`));
    expect(setCookie).toBe(blankSessionCookie());
    expect(await validateSessionToken(token)).toBeNull();
  });
});

describe('sessions by role', () => {
  it.each(['consultant', 'admin'] as const)('ends a %s’s session after 30 minutes without use', async (role) => {
    const user = await createUser(role);
    const start = new Date(Date.now() - 2 * 60 * MINUTE_MS);
    const { setCookie } = await startSession(user.id, start);
    expect(setCookie).toContain(`Max-Age=${12 * 60 * 60}`);
    const staffToken = readSessionToken(setCookie.split(';')[0]!)!;
    expect(await validateSessionToken(staffToken, new Date(start.getTime() + 29 * MINUTE_MS))).not.toBeNull();
    expect(await validateSessionToken(staffToken, new Date(start.getTime() + 58 * MINUTE_MS))).not.toBeNull();
    expect(await validateSessionToken(staffToken, new Date(start.getTime() + 88 * MINUTE_MS))).toBeNull();
    expect(await storedSession(sessionIdFromToken(staffToken))).toBeUndefined();
  });

  it('ends a consultant’s session 12 hours after login, even in steady use', async () => {
    const user = await createUser('consultant');
    const token = generateSessionToken();
    const start = new Date(Date.now() - 13 * 60 * MINUTE_MS);
    await createSession(token, user.id, start);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      expect(await validateSessionToken(token, new Date(start.getTime() + minute * MINUTE_MS))).not.toBeNull();
    }
    expect(await validateSessionToken(token, new Date(start.getTime() + 12 * 60 * MINUTE_MS))).toBeNull();
  });

  it('keeps a citizen logged in after three weeks without use, and a company for 30 days', async () => {
    const citizen = await createUser('citizen');
    const citizenToken = generateSessionToken();
    await createSession(citizenToken, citizen.id, new Date(Date.now() - 21 * DAY_MS));
    expect((await validateSessionToken(citizenToken))?.user.id).toBe(citizen.id);
    const company = await createUser('company');
    const companyToken = generateSessionToken();
    const start = new Date(Date.now() - 31 * DAY_MS);
    await createSession(companyToken, company.id, start);
    expect(await validateSessionToken(companyToken, new Date(start.getTime() + SESSION_LIFETIME_MS - 1))).not.toBeNull();
  });

  it('writes the last use at most once a minute', async () => {
    const user = await createUser('consultant');
    const token = generateSessionToken();
    const start = new Date(Date.now() - 10 * MINUTE_MS);
    const session = await createSession(token, user.id, start);
    await validateSessionToken(token, new Date(start.getTime() + 59_000));
    expect((await storedSession(session.id))?.lastUsedAt.getTime()).toBe(start.getTime());
    await validateSessionToken(token, new Date(start.getTime() + 60_000));
    expect((await storedSession(session.id))?.lastUsedAt.getTime()).toBe(start.getTime() + 60_000);
  });

  it('records the browser, shortened, at login', async () => {
    const user = await createUser('citizen');
    const { session } = await startSession(
      user.id,
      new Date(),
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    );
    expect((await storedSession(session.id))?.userAgent).toBe('Chrome · Windows');
    expect(STAFF_SESSION).toEqual({ kind: 'staff', idleMs: 30 * MINUTE_MS, absoluteMs: 12 * 60 * MINUTE_MS });
  });
});

describe('the session cookie', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, COOKIE_SECURE: process.env.COOKIE_SECURE };
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.COOKIE_SECURE === undefined) delete process.env.COOKIE_SECURE;
    else process.env.COOKIE_SECURE = saved.COOKIE_SECURE;
  });

  it('is HttpOnly, SameSite=Lax, for the whole site, and lives as long as the session', () => {
    process.env.NODE_ENV = 'test';
    const now = new Date();
    const cookie = sessionCookie('abc', new Date(now.getTime() + SESSION_LIFETIME_MS), now);
    expect(cookie).toBe('jobbro_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000');
  });

  it('is Secure in production unless COOKIE_SECURE=false', () => {
    process.env.NODE_ENV = 'production';
    expect(sessionCookie('abc', new Date(Date.now() + DAY_MS))).toMatch(/; Secure$/);
    expect(blankSessionCookie()).toBe('jobbro_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure');
    process.env.COOKIE_SECURE = 'false';
    expect(sessionCookie('abc', new Date(Date.now() + DAY_MS))).not.toContain('Secure');
  });

  it('is read from a Cookie header among other cookies', () => {
    expect(readSessionToken('a=1; jobbro_session=abc; b=2')).toBe('abc');
    expect(readSessionToken('jobbro_session_old=x; other=jobbro_session')).toBeNull();
    expect(readSessionToken('jobbro_session=')).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });

  it('is cleared when the browser sends a forged one, and sent again when the session slid forward', async () => {
    const forged = await readRequestSession(requestWithCookie(`jobbro_session=${generateSessionToken()}`));
    expect(forged.user).toBeNull();
    expect(forged.setCookie).toBe(blankSessionCookie());

    const user = await createUser('citizen');
    const token = generateSessionToken();
    await createSession(token, user.id, new Date(Date.now() - 20 * DAY_MS));
    const renewed = await readRequestSession(requestWithCookie(`jobbro_session=${token}`));
    expect(renewed.user?.id).toBe(user.id);
    expect(renewed.setCookie).toMatch(new RegExp(`^jobbro_session=${token};.*Max-Age=${SESSION_LIFETIME_MS / 1000}`));

    const none = await readRequestSession(requestWithCookie(null));
    expect(none).toEqual({ session: null, user: null, setCookie: null });
  });
});

describe('requireUser', () => {
  async function thrownBy(promise: Promise<unknown>): Promise<Response | { type: string; init: ResponseInit | null }> {
    try {
      await promise;
    } catch (thrown) {
      return thrown as Response;
    }
    throw new Error('expected requireUser to throw');
  }

  it('sends a visitor to the login page with the way back', async () => {
    const thrown = (await thrownBy(
      requireUser(requestWithCookie(null, 'http://localhost:3000/konsulent?side=2&_routes=root'), 'consultant'),
    )) as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get('Location')).toBe('/login?redirectTo=%2Fkonsulent%3Fside%3D2');
  });

  it('sends a forged cookie to the login page and clears it', async () => {
    const thrown = (await thrownBy(
      requireUser(requestWithCookie(`jobbro_session=${generateSessionToken()}`), 'consultant'),
    )) as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get('Set-Cookie')).toBe(blankSessionCookie());
  });

  it('answers a user of another role with 403, and lets the right role in', async () => {
    const company = await createUser('company');
    const token = generateSessionToken();
    await createSession(token, company.id);
    const request = requestWithCookie(`jobbro_session=${token}`);

    const thrown = (await thrownBy(requireUser(request, 'consultant'))) as unknown as {
      data: unknown;
      init: { status: number };
    };
    expect(thrown.init.status).toBe(403);
    expect(thrown.data).toEqual({ userMessage: 'Siden er kun for jobcentrets konsulenter.' });

    expect((await requireUser(request, 'company', 'admin')).id).toBe(company.id);
  });
});

describe('safeRedirectPath', () => {
  it.each(['/konsulent', '/jobs?q=reng%C3%B8ring', '/borger#plan'])('keeps the local path %s', (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    ['/jobs?q=rengøring', '/jobs?q=reng%C3%B8ring'],
    ['/æøå', '/%C3%A6%C3%B8%C3%A5'],
    ['/jobs/😀?q=😀', '/jobs/%F0%9F%98%80?q=%F0%9F%98%80'],
    ['/konsulent/../borger', '/borger'],
  ])('writes %s as the URL %s, which a Location header can hold', (path, encoded) => {
    expect(safeRedirectPath(path)).toBe(encoded);
  });

  it.each(['//evil.example', '/\\evil.example', '/./\\evil.example', '/x/..//evil.example', 'https://evil.example', 'javascript:alert(1)', '/\t/evil.example', '', null])(
    'refuses %s',
    (path) => {
      expect(safeRedirectPath(path)).toBeNull();
    },
  );
});

describe('authenticate', () => {
  it('logs in with the right password, whatever the case and spaces of the email', async () => {
    const user = await createUser('citizen');
    const result = await authenticate({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: randomIp() });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: 'citizen' } });
    expect(result.ok && result.user).not.toHaveProperty('passwordHash');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await createUser();
    const wrongPassword = await authenticate({ email: user.email, password: 'forkert', ip: randomIp() });
    const unknownEmail = await authenticate({ email: `ingen-${randomUUID()}@jobbro.test`, password: PASSWORD, ip: randomIp() });
    expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('refuses a deactivated account with the right password exactly as a wrong password', async () => {
    const user = await createUser();
    const ip = randomIp();
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    const deactivated = await authenticate({ email: user.email, password: PASSWORD, ip });
    const wrongPassword = await authenticate({ email: (await createUser()).email, password: 'forkert', ip: randomIp() });
    expect(deactivated).toEqual({ ok: false, reason: 'invalid' });
    expect(deactivated).toEqual(wrongPassword);
    expect(await db().select().from(loginAttempts).where(eq(loginAttempts.email, user.email))).toHaveLength(1);
  });

  it('lets no session of a deactivated account in, even one left behind', async () => {
    const user = await createUser();
    const token = generateSessionToken();
    await createSession(token, user.id);
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await validateSessionToken(token)).toBeNull();
  });

  it('refuses an account that has no password yet', async () => {
    const email = `invited-${randomUUID()}@jobbro.test`;
    await db().insert(users).values({ email, name: 'Inviteret', role: 'citizen', passwordHash: null });
    expect(await authenticate({ email, password: '', ip: randomIp() })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses nothing for two typos, then makes one address wait 1, 2, 4 … seconds after its last failure at the account', async () => {
    const user = await createUser();
    const ip = randomIp();
    const start = Date.now();
    const at = (seconds: number) => new Date(start + seconds * 1000);
    for (let attempt = 0; attempt < PAIR_FREE_FAILURES; attempt++) {
      expect(await authenticate({ email: user.email, password: 'forkert', ip, now: at(0) })).toEqual({ ok: false, reason: 'invalid' });
    }
    // The third failure earns a wait of 2^0 = 1 second: the right password is not even tried before it ends.
    expect(await authenticate({ email: user.email, password: PASSWORD, ip, now: at(0.5) })).toEqual({
      ok: false,
      reason: 'rate_limited',
      refusal: 'pair',
      retryAfterSeconds: 1,
    });
    expect(await authenticate({ email: user.email, password: 'forkert', ip, now: at(1) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkLoginAllowed({ email: user.email, ip, now: at(2.5) })).toEqual({ allowed: false, refusal: 'pair', retryAfterSeconds: 1 });
    expect(await checkLoginAllowed({ email: user.email, ip, now: at(3) })).toEqual({ allowed: true });
    expect(await authenticate({ email: user.email, password: 'forkert', ip, now: at(3) })).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkLoginAllowed({ email: user.email, ip, now: at(3) })).toEqual({ allowed: false, refusal: 'pair', retryAfterSeconds: 4 });
    expect((await authenticate({ email: user.email, password: PASSWORD, ip, now: at(7) })).ok).toBe(true);
  });

  it(`caps the wait of one address at one account at ${PAIR_MAX_DELAY_SECONDS / 60} minutes`, async () => {
    const user = await createUser();
    const ip = randomIp();
    const now = new Date();
    for (let attempt = 0; attempt < 14; attempt++) await recordFailedLogin({ email: user.email, ip, now });
    expect(await checkLoginAllowed({ email: user.email, ip, now })).toEqual({ allowed: false, refusal: 'pair', retryAfterSeconds: PAIR_MAX_DELAY_SECONDS });
  });

  it('lets the owner in from their own address while a guesser elsewhere waits, and forgives only the owner’s own address', async () => {
    const user = await createUser('admin');
    const now = new Date();
    const guessers = [randomIp(), randomIp(), randomIp(), randomIp()];
    // 40 failures from 4 addresses: below a lock, however long it goes on.
    for (const guesser of guessers) {
      for (let attempt = 0; attempt < 10; attempt++) await recordFailedLogin({ email: user.email, ip: guesser, now });
    }
    const owner = randomIp();
    await recordFailedLogin({ email: user.email, ip: owner, now });
    expect(await checkLoginAllowed({ email: user.email, ip: guessers[0]!, now })).toMatchObject({ allowed: false, refusal: 'pair' });
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: owner, now })).toMatchObject({ ok: true, user: { id: user.id } });

    const left = await db().select({ ip: loginAttempts.ip }).from(loginAttempts).where(eq(loginAttempts.email, user.email));
    expect(left).toHaveLength(40);
    expect(left.map((row) => row.ip)).not.toContain(owner);
    const [row] = await db().select({ lockedUntil: users.loginLockedUntil }).from(users).where(eq(users.id, user.id));
    expect(row?.lockedUntil).toBeNull();
  });

  it(`stops an address after ${MAX_FAILED_LOGINS_PER_ADDRESS} wrong logins across accounts within 15 minutes; other addresses go on`, async () => {
    const ip = randomIp();
    const now = new Date();
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS_PER_ADDRESS; attempt++) {
      await recordFailedLogin({ email: `guess-${randomUUID()}@jobbro.test`, ip, now });
    }
    const user = await createUser();
    const stopped = await authenticate({ email: user.email, password: PASSWORD, ip, now });
    expect(stopped).toEqual({ ok: false, reason: 'rate_limited', refusal: 'address', retryAfterSeconds: 15 * 60 });
    expect((await authenticate({ email: user.email, password: PASSWORD, ip: randomIp(), now })).ok).toBe(true);
    expect(await checkLoginAllowed({ email: user.email, ip, now: new Date(now.getTime() + 15 * 60_000 + 1) })).toEqual({ allowed: true });
  });

  it('counts an IPv6 client per /64, so hopping addresses within it does not help', async () => {
    const prefix = `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}`;
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS_PER_ADDRESS; attempt++) {
      await recordFailedLogin({ email: `guess-${randomUUID()}@jobbro.test`, ip: `${prefix}::${attempt + 1}` });
    }
    const allowance = await checkLoginAllowed({ email: `x-${randomUUID()}@jobbro.test`, ip: `${prefix}:0:0:0:abcd` });
    expect(allowance).toMatchObject({ allowed: false, refusal: 'address' });
  });

  it(`locks the account after ${ACCOUNT_LOCK_FAILURES} failures from ${ACCOUNT_LOCK_ADDRESSES} addresses within the hour, mails the owner once, and their link lifts the lock`, async () => {
    const user = await createUser('admin');
    const now = new Date();
    const guessers = Array.from({ length: ACCOUNT_LOCK_ADDRESSES }, randomIp);
    for (let attempt = 0; attempt < ACCOUNT_LOCK_FAILURES - 1; attempt++) {
      await recordFailedLogin({ email: user.email, ip: guessers[attempt % guessers.length]!, now });
    }
    expect(await checkLoginAllowed({ email: user.email, ip: randomIp(), now })).toEqual({ allowed: true });
    expect(await authenticate({ email: user.email, password: 'forkert', ip: randomIp(), now })).toEqual({ ok: false, reason: 'invalid' });

    // Now nobody gets in for an hour, the owner at a fresh address with the right password neither.
    const owner = randomIp();
    expect(await authenticate({ email: user.email, password: PASSWORD, ip: owner, now })).toEqual({
      ok: false,
      reason: 'rate_limited',
      refusal: 'account',
      retryAfterSeconds: ACCOUNT_LOCK_MS / 1000,
    });
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.to, user.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Vi har lukket for login på din Jobbro-konto en tid');
    expect(mails[0]!.body).toContain('Din adgangskode er ikke ændret');
    const token = /\/ny-adgangskode\/([a-z2-7]{32})/.exec(mails[0]!.body)?.[1];
    expect(mails[0]!.body).toContain(`http://localhost:${process.env.PORT ?? '3000'}/ny-adgangskode/${token}`);

    expect(await resetPassword(token!, 'en-helt-ny-adgangskode', now)).toEqual({ userId: user.id });
    expect(await authenticate({ email: user.email, password: 'en-helt-ny-adgangskode', ip: owner, now })).toMatchObject({ ok: true });
    // The guesses were forgiven with the lock, so the next wrong one does not lock the account again.
    expect(await authenticate({ email: user.email, password: 'forkert', ip: guessers[0]!, now })).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkLoginAllowed({ email: user.email, ip: owner, now })).toEqual({ allowed: true });
  });

  it('does not lock an account for many failures from few addresses, nor for fewer failures from many', async () => {
    const fromFew = await createUser();
    const fromMany = await createUser();
    const now = new Date();
    const few = Array.from({ length: ACCOUNT_LOCK_ADDRESSES - 1 }, randomIp);
    for (let attempt = 0; attempt < 60; attempt++) await recordFailedLogin({ email: fromFew.email, ip: few[attempt % few.length]!, now });
    for (let attempt = 0; attempt < ACCOUNT_LOCK_FAILURES - 2; attempt++) await recordFailedLogin({ email: fromMany.email, ip: randomIp(), now });
    expect(await authenticate({ email: fromMany.email, password: 'forkert', ip: randomIp(), now })).toEqual({ ok: false, reason: 'invalid' });
    for (const user of [fromFew, fromMany]) {
      expect((await authenticate({ email: user.email, password: PASSWORD, ip: randomIp(), now })).ok).toBe(true);
    }
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, fromFew.email))).toEqual([]);
  });

  it('prunes failures older than a day on the way', async () => {
    const email = `old-${randomUUID()}@jobbro.test`;
    await db()
      .insert(loginAttempts)
      .values({ email, ip: randomIp(), attemptedAt: new Date(Date.now() - 2 * DAY_MS) });
    await recordFailedLogin({ email: `new-${randomUUID()}@jobbro.test`, ip: randomIp() });
    expect(await db().select().from(loginAttempts).where(eq(loginAttempts.email, email))).toEqual([]);
  });

  it('says in Danish how long to wait, in seconds under a minute, and how a locked account gets in', () => {
    expect(tooManyAttemptsMessage(1)).toBe('For mange forkerte forsøg. Vent 1 sekund, og prøv igen.');
    expect(tooManyAttemptsMessage(4)).toBe('For mange forkerte forsøg. Vent 4 sekunder, og prøv igen.');
    expect(tooManyAttemptsMessage(60)).toBe('For mange forkerte forsøg. Vent 1 minut, og prøv igen.');
    expect(tooManyAttemptsMessage(12 * 60 - 30)).toBe('For mange forkerte forsøg. Vent 12 minutter, og prøv igen.');
    expect(tooManyAttemptsMessage(3600, 'da', 'account')).toContain('Vent 60 minutter, eller få en ny adgangskode under "Har du glemt din adgangskode?"');
  });

  it('answers the login form with 429, Retry-After in seconds and the wait at the email field', async () => {
    const user = await createUser();
    const ip = randomIp();
    const post = () =>
      loginAction({
        request: new Request('http://localhost:3000/login', {
          method: 'POST',
          headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email: user.email, password: 'forkert-igen' }),
        }),
        params: {},
        context: { clientIp: ip, cspNonce: 'test' },
      }) as unknown as Promise<{ data: { formError: string | null }; init: { status: number; headers: Record<string, string> } }>;
    for (let attempt = 0; attempt < PAIR_FREE_FAILURES; attempt++) expect((await post()).init.status).toBe(400);
    const refused = await post();
    expect(refused.init.status).toBe(429);
    expect(new Headers(refused.init.headers).get('Retry-After')).toMatch(/^[12]$/);
    expect(refused.data.formError).toMatch(/^For mange forkerte forsøg\. Vent [12] sekund(er)?, og prøv igen\.$/);
  });
});

describe('rateLimitKeyForIp', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (ip, key) => {
    expect(rateLimitKeyForIp(ip)).toBe(key);
  });
});
