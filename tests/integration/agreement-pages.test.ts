/**
 * The consultant's agreement pages through their routes: the new-agreement page, the renegotiation page and
 * the calendar file each write the read to the citizen's access log (the citizen sees who looked), and a
 * direct agreement for a pair the rules refuse is answered 400 with the reason at the form, not a 500.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../../app/auth/session.server';
import type { Actor } from '../../app/services/actor';
import { agreementDraft, agreementSchemaFor, createAgreement } from '../../app/services/agreements.server';
import { action as newAgreementAction, loader as newAgreementLoader } from '../../app/routes/konsulent.aftaler.ny';
import { loader as renegotiationLoader } from '../../app/routes/konsulent.aftaler.$agreementId.genforhandling';
import { loader as calendarLoader } from '../../app/routes/konsulent.aftaler.$agreementId.kalender[.]ics';
import type { DatabaseHandle } from '../../db/client';
import { accessLog, agreements, citizens, openings, users } from '../../db/schema';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const BASE = 'http://localhost:3000';

let handle: DatabaseHandle;
let consultant: Actor;
let cookie: string;
let companyName: string;
let ordinaryOpeningId: string;
let flexjobOpeningId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const jobcentre = await insertTestJobcentre(handle.db);
  const company = await insertTestCompany(handle.db);
  companyName = company.name;
  const [user] = await handle.db
    .insert(users)
    .values({ email: `konsulent-${randomUUID()}@jobbro.test`, name: 'Side Konsulent', role: 'consultant', jobcentreId: jobcentre.id })
    .returning();
  consultant = { id: user!.id, name: user!.name, role: 'consultant', jobcentreId: jobcentre.id, companyId: null, citizenId: null };
  const token = generateSessionToken();
  await createSession(token, consultant.id);
  cookie = `jobbro_session=${token}`;
  const [ordinary, flexjob] = await handle.db
    .insert(openings)
    .values([testOpening(company.id, { slots: 5 }), testOpening(company.id, { kind: 'flexjob', title: 'Fleksjob i kantinen', hoursMin: 5, hoursMax: 15, slots: 5 })])
    .returning({ id: openings.id });
  ordinaryOpeningId = ordinary!.id;
  flexjobOpeningId = flexjob!.id;
});

afterAll(async () => {
  await handle?.close();
});

async function newCitizen(overrides: Partial<typeof citizens.$inferInsert> = {}) {
  const [citizen] = await handle.db
    .insert(citizens)
    .values(testCitizen(consultant.jobcentreId!, { consultantId: consultant.id, ...overrides }))
    .returning({ id: citizens.id });
  return citizen!.id;
}

async function readsOf(citizenId: string) {
  const rows = await handle.db
    .select({ action: accessLog.action, purpose: accessLog.purpose, actor: accessLog.actorUserId })
    .from(accessLog)
    .where(and(eq(accessLog.citizenId, citizenId), eq(accessLog.action, 'read')));
  return rows;
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientIp: '127.0.0.1', cspNonce: 'test' } });

const get = (path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });

async function writtenAgreement(citizenId: string) {
  const source = { citizenId, openingId: ordinaryOpeningId };
  const draft = await agreementDraft(consultant, source);
  const input = agreementSchemaFor(draft).parse(draft.values);
  return (await createAgreement(consultant, source, input, { send: true })).id;
}

describe("the consultant's agreement pages log their read of the citizen", () => {
  it('the new-agreement page', async () => {
    const citizenId = await newCitizen();
    const loaded = await newAgreementLoader(args(get(`/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${ordinaryOpeningId}`)));
    expect(loaded).toMatchObject({ step: 'form', draft: { citizen: { id: citizenId } } });
    expect(await readsOf(citizenId)).toEqual([{ action: 'read', purpose: `Aftale med ${companyName}: en aftale blev forberedt`, actor: consultant.id }]);
  });

  it('the new-agreement page that refuses the pair, since the refusal tells about the citizen too', async () => {
    const citizenId = await newCitizen({ benefitStatus: 'cash_benefit_activity_ready', flexjobVisitationUntil: null });
    const loaded = await newAgreementLoader(args(get(`/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${flexjobOpeningId}`)));
    expect(loaded).toMatchObject({ step: 'refused' });
    expect(await readsOf(citizenId)).toHaveLength(1);
  });

  it('the renegotiation page', async () => {
    const citizenId = await newCitizen();
    const agreementId = await writtenAgreement(citizenId);
    const loaded = await renegotiationLoader(args(get(`/konsulent/aftaler/${agreementId}/genforhandling`), { agreementId }));
    expect(loaded.draft.id).toBe(agreementId);
    expect(await readsOf(citizenId)).toEqual([
      { action: 'read', purpose: `Aftale med ${companyName}: aftalen blev åbnet for at genforhandle den`, actor: consultant.id },
    ]);
  });

  it('the calendar file', async () => {
    const citizenId = await newCitizen({ name: 'Kalender Borgersen' });
    const agreementId = await writtenAgreement(citizenId);
    const answer = await calendarLoader(args(get(`/konsulent/aftaler/${agreementId}/kalender.ics`), { agreementId }));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Kalender Borgersen');
    expect(await readsOf(citizenId)).toEqual([
      { action: 'read', purpose: `Opfølgning på aftalen med ${companyName}: opfølgningsplanen blev hentet som kalenderfil`, actor: consultant.id },
    ]);
  });
});

describe('a direct agreement for a pair the rules refuse', () => {
  it('is answered 400 with the reason at the form, and nothing is written', async () => {
    const citizenId = await newCitizen({ benefitStatus: 'cash_benefit_activity_ready', flexjobVisitationUntil: null });
    // A complete form, as the page fills it for a job this citizen may take; only the pair posted is refused.
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries((await agreementDraft(consultant, { citizenId, openingId: ordinaryOpeningId })).values)) {
      for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
    }
    const request = new Request(`${BASE}/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${flexjobOpeningId}`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: BASE },
      body: form,
    });

    const answer = (await newAgreementAction(args(request))) as unknown as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(answer.init.status).toBe(400);
    expect(answer.data.errors).toEqual({ form: 'Fleksjob kræver en visitation til fleksjob, og borgeren er ikke visiteret.' });
    expect(await handle.db.select().from(agreements).where(eq(agreements.citizenId, citizenId))).toEqual([]);
  });
});
