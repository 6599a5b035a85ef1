/**
 * A NUL byte (or another control character) in a text field: refused at validation with a Danish message at
 * the field, by a form and by the API alike, before it reaches the database. And when a query fails anyway,
 * the log line says which statement and which code, never the values the statement carried.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { controlCharacterMessage } from '../../app/domain/text-rules';
import { handleError } from '../../app/entry.server';
import { action as newCitizenAction } from '../../app/routes/konsulent.borgere.ny';
import { action as createOpeningCall } from '../../app/routes/api.v1.openings';
import type { Actor } from '../../app/services/actor';
import { createApiToken } from '../../app/services/api-tokens.server';
import { answerUnexpectedError } from '../../app/request-handler.server';
import type { DatabaseHandle } from '../../db/client';
import { citizens, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

const BASE = 'http://localhost:3000';

let handle: DatabaseHandle;
let consultant: Actor;
let consultantCookie: string;
let company: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  const firm = await insertTestCompany(handle.db);
  const [consultantRow, companyRow] = await handle.db
    .insert(users)
    .values([
      { email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Nul Konsulent', role: 'consultant', jobcentreId: jobcentre.id },
      { email: `firma-${randomUUID()}@jobbro.test`, name: 'Nul Firma', role: 'company', companyId: firm.id },
    ])
    .returning();
  consultant = { id: consultantRow!.id, name: consultantRow!.name, role: 'consultant', jobcentreId: jobcentre.id, companyId: null, citizenId: null };
  company = { id: companyRow!.id, name: companyRow!.name, role: 'company', jobcentreId: null, companyId: firm.id, citizenId: null };
  const token = generateSessionToken();
  await createSession(token, consultant.id);
  consultantCookie = `jobbro_session=${token}`;
});

afterAll(async () => {
  await handle?.close();
});

const context = { clientIp: '127.0.0.1', cspNonce: 'test' };

describe('a control character in a text field', () => {
  it('is refused by a form with 400 and a Danish message at the field, and the form keeps its values', async () => {
    const name = `Jens\u0000Hansen ${randomUUID()}`;
    const form = new URLSearchParams({
      name,
      postcode: '8000',
      transportMode: 'public_transport',
      reachKm: '10',
      benefitStatus: 'cash_benefit_job_ready',
      hoursMin: '5',
      hoursMax: '10',
      danishLevel: 'native',
      healthNotes: 'Første linje\nAnden linje med\u0000nul',
      phase: 'clarification',
      consultantId: consultant.id,
    });
    const request = new Request(`${BASE}/konsulent/borgere/ny`, { method: 'POST', headers: { Cookie: consultantCookie, Origin: BASE }, body: form });

    const answer = (await newCitizenAction({ request, params: {}, context })) as unknown as {
      data: { values: Record<string, unknown>; errors: Record<string, string> };
      init: { status: number };
    };

    expect(answer.init.status).toBe(400);
    expect(answer.data.errors).toEqual({
      name: controlCharacterMessage('Navnet'),
      healthNotes: controlCharacterMessage('Helbredsnoterne', { lines: true }),
    });
    expect(answer.data.errors.name).toBe('Navnet skal stå på én linje uden tabulatorer eller andre usynlige styretegn. Skriv teksten igen på én linje.');
    expect(answer.data.values.name).toBe(name);
    expect(await handle.db.select().from(citizens).where(eq(citizens.jobcentreId, consultant.jobcentreId!))).toEqual([]);
  });

  it('is refused by the API with 400 and the message at the field', async () => {
    const { token } = await createApiToken(company, `Nøgle ${randomUUID().slice(0, 8)}`);
    const title = `Rengøring\u0000${randomUUID()}`;
    const request = new Request(`${BASE}/api/v1/openings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'ordinary_hours',
        title,
        description: 'Rengøring af vores kontorer om morgenen.',
        tasks: ['Støvsugning'],
        hoursMin: 5,
        hoursMax: 10,
        startDate: '2099-03-01',
        slots: 1,
        postcode: '8000',
        contactName: 'Kontakt Person',
        contactRole: 'Driftsleder\r\nX-Injected: ja',
        contactPhone: '+45 87 65 43 21',
      }),
    });

    const answer = await createOpeningCall({ request, params: {}, context });

    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('validation_failed');
    expect(body.fields.title).toBe(controlCharacterMessage('Titlen'));
    expect(body.fields.contactRole).toBe(controlCharacterMessage('Kontaktpersonens rolle'));
    expect(await handle.db.select().from(openings).where(eq(openings.companyId, company.companyId!))).toEqual([]);
  });
});

describe('the log line of a query that fails', () => {
  async function loggedLineOf(work: () => Promise<unknown>): Promise<string> {
    const failure = await work().then(
      () => {
        throw new Error('expected the query to fail');
      },
      (error: unknown) => error,
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      handleError(failure, { request: new Request(`${BASE}/konsulent/borgere/ny?q=Jens`, { method: 'POST' }), params: {}, context });
      return logged.mock.calls.map((call) => call.map(String).join(' ')).join('\n');
    } finally {
      logged.mockRestore();
    }
  }

  it('says the statement and the code, never the values it carried', async () => {
    const jobcentre = await insertTestJobcentre(handle.db);
    const values = testCitizen(jobcentre.id, {
      name: `Sara\u0000Hemmelig ${randomUUID()}`,
      email: `sara-${randomUUID()}@jobbro.test`,
      healthNotes: 'Diagnose: må aldrig stå i en log',
    });

    const line = await loggedLineOf(() => handle.db.insert(citizens).values(values));

    expect(line).toMatch(/^Unexpected error [0-9a-f]{12} \(POST \/konsulent\/borgere\/ny\): /);
    expect(line).toContain('code 22021');
    expect(line).toContain('statement "insert into citizens"');
    for (const value of [values.name!.slice(5), values.email!, 'Diagnose', jobcentre.id, 'Failed query', 'params', 'invalid byte sequence', 'q=Jens']) {
      expect(line).not.toContain(value);
    }
  });

  it('leaves out the value a unique violation quotes', async () => {
    const email = `dublet-${randomUUID()}@jobbro.test`;
    await handle.db.insert(users).values({ email, name: 'Første', role: 'consultant' });

    const line = await loggedLineOf(() => handle.db.insert(users).values({ email, name: 'Anden', role: 'consultant' }));

    expect(line).toContain('code 23505');
    expect(line).toContain('statement "insert into users"');
    expect(line).toContain('constraint users_email');
    expect(line).not.toContain(email);
    expect(line).not.toContain('Anden');
  });
});

describe('an error no route caught', () => {
  it('is answered 500 with its id, and the log has the same id and none of the values', async () => {
    const jobcentre = await insertTestJobcentre(handle.db);
    const values = testCitizen(jobcentre.id, { name: `Sara\u0000Hemmelig ${randomUUID()}` });
    const app = express();
    app.post('/fejl', async (_req, _res, next) => {
      await handle.db.insert(citizens).values(values).catch(next);
    });
    app.use(answerUnexpectedError);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fejl`, { method: 'POST' });
      const text = await answer.text();
      const line = logged.mock.calls.map((call) => call.map(String).join(' ')).join('\n');

      expect(answer.status).toBe(500);
      const id = /fejl-id ([0-9a-f]{12})/.exec(text)?.[1];
      expect(line).toContain(`Unexpected error ${id} (POST /fejl)`);
      expect(line).toContain('statement "insert into citizens"');
      expect(line).not.toContain(values.name!.slice(5));
      expect(text).not.toContain(values.name!.slice(5));
    } finally {
      logged.mockRestore();
      server.close();
    }
  });
});
