/**
 * The database handle. `DATABASE_URL` set → PostgreSQL through postgres.js; unset → embedded PGlite under
 * `$DATA_DIR/pglite`. The handle lives on globalThis so that server.ts and the Remix server bundle, which
 * each load this module, share one connection (PGlite allows only one process-wide owner of its folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { DATABASE_TIMEOUTS, reconnectBackoffSeconds } from '../app/domain/reliability';
import { makeOwnerOnly, PRIVATE_DIRECTORY_MODE } from './data-directory';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a service takes: the database itself or an open transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /**
   * Throws unless the database answers `select 1` within DATABASE_TIMEOUTS.healthMs. On PostgreSQL over a
   * connection of its own, so a probe does not queue behind the pool's ten when they hang.
   */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

type DatabaseOptions = {
  url?: string;
  dataDir?: string;
  /**
   * 'app' (the default): the connect, statement and idle-in-transaction time-outs of DATABASE_TIMEOUTS.
   * 'maintenance': the connect time-out only, for migrations and a reindex, whose statements may run long.
   */
  timeouts?: 'app' | 'maintenance';
};

const globalStore = globalThis as typeof globalThis & { __jobbroDatabase?: DatabaseHandle };

export function dataDirectory(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    // postgres.js with a fix for a crash after a connection closes (vendor/postgres/README.md, decision 035).
    const { default: postgres } = await import('../vendor/postgres/src/index.js');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const appTimeouts = options.timeouts !== 'maintenance';
    const client = postgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      connect_timeout: DATABASE_TIMEOUTS.connectSeconds,
      backoff: reconnectBackoffSeconds,
      // Sent when each connection starts, so they hold on every pooled connection without a round trip.
      connection: appTimeouts
        ? { statement_timeout: DATABASE_TIMEOUTS.statementMs, idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs }
        : {},
    });
    // Opened at the first probe; an idle one is closed, so it does not hold a server slot for nothing.
    const probe = postgres(options.url, {
      max: 1,
      idle_timeout: 60,
      onnotice: () => {},
      connect_timeout: Math.ceil(DATABASE_TIMEOUTS.healthMs / 1000),
      backoff: reconnectBackoffSeconds,
      connection: { statement_timeout: DATABASE_TIMEOUTS.healthMs },
    });
    return {
      db: drizzle({ client, schema }) as unknown as Database,
      kind: 'postgres',
      ping: () => withinHealthTimeout(probe`select 1`.then(() => undefined)),
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), probe.end({ timeout: 1 })]);
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // No dataDir means in memory: used by tests that run without DATABASE_URL.
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  // A new database's first files are unpacked with mode 0666 whatever the umask (db/data-directory.ts).
  if (options.dataDir) makeOwnerOnly(options.dataDir);
  const database = drizzle({ client, schema }) as unknown as Database;
  // PGlite runs in this process: it answers unless the process itself is stuck.
  return { db: database, kind: 'pglite', ping: () => withinHealthTimeout(database.execute(sql`select 1`).then(() => undefined)), close: () => client.close() };
}

function withinHealthTimeout(check: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Databasen svarer ikke')), DATABASE_TIMEOUTS.healthMs);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the process-wide database once; later calls return the same handle. */
export async function openDatabase({ timeouts = 'app' }: Pick<DatabaseOptions, 'timeouts'> = {}): Promise<DatabaseHandle> {
  if (!globalStore.__jobbroDatabase) {
    const url = process.env.DATABASE_URL;
    globalStore.__jobbroDatabase = await createDatabase(
      url ? { url, timeouts } : { dataDir: path.join(dataDirectory(), 'pglite') },
    );
  }
  return globalStore.__jobbroDatabase;
}

/** Installs a handle as the process-wide one (tests use their own). */
export function installDatabase(handle: DatabaseHandle) {
  globalStore.__jobbroDatabase = handle;
}

/** The process-wide database; server.ts opens it before the first request. */
export function db(): Database {
  const handle = globalStore.__jobbroDatabase;
  if (!handle) throw new Error('The database is not open: call openDatabase() at start.');
  return handle.db;
}

/** See DatabaseHandle.ping; throws when the database is not open. */
export function pingDatabase(): Promise<void> {
  const handle = globalStore.__jobbroDatabase;
  if (!handle) return Promise.reject(new Error('The database is not open'));
  return handle.ping();
}

export function databaseKind(): DatabaseHandle['kind'] | undefined {
  return globalStore.__jobbroDatabase?.kind;
}

export async function closeDatabase() {
  const handle = globalStore.__jobbroDatabase;
  globalStore.__jobbroDatabase = undefined;
  await handle?.close();
}
