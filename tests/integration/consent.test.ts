/**
 * The citizen's consent in their own hands, against a real database: giving and withdrawing it (the search
 * outbox row and the access-log row in the same transaction), withdrawal (by the citizen or the consultant)
 * ending every open proposal so that the company can no longer say yes nor get the name, a company that
 * already has the name keeping only that, the citizen taking back a yes before the agreement is signed, and
 * the follow-up dates as .ics for the citizen and the company, their own agreement only.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { citizenProfileSchema, type CitizenProfileInput } from '../../app/domain/citizen-rules';
import { CONSENT_WITHDRAWN_REASON } from '../../app/domain/proposal-rules';
import { loader as citizenCalendarLoader } from '../../app/routes/borger.aftaler.$agreementId.kalender[.]ics';
import { action as citizenConsentAction } from '../../app/routes/borger.samtykke';
import { action as companyProposalAction, loader as companyProposalLoader } from '../../app/routes/virksomhed.forslag.$proposalId';
import { loader as companyCalendarLoader } from '../../app/routes/virksomhed.aftaler.$agreementId.kalender[.]ics';
import type { Actor } from '../../app/services/actor';
import { agreementDraft, agreementSchemaFor, confirmAgreement, createAgreement } from '../../app/services/agreements.server';
import { updateCitizen } from '../../app/services/citizens.server';
import { CONSENT_PURPOSES, ownConsent, OWN_CHANGE_ORGANISATION, setOwnConsent } from '../../app/services/consent.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import {
  citizenProposal,
  companyProposal,
  mayTakeBackOwnYes,
  ProposalStateError,
  respondAsCitizen,
  respondAsCompany,
  takeBackOwnYes,
  WITHDRAWN_FOR_COMPANY,
} from '../../app/services/proposals.server';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, agreements, citizens, matchProposals, openings, searchOutbox, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const BASE = 'http://localhost:3000';

let handle: DatabaseHandle;
let jobcentre: { id: string; name: string };
let consultant: Actor;
let companyActor: Actor;
let otherCompanyActor: Actor;
let companyId: string;
let formerEmployerId: string;
const cookies = new Map<string, string>();

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, passwordHash: 'x', ...links })
    .returning();
  const actor: Actor = { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
  const token = generateSessionToken();
  await createSession(token, actor.id);
  cookies.set(actor.id, `jobbro_session=${token}`);
  return actor;
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
const get = (actor: Actor, path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookies.get(actor.id)! } });
const post = (actor: Actor, path: string, form: Record<string, string>) =>
  new Request(`${BASE}${path}`, { method: 'POST', body: new URLSearchParams(form), headers: { Cookie: cookies.get(actor.id)!, 'Content-Type': 'application/x-www-form-urlencoded' } });

/** A status code from a loader or action that threw its answer (a Response, or Remix's data()). */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    const answer = await promise;
    return answer instanceof Response ? answer.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (thrown && typeof thrown === 'object' && 'init' in thrown) return (thrown as { init: { status: number } | null }).init?.status ?? 200;
    throw thrown;
  }
}

async function newCitizen(overrides: Partial<typeof citizens.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentre.id, { consultantId: consultant.id, name: `Sam Samtykke ${randomUUID().slice(0, 4)}`, ...overrides }))
    .returning({ id: citizens.id });
  const actor = await insertUser('citizen', { citizenId: row!.id }, 'Sam Samtykke');
  return { id: row!.id, actor };
}

async function newOpening() {
  const [row] = await handle.db.insert(openings).values(testOpening(companyId, { slots: 5 })).returning({ id: openings.id });
  return row!.id;
}

type ProposalStatus = (typeof matchProposals.$inferSelect)['status'];

/** A proposal as the consultant's proposing and the answers would have left it. */
async function proposalIn(citizenId: string, status: ProposalStatus) {
  const now = new Date();
  const citizenSaidYes = status === 'citizen_accepted' || status === 'accepted';
  const companySaidYes = status === 'company_accepted' || status === 'accepted';
  const [row] = await handle.db
    .insert(matchProposals)
    .values({
      openingId: await newOpening(),
      citizenId,
      proposedBy: consultant.id,
      origin: 'consultant',
      status,
      explanation: 'Passer på timer og opgaver.',
      citizenAcceptedAt: citizenSaidYes ? now : null,
      companyAcceptedAt: companySaidYes ? now : null,
    })
    .returning({ id: matchProposals.id });
  return row!.id;
}

async function statusOfProposal(id: string) {
  const [row] = await handle.db.select({ status: matchProposals.status, reason: matchProposals.withdrawnReason }).from(matchProposals).where(eq(matchProposals.id, id));
  return row!;
}

async function outboxRowsFor(citizenId: string, since: Date) {
  return handle.db
    .select({ id: searchOutbox.id })
    .from(searchOutbox)
    .where(and(eq(searchOutbox.entity, 'citizen'), eq(searchOutbox.entityId, citizenId), gte(searchOutbox.createdAt, since)));
}

async function consentRowsFor(citizenId: string) {
  return handle.db
    .select({ purpose: accessLog.purpose, role: accessLog.actorRole, organisation: accessLog.organisation, action: accessLog.action })
    .from(accessLog)
    .where(eq(accessLog.citizenId, citizenId));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  jobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  companyId = company.id;
  formerEmployerId = (await insertTestCompany(handle.db)).id;
  const otherCompany = await insertTestCompany(handle.db);
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id }, 'Mette Samtykke');
  companyActor = await insertUser('company', { companyId: company.id }, 'Bo Virksomhed');
  otherCompanyActor = await insertUser('company', { companyId: otherCompany.id }, 'Anden Virksomhed');
});

afterAll(async () => {
  await handle?.close();
});

describe('the citizen withdraws consent on their own page', () => {
  it('ends every open proposal: the company is refused a yes, sees "trukket tilbage" without answer buttons, and loses the summary', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const open = await proposalIn(citizenId, 'proposed');
    const companySaidYes = await proposalIn(citizenId, 'company_accepted');
    const citizenSaidYes = await proposalIn(citizenId, 'citizen_accepted');
    const bothSaidYes = await proposalIn(citizenId, 'accepted');
    const before = new Date(Date.now() - 1000);

    const answer = await citizenConsentAction(args(post(citizen, '/borger/samtykke', { consent: 'withdraw' })));
    expect(answer.headers.get('Location')).toBe('/borger/samtykke?gemt=trukket&afsluttet=3');

    const [row] = await handle.db.select({ consent: citizens.consentToShare, at: citizens.consentUpdatedAt }).from(citizens).where(eq(citizens.id, citizenId));
    expect(row!.consent).toBe(false);
    expect(row!.at!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    // Out of matching: the search outbox has the citizen's row from the same transaction.
    expect(await outboxRowsFor(citizenId, before)).toHaveLength(1);
    // The change is in the access log, as the citizen's own.
    expect(await consentRowsFor(citizenId)).toEqual([{ purpose: CONSENT_PURPOSES.withdrawn, role: 'citizen', organisation: OWN_CHANGE_ORGANISATION, action: 'change' }]);

    for (const id of [open, companySaidYes, citizenSaidYes]) expect(await statusOfProposal(id)).toEqual({ status: 'withdrawn', reason: CONSENT_WITHDRAWN_REASON });
    // Both said yes: not open, it is the agreement's to end.
    expect((await statusOfProposal(bothSaidYes)).status).toBe('accepted');

    await expect(respondAsCompany(companyActor, open, { accept: true })).rejects.toThrow(WITHDRAWN_FOR_COMPANY);
    const refused = await companyProposalAction(args(post(companyActor, `/virksomhed/forslag/${open}`, { answer: 'accept', reason: '' }), { proposalId: open }));
    expect(refused).toMatchObject({ init: { status: 409 }, data: { stateError: WITHDRAWN_FOR_COMPANY } });
    expect((await statusOfProposal(open)).status).toBe('withdrawn');

    for (const id of [open, companySaidYes, citizenSaidYes]) {
      const { proposal } = await companyProposalLoader(args(get(companyActor, `/virksomhed/forslag/${id}`), { proposalId: id }));
      expect(proposal).toMatchObject({ status: 'withdrawn', mayRespond: false, candidate: null, identity: null });
      // The company is told only that it was withdrawn, not why.
      expect(proposal.steps.at(-1)).toMatchObject({ label: 'Trukket tilbage', reason: null });
    }
    // A company that already has the name keeps only that: what the agreement needs.
    const kept = await companyProposal(companyActor, bothSaidYes);
    expect(kept.identity?.name).toMatch(/^Sam Samtykke/);
    expect(kept.candidate).toBeNull();

    // The citizen reads why on their own proposal.
    const seen = await citizenProposal(citizen, citizenSaidYes);
    expect(seen.steps.at(-1)).toMatchObject({ label: 'Afsluttet, da samtykket blev trukket tilbage' });
  });

  it('an open proposal left from before this rule (consent already off) counts as withdrawn for the company too', async () => {
    const { id: citizenId } = await newCitizen({ consentToShare: false });
    const legacy = await proposalIn(citizenId, 'proposed');
    expect(await companyProposal(companyActor, legacy)).toMatchObject({ status: 'withdrawn', mayRespond: false, candidate: null, identity: null });
    await expect(respondAsCompany(companyActor, legacy, { accept: true })).rejects.toBeInstanceOf(ProposalStateError);
    expect((await statusOfProposal(legacy)).status).toBe('proposed');
  });

  it('giving consent again writes the outbox and the log; saying the same twice changes nothing; the history says when and by whom', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen({ consentToShare: false });
    const before = new Date(Date.now() - 1000);
    expect(await setOwnConsent(citizen, true)).toEqual({ changed: true, endedProposals: 0 });
    expect(await setOwnConsent(citizen, true)).toEqual({ changed: false, endedProposals: 0 });
    expect(await outboxRowsFor(citizenId, before)).toHaveLength(1);
    expect(await consentRowsFor(citizenId)).toEqual([{ purpose: CONSENT_PURPOSES.given, role: 'citizen', organisation: OWN_CHANGE_ORGANISATION, action: 'change' }]);
    await setOwnConsent(citizen, false, { now: new Date(Date.now() + 1000) });

    const consent = await ownConsent(citizen);
    expect(consent.consentToShare).toBe(false);
    expect(consent.history.map((entry) => ({ given: entry.given, byCitizen: entry.byCitizen }))).toEqual([
      { given: false, byCitizen: true },
      { given: true, byCitizen: true },
    ]);
  });

  it('only a citizen has a consent page of their own', async () => {
    await expect(ownConsent(consultant)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setOwnConsent(companyActor, false)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await statusOf(citizenConsentAction(args(post(consultant, '/borger/samtykke', { consent: 'withdraw' }))))).toBe(403);
  });
});

describe('the consultant withdraws consent on the citizen form', () => {
  const schema = citizenProfileSchema({ today: '2027-01-10', postcodeExists: (code) => code === '8000' });
  const profile = (consentToShare: string): CitizenProfileInput =>
    schema.parse({
      name: 'Kim Konsulentrettet',
      email: `kim-${randomUUID()}@jobbro.test`,
      phone: '20 30 40 50',
      postcode: '8000',
      transportMode: 'public_transport',
      reachKm: '12',
      benefitStatus: 'cash_benefit_activity_ready',
      hoursMin: '5',
      hoursMax: '10',
      wishes: 'Lager',
      competences: 'Truckcertifikat',
      languages: '',
      danishLevel: 'native',
      restrictions: [],
      neededAccommodations: [],
      healthNotes: '',
      consentToShare,
      phase: 'towards_job',
      excludedEmployerId: formerEmployerId,
      consultantId: consultant.id,
    });

  it('ends the open proposals the same way, and the citizen sees the jobcentre made the change', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const open = await proposalIn(citizenId, 'proposed');
    const before = new Date(Date.now() - 1000);
    await updateCitizen(consultant, citizenId, profile(''));
    expect(await statusOfProposal(open)).toEqual({ status: 'withdrawn', reason: CONSENT_WITHDRAWN_REASON });
    expect(await outboxRowsFor(citizenId, before)).toHaveLength(1);
    const [change] = (await ownConsent(citizen)).history;
    expect(change).toMatchObject({ given: false, byCitizen: false, organisation: jobcentre.name, role: 'consultant' });
    // Saving the form again without a change of consent adds no consent row.
    await updateCitizen(consultant, citizenId, profile(''));
    expect((await ownConsent(citizen)).history).toHaveLength(1);
  });
});

describe('the citizen takes back a yes before the agreement is signed', () => {
  it('a yes the company has not answered: the proposal ends as the citizen’s no and the company no longer sees the name', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const proposalId = await proposalIn(citizenId, 'citizen_accepted');
    expect((await companyProposal(companyActor, proposalId)).identity).not.toBeNull();
    expect(await mayTakeBackOwnYes(citizen, proposalId)).toBe(true);

    await takeBackOwnYes(citizen, proposalId);
    expect((await statusOfProposal(proposalId)).status).toBe('citizen_declined');
    expect(await companyProposal(companyActor, proposalId)).toMatchObject({ identity: null, candidate: null, mayRespond: false });
    expect((await citizenProposal(citizen, proposalId)).steps.at(-1)?.label).toBe('Borgeren trak sit ja tilbage');
    await expect(takeBackOwnYes(citizen, proposalId)).rejects.toBeInstanceOf(ProposalStateError);
  });

  it('after both said yes and an agreement waits for confirmation: the agreement ends too; once signed it cannot be taken back', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const waiting = await proposalIn(citizenId, 'accepted');
    const draft = await agreementDraft(consultant, { proposalId: waiting });
    const { id: agreementId } = await createAgreement(consultant, { proposalId: waiting }, agreementSchemaFor(draft).parse(draft.values), { send: true });

    await takeBackOwnYes(citizen, waiting);
    const [ended] = await handle.db.select({ status: agreements.status }).from(agreements).where(eq(agreements.id, agreementId));
    expect(ended!.status).toBe('ended');

    const signed = await proposalIn(citizenId, 'accepted');
    const signedDraft = await agreementDraft(consultant, { proposalId: signed });
    const { id: signedId } = await createAgreement(consultant, { proposalId: signed }, agreementSchemaFor(signedDraft).parse(signedDraft.values), { send: true });
    await confirmAgreement(companyActor, signedId);
    await confirmAgreement(citizen, signedId);
    expect(await mayTakeBackOwnYes(citizen, signed)).toBe(false);
    await expect(takeBackOwnYes(citizen, signed)).rejects.toBeInstanceOf(ProposalStateError);
    expect((await statusOfProposal(signed)).status).toBe('accepted');
  });

  it('not before a yes, and never another citizen’s proposal', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const { actor: otherCitizen } = await newCitizen();
    const unanswered = await proposalIn(citizenId, 'proposed');
    expect(await mayTakeBackOwnYes(citizen, unanswered)).toBe(false);
    await expect(takeBackOwnYes(citizen, unanswered)).rejects.toBeInstanceOf(ProposalStateError);
    const mine = await proposalIn(citizenId, 'citizen_accepted');
    await expect(takeBackOwnYes(otherCitizen, mine)).rejects.toBeInstanceOf(NotFoundError);
    expect(await mayTakeBackOwnYes(otherCitizen, mine)).toBe(false);
    // Saying no to an open proposal is still the answer, not a take-back.
    await respondAsCitizen(citizen, unanswered, { accept: false });
    expect((await citizenProposal(citizen, unanswered)).steps.at(-1)?.label).toBe('Borgeren sagde nej');
  });
});

describe('the follow-up dates as .ics for the citizen and the company', () => {
  async function sentAgreement(citizenId: string) {
    const source = { citizenId, openingId: await newOpening() };
    const draft = await agreementDraft(consultant, source);
    return (await createAgreement(consultant, source, agreementSchemaFor(draft).parse(draft.values), { send: true })).id;
  }

  it('the citizen and the company each get their own agreement’s dates, without health notes; the company’s download is logged', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen({ healthNotes: 'Hemmelig diagnose Q' });
    const agreementId = await sentAgreement(citizenId);
    const path = `/aftaler/${agreementId}/kalender.ics`;

    const own = await citizenCalendarLoader(args(get(citizen, `/borger${path}`), { agreementId }));
    expect(own.status).toBe(200);
    expect(own.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const citizenFile = await own.text();
    expect(citizenFile).toContain('BEGIN:VEVENT');
    expect(citizenFile).toContain('SUMMARY:Opfølgning på din aftale med');
    expect(citizenFile).not.toContain('Hemmelig diagnose');

    const readsBefore = (await consentRowsFor(citizenId)).filter((row) => row.action === 'read').length;
    const company = await companyCalendarLoader(args(get(companyActor, `/virksomhed${path}`), { agreementId }));
    expect(company.status).toBe(200);
    const companyFile = await company.text();
    expect(companyFile).toContain('BEGIN:VEVENT');
    expect(companyFile).not.toContain('Hemmelig diagnose');
    expect((await consentRowsFor(citizenId)).filter((row) => row.action === 'read')).toHaveLength(readsBefore + 1);
  });

  it('another citizen’s, another company’s, a draft and a bad id are not found; another role is forbidden', async () => {
    const { id: citizenId, actor: citizen } = await newCitizen();
    const { actor: otherCitizen } = await newCitizen();
    const agreementId = await sentAgreement(citizenId);
    const source = { citizenId, openingId: await newOpening() };
    const draft = await agreementDraft(consultant, source);
    const { id: draftId } = await createAgreement(consultant, source, agreementSchemaFor(draft).parse(draft.values), { send: false });

    const citizenFile = (actor: Actor, id: string) => statusOf(citizenCalendarLoader(args(get(actor, `/borger/aftaler/${id}/kalender.ics`), { agreementId: id })));
    const companyFile = (actor: Actor, id: string) => statusOf(companyCalendarLoader(args(get(actor, `/virksomhed/aftaler/${id}/kalender.ics`), { agreementId: id })));
    expect(await citizenFile(otherCitizen, agreementId)).toBe(404);
    expect(await citizenFile(citizen, draftId)).toBe(404);
    expect(await citizenFile(citizen, 'ikke-et-id')).toBe(404);
    expect(await companyFile(otherCompanyActor, agreementId)).toBe(404);
    expect(await companyFile(companyActor, draftId)).toBe(404);
    expect(await citizenFile(companyActor, agreementId)).toBe(403);
    expect(await companyFile(citizen, agreementId)).toBe(403);
  });
});
