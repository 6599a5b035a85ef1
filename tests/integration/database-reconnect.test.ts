/**
 * PostgreSQL restarted under load: every connection cut, again and again, while transactions run. The app's
 * process must live through it and its pool serve again once the database is back — postgres.js 3.4.9 threw
 * from a deferred write after a close and took the process down (vendor/postgres/README.md, decision 035).
 * An uncaught exception fails this file. The cuts are made by a proxy of the test's own: the shared
 * PostgreSQL is never restarted.
 */
import net, { type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client';

const target = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const sockets = new Set<net.Socket>();
let proxy: net.Server;
let handle: DatabaseHandle;

beforeAll(async () => {
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((proxy.address() as AddressInfo).port);
  handle = await createDatabase({ url: url.toString() });
});

afterAll(async () => {
  await handle?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
});

it('transactions whose connections are cut fail, the process lives, and the pool serves again', async () => {
  let running = true;
  let failed = 0;
  const writer = async () => {
    while (running) {
      await handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`select ${Math.random()}::text`);
          await tx.execute(sql`select pg_sleep(0.003)`);
          await tx.execute(sql`select 1`);
        })
        .catch(() => (failed += 1));
    }
  };
  const writers = Array.from({ length: 40 }, writer);
  for (let cut = 0; cut < 15; cut++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const socket of sockets) socket.destroy();
  }
  running = false;
  // Not awaited: a transaction whose connection was cut at the wrong moment may never settle (a postgres.js
  // limit noted in decision 035; its HTTP request ends when the client gives up, which frees its slot).
  void writers;
  expect(failed).toBeGreaterThan(0);

  // More at once than the pool holds.
  const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => handle.db.execute(sql`select ${n}::int as n, pg_sleep(0.01)`)));
  expect(answers.map((rows) => Number((rows as unknown as { n: number }[])[0]!.n))).toEqual(Array.from({ length: 30 }, (_, n) => n));
});
