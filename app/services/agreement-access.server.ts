/**
 * What every agreement service shares: the refusal a form shows at its field, the access-log purposes, and
 * the agreement's row as each party may read it (a consultant of the citizen's jobcentre, the company once it
 * is sent, the citizen their own) or locked inside a transaction. Writing is agreements.server.ts, reading
 * agreement-views.server.ts and agreement-lists.server.ts, following up follow-ups.server.ts.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agreements, citizens, companies, openings } from '../../db/schema';
import type { Actor } from './actor';
import { FieldRefusedError, ForbiddenError, NotFoundError } from './errors.server';
import { consultantJobcentre, isUuid } from './object-access.server';

export const AGREEMENT = 'Aftalen';

/** The agreement cannot be saved or moved as asked; `field` names the form field the message belongs at. */
export class AgreementRefusedError extends FieldRefusedError {
  constructor(message: string, field?: string) {
    super(message, field);
    this.name = 'AgreementRefusedError';
  }
}

export const AGREEMENT_PURPOSES = {
  write: (companyName: string) => `Aftale med ${companyName}: aftalen blev skrevet eller ændret`,
  consultantRead: (companyName: string) => `Opfølgning på aftalen med ${companyName}`,
  draft: (companyName: string) => `Aftale med ${companyName}: en aftale blev forberedt`,
  renegotiation: (companyName: string) => `Aftale med ${companyName}: aftalen blev åbnet for at genforhandle den`,
  calendar: (companyName: string) => `Opfølgning på aftalen med ${companyName}: opfølgningsplanen blev hentet som kalenderfil`,
  companyRead: (companyName: string) => `Aftale med ${companyName}: virksomheden åbnede aftalen`,
  companyCalendar: (companyName: string) => `Aftale med ${companyName}: virksomheden hentede opfølgningsplanen som kalenderfil`,
  followUp: (companyName: string) => `Opfølgning på aftalen med ${companyName}: kontakt eller timer registreret`,
  companyHours: (companyName: string) => `Aftale med ${companyName}: virksomheden oplyste dine timer for en måned`,
  end: (companyName: string) => `Aftale med ${companyName}: aftalen blev afsluttet`,
} as const;

/** The consultant's jobcentre (object-access.server.ts), refused with the agreement services' sentence. */
export const consultantJobcentreForAgreements = (actor: Actor) => consultantJobcentre(actor, 'Kun jobcentrets konsulenter kan skrive og følge op på aftaler.');

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof loadAgreementRow>>>;

export async function loadAgreementRow(executor: Executor, agreementId: string) {
  if (!isUuid(agreementId)) return undefined;
  const [row] = await executor
    .select({
      agreement: agreements,
      citizenName: citizens.name,
      citizenJobcentreId: citizens.jobcentreId,
      companyName: companies.name,
      opening: { id: openings.id, title: openings.title, kind: openings.kind, slots: openings.slots },
    })
    .from(agreements)
    .innerJoin(citizens, eq(citizens.id, agreements.citizenId))
    .innerJoin(companies, eq(companies.id, agreements.companyId))
    .leftJoin(openings, eq(openings.id, agreements.openingId))
    .where(eq(agreements.id, agreementId));
  return row;
}

/**
 * Locks the agreement row and reads it again: a simultaneous confirmation or renegotiation waits here and
 * then sees the other's committed change (two confirmations at once would otherwise each miss the other's).
 */
export async function lockAgreement(tx: Executor, agreementId: string) {
  const [locked] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
  if (!locked) throw new NotFoundError(AGREEMENT);
  return locked;
}

/** Only a consultant of the citizen's jobcentre; another jobcentre's agreement is not found. */
export async function agreementRowForConsultant(executor: Executor, actor: Actor, agreementId: string) {
  const jobcentreId = consultantJobcentreForAgreements(actor);
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.citizenJobcentreId !== jobcentreId) throw new NotFoundError(AGREEMENT);
  return row;
}

/** Only a company user, and only their own company's agreement once it is sent (a draft is not theirs yet). */
export async function agreementRowForCompany(executor: Executor, actor: Actor, agreementId: string) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.agreement.companyId !== actor.companyId || row.agreement.status === 'draft') throw new NotFoundError(AGREEMENT);
  return row;
}

/** Only the citizen, and only their own agreement once it is sent (a draft is not shown yet). */
export async function agreementRowForCitizen(executor: Executor, actor: Actor, agreementId: string) {
  if (actor.role !== 'citizen' || !actor.citizenId) throw new ForbiddenError();
  const row = await loadAgreementRow(executor, agreementId);
  if (!row || row.agreement.citizenId !== actor.citizenId || row.agreement.status === 'draft') throw new NotFoundError(AGREEMENT);
  return row;
}
