/**
 * Bounded work in flight: with its places taken, the app answers a new page or API request at once with 503,
 * Retry-After and the Danish page, while /healthz and the public job search still get through.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from '../../app/domain/reliability';
import { createLoadShedder } from '../../app/load-shedding.server';
import { UNAVAILABLE_TITLE } from '../../app/unavailable.server';

// Small limits, so the test holds a few requests instead of 48; the event loop is not what is tested here.
const limits = { maxInFlight: 2, publicSearchReserve: 1, eventLoopDelayMs: 60_000, eventLoopWindowMs: 1_000 };
const shedder = createLoadShedder(limits);
let base: string;
let server: ReturnType<express.Express['listen']>;
const held: (() => void)[] = [];

beforeAll(async () => {
  const app = express();
  app.use(shedder.middleware);
  // Every request but /healthz waits until the test lets it go: work in flight.
  app.use((req, res) => {
    if (req.path === '/healthz') return void res.send('ok');
    held.push(() => res.send(`svar fra ${req.path}`));
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const release of held.splice(0)) release();
  shedder.stop();
  await new Promise((resolve) => server.close(resolve));
});

async function untilInFlight(count: number) {
  while (shedder.state().inFlight < count) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('when the work in flight is full', () => {
  it('answers pages and the API with 503 and Retry-After, and keeps /healthz and /jobs answering', async () => {
    const first = [fetch(`${base}/konsulent/borgere`), fetch(`${base}/virksomhed`)];
    await untilInFlight(2);

    const page = await fetch(`${base}/konto`);
    expect(page.status).toBe(503);
    expect(page.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(page.headers.get('Content-Type')).toContain('text/html');
    expect(await page.text()).toContain(UNAVAILABLE_TITLE);

    const api = await fetch(`${base}/api/v1/openings`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(api.status).toBe(503);
    expect(api.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await api.json()).toMatchObject({ error: 'unavailable' });

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);

    // The public job search has a place of its own beyond the rest.
    const jobs = fetch(`${base}/jobs?q=lager`);
    await untilInFlight(3);
    const moreJobs = await fetch(`${base}/jobs`);
    expect(moreJobs.status).toBe(503);

    for (const release of held.splice(0)) release();
    const answers = await Promise.all([...first, jobs]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await answers[2]!.text()).toBe('svar fra /jobs');
    expect(shedder.state()).toMatchObject({ inFlight: 0, shed: 3 });

    // Room again: the next page is served.
    const later = fetch(`${base}/konto`);
    await untilInFlight(1);
    for (const release of held.splice(0)) release();
    expect((await later).status).toBe(200);
  });
});
