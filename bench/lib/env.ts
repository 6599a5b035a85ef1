/**
 * What every benchmark shares: its own PostgreSQL database (never the app's or the tests'), the embedded
 * Meilisearch on bench/.data, command-line options, the machine it ran on, and percentiles.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toIsoDate } from '../../app/domain/format';
import { createDatabase, installDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { configureSearch, DEFAULT_INDEX_NAMES } from '../../search/client';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../search/embedded';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** The embedded Meilisearch's data (and the app's, under it); BENCH_DATA_DIR keeps a second size beside it. */
export const BENCH_DATA_DIR = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : path.join(BENCH_DIR, '.data');
export const PROJECT_DIR = path.dirname(BENCH_DIR);

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jobbro_bench';

// ── Options ─────────────────────────────────────────────────────────────────────────────────────────────

/** `--name value` and `--flag` options; numbers where a number is expected. */
export function parseOptions<T extends Record<string, number | string | boolean>>(defaults: T, argv = process.argv.slice(2)): T {
  const options: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const name = arg.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    if (!(name in defaults)) throw new Error(`Unknown option ${arg}; known: ${Object.keys(defaults).join(', ')}`);
    const fallback = defaults[name];
    if (typeof fallback === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (typeof fallback === 'number') {
      const number = Number(value.replaceAll('_', ''));
      if (!Number.isFinite(number)) throw new Error(`${arg} needs a number, got ${value}`);
      options[name] = number;
    } else {
      options[name] = value;
    }
  }
  return options as T;
}

export function todayInDenmark(): string {
  return toIsoDate(new Date());
}

// ── Database ────────────────────────────────────────────────────────────────────────────────────────────

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The benchmarks truncate and load their database: refuse anything not named as a bench database. */
export function assertBenchDatabase(url: string) {
  if (!/bench/i.test(databaseName(url))) {
    throw new Error(`Refusing to use ${databaseName(url)}: the benchmark database's name must contain "bench" (BENCH_DATABASE_URL).`);
  }
}

/** Creates the bench database on its server when it does not exist yet. */
export async function ensureBenchDatabase(url = BENCH_DATABASE_URL) {
  assertBenchDatabase(url);
  const name = databaseName(url);
  const serverUrl = new URL(url);
  serverUrl.pathname = '/postgres';
  const { default: postgres } = await import('postgres');
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (!existing) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

/** Opens (and migrates) the bench database as the process-wide one, so services run against it. */
export async function openBenchDatabase(url = BENCH_DATABASE_URL): Promise<DatabaseHandle> {
  assertBenchDatabase(url);
  await ensureBenchDatabase(url);
  const handle = await createDatabase({ url });
  await migrateDatabase(handle);
  installDatabase(handle);
  return handle;
}

/**
 * A second handle on the bench database whose sessions run with PostgreSQL's JIT compiler off: only to
 * show what JIT costs the app's queries (PostgreSQL's default is on, and the figures are taken with it).
 */
export async function openBenchDatabaseWithoutJit(url = BENCH_DATABASE_URL): Promise<DatabaseHandle> {
  assertBenchDatabase(url);
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const schema = await import('../../db/schema');
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { jit: 'off' } });
  return {
    db: drizzle({ client, schema }) as unknown as DatabaseHandle['db'],
    kind: 'postgres',
    ping: async () => void (await client`select 1`),
    close: () => client.end(),
  };
}

// ── Meilisearch ─────────────────────────────────────────────────────────────────────────────────────────

/** The embedded Meilisearch on bench/.data, installed as the process-wide search client. */
export async function startBenchSearch(): Promise<EmbeddedMeilisearch> {
  const meili = await startEmbeddedMeilisearch({ dataDir: BENCH_DATA_DIR });
  configureSearch({ host: meili.url, apiKey: meili.masterKey, indexNames: DEFAULT_INDEX_NAMES });
  return meili;
}

// ── Measuring ───────────────────────────────────────────────────────────────────────────────────────────

export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number; min: number; max: number };

/** Nearest-rank percentiles. */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, min: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function describe(summary: Summary): string {
  return `p50 ${ms(summary.p50)} ms · p95 ${ms(summary.p95)} ms · p99 ${ms(summary.p99)} ms · mean ${ms(summary.mean)} ms · max ${ms(summary.max)} ms (n=${summary.n})`;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

// ── The machine ─────────────────────────────────────────────────────────────────────────────────────────

function commandOutput(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export async function machineDescription(meiliUrl?: string, meiliKey?: string): Promise<string> {
  const cpus = os.cpus();
  const postgresVersion = commandOutput('psql', [BENCH_DATABASE_URL, '-Atc', 'show server_version']);
  let meiliVersion = 'unknown';
  if (meiliUrl) {
    try {
      const response = await fetch(`${meiliUrl}/version`, { headers: { authorization: `Bearer ${meiliKey}` } });
      meiliVersion = ((await response.json()) as { pkgVersion?: string }).pkgVersion ?? 'unknown';
    } catch {
      // Reported as unknown.
    }
  }
  return [
    `${new Date().toISOString()}`,
    `${cpus.length} × ${cpus[0]?.model ?? 'CPU'}`,
    `${Math.round(os.totalmem() / 1024 ** 3)} GB RAM`,
    `Node ${process.version}`,
    `PostgreSQL ${postgresVersion}`,
    `Meilisearch ${meiliVersion}`,
    `load average ${loadAverage()}`,
  ].join(' · ');
}

/** The 1/5/15-minute load averages: other work on the machine shows here (2 cores: above 2 means waiting). */
export function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(2)).join(' / ');
}

// ── CPU accounting (Linux /proc; clock ticks of 1/100 s) ───────────────────────────────────────────────

const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) … utime(11) stime(12).
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function postgresCpuSeconds(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cpu = processCpuSeconds(Number(entry));
      if (cpu !== null) seconds.set(Number(entry), cpu);
    } catch {
      // Ended while we looked.
    }
  }
  return seconds;
}

function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / TICKS_PER_SECOND, total: (busy + idle + iowait) / TICKS_PER_SECOND };
}

export type CpuSnapshot = { at: number; processes: Record<string, number | null>; postgres: Map<number, number>; machine: { busy: number; total: number } };

export function cpuSnapshot(pids: Record<string, number>): CpuSnapshot {
  return {
    at: performance.now(),
    processes: Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuSeconds(pid)])),
    postgres: postgresCpuSeconds(),
    machine: machineCpuSeconds(),
  };
}

/**
 * CPU seconds each named process used between two snapshots, PostgreSQL's backends together, the machine's
 * total busy time, and what is left for everything else (other work on the machine included).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot) {
  const used: Record<string, number> = {};
  for (const [name, start] of Object.entries(before.processes)) {
    const end = after.processes[name];
    if (start !== null && end !== null && end !== undefined) used[name] = end - start;
  }
  let postgres = 0;
  for (const [pid, end] of after.postgres) postgres += end - (before.postgres.get(pid) ?? 0);
  used.postgres = postgres;
  const busy = after.machine.busy - before.machine.busy;
  const named = Object.values(used).reduce((sum, value) => sum + value, 0);
  return { wallSeconds: (after.at - before.at) / 1000, busy, capacity: after.machine.total - before.machine.total, used, other: Math.max(0, busy - named) };
}

export function describeCpu(cpu: ReturnType<typeof cpuBetween>): string {
  const parts = Object.entries(cpu.used).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`);
  return `CPU over ${cpu.wallSeconds.toFixed(1)} s: ${parts.join(', ')}, other ${cpu.other.toFixed(1)} s; machine busy ${cpu.busy.toFixed(1)} of ${cpu.capacity.toFixed(1)} s`;
}

/** The pid of the bench's embedded Meilisearch (kept beside its folder by search/embedded.ts). */
export function benchMeilisearchPid(): number {
  return Number(readFileSync(path.join(BENCH_DATA_DIR, 'meili', 'meilisearch.pid'), 'utf8').trim());
}

/** The peak and current resident memory of a process, in MB (Linux). */
export async function memoryOf(pid: number): Promise<{ peakMb: number; currentMb: number } | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, currentMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}
