/**
 * How Jobbro slows down password guessing without letting a stranger lock the owner out (issue 12, item 9).
 * Three counts, each answering a different attacker:
 *
 * - One address guessing at one account: after 3 failures within the hour, each further try waits 2^(n-3)
 *   seconds after the last failure (1, 2, 4 … up to 15 minutes). The owner at another address is not slowed.
 * - One address guessing across accounts: 20 failures within 15 minutes stop that address for the rest of
 *   the window. Wider than the pair's, so that colleagues behind one office address do not stop each other.
 * - Many addresses guessing at one account (a botnet): 50 failures from at least 5 addresses within the hour
 *   lock the account for an hour, and the owner is mailed a link that sets a new password and lifts the lock.
 *   One or a few addresses, however busy, never lock anyone out but themselves.
 */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_WINDOW_MS = 60 * 60 * 1000;
export const PAIR_MAX_DELAY_SECONDS = 15 * 60;

export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_LOGINS_PER_ADDRESS = 20;

export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
export const ACCOUNT_LOCK_FAILURES = 50;
export const ACCOUNT_LOCK_ADDRESSES = 5;
/** As long as the window, so that the failures that caused a lock have left the count when it ends. */
export const ACCOUNT_LOCK_MS = ACCOUNT_WINDOW_MS;

/** Seconds the next try from an address must wait after its `failures`-th failure at one account. */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - PAIR_FREE_FAILURES), PAIR_MAX_DELAY_SECONDS);
}

/** Whether the failures at one account within the hour look like many machines guessing together. */
export function shouldLockAccount({ failures, addresses }: { failures: number; addresses: number }): boolean {
  return failures >= ACCOUNT_LOCK_FAILURES && addresses >= ACCOUNT_LOCK_ADDRESSES;
}

/** Whole seconds from `now` until `until` (at least 1, so a wait is never told as "0 seconds"). */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
