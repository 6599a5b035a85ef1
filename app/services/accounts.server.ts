/**
 * Accounts: who may log in. A wrong password and an unknown email get the same answer in about the same
 * time, so the login form does not tell anyone which emails have an account.
 */
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { users } from '../../db/schema';
import { createOneTimeToken } from '../auth/one-time-tokens.server';
import { verifyPassword } from '../auth/password.server';
import { checkLoginAllowed, clearFailedLogins, lockAccount, recordFailedLogin, type LoginRefusal } from '../auth/rate-limit.server';
import type { SessionUser } from '../auth/session.server';
import { ACCOUNT_LOCK_MS } from '../domain/login-limits';
import { sendMail } from './mail.server';
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
    await sendMail(tx, { to: owner.email, ...lockMail(owner.name, new URL(`/ny-adgangskode/${token}`, publicOrigin()).toString()) });
  });
}
