/**
 * The API's Idempotency-Key (decision 028): a client that sends a write again after a lost answer, with the
 * same key, gets the first answer instead of a second opening. Pure: the rules; the store is
 * app/services/idempotency.server.ts.
 */

/** How long a key is remembered per company: a client retries within minutes, a day covers a night's batch. */
export const IDEMPOTENCY_KEY_LIFETIME_HOURS = 24;

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export const IDEMPOTENCY_KEY_MESSAGE = `Idempotency-Key skal være 1-${IDEMPOTENCY_KEY_MAX_LENGTH} synlige tegn (fx et UUID).`;

export type IdempotencyKeyHeader = { kind: 'none' } | { kind: 'key'; key: string } | { kind: 'invalid' };

/** The header as sent: none, a key, or invalid (empty, too long, or with spaces or control characters). */
export function parseIdempotencyKey(header: string | null): IdempotencyKeyHeader {
  if (header === null) return { kind: 'none' };
  const key = header.trim();
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(key)) return { kind: 'invalid' };
  return { kind: 'key', key };
}
