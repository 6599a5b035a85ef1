/**
 * The leader's dashboard against a real database: a small jobcentre whose work is done through the services
 * (proposals, answers, agreements, confirmations, monthly hours, follow-ups), then dated into the first half of
 * 2026, so every figure can be worked out by hand below. A second jobcentre's work must never show.
 *
 * The story, in Copenhagen time (period January–June 2026, "today" 15 July 2026):
 * - O1 småjob, a jobordre by Anne, published 1 Feb 00:30 (31 Jan 23:30 UTC: February, not January).
 * - O2 fleksjob posted by the company, 10 Feb; O3 småjob via the API, 5 Mar; O4 fleksjob, Bo's jobordre, 20 Mar.
 * - C1 (Anne's) proposed for O1 3 Feb, both say yes, starts 15 Feb; hours 12, 22, 31, 34 (reached 30 in April);
 *   the agreement ends 10 June.
 * - C6 (Anne's) proposed for O1 5 Feb, says no.
 * - C2 (Anne's) proposed for O3 6 Mar, starts 10 Mar; hours 10, 30, 18, 25: reached in April, fell back in May.
 * - C7 (Bo's) proposed for O3 9 Mar, the company says no.
 * - C3 (Bo's, fleksjob) registered 1 Feb, proposed for O2 12 Feb, starts 20 Feb: fleksjob "i første hug".
 * - C4 (Bo's, fleksjob) registered 1 Sep 2025, proposed for O4 30 Mar, starts 1 Apr 00:30 (31 Mar 22:30 UTC,
 *   summer time): after seven months.
 * - C5 (Anne's, fleksjob) registered 1 Oct 2025, never placed.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInputSchema, proposeFollowUpDates, type AgreementInput } from '../../app/domain/agreement-rules';
import { dashboardSections } from '../../app/domain/dashboard-figures';
import { GOAL_CODES, type GoalsInput, type Period } from '../../app/domain/dashboard-rules';
import { monthsBetween } from '../../app/domain/dashboard-rules';
import type { Actor } from '../../app/services/actor';
import { agreementDraft, confirmAgreement, createAgreement } from '../../app/services/agreements.server';
import { dashboardCounts, dashboardPage, dashboardPageCsv, jobcentreGoalsOf, setJobcentreGoals, type DashboardCountsResult } from '../../app/services/dashboard.server';
import { ForbiddenError, NotFoundError } from '../../app/services/errors.server';
import { endAgreement, logFollowUp, recordMonthlyHours, skipFollowUp } from '../../app/services/follow-ups.server';
import { proposeCitizen, respondAsCitizen, respondAsCompany } from '../../app/services/proposals.server';
import type { DatabaseHandle } from '../../db/client';
import { agreements, agreementVersions, citizens, companies, matchProposals, monthlyHours, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const PERIOD: Period = { from: '2026-01-01', to: '2026-06-01', months: monthsBetween('2026-01-01', '2026-06-01') };
const TODAY = '2026-07-15';
const [JAN, FEB, MAR, APR, MAY, JUN] = PERIOD.months as [string, string, string, string, string, string];

let handle: DatabaseHandle;
let jobcentreId: string;
let anne: Actor;
let bo: Actor;
let leader: Actor;
let otherLeader: Actor;
let companyActor: Actor;
const citizenNames: string[] = [];
let counts: DashboardCountsResult;

async function insertUser(role: Actor['role'], links: { jobcentreId?: string; companyId?: string; citizenId?: string }, name: string): Promise<Actor> {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `tal-${role}-${randomUUID()}@jobbro.test`, name, role, ...links })
    .returning();
  return { id: user!.id, name, role, jobcentreId: user!.jobcentreId, companyId: user!.companyId, citizenId: user!.citizenId };
}

async function newCitizen(centre: string, consultant: Actor, name: string, createdAt: string, overrides: Partial<typeof citizens.$inferInsert> = {}) {
  citizenNames.push(name);
  const [row] = await handle.db
    .insert(citizens)
    .values(testCitizen(centre, { name, consultantId: consultant.id, restrictions: [], createdAt: new Date(createdAt), ...overrides }))
    .returning({ id: citizens.id });
  const actor = await insertUser('citizen', { citizenId: row!.id }, name);
  return { id: row!.id, actor };
}

async function newOpening(companyId: string, createdBy: string, publishedAt: string, overrides: Partial<typeof openings.$inferInsert> = {}) {
  const [row] = await handle.db
    .insert(openings)
    .values(testOpening(companyId, { startDate: '2026-02-01', slots: 3, demands: [], createdBy, publishedAt: new Date(publishedAt), createdAt: new Date(publishedAt), ...overrides }))
    .returning({ id: openings.id });
  return row!.id;
}

async function propose(consultant: Actor, openingId: string, citizenId: string, at: string) {
  const { id } = await proposeCitizen(consultant, { openingId, citizenId }, { today: at.slice(0, 10) });
  await handle.db.update(matchProposals).set({ createdAt: new Date(at) }).where(eq(matchProposals.id, id));
  return id;
}

async function agreementInput(consultant: Actor, proposalId: string, start: string, hours = '6'): Promise<AgreementInput> {
  const draft = await agreementDraft(consultant, { proposalId }, { today: start });
  return agreementInputSchema(draft.context).parse({
    ordinaryHoursPerWeek: hours,
    internshipHoursPerWeek: '0',
    days: ['mon', 'wed'],
    parts: ['morning'],
    startDate: start,
    renegotiationDate: '2026-12-01',
    tasks: 'Rengøring',
    contactName: 'Kontakt Person',
    contactRole: 'Driftsleder',
    contactPhone: '87 65 43 21',
    contactEmail: '',
    followUpDates: proposeFollowUpDates(start, draft.context.kind),
  });
}

/** Both say yes, the agreement is written and confirmed by both, then dated to `activatedAt`. */
async function place(consultant: Actor, citizen: { id: string; actor: Actor }, proposalId: string, activatedAt: string, followUpDates: string[]) {
  await respondAsCitizen(citizen.actor, proposalId, { accept: true });
  await respondAsCompany(companyActor, proposalId, { accept: true });
  const input = await agreementInput(consultant, proposalId, activatedAt.slice(0, 10));
  const { id } = await createAgreement(consultant, { proposalId }, input, { send: true });
  await confirmAgreement(companyActor, id);
  await confirmAgreement(citizen.actor, id);
  await handle.db.update(agreements).set({ activatedAt: new Date(activatedAt) }).where(eq(agreements.id, id));
  // The story's plan: only the dates it tells about, so every follow-up figure can be counted by hand.
  await handle.db.update(agreementVersions).set({ followUpDates }).where(eq(agreementVersions.agreementId, id));
  return id;
}

async function hours(consultant: Actor, agreementId: string, byMonth: Record<string, number>) {
  for (const [month, ordinaryHours] of Object.entries(byMonth)) {
    await recordMonthlyHours(consultant, agreementId, { month: `${month}-01`, ordinaryHours, internshipHours: 0, flexjobHours: 0, wageSubsidyHours: 0, reportedBy: 'company', correcting: null });
  }
}

async function followUp(consultant: Actor, agreementId: string, plannedDate: string, contactDate: string) {
  await logFollowUp(consultant, agreementId, { contactDate, withWhom: 'both', channel: 'phone', summary: 'Det går godt.', nextStep: '', plannedDate });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  jobcentreId = jobcentre.id;
  const otherJobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  await handle.db.update(companies).set({ createdAt: new Date('2026-02-02T10:00:00Z') }).where(eq(companies.id, company.id));
  const outsideCompany = await insertTestCompany(handle.db);
  anne = await insertUser('consultant', { jobcentreId }, 'Anne Konsulent');
  bo = await insertUser('consultant', { jobcentreId }, 'Bo Konsulent');
  leader = await insertUser('leader', { jobcentreId }, 'Lene Leder');
  const otherConsultant = await insertUser('consultant', { jobcentreId: otherJobcentre.id }, 'Ole Andet');
  otherLeader = await insertUser('leader', { jobcentreId: otherJobcentre.id }, 'Olga Leder');
  companyActor = await insertUser('company', { companyId: company.id }, 'Firma Person');
  const outsideCompanyUser = await insertUser('company', { companyId: outsideCompany.id }, 'Andet Firma');

  const visitation = { benefitStatus: 'flexjob_unemployment' as const, flexjobVisitationUntil: '2027-12-31' };
  const c1 = await newCitizen(jobcentreId, anne, 'Cecilie Et', '2025-11-01T10:00:00Z');
  const c2 = await newCitizen(jobcentreId, anne, 'Carl To', '2025-11-01T10:00:00Z');
  const c3 = await newCitizen(jobcentreId, bo, 'Clara Tre', '2026-02-01T10:00:00Z', visitation);
  const c4 = await newCitizen(jobcentreId, bo, 'Conrad Fire', '2025-09-01T10:00:00Z', visitation);
  await newCitizen(jobcentreId, anne, 'Connie Fem', '2025-10-01T10:00:00Z', visitation);
  const c6 = await newCitizen(jobcentreId, anne, 'Caspar Seks', '2025-11-01T10:00:00Z');
  const c7 = await newCitizen(jobcentreId, bo, 'Cille Syv', '2025-11-01T10:00:00Z');
  const outsider = await newCitizen(otherJobcentre.id, otherConsultant, 'Otto Udenfor', '2025-11-01T10:00:00Z', visitation);

  const flexjob = { kind: 'flexjob' as const, flexjobExpectedHours: 8, hoursMin: 5, hoursMax: 10 };
  const o1 = await newOpening(company.id, anne.id, '2026-01-31T23:30:00Z', { isJobOrder: true });
  const o2 = await newOpening(company.id, companyActor.id, '2026-02-10T10:00:00Z', flexjob);
  const o3 = await newOpening(company.id, companyActor.id, '2026-03-05T10:00:00Z', { createdVia: 'api' });
  const o4 = await newOpening(company.id, bo.id, '2026-03-20T10:00:00Z', { ...flexjob, isJobOrder: true });
  await newOpening(outsideCompany.id, outsideCompanyUser.id, '2026-03-01T10:00:00Z', { kind: 'sheltered_job' });
  const o6 = await newOpening(outsideCompany.id, otherConsultant.id, '2026-03-01T10:00:00Z', { ...flexjob, isJobOrder: true });

  const p1 = await propose(anne, o1, c1.id, '2026-02-03T23:30:00Z');
  const a1 = await place(anne, c1, p1, '2026-02-15T09:00:00Z', ['2026-02-20', '2026-03-20', '2026-04-20']);
  const p6 = await propose(anne, o1, c6.id, '2026-02-05T10:00:00Z');
  await respondAsCitizen(c6.actor, p6, { accept: false, reason: 'Passer ikke med mine timer' });
  const p3 = await propose(bo, o2, c3.id, '2026-02-12T10:00:00Z');
  const a3 = await place(bo, c3, p3, '2026-02-20T09:00:00Z', ['2026-03-01']);
  const p2 = await propose(anne, o3, c2.id, '2026-03-06T10:00:00Z');
  const a2 = await place(anne, c2, p2, '2026-03-10T09:00:00Z', ['2026-03-15', '2026-05-15', '2026-07-20']);
  const p7 = await propose(bo, o3, c7.id, '2026-03-09T10:00:00Z');
  await respondAsCitizen(c7.actor, p7, { accept: true });
  await respondAsCompany(companyActor, p7, { accept: false, reason: 'Vi har fundet en anden' });
  const p4 = await propose(bo, o4, c4.id, '2026-03-30T10:00:00Z');
  await place(bo, c4, p4, '2026-03-31T22:30:00Z', ['2026-06-01']);
  // The other jobcentre's citizen in a fleksjob: counted nowhere here.
  const po = await propose(otherConsultant, o6, outsider.id, '2026-03-02T10:00:00Z');
  await respondAsCitizen(outsider.actor, po, { accept: true });

  await hours(anne, a1, { '2026-02': 12, '2026-03': 22, '2026-04': 31, '2026-05': 34 });
  await hours(anne, a2, { '2026-03': 10, '2026-04': 30, '2026-05': 18, '2026-06': 25 });
  await followUp(anne, a1, '2026-02-20', '2026-02-20');
  await followUp(anne, a1, '2026-03-20', '2026-03-30');
  await followUp(anne, a2, '2026-03-15', '2026-03-16');
  await skipFollowUp(anne, a2, { plannedDate: '2026-05-15', reason: 'Borgeren var syg.' });
  await followUp(bo, a3, '2026-03-01', '2026-03-05');
  await endAgreement(anne, a1, { endReason: 'Borgeren fik fast job.' });
  await handle.db.update(agreements).set({ endedAt: new Date('2026-06-10T10:00:00Z') }).where(eq(agreements.id, a1));

  counts = await dashboardCounts({ jobcentreId, consultantId: null }, PERIOD, { today: TODAY });
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

const byMonth = <T, K extends keyof T>(series: { months: Record<string, T> }, key: K) => PERIOD.months.map((month) => series.months[month]![key]);

describe('openings received (jobordrer)', () => {
  it('counts the jobcentre’s openings by month in Copenhagen time, by kind and by who created them', () => {
    expect(byMonth(counts.openings, 'received')).toEqual([0, 2, 2, 0, 0, 0]);
    expect(counts.openings.total.received).toBe(4);
    expect(counts.openingsByKind.ordinary_hours?.total.received).toBe(2);
    expect(counts.openingsByKind.flexjob?.total.received).toBe(2);
    expect(counts.openingsByKind.sheltered_job).toBeUndefined();
    expect(counts.openingsBySource.consultant?.total.received).toBe(2);
    expect(counts.openingsBySource.company?.total.received).toBe(1);
    expect(counts.openingsBySource.api?.total.received).toBe(1);
  });

  it('gives the share with a candidate, the median days to the first proposal and the share filled', () => {
    expect(counts.openings.total).toMatchObject({ withCandidate: 4, filled: 4 });
    // First proposals after 3 (O1), 2 (O2), 1 (O3) and 10 (O4) days.
    expect(counts.openings.total.medianDaysToProposal).toBeCloseTo(2.5);
    expect(counts.openings.months[FEB]!.medianDaysToProposal).toBeCloseTo(2.5);
    expect(counts.openings.months[MAR]!.medianDaysToProposal).toBeCloseTo(5.5);
  });
});

describe('the proposal funnel', () => {
  it('follows proposals from proposed to signed, with the noes', () => {
    expect(counts.funnel.months[FEB]).toEqual({ proposed: 3, citizenYes: 2, companyYes: 2, signed: 2, citizenNo: 1, companyNo: 0, withdrawn: 0 });
    expect(counts.funnel.months[MAR]).toEqual({ proposed: 3, citizenYes: 3, companyYes: 2, signed: 2, citizenNo: 0, companyNo: 1, withdrawn: 0 });
    expect(counts.funnel.total).toEqual({ proposed: 6, citizenYes: 5, companyYes: 4, signed: 4, citizenNo: 1, companyNo: 1, withdrawn: 0 });
    // Each reason was given once: fewer than five, so not shown.
    expect(counts.noReasons).toEqual([]);
  });
});

describe('agreements and 30 ordinary hours', () => {
  it('counts agreements started and active at each month’s end, by kind; 00:30 on 1 April is April', () => {
    expect(byMonth(counts.agreements, 'started')).toEqual([0, 2, 1, 1, 0, 0]);
    expect(byMonth(counts.agreements, 'activeAtEnd')).toEqual([0, 2, 3, 4, 4, 3]);
    expect(counts.agreements.total).toEqual({ started: 4, activeAtEnd: 3 });
    expect(byMonth(counts.agreementsByKind.flexjob!, 'started')).toEqual([0, 1, 0, 1, 0, 0]);
    expect(byMonth(counts.agreementsByKind.ordinary_hours!, 'started')).toEqual([0, 1, 1, 0, 0, 0]);
  });

  it('counts citizens at 30 ordinary hours each month: one who stays, one who fell back', () => {
    expect(byMonth(counts.ordinaryHours, 'reached')).toEqual([0, 0, 0, 2, 1, 0]);
    expect(byMonth(counts.ordinaryHours, 'inAgreement')).toEqual([0, 2, 3, 4, 4, 4]);
    expect(byMonth(counts.ordinaryHours, 'firstReached')).toEqual([0, 0, 0, 2, 0, 0]);
    // C1 started in February and reached in April (2 months), C2 started in March (1 month).
    expect(counts.ordinaryHours.months[APR]!.medianMonthsToReach).toBeCloseTo(1.5);
    expect(counts.ordinaryHours.total).toEqual({ reached: 2, inAgreement: 4, firstReached: 2, medianMonthsToReach: 1.5 });
  });

  it('gives hours per week at the start and now for agreements active at the period’s end', () => {
    expect(counts.hoursPerWeek.agreements).toBe(3);
    expect(counts.hoursPerWeek.atStart).toBeCloseTo(6);
  });
});

describe('fleksjob', () => {
  it('counts visitated citizens without a fleksjob at each month’s end, and who was placed “i første hug”', () => {
    expect(byMonth(counts.flexjob, 'visitated')).toEqual([2, 3, 3, 3, 3, 3]);
    expect(byMonth(counts.flexjob, 'withoutFlexjob')).toEqual([2, 2, 2, 1, 1, 1]);
    expect(byMonth(counts.flexjob, 'placed')).toEqual([0, 1, 0, 1, 0, 0]);
    expect(byMonth(counts.flexjob, 'placedFirstTime')).toEqual([0, 1, 0, 0, 0, 0]);
    expect(counts.flexjob.total).toEqual({ visitated: 3, withoutFlexjob: 1, placed: 2, placedFirstTime: 1 });
  });
});

describe('follow-ups and companies', () => {
  it('counts planned follow-ups held within a week, skipped ones not at all, and the overdue ones now', () => {
    expect(byMonth(counts.followUps, 'due')).toEqual([0, 1, 3, 1, 0, 1]);
    expect(byMonth(counts.followUps, 'onTime')).toEqual([0, 1, 2, 0, 0, 0]);
    expect(counts.followUps.total).toEqual({ due: 6, onTime: 3 });
    // C4's 1 June is open on an active agreement; C1's missed 20 April belongs to an ended agreement.
    expect(counts.overdueNow).toBe(1);
  });

  it('counts the companies active and new', () => {
    expect(byMonth(counts.companies, 'active')).toEqual([0, 1, 1, 1, 1, 1]);
    expect(byMonth(counts.companies, 'new')).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('gives each consultant’s proposals, agreements, citizens at 30 hours and caseload', () => {
    expect(counts.consultants.map(({ id: _id, ...row }) => row)).toEqual([
      { name: 'Anne Konsulent', proposals: 3, started: 2, reached: 2, caseload: 4 },
      { name: 'Bo Konsulent', proposals: 3, started: 2, reached: 0, caseload: 3 },
    ]);
  });
});

describe('a consultant’s own caseload', () => {
  it('counts only their citizens and the openings they posted or proposed them for', async () => {
    const mine = await dashboardCounts({ jobcentreId, consultantId: bo.id }, PERIOD, { today: TODAY });
    expect(mine.funnel.total.proposed).toBe(3);
    expect(mine.openings.total.received).toBe(3);
    expect(mine.flexjob.total).toEqual({ visitated: 2, withoutFlexjob: 0, placed: 2, placedFirstTime: 1 });
    expect(mine.consultants).toEqual([]);
  });
});

describe('what a reader sees', () => {
  it('shows 1–4 as "under 5", also in shares whose part or rest is 1–4, and 0 as 0', () => {
    const sections = dashboardSections(counts, Object.fromEntries(GOAL_CODES.map((code) => [code, null])) as GoalsInput);
    const rowOf = (key: string) => sections.flatMap((section) => section.rows).find((row) => row.key === key)!;
    expect(rowOf('proposed').total).toEqual({ hidden: false, value: 6 });
    expect(rowOf('citizenYes').total).toEqual({ hidden: false, value: 5 });
    expect(rowOf('signed').total).toEqual({ hidden: true });
    expect(rowOf('openingsReceived').months[0]).toEqual({ hidden: false, value: 0 });
    expect(rowOf('openingsReceived').months[1]).toEqual({ hidden: true });
    expect(rowOf('proposalsSigned').total).toEqual({ hidden: true });
    expect(rowOf('flexjobUnemployment').total).toEqual({ hidden: true });
  });

  it('lets the leader set goals that the page shows, and refuses a leader of another jobcentre with 404, a company with 403', async () => {
    await setJobcentreGoals(leader, { ...(Object.fromEntries(GOAL_CODES.map((code) => [code, null])) as GoalsInput), flexjobUnemployment: 10, flexjobFirstTime: 60 });
    expect(await jobcentreGoalsOf(jobcentreId)).toMatchObject({ flexjobUnemployment: 10, flexjobFirstTime: 60, openingsFilled: null });
    const url = new URL(`http://localhost:3000/leder?fra=2026-01&til=2026-06&jobcenter=${jobcentreId}`);
    const page = await dashboardPage(leader, url, { today: TODAY });
    const unemployment = page.sections.flatMap((section) => section.rows).find((row) => row.key === 'flexjobUnemployment')!;
    expect(unemployment.goal).toMatchObject({ percent: 10, direction: 'atMost', met: null });
    await expect(dashboardPage(otherLeader, url, { today: TODAY })).rejects.toBeInstanceOf(NotFoundError);
    await expect(dashboardPage(companyActor, url, { today: TODAY })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setJobcentreGoals(anne, await jobcentreGoalsOf(jobcentreId))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('writes a CSV with every figure and no citizen’s name, e-mail or phone', async () => {
    const page = await dashboardPage(leader, new URL('http://localhost:3000/leder?fra=2026-01&til=2026-06'), { today: TODAY });
    const csv = dashboardPageCsv(page);
    expect(csv).toContain('Forslag og svar;Foreslået;2026-01–2026-06;6;;');
    expect(csv).toContain('Fleksjob;Fleksjobledighed;2026-06;under 5;;');
    expect(csv).toContain('Mål: højst 10 %');
    for (const name of citizenNames) expect(csv).not.toContain(name);
    const contacts = await handle.db.select({ email: citizens.email, phone: citizens.phone }).from(citizens).where(eq(citizens.jobcentreId, jobcentreId));
    for (const contact of contacts) expect(csv).not.toContain(contact.email!);
    expect(csv).not.toContain('+45');
    // The figures are counted from the tables themselves: a month's hours changed now show at once.
    const [c2Hours] = await handle.db.select({ id: monthlyHours.id }).from(monthlyHours).where(sql`${monthlyHours.month} = '2026-06-01' and ${monthlyHours.ordinaryHours} = 25`);
    await handle.db.update(monthlyHours).set({ ordinaryHours: 30 }).where(eq(monthlyHours.id, c2Hours!.id));
    const after = await dashboardCounts({ jobcentreId, consultantId: null }, PERIOD, { today: TODAY });
    expect(after.ordinaryHours.months[JUN]!.reached).toBe(1);
    expect(after.ordinaryHours.months[JAN]!.reached).toBe(0);
    expect(after.ordinaryHours.months[MAY]!.reached).toBe(1);
  });
});
