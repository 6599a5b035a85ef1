/**
 * The way back after logging in (and after choosing a language) with a path that is not Latin-1, as a
 * visitor's link may hold: the answer is a redirect to the same local path, percent-encoded, never a 500.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server';
import { action as loginAction } from '../../app/routes/login';
import { action as languageAction } from '../../app/routes/sprog';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { openTestDatabase } from '../helpers/database';

const BASE = 'http://localhost:3000';
const PASSWORD = 'en-god-lang-adgangskode';

let handle: DatabaseHandle;
let email: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  email = `vej-tilbage-${randomUUID()}@jobbro.test`;
  await handle.db.insert(users).values({ email, name: 'Vej Tilbage', role: 'consultant', passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await handle?.close();
});

const post = (path: string, fields: Record<string, string>) =>
  new Request(`${BASE}${path}`, { method: 'POST', headers: { Origin: BASE }, body: new URLSearchParams(fields) });

// A client address of its own, so the login limit of another test file never counts here.
const context = () => ({ clientIp: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`, cspNonce: 'test' });

describe('a way back that is not Latin-1', () => {
  it.each([
    ['/konsulent/æøå', '/konsulent/%C3%A6%C3%B8%C3%A5'],
    ['/jobs?q=🧹 rengøring', '/jobs?q=%F0%9F%A7%B9%20reng%C3%B8ring'],
  ])('logs in and goes to %s, written as %s', async (redirectTo, location) => {
    const answer = (await loginAction({ request: post('/login', { email, password: PASSWORD, redirectTo }), params: {}, context: context() })) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get('Location')).toBe(location);
  });

  it('still goes home for a way back to another site', async () => {
    const answer = (await loginAction({ request: post('/login', { email, password: PASSWORD, redirectTo: '/./\\evil.example/😀' }), params: {}, context: context() })) as Response;
    expect(answer.headers.get('Location')).toBe('/konsulent');
  });

  it('chooses a language and goes back to the page it was chosen on', async () => {
    const answer = await languageAction({ request: post('/sprog', { language: 'en', redirectTo: '/jobs/😀' }), params: {}, context: context() });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('Location')).toBe('/jobs/%F0%9F%98%80');
  });
});
