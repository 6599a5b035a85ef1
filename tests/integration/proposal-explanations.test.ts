/**
 * A proposal's explanation after the citizen changed their hours: the consultant's lists explain an open
 * proposal as the rows are now and say plainly that the hours no longer fit, with what was said when it was
 * proposed beside it; the company still sees only the anonymous summary; the citizen is told in their own
 * words. Each test proposes its own citizen for a shared opening.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, citizens, matchProposals, openings, users } from '../../db/schema';
import type { Actor } from '../../app/services/actor';
import { ownProposalState, updateOwnWishes } from '../../app/services/citizen-portal.server';
import {
  citizenProposal,
  companyProposal,
  companyProposals,
  PROPOSAL_PURPOSES,
  proposalsForCitizen,
  proposalsForOpening,
  proposeCitizen,
  respondAsCitizen,
  withdrawProposal,
} from '../../app/services/proposals.server';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, placeAt, testCitizen, testOpening } from '../helpers/database';

const TODAY = '2027-03-10';
const HEALTH_NOTE = 'Hjerteflimmer (følsomt)';
const TITLE = 'Lagermedarbejder i fleksjob';
/** What the citizen can work when proposed, and what they write on "Mine ønsker" afterwards. */
const WISHES = { wishes: 'Lager og pakkeri', competences: ['Plukning med håndscanner'], postcode: '8230', transportMode: 'bike' as const, reachKm: 15, neededAccommodations: ['extra_breaks' as const] };
const NO_LONGER_FITS = 'Timerne passer ikke: borgeren kan arbejde 25–30 t/uge, og jobbet er på 10–20 t/uge.';

let handle: DatabaseHandle;
let jobcentreId: string;
let consultant: Actor;
let companyActor: Actor;
let company: { id: string; name: string };
let openingId: string;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

/** A citizen 2,2 km from the warehouse who works 10–15 hours, proposed for it; the citizen's own login too. */
async function proposedCitizen(name: string) {
  const [row] = await handle.db
    .insert(citizens)
    .values(
      testCitizen(jobcentreId, {
        name,
        benefitStatus: 'flexjob_unemployment',
        flexjobVisitationUntil: '2027-12-31',
        ...placeAt(WISHES.postcode),
        reachKm: WISHES.reachKm,
        hoursMin: 10,
        hoursMax: 15,
        wishes: WISHES.wishes,
        competences: ['Plukning med håndscanner'],
        restrictions: ['noise'],
        neededAccommodations: [...WISHES.neededAccommodations],
        healthNotes: HEALTH_NOTE,
      }),
    )
    .returning({ id: citizens.id });
  const citizenId = row!.id;
  const self = await insertUser('citizen', { citizenId }, name);
  const { id: proposalId } = await proposeCitizen(consultant, { openingId, citizenId }, { today: TODAY });
  const [stored] = await handle.db.select({ explanation: matchProposals.explanation }).from(matchProposals).where(eq(matchProposals.id, proposalId));
  return { citizenId, self, proposalId, stored: stored!.explanation };
}

/** The citizen now works 25–30 hours a week, as they write it on "Mine ønsker". */
const changeHoursTo25to30 = (self: Actor) => updateOwnWishes(self, { ...WISHES, neededAccommodations: [...WISHES.neededAccommodations], hoursMin: 25, hoursMax: 30 });

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreId = jobcentre.id;
  company = await insertTestCompany(handle.db, `Forklaring Lager ${randomUUID().slice(0, 6)} A/S`);
  consultant = await insertUser('consultant', { jobcentreId }, 'Mette Forklaring');
  companyActor = await insertUser('company', { companyId: company.id }, 'Bo Forklaring');
  const [opening] = await handle.db
    .insert(openings)
    .values(
      testOpening(company.id, {
        kind: 'flexjob',
        title: TITLE,
        tasks: ['Plukke ordrer', 'Pakke paller'],
        hoursMin: 10,
        hoursMax: 20,
        slots: 5,
        demands: ['prolonged_standing'],
        accommodations: ['extra_breaks'],
      }),
    )
    .returning({ id: openings.id });
  openingId = opening!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe('the consultant’s lists', () => {
  it('explain an open proposal as it is now: after the citizen’s hours change, the hours no longer fit, and what was said when it was proposed', async () => {
    const anna = await proposedCitizen('Anna Timeskift');
    const before = (await proposalsForOpening(consultant, openingId, { today: TODAY })).find((proposal) => proposal.id === anna.proposalId)!;
    expect(anna.stored).toBe('Ønsker lager og pakkeri · Erfaring: plukning med håndscanner · 10–15 t/uge passer (10–20) · 2,2 km · ekstra pauser tilbydes');
    expect(before.explanation).toEqual({ summary: anna.stored, missing: [], noLongerFits: [], atProposal: null });

    await changeHoursTo25to30(anna.self);

    const forOpening = (await proposalsForOpening(consultant, openingId, { today: TODAY })).find((proposal) => proposal.id === anna.proposalId)!;
    expect(forOpening.explanation).toEqual({
      summary: 'Ønsker lager og pakkeri · Erfaring: plukning med håndscanner · 2,2 km · ekstra pauser tilbydes',
      missing: [],
      noLongerFits: [NO_LONGER_FITS],
      atProposal: anna.stored,
    });
    const [forCitizen] = await proposalsForCitizen(consultant, anna.citizenId, { today: TODAY });
    expect(forCitizen!.explanation).toEqual(forOpening.explanation);
    expect(JSON.stringify(forOpening)).not.toContain(HEALTH_NOTE);
  });

  it('say nothing about the time of the proposal while nothing changed, and explain nothing once a proposal is over', async () => {
    const steady = await proposedCitizen('Bo Stabil');
    const over = await proposedCitizen('Cille Trukket');
    await withdrawProposal(consultant, { proposalId: over.proposalId, reason: 'Cille er startet i et andet job.' });
    const list = await proposalsForOpening(consultant, openingId, { today: TODAY });
    expect(list.find((proposal) => proposal.id === steady.proposalId)!.explanation).toMatchObject({ noLongerFits: [], atProposal: null });
    expect(list.find((proposal) => proposal.id === over.proposalId)!.explanation).toBeNull();
  });

  it('log a read for each citizen whose open proposal they explained, under the opening, and none for a proposal that is over', async () => {
    const open = await proposedCitizen('Dan Læst');
    const over = await proposedCitizen('Eva Afsluttet');
    await withdrawProposal(consultant, { proposalId: over.proposalId, reason: 'Eva flytter.' });
    const purpose = PROPOSAL_PURPOSES.consultantRead(TITLE, company.name);
    const readsOf = (citizenId: string) =>
      handle.db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.citizenId, citizenId), eq(accessLog.actorUserId, consultant.id), eq(accessLog.purpose, purpose)));

    await proposalsForOpening(consultant, openingId, { today: TODAY });
    expect((await readsOf(open.citizenId)).map((row) => [row.action, row.actorRole, row.organisation])).toEqual([['read', 'consultant', expect.any(String)]]);
    expect(await readsOf(over.citizenId)).toEqual([]);
    await proposalsForCitizen(consultant, open.citizenId, { today: TODAY });
    expect(await readsOf(open.citizenId)).toHaveLength(2);
  });
});

describe('the company’s view', () => {
  it('shows the summary as it is now, no name before the citizen accepts, and never health notes or the explanation', async () => {
    const frida = await proposedCitizen('Frida Skjult');
    await changeHoursTo25to30(frida.self);

    const listed = (await companyProposals(companyActor)).find((proposal) => proposal.id === frida.proposalId)!;
    const seen = await companyProposal(companyActor, frida.proposalId);
    expect(seen.identity).toBeNull();
    expect(seen.candidate).toEqual({
      wishes: WISHES.wishes,
      competences: ['Plukning med håndscanner'],
      hoursMin: 25,
      hoursMax: 30,
      languages: [{ language: 'dansk', level: 'native' }],
      danishLevel: expect.any(String),
      drivingLicence: expect.any(Boolean),
      accommodations: [{ code: 'extra_breaks', offered: true }],
    });
    for (const view of [listed, seen]) {
      const text = JSON.stringify(view);
      for (const secret of ['Frida Skjult', HEALTH_NOTE, 'noise', 'Støj', frida.stored, 'Timerne passer ikke', 'Ved forslaget', 'borgeren']) expect(text).not.toContain(secret);
    }

    await respondAsCitizen(frida.self, frida.proposalId, { accept: true });
    const afterYes = await companyProposal(companyActor, frida.proposalId);
    expect(afterYes.identity?.name).toBe('Frida Skjult');
    expect(JSON.stringify(afterYes)).not.toContain(HEALTH_NOTE);
  });
});

describe('the citizen’s view', () => {
  it('says in the citizen’s own words, and language, that the job’s hours no longer fit theirs', async () => {
    const gustav = await proposedCitizen('Gustav Egne Ord');
    await changeHoursTo25to30(gustav.self);

    const danish = await ownProposalState(gustav.self, gustav.proposalId, { language: 'da' });
    expect(danish.why?.reasons).toEqual(['Du ønsker lager og pakkeri', '2,2 km fra dig', 'Virksomheden tilbyder ekstra pauser']);
    expect(danish.why?.mind).toEqual(['Jobbet er på 10–20 t/uge, og du kan arbejde 25–30 t/uge. Tal med din jobkonsulent om det.']);
    const english = await ownProposalState(gustav.self, gustav.proposalId, { language: 'en' });
    expect(english.why?.mind).toEqual(['The job is 10–20 h/week, and you can work 25–30 h/week. Talk to your job consultant about it.']);

    // Neither the consultant's stored note nor its wording reaches the citizen's page.
    const page = JSON.stringify({ proposal: await citizenProposal(gustav.self, gustav.proposalId), ...danish });
    for (const consultantWords of [gustav.stored, 'borgeren', 'Mangler', 'Passer ikke længere']) expect(page).not.toContain(consultantWords);
  });
});
