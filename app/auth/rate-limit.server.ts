/**
 * Login limits, counted from failed attempts in `login_attempts` (the rules: app/domain/login-limits.ts):
 * a growing wait per account and address, a limit per address across accounts, and a lock of the account
 * (users.login_locked_until) only when many addresses guess at it together. Counting in the database (not in
 * memory) keeps the limits right when several app instances serve the portal.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { AppLoadContext } from '@remix-run/node';
import { and, countDistinct, count, desc, eq, gt, isNull, lt, lte, max, or } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { loginAttempts, users } from '../../db/schema';
import {
  ACCOUNT_LOCK_MS,
  ACCOUNT_WINDOW_MS,
  ADDRESS_WINDOW_MS,
  MAX_FAILED_LOGINS_PER_ADDRESS,
  PAIR_WINDOW_MS,
  pairDelaySeconds,
  secondsUntil,
  shouldLockAccount,
} from '../domain/login-limits';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';

/** Attempts older than this no longer count for anything and are deleted on the way. */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60 * 1000;

/**
 * Why a login is not tried now: `pair` (this address failed at this account a few times: wait a little),
 * `address` (this address failed at many accounts) or `account` (locked after failures from many addresses).
 */
export type LoginRefusal = 'pair' | 'address' | 'account';

export type LoginAllowance = { allowed: true } | { allowed: false; refusal: LoginRefusal; retryAfterSeconds: number };

/** What the login form says when a login is refused for now; a locked account also hears of "Glemt adgangskode". */
export function tooManyAttemptsMessage(retryAfterSeconds: number, language: Language = DEFAULT_LANGUAGE, refusal: LoginRefusal = 'pair'): string {
  const t = textsFor(language).login;
  return refusal === 'account' ? t.accountLocked(retryAfterSeconds) : t.tooManyAttempts(retryAfterSeconds);
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

/** When this address may try this account again: its last failure plus the wait its failures earned. */
async function pairBlockedUntil(email: string, key: string, now: Date): Promise<Date | null> {
  const [row] = await db()
    .select({ failures: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, key), gt(loginAttempts.attemptedAt, new Date(now.getTime() - PAIR_WINDOW_MS))));
  const delay = pairDelaySeconds(row?.failures ?? 0);
  if (delay === 0 || !row?.last) return null;
  return new Date(new Date(row.last).getTime() + delay * 1000);
}

/**
 * When the `limit`-th most recent failure of the address leaves the window, fewer than `limit` remain: that
 * moment is when it may try again. Null when there are fewer than `limit` failures in the window.
 */
async function addressBlockedUntil(key: string, now: Date): Promise<Date | null> {
  const [row] = await db()
    .select({ attemptedAt: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, key), gt(loginAttempts.attemptedAt, new Date(now.getTime() - ADDRESS_WINDOW_MS))))
    .orderBy(desc(loginAttempts.attemptedAt))
    .limit(1)
    .offset(MAX_FAILED_LOGINS_PER_ADDRESS - 1);
  return row ? new Date(row.attemptedAt.getTime() + ADDRESS_WINDOW_MS) : null;
}

async function accountLockedUntil(email: string): Promise<Date | null> {
  const [row] = await db().select({ until: users.loginLockedUntil }).from(users).where(eq(users.email, email));
  return row?.until ?? null;
}

/** Whether `email` may try a password from `ip` now; the longest of the waits that apply wins. */
export async function checkLoginAllowed(input: { email: string; ip: string; now?: Date }): Promise<LoginAllowance> {
  const now = input.now ?? new Date();
  const key = rateLimitKeyForIp(input.ip);
  const [account, address, pair] = await Promise.all([accountLockedUntil(input.email), addressBlockedUntil(key, now), pairBlockedUntil(input.email, key, now)]);
  const waits = (
    [
      ['account', account],
      ['address', address],
      ['pair', pair],
    ] as const
  ).filter((wait): wait is readonly [LoginRefusal, Date] => wait[1] !== null && wait[1].getTime() > now.getTime());
  const longest = waits.sort((a, b) => b[1].getTime() - a[1].getTime())[0];
  if (!longest) return { allowed: true };
  return { allowed: false, refusal: longest[0], retryAfterSeconds: secondsUntil(longest[1], now) };
}

/**
 * Counts a failed login. Returns true when the account's failures within the hour now come from enough
 * addresses to lock it (the caller locks it with `lockAccount` and tells the owner).
 */
export async function recordFailedLogin(input: { email: string; ip: string; now?: Date }): Promise<{ underAttack: boolean }> {
  const now = input.now ?? new Date();
  await db().insert(loginAttempts).values({ email: input.email, ip: rateLimitKeyForIp(input.ip), attemptedAt: now });
  await db()
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - KEEP_ATTEMPTS_MS)));
  const [row] = await db()
    .select({ failures: count(), addresses: countDistinct(loginAttempts.ip) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, input.email), gt(loginAttempts.attemptedAt, new Date(now.getTime() - ACCOUNT_WINDOW_MS))));
  return { underAttack: shouldLockAccount({ failures: row?.failures ?? 0, addresses: row?.addresses ?? 0 }) };
}

/**
 * Locks the active account with this email for an hour, unless it is locked already (so its owner is told
 * once per lock). Returns the owner to tell, or null.
 */
export async function lockAccount(executor: Executor, email: string, now: Date) {
  const [locked] = await executor
    .update(users)
    .set({ loginLockedUntil: new Date(now.getTime() + ACCOUNT_LOCK_MS), updatedAt: now })
    .where(and(eq(users.email, email), isNull(users.deactivatedAt), or(isNull(users.loginLockedUntil), lte(users.loginLockedUntil, now))))
    .returning({ id: users.id, name: users.name, email: users.email, lockedUntil: users.loginLockedUntil });
  return locked ?? null;
}

/**
 * After a successful login this address's failures at the account are forgiven. Other addresses' are not (a
 * guesser elsewhere keeps their wait and their count towards a lock), nor the address's failures at other
 * accounts: one valid account must not reset the count of someone guessing at others from the same address.
 */
export async function clearFailedLogins(email: string, ip: string): Promise<void> {
  await db()
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, rateLimitKeyForIp(ip))));
}

/** The owner proved who they are with a link from their mail: every failure at the account is forgiven, and the lock lifted. */
export async function forgiveAccount(executor: Executor, userId: string, email: string, now: Date): Promise<void> {
  await executor.delete(loginAttempts).where(eq(loginAttempts.email, email));
  await executor.update(users).set({ loginLockedUntil: null, updatedAt: now }).where(eq(users.id, userId));
}
