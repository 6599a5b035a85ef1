/**
 * How often a mail may be caused by someone who is not staff, or by staff to one person: company sign-ups,
 * colleague invitations and citizen invitations. Each limit counts events under a bucket and a key (a client
 * address, an account, a recipient's e-mail) within a sliding window. The login limits live with the login
 * (app/auth/rate-limit.server.ts), which counts failures rather than events.
 */

const HOUR_MS = 60 * 60 * 1000;

export type RateLimit = { bucket: string; limit: number; windowMs: number };

export const RATE_LIMITS = {
  /** An office behind one address may sign up a few companies; a script may not sign up hundreds. */
  signupPerClient: { bucket: 'signup:client', limit: 20, windowMs: HOUR_MS },
  /** Enough for a lost mail; too few to fill anyone's inbox with sign-up mails. */
  signupPerRecipient: { bucket: 'signup:recipient', limit: 3, windowMs: HOUR_MS },
  /** A company inviting its staff, not a mailing list. */
  colleagueInvitationPerAccount: { bucket: 'colleague-invitation:account', limit: 10, windowMs: HOUR_MS },
  colleagueInvitationPerClient: { bucket: 'colleague-invitation:client', limit: 20, windowMs: HOUR_MS },
  colleagueInvitationPerRecipient: { bucket: 'colleague-invitation:recipient', limit: 3, windowMs: HOUR_MS },
  /** A consultant's busy day of first meetings. */
  citizenInvitationPerAccount: { bucket: 'citizen-invitation:account', limit: 60, windowMs: HOUR_MS },
  /** Sending again a few times when the citizen cannot find the mail; not a stream of mails to one person. */
  citizenInvitationPerRecipient: { bucket: 'citizen-invitation:recipient', limit: 5, windowMs: HOUR_MS },
} as const satisfies Record<string, RateLimit>;

/**
 * Whether one more event fits the limit, given when the `limit`-th most recent event within the window
 * happened (null when there are fewer than `limit` of them). When it does not fit, that event leaving the
 * window is when one more fits again.
 */
export function allowanceAfter(limitthRecent: Date | null, rule: Pick<RateLimit, 'windowMs'>, now: Date): { allowed: true } | { allowed: false; retryAt: Date } {
  if (!limitthRecent) return { allowed: true };
  const retryAt = new Date(limitthRecent.getTime() + rule.windowMs);
  return retryAt.getTime() <= now.getTime() ? { allowed: true } : { allowed: false, retryAt };
}

/** Whole minutes until `retryAt`, at least one, as a person is told to wait. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

/**
 * What the form says when a limit is reached. It names neither the address nor why (which limit), so it
 * tells nobody whether an e-mail has an account or has been tried before.
 */
export function tooManyMailsMessage(retryAfterMinutes: number): string {
  const wait = retryAfterMinutes === 1 ? '1 minut' : `${retryAfterMinutes} minutter`;
  return `Der er sendt for mange mails på kort tid. Vent ${wait}, og prøv igen.`;
}
