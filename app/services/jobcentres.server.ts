/**
 * Jobcentres and their consultants, as the administrator manages them. A new consultant gets a user without a
 * password and a one-time link to choose one; the link is the password-reset link (/ny-adgangskode/…), valid
 * as long as a citizen's invitation, so the consultant sets the first password the way a forgotten one is set.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { citizens, jobcentres, users } from '../../db/schema';
import { createOneTimeToken } from '../auth/one-time-tokens.server';
import { CONSULTANT_INVITATION_DAYS, type ConsultantInput, type JobcentreInput } from '../domain/jobcentre-rules';
import { normaliseEmail } from './accounts.server';
import type { Actor } from './actor';
import { DuplicateError } from './companies.server';
import { ForbiddenError, NotFoundError } from './errors.server';
import { sendMail } from './mail.server';
import { isUuid } from './openings.server';

const CONSULTANT_HAS_USER = 'Der findes allerede en bruger med denne e-mail i Jobbro. Brug konsulentens egen arbejdsmail, eller find brugeren under det jobcenter, den hører til.';

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('Kun administratorer kan administrere jobcentre og brugere.');
}

export type JobcentreSummary = { id: string; name: string; municipality: string; consultants: number; openCases: number };

/** Every jobcentre with its number of consultants and of open citizen cases, by name. */
export async function listJobcentres(actor: Actor): Promise<JobcentreSummary[]> {
  assertAdmin(actor);
  const [rows, consultantCounts, caseCounts] = await Promise.all([
    db().select({ id: jobcentres.id, name: jobcentres.name, municipality: jobcentres.municipality }).from(jobcentres).orderBy(asc(jobcentres.name)),
    db()
      .select({ jobcentreId: users.jobcentreId, n: count() })
      .from(users)
      .where(eq(users.role, 'consultant'))
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

/** A jobcentre with its consultants, by name; `hasPassword` false while the link is not used yet. */
export async function getJobcentre(actor: Actor, jobcentreId: string) {
  assertAdmin(actor);
  const jobcentre = await findJobcentre(db(), jobcentreId);
  const consultants = await db()
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.jobcentreId, jobcentre.id), eq(users.role, 'consultant')))
    .orderBy(asc(users.name));
  return {
    ...jobcentre,
    consultants: consultants.map(({ passwordHash, ...consultant }) => ({ ...consultant, hasPassword: passwordHash !== null })),
  };
}

function consultantMail(name: string, jobcentreName: string, link: string) {
  return {
    subject: 'Du har fået adgang til Jobbro',
    body: [
      `Hej ${name}`,
      '',
      `Du er oprettet som virksomhedskonsulent for ${jobcentreName} i Jobbro.`,
      '',
      `Åbn linket, og vælg en adgangskode. Linket virker én gang og i ${CONSULTANT_INVITATION_DAYS} dage:`,
      link,
    ].join('\n'),
  };
}

/**
 * Adds a consultant to the jobcentre: the user (no password yet), the one-time link and its mail in one
 * transaction. Returns the link too, for the administrator to pass on. An email that has a user is refused
 * at the field.
 */
export async function addConsultant(actor: Actor, jobcentreId: string, input: ConsultantInput, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }) {
  assertAdmin(actor);
  const email = normaliseEmail(input.email);
  return db().transaction(async (tx) => {
    const jobcentre = await findJobcentre(tx, jobcentreId);
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (clash) throw new DuplicateError('email', CONSULTANT_HAS_USER);
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name, role: 'consultant', jobcentreId: jobcentre.id })
      .returning({ id: users.id });
    const token = await createOneTimeToken(tx, { purpose: 'password_reset', userId: user!.id, email, createdBy: actor.id, validDays: CONSULTANT_INVITATION_DAYS, now });
    const link = new URL(`/ny-adgangskode/${token}`, baseUrl).toString();
    await sendMail(tx, { to: email, ...consultantMail(input.name, jobcentre.name, link) });
    return { userId: user!.id, email, link };
  });
}
