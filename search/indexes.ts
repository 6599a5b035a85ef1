/**
 * The settings of the two indexes, applied idempotently at start and to every index a reindex builds.
 * Meilisearch folds accents (æ→ae, ø→o, å→a) when it indexes and when it searches, so "rengoring" finds
 * "rengøring" without a synonym; the synonyms cover words for the same job, not spellings.
 */
import type { MeiliSearch, Settings } from 'meilisearch';
import { SearchTaskFailedError, settleSearchTask, waitForSearchTasks, type SearchIndexNames } from './client';

/** Words a citizen or a consultant uses for the same work; every word of a group finds the others. */
export const DANISH_JOB_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['rengøring', 'rengøringsassistent', 'rengøringshjælp'],
  ['lager', 'lagermedarbejder', 'pakkeri', 'lagerarbejde'],
  ['køkken', 'køkkenhjælp', 'opvask', 'køkkenmedhjælper'],
  ['butik', 'butiksassistent', 'ekspedient'],
  ['pedel', 'vicevært', 'ejendomsservice'],
  ['gartner', 'gartnermedhjælper', 'grønne områder'],
  ['chauffør', 'bud', 'budbil'],
  ['kontor', 'kontorassistent', 'administration'],
];

export function mutualSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const others = group.filter((other) => other !== word);
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...others])];
    }
  }
  return synonyms;
}

const sharedSettings = {
  synonyms: mutualSynonyms(DANISH_JOB_SYNONYM_GROUPS),
  typoTolerance: { enabled: true, disableOnNumbers: true },
  pagination: { maxTotalHits: 5000 },
  faceting: { maxValuesPerFacet: 100 },
} satisfies Settings;

/*
 * Only what a query filters or counts on is filterable: each filterable attribute costs indexing time on
 * every reindex and every outbox update (bench/RESULTS.md). The documents carry more than that, for reading.
 */
export const OPENINGS_INDEX_SETTINGS = {
  ...sharedSettings,
  searchableAttributes: ['title', 'tasks', 'description', 'companyName', 'city'],
  filterableAttributes: [
    'kind',
    'status',
    'hoursMin',
    'hoursMax',
    'demands',
    'accommodations',
    'startDate',
    // Distance on /jobs and in matching, and nearest first by the count per postcode (decisions 008, 010).
    // No `_geo`: with it Meilisearch rewrites its whole geo tree for every changed opening.
    'postcode',
    'companyId',
    'freeSlots',
    // /jobs' filter on the mark "Socialt ansvarlig virksomhed" and its count (decision 033).
    'sociallyResponsible',
  ],
  sortableAttributes: ['publishedAt', 'startDate'],
  // The count per postcode must hold every postcode within the widest radius (about 600 within 50 km of
  // Copenhagen), or nearest first would miss openings.
  faceting: { maxValuesPerFacet: 1000 },
  // Sort first: whoever asks for the nearest or the newest openings gets them in that order, also with words
  // in the search box. Without a sort the rule does nothing and relevance decides as usual.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
} satisfies Settings;

export const CITIZENS_INDEX_SETTINGS = {
  ...sharedSettings,
  searchableAttributes: ['wishes', 'competences', 'languages'],
  // The hard filters of matching (search/filters.ts). Distance and reach are postcodes and
  // reachKm, not `_geo`: no geo tree to read on each query or to rewrite on each change (decision 010).
  filterableAttributes: ['jobcentreId', 'consultantId', 'eligibleKinds', 'hoursMin', 'hoursMax', 'restrictions', 'postcode', 'reachKm', 'excludedCompanyIds'],
  sortableAttributes: [],
} satisfies Settings;

export const INDEX_PRIMARY_KEY = 'id';

/** Creates the index unless it exists; "already exists" is the idempotent case, not an error. */
export async function createIndexIfMissing(client: MeiliSearch, uid: string) {
  const task = await settleSearchTask(client, await client.createIndex(uid, { primaryKey: INDEX_PRIMARY_KEY }));
  if (task.status === 'succeeded' || task.error?.code === 'index_already_exists') return;
  throw new SearchTaskFailedError(task);
}

export async function applyIndexSettings(client: MeiliSearch, uid: string, settings: Settings) {
  await createIndexIfMissing(client, uid);
  await waitForSearchTasks(client, [await client.index(uid).updateSettings(settings)]);
}

export async function ensureIndexes(client: MeiliSearch, names: SearchIndexNames) {
  await applyIndexSettings(client, names.openings, OPENINGS_INDEX_SETTINGS);
  await applyIndexSettings(client, names.citizens, CITIZENS_INDEX_SETTINGS);
}

/** Deletes the index; a missing one is already what was asked for. */
export async function deleteIndexIfExists(client: MeiliSearch, uid: string) {
  const task = await settleSearchTask(client, await client.deleteIndex(uid));
  if (task.status === 'succeeded' || task.error?.code === 'index_not_found') return;
  throw new SearchTaskFailedError(task);
}
