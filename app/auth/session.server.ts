/**
 * Sessions as the Lucia guide implements them (lucia-auth.com, "Basic session implementation"): a random token
 * lives only in the browser's cookie; the database keeps its SHA-256, so a leaked `sessions` table holds nothing
 * that logs anyone in. Sessions last 30 days and slide forward when used with less than 15 days left.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { redirect } from '@remix-run/node';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import type { Role } from '../domain/vocabulary';

export const SESSION_COOKIE_NAME = 'jobbro_session';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEWAL_THRESHOLD_MS = 15 * DAY_MS;

/** 20 random bytes in base32 without padding are exactly 32 characters of a–z and 2–7. */
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export type Session = { id: string; userId: string; expiresAt: Date };

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

export async function createSession(token: string, userId: string, now: Date = new Date()): Promise<Session> {
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  await db().insert(sessions).values(session);
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
      session: { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt },
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
  if (now.getTime() >= session.expiresAt.getTime()) {
    await db().delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  let renewed = false;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEWAL_THRESHOLD_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db().update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id));
    renewed = true;
  }
  return { session, user, renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logs a person out everywhere: after a password change, or when an administrator blocks the account. */
export async function invalidateUserSessions(userId: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.userId, userId));
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
): Promise<{ session: Session; setCookie: string }> {
  const token = generateSessionToken();
  const session = await createSession(token, userId, now);
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
  const { setCookie } = await startSession(userId);
  return redirect(to, { headers: { 'Set-Cookie': setCookie } });
}
