/**
 * The /jobs figures of issue 3, in one run, against the data of bench/generate.ts (50,000 open openings):
 *
 *   npx tsx bench/jobs-search.ts
 *
 * (a) the search service's time (`searchOpenings`, in process) for text + 3 filters + distance;
 * (d) the raw Meilisearch time of exactly the multi-search the service sent (Meilisearch's own
 *     processingTimeMs, and the client's round trip), interleaved with (a) query by query; only to attribute
 *     it, the same requests without facets (the `_geoRadius` comparison of decision 008 went with `_geo`,
 *     decision 010);
 * (c) the same searches on PostgreSQL alone (`searchOpeningsInDatabase`);
 * (b) pages per second of the real page /jobs?… under 32 keep-alive connections, with the app started as
 *     `npm start` starts it, and the app's peak memory (VmHWM); before and after it, raw Meilisearch under the
 *     same load with the multi-searches those pages send (issue 20: page / raw ≥ 0.6, and the app's CPU per
 *     page ≤ Meilisearch's);
 * (e) the time from a change through the openings service until Meilisearch shows it, with the app's outbox
 *     worker draining.
 *
 * Options: --queries 300, --warmup 40, --seed 42, --connections 32, --duration 20 (seconds), --samples 50,
 * --port 3200; --accept-encoding 'gzip, deflate, br' (as Chromium asks; 'identity' to see what compression
 * costs); --skip-search,
 * --skip-database, --skip-page and --skip-visibility leave a part out (the figures are taken with none left out); --app-dir
 * starts the app from another folder (a clean export of a commit, when the working tree holds unfinished
 * work that does not build); --profile-dir DIR writes the app's CPU profile there (`node --cpu-prof`, read it
 * with bench/profile-summary.ts; the figures of a profiled run are not the app's own). Load goes to
 * 127.0.0.1 only.
 */
import { eq } from 'drizzle-orm';
import type { MeiliSearch, MultiSearchParams, MultiSearchQuery } from 'meilisearch';
import type { JobFilters } from '../app/domain/job-filters';
import { jobFiltersToSearchParams } from '../app/domain/job-filters';
import type { OpeningInput } from '../app/domain/opening-rules';
import type { Actor } from '../app/services/actor';
import { searchOpenings, searchOpeningsInDatabase, type JobSearchResult } from '../app/services/job-search.server';
import { getOpeningForManager, updateOpening, type Opening } from '../app/services/openings.server';
import { db, installDatabase, type DatabaseHandle } from '../db/client';
import { openings, users } from '../db/schema';
import { createSearchClient, searchClient, searchIndexNames } from '../search/client';
import type { EmbeddedMeilisearch } from '../search/embedded';
import { pendingOutboxCount } from '../search/outbox';
import { startApp, type AppProcess } from './lib/app-process';
import { placePicker } from './lib/dataset';
import {
  benchMeilisearchPid,
  BENCH_DATA_DIR,
  BENCH_DATABASE_URL,
  cpuBetween,
  cpuSnapshot,
  describe,
  describeCpu,
  loadAverage,
  machineDescription,
  memoryOf,
  openBenchDatabase,
  openBenchDatabaseWithoutJit,
  parseOptions,
  startBenchSearch,
  summarise,
  todayInDenmark,
  verdict,
} from './lib/env';
import { jobSearches } from './lib/job-queries';
import { runLoad, type LoadOptions, type LoadRequest } from './lib/load';
import { dropPostgresMatchingIndexes } from './lib/postgres-matching';
import { stream } from './lib/random';

const TARGETS = { searchP95Ms: 60, pageToRaw: 0.6, appMemoryMb: 400, ratioToRaw: 2, visibilityP95Ms: 1000 };
const VISIBILITY_POLL_MS = 10;
const VISIBILITY_TIMEOUT_MS = 15_000;

const options = parseOptions({
  queries: 300,
  warmup: 40,
  seed: 42,
  connections: 32,
  duration: 20,
  samples: 50,
  port: 3200,
  skipSearch: false,
  skipPage: false,
  skipVisibility: false,
  skipDatabase: false,
  acceptEncoding: 'gzip, deflate, br',
  appDir: '',
  profileDir: '',
});

type CapturedCall = { params: MultiSearchParams; processingTimeMs: number[] };

/**
 * Records every multi-search the service sends (the queries and Meilisearch's processing time), so the
 * identical request can be replayed raw. Recording is a push onto an array.
 */
function captureMultiSearch(client: MeiliSearch) {
  let calls: CapturedCall[] = [];
  const original = client.multiSearch.bind(client);
  const recording = (async (params: MultiSearchParams, config?: unknown) => {
    const result = await (original as (p: MultiSearchParams, c?: unknown) => Promise<{ results: { processingTimeMs: number }[] }>)(params, config);
    calls.push({ params, processingTimeMs: result.results.map((entry) => entry.processingTimeMs) });
    return result;
  }) as unknown as MeiliSearch['multiSearch'];
  client.multiSearch = recording;
  return {
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

function sum(values: number[]) {
  return values.reduce((total, value) => total + value, 0);
}

/** (c) the same searches on PostgreSQL alone, with and (only to explain) without its JIT compiler. */
async function measureDatabase(
  searches: JobFilters[],
  today: string,
  handle: DatabaseHandle,
  { database, databaseTotals, databaseWithoutJit }: { database: number[]; databaseTotals: number[]; databaseWithoutJit: number[] },
) {
  for (const filters of searches) {
    const started = performance.now();
    const result = await searchOpeningsInDatabase(filters, { today });
    database.push(performance.now() - started);
    databaseTotals.push(result.total);
  }

  // Only to explain the baseline: the same searches with PostgreSQL's JIT compiler off for the session.
  const withoutJit = await openBenchDatabaseWithoutJit();
  installDatabase(withoutJit);
  try {
    for (const filters of searches) {
      const started = performance.now();
      await searchOpeningsInDatabase(filters, { today });
      databaseWithoutJit.push(performance.now() - started);
    }
  } finally {
    installDatabase(handle);
    await withoutJit.close();
  }
}

async function measureSearches(searches: JobFilters[], warmup: JobFilters[], today: string, meili: EmbeddedMeilisearch, handle: DatabaseHandle) {
  const capture = captureMultiSearch(searchClient());
  // Its own client (own keep-alive agent), as the service's, so the raw figure is the same request without the service.
  const raw = createSearchClient({ host: meili.url, apiKey: meili.masterKey });

  for (const filters of warmup) {
    await searchOpenings(filters, { today });
    for (const call of capture.take()) await raw.multiSearch(call.params as { queries: MultiSearchQuery[] });
    if (!options.skipDatabase) await searchOpeningsInDatabase(filters, { today });
  }

  const service: number[] = [];
  const rawRoundTrip: number[] = [];
  const rawProcessing: number[] = [];
  const noFacetsProcessing: number[] = [];
  const serviceProcessing: number[] = [];
  const queriesPerSearch: number[] = [];
  const results: JobSearchResult[] = [];
  for (const filters of searches) {
    const started = performance.now();
    const result = await searchOpenings(filters, { today });
    service.push(performance.now() - started);
    if (result.source !== 'meilisearch') throw new Error('The search answered from the database: is Meilisearch up?');
    results.push(result);
    const calls = capture.take();
    serviceProcessing.push(sum(calls.flatMap((call) => call.processingTimeMs)));
    queriesPerSearch.push(sum(calls.map((call) => (call.params as { queries: unknown[] }).queries.length)));

    let roundTrip = 0;
    let processing = 0;
    for (const call of calls) {
      const sent = performance.now();
      const answer = await raw.multiSearch(call.params as { queries: MultiSearchQuery[] });
      roundTrip += performance.now() - sent;
      processing += sum(answer.results.map((entry) => entry.processingTimeMs));
    }
    rawRoundTrip.push(roundTrip);
    rawProcessing.push(processing);

    // Only to attribute Meilisearch's time: the same requests without facets.
    let noFacets = 0;
    for (const call of calls) {
      const queries = (call.params as { queries: MultiSearchQuery[] }).queries;
      const withoutFacets = await raw.multiSearch({ queries: queries.map(({ facets: _facets, ...query }) => query) });
      noFacets += sum(withoutFacets.results.map((entry) => entry.processingTimeMs));
    }
    noFacetsProcessing.push(noFacets);
  }

  const database: number[] = [];
  const databaseTotals: number[] = [];
  const databaseWithoutJit: number[] = [];
  if (!options.skipDatabase) await measureDatabase(searches, today, handle, { database, databaseTotals, databaseWithoutJit });

  return {
    service: summarise(service),
    databaseWithoutJit: summarise(databaseWithoutJit),
    rawRoundTrip: summarise(rawRoundTrip),
    rawProcessing: summarise(rawProcessing),
    noFacetsProcessing: summarise(noFacetsProcessing),
    serviceProcessing: summarise(serviceProcessing),
    database: summarise(database),
    meanQueriesPerSearch: sum(queriesPerSearch) / queriesPerSearch.length,
    meanTotal: sum(results.map((result) => result.total)) / results.length,
    emptyShare: results.filter((result) => result.total === 0).length / results.length,
    meanDatabaseTotal: databaseTotals.length > 0 ? sum(databaseTotals) / databaseTotals.length : NaN,
  };
}

// ── (b) the page under load, against raw Meilisearch under the same load ──────────────────────────────────

/**
 * The multi-searches each page sends Meilisearch (one, or two for nearest first), recorded from the search
 * service in this process with the same data and day, as requests to replay raw.
 */
async function rawUnitsOf(searches: JobFilters[], today: string, meili: EmbeddedMeilisearch): Promise<LoadRequest[][]> {
  const capture = captureMultiSearch(searchClient());
  const headers = { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json', accept: 'application/json' };
  const units: LoadRequest[][] = [];
  for (const filters of searches) {
    await searchOpenings(filters, { today });
    units.push(capture.take().map((call) => ({ method: 'POST' as const, path: '/multi-search', body: JSON.stringify(call.params), headers })));
  }
  return units;
}

/** Warms up for 4 s, then measures for --duration with the CPU of each process. */
async function loadWithCpu(load: LoadOptions, pids: Record<string, number>) {
  await runLoad({ ...load, durationMs: 4_000 });
  const before = cpuSnapshot(pids);
  const result = await runLoad({ ...load, durationMs: options.duration * 1000 });
  return { load: result, cpu: cpuBetween(before, cpuSnapshot(pids)) };
}

async function measurePage(app: AppProcess, searches: JobFilters[], today: string, meili: EmbeddedMeilisearch) {
  const paths = searches.map((filters) => `/jobs?${jobFiltersToSearchParams(filters)}`);
  const headers = { accept: 'text/html', 'accept-encoding': options.acceptEncoding, 'user-agent': 'jobbro-bench' };
  const probe = await fetch(`http://127.0.0.1:${app.port}${paths[0]}`, { headers });
  const html = await probe.text();
  if (probe.status !== 200 || !html.includes('<html')) throw new Error(`/jobs answered ${probe.status}: ${html.slice(0, 300)}`);
  if (html.includes('databasen')) console.warn('  (Siden nævner databasen: svarer den fra PostgreSQL i stedet for Meilisearch?)');
  const units = await rawUnitsOf(searches, today, meili);
  const meiliPort = Number(new URL(meili.url).port);
  const pids = { app: app.serverPid, meilisearch: benchMeilisearchPid(), 'load generator (this process)': process.pid };
  // Raw, page, raw: the machine's drift shows as the difference between the two raw runs.
  const rawBefore = await loadWithCpu({ port: meiliPort, units, connections: options.connections, durationMs: 0 }, pids);
  const before = await memoryOf(app.serverPid);
  const page = await loadWithCpu({ port: app.port, paths, headers, connections: options.connections, durationMs: 0 }, pids);
  const after = await memoryOf(app.serverPid);
  const rawAfter = await loadWithCpu({ port: meiliPort, units, connections: options.connections, durationMs: 0 }, pids);
  const launcher = await memoryOf(app.launcherPid);
  const meiliRequestsPerPage = units.reduce((sum, unit) => sum + unit.length, 0) / units.length;
  return { load: page.load, cpu: page.cpu, rawBefore, rawAfter, meiliRequestsPerPage, before, after, launcher, pageBytes: html.length };
}

// ── (e) change → visible in search ──────────────────────────────────────────────────────────────────────

function inputOf(opening: Opening, title: string): OpeningInput {
  return {
    kind: opening.kind,
    title,
    description: opening.description,
    tasks: opening.tasks,
    hoursMin: opening.hoursMin,
    hoursMax: opening.hoursMax,
    flexjobExpectedHours: opening.flexjobExpectedHours,
    schedule: opening.schedule as OpeningInput['schedule'],
    startDate: opening.startDate,
    slots: opening.slots,
    postcode: opening.postcode,
    demands: opening.demands,
    accommodations: opening.accommodations,
    languageNeeds: opening.languageNeeds,
    hourlyWage: opening.hourlyWage,
    wageAgreement: opening.wageAgreement,
    drivingLicenceRequired: opening.drivingLicenceRequired,
    contactName: opening.contactName,
    contactRole: opening.contactRole,
    contactPhone: opening.contactPhone,
    contactEmail: opening.contactEmail,
  };
}

async function consultantActor(): Promise<Actor> {
  const [user] = await db().select().from(users).where(eq(users.role, 'consultant')).limit(1);
  if (!user) throw new Error('No consultant in the bench database: run bench/generate.ts first.');
  return { id: user.id, name: user.name, role: user.role, jobcentreId: user.jobcentreId, companyId: null, citizenId: null };
}

async function waitUntilOutboxEmpty(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingOutboxCount()) > 0) {
    if (Date.now() > deadline) throw new Error('The outbox did not drain: is the app running?');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function measureVisibility(samples: number, seed: number) {
  const random = stream(seed, 'visibility');
  const actor = await consultantActor();
  const ids = (await db().select({ id: openings.id }).from(openings).where(eq(openings.status, 'open')).orderBy(openings.id)).map((row) => row.id);
  const chosen = Array.from({ length: samples }, () => random.pick(ids));
  const index = searchClient().index(searchIndexNames().openings);
  const originals = new Map<string, Opening>();
  const visible: number[] = [];
  const committed: number[] = [];
  const phases = { untilEnqueued: [] as number[], queued: [] as number[], indexing: [] as number[], untilSeen: [] as number[] };
  let timeouts = 0;

  await waitUntilOutboxEmpty(30_000);
  for (const [n, id] of chosen.entries()) {
    // Start at a random phase of the worker's polling, as a real change does.
    await new Promise((resolve) => setTimeout(resolve, random.int(0, 500)));
    const current = await getOpeningForManager(actor, id);
    if (!originals.has(id)) originals.set(id, current);
    const title = `${originals.get(id)!.title} (ændret ${n + 1})`;
    const started = performance.now();
    await updateOpening(actor, id, inputOf(current, title));
    const committedAt = Date.now();
    committed.push(performance.now() - started);
    for (;;) {
      const document = await index.getDocument(id, { fields: ['title'] }).catch(() => null);
      if (document?.title === title) {
        visible.push(performance.now() - started);
        await recordPhases(phases, committedAt, Date.now());
        break;
      }
      if (performance.now() - started > VISIBILITY_TIMEOUT_MS) {
        timeouts++;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, VISIBILITY_POLL_MS));
    }
  }

  // Put the titles back, through the same path, so the next run starts from the generated data.
  for (const [id, original] of originals) {
    const current = await getOpeningForManager(actor, id);
    await updateOpening(actor, id, inputOf(current, original.title));
  }
  await waitUntilOutboxEmpty(60_000);
  return {
    visible: summarise(visible),
    committed: summarise(committed),
    untilEnqueued: summarise(phases.untilEnqueued),
    queued: summarise(phases.queued),
    indexing: summarise(phases.indexing),
    untilSeen: summarise(phases.untilSeen),
    timeouts,
  };
}

/**
 * Where the time went, from Meilisearch's task of the change (the latest document update on the index):
 * commit → task enqueued (the worker's polling and the drain's reads), enqueued → started (queue), started →
 * finished (indexing), finished → seen by our polling.
 */
async function recordPhases(phases: Record<'untilEnqueued' | 'queued' | 'indexing' | 'untilSeen', number[]>, committedAt: number, seenAt: number) {
  const { results } = await searchClient().tasks.getTasks({ indexUids: [searchIndexNames().openings], types: ['documentAdditionOrUpdate'], limit: 1 });
  const task = results[0];
  if (!task?.startedAt || !task.finishedAt) return;
  const enqueued = Date.parse(task.enqueuedAt);
  const started = Date.parse(task.startedAt);
  const finished = Date.parse(task.finishedAt);
  phases.untilEnqueued.push(enqueued - committedAt);
  phases.queued.push(started - enqueued);
  phases.indexing.push(finished - started);
  phases.untilSeen.push(seenAt - finished);
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────────────

async function reportSearches(today: string, meili: EmbeddedMeilisearch, handle: DatabaseHandle) {
  const pickPlace = placePicker();
  const searches = jobSearches(options.seed, options.queries, pickPlace);
  const warmup = jobSearches(options.seed, options.warmup, pickPlace, 'job-searches-warmup');
  console.info(`\n(a, c, d) ${options.queries} søgninger: tekst + 3 filtre + afstand (efter ${options.warmup} til opvarmning)`);
  const figures = await measureSearches(searches, warmup, today, meili, handle);
  const { service, rawRoundTrip, rawProcessing, database } = figures;
  console.info(`  (a) searchOpenings (Meilisearch):         ${describe(service)}`);
  console.info(`  (d) rå Meilisearch, klientens tur-retur:  ${describe(rawRoundTrip)}`);
  console.info(`  (d) rå Meilisearch, processingTimeMs:     ${describe(rawProcessing)}`);
  console.info(`  (c) searchOpeningsInDatabase (PostgreSQL): ${describe(database)}`);
  console.info(`      samme uden PostgreSQL' JIT-oversætter (kun til forklaring): ${describe(figures.databaseWithoutJit)}`);
  console.info(`  Kun til at forklare Meilisearch' tid (processingTimeMs for samme forespørgsler):`);
  console.info(`      uden facetter:                        ${describe(figures.noFacetsProcessing)}`);
  console.info(
    `  Meilisearch-forespørgsler pr. søgning: ${figures.meanQueriesPerSearch.toFixed(2)}; gns. antal fundne: ` +
      `${figures.meanTotal.toFixed(0)} (PostgreSQL: ${figures.meanDatabaseTotal.toFixed(0)}); uden resultater: ${(figures.emptyShare * 100).toFixed(0)} %`,
  );
  console.info(`  Mål p95 ≤ ${TARGETS.searchP95Ms} ms: ${verdict(service.p95 <= TARGETS.searchP95Ms)}`);
  const ratioP50 = service.p50 / rawRoundTrip.p50;
  const ratioP95 = service.p95 / rawRoundTrip.p95;
  console.info(
    `  Tjenesten / rå tur-retur: p50 ${ratioP50.toFixed(2)}×, p95 ${ratioP95.toFixed(2)}× (mål ≤ ${TARGETS.ratioToRaw}×: ${verdict(ratioP95 <= TARGETS.ratioToRaw && ratioP50 <= TARGETS.ratioToRaw)}); ` +
      `/ processingTimeMs: p50 ${(service.p50 / Math.max(rawProcessing.p50, 1)).toFixed(2)}×, p95 ${(service.p95 / Math.max(rawProcessing.p95, 1)).toFixed(2)}×`,
  );
  console.info(`  PostgreSQL / tjenesten: p50 ${(database.p50 / service.p50).toFixed(1)}×, p95 ${(database.p95 / service.p95).toFixed(1)}×`);
  return figures;
}

async function reportPage(app: AppProcess, today: string, meili: EmbeddedMeilisearch) {
  const searches = jobSearches(options.seed, options.queries, placePicker());
  console.info(`\n(b) Siden /jobs?… med ${options.connections} forbindelser i ${options.duration} s (appen startet som npm start, port ${options.port}), og rå Meilisearch før og efter med de samme søgninger`);
  const page = await measurePage(app, searches, today, meili);
  const { load } = page;
  const perUnit = (cpu: ReturnType<typeof cpuBetween>, name: string, ok: number) => ((cpu.used[name] ?? NaN) * 1000) / Math.max(ok, 1);
  for (const [label, raw] of [['før', page.rawBefore], ['efter', page.rawAfter]] as const) {
    console.info(
      `  rå Meilisearch (${label}): ${raw.load.requestsPerSecond.toFixed(0)} sider/s (${page.meiliRequestsPerPage.toFixed(2)} multi-search pr. side; svar: ${JSON.stringify(raw.load.statuses)}, fejl: ${raw.load.errors}); ` +
        `svartid ${describe(raw.load.latency)}; Meilisearch-CPU pr. side ${perUnit(raw.cpu, 'meilisearch', raw.load.ok).toFixed(1)} ms; ${describeCpu(raw.cpu)}`,
    );
  }
  console.info(
    `  siden: ${load.requestsPerSecond.toFixed(0)} req/s (svar: ${JSON.stringify(load.statuses)}, fejl: ${load.errors}) på ${(load.elapsedMs / 1000).toFixed(1)} s; ` +
      `svartid ${describe(load.latency)}; ${(load.bytes / Math.max(load.requests, 1) / 1024).toFixed(1)} kB pr. svar (Accept-Encoding: ${options.acceptEncoding}), ${(page.pageBytes / 1024).toFixed(0)} kB udpakket`,
  );
  console.info(
    `  Appens hukommelse: top (VmHWM) ${page.after?.peakMb.toFixed(0)} MB, nu ${page.after?.currentMb.toFixed(0)} MB (før belastningen ${page.before?.currentMb.toFixed(0)} MB); ` +
      `tsx-starteren ${page.launcher?.currentMb.toFixed(0)} MB`,
  );
  const meiliMemory = await memoryOf(benchMeilisearchPid());
  console.info(`  Meilisearch (egen proces): top ${meiliMemory?.peakMb.toFixed(0)} MB`);
  console.info(`  ${describeCpu(page.cpu)}`);
  const appCpuPerPage = perUnit(page.cpu, 'app', load.ok);
  const meiliCpuPerPage = perUnit(page.cpu, 'meilisearch', load.ok);
  console.info(
    `  CPU pr. side: app ${appCpuPerPage.toFixed(1)} ms, Meilisearch ${meiliCpuPerPage.toFixed(1)} ms, ` +
      `PostgreSQL ${perUnit(page.cpu, 'postgres', load.ok).toFixed(1)} ms, belastningsgenerator ${perUnit(page.cpu, 'load generator (this process)', load.ok).toFixed(1)} ms`,
  );
  const rawPerSecond = (page.rawBefore.load.requestsPerSecond + page.rawAfter.load.requestsPerSecond) / 2;
  const ratio = load.requestsPerSecond / rawPerSecond;
  console.info(
    `  Siden / rå Meilisearch (gns. af før og efter): ${ratio.toFixed(2)}× (mål ≥ ${TARGETS.pageToRaw}×: ${verdict(ratio >= TARGETS.pageToRaw)}); ` +
      `appens CPU / Meilisearch' CPU pr. side: ${(appCpuPerPage / meiliCpuPerPage).toFixed(2)}× (mål ≤ 1×: ${verdict(appCpuPerPage <= meiliCpuPerPage)}); ` +
      `mål < ${TARGETS.appMemoryMb} MB: ${verdict((page.after?.peakMb ?? Infinity) < TARGETS.appMemoryMb)}`,
  );
  return {
    ...load,
    peakMb: page.after?.peakMb,
    meiliPeakMb: meiliMemory?.peakMb,
    cpu: page.cpu,
    appCpuPerPageMs: appCpuPerPage,
    meiliCpuPerPageMs: meiliCpuPerPage,
    rawPagesPerSecond: [page.rawBefore.load.requestsPerSecond, page.rawAfter.load.requestsPerSecond],
    rawMeiliCpuPerPageMs: [perUnit(page.rawBefore.cpu, 'meilisearch', page.rawBefore.load.ok), perUnit(page.rawAfter.cpu, 'meilisearch', page.rawAfter.load.ok)],
    ratioToRaw: ratio,
  };
}

async function reportVisibility() {
  console.info(`\n(e) Ændring → synlig i Meilisearch, ${options.samples} prøver (updateOpening → udbakke → appens worker)`);
  const visibility = await measureVisibility(options.samples, options.seed);
  console.info(`  Synlig efter: ${describe(visibility.visible)}; ${visibility.timeouts} nåede ikke frem inden ${VISIBILITY_TIMEOUT_MS / 1000} s`);
  console.info(`  Selve ændringen (transaktion med udbakke-række): ${describe(visibility.committed)}`);
  console.info(`  Commit → Meilisearch-opgave oprettet (workerens ventetid + læsning): ${describe(visibility.untilEnqueued)}`);
  console.info(`  Opgave i kø: ${describe(visibility.queued)}`);
  console.info(`  Meilisearch indekserer: ${describe(visibility.indexing)}`);
  console.info(`  Færdig → set af vores polling: ${describe(visibility.untilSeen)}`);
  console.info(`  Mål p95 ≤ ${TARGETS.visibilityP95Ms} ms: ${verdict(visibility.timeouts === 0 && visibility.visible.p95 <= TARGETS.visibilityP95Ms)}`);
  return visibility;
}

async function main() {
  const today = todayInDenmark();
  const handle = await openBenchDatabase();
  // The baseline is the app's fallback on the app's own schema: no indexes left over from bench/matching.ts.
  await dropPostgresMatchingIndexes(handle.db);
  const meili = await startBenchSearch();
  let app: AppProcess | null = null;
  try {
    const stats = await searchClient().index(searchIndexNames().openings).getStats();
    console.info(await machineDescription(meili.url, meili.masterKey));
    console.info(`Jobopslag i Meilisearch: ${stats.numberOfDocuments.toLocaleString('da-DK')}; database ${BENCH_DATABASE_URL}; data ${BENCH_DATA_DIR}`);
    if (stats.numberOfDocuments === 0) throw new Error('The openings index is empty: run bench/generate.ts first.');

    const search = options.skipSearch ? null : await reportSearches(today, meili, handle);
    let page = null;
    let visibility = null;
    if (!options.skipPage || !options.skipVisibility) {
      const startedApp = performance.now();
      app = await startApp({
        port: options.port,
        cwd: options.appDir || undefined,
        env: {
          DATABASE_URL: BENCH_DATABASE_URL,
          MEILI_URL: meili.url,
          MEILI_MASTER_KEY: meili.masterKey,
          DATA_DIR: `${BENCH_DATA_DIR}/app`,
        },
        nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : undefined,
      });
      console.info(`\nAppen svarer efter ${((performance.now() - startedApp) / 1000).toFixed(1)} s (server-pid ${app.serverPid}, tsx-starter ${app.launcherPid})`);
      if (!options.skipPage) page = await reportPage(app, today, meili);
      if (!options.skipVisibility) visibility = await reportVisibility();
    }
    console.info(`\nload average ved slut: ${loadAverage()}`);
    console.info(JSON.stringify({ figure: 'jobs-search', documents: stats.numberOfDocuments, search, page, visibility }));
  } finally {
    await app?.stop();
    await meili.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
