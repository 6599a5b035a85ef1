/**
 * The one way to count events against the limits of app/domain/rate-limit-rules.ts: `takeAllowance` checks
 * every limit an action falls under and records the event under each only when all allow it, so a refused
 * attempt does not use up anyone's allowance. Counted in the database (`rate_limit_events`), so the limits
 * hold across app instances; rows older than their window are deleted on the way.
 */
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { db } from '../../db/client';
import { rateLimitEvents } from '../../db/schema';
import { rateLimitKeyForIp } from '../auth/rate-limit.server';
import { allowanceAfter, minutesUntil, tooManyMailsMessage, type RateLimit } from '../domain/rate-limit-rules';

/** Over a limit; the message is for the form (Danish) and names nothing about the address. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super(tooManyMailsMessage(retryAfterMinutes));
    this.name = 'RateLimitedError';
  }
}

export type Allowance = RateLimit & { key: string };

/** A client address as limits count it: IPv6 per /64, as the login limit does. */
export function clientKey(ip: string): string {
  return rateLimitKeyForIp(ip);
}

async function limitthRecent(rule: Allowance, now: Date): Promise<Date | null> {
  const [row] = await db()
    .select({ at: rateLimitEvents.at })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, rule.bucket), eq(rateLimitEvents.key, rule.key), gt(rateLimitEvents.at, new Date(now.getTime() - rule.windowMs))))
    .orderBy(desc(rateLimitEvents.at))
    .limit(1)
    .offset(rule.limit - 1);
  return row?.at ?? null;
}

/**
 * Takes one event from each allowance, or throws RateLimitedError (with the longest wait of the limits
 * reached) and records nothing. Two requests at the same instant may both pass the last free place; a
 * limit that is one too generous now and then is fine for mail.
 */
export async function takeAllowance(allowances: Allowance[], now = new Date()): Promise<void> {
  if (allowances.length === 0) return;
  const answers = await Promise.all(allowances.map(async (rule) => allowanceAfter(await limitthRecent(rule, now), rule, now)));
  const retryAt = Math.max(...answers.map((answer) => (answer.allowed ? 0 : answer.retryAt.getTime())));
  if (retryAt > now.getTime()) throw new RateLimitedError(minutesUntil(new Date(retryAt), now));
  await db()
    .insert(rateLimitEvents)
    .values(allowances.map((rule) => ({ bucket: rule.bucket, key: rule.key, at: now })));
  for (const rule of allowances) {
    await db()
      .delete(rateLimitEvents)
      .where(and(eq(rateLimitEvents.bucket, rule.bucket), lt(rateLimitEvents.at, new Date(now.getTime() - rule.windowMs))));
  }
}
