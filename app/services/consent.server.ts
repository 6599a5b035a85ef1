/**
 * The citizen's consent to share a summary of their profile with companies: given or withdrawn by the citizen
 * on their own page or by their consultant on the citizen form, always the same way (recordConsentChange).
 * Withdrawing takes the citizen out of matching (the row and its search-outbox entry in one transaction; the
 * matching query reads the row, so no hit is shown from that moment) and ends every open proposal.
 *
 * The history of changes is the access log: one row per change, written also when the citizen makes it (their
 * other own uses of their data are not logged), so "Samtykke" can say when and by whom, and "Mine data" lists
 * it with everything else. It is kept as long as the access log is (two years, decision 012).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { accessLog, citizens, matchProposals } from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { CONSENT_WITHDRAWN_REASON, OPEN_PROPOSAL_STATUSES } from '../domain/proposal-rules';
import type { Role } from '../domain/vocabulary';
import type { AccessEntry } from './access-log.server';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { notify } from './notifications.server';

/** The purposes of the consent rows in the access log, in the words the citizen reads; also how they are found again. */
export const CONSENT_PURPOSES = {
  given: 'Samtykke givet: virksomheder må se et resumé af din profil uden navn, når jobcentret foreslår dig',
  withdrawn: 'Samtykke trukket tilbage: virksomheder ser ikke længere din profil, og åbne forslag blev afsluttet',
} as const;

/** How the citizen's own changes are named in their log (as their export is). */
export const OWN_CHANGE_ORGANISATION = 'Dig selv';

export type ConsentChange = {
  citizenId: string;
  consent: boolean;
  actor: AccessEntry['actor'];
  /** The actor's organisation, resolved before the transaction (accessLogOrganisation). */
  organisation: string;
  now: Date;
};

/**
 * What follows a change of consent, inside the caller's transaction (which has already saved the new value
 * and its search-outbox row): the access-log row, and on a withdrawal every open proposal ended, so no
 * company can answer one or receive the name through it. Returns how many proposals ended.
 */
export async function recordConsentChange(tx: Executor, change: ConsentChange): Promise<{ endedProposals: number }> {
  await tx.insert(accessLog).values({
    citizenId: change.citizenId,
    actorUserId: change.actor.id,
    actorRole: change.actor.role,
    organisation: change.organisation,
    action: 'change',
    purpose: change.consent ? CONSENT_PURPOSES.given : CONSENT_PURPOSES.withdrawn,
    at: change.now,
  });
  if (change.consent) return { endedProposals: 0 };
  const ended = await tx
    .update(matchProposals)
    .set({ status: 'withdrawn', withdrawnAt: change.now, withdrawnReason: CONSENT_WITHDRAWN_REASON, updatedAt: change.now })
    .where(and(eq(matchProposals.citizenId, change.citizenId), inArray(matchProposals.status, [...OPEN_PROPOSAL_STATUSES])))
    .returning({ id: matchProposals.id });
  for (const proposal of ended) await notify(tx, { kind: 'proposal_withdrawn', proposalId: proposal.id, cause: 'consent' });
  return { endedProposals: ended.length };
}

function citizenIdOf(actor: Actor): string {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError('Kun borgeren selv kan se denne side.');
  return actor.citizenId;
}

/** The citizen gives or withdraws consent on their own page. Saying the same again changes nothing and logs nothing. */
export async function setOwnConsent(actor: Actor, consent: boolean, { now = new Date() }: { now?: Date } = {}): Promise<{ changed: boolean; endedProposals: number }> {
  const citizenId = citizenIdOf(actor);
  return db().transaction(async (tx) => {
    // Locked, so a consultant saving the form at the same moment waits and sees this change.
    const [current] = await tx.select({ consentToShare: citizens.consentToShare }).from(citizens).where(eq(citizens.id, citizenId)).for('update');
    if (!current) throw new NotFoundError('Borgeren');
    if (current.consentToShare === consent) return { changed: false, endedProposals: 0 };
    await tx.update(citizens).set({ consentToShare: consent, consentUpdatedAt: now, updatedAt: now }).where(eq(citizens.id, citizenId));
    await enqueueSearchSync(tx, 'citizen', citizenId);
    const { endedProposals } = await recordConsentChange(tx, { citizenId, consent, actor, organisation: OWN_CHANGE_ORGANISATION, now });
    return { changed: true, endedProposals };
  });
}

export type ConsentHistoryEntry = { id: number; at: Date; given: boolean; byCitizen: boolean; organisation: string; role: Role };

export type OwnConsent = { consentToShare: boolean; consentUpdatedAt: Date | null; history: ConsentHistoryEntry[] };

/** The citizen's consent now, and every change still in the access log, newest first. */
export async function ownConsent(actor: Actor): Promise<OwnConsent> {
  const citizenId = citizenIdOf(actor);
  const [[row], history] = await Promise.all([
    db().select({ consentToShare: citizens.consentToShare, consentUpdatedAt: citizens.consentUpdatedAt }).from(citizens).where(eq(citizens.id, citizenId)),
    db()
      .select({ id: accessLog.id, at: accessLog.at, purpose: accessLog.purpose, organisation: accessLog.organisation, role: accessLog.actorRole })
      .from(accessLog)
      .where(and(eq(accessLog.citizenId, citizenId), inArray(accessLog.purpose, [CONSENT_PURPOSES.given, CONSENT_PURPOSES.withdrawn])))
      .orderBy(desc(accessLog.at), desc(accessLog.id)),
  ]);
  if (!row) throw new NotFoundError('Borgeren');
  return {
    ...row,
    history: history.map((entry) => ({
      id: entry.id,
      at: entry.at,
      given: entry.purpose === CONSENT_PURPOSES.given,
      byCitizen: entry.role === 'citizen',
      organisation: entry.organisation,
      role: entry.role,
    })),
  };
}
