/**
 * The checks every service makes before it reads or writes an object for an actor: the consultant's
 * jobcentre, and an id in the form the database stores (anything else is simply not found).
 */
import type { Actor } from './actor';
import { ForbiddenError } from './errors.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id the database could hold; another value names nothing (404, never a database error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The jobcentre a consultant works for; anyone else is refused with `refusal`, the service's own Danish
 * sentence for what only the jobcentre's consultants may do.
 */
export function consultantJobcentre(actor: Actor, refusal: string): string {
  if (actor.role !== 'consultant' || !actor.jobcentreId) throw new ForbiddenError(refusal);
  return actor.jobcentreId;
}
