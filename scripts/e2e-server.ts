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

/** Databases of earlier runs that nobody uses any more; one still in use is left alone. */
async function dropLeftoverDatabases(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'jobbro_e2e_%'`;
  for (const { datname } of rows) {
    if (datname !== E2E_DATABASE) await admin.unsafe(`drop database if exists "${datname}"`).catch(() => undefined);
  }
}

async function freshDatabaseUrl(baseUrl: string): Promise<string> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await dropLeftoverDatabases(admin);
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
