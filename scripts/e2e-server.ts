/**
 * Starts the app for the e2e tests exactly as `npm start` does, on a fresh data folder and, when
 * DATABASE_URL is set, on a fresh database beside it, so every run begins with the demo data only.
 * JOBBRO_DEMO=1 asks for the demo data also on PostgreSQL, where a start without it seeds nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';

const PORT = process.env.PORT ?? '3100';
const E2E_DATA_DIR = `.e2e-data/${PORT}`;
const E2E_DATABASE = `jobbro_e2e_${PORT}`;

/**
 * Another run's database is left alone unless it is over a day old (a run that ended without cleaning up):
 * dropping any idle one killed a parallel run between creating its database and connecting to it. A
 * database's age is its PG_VERSION file's, written when it was created (pg_stat_file needs a superuser or
 * pg_read_server_files; without that nothing is dropped). Never forced: one still in use stays.
 */
async function dropStaleDatabases(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database
    where datname like 'jobbro_e2e_%' and datname <> ${E2E_DATABASE}
      and (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 day'`.catch(() => []);
  for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}"`).catch(() => undefined);
}

async function freshDatabaseUrl(baseUrl: string): Promise<string> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await dropStaleDatabases(admin);
  await admin.unsafe(`drop database if exists ${E2E_DATABASE} with (force)`);
  await admin.unsafe(`create database ${E2E_DATABASE}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${E2E_DATABASE}`;
  return url.toString();
}

fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: E2E_DATA_DIR, JOBBRO_BUILD_DIR: `${E2E_DATA_DIR}/build`, JOBBRO_DEMO: '1' };
if (process.env.DATABASE_URL) env.DATABASE_URL = await freshDatabaseUrl(process.env.DATABASE_URL);

const child = spawn('npm', ['start'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
