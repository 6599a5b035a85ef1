import { eq, inArray } from 'drizzle-orm';
import type { MeiliSearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDatabase, installDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { agreements, citizens, openings, searchOutbox } from '../../db/schema';
import { configureSearch, searchErrorCode } from '../../search/client';
import type { OpeningDocument } from '../../search/documents';
import { drainOutbox, enqueueSearchSync, listenForOutboxChanges, pendingOutboxCount, startOutboxWorker } from '../../search/outbox';
import {
  insertTestCompany,
  insertTestJobcentre,
  openTestDatabase,
  testCitizen,
  testOpening,
} from '../helpers/database';
import { closedLoopbackUrl, openTestSearch, unreachableSearchClient } from '../helpers/search';

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let companyId: string;
let jobcentreId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('outbox');
  companyId = (await insertTestCompany(handle.db, 'Skinnende Kontorer ApS')).id;
  jobcentreId = (await insertTestJobcentre(handle.db)).id;
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

/** Drains only this file's entities: other files share the database and drain their own. */
function drain(entityIds: string[], client: MeiliSearch = search.client) {
  return drainOutbox({ db: handle.db, client, indexNames: search.indexNames, entityIds, now: new Date('2027-03-01T10:00:00Z') });
}

async function documentOrNull(indexUid: string, id: string): Promise<Record<string, unknown> | null> {
  try {
    return await search.client.index(indexUid).getDocument(id);
  } catch (error) {
    if (searchErrorCode(error) === 'document_not_found') return null;
    throw error;
  }
}

const openingDocumentOrNull = (id: string) => documentOrNull(search.indexNames.openings, id);
const citizenDocumentOrNull = (id: string) => documentOrNull(search.indexNames.citizens, id);

async function searchOpeningIds(query: string) {
  const result = await search.client
    .index<OpeningDocument>(search.indexNames.openings)
    .search(query, { filter: `companyId = "${companyId}"`, attributesToRetrieve: ['id'] });
  return result.hits.map((hit) => hit.id);
}

async function outboxRowsOf(entityId: string) {
  return handle.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, entityId));
}

/** The service pattern: the row and its outbox entry in one transaction. */
async function saveOpening(overrides: Parameters<typeof testOpening>[1] = {}) {
  return handle.db.transaction(async (tx) => {
    const [opening] = await tx.insert(openings).values(testOpening(companyId, overrides)).returning();
    await enqueueSearchSync(tx, 'opening', opening!.id);
    return opening!;
  });
}

async function saveCitizen(overrides: Parameters<typeof testCitizen>[1] = {}) {
  return handle.db.transaction(async (tx) => {
    const [citizen] = await tx.insert(citizens).values(testCitizen(jobcentreId, overrides)).returning();
    await enqueueSearchSync(tx, 'citizen', citizen!.id);
    return citizen!;
  });
}

describe('an opening through the outbox', () => {
  it('is pending after the save and searchable after the drain, also when typed without Danish letters', async () => {
    const opening = await saveOpening({ title: 'Rengøring af kontorer i Aarhus' });
    expect(await outboxRowsOf(opening.id)).toMatchObject([{ entity: 'opening', processedAt: null }]);
    expect(await openingDocumentOrNull(opening.id)).toBeNull();

    const result = await drain([opening.id]);

    expect(result).toMatchObject({ indexed: 1, removed: 0, failed: 0 });
    expect(await searchOpeningIds('rengøring')).toContain(opening.id);
    expect(await searchOpeningIds('rengoring')).toContain(opening.id);
    expect(await searchOpeningIds('rengøringsassistent')).toContain(opening.id);
    const [row] = await outboxRowsOf(opening.id);
    expect(row!.processedAt).not.toBeNull();
  });

  it('shows the company name and no contact person in the document', async () => {
    const opening = await saveOpening();
    await drain([opening.id]);
    const document = await openingDocumentOrNull(opening.id);
    expect(document).toMatchObject({ id: opening.id, companyName: 'Skinnende Kontorer ApS', freeSlots: 1, startDate: 20270301 });
    expect(document).not.toHaveProperty('contactName');
    expect(document).not.toHaveProperty('contactPhone');
    expect(document).not.toHaveProperty('contactEmail');
  });

  it('leaves the index when the opening is closed', async () => {
    const opening = await saveOpening();
    await drain([opening.id]);
    expect(await openingDocumentOrNull(opening.id)).not.toBeNull();

    await handle.db.transaction(async (tx) => {
      await tx.update(openings).set({ status: 'closed' }).where(eq(openings.id, opening.id));
      await enqueueSearchSync(tx, 'opening', opening.id);
    });
    const result = await drain([opening.id]);

    expect(result).toMatchObject({ indexed: 0, removed: 1, failed: 0 });
    expect(await openingDocumentOrNull(opening.id)).toBeNull();
    expect(await searchOpeningIds('rengøring')).not.toContain(opening.id);
  });

  it('leaves the index when an agreement takes its last slot', async () => {
    const opening = await saveOpening({ slots: 1 });
    await drain([opening.id]);
    const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentreId)).returning();

    await handle.db.transaction(async (tx) => {
      await tx.insert(agreements).values({ citizenId: citizen!.id, companyId, openingId: opening.id, status: 'active' });
      await enqueueSearchSync(tx, 'opening', opening.id);
    });
    await drain([opening.id]);

    expect(await openingDocumentOrNull(opening.id)).toBeNull();
  });

  it('is indexed once however many outbox rows announced it', async () => {
    const opening = await saveOpening();
    await enqueueSearchSync(handle.db, 'opening', [opening.id, opening.id]);
    await enqueueSearchSync(handle.db, 'opening', opening.id);

    const result = await drain([opening.id]);

    expect(result.indexed).toBe(1);
    expect((await outboxRowsOf(opening.id)).every((row) => row.processedAt !== null)).toBe(true);
  });

  it('is removed from the index when the row is deleted', async () => {
    const opening = await saveOpening();
    await drain([opening.id]);
    await handle.db.transaction(async (tx) => {
      await tx.delete(openings).where(eq(openings.id, opening.id));
      await enqueueSearchSync(tx, 'opening', opening.id);
    });

    await drain([opening.id]);

    expect(await openingDocumentOrNull(opening.id)).toBeNull();
  });
});

describe('a citizen through the outbox', () => {
  it('is indexed without name, contact, address or health notes', async () => {
    const citizen = await saveCitizen();
    await drain([citizen.id]);

    const document = await citizenDocumentOrNull(citizen.id);
    expect(document).toMatchObject({ id: citizen.id, jobcentreId, eligibleKinds: ['ordinary_hours'], languages: ['dansk'] });
    // The place is there as its postcode only (decision 010): the same the coordinates it replaced told.
    for (const field of ['name', 'email', 'phone', 'healthNotes', 'city', 'lat', 'lon', 'nextAction', 'consentToShare']) {
      expect(document).not.toHaveProperty(field);
    }
    expect(JSON.stringify(document)).not.toContain('Følsomt');
  });

  it('is found by a wish typed without Danish letters', async () => {
    const citizen = await saveCitizen({ wishes: 'Køkkenhjælp i en kantine' });
    await drain([citizen.id]);
    const result = await search.client
      .index(search.indexNames.citizens)
      .search('kokken', { filter: `jobcentreId = "${jobcentreId}"`, attributesToRetrieve: ['id'] });
    expect(result.hits.map((hit) => hit.id)).toContain(citizen.id);
  });

  it('is not indexed without consent to share', async () => {
    const citizen = await saveCitizen({ consentToShare: false });
    const result = await drain([citizen.id]);

    expect(result).toMatchObject({ indexed: 0, removed: 1 });
    expect(await citizenDocumentOrNull(citizen.id)).toBeNull();
  });

  it('leaves the index when consent is withdrawn', async () => {
    const citizen = await saveCitizen();
    await drain([citizen.id]);
    await handle.db.transaction(async (tx) => {
      await tx.update(citizens).set({ consentToShare: false }).where(eq(citizens.id, citizen.id));
      await enqueueSearchSync(tx, 'citizen', citizen.id);
    });

    await drain([citizen.id]);

    expect(await citizenDocumentOrNull(citizen.id)).toBeNull();
  });
});

describe('a committed change', () => {
  it('is announced to whoever listens on the database, so workers need not wait for their poll', async () => {
    let announced!: () => void;
    const announcement = new Promise<void>((resolve) => (announced = resolve));
    const unlisten = await listenForOutboxChanges(handle.db, () => announced());
    try {
      expect(unlisten).not.toBeNull();
      await saveOpening();
      await announcement;
    } finally {
      await unlisten?.();
    }
  });
});

describe('when Meilisearch is unreachable', () => {
  it('keeps the change pending with the attempt counted, and delivers it later', async () => {
    const opening = await saveOpening();
    const unreachable = await unreachableSearchClient();

    const failed = await drain([opening.id], unreachable);

    expect(failed).toMatchObject({ indexed: 0, failed: 1 });
    expect(failed.error).toBe('ECONNREFUSED');
    const [pending] = await outboxRowsOf(opening.id);
    expect(pending).toMatchObject({ processedAt: null, attempts: 1 });
    expect(pending!.lastError).toContain('ECONNREFUSED');

    await drain([opening.id], unreachable);
    expect((await outboxRowsOf(opening.id))[0]!.attempts).toBe(2);

    const delivered = await drain([opening.id]);

    expect(delivered).toMatchObject({ indexed: 1, failed: 0 });
    expect(await openingDocumentOrNull(opening.id)).not.toBeNull();
    expect((await outboxRowsOf(opening.id))[0]!.processedAt).not.toBeNull();
  });
});

// The worker drains every pending row of the process database; on a shared PostgreSQL it would take other
// files' rows, so these tests give it an in-memory PGlite of its own, whatever DATABASE_URL says.
describe('the outbox worker', () => {
  let shared: DatabaseHandle;
  let sharedIds: { companyId: string; jobcentreId: string };

  beforeAll(async () => {
    shared = handle;
    sharedIds = { companyId, jobcentreId };
    handle = await createDatabase({});
    await migrateDatabase(handle);
    installDatabase(handle);
    companyId = (await insertTestCompany(handle.db, 'Skinnende Kontorer ApS')).id;
    jobcentreId = (await insertTestJobcentre(handle.db)).id;
  });

  afterAll(async () => {
    await handle.close();
    handle = shared;
    ({ companyId, jobcentreId } = sharedIds);
    installDatabase(shared);
  });

  it('drains what services enqueue until nothing is pending', async () => {
    const opening = await saveOpening();
    const citizen = await saveCitizen();
    const worker = startOutboxWorker({ intervalMs: 50 });
    try {
      await vi.waitFor(async () => expect(await pendingOutboxCount(handle.db)).toBe(0), { timeout: 20_000, interval: 100 });
    } finally {
      await worker.stop();
    }
    expect(await openingDocumentOrNull(opening.id)).not.toBeNull();
    expect(await citizenDocumentOrNull(citizen.id)).not.toBeNull();
    const rows = await handle.db.select().from(searchOutbox).where(inArray(searchOutbox.entityId, [opening.id, citizen.id]));
    expect(rows.every((row) => row.processedAt !== null)).toBe(true);
  });

  it('drains at once when woken, without waiting for its next poll', async () => {
    const worker = startOutboxWorker({ intervalMs: 3_600_000, wakeOnCommit: false });
    try {
      await worker.wake();
      const opening = await saveOpening({ title: 'Opvask i kantine' });
      expect(await outboxRowsOf(opening.id)).toMatchObject([{ processedAt: null }]);

      await worker.wake();

      expect((await outboxRowsOf(opening.id))[0]!.processedAt).not.toBeNull();
      expect(await openingDocumentOrNull(opening.id)).not.toBeNull();
    } finally {
      await worker.stop();
    }
  });

  it('is woken by the commit of a change, with its next poll an hour away', async () => {
    const worker = startOutboxWorker({ intervalMs: 3_600_000 });
    try {
      await worker.wake();
      const citizen = await saveCitizen({ wishes: 'Gartnermedhjælper i en park' });

      await vi.waitFor(async () => expect(await pendingOutboxCount(handle.db)).toBe(0), { timeout: 20_000, interval: 50 });

      expect(await citizenDocumentOrNull(citizen.id)).not.toBeNull();
    } finally {
      await worker.stop();
    }
  });

  it('rides out Meilisearch being down with one warning line and no personal data, then catches up', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { host, apiKey } = { host: inject('meiliUrl'), apiKey: inject('meiliKey') };
    configureSearch({ host: await closedLoopbackUrl(), apiKey: 'unused', indexNames: search.indexNames });
    const citizen = await saveCitizen({ wishes: 'Pedel på en skole', healthNotes: 'Hemmelig helbredsnote' });
    const worker = startOutboxWorker({ intervalMs: 50 });
    try {
      await vi.waitFor(async () => expect((await outboxRowsOf(citizen.id))[0]!.attempts).toBeGreaterThanOrEqual(2), {
        timeout: 20_000,
        interval: 100,
      });
      expect(warn).toHaveBeenCalledTimes(1);
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).not.toContain('Pedel');
      expect(logged).not.toContain('Hemmelig');

      configureSearch({ host, apiKey, indexNames: search.indexNames });
      await vi.waitFor(async () => expect(await pendingOutboxCount(handle.db)).toBe(0), { timeout: 30_000, interval: 100 });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(info).toHaveBeenCalledWith(expect.stringContaining('opdateret igen'));
    } finally {
      await worker.stop();
      configureSearch({ host, apiKey, indexNames: search.indexNames });
      warn.mockRestore();
      info.mockRestore();
    }
    expect(await citizenDocumentOrNull(citizen.id)).not.toBeNull();
  });
});
