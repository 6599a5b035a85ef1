/**
 * Discriminating wording in any free-text field of an opening is refused on save, through the API as through
 * the forms, with every other problem of the opening at once and a Danish message at each field that names
 * the ground. An opening saved before the rule reached a field keeps being read as it is; it is checked again
 * when it is saved or becomes visible.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action as openingsAction } from '../../app/routes/api.v1.openings';
import { action as openingAction, loader as openingLoader } from '../../app/routes/api.v1.openings.$openingId';
import { action as statusAction } from '../../app/routes/api.v1.openings.$openingId.$action';
import type { Actor } from '../../app/services/actor';
import { createApiToken } from '../../app/services/api-tokens.server';
import { getPublicOpening } from '../../app/services/job-search.server';
import type { DatabaseHandle } from '../../db/client';
import { openings, users } from '../../db/schema';
import { insertTestCompany, openTestDatabase, testOpening } from '../helpers/database';

const BASE = 'http://localhost:3000';
const context = { clientIp: '127.0.0.1', cspNonce: 'test' };

let handle: DatabaseHandle;
let company: Actor;
let token: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const firm = await insertTestCompany(handle.db);
  const [row] = await handle.db
    .insert(users)
    .values({ email: `firma-${randomUUID()}@jobbro.test`, name: 'Ord Firma', role: 'company', companyId: firm.id })
    .returning();
  company = { id: row!.id, name: row!.name, role: 'company', jobcentreId: null, companyId: firm.id, citizenId: null };
  token = (await createApiToken(company, `Nøgle ${randomUUID().slice(0, 8)}`)).token;
});

afterAll(async () => {
  await handle?.close();
});

const body = (overrides: Record<string, unknown> = {}) => ({
  kind: 'ordinary_hours',
  title: 'Pakning af julekurve',
  description: 'Hjælp med at pakke julekurve i december. Du får 5 års erfaring med i bagagen, hvis du bliver.',
  tasks: ['Pakning', 'Etiketter'],
  hoursMin: 5,
  hoursMax: 10,
  scheduleNote: '30 timer fordelt over december',
  startDate: '2099-03-01',
  slots: 1,
  postcode: '8000',
  languageNeeds: 'Du kan forstå en mundtlig instruktion på dansk.',
  contactName: 'Per Lund',
  contactRole: 'Lagerchef',
  contactPhone: '86 00 11 22',
  contactEmail: 'per@firma.test',
  ...overrides,
});

function call(path: string, method: string, json?: unknown) {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

type ErrorBody = { error: string; message: string; fields: Record<string, string> };

describe('the API refuses discriminating wording', () => {
  it('answers 400 with a message at every field that names the ground, together with the other problems, and saves nothing', async () => {
    const answer = await openingsAction({
      request: call('/api/v1/openings', 'POST', body({
        title: 'Lagermedarbejder',
        tasks: ['Pakning', 'Du er rask og sund'],
        hoursMax: 40,
        languageNeeds: 'Kun ansøgere under 30 år og etnisk danske',
        scheduleNote: 'Ingen tørklæder på lageret',
        contactRole: 'Lagerchef, søger en yngre end 30',
        description: 'Vi er et lager i Aarhus. Du må højst være 40 år gammel og skal være heteroseksuel.',
      })),
      params: {},
      context,
    });

    expect(answer.status).toBe(400);
    const { error, fields } = (await answer.json()) as ErrorBody;
    expect(error).toBe('validation_failed');
    expect(fields.hoursMax).toBe('Højst 37 timer om ugen.');
    expect(fields.languageNeeds).toMatch(/^"under 30 år", "etnisk danske" kan være forskelsbehandling på grund af alder og etnisk eller national oprindelse \(forskelsbehandlingsloven\)\. Skriv opgaverne/);
    expect(fields.scheduleNote).toMatch(/^"tørklæder" kan være forskelsbehandling på grund af religion eller tro/);
    expect(fields.contactRole).toMatch(/"yngre end 30" .*alder/);
    expect(fields.tasks).toMatch(/"rask og sund" .*handicap eller helbred/);
    expect(fields.description).toMatch(/"højst være 40 år gammel", "heteroseksuel" .*alder og seksuel orientering/);
    expect(fields.title).toBeUndefined();
    expect(await handle.db.select().from(openings).where(eq(openings.companyId, company.companyId!))).toEqual([]);
  });

  it('accepts innocent text: "5 års erfaring", "30 timer", "rask til at gå i gang", "mindst 18 år" for alcohol', async () => {
    const answer = await openingsAction({
      request: call('/api/v1/openings', 'POST', body({ title: 'Bartender i weekenden', languageNeeds: 'Du er rask til at gå i gang og skal være mindst 18 år, fordi du sælger alkohol.' })),
      params: {},
      context,
    });
    expect(answer.status).toBe(201);
  });

  it('also refuses a draft, since a draft is saved', async () => {
    const answer = await openingsAction({ request: call('/api/v1/openings', 'POST', body({ publish: false, contactRole: 'Rengøringsdame' })), params: {}, context });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as ErrorBody).fields.contactRole).toMatch(/køn/);
  });
});

describe('an opening saved before the rule reached its field', () => {
  it('is read as it is, and checked when it is saved or reopened', async () => {
    const [old] = await handle.db
      .insert(openings)
      .values(testOpening(company.companyId!, { title: `Lager ${randomUUID().slice(0, 6)}`, languageNeeds: 'Kun ansøgere under 30 år og etnisk danske' }))
      .returning();
    const params = { openingId: old!.id };

    // Reading: the company's API, the public page.
    const read = await openingLoader({ request: call(`/api/v1/openings/${old!.id}`, 'GET'), params, context });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { opening: { languageNeeds: string; status: string } }).opening).toMatchObject({ status: 'open', languageNeeds: 'Kun ansøgere under 30 år og etnisk danske' });
    expect((await getPublicOpening(old!.id)).title).toBe(old!.title);

    // Pausing hides it and needs no check.
    expect((await statusAction({ request: call(`/api/v1/openings/${old!.id}/pause`, 'POST'), params: { ...params, action: 'pause' }, context })).status).toBe(200);

    // Saving it again with the same text is refused at the field.
    const { id: _id, status: _status, city: _city, createdAt: _c, updatedAt: _u, days, parts, scheduleNote, ...saved } = ((await (
      await openingLoader({ request: call(`/api/v1/openings/${old!.id}`, 'GET'), params, context })
    ).json()) as { opening: Record<string, unknown> }).opening;
    const update = await openingAction({ request: call(`/api/v1/openings/${old!.id}`, 'PUT', { ...saved, days, parts, scheduleNote }), params, context });
    expect(update.status).toBe(400);
    expect(((await update.json()) as ErrorBody).fields.languageNeeds).toMatch(/alder og etnisk eller national oprindelse/);

    // Reopening would show it again: refused with the message at the field.
    const reopen = await statusAction({ request: call(`/api/v1/openings/${old!.id}/reopen`, 'POST'), params: { ...params, action: 'reopen' }, context });
    expect(reopen.status).toBe(422);
    const refused = (await reopen.json()) as ErrorBody;
    expect(refused.error).toBe('discriminatory_wording');
    expect(refused.fields.languageNeeds).toMatch(/^"under 30 år", "etnisk danske" kan være forskelsbehandling/);
    const [still] = await handle.db.select().from(openings).where(eq(openings.id, old!.id));
    expect(still?.status).toBe('paused');

    // Fixed, it is saved and reopened.
    const fixed = await openingAction({
      request: call(`/api/v1/openings/${old!.id}`, 'PUT', { ...saved, days, parts, scheduleNote, languageNeeds: 'Du kan læse en arbejdsseddel på dansk.' }),
      params,
      context,
    });
    expect(fixed.status).toBe(200);
    expect((await statusAction({ request: call(`/api/v1/openings/${old!.id}/reopen`, 'POST'), params: { ...params, action: 'reopen' }, context })).status).toBe(200);
  });
});
