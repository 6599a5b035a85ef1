/**
 * A company's sign-up and a colleague's invitation tell nobody whether an e-mail has a user in Jobbro (a
 * company's, a consultant's or a citizen's, which would say the person is a client of the jobcentre): the page
 * answers the same and only the mail to the address differs. A sign-up becomes a company only when the owner
 * of the address opens the mailed link. Sign-ups and invitations are rate-limited, and names that look like a
 * link are refused, so nobody can make Jobbro mail their link to strangers.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { companySignupSchema } from '../../app/domain/company-rules';
import { makeValidCvr } from '../../app/domain/cvr';
import { LINK_MESSAGE } from '../../app/domain/text-rules';
import { action as acceptInvitationAction } from '../../app/routes/invitation.$token';
import { action as confirmAction, loader as confirmLoader } from '../../app/routes/virksomhed.bekraeft.$token';
import { action as signupAction } from '../../app/routes/virksomhed.opret';
import { action as profileAction } from '../../app/routes/virksomhed.profil';
import type { Actor } from '../../app/services/actor';
import {
  confirmCompanySignup,
  createCompanyForJobOrder,
  DuplicateError,
  inviteColleague,
  pendingCompanySignup,
  requestCompanySignup,
  updateCompanyProfile,
} from '../../app/services/companies.server';
import { findPostcode } from '../../app/services/postcodes.server';
import { RateLimitedError } from '../../app/services/rate-limits.server';
import type { DatabaseHandle } from '../../db/client';
import { citizens, companies, jobcentres, mailOutbox, oneTimeTokens, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen } from '../helpers/database';

const BASE_URL = 'http://localhost:3000';

let handle: DatabaseHandle;
let companyUserEmail: string;
let citizenEmail: string;
let consultantEmail: string;
let inviter: Actor;
let consultant: Actor;
let jobcentreName: string;
let inviterCookie: string;

/** A client address of its own, so no test meets another's rate limit. */
const someClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
const newAddress = () => `ny-${randomUUID()}@firma.test`;

function randomCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(randomInt(1_000_000, 10_000_000)));
    if (cvr) return cvr;
  }
}

function signupFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    cvr: randomCvr(),
    name: 'Café Solsikken ApS',
    address: 'Vestergade 3',
    postcode: '8000',
    industry: 'Café',
    ordinaryEmployees: '6',
    phone: '86 12 34 56',
    email: `kontakt-${randomUUID()}@firma.test`,
    userName: 'Sofie Sol',
    userEmail: newAddress(),
    ...overrides,
  };
}

const parseSignup = (fields: Record<string, string>) => companySignupSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).parse(fields);

/** What a route answered, as the page gets it: the status and the data (a redirect has no data). */
async function answerOf(work: () => Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  const answer = await work().catch((thrown: unknown) => thrown);
  if (answer instanceof Response) return { status: answer.status, body: null, location: answer.headers.get('Location') };
  const withInit = answer as { type?: string; data?: unknown; init?: { status?: number } };
  if (withInit?.type === 'DataWithResponseInit') return { status: withInit.init?.status ?? 200, body: withInit.data, location: null };
  return { status: 200, body: answer, location: null };
}

function post(url: string, fields: Record<string, string>, cookie?: string) {
  return new Request(url, {
    method: 'POST',
    headers: { Origin: BASE_URL, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

const routeArgs = (request: Request, clientIp: string, params: Record<string, string> = {}) => ({ request, params, context: { clientIp, cspNonce: 'test' } });

async function mailsTo(email: string) {
  return handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id));
}

async function linkMailedTo(email: string, path: string): Promise<string | undefined> {
  const [mail] = await mailsTo(email);
  return mail?.body.split(/\s+/).find((word) => word.startsWith(`${BASE_URL}${path}`));
}

const tokenOf = (link: string) => link.split('/').at(-1)!;

/** The answer with the address it names replaced, so two answers to two addresses can be compared. */
function withoutAddress(body: unknown, email: string): string {
  return JSON.stringify(body).split(email).join('<adressen>');
}

async function companyWithCvr(cvr: string) {
  return handle.db.select().from(companies).where(eq(companies.cvr, cvr));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreName = jobcentre.name;
  await handle.db.update(jobcentres).set({ phone: '86 00 00 00', email: 'jobcenter@test.jobbro.test' }).where(eq(jobcentres.id, jobcentre.id));
  const company = await insertTestCompany(handle.db, `Invitér ${randomUUID().slice(0, 6)} ApS`);
  companyUserEmail = `firma-${randomUUID()}@firma.test`;
  const [companyUser] = await handle.db
    .insert(users)
    .values({ email: companyUserEmail, name: 'Karen Kontor', role: 'company', companyId: company.id, passwordHash: 'x' })
    .returning();
  inviter = { id: companyUser!.id, name: 'Karen Kontor', role: 'company', companyId: company.id, jobcentreId: null, citizenId: null };
  const sessionToken = generateSessionToken();
  await createSession(sessionToken, companyUser!.id);
  inviterCookie = `jobbro_session=${sessionToken}`;

  citizenEmail = `borger-${randomUUID()}@jobbro.test`;
  const [citizen] = await handle.db.insert(citizens).values(testCitizen(jobcentre.id, { name: 'Bo Borger', email: citizenEmail })).returning({ id: citizens.id });
  await handle.db.insert(users).values({ email: citizenEmail, name: 'Bo Borger', role: 'citizen', citizenId: citizen!.id, passwordHash: 'x' });
  consultantEmail = `konsulent-${randomUUID()}@jobbro.test`;
  const [consultantUser] = await handle.db
    .insert(users)
    .values({ email: consultantEmail, name: 'Kim Konsulent', role: 'consultant', jobcentreId: jobcentre.id, passwordHash: 'x' })
    .returning();
  consultant = { id: consultantUser!.id, name: 'Kim Konsulent', role: 'consultant', companyId: null, jobcentreId: jobcentre.id, citizenId: null };
});

afterAll(async () => {
  await handle?.close();
});

describe('company sign-up', () => {
  it('answers the same for an unknown address, a company user’s, a consultant’s and a citizen’s; only the mail to the address differs', async () => {
    const unknown = newAddress();
    const answers = [];
    for (const email of [unknown, companyUserEmail, consultantEmail, citizenEmail]) {
      const fields = signupFields({ userEmail: email });
      const answer = await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, fields), someClientIp())));
      answers.push({ status: answer.status, body: withoutAddress(answer.body, email) });
      expect(await companyWithCvr(fields.cvr!)).toHaveLength(0);
    }
    expect(answers[0]).toEqual({ status: 200, body: JSON.stringify({ values: {}, errors: {}, sentTo: '<adressen>' }) });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);

    // The unknown address gets the link; each known address gets a mail to its owner, with no link to a sign-up.
    const [toUnknown] = await mailsTo(unknown);
    expect(toUnknown!.subject).toBe('Bekræft din e-mail for at oprette en virksomhed i Jobbro');
    expect(await linkMailedTo(unknown, '/virksomhed/bekraeft/')).toMatch(/^http:\/\/localhost:3000\/virksomhed\/bekraeft\/[a-z2-7]{32}$/);
    for (const known of [companyUserEmail, consultantEmail, citizenEmail]) {
      const [mail] = await mailsTo(known);
      expect(mail!.subject).toBe('Nogen har prøvet at oprette en virksomhed i Jobbro med din e-mail');
      expect(mail!.body).toContain('Der findes allerede en bruger i Jobbro med e-mailen');
      expect(mail!.body).toContain(`${BASE_URL}/glemt-adgangskode`);
      expect(mail!.body).not.toContain('/virksomhed/bekraeft/');
      // Nothing the sender typed reaches the owner of the address.
      expect(mail!.body).not.toContain('Solsikken');
      expect(mail!.body).not.toContain('Sofie');
    }
  });

  it('becomes a company only when the owner of the address opens the link and chooses a password', async () => {
    const fields = signupFields();
    await requestCompanySignup(parseSignup(fields), { baseUrl: BASE_URL, clientIp: someClientIp() });
    expect(await companyWithCvr(fields.cvr!)).toHaveLength(0);
    expect(await handle.db.select().from(users).where(eq(users.email, fields.userEmail!))).toHaveLength(0);
    const [pendingRow] = await handle.db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.email, fields.userEmail!), eq(oneTimeTokens.purpose, 'company_signup')));
    expect(pendingRow!.payload).toMatchObject({ cvr: fields.cvr, name: 'Café Solsikken ApS', userName: 'Sofie Sol' });
    // The sign-up mail carries the link and nothing the sender typed.
    const [mail] = await mailsTo(fields.userEmail!);
    expect(mail!.body).not.toContain('Solsikken');

    const link = (await linkMailedTo(fields.userEmail!, '/virksomhed/bekraeft/'))!;
    const token = tokenOf(link);
    expect(await pendingCompanySignup(token)).toMatchObject({ name: 'Café Solsikken ApS', cvr: fields.cvr, email: fields.userEmail, city: 'Aarhus C', block: null });

    const page = await answerOf(() => confirmLoader(routeArgs(new Request(link), '127.0.0.1', { token })));
    expect(page.status).toBe(200);
    const weak = await answerOf(() => confirmAction(routeArgs(post(link, { password: 'kort' }), '127.0.0.1', { token })));
    expect(weak.status).toBe(400);
    expect(await companyWithCvr(fields.cvr!)).toHaveLength(0);

    const confirmed = await answerOf(() => confirmAction(routeArgs(post(link, { password: 'solsikke-kaffe-bar' }), '127.0.0.1', { token })));
    // The start page then says the company was created.
    expect(confirmed).toMatchObject({ status: 302, location: '/virksomhed?oprettet=1' });
    const [company] = await companyWithCvr(fields.cvr!);
    expect(company).toMatchObject({ name: 'Café Solsikken ApS', city: 'Aarhus C' });
    const [user] = await handle.db.select().from(users).where(eq(users.email, fields.userEmail!));
    expect(user).toMatchObject({ name: 'Sofie Sol', role: 'company', companyId: company!.id });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);

    // The link works once.
    expect(await pendingCompanySignup(token)).toBeNull();
    expect(await confirmCompanySignup(token, 'solsikke-kaffe-bar')).toBeNull();
    expect((await answerOf(() => confirmLoader(routeArgs(new Request(link), '127.0.0.1', { token })))).status).toBe(410);
  });

  it('a CVR already in Jobbro: the form answers the same, and only the link’s page tells the owner of the address to ask a colleague', async () => {
    const [existing] = await handle.db
      .update(companies)
      .set({ cvr: randomCvr() })
      .where(eq(companies.id, (await insertTestCompany(handle.db)).id))
      .returning();
    const fields = signupFields({ cvr: existing!.cvr });
    const answer = await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, fields), someClientIp())));
    expect(answer).toMatchObject({ status: 200, body: { values: {}, errors: {}, sentTo: fields.userEmail } });

    const token = tokenOf((await linkMailedTo(fields.userEmail!, '/virksomhed/bekraeft/'))!);
    expect(await pendingCompanySignup(token)).toMatchObject({ block: 'cvr_exists' });
    expect(await confirmCompanySignup(token, 'solsikke-kaffe-bar')).toEqual({ block: 'cvr_exists' });
    expect(await handle.db.select().from(users).where(eq(users.email, fields.userEmail!))).toHaveLength(0);
    expect(await companyWithCvr(existing!.cvr)).toHaveLength(1);

    // "Kontakt jobcentret" comes with how: the jobcentres' phone and e-mail.
    const page = await answerOf(() => confirmLoader(routeArgs(new Request(`${BASE_URL}/virksomhed/bekraeft/${token}`), '127.0.0.1', { token })));
    const contacts = (page.body as { contacts: { name: string; phone: string | null; email: string | null }[] }).contacts;
    expect(contacts.find((contact) => contact.name === jobcentreName)).toMatchObject({ phone: '86 00 00 00', email: 'jobcenter@test.jobbro.test' });
  });

  it('a CVR already in Jobbro, typed on a form: the company is told where to find the jobcentre, the consultant which company has it', async () => {
    const existing = await insertTestCompany(handle.db, `Har CVR ${randomUUID().slice(0, 6)} ApS`);
    const [profile] = await handle.db.select().from(companies).where(eq(companies.id, inviter.companyId!));
    const input = { ...profile!, cvr: existing.cvr };
    const companyRefusal = await updateCompanyProfile(inviter, inviter.companyId!, input).catch((error: unknown) => error);
    expect(companyRefusal).toBeInstanceOf(DuplicateError);
    expect((companyRefusal as Error).message).toContain('ring eller skriv til jobcentret. Telefon og e-mail står på siden Kontakt');
    const consultantRefusal = await createCompanyForJobOrder(consultant, input).catch((error: unknown) => error);
    expect((consultantRefusal as Error).message).toBe(`Virksomheden ${existing.name} har allerede dette CVR-nummer i Jobbro. Find den under Virksomheder i menuen.`);
  });

  it('sends at most 3 sign-up mails an hour to one address, with the same refusal for a known and an unknown address', async () => {
    const known = newAddress();
    await handle.db.insert(users).values({ email: known, name: 'Kendt Bruger', role: 'company', companyId: (await insertTestCompany(handle.db)).id, passwordHash: 'x' });
    const refusals = [];
    for (const email of [newAddress(), known]) {
      const start = new Date(Date.now() - 10 * 60 * 1000);
      for (let n = 0; n < 3; n += 1) {
        await requestCompanySignup(parseSignup(signupFields({ userEmail: email })), { baseUrl: BASE_URL, clientIp: someClientIp(), now: new Date(start.getTime() + n * 1000) });
      }
      const refused = await requestCompanySignup(parseSignup(signupFields({ userEmail: email })), {
        baseUrl: BASE_URL,
        clientIp: someClientIp(),
        now: new Date(start.getTime() + 5_000),
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RateLimitedError);
      refusals.push((refused as RateLimitedError).message);
    }
    expect(refusals[0]).toBe('Der er sendt for mange mails på kort tid. Vent 60 minutter, og prøv igen.');
    expect(refusals[1]).toBe(refusals[0]);
  });

  it('takes at most 20 sign-ups an hour from one client address; the form then answers 429 with the values kept and a Danish message', async () => {
    const clientIp = someClientIp();
    for (let n = 0; n < 20; n += 1) {
      expect((await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, signupFields()), clientIp)))).status).toBe(200);
    }
    const fields = signupFields();
    const refused = await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, fields), clientIp)));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ values: { name: 'Café Solsikken ApS', userEmail: fields.userEmail }, errors: { form: expect.stringMatching(/^Der er sendt for mange mails på kort tid\. Vent \d+ minutter?, og prøv igen\.$/) }, sentTo: null });
    expect(await mailsTo(fields.userEmail!)).toHaveLength(0);
    // Another address is not held back by this one.
    expect((await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, signupFields()), someClientIp())))).status).toBe(200);
  });

  it('refuses a company or person name that looks like a link, at the field', async () => {
    for (const [field, value] of [
      ['name', 'Billig medicin på www.pille-tilbud.example'],
      ['name', 'Se mere: https://example.org/x'],
      ['name', 'Tilbud.dk ApS'],
      ['userName', 'Klik på pille-tilbud.example nu'],
    ] as const) {
      const fields = signupFields({ [field]: value });
      const answer = await answerOf(() => signupAction(routeArgs(post(`${BASE_URL}/virksomhed/opret`, fields), someClientIp())));
      expect(answer.status).toBe(400);
      expect((answer.body as { errors: Record<string, string> }).errors[field]).toBe(LINK_MESSAGE);
      expect(await mailsTo(fields.userEmail!)).toHaveLength(0);
    }
  });
});

describe('colleague invitation', () => {
  it('answers the inviter the same for an unknown address, a user’s and a citizen’s, never with the link; the mail tells the owner', async () => {
    const unknown = newAddress();
    const answers = [];
    for (const email of [unknown, companyUserEmail, consultantEmail, citizenEmail]) {
      const answer = await answerOf(() =>
        profileAction(routeArgs(post(`${BASE_URL}/virksomhed/profil`, { intent: 'invite', inviteEmail: email }, inviterCookie), someClientIp())),
      );
      answers.push({ status: answer.status, body: withoutAddress(answer.body, email) });
    }
    expect(answers[0]).toEqual({ status: 200, body: JSON.stringify({ form: 'invite', values: {}, errors: {}, invitedEmail: '<adressen>' }) });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);

    const link = await linkMailedTo(unknown, '/invitation/');
    expect(link).toMatch(/^http:\/\/localhost:3000\/invitation\/[a-z2-7]{32}$/);
    expect(answers[0]!.body).not.toContain(tokenOf(link!));
    for (const known of [companyUserEmail, consultantEmail, citizenEmail]) {
      const [mail] = await mailsTo(known);
      expect(mail!.subject).toBe('Du er inviteret til Jobbro');
      expect(mail!.body).toContain('Karen Kontor fra');
      expect(mail!.body).toContain('Der findes allerede en bruger i Jobbro med denne e-mail');
      expect(mail!.body).not.toContain('/invitation/');
    }
  });

  it('one account sends at most 10 invitations an hour; the form answers 429 at the field', async () => {
    const company = await insertTestCompany(handle.db);
    const [user] = await handle.db
      .insert(users)
      .values({ email: newAddress(), name: 'Ivan Ivrig', role: 'company', companyId: company.id, passwordHash: 'x' })
      .returning();
    const sessionToken = generateSessionToken();
    await createSession(sessionToken, user!.id);
    const invite = (email: string) =>
      answerOf(() => profileAction(routeArgs(post(`${BASE_URL}/virksomhed/profil`, { intent: 'invite', inviteEmail: email }, `jobbro_session=${sessionToken}`), someClientIp())));
    for (let n = 0; n < 10; n += 1) expect((await invite(newAddress())).status).toBe(200);
    const last = newAddress();
    const refused = await invite(last);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ form: 'invite', values: { inviteEmail: last }, errors: { inviteEmail: expect.stringMatching(/^Der er sendt for mange mails på kort tid\./) } });
    expect(await mailsTo(last)).toHaveLength(0);
  });

  it('one address gets at most 3 invitations an hour, whoever sends them', async () => {
    const email = newAddress();
    const start = new Date(Date.now() - 5 * 60 * 1000);
    for (let n = 0; n < 3; n += 1) await inviteColleague(inviter, email, { baseUrl: BASE_URL, clientIp: someClientIp(), now: new Date(start.getTime() + n * 1000) });
    await expect(inviteColleague(inviter, email, { baseUrl: BASE_URL, clientIp: someClientIp(), now: new Date(start.getTime() + 5_000) })).rejects.toBeInstanceOf(RateLimitedError);
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it('a name saved before the rule that looks like a link never reaches the mail; a colleague cannot choose one', async () => {
    const company = await insertTestCompany(handle.db, 'Spar 90 % på www.pille-tilbud.example');
    const [user] = await handle.db
      .insert(users)
      .values({ email: newAddress(), name: 'Se pille-tilbud.example', role: 'company', companyId: company.id, passwordHash: 'x' })
      .returning();
    const actor: Actor = { id: user!.id, name: user!.name, role: 'company', companyId: company.id, jobcentreId: null, citizenId: null };
    const email = newAddress();
    await inviteColleague(actor, email, { baseUrl: BASE_URL, clientIp: someClientIp() });
    const [mail] = await mailsTo(email);
    expect(mail!.body).toContain('En kollega fra en virksomhed har inviteret dig');
    expect(mail!.body).not.toContain('pille-tilbud');

    const token = tokenOf((await linkMailedTo(email, '/invitation/'))!);
    const refused = await answerOf(() =>
      acceptInvitationAction(routeArgs(post(`${BASE_URL}/invitation/${token}`, { name: 'Køb på www.pille-tilbud.example', password: 'lang-og-sikker-kode' }), '127.0.0.1', { token })),
    );
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Record<string, string> }).errors.name).toBe(LINK_MESSAGE);
  });
});
