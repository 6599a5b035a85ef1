/** Companies: self sign-up with a first user, creation by a consultant (jobordre), profile, colleagues. */
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { companies, users } from '../../db/schema';
import { createOneTimeToken, findUsableToken, useToken } from '../auth/one-time-tokens.server';
import { hashPassword } from '../auth/password.server';
import type { CompanyProfileInput, CompanySignupInput } from '../domain/company-rules';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { sendMail } from './mail.server';
import { findPostcode } from './postcodes.server';

/** A clash with an existing row, reported at the field the person can fix. */
export class DuplicateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DuplicateError';
  }
}

const DUPLICATE_CVR = 'Der findes allerede en virksomhed med dette CVR-nummer i Jobbro. Kontakt jobcentret, hvis du skal have adgang til den.';
const DUPLICATE_EMAIL = 'Der findes allerede en bruger med denne e-mail. Log ind i stedet, eller brug en anden e-mail.';
/** The one who invites cannot "log ind i stedet" for the colleague. */
const COLLEAGUE_HAS_USER = 'Der findes allerede en bruger med denne e-mail i Jobbro, så vi kan ikke invitere den. Brug kollegaens arbejdsmail, eller kontakt jobcentret.';

export const COLLEAGUE_INVITATION_DAYS = 7;

function profileColumns(input: CompanyProfileInput) {
  return {
    cvr: input.cvr,
    name: input.name,
    address: input.address,
    postcode: input.postcode,
    city: findPostcode(input.postcode)?.city ?? '',
    industry: input.industry,
    ordinaryEmployees: input.ordinaryEmployees,
    phone: input.phone,
    email: input.email,
  };
}

async function assertFree(input: { cvr?: string; userEmail?: string }, exceptCompanyId?: string) {
  if (input.cvr) {
    const [clash] = await db().select({ id: companies.id }).from(companies).where(eq(companies.cvr, input.cvr));
    if (clash && clash.id !== exceptCompanyId) throw new DuplicateError('cvr', DUPLICATE_CVR);
  }
  if (input.userEmail) {
    const [clash] = await db().select({ id: users.id }).from(users).where(eq(users.email, input.userEmail));
    if (clash) throw new DuplicateError('userEmail', DUPLICATE_EMAIL);
  }
}

/** A company registers itself and its first user, in one transaction. */
export async function registerCompany(input: CompanySignupInput) {
  await assertFree({ cvr: input.cvr, userEmail: input.userEmail });
  const passwordHash = await hashPassword(input.password);
  return db().transaction(async (tx) => {
    const [company] = await tx.insert(companies).values(profileColumns(input)).returning();
    const [user] = await tx
      .insert(users)
      .values({ email: input.userEmail, name: input.userName, passwordHash, role: 'company', companyId: company!.id })
      .returning({ id: users.id });
    return { company: company!, userId: user!.id };
  });
}

/** A consultant creates a company that is not in Jobbro yet, to post a jobordre on its behalf. */
export async function createCompanyForJobOrder(actor: Actor, input: CompanyProfileInput) {
  if (actor.role !== 'consultant' || !actor.jobcentreId) throw new ForbiddenError();
  await assertFree({ cvr: input.cvr });
  const [company] = await db()
    .insert(companies)
    .values({ ...profileColumns(input), createdByJobcentreId: actor.jobcentreId })
    .returning();
  return company!;
}

export async function getCompany(actor: Actor, companyId: string) {
  if (actor.role === 'company' && actor.companyId !== companyId) throw new NotFoundError('Virksomheden');
  if (actor.role === 'citizen') throw new ForbiddenError();
  const [company] = await db().select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new NotFoundError('Virksomheden');
  return company;
}

export async function updateCompanyProfile(actor: Actor, companyId: string, input: CompanyProfileInput) {
  await getCompany(actor, companyId);
  await assertFree({ cvr: input.cvr }, companyId);
  const [company] = await db()
    .update(companies)
    .set({ ...profileColumns(input), updatedAt: new Date() })
    .where(eq(companies.id, companyId))
    .returning();
  return company!;
}

export async function listCompanies() {
  return db().select({ id: companies.id, name: companies.name, cvr: companies.cvr, city: companies.city }).from(companies).orderBy(companies.name);
}

export async function listColleagues(actor: Actor, companyId: string) {
  await getCompany(actor, companyId);
  return db()
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.companyId, companyId))
    .orderBy(users.name);
}

/** Invites a colleague by e-mail; the link is also returned so the inviter can pass it on. */
export async function inviteColleague(actor: Actor, email: string, baseUrl: string) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  const [clash] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (clash) throw new DuplicateError('inviteEmail', COLLEAGUE_HAS_USER);
  const companyId = actor.companyId;
  return db().transaction(async (tx) => {
    const token = await createOneTimeToken(tx, { purpose: 'colleague_invitation', email, companyId, createdBy: actor.id, validDays: COLLEAGUE_INVITATION_DAYS });
    const link = new URL(`/invitation/${token}`, baseUrl).toString();
    await sendMail(tx, {
      to: email,
      subject: 'Du er inviteret til Jobbro',
      body: `${actor.name} har inviteret dig til virksomhedens side i Jobbro.\n\nÅbn linket inden for ${COLLEAGUE_INVITATION_DAYS} dage, og vælg en adgangskode:\n${link}`,
    });
    return { link };
  });
}

export async function colleagueInvitation(token: string) {
  const row = await findUsableToken(db(), token, 'colleague_invitation');
  if (!row?.email || !row.companyId) return null;
  const [company] = await db().select({ name: companies.name }).from(companies).where(eq(companies.id, row.companyId));
  return { email: row.email, companyName: company?.name ?? '' };
}

/** The invited colleague sets name and password; the link is used up in the same transaction. */
export async function acceptColleagueInvitation(token: string, details: { name: string; password: string }) {
  const row = await findUsableToken(db(), token, 'colleague_invitation');
  if (!row?.email || !row.companyId) return null;
  const passwordHash = await hashPassword(details.password);
  return db().transaction(async (tx) => {
    if (!(await useToken(tx, row.id))) return null;
    const [user] = await tx
      .insert(users)
      .values({ email: row.email!, name: details.name, passwordHash, role: 'company', companyId: row.companyId! })
      .returning({ id: users.id });
    return { userId: user!.id };
  });
}
