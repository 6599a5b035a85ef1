/**
 * A create through the API repeated with the same Idempotency-Key (a client retrying after a lost answer)
 * makes one opening, also when both arrive at once; the same key on another request is refused.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { openings, users } from '../../db/schema';
import type { Actor } from '../../app/services/actor';
import { changeApiOpeningStatus, createApiOpening } from '../../app/services/api-openings.server';
import { insertTestCompany, openTestDatabase } from '../helpers/database';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

async function newCompanyActor(): Promise<Actor> {
  const company = await insertTestCompany(handle.db);
  const [user] = await handle.db
    .insert(users)
    .values({ email: `api-${randomUUID()}@firma.test`, name: 'Integration', role: 'company', companyId: company.id })
    .returning();
  return { id: user!.id, name: user!.name, role: 'company', jobcentreId: null, companyId: company.id, citizenId: null };
}

const opening = (title = 'Lagerhjælper om morgenen') => ({
  kind: 'ordinary_hours',
  title,
  description: 'Du pakker varer og gør klar til afhentning sammen med en fast kollega.',
  tasks: ['Pakke varer'],
  hoursMin: 5,
  hoursMax: 8,
  days: ['tue'],
  parts: ['morning'],
  startDate: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
  slots: 1,
  postcode: '8200',
  contactName: 'Hanne Holm',
  contactRole: 'Lagerchef',
  contactPhone: '86 11 22 33',
  contactEmail: 'hanne@firma.test',
});

const post = (body: unknown, key?: string, path = '/api/v1/openings') =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });

async function openingsOf(actor: Actor) {
  const [row] = await handle.db.select({ n: count() }).from(openings).where(eq(openings.companyId, actor.companyId!));
  return row!.n;
}

describe('Idempotency-Key on API writes', () => {
  it('creates one opening however often the same create is sent with the same key, and answers the retry as the first', async () => {
    const actor = await newCompanyActor();
    const key = randomUUID();
    const first = await createApiOpening(actor, post(opening(), key));
    expect(first.status).toBe(201);
    const created = (await first.json()).opening;

    const retry = await createApiOpening(actor, post(opening(), key));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await retry.json()).opening.id).toBe(created.id);
    expect(await openingsOf(actor)).toBe(1);

    // Two at the same moment with a new key: still one more.
    const again = randomUUID();
    const both = await Promise.all([createApiOpening(actor, post(opening(), again)), createApiOpening(actor, post(opening(), again))]);
    expect(both.map((answer) => answer.status)).toEqual([201, 201]);
    const ids = await Promise.all(both.map(async (answer) => (await answer.json()).opening.id));
    expect(ids[0]).toBe(ids[1]);
    expect(await openingsOf(actor)).toBe(2);
  });

  it('refuses the same key on another request, accepts it for another company, and without a key creates each time', async () => {
    const actor = await newCompanyActor();
    const key = randomUUID();
    expect((await createApiOpening(actor, post(opening(), key))).status).toBe(201);
    const other = await createApiOpening(actor, post(opening('Rengøring af kontorer'), key));
    expect(other.status).toBe(422);
    expect((await other.json()).error).toBe('idempotency_key_reused');

    // Keys are per company.
    const neighbour = await newCompanyActor();
    expect((await createApiOpening(neighbour, post(opening(), key))).status).toBe(201);
    expect(await openingsOf(neighbour)).toBe(1);

    await createApiOpening(actor, post(opening()));
    await createApiOpening(actor, post(opening()));
    expect(await openingsOf(actor)).toBe(3);

    const invalid = await createApiOpening(actor, post(opening(), 'med mellemrum'));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).fields['Idempotency-Key']).toContain('Idempotency-Key');
  });

  it('answers a repeated status change with its first answer instead of a conflict', async () => {
    const actor = await newCompanyActor();
    const { opening: created } = await (await createApiOpening(actor, post(opening()))).json();
    const key = randomUUID();
    const close = () => changeApiOpeningStatus(actor, created.id, 'close', post({}, key, `/api/v1/openings/${created.id}/close`));
    expect((await close()).status).toBe(200);
    const retry = await close();
    expect(retry.status).toBe(200);
    expect((await retry.json()).opening.status).toBe('closed');
    // Without the key, closing a closed opening is the conflict it always was.
    const plain = await changeApiOpeningStatus(actor, created.id, 'close', post({}, undefined, `/api/v1/openings/${created.id}/close`));
    expect(plain.status).toBe(409);
  });
});
