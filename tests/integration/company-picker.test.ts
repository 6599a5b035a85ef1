/**
 * The citizen form's excluded-company pickers never hold the whole company table: the page offers the
 * companies already chosen, and "Find virksomhed" posts the form back with at most PICKER_MATCHES matches of
 * what was typed, every value kept and nothing saved. A failed save keeps the chosen company choosable.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { citizens, users } from '../../db/schema';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { PICKER_MATCHES } from '../../app/domain/pagination';
import { action as editCitizenAction, loader as editCitizenLoader } from '../../app/routes/konsulent.borgere.$citizenId.ret';
import { action as newCitizenAction, loader as newCitizenLoader } from '../../app/routes/konsulent.borgere.ny';
import { FIND_COMPANIES_INTENT, type CompanyPicker } from '../../app/ui/citizen-form';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

const BASE = 'http://localhost:3000';
/** A word no other test's company has, so the matches are this file's companies only. */
const WORD = `Plukkefirma${randomUUID().slice(0, 6)}`;

let handle: DatabaseHandle;
let cookie: string;
let consultantId: string;
let jobcentreId: string;
let lastOfThem: { id: string; name: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  jobcentreId = (await insertTestJobcentre(handle.db)).id;
  for (let n = 1; n <= PICKER_MATCHES + 5; n++) lastOfThem = await insertTestCompany(handle.db, `${WORD} ${String(n).padStart(2, '0')} ApS`);
  const [user] = await handle.db
    .insert(users)
    .values({ email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Vælger Konsulent', role: 'consultant', jobcentreId })
    .returning();
  consultantId = user!.id;
  const token = generateSessionToken();
  await createSession(token, consultantId);
  cookie = `jobbro_session=${token}`;
});

afterAll(async () => {
  await handle?.close();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
const get = (path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });
const post = (path: string, fields: Record<string, string>) =>
  new Request(`${BASE}${path}`, { method: 'POST', headers: { Cookie: cookie, Origin: BASE }, body: new URLSearchParams(fields) });

type Answer = { data: { values: Record<string, string>; errors: Record<string, string>; companies: CompanyPicker }; init: { status: number } | null };

/** The fields of a complete new citizen, as the page sends them. */
function citizenFields(name: string) {
  return {
    name,
    postcode: '8000',
    transportMode: 'public_transport',
    reachKm: '10',
    benefitStatus: 'cash_benefit_activity_ready',
    hoursMin: '10',
    hoursMax: '20',
    danishLevel: 'good',
    phase: 'clarification',
    consultantId,
  };
}

describe('the new-citizen form', () => {
  it('offers no company before a search: the page does not carry the company table', async () => {
    const page = (await newCitizenLoader(args(get('/konsulent/borgere/ny')) as never)) as unknown as { companies: CompanyPicker };
    expect(page.companies.companies).toEqual([]);
  });

  it('finds at most a bounded number, says there are more, keeps what was typed and saves nothing', async () => {
    const name = `Søgende ${randomUUID().slice(0, 8)}`;
    const answer = (await newCitizenAction(
      args(post('/konsulent/borgere/ny', { ...citizenFields(name), companySearch: WORD, intent: FIND_COMPANIES_INTENT })) as never,
    )) as unknown as Answer;
    expect(answer.data.companies.companies).toHaveLength(PICKER_MATCHES);
    expect(answer.data.companies.more).toBe(true);
    expect(answer.data.companies.companies.every((company) => company.name.startsWith(WORD))).toBe(true);
    expect(answer.data.values).toMatchObject({ name, hoursMin: '10', companySearch: WORD });
    expect(answer.data.errors).toEqual({});
    expect(await handle.db.select().from(citizens).where(eq(citizens.name, name))).toEqual([]);

    // More of the name finds the one past the first page of matches.
    const narrower = (await newCitizenAction(
      args(post('/konsulent/borgere/ny', { ...citizenFields(name), companySearch: lastOfThem.name.slice(0, -4), intent: FIND_COMPANIES_INTENT })) as never,
    )) as unknown as Answer;
    expect(narrower.data.companies.companies.map((company) => company.id)).toEqual([lastOfThem.id]);
    expect(narrower.data.companies.more).toBe(false);
  });

  it('keeps a chosen company choosable when the save is refused, and saves it once the form is right', async () => {
    const name = `Udelukket ${randomUUID().slice(0, 8)}`;
    const refused = (await newCitizenAction(
      args(post('/konsulent/borgere/ny', { ...citizenFields(name), hoursMin: 'mange', excludedEmployerId: lastOfThem.id })) as never,
    )) as unknown as Answer;
    expect(refused.init?.status).toBe(400);
    expect(refused.data.errors.hoursMin).toBeTruthy();
    expect(refused.data.companies.companies.map((company) => company.id)).toEqual([lastOfThem.id]);

    await expect(newCitizenAction(args(post('/konsulent/borgere/ny', { ...citizenFields(name), excludedEmployerId: lastOfThem.id })) as never)).resolves.toMatchObject({ status: 302 });
    const [saved] = await handle.db.select({ id: citizens.id }).from(citizens).where(eq(citizens.name, name));
    expect(saved).toBeDefined();
  });
});

describe('the edit form', () => {
  it('offers the companies the citizen is excluded from, and finds others on request', async () => {
    const excluded = await insertTestCompany(handle.db, `${WORD} Tidligere Arbejdsgiver ApS`);
    const [citizen] = await handle.db
      .insert(citizens)
      .values(testCitizen(jobcentreId, { consultantId }))
      .returning({ id: citizens.id });
    const path = `/konsulent/borgere/${citizen!.id}/ret`;
    await editCitizenAction(args(post(path, { ...citizenFields('Rettet Borger'), excludedEmployerId: excluded.id }), { citizenId: citizen!.id }) as never);

    const page = (await editCitizenLoader(args(get(path), { citizenId: citizen!.id }) as never)) as unknown as { companies: CompanyPicker };
    expect(page.companies.companies.map((company) => company.id)).toEqual([excluded.id]);

    const found = (await editCitizenAction(
      args(post(path, { ...citizenFields('Rettet Borger'), excludedEmployerId: excluded.id, companySearch: WORD, intent: FIND_COMPANIES_INTENT }), { citizenId: citizen!.id }) as never,
    )) as unknown as Answer;
    // The chosen one first, then at most PICKER_MATCHES matches besides.
    expect(found.data.companies.companies[0]!.id).toBe(excluded.id);
    expect(found.data.companies.companies.length).toBeLessThanOrEqual(PICKER_MATCHES + 1);
  });
});
