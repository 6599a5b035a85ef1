/**
 * Administrators. A real deployment starts without demo data, so without anyone who can log in:
 * `npm run admin:create` (scripts/admin-create.ts) makes the first administrator, with no password and a
 * one-time link to choose one. It is the first-password link a consultant gets (decision 013): a
 * `password_reset` token on /ny-adgangskode/…, whose page welcomes a user who has no password yet.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '../../db/client';
import { users } from '../../db/schema';
import { createOneTimeToken, passwordLink } from '../auth/one-time-tokens.server';
import { ADMINISTRATOR_LINK_HOURS, type AdministratorInput } from '../domain/administrator-rules';
import { normaliseEmail } from './accounts.server';
import { retirePasswordLinks } from './jobcentres.server';

/** The address belongs to a user who must not get an administrator's first link; the message says why. */
export class AdministratorNotCreatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdministratorNotCreatedError';
  }
}

export async function hasActiveAdministrator(executor: Executor = db()): Promise<boolean> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.deactivatedAt)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Creates an administrator (no password) and returns a one-time link to choose the password, built on the
 * public origin. An administrator who was created before but never chose a password gets a new link instead
 * (the old ones stop working): the first link may have expired before anyone used it. Any other user with
 * the address is refused; the command never touches an account that someone can already log in to.
 */
export async function createAdministrator(
  input: AdministratorInput,
  { baseUrl, now = new Date() }: { baseUrl: string; now?: Date },
): Promise<{ outcome: 'created' | 'new_link'; userId: string; email: string; link: string }> {
  const email = normaliseEmail(input.email);
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, role: users.role, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email))
      .for('update');
    if (existing) refuseUnlessWaitingAdministrator(email, existing);
    let userId = existing?.id;
    if (userId) {
      await retirePasswordLinks(tx, userId, now);
    } else {
      const [user] = await tx.insert(users).values({ email, name: input.name, role: 'admin' }).returning({ id: users.id });
      userId = user!.id;
    }
    const token = await createOneTimeToken(tx, { purpose: 'password_reset', userId, email, validDays: ADMINISTRATOR_LINK_HOURS / 24, now });
    return { outcome: existing ? 'new_link' : 'created', userId, email, link: passwordLink(token, baseUrl) };
  });
}

function refuseUnlessWaitingAdministrator(
  email: string,
  user: { role: string; passwordHash: string | null; deactivatedAt: Date | null },
) {
  if (user.role !== 'admin') {
    throw new AdministratorNotCreatedError(`Der findes allerede en bruger med e-mailen ${email}, som ikke er administrator. Brug en anden e-mail.`);
  }
  if (user.deactivatedAt) {
    throw new AdministratorNotCreatedError(`Administratoren ${email} er deaktiveret og kan ikke få et link. Brug en anden e-mail.`);
  }
  if (user.passwordHash) {
    throw new AdministratorNotCreatedError(
      `Administratoren ${email} har allerede en adgangskode. Er den glemt, kan administratoren selv bruge "Glemt adgangskode" på loginsiden.`,
    );
  }
}
