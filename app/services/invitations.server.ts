/**
 * How a citizen gets in: the one module behind the citizen's login (see docs/decisions/005-citizen-login.md).
 * A consultant invites a citizen of their jobcentre from the profile: the citizen's user is made if missing
 * (role citizen, linked to the profile, no password yet) and a one-time link valid for 7 days goes to the
 * citizen's e-mail, and only there: the consultant sees that it was sent (to which address, when) and can
 * send a new one, never the link, so nobody but the citizen can choose the citizen's password. The citizen
 * opens the link, chooses a password and is in.
 *
 * A MitID/OIDC login would replace the password step here: the routes only ask "who is this invitation for"
 * and "let this person in", and get a user id to start a session with.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { citizens, oneTimeTokens, users } from '../../db/schema';
import { createOneTimeToken, findUsableToken, useToken } from '../auth/one-time-tokens.server';
import { hashPassword } from '../auth/password.server';
import { RATE_LIMITS } from '../domain/rate-limit-rules';
import { nameForMail } from '../domain/text-rules';
import { accessLogOrganisation, logCitizenAccess } from './access-log.server';
import { normaliseEmail, withdrawLogin } from './accounts.server';
import type { Actor } from './actor';
import { NotFoundError } from './errors.server';
import { sendMail } from './mail.server';
import { takeAllowance } from './rate-limits.server';
import { consultantJobcentre as consultantJobcentreOf, isUuid } from './object-access.server';

export const CITIZEN_INVITATION_DAYS = 7;

export const INVITATION_PURPOSES = {
  status: 'Sagsbehandling: jobcentret så, om du har adgang til Jobbro',
  invite: 'Sagsbehandling: du blev inviteret til Jobbro',
  removeAccess: 'Sagsbehandling: jobcentret fjernede din adgang til Jobbro',
} as const;

/** The invitation cannot be made; the message says what to do, in Danish, for the consultant. */
export class InvitationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvitationRefusedError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The consultant's jobcentre (object-access.server.ts), refused with this service's sentence. */
const consultantJobcentre = (actor: Actor) => consultantJobcentreOf(actor, 'Kun jobcentrets konsulenter kan invitere borgere.');

async function citizenOfJobcentre(executor: Executor, actor: Actor, citizenId: string) {
  const jobcentreId = consultantJobcentre(actor);
  if (!isUuid(citizenId)) throw new NotFoundError('Borgeren');
  const [citizen] = await executor
    .select({ id: citizens.id, name: citizens.name, email: citizens.email, closedAt: citizens.closedAt })
    .from(citizens)
    .where(and(eq(citizens.id, citizenId), eq(citizens.jobcentreId, jobcentreId)));
  if (!citizen) throw new NotFoundError('Borgeren');
  return citizen;
}

async function userOfCitizen(executor: Executor, citizenId: string) {
  const [user] = await executor
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
      // Spelled out: drizzle writes a column in a select's sql without its table, which the subquery would misread.
      hasMitId: sql<boolean>`exists (select 1 from external_identities where external_identities.user_id = users.id)`,
    })
    .from(users)
    .where(and(eq(users.citizenId, citizenId), eq(users.role, 'citizen')));
  return user ?? null;
}

/** A citizen can log in with a password of their own or with MitID (decision 034), unless access was removed. */
function canLogIn(user: { passwordHash: string | null; hasMitId: boolean; deactivatedAt: Date | null } | null): boolean {
  return Boolean(user && (user.passwordHash || user.hasMitId) && !user.deactivatedAt);
}

export type PendingInvitation = { sentTo: string; sentAt: Date; expiresAt: Date };

/** The newest unused, unexpired invitation link: where and when it went, and until when it works. */
async function pendingInvitation(executor: Executor, userId: string, now: Date): Promise<PendingInvitation | null> {
  const [row] = await executor
    .select({ sentTo: oneTimeTokens.email, sentAt: oneTimeTokens.createdAt, expiresAt: oneTimeTokens.expiresAt })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, 'citizen_invitation'), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .orderBy(desc(oneTimeTokens.createdAt))
    .limit(1);
  return row?.sentTo ? { sentTo: row.sentTo, sentAt: row.sentAt, expiresAt: row.expiresAt } : null;
}

export type InvitationStatus = {
  citizenId: string;
  name: string;
  email: string | null;
  closed: boolean;
  /** The citizen has chosen a password or bound MitID, and can log in. */
  hasAccess: boolean;
  /** The newest link that still works: sent to which address, when, and until when it works. */
  pending: PendingInvitation | null;
  /** A consultant took the citizen's login away; a new invitation gives it back. */
  accessRemoved: boolean;
};

/**
 * Whether the citizen of the consultant's jobcentre can log in, or has a link waiting. Logged as a read,
 * unless the caller already logged the read it is part of (the profile page logs its own), so the citizen
 * does not see one look twice in "Hvem har set mine oplysninger".
 */
export async function invitationStatus(actor: Actor, citizenId: string, now = new Date(), { logRead = true }: { logRead?: boolean } = {}): Promise<InvitationStatus> {
  const citizen = await citizenOfJobcentre(db(), actor, citizenId);
  const user = await userOfCitizen(db(), citizen.id);
  if (logRead) await logCitizenAccess(db(), { citizenIds: [citizen.id], actor, action: 'read', purpose: INVITATION_PURPOSES.status });
  return {
    citizenId: citizen.id,
    name: citizen.name,
    email: citizen.email,
    closed: citizen.closedAt !== null,
    hasAccess: canLogIn(user),
    accessRemoved: Boolean(user?.deactivatedAt),
    pending: user && !canLogIn(user) ? await pendingInvitation(db(), user.id, now) : null,
  };
}

function invitationMail(name: string, link: string) {
  return {
    subject: 'Velkommen til Jobbro',
    body: [
      `Hej ${nameForMail(name, '')}`.trim(),
      '',
      'Dit jobcenter har givet dig adgang til Jobbro. Her kan du se job, der passer til dig, skrive dine ønsker og se, hvem der har set dine oplysninger.',
      '',
      `Åbn linket, og vælg en adgangskode. Linket virker én gang og i ${CITIZEN_INVITATION_DAYS} dage:`,
      link,
      '',
      'Har du spørgsmål, så kontakt din jobkonsulent.',
    ].join('\n'),
  };
}

/**
 * Invites a citizen of the consultant's jobcentre: makes the citizen's user if missing, replaces any earlier
 * unused link (it stops working) and mails the new one to the citizen. Returns where and when it went, never
 * the link. Refused for a closed case, a citizen without an email, an email another user has, or a citizen
 * who can already log in (they use "Glemt adgangskode" instead, so nobody but the citizen ever sets their
 * password again). Limited per consultant and per recipient (RateLimitedError).
 */
export async function inviteCitizen(actor: Actor, citizenId: string, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }): Promise<PendingInvitation> {
  const citizen = await citizenOfJobcentre(db(), actor, citizenId);
  if (citizen.closedAt) throw new InvitationRefusedError('Sagen er lukket, så borgeren kan ikke inviteres.');
  if (!citizen.email) throw new InvitationRefusedError('Borgeren har ingen e-mail. Skriv e-mailen på profilen under Ret, og prøv igen.');
  const email = normaliseEmail(citizen.email);
  const organisation = await accessLogOrganisation(actor);
  await takeAllowance(
    [
      { ...RATE_LIMITS.citizenInvitationPerAccount, key: actor.id },
      { ...RATE_LIMITS.citizenInvitationPerRecipient, key: email },
    ],
    now,
  );

  return db().transaction(async (tx) => {
    const [holder] = await tx.select({ id: users.id, citizenId: users.citizenId }).from(users).where(eq(users.email, email));
    if (holder && holder.citizenId !== citizen.id) {
      throw new InvitationRefusedError('E-mailen bruges allerede af en anden bruger i Jobbro. Ret borgerens e-mail på profilen, og prøv igen.');
    }
    let user = await userOfCitizen(tx, citizen.id);
    // A citizen whose access was removed gets it back through a new invitation: a password of their own again.
    if (canLogIn(user)) {
      throw new InvitationRefusedError(
        'Borgeren har allerede adgang til Jobbro med adgangskode eller MitID. Har borgeren glemt sin adgangskode, kan borgeren selv få en ny under "Glemt adgangskode".',
      );
    }
    if (!user) {
      const [created] = await tx
        .insert(users)
        .values({ email, name: citizen.name, role: 'citizen', citizenId: citizen.id })
        .returning({ id: users.id, email: users.email, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt });
      user = { ...created!, hasMitId: false };
    } else if (user.email !== email) {
      await tx.update(users).set({ email, name: citizen.name, updatedAt: now }).where(eq(users.id, user.id));
    }
    // Only the newest link works: an older one may be lying in an old mail.
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, 'citizen_invitation'), isNull(oneTimeTokens.usedAt)));
    const token = await createOneTimeToken(tx, { purpose: 'citizen_invitation', userId: user.id, email, createdBy: actor.id, validDays: CITIZEN_INVITATION_DAYS, now });
    const link = new URL(`/velkommen/${token}`, baseUrl).toString();
    await sendMail(tx, { to: email, ...invitationMail(citizen.name, link) });
    await logCitizenAccess(tx, { citizenIds: [citizen.id], actor, action: 'change', purpose: INVITATION_PURPOSES.invite, organisation });
    return { sentTo: email, sentAt: now, expiresAt: new Date(now.getTime() + CITIZEN_INVITATION_DAYS * DAY_MS) };
  });
}

export type CitizenInvitation = { name: string; email: string };

/** Who a usable invitation link is for, or null when it is unknown, used or expired. */
export async function citizenInvitation(token: string, now = new Date()): Promise<CitizenInvitation | null> {
  const row = await findUsableToken(db(), token, 'citizen_invitation', now);
  if (!row?.userId) return null;
  const [user] = await db()
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, row.userId), eq(users.role, 'citizen')));
  return user ?? null;
}

/**
 * The invited citizen chooses a password (already checked against the password rules); the link is used up
 * in the same transaction, and access a consultant removed is given back. Returns the user to start a
 * session for, or null when the link no longer works.
 */
export async function acceptCitizenInvitation(token: string, password: string, now = new Date()): Promise<{ userId: string } | null> {
  const row = await findUsableToken(db(), token, 'citizen_invitation', now);
  if (!row?.userId) return null;
  const userId = row.userId;
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    if (!(await useToken(tx, row.id, now))) return null;
    const updated = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, deactivatedAt: null, loginLockedUntil: null })
      .where(and(eq(users.id, userId), eq(users.role, 'citizen')))
      .returning({ id: users.id });
    return updated.length === 1 ? { userId } : null;
  });
}

/**
 * A consultant of the citizen's jobcentre takes the citizen's login away (the citizen asked, or a shared
 * computer was lost): every session ends, a pending link dies, and a login is refused like a wrong password.
 * The profile and the case stay as they are. A new invitation gives the login back.
 */
export async function removeCitizenAccess(actor: Actor, citizenId: string, now = new Date()): Promise<void> {
  const citizen = await citizenOfJobcentre(db(), actor, citizenId);
  const organisation = await accessLogOrganisation(actor);
  await db().transaction(async (tx) => {
    const user = await userOfCitizen(tx, citizen.id);
    if (!user) throw new InvitationRefusedError('Borgeren har ingen adgang til Jobbro, så der er intet at fjerne.');
    if (user.deactivatedAt) throw new InvitationRefusedError('Borgerens adgang er allerede fjernet.');
    await withdrawLogin(tx, user.id, now);
    await logCitizenAccess(tx, { citizenIds: [citizen.id], actor, action: 'change', purpose: INVITATION_PURPOSES.removeAccess, organisation });
  });
}
