/**
 * An opening's slots: how many people it takes, and the agreements that hold one. Open with a free slot is
 * a hard filter (app/domain/hard-filters.ts); an opening whose slots are all held becomes filled
 * (opening-rules.ts, statusAfterSlotChange).
 */
import type { AgreementStatus } from './vocabulary';

/**
 * Agreements that hold a slot of their opening: being confirmed or active. The same agreements are the
 * ones in force: followed up, and linked from the citizen's proposals.
 */
export const SLOT_HOLDING_AGREEMENT_STATUSES = ['active', 'awaiting_confirmation'] as const satisfies readonly AgreementStatus[];

export function holdsSlot(status: AgreementStatus): boolean {
  return (SLOT_HOLDING_AGREEMENT_STATUSES as readonly AgreementStatus[]).includes(status);
}

export function freeSlotsOf(slots: number, takenSlots: number): number {
  return Math.max(0, slots - takenSlots);
}
