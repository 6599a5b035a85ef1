import { sql } from 'drizzle-orm';
import { databaseKind, db } from '../../db/client';
import { isSearchConfigured, searchClient } from '../../search/client';
import { pendingOutboxCount } from '../../search/outbox';

const SEARCH_HEALTH_TIMEOUT_MS = 1_000;

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; kind: string | null };
  search: { ok: boolean; pendingChanges: number | null; message?: string };
};

async function checkDatabase() {
  try {
    await db().execute(sql`select 1`);
    return { ok: true, kind: databaseKind() ?? null };
  } catch {
    return { ok: false, kind: databaseKind() ?? null };
  }
}

async function checkSearch(): Promise<{ ok: boolean; message?: string }> {
  if (!isSearchConfigured()) return { ok: false, message: 'Meilisearch er ikke startet' };
  try {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Meilisearch svarer ikke')), SEARCH_HEALTH_TIMEOUT_MS),
    );
    await Promise.race([searchClient().health(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Up (200) while the database answers, search or not: without Meilisearch the portal serves and the outbox waits. */
export function healthStatusCode(health: Health): 200 | 503 {
  return health.status === 'down' ? 503 : 200;
}

/** The state of the database and of Meilisearch, for /healthz and for monitoring. */
export async function checkHealth(): Promise<Health> {
  const [database, search] = await Promise.all([checkDatabase(), checkSearch()]);
  const pendingChanges = database.ok ? await pendingOutboxCount().catch(() => null) : null;
  const status = !database.ok ? 'down' : search.ok ? 'ok' : 'degraded';
  return { status, database, search: { ...search, pendingChanges } };
}
