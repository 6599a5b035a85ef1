/**
 * What the index settings cost, to explain the reindex and change-visibility figures (not a target of its
 * own). Reads the documents of bench/generate.ts's database once, then for each variant of the settings
 * builds a throw-away index, timing the full build and single-document updates as the outbox sends them:
 *
 *   npx tsx bench/index-settings.ts
 *
 * Variants: the settings of search/indexes.ts as they are; `facetSearch: false` (nothing in the app calls
 * Meilisearch's /facet-search); and, only to attribute the cost, `prefixSearch: "disabled"` (which would take
 * away search-as-you-type, so it is not a proposal) and `proximityPrecision: "byAttribute"` (words near each
 * other rank only by sharing an attribute: cheaper word pairs, coarser relevance).
 *
 * For a variant that changes ranking (`proximity_by_attr`), it also asks what a person would see differently:
 * the 300 seeded /jobs searches of bench/jobs-search.ts through the app's `searchOpenings` and matches for 100
 * citizens through `matchOpeningsForCitizen` (openings), matches for 100 openings through
 * `matchCitizensForOpening` (citizens), on the index as it is and on the variant: the same total, and how
 * much of the page (20 hits / 30 matches) is the same, in the same order.
 * Options: --updates 20, --only openings|citizens, --variants as_is,no_facet_search,no_prefix_search,proximity_by_attr
 * (also danish_stop_words, before_009: the settings before decision 009).
 */
import { and, eq, gt, inArray, isNull, notInArray } from 'drizzle-orm';
import type { MeiliSearch, Settings } from 'meilisearch';
import { toIsoDate } from '../app/domain/format';
import type { Actor } from '../app/services/actor';
import { searchOpenings } from '../app/services/job-search.server';
import { matchCitizensForOpening, matchOpeningsForCitizen } from '../app/services/matching.server';
import { db, type Database } from '../db/client';
import { citizens, jobcentres, openings, users } from '../db/schema';
import { configureSearch, DEFAULT_INDEX_NAMES, searchClient, settleSearchTask, waitForSearchTasks, type SearchIndexNames } from '../search/client';
import type { EmbeddedMeilisearch } from '../search/embedded';
import { applyIndexSettings, CITIZENS_INDEX_SETTINGS, deleteIndexIfExists, INDEX_PRIMARY_KEY, OPENINGS_INDEX_SETTINGS } from '../search/indexes';
import { UNMATCHED_PHASES } from '../app/domain/eligibility';
import { loadCitizenDocuments, loadOpeningDocuments, type EntityDocument } from '../search/outbox';
import { nearestJobcentreName, placePicker } from './lib/dataset';
import {
  benchMeilisearchPid,
  cpuBetween,
  cpuSnapshot,
  describe,
  machineDescription,
  openBenchDatabase,
  parseOptions,
  startBenchSearch,
  summarise,
  timed,
} from './lib/env';
import { jobSearches } from './lib/job-queries';
import { stream } from './lib/random';

const BATCH = 5000;

/** Danish grammar words, for the stop-word variant (decision 009: tried, not adopted). Not "have": a garden. */
const DANISH_STOP_WORDS: readonly string[] = [
  'og', 'i', 'at', 'en', 'et', 'den', 'det', 'de', 'til', 'på', 'med', 'af', 'for', 'er', 'som', 'der', 'har',
  'vi', 'du', 'jeg', 'kan', 'vil', 'skal', 'om', 'fra', 'ved', 'hos', 'men', 'eller', 'så', 'sig', 'sin',
  'sit', 'sine', 'din', 'dit', 'dine', 'vores', 'jeres', 'deres', 'hans', 'hendes', 'man', 'også', 'ikke',
  'være', 'blive', 'bliver', 'blev', 'var', 'havde', 'hvor', 'hvis', 'når', 'efter', 'her', 'nu',
  'alle', 'meget', 'mere', 'nogle', 'noget', 'hver', 'hvert', 'denne', 'dette', 'disse', 'os', 'dig', 'mig',
  'ham', 'hende', 'dem', 'samt', 'både',
];
const ALL_VARIANTS = 'as_is,no_facet_search,no_prefix_search,proximity_by_attr';

const options = parseOptions({ updates: 20, only: '', variants: ALL_VARIANTS, seed: 42 });

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

/** Builds a throw-away index with the settings; returns the build time, Meilisearch's CPU, and single updates. */
async function buildVariant(client: MeiliSearch, uid: string, settings: Settings, documents: Doc[], updates: number) {
  await deleteIndexIfExists(client, uid);
  await applyIndexSettings(client, uid, settings);
  const index = client.index(uid);
  const pids = { meilisearch: benchMeilisearchPid() };
  const before = cpuSnapshot(pids);
  const build = await timed(async () => {
    const tasks = [];
    for (let i = 0; i < documents.length; i += BATCH) tasks.push(await index.addDocuments(documents.slice(i, i + BATCH), { primaryKey: INDEX_PRIMARY_KEY }));
    await waitForSearchTasks(client, tasks);
  });
  const cpu = cpuBetween(before, cpuSnapshot(pids));
  const single: number[] = [];
  for (let n = 0; n < updates; n++) {
    const document = documents[(n * 7919) % documents.length]!;
    const changed = 'title' in document ? { ...document, title: `${String(document.title)} (ændret)` } : { ...document, wishes: `${String(document.wishes)} (ændret)` };
    const task = await settleSearchTask(client, await index.addDocuments([changed], { primaryKey: INDEX_PRIMARY_KEY }));
    single.push(durationMs(task));
  }
  // Put the changed documents back, so a ranking comparison sees the same documents in both indexes.
  if (updates > 0) {
    const originals = Array.from({ length: updates }, (_, n) => documents[(n * 7919) % documents.length]!);
    await settleSearchTask(client, await index.addDocuments(originals, { primaryKey: INDEX_PRIMARY_KEY }));
  }
  return { build: build.ms, meiliCpuSeconds: cpu.used.meilisearch ?? NaN, otherCpuSeconds: cpu.other, single: summarise(single) };
}

const VARIANTS: Record<string, (base: Settings) => Settings> = {
  as_is: (base) => base,
  no_facet_search: (base) => ({ ...base, facetSearch: false }),
  no_prefix_search: (base) => ({ ...base, prefixSearch: 'disabled' }),
  proximity_by_attr: (base) => ({ ...base, proximityPrecision: 'byAttribute' }),
  danish_stop_words: (base) => ({ ...base, stopWords: [...DANISH_STOP_WORDS] }),
  // The settings before decision 009, to compare in one run: the filterable attributes no query used.
  before_009: (base) => {
    const unused = base === OPENINGS_INDEX_SETTINGS ? ['publishedAt'] : ['benefitStatus', 'neededAccommodations', 'phase', 'reachKm', 'drivingLicence'];
    return { ...base, filterableAttributes: [...(base.filterableAttributes ?? []), ...unused] };
  },
};

// ── What a person would see differently ─────────────────────────────────────────────────────────────────

type Ranking = { total: number; ids: string[] };

function searchIn(meili: EmbeddedMeilisearch, names: SearchIndexNames) {
  configureSearch({ host: meili.url, apiKey: meili.masterKey, indexNames: names });
}

/** Of two pages of results: the same total, the share of ids in common, and whether the order is the same. */
function compareRankings(base: Ranking[], variant: Ranking[]) {
  let sameTotal = 0;
  let samePage = 0;
  const overlap: number[] = [];
  for (const [n, left] of base.entries()) {
    const right = variant[n]!;
    if (left.total === right.total) sameTotal++;
    if (left.ids.join() === right.ids.join()) samePage++;
    if (left.ids.length > 0) overlap.push(right.ids.filter((id) => left.ids.includes(id)).length / left.ids.length);
  }
  const meanOverlap = overlap.reduce((sum, value) => sum + value, 0) / Math.max(overlap.length, 1);
  return { searches: base.length, sameTotal, samePage, meanOverlap, withHits: overlap.length };
}

async function jobRankings(meili: EmbeddedMeilisearch, openingsUid: string): Promise<Ranking[]> {
  searchIn(meili, { ...DEFAULT_INDEX_NAMES, openings: openingsUid });
  const today = toIsoDate(new Date());
  const rankings: Ranking[] = [];
  for (const filters of jobSearches(options.seed, 300, placePicker())) {
    const result = await searchOpenings(filters, { today });
    rankings.push({ total: result.total, ids: result.hits.map((hit) => hit.id) });
  }
  return rankings;
}

async function matchSamples(): Promise<{ actor: Actor; openingId: string }[]> {
  const random = stream(options.seed, 'index-settings-matches');
  const rows = await db().select({ id: openings.id, lat: openings.lat, lon: openings.lon }).from(openings).where(eq(openings.status, 'open')).orderBy(openings.id);
  const chosen = [...new Set(Array.from({ length: 100 }, () => random.pick(rows)))];
  const centres = new Map((await db().select().from(jobcentres)).map((centre) => [centre.name, centre.id]));
  const consultants = await db().select().from(users).where(and(eq(users.role, 'consultant'), inArray(users.jobcentreId, [...centres.values()]))).orderBy(users.email);
  return chosen.map((row) => {
    const user = consultants.find((consultant) => consultant.jobcentreId === centres.get(nearestJobcentreName(row)))!;
    return { openingId: row.id, actor: { id: user.id, name: user.name, role: 'consultant', jobcentreId: user.jobcentreId, companyId: null, citizenId: null } };
  });
}

async function citizenSamples(): Promise<{ actor: Actor; citizenId: string }[]> {
  const random = stream(options.seed, 'index-settings-citizens');
  const rows = await db()
    .select({ id: citizens.id, jobcentreId: citizens.jobcentreId })
    .from(citizens)
    .where(and(eq(citizens.consentToShare, true), isNull(citizens.closedAt), notInArray(citizens.phase, [...UNMATCHED_PHASES])))
    .orderBy(citizens.id);
  const chosen = [...new Set(Array.from({ length: 100 }, () => random.pick(rows)))];
  const consultants = await db().select().from(users).where(eq(users.role, 'consultant')).orderBy(users.email);
  return chosen.map((row) => {
    const user = consultants.find((consultant) => consultant.jobcentreId === row.jobcentreId)!;
    return { citizenId: row.id, actor: { id: user.id, name: user.name, role: 'consultant', jobcentreId: user.jobcentreId, companyId: null, citizenId: null } };
  });
}

async function openingMatchRankings(meili: EmbeddedMeilisearch, openingsUid: string, samples: { actor: Actor; citizenId: string }[]): Promise<Ranking[]> {
  searchIn(meili, { ...DEFAULT_INDEX_NAMES, openings: openingsUid });
  const today = toIsoDate(new Date());
  const rankings: Ranking[] = [];
  for (const sample of samples) {
    const result = await matchOpeningsForCitizen(sample.actor, sample.citizenId, { today });
    rankings.push({ total: result.results.length, ids: result.results.map((match) => match.openingId) });
  }
  return rankings;
}

async function matchRankings(meili: EmbeddedMeilisearch, citizensUid: string, samples: { actor: Actor; openingId: string }[]): Promise<Ranking[]> {
  searchIn(meili, { ...DEFAULT_INDEX_NAMES, citizens: citizensUid });
  const today = toIsoDate(new Date());
  const rankings: Ranking[] = [];
  for (const sample of samples) {
    const result = await matchCitizensForOpening(sample.actor, sample.openingId, { today });
    rankings.push({ total: result.results.length, ids: result.results.map((match) => match.citizenId) });
  }
  return rankings;
}

async function experiment(meili: EmbeddedMeilisearch, label: 'openings' | 'citizens', base: Settings, documents: Doc[]) {
  const client = searchClient();
  const variants = options.variants.split(',').filter(Boolean);
  console.info(`\n${label}: ${documents.length.toLocaleString('da-DK')} dokumenter`);
  const built: string[] = [];
  // What a person sees from this index: /jobs and matches from a citizen (openings), matches from an opening (citizens).
  const views: { what: string; rankings: (uid: string) => Promise<Ranking[]> }[] = [];
  if (label === 'openings') {
    const fromCitizens = await citizenSamples();
    views.push({ what: '/jobs-søgninger (side med 20)', rankings: (uid) => jobRankings(meili, uid) });
    views.push({ what: 'match fra en borger (30 bedste)', rankings: (uid) => openingMatchRankings(meili, uid, fromCitizens) });
  } else {
    const fromOpenings = await matchSamples();
    views.push({ what: 'match fra et jobopslag (30 bedste)', rankings: (uid) => matchRankings(meili, uid, fromOpenings) });
  }
  let baselines: Ranking[][] | null = null;
  try {
    for (const name of variants) {
      const settings = VARIANTS[name];
      if (!settings) throw new Error(`Unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
      const uid = `bench_settings_${label}_${name}`;
      built.push(uid);
      const result = await buildVariant(client, uid, settings(base), documents, options.updates);
      console.info(
        `  ${name.padEnd(17)} fuld opbygning ${(result.build / 1000).toFixed(1)} s (${Math.round(documents.length / (result.build / 1000)).toLocaleString('da-DK')} dok./s; ` +
          `Meilisearch-CPU ${result.meiliCpuSeconds.toFixed(1)} s, andre processer ${result.otherCpuSeconds.toFixed(1)} s); ét dokument ændret: ${describe(result.single)}`,
      );
      if (name === 'as_is') {
        baselines = [];
        for (const view of views) baselines.push(await view.rankings(uid));
      } else if (baselines) {
        for (const [n, view] of views.entries()) {
          const comparison = compareRankings(baselines[n]!, await view.rankings(uid));
          console.info(
            `      mod as_is, ${comparison.searches} ${view.what}: samme antal fundne i ${comparison.sameTotal}; samme side i samme rækkefølge i ${comparison.samePage}; ` +
              `gns. ${(comparison.meanOverlap * 100).toFixed(1)} % af siden fælles (af ${comparison.withHits} med træf)`,
          );
        }
      }
      if (name !== 'as_is') await deleteIndexIfExists(client, uid);
    }
  } finally {
    searchIn(meili, DEFAULT_INDEX_NAMES);
    for (const uid of built) await deleteIndexIfExists(client, uid);
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
    if (options.only !== 'citizens') await experiment(meili, 'openings', OPENINGS_INDEX_SETTINGS, loadedOpenings.value);
    if (options.only !== 'openings') await experiment(meili, 'citizens', CITIZENS_INDEX_SETTINGS, loadedCitizens.value);
  } finally {
    await meili.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
