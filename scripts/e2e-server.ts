/**
 * Starts the app for the e2e tests exactly as `npm start` does, on a fresh data folder and, when
 * DATABASE_URL is set, on a fresh database beside it, so every run begins with the demo data only.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import postgres from 'postgres';

const E2E_DATA_DIR = '.e2e-data';
const E2E_DATABASE = 'jobbro_e2e';

async function freshDatabaseUrl(baseUrl: string): Promise<string> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${E2E_DATABASE} with (force)`);
  await admin.unsafe(`create database ${E2E_DATABASE}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${E2E_DATABASE}`;
  return url.toString();
}

fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: E2E_DATA_DIR };
if (process.env.DATABASE_URL) env.DATABASE_URL = await freshDatabaseUrl(process.env.DATABASE_URL);

const child = spawn('npm', ['start'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
