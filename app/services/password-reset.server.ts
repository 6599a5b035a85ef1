/**
 * A forgotten password, for every user with a password: a one-time link valid for one hour goes to the
 * account's email. The answer to the request is the same whether the email has an account or not, so the
 * form does not tell anyone who uses Jobbro. Choosing the new password ends every session of the user.
 */
import { and, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { db } from '../../db/client';
import { oneTimeTokens, users } from '../../db/schema';
import { createOneTimeToken, findUsableToken, passwordLink, useToken } from '../auth/one-time-tokens.server';
import { hashPassword } from '../auth/password.server';
import { forgiveAccount } from '../auth/rate-limit.server';
import { invalidateUserSessions } from '../auth/session.server';
import { normaliseEmail } from './accounts.server';
import { sendMail } from './mail.server';

export const PASSWORD_RESET_HOURS = 1;
/** More links than this within the hour are not sent: enough for a lost mail, too few to flood an inbox. */
export const MAX_RESET_LINKS_PER_HOUR = 3;

const HOUR_MS = 60 * 60 * 1000;

function resetMail(name: string, link: string) {
  return {
    subject: 'Ny adgangskode til Jobbro',
    body: [
      `Hej ${name}`,
      '',
      'Du har bedt om en ny adgangskode til Jobbro. Åbn linket, og vælg en ny adgangskode.',
      `Linket virker én gang og i ${PASSWORD_RESET_HOURS} time:`,
      link,
      '',
      'Har du ikke bedt om en ny adgangskode, kan du se bort fra denne mail. Din adgangskode er ikke ændret.',
    ].join('\n'),
  };
}

/**
 * Mails a reset link when the email belongs to a user who has a password (and has not had too many links
 * this hour). Returns nothing either way: the caller must answer the same in every case.
 */
export async function requestPasswordReset(email: string, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }): Promise<void> {
  const address = normaliseEmail(email);
  const [user] = await db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.email, address), isNotNull(users.passwordHash), isNull(users.deactivatedAt)));
  if (!user) return;
  await db().transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.purpose, 'password_reset'), gt(oneTimeTokens.createdAt, new Date(now.getTime() - HOUR_MS))));
    if ((recent?.n ?? 0) >= MAX_RESET_LINKS_PER_HOUR) return;
    const token = await createOneTimeToken(tx, { purpose: 'password_reset', userId: user.id, email: user.email, validDays: PASSWORD_RESET_HOURS / 24, now });
    await sendMail(tx, { to: user.email, ...resetMail(user.name, passwordLink(token, baseUrl)) });
  });
}

/**
 * The email a usable reset link is for, or null when it is unknown, used, expired or its user deactivated.
 * `firstPassword` is true for a new user's first link (a consultant the administrator added), whose page
 * welcomes rather than speaks of a "new" password.
 */
export async function passwordResetFor(token: string, now = new Date()): Promise<{ email: string; firstPassword: boolean } | null> {
  const row = await findUsableToken(db(), token, 'password_reset', now);
  if (!row?.userId) return null;
  const [user] = await db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, row.userId), isNull(users.deactivatedAt)));
  return user ? { email: user.email, firstPassword: user.passwordHash === null } : null;
}

/**
 * Sets the new password (already checked against the password rules), uses up the link and every other
 * unused reset link of the user, lifts a lock after many guesses, and ends all the user's sessions. Returns the user to start a fresh
 * session for, or null when the link no longer works.
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ userId: string } | null> {
  const row = await findUsableToken(db(), token, 'password_reset', now);
  if (!row?.userId) return null;
  const userId = row.userId;
  const passwordHash = await hashPassword(password);
  const done = await db().transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId));
    if (!user || user.deactivatedAt) return false;
    if (!(await useToken(tx, row.id, now))) return false;
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, 'password_reset'), isNull(oneTimeTokens.usedAt)));
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    // The link came from the owner's mailbox: a lock after many guesses (and the guesses) end here.
    await forgiveAccount(tx, userId, user.email, now);
    return true;
  });
  if (!done) return null;
  await invalidateUserSessions(userId);
  return { userId };
}
