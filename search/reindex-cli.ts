/**
 * `npm run reindex`: rebuilds both Meilisearch indexes from the database and swaps them in.
 * With MEILI_URL it uses that Meilisearch; otherwise it starts the embedded one on DATA_DIR (./data).
 * PGlite and the embedded Meilisearch each allow one process on their folder, so with those the app must
 * be stopped first; with DATABASE_URL and MEILI_URL it can run beside the app.
 */
import { closeDatabase, dataDirectory, openDatabase } from '../db/client';
import { protectDataDirectory } from '../db/data-directory';
import { createSearchClient, DEFAULT_INDEX_NAMES } from './client';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './embedded';
import { reindexAll } from './reindex';
import { logUnexpectedError } from '../app/error-log.server';

async function connectSearch(): Promise<{ host: string; apiKey: string; embedded: EmbeddedMeilisearch | null }> {
  if (process.env.MEILI_URL) return { host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? '', embedded: null };
  const embedded = await startEmbeddedMeilisearch({ dataDir: dataDirectory() });
  return { host: embedded.url, apiKey: embedded.masterKey, embedded };
}

async function main() {
  protectDataDirectory(dataDirectory());
  const handle = await openDatabase();
  let embedded: EmbeddedMeilisearch | null = null;
  try {
    const search = await connectSearch();
    embedded = search.embedded;
    const client = createSearchClient({ host: search.host, apiKey: search.apiKey });
    const result = await reindexAll({ db: handle.db, client, indexNames: DEFAULT_INDEX_NAMES });
    console.info(
      `Genindekseret: ${result.openings} jobopslag og ${result.citizens} borgere på ${(result.durationMs / 1000).toFixed(1)} s` +
        (result.replayed > 0 ? ` (${result.replayed} ændringer undervejs sendes igen via udbakken)` : ''),
    );
  } finally {
    await embedded?.stop();
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error('Genindeksering mislykkedes.');
  logUnexpectedError(error, 'reindex');
  if (!process.env.DATABASE_URL || !process.env.MEILI_URL) {
    console.error('Kører appen på samme datamappe (PGlite eller den indbyggede Meilisearch)? Stop den først, eller brug DATABASE_URL og MEILI_URL.');
  }
  process.exitCode = 1;
});
