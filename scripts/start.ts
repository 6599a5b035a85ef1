/**
 * `npm start`: builds the app when its sources changed since the last build, then runs server.ts in
 * production mode. The build is skipped when build/.source-hash matches the sources.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const BUILD_INPUTS = ['app', 'public', 'remix.config.js', 'vite.config.ts', 'package-lock.json'];
const BUILD_DIR = process.env.JOBBRO_BUILD_DIR ?? 'build';
const HASH_FILE = path.join(BUILD_DIR, '.source-hash');

function filesUnder(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

function sourceHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap(filesUnder)) {
    hash.update(file);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

function buildIfNeeded() {
  const wanted = sourceHash();
  const built = fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, 'utf8') : '';
  if (built === wanted && fs.existsSync(path.join(BUILD_DIR, 'server/index.js'))) return;
  console.info('Bygger Jobbro …');
  const result = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(HASH_FILE, wanted);
}

process.env.NODE_ENV = 'production';
buildIfNeeded();
await import('../server');
