import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { db, type DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { configureSearch } from '../../search/client';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { loader as healthzLoader } from '../../app/routes/healthz';
import { checkHealth, healthStatusCode } from '../../app/services/health.server';
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

describe('what /healthz tells whom', () => {
  const ask = (context: { localDirectRequest?: boolean }, headers: Record<string, string> = {}) =>
    healthzLoader({
      request: new Request('http://localhost:3000/healthz', { headers }),
      params: {},
      context: { clientIp: '203.0.113.9', cspNonce: 'test', ...context },
    } as LoaderFunctionArgs);

  async function cookieOf(role: 'admin' | 'consultant') {
    const [user] = await db()
      .insert(users)
      .values({ email: `healthz-${role}-${randomUUID()}@jobbro.test`, name: `Test ${role}`, role })
      .returning();
    const token = generateSessionToken();
    await createSession(token, user!.id);
    return { Cookie: `jobbro_session=${token}` };
  }

  it('tells the public only that the portal is up, even while search lags', async () => {
    configureSearch({ host: await closedLoopbackUrl(), apiKey: 'unused' });
    const answer = await ask({});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toContain('text/plain');
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(await answer.text()).toBe('ok');
  });

  it('is down (503) only when the database is', async () => {
    const database = { ok: true, kind: 'pglite' };
    expect(healthStatusCode({ status: 'down', database: { ...database, ok: false }, search: { ok: true, pendingChanges: null } })).toBe(503);
    expect(healthStatusCode({ status: 'degraded', database, search: { ok: false, pendingChanges: 3 } })).toBe(200);
  });

  it('tells a signed-in consultant no more than the public', async () => {
    const answer = await ask({}, await cookieOf('consultant'));
    expect(await answer.text()).toBe('ok');
  });

  it('gives the details to a check on this machine and to an administrator', async () => {
    configureSearch({ host: inject('meiliUrl'), apiKey: inject('meiliKey') });
    for (const answer of [await ask({ localDirectRequest: true }), await ask({}, await cookieOf('admin'))]) {
      expect(answer.status).toBe(200);
      const health = await answer.json();
      expect(health).toMatchObject({ status: 'ok', database: { ok: true }, search: { ok: true, pendingChanges: expect.any(Number) } });
    }
  });
});
