/**
 * Accounts: who may log in. A wrong password and an unknown email get the same answer in about the same
 * time, so the login form does not tell anyone which emails have an account.
 */
import { eq } from 'drizzle-orm';
import { db } from '../../db/client';
import { users } from '../../db/schema';
import { verifyPassword } from '../auth/password.server';
import { checkLoginAllowed, clearFailedLogins, recordFailedLogin } from '../auth/rate-limit.server';
import type { SessionUser } from '../auth/session.server';

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
  | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

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
  if (!allowance.allowed) return { ok: false, reason: 'rate_limited', retryAfterMinutes: allowance.retryAfterMinutes };

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
    await recordFailedLogin({ email, ip: input.ip, now: input.now });
    return { ok: false, reason: 'invalid' };
  }

  await clearFailedLogins(email);
  const { passwordHash: _passwordHash, deactivatedAt: _deactivatedAt, ...user } = account;
  return { ok: true, user };
}
