/**
 * Jobcentres and their consultants, as the administrator manages them. A new consultant gets a user without a
 * password and a one-time link to choose one; the link is the password-reset link (/ny-adgangskode/…), valid
 * as long as a citizen's invitation, so the consultant sets the first password the way a forgotten one is set.
 */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { citizens, jobcentres, oneTimeTokens, sessions, users } from '../../db/schema';
import { createOneTimeToken, passwordLink } from '../auth/one-time-tokens.server';
import { CONSULTANT_INVITATION_DAYS, STAFF_ROLES, type ConsultantInput, type JobcentreInput, type StaffRole } from '../domain/jobcentre-rules';
import { ROLE_LABELS } from '../domain/vocabulary';
import { normaliseEmail } from './accounts.server';
import type { Actor } from './actor';
import { DuplicateError } from './companies.server';
import { ForbiddenError, NotFoundError } from './errors.server';
import { sendMail } from './mail.server';
import { isUuid } from './object-access.server';

/** A consultant button that no longer fits the consultant (another administrator got there first); shown in the row. */
export class ConsultantStateError extends Error {
  constructor(
    readonly consultantId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConsultantStateError';
  }
}

const CONSULTANT_HAS_USER = 'Der findes allerede en bruger med denne e-mail i Jobbro. Brug konsulentens egen arbejdsmail, eller find brugeren under det jobcenter, den hører til.';

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('Kun administratorer kan administrere jobcentre og brugere.');
}

export type JobcentreSummary = { id: string; name: string; municipality: string; consultants: number; openCases: number };

/** Every jobcentre with its number of active consultants and of open citizen cases, by name. */
export async function listJobcentres(actor: Actor): Promise<JobcentreSummary[]> {
  assertAdmin(actor);
  const [rows, consultantCounts, caseCounts] = await Promise.all([
    db().select({ id: jobcentres.id, name: jobcentres.name, municipality: jobcentres.municipality }).from(jobcentres).orderBy(asc(jobcentres.name)),
    db()
      .select({ jobcentreId: users.jobcentreId, n: count() })
      .from(users)
      .where(and(eq(users.role, 'consultant'), isNull(users.deactivatedAt)))
      .groupBy(users.jobcentreId),
    db()
      .select({ jobcentreId: citizens.jobcentreId, n: count() })
      .from(citizens)
      .where(isNull(citizens.closedAt))
      .groupBy(citizens.jobcentreId),
  ]);
  const consultantsOf = new Map(consultantCounts.map((row) => [row.jobcentreId, row.n]));
  const casesOf = new Map(caseCounts.map((row) => [row.jobcentreId, row.n]));
  return rows.map((row) => ({ ...row, consultants: consultantsOf.get(row.id) ?? 0, openCases: casesOf.get(row.id) ?? 0 }));
}

export async function createJobcentre(actor: Actor, input: JobcentreInput) {
  assertAdmin(actor);
  const [jobcentre] = await db().insert(jobcentres).values({ name: input.name, municipality: input.municipality }).returning({ id: jobcentres.id });
  return jobcentre!;
}

async function findJobcentre(executor: Executor, jobcentreId: string) {
  if (!isUuid(jobcentreId)) throw new NotFoundError('Jobcentret');
  const [jobcentre] = await executor
    .select({ id: jobcentres.id, name: jobcentres.name, municipality: jobcentres.municipality })
    .from(jobcentres)
    .where(eq(jobcentres.id, jobcentreId));
  if (!jobcentre) throw new NotFoundError('Jobcentret');
  return jobcentre;
}

/**
 * A jobcentre with its consultants, by name; `hasPassword` false while the link is not used yet,
 * `deactivatedAt` set once the administrator deactivated them, `openCases` the citizens they still hold.
 */
export async function getJobcentre(actor: Actor, jobcentreId: string) {
  assertAdmin(actor);
  const jobcentre = await findJobcentre(db(), jobcentreId);
  const [consultants, caseCounts] = await Promise.all([
    db()
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.jobcentreId, jobcentre.id), inArray(users.role, STAFF_ROLES)))
      .orderBy(asc(users.name)),
    db()
      .select({ consultantId: citizens.consultantId, n: count() })
      .from(citizens)
      .where(and(eq(citizens.jobcentreId, jobcentre.id), isNull(citizens.closedAt)))
      .groupBy(citizens.consultantId),
  ]);
  const casesOf = new Map(caseCounts.map((row) => [row.consultantId, row.n]));
  return {
    ...jobcentre,
    consultants: consultants.map(({ passwordHash, ...consultant }) => ({
      ...consultant,
      hasPassword: passwordHash !== null,
      openCases: casesOf.get(consultant.id) ?? 0,
    })),
  };
}

/** The consultant or leader of this jobcentre, locked for the transaction; unknown ids and other roles are 404. */
async function findConsultant(executor: Executor, jobcentreId: string, consultantId: string) {
  const jobcentre = await findJobcentre(executor, jobcentreId);
  if (!isUuid(consultantId)) throw new NotFoundError('Konsulenten');
  const [consultant] = await executor
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.id, consultantId), eq(users.jobcentreId, jobcentre.id), inArray(users.role, STAFF_ROLES)))
    .for('update');
  if (!consultant) throw new NotFoundError('Konsulenten');
  return { jobcentre, consultant };
}

function consultantMail(name: string, role: StaffRole, jobcentreName: string, link: string, { resent }: { resent: boolean }) {
  return {
    subject: resent ? 'Nyt link: Velkommen til Jobbro' : 'Velkommen til Jobbro',
    body: [
      `Hej ${name}`,
      '',
      `Velkommen til Jobbro. Du er oprettet som ${ROLE_LABELS[role].toLowerCase()} for ${jobcentreName}.`,
      ...(resent ? ['', 'Her er et nyt link. Det link, du fik før, virker ikke længere.'] : []),
      '',
      `Åbn linket, og vælg din adgangskode. Linket virker én gang og i ${CONSULTANT_INVITATION_DAYS} dage:`,
      link,
    ].join('\n'),
  };
}

function staffRoleOf(role: string): StaffRole {
  return role === 'leader' ? 'leader' : 'consultant';
}

/** Uses up every unused password link of the user, so only a link made after this works. */
export async function retirePasswordLinks(executor: Executor, userId: string, now: Date) {
  await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, 'password_reset'), isNull(oneTimeTokens.usedAt)));
}

async function mailConsultantLink(
  executor: Executor,
  details: { actor: Actor; userId: string; email: string; name: string; role: StaffRole; jobcentreName: string; baseUrl: string; now: Date; resent: boolean },
) {
  const token = await createOneTimeToken(executor, {
    purpose: 'password_reset',
    userId: details.userId,
    email: details.email,
    createdBy: details.actor.id,
    validDays: CONSULTANT_INVITATION_DAYS,
    now: details.now,
  });
  const link = passwordLink(token, details.baseUrl);
  await sendMail(executor, { to: details.email, ...consultantMail(details.name, details.role, details.jobcentreName, link, { resent: details.resent }) });
  return link;
}

/**
 * Adds a consultant or a leader (`input.role`) to the jobcentre: the user (no password yet), the one-time link and its mail in one
 * transaction. Returns the link too, for the administrator to pass on. An email that has a user is refused
 * at the field.
 */
export async function addConsultant(actor: Actor, jobcentreId: string, input: ConsultantInput, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }) {
  assertAdmin(actor);
  const email = normaliseEmail(input.email);
  const role = input.role ?? 'consultant';
  return db().transaction(async (tx) => {
    const jobcentre = await findJobcentre(tx, jobcentreId);
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (clash) throw new DuplicateError('email', CONSULTANT_HAS_USER);
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name, role, jobcentreId: jobcentre.id })
      .returning({ id: users.id });
    const link = await mailConsultantLink(tx, { actor, userId: user!.id, email, name: input.name, role, jobcentreName: jobcentre.name, baseUrl, now, resent: false });
    return { userId: user!.id, email, link };
  });
}

/**
 * A new first-password link for a consultant who has not chosen a password yet: the old links stop working,
 * and the new one is mailed (and returned for the administrator) in one transaction.
 */
export async function resendConsultantLink(actor: Actor, jobcentreId: string, consultantId: string, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }) {
  assertAdmin(actor);
  return db().transaction(async (tx) => {
    const { jobcentre, consultant } = await findConsultant(tx, jobcentreId, consultantId);
    if (consultant.deactivatedAt) throw new ConsultantStateError(consultant.id, `${consultant.name} er deaktiveret og kan ikke få et nyt link.`);
    if (consultant.passwordHash) {
      throw new ConsultantStateError(consultant.id, `${consultant.name} har allerede valgt en adgangskode. Har konsulenten glemt den, kan de selv bruge "Glemt adgangskode".`);
    }
    await retirePasswordLinks(tx, consultant.id, now);
    const link = await mailConsultantLink(tx, { actor, userId: consultant.id, email: consultant.email, name: consultant.name, role: staffRoleOf(consultant.role), jobcentreName: jobcentre.name, baseUrl, now, resent: true });
    return { userId: consultant.id, name: consultant.name, email: consultant.email, link };
  });
}

/**
 * Deactivates a consultant who has left: no login from now on, every session ended, every unused link dead.
 * Their citizens keep them as responsible consultant until someone is chosen instead; `openCases` says how
 * many need one.
 */
export async function deactivateConsultant(actor: Actor, jobcentreId: string, consultantId: string, { now = new Date() }: { now?: Date } = {}) {
  assertAdmin(actor);
  return db().transaction(async (tx) => {
    const { consultant } = await findConsultant(tx, jobcentreId, consultantId);
    if (consultant.deactivatedAt) throw new ConsultantStateError(consultant.id, `${consultant.name} er allerede deaktiveret.`);
    await tx.update(users).set({ deactivatedAt: now, updatedAt: now }).where(eq(users.id, consultant.id));
    await tx.delete(sessions).where(eq(sessions.userId, consultant.id));
    await retirePasswordLinks(tx, consultant.id, now);
    const [cases] = await tx
      .select({ n: count() })
      .from(citizens)
      .where(and(eq(citizens.consultantId, consultant.id), isNull(citizens.closedAt)));
    return { userId: consultant.id, name: consultant.name, openCases: cases?.n ?? 0 };
  });
}

export type JobcentreContact = { id: string; name: string; municipality: string; phone: string | null; email: string | null };

/** Public: how to reach each jobcentre (the contact page, and where a person is told to contact the jobcentre). */
export async function jobcentreContacts(): Promise<JobcentreContact[]> {
  return db()
    .select({ id: jobcentres.id, name: jobcentres.name, municipality: jobcentres.municipality, phone: jobcentres.phone, email: jobcentres.email })
    .from(jobcentres)
    .orderBy(asc(jobcentres.name));
}
