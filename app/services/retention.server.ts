/**
 * Retention (DESIGN: "Privacy"; rules in app/domain/retention.ts): a case closed five years ago is
 * anonymised, and access-log entries older than two years are deleted. The app runs this at start and once a
 * day (`startRetentionWorker`).
 *
 * Anonymising keeps what the jobcentre counts (jobcentre, phase, benefit status, hours, postcode, the
 * agreements with their hours, dates and companies) and removes everything that names or describes the
 * person: name, contact, wishes, competences, languages, restrictions, accommodations, health notes, the
 * companies they may not work at, the free text about them in proposals, agreements and follow-ups, their
 * login, sessions, links and mail. Each batch is one transaction, so a citizen is never half anonymised.
 */
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import {
  accessLog,
  agreements,
  agreementVersions,
  citizenExcludedCompanies,
  citizens,
  followUps,
  followUpSkips,
  mailOutbox,
  matchProposals,
  oneTimeTokens,
  sessions,
  users,
} from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { ANONYMISED_NAME, ANONYMISED_NOTE, anonymisedEmail, retentionCutoffs } from '../domain/retention';
import { startPeriodicWork } from './periodic-work.server';

/** Citizens per transaction: small enough to keep locks short, large enough to clear a backlog quickly. */
const BATCH_SIZE = 200;

export type RetentionResult = { anonymisedCitizens: number; deletedAccessLogEntries: number };

export async function applyRetention({ now = new Date(), executor = db() }: { now?: Date; executor?: Executor } = {}): Promise<RetentionResult> {
  const cutoffs = retentionCutoffs(now);
  let anonymisedCitizens = 0;
  for (;;) {
    const done = await executor.transaction((tx) => anonymiseBatch(tx, cutoffs.anonymiseCasesClosedBefore, now));
    anonymisedCitizens += done;
    if (done < BATCH_SIZE) break;
  }
  const deleted = await executor.delete(accessLog).where(lt(accessLog.at, cutoffs.deleteAccessLogBefore)).returning({ id: accessLog.id });
  return { anonymisedCitizens, deletedAccessLogEntries: deleted.length };
}

async function anonymiseBatch(tx: Executor, closedBefore: Date, now: Date): Promise<number> {
  const due = await tx
    .select({ id: citizens.id, email: citizens.email })
    .from(citizens)
    .where(and(isNotNull(citizens.closedAt), lt(citizens.closedAt, closedBefore), isNull(citizens.anonymisedAt)))
    .limit(BATCH_SIZE)
    .for('update', { skipLocked: true });
  if (due.length === 0) return 0;
  const citizenIds = due.map((citizen) => citizen.id);

  const logins = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.citizenId, citizenIds));
  const userIds = logins.map((login) => login.id);
  const emails = [...new Set([...due.map((citizen) => citizen.email), ...logins.map((login) => login.email)].filter((email): email is string => !!email))];

  if (emails.length > 0) await tx.delete(mailOutbox).where(inArray(mailOutbox.to, emails));
  if (userIds.length > 0) {
    await tx.delete(sessions).where(inArray(sessions.userId, userIds));
    await tx.delete(oneTimeTokens).where(inArray(oneTimeTokens.userId, userIds));
    for (const userId of userIds) {
      await tx.update(users).set({ email: anonymisedEmail(userId), name: ANONYMISED_NAME, phone: null, passwordHash: null, updatedAt: now }).where(eq(users.id, userId));
    }
  }
  if (emails.length > 0) await tx.delete(oneTimeTokens).where(inArray(oneTimeTokens.email, emails));

  await tx.delete(citizenExcludedCompanies).where(inArray(citizenExcludedCompanies.citizenId, citizenIds));
  await tx
    .update(matchProposals)
    .set({ explanation: '', companyReason: null, citizenReason: null, withdrawnReason: null, updatedAt: now })
    .where(inArray(matchProposals.citizenId, citizenIds));

  const agreementIds = (await tx.select({ id: agreements.id }).from(agreements).where(inArray(agreements.citizenId, citizenIds))).map((row) => row.id);
  if (agreementIds.length > 0) {
    await tx.update(agreements).set({ endReason: null, updatedAt: now }).where(inArray(agreements.id, agreementIds));
    await tx
      .update(agreementVersions)
      .set({ sharedHealthConsiderations: '', subGoals: [], changeNote: null })
      .where(inArray(agreementVersions.agreementId, agreementIds));
    await tx.update(followUps).set({ summary: ANONYMISED_NOTE, nextStep: '' }).where(inArray(followUps.agreementId, agreementIds));
    // A reason for skipping a follow-up is the consultant's free text about the citizen, like a contact's summary.
    await tx.update(followUpSkips).set({ reason: ANONYMISED_NOTE }).where(inArray(followUpSkips.agreementId, agreementIds));
  }

  await tx
    .update(citizens)
    .set({
      name: ANONYMISED_NAME,
      email: null,
      phone: null,
      wishes: '',
      competences: [],
      languages: [],
      drivingLicence: false,
      restrictions: [],
      neededAccommodations: [],
      healthNotes: '',
      consentToShare: false,
      consentUpdatedAt: now,
      flexjobVisitationUntil: null,
      nextAction: null,
      nextActionDate: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(inArray(citizens.id, citizenIds));
  // A closed case is out of the index already; this makes sure, whatever happened in between.
  await enqueueSearchSync(tx, 'citizen', citizenIds);
  return due.length;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs retention shortly after start and then once a day. Logs counts only, never who. */
export function startRetentionWorker({ firstRunAfterMs = 30_000, intervalMs = DAY_MS }: { firstRunAfterMs?: number; intervalMs?: number } = {}) {
  return startPeriodicWork(
    'retention',
    async () => {
      const result = await applyRetention();
      if (result.anonymisedCitizens > 0 || result.deletedAccessLogEntries > 0) {
        console.info(`Sletning: ${result.anonymisedCitizens} lukkede sager anonymiseret, ${result.deletedAccessLogEntries} adgangslog-linjer slettet.`);
      }
    },
    { firstRunAfterMs, intervalMs },
  );
}
