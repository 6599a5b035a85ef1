/**
 * "Venter på dig" against a real database: each role's list holds what waits for that user and nothing that
 * does not (a company never sees a candidate's name, nor an interest not passed on, nor a proposal whose
 * citizen withdrew consent; a consultant of another jobcentre sees nothing of ours), and "Jeg har set dem"
 * clears the new companies and openings.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitingGroup } from '../../app/domain/waiting';
import type { Actor } from '../../app/services/actor';
import { ForbiddenError } from '../../app/services/errors.server';
import { markNewAsSeen, waitingForCitizen, waitingForCompany, waitingForConsultant } from '../../app/services/waiting.server';
import type { DatabaseHandle } from '../../db/client';
import { agreements, agreementVersions, citizens, matchProposals, monthlyHours, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const TODAY = '2027-05-12';
const NOW = new Date('2027-05-12T10:00:00Z');

let handle: DatabaseHandle;
let consultant: Actor;
let otherConsultant: Actor;
let companyActor: Actor;
let citizenActor: Actor;
let citizenId: string;
let citizenName: string;
let companyId: string;
let openingIds: string[];

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name: `${role} ${randomUUID().slice(0, 4)}`, role, passwordHash: 'x', ...links })
    .returning();
  return { id: user!.id, name: user!.name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

const ids = (groups: WaitingGroup[], kind: string) => groups.find((group) => group.kind === kind)?.items.map((item) => item.id) ?? [];

async function insertAgreement(
  status: 'awaiting_confirmation' | 'active',
  version: { startDate: string; companyConfirmedAt?: Date | null; citizenConfirmedAt?: Date | null; version?: number }
) {
  const [agreement] = await handle.db
    .insert(agreements)
    .values({
      citizenId,
      companyId,
      openingId: openingIds[0],
      status,
      currentVersion: version.version ?? 1,
      activatedAt: status === 'active' ? new Date('2027-01-05T08:00:00Z') : null,
    })
    .returning();
  await handle.db.insert(agreementVersions).values({
    agreementId: agreement!.id,
    version: version.version ?? 1,
    ordinaryHoursPerWeek: 6,
    schedule: { days: ['mon'], parts: ['morning'] },
    startDate: version.startDate,
    tasks: ['Pakke varer'],
    contactName: 'Kim Kontakt',
    contactRole: 'Lagerchef',
    followUpDates: [],
    companyConfirmedAt: version.companyConfirmedAt ?? null,
    citizenConfirmedAt: version.citizenConfirmedAt ?? null,
  });
  return agreement!.id;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  const otherJobcentre = await insertTestJobcentre(handle.db);
  consultant = await insertUser('consultant', { jobcentreId: jobcentre.id });
  otherConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id });
  const company = await insertTestCompany(handle.db);
  companyId = company.id;
  companyActor = await insertUser('company', { companyId });
  citizenName = `Vera Venter ${randomUUID().slice(0, 4)}`;
  const [citizen] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentre.id, { consultantId: consultant.id, name: citizenName }))
    .returning();
  citizenId = citizen!.id;
  citizenActor = await insertUser('citizen', { citizenId });
  const rows = await handle.db
    .insert(openings)
    .values([0, 1, 2, 3, 4].map((index) => testOpening(companyId, { title: `Venteopslag ${index} ${randomUUID().slice(0, 4)}`, slots: 3 })))
    .returning({ id: openings.id });
  openingIds = rows.map((row) => row.id);
});

afterAll(async () => {
  await handle?.close();
});

describe('what waits for the citizen', () => {
  it('lists every proposal to answer and every agreement or new version to confirm, and nothing answered', async () => {
    const [proposed, companySaidYes, answered] = await handle.db
      .insert(matchProposals)
      .values([
        { openingId: openingIds[0]!, citizenId, proposedBy: consultant.id, status: 'proposed', createdAt: new Date('2027-05-02T08:00:00Z') },
        { openingId: openingIds[1]!, citizenId, proposedBy: consultant.id, status: 'company_accepted', createdAt: new Date('2027-05-01T08:00:00Z') },
        { openingId: openingIds[2]!, citizenId, proposedBy: consultant.id, status: 'citizen_accepted' },
      ])
      .returning({ id: matchProposals.id });
    const newVersion = await insertAgreement('awaiting_confirmation', { startDate: '2027-06-01', version: 2, companyConfirmedAt: NOW });
    const confirmedByCitizen = await insertAgreement('awaiting_confirmation', { startDate: '2027-06-01', citizenConfirmedAt: NOW });

    const groups = await waitingForCitizen(citizenActor);
    // The agreement to confirm before the proposals; within proposals, the oldest first.
    expect(groups.map((group) => group.kind)).toEqual(['confirmAgreement', 'answerProposal']);
    expect(ids(groups, 'answerProposal')).toEqual([companySaidYes!.id, proposed!.id]);
    expect(ids(groups, 'answerProposal')).not.toContain(answered!.id);
    expect(groups[1]!.items[0]).toMatchObject({ note: 'companySaidYes', href: `/borger/forslag/${companySaidYes!.id}` });
    expect(ids(groups, 'confirmAgreement')).toEqual([newVersion]);
    expect(ids(groups, 'confirmAgreement')).not.toContain(confirmedByCitizen);
    expect(groups[0]!.items[0]).toMatchObject({ version: 2, href: `/borger/aftaler/${newVersion}` });
  });

  it('is the citizen’s own only', async () => {
    await expect(waitingForCitizen(companyActor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('what waits for the company', () => {
  it('lists candidates to answer without any name, never an interest not passed on nor a citizen without consent', async () => {
    const [noConsent] = await handle.db
      .insert(citizens)
      .values(testCitizen(consultant.jobcentreId!, { consultantId: consultant.id, name: `Uden Samtykke ${randomUUID().slice(0, 4)}`, consentToShare: false }))
      .returning();
    const [candidate, saidYes, interest, withoutConsent] = await handle.db
      .insert(matchProposals)
      .values([
        { openingId: openingIds[3]!, citizenId, proposedBy: consultant.id, status: 'proposed' },
        { openingId: openingIds[4]!, citizenId, proposedBy: consultant.id, status: 'citizen_accepted', citizenAcceptedAt: NOW },
        { openingId: openingIds[4]!, citizenId, proposedBy: null, origin: 'citizen_interest', status: 'citizen_accepted', citizenAcceptedAt: NOW },
        { openingId: openingIds[3]!, citizenId: noConsent!.id, proposedBy: consultant.id, status: 'proposed' },
      ])
      .returning({ id: matchProposals.id });

    const groups = await waitingForCompany(companyActor, { today: TODAY });
    const candidates = ids(groups, 'answerCandidate');
    expect(candidates).toEqual(expect.arrayContaining([candidate!.id, saidYes!.id]));
    expect(candidates).not.toContain(interest!.id);
    expect(candidates).not.toContain(withoutConsent!.id);
    expect(groups.find((group) => group.kind === 'answerCandidate')!.items.find((item) => item.id === saidYes!.id)).toMatchObject({ note: 'citizenSaidYes' });
    // No name, phone or e-mail anywhere in what the company's start page gets.
    const text = JSON.stringify(groups);
    expect(text).not.toContain(citizenName);
    expect(text).not.toContain('Uden Samtykke');
    expect(text).not.toContain('+45 11 22 33 44');
  });

  it('lists agreements to confirm and the months of an active agreement without hours', async () => {
    const toConfirm = await insertAgreement('awaiting_confirmation', { startDate: '2027-06-01', citizenConfirmedAt: NOW });
    const active = await insertAgreement('active', { startDate: '2027-02-10', companyConfirmedAt: NOW, citizenConfirmedAt: NOW });
    await handle.db.insert(monthlyHours).values({ agreementId: active, month: '2027-03-01', ordinaryHours: 20, reportedBy: 'company' });

    const groups = await waitingForCompany(companyActor, { today: TODAY });
    expect(ids(groups, 'confirmAgreement')).toContain(toConfirm);
    // February and April are over without hours; March has them; May is not over.
    expect(ids(groups, 'reportHours')).toEqual([`${active}:2027-02-01`, `${active}:2027-04-01`]);
    expect(groups.map((group) => group.kind).indexOf('confirmAgreement')).toBeLessThan(groups.map((group) => group.kind).indexOf('answerCandidate'));
  });

  it('is the company’s own only', async () => {
    const other = await insertUser('company', { companyId: (await insertTestCompany(handle.db)).id });
    const groups = await waitingForCompany(other, { today: TODAY });
    expect(groups).toEqual([]);
  });
});

describe('what waits for the consultant', () => {
  it('lists proposals both said yes to, interests to pass on and quiet openings; another jobcentre sees none of ours', async () => {
    const [accepted, interest] = await handle.db
      .insert(matchProposals)
      .values([
        { openingId: openingIds[1]!, citizenId, proposedBy: consultant.id, status: 'accepted', companyAcceptedAt: NOW, citizenAcceptedAt: NOW },
        {
          openingId: openingIds[2]!,
          citizenId,
          proposedBy: null,
          origin: 'citizen_interest',
          status: 'citizen_accepted',
          citizenAcceptedAt: NOW,
          createdAt: new Date('1991-01-01T08:00:00Z'),
        },
      ])
      .returning({ id: matchProposals.id });
    const company = await insertTestCompany(handle.db);
    const [quiet, proposedFor] = await handle.db
      .insert(openings)
      .values([
        testOpening(company.id, { title: 'Stille job', publishedAt: new Date(`1990-01-01T08:00:${String(Math.floor(Math.random() * 59)).padStart(2, '0')}Z`) }),
        testOpening(company.id, { title: 'Job med kandidat', publishedAt: new Date('1990-01-01T08:00:00Z') }),
      ])
      .returning({ id: openings.id });
    await handle.db.insert(matchProposals).values({ openingId: proposedFor!.id, citizenId, proposedBy: consultant.id, status: 'proposed' });

    const { groups } = await waitingForConsultant(consultant, { today: TODAY, now: NOW });
    expect(ids(groups, 'writeAgreement')).toContain(accepted!.id);
    expect(groups.find((group) => group.kind === 'writeAgreement')!.items.find((item) => item.id === accepted!.id)!.href).toBe(
      `/konsulent/aftaler/ny?forslag=${accepted!.id}`
    );
    expect(ids(groups, 'passOnInterest')).toContain(interest!.id);
    expect(ids(groups, 'openingWithoutCandidate')).toContain(quiet!.id);
    expect(ids(groups, 'openingWithoutCandidate')).not.toContain(proposedFor!.id);

    const other = await waitingForConsultant(otherConsultant, { today: TODAY, now: NOW });
    const theirs = JSON.stringify(other.groups.filter((group) => !['openingWithoutCandidate', 'newOpening', 'newCompany'].includes(group.kind)));
    expect(theirs).not.toContain(accepted!.id);
    expect(theirs).not.toContain(interest!.id);
    expect(JSON.stringify(other.groups)).not.toContain(citizenName);
  });

  it('shows new companies until the consultant says they have seen them', async () => {
    const now = new Date();
    await handle.db
      .update(users)
      .set({ newSeenAt: new Date(now.getTime() - 1000) })
      .where(eq(users.id, consultant.id));
    const company = await insertTestCompany(handle.db);
    const before = await waitingForConsultant(consultant, { now });
    expect(ids(before.groups, 'newCompany')).toContain(company.id);
    await markNewAsSeen(consultant, new Date(Date.now() + 1000));
    const after = await waitingForConsultant(consultant, { now });
    expect(ids(after.groups, 'newCompany')).not.toContain(company.id);
  });
});
