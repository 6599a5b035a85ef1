/**
 * The "Demo" banner's answer: every page's root loader says whether demo accounts exist, from an answer kept
 * for a minute so a page does not pay a query. On an in-memory PGlite of its own: a shared PostgreSQL may
 * hold other files' users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loader as rootLoader } from '../../app/root';
import { demoAccountsExist, refreshDemoAccounts } from '../../app/services/demo.server';
import { createDatabase, installDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { users } from '../../db/schema';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createDatabase({});
  await migrateDatabase(handle);
  installDatabase(handle);
});

afterAll(async () => {
  await handle?.close();
});

async function bannerForVisitor(): Promise<boolean> {
  const answer = await rootLoader({ request: new Request('http://localhost:3000/jobs'), params: {}, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
  return answer.data.demo;
}

describe('the Demo banner', () => {
  it('is off on a real deployment (no demo accounts), also with other users, and on once a demo account exists', async () => {
    await handle.db.insert(users).values({ email: 'rigtig.admin@kommune.test', name: 'Rigtig Admin', role: 'admin' });
    expect(await refreshDemoAccounts()).toBe(false);
    expect(await bannerForVisitor()).toBe(false);

    await handle.db.insert(users).values({ email: 'admin@jobbro.test', name: 'Anders Holm', role: 'admin', demo: true });
    expect(await refreshDemoAccounts()).toBe(true);
    expect(await bannerForVisitor()).toBe(true);
  });

  it('asks the database at most once a minute', async () => {
    const start = Date.now();
    await handle.db.delete(users);
    expect(await refreshDemoAccounts(handle.db, start)).toBe(false);
    await handle.db.insert(users).values({ email: 'borger@jobbro.test', name: 'Demo Borger', role: 'citizen', demo: true });
    expect(await demoAccountsExist(start + 59_000)).toBe(false);
    expect(await demoAccountsExist(start + 61_000)).toBe(true);
  });
});
