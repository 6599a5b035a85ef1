/**
 * The database handle. `DATABASE_URL` set → PostgreSQL through postgres.js; unset → embedded PGlite under
 * `$DATA_DIR/pglite`. The handle lives on globalThis so that server.ts and the Remix server bundle, which
 * each load this module, share one connection (PGlite allows only one process-wide owner of its folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { makeOwnerOnly, PRIVATE_DIRECTORY_MODE } from './data-directory';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a service takes: the database itself or an open transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
};

type DatabaseOptions = { url?: string; dataDir?: string };

const globalStore = globalThis as typeof globalThis & { __jobbroDatabase?: DatabaseHandle };

export function dataDirectory(): string {
  return path.resolve(process.env.DATA_DIR ?? 'data');
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    return { db: drizzle({ client, schema }) as unknown as Database, kind: 'postgres', close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // No dataDir means in memory: used by tests that run without DATABASE_URL.
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  // A new database's first files are unpacked with mode 0666 whatever the umask (db/data-directory.ts).
  if (options.dataDir) makeOwnerOnly(options.dataDir);
  return { db: drizzle({ client, schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
}

/** Opens the process-wide database once; later calls return the same handle. */
export async function openDatabase(): Promise<DatabaseHandle> {
  if (!globalStore.__jobbroDatabase) {
    const url = process.env.DATABASE_URL;
    globalStore.__jobbroDatabase = await createDatabase(
      url ? { url } : { dataDir: path.join(dataDirectory(), 'pglite') },
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

export function databaseKind(): DatabaseHandle['kind'] | undefined {
  return globalStore.__jobbroDatabase?.kind;
}

export async function closeDatabase() {
  const handle = globalStore.__jobbroDatabase;
  globalStore.__jobbroDatabase = undefined;
  await handle?.close();
}
