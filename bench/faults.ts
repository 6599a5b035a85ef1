/**
 * `npm run bench:faults`: the app started as `npm start` starts it, under bounded writes through the API and
 * reads of /jobs and a consultant's pages, through four faults in turn: Meilisearch killed, PostgreSQL
 * restarted, PostgreSQL stopped (`--stop-seconds`, 30), the app killed mid-write and started again. After each
 * it checks PostgreSQL against Meilisearch document by document. Per fault it prints the errors clients saw,
 * the seconds until normal service, the slowest request, and documents lost or stale; the round goes into
 * bench/RESULTS.md. `--soak-seconds N` then runs mixed load at `--rate` req/s with writes and prints memory and
 * p95 per minute (the issue's soak is 600).
 *
 * Only localhost, bounded in count and time. PostgreSQL is the server of BENCH_DATABASE_URL, database
 * jobbro_faults_bench (dropped and created); it is reached through a TCP proxy of this process, and a
 * "restart" or "stop" of PostgreSQL is the proxy cutting every connection and refusing new ones, so a shared
 * PostgreSQL is never touched. Only processes this bench started are killed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createDatabase, installDatabase } from '../db/client';
import { users } from '../db/schema';
import { createSession, generateSessionToken } from '../app/auth/session.server';
import { createApiToken } from '../app/services/api-tokens.server';
import { createSearchClient } from '../search/client';
import { runningEmbeddedMeilisearch } from '../search/embedded';
import { loadOpeningDocuments } from '../search/outbox';
import { startApp, type AppProcess } from './lib/app-process';
import { BENCH_DATABASE_URL, BENCH_DIR, parseOptions, summarise } from './lib/env';

const options = parseOptions({ stopSeconds: 30, restartSeconds: 3, soakSeconds: 0, rate: 30, writeEveryMs: 250, port: 0 });
const DATA_DIR = path.join(BENCH_DIR, '.faults-data');
const BUILD_DIR = path.join(BENCH_DIR, '.faults-build');
const REQUEST_TIMEOUT_MS = 30_000;

// ── A PostgreSQL that can be "restarted" and "stopped": a TCP proxy in front of the real one ────────────────

function startProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    listen,
    port: () => port,
    /** Every connection cut and new ones refused, as when PostgreSQL is stopped. */
    stop: async () => {
      // The connections first: server.close() calls back only once every connection has ended, so awaiting
      // it before cutting them waited for ever (why the PostgreSQL rounds never reported).
      const closing = new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
      server = null;
      for (const socket of sockets) socket.destroy();
      await closing;
    },
  };
}

// ── Clients ─────────────────────────────────────────────────────────────────────────────────────────────────

type Sample = { at: number; kind: 'jobs' | 'consultant' | 'write'; status: number; ms: number };
const samples: Sample[] = [];
const acknowledged = new Set<string>();
let base = '';
let consultantCookie = '';
let apiToken = '';

async function timedFetch(kind: Sample['kind'], url: string, init: RequestInit = {}) {
  const started = Date.now();
  let status = 0;
  let body: unknown = null;
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    status = response.status;
    const text = await response.text();
    if (kind === 'write' && status < 300) body = JSON.parse(text);
  } catch {
    status = 0;
  }
  samples.push({ at: started, kind, status, ms: Date.now() - started });
  return { status, body };
}

const WORDS = ['lager', 'rengøring', 'kantine', 'pakning', 'kontor', 'butik'];
let running = false;

async function readLoop(kind: 'jobs' | 'consultant', pauseMs: number) {
  let n = 0;
  while (running) {
    n += 1;
    if (kind === 'jobs') await timedFetch('jobs', `${base}/jobs?q=${WORDS[n % WORDS.length]}`);
    else await timedFetch('consultant', `${base}${n % 2 ? '/konsulent/borgere' : '/konsulent'}`, { headers: { Cookie: consultantCookie } });
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

function openingBody(n: number) {
  return JSON.stringify({
    kind: 'ordinary_hours',
    title: `Fejltest ${n} ${WORDS[n % WORDS.length]}`,
    description: 'Et opslag fra fejltesten: pakke varer og holde orden sammen med en fast kollega.',
    tasks: ['Pakke varer'],
    hoursMin: 4,
    hoursMax: 8,
    days: ['tue'],
    parts: ['morning'],
    startDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    slots: 1,
    postcode: '8000',
    contactName: 'Bent Bench',
    contactRole: 'Driftsleder',
    contactPhone: '86 12 34 56',
    contactEmail: 'bent@firma.test',
  });
}

/** Set while the consistency check runs: writes wait, so the outbox can drain and the check compares a still picture. */
let writesPaused = false;

/** Writes one opening at a time, each retried with its Idempotency-Key until acknowledged (at most 60 s). */
async function writeLoop() {
  let n = 0;
  while (running) {
    if (writesPaused) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    n += 1;
    const key = randomUUID();
    const body = openingBody(n);
    const giveUpAt = Date.now() + 60_000;
    while (Date.now() < giveUpAt) {
      const answer = await timedFetch('write', `${base}/api/v1/openings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body,
      });
      if (answer.status === 201) {
        acknowledged.add((answer.body as { opening: { id: string } }).opening.id);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, options.writeEveryMs));
  }
}

// ── Observations ────────────────────────────────────────────────────────────────────────────────────────────

type Health = { status: string; search: { ok: boolean; pendingChanges: number | null; embedded?: { restarts: number } }; load?: { rssMb?: number } };

async function health(): Promise<Health | null> {
  try {
    const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(3_000) });
    return (await response.json()) as Health;
  } catch {
    return null;
  }
}

async function secondsUntil(since: number, check: () => Promise<boolean>, limitMs = 120_000) {
  while (Date.now() - since < limitMs) {
    if (await check()) return (Date.now() - since) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Infinity;
}

/** Normal service: healthy, search up and a consultant's page served (the outbox may hold the latest write). */
const normal = async () => {
  const state = await health();
  const page = await fetch(`${base}/konsulent/borgere`, { headers: { Cookie: consultantCookie }, redirect: 'manual', signal: AbortSignal.timeout(5_000) }).catch(() => null);
  return state?.status === 'ok' && page?.status === 200 && (!writesPaused || state.search.pendingChanges === 0);
};

type Round = { fault: string; errors: Record<string, number>; jobs5xx: number; slowestMs: number; slowest: string; backAfterS: number; lost: number; stale: number; missingWrites: number };

function errorsBetween(from: number, to: number) {
  const window = samples.filter((sample) => sample.at >= from && sample.at <= to);
  const errors: Record<string, number> = {};
  for (const sample of window) if (sample.status === 0 || sample.status >= 500) errors[`${sample.kind} ${sample.status || 'net'}`] = (errors[`${sample.kind} ${sample.status || 'net'}`] ?? 0) + 1;
  return {
    errors,
    jobs5xx: window.filter((sample) => sample.kind === 'jobs' && (sample.status >= 500 || sample.status === 0)).length,
    slowestMs: Math.max(0, ...window.map((sample) => sample.ms)),
    slowest: (() => {
      const sample = window.reduce<Sample | null>((worst, next) => (!worst || next.ms > worst.ms ? next : worst), null);
      return sample ? `${sample.kind} ${sample.status || 'net'}` : '';
    })(),
  };
}

/** Every opening in PostgreSQL against its Meilisearch document: missing (lost), different (stale). */
async function consistency(databaseUrl: string) {
  const handle = await createDatabase({ url: databaseUrl, timeouts: 'maintenance' });
  try {
    const expected = await loadOpeningDocuments(handle.db, undefined);
    const meili = await runningEmbeddedMeilisearch(DATA_DIR);
    if (!meili) throw new Error('No embedded Meilisearch runs on the bench data folder');
    const index = createSearchClient({ host: meili.url, apiKey: meili.masterKey }).index('openings');
    const indexed = new Map<string, unknown>();
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ offset, limit: 1000 });
      for (const document of page.results) indexed.set(String(document.id), document);
      if (page.results.length < 1000) break;
    }
    const canonical = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
    let lost = 0;
    let stale = 0;
    for (const { id, document } of expected) {
      const found = indexed.get(id);
      if (document && !found) lost += 1;
      else if (!document && found) stale += 1;
      else if (document && canonical(document) !== canonical(found)) stale += 1;
    }
    const ids = new Set(expected.map((entry) => entry.id));
    const missingWrites = [...acknowledged].filter((id) => !ids.has(id)).length;
    return { lost, stale, missingWrites, documents: expected.length };
  } finally {
    await handle.close();
  }
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────────────────

async function freshDatabase(): Promise<{ direct: string; target: { host: string; port: number } }> {
  const server = new URL(process.env.DATABASE_URL ?? BENCH_DATABASE_URL);
  if (!['127.0.0.1', 'localhost', '::1'].includes(server.hostname)) throw new Error('bench:faults runs against a PostgreSQL on localhost only');
  const admin = new URL(server);
  admin.pathname = '/postgres';
  const { default: postgres } = await import('postgres');
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe('drop database if exists jobbro_faults_bench with (force)');
  await sql.unsafe('create database jobbro_faults_bench');
  await sql.end();
  const direct = new URL(server);
  direct.pathname = '/jobbro_faults_bench';
  return { direct: direct.toString(), target: { host: server.hostname, port: Number(server.port || 5432) } };
}

async function prepareClients(databaseUrl: string) {
  const handle = await createDatabase({ url: databaseUrl });
  installDatabase(handle);
  const [company] = await handle.db.select().from(users).where(eq(users.email, 'virksomhed@jobbro.test'));
  const [consultant] = await handle.db.select().from(users).where(eq(users.email, 'konsulent@jobbro.test'));
  apiToken = (await createApiToken({ ...company!, role: 'company' }, 'bench:faults')).token;
  const token = generateSessionToken();
  await createSession(token, consultant!.id);
  consultantCookie = `jobbro_session=${token}`;
  await handle.close();
}

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function main() {
  const { direct, target } = await freshDatabase();
  const proxy = startProxy(target);
  await proxy.listen();
  const proxied = new URL(direct);
  proxied.port = String(proxy.port());
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const port = options.port || (await freePort());
  const env = { DATABASE_URL: proxied.toString(), DATA_DIR, JOBBRO_BUILD_DIR: BUILD_DIR, JOBBRO_DEMO: '1' };
  console.info('Starter appen (bygger først, hvis kilderne er ændret) …');
  let app: AppProcess = await startApp({ port, env });
  base = `http://127.0.0.1:${port}`;
  await prepareClients(direct);

  running = true;
  const loops = [readLoop('jobs', 100), readLoop('jobs', 150), readLoop('consultant', 200), writeLoop()];
  const rounds: Round[] = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5_000));
  const record = async (fault: string, started: number, backAfterS: number) => {
    // An app that died by itself is a finding, not a slow round: say so with its last words.
    if (!fs.existsSync(`/proc/${app.serverPid}`)) throw new Error(`The app exited during "${fault}":\n${app.output()}`);
    const observed = errorsBetween(started, Date.now());
    // A still picture for the check: writes wait (the one in flight finishes), the outbox drains.
    writesPaused = true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await secondsUntil(Date.now(), normal);
    const { lost, stale, missingWrites } = await consistency(direct);
    writesPaused = false;
    const round = { fault, ...observed, backAfterS, lost, stale, missingWrites };
    rounds.push(round);
    console.info(JSON.stringify(round));
  };
  await settle();

  // 1. Meilisearch killed (the app's own child, started by this bench's app).
  let started = Date.now();
  const meiliPid = Number(fs.readFileSync(path.join(DATA_DIR, 'meili', 'meilisearch.pid'), 'utf8'));
  process.kill(meiliPid, 'SIGKILL');
  // Back = restarted and answering; the backlog's drain is checked with the documents below.
  await record('Meilisearch killed', started, await secondsUntil(started, async () => {
    const state = await health();
    return !!state?.search.ok && (state.search.embedded?.restarts ?? 0) >= 1;
  }));
  await settle();

  // 2. PostgreSQL restarted: connections cut, refused for a few seconds.
  started = Date.now();
  await proxy.stop();
  await new Promise((resolve) => setTimeout(resolve, options.restartSeconds * 1000));
  await proxy.listen();
  await record(`PostgreSQL restarted (${options.restartSeconds} s)`, started, await secondsUntil(started, normal));
  await settle();

  // 3. PostgreSQL stopped.
  started = Date.now();
  await proxy.stop();
  await new Promise((resolve) => setTimeout(resolve, options.stopSeconds * 1000));
  await proxy.listen();
  await record(`PostgreSQL stopped ${options.stopSeconds} s`, started, await secondsUntil(started, normal));
  await settle();

  // 4. The app killed mid-write (SIGKILL, its transactions open) and started again.
  started = Date.now();
  process.kill(app.serverPid, 'SIGKILL');
  await app.stop();
  app = await startApp({ port, env });
  await record('app killed and restarted', started, await secondsUntil(started, normal));

  const soak = options.soakSeconds > 0 ? await soakRun(app) : [];
  running = false;
  await Promise.all(loops);
  await app.stop();
  await proxy.stop();
  writeResults(rounds, soak);
}

type SoakMinute = { minute: number; requests: number; errors: number; errorKinds: string; p95: number; rssMb: number };

/** Mixed load at `--rate` req/s (reads of /jobs and consultant pages; the write loop keeps writing). */
async function soakRun(app: AppProcess): Promise<SoakMinute[]> {
  const minutes: SoakMinute[] = [];
  const started = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  let n = 0;
  let windowStart = started;
  while (Date.now() - started < options.soakSeconds * 1000) {
    n += 1;
    const request = n % 3 === 0
      ? timedFetch('consultant', `${base}/konsulent/borgere`, { headers: { Cookie: consultantCookie } })
      : timedFetch('jobs', `${base}/jobs?q=${WORDS[n % WORDS.length]}`);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    if (inFlight.size > 200) await Promise.race(inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1000 / options.rate));
    if (Date.now() - windowStart >= 60_000 || Date.now() - started >= options.soakSeconds * 1000) {
      const window = samples.filter((sample) => sample.at >= windowStart && sample.kind !== 'write');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${app.serverPid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      const minute = {
        minute: minutes.length + 1,
        requests: window.length,
        errors: window.filter((sample) => sample.status === 0 || sample.status >= 500).length,
        // 503 = shed or database out; net = no answer within the bench's 30 s (or refused).
        errorKinds: Object.entries(errorsBetween(windowStart, Date.now()).errors)
          .filter(([kind]) => !kind.startsWith('write'))
          .map(([kind, count]) => `${kind}: ${count}`)
          .join(', '),
        p95: summarise(window.map((sample) => sample.ms)).p95,
        rssMb: Math.round(rss),
      };
      minutes.push(minute);
      console.info(`soak ${JSON.stringify(minute)}`);
      windowStart = Date.now();
    }
  }
  await Promise.all(inFlight);
  return minutes;
}

function writeResults(rounds: Round[], soak: SoakMinute[]) {
  const lines = [
    '',
    `## bench:faults, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`npm run bench:faults -- --stop-seconds ${options.stopSeconds} --restart-seconds ${options.restartSeconds} --soak-seconds ${options.soakSeconds} --rate ${options.rate}\`: ` +
      `${acknowledged.size} openings written through the API (each retried with its Idempotency-Key until acknowledged), /jobs and a consultant's pages read throughout. ` +
      'PostgreSQL "restart" and "stop" = the bench\'s TCP proxy cutting every connection and refusing new ones (the shared PostgreSQL is never touched).',
    '',
    '| fault | errors seen by clients (kind status: count) | /jobs 5xx | slowest request | back to normal after | documents lost / stale | acknowledged writes missing |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rounds.map(
      (round) =>
        `| ${round.fault} | ${Object.entries(round.errors).map(([kind, count]) => `${kind}: ${count}`).join(', ') || 'none'} | ${round.jobs5xx} | ${(round.slowestMs / 1000).toFixed(1)} s (${round.slowest}) | ${round.backAfterS.toFixed(1)} s | ${round.lost} / ${round.stale} | ${round.missingWrites} |`,
    ),
  ];
  if (soak.length > 0) {
    lines.push('', '| soak minute | requests | 5xx/errors | of which | p95 | app memory (RSS) |', '| --- | --- | --- | --- | --- | --- |');
    lines.push(...soak.map((minute) => `| ${minute.minute} | ${minute.requests} | ${minute.errors} | ${minute.errorKinds || '–'} | ${minute.p95.toFixed(0)} ms | ${minute.rssMb} MB |`));
  }
  fs.appendFileSync(path.join(BENCH_DIR, 'RESULTS.md'), `${lines.join('\n')}\n`);
  console.info(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
