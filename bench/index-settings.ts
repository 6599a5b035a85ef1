/**
 * What the index settings cost, to explain the reindex and change-visibility figures (not a target of its
 * own). Reads the documents of bench/generate.ts's database once, then for each variant of the settings
 * builds a throw-away index, timing the full build and single-document updates as the outbox sends them:
 *
 *   npx tsx bench/index-settings.ts
 *
 * Variants: the settings of search/indexes.ts as they are; the same with `facetSearch: false` (nothing in
 * the app calls Meilisearch's /facet-search; facet counts do not need it); and, only to attribute the cost,
 * `prefixSearch: "disabled"` (which would take away search-as-you-type, so it is not a proposal), and
 * `proximityPrecision: "byAttribute"` (words near each other rank only by sharing an attribute: cheaper word
 * pairs, coarser relevance).
 * Options: --updates 20, --only openings|citizens.
 */
import { gt } from 'drizzle-orm';
import type { MeiliSearch, Settings } from 'meilisearch';
import { toIsoDate } from '../app/domain/format';
import type { Database } from '../db/client';
import { citizens, openings } from '../db/schema';
import { searchClient, settleSearchTask, waitForSearchTasks } from '../search/client';
import { applyIndexSettings, CITIZENS_INDEX_SETTINGS, deleteIndexIfExists, INDEX_PRIMARY_KEY, OPENINGS_INDEX_SETTINGS } from '../search/indexes';
import { loadCitizenDocuments, loadOpeningDocuments, type EntityDocument } from '../search/outbox';
import { describe, machineDescription, openBenchDatabase, parseOptions, startBenchSearch, summarise, timed } from './lib/env';

const BATCH = 5000;

const options = parseOptions({ updates: 20, only: '' });

type Doc = { id: string } & Record<string, unknown>;

async function loadAll(load: (afterId: string | undefined) => Promise<EntityDocument<Doc>[]>): Promise<Doc[]> {
  const documents: Doc[] = [];
  let afterId: string | undefined;
  for (;;) {
    const batch = await load(afterId);
    for (const entry of batch) if (entry.document) documents.push(entry.document);
    if (batch.length < BATCH) return documents;
    afterId = batch[batch.length - 1]!.id;
  }
}

function durationMs(task: { startedAt?: string | null; finishedAt?: string | null }): number {
  return Date.parse(task.finishedAt ?? '') - Date.parse(task.startedAt ?? '');
}

async function tryVariant(client: MeiliSearch, name: string, settings: Settings, documents: Doc[], updates: number) {
  const uid = `bench_settings_${name}`;
  await deleteIndexIfExists(client, uid);
  await applyIndexSettings(client, uid, settings);
  const index = client.index(uid);
  const build = await timed(async () => {
    const tasks = [];
    for (let i = 0; i < documents.length; i += BATCH) tasks.push(await index.addDocuments(documents.slice(i, i + BATCH), { primaryKey: INDEX_PRIMARY_KEY }));
    await waitForSearchTasks(client, tasks);
  });
  const single: number[] = [];
  for (let n = 0; n < updates; n++) {
    const document = documents[(n * 7919) % documents.length]!;
    const changed = 'title' in document ? { ...document, title: `${String(document.title)} (ændret)` } : { ...document, wishes: `${String(document.wishes)} (ændret)` };
    const task = await settleSearchTask(client, await index.addDocuments([changed], { primaryKey: INDEX_PRIMARY_KEY }));
    single.push(durationMs(task));
  }
  await deleteIndexIfExists(client, uid);
  return { build: build.ms, single: summarise(single) };
}

async function experiment(client: MeiliSearch, label: string, base: Settings, documents: Doc[]) {
  const variants: [string, Settings][] = [
    ['as_is', base],
    ['no_facet_search', { ...base, facetSearch: false }],
    ['no_prefix_search', { ...base, prefixSearch: 'disabled' }],
    ['proximity_by_attr', { ...base, proximityPrecision: 'byAttribute' }],
  ];
  console.info(`\n${label}: ${documents.length.toLocaleString('da-DK')} dokumenter`);
  for (const [name, settings] of variants) {
    const result = await tryVariant(client, `${label}_${name}`, settings, documents, options.updates);
    console.info(
      `  ${name.padEnd(17)} fuld opbygning ${(result.build / 1000).toFixed(1)} s (${Math.round(documents.length / (result.build / 1000)).toLocaleString('da-DK')} dok./s); ` +
        `ét dokument ændret: ${describe(result.single)}`,
    );
  }
}

async function main() {
  const handle = await openBenchDatabase();
  const meili = await startBenchSearch();
  const database: Database = handle.db;
  try {
    console.info(await machineDescription(meili.url, meili.masterKey));
    const today = toIsoDate(new Date());
    const loadedOpenings = await timed(() =>
      loadAll((afterId) => loadOpeningDocuments(database, afterId ? gt(openings.id, afterId) : undefined, BATCH) as Promise<EntityDocument<Doc>[]>),
    );
    const loadedCitizens = await timed(() =>
      loadAll((afterId) => loadCitizenDocuments(database, afterId ? gt(citizens.id, afterId) : undefined, today, BATCH) as Promise<EntityDocument<Doc>[]>),
    );
    console.info(
      `Læst fra PostgreSQL og gjort til dokumenter (uden Meilisearch): jobopslag ${(loadedOpenings.ms / 1000).toFixed(1)} s, borgere ${(loadedCitizens.ms / 1000).toFixed(1)} s`,
    );
    const client = searchClient();
    if (options.only !== 'citizens') await experiment(client, 'openings', OPENINGS_INDEX_SETTINGS, loadedOpenings.value);
    if (options.only !== 'openings') await experiment(client, 'citizens', CITIZENS_INDEX_SETTINGS, loadedCitizens.value);
  } finally {
    await meili.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
