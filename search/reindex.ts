/**
 * A full rebuild from PostgreSQL, the source of truth: both indexes are built under new names, then swapped
 * with the live names in one atomic step, so searches answer from the old indexes until the new ones are
 * complete. Changes drained into the old indexes during the rebuild are replayed through the outbox.
 */
import { gt, sql } from 'drizzle-orm';
import type { MeiliSearch, Settings } from 'meilisearch';
import { toIsoDate } from '../app/domain/format';
import type { Database, Executor } from '../db/client';
import { citizens, openings } from '../db/schema';
import { waitForSearchTasks, type SearchIndexNames } from './client';
import type { CitizenDocument, OpeningDocument } from './documents';
import {
  applyIndexSettings,
  CITIZENS_INDEX_SETTINGS,
  createIndexIfMissing,
  deleteIndexIfExists,
  INDEX_PRIMARY_KEY,
  OPENINGS_INDEX_SETTINGS,
} from './indexes';
import { recordDocumentsVersion, SEARCH_DOCUMENTS_VERSION, storedDocumentsVersion } from './documents-version';
import { enqueueSearchSync, entitiesProcessedSince, loadCitizenDocuments, loadOpeningDocuments, type EntityDocument } from './outbox';

const DEFAULT_BATCH_SIZE = 5000;

type ReindexOptions = { db: Database; client: MeiliSearch; indexNames: SearchIndexNames; batchSize?: number; now?: Date };
export type ReindexResult = { openings: number; citizens: number; replayed: number; durationMs: number };

/** Reads one batch after `afterId` (keyset pagination by id). */
type BatchLoader<T> = (afterId: string | undefined, limit: number) => Promise<EntityDocument<T>[]>;

/** The database's clock, which also stamps the outbox rows' processed_at. */
async function databaseNow(executor: Executor): Promise<Date> {
  const [row] = await executor
    .select({ epochMs: sql`floor(extract(epoch from now()) * 1000)`.mapWith(Number) })
    .from(sql`(select 1) as one`);
  return new Date(row!.epochMs);
}

/** Loads every batch and sends the documents that belong in search; returns how many. */
async function fillIndex<T extends { id: string }>(client: MeiliSearch, uid: string, load: BatchLoader<T>, batchSize: number) {
  const index = client.index<T>(uid);
  const tasks = [];
  let total = 0;
  let afterId: string | undefined;
  for (;;) {
    const batch = await load(afterId, batchSize);
    const documents = batch.flatMap((entry) => (entry.document ? [entry.document] : []));
    if (documents.length > 0) tasks.push(await index.addDocuments(documents, { primaryKey: INDEX_PRIMARY_KEY }));
    total += documents.length;
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1]!.id;
  }
  await waitForSearchTasks(client, tasks);
  return total;
}

async function buildIndex<T extends { id: string }>(
  client: MeiliSearch,
  uid: string,
  settings: Settings,
  load: BatchLoader<T>,
  batchSize: number,
) {
  await applyIndexSettings(client, uid, settings);
  return fillIndex(client, uid, load, batchSize);
}

/**
 * Like Promise.all, but settles every build before throwing the first error, so a half-built index is not
 * removed while the other build still sends documents to it.
 */
async function allOrFirstError<T extends readonly unknown[]>(builds: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(builds);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Swaps each live name with its new index; a live index that does not exist yet is created empty first. */
async function swapIntoLive(client: MeiliSearch, pairs: [live: string, fresh: string][]) {
  for (const [live] of pairs) await createIndexIfMissing(client, live);
  const task = await client.swapIndexes(pairs.map(([live, fresh]) => ({ indexes: [live, fresh], rename: false })));
  await waitForSearchTasks(client, [task]);
}

/** Changes drained into the old indexes while the new ones were read are sent again, to the new ones. */
async function replayChangesSince(db: Database, since: Date): Promise<number> {
  const changed = await entitiesProcessedSince(db, since);
  const ids = (entity: 'opening' | 'citizen') => changed.filter((row) => row.entity === entity).map((row) => row.entityId);
  await db.transaction(async (tx) => {
    await enqueueSearchSync(tx, 'opening', ids('opening'));
    await enqueueSearchSync(tx, 'citizen', ids('citizen'));
  });
  return changed.length;
}

export async function reindexAll({ db, client, indexNames, batchSize = DEFAULT_BATCH_SIZE, now = new Date() }: ReindexOptions): Promise<ReindexResult> {
  const started = performance.now();
  const startedAt = await databaseNow(db);
  const stamp = Date.now();
  const fresh: SearchIndexNames = { openings: `${indexNames.openings}_${stamp}`, citizens: `${indexNames.citizens}_${stamp}` };
  const today = toIsoDate(now);
  let swapped = false;
  try {
    // Both at once: while Meilisearch indexes one index's batch, the next batches of both are read and sent,
    // so it never waits for PostgreSQL or for the other index's settings.
    const [openingCount, citizenCount] = await allOrFirstError([
      buildIndex<OpeningDocument>(
        client,
        fresh.openings,
        OPENINGS_INDEX_SETTINGS,
        (afterId, limit) => loadOpeningDocuments(db, afterId ? gt(openings.id, afterId) : undefined, limit),
        batchSize,
      ),
      buildIndex<CitizenDocument>(
        client,
        fresh.citizens,
        CITIZENS_INDEX_SETTINGS,
        (afterId, limit) => loadCitizenDocuments(db, afterId ? gt(citizens.id, afterId) : undefined, today, limit),
        batchSize,
      ),
    ]);
    await swapIntoLive(client, [
      [indexNames.openings, fresh.openings],
      [indexNames.citizens, fresh.citizens],
    ]);
    swapped = true;
    await recordDocumentsVersion(client, indexNames);
    // After the swap the new names hold the old indexes.
    await deleteIndexIfExists(client, fresh.openings);
    await deleteIndexIfExists(client, fresh.citizens);
    const replayed = await replayChangesSince(db, startedAt);
    return { openings: openingCount, citizens: citizenCount, replayed, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (!swapped) await removeHalfBuilt(client, fresh);
    throw error;
  }
}

/**
 * At start: rebuilds both indexes when they hold another shape of documents than this code writes, or
 * none is recorded (search/documents-version.ts); null when they are current.
 */
export async function reindexIfDocumentsChanged(options: ReindexOptions): Promise<ReindexResult | null> {
  if ((await storedDocumentsVersion(options.client, options.indexNames)) === SEARCH_DOCUMENTS_VERSION) return null;
  return reindexAll(options);
}

async function removeHalfBuilt(client: MeiliSearch, fresh: SearchIndexNames) {
  try {
    await deleteIndexIfExists(client, fresh.openings);
    await deleteIndexIfExists(client, fresh.citizens);
  } catch {
    // Meilisearch is what failed; the caller reports that error, and the next reindex uses new names.
  }
}
