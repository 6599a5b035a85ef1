/**
 * Per-company API tokens for the JSON API. The token is shown once when created; only its SHA-256 is kept.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db } from '../../db/client';
import { apiTokens, users } from '../../db/schema';
import { hashToken } from '../auth/one-time-tokens.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';

const TOKEN_PREFIX = 'jobbro_';

function companyOf(actor: Actor): string {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  return actor.companyId;
}

export async function createApiToken(actor: Actor, name: string): Promise<{ token: string }> {
  const companyId = companyOf(actor);
  const token = TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(24)));
  await db().insert(apiTokens).values({ companyId, name, tokenHash: hashToken(token), createdBy: actor.id });
  return { token };
}

export async function listApiTokens(actor: Actor) {
  const companyId = companyOf(actor);
  return db()
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.companyId, companyId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const companyId = companyOf(actor);
  const revoked = await db()
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.companyId, companyId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw new NotFoundError('Nøglen');
}

/**
 * The company acting through a bearer token, as an Actor whose id is the user who created the token, so
 * the same permission rules as in the workspace apply. Null for a missing, unknown or revoked token.
 */
export async function actorForApiRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1] || !match[1].startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db()
    .select({ id: apiTokens.id, companyId: apiTokens.companyId, createdBy: apiTokens.createdBy, userName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.tokenHash, hashToken(match[1])), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db().update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return { id: row.createdBy ?? row.id, name: row.userName ?? 'API', role: 'company', companyId: row.companyId, jobcentreId: null, citizenId: null };
}
