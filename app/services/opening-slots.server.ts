/**
 * An agreement that is awaiting confirmation or active holds one of its opening's slots (app/domain/slots.ts):
 * taking one is refused when all are held, and the opening is filled when all are held and opens again when one
 * is freed, with a search-outbox row in the same transaction. Used by writing, ending and withdrawing.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agreements, openings } from '../../db/schema';
import { enqueueSearchSync } from '../../search/outbox';
import { statusAfterSlotChange } from '../domain/opening-rules';
import { SLOT_HOLDING_AGREEMENT_STATUSES } from '../domain/slots';
import { AgreementRefusedError } from './agreement-access.server';
import { NotFoundError } from './errors.server';

export const SLOTS_TAKEN = 'Alle pladser i jobopslaget er optaget af aftaler, der er aktive eller afventer bekræftelse. Afslut en af dem, eller giv jobopslaget flere pladser.';

/**
 * Takes a slot for the agreement, or refuses when the opening's slots are all held by other agreements (or
 * the citizen already holds one at this opening). Locks the opening row so two agreements cannot take the
 * last slot at once.
 */
export async function takeSlot(tx: Executor, openingId: string, agreementId: string | null, citizenId: string) {
  const [opening] = await tx.select({ slots: openings.slots }).from(openings).where(eq(openings.id, openingId)).for('update');
  if (!opening) throw new NotFoundError('Jobopslaget');
  const others = await tx
    .select({ id: agreements.id, citizenId: agreements.citizenId })
    .from(agreements)
    .where(
      and(
        eq(agreements.openingId, openingId),
        inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES]),
        agreementId ? ne(agreements.id, agreementId) : undefined,
      ),
    );
  if (others.some((other) => other.citizenId === citizenId)) {
    throw new AgreementRefusedError('Borgeren har allerede en aftale om dette job, som er aktiv eller afventer bekræftelse.');
  }
  if (others.length >= opening.slots) throw new AgreementRefusedError(SLOTS_TAKEN);
}

/** Filled when all slots are held, open again when one is freed; search follows through the outbox. */
export async function syncOpeningSlots(tx: Executor, openingId: string | null) {
  if (!openingId) return;
  const [opening] = await tx.select({ status: openings.status, slots: openings.slots }).from(openings).where(eq(openings.id, openingId));
  if (!opening) return;
  const [held] = await tx
    .select({ n: count() })
    .from(agreements)
    .where(and(eq(agreements.openingId, openingId), inArray(agreements.status, [...SLOT_HOLDING_AGREEMENT_STATUSES])));
  const status = statusAfterSlotChange(opening.status, opening.slots, held?.n ?? 0);
  if (status !== opening.status) await tx.update(openings).set({ status, updatedAt: new Date() }).where(eq(openings.id, openingId));
  await enqueueSearchSync(tx, 'opening', openingId);
}
