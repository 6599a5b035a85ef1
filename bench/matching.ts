/**
 * The matching figures of issue 4, side by side in one run, against the data of bench/generate.ts
 * (100,000 citizens and 50,000 openings indexed):
 *
 *   npx tsx bench/matching.ts
 *
 * For each sampled opening (match from an opening: the citizens of the consultant's jobcentre) and each
 * sampled citizen (match from a citizen: the openings), in turn:
 *   ours  — the app's matching service (`matchCitizensForOpening`, `matchOpeningsForCitizen` of
 *           app/services/matching.server.ts), in process, as a consultant of the jobcentre: Meilisearch, the
 *           candidates' rows from PostgreSQL, re-ranking, explanations and the access-log rows;
 *   raw   — exactly the Meilisearch request(s) ours sent, replayed: Meilisearch's processingTimeMs and the
 *           client's round trip;
 *   pg    — the same work on PostgreSQL alone with pg_trgm typo tolerance (bench/lib/postgres-matching.ts),
 *           re-ranked and explained by the same domain code.
 * Then a full reindex of all documents with the swap (search/reindex.ts).
 *
 * Ours and raw alternate sample by sample. The PostgreSQL baseline runs the same samples after them
 * (`--postgres after`, the default since round five): interleaved with ours (`--postgres interleaved`, rounds
 * one to four), each of its trigram scans, seconds of CPU over whole tables, pushed the rows ours reads out
 * of PostgreSQL's 128 MB of shared buffers before ours ran again, a load no production server has between
 * two matches. `--postgres skip` leaves it out.
 *
 * Options: --samples 150, --warmup 20, --seed 42, --skip-reindex, --postgres after|interleaved|skip,
 * --pg-plan filters-first|planner (see bench/lib/postgres-matching.ts; filters-first was the faster here).
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { Index, MeiliSearch, type MultiSearchParams, type MultiSearchQuery, type SearchParams } from 'meilisearch';
import { eligibleKinds } from '../app/domain/eligibility';
import { MAX_REACH_KM } from '../app/domain/citizen-rules';
import type { Actor } from '../app/services/actor';
import { MATCH_LIMIT, matchCitizensForOpening, matchOpeningsForCitizen } from '../app/services/matching.server';
import { db } from '../db/client';
import { agreements, citizenExcludedCompanies, citizens, jobcentres, openings, users } from '../db/schema';
import { createSearchClient, searchClient, searchIndexNames } from '../search/client';
import { UNMATCHED_PHASES } from '../app/domain/eligibility';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../app/domain/slots';
import type { EmbeddedMeilisearch } from '../search/embedded';
import { reindexAll } from '../search/reindex';
import { nearestJobcentreName } from './lib/dataset';
import {
  benchMeilisearchPid,
  cpuBetween,
  cpuSnapshot,
  describe,
  describeCpu,
  loadAverage,
  machineDescription,
  openBenchDatabase,
  parseOptions,
  startBenchSearch,
  summarise,
  todayInDenmark,
  verdict,
  type Summary,
} from './lib/env';
import {
  dropPostgresMatchingIndexes,
  matchCitizensInPostgres,
  matchOpeningsInPostgres,
  preparePostgresMatching,
  type BaselineCitizen,
  type BaselineOpening,
  type PostgresPlan,
} from './lib/postgres-matching';
import { stream } from './lib/random';

// ratioToRaw: issue 20 (was 2× in issue 4).
const TARGETS = { p95Ms: 8, fasterThanPostgres: 6, ratioToRaw: 1.5, reindexMs: 30_000 };

const options = parseOptions({ samples: 150, warmup: 20, seed: 42, skipReindex: false, pgPlan: 'filters-first', postgres: 'after' });

// ── Capturing what goes to Meilisearch ──────────────────────────────────────────────────────────────────

type Captured = { kind: 'search'; indexUid: string; query: string | null | undefined; params: SearchParams | undefined } | { kind: 'multi'; params: MultiSearchParams };

/**
 * Records every search and multi-search sent through the meilisearch client in this process, whoever sends
 * it, so the identical request can be replayed raw. Recording is a push onto an array.
 */
function captureSearches() {
  let calls: Captured[] = [];
  const search = Index.prototype.search;
  Index.prototype.search = function (this: Index, query?: string | null, params?: SearchParams, init?: unknown) {
    calls.push({ kind: 'search', indexUid: this.uid, query, params });
    return (search as (q?: string | null, p?: SearchParams, i?: unknown) => ReturnType<Index['search']>).call(this, query, params, init);
  } as Index['search'];
  const multiSearch = MeiliSearch.prototype.multiSearch;
  MeiliSearch.prototype.multiSearch = function (this: MeiliSearch, params: MultiSearchParams, init?: unknown) {
    calls.push({ kind: 'multi', params });
    return (multiSearch as (p: MultiSearchParams, i?: unknown) => ReturnType<MeiliSearch['multiSearch']>).call(this, params, init);
  } as MeiliSearch['multiSearch'];
  return {
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
  };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Replays the calls on a client of our own; returns the round trip and Meilisearch's processing time. */
async function replay(raw: MeiliSearch, calls: Captured[]): Promise<{ roundTrip: number; processing: number }> {
  let roundTrip = 0;
  let processing = 0;
  for (const call of calls) {
    const started = performance.now();
    if (call.kind === 'search') {
      const response = await raw.index(call.indexUid).search(call.query, call.params);
      processing += response.processingTimeMs;
    } else {
      const response = await raw.multiSearch(call.params as { queries: [] });
      processing += response.results.reduce((sum, result) => sum + result.processingTimeMs, 0);
    }
    roundTrip += performance.now() - started;
  }
  return { roundTrip, processing };
}

// ── Samples ─────────────────────────────────────────────────────────────────────────────────────────────

type OpeningSample = { opening: BaselineOpening; jobcentreId: string; actor: Actor };
type CitizenSample = { citizen: BaselineCitizen; actor: Actor };

async function consultantsByJobcentre(): Promise<Map<string, Actor>> {
  const rows = await db().select().from(users).where(eq(users.role, 'consultant')).orderBy(users.email);
  const actors = new Map<string, Actor>();
  for (const user of rows) {
    if (user.jobcentreId && !actors.has(user.jobcentreId)) {
      actors.set(user.jobcentreId, { id: user.id, name: user.name, role: 'consultant', jobcentreId: user.jobcentreId, companyId: null, citizenId: null });
    }
  }
  return actors;
}

async function sampleOpenings(count: number, purpose: string, actors: Map<string, Actor>): Promise<OpeningSample[]> {
  const random = stream(options.seed, purpose);
  const ids = (await db().select({ id: openings.id }).from(openings).where(eq(openings.status, 'open')).orderBy(openings.id)).map((row) => row.id);
  const chosen = [...new Set(Array.from({ length: count }, () => random.pick(ids)))];
  const rows = await db().select().from(openings).where(inArray(openings.id, chosen));
  const taken = await db()
    .select({ openingId: agreements.openingId, n: sql<number>`count(*)::int` })
    .from(agreements)
    .where(and(inArray(agreements.openingId, chosen), inArray(agreements.status, SLOT_HOLDING_AGREEMENT_STATUSES)))
    .groupBy(agreements.openingId);
  const takenBy = new Map(taken.map((row) => [row.openingId, row.n]));
  const centres = new Map((await db().select().from(jobcentres)).map((centre) => [centre.name, centre.id]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return chosen.map((id) => {
    const row = byId.get(id)!;
    const jobcentreId = centres.get(nearestJobcentreName(row))!;
    return {
      jobcentreId,
      actor: actors.get(jobcentreId)!,
      opening: {
        id: row.id,
        kind: row.kind,
        companyId: row.companyId,
        hoursMin: row.hoursMin,
        hoursMax: row.hoursMax,
        demands: row.demands,
        accommodations: row.accommodations,
        lat: row.lat,
        lon: row.lon,
        status: row.status,
        freeSlots: row.slots - (takenBy.get(row.id) ?? 0),
        title: row.title,
        tasks: row.tasks,
        drivingLicenceRequired: row.drivingLicenceRequired,
      },
    };
  });
}

async function sampleCitizens(count: number, purpose: string, actors: Map<string, Actor>, today: string): Promise<CitizenSample[]> {
  const random = stream(options.seed, purpose);
  const ids = (
    await db()
      .select({ id: citizens.id })
      .from(citizens)
      .where(and(eq(citizens.consentToShare, true), isNull(citizens.closedAt), ne(citizens.phase, UNMATCHED_PHASES[0]), ne(citizens.phase, UNMATCHED_PHASES[1])))
      .orderBy(citizens.id)
  ).map((row) => row.id);
  const chosen = [...new Set(Array.from({ length: count }, () => random.pick(ids)))];
  const rows = await db().select().from(citizens).where(inArray(citizens.id, chosen));
  const exclusions = await db().select().from(citizenExcludedCompanies).where(inArray(citizenExcludedCompanies.citizenId, chosen));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return chosen.map((id) => {
    const row = byId.get(id)!;
    const excludedCompanyIds = exclusions.filter((entry) => entry.citizenId === id).map((entry) => entry.companyId);
    return {
      actor: actors.get(row.jobcentreId)!,
      citizen: {
        id: row.id,
        jobcentreId: row.jobcentreId,
        benefitStatus: row.benefitStatus,
        flexjobVisitationUntil: row.flexjobVisitationUntil,
        excludedCompanyIds,
        phase: row.phase,
        hoursMin: row.hoursMin,
        hoursMax: row.hoursMax,
        restrictions: row.restrictions,
        neededAccommodations: row.neededAccommodations,
        lat: row.lat,
        lon: row.lon,
        reachKm: row.reachKm,
        wishes: row.wishes,
        competences: row.competences,
        drivingLicence: row.drivingLicence,
        eligibleKinds: eligibleKinds(row, today),
      },
    };
  });
}

// ── Measuring ───────────────────────────────────────────────────────────────────────────────────────────

type Direction = {
  ours: Summary;
  rawRoundTrip: Summary;
  rawProcessing: Summary;
  postgres: Summary;
  /** Ours minus the raw round trip: the service's own work (PostgreSQL reads, access log, ranking). */
  outsideMeilisearch: Summary;
  /** This process's CPU (user + system) during one match of ours, and during its raw replay (the client's share). */
  oursCpu: Summary;
  rawCpu: Summary;
  /** Meilisearch's processing of each query of the multi-search sent alone (text hits; the nearest, within 10 km). */
  parts: Summary[];
  meanOurs: number;
  meanPostgres: number;
  sources: Record<string, number>;
  cpu: ReturnType<typeof cpuBetween>;
};

/** Each query of the captured multi-searches alone: Meilisearch's processing time by position. */
async function processingByQuery(raw: MeiliSearch, calls: Captured[]): Promise<number[]> {
  const parts: number[] = [];
  for (const call of calls) {
    if (call.kind !== 'multi') continue;
    for (const [position, query] of (call.params as { queries: MultiSearchQuery[] }).queries.entries()) {
      const { results } = await raw.multiSearch({ queries: [query] });
      parts[position] = (parts[position] ?? 0) + (results[0]?.processingTimeMs ?? 0);
    }
  }
  return parts;
}

async function measureDirection<S>(
  samples: S[],
  warmup: S[],
  ours: (sample: S) => Promise<{ results: unknown[]; source: string }>,
  postgres: (sample: S) => Promise<unknown[]>,
  capture: ReturnType<typeof captureSearches>,
  raw: MeiliSearch,
): Promise<Direction> {
  for (const sample of warmup) {
    await ours(sample);
    await replay(raw, capture.take());
    if (options.postgres === 'interleaved') await postgres(sample);
  }
  const times = { ours: [] as number[], rawRoundTrip: [] as number[], rawProcessing: [] as number[], postgres: [] as number[], outside: [] as number[], oursCpu: [] as number[], rawCpu: [] as number[] };
  const parts: number[][] = [];
  let ourMatches = 0;
  let postgresMatches = 0;
  const sources: Record<string, number> = {};
  const pids = { 'bench (app code)': process.pid, meilisearch: benchMeilisearchPid() };
  const cpuBefore = cpuSnapshot(pids);
  for (const sample of samples) {
    capture.take();
    let started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const answer = await ours(sample);
    const oursMs = performance.now() - started;
    times.oursCpu.push(cpuMs(process.cpuUsage(cpuAtStart)));
    times.ours.push(oursMs);
    ourMatches += answer.results.length;
    sources[answer.source] = (sources[answer.source] ?? 0) + 1;

    const calls = capture.take();
    const rawCpuAtStart = process.cpuUsage();
    const { roundTrip, processing } = await replay(raw, calls);
    times.rawCpu.push(cpuMs(process.cpuUsage(rawCpuAtStart)));
    times.rawRoundTrip.push(roundTrip);
    times.rawProcessing.push(processing);
    times.outside.push(oursMs - roundTrip);
    for (const [position, value] of (await processingByQuery(raw, calls)).entries()) (parts[position] ??= []).push(value);

    if (options.postgres === 'interleaved') {
      started = performance.now();
      postgresMatches += (await postgres(sample)).length;
      times.postgres.push(performance.now() - started);
    }
  }
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(pids));
  if (options.postgres === 'after') {
    for (const sample of warmup) await postgres(sample);
    for (const sample of samples) {
      const started = performance.now();
      postgresMatches += (await postgres(sample)).length;
      times.postgres.push(performance.now() - started);
    }
  }
  return {
    ours: summarise(times.ours),
    rawRoundTrip: summarise(times.rawRoundTrip),
    rawProcessing: summarise(times.rawProcessing),
    postgres: summarise(times.postgres),
    outsideMeilisearch: summarise(times.outside),
    oursCpu: summarise(times.oursCpu),
    rawCpu: summarise(times.rawCpu),
    parts: parts.map((values) => summarise(values)),
    meanOurs: ourMatches / samples.length,
    meanPostgres: postgresMatches / samples.length,
    sources,
    cpu,
  };
}

function report(label: string, direction: Direction) {
  console.info(`\n${label}`);
  console.info(`  vores (matchingtjenesten, alt medregnet):         ${describe(direction.ours)}`);
  console.info(`  rå Meilisearch, klientens tur-retur:              ${describe(direction.rawRoundTrip)}`);
  console.info(`  rå Meilisearch, processingTimeMs:                 ${describe(direction.rawProcessing)}`);
  const postgresRan = direction.postgres.n > 0;
  console.info(`  PostgreSQL + pg_trgm (+ samme genrangering):      ${postgresRan ? `${describe(direction.postgres)} (${options.postgres === 'after' ? 'bagefter' : 'skiftevis med vores'})` : 'sprunget over'}`);
  console.info(`  Kun til forklaring — vores minus rå tur-retur (PostgreSQL-læsninger, adgangslog, rangering): ${describe(direction.outsideMeilisearch)}`);
  console.info(`  Kun til forklaring — CPU i denne proces pr. match: vores ${describe(direction.oursCpu)}; rå (klienten) ${describe(direction.rawCpu)}`);
  direction.parts.forEach((part, position) =>
    console.info(`  Kun til forklaring — Meilisearch-forespørgsel ${position + 1} alene (${position === 0 ? 'teksttræf' : 'de nærmeste, inden for 10 km'}), processingTimeMs: ${describe(part)}`),
  );
  console.info(`  ${describeCpu(direction.cpu)}`);
  console.info(`  gns. match vist: vores ${direction.meanOurs.toFixed(1)}, PostgreSQL ${direction.meanPostgres.toFixed(1)}; kilder: ${JSON.stringify(direction.sources)}`);
  const faster = direction.postgres.p95 / direction.ours.p95;
  const toRaw = direction.ours.p95 / direction.rawRoundTrip.p95;
  console.info(
    `  Mål p95 ≤ ${TARGETS.p95Ms} ms: ${verdict(direction.ours.p95 <= TARGETS.p95Ms)}; ` +
      (postgresRan ? `PostgreSQL/vores ved p95 ${faster.toFixed(1)}× (mål ≥ ${TARGETS.fasterThanPostgres}×: ${verdict(faster >= TARGETS.fasterThanPostgres)}); ` : '') +
      `vores/rå tur-retur ved p95 ${toRaw.toFixed(2)}× (mål ≤ ${TARGETS.ratioToRaw}×: ${verdict(toRaw <= TARGETS.ratioToRaw)}), ved p50 ${(direction.ours.p50 / direction.rawRoundTrip.p50).toFixed(2)}×; ` +
      `vores/processingTimeMs ved p95 ${(direction.ours.p95 / Math.max(direction.rawProcessing.p95, 1)).toFixed(2)}×`,
  );
}

async function main() {
  const today = todayInDenmark();
  const handle = await openBenchDatabase();
  const meili: EmbeddedMeilisearch = await startBenchSearch();
  try {
    console.info(await machineDescription(meili.url, meili.masterKey));
    const names = searchIndexNames();
    const [openingStats, citizenStats] = await Promise.all([searchClient().index(names.openings).getStats(), searchClient().index(names.citizens).getStats()]);
    console.info(`Indekseret: ${openingStats.numberOfDocuments.toLocaleString('da-DK')} jobopslag, ${citizenStats.numberOfDocuments.toLocaleString('da-DK')} borgere`);
    if (citizenStats.numberOfDocuments === 0) throw new Error('The citizens index is empty: run bench/generate.ts first.');

    // The trigram indexes only for the PostgreSQL baseline: building them loads the server ours is measured on.
    if (options.postgres !== 'skip') await preparePostgresMatching(handle.db);

    const actors = await consultantsByJobcentre();
    const openingSamples = await sampleOpenings(options.samples, 'match-openings', actors);
    const openingWarmup = await sampleOpenings(options.warmup, 'match-openings-warmup', actors);
    const citizenSamples = await sampleCitizens(options.samples, 'match-citizens', actors, today);
    const citizenWarmup = await sampleCitizens(options.warmup, 'match-citizens-warmup', actors, today);

    const capture = captureSearches();
    const raw = createSearchClient({ host: meili.url, apiKey: meili.masterKey });
    // As the service: its page size, and the box of the longest reach a profile may have.
    const limit = MATCH_LIMIT;
    const maxReachKm = MAX_REACH_KM;
    const plan = options.pgPlan as PostgresPlan;
    if (plan !== 'planner' && plan !== 'filters-first') throw new Error('--pg-plan is planner or filters-first');
    if (!['after', 'interleaved', 'skip'].includes(options.postgres)) throw new Error('--postgres is after, interleaved or skip');

    const fromOpening = await measureDirection(
      openingSamples,
      openingWarmup,
      (sample) => matchCitizensForOpening(sample.actor, sample.opening.id, { today }),
      (sample) => matchCitizensInPostgres(handle.db, sample.opening, { jobcentreId: sample.jobcentreId, today, maxReachKm, limit, plan }),
      capture,
      raw,
    );
    report(`Match fra et jobopslag (borgere i konsulentens jobcenter), ${openingSamples.length} jobopslag`, fromOpening);

    const fromCitizen = await measureDirection(
      citizenSamples,
      citizenWarmup,
      (sample) => matchOpeningsForCitizen(sample.actor, sample.citizen.id, { today }),
      (sample) => matchOpeningsInPostgres(handle.db, sample.citizen, { today, limit, plan }),
      capture,
      raw,
    );
    report(`Match fra en borger (jobopslag), ${citizenSamples.length} borgere`, fromCitizen);

    let reindex = null;
    if (!options.skipReindex) {
      reindex = await reindexAll({ db: handle.db, client: searchClient(), indexNames: names });
      const documents = reindex.openings + reindex.citizens;
      console.info(
        `\nFuld genindeksering med swap: ${documents.toLocaleString('da-DK')} dokumenter (${reindex.openings.toLocaleString('da-DK')} jobopslag, ` +
          `${reindex.citizens.toLocaleString('da-DK')} borgere) på ${(reindex.durationMs / 1000).toFixed(1)} s; mål ≤ ${TARGETS.reindexMs / 1000} s: ${verdict(reindex.durationMs <= TARGETS.reindexMs)}`,
      );
    }
    console.info(`\nload average ved slut: ${loadAverage()}`);
    console.info(JSON.stringify({ figure: 'matching', fromOpening, fromCitizen, reindex }));
  } finally {
    await dropPostgresMatchingIndexes(handle.db);
    await meili.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
