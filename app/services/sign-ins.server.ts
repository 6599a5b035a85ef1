/**
 * What a login through MitID, MitID Erhverv or the municipality's single sign-on means for Jobbro: which user
 * it is, bound the first time and found by the provider's subject afterwards (decision 034). The identity was
 * proved by app/auth/sign-in-providers.server.ts; here only Jobbro's own rules run, each refusal a code.
 *
 * Jobbro keeps the provider's stable subject, never a CPR number; from MitID Erhverv it takes the CVR number
 * and the organisation's name for the company, the person's name and e-mail for the user.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { companies, externalIdentities, jobcentres, oneTimeTokens, users } from '../../db/schema';
import { createOneTimeToken, findUsableToken, useToken } from '../auth/one-time-tokens.server';
import type { ProvedIdentity } from '../auth/sign-in-providers.server';
import type { CompanyProfileInput } from '../domain/company-rules';
import { CLAIMS, COMPANY_SIGN_UP_MINUTES, cvrFromClaim, meetsAssurance, staffRoleFromClaim, type SignInRefusal } from '../domain/sign-in-rules';
import type { Role } from '../domain/vocabulary';
import { normaliseEmail } from './accounts.server';
import { findPostcode } from './postcodes.server';

export type SignInResult = { ok: true; userId: string; role: Role } | { ok: false; refusal: SignInRefusal };

const refused = (refusal: SignInRefusal): SignInResult => ({ ok: false, refusal });

function textClaim(identity: ProvedIdentity, name: string): string | null {
  const value = identity.claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The user a subject is bound to, with what the rules below need. */
async function boundUser(executor: Executor, identity: ProvedIdentity) {
  const [row] = await executor
    .select({ userId: users.id, role: users.role, deactivatedAt: users.deactivatedAt, companyId: users.companyId, jobcentreId: users.jobcentreId, identityId: externalIdentities.id })
    .from(externalIdentities)
    .innerJoin(users, eq(users.id, externalIdentities.userId))
    .where(and(eq(externalIdentities.provider, identity.provider), eq(externalIdentities.subject, identity.subject)));
  return row ?? null;
}

async function markUsed(executor: Executor, identityId: string, now: Date) {
  await executor.update(externalIdentities).set({ lastLoginAt: now }).where(eq(externalIdentities.id, identityId));
}

async function bind(executor: Executor, userId: string, identity: ProvedIdentity, now: Date) {
  await executor.insert(externalIdentities).values({ userId, provider: identity.provider, subject: identity.subject, issuer: identity.issuer, createdAt: now, lastLoginAt: now });
}

async function hasIdentityOf(executor: Executor, userId: string, identity: ProvedIdentity): Promise<boolean> {
  const [row] = await executor
    .select({ id: externalIdentities.id })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.userId, userId), eq(externalIdentities.provider, identity.provider)));
  return row !== undefined;
}

// --- Citizens: MitID ------------------------------------------------------------------------------------------

/**
 * A citizen's MitID login. A bound subject logs in its citizen. An unbound one is bound only through a usable
 * invitation (the consultant's link, carried through the login as `invitationTokenId`): the invitation is used
 * up and a removed access given back, as choosing a password would; the citizen needs no password after that.
 */
export async function signInCitizen(identity: ProvedIdentity, invitationTokenId: string | null, now = new Date()): Promise<SignInResult> {
  if (!meetsAssurance(identity.assurance, 'citizen')) return refused('assurance_too_low');
  return db().transaction(async (tx) => {
    const bound = await boundUser(tx, identity);
    if (bound) {
      if (bound.role !== 'citizen') return refused('identity_taken');
      if (bound.deactivatedAt && !invitationTokenId) return refused('access_removed');
    }
    if (!invitationTokenId) {
      if (!bound) return refused('unknown_citizen');
      await markUsed(tx, bound.identityId, now);
      return { ok: true, userId: bound.userId, role: 'citizen' };
    }
    const [invitation] = await tx
      .select({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, expiresAt: oneTimeTokens.expiresAt })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.id, invitationTokenId), eq(oneTimeTokens.purpose, 'citizen_invitation'), isNull(oneTimeTokens.usedAt)));
    if (!invitation?.userId || invitation.expiresAt <= now) return refused('invitation_used');
    // One MitID is one person: bound to another citizen, or the invited citizen already has another MitID.
    if (bound && bound.userId !== invitation.userId) return refused('identity_taken');
    if (!bound && (await hasIdentityOf(tx, invitation.userId, identity))) return refused('identity_taken');
    if (!(await useToken(tx, invitation.id, now))) return refused('invitation_used');
    const reopened = await tx
      .update(users)
      .set({ deactivatedAt: null, loginLockedUntil: null, updatedAt: now })
      .where(and(eq(users.id, invitation.userId), eq(users.role, 'citizen')))
      .returning({ id: users.id });
    if (reopened.length !== 1) return refused('invitation_used');
    if (bound) await markUsed(tx, bound.identityId, now);
    else await bind(tx, invitation.userId, identity, now);
    return { ok: true, userId: invitation.userId, role: 'citizen' };
  });
}

/** The invitation a usable citizen link stands for (its stored id), to carry through a MitID login; else null. */
export async function citizenInvitationId(token: string, now = new Date()): Promise<string | null> {
  const row = await findUsableToken(db(), token, 'citizen_invitation', now);
  return row?.userId ? row.id : null;
}

// --- Companies: MitID Erhverv ----------------------------------------------------------------------------------

export type CompanySignInResult = SignInResult | { ok: 'sign_up'; token: string };

/** What MitID Erhverv told us about a company not yet in Jobbro, kept until the sign-up is finished. */
export type MitIdCompanySignUp = {
  cvr: string;
  organisationName: string;
  name: string;
  email: string;
  subject: string;
  issuer: string;
  /** For the session the finished sign-up starts, to log out at MitID Erhverv too; it holds nothing but the above. */
  idToken: string;
};

/**
 * A company user's MitID Erhverv login. A bound subject logs in its user, if the token still names the same
 * company (CVR). Else, for a CVR Jobbro knows, the person is let in as an employee of that company: the user
 * with the same e-mail at that company is bound, or a new user is made (the company's users can remove them
 * under Profil). For an unknown CVR the sign-up begins: CVR and name come from the token (`sign_up`).
 */
export async function signInCompany(identity: ProvedIdentity, now = new Date()): Promise<CompanySignInResult> {
  if (!meetsAssurance(identity.assurance, 'company')) return refused('assurance_too_low');
  const cvr = cvrFromClaim(identity.claims[CLAIMS.cvr]);
  if (!cvr) return refused('company_missing_cvr');
  return db().transaction(async (tx): Promise<CompanySignInResult> => {
    const [company] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.cvr, cvr));
    const bound = await boundUser(tx, identity);
    if (bound) {
      if (bound.role !== 'company') return refused('identity_taken');
      if (bound.deactivatedAt) return refused('access_removed');
      if (!company || bound.companyId !== company.id) return refused('company_mismatch');
      await markUsed(tx, bound.identityId, now);
      return { ok: true, userId: bound.userId, role: 'company' };
    }
    const rawEmail = textClaim(identity, 'email');
    if (!rawEmail) return refused('email_missing');
    const email = normaliseEmail(rawEmail);
    const name = textClaim(identity, 'name') ?? email;
    if (!company) {
      const organisationName = textClaim(identity, CLAIMS.organisationName);
      if (!organisationName) return refused('company_missing_cvr');
      const signUp: MitIdCompanySignUp = { cvr, organisationName, name, email, subject: identity.subject, issuer: identity.issuer, idToken: identity.idToken };
      const token = await createOneTimeToken(tx, { purpose: 'company_mitid_signup', email, payload: signUp, validDays: COMPANY_SIGN_UP_MINUTES / (24 * 60), now });
      return { ok: 'sign_up', token };
    }
    const [sameEmail] = await tx
      .select({ id: users.id, role: users.role, companyId: users.companyId, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email));
    if (sameEmail) {
      if (sameEmail.role !== 'company' || sameEmail.companyId !== company.id) return refused('email_has_user');
      if (sameEmail.deactivatedAt) return refused('access_removed');
      if (await hasIdentityOf(tx, sameEmail.id, identity)) return refused('identity_taken');
      await bind(tx, sameEmail.id, identity, now);
      return { ok: true, userId: sameEmail.id, role: 'company' };
    }
    const [user] = await tx.insert(users).values({ email, name, role: 'company', companyId: company.id }).returning({ id: users.id });
    await bind(tx, user!.id, identity, now);
    return { ok: true, userId: user!.id, role: 'company' };
  });
}

async function pendingSignUpRow(executor: Executor, token: string, now: Date) {
  const row = await findUsableToken(executor, token, 'company_mitid_signup', now);
  if (!row) return null;
  return { tokenId: row.id, signUp: row.payload as MitIdCompanySignUp };
}

/** The company sign-up MitID Erhverv began, for the form; null when it expired or was finished. */
export async function pendingMitIdSignUp(token: string, now = new Date()): Promise<MitIdCompanySignUp | null> {
  return (await pendingSignUpRow(db(), token, now))?.signUp ?? null;
}

/**
 * Finishes the sign-up: the company (CVR and name from MitID Erhverv, the rest from the form), its first user
 * and the binding, in one transaction. 'cvr_exists' when someone else registered the CVR meanwhile.
 */
export async function completeMitIdSignUp(
  token: string,
  details: Omit<CompanyProfileInput, 'cvr' | 'name'>,
  now = new Date(),
): Promise<{ ok: true; userId: string; idToken: string } | { ok: false; reason: 'expired' | 'cvr_exists' | 'email_has_user' }> {
  return db().transaction(async (tx) => {
    const pending = await pendingSignUpRow(tx, token, now);
    if (!pending || !(await useToken(tx, pending.tokenId, now))) return { ok: false, reason: 'expired' };
    const { signUp } = pending;
    const [clash] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.cvr, signUp.cvr));
    if (clash) return { ok: false, reason: 'cvr_exists' };
    const [userClash] = await tx.select({ id: users.id }).from(users).where(eq(users.email, signUp.email));
    if (userClash) return { ok: false, reason: 'email_has_user' };
    const [company] = await tx
      .insert(companies)
      .values({ ...details, cvr: signUp.cvr, name: signUp.organisationName, city: findPostcode(details.postcode)?.city ?? '' })
      .returning({ id: companies.id });
    const [user] = await tx.insert(users).values({ email: signUp.email, name: signUp.name, role: 'company', companyId: company!.id }).returning({ id: users.id });
    await tx
      .insert(externalIdentities)
      .values({ userId: user!.id, provider: 'mitid_erhverv', subject: signUp.subject, issuer: signUp.issuer, createdAt: now, lastLoginAt: now });
    return { ok: true, userId: user!.id, idToken: signUp.idToken };
  });
}

// --- Staff: the municipality's single sign-on -------------------------------------------------------------------

/**
 * A staff member's login through the municipality's identity provider, which decides the role: the role claim
 * is mapped (STAFF_ROLE_CLAIM_VALUES) and set again at every login; a consultant belongs to the jobcentre the
 * provider serves (`jobcentreName`, OIDC_STAFF_JOBCENTRE). The first login binds the user with the same
 * e-mail (one an administrator made) or makes a new one; the administrator's pages stay the fallback.
 */
export async function signInStaff(identity: ProvedIdentity, jobcentreName: string | null, now = new Date()): Promise<SignInResult> {
  const role = staffRoleFromClaim(identity.claims[CLAIMS.staffRoles]);
  if (!role) return refused('unknown_role');
  if (!meetsAssurance(identity.assurance, role)) return refused('assurance_too_low');
  return db().transaction(async (tx) => {
    const [jobcentre] = jobcentreName ? await tx.select({ id: jobcentres.id }).from(jobcentres).where(eq(jobcentres.name, jobcentreName)) : [];
    const ofAJobcentre = role !== 'admin';
    if (ofAJobcentre && !jobcentre) return refused('unknown_jobcentre');
    const jobcentreId = ofAJobcentre ? jobcentre!.id : null;
    // A municipality's provider speaks for its own jobcentre's staff only, never another's.
    const ofAnotherJobcentre = (user: { jobcentreId: string | null }) => user.jobcentreId !== null && user.jobcentreId !== jobcentre?.id;
    const bound = await boundUser(tx, identity);
    let userId: string;
    if (bound) {
      if (bound.deactivatedAt) return refused('access_removed');
      if (!isSsoStaffRole(bound.role)) return refused('identity_taken');
      if (ofAnotherJobcentre(bound)) return refused('unknown_jobcentre');
      await markUsed(tx, bound.identityId, now);
      userId = bound.userId;
    } else {
      const rawEmail = textClaim(identity, 'email');
      if (!rawEmail) return refused('email_missing');
      const email = normaliseEmail(rawEmail);
      const [sameEmail] = await tx
        .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt, jobcentreId: users.jobcentreId })
        .from(users)
        .where(eq(users.email, email));
      if (sameEmail) {
        if (!isSsoStaffRole(sameEmail.role)) return refused('email_has_user');
        if (sameEmail.deactivatedAt) return refused('access_removed');
        if (ofAnotherJobcentre(sameEmail)) return refused('unknown_jobcentre');
        if (await hasIdentityOf(tx, sameEmail.id, identity)) return refused('identity_taken');
        userId = sameEmail.id;
      } else {
        const [user] = await tx
          .insert(users)
          .values({ email, name: textClaim(identity, 'name') ?? email, role, jobcentreId })
          .returning({ id: users.id });
        userId = user!.id;
      }
      await bind(tx, userId, identity, now);
    }
    await tx.update(users).set({ role, jobcentreId, updatedAt: now }).where(eq(users.id, userId));
    return { ok: true, userId, role };
  });
}

const isSsoStaffRole = (role: Role) => role === 'consultant' || role === 'leader' || role === 'admin';

/** The login's meaning by provider: the one entry the callback route calls. */
export function signInWith(
  identity: ProvedIdentity,
  { invitationTokenId, staffJobcentre, now = new Date() }: { invitationTokenId: string | null; staffJobcentre: string | null; now?: Date },
): Promise<CompanySignInResult> {
  if (identity.provider === 'mitid') return signInCitizen(identity, invitationTokenId, now);
  if (identity.provider === 'mitid_erhverv') return signInCompany(identity, now);
  return signInStaff(identity, staffJobcentre, now);
}
