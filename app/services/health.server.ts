import { databaseKind, pingDatabase } from '../../db/client';
import { isSearchConfigured, searchClient } from '../../search/client';
import { pendingOutboxCount } from '../../search/outbox';
import { searchSupervision, type SearchSupervision } from '../../search/supervisor';
import { DATABASE_TIMEOUTS } from '../domain/reliability';
import { loadState, type LoadState } from '../load-shedding.server';

const SEARCH_HEALTH_TIMEOUT_MS = 1_000;

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; kind: string | null };
  search: {
    ok: boolean;
    pendingChanges: number | null;
    message?: string;
    /** The embedded Meilisearch's supervisor: running or restarting, how often it restarted, the last exit. */
    embedded?: SearchSupervision;
  };
  /** Requests in flight, the event loop's recent delay and how many were answered 503, when the app serves. */
  load?: LoadState;
};

/** On the database's own probe connection and time-out, so /healthz answers within seconds in an outage. */
async function checkDatabase() {
  try {
    await pingDatabase();
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

async function countWithin(counting: Promise<number>, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  return Promise.race([counting.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/** Up (200) while the database answers, search or not: without Meilisearch the portal serves and the outbox waits. */
export function healthStatusCode(health: Health): 200 | 503 {
  return health.status === 'down' ? 503 : 200;
}

/** The state of the database and of Meilisearch, for /healthz and for monitoring. */
export async function checkHealth(): Promise<Health> {
  const [database, search] = await Promise.all([checkDatabase(), checkSearch()]);
  // Counted on the pool, which may be busy: a count that does not come in time is left out, not waited for.
  const pendingChanges = database.ok ? await countWithin(pendingOutboxCount(), DATABASE_TIMEOUTS.healthMs) : null;
  const status = !database.ok ? 'down' : search.ok ? 'ok' : 'degraded';
  const embedded = searchSupervision();
  const load = loadState();
  return { status, database, search: { ...search, pendingChanges, ...(embedded ? { embedded: { ...embedded } } : {}) }, ...(load ? { load } : {}) };
}
