/**
 * The transactional outbox to Meilisearch. A service writes an outbox row in the same transaction as its
 * change; the drain brings the entity's current state to the index (upsert, or delete when it no longer
 * belongs there) and only then marks the row processed, so a change is never lost while Meilisearch is down.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of app instances may drain at once. A commit
 * that enqueued rows wakes the workers at once (LISTEN/NOTIFY); their polling is the safety net.
 */
import { and, asc, count, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { MeiliSearch } from 'meilisearch';
import { toIsoDate } from '../app/domain/format';
import { db as processDatabase, type Database, type Executor } from '../db/client';
import { agreements, citizenExcludedCompanies, citizens, companies, jobcentres, openings, searchOutbox, socialMarks } from '../db/schema';
import {
  describeSearchError,
  isSearchConfigured,
  isSearchRefusal,
  searchClient,
  searchIndexNames,
  SearchTaskFailedError,
  waitForSearchTasks,
  type SearchIndexNames,
} from './client';
import {
  CITIZEN_DOCUMENT_COLUMNS,
  citizenDocument,
  OPENING_DOCUMENT_COLUMNS,
  openingDocument,
  shouldIndexCitizen,
  shouldIndexOpening,
  type CitizenDocument,
  type OpeningDocument,
} from './documents';
import { ensureIndexes, INDEX_PRIMARY_KEY } from './indexes';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../app/domain/slots';

export type SearchEntity = (typeof searchOutbox.$inferSelect)['entity'];

/** The current document of an entity, or null when it must not be (or no longer is) in the index. */
export type EntityDocument<T> = { id: string; document: T | null };

type OutboxRow = { id: number; entity: SearchEntity; entityId: string };

/** One entity's change: the outbox rows that announced it and the document it resolves to. */
type SyncAction =
  | { entity: 'opening'; entityId: string; rowIds: number[]; document: OpeningDocument | null }
  | { entity: 'citizen'; entityId: string; rowIds: number[]; document: CitizenDocument | null };

export type DrainOptions = {
  db: Database;
  client: MeiliSearch;
  indexNames: SearchIndexNames;
  batchSize?: number;
  /** Drain only these entities' rows: for a caller that needs its own change searchable at once, and for tests sharing a database. */
  entityIds?: readonly string[];
  now?: Date;
};

export type DrainResult = { claimed: number; indexed: number; removed: number; failed: number; error?: string };

/**
 * The PostgreSQL channel on which an outbox row announces itself. PostgreSQL delivers a NOTIFY only when its
 * transaction commits (and never when it rolls back), so a listening worker wakes exactly when the change
 * can be read, in this process or any other app instance.
 */
export const OUTBOX_CHANNEL = 'jobbro_search_outbox';

export async function enqueueSearchSync(executor: Executor, entity: SearchEntity, entityIds: string | readonly string[]) {
  const ids = [...new Set(typeof entityIds === 'string' ? [entityIds] : entityIds)];
  if (ids.length === 0) return;
  await executor.insert(searchOutbox).values(ids.map((entityId) => ({ entity, entityId })));
  // PostgreSQL folds the same notification within one transaction into one.
  await executor.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

type Unlisten = () => Promise<void>;
/** What postgres.js (`{ unlisten }`) and PGlite (the unlisten function) answer to `listen`. */
type ListeningClient = { listen: (channel: string, onNotify: () => void) => Promise<Unlisten | { unlisten: Unlisten }> };

/**
 * Calls `onCommit` whenever a transaction that enqueued outbox rows commits, on the database's own client:
 * postgres.js keeps a dedicated connection for it (and reconnects it), PGlite listens in process. Null when
 * the client cannot listen; the caller then relies on polling.
 */
export async function listenForOutboxChanges(database: Database, onCommit: () => void): Promise<Unlisten | null> {
  const client = (database as unknown as { $client?: Partial<ListeningClient> }).$client;
  if (typeof client?.listen !== 'function') return null;
  const listening = await (client as ListeningClient).listen(OUTBOX_CHANNEL, () => onCommit());
  return typeof listening === 'function' ? listening : listening.unlisten;
}

export async function pendingOutboxCount(executor: Executor = processDatabase()): Promise<number> {
  const [row] = await executor.select({ pending: count() }).from(searchOutbox).where(isNull(searchOutbox.processedAt));
  return row?.pending ?? 0;
}

function pickColumns<T extends object, K extends keyof T>(table: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, table[name]])) as Pick<T, K>;
}

async function takenSlotsByOpening(executor: Executor, openingIds: string[]): Promise<Map<string, number>> {
  if (openingIds.length === 0) return new Map();
  const rows = await executor
    .select({ openingId: agreements.openingId, taken: count() })
    .from(agreements)
    .where(and(inArray(agreements.openingId, openingIds), inArray(agreements.status, SLOT_HOLDING_AGREEMENT_STATUSES)))
    .groupBy(agreements.openingId);
  return new Map(rows.map((row) => [row.openingId as string, row.taken]));
}

/** The names of the jobcentres whose mark each company holds now, by company id (decision 033). */
export async function heldSocialMarksByCompany(executor: Executor, companyIds: readonly string[]): Promise<Map<string, string[]>> {
  const marks = new Map<string, string[]>();
  if (companyIds.length === 0) return marks;
  const rows = await executor
    .select({ companyId: socialMarks.companyId, jobcentre: jobcentres.name })
    .from(socialMarks)
    .innerJoin(jobcentres, eq(jobcentres.id, socialMarks.jobcentreId))
    .where(and(inArray(socialMarks.companyId, [...new Set(companyIds)]), eq(socialMarks.held, true)))
    .orderBy(asc(jobcentres.name));
  for (const row of rows) marks.set(row.companyId, [...(marks.get(row.companyId) ?? []), row.jobcentre]);
  return marks;
}

/** Openings matching `where`, ordered by id, each with its document or null. */
export async function loadOpeningDocuments(executor: Executor, where: SQL | undefined, limit?: number) {
  const query = executor
    .select({ opening: pickColumns(openings, OPENING_DOCUMENT_COLUMNS), company: { id: companies.id, name: companies.name } })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(where)
    .orderBy(asc(openings.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  const taken = await takenSlotsByOpening(executor, rows.map((row) => row.opening.id));
  const marks = await heldSocialMarksByCompany(executor, rows.map((row) => row.company.id));
  return rows.map(({ opening, company }): EntityDocument<OpeningDocument> => {
    const document = openingDocument(opening, { ...company, socialMarks: marks.get(company.id) ?? [] }, taken.get(opening.id) ?? 0);
    return { id: opening.id, document: shouldIndexOpening(opening, document.freeSlots) ? document : null };
  });
}

async function excludedCompaniesByCitizen(executor: Executor, citizenIds: string[]): Promise<Map<string, string[]>> {
  const excluded = new Map<string, string[]>();
  if (citizenIds.length === 0) return excluded;
  const rows = await executor
    .select({ citizenId: citizenExcludedCompanies.citizenId, companyId: citizenExcludedCompanies.companyId })
    .from(citizenExcludedCompanies)
    .where(inArray(citizenExcludedCompanies.citizenId, citizenIds));
  for (const row of rows) excluded.set(row.citizenId, [...(excluded.get(row.citizenId) ?? []), row.companyId]);
  return excluded;
}

/** Citizens matching `where`, ordered by id, each with its document or null. Selects no personal columns. */
export async function loadCitizenDocuments(executor: Executor, where: SQL | undefined, today: string, limit?: number) {
  const query = executor.select(pickColumns(citizens, CITIZEN_DOCUMENT_COLUMNS)).from(citizens).where(where).orderBy(asc(citizens.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  const excluded = await excludedCompaniesByCitizen(
    executor,
    rows.filter((row) => shouldIndexCitizen(row)).map((row) => row.id),
  );
  return rows.map(
    (row): EntityDocument<CitizenDocument> => ({
      id: row.id,
      document: shouldIndexCitizen(row) ? citizenDocument(row, excluded.get(row.id) ?? [], today) : null,
    }),
  );
}

async function claimPendingRows(tx: Executor, batchSize: number, entityIds: readonly string[] | undefined): Promise<OutboxRow[]> {
  // Rows that failed before go last, so a change Meilisearch rejects does not hold up the ones behind it.
  return tx
    .select({ id: searchOutbox.id, entity: searchOutbox.entity, entityId: searchOutbox.entityId })
    .from(searchOutbox)
    .where(and(isNull(searchOutbox.processedAt), entityIds ? inArray(searchOutbox.entityId, [...entityIds]) : undefined))
    .orderBy(asc(searchOutbox.attempts), asc(searchOutbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
}

function rowIdsByEntity(rows: OutboxRow[], entity: SearchEntity): Map<string, number[]> {
  const byEntity = new Map<string, number[]>();
  for (const row of rows) {
    if (row.entity === entity) byEntity.set(row.entityId, [...(byEntity.get(row.entityId) ?? []), row.id]);
  }
  return byEntity;
}

async function resolveActions(tx: Executor, rows: OutboxRow[], today: string): Promise<SyncAction[]> {
  const openingRows = rowIdsByEntity(rows, 'opening');
  const citizenRows = rowIdsByEntity(rows, 'citizen');
  const openingIds = [...openingRows.keys()];
  const citizenIds = [...citizenRows.keys()];
  const openingDocs = openingIds.length ? await loadOpeningDocuments(tx, inArray(openings.id, openingIds)) : [];
  const citizenDocs = citizenIds.length ? await loadCitizenDocuments(tx, inArray(citizens.id, citizenIds), today) : [];
  const openingById = new Map(openingDocs.map((entry) => [entry.id, entry.document]));
  const citizenById = new Map(citizenDocs.map((entry) => [entry.id, entry.document]));
  return [
    ...[...openingRows].map(
      ([entityId, rowIds]): SyncAction => ({ entity: 'opening', entityId, rowIds, document: openingById.get(entityId) ?? null }),
    ),
    ...[...citizenRows].map(
      ([entityId, rowIds]): SyncAction => ({ entity: 'citizen', entityId, rowIds, document: citizenById.get(entityId) ?? null }),
    ),
  ];
}

/** Sends upserts and deletes for one index and returns the enqueued tasks. */
async function sendToIndex<T extends { id: string }>(client: MeiliSearch, uid: string, entries: { entityId: string; document: T | null }[]) {
  const index = client.index<T>(uid);
  const upserts = entries.flatMap((entry) => (entry.document ? [entry.document] : []));
  const deletes = entries.filter((entry) => !entry.document).map((entry) => entry.entityId);
  const tasks = [];
  if (upserts.length > 0) tasks.push(await index.addDocuments(upserts, { primaryKey: INDEX_PRIMARY_KEY }));
  if (deletes.length > 0) tasks.push(await index.deleteDocuments(deletes));
  return tasks;
}

async function pushActions(client: MeiliSearch, names: SearchIndexNames, actions: SyncAction[]) {
  const openingActions = actions.filter((action) => action.entity === 'opening');
  const citizenActions = actions.filter((action) => action.entity === 'citizen');
  const tasks = [
    ...(await sendToIndex<OpeningDocument>(client, names.openings, openingActions)),
    ...(await sendToIndex<CitizenDocument>(client, names.citizens, citizenActions)),
  ];
  await waitForSearchTasks(client, tasks);
}

async function markProcessed(tx: Executor, rowIds: number[]) {
  if (rowIds.length === 0) return;
  await tx.update(searchOutbox).set({ processedAt: sql`now()` }).where(inArray(searchOutbox.id, rowIds));
}

async function recordFailure(tx: Executor, rowIds: number[], error: unknown) {
  if (rowIds.length === 0) return;
  await tx
    .update(searchOutbox)
    .set({ attempts: sql`${searchOutbox.attempts} + 1`, lastError: describeSearchError(error, { withMessage: true }) })
    .where(inArray(searchOutbox.id, rowIds));
}

function countResult(actions: SyncAction[], claimed: number): DrainResult {
  const indexed = actions.filter((action) => action.document).length;
  return { claimed, indexed, removed: actions.length - indexed, failed: 0 };
}

/**
 * Meilisearch rejected a batch (a failed task names no document): send each entity alone, so that only
 * the rejected ones stay pending.
 */
async function pushOneByOne(tx: Executor, client: MeiliSearch, names: SearchIndexNames, actions: SyncAction[], claimed: number) {
  const delivered: SyncAction[] = [];
  let failedRows = 0;
  let lastError: unknown;
  for (const action of actions) {
    try {
      await pushActions(client, names, [action]);
      delivered.push(action);
    } catch (error) {
      lastError = error;
      failedRows += action.rowIds.length;
      await recordFailure(tx, action.rowIds, error);
    }
  }
  await markProcessed(tx, delivered.flatMap((action) => action.rowIds));
  const result = { ...countResult(delivered, claimed), failed: failedRows };
  return lastError === undefined ? result : { ...result, error: describeSearchError(lastError) };
}

/** Brings one batch of pending outbox rows to Meilisearch. A Meilisearch error leaves them pending, counted. */
export async function drainOutbox({ db, client, indexNames, batchSize = 500, entityIds, now = new Date() }: DrainOptions): Promise<DrainResult> {
  return db.transaction(async (tx) => {
    const rows = await claimPendingRows(tx, batchSize, entityIds);
    if (rows.length === 0) return { claimed: 0, indexed: 0, removed: 0, failed: 0 };
    const actions = await resolveActions(tx, rows, toIsoDate(now));
    try {
      await pushActions(client, indexNames, actions);
    } catch (error) {
      if (error instanceof SearchTaskFailedError && actions.length > 1) {
        return pushOneByOne(tx, client, indexNames, actions, rows.length);
      }
      await recordFailure(tx, rows.map((row) => row.id), error);
      return { claimed: rows.length, indexed: 0, removed: 0, failed: rows.length, error: describeSearchError(error) };
    }
    await markProcessed(tx, rows.map((row) => row.id));
    return countResult(actions, rows.length);
  });
}

/** Entities whose outbox rows were processed since `since` (database time): a reindex replays them. */
export async function entitiesProcessedSince(executor: Executor, since: Date) {
  return executor
    .selectDistinct({ entity: searchOutbox.entity, entityId: searchOutbox.entityId })
    .from(searchOutbox)
    .where(gt(searchOutbox.processedAt, since));
}

const MAX_RETRY_DELAY_MS = 10_000;

type WorkerOptions = {
  /** The poll: the safety net for a missed notification, and the pace of retries. */
  intervalMs?: number;
  batchSize?: number;
  /** Drain as soon as a change is committed (PostgreSQL LISTEN/NOTIFY), not only at the next poll. */
  wakeOnCommit?: boolean;
};

export type OutboxWorker = {
  /**
   * Drains now instead of at the next poll, unless Meilisearch is failing (the back-off holds). Resolves when
   * a round that began after the call has finished.
   */
  wake: () => Promise<void>;
  /**
   * Meilisearch is back (its supervisor restarted it): the back-off ends and a round begins now, so the
   * backlog goes in at once instead of at the next retry up to ten seconds later.
   */
  retryNow: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Drains the outbox inside the app process while there is work: woken by every committed change, and polling
 * as a safety net. Reads the process-wide database and search client on every round, so it starts before
 * Meilisearch is reachable and picks it up when it is. A failure is logged once, with codes only (never
 * document content), until a round succeeds again.
 */
export function startOutboxWorker({ intervalMs = 250, batchSize = 500, wakeOnCommit = true }: WorkerOptions = {}): OutboxWorker {
  let state: 'starting' | 'waiting' | 'draining' | 'stopped' = 'starting';
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let retryDelay = intervalMs;
  let failing = false;
  let indexesReadyFor: MeiliSearch | null = null;
  /** Callers of wake() waiting for the next round to finish. */
  let waiting: (() => void)[] = [];
  /** A change was committed while a round ran: it may have been read too early, so go again at once. */
  let wokenWhileDraining = false;
  /** retryNow() was called: the next round starts at once, back-off or not. */
  let searchIsBack = false;

  function reportFailure(reason: string, pending: number | null) {
    if (!failing) {
      const waitingChanges = pending === null ? '' : `; ${pending} ændringer venter i udbakken`;
      console.warn(`Søgeindeks: udbakken kan ikke nå Meilisearch (${reason})${waitingChanges}. Prøver igen.`);
    }
    failing = true;
    indexesReadyFor = null;
    retryDelay = Math.min(Math.max(retryDelay * 2, 1000), MAX_RETRY_DELAY_MS);
    return retryDelay;
  }

  function reportSuccess() {
    if (failing) console.info('Søgeindeks: Meilisearch er opdateret igen.');
    failing = false;
    retryDelay = intervalMs;
  }

  async function round(): Promise<number> {
    if (!isSearchConfigured()) return intervalMs;
    const database = processDatabase();
    const pending = await pendingOutboxCount(database);
    if (pending === 0) return intervalMs;
    const client = searchClient();
    const indexNames = searchIndexNames();
    if (indexesReadyFor !== client) {
      try {
        await ensureIndexes(client, indexNames);
        indexesReadyFor = client;
      } catch (error) {
        // A refusal means the settings cannot be applied: documents must not go in without them. When
        // Meilisearch is just unreachable, the drain below fails too and counts the attempt on the rows.
        if (isSearchRefusal(error)) return reportFailure(describeSearchError(error), pending);
      }
    }
    const result = await drainOutbox({ db: database, client, indexNames, batchSize });
    if (result.failed > 0) return reportFailure(result.error ?? 'ukendt fejl', pending);
    reportSuccess();
    return result.claimed === batchSize ? 0 : intervalMs;
  }

  function runRound() {
    state = 'draining';
    wokenWhileDraining = false;
    searchIsBack = false;
    const answered = waiting;
    waiting = [];
    running = round()
      .catch((error: unknown) => reportFailure(describeSearchError(error), null))
      .then((delayMs) => {
        for (const resolve of answered) resolve();
        if (state === 'stopped') return;
        state = 'waiting';
        schedule(searchIsBack || (wokenWhileDraining && !failing) ? 0 : delayMs);
      });
  }

  function schedule(delayMs: number) {
    timer = setTimeout(runRound, delayMs);
    timer.unref();
  }

  function wake(): Promise<void> {
    if (state === 'stopped') return Promise.resolve();
    const done = new Promise<void>((resolve) => waiting.push(resolve));
    if (state === 'draining') wokenWhileDraining = true;
    else if (state === 'waiting' && !failing) {
      clearTimeout(timer);
      schedule(0);
    }
    return done;
  }

  function retryNow(): Promise<void> {
    if (state === 'stopped') return Promise.resolve();
    searchIsBack = true;
    retryDelay = intervalMs;
    if (state === 'waiting') {
      clearTimeout(timer);
      schedule(0);
    }
    return wake();
  }

  async function listen(): Promise<Unlisten | null> {
    if (!wakeOnCommit) return null;
    try {
      return await listenForOutboxChanges(processDatabase(), () => void wake());
    } catch (error) {
      console.warn(`Søgeindeks: udbakken kan ikke lytte efter ændringer (${describeSearchError(error)}); den ser efter dem hvert ${intervalMs}. millisekund.`);
      return null;
    }
  }

  // The first round runs once the worker listens, so no change committed after start waits for a poll.
  const listening = listen().finally(() => {
    if (state === 'starting') runRound();
  });

  return {
    wake,
    retryNow,
    stop: async () => {
      state = 'stopped';
      clearTimeout(timer);
      const unlisten = await listening;
      await unlisten?.().catch(() => {});
      await running;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
  };
}
