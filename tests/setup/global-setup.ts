/**
 * Once per test run: one Meilisearch for every test file (MEILI_URL/MEILI_MASTER_KEY, or the embedded one in
 * a temporary folder), and the migrations on DATABASE_URL when it is set (PGlite tests migrate their own
 * in-memory database). Each test file then uses its own index names and its own rows.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedMeilisearch } from '../../search/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

async function migrateSharedDatabase(url: string) {
  const handle = await createDatabase({ url, timeouts: 'maintenance' });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) await migrateSharedDatabase(process.env.DATABASE_URL);

  if (process.env.MEILI_URL) {
    project.provide('meiliUrl', process.env.MEILI_URL);
    project.provide('meiliKey', process.env.MEILI_MASTER_KEY ?? '');
    return;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobbro-test-meili-'));
  const meili = await startEmbeddedMeilisearch({ dataDir });
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', meili.masterKey);
  return async () => {
    await meili.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
