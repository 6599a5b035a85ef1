/**
 * Login rate limit, per account and per client address, counted from failed attempts in `login_attempts`.
 * Counting in the database (not in memory) keeps the limit right when several app instances serve the portal.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { AppLoadContext } from '@remix-run/node';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { db } from '../../db/client';
import { loginAttempts } from '../../db/schema';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';

export const LOGIN_WINDOW_MINUTES = 15;
/** Enough for a few typos; too few to guess a password. */
export const MAX_FAILED_LOGINS_PER_EMAIL = 5;
/** Higher than per email, so that colleagues behind one office NAT do not lock each other out. */
export const MAX_FAILED_LOGINS_PER_IP = 20;
/** Attempts older than this no longer count for anything and are deleted on the way. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60 * 1000;

export type LoginAllowance = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export function tooManyAttemptsMessage(retryAfterMinutes: number, language: Language = DEFAULT_LANGUAGE): string {
  return textsFor(language).login.tooManyAttempts(retryAfterMinutes);
}

/**
 * The key an address is counted under. An IPv6 user usually holds a whole /64 and can change address within
 * it at will, so IPv6 counts per /64; IPv4-mapped IPv6 addresses ("::ffff:1.2.3.4") count as the IPv4 address.
 */
export function rateLimitKeyForIp(ip: string): string {
  const address = ip.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const groupsOf = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

/**
 * The client address for rate limiting: server.ts resolves it through Express's "trust proxy" (TRUST_PROXY,
 * app/auth/trust-proxy.server.ts). X-Forwarded-For is never read here: its left-most entry is whatever the
 * client wrote, so counting by it would let anyone start afresh with every request.
 */
export function clientIpOf(context: Partial<AppLoadContext> | undefined): string {
  return context?.clientIp || 'unknown';
}

/**
 * When the `limit`-th most recent failure in the window leaves it, fewer than `limit` remain: that moment is
 * when logging in is allowed again. Null when there are fewer than `limit` failures in the window.
 */
async function blockedUntil(
  column: typeof loginAttempts.email | typeof loginAttempts.ip,
  value: string,
  limit: number,
  now: Date,
): Promise<Date | null> {
  const [row] = await db()
    .select({ attemptedAt: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(column, value), gt(loginAttempts.attemptedAt, new Date(now.getTime() - WINDOW_MS))))
    .orderBy(desc(loginAttempts.attemptedAt))
    .limit(1)
    .offset(limit - 1);
  return row ? new Date(row.attemptedAt.getTime() + WINDOW_MS) : null;
}

export async function checkLoginAllowed(input: { email: string; ip: string; now?: Date }): Promise<LoginAllowance> {
  const now = input.now ?? new Date();
  const [emailBlock, ipBlock] = await Promise.all([
    blockedUntil(loginAttempts.email, input.email, MAX_FAILED_LOGINS_PER_EMAIL, now),
    blockedUntil(loginAttempts.ip, rateLimitKeyForIp(input.ip), MAX_FAILED_LOGINS_PER_IP, now),
  ]);
  const until = Math.max(emailBlock?.getTime() ?? 0, ipBlock?.getTime() ?? 0);
  if (until <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
}

export async function recordFailedLogin(input: { email: string; ip: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db().insert(loginAttempts).values({ email: input.email, ip: rateLimitKeyForIp(input.ip), attemptedAt: now });
  await db()
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
}

/**
 * After a successful login the account's failures are forgiven. The address's are not: one valid account must
 * not reset the counter of someone guessing at other accounts from the same address.
 */
export async function clearFailedLogins(email: string): Promise<void> {
  await db().delete(loginAttempts).where(eq(loginAttempts.email, email));
}
