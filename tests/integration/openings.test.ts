import { randomInt, randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { agreements, apiTokens, citizens, companies, mailOutbox, openings, searchOutbox, users } from '../../db/schema';
import { hashToken } from '../../app/auth/one-time-tokens.server';
import type { OpeningDocument } from '../../search/documents';
import { drainOutbox } from '../../search/outbox';
import { makeValidCvr } from '../../app/domain/cvr';
import type { Actor } from '../../app/services/actor';
import { createApiOpening, updateApiOpening } from '../../app/services/api-openings.server';
import { actorForApiRequest, createApiToken, listApiTokens, revokeApiToken } from '../../app/services/api-tokens.server';
import {
  acceptColleagueInvitation,
  colleagueInvitation,
  confirmCompanySignup,
  inviteColleague,
  listColleagues,
  requestCompanySignup,
} from '../../app/services/companies.server';
import { NotFoundError } from '../../app/services/errors.server';
import { openingSchemaForToday } from '../../app/services/opening-submissions.server';
import {
  changeOpeningStatus,
  createOpening,
  getOpeningForManager,
  PublishBlockedError,
  shelteredJobWarningForAgreement,
  updateOpening,
} from '../../app/services/openings.server';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('openings');
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

function randomCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(1_000_000 + Math.floor(Math.random() * 8_999_999)));
    if (cvr) return cvr;
  }
}

const BASE_URL = 'http://localhost:3000';

/** A client address of its own, so no test meets another's rate limit. */
const someClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;

/** The link in the newest mail to the address. */
async function linkMailedTo(email: string, path: string): Promise<string> {
  const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id)).limit(1);
  const link = mail?.body.split(/\s+/).find((word) => word.startsWith(`${BASE_URL}${path}`));
  if (!link) throw new Error(`No ${path} link mailed to ${email}`);
  return link;
}

/** A company signs up as a person does: the form, then the mailed link with a password. */
async function signUpCompany(name: string, ordinaryEmployees = 15): Promise<Actor> {
  const userEmail = `ejer-${randomUUID()}@firma.test`;
  await requestCompanySignup(
    {
      cvr: randomCvr(),
      name,
      address: 'Søndergade 1',
      postcode: '8000',
      industry: 'Rengøring',
      ordinaryEmployees,
      phone: '86 12 34 56',
      email: `kontakt-${randomUUID()}@firma.test`,
      userName: 'Ejer Ejersen',
      userEmail,
    },
    { baseUrl: BASE_URL, clientIp: someClientIp() },
  );
  const confirmed = await confirmCompanySignup((await linkMailedTo(userEmail, '/virksomhed/bekraeft/')).split('/').at(-1)!, 'lang-og-sikker-kode');
  if (!confirmed || !('userId' in confirmed)) throw new Error('The sign-up was not confirmed');
  const [user] = await handle.db.select().from(users).where(eq(users.id, confirmed.userId));
  return { id: user!.id, name: 'Ejer Ejersen', role: 'company', companyId: user!.companyId, jobcentreId: null, citizenId: null };
}

function openingForm(overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return openingSchemaForToday().parse({
    kind: 'ordinary_hours',
    title: 'Rengøring af kantine',
    description: 'Du gør kantinen ren efter frokost sammen med en fast kollega.',
    tasks: 'Aftørring af borde\nGulvvask',
    hoursMin: '5',
    hoursMax: '8',
    days: ['tue', 'thu'],
    parts: ['afternoon'],
    startDate: start,
    slots: '1',
    postcode: '8200',
    demands: ['prolonged_standing'],
    accommodations: ['extra_breaks'],
    contactName: 'Hanne Holm',
    contactRole: 'Kantineleder',
    contactPhone: '86 11 22 33',
    contactEmail: 'hanne@firma.test',
    ...overrides,
  });
}

function drain(ids: string[]) {
  return drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds: ids });
}

async function searchIds(query: string) {
  const result = await search.client.index<OpeningDocument>(search.indexNames.openings).search(query, { attributesToRetrieve: ['id'] });
  return result.hits.map((hit) => hit.id);
}

describe('company sign-up', () => {
  it('creates the company and its first user together once the link is opened', async () => {
    const owner = await signUpCompany('Rent & Pænt ApS');
    const [company] = await handle.db.select().from(companies).where(eq(companies.id, owner.companyId!));
    expect(company?.city).toBe('Aarhus C');
    const [user] = await handle.db.select().from(users).where(eq(users.id, owner.id));
    expect(user?.role).toBe('company');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('openings', () => {
  it('publishes an opening that reaches search through the outbox, and closing removes it', async () => {
    const owner = await signUpCompany('Kantineservice Viby ApS');
    const opening = await createOpening(owner, owner.companyId!, openingForm(), { publish: true });
    expect(opening.status).toBe('open');
    expect(opening.city).toBe('Aarhus N');
    const outbox = await handle.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, opening.id));
    expect(outbox).toHaveLength(1);

    await drain([opening.id]);
    expect(await searchIds('rengoring kantine')).toContain(opening.id);

    await changeOpeningStatus(owner, opening.id, 'close');
    await drain([opening.id]);
    expect(await searchIds('rengoring kantine')).not.toContain(opening.id);
  });

  it('refuses discriminating wording at the field when the opening is saved', async () => {
    expect(() => openingForm({ title: 'Lagerfyr under 25 år' })).toThrow('\\"Lagerfyr\\", \\"under 25 år\\" kan være forskelsbehandling på grund af køn og alder');
  });

  it('saves a draft that is not searchable, and publishes it only once the wording is fixed', async () => {
    const owner = await signUpCompany('Udkast & Co ApS');
    const draft = await createOpening(owner, owner.companyId!, openingForm({ title: 'Opvasker' }), { publish: false });
    expect(draft.status).toBe('draft');
    // A draft saved before the rule reached the field.
    await handle.db.update(openings).set({ contactRole: 'Opvaskedreng' }).where(eq(openings.id, draft.id));
    const attempt = await changeOpeningStatus(owner, draft.id, 'publish').catch((error: unknown) => error);
    expect(attempt).toBeInstanceOf(PublishBlockedError);
    expect(Object.keys((attempt as PublishBlockedError).fields)).toEqual(['contactRole']);
    await updateOpening(owner, draft.id, openingForm({ title: 'Opvasker' }));
    const published = await changeOpeningStatus(owner, draft.id, 'publish');
    expect(published.status).toBe('open');
    expect(published.publishedAt).not.toBeNull();
  });

  it("never lets a company see or change another company's opening", async () => {
    const owner = await signUpCompany('Ejer ApS');
    const stranger = await signUpCompany('Fremmed ApS');
    const opening = await createOpening(owner, owner.companyId!, openingForm(), { publish: true });
    await expect(getOpeningForManager(stranger, opening.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateOpening(stranger, opening.id, openingForm({ title: 'Overtaget' }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeOpeningStatus(stranger, opening.id, 'close')).rejects.toBeInstanceOf(NotFoundError);
    await expect(createOpening(stranger, owner.companyId!, openingForm(), { publish: true })).rejects.toBeInstanceOf(NotFoundError);
    const [unchanged] = await handle.db.select().from(openings).where(eq(openings.id, opening.id));
    expect(unchanged?.title).toBe('Rengøring af kantine');
    expect(unchanged?.status).toBe('open');
  });
});

describe('API tokens', () => {
  it('authenticates a bearer token of the company until it is revoked', async () => {
    const owner = await signUpCompany('Api Firma ApS');
    const { token } = await createApiToken(owner, 'Lønsystem');
    const request = (value: string) => new Request('http://localhost/api/v1/openings', { headers: { Authorization: `Bearer ${value}` } });
    const actor = await actorForApiRequest(request(token));
    expect(actor?.companyId).toBe(owner.companyId);
    expect(await actorForApiRequest(request(`${token}x`))).toBeNull();
    expect(await actorForApiRequest(new Request('http://localhost/api/v1/openings'))).toBeNull();

    // Only the token's hash is stored.
    const stored = await handle.db.select().from(apiTokens).where(eq(apiTokens.companyId, owner.companyId!));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const [listed] = await listApiTokens(owner);
    expect(listed?.name).toBe('Lønsystem');
    const tokenId = listed!.id;
    await revokeApiToken(owner, tokenId);
    expect(await actorForApiRequest(request(token))).toBeNull();
  });
});

describe('colleagues', () => {
  it('invites a colleague by a one-time link that works once, mailed to the colleague only', async () => {
    const owner = await signUpCompany('Kollega Rengøring ApS');
    const email = `kollega-${randomUUID()}@firma.test`;
    expect(await inviteColleague(owner, email, { baseUrl: BASE_URL, clientIp: someClientIp() })).toEqual({ email });
    const link = await linkMailedTo(email, '/invitation/');
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mail?.body).toContain('Ejer Ejersen fra Kollega Rengøring ApS har inviteret dig');

    const token = link.split('/').pop()!;
    expect(await colleagueInvitation(token)).toEqual({ email, companyName: 'Kollega Rengøring ApS' });
    const accepted = await acceptColleagueInvitation(token, { name: 'Kirsten Kollega', password: 'lang-og-sikker-kode' });
    expect(accepted).not.toBeNull();
    expect((await listColleagues(owner, owner.companyId!)).map((user) => user.email)).toContain(email);

    expect(await colleagueInvitation(token)).toBeNull();
    expect(await acceptColleagueInvitation(token, { name: 'Igen', password: 'lang-og-sikker-kode' })).toBeNull();
  });

  it('a new invitation to the same address voids the older link', async () => {
    const owner = await signUpCompany('Kollega Gentaget ApS');
    const email = `kollega-${randomUUID()}@firma.test`;
    await inviteColleague(owner, email, { baseUrl: BASE_URL, clientIp: someClientIp() });
    const first = await linkMailedTo(email, '/invitation/');
    await inviteColleague(owner, email, { baseUrl: BASE_URL, clientIp: someClientIp() });
    const second = await linkMailedTo(email, '/invitation/');
    expect(await colleagueInvitation(first.split('/').pop()!)).toBeNull();
    expect(await colleagueInvitation(second.split('/').pop()!)).not.toBeNull();
  });
});

describe('the skånejob rule of thumb in the API', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'sheltered_job',
    title: 'Skånejob i kantinen',
    description: 'Du hjælper i kantinen i dit eget tempo sammen med en fast kollega.',
    tasks: 'Fylde op i salatbaren\nTørre borde af',
    hoursMin: '5',
    hoursMax: '8',
    days: ['tue'],
    parts: ['morning'],
    startDate: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    slots: '1',
    postcode: '8200',
    contactName: 'Hanne Holm',
    contactRole: 'Kantineleder',
    contactPhone: '86 11 22 33',
    contactEmail: 'hanne@firma.test',
    ...overrides,
  });
  const json = (method: string, value: unknown) =>
    new Request('http://localhost/api/v1/openings', { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });

  it('answers a saved skånejob with the rule in `warnings` when its slots pass about one per five ordinary employees, and saves it', async () => {
    // 10 ordinary employees: room for about two.
    const owner = await signUpCompany('Kantine Skånsom ApS', 10);
    const withinRule = await createApiOpening(owner, json('POST', body({ slots: '2' })));
    expect(withinRule.status).toBe(201);
    expect((await withinRule.json()).warnings).toEqual([]);

    const beyond = await createApiOpening(owner, json('POST', body({ slots: '3' })));
    expect(beyond.status).toBe(201);
    const answer = await beyond.json();
    expect(answer.opening.kind).toBe('sheltered_job');
    expect(answer.warnings).toEqual([
      'Virksomheden har 10 ordinært ansatte og ingen i skånejob eller fleksjob. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte, så efter den er der plads til omkring 2. Med 3 til bliver det 3. Vurdér, om der er kolleger nok til at tage godt imod dem.',
    ]);
    expect((await getOpeningForManager(owner, answer.opening.id)).slots).toBe(3);

    // Fewer slots on the same opening: within the rule again.
    const fewer = await updateApiOpening(owner, answer.opening.id, json('PUT', body({ slots: '1' })));
    expect(fewer.status).toBe(200);
    expect((await fewer.json()).warnings).toEqual([]);
  });

  it('says nothing about the rule for ordinary hours, whatever the size', async () => {
    const owner = await signUpCompany('Lille Kantine ApS', 2);
    const ordinary = await createApiOpening(owner, json('POST', body({ kind: 'ordinary_hours', slots: '4' })));
    expect(ordinary.status).toBe(201);
    expect((await ordinary.json()).warnings).toEqual([]);
    const sheltered = await createApiOpening(owner, json('POST', body()));
    expect((await sheltered.json()).warnings[0]).toContain('Virksomheden har 2 ordinært ansatte og ingen i skånejob eller fleksjob.');
  });
});

describe('the skånejob rule of thumb on an agreement', () => {
  it('counts the skånejob and fleksjob agreements that hold a slot, not the agreement looked at, and only for a skånejob', async () => {
    const company = await insertTestCompany(handle.db);
    await handle.db.update(companies).set({ ordinaryEmployees: 10 }).where(eq(companies.id, company.id));
    const jobcentre = await insertTestJobcentre(handle.db);
    const [sheltered, flexjob] = await handle.db
      .insert(openings)
      .values([testOpening(company.id, { kind: 'sheltered_job', slots: 3 }), testOpening(company.id, { kind: 'flexjob', slots: 1 })])
      .returning({ id: openings.id });
    const people = await handle.db
      .insert(citizens)
      .values([0, 1, 2, 3].map(() => testCitizen(jobcentre.id, { benefitStatus: 'disability_pension' })))
      .returning({ id: citizens.id });
    const agreementOf = (index: number, openingId: string, status: 'active' | 'awaiting_confirmation' | 'draft' | 'ended') => ({
      citizenId: people[index]!.id,
      companyId: company.id,
      openingId,
      status,
    });
    const [activeSheltered] = await handle.db.insert(agreements).values(agreementOf(0, sheltered!.id, 'active')).returning({ id: agreements.id });
    const [draft] = await handle.db.insert(agreements).values(agreementOf(1, sheltered!.id, 'draft')).returning({ id: agreements.id });
    await handle.db.insert(agreements).values(agreementOf(2, sheltered!.id, 'ended'));

    // 10 ordinary employees: room for about two. One holds a slot; a draft and an ended one do not.
    expect(await shelteredJobWarningForAgreement({ companyId: company.id, kind: 'sheltered_job', agreementId: draft!.id })).toBeNull();
    // A fleksjob awaiting confirmation makes two; the draft would be the third.
    await handle.db.insert(agreements).values(agreementOf(3, flexjob!.id, 'awaiting_confirmation'));
    expect(await shelteredJobWarningForAgreement({ companyId: company.id, kind: 'sheltered_job', agreementId: draft!.id })).toContain(
      'Virksomheden har 10 ordinært ansatte og 2 i skånejob eller fleksjob.',
    );
    // The active one is not counted twice on its own page: with the fleksjob it is the second.
    expect(await shelteredJobWarningForAgreement({ companyId: company.id, kind: 'sheltered_job', agreementId: activeSheltered!.id })).toBeNull();
    // A new agreement (no id yet) on a skånejob is one more; on ordinary hours the rule says nothing.
    expect(await shelteredJobWarningForAgreement({ companyId: company.id, kind: 'sheltered_job' })).toContain('Med én til bliver det 3.');
    expect(await shelteredJobWarningForAgreement({ companyId: company.id, kind: 'ordinary_hours' })).toBeNull();
  });
});
