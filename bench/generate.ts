/**
 * Generates the benchmark data set into its own PostgreSQL database and indexes it with a full reindex
 * (new indexes, then an atomic swap), timing the reindex.
 *
 *   npx tsx bench/generate.ts --openings 50000 --citizens 100000 --seed 42
 *
 * Options: --companies 500, --today YYYY-MM-DD (default: today in Denmark; dates are relative to it),
 * --reindex-only (keep the rows, time the reindex again). BENCH_DATABASE_URL overrides the database
 * (default postgres://postgres@127.0.0.1:5432/jobbro_bench; its name must contain "bench"). Meilisearch
 * is the embedded one on bench/.data.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { agreements, citizenExcludedCompanies, citizens, companies, jobcentres, openings, users } from '../db/schema';
import { searchClient, searchIndexNames } from '../search/client';
import { reindexAll } from '../search/reindex';
import {
  agreementsFor,
  citizenBatches,
  exclusionsFor,
  openingBatches,
  organisations,
  placePicker,
  type DatasetOptions,
  type OpeningRef,
} from './lib/dataset';
import { dropPostgresMatchingIndexes } from './lib/postgres-matching';
import {
  benchMeilisearchPid,
  BENCH_DATABASE_URL,
  cpuBetween,
  cpuSnapshot,
  describeCpu,
  loadAverage,
  machineDescription,
  openBenchDatabase,
  parseOptions,
  startBenchSearch,
  todayInDenmark,
  verdict,
} from './lib/env';

const INSERT_BATCH = 1000;
const REINDEX_TARGET_MS = 30_000;

const options = parseOptions({
  openings: 50_000,
  citizens: 100_000,
  companies: 500,
  seed: 42,
  today: todayInDenmark(),
  reindexOnly: false,
});

/** Empties every table of the bench database (the migrations' own table lives in the drizzle schema). */
async function emptyDatabase(database: Database) {
  const rows = (await database.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as { tablename: string }[];
  const tables = rows.map((row) => `"public"."${row.tablename}"`);
  if (tables.length > 0) await database.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}

async function insertInBatches<T>(label: string, rows: Iterable<T[]>, insert: (batch: T[]) => Promise<unknown>) {
  const started = performance.now();
  let count = 0;
  for (const batch of rows) {
    await insert(batch);
    count += batch.length;
  }
  console.info(`  ${label}: ${count.toLocaleString('da-DK')} rækker på ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return count;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

async function load(database: Database, dataset: DatasetOptions) {
  const pickPlace = placePicker();
  const orgs = organisations(dataset, pickPlace);
  // The bench-only indexes of bench/matching.ts would slow the load down; it makes them again.
  await dropPostgresMatchingIndexes(database);
  await emptyDatabase(database);
  await database.insert(jobcentres).values(orgs.jobcentres.map(({ place: _place, ...row }) => row));
  await database.insert(users).values(orgs.consultants);
  await insertInBatches('virksomheder', chunks(orgs.companies.map(({ family: _family, ...row }) => row), INSERT_BATCH), (batch) =>
    database.insert(companies).values(batch),
  );

  const openingRefs: OpeningRef[] = [];
  await insertInBatches('jobopslag', openingBatches(dataset, { organisations: orgs, pickPlace }, INSERT_BATCH), async (batch) => {
    for (const row of batch) {
      if (row.slots && row.slots > 1) openingRefs.push({ id: row.id!, companyId: row.companyId, slots: row.slots, status: row.status! });
    }
    await database.insert(openings).values(batch);
  });

  const pensioners: string[] = [];
  const someCitizens: string[] = [];
  await insertInBatches('borgere', citizenBatches(dataset, { organisations: orgs, pickPlace }, INSERT_BATCH), async (batch) => {
    for (const row of batch) {
      if (row.benefitStatus === 'disability_pension') pensioners.push(row.id!);
      if (someCitizens.length < 20_000) someCitizens.push(row.id!);
    }
    await database.insert(citizens).values(batch);
  });

  const companyIds = orgs.companies.map((company) => company.id);
  await insertInBatches('skånejob-udelukkelser', chunks(exclusionsFor(dataset, pensioners, companyIds), INSERT_BATCH), (batch) =>
    database.insert(citizenExcludedCompanies).values(batch),
  );
  await insertInBatches('aftaler', chunks(agreementsFor(dataset, openingRefs, someCitizens), INSERT_BATCH), (batch) =>
    database.insert(agreements).values(batch),
  );
  // Settle the freshly loaded tables (visibility map, statistics, dirty pages) now, rather than have
  // autovacuum and a checkpoint compete with the reindex that follows: a reindex runs on a settled database.
  await database.execute(sql`vacuum analyze`);
  await database.execute(sql`checkpoint`);
}

async function main() {
  const dataset: DatasetOptions = {
    openings: options.openings,
    citizens: options.citizens,
    companies: options.companies,
    seed: options.seed,
    today: options.today,
  };
  console.info(`Benchmark-data: ${JSON.stringify(dataset)} → ${BENCH_DATABASE_URL}`);
  const handle = await openBenchDatabase();
  const meili = await startBenchSearch();
  try {
    console.info(await machineDescription(meili.url, meili.masterKey));
    if (!options.reindexOnly) {
      const started = performance.now();
      await load(handle.db, dataset);
      console.info(`Indlæst i PostgreSQL på ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const pids = { 'bench (reindex code)': process.pid, meilisearch: benchMeilisearchPid() };
    const cpuBefore = cpuSnapshot(pids);
    const result = await reindexAll({ db: handle.db, client: searchClient(), indexNames: searchIndexNames() });
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(pids));
    const documents = result.openings + result.citizens;
    const seconds = result.durationMs / 1000;
    console.info(
      `Fuld genindeksering med swap: ${result.openings.toLocaleString('da-DK')} jobopslag + ${result.citizens.toLocaleString('da-DK')} borgere = ` +
        `${documents.toLocaleString('da-DK')} dokumenter på ${seconds.toFixed(1)} s (${Math.round(documents / seconds).toLocaleString('da-DK')} dok./s); ` +
        `mål ≤ ${REINDEX_TARGET_MS / 1000} s: ${verdict(result.durationMs <= REINDEX_TARGET_MS)}`,
    );
    console.info(`  ${describeCpu(cpu)}; load average ved slut ${loadAverage()}`);
    console.info(JSON.stringify({ figure: 'reindex', ...result, cpu }));
  } finally {
    await meili.stop();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
