import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import {
  accessLog,
  agreements,
  agreementVersions,
  citizenExcludedCompanies,
  citizens,
  followUps,
  mailOutbox,
  matchProposals,
  monthlyHours,
  oneTimeTokens,
  openings,
  sessions,
  users,
} from '../../db/schema';
import { ANONYMISED_NAME, ANONYMISED_NOTE, anonymisedEmail, yearsBefore } from '../../app/domain/retention';
import { authenticate } from '../../app/services/accounts.server';
import { applyRetention } from '../../app/services/retention.server';
import { hashPassword } from '../../app/auth/password.server';
import { insertTestCompany, insertTestJobcentre, openTestDatabase, testCitizen, testOpening } from '../helpers/database';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date();
const fiveYearsAgo = yearsBefore(now, 5);
const twoYearsAgo = yearsBefore(now, 2);

let handle: DatabaseHandle;
let jobcentreId: string;
let companyId: string;
let openingId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  jobcentreId = (await insertTestJobcentre(handle.db)).id;
  companyId = (await insertTestCompany(handle.db)).id;
  const [opening] = await handle.db.insert(openings).values(testOpening(companyId)).returning({ id: openings.id });
  openingId = opening!.id;
});

afterAll(async () => {
  await handle?.close();
});

/** A citizen with everything that names or describes them: a login, links, mail, a proposal, an agreement. */
async function citizenWithHistory(closedAt: Date | null) {
  const email = `retention-${randomUUID()}@jobbro.test`;
  const [citizen] = await handle.db
    .insert(citizens)
    .values(testCitizen(jobcentreId, { name: 'Karin Gammelsag', email, closedAt, healthNotes: 'Diskusprolaps i 2019.', wishes: 'Køkken og kantine' }))
    .returning({ id: citizens.id });
  const citizenId = citizen!.id;
  const [login] = await handle.db
    .insert(users)
    .values({ email, name: 'Karin Gammelsag', role: 'citizen', citizenId, passwordHash: await hashPassword('et-langt-kodeord-1') })
    .returning({ id: users.id });
  await handle.db.insert(sessions).values({ id: randomUUID().replaceAll('-', ''), userId: login!.id, expiresAt: new Date(Date.now() + DAY_MS) });
  await handle.db.insert(oneTimeTokens).values({ id: randomUUID(), purpose: 'password_reset', userId: login!.id, email, expiresAt: new Date(Date.now() + DAY_MS) });
  await handle.db.insert(mailOutbox).values({ to: email, subject: 'Nulstil din adgangskode', body: 'Hej Karin …' });
  await handle.db.insert(citizenExcludedCompanies).values({ citizenId, companyId, reason: 'most_recent_employer' });
  await handle.db.insert(matchProposals).values({ openingId, citizenId, status: 'citizen_declined', explanation: 'Ønsker køkken', citizenReason: 'Min ryg kan ikke' });
  const [agreement] = await handle.db
    .insert(agreements)
    .values({ citizenId, companyId, openingId, status: 'ended', endReason: 'Karin blev syg igen' })
    .returning({ id: agreements.id });
  await handle.db.insert(agreementVersions).values({
    agreementId: agreement!.id,
    version: 1,
    ordinaryHoursPerWeek: 6,
    schedule: { days: ['mon'], parts: ['morning'] },
    startDate: '2020-01-06',
    tasks: ['Opvask'],
    contactName: 'Kim Kontakt',
    contactRole: 'Køkkenleder',
    sharedHealthConsiderations: 'Må ikke løfte over 10 kg',
    subGoals: [{ description: 'Komme til tiden', dueDate: '2020-03-01' }],
    followUpDates: ['2020-02-01'],
  });
  await handle.db.insert(followUps).values({ agreementId: agreement!.id, contactDate: '2020-02-01', withWhom: 'citizen', channel: 'phone', summary: 'Karin har ondt', nextStep: 'Ring igen' });
  await handle.db.insert(monthlyHours).values({ agreementId: agreement!.id, month: '2020-01-01', ordinaryHours: 24, reportedBy: 'company' });
  return { citizenId, userId: login!.id, email, agreementId: agreement!.id };
}

async function citizenRow(citizenId: string) {
  const [row] = await handle.db.select().from(citizens).where(eq(citizens.id, citizenId));
  return row!;
}

describe('retention', () => {
  it('anonymises a case closed more than five years ago, everywhere it names or describes the citizen, in one go', async () => {
    const old = await citizenWithHistory(new Date(fiveYearsAgo.getTime() - DAY_MS));
    const recent = await citizenWithHistory(new Date(fiveYearsAgo.getTime() + DAY_MS));
    const open = await citizenWithHistory(null);

    const result = await applyRetention({ now });
    expect(result.anonymisedCitizens).toBeGreaterThanOrEqual(1);

    const anonymised = await citizenRow(old.citizenId);
    expect(anonymised).toMatchObject({
      name: ANONYMISED_NAME,
      email: null,
      phone: null,
      wishes: '',
      competences: [],
      languages: [],
      restrictions: [],
      neededAccommodations: [],
      healthNotes: '',
      consentToShare: false,
      // What the jobcentre counts stays.
      jobcentreId,
      phase: 'towards_job',
      hoursMin: 5,
      hoursMax: 10,
    });
    expect(anonymised.anonymisedAt).not.toBeNull();
    expect(JSON.stringify(anonymised)).not.toMatch(/Karin|Diskus|Køkken/);

    const [login] = await handle.db.select().from(users).where(eq(users.id, old.userId));
    expect(login).toMatchObject({ email: anonymisedEmail(old.userId), name: ANONYMISED_NAME, passwordHash: null, phone: null });
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, old.userId))).toEqual([]);
    expect(await handle.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, old.userId))).toEqual([]);
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, old.email))).toEqual([]);
    expect(await handle.db.select().from(citizenExcludedCompanies).where(eq(citizenExcludedCompanies.citizenId, old.citizenId))).toEqual([]);
    const loginAttempt = await authenticate({ email: old.email, password: 'et-langt-kodeord-1', ip: '203.0.113.9' });
    expect(loginAttempt.ok).toBe(false);

    const [proposal] = await handle.db.select().from(matchProposals).where(eq(matchProposals.citizenId, old.citizenId));
    expect(proposal).toMatchObject({ status: 'citizen_declined', explanation: '', citizenReason: null });
    const [agreement] = await handle.db.select().from(agreements).where(eq(agreements.id, old.agreementId));
    expect(agreement).toMatchObject({ status: 'ended', endReason: null, companyId });
    const [version] = await handle.db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, old.agreementId));
    expect(version).toMatchObject({ ordinaryHoursPerWeek: 6, sharedHealthConsiderations: '', subGoals: [], tasks: ['Opvask'] });
    const [followUp] = await handle.db.select().from(followUps).where(eq(followUps.agreementId, old.agreementId));
    expect(followUp).toMatchObject({ contactDate: '2020-02-01', summary: ANONYMISED_NOTE, nextStep: '' });
    const [hours] = await handle.db.select().from(monthlyHours).where(eq(monthlyHours.agreementId, old.agreementId));
    expect(hours).toMatchObject({ ordinaryHours: 24 });

    // Closed less than five years ago, or still open: untouched.
    for (const kept of [recent, open]) {
      expect(await citizenRow(kept.citizenId)).toMatchObject({ name: 'Karin Gammelsag', email: kept.email, healthNotes: 'Diskusprolaps i 2019.', anonymisedAt: null });
      expect(await handle.db.select().from(sessions).where(eq(sessions.userId, kept.userId))).toHaveLength(1);
      expect(await handle.db.select().from(citizenExcludedCompanies).where(eq(citizenExcludedCompanies.citizenId, kept.citizenId))).toHaveLength(1);
    }
  });

  it('does the same citizen only once', async () => {
    const old = await citizenWithHistory(new Date(fiveYearsAgo.getTime() - DAY_MS));
    await applyRetention({ now });
    const first = (await citizenRow(old.citizenId)).anonymisedAt;
    await applyRetention({ now: new Date(now.getTime() + DAY_MS) });
    expect((await citizenRow(old.citizenId)).anonymisedAt).toEqual(first);
  });

  it('deletes access-log entries older than two years and keeps the rest', async () => {
    const { citizenId } = await citizenWithHistory(null);
    const entry = (at: Date) => ({ citizenId, actorRole: 'consultant' as const, organisation: 'Jobcenter Test', action: 'read' as const, purpose: 'Sagsbehandling', at });
    const rows = await handle.db
      .insert(accessLog)
      .values([entry(new Date(twoYearsAgo.getTime() - DAY_MS)), entry(new Date(twoYearsAgo.getTime() + DAY_MS))])
      .returning({ id: accessLog.id, at: accessLog.at });

    const result = await applyRetention({ now });

    expect(result.deletedAccessLogEntries).toBeGreaterThanOrEqual(1);
    const left = await handle.db.select({ id: accessLog.id }).from(accessLog).where(inArray(accessLog.id, rows.map((row) => row.id)));
    expect(left).toEqual([{ id: rows[1]!.id }]);
  });
});
