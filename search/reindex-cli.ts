/**
 * `npm run reindex`: rebuilds both Meilisearch indexes from the database into new indexes and swaps them in,
 * beside the running site. Meilisearch: MEILI_URL when set; else the embedded one that the app runs on
 * DATA_DIR right now (found by its pid and address files and the folder's key); else, with the app stopped, it
 * starts the embedded one itself. The database: DATABASE_URL, or PGlite in DATA_DIR, which allows one process
 * on its folder, so with PGlite the app must be stopped first.
 */
import { closeDatabase, dataDirectory, openDatabase } from '../db/client';
import { protectDataDirectory } from '../db/data-directory';
import { createSearchClient, DEFAULT_INDEX_NAMES } from './client';
import { runningEmbeddedMeilisearch, startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './embedded';
import { reindexAll } from './reindex';
import { logUnexpectedError } from '../app/error-log.server';

async function connectSearch(): Promise<{ host: string; apiKey: string; embedded: EmbeddedMeilisearch | null }> {
  if (process.env.MEILI_URL) return { host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? '', embedded: null };
  const running = await runningEmbeddedMeilisearch(dataDirectory());
  if (running) {
    console.info(`Meilisearch: den indbyggede, som appen kører på ${running.url} (pid ${running.pid})`);
    return { host: running.url, apiKey: running.masterKey, embedded: null };
  }
  const embedded = await startEmbeddedMeilisearch({ dataDir: dataDirectory() });
  return { host: embedded.url, apiKey: embedded.masterKey, embedded };
}

async function main() {
  protectDataDirectory(dataDirectory());
  if (!process.env.DATABASE_URL && !process.env.MEILI_URL && (await runningEmbeddedMeilisearch(dataDirectory()))) {
    throw new Error('Appen kører på denne datamappe med PGlite, som kun tillader én proces. Stop appen først, eller brug DATABASE_URL.');
  }
  // Reading every row may take longer than a page's statement time-out.
  const handle = await openDatabase({ timeouts: 'maintenance' });
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
  if (error instanceof Error && error.message.startsWith('Appen kører')) console.error(error.message);
  else logUnexpectedError(error, 'reindex');
  process.exitCode = 1;
});
