import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { citizens, openings } from '../../db/schema';
import { waitForSearchTasks, type SearchIndexNames } from '../../search/client';
import { metaIndexName, SEARCH_DOCUMENTS_VERSION, storedDocumentsVersion } from '../../search/documents-version';
import { deleteIndexIfExists, ensureIndexes } from '../../search/indexes';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { reindexAll, reindexIfDocumentsChanged } from '../../search/reindex';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

const NOW = new Date('2027-03-01T10:00:00Z');

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let companyId: string;
let jobcentreId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('reindex');
  companyId = (await insertTestCompany(handle.db)).id;
  jobcentreId = (await insertTestJobcentre(handle.db)).id;
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

/** This file's rows in the state a consultant would see them: some searchable, some not. */
async function seedOwnRows() {
  const openingRows = await handle.db
    .insert(openings)
    .values([
      testOpening(companyId, { title: 'Rengøring af kontorer' }),
      testOpening(companyId, { title: 'Lagermedarbejder til pakning', description: 'Pakning af ordrer.', slots: 2 }),
      testOpening(companyId, { title: 'Køkkenhjælp i kantinen', description: 'Opvask og anretning.', kind: 'flexjob' }),
      testOpening(companyId, { title: 'Lukket opslag', status: 'closed' }),
      testOpening(companyId, { title: 'Kladde', status: 'draft', publishedAt: null }),
    ])
    .returning({ id: openings.id });
  const citizenRows = await handle.db
    .insert(citizens)
    .values([
      testCitizen(jobcentreId),
      testCitizen(jobcentreId, { benefitStatus: 'disability_pension', wishes: 'butik' }),
      testCitizen(jobcentreId, { consentToShare: false }),
      testCitizen(jobcentreId, { phase: 'rehabilitation_team' }),
    ])
    .returning({ id: citizens.id });
  const ids = [...openingRows, ...citizenRows].map((row) => row.id);
  await enqueueSearchSync(handle.db, 'opening', openingRows.map((row) => row.id));
  await enqueueSearchSync(handle.db, 'citizen', citizenRows.map((row) => row.id));
  await drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds: ids, now: NOW });
  return { openingIds: openingRows.map((row) => row.id), citizenIds: citizenRows.map((row) => row.id) };
}

/** This file's documents only: on a shared database the reindex also brings other files' rows. */
async function ownDocuments(names: SearchIndexNames) {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const openingDocs = await search.client
    .index<{ id: string }>(names.openings)
    .getDocuments({ filter: `companyId = "${companyId}"`, limit: 1000 });
  const citizenDocs = await search.client
    .index<{ id: string }>(names.citizens)
    .getDocuments({ filter: `jobcentreId = "${jobcentreId}"`, limit: 1000 });
  return { openings: openingDocs.results.sort(byId), citizens: citizenDocs.results.sort(byId) };
}

async function indexUidsStartingWith(prefix: string) {
  const { results } = await search.client.getRawIndexes({ limit: 1000 });
  return results.map((index) => index.uid).filter((uid) => uid.startsWith(prefix)).sort();
}

describe('reindexAll', () => {
  it('rebuilds exactly the same documents, and the live names keep answering', async () => {
    const { openingIds, citizenIds } = await seedOwnRows();
    const before = await ownDocuments(search.indexNames);
    expect(before.openings.map((doc) => doc.id).sort()).toEqual(openingIds.slice(0, 3).sort());
    expect(before.citizens.map((doc) => doc.id).sort()).toEqual(citizenIds.slice(0, 2).sort());

    const result = await reindexAll({ db: handle.db, client: search.client, indexNames: search.indexNames, now: NOW });

    expect(result.openings).toBeGreaterThanOrEqual(3);
    expect(result.citizens).toBeGreaterThanOrEqual(2);
    expect(await ownDocuments(search.indexNames)).toEqual(before);
    const hits = await search.client
      .index(search.indexNames.openings)
      .search('rengoring', { filter: `companyId = "${companyId}"` });
    expect(hits.hits.map((hit) => hit.id)).toEqual([openingIds[0]]);
    const prefix = search.indexNames.openings.replace(/_openings$/, '');
    expect(await indexUidsStartingWith(prefix)).toEqual([search.indexNames.citizens, search.indexNames.openings, metaIndexName(search.indexNames)].sort());
  });

  it('brings the indexes back to what PostgreSQL holds, even for changes the outbox never delivered', async () => {
    const { openingIds } = await seedOwnRows();
    await handle.db.update(openings).set({ status: 'paused' }).where(eq(openings.id, openingIds[0]!));

    await reindexAll({ db: handle.db, client: search.client, indexNames: search.indexNames, now: NOW });

    const ids = (await ownDocuments(search.indexNames)).openings.map((doc) => doc.id);
    expect(ids).not.toContain(openingIds[0]);
    expect(ids).toContain(openingIds[1]);
  });

  it('creates the live indexes, with their settings, when they do not exist yet', async () => {
    const unique = `t_reindex_fresh_${randomBytes(4).toString('hex')}`;
    const fresh: SearchIndexNames = { openings: `${unique}_openings`, citizens: `${unique}_citizens` };
    try {
      const { openingIds } = await seedOwnRows();

      await reindexAll({ db: handle.db, client: search.client, indexNames: fresh, now: NOW });

      expect((await ownDocuments(fresh)).openings.map((doc) => doc.id)).toEqual(expect.arrayContaining(openingIds.slice(0, 3)));
      const settings = await search.client.index(fresh.openings).getSettings();
      expect(settings.filterableAttributes).toContain('companyId');
      expect(settings.synonyms?.['rengøring']).toContain('rengøringsassistent');
      expect(await indexUidsStartingWith(unique)).toEqual([fresh.citizens, fresh.openings, metaIndexName(fresh)].sort());
    } finally {
      await deleteIndexIfExists(search.client, fresh.openings);
      await deleteIndexIfExists(search.client, fresh.citizens);
      await deleteIndexIfExists(search.client, metaIndexName(fresh));
    }
  });
});

describe('reindexIfDocumentsChanged', () => {
  it('rebuilds indexes that hold an older shape of documents, then leaves them alone', async () => {
    const unique = `t_reindex_version_${randomBytes(4).toString('hex')}`;
    const names: SearchIndexNames = { openings: `${unique}_openings`, citizens: `${unique}_citizens` };
    try {
      const { citizenIds } = await seedOwnRows();
      // Indexes from before this version: a citizen document with coordinates and no postcode.
      await ensureIndexes(search.client, names);
      await waitForSearchTasks(search.client, [
        await search.client.index(names.citizens).addDocuments([{ id: citizenIds[0]!, jobcentreId, _geo: { lat: 56.15, lng: 10.2 } }]),
      ]);
      expect(await storedDocumentsVersion(search.client, names)).toBeNull();

      const rebuilt = await reindexIfDocumentsChanged({ db: handle.db, client: search.client, indexNames: names, now: NOW });

      expect(rebuilt?.citizens).toBeGreaterThanOrEqual(2);
      const document = await search.client.index(names.citizens).getDocument(citizenIds[0]!);
      expect(document).toMatchObject({ postcode: expect.any(String) });
      expect(document).not.toHaveProperty('_geo');
      expect(await storedDocumentsVersion(search.client, names)).toBe(SEARCH_DOCUMENTS_VERSION);
      expect(await reindexIfDocumentsChanged({ db: handle.db, client: search.client, indexNames: names, now: NOW })).toBeNull();
    } finally {
      await deleteIndexIfExists(search.client, names.openings);
      await deleteIndexIfExists(search.client, names.citizens);
      await deleteIndexIfExists(search.client, metaIndexName(names));
    }
  });
});
