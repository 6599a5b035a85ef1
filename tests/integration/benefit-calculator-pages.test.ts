/**
 * The benefit calculator where the consultant matches (issue 18): each match page shows, per pair, the figure
 * the agreement form shows for that citizen and job; and the citizen's "Job til mig" carries the job's wage
 * to the calculator. Through the routes' loaders, against the real database (no search configured: the
 * database answers the matching).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import { loader as newAgreementLoader } from '../../app/routes/konsulent.aftaler.ny';
import { loader as citizenMatchLoader } from '../../app/routes/konsulent.borgere.$citizenId.match';
import { loader as openingMatchLoader } from '../../app/routes/konsulent.jobopslag.$openingId';
import { loader as citizenJobsLoader } from '../../app/routes/borger.job';
import type { DatabaseHandle } from '../../db/client';
import { citizens, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const BASE = 'http://localhost:3000';
/** A word only this run's rows carry: the database is shared with other files and earlier runs. */
const MARKER = `kroner${randomUUID().slice(0, 8)}`;

let handle: DatabaseHandle;
let consultantCookie: string;
let citizenCookie: string;
let citizenId: string;
let paidOpeningId: string;
let agreementOpeningId: string;

async function sessionCookie(userId: string) {
  const token = generateSessionToken();
  await createSession(token, userId);
  return `jobbro_session=${token}`;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  const [consultant] = await handle.db
    .insert(users)
    .values({ email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Beregner Konsulent', role: 'consultant', jobcentreId: jobcentre.id })
    .returning();
  consultantCookie = await sessionCookie(consultant!.id);
  const [citizen] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentre.id, { consultantId: consultant!.id, hoursMin: 7, hoursMax: 12, wishes: `rengøring ${MARKER}`, restrictions: [] }))
    .returning({ id: citizens.id });
  citizenId = citizen!.id;
  const [citizenUser] = await handle.db
    .insert(users)
    .values({ email: `borger-${randomUUID()}@jobbro.test`, name: 'Test Borgersen', role: 'citizen', citizenId })
    .returning();
  citizenCookie = await sessionCookie(citizenUser!.id);
  const [paid, byAgreement] = await handle.db
    .insert(openings)
    .values([
      testOpening(company.id, { title: `Rengøring ${MARKER}`, hoursMin: 5, hoursMax: 10, slots: 3, demands: [], hourlyWage: 152.5 }),
      testOpening(company.id, { title: `Lager ${MARKER}`, hoursMin: 5, hoursMax: 10, slots: 3, demands: [], wageAgreement: 'Lageroverenskomsten' }),
    ])
    .returning({ id: openings.id });
  paidOpeningId = paid!.id;
  agreementOpeningId = byAgreement!.id;
});

afterAll(async () => {
  await handle?.close();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });
const get = (path: string, cookie: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });

/** The difference per month the agreement form's calculator shows before anyone types. */
async function agreementFormDifference(openingId: string) {
  const page = await newAgreementLoader(args(get(`/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${openingId}`, consultantCookie)));
  if (!('calculator' in page) || !page.calculator?.result?.covered) throw new Error('The agreement form shows no figure');
  return page.calculator.result.difference;
}

describe("the consultant's match pages show the agreement form's figure", () => {
  it('on the citizen\'s match page: the same number per job, and the agreement named where the job states no wage', async () => {
    const page = await citizenMatchLoader(args(get(`/konsulent/borgere/${citizenId}/match?q=${MARKER}`, consultantCookie), { citizenId }));
    const paid = page.results.find((job) => job.openingId === paidOpeningId);
    const byAgreement = page.results.find((job) => job.openingId === agreementOpeningId);
    // 7 hours (the citizen's minimum inside 5–10) at 152,50 kr. on kontanthjælp: a real gain, not zero.
    expect(paid?.money).toEqual({ kind: 'figure', difference: await agreementFormDifference(paidOpeningId) });
    expect(paid?.money.kind === 'figure' && paid.money.difference).toBeGreaterThan(0);
    expect(byAgreement?.money).toEqual({ kind: 'no_wage', wageAgreement: 'Lageroverenskomsten' });
  });

  it("on the opening's match page: the same number for the citizen", async () => {
    const page = await openingMatchLoader(args(get(`/konsulent/jobopslag/${paidOpeningId}?q=${MARKER}`, consultantCookie), { openingId: paidOpeningId }));
    const row = page.results.find((match) => match.citizenId === citizenId);
    expect(row?.money).toEqual({ kind: 'figure', difference: await agreementFormDifference(paidOpeningId) });
  });
});

describe('"Job til mig" starts the calculator where the agreement form does', () => {
  it('carries the hours an agreement would propose and the hourly wage, or the agreement the wage follows', async () => {
    const page = await citizenJobsLoader(args(get(`/borger/job?q=${MARKER}`, citizenCookie)));
    const paid = page.jobs.results.find((job) => job.openingId === paidOpeningId);
    const byAgreement = page.jobs.results.find((job) => job.openingId === agreementOpeningId);
    // 7 hours: the citizen's minimum inside the job's 5–10, not the job's 10 — what the agreement form starts from.
    expect(paid).toMatchObject({ calculatorPrefill: { hours: '7', wage: '152,5' }, wageAgreement: null });
    const form = await newAgreementLoader(args(get(`/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${paidOpeningId}`, consultantCookie)));
    expect('calculator' in form && form.calculator?.values).toMatchObject(paid!.calculatorPrefill);
    expect(byAgreement).toMatchObject({ calculatorPrefill: { hours: '7', wage: undefined }, wageAgreement: 'Lageroverenskomsten' });
  });
});
