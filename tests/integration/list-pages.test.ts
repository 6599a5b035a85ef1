/**
 * The lists a company or a jobcentre grows are shown a page at a time (decision 028): the company's proposals
 * and agreements, and the consultant's agreements. Each page holds at most LIST_PAGE_SIZE, the next page
 * (?side=2) holds the rest, and the company still learns how many proposals wait for its answer in all.
 */
import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { agreements, agreementVersions, citizens, matchProposals, openings, users } from '../../db/schema';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { LIST_PAGE_SIZE } from '../../app/domain/pagination';
import { loader as consultantAgreementsPage } from '../../app/routes/konsulent.aftaler._index';
import { loader as companyAgreementsPage } from '../../app/routes/virksomhed.aftaler._index';
import { loader as companyProposalsPage } from '../../app/routes/virksomhed.forslag._index';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

/** A page and a bit. */
const COUNT = LIST_PAGE_SIZE + 3;
/** Of which this many still ask for the company's answer. */
const AWAITING = 7;

let handle: DatabaseHandle;
let companyCookie: string;
let consultantCookie: string;

async function sessionFor(userId: string) {
  const token = generateSessionToken();
  await createSession(token, userId);
  return `jobbro_session=${token}`;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  const [consultant, owner] = await handle.db
    .insert(users)
    .values([
      { email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Liste Konsulent', role: 'consultant', jobcentreId: jobcentre.id },
      { email: `ejer-${randomUUID()}@firma.test`, name: 'Liste Ejer', role: 'company', companyId: company.id },
    ])
    .returning();
  consultantCookie = await sessionFor(consultant!.id);
  companyCookie = await sessionFor(owner!.id);

  const [opening] = await handle.db.insert(openings).values(testOpening(company.id, { slots: COUNT })).returning({ id: openings.id });
  const people = await handle.db
    .insert(citizens)
    .values(Array.from({ length: COUNT }, (_, n) => testCitizen(jobcentre.id, { consultantId: consultant!.id, name: `Liste Borger ${String(n).padStart(3, '0')}` })))
    .returning({ id: citizens.id });
  const proposals = await handle.db
    .insert(matchProposals)
    .values(people.map((citizen, n) => ({ openingId: opening!.id, citizenId: citizen.id, proposedBy: consultant!.id, status: n < AWAITING ? ('proposed' as const) : ('accepted' as const) })))
    .returning({ id: matchProposals.id, citizenId: matchProposals.citizenId });
  const written = await handle.db
    .insert(agreements)
    .values(proposals.map((proposal) => ({ citizenId: proposal.citizenId, companyId: company.id, openingId: opening!.id, proposalId: proposal.id, status: 'awaiting_confirmation' as const })))
    .returning({ id: agreements.id });
  // As many accepted proposals again with no agreement yet: ready for one.
  const waitingForAgreement = await handle.db
    .insert(citizens)
    .values(Array.from({ length: COUNT }, (_, n) => testCitizen(jobcentre.id, { consultantId: consultant!.id, name: `Klar Borger ${n}` })))
    .returning({ id: citizens.id });
  await handle.db.insert(matchProposals).values(waitingForAgreement.map((citizen) => ({ openingId: opening!.id, citizenId: citizen.id, proposedBy: consultant!.id, status: 'accepted' as const })));
  await handle.db.insert(agreementVersions).values(
    written.map((agreement) => ({
      agreementId: agreement.id,
      version: 1,
      ordinaryHoursPerWeek: 10,
      schedule: {} as never,
      startDate: '2027-02-01',
      tasks: ['Pakke varer'],
      contactName: 'Liste Ejer',
      contactRole: 'Ejer',
      followUpDates: [],
    })),
  );
});

afterAll(async () => {
  await handle?.close();
});

function open<T extends (args: LoaderFunctionArgs) => Promise<unknown>>(loader: T, path: string, cookie: string) {
  return loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), params: {}, context: { clientIp: '203.0.113.9', cspNonce: 'test' } } as LoaderFunctionArgs) as unknown as Promise<
    Awaited<ReturnType<T>>
  >;
}

describe("the company's proposals", () => {
  it('come a page at a time, the next page holds the rest, and the count of those awaiting an answer covers all', async () => {
    // The proposals with an agreement and those ready for one: two pages and a bit.
    const first = await open(companyProposalsPage, '/virksomhed/forslag', companyCookie);
    expect(first.proposals).toHaveLength(LIST_PAGE_SIZE);
    expect(first.page).toMatchObject({ page: 1, pageCount: 3, total: 2 * COUNT });
    expect(first.waiting).toBe(AWAITING);
    const rest = [await open(companyProposalsPage, '/virksomhed/forslag?side=2', companyCookie), await open(companyProposalsPage, '/virksomhed/forslag?side=3', companyCookie)];
    expect(rest.map((page) => page.proposals.length)).toEqual([LIST_PAGE_SIZE, 2 * COUNT - 2 * LIST_PAGE_SIZE]);
    expect(new Set([first, ...rest].flatMap((page) => page.proposals.map((proposal) => proposal.id))).size).toBe(2 * COUNT);
  });
});

describe("the company's agreements", () => {
  it('come a page at a time and the next page holds the rest', async () => {
    const first = await open(companyAgreementsPage, '/virksomhed/aftaler', companyCookie);
    expect(first.agreements).toHaveLength(LIST_PAGE_SIZE);
    const second = await open(companyAgreementsPage, '/virksomhed/aftaler?side=2', companyCookie);
    expect(second.agreements).toHaveLength(COUNT - LIST_PAGE_SIZE);
    expect(new Set([...first.agreements, ...second.agreements].map((agreement) => agreement.id)).size).toBe(COUNT);
  });
});

describe("the consultant's agreements", () => {
  it('come a page at a time, for the consultant and for the whole jobcentre, and the accepted proposals waiting for one are bounded too', async () => {
    for (const filter of ['', 'konsulent=alle&']) {
      const first = await open(consultantAgreementsPage, `/konsulent/aftaler?${filter}`, consultantCookie);
      expect(first.agreements).toHaveLength(LIST_PAGE_SIZE);
      expect(first.page.pageCount).toBe(2);
      const second = await open(consultantAgreementsPage, `/konsulent/aftaler?${filter}side=2`, consultantCookie);
      expect(second.agreements).toHaveLength(COUNT - LIST_PAGE_SIZE);
      expect(second.agreements[0]!.citizenName).toBe(`Liste Borger ${String(LIST_PAGE_SIZE).padStart(3, '0')}`);
    }
    const page = await open(consultantAgreementsPage, '/konsulent/aftaler', consultantCookie);
    expect(page.ready).toHaveLength(LIST_PAGE_SIZE);
    expect(page.readyTotal).toBe(COUNT);
  });
});
