/**
 * Sessions as the Lucia guide implements them (lucia-auth.com, "Basic session implementation"): a random token
 * lives only in the browser's cookie; the database keeps its SHA-256, so a leaked `sessions` table holds nothing
 * that logs anyone in. How long a session lasts depends on the role (app/domain/session-rules.ts): staff 30
 * idle minutes and 12 hours at most, citizens and companies 30 days sliding forward.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { redirect } from '@remix-run/node';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { checkSession, initialExpiry, shortUserAgent } from '../domain/session-rules';
import type { Role } from '../domain/vocabulary';

export const SESSION_COOKIE_NAME = 'jobbro_session';

/** 20 random bytes in base32 without padding are exactly 32 characters of a–z and 2–7. */
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export type Session = { id: string; userId: string; expiresAt: Date; createdAt: Date; lastUsedAt: Date };

/** What routes may know about the logged-in person: never the password hash. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  jobcentreId: string | null;
  companyId: string | null;
  citizenId: string | null;
};

/** `renewed` is true when the expiry moved, so the cookie must be sent again with the new Max-Age. */
export type SessionValidationResult = { session: Session; user: SessionUser; renewed: boolean };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Starts a session of the user at `now`; `userAgent` is the browser's header, kept only shortened. */
export async function createSession(token: string, userId: string, now: Date = new Date(), userAgent: string | null = null): Promise<Session> {
  const [user] = await db().select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error('A session needs an existing user');
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: initialExpiry(user.role, now),
    createdAt: now,
    lastUsedAt: now,
  };
  await db()
    .insert(sessions)
    .values({ ...session, userAgent: shortUserAgent(userAgent) });
  return session;
}

export async function validateSessionToken(
  token: string,
  now: Date = new Date(),
): Promise<SessionValidationResult | null> {
  // A token we could never have issued needs no database round trip.
  if (!TOKEN_PATTERN.test(token)) return null;
  const sessionId = sessionIdFromToken(token);
  const [row] = await db()
    .select({
      session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt },
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        jobcentreId: users.jobcentreId,
        companyId: users.companyId,
        citizenId: users.citizenId,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    // Deactivating deletes the sessions; this also holds for one started in the same instant.
    .where(and(eq(sessions.id, sessionId), isNull(users.deactivatedAt)));
  if (!row) return null;

  const { session, user } = row;
  const check = checkSession(user.role, session, now);
  if (!check.alive) {
    await db().delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  if (check.touch || check.renewed) {
    session.expiresAt = check.expiresAt;
    session.lastUsedAt = now;
    await db().update(sessions).set({ expiresAt: check.expiresAt, lastUsedAt: now }).where(eq(sessions.id, session.id));
  }
  return { session, user, renewed: check.renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logs a person out everywhere: after a password change, or when an administrator blocks the account. */
export async function invalidateUserSessions(userId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.userId, userId));
}

/** The user's sessions that are still alive, most recently used first; `current` marks the asking browser's. */
export type UserSession = { id: string; userAgent: string | null; createdAt: Date; lastUsedAt: Date; current: boolean };

export async function listUserSessions(user: { id: string; role: Role }, currentSessionId: string, now: Date = new Date()): Promise<UserSession[]> {
  const rows = await db()
    .select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, user.id))
    .orderBy(desc(sessions.lastUsedAt));
  return rows
    .filter((row) => checkSession(user.role, row, now).alive)
    .map(({ expiresAt: _expiresAt, ...row }) => ({ ...row, current: row.id === currentSessionId }));
}

/** Ends one of the user's own sessions; false when the id is not a session of theirs (the caller answers 404). */
export async function endUserSession(userId: string, sessionId: string): Promise<boolean> {
  const ended = await db()
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** "Log af de andre enheder": every session of the user but the one asking. */
export async function endOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const ended = await db()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}

// --- The cookie ---------------------------------------------------------------------------------------------

/**
 * Secure in production, where the portal runs behind https. Chrome and Firefox accept Secure cookies on
 * http://localhost, so `npm start` works locally; COOKIE_SECURE=false serves plain http on another host.
 */
function cookieIsSecure(): boolean {
  if (process.env.COOKIE_SECURE === 'false') return false;
  if (process.env.COOKIE_SECURE === 'true') return true;
  return process.env.NODE_ENV === 'production';
}

function cookieAttributes(maxAgeSeconds: number): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (cookieIsSecure()) attributes.push('Secure');
  return attributes.join('; ');
}

/** The Set-Cookie header value that stores the token until the session expires. */
export function sessionCookie(token: string, expiresAt: Date, now: Date = new Date()): string {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE_NAME}=${token}; ${cookieAttributes(maxAgeSeconds)}`;
}

/** The Set-Cookie header value that makes the browser forget the session cookie. */
export function blankSessionCookie(): string {
  return `${SESSION_COOKIE_NAME}=; ${cookieAttributes(0)}`;
}

/** The session token from a Cookie header, or null. Only our one cookie is needed, so no cookie library. */
export function readSessionToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== SESSION_COOKIE_NAME) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

// --- Per request ----------------------------------------------------------------------------------------------

/**
 * The session of a request. `setCookie` is what the response should carry: a fresh cookie when the expiry
 * slid forward, a blank one when the browser sent a cookie that is forged, unknown or expired, else null.
 */
export type RequestSession = {
  session: Session | null;
  user: SessionUser | null;
  setCookie: string | null;
};

export async function readRequestSession(request: Request, now: Date = new Date()): Promise<RequestSession> {
  const token = readSessionToken(request.headers.get('Cookie'));
  if (!token) return { session: null, user: null, setCookie: null };
  const result = await validateSessionToken(token, now);
  if (!result) return { session: null, user: null, setCookie: blankSessionCookie() };
  return {
    session: result.session,
    user: result.user,
    setCookie: result.renewed ? sessionCookie(token, result.session.expiresAt, now) : null,
  };
}

/** Starts a session for a user who just proved who they are; returns the Set-Cookie value to send. */
export async function startSession(
  userId: string,
  now: Date = new Date(),
  userAgent: string | null = null,
): Promise<{ session: Session; setCookie: string }> {
  const token = generateSessionToken();
  const session = await createSession(token, userId, now, userAgent);
  return { session, setCookie: sessionCookie(token, session.expiresAt, now) };
}

/** Ends the request's session, if any; returns the Set-Cookie value that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = readSessionToken(request.headers.get('Cookie'));
  if (token) await invalidateSession(sessionIdFromToken(token));
  return blankSessionCookie();
}

/**
 * Logs the user in and goes to `to`. A session this browser still held (another user in the same browser)
 * ends before the new one starts.
 */
export async function switchSessionTo(request: Request, userId: string, to: string): Promise<Response> {
  await endSession(request);
  const { setCookie } = await startSession(userId, new Date(), request.headers.get('User-Agent'));
  return redirect(to, { headers: { 'Set-Cookie': setCookie } });
}
