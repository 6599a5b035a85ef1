/**
 * A database outage fails fast: a statement ends at its time-out, a connection that is not made ends at the
 * connect time-out (the app hangs up on a server that never answers), /healthz says "down" on its own probe,
 * and a page that met the outage is answered with the Danish 503 page and Retry-After instead of hanging and
 * then failing with a 500. When the database answers again, the same process serves the page again. The
 * outage is simulated on ports of the test's own (nothing listening, a server that accepts and never answers,
 * a proxy to the real PostgreSQL that can be made to hang): the shared PostgreSQL is never stopped.
 *
 * No clock in the assertions: "fast" is that the answer is the 503 page, which comes only from the time-outs
 * (postgres.js alone would wait 30 s, the test's own limit, and Remix would answer 500).
 */
import net, { type AddressInfo } from 'node:net';
import type { ServerBuild } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, db, installDatabase, type DatabaseHandle } from '../../db/client';
import { DATABASE_TIMEOUTS, RETRY_AFTER_SECONDS } from '../../app/domain/reliability';
import { handleError } from '../../app/entry.server';
import { answerUnexpectedError, createRequestHandler } from '../../app/request-handler.server';
import { checkHealth } from '../../app/services/health.server';
import { isOutageError, UNAVAILABLE_TITLE } from '../../app/unavailable.server';
import { openTestDatabase } from '../helpers/database';

let silentServer: net.Server;
let silentPort: number;
/** A loopback port nothing listens on: a PostgreSQL that is stopped. */
let closedPort: number;
const openSockets = new Set<net.Socket>();

beforeAll(async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));

  // Accepts connections and never answers: a PostgreSQL that hangs.
  silentServer = net.createServer((socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
  silentPort = (silentServer.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of openSockets) socket.destroy();
  await new Promise((resolve) => silentServer.close(resolve));
});

function databaseUrlOn(port: number) {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.port = String(port);
  return url.toString();
}

/** A one-route Remix build whose page reads the database, rendered by a stand-in for the React document. */
function buildReadingTheDatabase(): ServerBuild {
  const loader = async () => {
    await db().execute(sql`select 1`);
    return null;
  };
  const route = { id: 'root', path: '', module: { default: () => null, loader } };
  return {
    mode: 'production',
    entry: {
      module: {
        default: (_request: Request, status: number) => new Response('<html>Remix-fejlside</html>', { status, headers: { 'Content-Type': 'text/html' } }),
        handleError,
      },
    },
    routes: { root: route },
    assets: {
      entry: { module: '/entry.js', imports: [] },
      routes: { root: { id: 'root', path: '', module: '/root.js', hasLoader: true, hasAction: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: true } },
      url: '/manifest.js',
      version: '1',
    },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function servePage() {
  const app = express();
  app.all('*', createRequestHandler({ build: buildReadingTheDatabase(), mode: 'production', getLoadContext: () => ({ clientIp: '127.0.0.1', cspNonce: 'x', localDirectRequest: false }) }));
  app.use(answerUnexpectedError);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('a statement on the real database', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => handle?.close());

  it('is ended by the statement time-out, as an outage', async () => {
    const seconds = DATABASE_TIMEOUTS.statementMs / 1000 + 5;
    const error = await handle.db.execute(sql`select pg_sleep(${seconds})`).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(isOutageError(error)).toBe(true);
  });
});

describe('a PostgreSQL that is gone', () => {
  for (const [what, port] of [
    ['refuses connections (stopped)', () => closedPort],
    ['accepts and never answers (hung)', () => silentPort],
  ] as const) {
    it(`${what}: the page is the Danish 503 with Retry-After, and /healthz says down`, async () => {
      const handle = await createDatabase({ url: databaseUrlOn(port()) });
      installDatabase(handle);
      const page = await servePage();
      try {
        const answer = await fetch(page.url);
        expect(answer.status).toBe(503);
        expect(answer.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
        expect(await answer.text()).toContain(UNAVAILABLE_TITLE);

        const health = await checkHealth();
        expect(health.status).toBe('down');
      } finally {
        await page.close();
        await handle.close().catch(() => {});
      }
    });
  }
});

/** A TCP proxy to the real PostgreSQL that can be switched to "hung" (it accepts and forwards nothing). */
async function startSwitchableProxy() {
  const target = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  let hung = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (hung) return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    /** Hung: every connection open now is cut (as a server that went away) and new ones get no answer. */
    hang: () => {
      hung = true;
      for (const socket of sockets) socket.destroy();
    },
    answer: () => {
      hung = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a PostgreSQL that hangs and then answers again', () => {
  it('gets the 503 page while it hangs and the page again once it answers, in the same process', async () => {
    const proxy = await startSwitchableProxy();
    const handle = await createDatabase({ url: databaseUrlOn(proxy.port) });
    installDatabase(handle);
    const page = await servePage();
    try {
      expect((await fetch(page.url)).status).toBe(200);
      expect((await checkHealth()).status).not.toBe('down');

      proxy.hang();
      // The first may still meet the connection just cut; the next opens one that gets no answer.
      for (let attempt = 0; attempt < 2; attempt++) {
        const during = await fetch(page.url);
        expect(during.status).toBe(503);
        expect(await during.text()).toContain(UNAVAILABLE_TITLE);
      }
      expect((await checkHealth()).status).toBe('down');

      proxy.answer();
      expect((await fetch(page.url)).status).toBe(200);
      expect((await checkHealth()).status).not.toBe('down');
    } finally {
      await page.close();
      await handle.close().catch(() => {});
      await proxy.close();
    }
  });
});
