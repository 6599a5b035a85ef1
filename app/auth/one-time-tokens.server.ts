/**
 * One-time links (invitations, password resets): a random token goes into the link, only its SHA-256 is
 * stored, and a token works once before it expires.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { oneTimeTokens } from '../../db/schema';

type Purpose = (typeof oneTimeTokens.$inferInsert)['purpose'];

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createOneTimeToken(
  executor: Executor,
  details: { purpose: Purpose; userId?: string; email?: string; companyId?: string; payload?: unknown; createdBy?: string; validDays: number; now?: Date },
): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const token = encodeBase32LowerCaseNoPadding(bytes);
  const now = details.now ?? new Date();
  await executor.insert(oneTimeTokens).values({
    id: hashToken(token),
    purpose: details.purpose,
    userId: details.userId,
    email: details.email,
    companyId: details.companyId,
    payload: details.payload,
    createdBy: details.createdBy,
    expiresAt: new Date(now.getTime() + details.validDays * 24 * 60 * 60 * 1000),
    createdAt: now,
  });
  return token;
}

/** A usable token of the purpose (not used, not expired), without using it up. */
export async function findUsableToken(executor: Executor, token: string, purpose: Purpose, now = new Date()) {
  const [row] = await executor
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, hashToken(token)), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)));
  return row ?? null;
}

/** Marks the token used; returns false when someone else used it first. */
export async function useToken(executor: Executor, tokenId: string, now = new Date()): Promise<boolean> {
  const used = await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return used.length === 1;
}

/** The page a `password_reset` token opens: a forgotten password, a first password, a lifted lock. */
export function passwordLink(token: string, baseUrl: string): string {
  return new URL(`/ny-adgangskode/${token}`, baseUrl).toString();
}
