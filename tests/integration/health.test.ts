import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { configureSearch } from '../../search/client';
import { checkHealth } from '../../app/services/health.server';
import { openTestDatabase } from '../helpers/database';
import { closedLoopbackUrl } from '../helpers/search';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

describe('/healthz', () => {
  it('reports the database and Meilisearch as up', async () => {
    configureSearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey') });
    const health = await checkHealth();
    expect(health.status).toBe('ok');
    expect(health.database.ok).toBe(true);
    expect(health.search.ok).toBe(true);
    expect(typeof health.search.pendingChanges).toBe('number');
  });

  it('says the portal is degraded, not down, when Meilisearch does not answer', async () => {
    configureSearch({ host: await closedLoopbackUrl(), apiKey: 'unused' });
    const health = await checkHealth();
    expect(health.status).toBe('degraded');
    expect(health.database.ok).toBe(true);
    expect(health.search.ok).toBe(false);
  });
});
