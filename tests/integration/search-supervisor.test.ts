/**
 * The embedded Meilisearch is supervised: killed, it is started again by itself on its own data folder, and
 * what changed meanwhile reaches it through the outbox without anyone restarting the app.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { openings, searchOutbox } from '../../db/schema';
import { configureSearch, searchClient, searchErrorCode, searchIndexNames } from '../../search/client';
import { ensureIndexes, deleteIndexIfExists } from '../../search/indexes';
import { enqueueSearchSync, startOutboxWorker, type OutboxWorker } from '../../search/outbox';
import { searchSupervision, superviseEmbeddedMeilisearch, type SupervisedMeilisearch } from '../../search/supervisor';
import { runningEmbeddedMeilisearch } from '../../search/embedded';
import { checkHealth } from '../../app/services/health.server';
import { insertTestCompany, openTestDatabase, testOpening } from '../helpers/database';

let handle: DatabaseHandle;
let dataDir: string;
let supervised: SupervisedMeilisearch;
let worker: OutboxWorker;
let companyId: string;
const quiet = { info: () => {}, warn: () => {} };
const indexNames = { openings: `t_supervisor_${Date.now()}_openings`, citizens: `t_supervisor_${Date.now()}_citizens` };

beforeAll(async () => {
  handle = await openTestDatabase();
  companyId = (await insertTestCompany(handle.db)).id;
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobbro-supervisor-'));
  supervised = await superviseEmbeddedMeilisearch({ dataDir, log: quiet, onRestarted: () => void worker.retryNow() });
  const running = supervised.current()!;
  configureSearch({ host: running.url, apiKey: running.masterKey, indexNames });
  await ensureIndexes(searchClient(), indexNames);
  worker = startOutboxWorker({ intervalMs: 100 });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await supervised?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
  await handle?.close();
});

async function isIndexed(openingId: string) {
  try {
    await searchClient().index(searchIndexNames().openings).getDocument(openingId);
    return true;
  } catch (error) {
    if (searchErrorCode(error) === 'document_not_found') return false;
    throw error;
  }
}

describe('the embedded Meilisearch under supervision', () => {
  it('is started again after it is killed, and the changes made while it was gone are drained into it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const killed = supervised.current()!;
    process.kill(killed.pid!, 'SIGKILL');
    await killed.exited;

    // Saved while search is gone: it waits in the outbox.
    const opening = await handle.db.transaction(async (tx) => {
      const [row] = await tx.insert(openings).values(testOpening(companyId, { title: 'Lagerhjælper om morgenen' })).returning();
      await enqueueSearchSync(tx, 'opening', row!.id);
      return row!;
    });

    await vi.waitFor(() => expect(searchSupervision()).toMatchObject({ state: 'running', restarts: 1, lastExit: 'signal SIGKILL' }), {
      timeout: 20_000,
      interval: 100,
    });
    expect(supervised.current()!.pid).not.toBe(killed.pid);
    await vi.waitFor(async () => expect(await isIndexed(opening.id)).toBe(true), { timeout: 20_000, interval: 100 });
    // The outbox marks its row done once Meilisearch says the task succeeded, a moment after the document shows.
    await vi.waitFor(
      async () => {
        const rows = await handle.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, opening.id));
        expect(rows.every((row) => row.processedAt !== null)).toBe(true);
      },
      { timeout: 20_000, interval: 100 },
    );

    // `npm run reindex` finds the restarted one in the data folder.
    expect(await runningEmbeddedMeilisearch(dataDir)).toMatchObject({ url: supervised.current()!.url, pid: supervised.current()!.pid });

    const health = await checkHealth();
    expect(health.search).toMatchObject({ ok: true, embedded: { state: 'running', restarts: 1 } });
    await deleteIndexIfExists(searchClient(), indexNames.openings);
    await deleteIndexIfExists(searchClient(), indexNames.citizens);
  });
});
