/**
 * The citizen's own portal against a real database and a real Meilisearch (own index names): getting in by
 * invitation and by a forgotten-password link, the citizen's own wishes reaching the consultant and matching,
 * only the jobs the citizen may take, "Jeg er interesseret" passed on by the consultant, the path, and the
 * citizen's own access log and export.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDemoData } from '../../db/seed';
import { accessLog, agreements, agreementVersions, citizens, followUps, mailOutbox, matchProposals, monthlyHours, openings, searchOutbox, users } from '../../db/schema';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { loader as printLoader } from '../../app/routes/borger.mine-data_.udskrift';
import { action as wishesAction } from '../../app/routes/borger.oensker';
import { action as profileAction, loader as profileLoader } from '../../app/routes/konsulent.borgere.$citizenId._index';
import { ACCESS_PURPOSES, accessLogForCitizen } from '../../app/services/access-log.server';
import type { Actor } from '../../app/services/actor';
import {
  citizenPath,
  EXPORT_PURPOSE,
  exportOwnData,
  expressInterest,
  jobsForCitizen,
  ownAccessLog,
  ownAccessLogByDay,
  ownProfile,
  ownProposalState,
  updateOwnWishes,
} from '../../app/services/citizen-portal.server';
import { forwardCitizenInterest, pendingInterests } from '../../app/services/interests.server';
import { getCitizenForConsultant } from '../../app/services/citizens.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { acceptCitizenInvitation, citizenInvitation, InvitationRefusedError, invitationStatus, inviteCitizen } from '../../app/services/invitations.server';
import { matchCitizensForOpening } from '../../app/services/matching.server';
import { listCompanyOpenings } from '../../app/services/openings.server';
import { passwordResetFor, requestPasswordReset, resetPassword } from '../../app/services/password-reset.server';
import { RateLimitedError } from '../../app/services/rate-limits.server';
import { citizenProposal, companyProposals, ProposalRefusedError, ProposalStateError, respondAsCompany, withdrawProposal } from '../../app/services/proposals.server';
import { drainOutbox, enqueueSearchSync } from '../../search/outbox';
import { insertTestCompany, placeAt, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';
import { openTestSearch } from '../helpers/search';

const TODAY = '2027-03-10';
const BASE_URL = 'http://localhost:3000';
const MARKER = `portal${randomUUID().slice(0, 8)}`;

let handle: DatabaseHandle;
let search: Awaited<ReturnType<typeof openTestSearch>>;
let jobcentreName: string;
let consultant: Actor;
let otherConsultant: Actor;
let companyActor: Actor;
let company: { id: string; name: string };
const citizenIds = {} as Record<'flex' | 'other' | 'invitee', string>;
const openingIds = {} as Record<'flexLight' | 'flexHeavy' | 'sheltered' | 'ordinary', string>;
let flexCitizen: Actor;
let otherCitizen: Actor;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, passwordHash: role === 'citizen' ? null : 'x', ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

function drain(entityIds: string[]) {
  return drainOutbox({ db: handle.db, client: search.client, indexNames: search.indexNames, entityIds, now: new Date(`${TODAY}T08:00:00Z`) });
}

const tokenOf = (link: string) => link.split('/').at(-1)!;

/** The link in the newest mail to the address: the only place a one-time link goes. */
async function linkMailedTo(email: string, path: string): Promise<string> {
  const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.id)).limit(1);
  const link = mail?.body.split(/\s+/).find((word) => word.startsWith(`${BASE_URL}${path}`));
  if (!link) throw new Error(`No ${path} link mailed to ${email}`);
  return link;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  search = await openTestSearch('citizen_portal');
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreName = jobcentre.name;
  const otherJobcentre = await insertTestJobcentre(handle.db);
  company = await insertTestCompany(handle.db, `Portal Lager ${randomUUID().slice(0, 6)} A/S`);
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Portal');
  otherConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id }, 'Lone Portal');
  companyActor = await insertUser('company', { companyId: company.id }, 'Bo Portal');

  const people = {
    // Visitated to fleksjob, must avoid heavy lifting: the story of the issue.
    flex: testCitizen(jobcentre.id, {
      name: 'Lis Fleks',
      consultantId: consultant.id,
      benefitStatus: 'flexjob_unemployment',
      flexjobVisitationUntil: '2027-12-31',
      ...placeAt('8000'),
      hoursMin: 8,
      hoursMax: 15,
      restrictions: ['heavy_lifting'],
      wishes: 'Lager og pakning',
      healthNotes: 'Diskusprolaps (følsomt)',
    }),
    other: testCitizen(jobcentre.id, { name: 'Ole Anden', ...placeAt('8000'), restrictions: [] }),
    invitee: testCitizen(jobcentre.id, { name: 'Ida Inviteret', email: `ida-${randomUUID()}@jobbro.test`, consultantId: consultant.id }),
  };
  for (const [key, values] of Object.entries(people)) {
    const [row] = await handle.db.insert(citizens).values(values).returning({ id: citizens.id });
    citizenIds[key as keyof typeof citizenIds] = row!.id;
  }
  flexCitizen = await insertUser('citizen', { citizenId: citizenIds.flex }, 'Lis Fleks');
  otherCitizen = await insertUser('citizen', { citizenId: citizenIds.other }, 'Ole Anden');

  const places = {
    flexLight: testOpening(company.id, { kind: 'flexjob', title: 'Pakning i fleksjob', tasks: ['Pakke varer', 'Lager'], hoursMin: 10, hoursMax: 20, demands: [], accommodations: ['extra_breaks'] }),
    flexHeavy: testOpening(company.id, { kind: 'flexjob', title: 'Lager med tunge løft', tasks: ['Bære kasser'], hoursMin: 10, hoursMax: 20, demands: ['heavy_lifting'] }),
    sheltered: testOpening(company.id, { kind: 'sheltered_job', title: 'Skånejob på lageret', tasks: ['Etiketter'], hoursMin: 8, hoursMax: 12, demands: [] }),
    ordinary: testOpening(company.id, { kind: 'ordinary_hours', title: 'Småjob: lager om morgenen', tasks: ['Lager'], hoursMin: 5, hoursMax: 10, demands: [] }),
  };
  for (const [key, values] of Object.entries(places)) {
    const [row] = await handle.db
      .insert(openings)
      .values({ ...values, tasks: [...(values.tasks ?? []), MARKER] })
      .returning({ id: openings.id });
    openingIds[key as keyof typeof openingIds] = row!.id;
  }
  await enqueueSearchSync(handle.db, 'citizen', Object.values(citizenIds));
  await enqueueSearchSync(handle.db, 'opening', Object.values(openingIds));
  await drain([...Object.values(citizenIds), ...Object.values(openingIds)]);
});

afterAll(async () => {
  await search?.cleanup();
  await handle?.close();
});

describe('getting in', () => {
  it('a consultant invites a citizen; the one-time link goes to the citizen only; the citizen sets a password once', async () => {
    const before = await invitationStatus(consultant, citizenIds.invitee, new Date(), { logRead: false });
    expect(before).toMatchObject({ hasAccess: false, pending: null });

    const invitation = await inviteCitizen(consultant, citizenIds.invitee, { baseUrl: BASE_URL });
    // The consultant learns where and when, never the link.
    expect(Object.keys(invitation).sort()).toEqual(['expiresAt', 'sentAt', 'sentTo']);
    const link = await linkMailedTo(invitation.sentTo, '/velkommen/');
    expect(link).toMatch(/^http:\/\/localhost:3000\/velkommen\/[a-z2-7]{32}$/);
    expect(JSON.stringify(invitation)).not.toContain(tokenOf(link));
    const status = await invitationStatus(consultant, citizenIds.invitee, new Date(), { logRead: false });
    expect(status.pending).toEqual(invitation);

    const token = tokenOf(link);
    expect(await citizenInvitation(token)).toEqual({ name: 'Ida Inviteret', email: invitation.sentTo });
    const accepted = await acceptCitizenInvitation(token, 'grøn-kaffe-cykel');
    expect(accepted).not.toBeNull();
    const [user] = await handle.db.select().from(users).where(eq(users.id, accepted!.userId));
    expect(user).toMatchObject({ role: 'citizen', citizenId: citizenIds.invitee });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);

    // Used: the link is dead, and a second invitation is refused because the citizen can log in.
    expect(await citizenInvitation(token)).toBeNull();
    expect(await acceptCitizenInvitation(token, 'en-anden-lang-kode')).toBeNull();
    await expect(inviteCitizen(consultant, citizenIds.invitee, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(InvitationRefusedError);
    expect(await invitationStatus(consultant, citizenIds.invitee, new Date(), { logRead: false })).toMatchObject({ hasAccess: true, pending: null });
  });

  it('a link older than 7 days no longer works, and sending again voids the older link', async () => {
    const [row] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Per Sen' })).returning({ id: citizens.id });
    const old = await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL, now: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) });
    expect(await citizenInvitation(tokenOf(await linkMailedTo(old.sentTo, '/velkommen/')))).toBeNull();
    expect((await invitationStatus(consultant, row!.id, new Date(), { logRead: false })).pending).toBeNull();
    const first = await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL });
    const firstLink = await linkMailedTo(first.sentTo, '/velkommen/');
    const second = await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL, now: new Date(first.sentAt.getTime() + 60_000) });
    const secondLink = await linkMailedTo(second.sentTo, '/velkommen/');
    expect(secondLink).not.toBe(firstLink);
    expect(await citizenInvitation(tokenOf(firstLink))).toBeNull();
    expect(await citizenInvitation(tokenOf(secondLink))).not.toBeNull();
    expect((await invitationStatus(consultant, row!.id, new Date(first.sentAt.getTime() + 120_000), { logRead: false })).pending).toEqual(second);
  });

  it('the profile page sends the invitation and shows where and when it went, never the link', async () => {
    const [row] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Sif Side', consultantId: consultant.id })).returning({ id: citizens.id, email: citizens.email });
    const token = generateSessionToken();
    await createSession(token, consultant.id);
    const url = `${BASE_URL}/konsulent/borgere/${row!.id}`;
    const args = (request: Request) => ({ request, params: { citizenId: row!.id }, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
    const sent = await profileAction(
      args(new Request(url, { method: 'POST', headers: { Cookie: `jobbro_session=${token}`, Origin: BASE_URL }, body: new URLSearchParams({ intent: 'invite' }) })),
    );
    expect(sent).toBeInstanceOf(Response);
    expect((sent as Response).status).toBe(302);
    expect((sent as Response).headers.get('Location')).toBe(`/konsulent/borgere/${row!.id}?inviteret=1#adgang`);

    const link = await linkMailedTo(row!.email!, '/velkommen/');
    const page = await profileLoader(args(new Request(`${url}?inviteret=1`, { headers: { Cookie: `jobbro_session=${token}` } })));
    const shown = JSON.stringify(page);
    expect(shown).not.toContain(tokenOf(link));
    expect(page.portalAccess.pending).toMatchObject({ sentTo: row!.email });
  });

  it('a citizen gets at most 5 invitations an hour; the consultant is told to wait, and nothing is sent', async () => {
    const [row] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Mads Mange' })).returning({ id: citizens.id, email: citizens.email });
    const start = new Date(Date.now() - 30 * 60 * 1000);
    for (let n = 0; n < 5; n += 1) await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL, now: new Date(start.getTime() + n * 1000) });
    const refused = await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL, now: new Date(start.getTime() + 10_000) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe('Der er sendt for mange mails på kort tid. Vent 60 minutter, og prøv igen.');
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, row!.email!))).toHaveLength(5);
    // An hour after the first, one more may go.
    await expect(inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL, now: new Date(start.getTime() + 60 * 60 * 1000 + 1) })).resolves.toMatchObject({ sentTo: row!.email });
  });

  it('only a consultant of the citizen’s own jobcentre may invite', async () => {
    await expect(inviteCitizen(otherConsultant, citizenIds.other, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteCitizen(companyActor, citizenIds.other, { baseUrl: BASE_URL })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a forgotten password is replaced by a link that works once', async () => {
    const email = `glemt-${randomUUID()}@jobbro.test`;
    const [row] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Gitte Glemsom', email })).returning({ id: citizens.id });
    const invitation = await inviteCitizen(consultant, row!.id, { baseUrl: BASE_URL });
    await acceptCitizenInvitation(tokenOf(await linkMailedTo(invitation.sentTo, '/velkommen/')), 'første-lange-kode');

    await requestPasswordReset(email.toUpperCase(), { baseUrl: BASE_URL });
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    const resetMail = mails.find((mail) => mail.subject === 'Ny adgangskode til Jobbro')!;
    const link = /http:\/\/localhost:3000\/ny-adgangskode\/[a-z2-7]{32}/.exec(resetMail.body)![0];
    expect(await passwordResetFor(tokenOf(link))).toEqual({ email, firstPassword: false });
    expect(await resetPassword(tokenOf(link), 'anden-lange-kode')).not.toBeNull();
    expect(await resetPassword(tokenOf(link), 'tredje-lange-kode')).toBeNull();

    // An unknown address gets no mail, and the caller cannot tell.
    const unknown = `ukendt-${randomUUID()}@jobbro.test`;
    await requestPasswordReset(unknown, { baseUrl: BASE_URL });
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, unknown))).toEqual([]);
  });
});

describe('Mine ønsker', () => {
  it('the citizen changes their own wishes; the consultant sees them, matching has them after the drain, health notes stay', async () => {
    const pendingBefore = await handle.db
      .select({ id: searchOutbox.id })
      .from(searchOutbox)
      .where(and(eq(searchOutbox.entityId, citizenIds.other), isNull(searchOutbox.processedAt)));
    await updateOwnWishes(otherCitizen, {
      wishes: 'Pakning og lager om formiddagen',
      competences: ['Rengøring'],
      hoursMin: 10,
      hoursMax: 12,
      postcode: '8000',
      transportMode: 'bike',
      reachKm: 12,
      neededAccommodations: ['extra_breaks'],
    });
    const pendingAfter = await handle.db
      .select({ id: searchOutbox.id })
      .from(searchOutbox)
      .where(and(eq(searchOutbox.entityId, citizenIds.other), isNull(searchOutbox.processedAt)));
    expect(pendingAfter.length).toBe(pendingBefore.length + 1);

    const profile = await ownProfile(otherCitizen);
    expect(profile).toMatchObject({ wishes: 'Pakning og lager om formiddagen', hoursMin: 10, hoursMax: 12, reachKm: 12, city: 'Aarhus C' });
    expect(profile).not.toHaveProperty('healthNotes');
    const seen = await getCitizenForConsultant(consultant, citizenIds.other, ACCESS_PURPOSES.viewProfile);
    expect(seen.wishes).toBe('Pakning og lager om formiddagen');
    expect(seen.healthNotes).toBe('Følsomt: må aldrig nå søgeindekset.');

    await drain([citizenIds.other]);
    const document = await search.client.index(search.indexNames.citizens).getDocument(citizenIds.other);
    expect(document).toMatchObject({ wishes: 'Pakning og lager om formiddagen', hoursMin: 10, hoursMax: 12 });
    const matched = await matchCitizensForOpening(consultant, openingIds.ordinary, { q: 'formiddagen', today: TODAY });
    expect(matched.results.map((match) => match.citizenId)).toContain(citizenIds.other);
  });

  it('the citizen adds and removes their own competences; the row and its search-outbox entry are written together, matching finds the new words after the drain, and restrictions and health notes stay whatever the form sends', async () => {
    const [row] = await handle.db
      .insert(citizens)
      .values(
        testCitizen(consultant.jobcentreId!, {
          name: 'Kaj Kompetence',
          consultantId: consultant.id,
          ...placeAt('8000'),
          competences: ['Rengøring'],
          restrictions: ['heavy_lifting'],
          healthNotes: 'Slidgigt (følsomt)',
        }),
      )
      .returning({ id: citizens.id });
    const citizenId = row!.id;
    const self = await insertUser('citizen', { citizenId }, 'Kaj Kompetence');
    const pending = async () =>
      (await handle.db.select({ id: searchOutbox.id }).from(searchOutbox).where(and(eq(searchOutbox.entityId, citizenId), isNull(searchOutbox.processedAt)))).length;
    const pendingBefore = await pending();

    const token = generateSessionToken();
    await createSession(token, self.id);
    const form = new URLSearchParams({
      wishes: 'Køkken',
      competences: 'Opvask i storkøkken\n\nKassebetjening ' + MARKER,
      hoursMin: '5',
      hoursMax: '10',
      postcode: '8000',
      transportMode: 'bike',
      reachKm: '10',
      // Not fields of the citizen's form: a hand-made request must not reach them.
      restrictions: 'noise',
      healthNotes: '',
    });
    const answer = await wishesAction({
      request: new Request(`${BASE_URL}/borger/oensker`, { method: 'POST', headers: { Cookie: `jobbro_session=${token}`, Origin: BASE_URL }, body: form }),
      params: {},
      context: { clientIp: '127.0.0.1', cspNonce: 'test' },
    });
    expect((answer as Response).status).toBe(302);

    const [saved] = await handle.db.select().from(citizens).where(eq(citizens.id, citizenId));
    expect(saved).toMatchObject({ competences: ['Opvask i storkøkken', `Kassebetjening ${MARKER}`], restrictions: ['heavy_lifting'], healthNotes: 'Slidgigt (følsomt)' });
    expect(await pending()).toBe(pendingBefore + 1);

    await drain([citizenId]);
    const document = await search.client.index(search.indexNames.citizens).getDocument(citizenId);
    expect(document).toMatchObject({ competences: ['Opvask i storkøkken', `Kassebetjening ${MARKER}`] });
    expect(JSON.stringify(document)).not.toContain('Slidgigt');
    const matched = await matchCitizensForOpening(consultant, openingIds.ordinary, { q: MARKER, today: TODAY });
    expect(matched.results.map((match) => match.citizenId)).toContain(citizenId);

    // A closed case is not changed, and nothing goes to the outbox.
    const pendingAfterDrain = await pending();
    await handle.db.update(citizens).set({ closedAt: new Date() }).where(eq(citizens.id, citizenId));
    await expect(
      updateOwnWishes(self, { wishes: 'Køkken', competences: [], hoursMin: 5, hoursMax: 10, postcode: '8000', transportMode: 'bike', reachKm: 10, neededAccommodations: [] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await handle.db.select({ competences: citizens.competences }).from(citizens).where(eq(citizens.id, citizenId)))[0]!.competences).toHaveLength(2);
    expect(await pending()).toBe(pendingAfterDrain);
  });

  it('only a citizen may use the citizen pages', async () => {
    await expect(ownProfile(consultant)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('Job til mig', () => {
  it('a fleksjob-visitated citizen who must avoid lifting sees no skånejob and no job with heavy lifting', async () => {
    const jobs = await jobsForCitizen(flexCitizen, { today: TODAY, language: 'da' });
    expect(jobs.source).toBe('meilisearch');
    expect(jobs.kinds.sort()).toEqual(['flexjob', 'ordinary_hours']);
    const ids = jobs.results.map((job) => job.openingId);
    expect(ids).toContain(openingIds.flexLight);
    expect(ids).toContain(openingIds.ordinary);
    expect(ids).not.toContain(openingIds.flexHeavy);
    expect(ids).not.toContain(openingIds.sheltered);
    const light = jobs.results.find((job) => job.openingId === openingIds.flexLight)!;
    expect(light.reasons[0]).toBe('Du ønsker lager og pakning');
    expect(light.reasons).toContain('10–15 t/uge passer til dig (jobbet er på 10–20 t/uge)');
    expect(JSON.stringify(jobs)).not.toContain('Diskusprolaps');
  });

  it('explains in English, and the kind filter narrows the list', async () => {
    const jobs = await jobsForCitizen(flexCitizen, { filters: { kinds: ['flexjob'] }, today: TODAY, language: 'en' });
    expect(jobs.results.map((job) => job.openingId)).toEqual([openingIds.flexLight]);
    expect(jobs.results[0]!.reasons).toContain('10–15 h/week suits you (the job is 10–20 h/week)');
  });

  it('"Jeg er interesseret" reaches the consultant, not the company, until the consultant passes it on', async () => {
    const interest = await expressInterest(flexCitizen, openingIds.flexLight, { today: TODAY });
    expect(interest.created).toBe(true);
    expect((await expressInterest(flexCitizen, openingIds.flexLight, { today: TODAY })).created).toBe(false);
    const [row] = await handle.db.select().from(matchProposals).where(eq(matchProposals.id, interest.proposalId));
    expect(row).toMatchObject({ origin: 'citizen_interest', status: 'citizen_accepted', proposedBy: null });

    const jobs = await jobsForCitizen(flexCitizen, { today: TODAY, language: 'da' });
    expect(jobs.results.find((job) => job.openingId === openingIds.flexLight)!.interest).toBe('interested');
    expect((await citizenPath(flexCitizen, { today: TODAY })).proposals.find((proposal) => proposal.id === interest.proposalId)!.state).toBe('interestPending');

    expect((await companyProposals(companyActor)).map((proposal) => proposal.id)).not.toContain(interest.proposalId);
    const countFor = async () => (await listCompanyOpenings(companyActor, company.id)).openings.find((opening) => opening.id === openingIds.flexLight)!.proposalCount;
    expect(await countFor()).toBe(0);
    await expect(respondAsCompany(companyActor, interest.proposalId, { accept: true })).rejects.toBeInstanceOf(NotFoundError);
    const pending = await pendingInterests(consultant, { citizenId: citizenIds.flex });
    expect(pending.map((entry) => entry.proposalId)).toEqual([interest.proposalId]);
    expect(await pendingInterests(otherConsultant)).not.toContainEqual(expect.objectContaining({ proposalId: interest.proposalId }));
    await expect(forwardCitizenInterest(otherConsultant, interest.proposalId)).rejects.toBeInstanceOf(NotFoundError);

    await forwardCitizenInterest(consultant, interest.proposalId, { today: TODAY });
    const forCompany = (await companyProposals(companyActor)).find((proposal) => proposal.id === interest.proposalId);
    expect(forCompany?.identity?.name).toBe('Lis Fleks');
    expect(await countFor()).toBe(1);
    expect(await pendingInterests(consultant, { citizenId: citizenIds.flex })).toEqual([]);
    expect((await citizenPath(flexCitizen, { today: TODAY })).proposals.find((proposal) => proposal.id === interest.proposalId)!.state).toBe('citizenAccepted');
  });

  it('an interest is not passed on for a citizen who has since become self-supporting, with the reason', async () => {
    const interest = await expressInterest(flexCitizen, openingIds.ordinary, { today: TODAY });
    await handle.db.update(citizens).set({ phase: 'self_supporting' }).where(eq(citizens.id, citizenIds.flex!));
    try {
      const refused = await forwardCitizenInterest(consultant, interest.proposalId, { today: TODAY }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ProposalRefusedError);
      expect((refused as ProposalRefusedError).reasons.join(' ')).toContain('selvforsørgende');
      expect((await companyProposals(companyActor)).map((proposal) => proposal.id)).not.toContain(interest.proposalId);
    } finally {
      await handle.db.update(citizens).set({ phase: 'towards_job' }).where(eq(citizens.id, citizenIds.flex!));
    }
  });

  it('a proposal tells the citizen why the job suits them, spoken to them in their language, not the consultant’s note', async () => {
    const { proposalId } = await expressInterest(flexCitizen, openingIds.flexLight, { today: TODAY });
    const { why } = await ownProposalState(flexCitizen, proposalId, { language: 'da' });
    expect(why?.reasons.slice(0, 3)).toEqual(['Du ønsker lager og pakning', '10–15 t/uge passer til dig (jobbet er på 10–20 t/uge)', '0 km fra dig']);
    expect(JSON.stringify(why)).not.toMatch(/Mangler|borgeren/);
    const english = await ownProposalState(flexCitizen, proposalId, { language: 'en' });
    expect(english.why?.reasons).toContain('10–15 h/week suits you (the job is 10–20 h/week)');
    await expect(ownProposalState(otherCitizen, proposalId, { language: 'da' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an interest the consultant does not pass on: the citizen is told why, the company never saw it, and the citizen may ask again', async () => {
    const interest = await expressInterest(flexCitizen, openingIds.ordinary, { today: TODAY });
    const reason = 'Virksomheden søger en med truckcertifikat.';
    await expect(withdrawProposal(otherConsultant, { proposalId: interest.proposalId, reason })).rejects.toBeInstanceOf(NotFoundError);
    await withdrawProposal(consultant, { proposalId: interest.proposalId, reason });

    expect(await pendingInterests(consultant, { citizenId: citizenIds.flex })).not.toContainEqual(expect.objectContaining({ proposalId: interest.proposalId }));
    expect((await companyProposals(companyActor)).map((proposal) => proposal.id)).not.toContain(interest.proposalId);
    const onPath = (await citizenPath(flexCitizen, { today: TODAY })).proposals.find((proposal) => proposal.id === interest.proposalId);
    expect(onPath).toMatchObject({ state: 'interestDeclined', waitingForCitizen: false });
    const seen = await citizenProposal(flexCitizen, interest.proposalId);
    expect(seen.withdrawnReason).toBe(reason);
    expect(seen.steps.at(-1)).toMatchObject({ label: 'Jobcentret sendte ikke interessen videre', reason });
    await expect(forwardCitizenInterest(consultant, interest.proposalId, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawProposal(consultant, { proposalId: interest.proposalId, reason })).rejects.toBeInstanceOf(ProposalStateError);

    const jobs = await jobsForCitizen(flexCitizen, { today: TODAY, language: 'da' });
    expect(jobs.results.find((job) => job.openingId === openingIds.ordinary)?.interest).toBe('none');
    expect((await expressInterest(flexCitizen, openingIds.ordinary, { today: TODAY })).created).toBe(true);
  });

  it('an opening the citizen may not take cannot be marked as interesting', async () => {
    await expect(expressInterest(flexCitizen, openingIds.flexHeavy, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(expressInterest(flexCitizen, openingIds.sheltered, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(expressInterest(flexCitizen, 'ikke-et-id', { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('another citizen’s proposal is not found', async () => {
    const { proposalId } = await expressInterest(flexCitizen, openingIds.ordinary, { today: TODAY });
    await expect(citizenProposal(otherCitizen, proposalId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Min vej', () => {
  it('shows the active agreement with its next follow-up, the ordinary hours by month, and the consultant', async () => {
    const [agreement] = await handle.db
      .insert(agreements)
      .values({ citizenId: citizenIds.flex, companyId: company.id, openingId: openingIds.ordinary, status: 'active', activatedAt: new Date('2027-01-05T09:00:00Z') })
      .returning({ id: agreements.id });
    await handle.db.insert(agreementVersions).values({
      agreementId: agreement!.id,
      version: 1,
      ordinaryHoursPerWeek: 6,
      internshipHoursPerWeek: 4,
      schedule: { days: ['mon', 'wed'], parts: ['morning'] },
      startDate: '2027-01-05',
      tasks: ['Pakke varer'],
      contactName: 'Kim Kontakt',
      contactRole: 'Lagerchef',
      contactPhone: '+45 12 12 12 12',
      followUpDates: ['2027-02-01', '2027-03-15', '2027-04-15'],
    });
    await handle.db.insert(monthlyHours).values([
      { agreementId: agreement!.id, month: '2027-01-01', ordinaryHours: 22, internshipHours: 16, reportedBy: 'company' },
      { agreementId: agreement!.id, month: '2027-02-01', ordinaryHours: 30, reportedBy: 'company' },
    ]);
    const path = await citizenPath(flexCitizen, { today: TODAY });
    expect(path.agreement).toMatchObject({
      id: agreement!.id,
      status: 'active',
      companyName: company.name,
      ordinaryHoursPerWeek: 6,
      internshipHoursPerWeek: 4,
      tasks: ['Pakke varer'],
      contact: { name: 'Kim Kontakt', role: 'Lagerchef' },
      nextFollowUp: '2027-03-15',
    });
    expect(path.progress.map((row) => [row.month, row.ordinaryHours, row.goalReached])).toEqual([
      ['2027-01-01', 22, false],
      ['2027-02-01', 30, true],
    ]);
    expect(path.consultant).toMatchObject({ name: 'Mette Portal' });
    expect(path.jobcentre.name).toBe(jobcentreName);
    expect((await citizenPath(otherCitizen, { today: TODAY })).agreement).toBeNull();
  });
});

describe('Mine data', () => {
  it('shows the consultant’s read with when, organisation, role and why', async () => {
    await getCitizenForConsultant(consultant, citizenIds.flex, ACCESS_PURPOSES.viewProfile);
    const log = await ownAccessLog(flexCitizen);
    expect(log[0]).toMatchObject({ organisation: jobcentreName, actorRole: 'consultant', action: 'read', purpose: ACCESS_PURPOSES.viewProfile });
    expect(await ownAccessLog(otherCitizen)).not.toContainEqual(expect.objectContaining({ purpose: ACCESS_PURPOSES.viewProfile, at: log[0]!.at }));
  });

  it('downloads all the citizen’s data, without the password hash, and logs the download as an export', async () => {
    const exported = await exportOwnData(flexCitizen);
    expect(exported.profile).toMatchObject({ id: citizenIds.flex, name: 'Lis Fleks', healthNotes: 'Diskusprolaps (følsomt)' });
    expect(exported.proposals.length).toBeGreaterThanOrEqual(2);
    expect(exported.agreements[0]!.versions[0]!.contactName).toBe('Kim Kontakt');
    expect(exported.accessLog.some((entry) => entry.actorRole === 'consultant')).toBe(true);
    expect(JSON.stringify(exported)).not.toContain('passwordHash');
    const [entry] = await handle.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.citizenId, citizenIds.flex), eq(accessLog.action, 'export')));
    expect(entry).toMatchObject({ actorRole: 'citizen', purpose: EXPORT_PURPOSE });
    expect((await ownAccessLog(flexCitizen))[0]).toMatchObject({ action: 'export' });
  });
  it('names who wrote to the case by organisation and role, never by a staff member’s user id', async () => {
    const [citizen] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Eva Eksport', consultantId: consultant.id })).returning();
    const citizenUser = await insertUser('citizen', { citizenId: citizen!.id }, 'Eva Eksport');
    const [agreement] = await handle.db
      .insert(agreements)
      .values({ citizenId: citizen!.id, companyId: company.id, status: 'active', createdBy: consultant.id })
      .returning({ id: agreements.id });
    await handle.db.insert(agreementVersions).values({
      agreementId: agreement!.id,
      version: 1,
      ordinaryHoursPerWeek: 6,
      schedule: { days: ['mon'], parts: ['morning'] },
      startDate: '2027-01-05',
      tasks: ['Pakke varer'],
      contactName: 'Kim Kontakt',
      contactRole: 'Lagerchef',
      followUpDates: ['2027-02-01'],
      createdBy: consultant.id,
      companyConfirmedAt: new Date('2027-01-03T09:00:00Z'),
      companyConfirmedBy: companyActor.id,
      citizenConfirmedAt: new Date('2027-01-04T09:00:00Z'),
      citizenConfirmedBy: citizenUser.id,
    });
    await handle.db.insert(followUps).values({ agreementId: agreement!.id, contactDate: '2027-02-01', withWhom: 'both', channel: 'phone', summary: 'Godt i gang', createdBy: consultant.id });
    await handle.db.insert(monthlyHours).values({ agreementId: agreement!.id, month: '2027-01-01', ordinaryHours: 20, reportedBy: 'company', recordedBy: companyActor.id });

    const exported = await exportOwnData(citizenUser);
    const text = JSON.stringify(exported);
    for (const userId of [consultant.id, companyActor.id, citizenUser.id]) expect(text).not.toContain(userId);
    const [exportedAgreement] = exported.agreements;
    const jobcentreStaff = { organisation: jobcentreName, role: 'Virksomhedskonsulent' };
    expect(exportedAgreement!.createdBy).toEqual(jobcentreStaff);
    expect(exportedAgreement!.versions[0]).toMatchObject({
      createdBy: jobcentreStaff,
      companyConfirmedBy: { organisation: company.name, role: 'Virksomhed' },
      citizenConfirmedBy: { organisation: 'Dig selv', role: 'Borger' },
    });
    expect(exportedAgreement!.followUps[0]!.createdBy).toEqual(jobcentreStaff);
    expect(exportedAgreement!.monthlyHours[0]!.recordedBy).toEqual({ organisation: company.name, role: 'Virksomhed' });
  });

  it('the log comes by Danish day and organisation: an afternoon of 80 searches is one line with its count, every entry kept behind it', async () => {
    const [citizen] = await handle.db.insert(citizens).values(testCitizen(consultant.jobcentreId!, { name: 'Gry Gruppe', consultantId: consultant.id })).returning();
    const citizenUser = await insertUser('citizen', { citizenId: citizen!.id }, 'Gry Gruppe');
    const afternoon = Array.from({ length: 80 }, (_, minute) => ({
      citizenId: citizen!.id,
      actorUserId: consultant.id,
      actorRole: 'consultant' as const,
      organisation: jobcentreName,
      action: 'search' as const,
      purpose: 'Matchning: du blev fundet i en søgning',
      at: new Date(Date.UTC(2027, 2, 10, 13, 0) + minute * 30_000),
    }));
    await handle.db.insert(accessLog).values([
      ...afternoon,
      { citizenId: citizen!.id, actorUserId: companyActor.id, actorRole: 'company', organisation: company.name, action: 'read', purpose: 'Forslag', at: new Date('2027-03-10T15:00:00Z') },
      // 23.30 UTC is half past midnight in Copenhagen: the next day.
      { citizenId: citizen!.id, actorUserId: consultant.id, actorRole: 'consultant', organisation: jobcentreName, action: 'read', purpose: ACCESS_PURPOSES.viewProfile, at: new Date('2027-03-10T23:30:00Z') },
    ]);

    const days = await ownAccessLogByDay(citizenUser);
    expect(days.map((day) => [day.day, day.count])).toEqual([
      ['2027-03-11', 1],
      ['2027-03-10', 81],
    ]);
    const [company10, jobcentre10] = days[1]!.organisations;
    expect(company10).toMatchObject({ organisation: company.name, actions: [{ action: 'read', count: 1 }] });
    expect(jobcentre10).toMatchObject({ organisation: jobcentreName, actions: [{ action: 'search', count: 80 }] });
    expect(jobcentre10!.entries).toHaveLength(80);
    expect(jobcentre10!.entries[0]!.at.getTime()).toBeGreaterThan(jobcentre10!.entries[79]!.at.getTime());
    // Another citizen's log is not mixed in.
    expect((await ownAccessLogByDay(otherCitizen)).flatMap((day) => day.organisations.flatMap((group) => group.entries)).some((entry) => entry.purpose === 'Forslag')).toBe(false);
  });

  it('the readable version is the export with labels instead of codes, and opening it is logged as an export', async () => {
    const [citizen] = await handle.db
      .insert(citizens)
      .values(testCitizen(consultant.jobcentreId!, { name: 'Lea Læsbar', consultantId: consultant.id, transportMode: 'bike', restrictions: ['heavy_lifting'] }))
      .returning();
    const citizenUser = await insertUser('citizen', { citizenId: citizen!.id }, 'Lea Læsbar');
    const token = generateSessionToken();
    await createSession(token, citizenUser.id);
    const request = new Request(`${BASE_URL}/borger/mine-data/udskrift`, { headers: { Cookie: `jobbro_session=${token}` } });
    const page = await printLoader({ request, params: {}, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
    expect(page.exported.profile).toMatchObject({ name: 'Lea Læsbar', transportMode: 'bike' });
    const [entry] = await handle.db.select().from(accessLog).where(and(eq(accessLog.citizenId, citizen!.id), eq(accessLog.action, 'export')));
    expect(entry).toMatchObject({ actorRole: 'citizen', purpose: EXPORT_PURPOSE });
  });
});

describe('demo data', () => {
  it('borger@jobbro.test has wishes, a proposal to answer and entries in the access log at first login', async () => {
    const demo = await createDatabase({});
    try {
      await migrateDatabase(demo);
      await seedDemoData(demo.db, { today: new Date('2027-03-10T09:00:00Z') });
      const [user] = await demo.db.select().from(users).where(eq(users.email, 'borger@jobbro.test'));
      const [citizen] = await demo.db.select().from(citizens).where(eq(citizens.id, user!.citizenId!));
      expect(citizen!.wishes).toMatch(/\S/);
      const proposals = await demo.db.select().from(matchProposals).where(eq(matchProposals.citizenId, citizen!.id));
      expect(proposals.some((proposal) => proposal.status === 'proposed')).toBe(true);
      const log = await accessLogForCitizen(citizen!.id, { executor: demo.db });
      expect(log.map((entry) => entry.actorRole)).toEqual(expect.arrayContaining(['consultant', 'company']));
      expect(log.find((entry) => entry.actorRole === 'consultant')!.organisation).toBe('Jobcenter Aarhus');
    } finally {
      await demo.close();
    }
  }, 120_000);
});
