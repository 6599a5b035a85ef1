/**
 * Which shape of documents the live indexes hold. When a change to search/documents.ts or to the index
 * settings needs documents the live indexes do not have (a new field to filter on, say), bump
 * SEARCH_DOCUMENTS_VERSION: at start the app finds another number in Meilisearch and rebuilds both indexes
 * from PostgreSQL (`reindexIfDocumentsChanged` in search/reindex.ts), instead of answering from documents
 * without the field. Every full reindex records the number.
 */
import type { MeiliSearch } from 'meilisearch';
import { searchErrorCode, waitForSearchTasks, type SearchIndexNames } from './client';
import { createIndexIfMissing, INDEX_PRIMARY_KEY } from './indexes';

/** 2: no `_geo` in either index; citizens carry their postcode (decision 010). */
/** 3: citizens carry their fleksjob visitation's last day, so matching can rank the hits before reading rows. */
/** 4: openings carry whether a driving licence is required, which the ranking weighs (decision 021). */
/** 5: openings carry the marks "Socialt ansvarlig virksomhed" of their company, and /jobs filters on them (decision 033). */
export const SEARCH_DOCUMENTS_VERSION = 5;

const VERSION_DOCUMENT_ID = 'documents';

/** A small index of its own beside the live ones: a reindex swaps those, and this must survive it. */
export function metaIndexName(names: SearchIndexNames): string {
  return `${names.openings}_meta`;
}

export async function storedDocumentsVersion(client: MeiliSearch, names: SearchIndexNames): Promise<number | null> {
  try {
    const document = await client.index(metaIndexName(names)).getDocument<{ id: string; version: number }>(VERSION_DOCUMENT_ID);
    return document.version;
  } catch (error) {
    const code = searchErrorCode(error);
    if (code === 'index_not_found' || code === 'document_not_found') return null;
    throw error;
  }
}

export async function recordDocumentsVersion(client: MeiliSearch, names: SearchIndexNames): Promise<void> {
  const meta = metaIndexName(names);
  await createIndexIfMissing(client, meta);
  await waitForSearchTasks(client, [
    await client.index(meta).addDocuments([{ id: VERSION_DOCUMENT_ID, version: SEARCH_DOCUMENTS_VERSION }], { primaryKey: INDEX_PRIMARY_KEY }),
  ]);
}
