/**
 * Accounts: who may log in. A wrong password and an unknown email get the same answer in about the same
 * time, so the login form does not tell anyone which emails have an account.
 */
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { oneTimeTokens, sessions, users } from '../../db/schema';
import { createOneTimeToken, passwordLink } from '../auth/one-time-tokens.server';
import { hashPassword, verifyPassword } from '../auth/password.server';
import { checkLoginAllowed, clearFailedLogins, lockAccount, recordFailedLogin, type LoginRefusal } from '../auth/rate-limit.server';
import type { SessionUser } from '../auth/session.server';
import { ACCOUNT_LOCK_MS } from '../domain/login-limits';
import type { Actor } from './actor';
import { ForbiddenError, NotFoundError } from './errors.server';
import { sendMail } from './mail.server';
import { isUuid } from './object-access.server';
import { publicOrigin } from './public-origin.server';

/**
 * An argon2id hash of a password nobody knows, made with the parameters of password.server.ts. Verifying
 * against it for an unknown email (or an account without a password yet) costs what a real check costs.
 * If those parameters change, make a new one: `hashPassword('…')`.
 */
const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$XW7l1Ib/VKOm8or2ijUb8A$uX4H//vQp0MdK8sCljoiMOV6Mcv4HZO9Us0NCNJyKeU';

export type AuthenticationResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; refusal: LoginRefusal; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function authenticate(input: {
  email: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<AuthenticationResult> {
  const email = normaliseEmail(input.email);
  const allowance = await checkLoginAllowed({ email, ip: input.ip, now: input.now });
  if (!allowance.allowed) return { ok: false, reason: 'rate_limited', refusal: allowance.refusal, retryAfterSeconds: allowance.retryAfterSeconds };

  const [account] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      jobcentreId: users.jobcentreId,
      companyId: users.companyId,
      citizenId: users.citizenId,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.email, email));

  const passwordMatches = await verifyPassword(account?.passwordHash ?? DUMMY_PASSWORD_HASH, input.password);
  // A deactivated account is refused like a wrong password, so the answer tells no one it exists.
  if (!account?.passwordHash || !passwordMatches || account.deactivatedAt) {
    const { underAttack } = await recordFailedLogin({ email, ip: input.ip, now: input.now });
    if (underAttack) await lockAndTellOwner(email, input.now ?? new Date());
    return { ok: false, reason: 'invalid' };
  }

  await clearFailedLogins(email, input.ip);
  const { passwordHash: _passwordHash, deactivatedAt: _deactivatedAt, ...user } = account;
  return { ok: true, user };
}

/** How long the link in the lock mail works: as long as a "Glemt adgangskode" link. */
const LOCK_MAIL_LINK_HOURS = 1;

function lockMail(name: string, link: string) {
  const minutes = ACCOUNT_LOCK_MS / 60_000;
  return {
    subject: 'Vi har lukket for login på din Jobbro-konto en tid',
    body: [
      `Hej ${name}`,
      '',
      'Nogen har prøvet mange forkerte adgangskoder til din konto i Jobbro, fra flere forskellige steder. For at beskytte dine oplysninger kan ingen logge ind på kontoen de næste ' +
        `${minutes} minutter. Din adgangskode er ikke ændret, og ingen er kommet ind.`,
      '',
      `Vil du ind nu, så vælg en ny adgangskode med linket herunder. Det åbner for login med det samme. Linket virker én gang og i ${LOCK_MAIL_LINK_HOURS} time:`,
      link,
      '',
      'Bruger du den samme adgangskode andre steder, så skift den også der.',
    ].join('\n'),
  };
}

/**
 * Many addresses guessed at the account: lock it for a while and mail its owner a link that sets a new
 * password and lifts the lock (resetPassword). Told once per lock; nothing happens for an unknown email.
 */
async function lockAndTellOwner(email: string, now: Date): Promise<void> {
  await db().transaction(async (tx) => {
    const owner = await lockAccount(tx, email, now);
    if (!owner) return;
    const token = await createOneTimeToken(tx, { purpose: 'password_reset', userId: owner.id, email: owner.email, validDays: LOCK_MAIL_LINK_HOURS / 24, now });
    await sendMail(tx, { to: owner.email, ...lockMail(owner.name, passwordLink(token, publicOrigin())) });
  });
}

export type PasswordChangeResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; reason: 'wrong_current' }
  | { ok: false; reason: 'rate_limited'; refusal: LoginRefusal; retryAfterSeconds: number };

/**
 * A logged-in user changes their password (already checked against the password rules). The current one
 * must be given, and a wrong one counts as a failed login, so a borrowed open session cannot be used to guess
 * it. Every other session of the user ends and unused reset links die; `keepSessionId` (the browser asking) stays.
 */
export async function changePassword(
  user: { id: string; email: string },
  input: { currentPassword: string; newPassword: string; keepSessionId: string; ip: string; now?: Date },
): Promise<PasswordChangeResult> {
  const now = input.now ?? new Date();
  const allowance = await checkLoginAllowed({ email: user.email, ip: input.ip, now });
  if (!allowance.allowed) return { ok: false, reason: 'rate_limited', refusal: allowance.refusal, retryAfterSeconds: allowance.retryAfterSeconds };
  const [account] = await db()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, user.id), isNull(users.deactivatedAt)));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    const { underAttack } = await recordFailedLogin({ email: user.email, ip: input.ip, now });
    if (underAttack) await lockAndTellOwner(user.email, now);
    return { ok: false, reason: 'wrong_current' };
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, 'password_reset'), isNull(oneTimeTokens.usedAt)));
    return tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId)))
      .returning({ id: sessions.id });
  });
  await clearFailedLogins(user.email, input.ip);
  return { ok: true, otherSessionsEnded: ended.length };
}

/** Access cannot be withdrawn as asked; the message says why, in Danish, at the row. */
export class AccessRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessRefusedError';
  }
}

/**
 * Takes a user's login away (users.deactivated_at): every session ends at once, every unused one-time link
 * dies, and a login with the right password is refused like a wrong one (authenticate).
 */
export async function withdrawLogin(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor.update(users).set({ deactivatedAt: now, updatedAt: now }).where(eq(users.id, userId));
  await executor.delete(sessions).where(eq(sessions.userId, userId));
  await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
}

/**
 * "Fjern adgang": a company user takes a colleague's login away, say one who left the company. Not their own
 * (so the company is never left without an active user), and only a colleague of the same company: another
 * company's user is "not found", as if it did not exist.
 */
export async function removeColleagueAccess(actor: Actor, colleagueId: string, now: Date = new Date()): Promise<{ name: string }> {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  if (!isUuid(colleagueId)) throw new NotFoundError('Kollegaen');
  const companyId = actor.companyId;
  return db().transaction(async (tx) => {
    const [colleague] = await tx
      .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.id, colleagueId), eq(users.companyId, companyId), eq(users.role, 'company')));
    if (!colleague) throw new NotFoundError('Kollegaen');
    if (colleague.id === actor.id) throw new AccessRefusedError('Du kan ikke fjerne din egen adgang. Bed en kollega om at gøre det.');
    if (colleague.deactivatedAt) throw new AccessRefusedError(`${colleague.name} har allerede ikke adgang.`);
    const [others] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.companyId, companyId), eq(users.role, 'company'), isNull(users.deactivatedAt), ne(users.id, colleague.id)));
    if ((others?.n ?? 0) === 0) throw new AccessRefusedError('Virksomheden skal have mindst én bruger med adgang.');
    await withdrawLogin(tx, colleague.id, now);
    return { name: colleague.name };
  });
}
