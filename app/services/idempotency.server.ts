/**
 * Writes through the API that carry an Idempotency-Key happen once per company and key for a day: the key is
 * stored in the write's own transaction, so either both are committed or neither, and a retry of a write that
 * committed (its answer lost on the way) gets that write's answer again (decision 028).
 */
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { apiIdempotencyKeys } from '../../db/schema';
import { IDEMPOTENCY_KEY_LIFETIME_HOURS } from '../domain/idempotency';

/** What a write answered: its status and the opening it was about. */
export type WriteAnswer = { status: number; openingId: string };

export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('Idempotency-Key er allerede brugt til en anden forespørgsel. Brug en ny nøgle til en ny forespørgsel.');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Method, path and body: what makes two requests "the same" for a key. Read from a clone, so the body stays. */
export async function requestHashOf(request: Request): Promise<string> {
  const body = await request.clone().text();
  return createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${body}`).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; current = (current as { cause?: unknown }).cause, depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const expired = sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_LIFETIME_HOURS})`;

async function storedAnswer(companyId: string, key: string) {
  const [row] = await db()
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.companyId, companyId), eq(apiIdempotencyKeys.key, key)));
  return row ?? null;
}

function replay(row: NonNullable<Awaited<ReturnType<typeof storedAnswer>>>, requestHash: string) {
  if (row.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
  return { status: row.status, openingId: row.openingId!, replayed: true };
}

/**
 * Runs `write` in a transaction with the key, or answers as the earlier write with the key did
 * (`replayed: true`). Two requests with one key at the same moment: the second waits on the first's key row
 * and then replays its answer, so one opening is made. The company's keys older than a day are let go here.
 */
export async function writeOnce(
  { companyId, key, requestHash }: { companyId: string; key: string; requestHash: string },
  write: (tx: Executor) => Promise<WriteAnswer>,
): Promise<WriteAnswer & { replayed: boolean }> {
  await db()
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.companyId, companyId), lt(apiIdempotencyKeys.createdAt, expired)));
  const earlier = await storedAnswer(companyId, key);
  if (earlier?.openingId) return replay(earlier, requestHash);
  try {
    return await db().transaction(async (tx) => {
      const answer = await write(tx);
      await tx.insert(apiIdempotencyKeys).values({ companyId, key, requestHash, ...answer });
      return { ...answer, replayed: false };
    });
  } catch (error) {
    const raced = isUniqueViolation(error) ? await storedAnswer(companyId, key) : null;
    if (!raced?.openingId) throw error;
    return replay(raced, requestHash);
  }
}
